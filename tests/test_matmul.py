"""Matrix products (``_matmul``) and ``mi.linalg`` against NumPy.

Every product is drawn with its operands in every layout (C, F, sliced
with negative steps, transposed, broadcast with zero strides, read-only),
in every dtype (bool, all integers, float32, float64), with empty axes,
vectors and broadcast stacks, and compared with NumPy: dtype, shape,
strides, flags and values.  Integer products must agree exactly,
wraparound included.  Float products are drawn with small integer values
(every partial sum is exact, so any summation order gives NumPy's bits);
``test_float_products_to_rounding`` then checks random floats to within a
tolerance that grows with the length of the sums, since NumPy's BLAS adds
in another order than minind's kernel.
"""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

import minind as mi
from strategies import (NP_DTYPES, assert_same, assert_same_scalar,
                        twin_of)

SIDES = st.integers(0, 5)
PRODUCT_LAYOUTS = ["C", "F", "sliced", "transposed", "broadcast",
                   "readonly"]


def small_values(dtype, small=False):
    """Values whose products and sums are exact in every dtype: the full
    range for integers and bool (they wrap exactly), small integers for
    floats and for operands that are computed in a float dtype."""
    if dtype.kind == "f":
        return st.integers(-8, 8).map(float)
    if small and dtype.kind != "b":
        return st.integers(0 if dtype.kind == "u" else -8, 8)
    return hnp.from_dtype(dtype)


def exact_arrays(dtype, shape, small=False):
    return hnp.arrays(dtype, shape, elements=small_values(dtype, small))


@st.composite
def product_shapes(draw):
    """Shapes of a matmul's operands: matrices or vectors, with loop axes
    that broadcast against each other."""
    n, k, m = draw(SIDES), draw(SIDES), draw(SIDES)
    loop = tuple(draw(st.lists(st.integers(0, 3), max_size=2)))
    shapes = []
    for core in ((n, k), (k, m)):
        if draw(st.integers(0, 3)) == 0:
            shapes.append(core[1:] if core == (n, k) else core[:1])
            continue
        depth = draw(st.integers(0, len(loop)))
        own = tuple(1 if draw(st.booleans()) else length
                    for length in loop[len(loop) - depth:])
        shapes.append(own + core)
    return tuple(shapes)


def dtype_pairs():
    same = st.sampled_from(NP_DTYPES).map(lambda d: (d, d))
    mixed = st.tuples(st.sampled_from(NP_DTYPES), st.sampled_from(NP_DTYPES))
    return st.one_of(same, same, mixed)


@st.composite
def twin_values(draw, dtype, shape, layouts=PRODUCT_LAYOUTS, small=False):
    """A (MiniArray, NumPy array) twin of exactly ``shape`` in a drawn
    layout, holding exact values (see small_values)."""
    layout = draw(st.sampled_from(layouts))
    values = draw(exact_arrays(dtype, shape, small))
    if len(shape) == 0:
        layout = "C"
    if layout == "broadcast":
        cut = [draw(st.booleans()) for _ in shape]
        index = tuple(slice(0, 1) if c else slice(None) for c in cut)
        base = np.array(values[index], order=draw(st.sampled_from("CF")))
        return twin_of("broadcast", np.broadcast_to(base, shape))
    if layout == "readonly":
        n = np.array(values)
        n.flags.writeable = False
        return twin_of("readonly", n)
    if layout in ("C", "F"):
        return twin_of(layout, np.array(values, order=layout))
    if layout == "transposed":
        perm = draw(st.permutations(range(len(shape))))
        inverse = tuple(int(p) for p in np.argsort(perm))
        base = np.ascontiguousarray(values.transpose(perm))
        return twin_of("transposed", base.transpose(inverse))
    # sliced: every |step|-th element of a bigger array, reversed for a
    # negative step.
    steps = [draw(st.sampled_from([1, 2, -1, -2])) for _ in shape]
    big = np.zeros(tuple(max(1, n * abs(s)) for n, s in zip(shape, steps)),
                   dtype)
    view = big[tuple(slice(None, n * abs(s), abs(s))
                     for n, s in zip(shape, steps))]
    view = view[tuple(slice(None, None, -1) if s < 0 else slice(None)
                      for s in steps)]
    view[...] = values
    return twin_of("sliced", view)


def draw_pair(data, dtypes, shapes, small=False):
    """Two twins; small values when their product is computed in a float
    dtype (int64 with uint64 is float64)."""
    small = small or np.result_type(*dtypes).kind == "f"
    return (data.draw(twin_values(dtypes[0], shapes[0], small=small)),
            data.draw(twin_values(dtypes[1], shapes[1], small=small)))


def assert_result(got, want):
    """minind's result is NumPy's: an array in every layout attribute, a
    scalar as a scalar."""
    if isinstance(want, np.ndarray):
        assert_same(got, want)
    else:
        assert_same_scalar(got, want)


def minind_class(error):
    """The class minind raises for NumPy's ``error``: its own AxisError
    and UFuncTypeError (NumPy raises private subclasses of the latter),
    else the same built-in class."""
    if isinstance(error, np.exceptions.AxisError):
        return mi.AxisError
    if any(c.__name__ == "UFuncTypeError" for c in type(error).__mro__):
        return mi.UFuncTypeError
    return type(error)


def numpy_outcome(function, *args, **kwargs):
    try:
        return function(*args, **kwargs), None
    except Exception as error:          # the oracle's exception
        return None, error


# ---------------------------------------------------------------------------
# matmul
# ---------------------------------------------------------------------------

@given(data=st.data(), shapes=product_shapes(), dtypes=dtype_pairs())
def test_matmul_like_numpy(data, shapes, dtypes):
    (m1, n1), (m2, n2) = draw_pair(data, dtypes, shapes)
    want, error = numpy_outcome(np.matmul, n1, n2)
    if error is not None:
        with pytest.raises(minind_class(error)):
            mi.matmul(m1, m2)
        return
    assert_result(mi.matmul(m1, m2), want)
    assert_result(m1 @ m2, want)


@given(data=st.data(), shapes=product_shapes(),
       dtype=st.sampled_from(NP_DTYPES),
       order=st.sampled_from(["K", "C", "F", "A"]))
def test_matmul_order(data, shapes, dtype, order):
    (m1, n1) = data.draw(twin_values(dtype, shapes[0]))
    (m2, n2) = data.draw(twin_values(dtype, shapes[1]))
    want, error = numpy_outcome(np.matmul, n1, n2, order=order)
    if error is None:
        assert_result(mi.matmul(m1, m2, order=order), want)


@pytest.mark.parametrize("dtype", NP_DTYPES)
@pytest.mark.parametrize("shapes", [
    ((130, 300), (300, 270)),        # crosses every block edge
    ((3, 70, 129), (129, 5)),        # a stack, depth past one block
    ((300, 257), (257,)),            # matrix @ vector
    ((257,), (257, 300)),            # vector @ matrix
    ((1000,), (1000,)),              # a long inner product
])
def test_blocked_products(dtype, shapes):
    """Products larger than the kernel's blocks, in C and F layouts and
    transposed, exact for integers (wrapping) and small-valued floats."""
    rng = np.random.default_rng(sum(map(sum, shapes)))
    operands = []
    for shape in shapes:
        if dtype.kind == "f":
            n = rng.integers(-4, 5, shape).astype(dtype)
        elif dtype.kind == "b":
            n = rng.random(shape) < 0.01
        else:
            n = rng.integers(0, 2**64, shape, np.uint64).astype(dtype)
        operands.append(n)
    want = np.matmul(*operands)
    for orders in ("CC", "FC", "CF", "FF"):
        pair = [np.array(n, order=o) for n, o in zip(operands, orders)]
        assert_result(mi.matmul(*[mi.asarray(n) for n in pair]), want)


@settings(max_examples=30)
@given(n=st.integers(1, 40), k=st.integers(1, 300), m=st.integers(1, 40),
       dtype=st.sampled_from([np.float32, np.float64]),
       transpose=st.booleans(), seed=st.integers(0, 2**32 - 1))
def test_float_products_to_rounding(n, k, m, dtype, transpose, seed):
    """Random floats: equal to NumPy's BLAS within k rounding errors of
    the sum of absolute products (the bound on any summation order)."""
    rng = np.random.default_rng(seed)
    a = rng.uniform(-1, 1, (n, k)).astype(dtype)
    b = rng.uniform(-1, 1, (k, m)).astype(dtype)
    if transpose:
        a = np.asfortranarray(a)
    got = np.asarray(mi.asarray(a) @ mi.asarray(b))
    want = a @ b
    assert got.dtype == want.dtype and got.shape == want.shape
    bound = np.abs(a).astype(np.float64) @ np.abs(b).astype(np.float64)
    eps = np.finfo(dtype).eps
    assert np.all(np.abs(got.astype(np.float64) - want) <= 2 * k * eps * bound
                  + np.finfo(dtype).tiny)


def test_bool_is_or_of_ands():
    """A bool view of bytes other than 0/1 is True, and True + True does
    not wrap to False however many terms there are."""
    raw = np.array([[2, 0, 4], [0, 0, 0]], np.uint8)
    a = mi.asarray(raw).view(mi.bool_)
    b = mi.ones((3, 2), dtype=mi.bool_)
    want = raw.view(np.bool_) @ np.ones((3, 2), np.bool_)
    assert_result(a @ b, want)
    long = mi.ones(512, dtype=mi.bool_)
    assert_result(long @ long, np.ones(512, bool) @ np.ones(512, bool))


@given(data=st.data(), shapes=product_shapes(),
       dtypes=st.tuples(st.sampled_from(NP_DTYPES),
                        st.sampled_from(NP_DTYPES)),
       layout=st.sampled_from(["C", "F", "sliced", "transposed"]),
       casting=st.sampled_from(["same_kind", "unsafe", "safe"]))
def test_matmul_out(data, shapes, dtypes, layout, casting):
    """out= in any layout and any dtype the casting rule allows: the
    result is written there and out itself is returned."""
    (m1, n1) = data.draw(twin_values(dtypes[0], shapes[0]))
    (m2, n2) = data.draw(twin_values(dtypes[0], shapes[1]))
    try:
        shape = np.matmul(n1, n2).shape
    except ValueError:
        return
    out_m, out_n = data.draw(twin_values(dtypes[1], shape,
                                         [layout] if shape else ["C"]))
    before = out_n.copy()
    want, error = numpy_outcome(np.matmul, n1, n2, out=out_n,
                                casting=casting)
    if error is not None:
        with pytest.raises(minind_class(error)):
            mi.matmul(m1, m2, out=out_m, casting=casting)
        np.testing.assert_array_equal(np.asarray(out_m), before)
        return
    assert mi.matmul(m1, m2, out=out_m, casting=casting) is out_m
    np.testing.assert_array_equal(np.asarray(out_m), want, strict=True)


@given(data=st.data(), dtypes=st.tuples(st.sampled_from(NP_DTYPES),
                                        st.sampled_from(NP_DTYPES)),
       forced=st.sampled_from(NP_DTYPES),
       casting=st.sampled_from(["same_kind", "unsafe", "safe", "no"]))
def test_matmul_dtype_and_casting(data, dtypes, forced, casting):
    (m1, n1), (m2, n2) = draw_pair(data, dtypes, ((2, 3), (3, 2)),
                                   small=True)
    want, error = numpy_outcome(np.matmul, n1, n2, dtype=forced,
                                casting=casting)
    if error is not None:
        with pytest.raises(minind_class(error), match=_escaped(error)):
            mi.matmul(m1, m2, dtype=forced, casting=casting)
        return
    assert_result(mi.matmul(m1, m2, dtype=forced, casting=casting), want)


def _escaped(error):
    import re
    return "^" + re.escape(str(error)) + "$"


def test_operands_that_overlap_the_output():
    """a @= b, and out= sharing memory with an input: computed as if
    into a fresh array, then copied."""
    n = np.arange(16.0).reshape(4, 4)
    m = mi.asarray(n.copy())
    m @= m
    np.testing.assert_array_equal(np.asarray(m), n @ n)
    n2 = n.copy()
    m2 = mi.asarray(n2)
    result = mi.matmul(m2.T, m2, out=m2)
    assert result is m2
    np.testing.assert_array_equal(n2, n.T @ n)
    base = mi.arange(32.0).reshape(2, 4, 4)
    expected = np.arange(32.0).reshape(2, 4, 4)
    mi.matmul(base[0], base[1], out=base[1])
    np.testing.assert_array_equal(np.asarray(base[1]),
                                  expected[0] @ expected[1])


def test_operators_and_numpy_operands():
    n = np.arange(6).reshape(2, 3)
    m = mi.asarray(n)
    assert_result(m @ n.T, n @ n.T)          # __matmul__
    assert_result(n @ m.T, n @ n.T)          # NumPy defers: __array_ufunc__
    assert_result([[1, 2]] @ m, np.array([[1, 2]]) @ n)   # __rmatmul__
    assert_result(np.matmul(m, n.T), n @ n.T)
    assert_result(np.vecdot(m, m), np.vecdot(n, n))
    assert_result(m[0] @ m[1], n[0] @ n[1])  # a scalar
    i = mi.ones((3, 3), dtype=mi.int64)
    with pytest.raises(mi.UFuncTypeError):
        i @= mi.ones((3, 3))
    with pytest.raises(ValueError):
        i @= mi.ones((3, 4), dtype=mi.int64)
    np.testing.assert_array_equal(np.asarray(i), np.ones((3, 3)))


ERRORS = [
    ((2, 3), (2, 4), {}),
    ((3,), (2,), {}),
    ((4, 3), (2,), {}),
    ((), (3,), {}),
    ((3,), (), {}),
    ((2, 3, 4), (3, 4, 5), {}),
    ((2, 3, 4), (1, 3, 4, 5), {}),
    ((3, 3), (3, 3), {"out": (3, 4)}),
    ((3, 3), (3, 3), {"out": (2, 3)}),
    ((3, 3), (3, 3), {"out": ()}),
    ((3, 3), (3,), {"out": (3, 1)}),
    ((2, 3, 3), (3, 3), {"out": (3, 3, 3)}),
    ((3, 2, 2), (3, 2, 2), {"out": (1, 2, 2)}),
    ((3, 2, 2), (3, 2, 2), {"out": (2, 2)}),
    ((0, 1, 1), (0, 1, 1), {"out": (1, 1, 1)}),
    ((5, 3, 2, 2), (3, 2, 2), {"out": (5, 1, 2, 2)}),
    ((3, 1, 2, 2), (3, 2, 2), {"out": (1, 3, 2, 2)}),
    ((3, 3), (3, 3), {"casting": "bad"}),
    ((3, 3), (3, 3), {"order": "X"}),
    ((3, 3), (3, 3), {"dtype": np.int64}),
    ((3, 3), (3, 3), {"out": (3, 3), "out_dtype": np.int64}),
    ((3, 3), (3, 3), {"out": (3, 3), "readonly": True}),
]


@pytest.mark.parametrize("left, right, options", ERRORS)
def test_matmul_errors_are_numpys(left, right, options):
    """The same exception class and message as NumPy's."""
    options = dict(options)
    out_dtype = options.pop("out_dtype", np.float64)
    readonly = options.pop("readonly", False)
    np_kwargs, mi_kwargs = dict(options), dict(options)
    if "out" in options:
        out = np.zeros(options["out"], out_dtype)
        out.flags.writeable = not readonly
        np_kwargs["out"] = out
        mi_kwargs["out"] = mi.asarray(out)
    n1, n2 = np.ones(left), np.ones(right)
    with pytest.raises(Exception) as expected:
        np.matmul(n1, n2, **np_kwargs)
    with pytest.raises(minind_class(expected.value),
                       match=_escaped(expected.value)):
        mi.matmul(mi.asarray(n1), mi.asarray(n2), **mi_kwargs)


def test_zero_d_operands():
    for args in ((2, mi.ones(3)), (mi.ones(3), 2.0), (mi.float64(1), [1]),
                 (mi.ones(3), None)):
        with pytest.raises(ValueError, match="does not have enough"):
            mi.matmul(*args)
    with pytest.raises(TypeError, match="return arrays must be"):
        mi.matmul(mi.ones((2, 2)), mi.ones((2, 2)), out=[1])


# ---------------------------------------------------------------------------
# dot, vdot, inner, outer, tensordot, vecdot
# ---------------------------------------------------------------------------

@st.composite
def dot_shapes(draw):
    """Shapes for dot: any ndim 0..3, the contracted axes equal (or not,
    now and then)."""
    k = draw(SIDES)
    ndim_a, ndim_b = draw(st.integers(0, 3)), draw(st.integers(0, 3))
    a = [draw(SIDES) for _ in range(ndim_a)]
    b = [draw(SIDES) for _ in range(ndim_b)]
    if ndim_a and draw(st.integers(0, 9)):
        a[-1] = k
    if ndim_b and draw(st.integers(0, 9)):
        b[-2 if ndim_b > 1 else 0] = k
    return tuple(a), tuple(b)


@given(data=st.data(), shapes=dot_shapes(), dtypes=dtype_pairs())
def test_dot_like_numpy(data, shapes, dtypes):
    (m1, n1), (m2, n2) = draw_pair(data, dtypes, shapes)
    want, error = numpy_outcome(np.dot, n1, n2)
    if error is not None:
        with pytest.raises(minind_class(error), match=_escaped(error)):
            mi.dot(m1, m2)
        return
    got = mi.dot(m1, m2)
    if (0 in (n1.ndim, n2.ndim) and n1.dtype != n2.dtype and want.ndim
            and (want.dtype.kind != "f" or want.ndim > 2)):
        # NumPy's 0-d dot converts the operands with its legacy casting
        # code, whose layouts (C for some dtype pairs, F-like for others)
        # minind does not copy: compare everything but the strides.
        assert got.dtype == want.dtype and got.shape == want.shape
        np.testing.assert_array_equal(np.asarray(got), want, strict=True)
        return
    assert_result(got, want)
    assert_result(m1.dot(m2), want)


@given(data=st.data(), shapes=dot_shapes(), dtype=st.sampled_from(NP_DTYPES),
       out_dtype=st.sampled_from(NP_DTYPES), transposed=st.booleans())
def test_dot_out(data, shapes, dtype, out_dtype, transposed):
    (m1, n1) = data.draw(twin_values(dtype, shapes[0]))
    (m2, n2) = data.draw(twin_values(dtype, shapes[1]))
    try:
        shape = np.dot(n1, n2).shape
    except ValueError:
        return
    out_n = np.zeros(shape, out_dtype)
    if transposed:
        out_n = out_n.T
    out_m = mi.asarray(out_n)
    result_type = np.result_type(n1, n2)
    if (0 in (n1.ndim, n2.ndim) and out_dtype != result_type
            and (result_type.kind != "f" or max(n1.ndim, n2.ndim) > 2)):
        # NumPy's 0-d dot checks out= by neither multiply's casting rule
        # (which minind applies) nor the exact dtype: it takes an int8
        # out for int64 * int8 (its BLAS path, float up to 2-d, wants the
        # exact dtype, and minind does the same there).
        return
    want, error = numpy_outcome(np.dot, n1, n2, out=out_n)
    if error is not None:
        with pytest.raises(minind_class(error), match=_escaped(error)):
            mi.dot(m1, m2, out=out_m)
        return
    got = mi.dot(m1, m2, out=out_m)
    if isinstance(want, np.ndarray):
        assert got is out_m
    np.testing.assert_array_equal(np.asarray(out_m), out_n, strict=True)


@given(data=st.data(), shapes=dot_shapes(), dtypes=dtype_pairs())
def test_inner_vdot_outer(data, shapes, dtypes):
    (m1, n1), (m2, n2) = draw_pair(data, dtypes, shapes)
    for name in ("inner", "vdot", "outer"):
        want, error = numpy_outcome(getattr(np, name), n1, n2)
        if error is not None:
            with pytest.raises(minind_class(error)):
                getattr(mi, name)(m1, m2)
            continue
        assert_result(getattr(mi, name)(m1, m2), want)


@given(data=st.data(), dtypes=dtype_pairs(),
       shape=st.lists(st.integers(0, 4), min_size=0, max_size=4),
       count=st.integers(0, 4), explicit=st.booleans())
def test_tensordot(data, dtypes, shape, count, explicit):
    count = min(count, len(shape))
    shape_a = tuple(shape)
    tail = list(shape_a[len(shape_a) - count:])
    extra = data.draw(st.lists(st.integers(0, 3), max_size=2))
    shape_b = tuple(tail) + tuple(extra)
    (m1, n1), (m2, n2) = draw_pair(data, dtypes, (shape_a, shape_b))
    if explicit:
        axes = (list(range(len(shape_a) - count, len(shape_a))),
                list(range(count)))
        perm = data.draw(st.permutations(range(count)))
        axes = ([axes[0][p] for p in perm], [axes[1][p] for p in perm])
    else:
        axes = count
    want = np.tensordot(n1, n2, axes)
    assert_result(mi.tensordot(m1, m2, axes), want)
    assert_result(mi.linalg.tensordot(m1, m2, axes=axes), want)


@given(data=st.data(), shapes=product_shapes(), dtypes=dtype_pairs(),
       axis=st.integers(-3, 2))
def test_vecdot(data, shapes, dtypes, axis):
    (m1, n1), (m2, n2) = draw_pair(data, dtypes, shapes)
    want, error = numpy_outcome(np.vecdot, n1, n2, axis=axis)
    if error is not None:
        with pytest.raises(minind_class(error)):
            mi.vecdot(m1, m2, axis=axis)
        return
    got = mi.vecdot(m1, m2, axis=axis)
    assert_result(got, want)
    if isinstance(want, np.ndarray):        # a new array, not a view
        assert got.base is None and got.flags.owndata
    assert_result(mi.linalg.vecdot(m1, m2, axis=axis), want)


def test_family_errors_are_numpys():
    cases = [
        ("dot", (np.ones((2, 4, 6)), np.ones((3, 5, 5)))),
        ("dot", (np.ones(3), np.ones(4))),
        ("inner", (np.ones((2, 3)), np.ones((2, 4)))),
        ("vdot", (np.ones((2, 3)), np.ones((3, 3)))),
        ("tensordot", (np.ones((2, 3)), np.ones((3, 2)), 2)),
        ("vecdot", (np.ones((2, 3)), np.ones(2))),
        ("vecdot", (np.ones((2, 3)), 2.0)),
        ("vecdot", (np.ones((2, 3)), np.ones((4, 3)))),
        ("vecdot", (np.ones((2, 1, 3)), np.ones((4, 5, 3)))),
    ]
    for name, args in cases:
        with pytest.raises(Exception) as expected:
            getattr(np, name)(*args)
        mine = [mi.asarray(a) if isinstance(a, np.ndarray) else a
                for a in args]
        with pytest.raises(minind_class(expected.value),
                           match=_escaped(expected.value)):
            getattr(mi, name)(*mine)
    with pytest.raises(ValueError, match="must be one-dimensional"):
        mi.linalg.outer(mi.ones((2, 2)), mi.ones(2))


def test_python_numbers_are_strong_in_dot():
    """dot converts its operands to arrays first: a Python int is int64
    (unlike ``3 * int8_array``)."""
    assert_result(mi.dot(3, mi.ones((2, 3), dtype=mi.int8)),
                  np.dot(3, np.ones((2, 3), np.int8)))
    assert_result(mi.dot(3, 4), np.dot(3, 4))
    assert_result(mi.outer(2, 3), np.outer(2, 3))


# ---------------------------------------------------------------------------
# linalg
# ---------------------------------------------------------------------------

VECTOR_ORDS = [None, 2, 1, np.inf, -np.inf, 0, 3, 0.5, -1]
MATRIX_ORDS = [None, "fro", 1, -1, np.inf, -np.inf]


def assert_norm(got, want, dtype):
    if isinstance(want, np.ndarray):
        assert isinstance(got, mi.MiniArray)
        assert got.shape == want.shape
    else:
        assert isinstance(got, mi.generic)
    got = np.asarray(got)
    assert got.dtype == want.dtype
    rtol = 16 * np.finfo(want.dtype).eps
    np.testing.assert_allclose(got, want, rtol=rtol, atol=0,
                               equal_nan=True)


norm_dtypes = st.sampled_from([np.dtype(n) for n in
                               ("float64", "float32", "int16", "bool")])


@given(data=st.data(), dtype=norm_dtypes,
       shape=hnp.array_shapes(min_dims=1, max_dims=3, min_side=1,
                              max_side=5),
       ord=st.sampled_from(VECTOR_ORDS), keepdims=st.booleans())
def test_vector_norms(data, dtype, shape, ord, keepdims):
    m, n = data.draw(twin_values(dtype, shape))
    axis = data.draw(st.integers(-len(shape), len(shape) - 1))
    with np.errstate(all="ignore"):
        want = np.linalg.norm(n, ord=ord, axis=axis, keepdims=keepdims)
    assert_norm(mi.linalg.norm(m, ord=ord, axis=axis, keepdims=keepdims),
                want, dtype)
    with np.errstate(all="ignore"):
        want = np.linalg.vector_norm(n, ord=2 if ord is None else ord,
                                     keepdims=keepdims)
    assert_norm(mi.linalg.vector_norm(m, ord=2 if ord is None else ord,
                                      keepdims=keepdims), want, dtype)


@given(data=st.data(), dtype=norm_dtypes,
       shape=hnp.array_shapes(min_dims=2, max_dims=3, min_side=1,
                              max_side=5),
       ord=st.sampled_from(MATRIX_ORDS), keepdims=st.booleans())
def test_matrix_norms(data, dtype, shape, ord, keepdims):
    m, n = data.draw(twin_values(dtype, shape))
    axes = data.draw(st.permutations(range(len(shape))))[:2]
    want = np.linalg.norm(n, ord=ord, axis=tuple(axes), keepdims=keepdims)
    assert_norm(mi.linalg.norm(m, ord=ord, axis=tuple(axes),
                               keepdims=keepdims), want, dtype)
    ord = "fro" if ord is None else ord
    want = np.linalg.matrix_norm(n, ord=ord, keepdims=keepdims)
    assert_norm(mi.linalg.matrix_norm(m, ord=ord, keepdims=keepdims), want,
                dtype)


@given(data=st.data(), dtype=norm_dtypes,
       shape=hnp.array_shapes(min_dims=1, max_dims=2, min_side=0,
                              max_side=5), keepdims=st.booleans())
def test_whole_array_norm(data, dtype, shape, keepdims):
    m, n = data.draw(twin_values(dtype, shape))
    assert_norm(mi.linalg.norm(m, keepdims=keepdims),
                np.linalg.norm(n, keepdims=keepdims), dtype)


def test_embedding_normalisation():
    """The tutorial's example: unit-length rows."""
    rng = np.random.default_rng(7)
    embeddings = rng.standard_normal((50, 16)).astype(np.float32)
    e = mi.asarray(embeddings)
    got = mi.linalg.norm(e, axis=1, keepdims=True)
    want = np.linalg.norm(embeddings, axis=1, keepdims=True)
    assert_norm(got, want, np.float32)
    np.testing.assert_allclose(np.asarray(e / got), embeddings / want,
                               rtol=1e-6)


def test_norm_errors():
    m = mi.ones((2, 3))
    for kwargs, error in [({"ord": "fro"}, None), ({"ord": 3}, None),
                          ({"axis": (0, 0)}, None),
                          ({"axis": (0, 1, 1)}, None),
                          ({"ord": "nuc"}, NotImplementedError),
                          ({"ord": 2}, NotImplementedError),
                          ({"ord": -2}, NotImplementedError)]:
        subject = mi.ones(3) if kwargs.get("ord") == "fro" else m
        if error is None:
            with pytest.raises(Exception) as expected:
                np.linalg.norm(np.asarray(subject), **kwargs)
            error = minind_class(expected.value)
            match = _escaped(expected.value)
        else:
            match = "singular values"
        with pytest.raises(error, match=match):
            mi.linalg.norm(subject, **kwargs)
    with pytest.raises(mi.AxisError):
        mi.linalg.norm(m, axis=2)


def test_linalg_namespace():
    assert mi.linalg.matmul is mi.matmul
    assert mi.linalg.matrix_transpose is mi.matrix_transpose
    n = np.arange(6.0)
    assert_result(mi.linalg.outer(mi.asarray(n), mi.asarray(n)),
                  np.linalg.outer(n, n))
    for name in mi.linalg.__all__:
        assert hasattr(np.linalg, name), name


@pytest.mark.parametrize("name", ["matmul", "vecdot"])
def test_gufuncs_are_objects_as_in_numpy(name):
    """NumPy's matmul and vecdot are ufunc objects: stored on a class they
    stay themselves (a function would become a method and take ``self``
    as its first operand), and they carry the ufunc attributes."""
    import pickle
    mine, theirs = getattr(mi, name), getattr(np, name)

    class Holder:
        function = mine

    a = np.arange(6.0).reshape(2, 3)
    b = np.arange(6.0).reshape(3, 2) if name == "matmul" else a
    got = Holder().function(mi.asarray(a), mi.asarray(b))
    np.testing.assert_array_equal(np.asarray(got), theirs(a, b))
    for attribute in ("__name__", "signature", "nin", "nout", "nargs",
                      "identity"):
        assert getattr(mine, attribute) == getattr(theirs, attribute)
    assert repr(mine) == repr(theirs)
    assert pickle.loads(pickle.dumps(mine)) is mine
    # The other ufunc methods: NumPy's errors for a gufunc (NumPy's
    # test_at_not_none_signature).
    ones = np.ones((2, 2, 2))
    for method, args in (("at", (ones, [0], ones[:1])), ("reduce", (ones,)),
                         ("accumulate", (ones,)), ("reduceat", (ones, [0])),
                         ("outer", (ones, ones))):
        with pytest.raises(Exception) as numpys:
            getattr(theirs, method)(*args)
        with pytest.raises(type(numpys.value)) as minds:
            getattr(mine, method)(*[mi.asarray(a) if isinstance(
                a, np.ndarray) else a for a in args])
        assert str(minds.value) == str(numpys.value)


@pytest.mark.parametrize("shapes", [((3, 3), (3,)), ((3,), (3,)),
                                    ((3,), (3, 3)), ((2, 3), (3, 3)),
                                    ((4, 2, 3), (3, 3)), ((3,), ()),
                                    ((), (3, 3))])
def test_in_place_matmul_is_numpys(shapes):
    """a @= b needs a matrix b (NumPy refuses a 1-d one, whose product
    would lose an axis of a; 0-d operands get matmul's own error) and
    writes into a."""
    results = []
    for lib in (np, mi):
        a = lib.ones(shapes[0]) * 2
        b = lib.ones(shapes[1]) + 1
        try:
            a @= b
        except Exception as error:
            results.append((type(error), str(error)))
        else:
            results.append(np.asarray(a).tolist())
    assert results[0] == results[1]


# ---------------------------------------------------------------------------
# vecdot, matvec, vecmat: NumPy's gufunc arguments axes=, axis=,
# keepdims=, out=
# ---------------------------------------------------------------------------

# Each gufunc's number of output core axes.
GUFUNC_OUT_CORES = {"vecdot": 0, "matvec": 1, "vecmat": 1}


@st.composite
def gufunc_call(draw, name):
    """Operand shapes for ``name`` with their core axes anywhere (and the
    ``axes`` that say where), or plain; sometimes ``axis`` (any for
    vecdot, which NumPy may refuse; refused for the others) and
    ``keepdims``."""
    out_core = GUFUNC_OUT_CORES[name]
    n, m = draw(SIDES), draw(SIDES)
    cores = {"vecdot": ((n,), (n,)), "matvec": ((m, n), (n,)),
             "vecmat": ((n,), (n, m))}[name]
    loop = tuple(draw(st.lists(st.integers(1, 3), max_size=2)))
    shapes, entries = [], []
    for core in cores:
        depth = draw(st.integers(0, len(loop)))
        own = list(loop[len(loop) - depth:])
        # the core axes inserted at drawn places, in the signature's order
        places = sorted(draw(st.lists(st.integers(0, len(own) + len(core)),
                                      min_size=len(core),
                                      max_size=len(core), unique=True)))
        shape = own[:]
        for place, length in zip(places, core):
            shape.insert(place, length)
        shapes.append(tuple(shape))
        negative = draw(st.booleans())
        entry = tuple(p - len(shape) if negative else p for p in places)
        entries.append(entry[0] if len(entry) == 1 and draw(st.booleans())
                       else entry)
    kwargs = {}
    keepdims = draw(st.booleans()) if name == "vecdot" else False
    style = draw(st.sampled_from(["none", "axes", "axes+out", "axis"]))
    if style == "axis" and name == "vecdot":
        kwargs["axis"] = draw(st.integers(-2, 1))
    elif style.startswith("axes"):
        kwargs["axes"] = list(entries)
        if style == "axes+out" and out_core:
            kwargs["axes"].append(draw(st.integers(-1, 0)))
    elif style == "axis":
        kwargs["axis"] = 0              # refused: not one shared core axis
    if keepdims:
        kwargs["keepdims"] = True
    return shapes, kwargs


@given(data=st.data(), name=st.sampled_from(sorted(GUFUNC_OUT_CORES)),
       dtypes=dtype_pairs())
def test_gufunc_arguments_like_numpy(data, name, dtypes):
    """axes= (ints and tuples, negative or not, the output's core placed
    too), axis=, keepdims= and out= (positional or by name, of another
    dtype, stretching the result, or refused): NumPy's result or error."""
    shapes, kwargs = data.draw(gufunc_call(name), label="call")
    (m1, n1), (m2, n2) = draw_pair(data, dtypes, shapes)
    want, error = numpy_outcome(getattr(np, name), n1, n2, **kwargs)
    if error is not None:
        with pytest.raises(minind_class(error)):
            getattr(mi, name)(m1, m2, **kwargs)
        return
    got = getattr(mi, name)(m1, m2, **kwargs)
    assert_result(got, want)
    if isinstance(want, np.ndarray):        # a new array, not a view
        assert got.base is None and got.flags.owndata
    # out=: the result's shape, or one stretching it along a new axis,
    # in a dtype the result casts to (or not, under 'same_kind').
    shape = np.shape(want)
    if data.draw(st.booleans(), label="stretch out"):
        shape = (2,) + shape
    out_dtype = data.draw(st.sampled_from(NP_DTYPES), label="out dtype")
    n_out, m_out = np.zeros(shape, out_dtype), mi.zeros(shape, out_dtype.name)
    positional = data.draw(st.booleans(), label="out positional")
    call = (lambda lib, a, b, o: getattr(lib, name)(a, b, o, **kwargs)
            if positional else
            getattr(lib, name)(a, b, out=o, **kwargs))
    want, error = numpy_outcome(call, np, n1, n2, n_out)
    if error is not None:
        with pytest.raises(minind_class(error)):
            call(mi, m1, m2, m_out)
        return
    assert call(mi, m1, m2, m_out) is m_out
    assert_same(m_out, n_out)


def test_gufunc_argument_errors_are_numpys():
    """The checks on axes=, axis= and keepdims=, and out= that would
    shrink the result, with NumPy's classes and messages."""
    a = np.arange(27.0).reshape(3, 3, 3)
    b = np.arange(10.0, 19.0).reshape(3, 1, 3)
    cases = [
        ("vecdot", (a, b), {"axes": -1}), ("vecdot", (a, b), {"axes": [-1]}),
        ("vecdot", (a, b), {"axes": [-1.0, -1.0]}),
        ("vecdot", (a, b), {"axes": [(-1.0,), -1]}),
        ("vecdot", (a, b), {"axes": [None, 1]}),
        ("vecdot", (a, b), {"axes": [-1, -1, -1]}),
        ("vecdot", (a, b), {"axes": [-1, -1, (-1,)]}),
        ("vecdot", (a, b), {"axes": [-1, (-2, -1), ()]}),
        ("vecdot", (a, b), {"axes": [0, 1]}),
        ("vecdot", (a, b), {"axes": [(0, 0), 0]}),
        ("vecdot", (a, b), {"axes": [[-1], [-1]]}),
        ("vecdot", (a, b), {"axis": 0, "axes": [0, 0]}),
        ("vecdot", (a, b), {"axis": [0]}), ("vecdot", (a, b), {"axis": 5}),
        ("vecdot", (a, b), {"keepdims": 1}),
        ("vecdot", (a, b), {"axes": [0, 0, 5], "keepdims": True}),
        ("vecdot", (np.ones((2, 3)), np.ones((3, 3))), {"keepdims": True}),
        ("vecdot", (np.ones((2, 3)), np.ones((3, 3))), {"dtype": "int8"}),
        ("matvec", (np.ones(3), np.ones(3)), {"axis": 0}),
        ("matvec", (np.ones(3), np.ones(3)), {"keepdims": True}),
        ("matvec", (np.ones(3), np.ones(3)), {}),
        ("matvec", (np.ones((2, 3)), np.ones(2)), {}),
        ("matvec", (np.ones((2, 3)), np.ones(2)), {"dtype": "int8"}),
        ("matvec", (np.ones((2, 3)), np.ones(3)), {"axes": [(0, 1), 0]}),
        ("matvec", (np.ones((4, 2, 3)), np.ones((3, 3))), {}),
        ("vecmat", (np.ones(3), np.ones((2, 3))), {}),
        # a 0-d operand: the core it lacks is the signature's (2 here)
        ("matvec", (np.float64(3), np.ones(3)), {}),
        ("vecmat", (np.ones(3), np.float64(3)), {}),
        # loops that do not broadcast, named as given (before axis= moves)
        ("vecdot", (np.ones((3, 2)), np.ones((3, 4))), {"axis": 0}),
        ("vecdot", (np.ones((3, 2)), np.ones(2)), {"out": np.empty(())}),
        ("vecdot", (np.ones((3, 2)), np.ones(2)), {"out": np.empty(1)}),
        ("vecdot", (np.ones((3, 2)), np.ones(2)), {"out": np.empty((3, 1))}),
        # out= with a unit axis where the loop has more: NumPy's iterator
        # shows out's axes as it maps them, last first
        ("vecdot", (np.ones((4, 3, 2)), np.ones((3, 2))),
         {"out": np.empty((4, 1))}),
        ("vecdot", (np.ones((0, 2)), np.ones((0, 2))), {"out": np.empty(1)}),
        ("vecmat", (np.ones((5, 3)), np.ones((3, 2))),
         {"out": np.empty((1, 2))}),
        ("matvec", (np.ones((4, 3, 2)), np.ones(2)),
         {"out": np.empty((1, 3))}),
        ("matvec", (np.ones((4, 3, 2)), np.ones(2)),
         {"out": np.empty((3, 1)), "axes": [(-2, -1), -1, 0]}),
        ("vecdot", (np.ones((3, 2)), np.ones(2)), {"out": np.empty((2, 1))}),
        ("vecdot", (np.ones((3, 2)), np.ones(2)), {"out": np.empty(4)}),
        ("vecdot", (np.ones((3, 2)), np.ones(2)),
         {"out": np.empty((1, 1)), "keepdims": True}),
    ]
    for name, (x, y), kwargs in cases:
        _, error = numpy_outcome(getattr(np, name), x, y, **kwargs)
        assert error is not None, (name, kwargs)
        mine = {k: mi.asarray(v) if isinstance(v, np.ndarray) else v
                for k, v in kwargs.items()}
        with pytest.raises(minind_class(error)) as raised:
            getattr(mi, name)(mi.asarray(x), mi.asarray(y), **mine)
        assert str(raised.value) == str(error), (name, kwargs)


def test_matvec_vecmat_out_may_be_an_input():
    """out= that is an input: the product reads the inputs as they were
    (NumPy's test_matvec_vecmat_out)."""
    a = np.arange(18.0).reshape(2, 3, 3)
    b = np.arange(6.0).reshape(2, 3)
    for name, order in (("matvec", (0, 1)), ("vecmat", (1, 0))):
        n_b, m_b = b.copy(), mi.asarray(b.copy())
        n_args, m_args = (a, n_b), (mi.asarray(a), m_b)
        want = getattr(np, name)(*[n_args[k] for k in order], out=n_b)
        got = getattr(mi, name)(*[m_args[k] for k in order], out=m_b)
        assert got is m_b and want is n_b
        assert np.asarray(m_b).tolist() == n_b.tolist()
