// The event loop panel: the iteration, the ready queue, the timers in deadline order and the
// requests in flight. Loop time and each timer's time left move with `now` between iterations.
#include "playground/views/palette.hpp"
#include "playground/views/views.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdarg>

namespace aio::views {

namespace {
std::string task_name(const Snapshot& snap, uint32_t id) {
    const TaskView* t = snap.task(id);
    return t ? t->name : "task " + std::to_string(id);
}
constexpr size_t kShown = 200;   // rows per list: the counts say how many more there are

// A list item marked in the colour of what it stands for.
void item(Colour colour, const char* fmt, ...) IM_FMTARGS(2);
void item(Colour colour, const char* fmt, ...) {
    swatch(colour);
    va_list args;
    va_start(args, fmt);
    ImGui::TextV(fmt, args);
    va_end(args);
}

// Rows [0, min(count, kShown)) of a list, drawing only those on screen: 200 timers of a busy run
// are 200 lines of text each frame otherwise.
template <class Row> void list_rows(size_t count, Row&& row) {
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(std::min(kShown, count)));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) row(static_cast<size_t>(i));
}
}  // namespace

void draw_loop(const page::PlaygroundState& state) {
    const Snapshot& snap = state.snapshot;
    const Time now = state.time;
    const Theme theme = current_theme();
    ImGui::Text("loop time %.3f s   live tasks %zu", now, snap.live_tasks);
    ImGui::Text("iteration %llu, run at %.3f s", static_cast<unsigned long long>(snap.iteration), snap.time);
    ImGui::Separator();
    ImGui::Text("Ready queue: %zu callbacks (%zu task steps)", snap.ready_callbacks, snap.ready.size());
    list_rows(snap.ready.size(), [&](size_t i) { item(state_colour(TaskState::Ready, theme), "%s", task_name(snap, snap.ready[i]).c_str()); });
    ImGui::Separator();
    ImGui::Text("Timers: %zu, earliest first", snap.timer_count);
    list_rows(snap.timers.size(), [&](size_t i) {
        const TimerView& t = snap.timers[i];
        const double left = std::max(0.0, t.when - now);
        // In the colour of what its task waits on (a sleep, a fetch), as the task's row is.
        const TaskView* task = t.task ? snap.task(t.task) : nullptr;
        const Colour c = wait_colour(task && task->wait != WaitKind::None ? task->wait : WaitKind::Future, theme);
        if (t.task) item(c, "%.3f  (%.2f s left)  %s  (%s)", t.when, left, t.what.c_str(), task_name(snap, t.task).c_str());
        else item(c, "%.3f  (%.2f s left)  %s", t.when, left, t.what.c_str());
        if (i == 0) note_landmark("timer_left");   // for tests
    });
    ImGui::Separator();
    ImGui::Text("Requests in flight: %zu", snap.fetches.size());
    list_rows(snap.fetches.size(), [&](size_t i) {
        const FetchInFlight& f = snap.fetches[i];
        item(wait_colour(WaitKind::Fetch, theme), "%s  since %.2f  (%s)", f.url.c_str(), f.started, task_name(snap, f.task).c_str());
    });
}

}  // namespace aio::views
