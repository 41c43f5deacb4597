// The pages panel (Panel::Pages): every page a demo fetches with its state, HTTP status, size,
// links found and error in plain words (or where its body was cut at the demo's cap); a preview
// of the file the demo writes and a button that downloads it.
#include "playground/views/views.hpp"

#include <imgui.h>

#include <string>
#include <utility>

namespace aio::views {

void draw_pages(const page::PlaygroundState& state, const Commands& commands) {
    const auto& pages = state.pages;
    const ImGuiTableFlags flags = list_table_flags();
    if (ImGui::BeginTable("pages", 6, flags, ImVec2(0, ImGui::GetContentRegionAvail().y * 0.5f))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        // Stretch weights; a narrow (fixed-width) table fits each column to its contents instead.
        const bool narrow = flags & ImGuiTableFlags_ScrollX;
        for (const auto& [name, weight] : {std::pair{"URL", 3.0f}, std::pair{"state", 1.0f}, std::pair{"status", 0.7f},
                                           std::pair{"bytes", 0.8f}, std::pair{"links", 0.6f}, std::pair{"error", 2.0f}})
            ImGui::TableSetupColumn(name, 0, narrow ? 0.0f : weight);
        ImGui::TableHeadersRow();
        bool take_focus = view_focus_here();
        ImGuiListClipper clip;
        clip.Begin(static_cast<int>(pages.size()));
        while (clip.Step())
            for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
                const demos::PageReport& p = pages[static_cast<size_t>(i)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                // Focused from the keyboard, a row tells all of itself, as hovering its cut-off cells does.
                if (std::exchange(take_focus, false)) ImGui::SetKeyboardFocusHere();
                if (focusable_row("##page" + std::to_string(i)))
                    tooltip("%s\n%s%s%s", p.url.c_str(), p.state.c_str(), p.error.empty() ? "" : ": ", p.error.c_str());
                clipped_text(p.url);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(p.state.c_str());
                ImGui::TableNextColumn();
                if (p.status) ImGui::Text("%d", p.status);
                ImGui::TableNextColumn();
                if (p.status) ImGui::Text("%zu", p.bytes);
                ImGui::TableNextColumn();
                if (p.state == "done") ImGui::Text("%zu", p.links);
                ImGui::TableNextColumn();
                if (!p.error.empty()) {
                    clipped_text(p.error);
                } else if (p.truncated) {
                    // Not an error, but the links count would otherwise look complete.
                    ImGui::Text("body cut at %zu bytes", p.bytes);
                    if (ImGui::IsItemHovered())
                        tooltip("The page is longer than the demo reads: links past %zu bytes are not listed or followed.", p.bytes);
                }
            }
        ImGui::EndTable();
    }
    // The file the demo writes, as its script would leave it on disk.
    const std::string& name = state.demo ? state.demo->output_file : std::string();
    const auto it = state.files.find(name);
    if (it == state.files.end()) {
        if (!name.empty()) hint(name + " appears here once the demo writes it.");
        return;
    }
    ImGui::Text("%s (%zu bytes)", name.c_str(), it->second.size());
    same_line_if_fits(button_width("Download"));
    if (ImGui::Button("Download") && commands.download) commands.download(name, it->second);
    note_landmark("pages:download");
    ImGui::BeginChild("found", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
    {   // popped inside the child: popped after EndChild, the tab labels drawn next come out as boxes
        const CodeFont code;
        ImGui::TextUnformatted(it->second.data(), it->second.data() + it->second.size());
    }
    ImGui::EndChild();
}

}  // namespace aio::views
