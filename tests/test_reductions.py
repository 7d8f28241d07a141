"""Reductions against NumPy: ufunc.reduce / accumulate / outer and the
functions built on them (sum, prod, min, max, mean, std, var, argmin,
argmax, all, any, cumsum, cumprod, nansum, nanmean, trace, ptp), as
functions and as
methods, on twins of every dtype and layout.

What is compared, NumPy being the oracle each time: the values, the result
dtype (NumPy's default accumulators: the sum of int8 is int64, of uint8
uint64, of bool int64), the shape, the exception class and the message
(AxisError, "duplicate value in 'axis'", "zero-size array to reduction
operation maximum which has no identity", "attempt to get argmax of an
empty sequence").  The layout of the results (strides, contiguity) has a
test of its own, so a layout difference does not hide a value difference.

Documented differences: a 0-d result is a Python scalar of the type of
NumPy's ``.item()``; NumPy's RuntimeWarnings are not reproduced.

Float values: integers and bools are compared exactly, and so are
maximum/minimum/argmax/argmin.  Float sums may round differently when
minind walks the elements in another order than NumPy; they are compared
with rtol 1e-12 (float64) / 1e-5 (float32) relative to the sum of the
absolute values (the error bound of any summation order, which also
covers cancellation).  The inputs of float sums are multiples of 1/4, of
products powers of two, so most of them are exact anyway; the tests of
pairwise summation and of row and column sums use random floats and
require NumPy's exact result.
"""
import math
import warnings

import numpy as np
import pytest
from hypothesis import assume, given, settings, strategies as st
from hypothesis.extra import numpy as hnp

import minind as mi
from strategies import (BASE_LAYOUTS, DTYPE_NAMES, LAYOUTS, NP_DTYPES,
                        assert_same, assert_same_scalar, elements,
                        exact_layout, sliced, twin_of, twins)

REDUCE_UFUNCS = ["add", "multiply", "maximum", "minimum", "logical_and",
                 "logical_or", "bitwise_and", "bitwise_or", "bitwise_xor"]
ACCUMULATE_UFUNCS = ["add", "multiply", "maximum", "minimum"]
# function name -> (axis kind, has keepdims, dtype= accepted, has method)
FUNCTIONS = {
    "sum": ("tuple", True, "any", True),
    "prod": ("tuple", True, "any", True),
    "min": ("tuple", True, None, True),
    "max": ("tuple", True, None, True),
    "mean": ("tuple", True, "float", True),
    "var": ("tuple", True, "float", True),
    "std": ("tuple", True, "float", True),
    "argmin": ("int", True, None, True),
    "argmax": ("int", True, None, True),
    "all": ("tuple", True, None, True),
    "any": ("tuple", True, None, True),
    "cumsum": ("int", False, "any", True),
    "cumprod": ("int", False, "any", True),
    "nansum": ("tuple", True, "any", False),
    "nanmean": ("tuple", True, "float", False),
}
EXACT_FUNCTIONS = {"min", "max", "argmin", "argmax", "all", "any"}
# Exact in any summation order for float input (the values of
# ``values_for``: quarters in [-256, 256], or 0, +-1/2, +-1, +-2 for
# products), so compared exactly there: a dropped or repeated element
# must fail, not hide in a tolerance.  From integers into floats the
# conversion rounds, and var/std divide before they square and sum.
ORDER_FREE = {"sum", "nansum", "cumsum", "mean", "nanmean", "prod",
              "add", "multiply"}


def exact_for(name, n):
    """Whether ``name`` on ``n`` must equal NumPy's result exactly."""
    return name in EXACT_FUNCTIONS or (name in ORDER_FREE
                                       and n.dtype.kind == "f")
SUM_LIKE = {"sum", "nansum", "mean", "nanmean", "cumsum", "add"}


# ---------------------------------------------------------------------------
# Inputs: twins with values suited to each reduction
# ---------------------------------------------------------------------------

SPECIALS = st.sampled_from([math.nan, math.inf, -math.inf, -0.0])


def rare(common, special):
    """``common`` nine times in ten, else ``special``."""
    return st.integers(0, 9).flatmap(lambda k: special if k == 0
                                     else common)


def values_for(dtype, purpose):
    """Element strategy for ``dtype``.

    * "sum": floats are multiples of 1/4 in [-256, 256] (sums of a few
      thousand are exact in float32 and float64), with NaN and infinities
      now and then; integers and bools over their whole range (integer
      sums wrap the same way in any order).
    * "prod": floats are 0 or +-1/2, +-1, +-2 (products exact and in
      range for the small shapes used), NaN and infinities now and then.
    * "moment" (var/std): as "sum", with integers in [-2**20, 2**20] so the
      float64 mean is the same in any summation order.
    * "any": every value (strategies.elements), for comparisons.
    """
    if purpose == "any":
        return elements(dtype)
    if dtype.kind == "f":
        if purpose == "prod":
            common = st.sampled_from([0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -2.0])
        else:
            common = st.integers(-1024, 1024).map(lambda k: k / 4)
        return rare(common, SPECIALS)
    if purpose == "moment" and dtype.kind in "iu":
        info = np.iinfo(dtype)
        return st.integers(max(info.min, -2**20), min(info.max, 2**20))
    return elements(dtype)


# Shape limits: the owners' dimensions and sides, and the sides of the
# base a sliced view is cut from.
BIG = dict(max_dims=4, max_side=5, slice_side=7)    # up to 2401 elements
SMALL = dict(max_dims=3, max_side=4, slice_side=4)  # up to 64 (products)


@st.composite
def np_layout(draw, dtype, purpose, size=BIG, layouts=LAYOUTS,
              min_dims=0):
    """(layout, NumPy array) as strategies.numpy_layouts, with the values
    of ``values_for(dtype, purpose)`` and the shape limits ``size``."""
    layout = draw(st.sampled_from(layouts))
    values = values_for(dtype, purpose)

    def array(shape):
        return draw(hnp.arrays(dtype, shape, elements=values))

    if layout == "sliced":
        base = array(draw(hnp.array_shapes(
            min_dims=max(min_dims, 1), max_dims=size["max_dims"],
            min_side=0, max_side=size["slice_side"])))
        return layout, draw(sliced(base))
    if layout == "broadcast":
        base = array(draw(hnp.array_shapes(
            min_dims=0, max_dims=size["max_dims"] - 1, min_side=1,
            max_side=size["max_side"] - 1)))
        target = draw(hnp.broadcastable_shapes(
            base.shape, min_dims=max(base.ndim, min_dims),
            max_dims=base.ndim + 1, max_side=size["max_side"]))
        return layout, np.broadcast_to(
            base, np.broadcast_shapes(base.shape, target))
    n = array(draw(hnp.array_shapes(min_dims=min_dims,
                                    max_dims=size["max_dims"], min_side=0,
                                    max_side=size["max_side"])))
    if layout in ("C", "F"):
        return layout, np.array(n, order=layout)
    if layout == "transposed":
        return layout, n.transpose(draw(st.permutations(range(n.ndim))))
    if layout == "readonly":
        n.flags.writeable = False
    return layout, n


@st.composite
def twins_for(draw, dtype, purpose="sum", size=BIG, layouts=LAYOUTS,
              min_dims=0):
    """(MiniArray, NumPy array) in a layout, as strategies.twins."""
    if isinstance(dtype, st.SearchStrategy):
        dtype = draw(dtype)
    layout, n = draw(np_layout(dtype, purpose, size, layouts, min_dims))
    if layout in ("C", "F"):
        return mi.array(n, order=layout), n
    m = mi.asarray(n)
    n = np.lib.stride_tricks.as_strided(n, n.shape, m.strides,
                                        writeable=n.flags.writeable)
    return m, n


@st.composite
def axes(draw, ndim, kind="tuple"):
    """None, an int in [-ndim, ndim) or, for kind "tuple", a tuple of
    distinct axes (``valid_tuple_axes``, the empty tuple included)."""
    options = [st.none()]
    if ndim:
        options.append(st.integers(-ndim, ndim - 1))
    if kind == "tuple":
        options.append(hnp.valid_tuple_axes(ndim))
    return draw(st.one_of(options))


# ---------------------------------------------------------------------------
# Comparing outcomes
# ---------------------------------------------------------------------------

def run(call):
    """(result, None) or (None, exception); NumPy's warnings silenced."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with np.errstate(all="ignore"):
                return call(), None
    except Exception as exc:  # noqa: BLE001 - compared with the oracle's
        return None, exc


def rtol_for(dtype):
    return 1e-5 if np.dtype(dtype) == np.float32 else 1e-12


def assert_same_outcome(m_out, n_out, exact=True, scale=None,
                        messages=True):
    """minind's outcome equals NumPy's.

    Exceptions: the same class (by name, so mi.AxisError matches NumPy's)
    and, if ``messages``, message; NumPy's TypeErrors need only a
    TypeError.  Results: a
    NumPy scalar must come back as the minind scalar of its type and
    dtype, an array as a MiniArray of NumPy's dtype, shape, strides and
    contiguity and ownership flags.  Values are
    equal (NaN equal to NaN) when ``exact`` or not float; else within
    rtol * (|expected| + scale), ``scale`` being the sum of the absolute
    values behind each result (None: 0).
    """
    (m, m_exc), (n, n_exc) = m_out, n_out
    if n_exc is not None:
        assert m_exc is not None, (
            f"NumPy raised {type(n_exc).__name__}: {n_exc}; minind gave "
            f"{m!r}")
        if isinstance(n_exc, TypeError):
            assert isinstance(m_exc, TypeError), (n_exc, m_exc)
        else:
            assert type(m_exc).__name__ == type(n_exc).__name__, (n_exc,
                                                                  m_exc)
            if messages:
                assert str(m_exc) == str(n_exc)
        return
    assert m_exc is None, (f"minind raised {type(m_exc).__name__}: {m_exc}; "
                           f"NumPy gave {n!r}")
    if isinstance(n, np.generic):
        assert type(m).__name__ == type(n).__name__, (m, n)
        assert m.dtype.name == n.dtype.name and m.shape == ()
        m_values, n_values = np.array(m, dtype=n.dtype), np.asarray(n)
    else:
        assert isinstance(m, mi.MiniArray), (m, n)
        assert m.dtype.name == n.dtype.name, (m.dtype, n.dtype)
        assert m.shape == n.shape, (m.shape, n.shape)
        # The layout NumPy's reduction iterator gives the result.
        assert m.strides == n.strides, (m.strides, n.strides)
        for flag in ("C_CONTIGUOUS", "F_CONTIGUOUS", "OWNDATA"):
            assert m.flags[flag] == n.flags[flag], flag
        m_values, n_values = np.asarray(m), n
    if exact or n_values.dtype.kind != "f":
        np.testing.assert_array_equal(m_values, n_values, strict=True)
        return
    tolerance = rtol_for(n_values.dtype) * (
        np.abs(n_values.astype(np.float64)) + (0 if scale is None
                                               else np.asarray(scale)))
    with np.errstate(invalid="ignore"):             # inf - inf
        difference = np.abs(m_values.astype(np.float64)
                            - n_values.astype(np.float64))
    both_nan = np.isnan(m_values) & np.isnan(n_values)
    same_inf = np.isinf(n_values) & (m_values == n_values)
    ok = both_nan | same_inf | (difference <= tolerance)
    assert np.all(ok), (f"values differ beyond rtol: minind {m_values!r}, "
                        f"NumPy {n_values!r}")


def abs_sum(n, axis, keepdims, cumulative=False):
    """Sum of |x| (NaN and inf ignored) over the reduced elements."""
    a = np.abs(np.asarray(n, dtype=np.float64))
    a = np.where(np.isfinite(a), a, 0.0)
    if cumulative:
        return np.cumsum(a if axis is not None else a.ravel(),
                         axis=axis if axis is not None else 0)
    return np.sum(a, axis=axis, keepdims=keepdims)


def dtype_options(n_dtype, kind):
    """dtype= values to try: None and, for "any", every dtype the input
    converts to deterministically (not float -> integer: out-of-range
    float -> int casts are platform dependent); for "float", float32/64
    (float64 only for integer input, whose float32 sums would round)."""
    if kind is None:
        return [None]
    if kind == "float":
        return [None, np.float64] + ([np.float32] if n_dtype.kind in "bf"
                                     else [])
    return [None] + [d for d in NP_DTYPES
                     if not (n_dtype.kind == "f" and d.kind in "iu")]


# ---------------------------------------------------------------------------
# ufunc.reduce
# ---------------------------------------------------------------------------

def reduce_purpose(name):
    return {"add": "sum", "multiply": "prod"}.get(name, "any")


@given(data=st.data())
def test_ufunc_reduce(data):
    """ufunc.reduce for every reducing ufunc, dtype and layout, with axis
    None/int/tuple, keepdims, and sometimes dtype=, initial=, out=."""
    name = data.draw(st.sampled_from(REDUCE_UFUNCS), label="ufunc")
    dtype = data.draw(st.sampled_from(NP_DTYPES), label="dtype")
    purpose = reduce_purpose(name)
    m, n = data.draw(twins_for(dtype, purpose,
                               SMALL if purpose == "prod" else BIG),
                     label="twins")
    kwargs = {"axis": data.draw(axes(n.ndim), label="axis"),
              "keepdims": data.draw(st.booleans(), label="keepdims")}
    if data.draw(st.booleans(), label="pass dtype"):
        kwargs["dtype"] = data.draw(st.sampled_from(
            dtype_options(n.dtype, "any")), label="dtype=")
    if data.draw(st.booleans(), label="pass initial"):
        kwargs["initial"] = data.draw(
            st.sampled_from([True, False]) if name.startswith("logical")
            else st.integers(-3, 3), label="initial")
    m_func, n_func = getattr(mi, name), getattr(np, name)
    n_out = run(lambda: n_func.reduce(n, **kwargs))
    use_out = data.draw(st.booleans(), label="pass out")
    if use_out and n_out[1] is None:
        expected = np.asarray(n_out[0])
        n_buffer = np.zeros(expected.shape, expected.dtype)
        m_buffer = mi.zeros(expected.shape, expected.dtype.name)
        n_out = run(lambda: n_func.reduce(n, out=n_buffer, **kwargs))
        m_out = run(lambda: m_func.reduce(m, out=m_buffer, **kwargs))
        if m_out[1] is None:
            assert m_out[0] is m_buffer, "reduce(out=) must return out"
    else:
        m_out = run(lambda: m_func.reduce(m, **kwargs))
    scale = None
    if name == "add" and n_out[1] is None:
        scale = abs_sum(n, kwargs["axis"], kwargs["keepdims"])
    assert_same_outcome(m_out, n_out, exact=exact_for(name, n)
                        or name not in ("add", "multiply"), scale=scale)


def test_ufunc_reduce_default_axis_is_0():
    """reduce's axis defaults to 0 (the functions' to None)."""
    n = np.arange(12, dtype=np.int16).reshape(3, 4)
    for name in REDUCE_UFUNCS:
        assert_same_outcome(run(lambda: getattr(mi, name).reduce(
            mi.array(n))), run(lambda: getattr(np, name).reduce(n)))


@pytest.mark.parametrize("name", REDUCE_UFUNCS)
def test_reduce_accumulator_dtypes(name):
    """The result dtype of reduce for every input dtype and dtype= (None
    included): NumPy's (sum of int8 is int64, of uint8 uint64, of bool
    int64; max of int8 is int8...), or a TypeError where NumPy has none."""
    failures = []
    for a in DTYPE_NAMES:
        n = np.array([[1, 0, 1], [1, 1, 0]], dtype=a)
        m = mi.array(n)
        for d in [None] + DTYPE_NAMES:
            if np.dtype(a).kind == "f" and d and np.dtype(d).kind in "iu":
                continue
            for axis in (None, 0, 1):
                try:
                    assert_same_outcome(
                        run(lambda: getattr(mi, name).reduce(
                            m, axis=axis, dtype=d)),
                        run(lambda: getattr(np, name).reduce(
                            n, axis=axis, dtype=d)))
                except AssertionError as error:
                    failures.append(f"{name}.reduce({a}, axis={axis}, "
                                    f"dtype={d}): {error}")
    assert not failures, "\n".join(failures[:30])


# Every binary ufunc whose reduce NumPy computes element by element (not
# arctan2 or power: NumPy's SIMD loops reduce those to op(first, last)).
OUT_DTYPE_UFUNCS = REDUCE_UFUNCS + ["subtract", "true_divide", "lcm", "gcd",
                                   "left_shift", "equal", "less",
                                   "logical_xor", "fmax", "hypot"]


@pytest.mark.parametrize("method", ["reduce", "accumulate"])
@pytest.mark.parametrize("name", OUT_DTYPE_UFUNCS)
def test_out_dtype_chooses_the_loop(name, method):
    """With out= and no dtype=, NumPy picks the loop as for op(out, a):
    lcm of bools into int8 runs in int8 (a bool call has no loop), a sum
    of floats into int8 adds in float64 and then casts, an int8 sum into
    float32 adds in float32, a comparison takes only bool input.  A
    reduce starts from the first element as stored in out (subtract of
    floats into int8 starts truncated); an accumulate does not.  Every
    input and output dtype, against NumPy (values, dtype, exception)."""
    failures = []
    for a in DTYPE_NAMES:
        values = ([0.5, 0.75, -1.5, 2.25] if np.dtype(a).kind == "f"
                  else [1, 3, 0, 2] if a != "bool" else [1, 1, 0, 1])
        n = np.array(values, dtype=a)
        m = mi.array(n)
        for o in DTYPE_NAMES:
            if name == "true_divide" and np.dtype(o).kind in "iu":
                continue                # inf into an integer: platform's
            shape = () if method == "reduce" else (4,)
            n_out, m_out = np.zeros(shape, o), mi.zeros(shape, o)
            for spell in (lambda x: x, lambda x: (x,)):
                try:
                    assert_same_outcome(
                        run(lambda: getattr(getattr(mi, name), method)(
                            m, out=spell(m_out))),
                        run(lambda: getattr(getattr(np, name), method)(
                            n, out=spell(n_out))))
                except AssertionError as error:
                    failures.append(f"{name}.{method}({a}, out={o}): "
                                    f"{error}")
    assert not failures, "\n".join(failures[:30])


EMPTY_SHAPES = [(0,), (0, 3), (3, 0), (2, 0, 3), (0, 0)]


def valid_axis_choices(ndim):
    choices = [None, ()] + list(range(-ndim, ndim))
    choices += [(i, j) for i in range(ndim) for j in range(i + 1, ndim)]
    return choices


@pytest.mark.parametrize("name", REDUCE_UFUNCS)
def test_reduce_empty(name):
    """Reductions over zero-size axes: the identity (in NumPy's dtype:
    bitwise_and of empty uint8 is 255), or NumPy's ValueError "zero-size
    array to reduction operation maximum which has no identity"; a
    zero-size result (reducing a non-empty axis of an empty array) is
    empty, not an error."""
    failures = []
    for a in DTYPE_NAMES:
        for shape in EMPTY_SHAPES:
            n = np.zeros(shape, dtype=a)
            m = mi.array(n)
            for axis in valid_axis_choices(len(shape)):
                for keepdims in (False, True):
                    try:
                        assert_same_outcome(
                            run(lambda: getattr(mi, name).reduce(
                                m, axis=axis, keepdims=keepdims)),
                            run(lambda: getattr(np, name).reduce(
                                n, axis=axis, keepdims=keepdims)))
                    except AssertionError as error:
                        failures.append(f"{name}.reduce(zeros({shape}, {a})"
                                        f", axis={axis}, keepdims="
                                        f"{keepdims}): {error}")
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(
        failures[:30])


def test_reduce_empty_message():
    """The message users search for, word for word."""
    n = np.zeros((0, 3))
    with pytest.raises(ValueError) as n_info:
        np.maximum.reduce(n, axis=0)
    with pytest.raises(ValueError) as m_info:
        mi.maximum.reduce(mi.array(n), axis=0)
    assert str(m_info.value) == str(n_info.value) == (
        "zero-size array to reduction operation maximum which has no "
        "identity")
    for name in ("min", "max"):
        with pytest.raises(ValueError) as n_info:
            getattr(np, name)(np.zeros(0))
        with pytest.raises(ValueError) as m_info:
            getattr(mi, name)(mi.zeros(0))
        assert str(m_info.value) == str(n_info.value)


@pytest.mark.parametrize("name", ["maximum", "minimum", "add", "multiply"])
def test_reduce_empty_with_initial(name):
    """initial= makes an empty reduction valid, with NumPy's value and
    dtype; initial=None means "no initial" (an error again for max)."""
    for a in DTYPE_NAMES:
        n = np.zeros((0, 2), dtype=a)
        m = mi.array(n)
        for initial in (5, None):
            for axis in (0, 1, None):
                assert_same_outcome(
                    run(lambda: getattr(mi, name).reduce(
                        m, axis=axis, initial=initial)),
                    run(lambda: getattr(np, name).reduce(
                        n, axis=axis, initial=initial)))


REDUCE_CALLS = [
    # NumPy's signature: array, axis=0, dtype=None, out=None,
    # keepdims=False, initial=<no value>, where=True; all positional too.
    ((), {}), ((0,), {}), ((0, "i"), {}), ((0, None, None), {}),
    ((0, None, None, True), {}), ((0, None, None, False, 0), {}),
    ((0, None, None, False, 0, True), {}),
    ((0, None, None, False, 0, True, 1), {}),
    ((0, None, None, False), {"initial": 0, "where": True}),
    ((0,), {"where": mi.True_}), ((None,), {"initial": 7}),
    (("invalid",), {}), ((), {"axis": "invalid", "keepdims": True}),
    ((0, "invalid"), {}), ((0, None, "invalid"), {}),
    # Given twice, too many, out=... by position (refused) and by name.
    ((0, None, None), {"out": None}), ((0, None, None, False), {"keepdims":
                                                              True}),
    ((0, None, None, False, 0, True, 1), {"where": True}),
    ((0, None, None, False, 0, True, 1, 5), {}),
    ((0, None, ...), {}), ((0, None), {"out": ...}),
    ((0,), {"out": ..., "keepdims": True}),
]


@pytest.mark.parametrize("args, kwargs", REDUCE_CALLS, ids=repr)
def test_reduce_arguments_as_numpy(args, kwargs):
    """reduce takes NumPy's arguments in NumPy's order, by position or
    by name (NumPy's TestUfunc::test_reduce_arguments), with NumPy's
    refusals of an argument given twice, of too many, and of out=... by
    position."""
    n = np.ones((5, 2), dtype=int)
    m = mi.ones((5, 2), dtype=int)
    assert_same_outcome(run(lambda: mi.add.reduce(m, *args, **kwargs)),
                        run(lambda: np.add.reduce(n, *args, **kwargs)))


def test_reduce_takes_a_where_mask():
    """(More in test_ufunc_where.py.)"""
    assert mi.add.reduce(mi.ones(3), where=mi.array([True, False, True])) \
        == 2.0
    assert mi.add.reduce(mi.ones(3), where=False) == 0.0


INVALID_AXES = [2, -3, 5, (0, 0), (1, -1), (0, 2), (-3,), (0, 1, 0)]


@pytest.mark.parametrize("axis", INVALID_AXES)
@pytest.mark.parametrize("name", REDUCE_UFUNCS)
def test_reduce_invalid_axes(name, axis):
    """Out-of-range axes raise AxisError, repeated ones ValueError
    "duplicate value in 'axis'", with NumPy's messages."""
    n = np.ones((2, 3), dtype=np.int32)
    assert_same_outcome(
        run(lambda: getattr(mi, name).reduce(mi.array(n), axis=axis)),
        run(lambda: getattr(np, name).reduce(n, axis=axis)))


@pytest.mark.parametrize("axis", [0, -1, None, (), 1, (0,)])
@pytest.mark.parametrize("name", REDUCE_UFUNCS)
def test_reduce_0d(name, axis):
    """Reducing a 0-d array: axis None and () give the element; NumPy
    also accepts axis=0 and -1 for 0-d input (a legacy rule), and refuses
    1 and (0,) with AxisError."""
    n = np.array(3, dtype=np.int16)
    assert_same_outcome(
        run(lambda: getattr(mi, name).reduce(mi.array(n), axis=axis)),
        run(lambda: getattr(np, name).reduce(n, axis=axis)))


def test_reduce_out_errors():
    """out= of the wrong shape or read-only: NumPy's exception classes
    (NumPy's messages for a wrong shape come from its iterator's internals
    and vary with the case; not compared)."""
    n = np.arange(6.0).reshape(2, 3)
    m = mi.array(n)
    cases = [((3,), dict(axis=1)), ((1, 2), dict(axis=1)),
             ((2,), dict(axis=1, keepdims=True)), ((), dict(axis=0)),
             ((1,), dict(axis=None))]
    for shape, kwargs in cases:
        assert_same_outcome(
            run(lambda: mi.add.reduce(m, out=mi.zeros(shape), **kwargs)),
            run(lambda: np.add.reduce(n, out=np.zeros(shape), **kwargs)),
            messages=False)
    n_out = np.zeros(2)
    n_out.flags.writeable = False
    m_readonly = mi.asarray(n_out)
    assert_same_outcome(
        run(lambda: mi.add.reduce(m, axis=1, out=m_readonly)),
        run(lambda: np.add.reduce(n, axis=1, out=n_out)), messages=False)


def test_reduce_non_binary_ufunc():
    """reduce/accumulate/outer need a binary ufunc: NumPy's ValueError."""
    for method in ("reduce", "accumulate"):
        assert_same_outcome(
            run(lambda: getattr(mi.negative, method)(mi.ones(3))),
            run(lambda: getattr(np.negative, method)(np.ones(3))))
    assert_same_outcome(run(lambda: mi.negative.outer(mi.ones(3),
                                                      mi.ones(3))),
                        run(lambda: np.negative.outer(np.ones(3),
                                                      np.ones(3))))


# ---------------------------------------------------------------------------
# ufunc.accumulate and ufunc.outer
# ---------------------------------------------------------------------------

def draw_along_an_axis(data, name):
    """Twins of any dtype and layout with values suited to ufunc
    ``name``, at least 1-d, and one of their axes."""
    dtype = data.draw(st.sampled_from(NP_DTYPES), label="dtype")
    purpose = reduce_purpose(name)
    m, n = data.draw(twins_for(dtype, purpose,
                               SMALL if purpose == "prod" else BIG,
                               min_dims=1), label="twins")
    assume(n.ndim >= 1)
    axis = data.draw(st.integers(-n.ndim, n.ndim - 1), label="axis")
    return m, n, axis


@given(data=st.data())
def test_ufunc_accumulate(data):
    """accumulate along every axis for every dtype and layout, sometimes
    with dtype= and out=."""
    name = data.draw(st.sampled_from(ACCUMULATE_UFUNCS), label="ufunc")
    m, n, axis = draw_along_an_axis(data, name)
    kwargs = {"axis": axis}
    if data.draw(st.booleans(), label="pass dtype"):
        kwargs["dtype"] = data.draw(st.sampled_from(
            dtype_options(n.dtype, "any")), label="dtype=")
    m_func, n_func = getattr(mi, name), getattr(np, name)
    n_out = run(lambda: n_func.accumulate(n, **kwargs))
    if data.draw(st.booleans(), label="pass out") and n_out[1] is None:
        expected = n_out[0]
        order = data.draw(st.sampled_from("CF"), label="out order")
        n_buffer = np.zeros(expected.shape, expected.dtype, order=order)
        m_buffer = mi.zeros(expected.shape, expected.dtype.name,
                            order=order)
        n_out = run(lambda: n_func.accumulate(n, out=n_buffer, **kwargs))
        m_out = run(lambda: m_func.accumulate(m, out=m_buffer, **kwargs))
        if m_out[1] is None:
            assert m_out[0] is m_buffer, "accumulate(out=) must return out"
    else:
        m_out = run(lambda: m_func.accumulate(m, **kwargs))
    scale = (abs_sum(n, axis, False, cumulative=True) if name == "add"
             else None)
    assert_same_outcome(m_out, n_out, exact=exact_for(name, n)
                        or name not in ("add", "multiply"), scale=scale)


REDUCEAT_UFUNCS = ACCUMULATE_UFUNCS + ["subtract", "logical_or"]


@given(data=st.data())
def test_ufunc_reduceat(data):
    """reduceat along every axis for every dtype and layout, with indices
    that rise, fall, repeat, run off either end, or are empty; sometimes
    with dtype= and out= (whose wrong shape NumPy refuses)."""
    name = data.draw(st.sampled_from(REDUCEAT_UFUNCS), label="ufunc")
    m, n, axis = draw_along_an_axis(data, name)
    length = n.shape[axis]
    indices = data.draw(st.lists(st.integers(-1, length), max_size=6),
                        label="indices")
    if data.draw(st.booleans(), label="indices in range"):
        indices = [i for i in indices if 0 <= i < length]
    kwargs = {"axis": axis}
    if data.draw(st.booleans(), label="pass dtype"):
        kwargs["dtype"] = data.draw(st.sampled_from(
            dtype_options(n.dtype, "any")), label="dtype=")
    m_func, n_func = getattr(mi, name), getattr(np, name)
    n_out = run(lambda: n_func.reduceat(n, indices, **kwargs))
    if data.draw(st.booleans(), label="pass out") and n_out[1] is None:
        expected = n_out[0]
        shape = expected.shape
        if data.draw(st.booleans(), label="wrong out shape"):
            shape = shape[:-1] + (shape[-1] + 1,)
        order = data.draw(st.sampled_from("CF"), label="out order")
        n_buffer = np.zeros(shape, expected.dtype, order=order)
        m_buffer = mi.zeros(shape, expected.dtype.name, order=order)
        n_out = run(lambda: n_func.reduceat(n, indices, out=n_buffer,
                                            **kwargs))
        m_out = run(lambda: m_func.reduceat(m, indices, out=m_buffer,
                                            **kwargs))
        if m_out[1] is None:
            assert m_out[0] is m_buffer, "reduceat(out=) must return out"
        messages = False        # (NumPy's shape message is its iterator's)
    else:
        m_out = run(lambda: m_func.reduceat(m, indices, **kwargs))
        messages = True
    scale = None
    if name == "add" and n_out[1] is None:
        # Each row adds at most the whole axis: bound it by that.
        whole = abs_sum(n, axis, True)
        scale = np.broadcast_to(whole, n_out[0].shape)
    assert_same_outcome(m_out, n_out, exact=exact_for(name, n)
                        or name not in ("add", "multiply"), scale=scale,
                        messages=messages)


def test_reduceat_examples():
    """NumPy's documented cases, the argument checks and an ``out`` that
    overlaps the input (read as it was)."""
    a = np.arange(8)
    cases = [
        lambda lib: lib.add.reduceat(lib.asarray(a), [0, 4, 1, 5, 7]),
        lambda lib: lib.subtract.reduceat(lib.asarray(a), [0, 3, 3]),
        lambda lib: lib.add.reduceat(lib.asarray(a), [0.5, 2.7]),
        lambda lib: lib.add.reduceat(lib.asarray(a), [True, False]),
        lambda lib: lib.add.reduceat(lib.asarray(a), []),
        lambda lib: lib.add.reduceat(lib.asarray(a), [[0, 1]]),
        lambda lib: lib.add.reduceat(lib.asarray(a), [0, 8]),
        lambda lib: lib.add.reduceat(lib.asarray(a), [-1]),
        lambda lib: lib.add.reduceat(lib.asarray(a), [0, 3], axis=None),
        lambda lib: lib.add.reduceat(lib.asarray(a), [0, 3], axis=(0,)),
        lambda lib: lib.add.reduceat(lib.ones((2, 3)), [0], axis=None),
        lambda lib: lib.add.reduceat(lib.ones((2, 3)), [0], axis=2),
        lambda lib: lib.add.reduceat(lib.asarray(5), [0]),
        lambda lib: lib.negative.reduceat(lib.asarray(a), [0]),
        lambda lib: lib.add.reduceat(lib.zeros(0), [0]),
        lambda lib: lib.add.reduceat(lib.zeros(0), []),
        lambda lib: lib.minimum.reduceat(lib.zeros((2, 0)), [0, 1]),
        lambda lib: lib.add.reduceat(lib.ones(5, dtype=bool), [0, 2]),
        lambda lib: lib.multiply.reduceat(lib.ones(5, dtype="int8"), [0]),
        lambda lib: lib.add.reduceat(lib.asarray(a), [0, 3],
                                     out=lib.zeros(2, dtype="int8")),
        lambda lib: lib.add.reduceat(lib.asarray(a), [0, 3],
                                     out=lib.zeros(3)),
    ]
    for case in cases:
        assert_same_outcome(run(lambda: case(mi)), run(lambda: case(np)),
                            messages=False)
    # The indices, read as NumPy reads them: one dimension, a list's items
    # as int() converts them, an array's cast whatever its dtype.
    for indices in ([2 ** 70], [math.nan], [math.inf], [1e300], [-0.5],
                    [None], "ab", None, 3, b"ab", range(3), [[0, 1]],
                    np.zeros((2, 2)), np.array([0.5, 3.7]),
                    np.array([0, 3], np.uint8), np.array(3)):
        m_indices = (mi.asarray(indices) if isinstance(indices, np.ndarray)
                     else indices)
        assert_same_outcome(
            run(lambda: mi.add.reduceat(mi.arange(8.0), m_indices)),
            run(lambda: np.add.reduceat(np.arange(8.0), indices)))
    for indices in ([0, 3], [5, 0]):
        m, n = mi.arange(8.0), np.arange(8.0)
        assert mi.add.reduceat(m, indices, out=m[:2]) is not None
        np.add.reduceat(n, indices, out=n[:2])
        assert m.tolist() == n.tolist()
    readonly = mi.zeros(2)
    readonly.flags.writeable = False
    with pytest.raises(ValueError, match="read-only"):
        mi.add.reduceat(mi.arange(8), [0, 3], out=readonly)


@pytest.mark.parametrize("dtype", ["bool", "int8", "uint16", "float32"])
def test_reduceat_casts_in_blocks(dtype):
    """A 1-d input of another dtype than the loop's (a bool or int8 sum
    adds in int64) is cast a block at a time: slices in order, slices
    that go back, cross the end of a block, or are longer than one, and
    dtype= to widen a float32 sum; integer results exactly NumPy's."""
    rng = np.random.default_rng(5)
    n = rng.integers(0, 3, 50_000).astype(dtype)
    m = mi.asarray(n)
    starts = [0, 10, 10, 8190, 8195, 3, 8192, 30_000, 29_999, 12_000,
              49_999, 0, 40_000]
    for indices in (starts, sorted(set(starts)), list(range(0, 50_000, 7)),
                    [0, 20_000], [49_000, 100]):
        for kwargs in ({}, {"dtype": np.float64}):
            got = mi.add.reduceat(m, indices, **kwargs)
            want = np.add.reduceat(n, indices, **kwargs)
            assert got.dtype.name == want.dtype.name
            np.testing.assert_array_equal(np.asarray(got), want)
        short = [i for i in indices if i < len(n[::-3])]
        for name in ("maximum", "minimum"):
            got = getattr(mi, name).reduceat(m[::-3], short)
            want = getattr(np, name).reduceat(n[::-3], short)
            np.testing.assert_array_equal(np.asarray(got), want)


@pytest.mark.parametrize("name", ["add", "multiply", "maximum", "minimum",
                                  "fmax", "fmin", "subtract", "bitwise_or",
                                  "logical_or"])
def test_reduceat_segments(name):
    """Segment folds over a 1-d input in the loop's own dtype, every row
    in one typed loop (add, multiply, maximum, minimum, fmax, fmin) or row
    by row (the others): ten-item rows, rows longer than a lane block,
    rows that go back or repeat, in contiguous, strided and reversed
    inputs; integers and max/min exactly NumPy's, NaNs where NumPy puts
    them."""
    rng = np.random.default_rng(11)
    starts = ([0, 3, 3, 40, 17, 200, 201, 999, 500]
              + list(range(600, 1000, 10)))
    for dtype in ("int8", "uint16", "int32", "int64", "uint64", "float32",
                  "float64", "bool"):
        if dtype == "bool" and name not in ("logical_or", "maximum"):
            continue
        if name == "bitwise_or" and dtype.startswith("float"):
            continue
        n = rng.integers(-3, 4, 3000).astype(dtype)
        if dtype.startswith("float"):
            n[[5, 1700, 2500]] = np.nan
        for view in (slice(None), slice(None, None, 3), slice(None, None, -2)):
            m_in, n_in = mi.asarray(n)[view], n[view]
            kwargs = ({"dtype": dtype} if name in ("add", "multiply")
                      and dtype != "bool" else {})
            got = getattr(mi, name).reduceat(m_in, starts, **kwargs)
            want = getattr(np, name).reduceat(n_in, starts, **kwargs)
            assert got.dtype.name == want.dtype.name
            if dtype.startswith("float") and name in ("add", "multiply",
                                                      "subtract"):
                np.testing.assert_allclose(np.asarray(got), want,
                                           rtol=1e-6, equal_nan=True)
            else:
                np.testing.assert_array_equal(np.asarray(got), want)


@pytest.mark.parametrize("name", ACCUMULATE_UFUNCS)
def test_accumulate_dtypes(name):
    """The result dtype of accumulate for every input dtype (NumPy 2
    upcasts small integers for add and multiply, as sum does)."""
    for a in DTYPE_NAMES:
        n = np.array([[1, 0, 1], [1, 1, 0]], dtype=a)
        for axis in (0, 1, -1):
            assert_same_outcome(
                run(lambda: getattr(mi, name).accumulate(mi.array(n),
                                                         axis=axis)),
                run(lambda: getattr(np, name).accumulate(n, axis=axis)))


@pytest.mark.parametrize("name", ACCUMULATE_UFUNCS)
def test_accumulate_errors(name):
    """0-d input, out-of-range axis, empty input: NumPy's outcome."""
    cases = [(np.array(2.0), 0), (np.ones((2, 3)), 2), (np.ones((2, 3)), -3),
             (np.ones((0, 3)), 0), (np.ones((2, 0)), 1), (np.ones(0), 0)]
    for n, axis in cases:
        assert_same_outcome(
            run(lambda: getattr(mi, name).accumulate(mi.array(n),
                                                     axis=axis)),
            run(lambda: getattr(np, name).accumulate(n, axis=axis)))


OUTER_UFUNCS = REDUCE_UFUNCS + ["subtract", "true_divide", "less", "equal",
                                "power"]


@given(data=st.data())
def test_ufunc_outer(data):
    """outer(a, b) has shape a.shape + b.shape and NumPy's dtype and
    values, for 0-d, 1-d and 2-d inputs of any dtypes and layouts."""
    name = data.draw(st.sampled_from(OUTER_UFUNCS), label="ufunc")
    size = dict(max_dims=2, max_side=4, slice_side=5)
    m1, n1 = data.draw(twins_for(st.sampled_from(NP_DTYPES), "sum", size),
                       label="a")
    m2, n2 = data.draw(twins_for(st.sampled_from(NP_DTYPES), "sum", size),
                       label="b")
    m_func, n_func = getattr(mi, name), getattr(np, name)
    assert_same_outcome(run(lambda: m_func.outer(m1, m2)),
                        run(lambda: n_func.outer(n1, n2)),
                        exact=name != "power")


def test_outer_shapes_and_inputs():
    """outer of 0-d with 0-d is a scalar, of lists and Python scalars
    works as NumPy's; the result shape is a.shape + b.shape."""
    cases = [(np.array(2), np.array(3)), (np.arange(3), np.array(2)),
             (np.array(2), np.arange(3)), (np.arange(6).reshape(2, 3),
                                           np.arange(4).reshape(2, 2)),
             (np.arange(3), np.arange(4)), (np.zeros((0, 2)), np.arange(3))]
    for a, b in cases:
        for name in ("add", "multiply", "less"):
            assert_same_outcome(
                run(lambda: getattr(mi, name).outer(mi.array(a),
                                                    mi.array(b))),
                run(lambda: getattr(np, name).outer(a, b)))
    assert_same_outcome(run(lambda: mi.add.outer([1, 2], [10, 20, 30])),
                        run(lambda: np.add.outer([1, 2], [10, 20, 30])))
    assert_same_outcome(run(lambda: mi.multiply.outer(2, [1.5, 2])),
                        run(lambda: np.multiply.outer(2, [1.5, 2])))


# ---------------------------------------------------------------------------
# The reduction functions and methods
# ---------------------------------------------------------------------------

def function_purpose(name):
    if name in ("prod", "cumprod"):
        return "prod"
    if name in ("var", "std"):
        return "moment"
    if name in EXACT_FUNCTIONS:
        return "any"
    return "sum"


def function_scale(name, n, kwargs):
    """The absolute-value sum behind each result of a sum-like function
    (None for the others), per count for means."""
    axis = kwargs.get("axis")
    keepdims = kwargs.get("keepdims", False)
    if name == "cumsum":
        return abs_sum(n, axis, False, cumulative=True)
    if name not in SUM_LIKE:
        return None
    total = abs_sum(n, axis, keepdims)
    if name in ("mean", "nanmean"):
        if axis is None:
            count = n.size
        else:
            count = math.prod(n.shape[k] for k in (
                (axis,) if isinstance(axis, int) else axis))
        return total / max(count, 1)
    return total


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
@given(data=st.data())
@settings(max_examples=40)
def test_functions_and_methods(name, data):
    """mi.<name>(a, ...) and a.<name>(...) against np.<name>(n, ...):
    every dtype and layout, axis None/int/tuple, keepdims, dtype=, ddof."""
    axis_kind, has_keepdims, dtype_kind, has_method = FUNCTIONS[name]
    dtype = data.draw(st.sampled_from(NP_DTYPES), label="dtype")
    purpose = function_purpose(name)
    m, n = data.draw(twins_for(dtype, purpose,
                               SMALL if purpose == "prod" else BIG),
                     label="twins")
    kwargs = {"axis": data.draw(axes(n.ndim, axis_kind), label="axis")}
    if has_keepdims and data.draw(st.booleans(), label="keepdims"):
        kwargs["keepdims"] = True
    if dtype_kind:
        d = data.draw(st.sampled_from(dtype_options(n.dtype, dtype_kind)),
                      label="dtype=")
        if d is not None:
            kwargs["dtype"] = d
    if name in ("var", "std"):
        kwargs["ddof"] = data.draw(st.sampled_from([0, 1]), label="ddof")
    n_out = run(lambda: getattr(np, name)(n, **kwargs))
    exact = exact_for(name, n)
    scale = function_scale(name, n, kwargs)
    assert_same_outcome(run(lambda: getattr(mi, name)(m, **kwargs)), n_out,
                        exact=exact, scale=scale)
    if has_method:
        assert_same_outcome(run(lambda: getattr(m, name)(**kwargs)),
                            run(lambda: getattr(n, name)(**kwargs)),
                            exact=exact, scale=scale)


WHERE_FUNCTIONS = ["sum", "prod", "min", "max", "mean", "var", "std",
                   "all", "any"]


@pytest.mark.parametrize("name", WHERE_FUNCTIONS)
@given(data=st.data())
@settings(max_examples=30)
def test_functions_take_a_where_mask(name, data):
    """mi.<name>(a, where=mask) and a.<name>(where=mask) against NumPy: a
    boolean mask of a's shape or one that broadcasts to it, with axis,
    keepdims, ddof, and ``initial`` (which max and min need with a
    mask: NumPy's ValueError without it)."""
    dtype = data.draw(st.sampled_from(NP_DTYPES), label="dtype")
    purpose = function_purpose(name)
    m, n = data.draw(twins_for(dtype, purpose,
                               SMALL if purpose == "prod" else BIG),
                     label="twins")
    mask_shape = data.draw(hnp.broadcastable_shapes(
        n.shape, max_dims=n.ndim, min_side=0), label="mask shape")
    mask = data.draw(hnp.arrays(np.bool_, mask_shape), label="mask")
    kwargs = {"axis": data.draw(axes(n.ndim, "tuple"), label="axis")}
    if data.draw(st.booleans(), label="keepdims"):
        kwargs["keepdims"] = True
    if name in ("var", "std"):
        kwargs["ddof"] = data.draw(st.sampled_from([0, 1]), label="ddof")
    if name in ("min", "max") and data.draw(st.booleans(), label="initial"):
        kwargs["initial"] = n.dtype.type(1)
    exact = exact_for(name, n)
    # A masked mean is over fewer elements than a's: the whole sum of
    # magnitudes bounds its rounding error.
    scale = function_scale("sum" if name == "mean" else name, n, kwargs)
    m_mask = mi.asarray(mask) if data.draw(st.booleans(),
                                           label="mask as array") else mask
    assert_same_outcome(
        run(lambda: getattr(mi, name)(m, where=m_mask, **kwargs)),
        run(lambda: getattr(np, name)(n, where=mask, **kwargs)),
        exact=exact, scale=scale)
    assert_same_outcome(
        run(lambda: getattr(m, name)(where=m_mask, **kwargs)),
        run(lambda: getattr(n, name)(where=mask, **kwargs)),
        exact=exact, scale=scale)


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_functions_default_dtypes(name):
    """Result dtype of every function for every input dtype: sum of int8
    is int64, of uint8 uint64, of bool int64; mean of integers float64,
    of float32 float32; argmax int64..."""
    failures = []
    for a in DTYPE_NAMES:
        n = np.array([[1, 0, 1], [1, 1, 0]], dtype=a)
        for axis in (None, 0, 1):
            try:
                assert_same_outcome(
                    run(lambda: getattr(mi, name)(mi.array(n), axis=axis)),
                    run(lambda: getattr(np, name)(n, axis=axis)),
                    exact=False)
            except AssertionError as error:
                failures.append(f"{name}({a}, axis={axis}): {error}")
    assert not failures, "\n".join(failures[:30])


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_functions_on_empty_arrays(name):
    """Every function on zero-size arrays and along zero-length axes:
    NumPy's value (sum 0, prod 1, all True, mean NaN...) or its
    exception ("zero-size array to reduction operation minimum which has
    no identity", "attempt to get argmax of an empty sequence")."""
    axis_kind = FUNCTIONS[name][0]
    failures = []
    for a in ("bool", "int8", "uint64", "float32", "float64"):
        for shape in EMPTY_SHAPES:
            n = np.zeros(shape, dtype=a)
            m = mi.array(n)
            for axis in valid_axis_choices(len(shape)):
                if axis_kind == "int" and isinstance(axis, tuple):
                    continue
                try:
                    assert_same_outcome(
                        run(lambda: getattr(mi, name)(m, axis=axis)),
                        run(lambda: getattr(np, name)(n, axis=axis)))
                except AssertionError as error:
                    failures.append(f"{name}(zeros({shape}, {a}), axis="
                                    f"{axis}): {error}")
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(
        failures[:30])


def statistics_warnings(call):
    """The RuntimeWarnings (category, message) a call gives, other than
    NumPy's floating-point ones, which minind does not give (README)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            call()
        except Exception:       # noqa: BLE001 -- only the warnings count
            pass
    return [(w.category, str(w.message)) for w in caught
            if "encountered in" not in str(w.message)]


STATISTICS_CASES = [
    ((0,), None, 0), ((0,), 0, 0), ((2, 0), 1, 0), ((2, 0), 0, 0),
    ((0, 3), (0, 1), 0), ((3,), None, 0), ((3,), None, 3), ((3,), 0, 2),
    ((3,), None, 2.5), ((2, 3), 0, 2), ((0,), 2, 0)]


@pytest.mark.parametrize("name, shape, axis, ddof", [
    (name, *case) for name in ("mean", "var", "std")
    for case in STATISTICS_CASES if name != "mean" or case[2] == 0])
def test_statistics_warn_as_numpy(name, shape, axis, ddof):
    """NumPy's own RuntimeWarnings from its _methods.py: "Mean of empty
    slice" and "Degrees of freedom <= 0 for slice", given before the
    result (NaN) is computed (NumPy's TestNonarrayArgs::test_mean,
    test_std, test_var, which read the warning)."""
    kwargs = {} if name == "mean" else {"ddof": ddof}
    n, m = np.zeros(shape), mi.zeros(shape)
    assert statistics_warnings(
        lambda: getattr(mi, name)(m, axis=axis, **kwargs)) == \
        statistics_warnings(lambda: getattr(np, name)(n, axis=axis,
                                                      **kwargs))
    # Lists too, and the warning names the caller's line.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        getattr(mi, name)([], **kwargs)
    assert caught[0].filename == __file__


@pytest.mark.parametrize("axis", INVALID_AXES + [1.0, "0"])
@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_functions_invalid_axes(name, axis):
    """Out-of-range, repeated and non-integer axes: NumPy's exception
    class and message (argmax/cumsum take one int: a tuple is a
    TypeError there)."""
    n = np.ones((2, 3), dtype=np.float64)
    assert_same_outcome(run(lambda: getattr(mi, name)(mi.array(n),
                                                      axis=axis)),
                        run(lambda: getattr(np, name)(n, axis=axis)))


@pytest.mark.parametrize("axis", [0, -1, 1, (0,), None, ()])
@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_functions_on_0d(name, axis):
    """0-d input: NumPy's result or exception for each axis spelling
    (sum/min/all accept axis=0 and -1 on 0-d, mean/var/std do not;
    argmax and cumsum see a 1-element array)."""
    if FUNCTIONS[name][0] == "int" and axis == ():
        return
    n = np.array(2.5)
    assert_same_outcome(run(lambda: getattr(mi, name)(mi.array(n),
                                                      axis=axis)),
                        run(lambda: getattr(np, name)(n, axis=axis)))


@pytest.mark.parametrize("name", ["argmax", "argmin"])
def test_argmax_argmin_cases(name):
    """NaN wins (the first NaN), ties give the first index, infinities,
    every axis and keepdims; an empty sequence is NumPy's ValueError
    "attempt to get argmax of an empty sequence"."""
    nan, inf = math.nan, math.inf
    cases = [[1.0, 3.0, 3.0, 2.0], [3.0, 1.0, 1.0, 3.0], [1.0, nan, 5.0, nan],
             [nan, nan], [-inf, inf, inf, -inf], [0.0, -0.0], [-0.0, 0.0],
             [2.0], [[1.0, 5.0, 5.0], [nan, 0.0, nan]],
             [[[1, 2], [2, 1]], [[2, 2], [1, 1]]]]
    for values in cases:
        for dtype in ("float64", "float32", "int8", "uint64", "bool"):
            n = np.array(values)
            if dtype in ("int8", "uint64", "bool"):
                if np.isnan(n).any() or np.isinf(n).any():
                    continue
            n = n.astype(dtype)
            for axis in [None] + list(range(-n.ndim, n.ndim)):
                for keepdims in (False, True):
                    assert_same_outcome(
                        run(lambda: getattr(mi, name)(
                            mi.array(n), axis=axis, keepdims=keepdims)),
                        run(lambda: getattr(np, name)(
                            n, axis=axis, keepdims=keepdims)))
                    assert_same_outcome(
                        run(lambda: getattr(mi.array(n), name)(
                            axis=axis, keepdims=keepdims)),
                        run(lambda: getattr(n, name)(
                            axis=axis, keepdims=keepdims)))
    for shape, axis in [((0,), None), ((0,), 0), ((0, 3), None), ((0, 3), 0),
                        ((0, 3), 1), ((3, 0), 1), ((3, 0), 0)]:
        n = np.zeros(shape)
        assert_same_outcome(run(lambda: getattr(mi, name)(mi.array(n),
                                                          axis=axis)),
                            run(lambda: getattr(np, name)(n, axis=axis)))
    with pytest.raises(ValueError) as info:
        getattr(mi, name)(mi.zeros(0))
    assert str(info.value) == f"attempt to get {name} of an empty sequence"


@pytest.mark.parametrize("name", ["min", "max", "all", "any"])
@given(pair=twins(dtype=st.just(np.dtype(bool))))
def test_bool_min_max_methods_without_arguments(name, pair):
    """``a.min()`` / ``a.max()`` of a whole bool array answer through the
    search ``all`` / ``any`` use (stopping at the first decisive
    element), in every layout: NumPy's scalar, or its error when empty."""
    m, n = pair
    assert_same_outcome(run(lambda: getattr(m, name)()),
                        run(lambda: getattr(n, name)()))


@pytest.mark.parametrize("dtype", [np.bool_, np.int8, np.int64, np.float32,
                                   np.float64])
def test_any_all_find_the_one_decisive_element_anywhere(dtype):
    """any() and all() read in blocks that grow from 64 elements to 2048:
    the one decisive element (a True for any, a False for all) is found
    first, last and on either side of each block's edge, contiguous,
    strided and reversed."""
    size = 64 + 128 + 256 + 512 + 1024 + 2048 + 2048 + 100
    edges = [0, 63, 64, 191, 192, 447, 448, 4031, 4032, 6079, 6080,
             size - 1]
    for decisive, name in ((1, "any"), (0, "all")):
        for where in edges:
            n = np.full(2 * size, 1 - decisive, dtype)
            n[2 * where] = decisive
            whole = mi.asarray(n)
            for m, view in ((whole[::2], n[::2]), (whole[:size], n[:size]),
                            (whole[::-2], n[::-2])):
                assert m.strides == view.strides
                assert bool(getattr(m, name)()) == bool(
                    getattr(view, name)()), (name, where, view.strides)


@pytest.mark.parametrize("name", ["cumsum", "cumprod"])
def test_cumulative_axis_none_flattens(name):
    """cumsum/cumprod with axis=None run over the C-order flattening,
    whatever the layout (F and transposed included)."""
    base = np.arange(1, 13, dtype=np.int32).reshape(3, 4) % 5 + 1
    for n in (base, np.asfortranarray(base), base.T, base[::-1, ::2]):
        m = mi.asarray(n)
        assert_same_outcome(run(lambda: getattr(mi, name)(m)),
                            run(lambda: getattr(np, name)(n)))
        assert_same_outcome(run(lambda: getattr(m, name)()),
                            run(lambda: getattr(n, name)()))


def test_var_std_ddof():
    """ddof 0, 1, the count and beyond (NumPy divides by max(n - ddof,
    0): inf or NaN, no error)."""
    n = np.array([[1.0, 2.0, 4.0], [3.0, 3.0, 3.0]])
    m = mi.array(n)
    for name in ("var", "std"):
        for ddof in (0, 1, 2, 3, 4):
            for axis in (None, 0, 1):
                assert_same_outcome(
                    run(lambda: getattr(mi, name)(m, axis=axis, ddof=ddof)),
                    run(lambda: getattr(np, name)(n, axis=axis, ddof=ddof)),
                    exact=False)


@given(data=st.data())
def test_var_std_correction(data):
    """``correction=`` (the Array API's ``ddof``) in every dtype and
    layout: the same result as ``ddof``, NumPy's ValueError when both are
    given (a ``ddof`` of 0 is no conflict), and the methods refuse it as
    NumPy's do."""
    name = data.draw(st.sampled_from(["var", "std"]))
    dtype = data.draw(st.sampled_from(NP_DTYPES))
    m, n = data.draw(twins_for(dtype, function_purpose(name), BIG))
    axis = data.draw(st.none() | st.integers(0, max(n.ndim - 1, 0)))
    if n.ndim == 0:
        axis = None
    kwargs = {"axis": axis,
              "correction": data.draw(st.sampled_from([0, 1, 2, 0.5]))}
    if data.draw(st.booleans()):
        kwargs["ddof"] = data.draw(st.sampled_from([0, 1, 0.0]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        assert_same_outcome(run(lambda: getattr(mi, name)(m, **kwargs)),
                            run(lambda: getattr(np, name)(n, **kwargs)),
                            exact=exact_for(name, n))
    for xp_array in (m, n):
        with pytest.raises(TypeError):
            getattr(xp_array, name)(correction=1)


def test_var_std_correction_errors_are_numpys():
    n = np.arange(6.0)
    for name in ("var", "std"):
        for xp, a in ((np, n), (mi, mi.asarray(n))):
            with pytest.raises(ValueError, match="ddof and correction "
                               "can't be provided simultaneously."):
                getattr(xp, name)(a, ddof=1, correction=0)
            assert getattr(xp, name)(a, ddof=0, correction=1) == getattr(
                xp, name)(a, ddof=1)


def test_nan_functions():
    """nansum/nanmean skip NaN; an all-NaN mean is NaN, as NumPy's."""
    nan = math.nan
    for values in ([1.0, nan, 2.0], [nan, nan], [[nan, 1.0], [2.0, nan]],
                   [[nan, nan], [1.0, 3.0]], [math.inf, nan, 1.0]):
        for dtype in ("float32", "float64"):
            n = np.array(values, dtype=dtype)
            for axis in [None] + list(range(n.ndim)):
                for name in ("nansum", "nanmean"):
                    assert_same_outcome(
                        run(lambda: getattr(mi, name)(mi.array(n),
                                                      axis=axis)),
                        run(lambda: getattr(np, name)(n, axis=axis)))


# ---------------------------------------------------------------------------
# trace and ptp
# ---------------------------------------------------------------------------

@given(data=st.data())
def test_trace(data):
    """The sum along a diagonal in every dtype and layout: any offset and
    pair of axes (NumPy's errors for bad ones), dtype=, as the method and
    the function.  The values of a float diagonal are quarters, so every
    summation order gives NumPy's sum exactly."""
    m, n = data.draw(twins_for(st.sampled_from(NP_DTYPES), "sum"))
    offset = data.draw(st.integers(-5, 5))
    first = data.draw(st.integers(-n.ndim - 1, n.ndim))
    second = data.draw(st.integers(-n.ndim - 1, n.ndim))
    dtype = data.draw(st.sampled_from(dtype_options(n.dtype, "any")))
    assert_same_outcome(run(lambda: m.trace(offset, first, second, dtype)),
                        run(lambda: n.trace(offset, first, second, dtype)))
    assert_same_outcome(run(lambda: mi.trace(m, offset, axis2=second)),
                        run(lambda: np.trace(n, offset, axis2=second)))


def test_trace_out():
    """``out=`` is filled and returned, 0-d included; a list is refused
    ("output must be an array")."""
    n = np.arange(24).reshape(2, 3, 4)
    m = mi.arange(24).reshape(2, 3, 4)
    m_out, n_out = mi.zeros(4, mi.float32), np.zeros(4, np.float32)
    assert m.trace(out=m_out) is m_out
    n.trace(out=n_out)
    assert_same(m_out, n_out)
    m_out, n_out = mi.array(0, mi.int8), np.array(0, np.int8)
    assert mi.trace(m[0], 1, out=m_out) is m_out
    np.trace(n[0], 1, out=n_out)
    assert_same(m_out, n_out)
    assert_same_outcome(run(lambda: m.trace(out=[1])),
                        run(lambda: n.trace(out=[1])))


@pytest.mark.parametrize("array", [np.arange(3), np.array(2.0),
                                   np.zeros((0, 0)), np.zeros((2, 3, 0)),
                                   np.ones((3, 3), bool),
                                   np.ones((3, 3), np.uint8)])
def test_trace_edge_cases(array):
    """Fewer than 2 axes (NumPy's ValueError), empty diagonals (0 of the
    sum's dtype), bool and small integers (summed in the platform
    integer)."""
    assert_same_outcome(run(lambda: mi.trace(mi.asarray(array))),
                        run(lambda: np.trace(array)))
    assert_same_outcome(run(lambda: mi.trace(array.tolist())),
                        run(lambda: np.trace(array.tolist())))


@given(data=st.data())
def test_ptp(data):
    """Maximum minus minimum in every dtype and layout, along None, an
    axis or a tuple of axes, with keepdims: NumPy's values and dtype
    (integers wrap, as NumPy's), and NumPy's errors (bool arrays cannot
    subtract; empty ones have no maximum)."""
    m, n = data.draw(twins_for(st.sampled_from(NP_DTYPES), "sum"))
    axis = data.draw(axes(n.ndim))
    keepdims = data.draw(st.booleans())
    assert_same_outcome(run(lambda: mi.ptp(m, axis, keepdims=keepdims)),
                        run(lambda: np.ptp(n, axis, keepdims=keepdims)))


def test_ptp_out_and_lists():
    n = np.array([[3, -5, 10], [1, 2, 0]], np.int16)
    m = mi.array(n)
    m_out, n_out = mi.zeros(3, mi.int16), np.zeros(3, np.int16)
    assert mi.ptp(m, 0, m_out) is m_out
    np.ptp(n, 0, n_out)
    assert_same(m_out, n_out)
    assert_same_outcome(
        run(lambda: mi.ptp([3, 4, 5, 10, -3, -5, 6.0], axis=0)),
        run(lambda: np.ptp([3, 4, 5, 10, -3, -5, 6.0], axis=0)))
    assert_same_outcome(run(lambda: mi.ptp(mi.array([-128, 127], mi.int8))),
                        run(lambda: np.ptp(np.array([-128, 127], np.int8))))
    assert_same_outcome(run(lambda: mi.ptp(5)), run(lambda: np.ptp(5)))
    assert not hasattr(mi.ndarray, "ptp")          # as NumPy 2
    out = mi.zeros(3, mi.int8)          # subtract refuses to cast into it
    assert_same_outcome(run(lambda: mi.ptp(m * 1.5, 0, out)),
                        run(lambda: np.ptp(n * 1.5, 0, np.zeros(3, np.int8))))


# ---------------------------------------------------------------------------
# The layout of the results
# ---------------------------------------------------------------------------

@given(data=st.data())
def test_result_layout(data):
    """The results of reduce (keepdims or not), accumulate and cumsum
    have NumPy's strides and contiguity flags: NumPy allocates them in the
    input's memory order ("K"), so an F input gives an F result."""
    name = data.draw(st.sampled_from(["sum", "max", "cumsum",
                                      "add.accumulate", "mean"]),
                     label="function")
    m, n = data.draw(twins_for(np.dtype(np.float64), "sum",
                               layouts=["C", "F", "transposed", "sliced"],
                               min_dims=1), label="twins")
    assume(n.ndim >= 1 and n.size > 0)
    axis = data.draw(axes(n.ndim, "int" if "cum" in name or "accumulate"
                          in name else "tuple"), label="axis")
    if name == "add.accumulate":
        axis = 0 if axis is None else axis
        m_result = mi.add.accumulate(m, axis=axis)
        n_result = np.add.accumulate(n, axis=axis)
    else:
        kwargs = {"axis": axis}
        if "cum" not in name:
            kwargs["keepdims"] = data.draw(st.booleans(), label="keepdims")
        m_result = getattr(mi, name)(m, **kwargs)
        n_result = getattr(np, name)(n, **kwargs)
    if isinstance(n_result, np.generic):
        return
    assert m_result.shape == n_result.shape
    assert m_result.strides == n_result.strides, (m_result.strides,
                                                  n_result.strides)
    for flag in ("C_CONTIGUOUS", "F_CONTIGUOUS", "OWNDATA", "WRITEABLE"):
        assert m_result.flags[flag] == n_result.flags[flag], flag


# ---------------------------------------------------------------------------
# Pairwise summation and the benchmark's traversals
# ---------------------------------------------------------------------------

def ulp_difference(m_value, n_value):
    """|m - n| in units in the last place of NumPy's value."""
    n_value = np.asarray(n_value)
    m_value = np.asarray(m_value, dtype=n_value.dtype)
    return float(np.max(np.abs(m_value.astype(np.float64)
                               - n_value.astype(np.float64))
                        / np.spacing(np.abs(n_value)).astype(np.float64)))


def test_pairwise_sum_of_float32_ones():
    """mi.ones(10**6, float32).sum() is NumPy's exactly; so are sums that
    only pairwise summation gets right: 2**24 + 1024 float32 ones (naive
    summation stalls at 2**24) and 10**6 copies of float32(0.1)."""
    assert mi.ones(10**6, dtype=mi.float32).sum() == float(
        np.ones(10**6, dtype=np.float32).sum())
    n = np.ones(2**24 + 1024, dtype=np.float32)
    assert mi.asarray(n).sum() == float(n.sum()) == 2**24 + 1024
    n = np.full(10**6, 0.1, dtype=np.float32)
    assert mi.array(n).sum() == float(n.sum())
    assert mi.full(10**6, 0.1, dtype=mi.float32).sum() == float(n.sum())


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("size", [7, 8, 9, 127, 128, 129, 1000, 1024,
                                  10**5, 10**5 + 3])
def test_pairwise_sum_random(size, dtype):
    """Sums of random floats of sizes around the pairwise block lengths
    (8 accumulators, blocks of 128), contiguous, strided and reversed:
    within rtol of NumPy's, and in fact equal to it (0 ulp observed: the
    same pairwise algorithm on the same 1-d traversal)."""
    rng = np.random.default_rng(size)
    base = rng.standard_normal(2 * size).astype(dtype)
    worst = 0.0
    for n in (base[:size], base[::2], base[size - 1::-1]):
        m = mi.asarray(n)
        for got in (m.sum(), mi.sum(m), mi.add.reduce(m)):
            expected = n.sum()
            np.testing.assert_allclose(got, expected, rtol=rtol_for(dtype))
            worst = max(worst, ulp_difference(got, expected))
    assert worst == 0, f"max ulp difference {worst}"


@pytest.mark.parametrize("order", ["C", "F"])
@pytest.mark.parametrize("dtype", ["float64", "float32", "int64", "int8"])
@pytest.mark.parametrize("shape", [(1000, 1000), (3, 1000), (1000, 3),
                                   (129, 7), (7, 129), (1, 500), (500, 1)])
def test_row_and_column_sums(shape, dtype, order):
    """sum(axis=0) (column sums), sum(axis=1) (row sums) and the total of
    C and F arrays equal NumPy's exactly: the traversal the benchmark
    measures (rows accumulated into a row of sums, or a pairwise sum per
    row) is NumPy's, so even the float rounding is the same."""
    rng = np.random.default_rng(sum(shape))
    if dtype.startswith("float"):
        values = rng.standard_normal(shape)
    else:
        values = rng.integers(-100, 100, shape)
    n = np.asarray(values, dtype=dtype, order=order)
    m = mi.array(n, order=order)
    for axis in (0, 1, None, -1):
        got, expected = m.sum(axis=axis), n.sum(axis=axis)
        if axis is None:
            assert_same_scalar(got, expected)
        else:
            assert got.dtype.name == expected.dtype.name
            np.testing.assert_array_equal(np.asarray(got), expected,
                                          strict=True)
    for axis in (0, 1):
        got, expected = m.mean(axis=axis), n.mean(axis=axis)
        np.testing.assert_array_equal(np.asarray(got), expected, strict=True)


@given(twin=twins())
def test_nonzero_and_one_argument_where(twin):
    m, n = twin
    if n.ndim == 0:
        with pytest.raises(ValueError) as got:
            mi.nonzero(m)
        with pytest.raises(ValueError) as want:
            np.nonzero(n)
        assert str(got.value) == str(want.value)
        return
    for got, want in [(mi.nonzero(m), np.nonzero(n)),
                      (mi.where(m), np.where(n)), (m.nonzero(), n.nonzero())]:
        assert len(got) == len(want)
        for g, w in zip(got, want):
            assert_same(g, w)
            assert not g.flags.owndata and g.base is got[0].base


@given(size=st.integers(0, 9000), where=st.data(),
       step=st.sampled_from([1, 2, -1, -3]), fill=st.booleans(),
       name=st.sampled_from(["any", "all", "logical_xor", "maximum",
                             "minimum", "add"]))
def test_logical_reductions_stop_at_the_deciding_block(size, where, step,
                                                       fill, name):
    """any/all look at blocks of 2048 elements and stop at the first that
    decides: one odd element anywhere (first block, a later one, the
    last element), in any step, gives NumPy's answer; bytes other than 0
    and 1 read as bools count as True."""
    n = np.full(size * abs(step), fill)
    if size:
        k = where.draw(st.integers(0, size - 1)) * abs(step)
        n[k] = not fill
    raw = n.view(np.uint8).copy()
    raw[raw == 1] = where.draw(st.sampled_from([1, 2, 255]))
    n = raw.view(bool)[::step]
    m = mi.asarray(raw).view(mi.bool_)[::step]
    if name in ("any", "all"):
        assert_same_outcome(run(lambda: getattr(m, name)()),
                            run(lambda: getattr(n, name)()))
    else:
        assert_same_outcome(run(lambda: getattr(mi, name).reduce(m)),
                            run(lambda: getattr(np, name).reduce(n)))


@pytest.mark.parametrize("dtype", ["int8", "uint16", "int32", "uint64",
                                   "float32", "float64"])
@given(size=st.integers(0, 9000), where=st.data(),
       value=st.sampled_from([0.0, -0.0, 1.0, float("nan")]),
       fill=st.sampled_from([0.0, 1.0]), order=st.sampled_from("CF"))
def test_any_all_of_any_dtype_read_the_elements_in_place(dtype, size, where,
                                                         value, fill, order):
    """a.any()/a.all() of a contiguous array of any dtype, or of a 1-d
    run with any step, read each element's truth where it lies (-0.0 is
    false, NaN true), 2048 at a time, and stop at the first block that
    decides: one odd element anywhere gives NumPy's answer, in C and F
    order, and in the other layouts (sliced, transposed, 0-d, broadcast),
    which reduce.  argmax/argmin of the whole array too (size 0 raises
    NumPy's ValueError)."""
    n = np.full(size, fill, dtype=dtype)
    if size:
        n[where.draw(st.integers(0, size - 1))] = (
            value if dtype.startswith("float") else int(value == value
                                                        and value != 0))
    if size % 3 == 0 and size:
        n = n.reshape(3, -1)
    n = np.asarray(n, order=order)
    m = mi.asarray(n)
    cases = [(m, n), (m.ravel()[::-2], n.ravel()[::-2]),
             (m.ravel()[1::3], n.ravel()[1::3]), (m[..., ::2], n[..., ::2]),
             (m.T, n.T)]
    if size:
        cases += [(m.ravel()[-1:].reshape(()), n.ravel()[-1:].reshape(())),
                  (mi.broadcast_to(m.ravel()[-1:], (4, 3)),
                   np.broadcast_to(n.ravel()[-1:], (4, 3)))]
    for x, y in cases:
        # (1-d runs with any step are read in place too; so are 0-d
        # arrays, and argmax/argmin of a whole array)
        for name in ("any", "all", "argmax", "argmin"):
            assert_same_outcome(run(lambda: getattr(x, name)()),
                                run(lambda: getattr(y, name)()))
            assert_same_outcome(run(lambda: getattr(mi, name)(x)),
                                run(lambda: getattr(np, name)(y)))


@pytest.mark.parametrize("dtype", [name for name in DTYPE_NAMES
                                   if name[0] in "iu"])
@pytest.mark.parametrize("size", [63, 64, 65, 129, 1000, 4097])
def test_integer_max_min_in_vector_lanes(dtype, size):
    """Integer max/min fold 64 lanes in C built for AVX-512, AVX2 and any
    x86-64: each width's lanes and remainder, with the type's extremes
    placed anywhere, contiguous and strided (copied to blocks)."""
    info = np.iinfo(dtype)
    rng = np.random.default_rng(size)
    n = rng.integers(info.min, info.max, 2 * size, dtype=dtype,
                     endpoint=True)
    n[rng.integers(0, 2 * size)] = info.max
    n[rng.integers(0, 2 * size)] = info.min
    m = mi.asarray(n)
    for x, y in [(m, n), (m[::2], n[::2]), (m[::-3], n[::-3])]:
        for name in ("max", "min", "argmax", "argmin"):
            assert_same_scalar(getattr(x, name)(), getattr(y, name)())
        assert_same(mi.maximum.reduce(x.reshape(-1, 1), axis=0),
                    np.maximum.reduce(y.reshape(-1, 1), axis=0))


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_functions_refuse_out_tuples(name):
    """ufunc.reduce takes out=(array,), NumPy's reduction functions and
    methods do not: their TypeError, with NumPy's message (the fuzzer
    found a.all(out=(o,)) accepted once reduce took the tuple)."""
    n = np.array([[1.0, 2.0], [3.0, 4.0]])
    m = mi.array(n)
    shape = (2, 2) if name.startswith("cum") else ()
    dtype = "int64" if name.startswith("arg") else "float64"
    calls = [(lambda xp, a, o: getattr(xp, name)(a, out=(o,)))]
    if FUNCTIONS[name][3]:
        calls.append(lambda xp, a, o: getattr(a, name)(out=(o,)))
    for call in calls:
        if name == "nanmean":
            # NumPy's nanmean reads out.dtype first: AttributeError, an
            # accident of its Python code; minind's TypeError says why.
            with pytest.raises(TypeError, match="must be of ArrayType"):
                call(mi, m, mi.zeros(shape, dtype))
            continue
        assert_same_outcome(
            run(lambda: call(mi, m, mi.zeros(shape, dtype))),
            run(lambda: call(np, n, np.zeros(shape, dtype))))


@pytest.mark.parametrize("case", ["bool sum", "int8 sum", "int64 mean",
                                  "float32 sum in float64"])
def test_casting_reductions_take_no_full_size_temporary(case):
    """A whole-array reduction that must cast its input casts 8192
    elements at a time, as NumPy's buffered iterator does: its peak
    memory (tracemalloc, which both libraries report to) is NumPy's, not
    a cast copy of the input; and blocks of NumPy's size round a float
    sum exactly as NumPy does."""
    import tracemalloc
    rng = np.random.default_rng(7)
    size = 8192 * 60 + 5                  # 480k elements, 4 MB as int64
    n = {"bool sum": rng.random(size) > 0.5,
         "int8 sum": rng.integers(-100, 100, size).astype(np.int8),
         "int64 mean": rng.integers(-100, 100, size),
         "float32 sum in float64": rng.random(size, np.float32)}[case]
    m = mi.asarray(n)
    call = {"bool sum": lambda a: a.sum(), "int8 sum": lambda a: a.sum(),
            "int64 mean": lambda a: a.mean(),
            "float32 sum in float64": lambda a: a.sum(dtype="float64")}[case]
    peaks, values = [], []
    for a in (m, n):
        tracemalloc.start()
        try:
            values.append(call(a))
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
    assert peaks[0] < 256 * 1024, peaks          # NumPy's: one buffer
    assert float(values[0]) == float(values[1])


# ---------------------------------------------------------------------------
# Reductions in lanes (fold_lanes): max/min with NaN, integer sums
# ---------------------------------------------------------------------------

_LANE_SIZES = st.sampled_from([0, 1, 15, 16, 17, 63, 64, 65, 127, 128, 129,
                               1000, 4097])


def _lane_layouts(n):
    """The array n, as contiguous, every other element, reversed."""
    return [n, n[::2], n[::-1]]


@settings(deadline=None)
@given(size=_LANE_SIZES, dtype=st.sampled_from(["float64", "float32"]),
       nan_at=st.sampled_from([None, "start", "middle", "end", "only",
                               "several"]),
       zeros=st.booleans(), seed=st.integers(0, 2**32 - 1))
def test_float_max_min_in_lanes_match_numpy(size, dtype, nan_at, zeros,
                                            seed):
    """maximum/minimum propagate NaN and fmax/fmin skip it, wherever the
    NaN is and across the lane and block sizes; the values are NumPy's
    (the sign of a zero on a tie is left to the lane order, as in NumPy,
    whose SIMD loops combine lanes too)."""
    rng = np.random.default_rng(seed)
    n = rng.standard_normal(size).astype(dtype)
    if zeros and size:
        n[rng.integers(0, size, max(1, size // 3))] = -0.0
        n[rng.integers(0, size, max(1, size // 3))] = 0.0
        n = np.minimum(n, 0.0).astype(dtype)     # so 0 is the maximum
    if size and nan_at is not None:
        where = {"start": [0], "middle": [size // 2], "end": [size - 1],
                 "only": list(range(size)),
                 "several": list(rng.integers(0, size, 3))}[nan_at]
        n[where] = np.nan
    for layout in _lane_layouts(n):
        m = mi.asarray(layout)
        for name in ("maximum", "minimum", "fmax", "fmin"):
            if layout.size == 0:
                continue
            want = getattr(np, name).reduce(layout)
            got = getattr(mi, name).reduce(m)
            assert np.dtype(str(mi.asarray(got).dtype)) == want.dtype
            np.testing.assert_array_equal(np.asarray(float(got)),
                                          np.asarray(float(want)))
            if layout.size < 16:          # serial: NumPy's zero sign too
                assert np.signbit(float(got)) == np.signbit(want)


@settings(deadline=None)
@given(size=_LANE_SIZES,
       dtype=st.sampled_from(["int8", "uint8", "int16", "uint16", "int32",
                              "uint32", "int64", "uint64"]),
       extreme=st.booleans(), seed=st.integers(0, 2**32 - 1))
def test_integer_reductions_in_lanes_match_numpy(size, dtype, extreme,
                                                 seed):
    """sum (wrapping), prod, max, min and the bitwise reductions of every
    integer type, with the type's extremes (overflowing sums wrap as in
    NumPy), over sizes around the lane count and three layouts."""
    rng = np.random.default_rng(seed)
    info = np.iinfo(dtype)
    if extreme:
        n = rng.choice(np.array([info.min, info.max, 0, 1], dtype=dtype),
                       size)
    else:
        n = rng.integers(info.min, info.max, size, dtype=dtype,
                         endpoint=True)
    for layout in _lane_layouts(n):
        m = mi.asarray(layout)
        for name in ("add", "multiply", "bitwise_and", "bitwise_or",
                     "bitwise_xor"):
            want = getattr(np, name).reduce(layout)
            got = getattr(mi, name).reduce(m)
            assert int(got) == int(want), name
        assert int(m.sum()) == int(layout.sum())
        assert int(m.sum(dtype="int64")) == int(layout.sum(dtype="int64"))
        if layout.size:
            for name in ("maximum", "minimum"):
                want = getattr(np, name).reduce(layout)
                assert int(getattr(mi, name).reduce(m)) == int(want)


@settings(deadline=None)
@given(size=st.sampled_from([1, 2, 15, 64, 65, 2047, 2048, 2049, 4097,
                             6200]),
       dtype=st.sampled_from(["float64", "float32", "int8", "uint16",
                              "int64", "bool"]),
       special=st.sampled_from([None, "nan_start", "nan_middle", "nan_end",
                                "nan_only", "nans", "zeros", "ties"]),
       seed=st.integers(0, 2**32 - 1))
def test_argmax_argmin_in_blocks_match_numpy(size, dtype, special, seed):
    """argmax/argmin search 2048-element blocks: the first NaN wins, a
    tie (0.0 and -0.0 too) gives the first index, wherever the answer
    sits relative to the blocks; rows of a 2-d array and strided,
    reversed layouts as well."""
    rng = np.random.default_rng(seed)
    if dtype == "bool":
        n = rng.random(size) < 0.5
    elif dtype.startswith("float"):
        n = rng.standard_normal(size).astype(dtype)
    else:
        info = np.iinfo(dtype)
        n = rng.integers(info.min, info.max, size, dtype=dtype,
                         endpoint=True)
    if special == "ties":
        n = rng.integers(0, 3, size).astype(dtype)
    elif special == "zeros":
        n = np.where(rng.random(size) < 0.5, 0.0, -0.0).astype(
            dtype if dtype.startswith("float") else "float64")
    elif special is not None and dtype.startswith("float"):
        where = {"nan_start": [0], "nan_middle": [size // 2],
                 "nan_end": [size - 1], "nan_only": list(range(size)),
                 "nans": list(rng.integers(0, size, 3))}[special]
        n[where] = np.nan
    for layout in (n, n[::2], n[::-1], n[: size - size % 3].reshape(3, -1)
                   if size >= 3 else n):
        m = mi.asarray(layout)
        for name in ("argmax", "argmin"):
            assert int(getattr(m, name)()) == int(getattr(layout, name)())
            if layout.ndim == 2:
                for axis in (0, 1):
                    np.testing.assert_array_equal(
                        np.asarray(getattr(m, name)(axis=axis).tolist()),
                        getattr(layout, name)(axis=axis))


@pytest.mark.parametrize("dtype", ["float64", "float32", "int8", "uint8",
                                   "int16", "uint32", "int64", "uint64"])
def test_argmax_argmin_find_the_first_of_two_anywhere(dtype):
    """The second pass looks for the first item equal to the extreme, 256
    items, then 32, then one at a time: the extreme twice, at every pair
    of positions on either side of those edges (and of the 64 lanes'),
    gives the first of them."""
    size = 2048 + 300
    edges = [0, 1, 31, 32, 33, 63, 64, 255, 256, 257, 287, 288, 1000, 2047,
             2048, 2049, 2303, 2304, size - 1]
    for low, high in ((0, 1), (5, 9)):
        for first in edges:
            for second in (e for e in edges if e >= first):
                n = np.full(size, low, dtype=dtype)
                n[first] = n[second] = high
                assert int(mi.asarray(n).argmax()) == first
                n = np.full(size, high, dtype=dtype)
                n[first] = n[second] = low
                assert int(mi.asarray(n).argmin()) == first


_FLOAT_SPECIALS = [np.nan, -np.nan, np.inf, -np.inf, 0.0, -0.0, 1e-310,
                   3e38, -3e38, 0.5]


@settings(deadline=None)
@given(size=st.sampled_from([0, 1, 7, 64, 65, 1000]),
       dtype=st.sampled_from(["float64", "float32"]),
       specials=st.lists(st.sampled_from(_FLOAT_SPECIALS), max_size=8),
       bounds=st.sampled_from([(0.2, 0.8), (-0.0, 0.0), (0.0, -0.0),
                               (0.8, 0.2), (np.nan, 0.5), (0.5, np.nan),
                               (-np.inf, np.inf)]),
       seed=st.integers(0, 2**32 - 1))
def test_clip_and_float_class_contiguous_match_numpy(size, dtype, specials,
                                                    bounds, seed):
    """clip with scalar bounds and isnan/isinf/isfinite on their
    branch-free contiguous loops give NumPy's values (NaN anywhere gives
    NaN, low > high gives high), and so do the strided and reversed
    layouts."""
    rng = np.random.default_rng(seed)
    n = rng.random(size).astype(dtype)
    if size:
        n[rng.integers(0, size, len(specials))] = np.array(
            specials, dtype=dtype)
    low, high = bounds
    for layout in (n, n[::2], n[::-1]):
        m = mi.asarray(layout)
        got = mi.clip(m, low, high)
        want = np.clip(layout, low, high)
        assert str(got.dtype) == str(want.dtype)
        # Values only: the sign of a zero on a tie with a bound is not a
        # rule in NumPy (clip of [-inf] * 3 to (-0.0, 0.0) gives -0.0,
        # of [-inf] * 40 gives 0.0: its SIMD body and scalar tail differ).
        np.testing.assert_array_equal(np.asarray(got.tolist(), dtype),
                                      want)
        for name in ("isnan", "isinf", "isfinite"):
            assert getattr(mi, name)(m).tolist() == \
                getattr(np, name)(layout).tolist(), name


@pytest.mark.parametrize("dtype", ["int64", "int8", "uint16", "float64",
                                   "float32"])
def test_accumulate_of_long_runs_matches_numpy_exactly(dtype):
    """accumulate keeps its running value in a register (binary_loop's
    first case): runs longer than the iterator's blocks, contiguous,
    strided, reversed and along both axes of C and F arrays, give
    NumPy's values bit for bit (a float sum in order, integers
    wrapping; maximum with a NaN)."""
    rng = np.random.default_rng(3)
    n = (rng.standard_normal(40003) * 100).astype(dtype)
    if dtype.startswith("float"):
        n[12345] = np.nan
    grid = n[:40000].reshape(200, 200)
    for layout in (n, n[::3], n[::-2], grid, np.asfortranarray(grid),
                   grid.T[::-1]):
        for axis in range(layout.ndim):
            for name in ("add", "multiply", "maximum", "subtract"):
                with np.errstate(all="ignore"):
                    want = getattr(np, name).accumulate(layout, axis=axis)
                with mi.errstate(all="ignore"):
                    got = np.asarray(getattr(mi, name).accumulate(
                        mi.asarray(layout), axis=axis))
                assert got.dtype == want.dtype
                np.testing.assert_array_equal(got, want, err_msg=name)


def test_accumulate_on_a_scalar_is_refused_before_the_loop():
    """0-d input is refused before any loop is looked for, as in NumPy:
    lcm.accumulate(True, out=float array) is 'cannot accumulate on a
    scalar', not the missing loop (the fuzzer's find)."""
    for lib in (mi, np):
        with pytest.raises(TypeError, match="cannot accumulate on a scalar"):
            lib.lcm.accumulate(lib.array(True), out=lib.zeros(()))


# ---------------------------------------------------------------------------
# out= in every layout
# ---------------------------------------------------------------------------

OUT_LAYOUT_CALLS = {
    "sum": lambda xp, a, axis, out: xp.sum(a, axis=axis, out=out),
    "a.max": lambda xp, a, axis, out: a.max(axis=axis, out=out),
    "min": lambda xp, a, axis, out: xp.min(a, axis=axis, out=out),
    "add.reduce": lambda xp, a, axis, out: xp.add.reduce(a, axis, out=out),
    "maximum.reduce": lambda xp, a, axis, out: xp.maximum.reduce(
        a, axis=axis, out=out),
    "a.sum keepdims": lambda xp, a, axis, out: a.sum(
        axis=axis, out=out, keepdims=True),
    "cumsum": lambda xp, a, axis, out: xp.cumsum(a, axis=axis, out=out),
    "add.accumulate": lambda xp, a, axis, out: xp.add.accumulate(
        a, axis=axis, out=out),
}


def _memory_root(n):
    """The NumPy array that owns ``n``'s memory (``n`` itself for an
    owner): snapshots of it see writes outside the view, too."""
    while isinstance(n.base, np.ndarray):
        n = n.base
    return n


@pytest.mark.parametrize("name", sorted(OUT_LAYOUT_CALLS))
@given(data=st.data())
def test_reduction_out_in_every_layout(name, data):
    """A reduction writes into ``out`` of any layout (C, F, sliced with
    steps of any sign, transposed) exactly what NumPy writes, touches no
    byte of the memory around it, and returns ``out`` itself; the input is
    drawn in every layout too, and ``out`` of any dtype the result casts
    to safely in kind."""
    call = OUT_LAYOUT_CALLS[name]
    dtype = data.draw(st.sampled_from(NP_DTYPES), label="dtype")
    m, n = data.draw(twins_for(dtype, "sum", min_dims=1), label="input")
    axis = data.draw(st.integers(-n.ndim, n.ndim - 1), label="axis")
    expected, error = run(lambda: call(np, n, axis, None))
    assume(error is None)
    # (Not a signed out for uint64 results: the loop would add in float64
    # and cast out-of-range floats to integers, which is the platform's.)
    out_dtype = data.draw(st.sampled_from(
        [d for d in NP_DTYPES
         if np.can_cast(expected.dtype, d, "same_kind")
         and (expected.dtype.kind in "bf"
              or np.result_type(expected.dtype, d).kind
              == expected.dtype.kind)]), label="out dtype")
    out_layout = data.draw(st.sampled_from(BASE_LAYOUTS), label="out layout")
    n_out = data.draw(exact_layout(out_dtype, expected.shape, [out_layout]),
                      label="out")
    root = _memory_root(n_out)
    m_out, n_out = twin_of(out_layout, n_out)
    shared = np.shares_memory(np.asarray(m_out), n_out)
    before = root.copy()
    m_result = run(lambda: call(mi, m, axis, m_out))
    m_written = np.array(m_out)
    m_root = root.copy()
    root[...] = before
    n_result = run(lambda: call(np, n, axis, n_out))
    assert (m_result[1] is None) == (n_result[1] is None), (m_result,
                                                            n_result)
    if n_result[1] is not None:
        assert type(m_result[1]).__name__ == type(n_result[1]).__name__
        return
    assert m_result[0] is m_out
    np.testing.assert_array_equal(m_written, n_out, strict=True)
    if shared:
        np.testing.assert_array_equal(m_root, root, strict=True)


@pytest.mark.parametrize("dtype", ["float64", "float32", "int64", "bool"])
@pytest.mark.parametrize("values", [
    [1e308, 1e308], [np.nan, 1.0], [np.inf, -np.inf], [-0.0], [3.0],
    [5e-324, 5e-324, 0.0], [1e-310] * 3, [1e-40] * 3, [-1.0, 1.0],
    [0.1] * 7 + [0.7] * 5, list(range(1000)), [[1.0, 2.0], [3.0, 4.5]],
    [[[0.25]]]])
def test_whole_array_mean_matches_numpy(values, dtype):
    """a.mean() of a whole array divides a scalar sum in Python
    (_whole_mean): NumPy's bits and scalar type, its warnings (the sum's
    overflow and invalid), and underflowing quotients sent to the
    general path, which applies errstate(under=...)."""
    with np.errstate(all="ignore"):
        x = np.array(values).astype(dtype)
    m = mi.asarray(x)
    with warnings.catch_warnings(record=True) as numpy_warnings:
        warnings.simplefilter("always")
        want = x.mean()
    with warnings.catch_warnings(record=True) as minind_warnings:
        warnings.simplefilter("always")
        got = m.mean()
    assert type(got).__name__ == type(want).__name__
    assert np.asarray(got).tobytes() == np.asarray(want).tobytes()
    assert [str(w.message) for w in minind_warnings] == [
        str(w.message) for w in numpy_warnings]
    for error in ("under", "over", "invalid"):
        with np.errstate(all="ignore", **{error: "raise"}):
            try:
                x.mean()
                expected = None
            except FloatingPointError as e:
                expected = str(e)
        with mi.errstate(all="ignore", **{error: "raise"}):
            try:
                m.mean()
                raised = None
            except FloatingPointError as e:
                raised = str(e)
        assert raised == expected, error


@pytest.mark.parametrize("name, values, out_dtype", [
    ("logaddexp", [0.0], "bool"), ("logaddexp", [0.0, 1.0], "bool"),
    ("logaddexp", [0.0, 1.0], "int8"), ("bitwise_and", [2], "bool"),
    ("bitwise_and", [2, 3], "bool"), ("bitwise_and", [0x1FF, 0x17F], "uint8"),
    ("bitwise_or", [2, 4], "bool"), ("multiply", [0.5], "bool"),
    ("add", [-0.0], "float32"), ("add", [0.5, 0.25], "int8"),
    ("logical_and", [2.0, 0.5], "int8")])
def test_reduce_into_out_starts_from_the_identity_it_holds(name, values,
                                                          out_dtype):
    """NumPy starts a reduction into ``out=`` from the identity as out's
    dtype holds it (-inf into bool is True): logaddexp.reduce([0.0]) into
    a bool is True, bitwise_and.reduce([2]) into a bool False.  Found by
    the fuzzer (tests/fuzz/corpus/fuzz_ufunc/751b8cbecd62...);
    an identity the dtype holds (add's 0) changes nothing, -0.0 included."""
    n = np.array(values)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        want = np.zeros((), out_dtype)
        getattr(np, name).reduce(n, out=want)
        got = mi.zeros((), out_dtype)
        getattr(mi, name).reduce(mi.asarray(n), out=got)
    assert np.asarray(got).tobytes() == want.tobytes(), (got, want)
