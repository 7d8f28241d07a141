"""Views: basic indexing, assignment and chains of shape manipulations.

NumPy is the oracle throughout.  The heart is a lock-step test: a twin
(MiniArray, NumPy array) in any layout goes through a random chain of view
operations (indexing, transposes, reshapes, ravel, broadcasting...) applied
to both sides, and after every step the two must agree on shape, strides,
flags, values, whether the result is a view, and *which* object it is a
view of (``base``), tracked by identity on both sides.

For an imported twin (``mi.asarray(numpy_array)``, base a memoryview) the
NumPy mirror is NumPy's own import of the same buffer,
``np.asarray(memoryview(n))``, whose base is also a memoryview; a C/F twin
is an owner on both sides.
"""
import gc
import math
import subprocess
import sys
import tracemalloc

import numpy as np
import pytest
from hypothesis import assume, given, strategies as st
from hypothesis.extra import numpy as hnp

import minind as mi
from strategies import (LAYOUTS, NP_DTYPES, assert_same, assert_same_scalar,
                        assert_same_layout, assert_same_values, dtypes,
                        numpy_arrays, numpy_layouts, shapes)

WRITABLE = ["C", "F", "sliced", "transposed"]
MAX_CHAIN_NDIM = 8        # keep chains from growing without bound
MAX_CHAIN_SIZE = 4000


# ---------------------------------------------------------------------------
# Comparing one result
# ---------------------------------------------------------------------------

class Owners:
    """The objects seen so far on each side, by identity.

    ``label`` gives an object's position in its side's list (appending it
    the first time), so asking the same question of both sides in the same
    order checks that the *identity structure* agrees: "the base of this
    step is the array of step 2" on one side iff on the other.
    """

    def __init__(self):
        self.seen = {"m": [], "n": []}

    def label(self, side, obj):
        objects = self.seen[side]
        for position, known in enumerate(objects):
            if known is obj:
                return position
        objects.append(obj)
        return len(objects) - 1


def assert_same_base(m, n, owners):
    """``m.base`` corresponds to ``n.base``: both None, or the same
    (tracked) object on each side, of corresponding kinds."""
    bm, bn = m.base, n.base
    assert (bm is None) == (bn is None), (bm, bn)
    if bn is None:
        return
    assert isinstance(bm, mi.MiniArray) == isinstance(bn, np.ndarray), (
        type(bm), type(bn))
    assert isinstance(bm, memoryview) == isinstance(bn, memoryview), (
        type(bm), type(bn))
    assert owners.label("m", bm) == owners.label("n", bn), (
        "base is a different object than in NumPy")
    if isinstance(bn, np.ndarray):
        # A fresh base (the copy behind a copying reshape) must match too.
        assert_same_layout(bm, bn)
        assert bm.flags.owndata == bn.flags.owndata
        assert (bm.base is None) == (bn.base is None)


def check_result(m, n, owners):
    """Everything about one step's results, minind against NumPy."""
    if not isinstance(n, np.ndarray):
        assert_same_scalar(m, n)
        return
    assert_same(m, n)
    assert m.flags.owndata == n.flags.owndata
    assert_same_base(m, n, owners)
    owners.label("m", m)
    owners.label("n", n)


def describe(array):
    """Enough of ``array`` to see a mismatch in a failure message."""
    if not hasattr(array, "flags"):
        return f"{type(array).__name__} {array!r}"
    flags = "".join(letter for letter, name in [
        ("C", "C_CONTIGUOUS"), ("F", "F_CONTIGUOUS"), ("O", "OWNDATA"),
        ("W", "WRITEABLE"), ("A", "ALIGNED")] if array.flags[name])
    return (f"shape {array.shape} strides {array.strides} flags {flags} "
            f"base {type(array.base).__name__}")


@st.composite
def twins(draw, dtype=dtypes, shape=shapes, layouts=LAYOUTS):
    """Like ``strategies.twins``, but the NumPy side is made exactly as the
    minind side, so the two mirror each other object for object:

    * C/F: ``mi.array(x, order=...)`` and ``np.array(x, order=...)``, two
      independent owners (the shared twin pairs ``mi.array(x, order="F")``
      with ``np.asfortranarray(x)``, which differ in the strides of
      length-1 axes: (3, 1) gives (1, 3) and (1, 1));
    * imported layouts: ``mi.asarray(x)`` and NumPy's own import of the
      same buffer, ``np.asarray(memoryview(x))``; both have a memoryview
      as base and share memory with ``x`` (and with each other).
    """
    layout, n = draw(numpy_layouts(dtype, shape, layouts))
    if layout in ("C", "F"):
        m, mirror = mi.array(n, order=layout), np.array(n, order=layout)
        assert m.flags.owndata and mirror.flags.owndata
    else:
        m, mirror = mi.asarray(n), np.asarray(memoryview(n))
        assert isinstance(mirror.base, memoryview)
    return m, mirror


# ---------------------------------------------------------------------------
# One random operation, applied to both sides
# ---------------------------------------------------------------------------

def prime_factors(size):
    factors, p = [], 2
    while size > 1:
        while size % p == 0:
            factors.append(p)
            size //= p
        p += 1
    return factors


@st.composite
def compatible_shapes(draw, size):
    """A shape with ``size`` elements, sometimes with one -1."""
    if size == 0:
        ndim = draw(st.integers(1, 4))
        shape = draw(st.lists(st.integers(0, 4), min_size=ndim,
                              max_size=ndim))
        zero = draw(st.integers(0, ndim - 1))
        shape[zero] = 0
        rest = shape[:zero] + shape[zero + 1:]
        if math.prod(rest) != 0 and draw(st.booleans()):
            shape[zero] = -1           # resolves to 0
        return tuple(shape)
    ndim = draw(st.integers(0 if size == 1 else 1, 5))
    if ndim == 0:
        return ()
    shape = [1] * ndim
    for factor in prime_factors(size):
        shape[draw(st.integers(0, ndim - 1))] *= factor
    if draw(st.booleans()):
        shape[draw(st.integers(0, ndim - 1))] = -1
    return tuple(shape)


def maybe_negative(draw, axis, ndim):
    return axis - ndim if draw(st.booleans()) else axis


def op_index(draw, m, n):
    grow = m.ndim < MAX_CHAIN_NDIM - 2
    index = draw(hnp.basic_indices(m.shape, allow_newaxis=grow,
                                   allow_ellipsis=True))
    return f"[{index!r}]", m[index], n[index]


def op_T(draw, m, n):
    return ".T", m.T, n.T


def op_transpose(draw, m, n):
    perm = draw(st.permutations(range(m.ndim)))
    perm = tuple(maybe_negative(draw, axis, m.ndim) for axis in perm)
    how = draw(st.sampled_from(["tuple", "args", "function", "none"]))
    if how == "tuple":
        return f".transpose({perm})", m.transpose(perm), n.transpose(perm)
    if how == "args" and perm:
        return (f".transpose(*{perm})", m.transpose(*perm),
                n.transpose(*perm))
    if how == "function":
        return (f"transpose(a, {perm})", mi.transpose(m, perm),
                np.transpose(n, perm))
    return ".transpose()", m.transpose(), n.transpose()


def op_swapaxes(draw, m, n):
    if m.ndim == 0:
        return op_T(draw, m, n)
    first = maybe_negative(draw, draw(st.integers(0, m.ndim - 1)), m.ndim)
    second = maybe_negative(draw, draw(st.integers(0, m.ndim - 1)), m.ndim)
    if draw(st.booleans()):
        return (f"swapaxes(a, {first}, {second})",
                mi.swapaxes(m, first, second), np.swapaxes(n, first, second))
    return (f".swapaxes({first}, {second})", m.swapaxes(first, second),
            n.swapaxes(first, second))


def op_reshape(draw, m, n):
    shape = draw(compatible_shapes(m.size))
    order = draw(st.sampled_from(["C", "F", "A"]))
    how = draw(st.sampled_from(["method", "args", "function"]))
    if how == "args" and len(shape) > 0:
        return (f".reshape(*{shape}, order={order!r})",
                m.reshape(*shape, order=order), n.reshape(*shape, order=order))
    if how == "function":
        return (f"reshape(a, {shape}, order={order!r})",
                mi.reshape(m, shape, order=order),
                np.reshape(n, shape, order=order))
    return (f".reshape({shape}, order={order!r})",
            m.reshape(shape, order=order), n.reshape(shape, order=order))


def op_ravel(draw, m, n):
    order = draw(st.sampled_from(["C", "F", "A", "K"]))
    if draw(st.booleans()):
        return (f"ravel(a, {order!r})", mi.ravel(m, order),
                np.ravel(n, order))
    return f".ravel({order!r})", m.ravel(order), n.ravel(order)


def op_flatten(draw, m, n):
    order = draw(st.sampled_from(["C", "F", "A", "K"]))
    return f".flatten({order!r})", m.flatten(order), n.flatten(order)


def op_squeeze(draw, m, n):
    ones = [axis for axis, length in enumerate(m.shape) if length == 1]
    axis = None
    if ones and draw(st.booleans()):
        chosen = draw(st.lists(st.sampled_from(ones), min_size=1,
                               unique=True))
        chosen = [maybe_negative(draw, a, m.ndim) for a in chosen]
        axis = chosen[0] if len(chosen) == 1 and draw(st.booleans()) \
            else tuple(chosen)
    if draw(st.booleans()):
        return (f"squeeze(a, {axis})", mi.squeeze(m, axis),
                np.squeeze(n, axis))
    return f".squeeze({axis})", m.squeeze(axis), n.squeeze(axis)


def op_newaxis(draw, m, n):
    if m.ndim >= MAX_CHAIN_NDIM:
        return op_squeeze(draw, m, n)
    position = draw(st.integers(0, m.ndim))
    if draw(st.booleans()):
        index = (slice(None),) * position + (np.newaxis,)
    else:
        index = (Ellipsis, np.newaxis) + (slice(None),) * (m.ndim - position)
    return f"[{index!r}]", m[index], n[index]


def op_broadcast(draw, m, n):
    if m.ndim >= MAX_CHAIN_NDIM - 2:
        return op_squeeze(draw, m, n)
    other = draw(hnp.broadcastable_shapes(m.shape, min_dims=m.ndim,
                                          max_dims=m.ndim + 2, min_side=0,
                                          max_side=4))
    shape = np.broadcast_shapes(m.shape, other)
    if math.prod(shape) > MAX_CHAIN_SIZE:
        shape = m.shape
    if draw(st.booleans()):
        shape = list(shape)       # any sequence will do
    return (f"broadcast_to(a, {shape})", mi.broadcast_to(m, shape),
            np.broadcast_to(n, shape))


def op_moveaxis(draw, m, n):
    if m.ndim == 0:
        return op_T(draw, m, n)
    source = draw(st.lists(st.integers(0, m.ndim - 1), min_size=1,
                           max_size=m.ndim, unique=True))
    destination = draw(st.lists(st.integers(0, m.ndim - 1),
                                min_size=len(source), max_size=len(source),
                                unique=True))
    source = [maybe_negative(draw, a, m.ndim) for a in source]
    destination = [maybe_negative(draw, a, m.ndim) for a in destination]
    if len(source) == 1 and draw(st.booleans()):
        source, destination = source[0], destination[0]
    return (f"moveaxis(a, {source}, {destination})",
            mi.moveaxis(m, source, destination),
            np.moveaxis(n, source, destination))


def op_expand_dims(draw, m, n):
    if m.ndim >= MAX_CHAIN_NDIM - 2:
        return op_squeeze(draw, m, n)
    count = draw(st.integers(1, 2))
    ndim = m.ndim + count
    axes = draw(st.lists(st.integers(0, ndim - 1), min_size=count,
                         max_size=count, unique=True))
    axes = [maybe_negative(draw, a, ndim) for a in axes]
    axis = axes[0] if count == 1 and draw(st.booleans()) else tuple(axes)
    return (f"expand_dims(a, {axis})", mi.expand_dims(m, axis),
            np.expand_dims(n, axis))


OPERATIONS = [op_index, op_index, op_index, op_T, op_transpose, op_swapaxes,
              op_reshape, op_reshape, op_ravel, op_flatten, op_squeeze,
              op_newaxis, op_broadcast, op_moveaxis, op_expand_dims]


# ---------------------------------------------------------------------------
# 1. The lock-step oracle
# ---------------------------------------------------------------------------

@given(twin=twins(), data=st.data())
def test_view_chains_in_lock_step(twin, data):
    """A random chain of 1-8 view operations: after every step minind and
    NumPy agree on layout, flags, values, view-or-copy and base identity."""
    m, n = twin
    owners = Owners()
    check_result(m, n, owners)
    steps = data.draw(st.integers(1, 8), label="steps")
    for _ in range(steps):
        operation = data.draw(st.sampled_from(OPERATIONS))
        text, rm, rn = operation(data.draw, m, n)
        note = (f"a{text} on a {describe(n)} ({n.dtype}):\n"
                f"  minind {describe(rm)}\n  numpy  {describe(rn)}\n")
        try:
            # NumPy returns the input itself in a few cases (a squeeze
            # with nothing to squeeze); minind must do the same.
            assert (rm is m) == (rn is n), "returned the input itself"
            check_result(rm, rn, owners)
        except AssertionError as error:
            raise AssertionError(f"after {note}: {error}") from error
        if isinstance(rn, np.ndarray):
            m, n = rm, rn


def test_chain_owner_structure_examples():
    """Hand-picked chains whose base structure is easy to get wrong."""
    a_m = mi.arange(24, dtype=mi.float64).reshape(2, 3, 4).copy()
    a_n = np.arange(24, dtype=np.float64).reshape(2, 3, 4).copy()
    for chain in [
        lambda a: a.T.reshape(24),                   # copy, base = copy
        lambda a: a.T.reshape(24)[::2],              # view of that copy
        lambda a: a.T.ravel(),                       # copy, owner
        lambda a: a.T.ravel("K"),                    # view of a
        lambda a: a.T.ravel("F"),                    # view of a
        lambda a: a[:, ::-1].ravel("K"),             # copy
        lambda a: a[:, :, ::2].reshape(2, 3, 2, 1),  # view, no copy
        lambda a: a[:, :, ::2].reshape(12),          # copy
        lambda a: a.reshape(4, 6, order="F"),        # copy
        lambda a: a.T.reshape(4, 6, order="F"),      # view
        lambda a: a[0].flatten()[None],              # view of the copy
        lambda a: mi.broadcast_to(a[:, :1], (5, 2, 3, 4)) if isinstance(
            a, mi.MiniArray) else np.broadcast_to(a[:, :1], (5, 2, 3, 4)),
        lambda a: a[...],
        lambda a: a.reshape(a.shape),
        lambda a: a.squeeze(),
        lambda a: a[1, 2, 3],
    ]:
        owners = Owners()
        check_result(a_m, a_n, owners)
        check_result(chain(a_m), chain(a_n), owners)


# ---------------------------------------------------------------------------
# 2. Indexing specifics
# ---------------------------------------------------------------------------

def outcome(function, *args):
    try:
        return function(*args), None
    except Exception as error:      # noqa: BLE001 - compared below
        return None, error


def assert_same_outcome(run_m, run_n):
    """Both raise the same class with the same message, or both succeed;
    returns the two results."""
    rm, em = outcome(run_m)
    rn, en = outcome(run_n)
    if en is not None or em is not None:
        assert em is not None, f"NumPy raised {en!r}, minind did not"
        assert en is not None, f"minind raised {em!r}, NumPy did not"
        assert type(em) is type(en), (em, en)
        assert str(em) == str(en)
        return None, None
    return rm, rn


HUGE = 2 ** 70

slice_members = st.one_of(
    st.none(), st.integers(-8, 8), st.sampled_from([HUGE, -HUGE]))
steps = st.one_of(st.none(), st.integers(-4, 4).filter(bool),
                  st.sampled_from([HUGE, -HUGE]))
good_slices = st.builds(slice, slice_members, slice_members, steps)
bad_slices = st.one_of(
    st.builds(slice, slice_members, slice_members, st.just(0)),
    st.builds(slice, st.floats(-3, 3), slice_members, steps),
    st.builds(slice, slice_members, st.just("1"), steps),
    st.builds(slice, slice_members, slice_members, st.just(1.0)))


def index_items(allow_bad):
    items = [st.integers(-8, 8), good_slices, st.none(), st.just(Ellipsis),
             st.sampled_from([np.int64(1), np.uint8(0), np.intp(-1)])]
    if allow_bad:
        items += [st.sampled_from([HUGE, -HUGE, 1.5, 0.0, "0", b"1"]),
                  bad_slices]
    return st.one_of(items)


@given(twin=twins(), data=st.data())
def test_wild_basic_indices(twin, data):
    """Slices with negative steps, out-of-range and huge (2**70) bounds,
    ``...`` anywhere, several ``None``s, NumPy integer scalars."""
    m, n = twin
    owners = Owners()
    check_result(m, n, owners)
    index = tuple(data.draw(st.lists(index_items(False), max_size=6)))
    assume(index.count(Ellipsis) <= 1)
    if data.draw(st.booleans()) and len(index) == 1:
        index = index[0]
    rm, rn = assert_same_outcome(lambda: m[index], lambda: n[index])
    if rn is not None:
        check_result(rm, rn, owners)


S = slice
SLICE_EXAMPLES = [
    S(None, None, -1), S(0, 0, -1), (S(0, 0, -1),), (S(None), S(2, 2, -1)),
    (S(1, 1), S(None, None, -2)), S(5, 1, 1), S(-100, 100), S(100, None),
    S(None, -100), S(-HUGE, HUGE), S(HUGE, -HUGE, -1), S(None, None, HUGE),
    S(None, None, -HUGE), (S(None), S(None), S(None, None, -HUGE)),
    Ellipsis, (Ellipsis,), (Ellipsis, 0), (0, Ellipsis), (0, Ellipsis, 0),
    (Ellipsis, 0, 0, 0), (0, 0, 0, Ellipsis), (None,), (None, None, None),
    (None, Ellipsis, None), (0, None, 1, None, 2), (Ellipsis, None),
    (None, 0, None, Ellipsis, None, S(None, None, -1), None), (), 1, -1,
    (1,), (1, -1), (S(1, 2), 0, S(None, None, -3)), (np.intp(1), np.uint8(2)),
]


@pytest.mark.parametrize("layout", ["C", "F", "reversed"])
@pytest.mark.parametrize("index", SLICE_EXAMPLES, ids=repr)
def test_basic_index_examples(index, layout):
    """Empty slices (also with negative steps: NumPy then uses step 1),
    clipped and huge bounds, ``...`` in every position, several ``None``s,
    ``()``, partial integer indices."""
    n = np.arange(60, dtype=np.int16).reshape(3, 4, 5).copy()
    if layout == "F":
        m, n = mi.array(n, order="F"), np.array(n, order="F")
    elif layout == "reversed":
        n = n[::-1, :, ::-2]
        m, n = mi.asarray(n), np.asarray(memoryview(n))
    else:
        m = mi.array(n)
    owners = Owners()
    check_result(m, n, owners)
    rm, rn = assert_same_outcome(lambda: m[index], lambda: n[index])
    if rn is None:
        pytest.fail(f"both raised for {index!r}")
    check_result(rm, rn, owners)


@given(twin=twins(), data=st.data())
def test_invalid_indices_raise_like_numpy(twin, data):
    """Errors (class and message) are NumPy's, whichever item is wrong
    and wherever it stands: zero steps, two ellipses, too many indices,
    floats, non-integer slice members, out-of-range integers."""
    m, n = twin
    index = tuple(data.draw(st.lists(index_items(True), max_size=6)))
    rm, rn = assert_same_outcome(lambda: m[index], lambda: n[index])
    if rn is not None:
        check_result(rm, rn, Owners())


@pytest.mark.parametrize("index", [
    slice(None, None, 0), (Ellipsis, Ellipsis), (0, Ellipsis, 0, Ellipsis),
    (0, 0, 0), (0, 0, None, 0), (Ellipsis, 0, 0, 0), 1.5, (0, 1.5),
    (slice(None), 0.0), slice(1.5, None), slice(None, "2"),
    slice(None, None, 1.0), 3, -4, (0, 4), (0, -5), HUGE, -HUGE, (0, HUGE),
    "0", (slice(None, None, 0), 1.5), (1.5, slice(None, None, 0)),
    (0, 0, 1.5), (1.5, 0, 0), (5, 0, 0), (slice(None, None, 0), 0, 0),
    (5, 1.5),
])
def test_index_errors_examples(index):
    m = mi.arange(12).reshape(3, 4)
    n = np.arange(12).reshape(3, 4)
    rm, rn = assert_same_outcome(lambda: m[index], lambda: n[index])
    assert rn is None, "expected an error"


@given(twin=twins(shape=st.just(()), layouts=["C", "F", "transposed",
                                               "readonly", "broadcast"]),
       data=st.data())
def test_zero_d_indexing(twin, data):
    """``a[()]`` is the element; ``a[...]`` a 0-d view of ``a``;
    ``None``s add length-1 axes."""
    m, n = twin
    assume(m.ndim == 0)           # the sliced/broadcast layouts pick shapes
    owners = Owners()
    check_result(m, n, owners)
    assert_same_scalar(m[()], n[()])
    for index in [Ellipsis, (Ellipsis,), None, (None, None), (Ellipsis, None),
                  (None, Ellipsis, None)]:
        check_result(m[index], n[index], owners)
    for index in [0, (0,), slice(None), (Ellipsis, Ellipsis)]:
        assert_same_outcome(lambda: m[index], lambda: n[index])


@given(twin=twins(shape=hnp.array_shapes(min_dims=2, max_dims=4, min_side=1,
                                         max_side=4)), data=st.data())
def test_partial_integer_index(twin, data):
    """``a[i]`` on an n-d array: a view of the (n-1)-d sub-array."""
    m, n = twin
    assume(m.ndim >= 1 and m.shape[0] > 0)
    owners = Owners()
    check_result(m, n, owners)
    i = data.draw(st.integers(-m.shape[0], m.shape[0] - 1))
    check_result(m[i], n[i], owners)
    if m.ndim >= 2 and m.shape[1] > 0:
        j = data.draw(st.integers(-m.shape[1], m.shape[1] - 1))
        check_result(m[i][j], n[i][j], owners)
        check_result(m[i, j], n[i, j], owners)
        check_result(m[:, j], n[:, j], owners)


# ---------------------------------------------------------------------------
# 3. Assignment
# ---------------------------------------------------------------------------

def int_range(dtype):
    if dtype.kind == "b":
        return 0, 1
    info = np.iinfo(dtype)
    return int(info.min), int(info.max)


def safe_elements(source, target):
    """Values of dtype ``source`` that cast to ``target`` the same way on
    every platform (no out-of-range float -> int)."""
    if source.kind == "b":
        return st.booleans()
    if source.kind in "iu":
        low, high = int_range(source)
        if target.kind in "iu":
            t_low, t_high = int_range(target)
            low, high = max(low, t_low), min(high, t_high)
        return st.integers(low, high)
    if target.kind in "iu":
        # Bounds exactly representable in float32 (and in range).
        low, high = int_range(target)
        return st.floats(max(low, -2 ** 24), min(high, 2 ** 24), width=32)
    return st.floats(width=32, allow_subnormal=False)


def python_scalars(target):
    """Python bool/int/float values that ``target`` accepts in range."""
    bools = st.booleans()
    if target.kind == "f":
        return st.one_of(bools, st.integers(-2 ** 63, 2 ** 63),
                         st.floats(allow_subnormal=False))
    if target.kind == "b":
        return st.one_of(bools, st.integers(-2 ** 63, 2 ** 64 - 1),
                         st.floats(allow_subnormal=False))
    low, high = int_range(target)
    return st.one_of(bools, st.integers(low, high),
                     st.floats(max(low, -2 ** 53), min(high, 2 ** 53)))


def nest(flat, shape):
    if not shape:
        return flat[0]
    step = len(flat) // shape[0] if shape[0] else 0
    return [nest(flat[k * step:(k + 1) * step], shape[1:])
            for k in range(shape[0])]


@st.composite
def value_shapes(draw, target_shape):
    """Shapes that broadcast to ``target_shape`` (with leading 1s too)."""
    shape = draw(hnp.broadcastable_shapes(target_shape, min_dims=0,
                                          max_dims=len(target_shape),
                                          min_side=0))
    return (1,) * draw(st.integers(0, 2)) + tuple(shape)


@st.composite
def laid_out(draw, array):
    """``array``'s values in a random layout (copy of it, NumPy side)."""
    layout = draw(st.sampled_from(["C", "F", "stepped", "reversed",
                                   "transposed"]))
    if layout == "F":
        return np.array(array, order="F")     # asfortranarray makes 1-d
    if layout == "stepped" and array.ndim:
        big = np.zeros(array.shape[:-1] + (2 * array.shape[-1],),
                       array.dtype)
        big[..., ::2] = array
        return big[..., ::2]
    if layout == "reversed" and array.ndim:
        return array[::-1].copy()[::-1]
    if layout == "transposed":
        return array.T.copy().T
    return array


@st.composite
def assigned_values(draw, target_dtype, target_shape, element=False):
    """(value for minind, value for NumPy): equal values of any kind.

    ``element``: the target is one element (``a[1, 2] = value``); NumPy
    then converts the value as a scalar, and only scalars and 0-d arrays
    are drawn (sequences into one element: see
    ``test_assignment_of_a_sequence_to_one_element``).
    """
    kind = draw(st.sampled_from(["scalar", "numpy", "minind"] + (
        [] if element else ["list"])))
    if kind == "scalar":
        value = draw(python_scalars(target_dtype))
        return value, value
    shape = () if element else draw(value_shapes(target_shape))
    if kind == "list":
        size = math.prod(shape)
        flat = draw(st.lists(python_scalars(target_dtype), min_size=size,
                             max_size=size))
        value = nest(flat, shape)
        return value, value
    source = draw(dtypes)
    array = draw(hnp.arrays(source, shape,
                            elements=safe_elements(source, target_dtype)))
    array = draw(laid_out(array))
    if kind == "numpy":
        return array, array
    return mi.asarray(array), array


def writable_twin(twin):
    m, n = twin
    assume(n.flags.writeable)
    return m, n


def check_assignment(m, n, index, value_m, value_n):
    """``m[index] = value_m`` does what ``n[index] = value_n`` does to a
    copy of ``n``; writes land in the memory ``m`` shares with ``n``."""
    expected = n.copy()
    _, en = outcome(expected.__setitem__, index, value_n)
    _, em = outcome(m.__setitem__, index, value_m)
    if en is not None or em is not None:
        assert em is not None, f"NumPy raised {en!r}, minind did not"
        assert en is not None, f"minind raised {em!r}, NumPy did not"
        assert type(em) is type(en), (em, en)
        assert str(em) == str(en)
        if isinstance(value_n, (list, tuple)):
            # NumPy converts a nested sequence straight into the target,
            # so a bad element leaves the ones before it written; which
            # ones is an accident of its loop, not a contract.
            return
    assert_same_layout(m, n)
    np.testing.assert_array_equal(np.asarray(m), expected, strict=True)
    assert_same_values(m.tolist(), expected.tolist())
    if m.base is not None:          # imported: the same memory as ``n``
        np.testing.assert_array_equal(n, expected, strict=True)


@given(twin=twins(layouts=WRITABLE), data=st.data())
def test_assignment(twin, data):
    """``a[index] = value``: random basic indices; Python scalars, nested
    lists, NumPy arrays and MiniArrays of any dtype and layout,
    broadcastable (also with extra leading 1s)."""
    m, n = writable_twin(twin)
    index = data.draw(hnp.basic_indices(n.shape, allow_newaxis=True,
                                        allow_ellipsis=True))
    target = n[index]
    value_m, value_n = data.draw(assigned_values(
        n.dtype, np.shape(target), not isinstance(target, np.ndarray)))
    check_assignment(m, n, index, value_m, value_n)


@given(twin=twins(layouts=WRITABLE), data=st.data())
def test_assignment_of_unbroadcastable_values(twin, data):
    """A value that cannot be broadcast: NumPy's ValueError and message,
    target untouched."""
    m, n = writable_twin(twin)
    index = data.draw(hnp.basic_indices(n.shape, allow_ellipsis=True))
    if not isinstance(n[index], np.ndarray):
        index = (index if isinstance(index, tuple) else (index,)) + (
            Ellipsis,)                     # a 0-d view, not one element
    target_shape = n[index].shape
    shape = list(target_shape)
    if not shape or data.draw(st.booleans()):
        shape.insert(0, data.draw(st.integers(2, 3)))   # extra non-1 axis
    else:
        axis = data.draw(st.integers(0, len(shape) - 1))
        shape[axis] = data.draw(st.sampled_from(
            [k for k in (0, 2, shape[axis] + 1) if k != shape[axis]]))
    for axis in range(len(shape)):
        if data.draw(st.integers(0, 3)) == 0 and shape[axis] == (
                target_shape[axis - len(shape) + len(target_shape)]
                if axis >= len(shape) - len(target_shape) else -1):
            shape[axis] = 1                    # these would broadcast
    shape = [1] * data.draw(st.integers(0, 1)) + shape
    value = np.ones(shape, dtype=n.dtype)
    as_list = data.draw(st.booleans())
    value_m = value.tolist() if as_list else mi.asarray(value)
    value_n = value.tolist() if as_list else value
    check_assignment(m, n, index, value_m, value_n)


@pytest.mark.parametrize("value, target", [
    ([1, 2], (3,)), (np.ones(2), (3,)), (np.ones((2, 3)), (3,)),
    (np.ones((1, 1, 2)), (3,)), (np.ones((4, 1)), (3, 2)),
    (np.ones(0), (3,)), (np.ones(3), (0,)), (np.ones((2, 1)), (0, 3)),
    ([[1, 2, 3]], (3,)), ([[1], [2]], (3,)), ([[[1]]], (3,)),
])
def test_assignment_errors_examples(value, target):
    n = np.zeros(target, dtype=np.int16)
    m = mi.zeros(target, dtype=mi.int16)
    for value_m, value_n in [(value, value),
                             (mi.asarray(value), np.asarray(value))]:
        check_assignment(m, n, Ellipsis, value_m, value_n)
        check_assignment(m, n, slice(None), value_m, value_n)


@given(twin=twins(layouts=["readonly", "broadcast"]), data=st.data())
def test_assignment_to_read_only(twin, data):
    """Read-only targets (and views of them) refuse every assignment:
    ValueError "assignment destination is read-only"."""
    m, n = twin
    index = data.draw(hnp.basic_indices(n.shape, allow_newaxis=True,
                                        allow_ellipsis=True))
    target = n[index]
    value_m, value_n = data.draw(assigned_values(
        n.dtype, np.shape(target), not isinstance(target, np.ndarray)))
    with pytest.raises(ValueError, match="^assignment destination is "
                                         "read-only$"):
        n[index] = value_n
    with pytest.raises(ValueError, match="^assignment destination is "
                                         "read-only$"):
        m[index] = value_m
    view = m[index]
    if isinstance(view, mi.MiniArray):
        assert not view.flags.writeable
        with pytest.raises(ValueError, match="^assignment destination is "
                                             "read-only$"):
            view[...] = value_m


def assignment_disagreements(cases):
    """Run ``a[index] = value`` for each (dtype, shape, index, value) on
    both libraries; the list of cases where the outcome (result, or
    exception class and message) differs, one readable line each."""
    found = []
    for dtype, shape, index, value in cases:
        m = mi.zeros(shape, dtype=dtype.name)
        n = np.zeros(shape, dtype=dtype)
        try:
            check_assignment(m, n, index, value, value)
        except AssertionError:
            _, en = outcome(np.zeros(shape, dtype).__setitem__, index, value)
            _, em = outcome(mi.zeros(shape, dtype.name).__setitem__, index,
                            value)
            found.append(f"{dtype}{list(shape)}[{index!r}] = {value!r}: "
                         f"NumPy {en!r}, minind {em!r}")
    return found


OUT_OF_RANGE = [2 ** 70, 2 ** 64, 2 ** 63, -2 ** 63 - 1, 2 ** 32, 300, 128,
                -1, -129]


@pytest.mark.parametrize("dtype", NP_DTYPES, ids=str)
def test_assignment_of_out_of_range_python_ints(dtype):
    """Python ints that do not fit: NumPy 2's OverflowError (NEP 50) and
    its message, as a scalar, in a list, in a list of lists; floats and
    bools take any of them that NumPy takes."""
    cases = []
    for value in OUT_OF_RANGE:
        cases.append((dtype, (3,), 0, value))
        for index in (slice(None), Ellipsis):
            for sequence in (value, [value] * 3, [1, value, 2],
                             [[value] * 3], [[1], [value], [2]]):
                cases.append((dtype, (3,), index, sequence))
    assert assignment_disagreements(cases) == []


class _LyingSequence:
    """A length of 2, an item that fails, and an empty iteration: NumPy
    reads it as the (empty) sequence its iteration gives."""

    def __getitem__(self, index):
        raise Exception

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 2


class _Pair:
    """A sequence by protocol alone: not a list, tuple or buffer."""

    def __getitem__(self, index):
        return (7, 8)[index]

    def __len__(self):
        return 2


def test_assignment_of_any_sequence():
    """``a[...] = seq`` reads any sequence (``__len__`` and
    ``__getitem__``), as ``array(seq)`` does, not only lists and tuples."""
    cases = []
    for dtype in NP_DTYPES:
        for value in (range(2), _Pair(), [range(2), _Pair()],
                      _LyingSequence(), range(0), range(3)):
            cases.append((dtype, (2,), slice(None), value))
            cases.append((dtype, (2, 2), Ellipsis, value))
    assert assignment_disagreements(cases) == []


def test_assignment_of_a_sequence_to_one_element():
    """``a[0] = [1, 2, 3]`` and friends: NumPy's error (or, for bool, the
    truth value NumPy takes)."""
    cases = []
    for dtype in NP_DTYPES:
        for value in ([1, 2, 3], [1], [], [[1]], (1, 0), [1.5],
                      np.array([1, 2]), np.array([1]), np.array([[0]]),
                      np.array([], dtype=dtype)):
            cases.append((dtype, (3,), 0, value))
            cases.append((dtype, (2, 2), (1, 1), value))
            cases.append((dtype, (), (), value))
    assert assignment_disagreements(cases) == []


@st.composite
def square_twins(draw):
    """Writable (k, k) twins, k in 2, 4, 6 (so that ``a[:, ::2]`` and
    ``a[:, 1::2]`` have equal shapes): C, F owners; stepped, reversed and
    transposed imports."""
    k = draw(st.sampled_from([2, 4, 6]))
    dtype = draw(dtypes)
    layout = draw(st.sampled_from(["C", "F", "sliced", "transposed"]))
    if layout == "sliced":
        big = draw(numpy_arrays(dtype, st.just((2 * k + 1, 2 * k + 1))))
        step0 = draw(st.sampled_from([1, 2, -1, -2]))
        step1 = draw(st.sampled_from([1, 2, -1, -2]))
        n = big[::step0, ::step1][:k, :k]
        return mi.asarray(n), np.asarray(memoryview(n))
    n = draw(numpy_arrays(dtype, st.just((k, k))))
    if layout == "transposed":
        return mi.asarray(n.T), np.asarray(memoryview(n.T))
    return mi.array(n, order=layout), np.array(n, order=layout)


OVERLAPS = [
    ("a[1:] = a[:-1]", lambda a: a.__setitem__(slice(1, None),
                                               a[:-1])),
    ("a[:-1] = a[1:]", lambda a: a.__setitem__(slice(None, -1), a[1:])),
    ("a[::-1] = a", lambda a: a.__setitem__(slice(None, None, -1), a)),
    ("a[...] = a[::-1]", lambda a: a.__setitem__(Ellipsis, a[::-1])),
    ("a[:, ::2] = a[:, 1::2]",
     lambda a: a.__setitem__((slice(None), slice(None, None, 2)),
                             a[:, 1::2])),
    ("a[:, 1::2] = a[:, ::2]",
     lambda a: a.__setitem__((slice(None), slice(1, None, 2)), a[:, ::2])),
    ("a[...] = a.T", lambda a: a.__setitem__(Ellipsis, a.T)),
    ("a[::-1, ::-1] = a.T", lambda a: a.__setitem__(
        (slice(None, None, -1), slice(None, None, -1)), a.T)),
    ("a[1:] = a[:-1, None][:, 0]", lambda a: a.__setitem__(
        slice(1, None), a[:-1, None][:, 0])),
    ("a[0] = a[:, 0]", lambda a: a.__setitem__(0, a[:, 0])),
    ("a[:, 0] = a[-1]", lambda a: a.__setitem__((slice(None), 0), a[-1])),
]


@pytest.mark.parametrize("text, statement", OVERLAPS,
                         ids=[t for t, _ in OVERLAPS])
@given(twin=square_twins())
def test_overlapping_assignment(text, statement, twin):
    """Source and target share memory: the result is as if the whole
    value were read before anything was written, as in NumPy."""
    m, n = twin
    expected = n.copy()
    statement(expected)
    statement(m)
    np.testing.assert_array_equal(np.asarray(m), expected, strict=True)
    if m.base is not None:
        np.testing.assert_array_equal(n, expected, strict=True)


@st.composite
def same_shape_index(draw, shape, index):
    """Another basic index of an array of ``shape`` whose result has the
    same shape as ``a[index]``: each slice swapped for a random slice of
    the same length, each integer for a random integer."""
    result, axis = [], 0
    items = index if isinstance(index, tuple) else (index,)
    consumed = sum(item is not None and item is not Ellipsis
                   for item in items)
    for item in items:
        if item is None:
            result.append(None)
        elif item is Ellipsis:
            result.append(Ellipsis)
            axis += len(shape) - consumed
        elif isinstance(item, slice):
            length = len(range(*item.indices(shape[axis])))
            result.append(draw(slices_of_length(shape[axis], length)))
            axis += 1
        else:
            result.append(draw(st.integers(-shape[axis],
                                           shape[axis] - 1)))
            axis += 1
    return tuple(result)


@st.composite
def slices_of_length(draw, size, length):
    if length == 0:
        return slice(0, 0)
    step = draw(st.integers(1, max(1, (size - 1) // max(1, length - 1))))
    span = (length - 1) * step
    start = draw(st.integers(0, size - 1 - span))
    if draw(st.booleans()):
        first = start + span
        stop = first - span - step
        return slice(first, None if stop < 0 else stop, -step)
    return slice(start, start + span + 1, step)


@given(twin=twins(layouts=WRITABLE), data=st.data())
def test_random_overlapping_assignment(twin, data):
    """``a[i] = a[j]`` for random basic indices i, j with equal result
    shapes: the same overlap semantics as NumPy."""
    m, n = writable_twin(twin)
    index = data.draw(hnp.basic_indices(n.shape, allow_newaxis=True,
                                        allow_ellipsis=True))
    other = data.draw(same_shape_index(n.shape, index))
    assert np.shape(n[index]) == np.shape(n[other])
    expected = n.copy()
    expected[index] = expected[other]
    m[index] = m[other]
    np.testing.assert_array_equal(np.asarray(m), expected, strict=True)
    if m.base is not None:
        np.testing.assert_array_equal(n, expected, strict=True)


def independent_clone(m, n):
    """A NumPy array laid out exactly as ``n`` (same strides, same
    position in an owner of the same size) but in memory of its own."""
    if m.base is None:
        return n                   # an owner twin: n is already separate
    root = n.base                  # walk to the NumPy owner of the memory
    while root is not None and not (isinstance(root, np.ndarray)
                                    and root.base is None):
        root = root.obj if isinstance(root, memoryview) else root.base
    assert root.flags.c_contiguous
    offset = (n.__array_interface__["data"][0]
              - root.__array_interface__["data"][0])
    clone = np.ndarray(n.shape, n.dtype, buffer=root.copy(), offset=offset,
                       strides=n.strides)
    np.testing.assert_array_equal(clone, n, strict=True)
    assert clone.strides == n.strides
    return clone


@given(twin=twins(layouts=WRITABLE), data=st.data())
def test_assignment_through_a_chain_of_views(twin, data):
    """Writing through a view made by a chain of operations changes the
    owner where NumPy's write through the same chain does."""
    m, n = writable_twin(twin)
    expected = independent_clone(m, n)
    vm, vn = m, expected
    for _ in range(data.draw(st.integers(1, 4))):
        operation = data.draw(st.sampled_from(
            [op_index, op_T, op_transpose, op_swapaxes, op_newaxis,
             op_squeeze, op_moveaxis, op_expand_dims, op_reshape,
             op_ravel]))
        _, rm, rn = operation(data.draw, vm, vn)
        if not isinstance(rn, np.ndarray):
            break
        if not np.shares_memory(rn, expected):
            break              # a copy: writes would not reach the owner
        vm, vn = rm, rn
    assert mi.shares_memory(vm, m) or vm.size == 0
    value_m, value_n = data.draw(assigned_values(vn.dtype, vn.shape))
    _, en = outcome(vn.__setitem__, Ellipsis, value_n)
    _, em = outcome(vm.__setitem__, Ellipsis, value_m)
    assert (em is None) == (en is None), (em, en)
    np.testing.assert_array_equal(np.asarray(m), expected, strict=True)


# ---------------------------------------------------------------------------
# 4. Lifetime
# ---------------------------------------------------------------------------

def test_view_keeps_owner_alive():
    a = mi.arange(1000, dtype=mi.float64)
    v = a[10:20:3]
    w = v[::-1][None]
    assert v.base is a and w.base is a
    del a
    gc.collect()
    junk = [mi.ones(1000) for _ in range(20)]   # reuse freed memory, if any
    assert v.tolist() == [10.0, 13.0, 16.0, 19.0]
    assert w.tolist() == [[19.0, 16.0, 13.0, 10.0]]
    assert v.base.flags.owndata and v.base.size == 1000
    del junk


def test_chains_of_views_collapse_to_the_owner():
    """Every view in a chain of views has the owner as its base (NumPy
    collapses the chain); a copying step starts a new owner."""
    pairs = [(mi.zeros((4, 6)), np.zeros((4, 6)))]
    for make in (lambda x, lib: x[1:], lambda x, lib: x.T,
                 lambda x, lib: x[::-1], lambda x, lib: x[None],
                 lambda x, lib: x.squeeze(), lambda x, lib: x[::2],
                 lambda x, lib: lib.broadcast_to(x, (3,) + x.shape),
                 lambda x, lib: lib.expand_dims(x, 0),
                 lambda x, lib: x.swapaxes(0, 1),
                 lambda x, lib: lib.moveaxis(x, 0, -1),
                 lambda x, lib: x.transpose(),
                 lambda x, lib: x.reshape(-1, order="A"),     # a copy
                 lambda x, lib: x[1::3], lambda x, lib: x[None, ..., None],
                 lambda x, lib: x.reshape(3, -1),
                 lambda x, lib: x.ravel("K")):
        m, n = pairs[-1]
        pairs.append((make(m, mi), make(n, np)))
    owners = Owners()
    for m, n in pairs:
        check_result(m, n, owners)
    a, n0 = pairs[0]
    for m, n in pairs[1:]:
        assert (m.base is a) == (n.base is n0)


def traced_buffer_bytes():
    snapshot = tracemalloc.take_snapshot().filter_traces(
        [tracemalloc.DomainFilter(True, mi.TRACE_DOMAIN)])
    return sum(stat.size for stat in snapshot.statistics("filename"))


def test_buffer_freed_only_after_last_view_dies():
    nbytes = 8 * 100_000
    tracemalloc.start()
    try:
        before = traced_buffer_bytes()
        a = mi.zeros(100_000, dtype=mi.float64)
        assert traced_buffer_bytes() - before == nbytes
        v = a[::2]
        w = v.reshape(500, 100)[3:]
        x = w.T[::-1]
        del a, v
        gc.collect()
        assert traced_buffer_bytes() - before == nbytes
        x[0, 0] = 5.0
        del w
        gc.collect()
        assert traced_buffer_bytes() - before == nbytes
        assert x[0, 0] == 5.0
        del x
        gc.collect()
        assert traced_buffer_bytes() - before == 0
    finally:
        tracemalloc.stop()


def test_imported_memory_outlives_the_exporter():
    n = np.arange(10.0)
    m = mi.asarray(n)[2:5]
    del n
    gc.collect()
    assert m.tolist() == [2.0, 3.0, 4.0]


# ---------------------------------------------------------------------------
# 5. Worked examples: a strided view, its flags and base
# ---------------------------------------------------------------------------

def test_strided_view_examples():
    a = mi.arange(16, dtype=mi.float32).reshape(4, 4).copy()
    b = a[::2, ::2]
    b[0, 0] = 999
    assert a[0, 0] == 999.0
    assert b.flags["OWNDATA"] is False
    assert b.strides == (32, 8)
    assert b.base is a

    assert a.T.strides == (4, 16)
    assert a.T.flags["F_CONTIGUOUS"]
    flat = a.T.reshape(16)
    assert flat.base is not a
    assert flat.base.flags.owndata
    assert flat.base.base is None
    assert not flat.flags.owndata

    # ...and every one of those facts is NumPy's.
    n = np.arange(16, dtype=np.float32).reshape(4, 4).copy()
    nb = n[::2, ::2]
    nb[0, 0] = 999
    owners = Owners()
    check_result(a, n, owners)
    check_result(b, nb, owners)
    check_result(a.T, n.T, owners)
    check_result(flat, n.T.reshape(16), owners)


# ---------------------------------------------------------------------------
# Changing an array in place: a.shape = ..., a.dtype = ..., a.view(dtype)
# ---------------------------------------------------------------------------

def _outcome(fn):
    try:
        return "ok", fn()
    except Exception as exc:          # noqa: BLE001 - compared below
        return "raised", exc


def _same_outcome(m_call, n_call):
    """Both succeed, or both raise the same exception class."""
    got, want = _outcome(m_call), _outcome(n_call)
    if want[0] == "raised":
        assert got[0] == "raised", f"minind accepted; NumPy: {want[1]!r}"
        assert type(got[1]) is type(want[1]), (got[1], want[1])
        assert str(got[1]) == str(want[1])
    else:
        assert got[0] == "ok", f"minind raised {got[1]!r}"
    return got[0] == "ok"


@given(twin=st.data(), target=st.data())
def test_shape_setter_reshapes_in_place_or_refuses(twin, target):
    m, n = twin.draw(twins())
    size = n.size
    candidates = [(size,), (-1,), (1, size), (size, 1), (-1, 1),
                  (size + 1,), (1,) * 3 + (size,)]
    if n.ndim >= 2:
        candidates += [n.shape[::-1], (n.shape[0], -1), (-1, n.shape[-1])]
    shape = target.draw(st.sampled_from(candidates))
    m_address, n_data = m.ctypes.data, n.ctypes.data

    def set_m():
        m.shape = shape

    def set_n():
        n.shape = shape
    if _same_outcome(set_m, set_n):
        assert_same(m, n)
        assert m.ctypes.data == m_address and n.ctypes.data == n_data
    else:
        assert_same(m, n)             # a refused change changes nothing


@given(twin=st.data(), dtype=dtypes)
def test_dtype_setter_and_view_reinterpret_the_bytes(twin, dtype):
    m, n = twin.draw(twins())
    nd = np.dtype(dtype)
    if _same_outcome(lambda: m.view(nd.name), lambda: n.view(nd)):
        assert_same(m.view(nd.name), n.view(nd))
        assert (m.view(nd.name).base is m) == (n.view(nd).base is n)

    def set_m():
        m.dtype = nd.name

    def set_n():
        n.dtype = nd
    _same_outcome(set_m, set_n)
    assert_same(m, n)


def test_shape_change_does_not_reach_an_exported_buffer():
    a = mi.arange(12.0).reshape(3, 4)
    exported = memoryview(a)
    a.shape = (2, 6)
    assert exported.shape == (3, 4) and exported.strides == (32, 8)
    a.dtype = mi.uint8
    assert exported.format == "d" and exported.tolist()[2][3] == 11.0
    exported.release()


@given(data=st.data(),
       n=hnp.arrays(st.sampled_from(NP_DTYPES),
                    hnp.array_shapes(min_dims=1, max_dims=3, max_side=4)),
       order=st.sampled_from("CF"))
def test_assigning_strides(data, n, order):
    """``a.strides = s`` (deprecated since NumPy 2.4, with its warning):
    allowed while every element stays in the owner's buffer, else NumPy's
    ValueError; wrong lengths and non-integers as NumPy refuses them.  On
    owners and on views made alike in both libraries (NumPy's bound is the
    owner's buffer; for an imported array minind knows only the view)."""
    n = np.array(n, order=order)
    m = mi.array(n, order=order)
    key = tuple(data.draw(st.slices(length)) for length in n.shape)
    n, m = n[key], m[key]
    itemsize = n.itemsize
    new = data.draw(st.one_of(
        st.tuples(*[st.integers(-3, 3).map(lambda k: k * itemsize)
                    for _ in range(n.ndim)]),
        st.lists(st.integers(-40, 40), min_size=n.ndim, max_size=n.ndim),
        st.lists(st.integers(0, 16), max_size=4),
        st.sampled_from(["x", 1.5, None, 8])))
    outcomes = []
    for a in (m, n):
        with pytest.warns(DeprecationWarning, match="deprecated in NumPy"):
            try:
                a.strides = new
                outcomes.append(None)
            except (TypeError, ValueError) as exc:
                outcomes.append(exc)
    m_exc, n_exc = outcomes
    assert type(m_exc) is type(n_exc), (m_exc, n_exc)
    if n_exc is not None:
        assert str(m_exc).startswith(str(n_exc))
        return
    assert_same(m, n)
    with pytest.raises(AttributeError, match="Cannot delete array strides"):
        del m.strides


def _subclass(xp, calls):
    class Tagged(xp.ndarray):
        """Records each __array_finalize__: the array it came from and the
        dtype the new view has at that moment."""

        def __array_finalize__(self, obj):
            calls.append((type(obj).__name__, self.dtype.name))
            self.tag = "tagged"
    return Tagged


@given(twins(), st.sampled_from([None, "uint8", "int16"]),
       st.booleans())
def test_view_as_a_subclass_like_numpy(pair, dtype, positional):
    """``a.view(Sub)`` and ``a.view(dtype, type=Sub)``: an instance of
    the subclass over the same memory (base, strides, flags as NumPy's
    view), its ``__array_finalize__`` called once with ``a``, before the
    new dtype is set; the same errors where the dtype change is refused."""
    m, n = pair
    outcomes = []
    for xp, a in ((mi, m), (np, n)):
        calls = []
        sub = _subclass(xp, calls)
        try:
            if dtype is None and positional:
                view = a.view(sub)
            else:
                view = a.view(dtype, type=sub)
        except (TypeError, ValueError) as error:
            outcomes.append((type(error), calls))
            continue
        assert type(view) is sub and view.tag == "tagged"
        outcomes.append((view, calls))
    (got, got_calls), (want, want_calls) = outcomes
    assert got_calls == [(type(m).__name__, m.dtype.name)]
    assert want_calls == [("ndarray", n.dtype.name)]
    if isinstance(want, type):
        assert got is want
        return
    assert_same(got, np.asarray(want))
    assert got.flags.owndata == want.flags.owndata
    assert (got.base is m) == (want.base is n)
    assert np.shares_memory(np.asarray(got), np.asarray(m)) == (
        want.size > 0)


def test_view_type_errors_are_numpys():
    for xp in (np, mi):
        a = xp.arange(4)
        for call in (lambda: a.view(type=int), lambda: a.view(type=3),
                     lambda: a.view(dtype=xp.int32, type=float)):
            with pytest.raises(ValueError, match="sub-type of ndarray"):
                call()
        with pytest.raises(ValueError, match="output type twice"):
            a.view(xp.ndarray, xp.ndarray)
        assert type(a.view(xp.ndarray)) is xp.ndarray
        not_callable = type("NotCallable", (xp.ndarray,),
                            {"__array_finalize__": None})
        with pytest.raises(TypeError, match="not callable"):
            a.view(not_callable)
    with pytest.raises(TypeError, match="only Python subclasses"):
        mi.arange(4).view(mi.memmap)


def test_subclass_made_by_its_own_new_as_numpys_recipe():
    """NumPy's subclassing recipe: ``__new__`` views an array as the
    class and sets attributes; Python then calls __init__ with __new__'s
    arguments, which must not rebuild (or refuse) the array, as NumPy's
    ndarray, which has no __init__, does not."""
    for lib in (np, mi):
        class Info(lib.ndarray):
            def __new__(cls, data, info):
                result = lib.asarray(data).view(cls)
                result.info = info
                return result

            def __array_finalize__(self, obj):
                self.info = getattr(obj, "info", None)

        made = Info([[1, 2], [3, 4]], "jubba")
        assert type(made) is Info and made.info == "jubba"
        assert made.tolist() == [[1, 2], [3, 4]] and made.shape == (2, 2)

        class Shaped(lib.ndarray):
            def __new__(cls, shape):
                return super().__new__(cls, shape)

        shaped = Shaped((2, 3))
        assert shaped.shape == (2, 3) and shaped.dtype == np.float64
        # (minind builds in __init__, from the class call's arguments:
        # arguments given to ndarray.__new__ alone are not read, README)


UNMADE_CALLS = [
    "a.tolist()", "a[()]", "repr(a)", "str(a)", "a.sum()", "a.copy()",
    "bytes(memoryview(a))", "a + 1", "a.item()", "a.T", "a.reshape(1)",
    "mi.asarray(a)", "a.tobytes()", "a.astype(int)", "a.view('int8')",
    "a == a", "a.__reduce__()", "np.asarray(a)", "a.ctypes.data",
    "a.fill(1)", "a.setflags(write=True)", "a.resize((4,))",
    "mi.lib.stride_tricks.as_strided(a, shape=(64,), strides=(8,))",
    "a.__dlpack__()", "mi.show(a)"]


def test_an_unmade_array_is_a_read_only_zero():
    """``mi.ndarray.__new__(mi.ndarray)`` allocates an array that nothing
    has built (NumPy's __new__ refuses the missing shape; minind builds
    in __init__).  Every operation on it must stay in bounds -- it had no
    dtype and a NULL address, and printing it crashed -- so until built
    it is a read-only 0-d float64 zero.  Each call runs in a child, so
    that a crash is one failure, not the end of the run."""
    code = ("import numpy as np, minind as mi\n"
            "a = mi.ndarray.__new__(mi.ndarray)\n"
            "for call in CALLS:\n"
            "    try:\n"
            "        eval(call)\n"
            "    except Exception:\n"
            "        pass\n"
            "assert a.tolist() == 0.0 and not a.flags.writeable\n"
            "assert a.dtype == mi.float64 and a.shape == ()\n")
    result = subprocess.run(
        [sys.executable, "-c", f"CALLS = {UNMADE_CALLS!r}\n" + code],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    with pytest.raises(TypeError, match="shape"):
        mi.ndarray()
