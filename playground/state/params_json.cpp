#include "playground/state/params_json.hpp"

#include "runtime/repr.hpp"

#include <cmath>
#include <string>
#include <vector>

using nlohmann::json;

namespace aio::page {

namespace {

demos::Value from_json(const demos::Demo& d, const demos::Param& p, const json& v) {
    auto fail = [&](const char* what) -> demos::Value {
        throw demos::ParamError(d.name + ": " + p.name + " must be " + what + ", got " + brief(v));
    };
    switch (p.kind) {
        case demos::Param::Kind::Bool:
            if (!v.is_boolean()) return fail("true or false");
            return v.get<bool>();
        case demos::Param::Kind::Int:
            if (v.is_number_integer()) return v.get<int64_t>();
            if (v.is_number_float() && std::floor(v.get<double>()) == v.get<double>() && std::fabs(v.get<double>()) < 9e15)
                return static_cast<int64_t>(v.get<double>());
            return fail("a whole number");
        case demos::Param::Kind::Float:
            if (!v.is_number()) return fail("a number");
            return v.get<double>();
        case demos::Param::Kind::IntList: {
            if (!v.is_array()) return fail("a list of whole numbers");
            std::vector<int64_t> list;
            for (size_t i = 0; i < v.size(); ++i) {
                if (!v[i].is_number_integer())
                    throw demos::ParamError(d.name + ": " + p.name + "[" + std::to_string(i) + "] must be a whole number, got " +
                                            brief(v[i]));
                list.push_back(v[i].get<int64_t>());
            }
            return list;
        }
        case demos::Param::Kind::Text: {
            if (!v.is_string()) return fail("text");
            std::string text = v.get<std::string>();
            // C strings further on (URLs handed to fetch) would end at a NUL.
            if (text.find('\0') != std::string::npos)
                throw demos::ParamError(d.name + ": " + p.name + " must not contain NUL (\\u0000)");
            return text;
        }
    }
    return fail("valid");
}

}  // namespace

// Scalars as themselves, short; containers by size (dumping them whole would recurse as deep as they nest).
std::string brief(const json& v) {
    if (v.is_array()) return "a list of " + std::to_string(v.size()) + (v.size() == 1 ? " item" : " items");
    if (v.is_object()) return "an object";
    std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
    if (s.size() > 40) s = s.substr(0, 40) + "...";
    return s;
}

std::string quoted(std::string_view name) {
    return repr(name.size() > 64 ? std::string(name.substr(0, 64)) + "..." : std::string(name));
}

demos::Params params_from_json(const demos::Demo& d, const json& given) {
    if (!given.is_object()) throw demos::ParamError("params must be an object of parameter names to values");
    demos::Params params;
    for (const auto& [key, value] : given.items()) {
        const demos::Param* p = nullptr;
        for (const auto& q : d.params)
            if (q.name == key) p = &q;
        if (!p) throw demos::ParamError(d.name + ": unknown parameter " + page::quoted(key));
        params[key] = from_json(d, *p, value);
    }
    return params;
}

json value_json(const demos::Value& v) {
    return std::visit([](const auto& x) { return json(x); }, v);
}

json params_json(const demos::Params& params) {
    json out = json::object();
    for (const auto& [name, v] : params) out[name] = value_json(v);
    return out;
}

}  // namespace aio::page
