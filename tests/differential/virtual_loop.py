# A virtual-time asyncio event loop for CPython 3.11: the clock jumps to the next timer instead of
# sleeping, so a program's event order is a pure function of the program. Everything else
# (_run_once, tasks, futures, queues, locks) is CPython's own code.
import asyncio
import heapq
import itertools
from asyncio import base_events, events, tasks

CLOCK_RESOLUTION = 1e-9  # CPython's value on Linux (monotonic clock); timers due before now + this run


class Deadlock(RuntimeError):
    """The loop would block forever: nothing ready, no timer scheduled."""


class IterationLimit(RuntimeError):
    """The loop ran more iterations than its max_iterations."""


class _TimerHandle(events.TimerHandle):
    # CPython orders timers by `when` only, so heapq pops equal deadlines in an unspecified order;
    # (when, seq) pops them in the order they were scheduled.
    __slots__ = ['_seq']

    def __init__(self, seq, when, callback, args, loop, context=None):
        super().__init__(when, callback, args, loop, context)
        self._seq = seq

    def __lt__(self, other):
        return (self._when, self._seq) < (other._when, other._seq)


class _VirtualSelector:
    # _run_once calls select(timeout) exactly where a real loop would block: that is where time passes.
    def __init__(self, loop):
        self._loop = loop

    def select(self, timeout):
        if timeout is None:
            raise Deadlock('deadlock: no callback is ready and no timer is scheduled')
        if timeout > 0:
            loop = self._loop
            when = loop._scheduled[0]._when
            # A real select() waits at most MAXIMUM_SELECT_TIMEOUT (1 day); never hit by the tests.
            loop._now = when if timeout >= when - loop._now else loop._now + timeout
        return []


class VirtualLoop(base_events.BaseEventLoop):
    def __init__(self, max_iterations=None):
        super().__init__()
        self._now = 0.0
        self._clock_resolution = CLOCK_RESOLUTION
        self._selector = _VirtualSelector(self)
        self._timer_seq = itertools.count()
        self._unnamed = itertools.count(1)
        self.max_iterations = max_iterations
        self.iteration = 0          # number of _run_once calls so far; the current one while running
        self.created_tasks = []     # every task of this loop, in creation order

    def time(self):
        return self._now

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass  # single-threaded: nothing to wake

    def _run_once(self):
        if self.max_iterations is not None and self.iteration >= self.max_iterations:
            raise IterationLimit(f'iteration limit: {self.max_iterations} iterations ran')
        self.iteration += 1
        super()._run_once()

    def call_at(self, when, callback, *args, context=None):
        # CPython's call_at with a seq-ordered handle (call_later and timeouts all come here).
        if when is None:
            raise TypeError('when cannot be None')
        self._check_closed()
        timer = _TimerHandle(next(self._timer_seq), when, callback, args, self, context)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def create_task(self, coro, *, name=None, context=None):
        # Names unnamed tasks Task-1, Task-2, ... per loop (CPython's counter is per process).
        if name is None:
            name = f'Task-{next(self._unnamed)}'
        task = super().create_task(coro, name=name, context=context)
        self.created_tasks.append(task)
        return task


def cancel_remaining_tasks(loop):
    """asyncio.run's _cancel_all_tasks, but in creation order (CPython iterates a WeakSet, whose
    order follows memory addresses). Returns the tasks it cancelled."""
    to_cancel = [t for t in loop.created_tasks if not t.done()]
    if not to_cancel:
        return []
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(tasks.gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })
    return to_cancel


def run_main(loop, main_coro, *, name='main'):
    """Runs main_coro as a task named `name` until it is done; returns (result, None) or
    (None, exception). Raises Deadlock or IterationLimit instead of hanging."""
    main = loop.create_task(main_coro, name=name)
    try:
        return loop.run_until_complete(main), None
    except (Deadlock, IterationLimit):
        raise
    except BaseException as e:  # main's own exception (the first result() call consumed it)
        if not main.done():
            raise
        return None, e


def run(main_coro, *, loop=None, name='main'):
    """asyncio.run on virtual time: run main to completion, cancel the tasks still pending (in
    creation order) and run until they finish, return main's result or raise its exception.
    Raises Deadlock or IterationLimit instead of hanging. Unlike asyncio.run it does not then run
    shutdown_asyncgens/shutdown_default_executor (4 more iterations in CPython)."""
    own = loop is None
    loop = loop or VirtualLoop()
    try:
        result, error = run_main(loop, main_coro, name=name)
        cancel_remaining_tasks(loop)
        if error is not None:
            raise error
        return result
    finally:
        if own:
            loop.close()


if __name__ == '__main__':
    async def _demo():
        loop = asyncio.get_running_loop()
        await asyncio.sleep(0.1)
        await asyncio.sleep(0.2)
        return loop.time(), loop.iteration

    print(run(_demo()))
