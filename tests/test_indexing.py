"""Advanced indexing against NumPy, in lock-step.

One strategy, ``index_keys``, draws index expressions for a given shape:
integer arrays (every integer dtype, C/F/sliced/0-d, as minind arrays,
NumPy arrays or nested lists), boolean masks over one or more axes, 0-d
booleans, plain integers, slices with any step, ``...`` and ``None``, in
any mix, mostly valid and sometimes not (out of bounds, unbroadcastable,
wrong mask size).  Each test applies the same key to a minind array and
its NumPy twin (every layout) and compares everything NumPy shows: values,
dtype, shape, strides, flags, whether the result owns its data and the
shape of its base, or the exception class.
"""
import numpy as np
import pytest
from hypothesis import assume, given, strategies as st
from hypothesis.extra import numpy as hnp

import minind as mi
from strategies import (LAYOUTS, NP_DTYPES, assert_same, assert_same_scalar,
                        dtypes, exact_layout, numpy_arrays, twin_of, twins)

INDEX_DTYPES = ["int8", "uint8", "int16", "uint16", "int32", "uint32",
                "int64", "uint64"]
WRITEABLE = ["C", "F", "sliced", "transposed", "newaxis"]


@st.composite
def index_array(draw, length, bshape, valid):
    """An integer index array for an axis of ``length``, of a shape that
    broadcasts to ``bshape``, in some dtype and layout and spelling."""
    ndim = draw(st.integers(0, len(bshape))) if bshape else 0
    shape = list(bshape[len(bshape) - ndim:])
    for axis in range(ndim):
        if draw(st.booleans()) and draw(st.booleans()):
            shape[axis] = 1
    if not valid and draw(st.booleans()):
        shape = [draw(st.integers(0, 3)) for _ in shape]
    lo, hi = (-length, length - 1) if valid else (-length - 3, length + 3)
    if length == 0 and valid:
        lo, hi = 0, 0        # nothing is in bounds: the only way is empty
        shape = [0] + shape[1:] if shape else [0]
    values = np.asarray(draw(hnp_int_arrays(tuple(shape), lo, hi)))
    dtype = draw(st.sampled_from(INDEX_DTYPES))
    if np.dtype(dtype).kind == "u" or np.iinfo(dtype).min > values.min(
            initial=0) or np.iinfo(dtype).max < values.max(initial=0):
        values = np.abs(values) if np.dtype(dtype).kind == "u" else values
        if values.size and (values.max() > np.iinfo(dtype).max
                            or values.min() < np.iinfo(dtype).min):
            dtype = "int64"
    values = np.asarray(values.astype(dtype))
    return draw(spelled(values))


def hnp_int_arrays(shape, lo, hi):
    from hypothesis.extra import numpy as hnp
    return hnp.arrays(np.int64, shape, elements=st.integers(lo, hi))


@st.composite
def spelled(draw, values):
    """The index array as NumPy sees it, and as it is handed to minind:
    a minind array (C, F or a strided import), the NumPy array itself,
    or a nested list."""
    how = draw(st.sampled_from(["mi", "mi_F", "strided", "numpy", "list"]))
    if how == "list" and values.ndim > 0 and values.size > 0:
        # NumPy sees the array the list becomes (int64), as minind does:
        # its put(mode='wrap') refuses a uint64 array it would never see.
        return np.asarray(values.tolist()), values.tolist()
    if how == "numpy":
        return values, values
    if how == "mi_F" and values.ndim > 0:
        values = np.asfortranarray(values)
        return values, mi.array(values, order="F")
    if how == "strided" and values.ndim > 0:
        wide = np.repeat(values, 2, axis=-1)[..., ::-2][..., ::-1]
        return wide, mi.asarray(wide)
    return values, mi.asarray(values)


@st.composite
def index_keys(draw, shape, valid=None):
    """(NumPy key, minind key) for an array of ``shape``."""
    if valid is None:
        valid = draw(st.integers(0, 9)) > 0
    ndim = len(shape)
    bshape = tuple(draw(st.lists(st.integers(0, 3), max_size=2)))
    items, axis, ellipsis = [], 0, False
    target = draw(st.integers(0, ndim + 1))
    has_array = False
    while len(items) < target + 2:
        choices = ["int", "slice", "array"]
        if axis >= ndim:
            choices = []
        choices += ["none", "bool0"]
        if not ellipsis:
            choices.append("ellipsis")
        if axis < ndim and not has_array:
            choices.append("mask")
        if axis < ndim:
            choices += ["array", "slice"]
        kind = draw(st.sampled_from(choices))
        if axis >= ndim and kind in ("int", "slice", "array", "mask"):
            continue
        length = shape[axis] if axis < ndim else 0
        if kind == "int":
            lo, hi = (-length, length - 1) if valid else (-length - 2,
                                                          length + 1)
            if length == 0 and valid:
                continue
            value = draw(st.integers(lo, hi))
            items.append((value, value))
            axis += 1
        elif kind == "slice":
            s = slice(draw(st.none() | st.integers(-length - 1, length + 1)),
                      draw(st.none() | st.integers(-length - 1, length + 1)),
                      draw(st.sampled_from([None, 1, 2, -1, -3])))
            items.append((s, s))
            axis += 1
        elif kind == "none":
            items.append((None, None))
        elif kind == "ellipsis":
            ellipsis = True
            axis = max(axis, ndim - sum(
                1 for k in items if k[0] is not None))
            items.append((Ellipsis, Ellipsis))
        elif kind == "bool0":
            value = draw(st.booleans())
            spelling = draw(st.sampled_from([bool, np.bool_, mi.bool_,
                                             "array"]))
            if spelling == "array":
                items.append((np.array(value), mi.asarray(np.array(value))))
            else:
                items.append((spelling(value), spelling(value)))
            has_array = True
        elif kind == "array":
            items.append(draw(index_array(length, bshape, valid)))
            axis += 1
            has_array = True
        elif kind == "mask":
            k = draw(st.integers(1, ndim - axis))
            mshape = list(shape[axis:axis + k])
            if not valid and draw(st.booleans()):
                mshape[-1] += 1
            mask = draw(hnp_bool_arrays(tuple(mshape)))
            items.append(draw(spelled(mask)))
            axis += k
            has_array = True
        if len(items) > ndim + 3:
            break
    if not has_array:
        items.append(draw(index_array(shape[axis] if axis < ndim else 0,
                                      bshape, valid))
                     if axis < ndim else (True, True))
    if len(items) == 1 and draw(st.booleans()):
        return items[0]                      # a[idx], not a[idx,]
    return tuple(k[0] for k in items), tuple(k[1] for k in items)


def hnp_bool_arrays(shape):
    from hypothesis.extra import numpy as hnp
    return hnp.arrays(np.bool_, shape)


def layout_of(x):
    """What NumPy shows of an array's layout and ownership."""
    base = x.base
    return (x.shape, x.strides, x.dtype.name, x.flags.c_contiguous,
            x.flags.f_contiguous, x.flags.owndata, x.flags.writeable,
            None if base is None else (base.shape, base.strides))


def outcome(function):
    try:
        return function(), None
    except Exception as error:     # compared by class below
        return None, error


def assert_same_outcome(got, want):
    (m, m_error), (n, n_error) = got, want
    if n_error is not None or m_error is not None:
        # (minind's AxisError is NumPy's by name and by bases.)
        assert type(m_error).__name__ == type(n_error).__name__, (
            m_error, n_error)
        return
    if isinstance(n, np.ndarray):
        assert_same(m, n)
        assert layout_of(m) == layout_of(n)
    else:
        assert_same_scalar(m, n)


# ---------------------------------------------------------------------------
# a[key]
# ---------------------------------------------------------------------------

@given(data=st.data(), pair=twins())
def test_get_is_numpy(data, pair):
    m, n = pair
    n_key, m_key = data.draw(index_keys(n.shape))
    assert_same_outcome(outcome(lambda: m[m_key]), outcome(lambda: n[n_key]))


@pytest.mark.parametrize("layout", LAYOUTS)
@given(data=st.data())
def test_get_in_every_layout(layout, data):
    from strategies import layout_twins
    m, n = data.draw(layout_twins(layout))
    n_key, m_key = data.draw(index_keys(n.shape, valid=True))
    assert_same_outcome(outcome(lambda: m[m_key]), outcome(lambda: n[n_key]))


def test_value_seen_in_the_picks_order():
    """The thorough run's find: a[:, :, True] = v, whose broadcast axes sit
    between subspace axes (a wrong permutation of v's strides wrote v[0]
    everywhere)."""
    n = np.zeros((2, 2, 1), bool)
    m = mi.asarray(n.copy())
    value = np.array([[[True]], [[False]]])
    n[:, :, True] = value
    m[:, :, True] = mi.asarray(value)
    assert m.tolist() == n.tolist()


PINNED = [
    ((2, 3, 4), [0, 1]),
    ((2, 3, 4), (slice(None), [0, 2])),            # replaced in place
    ((2, 3, 4), ([0, 1], slice(None), [1, 2])),    # moved to the front
    ((2, 3, 4), (0, slice(None), [1, 2])),         # an int is an index
    ((2, 3, 4), (slice(None), [0], ..., [1])),     # ... apart, even empty
    ((2, 3, 4), (slice(None), [0], [1], ...)),
    ((2, 3, 4), (..., [1])),
    ((2, 3, 4), (slice(None), [[0, 1]])),
    ((2, 3, 4), True), ((2, 3, 4), False), ((), True), ((), False),
    ((2, 3, 4), ([[0], [1]], [0, 1])),
    ((2, 3, 4), []), ((2, 3, 4), (slice(None), [])),
    ((3, 0), [0, 1]), ((0, 3), (slice(None), [1])),
    ((5,), [-1, -5, 4]),
    # Every 0-d boolean is a (1,) or (0,) index over a new axis of length
    # 1; they share that axis, so 63 new axes and two of them still fit
    # in 64 dimensions (the fuzzer's find: minind built a 65-d view).
    ((), (None,) * 63 + (False, True)), ((), (True,) + (None,) * 62 + (True,)),
    ((2, 3), (True, slice(None), False, [1, 0])),
    # A boolean axis of length 0 is not checked against the array's.
    ((3, 4), np.zeros((0, 4), bool)), ((3, 4), np.zeros((3, 0), bool)),
    ((3, 4), np.zeros(0, bool)), ((3, 4), np.zeros((0, 1), bool)),
    ((3, 4), (slice(None), np.zeros(0, bool))),
    ((3, 4), (np.zeros(0, bool), [0, 1])),
]


@pytest.mark.parametrize("order", ["C", "F"])
@pytest.mark.parametrize("shape, key", PINNED)
def test_pinned_keys(shape, key, order):
    n = np.array(np.arange(int(np.prod(shape))).reshape(shape), order=order)
    m = mi.array(n, order=order)
    assert_same_outcome(outcome(lambda: m[key]), outcome(lambda: n[key]))


def test_masks():
    n = np.arange(24.0).reshape(2, 3, 4)
    m = mi.asarray(n)
    for mask in (n > 5, (n > 5)[:, :, ::-1], np.asfortranarray(n > 5),
                 n[0] > 5, n[0, 0] > 2, n > 100):
        assert_same_outcome(outcome(lambda: m[mi.asarray(mask)]),
                            outcome(lambda: n[mask]))
        assert_same_outcome(outcome(lambda: m[mask]),
                            outcome(lambda: n[mask]))


# ---------------------------------------------------------------------------
# The errors, with NumPy's words
# ---------------------------------------------------------------------------

ERRORS = [
    ([5], "index 5 is out of bounds for axis 0 with size 2"),
    ((slice(None), [-4]), "index -4 is out of bounds for axis 1 with size 3"),
    ((None, [5]), "index 5 is out of bounds for axis 0 with size 2"),
    (([5], 7), "index 7 is out of bounds for axis 1 with size 3"),
    (([0, 1], [0, 1, 2]), "shape mismatch: indexing arrays could not be "
     "broadcast together with shapes (2,) (3,) "),
    (([0], [0], [0], [0]), "too many indices for array: array is "
     "3-dimensional, but 4 were indexed"),
    ([1.0], "only integers, slices (`:`), ellipsis (`...`), "
     "numpy.newaxis (`None`) and integer or boolean arrays are valid "
     "indices"),
    (["a"], "only integers"),
    ([2 ** 70], "only integers"),
    (np.array([1.0]), "arrays used as indices must be of integer (or "
     "boolean) type"),
    (np.ones((2, 3, 5), bool), "boolean index did not match indexed array "
     "along axis 2; size of axis is 4 but size of corresponding boolean "
     "axis is 5"),
    (np.ones(3, bool), "boolean index did not match indexed array along "
     "axis 0; size of axis is 2 but size of corresponding boolean axis is "
     "3"),
    (np.array([2 ** 63], np.uint64), "index -9223372036854775808 is out "
     "of bounds for axis 0 with size 2"),
    # NumPy checks every mask's lengths before it reads a slice or an
    # integer's bound (CI's fuzzer found minind reading the slice first).
    ((slice(0.5, None), np.ones(4, bool)), "boolean index did not match "
     "indexed array along axis 1; size of axis is 3 but size of "
     "corresponding boolean axis is 4"),
    ((9, Ellipsis, np.ones(5, bool)), "boolean index did not match "
     "indexed array along axis 2; size of axis is 4 but size of "
     "corresponding boolean axis is 5"),
    ((slice(None, None, 0), None, [0], np.ones(2, bool)), "boolean index "
     "did not match indexed array along axis 2; size of axis is 4"),
]


@pytest.mark.parametrize("key, message", ERRORS)
def test_errors_are_numpys(key, message):
    n = np.zeros((2, 3, 4))
    m = mi.zeros((2, 3, 4))
    with pytest.raises(Exception) as n_error:
        n[key]
    with pytest.raises(type(n_error.value)) as m_error:
        m[key]
    if message is not None:
        assert str(n_error.value).startswith(message)
        assert str(m_error.value) == str(n_error.value)


def limit_keys(xp):
    """Keys at NumPy's limits: more than 128 items, more than 64 index
    arrays (0-d booleans add one each without using an axis), 64 of them
    without a subspace, masks that count as many items as dimensions.
    (NumPy's test_too_many_advanced_indices; these overran minind's
    per-array tables and corrupted the heap.)"""
    m30 = xp.ones((1,) * 30, dtype=bool)
    keys = [((3,), (None,) * 129), ((3,), (None,) * 128),
            ((3,), (True,) * 129), ((3,), (True,) * 128),
            ((1,) * 30, (None,) * 100 + (m30,)),
            ((1,) * 30, (m30,) + (True,) * 100),
            ((1,) * 30, (m30,) + (True,) * 98),
            ((1,) * 30, (m30,) + (True,) * 35),
            ((1,) * 64, (xp.array([0]),) * 63),
            ((2,) + (1,) * 63, (slice(None),) + (xp.array([0]),) * 63),
            ((1,) * 64, xp.ones((1,) * 64, dtype=bool))]
    for ndim in (1, 64):
        for count in (2, 63, 64, 65, 80):
            for item in (True, False, xp.array([0]), 0):
                keys.append(((1,) * ndim, (item,) * count))
    return keys


@pytest.mark.parametrize("case", range(len(limit_keys(np))))
@pytest.mark.parametrize("assign", [False, True])
def test_key_limits_are_numpys(case, assign):
    results = []
    for xp in (np, mi):
        shape, key = limit_keys(xp)[case]
        array = xp.ones(shape)
        try:
            if assign:
                array[key] = 1.0
                results.append(("ok", array.shape))
            else:
                results.append(("ok", array[key].shape))
        except Exception as error:      # noqa: BLE001 -- compared below
            results.append((type(error).__name__, str(error)))
    assert results[1] == results[0]


# ---------------------------------------------------------------------------
# a[key] = value, a[key] += value
# ---------------------------------------------------------------------------

@st.composite
def values_for(draw, shape, dtype):
    """A value for a[key] = value when a[key] has ``shape``: a scalar, an
    array of that shape or one that broadcasts to it, as minind, NumPy
    or a list; sometimes one that does not fit."""
    kind = draw(st.sampled_from(["scalar", "full", "broadcast", "bad",
                                 "other_dtype"]))
    if kind == "scalar":
        n = draw(numpy_arrays(np.dtype(dtype), ()))[()]
        return n, (n.item() if draw(st.booleans()) else n)
    vshape = list(shape)
    if kind == "broadcast":
        vshape = [1 if draw(st.booleans()) else s for s in vshape]
        vshape = vshape[draw(st.integers(0, len(vshape))):]
    if kind == "bad":
        vshape = [s + 1 for s in vshape] or [2]
    vdtype = np.dtype(dtype) if kind != "other_dtype" else draw(
        st.sampled_from(NP_DTYPES))
    n = draw(numpy_arrays(vdtype, tuple(vshape)))
    how = draw(st.sampled_from(["mi", "numpy", "list"]))
    if how == "list" and n.size > 0 and vdtype == np.dtype(dtype):
        # The list on both sides: NumPy itself treats a list and an array
        # differently in places (a bool element takes a list's truth,
        # a[0, 0, np.array(0)] = [False, False], but refuses the array).
        return n.tolist(), n.tolist()
    if how == "numpy":
        return n, n
    return n, mi.asarray(n)


@given(data=st.data(),
       pair=twins(layouts=WRITEABLE + ["readonly", "broadcast"]))
def test_set_is_numpy(data, pair):
    m, n = pair
    # (m may share n's memory: NumPy writes into a copy, m in place.)
    n = n.copy() if n.flags.writeable else n
    before = n.copy()
    n_key, m_key = data.draw(index_keys(n.shape))
    try:
        shape = n[n_key].shape
    except Exception:
        shape = ()
    n_value, m_value = data.draw(values_for(shape, n.dtype))
    if n.dtype.kind in "iu" and np.asarray(n_value).dtype.kind == "f":
        # A float out of the integer's range has no defined cast in C,
        # and NumPy's answer depends on the platform (README, Differences).
        values = np.asarray(n_value, dtype=np.float64)
        info = np.iinfo(n.dtype)
        assume(np.isfinite(values).all() and (values >= info.min).all()
               and (values < info.max + 1.0).all())

    def numpy_set():
        with np.errstate(all="ignore"):
            n[n_key] = n_value
    got = outcome(lambda: m.__setitem__(m_key, m_value))
    want = outcome(numpy_set)
    assert type(got[1]) is type(want[1]), (got[1], want[1])
    if want[1] is not None:
        # A failing assignment changes nothing.
        np.testing.assert_array_equal(np.asarray(m), before, strict=True)
    np.testing.assert_array_equal(np.asarray(m), n, strict=True)


@given(data=st.data(), pair=twins(layouts=WRITEABLE))
def test_in_place_operators(data, pair):
    m, n = pair
    n = n.copy()
    if n.dtype == np.bool_:
        n = n.astype(np.int8)
        m = mi.asarray(n.copy())
    n_key, m_key = data.draw(index_keys(n.shape, valid=True))
    got = outcome(lambda: m.__setitem__(m_key, m[m_key] + 1))

    def numpy_add():
        with np.errstate(all="ignore"):
            n[n_key] += 1        # a[[0, 0]] += 1 adds once
    want = outcome(numpy_add)
    assert type(got[1]) is type(want[1]), (got[1], want[1])
    np.testing.assert_array_equal(np.asarray(m), n, strict=True)


def test_augmented_assignment_adds_once_per_index():
    m = mi.zeros(3)
    m[[0, 0, 2]] += 1
    assert m.tolist() == [1.0, 0.0, 1.0]
    m[[0, 0]] = [5.0, 7.0]                # the last write wins
    assert m[0] == 7.0


def test_mask_assignment_rules():
    for value, error in [(np.arange(6).reshape(2, 3), TypeError),
                         (np.arange(4), ValueError), ([[1]], TypeError),
                         (np.arange(3), ValueError)]:
        n, m = np.zeros((2, 3)), mi.zeros((2, 3))
        with pytest.raises(error) as n_error:
            n[n == 0] = value
        with pytest.raises(error) as m_error:
            m[m == 0] = value
        assert str(m_error.value) == str(n_error.value)
        assert m.tolist() == n.tolist()
    n, m = np.zeros((2, 3)), mi.zeros((2, 3))
    n[n == 0] = np.arange(6)
    m[m == 0] = mi.arange(6)
    assert m.tolist() == n.tolist()


def test_set_errors_are_numpys():
    n, m = np.zeros((2, 3)), mi.zeros((2, 3))
    for key, value in [([0, 1], np.arange(4)),
                       ((slice(None), [0, 1]), np.arange(6).reshape(3, 2)),
                       ([0, 5], 1.0)]:
        with pytest.raises(Exception) as n_error:
            n[key] = value
        with pytest.raises(type(n_error.value)) as m_error:
            m[key] = mi.asarray(value)
        assert str(m_error.value) == str(n_error.value)
    k, j = np.zeros(3, np.int8), mi.zeros(3, mi.int8)
    with pytest.raises(OverflowError):
        k[[0]] = 300
    with pytest.raises(OverflowError):
        j[[0]] = 300
    read_only = mi.zeros(3)
    read_only.flags.writeable = False
    with pytest.raises(ValueError, match="read-only"):
        read_only[[0]] = 1


def test_overlapping_value_is_read_first():
    n = np.arange(6.0)
    m = mi.arange(6.0)
    n[[1, 2, 3]] = n[:3]
    m[[1, 2, 3]] = m[:3]
    assert m.tolist() == n.tolist()


OVERLAPPING_INDICES = [
    # (name, make the array, assign through an index that views it)
    ("shifted", lambda xp: xp.arange(5),
     lambda a, xp: a[2:].__setitem__(a[:-2], 3)),
    ("newaxis", lambda xp: xp.arange(5),
     lambda a, xp: a[2:].__setitem__((None, a[:-2]), 3)),
    ("strided", lambda xp: xp.arange(8),
     lambda a, xp: a[::2].__setitem__(a[1::2][::-1] % 4, -1)),
    ("2-d", lambda xp: xp.arange(6).reshape(2, 3),
     lambda a, xp: a[:, 1:].__setitem__((a[:, 0] % 2, a[0, :2]), 7)),
    ("mask", lambda xp: xp.array([True, True, True, False]),
     lambda a, xp: a[1:].__setitem__(a[:-1], False)),
]


@pytest.mark.parametrize("name, make, assign", OVERLAPPING_INDICES,
                         ids=[case[0] for case in OVERLAPPING_INDICES])
def test_overlapping_index_is_read_first(name, make, assign):
    """An index array that views the array assigned to is read before
    any write, as NumPy copies it (index_has_memory_overlap): written
    first, ``a[2:][a[:-2]] = 3`` turned the last index into 3 and wrote
    past the end (NumPy's test_gh_26844; heap corruption)."""
    n, m = make(np), make(mi)
    assign(n, np)
    assign(m, mi)
    assert m.tolist() == n.tolist()


def test_result_is_a_copy():
    """The tutorial's lesson: a slice is a view, a fancy index a copy."""
    a = mi.arange(6.0)
    b = a[[0, 1]]
    b[0] = 9
    assert a[0] == 0 and not mi.shares_memory(a, b)
    a[[0, 1]] = 9
    assert a[0] == 9
    c = a[a > 3]
    assert c.flags.owndata and c.base is None


# ---------------------------------------------------------------------------
# take, put, take_along_axis, argwhere, flatnonzero, compress, ix_
# ---------------------------------------------------------------------------

def both(function_name, m_args, n_args, **kwargs):
    return (outcome(lambda: getattr(mi, function_name)(*m_args, **kwargs)),
            outcome(lambda: getattr(np, function_name)(*n_args, **kwargs)))


@given(data=st.data(), pair=twins())
def test_take(data, pair):
    m, n = pair
    axis = data.draw(st.none() | st.integers(-n.ndim - 1, n.ndim))
    length = n.size if axis is None else (
        n.shape[axis] if -n.ndim <= axis < n.ndim else 0)
    mode = data.draw(st.sampled_from(["raise", "wrap", "clip"]))
    n_index, m_index = data.draw(index_array(
        length, tuple(data.draw(st.lists(st.integers(0, 3), max_size=2))),
        mode == "raise" and data.draw(st.booleans())))
    valid_axis = axis is None or -n.ndim <= axis < n.ndim
    outer = 1 if axis is None or not valid_axis else int(
        np.prod(n.shape[:axis % n.ndim]))
    if mode == "wrap" and valid_axis and length == 0 and outer and (
            n_index.size):
        # NumPy 2.4 never returns here: its wrap loop looks for an index
        # modulo 0.  The result has no elements (else NumPy raises
        # first); clip mode's is the one it would give.
        got = outcome(lambda: mi.take(m, m_index, axis=axis, mode="wrap"))
        want = outcome(lambda: np.take(n, n_index, axis=axis, mode="clip"))
    else:
        got, want = both("take", (m, m_index), (n, n_index), axis=axis,
                         mode=mode)
    assert_same_outcome(got, want)


@pytest.mark.parametrize("shape", [(3, 0, 0), (2, 0), (0, 0), (3, 0, 2),
                                   (0, 3), (3, 0), (2, 3), (0,)])
@pytest.mark.parametrize("mode", ["raise", "wrap", "clip"])
def test_take_with_no_elements_is_numpys(shape, mode):
    """take into or from an empty axis: NumPy checks only the (axes
    before, index) pairs it walks, and refuses an empty axis only for a
    result with elements.  (The memcheck profile's draws found minind
    refusing where NumPy returns an empty result, and NumPy 2.4 hanging
    in wrap mode on such a pair: the clip result stands in for it.)"""
    for axis in [None] + list(range(len(shape))):
        length = int(np.prod(shape)) if axis is None else shape[axis]
        outer = 1 if axis is None else int(np.prod(shape[:axis]))
        for index in ([], [1], [-1, 5], [[0], [2]], [[]]):
            n_index = np.asarray(index, dtype=np.int64)
            numpy_mode = mode
            if mode == "wrap" and length == 0 and outer and n_index.size:
                numpy_mode = "clip"
            got = outcome(lambda: mi.take(mi.zeros(shape), mi.asarray(
                n_index), axis=axis, mode=mode))
            want = outcome(lambda: np.take(np.zeros(shape), n_index,
                                           axis=axis, mode=numpy_mode))
            assert_same_outcome(got, want)


@given(data=st.data(), pair=twins(layouts=WRITEABLE))
def test_put(data, pair):
    m, n = pair
    n = n.copy()
    mode = data.draw(st.sampled_from(["raise", "wrap", "clip"]))
    n_index, m_index = data.draw(index_array(
        n.size, (data.draw(st.integers(0, 6)),), mode == "raise"))
    values = data.draw(numpy_arrays(n.dtype, st.tuples(st.integers(0, 4))))
    before = np.asarray(m).copy()
    got = outcome(lambda: mi.put(m, m_index, mi.asarray(values), mode=mode))
    want = outcome(lambda: np.put(n, n_index, values, mode=mode))
    assert type(got[1]) is type(want[1]), (got, want)
    if want[1] is not None:
        # A failing call changes nothing (README, "What is guaranteed");
        # NumPy's put has written the values before the bad index.
        np.testing.assert_array_equal(np.asarray(m), before, strict=True)
    else:
        np.testing.assert_array_equal(np.asarray(m), n, strict=True)


@given(data=st.data(), pair=twins())
def test_take_along_axis(data, pair):
    m, n = pair
    if n.ndim == 0:
        return
    axis = data.draw(st.integers(-n.ndim, n.ndim - 1))
    # argsort's output, the classic argument, and random indices.
    shape = list(n.shape)
    shape[axis] = data.draw(st.integers(0, 3))
    if n.shape[axis] == 0:
        shape[axis] = 0
    idx = data.draw(hnp_int_arrays(tuple(shape), -n.shape[axis],
                                   max(n.shape[axis] - 1, -n.shape[axis])))
    if data.draw(st.booleans()):
        idx = np.argsort(n, axis=axis, kind="stable")
    got, want = both("take_along_axis", (m, mi.asarray(idx)), (n, idx),
                     axis=axis)
    assert_same_outcome(got, want)


@given(pair=twins())
def test_argwhere_flatnonzero(pair):
    m, n = pair
    for name in ("argwhere", "flatnonzero"):
        got, want = both(name, (m,), (n,))
        assert_same_outcome(got, want)


@given(data=st.data(), pair=twins())
def test_compress(data, pair):
    m, n = pair
    axis = data.draw(st.none() | st.integers(-n.ndim, max(n.ndim - 1, 0)))
    length = n.size if axis is None or n.ndim == 0 else n.shape[axis]
    condition = data.draw(hnp_bool_arrays((data.draw(
        st.integers(0, length + 1)),)))
    got, want = both("compress", (condition, m), (condition, n), axis=axis)
    assert_same_outcome(got, want)


def test_ix_():
    n = np.arange(20).reshape(4, 5)
    m = mi.asarray(n)
    for args in [([0, 3], [1, 2, 4]), ([True, False, True, True], [0]),
                 ([], [1]), (np.array([1], np.int8), [0, 4])]:
        got, want = mi.ix_(*args), np.ix_(*args)
        for g, w in zip(got, want):
            assert_same(g, w)
        assert_same(m[got], n[want])
    with pytest.raises(ValueError, match="Cross index must be 1 "
                       "dimensional"):
        mi.ix_([[0]])


def test_function_errors_are_numpys():
    a, n = mi.arange(6.0), np.arange(6.0)
    cases = [
        lambda xp, x: xp.take(x, [10]),
        lambda xp, x: xp.take(x[:0], [1], mode="wrap"),
        lambda xp, x: xp.take(x, [1], out=xp.zeros(2)),
        lambda xp, x: xp.put(x, [10], 1),
        lambda xp, x: xp.compress([[True]], x),
        lambda xp, x: xp.take_along_axis(x, xp.asarray([[0]]), axis=0),
        lambda xp, x: xp.take_along_axis(x, xp.asarray([0.0]), axis=0),
        lambda xp, x: xp.take_along_axis(x.reshape(2, 3),
                                         xp.asarray([[0], [1]]), axis=None),
    ]
    for case in cases:
        with pytest.raises(Exception) as n_error:
            case(np, n)
        with pytest.raises(type(n_error.value)) as m_error:
            case(mi, a)
        assert str(m_error.value) == str(n_error.value)


# ---------------------------------------------------------------------------
# choose, putmask, place
# ---------------------------------------------------------------------------

@st.composite
def broadcastable(draw, shape):
    """A shape that broadcasts to ``shape``: leading axes dropped, some
    lengths cut to 1."""
    ndim = draw(st.integers(0, len(shape)))
    return tuple(1 if draw(st.booleans()) else length
                 for length in shape[len(shape) - ndim:])


@st.composite
def choices(draw, first):
    """(minind choices, NumPy choices): ``first`` (a twin in any layout)
    and up to three more: the same array again, arrays of any dtype and
    layout that broadcast to it, Python numbers (weak in the promotion)."""
    m_list, n_list = [first[0]], [first[1]]
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["same", "array", "int", "float"]))
        if kind == "same":
            m_list.append(first[0])
            n_list.append(first[1])
        elif kind == "array":
            n = draw(exact_layout(dtypes, broadcastable(first[1].shape)))
            m, n = twin_of("sliced", n)
            m_list.append(m)
            n_list.append(n)
        else:
            value = draw(st.integers(-300, 300) if kind == "int" else
                         st.floats(-1e6, 1e6, allow_nan=False))
            m_list.append(value)
            n_list.append(value)
    return m_list, n_list


@given(data=st.data(), pair=twins())
def test_choose(data, pair):
    m_choices, n_choices = data.draw(choices(pair))
    count = len(n_choices)
    mode = data.draw(st.sampled_from(["raise", "wrap", "clip"]))
    values = data.draw(hnp_int_arrays(
        data.draw(broadcastable(pair[1].shape)), -2, count + 1))
    values = values.astype(data.draw(st.sampled_from(
        ["int64", "int8", "uint8", "int32", "bool", "uint64", "float64"])))
    n_index, m_index = data.draw(spelled(values))
    if isinstance(m_index, list):
        n_index = m_index          # (a list has no dtype to keep)
    if data.draw(st.booleans()):
        got = outcome(lambda: mi.choose(m_index, m_choices, mode=mode))
        want = outcome(lambda: np.choose(n_index, n_choices, mode=mode))
        assert_same_outcome(got, want)
        if want[1] is None and isinstance(values, np.ndarray) and type(
                m_index) is mi.MiniArray:
            assert_same_outcome(
                outcome(lambda: m_index.choose(m_choices, mode=mode)), want)
        return
    # Into out=: any dtype (cast unsafely), the broadcast shape or not.
    try:
        shape = np.broadcast_shapes(values.shape, *[
            np.shape(c) for c in n_choices])
    except ValueError:
        shape = values.shape
    if data.draw(st.booleans()):
        shape = data.draw(broadcastable(shape))
    dtype, order = data.draw(dtypes), data.draw(st.sampled_from("CF"))
    plain = outcome(lambda: np.choose(n_index, n_choices, mode=mode))[0]
    if dtype.kind in "iu" and np.asarray(plain).dtype.kind == "f":
        # Out-of-range float -> integer casts are platform-dependent in
        # NumPy (README, Differences).
        info = np.iinfo(dtype)
        assume(np.all((plain >= info.min) & (plain <= info.max)))
    n_out = np.zeros(shape, dtype, order)
    m_out = mi.zeros(shape, dtype.name, order)
    got = outcome(lambda: mi.choose(m_index, m_choices, out=m_out,
                                    mode=mode))
    # NumPy 2.4.6 writes an out= that is not C-contiguous in its memory
    # order in 'wrap' and 'clip' modes (README, Differences): its answer
    # is taken through a C-ordered out.
    n_c_out = np.zeros(shape, dtype)
    want = outcome(lambda: np.choose(n_index, n_choices, out=n_c_out,
                                     mode=mode))
    n_out[...] = n_c_out
    assert type(got[1]).__name__ == type(want[1]).__name__, (got, want)
    if want[1] is None:
        assert got[0] is m_out
    assert_same(m_out, n_out)


def test_choose_is_numpys():
    """Results and errors of choose word for word, and a.choose."""
    cases = [
        lambda xp: xp.choose([2, 0, 1], [[0, 1, 2], [3, 4, 5], [5, 6, 7]]),
        lambda xp: xp.choose(xp.asarray([0, 0, 1]).reshape(3, 1),
                             (xp.ones(3), 2 * xp.ones((2, 1, 3)))),
        lambda xp: xp.choose([0], (1000, xp.asarray([1], xp.uint8))),
        lambda xp: xp.choose([0], (1.0, xp.float32(3))),
        lambda xp: xp.choose(1, [10, 20, 30]),
        lambda xp: xp.choose(xp.zeros((0, 3), xp.int64), [xp.zeros(3), 2]),
        lambda xp: xp.choose([3, -4], [1, 2], mode="wrap"),
        lambda xp: xp.choose([3, -4], [1, 2], mode="clip"),
        lambda xp: xp.choose([True, False], [1, 2], mode=None),
        lambda xp: xp.choose([0, 1], [1, 2], mode=0),
        lambda xp: xp.asarray([1, 0]).choose([[1, 2], [3, 4]]),
    ]
    for case in cases:
        assert_same_outcome(outcome(lambda: case(mi)),
                            outcome(lambda: case(np)))
    errors = [
        lambda xp: xp.choose([0, 2], [1, 2]),
        lambda xp: xp.choose([0, -1], [1, 2]),
        lambda xp: xp.choose([0.5], [1, 2]),
        lambda xp: xp.choose(0.5, [1, 2]),
        lambda xp: xp.choose(xp.asarray([0], xp.uint64), [1, 2]),
        lambda xp: xp.choose([0, 1], [[1, 2, 3], [1, 2]]),
        lambda xp: xp.choose([0, 1], []),
        lambda xp: xp.choose([0, 1], [1, 2], mode="foo"),
        lambda xp: xp.choose([0, 1], [1, 2], mode="WRAP"),
        lambda xp: xp.choose([0, 1], [1, 2], mode=5),
        lambda xp: xp.choose([0, 1], [1, 2], mode=1.0),
        lambda xp: xp.choose([0, 1], [1, 2], out=xp.zeros(3)),
        lambda xp: xp.choose([0, 1], [1, 2], out=[1, 2]),
        lambda xp: xp.choose([0, 5], [1, 2], out=xp.zeros(3)),
        lambda xp: xp.ones(1, xp.int64).choose([0, 1] + [2] * 62),
        lambda xp: xp.choose(xp.zeros((1,) * 33, xp.int8), [1]),
        lambda xp: xp.choose(0, [xp.zeros((1,) * 33)]),
    ]
    for case in errors:
        with pytest.raises(Exception) as n_error:
            case(np)
        with pytest.raises(type(n_error.value)) as m_error:
            case(mi)
        assert str(m_error.value) == str(n_error.value)
    for xp in (np, mi):
        out = xp.zeros(2)
        out.flags.writeable = False
        with pytest.raises(ValueError, match="output array is read-only"):
            xp.choose([0, 5], [1, 2], out=out)
        # 63 choices and the index: NumPy's limit of 64 arrays.
        a = xp.ones((1,) * 32, xp.int64)
        assert xp.choose(a, [0, a] + [2] * 61).shape == a.shape
        # An out= that overlaps a choice: the choices are read first.
        x = xp.arange(5)
        y = xp.choose([0, 0, 0], [x[:3], x[:3], x[:3]], out=x[1:4],
                      mode="wrap")
        assert y.tolist() == [0, 1, 2] and x.tolist() == [0, 0, 1, 2, 4]
        out = xp.zeros((), xp.int64)
        assert xp.choose(xp.asarray(1), [10, 20, 30], out=out) is out


@st.composite
def flat_masks(draw, shape):
    """(NumPy mask, minind mask) with ``shape``'s size: that shape, flat,
    reversed or the wrong size; bool or another dtype; list or array."""
    size = int(np.prod(shape))
    choice = draw(st.sampled_from(["same", "flat", "reversed", "wrong"]))
    mshape = {"same": shape, "flat": (size,), "reversed": shape[::-1],
              "wrong": (size + draw(st.sampled_from([-1, 1])),)}[choice]
    if min(mshape, default=0) < 0:
        mshape = (1,)
    mask = draw(hnp.arrays(np.bool_, mshape))
    if draw(st.booleans()):
        mask = mask.astype(draw(st.sampled_from(["int8", "float64"])))
    return draw(spelled(mask))


@st.composite
def mask_values(draw, dtype):
    """(NumPy values, minind values): an array of any dtype (which must
    cast safely), a list or a Python number of ``dtype``'s values."""
    values = draw(numpy_arrays(
        draw(st.sampled_from([dtype, dtype, draw(dtypes)])),
        hnp.array_shapes(min_dims=0, max_dims=2, min_side=0, max_side=3)))
    how = draw(st.sampled_from(["array", "numpy", "list", "number"]))
    if how == "array":
        return values, mi.asarray(values)
    if how == "numpy":
        return values, values
    values = values.astype(dtype)
    if how == "number" or values.ndim == 0:
        return values.flat[0].item() if values.size else 0, (
            values.flat[0].item() if values.size else 0)
    return values.tolist(), values.tolist()


@pytest.mark.parametrize("name", ["putmask", "place"])
@given(data=st.data(), pair=twins())
def test_putmask_place(name, data, pair):
    m, n = pair
    if n.flags.writeable:
        n = n.copy()           # m writes into the twin's memory
    n_mask, m_mask = data.draw(flat_masks(n.shape))
    n_values, m_values = data.draw(mask_values(n.dtype))
    got = outcome(lambda: getattr(mi, name)(m, m_mask, m_values))
    want = outcome(lambda: getattr(np, name)(n, n_mask, n_values))
    assert type(got[1]).__name__ == type(want[1]).__name__, (got, want)
    if want[1] is not None:
        assert str(got[1]).replace("minind", "numpy") == str(want[1])
    np.testing.assert_array_equal(np.asarray(m), n, strict=True)


def test_putmask_place_are_numpys():
    """The overlaps NumPy's tests pin down, and the errors word for
    word."""
    for xp in (np, mi):
        x = xp.asarray([True, False, True, False])
        xp.putmask(x[1:4], [True, True, True], x[:3])
        assert x.tolist() == [True, True, False, True]
        x = xp.asarray([True, False, True, False])
        xp.putmask(x[1:4], x[:3], [True, False, True])
        assert x.tolist() == [True, True, True, True]
        x = xp.arange(6).reshape(2, 3).T
        xp.putmask(x, x > 2, x ** 2)
        assert x.tolist() == [[0, 9], [1, 16], [2, 25]]
        x = xp.arange(6).reshape(2, 3).T
        xp.place(x, x > 2, [44, 55])
        assert x.tolist() == [[0, 44], [1, 55], [2, 44]]
        x = xp.zeros(2, xp.int64)
        xp.putmask(x, values=[-1, -2], mask=[0, 1])
        assert x.tolist() == [0, -2]
        with pytest.raises(TypeError):
            xp.putmask(a=x, values=[-1, -2], mask=[0, 1])
    errors = [
        lambda xp: xp.putmask([1, 2], [True, True], 1),
        lambda xp: xp.putmask(xp.arange(3), [True], 5),
        lambda xp: xp.putmask(xp.arange(3), [True] * 3, xp.asarray(2.5)),
        lambda xp: xp.putmask(xp.arange(3), [True] * 3, xp.asarray([2.5])),
        lambda xp: xp.putmask(xp.arange(3, dtype=xp.int8), [1] * 3, 300),
        lambda xp: xp.place([1, 2], [1, 1], [1]),
        lambda xp: xp.place(xp.arange(3), [1], [1]),
        lambda xp: xp.place(xp.arange(3), [1, 0, 0], []),
        lambda xp: xp.place(xp.arange(3), [1, 0, 0], xp.asarray([2.5])),
    ]
    for case in errors:
        with pytest.raises(Exception) as n_error:
            case(np)
        with pytest.raises(type(n_error.value)) as m_error:
            case(mi)
        assert str(m_error.value).replace("minind", "numpy") == str(
            n_error.value)
    for xp, words in ((np, "putmask: output array is read-only"),
                      (mi, "putmask: output array is read-only")):
        x = xp.arange(3)
        x.flags.writeable = False
        with pytest.raises(ValueError, match=words):
            xp.putmask(x, [True] * 3, 1)


# ---------------------------------------------------------------------------
# ravel_multi_index, unravel_index
# ---------------------------------------------------------------------------

def assert_same_tuple(got, want):
    """Outcomes whose results are tuples of arrays or scalars."""
    (m, m_error), (n, n_error) = got, want
    if m_error is not None or n_error is not None:
        assert type(m_error).__name__ == type(n_error).__name__, (
            m_error, n_error)
        assert str(m_error) == str(n_error)
        return
    assert type(m) is tuple and len(m) == len(n)
    for m_item, n_item in zip(m, n):
        assert_same_outcome((m_item, None), (n_item, None))


@st.composite
def flat_index_values(draw, shape, lo, hi):
    """An integer (or bool) array of ``shape`` with values in lo..hi."""
    values = draw(hnp_int_arrays(shape, lo, hi))
    dtype = draw(st.sampled_from(INDEX_DTYPES + ["bool"]))
    if np.dtype(dtype).kind != "b" and (
            values.size and (values.min() < np.iinfo(dtype).min
                             or values.max() > np.iinfo(dtype).max)):
        dtype = "int64"
    return values.astype(dtype)


@given(data=st.data())
def test_unravel_index(data):
    dims = data.draw(hnp.array_shapes(min_dims=0, max_dims=3, min_side=0,
                                      max_side=4))
    size = int(np.prod(dims))
    ishape = data.draw(hnp.array_shapes(min_dims=0, max_dims=3, min_side=0,
                                        max_side=4))
    if data.draw(st.booleans()) and size:
        values = data.draw(flat_index_values(ishape, 0, size - 1))
    else:
        values = data.draw(flat_index_values(ishape, -2, size + 2))
    n_index, m_index = data.draw(spelled(values))
    order = data.draw(st.sampled_from(["C", "F"]))
    assert_same_tuple(outcome(lambda: mi.unravel_index(m_index, dims, order)),
                      outcome(lambda: np.unravel_index(n_index, dims, order)))


@given(data=st.data())
def test_ravel_multi_index(data):
    dims = data.draw(hnp.array_shapes(min_dims=1, max_dims=3, min_side=1,
                                      max_side=5))
    bshape = data.draw(hnp.array_shapes(min_dims=0, max_dims=2, min_side=0,
                                        max_side=3))
    valid = data.draw(st.booleans())
    n_coords, m_coords = [], []
    for length in dims:
        lo, hi = (0, length - 1) if valid else (-2 * length, 2 * length)
        values = data.draw(flat_index_values(
            data.draw(broadcastable(bshape)), lo, hi))
        n_value, m_value = data.draw(spelled(values))
        n_coords.append(n_value)
        m_coords.append(m_value)
    modes = st.sampled_from(["raise", "wrap", "clip"])
    mode = data.draw(modes | st.tuples(*[modes] * len(dims)))
    order = data.draw(st.sampled_from(["C", "F"]))
    got = outcome(lambda: mi.ravel_multi_index(tuple(m_coords), dims,
                                               mode, order))
    want = outcome(lambda: np.ravel_multi_index(tuple(n_coords), dims,
                                                mode, order))
    if want[1] is not None:
        assert str(got[1]) == str(want[1]), (got, want)
    assert_same_outcome(got, want)


def test_ravel_unravel_are_numpys():
    """NumPy's own cases (lib/tests/test_index_tricks.py), results and
    errors word for word."""
    cases = [
        lambda xp: xp.unravel_index(2, (2, 2)),
        lambda xp: xp.unravel_index(indices=2, shape=(2, 2)),
        lambda xp: xp.unravel_index(254, (17, 94)),
        lambda xp: xp.unravel_index(0, ()),
        lambda xp: xp.unravel_index(1621, (6, 7, 8, 9)),
        lambda xp: xp.unravel_index([31, 41, 13], (7, 6), order="F"),
        lambda xp: xp.unravel_index(xp.zeros(0, xp.int64), (2, 1, 0)),
        lambda xp: xp.unravel_index(xp.asarray([[1, 0, 1, 0]], xp.uint32),
                                    (4,)),
        lambda xp: xp.unravel_index(xp.asarray([[1, 7], [11, 0]]).T, (3, 4)),
        lambda xp: xp.unravel_index(xp.zeros((0, 2), xp.int64), (2, 3)),
        lambda xp: xp.unravel_index(3, 4),
        lambda xp: xp.unravel_index(-1, (2, 2)),
        lambda xp: xp.unravel_index(4, (2, 2)),
        lambda xp: xp.unravel_index(0.5, (2, 2)),
        lambda xp: xp.unravel_index([], (10, 3, 5)),
        lambda xp: xp.unravel_index((), (10, 3, 5)),
        lambda xp: xp.unravel_index(xp.asarray([]), (10, 3, 5)),
        lambda xp: xp.unravel_index([0], ()),
        lambda xp: xp.unravel_index([1], ()),
        lambda xp: xp.unravel_index(1, (2**32 - 1, 2**31 + 1)),
        lambda xp: xp.unravel_index(1, None),
        lambda xp: xp.unravel_index(1, (5,), order="A"),
        lambda xp: xp.unravel_index(1, (5,), order="X"),
        lambda xp: xp.unravel_index(1, (5.0,)),
        lambda xp: xp.ravel_multi_index((1, 0), (2, 2)),
        lambda xp: xp.ravel_multi_index((3, 1, 4, 1), (6, 7, 8, 9)),
        lambda xp: xp.ravel_multi_index([[3, 6, 6], [4, 5, 1]], (7, 6)),
        lambda xp: xp.ravel_multi_index([[3, 6, 6], [4, 5, 1]], (4, 4),
                                        mode=("clip", "wrap")),
        lambda xp: xp.ravel_multi_index([5, 1, -1, 2], (4, 3, 7, 12),
                                        mode="wrap"),
        lambda xp: xp.ravel_multi_index(([], []), (10, 3)),
        lambda xp: xp.ravel_multi_index(([], ["abc"]), (10, 3)),
        lambda xp: xp.ravel_multi_index((xp.asarray([]), xp.asarray([])),
                                        (5, 3)),
        lambda xp: xp.ravel_multi_index(
            (xp.asarray([], xp.int64), xp.asarray([], xp.int64)), (5, 3)),
        lambda xp: xp.ravel_multi_index(xp.zeros((3, 0), xp.int64),
                                        (2, 1, 0)),
        lambda xp: xp.ravel_multi_index(xp.zeros((3, 1), xp.int64),
                                        (2, 1, 0), mode="wrap"),
        lambda xp: xp.ravel_multi_index(([0], [0]), (2**62, 2)),
        lambda xp: xp.ravel_multi_index(([0], [0]), (2**62, 4)),
        lambda xp: xp.ravel_multi_index(([0], [0]), (2**62, 4), order="F"),
        lambda xp: xp.ravel_multi_index((-3, 1), (2, 2)),
        lambda xp: xp.ravel_multi_index((0, 2), (2, 2)),
        lambda xp: xp.ravel_multi_index((0.1, 0.0), (2, 2)),
        lambda xp: xp.ravel_multi_index(([1, 2], [2, 3, 1]), (3, 4)),
        lambda xp: xp.ravel_multi_index(([1, 2], [2, 3, 1], [1]), (3, 4, 5)),
        lambda xp: xp.ravel_multi_index(([0],), (2, 3)),
        lambda xp: xp.ravel_multi_index(5, (2, 3)),
        lambda xp: xp.ravel_multi_index(([0], [0]), (2, 3), mode=("clip",)),
        lambda xp: xp.ravel_multi_index(([0], [0]), (2, 3), mode=5),
        lambda xp: xp.ravel_multi_index((1, 2), (3, 4), order="A"),
        lambda xp: xp.ravel_multi_index((), ()),
    ]
    for case in cases:
        got, want = outcome(lambda: case(mi)), outcome(lambda: case(np))
        if isinstance(want[0], tuple):
            assert_same_tuple(got, want)
        else:
            if want[1] is not None:
                assert str(got[1]) == str(want[1]), (got, want)
            assert_same_outcome(got, want)
    x, y = mi.unravel_index([1, 2, 3], (4, 5))
    assert x.flags.writeable and y.flags.writeable


def test_value_converted_before_the_index_arrays_broadcast():
    """NumPy converts the value, then broadcasts the index arrays: a bad
    value is reported before an index shape mismatch (the fuzzer's
    find)."""
    for value, error in (("x", ValueError), (1.0, IndexError)):
        for a in (np.zeros((3, 2, 0), np.float32),
                  mi.zeros((3, 2, 0), mi.float32)):
            with pytest.raises(error):
                a[False, [-3, -3], np.array([], bool)] = value



EVERY = slice(None)


@pytest.mark.parametrize("shape, key, value_shape", [
    ((3, 0, 3), (-1, []), (3, 0, 3)), ((3, 0, 3), (-1, []), (2, 0, 0, 3)),
    ((3, 0, 3), (-1, []), (7, 0, 2)), ((3, 0, 3), (EVERY, []), (2, 0, 0, 3)),
    ((5,), ([],), (2, 0)), ((5,), ([],), (2, 3)), ((5,), [0, 1], (0, 2)),
    ((0,), ([],), (4, 0, 0)), ((3, 0), [0, 1], (4, 0, 0)),
    ((5, 0), [0, 1], (3, 1, 0)), ((5, 0), [0, 1], (0, 1, 0)),
    ((5, 3), ([], EVERY), (0, 1, 3)), ((5, 3), ([], EVERY), (2, 0, 1)),
    ((5, 3), ([], EVERY), (5, 1, 0, 3)), ((5, 3), ([], EVERY), (1, 3)),
    ((5, 3), ([], EVERY), (1, 0, 1, 3)), ((5, 3), ([], EVERY), (0, 0, 3)),
    ((5, 0, 2), [0, 1], (0, 1, 0, 2)), ((5, 0, 2), [0, 1], (0, 2, 1, 2)),
])
def test_empty_result_takes_an_empty_value_of_more_dimensions(
        shape, key, value_shape):
    """When nothing is written (an empty a[key] and an empty value),
    NumPy drops the value's extra leading axes whatever their lengths,
    and then wants 0 where the result has 0 (found by the fuzzer)."""
    def assign(xp):
        a = xp.ones(shape)
        a[key] = xp.zeros(value_shape)
        return a
    assert_same_outcome(outcome(lambda: assign(mi)),
                        outcome(lambda: assign(np)))


@pytest.mark.parametrize("key", [True, False, (True,), np.False_, "0-d",
                                 (True, None), (None, True), [True]])
@pytest.mark.parametrize("value_shape", [(), (1,), (2,), (1, 1), (1, 1, 1)])
def test_one_boolean_on_a_0d_array_is_a_full_mask(key, value_shape):
    """a[True] = value on a 0-d array is NumPy's full-rank mask assignment
    (a value of at most one dimension), not broadcasting (found by the
    fuzzer: minind took a value of 62 length-1 axes)."""
    def assign(xp):
        a = xp.zeros(())
        a[xp.asarray(True) if key == "0-d" else key] = xp.ones(value_shape)
        return a
    assert_same_outcome(outcome(lambda: assign(mi)),
                        outcome(lambda: assign(np)))

# ---------------------------------------------------------------------------
# Index expressions: s_ and index_exp
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("build", [
    lambda e: e[3], lambda e: e[1:5], lambda e: e[::-2, None],
    lambda e: e[..., 0], lambda e: e[()], lambda e: e[[0, 2]],
    lambda e: e[1:2, ...], lambda e: e[(1,)],
])
def test_s_and_index_exp_are_numpys(build):
    """``s_[...]`` is the index as written; ``index_exp[...]`` the same
    always as a tuple; both index minind arrays as they index NumPy's."""
    for mine, theirs in ((mi.s_, np.s_), (mi.index_exp, np.index_exp)):
        assert build(mine) == build(theirs)
        assert type(build(mine)) is type(build(theirs))
        assert mine.maketuple == theirs.maketuple
    n = np.arange(24).reshape(4, 6)
    m = mi.asarray(n)
    assert_same(m[build(mi.s_)], n[build(np.s_)])


@pytest.mark.parametrize("dtype", ["bool", "int8", "float64"])
@pytest.mark.parametrize("value", [[False, False], [0, 0], [1], []])
@pytest.mark.parametrize("as_array", [False, True])
def test_a_sequence_into_one_element(dtype, value, as_array):
    """One element (an integer key, or a 0-d integer array among them)
    set from a sequence: NumPy's bool takes a list's truth value and
    refuses an array of more than one element; the others refuse both,
    each with its own class (the thorough profile's find, once the
    harness gave both libraries the same list)."""
    for key in [(0, 0, 0), (0, 0, "0-d")]:
        def assign(xp):
            a = xp.zeros((1, 2, 2), dtype)
            k = tuple(xp.asarray(0, dtype="int8") if i == "0-d" else i
                      for i in key)
            a[k] = xp.asarray(value) if as_array else value
            return a
        assert_same_outcome(outcome(lambda: assign(mi)),
                            outcome(lambda: assign(np)))


def test_put_with_a_bad_index_changes_nothing():
    """NumPy's put writes the values before an out-of-bounds index and
    then raises; minind checks every index first and writes nothing
    (README, "A failing call changes nothing"; the thorough profile's
    find in test_put)."""
    n = np.zeros(3, np.int8)
    with pytest.raises(IndexError):
        np.put(n, np.array([0, 5], np.uint8), np.array([7], np.int8))
    assert n.tolist() == [7, 0, 0]
    m = mi.zeros(3, mi.int8)
    with pytest.raises(IndexError, match="index 5 is out of bounds"):
        mi.put(m, mi.asarray(np.array([0, 5], np.uint8)),
               mi.asarray(np.array([7], np.int8)))
    assert m.tolist() == [0, 0, 0]


class _KeyTuple(tuple):
    """A tuple subclass: NumPy reads it as a tuple of indices."""


@pytest.mark.parametrize("key", [
    ([1], [1]), (1, slice(None)), (1, 2), (Ellipsis, 0), (), ([True] * 5,),
    (slice(None, None, -2), [0, 4]), (None, 1)])
def test_a_tuple_subclass_is_a_tuple_of_indices(key):
    """``a[TupleSubclass(...)]`` indexes as the tuple would, read and
    written; wrapped in a 1-tuple it is one index array (NumPy's
    TestIndexing.test_tuple_subclass)."""
    n = np.arange(25.0).reshape(5, 5)
    m = mi.asarray(n.copy())
    got, want = m[_KeyTuple(key)], n[_KeyTuple(key)]
    if isinstance(want, np.ndarray):
        assert_same(got, want)
    else:
        assert_same_scalar(got, want)
    m[_KeyTuple(key)] = -1.0
    n[_KeyTuple(key)] = -1.0
    assert_same(m, n)
    if key == ([1], [1]):
        assert_same(m[_KeyTuple(key), ], n[_KeyTuple(key), ])
    z = mi.asarray(5.0)
    assert z[_KeyTuple((True,))].shape == np.asarray(5.0)[
        _KeyTuple((True,))].shape == (1,)
