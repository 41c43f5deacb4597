// sleep(d) as asyncio's: a timer completes a future, and the future's callback wakes the task in
// the following iteration. sleep(0) is a bare yield.
#include "runtime/sleep.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace aio {

namespace {
std::string format_seconds(Time d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", d);
    return buf;
}
}  // namespace

namespace detail {
void SleepFuture::start(Time delay) {
    delay_ = delay;
    timer_.cb = {&SleepFuture::fire, this, nullptr};
    loop_->call_at(timer_, loop_->time() + delay);
}

void SleepFuture::fire(void* self, void*) {
    auto* f = static_cast<SleepFuture*>(self);
    if (!f->cancelled()) f->finish();  // futures._set_result_unless_cancelled
}

std::string SleepFuture::describe() const { return "sleep(" + format_seconds(delay_) + ")"; }
}  // namespace detail

SleepAwaiter::SleepAwaiter(Time delay) : delay_(delay) {
    if (std::isnan(delay) || std::isinf(delay))
        throw std::invalid_argument("sleep: delay must be a finite number of seconds, got " + format_seconds(delay));
}

void SleepAwaiter::suspend(TaskBase* t) {
    task_ = t;
    if (delay_ <= 0) {
        TaskAccess::yield_now(t);
        return;
    }
    fut_.emplace(t->loop());
    fut_->start(delay_);
    TaskAccess::wait_on(t, &*fut_);
}

void SleepAwaiter::await_resume() {
    TaskAccess::resume_point(task_);
    if (fut_) fut_->check_result();
}

}  // namespace aio
