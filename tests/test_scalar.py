"""Scalars: what one element, a full reduction or ``a[()]`` is.

Every test draws a value of one of the eleven dtypes, makes the NumPy
scalar and the minind scalar of it (by indexing twin arrays, as a user
gets them) and requires the same type, dtype, attributes, arithmetic and
promotion, printing, conversions and errors.
"""
import math
import operator
import pickle
import warnings

import numpy as np
import pytest
from hypothesis import given, example, strategies as st

import minind as mi
from strategies import (DTYPE_NAMES, NP_DTYPES, assert_same,
                        assert_same_scalar, dtypes, elements)


@st.composite
def scalar_twins(draw, dtype=dtypes):
    """(minind scalar, NumPy scalar) of one drawn value, each taken out of
    an array the way a user gets one."""
    dtype = draw(dtype) if isinstance(dtype, st.SearchStrategy) else dtype
    value = draw(elements(dtype))
    n = np.array([value], dtype=dtype)
    m = mi.asarray(n)
    return m[0], n[0]


def outcome(call):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return "ok", call()
        except Exception as exc:     # noqa: BLE001 - compared below
            return "raised", exc


def assert_same_outcome(m_call, n_call, rtol=0.0):
    """Same exception class, or the same result (scalars by type, dtype
    and value; ``rtol`` for float ``power``, which is the C library's)."""
    got, want = outcome(m_call), outcome(n_call)
    if want[0] == "raised":
        assert got[0] == "raised", (got[1], want[1])
        if isinstance(want[1], TypeError):
            assert isinstance(got[1], TypeError), (got[1], want[1])
        else:
            assert type(got[1]) is type(want[1]), (got[1], want[1])
        return None
    assert got[0] == "ok", f"minind raised {got[1]!r}; NumPy gave {want[1]!r}"
    m, n = got[1], want[1]
    if rtol and np.result_type(n).kind == "f":
        assert isinstance(m, mi.MiniArray) == isinstance(n, np.ndarray)
        assert m.dtype == n.dtype and m.shape == n.shape
        np.testing.assert_allclose(np.asarray(m), n, rtol=rtol)
    elif isinstance(n, np.generic):
        assert_same_scalar(m, n)
    elif isinstance(n, np.ndarray):
        assert_same(m, n)
    elif isinstance(n, tuple):
        assert len(m) == len(n)
        for x, y in zip(m, n):
            assert_same_scalar(x, y)
    else:
        assert type(m) is type(n) and (m == n or (m != m and n != n)), (m, n)
    return m


# ---------------------------------------------------------------------------
# Where scalars come from
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_out_ellipsis_keeps_an_array(name):
    """``out=...`` (NumPy 2): a ufunc call or reduction whose result
    would be a scalar gives a 0-d array instead, fast paths and masks
    included; anything else is unchanged.  Only the whole keyword may be
    ``...``, with NumPy's TypeErrors (NumPy's test_output_ellipsis and
    test_output_ellipsis_errors)."""
    n = np.array([[1, 0, 1], [1, 1, 0]], dtype=name)
    m = mi.asarray(n)
    cases = [
        lambda lib, a: lib.add(a[0, 0], a[1, 1], out=...),
        lambda lib, a: lib.add(1, 2, out=...),
        lambda lib, a: lib.negative(lib.asarray(a[0, 0]), out=...),
        lambda lib, a: lib.multiply(a, 2, out=...),
        lambda lib, a: lib.add(a[0, 0], 1, out=..., where=True),
        lambda lib, a: lib.add(a[0, 0], 1, out=..., dtype="float64"),
        lambda lib, a: lib.add(a[0, 0], a[0, 1], out=...,
                               where=lib.asarray(True)),
        lambda lib, a: lib.add.reduce(a, axis=None, out=...),
        lambda lib, a: lib.maximum.reduce(a[0], out=...),
        lambda lib, a: lib.add.reduce(a, axis=1, out=...),
        lambda lib, a: lib.add.reduce(a[0], out=..., where=lib.asarray(
            [True, False, True])),
        lambda lib, a: lib.add.accumulate(a[0], out=...),
        lambda lib, a: lib.add.reduceat(a[0], [0, 2], out=...),
        lambda lib, a: lib.add(a, 1, ...),
        lambda lib, a: lib.negative(a, out=(...,)),
        lambda lib, a: lib.add.reduce(a, out=(...,)),
        lambda lib, a: lib.add(a, 1, lib.empty_like(a), out=...),
    ]
    for case in cases:
        got = assert_same_outcome(lambda: case(mi, m), lambda: case(np, n))
        if got is None:          # both raised: the same words
            with pytest.raises(TypeError) as mine:
                case(mi, m)
            with pytest.raises(TypeError) as numpys:
                case(np, n)
            assert str(mine.value) == str(numpys.value)


@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_every_zero_d_result_is_a_scalar(name):
    """Indexing, ``a[()]``, iteration, full reductions and 0-d ufunc
    results are scalars exactly where NumPy's are."""
    n = np.array([[1, 0, 1], [1, 1, 0]], dtype=name)
    m = mi.asarray(n)
    cases = [
        lambda lib, a: a[1, 2], lambda lib, a: a[-1][0],
        lambda lib, a: lib.asarray(a[0, 0])[()],
        lambda lib, a: list(a[0])[1], lambda lib, a: a.sum(),
        lambda lib, a: a.max(), lambda lib, a: a.argmax(),
        lambda lib, a: a.any(), lambda lib, a: a[0].prod(),
        lambda lib, a: lib.add(a[0, 0], a[1, 1]),
        lambda lib, a: lib.multiply(lib.asarray(a[0, 0]), 1),
        lambda lib, a: a.mean(), lambda lib, a: a[:, 0].min(),
        lambda lib, a: a.sum(axis=(0, 1)), lambda lib, a: a.std(),
    ]
    for case in cases:
        assert_same_outcome(lambda: case(mi, m), lambda: case(np, n))
    # ...and arrays where NumPy's are arrays.
    assert isinstance(m[0, 0:1], mi.MiniArray)
    assert isinstance(m.sum(keepdims=True), mi.MiniArray)
    out = mi.zeros((), dtype=name)
    assert mi.add(m[0, 0], m[0, 0], out=out) is out


@given(twin=scalar_twins())
def test_attributes(twin):
    m, n = twin
    assert_same_scalar(m, n)
    assert m.strides == n.strides == ()
    assert m.base is None and m.T is m
    assert_same_scalar(m.real, n.real)
    assert_same_scalar(m.imag, n.imag)
    assert m.tobytes() == n.tobytes()
    assert m[()] is m
    for key in (Ellipsis, None, (Ellipsis, None)):
        assert_same_outcome(lambda: m[key], lambda: n[key])
    # Any other index is the 0-d array's (a mask too), and one the 0-d
    # array refuses is IndexError; an array key must not be compared with
    # ``()`` element-wise on the way.
    for key in (0, (0,), slice(None), "a", [0], True, np.array([], int),
                np.array([0]), np.array(True), np.array(False),
                (np.array(True),)):
        assert_same_outcome(lambda: m[key], lambda: n[key])
        if isinstance(key, np.ndarray):
            assert_same_outcome(lambda: m[mi.asarray(key)], lambda: n[key])
    assert_same_outcome(lambda: m.reshape(1, 1), lambda: n.reshape(1, 1))
    assert_same_outcome(lambda: len(m), lambda: len(n))
    assert_same_outcome(lambda: iter(m), lambda: iter(n))
    assert m.dtype.type is type(m)


def platform_dependent_cast(value, to):
    """Float -> integer casts of NaN, inf and out-of-range values are
    platform-dependent in NumPy (README: Differences from NumPy)."""
    if value.dtype.kind != "f" or to.kind not in "iu":
        return False
    info = np.iinfo(to)
    return not (info.min <= value <= info.max)


@given(twin=scalar_twins(), to=dtypes)
@example(twin=(mi.float32(math.inf), np.float32(math.inf)),
         to=np.dtype("int32"))
def test_item_and_astype(twin, to):
    m, n = twin
    assert type(m.item()) is type(n.item())
    assert m.item() == n.item() or (m.item() != m.item())
    assert type(m.tolist()) is type(n.tolist())
    if not platform_dependent_cast(n, to):
        assert_same_outcome(lambda: m.astype(to.name),
                            lambda: n.astype(to))
    assert_same_outcome(lambda: m.copy(), lambda: n.copy())
    for method in ("sum", "max", "min", "mean", "any", "all", "argmax"):
        assert_same_outcome(lambda: getattr(m, method)(),
                            lambda: getattr(n, method)())


def test_class_tree():
    """NumPy's tree where it matters: float64 is a float, the others are
    not Python numbers; the abstract classes answer isinstance."""
    for name in DTYPE_NAMES:
        m_type = mi.dtype(name).type
        n_type = np.dtype(name).type
        assert m_type.__name__ == n_type.__name__
        for python_type in (float, int, bool):
            assert issubclass(m_type, python_type) == issubclass(
                n_type, python_type)
        for abstract in ("generic", "number", "integer", "signedinteger",
                         "unsignedinteger", "inexact", "floating"):
            assert issubclass(m_type, getattr(mi, abstract)) == issubclass(
                n_type, getattr(np, abstract)), (name, abstract)
        assert mi.dtype(m_type) is mi.dtype(name)
        assert mi.dtype(name) == m_type         # a type spells its dtype
        assert mi.zeros(2, dtype=m_type).dtype is mi.dtype(name)
    assert mi.bool is mi.bool_ and mi.True_ is mi.bool_(True)
    assert mi.array([True])[0] is mi.True_      # the two bools are unique
    assert mi.array([0], dtype=bool)[0] is mi.False_


# ---------------------------------------------------------------------------
# Arithmetic: NumPy's promotion (NEP 50), NumPy's wrap-around
# ---------------------------------------------------------------------------

BINARY = [operator.add, operator.sub, operator.mul, operator.truediv,
          operator.floordiv, operator.mod, operator.pow, operator.and_,
          operator.or_, operator.xor, operator.eq, operator.ne,
          operator.lt, operator.le, operator.gt, operator.ge, divmod]
UNARY = [operator.neg, operator.pos, operator.abs, operator.invert]


@given(x=scalar_twins(), y=scalar_twins(), op=st.sampled_from(BINARY))
@example(x=(mi.int8(127), np.int8(127)), y=(mi.int8(1), np.int8(1)),
         op=operator.add)                     # wraps to -128
@example(x=(mi.uint8(0), np.uint8(0)), y=(mi.uint8(1), np.uint8(1)),
         op=operator.sub)
def test_scalar_with_scalar(x, y, op):
    (mx, nx), (my, ny) = x, y
    if op is operator.pow and ny.dtype.kind in "iu" and ny < 0:
        return      # NumPy's integer power of a negative exponent raises
    assert_same_outcome(lambda: op(mx, my), lambda: op(nx, ny))


PYTHON_SCALARS = st.one_of(st.booleans(), st.integers(-300, 300),
                           st.floats(allow_nan=True, width=64),
                           st.sampled_from([2**63, -2**63 - 1, 2**64]))


@given(x=scalar_twins(), other=PYTHON_SCALARS, op=st.sampled_from(BINARY),
       reflected=st.booleans())
@example(x=(mi.float32(1), np.float32(1)), other=1.0, op=operator.add,
         reflected=False)                     # stays float32 (NEP 50)
@example(x=(mi.int8(1), np.int8(1)), other=300, op=operator.add,
         reflected=True)                      # OverflowError
def test_scalar_with_python_number(x, other, op, reflected):
    mx, nx = x
    if op is operator.pow and (
            (reflected and nx.dtype.kind in "iu" and nx < 0)
            or (not reflected and type(other) is int and other < 0)):
        return
    if reflected:
        assert_same_outcome(lambda: op(other, mx), lambda: op(other, nx))
    else:
        assert_same_outcome(lambda: op(mx, other), lambda: op(nx, other))


@given(x=scalar_twins(), op=st.sampled_from(UNARY))
def test_unary_operators(x, op):
    mx, nx = x
    assert_same_outcome(lambda: op(mx), lambda: op(nx))


@given(x=scalar_twins(), dtype=dtypes, op=st.sampled_from(BINARY[:16]))
@example(x=(mi.float64(2.5), np.float64(2.5)), dtype=np.dtype("float64"),
         op=operator.mul)               # same dtype: the trivial loop
@example(x=(mi.int8(-3), np.int8(-3)), dtype=np.dtype("int8"),
         op=operator.lt)
@example(x=(mi.uint8(3), np.uint8(3)), dtype=np.dtype("uint8"),
         op=operator.and_)
@example(x=(mi.float32(7.607835e+06), np.float32(7.607835e+06)),
         dtype=np.dtype("int8"), op=operator.pow)
def test_scalar_with_array(x, dtype, op):
    """A scalar is strong: with an array it promotes as a 0-d array."""
    mx, nx = x
    n = np.arange(3).astype(dtype)
    m = mi.asarray(n)
    rtol = 4e-7 if op is operator.pow else 0.0     # powf's last bit
    assert_same_outcome(lambda: op(mx, m), lambda: op(nx, n), rtol)
    assert_same_outcome(lambda: op(m, mx), lambda: op(n, nx), rtol)


@given(x=scalar_twins(), y=scalar_twins())
def test_ufuncs_take_scalars(x, y):
    (mx, nx), (my, ny) = x, y
    for name in ("add", "maximum", "less", "logical_and", "sqrt"):
        m_func, n_func = getattr(mi, name), getattr(np, name)
        args = (1 if n_func.nin == 1 else 2)
        m_args, n_args = (mx, my)[:args], (nx, ny)[:args]
        if name == "sqrt" and nx.dtype.kind in "bui" and nx.itemsize <= 2:
            continue       # NumPy's float16 loop; minind's is float32
        assert_same_outcome(lambda: m_func(*m_args),
                            lambda: n_func(*n_args))


# ---------------------------------------------------------------------------
# Conversions, hashing, printing
# ---------------------------------------------------------------------------

@given(x=scalar_twins())
@example(x=(mi.float32(0.1), np.float32(0.1)))
@example(x=(mi.float32(1e-4), np.float32(1e-4)))
@example(x=(mi.float32(1e7), np.float32(1e7)))
@example(x=(mi.float64(1e16), np.float64(1e16)))
@example(x=(mi.float64(2.345), np.float64(2.345)))
@example(x=(mi.float32(2.345), np.float32(2.345)))
@example(x=(mi.int64(25), np.int64(25)))
@example(x=(mi.int32(2147483646), np.int32(2147483646)))
@example(x=(mi.float32(3.4028237e+31), np.float32(3.4028237e+31)))
@example(x=(mi.float64(-0.0), np.float64(-0.0)))
@example(x=(mi.float64(math.nan), np.float64(math.nan)))
def test_conversions_and_printing(x):
    mx, nx = x
    conversions = [int, float, bool, operator.index, round,
                   lambda v: round(v, 2), lambda v: round(v, 7)]
    if not (nx.dtype.kind in "iu"
            and abs(int(nx)) > np.iinfo(nx.dtype).max - 5):
        # (near the bounds, an integer rounded up to a multiple of 10
        # leaves its dtype: a platform-dependent cast in NumPy)
        conversions.append(lambda v: round(v, -1))
    for convert in conversions:
        assert_same_outcome(lambda: convert(mx), lambda: convert(nx))
    if nx == nx:        # Python hashes a NaN by its identity
        assert hash(mx) == hash(nx)
    assert str(mx) == str(nx)
    assert repr(mx) == repr(nx).replace("np.", "mi.")
    for spec in ("", ">12", ".3f", "e", "d", "x"):
        assert_same_outcome(lambda: format(mx, spec),
                            lambda: format(nx, spec))
        # A 0-d array formats as its element, as in NumPy.
        assert_same_outcome(lambda: format(mi.asarray(mx), spec),
                            lambda: format(np.asarray(nx), spec))
    assert_same_outcome(lambda: pickle.loads(pickle.dumps(mx)),
                        lambda: pickle.loads(pickle.dumps(nx)))
    # A scalar finds its value as a dict key, as NumPy's does.
    if nx == nx:
        assert {nx.item(): 1}.get(mx) == {nx.item(): 1}.get(nx)


CONSTRUCTOR_ARGUMENTS = [0, 1, -1, 127, 128, 255, 256, -129, 2**31, 2**63,
                         2**64, -2**63 - 1, 3.7, -3.7, -0.0, 1e-320, 1e10,
                         3.5e38, 1e40, math.inf, math.nan, True, False,
                         "12", "-1.5", "1e3", [1, 2], [[1.5]], (), None]


@pytest.mark.parametrize("name", DTYPE_NAMES)
@pytest.mark.parametrize("value", CONSTRUCTOR_ARGUMENTS, ids=repr)
def test_constructor(name, value):
    """``mi.int8(x)`` converts as ``np.int8(x)``: range errors for Python
    ints, truncation of floats, parsing of strings, arrays for
    sequences."""
    if name == "bool" and isinstance(value, str):
        pytest.skip("np.bool_('x') is the string's truth value")
    m_type, n_type = mi.dtype(name).type, np.dtype(name).type
    if isinstance(value, float) and not math.isfinite(value) and (
            name not in ("bool", "float32", "float64")):
        pytest.skip("platform-dependent float -> int C cast")
    if name not in ("bool", "float32", "float64") and isinstance(
            value, float) and abs(value) > 2**63:
        pytest.skip("platform-dependent float -> int C cast")
    assert_same_outcome(lambda: m_type(value), lambda: n_type(value))


@given(x=scalar_twins(), y=scalar_twins(), to=st.none() | dtypes)
def test_scalars_in_arrays(x, y, to):
    """A scalar in a list counts with its dtype; ``array(scalar)`` is a
    0-d array of it; another dtype is a cast."""
    (mx, nx), (my, ny) = x, y
    dtype = None if to is None else to.name
    if to is not None and (platform_dependent_cast(nx, to)
                           or platform_dependent_cast(ny, to)):
        return
    assert_same_outcome(lambda: mi.array(mx, dtype=dtype),
                        lambda: np.array(nx, dtype=dtype))
    assert_same_outcome(lambda: mi.array([mx, my], dtype=dtype),
                        lambda: np.array([nx, ny], dtype=dtype))
    assert_same_outcome(lambda: mi.asarray(mx, copy=False),
                        lambda: np.asarray(nx, copy=False))
    # NumPy reads a minind scalar (its __array_interface__, or the float).
    np.testing.assert_array_equal(np.asarray(mx), np.asarray(nx),
                                  strict=True)


@given(x=scalar_twins(), to=dtypes)
@example(x=(mi.int64(300), np.int64(300)), to=np.dtype("int8"))
@example(x=(mi.uint32(7), np.uint32(7)), to=np.dtype("uint32"))
def test_scalars_assigned_into_arrays(x, to):
    """A scalar stored into an array goes in as its Python number (an
    element, a slice, fill), as NumPy's do; ``full`` casts it instead."""
    mx, nx = x
    if platform_dependent_cast(nx, to):
        return

    def stores(lib, value):
        def run():
            a = lib.zeros((2, 3), dtype=to.name)
            zero_d = lib.zeros((), dtype=to.name)
            a[1, 2] = value
            a[0] = value
            a[:, ::2] = value
            zero_d[None, None] = value
            filled = lib.zeros(2, dtype=to.name)
            filled.fill(value)
            return lib.concatenate([a.ravel(), zero_d[None], filled])
        return run
    assert_same_outcome(stores(mi, mx), stores(np, nx))
    assert_same_outcome(lambda: mi.full(3, mx, dtype=to.name),
                        lambda: np.full(3, nx, dtype=to.name))


@pytest.mark.parametrize("sequence", [[1, 2], (1, 2), "ab", b"ab"])
@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_sequences_repeat_by_integer_scalars_only(sequence, name):
    """``[1, 2] * np.int64(2)`` repeats the list, as ``* 2`` does, and a
    float scalar refuses to repeat it (NumPy's gentype_multiply: a
    sequence that repeats and does not multiply is repeated, never made
    an array); on either side of the ``*``."""
    m, n = getattr(mi, name)(2), np.dtype(name).type(2)
    for call in (lambda s: sequence * s, lambda s: s * sequence):
        want, got = None, None
        try:
            want = call(n)
        except TypeError:
            with pytest.raises(TypeError):
                call(m)
            continue
        got = call(m)
        assert type(got) is type(want) and got == want


@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_copies_of_a_scalar_are_the_scalar(name):
    """Scalars are immutable: copy.copy and copy.deepcopy give the same
    object, as NumPy's (whose tests check ``is``)."""
    import copy
    value = getattr(mi, name)(1)
    assert copy.copy(value) is value
    assert copy.deepcopy(value) is value
    assert value.__deepcopy__(None) is value

