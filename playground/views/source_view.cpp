// The demo's Python script, with each suspended task marked on the line of its await, and a task
// holding the loop in a blocking call on the line of that call; the marked lines scroll into view
// as they move.
#include "playground/views/palette.hpp"
#include "playground/views/source_lines.hpp"
#include "playground/views/views.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

#include <map>
#include <sstream>

namespace aio::views {

void draw_source(const page::PlaygroundState& state, const demos::Demo& demo) {
    // Which tasks wait (or block) on which line.
    std::map<int, std::string> marks;
    for (const TaskView& t : state.snapshot.tasks) {
        const int line = source_line(state, demo, t);
        if (!line) continue;
        std::string& m = marks[line];
        m += (m.empty() ? "" : ", ") + t.name;
    }
    const Colour mark = state_colour(TaskState::Waiting, current_theme());
    ImGui::TextDisabled("%s", demo.script.c_str());
    const CodeFont code;
    // The lines the narration and the table cite are brought into view when the marks move, not
    // every frame, so a reader may scroll elsewhere meanwhile.
    bool bring = false;
    if (!marks.empty()) {
        std::string lines = demo.name;
        for (const auto& [n, tasks] : marks) lines += ":" + std::to_string(n);
        ImGuiStorage* seen = ImGui::GetStateStorage();
        const ImGuiID key = ImGui::GetID("marked lines");
        const int now = static_cast<int>(ImHashStr(lines.c_str()));
        bring = seen->GetInt(key, 0) != now;
        seen->SetInt(key, now);
    }
    std::istringstream in(demo.python);
    int n = 0;
    for (std::string line; std::getline(in, line);) {
        ++n;
        if (bring && n == marks.begin()->first) {
            // From the first marked line to the last, or as much as fits, with a little above.
            const float step = ImGui::GetTextLineHeightWithSpacing();
            const float top = ImGui::GetCursorPosY(), bottom = top + step * static_cast<float>(marks.rbegin()->first - n + 1);
            const float shown = ImGui::GetScrollY(), height = ImGui::GetWindowHeight() - 2 * ImGui::GetStyle().WindowPadding.y;
            if (top < shown || bottom > shown + height)
                ImGui::SetScrollY(std::max(0.0f, bottom - top > height * 0.75f ? top - 2 * step : top - height * 0.25f));
        }
        auto it = marks.find(n);
        if (it == marks.end()) {
            ImGui::TextDisabled("%3d", n);
            ImGui::SameLine();
            ImGui::TextUnformatted(line.c_str());
            continue;
        }
        // A marked line's number in the text colour (others are dimmed), its tasks after a swatch
        // of the waiting colour: as text that colour would not reach 4.5:1.
        ImGui::Text("%3d", n);
        ImGui::SameLine();
        ImGui::TextUnformatted(line.c_str());
        ImGui::SameLine();
        swatch(mark);
        ImGui::Text("<- %s", it->second.c_str());
        note_landmark("source:mark:" + std::to_string(n));
    }
}

}  // namespace aio::views
