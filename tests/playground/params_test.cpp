// playground/demos/params.cpp: list fields parsed as typed, and every problem reported at once.
#include "playground/demos/demo.hpp"

#include <gtest/gtest.h>

namespace {

using namespace aio::demos;
using List = std::vector<int64_t>;

const Demo& chain() { return *find_demo("chain"); }
const Param& ids() { return chain().params.front(); }

TEST(ParseIntList, names_the_first_token_that_is_not_a_whole_number) {
    const ParsedList parsed = parse_int_list(ids(), "1 x 3");
    EXPECT_EQ(parsed.problem, "ids: 'x' is not a whole number");
    EXPECT_EQ(parsed.values, List{1});
    EXPECT_EQ(parse_int_list(ids(), "2 3.5").problem, "ids: '3.5' is not a whole number");
}

TEST(ParseIntList, accepts_spaces_commas_and_signs) {
    const ParsedList parsed = parse_int_list(ids(), " 5, 2000  -3 ");
    EXPECT_EQ(parsed.problem, "");
    EXPECT_EQ(parsed.values, (List{5, 2000, -3}));
    EXPECT_EQ(parse_int_list(ids(), "").values, List{});
}

TEST(ParseIntList, a_number_too_big_to_hold_names_the_range) {
    EXPECT_EQ(parse_int_list(ids(), "1 99999999999999999999").problem, "ids: '99999999999999999999' is out of range (0..1000)");
}

TEST(ParamProblems, reports_every_field_at_once_in_table_order) {
    const auto problems = param_problems(chain(), {{"ids", List{5, 2000, -3}}, {"seed", int64_t{99999999999}}, {"sleep_max", int64_t{99}}});
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems[0], (std::pair<std::string, std::string>{"ids", "ids items must each be 0..1000, got 2000"}));
    EXPECT_EQ(problems[1], (std::pair<std::string, std::string>{"seed", "seed must be 0..4294967295, got 99999999999"}));
    EXPECT_EQ(problems[2], (std::pair<std::string, std::string>{"sleep_max", "sleep_max must be 0..60, got 99"}));
}

TEST(ParamProblems, min_above_max_is_reported_on_the_minimum) {
    const auto problems = param_problems(chain(), {{"sleep_min", int64_t{5}}, {"sleep_max", int64_t{3}}});
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].first, "sleep_min");
    EXPECT_EQ(problems[0].second, "sleep_min must be 0..3 (at most sleep_max), got 5");
    EXPECT_TRUE(param_problems(chain(), {}).empty());
}

TEST(ParamProblems, resolve_params_rejects_with_the_first_problem) {
    EXPECT_THROW(
        {
            try {
                resolve_params(chain(), {{"seed", int64_t{-1}}, {"sleep_max", int64_t{99}}});
            } catch (const ParamError& e) {
                EXPECT_STREQ(e.what(), "chain: seed must be 0..4294967295, got -1");
                throw;
            }
        },
        ParamError);
}

TEST(ParamProblems, a_crawler_url_list_with_no_url_is_refused) {
    const Demo& crawler = *find_demo("crawler");
    for (const char* blank : {"", "  \n\t\n"}) {
        const auto problems = param_problems(crawler, {{"urls", std::string(blank)}});
        ASSERT_EQ(problems.size(), 1u);
        EXPECT_EQ(problems[0].second, "urls must have at least 1 non-blank line, got 0");
    }
    EXPECT_TRUE(param_problems(crawler, {{"urls", std::string("\nsample-site/index.html\n")}}).empty());
}

}  // namespace
