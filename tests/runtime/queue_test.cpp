// Queue: put/get order, maxsize back-pressure, task_done/join, nowait errors, what the trace records.
#include "tests/runtime/log.hpp"
#include "tests/runtime/resource_log.hpp"
#include "runtime/snapshot.hpp"
#include "runtime/trace.hpp"

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

namespace {
using aio_test::history_lines;
using aio_test::Lines;

TEST(Queue, trace_records_each_change_of_items_and_waiters) {
    aio::Loop loop;
    aio::Trace trace;
    trace.attach(loop);
    aio::run(loop, []() -> aio::Coro<void> {
        aio::Queue<int> q(1);
        q.set_name("q");
        auto getter = aio::create_task([](aio::Queue<int>& q) -> aio::Coro<void> { co_await q.get(); }(q), "getter");
        co_await aio::sleep(1);
        q.put_nowait(1);      // wakes the getter, which has not run yet: the queue stays full
        co_await q.put(2);    // so this put waits until the getter takes item 1
        co_await getter;
    }());
    ASSERT_EQ(trace.resources().size(), 1u);
    const aio::ResourceRecord& q = trace.resources()[0];
    EXPECT_EQ(q.kind, aio::ResourceKind::Queue);
    EXPECT_EQ(q.name, "q");
    EXPECT_EQ(q.now.capacity, 1);
    EXPECT_EQ(q.now.level, 1);
    EXPECT_EQ(q.now.unfinished, 2);
    EXPECT_EQ(q.resource, nullptr);   // gone with the coroutine that made it
    // waiting: getters, putters, joiners
    EXPECT_EQ(history_lines(q), (Lines{"0.00 level 0 waiting 0 0 0",    // named
                                       "0.00 level 0 waiting 1 0 0",    // the getter waits
                                       "1.00 level 1 waiting 0 0 0",    // put_nowait wakes it
                                       "1.00 level 1 waiting 0 1 0",    // put(2) waits
                                       "1.00 level 0 waiting 0 0 0",    // the getter takes 1, wakes the putter
                                       "1.00 level 1 waiting 0 0 0"})); // put(2) goes in
}

TEST(Queue, join_waiters_are_the_queues_joiners_not_an_event_of_their_own) {
    aio::Loop loop;
    aio::Trace trace;
    trace.attach(loop);
    aio::Snapshot mid;
    aio::run(loop, [](const aio::Trace& trace, aio::Snapshot& mid) -> aio::Coro<void> {
        aio::Queue<int> q;
        q.set_name("q");
        q.put_nowait(1);
        auto joiner = aio::create_task([](aio::Queue<int>& q) -> aio::Coro<void> { co_await q.join(); }(q), "joiner");
        co_await aio::sleep(1);
        mid = aio::take_snapshot(aio::get_running_loop(), &trace);
        (void)q.get_nowait();
        q.task_done();
        co_await joiner;
    }(trace, mid));
    ASSERT_EQ(mid.resources.size(), 1u);   // the queue; join's event is part of it
    const aio::ResourceView& q = mid.resources[0];
    EXPECT_EQ(q.name, "q");
    EXPECT_EQ(q.unfinished, 1);
    const uint32_t joiner = 2;
    EXPECT_EQ(q.waiting[2], (std::vector<uint32_t>{joiner}));
    EXPECT_EQ(mid.tasks[joiner - 1].resource, q.id);
    EXPECT_EQ(history_lines(trace.resources()[0]), (Lines{"0.00 level 0 waiting 0 0 0", "0.00 level 1 waiting 0 0 0",
                                                          "0.00 level 1 waiting 0 0 1", "1.00 level 0 waiting 0 0 1",
                                                          "1.00 level 0 waiting 0 0 0"}));
}

}  // namespace
