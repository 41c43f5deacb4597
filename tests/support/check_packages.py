#!/usr/bin/python3
"""Fails when a build uses a Debian package its line in web/tools/packages.txt does not cover.

    check_packages.py BUILD --build-dir DIR

Looks at what the build really used: every header its compiles read (ninja's dependency log), its
compilers and tools (CMakeCache.txt, each ctest command), the Python modules imported by the
scripts its tests run, and for the browser build the programs and scripts tests/browser and
tests/node name. Each file's Debian package (dpkg -S) must be listed, or be one a listed package
depends on; a program a listed PACKAGE=COMMAND names is covered too. Files no package owns (a
user's emsdk, the SDL2 built by setup.sh) are not Debian's to cover.
"""
import argparse
import json
import os
import re
import subprocess
import sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PYTHON = "/usr/bin/python3"   # the one the tests run


def listed(build):
    """(packages, stand-ins) of the build's line: stand-ins are commands or absolute paths."""
    out = subprocess.run([os.path.join(REPO, "web/tools/packages.sh"), build], capture_output=True, text=True)
    if out.returncode:
        sys.exit(out.stderr.strip())
    packages, stand_ins = set(), set()
    for item in out.stdout.split():
        package, _, command = item.partition("=")
        packages.add(package)
        if command:
            stand_ins.add(command)
    return packages, stand_ins


def closure(packages):
    """The packages and everything they depend on, as apt resolves it."""
    out = subprocess.run(["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests",
                          "--no-conflicts", "--no-breaks", "--no-replaces", "--no-enhances", *sorted(packages)],
                         capture_output=True, text=True, check=True).stdout
    return {line.strip() for line in out.splitlines() if line and not line[0].isspace()}


def owners(paths):
    """{path: set of Debian packages owning it}; a path no package owns is left out."""
    paths = sorted(set(paths))
    found = {}
    for i in range(0, len(paths), 500):
        out = subprocess.run(["dpkg", "-S", *paths[i:i + 500]], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if line.startswith("diversion ") or ": /" not in line:
                continue
            names, path = line.split(": /", 1)
            found.setdefault("/" + path, set()).update(n.split(":")[0].strip() for n in names.split(","))
    return found


def headers(build_dir):
    """Files outside the repository and the build tree that the build's compiles read."""
    out = subprocess.run(["ninja", "-C", build_dir, "-t", "deps"], capture_output=True, text=True, check=True).stdout
    inside = (REPO + os.sep, os.path.abspath(build_dir) + os.sep)
    files = set()
    for line in out.splitlines():
        if not line.startswith(" "):
            continue
        # Relative to the build tree, and resolved: it links to system folders (json_include/nlohmann).
        path = os.path.realpath(os.path.join(build_dir, line.strip()))
        if not path.startswith(inside):
            files.add(path)
    return files


def test_commands(build_dir):
    """Each ctest command line of the build."""
    out = subprocess.run(["ctest", "--test-dir", build_dir, "--show-only=json-v1"],
                         capture_output=True, text=True, check=True).stdout
    return [t.get("command", []) for t in json.loads(out).get("tests", [])]


def build_programs(build_dir):
    """The compilers and tools CMake found for the build."""
    programs = set()
    with open(os.path.join(build_dir, "CMakeCache.txt")) as cache:
        for line in cache:
            m = re.match(r"(CMAKE_CXX_COMPILER|CMAKE_C_COMPILER|CMAKE_MAKE_PROGRAM|CMAKE_COMMAND|AIO_NODE|AIO_TERSER):\w+=(/.+)", line)
            if m:
                programs.add(m.group(2).strip())
    return programs


def python_modules(scripts):
    """{module: script importing it}: top-level imports of the scripts, following the repository's
    own modules and the scripts they name ('areq.py') in their folder. Indented imports are optional."""
    own = {}
    for root, dirs, names in os.walk(REPO):
        dirs[:] = [d for d in dirs if d not in ("build", "node_modules", ".git", "dist")]
        for n in names:
            if n.endswith(".py"):
                own.setdefault(n[:-3], os.path.join(root, n))
    modules, seen, todo = {}, set(), list(scripts)
    while todo:
        script = todo.pop()
        if script in seen:
            continue
        seen.add(script)
        text = open(script).read()
        for name in re.findall(r"^(?:import|from)\s+(\w+)", text, re.M):
            if name in own:
                todo.append(own[name])
            else:
                modules.setdefault(name, script)
        for name in re.findall(r"[\"']([\w./-]+\.py)[\"']", text):
            path = os.path.join(os.path.dirname(script), os.path.basename(name))
            if os.path.isfile(path):
                todo.append(path)
    return modules


def demo_scripts_modules():
    """{module: demo file}: what the demos' Python scripts (raw strings in playground/demos) import."""
    modules = {}
    folder = os.path.join(REPO, "playground", "demos")
    for n in sorted(os.listdir(folder)):
        if n.endswith(".cpp"):
            for name in re.findall(r"^(?:import|from)\s+(\w+)", open(os.path.join(folder, n)).read(), re.M):
                modules.setdefault(name, os.path.join(folder, n))
    return modules


def module_files(modules):
    """{module: file it loads from} on the tests' Python; None for a module that is not installed."""
    code = ("import importlib.util, json, sys\n"
            "out = {}\n"
            "for m in sys.argv[1:]:\n"
            "    s = importlib.util.find_spec(m)\n"
            "    out[m] = None if s is None else (s.origin if s.has_location else '')\n"
            "print(json.dumps(out))")
    out = subprocess.run([PYTHON, "-c", code, *sorted(modules)], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def which(program):
    if program.startswith("/"):
        return program if os.path.exists(program) else None
    for d in os.environ.get("PATH", "").split(os.pathsep):
        if os.access(os.path.join(d, program), os.X_OK):
            return os.path.join(d, program)
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", help="a build named in web/tools/packages.txt")
    parser.add_argument("--build-dir", required=True, help="its configured and built CMake tree")
    args = parser.parse_args()
    packages, stand_ins = listed(args.build)
    covered = closure(packages)
    problems = []

    used = {path: "a header" for path in headers(args.build_dir)}   # file -> what it is to the build
    programs = build_programs(args.build_dir)
    scripts = set()
    for command in test_commands(args.build_dir):
        if command:
            programs.add(command[0])
        scripts.update(a for a in command[1:] if a.endswith(".py") and os.path.isfile(a))
    modules = {}
    if args.build == "browser":
        programs.add("node")
        # setup.sh runs npm ci for tests/browser. Which package owns npm differs (Debian's npm, or
        # NodeSource's nodejs bundling it), so the line must name it whatever this machine has.
        if "npm" not in stand_ins:
            problems.append("npm (setup.sh runs npm ci for this build): no item names it, e.g. npm=npm")
        for folder in ("tests/browser", "tests/node"):
            for n in sorted(os.listdir(os.path.join(REPO, folder))):
                if n.endswith(".mjs"):
                    text = open(os.path.join(REPO, folder, n)).read()
                    programs.update(re.findall(r"'(/usr/bin/[\w.+-]+)'", text))
                    scripts.update(os.path.join(REPO, p) for p in re.findall(r"'([\w/]+\.py)'", text)
                                   if os.path.isfile(os.path.join(REPO, p)))
        modules.update(demo_scripts_modules())   # the browser tests run them on CPython
    modules.update(python_modules(scripts))

    for program in sorted(programs):
        if program in stand_ins or os.path.basename(program) in stand_ins:
            continue
        path = which(program)
        if path is None:
            problems.append(f"the program {program}: not installed, and no item names it")
        else:
            used[path] = "the program"
    if modules:
        for name, origin in module_files(modules).items():
            if origin is None:
                problems.append(f"the Python module {name} ({os.path.relpath(modules[name], REPO)} imports it): "
                                f"not installed for {PYTHON}")
            elif origin:
                used[origin] = f"the Python module {name} ({os.path.relpath(modules[name], REPO)} imports it)"
    by_path = owners(list(used) + [os.path.realpath(p) for p in used])
    packages_used, missed = set(), {}   # missed: package -> what the build used from it
    for path, what in sorted(used.items()):
        owned = by_path.get(path) or by_path.get(os.path.realpath(path))
        if not owned:
            continue
        packages_used |= owned
        if not owned & covered:
            missed.setdefault(", ".join(sorted(owned)), []).append(f"{what} {path}")
    for package, uses in sorted(missed.items()):
        more = f" and {len(uses) - 1} more files" if len(uses) > 1 else ""
        problems.append(f"{package}, for {uses[0]}{more}")
    if problems:
        print(f"web/tools/packages.txt's '{args.build}' line (with what its packages depend on) misses:")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print(f"{args.build}: {len(used)} files the build uses, from {len(packages_used)} Debian packages, "
          f"all covered by its {len(packages)} listed packages")

if __name__ == "__main__":
    main()
