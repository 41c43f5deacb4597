// Awaiting a future or a task from a task: suspend unless it is already done, then return its
// result or throw its exception (or what cancellation delivered meanwhile).
#pragma once
#include "runtime/detail/coro_compat.hpp"
#include "runtime/task.hpp"

namespace aio::detail {

class FutureWait {
public:
    explicit FutureWait(FutureBase* f) : f_(f) {}
    bool await_ready() const noexcept { return f_->done(); }
    template <class P> void await_suspend(coro::coroutine_handle<P> h) {
        task_ = h.promise().task;
        TaskAccess::wait_on(task_, f_);
    }
protected:
    void resume() {
        if (task_) TaskAccess::resume_point(task_);
        f_->check_result();
    }
    FutureBase* f_;
    TaskBase* task_ = nullptr;
};

// Waits for a future to be done; the caller reads the outcome from the future itself.
class FutureWaitOn : public FutureWait {
public:
    using FutureWait::FutureWait;
    void await_resume() { resume(); }
};

}  // namespace aio::detail
