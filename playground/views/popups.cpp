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
// The item this frame's tooltip must not cover (a row with the keyboard focus).
Rect g_clear_of;
float g_clear_of_list_bottom = 0;   // where the list the item is in ends on screen
int g_clear_of_frame = -1;

// What a window may take of the display: all of it but ImGui's safe-area margin on each side.
ImVec2 room() {
    const ImVec2 display = ImGui::GetMainViewport()->WorkSize;
    const ImVec2 margin = ImGui::GetStyle().DisplaySafeAreaPadding;
    return ImVec2(std::max(1.0f, display.x - 2 * margin.x), std::max(1.0f, display.y - 2 * margin.y));
}
// Before BeginTooltip: above `item` (the rows after it, where the focus goes next, stay in view),
// or at the foot of its list when there is no room above, and inside the display. The size is the tooltip
// window's last one, as this frame's is known only once its text is laid out.
void place_next_tooltip_clear_of(const Rect& item) {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    char name[16];
    ImFormatString(name, sizeof name, "##Tooltip_%02d", g.TooltipOverrideCount);   // as BeginTooltip names it
    const ImGuiWindow* last = ImGui::FindWindowByName(name);
    const ImVec2 size = last ? last->Size : ImVec2(0, 0);
    const ImVec2 margin = ImGui::GetStyle().DisplaySafeAreaPadding;
    const ImVec2 display = ImGui::GetMainViewport()->WorkSize;
    const float gap = ImGui::GetStyle().ItemSpacing.y;
    float y = item.y - gap - size.y;
    // No room above: at the foot of the list, clear of the rows near the focus, or just below it.
    if (y < margin.y) y = std::max(item.y + item.h + gap, g_clear_of_list_bottom - size.y);
    const float x = std::clamp(item.x + ImGui::GetFontSize(), margin.x, std::max(margin.x, display.x - margin.x - size.x));
    ImGui::SetNextWindowPos(ImVec2(x, y));
}
}  // namespace

void next_tooltip_clear_of(const Rect& item) {
    g_clear_of = item;
    g_clear_of_list_bottom = ImGui::GetCurrentWindow()->InnerClipRect.Max.y;
    g_clear_of_frame = ImGui::GetFrameCount();
}

float popup_text_width(float ems) {
    const ImGuiStyle& style = ImGui::GetStyle();
    // Room for the window's padding and a scrollbar, which a popup taller than the display shows.
    const float inside = room().x - 2 * style.WindowPadding.x - style.ScrollbarSize;
    return std::max(ImGui::GetFontSize() * 4, std::min(ImGui::GetFontSize() * ems, inside));
}

bool begin_display_popup(const char* name, bool open, const std::string& landmark) {
    if (open) ImGui::OpenPopup(name);
    // Centred and capped at the display's size every frame, not only when it opens.
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), room());
    if (!ImGui::BeginPopup(name)) return false;
    note_window_landmark(landmark);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
    return true;
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
    if (g_clear_of_frame == frame) place_next_tooltip_clear_of(g_clear_of);
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
