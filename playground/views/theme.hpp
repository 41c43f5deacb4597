// The two themes: Dear ImGui's dark and light styles with the colours changed that fell short of
// WCAG 2.x contrast, and the list of every text and indicator colour the views draw on each
// background they draw it on, with the contrast each must reach.
#pragma once
#include "playground/views/contrast.hpp"
#include "playground/views/palette.hpp"

#include <string>
#include <vector>

namespace aio::views {

// Sets ImGui's style colours for `theme` (current_theme() reads it back).
void apply_theme(Theme theme);

// What the page clears the canvas to under the window: the window's colour, darker.
Rgba backdrop();

// A foreground drawn on a background, both as they land on screen (alpha already blended).
struct ContrastPair {
    std::string foreground, background;   // "Text", "palette: sleep", "ANSI 3" / "window", "button hovered"
    Rgba fg, bg;
    double minimum;                       // 4.5 for text (WCAG 1.4.3), 3 for swatches and focus (1.4.11)
};
// Every pair of the current style and palette: ImGui's text and disabled text on every background
// it is drawn on (windows, striped rows, popups, fields, buttons, headers, tabs, a selection), the
// problem colour, the console's ANSI colours, the Run button's label, and as indicators each
// legend colour (spans, swatches) on windows and striped rows, the keyboard focus frame and the
// checkbox tick.
std::vector<ContrastPair> contrast_pairs();

}  // namespace aio::views
