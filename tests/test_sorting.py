"""Sorting against NumPy: sort/argsort, partition/argpartition, lexsort,
searchsorted, unique and the Array API's unique_*.

Every input is drawn in every layout of ``strategies`` (C, F, sliced
with negative steps, transposed, broadcast, windows, new axes,
read-only; 0-d and empty) and every dtype.  What is compared:

* ``sort``, stable ``argsort``, ``lexsort``, ``searchsorted`` and
  ``unique``: exactly (dtype, shape, strides, flags, values);
* quicksort/heapsort ``argsort``: the result's layout, that each lane is
  a permutation, and that it picks NumPy's sorted values (the order of
  equal items is each library's own);
* ``partition``: the layout, the values at ``kth`` (NumPy's), the
  partition property around each of them, and that each lane is a
  permutation of the input's (NumPy's order within the parts is its own).

Ties are what stable sorting is about, so some tests draw from a few
values only (with NaN, -0.0 and 0.0 among the floats), and long lanes
(up to a few thousand items, past the insertion-sort cutoff and the
threshold for releasing the GIL) reach the introsort, the merge sort
and quickselect proper.
"""
import inspect

import numpy as np
import pytest
from hypothesis import given, strategies as st
from hypothesis.extra import numpy as hnp

import minind as mi

from strategies import (BASE_LAYOUTS, DTYPE_NAMES, LAYOUTS, assert_same,
                        assert_same_layout, assert_same_scalar,
                        assert_same_values, dtypes, layout_twins, twin_of,
                        twins)
from test_manipulation import same_outcome

KINDS = [None, "quicksort", "heapsort", "stable", "mergesort"]
STABLE = {"stable", "mergesort"}


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

def few_values(dtype):
    """A handful of values of ``dtype``: plenty of ties."""
    dtype = np.dtype(dtype)
    if dtype.kind == "b":
        return [False, True]
    if dtype.kind == "f":
        return [0.0, -0.0, 1.5, -2.0, np.nan, np.inf, -np.inf]
    if dtype.kind == "u":
        return [0, 1, 7, np.iinfo(dtype).max]
    return [0, 1, -1, np.iinfo(dtype).min, np.iinfo(dtype).max]


@st.composite
def tied_twins(draw, dtype=dtypes, shape=None, layouts=BASE_LAYOUTS):
    """A twin of few distinct values, in one of the base layouts (the
    sliced one has negative steps: a reversed view of a larger copy)."""
    dtype = draw(dtype) if isinstance(dtype, st.SearchStrategy) else dtype
    if shape is None:
        shape = draw(hnp.array_shapes(min_dims=1, max_dims=3, min_side=0,
                                      max_side=6))
    elif isinstance(shape, st.SearchStrategy):
        shape = draw(shape)
    layout = draw(st.sampled_from(layouts))
    size = int(np.prod(shape))
    values = draw(st.lists(st.sampled_from(few_values(dtype)),
                           min_size=size, max_size=size))
    with np.errstate(invalid="ignore"):
        n = np.array(values, dtype=dtype).reshape(shape)
    if layout == "C":
        n = np.array(n, order="C")
    elif layout == "F":
        n = np.array(n, order="F")
    elif layout == "transposed":
        n = np.ascontiguousarray(n.T).T
    else:
        big = np.repeat(n, 2, axis=0)[::-1][::2]
        n = big[(slice(None, None, -1),) * n.ndim][
            (slice(None, None, -1),) * n.ndim]
        layout = "sliced"
    return twin_of(layout, n)


def equal_nan(x, y):
    """Element-wise equality with NaN equal to NaN."""
    x, y = np.asarray(x), np.asarray(y)
    same = x == y
    if x.dtype.kind == "f":
        same |= np.isnan(x) & np.isnan(y)
    return same


def not_after(x, y):
    """x sorts before or equal to y, NaN last (NumPy's order)."""
    x, y = np.asarray(x), np.asarray(y)
    if x.dtype.kind == "f":
        return (x <= y) | np.isnan(y)
    return x <= y


def axis_of(data, ndim, allow_none=True):
    choices = st.integers(-ndim, ndim - 1) if ndim else st.just(-1)
    if allow_none:
        choices = st.none() | choices
    return data.draw(choices, label="axis")


def assert_permutation_lanes(idx, axis):
    """Every lane of an index array holds 0..n-1 once each."""
    lanes = np.sort(np.moveaxis(np.asarray(idx), axis, -1), axis=-1)
    assert (lanes == np.arange(lanes.shape[-1])).all()


def assert_ties_in_index_order(idx, n, axis):
    """Along each lane, where two neighbours of the sorted order are
    equal (NaN equal to NaN), the earlier index comes first."""
    flat = n.reshape(-1) if axis is None or n.ndim == 0 else n
    lane_axis = 0 if axis is None or n.ndim == 0 else axis
    idx = np.asarray(idx)
    picked = np.moveaxis(np.take_along_axis(flat, idx, lane_axis),
                         lane_axis, -1)
    idx = np.moveaxis(idx, lane_axis, -1)
    ties = equal_nan(picked[..., 1:], picked[..., :-1])
    assert (idx[..., 1:] > idx[..., :-1])[ties].all()


def check_argsort(m_idx, n, axis, kind):
    n_idx = np.argsort(n, axis=axis, kind=kind)
    if kind in STABLE:
        assert_same(m_idx, n_idx)
        assert_ties_in_index_order(m_idx, n, axis)
        return
    assert_same_layout(m_idx, n_idx)
    flat = n.reshape(-1) if axis is None or n.ndim == 0 else n
    lane_axis = 0 if axis is None or n.ndim == 0 else axis
    got = np.asarray(m_idx)
    assert_permutation_lanes(got, lane_axis)
    assert equal_nan(np.take_along_axis(flat, got, lane_axis),
                     np.sort(flat, axis=lane_axis)).all()


# ---------------------------------------------------------------------------
# sort, argsort
# ---------------------------------------------------------------------------

@given(pair=twins(), kind=st.sampled_from(KINDS), data=st.data())
def test_sort_matches_numpy(pair, kind, data):
    m, n = pair
    axis = axis_of(data, n.ndim)
    result = same_outcome(lambda: mi.sort(m, axis=axis, kind=kind),
                          lambda: np.sort(n, axis=axis, kind=kind))
    if result is not None:
        assert_same(*result)
        assert result[0].flags.owndata


@pytest.mark.parametrize("layout", LAYOUTS)
@given(data=st.data())
def test_sort_and_argsort_in_every_layout(layout, data):
    """The result keeps the input's memory order (NumPy's copy K), the
    argsort is C-contiguous; along every axis and flattened."""
    m, n = data.draw(layout_twins(layout))
    axis = axis_of(data, n.ndim)
    kind = data.draw(st.sampled_from(KINDS), label="kind")
    assert_same(mi.sort(m, axis=axis, kind=kind),
                np.sort(n, axis=axis, kind=kind))
    check_argsort(mi.argsort(m, axis=axis, kind=kind), n, axis, kind)


@given(pair=twins(), kind=st.sampled_from(KINDS), data=st.data())
def test_argsort_matches_numpy(pair, kind, data):
    m, n = pair
    axis = axis_of(data, n.ndim)
    try:
        np.argsort(n, axis=axis, kind=kind)
    except Exception:
        assert same_outcome(lambda: mi.argsort(m, axis=axis, kind=kind),
                            lambda: np.argsort(n, axis=axis,
                                               kind=kind)) is None
        return
    check_argsort(mi.argsort(m, axis=axis, kind=kind), n, axis, kind)


@given(pair=tied_twins(), data=st.data(),
       stable=st.sampled_from([True, False, None]))
def test_ties_keep_index_order_when_stable(pair, data, stable):
    """Stable argsort equals NumPy's exactly, ties and all (index order);
    a stable sort keeps -0.0 and 0.0 in their order."""
    m, n = pair
    axis = axis_of(data, n.ndim)
    m_idx = mi.argsort(m, axis=axis, stable=stable)
    check_argsort(m_idx, n, axis, "stable" if stable else None)
    if stable:
        got = np.asarray(mi.sort(m, axis=axis, stable=True))
        want = np.sort(n, axis=axis, stable=True)
        assert_same(mi.sort(m, axis=axis, stable=True), want)
        assert (np.signbit(got) == np.signbit(want)).all() if (
            n.dtype.kind == "f") else True


@pytest.mark.parametrize("kind", KINDS)
@given(dtype=dtypes, data=st.data())
def test_long_lanes(kind, dtype, data):
    """Lanes longer than the insertion-sort cutoff, up to ~3000 items:
    the introsort, heapsort and merge sort proper, values and indices."""
    length = data.draw(st.integers(17, 3000), label="length")
    pair = data.draw(tied_twins(dtype, (length,)) if data.draw(
        st.booleans(), label="tied") else twins(dtype, (length,),
                                                BASE_LAYOUTS))
    m, n = pair
    assert_same(mi.sort(m, kind=kind), np.sort(n, kind=kind))
    check_argsort(mi.argsort(m, kind=kind), n, -1, kind)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("pattern", ["sorted", "reversed", "equal",
                                     "organ pipe", "sawtooth", "nan front"])
def test_patterns_that_trouble_quicksorts(kind, pattern):
    """Inputs that make naive quicksorts quadratic or unstable, long
    enough (40000) to run without the GIL; along both axes of a 2-d
    array, so that one of them is strided."""
    size = 40_000
    base = np.arange(size, dtype=np.float64)
    values = {"sorted": base, "reversed": base[::-1],
              "equal": np.zeros(size),
              "organ pipe": np.concatenate([base[: size // 2],
                                            base[: size // 2][::-1]]),
              "sawtooth": base % 37,
              "nan front": np.where(base % 3 == 0, np.nan, -base)}[pattern]
    for n in (values, values.reshape(200, 200), values.reshape(200, 200).T):
        m = mi.asarray(n)
        for axis in (-1, 0):
            assert_same(mi.sort(m, axis=axis, kind=kind),
                        np.sort(n, axis=axis, kind=kind))
            check_argsort(mi.argsort(m, axis=axis, kind=kind), n, axis,
                          kind)


@given(pair=twins(layouts=["C", "F", "sliced", "transposed", "readonly",
                           "broadcast"]),
       kind=st.sampled_from(KINDS), data=st.data())
def test_sort_method_in_place(pair, kind, data):
    """``a.sort()`` sorts the array itself (a view writes through to its
    owner); a read-only array (broadcast, readonly) is NumPy's error."""
    m, n = pair
    axis = data.draw(st.integers(-n.ndim, n.ndim - 1) if n.ndim
                     else st.just(-1), label="axis")
    if n.flags.writeable:
        # Two copies of the values: minind sorts one (through its
        # zero-copy import: a view of NumPy's memory), NumPy the other.
        n = n.copy(order="K")
        m = mi.asarray(n.copy(order="K"))
    before = m.strides

    def n_call():
        n.sort(axis=axis, kind=kind)

    def m_call():
        return m.sort(axis=axis, kind=kind)
    result = same_outcome(m_call, n_call)
    if result is not None:
        assert result == (None, None)
        assert m.strides == before
        assert_same_values(m.tolist(), n.tolist())


def test_sort_method_writes_through_a_view():
    n = np.array([[5, 3, 9], [2, 8, 1]])
    m = mi.array(n)
    view = m[:, ::-1]
    view.sort(axis=1)
    n[:, ::-1].sort(axis=1)
    assert_same(m, n)
    m[0].sort(kind="stable")
    n[0].sort(kind="stable")
    assert_same(m, n)


def test_argsort_method():
    n = np.array([[3.0, np.nan, 1.0], [0.0, -0.0, 2.0]])
    m = mi.asarray(n)
    assert_same(m.argsort(stable=True), n.argsort(stable=True))
    assert_same(m.argsort(axis=None, kind="stable"),
                n.argsort(axis=None, kind="stable"))
    assert_same(m.argsort(axis=0, kind="mergesort"),
                n.argsort(axis=0, kind="mergesort"))


# ---------------------------------------------------------------------------
# partition, argpartition
# ---------------------------------------------------------------------------

def check_partition(m_result, n, kth, axis, n_result=None):
    """Layout as NumPy's ``n_result``; each lane a permutation of the
    input's; around each kth: the sorted value there, nothing after it
    before, nothing before it after."""
    if n_result is not None:
        assert_same_layout(m_result, n_result)
    flat = n.reshape(-1) if axis is None or n.ndim == 0 else n
    lane_axis = 0 if axis is None or n.ndim == 0 else axis
    got = np.moveaxis(np.asarray(m_result), lane_axis, -1)
    want = np.moveaxis(np.sort(flat, axis=lane_axis), lane_axis, -1)
    assert equal_nan(np.sort(got, axis=-1), want).all()
    length = got.shape[-1]
    for k in np.atleast_1d(kth):
        k = int(k) % length
        pivot = want[..., k:k + 1]
        assert equal_nan(got[..., k:k + 1], pivot).all()
        assert not_after(got[..., :k], pivot).all()
        assert not_after(pivot, got[..., k + 1:]).all()


@st.composite
def kth_for(draw, length):
    """One kth or a few, negative ones too, now and then out of range."""
    low, high = -length - 1, length
    single = st.integers(low, high) if length else st.integers(-2, 2)
    return draw(single | st.lists(single, min_size=1, max_size=4))


@given(pair=twins(), data=st.data())
def test_partition_matches_numpy(pair, data):
    m, n = pair
    axis = axis_of(data, n.ndim)
    length = n.size if axis is None else (
        n.shape[axis] if n.ndim and -n.ndim <= axis < n.ndim else 0)
    kth = data.draw(kth_for(length), label="kth")
    result = same_outcome(lambda: mi.partition(m, kth, axis=axis),
                          lambda: np.partition(n, kth, axis=axis))
    if result is None or n.size == 0:
        if result is not None:
            assert_same(*result)
        return
    check_partition(result[0], n, kth, axis, result[1])
    result = same_outcome(lambda: mi.argpartition(m, kth, axis=axis),
                          lambda: np.argpartition(n, kth, axis=axis))
    m_idx, n_idx = result
    flat = n.reshape(-1) if axis is None or n.ndim == 0 else n
    lane_axis = 0 if axis is None or n.ndim == 0 else axis
    assert_permutation_lanes(m_idx, lane_axis)
    assert_same_layout(m_idx, n_idx)
    picked = np.take_along_axis(flat, np.asarray(m_idx), lane_axis)
    check_partition(picked, n, kth, axis)


@pytest.mark.parametrize("layout", LAYOUTS)
@given(data=st.data())
def test_long_partitions_in_every_layout(layout, data):
    """Long lanes (quickselect proper) and many kth at once, with ties."""
    length = data.draw(st.integers(17, 400), label="length")
    dtype = data.draw(dtypes, label="dtype")
    if layout in BASE_LAYOUTS:
        m, n = data.draw(tied_twins(dtype, (3, length), [layout]))
    else:
        m, n = data.draw(layout_twins(layout, dtype))
    axis = data.draw(st.sampled_from([-1, 0, None]), label="axis")
    size = n.size if axis is None else n.shape[axis]
    kth = data.draw(st.lists(st.integers(-size, size - 1), min_size=1,
                             max_size=6), label="kth")
    check_partition(mi.partition(m, kth, axis=axis), n, kth, axis,
                    np.partition(n, kth, axis=axis))
    m_idx = mi.argpartition(m, kth, axis=axis)
    lane_axis = 0 if axis is None else axis
    assert_permutation_lanes(m_idx, lane_axis)
    flat = n.reshape(-1) if axis is None else n
    check_partition(np.take_along_axis(flat, np.asarray(m_idx), lane_axis),
                    n, kth, axis)


def test_partition_methods():
    n = np.array([[9, 1, 5, 3, 7], [4, 4, 0, 8, 2]], dtype=np.int16)
    m = mi.array(n)
    m.partition(2)
    check_partition(m, n, 2, -1, np.partition(n, 2))
    idx = m.argpartition([0, -1], axis=0)
    assert_permutation_lanes(idx, 0)
    n.flags.writeable = False
    frozen = mi.asarray(n)
    assert same_outcome(lambda: frozen.partition(1),
                        lambda: n.partition(1)) is None


# ---------------------------------------------------------------------------
# lexsort
# ---------------------------------------------------------------------------

@given(data=st.data(), count=st.integers(1, 3))
def test_lexsort_matches_numpy(data, count):
    """Keys of one shape, each of its own dtype and layout, many ties:
    NumPy's indices exactly (lexsort is stable)."""
    shape = data.draw(hnp.array_shapes(min_dims=1, max_dims=3, min_side=0,
                                       max_side=5), label="shape")
    pairs = [data.draw(tied_twins(dtypes, shape), label=f"key{k}")
             for k in range(count)]
    axis = data.draw(st.integers(-len(shape), len(shape) - 1),
                     label="axis")
    m_keys = [m for m, _ in pairs]
    n_keys = [n for _, n in pairs]
    assert_same(mi.lexsort(m_keys, axis=axis),
                np.lexsort(n_keys, axis=axis))
    assert_same(mi.lexsort(tuple(m_keys), axis=axis),
                np.lexsort(tuple(n_keys), axis=axis))


def test_lexsort_long_keys_and_a_2d_key_array():
    rng = np.random.default_rng(0)
    keys = rng.integers(0, 3, (3, 20_000))
    assert_same(mi.lexsort(mi.asarray(keys)), np.lexsort(keys))
    surname = np.array([3.0, np.nan, 1.0, 3.0, np.nan, -0.0, 0.0] * 5)
    first = np.arange(35)[::-1] % 4
    assert_same(mi.lexsort([mi.asarray(first), mi.asarray(surname)]),
                np.lexsort([first, surname]))


@pytest.mark.parametrize("call", [
    lambda xp: xp.lexsort([]),
    lambda xp: xp.lexsort(xp.zeros(())),
    lambda xp: xp.lexsort(xp.arange(3)),
    lambda xp: xp.lexsort([xp.zeros(3), xp.zeros(4)]),
    lambda xp: xp.lexsort([[1, 2], [3, 4]], axis=1),
    lambda xp: xp.lexsort([[1, 2], [3, 4]], axis=-2),
    lambda xp: xp.lexsort([[1, 2], [3, 4]], axis=1.0),
    lambda xp: xp.lexsort([1, 2]),
    lambda xp: xp.lexsort([xp.zeros(())], axis=5),
    lambda xp: xp.lexsort(xp.zeros((2, 0))),
    lambda xp: xp.lexsort(5),
])
def test_lexsort_edges_match_numpy(call):
    result = same_outcome(lambda: call(mi), lambda: call(np))
    if result is not None:
        m, n = result
        if isinstance(n, np.generic):
            assert_same_scalar(m, n)
        else:
            assert_same(m, n)


# ---------------------------------------------------------------------------
# searchsorted
# ---------------------------------------------------------------------------

@given(data=st.data(), side=st.sampled_from(["left", "right"]),
       use_sorter=st.booleans())
def test_searchsorted_matches_numpy(data, side, use_sorter):
    """A sorted run (or an unsorted one with its argsort as ``sorter``)
    in any layout, keys of any dtype, shape and layout, 0-d keys giving
    a scalar; compared in the promoted dtype, as NumPy compares."""
    m_run, n_run = data.draw(tied_twins(
        dtypes, hnp.array_shapes(min_dims=1, max_dims=1, max_side=12)))
    if use_sorter:
        sorter = np.argsort(n_run, kind="stable")
        m_sorter = mi.asarray(sorter.astype(data.draw(st.sampled_from(
            [np.int64, np.int32, np.uint8, np.int8]), label="sorter type")))
        m_sorter_np = np.asarray(m_sorter)
    else:
        n_run = np.sort(n_run)
        m_run = mi.asarray(n_run)
        m_sorter = m_sorter_np = None
    if data.draw(st.booleans(), label="tied keys"):
        m_keys, n_keys = data.draw(tied_twins())
    else:
        m_keys, n_keys = data.draw(twins())
    want = np.searchsorted(n_run, n_keys, side=side, sorter=m_sorter_np)
    got = mi.searchsorted(m_run, m_keys, side=side, sorter=m_sorter)
    if isinstance(want, np.generic):
        assert_same_scalar(got, want)
    else:
        assert_same(got, want)
    method = m_run.searchsorted(m_keys, side, m_sorter)
    if isinstance(want, np.generic):
        assert_same_scalar(method, want)
    else:
        assert_same(method, want)


@pytest.mark.parametrize("run, keys", [
    (np.arange(5, dtype=np.int8), 1000),
    (np.arange(5, dtype=np.int8), 2.5),
    (np.arange(5, dtype=np.uint8), -1),
    (np.arange(5.0, dtype=np.float32), 2.5),
    (np.arange(5, dtype=np.uint64), np.array([-1, 3])),
    (np.array([False, True]), [0, 1, 2]),
    (np.array([0.0, 1.0, np.nan, np.nan]), [np.nan, np.inf, -0.0]),
    (np.arange(40_000), np.arange(-3, 40_003)),
])
def test_searchsorted_promotion_and_specials(run, keys):
    for side in ("left", "right"):
        m_keys = mi.asarray(keys) if isinstance(keys, np.ndarray) else keys
        want = np.searchsorted(run, keys, side=side)
        got = mi.searchsorted(mi.asarray(run), m_keys, side=side)
        if isinstance(want, np.generic):
            assert_same_scalar(got, want)
        else:
            assert_same(got, want)


@pytest.mark.parametrize("call", [
    lambda xp: xp.searchsorted(xp.zeros(()), 1),
    lambda xp: xp.searchsorted(xp.zeros((2, 2)), 1),
    lambda xp: xp.searchsorted(xp.arange(3), 1, side="x"),
    lambda xp: xp.searchsorted(xp.arange(3), 1, side="L"),
    lambda xp: xp.searchsorted(xp.arange(3), 1, side="Right"),
    lambda xp: xp.searchsorted(xp.arange(3), 1, side=""),
    lambda xp: xp.searchsorted(xp.arange(3), 1, side=None),
    lambda xp: xp.searchsorted(xp.arange(3), 1, side=b"right"),
    lambda xp: xp.searchsorted(xp.arange(3), 1, sorter=[0, 1]),
    lambda xp: xp.searchsorted(xp.arange(3), 1, sorter=[0, 1, 2.5]),
    lambda xp: xp.searchsorted(xp.arange(3), 1, sorter=[[0, 1, 2]]),
    lambda xp: xp.searchsorted(xp.arange(3), 1, sorter=3),
    lambda xp: xp.searchsorted(xp.arange(3), 1, sorter=[True] * 3),
    lambda xp: xp.searchsorted(xp.arange(3), 1,
                               sorter=xp.arange(3, dtype=xp.uint64)),
    lambda xp: xp.searchsorted(xp.arange(3), 1, sorter=[-1, -1, -1]),
    lambda xp: xp.searchsorted(xp.arange(3), 1, sorter=[5, 5, 5]),
    lambda xp: xp.searchsorted(xp.arange(3), 1, sorter=[]),
    lambda xp: xp.searchsorted(xp.zeros(0), [1, 2]),
    lambda xp: xp.searchsorted([1, 2, 3], 2),
])
def test_searchsorted_edges_match_numpy(call):
    result = same_outcome(lambda: call(mi), lambda: call(np))
    if result is not None:
        m, n = result
        if isinstance(n, np.generic):
            assert_same_scalar(m, n)
        else:
            assert_same(m, n)


# ---------------------------------------------------------------------------
# unique
# ---------------------------------------------------------------------------

FLAGS = ["return_index", "return_inverse", "return_counts"]


def assert_same_outputs(got, want):
    if isinstance(want, tuple):
        assert isinstance(got, tuple) and len(got) == len(want)
        for g, w in zip(got, want):
            assert_same(g, w)
    else:
        assert_same(got, want)


def assert_same_unique(got, want, n, flags, nan_equal):
    """``unique``'s outputs equal NumPy's.  One exception: NumPy finds
    the inverse with an unstable argsort unless it needs first indices,
    so with NaNs each their own value it may send the NaNs to the NaN
    values in another order than minind's (first NaN to the first): then
    the inverse must rebuild the input, and have NumPy's layout."""
    got = got if isinstance(got, tuple) else (got,)
    want = want if isinstance(want, tuple) else (want,)
    assert len(got) == len(want)
    names = ["values"] + [flag for flag in FLAGS if flag in flags]
    loose = (not nan_equal and "return_index" not in flags
             and n.dtype.kind == "f" and np.isnan(n).sum() > 1)
    for name, g, w in zip(names, got, want):
        if name == "return_inverse" and loose:
            assert_same_layout(g, w)
            assert equal_nan(np.asarray(got[0])[np.asarray(g)], n).all()
        else:
            assert_same(g, w)


@given(pair=twins() | tied_twins(), flags=st.sets(st.sampled_from(FLAGS)),
       nan_equal=st.booleans())
def test_unique_matches_numpy(pair, flags, nan_equal):
    """Values, first indices, inverse (the input's shape, NumPy 2) and
    counts, with NaNs one value or each its own."""
    m, n = pair
    kwargs = {flag: True for flag in flags}
    assert_same_unique(mi.unique(m, equal_nan=nan_equal, **kwargs),
                       np.unique(n, equal_nan=nan_equal, **kwargs),
                       n, flags, nan_equal)


@given(pair=twins() | tied_twins())
def test_unique_unsorted_request_still_has_numpys_values(pair):
    m, n = pair
    got = mi.unique(m, sorted=False)
    want = np.unique(n, sorted=False)
    assert got.dtype == want.dtype and got.shape == want.shape
    assert equal_nan(np.sort(np.asarray(got)), np.sort(want)).all()


@pytest.mark.parametrize("name, fields", [
    ("unique_all", ("values", "indices", "inverse_indices", "counts")),
    ("unique_counts", ("values", "counts")),
    ("unique_inverse", ("values", "inverse_indices")),
])
@given(pair=twins() | tied_twins())
def test_array_api_unique_functions(name, fields, pair):
    """NumPy's named tuples (type name, field names); every NaN its own
    value.  NumPy leaves the order open (its hash table's), minind's is
    sorted: compared with NumPy's sorted answer."""
    m, n = pair
    got = getattr(mi, name)(m)
    want = getattr(np, name)(n)
    assert type(got).__name__ == type(want).__name__
    assert got._fields == want._fields == fields
    flags = {"indices": "return_index", "inverse_indices": "return_inverse",
             "counts": "return_counts"}
    flags = {flags[field] for field in fields[1:]}
    sorted_want = np.unique(n, equal_nan=False,
                            **{flag: True for flag in flags})
    assert_same_unique(tuple(got), sorted_want, n, flags, False)
    values = mi.unique_values(m)
    assert_same(values, np.unique(n, equal_nan=False))


@pytest.mark.parametrize("call", [
    lambda xp: xp.unique(xp.arange(4).reshape(2, 2), axis=0),
    lambda xp: xp.unique(5, return_inverse=True),
    lambda xp: xp.unique([], return_index=True, return_inverse=True,
                         return_counts=True),
    lambda xp: xp.unique(xp.zeros((0, 3)), return_inverse=True),
    lambda xp: xp.unique_all(xp.float32(3)),
    lambda xp: xp.unique([[1, 2], [2, 3]], return_counts=True),
])
def test_unique_edges(call):
    want = call(np)
    if isinstance(want, np.ndarray) and want.ndim == 2:
        # unique rows: NumPy has them, minind says it does not.
        with pytest.raises(NotImplementedError, match="axis=None"):
            call(mi)
        return
    got = call(mi)
    if isinstance(want, tuple):
        got, want = tuple(got), tuple(want)
    assert_same_outputs(got, want)


# ---------------------------------------------------------------------------
# Arguments and errors
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("call", [
    lambda xp: xp.sort(xp.arange(3), kind="foo"),
    lambda xp: xp.sort(xp.arange(3), kind=""),
    lambda xp: xp.sort(xp.arange(3), kind=3),
    lambda xp: xp.sort(xp.arange(3), kind="QuickSort"),
    lambda xp: xp.sort(xp.arange(3), kind="h"),
    lambda xp: xp.sort(xp.arange(3), kind="Stable"),
    lambda xp: xp.sort(xp.arange(3), kind="stable", stable=True),
    lambda xp: xp.sort(xp.arange(3), kind="quicksort", stable=False),
    lambda xp: xp.sort(xp.arange(3.0)[::-1], stable="yes"),
    lambda xp: xp.sort(xp.arange(3), order="x"),
    lambda xp: xp.sort(xp.zeros(()), axis=None),
    lambda xp: xp.sort(xp.zeros(())),
    lambda xp: xp.sort(xp.zeros(()), kind="x"),
    lambda xp: xp.sort(xp.arange(3), axis=1),
    lambda xp: xp.sort(xp.arange(3), axis=1.0),
    lambda xp: xp.argsort(xp.zeros(())),
    lambda xp: xp.argsort(xp.zeros(()), axis=None),
    lambda xp: xp.argsort(xp.arange(3), axis=None, kind="x"),
    lambda xp: xp.argsort(xp.arange(3), axis=-2),
    lambda xp: xp.arange(3).sort(axis=None),
    lambda xp: xp.arange(3).sort(axis=1),
    lambda xp: xp.arange(3).sort(axis=1.0),
    lambda xp: xp.arange(3).sort(kind="x"),
    lambda xp: xp.partition(xp.arange(5), 5),
    lambda xp: xp.partition(xp.arange(5), -6),
    lambda xp: xp.partition(xp.arange(5), [1, 7]),
    lambda xp: xp.partition(xp.arange(5), 1.5),
    lambda xp: xp.partition(xp.arange(5), True),
    lambda xp: xp.partition(xp.arange(5), [True]),
    lambda xp: xp.partition(xp.arange(5), []),
    lambda xp: xp.partition(xp.arange(5), [[1]]),
    lambda xp: xp.partition(xp.arange(5), 2**70),
    lambda xp: xp.partition(xp.arange(5), xp.uint64(2)),
    lambda xp: xp.partition(xp.arange(5), 1, kind="quick"),
    lambda xp: xp.partition(xp.arange(5), 1, kind=None),
    lambda xp: xp.partition(xp.arange(5), 1, order="x"),
    lambda xp: xp.partition(xp.zeros(()), 0),
    lambda xp: xp.partition(xp.zeros(()), 0, axis=None),
    lambda xp: xp.partition(xp.zeros((3, 0)), 1),
    lambda xp: xp.partition(xp.zeros((3, 2)), 5, axis=None),
    lambda xp: xp.argpartition(xp.arange(5), []),
    lambda xp: xp.argpartition(xp.arange(5), 9),
    lambda xp: xp.argpartition(xp.arange(5), 1, kind="x"),
    lambda xp: xp.argpartition(xp.zeros((3, 0)), 1),
    lambda xp: xp.argpartition(xp.arange(5), xp.arange(0, dtype=xp.int64)),
])
def test_argument_errors_match_numpy(call):
    """Sorted inputs only where a call succeeds, so that even the
    partitions have one right answer."""
    result = same_outcome(lambda: call(mi), lambda: call(np))
    if result is not None:
        assert_same(*result)


def test_read_only_arrays_refuse_in_place_sorting():
    n = np.arange(4.0)[::-1]
    n.flags.writeable = False
    m = mi.asarray(n)
    for call in (lambda a: a.sort(), lambda a: a.partition(1)):
        assert same_outcome(lambda: call(m), lambda: call(n)) is None
    assert np.asarray(m).tolist() == [3.0, 2.0, 1.0, 0.0]
    b = mi.broadcast_to(mi.arange(3), (2, 3))
    with pytest.raises(ValueError, match="sort array is read-only"):
        b.sort()


NAMES = ["sort", "argsort", "partition", "argpartition", "lexsort",
         "searchsorted", "unique", "unique_values", "unique_counts",
         "unique_inverse", "unique_all"]


@pytest.mark.parametrize("name", NAMES)
def test_signatures_are_numpys(name):
    def parameters(function):
        return [(p.name, p.kind, p.default)
                for p in inspect.signature(function).parameters.values()]
    assert parameters(getattr(mi, name)) == parameters(getattr(np, name))


@pytest.mark.parametrize("name", ["sort", "argsort", "partition",
                                  "argpartition", "searchsorted"])
def test_method_signatures_are_numpys(name):
    def parameters(function):
        return [(p.name, p.kind, p.default)
                for p in inspect.signature(function).parameters.values()]
    assert parameters(getattr(mi.zeros(2), name)) == parameters(
        getattr(np.zeros(2), name))


@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_every_dtype_sorts_through_numpys_dispatch(name):
    """np.sort(m) and friends run minind's (the result is a MiniArray)
    and give NumPy's answer.  (NumPy's lexsort dispatches on a tuple of
    keys only: a list is not looked into.)"""
    n = np.array([3, 1, 2, 1], dtype=name)
    m = mi.asarray(n)
    for call in (lambda a: np.sort(a), lambda a: np.argsort(a, stable=True),
                 lambda a: np.unique(a), lambda a: np.searchsorted(a, a),
                 lambda a: np.lexsort((a, a))):
        got = call(m)
        assert isinstance(got, mi.MiniArray)
        assert_same(got, call(n))


# ---------------------------------------------------------------------------
# setxor1d
# ---------------------------------------------------------------------------

@given(data=st.data(), first=twins() | tied_twins(),
       second=twins() | tied_twins(), assume_unique=st.booleans())
def test_setxor1d(data, first, second, assume_unique):
    """Every dtype pair and layout; with ``assume_unique`` the inputs are
    made unique first (NumPy's answer is undefined otherwise), as lists
    or arrays."""
    (m1, n1), (m2, n2) = first, second
    if assume_unique:
        n1, n2 = np.unique(n1), np.unique(n2)
        m1, m2 = mi.asarray(n1), mi.asarray(n2)
        if data.draw(st.booleans()):
            n1 = n1.tolist()
            m1 = list(n1)
    pair = same_outcome(lambda: mi.setxor1d(m1, m2, assume_unique),
                        lambda: np.setxor1d(n1, n2, assume_unique))
    if pair is not None:
        assert_same(*pair)
