// asyncgen, after the walkthrough's async generator example: mygen() yields powers of two and
// sleeps after each; async comprehensions collect them. Syntax only: nothing runs concurrently.
#include "playground/demos/demo.hpp"

#include <cstdio>

namespace aio::demos {

namespace {

const char* const kPython = R"py(#!/usr/bin/env python3
# asyncgen.py: an async generator yields powers of two, sleeping after each, and
# async comprehensions collect them. This shows syntax only: nothing here runs
# concurrently, so the comprehensions take u sleeps each, one after the other.

import argparse
import asyncio
import os
import time

delay = 0.1  # seconds mygen() sleeps after each value (--delay)

async def mygen(u: int = 10):
    """Yield powers of 2."""
    i = 0
    while i < u:
        yield 2 ** i
        i += 1
        await asyncio.sleep(delay)

async def main(u: int):
    # This does *not* introduce concurrent execution
    # It is meant to show syntax only
    g = [i async for i in mygen(u)]
    print(f"g = {g}")
    f = [j async for j in mygen(u) if not (j // 3 % 5)]
    print(f"f = {f}")

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("-u", type=int, default=10)
    parser.add_argument("--delay", type=float, default=0.1)
    ns = parser.parse_args()
    delay = ns.delay
    s = time.perf_counter()
    asyncio.run(main(ns.u))
    elapsed = time.perf_counter() - s
    print(f"{os.path.basename(__file__)} executed in {elapsed:0.2f} seconds.")
)py";

AsyncGenerator<int64_t> mygen(int64_t u, double delay) {
    co_await frame_name("mygen(" + std::to_string(u) + ")");
    for (int64_t i = 0; i < u;) {
        co_yield int64_t{1} << i;
        ++i;
        co_await sleep(delay);
    }
}

Coro<void> asyncgen_main(Context& ctx, int64_t u, double delay) {
    co_await frame_name("main()");
    const std::vector<int64_t> g = co_await collect(mygen(u, delay));   // [i async for i in mygen(u)]
    ctx.print("g = " + repr(g));
    std::vector<int64_t> f;
    auto gen = mygen(u, delay);
    while (auto j = co_await gen.next())
        if (!(*j / 3 % 5)) f.push_back(*j);
    ctx.print("f = " + repr(f));
}

Coro<void> program(Context& ctx, Params p) {
    const double s = ctx.perf_counter();
    co_await asyncgen_main(ctx, std::get<int64_t>(p["u"]), std::get<double>(p["delay"]));
    char line[96];
    std::snprintf(line, sizeof line, "asyncgen.py executed in %.2f seconds.", ctx.perf_counter() - s);
    ctx.print(line);
}


}  // namespace

const Demo& asyncgen_demo() {
    static const Demo demo{
        .name = "asyncgen",
        .title = "asyncgen: async generators and comprehensions",
        .script = "asyncgen.py",
        .summary = "mygen(u) yields 1, 2, 4, ... and sleeps after each value; [i async for i in mygen(u)] collects them, "
                   "and a filtered comprehension keeps those with j // 3 % 5 == 0. Syntax only: nothing runs concurrently.",
        .params = {
            {"u", Param::Kind::Int, int64_t{10}, 0, 62, 0, "how many powers of two mygen() yields"},
            {"delay", Param::Kind::Float, 0.1, 0, 10, 0, "seconds mygen() sleeps after each value"},
        },
        .python = kPython,
        .await_lines = {{{"mygen", "sleep"}, 19}, {{"mygen", kYield}, 17}},
        .main = program,
    };
    return demo;
}

}  // namespace aio::demos
