// aio_run's flags (playground/runner/args.cpp): each demo's script spellings from its parameter
// table, positional lists, files for text, and bad input named before anything runs.
#include "playground/runner/args.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace {

using namespace aio::demos;
using aio::runner::parse_args;
using List = std::vector<int64_t>;

const Demo& demo(const char* name) { return *find_demo(name); }
int64_t int_of(const aio::runner::Options& o, const char* name) { return std::get<int64_t>(o.params.at(name)); }

std::string error_of(const char* name, const std::vector<std::string>& args) {
    try {
        parse_args(demo(name), args);
    } catch (const ParamError& e) {
        return e.what();
    }
    return "(accepted)";
}

TEST(RunnerArgs, the_scripts_short_and_long_flags_set_their_parameter) {
    const auto o = parse_args(demo("queue"), {"-p", "1", "--ncon", "3", "--sleep-max", "4"});
    EXPECT_EQ(int_of(o, "producers"), 1);
    EXPECT_EQ(int_of(o, "consumers"), 3);
    EXPECT_EQ(int_of(o, "sleep_max"), 4);
    EXPECT_EQ(int_of(parse_args(demo("queue"), {"--nprod=4", "-c", "0"}), "producers"), 4);
    EXPECT_EQ(int_of(parse_args(demo("queue"), {"--producers", "5"}), "producers"), 5);   // the generic --name too
}

TEST(RunnerArgs, one_letter_names_take_a_single_dash_and_underscores_a_dash) {
    const auto o = parse_args(demo("count"), {"-n", "4", "--blocking", "--delay", "0.5"});
    EXPECT_EQ(int_of(o, "n"), 4);
    EXPECT_TRUE(std::get<bool>(o.params.at("blocking")));
    EXPECT_EQ(std::get<double>(o.params.at("delay")), 0.5);
    EXPECT_EQ(int_of(parse_args(demo("chain"), {"--sleep_min=2"}), "sleep_min"), 2);
}

TEST(RunnerArgs, a_positional_list_takes_every_whole_number) {
    EXPECT_EQ(std::get<List>(parse_args(demo("chain"), {"4", "5", "--seed", "7"}).params.at("ids")), (List{4, 5}));
    EXPECT_EQ(std::get<List>(parse_args(demo("as_completed"), {"--seq1", "1", "2"}).params.at("seq1")), (List{1, 2}));
    EXPECT_EQ(error_of("count", {"4"}), "count: unexpected argument '4'");   // count has no positional parameter
}

TEST(RunnerArgs, bad_flags_and_values_are_named_with_their_range) {
    EXPECT_EQ(error_of("queue", {"-p", "-5"}), "queue: producers must be 0..10000, got -5");
    EXPECT_EQ(error_of("queue", {"-p", "x"}), "queue: producers must be a whole number 0..10000, got 'x'");
    EXPECT_EQ(error_of("count", {"--nope"}), "count: unknown flag --nope (aio_run count --help lists them)");
    EXPECT_EQ(error_of("count", {"-p", "1"}), "count: unknown flag -p (aio_run count --help lists them)");
    EXPECT_EQ(error_of("count", {"--clock", "fast"}), "--clock must be real or virtual, got 'fast'");
}

TEST(RunnerArgs, a_text_parameter_is_read_from_the_file_its_flag_names) {
    const std::string path = ::testing::TempDir() + "aio_urls.txt";
    std::ofstream(path) << "http://a.test/\n";
    EXPECT_EQ(std::get<std::string>(parse_args(demo("crawler"), {"--urls", path}).params.at("urls")), "http://a.test/\n");
    std::remove(path.c_str());
    EXPECT_NE(error_of("crawler", {"--urls", path}).find("cannot read '" + path + "'"), std::string::npos);
}

TEST(RunnerArgs, a_demo_that_makes_real_requests_runs_on_the_real_clock_only) {
    EXPECT_EQ(error_of("crawler", {"--clock", "virtual"}), "crawler makes real requests: it runs on --clock real only");
    EXPECT_EQ(parse_args(demo("crawler"), {"--out", "x.txt"}).out, "x.txt");
    EXPECT_EQ(error_of("count", {"--out", "x.txt"}), "count: unknown flag --out (aio_run count --help lists them)");
}

TEST(RunnerArgs, help_lists_each_parameters_script_spellings_and_the_same_command) {
    const std::string help = aio::runner::demo_help(demo("queue"));
    EXPECT_NE(help.find("-p, --nprod, --producers N"), std::string::npos) << help;
    EXPECT_NE(help.find("The same run in Python: python3 asyncq.py -p 2 -c 5\n"), std::string::npos) << help;
    EXPECT_NE(aio::runner::demo_help(demo("chain")).find("[ids ...], --ids N ..."), std::string::npos);
    EXPECT_NE(aio::runner::demo_help(demo("crawler")).find("--out FILE"), std::string::npos);
    EXPECT_EQ(aio::runner::demo_help(demo("count")).find("--out FILE"), std::string::npos);
}

}  // namespace
