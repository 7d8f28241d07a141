"""The Array API standard's creation, manipulation and inspection
functions on minind's own namespace, and the array's Array API
attributes, against NumPy 2 (the reference where it and the standard
disagree).

* creation: ``eye``, ``identity``, ``linspace`` (NumPy's exact values),
  ``meshgrid``, ``tri``/``tril``/``triu``, ``device=`` on the creation
  functions;
* views: ``flip`` (negative strides), ``permute_dims``,
  ``matrix_transpose``/``mT``, ``unstack``, ``expand_dims``/``squeeze``
  in the standard's keyword forms;
* inspection: ``isdtype``, ``finfo``, ``iinfo``, ``astype``,
  ``result_type``, ``can_cast``;
* the array: ``__array_namespace__``, ``device``, ``to_device``,
  ``__array_api_version__``;
* the signatures, parameter by parameter, are NumPy's;
* arrays drawn through ``hypothesis.extra.array_api`` with minind as the
  namespace, as the standard's conformance suite draws them.

Layout-sensitive results are compared with NumPy's in every layout of
``strategies``: shape, strides, flags, dtype, values, and whether the
result is a view and of what.
"""
import inspect
import math
import warnings

import numpy as np
import pytest
from hypothesis import assume, given, note, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from hypothesis.extra.array_api import make_strategies_namespace

import minind as mi

from strategies import (DTYPE_NAMES, NP_DTYPES, assert_same,
                        assert_same_scalar,
                        assert_same_values, dtypes, twins)
from test_manipulation import assert_same_view, same_outcome

FLOAT_NAMES = ["float32", "float64"]
INT_NAMES = ["int8", "uint8", "int16", "uint16", "int32", "uint32",
             "int64", "uint64"]


def assert_fresh(m_result, n_result):
    assert_same(m_result, n_result)
    assert m_result.flags.owndata == n_result.flags.owndata


# ---------------------------------------------------------------------------
# eye, identity
# ---------------------------------------------------------------------------

@given(N=st.integers(0, 5), M=st.none() | st.integers(0, 5),
       k=st.integers(-7, 7), dtype=dtypes, order=st.sampled_from("CF"))
def test_eye_matches_numpy(N, M, k, dtype, order):
    assert_fresh(mi.eye(N, M, k, dtype, order),
                 np.eye(N, M, k, dtype, order))


@pytest.mark.parametrize("call", [
    lambda xp: xp.eye(-1),
    lambda xp: xp.eye(3.0),
    lambda xp: xp.eye(3, 2.0),
    lambda xp: xp.eye(3, k=1.0),
    lambda xp: xp.eye(3, k=5.0),         # beyond the matrix: no check
    lambda xp: xp.eye(3, k=-10**30),
    lambda xp: xp.eye(3, order="A"),
    lambda xp: xp.eye(3, device="gpu"),
    lambda xp: xp.eye(3, dtype="foo"),
    lambda xp: xp.identity(3, dtype="int8"),
    lambda xp: xp.identity(0),
    lambda xp: xp.identity(-2),
])
def test_eye_edges_match_numpy(call):
    result = same_outcome(lambda: call(mi), lambda: call(np))
    if result is not None:
        assert_fresh(*result)


@given(n=st.integers(0, 5), dtype=st.none() | dtypes)
def test_identity_matches_numpy(n, dtype):
    assert_fresh(mi.identity(n, dtype), np.identity(n, dtype))


# ---------------------------------------------------------------------------
# linspace
# ---------------------------------------------------------------------------

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_subnormal=False)
endpoints = finite | st.integers(-1000, 1000) | st.booleans()


@given(start=endpoints, stop=endpoints, num=st.integers(0, 12),
       endpoint=st.booleans(),
       dtype=st.sampled_from([None, "float32", "float64", "int64", "int16",
                              "uint8", "bool"]))
def test_linspace_values_are_numpys(start, stop, num, endpoint, dtype):
    """Bit for bit: NumPy's recipe (arange * step + start, the last
    value set to stop, floor for integer dtypes)."""
    with np.errstate(all="ignore"):
        n_result, n_step = np.linspace(start, stop, num, endpoint,
                                       retstep=True, dtype=dtype)
    if dtype is not None and np.dtype(dtype).kind in "iu":
        info = np.iinfo(dtype)
        assume(min(start, stop) >= info.min and max(start, stop) <= info.max)
    m_result, m_step = mi.linspace(start, stop, num, endpoint,
                                   retstep=True, dtype=dtype)
    assert_fresh(m_result, n_result)
    assert type(n_result.base) is type(m_result.base) or (
        n_result.base is None) == (m_result.base is None)
    n_step = float(n_step)
    assert (math.isnan(m_step) and math.isnan(n_step)) or m_step == n_step


@given(data=st.data(), num=st.integers(0, 6), endpoint=st.booleans(),
       dtype=st.sampled_from(["float32", "float64", "int32"]))
def test_linspace_between_arrays(data, num, endpoint, dtype):
    """Array endpoints (float32 ones keep float32) broadcast against each
    other; the samples go along ``axis``."""
    shape = data.draw(hnp.array_shapes(min_dims=0, max_dims=2, max_side=3))
    elements = st.floats(-1e4, 1e4, width=32)
    start = data.draw(hnp.arrays(dtype, shape, elements=elements
                                 if dtype != "int32" else None))
    stop = data.draw(hnp.arrays(dtype, shape, elements=elements
                                if dtype != "int32" else None))
    axis = data.draw(st.integers(-start.ndim - 2, start.ndim + 1))
    note(f"axis={axis}")
    result = same_outcome(
        lambda: mi.linspace(mi.asarray(start), mi.asarray(stop), num,
                            endpoint, axis=axis),
        lambda: np.linspace(start, stop, num, endpoint, axis=axis))
    if result is not None:
        assert_same(*result)
    result = same_outcome(
        lambda: mi.linspace(mi.asarray(start), 7.5, num, endpoint),
        lambda: np.linspace(start, 7.5, num, endpoint))
    assert_same(*result)


@pytest.mark.parametrize("call", [
    lambda xp: xp.linspace(0, 1, -1),
    lambda xp: xp.linspace(0, 1, 2.0),
    lambda xp: xp.linspace(0, 1, 5, axis=2),
    lambda xp: xp.linspace(0, 1, 5, device="gpu"),
    lambda xp: xp.linspace(0, 5e-324, 4),        # the step underflows
    lambda xp: xp.linspace(0, 1, 1, retstep=True)[0],
    lambda xp: xp.linspace(-5, 5, 4, dtype="int8"),
    lambda xp: xp.linspace(1e300, -1e300, 5),
])
def test_linspace_edges_match_numpy(call):
    result = same_outcome(lambda: call(mi), lambda: call(np))
    if result is not None:
        assert_same(*result)


# ---------------------------------------------------------------------------
# meshgrid, tri, tril, triu
# ---------------------------------------------------------------------------

@given(data=st.data(), count=st.integers(0, 3), copy=st.booleans(),
       sparse=st.booleans(), indexing=st.sampled_from(["xy", "ij"]))
def test_meshgrid_matches_numpy(data, count, copy, sparse, indexing):
    pairs = [data.draw(twins(shape=hnp.array_shapes(min_dims=1, max_dims=1,
                                                    max_side=4)))
             for _ in range(count)]
    m_out = mi.meshgrid(*[m for m, _ in pairs], copy=copy, sparse=sparse,
                        indexing=indexing)
    n_out = np.meshgrid(*[n for _, n in pairs], copy=copy, sparse=sparse,
                        indexing=indexing)
    assert type(m_out) is type(n_out) and len(m_out) == len(n_out)
    for m_result, n_result, (m, n) in zip(m_out, n_out, pairs):
        assert_same_view(m_result, n_result, m, n)


def test_meshgrid_bad_indexing():
    assert same_outcome(lambda: mi.meshgrid(mi.arange(2), indexing="yx"),
                        lambda: np.meshgrid(np.arange(2),
                                            indexing="yx")) is None


@given(pair=twins(), k=st.integers(-4, 4) | st.sampled_from([1.5, -0.5]),
       upper=st.booleans())
def test_tril_triu_match_numpy(pair, k, upper):
    """The layout is ``where``'s for (mask, m, zeros(1)): C for most,
    the input's own order for stacks of matrices."""
    m, n = pair
    name = "triu" if upper else "tril"
    result = same_outcome(lambda: getattr(mi, name)(m, k),
                          lambda: getattr(np, name)(n, k))
    if result is not None:
        assert_fresh(*result)


@given(N=st.integers(0, 4), M=st.none() | st.integers(0, 4),
       k=st.integers(-5, 5), dtype=dtypes)
def test_tri_matches_numpy(N, M, k, dtype):
    assert_fresh(mi.tri(N, M, k, dtype), np.tri(N, M, k, dtype))


# ---------------------------------------------------------------------------
# Views: flip, permute_dims, matrix_transpose, unstack, expand/squeeze
# ---------------------------------------------------------------------------

@given(pair=twins(), data=st.data())
def test_flip_is_a_view_with_negative_strides(pair, data):
    m, n = pair
    axes = st.integers(-n.ndim - 1, n.ndim)
    axis = data.draw(st.none() | axes
                     | st.lists(axes, max_size=3).map(tuple))
    note(f"axis={axis}")
    result = same_outcome(lambda: mi.flip(m, axis), lambda: np.flip(n, axis))
    if result is None:
        return
    m_result, n_result = result
    if isinstance(n_result, np.ndarray):
        assert_same_view(m_result, n_result, m, n)
    else:   # a 0-d array flipped along no axis is indexed with ()
        assert_same_values(np.asarray(m_result).tolist(),
                           n_result.tolist())


@given(pair=twins(), data=st.data())
def test_permute_dims_and_matrix_transpose(pair, data):
    m, n = pair
    axes = tuple(data.draw(st.permutations(range(n.ndim))))
    assert_same_view(mi.permute_dims(m, axes), np.permute_dims(n, axes), m, n)
    assert_same_view(mi.permute_dims(m), np.permute_dims(n), m, n)
    for call in (lambda x: x.mT, lambda x: mi.matrix_transpose(x)
                 if isinstance(x, mi.MiniArray) else np.matrix_transpose(x)):
        result = same_outcome(lambda: call(m), lambda: call(n))
        if result is not None:
            assert_same_view(*result, m, n)


@given(pair=twins(), data=st.data())
def test_unstack_gives_views(pair, data):
    m, n = pair
    axis = data.draw(st.integers(-n.ndim - 1, n.ndim))
    result = same_outcome(lambda: mi.unstack(m, axis=axis),
                          lambda: np.unstack(n, axis=axis))
    if result is None:
        return
    m_parts, n_parts = result
    assert type(m_parts) is tuple and len(m_parts) == len(n_parts)
    for m_part, n_part in zip(m_parts, n_parts):
        if isinstance(n_part, np.ndarray):
            assert_same_view(m_part, n_part, m, n)
        else:        # a 1-d array unstacks into its elements
            assert_same_values(np.asarray(m_part).tolist(),
                               n_part.tolist())


def test_unstack_needs_an_array_with_axes():
    for call in (lambda xp: xp.unstack(xp.asarray(5)),
                 lambda xp: xp.unstack([[1, 2]])):
        assert same_outcome(lambda: call(mi), lambda: call(np)) is None


@given(pair=twins(), data=st.data())
def test_expand_dims_and_squeeze_in_the_standards_forms(pair, data):
    """``expand_dims(x, axis=...)`` with a tuple, ``squeeze(x,
    axis=...)``: the keyword forms the standard uses."""
    m, n = pair
    axis = tuple(data.draw(st.lists(st.integers(-n.ndim - 2, n.ndim + 1),
                                    max_size=2)))
    result = same_outcome(lambda: mi.expand_dims(m, axis=axis),
                          lambda: np.expand_dims(n, axis=axis))
    if result is not None:
        assert_same_view(*result, m, n)
    ones = tuple(k for k in range(n.ndim) if n.shape[k] == 1)
    result = same_outcome(lambda: mi.squeeze(m, axis=ones),
                          lambda: np.squeeze(n, axis=ones))
    assert_same_view(*result, m, n)


# ---------------------------------------------------------------------------
# Inspection: isdtype, finfo, iinfo, astype, result_type, can_cast
# ---------------------------------------------------------------------------

KINDS = ["bool", "signed integer", "unsigned integer", "integral",
         "real floating", "complex floating", "numeric"]


@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_isdtype_matches_numpy(name):
    for kind in KINDS + [tuple(KINDS[:2]), tuple(KINDS[3:6]), ()]:
        assert mi.isdtype(mi.dtype(name), kind) == np.isdtype(
            np.dtype(name), kind), kind
    for other in DTYPE_NAMES:
        assert mi.isdtype(mi.dtype(name), mi.dtype(other)) == np.isdtype(
            np.dtype(name), np.dtype(other))
        assert mi.isdtype(mi.dtype(name), ("bool", mi.dtype(other))) == (
            np.isdtype(np.dtype(name), ("bool", np.dtype(other))))


@pytest.mark.parametrize("call", [
    lambda xp: xp.isdtype(xp.dtype("int8"), "foo"),
    lambda xp: xp.isdtype(xp.dtype("int8"), ("bool", "foo")),
    lambda xp: xp.isdtype(xp.dtype("int8"), 3),
    lambda xp: xp.isdtype(xp.dtype("int8"), None),
    lambda xp: xp.isdtype(xp.dtype("int8"), ("bool", 3.5)),
    lambda xp: xp.isdtype("int8", "bool"),
    lambda xp: xp.isdtype(float, "numeric"),
    lambda xp: xp.isdtype(xp.zeros(2), "numeric"),
])
def test_isdtype_errors_are_numpys(call):
    with pytest.raises(Exception) as m_info:
        call(mi)
    with pytest.raises(Exception) as n_info:
        call(np)
    assert type(m_info.value) is type(n_info.value)
    if isinstance(n_info.value, ValueError):
        assert str(m_info.value) == str(n_info.value)


FINFO_ATTRIBUTES = ["bits", "eps", "epsneg", "iexp", "machep", "max",
                    "maxexp", "min", "minexp", "negep", "nexp", "nmant",
                    "precision", "resolution", "smallest_normal",
                    "smallest_subnormal", "tiny"]


@pytest.mark.parametrize("name", FLOAT_NAMES)
def test_finfo_matches_numpy(name):
    """Every attribute holds NumPy's value exactly, as NumPy's type: a
    scalar of the dtype for the float limits, a Python int else."""
    for spelling in (name, mi.dtype(name)):
        m_info, n_info = mi.finfo(spelling), np.finfo(name)
        for attribute in FINFO_ATTRIBUTES:
            m_value = getattr(m_info, attribute)
            n_value = getattr(n_info, attribute)
            if isinstance(n_value, np.generic):
                assert_same_scalar(m_value, n_value)
            else:
                assert type(m_value) is type(n_value), attribute
                assert m_value == n_value, attribute
        assert m_info.dtype == mi.dtype(name)
        assert repr(m_info) == repr(n_info)
        assert str(m_info) == str(n_info)
    assert mi.finfo(name) is mi.finfo(mi.dtype(name))


def test_finfo_of_python_floats_and_bad_types():
    assert repr(mi.finfo(float)) == repr(np.finfo(float))
    assert repr(mi.finfo(1.0)) == repr(np.finfo(1.0))
    for bad in ["int8", int, 1, "bool", mi.zeros(2)]:
        with pytest.raises(ValueError):
            mi.finfo(bad)
    with pytest.raises(ValueError, match="not inexact"):
        mi.finfo("uint16")
    with pytest.warns(DeprecationWarning):
        assert mi.finfo(None).dtype == mi.dtype("float64")


@pytest.mark.parametrize("name", INT_NAMES)
def test_iinfo_matches_numpy(name):
    for spelling in (name, mi.dtype(name)):
        m_info, n_info = mi.iinfo(spelling), np.iinfo(name)
        for attribute in ("bits", "min", "max", "kind", "key"):
            assert getattr(m_info, attribute) == getattr(n_info, attribute)
            assert type(getattr(m_info, attribute)) is type(
                getattr(n_info, attribute))
        assert m_info.dtype == mi.dtype(name)
        assert repr(m_info) == repr(n_info)
        assert str(m_info) == str(n_info)


@pytest.mark.parametrize("bad", ["float32", "bool", None, float, 2.5])
def test_iinfo_refuses_what_numpy_refuses(bad):
    with pytest.raises(ValueError) as m_error:
        mi.iinfo(bad)
    with pytest.raises(ValueError) as n_error:
        np.iinfo(bad)
    assert str(m_error.value) == str(n_error.value)
    assert repr(mi.iinfo(3)) == repr(np.iinfo(3))
    assert repr(mi.iinfo(int)) == repr(np.iinfo(int))
    with pytest.raises(ValueError):
        mi.iinfo(mi.zeros(2, "int16"))


@given(pair=twins(), dtype=dtypes, copy=st.sampled_from([True, False, None]))
def test_astype_function(pair, dtype, copy):
    m, n = pair
    if n.dtype.kind == "f" and dtype.kind in "iu":
        with np.errstate(invalid="ignore"):
            assume(np.isfinite(n).all() and (
                np.trunc(n.astype("float64")) >= np.iinfo(dtype).min).all()
                and (np.trunc(n.astype("float64"))
                     <= np.iinfo(dtype).max).all())
    with np.errstate(all="ignore"):
        n_result = np.astype(n, dtype, copy=copy)
    m_result = mi.astype(m, dtype, copy=copy)
    assert_same_view(m_result, n_result, m, n)


@pytest.mark.parametrize("scalar", [
    lambda xp: xp.int64(10), lambda xp: xp.float32(-2.5),
    lambda xp: xp.bool_(True), lambda xp: xp.uint8(200)])
@pytest.mark.parametrize("dtype", ["float64", "int8", "bool", "uint16"])
def test_astype_function_of_a_scalar(scalar, dtype):
    """A scalar converts as ``scalar.astype`` does: a scalar of the new
    dtype (NumPy's TestAsType)."""
    with np.errstate(all="ignore"):
        want = np.astype(scalar(np), dtype)
    got = mi.astype(scalar(mi), dtype)
    assert type(got).__name__ == type(want).__name__
    assert got.dtype.name == want.dtype.name and got == want
    assert mi.astype(scalar(mi), scalar(mi).dtype, copy=False) == scalar(mi)


@pytest.mark.parametrize("call", [
    lambda xp: xp.astype([1, 2], "int8"),
    lambda xp: xp.astype(3, "int8"),
    lambda xp: xp.astype(xp.zeros(2), "int8", device="gpu"),
    lambda xp: xp.astype(xp.zeros(2), "foo"),
])
def test_astype_function_errors(call):
    with pytest.raises(Exception) as m_info:
        call(mi)
    with pytest.raises(Exception) as n_info:
        call(np)
    assert type(m_info.value) is type(n_info.value)


@pytest.mark.parametrize("first", NP_DTYPES, ids=str)
def test_result_type_and_can_cast_are_there(first):
    for second in NP_DTYPES:
        assert mi.result_type(mi.dtype(first.name), mi.dtype(
            second.name)) == np.result_type(first, second)
        for casting in ("no", "safe", "same_kind", "unsafe"):
            assert mi.can_cast(first.name, second.name, casting) == (
                np.can_cast(first, second, casting))


# ---------------------------------------------------------------------------
# The array: namespace, device, to_device; the module's version
# ---------------------------------------------------------------------------

@given(pair=twins())
def test_array_namespace_device_to_device(pair):
    m, n = pair
    assert m.__array_namespace__() is mi
    for version in (None, "2021.12", "2022.12", "2023.12", "2024.12"):
        assert m.__array_namespace__(api_version=version) is mi
    assert m.device == n.device == "cpu"
    assert m.to_device("cpu") is m
    assert m.to_device(m.device) is m


@pytest.mark.parametrize("call", [
    lambda x: x.__array_namespace__(api_version="2025.12"),
    lambda x: x.__array_namespace__(api_version="2020.10"),
    lambda x: x.__array_namespace__(api_version=2024.12),
    lambda x: x.to_device("gpu"),
    lambda x: x.to_device("cpu", stream=1),
    lambda x: x.to_device("gpu", stream=1),
    lambda x: x.to_device(None),
    lambda x: x.to_device(),
    lambda x: x.mT,
])
def test_array_api_attribute_errors_are_numpys(call):
    assert same_outcome(lambda: call(mi.zeros(3)),
                        lambda: call(np.zeros(3))) is None


def test_array_namespace_takes_no_positional_argument():
    with pytest.raises(TypeError):
        mi.zeros(3).__array_namespace__("2024.12")


def test_array_api_version():
    assert mi.__array_api_version__ == np.__array_api_version__ == "2024.12"


@pytest.mark.parametrize("name", ["zeros", "ones", "empty"])
def test_device_is_accepted_on_creation(name):
    for device in (None, "cpu"):
        assert getattr(mi, name)(3, device=device).shape == (3,)
        assert getattr(mi, name + "_like")(mi.zeros(3),
                                           device=device).shape == (3,)
    for call in (lambda xp: getattr(xp, name)(3, device="gpu"),
                 lambda xp: getattr(xp, name + "_like")(xp.zeros(3),
                                                        device=1)):
        assert same_outcome(lambda: call(mi), lambda: call(np)) is None
    for call in (lambda xp: xp.full(2, 1, device="gpu"),
                 lambda xp: xp.full_like(xp.zeros(2), 1, device="gpu"),
                 lambda xp: xp.asarray([1], device="gpu"),
                 lambda xp: xp.arange(3, device="gpu")):
        assert same_outcome(lambda: call(mi), lambda: call(np)) is None


# ---------------------------------------------------------------------------
# Signatures
# ---------------------------------------------------------------------------

SIGNATURES = ("eye identity linspace meshgrid tri tril triu full_like "
              "ones_like zeros_like empty_like flip roll permute_dims "
              "matrix_transpose concatenate concat stack tile repeat "
              "unstack expand_dims squeeze isdtype finfo iinfo astype "
              "result_type can_cast empty zeros ones full asarray").split()


@pytest.mark.parametrize("name", SIGNATURES)
def test_signature_is_numpys(name):
    """Names, kinds (positional-only, keyword-only) and defaults."""
    def parameters(function):
        return [(p.name, p.kind, p.default)
                for p in inspect.signature(function).parameters.values()]
    assert parameters(getattr(mi, name)) == parameters(getattr(np, name))


def test_method_signatures_are_numpys():
    for name in ("__array_namespace__", "to_device"):
        assert (inspect.signature(getattr(mi.zeros(2), name))
                == inspect.signature(getattr(np.zeros(2), name)))


# ---------------------------------------------------------------------------
# Through hypothesis.extra.array_api, with minind as the namespace
# ---------------------------------------------------------------------------

xps = make_strategies_namespace(mi)
REAL_DTYPES = (xps.boolean_dtypes() | xps.integer_dtypes()
               | xps.floating_dtypes())


@given(x=xps.arrays(dtype=REAL_DTYPES,
                    shape=xps.array_shapes(min_dims=1, max_side=4)),
       data=st.data())
def test_functions_on_arrays_the_standard_draws(x, data):
    """Arrays built by the conformance suite's own strategies (through
    ``mi.asarray``/``mi.zeros``/...), run through the new functions; a
    NumPy copy is the oracle."""
    n = np.array(np.asarray(x))
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1))
    assert_same(mi.flip(x, axis=axis), np.flip(n, axis=axis))
    assert_same(mi.concat([x, x], axis=axis),
                np.concat([n, n], axis=axis))
    assert_same(mi.stack([x, x], axis=axis), np.stack([n, n], axis=axis))
    assert_same(mi.roll(x, 1, axis=axis), np.roll(n, 1, axis=axis))
    assert_same(mi.repeat(x, 2, axis=axis), np.repeat(n, 2, axis=axis))
    assert_same(mi.tile(x, (2,)), np.tile(n, (2,)))
    for m_part, n_part in zip(mi.unstack(x, axis=axis),
                              np.unstack(n, axis=axis)):
        assert_same_values(np.asarray(m_part).tolist(), n_part.tolist())
    assert mi.isdtype(x.dtype, "numeric") == np.isdtype(n.dtype, "numeric")
