// Tasks (asyncio.Task): a coroutine scheduled on the loop. A task steps its coroutine from a
// trampoline, so awaiting a coroutine runs it inline (no scheduling) and await chains of any
// depth use constant native stack, with or without wasm tail calls.
#pragma once
#include "runtime/detail/frame.hpp"
#include "runtime/future.hpp"
#include "runtime/task_state.hpp"
#include "runtime/wait_kind.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

namespace aio {

template <class T> class Coro;
template <class T> class TaskAwaiter;

class TaskBase : public FutureBase {
public:
    ~TaskBase() override;

    uint32_t id() const { return id_; }
    uint32_t parent_id() const { return parent_id_; }    // the task that created it; 0: none
    std::string name() const;                             // "Task-<n>" unless named (n counts unnamed tasks, as CPython)
    void set_name(std::string name);
    bool has_custom_name() const { return name_ != nullptr; }
    uint32_t default_name_number() const { return default_name_; }   // the n of "Task-<n>"

    bool cancel(const std::string& msg = {}) override;   // Task.cancel(): true if it took
    int cancelling() const { return num_cancels_requested_; }
    int uncancel();

    // Instrumentation.
    virtual std::string result_repr() const = 0;          // repr() of the result, or "ValueError: bad"
    TaskState state() const { return task_state_; }
    Time state_since() const { return state_since_; }
    FutureBase* waiting_on() const { return fut_waiter_; }
    const detail::FrameBase* top_frame() const { return top_; }

protected:
    TaskBase(Loop& loop, detail::FrameBase* root, std::string name);
    // Moves the root coroutine's outcome into the task, destroys the frame, completes the task.
    virtual void take_result(detail::FrameBase* root) = 0;
    void complete_with_exception(std::exception_ptr e);
    void complete_with_result();

public:
    // A future is scheduling cb: if it wakes a task, that task is now ready.
    static void note_wakeup_scheduled(const detail::Callback& cb) {
        if (cb.fn == &TaskBase::wakeup_cb) static_cast<TaskBase*>(cb.ctx)->set_state(TaskState::Ready);
    }

protected:
    void on_exception_not_retrieved() override;

private:
    friend class Loop;
    friend struct TaskAccess;
    void step(std::exception_ptr exc);
    void set_state(TaskState s);
    void leave_loop();   // done: off the live list, and the loop's reference dropped
    void abandon();      // the loop is closing while this task is pending
    static void step_cb(void* task, void*);
    static void wakeup_cb(void* task, void* future);

    detail::FrameBase* root_;
    detail::FrameBase* top_;                  // the innermost frame: what the trampoline resumes
    FutureBase* fut_waiter_ = nullptr;        // what the task is suspended on (holds a reference)
    std::exception_ptr throw_exc_;            // delivered at the next await point
    std::unique_ptr<std::string> name_;
    TaskBase* live_prev_ = nullptr;
    TaskBase* live_next_ = nullptr;
    Time state_since_ = 0;
    uint32_t id_ = 0;
    uint32_t parent_id_ = 0;
    uint32_t default_name_ = 0;               // the n of "Task-<n>"
    uint16_t num_cancels_requested_ = 0;
    bool must_cancel_ = false;
    bool started_ = false;
    bool yielded_ = false;                    // the last suspension was a bare yield (sleep(0))
    TaskState task_state_ = TaskState::Pending;
};

// The leaf-await protocol: what an awaiter of a future-like object calls from the task.
struct TaskAccess {
    // await_suspend: the task waits for f (Task.__step's handling of a yielded future).
    static void wait_on(TaskBase* t, FutureBase* f);
    // await_suspend of sleep(0): run again in the next loop iteration (a bare yield).
    static void yield_now(TaskBase* t) { t->yielded_ = true; }
    // await_resume: throws what the task's step delivered (cancellation), if anything.
    static void resume_point(TaskBase* t) {
        if (t->throw_exc_) [[unlikely]] rethrow_delivered(t);
    }
    [[noreturn]] static void rethrow_delivered(TaskBase* t);
    static detail::FrameBase*& top(TaskBase* t) { return t->top_; }
    // The task a ready-queue callback will step, if it steps one.
    static TaskBase* task_of(const detail::Callback& cb) { return task_of(detail::BoundFn{cb.fn, cb.ctx}); }
    static TaskBase* task_of(const detail::BoundFn& cb) {
        return cb.fn == &TaskBase::step_cb || cb.fn == &TaskBase::wakeup_cb ? static_cast<TaskBase*>(cb.ctx) : nullptr;
    }
    static void enter_child(detail::FrameBase& parent, detail::FrameBase& child) {
        child.parent = &parent;
        child.task = parent.task;
        parent.task->top_ = &child;
    }
};

// The task `f` is, or nullptr when it is another kind of future (a gather's child may be either).
inline const TaskBase* as_task(const FutureBase* f) {
    return f && f->kind() == WaitKind::Task ? static_cast<const TaskBase*>(f) : nullptr;
}

namespace detail {
template <class T> class TypedTask;
}

// A handle to a task (copyable, shared); await it to get its result.
template <class T = void> class Task {
public:
    Task() = default;
    explicit Task(detail::TypedTask<T>* s) : s_(s) {}   // adopts a reference
    Task(const Task& o) : s_(o.s_) { if (s_) s_->add_ref(); }
    Task(Task&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
    Task& operator=(Task o) { std::swap(s_, o.s_); return *this; }
    ~Task() { if (s_) s_->release(); }
    explicit operator bool() const { return s_ != nullptr; }

    bool done() const { return s_->done(); }
    bool cancelled() const { return s_->cancelled(); }
    bool cancel(const std::string& msg = {}) { return s_->cancel(msg); }
    int cancelling() const { return s_->cancelling(); }
    int uncancel() { return s_->uncancel(); }
    std::exception_ptr exception() { return s_->exception(); }
    decltype(auto) result();
    std::string name() const { return s_->name(); }
    void set_name(std::string n) { s_->set_name(std::move(n)); }
    uint32_t id() const { return s_->id(); }
    void add_done_callback(FutureBase::DoneFn fn, void* ctx) { s_->add_done_callback(fn, ctx); }
    size_t remove_done_callback(FutureBase::DoneFn fn, void* ctx) { return s_->remove_done_callback(fn, ctx); }

    TaskBase* base() const { return s_; }
    detail::TypedTask<T>* typed() const { return s_; }   // the task with its result slot
    TaskAwaiter<T> operator co_await() const;

private:
    detail::TypedTask<T>* s_ = nullptr;
};

}  // namespace aio

template <class F> void aio::Loop::for_each_live_task(F&& f) const {
    for (TaskBase* t = live_head_; t;) {
        TaskBase* next = t->live_next_;   // f may finish t
        f(*t);
        t = next;
    }
}
