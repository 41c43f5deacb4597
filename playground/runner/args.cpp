// aio_run's flags, generic over the demos' parameter tables.
#include "playground/runner/args.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>

namespace aio::runner {

using namespace demos;

namespace {

std::string underscores_to_dashes(std::string s) {
    for (char& c : s)
        if (c == '_') c = '-';
    return s;
}

// Every spelling p answers to: its script's flags and the generic --name (also --sleep-min).
bool answers_to(const Param& p, const std::string& flag) {
    for (const std::string& f : p.flags)
        if (!f.empty() && f == flag) return true;
    if (p.name.size() == 1 && flag == "-" + p.name) return true;
    return flag == "--" + p.name || flag == underscores_to_dashes("--" + p.name);
}

const Param* param_for_flag(const Demo& d, const std::string& flag) {
    for (const Param& p : d.params)
        if (answers_to(p, flag)) return &p;
    return nullptr;
}

const Param* positional_param(const Demo& d) {
    for (const Param& p : d.params)
        if (flag_of(p).empty()) return &p;
    return nullptr;
}

std::string shown(double x) {
    std::string s = repr(x);
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
    return repr(std::get<std::string>(v));
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

}  // namespace

Options parse_args(const Demo& d, const std::vector<std::string>& args) {
    Options o;
    const Param* positional = positional_param(d);   // taken once, as argparse's nargs="*"
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
        if (!d.output_file.empty() && arg == "--out") { o.out = next_value(); continue; }
        if (d.real_requests && arg == "--cacert") { o.cacert = next_value(); continue; }
        if (arg == "--summary") { o.summary = true; continue; }
        if (arg == "--state") { o.state_file = next_value(); continue; }
        if (arg == "--clock") {
            const std::string c = next_value();
            if (c != "real" && c != "virtual") throw ParamError("--clock must be real or virtual, got '" + c + "'");
            o.real_clock = c == "real";
            continue;
        }
        const bool is_flag = arg.size() > 1 && arg[0] == '-' && !parse_int(arg);
        const Param* p = is_flag ? param_for_flag(d, arg) : positional;
        if (is_flag && !p) throw ParamError(d.name + ": unknown flag " + arg + " (aio_run " + d.name + " --help lists them)");
        if (!is_flag) {   // a positional list: every whole number from here on
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
            case Param::Kind::Text:   // the script reads it from a file (areq.py's urls.txt): here, any file
                o.params[p->name] = read_file(arg, next_value(), p->max_items);
                break;
        }
    }
    if (d.real_requests && !o.real_clock) throw ParamError(d.name + " makes real requests: it runs on --clock real only");
    if (!o.cacert.empty() && !std::ifstream(o.cacert))
        throw ParamError("--cacert must be a readable PEM file, got '" + o.cacert + "': " + std::strerror(errno));
    o.params = resolve_params(d, o.params);   // throws ParamError naming the parameter and range
    return o;
}

std::string demo_help(const Demo& d) {
    std::string out = d.title + "\n" + d.summary + "\n\nusage: aio_run " + d.name + " [flags] [--clock real|virtual]\n\n";
    auto line = [&](const std::string& flag, const std::string& text) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "  %-28s ", flag.c_str());
        out += buf + text + "\n";
    };
    for (const Param& p : d.params) {
        const char* metavar = p.kind == Param::Kind::Bool ? "" : p.kind == Param::Kind::Int ? " N"
                              : p.kind == Param::Kind::IntList ? " N ..." : p.kind == Param::Kind::Text ? " FILE" : " X";
        // The script's spellings first, then the generic --name.
        std::string flag;
        for (const std::string& f : p.flags) flag += (f.empty() ? "[" + p.name + " ...]" : f) + ", ";
        flag += (p.name.size() == 1 ? "-" + p.name : underscores_to_dashes("--" + p.name)) + metavar;
        std::string range = p.kind == Param::Kind::Bool ? "flag" : shown(p.min) + ".." + shown(p.max);
        if (p.kind == Param::Kind::IntList) range = "up to " + std::to_string(p.max_items) + " of " + range;
        if (p.kind == Param::Kind::Text) range = "at most " + std::to_string(p.max_items) + " bytes";
        line(flag, p.help + " (" + range + "; default " + (p.kind == Param::Kind::Text ? "the demo's own" : shown(p.default_value)) + ")");
    }
    if (!d.output_file.empty())
        line("--out FILE", "where " + d.output_file + " goes (default " + d.output_file + "), opened before the run");
    if (d.real_requests) line("--cacert FILE", "PEM file of CAs trusted for https (default: the system's)");
    line("--clock real|virtual", "real (default): sleeps take real time, durations are measured; virtual: instant");
    line("--summary", "afterwards, on stderr: the run's figures, as the page's Summary view says them");
    line("--state FILE", "afterwards: the state at the end as JSON, as the page's aio.snapshot() returns it");
    return out + "\nThe same run in Python: " + command_line(d, resolve_params(d, {})) + "\n";
}

}  // namespace aio::runner
