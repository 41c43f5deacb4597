// Lock and Semaphore (asyncio.Lock, asyncio.Semaphore), with asyncio 3.11's fairness rules.
// `async with lock:` is `auto held = co_await lock.hold();` (released when `held` goes away).
#pragma once
#include "runtime/coro.hpp"
#include "runtime/create_task.hpp"
#include "runtime/detail/waiters.hpp"
#include "runtime/resource.hpp"

#include <stdexcept>
#include <utility>

namespace aio {

// Releases what it holds when it goes out of scope (the end of an `async with` block).
template <class Sync> class Held {
public:
    explicit Held(Sync& s) : s_(&s) {}
    Held(Held&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
    Held(const Held&) = delete;
    ~Held() { if (s_) s_->release(); }
private:
    Sync* s_;
};

class Lock : public detail::Resource {
public:
    Lock() : Resource(ResourceKind::Lock) {}
    bool locked() const { return locked_; }
    size_t waiter_count() const { return waiters_.size(); }
    ResourceLevel level() const override { return {locked_ ? 1 : 0, 1, 0, {static_cast<uint32_t>(waiters_.size())}}; }
    const detail::Waiters& waiter_list(size_t) const override { return waiters_; }

    Coro<bool> acquire() {
        if (!locked_ && all_cancelled()) {
            locked_ = true;
            changed();
            co_return true;
        }
        Future<void> fut(get_loop("Lock"), WaitKind::Lock);
        waiters_.push_back(fut);
        changed();
        try {
            co_await fut;
        } catch (const CancelledError&) {
            waiters_.remove(fut);
            if (!locked_) wake_up_first();
            changed();
            throw;
        } catch (...) {
            waiters_.remove(fut);
            changed();
            throw;
        }
        waiters_.remove(fut);
        locked_ = true;
        changed();
        co_return true;
    }

    void release() {
        if (!locked_) throw std::runtime_error("Lock is not acquired.");
        locked_ = false;
        wake_up_first();
        changed();
    }

    Coro<Held<Lock>> hold() {
        co_await acquire();
        co_return Held<Lock>(*this);
    }

private:
    bool all_cancelled() const {
        for (const auto& w : waiters_)
            if (!w.cancelled()) return false;
        return true;
    }
    void wake_up_first() {
        if (waiters_.empty()) return;
        Future<void>& f = waiters_.front();
        if (!f.done()) f.set_result();
    }
    detail::Waiters waiters_;
    bool locked_ = false;
};

class Semaphore : public detail::Resource {
public:
    explicit Semaphore(int value = 1) : Resource(ResourceKind::Semaphore), value_(value), initial_(value) {
        if (value < 0) throw std::invalid_argument("Semaphore initial value must be >= 0");
    }
    int value() const { return value_; }
    size_t waiter_count() const { return waiters_.size(); }
    ResourceLevel level() const override { return {value_, initial_, 0, {static_cast<uint32_t>(waiters_.size())}}; }
    const detail::Waiters& waiter_list(size_t) const override { return waiters_; }
    bool locked() const {
        if (value_ == 0) return true;
        for (const auto& w : waiters_)
            if (!w.cancelled()) return true;
        return false;
    }

    Coro<bool> acquire() {
        if (!locked()) {
            --value_;
            changed();
            co_return true;
        }
        Future<void> fut(get_loop("Semaphore"), WaitKind::Semaphore);
        waiters_.push_back(fut);
        changed();
        try {
            co_await fut;
        } catch (const CancelledError&) {
            waiters_.remove(fut);
            if (!fut.cancelled()) {
                ++value_;
                wake_up_next();
            }
            changed();
            throw;
        } catch (...) {
            waiters_.remove(fut);
            changed();
            throw;
        }
        waiters_.remove(fut);
        if (value_ > 0) wake_up_next();
        changed();
        co_return true;
    }

    void release() {
        ++value_;
        wake_up_next();
        changed();
    }

    Coro<Held<Semaphore>> hold() {
        co_await acquire();
        co_return Held<Semaphore>(*this);
    }

private:
    void wake_up_next() {
        for (auto w : waiters_) {
            if (!w.done()) {
                --value_;
                w.set_result();
                return;
            }
        }
    }
    detail::Waiters waiters_;
    int value_;
    int initial_;   // the capacity the views show
};

}  // namespace aio
