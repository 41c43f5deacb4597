// A scheduled call: a function pointer and two pointers of context. Small and allocation-free,
// so the ready queue and future callbacks cost no heap traffic.
#pragma once

namespace aio::detail {

struct Callback {
    void (*fn)(void* ctx, void* arg) = nullptr;
    void* ctx = nullptr;
    void* arg = nullptr;
    void operator()() const { fn(ctx, arg); }
    bool operator==(const Callback& o) const { return fn == o.fn && ctx == o.ctx; }
};

// A callback whose argument is known where it runs (a future's callbacks get the future, a
// timer's get nothing): two pointers instead of three in every future and timer.
struct BoundFn {
    void (*fn)(void* ctx, void* arg) = nullptr;
    void* ctx = nullptr;
    Callback with(void* arg) const { return {fn, ctx, arg}; }
    bool operator==(const BoundFn& o) const { return fn == o.fn && ctx == o.ctx; }
};

}  // namespace aio::detail
