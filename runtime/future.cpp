// Future state changes and done-callbacks, as asyncio.Future: callbacks go through the loop's
// ready queue (call_soon), never run inline, except while the loop is closing (see below).
#include "runtime/future.hpp"

#include "runtime/task.hpp"

#include <algorithm>

namespace aio {

FutureBase::~FutureBase() = default;

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
    set_cancel_message(msg);
    schedule_callbacks();
    return true;
}

void FutureBase::set_cancel_message(const std::string& msg) {
    if (!msg.empty()) extras().cancel_msg = msg;
    else if (extras_) extras_->cancel_msg.clear();
}

const std::string& FutureBase::cancel_message() const {
    static const std::string none;
    return extras_ ? extras_->cancel_msg : none;
}

std::exception_ptr FutureBase::make_cancelled_error() {
    if (state_ == State::Cancelled && exc_) return std::exchange(exc_, nullptr);
    return std::make_exception_ptr(CancelledError(cancel_message()));
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
    const detail::BoundFn cb{fn, ctx};
    if (done() && loop_->is_closed()) {
        fn(ctx, this);
        return;
    }
    if (done()) {
        TaskBase::note_wakeup_scheduled(cb.with(this));
        loop_->call_soon(cb.with(this));
        return;
    }
    if (!first_cb_.fn) first_cb_ = cb;
    else {
        extras().more_cbs.push_back(cb);
    }
}

size_t FutureBase::remove_done_callback(DoneFn fn, void* ctx) {
    const detail::BoundFn key{fn, ctx};
    size_t removed = 0;
    if (extras_) {
        auto& more = extras_->more_cbs;
        const auto before = more.size();
        more.erase(std::remove(more.begin(), more.end(), key), more.end());
        removed = before - more.size();
    }
    if (first_cb_.fn && first_cb_ == key) {
        ++removed;
        first_cb_ = {};
        if (extras_ && !extras_->more_cbs.empty()) {  // keep registration order: promote the next one
            first_cb_ = extras_->more_cbs.front();
            extras_->more_cbs.erase(extras_->more_cbs.begin());
        }
    }
    return removed;
}

void FutureBase::schedule_callbacks() {
    if (loop_->is_closed()) {
        run_callbacks_now();
        return;
    }
    auto run = [this](const detail::BoundFn& f) {
        const detail::Callback cb = f.with(this);
        TaskBase::note_wakeup_scheduled(cb);
        loop_->call_soon(cb);
    };
    if (first_cb_.fn) run(std::exchange(first_cb_, {}));
    if (extras_)
        for (const auto& cb : take_more_callbacks()) run(cb);
}

void FutureBase::run_callbacks_now() {
    // The loop is closing and will not run its ready queue again. Callbacks still run, so that
    // gather, shield, wait_for and as_completed drop the references they hold (CPython's garbage
    // collector frees those cycles); a callback that would resume a task sees the closed loop and
    // does nothing.
    std::vector<detail::BoundFn> cbs;
    if (first_cb_.fn) cbs.push_back(std::exchange(first_cb_, {}));
    if (extras_) {
        auto more = take_more_callbacks();
        cbs.insert(cbs.end(), more.begin(), more.end());
    }
    add_ref();   // a callback may drop the last other reference to this future
    for (const auto& cb : cbs) cb.fn(cb.ctx, this);
    release();
}

std::vector<detail::BoundFn> FutureBase::take_more_callbacks() {
    return extras_ ? std::exchange(extras_->more_cbs, {}) : std::vector<detail::BoundFn>{};
}

void FutureBase::on_exception_not_retrieved() {
    loop_->call_exception_handler({kind_ == WaitKind::Task ? "Task exception was never retrieved"
                                                           : "Future exception was never retrieved",
                                   exc_, 0, {}});
}

}  // namespace aio
