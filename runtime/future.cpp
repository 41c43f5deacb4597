// Future state changes and done-callbacks, as asyncio.Future: callbacks go through the loop's
// ready queue (call_soon), never run inline, except while the loop is closing (see below).
#include "runtime/future.hpp"

#include "runtime/task.hpp"

#include <algorithm>

namespace aio {

FutureBase::~FutureBase() { delete more_cbs_; }

void FutureBase::finish() {
    state_ = State::Finished;
    schedule_callbacks();
}

void FutureBase::set_exception(std::exception_ptr e) {
    if (done()) throw InvalidStateError("invalid state: the future is already done");
    exc_ = std::move(e);
    state_ = State::Finished;
    schedule_callbacks();
}

bool FutureBase::cancel(const std::string& msg) { return cancel_self(msg); }

bool FutureBase::cancel_self(const std::string& msg) {
    if (done()) return false;
    state_ = State::Cancelled;
    cancel_msg_ = msg;
    schedule_callbacks();
    return true;
}

std::exception_ptr FutureBase::make_cancelled_error() {
    if (cancelled_exc_) return std::exchange(cancelled_exc_, nullptr);
    return std::make_exception_ptr(CancelledError(cancel_msg_));
}

std::exception_ptr FutureBase::exception() {
    if (state_ == State::Pending) throw InvalidStateError("Exception is not set.");
    if (state_ == State::Cancelled) std::rethrow_exception(make_cancelled_error());
    retrieved_ = true;
    return exc_;
}

void FutureBase::check_result() {
    if (state_ == State::Cancelled) std::rethrow_exception(make_cancelled_error());
    retrieved_ = true;
    if (exc_) std::rethrow_exception(exc_);
}

void FutureBase::add_done_callback(DoneFn fn, void* ctx) {
    const detail::Callback cb{fn, ctx, this};
    if (done() && loop_->is_closed()) {
        cb();
        return;
    }
    if (done()) {
        TaskBase::note_wakeup_scheduled(cb);
        loop_->call_soon(cb);
        return;
    }
    if (!first_cb_.fn) first_cb_ = cb;
    else {
        if (!more_cbs_) more_cbs_ = new std::vector<detail::Callback>;
        more_cbs_->push_back(cb);
    }
}

size_t FutureBase::remove_done_callback(DoneFn fn, void* ctx) {
    const detail::Callback key{fn, ctx, nullptr};
    size_t removed = 0;
    if (more_cbs_) {
        const auto before = more_cbs_->size();
        more_cbs_->erase(std::remove(more_cbs_->begin(), more_cbs_->end(), key), more_cbs_->end());
        removed = before - more_cbs_->size();
    }
    if (first_cb_.fn && first_cb_ == key) {
        ++removed;
        first_cb_ = {};
        if (more_cbs_ && !more_cbs_->empty()) {  // keep registration order: promote the next one
            first_cb_ = more_cbs_->front();
            more_cbs_->erase(more_cbs_->begin());
        }
    }
    return removed;
}

void FutureBase::schedule_callbacks() {
    if (loop_->is_closed()) {
        run_callbacks_now();
        return;
    }
    auto run = [this](const detail::Callback& cb) {
        TaskBase::note_wakeup_scheduled(cb);
        loop_->call_soon(cb);
    };
    if (first_cb_.fn) run(std::exchange(first_cb_, {}));
    if (more_cbs_) {
        for (const auto& cb : *more_cbs_) run(cb);
        delete std::exchange(more_cbs_, nullptr);
    }
}

void FutureBase::run_callbacks_now() {
    // The loop is closing and will not run its ready queue again. Callbacks still run, so that
    // gather, shield, wait_for and as_completed drop the references they hold (CPython's garbage
    // collector frees those cycles); a callback that would resume a task sees the closed loop and
    // does nothing.
    std::vector<detail::Callback> cbs;
    if (first_cb_.fn) cbs.push_back(std::exchange(first_cb_, {}));
    if (more_cbs_) {
        cbs.insert(cbs.end(), more_cbs_->begin(), more_cbs_->end());
        delete std::exchange(more_cbs_, nullptr);
    }
    add_ref();   // a callback may drop the last other reference to this future
    for (const auto& cb : cbs) cb();
    release();
}

void FutureBase::on_exception_not_retrieved() {
    loop_->call_exception_handler({kind_ == WaitKind::Task ? "Task exception was never retrieved"
                                                           : "Future exception was never retrieved",
                                   exc_, 0, {}});
}

}  // namespace aio
