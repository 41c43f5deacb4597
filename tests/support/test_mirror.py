#!/usr/bin/env python3
"""Tests mirror the tree: runtime/<path>.hpp is tested by tests/runtime/<path>_test.cpp, and each
demo in playground/demos/registry.cpp (defined in playground/demos/<file>.cpp) by
tests/playground/demos/<file>_test.cpp, each listed in a CMakeLists.txt that builds it. Flags a
header or demo without its test file, a test file no build lists, a test file that mirrors nothing,
and an allow-list entry that is no longer needed. Prints each as PATH: what, and exits 1 if any.

    test_mirror.py --root REPO
"""
import argparse
import os
import re
import sys

# Headers with no test file of their own, each with the reason.
ALLOWED = {
    "runtime/detail/coro_compat.hpp": "only picks <coroutine> or <experimental/coroutine>: every coroutine "
                                      "test compiles through it, natively one side, in the wasm layer the other",
    "runtime/detail/frame.hpp": "a plain struct of a frame's links; tests/runtime/coro_test.cpp checks the "
                                "labels and parents frames carry",
    "runtime/hosts/browser_host.hpp": "Emscripten only: tests/node/browser_host.test.mjs drives it under "
                                      "Node's event loop",
    "runtime/hosts/browser_network.hpp": "Emscripten only: the browser tests fetch through it "
                                         "(tests/browser/crawler_network.test.mjs)",
}


def rel_files(root, top, suffix):
    """Paths under root/top ending in suffix, relative to top, sorted."""
    out = []
    for dirpath, _, files in os.walk(os.path.join(root, top)):
        for f in files:
            if f.endswith(suffix):
                out.append(os.path.relpath(os.path.join(dirpath, f), os.path.join(root, top)))
    return sorted(out)


def registered_demos(root):
    """(demo function, its file's stem) for each demo the registry lists, in the registry's order."""
    demos_dir = os.path.join(root, "playground/demos")
    registry = open(os.path.join(demos_dir, "registry.cpp"), encoding="utf-8").read()
    listed = re.search(r"all_demos\(\)\s*\{(.*?)\n\}", registry, re.S)
    if not listed:
        sys.exit(f"test_mirror: no all_demos() list in {demos_dir}/registry.cpp")
    defined = {}
    for f in sorted(os.listdir(demos_dir)):
        if f.endswith(".cpp") and f != "registry.cpp":
            text = open(os.path.join(demos_dir, f), encoding="utf-8").read()
            for fn in re.findall(r"^const Demo&\s+(\w+_demo)\(\)\s*\{", text, re.M):
                defined[fn] = f[:-len(".cpp")]
    return [(fn, defined.get(fn)) for fn in re.findall(r"&(\w+_demo)\(\)", listed.group(1))]


def built_sources(root):
    """Every tests/ file a CMakeLists.txt lists, as a path from the repository's root."""
    built = set()
    for cmake in rel_files(root, "tests", "CMakeLists.txt"):
        folder = os.path.dirname(os.path.join("tests", cmake))
        text = open(os.path.join(root, "tests", cmake), encoding="utf-8").read()
        for name in re.findall(r"[\w./-]+_test\.cpp", text):
            built.add(os.path.normpath(os.path.join(folder, name)))
    return built


def problems(root):
    built = built_sources(root)

    def check_test(source, test):
        if not os.path.exists(os.path.join(root, test)):
            yield source, f"no test file: expected {test}"
        elif test not in built:
            yield test, "no CMakeLists.txt under tests/ lists it, so it is never built"

    headers = ["runtime/" + h for h in rel_files(root, "runtime", ".hpp")]
    for h in headers:
        test = "tests/" + h[:-len(".hpp")] + "_test.cpp"
        if h in ALLOWED:
            if os.path.exists(os.path.join(root, test)):
                yield h, f"allowed to have no test file, but {test} exists: drop it from ALLOWED"
            continue
        yield from check_test(h, test)
    for h in sorted(set(ALLOWED) - set(headers)):
        yield h, "in ALLOWED, but there is no such header: drop it from ALLOWED"
    for t in rel_files(root, "tests/runtime", "_test.cpp"):
        header = "runtime/" + t[:-len("_test.cpp")] + ".hpp"
        if header not in headers:
            yield "tests/runtime/" + t, f"mirrors no header: {header} does not exist"

    demos = registered_demos(root)
    if len(demos) < 2:
        yield "playground/demos/registry.cpp", f"found {len(demos)} demos; expected the registry's list"
    for fn, stem in demos:
        if stem is None:
            yield "playground/demos/registry.cpp", f"lists {fn}(), which no file in playground/demos defines"
            continue
        yield from check_test(f"playground/demos/{stem}.cpp ({fn})", f"tests/playground/demos/{stem}_test.cpp")
    demo_sources = {os.path.splitext(f)[0] for f in os.listdir(os.path.join(root, "playground/demos"))
                    if f.endswith((".cpp", ".hpp"))}
    for t in rel_files(root, "tests/playground/demos", "_test.cpp"):
        if t[:-len("_test.cpp")] not in demo_sources:
            yield "tests/playground/demos/" + t, "mirrors no file in playground/demos"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", required=True)
    root = ap.parse_args().root
    bad = 0
    for where, what in problems(root):
        print(f"{where}: {what}")
        bad += 1
    print(f"test_mirror: {bad} problem(s); {len(ALLOWED)} header(s) allowed no test file")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
