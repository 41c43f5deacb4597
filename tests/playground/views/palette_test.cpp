// The views' one palette (playground/views/palette.hpp): every task state and every wait has a
// colour in both themes, states are told apart, and a timeline span of a state that is not a wait
// has that state's colour in the task table.
#include "playground/views/palette.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace {

using namespace aio::views;
constexpr Theme kThemes[] = {Theme::Dark, Theme::Light};
constexpr Colour kAlpha = 0xFF000000u;   // IM_COL32's alpha byte

TEST(Palette, every_state_has_an_opaque_colour_of_its_own_in_each_theme) {
    for (Theme theme : kThemes) {
        std::set<Colour> seen;
        for (int s = 0; s < aio::kTaskStateCount; ++s) {
            const Colour c = state_colour(static_cast<aio::TaskState>(s), theme);
            EXPECT_EQ(c & kAlpha, kAlpha) << aio::to_string(static_cast<aio::TaskState>(s));
            EXPECT_TRUE(seen.insert(c).second) << aio::to_string(static_cast<aio::TaskState>(s)) << " shares a colour";
        }
    }
}

TEST(Palette, every_wait_has_an_opaque_colour_and_the_families_differ) {
    for (Theme theme : kThemes) {
        for (int w = 0; w < aio::kWaitKindCount; ++w)
            EXPECT_EQ(wait_colour(static_cast<aio::WaitKind>(w), theme) & kAlpha, kAlpha) << aio::to_string(static_cast<aio::WaitKind>(w));
        const std::set<Colour> families{wait_colour(aio::WaitKind::Sleep, theme), wait_colour(aio::WaitKind::QueueGet, theme),
                                        wait_colour(aio::WaitKind::Fetch, theme), wait_colour(aio::WaitKind::Gather, theme),
                                        wait_colour(aio::WaitKind::Lock, theme)};
        EXPECT_EQ(families.size(), 5u);
    }
}

TEST(Palette, a_span_that_is_not_a_wait_has_its_states_colour) {
    for (Theme theme : kThemes)
        for (int s = 0; s < aio::kTaskStateCount; ++s) {
            const auto state = static_cast<aio::TaskState>(s);
            if (state == aio::TaskState::Waiting) continue;
            EXPECT_EQ(span_colour(state, aio::WaitKind::None, theme), state_colour(state, theme)) << aio::to_string(state);
        }
}

TEST(Palette, a_waiting_span_has_its_waits_colour) {
    for (Theme theme : kThemes)
        for (int w = 0; w < aio::kWaitKindCount; ++w) {
            const auto wait = static_cast<aio::WaitKind>(w);
            EXPECT_EQ(span_colour(aio::TaskState::Waiting, wait, theme), wait_colour(wait, theme)) << aio::to_string(wait);
        }
}

TEST(Palette, the_legend_has_every_state_once_with_its_letter_and_colour) {
    for (Theme theme : kThemes) {
        std::set<aio::TaskState> states;
        for (const LegendRow& row : legend_rows(theme)) {
            if (row.wait != aio::WaitKind::None) continue;
            EXPECT_TRUE(states.insert(row.state).second) << aio::to_string(row.state) << " twice";
            EXPECT_EQ(row.colour, state_colour(row.state, theme)) << row.name;
            EXPECT_STREQ(row.letter, state_letter(row.state)) << row.name;
            EXPECT_STREQ(row.name, aio::to_string(row.state));
            EXPECT_STRNE(row.meaning, "");
        }
        EXPECT_EQ(states.size(), static_cast<size_t>(aio::kTaskStateCount));
    }
}

TEST(Palette, the_legends_wait_rows_carry_every_colour_a_wait_takes) {
    for (Theme theme : kThemes) {
        std::set<Colour> legend;
        for (const LegendRow& row : legend_rows(theme))
            if (row.wait != aio::WaitKind::None) {
                EXPECT_EQ(row.state, aio::TaskState::Waiting) << row.name;
                EXPECT_EQ(row.colour, wait_colour(row.wait, theme)) << row.name;
                EXPECT_STREQ(row.letter, "") << row.name;
                legend.insert(row.colour);
            }
        for (int w = 0; w < aio::kWaitKindCount; ++w)
            EXPECT_TRUE(legend.count(wait_colour(static_cast<aio::WaitKind>(w), theme)))
                << aio::to_string(static_cast<aio::WaitKind>(w)) << "'s colour is not in the legend";
    }
}

TEST(Palette, state_letters_differ) {
    std::set<std::string> letters;
    for (int s = 0; s < aio::kTaskStateCount; ++s) EXPECT_TRUE(letters.insert(state_letter(static_cast<aio::TaskState>(s))).second);
}

TEST(Palette, ansi_colours_differ_by_theme_and_out_of_range_is_the_default_grey) {
    for (int i = 0; i < 16; ++i) EXPECT_NE(ansi_colour(i, Theme::Dark), ansi_colour(i, Theme::Light)) << i;
    EXPECT_EQ(ansi_colour(16, Theme::Dark), ansi_colour(7, Theme::Dark));
    EXPECT_EQ(ansi_colour(-1, Theme::Light), ansi_colour(7, Theme::Light));
}

}  // namespace
