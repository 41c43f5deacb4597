// rand (playground/demos/rand.cpp): the walkthrough's coloured run, and rand.py across seeds.
#include "tests/playground/demos/support/demo_run.hpp"

#include <gtest/gtest.h>

namespace {

using namespace aio::demos;
using namespace aio::demos::testing;

TEST(RandDemo, defaults_end_with_the_walkthroughs_results_in_colour) {
    const Lines out = lines_of(demo("rand"));
    ASSERT_GE(out.size(), 3u);
    EXPECT_EQ(out.front(), "\033[36mInitiated makerandom(0).");
    EXPECT_EQ(out[1], "\033[36mmakerandom(0) == 4 too low; retrying.");
    EXPECT_EQ(out[out.size() - 3], "\033[36m---> Finished: makerandom(0) == 10\033[0m");
    EXPECT_EQ(out[out.size() - 2], "");
    EXPECT_EQ(out.back(), "r1: 10, r2: 10, r3: 9");
}

TEST(DemosVsCPython, rand_matches_rand_py_across_seeds) {
    NEEDS_CPYTHON();
    const List tasks = {3, 1, 2, 4, 5, 6}, highs = {10, 1, 2, 5, 20};
    std::vector<Params> sets = {{}};
    for (size_t i = 0; i < 40; ++i)
        sets.push_back({{"seed", kSeeds[i % kSeeds.size()]}, {"tasks", tasks[i % tasks.size()]}, {"high", highs[i % highs.size()]}});
    expect_same_as_cpython("rand", sets);
}

}  // namespace
