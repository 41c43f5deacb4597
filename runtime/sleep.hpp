// asyncio.sleep(delay): suspend the calling task for delay seconds of loop time. sleep(0) (or a
// negative delay) yields for exactly one loop iteration. NaN or infinite delays are rejected.
//
//   co_await aio::sleep(1.5);
#pragma once
#include "runtime/detail/coro_compat.hpp"
#include "runtime/detail/timer_heap.hpp"
#include "runtime/future.hpp"
#include "runtime/task.hpp"

#include <cmath>
#include <cstdint>

namespace aio {

namespace detail {
// The future a sleep waits on, embedded in the awaiter (no allocation) with its timer.
class SleepFuture final : public FutureBase {
public:
    explicit SleepFuture(Loop& loop) : FutureBase(loop, WaitKind::Sleep, false) {}
    ~SleepFuture() override { loop_->cancel_timer(timer_); }   // asyncio.sleep's `finally: h.cancel()`
    void start(Time delay);
    Time deadline() const override { return timer_.when; }
    std::string describe() const override;
    // The sleep a timer belongs to, if it is a sleep's timer (for the loop panel).
    static const SleepFuture* of_timer(const TimerNode& n) {
        return n.cb.fn == &SleepFuture::fire ? static_cast<const SleepFuture*>(n.cb.ctx) : nullptr;
    }
    Time delay_ = 0;
private:
    static void fire(void* self, void*);
    TimerNode timer_;
};
}  // namespace detail

class SleepAwaiter {
public:
    explicit SleepAwaiter(Time delay) : delay_(delay) {
        if (!std::isfinite(delay)) reject(delay);
    }
    SleepAwaiter(const SleepAwaiter&) = delete;
    SleepAwaiter& operator=(const SleepAwaiter&) = delete;
    ~SleepAwaiter() {
        if (armed()) fut_.~SleepFuture();
    }

    bool await_ready() const noexcept { return false; }
    template <class P> void await_suspend(detail::coro::coroutine_handle<P> h) {
        TaskBase* t = h.promise().task;
        task_ = reinterpret_cast<uintptr_t>(t);
        if (delay_ <= 0) TaskAccess::yield_now(t);   // sleep(0): a bare yield, no future
        else start(t);
    }
    void await_resume() {
        TaskAccess::resume_point(task());
        if (armed()) fut_.check_result();
    }

private:
    [[noreturn]] static void reject(Time delay);
    void start(TaskBase* t);
    // A sleeping task's frame is most of its memory, so the awaiter is packed: the delay shares
    // its storage with the future that replaces it, and the task pointer's low bit says which
    // one is there (1: the future).
    bool armed() const { return task_ & 1u; }
    TaskBase* task() const { return reinterpret_cast<TaskBase*>(task_ & ~uintptr_t{1}); }
    uintptr_t task_ = 0;
    union {
        Time delay_;
        detail::SleepFuture fut_;
    };
};

inline SleepAwaiter sleep(Time delay) { return SleepAwaiter(delay); }

}  // namespace aio
