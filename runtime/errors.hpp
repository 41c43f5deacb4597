// asyncio's exceptions. CancelledError, as in Python, is not an Exception: it does not derive from
// std::exception, so `catch (const std::exception&)` (Python's `except Exception`) lets it through.
#pragma once
#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

namespace aio {

// Raised at an await point when the task is cancelled (asyncio.CancelledError).
class CancelledError {
public:
    CancelledError() = default;
    explicit CancelledError(std::string msg) : msg_(std::move(msg)) {}
    const std::string& message() const { return msg_; }
    const char* what() const noexcept { return msg_.empty() ? "CancelledError" : msg_.c_str(); }
private:
    std::string msg_;
};

struct TimeoutError : std::runtime_error {       // asyncio.TimeoutError (the builtin TimeoutError)
    TimeoutError() : std::runtime_error("") {}
    using std::runtime_error::runtime_error;
};
struct InvalidStateError : std::logic_error { using std::logic_error::logic_error; };
struct QueueEmpty : std::runtime_error { QueueEmpty() : std::runtime_error("") {} };
struct QueueFull : std::runtime_error { QueueFull() : std::runtime_error("") {} };

// What a TaskGroup raises: every error its tasks raised, in the order they were seen.
class ExceptionGroup : public std::exception {
public:
    ExceptionGroup(std::string msg, std::vector<std::exception_ptr> errors)
        : msg_(std::move(msg)), errors_(std::move(errors)) {}
    const char* what() const noexcept override { return msg_.c_str(); }
    const std::vector<std::exception_ptr>& exceptions() const { return errors_; }
private:
    std::string msg_;
    std::vector<std::exception_ptr> errors_;
};

bool is_cancelled_error(const std::exception_ptr& e);      // true for a CancelledError
std::string exception_type_name(const std::exception_ptr& e);  // "ValueError"-like name for display
std::string exception_message(const std::exception_ptr& e);    // its what() text

}  // namespace aio
