// Tests for playground/views/step_plot.hpp: a level history cut into pixel columns.
#include "playground/views/step_plot.hpp"

#include <gtest/gtest.h>

#include <random>

namespace {

using aio::ResourceHistory;
using aio::views::step_columns;
using aio::views::StepColumn;

ResourceHistory history(const std::vector<std::pair<double, int64_t>>& samples, size_t capacity = 1 << 17) {
    ResourceHistory h(capacity);
    for (auto [t, level] : samples) h.push({t, level, {}});
    return h;
}

std::vector<std::pair<int64_t, int64_t>> ranges(const std::vector<StepColumn>& cols) {
    std::vector<std::pair<int64_t, int64_t>> out;
    for (const StepColumn& c : cols) out.emplace_back(c.empty() ? -1 : c.lo, c.empty() ? -1 : c.hi);
    return out;
}

using Ranges = std::vector<std::pair<int64_t, int64_t>>;

TEST(StepPlot, a_level_holds_until_the_next_sample_and_a_column_spans_its_changes) {
    const auto h = history({{0, 0}, {1, 5}, {3, 2}});
    // [0,1): 0; [1,2): 0 then 5 at its start; [2,3): 5; [3,4): 5 then 2
    EXPECT_EQ(ranges(step_columns(h, 0, 4, 4)), (Ranges{{0, 0}, {0, 5}, {5, 5}, {2, 5}}));
}

TEST(StepPlot, a_spike_inside_one_column_shows_as_one_bar) {
    const auto h = history({{0, 0}, {1.2, 7}, {1.3, 0}});
    EXPECT_EQ(ranges(step_columns(h, 0, 3, 3)), (Ranges{{0, 0}, {0, 7}, {0, 0}}));
}

// The plot ends at the time shown: changes made at that very moment (a run's last iteration,
// whose cancelled getters leave the queue without moving the clock) are in its last column.
TEST(StepPlot, changes_at_the_end_time_reach_the_last_column) {
    const auto h = history({{0, 2}, {0.5, 4}, {2, 3}, {2, 1}, {2, 0}});
    EXPECT_EQ(ranges(step_columns(h, 0, 2, 2)), (Ranges{{2, 4}, {0, 4}}));
    EXPECT_EQ(ranges(step_columns(h, 0, 1.5, 3)), (Ranges{{2, 2}, {2, 4}, {4, 4}}));   // later ones stay out
}

TEST(StepPlot, columns_before_the_first_sample_are_empty) {
    const auto h = history({{2, 3}});
    EXPECT_EQ(ranges(step_columns(h, 0, 4, 4)), (Ranges{{-1, -1}, {-1, -1}, {3, 3}, {3, 3}}));
}

TEST(StepPlot, a_window_after_the_start_begins_with_the_level_held_then) {
    const auto h = history({{0, 4}, {1, 6}, {5, 1}, {9, 2}});
    EXPECT_EQ(ranges(step_columns(h, 2, 6, 2)), (Ranges{{6, 6}, {1, 6}}));   // 9 is past the window
}

TEST(StepPlot, no_columns_or_an_empty_window_give_nothing) {
    const auto h = history({{0, 1}});
    EXPECT_TRUE(step_columns(h, 0, 1, 0).empty());
    EXPECT_TRUE(step_columns(h, 1, 1, 10).empty());
    EXPECT_EQ(ranges(step_columns(history({}), 0, 1, 2)), (Ranges{{-1, -1}, {-1, -1}}));
}

// 100,000 random samples into 640 columns, against the definition evaluated column by column:
// the level held at the column's start and every level set inside it.
TEST(StepPlot, a_hundred_thousand_samples_give_one_range_per_column) {
    std::mt19937 rng(7);
    std::vector<std::pair<double, int64_t>> samples;
    double t = 0;
    for (int i = 0; i < 100000; ++i) {
        t += std::uniform_real_distribution<double>(0, 0.002)(rng);
        samples.emplace_back(t, std::uniform_int_distribution<int64_t>(0, 50)(rng));
    }
    const auto h = history(samples);
    const double t0 = 10, t1 = t + 1;
    const size_t n = 640;
    const auto cols = step_columns(h, t0, t1, n);
    ASSERT_EQ(cols.size(), n);
    const double w = (t1 - t0) / n;
    for (size_t c = 0; c < n; ++c) {
        const double start = t0 + static_cast<double>(c) * w, end = start + w;
        int64_t lo = INT64_MAX, hi = INT64_MIN;
        for (size_t i = 0; i < samples.size(); ++i) {
            const bool held_at_start = samples[i].first <= start && (i + 1 == samples.size() || samples[i + 1].first > start);
            const bool set_inside = samples[i].first > start && samples[i].first < end;
            if (held_at_start || set_inside) {
                lo = std::min(lo, samples[i].second);
                hi = std::max(hi, samples[i].second);
            }
        }
        ASSERT_EQ(cols[c].lo, lo) << "column " << c;
        ASSERT_EQ(cols[c].hi, hi) << "column " << c;
    }
}

TEST(StepPlot, plots_the_waiters_of_every_kind_together) {
    ResourceHistory h(8);
    h.push({0, 0, {2, 0, 0}});
    h.push({1, 1, {0, 3, 1}});
    EXPECT_EQ(ranges(step_columns(h, 0, 2, 2, aio::views::sample_waiting)), (Ranges{{2, 2}, {2, 4}}));
}

TEST(StepPlot, reads_a_ring_that_has_dropped_its_oldest_samples) {
    const auto h = history({{0, 9}, {1, 1}, {2, 2}, {3, 3}, {4, 4}}, 4);   // {0, 9} is dropped
    EXPECT_EQ(ranges(step_columns(h, 0, 5, 5)), (Ranges{{-1, -1}, {1, 1}, {1, 2}, {2, 3}, {3, 4}}));
}

}  // namespace
