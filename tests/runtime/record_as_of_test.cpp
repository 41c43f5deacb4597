// record_as_of (runtime/record_as_of.hpp): a task's record rolled back along its spans, and the
// spans and samples a snapshot taken earlier may read of a trace that recorded on.
#include "runtime/record_as_of.hpp"
#include "runtime/aio.hpp"
#include "runtime/hosts/virtual_host.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace {

// One task: made at 0, sleeps 1 s, then holds the loop 2 s in a blocking call and finishes at 3.
struct SleepThenBlock {
    aio::Loop loop;
    aio::Trace trace;
    explicit SleepThenBlock(size_t span_budget = 1 << 16) : trace(span_budget) {
        trace.attach(loop);
        aio::run(loop, [](aio::Loop& l) -> aio::Coro<void> {
            co_await aio::sleep(1);
            l.advance_to(l.time() + 2);   // what time.sleep does to the loop's clock
        }(loop));
    }
    const aio::TaskRecord& main() const { return trace.tasks().front(); }
};

TEST(RecordAsOf, gives_the_state_and_times_the_task_had_then) {
    SleepThenBlock run;
    ASSERT_EQ(run.main().state, aio::TaskState::Done);
    ASSERT_EQ(run.main().since, 3);

    const auto asleep = aio::record_as_of(run.trace, run.main(), 0.5);
    ASSERT_TRUE(asleep);
    EXPECT_EQ(asleep->state, aio::TaskState::Waiting);
    EXPECT_EQ(asleep->wait, aio::WaitKind::Sleep);
    EXPECT_EQ(asleep->since, 0);
    EXPECT_EQ(asleep->finished, -1);
    EXPECT_TRUE(asleep->result.empty());

    const auto blocking = aio::record_as_of(run.trace, run.main(), 2.5);
    ASSERT_TRUE(blocking);
    EXPECT_EQ(blocking->state, aio::TaskState::Running);
    EXPECT_EQ(blocking->since, 1);
    EXPECT_FLOAT_EQ(blocking->time_in[static_cast<int>(aio::TaskState::Waiting)], 1);
    EXPECT_FLOAT_EQ(blocking->wait_in[static_cast<int>(aio::WaitKind::Sleep)], 1);
    EXPECT_FLOAT_EQ(blocking->time_in[static_cast<int>(aio::TaskState::Running)], 0);   // its open span is counted by the reader
}

TEST(RecordAsOf, a_record_unchanged_since_comes_back_whole) {
    SleepThenBlock run;
    const auto later = aio::record_as_of(run.trace, run.main(), 5);
    ASSERT_TRUE(later);
    EXPECT_EQ(later->state, aio::TaskState::Done);
    EXPECT_EQ(later->finished, 3);
    EXPECT_EQ(later->result, run.main().result);
    EXPECT_EQ(later->time_in, run.main().time_in);
}

TEST(RecordAsOf, says_nothing_before_the_task_or_once_its_first_spans_are_dropped) {
    SleepThenBlock run;
    EXPECT_FALSE(aio::record_as_of(run.trace, run.main(), -1));

    // A budget of one chunk: main's spans are its only ones, so a task made after it takes them.
    aio::Loop loop;
    aio::Trace small(4);
    small.attach(loop);
    aio::run(loop, []() -> aio::Coro<void> {
        for (int i = 0; i < 3; ++i) co_await aio::sleep(1);
        co_await aio::create_task([]() -> aio::Coro<void> { co_await aio::sleep(1); }());
    }());
    ASSERT_GT(small.spans_dropped(), 0u);
    EXPECT_FALSE(aio::record_as_of(small, small.tasks().front(), 0.5));
}

TEST(RecordAsOf, spans_dropped_until_is_where_a_tasks_kept_history_begins) {
    SleepThenBlock whole;
    EXPECT_EQ(aio::spans_dropped_until(whole.trace, whole.main()), -1);

    // Two chunks: main's first (made, running, asleep at 0, ready at 1) goes to the child's.
    aio::Loop loop;
    aio::Trace small(8);
    small.attach(loop);
    aio::run(loop, []() -> aio::Coro<void> {
        co_await aio::sleep(1);
        co_await aio::sleep(1);
        co_await aio::create_task([]() -> aio::Coro<void> { co_await aio::sleep(1); }());
    }());
    const aio::TaskRecord& main = small.tasks().front();
    ASSERT_GT(small.spans_dropped(), 0u);
    const aio::Time from = aio::spans_dropped_until(small, main);
    EXPECT_GT(from, main.created);
    if (!small.spans(main).empty()) EXPECT_EQ(from, small.spans(main).front().start);
    else EXPECT_EQ(from, main.since);
}

// A task that sleeps `n` times, so each iteration enters a few spans.
aio::Coro<void> sleeper(int n) {
    for (int i = 0; i < n; ++i) co_await aio::sleep(1);
}

std::vector<aio::TaskSpan> copied(const aio::TaskSpanView& v) { return {v.begin(), v.end()}; }

void expect_same_spans(const std::vector<aio::TaskSpan>& got, const std::vector<aio::TaskSpan>& want) {
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(got[i].start, want[i].start) << i;
        EXPECT_EQ(got[i].end, want[i].end) << i;
        EXPECT_EQ(got[i].state, want[i].state) << i;
        EXPECT_EQ(got[i].wait, want[i].wait) << i;
    }
}

TEST(SpansAsOf, a_view_taken_earlier_reads_the_spans_its_task_had_then) {
    aio::Loop loop;
    aio::Trace trace;
    trace.attach(loop);
    aio::VirtualHost host(loop);
    aio::create_task(loop, sleeper(5), "sleeper");
    for (int i = 0; i < 3; ++i) host.step();
    const aio::Snapshot then = aio::take_snapshot(loop, &trace);
    const aio::TaskView& v = then.tasks.front();
    const std::vector<aio::TaskSpan> spans_then = copied(trace.spans(trace.tasks().front()));
    while (host.step()) {}
    const aio::TaskRecord& r = trace.tasks().front();
    ASSERT_GT(r.spans.entered, v.spans);   // the trace recorded on
    expect_same_spans(copied(aio::spans_as_of(trace, r, v)), spans_then);
    EXPECT_EQ(aio::spans_dropped_until(trace, r, v), -1);
    // The view of now reads every span.
    const aio::Snapshot now = aio::take_snapshot(loop, &trace);
    expect_same_spans(copied(aio::spans_as_of(trace, r, now.tasks.front())), copied(trace.spans(r)));
}

// Spans dropped after the view was taken (the budget): only the latest of its spans, those still
// kept, and where they begin; never more than the trace keeps.
TEST(SpansAsOf, past_drops_it_reads_what_is_still_kept_of_them) {
    aio::Loop loop;
    aio::Trace trace(16);   // four chunks of 4
    trace.attach(loop);
    aio::VirtualHost host(loop);
    aio::create_task(loop, sleeper(10), "sleeper");
    const aio::TaskRecord& r = trace.tasks().front();
    while (r.spans.entered < 8) host.step();
    ASSERT_EQ(trace.spans_dropped(), 0u);
    const aio::Snapshot then = aio::take_snapshot(loop, &trace);
    const aio::TaskView v = then.tasks.front();
    const std::vector<aio::TaskSpan> spans_then = copied(trace.spans(r));
    ASSERT_EQ(spans_then.size(), v.spans);
    while (trace.spans_dropped() == 0) host.step();
    ASSERT_LT(r.spans.entered - r.spans.count, v.spans);   // some of the view's spans are kept still
    const std::vector<aio::TaskSpan> kept = copied(aio::spans_as_of(trace, r, v));
    ASSERT_FALSE(kept.empty());
    ASSERT_LT(kept.size(), spans_then.size());
    expect_same_spans(kept, std::vector<aio::TaskSpan>(spans_then.end() - static_cast<long>(kept.size()), spans_then.end()));
    EXPECT_EQ(kept.front().start, trace.spans(r).front().start);   // from the oldest kept on
    EXPECT_EQ(aio::spans_dropped_until(trace, r, v), kept.front().start);

    while (host.step()) {}
    ASSERT_LE(r.spans.count, r.spans.entered - v.spans);   // now every span of the view is gone
    EXPECT_TRUE(aio::spans_as_of(trace, r, v).empty());
    EXPECT_EQ(aio::spans_dropped_until(trace, r, v), v.since);
    // A view claiming more spans than there ever were reads what is kept, no further.
    aio::TaskView beyond = v;
    beyond.spans = UINT32_MAX;
    EXPECT_EQ(aio::spans_as_of(trace, r, beyond).size(), r.spans.count);
    beyond.spans = 0;
    EXPECT_TRUE(aio::spans_as_of(trace, r, beyond).empty());
    EXPECT_EQ(aio::spans_dropped_until(trace, r, beyond), -1);
}

// A resource's samples as of a view: those pushed by then, and past the history's capacity the
// latest of them still kept.
TEST(SamplesAsOf, a_view_taken_earlier_reads_the_samples_pushed_by_then_or_what_is_kept_of_them) {
    aio::Loop loop;
    aio::Trace trace(1 << 16, 16);   // 16 samples a resource
    trace.attach(loop);
    aio::VirtualHost host(loop);
    aio::Queue<int> q;
    aio::create_task(loop, [](aio::Queue<int>& q) -> aio::Coro<void> {
        for (int i = 0; i < 20; ++i) {
            co_await q.put(i);   // level up, then down: two samples an item
            co_await aio::sleep(1);
            q.get_nowait();
        }
    }(q));
    std::vector<aio::ResourceSample> samples_then;
    aio::Snapshot then;
    while (trace.resources().empty() || trace.resources().front().history.size() < 6) host.step();
    then = aio::take_snapshot(loop, &trace);
    const aio::ResourceHistory& h = trace.resources().front().history;
    for (size_t i = 0; i < h.size(); ++i) samples_then.push_back(h[i]);
    const aio::ResourceView v = then.resources.front();
    ASSERT_EQ(v.samples, samples_then.size());
    const auto levels = [](const aio::ResourceSampleView& s) {
        std::vector<int64_t> out;
        for (size_t i = 0; i < s.size(); ++i) out.push_back(s[i].level);
        return out;
    };
    std::vector<int64_t> want;
    for (const aio::ResourceSample& s : samples_then) want.push_back(s.level);

    while (h.pushed() == v.samples) host.step();
    ASSERT_EQ(h.dropped(), 0u);
    ASSERT_GT(h.pushed(), v.samples);
    EXPECT_EQ(levels(aio::samples_as_of(trace.resources().front(), v)), want);
    EXPECT_EQ(aio::samples_as_of(trace.resources().front(), v).back().time, samples_then.back().time);

    while (h.dropped() == 0) host.step();
    ASSERT_LT(h.dropped(), v.samples);
    const std::vector<int64_t> kept = levels(aio::samples_as_of(trace.resources().front(), v));
    EXPECT_EQ(kept, std::vector<int64_t>(want.begin() + static_cast<long>(h.dropped()), want.end()));

    while (host.step()) {}
    ASSERT_GE(h.dropped(), v.samples);
    EXPECT_TRUE(aio::samples_as_of(trace.resources().front(), v).empty());
    aio::ResourceView beyond = v;
    beyond.samples = UINT64_MAX;
    EXPECT_EQ(aio::samples_as_of(trace.resources().front(), beyond).size(), h.size());
}

}  // namespace
