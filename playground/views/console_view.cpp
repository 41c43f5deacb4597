// The console: what the demo printed, line for line what CPython prints for its script, with
// its ANSI colours drawn as a terminal draws them (the printed text keeps the raw codes).
#include "playground/views/views.hpp"

#include <imgui.h>

namespace aio::views {

namespace {

// The 16 ANSI colours, picked to read on each theme's background (at least 4.5:1 for the
// normal colours) and to keep red, green, yellow, blue, magenta and cyan apart.
constexpr ImU32 kOnDark[16] = {
    IM_COL32(118, 118, 118, 255), IM_COL32(235, 90, 80, 255),   IM_COL32(70, 190, 110, 255),  IM_COL32(225, 200, 60, 255),
    IM_COL32(100, 150, 245, 255), IM_COL32(210, 120, 210, 255), IM_COL32(60, 195, 215, 255),  IM_COL32(205, 205, 205, 255),
    IM_COL32(150, 150, 150, 255), IM_COL32(255, 120, 110, 255), IM_COL32(110, 225, 140, 255), IM_COL32(245, 230, 110, 255),
    IM_COL32(140, 180, 255, 255), IM_COL32(240, 150, 240, 255), IM_COL32(110, 230, 245, 255), IM_COL32(245, 245, 245, 255)};
constexpr ImU32 kOnLight[16] = {
    IM_COL32(0, 0, 0, 255),       IM_COL32(180, 30, 30, 255),   IM_COL32(0, 120, 40, 255),    IM_COL32(135, 105, 0, 255),
    IM_COL32(25, 70, 200, 255),   IM_COL32(150, 40, 150, 255),  IM_COL32(0, 115, 135, 255),   IM_COL32(105, 105, 105, 255),
    IM_COL32(85, 85, 85, 255),    IM_COL32(210, 35, 35, 255),   IM_COL32(10, 140, 55, 255),   IM_COL32(155, 125, 0, 255),
    IM_COL32(45, 95, 230, 255),   IM_COL32(180, 50, 180, 255),  IM_COL32(0, 135, 160, 255),   IM_COL32(130, 130, 130, 255)};

bool dark_theme() {
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    return 0.2126f * bg.x + 0.7152f * bg.y + 0.0722f * bg.z < 0.5f;
}

// One printed line, run by run, starting in `style`; its height is a text line's, as for Text.
void draw_line(const std::string& line, TextStyle style, const ImU32* palette) {
    const std::vector<StyledRun> runs = parse_sgr(line, style);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    float x = start.x;
    for (const StyledRun& r : runs) {
        const char* b = r.text.data();
        const char* e = b + r.text.size();
        const float w = ImGui::CalcTextSize(b, e).x;
        const TextStyle& s = r.style;
        if (s.background != TextStyle::kDefaultColour) dl->AddRectFilled(ImVec2(x, start.y), ImVec2(x + w, start.y + h), palette[s.background]);
        const ImU32 fg = s.foreground == TextStyle::kDefaultColour ? ImGui::GetColorU32(ImGuiCol_Text) : palette[s.foreground];
        dl->AddText(ImVec2(x, start.y), fg, b, e);
        if (s.bold) dl->AddText(ImVec2(x + 1, start.y), fg, b, e);   // one font: bold is drawn twice, a pixel apart
        x += w;
    }
    ImGui::Dummy(ImVec2(x - start.x, h));
    whole_text_on_hover(strip_sgr(line), x - start.x);
}

}  // namespace

void draw_console(const page::Session& session, ConsoleState& console) {
    const auto& lines = session.output();
    if (lines.empty() && session.status() == page::Status::Idle) {
        ImGui::TextDisabled("What the demo prints appears here, line for line what CPython prints.");
        return;
    }
    // A terminal carries a colour on to the next line: the style each line starts in, kept as
    // lines arrive so a frame parses only new lines and the visible ones.
    if (console.runs != session.runs() || console.line_start.size() > lines.size() + 1 || console.line_start.empty()) {
        console.runs = session.runs();
        console.line_start.assign(1, TextStyle{});
    }
    while (console.line_start.size() <= lines.size()) {
        TextStyle style = console.line_start.back();
        parse_sgr(lines[console.line_start.size() - 1], style);
        console.line_start.push_back(style);
    }
    const ImU32* palette = dark_theme() ? kOnDark : kOnLight;
    const CodeFont code;
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(lines.size()));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i)
            draw_line(lines[static_cast<size_t>(i)], console.line_start[static_cast<size_t>(i)], palette);
    // Follow new lines while the view is scrolled to the bottom. ImGui clamps the target to the
    // scroll range next frame, which by then includes this frame's lines (FLT_MAX means "none",
    // and the target must fit an int).
    if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1) ImGui::SetScrollY(1e9f);
}

}  // namespace aio::views
