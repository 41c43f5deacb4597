// timeout() (runtime/timeout.hpp): TimeoutError on expiry, the value when in time, nested scopes.
#include "tests/runtime/log.hpp"

#include <gtest/gtest.h>

namespace {
using aio_test::Lines;
using aio_test::Log;
using aio_test::after;

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

}  // namespace
