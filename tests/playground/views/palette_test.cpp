// The views' one palette (playground/views/palette.hpp): every task state and every wait has a
// colour in both themes, states are told apart, and a timeline span of a state that is not a wait
// has that state's colour in the task table.
#include "playground/views/palette.hpp"

#include <gtest/gtest.h>

#include <set>

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

TEST(Palette, ansi_colours_differ_by_theme_and_out_of_range_is_the_default_grey) {
    for (int i = 0; i < 16; ++i) EXPECT_NE(ansi_colour(i, Theme::Dark), ansi_colour(i, Theme::Light)) << i;
    EXPECT_EQ(ansi_colour(16, Theme::Dark), ansi_colour(7, Theme::Dark));
    EXPECT_EQ(ansi_colour(-1, Theme::Light), ansi_colour(7, Theme::Light));
}

}  // namespace
