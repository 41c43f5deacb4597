# Loading and showing differential-test programs: a seed names a generated program, anything
# else is a path to a JSON file.
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402


def load(seed_or_path):
    """(label, program) for an integer seed or a JSON file path."""
    text = str(seed_or_path)
    if text.lstrip('-').isdigit():
        return f'seed {int(text)}', generate.generate(int(text))
    with open(text) as f:
        return os.path.basename(text), json.load(f)


def show(program):
    """The program as compact JSON, one top-level statement per line (for humans and diffs)."""
    out = ['{']
    for key in ('queues', 'events', 'locks', 'semaphores'):
        if key in program:
            out.append(f'  "{key}": {json.dumps(program[key])},')
    out.append('  "coros": {')
    names = list(program['coros'])
    for n, name in enumerate(names):
        body = program['coros'][name]
        out.append(f'    "{name}": [')
        out += [f'      {json.dumps(s)}' + (',' if k < len(body) - 1 else '') for k, s in enumerate(body)]
        out.append('    ]' + (',' if n < len(names) - 1 else ''))
    out += ['  }', '}']
    return '\n'.join(out)
