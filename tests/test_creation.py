"""Tests for minind's array creation, checked against NumPy.

Every test builds the same input for both libraries and compares the
results: values, dtype, shape, strides, the flags (OWNDATA, C_CONTIGUOUS,
F_CONTIGUOUS, WRITEABLE) and, where it matters, whether the result is a
view, the same object, or a copy.  Errors must have NumPy's class (and its
message where a user would search for it).

Covered: ``array``/``asarray`` (nested sequences, scalars, dtypes, order,
ndmin, copy semantics, buffer exporters, arrays inside lists, ragged and
non-numeric input), ``empty``/``zeros``/``ones``/``full`` and their
``*_like`` versions (NumPy's K-order stride rule), ``arange``,
``ascontiguousarray``/``asfortranarray``, ``copy`` and ``astype``.
"""
import array as pyarray
import gc
import weakref

import numpy as np
import pytest
from hypothesis import assume, example, given, strategies as st
from hypothesis.extra import numpy as hnp

import minind as mi
from strategies import (DTYPE_NAMES, LAYOUTS, assert_same,
                        assert_same_layout, dtypes, numpy_arrays,
                        numpy_layouts, shapes, twins)

ORDERS = ["C", "F", "A", "K"]
orders = st.sampled_from(ORDERS)
dtype_names = st.sampled_from(DTYPE_NAMES)


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

def assert_same_owner(m, n):
    """assert_same plus OWNDATA and view-ness (base set or not)."""
    assert_same(m, n)
    assert m.flags.owndata == n.flags.owndata
    assert (m.base is None) == (n.base is None)


def address(a):
    """The address of an array's first element (works for size 0 too)."""
    return a.__array_interface__["data"][0]


def shares(a, b):
    """np.shares_memory for any mix of MiniArrays and NumPy arrays."""
    return np.shares_memory(np.asarray(a), np.asarray(b))


def outcome(func, module):
    """``func(module)``, or the exception it raised."""
    try:
        return func(module)
    except Exception as exc:            # noqa: BLE001 - compared below
        return exc


COPY_MESSAGE = "Unable to avoid copy while creating an array as requested."


def numpy_message(exc):
    """NumPy's message, without the two lines of NumPy 1.x migration advice
    (about ``np.array(obj, copy=False)``) that follow COPY_MESSAGE."""
    text = str(exc)
    if text.startswith(COPY_MESSAGE + "\n"):
        return COPY_MESSAGE
    return text


def assert_same_error(m_exc, n_exc, message=True):
    assert isinstance(n_exc, Exception), n_exc
    assert isinstance(m_exc, Exception), (
        f"NumPy raised {type(n_exc).__name__}: {n_exc}; minind returned "
        f"{m_exc!r}")
    assert type(m_exc) is type(n_exc), (m_exc, n_exc)
    if message:
        assert str(m_exc) == numpy_message(n_exc)


def raises_like_numpy(func, message=True):
    """``func(np)`` raises; ``func(mi)`` must raise the same class (and,
    with ``message``, the same text)."""
    assert_same_error(outcome(func, mi), outcome(func, np), message)


def compare(func, message=True, owner=True):
    """Run ``func`` with both libraries: same error, or same result."""
    n = outcome(func, np)
    m = outcome(func, mi)
    if isinstance(n, Exception):
        assert_same_error(m, n, message)
        return None, None
    assert not isinstance(m, Exception), f"NumPy succeeded, minind: {m!r}"
    if owner:
        assert_same_owner(m, n)
    else:
        assert_same(m, n)
    return m, n


@st.composite
def exact_twins(draw, dtype=dtypes, shape=shapes, layouts=LAYOUTS):
    """``twins()`` whose NumPy side has exactly the MiniArray's strides.

    The shared twins can differ in strides where strides carry no
    information: NumPy exports recomputed C strides for C-contiguous arrays
    (so ``mi.asarray(n)`` of a size-0 array, or one whose length-1 axes
    have odd strides, differs from ``n``), and ``hnp.arrays`` sometimes
    returns such arrays.  Here ``n`` is re-strided to ``m``'s layout (safe:
    the strides differ only on length-1 axes or in size-0 arrays).
    """
    m, n = draw(twins(dtype, shape, layouts))
    if m.strides != n.strides:
        n = np.lib.stride_tricks.as_strided(
            n, shape=m.shape, strides=m.strides,
            writeable=bool(n.flags.writeable))
    assert_same(m, n)
    return m, n


@st.composite
def mix_tuples(draw, obj):
    """``obj`` (nested lists) with some of the lists turned into tuples."""
    if isinstance(obj, list):
        items = [draw(mix_tuples(item)) for item in obj]
        return tuple(items) if draw(st.booleans()) else items
    return obj


@st.composite
def nested_from_numpy(draw, dtype=dtypes, shape=shapes):
    """Nested lists (maybe tuples) of Python scalars: ``n.tolist()``."""
    n = draw(numpy_arrays(dtype, shape))
    return draw(mix_tuples(n.tolist()))


def reshape_nested(flat, shape):
    """The flat list ``flat`` as nested lists of ``shape`` (C order)."""
    if not shape:
        return flat[0]
    if len(shape) == 1:
        return list(flat)
    step = len(flat) // shape[0] if shape[0] else 0
    return [reshape_nested(flat[i * step:(i + 1) * step], shape[1:])
            for i in range(shape[0])]


# Python scalars of every kind NumPy's dtype discovery distinguishes:
# bool, int (int64 range), big int (uint64 only), float (also inf/NaN).
python_scalars = st.one_of(
    st.booleans(),
    st.integers(-10, 10),
    st.integers(-2**63, 2**63 - 1),
    st.integers(2**63, 2**64 - 1),
    st.floats(allow_subnormal=False),
)


@st.composite
def mixed_nested(draw):
    shape = draw(hnp.array_shapes(min_dims=0, max_dims=3, min_side=1,
                                  max_side=4))
    size = int(np.prod(shape))
    kinds = draw(st.lists(st.sampled_from(["bool", "int", "big", "float"]),
                          min_size=1, max_size=4, unique=True))
    leaf = {
        "bool": st.booleans(),
        "int": st.integers(-2**63, 2**63 - 1) | st.integers(-5, 5),
        "big": st.integers(2**63, 2**64 - 1),
        "float": st.floats(allow_subnormal=False),
    }
    flat = draw(st.lists(st.one_of([leaf[k] for k in kinds]),
                         min_size=size, max_size=size))
    return draw(mix_tuples(reshape_nested(flat, shape)))


# ---------------------------------------------------------------------------
# array() from nested sequences and scalars
# ---------------------------------------------------------------------------

@given(nested_from_numpy())
@example([])
@example([[]])
@example([[], []])
@example([[[]]])
@example(([],))
@example([[[], []], [[], []]])
@example(True)
@example(7)
@example(-2.5)
@example(2**63)
@example(2**64 - 1)
@example(float("nan"))
def test_array_from_nested(obj):
    m, n = compare(lambda lib: lib.array(obj))
    assert m.flags.owndata


@given(mixed_nested())
@example([True, 2])
@example([True, 2.5])
@example([1, 2.5])
@example([2**63, 1])
@example([2**63, -1])           # uint64 with int64 -> float64
@example([2**63, True])
@example([[2**64 - 1], [0]])
@example([False, 2**63])
def test_array_dtype_discovery_mixed_leaves(obj):
    compare(lambda lib: lib.array(obj))


@pytest.mark.parametrize("obj", [[], [[]], [[], []], [[[]]], [[[], []]],
                                 (), ((),), [()]])
@pytest.mark.parametrize("dtype", [None] + DTYPE_NAMES)
def test_array_empty_sequences(obj, dtype):
    compare(lambda lib: lib.array(obj, dtype=dtype))


@given(nested_from_numpy(), dtype_names)
def test_array_explicit_dtype(obj, dtype):
    """NumPy's scalar casting: in-range ints and truncated floats succeed;
    ints out of range raise OverflowError, NaN into int ValueError, inf into
    int OverflowError.  Out-of-range *floats* into int are compared by
    class only (NumPy words that error after its own int conversion)."""
    target = np.dtype(dtype)
    leaves = np.array(obj, dtype=object).ravel().tolist() if np.ndim(
        obj) else [obj]
    message = True
    if target.kind in "iu":
        info = np.iinfo(target)
        for value in leaves:
            if isinstance(value, float) and value == value and not (
                    info.min <= value < info.max + 1):
                message = False
    compare(lambda lib: lib.array(obj, dtype=dtype), message=message)


@pytest.mark.parametrize("obj, dtype", [
    ([1.9, -1.9, 0.5, -0.5], "int8"),
    ([1.9, 2.1], "uint8"),
    ([300], "int8"),
    ([-1], "uint8"),
    ([2**63], "int64"),
    ([2**64], "uint64"),
    ([-129], "int8"),
    ([65536], "uint16"),
    ([float("nan")], "int32"),
    ([float("nan")], "uint64"),
    ([float("inf")], "int16"),
    ([-float("inf")], "int64"),
    ([float("nan"), 1.0], "bool"),
    ([1e300], "float32"),
    ([2, 0, -3], "bool"),
    ([True, False], "float32"),
    (300, "int8"),
    (float("nan"), "int64"),
    (2.75, "int32"),
    ([[1.5, 2.5], [3.5, -4.5]], "int16"),
])
def test_array_scalar_casting(obj, dtype):
    compare(lambda lib: lib.array(obj, dtype=dtype))


@given(nested_from_numpy(), orders, st.integers(0, 6))
def test_array_order_and_ndmin_from_nested(obj, order, ndmin):
    compare(lambda lib: lib.array(obj, order=order, ndmin=ndmin))


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("ndmin", [0, 1, 2, 3, 5])
@pytest.mark.parametrize("obj", [5, [1, 2, 3], [[1, 2], [3, 4]],
                                 [[1, 2, 3]], [[[1.5]]], [], [[]]])
def test_array_ndmin_examples(obj, order, ndmin):
    compare(lambda lib: lib.array(obj, order=order, ndmin=ndmin))


RAGGED = [
    [[1, 2], [3]],
    [[1], 2],
    [1, [2]],
    [[], [1]],
    [[1, 2], []],
    [1, []],
    [[1, 2], [3, 4], [5]],
    ([1, 2], (3,)),
    [[[1, 2], [3, 4]], [[1, 2], [3]]],
    [[[1], [2]], [[3], 4]],
    [[[1]], [[1, 2]]],
    [[[1, 2]], [[1, 2], [3, 4]]],
    [[[1, 2], [3, 4]], [5, 6]],
    [[[[1, 2]]], [[[1, 2, 3]]]],
    [[[[1], [2]]], [[[1], 2]]],
    [[1.5, 2.5], [True]],
    [0, [[1]]],
    # A leaf minind cannot store: NumPy would put it in an object array,
    # so the shape's error comes first.
    [None, []],
    [[1], [None, 2]],
    ["a", [1]],
    [[1, 2], [complex(1, 2)]],
]


@pytest.mark.parametrize("obj", RAGGED, ids=repr)
def test_array_ragged(obj):
    raises_like_numpy(lambda lib: lib.array(obj))


@pytest.mark.parametrize("obj", RAGGED, ids=repr)
def test_array_ragged_with_dtype(obj):
    raises_like_numpy(lambda lib: lib.array(obj, dtype="float64"))


def test_array_ragged_arrays_inside_lists():
    for parts in ([np.ones(2), np.ones(3)],
                  [np.ones((2, 2)), np.ones((2, 3))],
                  [np.ones((2, 2)), [1, 2]],
                  [[1, 2], np.ones(3)],
                  [np.ones(2), 5]):
        n_exc = outcome(lambda lib: lib.array(parts), np)
        # minind reads the NumPy arrays through the buffer protocol...
        assert_same_error(outcome(lambda lib: lib.array(parts), mi), n_exc)
        # ...and its own arrays directly.
        m_parts = [mi.asarray(p) if isinstance(p, np.ndarray) else p
                   for p in parts]
        assert_same_error(outcome(lambda lib: mi.array(m_parts), mi), n_exc)


# NumPy would build a string, object or complex array from these; minind
# only holds booleans and real numbers, so it raises TypeError instead.
@pytest.mark.parametrize("obj", [
    "a", ["a", "b"], [1, "a"], None, [None], [1, None], [[1], [None]],
    1j, [1j], [1.0, 2j], object(), [object()], [[1, 2], [3, object()]],
])
def test_array_non_numeric_raises_type_error(obj):
    with pytest.raises(TypeError):
        mi.array(obj)
    with pytest.raises(TypeError):
        mi.asarray(obj)


# ---------------------------------------------------------------------------
# array() from MiniArrays: copy semantics
# ---------------------------------------------------------------------------

@given(exact_twins())
def test_array_copies_by_default(pair):
    m, n = pair
    r = mi.array(m)
    rn = np.array(n)
    assert_same_owner(r, rn)
    assert r is not m
    assert r.flags.owndata and r.base is None
    if m.size:
        assert not shares(r, m)


@given(exact_twins(), st.sampled_from([True, None, False]), orders,
       st.none() | dtype_names, st.integers(0, 5))
def test_array_copy_order_dtype_ndmin(pair, copy, order, dtype, ndmin):
    m, n = pair
    with np.errstate(all="ignore"):
        rn = outcome(lambda lib: np.array(n, dtype=dtype, copy=copy,
                                          order=order, ndmin=ndmin), np)
    rm = outcome(lambda lib: mi.array(m, dtype=dtype, copy=copy, order=order,
                                      ndmin=ndmin), mi)
    if isinstance(rn, Exception):
        # copy=False when a copy is needed.
        assert_same_error(rm, rn)
        return
    assert not isinstance(rm, Exception), rm
    assert (rm is m) == (rn is n)
    if rn is n:
        return
    assert rm.flags.owndata == rn.flags.owndata
    assert (rm.base is None) == (rn.base is None)
    assert shares(rm, m) == np.shares_memory(rn, n)
    with np.errstate(all="ignore"):
        if dtype is not None and n.dtype.kind == "f" and np.dtype(
                dtype).kind in "iu":
            assert_same_layout(rm, rn)
            np.testing.assert_array_equal(
                np.asarray(rm), documented_cast(n, np.dtype(dtype),
                                                rn).reshape(rn.shape),
                strict=True)
        else:
            assert_same(rm, rn)


@given(exact_twins(), st.sampled_from([None, "K", "A", "C", "F"]))
def test_asarray_of_miniarray(pair, order):
    m, n = pair
    rm = mi.asarray(m, order=order)
    rn = np.asarray(n, order=order)
    assert (rm is m) == (rn is n)
    if rn is n:
        return
    assert_same(rm, rn)
    assert rm.flags.owndata == rn.flags.owndata
    assert shares(rm, m) == np.shares_memory(rn, n)


def test_asarray_same_object_when_nothing_changes():
    m = mi.zeros((2, 3))
    assert mi.asarray(m) is m
    assert mi.asarray(m, dtype="float64") is m
    assert mi.asarray(m, dtype=mi.float64) is m
    assert mi.asarray(m, order="C") is m
    assert mi.array(m, copy=None) is m
    assert mi.array(m, copy=False) is m
    assert mi.asarray(m, order="F") is not m


@pytest.mark.parametrize("func", [
    lambda lib: lib.array(lib.zeros((2, 3)), dtype="int32", copy=False),
    lambda lib: lib.array(lib.zeros((2, 3)), copy=False, order="F"),
    lambda lib: lib.asarray(lib.zeros((2, 3)), order="F", copy=False),
    lambda lib: lib.asarray(lib.zeros(3), dtype="float32", copy=False),
    lambda lib: lib.array([1, 2], copy=False),
    lambda lib: lib.array(5, copy=False),
    lambda lib: lib.asarray([1, 2], copy=False),
], ids=range(7))
def test_copy_false_message(func):
    """NumPy's message is this sentence plus two lines of NumPy 1.x
    migration advice (about ``np.array``); minind gives the sentence."""
    n_exc = outcome(func, np)
    m_exc = outcome(func, mi)
    assert_same_error(m_exc, n_exc, message=False)
    assert str(n_exc).splitlines()[0] == COPY_MESSAGE
    assert str(m_exc) == COPY_MESSAGE


# ---------------------------------------------------------------------------
# array()/asarray() from buffer exporters
# ---------------------------------------------------------------------------

def buffer_view(n):
    """What NumPy itself makes of ``n``'s buffer: the oracle for importing
    through the buffer protocol.  It equals ``n`` except that NumPy exports
    recomputed strides for C- and F-contiguous arrays (length-1 axes, size
    0)."""
    return np.asarray(memoryview(n))


@given(numpy_layouts())
def test_asarray_numpy_is_zero_copy(layout_and_array):
    _, n = layout_and_array
    m = mi.asarray(n)
    assert_same(m, buffer_view(n))
    if not (n.flags.c_contiguous or n.flags.f_contiguous):
        assert_same(m, n)
    assert address(m) == address(n)
    if n.size:
        assert shares(m, n)
    assert m.base is not None
    assert not m.flags.owndata


@given(numpy_layouts())
def test_array_numpy_copies(layout_and_array):
    _, n = layout_and_array
    m = mi.array(n)
    rn = np.array(n)
    assert_same_owner(m, rn)
    assert m.flags.owndata and m.base is None
    if n.size:
        assert not shares(m, n)


@given(numpy_layouts(), orders)
def test_array_numpy_order(layout_and_array, order):
    _, n = layout_and_array
    assert_same_owner(mi.array(n, order=order), np.array(n, order=order))


@given(numpy_layouts(), orders, st.sampled_from([None, False]))
def test_asarray_numpy_order_copy_none(layout_and_array, order, copy):
    _, n = layout_and_array
    nb = buffer_view(n)
    rn = outcome(lambda lib: np.array(nb, order=order, copy=copy), np)
    rm = outcome(lambda lib: mi.array(n, order=order, copy=copy), mi)
    if isinstance(rn, Exception):
        assert_same_error(rm, rn)
        return
    assert not isinstance(rm, Exception), rm
    assert_same(rm, rn)
    # NumPy returns its input itself exactly when minind wraps the buffer
    # without copying.
    wrapped = address(rm) == address(n) and not rm.flags.owndata
    assert (rn is nb) == wrapped
    if rn is not nb:
        assert rm.flags.owndata and rm.base is None


def test_asarray_keeps_exporter_alive():
    source = pyarray.array("d", [1.0, 2.5, -3.0])
    ref = weakref.ref(source)
    m = mi.asarray(source)
    del source
    gc.collect()
    assert ref() is not None
    assert m.tolist() == [1.0, 2.5, -3.0]
    del m
    gc.collect()
    assert ref() is None


def test_asarray_numpy_keeps_exporter_alive():
    n = np.arange(6.0).reshape(2, 3)[:, ::-1]
    ref = weakref.ref(n)
    m = mi.asarray(n)
    del n
    gc.collect()
    assert ref() is not None
    assert m.tolist() == [[2.0, 1.0, 0.0], [5.0, 4.0, 3.0]]
    del m
    gc.collect()
    assert ref() is None


def test_asarray_bytearray_holds_the_buffer():
    data = bytearray(b"\x01\x02\x03")
    m = mi.asarray(data)
    n = np.asarray(data)
    assert_same(m, n)
    assert m.base is not None and not m.flags.owndata
    assert shares(m, n)
    # The exported buffer pins the bytearray's size, as with NumPy.
    with pytest.raises(BufferError):
        data.append(4)
    # Writes through the array reach the bytearray.
    m[0] = 200
    assert data[0] == 200
    del m, n
    gc.collect()
    data.append(4)
    c = mi.array(bytearray(b"\x05\x06"))
    assert_same_owner(c, np.array(bytearray(b"\x05\x06")))


def test_asarray_bytes_is_read_only_uint8():
    data = b"\x00\x7f\x80\xff"
    m = mi.asarray(data)
    # NumPy's asarray(bytes) makes a 0-d 'S4' string array; the buffer
    # view of the bytes (what minind reads) is np.frombuffer.
    n = np.frombuffer(data, dtype=np.uint8)
    assert_same(m, n)
    assert not m.flags.writeable and not m.flags.owndata
    assert m.base is not None
    assert shares(m, n)
    c = mi.array(data)
    assert_same_owner(c, np.array(n))
    assert c.flags.writeable


def test_asarray_memoryview():
    base = np.arange(24, dtype=np.int32).reshape(4, 6)
    for view in (memoryview(base), memoryview(base[::2, 1::2]),
                 memoryview(base.T), memoryview(b"abcdef"),
                 memoryview(b"abcdefgh").cast("i"),
                 memoryview(bytearray(b"abcdef")).cast("B", (2, 3)),
                 memoryview(bytearray(b"abcdefgh"))[::-2],
                 memoryview(base).toreadonly(),
                 memoryview(pyarray.array("d", [1.0, 2.0, 3.0]))):
        n = np.asarray(view)
        m = mi.asarray(view)
        assert_same(m, n)
        assert address(m) == address(n)
        assert not m.flags.owndata and m.base is not None
        c = mi.array(view)
        assert_same_owner(c, np.array(view))


TYPECODES = ["b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "f", "d"]


@pytest.mark.parametrize("typecode", TYPECODES)
def test_array_module_typecodes(typecode):
    # ('u' is a Unicode character: NumPy makes a '<U1' string array.)
    values = [0, 1, 2, 100] if typecode.isupper() else [-3, 0, 1, 100]
    if typecode in "fd":
        values = [-1.5, 0.0, 2.25, 1e10]
    source = pyarray.array(typecode, values)
    n = np.asarray(source)
    m = mi.asarray(source)
    assert_same(m, n)
    assert m.flags.owndata == n.flags.owndata is False
    assert m.base is not None
    assert shares(m, n)
    # Aliasing: a write through the array lands in the array.array.
    m[1] = 7
    assert source[1] == 7
    # array() copies.
    c = mi.array(source)
    assert_same_owner(c, np.array(source))
    assert not shares(c, source)
    # The exporter stays alive through the asarray view.
    ref = weakref.ref(source)
    del source, n
    gc.collect()
    assert ref() is not None
    assert m[1] == 7
    del m
    gc.collect()
    assert ref() is None


@pytest.mark.parametrize("typecode", TYPECODES)
@pytest.mark.parametrize("dtype", ["float64", "int8", "bool"])
def test_array_module_with_dtype(typecode, dtype):
    source = pyarray.array(typecode, [0, 1, 5])
    compare(lambda lib: lib.array(source, dtype=dtype))
    compare(lambda lib: lib.asarray(source, dtype=dtype))


# ---------------------------------------------------------------------------
# Arrays nested in lists
# ---------------------------------------------------------------------------

@st.composite
def twin_rows(draw):
    """Two or three twins of one shape (dtypes may differ)."""
    first = draw(exact_twins())
    shape = first[1].shape
    # (The shared "F" layout of a 0-d array is 1-d: asfortranarray.)
    same_shape = exact_twins(shape=st.just(shape),
                             layouts=["C", "F", "readonly"]).filter(
                                 lambda pair: pair[1].shape == shape)
    rest = draw(st.lists(same_shape, min_size=1, max_size=2))
    return [first] + rest


@given(twin_rows())
def test_array_of_miniarrays(rows):
    ms = [m for m, _ in rows]
    ns = [n for _, n in rows]
    r = mi.array(ms)
    rn = np.array(ns)
    assert_same_owner(r, rn)
    # NumPy arrays inside a list, read through the buffer protocol.
    assert_same_owner(mi.array(ns), rn)
    # Arrays mixed with nested lists of the same shape (tolist() of an
    # empty array loses its shape, so only for non-empty ones).
    if ns[0].size:
        mixed_m = [ms[0]] + [n.tolist() for n in ns[1:]]
        mixed_n = [ns[0]] + [n.tolist() for n in ns[1:]]
        compare_pair(mi.array(mixed_m), np.array(mixed_n))
    # Tuples of arrays and an extra nesting level.
    compare_pair(mi.array((ms[0], ms[-1])), np.array((ns[0], ns[-1])))
    compare_pair(mi.array([ms]), np.array([ns]))


def compare_pair(m, n):
    assert_same_owner(m, n)


@given(twin_rows(), orders, st.none() | dtype_names)
def test_array_of_miniarrays_order_dtype(rows, order, dtype):
    ms = [m for m, _ in rows]
    ns = [n for _, n in rows]
    with np.errstate(all="ignore"):
        rn = outcome(lambda lib: np.array(ns, dtype=dtype, order=order), np)
    rm = outcome(lambda lib: mi.array(ms, dtype=dtype, order=order), mi)
    if isinstance(rn, Exception):
        assert_same_error(rm, rn, message=False)
        return
    assert not isinstance(rm, Exception), rm
    if dtype is not None and np.dtype(dtype).kind in "iu" and any(
            n.dtype.kind == "f" for n in ns):
        assert_same_layout(rm, rn)
        expected = np.stack([documented_cast(n, np.dtype(dtype), part)
                             for n, part in zip(ns, rn)])
        np.testing.assert_array_equal(np.asarray(rm), expected, strict=True)
    else:
        assert_same_owner(rm, rn)


def test_array_of_zero_d_arrays():
    parts_n = [np.array(1), np.array(2.5), 3]
    parts_m = [mi.array(1), mi.array(2.5), 3]
    assert_same_owner(mi.array(parts_m), np.array(parts_n))
    assert_same_owner(mi.array(parts_n), np.array(parts_n))
    assert_same_owner(mi.array([mi.array(True), False]),
                      np.array([np.array(True), False]))
    assert_same_owner(mi.array(mi.array(4)), np.array(np.array(4)))


# ---------------------------------------------------------------------------
# empty, zeros, ones, full
# ---------------------------------------------------------------------------

shape_args = shapes | st.integers(0, 6)


@given(shape_args, dtype_names, st.sampled_from(["C", "F"]))
def test_empty_zeros_ones(shape, dtype, order):
    for name in ("empty", "zeros", "ones"):
        n = getattr(np, name)(shape, dtype=dtype, order=order)
        m = getattr(mi, name)(shape, dtype=dtype, order=order)
        if name == "empty":
            assert_same_layout(m, n)
        else:
            assert_same(m, n)
        assert m.flags.owndata and m.base is None


@given(shape_args)
def test_creation_default_dtype(shape):
    for name in ("empty", "zeros", "ones"):
        n = getattr(np, name)(shape)
        m = getattr(mi, name)(shape)
        assert_same_layout(m, n)
    assert_same_owner(mi.zeros(shape), np.zeros(shape))
    assert_same_owner(mi.ones(shape), np.ones(shape))


def test_shape_spellings():
    for shape in (3, (3,), [2, 3], (), [], np.int64(4), (np.int32(2), 3)):
        for name in ("empty", "zeros", "ones"):
            assert_same_layout(getattr(mi, name)(shape),
                               getattr(np, name)(shape))
        assert_same(mi.full(shape, 1.5), np.full(shape, 1.5))


@given(shape_args, python_scalars, st.sampled_from(["C", "F"]))
@example(3, 7, "C")
@example(3, 2.5, "C")
@example(3, True, "C")
@example((2, 2), 2**63, "F")
@example((), -1, "C")
def test_full_dtype_discovery(shape, value, order):
    compare(lambda lib: lib.full(shape, value, order=order))


@st.composite
def fill_for_dtype(draw):
    """A dtype and a fill value NumPy converts the same way everywhere
    (floats going into integers are kept in range; Python ints beyond
    int64 are tested in test_full_scalar_conversion)."""
    dtype = np.dtype(draw(dtype_names))
    if dtype.kind == "b":
        return dtype.name, draw(st.booleans() | st.integers(-2**63, 2**63 - 1)
                                | st.floats(allow_subnormal=False))
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        value = draw(st.integers(int(info.min), int(info.max))
                     | st.booleans()
                     | st.floats(max(float(info.min), -2.0**53),
                                 min(float(info.max), 2.0**53)).filter(
                                     lambda x: info.min <= int(x) <= info.max))
    else:
        value = draw(python_scalars)
    return dtype.name, value


@given(shape_args, fill_for_dtype(), st.sampled_from(["C", "F"]))
def test_full_with_dtype(shape, dtype_value, order):
    dtype, value = dtype_value
    with np.errstate(all="ignore"):
        compare(lambda lib: lib.full(shape, value, dtype=dtype, order=order))


@pytest.mark.parametrize("value, dtype", [
    (300, "int8"), (-1, "uint8"), (2**64, "uint64"), (2**63, "int64"),
    (2.75, "int16"), (-2.75, "int32"), (1e300, "float32"),
    (2**63, "bool"), (2**64, "bool"), (-2**63, "bool"), (2**63, "float32"),
    (2**63, "int8"),
], ids=repr)
def test_full_scalar_conversion(value, dtype):
    with np.errstate(all="ignore"):
        compare(lambda lib: lib.full(4, value, dtype=dtype))


def test_full_zero_d_array_fill():
    assert_same_owner(mi.full((2, 3), mi.array(2.5)),
                      np.full((2, 3), np.array(2.5)))
    assert_same_owner(mi.full(3, mi.array(7, dtype="int8")),
                      np.full(3, np.array(7, dtype="int8")))


# ---------------------------------------------------------------------------
# *_like: NumPy's K-order rule
# ---------------------------------------------------------------------------

@st.composite
def like_shapes(draw, prototype_shape):
    """None, or a shape of the prototype's ndim, or of another ndim."""
    kind = draw(st.sampled_from(["none", "same_ndim", "other"]))
    if kind == "none":
        return None
    if kind == "same_ndim":
        return draw(hnp.array_shapes(min_dims=len(prototype_shape),
                                     max_dims=len(prototype_shape),
                                     min_side=0, max_side=5)
                    if prototype_shape else st.just(()))
    return draw(shapes | st.integers(0, 5))


@st.composite
def like_cases(draw):
    m, n = draw(exact_twins())
    order = draw(orders)
    shape = draw(like_shapes(n.shape))
    dtype = draw(st.none() | dtype_names)
    return m, n, order, shape, dtype


@given(like_cases())
@example((mi.asarray(np.ones((3, 4)).T), np.ones((3, 4)).T, "K", (0, 3),
          None))
def test_empty_like(case):
    m, n, order, shape, dtype = case
    rn = np.empty_like(n, dtype=dtype, order=order, shape=shape)
    rm = mi.empty_like(m, dtype=dtype, order=order, shape=shape)
    assert_same_layout(rm, rn)
    assert rm.flags.owndata and rm.base is None


@given(like_cases())
def test_zeros_like_ones_like(case):
    m, n, order, shape, dtype = case
    for name in ("zeros_like", "ones_like"):
        rn = getattr(np, name)(n, dtype=dtype, order=order, shape=shape)
        rm = getattr(mi, name)(m, dtype=dtype, order=order, shape=shape)
        assert_same_owner(rm, rn)


@given(like_cases(), st.integers(-1, 1) | st.booleans())
def test_full_like(case, value):
    m, n, order, shape, dtype = case
    rn = outcome(lambda lib: np.full_like(n, value, dtype=dtype, order=order,
                                          shape=shape), np)
    rm = outcome(lambda lib: mi.full_like(m, value, dtype=dtype, order=order,
                                          shape=shape), mi)
    if isinstance(rn, Exception):       # -1 into an unsigned dtype
        assert_same_error(rm, rn)
        return
    assert not isinstance(rm, Exception), rm
    assert_same_owner(rm, rn)


@given(like_cases(), st.floats(-100, 100))
def test_full_like_float_fill(case, value):
    m, n, order, shape, dtype = case
    target = np.dtype(dtype or n.dtype)
    if target.kind == "u":
        value = abs(value)
    rn = np.full_like(n, value, dtype=dtype, order=order, shape=shape)
    rm = mi.full_like(m, value, dtype=dtype, order=order, shape=shape)
    assert_same_owner(rm, rn)


@given(numpy_layouts(), orders)
def test_like_accepts_numpy_prototypes(layout_and_array, order):
    """A NumPy prototype (read through the buffer protocol) gives the same
    layout as the equivalent MiniArray prototype."""
    _, n = layout_and_array
    assert_same_layout(mi.empty_like(n, order=order),
                       np.empty_like(n, order=order))
    assert_same_owner(mi.zeros_like(n, order=order),
                      np.zeros_like(n, order=order))


def test_like_of_nested_list():
    for proto in ([1, 2, 3], [[1.5], [2.5]], True, [[]]):
        assert_same_layout(mi.empty_like(proto), np.empty_like(proto))
        assert_same_owner(mi.zeros_like(proto), np.zeros_like(proto))
        assert_same_owner(mi.ones_like(proto), np.ones_like(proto))
        assert_same_owner(mi.full_like(proto, 1), np.full_like(proto, 1))


@pytest.mark.parametrize("make", [
    lambda: np.ones((3, 4)).T,
    lambda: np.ones((2, 3, 4)).transpose(1, 0, 2),
    lambda: np.ones((2, 3, 4)).transpose(2, 0, 1)[::-1, :, ::2],
    lambda: np.ones((4, 6))[::2, ::-3],
    lambda: np.ones((4, 6))[:, ::2].T,
    lambda: np.broadcast_to(np.ones((3, 1)), (2, 3, 4)),
    lambda: np.broadcast_to(np.ones(4), (3, 4)),
    lambda: np.broadcast_to(np.ones((3, 1)), (3, 5)),
    lambda: np.broadcast_to(np.ones(()), (2, 3)),
    lambda: np.ones((1, 5, 1, 3))[:, ::2, :, ::-1],
    lambda: np.ones((3, 1, 4)).transpose(2, 1, 0),
    lambda: np.ones((3, 4))[::-1, ::-1],
    lambda: np.ones((3, 0, 4)).transpose(2, 0, 1),
    lambda: np.ones((5, 4))[1:1, ::2],
], ids=range(14))
@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("shape", [None, "same", "other_ndim", "size0"])
def test_like_strides_examples(make, order, shape):
    n = make()
    if shape == "same":
        shape = tuple(reversed(n.shape))
    elif shape == "other_ndim":
        shape = n.shape + (2,)
    elif shape == "size0":
        shape = (0,) + n.shape[1:]
    m = mi.asarray(n)
    for dtype in (None, "int8", "float32"):
        assert_same_layout(mi.empty_like(m, dtype=dtype, order=order,
                                         shape=shape),
                           np.empty_like(n, dtype=dtype, order=order,
                                         shape=shape))


# ---------------------------------------------------------------------------
# arange
# ---------------------------------------------------------------------------

small_ints = st.integers(-1000, 1000)
small_floats = st.floats(-1000, 1000, allow_subnormal=False)
steps = (st.integers(-50, 50).filter(bool)
         | st.floats(-50, 50, allow_subnormal=False).filter(
             lambda x: abs(x) >= 0.05)
         | st.sampled_from([0.1, -0.1, 0.25, 1 / 3, 0.7]))


@st.composite
def arange_args(draw):
    arity = draw(st.sampled_from([1, 2, 3]))
    number = small_ints | small_floats | st.booleans()
    if arity == 1:
        return (draw(number),)
    start, stop = draw(number), draw(number)
    if arity == 2:
        return start, stop
    step = draw(steps | st.sampled_from([True, -1, 1.0]))
    assume(abs((stop - start) / step) < 5000)
    return start, stop, step


def compare_arange(args, dtype):
    kwargs = {} if dtype is None else {"dtype": dtype}
    n = outcome(lambda lib: np.arange(*args, **kwargs), np)
    m = outcome(lambda lib: mi.arange(*args, **kwargs), mi)
    if isinstance(n, Exception):
        assert_same_error(m, n, message=False)
        return
    assert not isinstance(m, Exception), m
    assert_same_owner(m, n)


@given(arange_args())
@example((0, 1, 0.1))
@example((1, 0, -0.1))
@example((0.0, 1.0, 1 / 3))
@example((10, 0))
@example((-5, 5, 3))
@example((5, -5, -3))
@example((0, 5, 0.5))
@example((2.5,))
@example((True,))
@example((True, 5))
def test_arange(args):
    compare_arange(args, None)


@given(arange_args(), dtype_names)
@example((0, 5, 0.5), "int64")
@example((-3, 250, 7), "int8")
@example((0.5, 3), "uint8")
@example((-1.5, 3), "uint8")
@example((0, 2), "bool")
@example((0, 3), "bool")
@example((1, 0, -1), "bool")
@example((0, 1, 0.1), "float32")
@example((100, 200, 50), "int8")
def test_arange_dtype(args, dtype):
    compare_arange(args, dtype)


@pytest.mark.parametrize("dtype", [int, float, bool, "int8", "uint16",
                                   "float32"])
def test_arange_half_steps_into_dtype(dtype):
    compare_arange((0, 5, 0.5), dtype)
    compare_arange((0, 2, 0.5), dtype)
    compare_arange((0.5, 2.5), dtype)


@pytest.mark.parametrize("args", [
    (0, 5, 0), (0, 5.0, 0.0), (1.0, 2.0, 0), (0, 5, False),
], ids=repr)
def test_arange_zero_step(args):
    raises_like_numpy(lambda lib: lib.arange(*args), message=False)


@pytest.mark.parametrize("args", [
    ([None, []], 1, 2), (0, [None, []], 2), (0, 1, [None, []]),
    ([5],), (0, [[1]]), ((1, 2),), (0, (5,)), ((0,), 5), (0, 5, (1,)),
], ids=repr)
def test_arange_sequence_arguments(args):
    """NumPy discovers each argument's dtype before any arithmetic: a
    ragged list is its ValueError, a tuple as the stop its TypeError, a
    uniform list or another tuple the arithmetic's TypeError."""
    raises_like_numpy(lambda lib: lib.arange(*args))


@pytest.mark.parametrize("args", [
    (float("nan"),), (0, float("nan")), (float("nan"), 5),
    (0, 5, float("nan")),
    (float("inf"),), (0, float("inf")), (-float("inf"), 0),
    (0, -float("inf"), -1), (0, 1, float("inf")), (float("inf"), 5, 1),
], ids=repr)
def test_arange_non_finite(args):
    compare_arange(args, None)
    compare_arange(args, "float64")


@pytest.mark.parametrize("args", [
    (0, 1e-300, 1e300), (0, -1e-300, -1e300), (0, -1e-300, 1e300),
    (5, 6, float("inf")), (0, 1, -float("inf")), (0, 5e-324, 2.0),
], ids=repr)
def test_arange_length_quotient_underflows(args):
    """(stop - start) / step rounds to 0 although stop != start: NumPy
    still makes one element when the signs agree."""
    compare_arange(args, None)


@pytest.mark.parametrize("args", [(3,), (0, 3), (0, 5, 2), (5, 0, -1),
                                  (0.0, 2.5), (True,), (False, True)],
                         ids=repr)
def test_arange_bool_dtype(args):
    compare_arange(args, bool)


@pytest.mark.parametrize("args", [
    (2**63, 2**63 + 3), (2**63, 2**63 + 3, 1),
    (2**62, 2**62 + 3), (-2**63, -2**63 + 2),
], ids=repr)
def test_arange_big_integers(args):
    compare_arange(args, None)


@pytest.mark.parametrize("args, kwargs", [
    ((), {}), ((), {"step": 3}), ((), {"dtype": "int64"}),
    ((), {"start": 4}), ((), {"stop": 3}), ((0,), {"stop": 3}),
    ((), {"start": 3, "stop": 9}), ((3,), {"step": 2}),
    ((1, 2, 3, "i8", 5), {}), ((1,), {"start": 2}),
    ((1, 5), {"stop": 2}), ((3,), {"foo": 1}), ((3, None), {}),
    ((3, 9, None), {}), ((2, 8, 2, "f4"), {}), ((4,), {"dtype": None}),
    ((), {"stop": 3, "dtype": "u1"}), ((), {"start": 1, "step": 2}),
], ids=repr)
def test_arange_arguments(args, kwargs):
    """Any argument by position or by name, as NumPy's C parser reads
    them: one alone is the stop (``arange(stop=3)``), but not by the name
    start (NumPy's TestArange::test_require_range, test_start_stop_kwarg).
    """
    n = outcome(lambda lib: lib.arange(*args, **kwargs), np)
    m = outcome(lambda lib: lib.arange(*args, **kwargs), mi)
    if isinstance(n, Exception):
        assert_same_error(m, n)
    else:
        assert_same_layout(m, n)
        assert m.tolist() == n.tolist()


@pytest.mark.parametrize("copy", ["always", "", b"x", 0, 1, [], [1], 2.0,
                                  None, True, False])
@pytest.mark.parametrize("make", [
    lambda lib: lib.arange(6),                    # no copy needed
    lambda lib: lib.arange(6.0)[::2],             # order C needs one
], ids=["plain", "strided"])
def test_copy_argument_is_read_as_numpy(make, copy):
    """``copy=`` through NumPy's converter: a string is refused (NumPy's
    TestArrayConstruction::test_array_copy_str), anything else counts by
    its truth, so 0 means "never copy"."""
    for name in ("array", "asarray"):
        sources = {np: make(np), mi: make(mi)}
        n, m = (outcome(lambda lib: getattr(lib, name)(
            sources[lib], copy=copy, order="C"), lib) for lib in (np, mi))
        if isinstance(n, Exception):
            assert_same_error(m, n)
        else:
            assert not isinstance(m, Exception), m
            assert shares(m, sources[mi]) == np.shares_memory(n, sources[np])


def test_array_object_keyword():
    """The first parameter has NumPy's name (TestArrayConstruction::
    test_array_as_keyword)."""
    assert mi.array(object=3).tolist() == np.array(object=3).tolist()
    assert mi.asarray(a=[1, 2]).tolist() == [1, 2]


# ---------------------------------------------------------------------------
# ascontiguousarray, asfortranarray
# ---------------------------------------------------------------------------

@given(exact_twins(), st.sampled_from(["ascontiguousarray", "asfortranarray"]),
       st.none() | dtype_names)
def test_ascontiguous_asfortran(pair, name, dtype):
    m, n = pair
    with np.errstate(all="ignore"):
        rn = getattr(np, name)(n, dtype=dtype)
    rm = getattr(mi, name)(m, dtype=dtype)
    assert (rm is m) == (rn is n)
    if rn is n:
        return
    assert_same_layout(rm, rn)
    assert rm.flags.owndata == rn.flags.owndata
    assert (rm.base is None) == (rn.base is None)
    assert shares(rm, m) == np.shares_memory(rn, n)
    if dtype is not None and n.dtype.kind == "f" and np.dtype(
            dtype).kind in "iu":
        np.testing.assert_array_equal(
            np.asarray(rm), documented_cast(n, np.dtype(dtype),
                                            rn).reshape(rn.shape),
            strict=True)
    else:
        assert_same(rm, rn)


@pytest.mark.parametrize("name", ["ascontiguousarray", "asfortranarray"])
@pytest.mark.parametrize("obj", [5, 2.5, [1, 2], [[1, 2], [3, 4]], []])
def test_ascontiguous_asfortran_from_python(name, obj):
    compare(lambda lib: getattr(lib, name)(obj))


# ---------------------------------------------------------------------------
# copy, astype
# ---------------------------------------------------------------------------

def documented_cast(n, target, numpy_result):
    """What minind gives for float array ``n`` cast to integer ``target``:
    NumPy's result where the cast is defined (``in_range_mask``), and
    minind's documented value where NumPy's is platform-dependent (NaN,
    infinities, out of range): the value goes through int64, anything
    int64 cannot hold becoming INT64_MIN, and then wraps into the target,
    except that uint64 takes [2**63, 2**64) as it is."""
    values = np.asarray(n, dtype=np.float64)
    numpy_result = np.asarray(numpy_result).reshape(values.shape)
    if target.kind not in "iu" or n.dtype.kind != "f":
        return numpy_result
    with np.errstate(invalid="ignore"):
        t = np.trunc(values)
        fits = np.isfinite(values) & (t >= -2.0**63) & (t < 2.0**63)
        wide = np.where(fits, t, -2.0**63).astype(np.int64)
        documented = wide.astype(target)
        if target == np.uint64:
            big = np.isfinite(values) & (t >= 2.0**63) & (t < 2.0**64)
            documented = np.where(big, np.where(big, t, 0).astype(np.uint64),
                                  documented)
    return np.where(in_range_mask(n, target), numpy_result, documented)


def in_range_mask(n, target):
    """Elements of float array ``n`` whose cast to integer ``target`` is
    defined (finite and in range after truncation); NumPy's result for the
    others is platform-dependent."""
    values = np.asarray(n, dtype=np.float64)
    if target.kind not in "iu" or n.dtype.kind != "f":
        return np.ones(values.shape, dtype=bool)
    info = np.iinfo(target)
    with np.errstate(invalid="ignore"):
        t = np.trunc(values)
        return (np.isfinite(values) & (t >= float(info.min))
                & (t < float(int(info.max) + 1)))


@given(exact_twins(), orders)
def test_copy(pair, order):
    m, n = pair
    rm = m.copy(order=order)
    rn = n.copy(order=order)
    assert_same_owner(rm, rn)
    assert rm.flags.owndata and rm.flags.writeable and rm.base is None
    if m.size:
        assert not shares(rm, m)


@given(exact_twins())
def test_copy_default_order_is_c(pair):
    m, n = pair
    assert_same_owner(m.copy(), n.copy())
    import copy
    assert_same_owner(copy.copy(m), copy.copy(n))
    assert_same_owner(copy.deepcopy(m), copy.deepcopy(n))


@given(exact_twins(), dtype_names, orders, st.booleans())
def test_astype(pair, dtype, order, copy):
    m, n = pair
    with np.errstate(all="ignore"):
        rn = n.astype(dtype, order=order, copy=copy)
    rm = m.astype(dtype, order=order, copy=copy)
    assert (rm is m) == (rn is n)
    if rn is n:
        return
    assert_same_layout(rm, rn)
    assert rm.flags.owndata == rn.flags.owndata
    assert (rm.base is None) == (rn.base is None)
    assert shares(rm, m) == np.shares_memory(rn, n)
    target = np.dtype(dtype)
    if n.dtype.kind == "f" and target.kind in "iu":
        np.testing.assert_array_equal(np.asarray(rm),
                                      documented_cast(n, target, rn),
                                      strict=True)
    else:
        assert_same(rm, rn)


@given(exact_twins(), orders)
def test_astype_same_dtype_copy_false(pair, order):
    m, n = pair
    for spelling in (n.dtype.name, n.dtype.str, n.dtype):
        rn = n.astype(spelling, order=order, copy=False)
        rm = m.astype(spelling, order=order, copy=False)
        assert (rm is m) == (rn is n)
        if rn is not n:
            assert_same_owner(rm, rn)


@given(exact_twins(dtype=st.sampled_from([np.dtype("float64"),
                                    np.dtype("float32")])),
       st.sampled_from(["int8", "uint8", "int16", "uint16", "int32",
                        "uint32", "int64", "uint64", "bool"]))
def test_astype_float_to_int_truncates(pair, dtype):
    m, n = pair
    with np.errstate(all="ignore"):
        rn = n.astype(dtype)
    rm = m.astype(dtype)
    assert_same_layout(rm, rn)
    np.testing.assert_array_equal(np.asarray(rm),
                                  documented_cast(n, np.dtype(dtype), rn),
                                  strict=True)


# ---------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------

BAD_DTYPES = ["foo", "int7", "float16x", "f3", object(), 3.5]


# A bare object()'s repr holds its address: its id is spelled out, so that
# every process collects the same test ids (pytest-xdist compares them).
@pytest.mark.parametrize(
    "dtype", BAD_DTYPES,
    ids=lambda v: "object()" if type(v) is object else repr(v))
def test_unknown_dtype(dtype):
    message = isinstance(dtype, str)
    for func in (lambda lib: lib.empty(3, dtype=dtype),
                 lambda lib: lib.zeros(3, dtype=dtype),
                 lambda lib: lib.ones(3, dtype=dtype),
                 lambda lib: lib.full(3, 1, dtype=dtype),
                 lambda lib: lib.array([1, 2], dtype=dtype),
                 lambda lib: lib.asarray([1, 2], dtype=dtype),
                 lambda lib: lib.arange(3, dtype=dtype),
                 lambda lib: lib.zeros_like(lib.ones(3), dtype=dtype),
                 lambda lib: lib.ones(3).astype(dtype)):
        raises_like_numpy(func, message=message)


BAD_ORDERS = ["X", "Z", "CF", "", "c2"]


@pytest.mark.parametrize("order", BAD_ORDERS, ids=repr)
def test_bad_order_letter(order):
    for func in (lambda lib: lib.array([1, 2], order=order),
                 lambda lib: lib.asarray([1, 2], order=order),
                 lambda lib: lib.empty_like(lib.ones(3), order=order),
                 lambda lib: lib.zeros_like(lib.ones(3), order=order),
                 lambda lib: lib.ones_like(lib.ones(3), order=order),
                 lambda lib: lib.full_like(lib.ones(3), 1, order=order),
                 lambda lib: lib.ones(3).copy(order=order),
                 lambda lib: lib.ones(3).astype(float, order=order),
                 lambda lib: lib.empty(3, order=order),
                 lambda lib: lib.zeros(3, order=order),
                 lambda lib: lib.ones(3, order=order),
                 lambda lib: lib.full(3, 1, order=order)):
        raises_like_numpy(func)


@pytest.mark.parametrize("order", ["A", "K"])
def test_shape_constructors_refuse_a_and_k(order):
    for func in (lambda lib: lib.empty(3, order=order),
                 lambda lib: lib.zeros(3, order=order),
                 lambda lib: lib.ones(3, order=order),
                 lambda lib: lib.full(3, 1, order=order)):
        raises_like_numpy(func)


@pytest.mark.parametrize("order", ["c", "f", "a", "k"])
def test_lowercase_order(order):
    compare(lambda lib: lib.array([[1, 2], [3, 4]], order=order))
    m, n = mi.asarray(np.ones((3, 4)).T), np.ones((3, 4)).T
    assert_same_layout(mi.empty_like(m, order=order),
                       np.empty_like(n, order=order))
    assert_same_owner(m.copy(order=order), n.copy(order=order))


BAD_SHAPES = [-1, (-1,), (2, -3), (0, -1), 2**63, (2**63,), 2**64,
              (2**62, 4), (2**40, 2**40), (2**31, 2**31, 2**31),
              (0, 2**63)]


@pytest.mark.parametrize("shape", BAD_SHAPES, ids=repr)
def test_bad_shape(shape):
    for func in (lambda lib: lib.empty(shape),
                 lambda lib: lib.zeros(shape),
                 lambda lib: lib.ones(shape, dtype="int8"),
                 lambda lib: lib.full(shape, 1.5),
                 lambda lib: lib.empty_like(lib.ones(3), shape=shape),
                 lambda lib: lib.zeros_like(lib.ones(3), shape=shape)):
        raises_like_numpy(func)


@pytest.mark.parametrize("shape", [2.5, (2, 2.5), "3", (None,)], ids=repr)
def test_non_integer_shape(shape):
    for func in (lambda lib: lib.empty(shape),
                 lambda lib: lib.zeros(shape)):
        raises_like_numpy(func, message=False)


def test_ndmin_too_large():
    raises_like_numpy(lambda lib: lib.array([1], ndmin=65), message=False)


@pytest.mark.parametrize("kwargs", [
    dict(ndmax=-1), dict(ndmax=65), dict(ndmax=2, ndmin=3),
    dict(ndmax=1), dict(ndmax=2.5), dict(ndmax="2"), dict(ndmax=None),
    dict(ndmax=2 ** 40)])
def test_ndmax_is_checked_as_numpy_checks_it(kwargs):
    """ndmax in [0, 64], and ndmin no larger: NumPy's ValueErrors and
    their messages (its own tests match them)."""
    raises_like_numpy(lambda lib: lib.array([[1, 2]], **kwargs))
    assert mi.array([[1, 2]], ndmax=2).shape == (1, 2)


@pytest.mark.parametrize("shape, fill, dtype", [
    ((2, 3), [1, 2, 3], None), ((2, 3), [[1], [2]], "float32"),
    ((2,), [300, 1], "int8"), ((3,), [1.5, 2.5, 3.5], "int16"),
    ((2, 2), [[True, False]], None), ((0, 3), [1, 2, 3], None),
    ((), [7], None), ((2,), [1, 2, 3], None), ((2, 3), [[1, 2]], None)])
@pytest.mark.parametrize("fill_as", ["list", "numpy", "minind", "F view"])
def test_full_with_an_array_of_fill_values(shape, fill, dtype, fill_as):
    """full/full_like broadcast an array fill value and cast it unsafely
    (copyto's rule); NumPy's error when it cannot broadcast."""
    n_fill = np.array(fill)
    if fill_as == "list":
        m_fill, n_fill = fill, fill
    elif fill_as == "numpy":
        m_fill = n_fill
    elif fill_as == "minind":
        m_fill = mi.array(n_fill)
    else:
        n_fill = np.asfortranarray(n_fill)[..., ::-1][..., ::-1]
        m_fill = mi.asarray(n_fill)
    for call in [lambda xp, f: xp.full(shape, f, dtype=dtype),
                 lambda xp, f: xp.full_like(xp.zeros(shape, dtype="int64"),
                                           f, dtype=dtype)]:
        try:
            want = call(np, n_fill)
        except Exception as exc:          # noqa: BLE001 - compared below
            with pytest.raises(type(exc)) as got:
                call(mi, m_fill)
            assert str(got.value) == str(exc)
            continue
        assert_same(call(mi, m_fill), want)


@pytest.mark.parametrize("dtype", DTYPE_NAMES)
@pytest.mark.parametrize("text", ["1", " 7 ", "-3", "1.5", "1e3", "nan",
                                  "inf", "", "x", "300", "0x10", "True"])
def test_strings_with_a_numeric_dtype_are_parsed(dtype, text):
    """array([...str...], dtype=number) reads each string as NumPy does
    (float() / int(); bool: non-empty), with NumPy's error class."""
    for obj in [[text], [[text, text]], text]:
        try:
            want = np.array(obj, dtype=dtype)
        except Exception as exc:          # noqa: BLE001 - compared below
            with pytest.raises(type(exc)):
                mi.array(obj, dtype=dtype)
            continue
        assert_same(mi.array(obj, dtype=dtype), want)


# -- the poison build ---------------------------------------------------------

@pytest.mark.skipif(not mi._core.POISONED, reason="only a MININD_POISON=1 "
                    "build poisons fresh buffers")
@pytest.mark.parametrize("dtype", DTYPE_NAMES)
def test_poison_build_fills_fresh_buffers(dtype):
    """Under MININD_POISON=1 (CI runs the oracle tests so) every fresh
    buffer starts as poison, so an element a routine forgets to write
    differs from NumPy's value instead of passing as malloc's zeros:
    NaN (0xFF bytes) for floats, which no sum can absorb, 0xA5 bytes for
    the rest.  empty() shows the poison; zeros() stays zero."""
    poison = 0xFF if dtype.startswith("float") else 0xA5
    assert mi._core.poison_byte(mi.dtype(dtype)) == poison
    assert mi.empty((2, 3), dtype=dtype).tobytes() == bytes([poison]) * (
        6 * mi.dtype(dtype).itemsize)
    assert not any(mi.zeros((2, 3), dtype=dtype).tobytes())
    assert_same(mi.array([[1, 0, 1]], dtype=dtype),
                np.array([[1, 0, 1]], dtype=dtype))


# ---------------------------------------------------------------------------
# frombuffer
# ---------------------------------------------------------------------------

def _frombuffer_outcome(lib, buffer, *args, **kwargs):
    try:
        return "ok", lib.frombuffer(buffer, *args, **kwargs)
    except Exception as exc:          # noqa: BLE001 - compared by caller
        return type(exc), str(exc)


@given(data=st.binary(max_size=40), mutable=st.booleans(),
       dtype=dtypes, count=st.integers(-2, 12), offset=st.integers(-2, 42))
def test_frombuffer_is_numpys_view(data, mutable, dtype, count, offset):
    """Values, dtype, shape, strides and WRITEABLE of the zero-copy view,
    or NumPy's exception and message (size not a multiple, offset out of
    range, buffer too small), over bytes and bytearray."""
    buffer = bytearray(data) if mutable else data
    want = _frombuffer_outcome(np, buffer, dtype, count, offset)
    got = _frombuffer_outcome(mi, buffer, dtype, count, offset)
    if want[0] != "ok":
        assert got == want
        return
    assert got[0] == "ok", got
    assert_same(got[1], want[1])
    assert got[1].flags.writeable == want[1].flags.writeable
    assert got[1].flags.owndata is False
    if mutable and len(got[1]):
        # A view, not a copy: a write through the array shows in the
        # buffer (NumPy's view is a view of the same bytearray).
        got[1][0] = 1
        assert np.array_equal(want[1], np.asarray(got[1]))


def test_frombuffer_base_and_exporters():
    """``base`` is the buffer itself where NumPy's is (bytes, a NumPy
    array: types that release nothing), else a memoryview of it
    (bytearray, array.array) that keeps the export alive."""
    for buffer in (b"abcdefgh", np.arange(2.0)):
        assert mi.frombuffer(buffer, mi.uint8).base is buffer
        assert np.frombuffer(buffer, np.uint8).base is buffer
    for buffer in (bytearray(8), pyarray.array("h", [1, 2, 3, 4])):
        got = mi.frombuffer(buffer, mi.int16)
        want = np.frombuffer(buffer, np.int16)
        assert type(got.base) is type(want.base) is memoryview
        assert got.base.obj is buffer
        np.testing.assert_array_equal(np.asarray(got), want, strict=True)
    # array.array of int16 read as the default float64: 8 bytes, 1 item.
    buffer = pyarray.array("h", [1, 2, 3, 4])
    assert_same(mi.frombuffer(buffer), np.frombuffer(buffer))
    with pytest.raises(BufferError):
        mi.frombuffer(memoryview(b"abcdefgh")[::2], mi.int16)
    for bad in ([1, 2], "ab"):
        want = _frombuffer_outcome(np, bad, np.uint8)
        assert _frombuffer_outcome(mi, bad, mi.uint8) == want
    for kwargs in ({"count": 1.0}, {"offset": 2.0}):
        want = _frombuffer_outcome(np, b"abcd", np.uint8, **kwargs)
        assert _frombuffer_outcome(mi, b"abcd", mi.uint8, **kwargs) == want


def test_frombuffer_keeps_the_export_alive():
    buffer = bytearray(b"\x01\x00\x02\x00")
    view = mi.frombuffer(buffer, mi.int16)
    with pytest.raises(BufferError):
        buffer.append(0)                 # exported: cannot resize
    del view
    gc.collect()
    buffer.append(0)


# ---------------------------------------------------------------------------
# __array__: an object that converts itself (NumPy asks it after the
# buffer protocol and before reading it as a sequence)
# ---------------------------------------------------------------------------

class _Converts:
    def __init__(self, answer):
        self.answer = answer

    def __array__(self, dtype=None, copy=None):
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer

    def __len__(self):               # a sequence too: __array__ wins
        return 1

    def __getitem__(self, index):
        if index:
            raise IndexError(index)
        return 99


@pytest.mark.parametrize("answer", [
    lambda xp: xp.arange(6.0).reshape(2, 3),
    lambda xp: np.arange(4, dtype=np.int8),
    lambda xp: TypeError("run you fools"),
    lambda xp: [1, 2],
    lambda xp: None,
], ids=["own-array", "numpy-array", "raises", "list", "none"])
def test_array_asks_array_method(answer):
    def run(xp):
        result = xp.asarray(_Converts(answer(xp)))
        return result.tolist(), result.dtype.name, result.shape
    outcomes = []
    for xp in (mi, np):
        try:
            outcomes.append(("ok", run(xp)))
        except Exception as error:          # noqa: compared with NumPy's
            outcomes.append((type(error).__name__, str(error)))
    assert outcomes[0] == outcomes[1]


def test_flat_converts_through_array_method():
    a = mi.arange(6).reshape(2, 3)
    view = mi.asarray(a.flat)
    assert view.base is a.base and mi.shares_memory(view, a)
    copied = mi.array(a.flat)
    assert copied.flags.owndata and not mi.shares_memory(copied, a)
    assert mi.array(a.T.flat).tolist() == [0, 3, 1, 4, 2, 5]


@given(pair=twins(), dtype=st.sampled_from([None, "same", "float32",
                                            "int8"]),
       copy=st.sampled_from(["absent", None, True, False]))
def test_array_method_is_numpys(pair, dtype, copy):
    """``a.__array__(dtype, copy=)``, for code that converts by calling
    it: the array itself, a copy, or a cast (refused under copy=False),
    in every layout, as NumPy's ``ndarray.__array__`` answers."""
    m, n = pair
    kwargs = {} if copy == "absent" else {"copy": copy}
    if n.dtype.kind == "f" and dtype == "int8" and n.size:
        # A float out of int8's range casts as the platform's C cast does
        # in NumPy (README: Differences from NumPy): not compared.
        with np.errstate(invalid="ignore"):
            assume(np.isfinite(n).all() and (np.trunc(n) >= -128).all()
                   and (np.trunc(n) <= 127).all())

    def call(array, xp):
        args = () if dtype is None else (
            array.dtype if dtype == "same" else xp.dtype(dtype),)
        result = array.__array__(*args, **kwargs)
        if args:                       # dtype= by keyword: the same
            again = array.__array__(dtype=args[0], **kwargs)
            assert (again is array) == (result is array)
        return result, result is array

    mine = outcome(lambda xp: call(m, xp), mi)
    theirs = outcome(lambda xp: call(n, xp), np)
    if isinstance(theirs, Exception):
        assert_same_error(mine, theirs)
        return
    (mine, m_same), (theirs, n_same) = mine, theirs
    assert m_same == n_same
    assert_same(mine, theirs)
    if not m_same:
        assert not mi.shares_memory(mine, m) or not mine.size


def test_array_method_of_a_subclass_is_a_plain_view():
    """A subclass (a memmap) answers with a plain array over its memory,
    as NumPy's does."""
    class Sub(mi.ndarray):
        pass

    owner = mi.arange(6)
    a = owner.view(Sub)
    plain = a.__array__()
    assert type(plain) is mi.ndarray and plain.base is owner
    assert plain.ctypes.data == a.ctypes.data


@pytest.mark.parametrize("name", ["array", "asarray", "asanyarray",
                                  "ascontiguousarray", "asfortranarray"])
def test_conversion_signatures_are_numpys(name):
    """The first argument, dtype= and the keyword-only like= as NumPy
    names and places them (its own test_array_signature)."""
    import inspect
    mine = inspect.signature(getattr(mi, name)).parameters
    theirs = inspect.signature(getattr(np, name)).parameters
    for parameter in ["object" if name == "array" else "a", "dtype",
                      "like"]:
        assert parameter in mine
        assert (mine[parameter].kind, mine[parameter].default) == (
            theirs[parameter].kind, theirs[parameter].default)
