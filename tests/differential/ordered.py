# Deterministic stand-ins for the two asyncio 3.11 pieces that iterate a set of tasks (set order
# follows memory addresses, so it changes from run to run). Both are CPython's code with the set
# replaced by an insertion-ordered container; everything else is unchanged.
import asyncio
from asyncio import events, exceptions


class _OrderedSet(dict):
    def add(self, item):
        self[item] = None

    def discard(self, item):
        self.pop(item, None)


class TaskGroup(asyncio.TaskGroup):
    """asyncio.TaskGroup whose abort cancels the children in creation order."""

    def __init__(self):
        super().__init__()
        self._tasks = _OrderedSet()


def as_completed(fs, *, timeout=None):
    """asyncio.as_completed (3.11) over tasks, registering done-callbacks in argument order: CPython
    registers them in set order, which decides the yield order of tasks already done at the call."""
    from asyncio.queues import Queue
    done = Queue()

    loop = events._get_event_loop()
    todo = list(dict.fromkeys(fs))  # tasks only: CPython would also create tasks here, in set order
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)  # Queue a dummy value for _wait_for_one().
        todo.clear()

    def _on_completion(f):
        if not todo:
            return  # _on_timeout() was here first.
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise exceptions.TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()
