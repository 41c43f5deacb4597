// The task table: one row per task with its state (a letter as well as a colour), what it waits
// on and how long it has left, its await stack and its result. Rows are clipped, so thousands of
// tasks cost only the visible ones. Times move with `now` between loop iterations.
#include "playground/views/views.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace aio::views {

namespace {
struct StateLook {
    const char* letter;
    ImVec4 colour;   // Okabe-Ito: distinguishable with common colour-vision deficiencies
};
StateLook look(TaskState s) {
    switch (s) {
        case TaskState::Pending: return {"P", ImVec4(0.60f, 0.60f, 0.60f, 1)};
        case TaskState::Ready: return {"R", ImVec4(0.94f, 0.89f, 0.26f, 1)};
        case TaskState::Running: return {">", ImVec4(0.00f, 0.62f, 0.45f, 1)};
        case TaskState::Waiting: return {"W", ImVec4(0.34f, 0.71f, 0.91f, 1)};
        case TaskState::Done: return {"D", ImVec4(0.00f, 0.45f, 0.70f, 1)};
        case TaskState::Failed: return {"F", ImVec4(0.84f, 0.37f, 0.00f, 1)};
        case TaskState::Cancelled: return {"C", ImVec4(0.80f, 0.47f, 0.65f, 1)};
    }
    return {"?", ImVec4(1, 1, 1, 1)};
}

// "W 4.00  R 0.00": the states a task has been in, by letter, with the loop seconds spent there;
// a live task's current state counts on up to `now`.
std::string time_in_states(const TaskView& t, Time since_snapshot) {
    std::string out;
    for (int s = 0; s < kTaskStateCount; ++s) {
        const auto state = static_cast<TaskState>(s);
        if (t.time_in[s] <= 0 && state != t.state) continue;
        const double spent = t.time_in[s] + (state == t.state && t.state < TaskState::Done ? since_snapshot : 0);
        char buf[32];
        std::snprintf(buf, sizeof buf, "%s%s %.2f", out.empty() ? "" : "  ", look(state).letter, spent);
        out += buf;
    }
    return out;
}

// A swatch of the state's colour, then its letter and name in the text colour, so the state reads
// in either theme and without colour.
void state_badge(TaskState s) {
    const StateLook l = look(s);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + h * 0.6f, at.y + h), ImGui::GetColorU32(l.colour));
    ImGui::Dummy(ImVec2(h * 0.6f, h));
    ImGui::SameLine();
    ImGui::Text("%s %s", l.letter, to_string(s));
}

// What the letters of "time in each state" stand for, on hover.
void legend_tooltip() {
    if (!ImGui::IsItemHovered()) return;
    ImGui::BeginTooltip();
    for (int s = 0; s < kTaskStateCount; ++s) state_badge(static_cast<TaskState>(s));
    ImGui::EndTooltip();
}

}  // namespace

void draw_task_table(const Snapshot& snap, Time now) {
    if (snap.tasks.empty()) {
        ImGui::TextWrapped("No tasks yet. Press Run (or R): every task the demo creates appears here, "
                           "with what it is waiting on, live.");
        return;
    }
    const ImGuiTableFlags flags = list_table_flags();
    const bool narrow = flags & ImGuiTableFlags_ScrollX;
    if (!ImGui::BeginTable("tasks", 7, flags)) return;
    ImGui::TableSetupScrollFreeze(narrow ? 2 : 0, 1);   // id and name stay in view
    ImGui::TableSetupColumn("id", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("name");
    ImGui::TableSetupColumn("state", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("C cancelled").x + ImGui::GetTextLineHeight());
    ImGui::TableSetupColumn("waiting on");
    ImGui::TableSetupColumn("await stack", 0, narrow ? 0.0f : 2.0f);   // a weight, or fit when fixed
    ImGui::TableSetupColumn("result");
    ImGui::TableSetupColumn("time in each state (s)");
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
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(snap.tasks.size()));
    while (clip.Step()) {
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const TaskView& t = snap.tasks[static_cast<size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%u", t.id);
            ImGui::TableNextColumn();
            clipped_text(t.name);
            ImGui::TableNextColumn();
            state_badge(t.state);
            ImGui::TableNextColumn();
            if (t.until >= 0) {
                char left[32];
                std::snprintf(left, sizeof left, "  %.2f s left", std::max(0.0, t.until - now));
                clipped_text(t.waiting_on + left);
                if (!noted_left) note_landmark("time_left");   // the first one shown, for tests
                noted_left = true;
            } else {
                clipped_text(t.waiting_on);
            }
            ImGui::TableNextColumn();
            std::string stack;
            for (const std::string& f : t.stack) stack += (stack.empty() ? "" : " -> ") + f;
            clipped_text(stack);
            ImGui::TableNextColumn();
            clipped_text(t.result);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(time_in_states(t, std::max(0.0, now - snap.time)).c_str());
            legend_tooltip();
        }
    }
    ImGui::EndTable();
}

}  // namespace aio::views
