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

}  // namespace aio::views
