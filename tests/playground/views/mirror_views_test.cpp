// playground/views/mirror_views.hpp: the mirror's words for the Resources, Await tree, Event loop
// and Timeline views, and the Summary's comparison, from states of real runs, against the
// snapshot and the trace they are read from.
#include "playground/views/mirror_views.hpp"

#include "playground/demos/run_compare.hpp"
#include "playground/views/source_lines.hpp"
#include "tests/playground/state/demo_recording.hpp"
#include "tests/playground/state/kept_moments.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace {

using aio::testing::DemoRecording;
using nlohmann::json;

const aio::demos::Demo& demo(const std::string& name) { return *aio::demos::find_demo(name); }
bool has(const json& node, const std::string& part) { return node["text"].get<std::string>().find(part) != std::string::npos; }

TEST(MirrorViews, resources_say_each_level_maxsize_and_who_waits_by_role) {
    // Consumers that get at once from a queue that stays empty a while.
    DemoRecording r(demo("queue"), {{"producers", int64_t{1}}, {"consumers", int64_t{6}}, {"sleep_max", int64_t{2}}, {"sleep_min", int64_t{1}}});
    auto waiting = [&] { const auto& rs = r.look().snapshot.resources; return !rs.empty() && !rs[0].waiting[0].empty(); };
    for (int i = 0; i < 50 && !waiting(); ++i) r.step();
    const aio::page::PlaygroundState& s = r.look();
    ASSERT_FALSE(s.snapshot.resources.empty());
    const aio::ResourceView& q = s.snapshot.resources[0];
    ASSERT_GT(q.waiting[0].size(), 0u) << "consumers wait to get";
    const json words = aio::views::view_words(s, "resources");
    ASSERT_EQ(words.size(), s.snapshot.resources.size());
    EXPECT_TRUE(has(words[0], std::to_string(q.level) + (q.level == 1 ? " item" : " items") + ", maxsize ")) << words[0];
    const json& getters = words[0]["items"][0];
    EXPECT_TRUE(has(getters, "getters (" + std::to_string(q.waiting[0].size()) + "): ")) << getters;
    EXPECT_TRUE(has(getters, s.snapshot.task(q.waiting[0][0])->name)) << getters;
    EXPECT_TRUE(has(words[0]["items"][1], "putters (")) << words[0];
}

TEST(MirrorViews, await_tree_nests_the_awaited_tasks_under_their_awaiter) {
    DemoRecording r(demo("count"), {{"n", int64_t{3}}, {"delay", 1.0}});
    r.step();
    r.step();
    const aio::page::PlaygroundState& s = r.look();
    const json words = aio::views::view_words(s, "tree");
    ASSERT_EQ(words.size(), 1u) << words;   // main: nobody awaits it
    EXPECT_TRUE(has(words[0], "main, waiting, awaiting gather(3 awaitables)")) << words[0];
    const aio::TaskView* main = s.snapshot.task(1);
    ASSERT_EQ(words[0]["items"].size(), main->awaits.size());
    for (size_t i = 0; i < main->awaits.size(); ++i)
        EXPECT_TRUE(has(words[0]["items"][i], s.snapshot.task(main->awaits[i])->name + ", waiting, awaiting sleep(1)")) << words[0]["items"][i];
}

TEST(MirrorViews, event_loop_lists_the_ready_queue_and_each_timer_with_its_time_left) {
    DemoRecording r(demo("count"), {{"n", int64_t{30}}, {"delay", 2.0}});
    r.step();
    r.step();
    const aio::page::PlaygroundState& s = r.look();
    ASSERT_EQ(s.snapshot.timer_count, 30u);
    const json words = aio::views::view_words(s, "loop");
    EXPECT_TRUE(has(words[1], "Ready queue: " + std::to_string(s.snapshot.ready_callbacks))) << words[1];
    const json& timers = words[2];
    EXPECT_TRUE(has(timers, "Timers: 30, earliest first")) << timers;
    ASSERT_EQ(timers["items"].size(), aio::views::kWordsItems + 1);
    const aio::TimerView& first = s.snapshot.timers[0];
    char left[64];
    std::snprintf(left, sizeof left, "at %.2f s (%.2f s left)", first.when, first.when - s.time);
    EXPECT_TRUE(has(timers["items"][0], first.what + " for " + s.snapshot.task(first.task)->name + ", " + left)) << timers["items"][0];
    EXPECT_EQ(timers["items"].back()["text"], "and " + std::to_string(30 - aio::views::kWordsItems) + " timers more");
}

TEST(MirrorViews, timeline_tells_each_tasks_intervals_up_to_the_time_shown_and_how_many_tasks_more) {
    DemoRecording r(demo("count"), {{"n", int64_t{40}}, {"delay", 1.0}});
    while (r.step()) {}
    const aio::page::PlaygroundState& s = r.look();
    const json words = aio::views::view_words(s, "timeline");
    ASSERT_EQ(words.size(), aio::views::kWordsItems + 1);
    EXPECT_EQ(words.back()["text"], "and " + std::to_string(s.snapshot.tasks.size() - aio::views::kWordsItems) + " tasks more");
    // A counting task: it ran at 0, slept a second, ran again and was done.
    const json& task = words[1];
    EXPECT_TRUE(has(task, s.snapshot.tasks[1].name + ": ")) << task;
    EXPECT_TRUE(has(task, "waited on sleep 0.00\u20131.00 s")) << task;
    EXPECT_TRUE(has(task, "done at 1.00 s")) << task;
    // Ready and running for no printed time, at 0.00 s and again at 1.00 s: said once each, as a run.
    EXPECT_TRUE(has(task, "ran at 0.00 s, waited on sleep 0.00\u20131.00 s, ran at 1.00 s, done at 1.00 s")) << task;
    const std::regex empty(R"((\d+\.\d\d)\u2013\1 s)");
    for (const json& w : words) EXPECT_FALSE(std::regex_search(w["text"].get<std::string>(), empty)) << w;
}

// A moment kept from a run and shown after the run went on (its snapshot over the live trace)
// tells each task's intervals as the timeline's words told them live then: none recorded since.
TEST(MirrorViews, timeline_of_a_moment_kept_from_a_run_says_what_it_said_live_then) {
    for (const aio::testing::DemoRun& run : aio::testing::waiting_runs()) {
        SCOPED_TRACE(run.name);
        DemoRecording r(demo(run.demo), run.params);
        std::vector<json> live;
        const auto kept = aio::testing::run_keeping(r, aio::testing::moments_of(aio::testing::iterations_of(run)),
                                                    [&](const aio::page::PlaygroundState& s, size_t) { live.push_back(aio::views::view_words(s, "timeline")); });
        ASSERT_GE(kept.size(), 4u);
        for (size_t m = 0; m < kept.size(); ++m)
            EXPECT_EQ(aio::views::view_words(aio::testing::state_at(r, kept[m]), "timeline"), live[m]) << "iteration " << kept[m].iteration;
    }
}

// The crawler's pages, each as the Pages view's row, the first 20 and how many more.
TEST(MirrorViews, pages_say_each_pages_url_state_status_bytes_and_links) {
    DemoRecording r(demo("crawler"));
    while (r.step()) {}
    const aio::page::PlaygroundState& s = r.look();
    ASSERT_FALSE(s.pages.empty());
    const json words = aio::views::view_words(s, "pages");
    const size_t shown = std::min(s.pages.size(), aio::views::kWordsItems);
    ASSERT_EQ(words.size(), shown + (s.pages.size() > shown ? 1 : 0));
    for (size_t i = 0; i < shown; ++i) {
        const aio::demos::PageReport& p = s.pages[i];
        EXPECT_TRUE(has(words[i], p.url + ": " + p.state)) << words[i];
        if (p.status) { EXPECT_TRUE(has(words[i], "HTTP " + std::to_string(p.status))) << words[i]; }
        if (p.state == "done") { EXPECT_TRUE(has(words[i], " link")) << words[i]; }
        if (!p.error.empty()) { EXPECT_TRUE(has(words[i], "error: " + p.error)) << words[i]; }
    }
    if (s.pages.size() > shown) { EXPECT_EQ(words.back()["text"], "and " + std::to_string(s.pages.size() - shown) + " pages more"); }
}

// A producer waiting in put on a full queue is marked on its await's line in the Source's words.
TEST(MirrorViews, source_marks_each_waiting_task_on_the_line_of_its_await) {
    DemoRecording r(demo("queue"), {{"producers", int64_t{3}}, {"consumers", int64_t{1}}, {"maxsize", int64_t{1}}});
    for (int i = 0; i < 4; ++i) r.step();
    const aio::page::PlaygroundState& s = r.look();
    const json words = aio::views::view_words(s, "source");
    size_t marked = 0;
    for (const aio::TaskView& t : s.snapshot.tasks) {
        const int line = aio::views::source_line(s, *s.demo, t);
        if (!line) continue;
        const std::string prefix = "line " + std::to_string(line) + ": ";
        const auto it = std::find_if(words.begin(), words.end(), [&](const json& w) { return w["text"].get<std::string>().starts_with(prefix); });
        ASSERT_NE(it, words.end()) << prefix << words;
        EXPECT_TRUE(has(*it, t.name + " (" + t.waiting_on + ")")) << *it;
        EXPECT_TRUE(has(*it, " \u2014 waiting here: ")) << *it;
        ++marked;
    }
    EXPECT_GE(marked, 2u) << words;
}

TEST(MirrorViews, counts_in_the_thousands_are_grouped_as_the_caption_writes_them) {
    DemoRecording r(demo("count"), {{"n", int64_t{1500}}, {"delay", 1.0}});
    r.step();
    r.step();
    const json words = aio::views::view_words(r.look(), "loop");
    EXPECT_TRUE(has(words[2], "Timers: 1,500, earliest first")) << words[2];
    EXPECT_EQ(words[2]["items"].back()["text"], "and 1,480 timers more");
}

TEST(MirrorViews, views_without_words_and_states_without_a_run_give_none) {
    DemoRecording r(demo("count"));
    r.step();
    EXPECT_TRUE(aio::views::view_words(r.look(), "tasks").empty());
    EXPECT_TRUE(aio::views::view_words(aio::page::PlaygroundState{}, "tree").empty());
}

TEST(MirrorViews, comparison_says_each_runs_figures_or_that_it_has_not_run) {
    DemoRecording r(demo("count"), {{"n", int64_t{3}}, {"delay", 1.0}});
    while (r.step()) {}
    aio::page::PlaygroundState s = r.look();
    s.finished_runs.clear();
    auto words = aio::views::comparison_words(s);
    ASSERT_EQ(words.size(), 3u);
    EXPECT_EQ(words[0], demo("count").comparison->lesson);
    EXPECT_EQ(words[1], aio::demos::run_title(demo("count"), false) + ": not run yet.");
    s.finished_runs[aio::demos::run_key(demo("count"), false)] = {s.summary, s.params};
    aio::demos::RunSummary blocking = s.summary;
    blocking.elapsed = 3;
    aio::demos::Params twin = s.params;
    twin["blocking"] = true;
    s.finished_runs[aio::demos::run_key(demo("count"), true)] = {blocking, twin};
    words = aio::views::comparison_words(s);
    ASSERT_EQ(words.size(), 3u) << "the same n and delay: no note";
    EXPECT_EQ(words[1].rfind(aio::demos::run_title(demo("count"), false) + ", n=3, delay=1: took 1.00 s of loop time;", 0), 0u) << words[1];
    EXPECT_EQ(words[2].rfind(aio::demos::run_title(demo("count"), true) + ", n=3, delay=1: took 3.00 s of loop time;", 0), 0u) << words[2];
}

}  // namespace
