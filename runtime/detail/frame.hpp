// What every coroutine frame the runtime resumes carries: its handle, the frame awaiting it, the
// task it runs in, and an optional label for await stacks ("part1(1)").
#pragma once
#include "runtime/detail/coro_compat.hpp"

#include <exception>
#include <memory>
#include <string>

namespace aio {
class TaskBase;
}

namespace aio::detail {

struct FrameBase {
    coro::coroutine_handle<> self;
    FrameBase* parent = nullptr;    // the frame awaiting this one, inside the same task
    TaskBase* task = nullptr;
    std::unique_ptr<std::string> label;
    std::exception_ptr exc;         // how the coroutine ended, if by an exception
};

}  // namespace aio::detail
