// count, after countasync.py: n coroutines print "One", sleep, print "Two". Sleeping with await lets
// the others run (all the Ones first, one delay in all); countasync.py --blocking sleeps with
// time.sleep, as the walkthrough's countsync.py does, and stalls the loop (n delays in all).
#include "playground/demos/demo.hpp"

#include <cstdio>

namespace aio::demos {

namespace {

const char* const kPython = R"py(#!/usr/bin/env python3
# countasync.py: n coroutines print "One", sleep, print "Two", all gathered.
# With --blocking each calls time.sleep(), as the walkthrough's countsync.py
# does: the event loop can run nothing else meanwhile, so the lines alternate.

import argparse
import asyncio
import os
import time

async def count(delay: float, blocking: bool) -> None:
    print("One")
    if blocking:
        time.sleep(delay)  # Blocks the whole event loop
    else:
        await asyncio.sleep(delay)
    print("Two")

async def main(n: int, delay: float, blocking: bool) -> None:
    await asyncio.gather(*(count(delay, blocking) for _ in range(n)))

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=3)
    parser.add_argument("--delay", type=float, default=1)
    parser.add_argument("--blocking", action="store_true")
    ns = parser.parse_args()
    s = time.perf_counter()
    asyncio.run(main(ns.n, ns.delay, ns.blocking))
    elapsed = time.perf_counter() - s
    print(f"{os.path.basename(__file__)} executed in {elapsed:0.2f} seconds.")
)py";

Coro<void> count(Context& ctx, double delay, bool blocking) {
    co_await frame_name("count()");
    ctx.print("One");
    if (blocking) time_sleep(ctx, delay);  // no await, so no other task can run
    else co_await sleep(delay);
    ctx.print("Two");
}

Coro<void> count_main(Context& ctx, int64_t n, double delay, bool blocking) {
    co_await frame_name("main()");
    std::vector<Coro<void>> coros;
    for (int64_t i = 0; i < n; ++i) coros.push_back(count(ctx, delay, blocking));
    co_await gather(std::move(coros));
}

// The script's `if __name__ == "__main__":` block; params by value, so the frame owns them.
Coro<void> program(Context& ctx, Params p) {
    const double s = ctx.perf_counter();
    co_await count_main(ctx, std::get<int64_t>(p["n"]), std::get<double>(p["delay"]), std::get<bool>(p["blocking"]));
    char line[96];
    std::snprintf(line, sizeof line, "countasync.py executed in %.2f seconds.", ctx.perf_counter() - s);
    ctx.print(line);
}


}  // namespace

const Demo& count_demo() {
    static const Demo demo{
        .name = "count",
        .title = "count: coroutines that sleep together",
        .script = "countasync.py",
        .summary = "Each coroutine prints One, sleeps, prints Two. Awaiting the sleep lets the others run, "
                   "so the run takes one delay; with blocking, time.sleep (as in the walkthrough's countsync.py) stalls the "
                   "loop and the run takes n delays.",
        .params = {
            {"n", Param::Kind::Int, int64_t{3}, 0, 10000, 0, "how many count() coroutines to gather"},
            {"delay", Param::Kind::Float, 1.0, 0, 60, 0, "seconds each count() sleeps"},
            {"blocking", Param::Kind::Bool, false, 0, 0, 0, "sleep with time.sleep, as the walkthrough's countsync.py does: blocks the loop"},
        },
        .python = kPython,
        .await_lines = {{{"count", "sleep"}, 16}, {{"count", kBlockingCall}, 14}, {{"main", "gather"}, 20}},
        .main = program,
        .comparison = Comparison{.flag = "blocking", .compared = {"n", "delay"},
                                 .lesson = "count's lesson: run it with and without blocking, and compare.",
                                 .label = "async", .twin_label = "blocking"},
    };
    return demo;
}

}  // namespace aio::demos
