// Naming exceptions for display: asyncio's own by their Python names, others by their C++ type.
#include "runtime/errors.hpp"

#include <cxxabi.h>

#include <cstdlib>
#include <memory>
#include <typeinfo>

namespace aio {

bool is_cancelled_error(const std::exception_ptr& e) {
    if (!e) return false;
    try {
        std::rethrow_exception(e);
    } catch (const CancelledError&) {
        return true;
    } catch (...) {
        return false;
    }
}

namespace {
std::string demangled_current() {
    const std::type_info* t = abi::__cxa_current_exception_type();
    if (!t) return "exception";
    int status = 0;
    std::unique_ptr<char, void (*)(void*)> name(abi::__cxa_demangle(t->name(), nullptr, nullptr, &status), std::free);
    std::string s = status == 0 && name ? name.get() : t->name();
    const auto colon = s.rfind("::");  // "aio::demos::ValueError" reads as "ValueError"
    return colon == std::string::npos ? s : s.substr(colon + 2);
}
}  // namespace

std::string exception_type_name(const std::exception_ptr& e) {
    if (!e) return "";
    try {
        std::rethrow_exception(e);
    } catch (...) {
        return demangled_current();
    }
}

std::string exception_message(const std::exception_ptr& e) {
    if (!e) return "";
    try {
        std::rethrow_exception(e);
    } catch (const CancelledError& c) {
        return c.message();
    } catch (const std::exception& x) {
        return x.what();
    } catch (...) {
        return "";
    }
}

}  // namespace aio
