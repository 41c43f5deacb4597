// as_completed (runtime/as_completed.hpp): results in finishing order, then TimeoutError; a task
// in next() waits on as_completed, for the awaitables not finished yet.
#include "tests/runtime/log.hpp"
#include "runtime/snapshot.hpp"
#include "runtime/hosts/virtual_host.hpp"

#include <gtest/gtest.h>

namespace {
using aio_test::Lines;
using aio_test::Log;
using aio_test::after;

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

TEST(AsCompleted, a_task_in_next_waits_on_as_completed_for_the_pending_awaitables) {
    aio::Loop loop;
    aio::Trace trace;
    trace.attach(loop);
    auto main = aio::create_task(loop, []() -> aio::Coro<void> {
        std::vector<aio::Coro<int>> cs;
        cs.push_back(after(1, 1));
        cs.push_back(after(2, 2));
        cs.push_back(after(3, 3));
        auto ac = aio::as_completed(std::move(cs));
        for (size_t i = 0; i < ac.size(); ++i) co_await ac.next();
    }(), "main");
    aio::VirtualHost host(loop);
    host.run_until(1.5);   // one result taken, two to come
    const aio::Snapshot snap = aio::take_snapshot(loop, &trace);
    const aio::TaskView& m = snap.tasks.front();
    ASSERT_EQ(m.name, "main");
    EXPECT_EQ(m.wait, aio::WaitKind::AsCompleted);
    EXPECT_EQ(m.waiting_on, "as_completed(3 awaitables)");
    EXPECT_EQ(m.awaits, (std::vector<uint32_t>{snap.tasks[2].id, snap.tasks[3].id}));
    host.run_until_complete(*main.base());
    EXPECT_FLOAT_EQ(trace.tasks().front().wait_in[static_cast<int>(aio::WaitKind::AsCompleted)], 3);
    EXPECT_FLOAT_EQ(trace.tasks().front().wait_in[static_cast<int>(aio::WaitKind::QueueGet)], 0);
}

}  // namespace
