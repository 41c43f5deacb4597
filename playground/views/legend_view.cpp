// The legend: what each state's letter and colour means, and the colours of the kinds of wait,
// read from the palette's legend_rows. Shown in the help, and in a popup from a "Legend" button
// under the task table and beside the timeline's key (L opens it from anywhere).
#include "playground/views/palette.hpp"
#include "playground/views/views.hpp"

#include <imgui.h>

namespace aio::views {

void draw_legend() {
    const float width = popup_text_width(32);
    if (!ImGui::BeginTable("legend", 3, ImGuiTableFlags_None, ImVec2(width, 0))) return;
    ImGui::TableSetupColumn("letter", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("meaning", ImGuiTableColumnFlags_WidthStretch);
    for (const LegendRow& row : legend_rows(current_theme())) {
        ImGui::TableNextColumn();
        swatch(row.colour);
        ImGui::TextUnformatted(row.letter);
        ImGui::TableNextColumn();
        if (row.wait != WaitKind::None) ImGui::Indent();   // a kind of waiting, under "waiting"
        ImGui::TextUnformatted(row.name);
        if (row.wait != WaitKind::None) ImGui::Unindent();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", row.meaning);
    }
    ImGui::EndTable();
}

void legend_popup(bool open) {
    if (!begin_display_popup("Legend", open, "legend")) return;
    ImGui::TextUnformatted("What the letters and colours mean");
    ImGui::Separator();
    draw_legend();
    ImGui::EndPopup();
}

void legend_button(const std::string& landmark) {
    const bool open = ImGui::SmallButton("Legend");
    note_landmark(landmark);
    legend_popup(open);
}

}  // namespace aio::views
