#!/usr/bin/python3
"""The CPython side of tests/bench: the workloads of runtime_bench.cpp on asyncio (or uvloop with
--uvloop), printed in the same one-line format for compare.py.

    /usr/bin/python3 tests/bench/asyncio_bench.py [--uvloop] [--workload NAME|all] [--scale F] [--repeat R]
"""
import argparse
import asyncio
import gc
import math
import sys
import time
import tracemalloc


def scaled(n, scale):
    return max(1, round(n * scale))


def ns_since(t0, ops):
    return (time.perf_counter_ns() - t0) / ops


# 1. Create 100,000 tasks that return at once, then gather them all.
async def noop():
    pass


async def spawn_gather(scale):
    n = scaled(100_000, scale)
    t0 = time.perf_counter_ns()
    tasks = [asyncio.create_task(noop()) for _ in range(n)]
    await asyncio.gather(*tasks)
    return ns_since(t0, n), None


# 2. 1,000 tasks each yield 1,000 times with sleep(0): a million task switches through the loop.
async def yielder(yields):
    for _ in range(yields):
        await asyncio.sleep(0)


async def sleep0_switch(scale):
    side = scaled(1_000, math.sqrt(scale))  # tasks and yields per task both scale
    t0 = time.perf_counter_ns()
    await asyncio.gather(*[yielder(side) for _ in range(side)])
    return ns_since(t0, side * side), None


# 3. A million items through a maxsize=1 queue: every put waits for the get before it.
async def producer(q, n):
    for i in range(n):
        await q.put(i)


async def consumer(q, n, total):
    s = 0
    for _ in range(n):
        s += await q.get()
    total.append(s)


async def queue_pingpong(scale):
    n = scaled(1_000_000, scale)
    q = asyncio.Queue(maxsize=1)
    total = []
    t0 = time.perf_counter_ns()
    await asyncio.gather(producer(q, n), consumer(q, n, total))
    ns = ns_since(t0, n)
    if total != [n * (n - 1) // 2]:
        raise RuntimeError(f"queue_pingpong: items lost, sum {total}")
    return ns, None


# 4. A million tasks suspended in sleep(1000): time to create them and reach the sleep; then
# cancel them all. The bytes come from an extra, untimed run under tracemalloc.
async def sleeper():
    await asyncio.sleep(1000)


async def suspend_sleepers(n, measure_bytes):
    if measure_bytes:
        tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0] if measure_bytes else 0
    t0 = time.perf_counter_ns()
    tasks = [asyncio.create_task(sleeper()) for _ in range(n)]
    await asyncio.sleep(0)  # one iteration: every sleeper's first step runs before this task's
    ns = ns_since(t0, n)
    bytes_per_task = (tracemalloc.get_traced_memory()[0] - before) / n if measure_bytes else None
    if measure_bytes:
        tracemalloc.stop()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return ns, bytes_per_task


async def sleeping_tasks(scale):
    return await suspend_sleepers(scaled(1_000_000, scale), measure_bytes=False)


async def sleeping_tasks_bytes(scale):
    return (await suspend_sleepers(scaled(1_000_000, scale), measure_bytes=True))[1]


WORKLOADS = {
    "spawn_gather": spawn_gather,
    "sleep0_switch": sleep0_switch,
    "queue_pingpong": queue_pingpong,
    "sleeping_tasks": sleeping_tasks,
}


def scale_arg(text):
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0 < value <= 100:
        raise argparse.ArgumentTypeError(f"--scale must be a number in (0, 100], got {text}")
    return value


def repeat_arg(text):
    if not text.isdigit() or not 1 <= int(text) <= 100:
        raise argparse.ArgumentTypeError(f"--repeat must be 1..100, got {text}")
    return int(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workload", default="all", choices=["all", *WORKLOADS])
    parser.add_argument("--scale", type=scale_arg, default=1.0)
    parser.add_argument("--repeat", type=repeat_arg, default=3, metavar="R",
                        help="runs per workload, each on a fresh loop; the best is reported (default 3)")
    parser.add_argument("--record", choices=["off", "on"], default="off",
                        help="accepted for symmetry with runtime_bench; only off exists here")
    parser.add_argument("--uvloop", action="store_true", help="run on uvloop instead of asyncio's loop")
    args = parser.parse_args()
    if args.record == "on":
        parser.error("--record on is only available in runtime_bench (aio::Trace); asyncio has no recorder")

    side = "cpython"
    if args.uvloop:
        import uvloop
        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
        side = "uvloop"
        print(f"# uvloop {uvloop.__version__} on CPython {sys.version.split()[0]}")
    else:
        print(f"# cpython {sys.version.split()[0]}")
    print(f"# {side}: sleeping_tasks bytes are tracemalloc's traced live bytes, from an extra untimed run")

    for name, workload in WORKLOADS.items():
        if args.workload not in ("all", name):
            continue
        # Each run on a fresh loop; the best stands for the runtime, the first shows a cold heap.
        runs = []
        for _ in range(args.repeat):
            runs.append(asyncio.run(workload(args.scale))[0])
            gc.collect()
        bytes_per_task = asyncio.run(sleeping_tasks_bytes(args.scale)) if name == "sleeping_tasks" else None
        shown = "-" if bytes_per_task is None else f"{bytes_per_task:.1f}"
        print(f"# workload={name} side={side} runs_ns_per_op={','.join(f'{r:.2f}' for r in runs)}")
        print(f"workload={name} side={side} ns_per_op={min(runs):.2f} bytes_per_task={shown}", flush=True)
        gc.collect()


if __name__ == "__main__":
    main()
