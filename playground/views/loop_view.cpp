// The event loop panel: the iteration, the ready queue, the timers in deadline order and the
// requests in flight. Loop time and each timer's time left move with `now` between iterations.
#include "playground/views/views.hpp"

#include <imgui.h>

#include <algorithm>

namespace aio::views {

namespace {
std::string task_name(const Snapshot& snap, uint32_t id) {
    for (const TaskView& t : snap.tasks)
        if (t.id == id) return t.name;
    return "task " + std::to_string(id);
}
constexpr size_t kShown = 200;   // rows per list: the counts say how many more there are
}  // namespace

void draw_loop(const Snapshot& snap, Time now) {
    ImGui::Text("loop time %.3f s   live tasks %zu", now, snap.live_tasks);
    ImGui::Text("iteration %llu, run at %.3f s", static_cast<unsigned long long>(snap.iteration), snap.time);
    ImGui::Separator();
    ImGui::Text("Ready queue: %zu callbacks (%zu task steps)", snap.ready_callbacks, snap.ready.size());
    for (size_t i = 0; i < std::min(kShown, snap.ready.size()); ++i) ImGui::BulletText("%s", task_name(snap, snap.ready[i]).c_str());
    ImGui::Separator();
    ImGui::Text("Timers: %zu, earliest first", snap.timer_count);
    for (size_t i = 0; i < std::min(kShown, snap.timers.size()); ++i) {
        const TimerView& t = snap.timers[i];
        const double left = std::max(0.0, t.when - now);
        if (t.task) ImGui::BulletText("%.3f  (%.2f s left)  %s  (%s)", t.when, left, t.what.c_str(), task_name(snap, t.task).c_str());
        else ImGui::BulletText("%.3f  (%.2f s left)  %s", t.when, left, t.what.c_str());
        if (i == 0) note_landmark("timer_left");   // for tests
    }
    ImGui::Separator();
    ImGui::Text("Requests in flight: %zu", snap.fetches.size());
    for (size_t i = 0; i < std::min(kShown, snap.fetches.size()); ++i) {
        const FetchInFlight& f = snap.fetches[i];
        ImGui::BulletText("%s  since %.2f  (%s)", f.url.c_str(), f.started, task_name(snap, f.task).c_str());
    }
}

}  // namespace aio::views
