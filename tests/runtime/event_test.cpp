// Event (runtime/event.hpp): set() wakes every waiter; the trace records it set or not, and its waiters.
#include "tests/runtime/log.hpp"
#include "tests/runtime/resource_log.hpp"
#include "runtime/snapshot.hpp"
#include "runtime/trace.hpp"

#include <gtest/gtest.h>

namespace {
using aio_test::history_lines;
using aio_test::Lines;
using aio_test::Log;
using aio_test::recorded;

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


TEST(Event, trace_records_set_and_waiters) {
    aio::Loop loop;
    aio::Trace trace;
    trace.attach(loop);
    aio::Snapshot mid;
    aio::run(loop, [](const aio::Trace& trace, aio::Snapshot& mid) -> aio::Coro<void> {
        aio::Event ev;
        ev.set_name("ev");
        auto waiter = [&]() -> aio::Coro<void> { co_await ev.wait(); };
        auto a = aio::create_task(waiter(), "a");
        auto b = aio::create_task(waiter(), "b");
        co_await aio::sleep(2);
        mid = aio::take_snapshot(aio::get_running_loop(), &trace);
        ev.set();
        ev.clear();
        co_await aio::gather(a, b);
    }(trace, mid));
    const aio::ResourceRecord& r = recorded(trace, "ev");
    EXPECT_EQ(r.kind, aio::ResourceKind::Event);
    EXPECT_EQ(history_lines(r), (Lines{"0.00 level 0 waiting 0", "0.00 level 0 waiting 1", "0.00 level 0 waiting 2",
                                       "2.00 level 1 waiting 2", "2.00 level 0 waiting 2",   // set, cleared
                                       "2.00 level 0 waiting 1", "2.00 level 0 waiting 0"}));  // both woke anyway
    ASSERT_EQ(mid.resources.size(), 1u);
    EXPECT_EQ(mid.resources[0].waiting[0], (std::vector<uint32_t>{2, 3}));   // a, b
    EXPECT_EQ(mid.tasks[1].resource, mid.resources[0].id);
}

TEST(Event, clear_on_a_clear_event_records_nothing) {
    aio::Loop loop;
    aio::Trace trace;
    trace.attach(loop);
    aio::run(loop, []() -> aio::Coro<void> {
        aio::Event ev;
        ev.set_name("ev");
        ev.clear();
        ev.clear();
        co_return;
    }());
    EXPECT_EQ(recorded(trace, "ev").changes, 1u);   // the naming
}

}  // namespace
