// playground/state/params_json.hpp: what window.aio.run and aio.show take for each parameter
// kind, and how a refusal names the demo, the parameter and what it takes.
#include "playground/state/params_json.hpp"

#include <gtest/gtest.h>

namespace {

using aio::page::params_from_json;
using nlohmann::json;

const aio::demos::Demo& demo(const std::string& name) { return *aio::demos::find_demo(name); }

std::string refusal(const std::string& d, const json& given) {
    try {
        params_from_json(demo(d), given);
    } catch (const aio::demos::ParamError& e) {
        return e.what();
    }
    return "";
}

TEST(ParamsJson, each_kind_reads_its_json_value) {
    const auto q = params_from_json(demo("queue"), json{{"producers", 3}, {"seed", 7.0}});
    EXPECT_EQ(std::get<int64_t>(q.at("producers")), 3);
    EXPECT_EQ(std::get<int64_t>(q.at("seed")), 7) << "7.0 is a whole number";
    EXPECT_EQ(q.count("consumers"), 0u) << "missing parameters are left to resolve_params";
    const auto c = params_from_json(demo("chain"), json{{"ids", {1, 2, 3}}});
    EXPECT_EQ(std::get<std::vector<int64_t>>(c.at("ids")), (std::vector<int64_t>{1, 2, 3}));
    EXPECT_DOUBLE_EQ(std::get<double>(params_from_json(demo("count"), json{{"delay", 0.5}}).at("delay")), 0.5);
    const auto w = params_from_json(demo("crawler"), json{{"urls", "https://a.example/\nhttps://b.example/"}});
    EXPECT_EQ(std::get<std::string>(w.at("urls")), "https://a.example/\nhttps://b.example/");
    const auto n = params_from_json(demo("count"), json{{"blocking", true}});
    EXPECT_TRUE(std::get<bool>(n.at("blocking")));
}

TEST(ParamsJson, a_value_of_the_wrong_kind_is_named_with_what_it_takes) {
    EXPECT_EQ(refusal("queue", json{{"producers", "abc"}}), "queue: producers must be a whole number, got \"abc\"");
    EXPECT_EQ(refusal("queue", json{{"producers", 2.5}}), "queue: producers must be a whole number, got 2.5");
    EXPECT_EQ(refusal("chain", json{{"ids", {1, "x"}}}), "chain: ids[1] must be a whole number, got \"x\"");
    EXPECT_EQ(refusal("count", json{{"blocking", 1}}), "count: blocking must be true or false, got 1");
    EXPECT_EQ(refusal("crawler", json{{"urls", 3}}), "crawler: urls must be text, got 3");
    EXPECT_EQ(refusal("crawler", json{{"urls", std::string("a\0b", 3)}}), "crawler: urls must not contain NUL (\\u0000)");
}

TEST(ParamsJson, an_unknown_parameter_or_a_non_object_is_refused) {
    EXPECT_EQ(refusal("queue", json{{"n", 3}}), "queue: unknown parameter 'n'");
    EXPECT_EQ(refusal("queue", json::array()), "params must be an object of parameter names to values");
}

}  // namespace
