"""Tests for minind._format: repr()/str() text must match NumPy's exactly.

NumPy is the oracle.  Each NumPy array is wrapped in a tiny adapter that
offers only what ``_format`` may use (shape, ndim, size, dtype.name and
scalar indexing by a tuple of ints), and the text produced from it is
compared with ``repr(arr)`` / ``str(arr)``.
"""

import math
import time
from types import SimpleNamespace

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra.numpy import array_shapes, arrays, from_dtype

from minind._format import array_repr, array_str


def scaled(examples):
    """``examples`` on the ci profile, proportionally more on thorough."""
    return examples * max(1, settings.default.max_examples // 60)


THRESHOLD = 1000      # NumPy summarises arrays with more elements

DTYPES = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16',
          'uint32', 'uint64', 'float32', 'float64']


class Adapter:
    """The minimal array interface ``_format`` relies on."""

    def __init__(self, arr):
        self._arr = arr
        self.shape = arr.shape
        self.ndim = arr.ndim
        self.size = arr.size
        self.dtype = SimpleNamespace(name=arr.dtype.name)
        self.fetched = 0

    def __getitem__(self, index):
        assert type(index) is tuple and len(index) == self.ndim
        for i, n in zip(index, self.shape):
            assert type(i) is int and 0 <= i < n
        self.fetched += 1
        return self._arr[index].item()


def check(arr):
    """Assert both texts match NumPy; return the adapter for inspection."""
    adapter = Adapter(arr)
    assert array_repr(adapter) == repr(arr)
    assert array_str(adapter) == str(arr)
    return adapter


# ---------------------------------------------------------------------
# Worked examples: the expected text is spelled out, and NumPy agrees.
# ---------------------------------------------------------------------

f4, f8 = np.float32, np.float64

EXAMPLES = [
    # integers and booleans; dtype= for everything but int64/float64/bool
    (np.array([1, 2, 3]), 'array([1, 2, 3])', '[1 2 3]'),
    (np.array([1, 2], np.int8), 'array([1, 2], dtype=int8)', '[1 2]'),
    (np.array([-5, 100], np.int16), 'array([ -5, 100], dtype=int16)',
     '[ -5 100]'),
    (np.array([2**64 - 1], np.uint64),
     'array([18446744073709551615], dtype=uint64)',
     '[18446744073709551615]'),
    (np.array([True, False]), 'array([ True, False])', '[ True False]'),
    # empty arrays always say their dtype, and their shape unless (0,)
    (np.array([], np.int64), 'array([], dtype=int64)', '[]'),
    (np.zeros((0, 3)), 'array([], shape=(0, 3), dtype=float64)', '[]'),
    (np.zeros((2, 0), bool), 'array([], shape=(2, 0), dtype=bool)', '[]'),
    # floats: bare points, padding to align the points
    (np.array([0., 1.]), 'array([0., 1.])', '[0. 1.]'),
    (np.array([1.5, 2.]), 'array([1.5, 2. ])', '[1.5 2. ]'),
    (np.array([-1.25, 10.]), 'array([-1.25, 10.  ])', '[-1.25 10.  ]'),
    (np.array([-0.]), 'array([-0.])', '[-0.]'),
    (np.array([0.1 + 0.2, 1 / 3]), 'array([0.3       , 0.33333333])',
     '[0.3        0.33333333]'),
    (np.array([0.001953125]), 'array([0.00195312])', '[0.00195312]'),
    (np.array([np.nan, 1.5, -np.inf]), 'array([ nan,  1.5, -inf])',
     '[ nan  1.5 -inf]'),
    (np.array([np.nan, np.inf]), 'array([nan, inf])', '[nan inf]'),
    # scientific notation: large, tiny, or widely spread magnitudes
    (np.array([1e20]), 'array([1.e+20])', '[1.e+20]'),
    (np.array([1e8]), 'array([1.e+08])', '[1.e+08]'),
    (np.array([1e7]), 'array([10000000.])', '[10000000.]'),
    (np.array([1e-5, 1.5e-5]), 'array([1.0e-05, 1.5e-05])',
     '[1.0e-05 1.5e-05]'),
    (np.array([1., 1001.]), 'array([1.000e+00, 1.001e+03])',
     '[1.000e+00 1.001e+03]'),
    (np.array([0., 1.5e-10]), 'array([0.0e+00, 1.5e-10])',
     '[0.0e+00 1.5e-10]'),
    (np.array([1e-5, 1e100]), 'array([1.e-005, 1.e+100])',
     '[1.e-005 1.e+100]'),
    (np.array([1e20, -0., np.nan]), 'array([ 1.e+20, -0.e+00,     nan])',
     '[ 1.e+20 -0.e+00     nan]'),
    # float32: shortest digits that identify the float32
    (np.array([0.1], f4), 'array([0.1], dtype=float32)', '[0.1]'),
    (np.array([1 / 3], f4), 'array([0.33333334], dtype=float32)',
     '[0.33333334]'),
    (np.array([1e6], f4), 'array([1.e+06], dtype=float32)', '[1.e+06]'),
    (np.array([1e-4], f4), 'array([0.0001], dtype=float32)', '[0.0001]'),
    (np.array([1.1, 1.23456789e-5], f4),
     'array([1.1000000e+00, 1.2345679e-05], dtype=float32)',
     '[1.1000000e+00 1.2345679e-05]'),
    # 0-d arrays; str() shows the scalar as NumPy's scalar str() does
    (np.array(5), 'array(5)', '5'),
    (np.array(1.5), 'array(1.5)', '1.5'),
    (np.array(3, np.int8), 'array(3, dtype=int8)', '3'),
    (np.array(True), 'array(True)', 'True'),
    (np.array(-0.), 'array(-0.)', '-0.0'),
    (np.array(1e20), 'array(1.e+20)', '1e+20'),
    (np.array(1e-5), 'array(1.e-05)', '1e-05'),
    (np.array(np.nan, f4), 'array(nan, dtype=float32)', 'nan'),
    (np.array(0.1, f4), 'array(0.1, dtype=float32)', '0.1'),
    (np.array(1e10, f4), 'array(1.e+10, dtype=float32)', '1e+10'),
    (np.array(123456.5, f4), 'array(123456.5, dtype=float32)', '123456.5'),
    # nesting: rows align under the first bracket, blank line between
    # 2-d blocks
    (np.arange(4.).reshape(2, 2), 'array([[0., 1.],\n       [2., 3.]])',
     '[[0. 1.]\n [2. 3.]]'),
    (np.arange(8).reshape(2, 2, 2),
     'array([[[0, 1],\n        [2, 3]],\n\n       [[4, 5],\n        [6, 7]]])',
     '[[[0 1]\n  [2 3]]\n\n [[4 5]\n  [6 7]]]'),
    (np.zeros((1, 1, 1, 1), np.uint8),
     'array([[[[0]]]], dtype=uint8)', '[[[[0]]]]'),
    # wrapping at 75 columns
    (np.arange(30),
     'array([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, '
     '15, 16,\n       17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29])',
     '[ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 '
     '23\n 24 25 26 27 28 29]'),
    # the dtype= suffix moves to its own line when it would not fit
    (np.arange(22, dtype=np.int16),
     'array([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, '
     '15, 16,\n       17, 18, 19, 20, 21],'
     ' dtype=int16)',
     '[ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21]'),
    (np.arange(31, dtype=np.int16),
     'array([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, '
     '15, 16,\n       17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, '
     '30],\n      dtype=int16)',
     '[ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 '
     '23\n 24 25 26 27 28 29 30]'),
    # summarised arrays (more than 1000 elements) also show their shape
    (np.arange(2000), 'array([   0,    1,    2, ..., 1997, 1998, 1999],'
     ' shape=(2000,))', '[   0    1    2 ... 1997 1998 1999]'),
    (np.arange(3000).reshape(3, 1000),
     'array([[   0,    1,    2, ...,  997,  998,  999],\n'
     '       [1000, 1001, 1002, ..., 1997, 1998, 1999],\n'
     '       [2000, 2001, 2002, ..., 2997, 2998, 2999]], shape=(3, 1000))',
     '[[   0    1    2 ...  997  998  999]\n'
     ' [1000 1001 1002 ... 1997 1998 1999]\n'
     ' [2000 2001 2002 ... 2997 2998 2999]]'),
    (np.zeros((1001, 1)),
     'array([[0.],\n       [0.],\n       [0.],\n       ...,\n'
     '       [0.],\n       [0.],\n       [0.]], shape=(1001, 1))',
     '[[0.]\n [0.]\n [0.]\n ...\n [0.]\n [0.]\n [0.]]'),
]


@pytest.mark.parametrize('arr, expected_repr, expected_str', EXAMPLES,
                         ids=[r for _, r, _ in EXAMPLES])
def test_examples(arr, expected_repr, expected_str):
    assert repr(arr) == expected_repr          # the oracle agrees
    assert str(arr) == expected_str
    adapter = Adapter(arr)
    assert array_repr(adapter) == expected_repr
    assert array_str(adapter) == expected_str


def test_summarised_3d_block():
    """A 3-d summary: '...' between blocks, blank lines around it."""
    arr = np.arange(7 * 7 * 30).reshape(7, 7, 30)
    text = array_str(check(arr))
    assert '\n\n ...\n\n' in text
    assert '\n  ...\n' in text


# ---------------------------------------------------------------------
# Large arrays: only the printed corners may be fetched.
# ---------------------------------------------------------------------

@pytest.mark.parametrize('arr, most', [
    (np.arange(10**7), 6),
    (np.broadcast_to(np.arange(1000.) / 7, (10**4, 1000)), 36),
    (np.broadcast_to(np.arange(100, dtype=f4), (1000, 100, 100)), 216),
    (np.broadcast_to(np.arange(1000) % 2 == 0, (10**4, 1000)), 36),
])
def test_large_arrays_fetch_only_corners(arr, most):
    start = time.perf_counter()
    adapter = check(arr)
    assert time.perf_counter() - start < 1.0
    assert adapter.fetched <= 2 * most            # repr + str


def test_summary_keeps_short_axes_whole():
    """Axes of length <= 6 are printed in full even in a summary."""
    arr = np.random.default_rng(1).standard_normal((6, 6, 6, 6))
    assert check(arr).fetched == 2 * arr.size


# ---------------------------------------------------------------------
# Property-based comparison with NumPy
# ---------------------------------------------------------------------

NICE_FLOATS = st.one_of(
    st.integers(-2000, 2000).map(lambda i: i / 16),
    st.sampled_from([0.0, -0.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e-4, 1e-5,
                     1e8, 1e16, 1e20, 1e-300, 5e-324, 1.7976931348623157e308,
                     math.nan, math.inf, -math.inf]),
    st.floats(-1e4, 1e4),
    st.builds(lambda m, e: m * 10.0 ** e,
              st.floats(-10, 10), st.integers(-12, 20)),
)


def elements(dtype):
    """Values of ``dtype``: its full range mixed with everyday numbers."""
    full = from_dtype(dtype)
    if dtype.kind == 'f':
        def cast(value):
            with np.errstate(over='ignore'):       # 1e308 -> float32 inf
                return float(dtype.type(value))
        return st.one_of(full, NICE_FLOATS.map(cast))
    if dtype.kind in 'iu':
        info = np.iinfo(dtype)
        small = st.integers(max(info.min, -100), min(info.max, 100))
        return st.one_of(full, small)
    return full


@st.composite
def numpy_arrays(draw, dtypes=DTYPES, max_dims=4, max_side=5):
    dtype = np.dtype(draw(st.sampled_from(dtypes)))
    shape = draw(array_shapes(min_dims=0, max_dims=max_dims, min_side=0,
                              max_side=max_side))
    return draw(arrays(dtype, shape, elements=elements(dtype)))


@settings(max_examples=scaled(400))
@given(numpy_arrays())
def test_small_arrays_match_numpy(arr):
    check(arr)


@settings(max_examples=scaled(150))
@given(numpy_arrays(dtypes=['float32', 'float64', 'int8', 'uint64',
                            'bool'], max_dims=2, max_side=30))
def test_line_wrapping_matches_numpy(arr):
    check(arr)


@settings(max_examples=scaled(300))
@given(st.sampled_from(['float32', 'float64']).flatmap(
    lambda name: arrays(np.dtype(name), array_shapes(min_dims=0, max_dims=1,
                                                     max_side=4),
                        elements=elements(np.dtype(name)))))
def test_float_digits_match_numpy(arr):
    """Shortest unique digits, precision 8 rounding, float32 round trip."""
    check(arr)


def random_values(rng, dtype, n):
    """n values of dtype with varied widths / magnitudes."""
    dtype = np.dtype(dtype)
    if dtype.kind == 'b':
        return rng.random(n) < 0.5
    if dtype.kind in 'iu':
        info = np.iinfo(dtype)
        bits = int(rng.integers(1, info.bits + 1))
        low = max(int(info.min), -2 ** (bits - 1))
        high = min(int(info.max), 2 ** bits - 1)
        return rng.integers(low, high, n, endpoint=True, dtype=dtype)
    scale = 10.0 ** rng.integers(-6, 12)
    values = (rng.standard_normal(n) * scale).astype(dtype)
    if rng.random() < 0.3:
        values = np.round(values, int(rng.integers(0, 3)))
    if rng.random() < 0.2:
        values[rng.integers(0, n, 3)] = [np.nan, np.inf, -np.inf]
    return values


@settings(max_examples=scaled(60))
@given(dtype=st.sampled_from(DTYPES),
       shape=array_shapes(min_dims=1, max_dims=4, min_side=1, max_side=12),
       axis=st.integers(0, 3), extra=st.integers(0, 20),
       seed=st.integers(0, 2**32 - 1))
def test_summarised_arrays_match_numpy(dtype, shape, axis, extra, seed):
    """Arrays over the threshold: ``...`` on every long axis."""
    axis %= len(shape)
    others = math.prod(shape) // shape[axis]
    length = max(shape[axis], THRESHOLD // others + 1) + extra
    shape = shape[:axis] + (length,) + shape[axis + 1:]
    rng = np.random.default_rng(seed)
    arr = random_values(rng, dtype, math.prod(shape)).reshape(shape)
    assert arr.size > THRESHOLD
    adapter = check(arr)
    printed = math.prod(min(n, 6) for n in shape)
    assert adapter.fetched == 2 * printed

