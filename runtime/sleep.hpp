// asyncio.sleep(delay): suspend the calling task for delay seconds of loop time. sleep(0) (or a
// negative delay) yields for exactly one loop iteration. NaN or infinite delays are rejected.
//
//   co_await aio::sleep(1.5);
#pragma once
#include "runtime/detail/coro_compat.hpp"
#include "runtime/detail/timer_heap.hpp"
#include "runtime/future.hpp"
#include "runtime/task.hpp"

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
    explicit SleepAwaiter(Time delay);
    bool await_ready() const noexcept { return false; }
    template <class P> void await_suspend(detail::coro::coroutine_handle<P> h) { suspend(h.promise().task); }
    void await_resume();

private:
    void suspend(TaskBase* t);
    Time delay_;
    TaskBase* task_ = nullptr;
    std::optional<detail::SleepFuture> fut_;   // only for delay > 0
};

inline SleepAwaiter sleep(Time delay) { return SleepAwaiter(delay); }

}  // namespace aio
