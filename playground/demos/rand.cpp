// rand, after rand.py: makerandom(idx) tasks draw random numbers until one beats their
// threshold, sleeping idx + 1 seconds after each miss; each task prints in its own ANSI colour.
#include "playground/demos/demo.hpp"

namespace aio::demos {

namespace {

const char* const kPython = R"py(#!/usr/bin/env python3
# rand.py: makerandom(idx) draws randint(0, high) until a number beats its
# threshold, sleeping idx + 1 seconds after each miss. Each task prints in its
# own colour.

import argparse
import asyncio
import random

# ANSI colors
c = (
    "\033[0m",   # End of color
    "\033[36m",  # Cyan
    "\033[91m",  # Red
    "\033[35m",  # Magenta
    "\033[32m",  # Green
    "\033[33m",  # Yellow
    "\033[34m",  # Blue
)
high = 10  # randint's upper bound (--high)

async def makerandom(idx: int, threshold: int = 6) -> int:
    print(c[idx + 1] + f"Initiated makerandom({idx}).")
    i = random.randint(0, high)
    while i <= threshold:
        print(c[idx + 1] + f"makerandom({idx}) == {i} too low; retrying.")
        await asyncio.sleep(idx + 1)
        i = random.randint(0, high)
    print(c[idx + 1] + f"---> Finished: makerandom({idx}) == {i}" + c[0])
    return i

async def main(ntasks: int):
    res = await asyncio.gather(*(makerandom(i, high - i - 1) for i in range(ntasks)))
    return res

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=444)
    parser.add_argument("--tasks", type=int, default=3)
    parser.add_argument("--high", type=int, default=10)
    ns = parser.parse_args()
    random.seed(ns.seed)
    high = ns.high
    rs = asyncio.run(main(ns.tasks))
    print()
    print(", ".join(f"r{k}: {r}" for k, r in enumerate(rs, 1)))
)py";

// The script's colour table: reset, then one colour per task.
const char* const kColours[] = {"\033[0m", "\033[36m", "\033[91m", "\033[35m", "\033[32m", "\033[33m", "\033[34m"};

Coro<int64_t> makerandom(Context& ctx, int64_t high, int64_t idx, int64_t threshold) {
    const std::string call = "makerandom(" + std::to_string(idx) + ")";
    co_await frame_name(call);
    const std::string colour = kColours[idx + 1];
    ctx.print(colour + "Initiated " + call + ".");
    int64_t i = ctx.random.randint(0, high);
    while (i <= threshold) {
        ctx.print(colour + call + " == " + std::to_string(i) + " too low; retrying.");
        co_await sleep(static_cast<double>(idx + 1));
        i = ctx.random.randint(0, high);
    }
    ctx.print(colour + "---> Finished: " + call + " == " + std::to_string(i) + kColours[0]);
    co_return i;
}

Coro<std::vector<int64_t>> rand_main(Context& ctx, int64_t high, int64_t ntasks) {
    co_await frame_name("main()");
    std::vector<Coro<int64_t>> coros;
    for (int64_t i = 0; i < ntasks; ++i) coros.push_back(makerandom(ctx, high, i, high - i - 1));
    co_return co_await gather(std::move(coros));
}

Coro<void> program(Context& ctx, Params p) {
    ctx.random.seed(std::get<int64_t>(p["seed"]));
    const std::vector<int64_t> rs = co_await rand_main(ctx, std::get<int64_t>(p["high"]), std::get<int64_t>(p["tasks"]));
    ctx.print("");
    std::string line;
    for (size_t k = 0; k < rs.size(); ++k) line += (k ? ", r" : "r") + std::to_string(k + 1) + ": " + std::to_string(rs[k]);
    ctx.print(line);
}


}  // namespace

const Demo& rand_demo() {
    static const Demo demo{
        .name = "rand",
        .title = "rand: tasks that retry until lucky",
        .script = "rand.py",
        .summary = "Each makerandom() task draws random numbers until one beats its threshold, sleeping after each "
                   "miss, so the tasks interleave; gather returns their results in argument order.",
        .params = {
            {"seed", Param::Kind::Int, int64_t{444}, 0, 4294967295.0, 0, "random.seed() before the run"},
            {"tasks", Param::Kind::Int, int64_t{3}, 1, 6, 0, "makerandom() tasks, each in its own colour"},
            {"high", Param::Kind::Int, int64_t{10}, 1, 100, 0, "draws are randint(0, high); task idx needs more than high - idx - 1"},
        },
        .python = kPython,
        .await_lines = {{{"makerandom", "sleep"}, 27}, {{"main", "gather"}, 33}},
        .main = program,
    };
    return demo;
}

}  // namespace aio::demos
