// Futures (asyncio.Future): a result that arrives later, with done-callbacks that the loop runs
// with call_soon. FutureBase is the untyped core shared by tasks, sleeps, queues and gather;
// Future<T> is the handle user code creates and awaits.
#pragma once
#include "runtime/detail/callback.hpp"
#include "runtime/errors.hpp"
#include "runtime/loop.hpp"
#include "runtime/wait_kind.hpp"

#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace aio {

class FutureBase {
public:
    enum class State : uint8_t { Pending, Finished, Cancelled };
    using DoneFn = void (*)(void* ctx, void* future);

    FutureBase(Loop& loop, WaitKind kind, bool on_heap) : loop_(&loop), kind_(kind), heap_(on_heap) {}
    virtual ~FutureBase();
    FutureBase(const FutureBase&) = delete;
    FutureBase& operator=(const FutureBase&) = delete;

    Loop& loop() const { return *loop_; }
    // The first done-callback, usually the awaiting task's wakeup (snapshots find sleepers by it).
    const detail::BoundFn& first_callback() const { return first_cb_; }
    WaitKind kind() const { return kind_; }
    bool done() const { return state_ != State::Pending; }
    bool cancelled() const { return state_ == State::Cancelled; }
    bool failed() const { return state_ == State::Finished && exc_ != nullptr; }

    // Future.cancel(): true if it took. Tasks and gather override it.
    virtual bool cancel(const std::string& msg = {});
    // Future.exception(): the exception (null if a result); throws if pending or cancelled.
    std::exception_ptr exception();
    // Throws the stored exception or CancelledError; returns normally for a result.
    void check_result();
    void set_exception(std::exception_ptr e);
    void mark_retrieved() { retrieved_ = true; }

    void add_done_callback(DoneFn fn, void* ctx);
    size_t remove_done_callback(DoneFn fn, void* ctx);

    // The CancelledError a cancelled future raises: the first call hands out the one that ended
    // a task's coroutine (message included), later calls a new one (CPython's _make_cancelled_error).
    std::exception_ptr make_cancelled_error();
    virtual Time deadline() const { return -1; }   // when a timed wait ends; -1: not timed
    virtual std::string describe() const { return to_string(kind_); }   // for await stacks
    virtual void targets(std::vector<const FutureBase*>&) const {}        // futures this one waits for
    const std::string& cancel_message() const;

    void add_ref() { ++refs_; }
    void release() {
        if (--refs_ != 0 || !heap_) return;
        if (failed() && !retrieved_ && !loop_->is_closed()) on_exception_not_retrieved();
        delete this;
    }

protected:
    void finish();                 // marks a result as set and schedules callbacks
    bool cancel_self(const std::string& msg);   // plain Future.cancel()
    void schedule_callbacks();
    void run_callbacks_now();      // only while the loop is closing
    virtual void on_exception_not_retrieved();

    void set_cancel_message(const std::string& msg);

    Loop* loop_;
    // Finished: the exception, if any. Cancelled: the CancelledError that ended a task's
    // coroutine, until it is handed out.
    std::exception_ptr exc_;
    detail::BoundFn first_cb_;                   // most futures have one callback: keep it inline
    // What few futures need, out of line, as futures are many: a cancel message, more callbacks.
    struct Extras {
        std::string cancel_msg;
        std::vector<detail::BoundFn> more_cbs;
    };
    std::unique_ptr<Extras> extras_;
    Extras& extras() { return extras_ ? *extras_ : *(extras_ = std::make_unique<Extras>()); }
    std::vector<detail::BoundFn> take_more_callbacks();
    uint32_t refs_ = 1;
    State state_ = State::Pending;
    WaitKind kind_;
    bool heap_;
    bool retrieved_ = false;
};

namespace detail {
// Holds a value of T, or nothing for void.
template <class T> struct ValueSlot {
    std::optional<T> value;
    void set(T v) { value.emplace(std::move(v)); }
    T take() { return std::move(*value); }
    const T& peek() const { return *value; }
};
template <> struct ValueSlot<void> {
    void take() {}
};

template <class T> class FutureState final : public FutureBase {
public:
    explicit FutureState(Loop& loop, WaitKind kind = WaitKind::Future) : FutureBase(loop, kind, true) {}
    template <class... V> void set_result(V&&... v) {
        if (done()) throw InvalidStateError("invalid state: the future is already done");
        if constexpr (!std::is_void_v<T>) slot.set(std::forward<V>(v)...);
        finish();
    }
    ValueSlot<T> slot;
};
}  // namespace detail

template <class T> class FutureAwaiter;

// A shared handle to a future's state (asyncio.Future): copy it freely; await it from a task.
template <class T = void> class Future {
public:
    explicit Future(Loop& loop, WaitKind kind = WaitKind::Future) : s_(new detail::FutureState<T>(loop, kind)) {}
    Future(const Future& o) : s_(o.s_) { s_->add_ref(); }
    Future(Future&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
    Future& operator=(Future o) { std::swap(s_, o.s_); return *this; }
    ~Future() { if (s_) s_->release(); }

    bool done() const { return s_->done(); }
    bool cancelled() const { return s_->cancelled(); }
    bool cancel(const std::string& msg = {}) { return s_->cancel(msg); }
    template <class... V> void set_result(V&&... v) { s_->set_result(std::forward<V>(v)...); }
    void set_exception(std::exception_ptr e) { s_->set_exception(std::move(e)); }
    std::exception_ptr exception() { return s_->exception(); }
    // Future.result(): the value, or throws the exception / CancelledError / InvalidStateError.
    decltype(auto) result() {
        if (!s_->done()) throw InvalidStateError("Result is not set.");
        s_->check_result();
        if constexpr (!std::is_void_v<T>) return s_->slot.peek();
    }
    void add_done_callback(FutureBase::DoneFn fn, void* ctx) { s_->add_done_callback(fn, ctx); }
    size_t remove_done_callback(FutureBase::DoneFn fn, void* ctx) { return s_->remove_done_callback(fn, ctx); }

    FutureBase* base() const { return s_; }
    FutureAwaiter<T> operator co_await() const;

private:
    detail::FutureState<T>* s_;
};

}  // namespace aio
