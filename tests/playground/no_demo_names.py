#!/usr/bin/env python3
"""No generic file names a demo: a demo is its own file plus a line in the registry, so the page,
the views, the runner, the runtime and the page's JavaScript must work for any demo. Flags, in
code (comments aside), a string literal holding a demo's name as a word ("crawler",
"count/blocking", "aio_run queue -p 2"; not "queue.get"), or its script's name ("countasync.py"), and an identifier
<name>_demo. Prints each as FILE:LINE: what, and exits 1 if any.

    no_demo_names.py --root REPO
"""
import argparse
import os
import re
import sys

# Where the same word is asyncio's, not a demo's: the legend's queue waits and its asyncio.as_completed
# (words in the palette), the resources' kind asyncio.Queue, the loop's ready queue (in the view and
# in its words for the text mirror), and asyncio.as_completed's wait.
ASYNCIO_WORDS = {("playground/views/palette.cpp", "queue"), ("playground/views/palette.cpp", "as_completed"),
                 ("runtime/resource.cpp", "queue"), ("playground/views/loop_view.cpp", "queue"),
                 ("runtime/wait_kind.cpp", "as_completed"),
                 ("playground/views/mirror_views.cpp", "queue")}
SCANNED = ["playground/app", "playground/state", "playground/views", "playground/runner", "playground/demos", "runtime", "web/js"]
ALLOWED = {"playground/demos/registry.cpp"}   # the one list of demos


def demos(root):
    """(name, script) of every demo, from the registry's demo files."""
    found = []
    for f in sorted(os.listdir(os.path.join(root, "playground/demos"))):
        if not f.endswith(".cpp"):
            continue
        text = open(os.path.join(root, "playground/demos", f), encoding="utf-8").read()
        name = re.search(r'\.name = "([^"]+)"', text)
        script = re.search(r'\.script = "([^"]+)"', text)
        if name and script:
            found.append((name.group(1), script.group(1), f))
    return found


TOKEN = re.compile(r'//[^\n]*|/\*.*?\*/|R"(?P<d>[^(\s]*)\(.*?\)(?P=d)"|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|`(?:\\.|[^`\\])*`'
                   r'|[A-Za-z_][A-Za-z0-9_]*', re.S)


def problems(path, rel, names):
    text = open(path, encoding="utf-8", errors="replace").read()
    is_js = path.endswith(".js") or path.endswith(".mjs")
    for m in TOKEN.finditer(text):
        tok = m.group(0)
        line = text.count("\n", 0, m.start()) + 1
        if tok.startswith("//") or tok.startswith("/*"):
            continue
        if tok[0] in "\"'`" or tok.startswith('R"'):
            if tok[0] == "'" and not is_js:
                continue   # a C++ character literal
            body = tok[1:-1]
            for name, script in names:
                if script in body:
                    yield line, f"the script name {script} in {tok}"
                elif re.search(r"(?<![\w.])" + re.escape(name) + r"(?![\w.(])", body) and (rel, name) not in ASYNCIO_WORDS:
                    yield line, f"the demo name {name} in {tok}"
        else:
            for name, _ in names:
                if tok == name + "_demo":
                    yield line, f"the identifier {tok}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", required=True)
    root = ap.parse_args().root
    found = demos(root)
    if len(found) < 2:
        sys.exit(f"no_demo_names: found {len(found)} demos under {root}/playground/demos; expected the registry's")
    own_files = {"playground/demos/" + f for _, _, f in found}
    names = [(n, s) for n, s, _ in found]
    bad = 0
    for top in SCANNED:
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for f in sorted(files):
                if not f.endswith((".cpp", ".hpp", ".js", ".mjs")):
                    continue
                path = os.path.join(dirpath, f)
                rel = os.path.relpath(path, root)
                if rel in own_files or rel in ALLOWED:
                    continue
                for line, what in problems(path, rel, names):
                    print(f"{rel}:{line}: {what}")
                    bad += 1
    print(f"no_demo_names: {len(names)} demos, {bad} place(s) in generic code name one")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
