// count (playground/demos/count.cpp): its output, awaited and blocking, and against countasync.py.
#include "tests/playground/demos/support/demo_run.hpp"

#include <gtest/gtest.h>

namespace {

using namespace aio::demos;
using namespace aio::demos::testing;

TEST(CountDemo, defaults_print_every_one_before_any_two_in_one_second) {
    EXPECT_EQ(lines_of(demo("count")),
              (Lines{"One", "One", "One", "Two", "Two", "Two", "countasync.py executed in 1.00 seconds."}));
}

TEST(CountDemo, blocking_alternates_and_takes_n_delays) {
    EXPECT_EQ(lines_of(demo("count"), {{"blocking", true}}),
              (Lines{"One", "Two", "One", "Two", "One", "Two", "countasync.py executed in 3.00 seconds."}));
}

TEST(DemosVsCPython, count_matches_countasync_py) {
    NEEDS_CPYTHON();
    std::vector<Params> sets;
    for (int64_t n : {0, 1, 3, 7})
        for (double delay : {0.0, 0.1, 1.0, 2.5})
            for (bool blocking : {false, true}) sets.push_back({{"n", n}, {"delay", delay}, {"blocking", blocking}});
    sets.push_back({});
    expect_same_as_cpython("count", sets);
}

}  // namespace
