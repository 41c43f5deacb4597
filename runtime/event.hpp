// Event (asyncio.Event): wait() blocks until set(); set() wakes every waiter.
#pragma once
#include "runtime/coro.hpp"
#include "runtime/create_task.hpp"
#include "runtime/detail/waiters.hpp"
#include "runtime/resource.hpp"

namespace aio {

template <class T> class Queue;

class Event : public detail::Resource {
public:
    explicit Event(bool value = false) : Resource(ResourceKind::Event), value_(value) {}
    bool is_set() const { return value_; }
    size_t waiter_count() const { return waiters_.size(); }

    void set() {
        if (value_) return;
        value_ = true;
        for (auto w : waiters_)
            if (!w.done()) w.set_result();
        changed();
    }
    void clear() {
        if (!value_) return;
        value_ = false;
        changed();
    }
    ResourceLevel level() const override { return {value_ ? 1 : 0, 1, 0, {static_cast<uint32_t>(waiters_.size())}}; }
    const detail::Waiters& waiter_list(size_t) const override { return waiters_; }

    Coro<bool> wait(WaitKind kind = WaitKind::Event) {
        if (value_) co_return true;
        Future<void> fut(get_loop("Event"), kind);
        waiters_.push_back(fut);
        changed();
        try {
            co_await fut;
        } catch (...) {
            waiters_.remove(fut);
            changed();
            throw;
        }
        waiters_.remove(fut);
        changed();
        co_return true;
    }

private:
    template <class T> friend class Queue;
    // A queue's join event: part of the queue, recorded as its joiners.
    Event(bool value, detail::Resource& owner) : Event(value) { report_as(owner); }
    detail::Waiters waiters_;
    bool value_;
};

}  // namespace aio
