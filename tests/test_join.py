"""Joining and repeating (``minind._join``): concatenate, concat, stack,
repeat, tile and roll, against NumPy.

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
from test_manipulation import assert_same_view, same_outcome, twins_shaped

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
