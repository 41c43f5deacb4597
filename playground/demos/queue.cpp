// queue, after asyncq.py: producers put items on a queue, consumers take them off. main waits for
// the producers, then for the queue to be worked off (join), then cancels the idle consumers.
#include "playground/demos/demo.hpp"

#include <cstdio>
#include <memory>

namespace aio::demos {

namespace {

const char* const kPython = R"py(#!/usr/bin/env python3
# asyncq.py: producers put items on a queue and consumers take them off. main
# waits for the producers, then for the queue to be worked off (join), then
# cancels the consumers, which would otherwise wait forever.

import argparse
import asyncio
import itertools as it
import os
import random
import time

items_range = (0, 10)  # randint's bounds for each producer's item count
sleep_range = (0, 10)  # randint's bounds for each sleep

async def makeitem(size: int = 5) -> str:
    return os.urandom(size).hex()

async def randsleep(caller=None) -> None:
    i = random.randint(*sleep_range)
    if caller:
        print(f"{caller} sleeping for {i} seconds.")
    await asyncio.sleep(i)

async def produce(name: int, q: asyncio.Queue) -> None:
    n = random.randint(*items_range)
    for _ in it.repeat(None, n):  # Synchronous loop for each single producer
        await randsleep(caller=f"Producer {name}")
        i = await makeitem()
        t = time.perf_counter()
        await q.put((i, t))
        print(f"Producer {name} added <{i}> to queue.")

async def consume(name: int, q: asyncio.Queue) -> None:
    while True:
        await randsleep(caller=f"Consumer {name}")
        i, t = await q.get()
        now = time.perf_counter()
        print(f"Consumer {name} got element <{i}>"
              f" in {now-t:0.5f} seconds.")
        q.task_done()

async def main(nprod: int, ncon: int, maxsize: int):
    q = asyncio.Queue(maxsize)
    producers = [asyncio.create_task(produce(n, q)) for n in range(nprod)]
    consumers = [asyncio.create_task(consume(n, q)) for n in range(ncon)]
    await asyncio.gather(*producers)
    await q.join()  # Implicitly awaits consumers, too
    for c in consumers:
        c.cancel()

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("-p", "--nprod", type=int, default=2)
    parser.add_argument("-c", "--ncon", type=int, default=5)
    parser.add_argument("--seed", type=int, default=444)
    parser.add_argument("--items-min", type=int, default=0)
    parser.add_argument("--items-max", type=int, default=10)
    parser.add_argument("--sleep-min", type=int, default=0)
    parser.add_argument("--sleep-max", type=int, default=10)
    parser.add_argument("--maxsize", type=int, default=0)
    ns = parser.parse_args()
    random.seed(ns.seed)
    items_range = (ns.items_min, ns.items_max)
    sleep_range = (ns.sleep_min, ns.sleep_max)
    start = time.perf_counter()
    asyncio.run(main(ns.nprod, ns.ncon, ns.maxsize))
    elapsed = time.perf_counter() - start
    print(f"Program completed in {elapsed:0.5f} seconds.")
)py";

struct Item {
    std::string id;
    double t;       // perf_counter() when it was put
};
// Shared by every task: the consumers outlive main (they finish cancelling after it returns).
using ItemQueue = std::shared_ptr<Queue<Item>>;

struct Settings {
    int64_t items_min, items_max, sleep_min, sleep_max;
};

// os.urandom(5).hex(), from the entropy source so the seeded draws stay CPython's.
Coro<std::string> makeitem(Context& ctx) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "%010llx", static_cast<unsigned long long>(ctx.entropy() & 0xffffffffffULL));
    co_return hex;
}

Coro<void> randsleep(Context& ctx, const Settings& s, std::string caller) {
    co_await frame_name("randsleep(caller=" + repr(caller) + ")");
    const int64_t i = ctx.random.randint(s.sleep_min, s.sleep_max);
    ctx.print(caller + " sleeping for " + std::to_string(i) + " seconds.");
    co_await sleep(static_cast<double>(i));
}

Coro<void> produce(Context& ctx, Settings s, int64_t name, ItemQueue q) {
    co_await frame_name("produce(" + std::to_string(name) + ")");
    const int64_t n = ctx.random.randint(s.items_min, s.items_max);
    for (int64_t k = 0; k < n; ++k) {
        co_await randsleep(ctx, s, "Producer " + std::to_string(name));
        std::string i = co_await makeitem(ctx);
        Item item{i, ctx.perf_counter()};
        co_await q->put(std::move(item));  // g++ 12 mis-copies a temporary passed to a coroutine inside co_await
        ctx.print("Producer " + std::to_string(name) + " added <" + i + "> to queue.");
    }
}

Coro<void> consume(Context& ctx, Settings s, int64_t name, ItemQueue q) {
    co_await frame_name("consume(" + std::to_string(name) + ")");
    while (true) {
        co_await randsleep(ctx, s, "Consumer " + std::to_string(name));
        Item item = co_await q->get();
        char in[64];
        std::snprintf(in, sizeof in, " in %.5f seconds.", ctx.perf_counter() - item.t);
        ctx.print("Consumer " + std::to_string(name) + " got element <" + item.id + ">" + in);
        q->task_done();
    }
}

Coro<void> queue_main(Context& ctx, Settings s, int64_t nprod, int64_t ncon, int64_t maxsize) {
    co_await frame_name("main()");
    auto q = std::make_shared<Queue<Item>>(static_cast<int>(maxsize));
    q->set_name("q");   // as asyncq.py names it
    std::vector<Task<void>> producers, consumers;
    for (int64_t n = 0; n < nprod; ++n) producers.push_back(create_task(produce(ctx, s, n, q)));
    for (int64_t n = 0; n < ncon; ++n) consumers.push_back(create_task(consume(ctx, s, n, q)));
    co_await gather(producers);
    co_await q->join();  // implicitly awaits the consumers, too
    for (auto& c : consumers) c.cancel();
}

Coro<void> program(Context& ctx, Params p) {
    auto get = [&](const char* name) { return std::get<int64_t>(p[name]); };
    ctx.random.seed(get("seed"));
    const Settings s{get("items_min"), get("items_max"), get("sleep_min"), get("sleep_max")};
    const double start = ctx.perf_counter();
    co_await queue_main(ctx, s, get("producers"), get("consumers"), get("maxsize"));
    char line[64];
    std::snprintf(line, sizeof line, "Program completed in %.5f seconds.", ctx.perf_counter() - start);
    ctx.print(line);
}


}  // namespace

const Demo& queue_demo() {
    static const Demo demo{
        .name = "queue",
        .title = "queue: producers and consumers",
        .script = "asyncq.py",
        .summary = "Producers put items on an asyncio.Queue and consumers take them off, each sleeping a random "
                   "time first. main waits for the producers, then join()s the queue, then cancels the consumers.",
        .params = {
            {"producers", Param::Kind::Int, int64_t{2}, 0, 10000, 0, "producer tasks (-p)", {"-p", "--nprod"}, Param::Shown::Always},
            {"consumers", Param::Kind::Int, int64_t{5}, 0, 10000, 0, "consumer tasks (-c); none: join() waits forever", {"-c", "--ncon"},
             Param::Shown::Always},
            {"seed", Param::Kind::Int, int64_t{444}, 0, 4294967295.0, 0, "random.seed() before the run"},
            {"items_min", Param::Kind::Int, int64_t{0}, 0, 100, 0, "fewest items a producer makes (randint's a)"},
            {"items_max", Param::Kind::Int, int64_t{10}, 0, 100, 0, "most items a producer makes (randint's b)"},
            {"sleep_min", Param::Kind::Int, int64_t{0}, 0, 60, 0, "fewest seconds before each put or get"},
            {"sleep_max", Param::Kind::Int, int64_t{10}, 0, 60, 0, "most seconds before each put or get"},
            {"maxsize", Param::Kind::Int, int64_t{0}, 0, 1000, 0, "queue capacity; 0: unbounded (put never waits)"},
        },
        .python = kPython,
        .await_lines = {
            {{"randsleep", "sleep"}, 23},
            {{"produce", "queue.put"}, 31},
            {{"consume", "queue.get"}, 37},
            {{"main", "gather"}, 47},
            {{"main", "queue.join"}, 48},
        },
        .main = program,
        .panels = {Panel::Resources},
    };
    return demo;
}

}  // namespace aio::demos
