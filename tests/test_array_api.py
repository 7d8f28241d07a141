"""The Python Array API standard (2024.12) on minind's own namespace.

Arrays are drawn by ``hypothesis.extra.array_api`` with minind as the
namespace, exactly as the standard's conformance suite draws them (through
``mi.asarray``, ``mi.full``, ``mi.zeros``...).  Every function of the
standard that minind has is run on them and compared with NumPy 2's
namespace on the same values (where the two disagree, NumPy is the
reference): dtype, shape and values, and for 0-d results the attributes
the standard asks of them (``.dtype``, ``.ndim``, ``.shape``).
"""
import math

import numpy as np
import pytest
from hypothesis import given, strategies as st
from hypothesis.extra.array_api import make_strategies_namespace

import minind as mi

xps = make_strategies_namespace(mi, api_version="2024.12")

UNARY = ["abs", "acos", "acosh", "asin", "asinh", "atan", "atanh",
         "bitwise_invert", "ceil", "conj", "cos", "cosh", "exp", "expm1",
         "floor", "isfinite", "isinf", "isnan", "log", "log1p", "log2",
         "log10", "logical_not", "negative", "positive", "real", "imag",
         "reciprocal", "round", "sign", "signbit", "sin", "sinh", "square",
         "sqrt", "tan", "tanh", "trunc"]
BINARY = ["add", "atan2", "bitwise_and", "bitwise_left_shift",
          "bitwise_or", "bitwise_right_shift", "bitwise_xor", "copysign",
          "divide", "equal", "floor_divide", "greater", "greater_equal",
          "hypot", "less", "less_equal", "logaddexp", "logical_and",
          "logical_or", "logical_xor", "maximum", "minimum", "multiply",
          "nextafter", "not_equal", "pow", "remainder", "subtract"]
REDUCTIONS = ["all", "any", "max", "mean", "min", "prod", "std", "sum",
              "var", "argmax", "argmin", "count_nonzero",
              "cumulative_sum", "cumulative_prod"]
OTHERS = ["arange", "asarray", "empty", "empty_like", "eye", "from_dlpack",
          "full", "full_like", "linspace", "meshgrid", "ones", "ones_like",
          "tril", "triu", "zeros", "zeros_like", "astype", "can_cast",
          "finfo", "iinfo", "isdtype", "result_type", "broadcast_arrays",
          "broadcast_to", "concat", "expand_dims", "flip", "moveaxis",
          "permute_dims", "repeat", "reshape", "roll", "squeeze", "stack",
          "tile", "unstack", "nonzero", "where", "searchsorted", "argsort",
          "sort", "unique_all", "unique_counts", "unique_inverse",
          "unique_values", "matmul", "matrix_transpose", "tensordot",
          "vecdot", "clip", "diff", "take", "take_along_axis"]

# Every name of the standard's main namespace is minind's now (the list
# stays, empty, so that a name the standard adds is noticed).
MISSING = set()


def test_the_namespace_says_what_it_is():
    assert mi.__array_api_version__ == "2024.12"
    x = mi.zeros(3)
    assert x.__array_namespace__() is mi
    assert x.device == "cpu" and x.to_device("cpu") is x
    for name in ("bool", "int8", "int16", "int32", "int64", "uint8",
                 "uint16", "uint32", "uint64", "float32", "float64"):
        assert mi.dtype(getattr(mi, name)).name == name


def test_inventory_is_honest():
    """Every name of the standard is minind's or listed as missing: a
    function added to minind fails here until it leaves MISSING (and so
    gets tested below)."""
    names = UNARY + BINARY + REDUCTIONS + OTHERS
    absent = {name for name in names if not hasattr(mi, name)}
    assert absent == MISSING & set(names), (
        f"now present: {sorted(MISSING - absent)}; "
        f"missing and unlisted: {sorted(absent - MISSING)}")


def _present(names):
    return [name for name in names if name not in MISSING]


def _accepts(np_function, dtype):
    try:
        with np.errstate(all="ignore"):
            np_function(*[np.zeros(1, dtype)]
                        * getattr(np_function, "nin", 1))
        return True
    except TypeError:
        return False


def assert_like_numpy(got, want, exact):
    """``got`` (minind) matches ``want`` (NumPy): dtype, shape, values; a
    0-d result has the standard's attributes."""
    assert got.dtype == want.dtype and got.dtype.name == want.dtype.name
    assert got.shape == want.shape and got.ndim == want.ndim
    if want.ndim == 0:
        assert got.shape == () and got.ndim == 0
    g, w = np.asarray(got), np.asarray(want)
    if exact or w.dtype.kind not in "f":
        np.testing.assert_array_equal(g, w, strict=True)
    else:
        np.testing.assert_allclose(g, w, rtol=4 * np.finfo(w.dtype).eps,
                                   atol=0, equal_nan=True)


EXACT = {"abs", "negative", "positive", "square", "sign", "floor", "ceil",
         "trunc", "round", "isnan", "isinf", "isfinite", "signbit",
         "logical_not", "bitwise_invert", "sqrt", "add", "subtract",
         "multiply", "divide", "maximum", "minimum", "equal", "not_equal",
         "less", "less_equal", "greater", "greater_equal", "logical_and",
         "logical_or", "logical_xor", "bitwise_and", "bitwise_or",
         "bitwise_xor", "floor_divide", "remainder", "copysign"}


@pytest.mark.parametrize("name", _present(UNARY))
@given(x=xps.arrays(dtype=xps.real_dtypes() | xps.boolean_dtypes(),
                    shape=xps.array_shapes(min_dims=0, max_side=4)))
def test_elementwise_unary(name, x):
    np_function = getattr(np, name)
    n = np.array(np.asarray(x))
    if not _accepts(np_function, n.dtype) or n.dtype == np.float16:
        return
    if name == "reciprocal" and n.dtype.kind in "iu" and (n == 0).any():
        return           # integer 1/0: platform-dependent in NumPy (README)
    with np.errstate(all="ignore"):
        want = np_function(n)
    if np.result_type(want) == np.float16:
        return                 # minind gives float32 (README)
    got = getattr(mi, name)(x)
    assert_like_numpy(got, want, name in EXACT)


@pytest.mark.parametrize("name", _present(BINARY))
@given(data=st.data(), shapes=xps.mutually_broadcastable_shapes(2, max_side=3))
def test_elementwise_binary(name, data, shapes):
    np_function = getattr(np, name)
    dtype = data.draw(xps.real_dtypes() | xps.boolean_dtypes(),
                      label="dtype")
    x = data.draw(xps.arrays(dtype, shapes.input_shapes[0]), label="x")
    y = data.draw(xps.arrays(dtype, shapes.input_shapes[1]), label="y")
    n1, n2 = np.array(np.asarray(x)), np.array(np.asarray(y))
    if not _accepts(np_function, n1.dtype):
        return
    if name in ("pow", "power") and n1.dtype.kind in "iu" and (
            n2 < 0).any():
        return                 # NumPy refuses negative integer powers
    with np.errstate(all="ignore"):
        want = np_function(n1, n2)
    if np.result_type(want) == np.float16:
        return                 # minind gives float32 (README)
    got = getattr(mi, name)(x, y)
    assert_like_numpy(got, want, name in EXACT)


@pytest.mark.parametrize("name", _present(REDUCTIONS))
@given(data=st.data(), x=xps.arrays(dtype=xps.real_dtypes() | xps.boolean_dtypes(),
                    shape=xps.array_shapes(min_dims=1, max_side=4)))
def test_reductions_and_their_zero_d_results(name, data, x):
    """A full reduction is 0-d: its ``.dtype``, ``.ndim`` and ``.shape``
    are what NumPy's scalar has."""
    n = np.array(np.asarray(x))
    axis = data.draw(st.none() | st.integers(-x.ndim, x.ndim - 1),
                     label="axis")
    if name in ("max", "min", "argmax", "argmin") and n.size == 0:
        return
    with np.errstate(all="ignore"):
        try:
            want = getattr(np, name)(n, axis=axis)
        except (TypeError, ValueError) as exc:
            with pytest.raises(type(exc)):
                getattr(mi, name)(x, axis=axis)
            return
    got = getattr(mi, name)(x, axis=axis)
    if axis is None and not name.startswith("cumulative"):
        assert isinstance(got, mi.generic), type(got)
    assert_like_numpy(got, want, name not in ("mean", "std", "var")
                      and n.dtype.kind != "f")


SORTING = ["sort", "argsort", "searchsorted", "unique_values",
           "unique_counts", "unique_inverse", "unique_all"]


@pytest.mark.parametrize("name", _present(SORTING))
@given(data=st.data(), x=xps.arrays(
    dtype=xps.real_dtypes() | xps.boolean_dtypes(),
    shape=xps.array_shapes(min_dims=1, max_side=5)))
def test_sorting_and_set_functions(name, data, x):
    """The standard's sorting and set functions in their standard forms
    (keyword ``axis`` and ``stable``; the unique_* named tuples), against
    NumPy.  Stable sorts are exact; NumPy orders unique_* its own way
    (a hash table), so those are compared with its sorted answer."""
    n = np.array(np.asarray(x))
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1), label="axis")
    if name in ("sort", "argsort"):
        got = getattr(mi, name)(x, axis=axis, stable=True)
        want = getattr(np, name)(n, axis=axis, stable=True)
        assert_like_numpy(got, want, True)
    elif name == "searchsorted":
        run = np.sort(n.reshape(-1))
        side = data.draw(st.sampled_from(["left", "right"]), label="side")
        assert_like_numpy(mi.searchsorted(mi.asarray(run), x, side=side),
                          np.searchsorted(run, n, side=side), True)
    else:
        got = getattr(mi, name)(x)
        want = getattr(np, name)(n)
        fields = ("values",) if name == "unique_values" else want._fields
        if name == "unique_values":
            got, want = (got,), (want,)
        assert tuple(getattr(type(got), "_fields", fields)) == fields
        values = np.asarray(got[0])
        assert_like_numpy(got[0], np.sort(want[0]), True)
        for field, part in zip(fields[1:], tuple(got)[1:]):
            part = np.asarray(part)
            if field == "counts":
                assert part.sum() == n.size and (part > 0).all()
            elif field == "indices":
                assert_like_numpy(mi.asarray(n.reshape(-1)[part]),
                                  np.sort(want[0]), True)
            else:
                assert part.shape == n.shape
                reconstructed = values[part]
                same = reconstructed == n
                if n.dtype.kind == "f":
                    same |= np.isnan(reconstructed) & np.isnan(n)
                assert same.all()
