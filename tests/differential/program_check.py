# Validates a differential-test program against SPEC.md, so a malformed case fails with a message
# naming the bad input instead of running something neither interpreter was meant to run.
import math
import re

import lang

NAME = re.compile(r'[a-z0-9_-]+\Z')
TEXT = re.compile(r'[ -~]*\Z')  # printable ASCII, no newline
RAISABLE = tuple(lang.RAISABLE)
CATCHABLE = tuple(lang.CATCHABLE)

# op -> kinds of its arguments after the op name (all required, in order; "?" allows null)
SIGNATURES = {
    'print': ['text'], 'iter': [], 'sleep': ['num'],
    'spawn': ['var', 'coro', 'expr', 'name?'], 'tg_spawn': ['var', 'coro', 'expr', 'name?'],
    'await': ['ref'], 'call': ['coro', 'expr'], 'gather': ['items', 'bool', 'var?'],
    'wait_for': ['item', 'num?'], 'shield': ['item'], 'as_completed': ['refs', 'num?'],
    'cancel': ['ref_or_self', 'name?'], 'uncancel': ['ref_or_self'],
    'cancelling': ['ref_or_self'], 'state': ['ref_or_self'],
    'raise': ['raisable', 'name'], 'return': ['expr'],
    'try': ['body', 'handlers', 'body?'], 'timeout': ['num?', 'body'], 'taskgroup': ['body'],
    'lock': ['lock', 'body'], 'sem': ['sem', 'body'], 'repeat': ['count', 'body'],
    'put': ['queue', 'expr'], 'get': ['queue'], 'put_nowait': ['queue', 'expr'],
    'get_nowait': ['queue'], 'task_done': ['queue'], 'join': ['queue'], 'qsize': ['queue'],
    'wait': ['event'], 'set': ['event'], 'clear': ['event'], 'is_set': ['event'],
}


class _Checker:
    def __init__(self, program):
        self.p = program

    def fail(self, where, msg):
        raise ValueError(f'{where}: {msg}')

    def check(self):
        p = self.p
        if not isinstance(p, dict) or not isinstance(p.get('coros'), dict) or 'main' not in p['coros']:
            self.fail('program', 'must be an object with "coros" containing "main"')
        extra = set(p) - {'coros', 'queues', 'events', 'locks', 'semaphores'}
        if extra:
            self.fail('program', f'unknown keys {sorted(extra)}')
        for key, kind in (('queues', dict), ('semaphores', dict), ('events', list), ('locks', list)):
            value = p.get(key, kind())
            if not isinstance(value, kind):
                self.fail(key, f'must be a JSON {"object" if kind is dict else "array"}')
            for name in value:
                self.name(key, name)
            if kind is dict:
                for name, n in value.items():
                    low = 1 if key == 'semaphores' else 0
                    if not self.is_int(n) or not low <= n <= 1000:
                        self.fail(f'{key}.{name}', f'must be an integer {low}..1000, got {n!r}')
        for name, body in p['coros'].items():
            self.name('coros', name)
            self.body(f'coros.{name}', body, in_group=False)

    @staticmethod
    def is_int(v):
        return isinstance(v, int) and not isinstance(v, bool)

    def name(self, where, v):
        if not isinstance(v, str) or not NAME.match(v):
            self.fail(where, f'names and strings must match [a-z0-9_-]+, got {v!r}')

    def body(self, where, stmts, in_group):
        if not isinstance(stmts, list):
            self.fail(where, 'a body must be a list of statements')
        for i, s in enumerate(stmts):
            self.stmt(f'{where}[{i}]', s, in_group)

    def stmt(self, where, s, in_group):
        if not isinstance(s, list) or not s or s[0] not in SIGNATURES:
            self.fail(where, f'statement must be [op, ...] with op in {sorted(SIGNATURES)}, got {s!r}')
        kinds = SIGNATURES[s[0]]
        if len(s) != 1 + len(kinds):
            self.fail(where, f'{s[0]} takes {len(kinds)} arguments ({", ".join(kinds)}), got {len(s) - 1}')
        if s[0] == 'tg_spawn' and not in_group:
            self.fail(where, 'tg_spawn must be inside a taskgroup body of the same coroutine')
        in_group = in_group or s[0] == 'taskgroup'
        for i, (kind, arg) in enumerate(zip(kinds, s[1:]), 1):
            self.arg(f'{where}[{i}]', kind, arg, in_group)

    def arg(self, where, kind, a, in_group):
        p = self.p
        if kind.endswith('?'):
            if a is None:
                return
            kind = kind[:-1]
        if kind in ('ref', 'var'):
            self.ref(where, a)
        elif kind in ('name', 'ref_or_self'):
            self.name(where, a)
        elif kind == 'text':
            if not isinstance(a, str) or not TEXT.match(a):
                self.fail(where, f'text must be printable ASCII, got {a!r}')
        elif kind == 'num':
            if isinstance(a, bool) or not isinstance(a, (int, float)) or not math.isfinite(a) \
                    or not -1000 <= a <= 1000 or (a == 0 and math.copysign(1, a) < 0):
                self.fail(where, f'must be a number -1000..1000 (not -0), got {a!r}')
        elif kind == 'bool':
            if not isinstance(a, bool):
                self.fail(where, f'must be true or false, got {a!r}')
        elif kind == 'count':
            if not self.is_int(a) or not 0 <= a <= 100:
                self.fail(where, f'must be an integer 0..100, got {a!r}')
        elif kind == 'coro':
            if a not in p['coros']:
                self.fail(where, f'unknown coroutine {a!r}')
        elif kind == 'expr':
            self.expr(where, a)
        elif kind == 'item':
            self.item(where, a)
        elif kind == 'items':
            if not isinstance(a, list):
                self.fail(where, 'must be a list of items')
            for i, item in enumerate(a):
                self.item(f'{where}[{i}]', item)
        elif kind == 'refs':
            if not isinstance(a, list):
                self.fail(where, 'must be a list of variable names')
            for i, v in enumerate(a):
                self.ref(f'{where}[{i}]', v)
        elif kind == 'raisable':
            if a not in RAISABLE:
                self.fail(where, f'must be one of {RAISABLE}, got {a!r}')
        elif kind == 'body':
            self.body(where, a, in_group)
        elif kind == 'handlers':
            if not isinstance(a, list):
                self.fail(where, 'must be a list of [types, body, reraise]')
            for i, h in enumerate(a):
                w = f'{where}[{i}]'
                if not isinstance(h, list) or len(h) != 3 or not isinstance(h[0], list) \
                        or not h[0] or not isinstance(h[2], bool):
                    self.fail(w, f'a handler is [[type, ...], body, reraise], got {h!r}')
                for t in h[0]:
                    if t not in CATCHABLE:
                        self.fail(w, f'exception type must be one of {CATCHABLE}, got {t!r}')
                self.body(w, h[1], in_group)
        elif kind in ('queue', 'event', 'lock', 'sem'):
            table = {'queue': 'queues', 'event': 'events', 'lock': 'locks', 'sem': 'semaphores'}[kind]
            if a not in p.get(table, ()):
                self.fail(where, f'unknown {kind} {a!r} (declare it in "{table}")')
        else:
            raise AssertionError(kind)

    def ref(self, where, v):
        # "self" names the running task only where a statement allows it (cancel, state, ...):
        # it cannot be assigned, and awaiting the running task is an error in CPython.
        self.name(where, v)
        if v == 'self':
            self.fail(where, '"self" is only allowed in cancel, uncancel, cancelling and state')

    def item(self, where, a):
        if isinstance(a, str):
            self.ref(where, a)
        elif isinstance(a, list) and len(a) == 3 and a[0] == 'call' and a[1] in self.p['coros']:
            self.expr(where, a[2])
        else:
            self.fail(where, f'an item is a variable name or ["call", coro, arg], got {a!r}')

    def expr(self, where, a):
        if a is None or self.is_int(a) and -10**9 <= a <= 10**9:
            return
        if isinstance(a, str):
            if a not in ('$x', '$r'):
                self.name(where, a)
        elif isinstance(a, list):
            for i, e in enumerate(a):
                self.expr(f'{where}[{i}]', e)
        else:
            self.fail(where, f'a value is an integer, string, null, "$x", "$r" or a list, got {a!r}')


def check(program):
    """Raises ValueError naming the first bad input."""
    _Checker(program).check()
