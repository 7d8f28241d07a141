"""minind's layout rules against NumPy's.

Two levels:

* the pure helpers of ``minind._layout`` on plain tuples (contiguity
  flags, contiguous strides, byte extent), with NumPy computing the
  expected answers for arbitrary shapes, strides of any sign (zero and
  huge included) and any itemsize;
* their consequences for new arrays: ``mi.empty(shape, dtype, order)``
  has NumPy's shape, strides and flags, and refuses the shapes NumPy
  refuses with the same exception.

The NumPy arrays with arbitrary strides are made by ``as_strided`` over a
single element: it never reads memory, so any strides are allowed, and
NumPy computes its flags for them.  An itemsize ``k`` is the dtype
``V<k>`` (NumPy's raw bytes), so itemsizes other than 1, 2, 4, 8 are
covered too.
"""
import itertools
import re
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from hypothesis import example, given, strategies as st
from hypothesis.extra import numpy as hnp
from numpy.lib.array_utils import byte_bounds
from numpy.lib.stride_tricks import as_strided

import minind as mi
from minind._layout import (py_byte_extent, py_contiguity,
                            py_contiguous_strides)
from strategies import DTYPE_NAMES, assert_same_layout


# ---------------------------------------------------------------------------
# Strategies
# ---------------------------------------------------------------------------

itemsizes = st.sampled_from([1, 2, 4, 8]) | st.integers(1, 24)
small_shapes = hnp.array_shapes(min_dims=0, max_dims=5, min_side=0,
                                max_side=4)


def c_strides(shape, itemsize):
    """C-contiguous strides, computed the long way (the test's own)."""
    strides, step = [], itemsize
    for length in reversed(shape):
        strides.append(step)
        step *= length
    return tuple(reversed(strides))


@st.composite
def layouts(draw, max_stride=2**40):
    """(shape, strides, itemsize): contiguous layouts (C, F, any axis
    permutation, reversed axes) with some axes' strides replaced by
    anything: zero, negative, small, huge, not multiples of itemsize."""
    shape = draw(small_shapes)
    itemsize = draw(itemsizes)
    ndim = len(shape)
    order = draw(st.permutations(range(ndim)))
    permuted = c_strides(tuple(shape[axis] for axis in order), itemsize)
    strides = [0] * ndim
    for position, axis in enumerate(order):
        strides[axis] = permuted[position]
    for axis in range(ndim):
        choice = draw(st.sampled_from(
            ["keep", "keep", "keep", "negate", "zero", "small", "any"]))
        if choice == "negate":
            strides[axis] = -strides[axis]
        elif choice == "zero":
            strides[axis] = 0
        elif choice == "small":
            strides[axis] = draw(st.integers(-3 * itemsize, 3 * itemsize))
        elif choice == "any":
            strides[axis] = draw(st.integers(-max_stride, max_stride))
    return tuple(shape), tuple(strides), itemsize


def numpy_view(shape, strides, itemsize):
    """A NumPy array with exactly this layout (its memory is not read)."""
    base = np.zeros(1, dtype=f"V{itemsize}")
    view = as_strided(base, shape=shape, strides=strides)
    assert view.shape == shape and view.strides == strides
    return view


def brute_force_extent(shape, strides, itemsize):
    """(low, high): min offset and max offset + itemsize over all items;
    (0, 0) when there are none."""
    offsets = [sum(i * s for i, s in zip(index, strides))
               for index in itertools.product(*map(range, shape))]
    if not offsets:
        return (0, 0)
    return (min(offsets), max(offsets) + itemsize)


# ---------------------------------------------------------------------------
# py_contiguity
# ---------------------------------------------------------------------------

@given(layouts())
@example(((), (), 8))                          # 0-d: both
@example(((0,), (8,), 8))                      # empty: both
@example(((3, 0, 2), (7, -3, 5), 8))           # empty, any strides: both
@example(((0, 5), (0, 0), 4))
@example(((1,), (12345,), 8))                  # length 1: stride unused
@example(((1, 1), (0, 0), 4))
@example(((1, 3, 1), (-5, 8, 7), 8))           # one real axis: both
@example(((4,), (8,), 8))                      # 1-d contiguous: both
@example(((4,), (4,), 8))                      # overlapping items
@example(((4,), (16,), 8))                     # gaps
@example(((2,), (0,), 8))                      # broadcast
@example(((3,), (-8,), 8))                     # reversed
@example(((2, 3), (24, 8), 8))                 # C only
@example(((2, 3), (8, 16), 8))                 # F only
@example(((2, 1, 3), (24, 999, 8), 8))         # C, any stride on length 1
@example(((2, 1, 3), (8, -1, 16), 8))          # F, any stride on length 1
@example(((3, 2), (8, 24), 8))                 # transposed C
@example(((2, 3), (24, 8), 4))                 # strides of the wrong size
@example(((2, 2), (2**40, 8), 8))
@example(((5,), (3,), 3))                      # odd itemsize
def test_contiguity_matches_numpy(layout):
    shape, strides, itemsize = layout
    flags = numpy_view(shape, strides, itemsize).flags
    assert py_contiguity(shape, strides, itemsize) == (
        flags.c_contiguous, flags.f_contiguous)


def test_contiguity_of_every_small_layout():
    """Exhaustive: shapes up to 2x3 (any axis of length 0-3) and every
    stride in a small range, itemsize 2."""
    itemsize = 2
    for ndim in range(3):
        for shape in itertools.product(range(4), repeat=ndim):
            for strides in itertools.product(range(-8, 9, 2), repeat=ndim):
                flags = numpy_view(shape, strides, itemsize).flags
                assert py_contiguity(shape, strides, itemsize) == (
                    flags.c_contiguous, flags.f_contiguous), (shape, strides)


def test_contiguity_argument_errors():
    """minind-only helper: mismatched lengths are refused."""
    with pytest.raises(ValueError):
        py_contiguity((2, 3), (8,), 8)


# ---------------------------------------------------------------------------
# py_contiguous_strides
# ---------------------------------------------------------------------------

@given(hnp.array_shapes(min_dims=0, max_dims=6, min_side=0, max_side=6),
       itemsizes, st.sampled_from("CF"))
@example((), 8, "C")
@example((0,), 8, "C")
@example((0, 3), 8, "C")                       # NumPy 2: all-zero strides
@example((3, 0), 4, "F")
@example((2, 0, 5), 1, "C")
@example((1,), 1, "F")
@example((2, 3, 4), 8, "F")
@example((1, 1, 1), 8, "C")
@example((5, 1, 7), 3, "F")
def test_contiguous_strides_match_numpy(shape, itemsize, order):
    expected = np.empty(shape, dtype=f"V{itemsize}", order=order).strides
    assert py_contiguous_strides(shape, itemsize, order) == expected


@given(hnp.array_shapes(min_dims=0, max_dims=6, min_side=0, max_side=6),
       st.sampled_from(DTYPE_NAMES), st.sampled_from("CF"))
def test_contiguous_strides_are_contiguous(shape, name, order):
    """The strides of a new array pass the contiguity test NumPy applies."""
    itemsize = np.dtype(name).itemsize
    strides = py_contiguous_strides(shape, itemsize, order)
    n = np.empty(shape, dtype=name, order=order)
    assert strides == n.strides
    assert py_contiguity(shape, strides, itemsize) == (
        n.flags.c_contiguous, n.flags.f_contiguous)


# ---------------------------------------------------------------------------
# py_byte_extent
# ---------------------------------------------------------------------------

@given(layouts())
@example(((), (), 8))                          # one item: (0, itemsize)
@example(((0, 3), (8, 24), 8))                 # empty: (0, 0)
@example(((3, 0), (-8, -24), 8))
@example(((3,), (-8,), 8))                     # below the first item
@example(((2, 2), (0, 0), 4))                  # all the same item
@example(((1,), (-100,), 8))                   # unused stride
@example(((3,), (4,), 8))                      # overlapping items
@example(((2, 3), (-24, 8), 8))                # mixed signs
@example(((2, 2), (2**40, -(2**40)), 8))       # huge strides
@example(((4, 4, 4, 4, 4), (1, -2, 3, -5, 7), 3))
def test_byte_extent_matches_brute_force(layout):
    shape, strides, itemsize = layout
    expected = brute_force_extent(shape, strides, itemsize)
    assert py_byte_extent(shape, strides, itemsize) == expected
    if expected != (0, 0):
        # NumPy's own answer (addresses, relative to the first item).
        view = numpy_view(shape, strides, itemsize)
        start = view.__array_interface__["data"][0]
        low, high = byte_bounds(view)
        assert (low - start, high - start) == expected


# ---------------------------------------------------------------------------
# New arrays: mi.empty against np.empty
# ---------------------------------------------------------------------------

def builtin_class(exc):
    """The exception class a user catches: NumPy's private subclasses
    (``_ArrayMemoryError``) count as their builtin base."""
    return next(c for c in type(exc).__mro__ if c.__module__ == "builtins")


def assert_new_array_like_numpy(m, n):
    assert_same_layout(m, n)
    assert m.flags["OWNDATA"] == n.flags["OWNDATA"]
    assert m.base is None and n.base is None
    assert m.dtype is mi.dtype(n.dtype.name)


empty_shapes = hnp.array_shapes(min_dims=0, max_dims=6, min_side=0,
                                max_side=5)


@st.composite
def shape_spellings(draw):
    """(spelling given to empty(), the shape): an int, a tuple, a list,
    NumPy integers."""
    shape = draw(empty_shapes)
    kinds = ["tuple", "list", "numpy ints"]
    if len(shape) == 1:
        kinds.append("int")
    kind = draw(st.sampled_from(kinds))
    if kind == "int":
        return shape[0], shape
    if kind == "list":
        return list(shape), shape
    if kind == "numpy ints":
        types = st.sampled_from([np.int8, np.int64, np.uint16, np.intp])
        return tuple(draw(types)(length) for length in shape), shape
    return shape, shape


@given(shape_spellings(), st.sampled_from(DTYPE_NAMES),
       st.sampled_from(["C", "F"]))
@example(((), ()), "float64", "C")
@example(((0,), (0,)), "int8", "F")
@example(((3, 0, 2), (3, 0, 2)), "uint16", "F")
@example((5, (5,)), "bool", "C")
@example(([2, 3], (2, 3)), "float32", "F")
@example(((1, 1, 1, 1, 1, 1), (1,) * 6), "int64", "F")
@example(((300, 2), (300, 2)), "float64", "C")    # lengths beyond 256
@example(((5, 5, 5, 5), (5, 5, 5, 5)), "float64", "F")   # strides > 256
@example(((2**40, 0), (2**40, 0)), "float64", "C")  # big but empty
def test_empty_layout_matches_numpy(spelled, dtype, order):
    spelling, shape = spelled
    n = np.empty(spelling, dtype=dtype, order=order)
    assert n.shape == shape
    m = mi.empty(spelling, dtype=dtype, order=order)
    assert_new_array_like_numpy(m, n)
    assert m.nbytes == n.nbytes


@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_empty_dtype_spellings(name):
    """dtype given as a name, a NumPy dtype, a minind dtype."""
    for dtype in (name, np.dtype(name), mi.dtype(name)):
        for order in "CF":
            n = np.empty((2, 3, 4), dtype=np.dtype(name), order=order)
            m = mi.empty((2, 3, 4), dtype=dtype, order=order)
            assert_new_array_like_numpy(m, n)


def test_empty_default_dtype_and_order():
    assert_new_array_like_numpy(mi.empty((2, 3)), np.empty((2, 3)))
    assert_new_array_like_numpy(mi.empty(4), np.empty(4))
    assert_new_array_like_numpy(mi.empty(()), np.empty(()))
    assert_new_array_like_numpy(mi.empty([]), np.empty([]))


@pytest.mark.parametrize("spelling", [
    np.array([2, 3]), np.array([], dtype=np.int64), np.array(4),
    np.array([0, 7], dtype=np.uint8), range(3), (np.int64(2), 3),
], ids=lambda s: repr(s)[:40])
def test_empty_shape_from_numpy_objects(spelling):
    """NumPy accepts any sequence of integers (arrays too) as a shape."""
    n = np.empty(spelling)
    m = mi.empty(spelling)
    assert_new_array_like_numpy(m, n)


def test_shape_and_strides_survive_later_allocations():
    """The shape/strides tuples hold real references to their ints.

    Lengths and strides outside CPython's small-int cache (-5..256) are
    fresh int objects; a tuple that borrowed them would point at freed
    memory, reused by the next allocation (wrong values or a crash).
    Run in a subprocess so a crash fails this test, not the session.
    """
    code = textwrap.dedent("""
        import minind as mi
        cases = [(300, 2), (2, 300), (1000,), (5, 5, 5, 5), (3, 100, 7),
                 (2**40, 0), (257, 258, 259)]
        got = []
        for shape in cases:
            for order in "CF":
                a = mi.empty(shape, "float64", order)
                got.append((a.shape, a.strides))
                junk = [object() for _ in range(1000)]
                junk += [10**6 + i for i in range(1000)]
        print(repr(got))
    """)
    result = subprocess.run([sys.executable, "-c", code],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    cases = [(300, 2), (2, 300), (1000,), (5, 5, 5, 5), (3, 100, 7),
             (2**40, 0), (257, 258, 259)]
    expected = []
    for shape in cases:
        for order in "CF":
            n = np.empty(shape, "float64", order)
            expected.append((n.shape, n.strides))
    assert eval(result.stdout) == expected


# ---------------------------------------------------------------------------
# Shapes NumPy refuses
# ---------------------------------------------------------------------------

BAD_SHAPES = [
    -1, (2, -1), (0, -1), (-1, 0), -2**63, [3, -5],
    (1,) * 65, (1,) * 100, [0] * 65,
    2.0, (2.0,), (1, 2.5), (-1.5,), np.float64(2.0), (np.float64(2),),
    np.array([2.0, 3.0]), np.array(2.0), np.array([[2, 3]]),
    "abc", ("a",), "3", ("3",), None, (None,), (2, None), [2, [3]],
    (True, 2), True, {2: 3}, {2}, object(),
    (2**62, 2**62), (2**40, 2**40), (2**40, 2**40, 0), 2**62,
    (2**31, 2**31, 2), (2**61, 4), (2**60, 8), (2**59, 8),
    (2**62, 0), (0, 2**62), (3, 0, 2**62), (2**63 - 1, 0),
    2**63, (2**63,), (0, 2**63), (2**64,), (-2**64,), 10**30,
    np.uint64(2**63), (np.uint64(2**63),),
]


@pytest.mark.parametrize(
    "shape", BAD_SHAPES,
    ids=lambda s: re.sub(r" at 0x[0-9a-f]+", "", repr(s))[:40])
@pytest.mark.parametrize("dtype", ["float64", "int8"])
def test_bad_shapes_raise_like_numpy(shape, dtype):
    """The same exception class as NumPy; for the ValueErrors (negative,
    too many dimensions, too big, dimension exceeded) the same message,
    the text a user would search for.  (A few of these shapes are fine
    for int8: then the layouts must match.)"""
    try:
        n = np.empty(shape, dtype=dtype)
    except Exception as exc:  # noqa: BLE001 - the oracle's exception
        with pytest.raises(Exception) as got:
            mi.empty(shape, dtype=dtype)
        assert type(got.value) is builtin_class(exc), (got.value, exc)
        if isinstance(exc, ValueError):
            assert str(got.value) == str(exc)
    else:
        assert_new_array_like_numpy(mi.empty(shape, dtype=dtype), n)


def test_bad_shapes_numpy_refuses():
    """The list above is mostly refusals (a check of the test itself)."""
    refused = 0
    for shape in BAD_SHAPES:
        try:
            np.empty(shape)
        except Exception:  # noqa: BLE001
            refused += 1
    assert refused == len(BAD_SHAPES)


@pytest.mark.parametrize("order", ["C", "F", "c", "f", None, "A", "K",
                                   "a", "k", "X", "", "CF", 3, b"C"],
                         ids=repr)
def test_order_argument_like_numpy(order):
    try:
        n = np.empty((2, 3), order=order)
    except Exception as exc:  # noqa: BLE001 - the oracle's exception
        with pytest.raises(Exception) as got:
            mi.empty((2, 3), order=order)
        assert type(got.value) is builtin_class(exc)
        assert str(got.value) == str(exc)
    else:
        assert_new_array_like_numpy(mi.empty((2, 3), order=order), n)
