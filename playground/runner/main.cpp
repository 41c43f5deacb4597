// aio_run: the walkthrough's demos in a terminal, with the scripts' own flags
// (`aio_run queue -p 2 -c 5`, `aio_run chain 1 2 3`, `aio_run crawler --urls FILE --out FILE`),
// plus --seed and --clock real|virtual; the crawler's requests go through libcurl (http and https).
// Bad input prints the parameter's name and range, and exits 2 before anything runs.
#include "playground/demos/demo.hpp"
#include "runtime/hosts/realtime_host.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace aio::demos;

namespace {

// The crawler's relative URL lines resolve as if the page were served by web/tools/serve.sh, so
// `aio_run crawler` reads the bundled sample site there (from the virtual network unless
// --virtual-network=false).
const char* const kPageUrl = "http://127.0.0.1:8000/index.html";

// The scripts' own spellings where they differ from --param-name; an empty flag is positional.
struct Alias {
    const char *demo, *flag, *param;
};
const Alias kAliases[] = {
    {"queue", "-p", "producers"}, {"queue", "--nprod", "producers"},
    {"queue", "-c", "consumers"}, {"queue", "--ncon", "consumers"},
    {"chain", "", "ids"},
};

// -n for one-letter names, else --sleep-min for sleep_min.
std::string flag_of(const Param& p) {
    if (p.name.size() == 1) return "-" + p.name;
    std::string f = "--" + p.name;
    for (char& c : f)
        if (c == '_') c = '-';
    return f;
}

const Param* param_for_flag(const Demo& d, const std::string& flag) {
    for (const Alias& a : kAliases)
        if (d.name == a.demo && flag == a.flag)
            for (const Param& p : d.params)
                if (p.name == a.param) return &p;
    std::string norm = flag;
    for (char& c : norm)
        if (c == '_') c = '-';
    for (const Param& p : d.params)
        if (flag_of(p) == norm || "--" + p.name == flag) return &p;
    return nullptr;
}

std::string shown(double x) {
    std::string s = aio::repr(x);
    return s.size() > 2 && s.ends_with(".0") ? s.substr(0, s.size() - 2) : s;
}

std::string shown(const Value& v) {
    if (const bool* b = std::get_if<bool>(&v)) return *b ? "on" : "off";
    if (const int64_t* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
    if (const double* f = std::get_if<double>(&v)) return shown(*f);
    if (const auto* list = std::get_if<std::vector<int64_t>>(&v)) {
        std::string s;
        for (int64_t x : *list) s += (s.empty() ? "" : " ") + std::to_string(x);
        return s.empty() ? "(none)" : s;
    }
    return aio::repr(std::get<std::string>(v));
}

std::optional<int64_t> parse_int(const std::string& s) {
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    errno = 0;
    long long x = std::strtoll(s.c_str(), &end, 10);
    if (*end || errno) return std::nullopt;
    return x;
}

std::optional<double> parse_float(const std::string& s) {
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    double x = std::strtod(s.c_str(), &end);
    if (*end) return std::nullopt;
    return x;
}

[[noreturn]] void bad_text(const Demo& d, const Param& p, const std::string& what, const std::string& text) {
    throw ParamError(d.name + ": " + p.name + " must be " + what + " " + shown(p.min) + ".." + shown(p.max) + ", got '" + text + "'");
}

struct Options {
    Params params;
    bool real_clock = true;
    bool help = false;
    std::string out;      // crawler: where foundurls.txt goes
    std::string cacert;   // crawler: PEM file of CAs to trust instead of the system's
};

// The crawler's network is real, so it runs on the real clock.
bool needs_network(const Demo& d) { return d.name == "crawler"; }

// A file's text, read no further than limit + 1 bytes: a device or a FIFO that never ends
// (/dev/zero) is refused at the limit instead of filling memory.
std::string read_file(const std::string& flag, const std::string& path, size_t limit) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw ParamError(flag + " must be a file, got the directory '" + path + "'");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ParamError(flag + ": cannot read '" + path + "': " + std::strerror(errno));
    std::string text(limit + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) throw ParamError(flag + ": cannot read '" + path + "': " + std::strerror(errno));
    text.resize(static_cast<size_t>(in.gcount()));
    if (text.size() > limit)
        throw ParamError(flag + " must be 0.." + std::to_string(limit) + " bytes, got more from '" + path + "'");
    return text;
}

// argv after the demo's name, as the script's argparse would read it.
Options parse(const Demo& d, const std::vector<std::string>& args) {
    Options o;
    const Param* positional = param_for_flag(d, "");   // taken once, as argparse's nargs="*"
    for (size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i], inline_value;
        const bool has_inline = arg.starts_with("--") && arg.find('=') != std::string::npos;
        if (has_inline) {
            inline_value = arg.substr(arg.find('=') + 1);
            arg.resize(arg.find('='));
        }
        auto next_value = [&]() -> std::string {
            if (has_inline) return inline_value;
            if (i + 1 >= args.size()) throw ParamError(d.name + ": " + arg + " needs a value");
            return args[++i];
        };
        if (arg == "--help" || arg == "-h") { o.help = true; continue; }
        if (needs_network(d) && arg == "--out") { o.out = next_value(); continue; }
        if (needs_network(d) && arg == "--cacert") { o.cacert = next_value(); continue; }
        if (needs_network(d) && arg == "--urls") {   // areq.py reads urls.txt: here, any file
            const std::string path = next_value();
            o.params["urls"] = read_file(arg, path, param_for_flag(d, "--urls")->max_items);
            continue;
        }
        if (arg == "--clock") {
            const std::string c = next_value();
            if (c != "real" && c != "virtual") throw ParamError("--clock must be real or virtual, got '" + c + "'");
            o.real_clock = c == "real";
            continue;
        }
        const bool is_flag = arg.size() > 1 && arg[0] == '-' && !parse_int(arg);
        const Param* p = is_flag ? param_for_flag(d, arg) : positional;
        if (is_flag && !p) throw ParamError(d.name + ": unknown flag " + arg + " (aio_run " + d.name + " --help lists them)");
        if (!is_flag) {   // chained.py's ids: every whole number from here on
            if (!p || !parse_int(arg)) throw ParamError(d.name + ": unexpected argument '" + arg + "'");
            positional = nullptr;
            std::vector<int64_t> list{*parse_int(arg)};
            while (i + 1 < args.size() && parse_int(args[i + 1])) list.push_back(*parse_int(args[++i]));
            o.params[p->name] = list;
            continue;
        }
        switch (p->kind) {
            case Param::Kind::Bool:
                if (!has_inline) o.params[p->name] = true;
                else if (inline_value == "true" || inline_value == "false") o.params[p->name] = inline_value == "true";
                else throw ParamError(d.name + ": " + p->name + " must be true or false, got '" + inline_value + "'");
                break;
            case Param::Kind::Int: {
                const std::string text = next_value();
                if (auto x = parse_int(text)) o.params[p->name] = *x;
                else bad_text(d, *p, "a whole number", text);
                break;
            }
            case Param::Kind::Float: {
                const std::string text = next_value();
                if (auto x = parse_float(text)) o.params[p->name] = *x;
                else bad_text(d, *p, "a number", text);
                break;
            }
            case Param::Kind::IntList: {
                // Every whole number that follows (nargs="*"); --name=1,2,3 also works.
                std::vector<int64_t> list;
                if (has_inline) {
                    for (size_t at = 0; at <= inline_value.size() && !inline_value.empty();) {
                        size_t comma = inline_value.find(',', at);
                        if (comma == std::string::npos) comma = inline_value.size();
                        const std::string item = inline_value.substr(at, comma - at);
                        if (auto x = parse_int(item)) list.push_back(*x);
                        else bad_text(d, *p, "whole numbers", item);
                        at = comma + 1;
                    }
                } else {
                    while (i + 1 < args.size() && parse_int(args[i + 1])) list.push_back(*parse_int(args[++i]));
                }
                o.params[p->name] = list;
                break;
            }
            case Param::Kind::Text:
                o.params[p->name] = next_value();
                break;
        }
    }
    if (needs_network(d) && !o.real_clock) throw ParamError(d.name + " makes real requests: it runs on --clock real only");
    if (!o.cacert.empty() && !std::ifstream(o.cacert))
        throw ParamError("--cacert must be a readable PEM file, got '" + o.cacert + "': " + std::strerror(errno));
    o.params = resolve_params(d, o.params);   // throws ParamError naming the parameter and range
    return o;
}

void print_demo_help(const Demo& d) {
    std::printf("%s\n%s\n\nusage: aio_run %s [flags] [--clock real|virtual]\n\n", d.title.c_str(),
                d.summary.c_str(), d.name.c_str());
    for (const Param& p : d.params) {
        const char* metavar = p.kind == Param::Kind::Bool ? "" : p.kind == Param::Kind::Int ? " N" : p.kind == Param::Kind::IntList ? " N ..." : " X";
        std::string flag = flag_of(p) + metavar;
        for (const Alias& a : kAliases)
            if (d.name == a.demo && p.name == a.param) flag = (*a.flag ? std::string(a.flag) : "[" + p.name + " ...]") + ", " + flag;
        std::string range = p.kind == Param::Kind::Bool ? "flag" : shown(p.min) + ".." + shown(p.max);
        if (p.kind == Param::Kind::IntList) range = "up to " + std::to_string(p.max_items) + " of " + range;
        std::printf("  %-28s %s (%s; default %s)\n", flag.c_str(), p.help.c_str(), range.c_str(),
                    shown(p.default_value).c_str());
    }
    if (needs_network(d)) {
        std::printf("  %-28s %s\n", "--out FILE", "where foundurls.txt goes (default foundurls.txt), opened before the crawl");
        std::printf("  %-28s %s\n", "--cacert FILE", "PEM file of CAs trusted for https (default: the system's)");
    }
    std::printf("  %-28s %s\n\nThe same run in Python: %s\n", "--clock real|virtual",
                "real (default): sleeps take real time, durations are measured; virtual: instant",
                d.command(resolve_params(d, {})).c_str());
}

void print_usage() {
    std::printf("usage: aio_run DEMO [flags]      run a demo; aio_run DEMO --help lists its flags\n"
                "       aio_run --list            list the demos\n\n"
                "e.g.   aio_run queue -p 2 -c 5   aio_run chain 1 2 3   aio_run count -n 3 --blocking\n"
                "       aio_run rand --seed 7     aio_run chain --clock virtual\n");
}

// Where the crawler's foundurls.txt goes, opened (and emptied) before the crawl as areq.py opens
// it first: an unwritable path stops the run before any request.
struct OutFile {
    std::string path;
    std::ofstream stream;
};

// Runs the demo's program as asyncio.run would, on the virtual clock or in real time.
void run_demo(const Demo& d, const Params& params, bool real_clock, const std::string& cacert, OutFile* out) {
    aio::CurlNetwork network({.ca_file = cacert});   // outlives the loop: closing the loop aborts what is in flight
    aio::Loop loop;
    auto print = [](const std::string& line) {
        std::printf("%s\n", line.c_str());
        std::fflush(stdout);
    };
    if (!real_clock) {
        Context ctx{.loop = loop, .print = print, .random = aio::Random(), .files = {},
                    .perf_counter = [&] { return loop.time(); },
                    .block = [&](double s) { loop.advance_to(loop.time() + s); }, .base_url = kPageUrl};
        aio::run(loop, d.main(ctx, params));
        return;
    }
    aio::set_network(loop, &network);
    aio::RealtimeHost host(loop, &network);
    Context ctx{.loop = loop, .print = print, .random = aio::Random(), .files = {},
                .perf_counter = [&] { return host.elapsed(); },
                .block = [&](double s) {
                    std::this_thread::sleep_for(std::chrono::duration<double>(s));
                    loop.advance_to(host.elapsed());   // the loop's clock catches up with the blocked time
                }, .base_url = kPageUrl};
    aio::Task<void> main = aio::create_task(loop, d.main(ctx, params));
    try {
        host.run_until_complete(*main.base());
    } catch (...) {
        aio::cancel_all_tasks(loop);
        throw;
    }
    aio::cancel_all_tasks(loop);
    main.result();
    for (const auto& [name, text] : ctx.files) {
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
        options = parse(*demo, {args.begin() + 1, args.end()});
    } catch (const ParamError& e) {
        std::fprintf(stderr, "aio_run: %s\n", e.what());
        return 2;
    }
    if (options.help) {
        print_demo_help(*demo);
        return 0;
    }
    OutFile out;
    if (needs_network(*demo)) {
        out.path = options.out.empty() ? "foundurls.txt" : options.out;
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
    try {
        run_demo(*demo, options.params, options.real_clock, options.cacert, needs_network(*demo) ? &out : nullptr);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "aio_run: %s: %s\n", demo->name.c_str(), e.what());
        return 1;
    }
    return 0;
}
