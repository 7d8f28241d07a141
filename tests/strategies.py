"""Shared hypothesis strategies: (minind, NumPy) twins in every layout.

Every test that compares minind with NumPy draws its inputs here, so every
test sees the same variety: all eleven dtypes, 0-d and size-0 shapes, and
the layouts that exercise strides:

* ``C`` and ``F``: minind owners made by ``mi.array(..., order=...)``;
* ``sliced``: a NumPy slice with random (also negative) steps, possibly
  empty, imported zero-copy through the buffer protocol;
* ``transposed``: a permutation of the axes, imported the same way;
* ``broadcast``: ``np.broadcast_to`` with zero strides (read-only);
* ``readonly``: a C array whose WRITEABLE flag is cleared.

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
LAYOUTS = ["C", "F", "sliced", "transposed", "broadcast", "readonly"]

dtypes = st.sampled_from(NP_DTYPES)
shapes = hnp.array_shapes(min_dims=0, max_dims=4, min_side=0, max_side=5)


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
    if layout == "broadcast":
        base = draw(numpy_arrays(dtype, hnp.array_shapes(
            min_dims=0, max_dims=3, min_side=1, max_side=4)))
        target = draw(hnp.broadcastable_shapes(
            base.shape, min_dims=base.ndim, max_dims=base.ndim + 1))
        target = np.broadcast_shapes(base.shape, target)
        return layout, np.broadcast_to(base, target)
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


@st.composite
def twins(draw, dtype=dtypes, shape=shapes, layouts=LAYOUTS):
    """A (MiniArray, NumPy array) pair with equal values and layout."""
    layout, n = draw(numpy_layouts(dtype, shape, layouts))
    if layout in ("C", "F"):
        m = mi.array(n, order=layout)
        assert m.flags.owndata
    else:
        m = mi.asarray(n)          # zero-copy import via the buffer protocol
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
