// Snapshots and traces: what each task waits on, await stacks, the await graph, timers, and
// time spent per state, as the views show them.
#include "tests/runtime/log.hpp"
#include "runtime/snapshot.hpp"
#include "runtime/trace.hpp"

#include <gtest/gtest.h>

namespace {

aio::Coro<int> part1(int n) {
    co_await aio::frame_name("part1(" + std::to_string(n) + ")");
    co_await aio::sleep(4);
    co_return n;
}

aio::Coro<int> chain(int n) {
    co_await aio::frame_name("chain(" + std::to_string(n) + ")");
    co_return co_await part1(n);
}

const aio::TaskView& by_name(const aio::Snapshot& s, const std::string& name) {
    for (const auto& t : s.tasks)
        if (t.name == name) return t;
    throw std::runtime_error("no task " + name);
}

TEST(Snapshot, shows_waits_stacks_and_the_await_graph) {
    aio::Loop loop;
    aio::Trace trace;
    trace.attach(loop);
    aio::Snapshot mid;
    aio::run(loop, [](aio::Snapshot& mid) -> aio::Coro<void> {
        auto c1 = aio::create_task(chain(1), "c1");
        auto watcher = aio::create_task([](aio::Task<int> c1) -> aio::Coro<int> { co_return co_await c1; }(c1), "watcher");
        co_await aio::sleep(1);
        mid = aio::take_snapshot(aio::get_running_loop(), nullptr);
        co_await aio::gather(c1, watcher);
    }(mid));

    const auto& c1 = by_name(mid, "c1");
    EXPECT_EQ(c1.state, aio::TaskState::Waiting);
    EXPECT_EQ(c1.wait, aio::WaitKind::Sleep);
    EXPECT_EQ(c1.waiting_on, "sleep(4)");
    EXPECT_DOUBLE_EQ(c1.until, 4.0);
    EXPECT_EQ(c1.stack, (std::vector<std::string>{"chain(1)", "part1(1)", "sleep(4)"}));
    const auto& watcher = by_name(mid, "watcher");
    EXPECT_EQ(watcher.waiting_on, "task c1");
    EXPECT_EQ(watcher.awaits, (std::vector<uint32_t>{c1.id}));
    EXPECT_EQ(c1.awaited_by, (std::vector<uint32_t>{watcher.id}));
    EXPECT_EQ(watcher.parent, 1u);
    // The snapshot was taken by the main task itself, so it is running.
    EXPECT_EQ(by_name(mid, "Task-1").state, aio::TaskState::Running);
    ASSERT_EQ(mid.timers.size(), 1u);   // c1's sleep; main's sleep(1) already fired
    EXPECT_DOUBLE_EQ(mid.timers[0].when, 4.0);
    EXPECT_EQ(mid.timers[0].task, c1.id);

    // After the run the trace still knows every task, its result and its time per state.
    const aio::Snapshot end = aio::take_snapshot(loop, &trace);
    ASSERT_EQ(end.tasks.size(), 3u);
    const auto& done = by_name(end, "c1");
    EXPECT_EQ(done.state, aio::TaskState::Done);
    EXPECT_EQ(done.result, "1");
    EXPECT_NEAR(done.time_in[static_cast<int>(aio::TaskState::Waiting)], 4.0, 1e-6);
    EXPECT_DOUBLE_EQ(done.finished, 4.0);
}

TEST(Trace, ring_is_bounded_and_exports_chrome_json) {
    aio::Loop loop;
    aio::Trace trace(16);
    trace.attach(loop);
    aio::run(loop, []() -> aio::Coro<void> {
        for (int i = 0; i < 20; ++i) co_await aio::sleep(0.5);
    }());
    EXPECT_EQ(trace.events().size(), 16u);
    EXPECT_GT(trace.events_dropped(), 0u);
    const std::string json = aio::to_chrome_trace(trace, loop.time());
    EXPECT_EQ(json.rfind("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[", 0), 0u);
    EXPECT_NE(json.find("\"name\":\"thread_name\""), std::string::npos);
    EXPECT_NE(json.find("\"name\":\"waiting sleep\""), std::string::npos);
}

TEST(Repr, matches_python) {
    EXPECT_EQ(aio::repr(std::string("it's")), "\"it's\"");
    EXPECT_EQ(aio::repr(std::string("a\nb")), "'a\\nb'");
    EXPECT_EQ(aio::repr(0.1), "0.1");
    EXPECT_EQ(aio::repr(1.0), "1.0");
    EXPECT_EQ(aio::repr(1e16), "1e+16");
    EXPECT_EQ(aio::repr(0.0001), "0.0001");
    EXPECT_EQ(aio::repr(0.00001), "1e-05");
    EXPECT_EQ(aio::repr(0.1 + 0.2), "0.30000000000000004");
    EXPECT_EQ(aio::repr(std::vector<int>{1, 2}), "[1, 2]");
    EXPECT_EQ(aio::repr(std::make_tuple(1, std::string("a"))), "(1, 'a')");
}

}  // namespace
