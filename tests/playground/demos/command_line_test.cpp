// command_line (playground/demos/command_line.cpp): each demo's script command, from its parameter table.
#include "tests/playground/demos/support/demo_run.hpp"

#include <gtest/gtest.h>

namespace {

using namespace aio::demos;
using namespace aio::demos::testing;

TEST(CommandLine, default_commands_are_the_walkthroughs) {
    auto cmd = [](const char* name, const Params& p = {}) { return command_line(demo(name), resolve_params(demo(name), p)); };
    EXPECT_EQ(cmd("count"), "python3 countasync.py");
    EXPECT_EQ(cmd("count", {{"n", int64_t{5}}, {"delay", 0.5}, {"blocking", true}}), "python3 countasync.py -n 5 --delay 0.5 --blocking");
    EXPECT_EQ(cmd("chain"), "python3 chained.py 1 2 3");
    EXPECT_EQ(cmd("chain", {{"ids", List{4}}, {"seed", int64_t{7}}, {"sleep_max", int64_t{3}}}), "python3 chained.py 4 --seed 7 --sleep-max 3");
    EXPECT_EQ(cmd("queue"), "python3 asyncq.py -p 2 -c 5");
    EXPECT_EQ(cmd("queue", {{"maxsize", int64_t{1}}, {"seed", int64_t{1}}}), "python3 asyncq.py -p 2 -c 5 --seed 1 --maxsize 1");
    EXPECT_EQ(cmd("rand"), "python3 rand.py");
    EXPECT_EQ(cmd("as_completed"), "python3 as_completed.py --seq1 3 2 1 --seq2 10 5 0");
    EXPECT_EQ(cmd("asyncgen"), "python3 asyncgen.py");
    EXPECT_EQ(cmd("crawler"), "python3 areq.py");
    EXPECT_EQ(cmd("crawler", {{"depth", int64_t{2}}, {"timeout", 2.5}}), "python3 areq.py --timeout 2.5 --depth 2");
}

}  // namespace
