// Queue<T> (asyncio.Queue): FIFO with an optional maxsize; put() waits while full, get() while
// empty; task_done() and join() track unfinished items.
//
//   aio::Queue<int> q(maxsize);  co_await q.put(1);  int x = co_await q.get();  q.task_done();
#pragma once
#include "runtime/coro.hpp"
#include "runtime/create_task.hpp"
#include "runtime/detail/loop_bound.hpp"
#include "runtime/detail/waiters.hpp"
#include "runtime/event.hpp"

#include <deque>
#include <stdexcept>
#include <string>

namespace aio {

template <class T> class Queue : detail::LoopBound {
public:
    explicit Queue(int maxsize = 0) : maxsize_(maxsize) {}
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

    Coro<void> put(T item) {
        while (full()) {
            Future<void> putter(get_loop("Queue"), WaitKind::QueuePut);
            putters_.push_back(putter);
            try {
                co_await putter;
            } catch (...) {
                putter.cancel();
                putters_.remove(putter);
                if (!full() && !putter.cancelled()) putters_.wake_next();
                throw;
            }
        }
        put_nowait(std::move(item));
    }

    Coro<T> get() {
        while (empty()) {
            Future<void> getter(get_loop("Queue"), WaitKind::QueueGet);
            getters_.push_back(getter);
            try {
                co_await getter;
            } catch (...) {
                getter.cancel();
                getters_.remove(getter);
                if (!empty() && !getter.cancelled()) getters_.wake_next();
                throw;
            }
        }
        co_return get_nowait();
    }

    void put_nowait(T item) {
        if (full()) throw QueueFull();
        items_.push_back(std::move(item));
        ++unfinished_;
        finished_.clear();
        getters_.wake_next();
    }

    T get_nowait() {
        if (empty()) throw QueueEmpty();
        T item = std::move(items_.front());
        items_.pop_front();
        putters_.wake_next();
        return item;
    }

    void task_done() {
        if (unfinished_ <= 0) throw std::invalid_argument("task_done() called too many times");
        if (--unfinished_ == 0) finished_.set();
    }

    Coro<void> join() {
        if (unfinished_ > 0) co_await finished_.wait(WaitKind::QueueJoin);
    }

private:
    std::deque<T> items_;
    detail::Waiters getters_, putters_;
    Event finished_{true};
    int maxsize_;
    int unfinished_ = 0;
};

}  // namespace aio
