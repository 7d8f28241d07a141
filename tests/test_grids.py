"""Index grids against NumPy: ``indices``, the grid objects
``mgrid``/``ogrid`` and ``diag`` (``minind._grids``; its linspace,
meshgrid and triangles are tested with the Array API functions).

Each call is made with NumPy and minind and compared in full: dtype,
shape, strides, flags and values of every array, a tuple or an array
as NumPy returns it, or NumPy's exception class and message.
"""
import warnings

import numpy as np
import pytest
from hypothesis import given, strategies as st

import minind as mi
from strategies import assert_same


def outcome(call):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return True, call()
    except Exception as error:      # noqa: BLE001 -- compared below
        return False, error


def assert_same_grid(m_call, n_call):
    """The same arrays (or tuple of arrays), or the same error."""
    n_ok, n_result = outcome(n_call)
    m_ok, m_result = outcome(m_call)
    assert m_ok == n_ok, (m_result, n_result)
    if not n_ok:
        assert type(m_result).__name__ == type(n_result).__name__, (
            m_result, n_result)
        assert str(m_result) == str(n_result)
        return
    if isinstance(n_result, tuple):
        assert isinstance(m_result, tuple) and len(m_result) == len(n_result)
        for m_item, n_item in zip(m_result, n_result):
            assert_same(m_item, n_item)
            assert m_item.flags.owndata == n_item.flags.owndata
    else:
        assert_same(m_result, n_result)


INDICES_DTYPES = [int, float, "int8", "uint16", "int32", "float32", bool]


@given(dimensions=st.lists(st.integers(0, 4), max_size=4).map(tuple),
       dtype=st.sampled_from(INDICES_DTYPES), sparse=st.booleans(),
       as_list=st.booleans())
def test_indices(dimensions, dtype, sparse, as_list):
    """Dense (one C array, axes first) and sparse (views of aranges,
    shaped to broadcast), any dtype (bool: indices cast to True/False),
    empty and 0-d grids; the dimensions as a tuple or a list."""
    if as_list:
        dimensions = list(dimensions)
    assert_same_grid(lambda: mi.indices(dimensions, dtype, sparse),
                     lambda: np.indices(dimensions, dtype, sparse))


@pytest.mark.parametrize("dimensions", [(-1,), (2, -3), 3, (1.5,)])
def test_indices_errors_match_numpy(dimensions):
    for sparse in (False, True):
        assert_same_grid(lambda: mi.indices(dimensions, sparse=sparse),
                         lambda: np.indices(dimensions, sparse=sparse))


# Slice ends and steps the grids take: integers, floats, counts (complex
# steps, stop included).
ENDS = st.none() | st.integers(-4, 6) | st.sampled_from([0.5, -1.25, 2.75])
STEPS = (st.none() | st.sampled_from([1, 2, 3, -1, -2, 0.5, 0.25, -0.75])
         | st.integers(0, 5).map(lambda k: complex(0, k)))


@st.composite
def grid_slices(draw):
    start = draw(ENDS)
    stop = draw(ENDS.filter(lambda value: value is not None))
    return slice(start, stop, draw(STEPS))


@given(key=grid_slices())
def test_grid_one_slice(key):
    """One slice: ``arange(start, stop, step)``, or with a count step
    ``n`` values from start to stop inclusive, in floats."""
    for name in ("mgrid", "ogrid"):
        assert_same_grid(lambda: getattr(mi, name)[key],
                         lambda: getattr(np, name)[key])


@given(key=st.lists(grid_slices(), min_size=1, max_size=3).map(tuple))
def test_grid_several_slices(key):
    """Several slices: mgrid one dense array (axes first), ogrid a tuple
    of arrays that broadcast; the dtype from every start, stop and step;
    NumPy's errors (a negative length)."""
    for name in ("mgrid", "ogrid"):
        assert_same_grid(lambda: getattr(mi, name)[key],
                         lambda: getattr(np, name)[key])


@pytest.mark.parametrize("key", [
    (slice(-1, 1, 10j),), (slice(-1, 1, 0.1), slice(-2, 2, 0.2)),
    (slice(0, 1, 1j), slice(0, 5)), (slice(0, 3), slice(0, 2, 1j)),
    (slice(0, 3),), [slice(0, 2), slice(1, 3)],
])
def test_grid_examples(key):
    for name in ("mgrid", "ogrid"):
        assert_same_grid(lambda: getattr(mi, name)[key],
                         lambda: getattr(np, name)[key])
    assert_same_grid(lambda: mi.mgrid[key[0]], lambda: np.mgrid[key[0]])


def test_grid_objects():
    assert type(mi.mgrid) is type(mi.ogrid)
    assert not mi.mgrid.sparse and mi.ogrid.sparse
    assert isinstance(mi.ogrid[0:2, 0:3], tuple)
    assert isinstance(mi.mgrid[0:2, 0:3], mi.ndarray)
    with pytest.raises(AttributeError):
        mi.mgrid[1, 2]


@given(length=st.integers(0, 4), k=st.integers(-5, 5),
       dtype=st.sampled_from(["int8", "float32", "uint64", "bool"]))
def test_diag_of_a_vector(length, k, dtype):
    """A new C array of zeros with the vector on diagonal ``k``."""
    n = np.arange(1, length + 1).astype(dtype)
    assert_same_grid(lambda: mi.diag(mi.asarray(n), k),
                     lambda: np.diag(n, k))
    assert_same_grid(lambda: mi.diag(n.tolist(), k),
                     lambda: np.diag(n.tolist(), k))


@given(k=st.integers(-4, 4))
def test_diag_of_a_matrix(k):
    """A 2-d input gives its diagonal: NumPy's read-only view."""
    n = np.arange(12).reshape(3, 4)
    m = mi.asarray(n)
    assert_same_grid(lambda: mi.diag(m, k), lambda: np.diag(n, k))
    assert mi.diag(m, k).base is m


@pytest.mark.parametrize("value, k", [(5, 0), (np.zeros((2, 2, 2)), 0),
                                      ([1, 2], 1.5)])
def test_diag_errors_match_numpy(value, k):
    assert_same_grid(lambda: mi.diag(value, k), lambda: np.diag(value, k))
