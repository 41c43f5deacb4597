// as_completed (playground/demos/as_completed.cpp): gather against as_completed, and the script
// with ties and empty lists.
#include "tests/playground/demos/support/demo_run.hpp"

#include <gtest/gtest.h>

namespace {

using namespace aio::demos;
using namespace aio::demos::testing;

TEST(AsCompletedDemo, gather_waits_for_both_and_as_completed_gives_each_when_ready) {
    EXPECT_EQ(lines_of(demo("as_completed")), (Lines{
        "With gather():",
        "Start: 0.00",
        "res: [[1, 2, 3], [0, 5, 10]] completed at 10.00",
        "End: 10.00",
        "Both tasks done: True",
        "With as_completed():",
        "Start: 0.00",
        "res: [1, 2, 3] completed at 3.00",
        "res: [0, 5, 10] completed at 10.00",
        "End: 10.00",
        "Both tasks done: True",
    }));
}

TEST(DemosVsCPython, as_completed_matches_including_ties_and_empty_lists) {
    NEEDS_CPYTHON();
    const std::vector<std::pair<List, List>> seqs = {
        {{3, 2, 1}, {10, 5, 0}}, {{10, 5, 0}, {3, 2, 1}}, {{3}, {3}}, {{}, {}}, {{0}, {5}},
        {{5, 5}, {1, 2, 5}}, {{}, {1}}, {{60}, {0, 0, 0}}, {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, {2}},
    };
    std::vector<Params> sets;
    for (const auto& [a, b] : seqs) sets.push_back({{"seq1", a}, {"seq2", b}});
    expect_same_as_cpython("as_completed", sets);
}

}  // namespace
