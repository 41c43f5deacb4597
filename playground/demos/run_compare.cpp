// Labels and a comparability note for runs shown side by side.
#include "playground/demos/run_compare.hpp"

#include <cstdio>

namespace aio::demos {

namespace {
// Whole numbers and numbers as a learner typed them: 3, 1, 0.5 (not 1.0).
std::string shown(const Value& v) {
    if (const int64_t* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
    if (const double* f = std::get_if<double>(&v)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", *f);
        return buf;
    }
    if (const bool* b = std::get_if<bool>(&v)) return *b ? "on" : "off";
    return "?";   // lists and text never label a comparison
}
}  // namespace

std::string params_label(const Params& params, const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& name : names) {
        auto it = params.find(name);
        if (it == params.end()) continue;
        out += (out.empty() ? "" : ", ") + name + "=" + shown(it->second);
    }
    return out;
}

std::vector<std::string> differing_params(const Params& a, const Params& b, const std::vector<std::string>& names) {
    std::vector<std::string> out;
    for (const std::string& name : names) {
        auto ia = a.find(name), ib = b.find(name);
        const bool in_a = ia != a.end(), in_b = ib != b.end();
        if (in_a != in_b || (in_a && ia->second != ib->second)) out.push_back(name);
    }
    return out;
}

std::string comparability_note(const Params& a, const Params& b, const std::vector<std::string>& names) {
    const std::vector<std::string> diff = differing_params(a, b, names);
    if (diff.empty()) return {};
    std::string out = "not comparable: different ";
    for (size_t i = 0; i < diff.size(); ++i)
        out += (i == 0 ? "" : i + 1 == diff.size() ? " and " : ", ") + diff[i];
    return out;
}

bool is_twin(const Demo& demo, const Params& params) {
    if (!demo.comparison) return false;
    auto it = params.find(demo.comparison->flag);
    return it != params.end() && std::holds_alternative<bool>(it->second) && std::get<bool>(it->second);
}

std::string run_title(const Demo& demo, bool twin) {
    if (!demo.comparison) return {};
    const Comparison& c = *demo.comparison;
    if (!twin) return c.label + " (" + demo.script + ")";
    for (const Param& p : demo.params)
        if (p.name == c.flag) return c.twin_label + " (" + demo.script + " " + flag_of(p) + ")";
    return c.twin_label + " (" + demo.script + ")";   // not reached: the flag is one of the demo's parameters
}

std::string run_key(const Demo& demo, bool twin) { return twin && demo.comparison ? demo.name + "/" + demo.comparison->flag : demo.name; }

}  // namespace aio::demos
