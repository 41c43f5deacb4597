// The timeline: one row per task, a span per state, waits coloured by what they wait on, a
// cursor at the loop's time. Wheel zooms around the pointer, dragging pans; hovering a span
// tells what it was. Only visible rows and spans are drawn.
#include "playground/views/views.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <utility>

namespace aio::views {

namespace {

// Okabe-Ito colours: waits by kind, and running/ready.
ImU32 span_colour(TaskState s, WaitKind w) {
    auto rgb = [](int r, int g, int b) { return IM_COL32(r, g, b, 255); };
    if (s == TaskState::Running) return rgb(0, 158, 115);
    if (s == TaskState::Ready || s == TaskState::Pending) return rgb(240, 228, 66);
    if (s != TaskState::Waiting) return rgb(120, 120, 120);
    switch (w) {
        case WaitKind::Sleep: return rgb(86, 180, 233);
        case WaitKind::QueueGet: case WaitKind::QueuePut: case WaitKind::QueueJoin: return rgb(230, 159, 0);
        case WaitKind::Fetch: return rgb(204, 121, 167);
        case WaitKind::Task: case WaitKind::Gather: case WaitKind::TaskGroup: case WaitKind::AsCompleted:
        case WaitKind::Shield: case WaitKind::WaitFor: return rgb(0, 114, 178);
        default: return rgb(213, 94, 0);
    }
}

struct Span {
    Time from, to;
    TaskState state;
    WaitKind wait;
};

// The legend flows onto more lines on a narrow screen.
void same_line_if_fits(float width) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

// Scales the visible span by f (< 1 zooms in), keeping loop time `at` where it is on screen.
void zoom(TimelineState& tl, double at, double f) {
    tl.view_start = at - (at - tl.view_start) * f;
    tl.view_end = at + (tl.view_end - at) * f;
}
}  // namespace

void draw_timeline(const Snapshot& snap, const std::vector<TraceEvent>& events, TimelineState& tl) {
    if (snap.tasks.empty()) {
        ImGui::TextWrapped("Press Run (or R): each task gets a row here, coloured by what it is doing over loop time.");
        return;
    }
    const Time end = std::max(snap.time, 1e-3);
    if (tl.follow || tl.view_end <= tl.view_start) {
        tl.view_start = 0;
        tl.view_end = end * 1.05;
    }
    ImGui::Checkbox("follow", &tl.follow);
    // Buttons zoom around the middle, for touch screens and anyone without a wheel.
    for (const auto& [label, f] : {std::pair{"-", 1.5}, std::pair{"+", 1 / 1.5}}) {
        ImGui::SameLine();
        if (ImGui::Button(label)) {
            tl.follow = false;
            zoom(tl, (tl.view_start + tl.view_end) / 2, f);
        }
    }
    struct Key { const char* label; TaskState s; WaitKind w; };
    for (const Key& k : {Key{"sleep", TaskState::Waiting, WaitKind::Sleep}, Key{"queue", TaskState::Waiting, WaitKind::QueueGet},
                         Key{"fetch", TaskState::Waiting, WaitKind::Fetch}, Key{"task/gather", TaskState::Waiting, WaitKind::Gather},
                         Key{"other wait", TaskState::Waiting, WaitKind::Event}, Key{"running", TaskState::Running, WaitKind::None},
                         Key{"ready", TaskState::Ready, WaitKind::None}}) {
        same_line_if_fits(ImGui::CalcTextSize(k.label).x + ImGui::CalcTextSize("# ").x);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(span_colour(k.s, k.w)), "# %s", k.label);
    }
    const char* hint = "  Ctrl+wheel: zoom, drag: pan";
    same_line_if_fits(ImGui::CalcTextSize(hint).x);
    ImGui::TextDisabled("%s", hint);

    const float row_h = ImGui::GetTextLineHeightWithSpacing();
    const float name_w = 120.0f;
    // The wheel scrolls the rows; with Ctrl it zooms instead (and the rows stay put).
    ImGuiIO& io = ImGui::GetIO();
    ImGui::BeginChild("rows", ImVec2(0, 0), false, ImGuiWindowFlags_NoMove | (io.KeyCtrl ? ImGuiWindowFlags_NoScrollWithMouse : 0));
    const float width = std::max(50.0f, ImGui::GetContentRegionAvail().x - name_w);
    const double scale = width / (tl.view_end - tl.view_start);   // pixels per second
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // Spans per task from the recorded state changes (the oldest may have left the ring), only
    // for the rows on screen: rows are in id order, so those are one range of ids.
    std::unordered_map<uint32_t, std::vector<Span>> spans;
    if (!snap.tasks.empty()) {
        const auto row_at = [&](float y) {
            return std::clamp<size_t>(static_cast<size_t>(std::max(0.0f, y / row_h)), 0, snap.tasks.size() - 1);
        };
        const uint32_t lo = snap.tasks[row_at(ImGui::GetScrollY() - row_h)].id;
        const uint32_t hi = snap.tasks[row_at(ImGui::GetScrollY() + ImGui::GetWindowHeight() + row_h)].id;
        for (const TraceEvent& e : events) {
            if (e.task < lo || e.task > hi) continue;
            auto& v = spans[e.task];
            if (!v.empty()) v.back().to = e.time;
            if (e.to < TaskState::Done) v.push_back({e.time, snap.time, e.to, e.wait});
        }
    }

    bool dragging_rows = false;   // a drag that began on a row pans
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(snap.tasks.size()), row_h);
    while (clip.Step()) {
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const TaskView& t = snap.tasks[static_cast<size_t>(i)];
            const ImVec2 p = ImGui::GetCursorScreenPos();
            ImGui::TextUnformatted(t.name.c_str());
            ImGui::SameLine(name_w);
            ImGui::InvisibleButton(("row" + std::to_string(t.id)).c_str(), ImVec2(width, row_h - 2));
            dragging_rows |= ImGui::IsItemActive();
            const float x0 = p.x + name_w;
            auto it = spans.find(t.id);
            if (it == spans.end()) continue;
            for (const Span& s : it->second) {
                if (s.to < tl.view_start || s.from > tl.view_end) continue;   // off screen
                const float a = x0 + static_cast<float>((std::max(s.from, tl.view_start) - tl.view_start) * scale);
                const float b = x0 + static_cast<float>((std::min(s.to, tl.view_end) - tl.view_start) * scale);
                const ImVec2 lo(a, p.y + 2), hi(std::max(b, a + 1.0f), p.y + row_h - 3);
                dl->AddRectFilled(lo, hi, span_colour(s.state, s.wait));
                if (ImGui::IsMouseHoveringRect(lo, hi))
                    ImGui::SetTooltip("%s: %s%s%s\n%.3f .. %.3f s", t.name.c_str(), to_string(s.state),
                                      s.wait != WaitKind::None ? " on " : "", to_string(s.wait), s.from, s.to);
            }
        }
    }
    // The cursor at the loop's time.
    const ImVec2 win = ImGui::GetWindowPos();
    const float cx = win.x + name_w + static_cast<float>((snap.time - tl.view_start) * scale);
    dl->AddLine(ImVec2(cx, win.y), ImVec2(cx, win.y + ImGui::GetWindowHeight()), IM_COL32(255, 255, 255, 160), 1.5f);

    if (ImGui::IsWindowHovered()) {
        if (io.KeyCtrl && io.MouseWheel != 0) {   // zoom around the pointer
            tl.follow = false;
            zoom(tl, tl.view_start + (io.MousePos.x - win.x - name_w) / scale, io.MouseWheel > 0 ? 0.8 : 1.25);
        }
    }
    if (dragging_rows && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        tl.follow = false;
        const double dt = -io.MouseDelta.x / scale;
        tl.view_start += dt;
        tl.view_end += dt;
    }
    ImGui::EndChild();
    note_landmark("timeline");
}

}  // namespace aio::views
