// TaskGroup's bookkeeping, following asyncio/taskgroups.py (3.11) step by step.
#include "runtime/task_group.hpp"

#include <algorithm>
#include <stdexcept>

namespace aio {

TaskGroup::~TaskGroup() {
    for (TaskBase* t : tasks_) {
        t->remove_done_callback(&TaskGroup::on_task_done, this);
        t->release();
    }
}

void TaskGroup::enter() {
    if (entered_) throw std::runtime_error("TaskGroup has been already entered");
    entered_ = true;
    loop_ = &get_running_loop();
    parent_ = current_task();
    if (!parent_) throw std::runtime_error("TaskGroup cannot determine the parent task");
}

void TaskGroup::check_can_create() const {
    if (!entered_) throw std::runtime_error("TaskGroup has not been entered");
    if (exiting_ && tasks_.empty()) throw std::runtime_error("TaskGroup is finished");
    if (aborting_) throw std::runtime_error("TaskGroup is shutting down");
}

void TaskGroup::adopt(TaskBase* t) {
    t->add_ref();
    t->add_done_callback(&TaskGroup::on_task_done, this);
    tasks_.push_back(t);
}

void TaskGroup::abort() {
    aborting_ = true;
    for (TaskBase* t : tasks_)   // creation order (CPython iterates a set)
        if (!t->done()) t->cancel();
}

void TaskGroup::on_task_done(void* self, void* task) {
    auto* g = static_cast<TaskGroup*>(self);
    auto* t = static_cast<TaskBase*>(static_cast<FutureBase*>(task));
    auto it = std::find(g->tasks_.begin(), g->tasks_.end(), t);
    if (it != g->tasks_.end()) g->tasks_.erase(it);
    if (g->on_completed_ && g->tasks_.empty() && !g->on_completed_->done())
        g->on_completed_->set_result();
    struct Drop { TaskBase* t; ~Drop() { t->release(); } } drop{t};
    if (t->cancelled()) return;
    std::exception_ptr exc = t->exception();
    if (!exc) return;
    g->errors_.push_back(exc);
    if (g->parent_->done()) {
        g->loop_->call_exception_handler({"Task has errored out but its parent task is already completed", exc,
                                          t->id(), t->name()});
        return;
    }
    if (!g->aborting_ && !g->parent_cancel_requested_) {
        g->abort();
        g->parent_cancel_requested_ = true;
        g->parent_->cancel();
    }
}

Coro<void> TaskGroup::exit(std::exception_ptr exc) {
    exiting_ = true;
    const bool cancelled_body = is_cancelled_error(exc);
    std::exception_ptr propagate_cancellation = cancelled_body ? exc : nullptr;
    if (parent_cancel_requested_ && parent_->uncancel() == 0) propagate_cancellation = nullptr;
    if (exc && !aborting_) abort();

    while (!tasks_.empty()) {
        if (!on_completed_) on_completed_.emplace(*loop_, WaitKind::TaskGroup);
        try {
            co_await *on_completed_;
        } catch (const CancelledError&) {
            if (!aborting_) {
                propagate_cancellation = std::current_exception();
                abort();
            }
        }
        on_completed_.reset();
    }

    if (propagate_cancellation && errors_.empty()) std::rethrow_exception(propagate_cancellation);
    if (exc && !cancelled_body) errors_.push_back(exc);
    if (!errors_.empty()) throw ExceptionGroup("unhandled errors in a TaskGroup", std::move(errors_));
}

}  // namespace aio
