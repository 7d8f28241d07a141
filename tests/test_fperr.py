"""Floating-point errors (``_fperr.pyx``): the same RuntimeWarnings,
FloatingPointErrors and callbacks as NumPy, with NumPy's messages, for
every ufunc and dtype over the values that raise them (zeros, infinities,
NaN, the edges of overflow and underflow), in every layout, through
calls, methods, scalar math, reductions, products and worker threads.

Underflow is compared where IEEE 754 fixes it (arithmetic); the
transcendental functions of NumPy's SIMD kernels and of the C library
minind uses disagree about it for subnormal arguments (README)."""
import contextlib
import io
import itertools
import warnings

import numpy as np
import pytest
from hypothesis import given, example, strategies as st

import minind as mi
from strategies import LAYOUTS, layout_twins, twin_of

SPECIAL = {
    "f": [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 3.0, 1000.0, -1000.0, np.inf,
          -np.inf, np.nan, 1e308, -1e308, 1e38, 1e-300, 5e-324, 1e-40],
    "i": [0, 1, -1, 2, 7, -7, 127, -128, 2**31 - 1, -2**31, 2**62,
          -2**63],
    "u": [0, 1, 2, 7, 255, 2**32 - 1, 2**63],
    "b": [False, True],
}
DTYPES = ["float64", "float32", "int8", "int32", "int64", "uint8",
          "uint64", "bool"]
UFUNCS = sorted(name for name in dir(mi)
                if isinstance(getattr(mi, name), mi.ufunc)
                and isinstance(getattr(np, name, None), np.ufunc)
                and getattr(mi, name).nin <= 2)
# Arithmetic, whose underflow IEEE 754 fixes.
EXACT_UNDERFLOW = {"add", "subtract", "multiply", "divide", "true_divide",
                   "square", "negative", "absolute"}


def values(dtype):
    kind = np.dtype(dtype).kind
    if kind in "iu":
        info = np.iinfo(dtype)
        return [v for v in SPECIAL[kind] if info.min <= v <= info.max]
    with np.errstate(all="ignore"):
        return list(np.array(SPECIAL[kind], dtype=dtype))


def reports(xp, call, under=True):
    """The RuntimeWarning messages ``call()`` gives under
    ``errstate(all="warn")`` (a set: order and repetition aside), or the
    type of the exception it raises."""
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        with xp.errstate(all="warn"):
            try:
                call()
            except Exception as error:
                return type(error)
    return {str(w.message) for w in seen
            if w.category is RuntimeWarning
            and (under or not str(w.message).startswith("underflow"))}


def order_free(report, data):
    """``report`` without "invalid" where the input holds a NaN: a sum
    that meets +inf and -inf raises it or not by the order of its
    additions (minind's differs from NumPy's, README), unless a NaN was
    already there to make the result NaN quietly."""
    if isinstance(report, set) and np.isnan(np.asarray(data, float)).any():
        return {r for r in report if not r.startswith("invalid")}
    return report


def numpy_differs(name, dtype, operands):
    """Where NumPy's flags come from its own kernels' quirks, not from
    the function (README): NumPy computes int8/uint8/bool through float16
    for these functions; its SIMD ``power`` raises overflow or divide by
    zero for some infinite exponents and its float32 floor division
    computes in float32 where minind's rounds a double."""
    ufunc = getattr(np, name)
    try:
        loop = ufunc.resolve_dtypes((np.dtype(dtype),) * ufunc.nin + (None,))
    except TypeError:
        return False
    if np.dtype("float16") in loop:
        return True
    if name in ("power", "pow", "float_power") and len(operands) == 2:
        return bool(np.isinf(np.asarray(operands[1], float)).any())
    if name in ("floor_divide", "remainder", "mod") and dtype == "float32":
        return True
    return False


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", UFUNCS)
def test_every_ufunc_warns_as_numpy(name, dtype):
    """Each ufunc on each value (unary) or pair of values (binary) of the
    special list: the same warnings, or the same exception."""
    nf, mf = getattr(np, name), getattr(mi, name)
    under = name in EXACT_UNDERFLOW
    for case in itertools.product(values(dtype), repeat=nf.nin):
        operands = [np.array([v], dtype=dtype) for v in case]
        if numpy_differs(name, dtype, operands):
            continue
        want = reports(np, lambda: nf(*operands), under)
        if isinstance(want, type):
            continue               # refused (e.g. int ** negative): elsewhere
        got = reports(mi, lambda: mf(*[mi.asarray(o) for o in operands]),
                      under)
        assert got == want, (name, dtype, case)


BINARY = ["add", "subtract", "multiply", "divide", "floor_divide",
          "remainder", "power", "arctan2", "hypot", "logaddexp",
          "maximum", "less"]
UNARY = ["exp", "log", "log1p", "expm1", "sqrt", "tanh", "sin", "arctanh",
         "cosh", "exp2", "log10", "reciprocal", "square", "sign", "isnan"]


@st.composite
def special_twins(draw, layout, dtype):
    """A twin in ``layout`` whose elements come from the special list."""
    m, n = draw(layout_twins(layout, st.just(np.dtype(dtype))))
    base = np.array(draw(st.lists(st.sampled_from(values(dtype)),
                                  min_size=n.size, max_size=n.size)),
                    dtype=dtype).reshape(n.shape)
    if not n.flags.writeable:
        return twin_of("C", base)  # read-only layouts: values over layout
    n[...] = base                  # (into memory m shares, but for C, F)
    return twin_of(layout, n) if layout in ("C", "F") else (m, n)


@pytest.mark.parametrize("layout", LAYOUTS)
@given(data=st.data())
def test_layouts_and_loops_warn_as_numpy(layout, data):
    """Arrays of special values in every layout, through every loop shape
    (contiguous, strided, broadcast, the vector-math blocks): the same
    warnings as NumPy."""
    dtype = data.draw(st.sampled_from(["float64", "float32", "int64"]))
    name = data.draw(st.sampled_from(BINARY + UNARY))
    nf, mf = getattr(np, name), getattr(mi, name)
    twins = [data.draw(special_twins(layout, dtype)) for _ in range(nf.nin)]
    if numpy_differs(name, dtype, [n for _, n in twins]):
        return
    want = reports(np, lambda: nf(*[n for _, n in twins]), False)
    if isinstance(want, type):
        return
    got = reports(mi, lambda: mf(*[m for m, _ in twins]), False)
    assert got == want


@given(st.lists(st.sampled_from(values("float64")), min_size=1, max_size=40),
       st.sampled_from(["add", "multiply", "subtract", "divide", "maximum"]))
@example([1e308, 1e308], "add")
@example([np.nan, 1.0], "maximum")
def test_methods_warn_as_numpy(items, name):
    """reduce, accumulate, reduceat, outer and at name themselves (NumPy:
    "overflow encountered in reduce"), and the methods built on them
    (sum, cumsum, prod, max) warn as NumPy's do."""
    n = np.array(items)
    m = mi.asarray(n)
    nf, mf = getattr(np, name), getattr(mi, name)
    calls = [
        lambda xp, f, a: f.reduce(a),
        lambda xp, f, a: f.accumulate(a),
        lambda xp, f, a: f.reduceat(a, [0, len(items) // 2]),
        lambda xp, f, a: f.outer(a, a),
        # (2-d: NumPy's 1-d fast path names the ufunc instead, README)
        lambda xp, f, a: f.at(a[None].copy(), (0, [0, 0]), a[-1]),
        lambda xp, f, a: a.sum(),
        lambda xp, f, a: a.prod(),
        lambda xp, f, a: a.max(),
        lambda xp, f, a: xp.cumsum(a),
        lambda xp, f, a: a.mean(),
        lambda xp, f, a: a.var(),
        lambda xp, f, a: a.std(ddof=len(items)),
        lambda xp, f, a: xp.dot(a, a),
        lambda xp, f, a: xp.matmul(a, a),
        lambda xp, f, a: xp.vecdot(a, a),
        lambda xp, f, a: xp.vdot(a, a),
    ]
    for k, call in enumerate(calls):
        product = k >= 12
        if product and not np.isfinite(n).all():
            # NumPy's products are BLAS's: a fused multiply-add onto an
            # infinity raises no overflow where minind's product does
            # (nor underflow, below, where the sum is not tiny).
            continue
        want = reports(np, lambda: call(np, nf, n), not product)
        got = reports(mi, lambda: call(mi, mf, m), not product)
        if name in ("add", "subtract"):
            want, got = order_free(want, n), order_free(got, n)
        assert got == want, k


def test_mean_and_var_name_scalar_math():
    """NumPy's mean and var divide a whole-array sum with scalar math
    ("scalar divide") and an axis sum with the ufunc ("divide")."""
    for call in [lambda xp: xp.zeros(0).mean(),
                 lambda xp: xp.zeros((0, 2)).mean(axis=0),
                 lambda xp: xp.zeros(0).mean(keepdims=True),
                 lambda xp: xp.zeros(0).var(),
                 lambda xp: xp.ones(1).var(ddof=1),
                 lambda xp: xp.ones((1, 1)).var(axis=0, ddof=1),
                 lambda xp: xp.array([1e200, -1e200]).var(axis=0)]:
        with warnings.catch_warnings(record=True) as seen_np:
            warnings.simplefilter("always")
            call(np)
        with warnings.catch_warnings(record=True) as seen_mi:
            warnings.simplefilter("always")
            call(mi)
        assert ([str(w.message) for w in seen_mi]
                == [str(w.message) for w in seen_np])


SCALAR_TYPES = ["int8", "uint8", "int64", "uint64", "float32", "float64"]
OPERATORS = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b,
    "*": lambda a, b: a * b, "/": lambda a, b: a / b,
    "//": lambda a, b: a // b, "%": lambda a, b: a % b,
    "divmod": divmod, "**": lambda a, b: a ** b,
}


@given(st.sampled_from(SCALAR_TYPES), st.sampled_from(SCALAR_TYPES),
       st.data(), st.sampled_from(sorted(OPERATORS)))
@example("int8", "int8", None, "+")
def test_scalar_math_warns_as_numpy(left, right, data, op):
    """Scalar operators are NumPy's scalar math: "... in scalar add", and
    integer overflow noted (where an array's loop wraps silently)."""
    if data is None:
        a, b = 127, 1
    else:
        a = data.draw(st.sampled_from(values(left)))
        b = data.draw(st.sampled_from(values(right)))
    f = OPERATORS[op]
    if op in ("//", "%", "divmod") and np.result_type(
            np.dtype(left), np.dtype(right)) == np.float32:
        return      # NumPy's float32 floor division: see numpy_differs
    if op == "**" and not np.isfinite(b):
        return      # NumPy's SIMD power at infinite exponents: the same
    want = reports(np, lambda: f(np.dtype(left).type(a),
                                 np.dtype(right).type(b)), False)
    got = reports(mi, lambda: f(mi.dtype(left).type(a),
                                mi.dtype(right).type(b)), False)
    if op == "**" and want is ValueError:
        assert got is ValueError
        return
    assert got == want
    # With a Python number, and with a 0-d array (the ufunc's name then).
    if np.dtype(right).kind in "iu" and not -2**62 <= b < 2**62:
        return
    python_b = float(b) if np.dtype(right).kind == "f" else int(b)
    for other in (python_b, np.array(python_b)):
        want = reports(np, lambda: f(np.dtype(left).type(a), other), False)
        got = reports(mi, lambda: f(mi.dtype(left).type(a),
                                    mi.asarray(other) if isinstance(
                                        other, np.ndarray) else other), False)
        assert got == want


@given(st.lists(st.sampled_from([-1.0, 0.0, 1.0, 1e308, np.nan]),
                min_size=1, max_size=20))
def test_scalar_unary_warns_as_numpy(items):
    for item in items:
        for f in (lambda s: -s, abs, lambda s: +s):
            for t in ("int8", "int64", "float64"):
                if t != "float64" and not np.isfinite(item):
                    continue
                v = int(item) if t != "float64" and abs(item) < 2 else item
                if t != "float64" and abs(item) >= 2:
                    v = np.iinfo(t).min
                assert (reports(mi, lambda: f(mi.dtype(t).type(v)))
                        == reports(np, lambda: f(np.dtype(t).type(v))))


@pytest.mark.parametrize("mode", ["ignore", "warn", "raise", "call", "print",
                                  "log"])
def test_every_mode_acts_as_numpys(mode):
    """Each errstate mode, for a call that raises three kinds at once: the
    same warnings, exception, callback arguments, printed and logged
    lines as NumPy's."""
    def run(xp):
        calls = []

        class Log:
            def write(self, text):
                calls.append(("write", text))

        handler = Log() if mode == "log" else (
            lambda *args: calls.append(args))
        stderr = io.StringIO()
        with warnings.catch_warnings(record=True) as seen, \
                contextlib.redirect_stderr(stderr):
            warnings.simplefilter("always")
            with xp.errstate(all=mode, call=handler):
                try:
                    xp.divide(xp.asarray(np.array([1.0, 0.0, 1e308])),
                              xp.asarray(np.array([0.0, 0.0, 1e-308])))
                    error = None
                except FloatingPointError as e:
                    error = str(e)
        return ([(w.category, str(w.message)) for w in seen], error, calls)
    assert run(mi) == run(np)


def test_print_goes_to_stderr(capfd):
    with mi.errstate(all="print"):
        mi.divide(mi.ones(1), 0)
    assert capfd.readouterr().err == (
        "Warning: divide by zero encountered in divide\n")


@pytest.mark.parametrize("mode", ["call", "log"])
def test_missing_handler_is_numpys_name_error(mode):
    for xp in (np, mi):
        with xp.errstate(all=mode, call=None):
            with pytest.raises(NameError) as caught:
                xp.divide(xp.ones(1), 0)
        if xp is np:
            want = str(caught.value)
        else:
            assert str(caught.value) == want


def test_flags_do_not_leak_into_the_next_call():
    """A call's flags are its own: an ignored error before, or a Python
    float computation that raised the CPU's flags, does not make the next
    clean call warn."""
    with mi.errstate(all="ignore"):
        mi.divide(mi.ones(3), 0)
    float("inf") - float("inf")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with mi.errstate(all="raise"):
            mi.add(mi.ones(3), 1)
            mi.exp(mi.ones(3))
            mi.ones(3).sum()
            mi.float64(1.0) + 1


def test_raise_stops_the_call_and_clears():
    with mi.errstate(all="raise"):
        with pytest.raises(FloatingPointError,
                           match="^divide by zero encountered in divide$"):
            mi.divide(mi.ones(2), 0)
        mi.add(mi.ones(2), 1)              # nothing left behind


def test_worker_threads_hand_their_flags_back():
    """An overflow in a band that a worker thread walks is reported by
    the call: every band, serial or threaded, finds it."""
    n = 1 << 20
    for position in (0, n // 2 + 1000, n - 1):
        a = mi.zeros(n)
        a[position] = 1000.0
        with mi.set_num_threads(2):
            with mi.errstate(over="raise"):
                with pytest.raises(FloatingPointError,
                                   match="overflow encountered in exp"):
                    mi.exp(a)
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                mi.exp(mi.zeros(n))                # and nothing stale


@pytest.mark.parametrize("dtype", ["int8", "int16", "int32", "int64",
                                   "uint8", "uint64"])
def test_integer_division_flags(dtype):
    """Integer loops raise the flags themselves: x // 0 and x % 0 divide
    by zero, MIN // -1 overflows; by a broadcast divisor (the invariant
    divisor loop) and element by element alike."""
    info = np.iinfo(dtype)
    n = np.array([info.min, -1 if info.min else 0, 0, 1, info.max],
                 dtype=dtype)
    for divisor in ([0], [-1] if info.min else [1], [0, 1, 2, 3, 4],
                    [-1, 1, 1, 1, 1] if info.min else [2, 1, 1, 1, 1]):
        d = np.array(divisor, dtype=dtype)
        for name in ("floor_divide", "remainder"):
            want = reports(np, lambda: getattr(np, name)(n, d))
            got = reports(mi, lambda: getattr(mi, name)(mi.asarray(n),
                                                        mi.asarray(d)))
            assert got == want, (name, divisor)


# ---------------------------------------------------------------------------
# Casts: "invalid value encountered in cast", "overflow encountered in cast"
# ---------------------------------------------------------------------------

CAST_CALLS = {
    "astype": lambda xp, a, t: a.astype(t),
    "array": lambda xp, a, t: xp.array(a, dtype=t),
    "asarray": lambda xp, a, t: xp.asarray(a, dtype=t),
    "assign": lambda xp, a, t: xp.zeros(a.shape, t).__setitem__(
        Ellipsis, a),
    "copyto": lambda xp, a, t: xp.copyto(xp.zeros(a.shape, t), a,
                                         casting="unsafe"),
    "concatenate": lambda xp, a, t: xp.concatenate([a, a], dtype=t,
                                                   casting="unsafe"),
    "add with dtype=": lambda xp, a, t: xp.add(a, 0, dtype=t,
                                               casting="unsafe"),
    "sum with dtype=": lambda xp, a, t: a.sum(dtype=t),
    "cumsum with dtype=": lambda xp, a, t: xp.cumsum(a, dtype=t),
}


@pytest.mark.parametrize("layout", LAYOUTS)
@given(data=st.data())
@example(data=None)
def test_casts_warn_as_numpy(layout, data):
    """A float that no target holds (NaN or an infinity into an integer,
    1e300 into float32 or int8) warns "... encountered in cast" wherever
    the cast happens, and a reduction's own casts are the reduction's."""
    if data is None:
        m, n = twin_of("C", np.array([np.nan, 1e300, 1.0]))
        target, name = "int64", "astype"
    else:
        source = data.draw(st.sampled_from(["float64", "float32"]))
        m, n = data.draw(special_twins(layout, source))
        target = data.draw(st.sampled_from(
            ["int8", "int32", "int64", "uint8", "uint64", "float32",
             "bool"]))
        name = data.draw(st.sampled_from(sorted(CAST_CALLS)))
    call = CAST_CALLS[name]
    if target.startswith(("int", "uint")) and name != "astype":
        # NumPy converts through a 32-bit register for the narrow types
        # (1e10 into int8 is "invalid" there, not in minind): compare the
        # values whose conversion both define.
        n = np.where(np.isfinite(n) & (np.abs(n) > 2**62), 0, n)
        m = mi.asarray(n)
    want = reports(np, lambda: call(np, n, target))
    got = reports(mi, lambda: call(mi, m, target))
    if name in ("sum with dtype=", "cumsum with dtype="):
        want, got = order_free(want, n), order_free(got, n)
    if name == "add with dtype=" and isinstance(want, set):
        # NumPy's iterator casts an input up front ("... in cast") or in
        # its buffers (then "... in add"), as it sees fit; minind's
        # message is always "cast".  The kinds are the same.
        want, got = ({w.split(" encountered")[0] for w in r}
                     for r in (want, got))
    assert got == want, name


@pytest.mark.parametrize("call", [
    lambda xp: xp.float32(1e300),
    lambda xp: xp.full(2, 1e300, dtype=xp.float32),
    lambda xp: xp.zeros(2, xp.float32).fill(1e300),
    lambda xp: xp.zeros(2, xp.float32).__setitem__(0, 1e300),
    lambda xp: xp.array([1], dtype=xp.float32) + 1e300,
    lambda xp: xp.float32(1) * 1e300,
    lambda xp: xp.array(np.nan).astype(int),
    lambda xp: xp.clip(xp.array([1.0], xp.float32), 0, 1e300),
    lambda xp: xp.add(xp.array([1e300]), 1.0, out=xp.zeros(1, xp.float32)),
])
def test_python_numbers_warn_as_numpy(call):
    """A Python float stored into float32 (a scalar, fill, an operand of
    a ufunc) warns as NumPy's "overflow encountered in cast"; a ufunc's
    output cast is the ufunc's ("... in add")."""
    assert reports(mi, lambda: call(mi)) == reports(np, lambda: call(np))


VECTOR_FUNCTIONS = ["exp", "exp2", "expm1", "log", "log2", "log10", "log1p",
                    "sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh",
                    "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "cbrt"]


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("name", VECTOR_FUNCTIONS + ["power", "arctan2"])
def test_one_special_value_among_many(name, dtype):
    """The vector loops read a block's flags only when its kernel raised
    one (kernels.pyx): one special value among 3000 ordinary ones, at the
    start, in the middle of a block or at the end, in place or not, still
    gives NumPy's warnings."""
    nf, mf = getattr(np, name), getattr(mi, name)
    for special in values(dtype):
        for position in (0, 1500, 2999):
            n = np.full(3000, 0.5, dtype=dtype)
            n[position] = special
            operands = [n] if nf.nin == 1 else [n, n[::-1].copy()]
            if numpy_differs(name, dtype, operands):
                continue
            want = reports(np, lambda: nf(*operands), False)
            got = reports(mi, lambda: mf(*[mi.asarray(o)
                                            for o in operands]), False)
            assert got == want, (special, position)
            m = mi.asarray(n.copy())           # in place: through buffers
            got = reports(mi, lambda: mf(m, *[mi.asarray(o) for o in
                                              operands[1:]], out=m), False)
            assert got == want, (special, position, "in place")


@pytest.mark.parametrize("dtype", ["int8", "uint8", "int16", "uint16",
                                   "int32", "uint32", "int64", "uint64"])
def test_integer_scalar_overflow_as_numpy(dtype):
    """NumPy's scalar math notes integer overflow of +, -, *, unary - and
    abs (minind's check is C on the wrapped result: _integer_overflow);
    the ufunc called on the same scalars, like an array's loop, wraps
    silently."""
    info = np.iinfo(dtype)
    edges = sorted({info.min, info.min + 1, -1 if info.min else 0, 0, 1, 2,
                    3, info.max // 2, info.max // 2 + 1, info.max - 1,
                    info.max})
    binary = [lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b,
              lambda a, b: a // b]
    unary = [lambda a: -a, abs, lambda a: +a]
    for x in edges:
        for f in unary:
            assert (reports(mi, lambda: f(mi.dtype(dtype).type(x)))
                    == reports(np, lambda: f(np.dtype(dtype).type(x))))
        for y in edges:
            for f in binary:
                want = reports(np, lambda: f(np.dtype(dtype).type(x),
                                             np.dtype(dtype).type(y)))
                got = reports(mi, lambda: f(mi.dtype(dtype).type(x),
                                            mi.dtype(dtype).type(y)))
                assert got == want, (x, y)
            for name in ("add", "subtract", "multiply"):
                want = reports(np, lambda: getattr(np, name)(
                    np.dtype(dtype).type(x), np.dtype(dtype).type(y)))
                got = reports(mi, lambda: getattr(mi, name)(
                    mi.dtype(dtype).type(x), mi.dtype(dtype).type(y)))
                assert got == want, (name, x, y)


@pytest.mark.parametrize("shape", [(), (0,), (0, 3), (3, 0)])
def test_zero_d_and_empty_warn_as_numpy(shape):
    """0-d arrays (whose results are scalars) and size-0 arrays: the same
    warnings as NumPy, through calls, reductions and casts."""
    for value in (0.0, np.inf, np.nan, 1e300):
        n = np.full(shape, value)
        m = mi.asarray(n)
        for call in (lambda xp, a: xp.divide(a, 0.0),
                     lambda xp, a: xp.log(a),
                     lambda xp, a: xp.exp(a),
                     lambda xp, a: a.astype(xp.int64),
                     lambda xp, a: a.astype(xp.float32),
                     lambda xp, a: a.sum()):
            assert (reports(mi, lambda: call(mi, m))
                    == reports(np, lambda: call(np, n))), (value, call)
        if shape:
            # (NumPy casts a 0-d input to a reduction's dtype= up front:
            # "cast", where minind says "reduce"; see the closing note.)
            call = lambda xp, a: xp.add.reduce(a, axis=None,
                                               dtype=xp.float32)
            assert (reports(mi, lambda: call(mi, m))
                    == reports(np, lambda: call(np, n))), value


def test_scalar_operators_never_int_an_array_like():
    """A scalar's operator with an array-like operand is the ufunc's
    call, not scalar math: its overflow check must not call int() on the
    operand (which may refuse), and NumPy's result comes back."""
    class Refuses:
        def __array__(self, dtype=None, copy=None):
            return np.array(5, dtype=np.int8)

        def __int__(self):
            raise RuntimeError("int() called")

    assert mi.int8(1) + Refuses() == np.int8(1) + Refuses() == 6
    assert mi.int8(127) * Refuses() == np.int8(127) * Refuses()
