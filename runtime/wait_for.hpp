// wait_for(aw, timeout): await aw, cancelling it and raising TimeoutError if it takes longer
// than timeout seconds (asyncio.wait_for, 3.11's algorithm, so event order matches CPython).
//
//   int r = co_await aio::wait_for(slow(), 2.5);
#pragma once
#include "runtime/coro.hpp"
#include "runtime/create_task.hpp"
#include "runtime/detail/timer_handle.hpp"

#include <optional>

namespace aio {

namespace detail {
inline void release_waiter(void* waiter, void* = nullptr) {
    auto* w = static_cast<FutureBase*>(waiter);
    if (!w->done()) static_cast<FutureState<void>*>(w)->set_result();
}

// As a done-callback the waiter may run after the awaiting frame is gone (CPython's callback
// keeps the waiter alive): the callback holds a reference, dropped when it runs or is removed.
inline void release_waiter_ref(void* waiter, void* fut) {
    release_waiter(waiter, fut);
    static_cast<FutureBase*>(waiter)->release();
}
inline void hook_waiter(FutureBase* fut, FutureBase* waiter) {
    waiter->add_ref();
    fut->add_done_callback(&release_waiter_ref, waiter);
}
inline void unhook_waiter(FutureBase* fut, FutureBase* waiter) {
    for (size_t n = fut->remove_done_callback(&release_waiter_ref, waiter); n > 0; --n) waiter->release();
}

// asyncio.tasks._cancel_and_wait: cancel fut and wait until it is done.
inline Coro<void> cancel_and_wait(FutureBase* fut) {
    Future<void> waiter(get_running_loop(), WaitKind::WaitFor);
    hook_waiter(fut, waiter.base());
    struct Unhook {
        FutureBase* f; FutureBase* w;
        ~Unhook() { unhook_waiter(f, w); }
    } unhook{fut, waiter.base()};
    fut->cancel();
    co_await waiter;
}

template <class T> Coro<T> wait_for_task(Task<T> fut, Time timeout) {
    Loop& loop = get_running_loop();
    if (timeout <= 0) {
        if (fut.done()) co_return fut.result();
        co_await cancel_and_wait(fut.base());
        try {
            co_return fut.result();
        } catch (const CancelledError&) {
            throw TimeoutError();
        }
    }
    Future<void> waiter(loop, WaitKind::WaitFor);
    TimerHandle timeout_handle(loop);
    timeout_handle.call_later(timeout, &release_waiter, waiter.base());
    hook_waiter(fut.base(), waiter.base());

    std::exception_ptr cancelled;
    try {
        co_await waiter;
    } catch (const CancelledError&) {
        cancelled = std::current_exception();
    }
    if (fut.done()) co_return fut.result();
    unhook_waiter(fut.base(), waiter.base());
    co_await cancel_and_wait(fut.base());
    if (cancelled) std::rethrow_exception(cancelled);
    try {
        co_return fut.result();
    } catch (const CancelledError&) {
        throw TimeoutError();
    }
}
}  // namespace detail

template <class T> Coro<T> wait_for(Task<T> aw, std::optional<Time> timeout) {
    if (!timeout) co_return co_await aw;
    co_return co_await detail::wait_for_task(std::move(aw), *timeout);
}

template <class T> Coro<T> wait_for(Coro<T> aw, std::optional<Time> timeout) {
    if (!timeout) co_return co_await std::move(aw);   // no timeout: awaited inline, as in asyncio
    // asyncio makes the task after arming the timer; the two queues are independent, so the
    // order of events is the same.
    co_return co_await detail::wait_for_task(create_task(std::move(aw)), *timeout);
}

}  // namespace aio
