// TaskGroup, async generators, locks and events.
#include "tests/runtime/log.hpp"

#include <gtest/gtest.h>

namespace {
using aio_test::Lines;
using aio_test::Log;

struct ValueError : std::runtime_error { using std::runtime_error::runtime_error; };

aio::Coro<void> work(Log& log, double d, bool fail) {
    try {
        co_await aio::sleep(d);
    } catch (const aio::CancelledError&) {
        log("cancelled");
        throw;
    }
    if (fail) throw ValueError("bad");
    log("done");
}

TEST(TaskGroup, waits_for_every_task) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        co_await aio::task_group([&](aio::TaskGroup& tg) -> aio::Coro<void> {
            tg.create_task(work(log, 2, false), "a");
            tg.create_task(work(log, 1, false), "b");
            co_return;
        });
        log("after group");
    }(log));
    EXPECT_EQ(log.lines, (Lines{"1.00 b: done", "2.00 a: done", "2.00 Task-1: after group"}));
}

TEST(TaskGroup, first_error_cancels_siblings_and_raises_a_group) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        try {
            co_await aio::task_group([&](aio::TaskGroup& tg) -> aio::Coro<void> {
                tg.create_task(work(log, 5, false), "slow");
                tg.create_task(work(log, 1, true), "bad");
                co_return;
            });
        } catch (const aio::ExceptionGroup& g) {
            log("group of " + std::to_string(g.exceptions().size()) + " " +
                aio::exception_type_name(g.exceptions()[0]));
        }
        // CPython 3.11 leaves the parent's cancel request counted here (3.12 uncancels it).
        EXPECT_EQ(aio::current_task()->cancelling(), 1);
    }(log));
    EXPECT_EQ(log.lines, (Lines{"1.00 slow: cancelled", "1.00 Task-1: group of 1 ValueError"}));
}

aio::AsyncGenerator<int> powers(int u) {
    for (int i = 0; i < u; ++i) {
        co_yield 1 << i;
        co_await aio::sleep(0.1);
    }
}

TEST(AsyncGenerator, collect_and_filter_like_the_walkthrough) {
    auto [all, filtered, t] = aio::run([]() -> aio::Coro<std::tuple<std::vector<int>, std::vector<int>, double>> {
        auto all = co_await aio::collect(powers(10));
        std::vector<int> filtered;
        auto g = powers(10);
        while (auto j = co_await g.next())
            if (!(*j / 3 % 5)) filtered.push_back(*j);
        co_return std::make_tuple(all, filtered, aio::get_running_loop().time());
    }());
    EXPECT_EQ(all, (std::vector<int>{1, 2, 4, 8, 16, 32, 64, 128, 256, 512}));
    EXPECT_EQ(filtered, (std::vector<int>{1, 2, 16, 32, 256, 512}));
    EXPECT_NEAR(t, 2.0, 1e-9);
}

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

TEST(Event, set_wakes_every_waiter) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        aio::Event ev;
        auto waiter = [&]() -> aio::Coro<void> {
            co_await ev.wait();
            log("woke");
        };
        auto a = aio::create_task(waiter(), "a");
        auto b = aio::create_task(waiter(), "b");
        co_await aio::sleep(2);
        ev.set();
        co_await aio::gather(a, b);
    }(log));
    EXPECT_EQ(log.lines, (Lines{"2.00 a: woke", "2.00 b: woke"}));
}

}  // namespace
