// A FIFO of waiter futures, as the deques inside asyncio's Queue, Lock, Event and Semaphore.
#pragma once
#include "runtime/future.hpp"

#include <algorithm>
#include <deque>

namespace aio::detail {

class Waiters {
public:
    bool empty() const { return q_.empty(); }
    size_t size() const { return q_.size(); }
    auto begin() const { return q_.begin(); }
    auto end() const { return q_.end(); }
    Future<void>& front() { return q_.front(); }
    void push_back(const Future<void>& f) { q_.push_back(f); }
    // deque.remove(fut): drops the first entry that is this future, if any.
    bool remove(const Future<void>& f) {
        auto it = std::find_if(q_.begin(), q_.end(), [&](const Future<void>& w) { return w.base() == f.base(); });
        if (it == q_.end()) return false;
        q_.erase(it);
        return true;
    }
    // Queue._wakeup_next: pops waiters until one that is not done, and wakes it.
    void wake_next() {
        while (!q_.empty()) {
            Future<void> w = std::move(q_.front());
            q_.pop_front();
            if (!w.done()) {
                w.set_result();
                return;
            }
        }
    }

private:
    std::deque<Future<void>> q_;
};

}  // namespace aio::detail
