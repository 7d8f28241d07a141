"""Floating-point errors: what a loop's division by zero, overflow,
underflow or invalid operation turns into (NumPy:
``_check_ufunc_fperr`` in ``umath/ufunc_object.c``, its error handler in
``umath/extobj.c``, and the flag helpers of ``npymath/ieee754.c``).

IEEE 754 arithmetic does not stop at ``1.0 / 0.0``: it gives inf and
sets a sticky *status flag* in the CPU (x86: the MXCSR register, per
thread).  NumPy's design, which minind follows:

* A call clears the flags, runs its loops at full speed with no check
  per element, then tests the flags once (``check_fp_status``), so an
  error costs nothing until it happens and a clean call costs one flag
  test.
* Integer loops have no hardware flags for ``x // 0`` or ``MIN // -1``,
  so they raise them themselves (``raise_divide_by_zero``,
  ``raise_overflow``).
* Loops on worker threads (``_threads.pyx``) hand their flags back to
  the calling thread, since each thread has its own.
* Vector-math kernels raise flags of their own (a polynomial meeting an
  infinity); their loops replace them with the ones the function owes
  (``_vector_loop`` in ``_kernels.pyx``).  Comparisons and min/max
  selections drop theirs (``ufunc._fp_quiet``).
* A cast reports its own flags at once, as "... encountered in cast"
  (``begin_cast``/``end_cast``: NaN into an integer, 1e300 into
  float32), but inside a reduction, whose casts are the reduction's.
* What a flag becomes is the thread's (and asyncio task's) errstate
  (``_ufunc_config.py``): per kind, "ignore", "warn" (RuntimeWarning),
  "raise" (FloatingPointError), "call" (the ``seterrcall`` function),
  "print" (stderr) or "log" (the ``seterrcall`` object's ``write``).
  NumPy's defaults warn for all but underflow.

The message names the call as NumPy does: the ufunc ("divide by zero
encountered in divide"), the method ("overflow encountered in reduce"),
or the scalar operator ("... in scalar divide").
"""
import contextlib
import contextvars
import sys
import warnings

from minind import _ufunc_config

# The name errors are reported under, when Python code that stands for
# NumPy's scalar math runs a ufunc on 0-d arrays (``named_errors``).
cdef object _renamed = contextvars.ContextVar("minind_fperr_name",
                                              default=None)


@contextlib.contextmanager
def named_errors(name):
    """Report the floating-point errors of the calls in the block as
    ``name``'s: ``mean`` divides a full sum as NumPy's does, with scalar
    math ("invalid value encountered in scalar divide")."""
    token = _renamed.set(name)
    try:
        yield
    finally:
        _renamed.reset(token)

# Casts inside a reduction (its dtype=, its first element stored in the
# accumulator) are the reduction's, as in NumPy: while a thread is in one,
# copies leave their flags for it to report ("overflow encountered in
# reduce") instead of reporting them as "cast".  A count per thread.
# (NumPy's accumulate and reduceat cast their input first: "cast".)
cdef extern from *:
    """
    #if defined(_MSC_VER)
    static __declspec(thread) int minind_cast_depth = 0;
    #else
    static __thread int minind_cast_depth = 0;
    #endif
    """
    int _cast_depth "minind_cast_depth"


cdef bint casts_deferred() noexcept nogil:
    return _cast_depth > 0


cdef void defer_casts(int change) noexcept nogil:
    global _cast_depth
    _cast_depth += change


# The kinds in the order NumPy reports them: (errstate's name, the flag,
# the words of the message, the bit seterrcall's function receives).
cdef list _KINDS = [
    ("divide", FE_DIVBYZERO, "divide by zero", 1),
    ("over", FE_OVERFLOW, "overflow", 2),
    ("under", FE_UNDERFLOW, "underflow", 4),
    ("invalid", FE_INVALID, "invalid value", 8),
]


cdef int report_fp_status(int status, str name) except -1:
    """Act on the flags in ``status``, kind by kind, as errstate says;
    the flags are cleared first, so a handler that raises leaves none
    behind for the next call."""
    cdef int bits = 0
    feclearexcept(FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INVALID)
    modes, handler = _ufunc_config._state.get()
    name = _renamed.get() or name
    for kind, flag, words, bit in _KINDS:
        if status & flag:
            bits |= bit
    for kind, flag, words, bit in _KINDS:
        if not status & flag:
            continue
        mode = modes[kind]
        if mode == "ignore":
            continue
        message = f"{words} encountered in {name}"
        if mode == "warn":
            # Compiled code has no Python frame of its own, so the
            # default stacklevel names the line that called minind.
            warnings.warn(message, RuntimeWarning)
        elif mode == "raise":
            raise FloatingPointError(message)
        elif mode == "call":
            if handler is None:
                raise NameError(f"python callback specified for {words} "
                                f"(in  {name}) but no function found.")
            handler(words, bits)
        elif mode == "print":
            print(f"Warning: {message}", file=sys.stderr)
        else:                                  # "log"
            if handler is None:
                raise NameError(f"log specified for {words} (in {name}) "
                                f"but no object with write method found.")
            handler.write(f"Warning: {message}\n")
    return 0
