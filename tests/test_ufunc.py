"""Ufuncs and operators against NumPy: values, result dtype, shape, the
layout of the newly allocated output, ``out=``, overlap, errors.

Every test runs the same call on minind and on NumPy with equal inputs
(twins in every layout) and compares what came out: the result (values
NaN-aware and with the sign of zeros, dtype, shape, strides, flags), or
the exception class and message.

minind's documented differences, asserted as documented rather than
against NumPy's output:

* scalars: a 0-d result is a minind scalar of NumPy's scalar type
  (``mi.float64`` for ``np.float64``: name, dtype and value compared);
* no float16: where NumPy's result would be float16 (``sqrt`` of int8,
  uint8 or bool...) minind computes in float32: values compared with
  NumPy's ``f(x, dtype=np.float32)``, layout with NumPy's float16 result
  (strides times two);
* the transcendental functions (``TRANSCENDENTAL``: ``exp``, ``sin``,
  ``arccos``, ``hypot``, ``power``...) call the C library, which may
  differ from NumPy's SIMD versions (SVML on AVX-512 machines) by a few
  ULP: rtol 1e-6 for float32, 1e-15 for float64 (NumPy's results there
  are themselves machine-dependent); everything else is exact;
* ``fmax``/``fmin`` of 0.0 and -0.0 give the second operand (NumPy's
  SIMD loop does, its scalar loop for the last few elements gives the
  first), and integer ``reciprocal(0)`` is 1/0 = inf cast by minind's
  rule (int64's minimum, wrapped: 0 for int32 and 2**63 for uint64,
  where x86 NumPy gives INT32_MIN and 0): ``numpy_reference``;
* no RuntimeWarnings (NumPy's are silenced with ``np.errstate``);
* no complex dtype: complex operands are a TypeError.
"""
import itertools
import operator
import warnings

import numpy as np
import pytest
from hypothesis import assume, example, given, strategies as st
from hypothesis.extra import numpy as hnp

import minind as mi
from strategies import (DTYPE_NAMES, assert_same, assert_same_layout,
                        assert_same_scalar,
                        assert_same_values, dtypes, numpy_arrays, slice_plan,
                        twins)

NP_UFUNC_TYPE_ERROR = np._core._exceptions.UFuncTypeError

BINARY = ["add", "subtract", "multiply", "true_divide", "floor_divide",
          "remainder", "power", "maximum", "minimum", "equal", "not_equal",
          "less", "less_equal", "greater", "greater_equal", "logical_and",
          "logical_or", "logical_xor", "bitwise_and", "bitwise_or",
          "bitwise_xor", "left_shift", "right_shift", "gcd", "lcm", "fmax",
          "fmin", "arctan2", "hypot", "copysign", "nextafter", "logaddexp",
          "logaddexp2", "float_power"]
UNARY = ["negative", "positive", "absolute", "sign", "sqrt", "square",
         "exp", "log", "log1p", "expm1", "tanh", "sin", "cos",
         "logical_not", "invert", "isnan", "isinf", "isfinite", "tan",
         "arcsin", "arccos", "arctan", "sinh", "cosh", "arcsinh", "arccosh",
         "arctanh", "exp2", "log2", "log10", "cbrt", "deg2rad", "rad2deg",
         "radians", "degrees", "rint", "floor", "ceil", "trunc",
         "reciprocal", "signbit", "conjugate"]
# NumPy 2's second names; the Array API's are the same objects.
ALIASES = ["divide", "mod", "abs", "bitwise_not", "acos", "asin", "atan",
           "acosh", "asinh", "atanh", "atan2", "pow", "bitwise_left_shift",
           "bitwise_right_shift", "bitwise_invert", "conj"]
TRANSCENDENTAL = {"exp", "log", "log1p", "expm1", "tanh", "sin", "cos",
                  "power", "tan", "arcsin", "arccos", "arctan", "sinh",
                  "cosh", "arcsinh", "arccosh", "arctanh", "exp2", "log2",
                  "log10", "cbrt", "arctan2", "hypot", "logaddexp",
                  "logaddexp2", "float_power"}
INT_NAMES = [name for name in DTYPE_NAMES if name[0] in "iu"]
FLOAT_NAMES = ["float32", "float64"]


# ---------------------------------------------------------------------------
# Local strategies: a twin of an exact shape in any layout
# ---------------------------------------------------------------------------
# strategies.twins lets the sliced and broadcast layouts choose their own
# shapes; broadcasting tests need each operand in a given shape.

OPERAND_LAYOUTS = ["C", "F", "transposed", "sliced", "broadcast",
                   "readonly"]


@st.composite
def shaped_numpy(draw, dtype, shape, layouts=OPERAND_LAYOUTS):
    """(layout, NumPy array of exactly ``shape`` in that layout)."""
    dtype = draw(dtype) if isinstance(dtype, st.SearchStrategy) else dtype
    layout = draw(st.sampled_from(layouts))
    ndim = len(shape)
    if layout == "transposed":
        perm = draw(st.permutations(range(ndim)))
        base = draw(numpy_arrays(dtype, tuple(shape[p] for p in perm)))
        inverse = tuple(int(k) for k in np.argsort(perm))
        return layout, base.transpose(inverse)
    if layout == "sliced":
        base_shape, index = draw(slice_plan(shape))
        base = draw(numpy_arrays(dtype, base_shape))
        view = base[index]
        assert view.shape == tuple(shape)
        return layout, view
    if layout == "broadcast":
        # Broadcast from a base in any layout (F, sliced, transposed too).
        kept = draw(st.integers(0, ndim))
        base_shape = tuple(draw(st.sampled_from([1, length]))
                           for length in shape[ndim - kept:])
        base_layout, base = draw(shaped_numpy(
            dtype, base_shape, ["C", "F", "transposed", "sliced"]))
        if base_layout in ("C", "F"):
            base = np.array(base, order=base_layout)
        return layout, np.broadcast_to(base, shape)
    n = draw(numpy_arrays(dtype, tuple(shape)))
    if layout == "readonly":
        n.flags.writeable = False
    return layout, n


def make_twin(layout, n):
    """(MiniArray, NumPy array) with equal values, shape and strides."""
    if layout in ("C", "F"):
        n = np.array(n, order=layout)
        return mi.array(n, order=layout), n
    m = mi.asarray(n)
    n = np.lib.stride_tricks.as_strided(n, n.shape, m.strides,
                                        writeable=n.flags.writeable)
    return m, n


@st.composite
def shaped_twins(draw, dtype, shape, layouts=OPERAND_LAYOUTS):
    return make_twin(*draw(shaped_numpy(dtype, shape, layouts)))


@st.composite
def operand_tuples(draw, count, dtype=dtypes, max_dims=4, max_side=4):
    """``count`` mutually broadcastable twins, each of its own dtype and
    layout."""
    shapes = draw(hnp.mutually_broadcastable_shapes(
        num_shapes=count, min_dims=0, max_dims=max_dims, min_side=0,
        max_side=max_side))
    return [draw(shaped_twins(dtype, shape)) for shape in shapes.input_shapes]


# Python scalars (weak under NEP 50), including values out of every
# integer range.
python_scalars = st.one_of(
    st.booleans(),
    st.integers(-130, 300),
    st.sampled_from([-2**63 - 1, -2**63, -2**31, 2**31, 2**32, 2**63 - 1,
                     2**63, 2**64 - 1, 2**64, 65535, 65536, -32769]),
    st.floats(allow_subnormal=False),
)
# Python scalars that fit every dtype (where/clip: out-of-range Python
# ints have their own tests, as NumPy's where wraps them and clip clamps).
fitting_python_scalars = st.one_of(
    st.booleans(), st.integers(0, 127), st.floats(allow_subnormal=False))


# ---------------------------------------------------------------------------
# Comparison helpers
# ---------------------------------------------------------------------------

def outcome(fn):
    """("ok", result) or (exception, None): what ``fn()`` did."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            return "ok", fn()
        except Exception as exc:      # noqa: BLE001 - compared below
            return "raised", exc


def assert_same_error(got, want, message=True):
    """minind raised what NumPy raised: NumPy's UFuncTypeError is
    mi.UFuncTypeError; other classes are equal; same message."""
    assert isinstance(got, Exception), f"minind did not raise: {got!r}"
    if isinstance(want, NP_UFUNC_TYPE_ERROR):
        assert isinstance(got, mi.UFuncTypeError), (got, want)
    else:
        assert type(got) is type(want), (got, want)
    if message:
        assert str(got) == str(want)


def assert_values(got, want, rtol=0.0):
    """Arrays (NumPy views of the result) equal: NaN == NaN, signed zeros
    equal in sign; ``rtol`` for the documented float32 ULP differences."""
    got, want = np.asarray(got), np.asarray(want)
    assert got.dtype == want.dtype and got.shape == want.shape
    if rtol:
        np.testing.assert_allclose(got, want, rtol=rtol, atol=0,
                                   equal_nan=True, strict=True)
    else:
        np.testing.assert_array_equal(got, want, strict=True)
    if want.dtype.kind == "f":
        finite = ~np.isnan(want)
        np.testing.assert_array_equal(np.signbit(got[finite]),
                                      np.signbit(want[finite]))


def assert_same_result(got, want, rtol=0.0):
    """A new ufunc result equals NumPy's: an array by layout (NumPy's "K"
    order strides, flags, OWNDATA) and values; a NumPy scalar by value and
    type and dtype."""
    if isinstance(want, np.generic):
        if rtol:
            assert isinstance(got, mi.generic), (got, want)
            assert type(got).__name__ == type(want).__name__, (got, want)
            assert_values(np.array(got, dtype=want.dtype), want, rtol)
        else:
            assert_same_scalar(got, want)
        return
    assert isinstance(want, np.ndarray)
    assert isinstance(got, mi.MiniArray), got
    if rtol:
        assert got.shape == want.shape and got.strides == want.strides
        assert got.dtype.name == want.dtype.name
        assert_values(got, want, rtol)
    else:
        assert_same(got, np.asarray(want))
        assert_values(got, want)
    if isinstance(want, Float32Instead):
        assert got.flags.owndata
    else:
        assert got.flags.owndata == want.flags.owndata
    assert got.flags.writeable


def assert_same_outcome(mi_call, np_call, rtol=0.0, message=True):
    want = outcome(np_call)
    got = outcome(mi_call)
    if want[0] == "raised":
        assert_same_error(got[1], want[1], message)
    else:
        assert got[0] == "ok", f"minind raised {got[1]!r}"
        assert_same_result(got[1], want[1], rtol)
    return got[1], want[1]


def rtol_for(name, result):
    dtype = np.result_type(result) if not isinstance(
        result, Exception) else None
    if name in TRANSCENDENTAL and dtype == np.float32:
        return 1e-6
    if name in TRANSCENDENTAL and dtype == np.float64:
        return 1e-15
    return 0.0


class Float32Instead(np.ndarray):
    """NumPy's float16 result as minind documents it: the values of
    NumPy's float32 loop, laid out as NumPy laid out the float16 result
    (its strides times two).  A view, so OWNDATA is not NumPy's word."""


def without_float16(np_function, *inputs):
    """NumPy's call, but where NumPy would give float16, the float32 loop
    minind documents instead."""
    with np.errstate(all="ignore"):
        try:
            result = np_function(*inputs)
        except Exception:        # noqa: BLE001 - the caller compares
            return lambda: np_function(*inputs)
    if np.result_type(result) != np.float16:
        return lambda: np_function(*inputs)

    def reference():
        values = np_function(*inputs, dtype=np.float32)
        if not isinstance(result, np.ndarray):
            return values
        memory = np.zeros(max(result.size, 1), dtype=np.float32)
        laid_out = np.lib.stride_tricks.as_strided(
            memory, result.shape, tuple(2 * s for s in result.strides))
        laid_out[...] = values
        return laid_out.view(Float32Instead)
    return reference


def _patched(result, mask, values):
    """``result`` with ``values`` where ``mask`` (NumPy's result array is
    fresh, so it is changed in place and keeps its layout)."""
    if isinstance(result, np.generic):
        return np.asarray(values, dtype=result.dtype)[()] if mask else result
    result[mask] = np.broadcast_to(values, result.shape)[mask]
    return result


def _second_operand_on_zero_ties(result, a, b):
    a, b = np.asarray(a), np.asarray(b)
    if np.result_type(result).kind != "f":
        return result
    ties = np.broadcast_to((a == 0) & (b == 0), np.shape(result))
    return _patched(result, ties, b.astype(np.result_type(result)))


def _reciprocal_of_zero(result, a):
    dtype = np.result_type(result)
    if dtype.kind not in "iu":
        return result
    zeros = np.broadcast_to(np.asarray(a) == 0, np.shape(result))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        inf_cast = np.array(np.iinfo(np.int64).min).astype(dtype)
    return _patched(result, zeros, inf_cast)


# How minind's documented differences change NumPy's result.
DOCUMENTED = {"fmax": _second_operand_on_zero_ties,
              "fmin": _second_operand_on_zero_ties,
              "reciprocal": _reciprocal_of_zero}


def numpy_reference(name, *inputs):
    """NumPy's call (``without_float16``), with the fix-ups ``DOCUMENTED``
    applies to its result."""
    call = without_float16(getattr(np, name), *inputs)
    if name not in DOCUMENTED:
        return call

    def reference():
        return DOCUMENTED[name](call(), *inputs)
    return reference


def fresh_copy(n):
    """An independent NumPy array, same values, same strides order."""
    return np.array(n, order="K", copy=True)


# ---------------------------------------------------------------------------
# 1. The oracle: every ufunc, every dtype pair, every layout
# ---------------------------------------------------------------------------

def _twin(value, dtype, order="C"):
    n = np.array(value, dtype=dtype, order=order)
    return mi.array(n, order=order), n


@pytest.mark.parametrize("name", BINARY)
@given(operands=operand_tuples(2))
# Found by the thorough profile: float32 66 ** 0.75 is one ULP from
# NumPy's (libm powf vs NumPy's loop), the documented difference.
@example(operands=[_twin(66.0, np.float32), _twin(0.75, np.float32)])
# Also found there: logical_or of a 0-d bool and an F-ordered int8 array
# runs NumPy's bool loop (mixed dtypes), so the output is laid out by
# the iterator, not as the trivial loop's F array.
@example(operands=[_twin(False, np.bool_),
                   _twin(np.zeros((2, 2, 1)), np.int8, order="F")])
def test_binary_ufunc_matches_numpy(name, operands):
    (m1, n1), (m2, n2) = operands
    np_call = numpy_reference(name, n1, n2)
    _, want = assert_same_outcome(
        lambda: getattr(mi, name)(m1, m2), np_call,
        rtol=rtol_for(name, outcome(np_call)[1]))
    # The inputs are untouched.
    assert_same(m1, n1)
    assert_same(m2, n2)


# (No transcendental function: NumPy computes some of those in float16,
# a documented difference that numpy_reference stands in for, without
# a signature.)
SIGNATURE_UFUNCS = ["add", "subtract", "true_divide", "floor_divide",
                    "maximum", "greater", "logical_and", "bitwise_or",
                    "power", "negative", "absolute", "isnan"]
signature_types = st.sampled_from([None] + DTYPE_NAMES)


@given(name=st.sampled_from(SIGNATURE_UFUNCS), data=st.data())
def test_signature_matches_numpy(name, data):
    """``signature=`` (and its alias ``sig=``): a type tuple fixing some
    or all operands, or a type string, selects NumPy's loop or NumPy's
    error, and the result is NumPy's, in every casting mode."""
    nin = getattr(np, name).nin
    arrays = operand_tuples(nin, max_dims=2)
    if nin == 2:        # or an array and a Python scalar
        arrays = st.one_of(arrays, operand_tuples(1, max_dims=2).flatmap(
            lambda first: python_scalars.map(lambda s: first + [(s, s)])))
    operands = data.draw(arrays, label="operands")
    types = data.draw(st.lists(signature_types, min_size=nin + 1,
                               max_size=nin + 1), label="types")
    if data.draw(st.booleans(), label="as a string") and all(types):
        signature = "".join(np.dtype(t).char for t in types[:nin]) + (
            "->" + np.dtype(types[nin]).char)
    else:
        signature = tuple(types)
    # A signature that fixes some inputs and leaves others open, with a
    # Python number among the operands or for a logical ufunc: NumPy's
    # answer there depends on which of its per-ufunc legacy resolvers
    # answers (add(bool_array, 0, signature=('u8', None, None)) finds no
    # loop, add(int8_array, 0, ...) the 'QQ->Q' one); minind's rule is
    # its promoter's (README, Differences from NumPy).
    partial = None in types[:nin] and any(t is not None for t in types[:nin])
    assume(not (partial and (name == "logical_and" or any(
        not isinstance(n, np.ndarray) for _, n in operands))))
    casting = data.draw(st.sampled_from(["same_kind", "unsafe", "safe"]),
                        label="casting")
    keyword = data.draw(st.sampled_from(["signature", "sig"]),
                        label="keyword")
    ms, ns = [m for m, _ in operands], [n for _, n in operands]
    m_call = lambda: getattr(mi, name)(*ms, casting=casting,  # noqa: E731
                                       **{keyword: signature})
    n_call = lambda: getattr(np, name)(*ns, casting=casting,  # noqa: E731
                                       **{keyword: signature})
    # A float cast to an integer type the signature names (casting=
    # 'unsafe'), out of its range, is a platform-dependent C cast
    # (README: Differences from NumPy): not compared.
    for t in types:
        if casting == "unsafe" and t is not None and np.dtype(t).kind in "iu":
            info = np.iinfo(t)
            for n in ns:
                x = np.asarray(n)
                if x.dtype.kind == "f" and x.size:
                    assume(np.isfinite(x).all())
                    assume(info.min <= np.trunc(x).min()
                           and np.trunc(x).max() <= info.max)
    assert_same_signature_outcome(m_call, n_call, rtol=1e-6, message=False)


def assert_same_signature_outcome(m_call, n_call, rtol=0.0, message=True):
    """assert_same_outcome, but where NumPy finds no loop for a
    signature, its class depends on which of its per-ufunc legacy type
    resolvers looked last, and so on its dispatch cache, that is on the
    calls made before (TypeError, or its UFuncTypeError subclass): minind
    always gives NumPy's TypeError "No loop matching the specified
    signature and casting was found"."""
    want = outcome(n_call)
    if want[0] == "raised" and ("did not contain a loop" in str(want[1])
                                or "No loop matching" in str(want[1])):
        got = outcome(m_call)
        assert got[0] == "raised" and isinstance(got[1], TypeError), got
        assert "No loop matching the specified signature" in str(got[1])
        return
    assert_same_outcome(m_call, n_call, rtol=rtol, message=message)


@pytest.mark.parametrize("signature", [
    123.0, "%^->#", b"ii-i", "ii>i", (None, "f8"), b"\xff\xff->i", "i",
    ("i4",), (None,), ["d", "d", "d"], "d d->d", "dd->dd", "dd",
    (None, None, None), "dd->d", b"dd->d", ("float32", None, None),
    ("int64", None, None), (None, None, "int32"), ("int8", "int16", None),
])
def test_signature_arguments(signature):
    """NumPy's checks on the signature itself, and on its company."""
    a = 0.5 * np.arange(3)
    for kwargs in ({}, {"casting": "unsafe"}, {"dtype": "float64"},
                   {"sig": "dd->d"}):
        assert_same_signature_outcome(
            lambda: mi.add(mi.asarray(a), 0.5, signature=signature,
                           **kwargs),
            lambda: np.add(a, 0.5, signature=signature, **kwargs))


def _resolved(call):
    """resolve_dtypes' answer as dtype names (NumPy's float16, which
    minind computes in float32, read as float32), or the error's class
    and message."""
    try:
        return tuple("float32" if str(d) == "float16" else str(d)
                     for d in call())
    except Exception as error:          # noqa: BLE001 (compared below)
        return type(error).__name__, str(error).replace("float16",
                                                        "float32")


@pytest.mark.parametrize("name", BINARY + UNARY)
def test_resolve_dtypes_is_numpys(name):
    """``ufunc.resolve_dtypes``: for every combination of input dtypes
    and Python number types, an output left open or given, and each
    casting rule, the loop's dtypes (or the error) are NumPy's -- the
    loop a call would run, found by the same code (``_select``).  As a
    reduction (NumPy's first entry left open): reduce's loop, with
    the int64 accumulator of small integer sums."""
    m_ufunc, n_ufunc = getattr(mi, name), getattr(np, name)
    choices = DTYPE_NAMES + [int, float, bool]
    for inputs in itertools.product(choices, repeat=m_ufunc.nin):
        if name in ("equal", "not_equal", "less", "less_equal", "greater",
                    "greater_equal") and not any(isinstance(t, str)
                                                 for t in inputs):
            continue    # (NumPy's object loop for two Python numbers)
        for out, casting in itertools.product(
                [None, "int32", "float64", "bool"],
                ["same_kind", "safe", "no", "unsafe"]):
            def as_types(module):
                return tuple(module.dtype(t) if isinstance(t, str) else t
                             for t in inputs + (out,)) + (None,) * (
                    m_ufunc.nout - 1)
            assert _resolved(lambda: m_ufunc.resolve_dtypes(
                as_types(mi)[:m_ufunc.nargs], casting=casting)) == _resolved(
                lambda: n_ufunc.resolve_dtypes(
                    as_types(np)[:m_ufunc.nargs], casting=casting)), (
                inputs, out, casting)
    if m_ufunc.nin == 2:
        # (NumPy crashes on reductions of a Python type: dtypes only.)
        for kind in DTYPE_NAMES:
            got = _resolved(lambda: m_ufunc.resolve_dtypes(
                (None, mi.dtype(kind), None), reduction=True))
            want = _resolved(lambda: n_ufunc.resolve_dtypes(
                (None, np.dtype(kind), None), reduction=True))
            if "loop" in want[-1]:
                # No loop: NumPy's class and wording depend on its
                # dispatch cache (assert_same_signature_outcome).
                assert got[0] in ("TypeError", "UFuncTypeError") and (
                    "loop" in got[1]), kind
            else:
                assert got == want, kind


def test_resolve_dtypes_python_type_output_is_its_own_dtype():
    """A Python type as the output takes only its own dtype (int64,
    float64), whatever the casting rule.  NumPy 2.4.6 answers so where it
    does not crash (it does on several of these, depending on its
    dispatch cache), so they are checked against the rule."""
    f8 = mi.dtype("float64")
    for out, loop, takes in ((int, "int64", True), (float, "float64", True),
                             (int, "float64", False), (float, "int8", False),
                             (float, "float32", False)):
        dtypes = (mi.dtype(loop), mi.dtype(loop), out)
        for casting in ("same_kind", "unsafe"):
            if takes:
                assert mi.add.resolve_dtypes(dtypes, casting=casting) == (
                    (mi.dtype(loop),) * 3)
            else:
                with pytest.raises(mi.UFuncTypeError, match=(
                        f"output from dtype\\('{loop}'\\) to <class "
                        f"'{out.__name__}'>")):
                    mi.add.resolve_dtypes(dtypes, casting=casting)
    assert mi.sqrt.resolve_dtypes((f8, float)) == (f8, f8)


def test_resolve_dtypes_arguments():
    """The tuple's length and its open entries, as NumPy checks them."""
    def i8(u):
        return u.dtype("int8")
    for call in [lambda u: u.add.resolve_dtypes((i8(u), i8(u))),
                 lambda u: u.add.resolve_dtypes([i8(u), i8(u), None]),
                 lambda u: u.add.resolve_dtypes((None, i8(u), None)),
                 lambda u: u.add.resolve_dtypes((i8(u), "f8", None)),
                 lambda u: u.add.resolve_dtypes((i8(u), i8(u), "f8")),
                 lambda u: u.add.resolve_dtypes((i8(u), 1, int)),
                 lambda u: u.add.resolve_dtypes((i8(u), 1.5, float)),
                 lambda u: u.add.resolve_dtypes((i8(u), i8(u), i8(u)),
                                                reduction=True),
                 lambda u: u.add.resolve_dtypes((None, None, None),
                                                reduction=True),
                 lambda u: u.add.resolve_dtypes((i8(u), i8(u), None),
                                                reduction=True),
                 lambda u: u.sqrt.resolve_dtypes((i8(u), None),
                                                 reduction=True),
                 lambda u: u.add.resolve_dtypes(
                     (i8(u), i8(u), None), signature=(None, None, "f8")),
                 lambda u: u.add.resolve_dtypes(
                     (i8(u), i8(u), None), signature="ff->f")]:
        assert _resolved(lambda: call(mi)) == _resolved(lambda: call(np))


@pytest.mark.parametrize("name", ["add", "sqrt", "logical_not", "greater"])
def test_inspect_signature_is_numpys_minus_what_minind_lacks(name):
    """inspect.signature of a ufunc: NumPy's parameters, in NumPy's
    order and kinds, less ``order=`` and ``subok=`` (which minind does
    not take)."""
    import inspect
    theirs = [p for p in inspect.signature(getattr(np, name)).parameters
              .values() if p.name not in ("order", "subok")]
    mine = list(inspect.signature(getattr(mi, name)).parameters.values())
    assert mine == theirs


@pytest.mark.parametrize("name", UNARY)
@given(operand=operand_tuples(1, max_dims=4, max_side=5))
def test_unary_ufunc_matches_numpy(name, operand):
    ((m, n),) = operand
    np_call = numpy_reference(name, n)
    want = outcome(np_call)[1]
    assert_same_outcome(lambda: getattr(mi, name)(m), np_call,
                        rtol=rtol_for(name, want))
    assert_same(m, n)


@given(operands=operand_tuples(3, max_dims=3),
       scalars=st.lists(st.none() | fitting_python_scalars, min_size=2,
                        max_size=2))
def test_where_matches_numpy(operands, scalars):
    (mc, nc), (mx, nx), (my, ny) = operands
    # x and y are arrays or, sometimes, Python scalars.
    if scalars[0] is not None:
        mx = nx = scalars[0]
    if scalars[1] is not None:
        my = ny = scalars[1]
    assert_same_outcome(lambda: mi.where(mc, mx, my),
                        lambda: np.where(nc, nx, ny))


@given(operands=operand_tuples(3, max_dims=3),
       bounds=st.lists(st.sampled_from(["array", "scalar", "none"]),
                       min_size=2, max_size=2),
       scalars=st.lists(fitting_python_scalars, min_size=2, max_size=2))
# Found by the CI slice: with constant bounds NumPy's clip keeps the
# element on a tie (clip(0.0, -0.0, -0.0) is 0.0); with bounds that vary
# along the loop it keeps the bound.
@example(operands=[_twin([False], np.bool_), _twin(False, np.bool_),
                   _twin(False, np.bool_)],
         bounds=["array", "scalar"], scalars=[False, -0.0])
def test_clip_matches_numpy(operands, bounds, scalars):
    (ma, na), (mlo, nlo), (mhi, nhi) = operands
    if bounds[0] == "scalar":
        mlo = nlo = scalars[0]
    elif bounds[0] == "none":
        mlo = nlo = None
    if bounds[1] == "scalar":
        mhi = nhi = scalars[1]
    elif bounds[1] == "none":
        mhi = nhi = None
    assert_same_outcome(lambda: mi.clip(ma, mlo, mhi),
                        lambda: np.clip(na, nlo, nhi))


def test_where_examples():
    cond = np.array([[True, False, True], [False, True, False]])
    x = np.arange(6, dtype=np.int8).reshape(2, 3)
    for args in [(cond, x, -x), (cond, x, 1.5), (cond.T, x.T, 0),
                 (cond, 1, 2.0), (cond[:, ::-1], x, np.int16(3) * x),
                 (np.array(1.0), np.ones((2, 2)), np.zeros(2)),
                 (np.array([0.0, np.nan, -0.0]), 1, 0)]:
        minargs = [mi.asarray(a) if isinstance(a, np.ndarray) else a
                   for a in args]
        assert_same_outcome(lambda: mi.where(*minargs),
                            lambda: np.where(*args))


def test_where_zero_d_is_an_array():
    # np.where always returns an ndarray (not a scalar), even 0-d.
    assert_same_outcome(lambda: mi.where(mi.asarray(True), mi.asarray(1),
                                         mi.asarray(2)),
                        lambda: np.where(np.asarray(True), np.asarray(1),
                                         np.asarray(2)))


def test_where_out_of_range_python_ints():
    # NumPy's where casts a Python int that does not fit the result dtype
    # (C-style wraparound) instead of raising as ufuncs do.
    cond = np.array([True, False])
    for x, y in [(np.array([1, 2], np.int8), 1000),
                 (np.array([1, 2], np.uint8), -1),
                 (np.array([1, 2], np.int64), 2**63),
                 (np.array([1, 2], np.uint64), 2**64),
                 (np.array([1, 2], np.uint64), -1)]:
        assert_same_outcome(lambda: mi.where(mi.asarray(cond),
                                             mi.asarray(x), y),
                            lambda: np.where(cond, x, y))


def test_clip_examples():
    a = np.array([-3.0, -0.5, 0.0, 0.5, 3.0, np.nan, np.inf, -np.inf])
    for lo, hi in [(0, 1), (-1.0, None), (None, 0.25), (2, 1),
                   (np.zeros(8), np.ones(8))]:
        assert_same_outcome(
            lambda: mi.clip(mi.asarray(a), lo if not isinstance(
                lo, np.ndarray) else mi.asarray(lo), hi if not isinstance(
                    hi, np.ndarray) else mi.asarray(hi)),
            lambda: np.clip(a, lo, hi))
    ints = np.arange(-5, 6, dtype=np.int8)
    for lo, hi in [(-2, 2), (-2.5, 2.5), (0, 1000), (-1000, 1000),
                   (-2**63 - 1, 2**64), (200, 300), (-300, -200)]:
        assert_same_outcome(lambda: mi.clip(mi.asarray(ints), lo, hi),
                            lambda: np.clip(ints, lo, hi))
    # Signed zeros and NaN payloads, which assert_same does not tell
    # apart: NumPy's constant-bound loop keeps the element on a tie and
    # fills the output with a NaN bound (low's first); its loop for
    # bounds that vary keeps the bound on a tie and the element's NaN.
    nan_a, nan_b, nan_c = np.array([0x7FF8000000000001, 0xFFF8000000000002,
                                    0x7FF8000000000003],
                                   np.uint64).view(np.float64)
    zeros = np.array([0.0, -0.0, 0.0, -0.0, nan_a, 1.0, 0.5] * 5)
    for lo, hi in [(0.0, -0.0), (-0.0, 0.0), (0.0, 0.0), (-0.0, -0.0),
                   (nan_b, 1.0), (0.0, nan_b), (nan_b, nan_c), (1.0, 0.0),
                   (np.zeros(35), -np.zeros(35)), (-np.zeros(35), 0.0),
                   (np.full(35, nan_b), 1.0), (0.0, np.full(35, nan_c))]:
        for view in (slice(None), slice(None, None, 3), slice(None, None, -1)):
            x = zeros[view]
            bounds = [b[view] if np.ndim(b) else b for b in (lo, hi)]
            for dtype, bits in [(np.float64, np.uint64),
                                (np.float32, np.uint32)]:
                # The bounds as arrays of x's dtype (0-d for constants),
                # so the result keeps the dtype.
                n_args = [x.astype(dtype)] + [np.asarray(b).astype(dtype)
                                              for b in bounds]
                got = np.asarray(mi.clip(*map(mi.asarray, n_args)))
                want = np.clip(*n_args)
                np.testing.assert_array_equal(got.view(bits),
                                              want.view(bits))
    out_n = np.zeros(11, np.int8)
    out_m = mi.zeros(11, mi.int8)
    assert mi.clip(mi.asarray(ints), -1, 1, out=out_m) is out_m
    np.clip(ints, -1, 1, out=out_n)
    assert_same(out_m, out_n)


@pytest.mark.parametrize("casting", ["no", "equiv", "safe", "same_kind"])
def test_logical_ops_read_any_input_as_truth(casting):
    """NumPy's logical_and/or/xor take any inputs under any casting rule:
    mixed dtypes and Python scalars run the bool loop on truth values."""
    ints = np.array([0, 3, -2], dtype=np.int8)
    for name in ["logical_and", "logical_or", "logical_xor"]:
        for other in [True, 2, 0.5, ints.astype(np.int16),
                      np.array([0.0, np.nan, 1.0]), ints]:
            m_other = (mi.asarray(other) if isinstance(other, np.ndarray)
                       else other)
            assert_same_outcome(
                lambda: getattr(mi, name)(mi.asarray(ints), m_other,
                                          casting=casting),
                lambda: getattr(np, name)(ints, other, casting=casting))


def test_order_of_checks_follows_numpy():
    """NumPy resolves the loop, then checks each input's cast under
    ``casting``, then the shapes, and only then reads values.  Each call
    here once failed in another order (found by the fuzzer): a shape or
    value error, or a Python int's overflow, before the casting one."""
    calls = [
        # a Python bool is not weak: bool -> int8 is refused under 'no'
        lambda xp: xp.power(True, xp.int8(-128), casting="no"),
        lambda xp: xp.add(True, xp.ones(3, dtype="int8"), casting="equiv"),
        lambda xp: xp.add(True, xp.ones(3, dtype="int8"), casting="safe"),
        lambda xp: xp.add(True, xp.ones(3, dtype="bool"), casting="no"),
        # shapes before a negative integer power
        lambda xp: xp.power(xp.ones(2, dtype="int8"),
                            xp.asarray([-1, 1, 1], dtype="int8")),
        # signed against uint64: the 'qQ->?' loop's casts, then shapes
        lambda xp: xp.less_equal(
            xp.broadcast_to(xp.uint64(7), (2, 0, 2)),
            xp.broadcast_to(xp.int32(-3), (2, 2, 2)), casting="no"),
        lambda xp: xp.less_equal(xp.ones((2, 0, 2), dtype="uint64"),
                                 xp.ones((2, 2, 2), dtype="int32")),
        lambda xp: xp.less(xp.ones(2, dtype="int8"),
                           xp.ones(2, dtype="uint64"), casting="equiv"),
        lambda xp: xp.greater(xp.ones(2, dtype="uint64"),
                              xp.ones(2, dtype="int64"), casting="no"),
        # logical ufuncs: dtype= before the operands' values; dtype=bool
        # is the same as no dtype= (the bool loop on truth values)
        lambda xp: xp.logical_and(xp.zeros((0, 4), dtype="int8"), 10**30,
                                  dtype="int8", casting="no"),
        lambda xp: xp.logical_or(0.5, xp.ones(3, dtype="bool"),
                                 dtype="bool", casting="no"),
        lambda xp: xp.logical_xor(xp.ones(3), xp.ones(3, dtype="int8"),
                                  dtype="bool", casting="no"),
        lambda xp: xp.logical_and(xp.ones(3, dtype="int8"), 10**30,
                                  dtype="bool"),
    ]
    for call in calls:
        assert_same_outcome(lambda: call(mi), lambda: call(np))


def test_clip_signatures():
    """np.clip's bounds by position or as min=/max= keywords; the
    method takes them by keyword; each misuse raises NumPy's error."""
    n = np.arange(-3, 4, dtype=np.int16)
    m = mi.asarray(n)
    calls = [
        lambda xp, a: xp.clip(a, min=-1, max=2),
        lambda xp, a: xp.clip(a, max=1),
        lambda xp, a: xp.clip(a, min=0.5),
        lambda xp, a: xp.clip(a),
        lambda xp, a: xp.clip(a, None, None),
        lambda xp, a: xp.clip(a, -1),
        lambda xp, a: xp.clip(a, -1, 1, min=0),
        lambda xp, a: xp.clip(a, a_max=1),
        lambda xp, a: xp.clip(a, -2**15, 2**15 - 1),
        lambda xp, a: xp.clip(a, -2**15 + 1, 2**15),
        lambda xp, a: xp.clip(a.tolist(), 0, 2),
        lambda xp, a: xp.clip(3, 0, 2),
        lambda xp, a: a.clip(1),
        lambda xp, a: a.clip(max=-1),
        lambda xp, a: a.clip(-1, 1, out=a[::-1]),
    ]
    for call in calls:
        assert_same_outcome(lambda: call(mi, m.copy()),
                            lambda: call(np, n.copy()))


def test_where_casts_python_ints():
    """where stores a Python int by casting it (through C's 64-bit
    integers, or float() for a float result), not with a ufunc's range
    check; beyond 64 bits it raises NumPy's OverflowError."""
    cond = np.array([True, False])
    cases = [(np.array([1, 2], np.float32), 2**70),
             (np.array([1, 2], np.float64), 2**1100),
             (2**63, 1), (2**63, 1.5), (2**64 - 1, 1), (-2**63 - 1, 0),
             (np.array([1, 2], np.uint32), -2**40),
             (np.array([1, 2], np.int8), 2**64),
             (np.array([True, False]), 2**63)]
    for x, y in cases:
        mx = mi.asarray(x) if isinstance(x, np.ndarray) else x
        assert_same_outcome(lambda: mi.where(mi.asarray(cond), mx, y),
                            lambda: np.where(cond, x, y))


def test_output_layout_follows_the_inputs():
    """NumPy's "K" order, spelled out: a new output is laid out in the
    inputs' memory order, with positive strides."""
    n = np.arange(16.0).reshape(4, 4)
    m = mi.asarray(n)
    cases = [
        (lambda a: a.T + a.T, "F transposed"),
        (lambda a: a[::-1] + 1, "reversed"),
        (lambda a: a[:, ::-2] * a[:, ::-2], "stepped"),
        (lambda a: a.T[::-1] - 1.5, "transposed reversed"),
        (lambda a: -a.T, "unary"),
        (lambda a: a.T + a, "mixed (C wins the tie)"),
        (lambda a: a[:, :1] + a[:1, :], "broadcast"),
    ]
    for fn, label in cases:
        got, want = fn(m), fn(n)
        assert_same_result(got, want)
        assert all(s >= 0 for s in got.strides), label
    assert (m.T + m.T).flags["F_CONTIGUOUS"]
    assert (m[::-1] + 1).strides == (32, 8)
    n3 = np.arange(24).reshape(2, 3, 4).transpose(2, 0, 1)[:, ::-1]
    assert_same_result(mi.asarray(n3) * 2, n3 * 2)


# ---------------------------------------------------------------------------
# 2. Operators
# ---------------------------------------------------------------------------

BINARY_OPERATORS = [operator.add, operator.sub, operator.mul,
                    operator.truediv, operator.floordiv, operator.mod,
                    operator.pow, operator.and_, operator.or_, operator.xor,
                    operator.eq, operator.ne, operator.lt, operator.le,
                    operator.gt, operator.ge]
UNARY_OPERATORS = [operator.invert, operator.neg, operator.pos, abs]
INPLACE_OPERATORS = [operator.iadd, operator.isub, operator.imul,
                     operator.itruediv, operator.ifloordiv, operator.imod,
                     operator.ipow, operator.iand, operator.ior,
                     operator.ixor]


def _operator_id(op):
    return op.__name__


def _operator_rtol(op, np_call):
    """`**` on floats is libm's pow (a documented ULP difference)."""
    if op in (operator.pow, operator.ipow):
        return rtol_for("power", outcome(np_call)[1])
    return 0.0


@pytest.mark.parametrize("op", BINARY_OPERATORS, ids=_operator_id)
@given(operands=operand_tuples(2, max_dims=3))
def test_binary_operator_on_arrays(op, operands):
    (m1, n1), (m2, n2) = operands
    np_call = lambda: op(n1, n2)   # noqa: E731
    assert_same_outcome(lambda: op(m1, m2), np_call,
                        rtol=_operator_rtol(op, np_call))


@pytest.mark.parametrize("op", BINARY_OPERATORS, ids=_operator_id)
@given(twin=twins(), scalar=python_scalars, reflected=st.booleans())
# Found by the thorough profile: 0.99999 ** 2.5 is one ULP from NumPy's.
@example(twin=_twin(2.5, np.float64), scalar=0.99999, reflected=True)
def test_binary_operator_with_python_scalar(op, twin, scalar, reflected):
    m, n = twin
    if reflected:
        mi_call, np_call = lambda: op(scalar, m), lambda: op(scalar, n)
    else:
        mi_call, np_call = lambda: op(m, scalar), lambda: op(n, scalar)
    assert_same_outcome(mi_call, np_call, rtol=_operator_rtol(op, np_call))


@pytest.mark.parametrize("op", UNARY_OPERATORS, ids=_operator_id)
@given(twin=twins())
def test_unary_operator(op, twin):
    m, n = twin
    assert_same_outcome(lambda: op(m), lambda: op(n))


@st.composite
def writeable_views(draw, dtype=dtypes):
    """(m, n, m_memory, n_memory): a writeable minind array and an equal
    NumPy array with the same strides over *separate* memory, plus the
    whole buffers behind each (to check nothing outside the view is
    written).  Owners (C, F; no buffers) or views (sliced, transposed) of
    an imported NumPy buffer.
    """
    kind = draw(st.sampled_from(["C", "F", "sliced", "transposed"]))
    dtype = draw(dtype) if isinstance(dtype, st.SearchStrategy) else dtype
    shape = draw(hnp.array_shapes(min_dims=0, max_dims=3, min_side=0,
                                  max_side=4))
    if kind in ("C", "F"):
        n = np.array(draw(numpy_arrays(dtype, shape)), order=kind)
        return mi.array(n, order=kind), n, None, None
    if kind == "sliced":
        base_shape, index = draw(slice_plan(shape))

        def view(memory):
            return memory[index]
    else:
        perm = draw(st.permutations(range(len(shape))))
        base_shape = tuple(shape[p] for p in perm)
        inverse = tuple(int(k) for k in np.argsort(perm))

        def view(memory):
            return memory.transpose(inverse)
    base = draw(numpy_arrays(dtype, base_shape))
    m_memory, n_memory = base.copy(), base.copy()
    m = mi.asarray(view(m_memory))
    n = view(n_memory)
    n = np.lib.stride_tricks.as_strided(n, n.shape, m.strides)
    return m, n, m_memory, n_memory


@pytest.mark.parametrize("op", INPLACE_OPERATORS, ids=_operator_id)
@given(target=writeable_views(), data=st.data())
def test_inplace_operator(op, target, data):
    m, n, m_memory, n_memory = target
    if data.draw(st.booleans(), label="scalar operand"):
        mo = no = data.draw(python_scalars, label="scalar")
    else:
        shape = data.draw(hnp.broadcastable_shapes(
            n.shape, min_dims=0, max_dims=n.ndim, min_side=0))
        mo, no = data.draw(shaped_twins(dtypes, shape))
    before = fresh_copy(n)
    address = m.ctypes.data
    # Integers to negative integer powers: NumPy raises, except through
    # a casting in-place loop, where it writes whatever its buffer held
    # (int8 **= int16 -1 gave -118, -32, -21 on three runs): no oracle.
    assume(not (op is operator.ipow and isinstance(no, np.ndarray)
                and n.dtype.kind in "iub" and no.dtype.kind in "iub"
                and np.any(no < 0)))
    want = outcome(lambda: op(n, no))
    got = outcome(lambda: op(m, mo))
    if want[0] == "raised":
        assert_same_error(got[1], want[1])
        assert_values(m, before)                  # unchanged
    else:
        assert got[0] == "ok", f"minind raised {got[1]!r}"
        assert got[1] is m and want[1] is n
        assert m.ctypes.data == address
        assert_same_layout(m, n)
        assert_values(m, n, _operator_rtol(op, lambda: n))
    if m_memory is not None:
        # nothing else written (the view's own elements, inside this
        # memory, are pow's results again: the same tolerance)
        assert_values(m_memory, n_memory, _operator_rtol(op, lambda: n))


def test_inplace_on_read_only_arrays():
    for make in [lambda mod: mod.broadcast_to(mod.arange(3), (2, 3)),
                 lambda mod: mod.asarray(_read_only(np.arange(3)))]:
        m, n = make(mi), make(np)
        for op in (operator.iadd, operator.imul, operator.ior):
            want = outcome(lambda: op(n, 1))
            got = outcome(lambda: op(m, 1))
            assert want[0] == "raised"
            assert_same_error(got[1], want[1])
            assert m.tolist() == n.tolist()


def _read_only(n):
    n.flags.writeable = False
    return n


@pytest.mark.parametrize("op, np_name", [
    (operator.iadd, "add"), (operator.isub, "subtract"),
    (operator.imul, "multiply"), (operator.itruediv, "divide"),
    (operator.ifloordiv, "floor_divide"), (operator.imod, "remainder"),
    (operator.ipow, "power")])
@pytest.mark.parametrize("dtype", INT_NAMES)
def test_inplace_refuses_float_results_into_integers(op, np_name, dtype):
    n = np.arange(1, 7, dtype=dtype).reshape(2, 3)
    m = mi.asarray(n.copy())
    address = m.ctypes.data
    want = outcome(lambda: op(n, 1.5))
    got = outcome(lambda: op(m, 1.5))
    assert want[0] == "raised" and isinstance(want[1], TypeError)
    assert_same_error(got[1], want[1])
    assert m.ctypes.data == address
    assert_same_values(m.tolist(), np.arange(1, 7).reshape(2, 3).tolist())
    if op is operator.itruediv:
        want = outcome(lambda: op(n, 2))
        got = outcome(lambda: op(m, 2))
        assert_same_error(got[1], want[1])
        assert str(got[1]) == (
            "Cannot cast ufunc 'divide' output from dtype('float64') to "
            f"dtype('{dtype}') with casting rule 'same_kind'")


def test_inplace_examples_from_the_issue():
    n = np.arange(6)
    m = mi.arange(6)
    address = m.ctypes.data
    n[1:] += n[:-1]
    view = m[1:]
    view += m[:-1]
    assert_same(m, n)
    assert m.ctypes.data == address
    n = np.arange(6.0)
    m = mi.arange(6.0)
    n[::-1] += n
    view = m[::-1]
    view += m
    assert_same(m, n)


def test_large_arrays():
    """Arrays above the size where the loops run without the GIL."""
    n = np.arange(40000, dtype=np.float64).reshape(200, 200) - 20000.5
    m = mi.asarray(n)
    for fn in [lambda a: a + a.T, lambda a: a[::-1] * 3.0,
               lambda a: a[:, ::-2] // 7.0, lambda a: -a.T[::2],
               lambda a: a > a.T, lambda a: a[:, :1] - a[:1, :]]:
        assert_same_result(fn(m), fn(n))
    ints = np.arange(40000, dtype=np.int32).reshape(200, 200)
    m_ints = mi.asarray(ints.copy())
    m_ints[1:] += m_ints[:-1]
    ints[1:] += ints[:-1]
    assert_values(m_ints, ints)
    assert_same_result(mi.sin(m), np.sin(n))


# ---------------------------------------------------------------------------
# 3. Integer and float semantics at the edges
# ---------------------------------------------------------------------------

def int_edge_values(name):
    info = np.iinfo(name)
    values = {info.min, info.min + 1, info.max, info.max - 1, 0, 1, 2, 3, 5,
              7, 100, info.max // 2, info.max // 2 + 1}
    if info.min < 0:
        values |= {-1, -2, -3, -5, -7, -100, info.min // 2}
    return np.array(sorted(v for v in values if info.min <= v <= info.max),
                    dtype=name)


FLOAT_EDGES = [-np.inf, -1e30, -7.5, -3.0, -2.0, -1.0, -0.5, -0.0, 0.0, 0.5,
               1.0, 2.0, 3.0, 7.5, 1e30, np.inf, np.nan]


# Where unary functions change behaviour: overflow (exp, cosh), the
# domain of arcsin/arccos/arctanh (+-1 and the floats just beyond) and
# of arccosh (1), and rint's ties (to even).
UNARY_FLOAT_EDGES = [1e-30, -1e-30, 1e3, 100.0, 710.0, 89.0, 1.0000001,
                     -1.0000001, 0.9999999, 1.5, 2.5, -2.5, 3.5, 0.49999997,
                     -1e-300, 1e300]


def cross(values):
    """Every pair: a column and a row, broadcast to the table."""
    n = np.asarray(values)
    return n[:, None], n[None, :]


@pytest.mark.parametrize("name", BINARY)
@pytest.mark.parametrize("dtype", INT_NAMES + ["bool"])
def test_binary_integer_edges(name, dtype):
    values = (int_edge_values(dtype) if dtype != "bool"
              else np.array([False, True]))
    if name == "power" and dtype[0] == "i":
        values = values[values >= 0]
    n1, n2 = cross(values)
    np_call = numpy_reference(name, n1, n2)
    assert_same_outcome(lambda: getattr(mi, name)(mi.asarray(n1),
                                                  mi.asarray(n2)),
                        np_call, rtol=rtol_for(name, outcome(np_call)[1]))


@pytest.mark.parametrize("name", BINARY)
@pytest.mark.parametrize("dtype", FLOAT_NAMES)
def test_binary_float_edges(name, dtype):
    n1, n2 = cross(np.array(FLOAT_EDGES, dtype=dtype))
    np_call = numpy_reference(name, n1, n2)
    assert_same_outcome(lambda: getattr(mi, name)(mi.asarray(n1),
                                                  mi.asarray(n2)),
                        np_call, rtol=rtol_for(name, outcome(np_call)[1]))


@pytest.mark.parametrize("name", UNARY)
@pytest.mark.parametrize("dtype", DTYPE_NAMES)
def test_unary_edges(name, dtype):
    if dtype == "bool":
        n = np.array([False, True])
    elif dtype[0] in "iu":
        n = int_edge_values(dtype)
    else:
        with np.errstate(over="ignore"):       # 1e300 is inf in float32
            n = np.array(FLOAT_EDGES + UNARY_FLOAT_EDGES, dtype=dtype)
    np_call = numpy_reference(name, n)
    assert_same_outcome(lambda: getattr(mi, name)(mi.asarray(n)), np_call,
                        rtol=rtol_for(name, outcome(np_call)[1]))


@pytest.mark.parametrize("dtype", INT_NAMES)
def test_integer_division_by_zero_and_min_by_minus_one(dtype):
    info = np.iinfo(dtype)
    n1 = np.array([info.min, -7 if info.min else 7, 0, 7, info.max],
                  dtype=dtype)
    for divisor in ([0, -1, 1] if info.min else [0, 1]):
        n2 = np.full(5, divisor, dtype=dtype)
        for name in ["floor_divide", "remainder"]:
            assert_same_outcome(
                lambda: getattr(mi, name)(mi.asarray(n1), mi.asarray(n2)),
                lambda: getattr(np, name)(n1, n2))
    if info.min:
        with np.errstate(all="ignore"):
            assert (mi.asarray(n1) // -1).tolist()[0] == int(
                (n1 // -1)[0]) == info.min
            assert (mi.asarray(n1) // 0).tolist() == [0] * 5



@pytest.mark.parametrize("dtype", INT_NAMES)
def test_integer_floor_division_and_its_warnings(dtype):
    """Integers divide through double where that is exact (see
    MININD_SMALL_FLOOR_DIVIDE; 64-bit ones in blocks of 256 whose items
    are all below 2**51 in magnitude, the others element by element):
    every pair of edge values and random items, in range and not, whole
    blocks just inside and just outside the 64-bit range, contiguous,
    reversed and strided, with a scalar dividend; the same quotients and
    remainders and the same warnings as NumPy's (divide by zero for a
    zero divisor, overflow for MIN // -1 but none for MIN % -1)."""
    rng = np.random.default_rng(11)
    info = np.iinfo(dtype)
    near = 2 ** 51 - 1
    low, high = max(info.min, -near), min(info.max, near)
    edges = np.array(_special_divisors(dtype), dtype=dtype)
    # 512 items each (two whole blocks however they fall) of +-(2**51 - 1),
    # the largest the double loop takes, and +-(2**51 + 1), which its
    # conversion would turn into 2**51 + 2
    rim = np.repeat(np.array([v for v in (near, -near, near + 2, -near - 2)
                              if info.min <= v <= info.max], dtype), 512)
    x = np.concatenate([rng.integers(low, high, 3000, dtype, True),
                        rng.integers(info.min, info.max, 1000, dtype, True),
                        np.repeat(edges, len(edges)), rim])
    y = np.concatenate([rng.integers(low, high, 3000, dtype, True),
                        rng.integers(info.min, info.max, 1000, dtype, True),
                        np.tile(edges, len(edges)),
                        np.resize(np.array([d for d in (1, -1, 2, -2, 3, 7)
                                            if d >= info.min], dtype),
                                  len(rim))])
    small = y.copy()
    small[:3000] = rng.integers(max(info.min, -9), 10, 3000)

    def run(call):
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always")
            result = np.asarray(call())
        return result, sorted(str(w.message) for w in seen)

    for divisors in (y, small):
        for a, b in ((x, divisors), (x[::-2], divisors[::2]),
                     (x[::3], divisors[::-3]), (x[7], divisors)):
            for name in ("floor_divide", "remainder"):
                got = run(lambda: getattr(mi, name)(mi.asarray(a),
                                                    mi.asarray(b)))
                want = run(lambda: getattr(np, name)(a, b))
                assert np.array_equal(got[0], want[0]), name
                assert got[0].dtype == want[0].dtype
                assert got[1] == want[1], name


def _special_divisors(dtype):
    """0, +-1, the powers of two and their neighbours, +-7 and the type's
    extremes: the edge cases of the multiply-high constants."""
    info = np.iinfo(dtype)
    divisors = {0, 1, 7, info.max, info.max - 1, info.min, info.min + 1}
    for k in range(info.bits):
        for d in (2 ** k - 1, 2 ** k, 2 ** k + 1):
            divisors.update((d, -d))
    return sorted(d for d in divisors if info.min <= d <= info.max)


def _division_items(dtype, random_items):
    info = np.iinfo(dtype)
    edges = [info.min, info.min + 1, info.max, info.max - 1, 0, 1, 2, 7,
             -1, -2, -7]
    edges = [e for e in edges if info.min <= e <= info.max]
    return np.array(edges + random_items, dtype=dtype)


@pytest.mark.parametrize("dtype", INT_NAMES)
def test_division_by_a_scalar_every_special_divisor(dtype):
    # A scalar divisor takes the multiply-high loop (constants computed
    # per call); an array of the same divisor takes the element loop: both
    # must give NumPy's values, for contiguous and strided items.
    info = np.iinfo(dtype)
    rng = np.random.default_rng(15)
    random_items = rng.integers(info.min, info.max, 40, dtype=dtype,
                                endpoint=True).tolist()
    n1 = _division_items(dtype, random_items)
    m1 = mi.asarray(n1)
    for divisor in _special_divisors(dtype):
        scalar = np.array(divisor, dtype=dtype)[()]
        with np.errstate(all="ignore"):
            expected = (n1 // scalar, n1 % scalar)
        for name, want in zip(["floor_divide", "remainder"], expected):
            got = getattr(mi, name)(m1, mi.asarray(np.array(divisor,
                                                             dtype=dtype)))
            assert got.dtype == want.dtype, (name, divisor)
            assert got.tolist() == want.tolist(), (name, divisor)
            strided = getattr(mi, name)(m1[::2], mi.asarray(
                np.array(divisor, dtype=dtype)))
            assert strided.tolist() == want[::2].tolist(), (name, divisor)


@pytest.mark.parametrize("dtype", ["int8", "uint8"])
def test_byte_division_by_every_scalar_divisor(dtype):
    """Bytes divide by a constant in 16-bit lanes, with a multiplier of
    their own (minind_divide_bytes): every byte by every divisor, as the
    quotient and the remainder, contiguous and reversed with a step."""
    n1 = np.arange(256, dtype=np.uint8).view(dtype)
    m1 = mi.asarray(n1)
    for divisor in np.arange(256, dtype=np.uint8).view(dtype):
        with np.errstate(all="ignore"):
            want = (n1 // divisor, n1 % divisor)
        for name, expected in zip(["floor_divide", "remainder"], want):
            with mi.errstate(all="ignore"):    # (divide by zero: tested)
                pairs = ((getattr(mi, name)(m1, divisor), expected),
                         (getattr(mi, name)(m1[::-3], divisor),
                          expected[::-3]))
            for got, wanted in pairs:
                assert got.dtype == wanted.dtype
                assert got.tolist() == wanted.tolist(), (name, divisor)


@pytest.mark.parametrize("dtype", ["int32", "uint32", "int64", "uint64"])
def test_word_division_by_a_scalar_through_double(dtype):
    """32- and 64-bit items divide by a constant through double on
    AVX-512 (minind_reciprocal_*): 64-bit blocks of 256 whose items are
    all below 2**49 in magnitude, the rest (from the first block that is
    not) by the word loop; divisors up to 2**32.  Items on both sides of
    2**49, random items in range and out, every special divisor and
    those next to 2**32: NumPy's quotients and remainders."""
    info = np.iinfo(dtype)
    rng = np.random.default_rng(17)
    bound = 2 ** 49
    edges = [v for v in (0, 1, 2, 7, bound - 2, bound - 1, bound,
                         bound + 1, -bound - 1, -bound, -bound + 1, -1,
                         info.min, info.max)
             if info.min <= v <= info.max]
    near = rng.integers(max(info.min, -bound + 1), min(info.max, bound - 1),
                        600, dtype, True)
    far = rng.integers(info.min, info.max, 300, dtype, True)
    n1 = np.concatenate([near, np.array(edges * 20, dtype=dtype), near,
                         far])
    divisors = set(_special_divisors(dtype)) | {
        d for d in (2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, -(2 ** 32),
                    3 * 2 ** 30 + 1) if info.min <= d <= info.max}
    layouts = [(n1, mi.asarray(n1)), (near, mi.asarray(near)),
               (near[::-3], mi.asarray(near)[::-3])]
    for divisor in sorted(divisors):
        scalar = np.array(divisor, dtype=dtype)[()]
        for n, m in layouts:
            with np.errstate(all="ignore"):
                want = (n // scalar, n % scalar)
            with mi.errstate(all="ignore"):
                got = (m // scalar, m % scalar)
            for g, w in zip(got, want):
                assert g.dtype == w.dtype
                assert g.tolist() == w.tolist(), divisor


@given(dtype=st.sampled_from(INT_NAMES), data=st.data())
def test_division_by_a_scalar_matches_numpy(dtype, data):
    info = np.iinfo(dtype)
    integers = st.integers(int(info.min), int(info.max))
    divisor = data.draw(st.one_of(st.sampled_from(_special_divisors(dtype)),
                                  integers), label="divisor")
    items = data.draw(st.lists(integers, max_size=70), label="items")
    n1 = _division_items(dtype, items)
    scalar = np.array(divisor, dtype=dtype)
    m1, m2 = mi.asarray(n1), mi.asarray(scalar)
    for op in (operator.floordiv, operator.mod):
        with np.errstate(all="ignore"):
            want = op(n1, scalar)
        got = op(m1, m2)
        assert got.dtype == want.dtype
        assert got.tolist() == want.tolist(), (op, divisor)


def test_floor_divide_and_remainder_follow_python_signs():
    values = list(range(-9, 10))
    n1, n2 = cross(np.array(values, dtype=np.int64))
    m1, m2 = mi.asarray(n1), mi.asarray(n2)
    assert_same_outcome(lambda: m1 // m2, lambda: n1 // n2)
    assert_same_outcome(lambda: m1 % m2, lambda: n1 % n2)
    # Python's own rules, where the divisor is not zero.
    q, r = (m1 // m2).tolist(), (m1 % m2).tolist()
    for i, a in enumerate(values):
        for j, b in enumerate(values):
            if b:
                assert (q[i][j], r[i][j]) == divmod(a, b)


@pytest.mark.parametrize("dtype", FLOAT_NAMES)
def test_float_divmod_rules(dtype):
    # npy_divmod: signed zeros, zero divisors, infinities, NaN; and the
    # x87 remainder (minind_fmod) over the whole exponent range: the
    # largest and subnormal operands, a quotient of 2**2000 (many rounds
    # of FPREM), exact multiples (a signed zero remainder).
    info = np.finfo(dtype)
    n1, n2 = cross(np.array(
        FLOAT_EDGES + [5.5, -5.5, 1e-3, info.max, -info.max,
                       info.smallest_subnormal, -3 * info.smallest_subnormal,
                       info.tiny, 6.0, -6.0], dtype=dtype))
    m1, m2 = mi.asarray(n1), mi.asarray(n2)
    for op in (operator.floordiv, operator.mod):
        assert_same_outcome(lambda: op(m1, m2), lambda: op(n1, n2))
    for op in (operator.floordiv, operator.mod):
        for scalar in (0.0, -0.0, np.inf.real, -np.inf.real, 2.5, -2.5):
            assert_same_outcome(lambda: op(m1, float(scalar)),
                                lambda: op(n1, float(scalar)))
            assert_same_outcome(lambda: op(float(scalar), m1),
                                lambda: op(float(scalar), n1))


@pytest.mark.parametrize("dtype", INT_NAMES)
def test_power_wraps_around(dtype):
    bases = int_edge_values(dtype)
    exponents = np.arange(0, 70 if np.iinfo(dtype).bits == 64 else 40,
                          dtype=dtype)
    n1, n2 = bases[:, None], exponents[None, :]
    assert_same_outcome(lambda: mi.asarray(n1) ** mi.asarray(n2),
                        lambda: n1 ** n2)
    assert_same_outcome(lambda: mi.power(mi.asarray(n1), 3),
                        lambda: np.power(n1, 3))
    assert_same_outcome(lambda: 3 ** mi.asarray(n2),
                        lambda: 3 ** n2)


@pytest.mark.parametrize("dtype", INT_NAMES)
def test_power_of_runs_in_blocks(dtype):
    """Integer power of two runs of one length (the trivial path) goes 16
    elements at a time, each block for as many rounds as its largest
    exponent has bits: exponents of every bit length side by side, whole
    blocks and a remainder, contiguous, strided, reversed, with a
    scalar base, and a 0-d exponent."""
    rng = np.random.default_rng(7)
    bits = np.iinfo(dtype).bits
    for length in (1, 15, 16, 17, 48, 83):
        bases = rng.choice(int_edge_values(dtype), 2 * length)
        exponents = (rng.integers(0, 2 ** 62, 2 * length, dtype=np.uint64)
                     >> rng.integers(0, 64, 2 * length).astype(np.uint64))
        exponents = (exponents % (2 ** (bits - 1))).astype(dtype)
        exponents[::3] %= 5
        b, e = mi.asarray(bases), mi.asarray(exponents)
        for m1, m2, n1, n2 in ((b[:length], e[:length], bases[:length],
                                exponents[:length]),
                               (b[::2], e[1::2], bases[::2], exponents[1::2]),
                               (b[::-1], e, bases[::-1], exponents)):
            assert_same_outcome(lambda: m1 ** m2, lambda: n1 ** n2)
            assert_same_outcome(lambda: 3 ** m2, lambda: 3 ** n2)
            assert_same_outcome(lambda: mi.power(m1, e[length]),
                                lambda: np.power(n1, exponents[length]))


@pytest.mark.parametrize("dtype", [d for d in INT_NAMES if d[0] == "i"])
def test_negative_integer_power_raises(dtype):
    n = np.array([2, 3, 4], dtype=dtype)
    m = mi.asarray(n)
    cases = [
        (lambda a, mod: a ** -1),
        (lambda a, mod: mod.power(a, mod.asarray(np.array([1, -2, 3],
                                                          dtype=dtype)))),
        (lambda a, mod: mod.power(a, mod.asarray(np.array(-1, dtype=dtype)))),
        (lambda a, mod: 2 ** -a),
        # the fast paths: runs of one length, strided or reversed, the
        # negative exponent last or in the middle; scalars
        (lambda a, mod: a ** (a - 4)[::-1]),
        (lambda a, mod: a[::2] ** (a - 3)[::2]),
        (lambda a, mod: a ** (a - 3)),
        (lambda a, mod: mod.int64(2) ** mod.int64(-1)),
        (lambda a, mod: getattr(mod, dtype)(2) ** getattr(mod, dtype)(-1)),
        (lambda a, mod: a[0] ** -a[1]),
    ]
    for case in cases:
        want = outcome(lambda: case(n, np))
        got = outcome(lambda: case(m, mi))
        assert want[0] == "raised"
        assert_same_error(got[1], want[1])
        assert str(got[1]) == ("Integers to negative integer powers are "
                               "not allowed.")
    # A float exponent (or a float base) is fine.
    assert_same_outcome(lambda: m ** -1.0, lambda: n ** -1.0)
    assert_same_outcome(lambda: mi.power(m.astype("float64"), -1),
                        lambda: np.power(n.astype("float64"), -1))


@pytest.mark.parametrize("dtype", [d for d in INT_NAMES if d[0] == "i"])
def test_absolute_and_negative_of_int_min(dtype):
    n = np.array([np.iinfo(dtype).min, -1, 0, np.iinfo(dtype).max],
                 dtype=dtype)
    m = mi.asarray(n)
    for fn, np_fn in [(abs, abs), (operator.neg, operator.neg),
                      (mi.absolute, np.absolute), (mi.negative, np.negative),
                      (mi.sign, np.sign), (mi.square, np.square)]:
        assert_same_outcome(lambda: fn(m), lambda: np_fn(n))
    assert abs(m).tolist()[0] == np.iinfo(dtype).min


@pytest.mark.parametrize("dtype", INT_NAMES + ["bool"])
def test_bitwise_operators(dtype):
    values = (int_edge_values(dtype) if dtype != "bool"
              else np.array([False, True]))
    n1, n2 = cross(values)
    m1, m2 = mi.asarray(n1), mi.asarray(n2)
    for op in (operator.and_, operator.or_, operator.xor):
        assert_same_outcome(lambda: op(m1, m2), lambda: op(n1, n2))
    assert_same_outcome(lambda: ~m1, lambda: ~n1)
    assert_same_outcome(lambda: mi.invert(m2), lambda: np.invert(n2))
    assert_same_outcome(lambda: mi.bitwise_not(m2), lambda: np.bitwise_not(n2))


@pytest.mark.parametrize("dtype", FLOAT_NAMES)
def test_bitwise_operators_refuse_floats(dtype):
    n = np.ones(3, dtype=dtype)
    m = mi.asarray(n)
    for call in [lambda a: a & a, lambda a: a | 1, lambda a: 1 ^ a,
                 lambda a: ~a]:
        want = outcome(lambda: call(n))
        got = outcome(lambda: call(m))
        assert want[0] == "raised"
        assert_same_error(got[1], want[1])


def test_bool_arithmetic():
    n1, n2 = cross(np.array([False, True]))
    m1, m2 = mi.asarray(n1), mi.asarray(n2)
    # add is or, multiply is and; both stay bool.
    for op, np_op in [(operator.add, operator.add),
                      (operator.mul, operator.mul),
                      (mi.maximum, np.maximum), (mi.minimum, np.minimum)]:
        got, want = assert_same_outcome(lambda: op(m1, m2),
                                        lambda: np_op(n1, n2))
        assert got.dtype == mi.bool_
    assert (m1 + m2).tolist() == [[False, True], [True, True]]
    assert (m1 * m2).tolist() == [[False, False], [False, True]]
    # Mixed with Python ints: int64; with floats: float64.
    assert_same_outcome(lambda: m1 + 1, lambda: n1 + 1)
    assert_same_outcome(lambda: m1 * 2.5, lambda: n1 * 2.5)
    assert_same_outcome(lambda: m1 + True, lambda: n1 + True)
    assert_same_outcome(lambda: m1 / m2, lambda: n1 / n2)
    assert_same_outcome(lambda: m1 // m2, lambda: n1 // n2)
    assert_same_outcome(lambda: m1 ** m2, lambda: n1 ** n2)
    # subtract and negative refuse bools, with NumPy's messages.
    for mcall, ncall in [
            (lambda: m1 - m2, lambda: n1 - n2),
            (lambda: mi.subtract(m1, True), lambda: np.subtract(n1, True)),
            (lambda: -m1, lambda: -n1),
            (lambda: mi.negative(m1), lambda: np.negative(n1))]:
        want = outcome(ncall)
        got = outcome(mcall)
        assert want[0] == "raised" and isinstance(want[1], TypeError)
        assert_same_error(got[1], want[1])
    got = outcome(lambda: m1 - m2)[1]
    assert str(got) == (
        "numpy boolean subtract, the `-` operator, is not supported, use "
        "the bitwise_xor, the `^` operator, or the logical_xor function "
        "instead.")
    got = outcome(lambda: -m1)[1]
    assert str(got) == (
        "The numpy boolean negative, the `-` operator, is not supported, "
        "use the `~` operator or the logical_not function instead.")


def test_bool_positive_and_sign_refused():
    n = np.array([False, True])
    m = mi.asarray(n)
    for mcall, ncall in [(lambda: +m, lambda: +n),
                         (lambda: mi.positive(m), lambda: np.positive(n)),
                         (lambda: mi.sign(m), lambda: np.sign(n))]:
        want = outcome(ncall)
        got = outcome(mcall)
        assert want[0] == "raised" and isinstance(want[1], TypeError)
        assert_same_error(got[1], want[1])



@pytest.mark.parametrize("dtype", FLOAT_NAMES)
@pytest.mark.parametrize("size", [1, 15, 16, 17, 63, 64, 65, 1000])
def test_float_comparisons_in_vectors_match_numpy(dtype, size):
    # The contiguous float comparisons and logical operations run in C
    # built for AVX-512, AVX2 and the default target: every width's body
    # and remainder loop, with NaN (true), signed zeros (false) and
    # infinities, array-array and both scalar sides.
    rng = np.random.default_rng(size)
    specials = np.array([np.nan, 0.0, -0.0, np.inf, -np.inf, 1.0],
                        dtype=dtype)
    n1 = rng.choice(specials, size)
    n2 = rng.choice(specials, size)
    m1, m2 = mi.asarray(n1), mi.asarray(n2)
    for name in ["equal", "not_equal", "less", "less_equal", "greater",
                 "greater_equal", "logical_and", "logical_or", "logical_xor"]:
        assert getattr(mi, name)(m1, m2).tolist() == getattr(np, name)(
            n1, n2).tolist(), name
        for scalar in specials:
            m0 = mi.asarray(np.array(scalar, dtype=dtype))
            assert getattr(mi, name)(m1, m0).tolist() == getattr(np, name)(
                n1, scalar).tolist(), (name, scalar)
            assert getattr(mi, name)(m0, m1).tolist() == getattr(np, name)(
                scalar, n1).tolist(), (name, scalar)


@pytest.mark.parametrize("dtype", FLOAT_NAMES)
@pytest.mark.parametrize("size", [15, 16, 17, 255, 256, 257, 600])
def test_strided_float_selections_in_blocks_match_numpy(dtype, size):
    # Strided float max/min/fmax/fmin, isnan/isinf/isfinite, sqrt and
    # reciprocal copy their operands into local blocks of 256 and run the
    # contiguous loop: every block boundary, NaN (first of two, either
    # side), signed zeros, a scalar side, a strided and a reversed output.
    rng = np.random.default_rng(size)
    specials = np.array([np.nan, 0.0, -0.0, np.inf, -np.inf, 1.0, -2.5],
                        dtype=dtype)
    n1 = rng.choice(specials, 3 * size)
    n2 = rng.choice(specials, 3 * size)
    m1, m2 = mi.asarray(n1), mi.asarray(n2)
    for name in ["maximum", "minimum", "fmax", "fmin"]:
        ufunc, np_ufunc = getattr(mi, name), getattr(np, name)
        for a, b, x, y in [(m1[::3], m2[1::3], n1[::3], n2[1::3]),
                           (m1[::-3], m2[:1], n1[::-3], n2[:1]),
                           (m2[:1], m1[::3], n2[:1], n1[::3])]:
            assert_same(ufunc(a, b), np_ufunc(x, y))
            mout, nout = mi.zeros(2 * size, dtype)[::-2], np.zeros(
                2 * size, dtype)[::-2]
            ufunc(a, b, out=mout)
            np_ufunc(x, y, out=nout)
            assert_same(mout, nout)
    for name in ["isnan", "isinf", "isfinite", "signbit", "logical_not"]:
        # (a strided operand read in place, and tested quietly: a NaN
        # compared raises no "invalid")
        ufunc, np_ufunc = getattr(mi, name), getattr(np, name)
        with mi.errstate(all="raise"):
            assert_same(ufunc(m1[::3]), np_ufunc(n1[::3]))
            assert_same(ufunc(m1[1::-1][::-1]), np_ufunc(n1[1::-1][::-1]))
        mout = mi.zeros(2 * size, bool)[::2]
        ufunc(m1[::-3], out=mout)
        # NumPy's own answer into a strided bool output is wrong (2.4.6,
        # this machine: np.isnan(x, out=np.zeros(40, bool)[::2]) leaves
        # its first 16 results False), so the oracle is its answer into a
        # new array.
        assert mout.tolist() == np_ufunc(n1[::-3]).tolist(), name
    # sqrt and reciprocal (the vector square root and division) in blocks
    # too, with their flags: sqrt(-2.5) is invalid, 1 / 0 divides by zero.
    for name in ["sqrt", "reciprocal"]:
        ufunc, np_ufunc = getattr(mi, name), getattr(np, name)
        with np.errstate(all="ignore"), mi.errstate(all="ignore"):
            assert_same(ufunc(m1[::3]), np_ufunc(n1[::3]))
            mout, nout = mi.zeros(2 * size, dtype)[::-2], np.zeros(
                2 * size, dtype)[::-2]
            ufunc(m1[::-3], out=mout)
            np_ufunc(n1[::-3], out=nout)
            assert_same(mout, nout)
        error = "invalid" if name == "sqrt" else "divide"
        with np.errstate(**{error: "raise"}), pytest.raises(
                FloatingPointError):
            np_ufunc(n1[::3])
        with mi.errstate(**{error: "raise"}), pytest.raises(
                FloatingPointError):
            ufunc(m1[::3])
    # floor/ceil/trunc/rint too (blocks for the rounding instructions),
    # on halves and numbers too large for a fraction; and the typed walk
    # of the other unary operations (a strided input, a new output).
    halves = rng.choice(np.array([0.5, -0.5, 1.5, -2.5, 2.0 ** 52 + 1, 0.7,
                                  np.nan, -0.0], dtype=dtype), 3 * size)
    mh = mi.asarray(halves)
    for name in ["floor", "ceil", "trunc", "rint", "absolute", "negative",
                 "square", "sign", "positive"]:
        ufunc, np_ufunc = getattr(mi, name), getattr(np, name)
        with mi.errstate(all="raise"):
            assert_same(ufunc(mh[::3]), np_ufunc(halves[::3]))
            assert_same(ufunc(mh[::-2]), np_ufunc(halves[::-2]))
            mout, nout = mi.zeros(2 * size, dtype)[::-2], np.zeros(
                2 * size, dtype)[::-2]
            ufunc(mh[::-3], out=mout)
            np_ufunc(halves[::-3], out=nout)
            assert_same(mout, nout)


@pytest.mark.parametrize("dtype", ["int8", "int16", "int32", "uint32",
                                   "int64", "float32", "float64"])
@pytest.mark.parametrize("size", [15, 16, 17, 1000])
def test_strided_runs_gathered_keep_every_bit(dtype, size):
    # A strided run copied into a contiguous one, and the strided operand
    # of a block loop, go through vector gathers (4- and 8-byte items,
    # AVX-512): every step, either sign, a vector and a tail, misaligned
    # items (item by item), and NaN payloads kept as bits.
    n = np.arange(8 * size + 8, dtype=dtype)
    if n.dtype.kind == "f":
        bits = n.view(f"u{n.itemsize}")
        bits[::5] |= np.array(0x7FF0000000000F0F if n.itemsize == 8
                              else 0x7F800F0F, dtype=bits.dtype)
    m = mi.asarray(n)
    for step in [2, 3, 7, -1, -2, -7]:
        x, y = m[::step][:size], n[::step][:size]
        assert_same(mi.ascontiguousarray(x), np.ascontiguousarray(y))
        assert bytes(x.copy()) == y.copy().tobytes(), step
    raw = np.zeros(n.nbytes + 1, np.uint8)
    odd = raw[1:].view(dtype)            # every item misaligned
    odd[:] = n
    assert bytes(mi.asarray(odd)[::3].copy()) == odd[::3].tobytes()


@pytest.mark.parametrize("dtype", FLOAT_NAMES)
@pytest.mark.parametrize("size", [1, 7, 15, 16, 17, 33, 1000])
def test_float_rounding_in_vectors_matches_numpy(dtype, size):
    # Contiguous floor/ceil/trunc/rint run in C built for AVX-512, AVX2
    # and the default target (rounding instructions, no C-library call):
    # every width's body and remainder, the halves (rint: ties to even),
    # signed zeros from rounding toward zero, infinities, NaN, numbers
    # too large to have a fraction, and the smallest ones; bit for bit
    # (the sign of a zero included), and no floating-point flag raised.
    rng = np.random.default_rng(size)
    info = np.finfo(dtype)
    specials = np.array(
        [0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999997, -0.7,
         np.inf, -np.inf, np.nan, -np.nan, float(info.max), -float(info.max),
         float(info.tiny), -float(info.smallest_subnormal), 2.0 ** 52 + 1,
         -(2.0 ** 23) - 0.5, 1e6 + 0.5], dtype=dtype)
    values = np.concatenate([specials, rng.uniform(-1e3, 1e3, size).astype(
        dtype)])
    values = rng.permutation(values)[:max(size, 1)]
    m = mi.asarray(values)
    for name in ["floor", "ceil", "trunc", "rint"]:
        with mi.errstate(all="raise"):
            got = np.asarray(getattr(mi, name)(m))
        want = getattr(np, name)(values)
        assert got.tobytes() == want.tobytes(), (name, values, got, want)


@pytest.mark.parametrize("dtype", FLOAT_NAMES)
def test_float_floor_divide_and_remainder_round_in_their_type(dtype):
    # NumPy's npy_divmod rounds each step (a - fmod(a, b), then / b) in
    # the operands' type; float32 through double gave 31980020 for
    # 479700320 // 15, where NumPy says 31980022 (found by the thorough
    # profile of test_inplace_operator).  Bit for bit on a sweep of
    # magnitudes, zeros, infinities and NaN, either operand a scalar.
    rng = np.random.default_rng(7)
    pieces = []
    for scale in (1e3, 1e8, 1e30, 1e-30):
        pieces.append(rng.standard_normal(2000) * scale)
    a = np.concatenate(pieces + [[4.7970032e+08, 0.0, -0.0, np.nan, np.inf,
                                  -np.inf, 5.0]]).astype(dtype)
    b = (rng.standard_normal(a.size) * rng.choice([1, 10, 1e5], a.size))
    b[::97], b[::101], b[-7:] = 0.0, np.inf, [15.0, 3.0, -2.0, 1.0, 0.5,
                                               -np.inf, 0.0]
    b = b.astype(dtype)
    for name in ["floor_divide", "remainder"]:
        with np.errstate(all="ignore"), mi.errstate(all="ignore"):
            want = getattr(np, name)(a, b)
            got = np.asarray(getattr(mi, name)(mi.asarray(a), mi.asarray(b)))
            assert got.tobytes() == want.tobytes() or np.array_equal(
                got, want, equal_nan=True) and np.array_equal(
                np.signbit(got), np.signbit(want)), name
            for k in (0, 1, -7):
                want = getattr(np, name)(a, b[k])
                got = np.asarray(getattr(mi, name)(mi.asarray(a), b[k]))
                assert np.array_equal(got, want, equal_nan=True) and \
                    np.array_equal(np.signbit(got), np.signbit(want)), name


@pytest.mark.parametrize("dtype", INT_NAMES)
@pytest.mark.parametrize("size", [1, 31, 32, 33, 64, 65, 1000])
def test_integer_max_min_multiply_in_vectors_match_numpy(dtype, size):
    # Contiguous integer maximum/minimum (fmax/fmin too) and multiply run
    # in C built for AVX-512, AVX2 and the default target: every width's
    # body and remainder, each type's edges (products that wrap),
    # array-array, both scalar sides, and in place (a *= b keeps
    # binary_loop's own loop).
    rng = np.random.default_rng(size)
    edges = int_edge_values(dtype)
    n1 = rng.choice(edges, size)
    n2 = rng.choice(edges, size)
    m1, m2 = mi.asarray(n1), mi.asarray(n2)
    for name in ["maximum", "minimum", "fmax", "fmin", "multiply"]:
        ufunc, np_ufunc = getattr(mi, name), getattr(np, name)
        assert_same(ufunc(m1, m2), np_ufunc(n1, n2))
        for scalar in edges[::3]:
            m0 = mi.asarray(np.array(scalar, dtype=dtype))
            assert ufunc(m1, m0).tolist() == np_ufunc(n1, n2.dtype.type(
                scalar)).tolist(), (name, scalar)
            assert ufunc(m0, m1).tolist() == np_ufunc(n2.dtype.type(
                scalar), n1).tolist(), (name, scalar)
        m3, n3 = m1.copy(), n1.copy()
        ufunc(m3, m2, out=m3)
        np_ufunc(n3, n2, out=n3)
        assert_same(m3, n3)


@pytest.mark.parametrize("dtype", INT_NAMES)
@pytest.mark.parametrize("size", [1, 31, 32, 33, 64, 65, 1000])
def test_integer_comparisons_in_vectors_match_numpy(dtype, size):
    # The contiguous integer comparisons and logical operations run in C
    # built for AVX-512, AVX2 and the default target, as the float ones:
    # every width's body and
    # remainder, with each type's edges, array-array and both scalar
    # sides.
    rng = np.random.default_rng(size)
    edges = int_edge_values(dtype)
    n1 = rng.choice(edges, size)
    n2 = rng.choice(edges, size)
    m1, m2 = mi.asarray(n1), mi.asarray(n2)
    for name in ["equal", "not_equal", "less", "less_equal", "greater",
                 "greater_equal", "logical_and", "logical_or", "logical_xor"]:
        assert_same(getattr(mi, name)(m1, m2), getattr(np, name)(n1, n2))
        for scalar in edges[::3]:
            m0 = mi.asarray(np.array(scalar, dtype=dtype))
            assert getattr(mi, name)(m1, m0).tolist() == getattr(np, name)(
                n1, scalar).tolist(), (name, scalar)
            assert getattr(mi, name)(m0, m1).tolist() == getattr(np, name)(
                scalar, n1).tolist(), (name, scalar)


@pytest.mark.parametrize("size", [1, 63, 64, 65, 200, 5000])
@pytest.mark.parametrize("step", [1, 2, -3])
def test_bool_loops_read_any_nonzero_byte_as_true(size, step):
    # A bool view of bytes may hold 2 or 255: every bool loop (the
    # comparisons, the identities, invert, the predicates a bool answers
    # at once, argmax/argmin, which stop at the first True/False) reads
    # it as True and writes 0 or 1.  NumPy's answers for such bytes
    # depend on where they sit (its vector loops compare raw bytes past
    # the first blocks: equal(2, 255) is True early in an array, False
    # later), so the oracle is NumPy on the same bools stored as 0 and 1.
    rng = np.random.default_rng(size)
    raw1 = rng.choice(np.array([0, 1, 2, 255], np.uint8), size * abs(step))
    raw2 = rng.choice(np.array([0, 1, 2, 255], np.uint8), size * abs(step))
    n1, n2 = (raw1 != 0)[::step], (raw2 != 0)[::step]
    m1 = mi.asarray(raw1).view(mi.bool_)[::step]
    m2 = mi.asarray(raw2).view(mi.bool_)[::step]
    for name in ["equal", "not_equal", "less", "less_equal", "greater",
                 "greater_equal", "logical_and", "logical_or", "maximum",
                 "bitwise_xor"]:
        ufunc, np_ufunc = getattr(mi, name), getattr(np, name)
        for a, b, x, y in [(m1, m2, n1, n2), (m1, m2[:1], n1, n2[:1]),
                           (m1[:1], m2, n1[:1], n2)]:
            got = ufunc(a, b)
            assert_same(got, np_ufunc(x, y))
            assert set(got.view(mi.uint8).tolist()) <= {0, 1}, name
    for name in ["absolute", "floor", "trunc", "invert", "logical_not",
                 "isnan", "isinf", "isfinite"]:
        got = getattr(mi, name)(m1)
        assert_same(got, getattr(np, name)(n1))
        assert set(got.view(mi.uint8).tolist()) <= {0, 1}, name
    for value in (True, False):
        # one decisive element anywhere, behind runs of the other value
        for where in {0, size // 2, size - 1}:
            n = np.full(size, not value)
            n[where] = value
            m = mi.asarray(n)
            method = "argmax" if value else "argmin"
            assert_same_scalar(getattr(m, method)(), getattr(n, method)())
            assert_same_scalar(getattr(m[::-1], method)(),
                               getattr(n[::-1], method)())
        n = np.full(size, not value)
        assert_same_scalar(getattr(mi.asarray(n), method)(),
                           getattr(n, method)())


@pytest.mark.parametrize("dtype", INT_NAMES)
def test_integer_predicates_in_every_layout(dtype):
    # isnan/isinf/isfinite of an integer are known without reading it;
    # logical_not reads it.
    n = int_edge_values(dtype)
    m = mi.asarray(n)
    for x, y in [(m, n), (m[::-2], n[::-2]), (m[:0], n[:0]),
                 (mi.broadcast_to(m[:1], (5,)), np.broadcast_to(n[:1], (5,)))]:
        for name in ["isnan", "isinf", "isfinite", "logical_not"]:
            assert_same(getattr(mi, name)(x), getattr(np, name)(y))
            mout = mi.zeros(2 * x.size, mi.bool_)[::2]
            nout = np.zeros(2 * y.size, bool)[::2]
            getattr(mi, name)(x, out=mout)
            getattr(np, name)(y, out=nout)
            assert_same(mout, nout)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("size", [1, 15, 16, 17, 100, 1001])
def test_float_predicates_read_strided_runs_in_place(dtype, size):
    """isnan, isinf, isfinite and signbit of strided float runs (tested
    where they lie, in vectors where the CPU gathers, one by one else):
    every special value, NaN of either sign, at every position, with
    steps forward, backward and wider than a vector."""
    rng = np.random.default_rng(size)
    specials = np.array([np.nan, -np.nan, np.inf, -np.inf, 0.0, -0.0,
                         1.5, -2.0, np.finfo(dtype).tiny / 4], dtype=dtype)
    for step in (2, 3, -1, -7, 40):
        n = rng.choice(specials, abs(step) * size + 3)
        m = mi.asarray(n)
        start = 1 if step > 0 else -2
        x, y = m[start::step][:size], n[start::step][:size]
        assert y.size == size
        for name in ["isnan", "isinf", "isfinite", "signbit"]:
            assert_same(getattr(mi, name)(x), getattr(np, name)(y))


def test_mixed_int64_uint64_comparisons_are_exact():
    # NumPy 2 compares int64 with uint64 exactly ('qQ->?' loops), not
    # through float64.
    n1 = np.array([2**63 - 1, -1, 2**53 + 1, 0, -2**63], dtype=np.int64)
    n2 = np.array([2**63, 2**64 - 1, 2**53, 0, 2**63 - 1], dtype=np.uint64)
    m1, m2 = mi.asarray(n1), mi.asarray(n2)
    for name in ["equal", "not_equal", "less", "less_equal", "greater",
                 "greater_equal"]:
        assert_same_outcome(lambda: getattr(mi, name)(m1, m2),
                            lambda: getattr(np, name)(n1, n2))
        assert_same_outcome(lambda: getattr(mi, name)(m2, m1),
                            lambda: getattr(np, name)(n2, n1))


def test_comparisons_with_out_of_range_python_ints_are_exact():
    # An int the dtype holds compares in the dtype's own loop (the trivial
    # call, _keeps_dtype); one just outside its range, or far outside,
    # gives NumPy's exact answer; either side, arrays and scalars.
    for dtype in INT_NAMES:
        n = int_edge_values(dtype)
        m = mi.asarray(n)
        info = np.iinfo(dtype)
        low, high = int(info.min), int(info.max)
        for scalar in [2**63 - 1, 2**63, 2**64 - 1, 2**64, -2**63,
                       -2**63 - 1, 2**53 + 1, 1000, -1000, low, high,
                       low - 1, high + 1, 0, 1, -1]:
            for op in (operator.eq, operator.ne, operator.lt, operator.le,
                       operator.gt, operator.ge):
                assert_same_outcome(lambda: op(m, scalar),
                                    lambda: op(n, scalar))
                assert_same_outcome(lambda: op(scalar, m),
                                    lambda: op(scalar, n))
                assert_same_outcome(lambda: op(m[-1], scalar),
                                    lambda: op(n[-1], scalar))


def test_small_integer_promotions():
    for a, b in [("int8", "int16"), ("int8", "uint8"), ("uint8", "int16"),
                 ("int64", "uint64"), ("uint32", "int32"), ("bool", "int8"),
                 ("int16", "float32"), ("int32", "float32"),
                 ("uint64", "float32")]:
        n1, n2 = np.ones(3, dtype=a), np.ones(3, dtype=b)
        got, want = assert_same_outcome(
            lambda: mi.asarray(n1) + mi.asarray(n2), lambda: n1 + n2)
        assert got.dtype.name == want.dtype.name
    assert (mi.ones(2, mi.int8) + mi.ones(2, mi.int16)).dtype == mi.int16
    # NEP 50: a Python int keeps the array's dtype, and must fit in it.
    assert (mi.ones(2, mi.int8) + 1).dtype == mi.int8
    for scalar in [127, 128, -129, 1000]:
        assert_same_outcome(lambda: mi.ones(2, mi.int8) + scalar,
                            lambda: np.ones(2, np.int8) + scalar)
        assert_same_outcome(lambda: mi.ones(2, mi.uint8) - (scalar - 128),
                            lambda: np.ones(2, np.uint8) - (scalar - 128))


def test_python_scalars_only():
    for name in BINARY:
        for a, b in [(3, 2), (3, 2.0), (True, False), (-7, 2), (2.5, -0.0),
                     (True, 3)]:
            np_call = numpy_reference(name, a, b)
            assert_same_outcome(lambda: getattr(mi, name)(a, b), np_call,
                                rtol=rtol_for(name, outcome(np_call)[1]))
    for name in UNARY:
        for a in [3, -2.5, True, 0]:
            np_call = numpy_reference(name, a)
            assert_same_outcome(lambda: getattr(mi, name)(a), np_call,
                                rtol=rtol_for(name, outcome(np_call)[1]))


# ---------------------------------------------------------------------------
# 4. out=
# ---------------------------------------------------------------------------

def out_pair(shape, dtype="float64", fill=-1, order="C"):
    n = np.full(shape, fill, dtype=dtype, order=order)
    return mi.array(n, order=order), n


def assert_out_call(mi_call, np_call, m_out, n_out):
    """Both calls return their ``out`` (the same object) and write the same
    values; or both raise alike and leave ``out`` untouched."""
    before = fresh_copy(n_out)
    address = m_out.ctypes.data
    want = outcome(np_call)
    got = outcome(mi_call)
    if want[0] == "raised":
        assert_same_error(got[1], want[1])
        assert_values(m_out, before)
        assert_values(n_out, before)
    else:
        assert got[0] == "ok", f"minind raised {got[1]!r}"
        assert want[1] is n_out
        assert got[1] is m_out
        assert m_out.ctypes.data == address
        assert_same(m_out, n_out)
        assert_values(m_out, n_out)
    return got[1], want[1]


def test_out_same_shape_and_forms():
    n1 = np.arange(6.0).reshape(2, 3)
    n2 = np.arange(3.0)
    m1, m2 = mi.asarray(n1), mi.asarray(n2)
    for form in ["keyword", "tuple", "positional"]:
        m_out, n_out = out_pair((2, 3))
        if form == "keyword":
            assert_out_call(lambda: mi.add(m1, m2, out=m_out),
                            lambda: np.add(n1, n2, out=n_out), m_out, n_out)
        elif form == "tuple":
            assert_out_call(lambda: mi.add(m1, m2, out=(m_out,)),
                            lambda: np.add(n1, n2, out=(n_out,)),
                            m_out, n_out)
        else:
            assert_out_call(lambda: mi.add(m1, m2, m_out),
                            lambda: np.add(n1, n2, n_out), m_out, n_out)
    m_out, n_out = out_pair((2, 3), order="F")
    assert_out_call(lambda: mi.negative(m1, out=m_out),
                    lambda: np.negative(n1, out=n_out), m_out, n_out)
    m_out, n_out = out_pair((2, 3))
    assert_out_call(lambda: mi.sqrt(m1, m_out),
                    lambda: np.sqrt(n1, n_out), m_out, n_out)


def test_out_larger_than_the_inputs():
    n1 = np.arange(3, dtype=np.int32)
    n2 = np.array(5, dtype=np.int32)
    for shape in [(2, 3), (4, 1, 3), (2, 2, 3)]:
        m_out, n_out = out_pair(shape, dtype="int32")
        assert_out_call(lambda: mi.multiply(mi.asarray(n1), mi.asarray(n2),
                                            out=m_out),
                        lambda: np.multiply(n1, n2, out=n_out), m_out, n_out)
    m_out, n_out = out_pair((3, 3))
    assert_out_call(lambda: mi.exp(mi.asarray(n1), out=m_out),
                    lambda: np.exp(n1, out=n_out), m_out, n_out)
    # A strided out (a view of a bigger array).
    n_big = np.zeros((4, 6))
    m_big = mi.asarray(n_big.copy())
    n_out, m_out = n_big[::2, ::-2], m_big[::2, ::-2]
    assert_out_call(lambda: mi.add(mi.asarray(n1), 1, out=m_out),
                    lambda: np.add(n1, 1, out=n_out), m_out, n_out)
    assert_values(m_big, n_big)


def test_out_wrong_shape():
    m_out, n_out = out_pair((2, 1))
    got, want = assert_out_call(
        lambda: mi.add(mi.ones((2, 2)), 1, out=m_out),
        lambda: np.add(np.ones((2, 2)), 1, out=n_out), m_out, n_out)
    assert str(got) == ("non-broadcastable output operand with shape (2,1) "
                        "doesn't match the broadcast shape (2,2)")
    for in_shapes, out_shape in [([(3,), (3,)], (2,)), ([(3,), (3,)], ()),
                                 ([(2, 3), (3,)], (3,)),
                                 ([(2, 3), (3,)], (4, 3)),
                                 ([(2, 1), (1, 3)], (2, 1)),
                                 ([(2, 1), (1, 3)], (3, 2, 3)),
                                 ([(2, 3), (4, 3)], (2, 3))]:
        nins = [np.ones(s) for s in in_shapes]
        mins = [mi.ones(s) for s in in_shapes]
        m_out, n_out = out_pair(out_shape)
        assert_out_call(lambda: mi.add(*mins, out=m_out),
                        lambda: np.add(*nins, out=n_out), m_out, n_out)
    m_out, n_out = out_pair((2,))
    assert_out_call(lambda: mi.sqrt(mi.ones(3), out=m_out),
                    lambda: np.sqrt(np.ones(3), out=n_out), m_out, n_out)


def test_out_read_only():
    n_out = np.zeros(3)
    n_out.flags.writeable = False
    m_out = mi.asarray(n_out.copy())
    m_out.flags.writeable = False
    assert_out_call(lambda: mi.add(mi.ones(3), 1, out=m_out),
                    lambda: np.add(np.ones(3), 1, out=n_out), m_out, n_out)
    # A broadcast view is read-only too.
    n_b = np.broadcast_to(np.zeros(3), (2, 3))
    m_b = mi.broadcast_to(mi.zeros(3), (2, 3))
    assert_out_call(lambda: mi.add(mi.ones((2, 3)), 1, out=m_b),
                    lambda: np.add(np.ones((2, 3)), 1, out=n_b), m_b, n_b)


def test_out_casting():
    ints = np.arange(4, dtype=np.int64)
    floats = np.linspace(-1, 1, 4)
    cases = [
        # (inputs, out dtype, casting)
        ((floats, 1), "int64", "same_kind"),        # refused
        ((floats, 1), "float32", "same_kind"),      # allowed (same kind)
        ((ints, 1), "float64", "same_kind"),        # int result, float out
        ((ints, 1), "int8", "same_kind"),           # allowed, wraps
        ((ints, 1), "uint8", "same_kind"),
        ((ints, 1), "bool", "same_kind"),           # refused
        ((floats, 1), "int64", "unsafe"),           # allowed
        ((ints, 1), "int32", "safe"),               # refused
        ((ints, 1), "float64", "safe"),
        ((ints, 1), "int64", "no"),
        ((ints, 1), "int32", "no"),
        ((floats, floats), "bool", "same_kind"),
    ]
    for (x, y), out_dtype, casting in cases:
        mx = mi.asarray(x) if isinstance(x, np.ndarray) else x
        my = mi.asarray(y) if isinstance(y, np.ndarray) else y
        m_out, n_out = out_pair((4,), dtype=out_dtype, fill=0)
        assert_out_call(
            lambda: mi.add(mx, my, out=m_out, casting=casting),
            lambda: np.add(x, y, out=n_out, casting=casting), m_out, n_out)
    # Comparisons into a numeric out; divide of ints into ints.
    m_out, n_out = out_pair((4,), dtype="int8", fill=5)
    assert_out_call(lambda: mi.less(mi.asarray(ints), 2, out=m_out),
                    lambda: np.less(ints, 2, out=n_out), m_out, n_out)
    m_out, n_out = out_pair((4,), dtype="int64", fill=5)
    assert_out_call(lambda: mi.true_divide(mi.asarray(ints), 2, out=m_out),
                    lambda: np.true_divide(ints, 2, out=n_out), m_out, n_out)


def test_out_errors():
    n_out = np.zeros(3)
    m_out = mi.zeros(3)
    for mcall, ncall in [
            (lambda: mi.add(mi.ones(3), 1, out=(m_out, m_out)),
             lambda: np.add(np.ones(3), 1, out=(n_out, n_out))),
            (lambda: mi.add(mi.ones(3), 1, out=[0.0, 0.0, 0.0]),
             lambda: np.add(np.ones(3), 1, out=[0.0, 0.0, 0.0])),
            (lambda: mi.add(mi.ones(3), 1, out=()),
             lambda: np.add(np.ones(3), 1, out=())),
            (lambda: mi.add(mi.ones(3), 1, m_out, out=m_out),
             lambda: np.add(np.ones(3), 1, n_out, out=n_out))]:
        want = outcome(ncall)
        got = outcome(mcall)
        assert want[0] == "raised"
        assert_same_error(got[1], want[1])
    assert_values(m_out, n_out)


@pytest.mark.parametrize("name", ["add", "subtract", "multiply", "maximum",
                                  "floor_divide", "power"])
def test_out_overlapping_the_inputs(name):
    def cases(a):
        return [(a[1:], a[:-1], a[1:]), (a[:-1], a[1:], a[1:]),
                (a[1:], a[:-1], a[:-1]), (a[::-1], a, a),
                (a, a[::-1], a), (a[::2], a[1::2], a[1::2]),
                (a[:4], a[2:6], a[1:5]), (a[::-2], a[::2], a[::2])]
    n_base = np.arange(1, 9, dtype=np.int64)
    for k in range(len(cases(n_base))):
        n = n_base.copy()
        m = mi.asarray(n_base.copy())
        n1, n2, n_out = cases(n)[k]
        m1, m2, m_out = cases(m)[k]
        assert_out_call(lambda: getattr(mi, name)(m1, m2, out=m_out),
                        lambda: getattr(np, name)(n1, n2, out=n_out),
                        m_out, n_out)
        assert_values(m, n)


@pytest.mark.parametrize("name", ["less", "equal", "add"])
def test_out_aliasing_inputs_of_another_itemsize(name):
    """An output at the same address as its inputs but with narrower
    items (a bool result written over int16 operands) would overwrite
    input elements before they are read; NumPy reads them first."""
    dtype = np.int8 if name == "add" else np.bool_
    for second in ["same", "reversed", "scalar"]:
        n_memory = np.arange(-8, 8, dtype=np.int16)
        m_memory = n_memory.copy()
        operands = []
        for memory, xp in ((m_memory, mi), (n_memory, np)):
            a = xp.asarray(memory)
            b = {"same": a, "reversed": a[::-1], "scalar": 3}[second]
            out = xp.asarray(memory.view(dtype)[:16])
            operands.append((a, b, out))
        (m1, m2, m_out), (n1, n2, n_out) = operands
        assert_out_call(lambda: getattr(mi, name)(m1, m2, out=m_out),
                        lambda: getattr(np, name)(n1, n2, out=n_out),
                        m_out, n_out)
        assert_values(m_memory, n_memory)


def test_multiply_by_own_transpose_in_place():
    for size in [1, 2, 3, 5]:
        n = np.arange(1.0, size * size + 1).reshape(size, size)
        m = mi.asarray(n.copy())
        assert_out_call(lambda: mi.multiply(m, m.T, out=m),
                        lambda: np.multiply(n, n.T, out=n), m, n)
        n = np.arange(size * size, dtype=np.int16).reshape(size, size)
        m = mi.array(n, order="F")
        n = np.array(n, order="F")
        assert_out_call(lambda: mi.subtract(m.T, m[::-1], out=m),
                        lambda: np.subtract(n.T, n[::-1], out=n), m, n)


VIEWS_2D = [lambda a: a, lambda a: a.T, lambda a: a[::-1],
            lambda a: a[:, ::-1], lambda a: a[::-1, ::-1],
            lambda a: a.T[::-1], lambda a: a[::-1].T[:, ::-1]]


@given(size=st.integers(1, 5), dtype=st.sampled_from(
           [np.dtype("int64"), np.dtype("float64"), np.dtype("int8")]),
       name=st.sampled_from(["add", "subtract", "multiply", "maximum",
                             "minimum"]),
       views=st.lists(st.integers(0, len(VIEWS_2D) - 1), min_size=3,
                      max_size=3),
       data=st.data())
def test_overlap_random_views(size, dtype, name, views, data):
    """Inputs and out are views of one square array in any orientation;
    the result is as if the inputs had been copied first (NumPy)."""
    values = data.draw(hnp.arrays(dtype, (size, size),
                                  elements=st.integers(-50, 50)))
    n = np.array(values)
    m = mi.asarray(np.array(values))
    n1, n2, n_out = (VIEWS_2D[k](n) for k in views)
    m1, m2, m_out = (VIEWS_2D[k](m) for k in views)
    assert_out_call(lambda: getattr(mi, name)(m1, m2, out=m_out),
                    lambda: getattr(np, name)(n1, n2, out=n_out),
                    m_out, n_out)
    assert_values(m, n)


@given(shapes=hnp.mutually_broadcastable_shapes(
           num_shapes=2, min_dims=1, max_dims=3, min_side=1, max_side=3),
       name=st.sampled_from(["add", "subtract", "multiply", "maximum",
                             "negative"]),
       data=st.data())
def test_out_whose_elements_share_memory(shapes, name, data):
    """out a stretched view of broadcast_arrays (writeable, zero strides:
    several of its elements are one) that is also an input, as in
    ``v += 1``: NumPy computes every element from the input as it was,
    so each shared element ends as one result; a loop that read what it
    had just written would add twice."""
    (shape, other_shape), result_shape = shapes
    assume(np.prod(result_shape) > np.prod(shape))      # really stretched
    values = data.draw(hnp.arrays(np.int64, shape,
                                  elements=st.integers(-50, 50)))
    results = []
    for xp in (mi, np):
        v = xp.broadcast_arrays(xp.asarray(values.copy()),
                                xp.zeros(other_shape, xp.int64))[0]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            if name == "negative":
                xp.negative(v, out=v)
            else:
                getattr(xp, name)(v, v[..., ::-1], out=v)
        results.append(np.array(v).tolist())
    assert results[0] == results[1]


@st.composite
def slice_1d(draw, count, length):
    """A basic slice with ``count`` elements of a 1-d array of ``length``
    (random start and step, also negative)."""
    if count == 0:
        return slice(0, 0)
    step = draw(st.sampled_from([1, 2, 3, -1, -2]))
    extent = (count - 1) * abs(step)
    assume(extent < length)
    if step > 0:
        start = draw(st.integers(0, length - 1 - extent))
    else:
        start = draw(st.integers(extent, length - 1))
    stop = start + count * step
    return slice(start, stop if stop >= 0 else None, step)


@given(count=st.integers(0, 6), data=st.data(),
       name=st.sampled_from(["subtract", "add", "multiply"]))
def test_overlap_random_slices_1d(count, data, name):
    """a[s1] op a[s2] -> a[s3] for random equal-length slices of one
    buffer, and the in-place operator a[s1] -= a[s2]."""
    length = 12
    s1, s2, s3 = (data.draw(slice_1d(count, length)) for _ in range(3))
    base = np.arange(length, dtype=np.int64) * 3 - 7
    n = base.copy()
    m = mi.asarray(base.copy())
    n1, n2, n_out = n[s1], n[s2], n[s3]
    m1, m2, m_out = m[s1], m[s2], m[s3]
    assert n1.shape == n2.shape == n_out.shape == (count,)
    assert_out_call(lambda: getattr(mi, name)(m1, m2, out=m_out),
                    lambda: getattr(np, name)(n1, n2, out=n_out),
                    m_out, n_out)
    assert_values(m, n)
    n1 -= n2
    m1 -= m2
    assert_values(m, n)


# ---------------------------------------------------------------------------
# 5. Errors
# ---------------------------------------------------------------------------

def test_unbroadcastable_operands():
    want = outcome(lambda: np.ones((3, 4)) + np.ones((2, 4)))[1]
    got = outcome(lambda: mi.ones((3, 4)) + mi.ones((2, 4)))[1]
    assert_same_error(got, want)
    assert str(got) == ("operands could not be broadcast together with "
                        "shapes (3,4) (2,4) ")
    for shapes in [[(3,), (4,)], [(2, 3), (3, 2)], [(0,), (2,)],
                   [(5, 1, 3), (4, 2)], [(), (2,), (3,)]]:
        nins = [np.ones(s) for s in shapes]
        mins = [mi.ones(s) for s in shapes]
        fn = "add" if len(shapes) == 2 else None
        if fn:
            assert_same_outcome(lambda: mi.add(*mins),
                                lambda: np.add(*nins))
        else:
            assert_same_outcome(lambda: mi.where(*mins),
                                lambda: np.where(*nins))


def test_wrong_number_of_arguments():
    one = np.ones(2)
    m = mi.ones(2)
    for name in ["add", "negative", "sqrt", "equal"]:
        for count in [0, 1, 2, 3, 4]:
            want = outcome(lambda: getattr(np, name)(*[one] * count))
            got = outcome(lambda: getattr(mi, name)(*[m] * count))
            if want[0] == "raised":
                assert_same_error(got[1], want[1])
            else:
                assert got[0] == "ok"


@pytest.mark.parametrize("bad", ["x", None, b"x", 1j, object()],
                         ids=["str", "None", "bytes", "complex", "object"])
def test_unsupported_operand_types(bad):
    m = mi.ones(3)
    for call in [lambda: mi.add(m, bad), lambda: mi.add(bad, m),
                 lambda: mi.multiply(bad, 2), lambda: mi.sqrt(bad),
                 lambda: mi.less(m, bad), lambda: m + bad, lambda: bad * m,
                 lambda: m < bad, lambda: m ** bad]:
        with pytest.raises(TypeError):
            call()


def test_invalid_dtype_and_casting_arguments():
    nf = np.linspace(0, 1, 4)
    ni = np.arange(4, dtype=np.int16)
    mf, m_i = mi.asarray(nf), mi.asarray(ni)
    for kwargs in [dict(dtype="float32"), dict(dtype="int8"),
                   dict(dtype="int8", casting="unsafe"),
                   dict(dtype="float64"), dict(dtype=np.float32),
                   dict(dtype="bool"),
                   dict(casting="nonsense"), dict(casting="no"),
                   dict(casting="safe"), dict(dtype="nonsense")]:
        np_kwargs = dict(kwargs)
        for x, mx in [(nf, mf), (ni, m_i)]:
            assert_same_outcome(lambda: mi.add(mx, mx, **kwargs),
                                lambda: np.add(x, x, **np_kwargs))
            assert_same_outcome(lambda: mi.sqrt(mx, **kwargs),
                                lambda: np.sqrt(x, **np_kwargs))
    # An unknown keyword argument.
    want = outcome(lambda: np.add(nf, nf, bogus=1))
    got = outcome(lambda: mi.add(mf, mf, bogus=1))
    assert want[0] == got[0] == "raised"
    assert isinstance(got[1], TypeError)


# ---------------------------------------------------------------------------
# 6. ufunc objects
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", BINARY + UNARY + ALIASES)
def test_ufunc_attributes(name):
    u, nu = getattr(mi, name), getattr(np, name)
    assert isinstance(u, mi.ufunc)
    assert u.nin == nu.nin
    assert u.nout == nu.nout
    assert u.nargs == nu.nargs
    assert u.__name__ == nu.__name__
    assert repr(u) == repr(nu)
    assert u.identity == nu.identity
    assert type(u.identity) is type(nu.identity)
    expected = []
    for signature in nu.types:
        if set(signature.replace("->", "")) <= set("?bBhHiIlLfd") and (
                signature not in expected):
            expected.append(signature)
    assert u.types == expected


def test_ufunc_aliases():
    for a, b in [("divide", "true_divide"), ("mod", "remainder"),
                 ("abs", "absolute"), ("bitwise_not", "invert"),
                 ("acos", "arccos"), ("asin", "arcsin"), ("atan", "arctan"),
                 ("acosh", "arccosh"), ("asinh", "arcsinh"),
                 ("atanh", "arctanh"), ("atan2", "arctan2"),
                 ("pow", "power"), ("bitwise_left_shift", "left_shift"),
                 ("bitwise_right_shift", "right_shift"),
                 ("bitwise_invert", "invert"), ("conj", "conjugate"),
                 ("degrees", "rad2deg"),
                 ("radians", "deg2rad")]:
        assert (getattr(mi, a) is getattr(mi, b)) == (
            getattr(np, a) is getattr(np, b))


def test_ufunc_type():
    assert type(mi.add) is mi.ufunc
    assert mi.ufunc.__name__ == "ufunc"


# ---------------------------------------------------------------------------
# 7. Worked examples: broadcasting and NumPy's messages
# ---------------------------------------------------------------------------

def test_broadcasting_examples_and_messages():
    row = mi.arange(4)
    col = mi.arange(3).reshape(3, 1)
    assert_same_result(row + col, np.arange(4) + np.arange(3).reshape(3, 1))
    assert_same_result(col + row, np.arange(3).reshape(3, 1) + np.arange(4))

    with pytest.raises(ValueError) as info:
        mi.ones((3, 4)) + mi.ones((2, 4))
    assert str(info.value) == ("operands could not be broadcast together "
                               "with shapes (3,4) (2,4) ")

    a = mi.ones((3, 4))
    assert (a.T + a.T).flags["F_CONTIGUOUS"]
    assert (a.T + a.T).flags["F_CONTIGUOUS"] == (
        np.ones((3, 4)).T + np.ones((3, 4)).T).flags["F_CONTIGUOUS"]

    n = np.arange(10)
    a = mi.arange(10)
    n[1:] += n[:-1]
    a[1:] += a[:-1]
    assert_same(a, n)

    r = mi.ones(3, mi.int8) + mi.ones(3, mi.int16)
    assert r.dtype == mi.int16 and r.dtype.name == "int16"

    rng = np.random.default_rng(12345)
    values = rng.standard_normal((1000, 5))
    data = mi.asarray(values)
    got = (data - data.mean(axis=0)) / data.std(axis=0)
    want = (values - values.mean(axis=0)) / values.std(axis=0)
    assert isinstance(got, mi.MiniArray)
    assert got.shape == want.shape and got.dtype.name == want.dtype.name
    assert got.strides == want.strides
    np.testing.assert_allclose(np.asarray(got), want, rtol=1e-12,
                               atol=1e-12)
    data = mi.asarray(np.random.randn(1000, 5))
    normalized = (data - data.mean(axis=0)) / data.std(axis=0)
    reference = np.asarray(data)
    np.testing.assert_allclose(
        np.asarray(normalized),
        (reference - reference.mean(axis=0)) / reference.std(axis=0),
        rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("dtype", DTYPE_NAMES)
@pytest.mark.parametrize("exponent", [2, 0.5, 1, 3, 2.0, True])
def test_power_operator_shortcuts(dtype, exponent):
    """NumPy runs ``a ** 2`` as ``square`` and, for float arrays,
    ``a ** 0.5`` as ``sqrt`` (so ``bool_array ** 2`` is int8, not
    power's int64), in place too; other exponents run ``power``.  Found
    by the random slice of the ufunc oracle."""
    values = np.array([[0, 1], [1, 0]], dtype=dtype)
    with np.errstate(all="ignore"):
        want = outcome_of(lambda: values ** exponent)
        m = mi.array(values)
        got = outcome_of(lambda: m ** exponent)
        assert_same_outcome_simple(got, want)
        n_inplace = values.copy()
        want = outcome_of(lambda: n_inplace.__ipow__(exponent))
        m_inplace = mi.array(values)
        got = outcome_of(lambda: m_inplace.__ipow__(exponent))
        assert_same_outcome_simple(got, want)


def outcome_of(call):
    try:
        return True, call()
    except Exception as error:      # noqa: BLE001 -- compared by class
        return False, error


def assert_same_outcome_simple(got, want):
    (got_ok, got_value), (want_ok, want_value) = got, want
    assert got_ok == want_ok, (got_value, want_value)
    if not want_ok:
        assert type(got_value).__name__ == type(want_value).__name__
        return
    assert_same(got_value, want_value)


# ---------------------------------------------------------------------------
# Buffered casting: operands of another dtype, converted a block at a time
# ---------------------------------------------------------------------------

# Large enough that an operand of another dtype goes through the walk's
# cast buffers (more distinct elements than one 8192-element block), cut
# into blocks at different places in each layout.
_BIG_LAYOUTS = {
    "C": lambda rng, dt: _big_values(rng, (3, 7001), dt),
    "F": lambda rng, dt: np.asfortranarray(_big_values(rng, (7001, 3), dt)),
    "sliced": lambda rng, dt: _big_values(rng, (7, 2 * 8193), dt)[::-2, ::-2],
    "transposed": lambda rng, dt: _big_values(rng, (3, 130, 70),
                                              dt).transpose(2, 0, 1),
    "broadcast": lambda rng, dt: np.broadcast_to(
        _big_values(rng, (1, 9000), dt), (3, 9000)),
    "flat": lambda rng, dt: _big_values(rng, (20001,), dt),
}


def _big_values(rng, shape, dtype):
    """Values every dtype holds exactly, as the cast rules define them
    (no out-of-range float -> int conversion, which is the platform's)."""
    values = rng.integers(-60, 60, shape)
    if np.dtype(dtype).kind == "u":
        values = np.abs(values)
    if np.dtype(dtype).kind == "b":
        values = values > 0
    if np.dtype(dtype).kind == "f":
        values = values / 4
    return values.astype(dtype)


@given(layouts=st.tuples(st.sampled_from(sorted(_BIG_LAYOUTS)),
                         st.sampled_from(sorted(_BIG_LAYOUTS))),
       dtypes=st.tuples(st.sampled_from(DTYPE_NAMES),
                        st.sampled_from(DTYPE_NAMES)),
       name=st.sampled_from(["add", "subtract", "multiply", "maximum",
                             "less", "true_divide", "logical_and"]),
       out_kind=st.sampled_from([None, "other dtype", "in place"]),
       seed=st.integers(0, 2**32 - 1),
       tiles=st.sampled_from([0, 3, 40]))
def test_buffered_casts_match_numpy(layouts, dtypes, name, out_kind, seed,
                                    tiles):
    """Operands of another dtype than the loop's, and an out= of another
    dtype than the result's, are converted CAST_BLOCK elements at a time
    inside the walk: in every layout (block edges falling anywhere in a
    run, zero strides kept as one converted value), in place too, and
    with the walk in tiles (forced, of ``tiles`` items) or not, the
    values, dtype and layout are NumPy's."""
    from minind import _loops
    previous = _loops._force_tiles(tiles)
    try:
        _buffered_call(layouts, dtypes, name, out_kind, seed)
    finally:
        _loops._force_tiles(previous)


def _buffered_call(layouts, dtypes, name, out_kind, seed):
    rng = np.random.default_rng(seed)
    n1 = _BIG_LAYOUTS[layouts[0]](rng, dtypes[0])
    shape = n1.shape
    n2 = _BIG_LAYOUTS[layouts[1]](rng, dtypes[1])
    if n2.shape != shape:
        n2 = _big_values(rng, shape, dtypes[1])
    if name == "true_divide":
        # (inf into an integer out is the platform's)
        n2 = np.where(n2 == 0, n2.dtype.type(1), n2)
    m1, m2 = mi.asarray(n1), mi.asarray(n2)
    m_func, n_func = getattr(mi, name), getattr(np, name)
    if out_kind is None:
        got, want = outcome(lambda: m_func(m1, m2)), outcome(
            lambda: n_func(n1, n2))
        assert got[0] == want[0], (got, want)
        if want[0] == "raised":
            assert_same_error(got[1], want[1])
            return
        assert_values(got[1], want[1])
        assert got[1].strides == want[1].strides
        return
    if out_kind == "in place":
        n_out = np.array(n1)            # writeable, its own memory
        n1 = n_out
        m_out = mi.asarray(n_out.copy(order="K"))
        m1 = m_out
    else:
        result = np.result_type(n1, n2) if name not in ("less",
                                                        "logical_and") \
            else np.dtype(bool)
        other = "float32" if result != np.float32 else "int16"
        n_out = np.zeros(shape, other)
        m_out = mi.asarray(n_out.copy())
    kwargs = {"casting": "unsafe"}
    assert_out_call(lambda: m_func(m1, m2, out=m_out, **kwargs),
                    lambda: n_func(n1, n2, out=n_out, **kwargs),
                    m_out, n_out)


@pytest.mark.parametrize("case", [
    "multiply(i32, f64, out=f64)", "f32 + f64", "add(f64, f64, out=f32)",
    "i32 * 1.5", "i8 += 1.5 (unsafe)", "f32.T + f64", "i64.std()",
    "(f64 > 0.5).sum()", "i8.sum(axis=0)", "b.sum(axis=1)",
    "f32.sum(axis=0, dtype=float64)"])
def test_casting_calls_take_no_full_size_temporary(case):
    """A call whose operands must be cast takes no converted copy of an
    operand: its peak memory (tracemalloc, which both libraries report
    to) stays within one block's worth of NumPy's, whatever the result
    itself needs (the issue's table: f32 + f64 was 64 MB, NumPy's 32)."""
    import tracemalloc
    rng = np.random.default_rng(3)
    shape = (700, 900)                   # 630k elements, 5 MB as float64
    arrays = {"i8": rng.integers(-100, 100, shape).astype(np.int8),
              "i32": rng.integers(-100, 100, shape).astype(np.int32),
              "i64": rng.integers(-100, 100, shape),
              "f32": rng.random(shape[::-1], np.float32),
              "f64": rng.random(shape),
              "b": rng.random(shape) > 0.5}
    calls = {
        "multiply(i32, f64, out=f64)": lambda xp, a: xp.multiply(
            a["i32"], a["f64"], out=a["out64"]),
        "f32 + f64": lambda xp, a: a["f32"].T + a["f64"],
        "add(f64, f64, out=f32)": lambda xp, a: xp.add(
            a["f64"], a["f64"], out=a["out32"]),
        "i32 * 1.5": lambda xp, a: a["i32"] * 1.5,
        "i8 += 1.5 (unsafe)": lambda xp, a: xp.add(
            a["i8"], 1.5, out=a["i8"], casting="unsafe"),
        "f32.T + f64": lambda xp, a: xp.add(a["f32"].T, a["f64"]),
        "i64.std()": lambda xp, a: a["i64"].std(),
        "(f64 > 0.5).sum()": lambda xp, a: (a["f64"] > 0.5).sum(),
        "i8.sum(axis=0)": lambda xp, a: a["i8"].sum(axis=0),
        "b.sum(axis=1)": lambda xp, a: a["b"].sum(axis=1),
        "f32.sum(axis=0, dtype=float64)": lambda xp, a: a["f32"].sum(
            axis=0, dtype="float64"),
    }
    peaks, values = [], []
    for xp in (mi, np):
        a = {k: (xp.asarray(v.copy()) if xp is mi else v.copy())
             for k, v in arrays.items()}
        a["out64"] = xp.zeros(shape)
        a["out32"] = xp.zeros(shape, xp.float32)
        tracemalloc.start()
        try:
            result = calls[case](xp, a)
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
        values.append(np.array(result, copy=True))
    assert peaks[0] <= peaks[1] + 256 * 1024, peaks
    np.testing.assert_allclose(values[0], values[1], rtol=1e-12,
                               strict=True)


# ---------------------------------------------------------------------------
# divmod: the ufunc with two outputs
# ---------------------------------------------------------------------------

def _with_warnings(call):
    """(the warnings' messages, ("ok", result) or ("raised", error)) of a
    call under both libraries' default error handling."""
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        try:
            result = ("ok", call())
        except Exception as error:          # noqa: BLE001 (compared)
            result = ("raised", error)
    return sorted({str(w.message) for w in seen}), result


def assert_same_divmod(m_call, n_call):
    """Both halves of NumPy's answer (values, dtype, layout), or its
    error, and its warnings ("divide by zero encountered in divmod")."""
    m_warned, got = _with_warnings(m_call)
    n_warned, want = _with_warnings(n_call)
    if want[0] == "raised":
        assert_same_error(got[1], want[1])
    else:
        assert got[0] == "ok", f"minind raised {got[1]!r}"
        assert type(got[1]) is tuple and len(got[1]) == 2
        for mine, theirs in zip(got[1], want[1]):
            assert_same_result(mine, theirs)
    assert m_warned == n_warned


def assert_same_answer(m_call, n_call):
    """divmod's other answers: a pair of arrays or scalars, a tuple of
    dtypes (resolve_dtypes), or NumPy's error."""
    got, want = outcome(m_call), outcome(n_call)
    if want[0] == "raised":
        assert_same_error(got[1], want[1])
        return
    assert got[0] == "ok", f"minind raised {got[1]!r}"
    assert type(got[1]) is tuple and len(got[1]) == len(want[1])
    for mine, theirs in zip(got[1], want[1]):
        if isinstance(theirs, np.dtype):
            assert str(mine) == str(theirs)
        else:
            assert_same_result(mine, theirs)


@given(operands=operand_tuples(2),
       scalar=st.one_of(st.none(), python_scalars), reflected=st.booleans())
@example(operands=[_twin([1.0, -1.0, 0.0, np.inf, np.nan], np.float64),
                   _twin([0.0, 0.0, 0.0, 2.0, 1.0], np.float64)],
         scalar=None, reflected=False)
@example(operands=[_twin([5, -5, 0, -128], np.int8),
                   _twin([0, 0, 0, -1], np.int8)],
         scalar=None, reflected=False)
# Found by test_dispatch: NumPy has no trivial loop for two outputs, so
# its iterator lays out the results (an F array's length-1 axis goes
# outermost), where floor_divide's trivial loop copies the F layout.
@example(operands=[_twin(np.zeros((1, 2, 2)), np.int8, order="F"),
                   _twin(1, np.int8)], scalar=3, reflected=False)
def test_divmod_matches_numpy(operands, scalar, reflected):
    """divmod of arrays in every layout and dtype, or of an array and a
    Python number: NumPy's quotient and remainder, dtype and layout, and
    NumPy's warnings, each reported once as "... in divmod"."""
    (m1, n1), (m2, n2) = operands
    if scalar is not None:
        m2 = n2 = scalar
    if reflected:
        m1, m2, n1, n2 = m2, m1, n2, n1
    assert_same_divmod(lambda: mi.divmod(m1, m2), lambda: np.divmod(n1, n2))
    # Python's divmod() runs the same ufunc.
    if isinstance(m1, mi.ndarray) or isinstance(m2, mi.ndarray):
        assert_same_divmod(lambda: divmod(m1, m2), lambda: divmod(n1, n2))


@pytest.mark.parametrize("form", ["tuple", "positional", "first only",
                                  "second only", "in place", "ellipsis",
                                  "where"])
@given(pair=operand_tuples(2, dtype=st.sampled_from([np.dtype("int16"),
                                                     np.dtype("float64")]),
                           max_dims=2))
def test_divmod_outputs(form, pair):
    """Where the two results go: out=(q, r), positional outputs, a tuple
    with None for a new array, an output that is also the input being
    divided (the remainder still reads the original), out=..., and where=
    with outputs."""
    (m1, n1), (m2, n2) = pair
    shape = np.broadcast_shapes(n1.shape, n2.shape)
    n_q, n_r = np.full(shape, 7, n1.dtype), np.full(shape, 9, n1.dtype)
    m_q, m_r = mi.asarray(n_q.copy()), mi.asarray(n_r.copy())
    if form == "in place":
        assume(n1.shape == shape and n1.dtype == np.result_type(n1, n2))
        n1, m1 = n1.copy(), mi.asarray(n1.copy())

    def call(xp, x1, x2, q, r):
        if form == "tuple":
            return xp.divmod(x1, x2, out=(q, r))
        if form == "positional":
            return xp.divmod(x1, x2, q, r)
        if form == "first only":
            return xp.divmod(x1, x2, q)
        if form == "second only":
            return xp.divmod(x1, x2, out=(None, r))
        if form == "in place":
            return xp.divmod(x1, x2, out=(x1, r))
        if form == "ellipsis":
            return xp.divmod(x1, x2, out=...)
        return xp.divmod(x1, x2, out=(q, r), where=xp.asarray(x1) > 0)
    m_warned, got = _with_warnings(lambda: call(mi, m1, m2, m_q, m_r))
    n_warned, want = _with_warnings(lambda: call(np, n1, n2, n_q, n_r))
    if want[0] == "raised":
        assert_same_error(got[1], want[1])
        return
    assert got[0] == "ok", got
    for mine, theirs in zip(got[1], want[1]):
        assert type(mine).__name__ in ("MiniArray", type(theirs).__name__)
        assert_values(mine, theirs)
    assert_values(m_q, n_q)
    assert_values(m_r, n_r)
    assert_values(m1, n1)
    assert m_warned == n_warned


@pytest.mark.parametrize("call", [
    lambda xp: xp.divmod.reduce(xp.arange(3)),
    lambda xp: xp.divmod.accumulate(xp.arange(3)),
    lambda xp: xp.divmod.reduceat(xp.arange(3), [0]),
    lambda xp: xp.divmod.at(xp.arange(3), [0], 2),
    lambda xp: xp.divmod(xp.arange(3), 2, out=xp.empty(3)),
    lambda xp: xp.divmod(xp.arange(3), 2, out=(xp.empty(3),)),
    lambda xp: xp.divmod(xp.arange(3), 2, out=(xp.empty(3), ...)),
    lambda xp: xp.divmod(xp.arange(3), 2, ...),
    lambda xp: xp.divmod(xp.arange(3), 2, xp.empty(3), out=(None, None)),
    lambda xp: xp.divmod(xp.arange(3), 2, xp.empty(3), xp.empty(3), 1),
    lambda xp: xp.divmod(xp.arange(3), 2, out=([0, 0, 0], None)),
    lambda xp: xp.divmod(xp.arange(3.0), 2, dtype="float32"),
    lambda xp: xp.divmod(xp.arange(3.0), 2, signature="ff->ff"),
    lambda xp: xp.divmod(xp.arange(3.0), 2, signature="ff->f"),
    lambda xp: xp.divmod(xp.arange(3.0), 2,
                         signature=("float32", None, None, None)),
    lambda xp: xp.divmod(xp.arange(3.0), 2, signature=(None, None, None)),
    lambda xp: xp.divmod(xp.arange(3.0), 2, out=(None, xp.empty(3, "i4"))),
    lambda xp: xp.divmod.outer(xp.arange(3), xp.arange(1, 3)),
    lambda xp: xp.divmod(True, False),
    lambda xp: xp.divmod(xp.int8(-7), 2),
    lambda xp: xp.divmod.resolve_dtypes(
        (xp.dtype("int8"), xp.dtype("float32"), None, None)),
    lambda xp: xp.divmod.resolve_dtypes(
        (xp.dtype("float64"), xp.dtype("float64"), None,
         xp.dtype("int32"))),
], ids=range(22))
def test_divmod_arguments(call):
    """The checks and answers of NumPy's divmod: no reductions, out= as a
    tuple of two, signatures of four types, dtype= for both outputs."""
    assert_same_answer(lambda: call(mi), lambda: call(np))


def test_divmod_declares_two_outputs():
    import inspect
    assert (mi.divmod.nin, mi.divmod.nout, mi.divmod.nargs) == (2, 2, 4)
    assert isinstance(mi.divmod, mi.ufunc) and mi.divmod.identity is None
    assert set(mi.divmod.types) <= set(np.divmod.types)
    theirs = [p for p in inspect.signature(np.divmod).parameters.values()
              if p.name not in ("order", "subok")]
    assert list(inspect.signature(mi.divmod).parameters.values()) == theirs


@pytest.mark.parametrize("call", [
    lambda xp, a: xp.add(a[::2], 1, out=a[::2]),            # in place
    lambda xp, a: xp.add(a[::2], 1, out=a[1::2]),           # interleaved
    lambda xp, a: xp.negative(a[::-1], out=a),              # reversed
    lambda xp, a: xp.multiply(a[:6], a[2:8], out=a[1:7]),   # shifted
    lambda xp, a: xp.subtract(a[::3], a[::-3], out=a[1::3]),
    lambda xp, a: xp.add(a[::2], a[:6]),
    lambda xp, a: xp.sqrt(a[::-2]),
    lambda xp, a: xp.less(a[::4], 5.0, out=xp.zeros(3, bool)[::-1]),
], ids=range(8))
def test_strided_1d_calls_and_overlapping_outputs(call):
    """1-d operands of any stride take the trivial loop (as NumPy's do);
    an out= that overlaps an input other than in place with its very
    steps takes the general path's copies: NumPy's values either way."""
    n = np.arange(12.0)
    m = mi.asarray(n.copy())
    with np.errstate(all="ignore"):
        want = call(np, n)
    got = call(mi, m)
    assert_values(got, want)
    assert_values(m, n)


@pytest.mark.parametrize("name", ["logical_and", "logical_or",
                                  "logical_xor"])
@pytest.mark.parametrize("dtype", ["bool", "int8", "uint8", "uint32",
                                   "int64", "uint64", "float32",
                                   "float64"])
def test_logical_operations_with_a_python_scalar_read_its_truth(name,
                                                                 dtype):
    """A weak Python scalar runs as its truth, 1 or 0, in the array's own
    loop: values whose truth the dtype would change (1e-50 is 0.0 as a
    float32, 256 wraps to 0 as a uint8), ints beyond C long (NumPy's
    OverflowError), NaN and -0.0, on either side, for arrays in three
    layouts and for 0-d scalars: NumPy's values, dtypes and errors."""
    base = np.array([0, 1, 2, 0, 5, 0, 7], dtype=dtype)
    layouts = (base, base[::-2], base.reshape(1, 7)[:, 1:])
    for value in (0, 1, -5, 256, 2 ** 40, 2 ** 63, -2 ** 63 - 1, 2 ** 70,
                  0.0, -0.0, 1e-50, float("nan"), float("inf"), True,
                  False):
        for n in layouts + (base[1], base[0]):
            for args in ((n, value), (value, n)):
                margs = [mi.asarray(a) if isinstance(a, np.ndarray)
                         else (mi.asarray(np.asarray(a))[()]
                               if isinstance(a, np.generic) else a)
                         for a in args]
                try:
                    want = getattr(np, name)(*args)
                except OverflowError:
                    with pytest.raises(OverflowError):
                        getattr(mi, name)(*margs)
                    continue
                got = getattr(mi, name)(*margs)
                assert np.asarray(got).dtype == want.dtype
                assert np.asarray(got).tolist() == want.tolist(), (value,
                                                                   args)


@pytest.mark.parametrize("dtype", ["int32", "uint64", "float32", "float64"])
def test_strided_logical_operations_in_blocks(dtype):
    """Strided logical_and/or/xor gather their operands in blocks of 256
    and run the contiguous loop (_compare_blocks): runs across block
    edges, a strided or reversed output, an operand broadcast along the
    run, NaN and -0.0 items: NumPy's bools."""
    rng = np.random.default_rng(5)
    n = rng.integers(0, 3, 1300).astype(dtype)
    if dtype.startswith("float"):
        n[::7] = -0.0
        n[::11] = np.nan
    other = n[::-1].copy()
    for name in ("logical_and", "logical_or", "logical_xor"):
        for a, b in ((n[::2], other[::2]),
                     (n[::-3][:400], other[1::3][:400]),
                     (n[::2], other[5]), (n[3], other[::-2]),
                     (n[:1200].reshape(40, 30).T,
                      other[:1200].reshape(40, 30)[:, ::-1].T)):
            want = getattr(np, name)(a, b)
            ma = mi.asarray(a) if isinstance(a, np.ndarray) else a.item()
            mb = mi.asarray(b) if isinstance(b, np.ndarray) else b.item()
            got = getattr(mi, name)(ma, mb)
            assert np.asarray(got).tolist() == want.tolist(), name
            out = np.zeros(want.size * 2, bool)[::-2].reshape(want.shape)
            mout = mi.zeros(want.size * 2, "bool")[::-2].reshape(want.shape)
            getattr(np, name)(a, b, out=out)
            getattr(mi, name)(ma, mb, out=mout)
            assert np.asarray(mout).tolist() == out.tolist(), name


@pytest.mark.parametrize("dtype", ["int8", "uint8"])
@pytest.mark.parametrize("name", ["negative", "positive", "invert",
                                  "square", "absolute"])
def test_strided_byte_unary_runs_in_packed_blocks(dtype, name):
    """A strided run of bytes into a contiguous output goes in blocks of
    256, gathered eight to a word (``gather``): lengths across the word's
    and the block's edges, steps forward and back, a column, a broadcast
    item and a 0-d array: NumPy's values."""
    rng = np.random.default_rng(11)
    n = rng.integers(-128 if dtype == "int8" else 0, 128, 2100).astype(dtype)
    for a in [n[::2][:k] for k in (0, 1, 7, 8, 9, 255, 256, 257, 1050)] + [
            n[::-3], n[5::7], n[:2000].reshape(40, 50)[:, 3],
            np.broadcast_to(n[3], (300,)), n[4:5].reshape(())]:
        with np.errstate(all="ignore"):
            want = getattr(np, name)(a)
        got = np.asarray(getattr(mi, name)(mi.asarray(a)))
        assert got.dtype == want.dtype and got.tolist() == want.tolist(), (
            name, a.strides, a.size)
