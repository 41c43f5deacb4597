// The timeline: one row per task, a span per state, waits coloured by what they wait on, a time
// axis and a line at the loop's time now, which the live tasks' spans reach. Wheel zooms around
// the pointer, dragging pans; hovering a span tells what it was. Only visible rows and spans are
// drawn, from the spans the trace keeps, and spans narrower than a pixel fold into one block.
#include "playground/views/palette.hpp"
#include "playground/views/time_axis.hpp"
#include "playground/views/timeline_layout.hpp"
#include "playground/views/views.hpp"
#include "runtime/record_as_of.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>
#include <utility>

namespace aio::views {

namespace {

// The smallest 1, 2 or 5 times a power of ten at or above `t` (seconds, > 0).
double step_above(double t) {
    double step = std::pow(10.0, std::floor(std::log10(t)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (step * m >= t * (1 - 1e-9)) return step * m;
    return step * 10;
}

// Scales the visible span by f (< 1 zooms in), keeping loop time `at` where it is on screen.
void zoom(TimelineView& tl, double at, double f) {
    tl.view_start = at - (at - tl.view_start) * f;
    tl.view_end = at + (tl.view_end - at) * f;
}
// The time axis above the rows: a labelled tick per step, and "now" marked where it is, with
// its time in the name column so it reads even when now is off screen.
void draw_axis(const std::vector<Tick>& ticks, double view_start, double scale, float name_w, float width, Time now,
               ImU32 now_colour) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight() + 6;
    const float x0 = p.x + name_w;
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    dl->AddLine(ImVec2(x0, p.y + h - 1), ImVec2(x0 + width, p.y + h - 1), ink);
    for (const Tick& t : ticks) {
        const float x = x0 + static_cast<float>((t.time - view_start) * scale);
        dl->AddLine(ImVec2(x, p.y + h - 5), ImVec2(x, p.y + h - 1), ink);
        const float w = ImGui::CalcTextSize(t.label.c_str()).x;
        dl->AddText(ImVec2(x0 + static_cast<float>(label_left(x - x0, w, width)), p.y), ink, t.label.c_str());
    }
    char label[32];
    std::snprintf(label, sizeof label, "now %.2f s", now);
    dl->AddText(p, now_colour, label);
    const float nx = x0 + static_cast<float>((now - view_start) * scale);
    if (nx >= x0 && nx <= x0 + width)   // a notch pointing down at the now line
        dl->AddTriangleFilled(ImVec2(nx - 5, p.y + h - 7), ImVec2(nx + 5, p.y + h - 7), ImVec2(nx, p.y + h), now_colour);
    ImGui::Dummy(ImVec2(name_w + width, h));
}

constexpr float kHatchStep = 6, kHatchWidth = 1.5f;   // pixels: stripe to stripe, and a stripe's width

// The start of a row whose oldest spans the trace dropped (its span budget), hatched from when the
// task was made to where what is kept begins, so the row does not lie empty without a word.
void draw_dropped(const TaskView& t, Time from, Time to, const Trace& trace, float x0, float x1, ImVec2 top, float h, Theme theme) {
    if (x1 - x0 < 4) x1 = x0 + 4;   // a sliver at this zoom: still seen, and still hovered
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 lo(top.x + x0, top.y + 2), hi(top.x + x1, top.y + h - 3);
    const Colour ink = dropped_colour(theme);
    dl->PushClipRect(lo, hi, true);
    // Stripes written as plain quads in one reservation: thousands of anti-aliased lines (one
    // every few pixels of every row of a long run) cost more than the rest of the timeline.
    const float rise = hi.y - lo.y, start = lo.x - rise;
    const int stripes = static_cast<int>((hi.x - start) / kHatchStep) + 1;
    dl->PrimReserve(stripes * 6, stripes * 4);
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    for (int i = 0; i < stripes; ++i) {
        const float x = start + static_cast<float>(i) * kHatchStep;
        dl->PrimQuadUV(ImVec2(x, hi.y), ImVec2(x + kHatchWidth, hi.y), ImVec2(x + kHatchWidth + rise, lo.y), ImVec2(x + rise, lo.y),
                       uv, uv, uv, uv, ink);
    }
    const char* label = "older history dropped";
    if (ImGui::CalcTextSize(label).x + 8 < hi.x - lo.x) dl->AddText(ImVec2(lo.x + 4, lo.y), ImGui::GetColorU32(ImGuiCol_Text), label);
    dl->PopClipRect();
    note_landmark("timeline:dropped:" + t.name, Rect{lo.x, lo.y, hi.x - lo.x, hi.y - lo.y});
    if (ImGui::IsMouseHoveringRect(lo, hi))
        tooltip("%s: older history dropped, %.3f .. %.3f s\nThe timeline keeps the run's latest %zu spans; this task's before %.3f s are gone.",
                          t.name.c_str(), from, to, trace.span_budget(), to);
}
}  // namespace

void draw_timeline(const page::PlaygroundState& state, TimelineView& tl) {
    const Snapshot& snap = state.snapshot;
    const Time now = state.time;
    const Theme theme = current_theme();
    // The last run's zoom and scroll could leave a new run's bars off screen.
    if (tl.run != state.run) tl = TimelineView{.run = state.run};
    // This frame's keys, taken whether or not there is anything to show yet.
    const int key_zoom = std::exchange(tl.key_zoom, 0), key_pan = std::exchange(tl.key_pan, 0);
    if (std::exchange(tl.key_follow, false)) tl.follow = true;
    if (snap.tasks.empty() || !state.history) {
        ImGui::TextWrapped("Press Run (or R): each task gets a row here, coloured by what it is doing over loop time.");
        return;
    }
    // Following shows the run so far and up to the next timer, which now cannot pass before the
    // loop moves: between iterations the scale holds still and the now line walks towards it.
    Time end = std::max(now, 1e-3);
    if (!snap.timers.empty()) end = std::max(end, snap.timers.front().when);
    if (tl.follow || tl.view_end <= tl.view_start) {
        tl.view_start = 0;
        // Reduced motion: the scale jumps to the next 1-2-5 step, rather than shrinking every frame.
        tl.view_end = reduced_motion() ? step_above(end * 1.05) : end * 1.05;
    }
    if (key_pan) {
        tl.follow = false;
        const double dt = (tl.view_end - tl.view_start) * 0.1 * key_pan;
        tl.view_start += dt;
        tl.view_end += dt;
    }
    ImGui::Checkbox("follow", &tl.follow);
    note_landmark(tl.follow ? "timeline:follow:on" : "timeline:follow:off");
    // Buttons (and + and - keys) zoom around the middle, for touch screens and anyone without a wheel.
    for (const auto& [label, f, key] : {std::tuple{"-", 1.5, -1}, std::tuple{"+", 1 / 1.5, 1}}) {
        same_line_if_fits(button_width(label));
        if (ImGui::Button(label) || key_zoom == key) {
            tl.follow = false;
            zoom(tl, (tl.view_start + tl.view_end) / 2, f);
        }
    }
    // The key: each colour a span can take, from the palette's legend.
    for (const LegendRow& row : legend_rows(theme)) {
        if (row.state != TaskState::Running && row.state != TaskState::Ready && row.state != TaskState::Pending && row.wait == WaitKind::None)
            continue;
        same_line_if_fits(ImGui::GetTextLineHeight() + ImGui::CalcTextSize(row.name).x + ImGui::GetStyle().ItemSpacing.x);
        swatch(row.colour);
        ImGui::TextUnformatted(row.name);
    }
    same_line_if_fits(ImGui::CalcTextSize("Legend").x + ImGui::GetStyle().FramePadding.x * 2);
    legend_button("timeline:legend");
    const char* hint = tl.touch ? "  -/+ buttons: zoom, drag: pan" : "  Ctrl+wheel or +/-: zoom, drag or \u2190/\u2192: pan";
    same_line_if_fits(ImGui::CalcTextSize(hint).x);
    ImGui::TextDisabled("%s", hint);
    note_landmark(tl.touch ? "timeline:hint-touch" : "timeline:hint-wheel");

    const float row_h = ImGui::GetTextLineHeightWithSpacing();
    const float name_w = 120.0f;
    // The rows' scrollbar is always allowed for, so the axis and the rows share one scale.
    const float width = std::max(50.0f, ImGui::GetContentRegionAvail().x - name_w - ImGui::GetStyle().ScrollbarSize);
    const double scale = width / (tl.view_end - tl.view_start);   // pixels per second
    const std::vector<Tick> ticks = labelled_ticks(tl.view_start, tl.view_end, width,
                                                   [](const std::string& label) { return ImGui::CalcTextSize(label.c_str()).x; });
    const ImU32 now_colour = ImGui::GetColorU32(ImGuiCol_Text);
    const float axis_x0 = ImGui::GetCursorScreenPos().x + name_w;
    draw_axis(ticks, tl.view_start, scale, name_w, width, now, now_colour);

    // The wheel scrolls the rows; with Ctrl it zooms instead (and the rows stay put).
    ImGuiIO& io = ImGui::GetIO();
    ImGui::BeginChild("rows", ImVec2(0, 0), false, ImGuiWindowFlags_NoMove | (io.KeyCtrl ? ImGuiWindowFlags_NoScrollWithMouse : 0));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 win = ImGui::GetWindowPos();
    const float win_h = ImGui::GetWindowHeight();
    for (const Tick& t : ticks) {   // a faint grid under the spans
        const float x = axis_x0 + static_cast<float>((t.time - tl.view_start) * scale);
        dl->AddLine(ImVec2(x, win.y), ImVec2(x, win.y + win_h), ImGui::GetColorU32(ImGuiCol_Separator, 0.35f));
    }

    bool dragging_rows = false;   // a drag that began on a row or below them pans
    const RowWindow window{.start = tl.view_start, .end = tl.view_end, .width = width, .now = now};
    static std::vector<RowBlock> blocks;   // reused row after row, frame after frame
    bool take_focus = view_focus_here();
    tl.focused = false;
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(snap.tasks.size()), row_h);
    while (clip.Step()) {
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const TaskView& t = snap.tasks[static_cast<size_t>(i)];
            const ImVec2 p = ImGui::GetCursorScreenPos();
            ImGui::TextUnformatted(t.name.c_str());
            ImGui::SameLine(name_w);
            if (std::exchange(take_focus, false)) ImGui::SetKeyboardFocusHere();
            ImGui::InvisibleButton(("row" + std::to_string(t.id)).c_str(), ImVec2(width, row_h - 2));
            dragging_rows |= ImGui::IsItemActive();
            // A row with the keyboard focus: its task's state now, and the keys that move the view.
            const bool focused = keyboard_focused();
            const ImVec2 row_lo = ImGui::GetItemRectMin(), row_hi = ImGui::GetItemRectMax();
            if (focused) {
                tl.focused = true;
                note_landmark("timeline:focused");
                next_tooltip_clear_of({row_lo.x, row_lo.y, row_hi.x - row_lo.x, row_hi.y - row_lo.y});
                tooltip("%s: %s%s%s since %.3f s\n\u2190/\u2192 show earlier/later, +/- zoom, Home follows the run", t.name.c_str(),
                        to_string(t.state), t.wait != WaitKind::None ? " on " : "", t.wait != WaitKind::None ? to_string(t.wait) : "", t.since);
            }
            const TaskRecord* r = state.history->task(t.id);
            // Only the spans recorded by the snapshot's time: the trace may have recorded on since.
            const TaskSpanView kept = r ? spans_as_of(*state.history, *r, t) : TaskSpanView();
            // A live task whose spans have all been dropped (over the trace's budget) still shows its state now.
            const TaskSpan current[] = {{t.since, t.since, t.state, t.wait}};
            const TaskSpanView spans = !kept.empty()                   ? kept
                                       : t.state < TaskState::Done ? TaskSpanView(current)
                                                                   : TaskSpanView();
            layout_row(spans, window, blocks);
            if (const Time lost = r ? spans_dropped_until(*state.history, *r, t) : -1; lost >= 0) {
                const Time to = std::min(lost, now);
                const auto x = [&](Time at) { return static_cast<float>(std::clamp((at - tl.view_start) * scale, 0.0, double(width))); };
                if (to >= tl.view_start && t.created <= tl.view_end)
                    draw_dropped(t, t.created, to, *state.history, x(t.created), x(to), ImVec2(axis_x0, p.y), row_h, theme);
            }
            for (const RowBlock& b : blocks) {
                const ImVec2 lo(axis_x0 + b.x0, p.y + 2), hi(axis_x0 + std::max(b.x1, b.x0 + 1.0f), p.y + row_h - 3);
                dl->AddRectFilled(lo, hi, span_colour(b.state, b.wait, theme));
                if (!ImGui::IsMouseHoveringRect(lo, hi)) continue;
                if (b.count > 1)
                    tooltip("%s: %zu spans, mostly %s%s%s (zoom in to see each)\n%.3f .. %.3f s", t.name.c_str(), b.count,
                                      to_string(b.state), b.wait != WaitKind::None ? " on " : "", to_string(b.wait), b.start, b.end);
                else
                    tooltip("%s: %s%s%s\n%.3f .. %.3f s", t.name.c_str(), to_string(b.state),
                                      b.wait != WaitKind::None ? " on " : "", to_string(b.wait), b.start, b.end);
            }
            // InvisibleButton draws no focus frame of its own: one over the spans.
            if (focused) dl->AddRect(row_lo, row_hi, ImGui::GetColorU32(ImGuiCol_NavHighlight), 0, 0, 2);
        }
    }
    // The room below the last row pans too: with few tasks it is most of the view.
    const ImVec2 below = ImGui::GetContentRegionAvail();
    if (below.x > 0 && below.y > 0) {
        ImGui::InvisibleButton("below rows", below);
        dragging_rows |= ImGui::IsItemActive();
    }
    // The now line, at the loop's time as it shows now (past the snapshot between iterations).
    const float cx = axis_x0 + static_cast<float>((now - tl.view_start) * scale);
    if (cx >= axis_x0 && cx <= axis_x0 + width) dl->AddLine(ImVec2(cx, win.y), ImVec2(cx, win.y + win_h), now_colour, 1.5f);

    if (ImGui::IsWindowHovered()) {
        if (io.KeyCtrl && io.MouseWheel != 0) {   // zoom around the pointer
            tl.follow = false;
            zoom(tl, tl.view_start + (io.MousePos.x - axis_x0) / scale, io.MouseWheel > 0 ? 0.8 : 1.25);
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
