// playground/state/history.hpp, through RunCore: the state shown again after any iteration of a
// run is the one the run showed live right after that iteration, field for field.
#include "playground/state/history.hpp"
#include "playground/state/state_json.hpp"
#include "tests/playground/state/demo_recording.hpp"

#include <algorithm>
#include <numeric>
#include <random>
#include <stdexcept>

#include <gtest/gtest.h>

namespace {

using aio::testing::DemoRecording;
using nlohmann::json;

const aio::demos::Demo& demo(const std::string& name) { return *aio::demos::find_demo(name); }

// The state as the page API gives it, without what is the page's and not the run's.
json kept(const aio::page::PlaygroundState& s) {
    json j = aio::page::state_json(s);
    j.erase("status");
    j.erase("speed");
    return j;
}

std::string differing_keys(const json& want, const json& got) {
    std::string keys;
    for (const auto& [key, value] : want.items())
        if (!got.contains(key) || got[key] != value) keys += key + " ";
    return keys;
}

json kept_with_reach(const aio::page::PlaygroundState& s);

// Iteration k shown again, with the finished runs a seek shows: the run's own once it has ended.
json shown_again(DemoRecording& r, uint64_t k) {
    aio::page::PlaygroundState s;
    r.core.show_iteration(s, k);
    s.run = r.state.run;
    if (k == r.core.history.last() && r.main.done()) s.finished_runs = r.state.finished_runs;
    return kept_with_reach(s);
}

// How much of the trace a state's views may read (the spans each task had entered, the samples
// each resource had): not in the JSON, but what the Timeline and Resources views draw from.
json trace_reach(const aio::page::PlaygroundState& s) {
    json j = json::array();
    for (const aio::TaskView& t : s.snapshot.tasks) j.push_back(t.spans);
    for (const aio::ResourceView& r : s.snapshot.resources) j.push_back(r.samples);
    return j;
}

json kept_with_reach(const aio::page::PlaygroundState& s) {
    json j = kept(s);
    j["trace_reach"] = trace_reach(s);
    return j;
}

// Steps `r` to its end, looking after every iteration as the page does at instant speed.
std::vector<json> live_states(DemoRecording& r) {
    std::vector<json> live{kept_with_reach(r.look())};
    while (r.step()) live.push_back(kept_with_reach(r.look()));
    return live;
}

struct DemoRun {
    std::string demo;
    aio::demos::Params params;
};

TEST(History, every_iteration_shown_again_in_any_order_is_what_the_run_showed_after_it) {
    std::vector<DemoRun> runs;
    for (const aio::demos::Demo* d : aio::demos::all_demos()) runs.push_back({d->name, {}});
    runs.push_back({"crawler", {{"depth", int64_t{5}}}});
    runs.push_back({"queue", {{"producers", int64_t{50}}, {"consumers", int64_t{3}}, {"maxsize", int64_t{2}}}});
    runs.push_back({"count", {{"n", int64_t{300}}}});
    std::mt19937 random(7);
    for (const DemoRun& run : runs) {
        SCOPED_TRACE(run.demo);
        DemoRecording r(demo(run.demo), run.params);
        const std::vector<json> live = live_states(r);
        ASSERT_GT(live.size(), 2u);
        ASSERT_EQ(r.core.history.first(), 0u);
        ASSERT_EQ(r.core.history.last(), live.size() - 1);
        std::vector<uint64_t> order(live.size());
        std::iota(order.begin(), order.end(), uint64_t{0});
        std::shuffle(order.begin(), order.end(), random);
        for (uint64_t k : order) {
            const json again = shown_again(r, k);
            EXPECT_EQ(again, live[k]) << "after iteration " << k << " these differ: " << differing_keys(live[k], again);
            if (again != live[k]) break;
        }
    }
}

TEST(History, a_stopped_run_shows_its_stop_last_and_what_came_before_as_it_was) {
    // Stopped between iterations, and cut inside a blocking call's iteration.
    for (const bool cut : {false, true}) {
        SCOPED_TRACE(cut ? "cut" : "between iterations");
        DemoRecording r(demo("count"), cut ? aio::demos::Params{{"n", int64_t{3}}, {"blocking", true}} : aio::demos::Params{{"n", int64_t{3}}});
        std::vector<json> live{kept_with_reach(r.look())};
        for (int i = 0; i < 2 && r.step(); ++i) live.push_back(kept_with_reach(r.look()));
        const uint64_t before = r.loop.iteration();
        r.stop(cut ? r.loop.time() - 0.5 : r.loop.time());
        ASSERT_EQ(r.core.cut() >= 0, cut);
        const json stopped = kept_with_reach(r.look());
        EXPECT_EQ(shown_again(r, r.core.history.last()), stopped) << differing_keys(stopped, shown_again(r, r.core.history.last()));
        EXPECT_NE(stopped.dump().find("Stop:"), std::string::npos);
        // What the learner saw before the stop is still there, but for the cut iteration, which never showed whole.
        for (uint64_t k = 0; k < (cut ? before : before + 1); ++k) EXPECT_EQ(shown_again(r, k), live[k]) << "after iteration " << k;
    }
}

TEST(History, iterations_outside_the_record_are_refused_naming_the_range) {
    DemoRecording r(demo("count"), {{"n", int64_t{3}}});
    while (r.step()) {}
    const uint64_t last = r.core.history.last();
    aio::page::PlaygroundState s;
    try {
        r.core.show_iteration(s, last + 1);
        FAIL() << "no throw";
    } catch (const std::out_of_range& e) {
        EXPECT_EQ(std::string(e.what()), "iteration must be a whole number 0.." + std::to_string(last) + ", got " + std::to_string(last + 1));
    }
}

TEST(History, past_its_budget_the_oldest_iterations_leave_and_the_rest_show_as_they_were) {
    const DemoRun run{"queue", {{"producers", int64_t{40}}, {"consumers", int64_t{4}}, {"maxsize", int64_t{3}}}};
    DemoRecording all(demo(run.demo), run.params);
    const std::vector<json> live = live_states(all);
    const size_t whole = all.core.history.bytes();
    DemoRecording r(demo(run.demo), run.params, size_t{1} << 16, whole / 3);
    while (r.step()) {}
    const uint64_t first = r.core.history.first();
    EXPECT_GT(first, 0u) << "the oldest left";
    EXPECT_EQ(r.core.history.last(), live.size() - 1);
    EXPECT_LE(r.core.history.bytes(), whole / 3 + whole / 10) << "within its budget, give or take the last iteration";
    EXPECT_LT(r.core.history.versions(), all.core.history.versions());
    for (uint64_t k = first; k < live.size(); k += std::max<size_t>(1, (live.size() - first) / 10))
        EXPECT_EQ(shown_again(r, k), live[k]) << "after iteration " << k;
    aio::page::PlaygroundState s;
    EXPECT_THROW(r.core.show_iteration(s, first - 1), std::out_of_range);
}

TEST(History, an_iteration_whose_spans_the_trace_dropped_since_is_no_longer_shown) {
    DemoRecording r(demo("queue"), {{"producers", int64_t{20}}, {"consumers", int64_t{3}}}, 64);
    while (r.step()) {}
    ASSERT_GT(r.trace.spans_dropped(), 0u);
    EXPECT_GT(r.core.history.first(), 0u);
    EXPECT_EQ(r.core.history.last(), r.loop.iteration());
}

TEST(History, a_task_steps_to_the_iterations_it_changed_in) {
    DemoRecording r(demo("count"), {{"n", int64_t{3}}});
    // Task-2's changes and awaiters after each iteration.
    std::vector<std::pair<uint32_t, std::vector<uint32_t>>> states{{}};
    while (r.step()) {
        const aio::TaskView* t = r.look().snapshot.task(2);
        states.push_back(t ? std::pair{t->changes, t->awaited_by} : std::pair<uint32_t, std::vector<uint32_t>>{});
    }
    std::vector<uint64_t> changed;
    for (uint64_t k = 1; k < states.size(); ++k)
        if (states[k] != states[k - 1]) changed.push_back(k);
    ASSERT_GE(changed.size(), 3u);
    const aio::page::History& h = r.core.history;
    EXPECT_EQ(h.next_change(2, 0), changed[0]);
    EXPECT_EQ(h.next_change(2, changed[0]), changed[1]);
    EXPECT_EQ(h.previous_change(2, changed[1]), changed[0]);
    EXPECT_EQ(h.previous_change(2, changed[0]), std::nullopt);
    EXPECT_EQ(h.next_change(2, h.last()), std::nullopt);
    EXPECT_EQ(h.next_change(99, 0), std::nullopt);
}

}  // namespace
