// Coro<T>: the return type of an `async def`. A coroutine does nothing until it is awaited (it
// then runs inline, inside the awaiting task) or wrapped in a task with create_task().
//
//   aio::Coro<int> answer() { co_await aio::sleep(1); co_return 42; }
#pragma once
#include "runtime/detail/coro_compat.hpp"
#include "runtime/detail/frame.hpp"
#include "runtime/future.hpp"
#include "runtime/task.hpp"

#include <exception>
#include <utility>

namespace aio {

namespace detail {
// At the end of a coroutine, hand control back to the frame that awaited it (or end the task).
struct FinalAwaiter {
    bool await_ready() const noexcept { return false; }
    template <class P> void await_suspend(coro::coroutine_handle<P> h) noexcept {
        FrameBase& f = h.promise();
        TaskAccess::top(f.task) = f.parent;
    }
    void await_resume() const noexcept {}
};

template <class T> struct CoroPromiseBase : FrameBase {
    ValueSlot<T> value;
    coro::suspend_always initial_suspend() const noexcept { return {}; }
    FinalAwaiter final_suspend() const noexcept { return {}; }
    void unhandled_exception() noexcept { this->exc = std::current_exception(); }
    T take() {
        if (this->exc) std::rethrow_exception(this->exc);
        return value.take();
    }
};
template <class T> struct CoroPromise : CoroPromiseBase<T> {
    template <class V> void return_value(V&& v) { this->value.set(std::forward<V>(v)); }
};
template <> struct CoroPromise<void> : CoroPromiseBase<void> {
    void return_void() noexcept {}
};
}  // namespace detail

template <class T = void> class [[nodiscard]] Coro {
public:
    using value_type = T;
    struct promise_type : detail::CoroPromise<T> {
        promise_type() { this->self = handle::from_promise(*this); }
        Coro get_return_object() { return Coro(handle::from_promise(*this)); }
    };
    using handle = detail::coro::coroutine_handle<promise_type>;

    Coro(Coro&& o) noexcept : h_(std::exchange(o.h_, nullptr)) {}
    Coro& operator=(Coro&& o) noexcept { std::swap(h_, o.h_); return *this; }
    Coro(const Coro&) = delete;
    ~Coro() { if (h_) h_.destroy(); }

    // Names this frame in await stacks, e.g. `co_return co_await part1(n).named("part1(1)")`.
    Coro&& named(std::string label) && {
        h_.promise().label = std::make_unique<std::string>(std::move(label));
        return std::move(*this);
    }

    // Awaiting a coroutine runs it inside the awaiting task, with no trip through the loop.
    bool await_ready() const noexcept { return false; }
    template <class P> void await_suspend(detail::coro::coroutine_handle<P> h) noexcept {
        TaskAccess::enter_child(h.promise(), h_.promise());
    }
    T await_resume() { return h_.promise().take(); }

    handle release() { return std::exchange(h_, nullptr); }   // hands the frame to a task

private:
    explicit Coro(handle h) : h_(h) {}
    handle h_;
};

// Names the running frame in await stacks, like a Python frame's function name:
//   co_await aio::frame_name("part1(" + std::to_string(n) + ")");
class FrameName {
public:
    explicit FrameName(std::string label) : label_(std::move(label)) {}
    bool await_ready() const noexcept { return false; }
    template <class P> bool await_suspend(detail::coro::coroutine_handle<P> h) {
        h.promise().label = std::make_unique<std::string>(std::move(label_));
        return false;  // never suspends
    }
    void await_resume() const noexcept {}
private:
    std::string label_;
};
inline FrameName frame_name(std::string label) { return FrameName(std::move(label)); }

}  // namespace aio
