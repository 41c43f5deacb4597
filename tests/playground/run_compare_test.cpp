// Labelling runs put side by side and saying when their parameters differ.
#include "playground/demos/run_compare.hpp"

#include <gtest/gtest.h>

namespace {

using namespace aio::demos;
const std::vector<std::string> kCount{"n", "delay"};

TEST(RunCompare, labels_each_run_with_its_parameters) {
    EXPECT_EQ(params_label({{"n", int64_t{3}}, {"delay", 1.0}, {"blocking", true}}, kCount), "n=3, delay=1");
    EXPECT_EQ(params_label({{"n", int64_t{4}}, {"delay", 0.5}}, kCount), "n=4, delay=0.5");
    EXPECT_EQ(params_label({{"n", int64_t{4}}}, kCount), "n=4");
}

TEST(RunCompare, same_parameters_are_comparable) {
    EXPECT_EQ(comparability_note({{"n", int64_t{3}}, {"delay", 1.0}, {"blocking", false}},
                                 {{"n", int64_t{3}}, {"delay", 1.0}, {"blocking", true}}, kCount),
              "");
}

TEST(RunCompare, names_what_differs) {
    EXPECT_EQ(comparability_note({{"n", int64_t{3}}, {"delay", 1.0}}, {{"n", int64_t{4}}, {"delay", 1.0}}, kCount),
              "not comparable: different n");
    EXPECT_EQ(comparability_note({{"n", int64_t{3}}, {"delay", 1.0}}, {{"n", int64_t{4}}, {"delay", 2.0}}, kCount),
              "not comparable: different n and delay");
    EXPECT_EQ(differing_params({{"n", int64_t{3}}}, {{"n", int64_t{3}}, {"delay", 2.0}}, kCount),
              std::vector<std::string>{"delay"});
}

}  // namespace
