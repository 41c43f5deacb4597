// as_completed, after the walkthrough's gather() and as_completed() examples: the same two tasks
// awaited both ways. gather gives every result at once, in argument order; as_completed gives
// each as soon as it is ready.
#include "playground/demos/demo.hpp"

#include <algorithm>
#include <cstdio>

namespace aio::demos {

namespace {

const char* const kPython = R"py(#!/usr/bin/env python3
# as_completed.py: two tasks awaited through gather() (all results at once, in
# argument order), then two more through as_completed() (each result as soon as
# it is ready). The walkthrough prints wall-clock times (time.strftime); this
# prints the loop's time since each part started, so every run prints the same.

import argparse
import asyncio

async def coro(seq) -> list:
    """'IO' wait time is proportional to the max element."""
    await asyncio.sleep(max(seq, default=0))
    return list(reversed(seq))

async def with_gather(seq1, seq2):
    loop = asyncio.get_running_loop()
    start = loop.time()
    t = asyncio.create_task(coro(seq1))
    t2 = asyncio.create_task(coro(seq2))
    print("Start:", f"{loop.time() - start:0.2f}")
    a = await asyncio.gather(t, t2)
    print(f"res: {a} completed at {loop.time() - start:0.2f}")
    print("End:", f"{loop.time() - start:0.2f}")
    print(f"Both tasks done: {all((t.done(), t2.done()))}")

async def with_as_completed(seq1, seq2):
    loop = asyncio.get_running_loop()
    start = loop.time()
    t = asyncio.create_task(coro(seq1))
    t2 = asyncio.create_task(coro(seq2))
    print("Start:", f"{loop.time() - start:0.2f}")
    for res in asyncio.as_completed((t, t2)):
        compl = await res
        print(f"res: {compl} completed at {loop.time() - start:0.2f}")
    print("End:", f"{loop.time() - start:0.2f}")
    print(f"Both tasks done: {all((t.done(), t2.done()))}")

async def main(seq1, seq2):
    print("With gather():")
    await with_gather(seq1, seq2)
    print("With as_completed():")
    await with_as_completed(seq1, seq2)

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--seq1", nargs="*", type=int, default=[3, 2, 1])
    parser.add_argument("--seq2", nargs="*", type=int, default=[10, 5, 0])
    ns = parser.parse_args()
    asyncio.run(main(ns.seq1, ns.seq2))
)py";

using Seq = std::vector<int64_t>;

Coro<Seq> coro(Seq seq) {
    co_await frame_name("coro(" + repr(seq) + ")");
    co_await sleep(seq.empty() ? 0.0 : static_cast<double>(*std::max_element(seq.begin(), seq.end())));
    std::reverse(seq.begin(), seq.end());
    co_return seq;
}

// Seconds of loop time since start, as "%.2f".
std::string since(double start) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", get_running_loop().time() - start);
    return buf;
}

Coro<void> with_gather(Context& ctx, Seq seq1, Seq seq2) {
    co_await frame_name("with_gather()");
    const double start = get_running_loop().time();
    Task<Seq> t = create_task(coro(seq1)), t2 = create_task(coro(seq2));
    ctx.print("Start: " + since(start));
    auto [a1, a2] = co_await gather(t, t2);
    ctx.print("res: " + repr(std::vector<Seq>{a1, a2}) + " completed at " + since(start));
    ctx.print("End: " + since(start));
    ctx.print("Both tasks done: " + repr(t.done() && t2.done()));
}

Coro<void> with_as_completed(Context& ctx, Seq seq1, Seq seq2) {
    co_await frame_name("with_as_completed()");
    const double start = get_running_loop().time();
    Task<Seq> t = create_task(coro(seq1)), t2 = create_task(coro(seq2));
    ctx.print("Start: " + since(start));
    auto done = as_completed(std::vector<Task<Seq>>{t, t2});
    for (size_t k = 0; k < done.size(); ++k) {
        Seq result = co_await done.next();
        ctx.print("res: " + repr(result) + " completed at " + since(start));
    }
    ctx.print("End: " + since(start));
    ctx.print("Both tasks done: " + repr(t.done() && t2.done()));
}

Coro<void> program(Context& ctx, Params p) {
    co_await frame_name("main()");
    const Seq seq1 = std::get<Seq>(p["seq1"]), seq2 = std::get<Seq>(p["seq2"]);
    ctx.print("With gather():");
    co_await with_gather(ctx, seq1, seq2);
    ctx.print("With as_completed():");
    co_await with_as_completed(ctx, seq1, seq2);
}


}  // namespace

const Demo& as_completed_demo() {
    static const Demo demo{
        .name = "as_completed",
        .title = "as_completed: results as they finish",
        .script = "as_completed.py",
        .summary = "coro(seq) sleeps max(seq) seconds and returns seq reversed. Awaited through gather, both results "
                   "arrive together when the slower is done; through as_completed, each arrives as soon as it is ready.",
        .params = {
            {"seq1", Param::Kind::IntList, Seq{3, 2, 1}, 0, 60, 10, "the first task's list; it sleeps max(seq1) seconds", {}, Param::Shown::Always},
            {"seq2", Param::Kind::IntList, Seq{10, 5, 0}, 0, 60, 10, "the second task's list; it sleeps max(seq2) seconds", {}, Param::Shown::Always},
        },
        .python = kPython,
        .await_lines = {
            {{"coro", "sleep"}, 12},
            {{"with_gather", "gather"}, 21},
            {{"with_as_completed", "as_completed"}, 33},
        },
        .main = program,
    };
    return demo;
}

}  // namespace aio::demos
