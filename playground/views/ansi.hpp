// ANSI SGR ("Select Graphic Rendition") escape sequences in printed text, read as a terminal
// reads them: a line becomes runs of text, each with its colours and weight. No ImGui here;
// the console view picks the pixels.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace aio::views {

// How a terminal draws text at one point. A colour is an index into the 16 ANSI colours
// (0..7 normal: black, red, green, yellow, blue, magenta, cyan, white; 8..15 their bright
// variants), or kDefaultColour for the theme's own text or background colour.
struct TextStyle {
    static constexpr int kDefaultColour = -1;
    int foreground = kDefaultColour;
    int background = kDefaultColour;
    bool bold = false;
    bool operator==(const TextStyle&) const = default;
};

struct StyledRun {
    std::string text;               // never contains an escape sequence
    TextStyle style;
    bool operator==(const StyledRun&) const = default;
};

// Splits one printed line into styled runs. `style` is the style in force where the line starts
// (a terminal carries it over from the line before) and is left as it is where the line ends.
// Understood: SGR 0 (reset), 1 (bold), 22 (normal weight), 30-37/39 and 90-97 (foreground),
// 40-47/49 and 100-107 (background); other SGR codes are ignored, 38/48 with their arguments.
// Other escape sequences, and sequences cut short or malformed, are dropped: they never show.
// Adjacent text of one style forms one run; empty runs are left out.
std::vector<StyledRun> parse_sgr(std::string_view line, TextStyle& style);

// The line without its escape sequences: what a terminal shows, uncoloured.
std::string strip_sgr(std::string_view line);

}  // namespace aio::views
