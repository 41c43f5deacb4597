// playground/state/state_builder.hpp: a state built from a run on the virtual clock holds what the
// loop, the trace and the demo's context hold, and its summary counts up to the time shown.
#include "playground/state/state_builder.hpp"
#include "tests/playground/state/demo_recording.hpp"

#include <gtest/gtest.h>

namespace {

using aio::testing::DemoRecording;

const aio::demos::Demo& demo(const std::string& name) { return *aio::demos::find_demo(name); }

TEST(StateBuilder, the_state_holds_the_loops_tasks_and_the_recording) {
    DemoRecording r(demo("count"), {{"n", int64_t{3}}, {"delay", 1.0}});
    r.step();   // main starts the three counts
    r.step();   // each prints One and sleeps
    const aio::page::PlaygroundState& s = r.look();
    EXPECT_EQ(s.iteration, r.loop.iteration());
    EXPECT_EQ(s.history, &r.trace);
    const aio::Snapshot fresh = aio::take_snapshot(r.loop, &r.trace);
    ASSERT_EQ(s.snapshot.tasks.size(), fresh.tasks.size());
    for (size_t i = 0; i < fresh.tasks.size(); ++i) {
        EXPECT_EQ(s.snapshot.tasks[i].id, fresh.tasks[i].id);
        EXPECT_EQ(s.snapshot.tasks[i].state, fresh.tasks[i].state);
    }
    EXPECT_EQ(s.snapshot.timer_count, 3u);
    ASSERT_NE(r.trace.task(s.snapshot.tasks.back().id), nullptr);
    EXPECT_FALSE(r.trace.task(s.snapshot.tasks.back().id)->spans.empty());   // the views' spans, through history
}

TEST(StateBuilder, a_snapshot_lent_by_the_same_run_gives_what_a_fresh_one_gives) {
    DemoRecording r(demo("queue"));
    for (int i = 0; i < 40 && r.step(); ++i) {
        const aio::page::PlaygroundState& s = r.look();
        const aio::Snapshot fresh = aio::take_snapshot(r.loop, &r.trace);
        ASSERT_EQ(s.snapshot.tasks.size(), fresh.tasks.size()) << "iteration " << i;
        for (size_t t = 0; t < fresh.tasks.size(); ++t) {
            EXPECT_EQ(s.snapshot.tasks[t].state, fresh.tasks[t].state);
            EXPECT_EQ(s.snapshot.tasks[t].waiting_on, fresh.tasks[t].waiting_on);
        }
    }
}

TEST(StateBuilder, the_summary_counts_open_waits_up_to_the_time_shown) {
    DemoRecording r(demo("count"), {{"n", int64_t{3}}, {"delay", 1.0}});
    r.step();
    r.step();
    EXPECT_DOUBLE_EQ(r.look(0.5).summary.elapsed, 0.5);
    EXPECT_NEAR(r.look(0.5).summary.work, 1.5, 1e-6);   // three sleeps, half a second each so far
    EXPECT_DOUBLE_EQ(r.look(0.5).time, 0.5);
}

TEST(StateBuilder, the_queue_demos_queue_comes_along_with_its_history) {
    DemoRecording r(demo("queue"));
    for (int i = 0; i < 10; ++i) r.step();
    const aio::page::PlaygroundState& s = r.look();
    ASSERT_EQ(s.snapshot.resources.size(), 1u);
    EXPECT_EQ(s.snapshot.resources[0].kind, aio::ResourceKind::Queue);
    EXPECT_EQ(s.snapshot.resources.size(), aio::take_snapshot(r.loop, &r.trace).resources.size());
}

TEST(StateBuilder, the_crawlers_pages_and_files_come_along) {
    DemoRecording r(demo("crawler"));
    while (r.step()) {}
    const aio::page::PlaygroundState& s = r.look();
    EXPECT_EQ(s.pages.size(), r.ctx.pages.size());
    EXPECT_GT(s.pages.size(), 1u);
    ASSERT_TRUE(s.files.count("foundurls.txt"));
    EXPECT_EQ(s.files.at("foundurls.txt"), r.ctx.files.at("foundurls.txt"));
}

}  // namespace
