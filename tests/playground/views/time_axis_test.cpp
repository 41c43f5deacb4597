// Tests for playground/views/time_axis.hpp: 1-2-5 steps at any zoom, labels to match.
#include "playground/views/time_axis.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

namespace {

using aio::views::axis_ticks;
using aio::views::tick_step;

TEST(TimeAxis, tick_step_rounds_up_to_one_two_or_five_times_a_power_of_ten) {
    EXPECT_DOUBLE_EQ(tick_step(1), 1);
    EXPECT_DOUBLE_EQ(tick_step(1.01), 2);
    EXPECT_DOUBLE_EQ(tick_step(2.5), 5);
    EXPECT_DOUBLE_EQ(tick_step(6), 10);
    EXPECT_DOUBLE_EQ(tick_step(0.013), 0.02);
    EXPECT_DOUBLE_EQ(tick_step(0.3), 0.5);
    EXPECT_DOUBLE_EQ(tick_step(4000), 5000);
    EXPECT_DOUBLE_EQ(tick_step(1e-7), 1e-7);
}

TEST(TimeAxis, tick_step_names_a_bad_minimum) {
    for (double bad : {0.0, -1.0, double(NAN), double(INFINITY)}) {
        try {
            tick_step(bad);
            ADD_FAILURE() << bad << " accepted";
        } catch (const std::invalid_argument& e) {
            EXPECT_NE(std::string(e.what()).find("min_step must be a positive finite"), std::string::npos) << e.what();
        }
    }
}

TEST(TimeAxis, ticks_are_round_seconds_with_labels) {
    // 0..5.25 s on 600 px, at least 80 px apart: 0.875 s at least, so 1 s steps.
    const auto ticks = axis_ticks(0, 5.25, 600, 80);
    ASSERT_EQ(ticks.size(), 6u);
    for (size_t i = 0; i < ticks.size(); ++i) {
        EXPECT_DOUBLE_EQ(ticks[i].time, static_cast<double>(i));
        EXPECT_EQ(ticks[i].label, std::to_string(i) + " s");
    }
}

TEST(TimeAxis, zoomed_in_ticks_get_the_decimals_their_step_needs) {
    const auto half = axis_ticks(3.1, 4.2, 300, 100);   // 0.367 s at least: 0.5 s steps
    ASSERT_EQ(half.size(), 2u);
    EXPECT_EQ(half[0].label, "3.5 s");
    EXPECT_EQ(half[1].label, "4.0 s");
    const auto fine = axis_ticks(1.0, 1.1, 500, 80);   // 0.016 s at least: 0.02 s steps
    ASSERT_EQ(fine.size(), 6u);
    EXPECT_EQ(fine.front().label, "1.00 s");
    EXPECT_EQ(fine[1].label, "1.02 s");
    EXPECT_EQ(fine.back().label, "1.10 s");
}

TEST(TimeAxis, ticks_before_zero_when_panned_there_and_no_minus_zero) {
    const auto ticks = axis_ticks(-2.5, 2.5, 500, 100);   // 1 s at least: 1 s steps
    ASSERT_EQ(ticks.size(), 5u);
    EXPECT_EQ(ticks.front().label, "-2 s");
    EXPECT_EQ(ticks[2].label, "0 s");
}

TEST(TimeAxis, ticks_stay_at_least_min_spacing_apart_at_any_zoom) {
    for (double span : {1e-6, 3e-3, 0.7, 1.0, 13.0, 250.0, 9e4}) {
        for (double width : {50.0, 333.0, 1200.0}) {
            const auto ticks = axis_ticks(10, 10 + span, width, 70);
            // A step is at most 2.5 times the minimum, so a span of three minimum spacings holds a tick.
            if (width >= 3 * 70) {
                EXPECT_FALSE(ticks.empty()) << span << " " << width;
            }
            EXPECT_LE(ticks.size(), width / 70 + 2);
            for (size_t i = 1; i < ticks.size(); ++i)
                EXPECT_GE((ticks[i].time - ticks[i - 1].time) / span * width, 70 * (1 - 1e-9)) << span << " " << width;
        }
    }
}

// A 0-second run's view spans about a millisecond: its labels ("0.0001 s") are wider than a long
// run's, and the first and last are pushed inside the axis. None may overlap another, at any width.
TEST(TimeAxis, labelled_ticks_never_overlap_even_pushed_in_at_the_ends) {
    const auto measure = [](const std::string& label) { return 7.0 * static_cast<double>(label.size()); };
    size_t axes = 0, unlabelled = 0;
    for (const auto& [start, end] : {std::pair{0.0, 0.00105}, std::pair{0.0, 1.05}, std::pair{3.2, 3.2005}, std::pair{0.0, 12345.0}}) {
        for (double width = 100; width <= 2400; width += 7) {
            const auto ticks = aio::views::labelled_ticks(start, end, width, measure);
            axes += ticks.size() > 1;
            double right = -1e9;   // where the previous label ended
            for (const auto& t : ticks) {
                if (t.label.empty()) {
                    ++unlabelled;
                    continue;
                }
                const double w = measure(t.label);
                const double left = aio::views::label_left((t.time - start) / (end - start) * width, w, width);
                EXPECT_GE(left, 0);
                EXPECT_LE(left + w, width + 1e-9);
                EXPECT_GT(left, right) << t.label << " overlaps the label before it, " << width << " px over " << start << ".." << end << " s";
                right = left + w;
            }
        }
    }
    EXPECT_GT(axes, 1000u) << "most axes have two labels or more";
    EXPECT_LT(unlabelled, 20u) << "only axes about two labels wide lose one";
}

TEST(TimeAxis, an_empty_or_unbounded_range_has_no_ticks) {
    EXPECT_TRUE(axis_ticks(1, 1, 500, 80).empty());
    EXPECT_TRUE(axis_ticks(2, 1, 500, 80).empty());
    EXPECT_TRUE(axis_ticks(0, INFINITY, 500, 80).empty());
    EXPECT_TRUE(axis_ticks(0, 1, 0, 80).empty());
    // Far from zero, where adding a step to a huge multiple would not move it: still bounded.
    EXPECT_LE(axis_ticks(1e300, 1e300 * (1 + 1e-15), 500, 80).size(), 500 / 80 + 2u);
}

}  // namespace
