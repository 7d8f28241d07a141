"""``where=`` on ufunc calls and ``ufunc.at``, against NumPy.

``where=``: the inputs, the mask and ``out`` are drawn in every operand
layout (C, F, transposed, sliced with negative steps, broadcast,
read-only) with shapes that broadcast together, the mask's included (it
may stretch the result); ``out`` is a writeable view of any dtype.  The
call must do what NumPy's does: the same values in ``out`` (its old ones
where the mask is False), or the same exception and message with
``out`` untouched.  Without ``out`` NumPy's masked-off elements are
uninitialised: minind's are zeros (documented), the rest and the layout
are NumPy's.

``ufunc.at``: ``a`` in every writeable layout, indices with repeats,
negative integers, slices, masks and integer arrays, ``b`` broadcast to
``a[indices]`` in any layout and dtype; ``a`` must end up as NumPy's.
Values are kept small where a float result is cast back into an integer
``a`` (an out-of-range float-to-int cast is platform-dependent).
"""
import warnings

import numpy as np
import pytest
from hypothesis import given, strategies as st
from hypothesis.extra import numpy as hnp

import minind as mi
from strategies import DTYPE_NAMES, assert_same, dtypes, slice_plan
from test_ufunc import (BINARY, TRANSCENDENTAL, UNARY, assert_same_error,
                        assert_values, numpy_reference, outcome, rtol_for,
                        shaped_twins, writeable_views)

MASK_DTYPE = np.dtype(bool)


# ---------------------------------------------------------------------------
# where=
# ---------------------------------------------------------------------------

@st.composite
def masked_operands(draw, count):
    """``count`` input twins and a bool mask twin, mutually broadcastable
    (each in its own layout; inputs of their own dtypes), and the shape
    they broadcast to."""
    shapes = draw(hnp.mutually_broadcastable_shapes(
        num_shapes=count + 1, min_dims=0, max_dims=3, min_side=0,
        max_side=4))
    inputs = [draw(shaped_twins(dtypes, shape))
              for shape in shapes.input_shapes[:count]]
    mask = draw(shaped_twins(MASK_DTYPE, shapes.input_shapes[count]))
    return inputs, mask, shapes.result_shape


@st.composite
def out_of_shape(draw, shape):
    """A writeable (m, n) pair of ``shape`` over separate memory, in a
    writeable layout and any dtype."""
    dtype = draw(dtypes)
    layout = draw(st.sampled_from(["C", "F", "sliced", "transposed"]))
    values = np.zeros(shape, dtype) + draw(st.integers(0, 1))
    if layout in ("C", "F"):
        n = np.array(values, order=layout)
        return mi.array(n, order=layout), n
    if layout == "sliced":
        base_shape, index = draw(slice_plan(shape))
        n_base, m_base = np.ones(base_shape, dtype), np.ones(base_shape,
                                                             dtype)
        n, m_view = n_base[index], m_base[index]
    else:
        perm = draw(st.permutations(range(len(shape))))
        inverse = tuple(int(k) for k in np.argsort(perm))
        base_shape = tuple(shape[p] for p in perm)
        n = np.ones(base_shape, dtype).transpose(inverse)
        m_view = np.ones(base_shape, dtype).transpose(inverse)
    n[...] = values
    m_view[...] = values
    m = mi.asarray(m_view)
    return m, np.lib.stride_tricks.as_strided(n, n.shape, m.strides)


def assert_masked_out_call(name, m_args, n_args, m_out, n_out, m_mask,
                           n_mask):
    """``name(*args, out=out, where=mask)`` alike in both: the same
    values in out, or the same error with out untouched.  The values
    NumPy's call should leave are its unmasked result (``numpy_reference``:
    minind's documented float32-for-float16 and other differences)
    copied into out's old values under the mask."""
    before = np.array(n_out, copy=True)
    kwargs = {}
    with np.errstate(all="ignore"):
        # (Before the call: out may be one of the inputs.)
        reference = outcome(numpy_reference(name, *n_args))[1]
        plain = outcome(lambda: getattr(np, name)(*n_args))
        if plain[0] == "ok" and np.result_type(plain[1]) == np.float16:
            kwargs["dtype"] = np.float32          # minind's loop
        want = outcome(lambda: getattr(np, name)(*n_args, out=n_out,
                                                 where=n_mask, **kwargs))
    got = outcome(lambda: getattr(mi, name)(*m_args, out=m_out,
                                            where=m_mask))
    if want[0] == "raised":
        assert_same_error(got[1], want[1])
        assert_values(m_out, before)
        return
    assert got[0] == "ok", f"minind raised {got[1]!r}"
    assert got[1] is m_out
    expected = before
    if isinstance(reference, Exception):
        # Unmasked, a masked-off element fails (a negative integer
        # power): NumPy's masked call is the reference as it is.
        expected = n_out
    else:
        with np.errstate(all="ignore"):  # (float64 inf into float32...)
            np.copyto(expected, reference, casting="unsafe", where=n_mask)
    assert_values(m_out, expected, rtol_for(name, reference))


@pytest.mark.parametrize("name", BINARY)
@given(operands=masked_operands(2), data=st.data())
def test_binary_where_with_out_matches_numpy(name, operands, data):
    inputs, (m_mask, n_mask), shape = operands
    m_out, n_out = data.draw(out_of_shape(shape))
    assert_masked_out_call(name, [m for m, _ in inputs],
                           [n for _, n in inputs], m_out, n_out, m_mask,
                           n_mask)
    for m, n in inputs:                   # the inputs are untouched
        assert_same(m, n)


@pytest.mark.parametrize("name", UNARY)
@given(operands=masked_operands(1), data=st.data())
def test_unary_where_with_out_matches_numpy(name, operands, data):
    inputs, (m_mask, n_mask), shape = operands
    m_out, n_out = data.draw(out_of_shape(shape))
    assert_masked_out_call(name, [inputs[0][0]], [inputs[0][1]], m_out,
                           n_out, m_mask, n_mask)


@pytest.mark.parametrize("name", ["add", "subtract", "multiply",
                                  "true_divide", "floor_divide", "less",
                                  "logical_xor", "maximum", "bitwise_or"])
@given(operands=masked_operands(2))
def test_where_without_out_is_numpy_or_zero(name, operands):
    """A new output: NumPy's dtype, shape and layout (the mask votes on
    the memory order), NumPy's values where the mask is True, zeros
    where it is False (NumPy's are uninitialised), after NumPy's
    UserWarning."""
    inputs, (m_mask, n_mask), shape = operands
    with np.errstate(all="ignore"):
        want = outcome(lambda: getattr(np, name)(
            *[n for _, n in inputs], where=n_mask, out=None))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:           # (not ``outcome``: it would hide the warning)
            with mi.errstate(all="ignore"):          # as NumPy's call
                got = "ok", getattr(mi, name)(*[m for m, _ in inputs],
                                              where=m_mask)
        except Exception as error:      # noqa: BLE001 - compared below
            got = "raised", error
    if want[0] == "raised":
        assert_same_error(got[1], want[1])
        return
    assert got[0] == "ok", f"minind raised {got[1]!r}"
    result, expected = got[1], want[1]
    assert [w.category for w in caught] == [UserWarning]
    if not isinstance(expected, np.ndarray):
        assert isinstance(result, mi.generic)
        assert result.dtype == expected.dtype
        expected = np.asarray(expected)
        result = mi.asarray(result)
    assert result.shape == expected.shape
    assert result.strides == expected.strides
    assert result.dtype == expected.dtype
    mask = np.broadcast_to(n_mask, shape)
    got_values = np.asarray(result)
    np.testing.assert_array_equal(got_values[~mask],
                                  np.zeros_like(expected)[~mask])
    assert_values(got_values[mask], expected[mask])


def test_where_examples_from_numpy():
    """NumPy's own test_where_param and test_where_param_buffer_output."""
    a = mi.arange(7)
    c = mi.zeros(7)
    mi.add(a, mi.ones(7), out=c, where=(a % 2 == 1))
    assert c.tolist() == [0, 2, 0, 4, 0, 6, 0]
    a = mi.arange(4).reshape(2, 2) + 2
    mi.power(a, [2, 3], out=a, where=[[0, 1], [1, 0]])
    assert a.tolist() == [[2, 27], [16, 5]]
    mi.subtract(a, 2, out=a, where=[True, False])   # the mask broadcasts
    assert a.tolist() == [[0, 27], [14, 5]]
    c = 1.5 * mi.ones(10)
    mi.add(mi.ones(10, mi.int64), mi.ones(10, mi.int64), out=c,
           where=[1, 0, 0, 1, 0, 0, 1, 1, 1, 0])     # int64 cast on the way
    assert c.tolist() == [2, 1.5, 1.5, 2, 1.5, 1.5, 2, 2, 2, 1.5]


def test_where_true_and_the_warning():
    a = mi.arange(7)
    mask = a % 2 == 0
    with pytest.warns(UserWarning, match="'where' used without 'out'"):
        first = mi.add(a, a, where=mask)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        second = mi.add(a, a, where=mask, out=None)     # no warning
        third = mi.add(a, a, where=True)
    assert first.tolist() == second.tolist() == [0, 0, 4, 0, 8, 0, 12]
    assert third.tolist() == (a + a).tolist()


def test_where_scalars_and_0d():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = mi.add(1.0, 2.0, where=False)
    assert isinstance(result, mi.float64) and result == 0.0
    assert mi.add(1.0, 2.0, where=True, out=None) == 3.0
    out = mi.array(5.0)
    assert mi.add(1.0, 2.0, out=out, where=False) is out
    assert out.tolist() == 5.0


def test_masked_off_elements_are_not_computed():
    """As NumPy's masked loop: integer division by zero or a negative
    integer power where the mask is False is never done."""
    out = mi.full(2, 9)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        mi.floor_divide(mi.array([1, 2]), mi.array([0, 1]), out=out,
                        where=[False, True])
    assert out.tolist() == [9, 2]
    mi.power(mi.array([2, 2]), mi.array([-1, 2]), out=out,
             where=[False, True])
    assert out.tolist() == [9, 4]
    with pytest.raises(ValueError, match="negative integer powers"):
        mi.power(mi.array([2, 2]), mi.array([-1, 2]), out=out,
                 where=[True, False])


def test_where_mask_overlapping_out():
    """The mask is read before out is written (NumPy copies an operand
    that overlaps the output)."""
    for flip in (False, True):
        n = np.array([True, False, True, True, False])
        m = mi.array(n)
        n_out, m_out = (n[::-1], m[::-1]) if flip else (n, m)
        np.logical_not(n, out=n_out, where=n)
        mi.logical_not(m, out=m_out, where=m)
        assert m.tolist() == n.tolist()


WHERE_ERRORS = [
    # a mask that is not bool by 'safe' casting: NumPy's TypeError
    lambda xp: xp.add(xp.ones(2), 1, where=xp.asarray([1, 0])),
    lambda xp: xp.add(xp.ones(2), 1, where=xp.asarray([1.0, 0.0])),
    lambda xp: xp.negative(xp.ones(2), out=xp.ones(2),
                           where=xp.asarray([1, 0], dtype=xp.uint8)),
    lambda xp: xp.add(xp.ones(2), 1, out=xp.ones(2),
                      where=xp.asarray(1.0)),          # 0-d: "scalar"
    # the mask in NumPy's list of shapes, after out
    lambda xp: xp.add(xp.ones(2), 1, out=xp.ones(2),
                      where=[True, False, True]),
    lambda xp: xp.add(xp.ones(2), xp.ones(3), where=xp.ones((3, 2), bool)),
    # a mask may stretch the result, but not out
    lambda xp: xp.add(xp.ones(2), 1, out=xp.ones(2),
                      where=xp.ones((3, 2), bool)),
    # the casting rule for out is unchanged
    lambda xp: xp.add(xp.ones(2), 1, out=xp.ones(2, xp.int8),
                      where=[True, False]),
    lambda xp: xp.add(xp.ones(2), 1, out=xp.ones(2, xp.int8),
                      where=[True, False], casting="bogus"),
    # out given twice
    lambda xp: xp.add(xp.ones(2), 1, xp.ones(2), out=xp.ones(2),
                      where=[True, False]),
]


@pytest.mark.parametrize("call", WHERE_ERRORS)
def test_where_errors_match_numpy(call):
    want = outcome(lambda: call(np))
    got = outcome(lambda: call(mi))
    assert want[0] == "raised"
    assert_same_error(got[1], want[1])


def test_where_read_only_out():
    n_out, m_out = np.ones(2), mi.ones(2)
    n_out.flags.writeable = False
    m_out.flags.writeable = False
    want = outcome(lambda: np.add(np.ones(2), 1, out=n_out,
                                  where=[True, False]))
    got = outcome(lambda: mi.add(mi.ones(2), 1, out=m_out,
                                 where=[True, False]))
    assert_same_error(got[1], want[1])
    assert m_out.tolist() == [1.0, 1.0]


def test_where_python_values_are_converted():
    """Python values and scalars (NumPy's too, though they export a
    buffer) are masks by truth, as NumPy converts them; a mask
    broadcasts like any operand."""
    for where in ([1, 0], 1, 0, [[True], [False]], np.float64(0.5),
                  np.float32(0), np.int8(3), mi.float64(0.0)):
        n_out, m_out = np.zeros((2, 2)), mi.zeros((2, 2))
        np.add(np.ones((2, 2)), 1, out=n_out, where=where)
        mi.add(mi.ones((2, 2)), 1, out=m_out, where=where)
        assert m_out.tolist() == n_out.tolist()


def test_where_comparison_shortcuts_keep_to_the_mask():
    """Documented difference: NumPy 2.4.6 writes the constant of an
    out-of-range comparison (int8 array < 1000) everywhere, mask or not,
    and crashes on a signed/uint64 comparison with a mask; minind keeps
    out's values where the mask is False."""
    out = mi.ones(2, bool)
    mi.greater(mi.array([1, 2], mi.int8), 1000, out=out,
               where=[True, False])
    assert out.tolist() == [False, True]
    out = mi.zeros(2, bool)
    mi.greater(mi.array([-1, 2], mi.int8), mi.array([1, 1], mi.uint64),
               out=out, where=[False, True])
    assert out.tolist() == [False, True]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = mi.less(mi.array([1, 2], mi.int8), 1000,
                         where=[[True], [False]])
    assert result.tolist() == [[True, True], [False, False]]


# ---------------------------------------------------------------------------
# ufunc.at
# ---------------------------------------------------------------------------

AT_BINARY = ["add", "subtract", "multiply", "maximum", "minimum",
             "floor_divide", "remainder", "true_divide", "power", "less",
             "equal", "logical_and", "logical_xor", "bitwise_xor",
             "left_shift", "gcd", "arctan2", "copysign"]
AT_UNARY = ["negative", "absolute", "square", "positive", "sign",
            "logical_not", "invert", "sqrt", "floor", "isnan"]


def small_elements(dtype):
    """Values whose sums, products and float results stay inside every
    integer dtype, so results cast back into ``a`` are exact."""
    if dtype.kind == "b":
        return st.booleans()
    if dtype.kind == "u":
        return st.integers(0, 5)
    if dtype.kind == "i":
        return st.integers(-5, 5)
    return st.sampled_from([-2.5, -1.0, -0.0, 0.0, 0.5, 1.0, 3.0])


@st.composite
def at_target(draw, dtype=dtypes):
    """(m, n): a writeable ``a`` twin over separate memory, in a C, F,
    sliced (negative steps) or transposed layout, with small values."""
    m, n, _, _ = draw(writeable_views(dtype))
    values = draw(hnp.arrays(n.dtype, n.shape,
                             elements=small_elements(n.dtype)))
    n[...] = values
    m[...] = mi.asarray(values)
    return m, n


@st.composite
def at_indices(draw, shape):
    """An index into an array of ``shape``: integer lists with repeats
    and negative entries, integer arrays, masks, slices, integers, and
    tuples of them (or, now and then, one out of bounds)."""
    if not shape:
        return draw(st.sampled_from([(), Ellipsis]))
    length = shape[0]
    kind = draw(st.sampled_from(["list", "array2d", "mask", "slice",
                                 "tuple", "int"]))
    position = (st.integers(-length, length - 1) if length
                else st.integers(0, 0))
    if kind == "mask":
        return np.array(draw(st.lists(st.booleans(), min_size=length,
                                      max_size=length)), bool)
    if length == 0:
        return draw(st.sampled_from([[], slice(None)]))
    if kind == "list":
        return draw(st.lists(position, min_size=0, max_size=6))
    if kind == "array2d":
        return np.array(draw(st.lists(position, min_size=4, max_size=4)),
                        np.intp).reshape(2, 2)
    if kind == "slice":
        return slice(draw(st.integers(-length, length)), None,
                     draw(st.sampled_from([1, 2, -1])))
    if kind == "int":
        return draw(st.integers(-length - 1, length))  # maybe out of range
    rest = [slice(None)] * (len(shape) - 1)
    if rest:
        rest[-1] = draw(st.lists(st.integers(0, shape[-1] - 1)
                                 if shape[-1] else st.integers(0, 0),
                                 min_size=1, max_size=3))
        if not shape[-1]:
            rest[-1] = slice(None)
    return (draw(st.lists(position, min_size=1, max_size=3)), *rest)


def _selection_shape(n, index):
    try:
        return n[index].shape
    except IndexError:
        return None


def _at_outcome(xp, name, a, index, *b):
    def call():
        getattr(xp, name).at(a, index, *b)
        return a
    return outcome(call)


def assert_at_alike(name, m, n, index, m_b=(), n_b=()):
    with np.errstate(all="ignore"):
        want = _at_outcome(np, name, n, index, *n_b)
    got = _at_outcome(mi, name, m, index, *m_b)
    if want[0] == "raised":
        assert_same_error(got[1], want[1])
    else:
        assert got[0] == "ok", f"minind raised {got[1]!r}"
    # a itself (NumPy's values after a failure are its own: compared
    # only when both succeed); the C library's transcendental functions
    # within a few ULP of NumPy's, as in test_ufunc, for every repeat.
    if want[0] == "ok":
        rtol = 0.0
        if name in TRANSCENDENTAL and n.dtype.kind == "f":
            rtol = 1e-5 if n.dtype == np.float32 else 1e-13
        assert_values(m, n, rtol)


FLOAT_DTYPES = st.sampled_from([np.dtype("float32"), np.dtype("float64")])


def b_dtypes_for(a_dtype):
    """The dtypes of ``b`` whose loop casts back into ``a_dtype`` exactly:
    into an integer ``a`` no float, and no int64/uint64 pair (which
    computes in float64): an out-of-range float-to-int cast is
    platform-dependent."""
    if a_dtype.kind == "f":
        return dtypes
    return st.sampled_from([
        d for d in (np.dtype(name) for name in DTYPE_NAMES)
        if d.kind != "f" and not (
            {d.kind, a_dtype.kind} == {"i", "u"}
            and np.dtype(np.uint64) in (d, a_dtype))])


@pytest.mark.parametrize("name", AT_BINARY)
@given(data=st.data())
def test_binary_at_matches_numpy(name, data):
    # (Integers divided by zero are inf cast to an integer.)
    m, n = data.draw(at_target(FLOAT_DTYPES if name in (
        "true_divide", "arctan2") else dtypes))
    index = data.draw(at_indices(n.shape))
    shape = _selection_shape(n, index)
    if shape is None:
        b_shape = ()
    elif isinstance(index, np.ndarray) and index.ndim == 2:
        # NumPy 2.4.6 reads the wrong items of a b stretched along an
        # index array's rows (test_at_b_stretched_over_a_2d_index).
        b_shape = data.draw(st.sampled_from([(), shape]))
    else:
        kept = data.draw(st.integers(0, len(shape)))
        b_shape = tuple(data.draw(st.sampled_from([1, length]))
                        for length in shape[len(shape) - kept:])
    b_dtype = data.draw(b_dtypes_for(n.dtype))
    # (A Python int b is an int64 array: with a uint64 a, float64.)
    if n.dtype == np.uint64 or data.draw(st.booleans()):
        values = data.draw(hnp.arrays(b_dtype, b_shape,
                                      elements=small_elements(b_dtype)))
        # C, F, or every axis reversed (negative strides).
        n_b = data.draw(st.sampled_from([
            values, np.asfortranarray(values),
            np.flip(np.flip(values).copy())]))
        m_b = mi.asarray(n_b)
    else:
        n_b = m_b = data.draw(small_elements(b_dtype))
    assert_at_alike(name, m, n, index, (m_b,), (n_b,))


@pytest.mark.parametrize("name", AT_UNARY)
@given(data=st.data())
def test_unary_at_matches_numpy(name, data):
    m, n = data.draw(at_target(FLOAT_DTYPES if name == "sqrt" else dtypes))
    index = data.draw(at_indices(n.shape))
    assert_at_alike(name, m, n, index)


def test_at_examples():
    a = mi.zeros(3, mi.int64)
    mi.add.at(a, [0, 0, 1], 1)                 # repeats add each time
    assert a.tolist() == [2, 1, 0]
    mi.add.at(a, [0], 1.5)                     # float64 loop, cast back
    assert a.tolist() == [3, 1, 0]
    a = mi.arange(6).reshape(2, 3)
    mi.add.at(a, (slice(None), [0, 0]), [[1, 2], [3, 4]])
    assert a.tolist() == [[3, 1, 2], [10, 4, 5]]
    a = mi.array(5)
    mi.add.at(a, (), 1)
    assert a.tolist() == 6
    a = mi.arange(3)[::-1]
    mi.negative.at(a, [0, 0, 2])               # twice negated: unchanged
    assert a.tolist() == [2, 1, 0]
    a = mi.arange(3)
    mi.add.at(a, None, 1)
    assert a.tolist() == [1, 2, 3]


def test_at_b_stretched_over_a_2d_index():
    """Documented difference: NumPy 2.4.6 gets ``add.at(a, [[0, 0], [0,
    0]], [1, 2])`` wrong (121 for int8, 3.0 for float64: b's items read
    with the wrong strides); b broadcast to [[1, 2], [1, 2]] adds 6."""
    for dtype in ("int8", "int64", "float64"):
        a = mi.zeros(3, dtype)
        mi.add.at(a, mi.array([[0, 0], [0, 0]]), mi.array([1, 2], dtype))
        assert a.tolist() == [6, 0, 0]


def test_at_scalar_b_is_not_weak():
    """As NumPy, a Python float b computes in float64 even for a float32
    a (b is converted to an array first), and a Python int b that does
    not fit a's dtype is no OverflowError (uint8 + -1 wraps)."""
    n = np.array([0.1, 0.7, 1 / 3], np.float32)
    m = mi.asarray(n.copy())
    np.multiply.at(n, [0, 1, 2], 0.123456789)
    mi.multiply.at(m, [0, 1, 2], 0.123456789)
    assert_values(m, n)
    n, m = np.arange(3, dtype=np.uint8), mi.arange(3, dtype=mi.uint8)
    np.add.at(n, [0, 1], -1)
    mi.add.at(m, [0, 1], -1)
    assert_values(m, n)


AT_ERRORS = [
    lambda xp, a: xp.add.at(a, [5], 1),
    lambda xp, a: xp.add.at(a, [-6], 1),
    lambda xp, a: xp.add.at(a, 1.0, 1),
    lambda xp, a: xp.add.at(a, [True], 1),
    lambda xp, a: xp.add.at(a, [0]),
    lambda xp, a: xp.negative.at(a, [0], 1),
    lambda xp, a: xp.negative.at(a, [0], None),
    lambda xp, a: xp.add.at(a, [0, 1], [1, 2, 3]),
    lambda xp, a: xp.add.at(a, [0, 1], [[1, 2]]),
    lambda xp, a: xp.add.at([1, 2, 3], [0], 1),
    lambda xp, a: xp.add.at(a, [0], 1, 2),
    lambda xp, a: xp.add.at(a),
    lambda xp, a: xp.add.at(a, [0], b=1),
    lambda xp, a: xp.power.at(a, [0, 1], [2, -1]),
    lambda xp, a: xp.subtract.at(a.astype(bool), [0], True),
    lambda xp, a: xp.gcd.at(a.astype(float), [0], 1),
]


@pytest.mark.parametrize("call", AT_ERRORS)
def test_at_errors_match_numpy(call):
    n, m = np.arange(5), mi.arange(5)
    want = outcome(lambda: call(np, n))
    got = outcome(lambda: call(mi, m))
    assert want[0] == "raised"
    assert_same_error(got[1], want[1])
    assert m.tolist() == list(range(5))


def test_at_read_only():
    """A read-only a is refused with NumPy's message (NumPy 2.4.6's fast
    path for a 1-d a and a 1-d integer index writes into it anyway: a
    bug minind does not copy)."""
    n = np.arange(6).reshape(2, 3).T
    m = mi.arange(6).reshape(2, 3).T
    n.flags.writeable = False
    m.flags.writeable = False
    want = outcome(lambda: np.add.at(n, [0], 1))
    got = outcome(lambda: mi.add.at(m, [0], 1))
    assert_same_error(got[1], want[1])
    assert m.tolist() == n.tolist()
    # After the loop, before the index and b's shape, as in NumPy.
    for index, b in [([5], 1), ([0], [1, 2, 3]), ([0], "x")]:
        want = outcome(lambda: np.add.at(n, index, b))
        got = outcome(lambda: mi.add.at(m, index, b))
        assert_same_error(got[1], want[1], message=b != "x")
    one_d = mi.arange(3)
    one_d.flags.writeable = False
    with pytest.raises(ValueError, match="read-only"):
        mi.add.at(one_d, [0], 1)
    assert one_d.tolist() == [0, 1, 2]


def test_explain_shows_the_mask():
    import io
    text = io.StringIO()
    a, out = mi.ones((3, 4)), mi.zeros((3, 4))
    mi.explain(mi.add, a, a, out=out, where=mi.ones(4, bool), file=text)
    assert "    where       (0, 1)" in text.getvalue()
    assert "runs of True" in text.getvalue()
    assert out.tolist() == [[0.0] * 4] * 3          # nothing computed


@pytest.mark.parametrize("in_dtype, out_dtype", [
    ("int8", "float64"), ("float32", "float64"), ("float64", "float32"),
    ("int64", "int64")])
def test_where_large_with_casts(in_dtype, out_dtype):
    """Past CAST_BLOCK and NOGIL_THRESHOLD: the masked runs go through
    the cast buffers (inputs converted in, out converted back) block by
    block, and the walk runs without the GIL."""
    rng = np.random.default_rng(5)
    n_a = rng.integers(-100, 100, (300, 70)).astype(in_dtype)
    n_b = rng.integers(-100, 100, (70,)).astype("int16")
    n_mask = rng.random((300, 70)) < 0.6
    n_mask[:, 10:40] = True                    # long runs as well
    n_out = np.full((300, 70), 7, out_dtype)
    m_out = mi.asarray(n_out.copy())
    np.subtract(n_a, n_b, out=n_out, where=n_mask, casting="unsafe")
    mi.subtract(mi.asarray(n_a), mi.asarray(n_b), out=m_out,
                where=mi.asarray(n_mask), casting="unsafe")
    assert_values(m_out, n_out)
    # A transposed out and a broadcast mask column.
    n_out, column = np.zeros((70, 300), out_dtype).T, n_mask[:, :1]
    m_out = mi.asarray(np.zeros((70, 300), out_dtype)).T
    np.add(n_a, 1, out=n_out, where=column, casting="unsafe")
    mi.add(mi.asarray(n_a), 1, out=m_out, where=mi.asarray(column),
           casting="unsafe")
    assert_values(m_out, n_out)


def test_at_large_with_repeats():
    """Past NOGIL_THRESHOLD: one element at a time without the GIL, a
    repeated index adding every time."""
    rng = np.random.default_rng(7)
    index = rng.integers(-50, 50, 40000)
    values = rng.integers(-3, 4, 40000).astype(np.int8)
    n = np.zeros((10, 50), np.int16).T[:, ::-1]       # non-contiguous
    m = mi.asarray(np.zeros((10, 50), np.int16)).T[:, ::-1]
    np.add.at(n, (index, 3), values)
    mi.add.at(m, (index, 3), values)
    assert_values(m, n)


@pytest.mark.parametrize("name", ["add", "multiply", "maximum",
                                  "bitwise_xor", "floor_divide"])
@given(target=writeable_views(), data=st.data())
def test_where_in_place_matches_numpy(name, target, data):
    """``f(a, b, out=a, where=mask)`` on views: each element read just
    before it is written, or not at all."""
    m, n, m_memory, n_memory = target
    m_b, n_b = data.draw(shaped_twins(dtypes, n.shape))
    kept = data.draw(st.integers(0, n.ndim))
    mask_shape = tuple(data.draw(st.sampled_from([1, length]))
                       for length in n.shape[n.ndim - kept:])
    m_mask, n_mask = data.draw(shaped_twins(MASK_DTYPE, mask_shape))
    assert_masked_out_call(name, [m, m_b], [n, n_b], m, n, m_mask, n_mask)
    if m_memory is not None:            # nothing outside the view written
        assert_values(m_memory, n_memory)


# ---------------------------------------------------------------------------
# reduce(where=)
# ---------------------------------------------------------------------------

REDUCE_WHERE = [("add", {}), ("multiply", {}), ("logical_or", {}),
                ("bitwise_and", {}), ("maximum", {"initial": -3}),
                ("minimum", {"initial": 4}), ("subtract", {"initial": 2}),
                ("maximum", {})]          # (the last: no start value)


@pytest.mark.parametrize("name, kwargs", REDUCE_WHERE)
@given(data=st.data())
def test_reduce_where_matches_numpy(name, kwargs, data):
    """Only the masked-in elements are folded into the start value
    (``initial`` or the identity): the result's dtype, layout and values
    as NumPy's, or its error (no start value, a mask that does not
    broadcast to the array)."""
    m, n = data.draw(at_target())      # any layout, small values
    shape = n.shape
    kept = data.draw(st.integers(0, len(shape)))
    mask_shape = tuple(data.draw(st.sampled_from([1, length]))
                       for length in shape[len(shape) - kept:])
    m_mask, n_mask = data.draw(shaped_twins(MASK_DTYPE, mask_shape))
    axis = data.draw(st.sampled_from([None, 0, -1, (0, -1)])
                     if shape else st.just(None))
    if name == "subtract" and axis is None or axis == (0, -1):
        axis = 0 if shape else None       # (not reorderable)
    keepdims = data.draw(st.booleans())
    outcome_pair(
        lambda: getattr(mi, name).reduce(m, axis=axis, where=m_mask,
                                         keepdims=keepdims, **kwargs),
        lambda: getattr(np, name).reduce(n, axis=axis, where=n_mask,
                                         keepdims=keepdims, **kwargs))


def outcome_pair(mi_call, np_call):
    """Both calls raise alike, or give the same result (values, dtype,
    shape; scalars as scalars)."""
    with np.errstate(all="ignore"):
        want = outcome(np_call)
    got = outcome(mi_call)
    if want[0] == "raised":
        assert_same_error(got[1], want[1])
        return got[1], want[1]
    assert got[0] == "ok", f"minind raised {got[1]!r}"
    if isinstance(want[1], np.generic):
        assert isinstance(got[1], mi.generic), got[1]
    assert_values(np.asarray(got[1]), np.asarray(want[1]))
    return got[1], want[1]


def test_reduce_where_examples_from_numpy():
    """NumPy's test_reduction_with_where: a masked sum along each axis."""
    a = mi.arange(9.0).reshape(3, 3)
    mask = a % 2 == 0
    assert mi.add.reduce(a, axis=0, where=mask).tolist() == [6.0, 4.0, 10.0]
    assert mi.add.reduce(a, axis=1, where=mask).tolist() == [2.0, 4.0, 14.0]
    assert mi.maximum.reduce(a, axis=None, where=mask, initial=-1.0) == 8.0
    with pytest.raises(ValueError, match="one has to specify 'initial'"):
        mi.maximum.reduce(a, where=mask)
