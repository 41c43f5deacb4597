// FutureWait (runtime/detail/future_awaiter.hpp): awaiting a future that is already done does
// not suspend; a pending one suspends the task until it is done; either way its outcome comes
// back at the await.
#include "tests/runtime/log.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace {

TEST(FutureWait, awaiting_a_done_future_does_not_suspend) {
    aio::run([]() -> aio::Coro<void> {
        aio::Loop& loop = aio::get_running_loop();
        aio::Future<int> f(loop);
        f.set_result(3);
        const uint64_t before = loop.iteration();
        const int v = co_await f;
        EXPECT_EQ(v, 3);
        EXPECT_EQ(loop.iteration(), before);
        EXPECT_EQ(aio::current_task()->state(), aio::TaskState::Running);
    }());
}

TEST(FutureWait, a_done_futures_exception_is_raised_at_the_await_at_once) {
    aio::run([]() -> aio::Coro<void> {
        aio::Loop& loop = aio::get_running_loop();
        aio::Future<int> f(loop);
        f.set_exception(std::make_exception_ptr(std::domain_error("early")));
        const uint64_t before = loop.iteration();
        EXPECT_THROW((void)co_await f, std::domain_error);
        EXPECT_EQ(loop.iteration(), before);
    }());
}

TEST(FutureWait, a_pending_future_suspends_the_task_until_it_is_done) {
    aio::Loop loop;
    aio::Future<void> f(loop);
    auto t = aio::create_task(loop, [](aio::Future<void> f) -> aio::Coro<void> {
        co_await aio::detail::FutureWaitOn(f.base());
    }(f));
    loop.run_once();
    EXPECT_EQ(t.base()->state(), aio::TaskState::Waiting);
    EXPECT_EQ(t.base()->waiting_on(), f.base());
    loop.run_once();
    EXPECT_FALSE(t.done());
    f.set_result();
    loop.run_once();
    EXPECT_TRUE(t.done());
    EXPECT_FALSE(t.cancelled());
}

}  // namespace
