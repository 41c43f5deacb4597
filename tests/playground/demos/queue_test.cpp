// queue (playground/demos/queue.cpp): the walkthrough's run, its item ids, and asyncq.py across
// seeds, sizes and ties.
#include "tests/playground/demos/support/demo_run.hpp"

#include <gtest/gtest.h>

namespace {

using namespace aio::demos;
using namespace aio::demos::testing;

TEST(QueueDemo, defaults_start_with_producer_0_and_take_29_seconds) {
    const Lines out = masked(lines_of(demo("queue")));
    ASSERT_EQ(out.size(), 22u);
    EXPECT_EQ(out.front(), "Producer 0 sleeping for 4 seconds.");
    EXPECT_EQ(out[6], "Producer 0 added <ITEM> to queue.");
    EXPECT_EQ(out[8], "Consumer 0 got element <ITEM> in 0.00000 seconds.");
    EXPECT_EQ(out.back(), "Program completed in 29.00000 seconds.");
}

TEST(QueueDemo, item_ids_come_from_entropy_not_from_the_seeded_generator) {
    const Lines a = run_model(demo("queue"), {}, 1).lines, b = run_model(demo("queue"), {}, 2).lines;
    EXPECT_NE(a, b);
    EXPECT_EQ(masked(a), masked(b));
    EXPECT_NE(a[6], mask_items(a[6]));   // ten hex digits in angle brackets
}

// A run is a function of its demo, parameters and entropy seed: told again with the same seed, the
// item ids are the same.
TEST(QueueDemo, the_same_entropy_seed_gives_the_same_item_ids) {
    const Lines a = run_model(demo("queue"), {}, 77).lines, b = run_model(demo("queue"), {}, 77).lines;
    EXPECT_EQ(a, b);
    EXPECT_NE(a, run_model(demo("queue"), {}, 78).lines);
}

TEST(DemosVsCPython, queue_matches_asyncq_py_across_seeds_sizes_and_ties) {
    NEEDS_CPYTHON();
    const List producers = {2, 1, 3, 0, 5}, consumers = {5, 1, 2, 10, 3, 0}, maxsizes = {0, 1, 2, 0, 5};
    std::vector<Params> sets = {{}};
    for (size_t i = 0; i < 42; ++i) {
        const auto [ilo, ihi] = kRanges[(i / 2) % kRanges.size()];
        const auto [slo, shi] = kRanges[i % kRanges.size()];
        sets.push_back({{"seed", kSeeds[i % kSeeds.size()]}, {"producers", producers[i % producers.size()]},
                        {"consumers", consumers[i % consumers.size()]}, {"maxsize", maxsizes[i % maxsizes.size()]},
                        {"items_min", ilo}, {"items_max", ihi}, {"sleep_min", slo}, {"sleep_max", shi}});
    }
    // No consumers: join() (or a full queue) waits forever unless nothing is produced.
    sets.push_back({{"consumers", int64_t{0}}, {"items_max", int64_t{0}}});
    sets.push_back({{"consumers", int64_t{0}}, {"producers", int64_t{0}}});
    sets.push_back({{"consumers", int64_t{0}}, {"maxsize", int64_t{1}}});
    sets.push_back({{"producers", int64_t{0}}, {"consumers", int64_t{0}}, {"maxsize", int64_t{1}}});
    expect_same_as_cpython("queue", sets);
}

}  // namespace
