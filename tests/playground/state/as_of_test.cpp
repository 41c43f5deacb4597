// as_of (playground/state/as_of.hpp): count's blocking run, whose one iteration runs every
// time.sleep and moves the loop's clock 3 s ahead of the display, shown as it plays out and
// stopped inside it.
#include "playground/state/as_of.hpp"
#include "runtime/record_as_of.hpp"
#include "tests/playground/state/demo_recording.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

namespace {

using aio::TaskState;
using aio::testing::DemoRecording;

// count with n = 3, delay = 1, blocking, run up to the iteration that makes the three calls.
struct BlockingCount : DemoRecording {
    BlockingCount() : DemoRecording(*aio::demos::find_demo("count"), {{"n", int64_t{3}}, {"delay", 1.0}, {"blocking", true}}) {
        while (loop.time() == 0 && step()) {}
    }
    const aio::TaskView& task(const aio::page::PlaygroundState& s, const std::string& name) {
        for (const aio::TaskView& t : s.snapshot.tasks) if (t.name == name) return t;
        throw std::runtime_error("no task " + name);
    }
};

std::vector<std::string> texts(const aio::page::LogRange<aio::page::PrintedLine>& lines) {
    std::vector<std::string> out;
    for (const auto& l : lines) out.push_back(l.text);
    return out;
}

double total(const aio::TaskView& t) { return std::accumulate(t.time_in.begin(), t.time_in.end(), 0.0); }

TEST(AsOf, the_console_holds_the_lines_printed_up_to_the_time_shown) {
    BlockingCount r;
    ASSERT_DOUBLE_EQ(r.loop.time(), 3);
    ASSERT_EQ(r.core.lines(), 6u);   // the loop has printed them all, none shown yet
    ASSERT_TRUE(r.state.output.empty());
    EXPECT_EQ(texts(r.look(0.37).output), (std::vector<std::string>{"One"}));
    EXPECT_EQ(texts(r.look(1.5).output), (std::vector<std::string>{"One", "Two", "One"}));
    EXPECT_EQ(texts(r.look(3).output), (std::vector<std::string>{"One", "Two", "One", "Two", "One", "Two"}));
    EXPECT_DOUBLE_EQ(r.look(3).output[3].time, 2);   // CPython prints them a second apart
}

TEST(AsOf, the_console_follows_the_time_shown_back_and_forth_without_losing_a_line) {
    BlockingCount r;
    const std::vector<std::string> all{"One", "Two", "One", "Two", "One", "Two"};
    EXPECT_EQ(texts(r.look(3).output), all);
    EXPECT_EQ(texts(r.look(1.5).output), (std::vector<std::string>{"One", "Two", "One"}));
    EXPECT_EQ(r.core.lines() - r.state.output.size(), 3u) << "the later lines wait to be shown again";
    EXPECT_EQ(texts(r.look(0.37).output), (std::vector<std::string>{"One"}));
    EXPECT_EQ(texts(r.look(3).output), all);
    EXPECT_EQ(r.state.output.size(), r.core.lines());
}

TEST(AsOf, while_a_call_holds_the_loop_its_task_runs_and_the_later_ones_wait_their_turn) {
    BlockingCount r;
    const auto& s = r.look(1.4);
    ASSERT_TRUE(s.blocking);
    EXPECT_DOUBLE_EQ(s.blocking->from, 1);
    EXPECT_EQ(r.task(s, "Task-1").state, TaskState::Done);
    EXPECT_EQ(r.task(s, "Task-2").state, TaskState::Running);
    EXPECT_EQ(r.task(s, "Task-2").id, s.blocking->task);
    EXPECT_EQ(r.task(s, "Task-3").state, TaskState::Pending);
    EXPECT_EQ(s.blocking->stack.back(), "count()");
    EXPECT_NEAR(s.summary.blocked, 1.4, 1e-6);
}

// A task rolled back to the call's start reads its spans no further (spans_as_of): its last is
// the state it is shown in, from when it entered it, and none begins after the call did.
TEST(AsOf, while_a_call_holds_the_loop_the_tasks_read_their_spans_up_to_its_start) {
    BlockingCount r;
    const auto& s = r.look(1.4);
    size_t rolled_back = 0;
    for (const aio::TaskView& v : s.snapshot.tasks) {
        const aio::TaskRecord& rec = *r.trace.task(v.id);
        const aio::TaskSpanView spans = aio::spans_as_of(r.trace, rec, v);
        ASSERT_FALSE(spans.empty()) << v.name;
        EXPECT_EQ(spans.back().state, v.state) << v.name;
        EXPECT_EQ(spans.back().start, v.since) << v.name;
        for (const aio::TaskSpan& span : spans) EXPECT_LE(span.start, s.blocking->from) << v.name;
        rolled_back += spans.size() < r.trace.spans(rec).size();
    }
    EXPECT_EQ(rolled_back, 2u) << "Task-2 and Task-3 changed after the call began";
}

TEST(AsOf, while_a_call_holds_the_loop_the_ready_queue_holds_the_steps_of_the_tasks_waiting_their_turn) {
    BlockingCount r;
    const auto& s = r.look(1.4);
    EXPECT_EQ(s.snapshot.ready, std::vector<uint32_t>{r.task(s, "Task-3").id});
    EXPECT_EQ(s.snapshot.ready_callbacks, 1u);
    const auto& early = r.look(0.5);
    EXPECT_EQ(early.snapshot.ready, (std::vector<uint32_t>{r.task(early, "Task-2").id, r.task(early, "Task-3").id}));
}

TEST(AsOf, stop_inside_a_blocking_call_cuts_the_run_at_the_time_shown) {
    BlockingCount r;
    r.look(1.57);
    r.stop(1.57);
    while (r.step()) {}
    const auto& s = r.look();
    EXPECT_DOUBLE_EQ(s.time, 1.57);
    EXPECT_EQ(s.status, aio::page::Status::Stopped);
    // Task-1 ended before the stop; Task-2 was in its time.sleep and Task-3 had not run: cancelled at the stop.
    EXPECT_EQ(r.task(s, "Task-1").state, TaskState::Done);
    for (const char* name : {"main", "Task-2", "Task-3"}) {
        const aio::TaskView& t = r.task(s, name);
        EXPECT_EQ(t.state, TaskState::Cancelled) << name;
        EXPECT_DOUBLE_EQ(t.finished, 1.57) << name;
        EXPECT_TRUE(t.awaits.empty() && t.awaited_by.empty()) << name;
    }
    for (const aio::TaskView& t : s.snapshot.tasks) EXPECT_LE(total(t), 1.57 + 1e-5) << t.name << " spent more than the run";
    EXPECT_NEAR(r.task(s, "main").time_in[static_cast<int>(TaskState::Waiting)], 1.57, 1e-5);
    EXPECT_EQ(s.snapshot.live_tasks, 0u);
    EXPECT_NEAR(s.summary.elapsed, 1.57, 1e-9);
    EXPECT_NEAR(s.summary.others, 1.57, 1e-5);   // main's wait on the gather, up to the stop
    EXPECT_NEAR(s.summary.blocked, 1.57, 1e-5);
    EXPECT_EQ(texts(s.output), (std::vector<std::string>{"One", "Two", "One"}));
    EXPECT_FALSE(s.blocking);
}

TEST(AsOf, call_shown_at_is_the_first_not_ended_else_the_last) {
    const std::vector<aio::demos::BlockingCall> calls{{.task = 2, .stack = {}, .from = 0, .to = 1, .iteration = 1}, {.task = 3, .stack = {}, .from = 1, .to = 2, .iteration = 1}};
    EXPECT_EQ(aio::page::call_shown_at(calls, 0.5)->task, 2u);
    EXPECT_EQ(aio::page::call_shown_at(calls, 1)->task, 3u);
    EXPECT_EQ(aio::page::call_shown_at(calls, 5)->task, 3u);
    EXPECT_EQ(aio::page::call_shown_at({}, 1), nullptr);
}

}  // namespace

// Stopped at 1.5 s inside the blocking iteration (the loop already at 3 s): the stop's accounts
// say so first, at the time shown, and tell the cancellations.
TEST(AsOf, a_stop_is_told_at_the_time_it_was_pressed) {
    BlockingCount r;
    r.stop(1.5);
    const auto& s = r.look(1.5);
    const auto stop = std::find_if(s.narration.begin(), s.narration.end(), [](const aio::page::Account& a) {
        return !a.sentences.empty() && a.sentences.front() == "Stop: as asyncio.run does on its way out, every task left is cancelled.";
    });
    ASSERT_NE(stop, s.narration.end());
    std::string after;
    for (auto it = stop; it != s.narration.end(); ++it) {
        EXPECT_DOUBLE_EQ(it->time, 1.5) << aio::page::to_text(*it);
        after += aio::page::to_text(*it) + "\n";
    }
    EXPECT_NE(after.find("main resumed at line 20 and was cancelled."), std::string::npos) << after;
}

// While the calls play out, the narration tells as far as the time shown: at 1.5 s Task-2 holds
// the loop and Task-3 has not started, though the loop ran all three calls.
TEST(AsOf, the_narration_tells_a_blocking_iteration_no_further_than_the_time_shown) {
    BlockingCount r;
    std::string told;
    for (const aio::page::Account& a : r.look(1.5).narration) told += aio::page::to_text(a) + "\n";
    EXPECT_NE(told.find("Task-2 started, printed \"One\" and blocked the whole loop"), std::string::npos) << told;
    EXPECT_EQ(told.find("Task-3 started"), std::string::npos) << told;
    told.clear();
    for (const aio::page::Account& a : r.look(3).narration) told += aio::page::to_text(a) + "\n";
    EXPECT_NE(told.find("Task-3 printed \"Two\" and finished."), std::string::npos) << told;
}

// Stopped anywhere inside the blocking iteration, the narration agrees with the views: every task
// they show cancelled is told cancelled, and none of them is told finished.
TEST(AsOf, a_stop_inside_a_blocking_call_tells_the_tasks_the_views_cancel) {
    for (const double at : {0.5, 1.0, 1.5, 2.0, 2.5}) {
        BlockingCount r;
        r.look(at);
        r.stop(at);
        while (r.step()) {}
        const auto& s = r.look();
        std::string told;
        for (const aio::page::Account& a : s.narration) told += aio::page::to_text(a) + "\n";
        for (const aio::TaskView& t : s.snapshot.tasks) {
            if (t.state != TaskState::Cancelled) continue;
            bool cancelled = false;
            for (const aio::page::Account& a : s.narration)
                for (const std::string& sentence : a.sentences) {
                    const bool about = sentence.find(t.name + " ") != std::string::npos || sentence.find(t.name + ",") != std::string::npos;
                    EXPECT_FALSE(about && sentence.find(" finished") != std::string::npos && sentence.find("not finished") == std::string::npos)
                        << "stop at " << at << ": " << t.name << " is shown cancelled, but: " << sentence;
                    cancelled |= about && sentence.find("cancelled") != std::string::npos;
                }
            EXPECT_TRUE(cancelled) << "stop at " << at << ": " << t.name << " is shown cancelled, not told so:\n" << told;
        }
    }
}


// The Stop's account is headed with the iteration it came after, and the iterations the stop runs
// to cancel the tasks say so: the status line's count includes them.
TEST(AsOf, a_stops_accounts_say_which_iteration_it_came_after_and_which_it_ran) {
    aio::testing::DemoRecording r(*aio::demos::find_demo("queue"), {});
    for (int i = 0; i < 10; ++i) r.step();
    const uint64_t pressed = r.loop.iteration();
    r.stop(r.loop.time());
    const auto& s = r.look();
    const auto stop = std::find_if(s.narration.begin(), s.narration.end(), [](const aio::page::Account& a) {
        return !a.sentences.empty() && a.sentences.front() == "Stop: as asyncio.run does on its way out, every task left is cancelled.";
    });
    ASSERT_NE(stop, s.narration.end());
    EXPECT_EQ(aio::page::heading(*stop), "t = 11.00 s, stopped after iteration " + std::to_string(pressed));
    ASSERT_NE(stop + 1, s.narration.end());
    for (auto it = stop + 1; it != s.narration.end(); ++it) {
        EXPECT_GT(it->iteration, pressed);
        EXPECT_LE(it->iteration, s.iteration) << "the status line's count includes the stop's iterations";
        EXPECT_EQ(aio::page::heading(*it), "t = 11.00 s, iteration " + std::to_string(it->iteration) + ", run by the stop to cancel the tasks");
    }
}
