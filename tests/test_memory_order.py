"""NumPy's "K" memory order, on every layout, composed ones included.

NumPy has two K orders, and minind decides both in one function
(``_loops.axis_order``):

* a new array like another (copies, ``array(order="K")``, ``astype``,
  ``empty_like``, the view test of ``ravel("K")``): a stable sort by
  decreasing |stride| in which every axis votes, zero strides innermost;
* the iterator's (ufunc and reduction outputs, ``where``, ``flatten("K")``,
  ``cumsum``): broadcast (zero-stride) and length-1 axes have no say.

The layouts that tell them apart are composed ones: a broadcast F or
transposed array, a sliding window (equal strides on two axes), new axes
with arbitrary strides.  Each case draws shapes of at least 2 axes of at
least 2, in one layout given as a parameter, and compares the result's
strides, flags and values with NumPy's.
"""
import numpy as np
import pytest
from hypothesis import given, strategies as st

import minind as mi
from strategies import (LAYOUTS, assert_same, assert_same_layout,
                        layout_twins)

NUMERIC = st.sampled_from([np.dtype(name) for name in
                           ("int8", "uint16", "int64", "float32",
                            "float64")])

# (name, call): the same call on minind (xp = mi) and on NumPy.
NEW_ARRAY_ORDER = {
    "copy": lambda xp, a: a.copy(order="K"),
    "array": lambda xp, a: xp.array(a, order="K"),
    "astype": lambda xp, a: a.astype("float32"),
    "empty_like": lambda xp, a: xp.empty_like(a),
    "ravel": lambda xp, a: a.ravel("K"),
}
ITERATOR_ORDER = {
    "flatten": lambda xp, a: a.flatten("K"),
    "add": lambda xp, a: xp.add(a, a),
    "add_cast": lambda xp, a: xp.add(a, a.astype("float64")),
    "where": lambda xp, a: xp.where(a > 1, a, a.astype("float32")),
    "cumsum": lambda xp, a: a.cumsum(axis=-1),
    "sum_axis0": lambda xp, a: a.sum(axis=0),
    "sum_last_keepdims": lambda xp, a: a.sum(axis=-1, keepdims=True),
    "max_axis1": lambda xp, a: a.max(axis=1),
    "prod_axes": lambda xp, a: a.prod(axis=(0, -1), keepdims=True),
    "all_axis0": lambda xp, a: (a > 1).all(axis=0),
    "mean_axis0": lambda xp, a: a.mean(axis=0),
    "var_keepdims": lambda xp, a: a.var(axis=0, keepdims=True),
    "nansum_axis0": lambda xp, a: xp.nansum(a, axis=0),
}
OPERATIONS = {**NEW_ARRAY_ORDER, **ITERATOR_ORDER}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", list(OPERATIONS))
@given(data=st.data())
def test_memory_order(name, layout, data):
    m, n = data.draw(layout_twins(layout, NUMERIC))
    with np.errstate(all="ignore"):
        want = OPERATIONS[name](np, n)
    got = OPERATIONS[name](mi, m)
    if name == "empty_like":
        assert_same_layout(got, want)
    else:
        assert_same(got, want)


# The cases the issue tracker and mutation runs found, named.
BROADCAST_F = np.broadcast_to(
    np.asfortranarray(np.arange(8).reshape(2, 1, 4)), (2, 3, 4))
BROADCAST_C = np.broadcast_to(np.arange(6.0).reshape(2, 1, 3), (2, 4, 3))


@pytest.mark.parametrize("make, call", [
    # flatten("K") of a broadcast F array: the iterator's order.
    (lambda xp: xp.asarray(BROADCAST_F), lambda xp, a: a.flatten("K")),
    (lambda xp: xp.asarray(BROADCAST_F), lambda xp, a: a.ravel("K")),
    # A reduction of a broadcast array: zero strides have no say.
    (lambda xp: xp.asarray(BROADCAST_C), lambda xp, a: a.sum(axis=0)),
    (lambda xp: xp.asarray(BROADCAST_C),
     lambda xp, a: (a > 1).all(axis=0)),
    (lambda xp: xp.asarray(BROADCAST_C), lambda xp, a: a.copy(order="K")),
    # A length-1 axis with an unusual stride.
    (lambda xp: xp.asfortranarray(xp.ones((3, 4), dtype="uint32"))[:, None],
     lambda xp, a: a.sum(axis=2)),
    # where with a broadcast operand that needs a cast.
    (lambda xp: xp.broadcast_to(xp.array([1, 0], dtype="int8"), (2, 2)),
     lambda xp, a: xp.where(a, 1.0, 2.0)),
    # Equal strides: ties keep C order (a "<=" turned "<" reverses them).
    (lambda xp: xp.lib.stride_tricks.sliding_window_view(
        xp.arange(5.0), 3), lambda xp, a: a + 1),
    (lambda xp: xp.lib.stride_tricks.sliding_window_view(
        xp.arange(5.0), 3), lambda xp, a: a.copy(order="K")),
    (lambda xp: xp.lib.stride_tricks.sliding_window_view(
        xp.arange(5.0), 3), lambda xp, a: a.sum(axis=0, keepdims=True)),
])
def test_named_cases(make, call):
    with np.errstate(all="ignore"):
        assert_same(call(mi, make(mi)), call(np, make(np)))


# Reductions over two adjacent axes whose strides chain only one way
# (outer stride == inner stride * outer length): coalescing them would be
# wrong, and only these layouts tell (a mutation run found the gap).
CHAIN_TRAPS = [
    lambda xp: xp.lib.stride_tricks.sliding_window_view(
        xp.arange(5.0), 3)[::2],
    lambda xp: xp.lib.stride_tricks.sliding_window_view(
        xp.arange(9.0).reshape(3, 3), 2, axis=1),
    lambda xp: xp.lib.stride_tricks.as_strided(xp.arange(8.0), (2, 3),
                                               (16, 8)),
]


@pytest.mark.parametrize("make", CHAIN_TRAPS)
@pytest.mark.parametrize("call", [
    lambda xp, a: xp.asarray(a.sum()),
    lambda xp, a: a.sum(axis=(0, 1), keepdims=True),
    lambda xp, a: xp.asarray(a.mean()),
    lambda xp, a: xp.asarray(a.var()),
    lambda xp, a: a.max(axis=(0, 1), keepdims=True),
])
def test_reductions_over_axes_that_do_not_chain(make, call):
    assert_same(call(mi, make(mi)), call(np, make(np)))
