// shield (runtime/shield.hpp): cancelling the awaiter leaves the inner task running.
#include "tests/runtime/log.hpp"

#include <gtest/gtest.h>

namespace {
using aio_test::Lines;
using aio_test::Log;
using aio_test::after;

TEST(Shield, cancelling_the_awaiter_leaves_the_inner_task_running) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        auto inner = aio::create_task(after(3, 5), "inner");
        auto waiter = aio::create_task([](aio::Task<int> inner) -> aio::Coro<int> {
            co_return co_await aio::shield(inner);
        }(inner), "waiter");
        co_await aio::sleep(1);
        waiter.cancel();
        co_await aio::sleep(0);
        co_await aio::sleep(0);
        EXPECT_TRUE(waiter.cancelled());
        EXPECT_FALSE(inner.done());
        log("inner gives " + std::to_string(co_await inner));
    }(log));
    EXPECT_EQ(log.lines, (Lines{"3.00 Task-1: inner gives 5"}));
}

}  // namespace
