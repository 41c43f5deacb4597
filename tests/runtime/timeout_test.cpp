// wait_for and timeout(): TimeoutError on expiry, results when in time, cancellation semantics.
#include "tests/runtime/log.hpp"

#include <gtest/gtest.h>

namespace {
using aio_test::Lines;
using aio_test::Log;

aio::Coro<int> after(double d, int v) {
    co_await aio::sleep(d);
    co_return v;
}

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

TEST(Timeout, expiring_scope_raises_timeout_error) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        try {
            co_await aio::timeout(1.5, after(10, 0));
        } catch (const aio::TimeoutError&) {
            log("timeout");
        }
        EXPECT_EQ(aio::current_task()->cancelling(), 0);
    }(log));
    EXPECT_EQ(log.lines, (Lines{"1.50 Task-1: timeout"}));
}

TEST(Timeout, body_that_finishes_in_time_returns_its_value) {
    EXPECT_EQ(aio::run([]() -> aio::Coro<int> { co_return co_await aio::timeout(5, after(1, 4)); }()), 4);
}

TEST(Timeout, nested_inner_expires_first) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        auto inner = [](Log& log) -> aio::Coro<void> {
            try {
                co_await aio::timeout(1, after(10, 0));
            } catch (const aio::TimeoutError&) {
                log("inner timeout");
            }
            co_await aio::sleep(10);
        };
        try {
            co_await aio::timeout(3, inner(log));
        } catch (const aio::TimeoutError&) {
            log("outer timeout");
        }
    }(log));
    EXPECT_EQ(log.lines, (Lines{"1.00 Task-1: inner timeout", "3.00 Task-1: outer timeout"}));
}

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

TEST(AsCompleted, results_in_finishing_order_then_timeout) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        std::vector<aio::Coro<int>> cs;
        cs.push_back(after(3, 3));
        cs.push_back(after(1, 1));
        cs.push_back(after(9, 9));
        auto ac = aio::as_completed(std::move(cs), 5.0);
        for (size_t i = 0; i < ac.size(); ++i) {
            try {
                log("got " + std::to_string(co_await ac.next()));
            } catch (const aio::TimeoutError&) {
                log("timeout");
            }
        }
    }(log));
    EXPECT_EQ(log.lines, (Lines{"1.00 Task-1: got 1", "3.00 Task-1: got 3", "5.00 Task-1: timeout"}));
}

}  // namespace
