// The crawler panel: every page with its state, HTTP status, size, links found and error in
// plain words; a preview of foundurls.txt and a button that downloads it.
#include "playground/views/views.hpp"

#include <imgui.h>

namespace aio::views {

void draw_crawler(const page::Session& session, UiState& ui) {
    const auto& pages = session.pages();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("pages", 6, flags, ImVec2(0, ImGui::GetContentRegionAvail().y * 0.5f))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("URL", 0, 3.0f);
        ImGui::TableSetupColumn("state", 0, 1.0f);
        ImGui::TableSetupColumn("status", 0, 0.7f);
        ImGui::TableSetupColumn("bytes", 0, 0.8f);
        ImGui::TableSetupColumn("links", 0, 0.6f);
        ImGui::TableSetupColumn("error", 0, 2.0f);
        ImGui::TableHeadersRow();
        ImGuiListClipper clip;
        clip.Begin(static_cast<int>(pages.size()));
        while (clip.Step())
            for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
                const demos::PageReport& p = pages[static_cast<size_t>(i)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(p.url.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(p.state.c_str());
                ImGui::TableNextColumn();
                if (p.status) ImGui::Text("%d", p.status);
                ImGui::TableNextColumn();
                if (p.status) ImGui::Text("%zu", p.bytes);
                ImGui::TableNextColumn();
                if (p.state == "done") ImGui::Text("%zu", p.links);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(p.error.c_str());
            }
        ImGui::EndTable();
    }
    const auto& files = session.files();
    const auto it = files.find("foundurls.txt");
    if (it == files.end()) {
        ImGui::TextDisabled("foundurls.txt appears here once the crawler runs.");
        return;
    }
    ImGui::Text("foundurls.txt (%zu bytes)", it->second.size());
    ImGui::SameLine();
    if (ImGui::Button("Download") && ui.download) ui.download("foundurls.txt", it->second);
    ImGui::BeginChild("found", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
    const CodeFont code;
    ImGui::TextUnformatted(it->second.data(), it->second.data() + it->second.size());
    ImGui::EndChild();
}

}  // namespace aio::views
