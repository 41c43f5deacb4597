// The legend (playground/views/legend_view.cpp): every row of the palette's legend_rows with its
// swatch, opened by L and from the Legend buttons under the task table and beside the timeline's key.
#include "playground/views/palette.hpp"
#include "playground/views/views.hpp"
#include "tests/playground/views/headless_views.hpp"

#include <imgui.h>

#include <gtest/gtest.h>

namespace {

using aio::testing::has;
using aio::testing::quads_of;
namespace views = aio::views;

using Legend = aio::testing::CountAsleep;

TEST_F(Legend, the_legend_draws_every_row_of_the_palettes_legend_with_its_swatch) {
    const std::string text = draw([] { views::draw_legend(); });
    for (const views::LegendRow& row : views::legend_rows(views::Theme::Light)) {
        EXPECT_TRUE(has(text, row.name)) << row.name;
        EXPECT_TRUE(has(text, row.meaning)) << row.name;
        if (*row.letter) {
            EXPECT_TRUE(has(text, row.letter)) << row.name;
        }
        EXPECT_GE(quads_of(row.colour, "view"), 1u) << row.name << "'s swatch";
    }
}

TEST_F(Legend, l_opens_the_legend_and_the_task_table_and_timeline_have_a_legend_button) {
    const aio::page::PlaygroundState& s = asleep();
    views::ControlsView controls;
    controls.key_legend = true;
    draw([&] { views::draw_controls(s, controls, untouchable()); });
    EXPECT_TRUE(views::landmarks().count("legend"));
    draw([&] { views::draw_task_table(s); });
    EXPECT_TRUE(views::landmarks().count("tasks:legend"));
    views::TimelineView timeline;
    draw([&] { views::draw_timeline(s, timeline); });
    EXPECT_TRUE(views::landmarks().count("timeline:legend"));
}

}  // namespace
