"""NEP 50 type promotion in minind's ufuncs, against NumPy, exhaustively.

Every binary ufunc is called on every ordered pair of the eleven dtypes,
on arrays with Python scalars (weak: they adapt to the array), on Python
scalars alone, and on NumPy scalars and 0-d arrays (strong: they take part
in promotion like arrays).  ``dtype=`` and ``out=`` are tried for every
(input dtype, requested dtype) pair under every casting rule.  NumPy is the
oracle for every answer: the result dtype, the values, or the exception
(``TypeError`` for a missing loop or a refused cast, since NumPy's
``UFuncTypeError`` is one; the exact ``OverflowError`` message for a
Python integer that does not fit).

Documented differences (asserted as minind documents them): minind has no
float16, so where NumPy's result would be float16 minind gives float32.
A call on scalars alone returns a minind scalar where NumPy returns its
own (``mi.int64`` for ``np.int64``), compared by type name and value.

The exhaustive tests loop over all cases and report every mismatch at once
(one failing assertion listing them), so a failure shows the whole pattern.
"""
import math
import operator

import numpy as np
import pytest
from hypothesis import given, strategies as st
from hypothesis.extra import numpy as hnp

import minind as mi
from strategies import DTYPE_NAMES, twins

ARITHMETIC = ["add", "subtract", "multiply", "true_divide", "floor_divide",
              "remainder", "power", "maximum", "minimum"]
COMPARISONS = ["equal", "not_equal", "less", "less_equal", "greater",
               "greater_equal"]
LOGICAL = ["logical_and", "logical_or", "logical_xor"]
BITWISE = ["bitwise_and", "bitwise_or", "bitwise_xor"]
BINARY = ARITHMETIC + COMPARISONS + LOGICAL + BITWISE
CASTINGS = ["no", "equiv", "safe", "same_kind", "unsafe"]

# Python scalars, weak under NEP 50: bools, ints in and out of every
# integer type's range (but within int64/uint64: the values beyond are in
# their own test), floats incl. non-finite ones.
PY_SCALARS = [True, False, 0, 1, 3, -1, -7, 127, 128, 255, 256, -128, -129,
              1000, -1000, 2**15, 2**16, -2**15 - 1, 2**31, 2**32,
              -2**31 - 1, 2**63 - 1, -2**63, 0.0, -0.0, 2.5, -0.5, 1e300,
              -1e300, math.nan, math.inf, -math.inf]
HUGE_INTS = [2**63, 2**64 - 1, 2**64, -2**63 - 1, 2**100, -2**100]
# Scalar-only calls: Python bool/int/float on both sides.
SCALAR_ONLY = [True, False, 0, 1, 3, -2, 7, 0.0, -0.0, 2.5, -0.5, 3.0,
               math.nan, math.inf, -math.inf]


# ---------------------------------------------------------------------------
# Comparing outcomes
# ---------------------------------------------------------------------------

def run(call):
    """(result, None) or (None, exception) of ``call()``; NumPy's
    warnings are silenced (minind documents that it does not warn)."""
    try:
        with np.errstate(all="ignore"):
            return call(), None
    except Exception as exc:  # noqa: BLE001 - compared with the oracle's
        return None, exc


def same_value(a, b, signed_zeros=True, close=False):
    """Python scalars equal, NaN equal to NaN, -0.0 distinct from 0.0
    (unless ``signed_zeros`` is false), within 4 ulp if ``close``."""
    if isinstance(b, float) and isinstance(a, float):
        if math.isnan(b):
            return math.isnan(a)
        if close and math.isfinite(b):
            return abs(a - b) <= 4 * math.ulp(b)
        return a == b and (not signed_zeros or
                           math.copysign(1, a) == math.copysign(1, b))
    return a == b


def same_values(a, b, **options):
    """Nested lists from ``tolist()`` equal with matching Python types."""
    if isinstance(b, list):
        return (isinstance(a, list) and len(a) == len(b)
                and all(same_values(x, y, **options) for x, y in zip(a, b)))
    return type(a) is type(b) and same_value(a, b, **options)


def exception_mismatch(m_exc, n_exc, messages):
    """Why minind's exception does not match NumPy's (None if it does).

    NumPy's TypeErrors (UFuncTypeError and plain TypeError) only need a
    TypeError; any other exception must be the same class, and, when
    ``messages`` is set or it is an OverflowError (NEP 50's "Python
    integer ... out of bounds"), carry the same message.
    """
    if m_exc is None:
        return f"NumPy raised {type(n_exc).__name__}: {n_exc}"
    if isinstance(n_exc, TypeError):
        if not isinstance(m_exc, TypeError):
            return (f"NumPy raised TypeError ({n_exc}), minind "
                    f"{type(m_exc).__name__}: {m_exc}")
        if messages and str(m_exc) != str(n_exc):
            return f"message {str(m_exc)!r} != NumPy's {str(n_exc)!r}"
        return None
    if type(m_exc).__name__ != type(n_exc).__name__:
        return (f"NumPy raised {type(n_exc).__name__} ({n_exc}), minind "
                f"{type(m_exc).__name__}: {m_exc}")
    if (messages or isinstance(n_exc, OverflowError)) and (
            str(m_exc) != str(n_exc)):
        return f"message {str(m_exc)!r} != NumPy's {str(n_exc)!r}"
    return None


def options_for(name):
    """How values of ufunc ``name`` compare.

    Two cases where NumPy itself is platform dependent: float ``power``
    runs NumPy's vectorised pow (SVML on AVX-512 machines), which may
    differ from the C library's in the last bit (4 ulp allowed); and
    ``maximum``/``minimum`` of +0.0 and -0.0 return whichever operand the
    CPU's max/min instruction picks (x86 picks the second), so the sign
    of a zero result is not compared there.
    """
    return {"close": name == "power",
            "signed_zeros": name not in ("maximum", "minimum")}


def mismatch(m_out, n_out, values=True, messages=False, **options):
    """Why minind's outcome differs from NumPy's, or None.

    An array result must have NumPy's dtype (float32 where NumPy's is
    float16, minind's documented difference), shape and (unless NumPy
    gave float16 or ``values`` is false) values; a NumPy scalar result
    must be a minind scalar of the same type and value.
    ``options`` go to ``same_value`` (see ``options_for``).
    """
    (m, m_exc), (n, n_exc) = m_out, n_out
    if n_exc is not None:
        return exception_mismatch(m_exc, n_exc, messages)
    if m_exc is not None:
        return (f"minind raised {type(m_exc).__name__}: {m_exc}; NumPy gave "
                f"{n!r}")
    if isinstance(n, np.generic):
        name = "float32" if n.dtype == np.float16 else type(n).__name__
        if not isinstance(m, mi.generic) or type(m).__name__ != name:
            return f"{m!r} ({type(m).__name__}) != NumPy's {n!r}"
        if n.dtype != np.float16 and not same_value(m.item(), n.item(),
                                                    **options):
            return f"{m!r} != NumPy's {n!r}"
        return None
    if not isinstance(m, mi.MiniArray):
        return f"minind returned {type(m).__name__} {m!r}, NumPy {n!r}"
    if n.dtype == np.float16:
        if m.dtype != mi.float32:
            return f"dtype {m.dtype} != float32 (NumPy: float16)"
        return None if m.shape == n.shape else f"shape {m.shape}!={n.shape}"
    if m.dtype.name != n.dtype.name:
        return f"dtype {m.dtype.name} != NumPy's {n.dtype.name}"
    if m.shape != n.shape:
        return f"shape {m.shape} != NumPy's {n.shape}"
    if values and not same_values(m.tolist(), n.tolist(), **options):
        return f"values {m.tolist()} != NumPy's {n.tolist()}"
    return None


def out_mismatch(m_out, n_out, name):
    """Why the ``out=`` arrays' contents differ after a call, or None."""
    if same_values(m_out.tolist(), n_out.tolist(), **options_for(name)):
        return None
    return f"out holds {m_out.tolist()}, NumPy's {n_out.tolist()}"


def report(failures, limit=40):
    """One assertion listing every mismatch (the first ``limit``)."""
    assert not failures, (f"{len(failures)} mismatches with NumPy:\n"
                          + "\n".join(failures[:limit]))


def np_array(dtype, values=(1, 2)):
    return np.array(values, dtype=dtype)


def shaped(n, shape):
    """``n`` reshaped; () takes its first element as a 0-d array."""
    return n[:1].reshape(()) if shape == () else n.reshape(shape)


# ---------------------------------------------------------------------------
# Array with array: every ordered pair of dtypes
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", BINARY)
def test_array_pairs(name):
    """mi.<ufunc>(x, y) for every ordered dtype pair: NumPy's result dtype
    and values, or a TypeError where NumPy has no loop."""
    m_func, n_func = getattr(mi, name), getattr(np, name)
    failures = []
    for a in DTYPE_NAMES:
        for b in DTYPE_NAMES:
            x, y = np_array(a, [1, 2, 3]), np_array(b, [1, 1, 2])
            for sx, sy in [((3,), (3,)), ((), (3,)), ((3, 1), (1, 3))]:
                nx, ny = shaped(x, sx), shaped(y, sy)
                why = mismatch(run(lambda: m_func(mi.array(nx),
                                                  mi.array(ny))),
                               run(lambda: n_func(nx, ny)),
                               **options_for(name))
                if why:
                    failures.append(f"{name}({a}{sx}, {b}{sy}): {why}")
    report(failures)


OPERATORS = {"add": operator.add, "subtract": operator.sub,
             "multiply": operator.mul, "true_divide": operator.truediv,
             "floor_divide": operator.floordiv, "remainder": operator.mod,
             "power": operator.pow, "equal": operator.eq,
             "not_equal": operator.ne, "less": operator.lt,
             "less_equal": operator.le, "greater": operator.gt,
             "greater_equal": operator.ge, "bitwise_and": operator.and_,
             "bitwise_or": operator.or_, "bitwise_xor": operator.xor}


@pytest.mark.parametrize("name", sorted(OPERATORS))
def test_operators_match_ufuncs(name):
    """The operators (+, <, &, ...) promote as their ufuncs do, for every
    dtype pair."""
    op = OPERATORS[name]
    failures = []
    for a in DTYPE_NAMES:
        for b in DTYPE_NAMES:
            x, y = np_array(a, [1, 2, 3]), np_array(b, [1, 1, 2])
            why = mismatch(run(lambda: op(mi.array(x), mi.array(y))),
                           run(lambda: op(x, y)), **options_for(name))
            if why:
                failures.append(f"{a} {name} {b}: {why}")
    report(failures)


@given(data=st.data())
def test_twins_in_any_layout_promote_like_numpy(data):
    """Result dtype, shape and values of a binary ufunc on twins of two
    random dtypes (random values, 0-d and empty included), the first in
    any layout, the second broadcastable to it: promotion must not depend
    on the layout or the values."""
    name = data.draw(st.sampled_from(BINARY), label="ufunc")
    m1, n1 = data.draw(twins(), label="x")
    shape2 = data.draw(hnp.broadcastable_shapes(n1.shape, min_side=0,
                                                max_side=4, max_dims=3),
                       label="shape of y")
    m2, n2 = data.draw(twins(shape=st.just(shape2),
                             layouts=["C", "F", "readonly"]), label="y")
    if data.draw(st.booleans(), label="swap"):
        (m1, n1), (m2, n2) = (m2, n2), (m1, n1)
    m_func, n_func = getattr(mi, name), getattr(np, name)
    why = mismatch(run(lambda: m_func(m1, m2)), run(lambda: n_func(n1, n2)),
                   **options_for(name))
    assert why is None, why


# ---------------------------------------------------------------------------
# Python scalars are weak
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", BINARY)
def test_python_scalars_are_weak(name):
    """array (every dtype) with a Python bool/int/float, both orders:
    NumPy's dtype and values, or its exception (an out-of-range Python int
    raises OverflowError with NumPy's message, except in comparisons)."""
    m_func, n_func = getattr(mi, name), getattr(np, name)
    failures = []
    for a in DTYPE_NAMES:
        x = np_array(a, [0, 1, 5])
        m = mi.array(x)
        for s in PY_SCALARS:
            for left in (True, False):
                args_n, args_m = ((x, s), (m, s)) if left else ((s, x),
                                                               (s, m))
                why = mismatch(run(lambda: m_func(*args_m)),
                               run(lambda: n_func(*args_n)),
                               **options_for(name))
                if why:
                    order = f"{a}, {s!r}" if left else f"{s!r}, {a}"
                    failures.append(f"{name}({order}): {why}")
    report(failures)


@pytest.mark.parametrize("name", BINARY)
def test_python_ints_beyond_64_bits(name):
    """Python ints outside int64 and uint64 with arrays of every dtype:
    NumPy's result or exception (class and, for OverflowError, message)."""
    m_func, n_func = getattr(mi, name), getattr(np, name)
    failures = []
    for a in DTYPE_NAMES:
        x = np_array(a, [0, 1, 5])
        m = mi.array(x)
        for s in HUGE_INTS:
            for left in (True, False):
                args_n, args_m = ((x, s), (m, s)) if left else ((s, x),
                                                               (s, m))
                why = mismatch(run(lambda: m_func(*args_m)),
                               run(lambda: n_func(*args_n)),
                               **options_for(name))
                if why:
                    order = f"{a}, {s!r}" if left else f"{s!r}, {a}"
                    failures.append(f"{name}({order}): {why}")
    report(failures)


@pytest.mark.parametrize("name", ["add", "subtract", "multiply",
                                  "floor_divide", "remainder", "maximum",
                                  "minimum", "bitwise_and", "bitwise_or"])
@pytest.mark.parametrize("dtype, value", [("int8", 1000), ("uint8", -1),
                                          ("int8", -129), ("uint8", 256),
                                          ("int16", 2**15),
                                          ("uint16", -1),
                                          ("int32", 2**31),
                                          ("uint32", -1),
                                          ("int64", 2**63 - 1 + 1),
                                          ("uint64", -1)])
def test_out_of_bounds_python_int_message(name, dtype, value):
    """int8_array + 1000 raises OverflowError "Python integer 1000 out of
    bounds for int8", as NumPy, for the ufunc and both operand orders."""
    x = np_array(dtype)
    m = mi.array(x)
    for args_m, args_n in [((m, value), (x, value)),
                           ((value, m), (value, x))]:
        with pytest.raises(OverflowError) as n_info:
            getattr(np, name)(*args_n)
        with pytest.raises(OverflowError) as m_info:
            getattr(mi, name)(*args_m)
        assert str(m_info.value) == str(n_info.value)


def test_out_of_bounds_python_int_operators():
    """The operators give the same NEP 50 error: a + 1000, 1000 + a,
    a += 1000, uint8 - 1 is fine but uint8 + (-1) is not."""
    for dtype, value in [("int8", 1000), ("uint8", -1), ("int16", -40000)]:
        x, m = np_array(dtype), mi.array(np_array(dtype))
        for op in (lambda a: a + value, lambda a: value + a,
                   lambda a: a * value, lambda a: a - value):
            with pytest.raises(OverflowError) as n_info:
                op(x)
            with pytest.raises(OverflowError) as m_info:
                op(m)
            assert str(m_info.value) == str(n_info.value)
        with pytest.raises(OverflowError) as n_info:
            x += value
        with pytest.raises(OverflowError) as m_info:
            m += value
        assert str(m_info.value) == str(n_info.value)
        assert m.tolist() == x.tolist()       # untouched
    x, m = np_array("uint8"), mi.array(np_array("uint8"))
    assert (m - 1).tolist() == (x - 1).tolist()
    assert (m - 1).dtype == mi.uint8


@pytest.mark.parametrize("name", COMPARISONS)
def test_out_of_range_python_int_comparisons(name):
    """int8_array < 1000 compares the values exactly (no OverflowError,
    no wraparound): NumPy's bools for every integer dtype, both orders,
    with values at and beyond each type's bounds."""
    m_func, n_func = getattr(mi, name), getattr(np, name)
    failures = []
    for a in DTYPE_NAMES[1:9]:
        info = np.iinfo(a)
        x = np.array([info.min, -1 if info.min else 0, 0, 1, info.max],
                     dtype=a)
        m = mi.array(x)
        for s in [info.max + 1, info.min - 1, 1000, -1000, 2**40, -2**40,
                  2**63 - 1, -2**63, info.max, info.min]:
            for left in (True, False):
                args_n, args_m = ((x, s), (m, s)) if left else ((s, x),
                                                               (s, m))
                why = mismatch(run(lambda: m_func(*args_m)),
                               run(lambda: n_func(*args_n)),
                               **options_for(name))
                if why:
                    order = f"{a}, {s!r}" if left else f"{s!r}, {a}"
                    failures.append(f"{name}({order}): {why}")
    report(failures)


def test_out_of_range_comparison_operators():
    """The spelling users write: int8_array < 1000 is all True, == 1000
    all False, uint8_array > -1 all True (NumPy's answers)."""
    x = np.array([-128, 0, 127], dtype=np.int8)
    u = np.array([0, 1, 255], dtype=np.uint8)
    m, mu = mi.array(x), mi.array(u)
    cases = [(m < 1000, x < 1000), (m == 1000, x == 1000),
             (m != -1000, x != -1000), (m >= -129, x >= -129),
             (1000 > m, 1000 > x), (mu > -1, u > -1), (mu == 256, u == 256),
             (-1 < mu, -1 < u)]
    for got, expected in cases:
        assert got.dtype == mi.bool_
        assert got.tolist() == expected.tolist()


@pytest.mark.parametrize("name", BINARY)
def test_scalar_only_calls(name):
    """mi.add(1, 2.5) with Python scalars only: the minind scalar of the
    type and value of NumPy's."""
    m_func, n_func = getattr(mi, name), getattr(np, name)
    failures = []
    for a in SCALAR_ONLY:
        for b in SCALAR_ONLY:
            why = mismatch(run(lambda: m_func(a, b)),
                           run(lambda: n_func(a, b)), **options_for(name))
            if why:
                failures.append(f"{name}({a!r}, {b!r}): {why}")
    report(failures)


@pytest.mark.parametrize("name", BINARY)
def test_numpy_scalars_and_0d_arrays_are_strong(name):
    """np.float32(2), np.int64(1) and 0-d arrays (NumPy's or minind's)
    take part in promotion with their dtype, like arrays, both orders."""
    m_func, n_func = getattr(mi, name), getattr(np, name)
    failures = []
    for a in DTYPE_NAMES:
        x = np_array(a, [1, 2, 3])
        m = mi.array(x)
        for b in DTYPE_NAMES:
            scalar = np.dtype(b).type(2)
            zero_d = np.array(2, dtype=b)
            candidates = [("np scalar", scalar, scalar),
                          ("np 0-d", zero_d, zero_d),
                          ("mi 0-d", mi.array(zero_d), zero_d)]
            for label, s_m, s_n in candidates:
                for left in (True, False):
                    args_n, args_m = ((x, s_n), (m, s_m)) if left else (
                        (s_n, x), (s_m, m))
                    why = mismatch(run(lambda: m_func(*args_m)),
                                   run(lambda: n_func(*args_n)),
                               **options_for(name))
                    if why:
                        failures.append(f"{name}({a} array, {label} {b}, "
                                        f"left={left}): {why}")
    report(failures)


def test_numpy_float32_scalar_is_strong_example():
    """The NEP 50 examples: int8 array + np.float32(2) is float32,
    + 2.0 is float64; float32 array + 3.0 stays float32, + np.float64(3)
    is float64; uint8 array + np.int64(1) is int64."""
    i8 = mi.array([1, 2], dtype=mi.int8)
    f32 = mi.array([1, 2], dtype=mi.float32)
    u8 = mi.array([1, 2], dtype=mi.uint8)
    cases = [(i8 + np.float32(2), np.array([1, 2], np.int8) + np.float32(2)),
             (i8 + 2.0, np.array([1, 2], np.int8) + 2.0),
             (f32 + 3.0, np.array([1, 2], np.float32) + 3.0),
             (f32 + np.float64(3), np.array([1, 2], np.float32)
              + np.float64(3)),
             (u8 + np.int64(1), np.array([1, 2], np.uint8) + np.int64(1)),
             (u8 + True, np.array([1, 2], np.uint8) + True),
             (mi.array([True]) + 1, np.array([True]) + 1),
             (mi.array([True]) + 1.5, np.array([True]) + 1.5)]
    for got, expected in cases:
        assert got.dtype.name == expected.dtype.name
        assert got.tolist() == expected.tolist()


# ---------------------------------------------------------------------------
# dtype= and out=: casting rules
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("casting", CASTINGS)
@pytest.mark.parametrize("name", BINARY)
def test_out_casting(name, casting):
    """out= of every dtype for inputs of every dtype (both the same): the
    call succeeds exactly when NumPy's does (TypeError otherwise), writes
    NumPy's values into ``out`` and returns ``out`` itself."""
    m_func, n_func = getattr(mi, name), getattr(np, name)
    failures = []
    for a in DTYPE_NAMES:
        x, y = np_array(a, [1, 2, 3]), np_array(a, [1, 1, 2])
        mx, my = mi.array(x), mi.array(y)
        for o in DTYPE_NAMES:
            n_out, m_out = np.zeros(3, dtype=o), mi.zeros(3, dtype=o)
            m_res = run(lambda: m_func(mx, my, out=m_out, casting=casting))
            n_res = run(lambda: n_func(x, y, out=n_out, casting=casting))
            why = mismatch(m_res, n_res, **options_for(name))
            if why is None and m_res[0] is not None and m_res[0] is not m_out:
                why = "did not return out"
            why = why or out_mismatch(m_out, n_out, name)
            if why:
                failures.append(f"{name}({a}, {a}, out={o}, "
                                f"casting={casting!r}): {why}")
    report(failures)


@pytest.mark.parametrize("name", BINARY)
def test_out_casting_mixed_inputs_same_kind(name):
    """out= of every dtype for every ordered pair of input dtypes under
    the default same_kind rule (the input casts count as well)."""
    m_func, n_func = getattr(mi, name), getattr(np, name)
    failures = []
    for a in DTYPE_NAMES:
        for b in DTYPE_NAMES:
            x, y = np_array(a, [1, 2, 3]), np_array(b, [1, 1, 2])
            mx, my = mi.array(x), mi.array(y)
            for o in DTYPE_NAMES:
                n_out, m_out = np.zeros(3, dtype=o), mi.zeros(3, dtype=o)
                why = mismatch(run(lambda: m_func(mx, my, out=m_out)),
                               run(lambda: n_func(x, y, out=n_out)),
                               **options_for(name))
                why = why or out_mismatch(m_out, n_out, name)
                if why:
                    failures.append(f"{name}({a}, {b}, out={o}): {why}")
    report(failures)


@pytest.mark.parametrize("casting", CASTINGS)
@pytest.mark.parametrize("name", BINARY)
def test_dtype_argument(name, casting):
    """dtype= of every dtype for inputs of every dtype: NumPy's loop (its
    result dtype and values) or a TypeError where NumPy refuses."""
    m_func, n_func = getattr(mi, name), getattr(np, name)
    failures = []
    for a in DTYPE_NAMES:
        x, y = np_array(a, [1, 2, 3]), np_array(a, [1, 1, 2])
        mx, my = mi.array(x), mi.array(y)
        for d in DTYPE_NAMES:
            why = mismatch(run(lambda: m_func(mx, my, dtype=d,
                                              casting=casting)),
                           run(lambda: n_func(x, y, dtype=d,
                                              casting=casting)),
                           **options_for(name))
            if why:
                failures.append(f"{name}({a}, {a}, dtype={d}, "
                                f"casting={casting!r}): {why}")
    report(failures)


@pytest.mark.parametrize("name", ["add", "multiply", "maximum", "less",
                                  "logical_and", "bitwise_or"])
def test_dtype_argument_mixed_inputs(name):
    """dtype= for every ordered pair of input dtypes (same_kind)."""
    m_func, n_func = getattr(mi, name), getattr(np, name)
    failures = []
    for a in DTYPE_NAMES:
        for b in DTYPE_NAMES:
            x, y = np_array(a, [1, 2, 3]), np_array(b, [1, 1, 2])
            mx, my = mi.array(x), mi.array(y)
            for d in DTYPE_NAMES:
                why = mismatch(run(lambda: m_func(mx, my, dtype=d)),
                               run(lambda: n_func(x, y, dtype=d)),
                               **options_for(name))
                if why:
                    failures.append(f"{name}({a}, {b}, dtype={d}): {why}")
    report(failures)


@pytest.mark.parametrize("name", ARITHMETIC + COMPARISONS)
def test_weak_scalar_with_dtype_and_out(name):
    """A Python scalar with dtype= or out=: NumPy's result or exception."""
    m_func, n_func = getattr(mi, name), getattr(np, name)
    failures = []
    for a in DTYPE_NAMES:
        x = np_array(a, [1, 2, 3])
        m = mi.array(x)
        for s in [True, 2, -1, 300, 2.5]:
            for d in DTYPE_NAMES:
                why = mismatch(run(lambda: m_func(m, s, dtype=d)),
                               run(lambda: n_func(x, s, dtype=d)),
                               **options_for(name))
                if why:
                    failures.append(f"{name}({a}, {s!r}, dtype={d}): {why}")
                n_out, m_out = np.zeros(3, dtype=d), mi.zeros(3, dtype=d)
                why = mismatch(run(lambda: m_func(s, m, out=m_out)),
                               run(lambda: n_func(s, x, out=n_out)),
                               **options_for(name))
                why = why or out_mismatch(m_out, n_out, name)
                if why:
                    failures.append(f"{name}({s!r}, {a}, out={d}): {why}")
    report(failures)


def test_cast_error_messages():
    """The messages users search for: refused output and input casts and
    a missing loop, word for word."""
    cases = [
        lambda L: L.add(L.array([1.5]), L.array([1.0]),
                        out=L.zeros(1, dtype="int8")),
        lambda L: L.add(L.array([1.5]), L.array([1.0]), dtype="int8"),
        lambda L: L.add(L.array([1], dtype="int8"),
                        L.array([1], dtype="int8"), dtype="uint8"),
        lambda L: L.add(L.array([1], dtype="int8"),
                        L.array([1], dtype="int8"),
                        out=L.zeros(1, dtype="int16"), casting="no"),
        lambda L: L.multiply(L.array([1], dtype="int64"), 2.5,
                             out=L.zeros(1, dtype="int64")),
        lambda L: L.bitwise_and(L.array([1.0]), L.array([1.0])),
        lambda L: L.bitwise_or(L.array([1], dtype="int64"),
                               L.array([1], dtype="uint64")),
        lambda L: L.subtract(L.array([True]), L.array([False])),
    ]
    for case in cases:
        why = mismatch(run(lambda: case(mi)), run(lambda: case(np)),
                       messages=True)
        assert why is None, why


@pytest.mark.parametrize("op", ["+=", "-=", "*=", "/=", "//=", "%=", "**=",
                                "&=", "|=", "^="])
def test_inplace_operator_casting(op):
    """a <op>= b for every dtype pair: allowed exactly when NumPy allows
    it (same_kind into a's dtype), writes NumPy's values into a's buffer."""
    failures = []
    for a in DTYPE_NAMES:
        for b in DTYPE_NAMES:
            n_a, n_b = np_array(a, [1, 2, 3]), np_array(b, [1, 1, 2])
            m_a, m_b = mi.array(n_a), mi.array(n_b)
            m_before = m_a
            n_res = run(lambda: _inplace(op, n_a, n_b))
            m_res = run(lambda: _inplace(op, m_a, m_b))
            why = mismatch(m_res, n_res)
            if why is None and m_res[0] is not None and (
                    m_res[0] is not m_before):
                why = "the in-place operator did not return the same array"
            if why is None and m_a.tolist() != n_a.tolist():
                why = f"a holds {m_a.tolist()}, NumPy's {n_a.tolist()}"
            if why:
                failures.append(f"{a} {op} {b}: {why}")
    report(failures)


def _inplace(op, a, b):
    namespace = {"a": a, "b": b}
    with np.errstate(all="ignore"):
        exec(f"a {op} b", namespace)
    return namespace["a"]


def test_invalid_casting_value():
    """casting must be one of NumPy's five names (ValueError otherwise),
    even when no cast is needed."""
    for case in [lambda L: L.add(L.array([1.0]), 1.0, casting="bogus"),
                 lambda L: L.add(L.array([1], dtype="int8"), 1,
                                 casting="bogus"),
                 lambda L: L.add(L.array([1.0]), L.array([1], "int8"),
                                 casting="bogus")]:
        why = mismatch(run(lambda: case(mi)), run(lambda: case(np)))
        assert why is None, why


# ---------------------------------------------------------------------------
# promote_types, result_type, can_cast
# ---------------------------------------------------------------------------

def test_promote_types_every_pair():
    failures = []
    for a in DTYPE_NAMES:
        for b in DTYPE_NAMES:
            got = mi.promote_types(a, b)
            expected = np.promote_types(a, b)
            if got.name != expected.name:
                failures.append(f"promote_types({a}, {b}) = {got.name}, "
                                f"NumPy {expected.name}")
    report(failures)


@pytest.mark.parametrize("name", ["add", "subtract", "multiply", "maximum",
                                  "minimum", "floor_divide", "remainder",
                                  "power"])
def test_array_promotion_is_promote_types(name):
    """For the arithmetic ufuncs with a loop for the promoted dtype, the
    result dtype of two arrays is mi.promote_types of their dtypes."""
    failures = []
    for a in DTYPE_NAMES:
        for b in DTYPE_NAMES:
            result, exc = run(lambda: getattr(mi, name)(
                mi.ones(2, dtype=a), mi.ones(2, dtype=b)))
            if exc is not None:
                continue                  # no loop (bool subtract...)
            promoted = mi.promote_types(a, b)
            if result.dtype != promoted and not (
                    promoted == mi.bool_ and result.dtype.kind == "i"):
                failures.append(f"{name}({a}, {b}) is {result.dtype}, "
                                f"promote_types {promoted}")
    report(failures)


@pytest.mark.skipif(not hasattr(mi, "result_type"),
                    reason="minind has no result_type")
def test_result_type():
    """mi.result_type with dtypes, arrays and weak Python scalars."""
    failures = []
    for a in DTYPE_NAMES:
        for other in DTYPE_NAMES + [True, 1, 1000, -1, 2.5]:
            n_other = other
            m_other = other
            got = run(lambda: mi.result_type(mi.ones(1, dtype=a), m_other))
            expected = run(lambda: np.result_type(np.ones(1, dtype=a),
                                                  n_other))
            if expected[1] is not None:
                why = exception_mismatch(got[1], expected[1], False)
            elif got[1] is not None:
                why = f"raised {got[1]!r}"
            else:
                why = (None if got[0].name == expected[0].name else
                       f"{got[0].name} != {expected[0].name}")
            if why:
                failures.append(f"result_type({a}, {other!r}): {why}")
    report(failures)


@pytest.mark.parametrize("other", [np.int16, "int16", 1000, 2.5, True])
@pytest.mark.parametrize("make", [
    lambda: np.zeros(2, np.int8), lambda: np.int8(0),
    lambda: np.float32(1), lambda: np.zeros((2, 2), np.uint16).T],
    ids=["numpy array", "numpy int8", "numpy float32", "numpy F array"])
def test_result_type_reads_foreign_arrays(make, other):
    """A NumPy array or scalar (anything minind reads through the buffer
    protocol) is an array operand, strong under NEP 50, as a minind array
    is (NumPy's TestClip::test_clip_property asks mi.result_type of NumPy
    arrays)."""
    got = mi.result_type(make(), other)
    assert got.name == np.result_type(make(), other).name
    with pytest.raises(TypeError, match="Cannot interpret"):
        mi.result_type(memoryview(b"ab"), other)    # NumPy's TypeError


@pytest.mark.parametrize("casting", CASTINGS)
def test_can_cast_every_pair(casting):
    failures = []
    for a in DTYPE_NAMES:
        for b in DTYPE_NAMES:
            got = mi.can_cast(a, b, casting)
            expected = np.can_cast(a, b, casting)
            if got != expected:
                failures.append(f"can_cast({a}, {b}, {casting!r}) = {got}, "
                                f"NumPy {expected}")
    report(failures)


@pytest.mark.parametrize("casting", CASTINGS)
@pytest.mark.parametrize("name", ["add", "multiply", "maximum", "minimum",
                                  "bitwise_xor"])
def test_can_cast_predicts_out(name, casting):
    """For a ufunc whose loop keeps the inputs' dtype, out= of dtype o is
    accepted exactly when mi.can_cast(loop dtype, o, casting)."""
    failures = []
    for a in DTYPE_NAMES:
        x = mi.ones(3, dtype=a)
        loop, exc = run(lambda: getattr(mi, name)(x, x))
        if exc is not None:
            continue
        for o in DTYPE_NAMES:
            _, exc = run(lambda: getattr(mi, name)(
                x, x, out=mi.zeros(3, dtype=o), casting=casting))
            allowed = mi.can_cast(loop.dtype, o, casting)
            if allowed != (exc is None):
                failures.append(f"{name}({a}) out={o} casting={casting!r}: "
                                f"can_cast says {allowed}, call "
                                f"{'raised ' + repr(exc) if exc else 'ran'}")
            if exc is not None and not isinstance(exc, TypeError):
                failures.append(f"{name}({a}) out={o}: {exc!r} is not a "
                                "TypeError")
    report(failures)


def test_can_cast_predicts_dtype_argument():
    """add(x, x, dtype=d) under same_kind runs exactly when the input
    dtype casts same_kind to d (add has a loop for every dtype)."""
    failures = []
    for a in DTYPE_NAMES:
        x = mi.ones(3, dtype=a)
        for d in DTYPE_NAMES:
            _, exc = run(lambda: mi.add(x, x, dtype=d))
            allowed = mi.can_cast(a, d, "same_kind")
            if allowed != (exc is None):
                failures.append(f"add({a}, dtype={d}): can_cast says "
                                f"{allowed}, call "
                                f"{'raised ' + repr(exc) if exc else 'ran'}")
    report(failures)
