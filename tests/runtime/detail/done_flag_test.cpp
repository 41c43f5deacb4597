// DoneFlag (runtime/detail/done_flag.hpp): set by the future's done-callback, so when the loop
// has run the future's callbacks; a flag that goes first takes its callback with it.
#include "runtime/detail/done_flag.hpp"

#include <gtest/gtest.h>

namespace {

TEST(DoneFlag, is_set_when_the_loop_runs_the_futures_callbacks) {
    aio::Loop loop;
    aio::Future<int> f(loop);
    const aio::detail::DoneFlag done(*f.base());
    EXPECT_FALSE(done);
    f.set_result(1);
    EXPECT_FALSE(done);   // scheduled with call_soon, as every done-callback
    loop.run_once();
    EXPECT_TRUE(done);
}

TEST(DoneFlag, on_a_done_future_is_set_by_the_next_iteration) {
    aio::Loop loop;
    aio::Future<int> f(loop);
    f.cancel();
    loop.run_once();
    const aio::detail::DoneFlag done(*f.base());
    EXPECT_FALSE(done);
    loop.run_once();
    EXPECT_TRUE(done);
}

// A host that throws leaves no callback on the future pointing at its dead flag.
TEST(DoneFlag, gone_before_the_future_is_done_removes_its_callback) {
    aio::Loop loop;
    aio::Future<int> f(loop);
    { const aio::detail::DoneFlag done(*f.base()); }
    f.set_result(1);
    EXPECT_EQ(loop.ready_count(), 0u);
}

}  // namespace
