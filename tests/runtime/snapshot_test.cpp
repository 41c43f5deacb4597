// Snapshots (runtime/snapshot.hpp): what each task waits on, await stacks, the await graph,
// timers and time per state, as the views show them; and a reused snapshot equals a fresh one.
#include "tests/runtime/log.hpp"
#include "runtime/snapshot.hpp"
#include "tests/runtime/snapshot_compare.hpp"
#include "runtime/trace.hpp"

#include <gtest/gtest.h>

#include <algorithm>

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


TEST(Snapshot, resources_say_who_waits_in_which_way_and_keep_their_last_values) {
    aio::Loop loop;
    aio::Trace trace;
    trace.attach(loop);
    aio::Snapshot mid;
    aio::run(loop, [](const aio::Trace& trace, aio::Snapshot& mid) -> aio::Coro<void> {
        aio::Queue<int> empty, full(1);
        empty.set_name("empty");
        full.set_name("full");
        full.put_nowait(0);
        auto getter = aio::create_task([](aio::Queue<int>& q) -> aio::Coro<void> { co_await q.get(); }(empty), "getter");
        auto putter = aio::create_task([](aio::Queue<int>& q) -> aio::Coro<void> { co_await q.put(1); }(full), "putter");
        co_await aio::sleep(1);
        mid = aio::take_snapshot(aio::get_running_loop(), &trace);
        empty.put_nowait(2);
        (void)full.get_nowait();
        co_await aio::gather(getter, putter);
    }(trace, mid));

    ASSERT_EQ(mid.resources.size(), 2u);
    const aio::ResourceView &empty = mid.resources[0], &full = mid.resources[1];
    const uint32_t getter = by_name(mid, "getter").id, putter = by_name(mid, "putter").id;
    EXPECT_EQ(empty.name, "empty");
    EXPECT_EQ(empty.kind, aio::ResourceKind::Queue);
    EXPECT_EQ(empty.level, 0);
    EXPECT_EQ(empty.capacity, 0);
    EXPECT_EQ(empty.waiting[0], (std::vector<uint32_t>{getter}));   // getters
    EXPECT_TRUE(empty.waiting[1].empty());
    EXPECT_EQ(full.level, 1);
    EXPECT_EQ(full.capacity, 1);
    EXPECT_EQ(full.unfinished, 1);
    EXPECT_EQ(full.waiting[1], (std::vector<uint32_t>{putter}));    // putters
    EXPECT_EQ(by_name(mid, "getter").resource, empty.id);
    EXPECT_EQ(by_name(mid, "putter").resource, full.id);
    EXPECT_EQ(by_name(mid, "Task-1").resource, 0u);
    EXPECT_TRUE(empty.alive);

    // The queues went with the coroutine that made them: their last values stay, nobody waits.
    const aio::Snapshot end = aio::take_snapshot(loop, &trace);
    ASSERT_EQ(end.resources.size(), 2u);
    EXPECT_FALSE(end.resources[1].alive);
    EXPECT_EQ(end.resources[1].level, 1);
    EXPECT_EQ(end.resources[1].unfinished, 2);
    EXPECT_TRUE(end.resources[1].waiting[1].empty());
    EXPECT_EQ(by_name(end, "putter").resource, 0u);
}

}  // namespace

namespace {

aio::Coro<void> spinner(int n) {
    // Several state changes at the same loop time, each with another frame on top.
    for (int i = 0; i < n; ++i) {
        co_await aio::frame_name("spin(" + std::to_string(i) + ")");
        co_await aio::sleep(0);
    }
    co_await aio::sleep(1.5);
}

aio::Coro<void> consumer(aio::Queue<int>& q) {
    for (;;) {
        const int x = co_await q.get();
        co_await aio::sleep(x);
        q.task_done();
    }
}

}  // namespace

// A snapshot that lends unchanged views from the previous one equals one built from scratch,
// iteration after iteration: through same-time state changes, queue waits, renames and ends.
TEST(Snapshot, reusing_the_previous_snapshot_changes_nothing) {
    aio::Loop loop;
    aio::Trace trace;
    trace.attach(loop);
    aio::Queue<int> q;   // outlives the consumers, which finish cancelled after main returns
    aio::create_task(loop, [](aio::Queue<int>& q) -> aio::Coro<void> {
        std::vector<aio::Task<void>> consumers;
        for (int i = 0; i < 3; ++i) consumers.push_back(aio::create_task(consumer(q)));
        auto spin = aio::create_task(spinner(4));
        for (int x : {1, 0, 2, 1}) {
            co_await q.put(x);
            co_await aio::sleep(0.5);
        }
        consumers[1].set_name("renamed while it waits");
        co_await q.join();
        for (auto& c : consumers) c.cancel();
        co_await spin;
    }(q), "main");
    aio::Snapshot reused;
    uint64_t checked = 0;
    aio::VirtualHost host(loop);
    while (host.step()) {
        reused = aio::take_snapshot(loop, &trace, &reused);
        aio::testing::expect_same_snapshot(reused, aio::take_snapshot(loop, &trace), loop.iteration());
        if (HasFailure()) return;
        ++checked;
    }
    EXPECT_GT(checked, 15u);
    EXPECT_EQ(reused.tasks.size(), 5u);   // main, three consumers, the spinner
}

// Views lent on unchanged still say how much of the trace they may read: every span a task enters
// and every sample a resource's history takes come with a change of its record, which rebuilds
// its view, so the counts are the records' own after every iteration.
TEST(Snapshot, lent_views_count_every_span_and_sample_their_records_have) {
    aio::Loop loop;
    aio::Trace trace;
    trace.attach(loop);
    aio::Queue<int> q(1);   // a maxsize of 1: main waits in put, the consumers in get
    aio::create_task(loop, [](aio::Queue<int>& q) -> aio::Coro<void> {
        std::vector<aio::Task<void>> consumers;
        for (int i = 0; i < 2; ++i) consumers.push_back(aio::create_task(consumer(q)));
        for (int x : {1, 0, 2, 1, 0}) co_await q.put(x);
        consumers[0].set_name("renamed");
        co_await q.join();
        for (auto& c : consumers) c.cancel();
    }(q), "main");
    aio::Snapshot s;
    uint64_t spans = 0, samples = 0;
    aio::VirtualHost host(loop);
    while (host.step()) {
        s = aio::take_snapshot(loop, &trace, &s);
        SCOPED_TRACE("iteration " + std::to_string(loop.iteration()));
        for (const aio::TaskView& v : s.tasks) EXPECT_EQ(v.spans, trace.task(v.id)->spans.entered) << v.name;
        for (const aio::ResourceView& v : s.resources) EXPECT_EQ(v.samples, trace.resource(v.id)->history.pushed()) << v.id;
        if (HasFailure()) return;
    }
    for (const aio::TaskView& v : s.tasks) spans += v.spans;
    for (const aio::ResourceView& v : s.resources) samples += v.samples;
    EXPECT_GT(spans, 20u);
    EXPECT_GT(samples, 5u);
}

