"""The tutorial's helpers against NumPy: round/around (arrays and
scalars, one rule), diff, count_nonzero, cumulative_sum/prod, copy,
real/imag, isclose/allclose/array_equal and the constants.  (The
array methods ``setflags`` and ``del a[i]`` are tested with the flags,
in test_array.py.)

Inputs come in every layout (C, F, sliced with negative steps,
transposed, broadcast, windows, read-only, 0-d and empty) and dtype;
results are compared for dtype, shape, strides, flags, values (bit for
bit, NaN equal to NaN) and, for views, their base; bad calls for the
exception class and message.
"""
import math
import struct

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import minind as mi
from minind import _numeric

from strategies import (LAYOUTS, assert_same, assert_same_scalar, dtypes,
                        layout_twins, twins)

FLOATS = st.sampled_from([np.dtype("float32"), np.dtype("float64")])


def assert_same_result(m_result, n_result):
    """An array result as NumPy's (layout, flags, values), or a scalar
    of NumPy's type and value."""
    if isinstance(n_result, np.ndarray):
        assert_same(m_result, n_result)
        assert m_result.flags.owndata == n_result.flags.owndata
    else:
        assert_same_scalar(m_result, n_result)


def bits(value):
    """A float's bytes, so that -0.0 and 0.0, NaNs, differ."""
    return struct.pack("<d", float(value))


def numpy_call(call):
    """NumPy, with its floating-point warnings silenced (minind gives
    the same values without them, README)."""
    with np.errstate(all="ignore"):
        return call()


def outcome(call):
    try:
        with np.errstate(all="ignore"):
            return True, call()
    except Exception as error:      # noqa: BLE001 -- compared below
        return False, error


def compare(m_call, n_call):
    """The same result, or the same exception: class (NumPy's
    UFuncTypeError and its subclasses are mi.UFuncTypeError) and
    message.  Returns (m, n) or None."""
    n_ok, n_result = outcome(n_call)
    m_ok, m_result = outcome(m_call)
    if not n_ok:
        assert not m_ok, f"NumPy raised {n_result!r}, minind returned"
        if isinstance(n_result, np._core._exceptions.UFuncTypeError):
            assert isinstance(m_result, mi.UFuncTypeError), m_result
        elif isinstance(n_result, np.exceptions.AxisError):
            assert isinstance(m_result, mi.AxisError), m_result
        else:
            assert type(m_result) is type(n_result), (m_result, n_result)
        assert str(m_result) == str(n_result)
        return None
    if not m_ok:
        raise AssertionError(f"NumPy returned, minind raised "
                             f"{m_result!r}") from m_result
    assert_same_result(m_result, n_result)
    return m_result, n_result


# ---------------------------------------------------------------------------
# round, around, a.round()
# ---------------------------------------------------------------------------

decimals = st.integers(-25, 25) | st.sampled_from([-400, 400, 0, 1, -1])


def int_round_overflows(n, places):
    """Whether rounding integers ``n`` to ``places`` < 0 (in float64)
    gives a value the dtype cannot hold: NumPy's cast back is then
    platform-dependent (README: Differences from NumPy)."""
    if n.dtype.kind not in "iu" or places >= 0 or not n.size:
        return False
    with np.errstate(all="ignore"):
        rounded = np.round(n.astype(np.float64), places)
    info = np.iinfo(n.dtype)
    if not np.isfinite(rounded).all():
        return True
    values = rounded.ravel().tolist()     # Python compares float/int exactly
    return min(values) < info.min or max(values) > info.max


@given(pair=twins(), places=decimals)
def test_round_matches_numpy_bit_for_bit(pair, places):
    """Every dtype and layout: NumPy's scale, rint, unscale in the
    array's dtype (float32 stays float32), integers through float64
    (wrapping as NumPy's cast), the result's memory order, 0-d results
    as scalars; bool's casting error for decimals != 0."""
    m, n = pair
    if n.dtype.kind == "b" and places == 0:
        return         # rint of bool: float16 in NumPy, float32 here
    if int_round_overflows(n, places):
        return
    for function in ("round", "around"):
        result = compare(lambda: getattr(mi, function)(m, places),
                         lambda: getattr(np, function)(n, places))
        if result is not None and isinstance(result[1], np.ndarray):
            assert result[0].tobytes() == result[1].tobytes()
    compare(lambda: m.round(places), lambda: n.round(places))
    compare(lambda: m.round(decimals=places),
            lambda: n.round(decimals=places))


@pytest.mark.parametrize("layout", LAYOUTS)
@given(data=st.data())
def test_round_keeps_numpys_layout(layout, data):
    """A float array rounds into a new C array (F if the input is
    F-only); an integer one copies in its own memory order ("K")."""
    m, n = data.draw(layout_twins(layout, dtypes))
    places = data.draw(st.sampled_from([0, 2, -1]))
    if n.dtype.kind == "b" or int_round_overflows(n, places):
        return
    compare(lambda: mi.round(m, places), lambda: np.round(n, places))


@given(value=st.floats(allow_nan=True, allow_infinity=True),
       places=st.integers(-8, 12) | st.integers(-330, 330), dtype=FLOATS)
def test_scalar_round_is_the_array_rule(value, places, dtype):
    """``round(x, n)`` of a scalar equals NumPy's scalar round bit for
    bit: the same code as the arrays' (``_numeric.round``)."""
    with np.errstate(all="ignore"):
        n = dtype.type(value)
        want = round(n, places)
    m = getattr(mi, dtype.name)(value)
    got = round(m, places)
    assert_same_scalar(got, want)
    assert bits(got) == bits(want)
    assert_same_scalar(mi.round(m, places), numpy_call(
        lambda: np.round(n, places)))
    assert_same_scalar(m.round(places), numpy_call(lambda: n.round(places)))
    if math.isfinite(float(n)):
        assert round(m) == round(n) and type(round(m)) is int


@given(value=st.integers(-2**63, 2**63 - 1), places=st.integers(-20, 3),
       dtype=st.sampled_from(["int8", "uint8", "int16", "uint16", "int32",
                              "uint32", "int64", "uint64"]))
def test_scalar_round_of_integers(value, places, dtype):
    info = np.iinfo(dtype)
    value = min(max(value, info.min), info.max)
    assume(places >= -18 and abs(value) < 2**53)
    n = np.dtype(dtype).type(value)
    m = getattr(mi, dtype)(value)
    with np.errstate(all="ignore"):
        assert_same_scalar(round(m, places), round(n, places))


def test_round_examples():
    """Half to even, the tutorial's ``.round(6)``, negative places,
    float32's own arithmetic (0.125 * 100 in float32), overflow to
    NaN, uint8 wrapping."""
    values = [0.5, 1.5, 2.5, -0.5, -2.5, 0.125, 1234.5678, 1e300, -0.0]
    for dtype in ("float32", "float64"):
        n = numpy_call(lambda: np.array(values, dtype))
        m = mi.asarray(n)
        for places in (0, 1, 2, 6, -1, -2, -300, 300, 400):
            want = numpy_call(lambda: np.round(n, places))
            got = mi.round(m, places)
            assert_same(got, want)
            assert got.tobytes() == want.tobytes()
    n = np.array([255, 250, 5, 15, 25], np.uint8)
    assert_same(mi.round(mi.asarray(n), -1), numpy_call(
        lambda: np.round(n, -1)))
    assert_same_scalar(mi.round(2.5), np.round(2.5))
    assert_same_scalar(mi.round(7, -1), np.round(7, -1))
    assert_same(mi.round([1.25, 2.35], 1), np.round([1.25, 2.35], 1))
    assert_same_scalar(mi.float64(2.675).round(2), np.float64(2.675).round(2))
    assert_same_scalar(mi.int8(-128).round(-1), np.int8(-128).round(-1))
    # out= of another shape but the same size: the ufuncs broadcast.
    out_m, out_n = mi.zeros((1, 3)), np.zeros((1, 3))
    mi.round(mi.asarray([0.5, 1.5, 2.5]), 0, out_m)
    np.round(np.asarray([0.5, 1.5, 2.5]), 0, out_n)
    assert_same(out_m, out_n)


@given(pair=twins(dtype=dtypes, layouts=["C", "F", "sliced"]),
       out_dtype=dtypes, places=st.sampled_from([-1, 0, 1, 3]),
       order=st.sampled_from("CF"))
def test_round_out(pair, out_dtype, places, order):
    """``out=`` is written and returned (or NumPy's error, with ``out``
    left as it was); ``out=a`` rounds in place."""
    m, n = pair
    if n.dtype.kind == "b" and places == 0:
        return
    if out_dtype.kind in "iu" and n.dtype.kind in "fb" and places <= 0:
        return         # float -> int casts of inf/NaN: platform-dependent
    n_out = np.zeros(n.shape, out_dtype, order=order)
    m_out = mi.zeros(n.shape, out_dtype, order=order)
    result = compare(lambda: mi.round(m, places, out=m_out),
                     lambda: np.round(n, places, out=n_out))
    if result is not None:
        assert result[0] is m_out and result[1] is n_out
    assert_same(m_out, n_out)
    if n.flags.writeable and not int_round_overflows(n, places):
        compare(lambda: mi.round(m, places, out=m),
                lambda: np.round(n, places, out=n))
        assert_same(m, n)


ROUND_ERRORS = [
    lambda xp: xp.round(xp.zeros(3), 1.5),
    lambda xp: xp.round(xp.zeros(3), "1"),
    lambda xp: xp.round(xp.zeros(3), 2**40),
    lambda xp: xp.round(xp.zeros(3), out=xp.zeros(2)),
    lambda xp: xp.round(xp.arange(3), out=xp.zeros(2)),
    lambda xp: xp.round(xp.arange(3), out=xp.zeros(3, bool)),
    lambda xp: xp.round(xp.arange(3), -1, out=xp.zeros(3, "int64")),
    lambda xp: xp.round(xp.zeros(3), 2, out=xp.zeros(3, "int64")),
    lambda xp: xp.round(xp.arange(3), out=xp.zeros(3)[:, None]),
    lambda xp: xp.round(xp.zeros(3), out=[0.0] * 3),
    lambda xp: xp.round(xp.zeros(3), -2**31 - 1),
    lambda xp: xp.round(xp.zeros(3), out=xp.broadcast_to(xp.zeros(1),
                                                          (3,))),
    lambda xp: xp.zeros(3).round(1, xp.zeros(3, "int8")),
]


@pytest.mark.parametrize("call", ROUND_ERRORS)
def test_round_errors_match_numpy(call):
    assert compare(lambda: call(mi), lambda: call(np)) is None


def test_round_of_bool_needs_a_float_output():
    """NumPy's bool has no integer shortcut: multiply by 10 into a bool
    output fails with its casting error (a UFuncTypeError)."""
    n, m = np.array([True, False]), mi.array([True, False])
    with pytest.raises(np.exceptions.UFuncTypeError if hasattr(
            np.exceptions, "UFuncTypeError") else TypeError) as n_info:
        np.round(n, 1)
    with pytest.raises(mi.UFuncTypeError) as m_info:
        mi.round(m, 1)
    assert str(m_info.value) == str(n_info.value)
    out = np.zeros(2)
    assert_same(mi.round(m, 1, out=mi.zeros(2)), np.round(n, 1, out=out))


# ---------------------------------------------------------------------------
# diff
# ---------------------------------------------------------------------------

@given(pair=twins(shape=hnp.array_shapes(min_dims=1, max_dims=3,
                                         min_side=0, max_side=5)),
       data=st.data())
def test_diff_matches_numpy(pair, data):
    """Any order, axis, layout and dtype (bool by not_equal, unsigned
    wrapping), each order's result laid out as NumPy's subtract."""
    m, n = pair
    order = data.draw(st.integers(0, 4))
    axis = data.draw(st.integers(-n.ndim, n.ndim - 1))
    result = compare(lambda: mi.diff(m, order, axis),
                     lambda: np.diff(n, order, axis))
    if order == 0:
        assert result[0] is m


@given(pair=twins(shape=hnp.array_shapes(min_dims=1, max_dims=3,
                                         min_side=1, max_side=4)),
       data=st.data())
def test_diff_prepend_append(pair, data):
    """Scalars broadcast to one slab, arrays concatenated (promoting the
    dtype as concatenate does)."""
    m, n = pair
    axis = data.draw(st.integers(-n.ndim, n.ndim - 1))
    shape = list(n.shape)
    shape[axis] = data.draw(st.integers(0, 2))
    extra_dtype = data.draw(dtypes)
    extra = data.draw(hnp.arrays(extra_dtype, tuple(shape))
                      | st.integers(-3, 3) | st.floats(-2, 2))
    m_extra = mi.asarray(extra) if isinstance(extra, np.ndarray) else extra
    where = data.draw(st.sampled_from(["prepend", "append", "both"]))
    kwargs_m, kwargs_n = {}, {}
    for name in ("prepend", "append"):
        if where in (name, "both"):
            kwargs_m[name], kwargs_n[name] = m_extra, extra
    compare(lambda: mi.diff(m, 1, axis, **kwargs_m),
            lambda: np.diff(n, 1, axis, **kwargs_n))


def test_diff_examples():
    """The tutorial's returns and price changes, and NumPy's examples."""
    prices = np.array([100.0, 101.5, 99.0, 102.25])
    # The log returns, from the same logs: log's last bit is allowed to
    # differ from NumPy's (tests/test_vector_math.py bounds it), and diff
    # of two close numbers shows that bit as a relative error.
    logs = np.log(prices)
    assert_same(mi.diff(mi.asarray(logs)), np.diff(logs))
    np.testing.assert_allclose(np.asarray(mi.diff(mi.log(mi.asarray(
        prices)))), np.diff(logs), rtol=1e-12)
    assert_same(mi.diff(mi.asarray(prices)), np.diff(prices))
    x = np.array([[1, 3, 6, 10], [0, 5, 6, 8]])
    assert_same(mi.diff(mi.asarray(x)), np.diff(x))
    assert_same(mi.diff(mi.asarray(x), axis=0), np.diff(x, axis=0))
    u = np.array([1, 0], dtype=np.uint8)
    assert_same(mi.diff(mi.asarray(u)), np.diff(u))
    assert_same(mi.diff([True, False, False]), np.diff([True, False, False]))
    assert_same(mi.diff([1, 2, 4], prepend=0, append=[9, 9]),
                np.diff([1, 2, 4], prepend=0, append=[9, 9]))
    data = [1, 2]
    assert mi.diff(data, n=0) is data


DIFF_ERRORS = [
    lambda xp: xp.diff(xp.arange(3), n=-1),
    lambda xp: xp.diff(xp.arange(3), n=-5, axis=7),
    lambda xp: xp.diff(xp.zeros(())),
    lambda xp: xp.diff(5),
    lambda xp: xp.diff(xp.arange(3), axis=1),
    lambda xp: xp.diff(xp.arange(3), axis=-2),
    lambda xp: xp.diff(xp.arange(3), axis=None),
    lambda xp: xp.diff(xp.arange(3), axis=1.0),
    lambda xp: xp.diff(xp.arange(3), axis="0"),
    lambda xp: xp.diff(xp.arange(3), axis=2**70),
    lambda xp: xp.diff(xp.arange(3), n=1.5),
    lambda xp: xp.diff(xp.zeros((2, 2)), prepend=xp.zeros(3)),
    lambda xp: xp.diff(xp.zeros((2, 2)), append=xp.zeros((3, 1)), axis=1),
]


@pytest.mark.parametrize("call", DIFF_ERRORS)
def test_diff_errors_match_numpy(call):
    assert compare(lambda: call(mi), lambda: call(np)) is None


@given(pair=twins(), data=st.data())
def test_ediff1d_matches_numpy(pair, data):
    """The flattened differences between optional edges (arrays of any
    shape, Python numbers; refused unless they cast same_kind), in a
    new 1-d array of the input's dtype; bool's subtraction error."""
    m, n = pair
    kwargs_m, kwargs_n = {}, {}
    for name in ("to_begin", "to_end"):
        kind = data.draw(st.sampled_from(["none", "number", "array"]))
        if kind == "number":
            kwargs_m[name] = kwargs_n[name] = data.draw(
                st.integers(-300, 300) | st.floats(-2, 2))
        elif kind == "array":
            edge = data.draw(hnp.arrays(data.draw(dtypes),
                                        hnp.array_shapes(min_dims=0,
                                                         max_dims=2,
                                                         max_side=3)))
            if edge.dtype.kind == "f" and n.dtype.kind in "iu":
                continue       # refused by the same_kind check anyway
            kwargs_m[name], kwargs_n[name] = mi.asarray(edge), edge
    compare(lambda: mi.ediff1d(m, **kwargs_m),
            lambda: np.ediff1d(n, **kwargs_n))


def test_ediff1d_examples():
    x = np.array([1, 2, 4, 7, 0])
    m = mi.asarray(x)
    assert_same(mi.ediff1d(m), np.ediff1d(x))
    assert_same(mi.ediff1d(m, to_begin=-99, to_end=np.array([88, 99])),
                np.ediff1d(x, to_begin=-99, to_end=np.array([88, 99])))
    y = [[1, 2, 4], [1, 6, 24]]
    assert_same(mi.ediff1d(y), np.ediff1d(y))
    for call in (lambda xp: xp.ediff1d(xp.zeros(3, "uint8"), to_begin=-1),
                 lambda xp: xp.ediff1d(xp.zeros(3, "int8"), to_end=1.5),
                 lambda xp: xp.ediff1d(xp.asarray([True, False])),
                 lambda xp: xp.ediff1d(xp.zeros(3, "int8"), to_begin=[300])):
        compare(lambda: call(mi), lambda: call(np))


# ---------------------------------------------------------------------------
# count_nonzero, cumulative_sum, cumulative_prod
# ---------------------------------------------------------------------------

@given(pair=twins(), data=st.data())
def test_count_nonzero_matches_numpy(pair, data):
    """NaN and -0.0 as NumPy counts them; an int64 scalar for the whole
    array, an int64 array per axis (or tuple of axes), keepdims."""
    m, n = pair
    axis = data.draw(st.none() | st.integers(-n.ndim - 1, n.ndim)
                     | st.lists(st.integers(-n.ndim, max(n.ndim - 1, 0)),
                                max_size=2).map(tuple))
    keepdims = data.draw(st.booleans())
    compare(lambda: mi.count_nonzero(m, axis=axis, keepdims=keepdims),
            lambda: np.count_nonzero(n, axis=axis, keepdims=keepdims))


def test_count_nonzero_of_python_data():
    for value in (0, 3, [0, 1, 2], [[0.0, -0.0], [math.nan, 1.5]], []):
        compare(lambda: mi.count_nonzero(value),
                lambda: np.count_nonzero(value))
        compare(lambda: mi.count_nonzero(value, keepdims=True),
                lambda: np.count_nonzero(value, keepdims=True))


@pytest.mark.parametrize("name", ["cumulative_sum", "cumulative_prod"])
@given(pair=twins(), data=st.data())
def test_cumulative_matches_numpy(name, pair, data):
    """The Array API's running sums and products: axis (required beyond
    1-d), dtype (bool and small integers accumulate in int64, as
    NumPy's add), include_initial's identity in front."""
    m, n = pair
    axis = data.draw(st.none() | st.integers(-n.ndim - 1, n.ndim))
    dtype = data.draw(st.none() | dtypes)
    initial = data.draw(st.booleans())
    if dtype is not None and dtype.kind in "iu" and n.dtype.kind == "f":
        return         # float -> int casts of inf/NaN: platform-dependent
    compare(lambda: getattr(mi, name)(m, axis=axis, dtype=dtype,
                                      include_initial=initial),
            lambda: getattr(np, name)(n, axis=axis, dtype=dtype,
                                      include_initial=initial))


@pytest.mark.parametrize("name", ["cumulative_sum", "cumulative_prod"])
@given(pair=twins(dtype=st.sampled_from([np.dtype("int16"),
                                         np.dtype("float64")]),
                  shape=hnp.array_shapes(min_dims=1, max_dims=2,
                                         max_side=4)),
       data=st.data())
def test_cumulative_out(name, pair, data):
    m, n = pair
    axis = data.draw(st.integers(0, n.ndim - 1))
    initial = data.draw(st.booleans())
    shape = list(n.shape)
    shape[axis] += initial
    out_dtype = data.draw(st.sampled_from(["int64", "float64", "int8"]))
    if n.dtype.kind == "f" and out_dtype != "float64":
        return         # float -> int casts of big values: platform-dependent
    n_out, m_out = np.zeros(shape, out_dtype), mi.zeros(shape, out_dtype)
    result = compare(
        lambda: getattr(mi, name)(m, axis=axis, out=m_out,
                                  include_initial=initial),
        lambda: getattr(np, name)(n, axis=axis, out=n_out,
                                  include_initial=initial))
    if result is not None:
        assert result[0] is m_out and result[1] is n_out
        assert_same(m_out, n_out)


def test_cumulative_examples():
    for value in (5, [1, 2, 3], [True, True, False], [[1, 2], [3, 4]]):
        for name in ("cumulative_sum", "cumulative_prod"):
            for initial in (False, True):
                compare(lambda: getattr(mi, name)(
                            value, include_initial=initial),
                        lambda: getattr(np, name)(
                            value, include_initial=initial))
                compare(lambda: getattr(mi, name)(
                            value, axis=-1, include_initial=initial),
                        lambda: getattr(np, name)(
                            value, axis=-1, include_initial=initial))


# ---------------------------------------------------------------------------
# copy, real, imag
# ---------------------------------------------------------------------------

@given(pair=twins(), order=st.sampled_from(["K", "A", "C", "F", None]))
def test_copy_matches_numpy(pair, order):
    """A new writeable owner; "K" (the default, unlike ``a.copy()``)
    keeps the input's memory order."""
    m, n = pair
    kwargs = {} if order is None else {"order": order}
    m_result, n_result = mi.copy(m, **kwargs), np.copy(n, **kwargs)
    assert_same(m_result, n_result)
    assert m_result.flags.owndata and m_result.base is None
    assert not mi.shares_memory(m_result, m)


def test_copy_of_python_data_and_errors():
    for value in (3, 2.5, [1, 2], [[1.5], [2.5]]):
        assert_same(mi.copy(value), np.copy(value))
    compare(lambda: mi.copy([1], order="X"), lambda: np.copy([1], order="X"))


@given(pair=twins())
def test_real_is_the_array_itself(pair):
    """NumPy's ``.real`` of a real array is that array."""
    m, n = pair
    assert np.real(n) is n
    assert mi.real(m) is m


@given(pair=twins())
def test_imag_is_read_only_zeros(pair):
    """A new owner of zeros, C order unless the input is F-only, not
    writeable, as NumPy's ``.imag`` of a real array."""
    m, n = pair
    m_result, n_result = mi.imag(m), np.imag(n)
    assert_same(m_result, n_result)
    assert m_result.flags.owndata and m_result.base is None
    with pytest.raises(ValueError, match="read-only"):
        m_result[...] = 1
    # An owner all the same: it may be made writeable, as NumPy's.
    n_result.flags.writeable = True
    m_result.flags.writeable = True
    assert_same(m_result, n_result)


@given(data=st.data(), pair=twins())
def test_conj_method_is_the_array_itself(data, pair):
    """``a.conj()`` and ``a.conjugate()`` of a real array are the array
    (NumPy's ``PyArray_Conjugate``); with ``out`` a copy into it (any
    broadcastable shape, same_kind casting, NumPy's errors), ``out``
    returned; ``mi.conj`` is the ufunc, a new array."""
    m, n = pair
    name = data.draw(st.sampled_from(["conj", "conjugate"]))
    assert getattr(n, name)() is n
    assert getattr(m, name)() is m
    assert getattr(m, name)(None) is m
    compare(lambda: mi.conj(m), lambda: np.conj(n))
    compare(lambda: mi.conjugate(m), lambda: np.conjugate(n))
    shape = data.draw(st.sampled_from([n.shape, n.shape[1:], (2,) + n.shape,
                                       (7,)]))
    n_out = np.ones(shape, data.draw(dtypes))
    m_out = mi.array(n_out)
    got = compare(lambda: getattr(m, name)(m_out),
                  lambda: getattr(n, name)(n_out))
    if got is not None:
        assert got[0] is m_out
    np.testing.assert_array_equal(np.asarray(m_out), n_out, strict=True)
    for xp_array, out in ((m, [1]), (n, [1])):
        with pytest.raises(TypeError, match="output must be an array"):
            getattr(xp_array, name)(out)
    with pytest.raises(TypeError):
        m.conj(out=m_out)


def test_real_and_imag_of_scalars_and_python_data():
    for value in (3, 2.5, True):
        assert type(mi.real(value)) is type(np.real(value))
        assert mi.real(value) == np.real(value)
        assert type(mi.imag(value)) is type(np.imag(value))
        assert mi.imag(value) == np.imag(value)
    for name in ("float32", "int8", "uint64", "bool"):
        n = np.dtype(name).type(1)
        m = getattr(mi, name)(1)
        assert_same_scalar(mi.real(m), np.real(n))
        assert_same_scalar(mi.imag(m), np.imag(n))
    for value in ([1, 2], [[1.5]], np.arange(3.0)):
        assert_same(mi.real(value), np.real(value))
        assert_same(mi.imag(value), np.imag(value))


# ---------------------------------------------------------------------------
# isclose, allclose, array_equal
# ---------------------------------------------------------------------------

@given(pair=twins(), data=st.data())
def test_isclose_allclose_match_numpy(pair, data):
    """Against a nudged copy, itself, a broadcast row or a Python
    number; any tolerances; NaN and inf."""
    m, n = pair
    kind = data.draw(st.sampled_from(["nudged", "self", "number",
                                      "other"]))
    if kind == "nudged":
        delta = data.draw(st.sampled_from([0.0, 1e-9, 1e-6, 1e-3, 1.0]))
        other = (n.astype(np.float64) * (1 + delta) + delta)
        other = other.astype(data.draw(dtypes), copy=False) if data.draw(
            st.booleans()) else other
        m_other, n_other = mi.array(other), other
    elif kind == "self":
        m_other, n_other = m, n
    elif kind == "number":
        n_other = m_other = data.draw(
            st.integers(-3, 3) | st.floats(-3, 3) | st.just(math.inf)
            | st.just(math.nan) | st.booleans())
    else:
        shape = n.shape[-1:] if data.draw(st.booleans()) else n.shape
        n_other = data.draw(hnp.arrays(data.draw(dtypes), shape,
                                       elements=None))
        m_other = mi.asarray(n_other)
    rtol = data.draw(st.sampled_from([1e-5, 0.0, 0.1, 1]))
    atol = data.draw(st.sampled_from([1e-8, 0.0, 0.5, 2]))
    equal_nan = data.draw(st.booleans())
    for name in ("isclose", "allclose"):
        for first, second in (((m, m_other), (n, n_other)),
                              ((m_other, m), (n_other, n))):
            result = compare(
                lambda: getattr(mi, name)(*first, rtol=rtol, atol=atol,
                                          equal_nan=equal_nan),
                lambda: getattr(np, name)(*second, rtol=rtol, atol=atol,
                                          equal_nan=equal_nan)) \
                if name == "isclose" else None
            if name == "allclose":
                with np.errstate(all="ignore"):
                    try:
                        want = np.allclose(*second, rtol=rtol, atol=atol,
                                           equal_nan=equal_nan)
                    except Exception as error:   # noqa: BLE001
                        with pytest.raises(type(error)):
                            mi.allclose(*first, rtol=rtol, atol=atol,
                                        equal_nan=equal_nan)
                        continue
                got = mi.allclose(*first, rtol=rtol, atol=atol,
                                  equal_nan=equal_nan)
                assert type(got) is bool and got == want


def test_isclose_examples():
    """NumPy's docstring cases: scalars give a bool scalar, the smallest
    integer does not overflow, tolerances as arrays, infinities."""
    cases = [
        ([1e10, 1e-7], [1.00001e10, 1e-8], {}),
        ([1e10, 1e-8], [1.00001e10, 1e-9], {}),
        ([1.0, np.nan], [1.0, np.nan], {}),
        ([1.0, np.nan], [1.0, np.nan], {"equal_nan": True}),
        ([1e-8, 1e-7], [0.0, 0.0], {}),
        ([1e-100, 1e-7], [0.0, 0.0], {"atol": 0.0}),
        ([1e-10, 1e-10], [1e-20, 0.0], {}),
        ([1e-10, 1e-10], [1e-20, 0.999999e-10], {"atol": 0.0}),
        (np.iinfo(np.int64).min, np.iinfo(np.int64).max, {}),
        (np.array([np.iinfo(np.int8).min], np.int8), 0, {}),
        ([np.inf, -np.inf, 1.0], [np.inf, np.inf, np.inf], {}),
        (1.0, 1.0 + 1e-9, {}),
        (1, 2, {"atol": 1}),
        ([1.0, 2.0], [1.1, 2.2], {"rtol": np.array([0.2, 0.01])}),
        (np.float32(1), 1.0000001, {}),
        # NEP 50: with Python-number b, atol and rtol the tolerance is a
        # Python float, compared in x's float32 (NumPy's test_nep50_isclose)
        (np.array(1 - 2 ** -52, np.float32), 2,
         {"atol": 0, "rtol": (1 - 2 ** -52) / 2}),
        (np.array(1 - 2 ** -52, np.float32), 1 - 2 ** -52,
         {"atol": 0, "rtol": 0}),
        (np.array(1 - 2 ** -52, np.float32), np.float64(1 - 2 ** -52),
         {"atol": 0, "rtol": 0}),
    ]
    for a, b, kwargs in cases:
        m_a = mi.asarray(a) if isinstance(a, np.ndarray) else a
        compare(lambda: mi.isclose(m_a, b, **{
                    k: mi.asarray(v) if isinstance(v, np.ndarray) else v
                    for k, v in kwargs.items()}),
                lambda: np.isclose(a, b, **kwargs))
        assert mi.allclose(m_a, b, **{
            k: mi.asarray(v) if isinstance(v, np.ndarray) else v
            for k, v in kwargs.items()}) == np.allclose(a, b, **kwargs)


def test_isclose_warns_of_a_bad_tolerance():
    with pytest.warns(RuntimeWarning) as m_record:
        mi.isclose(1.0, 1.0, atol=math.nan)
    with pytest.warns(RuntimeWarning) as n_record:
        np.isclose(1.0, 1.0, atol=math.nan)
    assert str(m_record[0].message) == str(n_record[0].message)


@given(pair=twins(), data=st.data())
def test_array_equal_matches_numpy(pair, data):
    m, n = pair
    kind = data.draw(st.sampled_from(["copy", "changed", "other",
                                      "broadcastable"]))
    n_other = n.copy()
    if kind == "changed" and n.size:
        flat = n_other.reshape(-1)
        flat[data.draw(st.integers(0, n.size - 1))] = data.draw(
            hnp.from_dtype(n.dtype))
    elif kind == "other":
        n_other = data.draw(hnp.arrays(data.draw(dtypes), n.shape))
    elif kind == "broadcastable":
        n_other = n_other[..., :1] if n.ndim else n_other[None]
    if data.draw(st.booleans()):
        n_other = n_other.astype(data.draw(dtypes))
    m_other = mi.array(n_other)
    for equal_nan in (False, True):
        with np.errstate(all="ignore"):
            want = np.array_equal(n, n_other, equal_nan=equal_nan)
        got = mi.array_equal(m, m_other, equal_nan=equal_nan)
        assert type(got) is bool and got == want
        assert mi.array_equal(m, m, equal_nan=equal_nan) == np.array_equal(
            n, n, equal_nan=equal_nan)


def test_array_equal_of_python_data():
    nan = math.nan
    for a, b in [([1, 2], [1, 2]), ([1, 2], [1, 2, 3]), (1, 1.0),
                 ([nan], [nan]), ([[1, nan]], [[1, nan]]), ([1], "a"),
                 ([[1], [1, 2]], [1]), ([], [])]:
        for equal_nan in (False, True):
            assert mi.array_equal(a, b, equal_nan) == np.array_equal(
                a, b, equal_nan)


# ---------------------------------------------------------------------------
# The constants
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["nan", "inf", "pi", "e", "euler_gamma"])
def test_constants_are_numpys_python_floats(name):
    got, want = getattr(mi, name), getattr(np, name)
    assert type(got) is float and type(want) is float
    assert bits(got) == bits(want)
    assert name in mi.__all__
    assert mi.newaxis is np.newaxis is None


def test_numeric_module_is_not_numpy():
    assert "numpy" not in _numeric.__dict__
