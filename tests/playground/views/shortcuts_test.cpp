// The keyboard routes the shortcuts table (playground/views/shortcuts.hpp) lists: the help shows
// the table and the legend, the page gets it as JSON, a view brought forward from the keyboard puts
// the focus on its first row, which then tells its whole text, Esc hides that tooltip, and the
// timeline zooms, pans and follows on keys.
#include "playground/views/palette.hpp"
#include "playground/views/shortcuts.hpp"
#include "playground/views/views.hpp"
#include "tests/playground/views/headless_views.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace {

using aio::testing::has;
namespace views = aio::views;

class Shortcuts : public aio::testing::CountAsleep {
protected:
    void SetUp() override {
        CountAsleep::SetUp();
        ImGuiIO& io = ImGui::GetIO();
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        // Keyboard navigation needs its keys mapped (ImGui asserts so in a checked build, as under
        // the sanitizers); any distinct slots do, since these tests press no key through them.
        for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;
    }
};

// Presses ↓ for one frame of `view`, then draws it twice more (the focus lands, the tooltip follows).
void press_down(const std::function<void()>& view, std::function<std::string(const std::function<void()>&)> draw) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[ImGuiKey_DownArrow] = true;   // KeyMap maps each key to its own slot
    draw(view);
    io.KeysDown[ImGuiKey_DownArrow] = false;
    for (int frame = 0; frame < 2; ++frame) draw(view);
}

TEST_F(Shortcuts, the_help_lists_every_shortcut_and_the_legend) {
    const aio::page::PlaygroundState& s = count.look();
    views::ControlsView controls;
    controls.key_help = true;
    std::string text = draw([&] { views::draw_controls(s, controls, untouchable()); });
    ASSERT_TRUE(views::landmarks().count("help"));
    for (const views::Shortcut& k : views::shortcuts()) {
        EXPECT_TRUE(has(text, k.keys)) << k.keys;
        // Wrapped in the popup: its first words, up to the first line's end at the least.
        EXPECT_TRUE(has(text, std::string(k.does).substr(0, 20))) << k.does;
    }
    for (const views::LegendRow& row : views::legend_rows(views::Theme::Light)) EXPECT_TRUE(has(text, row.name)) << row.name;
}

TEST_F(Shortcuts, the_shortcuts_json_lists_the_table_in_order) {
    const nlohmann::json json = nlohmann::json::parse(views::shortcuts_json());
    ASSERT_EQ(json.size(), views::shortcuts().size());
    for (size_t i = 0; i < json.size(); ++i) {
        EXPECT_EQ(json[i].size(), 2u);
        EXPECT_EQ(json[i]["keys"], views::shortcuts()[i].keys);
        EXPECT_EQ(json[i]["action"], views::shortcuts()[i].does);
    }
}

// The view shows itself first; a row tells its whole text once the focus moves to it.
TEST_F(Shortcuts, a_task_table_brought_forward_by_key_focuses_its_first_row_and_a_row_the_focus_moves_to_tells_it_whole) {
    const aio::page::PlaygroundState& s = asleep();
    const auto table = [&] { views::draw_task_table(s); };
    views::want_view_focus();
    for (int frame = 0; frame < 3; ++frame) draw(table);
    ASSERT_TRUE(views::landmarks().count("tasks:focused")) << "no row took the focus";
    EXPECT_FALSE(views::landmarks().count("tooltip")) << "no tooltip over the view just brought forward";
    std::string text;
    press_down(table, [&](const std::function<void()>& v) { return text = draw(v); });
    ASSERT_TRUE(views::landmarks().count("tooltip"));
    const aio::TaskView& second = s.snapshot.tasks.at(1);
    EXPECT_TRUE(has(text, second.name + " (task " + std::to_string(second.id) + "): ")) << text;
    EXPECT_TRUE(has(text, "await stack: ")) << text;
}

// The focus moves on to the rows below: the tooltip goes above the row when there is room, and
// never over the row itself.
TEST_F(Shortcuts, a_focused_rows_tooltip_leaves_the_rows_below_it_in_view) {
    const aio::page::PlaygroundState& s = asleep();
    for (const float above : {0.0f, 400.0f}) {
        const auto table = [&] {
            ImGui::Dummy(ImVec2(1, above));
            views::draw_task_table(s);
        };
        ImGui::GetCurrentContext()->NavId = 0;
        views::want_view_focus();
        for (int frame = 0; frame < 3; ++frame) draw(table);
        press_down(table, [&](const std::function<void()>& v) { return draw(v); });
        for (int frame = 0; frame < 2; ++frame) draw(table);   // placed by the size it had
        const auto& marks = views::landmarks();
        ASSERT_TRUE(marks.count("tasks:focused") && marks.count("tooltip")) << above;
        const views::Rect row = marks.at("tasks:focused"), tip = marks.at("tooltip");
        ASSERT_GT(tip.h, row.h) << "the tooltip tells the row in several lines";
        if (above > 0)
            EXPECT_LE(tip.y + tip.h, row.y) << "room above: the tooltip sits above the row";
        else  // the table fills the tall display: its foot is far below
            EXPECT_GE(tip.y, row.y + 20 * row.h) << "no room above: at the foot of the list, clear of the rows after it";
    }
}

TEST_F(Shortcuts, esc_hides_a_focused_rows_tooltip_until_the_focus_moves) {
    const aio::page::PlaygroundState& s = asleep();
    views::want_view_focus();
    for (int frame = 0; frame < 3; ++frame) draw([&] { views::draw_task_table(s); });
    press_down([&] { views::draw_task_table(s); }, [&](const std::function<void()>& v) { return draw(v); });
    ASSERT_TRUE(views::tooltip_shown());
    views::hide_tooltips();
    draw([&] { views::draw_task_table(s); });
    EXPECT_FALSE(views::landmarks().count("tooltip"));
    EXPECT_TRUE(views::landmarks().count("tasks:focused")) << "the row keeps the focus";
    EXPECT_FALSE(views::tooltip_shown());
    press_down([&] { views::draw_task_table(s); }, [&](const std::function<void()>& v) { return draw(v); });   // the focus moves on
    EXPECT_TRUE(views::landmarks().count("tooltip"));
}

TEST_F(Shortcuts, the_timeline_zooms_pans_and_follows_on_keys_and_its_focused_row_pans) {
    const aio::page::PlaygroundState& s = asleep();
    views::TimelineView tl;
    views::want_view_focus();
    for (int frame = 0; frame < 3; ++frame) draw([&] { views::draw_timeline(s, tl); });
    EXPECT_TRUE(tl.focused) << "the first row took the focus";
    EXPECT_TRUE(views::landmarks().count("timeline:focused"));
    ASSERT_TRUE(tl.follow);
    const double span = tl.view_end - tl.view_start;
    tl.key_zoom = 1;
    draw([&] { views::draw_timeline(s, tl); });
    EXPECT_FALSE(tl.follow);
    EXPECT_NEAR(tl.view_end - tl.view_start, span / 1.5, 1e-9);
    const double start = tl.view_start, zoomed = tl.view_end - tl.view_start;
    tl.key_pan = 1;
    draw([&] { views::draw_timeline(s, tl); });
    EXPECT_NEAR(tl.view_start, start + zoomed * 0.1, 1e-9);
    tl.key_zoom = -1;
    draw([&] { views::draw_timeline(s, tl); });
    EXPECT_NEAR(tl.view_end - tl.view_start, zoomed * 1.5, 1e-9);
    tl.key_follow = true;
    draw([&] { views::draw_timeline(s, tl); });
    EXPECT_TRUE(tl.follow);
    EXPECT_EQ(tl.view_start, 0);
}

}  // namespace
