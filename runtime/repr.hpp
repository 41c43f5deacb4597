// repr(): Python's repr() for the C++ values tasks return, so task tables and consoles read
// like Python (42, 'text', [1, 2], None, (1, 'a')). Types without a rule show as <object>.
#pragma once
#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

namespace aio {

struct None;

std::string repr(std::string_view s);          // 'text', with Python's quoting and escapes
std::string repr(double d);                     // shortest round-trip, as Python (1.0, 0.1, inf)
// `d` as C's printf("%g") writes it (6 significant digits: 4, 0.25, 1e+06), as await stacks show
// delays ("sleep(0.25)"). Whole milliseconds from 0 to 1000 take a fast path: a moving run
// describes hundreds of sleeps per frame.
std::string format_g(double d);
inline std::string repr(const char* s) { return repr(std::string_view(s)); }
inline std::string repr(const std::string& s) { return repr(std::string_view(s)); }
inline std::string repr(bool b) { return b ? "True" : "False"; }

template <class T> std::string repr(const T& v);

namespace detail {
template <class T> struct is_vector : std::false_type {};
template <class T> struct is_vector<std::vector<T>> : std::true_type {};
template <class T> struct is_tuple : std::false_type {};
template <class... T> struct is_tuple<std::tuple<T...>> : std::true_type {};
template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};
}  // namespace detail

template <class T> std::string repr(const T& v) {
    if constexpr (std::is_same_v<T, None>) {
        return "None";
    } else if constexpr (std::is_integral_v<T>) {
        return std::to_string(v);
    } else if constexpr (std::is_floating_point_v<T>) {
        return repr(static_cast<double>(v));
    } else if constexpr (detail::is_vector<T>::value) {
        std::string s = "[";
        for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + repr(v[i]);
        return s + "]";
    } else if constexpr (detail::is_tuple<T>::value) {
        std::string s = "(";
        size_t i = 0;
        std::apply([&](const auto&... x) { ((s += (i++ ? ", " : "") + repr(x)), ...); }, v);
        return s + (std::tuple_size_v<T> == 1 ? ",)" : ")");
    } else if constexpr (detail::is_optional<T>::value) {
        return v ? repr(*v) : "None";
    } else {
        return "<object>";
    }
}

}  // namespace aio
