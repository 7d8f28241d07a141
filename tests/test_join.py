"""Joining and repeating (``minind._join``): concatenate, concat, stack,
vstack/hstack/dstack/column_stack/row_stack, repeat, tile and roll, and
the views atleast_1d/2d/3d and split/array_split/hsplit/vsplit, against
NumPy.

Every input is drawn in every layout (C, F, read-only, sliced with
negative steps, transposed, broadcast) and every dtype, so the tests
check what is special here: the result's dtype (promotion of the
inputs), its memory order (NumPy keeps the order the inputs agree on),
whether it is a new owner or, for tile and roll, a view of a hidden
copy, the values, and, with ``out=``, that the output was written and
returned.  NumPy's exceptions and messages are the oracle for the bad
calls.
"""
import numpy as np
import pytest
from hypothesis import assume, given, note
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import minind as mi
from minind import _join

from strategies import NP_DTYPES, assert_same, dtypes, twins
from test_manipulation import (assert_same_view, same_outcome,
                               twins_shaped, view_kind)

small_shapes = hnp.array_shapes(min_dims=1, max_dims=3, min_side=0,
                                max_side=4)
CASTINGS = ["no", "equiv", "safe", "same_kind", "unsafe"]


@st.composite
def joinable(draw, same_shape=False):
    """(axis, [twin, ...]): 1 to 3 twins of one dtype-free shape that may
    differ along ``axis`` (not at all for ``same_shape``)."""
    shape = draw(small_shapes)
    ndim = len(shape)
    axis = draw(st.none() | st.integers(-ndim, ndim - 1))
    pairs = []
    for _ in range(draw(st.integers(1, 3))):
        this = list(shape)
        if axis is not None and not same_shape:
            this[axis] = draw(st.integers(0, 3))
        pairs.append(draw(twins_shaped(tuple(this))))
    return axis, pairs


def platform_cast(arrays, dtype):
    """Whether casting ``arrays`` to ``dtype`` meets a float value that
    does not fit the integer dtype (NaN, inf, out of range): NumPy's C
    cast is platform-dependent there (README: Differences from NumPy)."""
    dtype = np.dtype(dtype)
    if dtype.kind not in "iu":
        return False
    info = np.iinfo(dtype)
    for n in arrays:
        if n.dtype.kind == "f" and n.size:
            values = n.astype("float64")
            if not np.isfinite(values).all():
                return True
            if (np.trunc(values) < info.min).any() or (
                    np.trunc(values) > info.max).any():
                return True
    return False


def assert_fresh(m_result, n_result):
    """A new owner laid out, typed and filled as NumPy's."""
    assert_same(m_result, n_result)
    assert m_result.flags.owndata and n_result.flags.owndata
    assert m_result.base is None


# ---------------------------------------------------------------------------
# concatenate, concat
# ---------------------------------------------------------------------------

@given(case=joinable())
def test_concatenate_matches_numpy(case):
    axis, pairs = case
    ms, ns = [m for m, _ in pairs], [n for _, n in pairs]
    for name in ("concatenate", "concat"):
        result = same_outcome(lambda: getattr(mi, name)(ms, axis=axis),
                              lambda: getattr(np, name)(ns, axis=axis))
        assert result is not None
        assert_fresh(*result)


def test_operator_concat_is_refused():
    """``operator.concat`` (the sequence protocol's ``+``) is a TypeError
    for arrays on either side, as in NumPy, not the element-wise sum."""
    import operator
    for lib in (np, mi):
        a = lib.array([1, 2])
        for left, right in ((a, a), (a, [1, 2]), ([1, 2], a), (a, 1),
                            (1, a)):
            with pytest.raises(TypeError):
                operator.concat(left, right)
    with pytest.raises(TypeError, match="use mi.concatenate"):
        operator.concat(mi.zeros(2), mi.zeros(2))
    assert (mi.array([1, 2]) + mi.array([1, 2])).tolist() == [2, 4]


def test_concatenate_keeps_the_order_the_inputs_agree_on():
    """F inputs give an F result, along either axis; mixed C and F
    inputs fall back to C; a transposed 3-d stack keeps its order."""
    f = np.asfortranarray(np.arange(12.0).reshape(3, 4))
    t = np.arange(24).reshape(2, 3, 4).transpose(1, 2, 0)
    for inputs, axis in [((f, f), 0), ((f, f), 1), ((f, f.copy("C")), 0),
                         ((t, t), 0), ((t, t), 2), ((t[::-1], t), 1)]:
        m_inputs = [mi.asarray(x) for x in inputs]
        assert_fresh(mi.concatenate(m_inputs, axis=axis),
                     np.concatenate(inputs, axis=axis))


@given(case=joinable(), out_dtype=dtypes, layout=st.sampled_from("CF"),
       casting=st.sampled_from(CASTINGS), use_out=st.booleans())
def test_concatenate_out_and_dtype(case, out_dtype, layout, casting,
                                   use_out):
    """``out=`` (written in place and returned) or ``dtype=``, under
    every casting rule: the same result or the same TypeError."""
    axis, pairs = case
    ms, ns = [m for m, _ in pairs], [n for _, n in pairs]
    assume(casting != "unsafe" or not platform_cast(ns, out_dtype))
    n_plain = np.concatenate(ns, axis=axis)
    if use_out:
        n_out = np.zeros(n_plain.shape, out_dtype, order=layout)
        m_out = mi.zeros(n_plain.shape, out_dtype, order=layout)
        result = same_outcome(
            lambda: mi.concatenate(ms, axis=axis, out=m_out,
                                   casting=casting),
            lambda: np.concatenate(ns, axis=axis, out=n_out,
                                   casting=casting))
        if result is not None:
            assert result[0] is m_out and result[1] is n_out
            assert_same(m_out, n_out)
        else:
            # NumPy checks each input's cast as it copies it, so a failing
            # call may have written the slabs before; minind checks all
            # first and leaves ``out`` as it was (README: a failing call
            # changes nothing).
            assert not np.asarray(m_out).any()
    else:
        result = same_outcome(
            lambda: mi.concatenate(ms, axis=axis, dtype=out_dtype,
                                   casting=casting),
            lambda: np.concatenate(ns, axis=axis, dtype=out_dtype,
                                   casting=casting))
        if result is not None:
            assert_fresh(*result)


def test_concatenate_into_an_overlapping_out():
    """Each input is copied into its slab in turn, reading a source that
    overlaps the output first, as NumPy does."""
    n = np.arange(6.0)
    m = mi.arange(6.0)
    np.concatenate([n[3:], n[:3]], out=n)
    mi.concatenate([m[3:], m[:3]], out=m)
    assert_same(m, n)


CONCATENATE_ERRORS = [
    lambda xp: xp.concatenate([xp.zeros((2, 2)), xp.zeros((2, 3))]),
    lambda xp: xp.concatenate([xp.zeros((2, 2)), xp.zeros((2, 2)),
                               xp.zeros((2, 3))]),
    lambda xp: xp.concatenate([xp.zeros((2, 2)), xp.zeros((3, 2))], axis=1),
    lambda xp: xp.concatenate([xp.zeros(2), xp.zeros((2, 2))]),
    lambda xp: xp.concatenate([xp.zeros(2), xp.zeros(())]),
    lambda xp: xp.concatenate([xp.zeros(()), xp.zeros(())]),
    lambda xp: xp.concatenate([]),
    lambda xp: xp.concatenate(x for x in [xp.zeros(2)]),
    lambda xp: xp.concatenate([xp.zeros(2)], axis=1),
    lambda xp: xp.concatenate([xp.zeros(2)], axis=-2),
    lambda xp: xp.concatenate([xp.zeros(2)], axis=1.0),
    lambda xp: xp.concatenate([xp.zeros(2)], axis=True),
    lambda xp: xp.concatenate([xp.zeros(2)], out=xp.zeros(2),
                              dtype="int8"),
    lambda xp: xp.concatenate([xp.zeros(2)], out=[0.0, 0.0]),
    lambda xp: xp.concatenate([xp.zeros(2)], out=xp.zeros(3)),
    lambda xp: xp.concatenate([xp.zeros(2)], out=xp.zeros((2, 1))),
    lambda xp: xp.concatenate([xp.zeros(2)], axis=None,
                              out=xp.zeros((2, 1))),
    lambda xp: xp.concatenate([xp.zeros(2)], axis=None, out=xp.zeros(3)),
    lambda xp: xp.concatenate([xp.zeros(2)], casting="bad"),
    lambda xp: xp.concatenate([xp.zeros(2, "int8"), xp.zeros(2)],
                              casting="no"),
    lambda xp: xp.concatenate([xp.zeros(2, "int8"), xp.zeros(2)],
                              dtype="int8"),
    lambda xp: xp.concatenate([xp.zeros(2, "int8")], dtype="uint8"),
    lambda xp: xp.concatenate([xp.zeros(2)], dtype="foo"),
    lambda xp: xp.concatenate([xp.zeros(2)],
                              out=xp.broadcast_to(xp.zeros(1), (2,))),
    lambda xp: xp.concatenate([xp.zeros(2)], axis=None,
                              out=xp.broadcast_to(xp.zeros(1), (2,))),
    lambda xp: xp.concatenate([xp.zeros((2, 3))], axis=None,
                              out=xp.zeros(())),
    lambda xp: xp.concatenate([xp.zeros(3), xp.ones((2, 2))], axis=None,
                              out=xp.zeros(7, "int8")),
    lambda xp: xp.concatenate([xp.zeros(3), xp.ones((2, 2))], axis=None,
                              dtype="int8"),
]


@pytest.mark.parametrize("call", CONCATENATE_ERRORS)
def test_concatenate_errors_match_numpy(call):
    assert same_outcome(lambda: call(mi), lambda: call(np)) is None


def test_concatenate_mismatch_message():
    with pytest.raises(ValueError) as info:
        mi.concatenate([mi.zeros((3, 2)), mi.zeros((3, 3))], axis=0)
    assert str(info.value) == (
        "all the input array dimensions except for the concatenation axis "
        "must match exactly, but along dimension 1, the array at index 0 "
        "has size 2 and the array at index 1 has size 3")


def test_concatenate_flattened_with_out_dtype_and_casting():
    """``axis=None`` ravels each input in C order (0-d ones too) into a
    1-d ``out`` of any strides, or a new array of ``dtype``."""
    blocks = [np.arange(6.0).reshape(2, 3).T, np.full((), 7.5),
              np.arange(4, dtype=np.int8)[::-1]]
    m_blocks = [mi.asarray(b) for b in blocks]
    assert_fresh(mi.concatenate(m_blocks, axis=None),
                 np.concatenate(blocks, axis=None))
    assert_fresh(mi.concatenate(m_blocks, axis=None, dtype="int16",
                                casting="unsafe"),
                 np.concatenate(blocks, axis=None, dtype="int16",
                                casting="unsafe"))
    n_out, m_out = np.zeros(22, "float32"), mi.zeros(22, "float32")
    assert mi.concatenate(m_blocks, None, m_out[::2]) is not None
    np.concatenate(blocks, None, n_out[::2])
    assert_same(m_out, n_out)


def test_concatenate_reads_an_array_as_a_sequence():
    n = np.arange(12).reshape(3, 4)
    assert_fresh(mi.concatenate(mi.asarray(n)), np.concatenate(n))


# ---------------------------------------------------------------------------
# stack
# ---------------------------------------------------------------------------

@given(case=joinable(same_shape=True), data=st.data())
def test_stack_matches_numpy(case, data):
    _, pairs = case
    ndim = pairs[0][1].ndim
    axis = data.draw(st.integers(-ndim - 2, ndim + 1))
    ms, ns = [m for m, _ in pairs], [n for _, n in pairs]
    result = same_outcome(lambda: mi.stack(ms, axis=axis),
                          lambda: np.stack(ns, axis=axis))
    if result is not None:
        assert_fresh(*result)


@given(pair=twins(), count=st.integers(1, 3))
def test_stack_any_shape(pair, count):
    m, n = pair
    assert_fresh(mi.stack([m] * count), np.stack([n] * count))


STACK_ERRORS = [
    lambda xp: xp.stack([]),
    lambda xp: xp.stack([xp.zeros((2, 3)), xp.zeros((3, 2))]),
    lambda xp: xp.stack([xp.zeros(2)], axis=2),
    lambda xp: xp.stack([xp.zeros(2)], axis=None),
    lambda xp: xp.stack(x for x in [xp.zeros(2)]),
    lambda xp: xp.stack(5),
    lambda xp: xp.stack([xp.zeros(2)], out=xp.zeros((1, 3))),
    lambda xp: xp.stack([xp.zeros(2)], dtype="int8"),
]


@pytest.mark.parametrize("call", STACK_ERRORS)
def test_stack_errors_match_numpy(call):
    assert same_outcome(lambda: call(mi), lambda: call(np)) is None


# ---------------------------------------------------------------------------
# repeat, tile
# ---------------------------------------------------------------------------

@given(pair=twins(), data=st.data())
def test_repeat_matches_numpy(pair, data):
    m, n = pair
    axis = data.draw(st.none() | st.integers(-n.ndim - 1, n.ndim))
    length = n.size if axis is None else (
        n.shape[axis] if -n.ndim <= axis < n.ndim else 1)
    repeats = data.draw(st.integers(0, 3)
                        | st.lists(st.integers(0, 3), min_size=length,
                                   max_size=length)
                        | st.lists(st.integers(-1, 3), max_size=3))
    note(f"repeats={repeats} axis={axis}")
    result = same_outcome(lambda: mi.repeat(m, repeats, axis),
                          lambda: np.repeat(n, repeats, axis))
    if result is not None:
        assert_fresh(*result)
    # The method is the function.
    result = same_outcome(lambda: m.repeat(repeats, axis=axis),
                          lambda: n.repeat(repeats, axis=axis))
    if result is not None:
        assert_fresh(*result)


REPEAT_ERRORS = [
    lambda xp: xp.repeat(xp.zeros(3), [1, 2]),
    lambda xp: xp.repeat(xp.zeros(3), [1, -1, 2]),
    lambda xp: xp.repeat(xp.zeros(3), -1),
    lambda xp: xp.repeat(xp.zeros(3), [[1]]),
    lambda xp: xp.repeat(xp.zeros(3), 1, axis=1),
    lambda xp: xp.repeat(xp.zeros(3), 1, axis=True),
    lambda xp: xp.repeat(xp.zeros(3), 1, axis=1.0),
    lambda xp: xp.repeat(xp.zeros(3), "a"),
]


@pytest.mark.parametrize("call", REPEAT_ERRORS)
def test_repeat_errors_match_numpy(call):
    assert same_outcome(lambda: call(mi), lambda: call(np)) is None


def test_repeat_a_huge_count_is_refused():
    with pytest.raises(ValueError):
        mi.repeat(mi.zeros(2), 2**62)
    assert mi.repeat(mi.zeros(0), -1).shape == (0,)


@given(pair=twins(), data=st.data())
def test_tile_matches_numpy(pair, data):
    """All-1 reps copy a MiniArray in its own memory order; any other
    reps give a reshaped view of a C copy, as NumPy's."""
    m, n = pair
    reps = data.draw(st.integers(0, 2)
                     | st.lists(st.integers(0, 2), max_size=5).map(tuple))
    note(f"reps={reps}")
    result = same_outcome(lambda: mi.tile(m, reps),
                          lambda: np.tile(n, reps))
    assert result is not None
    assert_same_view(*result, m, n)


def test_tile_errors_match_numpy():
    for call in (lambda xp: xp.tile(xp.zeros(2), -1),
                 lambda xp: xp.tile(xp.zeros(2), 1.5),
                 lambda xp: xp.tile(xp.zeros(2), (2, "a"))):
        assert same_outcome(lambda: call(mi), lambda: call(np)) is None


# ---------------------------------------------------------------------------
# roll
# ---------------------------------------------------------------------------

@given(pair=twins(), data=st.data())
def test_roll_matches_numpy(pair, data):
    """The result is laid out like the input (empty_like); axis=None rolls
    the flattened array and reshapes (a view of the rolled copy)."""
    m, n = pair
    shifts = st.integers(-7, 7)
    axes = st.integers(-n.ndim - 1, n.ndim)
    shift, axis = data.draw(st.one_of(
        st.tuples(shifts, st.none()),
        st.tuples(shifts, axes),
        st.tuples(shifts, st.lists(axes, max_size=3).map(tuple)),
        st.tuples(st.lists(shifts, max_size=3), axes),
        st.tuples(st.lists(shifts, max_size=3),
                  st.lists(axes, max_size=3).map(tuple))))
    note(f"shift={shift} axis={axis}")
    result = same_outcome(lambda: mi.roll(m, shift, axis),
                          lambda: np.roll(n, shift, axis))
    if result is not None:
        assert_same_view(*result, m, n)


def test_roll_errors_match_numpy():
    for call in (lambda xp: xp.roll(xp.zeros((2, 3)), [[1]], axis=0),
                 lambda xp: xp.roll(xp.zeros((2, 3)), (1, 2), axis=(0, 1, 0)),
                 lambda xp: xp.roll(xp.zeros((2, 3)), 1, axis=2),
                 lambda xp: xp.roll(xp.zeros(()), 1, axis=0),
                 lambda xp: xp.roll(xp.zeros((2, 3)), None, axis=0)):
        assert same_outcome(lambda: call(mi), lambda: call(np)) is None


def test_roll_takes_any_size_of_shift():
    n = np.arange(6).reshape(2, 3)
    assert_fresh(mi.roll(mi.asarray(n), 2**70 + 1, axis=1),
                 np.roll(n, 2**70 + 1, axis=1))
    assert_fresh(mi.roll(mi.asarray(n), mi.asarray([1, 2]), axis=(0, 1)),
                 np.roll(n, np.array([1, 2]), axis=(0, 1)))


# ---------------------------------------------------------------------------
# The joined layout, on its own
# ---------------------------------------------------------------------------

@given(data=st.data())
def test_joined_layout_is_numpys_for_stacks_of_views(data):
    """Inputs whose strides disagree, with length-1 axes (no vote) and
    zero strides (a vote), against NumPy's allocation."""
    shape = data.draw(hnp.array_shapes(min_dims=2, max_dims=4, min_side=1,
                                       max_side=3))
    pairs = [data.draw(twins_shaped(shape)) for _ in range(2)]
    assert_fresh(mi.concatenate([m for m, _ in pairs], axis=0),
                 np.concatenate([n for _, n in pairs], axis=0))


def test_join_module_is_not_numpy():
    assert "numpy" not in _join.__dict__


def test_many_dtypes_promote_as_numpy_not_as_a_left_fold():
    """int8, uint16, float32 join into float32 (float32 holds all three),
    not float64 as promoting int8 with uint16 first (int32) would give:
    ``_dtype.promote_sequence``, also behind ``result_type``."""
    names = [dtype.name for dtype in NP_DTYPES]
    for first in names:
        for second in names:
            for third in names:
                trio = (first, second, third)
                expected = np.concatenate(
                    [np.zeros(1, name) for name in trio]).dtype
                assert mi.concatenate(
                    [mi.zeros(1, name) for name in trio]).dtype == expected
                assert mi.result_type(*[mi.dtype(name) for name in trio]
                                      ) == np.result_type(*trio)


# ---------------------------------------------------------------------------
# vstack, hstack, dstack, column_stack, row_stack
# ---------------------------------------------------------------------------

# The axis each function joins along, for inputs of a given ndim (None:
# the inputs must have one shape).  The drawn inputs differ only there.
STACK_AXES = {
    "vstack": lambda ndim: 0 if ndim >= 2 else None,
    "hstack": lambda ndim: {0: None, 1: 0}.get(ndim, 1),
    "dstack": lambda ndim: 2 if ndim >= 3 else None,
    "column_stack": lambda ndim: 1 if ndim == 2 else None,
}


@st.composite
def stackable(draw, name):
    """[twin, ...]: 1 to 3 twins (0 to 3 axes) that ``name`` can join,
    in any layouts and dtypes, differing in length along its axis."""
    shape = draw(hnp.array_shapes(min_dims=0, max_dims=3, min_side=0,
                                  max_side=4))
    axis = STACK_AXES[name](len(shape))
    pairs = []
    for _ in range(draw(st.integers(1, 3))):
        this = list(shape)
        if axis is not None:
            this[axis] = draw(st.integers(0, 3))
        pairs.append(draw(twins_shaped(tuple(this))))
    return pairs


@pytest.mark.parametrize("name", sorted(STACK_AXES))
@given(data=st.data())
def test_stacks_match_numpy(name, data):
    """Values, dtype (promotion) and the memory order concatenate picks
    for the atleast_Nd views NumPy feeds it."""
    pairs = data.draw(stackable(name))
    ms, ns = [m for m, _ in pairs], [n for _, n in pairs]
    result = same_outcome(lambda: getattr(mi, name)(ms),
                          lambda: getattr(np, name)(ns))
    assert result is not None
    assert_fresh(*result)
    # A tuple, a single array (its first axis iterated), lists of numbers.
    lists = [n.tolist() for n in ns]
    for m_arg, n_arg in [(tuple(ms), tuple(ns)), (ms[0], ns[0]),
                         (lists, lists)]:
        result = same_outcome(lambda: getattr(mi, name)(m_arg),
                              lambda: getattr(np, name)(n_arg))
        if result is not None:
            assert_fresh(*result)


@pytest.mark.parametrize("name", ["vstack", "hstack"])
@given(data=st.data(), dtype=dtypes, casting=st.sampled_from(CASTINGS))
def test_vstack_hstack_dtype_and_casting(name, data, dtype, casting):
    pairs = data.draw(stackable(name))
    ms, ns = [m for m, _ in pairs], [n for _, n in pairs]
    assume(casting != "unsafe" or not platform_cast(ns, dtype))
    result = same_outcome(
        lambda: getattr(mi, name)(ms, dtype=dtype, casting=casting),
        lambda: getattr(np, name)(ns, dtype=dtype, casting=casting))
    if result is not None:
        assert_fresh(*result)


def test_stacks_of_mixed_ndim():
    """1-d rows under 2-d blocks, scalars in a row, columns beside a
    matrix: NumPy's examples."""
    row, block = np.arange(3.0), np.arange(6.0).reshape(2, 3)
    m_row, m_block = mi.asarray(row), mi.asarray(block)
    assert_fresh(mi.vstack([m_row, m_block]), np.vstack([row, block]))
    assert_fresh(mi.vstack([1, 2.5]), np.vstack([1, 2.5]))
    assert_fresh(mi.hstack([1, m_row, 2]), np.hstack([1, row, 2]))
    assert_fresh(mi.dstack([m_row, m_row]), np.dstack([row, row]))
    assert_fresh(mi.dstack([m_block, m_block[..., None]]),
                 np.dstack([block, block[..., None]]))
    col = np.arange(2, dtype=np.int8)
    assert_fresh(mi.column_stack([mi.asarray(col), m_block]),
                 np.column_stack([col, block]))
    assert_fresh(mi.column_stack([5, 6]), np.column_stack([5, 6]))


def test_row_stack_is_deprecated_vstack():
    rows = [np.arange(3), np.arange(3.0)]
    with pytest.warns(DeprecationWarning) as m_record:
        m_result = mi.row_stack([mi.asarray(r) for r in rows],
                                dtype="float32")
    with pytest.warns(DeprecationWarning) as n_record:
        n_result = np.row_stack(rows, dtype="float32")
    assert str(m_record[0].message) == str(n_record[0].message)
    assert m_record[0].filename == __file__      # stacklevel=2, as NumPy
    assert_fresh(m_result, n_result)


STACKS_ERRORS = [
    lambda xp: xp.vstack([]),
    lambda xp: xp.hstack([]),
    lambda xp: xp.dstack([]),
    lambda xp: xp.column_stack([]),
    lambda xp: xp.vstack(x for x in [xp.zeros(2)]),
    lambda xp: xp.hstack(x for x in [xp.zeros(2)]),
    lambda xp: xp.dstack(x for x in [xp.zeros(2)]),
    lambda xp: xp.column_stack(x for x in [xp.zeros(2)]),
    lambda xp: xp.vstack(5),
    lambda xp: xp.vstack([xp.zeros(2), xp.zeros(3)]),
    lambda xp: xp.hstack([xp.zeros((2, 2)), xp.zeros((3, 2))]),
    lambda xp: xp.hstack([xp.zeros(2), xp.zeros((2, 2))]),
    lambda xp: xp.dstack([xp.zeros(2), xp.zeros(3)]),
    lambda xp: xp.column_stack([xp.zeros(2), xp.zeros(3)]),
    lambda xp: xp.column_stack([xp.zeros((2, 2, 2)), xp.zeros(2)]),
    lambda xp: xp.vstack([xp.zeros(2)], dtype="int8"),
    lambda xp: xp.hstack([xp.zeros(2)], casting="bad"),
    lambda xp: xp.hstack([xp.zeros(2, "int8"), xp.zeros(2)],
                         casting="safe", dtype="int16"),
]


@pytest.mark.parametrize("call", STACKS_ERRORS)
def test_stacks_errors_match_numpy(call):
    assert same_outcome(lambda: call(mi), lambda: call(np)) is None


# ---------------------------------------------------------------------------
# atleast_1d, atleast_2d, atleast_3d
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["atleast_1d", "atleast_2d",
                                  "atleast_3d"])
@given(pair=twins(), other=twins())
def test_atleast_nd_views(name, pair, other):
    """The input itself when it has the axes, else a view of it (base,
    flags and strides as NumPy's); several inputs give a tuple."""
    (m, n), (m2, n2) = pair, other
    m_result, n_result = getattr(mi, name)(m), getattr(np, name)(n)
    assert_same_view(m_result, n_result, m, n)
    assert (m_result is m) == (n_result is n)
    m_results = getattr(mi, name)(m, m2, m)
    n_results = getattr(np, name)(n, n2, n)
    assert type(m_results) is tuple and len(m_results) == 3
    for m_result, n_result, m_in, n_in in zip(m_results, n_results,
                                              (m, m2, m), (n, n2, n)):
        assert_same_view(m_result, n_result, m_in, n_in)


@pytest.mark.parametrize("name", ["atleast_1d", "atleast_2d",
                                  "atleast_3d"])
def test_atleast_nd_of_python_data(name):
    for value in (5, 2.5, True, [1, 2], [[1.5], [2.5]], []):
        m_result, n_result = getattr(mi, name)(value), getattr(np, name)(
            value)
        assert_same(m_result, n_result)
        assert (m_result.base is None) == (n_result.base is None)
    assert getattr(mi, name)() == getattr(np, name)() == ()


# ---------------------------------------------------------------------------
# split, array_split, hsplit, vsplit
# ---------------------------------------------------------------------------

@st.composite
def split_points(draw, length):
    """A number of sections (sometimes not dividing ``length``, or
    zero), or a list of indices: unsorted, negative, past the end."""
    if draw(st.booleans()):
        return draw(st.integers(0, length + 2))
    return draw(st.lists(st.integers(-length - 2, length + 2),
                         max_size=4))


def assert_same_pieces(m_pieces, n_pieces, m, n):
    assert type(m_pieces) is list and len(m_pieces) == len(n_pieces)
    for m_piece, n_piece in zip(m_pieces, n_pieces):
        assert_same_view(m_piece, n_piece, m, n)


@given(pair=twins(shape=hnp.array_shapes(min_dims=1, max_dims=3,
                                         min_side=0, max_side=5)),
       data=st.data())
def test_split_and_array_split_match_numpy(pair, data):
    """Every piece a view of the input, with its strides (negative ones
    too) and flags; errors (unequal division, no sections) as NumPy's."""
    m, n = pair
    axis = data.draw(st.integers(-n.ndim, n.ndim - 1))
    points = data.draw(split_points(n.shape[axis]))
    for name in ("split", "array_split"):
        result = same_outcome(
            lambda: getattr(mi, name)(m, points, axis=axis),
            lambda: getattr(np, name)(n, points, axis=axis))
        if result is not None:
            assert_same_pieces(*result, m, n)


@given(pair=twins(), data=st.data())
def test_hsplit_vsplit_match_numpy(pair, data):
    m, n = pair
    length = max(n.shape, default=0)
    points = data.draw(split_points(length))
    for name in ("hsplit", "vsplit"):
        result = same_outcome(lambda: getattr(mi, name)(m, points),
                              lambda: getattr(np, name)(n, points))
        if result is not None:
            assert_same_pieces(*result, m, n)


def test_split_reads_python_data_as_numpy_does():
    """A list is split by its len() (NumPy's array_split), and split
    refuses a list it would have to measure by ``.shape``."""
    data = [[1, 2, 3], [4, 5, 6]]
    for m_piece, n_piece in zip(mi.array_split(data, 3),
                                np.array_split(data, 3)):
        assert_same(m_piece, n_piece)
    for m_piece, n_piece in zip(mi.hsplit(mi.asarray(data), [1]),
                                np.hsplit(np.asarray(data), [1])):
        assert_same(m_piece, n_piece)
    for call in (lambda xp: xp.split(data, 2),
                 lambda xp: xp.split(data, [1])[1].tolist(),
                 lambda xp: xp.hsplit(data, 3),
                 lambda xp: xp.array_split([1, 2], 2.0)[0].tolist()):
        result = same_outcome(lambda: call(mi), lambda: call(np))
        assert result is None or result[0] == result[1]


SPLIT_ERRORS = [
    lambda xp: xp.split(xp.zeros(5), 2),
    lambda xp: xp.split(xp.zeros(5), 0),
    lambda xp: xp.array_split(xp.zeros(5), 0),
    lambda xp: xp.array_split(xp.zeros(5), -1),
    lambda xp: xp.split(xp.zeros(5), 5, axis=1),
    lambda xp: xp.array_split(xp.zeros((2, 2)), 2, axis=2),
    lambda xp: xp.split(xp.zeros(5), [1.5]),
    lambda xp: xp.hsplit(xp.zeros(()), 1),
    lambda xp: xp.vsplit(xp.zeros(4), 2),
    lambda xp: xp.vsplit(xp.zeros((3, 2)), 2),
]


@pytest.mark.parametrize("call", SPLIT_ERRORS)
def test_split_errors_match_numpy(call):
    assert same_outcome(lambda: call(mi), lambda: call(np)) is None


# ---------------------------------------------------------------------------
# block
# ---------------------------------------------------------------------------

@st.composite
def block_grids(draw):
    """(m_nested, n_nested): nested lists (1 to 3 deep, 1 or 2 entries a
    level) of twins in any layouts and dtypes, whose lengths along the
    list axes vary by position; leading length-1 axes are sometimes left
    off a leaf (block puts them back), and now and then one leaf is one
    too long, so that block must refuse as NumPy does."""
    depth = draw(st.integers(1, 3))
    ndim = draw(st.integers(depth, 3))
    common = list(draw(hnp.array_shapes(min_dims=ndim, max_dims=ndim,
                                        min_side=0, max_side=3)))
    counts = [draw(st.integers(1, 2)) for _ in range(depth)]
    lengths = [[draw(st.integers(0, 3)) for _ in range(count)]
               for count in counts]
    broken = draw(st.booleans()) and draw(st.booleans())

    def build(level, position):
        if level == depth:
            shape = list(common)
            for k, at in enumerate(position):
                shape[ndim - depth + k] = lengths[k][at]
            if broken and not any(position):
                shape[ndim - 1] += 1
            leading = 0
            while leading < ndim and shape[leading] == 1:
                leading += 1
            shape = shape[draw(st.integers(0, leading)):]
            return draw(twins_shaped(tuple(shape)))
        pairs = [build(level + 1, position + (at,))
                 for at in range(counts[level])]
        return [m for m, _ in pairs], [n for _, n in pairs]

    return build(0, ())


@given(grid=block_grids())
def test_block_matches_numpy(grid):
    """Shape, dtype (promotion over all the leaves), values and the
    memory order repeated concatenation gives; a mismatch is NumPy's
    error."""
    m_nested, n_nested = grid
    result = same_outcome(lambda: mi.block(m_nested),
                          lambda: np.block(n_nested))
    if result is not None:
        assert_fresh(*result)


@given(pair=twins())
def test_block_of_one_array_or_scalar_is_a_c_copy(pair):
    m, n = pair
    assert_fresh(mi.block(m), np.block(n))
    assert_fresh(mi.block([m]), np.block([n]))
    assert_fresh(mi.block([[m]]), np.block([[n]]))
    value = n.ravel()[0].item() if n.size else 1
    assert_fresh(mi.block(value), np.block(value))
    assert_fresh(mi.block([[value, value]]), np.block([[value, value]]))


@pytest.mark.parametrize("orders", ["FF", "CC", "CF"])
def test_block_big_results_take_numpys_other_way(orders):
    """Past NumPy's size rule (depth times size over 2 * 512 * 512) the
    leaves are assigned into one empty result, F only when all leaves
    are F (and not all C), with its own mismatch message."""
    leaves = [np.array(np.arange(300 * 300, dtype=dtype).reshape(300, 300),
                       order=order)
              for dtype, order in zip(["int8", "float32"], orders)]
    n_nested = [[leaves[0], leaves[1]], [leaves[1], leaves[0]]]
    m_nested = [[mi.asarray(n) for n in row] for row in n_nested]
    assert_fresh(mi.block(m_nested), np.block(n_nested))
    n_bad = [[leaves[0], leaves[1]], [leaves[1][:, :299], leaves[0]]]
    m_bad = [[mi.asarray(n) for n in row] for row in n_bad]
    assert same_outcome(lambda: mi.block(m_bad),
                        lambda: np.block(n_bad)) is None
    n_bad = [[leaves[0], leaves[1]], [leaves[1][:299], leaves[0]]]
    m_bad = [[mi.asarray(n) for n in row] for row in n_bad]
    assert same_outcome(lambda: mi.block(m_bad),
                        lambda: np.block(n_bad)) is None


BLOCK_ERRORS = [
    lambda xp: xp.block(()),
    lambda xp: xp.block((xp.zeros(2), xp.zeros(2))),
    lambda xp: xp.block([xp.zeros(2), (xp.zeros(2),)]),
    lambda xp: xp.block([[xp.zeros(2)], [(1, 2)]]),
    lambda xp: xp.block([]),
    lambda xp: xp.block([[]]),
    lambda xp: xp.block([[xp.zeros(2)], []]),
    lambda xp: xp.block([[], [xp.zeros(2)]]),
    lambda xp: xp.block([[xp.zeros(2)], [[]]]),
    lambda xp: xp.block([[xp.zeros(2)], xp.zeros(2)]),
    lambda xp: xp.block([xp.zeros(2), [xp.zeros(2)]]),
    lambda xp: xp.block([[[1]], [[2], [[3]]]]),
    lambda xp: xp.block([[xp.zeros((2, 2))], [xp.zeros((2, 3))]]),
    lambda xp: xp.block([[xp.zeros((2, 2)), xp.zeros((3, 2))]]),
    lambda xp: xp.block([xp.zeros((2, 2)), xp.zeros((2, 2, 2))]),
]


@pytest.mark.parametrize("call", BLOCK_ERRORS)
def test_block_errors_match_numpy(call):
    assert same_outcome(lambda: call(mi), lambda: call(np)) is None


# ---------------------------------------------------------------------------
# delete
# ---------------------------------------------------------------------------

@st.composite
def deletions(draw, length):
    """An ``obj`` for delete along an axis of ``length``, as (minind's,
    NumPy's): an integer, a slice, a list, an int array, a mask (of the
    right length, mostly), sometimes out of bounds."""
    index = st.integers(-length - 2, length + 1)
    kind = draw(st.sampled_from(["int", "slice", "list", "array", "mask",
                                 "one", "empty"]))
    if kind == "int":
        value = draw(index)
        return value, value
    if kind == "slice":
        bound = st.none() | index
        step = draw(st.none() | st.integers(-3, 3).filter(bool))
        value = slice(draw(bound), draw(bound), step)
        return value, value
    if kind == "list":
        value = draw(st.lists(index, max_size=4))
        return value, value
    if kind == "one":
        value = [draw(index)]
        return value, value
    if kind == "empty":
        return (mi.asarray([]), np.asarray([])) if draw(st.booleans()) \
            else ([], [])
    if kind == "array":
        n = np.asarray(draw(st.lists(index, max_size=4)), dtype="int64")
        dtype = draw(st.sampled_from(["int64", "int8", "uint8", "float64"]))
        if dtype == "uint8":
            n = n % (length + 2)
        n = n.astype(dtype)
        return mi.asarray(n), n
    size = length if draw(st.integers(0, 4)) else draw(st.integers(0, 5))
    n = np.asarray(draw(st.lists(st.booleans(), min_size=size,
                                 max_size=size)), dtype=bool)
    return mi.asarray(n), n


@given(pair=twins(), data=st.data())
def test_delete_matches_numpy(pair, data):
    """Values, dtype and the result's layout, which depends on ``obj``:
    a new owner in the input's order for an integer or a slice, advanced
    indexing's layout for integers and masks; never a view."""
    m, n = pair
    axis = data.draw(st.none() | st.integers(-n.ndim - 1, n.ndim))
    if axis is None:
        length = n.size if n.ndim != 1 else n.shape[0]
    elif -n.ndim <= axis < n.ndim:
        length = n.shape[axis]
    else:
        length = 2
    m_obj, n_obj = data.draw(deletions(length))
    note(f"axis={axis}, obj={n_obj!r}")
    result = same_outcome(lambda: mi.delete(m, m_obj, axis=axis),
                          lambda: np.delete(n, n_obj, axis=axis))
    if result is not None:
        m_result, n_result = result
        assert_same(m_result, n_result)
        assert m_result.flags.writeable
        assert not mi.may_share_memory(m_result, m)


def test_delete_takes_scalars_and_lists():
    n = np.arange(12).reshape(3, 4)
    for obj in (np.int64(1), mi.int64(1), True, np.array(2), 2.0,
                np.array([[1]]), [[0, 2]]):
        n_obj = np.asarray(obj) if isinstance(obj, mi.MiniArray) else obj
        m_obj = mi.asarray(obj) if isinstance(obj, np.ndarray) else obj
        if isinstance(obj, mi.int64):
            n_obj = np.int64(1)
        result = same_outcome(lambda: mi.delete(mi.asarray(n), m_obj, 1),
                              lambda: np.delete(n, n_obj, 1))
        if result is not None:
            assert_same(*result)
    assert_same(mi.delete(n.tolist(), [0, 0, -1]),
                np.delete(n.tolist(), [0, 0, -1]))


DELETE_ERRORS = [
    lambda xp: xp.delete(xp.zeros(3), 3),
    lambda xp: xp.delete(xp.zeros(3), -4),
    lambda xp: xp.delete(xp.zeros((2, 3)), [1, 3], axis=1),
    lambda xp: xp.delete(xp.zeros((2, 3)), [5], axis=1),
    lambda xp: xp.delete(xp.zeros((2, 3)), [-3], axis=0),
    lambda xp: xp.delete(xp.zeros(3), xp.asarray([True, False])),
    lambda xp: xp.delete(xp.zeros(3), xp.asarray([[True] * 3])),
    lambda xp: xp.delete(xp.zeros(3), True),
    lambda xp: xp.delete(xp.zeros(3), [1.0]),
    lambda xp: xp.delete(xp.zeros(3), xp.asarray([], dtype="float64")),
    lambda xp: xp.delete(xp.zeros(3), 0, axis=1),
    lambda xp: xp.delete(xp.zeros(()), 0, axis=0),
    lambda xp: xp.delete(xp.zeros(()), 1),
]


@pytest.mark.parametrize("call", DELETE_ERRORS)
def test_delete_errors_match_numpy(call):
    assert same_outcome(lambda: call(mi), lambda: call(np)) is None


def test_delete_with_empty_index_arrays():
    """An empty list deletes nothing; an empty array keeps its dtype, so
    a float one (minind's or NumPy's) is refused as an index, as NumPy
    refuses it."""
    for obj in (np.array([], float), [], np.array([], int),
                mi.array([], mi.float64), mi.array([], mi.int64)):
        outcomes = []
        for xp in (mi, np):
            try:
                outcomes.append(xp.delete(xp.arange(5), obj).tolist())
            except IndexError as error:
                outcomes.append(str(error))
        assert outcomes[0] == outcomes[1], (obj, outcomes)
