// ResourceHistory (runtime/resource_history.hpp): a ring of samples bounded by a power-of-two
// capacity, oldest first, that drops the oldest once full and counts what it dropped.
#include "runtime/resource_history.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace {
using aio::ResourceHistory;
using aio::ResourceSample;

ResourceSample sample(int i) { return {static_cast<aio::Time>(i), i, {static_cast<uint32_t>(i % 3), 0, 0}}; }

std::vector<int64_t> levels(const ResourceHistory& h) {
    std::vector<int64_t> out;
    for (size_t i = 0; i < h.size(); ++i) out.push_back(h[i].level);
    return out;
}

TEST(ResourceHistory, capacity_is_rounded_up_to_a_power_of_two) {
    EXPECT_EQ(ResourceHistory(0).capacity(), 1u);
    EXPECT_EQ(ResourceHistory(1).capacity(), 1u);
    EXPECT_EQ(ResourceHistory(3).capacity(), 4u);
    EXPECT_EQ(ResourceHistory(4).capacity(), 4u);
    EXPECT_EQ(ResourceHistory(5).capacity(), 8u);
    EXPECT_EQ(ResourceHistory(1 << 17).capacity(), size_t{1} << 17);
}

TEST(ResourceHistory, keeps_samples_oldest_first_until_full) {
    ResourceHistory h(4);
    EXPECT_TRUE(h.empty());
    EXPECT_EQ(h.size(), 0u);
    for (int i = 1; i <= 3; ++i) h.push(sample(i));
    EXPECT_FALSE(h.empty());
    EXPECT_EQ(levels(h), (std::vector<int64_t>{1, 2, 3}));
    EXPECT_EQ(h.back().level, 3);
    EXPECT_EQ(h[1].time, 2.0);
    EXPECT_EQ(h[1].waiters[0], 2u);
    EXPECT_EQ(h.dropped(), 0u);
}

// Past its capacity, each new sample takes the oldest one's place: the ring holds the latest.
TEST(ResourceHistory, once_full_drops_the_oldest_and_counts_them) {
    ResourceHistory h(4);
    for (int i = 1; i <= 10; ++i) {
        h.push(sample(i));
        EXPECT_EQ(h.size(), static_cast<size_t>(std::min(i, 4)));
        EXPECT_EQ(h.back().level, i);
        EXPECT_EQ(h[0].level, std::max(1, i - 3));
    }
    EXPECT_EQ(levels(h), (std::vector<int64_t>{7, 8, 9, 10}));
    EXPECT_EQ(h.dropped(), 6u);
    EXPECT_EQ(h.capacity(), 4u);
}

// pushed() counts the kept and the dropped; first(n) reads the oldest n kept, as the whole does.
TEST(ResourceHistory, pushed_counts_every_sample_and_first_reads_the_oldest_kept) {
    ResourceHistory h(4);
    for (int i = 1; i <= 6; ++i) {
        h.push(sample(i));
        EXPECT_EQ(h.pushed(), static_cast<uint64_t>(i));
    }
    EXPECT_EQ(h.dropped(), 2u);
    const aio::ResourceSampleView all = h, two = h.first(2);
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[0].level, 3);
    EXPECT_EQ(all.back().level, 6);
    ASSERT_EQ(two.size(), 2u);
    EXPECT_EQ(two[0].level, 3);
    EXPECT_EQ(two.back().level, 4);
    EXPECT_TRUE(h.first(0).empty());
    EXPECT_TRUE(aio::ResourceSampleView().empty());
}

TEST(ResourceHistory, a_capacity_of_one_keeps_the_last_sample) {
    ResourceHistory h(1);
    h.push(sample(1));
    h.push(sample(2));
    EXPECT_EQ(levels(h), (std::vector<int64_t>{2}));
    EXPECT_EQ(h.dropped(), 1u);
}

// SIZE_MAX asks for as many samples as memory holds, as the span log's budget does: the rounding
// stops at the largest power of two instead of doubling past it.
TEST(ResourceHistory, a_capacity_above_the_largest_power_of_two_is_that_power) {
    const size_t largest = ~(SIZE_MAX >> 1);
    EXPECT_EQ(ResourceHistory::power_of_two_at_least(largest), largest);
    EXPECT_EQ(ResourceHistory::power_of_two_at_least(largest + 1), largest);
    ResourceHistory h(SIZE_MAX);
    EXPECT_EQ(h.capacity(), largest);
    for (int i = 1; i <= 100; ++i) h.push(sample(i));
    EXPECT_EQ(h.size(), 100u);
    EXPECT_EQ(h.dropped(), 0u);
}

}  // namespace
