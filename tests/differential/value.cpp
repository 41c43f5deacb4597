// Formatting values and exceptions exactly as lang.py does, and matching exceptions to handlers.
#include "tests/differential/value.hpp"

#include "runtime/errors.hpp"
#include "runtime/repr.hpp"

#include <cstdio>

namespace differential {

namespace {
// The Python name of an exception the runtime or the interpreter raises.
std::string python_name(const std::exception_ptr& e) {
    std::string name = aio::exception_type_name(e);
    if (name == "invalid_argument") return "ValueError";    // Queue::task_done() called too many times
    if (name == "runtime_error") return "RuntimeError";
    return name;
}

template <class E> bool is(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const E&) {
        return true;
    } catch (...) {
        return false;
    }
}
}  // namespace

std::string fmt(const Value& v) {
    struct Visitor {
        std::string operator()(std::monostate) const { return "None"; }
        std::string operator()(bool b) const { return aio::repr(b); }
        std::string operator()(int64_t i) const { return aio::repr(i); }
        std::string operator()(const std::string& s) const { return aio::repr(s); }
        std::string operator()(const List& l) const {
            std::string out = "[";
            for (size_t i = 0; i < l.size(); ++i) out += (i ? ", " : "") + fmt(l[i]);
            return out + "]";
        }
        std::string operator()(const std::exception_ptr& e) const { return fmt_exc(e); }
    };
    return std::visit(Visitor{}, v.v);
}

std::string fmt_exc(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const aio::ExceptionGroup& g) {
        std::string out = "ExceptionGroup(";
        for (size_t i = 0; i < g.exceptions().size(); ++i) out += (i ? ", " : "") + fmt_exc(g.exceptions()[i]);
        return out + ")";
    } catch (...) {
    }
    const std::string msg = aio::exception_message(e);
    return msg.empty() ? python_name(e) : python_name(e) + ": " + msg;
}

std::string fmt_num(std::optional<double> d) {
    if (!d) return "None";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", *d);
    return buf;
}

std::optional<Catch> catch_from_name(const std::string& name) {
    static const std::pair<const char*, Catch> names[] = {
        {"CancelledError", Catch::CancelledError}, {"TimeoutError", Catch::TimeoutError},
        {"ValueError", Catch::ValueError},         {"KeyError", Catch::KeyError},
        {"RuntimeError", Catch::RuntimeError},     {"QueueFull", Catch::QueueFull},
        {"QueueEmpty", Catch::QueueEmpty},         {"ExceptionGroup", Catch::ExceptionGroup},
        {"Exception", Catch::Exception},           {"BaseException", Catch::BaseException},
    };
    for (const auto& [n, c] : names)
        if (name == n) return c;
    return std::nullopt;
}

bool catches(Catch type, const std::exception_ptr& e) {
    switch (type) {
    case Catch::CancelledError: return aio::is_cancelled_error(e);
    case Catch::TimeoutError: return is<aio::TimeoutError>(e);
    case Catch::ValueError: return is<ValueError>(e) || is<std::invalid_argument>(e);
    case Catch::KeyError: return is<KeyError>(e);
    case Catch::RuntimeError: return python_name(e) == "RuntimeError";
    case Catch::QueueFull: return is<aio::QueueFull>(e);
    case Catch::QueueEmpty: return is<aio::QueueEmpty>(e);
    case Catch::ExceptionGroup: return is<aio::ExceptionGroup>(e);
    case Catch::Exception: return !aio::is_cancelled_error(e);   // CancelledError is a BaseException only
    case Catch::BaseException: return true;
    }
    return false;
}

}  // namespace differential
