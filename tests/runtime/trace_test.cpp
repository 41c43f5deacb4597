// Trace (runtime/trace.hpp): time per kind of wait, each task's spans as its state changes, the
// span budget, Chrome trace export, resources' records and their bounded histories.
#include "tests/runtime/log.hpp"
#include "runtime/trace.hpp"
#include "runtime/hosts/virtual_host.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <vector>

namespace {

// Sees every state change before the trace does, to check the spans against.
struct Change {
    aio::Time at;
    aio::TaskState state;
    aio::WaitKind wait;
};
struct Tee final : aio::Recorder {
    aio::Trace& trace;
    std::map<uint32_t, std::vector<Change>> changes;   // by task id, the state entered first
    explicit Tee(aio::Trace& t) : trace(t) {}
    void on_task_created(const aio::TaskBase& t) override {
        changes[t.id()].push_back({t.loop().time(), t.state(), aio::WaitKind::None});
        trace.on_task_created(t);
    }
    void on_task_state(const aio::TaskBase& t, aio::TaskState from) override {
        const aio::WaitKind wait = t.state() == aio::TaskState::Waiting && t.waiting_on() ? t.waiting_on()->kind() : aio::WaitKind::None;
        changes[t.id()].push_back({t.loop().time(), t.state(), wait});
        trace.on_task_state(t, from);
    }
    void on_iteration(const aio::Loop& l) override { trace.on_iteration(l); }
};

TEST(Trace, splits_waiting_time_by_what_was_awaited) {
    aio::Loop loop;
    aio::Trace trace;
    trace.attach(loop);
    aio::run(loop, []() -> aio::Coro<void> {
        aio::Queue<int> q;
        auto getter = aio::create_task([](aio::Queue<int>& q) -> aio::Coro<void> {
            co_await aio::sleep(2);    // sleep: 0..2
            co_await q.get();          // queue.get: 2..5, until the put below
        }(q), "getter");
        co_await aio::sleep(5);
        q.put_nowait(1);
        co_await getter;               // task: 5..5 plus the one iteration the getter needs
    }());
    const aio::TaskRecord& getter = trace.tasks()[1];
    auto in = [](const aio::TaskRecord& r, aio::WaitKind k) { return r.wait_in[static_cast<int>(k)]; };
    EXPECT_NEAR(in(getter, aio::WaitKind::Sleep), 2.0, 1e-6);
    EXPECT_NEAR(in(getter, aio::WaitKind::QueueGet), 3.0, 1e-6);
    EXPECT_NEAR(in(trace.tasks()[0], aio::WaitKind::Sleep), 5.0, 1e-6);
    float sum = 0;
    for (float x : getter.wait_in) sum += x;
    EXPECT_NEAR(sum, getter.time_in[static_cast<int>(aio::TaskState::Waiting)], 1e-6);
}

aio::Coro<void> small_run() {
    aio::Queue<int> q;
    auto getter = aio::create_task([](aio::Queue<int>& q) -> aio::Coro<int> {
        co_await aio::sleep(1);       // sleep: 0..1
        co_return co_await q.get();   // queue.get: 1..3
    }(q), "getter");
    co_await aio::sleep(3);
    q.put_nowait(7);
    co_await getter;                  // task: 3 until the getter's last step
}

TEST(Trace, spans_follow_the_state_changes_in_order_without_gaps) {
    aio::Loop loop;
    aio::Trace trace;
    trace.attach(loop);
    Tee tee(trace);
    loop.set_recorder(&tee);
    aio::run(loop, small_run());

    ASSERT_EQ(trace.tasks().size(), 2u);
    size_t total = 0;
    for (const aio::TaskRecord& r : trace.tasks()) {
        SCOPED_TRACE(r.display_name());
        const auto spans = trace.spans(r);
        const std::vector<Change>& want = tee.changes.at(r.id);
        ASSERT_EQ(spans.size(), want.size());
        for (size_t i = 0; i < spans.size(); ++i) {
            EXPECT_EQ(spans[i].start, want[i].at) << i;
            EXPECT_EQ(spans[i].state, want[i].state) << i;
            EXPECT_EQ(spans[i].wait, want[i].wait) << i;
            // Each ends where the next begins; the last (done) lasts nothing.
            EXPECT_EQ(spans[i].end, i + 1 < spans.size() ? spans[i + 1].start : spans[i].start) << i;
        }
        EXPECT_EQ(spans.front().state, aio::TaskState::Pending);
        EXPECT_EQ(spans.front().start, r.created);
        EXPECT_EQ(spans.back().state, aio::TaskState::Done);
        EXPECT_EQ(spans.back().start, r.finished);
        total += spans.size();
    }
    EXPECT_EQ(trace.span_count(), total);
    EXPECT_EQ(trace.spans_dropped(), 0u);

    // The getter's waits as the program makes them: a second's sleep, then two on the queue.
    std::vector<aio::TaskSpan> waits;
    for (const aio::TaskSpan& s : trace.spans(trace.tasks()[1]))
        if (s.state == aio::TaskState::Waiting) waits.push_back(s);
    ASSERT_EQ(waits.size(), 2u);
    EXPECT_EQ(waits[0].wait, aio::WaitKind::Sleep);
    EXPECT_DOUBLE_EQ(waits[0].end - waits[0].start, 1.0);
    EXPECT_EQ(waits[1].wait, aio::WaitKind::QueueGet);
    EXPECT_DOUBLE_EQ(waits[1].end - waits[1].start, 2.0);
}

TEST(Trace, the_open_span_ends_where_it_starts_until_the_state_changes) {
    aio::Loop loop;
    aio::Trace trace;
    trace.attach(loop);
    auto t = aio::create_task(loop, []() -> aio::Coro<void> { co_await aio::sleep(5); }(), "sleeper");
    loop.run_once();                       // its first step: now asleep
    loop.advance_to(2);
    const aio::TaskRecord& r = *trace.task(t.id());
    const aio::TaskSpan& open = trace.spans(r).back();
    EXPECT_EQ(open.state, aio::TaskState::Waiting);
    EXPECT_EQ(open.wait, aio::WaitKind::Sleep);
    EXPECT_EQ(open.start, r.since);
    EXPECT_EQ(open.end, r.since);
    aio::cancel_all_tasks(loop);
}

TEST(Trace, span_budget_drops_the_oldest_spans_of_all_tasks_first) {
    aio::Loop loop;
    aio::Trace trace(16);
    trace.attach(loop);
    aio::run(loop, []() -> aio::Coro<void> {
        auto early = aio::create_task([]() -> aio::Coro<void> { co_await aio::sleep(0.25); }(), "early");
        for (int i = 0; i < 20; ++i) co_await aio::sleep(0.5);
        co_await early;
    }());
    EXPECT_EQ(trace.span_budget(), 16u);
    // Main: pending, running, 3 per sleep (waiting, ready, running), done: 63 spans, in 16 chunks
    // of 4, the last holding 3. The early task's 6 (pending, running, waiting, ready, running,
    // done) all came in chunks begun before main's last 4, which are what the 4 chunks hold.
    const aio::TaskRecord &main = trace.tasks()[0], &early = trace.tasks()[1];
    const size_t main_total = 2 + 3 * 20 + 1, main_kept = 3 * 4 + 3;
    EXPECT_TRUE(early.spans.empty());
    EXPECT_EQ(main.spans.size(), main_kept);
    EXPECT_EQ(trace.span_count(), main_kept);
    EXPECT_EQ(trace.spans_dropped(), main_total + 6 - main_kept);
    // What is kept is the newest, still contiguous, up to main's end.
    const auto kept = trace.spans(main);
    for (size_t i = 1; i < kept.size(); ++i) EXPECT_EQ(kept[i - 1].end, kept[i].start);
    EXPECT_EQ(kept.back().state, aio::TaskState::Done);
    EXPECT_DOUBLE_EQ(kept.back().start, 10.0);
}

TEST(Trace, span_budget_must_be_at_least_one) {
    try {
        aio::Trace trace(0);
        ADD_FAILURE() << "a budget of 0 accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "Trace: span_budget must be at least 1, got 0");
    }
}

TEST(Trace, chrome_export_has_a_track_per_task_and_its_kept_spans) {
    aio::Loop loop;
    aio::Trace trace(16);
    trace.attach(loop);
    aio::run(loop, []() -> aio::Coro<void> {
        for (int i = 0; i < 20; ++i) co_await aio::sleep(0.5);
    }());
    const std::string json = aio::to_chrome_trace(trace, loop.time());
    EXPECT_EQ(json.rfind("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[", 0), 0u);
    EXPECT_NE(json.find("\"name\":\"thread_name\""), std::string::npos);
    // Each kept sleep is half a second; the dropped ones (from t = 0) are gone.
    EXPECT_NE(json.find("\"name\":\"waiting sleep\",\"ts\":9500000.000,\"dur\":500000.000"), std::string::npos) << json;
    EXPECT_EQ(json.find("\"ts\":0.000"), std::string::npos) << json;
}

TEST(Trace, resource_history_is_bounded_and_keeps_the_latest) {
    aio::Loop loop;
    aio::Trace trace(16, 4);
    trace.attach(loop);
    aio::run(loop, []() -> aio::Coro<void> {
        aio::Queue<int> q;
        for (int i = 1; i <= 10; ++i) {
            q.put_nowait(i);
            co_await aio::sleep(1);
        }
    }());
    ASSERT_EQ(trace.resources().size(), 1u);
    const aio::ResourceHistory& h = trace.resources()[0].history;
    ASSERT_EQ(h.size(), 4u);
    EXPECT_EQ(h.dropped(), 6u);   // ten puts, one sample each
    for (size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(h[i].level, static_cast<int64_t>(7 + i));
        EXPECT_DOUBLE_EQ(h[i].time, static_cast<double>(6 + i));
    }
}

TEST(Trace, resources_that_outlive_it_stop_reporting_to_it) {
    aio::Queue<int> q;   // outlives the loop and the trace
    aio::Loop loop;
    {
        aio::Trace trace;
        trace.attach(loop);
        aio::run(loop, [](aio::Queue<int>& q) -> aio::Coro<void> {
            q.put_nowait(1);
            co_return;
        }(q));
        EXPECT_EQ(trace.resources().size(), 1u);
        EXPECT_EQ(trace.resources()[0].resource, &q);
    }
    // Destroying q now must not reach the trace (AddressSanitizer checks).
}

TEST(Trace, cleared_trace_records_a_resource_again_on_its_next_change) {
    aio::Loop loop;
    aio::Trace trace;
    trace.attach(loop);
    aio::run(loop, [](aio::Trace& trace) -> aio::Coro<void> {
        aio::Semaphore sem(3);
        sem.set_name("sem");
        trace.clear();
        EXPECT_TRUE(trace.resources().empty());
        auto held = co_await sem.hold();
        EXPECT_EQ(trace.resources().size(), 1u);
        if (trace.resources().empty()) co_return;
        EXPECT_EQ(trace.resources()[0].name, "sem");
        EXPECT_EQ(trace.resources()[0].now.level, 2);
    }(trace));
}

}  // namespace

namespace {
// The ids a reader finds in the change log after `m`, or {0} when the log no longer reaches back.
std::vector<uint32_t> read_log(const aio::Trace& trace, aio::TraceMark m) {
    size_t from = 0;
    const std::vector<uint32_t>* log = trace.changed_since(m, from);
    if (!log) return {0};
    return {log->begin() + static_cast<long>(from), log->end()};
}
}  // namespace

TEST(Trace, the_change_log_names_each_changed_task_once_between_marks) {
    aio::Loop loop;
    aio::Trace trace;
    trace.attach(loop);
    const aio::TraceMark start = trace.mark();
    aio::Task<void> a = aio::create_task(loop, []() -> aio::Coro<void> { co_await aio::sleep(1); }(), "a");
    aio::Task<void> b = aio::create_task(loop, []() -> aio::Coro<void> { co_await aio::sleep(2); }(), "b");
    EXPECT_EQ(read_log(trace, start), (std::vector<uint32_t>{1, 2}));   // created
    const aio::TraceMark created = trace.mark();
    EXPECT_TRUE(read_log(trace, created).empty());
    loop.run_once();   // both run and wait: several changes each, logged once each
    EXPECT_EQ(read_log(trace, created), (std::vector<uint32_t>{1, 2}));
    const aio::TraceMark waiting = trace.mark();
    a.set_name("a2");  // a rename is a change too
    EXPECT_EQ(read_log(trace, waiting), (std::vector<uint32_t>{1}));
    // A reader that marked earlier still finds everything since its mark.
    EXPECT_EQ(read_log(trace, created), (std::vector<uint32_t>{1, 2, 1}));
    aio::VirtualHost(loop).run_until_complete(*b.base());
    EXPECT_EQ(read_log(trace, waiting), (std::vector<uint32_t>{1, 2}));
}

TEST(Trace, the_change_log_stays_bounded_and_says_when_a_reader_fell_behind) {
    aio::Loop loop;
    aio::Trace trace;
    trace.attach(loop);
    aio::Task<void> t = aio::create_task(loop, []() -> aio::Coro<void> {
        for (int i = 0; i < 20000; ++i) co_await aio::sleep(0);
    }());
    const aio::TraceMark early = trace.mark();
    aio::TraceMark keeping_up = trace.mark();
    size_t longest = 0, seen = 0;
    while (!t.done()) {
        loop.run_once();
        size_t from = 0;
        const std::vector<uint32_t>* log = trace.changed_since(keeping_up, from);
        ASSERT_NE(log, nullptr) << "a reader marking every iteration never falls behind";
        seen += log->size() - from;
        longest = std::max(longest, log->size());
        keeping_up = trace.mark();
    }
    EXPECT_EQ(seen, loop.iteration());   // it changed in every iteration: one entry each
    EXPECT_LE(longest, 4096u + 2 * 1);   // bounded by the records, not by the run's length
    EXPECT_EQ(read_log(trace, early), (std::vector<uint32_t>{0}));   // its place was dropped
}

TEST(Trace, a_mark_fits_only_its_own_trace_and_not_after_clear) {
    aio::Loop loop;
    aio::Trace one, other;
    one.attach(loop);
    const aio::TraceMark m = one.mark();
    EXPECT_TRUE(read_log(one, m).empty());
    EXPECT_EQ(read_log(other, m), (std::vector<uint32_t>{0}));
    one.clear();
    EXPECT_EQ(read_log(one, m), (std::vector<uint32_t>{0}));
}
