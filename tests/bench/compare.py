#!/usr/bin/env python3
"""Runs the tests/bench workloads on every side in one go (the runtime native and as wasm under
Node, CPython's asyncio, uvloop, Node) and prints a Markdown table of ns/op with ratios.

    python3 tests/bench/compare.py --native build/native/tests/bench/runtime_bench \\
        [--wasm build/web/tests/bench/runtime_bench.js] [--workload NAME|all] [--scale F] [--repeat R]

Each (workload, side) runs in its own process. It exits non-zero only if a side crashed (a non-zero
exit, a timeout or a missing result line), never because of a number.
"""
import argparse
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORKLOADS = ["spawn_gather", "sleep0_switch", "queue_pingpong", "sleeping_tasks"]
SIDES = ["cpp-native", "cpp-wasm", "cpython", "uvloop", "node"]
TITLES = {"cpp-native": "C++ native", "cpp-wasm": "C++ wasm", "cpython": "CPython", "uvloop": "uvloop", "node": "Node"}
# The runtime again with its recorder attached (aio::Trace), for the cost of leaving recording on.
RECORDED = {"cpp-native-rec": "cpp-native", "cpp-wasm-rec": "cpp-wasm"}
RATIOS = [("cpython", "cpp-native"), ("cpython", "cpp-wasm"), ("uvloop", "cpp-native"), ("node", "cpp-native")]
WHAT = {
    "spawn_gather": "create 100,000 no-op tasks, then gather them; per task",
    "sleep0_switch": "1,000 tasks × 1,000 `await sleep(0)` (both scaled by √scale); per switch",
    "queue_pingpong": "1,000,000 items from one producer to one consumer through a maxsize=1 queue; per item",
    "sleeping_tasks": "create 1,000,000 tasks that `await sleep(1000)` and run until all are suspended; per task",
}

RESULT = re.compile(r"^workload=(\S+) side=(\S+) ns_per_op=(\S+) bytes_per_task=(\S+)$")
RUNS = re.compile(r"^# workload=(\S+) side=(\S+) runs_ns_per_op=(\S+)$")


class Outcome:
    def __init__(self):
        self.ns = None          # best run, ns/op
        self.first = None       # first run in the process, ns/op
        self.bytes = None
        self.failure = None     # why the side crashed, if it did


def side_commands(args):
    """The command of each side that can run here; a side missing its tool maps to why it is skipped."""
    node = shutil.which(args.node)
    python = shutil.which(args.python)
    cmds, skipped = {}, {}
    cmds["cpp-native"] = [os.path.abspath(args.native)]
    if not args.wasm:
        skipped["cpp-wasm"] = "no --wasm given"
    elif not node:
        skipped["cpp-wasm"] = f"{args.node} not found"
    else:
        cmds["cpp-wasm"] = [node, os.path.abspath(args.wasm)]
    if not python:
        skipped["cpython"] = skipped["uvloop"] = f"{args.python} not found"
    else:
        cmds["cpython"] = [python, os.path.join(HERE, "asyncio_bench.py")]
        if subprocess.run([python, "-c", "import uvloop"], capture_output=True).returncode == 0:
            cmds["uvloop"] = cmds["cpython"] + ["--uvloop"]
        else:
            skipped["uvloop"] = f"uvloop is not importable by {python}"
    for rec, plain in RECORDED.items():
        if plain in cmds:
            cmds[rec] = cmds[plain] + ["--record", "on"]
    if node:
        cmds["node"] = [node, "--expose-gc", os.path.join(HERE, "node_bench.mjs")]
    else:
        skipped["node"] = f"{args.node} not found"
    return cmds, skipped


def run_side(cmd, workload, side, args, notes):
    out = Outcome()
    argv = cmd + ["--workload", workload, "--scale", repr(args.scale), "--repeat", str(args.repeat)]
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        out.failure = f"timed out after {args.timeout} s: {shlex.join(argv)}"
        return out
    for line in proc.stdout.splitlines():
        if m := RESULT.match(line):
            if m[1] == workload and m[2] == RECORDED.get(side, side):
                out.ns = float(m[3])
                out.bytes = None if m[4] == "-" else float(m[4])
        elif m := RUNS.match(line):
            out.first = float(m[3].split(",")[0])
        elif line.startswith("#") and line not in notes:
            notes.append(line)
    if proc.returncode != 0 or out.ns is None:
        tail = "\n".join(proc.stderr.strip().splitlines()[-5:])
        why = f"exit code {proc.returncode}" if proc.returncode != 0 else "no result line"
        out.failure = f"{why}: {shlex.join(argv)}" + (f"\n{tail}" if tail else "")
    return out


def fmt_ns(x):
    return "–" if x is None else f"{x:,.0f}" if x >= 100 else f"{x:.1f}"


def fmt_ratio(a, b):
    if a is None or b is None or b <= 0:
        return "–"
    r = a / b
    return f"{r:,.0f}×" if r >= 100 else f"{r:.1f}×" if r >= 10 else f"{r:.2f}×"


def cell(results, workload, side, skipped, field):
    if side in skipped:
        return "n/a"
    o = results.get((workload, side))
    if o is None:
        return "–"
    if o.failure:
        return "crashed"
    return fmt_ns(getattr(o, field))


def value(results, workload, side, field):
    o = results.get((workload, side))
    return None if o is None or o.failure else getattr(o, field)


def print_tables(results, workloads, skipped):
    head = ["workload (ns/op)"] + [TITLES[s] for s in SIDES] + [f"{TITLES[a]} / {TITLES[b]}" for a, b in RATIOS]
    print("| " + " | ".join(head) + " |")
    print("|---|" + "---:|" * (len(head) - 1))
    rows = [(w, "ns", w) for w in workloads]
    if "sleeping_tasks" in workloads:
        rows.append(("sleeping_tasks", "bytes", "bytes per suspended sleeping task"))
    for w, field, label in rows:
        cells = [cell(results, w, s, skipped, field) for s in SIDES]
        ratios = [fmt_ratio(value(results, w, a, field), value(results, w, b, field)) for a, b in RATIOS]
        print(f"| {label} | " + " | ".join(cells + ratios) + " |")

    print("\nRecording on (a Trace attached to the loop), ns/op, and what it costs:\n")
    print("| workload | C++ native | recording on | cost | C++ wasm | recording on | cost |")
    print("|---|" + "---:|" * 6)
    for w in workloads:
        cells = []
        for rec, plain in RECORDED.items():
            off, on = value(results, w, plain, "ns"), value(results, w, rec, "ns")
            cost = "–" if off is None or on is None else f"{(on / off - 1) * 100:+.0f}%"
            cells += [fmt_ns(off), fmt_ns(on), cost]
        print(f"| {w} | " + " | ".join(cells) + " |")
    for rec, plain in RECORDED.items():
        off, on = value(results, "sleeping_tasks", plain, "bytes"), value(results, "sleeping_tasks", rec, "bytes")
        if off is not None and on is not None:
            print(f"\nBytes per suspended sleeping task, {TITLES[plain]}: {off:.0f} (recording on: {on:.0f}).", end="")
    print()

    print(f"\nFirst run in a fresh process (cold heap), ns/op; the table above has the best of the runs:\n")
    print("| workload | " + " | ".join(TITLES[s] for s in SIDES) + " |")
    print("|---|" + "---:|" * len(SIDES))
    for w in workloads:
        print(f"| {w} | " + " | ".join(cell(results, w, s, skipped, "first") for s in SIDES) + " |")


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def scale_arg(text):
    try:
        v = float(text)
    except ValueError:
        v = float("nan")
    if not 0 < v <= 100:
        raise argparse.ArgumentTypeError(f"--scale must be a number in (0, 100], got {text}")
    return v


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--native", required=True, metavar="BIN", help="the native runtime_bench")
    parser.add_argument("--wasm", metavar="JS", help="runtime_bench.js from the Emscripten build (optional)")
    parser.add_argument("--workload", default="all", choices=["all", *WORKLOADS])
    parser.add_argument("--scale", type=scale_arg, default=1.0, help="multiplies every N (default 1)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per workload and side; the best counts (default 3)")
    parser.add_argument("--python", default="/usr/bin/python3", help="the CPython that runs asyncio and uvloop")
    parser.add_argument("--node", default="node", help="the Node that runs node_bench.mjs and the wasm build")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds before a side counts as crashed")
    args = parser.parse_args()
    if not 1 <= args.repeat <= 100:
        parser.error(f"--repeat must be 1..100, got {args.repeat}")
    for flag, path in (("--native", args.native), ("--wasm", args.wasm)):
        if path and not os.path.isfile(path):
            parser.error(f"{flag}: no such file: {path}")

    command = shlex.join([os.path.basename(sys.executable)] + sys.argv)
    workloads = WORKLOADS if args.workload == "all" else [args.workload]
    cmds, skipped = side_commands(args)
    results, notes = {}, []
    jobs = [(w, s) for w in workloads for s in [*SIDES, *RECORDED] if s in cmds]
    for i, (w, s) in enumerate(jobs, 1):
        print(f"[{i}/{len(jobs)}] {w} on {s} ...", end="", file=sys.stderr, flush=True)
        t0 = time.monotonic()
        results[(w, s)] = o = run_side(cmds[s], w, s, args, notes)
        status = "crashed" if o.failure else f"{fmt_ns(o.ns)} ns/op"
        print(f" {status} ({time.monotonic() - t0:.1f} s)", file=sys.stderr, flush=True)

    print(f"Command: `{command}`\n")
    print(f"Machine: {cpu_model()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; "
          f"scale {args.scale:g}, best of {args.repeat} runs per process.\n")
    print_tables(results, workloads, skipped)
    print("\nWorkloads (identical work on every side, each on a fresh event loop):")
    for w in workloads:
        print(f"- {w}: {WHAT[w]}.")
    print("\nNotes:")
    for line in notes:
        if not RUNS.match(line):
            print(f"- {line.lstrip('# ')}")
    for s, why in skipped.items():
        print(f"- {TITLES[s]}: skipped, {why}.")
    failures = [(k, o) for k, o in results.items() if o.failure]
    if failures:
        print("\nCrashed:")
        for (w, s), o in failures:
            print(f"- {w} on {TITLES[s]}: {o.failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
