// resolve_params: user input checked against a demo's parameter table before anything runs, so a
// demo only ever sees values of the right kind, in range, with every parameter present.
#include "playground/demos/demo.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace aio::demos {

namespace {

// 1, 0.5, 4294967295: numbers as a person would type them (no trailing ".0").
std::string number(double x) {
    std::string s = repr(x);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s;
}

std::string range(const Param& p) { return number(p.min) + ".." + number(p.max); }

const char* kind_name(const Value& v) {
    switch (v.index()) {
        case 0: return "a flag";
        case 1: return "a whole number";
        case 2: return "a number";
        case 3: return "a list";
        default: return "text";
    }
}

[[noreturn]] void fail(const Demo& d, const std::string& what) { throw ParamError(d.name + ": " + what); }

// How many lines hold more than spaces and tabs.
size_t lines_with_text(const std::string& text) {
    size_t n = 0;
    bool seen = false;
    for (char c : text) {
        if (c == '\n') {
            n += seen;
            seen = false;
        } else if (c != ' ' && c != '\t' && c != '\r') {
            seen = true;
        }
    }
    return n + seen;
}

// A problem found while checking one value; caught by param_problems, which names no demo.
struct Problem {
    std::string what;
};
[[noreturn]] void fail(const std::string& what) { throw Problem{what}; }

// A value of the right kind for p, or a Problem. A whole number is also a number.
Value check(const Param& p, const Value& v) {
    const std::string wrong_kind = std::string(", got ") + kind_name(v);
    auto in_range = [&](double x) { return x >= p.min && x <= p.max; };  // false for NaN
    switch (p.kind) {
        case Param::Kind::Bool:
            if (!std::holds_alternative<bool>(v)) fail(p.name + " must be true or false" + wrong_kind);
            return v;
        case Param::Kind::Int: {
            const int64_t* x = std::get_if<int64_t>(&v);
            if (!x) fail(p.name + " must be a whole number " + range(p) + wrong_kind);
            if (!in_range(static_cast<double>(*x))) fail(p.name + " must be " + range(p) + ", got " + std::to_string(*x));
            return v;
        }
        case Param::Kind::Float: {
            double x;
            if (const double* f = std::get_if<double>(&v)) x = *f;
            else if (const int64_t* i = std::get_if<int64_t>(&v)) x = static_cast<double>(*i);
            else fail(p.name + " must be a number " + range(p) + wrong_kind);
            if (!in_range(x)) fail(p.name + " must be " + range(p) + ", got " + number(x));
            return x;
        }
        case Param::Kind::IntList: {
            const auto* list = std::get_if<std::vector<int64_t>>(&v);
            if (!list) fail(p.name + " must be a list of whole numbers " + range(p) + wrong_kind);
            if (list->size() > p.max_items)
                fail(p.name + " must have at most " + std::to_string(p.max_items) + " items, got " + std::to_string(list->size()));
            for (int64_t x : *list)
                if (!in_range(static_cast<double>(x)))
                    fail(p.name + " items must each be " + range(p) + ", got " + std::to_string(x));
            return v;
        }
        case Param::Kind::Text: {
            const auto* text = std::get_if<std::string>(&v);
            if (!text) fail(p.name + " must be text" + wrong_kind);
            if (text->size() > p.max_items)
                fail(p.name + " must be at most " + std::to_string(p.max_items) + " bytes, got " + std::to_string(text->size()));
            if (lines_with_text(*text) < p.min)
                fail(p.name + " must have at least " + number(p.min) + " non-blank line" + (p.min == 1 ? "" : "s") + ", got " +
                     std::to_string(lines_with_text(*text)));
            return v;
        }
    }
    return v;
}

double as_number(const Value& v) {
    if (const int64_t* i = std::get_if<int64_t>(&v)) return static_cast<double>(*i);
    return std::get<double>(v);
}

const Param* find_param(const Demo& d, const std::string& name) {
    for (const Param& p : d.params)
        if (p.name == name) return &p;
    return nullptr;
}

}  // namespace

ParsedList parse_int_list(const Param& p, const std::string& text) {
    ParsedList out;
    const char* s = text.c_str();
    while (*s) {
        if (*s == ' ' || *s == ',' || *s == '\t') { ++s; continue; }
        const char* token_end = s + std::strcspn(s, " ,\t");
        const std::string token(s, token_end);
        char* end = nullptr;
        errno = 0;
        const long long x = std::strtoll(token.c_str(), &end, 10);
        if (token.empty() || *end != '\0') {
            out.problem = p.name + ": '" + token + "' is not a whole number";
            return out;
        }
        if (errno == ERANGE) {
            out.problem = p.name + ": '" + token + "' is out of range (" + range(p) + ")";
            return out;
        }
        out.values.push_back(x);
        s = token_end;
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> param_problems(const Demo& demo, const Params& given) {
    std::vector<std::pair<std::string, std::string>> problems;
    Params out;
    for (const Param& p : demo.params) {
        auto it = given.find(p.name);
        try {
            out[p.name] = it == given.end() ? p.default_value : check(p, it->second);
        } catch (const Problem& e) {
            problems.emplace_back(p.name, e.what);
        }
    }
    // x_min and x_max pairs: the minimum may not exceed the maximum (reported on the minimum).
    for (const Param& lo : demo.params) {
        const Param* hi = upper_bound_of(demo, lo);
        if (!hi || !out.count(lo.name) || !out.count(hi->name)) continue;
        const double min = as_number(out[lo.name]), max = as_number(out[hi->name]);
        if (min > max)
            problems.emplace_back(lo.name, lo.name + " must be " + number(lo.min) + ".." + number(max) + " (at most " + hi->name +
                                               "), got " + number(min));
    }
    return problems;
}

Params resolve_params(const Demo& demo, const Params& given) {
    for (const auto& [name, value] : given) {
        if (find_param(demo, name)) continue;
        std::string known;
        for (const Param& p : demo.params) known += (known.empty() ? "" : ", ") + p.name;
        fail(demo, "unknown parameter '" + name + "' (known: " + known + ")");
    }
    const auto problems = param_problems(demo, given);
    if (!problems.empty()) fail(demo, problems.front().second);
    Params out;
    for (const Param& p : demo.params) {
        auto it = given.find(p.name);
        out[p.name] = it == given.end() ? p.default_value : check(p, it->second);
    }
    return out;
}

namespace {
// The parameter named like `p` with the suffix `from` swapped for `to`, when p's name ends in `from`.
const Param* partner(const Demo& demo, const Param& p, const std::string& from, const std::string& to) {
    if (p.name.size() <= from.size() || p.name.compare(p.name.size() - from.size(), from.size(), from) != 0) return nullptr;
    return find_param(demo, p.name.substr(0, p.name.size() - from.size()) + to);
}
}  // namespace

const Param* upper_bound_of(const Demo& demo, const Param& p) { return partner(demo, p, "_min", "_max"); }
const Param* lower_bound_of(const Demo& demo, const Param& p) { return partner(demo, p, "_max", "_min"); }

}  // namespace aio::demos
