// Tests for playground/views/word_wrap.hpp: text wraps at spaces only, never inside a number.
#include "playground/views/word_wrap.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace {

using aio::views::wrap_at_spaces;

// A monospace measure: one pixel per byte.
float bytes(std::string_view s) { return static_cast<float>(s.size()); }

std::vector<std::string> wrap(std::string_view text, float width) {
    std::vector<std::string> out;
    for (std::string_view line : wrap_at_spaces(text, width, bytes)) out.emplace_back(line);
    return out;
}

TEST(WordWrap, breaks_at_spaces_as_late_as_the_width_allows) {
    EXPECT_EQ(wrap("saved 2.00 s (3.0x)", 12), (std::vector<std::string>{"saved 2.00 s", "(3.0x)"}));
    EXPECT_EQ(wrap("saved 2.00 s (3.0x)", 100), (std::vector<std::string>{"saved 2.00 s (3.0x)"}));
    EXPECT_EQ(wrap("a b c d", 3), (std::vector<std::string>{"a b", "c d"}));
}

TEST(WordWrap, never_breaks_inside_a_number_or_a_parameter) {
    // ImGui's wrap would break after the '.' or ',' of these.
    const std::string text = "elapsed 1.00 s 3.0x n=3, delay=0.5";
    const std::vector<std::string> words = {"elapsed", "1.00", "s", "3.0x", "n=3,", "delay=0.5"};
    for (float width = 1; width <= 40; ++width) {
        std::vector<std::string> seen;
        for (const std::string& line : wrap(text, width))
            for (size_t at = 0; at <= line.size();) {
                const size_t space = std::min(line.find(' ', at), line.size());
                seen.push_back(line.substr(at, space - at));
                at = space + 1;
            }
        EXPECT_EQ(seen, words) << "width " << width;
    }
}

TEST(WordWrap, a_word_wider_than_the_column_gets_a_line_of_its_own) {
    EXPECT_EQ(wrap("x (countasync.py), y", 6), (std::vector<std::string>{"x", "(countasync.py),", "y"}));
}

TEST(WordWrap, newlines_always_break_and_empty_text_is_one_empty_line) {
    EXPECT_EQ(wrap("a\nb c", 100), (std::vector<std::string>{"a", "b c"}));
    EXPECT_EQ(wrap("", 10), (std::vector<std::string>{""}));
}

}  // namespace
