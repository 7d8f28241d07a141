"""NumPy's floating-point error settings: ``seterr``, ``geterr``,
``errstate``, ``seterrcall``, ``geterrcall`` (NumPy:
``numpy/_core/_ufunc_config.py``).

A loop's division by zero, overflow, underflow or invalid operation
sets the CPU's status flags; ``_fperr.pyx`` reads them after each call
and these settings say what happens then: nothing, a RuntimeWarning, a
FloatingPointError, a call, a printed or logged line.  They are kept as
NumPy keeps them: a context variable (each thread and each asyncio task
has its own), NumPy's defaults, its checks and errors, ``errstate`` as a
context manager and a decorator.
"""
import contextvars
import functools

__all__ = ["seterr", "geterr", "seterrcall", "geterrcall", "errstate"]

_MODES = ("ignore", "warn", "raise", "call", "print", "log")
_KINDS = ("divide", "over", "under", "invalid")
_DEFAULT = {"divide": "warn", "over": "warn", "under": "ignore",
            "invalid": "warn"}

# (the four modes, the seterrcall function); replaced, never mutated.
_state = contextvars.ContextVar("minind_errstate", default=(_DEFAULT, None))


class _Unspecified:
    """errstate's ``call`` when not given (None is a value: no function)."""

    def __repr__(self):
        return "<unspecified>"


_UNSPECIFIED = _Unspecified()


def _merged(modes, all, divide, over, under, invalid):
    """``modes`` with the given ones replaced: a kind's own mode, else
    ``all``; NumPy's ValueError for a mode it does not know."""
    requested = {"divide": divide, "over": over, "under": under,
                 "invalid": invalid}
    merged = dict(modes)
    for kind in _KINDS:
        mode = requested[kind] if requested[kind] is not None else all
        if mode is None:
            continue
        if mode not in _MODES:
            raise ValueError(f"invalid error mode {mode!r}")
        merged[kind] = mode
    return merged


def _checked_call(func):
    if func is not None and not callable(func) and not callable(
            getattr(func, "write", None)):
        raise TypeError("python object must be callable or have a callable "
                        "write method")
    return func


def seterr(all=None, divide=None, over=None, under=None, invalid=None):
    """Set how floating-point errors are to be treated, per kind or
    ``all`` at once ("ignore", "warn", "raise", "call", "print", "log");
    returns the old settings."""
    modes, call = _state.get()
    _state.set((_merged(modes, all, divide, over, under, invalid), call))
    return dict(modes)


def geterr():
    """The current settings, a dict of the four kinds (NumPy's default:
    divide, over and invalid "warn", under "ignore")."""
    return dict(_state.get()[0])


def seterrcall(func):
    """Set the function (or object with a ``write`` method) that the
    "call" (or "log") mode would use; returns the old one."""
    modes, call = _state.get()
    _state.set((modes, _checked_call(func)))
    return call


def geterrcall():
    """The function set by ``seterrcall`` (None by default)."""
    return _state.get()[1]


class errstate:
    """``with mi.errstate(divide="ignore"): ...``: the settings of
    ``seterr`` (and ``call=``, ``seterrcall``'s) for the block only, then
    the previous ones again.  Also a decorator.  An errstate object is
    entered once (NumPy's TypeError for a second time)."""

    def __init__(self, *, call=_UNSPECIFIED, all=None, divide=None,
                 over=None, under=None, invalid=None):
        self._call = call
        self._modes = dict(all=all, divide=divide, over=over, under=under,
                           invalid=invalid)
        self._token = None

    def __enter__(self):
        if self._token is not None:
            raise TypeError("Cannot enter `mi.errstate` twice.")
        modes, call = _state.get()
        modes = _merged(modes, **self._modes)
        if self._call is not _UNSPECIFIED:
            call = _checked_call(self._call)
        self._token = _state.set((modes, call))

    def __exit__(self, *exc_info):
        _state.reset(self._token)

    def __call__(self, func):
        @functools.wraps(func)
        def with_errstate(*args, **kwargs):
            # A fresh errstate each call: the function may recurse.
            with errstate(call=self._call, **self._modes):
                return func(*args, **kwargs)
        return with_errstate
