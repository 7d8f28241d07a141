"""No leaks over many rounds of views, ufuncs, reductions, sorting and
buffer traffic, and none on error paths.

``test_lifetime.py`` checks who keeps a buffer alive and runs a 10**4-round
loop without ufuncs.  Here the ufunc engine runs 10**5 rounds (the issue's
number) of view creation, element-wise calls (broadcasting, Python
scalars, ``out=``, in-place operators, comparisons, ``where``/``clip``),
reductions (axes, keepdims, accumulate, outer) and buffer export/import,
and must leave flat:

* ``tracemalloc``'s traced memory (every Python object and PyMem buffer),
* minind's own tracemalloc domain (array buffers, ``mi._core.TRACE_DOMAIN``),
* the C heap (glibc ``mallinfo2``): a ``malloc`` that is never freed and
  never registered with tracemalloc is invisible to the two above,
* the reference counts of the shared inputs, of the dtype objects and of
  the ufunc objects (an extra ``Py_INCREF`` per call shows up here).

Then a set of failing calls, each repeated 10**4 times, must leak nothing
by the same measures and leave the ``out=`` array (or the assignment
target) byte-for-byte unchanged; each raises the exception class NumPy
raises for the same input.  Several fail late: after broadcasting, after
temporaries were allocated, or after the whole reduction was computed.
"""
import ctypes
import ctypes.util
import gc
import sys
import tracemalloc

import numpy as np
import pytest
from hypothesis import given

import minind as mi
from minind.lib.stride_tricks import as_strided
from strategies import twins
from test_lifetime import (LEAK_BOUND, MI_DOMAIN,  # noqa: F401
                           domain_bytes, tracing)

ROUNDS = 10 ** 5            # the number
ERROR_ROUNDS = 10 ** 4
WARMUP = 100
LAYOUT_ROUNDS = 100

# Growth of the C heap allowed over a whole test (10**4 or more rounds):
# glibc keeps some freed chunks cached (tcache, fastbins) and Python keeps
# free lists, a few kB whatever the rounds; a never-freed 8-byte malloc per
# round (24 bytes with the chunk header) exceeds it.
HEAP_BOUND = 64 * 1024

UFUNCS = list({id(f): f for f in vars(mi).values()
               if isinstance(f, mi.ufunc)}.values())


# ---------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------

class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
        "fsmblks", "uordblks", "fordblks", "keepcost")]


def _load_mallinfo2():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None)
        function = libc.mallinfo2
    except (OSError, AttributeError):
        return None                      # not glibc >= 2.33
    function.restype = _MallInfo2
    function.argtypes = []
    return function


_MALLINFO2 = _load_mallinfo2()


def _heap_in_use():
    """Bytes of the C heap in use: chunks handed out by malloc (main arena)
    plus mmap'd blocks (large buffers).  None where glibc's mallinfo2 is
    missing.  Catches a never-freed ``malloc``/``calloc`` that tracemalloc
    cannot see (minind's buffers come from plain malloc/calloc)."""
    if _MALLINFO2 is None:
        return None
    info = _MALLINFO2()
    return info.uordblks + info.hblkhd


class Meter:
    """Leak measures around a loop (``with Meter(...):``), compared after:

    * the reference counts of ``watched`` objects (exact),
    * Python's allocated memory blocks (``sys.getallocatedblocks``: every
      object and small buffer from Python's allocator),
    * the C heap (``_heap_in_use``: larger Python buffers and minind's
      array buffers, from malloc/calloc),
    * while tracemalloc traces: traced memory, and minind's domain (exact).

    ``rounds`` is how often each operation ran: a leak of one object per
    call exceeds the block bound (a tenth of it), one 8-byte malloc per
    call (a 32-byte chunk) the heap bound (at most HEAP_BOUND).

    The objects that exist on entry are frozen (``gc.freeze``), so the
    garbage collections that make the measures exact only walk what the
    loop created: a full collection of a pytest process takes 0.1 s.
    """

    def __init__(self, watched, rounds, label):
        self.watched = list(watched)
        self.rounds = rounds
        self.label = label

    def _counts(self):
        return [sys.getrefcount(obj) for obj in self.watched]

    def __enter__(self):
        gc.freeze()
        self.refs = self._counts()
        self.tracing = tracemalloc.is_tracing()
        if self.tracing:
            self.domain = domain_bytes(MI_DOMAIN)
            self.traced = tracemalloc.get_traced_memory()[0]
        self.heap = _heap_in_use()
        self.blocks = sys.getallocatedblocks()
        return self

    def __exit__(self, kind, error, traceback):
        try:
            if kind is None:
                gc.collect()
                self._check()
        finally:
            gc.unfreeze()

    def _check(self):
        label = self.label
        blocks = sys.getallocatedblocks() - self.blocks
        heap = _heap_in_use()
        refs = self._counts()
        changed = [(repr(obj)[:60], before, after) for obj, before, after
                   in zip(self.watched, self.refs, refs) if before != after]
        assert not changed, f"{label}: reference counts changed: {changed}"
        assert blocks < self.rounds // 10, (
            f"{label}: {blocks} more memory blocks allocated by Python")
        if heap is not None:
            bound = min(HEAP_BOUND, 32 * self.rounds)
            assert heap - self.heap < bound, (
                f"{label}: C heap grew by {heap - self.heap} bytes")
        if self.tracing:
            traced = tracemalloc.get_traced_memory()[0] - self.traced
            assert domain_bytes(MI_DOMAIN) == self.domain, (
                f"{label}: minind's tracemalloc domain grew by "
                f"{domain_bytes(MI_DOMAIN) - self.domain} bytes")
            assert traced < LEAK_BOUND, (
                f"{label}: traced memory grew by {traced} bytes")


# ---------------------------------------------------------------------------
# 10**5 rounds of ordinary work
# ---------------------------------------------------------------------------

class Shared:
    """The inputs every round uses (their reference counts must not move)."""

    def __init__(self):
        self.a = mi.arange(24.0).reshape(4, 6)
        self.row = mi.arange(6.0)
        self.ints = mi.arange(24, dtype="int8").reshape(4, 6)
        self.signed = mi.arange(-3, 3)                    # int64
        self.unsigned = mi.arange(6, dtype="uint64")
        self.frozen = mi.arange(6.0)
        self.frozen.flags.writeable = False
        self.empty = mi.zeros((0, 6))
        self.zero_d = mi.array(2.5)
        self.out = mi.zeros((4, 6))
        self.out_t = mi.zeros((6, 4))
        self.acc = mi.zeros((4, 6))
        self.numpy = np.arange(24.0).reshape(4, 6)
        self.scale = 2.5                                 # a float object
        self.big = 1000                                  # beyond int8
        self.shift = 3

    def watched(self):
        arrays = [self.a, self.row, self.ints, self.signed, self.unsigned,
                  self.frozen, self.empty, self.zero_d, self.out, self.out_t,
                  self.acc, self.numpy, self.scale, self.big, self.shift]
        dtypes = [mi.dtype(name) for name in (
            "bool", "int8", "int64", "uint64", "float64", "float32")]
        # A scalar holds a reference to its (heap) type: a scalar leaked
        # per call shows in the type's count.
        scalar_types = [mi.dtype(name).type for name in (
            "bool", "int8", "int64", "uint64", "float64", "float32")]
        return (arrays + dtypes + scalar_types + UFUNCS
                + [mi.where, mi.clip, mi.True_, mi.False_])


# Each round runs one operation of each kind, the next one of its list each
# round (the lists have different lengths, so the combinations vary): every
# operation runs at least 10**5 / 16 times, enough for a leak of one small
# object or one 8-byte malloc per call to exceed the bounds.
VIEWS = [
    lambda s: s.a[1:, ::-2],                     # basic slicing
    lambda s: s.a[::-1][0],
    lambda s: s.a[None, 1, ..., 2:],
    lambda s: s.a.T,                             # transpose
    lambda s: s.a.reshape(6, 4),                 # reshape (a view)
    lambda s: s.a.reshape(-1),
    lambda s: s.empty.reshape(6, 0),
    lambda s: mi.broadcast_to(s.row, (4, 6)),
    lambda s: as_strided(s.row, (3, 2), (16, 8)),
    lambda s: s.zero_d[()],
    lambda s: mi.expand_dims(s.row, 0),
]

UFUNC_CALLS = [
    lambda s: s.a + s.row,                       # broadcasting
    lambda s: s.ints * s.shift,                  # weak Python int: int8
    lambda s: s.scale * s.a.T,                   # reflected, weak float
    lambda s: mi.add(s.a[::-1], s.scale, out=s.out),           # out=
    lambda s: mi.multiply(s.a, s.row, out=s.out_t.T),          # out=, F
    lambda s: s.acc.__iadd__(s.row),             # in-place: a += row
    lambda s: s.acc.__isub__(s.scale),
    lambda s: -s.a[:, ::2],                      # unary
    lambda s: mi.sqrt(s.frozen),                 # read-only input
    lambda s: s.a < s.row,                       # comparisons
    lambda s: s.signed < s.unsigned,             # exact mixed-sign
    lambda s: s.ints < s.big,                    # beyond int8: constant
    lambda s: mi.where(s.a > s.shift, s.a, 0.0),
    lambda s: mi.clip(s.ints, 2, 9),
    lambda s: s.empty + s.row,                   # size 0
    lambda s: s.zero_d * s.scale,                # 0-d: a scalar
]

REDUCTIONS = [
    lambda s: s.a.sum(axis=0),
    lambda s: s.a.sum(),                         # a scalar
    lambda s: s.a.T.mean(axis=1, keepdims=True),
    lambda s: s.a.argmax(axis=1),
    lambda s: mi.maximum.reduce(s.ints, axis=(0, 1)),
    lambda s: mi.logical_or.reduce(s.ints, axis=1, keepdims=True),
    lambda s: mi.add.reduce(s.a, axis=1, out=s.out[0, :4]),
    lambda s: mi.add.accumulate(s.a, axis=1),
    lambda s: mi.add.reduceat(s.a, [0, 2, 1], axis=1),
    lambda s: mi.maximum.reduceat(s.a.T, [1, 0], axis=0, out=s.out[:2, :4]),
    lambda s: mi.multiply.outer(s.row, s.row[:3]),
    lambda s: s.empty.sum(axis=0),
    lambda s: s.ints.std(axis=0),
    lambda s: mi.cumsum(s.a[::2]),
    lambda s: mi.any(s.frozen),
]

BUFFERS = [
    lambda s: memoryview(s.a),                   # export
    lambda s: memoryview(s.a[:, ::-2]).tolist(), # strided export
    lambda s: np.asarray(s.a.T),
    lambda s: np.asarray(s.frozen),
    lambda s: mi.asarray(s.numpy),               # import
    lambda s: mi.asarray(s.numpy[::2, 1:])[1],
    lambda s: mi.asarray(memoryview(s.numpy)),
    lambda s: mi.array(s.numpy),                 # import by copy
    lambda s: np.asarray(mi.asarray(s.numpy)),   # round trip
]


SCALARS = [
    lambda s: s.a[1, 2],                         # float64: a float
    lambda s: s.ints[1, 2] + s.ints[0, 0],       # int8: a ScalarBox
    lambda s: s.unsigned[1] * s.shift,           # the one-element loop
    lambda s: s.signed[1] < s.unsigned[0],       # the general path
    lambda s: mi.float32(s.scale) / 3,
    lambda s: s.frozen[0] == 2.5,
    lambda s: hash(s.ints[1, 1]) + int(s.a[0, 0]),
    lambda s: (str(s.a[1, 1]), repr(s.ints[1, 1])),
    lambda s: np.asarray(s.ints[1, 1]),          # __array_interface__
    lambda s: mi.array([s.ints[0, 0], s.a[0, 0]]),
    lambda s: round(s.a[1, 1], 1),
    lambda s: s.ints[0, 0].astype("float32"),
    lambda s: mi.int8(1000 - s.big),
]

SORTS = [
    lambda s: mi.sort(s.a[::-1], axis=0),       # a strided lane: a buffer
    lambda s: s.a.T.argsort(stable=True),
    lambda s: mi.partition(s.ints, [0, 2], axis=None),
    lambda s: mi.argpartition(s.a, 1),
    lambda s: mi.lexsort((s.ints, s.a)),
    lambda s: mi.searchsorted(s.row, s.a, side="right"),
    lambda s: mi.searchsorted(s.row, s.scale),  # a scalar
    lambda s: mi.unique(s.ints, return_index=True, return_inverse=True,
                        return_counts=True),
    lambda s: mi.unique_all(s.a),
    lambda s: s.acc.sort(axis=0),               # in place
]


def _one_round(s, i):
    SORTS[i % len(SORTS)](s)
    VIEWS[i % len(VIEWS)](s)
    UFUNC_CALLS[i % len(UFUNC_CALLS)](s)
    REDUCTIONS[i % len(REDUCTIONS)](s)
    BUFFERS[i % len(BUFFERS)](s)
    SCALARS[i % len(SCALARS)](s)


def test_no_leaks_in_1e5_rounds(tracing):
    """10**5 rounds of view creation, ufunc calls, reductions and buffer
    export/import leave memory (traced, minind's domain, C heap) and the
    reference counts of the shared inputs, dtypes and ufuncs flat."""
    shared = Shared()
    for i in range(WARMUP * 16):         # caches, free lists, loop caches
        _one_round(shared, i)
    with Meter(shared.watched(), ROUNDS // 16, "10**5 rounds"):
        for i in range(ROUNDS):
            _one_round(shared, i)


def _layout_round(m, writable, other):
    """Element-wise calls, reductions, exports and failures on one input
    of any dtype and layout (all valid for bool too)."""
    m + other
    mi.multiply(m, m, out=writable)
    writable += m
    m == m
    m < -1                        # out of range for unsigned: a constant
    mi.maximum(m, other)
    mi.logical_not(m)
    mi.where(m, m, other)
    m.sum(axis=-1) if m.ndim else m.sum()
    mi.logical_or.reduce(m, axis=None)
    mi.add.accumulate(m, axis=0) if m.ndim else None
    memoryview(m)
    np.asarray(m)
    for bad in (lambda: m + mi.zeros(7, dtype=m.dtype),
                lambda: mi.add(m, m, out=mi.zeros((7, 7), dtype=m.dtype)),
                lambda: m.sum(axis=m.ndim)):
        try:
            bad()
        except ValueError:
            pass


@given(twins())
def test_no_leaks_for_inputs_in_every_layout(pair):
    """LAYOUT_ROUNDS rounds on an input of each dtype in each layout (an
    import holds a memoryview of a NumPy exporter: its count must not move
    either): reference counts, Python's allocated blocks and the C heap
    flat."""
    m, n = pair
    writable = mi.array(m)
    other = 1 if m.dtype.kind in "iu" else True
    watched = [m, n, m.dtype, writable] + UFUNCS
    if m.base is not None:
        watched.append(m.base)            # the memoryview of an import
    for _ in range(5):
        _layout_round(m, writable, other)
    with Meter(watched, LAYOUT_ROUNDS, "layout rounds"):
        for _ in range(LAYOUT_ROUNDS):
            _layout_round(m, writable, other)


# ---------------------------------------------------------------------------
# Error paths: 10**4 failures each, nothing leaks, out= is untouched
# ---------------------------------------------------------------------------

def _readonly(xp, shape, dtype="float64"):
    array = xp.zeros(shape, dtype=dtype)
    array.flags.writeable = False
    return array


def _grid(xp, dtype="float64"):
    return xp.arange(12, dtype=dtype).reshape(3, 4)


# Each case builds its operands with ``xp`` (NumPy or minind) and returns
# (call, target, operands): ``call()`` must raise, ``target`` (the out=
# array, or the array assigned to) must come out byte-for-byte unchanged,
# and ``operands`` are the other objects whose reference counts must stay
# flat (their dtypes and the ufuncs are added to the watched set).
def _case_unbroadcastable(xp):
    a, b, out = _grid(xp), xp.ones((2, 4)), xp.full((3, 4), 7.0)
    return lambda: xp.add(a, b, out=out), out, [a, b]


def _case_out_wrong_shape(xp):
    a, out = _grid(xp), xp.full((4, 3), 7.0)
    return lambda: xp.add(a, 1.5, out=out), out, [a]


def _case_out_would_stretch(xp):
    a, row, out = _grid(xp), xp.ones(4), xp.full((1, 4), 7.0)
    return lambda: xp.multiply(a, row, out=out), out, [a, row]


def _case_out_readonly(xp):
    a, row, out = _grid(xp), xp.ones(4), _readonly(xp, (3, 4))
    return lambda: xp.add(a, row, out=out), out, [a, row]


def _case_out_float_into_int(xp):
    a, out = _grid(xp), xp.full((3, 4), 7, dtype="int64")
    return lambda: xp.true_divide(a, 3, out=out), out, [a]


def _case_out_dtype_and_broadcast(xp):
    """Inputs broadcast to (3, 4) through a (3, 1) column; the int out
    cannot take the float result."""
    a, column = _grid(xp), xp.ones((3, 1))
    out = xp.full((3, 4), 7, dtype="int32")
    return lambda: xp.subtract(a, column, out=out), out, [a, column]


def _case_int8_plus_1000(xp):
    a, out = _grid(xp, "int8"), xp.full((3, 4), 7, dtype="int8")
    big = 1000
    return lambda: xp.add(a, big, out=out), out, [a, big]


def _case_inplace_int8_plus_1000(xp):
    a = _grid(xp, "int8")
    big = 1000

    def call():
        b = a
        b += big
    return call, a, [big]


def _case_inplace_unbroadcastable(xp):
    a, b = _grid(xp), xp.ones(5)

    def call():
        c = a
        c *= b
    return call, a, [b]


def _case_casting_no_input(xp):
    a, b = _grid(xp, "int8"), xp.ones((3, 4), dtype="float32")
    out = xp.full((3, 4), 7.0, dtype="float32")
    return (lambda: xp.add(a, b, out=out, casting="no"), out, [a, b])


def _case_bool_subtract_out(xp):
    a, out = xp.ones(5, dtype="bool"), xp.zeros(5, dtype="bool")
    return lambda: xp.subtract(a, a, out=out), out, [a]


def _case_power_negative_late(xp):
    """The last exponent is negative.  (NumPy finds it in the loop, after
    writing the first rows; the issue asks for an untouched out=.)"""
    a = _grid(xp, "int64")
    exponents = xp.array([[1], [2], [-1]])
    out = xp.full((3, 4), 7, dtype="int64")
    return lambda: xp.power(a, exponents, out=out), out, [a, exponents]


def _case_logical_huge_int(xp):
    a, out = _grid(xp), xp.zeros((3, 4), dtype="bool")
    huge = 2 ** 70
    return lambda: xp.logical_and(a, huge, out=out), out, [a, huge]


def _case_mixed_sign_out_wrong_shape(xp):
    """int64 against uint64 runs several internal steps before the out=
    shape is checked."""
    signed = xp.arange(-3, 3)
    unsigned = xp.arange(6, dtype="uint64")
    out = xp.zeros(7, dtype="bool")
    return (lambda: xp.less(signed, unsigned, out=out), out,
            [signed, unsigned])


def _case_mixed_sign_unbroadcastable(xp):
    signed = xp.arange(-3, 3, dtype="int8")
    unsigned = xp.arange(5, dtype="uint64")
    out = xp.zeros(6, dtype="bool")
    return (lambda: xp.greater_equal(signed, unsigned, out=out), out,
            [signed, unsigned])


def _case_mixed_sign_out_readonly(xp):
    signed = xp.arange(-3, 3)
    unsigned = xp.arange(6, dtype="uint64")
    out = _readonly(xp, 6, "bool")
    return (lambda: xp.equal(signed, unsigned, out=out), out,
            [signed, unsigned])


def _case_mixed_sign_strided_out_in_readonly_buffer(xp):
    """out= is every other element of a larger read-only buffer: the whole
    buffer must stay as it was."""
    signed = xp.arange(-3, 3)
    unsigned = xp.arange(6, dtype="uint64")
    buffer = _readonly(xp, 12, "bool")
    out = buffer[::-2]
    return (lambda: xp.less(signed, unsigned, out=out), buffer,
            [signed, unsigned, out])


def _case_mixed_sign_casting_no(xp):
    signed = xp.arange(-3, 3)
    unsigned = xp.arange(6, dtype="uint64")
    out = xp.full(6, 7, dtype="int8")
    return (lambda: xp.less(signed, unsigned, out=out, casting="no"), out,
            [signed, unsigned])


def _case_out_of_range_comparison_readonly_out(xp):
    a, out = _grid(xp, "int8"), _readonly(xp, (3, 4), "bool")
    big = 1000
    return lambda: xp.less(a, big, out=out), out, [a, big]


def _case_out_of_range_comparison_out_wrong_shape(xp):
    a, out = _grid(xp, "int8"), xp.zeros((3, 5), dtype="bool")
    big = -1000
    return lambda: xp.greater(a, big, out=out), out, [a, big]


def _case_where_out_of_range_unbroadcastable(xp):
    """where converts 1000 into int8 (wrapping) before it broadcasts."""
    condition = xp.array([True, False, True])
    values = xp.arange(2, dtype="int8")
    big = 1000
    return (lambda: xp.where(condition, values, big), values,
            [condition, big])


def _case_clip_out_readonly(xp):
    a, out = _grid(xp), _readonly(xp, (3, 4))
    return lambda: xp.clip(a, 2.0, 9.0, out=out), out, [a]


def _case_clip_out_wrong_shape(xp):
    a, out = _grid(xp), xp.full((4, 3), 7.0)
    return lambda: xp.clip(a, 2.0, 9.0, out=out), out, [a]


def _case_clip_out_float_into_int(xp):
    a, out = _grid(xp, "int8"), xp.full((3, 4), 7, dtype="int8")
    return lambda: xp.clip(a, 1.5, 9.0, out=out), out, [a]


def _case_bad_axis(xp):
    a, out = _grid(xp), xp.full(4, 7.0)
    return lambda: xp.sum(a, axis=2, out=out), out, [a]


def _case_repeated_axis(xp):
    a, out = _grid(xp), xp.full((), 7.0)
    return lambda: xp.add.reduce(a, axis=(0, -2), out=out), out, [a]


def _case_reduce_out_wrong_shape(xp):
    a, out = _grid(xp), xp.full(3, 7.0)
    return lambda: xp.add.reduce(a, axis=0, out=out), out, [a]


def _case_reduce_out_readonly(xp):
    a, out = _grid(xp), _readonly(xp, 4)
    return lambda: xp.maximum.reduce(a, axis=0, out=out), out, [a]


def _case_mean_out_wrong_shape(xp):
    a, out = _grid(xp), xp.full(4, 7.0)
    return lambda: xp.mean(a, axis=1, out=out), out, [a]


def _case_std_integer_out(xp):
    """NumPy stores the variance in out= before sqrt refuses to write a
    float into it; minind refuses first."""
    a, out = _grid(xp), xp.full(3, 7, dtype=xp.int8)
    return lambda: xp.std(a, axis=1, out=out), out, [a]


def _case_accumulate_out_readonly(xp):
    a, out = _grid(xp), _readonly(xp, (3, 4))
    return lambda: xp.add.accumulate(a, axis=1, out=out), out, [a]


def _case_accumulate_out_wrong_shape(xp):
    a, out = _grid(xp), xp.full((4, 3), 7.0)
    return lambda: xp.add.accumulate(a, axis=0, out=out), out, [a]


def _case_reduceat_index_out_of_bounds(xp):
    a, out = _grid(xp), xp.full((3, 2), 7.0)
    return lambda: xp.add.reduceat(a, [0, 9], axis=1, out=out), out, [a]


def _case_reduceat_out_wrong_shape(xp):
    a, out = _grid(xp), xp.full((3, 3), 7.0)
    return lambda: xp.add.reduceat(a, [0, 2], axis=1, out=out), out, [a]


def _case_argmax_bad_axis(xp):
    a = _grid(xp)
    return lambda: xp.argmax(a, axis=-3), a, []


def _case_reshape_impossible(xp):
    a = _grid(xp)
    return lambda: a.reshape(5, 2), a, []


def _case_broadcast_to_impossible(xp):
    a = xp.arange(4.0)
    return lambda: xp.broadcast_to(a, (3, 5)), a, []


def _case_too_many_indices(xp):
    a = _grid(xp)
    return lambda: a[0, 0, 0], a, []


def _case_assign_readonly(xp):
    a = _readonly(xp, (3, 4))
    return lambda: a.__setitem__((slice(None), 0), 1.0), a, []


def _case_setitem_overflow(xp):
    a = _grid(xp, "int8")
    big = 1000
    return lambda: a.__setitem__((1, 2), big), a, [big]


def _case_setitem_slice_overflow(xp):
    a = _grid(xp, "uint8")
    return lambda: a.__setitem__(slice(None), -1), a, []


def _case_setitem_late_overflow(xp):
    """The bad value comes last in the list.  (NumPy writes the first two
    before it fails; the issue asks for an untouched target.)"""
    a = _grid(xp, "int8")
    values = [1, 2, 3, 1000]
    return lambda: a.__setitem__(0, values), a, [values]


def _case_concatenate_late_cast(xp):
    """The second input cannot be cast into the int8 out (NumPy has
    written the first slab by then; minind checks every input first)."""
    a, b = xp.ones((2, 4), dtype="int8"), _grid(xp)
    out = xp.full((5, 4), 7, dtype="int8")
    return lambda: xp.concatenate([a, b], out=out), out, [a, b]


def _case_concatenate_out_readonly(xp):
    a, out = _grid(xp), _readonly(xp, (6, 4))
    return lambda: xp.concatenate([a, a], out=out), out, [a]


def _case_stack_out_wrong_shape(xp):
    a, out = _grid(xp), xp.full((2, 4, 3), 7.0)
    return lambda: xp.stack([a, a], out=out), out, [a]


def _case_partition_kth_out_of_bounds(xp):
    """Fails after the copy it partitions was made."""
    a = _grid(xp)
    return lambda: xp.partition(a, [0, 9], axis=1), a, [a]


def _case_sort_read_only(xp):
    target = _readonly(xp, (3, 4))
    return lambda: target.sort(axis=0), target, []


def _case_searchsorted_sorter_out_of_range(xp):
    run, sorter = xp.arange(4.0), xp.array([0, 1, 2, 7])
    return (lambda: xp.searchsorted(run, run, sorter=sorter), run,
            [run, sorter])


ERROR_CASES = {name[len("_case_"):]: case for name, case in globals().items()
               if name.startswith("_case_")}
# Where NumPy itself modifies the target before raising (so only minind's
# target is required to be unchanged).
NUMPY_WRITES_BEFORE_FAILING = {"setitem_late_overflow",
                               "power_negative_late", "std_integer_out",
                               "concatenate_late_cast"}


def _minind_class(numpy_class):
    """The class minind raises for NumPy's: its own AxisError and
    UFuncTypeError (NumPy raises private subclasses of the latter), else
    the same built-in class."""
    if issubclass(numpy_class, np.exceptions.AxisError):
        return mi.AxisError
    if any(c.__name__ == "UFuncTypeError" for c in numpy_class.__mro__):
        return mi.UFuncTypeError
    return numpy_class


def _raised(call):
    try:
        call()
    except Exception as error:   # noqa: BLE001 - the class is compared
        return type(error)
    return None


def _contents(array):
    """The target's bytes in logical order, and its shape and strides."""
    return (memoryview(array).tobytes(), array.shape, array.strides)


@pytest.mark.parametrize("name", list(ERROR_CASES))
def test_failing_call_leaks_nothing_and_leaves_out_unchanged(name):
    """Each failing call raises NumPy's exception class, 10**4 times
    without leaking (reference counts of the operands, the out= array,
    their dtypes and the ufuncs; Python's blocks; the C heap), then 10**3
    times more under tracemalloc (traced memory, minind's domain), and
    leaves the out= array (or assignment target) byte-for-byte unchanged.
    (Under tracemalloc everything runs five times slower: the 10**4 rounds
    run without it, the C heap and Python's block count see the same.)"""
    make = ERROR_CASES[name]
    # NumPy on the same input: the exception class to expect.
    np_call, np_target, _ = make(np)
    np_before = _contents(np_target)
    with np.errstate(all="ignore"):
        expected = _raised(np_call)
    assert expected is not None, "NumPy accepts this call"
    expected = _minind_class(expected)
    if name not in NUMPY_WRITES_BEFORE_FAILING:
        assert _contents(np_target) == np_before

    call, target, operands = make(mi)
    before = _contents(target)
    raised = _raised(call)
    assert raised is expected, (
        f"NumPy raises {expected.__name__}, minind "
        f"{'returns' if raised is None else 'raises ' + raised.__name__}")
    assert _contents(target) == before, "the failing call wrote into it"
    arrays = [target] + [o for o in operands if isinstance(o, mi.MiniArray)]
    watched = ([call, target] + operands + [a.dtype for a in arrays]
               + UFUNCS + [mi.where, mi.clip])
    for rounds, trace in ((ERROR_ROUNDS, False), (ERROR_ROUNDS // 10, True)):
        if trace:
            tracemalloc.start()
        try:
            for _ in range(WARMUP):
                _raised(call)
            with Meter(watched, rounds, f"{name}, {rounds} rounds"):
                for _ in range(rounds):
                    if _raised(call) is not expected:
                        pytest.fail(f"stopped raising {expected.__name__}")
        finally:
            if trace:
                tracemalloc.stop()
    assert _contents(target) == before


# ---------------------------------------------------------------------------
# a.flat, broadcast, resize
# ---------------------------------------------------------------------------

def _iterator_round(s, scratch):
    """Flat reads and writes of every kind, conversions (the buffer
    export goes through __array__'s answer), broadcast walks, resizes
    and their refusals."""
    flat = s.a.T.flat
    flat[3], flat[1:5], flat[[0, 5]], flat[...], flat.coords
    next(flat)
    np.asarray(s.a.flat), np.asarray(flat), mi.asarray(flat), flat.copy()
    s.acc.flat[[1, 2]] = [7.0]
    s.acc.flat = s.row
    list(mi.broadcast(s.row, s.zero_d, [[1], [2]]))
    mi.resize(s.row, (3, 5))
    scratch.resize(50, refcheck=False)
    scratch.resize(10, refcheck=False)
    view = scratch[1:]
    for bad in (lambda: scratch.resize(100, refcheck=False),
                lambda: flat[99], lambda: s.frozen.flat.__setitem__(0, 1),
                lambda: mi.broadcast(s.row, s.out_t)):
        try:
            bad()
        except (ValueError, IndexError):
            pass
    del view


def test_no_leaks_in_iterators_and_resize(tracing):
    shared = Shared()
    scratch = mi.zeros(10)
    for _ in range(WARMUP):
        _iterator_round(shared, scratch)
    with Meter(list(shared.watched()) + [scratch], ERROR_ROUNDS,
               "iterator rounds"):
        for _ in range(ERROR_ROUNDS):
            _iterator_round(shared, scratch)
