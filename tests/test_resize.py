"""``a.resize`` (in place) and ``mi.resize`` (a new array) against NumPy.

The method's memory safety (exports, views, refcheck=False) is tested in
``test_lifetime.py``; here: values, shape, strides, flags, zero fill, the
function's view-or-copy answer, and every refusal's class and message.
"""
import weakref

import numpy as np
import pytest
from hypothesis import given, strategies as st
from hypothesis.extra import numpy as hnp

import minind as mi
from strategies import LAYOUTS, assert_same, twins

new_shapes = hnp.array_shapes(min_dims=0, max_dims=3, min_side=0,
                              max_side=5)


def outcome(call):
    try:
        return "ok", call()
    except Exception as error:          # noqa: compared with NumPy's
        return type(error).__name__, str(error)


def assert_same_state(m, n):
    """Layout, flags and values; a 0-d result's F flag aside: NumPy
    leaves the flags of an array resized to 0-d as they were (a stale
    F_CONTIGUOUS False), minind recomputes them (both True, as for any
    0-d array)."""
    if n.ndim == 0:
        assert m.shape == () and m.flags.owndata == n.flags.owndata
        assert m.tolist() == n.tolist()
        return
    assert_same(m, n)
    assert m.flags.owndata == n.flags.owndata


@given(twins(layouts=LAYOUTS), new_shapes, st.booleans())
def test_resize_method_matches_numpy(pair, shape, as_varargs):
    # refcheck=False: the test's own references would trip the check in
    # both libraries (test_refcheck_counts_references covers it).
    m, n = pair
    args = shape if as_varargs and shape else (shape,)
    m_kind, m_value = outcome(lambda: m.resize(*args, refcheck=False))
    n_kind, n_value = outcome(lambda: n.resize(*args, refcheck=False))
    assert (m_kind, m_value) == (n_kind, n_value)
    assert_same_state(m, n)


@pytest.mark.parametrize("order", ["C", "F"])
@given(numpy_array=hnp.arrays(np.int16, new_shapes), shape=new_shapes)
def test_resize_keeps_bytes_and_zero_fills(order, numpy_array, shape):
    n = np.array(numpy_array, order=order)
    m = mi.array(n, order=order)
    m.resize(shape, refcheck=False)
    n.resize(shape, refcheck=False)
    assert_same_state(m, n)


@pytest.mark.parametrize("dtype", ["float64", "int8", "bool", "uint32"])
def test_new_elements_are_zeros(dtype):
    m = mi.full((2, 3), 7, dtype=dtype)
    m.resize(4, 5)
    expected = np.full((2, 3), 7, dtype=dtype)
    expected.resize(4, 5)
    assert_same(m, expected)


def test_read_only_arrays_resize_with_zeros():
    # NumPy resizes a read-only array too, but leaves the new bytes as
    # malloc gave them; minind zeroes them always.
    m = mi.arange(3)
    m.flags.writeable = False
    m.resize(5)
    assert m.tolist() == [0, 1, 2, 0, 0] and not m.flags.writeable


@pytest.mark.parametrize("args, kwargs", [
    ((), {}), ((None,), {}), ((6,), {}), ((3, 2), {}), (((3, 2),), {}),
    (([2, 3],), {}), ((8,), {}), ((0,), {}), (((),), {}),
    ((-1,), {}), (("hi",), {}), ((3.0,), {}), (((2,), (3,)), {}),
    (((1,) * 65,), {}), ((2 ** 62,), {}), ((2 ** 40, 2 ** 40), {}),
    ((3,), {"order": 1}), ((3,), {"refcheck": "hi"}),
    ((3,), {"refcheck": None}), ((3,), {"refcheck": 2.5}),
    ((), {"new_shape": (2, 3)}), ((3,), {"order": 1, "refcheck": False}),
    (((1,) * 10 + (3,),), {}), (((1,) * 7 + (2, 5),), {}),   # heap dims
])
def test_resize_arguments(args, kwargs):
    def run(xp):
        a = xp.arange(6.0).reshape(2, 3).copy()
        result = a.resize(*args, **kwargs, **(
            {} if "refcheck" in kwargs else {"refcheck": False}))
        return result, a.shape, a.strides, a.tolist()
    assert outcome(lambda: run(mi)) == outcome(lambda: run(np))


def test_refcheck_counts_references():
    # An array only one name holds resizes; another name, or a weak
    # reference, refuses it in NumPy's words.
    for xp in (mi, np):
        a = xp.arange(6.0)
        a.resize(8)
        assert a.shape == (8,)
        b = a
        with pytest.raises(ValueError) as refused:
            a.resize(3)
        assert "set refcheck=False" in str(refused.value)
        del b
        a.resize(3)
        ref = weakref.ref(a)
        with pytest.raises(ValueError, match="referenced"):
            a.resize(4, refcheck=False)
        del ref
        a.resize(4, refcheck=False)
    m_message = outcome(lambda: _shared(mi).resize(3))
    n_message = outcome(lambda: _shared(np).resize(3))
    assert m_message == n_message


def _shared(xp):
    a = xp.arange(6.0)
    _shared.keep = a
    return a


@pytest.mark.parametrize("make", [
    lambda xp: xp.arange(6.0)[::2],                          # no segment
    lambda xp: xp.arange(6.0)[:3],                           # no owner
    lambda xp: xp.arange(6.0).reshape(2, 3).T,               # same size
    lambda xp: xp.zeros((10, 0))[...],                       # empty view
], ids=["strided", "view", "transposed-view", "empty-view"])
@pytest.mark.parametrize("shape", [(3,), (3, 2), (0, 100), (5,)])
def test_resize_of_views(make, shape):
    def run(xp):
        a = make(xp)
        a.resize(shape)
        return a.shape, a.strides, a.tolist()
    assert outcome(lambda: run(mi)) == outcome(lambda: run(np))


# ---------------------------------------------------------------------------
# mi.resize: a new array, the data repeated
# ---------------------------------------------------------------------------

@given(twins(layouts=LAYOUTS), new_shapes | st.integers(0, 7))
def test_resize_function_matches_numpy(pair, shape):
    m, n = pair
    m_result, n_result = mi.resize(m, shape), np.resize(n, shape)
    assert_same(m_result, n_result)
    assert (m_result.base is None) == (n_result.base is None)
    if n_result.base is not None:
        assert m_result.base.shape == n_result.base.shape
        assert m_result.base.flags.owndata
    assert not mi.shares_memory(m_result, m)


@pytest.mark.parametrize("a, shape", [
    ([1, 2, 3], (2, 4)), ([1, 2, 3], -1), ([1, 2, 3], (2, -1)), ([], 4),
    ([[1, 2], [3, 4]], 5), ([1, 2], None), ([1, 2], "ab"), (5, 3),
    ([1, 2], 2 ** 62), ([1.5], (2,)), ([True], ()),
])
def test_resize_function_arguments(a, shape):
    def run(xp):
        result = xp.resize(a if isinstance(a, int) else xp.array(a), shape)
        return result.tolist(), result.dtype.name, result.shape
    assert outcome(lambda: run(mi)) == outcome(lambda: run(np))
