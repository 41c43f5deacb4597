# Differential test driver: runs each program under the CPython reference (in-process) and under
# CMD (program JSON on stdin, or as a path where CMD has a "{}" argument), compares line by line.
#   usage: compare.py --cpp-interp CMD [--seeds 0..299] [--cases DIR] [--jobs 2] [--show 3]
import argparse
import difflib
import glob
import json
import multiprocessing
import os
import shlex
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import interp    # noqa: E402
import programs  # noqa: E402


def parse_seeds(text):
    """"0..299" (inclusive), "1,5,9" or "7" -> list of ints."""
    seeds = []
    for part in text.split(','):
        if '..' in part:
            lo, hi = part.split('..')
            seeds += range(int(lo), int(hi) + 1)
        elif part:
            seeds.append(int(part))
    return seeds


def run_command(cmd, program, timeout):
    """(lines, problem): the command's stdout lines, and a description if it failed to run."""
    text = json.dumps(program)
    argv = shlex.split(cmd)
    path = None
    try:
        if '{}' in argv:
            fd, path = tempfile.mkstemp(suffix='.json')
            with os.fdopen(fd, 'w') as f:
                f.write(text)
            argv, text = [path if a == '{}' else a for a in argv], None
        p = subprocess.run(argv, input=text, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return [], f'timed out after {timeout} s'
    except OSError as e:
        return [], f'could not run {argv[0]!r}: {e}'
    finally:
        if path:
            os.unlink(path)
    problem = None
    if p.returncode != 0:
        problem = f'exit status {p.returncode}; stderr: {p.stderr.strip()[-2000:]}'
    return p.stdout.splitlines(), problem


def check_one(job):
    label, source, program, cmd, timeout = job
    try:
        expected = interp.run_program(program)
    except ValueError as e:  # a malformed case file: report it like a mismatch
        return label, source, program, False, [], [], f'invalid program: {e}'
    actual, problem = run_command(cmd, program, timeout)
    ok = problem is None and actual == expected
    return label, source, program, ok, expected, actual, problem


def main(argv):
    ap = argparse.ArgumentParser(description='Compare interpreters on differential-test programs.')
    ap.add_argument('--cpp-interp', required=True, help='command running one program')
    ap.add_argument('--seeds', default='0..299', help='generated programs: "0..299", "1,5" or ""')
    ap.add_argument('--cases', default=None, help='directory of hand-written *.json programs')
    ap.add_argument('--jobs', type=int, default=2, help='programs run in parallel')
    ap.add_argument('--show', type=int, default=3, help='mismatches shown in full')
    ap.add_argument('--timeout', type=float, default=20, help='seconds per program')
    args = ap.parse_args(argv[1:])

    sources = [str(s) for s in parse_seeds(args.seeds)]
    if args.cases:
        if not os.path.isdir(args.cases):
            ap.error(f'--cases: {args.cases!r} is not a directory')
        sources += sorted(glob.glob(os.path.join(args.cases, '*.json')))
    jobs = []
    for source in sources:
        label, program = programs.load(source)
        jobs.append((label, source, program, args.cpp_interp, args.timeout))

    passed, failed = 0, []
    with multiprocessing.Pool(max(1, args.jobs)) as pool:
        for label, source, program, ok, expected, actual, problem in pool.imap(check_one, jobs, chunksize=4):
            if ok:
                passed += 1
                continue
            failed.append(label)
            if len(failed) > args.show:
                continue
            print(f'=== MISMATCH: {label}  (rerun: expected.py {source} --program)')
            if problem:
                print(f'--- {problem}')
            diff = difflib.unified_diff(expected, actual, 'expected (CPython)', 'actual', lineterm='')
            print('\n'.join(diff))
            print('--- program:')
            print(programs.show(program))
            print()
    if failed:
        print(f'failed ({len(failed)}): {", ".join(failed)}')
    print(f'{passed} passed, {len(failed)} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
