// playground/demos/params.cpp: list fields parsed as typed, every problem reported at once, and
// bad input named with its range before anything starts.
#include "playground/demos/context.hpp"
#include "tests/playground/demos/support/demo_run.hpp"

#include <gtest/gtest.h>

namespace {

using namespace aio::demos;
using namespace aio::demos::testing;

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

// ---- bad input: named, with its range, and nothing starts ----

TEST(ResolveParams, out_of_range_names_the_parameter_and_its_range) {
    EXPECT_EQ(error_of("queue", {{"producers", int64_t{-5}}}), "queue: producers must be 0..10000, got -5");
    EXPECT_EQ(error_of("count", {{"delay", 61.5}}), "count: delay must be 0..60, got 61.5");
    EXPECT_EQ(error_of("count", {{"delay", std::nan("")}}), "count: delay must be 0..60, got nan");
    EXPECT_EQ(error_of("rand", {{"tasks", int64_t{7}}}), "rand: tasks must be 1..6, got 7");
    EXPECT_EQ(error_of("chain", {{"seed", int64_t{-1}}}), "chain: seed must be 0..4294967295, got -1");
    EXPECT_EQ(error_of("chain", {{"ids", List{1, 1001}}}), "chain: ids items must each be 0..1000, got 1001");
}

TEST(ResolveParams, too_long_a_list_names_its_limit) {
    EXPECT_EQ(error_of("chain", {{"ids", List(101, 1)}}), "chain: ids must have at most 100 items, got 101");
    EXPECT_EQ(error_of("as_completed", {{"seq1", List(11, 1)}}), "as_completed: seq1 must have at most 10 items, got 11");
}

TEST(ResolveParams, min_above_max_is_rejected_with_the_allowed_range) {
    EXPECT_EQ(error_of("chain", {{"sleep_min", int64_t{5}}, {"sleep_max", int64_t{3}}}),
              "chain: sleep_min must be 0..3 (at most sleep_max), got 5");
    EXPECT_EQ(error_of("queue", {{"items_min", int64_t{11}}}), "queue: items_min must be 0..10 (at most items_max), got 11");
    EXPECT_EQ(error_of("queue", {{"sleep_min", int64_t{4}}, {"sleep_max", int64_t{4}}}), "(accepted)");
}

TEST(ResolveParams, unknown_names_and_wrong_kinds_are_rejected) {
    EXPECT_EQ(error_of("count", {{"seed", int64_t{1}}}), "count: unknown parameter 'seed' (known: n, delay, blocking)");
    EXPECT_EQ(error_of("count", {{"n", 2.5}}), "count: n must be a whole number 0..10000, got a number");
    EXPECT_EQ(error_of("count", {{"blocking", int64_t{1}}}), "count: blocking must be true or false, got a whole number");
    EXPECT_EQ(error_of("chain", {{"ids", std::string("1 2")}}), "chain: ids must be a list of whole numbers 0..1000, got text");
}

TEST(ResolveParams, fills_defaults_and_keeps_given_values) {
    const Params p = resolve_params(demo("queue"), {{"consumers", int64_t{0}}});
    EXPECT_EQ(std::get<int64_t>(p.at("consumers")), 0);
    EXPECT_EQ(std::get<int64_t>(p.at("producers")), 2);
    EXPECT_EQ(p.size(), demo("queue").params.size());
    EXPECT_EQ(std::get<double>(resolve_params(demo("count"), {{"delay", int64_t{2}}}).at("delay")), 2.0);  // a whole number is a number
}

TEST(ResolveParams, a_rejected_run_starts_nothing) {
    aio::Loop loop;
    const Demo& d = demo("queue");
    Context ctx = virtual_context(loop, [](const std::string&) { FAIL() << "printed"; });
    auto start = [&] { aio::create_task(loop, d.main(ctx, resolve_params(d, {{"consumers", int64_t{-1}}}))); };
    EXPECT_THROW(start(), ParamError);
    EXPECT_EQ(loop.tasks_created(), 0u);
}

}  // namespace
