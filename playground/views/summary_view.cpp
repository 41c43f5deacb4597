// The summary: how long the run took in loop time against the time its tasks waited on sleeps and
// requests, that is, what running them concurrently saved. For a demo that asks for a comparison,
// its run and its twin's side by side.
#include "playground/demos/run_compare.hpp"
#include "playground/views/palette.hpp"
#include "playground/views/views.hpp"

#include <imgui.h>

#include <tuple>

namespace aio::views {

namespace {
// The title and figures wrap at spaces only, so no number or parameter is broken or cut off.
void show(const std::string& title, const demos::RunSummary& s, const char* landmark = nullptr) {
    text_wrapped_at_spaces(title);
    if (landmark) note_landmark(landmark);
    for (const std::string& line : demos::describe(s)) {
        ImGui::Bullet();
        text_wrapped_at_spaces(line);
    }
}
}  // namespace

void draw_summary(const page::PlaygroundState& state) {
    if (!state.demo) {
        hint("Run a demo to see what concurrency saved.");
        return;
    }
    // Going back, the figures are the iteration's: the heading says so, not the live run's status.
    const std::string heading = state.recording.live ? page::to_string(state.status)
                                                     : "going back, as of iteration " + std::to_string(state.iteration);
    show(heading, state.summary);
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
            ImGui::PushStyleColor(ImGuiCol_Text, problem_colour(current_theme()));
            text_wrapped_at_spaces(note);
            ImGui::PopStyleColor();
            note_landmark("summary:not-comparable");
        }
    }
    // Side by side where both columns have room for their figures, one above the other where not.
    const int columns = ImGui::GetContentRegionAvail().x < 480 ? 1 : 2;
    if (ImGui::BeginTable("compare", columns, ImGuiTableFlags_Borders)) {
        for (const auto& [it, twin, landmark] : {std::tuple{async_run, false, "summary:run"},
                                                 std::tuple{blocking_run, true, "summary:twin"}}) {
            const std::string title = demos::run_title(demo, twin);
            ImGui::TableNextColumn();
            if (it == runs.end()) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
                text_wrapped_at_spaces(title + ": not run yet");
                note_landmark(landmark);
                ImGui::PopStyleColor();
            } else {
                show(title + ", " + demos::params_label(it->second.params, compared), it->second.summary, landmark);
            }
        }
        ImGui::EndTable();
    }
}

}  // namespace aio::views
