// playground/state/state_json.hpp: window.aio.snapshot()'s JSON, from states of real runs.
#include "playground/state/state_json.hpp"
#include "tests/playground/state/demo_recording.hpp"

#include <gtest/gtest.h>

namespace {

using aio::testing::DemoRecording;
using nlohmann::json;

const aio::demos::Demo& demo(const std::string& name) { return *aio::demos::find_demo(name); }

TEST(StateJson, an_idle_state_has_every_key_and_no_demo) {
    const json j = aio::page::state_json(aio::page::PlaygroundState{});
    for (const char* key : {"demo", "params", "entropy_seed", "status", "run", "time", "loop_time", "iteration", "speed", "tasks", "ready",
                            "ready_callbacks", "timers", "timer_count", "fetches", "live_tasks", "output", "narration", "files",
                            "pages", "resources", "summary", "finished_runs"})
        EXPECT_TRUE(j.contains(key)) << key;
    EXPECT_EQ(j.size(), 23u);
    EXPECT_TRUE(j["demo"].is_null());
    EXPECT_EQ(j["status"], "idle");
    EXPECT_EQ(j["speed"], 1.0);
    EXPECT_TRUE(j["resources"].empty());
    EXPECT_TRUE(j["summary"]["lines"].empty()) << "nothing ran, so nothing took 0.00 s: " << j["summary"]["lines"];
}

TEST(StateJson, a_page_without_an_error_says_null_and_a_failed_one_says_why) {
    DemoRecording r(demo("crawler"));
    while (r.step()) {}
    const json j = aio::page::state_json(r.look());
    size_t failed = 0;
    for (const json& p : j["pages"]) {
        if (p["error"].is_null()) continue;
        ASSERT_TRUE(p["error"].is_string()) << p;
        EXPECT_FALSE(p["error"].get<std::string>().empty()) << p;
        ++failed;
    }
    EXPECT_GE(failed, 1u) << "the sample site links a missing page";
    EXPECT_LT(failed, j["pages"].size());
}

TEST(StateJson, sleeping_tasks_say_what_they_wait_on_until_when_and_how_long_so_far) {
    DemoRecording r(demo("count"), {{"n", int64_t{3}}, {"delay", 2.0}});
    r.step();
    r.step();
    const json j = aio::page::state_json(r.look(0.75));
    EXPECT_EQ(j["demo"], "count");
    EXPECT_EQ(j["params"]["n"], 3);
    EXPECT_EQ(j["status"], "running");
    EXPECT_DOUBLE_EQ(j["time"].get<double>(), 0.75);
    EXPECT_DOUBLE_EQ(j["loop_time"].get<double>(), 0.0);
    int asleep = 0;
    for (const json& t : j["tasks"]) {
        if (t["state"] != "waiting" || t["wait"] != "sleep") continue;
        ++asleep;
        EXPECT_DOUBLE_EQ(t["until"].get<double>(), 2.0);
        EXPECT_NEAR(t["time_in"]["waiting"].get<double>(), 0.75, 1e-6);   // counts on to the time shown
        EXPECT_TRUE(t["result"].is_null());
        EXPECT_EQ(t["time_in"].size(), 7u);
    }
    EXPECT_EQ(asleep, 3);
    ASSERT_EQ(j["timers"].size(), 3u);
    EXPECT_EQ(j["timer_count"], 3);
    for (const json& timer : j["timers"]) {
        EXPECT_DOUBLE_EQ(timer["when"].get<double>(), 2.0);
        EXPECT_TRUE(timer["task"].is_number());
    }
    EXPECT_EQ(j["output"], json({"One", "One", "One"}));
}

TEST(StateJson, a_finished_run_reports_its_summary_results_and_the_runs_to_compare) {
    DemoRecording r(demo("count"), {{"n", int64_t{2}}, {"delay", 1.0}});
    while (r.step()) {}
    const json j = aio::page::state_json(r.look());
    EXPECT_EQ(j["status"], "finished");
    EXPECT_DOUBLE_EQ(j["summary"]["elapsed"].get<double>(), 1.0);
    EXPECT_DOUBLE_EQ(j["summary"]["work"].get<double>(), 2.0);
    EXPECT_FALSE(j["summary"]["lines"].empty());
    ASSERT_TRUE(j["finished_runs"].contains("count"));
    EXPECT_EQ(j["finished_runs"]["count"]["params"]["n"], 2);
    EXPECT_DOUBLE_EQ(j["finished_runs"]["count"]["summary"]["saved"].get<double>(), 1.0);
    for (const json& t : j["tasks"]) {
        EXPECT_EQ(t["state"], "done") << t["name"];
        EXPECT_TRUE(t["finished"].is_number());
    }
}

TEST(StateJson, the_queue_demo_reports_its_queue_as_a_resource) {
    DemoRecording r(demo("queue"));
    for (int i = 0; i < 10; ++i) r.step();
    const aio::page::PlaygroundState& s = r.look();
    const json j = aio::page::state_json(s);
    ASSERT_EQ(j["resources"].size(), 1u);
    const json& q = j["resources"][0];
    EXPECT_EQ(q["kind"], aio::to_string(aio::ResourceKind::Queue));
    EXPECT_EQ(q["level"], s.snapshot.resources[0].level);
    for (const char* key : {"id", "name", "capacity", "unfinished", "waiting"}) EXPECT_TRUE(q.contains(key)) << key;
    EXPECT_TRUE(q["waiting"].is_object());
    EXPECT_EQ(q["gone"], false) << "the run still holds its queue";
}

TEST(StateJson, a_resource_the_program_dropped_says_it_is_gone) {
    aio::page::PlaygroundState s;
    s.snapshot.resources.push_back({});
    s.snapshot.resources.back().alive = false;
    EXPECT_EQ(aio::page::state_json(s)["resources"][0]["gone"], true);
}

TEST(StateJson, instant_speed_is_the_word_instant) {
    aio::page::PlaygroundState s;
    s.speed = aio::page::kInstantSpeed;
    EXPECT_EQ(aio::page::state_json(s)["speed"], "instant");
}

TEST(StateJson, parameter_values_keep_their_kind) {
    EXPECT_EQ(aio::page::value_json(true), json(true));
    EXPECT_EQ(aio::page::value_json(int64_t{7}), json(7));
    EXPECT_EQ(aio::page::value_json(0.5), json(0.5));
    EXPECT_EQ(aio::page::value_json(std::vector<int64_t>{1, 2}), json({1, 2}));
    EXPECT_EQ(aio::page::value_json(std::string("x")), json("x"));
}

}  // namespace

// The state tells each iteration as the run goes; the JSON carries the latest accounts as text.
TEST(StateJson, narration_follows_the_run_and_carries_its_latest_accounts) {
    DemoRecording r(demo("queue"));
    size_t told = 0;
    while (r.step()) {
        const aio::page::PlaygroundState& s = r.look();
        if (s.narration.empty()) continue;
        EXPECT_LE(s.narration.back().iteration, r.loop.iteration());
        told = std::max(told, s.narration.size());
    }
    const aio::page::PlaygroundState& s = r.look();
    ASSERT_GT(s.narration.size(), aio::page::kNarrationInJson) << "the default queue run has more iterations than the JSON carries";
    EXPECT_EQ(s.narration.back().iteration, r.loop.iteration());
    const json j = aio::page::state_json(s);
    ASSERT_EQ(j["narration"].size(), aio::page::kNarrationInJson);
    EXPECT_EQ(j["narration"].back()["text"], aio::page::to_text(s.narration.back()));
    EXPECT_EQ(j["narration"].back()["iteration"], s.narration.back().iteration);
    EXPECT_EQ(j["narration"].front()["iteration"], s.narration[s.narration.size() - aio::page::kNarrationInJson].iteration);
    EXPECT_NE(j["narration"].back()["text"].get<std::string>().find("After asyncio.run() returned, the script printed \"Program completed in 29.00000 seconds.\""),
              std::string::npos) << j["narration"].back();
    EXPECT_NE(j["narration"].back()["text"].get<std::string>().find("main resumed at line 47 and finished. The queue.get of Task-3 was cancelled."), std::string::npos)
        << j["narration"].back();
}
