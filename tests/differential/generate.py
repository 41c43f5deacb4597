# Generates a random valid differential-test program (SPEC.md §8) from an integer seed.
#   usage: generate.py SEED      (prints the program as JSON)
import json
import random
import sys

DELAYS = [0, 0, 0.1, 0.1, 0.2, 0.2, 0.3, 0.5, 1, 2, 0.25, -1]
TIMEOUTS = [None, None, 0, 0.1, 0.2, 0.3, 0.3, 0.5, 1, 1, 2, 2, 0.25, -1]
CATCH_TYPES = ['CancelledError', 'CancelledError', 'TimeoutError', 'ValueError', 'KeyError',
               'RuntimeError', 'Exception', 'Exception', 'ExceptionGroup', 'QueueFull',
               'QueueEmpty', 'BaseException']
BLOCKING = {'get', 'put', 'join', 'wait', 'await', 'gather', 'as_completed', 'lock', 'sem'}
RISKY = BLOCKING | {'raise', 'timeout', 'wait_for', 'get_nowait', 'put_nowait', 'task_done',
                    'shield', 'call', 'taskgroup'}
MAX_FRAMES = 60      # estimated coroutine invocations per run, counting repeats


class _Gen:
    # Coroutine i only calls/spawns/awaits coroutines with a higher index: nothing recurses and no
    # task awaits itself.
    def __init__(self, rng):
        self.rng = rng
        self.ncoros = rng.randint(2, 6)
        self.names = ['main'] + [f'c{i}' for i in range(1, self.ncoros)]
        self.queues = {f'q{k}': rng.choice([0, 0, 1, 2]) for k in range(rng.choice([0, 1, 1, 2]))}
        self.events = [f'e{k}' for k in range(rng.choice([0, 1, 1, 2]))]
        self.locks = [f'l{k}' for k in range(rng.choice([0, 0, 1]))]
        self.sems = {f's{k}': rng.choice([1, 2]) for k in range(rng.choice([0, 0, 1]))}
        self.vars = []      # (name, index of the coroutine it runs, or of the gather's creator)
        self.counter = 0

    def fresh(self, prefix):
        self.counter += 1
        return f'{prefix}{self.counter}'

    # --- pieces ---------------------------------------------------------------------------------
    def higher(self, i):
        # Often the next coroutine, so that most coroutines are reachable from main.
        if self.rng.random() < 0.5:
            return self.names[i + 1]
        return self.names[self.rng.randint(i + 1, self.ncoros - 1)]

    def arg(self):
        return self.rng.choice([0, 1, 2, 3, '$x'])

    def value(self):
        r = self.rng.random()
        if r < 0.4:
            return self.rng.randint(0, 9)
        if r < 0.55:
            return self.rng.choice(['$x', '$r'])
        if r < 0.7:
            return self.fresh('s')
        if r < 0.8:
            return None
        return [self.value() for _ in range(self.rng.randint(0, 2))]

    def awaitable_vars(self, i):
        return [v for v, c in self.vars if c > i]

    def item(self, i, allow_vars=True):
        avail = self.awaitable_vars(i) if allow_vars else []
        if avail and (i == self.ncoros - 1 or self.rng.random() < 0.5):
            return self.rng.choice(avail)
        return ['call', self.higher(i), self.arg()]

    def target(self, i):
        # Anything that may be cancelled/inspected: any variable, or the running task itself.
        names = [v for v, _ in self.vars]
        return 'self' if not names or self.rng.random() < 0.1 else self.rng.choice(names)

    def name(self):
        return None if self.rng.random() < 0.25 else self.fresh('n')

    # --- statements -----------------------------------------------------------------------------
    def stmt(self, i, depth, in_group):
        rng = self.rng
        has_higher = i < self.ncoros - 1
        avail = self.awaitable_vars(i)
        main = i == 0
        w = {
            'print': 2, 'iter': 1, 'sleep': 10, 'raise': 1.5, 'return': 1,
            'cancel': 3 if self.vars else 0.2, 'state': 1.5 if self.vars else 0,
            'uncancel': 0.7, 'cancelling': 0.7,
            'spawn': 7 if has_higher else 0, 'call': 3 if has_higher else 0,
            'await': 5 if avail else 0, 'gather': 4 if has_higher or avail else 0,
            'wait_for': 3 if has_higher or avail else 0, 'shield': 1.5 if has_higher or avail else 0,
            'as_completed': 2 if avail else 0,
            'try': 4 if depth < 2 else 0, 'timeout': 3 if depth < 2 else 0,
            'repeat': 1.5 if depth < 2 else 0,
            'taskgroup': 2 if depth < 2 and has_higher else 0,
            'tg_spawn': 6 if in_group and has_higher else 0,
            'lock': 2 if self.locks and depth < 2 else 0, 'sem': 2 if self.sems and depth < 2 else 0,
        }
        if self.queues:
            # main blocks less often on queues: a deadlocked main ends the run early
            w.update({'put': 3, 'get': 1.5 if main else 3, 'put_nowait': 1.5, 'get_nowait': 1.5,
                      'task_done': 1, 'join': 0.5 if main else 1.5, 'qsize': 0.5})
        if self.events:
            w.update({'wait': 0.7 if main else 3, 'set': 3, 'clear': 1, 'is_set': 0.5})
        op = rng.choices(list(w), weights=list(w.values()))[0]
        return getattr(self, 'op_' + op)(i, depth, in_group)

    def body(self, i, depth, in_group, lo=1, hi=4):
        return [self.stmt(i, depth, in_group) for _ in range(self.rng.randint(lo, hi))]

    def main_stmt(self):
        # main's statements are often guarded, so that one failure or a forgotten producer does
        # not end most runs early: ["try", [["timeout", 2, [s]]], [[["Exception"], [...], false]]]
        s = self.stmt(0, 0, False)
        if s[0] not in RISKY:
            return s
        if self.rng.random() < 0.6:
            s = ['timeout', self.rng.choice([1, 2, 3]), [s]]
        if s[0] == 'timeout' or self.rng.random() < 0.7:
            s = ['try', [s], [[['Exception'], self.body(0, 2, False, 0, 1), False]], None]
        return s

    def op_print(self, i, d, g):
        return ['print', self.fresh('p')]

    def op_iter(self, i, d, g):
        return ['iter']

    def op_sleep(self, i, d, g):
        return ['sleep', self.rng.choice(DELAYS)]

    def op_raise(self, i, d, g):
        return ['raise', self.rng.choice(['ValueError', 'KeyError', 'RuntimeError']), self.fresh('x')]

    def op_return(self, i, d, g):
        return ['return', self.value()]

    def op_cancel(self, i, d, g):
        return ['cancel', self.target(i), self.fresh('m') if self.rng.random() < 0.25 else None]

    def op_state(self, i, d, g):
        return ['state', self.target(i)]

    def op_uncancel(self, i, d, g):
        return ['uncancel', self.target(i)]

    def op_cancelling(self, i, d, g):
        return ['cancelling', self.target(i)]

    def op_spawn(self, i, d, g, op='spawn'):
        coro = self.higher(i)
        var = self.fresh('v')
        stmt = [op, var, coro, self.arg(), self.name()]
        self.vars.append((var, self.names.index(coro)))
        return stmt

    def op_tg_spawn(self, i, d, g):
        return self.op_spawn(i, d, g, op='tg_spawn')

    def op_call(self, i, d, g):
        return ['call', self.higher(i), self.arg()]

    def op_await(self, i, d, g):
        return ['await', self.rng.choice(self.awaitable_vars(i))]

    def op_gather(self, i, d, g):
        items = []
        for _ in range(self.rng.choice([0, 1, 2, 2, 3, 3])):
            it = self.item(i)
            if it not in items:  # gather dedupes repeated awaitables; keep programs simple
                items.append(it)
        var = self.fresh('g') if self.rng.random() < 0.3 else None
        stmt = ['gather', items, self.rng.random() < 0.4, var]
        if var:
            self.vars.append((var, i))
        return stmt

    def op_wait_for(self, i, d, g):
        return ['wait_for', self.item(i), self.rng.choice(TIMEOUTS)]

    def op_shield(self, i, d, g):
        return ['shield', self.item(i)]

    def op_as_completed(self, i, d, g):
        avail = self.awaitable_vars(i)
        names = self.rng.sample(avail, min(len(avail), self.rng.randint(1, 3)))
        return ['as_completed', names, self.rng.choice(TIMEOUTS)]

    def op_try(self, i, d, g):
        handlers = []
        for _ in range(self.rng.choice([0, 1, 1, 1, 2])):
            types = self.rng.sample(CATCH_TYPES, self.rng.choice([1, 1, 2]))
            types = list(dict.fromkeys(types))
            handlers.append([types, self.body(i, d + 1, g, 0, 3), self.rng.random() < 0.3])
        final = self.body(i, d + 1, g, 0, 2) if not handlers or self.rng.random() < 0.3 else None
        return ['try', self.body(i, d + 1, g), handlers, final]

    def op_timeout(self, i, d, g):
        return ['timeout', self.rng.choice(TIMEOUTS), self.body(i, d + 1, g)]

    def op_repeat(self, i, d, g):
        return ['repeat', self.rng.randint(0, 3), self.body(i, d + 1, g, 1, 3)]

    def op_taskgroup(self, i, d, g):
        return ['taskgroup', [self.op_tg_spawn(i, d, g)] + self.body(i, d + 1, True, 0, 4)]

    def op_lock(self, i, d, g):
        return ['lock', self.rng.choice(self.locks), self.body(i, d + 1, g, 1, 3)]

    def op_sem(self, i, d, g):
        return ['sem', self.rng.choice(list(self.sems)), self.body(i, d + 1, g, 1, 3)]

    def queue(self):
        return self.rng.choice(list(self.queues))

    def op_put(self, i, d, g):
        return ['put', self.queue(), self.value()]

    def op_get(self, i, d, g):
        return ['get', self.queue()]

    def op_put_nowait(self, i, d, g):
        return ['put_nowait', self.queue(), self.value()]

    def op_get_nowait(self, i, d, g):
        return ['get_nowait', self.queue()]

    def op_task_done(self, i, d, g):
        return ['task_done', self.queue()]

    def op_join(self, i, d, g):
        return ['join', self.queue()]

    def op_qsize(self, i, d, g):
        return ['qsize', self.queue()]

    def event_op(self, op):
        return [op, self.rng.choice(self.events)]

    def op_wait(self, i, d, g):
        return self.event_op('wait')

    def op_set(self, i, d, g):
        return self.event_op('set')

    def op_clear(self, i, d, g):
        return self.event_op('clear')

    def op_is_set(self, i, d, g):
        return self.event_op('is_set')

    # --- whole program --------------------------------------------------------------------------
    def program(self):
        coros = {}
        for i, name in enumerate(self.names):
            if i == 0:
                coros[name] = [self.main_stmt() for _ in range(self.rng.randint(3, 12))]
            else:
                coros[name] = self.body(i, 0, False, 1, self.rng.choice([3, 6, 8]))
        p = {'coros': coros}
        for key, value in (('queues', self.queues), ('events', self.events),
                           ('locks', self.locks), ('semaphores', self.sems)):
            if value:
                p[key] = value
        return p


def estimated_frames(program):
    """Coroutine invocations if every statement ran (repeats multiply): bounds a run's length."""
    memo = {}

    def stmts(body):
        total = 0
        for s in body:
            op = s[0]
            if op in ('spawn', 'tg_spawn', 'call'):
                total += frames(s[2] if op != 'call' else s[1])
            elif op in ('gather', 'wait_for', 'shield'):
                items = s[1] if op == 'gather' else [s[1]]
                total += sum(frames(it[1]) for it in items if isinstance(it, list))
            elif op == 'repeat':
                total += s[1] * stmts(s[2])
            elif op == 'try':
                total += stmts(s[1]) + sum(stmts(h[1]) for h in s[2]) + stmts(s[3] or [])
            elif op in ('timeout', 'lock', 'sem'):
                total += stmts(s[2])
            elif op == 'taskgroup':
                total += stmts(s[1])
        return total

    def frames(name):
        if name not in memo:
            memo[name] = 1 + stmts(program['coros'][name])
        return memo[name]

    return frames('main')


def generate(seed):
    rng = random.Random(seed)
    while True:
        p = _Gen(rng).program()
        if estimated_frames(p) <= MAX_FRAMES:
            return p


if __name__ == '__main__':
    if len(sys.argv) != 2 or not sys.argv[1].lstrip('-').isdigit():
        sys.exit('usage: generate.py SEED   (SEED an integer)')
    print(json.dumps(generate(int(sys.argv[1]))))
