// chain, after chained.py: each chain awaits part1, then part2 with part1's result. The chains
// run concurrently under gather, so the program takes as long as its slowest chain.
#include "playground/demos/demo.hpp"

#include <cstdio>

namespace aio::demos {

namespace {

const char* const kPython = R"py(#!/usr/bin/env python3
# chained.py: each chain awaits part1(), then part2() with part1's result. The
# chains run concurrently, so the program takes as long as the slowest one.

import argparse
import asyncio
import random
import time

sleep_range = (0, 10)  # randint's bounds for each sleep (--sleep-min, --sleep-max)

async def part1(n: int) -> str:
    i = random.randint(*sleep_range)
    print(f"part1({n}) sleeping for {i} seconds.")
    await asyncio.sleep(i)
    result = f"result{n}-1"
    print(f"Returning part1({n}) == {result}.")
    return result

async def part2(n: int, arg: str) -> str:
    i = random.randint(*sleep_range)
    print(f"part2{n, arg} sleeping for {i} seconds.")
    await asyncio.sleep(i)
    result = f"result{n}-2 derived from {arg}"
    print(f"Returning part2{n, arg} == {result}.")
    return result

async def chain(n: int) -> None:
    start = time.perf_counter()
    p1 = await part1(n)
    p2 = await part2(n, p1)
    end = time.perf_counter() - start
    print(f"-->Chained result{n} => {p2} (took {end:0.2f} seconds).")

async def main(*args):
    await asyncio.gather(*(chain(n) for n in args))

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("ids", nargs="*", type=int, default=[1, 2, 3])
    parser.add_argument("--seed", type=int, default=444)
    parser.add_argument("--sleep-min", type=int, default=0)
    parser.add_argument("--sleep-max", type=int, default=10)
    ns = parser.parse_args()
    random.seed(ns.seed)
    sleep_range = (ns.sleep_min, ns.sleep_max)
    start = time.perf_counter()
    asyncio.run(main(*ns.ids))
    end = time.perf_counter() - start
    print(f"Program finished in {end:0.2f} seconds.")
)py";

struct Range {
    int64_t min, max;
};

Coro<std::string> part1(Context& ctx, Range sleeps, int64_t n) {
    const std::string call = "part1(" + std::to_string(n) + ")";
    co_await frame_name(call);
    const int64_t i = ctx.random.randint(sleeps.min, sleeps.max);
    ctx.print(call + " sleeping for " + std::to_string(i) + " seconds.");
    co_await sleep(static_cast<double>(i));
    std::string result = "result" + std::to_string(n) + "-1";
    ctx.print("Returning " + call + " == " + result + ".");
    co_return result;
}

Coro<std::string> part2(Context& ctx, Range sleeps, int64_t n, std::string arg) {
    const std::string call = "part2" + repr(std::make_tuple(n, arg));   // f"part2{n, arg}"
    co_await frame_name(call);
    const int64_t i = ctx.random.randint(sleeps.min, sleeps.max);
    ctx.print(call + " sleeping for " + std::to_string(i) + " seconds.");
    co_await sleep(static_cast<double>(i));
    std::string result = "result" + std::to_string(n) + "-2 derived from " + arg;
    ctx.print("Returning " + call + " == " + result + ".");
    co_return result;
}

Coro<void> chain(Context& ctx, Range sleeps, int64_t n) {
    co_await frame_name("chain(" + std::to_string(n) + ")");
    const double start = ctx.perf_counter();
    std::string p1 = co_await part1(ctx, sleeps, n);
    std::string p2 = co_await part2(ctx, sleeps, n, p1);
    char took[64];
    std::snprintf(took, sizeof took, " (took %.2f seconds).", ctx.perf_counter() - start);
    ctx.print("-->Chained result" + std::to_string(n) + " => " + p2 + took);
}

Coro<void> chain_main(Context& ctx, Range sleeps, std::vector<int64_t> ids) {
    co_await frame_name("main()");
    std::vector<Coro<void>> chains;
    for (int64_t n : ids) chains.push_back(chain(ctx, sleeps, n));
    co_await gather(std::move(chains));
}

// An empty id list runs 1 2 3, as the script does when given no ids.
std::vector<int64_t> ids_of(const Params& p) {
    const auto& ids = std::get<std::vector<int64_t>>(p.at("ids"));
    return ids.empty() ? std::vector<int64_t>{1, 2, 3} : ids;
}

Coro<void> program(Context& ctx, Params p) {
    ctx.random.seed(std::get<int64_t>(p["seed"]));
    const Range sleeps{std::get<int64_t>(p["sleep_min"]), std::get<int64_t>(p["sleep_max"])};
    const double start = ctx.perf_counter();
    co_await chain_main(ctx, sleeps, ids_of(p));
    char line[64];
    std::snprintf(line, sizeof line, "Program finished in %.2f seconds.", ctx.perf_counter() - start);
    ctx.print(line);
}


}  // namespace

const Demo& chain_demo() {
    static const Demo demo{
        .name = "chain",
        .title = "chain: coroutines that await each other",
        .script = "chained.py",
        .summary = "Each chain awaits part1, then part2 with part1's result: in order within a chain, concurrently "
                   "across chains. The program takes as long as the slowest chain.",
        .params = {
            {"ids", Param::Kind::IntList, std::vector<int64_t>{1, 2, 3}, 0, 1000, 100, "the chains to run, by number (none: 1 2 3)", {""},
             Param::Shown::Always},
            {"seed", Param::Kind::Int, int64_t{444}, 0, 4294967295.0, 0, "random.seed() before the run"},
            {"sleep_min", Param::Kind::Int, int64_t{0}, 0, 60, 0, "fewest seconds a part sleeps (randint's a)"},
            {"sleep_max", Param::Kind::Int, int64_t{10}, 0, 60, 0, "most seconds a part sleeps (randint's b)"},
        },
        .python = kPython,
        .await_lines = {{{"part1", "sleep"}, 15}, {{"part2", "sleep"}, 23}, {{"main", "gather"}, 36}},
        .main = program,
    };
    return demo;
}

}  // namespace aio::demos
