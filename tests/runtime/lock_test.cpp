// Lock and Semaphore (runtime/lock.hpp): waiters in FIFO order, a bounded number inside.
#include "tests/runtime/log.hpp"

#include <gtest/gtest.h>

namespace {
using aio_test::Lines;
using aio_test::Log;

TEST(Lock, waiters_acquire_in_fifo_order) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        aio::Lock lock;
        auto user = [&](int i) -> aio::Coro<void> {
            auto held = co_await lock.hold();
            log("holds " + std::to_string(i));
            co_await aio::sleep(1);
        };
        co_await aio::gather(user(1), user(2), user(3));
        EXPECT_FALSE(lock.locked());
        EXPECT_THROW(lock.release(), std::runtime_error);
    }(log));
    EXPECT_EQ(log.lines, (Lines{"0.00 Task-2: holds 1", "1.00 Task-3: holds 2", "2.00 Task-4: holds 3"}));
}

TEST(Semaphore, limits_concurrency) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        aio::Semaphore sem(2);
        auto user = [&](int i) -> aio::Coro<void> {
            auto held = co_await sem.hold();
            log("in " + std::to_string(i));
            co_await aio::sleep(1);
        };
        co_await aio::gather(user(1), user(2), user(3));
    }(log));
    EXPECT_EQ(log.lines, (Lines{"0.00 Task-2: in 1", "0.00 Task-3: in 2", "1.00 Task-4: in 3"}));
}

}  // namespace
