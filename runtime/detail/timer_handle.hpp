// A cancellable scheduled call owned by a coroutine frame (asyncio's TimerHandle / Handle):
// cancelled when it goes out of scope, like the `finally: handle.cancel()` blocks in asyncio.
#pragma once
#include "runtime/loop.hpp"

namespace aio::detail {

class TimerHandle {
public:
    explicit TimerHandle(Loop& loop) : loop_(&loop) {}
    TimerHandle(const TimerHandle&) = delete;
    TimerHandle& operator=(const TimerHandle&) = delete;
    ~TimerHandle() { cancel(); }

    void call_at(Time when, void (*fn)(void*, void*), void* ctx) {
        node_.cb = {fn, ctx};
        loop_->call_at(node_, when);
    }
    void call_later(Time delay, void (*fn)(void*, void*), void* ctx) { call_at(loop_->time() + delay, fn, ctx); }
    void call_soon(void (*fn)(void*, void*), void* ctx) {
        node_.cb = {fn, ctx};
        loop_->call_soon(node_);
    }
    void cancel() { loop_->cancel_timer(node_); }
    bool pending() const { return node_.state != TimerNode::Idle; }
    Time when() const { return node_.when; }

private:
    Loop* loop_;
    TimerNode node_;
};

}  // namespace aio::detail
