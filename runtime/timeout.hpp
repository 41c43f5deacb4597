// timeout(delay, body): run body, cancelling it when delay seconds pass and raising TimeoutError
// instead (`async with asyncio.timeout(delay):`, 3.11's Timeout). delay nullopt: no limit.
//
//   co_await aio::timeout(5, fetch_all());
#pragma once
#include "runtime/coro.hpp"
#include "runtime/create_task.hpp"
#include "runtime/detail/timer_handle.hpp"

#include <optional>

namespace aio {

// The context manager itself, for code that needs reschedule() or expired().
class Timeout {
public:
    explicit Timeout(std::optional<Time> when) : when_(when) {}
    Timeout(const Timeout&) = delete;

    std::optional<Time> when() const { return when_; }
    bool expired() const { return state_ == State::Expiring || state_ == State::Expired; }

    void enter() {
        if (state_ != State::Created) throw std::runtime_error("Timeout has already been entered");
        task_ = current_task();
        if (!task_) throw std::runtime_error("Timeout should be used inside a task");
        handle_.emplace(task_->loop());
        state_ = State::Entered;
        reschedule(when_);
    }

    void reschedule(std::optional<Time> when) {
        if (state_ != State::Entered) throw std::runtime_error("Timeout has not been entered");
        when_ = when;
        handle_->cancel();
        if (!when) return;
        if (*when <= task_->loop().time()) handle_->call_soon(&Timeout::on_timeout, this);
        else handle_->call_at(*when, &Timeout::on_timeout, this);
    }

    // __aexit__: turns the timeout's own cancellation into TimeoutError.
    void exit(const std::exception_ptr& exc) {
        handle_->cancel();
        if (state_ == State::Expiring) {
            state_ = State::Expired;
            if (task_->uncancel() == 0 && is_cancelled_error(exc)) throw TimeoutError();
        } else if (state_ == State::Entered) {
            state_ = State::Exited;
        }
    }

private:
    enum class State { Created, Entered, Expiring, Expired, Exited };
    static void on_timeout(void* self, void*) {
        auto* t = static_cast<Timeout*>(self);
        t->task_->cancel();
        t->state_ = State::Expiring;
    }
    std::optional<Time> when_;
    State state_ = State::Created;
    TaskBase* task_ = nullptr;
    std::optional<detail::TimerHandle> handle_;
};

template <class T> Coro<T> timeout_at(std::optional<Time> when, Coro<T> body) {
    Timeout cm(when);
    cm.enter();
    std::exception_ptr exc;
    if constexpr (std::is_void_v<T>) {
        try {
            co_await std::move(body);
        } catch (...) {
            exc = std::current_exception();
        }
        cm.exit(exc);
        if (exc) std::rethrow_exception(exc);
    } else {
        std::optional<T> value;
        try {
            value.emplace(co_await std::move(body));
        } catch (...) {
            exc = std::current_exception();
        }
        cm.exit(exc);
        if (exc) std::rethrow_exception(exc);
        co_return std::move(*value);
    }
}

template <class T> Coro<T> timeout(std::optional<Time> delay, Coro<T> body) {
    std::optional<Time> when;
    if (delay) when = get_running_loop().time() + *delay;
    co_return co_await timeout_at(when, std::move(body));
}

}  // namespace aio
