// The console: what the demo printed, line for line what CPython prints for its script, with
// its ANSI colours drawn as a terminal draws them (the printed text keeps the raw codes).
#include "playground/views/palette.hpp"
#include "playground/views/views.hpp"

#include <imgui.h>

namespace aio::views {

namespace {

// One printed line, run by run, starting in `style`; its height is a text line's, as for Text.
void draw_line(const std::string& line, TextStyle style, Theme theme) {
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
        if (s.background != TextStyle::kDefaultColour) dl->AddRectFilled(ImVec2(x, start.y), ImVec2(x + w, start.y + h), ansi_colour(s.background, theme));
        const ImU32 fg = s.foreground == TextStyle::kDefaultColour ? ImGui::GetColorU32(ImGuiCol_Text) : ansi_colour(s.foreground, theme);
        dl->AddText(ImVec2(x, start.y), fg, b, e);
        if (s.bold) dl->AddText(ImVec2(x + 1, start.y), fg, b, e);   // one font: bold is drawn twice, a pixel apart
        x += w;
    }
    ImGui::Dummy(ImVec2(x - start.x, h));
    const std::string plain = strip_sgr(line);
    ImGui::LogText("%s\n", plain.c_str());   // drawn glyph by glyph: "log to clipboard" copies the text too
    whole_text_on_hover(plain, x - start.x);
}

}  // namespace

void draw_console(const page::PlaygroundState& state, ConsoleView& console) {
    const auto& lines = state.output;
    if (lines.empty() && state.status == page::Status::Idle) {
        hint("What the demo prints appears here, line for line what CPython prints.");
        return;
    }
    // A terminal carries a colour on to the next line: the style each line starts in, kept as
    // lines arrive so a frame parses only new lines and the visible ones.
    if (console.run != state.run || console.line_start.size() > lines.size() + 1 || console.line_start.empty()) {
        console.run = state.run;
        console.line_start.assign(1, TextStyle{});
    }
    while (console.line_start.size() <= lines.size()) {
        TextStyle style = console.line_start.back();
        // Most lines have no escape sequence, and a busy run prints hundreds a frame.
        const std::string& text = lines[console.line_start.size() - 1].text;
        if (text.find('\x1b') != std::string::npos) parse_sgr(text, style);
        console.line_start.push_back(style);
    }
    const Theme theme = current_theme();
    const CodeFont code;
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(lines.size()));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i)
            draw_line(lines[static_cast<size_t>(i)].text, console.line_start[static_cast<size_t>(i)], theme);
    // Follow new lines while the view is scrolled to the bottom. ImGui clamps the target to the
    // scroll range next frame, which by then includes this frame's lines (FLT_MAX means "none",
    // and the target must fit an int).
    if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1) ImGui::SetScrollY(1e9f);
}

}  // namespace aio::views
