// A demo's script command line, written from its parameter table: each parameter's own flag and
// value, where its Param says the command shows it.
#include "playground/demos/demo.hpp"

namespace aio::demos {

std::string flag_of(const Param& p) {
    if (!p.flags.empty()) return p.flags.front();
    if (p.name.size() == 1) return "-" + p.name;
    std::string f = "--" + p.name;
    for (char& c : f)
        if (c == '_') c = '-';
    return f;
}

std::string command_line(const Demo& demo, const Params& params) {
    std::string cmd = "python3 " + demo.script;
    for (const Param& p : demo.params) {
        const Value& v = params.at(p.name);
        if (p.in_command == Param::Shown::Never) continue;
        if (p.in_command == Param::Shown::IfChanged && v == p.default_value) continue;
        const std::string flag = flag_of(p);
        std::string value;
        if (const bool* b = std::get_if<bool>(&v)) {
            if (*b) cmd += " " + flag;
            continue;
        }
        if (const int64_t* i = std::get_if<int64_t>(&v)) value = std::to_string(*i);
        else if (const double* d = std::get_if<double>(&v)) value = repr(*d);
        else if (const auto* list = std::get_if<std::vector<int64_t>>(&v))
            for (int64_t x : *list) value += (value.empty() ? "" : " ") + std::to_string(x);
        else value = std::get<std::string>(v);
        if (!flag.empty()) cmd += " " + flag;
        if (!value.empty()) cmd += " " + value;
    }
    return cmd;
}

}  // namespace aio::demos
