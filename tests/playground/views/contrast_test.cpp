// WCAG 2.x contrast of every text and indicator colour the views draw, on every background they
// draw it on, in both themes (playground/views/theme.hpp): at least 4.5:1 for text, 3:1 for
// swatches, spans and the keyboard focus frame. Prints each theme's pairs, lowest first:
//   build/native/tests/playground/views/view_tests --gtest_filter='*Contrast*'
#include "playground/views/contrast.hpp"
#include "playground/views/theme.hpp"

#include <imgui.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

namespace {

using namespace aio::views;

TEST(ContrastRatio, follows_the_wcag_formula) {
    const Rgba black{0, 0, 0, 1}, white{1, 1, 1, 1}, grey{0x76 / 255.0, 0x76 / 255.0, 0x76 / 255.0, 1};
    EXPECT_NEAR(contrast_ratio(black, white), 21.0, 1e-9);
    EXPECT_NEAR(contrast_ratio(white, white), 1.0, 1e-9);
    EXPECT_NEAR(contrast_ratio(grey, white), 4.54, 0.01);   // #767676, the lightest grey that passes on white
    EXPECT_NEAR(contrast_ratio(white, grey), contrast_ratio(grey, white), 1e-12);
    // Half-transparent black over white lands on screen as mid grey.
    const Rgba half = over({0, 0, 0, 0.5}, white);
    EXPECT_NEAR(half.r, 0.5, 1e-9);
    EXPECT_NEAR(half.a, 1.0, 1e-9);
    EXPECT_EQ(unpack(0xFF0080FFu).g, 128 / 255.0);   // IM_COL32(255, 128, 0, 255)
}

class Contrast : public ::testing::TestWithParam<Theme> {
protected:
    void SetUp() override { ImGui::CreateContext(); }
    void TearDown() override { ImGui::DestroyContext(); }
};

TEST_P(Contrast, every_text_and_indicator_reaches_its_minimum) {
    const Theme theme = GetParam();
    apply_theme(theme);
    ASSERT_EQ(current_theme(), theme);
    std::vector<ContrastPair> pairs = contrast_pairs();
    ASSERT_GT(pairs.size(), 60u);
    std::sort(pairs.begin(), pairs.end(), [](const ContrastPair& a, const ContrastPair& b) {
        return contrast_ratio(a.fg, a.bg) / a.minimum < contrast_ratio(b.fg, b.bg) / b.minimum;
    });
    std::printf("\n%s theme: %zu pairs, the lowest against its minimum first\n| foreground | background | ratio | minimum |\n|---|---|---:|---:|\n",
                theme == Theme::Dark ? "dark" : "light", pairs.size());
    for (const ContrastPair& p : pairs) {
        const double ratio = contrast_ratio(p.fg, p.bg);
        std::printf("| %s | %s | %.2f | %.1f |\n", p.foreground.c_str(), p.background.c_str(), ratio, p.minimum);
        EXPECT_GE(ratio, p.minimum) << p.foreground << " on " << p.background;
    }
}

INSTANTIATE_TEST_SUITE_P(Themes, Contrast, ::testing::Values(Theme::Dark, Theme::Light),
                         [](const auto& info) { return info.param == Theme::Dark ? "dark" : "light"; });

}  // namespace
