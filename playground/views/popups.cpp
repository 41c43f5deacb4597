// Popups and tooltips that stay on the display however narrow or short it gets: ImGui fits a
// popup to the display only when it opens, and never a tooltip, so a page narrowed later (a
// window resized, a phone turned) would leave them off-frame.
#include "playground/views/views.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdarg>

namespace aio::views {

namespace {
// Tooltips hidden by Esc, and where the pointer and the keyboard focus were then.
bool g_hidden = false;
ImVec2 g_hidden_at;
ImGuiID g_hidden_focus = 0;
int g_shown_frame = -1;
int g_wanted_frame = -1;   // the last frame that asked for a tooltip, shown or hidden

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

void hide_tooltips() {
    g_hidden = true;
    g_hidden_at = ImGui::GetIO().MousePos;
    g_hidden_focus = ImGui::GetCurrentContext()->NavId;
    g_wanted_frame = ImGui::GetFrameCount();
}

bool tooltip_shown() { return g_shown_frame == ImGui::GetFrameCount(); }

bool begin_tooltip() {
    // Hidden until the pointer or the focus moves, or a frame passes without a tooltip (what it
    // was about went away; coming back, it shows again).
    const ImVec2 at = ImGui::GetIO().MousePos;
    const int frame = ImGui::GetFrameCount();
    if (g_hidden && (at.x != g_hidden_at.x || at.y != g_hidden_at.y || ImGui::GetCurrentContext()->NavId != g_hidden_focus ||
                     g_wanted_frame < frame - 1))
        g_hidden = false;
    g_wanted_frame = frame;
    if (g_hidden) return false;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(popup_text_width(40));
    return true;
}

void end_tooltip() {
    note_window_landmark("tooltip");
    g_shown_frame = ImGui::GetFrameCount();
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void tooltip(const char* fmt, ...) {
    if (!begin_tooltip()) return;
    va_list args;
    va_start(args, fmt);
    ImGui::TextV(fmt, args);
    va_end(args);
    end_tooltip();
}

}  // namespace aio::views
