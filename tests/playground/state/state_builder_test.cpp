// playground/state/state_builder.hpp: a state built from a run on the virtual clock holds what the
// loop, the trace and the demo's context hold, and its summary counts up to the time shown.
#include "playground/state/state_builder.hpp"
#include "playground/state/state_json.hpp"
#include "tests/playground/state/demo_recording.hpp"
#include "tests/runtime/snapshot_compare.hpp"

#include <algorithm>
#include <cmath>

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

void expect_same_summary(const aio::demos::RunSummary& got, const aio::demos::RunSummary& want, const std::string& where) {
    SCOPED_TRACE(where);
    auto near = [](double a, double b) { return std::abs(a - b) <= 1e-6 * std::max(1.0, std::abs(b)); };
    EXPECT_PRED2(near, got.elapsed, want.elapsed);
    EXPECT_PRED2(near, got.work, want.work);
    EXPECT_PRED2(near, got.others, want.others);
    EXPECT_PRED2(near, got.blocked, want.blocked);
    EXPECT_PRED2(near, got.saved, want.saved);
    EXPECT_EQ(got.tasks, want.tasks);
    EXPECT_EQ(got.working, want.working);
}

// Steps `r` to its end, looking every `every` iterations: the state's snapshot (built from the
// previous one and the trace's change log) equals one built from nothing, and its summary (kept
// as running totals) equals the one summed over every record, at the loop's time and between.
void expect_states_follow_the_run(DemoRecording& r, int every) {
    for (int i = 1; r.step(); ++i) {
        r.trace.mark();   // another reader, keeping up: the log holds a task once per iteration
        if (i % every) continue;
        const std::string where = r.state.demo->name + ", iteration " + std::to_string(r.loop.iteration());
        const aio::page::PlaygroundState& s = r.look();
        aio::testing::expect_same_snapshot(s.snapshot, aio::take_snapshot(r.loop, &r.trace), r.loop.iteration());
        expect_same_summary(s.summary, aio::demos::summarise(r.trace, r.loop.time()), where);
        const aio::Time later = r.loop.time() + 0.37;
        expect_same_summary(r.look(later).summary, aio::demos::summarise(r.trace, later), where + " + 0.37 s");
        if (::testing::Test::HasFailure()) return;   // one iteration's mismatches are enough to read
    }
}

TEST(StateBuilder, every_demos_state_is_what_a_fresh_snapshot_and_summary_say_at_every_iteration) {
    for (const aio::demos::Demo* d : aio::demos::all_demos()) {
        DemoRecording r(*d);
        expect_states_follow_the_run(r, 1);
    }
}

// 200 tasks and 3,000 items or so: long enough that the trace's change log drops its older half
// many times. A state built every iteration reads on from its mark; one built every 100 iterations
// finds its mark dropped at times (another reader marks every iteration) and walks every record.
TEST(StateBuilder, a_long_busy_run_keeps_its_states_true_as_the_change_log_drops_old_entries) {
    for (int every : {1, 100}) {
        DemoRecording r(demo("queue"), {{"producers", int64_t{100}}, {"consumers", int64_t{100}}, {"items_min", int64_t{20}},
                                        {"items_max", int64_t{40}}, {"sleep_max", int64_t{3}}});
        const aio::TraceMark first = r.trace.mark();
        expect_states_follow_the_run(r, every);
        size_t from = 0;
        EXPECT_EQ(r.trace.changed_since(first, from), nullptr) << "the log never dropped its older half";
    }
}

// A run told again to iteration k and looked at once gives the state the live run showed after k,
// field for field (the status and speed are the page's, not the run's): what a seek into a
// recorded run, or a run file opened elsewhere, must show. Every demo, and a deep crawl.
TEST(StateBuilder, a_run_told_again_to_any_iteration_and_looked_at_once_shows_what_the_live_run_showed) {
    const auto kept = [](const aio::page::PlaygroundState& st) {
        nlohmann::json j = aio::page::state_json(st);
        j.erase("status");
        j.erase("speed");
        return j;
    };
    std::vector<std::pair<const aio::demos::Demo*, aio::demos::Params>> runs;
    for (const aio::demos::Demo* d : aio::demos::all_demos()) runs.push_back({d, {}});
    runs.push_back({&demo("crawler"), {{"depth", int64_t{5}}}});
    for (const auto& [d, given] : runs) {
        SCOPED_TRACE(d->name);
        std::vector<nlohmann::json> live;
        {
            DemoRecording r(*d, given);
            live.push_back(kept(r.look()));
            while (r.step()) live.push_back(kept(r.look()));
        }
        ASSERT_GT(live.size(), 2u);
        // Every iteration of a short run, a spread of a long one's.
        const size_t stride = std::max<size_t>(1, live.size() / 12);
        for (size_t k = 0; k < live.size(); k += stride) {
            DemoRecording again(*d, given);
            for (size_t i = 0; i < k; ++i) again.step();
            const nlohmann::json seen = kept(again.look());
            if (seen == live[k]) continue;
            std::string keys;
            for (const auto& [key, value] : live[k].items())
                if (!seen.contains(key) || seen[key] != value) keys += key + " ";
            ADD_FAILURE() << "after iteration " << k << " these differ: " << keys;
        }
    }
}

}  // namespace
