// The views (playground/views/*_view.cpp) drawn natively in a headless Dear ImGui context (no
// backend: a font atlas, a display size, NewFrame/Render) from the states of every demo's run on
// the virtual clock, at its start, middle and end. What a view drew is read back as the text it
// rendered (ImGui's logging) and the colours in its draw lists; views get only the state.
#include "playground/demos/run_compare.hpp"
#include "playground/views/controls_form.hpp"
#include "playground/views/palette.hpp"
#include "playground/views/views.hpp"
#include "runtime/resource.hpp"
#include "tests/playground/state/demo_recording.hpp"
#include "tests/playground/state/kept_moments.hpp"
#include "tests/playground/views/headless_views.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <set>
#include <sstream>
#include <string>

namespace {

using aio::page::PlaygroundState;
using aio::testing::for_each_moment;
using aio::testing::drawn;
using aio::testing::has;
using aio::testing::quads_of;
using Views = aio::testing::HeadlessViews;
namespace views = aio::views;

TEST_F(Views, task_table_draws_a_row_per_task_with_its_state) {
    for_each_moment([&](const PlaygroundState& s, const std::string& where) {
        const std::string text = draw([&] { views::draw_task_table(s); });
        if (s.snapshot.tasks.empty()) return;
        EXPECT_TRUE(has(text, "time in each state")) << where;
        for (const aio::TaskView& t : s.snapshot.tasks) {
            EXPECT_TRUE(has(text, t.name)) << where << ": no row names " << t.name;
            EXPECT_TRUE(has(text, aio::to_string(t.state))) << where << ": " << t.name << "'s state";
        }
        // One swatch per row in its state's colour (the table's own window: "view/tasks_...").
        for (int st = 0; st < aio::kTaskStateCount; ++st) {
            const auto state = static_cast<aio::TaskState>(st);
            const auto rows = std::count_if(s.snapshot.tasks.begin(), s.snapshot.tasks.end(), [&](const aio::TaskView& t) { return t.state == state; });
            EXPECT_GE(quads_of(views::state_colour(state, views::Theme::Light), "tasks"), static_cast<size_t>(rows))
                << where << ": swatches of " << aio::to_string(state);
        }
    });
}

TEST_F(Views, console_draws_every_printed_line_without_escape_codes) {
    size_t lines = 0;
    for_each_moment([&](const PlaygroundState& s, const std::string& where) {
        views::ConsoleView console;
        const std::string text = draw([&] { views::draw_console(s, console); });
        for (const aio::page::PrintedLine& line : s.output) EXPECT_TRUE(has(text, views::strip_sgr(line.text))) << where << ": " << line.text;
        EXPECT_FALSE(has(text, "\x1b")) << where;
        EXPECT_EQ(console.line_start.size(), s.output.size() + 1) << where;
        lines += s.output.size();
    });
    EXPECT_GT(lines, 0u);
}

TEST_F(Views, timeline_draws_a_sleep_span_for_every_sleeping_task) {
    size_t sleeping = 0;
    for_each_moment([&](const PlaygroundState& s, const std::string& where) {
        views::TimelineView tl;
        const std::string text = draw([&] { views::draw_timeline(s, tl); });
        EXPECT_EQ(tl.run, s.run) << where;
        if (s.snapshot.tasks.empty()) return;
        const auto asleep = static_cast<size_t>(std::count_if(s.snapshot.tasks.begin(), s.snapshot.tasks.end(), [](const aio::TaskView& t) {
            return t.state == aio::TaskState::Waiting && t.wait == aio::WaitKind::Sleep;
        }));
        sleeping += asleep;
        const auto sleep = views::span_colour(aio::TaskState::Waiting, aio::WaitKind::Sleep, views::Theme::Light);
        EXPECT_GE(quads_of(sleep, "rows"), asleep) << where;
        for (const aio::TaskView& t : s.snapshot.tasks) EXPECT_TRUE(has(text, t.name)) << where << ": no row for " << t.name;
        for (const views::LegendRow& row : views::legend_rows(views::Theme::Light))   // the key names each wait's colour
            if (row.wait != aio::WaitKind::None) {
                EXPECT_TRUE(has(text, row.name)) << where << ": the key's " << row.name;
            }
    });
    EXPECT_GT(sleeping, 0u) << "some demo sleeps at some moment, or this test checks nothing";
}

TEST_F(Views, timeline_hatches_the_start_of_rows_whose_oldest_spans_were_dropped) {
    const aio::demos::Demo& count = *aio::demos::find_demo("count");
    const auto hatching = views::dropped_colour(views::Theme::Light);
    for (const size_t budget : {size_t{1} << 16, size_t{16}}) {
        aio::testing::DemoRecording r(count, {{"n", int64_t{20}}}, budget);
        while (r.step()) {}
        const PlaygroundState& s = r.look();
        views::TimelineView tl;
        draw([&] { views::draw_timeline(s, tl); });
        if (r.trace.spans_dropped() == 0) EXPECT_EQ(quads_of(hatching, "rows"), 0u) << "nothing dropped, nothing hatched";
        else EXPECT_GE(quads_of(hatching, "rows"), 20u) << "main and the first tasks lost their spans";
    }
}

// A moment kept from a run and drawn after the run went on (its snapshot over the live trace)
// draws the Timeline and the Resources exactly as they were drawn live then: vertex for vertex, so
// no span, marker or sample recorded since shows, and the plots keep their scale.
TEST_F(Views, timeline_and_resources_of_a_moment_kept_from_a_run_draw_what_they_drew_live_then) {
    const auto draw_both = [&](const PlaygroundState& s) {   // each view's text and draw lists
        views::TimelineView tl;
        std::string timeline = draw([&] { views::draw_timeline(s, tl); });
        timeline += drawn();
        std::string resources = draw([&] { views::draw_resources(s); });
        resources += drawn();
        return std::pair{timeline, resources};
    };
    for (const aio::testing::DemoRun& run : aio::testing::waiting_runs()) {
        SCOPED_TRACE(run.name);
        aio::testing::DemoRecording r(*aio::demos::find_demo(run.demo), run.params);
        std::vector<std::pair<std::string, std::string>> live;
        const auto kept = aio::testing::run_keeping(r, aio::testing::moments_of(aio::testing::iterations_of(run)),
                                                    [&](const PlaygroundState& s, size_t) { live.push_back(draw_both(s)); });
        ASSERT_GE(kept.size(), 4u);
        for (size_t m = 0; m < kept.size(); ++m) {
            const auto [timeline, resources] = draw_both(aio::testing::state_at(r, kept[m]));
            EXPECT_TRUE(timeline == live[m].first) << "the Timeline at iteration " << kept[m].iteration;
            EXPECT_TRUE(resources == live[m].second) << "the Resources at iteration " << kept[m].iteration;
        }
    }
}

TEST_F(Views, await_tree_shows_every_live_task) {
    for_each_moment([&](const PlaygroundState& s, const std::string& where) {
        const std::string text = draw([&] { views::draw_await_tree(s); });
        size_t live = 0;
        for (const aio::TaskView& t : s.snapshot.tasks) {
            if (t.state >= aio::TaskState::Done) continue;
            ++live;
            EXPECT_TRUE(has(text, t.name + "  [" + aio::to_string(t.state) + "]")) << where << ": " << t.name;
        }
        if (!live) {
            EXPECT_TRUE(has(text, "No live tasks")) << where;
        }
    });
}

// The tree keeps its rows while the state stands still; a click that closes a node must still
// hide what it awaits.
TEST_F(Views, await_tree_closes_a_node_on_a_click) {
    aio::testing::DemoRecording r(*aio::demos::find_demo("count"), {{"n", int64_t{3}}});
    r.step();
    r.step();   // main waits on the gather of three counts
    const PlaygroundState& s = r.look();
    ImGuiIO& io = ImGui::GetIO();
    auto frame = [&](bool down) {
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("view", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::LogToClipboard();
        views::draw_await_tree(s);
        ImGui::LogFinish();
        ImGui::End();
        ImGui::Render();
        return std::string(ImGui::GetClipboardText());
    };
    auto click_main = [&] {
        const views::Rect main = views::landmarks().at("tree:main");
        io.MousePos = ImVec2(main.x + main.w / 2, main.y + main.h / 2);
        io.DeltaTime = 1.0f;   // a second since the last click: not a double click
        frame(false);
        io.DeltaTime = 1.0f / 60;
        frame(true);
        frame(false);
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        return frame(false);
    };
    frame(false);
    EXPECT_TRUE(has(frame(false), "Task-2  [")) << "open by default";
    EXPECT_FALSE(has(click_main(), "Task-2  [")) << "closed by the click";
    EXPECT_FALSE(has(frame(false), "Task-2  [")) << "and stays closed";
}

TEST_F(Views, source_marks_each_waiting_task_on_its_await_line) {
    for_each_moment([&](const PlaygroundState& s, const std::string& where) {
        const std::string text = draw([&] { views::draw_source(s, *s.demo); });
        EXPECT_TRUE(has(text, s.demo->script)) << where;
        const std::string first_line = s.demo->python.substr(0, s.demo->python.find('\n'));
        EXPECT_TRUE(has(text, first_line)) << where;
        for (const aio::TaskView& t : s.snapshot.tasks) {
            if (t.state == aio::TaskState::Waiting && t.stack.size() >= 2) {
                EXPECT_TRUE(has(text, t.name)) << where << ": " << t.name;
            }
        }
    });
}

TEST_F(Views, source_marks_the_task_holding_the_loop_on_its_blocking_call) {
    const aio::demos::Demo& count = *aio::demos::find_demo("count");
    aio::testing::DemoRecording r(count, {{"n", int64_t{3}}, {"delay", 1.0}, {"blocking", true}});
    while (r.loop.time() == 0 && r.step()) {}   // the iteration whose three time.sleep calls move the clock to 3
    const PlaygroundState& s = r.look(1.4);    // the second call on screen
    ASSERT_TRUE(s.blocking);
    const std::string text = draw([&] { views::draw_source(s, count); });
    const aio::TaskView* blocker = nullptr;
    for (const aio::TaskView& t : s.snapshot.tasks) if (t.id == s.blocking->task) blocker = &t;
    ASSERT_NE(blocker, nullptr);
    std::istringstream lines(text);
    std::string marked;
    for (std::string line; std::getline(lines, line);)
        if (has(line, "<- ") && has(line, blocker->name)) marked = line;
    EXPECT_TRUE(has(marked, "time.sleep(delay)")) << "marked: '" << marked << "' in\n" << text;
}

// queue waits at lines 23 and up, below a short pane's first screen: the pane scrolls to them when
// they move, and leaves a reader who scrolled away where they are until they move again.
TEST_F(Views, the_source_brings_its_marked_lines_into_view_as_they_move) {
    const aio::demos::Demo& queue = *aio::demos::find_demo("queue");
    aio::testing::DemoRecording r(queue, {});
    while (r.loop.time() < 1 && r.step()) {}
    const PlaygroundState& s = r.look(r.loop.time());
    float scroll = 0;
    int first = 0;
    auto pane = [&](std::function<void()> before = [] {}) {
        draw([&] {
            ImGui::BeginChild("pane", ImVec2(600, 160));
            before();
            views::draw_source(s, queue);
            scroll = ImGui::GetScrollY();
            ImGui::EndChild();
        });
        for (const auto& [name, rect] : views::landmarks())
            if (name.rfind("source:mark:", 0) == 0 && !first) first = std::stoi(name.substr(12));
    };
    pane();
    ASSERT_GT(first, 12) << "a mark below the pane's first screen";
    pane();   // SetScrollY takes effect on the next frame
    const views::Rect mark = views::landmarks().at("source:mark:" + std::to_string(first));
    EXPECT_GT(scroll, 0);
    EXPECT_GE(mark.y, 0);
    EXPECT_LE(mark.y + mark.h, 160) << "the first marked line is in the pane";
    pane([] { ImGui::SetScrollY(0); });   // the reader scrolls back to the top
    pane();
    EXPECT_EQ(scroll, 0) << "the marks did not move: the pane stays where the reader put it";
}

TEST_F(Views, source_marks_nothing_for_another_demos_script) {
    for_each_moment([&](const PlaygroundState& s, const std::string& where) {
        const aio::demos::Demo* other = aio::demos::all_demos()[s.demo == aio::demos::all_demos()[0] ? 1 : 0];
        EXPECT_FALSE(has(draw([&] { views::draw_source(s, *other); }), "<- ")) << where;
    });
}

TEST_F(Views, loop_shows_the_iteration_the_timers_and_the_ready_queue) {
    for_each_moment([&](const PlaygroundState& s, const std::string& where) {
        const std::string text = draw([&] { views::draw_loop(s); });
        EXPECT_TRUE(has(text, "iteration " + std::to_string(s.snapshot.iteration) + ",")) << where;
        EXPECT_TRUE(has(text, "Timers: " + std::to_string(s.snapshot.timer_count))) << where;
        EXPECT_TRUE(has(text, "Requests in flight: " + std::to_string(s.snapshot.fetches.size()))) << where;
        for (const aio::TimerView& t : s.snapshot.timers) EXPECT_TRUE(has(text, t.what)) << where;
    });
}

// A request's timers say which request they are for, and the task waiting on it shows the time
// left until its timeout, as a sleeping task shows the time left on its sleep.
TEST_F(Views, loop_names_each_requests_timers_and_the_tasks_show_its_timeout) {
    size_t fetches = 0;
    for_each_moment([&](const PlaygroundState& s, const std::string& where) {
        if (s.snapshot.fetches.empty()) return;
        const std::string loop = draw([&] { views::draw_loop(s); });
        const std::string tasks = draw([&] { views::draw_task_table(s); });
        for (const aio::FetchInFlight& f : s.snapshot.fetches) {
            const auto t = std::find_if(s.snapshot.tasks.begin(), s.snapshot.tasks.end(), [&](const aio::TaskView& v) { return v.id == f.task; });
            ASSERT_NE(t, s.snapshot.tasks.end()) << where;
            EXPECT_TRUE(has(loop, "timeout of fetch " + f.url)) << where << ": " << f.url;
            if (t->wait != aio::WaitKind::Fetch) continue;   // answered: the task is about to run
            ++fetches;
            EXPECT_TRUE(has(loop, "fetch " + f.url + " (response due)")) << where << ": " << f.url;
            const double timeout = std::get<double>(s.params.at("timeout"));
            EXPECT_DOUBLE_EQ(t->until, f.started + timeout) << where << ": " << t->name;
            char left[32];
            std::snprintf(left, sizeof left, "  %.2f s left", t->until - s.time);
            EXPECT_TRUE(has(tasks, t->waiting_on + left)) << where << ": " << t->name;
        }
        // Each timer of a request in the colour of waiting on a request, as its task's row is.
        size_t request_timers = 0;
        for (const aio::TimerView& t : s.snapshot.timers) {
            EXPECT_NE(t.what, "callback") << where << ": a timer that does not say what it is for";
            const auto task = std::find_if(s.snapshot.tasks.begin(), s.snapshot.tasks.end(), [&](const aio::TaskView& v) { return v.id == t.task; });
            request_timers += task != s.snapshot.tasks.end() && task->wait == aio::WaitKind::Fetch;
        }
        draw([&] { views::draw_loop(s); });
        EXPECT_GE(quads_of(views::wait_colour(aio::WaitKind::Fetch, views::Theme::Light), "view"), request_timers + s.snapshot.fetches.size())
            << where << ": swatches of requests and their timers";
    });
    EXPECT_GT(fetches, 0u) << "some demo's run has requests in flight, or this test checks nothing";
}

TEST_F(Views, resources_show_each_queue_and_semaphore_with_its_waiters_and_a_plot) {
    size_t resources = 0;
    for_each_moment([&](const PlaygroundState& s, const std::string& where) {
        const std::string text = draw([&] { views::draw_resources(s); });
        if (s.snapshot.resources.empty()) {
            EXPECT_TRUE(has(text, "appear here once it uses them")) << where;
            return;
        }
        for (const aio::ResourceView& r : s.snapshot.resources) {
            ++resources;
            EXPECT_TRUE(has(text, aio::to_string(r.kind))) << where;
            EXPECT_TRUE(has(text, "waiting in ")) << where;
            // The level's bars, one per pixel column, in the colour of waiting on this kind.
            const auto level = views::wait_colour(aio::waiter_kinds(r.kind)[0], views::Theme::Light);
            EXPECT_GT(quads_of(level, "resources"), 0u) << where << ": " << aio::to_string(r.kind) << "'s level";
        }
    });
    EXPECT_GT(resources, 0u) << "some demo has a queue or a semaphore, or this test checks nothing";
}

TEST_F(Views, pages_lists_every_page_and_the_found_urls) {
    size_t pages = 0;
    for_each_moment([&](const PlaygroundState& s, const std::string& where) {
        const std::string text = draw([&] { views::draw_pages(s, untouchable()); });
        for (const aio::demos::PageReport& p : s.pages) EXPECT_TRUE(has(text, p.url)) << where;
        pages += s.pages.size();
        const auto found = s.files.find("foundurls.txt");
        if (found != s.files.end()) {
            EXPECT_TRUE(has(text, "foundurls.txt (" + std::to_string(found->second.size()) + " bytes)")) << where;
        }
    });
    EXPECT_GT(pages, 0u);
}

TEST_F(Views, summary_says_what_the_run_amounted_to) {
    for_each_moment([&](const PlaygroundState& s, const std::string& where) {
        const std::string text = draw([&] { views::draw_summary(s); });
        for (const std::string& line : aio::demos::describe(s.summary)) EXPECT_TRUE(has(text, line)) << where << ": " << line;
    });
}

// Going back, the Summary's figures are an earlier iteration's: its heading says which, not the
// live run's "finished".
TEST_F(Views, summary_going_back_names_the_iteration_not_the_live_status) {
    aio::testing::DemoRecording r(*aio::demos::find_demo("count"), {});
    while (r.step()) {}
    PlaygroundState past = r.look();
    ASSERT_EQ(past.status, aio::page::Status::Finished);
    EXPECT_TRUE(has(draw([&] { views::draw_summary(past); }), "finished"));
    r.core.show_iteration(past, 2);
    past.recording.live = false;
    const std::string text = draw([&] { views::draw_summary(past); });
    EXPECT_TRUE(has(text, "going back, as of iteration 2")) << text;
    EXPECT_FALSE(has(text, "finished")) << text;
}

// The Summary's columns name each run by the command it ran, as the run's last line names its
// script (CPython's line for the same script): count's twin is countasync.py --blocking.
TEST_F(Views, summary_titles_each_compared_run_by_what_it_ran) {
    const aio::demos::Demo& count = *aio::demos::find_demo("count");
    PlaygroundState shown;
    std::string printed[2];
    for (const bool blocking : {false, true}) {
        aio::testing::DemoRecording r(count, {{"blocking", blocking}});
        while (r.step()) {}
        const PlaygroundState& s = r.look();
        ASSERT_EQ(s.status, aio::page::Status::Finished);
        const std::string& last = s.output.back().text;
        printed[blocking] = last.substr(0, last.find(" executed in "));
        shown.finished_runs[aio::demos::run_key(count, blocking)] = {s.summary, s.params};
        if (blocking) {
            const auto runs = std::move(shown.finished_runs);
            shown = s;
            shown.finished_runs = runs;
        }
    }
    const std::string text = draw([&] { views::draw_summary(shown); });
    EXPECT_TRUE(has(text, "async (" + printed[false] + "), n=3, delay=1")) << text;
    EXPECT_TRUE(has(text, "blocking (" + printed[true] + " --blocking), n=3, delay=1")) << text;
}

TEST_F(Views, controls_follow_the_run_and_call_nothing_when_only_drawn) {
    for_each_moment([&](const PlaygroundState& s, const std::string& where) {
        views::ControlsView controls;
        const std::string text = draw([&] { views::draw_controls(s, controls, untouchable()); });
        EXPECT_EQ(aio::demos::all_demos()[static_cast<size_t>(controls.demo)], s.demo) << where;
        EXPECT_EQ(controls.seen_run, s.run) << where;
        EXPECT_TRUE(has(text, s.demo->summary)) << where;
        EXPECT_TRUE(has(text, std::string(aio::page::to_string(s.status)) + "  t=")) << where;
        EXPECT_TRUE(has(text, s.status == aio::page::Status::Running ? "Restart (R)" : "Run (R)")) << where;
    });
}

// Embed mode's compact controls, for every demo: the demo named (no picker), the keys left out of
// the run buttons, Open full playground where Share stands, and the fields folded under their
// header with a line giving each value as its field would show it; opened, the fields are there.
TEST_F(Views, compact_controls_name_the_demo_and_fold_the_fields_under_a_line_of_their_values) {
    const PlaygroundState idle;
    for (size_t i = 0; i < aio::demos::all_demos().size(); ++i) {
        const aio::demos::Demo& d = *aio::demos::all_demos()[i];
        views::ControlsView controls;
        controls.compact = true;
        controls.picker = false;
        views::pick_demo(controls, i);
        const std::string text = draw([&] { views::draw_controls(idle, controls, untouchable()); });
        const auto& marks = views::landmarks();
        EXPECT_TRUE(has(text, d.title)) << d.name;
        EXPECT_FALSE(has(text, d.summary)) << d.name;
        EXPECT_FALSE(has(text, "Run (R)")) << d.name;
        EXPECT_TRUE(has(text, "Run")) << d.name;
        for (const char* shown : {"demo-title", "open-full", "params", "run", "stop"}) EXPECT_TRUE(marks.count(shown)) << d.name << " " << shown;
        for (const char* absent : {"demo", "share", "reset"}) EXPECT_FALSE(marks.count(absent)) << d.name << " " << absent;
        for (const aio::demos::Param& p : d.params) {
            EXPECT_FALSE(marks.count("param:" + p.name)) << d.name << "." << p.name << " is folded";
            if (p.kind != aio::demos::Param::Kind::Text)
                EXPECT_TRUE(has(text, p.name + "=" + views::field_text(controls, p))) << d.name << "." << p.name << "\n" << text;
        }
        controls.params_open = true;
        draw([&] { views::draw_controls(idle, controls, untouchable()); });
        for (const aio::demos::Param& p : d.params) EXPECT_TRUE(views::landmarks().count("param:" + p.name)) << d.name << "." << p.name;
        EXPECT_TRUE(views::landmarks().count("reset")) << d.name;
    }
}

// A number field emptied while edited keeps its last value underneath (ImGui applies only text
// that parses): its line must say it is empty, not name that value's problem.
TEST_F(Views, controls_first_drawn_zero_pixels_wide_lay_out_as_usual_once_they_have_room) {
    const aio::demos::Demo& d = *aio::demos::find_demo("count");
    const PlaygroundState idle;
    const auto last_row_at = [&](views::ControlsView& controls) {
        draw([&] { views::draw_controls(idle, controls, untouchable()); });
        return views::landmarks().at("param:" + d.params.back().name).y;
    };
    views::ControlsView fresh;
    fresh.edited = aio::demos::resolve_params(d, {});
    const float usual = last_row_at(fresh);
    views::ControlsView hidden;   // as in an iframe that is display:none while the page starts
    hidden.edited = fresh.edited;
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 size = io.DisplaySize;
    io.DisplaySize = ImVec2(1, size.y);
    last_row_at(hidden);
    io.DisplaySize = size;
    EXPECT_FLOAT_EQ(last_row_at(hidden), usual);
}

TEST_F(Views, a_fraction_typed_in_a_whole_number_field_is_named_as_it_is_typed) {
    const aio::demos::Demo& d = *aio::demos::find_demo("count");
    const PlaygroundState idle;
    views::ControlsView controls;
    controls.edited = aio::demos::resolve_params(d, {});
    const auto frame = [&] { return draw([&] { views::draw_controls(idle, controls, untouchable()); }); };
    frame();
    ImGuiIO& io = ImGui::GetIO();
    const views::Rect field = views::landmarks().at("param:n");
    io.MousePos = ImVec2(field.x + field.w / 2, field.y + field.h / 2);
    io.MouseDown[0] = true;
    frame();   // the click selects the field's text: what is typed replaces it
    io.MouseDown[0] = false;
    frame();
    for (const char c : std::string("3.5")) io.AddInputCharacter(static_cast<unsigned>(c));
    const std::string text = frame();
    EXPECT_TRUE(has(text, "n: '3.5' is not a whole number")) << text;
}

TEST_F(Views, an_emptied_number_field_says_it_is_empty_not_its_last_values_problem) {
    const aio::demos::Demo& d = *aio::demos::all_demos()[0];
    const auto p = std::find_if(d.params.begin(), d.params.end(), [](const aio::demos::Param& q) { return q.kind == aio::demos::Param::Kind::Int; });
    ASSERT_NE(p, d.params.end());
    const int64_t over = static_cast<int64_t>(p->max) + 1;
    const PlaygroundState idle;
    views::ControlsView controls;
    controls.edited = aio::demos::resolve_params(d, {});
    controls.edited[p->name] = over;
    const auto frame = [&] { return draw([&] { views::draw_controls(idle, controls, untouchable()); }); };
    const std::string stale = "got " + std::to_string(over);
    ASSERT_TRUE(has(frame(), stale));

    // Click into the field (which selects its text), then Delete.
    ImGuiIO& io = ImGui::GetIO();
    const views::Rect field = views::landmarks().at("param:" + p->name);
    io.MousePos = ImVec2(field.x + field.w / 2, field.y + field.h / 2);
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
    io.KeyMap[ImGuiKey_Delete] = 1;
    io.KeysDown[1] = true;
    frame();
    io.KeysDown[1] = false;
    const std::string text = frame();
    EXPECT_TRUE(has(text, p->name + " is empty")) << text;
    EXPECT_FALSE(has(text, stale)) << text;
    EXPECT_EQ(std::get<int64_t>(controls.edited.at(p->name)), over) << "the value underneath is unchanged";
}

}  // namespace

// The task table's columns keep the widths they start with: a run whose tasks wait on long
// descriptions (a fetch's URL) must not leave every later run's name column squeezed.
TEST_F(Views, task_table_id_column_grows_to_the_largest_id) {
    aio::testing::DemoRecording r(*aio::demos::find_demo("count"), {{"n", int64_t{10000}}});
    // The table first meets the run with one task, as the page does when a run starts.
    draw([&] { views::draw_task_table(r.look()); });
    for (int i = 0; i < 3; ++i) r.step();
    const PlaygroundState& s = r.look();
    ImGuiTable* table = nullptr;
    for (int frame = 0; frame < 3; ++frame)
        draw([&] {
            views::draw_task_table(s);
            table = ImGui::TableFindByID(ImGui::GetID("tasks"));
        });
    ASSERT_NE(table, nullptr);
    const float widest = ImGui::CalcTextSize(std::to_string(s.snapshot.tasks.back().id).c_str()).x;
    EXPECT_GE(table->Columns[0].WidthGiven + 0.5f, widest) << "id " << s.snapshot.tasks.back().id << " cut";
}

TEST_F(Views, task_table_columns_keep_their_share_from_run_to_run) {
    size_t drawn = 0;
    for_each_moment([&](const PlaygroundState& s, const std::string& where) {
        if (s.snapshot.tasks.empty()) return;
        ImGuiTable* table = nullptr;
        draw([&] {
            views::draw_task_table(s);
            table = ImGui::TableFindByID(ImGui::GetID("tasks"));
        });
        ASSERT_NE(table, nullptr) << where;
        const float name = table->Columns[1].WidthGiven, stack = table->Columns[4].WidthGiven;
        EXPECT_GT(name, 100.0f) << where << ": the name column squeezed to " << name << " px";
        EXPECT_LT(stack, 3.0f * name) << where << ": await stack " << stack << " px beside name " << name << " px";
        ++drawn;
    });
    EXPECT_GT(drawn, 10u);
}

TEST_F(Views, explain_tells_every_account_up_to_the_time_shown) {
    size_t told = 0;
    for_each_moment([&](const PlaygroundState& s, const std::string& where) {
        views::ExplainView explain;
        std::string text = draw([&] { views::draw_explain(s, explain); });
        std::replace(text.begin(), text.end(), '\n', ' ');   // wrapped lines read on as one text
        ASSERT_EQ(explain.rows.size(), s.narration.size()) << where;
        if (s.narration.empty()) return;
        const aio::page::Account& latest = s.narration.back();
        EXPECT_TRUE(has(text, aio::page::heading(latest))) << where;
        for (const std::string& sentence : latest.sentences) EXPECT_TRUE(has(text, sentence)) << where << ": " << sentence;
        EXPECT_TRUE(views::landmarks().count("explain:latest")) << where;
        told += s.narration.size();
    });
    EXPECT_GT(told, 0u);
}

// A short view: it follows the latest account, until the reader scrolls back; then new accounts
// leave the reader where they are.
TEST_F(Views, explain_follows_the_latest_account_until_scrolled_back) {
    ImGui::GetIO().DisplaySize = ImVec2(400, 200);
    aio::testing::DemoRecording r(*aio::demos::find_demo("queue"));
    for (int i = 0; i < 16; ++i) r.step();
    views::ExplainView explain;
    bool back = false;
    auto frame = [&] {
        return draw([&] {
            if (back) ImGui::GetCurrentWindow()->Scroll.y = 0;   // as the wheel scrolls: at once
            back = false;
            views::draw_explain(r.state, explain);
        });
    };
    r.look();
    frame();
    std::string text = frame();
    EXPECT_TRUE(has(text, aio::page::heading(r.state.narration.back()))) << "it follows the latest";
    EXPECT_FALSE(has(text, aio::page::heading(r.state.narration.front()))) << "the first accounts are scrolled away";
    back = true;
    frame();
    r.step();
    r.step();
    r.look();
    text = frame();
    EXPECT_TRUE(has(text, aio::page::heading(r.state.narration.front()))) << "scrolled back, it stays back";
    EXPECT_FALSE(has(text, aio::page::heading(r.state.narration.back())));
    EXPECT_EQ(explain.rows.size(), r.state.narration.size());
    // Its Latest button brings it back to the moment shown, and it follows again.
    ASSERT_TRUE(views::landmarks().count("explain:to-latest"));
    const views::Rect latest = views::landmarks().at("explain:to-latest");
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(latest.x + latest.w / 2, latest.y + latest.h / 2);
    for (const bool down : {true, false}) {
        io.MouseDown[0] = down;
        frame();
    }
    text = frame();
    EXPECT_TRUE(has(text, aio::page::heading(r.state.narration.back()))) << "back at the latest";
    EXPECT_FALSE(views::landmarks().count("explain:to-latest")) << "following: no button";
}

// A popup's first frame is laid out unseen, at a place it leaves the next frame: its widgets'
// landmarks wait until it shows, so a test never clicks where a list item was not drawn.
TEST_F(Views, a_popup_notes_its_landmarks_only_once_it_shows) {
    std::vector<bool> noted;
    for (int frame = 0; frame < 3; ++frame) {
        ImGui::NewFrame();
        ImGui::Begin("view", nullptr, ImGuiWindowFlags_NoDecoration);
        if (frame == 0) ImGui::OpenPopup("list");
        if (ImGui::BeginPopup("list")) {
            ImGui::Selectable("an item");
            views::note_landmark("item");
            ImGui::EndPopup();
        }
        ImGui::End();
        ImGui::Render();
        noted.push_back(views::landmarks().count("item") == 1);
    }
    EXPECT_EQ(noted, (std::vector<bool>{false, true, true}));
}

using CountAsleep = aio::testing::CountAsleep;

TEST_F(CountAsleep, under_reduced_motion_a_followed_timeline_rescales_in_one_two_five_steps) {
    const PlaygroundState& s = asleep();
    std::set<double> ends;
    for (bool reduce : {false, true}) {
        views::set_reduced_motion(reduce);
        views::TimelineView tl;
        draw([&] { views::draw_timeline(s, tl); });
        const double mantissa = tl.view_end / std::pow(10.0, std::floor(std::log10(tl.view_end)));
        const bool stepped = std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 || std::abs(mantissa - 5) < 1e-9;
        EXPECT_EQ(stepped, reduce) << "view end " << tl.view_end << (reduce ? " under" : " without") << " reduced motion";
        ends.insert(tl.view_end);
    }
    views::set_reduced_motion(false);
    EXPECT_EQ(ends.size(), 2u);
}
