# The program language's fixed tables and its output formatting (SPEC.md "Formatting"), shared by
# the reference interpreter and the program checker.
import asyncio

RAISABLE = {'ValueError': ValueError, 'KeyError': KeyError, 'RuntimeError': RuntimeError}
CATCHABLE = {
    'CancelledError': asyncio.CancelledError, 'TimeoutError': TimeoutError,
    'ValueError': ValueError, 'KeyError': KeyError, 'RuntimeError': RuntimeError,
    'QueueFull': asyncio.QueueFull, 'QueueEmpty': asyncio.QueueEmpty,
    'ExceptionGroup': ExceptionGroup, 'Exception': Exception, 'BaseException': BaseException,
}


def fmt_num(d):
    """A delay or timeout as printf's %g would print it; None for no timeout."""
    return 'None' if d is None else format(d, 'g')


def fmt(v):
    """A program value like Python's repr (strings never need escaping)."""
    if v is None or isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return f"'{v}'"
    if isinstance(v, list):
        return '[' + ', '.join(fmt(i) for i in v) + ']'
    if isinstance(v, BaseException):
        return fmt_exc(v)
    raise TypeError(f'fmt: unexpected value {v!r}')


def fmt_exc(e):
    """"Type: message", or "Type" when the message is missing or empty; groups list their members."""
    name = type(e).__name__
    if isinstance(e, BaseExceptionGroup):
        return f"{name}({', '.join(fmt_exc(x) for x in e.exceptions)})"
    if e.args and e.args[0] not in (None, ''):
        return f'{name}: {e.args[0]}'
    return name
