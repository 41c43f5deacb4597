// gather's bookkeeping, as asyncio's _GatheringFuture and its _done_callback.
#include "runtime/gather.hpp"

#include <unordered_set>

namespace aio::detail {

GatherFuture::GatherFuture(Loop& loop, std::vector<FutureBase*> children, bool return_exceptions)
    : FutureBase(loop, WaitKind::Gather, true), children_(std::move(children)), return_exceptions_(return_exceptions) {
    std::unordered_set<FutureBase*> seen;
    for (FutureBase* c : children_) {
        c->add_ref();
        if (!seen.insert(c).second) continue;  // the same task twice is awaited once
        ++unique_;
        c->add_done_callback(&GatherFuture::child_done, this);
    }
    add_ref();  // released by the last child's callback
    if (children_.empty()) {
        finish();  // gather() of nothing is already done
        release();
    }
}

GatherFuture::~GatherFuture() {
    for (FutureBase* c : children_) c->release();
}

bool GatherFuture::cancel(const std::string& msg) {
    if (done()) return false;
    bool any = false;
    for (FutureBase* c : children_)
        if (c->cancel(msg)) any = true;
    if (any) cancel_requested_ = true;  // the outer future then ends with CancelledError
    return any;
}

std::string GatherFuture::describe() const { return "gather(" + std::to_string(children_.size()) + (children_.size() == 1 ? " awaitable)" : " awaitables)"); }

void GatherFuture::child_done(void* self, void* child) {
    auto* g = static_cast<GatherFuture*>(self);
    auto* fut = static_cast<FutureBase*>(child);
    ++g->finished_;
    const bool last = g->finished_ == g->unique_;
    if (g->done()) {
        if (!fut->cancelled()) fut->exception();  // mark retrieved
    } else if (!g->return_exceptions_ && fut->cancelled()) {
        g->set_exception(fut->make_cancelled_error());
    } else if (!g->return_exceptions_ && fut->exception()) {
        g->set_exception(fut->exception());
    } else if (last) {
        for (FutureBase* c : g->children_)
            if (!c->cancelled()) c->exception();  // results are read from the children, retrieved here
        // CPython raises the error of the loop variable left over: the last child in argument order.
        if (g->cancel_requested_) g->set_exception(g->children_.back()->make_cancelled_error());
        else g->finish();
    }
    if (last) g->release();
}

}  // namespace aio::detail
