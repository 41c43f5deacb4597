// sleep(d) as asyncio's: a timer completes a future, and the future's callback wakes the task in
// the following iteration. sleep(0) is a bare yield.
#include "runtime/sleep.hpp"

#include "runtime/repr.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace aio {

namespace detail {
void SleepFuture::start(Time delay) {
    delay_ = delay;
    timer_.cb = {&SleepFuture::fire, this};
    loop_->call_at(timer_, loop_->time() + delay);
}

void SleepFuture::fire(void* self, void*) {
    auto* f = static_cast<SleepFuture*>(self);
    if (!f->cancelled()) f->finish();  // futures._set_result_unless_cancelled
}

std::string SleepFuture::describe() const { return "sleep(" + format_g(delay_) + ")"; }
}  // namespace detail

void SleepAwaiter::reject(Time delay) {
    throw std::invalid_argument("sleep: delay must be a finite number of seconds, got " + format_g(delay));
}

void SleepAwaiter::start(TaskBase* t) {
    static_assert(alignof(TaskBase) > 1, "the low bit of a task pointer must be free");
    const Time delay = delay_;
    new (&fut_) detail::SleepFuture(t->loop());
    task_ |= 1u;
    fut_.start(delay);
    TaskAccess::wait_on(t, &fut_);
}

}  // namespace aio
