# Runs one differential-test program (JSON, specified in SPEC.md) on the virtual loop and prints
# one line per event. The C++ interpreter must print exactly the same lines for the same program.
#   usage: interp.py [PROGRAM.json]      (reads stdin without an argument or with "-")
import asyncio
import gc
import json
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lang import CATCHABLE, RAISABLE, fmt, fmt_exc, fmt_num  # noqa: E402
import ordered         # noqa: E402
import program_check   # noqa: E402
import virtual_loop    # noqa: E402

MAX_ITERATIONS = 10000
SHUTDOWN_MESSAGE = 'unhandled exception during asyncio.run() shutdown'


class _Return:
    def __init__(self, value):
        self.value = value


class Frame:
    """One running coroutine of the program: its argument, last result and open task groups."""

    def __init__(self, coro, x):
        self.coro, self.x, self.r, self.groups = coro, x, None, []


class Interp:
    def __init__(self, program):
        self.coros = program['coros']
        self.loop = virtual_loop.VirtualLoop(max_iterations=MAX_ITERATIONS)
        self.vars = {}
        self.queues = {k: asyncio.Queue(n) for k, n in program.get('queues', {}).items()}
        self.events = {k: asyncio.Event() for k in program.get('events', [])}
        self.locks = {k: asyncio.Lock() for k in program.get('locks', [])}
        self.sems = {k: asyncio.Semaphore(n) for k, n in program.get('semaphores', {}).items()}
        self.lines = []
        self.finished = False  # set at the end: coroutines closed later by GC must print nothing

    def emit(self, msg):
        if self.finished:
            return
        task = asyncio.current_task(self.loop)
        name = task.get_name() if task is not None else '-'
        self.lines.append(f'{self.loop.time():.6f} {name} {msg}')

    def on_loop_error(self, loop, ctx):
        # Only asyncio.run's shutdown report is deterministic; "never retrieved" ones come from GC.
        if ctx.get('message') == SHUTDOWN_MESSAGE:
            self.emit(f"shutdown {ctx['task'].get_name()} !! {fmt_exc(ctx['exception'])}")

    def run(self):
        loop = self.loop
        loop.set_exception_handler(self.on_loop_error)
        outcome = 'pending'
        try:
            result, error = virtual_loop.run_main(loop, self.frame('main', 0), name='main')
            outcome = f'!! {fmt_exc(error)}' if error is not None else f'-> {fmt(result)}'
            virtual_loop.cancel_remaining_tasks(loop)
        except virtual_loop.Deadlock:
            self.emit('deadlock')
        except virtual_loop.IterationLimit:
            self.emit('iteration limit')
        self.emit(f'end {outcome} iterations {loop.iteration}')
        self.finished = True
        return self.lines

    # --- values -------------------------------------------------------------------------------
    def value(self, e, f):
        if e == '$x':
            return f.x
        if e == '$r':
            return f.r
        if isinstance(e, list):
            return [self.value(i, f) for i in e]
        return e

    def lookup(self, var):
        return asyncio.current_task(self.loop) if var == 'self' else self.vars.get(var)

    def skipped(self, desc, names):
        # A statement naming a variable no spawn has set yet prints this and does nothing.
        for v in names:
            if self.lookup(v) is None:
                self.emit(f'{desc} skipped (unset {v})')
                return True
        return False

    def item_desc(self, item, f):
        return item if isinstance(item, str) else f'{item[1]}({fmt(self.value(item[2], f))})'

    def item(self, item, f):
        # A variable's task/future, or a fresh coroutine object for ["call", coro, arg].
        return self.vars[item] if isinstance(item, str) else self.frame(item[1], self.value(item[2], f))

    @staticmethod
    def item_vars(items):
        return [i for i in items if isinstance(i, str)]

    # --- running code -------------------------------------------------------------------------
    async def frame(self, coro, x):
        f = Frame(coro, x)
        desc = f'{coro}({fmt(x)})'
        self.emit(f'enter {desc}')
        try:
            ret = await self.block(self.coros[coro], f)
        except GeneratorExit:
            raise
        except BaseException as e:
            self.emit(f'exit {desc} !! {fmt_exc(e)}')
            raise
        value = ret.value if ret is not None else None
        self.emit(f'exit {desc} -> {fmt(value)}')
        return value

    async def block(self, stmts, f):
        for s in stmts:
            ret = await OPS[s[0]](self, s, f)
            if ret is not None:
                return ret
        return None

    async def leaf(self, desc, f, awaitable, sets_r=False):
        try:
            v = await awaitable
        except GeneratorExit:
            raise
        except BaseException as e:
            self.emit(f'{desc} !! {fmt_exc(e)}')
            raise
        self.emit(f'{desc} -> {fmt(v)}')
        if sets_r:
            f.r = v

    def now(self, desc, f, fn, sets_r=False):
        try:
            v = fn()
        except Exception as e:
            self.emit(f'{desc} !! {fmt_exc(e)}')
            raise
        self.emit(f'{desc} -> {fmt(v)}')
        if sets_r:
            f.r = v

    async def outcome(self, desc, coro):
        # Awaits coro, then prints "exit" or "!! exc" for the block it ran.
        try:
            ret = await coro
        except GeneratorExit:
            raise
        except BaseException as e:
            self.emit(f'{desc} !! {fmt_exc(e)}')
            raise
        self.emit(f'{desc} exit')
        return ret

    async def compound(self, desc, f, cm, body, group=False):
        # `async with cm: body`, printing "enter" inside and "exit" / "!! exc" outside.
        async def run():
            async with cm:
                self.emit(f'{desc} enter')
                if group:
                    f.groups.append(cm)
                try:
                    return await self.block(body, f)
                finally:
                    if group:
                        f.groups.pop()
        return await self.outcome(desc, run())


# --- statements: each takes (interp, stmt, frame) and returns a _Return to end the frame -------
async def op_print(it, s, f):
    it.emit(s[1])


async def op_iter(it, s, f):
    it.emit(f'iter {it.loop.iteration}')


async def op_sleep(it, s, f):
    await it.leaf(f'sleep {fmt_num(s[1])}', f, asyncio.sleep(s[1]))


async def op_spawn(it, s, f):
    _, var, coro, arg, name = s
    x = it.value(arg, f)
    t = it.loop.create_task(it.frame(coro, x), name=name)
    it.vars[var] = t
    it.emit(f'spawn {var} {coro}({fmt(x)}) {t.get_name()}')


async def op_tg_spawn(it, s, f):
    _, var, coro, arg, name = s
    x = it.value(arg, f)
    desc = f'tg_spawn {var} {coro}({fmt(x)})'
    c = it.frame(coro, x)
    try:
        t = f.groups[-1].create_task(c, name=name)
    except RuntimeError:
        # CPython's message embeds the group's repr; the spec fixes a plain one.
        c.close()
        e = RuntimeError('TaskGroup is shutting down')
        it.emit(f'{desc} !! {fmt_exc(e)}')
        raise e from None
    it.vars[var] = t
    it.emit(f'{desc} {t.get_name()}')


async def op_await(it, s, f):
    desc = f'await {s[1]}'
    if not it.skipped(desc, [s[1]]):
        await it.leaf(desc, f, it.vars[s[1]], sets_r=True)


async def op_call(it, s, f):
    f.r = await it.frame(s[1], it.value(s[2], f))


async def op_gather(it, s, f):
    _, items, rexc, var = s
    desc = 'gather [' + ', '.join(it.item_desc(i, f) for i in items) + ']'
    desc += ' return_exceptions' if rexc else ''
    desc += f' as {var}' if var is not None else ''
    if it.skipped(desc, it.item_vars(items)):
        return
    fut = asyncio.gather(*[it.item(i, f) for i in items], return_exceptions=rexc)
    if var is not None:
        it.vars[var] = fut
    await it.leaf(desc, f, fut, sets_r=True)


async def op_wait_for(it, s, f):
    _, item, timeout = s
    desc = f'wait_for {it.item_desc(item, f)} {fmt_num(timeout)}'
    if not it.skipped(desc, it.item_vars([item])):
        await it.leaf(desc, f, asyncio.wait_for(it.item(item, f), timeout), sets_r=True)


async def op_shield(it, s, f):
    desc = f'shield {it.item_desc(s[1], f)}'
    if not it.skipped(desc, it.item_vars([s[1]])):
        await it.leaf(desc, f, asyncio.shield(it.item(s[1], f)), sets_r=True)


async def op_as_completed(it, s, f):
    _, names, timeout = s
    desc = f"as_completed [{', '.join(names)}] {fmt_num(timeout)}"
    if it.skipped(desc, names):
        return
    for k, aw in enumerate(ordered.as_completed([it.vars[v] for v in names], timeout=timeout)):
        await it.leaf(f'{desc} #{k}', f, aw, sets_r=True)


async def op_cancel(it, s, f):
    _, var, msg = s
    desc = f'cancel {var}' + (f' {msg}' if msg is not None else '')
    if not it.skipped(desc, [var]):
        t = it.lookup(var)
        it.now(desc, f, lambda: t.cancel() if msg is None else t.cancel(msg))


async def op_cancel_count(it, s, f):  # "uncancel" and "cancelling"
    desc = f'{s[0]} {s[1]}'
    if not it.skipped(desc, [s[1]]):
        t = it.lookup(s[1])
        if not isinstance(t, asyncio.Task):
            it.emit(f'{desc} -> n/a')
        else:
            it.now(desc, f, getattr(t, s[0]))


async def op_state(it, s, f):
    desc = f'state {s[1]}'
    if it.skipped(desc, [s[1]]):
        return
    t = it.lookup(s[1])
    if not t.done():
        state = 'pending'
    elif t.cancelled():  # never t.result() here: it would consume the stored CancelledError
        state = 'cancelled'
    elif t.exception() is not None:
        state = f'failed {fmt_exc(t.exception())}'
    else:
        state = f'done {fmt(t.result())}'
    it.emit(f'{desc} -> {state}')


async def op_raise(it, s, f):
    e = RAISABLE[s[1]](s[2])
    it.emit(f'raise {fmt_exc(e)}')
    raise e


async def op_return(it, s, f):
    return _Return(it.value(s[1], f))


async def op_try(it, s, f):
    _, body, handlers, final = s
    it.emit('try enter')
    exc, ret = None, None
    try:
        ret = await it.block(body, f)
    except GeneratorExit:
        raise
    except BaseException as e:
        handler = next((h for h in handlers if isinstance(e, tuple(CATCHABLE[n] for n in h[0]))), None)
        exc = e
        if handler is not None:
            it.emit(f'try caught {fmt_exc(e)}')
            try:
                ret = await it.block(handler[1], f)
                exc = e if ret is None and handler[2] else None
            except GeneratorExit:
                raise
            except BaseException as e2:
                exc = e2
    if final is not None:
        it.emit('try finally')
        try:
            fin_ret = await it.block(final, f)
            if fin_ret is not None:  # `return` in finally drops any pending exception
                exc, ret = None, fin_ret
        except GeneratorExit:
            raise
        except BaseException as e3:
            exc, ret = e3, None
    if exc is not None:
        it.emit(f'try !! {fmt_exc(exc)}')
        raise exc
    it.emit('try exit')
    return ret


async def op_timeout(it, s, f):
    return await it.compound(f'timeout {fmt_num(s[1])}', f, asyncio.timeout(s[1]), s[2])


async def op_taskgroup(it, s, f):
    return await it.compound('taskgroup', f, ordered.TaskGroup(), s[1], group=True)


async def op_lock(it, s, f):
    return await it.compound(f'lock {s[1]}', f, it.locks[s[1]], s[2])


async def op_sem(it, s, f):
    return await it.compound(f'sem {s[1]}', f, it.sems[s[1]], s[2])


async def op_repeat(it, s, f):
    _, n, body = s
    desc = f'repeat {n}'
    it.emit(f'{desc} enter')

    async def run():
        for _ in range(n):
            ret = await it.block(body, f)
            if ret is not None:
                return ret
        return None
    return await it.outcome(desc, run())


async def op_put(it, s, f):
    v = it.value(s[2], f)
    await it.leaf(f'put {s[1]} {fmt(v)}', f, it.queues[s[1]].put(v))


async def op_get(it, s, f):
    await it.leaf(f'get {s[1]}', f, it.queues[s[1]].get(), sets_r=True)


async def op_put_nowait(it, s, f):
    v = it.value(s[2], f)
    it.now(f'put_nowait {s[1]} {fmt(v)}', f, lambda: it.queues[s[1]].put_nowait(v))


async def op_get_nowait(it, s, f):
    it.now(f'get_nowait {s[1]}', f, it.queues[s[1]].get_nowait, sets_r=True)


async def op_task_done(it, s, f):
    it.now(f'task_done {s[1]}', f, it.queues[s[1]].task_done)


async def op_join(it, s, f):
    await it.leaf(f'join {s[1]}', f, it.queues[s[1]].join())


async def op_qsize(it, s, f):
    it.now(f'qsize {s[1]}', f, it.queues[s[1]].qsize)


async def op_wait(it, s, f):
    await it.leaf(f'wait {s[1]}', f, it.events[s[1]].wait())


async def op_event_call(it, s, f):  # "set", "clear", "is_set"
    it.now(f'{s[0]} {s[1]}', f, getattr(it.events[s[1]], s[0]))


OPS = {
    'print': op_print, 'iter': op_iter, 'sleep': op_sleep, 'spawn': op_spawn, 'await': op_await,
    'call': op_call, 'gather': op_gather, 'wait_for': op_wait_for, 'shield': op_shield,
    'as_completed': op_as_completed, 'cancel': op_cancel, 'uncancel': op_cancel_count,
    'cancelling': op_cancel_count, 'state': op_state, 'raise': op_raise, 'return': op_return,
    'try': op_try, 'timeout': op_timeout, 'taskgroup': op_taskgroup, 'tg_spawn': op_tg_spawn,
    'lock': op_lock, 'sem': op_sem, 'repeat': op_repeat, 'put': op_put, 'get': op_get,
    'put_nowait': op_put_nowait, 'get_nowait': op_get_nowait, 'task_done': op_task_done,
    'join': op_join, 'qsize': op_qsize, 'wait': op_wait, 'set': op_event_call,
    'clear': op_event_call, 'is_set': op_event_call,
}


def run_program(program):
    """The program's output lines (validates the program first; raises ValueError if invalid)."""
    program_check.check(program)
    # Tasks still pending are abandoned; when GC closes their coroutines, the finally blocks of
    # asyncio's code complain on stderr about the dead loop. Collect them now, muted.
    hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore', RuntimeWarning)  # "coroutine ... was never awaited"
            lines = Interp(program).run()
            gc.collect()
    finally:
        sys.unraisablehook = hook
    return lines


def main(argv):
    path = argv[1] if len(argv) > 1 else '-'
    text = sys.stdin.read() if path == '-' else open(path).read()
    try:
        lines = run_program(json.loads(text))
    except ValueError as e:
        print(f'interp.py: invalid program: {e}', file=sys.stderr)
        return 2
    sys.stdout.write(''.join(line + '\n' for line in lines))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
