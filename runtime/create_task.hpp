// create_task(): wrap a coroutine in a task and schedule its first step (asyncio.create_task).
// Also how tasks and futures are awaited.
#pragma once
#include "runtime/coro.hpp"
#include "runtime/detail/future_awaiter.hpp"
#include "runtime/repr.hpp"
#include "runtime/task.hpp"

#include <string>

namespace aio {

namespace detail {
template <class T> class TypedTask final : public TaskBase {
public:
    TypedTask(Loop& loop, typename Coro<T>::handle h, std::string name) : TaskBase(loop, &h.promise(), std::move(name)) {}
    ValueSlot<T> slot;

    std::string result_repr() const override {
        if (cancelled()) return "CancelledError";
        if (exc_) return exception_type_name(exc_) + ": " + exception_message(exc_);
        if (!done()) return {};
        if constexpr (std::is_void_v<T>) return "None";
        else return repr(slot.peek());
    }

private:
    void take_result(FrameBase* root) override {
        auto h = Coro<T>::handle::from_promise(*static_cast<typename Coro<T>::promise_type*>(root));
        auto& p = h.promise();
        std::exception_ptr e = p.exc;
        if (!e) {
            if constexpr (!std::is_void_v<T>) slot.set(p.value.take());
        }
        h.destroy();
        if (e) complete_with_exception(std::move(e));
        else complete_with_result();
    }
};
}  // namespace detail

// Schedules coro as a task on loop (Loop::create_task in asyncio).
template <class T> Task<T> create_task(Loop& loop, Coro<T> coro, std::string name = {}) {
    auto* s = new detail::TypedTask<T>(loop, coro.release(), std::move(name));
    s->add_ref();  // one for the handle, one the loop holds until the task is done
    return Task<T>(s);
}

// Schedules coro as a task on the running loop (asyncio.create_task).
template <class T> Task<T> create_task(Coro<T> coro, std::string name = {}) {
    return create_task(get_running_loop(), std::move(coro), std::move(name));
}

// asyncio.ensure_future: a coroutine becomes a task; a task stays itself.
template <class T> Task<T> ensure_future(Coro<T>&& c) { return create_task(std::move(c)); }
template <class T> Task<T> ensure_future(const Task<T>& t) { return t; }

// The task whose step is running (asyncio.current_task); null outside a task.
inline TaskBase* current_task() {
    Loop* l = Loop::running_loop();
    return l ? l->current_task() : nullptr;
}

template <class T> decltype(auto) Task<T>::result() {
    if (!s_->done()) throw InvalidStateError("Result is not set.");
    s_->check_result();
    if constexpr (!std::is_void_v<T>) return (s_->slot.peek());
}

namespace detail {
template <class T, class State> class ResultAwaiter : public FutureWait {
public:
    explicit ResultAwaiter(FutureBase* f) : FutureWait(f) {}
    T await_resume() {
        resume();
        if constexpr (!std::is_void_v<T>) return static_cast<State*>(f_)->slot.peek();
    }
};
}  // namespace detail

template <class T> class FutureAwaiter : public detail::ResultAwaiter<T, detail::FutureState<T>> {
    using detail::ResultAwaiter<T, detail::FutureState<T>>::ResultAwaiter;
};
template <class T> class TaskAwaiter : public detail::ResultAwaiter<T, detail::TypedTask<T>> {
    using detail::ResultAwaiter<T, detail::TypedTask<T>>::ResultAwaiter;
};

template <class T> TaskAwaiter<T> Task<T>::operator co_await() const { return TaskAwaiter<T>(s_); }
template <class T> FutureAwaiter<T> Future<T>::operator co_await() const { return FutureAwaiter<T>(s_); }

}  // namespace aio
