// aio_run: the walkthrough's demos in a terminal, with the scripts' own flags
// (`aio_run queue -p 2 -c 5`, `aio_run chain 1 2 3`, `aio_run crawler --urls FILE --out FILE`),
// plus --seed and --clock real|virtual; the crawler's requests go through libcurl (http and https).
// Bad input prints the parameter's name and range, and exits 2 before anything runs.
#include "playground/demos/context.hpp"
#include "playground/runner/args.hpp"
#include "playground/state/state_builder.hpp"
#include "playground/state/state_json.hpp"
#include "runtime/hosts/realtime_host.hpp"
#include "runtime/hosts/virtual_host.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

using namespace aio::demos;
using aio::runner::Options;

namespace {

// Relative URLs resolve as if the page were served by web/tools/serve.sh, so a demo that fetches
// reads the bundled sample site there (from the virtual network unless --virtual-network=false).
const char* const kPageUrl = "http://127.0.0.1:8000/index.html";

// The examples are the demos' own default command lines, spelled for aio_run.
void print_usage() {
    std::printf("usage: aio_run DEMO [flags]      run a demo; aio_run DEMO --help lists its flags\n"
                "       aio_run --list            list the demos\n\n");
    for (const Demo* d : all_demos()) {
        const std::string args = command_line(*d, resolve_params(*d, {})).substr(("python3 " + d->script).size());
        if (!args.empty()) std::printf("e.g.   aio_run %s%s\n", d->name.c_str(), args.c_str());
    }
    std::printf("       add --clock virtual to any: sleeps take no time\n");
}

// Where the demo's output file goes, opened (and emptied) before the run as areq.py opens its
// foundurls.txt first: an unwritable path stops the run before any request.
struct OutFile {
    std::string path;
    std::ofstream stream;
};

// Runs the demo's program as asyncio.run would, on the virtual clock or in real time, recorded by
// a Trace; returns the state at its end, as the page would show it, its output a stretch of `lines`.
aio::page::PlaygroundState run_demo(const Demo& d, const Params& params, bool real_clock, const std::string& cacert,
                                    std::deque<aio::page::PrintedLine>& lines) {
    aio::CurlNetwork network({.ca_file = cacert});   // outlives the loop: closing the loop aborts what is in flight
    aio::Loop loop;
    aio::Trace trace;
    trace.attach(loop);
    aio::page::PlaygroundState state;
    state.demo = &d;
    state.params = params;
    state.status = aio::page::Status::Running;
    state.run = 1;
    auto print = [&lines, &loop](const std::string& line) {
        std::printf("%s\n", line.c_str());
        std::fflush(stdout);
        lines.push_back({loop.time(), line});
    };
    std::optional<aio::RealtimeHost> host;
    if (real_clock) {
        aio::set_network(loop, &network);
        host.emplace(loop, &network);
    }
    Context ctx = real_clock ? realtime_context(loop, [&host] { return host->elapsed(); }, print) : virtual_context(loop, print);
    ctx.base_url = kPageUrl;
    aio::Task<void> main = aio::create_task(loop, d.main(ctx, params), "main");
    try {
        if (host) host->run_until_complete(*main.base());
        else aio::VirtualHost(loop).run_until_complete(*main.base());
    } catch (...) {
        aio::cancel_all_tasks(loop);   // as asyncio.run: what main left running is cancelled
        throw;
    }
    aio::cancel_all_tasks(loop);
    main.result();
    state.status = aio::page::Status::Finished;
    aio::page::StateBuilder builder;
    builder.update_loop_state(state, loop, trace, ctx, false);
    builder.update_time(state, trace, loop.time());
    state.output = aio::page::LogRange(lines);
    state.history = nullptr;   // the trace ends with this call
    return state;
}

// The files the run wrote, from its state, to where --out says.
void write_files(const aio::page::PlaygroundState& state, OutFile* out) {
    for (const auto& [name, text] : state.files) {
        if (!out) throw std::runtime_error("the demo wrote " + name + ", which has no output file");
        out->stream << text << std::flush;
        if (!out->stream) throw std::runtime_error("cannot write " + out->path + ": " + std::strerror(errno));
        std::fprintf(stderr, "aio_run: wrote %s (%zu bytes)\n", out->path.c_str(), text.size());
    }
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        print_usage();
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--list") {
        for (const Demo* d : all_demos()) std::printf("  %-14s %s\n", d->name.c_str(), d->title.c_str());
        return 0;
    }
    const Demo* demo = find_demo(args[0]);
    if (!demo) {
        std::fprintf(stderr, "aio_run: no demo named '%s' (aio_run --list lists them)\n", args[0].c_str());
        return 2;
    }
    Options options;
    try {
        options = aio::runner::parse_args(*demo, {args.begin() + 1, args.end()});
    } catch (const ParamError& e) {
        std::fprintf(stderr, "aio_run: %s\n", e.what());
        return 2;
    }
    if (options.help) {
        std::fputs(aio::runner::demo_help(*demo).c_str(), stdout);
        return 0;
    }
    OutFile out;
    if (!demo->output_file.empty()) {
        out.path = options.out.empty() ? demo->output_file : options.out;
        std::error_code ec;
        if (std::filesystem::is_directory(out.path, ec)) {
            std::fprintf(stderr, "aio_run: --out must be a file, got the directory '%s'\n", out.path.c_str());
            return 2;
        }
        out.stream.open(out.path, std::ios::binary | std::ios::trunc);
        if (!out.stream) {
            std::fprintf(stderr, "aio_run: --out: cannot write '%s': %s\n", out.path.c_str(), std::strerror(errno));
            return 2;
        }
    }
    // Opened before the run, as the output file is: a bad path stops it before anything runs.
    std::ofstream state_file;
    if (!options.state_file.empty()) {
        state_file.open(options.state_file, std::ios::binary | std::ios::trunc);
        if (!state_file) {
            std::fprintf(stderr, "aio_run: --state: cannot write '%s': %s\n", options.state_file.c_str(), std::strerror(errno));
            return 2;
        }
    }
    try {
        std::deque<aio::page::PrintedLine> lines;
        const aio::page::PlaygroundState state = run_demo(*demo, options.params, options.real_clock, options.cacert, lines);
        write_files(state, demo->output_file.empty() ? nullptr : &out);
        // On stderr, so stdout stays what the script prints.
        if (options.summary)
            for (const std::string& line : describe(state.summary)) std::fprintf(stderr, "aio_run: %s\n", line.c_str());
        if (state_file.is_open()) {
            state_file << aio::page::state_json(state).dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
            if (!state_file.flush()) throw std::runtime_error("--state: cannot write '" + options.state_file + "': " + std::strerror(errno));
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "aio_run: %s: %s\n", demo->name.c_str(), e.what());
        return 1;
    }
    return 0;
}
