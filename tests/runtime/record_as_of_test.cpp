// record_as_of (runtime/record_as_of.hpp): a task's record rolled back along its spans.
#include "runtime/record_as_of.hpp"
#include "runtime/aio.hpp"

#include <gtest/gtest.h>

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

}  // namespace
