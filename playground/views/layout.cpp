// Layout helpers shared by the views: where widgets landed, and how list tables fit the width.
#include "playground/views/views.hpp"

#include <imgui.h>

namespace aio::views {
namespace {
std::map<std::string, Rect> g_landmarks;
}  // namespace

void note_landmark(const char* name) {
    const ImVec2 lo = ImGui::GetItemRectMin(), size = ImGui::GetItemRectSize();
    g_landmarks[name] = Rect{lo.x, lo.y, size.x, size.y};
}

const std::map<std::string, Rect>& landmarks() { return g_landmarks; }

int list_table_flags() {
    const bool narrow = ImGui::GetContentRegionAvail().x < 700;
    return ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
           (narrow ? ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit : ImGuiTableFlags_SizingStretchProp);
}

}  // namespace aio::views
