"""Shared hypothesis strategies: (minind, NumPy) twins in every layout.

Every test that compares minind with NumPy draws its inputs here, so every
test sees the same variety: all eleven dtypes, 0-d and size-0 shapes, and
the layouts that exercise strides:

* ``C`` and ``F``: minind owners made by ``mi.array(..., order=...)``;
* ``sliced``: a NumPy slice with random (also negative) steps, possibly
  empty, imported zero-copy through the buffer protocol;
* ``transposed``: a permutation of the axes, imported the same way;
* ``broadcast``: ``np.broadcast_to`` with zero strides (read-only), of a
  base drawn in any of the layouts above (a broadcast F array has zero
  strides between F-ordered ones);
* ``window``: ``sliding_window_view`` of such a base (read-only; two axes
  with equal strides, windows overlapping in memory);
* ``newaxis``: such a base with length-1 axes inserted (``None``), whose
  strides are never used and must not steer a memory order;
* ``readonly``: a C array whose WRITEABLE flag is cleared.

Layouts compose: ``COMPOSED`` are the ones built on another layout.  Tests
that claim to cover layouts take ``layout`` as a pytest parameter and
draw ``layout_shapes`` (at least 2 axes of at least 2), so that every
layout is really that layout and not a scalar in disguise.

A twin is ``(m, n)``: a MiniArray and a NumPy array with the same values,
shape and strides.  Imported twins share memory (``np.shares_memory``);
owner twins do not.
"""
import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import minind as mi

DTYPE_NAMES = ["bool", "int8", "uint8", "int16", "uint16", "int32",
               "uint32", "int64", "uint64", "float32", "float64"]
NP_DTYPES = [np.dtype(name) for name in DTYPE_NAMES]
BASE_LAYOUTS = ["C", "F", "sliced", "transposed"]
COMPOSED = ["broadcast", "window", "newaxis"]
LAYOUTS = BASE_LAYOUTS + COMPOSED + ["readonly"]

dtypes = st.sampled_from(NP_DTYPES)
shapes = hnp.array_shapes(min_dims=0, max_dims=4, min_side=0, max_side=5)
# Shapes in which a layout is really a layout: 2 or more axes of 2 or more.
layout_shapes = hnp.array_shapes(min_dims=2, max_dims=4, min_side=2,
                                 max_side=4)


def elements(dtype):
    """Values of ``dtype``: all of them for integers; finite and
    non-finite floats (the comparisons treat NaN as equal)."""
    if dtype.kind == "f":
        return hnp.from_dtype(dtype, allow_subnormal=False)
    return hnp.from_dtype(dtype)


@st.composite
def numpy_arrays(draw, dtype=dtypes, shape=shapes):
    dtype = draw(dtype) if isinstance(dtype, st.SearchStrategy) else dtype
    shape = draw(shape) if isinstance(shape, st.SearchStrategy) else shape
    return draw(hnp.arrays(dtype, shape, elements=elements(dtype)))


@st.composite
def sliced(draw, base):
    """A basic-slice view of ``base``: random start/stop/step per axis."""
    index = []
    for length in base.shape:
        step = draw(st.sampled_from([1, 2, 3, -1, -2]))
        start = draw(st.none() | st.integers(-length - 1, length + 1))
        stop = draw(st.none() | st.integers(-length - 1, length + 1))
        index.append(slice(start, stop, step))
    return base[tuple(index)]


@st.composite
def numpy_layouts(draw, dtype=dtypes, shape=shapes, layouts=LAYOUTS):
    """(layout name, NumPy array in that layout)."""
    layout = draw(st.sampled_from(layouts))
    if layout == "sliced":
        # Slice a larger array so the result has real gaps in memory.
        base = draw(numpy_arrays(dtype, hnp.array_shapes(
            min_dims=1, max_dims=4, min_side=0, max_side=7)))
        return layout, draw(sliced(base))
    if layout in COMPOSED:
        base = draw(exact_layout(dtype, composed_bases))
        return layout, draw(composed(layout, base))
    n = draw(numpy_arrays(dtype, shape))
    if layout in ("C", "F"):
        # A fresh owner (hypothesis may hand out odd strides on length-1
        # axes; np.asfortranarray would turn 0-d into 1-d).
        return layout, np.array(n, order=layout)
    if layout == "transposed":
        return layout, n.transpose(draw(st.permutations(range(n.ndim))))
    if layout == "readonly":
        n.flags.writeable = False
    return layout, n


# The bases composed layouts are built on: real layouts, 2 or 3 axes of
# 2 or more.
composed_bases = hnp.array_shapes(min_dims=2, max_dims=3, min_side=2,
                                  max_side=4)


@st.composite
def slice_plan(draw, shape):
    """(base shape, index): basic slices with random steps (also negative)
    and offsets that cut exactly ``shape`` out of the base."""
    index, base_shape = [], []
    for length in shape:
        step = draw(st.sampled_from([1, 2, 3, -1, -2]))
        pad = draw(st.integers(0, 2))
        span = length * abs(step)
        base_shape.append(span + pad)
        if length == 0:
            index.append(slice(0, 0, step))
        elif step > 0:
            start = draw(st.integers(0, pad))
            index.append(slice(start, start + span, step))
        else:
            start = span + pad - 1 - draw(st.integers(0, pad))
            stop = start - span
            index.append(slice(start, stop if stop >= 0 else None, step))
    # The Ellipsis keeps a 0-d result a view (base[()] is a scalar).
    return tuple(base_shape), tuple(index) + (Ellipsis,)


@st.composite
def exact_layout(draw, dtype, shape, layouts=BASE_LAYOUTS):
    """A NumPy array of exactly the drawn ``shape`` in one of the base
    layouts: C, F, sliced (steps of any sign) or transposed."""
    shape = draw(shape) if isinstance(shape, st.SearchStrategy) else shape
    layout = draw(st.sampled_from(layouts))
    if layout == "sliced":
        base_shape, index = draw(slice_plan(shape))
        return draw(numpy_arrays(dtype, base_shape))[index]
    if layout == "transposed":
        perm = draw(st.permutations(range(len(shape))))
        base = draw(numpy_arrays(dtype, tuple(shape[p] for p in perm)))
        return base.transpose(tuple(int(k) for k in np.argsort(perm)))
    return np.array(draw(numpy_arrays(dtype, tuple(shape))), order=layout)


@st.composite
def composed(draw, layout, base):
    """``base`` (any layout) broadcast, windowed or given new axes."""
    if layout == "broadcast":
        # Cut some axes to length 1 and stretch them back (zero strides
        # among the base's own), and maybe put a new axis in front.
        cut = [draw(st.booleans()) for _ in range(base.ndim)]
        front = draw(st.booleans()) or not any(cut)
        base = base[tuple(slice(0, 1) if c else slice(None) for c in cut)]
        shape = ((draw(st.integers(2, 3)),) if front else ()) + tuple(
            draw(st.integers(2, 3)) if c else length
            for c, length in zip(cut, base.shape))
        return np.broadcast_to(base, shape)
    if layout == "window":
        axis = draw(st.integers(0, base.ndim - 1))
        length = base.shape[axis]
        window = draw(st.integers(min(2, length - 1), length - 1))
        return np.lib.stride_tricks.sliding_window_view(base, window,
                                                        axis=axis)
    assert layout == "newaxis"
    index = [slice(None)] * base.ndim
    for _ in range(draw(st.integers(1, 2))):
        index.insert(draw(st.integers(0, len(index))), None)
    return base[tuple(index)]


@st.composite
def twins(draw, dtype=dtypes, shape=shapes, layouts=LAYOUTS):
    """A (MiniArray, NumPy array) pair with equal values and layout."""
    layout, n = draw(numpy_layouts(dtype, shape, layouts))
    if layout in ("C", "F"):
        n = np.array(n, order=layout)
    return twin_of(layout, n)


@st.composite
def layout_twins(draw, layout, dtype=dtypes, shape=layout_shapes):
    """A twin in exactly ``layout``: base layouts of the drawn ``shape``
    (at least 2 axes of at least 2 by default), composed layouts built on
    such a base, readonly a C array that is."""
    if layout in COMPOSED:
        n = draw(composed(layout, draw(exact_layout(dtype, composed_bases))))
    elif layout == "readonly":
        n = draw(exact_layout(dtype, shape, ["C"]))
        n.flags.writeable = False
    else:
        n = draw(exact_layout(dtype, shape, [layout]))
    return twin_of(layout, n)


def twin_of(layout, n):
    """(MiniArray, NumPy array) with ``n``'s values, shape and strides:
    a minind owner for C and F, else a zero-copy import of ``n``."""
    if layout in ("C", "F"):
        m = mi.array(n, order=layout)
        assert m.flags.owndata
        return m, n
    m = mi.asarray(n)              # zero-copy import via the buffer protocol
    # NumPy exports C-contiguous arrays with recomputed strides (they
    # differ from n's only on length-1 axes and in empty arrays, where
    # strides are never used); give n the strides m received so the
    # pair starts out identical.
    n = np.lib.stride_tricks.as_strided(
        n, n.shape, m.strides, writeable=n.flags.writeable)
    return m, n


def assert_same_layout(m, n):
    """Every layout attribute of ``m`` equals NumPy's ``n``."""
    assert m.shape == n.shape
    assert m.strides == n.strides
    assert m.ndim == n.ndim
    assert m.size == n.size
    assert m.itemsize == n.itemsize
    assert m.nbytes == n.nbytes
    assert m.dtype == n.dtype and m.dtype.name == n.dtype.name
    for flag in ("C_CONTIGUOUS", "F_CONTIGUOUS", "WRITEABLE", "ALIGNED"):
        assert m.flags[flag] == n.flags[flag], flag


def assert_same(m, n):
    """Layout and values equal (NaN equals NaN), checked two ways: the
    memory NumPy sees through the buffer protocol, and ``tolist()``."""
    assert isinstance(m, mi.MiniArray)
    assert_same_layout(m, n)
    np.testing.assert_array_equal(np.asarray(m), n, strict=True)
    assert_same_values(m.tolist(), n.tolist())


def assert_same_scalar(m, n):
    """A minind scalar matches NumPy's scalar ``n`` (np.float64(6.0)...):
    the same type name and dtype, the same place in Python's number tower
    (np.float64 is a float, np.int64 no int), 0-d attributes, and the
    same value."""
    assert isinstance(n, np.generic), type(n)
    assert isinstance(m, mi.generic), (m, n)
    assert type(m).__name__ == type(n).__name__, (m, n)
    assert m.dtype == n.dtype and m.dtype.name == n.dtype.name, (m, n)
    for python_type in (float, int, bool):
        assert isinstance(m, python_type) == isinstance(n, python_type)
    for abstract in ("number", "integer", "signedinteger",
                     "unsignedinteger", "inexact", "floating"):
        assert isinstance(m, getattr(mi, abstract)) == isinstance(
            n, getattr(np, abstract)), abstract
    assert m.shape == () and m.ndim == 0 and m.size == 1
    assert m.itemsize == n.itemsize
    assert_same_values(m.item(), n.item())


def assert_same_values(a, b):
    """Nested lists/scalars equal with NaN == NaN and matching types."""
    if isinstance(b, list):
        assert isinstance(a, list) and len(a) == len(b)
        for x, y in zip(a, b):
            assert_same_values(x, y)
        return
    assert type(a) is type(b), (a, b)
    if isinstance(b, float) and b != b:
        assert a != a
    else:
        assert a == b
