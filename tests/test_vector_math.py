"""The C library's functions in minind's loops: accuracy and layout.

Where glibc's vector math library is built in (``_kernels.VECTOR_MATH``,
see "Vectorised math" in ``_kernels.pyx``), float64 ``log``, ``tanh``,
``power``... and every float32 function run through it.  Accuracy is part of the
contract, measured in ULPs (units in the last place: how many
representable numbers lie between two results) over a dense sweep of
each function's domain with the edges (+-0, +-inf, NaN, subnormals, the
overflow thresholds):

* float64: within 2 ULP of the correctly rounded result (NumPy's long
  double function, rounded once), and of NumPy's wherever NumPy's is
  within 1 ULP of it (NumPy's float64 cbrt is 3 ULP off it on a machine
  without AVX-512, where NumPy calls the C library's);
* float32: within 1 ULP of the correctly rounded result, and within 2 ULP
  of NumPy's wherever NumPy's is itself that close to the correctly
  rounded one (NumPy's float32 functions are up to 3 ULP off it, so no
  other function can promise to be within 2 of them everywhere).

``python tests/test_vector_math.py`` prints the README's table of the
measured maxima.
"""
import numpy as np
import pytest

import minind as mi
from minind import _kernels

FUNCTIONS = ["exp", "exp2", "expm1", "log", "log2", "log10", "log1p",
             "sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh",
             "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "cbrt"]
DTYPES = [np.float64, np.float32]


def sweep(dtype, count=100_000):
    """A fixed, dense sample of the whole float range (log-uniform
    magnitudes of both signs, subnormals included), the ranges where the
    functions change fastest, and the edges."""
    rng = np.random.default_rng(20261205)
    info = np.finfo(dtype)
    low, high = np.log(float(info.smallest_subnormal)), np.log(float(info.max))
    magnitudes = np.exp(rng.uniform(low, high, count))
    edges = [0.0, -0.0, np.inf, -np.inf, np.nan, 1.0, -1.0, 0.5, -0.5, 2.0,
             float(info.tiny), -float(info.tiny),
             float(info.smallest_subnormal), -float(info.smallest_subnormal),
             float(info.max), -float(info.max), float(info.eps),
             1 + float(info.eps), 1 - float(info.epsneg),
             # exp's and sinh's overflow and underflow thresholds
             709.78, 709.79, 710.5, -708.4, -745.1, -745.2,
             88.72, 88.73, 89.4, -87.3, -103.9, -104.0]
    values = np.concatenate([
        magnitudes * rng.choice([-1.0, 1.0], count),
        rng.uniform(-1, 1, count), rng.uniform(-40, 40, count),
        rng.uniform(-750, 750, count // 4), np.array(edges)])
    with np.errstate(over="ignore"):
        return values.astype(dtype)


def ordered(x):
    """The float's bits as an integer that counts representable numbers
    (negative floats mirrored), so that a difference is a ULP count."""
    kind = np.int64 if x.dtype == np.float64 else np.int32
    bits = x.view(kind).astype(np.int64)
    return np.where(bits < 0, np.iinfo(kind).min - bits, bits)


def ulps(x, y):
    """Elementwise ULP distance; NaN against NaN is 0, NaN against a
    number is huge, and so are zeros of different signs."""
    distance = np.abs(ordered(x) - ordered(y))
    distance[np.isnan(x) & np.isnan(y)] = 0
    distance[np.isnan(x) != np.isnan(y)] = 2 ** 40
    distance[(x == 0) & (y == 0) & (np.signbit(x) != np.signbit(y))] = 2 ** 40
    return distance


def measure(name, dtype):
    """(inputs, minind's, NumPy's, correctly rounded results)."""
    x = sweep(dtype)
    if name in ("sin", "cos", "tan"):
        # Far from 0, float64 trigonometry depends on the argument
        # reduction, whose long double reference is only as good as
        # 64 bits of pi.
        x = x[~(np.abs(x) > 1e6)]
    with np.errstate(all="ignore"):
        numpy = getattr(np, name)(x)
        exact = getattr(np, name)(x.astype(np.longdouble)).astype(dtype)
    minind = np.asarray(getattr(mi, name)(mi.asarray(x)))
    return x, minind, numpy, exact


def worst(x, distance):
    k = int(np.argmax(distance))
    return f"{int(distance[k])} ULP at {x[k]!r}"


@pytest.mark.skipif(not _kernels.VECTOR_MATH, reason=(
    "scalar functions (built without libmvec, or with the sanitizers, "
    "under which GCC vectorises no call): the C library's scalar float32 "
    "functions are up to 2 ULP off the correctly rounded result, and its "
    "float64 tanh and cbrt 3 ULP off NumPy's"))
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", FUNCTIONS)
def test_accuracy(name, dtype):
    assert_within_bounds(dtype, *measure(name, dtype))


def assert_within_bounds(dtype, inputs, minind, numpy, exact):
    """The module's bounds: float64 within 2 ULP of the correctly rounded
    result and of NumPy's wherever NumPy's is within 1 of it; float32
    within 1 ULP of the correctly rounded one and 2 of NumPy's where
    NumPy's is within 1 of it.  (Where NumPy's own result is further off,
    as its float64 cbrt is on a machine without AVX-512, where it is the
    C library's at 3 ULP, the two bounds add up.)"""
    from_exact = ulps(minind, exact)
    from_numpy = ulps(minind, numpy)
    numpy_off = ulps(numpy, exact)
    if dtype == np.float64:
        assert from_exact.max() <= 2, worst(inputs, from_exact)
        allowed = np.where(numpy_off <= 1, 2, numpy_off + 2)
        assert np.all(from_numpy <= allowed), worst(inputs,
                                                    from_numpy - allowed)
    else:
        assert from_exact.max() <= 1, worst(inputs, from_exact)
        allowed = np.maximum(2, numpy_off + 1)
        assert np.all(from_numpy <= allowed), worst(inputs,
                                                    from_numpy - allowed)


# Skips a bound that only the vector build promises (minind's float32
# kernels where each one's budget is tightest, the binary functions).
NEEDS_VECTOR_MATH = pytest.mark.skipif(not _kernels.VECTOR_MATH, reason=(
    "scalar functions: the C library's float32 ones are not promised "
    "within 1 ULP of the correctly rounded result"))


def assert_within_1_ulp(name, *args):
    """minind's ``name`` of one or two arrays of a float dtype within 1
    ULP of the correctly rounded result (NumPy's long double function,
    rounded once to that dtype)."""
    with np.errstate(all="ignore"):
        exact = getattr(np, name)(*(a.astype(np.longdouble) for a in args))
    exact = exact.astype(args[0].dtype)
    minind = np.asarray(getattr(mi, name)(*(mi.asarray(a) for a in args)))
    inputs = args[0] if len(args) == 1 else np.stack(args, axis=1)
    assert ulps(minind, exact).max() <= 1, worst(inputs,
                                                 ulps(minind, exact))


@NEEDS_VECTOR_MATH
@pytest.mark.parametrize("name", ["log", "log2", "log10"])
def test_float32_log_near_one(name):
    """minind's float32 log kernel where its error budget is tightest:
    every 7th float of [1/2, 2), where x = 2**k m switches k from -1 to 0
    at sqrt(1/2) and from 0 to 1 at sqrt(2) (k log(2) and log(m) of
    opposite signs just below sqrt(1/2)) and where log(x) tends to 0
    with x - 1; within 1 ULP of the correctly rounded float."""
    x = np.arange(np.float32(0.5).view(np.int32),
                  np.float32(2.0).view(np.int32), 7,
                  dtype=np.int32).view(np.float32)
    assert_within_1_ulp(name, x)


@NEEDS_VECTOR_MATH
def test_float32_log1p_near_zero():
    """minind's float32 log1p, the same kernel on 1 + x with what its
    rounding lost: every 499th float of (-1/2, 1) (1 + x across
    sqrt(1/2) and sqrt(2), and x so small that 1 + x rounds to 1, where
    the lost part is the whole result), and every 7th within 2**-20 of
    -1 (log1p's pole); within 1 ULP of the correctly rounded float."""
    one, half = (np.float32(v).view(np.int32) for v in (1.0, 0.5))
    x = np.arange(1, one, 499, dtype=np.int32).view(np.float32)
    below = np.arange(1, half, 499, dtype=np.int32).view(np.float32)
    near_pole = np.arange(np.float32(1 - 2 ** -20).view(np.int32), one, 7,
                          dtype=np.int32).view(np.float32)
    x = np.concatenate([x, -below, -near_pole])
    assert_within_1_ulp("log1p", x)


@NEEDS_VECTOR_MATH
@pytest.mark.parametrize("name", ["expm1", "sinh", "cosh"])
def test_float32_exp_kernels_where_terms_cancel(name):
    """minind's float32 expm1, sinh and cosh kernels where their terms
    nearly cancel (2**n - 1, 2**n r and 2**n r**2 / 2; Q cosh r and
    P sinh r) or where 2**-n stops being exact next to 2**n (n > 12):
    every 31st float of magnitude 1/4 to 16 (n = 0 to 23, r of either
    sign), both signs, and every 1984th below 1/4 (n = 0, the result
    about x or 1); within 1 ULP of the correctly rounded float."""
    quarter, top = (np.float32(v).view(np.int32) for v in (0.25, 16.0))
    x = np.arange(quarter, top, 31, dtype=np.int32).view(np.float32)
    x = np.concatenate([x, -x, np.arange(1, quarter, 31 * 64,
                                         dtype=np.int32).view(np.float32)])
    assert_within_1_ulp(name, x)


@NEEDS_VECTOR_MATH
@pytest.mark.parametrize("name", ["arctan", "arcsin", "arccos"])
def test_float32_inverse_trigonometric_kernels_where_tightest(name):
    """minind's float32 arctan and arcsin kernels where their budgets are
    tightest.  arctan: r = p / q near 1, where r**3 P(r**2) is a fifth of
    the result and atan switches quadrant, so every 31st float of
    magnitude 1/2 to 2.  arcsin and arccos: every 31st float of
    magnitude 1/4 to 1, past 1/2, where the kernel switches to
    sqrt((1 - x) / 2), to 1, where that vanishes.  Both signs, and every
    1984th float from the smallest up (to 2**30, or to 1/4); within 1
    ULP of the correctly rounded float."""
    low, top = (0.5, 2.0) if name == "arctan" else (0.25, 1.0)
    low_bits, top_bits, far = (np.float32(v).view(np.int32)
                               for v in (low, top, 2.0 ** 30))
    x = np.arange(low_bits, top_bits, 31, dtype=np.int32)
    x = np.concatenate([x, np.arange(1, far if name == "arctan" else low_bits,
                                     1984, dtype=np.int32)]).view(np.float32)
    x = np.concatenate([x, -x, np.float32([top, -top])])
    assert_within_1_ulp(name, x)


@NEEDS_VECTOR_MATH
@pytest.mark.parametrize("name", ["arcsinh", "arccosh", "arctanh"])
def test_float32_inverse_hyperbolic_near_their_zeros(name):
    """minind's float32 arcsinh, arccosh and arctanh, the logarithm's
    kernel on an argument carried as a value and its error, where that
    error is most of the result: every 31st float from 2**-30 to 1/2
    (arcsinh, arctanh; for arctanh up to 1 too) and from 1 to 4
    (arccosh), both signs for the odd ones, and the arguments where
    arctanh switches to its series (2**-12); within 1 ULP of the
    correctly rounded float."""
    low, high = {"arccosh": (1.0, 4.0), "arctanh": (2.0 ** -30, 1.0),
                 "arcsinh": (2.0 ** -30, 0.5)}[name]
    bits = (np.float32(low).view(np.int32), np.float32(high).view(np.int32))
    x = np.arange(bits[0], bits[1], 31, dtype=np.int32).view(np.float32)
    edge = np.float32(2.0 ** -12)
    x = np.concatenate([x, [np.nextafter(edge, np.float32(0)), edge,
                            np.nextafter(edge, np.float32(1))]])
    if name != "arccosh":
        x = np.concatenate([x, -x])
    assert_within_1_ulp(name, x)


@NEEDS_VECTOR_MATH
def test_float32_cbrt_kernel():
    """minind's float32 cbrt kernel over every 31st float of a whole
    period of its exponent split (e = 3q + rem: 1 to 8, each rem), at
    the ends of the normal range (2**-126, where subnormals leave for
    the C library's function, and up to the largest float), both signs:
    within 1 ULP of the correctly rounded float, and exact for cubes."""
    bits = [np.float32(v).view(np.int32) for v in (1.0, 8.0, 2.0 ** -126,
                                                   2.0 ** -120, 2.0 ** 120)]
    x = np.concatenate([
        np.arange(bits[0], bits[1], 31, dtype=np.int32),
        np.arange(bits[2] - 4096, bits[3], 31, dtype=np.int32),
        np.arange(bits[4], np.float32(np.inf).view(np.int32), 31,
                  dtype=np.int32)]).view(np.float32)
    x = np.concatenate([x, -x])
    assert_within_1_ulp("cbrt", x)
    roots = np.arange(-200, 201, dtype=np.float32)
    cubes = np.asarray(mi.cbrt(mi.asarray(roots ** 3)))
    np.testing.assert_array_equal(cubes, roots)


@NEEDS_VECTOR_MATH
@pytest.mark.parametrize("name", ["sin", "cos", "tan"])
def test_float32_trigonometric_kernels_near_multiples_of_half_pi(name):
    """minind's float32 sin, cos and tan kernels where the argument
    reduction cancels most (the float nearest k pi/2 and its neighbours
    for every k up to 700,000, so past the kernels' switch to the C
    library at |x| = 2**20), over every 613th float from 2**-20 to 2**21,
    every 100003rd beyond, subnormals and zeros, both signs: within 1
    ULP of the correctly rounded float."""
    near = (np.arange(1, 700_000) * (np.pi / 2)).astype(np.float32)
    step = np.arange(-1, 2, dtype=np.int32)
    near = (near.view(np.int32)[:, None] + step).ravel().view(np.float32)
    bits = [np.float32(v).view(np.int32) for v in (2.0 ** -20, 2.0 ** 21)]
    x = np.concatenate([
        near, np.arange(bits[0], bits[1], 613, dtype=np.int32).view(
            np.float32),
        np.arange(bits[1], np.float32(np.inf).view(np.int32), 100_003,
                  dtype=np.int32).view(np.float32),
        np.arange(0, 2 ** 23, 4099, dtype=np.int32).view(np.float32),
        np.float32([0.0, 2.0 ** 20, np.nextafter(np.float32(2.0 ** 20), 0),
                    np.nextafter(np.float32(2.0 ** 20), np.inf)])])
    assert_within_1_ulp(name, np.concatenate([x, -x]))


@NEEDS_VECTOR_MATH
@pytest.mark.skipif(np.finfo(np.longdouble).nmant < 63, reason=(
    "long double is no wider than double here: no exact reference"))
def test_float64_inverse_trigonometric_kernels_where_they_switch():
    """minind's float64 arctan kernel (arctan and arctan2 through it)
    where it switches its reduction (the ratio r near 1/4 and 3/4), near
    r = 1 (the quadrant's swap), and arctan2 over the whole exponent
    range (its operands scaled by a power of 2, results down to
    subnormal); its arcsin kernel where it switches (1/2) and near 1
    (the square root's correction): within 1 ULP of the correctly
    rounded double."""
    rng = np.random.default_rng(15)
    near = np.concatenate([c * (1 + rng.uniform(-2 ** -20, 2 ** -20, 4000))
                           for c in (0.25, 0.75, 1.0)])
    for name, x in [("arctan", np.concatenate([near, 1 / near])),
                    ("arcsin", np.concatenate([
                        0.5 * (1 + rng.uniform(-2 ** -20, 2 ** -20, 4000)),
                        1 - rng.uniform(0, 2 ** -30, 4000),
                        rng.uniform(0, 1, 4000)]))]:
        assert_within_1_ulp(name, np.concatenate([x, -x]))
    exponents = np.arange(-1074, 1024, 11)
    magnitudes = np.ldexp(rng.uniform(1, 2, exponents.size), exponents)
    y, x = (v.ravel() for v in np.meshgrid(magnitudes, magnitudes))
    y = np.concatenate([y, near, -y])
    x = np.concatenate([x, np.ones_like(near), -x[::-1]])
    assert_within_1_ulp("arctan2", y, x)


@NEEDS_VECTOR_MATH
@pytest.mark.skipif(np.finfo(np.longdouble).nmant < 63, reason=(
    "long double is no wider than double here: no exact reference"))
def test_float64_cbrt_kernel():
    """minind's float64 cbrt kernel over random mantissas at every
    exponent (subnormals too, which it scales by 2**54 first), both
    signs, and next to the cubes of integers up to 10**5: within 1 ULP
    of the correctly rounded double, and exact for the cubes."""
    rng = np.random.default_rng(20261207)
    exponents = np.repeat(np.arange(-1074, 1024), 40)
    x = np.ldexp(rng.uniform(1.0, 2.0, exponents.size), exponents)
    roots = np.arange(1, 100_001, dtype=np.float64)
    cubes = roots ** 3
    near = np.concatenate([np.nextafter(cubes, 0), np.nextafter(cubes,
                                                                np.inf)])
    x = np.concatenate([x, near])
    assert_within_1_ulp("cbrt", np.concatenate([x, -x]))
    np.testing.assert_array_equal(
        np.asarray(mi.cbrt(mi.asarray(np.concatenate([cubes, -cubes])))),
        np.concatenate([roots, -roots]))


@NEEDS_VECTOR_MATH
def test_float32_arctan2_scaled_and_near_the_diagonal():
    """minind's float32 arctan2 where it scales its operands (one below
    2**-100, or the larger above 2**100, so that the quotient's
    remainder stays a normal float), where the result is subnormal, and
    near |y| = |x| (the quadrant's swap, r near 1): within 1 ULP of the
    correctly rounded float, signed zeros and NaNs as NumPy's."""
    rng = np.random.default_rng(15)
    exponents = np.concatenate([np.arange(-149, 128, 3), [-100, 60, 100]])
    magnitudes = np.ldexp(rng.uniform(1, 2, exponents.size),
                          exponents).astype(np.float32)
    y, x = (v.ravel() for v in np.meshgrid(magnitudes, magnitudes))
    near = rng.uniform(0.5, 2, 20_000).astype(np.float32)
    y = np.concatenate([y, near, -near, near])
    x = np.concatenate([x, np.float32(1) + rng.uniform(-2 ** -10, 2 ** -10,
                                                       20_000),
                        near[::-1], -near[::-1]]).astype(np.float32)
    y = np.concatenate([y, -y])
    x = np.concatenate([x, x[::-1]])
    assert_within_1_ulp("arctan2", y, x)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", FUNCTIONS)
def test_same_bits_in_every_layout(name, dtype):
    """A value's result does not depend on where it sits: first or last
    in a vector block, in the padded remainder of an array, in a strided
    or reversed view, unaligned, or alone as a scalar."""
    x = sweep(dtype, 2000)[:1001]
    function = getattr(mi, name)
    with np.errstate(all="ignore"):
        whole = np.asarray(function(mi.asarray(x)))
        for start in range(1, 9):
            part = np.asarray(function(mi.asarray(x[start:])))
            assert np.array_equal(part, whole[start:], equal_nan=True)
        doubled = np.repeat(x, 2)
        strided = np.asarray(function(mi.asarray(doubled)[::2]))
        assert np.array_equal(strided, whole, equal_nan=True)
        backwards = np.asarray(function(mi.asarray(x)[::-1]))
        assert np.array_equal(backwards, whole[::-1], equal_nan=True)
        raw = np.zeros(x.nbytes + 1, np.uint8)
        unaligned = raw[1:].view(dtype)
        unaligned[:] = x
        shifted = np.asarray(function(mi.asarray(unaligned)))
        assert np.array_equal(shifted, whole, equal_nan=True)
        scalar_type = mi.float64 if dtype == np.float64 else mi.float32
        for k in (0, 1, 7, 8, 500, 1000):
            alone = np.asarray(function(scalar_type(x[k])))
            assert np.array_equal(alone, whole[k], equal_nan=True)
        # In place: a block's inputs are read before its results land
        # (exp's kernel once fixed up its out-of-range elements from the
        # results it had just written over them).
        in_place = mi.asarray(x.copy())
        function(in_place, out=in_place)
        assert np.array_equal(np.asarray(in_place), whole, equal_nan=True)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", FUNCTIONS)
def test_edges_are_numpys(name, dtype):
    """Signed zeros, infinities, NaN and out-of-domain inputs give
    exactly NumPy's result (ulps counts a zero of the other sign as far
    off)."""
    info = np.finfo(dtype)
    x = np.array([0.0, -0.0, np.inf, -np.inf, np.nan, 1.0, -1.0, 2.0, -2.0,
                  float(info.max), -float(info.max)], dtype)
    with np.errstate(all="ignore"):
        numpy = getattr(np, name)(x)
    minind = np.asarray(getattr(mi, name)(mi.asarray(x)))
    special = ~np.isfinite(numpy) | (numpy == 0)
    assert np.all(ulps(minind, numpy)[special] == 0), (x, minind, numpy)


# -- functions of two arguments: power and arctan2 ---------------------------

BINARY = ["power", "arctan2"]


def pair_sweep(name, dtype, count=60_000):
    """Pairs over each function's interesting ranges, and every pair of
    edge values."""
    rng = np.random.default_rng(20261206)
    info = np.finfo(dtype)
    x = sweep(dtype, count)[:count]
    edges = np.array([0.0, -0.0, np.inf, -np.inf, np.nan, 1.0, -1.0, 0.5,
                      -0.5, 2.0, -2.0, 3.0, -3.0, 1.5, 1e-300, 1e300,
                      float(info.tiny), float(info.smallest_subnormal),
                      float(info.max), -float(info.max),
                      1 + float(info.eps), 1 - float(info.epsneg)])
    with np.errstate(over="ignore"):
        edges = edges.astype(dtype)
    first, second = [e.ravel() for e in np.meshgrid(edges, edges)]
    if name == "power":
        bases = np.concatenate([np.abs(x), rng.uniform(0, 4, count),
                                rng.uniform(0.9, 1.1, count),
                                -rng.uniform(0, 10, count)])
        exponents = np.concatenate([
            rng.uniform(-40, 40, count), rng.uniform(-3, 3, count),
            rng.uniform(-2000, 2000, count),
            np.round(rng.uniform(-30, 30, count))])
    else:
        bases = np.concatenate([x, rng.uniform(-1, 1, count)])
        exponents = np.concatenate([sweep(dtype, 2 * count)[count:2 * count],
                                    rng.uniform(-1, 1, count)])
    with np.errstate(over="ignore"):
        return (np.concatenate([bases.astype(dtype), first]),
                np.concatenate([exponents.astype(dtype), second]))


def measure_pair(name, dtype):
    a, b = pair_sweep(name, dtype)
    with np.errstate(all="ignore"):
        numpy = getattr(np, name)(a, b)
        exact = getattr(np, name)(a.astype(np.longdouble),
                                  b.astype(np.longdouble)).astype(dtype)
    minind = np.asarray(getattr(mi, name)(mi.asarray(a), mi.asarray(b)))
    return np.stack([a, b], axis=1), minind, numpy, exact


@NEEDS_VECTOR_MATH
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", BINARY)
def test_binary_accuracy(name, dtype):
    assert_within_bounds(dtype, *measure_pair(name, dtype))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", BINARY)
def test_binary_edges_are_numpys(name, dtype):
    """Every pair of edge values (zeros of both signs, infinities, NaN,
    negative bases) gives exactly NumPy's special results."""
    a, b = pair_sweep(name, dtype, 0)
    with np.errstate(all="ignore"):
        numpy = getattr(np, name)(a, b)
    minind = np.asarray(getattr(mi, name)(mi.asarray(a), mi.asarray(b)))
    special = ~np.isfinite(numpy) | (numpy == 0) | (numpy == 1)
    assert np.all(ulps(minind, numpy)[special] == 0), [
        (x, y, m, n) for x, y, m, n, bad in zip(
            a, b, minind, numpy, ulps(minind, numpy) != 0) if bad][:5]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", BINARY)
def test_binary_same_bits_in_every_layout(name, dtype):
    """As for one argument: contiguous, offset, strided, reversed, with
    a broadcast scalar, or alone, a pair gives the same bits."""
    a, b = (x[:1001] for x in pair_sweep(name, dtype, 500))
    function = getattr(mi, name)
    with np.errstate(all="ignore"):
        whole = np.asarray(function(mi.asarray(a), mi.asarray(b)))
        for start in range(1, 9):
            part = np.asarray(function(mi.asarray(a[start:]),
                                       mi.asarray(b[start:])))
            assert np.array_equal(part, whole[start:], equal_nan=True)
        strided = np.asarray(function(mi.asarray(np.repeat(a, 2))[::2],
                                      mi.asarray(np.repeat(b, 3))[::3]))
        assert np.array_equal(strided, whole, equal_nan=True)
        backwards = np.asarray(function(mi.asarray(a)[::-1],
                                        mi.asarray(b)[::-1]))
        assert np.array_equal(backwards, whole[::-1], equal_nan=True)
        for k in (0, 7, 500):
            one = mi.asarray(np.full_like(a, b[k]))
            column = np.asarray(function(mi.asarray(a), one))
            scalar = np.asarray(function(mi.asarray(a), b[k].item()))
            assert np.array_equal(scalar, column, equal_nan=True)
            scalar_type = mi.float64 if dtype == np.float64 else mi.float32
            alone = np.asarray(function(scalar_type(a[k]),
                                        scalar_type(b[k])))
            assert np.array_equal(alone, whole[k], equal_nan=True)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", BINARY)
def test_binary_accumulate_reads_each_result_back(name, dtype):
    """accumulate's input is its own output one item back: a loop that
    read a block ahead of its writes would compute from stale items (it
    did, 20% off, before the vector loop checked for overlap).  The
    serial order gives NumPy's result up to the function's last bit."""
    a = np.linspace(0.9, 1.1, 60, dtype=dtype)
    for n in (a, a.reshape(6, 10), a.reshape(6, 10).T, a[::-3]):
        for axis in range(n.ndim):
            want = getattr(np, name).accumulate(n, axis=axis)
            got = np.asarray(getattr(mi, name).accumulate(mi.asarray(n),
                                                          axis=axis))
            assert np.all(ulps(got, want) <= 4 * n.shape[axis]), (n.shape,
                                                                  axis)
    # An out= one item past an input is read as if copied first (NumPy's
    # rule), never as a running recurrence.
    x = np.linspace(0.5, 1.5, 100, dtype=dtype)
    y, m = x.copy(), mi.asarray(x.copy())
    getattr(np, name)(y[:-1], x[1:], out=y[1:])
    getattr(mi, name)(m[:-1], mi.asarray(x)[1:], out=m[1:])
    assert np.all(ulps(np.asarray(m), y) <= 2)


def test_the_build_says_whether_it_vectorises():
    assert isinstance(_kernels.VECTOR_MATH, bool)


if __name__ == "__main__":
    print(f"vector math: {_kernels.VECTOR_MATH}")
    print("| function | float64: from NumPy / from exact (NumPy's) "
          "| float32: from NumPy / from exact (NumPy's) |")
    print("|---|---|---|")
    for name in FUNCTIONS + BINARY:
        cells = []
        for dtype in DTYPES:
            x, minind, numpy, exact = (measure_pair if name in BINARY
                                       else measure)(name, dtype)
            cells.append(f"{ulps(minind, numpy).max()} / "
                         f"{ulps(minind, exact).max()} "
                         f"({ulps(numpy, exact).max()})")
        print(f"| `{name}` | " + " | ".join(cells) + " |")
