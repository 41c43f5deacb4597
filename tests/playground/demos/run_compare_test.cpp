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

// A demo's run and its comparison's twin are kept apart; a demo without one has a single key.
TEST(RunCompare, the_twin_run_is_kept_under_its_own_key) {
    for (const Demo* d : all_demos()) {
        const Params defaults = resolve_params(*d, {});
        EXPECT_FALSE(is_twin(*d, defaults)) << d->name;
        EXPECT_EQ(run_key(*d, false), d->name);
        if (!d->comparison) {
            EXPECT_EQ(run_key(*d, true), d->name);
            continue;
        }
        Params twin = defaults;
        twin[d->comparison->flag] = true;
        EXPECT_TRUE(is_twin(*d, twin)) << d->name;
        EXPECT_EQ(run_key(*d, true), d->name + "/" + d->comparison->flag);
    }
    EXPECT_EQ(run_key(*find_demo("count"), true), "count/blocking");
}

// What a comparison names is the demo's own: a Bool flag and parameters it has.
TEST(RunCompare, a_comparison_names_its_demos_own_flag_and_parameters) {
    size_t comparisons = 0;
    for (const Demo* d : all_demos()) {
        if (!d->comparison) continue;
        ++comparisons;
        const Params defaults = resolve_params(*d, {});
        ASSERT_TRUE(defaults.count(d->comparison->flag)) << d->name;
        EXPECT_TRUE(std::holds_alternative<bool>(defaults.at(d->comparison->flag))) << d->name;
        for (const std::string& name : d->comparison->compared) EXPECT_TRUE(defaults.count(name)) << d->name << ": " << name;
    }
    EXPECT_EQ(comparisons, 1u);   // count's blocking twin
}

}  // namespace
