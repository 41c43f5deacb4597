// The program language's values and exceptions (SPEC.md §4, §7), and how they print: Python's
// repr for values, "Type: message" for exceptions, %g for delays.
#pragma once
#include <cstdint>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace differential {

// The exceptions `raise` throws; aio::exception_type_name prints their class names.
struct ValueError : std::runtime_error { using std::runtime_error::runtime_error; };
struct KeyError : std::runtime_error { using std::runtime_error::runtime_error; };
struct RuntimeError : std::runtime_error { using std::runtime_error::runtime_error; };

struct Value;
using List = std::vector<Value>;

// None, bool, int, str, list, or an exception (an element of gather's return_exceptions list).
struct Value {
    std::variant<std::monostate, bool, int64_t, std::string, List, std::exception_ptr> v;
    Value() = default;
    Value(bool b) : v(b) {}
    Value(int64_t i) : v(i) {}
    Value(std::string s) : v(std::move(s)) {}
    Value(List l) : v(std::move(l)) {}
    Value(std::exception_ptr e) : v(std::move(e)) {}
};

std::string fmt(const Value& v);                     // repr(): None, True, 3, 'abc', [1, 'a'], ValueError: x
std::string fmt_exc(const std::exception_ptr& e);    // "ValueError: boom", "CancelledError", "ExceptionGroup(...)"
std::string fmt_num(std::optional<double> d);        // %g, or None

// The handler types of `try` (SPEC.md §7): what each one catches.
enum class Catch { CancelledError, TimeoutError, ValueError, KeyError, RuntimeError, QueueFull, QueueEmpty,
                   ExceptionGroup, Exception, BaseException };
std::optional<Catch> catch_from_name(const std::string& name);   // nullopt for an unknown name
bool catches(Catch type, const std::exception_ptr& e);

}  // namespace differential
