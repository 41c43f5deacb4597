// Event (asyncio.Event): wait() blocks until set(); set() wakes every waiter.
#pragma once
#include "runtime/coro.hpp"
#include "runtime/create_task.hpp"
#include "runtime/detail/loop_bound.hpp"
#include "runtime/detail/waiters.hpp"

namespace aio {

class Event : detail::LoopBound {
public:
    explicit Event(bool value = false) : value_(value) {}
    bool is_set() const { return value_; }
    size_t waiter_count() const { return waiters_.size(); }

    void set() {
        if (value_) return;
        value_ = true;
        for (auto w : waiters_)
            if (!w.done()) w.set_result();
    }
    void clear() { value_ = false; }

    Coro<bool> wait(WaitKind kind = WaitKind::Event) {
        if (value_) co_return true;
        Future<void> fut(get_loop("Event"), kind);
        waiters_.push_back(fut);
        try {
            co_await fut;
        } catch (...) {
            waiters_.remove(fut);
            throw;
        }
        waiters_.remove(fut);
        co_return true;
    }

private:
    detail::Waiters waiters_;
    bool value_;
};

}  // namespace aio
