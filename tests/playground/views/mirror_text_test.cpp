// playground/views/mirror_text.hpp: the page's text mirror from states of real runs: the first
// rows with the line the Source view marks, the console lines not sent yet, without escape codes.
#include "playground/views/mirror_text.hpp"

#include "playground/views/ansi.hpp"
#include "playground/views/source_lines.hpp"
#include "tests/playground/state/demo_recording.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace {

using aio::testing::DemoRecording;
using nlohmann::json;

const aio::demos::Demo& demo(const std::string& name) { return *aio::demos::find_demo(name); }

TEST(MirrorText, lists_the_first_tasks_with_where_each_waits_in_the_script) {
    DemoRecording r(demo("count"), {{"n", int64_t{5}}, {"delay", 2.0}});
    r.step();
    r.step();
    const aio::page::PlaygroundState& s = r.look();
    aio::views::MirrorQuery q;
    q.max_tasks = 3;
    const json j = aio::views::mirror_json(s, q);
    EXPECT_EQ(j["status"], "running");
    EXPECT_EQ(j["demo"], "count");
    EXPECT_EQ(j["task_count"], s.snapshot.tasks.size());
    ASSERT_EQ(j["tasks"].size(), 3u);
    const int sleep_line = demo("count").await_lines.at({"count", "sleep"});
    size_t asleep = 0;
    for (size_t i = 0; i < 3; ++i) {
        const json& t = j["tasks"][i];
        EXPECT_EQ(t["id"], s.snapshot.tasks[i].id);
        EXPECT_EQ(t["name"], s.snapshot.tasks[i].name);
        const int line = aio::views::source_line(s, demo("count"), s.snapshot.tasks[i]);
        EXPECT_EQ(t["line"], line ? json(line) : json(nullptr)) << t;
        if (t["waiting_on"] == "sleep(2)") {
            ++asleep;
            EXPECT_EQ(t["state"], "waiting");
            EXPECT_EQ(t["line"], sleep_line) << t;
            EXPECT_DOUBLE_EQ(t["time_left"].get<double>(), s.snapshot.tasks[i].until - s.time) << t;
            EXPECT_EQ(t["stack"], json(s.snapshot.tasks[i].stack)) << t;
            EXPECT_TRUE(t["result"].is_null()) << t;
        }
    }
    EXPECT_GE(asleep, 2u) << j["tasks"];
}

TEST(MirrorText, sends_the_console_lines_after_those_it_has_the_latest_at_most_and_without_escape_codes) {
    DemoRecording r(demo("rand"));
    while (r.step()) {}
    const aio::page::PlaygroundState& s = r.look();
    ASSERT_GT(s.output.size(), 4u);
    aio::views::MirrorQuery q;
    q.output_from = 2;
    json j = aio::views::mirror_json(s, q);
    EXPECT_EQ(j["output_count"], s.output.size());
    EXPECT_EQ(j["output_from"], 2);
    ASSERT_EQ(j["output"].size(), s.output.size() - 2);
    EXPECT_EQ(j["output"][0], aio::views::strip_sgr(s.output[2].text));
    bool coloured = false;
    for (const auto& line : s.output) coloured |= line.text.find('\x1b') != std::string::npos;
    EXPECT_TRUE(coloured) << "rand prints colours";
    for (const json& line : j["output"]) EXPECT_EQ(line.get<std::string>().find('\x1b'), std::string::npos) << line;
    q.output_from = 0;
    q.max_output = 3;
    j = aio::views::mirror_json(s, q);
    EXPECT_EQ(j["output_from"], s.output.size() - 3);
    EXPECT_EQ(j["output"].size(), 3u);
}

TEST(MirrorText, an_idle_state_has_no_demo_and_no_rows) {
    const json j = aio::views::mirror_json(aio::page::PlaygroundState{}, {});
    EXPECT_TRUE(j["demo"].is_null());
    EXPECT_EQ(j["status"], "idle");
    EXPECT_TRUE(j["tasks"].empty());
    EXPECT_TRUE(j["output"].empty());
    EXPECT_TRUE(j["summary"].empty());
}

TEST(MirrorText, carries_the_summarys_sentences) {
    DemoRecording r(demo("count"));
    while (r.step()) {}
    const aio::page::PlaygroundState& s = r.look();
    EXPECT_EQ(aio::views::mirror_json(s, {})["summary"], json(aio::demos::describe(s.summary)));
    EXPECT_FALSE(aio::views::mirror_json(s, {})["summary"].empty());
}

}  // namespace

namespace {

// The latest account with sentences among those after iteration `from`, and how many there are.
std::pair<const aio::page::Account*, size_t> after(const aio::page::PlaygroundState& s, uint64_t from) {
    const aio::page::Account* latest = nullptr;
    size_t n = 0;
    for (const aio::page::Account& a : s.narration) {
        if (a.number <= from) continue;
        ++n;
        if (!a.sentences.empty()) latest = &a;
    }
    return {latest, n};
}

TEST(MirrorText, tells_the_latest_account_after_the_one_told_and_counts_the_accounts_since) {
    DemoRecording r(demo("count"), {{"n", int64_t{3}}});
    for (int i = 0; i < 4; ++i) r.step();
    const aio::page::PlaygroundState& s = r.look();
    ASSERT_GE(s.narration.size(), 3u);
    aio::views::MirrorQuery q;
    for (const uint64_t from : {uint64_t{0}, s.narration.front().number, s.narration.back().number}) {
        q.narration_from = from;
        const json j = aio::views::mirror_json(s, q)["narration"];
        const auto [latest, count] = after(s, from);
        EXPECT_EQ(j["after"], count) << "after account " << from;
        // Each account after `from`, in full and in order, for the history list.
        ASSERT_EQ(j["recent"].size(), count) << j;
        for (size_t i = 0; i < count; ++i)
            EXPECT_EQ(j["recent"][i]["text"], aio::page::to_text(s.narration[s.narration.size() - count + i]));
        if (!latest) {
            EXPECT_TRUE(j["latest"].is_null()) << j;
            continue;
        }
        EXPECT_EQ(j["latest"]["number"], latest->number);
        EXPECT_EQ(j["latest"]["iteration"], latest->iteration);
        EXPECT_EQ(j["latest"]["heading"], aio::page::heading(*latest));
        EXPECT_EQ(j["latest"]["spoken"], json(latest->spoken)) << "a short account whole";
        EXPECT_EQ(j["latest"]["sentences"].size(), latest->sentences.size()) << "a short account whole";
        EXPECT_EQ(j["latest"]["sentence_count"], latest->sentences.size());
    }
}

// Blocking count tells its one iteration of time.sleep calls as one account a call, all with the
// same iteration number: the mirror asks for the accounts after the last one's number, so none
// of those is passed over; and a run told all at once (instant) sends up to 100 for the history.
TEST(MirrorText, accounts_of_one_iteration_split_by_blocking_calls_each_reach_the_mirror) {
    DemoRecording r(demo("count"), {{"n", int64_t{3}}, {"delay", 1.0}, {"blocking", true}});
    while (r.step()) {}
    const aio::page::PlaygroundState& s = r.look(r.loop.time());
    std::map<uint64_t, size_t> per_iteration;
    for (size_t i = 0; i < s.narration.size(); ++i) {
        ++per_iteration[s.narration[i].iteration];
        EXPECT_EQ(s.narration[i].number, i + 1) << "numbered in the order told";
    }
    const auto split = std::find_if(per_iteration.begin(), per_iteration.end(), [](const auto& e) { return e.second >= 3; });
    ASSERT_NE(split, per_iteration.end()) << "an iteration told call by call";
    const auto first = std::find_if(s.narration.begin(), s.narration.end(), [&](const auto& a) { return a.iteration == split->first; });
    aio::views::MirrorQuery q;
    q.narration_from = first->number;
    const json j = aio::views::mirror_json(s, q)["narration"];
    EXPECT_EQ(j["after"], s.narration.end() - first - 1);
    ASSERT_EQ(j["recent"].size(), s.narration.end() - first - 1) << j;
    EXPECT_EQ(j["recent"][0]["iteration"], split->first) << "the same iteration's next call";
    EXPECT_EQ(j["recent"][0]["number"], first->number + 1);

    DemoRecording many(demo("asyncgen"), {});
    while (many.step()) {}
    const aio::page::PlaygroundState& all = many.look(many.loop.time());
    ASSERT_GT(all.narration.size(), 20u);
    EXPECT_EQ(aio::views::mirror_json(all, {})["narration"]["recent"].size(), std::min<size_t>(100, all.narration.size()));
}

// An account longer than six sentences, the two that say why last: those two are read out
// first, in their short form, then the first four others; `spoken` and `why` keep the order told.
TEST(MirrorText, sends_six_short_sentences_of_a_long_account_those_that_say_why_first) {
    DemoRecording r(demo("count"), {{"n", int64_t{3}}});
    r.step();
    aio::page::PlaygroundState s = r.look();
    aio::page::Account a;
    a.iteration = s.iteration + 1;
    a.number = s.narration.empty() ? 1 : s.narration.back().number + 1;
    for (int i = 0; i < 7; ++i) aio::page::tell(a, "Task-" + std::to_string(i) + " printed \"x\".", "Task-" + std::to_string(i) + " printed a line.");
    aio::page::tell(a, "Task-7 now waits on queue.put at line 31, because q is full.", {}, true);
    aio::page::tell(a, "The sleep(1) of Task-8 ended.", {}, true);
    std::deque<aio::page::Account> told(s.narration.begin(), s.narration.end());
    told.push_back(a);
    s.narration = aio::page::LogRange(told);
    const json j = aio::views::mirror_json(s, {})["narration"]["latest"];
    EXPECT_EQ(j["sentences"], json({"Task-7 now waits on queue.put at line 31, because q is full.", "The sleep(1) of Task-8 ended.",
                                    "Task-0 printed a line.", "Task-1 printed a line.", "Task-2 printed a line.", "Task-3 printed a line."}));
    EXPECT_EQ(j["sentence_count"], 9);
    EXPECT_EQ(j["spoken"], json(a.spoken));
    EXPECT_EQ(j["why"], json({7, 8}));
}

}  // namespace
