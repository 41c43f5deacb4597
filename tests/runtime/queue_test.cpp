// Queue: put/get order, maxsize back-pressure, task_done/join, nowait errors.
#include "tests/runtime/log.hpp"

#include <gtest/gtest.h>

namespace {
using aio_test::Lines;
using aio_test::Log;

aio::Coro<void> producer(aio::Queue<int>& q, Log& log, int n) {
    for (int i = 0; i < n; ++i) {
        co_await q.put(i);
        log("put " + std::to_string(i));
    }
}

aio::Coro<void> consumer(aio::Queue<int>& q, Log& log) {
    for (;;) {
        int x = co_await q.get();
        log("got " + std::to_string(x));
        q.task_done();
    }
}

TEST(Queue, maxsize_one_alternates_put_and_get) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        aio::Queue<int> q(1);
        auto c = aio::create_task(consumer(q, log), "C");
        auto p = aio::create_task(producer(q, log, 3), "P");
        co_await p;
        co_await q.join();
        log("joined");
        c.cancel();
        try {
            co_await c;   // the consumer uses q: keep q alive until it has finished
        } catch (const aio::CancelledError&) {
        }
    }(log));
    // Checked against CPython 3.11 running the same program on a virtual-time loop.
    EXPECT_EQ(log.lines, (Lines{"0.00 P: put 0", "0.00 C: got 0", "0.00 P: put 1", "0.00 C: got 1", "0.00 P: put 2",
                                "0.00 C: got 2", "0.00 Task-1: joined"}));
}

TEST(Queue, nowait_raises_full_and_empty) {
    aio::run([]() -> aio::Coro<void> {
        aio::Queue<int> q(1);
        EXPECT_THROW(q.get_nowait(), aio::QueueEmpty);
        q.put_nowait(1);
        EXPECT_TRUE(q.full());
        EXPECT_THROW(q.put_nowait(2), aio::QueueFull);
        EXPECT_EQ(q.get_nowait(), 1);
        co_return;
    }());
}

TEST(Queue, task_done_too_many_times_is_an_error) {
    aio::run([]() -> aio::Coro<void> {
        aio::Queue<int> q;
        q.put_nowait(1);
        q.task_done();
        EXPECT_THROW(q.task_done(), std::invalid_argument);
        co_return;
    }());
}

TEST(Queue, cancelled_getter_wakes_next_getter) {
    Log log;
    aio::run([](Log& log) -> aio::Coro<void> {
        aio::Queue<int> q;
        auto g1 = aio::create_task(q.get(), "G1");
        auto g2 = aio::create_task(q.get(), "G2");
        co_await aio::sleep(0);
        q.put_nowait(7);   // wakes G1's getter
        g1.cancel();       // G1 is cancelled before it runs: its item goes to G2
        int v = co_await g2;
        log("g2 got " + std::to_string(v));
        EXPECT_TRUE(g1.cancelled());
    }(log));
    EXPECT_EQ(log.lines, (Lines{"0.00 Task-1: g2 got 7"}));
}

}  // namespace
