// asyncio.shield's two callbacks: the inner result flows out; an outer cancel stays outside.
#include "runtime/shield.hpp"

namespace aio::detail {

ShieldFuture::ShieldFuture(Loop& loop, FutureBase* inner) : FutureBase(loop, WaitKind::Shield, true), inner_(inner) {
    inner_->add_ref();
    inner_->add_done_callback(&ShieldFuture::inner_done, this);
    add_done_callback(&ShieldFuture::outer_done, this);
    add_ref();  // held until one of the two callbacks has run
}

void ShieldFuture::inner_done(void* self, void* inner) {
    auto* outer = static_cast<ShieldFuture*>(self);
    auto* in = static_cast<FutureBase*>(inner);
    if (outer->cancelled()) {
        if (!in->cancelled()) in->exception();  // mark retrieved
    } else if (in->cancelled()) {
        outer->cancel_self({});
    } else if (auto e = in->exception()) {
        outer->set_exception(e);
    } else {
        outer->finish();
    }
    outer->release();
}

void ShieldFuture::outer_done(void* self, void*) {
    auto* outer = static_cast<ShieldFuture*>(self);
    if (!outer->inner_->done() && outer->inner_->remove_done_callback(&ShieldFuture::inner_done, outer)) outer->release();
}

}  // namespace aio::detail
