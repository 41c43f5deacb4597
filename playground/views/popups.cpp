// Popups and tooltips that stay on the display however narrow or short it gets: ImGui fits a
// popup to the display only when it opens, and never a tooltip, so a page narrowed later (a
// window resized, a phone turned) would leave them off-frame.
#include "playground/views/views.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdarg>

namespace aio::views {

namespace {
// What a window may take of the display: all of it but ImGui's safe-area margin on each side.
ImVec2 room() {
    const ImVec2 display = ImGui::GetMainViewport()->WorkSize;
    const ImVec2 margin = ImGui::GetStyle().DisplaySafeAreaPadding;
    return ImVec2(std::max(1.0f, display.x - 2 * margin.x), std::max(1.0f, display.y - 2 * margin.y));
}
}  // namespace

float popup_text_width(float ems) {
    const ImGuiStyle& style = ImGui::GetStyle();
    // Room for the window's padding and a scrollbar, which a popup taller than the display shows.
    const float inside = room().x - 2 * style.WindowPadding.x - style.ScrollbarSize;
    return std::max(ImGui::GetFontSize() * 4, std::min(ImGui::GetFontSize() * ems, inside));
}

void keep_next_popup_on_display() {
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), room());
}

void begin_tooltip() {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(popup_text_width(40));
}

void end_tooltip() {
    note_window_landmark("tooltip");
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void tooltip(const char* fmt, ...) {
    begin_tooltip();
    va_list args;
    va_start(args, fmt);
    ImGui::TextV(fmt, args);
    va_end(args);
    end_tooltip();
}

}  // namespace aio::views
