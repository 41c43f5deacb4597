// Task stepping, as CPython's Task.__step and __wakeup: a step resumes the innermost frame and
// keeps resuming (a trampoline) while frames await coroutines or return to their awaiters;
// it ends when a frame suspends on a future, yields, or the root coroutine returns.
#include "runtime/task.hpp"

#include "runtime/recorder.hpp"

#include <stdexcept>

namespace aio {

TaskBase::TaskBase(Loop& loop, detail::FrameBase* root, std::string name)
    : FutureBase(loop, WaitKind::Task, true), root_(root), top_(root) {
    root->task = this;
    if (name.empty()) default_name_ = loop.next_default_name_++;
    else name_ = std::make_unique<std::string>(std::move(name));
    if (TaskBase* creator = loop.current_task()) parent_id_ = creator->id_;
    id_ = loop.register_task(this);
    state_since_ = loop.time();
    loop.call_soon({&TaskBase::step_cb, this, nullptr});  // create_task schedules the first step
    if (Recorder* r = loop.recorder()) r->on_task_created(*this);
}

TaskBase::~TaskBase() {
    if (fut_waiter_) fut_waiter_->release();
}

std::string TaskBase::name() const { return name_ ? *name_ : "Task-" + std::to_string(default_name_); }

void TaskBase::set_name(std::string name) {
    name_ = std::make_unique<std::string>(std::move(name));
    if (Recorder* r = loop().recorder()) r->on_task_renamed(*this);
}

bool TaskBase::cancel(const std::string& msg) {
    if (done()) return false;
    ++num_cancels_requested_;
    if (fut_waiter_ && fut_waiter_->cancel(msg)) return true;
    must_cancel_ = true;  // delivered when the already scheduled step runs
    set_cancel_message(msg);
    return true;
}

int TaskBase::uncancel() {
    if (num_cancels_requested_ > 0) --num_cancels_requested_;
    return num_cancels_requested_;
}

void TaskBase::set_state(TaskState s) {
    if (s == task_state_) return;
    const TaskState from = task_state_;
    task_state_ = s;
    state_since_ = loop_->time();
    if (Recorder* r = loop_->recorder()) r->on_task_state(*this, from);
}

void TaskBase::step_cb(void* t, void*) {
    auto* task = static_cast<TaskBase*>(t);
    task->step(std::exchange(task->throw_exc_, nullptr));
}

void TaskBase::wakeup_cb(void* t, void* f) {
    auto* fut = static_cast<FutureBase*>(f);
    if (fut->loop().is_closed()) return;   // the task is being destroyed with the loop
    std::exception_ptr e;
    if (fut->cancelled()) e = fut->make_cancelled_error();
    else if (fut->failed()) e = fut->exception();
    static_cast<TaskBase*>(t)->step(std::move(e));
}

void TaskBase::step(std::exception_ptr exc) {
    if (done()) return;  // a stale wake-up after the loop closed the task
    if (must_cancel_) {
        if (!is_cancelled_error(exc)) exc = make_cancelled_error();
        must_cancel_ = false;
    }
    if (fut_waiter_) std::exchange(fut_waiter_, nullptr)->release();

    Loop& loop = *loop_;
    TaskBase* const outer = loop.current_;
    loop.set_current(this);
    set_state(TaskState::Running);
    add_ref();  // completing drops the loop's reference; stay alive until the step returns

    if (!started_) {
        started_ = true;
        if (exc) {  // thrown into a coroutine that never ran: it ends at once with that exception
            root_->exc = std::move(exc);
            top_ = nullptr;
        }
    } else {
        throw_exc_ = std::move(exc);
    }
    while (top_) {
        detail::FrameBase* f = top_;
        f->self.resume();
        if (top_ == f) break;  // suspended on a future or a yield
    }
    loop.set_current(outer);

    if (!top_) {
        take_result(root_);
    } else if (yielded_) {  // a bare yield: run again next iteration
        yielded_ = false;
        set_state(TaskState::Ready);
        loop.call_soon({&TaskBase::step_cb, this, nullptr});
    }
    release();
}

void TaskBase::complete_with_result() {
    if (must_cancel_) {  // cancelled right before the coroutine returned
        must_cancel_ = false;
        cancel_self(cancel_message());
        set_state(TaskState::Cancelled);
    } else {
        finish();
        set_state(TaskState::Done);
    }
    leave_loop();
}

void TaskBase::complete_with_exception(std::exception_ptr e) {
    if (is_cancelled_error(e)) {
        exc_ = std::move(e);   // handed out on first retrieval; the task's own message stays empty
        cancel_self({});
        set_state(TaskState::Cancelled);
    } else {
        set_exception(std::move(e));
        set_state(TaskState::Failed);
    }
    leave_loop();
}

void TaskBase::leave_loop() {
    loop_->unregister_task(this);
    release();  // the loop's reference
}

void TaskBase::abandon() {
    // Unhook from what it waits on first: that future may live in the frames destroyed below.
    if (fut_waiter_) {
        fut_waiter_->remove_done_callback(&TaskBase::wakeup_cb, this);
        std::exchange(fut_waiter_, nullptr)->release();
    }
    if (root_ && top_) {
        // Destroying the root destroys every frame it awaits; their awaiters unhook themselves.
        detail::coro::coroutine_handle<> h = root_->self;
        top_ = nullptr;
        h.destroy();
    }
    FutureBase::state_ = State::Cancelled;
    set_state(TaskState::Cancelled);
    schedule_callbacks();   // run now: lets gather, shield and as_completed let go of it
    leave_loop();
}

void TaskBase::on_exception_not_retrieved() {
    loop_->call_exception_handler({"Task exception was never retrieved", exc_, id_, name()});
}

void TaskAccess::wait_on(TaskBase* t, FutureBase* f) {
    Loop& loop = *t->loop_;
    if (&f->loop() != &loop || f == t) {
        // As asyncio: the error is thrown into the coroutine at its next step.
        t->throw_exc_ = std::make_exception_ptr(std::runtime_error(
            f == t ? "Task cannot await on itself: " + t->name()
                   : "Task " + t->name() + " got Future attached to a different loop"));
        t->set_state(TaskState::Ready);
        loop.call_soon({&TaskBase::step_cb, t, nullptr});
        return;
    }
    f->add_ref();
    t->fut_waiter_ = f;
    t->set_state(TaskState::Waiting);
    f->add_done_callback(&TaskBase::wakeup_cb, t);
    if (t->must_cancel_ && f->cancel(t->cancel_message())) t->must_cancel_ = false;
}

void TaskAccess::rethrow_delivered(TaskBase* t) { std::rethrow_exception(std::exchange(t->throw_exc_, nullptr)); }

}  // namespace aio
