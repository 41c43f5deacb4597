// Callback and BoundFn (runtime/detail/callback.hpp): a call is its function and two pointers;
// two callbacks are the same when function and context match, whatever the argument.
#include "runtime/detail/callback.hpp"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace {
using aio::detail::BoundFn;
using aio::detail::Callback;

using Calls = std::vector<std::pair<void*, void*>>;
Calls* g_calls = nullptr;
void record(void* ctx, void* arg) { g_calls->push_back({ctx, arg}); }
void other(void*, void*) {}

TEST(Callback, calling_it_passes_its_context_and_argument) {
    Calls calls;
    g_calls = &calls;
    int ctx = 0, arg = 0;
    const Callback cb{&record, &ctx, &arg};
    cb();
    EXPECT_EQ(calls, (Calls{{&ctx, &arg}}));
}

// remove_done_callback and the ready queue find a callback by function and context alone.
TEST(Callback, equality_is_function_and_context_not_argument) {
    int a = 0, b = 0, x = 0, y = 0;
    EXPECT_EQ((Callback{&record, &a, &x}), (Callback{&record, &a, &y}));
    EXPECT_FALSE((Callback{&record, &a, &x}) == (Callback{&record, &b, &x}));
    EXPECT_FALSE((Callback{&record, &a, &x}) == (Callback{&other, &a, &x}));
    EXPECT_EQ((BoundFn{&record, &a}), (BoundFn{&record, &a}));
    EXPECT_FALSE((BoundFn{&record, &a}) == (BoundFn{&record, &b}));
}

TEST(BoundFn, with_binds_the_argument_known_where_it_runs) {
    Calls calls;
    g_calls = &calls;
    int ctx = 0, arg = 0;
    const BoundFn bound{&record, &ctx};
    const Callback cb = bound.with(&arg);
    EXPECT_EQ(cb.fn, &record);
    EXPECT_EQ(cb.ctx, &ctx);
    EXPECT_EQ(cb.arg, &arg);
    cb();
    EXPECT_EQ(calls, (Calls{{&ctx, &arg}}));
}

}  // namespace
