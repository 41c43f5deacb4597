// Queue<T> (asyncio.Queue): FIFO with an optional maxsize; put() waits while full, get() while
// empty; task_done() and join() track unfinished items.
//
//   aio::Queue<int> q(maxsize);  co_await q.put(1);  int x = co_await q.get();  q.task_done();
#pragma once
#include "runtime/coro.hpp"
#include "runtime/create_task.hpp"
#include "runtime/detail/waiters.hpp"
#include "runtime/event.hpp"
#include "runtime/resource.hpp"

#include <deque>
#include <stdexcept>
#include <string>

namespace aio {

template <class T> class Queue : public detail::Resource {
public:
    explicit Queue(int maxsize = 0) : Resource(ResourceKind::Queue), maxsize_(maxsize) {}
    Queue(const Queue&) = delete;
    Queue& operator=(const Queue&) = delete;

    size_t qsize() const { return items_.size(); }
    int maxsize() const { return maxsize_; }
    bool empty() const { return items_.empty(); }
    bool full() const { return maxsize_ > 0 && items_.size() >= static_cast<size_t>(maxsize_); }
    int unfinished_tasks() const { return unfinished_; }
    const std::deque<T>& items() const { return items_; }        // oldest first, for views
    size_t blocked_getters() const { return getters_.size(); }
    size_t blocked_putters() const { return putters_.size(); }
    ResourceLevel level() const override {
        return {static_cast<int64_t>(items_.size()), maxsize_, unfinished_,
                {static_cast<uint32_t>(getters_.size()), static_cast<uint32_t>(putters_.size()),
                 static_cast<uint32_t>(finished_.waiter_count())}};
    }
    const detail::Waiters& waiter_list(size_t i) const override {
        return i == 0 ? getters_ : i == 1 ? putters_ : finished_.waiter_list(0);
    }

    Coro<void> put(T item) {
        while (full()) {
            Future<void> putter(get_loop("Queue"), WaitKind::QueuePut);
            putters_.push_back(putter);
            changed();
            try {
                co_await putter;
            } catch (...) {
                putter.cancel();
                putters_.remove(putter);
                if (!full() && !putter.cancelled()) putters_.wake_next();
                changed();
                throw;
            }
        }
        put_nowait(std::move(item));
    }

    Coro<T> get() {
        while (empty()) {
            Future<void> getter(get_loop("Queue"), WaitKind::QueueGet);
            getters_.push_back(getter);
            changed();
            try {
                co_await getter;
            } catch (...) {
                getter.cancel();
                getters_.remove(getter);
                if (!empty() && !getter.cancelled()) getters_.wake_next();
                changed();
                throw;
            }
        }
        co_return get_nowait();
    }

    void put_nowait(T item) {
        if (full()) throw QueueFull();
        items_.push_back(std::move(item));
        ++unfinished_;
        finished_.value_ = false;   // join's event is part of the queue, which reports once below
        getters_.wake_next();
        changed();
    }

    T get_nowait() {
        if (empty()) throw QueueEmpty();
        T item = std::move(items_.front());
        items_.pop_front();
        putters_.wake_next();
        changed();
        return item;
    }

    void task_done() {
        if (unfinished_ <= 0) throw std::invalid_argument("task_done() called too many times");
        if (--unfinished_ == 0) finished_.set();
        changed();
    }

    Coro<void> join() {
        if (unfinished_ > 0) co_await finished_.wait(WaitKind::QueueJoin);
    }

private:
    std::deque<T> items_;
    detail::Waiters getters_, putters_;
    Event finished_{true, *this};
    int maxsize_;
    int unfinished_ = 0;
};

}  // namespace aio
