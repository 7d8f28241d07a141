"""``a.flat`` and ``mi.broadcast`` against NumPy's flatiter and broadcast.

Every test runs the same steps on a (minind, NumPy) twin drawn in every
layout (C, F, sliced with negative steps, transposed, broadcast, windows,
new axes, read-only) and compares: values, dtype, shape, which results
are copies, the iterator's ``index`` and ``coords``, and the exception
class and message of every refusal.
"""
import warnings

import numpy as np
import pytest
from hypothesis import given, strategies as st

import minind as mi
from strategies import (LAYOUTS, assert_same, assert_same_scalar,
                        layout_twins, twins)


def outcome(call):
    """("ok", result) or (exception class name, message)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return "ok", call()
    except Exception as error:          # noqa: compared with NumPy's
        return type(error).__name__, str(error)


def assert_same_result(m_result, n_result):
    if isinstance(n_result, np.ndarray):
        assert_same(m_result, n_result)
        assert m_result.flags.owndata and n_result.flags.owndata
    elif isinstance(n_result, np.generic):
        assert_same_scalar(m_result, n_result)
    else:
        assert m_result == n_result


def assert_same_outcome(m_call, n_call):
    m_kind, m_value = outcome(m_call)
    n_kind, n_value = outcome(n_call)
    assert m_kind == n_kind, (m_value, n_value)
    if n_kind == "ok":
        assert_same_result(m_value, n_value)
    else:
        assert m_value == n_value


def keys(size):
    """Every kind of key a flat iterator takes, in and out of bounds."""
    position = st.integers(-size - 2, size + 2)
    bound = st.none() | st.integers(-size - 2, size + 2)
    return st.one_of(
        position,
        st.builds(slice, bound, bound,
                  st.none() | st.sampled_from([1, 2, 3, -1, -2])),
        st.just(Ellipsis), st.just(()),
        st.lists(position, max_size=5),
        st.lists(position, min_size=4, max_size=4).map(
            lambda picks: [picks[:2], picks[2:]]),
        st.lists(st.booleans(), min_size=size, max_size=size).map(
            lambda mask: ("mask", mask)),
        st.tuples(position),
        st.tuples(position, position),
    )


def both(key):
    """The key for minind and for NumPy (a mask is an array of each)."""
    if isinstance(key, tuple) and key[:1] == ("mask",):
        return mi.array(key[1], dtype=bool), np.array(key[1], dtype=bool)
    return key, key


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------

@given(twins(), st.data())
def test_flat_getitem_matches_numpy(pair, data):
    m, n = pair
    m_key, n_key = both(data.draw(keys(n.size)))
    assert_same_outcome(lambda: m.flat[m_key], lambda: n.flat[n_key])


@pytest.mark.parametrize("layout", LAYOUTS)
@given(data=st.data())
def test_flat_iteration_index_and_coords(layout, data):
    m, n = data.draw(layout_twins(layout))
    m_flat, n_flat = m.flat, n.flat
    assert m_flat.base is m and n_flat.base is n
    assert len(m_flat) == len(n_flat) == n.size
    steps = data.draw(st.integers(0, n.size))
    for _ in range(steps):
        assert m_flat.index == n_flat.index
        assert m_flat.coords == n_flat.coords
        assert_same_scalar(next(m_flat), next(n_flat))
    assert m_flat.index == n_flat.index and m_flat.coords == n_flat.coords
    rest_m, rest_n = list(m_flat), list(n_flat)
    assert len(rest_m) == len(rest_n)
    for x, y in zip(rest_m, rest_n):
        assert_same_scalar(x, y)
    assert m_flat.index == n_flat.index and m_flat.coords == n_flat.coords


@given(twins())
def test_flat_copy_and_asarray(pair):
    # copy() is always a copy; asarray is a view of a C-contiguous array
    # (base: the owner, as NumPy's iter_array) and a copy of any other.
    m, n = pair
    assert_same_result(m.flat.copy(), n.flat.copy())
    m_converted, n_converted = mi.asarray(m.flat), np.asarray(n.flat)
    assert_same(m_converted, n_converted)
    assert m_converted.flags.owndata == n_converted.flags.owndata
    assert mi.shares_memory(m_converted, m) == np.shares_memory(
        n_converted, n)
    if n_converted.base is not None:
        assert m_converted.base is mi._core.memory_owner(m)
    assert mi.asarray(m.flat, dtype=mi.float32).dtype == mi.float32


@given(twins(), st.integers(-3, 3))
def test_flat_comparisons_compare_the_elements(pair, other):
    m, n = pair
    for op in ("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"):
        np.testing.assert_array_equal(
            np.asarray(getattr(m.flat, op)(other)),
            getattr(n.flat, op)(other), strict=True)
    np.testing.assert_array_equal(np.asarray(m.flat == m.flat),
                                  n.flat == n.flat, strict=True)
    with pytest.raises(TypeError, match="unhashable"):
        hash(m.flat)


def test_flat_of_0d_and_empty_arrays():
    for shape in [(), (0,), (2, 0), (0, 3), (3, 0, 2)]:
        m, n = mi.zeros(shape, dtype=mi.int8), np.zeros(shape, dtype=np.int8)
        assert len(m.flat) == len(n.flat)
        assert m.flat.coords == n.flat.coords
        assert_same_result(m.flat[...], n.flat[...])
        assert list(m.flat) == list(n.flat)
        assert_same_outcome(lambda: m.flat[0], lambda: n.flat[0])


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------

values = st.one_of(
    st.integers(-3, 3), st.floats(-4, 4, allow_nan=False),
    st.lists(st.integers(-3, 3), max_size=4),
    st.lists(st.integers(-3, 3), min_size=2, max_size=2).map(
        lambda row: [row, row]))


def independent(n):
    """A NumPy array with n's values and WRITEABLE flag that shares no
    memory with n (imported twins share theirs with minind's array, so
    writing both would compare one memory with itself).  Flat writes
    follow C order whatever the layout, so the copy's layout is
    irrelevant."""
    copy = n.copy()
    copy.flags.writeable = n.flags.writeable
    return copy


@given(twins(layouts=["C", "F", "sliced", "transposed", "readonly"]),
       st.data())
def test_flat_setitem_matches_numpy(pair, data):
    m, n = pair
    n = independent(n)
    m_key, n_key = both(data.draw(keys(n.size)))
    value = data.draw(values)
    m_before = np.array(m, copy=True)
    m_kind, m_message = outcome(lambda: m.flat.__setitem__(m_key, value))
    n_kind, n_message = outcome(lambda: n.flat.__setitem__(n_key, value))
    assert m_kind == n_kind, (m_message, n_message)
    if m_kind != "ok":
        # NumPy may have written the positions before a bad one; minind
        # checks every position first and changes nothing.
        assert m_message == n_message
        np.testing.assert_array_equal(np.asarray(m), m_before, strict=True)
    else:
        np.testing.assert_array_equal(np.asarray(m), n, strict=True)


@given(twins(layouts=["C", "F", "sliced", "transposed", "readonly"]),
       values)
def test_flat_attribute_assignment(pair, value):
    m, n = pair
    n = independent(n)

    def assign(array):
        array.flat = value
    assert_same_outcome(lambda: assign(m), lambda: assign(n))
    np.testing.assert_array_equal(np.asarray(m), n, strict=True)


def test_flat_setitem_repeats_values():
    m, n = mi.arange(6).reshape(2, 3), np.arange(6).reshape(2, 3)
    m.flat[[0, 1, 2]] = [7]
    n.flat[[0, 1, 2]] = [7]
    m.flat[3:] = [1, 2]
    n.flat[3:] = [1, 2]
    np.testing.assert_array_equal(np.asarray(m), n, strict=True)


def test_flat_refuses_read_only_arrays():
    m = mi.arange(4)
    m.flags.writeable = False
    with pytest.raises(ValueError, match="underlying array is read-only"):
        m.flat[0] = 1
    with pytest.raises(ValueError, match="^array is read-only$"):
        m.flat = 1
    broadcast = mi.broadcast_to(mi.arange(3), (2, 3))
    with pytest.raises(ValueError, match="underlying array is read-only"):
        broadcast.flat[:] = 0


def test_flatiter_cannot_be_made_directly():
    with pytest.raises(TypeError, match="cannot create"):
        mi.flatiter()


@pytest.mark.parametrize("ndim", [32, 33, 64])
def test_flat_and_broadcast_keep_numpys_32_axes(ndim):
    """NumPy's flat iterator (and np.broadcast, built on it) refuses more
    than 32 axes, with a RuntimeError; so does minind (NumPy's
    TestFlat.test_maxdims), the arrays themselves may have 64."""
    shape = (1,) * ndim
    calls = [lambda xp: xp.ones(shape).flat,
             lambda xp: xp.broadcast(xp.ones(shape)),
             lambda xp: xp.broadcast(xp.ones(3), xp.ones(shape)),
             lambda xp: setattr(xp.ones(shape), "flat", 2)]
    for call in calls:
        outcomes = []
        for xp in (np, mi):
            try:
                call(xp)
                outcomes.append(None)
            except RuntimeError as error:
                outcomes.append(str(error))
        assert outcomes[1] == outcomes[0]
        assert (outcomes[0] is None) == (ndim <= 32)


# ---------------------------------------------------------------------------
# broadcast
# ---------------------------------------------------------------------------

def broadcast_state(b):
    return (b.shape, b.ndim, b.nd, b.size, b.numiter, b.index,
            [(it.index, it.coords, len(it)) for it in b.iters])


@st.composite
def broadcastable(draw):
    """Two to four twins whose shapes broadcast (axes cut to length 1 or
    dropped from the front), in any layout."""
    m, n = draw(twins(layouts=["C", "F", "sliced", "transposed"]))
    pairs = [(m, n)]
    for _ in range(draw(st.integers(1, 3))):
        droppable = 0                 # leading axes an integer can drop
        while droppable < n.ndim and n.shape[droppable]:
            droppable += 1
        drop = draw(st.integers(0, droppable))
        cut = tuple(slice(0, 1) if draw(st.booleans()) and length else
                    slice(None) for length in n.shape[drop:])
        index = (0,) * drop + cut + (Ellipsis,)   # views, never scalars
        if draw(st.booleans()):
            pairs.append((m[index].copy(), n[index].copy()))
        else:
            pairs.append((m[index], n[index]))
    return pairs


@given(broadcastable(), st.data())
def test_broadcast_walks_like_numpy(pairs, data):
    m_b = mi.broadcast(*[m for m, _ in pairs])
    n_b = np.broadcast(*[n for _, n in pairs])
    assert broadcast_state(m_b) == broadcast_state(n_b)
    for (m, n), m_it, n_it in zip(pairs, m_b.iters, n_b.iters):
        assert m_it.base is m and n_it.base is n
    steps = data.draw(st.integers(0, n_b.size))
    for _ in range(steps):
        for x, y in zip(next(m_b), next(n_b)):
            assert_same_scalar(x, y)
    assert broadcast_state(m_b) == broadcast_state(n_b)
    m_b.reset()
    n_b.reset()
    assert broadcast_state(m_b) == broadcast_state(n_b)
    assert len(list(m_b)) == len(list(n_b))
    assert broadcast_state(m_b) == broadcast_state(n_b)
    with pytest.raises(StopIteration):
        next(m_b)


def test_broadcast_with_scalars_lists_and_nested_broadcasts():
    m_b = mi.broadcast(mi.arange(3), [[1], [2]], 5)
    n_b = np.broadcast(np.arange(3), [[1], [2]], 5)
    assert broadcast_state(m_b) == broadcast_state(n_b)
    assert [tuple(x.item() for x in t) for t in m_b] == \
        [tuple(x.item() for x in t) for t in n_b]
    m_b2 = mi.broadcast(mi.broadcast(mi.arange(3), [[1], [2]]), mi.arange(3))
    n_b2 = np.broadcast(np.broadcast(np.arange(3), [[1], [2]]), np.arange(3))
    assert broadcast_state(m_b2) == broadcast_state(n_b2)
    assert broadcast_state(mi.broadcast()) == broadcast_state(np.broadcast())
    assert list(mi.broadcast()) == list(np.broadcast()) == [()]


def test_broadcast_iterators_move_with_it():
    # NumPy's iters are live: advancing one moves the next tuple's item.
    m_b = mi.broadcast(mi.arange(3), mi.arange(2)[:, None])
    n_b = np.broadcast(np.arange(3), np.arange(2)[:, None])
    assert next(m_b.iters[0]) == next(n_b.iters[0])
    assert [x.item() for x in next(m_b)] == [x.item() for x in next(n_b)]
    assert broadcast_state(m_b) == broadcast_state(n_b)


def test_broadcast_iterator_writes_reach_the_array():
    m, n = mi.arange(3), np.arange(3)
    mi.broadcast(m, mi.zeros((2, 1))).iters[0][4] = 99
    np.broadcast(n, np.zeros((2, 1))).iters[0][4] = 99
    np.testing.assert_array_equal(np.asarray(m), n, strict=True)


@pytest.mark.parametrize("make", [
    lambda xp: xp.broadcast(xp.arange(3), xp.arange(4)),
    lambda xp: xp.broadcast(xp.arange(3), xp.arange(3),
                            xp.arange(2)[:, None], xp.zeros((3, 1))),
    lambda xp: xp.broadcast(*[xp.arange(3)] * 65),
    lambda xp: xp.broadcast(xp.arange(3), x=1),
], ids=["mismatch", "mismatch-later", "65-arrays", "keyword"])
def test_broadcast_errors(make):
    assert_same_outcome(lambda: make(mi), lambda: make(np))


def test_broadcast_takes_64_arrays_and_has_no_len():
    assert mi.broadcast(*[mi.arange(3)] * 64).numiter == 64
    with pytest.raises(TypeError, match="has no len"):
        len(mi.broadcast(mi.arange(3)))


@pytest.mark.parametrize("name", ["__array__", "copy"])
def test_flatiter_method_signatures_are_numpys(name):
    """``self`` is positional-only, as in NumPy's flatiter (whose own
    test reads the signature)."""
    import inspect
    mine = inspect.signature(getattr(mi.flatiter, name))
    theirs = inspect.signature(getattr(np.flatiter, name))
    assert [(p.name, p.kind) for p in mine.parameters.values()] == [
        (p.name, p.kind) for p in theirs.parameters.values()]
