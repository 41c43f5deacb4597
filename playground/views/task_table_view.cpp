// The task table: one row per task with its state (a letter as well as a colour), what it waits
// on and how long it has left, its await stack and its result. Rows are clipped, so thousands of
// tasks cost only the visible ones. Times move with `now` between loop iterations.
#include "playground/views/palette.hpp"
#include "playground/views/views.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>

namespace aio::views {

namespace {
// "W 4.00  R 0.00": the states a task has been in, by letter, with the loop seconds spent there;
// a live task's current state counts on up to the time shown.
std::string time_in_states(const TaskView& t, const page::PlaygroundState& state) {
    std::string out;
    for (int s = 0; s < kTaskStateCount; ++s) {
        const auto ts = static_cast<TaskState>(s);
        if (t.time_in[s] <= 0 && ts != t.state) continue;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%s%s %.2f", out.empty() ? "" : "  ", state_letter(ts),
                      page::seconds_in(t, ts, state.time));
        out += buf;
    }
    return out;
}

// A swatch of the state's colour, then its letter and name in the text colour, so the state reads
// in either theme and without colour.
void state_badge(TaskState s) {
    swatch(state_colour(s, current_theme()));
    ImGui::Text("%s %s", state_letter(s), to_string(s));
}

// What the letters of "time in each state" stand for, on hover.
void legend_tooltip() {
    if (!ImGui::IsItemHovered() || !begin_tooltip()) return;
    for (int s = 0; s < kTaskStateCount; ++s) state_badge(static_cast<TaskState>(s));
    end_tooltip();
}

// A row with the keyboard focus tells all of itself, as hovering its cut-off cells does.
void row_tooltip(const TaskView& t, const std::string& waiting, const std::string& stack, const std::string& times) {
    tooltip("%s (task %u): %s %s\nwaiting on: %s\nawait stack: %s\nresult: %s\ntime in each state (s): %s", t.name.c_str(), t.id,
            state_letter(t.state), to_string(t.state), waiting.empty() ? "-" : waiting.c_str(), stack.empty() ? "-" : stack.c_str(),
            t.result.empty() ? "-" : t.result.c_str(), times.c_str());
}

}  // namespace

void draw_task_table(const page::PlaygroundState& state, TaskTableView* view, const Commands* commands) {
    if (view && view->run != state.run) *view = {.selected = 0, .run = state.run};   // a new run's tasks are others
    const Snapshot& snap = state.snapshot;
    const Time now = state.time;
    if (snap.tasks.empty()) {
        ImGui::TextWrapped("No tasks yet. Press Run (or R): every task the demo creates appears here, "
                           "with what it is waiting on, live.");
        return;
    }
    const ImGuiTableFlags flags = list_table_flags();
    const bool narrow = flags & ImGuiTableFlags_ScrollX;
    // A line kept under the table for its Legend button.
    if (!ImGui::BeginTable("tasks", 7, flags, ImVec2(0, -ImGui::GetFrameHeightWithSpacing()))) return;
    ImGui::TableSetupScrollFreeze(narrow ? 2 : 0, 1);   // id and name stay in view
    // As wide as the largest id, not the ids on screen: scrolled to Task-10000, ids were cut to "10".
    const std::string widest = std::to_string(snap.tasks.back().id);   // tasks are sorted by id
    ImGui::TableSetupColumn("id", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoResize,
                            ImGui::CalcTextSize(widest.c_str()).x);
    // Wide: fixed weights, as ImGui would otherwise weigh columns by the first rows it meets and
    // keep that for the page's life (a crawl's long waits squeezed every later run's names).
    // Narrow: 0, each column fits its contents and the table scrolls sideways.
    const auto weight = [narrow](float w) { return narrow ? 0.0f : w; };
    ImGui::TableSetupColumn("name", 0, weight(1.0f));
    ImGui::TableSetupColumn("state", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("C cancelled").x + ImGui::GetTextLineHeight());
    ImGui::TableSetupColumn("waiting on", 0, weight(1.5f));
    ImGui::TableSetupColumn("await stack", 0, weight(2.0f));
    ImGui::TableSetupColumn("result", 0, weight(1.0f));
    ImGui::TableSetupColumn("time in each state (s)", 0, weight(2.0f));
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < 7; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        ImGui::TableHeader(ImGui::TableGetColumnName(c));
        if (c == 6) {
            note_landmark("tasks:time-in-states");
            legend_tooltip();
        }
    }
    bool noted_left = false;
    bool take_focus = view_focus_here();
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(snap.tasks.size()));
    while (clip.Step()) {
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const TaskView& t = snap.tasks[static_cast<size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (std::exchange(take_focus, false)) ImGui::SetKeyboardFocusHere();
            bool clicked = false;
            const bool focused = focusable_row("##task" + std::to_string(t.id), view && view->selected == t.id, &clicked);
            if (clicked && view) view->selected = view->selected == t.id ? 0 : t.id;
            note_landmark("task:" + std::to_string(t.id));   // the rows on screen, for tests
            if (focused) note_landmark("tasks:focused");
            ImGui::Text("%u", t.id);
            ImGui::TableNextColumn();
            clipped_text(t.name);
            ImGui::TableNextColumn();
            state_badge(t.state);
            ImGui::TableNextColumn();
            std::string waiting = t.waiting_on;
            if (t.until >= 0) {
                char left[32];
                std::snprintf(left, sizeof left, "  %.2f s left", std::max(0.0, t.until - now));
                waiting += left;
                clipped_text(waiting);
                if (!noted_left) note_landmark("time_left");   // the first one shown, for tests
                noted_left = true;
            } else {
                clipped_text(waiting);
            }
            ImGui::TableNextColumn();
            std::string stack;
            for (const std::string& f : t.stack) stack += (stack.empty() ? "" : " -> ") + f;
            clipped_text(stack);
            ImGui::TableNextColumn();
            clipped_text(t.result);
            ImGui::TableNextColumn();
            const std::string times = time_in_states(t, state);
            ImGui::TextUnformatted(times.c_str());
            legend_tooltip();
            if (focused) row_tooltip(t, waiting, stack, times);
        }
    }
    ImGui::EndTable();
    legend_button("tasks:legend");
    // The selected task's changes, one at a time through the run's recording.
    const TaskView* chosen = view && commands && view->selected ? snap.task(view->selected) : nullptr;
    if (!chosen) return;
    // Arrows the page's fonts have (they are cut to Latin-1, dashes, quotes and arrows).
    const std::string prev = "\u2190 " + chosen->name + "'s previous change###task-prev";
    const std::string next = chosen->name + "'s next change \u2192###task-next";
    same_line_if_fits(button_width(prev.c_str()));
    if (ImGui::Button(prev.c_str())) commands->seek_task_change(chosen->id, -1);
    note_landmark("task-prev");
    same_line_if_fits(button_width(next.c_str()));
    if (ImGui::Button(next.c_str())) commands->seek_task_change(chosen->id, 1);
    note_landmark("task-next");
}

}  // namespace aio::views
