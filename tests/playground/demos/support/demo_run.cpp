// The per-demo tests' shared runs: the model on a VirtualHost, and its script under CPython.
#include "tests/playground/demos/support/demo_run.hpp"

#include "playground/demos/context.hpp"
#include "runtime/snapshot.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace aio::demos::testing {

namespace {
// "part1(1)" -> "part1": the frame's function name, as await_lines keys it.
std::string function_of(const std::string& label) { return label.substr(0, label.find('(')); }
}  // namespace

const Demo& demo(const std::string& name) {
    const Demo* d = find_demo(name);
    if (!d) throw std::runtime_error("no demo " + name);
    return *d;
}

ModelRun run_model(const Demo& d, const Params& given, uint64_t entropy_seed) {
    aio::Loop loop;
    ModelRun run;
    Context ctx = virtual_context(loop, [&](const std::string& l) { run.lines.push_back(l); });
    ctx.entropy.seed(entropy_seed);
    aio::Task<void> main = aio::create_task(loop, d.main(ctx, resolve_params(d, given)));
    aio::VirtualHost host(loop);
    while (!main.done()) {
        if (!host.step()) {
            run.lines.push_back("<deadlock>");   // as run_demo_script.py reports virtual_loop.Deadlock
            break;
        }
        for (const aio::TaskView& t : aio::take_snapshot(loop).tasks) {
            if (t.state != aio::TaskState::Waiting || t.stack.size() < 2) continue;
            const std::pair<std::string, std::string> key{function_of(t.stack[t.stack.size() - 2]), aio::to_string(t.wait)};
            if (!d.await_lines.count(key)) run.unmapped_waits.push_back(key.first + "/" + key.second);
        }
    }
    aio::cancel_all_tasks(loop);
    if (main.done() && !main.cancelled() && main.exception()) run.lines.push_back("<exception>");
    return run;
}

Lines lines_of(const Demo& d, const Params& given) { return run_model(d, given).lines; }

std::string mask_items(std::string line) {
    for (size_t open = line.find('<'); open != std::string::npos; open = line.find('<', open + 1)) {
        if (open + 11 >= line.size() || line[open + 11] != '>') continue;
        if (line.substr(open + 1, 10).find_first_not_of("0123456789abcdef") != std::string::npos) continue;
        line.replace(open + 1, 10, "ITEM");
    }
    return line;
}

Lines masked(Lines lines) {
    for (auto& l : lines) l = mask_items(l);
    return lines;
}

std::string error_of(const char* name, const Params& given) {
    try {
        resolve_params(demo(name), given);
    } catch (const ParamError& e) {
        return e.what();
    }
    return "(accepted)";
}

const List kSeeds = {444, 0, 1, 2, 3, 7, 42, 99, 123, 1000, 2024, 31337, 65535, 4294967295};

// Pairs of (min, max) for the randint ranges: the scripts' own, ties (one value), and 0..1.
const std::vector<std::pair<int64_t, int64_t>> kRanges = {{0, 10}, {0, 0}, {1, 1}, {0, 1}, {3, 3}, {2, 5}, {0, 3}, {5, 20}};

#ifdef __EMSCRIPTEN__
void expect_same_as_cpython(const char*, const std::vector<Params>&) {}
#else
namespace {
// From the build, not __FILE__: a compiler cache may make __FILE__ relative to the build folder.
std::string helper_script() { return AIO_DEMO_TESTS_DIR "/run_demo_script.py"; }

// The demo's script, written under its own file name (it prints its name) in a fresh folder.
std::string write_script(const Demo& d) {
    char dir[] = "/tmp/aio_demo_XXXXXX";
    if (!mkdtemp(dir)) return {};
    const std::string path = std::string(dir) + "/" + d.script;
    std::ofstream(path) << d.python;
    return path;
}

// Runs each parameter set's command line (command_line) through the helper, a few at a time.
std::vector<Lines> run_cpython(const Demo& d, const std::vector<Params>& sets) {
    const std::string script = write_script(d);
    std::vector<Lines> out(sets.size());
    constexpr size_t kParallel = 8;
    for (size_t first = 0; first < sets.size(); first += kParallel) {
        std::vector<FILE*> pipes;
        for (size_t i = first; i < std::min(sets.size(), first + kParallel); ++i) {
            std::string cmd = command_line(d, resolve_params(d, sets[i]));      // "python3 asyncq.py -p 2 -c 5 ..."
            const std::string args = cmd.substr(cmd.find(d.script) + d.script.size());
            pipes.push_back(popen(("/usr/bin/python3 " + helper_script() + " " + script + args).c_str(), "r"));
        }
        for (size_t k = 0; k < pipes.size(); ++k) {
            if (!pipes[k]) continue;
            std::string text;
            char buf[65536];
            while (size_t n = fread(buf, 1, sizeof buf, pipes[k])) text.append(buf, n);
            pclose(pipes[k]);
            std::istringstream in(text);
            for (std::string l; std::getline(in, l);) out[first + k].push_back(l);
        }
    }
    std::remove(script.c_str());
    rmdir(script.substr(0, script.rfind('/')).c_str());
    return out;
}

}  // namespace

void expect_same_as_cpython(const char* name, const std::vector<Params>& sets) {
    const Demo& d = demo(name);
    const std::vector<Lines> expected = run_cpython(d, sets);
    for (size_t i = 0; i < sets.size(); ++i) {
        SCOPED_TRACE(command_line(d, resolve_params(d, sets[i])));
        const ModelRun run = run_model(d, sets[i]);
        ASSERT_FALSE(expected[i].empty()) << "CPython printed nothing";
        EXPECT_EQ(masked(run.lines), masked(expected[i]));
        EXPECT_TRUE(run.unmapped_waits.empty()) << run.unmapped_waits.front();
    }
}
#endif

}  // namespace aio::demos::testing
