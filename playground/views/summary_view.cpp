// The summary: how long the run took in loop time against the time its tasks waited on sleeps and
// requests, that is, what running them concurrently saved. For a demo that asks for a comparison,
// its run and its twin's side by side.
#include "playground/demos/run_compare.hpp"
#include "playground/views/palette.hpp"
#include "playground/views/views.hpp"

#include <imgui.h>

#include <utility>

namespace aio::views {

namespace {
void show(const char* title, const demos::RunSummary& s) {
    ImGui::TextUnformatted(title);
    for (const std::string& line : demos::describe(s)) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", line.c_str());
    }
}
}  // namespace

void draw_summary(const page::PlaygroundState& state) {
    if (!state.demo) {
        ImGui::TextDisabled("Run a demo to see what concurrency saved.");
        return;
    }
    show(page::to_string(state.status), state.summary);
    const demos::Demo& demo = *state.demo;
    if (!demo.comparison) return;
    ImGui::Separator();
    ImGui::TextWrapped("%s", demo.comparison->lesson.c_str());
    // Each column names its run's parameters: the two are often run with different ones.
    const std::vector<std::string>& compared = demo.comparison->compared;
    const auto& runs = state.finished_runs;
    const auto async_run = runs.find(demos::run_key(demo, false)), blocking_run = runs.find(demos::run_key(demo, true));
    if (async_run != runs.end() && blocking_run != runs.end()) {
        const std::string note = demos::comparability_note(async_run->second.params, blocking_run->second.params, compared);
        if (!note.empty()) {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(problem_colour(current_theme())), "%s", note.c_str());
            note_landmark("summary:not-comparable");
        }
    }
    if (ImGui::BeginTable("compare", 2, ImGuiTableFlags_Borders)) {
        for (const auto& [it, twin] : {std::pair{async_run, false}, std::pair{blocking_run, true}}) {
            const std::string title = demos::run_title(demo, twin);
            ImGui::TableNextColumn();
            if (it == runs.end()) ImGui::TextDisabled("%s: not run yet", title.c_str());
            else show((title + ", " + demos::params_label(it->second.params, compared)).c_str(), it->second.summary);
        }
        ImGui::EndTable();
    }
}

}  // namespace aio::views
