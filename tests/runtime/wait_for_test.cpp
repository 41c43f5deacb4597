// wait_for (runtime/wait_for.hpp): the result in time, TimeoutError and a cancelled inner task
// on expiry, and no timeout at all.
#include "tests/runtime/log.hpp"

#include <gtest/gtest.h>

namespace {
using aio_test::Lines;
using aio_test::Log;
using aio_test::after;

TEST(WaitFor, returns_the_result_in_time) {
    EXPECT_EQ(aio::run([]() -> aio::Coro<int> { co_return co_await aio::wait_for(after(1, 7), 2.0); }()), 7);
}

TEST(WaitFor, raises_timeout_error_and_cancels_the_inner_task) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        auto inner = aio::create_task(after(5, 1), "inner");
        try {
            co_await aio::wait_for(inner, 2.0);
        } catch (const aio::TimeoutError&) {
            log("timed out");
        }
        EXPECT_TRUE(inner.cancelled());
    }(log));
    EXPECT_EQ(log.lines, (Lines{"2.00 Task-1: timed out"}));
}

TEST(WaitFor, no_timeout_awaits_plainly) {
    EXPECT_EQ(aio::run([]() -> aio::Coro<int> { co_return co_await aio::wait_for(after(100, 3), std::nullopt); }()), 3);
}

}  // namespace
