// Layout helpers shared by the views: where widgets landed, and how list tables fit the width.
#include "playground/views/views.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <utility>

namespace aio::views {
namespace {
std::map<std::string, Rect> g_landmarks;
int g_landmarks_frame = -1;
std::string g_reveal;   // a landmark to scroll into view when next drawn
const char* g_text_field_mode = nullptr;
int g_text_field_frame = -1;
bool g_reduced_motion = false;
bool g_view_focus = false;
bool g_focus_given = false;   // a view took the focus and its row has not been drawn focused yet
}  // namespace

void set_reduced_motion(bool reduce) { g_reduced_motion = reduce; }
bool reduced_motion() { return g_reduced_motion; }

void want_view_focus() { g_view_focus = true; }
bool view_focus_here() {
    if (!std::exchange(g_view_focus, false)) return false;
    g_focus_given = true;
    return true;
}

bool keyboard_focused() {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const bool focused = ImGui::IsItemFocused() && !g.NavDisableHighlight && g.IO.NavActive;
    // A view brought forward by its key shows itself, not a tooltip over its first rows: the row
    // that took the focus tells its whole text once the focus moves, as Esc leaves it.
    if (focused && std::exchange(g_focus_given, false)) hide_tooltips();
    return focused;
}

void note_landmark(const std::string& name, const Rect& rect) {
    // Only what this frame drew: a closed list's items or another demo's fields are gone.
    if (ImGui::GetFrameCount() != g_landmarks_frame) {
        g_landmarks.clear();
        g_landmarks_frame = ImGui::GetFrameCount();
    }
    // A window appearing is laid out once unseen, where it will not stay (a list opening sits
    // elsewhere for that frame): its widgets are not on screen yet.
    if (ImGui::GetCurrentWindowRead()->Hidden) return;
    g_landmarks[name] = rect;
    if (name != g_reveal) return;
    g_reveal.clear();
    ImGui::ScrollToRect(ImGui::GetCurrentWindow(), ImRect(rect.x, rect.y, rect.x + rect.w, rect.y + rect.h),
                        ImGuiScrollFlags_KeepVisibleEdgeX | ImGuiScrollFlags_KeepVisibleEdgeY);
}

void reveal_landmark(const std::string& name) { g_reveal = name; }

void note_landmark(const std::string& name) {
    const ImVec2 lo = ImGui::GetItemRectMin(), size = ImGui::GetItemRectSize();
    note_landmark(name, Rect{lo.x, lo.y, size.x, size.y});
}

void note_window_landmark(const std::string& name) {
    const ImVec2 lo = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    note_landmark(name, Rect{lo.x, lo.y, size.x, size.y});
}

const std::map<std::string, Rect>& landmarks() { return g_landmarks; }

void note_text_field(const char* inputmode) {
    if (!ImGui::IsItemActive()) return;
    g_text_field_mode = inputmode;
    g_text_field_frame = ImGui::GetFrameCount();
}

const char* edited_text_field_mode() {
    return g_text_field_frame == ImGui::GetFrameCount() ? g_text_field_mode : nullptr;
}

bool focusable_row(const std::string& id, bool selected, bool* clicked) {
    const float x = ImGui::GetCursorPosX();
    const bool chosen = ImGui::Selectable(id.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap);
    if (clicked) *clicked = chosen;
    const bool focused = keyboard_focused();
    if (focused) {
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        next_tooltip_clear_of({min.x, min.y, max.x - min.x, max.y - min.y});
    }
    ImGui::SameLine();
    ImGui::SetCursorPosX(x);   // the cell's text where it would have been
    return focused;
}

void same_line_if_fits(float width) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

std::string counted_label(const std::string& name, size_t count, int digits) {
    std::string label = name + " (" + std::to_string(count) + ")";
    const std::string widest = name + " (" + std::string(static_cast<size_t>(digits), '0') + ")";
    // Measured whole each time: ImGui rounds a text's width up to a pixel, so one space's would not add up.
    const float target = ImGui::CalcTextSize(widest.c_str()).x;
    while (ImGui::CalcTextSize(label.c_str()).x < target && label.size() < widest.size() * 4) label += ' ';
    return label;
}

float tabs_width(const std::vector<std::string>& labels) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float width = 0;
    for (const std::string& label : labels)   // as ImGui sizes a tab without a close button
        width += ImGui::CalcTextSize(label.c_str(), nullptr, true).x + style.FramePadding.x * 2 + 1 + style.ItemInnerSpacing.x;
    return width;
}

int list_table_flags() {
    const bool narrow = ImGui::GetContentRegionAvail().x < 700;
    return ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
           (narrow ? ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit : ImGuiTableFlags_SizingStretchProp);
}

}  // namespace aio::views
