// chain (playground/demos/chain.cpp): the walkthrough's run, and chained.py across seeds and ranges.
#include "tests/playground/demos/support/demo_run.hpp"

#include <gtest/gtest.h>

namespace {

using namespace aio::demos;
using namespace aio::demos::testing;

TEST(ChainDemo, defaults_print_the_walkthroughs_run) {
    EXPECT_EQ(lines_of(demo("chain")), (Lines{
        "part1(1) sleeping for 4 seconds.",
        "part1(2) sleeping for 4 seconds.",
        "part1(3) sleeping for 0 seconds.",
        "Returning part1(3) == result3-1.",
        "part2(3, 'result3-1') sleeping for 4 seconds.",
        "Returning part1(1) == result1-1.",
        "part2(1, 'result1-1') sleeping for 7 seconds.",
        "Returning part1(2) == result2-1.",
        "part2(2, 'result2-1') sleeping for 4 seconds.",
        "Returning part2(3, 'result3-1') == result3-2 derived from result3-1.",
        "-->Chained result3 => result3-2 derived from result3-1 (took 4.00 seconds).",
        "Returning part2(2, 'result2-1') == result2-2 derived from result2-1.",
        "-->Chained result2 => result2-2 derived from result2-1 (took 8.00 seconds).",
        "Returning part2(1, 'result1-1') == result1-2 derived from result1-1.",
        "-->Chained result1 => result1-2 derived from result1-1 (took 11.00 seconds).",
        "Program finished in 11.00 seconds.",
    }));
}

TEST(DemosVsCPython, chain_matches_chained_py_across_seeds_and_ranges) {
    NEEDS_CPYTHON();
    const std::vector<List> ids = {{1, 2, 3}, {}, {5}, {1, 1, 2}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {3, 2, 1, 0}, {1000, 7}};
    std::vector<Params> sets = {{}};
    for (size_t i = 0; i < 40; ++i) {
        const auto [lo, hi] = kRanges[i % kRanges.size()];
        sets.push_back({{"seed", kSeeds[i % kSeeds.size()]}, {"sleep_min", lo}, {"sleep_max", hi}, {"ids", ids[i % ids.size()]}});
    }
    expect_same_as_cpython("chain", sets);
}

}  // namespace
