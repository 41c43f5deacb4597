// asyncgen (playground/demos/asyncgen.cpp): the comprehensions' results, and asyncgen.py.
#include "tests/playground/demos/support/demo_run.hpp"

#include <gtest/gtest.h>

namespace {

using namespace aio::demos;
using namespace aio::demos::testing;

TEST(AsyncgenDemo, comprehensions_collect_powers_of_two) {
    EXPECT_EQ(lines_of(demo("asyncgen")), (Lines{
        "g = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]",
        "f = [1, 2, 16, 32, 256, 512]",
        "asyncgen.py executed in 2.00 seconds.",
    }));
}

TEST(DemosVsCPython, asyncgen_matches_asyncgen_py) {
    NEEDS_CPYTHON();
    std::vector<Params> sets;
    for (int64_t u : {0, 1, 5, 10, 20, 62})
        for (double delay : {0.0, 0.1, 0.25}) sets.push_back({{"u", u}, {"delay", delay}});
    expect_same_as_cpython("asyncgen", sets);
}

}  // namespace
