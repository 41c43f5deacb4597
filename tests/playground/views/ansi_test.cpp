// Tests for playground/views/ansi.hpp: SGR sequences become styled runs, and nothing else of an
// escape sequence is ever left in the text.
#include "playground/views/ansi.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using aio::views::parse_sgr;
using aio::views::strip_sgr;
using aio::views::StyledRun;
using aio::views::TextStyle;
using Runs = std::vector<StyledRun>;

constexpr int kDefault = TextStyle::kDefaultColour;
constexpr int kRed = 1, kGreen = 2, kYellow = 3, kMagenta = 5, kCyan = 6, kBrightRed = 9;

Runs parse(const std::string& line) {
    TextStyle style;
    return parse_sgr(line, style);
}

TEST(Ansi, text_without_codes_is_one_default_run_unchanged) {
    EXPECT_EQ(parse("r1: 4, r2: 7, r3: 9"), (Runs{{"r1: 4, r2: 7, r3: 9", {}}}));
    EXPECT_EQ(parse(""), Runs{});
    EXPECT_EQ(strip_sgr("plain [36m text"), "plain [36m text");
}

TEST(Ansi, foreground_colours_and_reset_split_the_line_into_runs) {
    // rand.py's lines: a colour per task, reset at the end of the last one.
    EXPECT_EQ(parse("\033[36m---> Finished: makerandom(0) == 10\033[0m"),
              (Runs{{"---> Finished: makerandom(0) == 10", {.foreground = kCyan}}}));
    EXPECT_EQ(parse("a\033[91mb\033[35mc\033[0md"),
              (Runs{{"a", {}}, {"b", {.foreground = kBrightRed}}, {"c", {.foreground = kMagenta}}, {"d", {}}}));
    EXPECT_EQ(parse("\033[32mg\033[39md"), (Runs{{"g", {.foreground = kGreen}}, {"d", {}}}));
    EXPECT_EQ(parse("\033[97mw"), (Runs{{"w", {.foreground = 15}}}));
}

TEST(Ansi, empty_parameters_mean_reset) {
    EXPECT_EQ(parse("\033[31mred\033[mplain"), (Runs{{"red", {.foreground = kRed}}, {"plain", {}}}));
    EXPECT_EQ(parse("\033[1;31mx\033[;mplain"), (Runs{{"x", {.foreground = kRed, .bold = true}}, {"plain", {}}}));
}

TEST(Ansi, bold_and_normal_weight_and_several_codes_in_one_sequence) {
    EXPECT_EQ(parse("\033[1;33mwarn\033[22m then"),
              (Runs{{"warn", {.foreground = kYellow, .bold = true}}, {" then", {.foreground = kYellow}}}));
}

TEST(Ansi, backgrounds_set_and_reset) {
    EXPECT_EQ(parse("\033[30;43mhi\033[49m lo\033[104mB"),
              (Runs{{"hi", {.foreground = 0, .background = kYellow}},
                    {" lo", {.foreground = 0}},
                    {"B", {.foreground = 0, .background = 12}}}));
}

TEST(Ansi, style_carries_over_from_the_line_before_as_in_a_terminal) {
    TextStyle style;
    EXPECT_EQ(parse_sgr("\033[36mInitiated makerandom(0).", style), (Runs{{"Initiated makerandom(0).", {.foreground = kCyan}}}));
    EXPECT_EQ(style.foreground, kCyan);
    EXPECT_EQ(parse_sgr("still cyan\033[0m", style), (Runs{{"still cyan", {.foreground = kCyan}}}));
    EXPECT_EQ(style, TextStyle{});
}

TEST(Ansi, unknown_codes_change_nothing_and_never_show) {
    EXPECT_EQ(parse("\033[31m\033[4;5;7ma\033[58mb"), (Runs{{"ab", {.foreground = kRed}}}));
    // 38;5;n and 38;2;r;g;b: their arguments are not codes (the 31 and 1 below are not red or bold).
    EXPECT_EQ(parse("\033[38;5;31mx\033[48;2;1;31;1my"), (Runs{{"xy", {}}}));
    EXPECT_EQ(parse("\033[38:5:31mz"), (Runs{{"z", {}}}));
    // Escape sequences that are not SGR: cursor moves, private modes, charsets, titles.
    EXPECT_EQ(parse("\033[2K\033[1Aup\033[?25l\033(Bx\033]0;title\007y\033]8;;u\033\\z"), (Runs{{"upxyz", {}}}));
}

TEST(Ansi, a_sequence_cut_at_the_end_of_a_line_is_dropped) {
    EXPECT_EQ(parse("abc\033[3"), (Runs{{"abc", {}}}));
    EXPECT_EQ(parse("abc\033["), (Runs{{"abc", {}}}));
    EXPECT_EQ(parse("abc\033"), (Runs{{"abc", {}}}));
    TextStyle style{.foreground = kGreen};
    EXPECT_EQ(parse_sgr("x\033[0", style), (Runs{{"x", {.foreground = kGreen}}}));
    EXPECT_EQ(style.foreground, kGreen);   // an unfinished reset resets nothing
}

TEST(Ansi, a_malformed_sequence_is_dropped_and_the_text_after_it_kept) {
    // A control byte inside the parameters ends the sequence there; it never applies.
    EXPECT_EQ(parse("a\033[3\nb"), (Runs{{"a\nb", {}}}));
    EXPECT_EQ(parse("a\033[31\033[32mg"), (Runs{{"a", {}}, {"g", {.foreground = kGreen}}}));
}

TEST(Ansi, no_escape_byte_survives_any_input) {
    // Every string of up to 4 symbols from an alphabet of escape sequence pieces.
    const std::vector<std::string> pieces = {"\033", "[", "3", "6", ";", "m", "x", "?", "]", "\007", "\\"};
    std::vector<std::string> inputs = {""};
    for (int len = 0; len < 4; ++len) {
        std::vector<std::string> longer;
        for (const std::string& s : inputs)
            for (const std::string& p : pieces) longer.push_back(s + p);
        for (const std::string& s : longer) {
            for (const StyledRun& r : parse(s)) {
                EXPECT_EQ(r.text.find('\033'), std::string::npos) << testing::PrintToString(s);
                EXPECT_FALSE(r.text.empty()) << testing::PrintToString(s);
            }
        }
        inputs = std::move(longer);
    }
}

}  // namespace
