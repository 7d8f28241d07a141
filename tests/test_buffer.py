"""The buffer protocol (PEP 3118): what MiniArray exports, against NumPy.

Each MiniArray is compared with the NumPy array made the same way (see
``test_array.made_twins``): what a consumer gets from ``memoryview(m)``,
from a raw ``PyObject_GetBuffer`` call with every request flag, from
``np.asarray(m)``, ctypes, ``readinto`` and hashing must be what it gets
from NumPy's array: same layout, same address semantics, same refusals
(exception class and message).
"""
import ctypes
import hashlib
import io

import numpy as np
import pytest
from hypothesis import example, given, strategies as st

import minind as mi
from strategies import LAYOUTS, assert_same, assert_same_values, dtypes, \
    numpy_layouts, shapes, twins


@st.composite
def made_twins(draw, dtype=dtypes, shape=shapes, layouts=LAYOUTS):
    """(m, n, ref): a twin as ``strategies.twins`` makes it, plus ``ref``,
    the NumPy array made the same way: ``np.array(n, order=L)`` for owners,
    ``np.asarray(memoryview(n))`` for imports (as in test_array)."""
    layout, n = draw(numpy_layouts(dtype, shape, layouts))
    if layout in ("C", "F"):
        return mi.array(n, order=layout), n, np.array(n, order=layout)
    return mi.asarray(n), n, np.asarray(memoryview(n))


def outcome(fn):
    """("ok", result) or (exception class, message): what ``fn()`` did."""
    try:
        return "ok", fn()
    except Exception as exc:          # noqa: BLE001 - compared by callers
        return type(exc), str(exc)


# ---------------------------------------------------------------------------
# Raw PyObject_GetBuffer through ctypes
# ---------------------------------------------------------------------------

class Py_buffer(ctypes.Structure):
    _fields_ = [("buf", ctypes.c_void_p), ("obj", ctypes.c_void_p),
                ("len", ctypes.c_ssize_t), ("itemsize", ctypes.c_ssize_t),
                ("readonly", ctypes.c_int), ("ndim", ctypes.c_int),
                ("format", ctypes.c_char_p),
                ("shape", ctypes.POINTER(ctypes.c_ssize_t)),
                ("strides", ctypes.POINTER(ctypes.c_ssize_t)),
                ("suboffsets", ctypes.POINTER(ctypes.c_ssize_t)),
                ("internal", ctypes.c_void_p)]


_get_buffer = ctypes.pythonapi.PyObject_GetBuffer
_get_buffer.argtypes = [ctypes.py_object, ctypes.POINTER(Py_buffer),
                        ctypes.c_int]
_get_buffer.restype = ctypes.c_int
_release_buffer = ctypes.pythonapi.PyBuffer_Release
_release_buffer.argtypes = [ctypes.POINTER(Py_buffer)]
_release_buffer.restype = None

PyBUF_SIMPLE, PyBUF_WRITABLE, PyBUF_FORMAT, PyBUF_ND = 0, 0x1, 0x4, 0x8
PyBUF_STRIDES = 0x10 | PyBUF_ND
PyBUF_C_CONTIGUOUS = 0x20 | PyBUF_STRIDES
PyBUF_F_CONTIGUOUS = 0x40 | PyBUF_STRIDES
PyBUF_ANY_CONTIGUOUS = 0x80 | PyBUF_STRIDES
PyBUF_INDIRECT = 0x100 | PyBUF_STRIDES

REQUESTS = {
    "SIMPLE": PyBUF_SIMPLE, "ND": PyBUF_ND, "STRIDES": PyBUF_STRIDES,
    "C_CONTIGUOUS": PyBUF_C_CONTIGUOUS, "F_CONTIGUOUS": PyBUF_F_CONTIGUOUS,
    "ANY_CONTIGUOUS": PyBUF_ANY_CONTIGUOUS, "INDIRECT": PyBUF_INDIRECT,
}
ALL_FLAGS = [base | writable | fmt
             for base in REQUESTS.values()
             for writable in (0, PyBUF_WRITABLE)
             for fmt in (0, PyBUF_FORMAT)]


def get_buffer(obj, flags):
    """The Py_buffer ``obj`` fills for ``flags``, as plain Python values
    (released before returning), or the exception it raises."""
    view = Py_buffer()

    def request():
        _get_buffer(obj, ctypes.byref(view), flags)
        try:
            ndim = view.ndim

            def array(pointer):
                # For ndim 0 the pointers are ignored (PEP 3118).
                if not pointer or ndim == 0:
                    return None
                return [pointer[i] for i in range(ndim)]

            return {"buf": view.buf, "obj": view.obj, "len": view.len,
                    "itemsize": view.itemsize, "readonly": view.readonly,
                    "ndim": ndim, "format": view.format,
                    "shape": array(view.shape),
                    "strides": array(view.strides),
                    "suboffsets": array(view.suboffsets)}
        finally:
            _release_buffer(ctypes.byref(view))

    return outcome(request)


@given(made_twins(), st.sampled_from(ALL_FLAGS))
def test_get_buffer_every_request_like_numpy(twin, flags):
    m, _, ref = twin
    got, want = get_buffer(m, flags), get_buffer(ref, flags)
    if want[0] != "ok" or got[0] != "ok":
        assert got == want, hex(flags)
        return
    got, want = dict(got[1]), dict(want[1])
    assert got.pop("obj") == id(m) and want.pop("obj") == id(ref)
    assert got.pop("buf") == m.ctypes.data
    assert want.pop("buf") == ref.ctypes.data
    assert got == want, hex(flags)


REFUSAL_EXAMPLES = {
    "strided": lambda: np.arange(12.0).reshape(3, 4)[:, ::2],
    "F": lambda: np.asfortranarray(np.arange(12.0).reshape(3, 4)),
    "reversed": lambda: np.arange(5, dtype=np.int8)[::-1],
    "C": lambda: np.arange(12.0).reshape(3, 4),
}


@pytest.mark.parametrize("name", sorted(REFUSAL_EXAMPLES))
@pytest.mark.parametrize("flags", ALL_FLAGS, ids=hex)
def test_get_buffer_refusal_order(name, flags):
    """A read-only array that also lacks the requested contiguity: NumPy
    checks the layout first, WRITABLE last (array_getbuffer)."""
    n = REFUSAL_EXAMPLES[name]()
    n.flags.writeable = False
    m, ref = mi.asarray(n), np.asarray(memoryview(n))
    got, want = get_buffer(m, flags), get_buffer(ref, flags)
    if want[0] != "ok" or got[0] != "ok":
        assert got == want
    else:
        assert got[1]["buf"] == want[1]["buf"]


# ---------------------------------------------------------------------------
# memoryview
# ---------------------------------------------------------------------------

MEMORYVIEW_ATTRIBUTES = ["format", "itemsize", "shape", "strides", "ndim",
                         "readonly", "nbytes", "suboffsets", "c_contiguous",
                         "f_contiguous", "contiguous"]


def assert_same_memoryview(got, want):
    for name in MEMORYVIEW_ATTRIBUTES:
        assert getattr(got, name) == getattr(want, name), name
    assert_same_values(got.tolist(), want.tolist())


@given(made_twins())
def test_memoryview_like_numpy(twin):
    m, n, ref = twin
    mv = memoryview(m)
    assert mv.obj is m
    assert_same_memoryview(mv, memoryview(ref))
    assert_same_memoryview(mv, memoryview(n))
    assert_same_memoryview(m.data, ref.data)   # ndarray.data


@given(made_twins())
def test_memoryview_bytes_are_the_elements_in_c_order(twin):
    m, _, ref = twin
    assert bytes(memoryview(m)) == bytes(memoryview(ref))
    assert memoryview(m).tobytes("F") == memoryview(ref).tobytes("F")
    if m.ndim:   # bytes(0-d integer array) is bytes(int(a)): zero bytes
        assert bytes(m) == bytes(ref)


@given(made_twins())
def test_contiguous_only_consumers(twin):
    """Consumers that need one contiguous block (memoryview.cast, hashlib)
    accept and refuse exactly the arrays NumPy's they do."""
    m, _, ref = twin
    for consume in (lambda a: memoryview(a).cast("B").tolist(),
                    lambda a: memoryview(a).cast("B", (a.nbytes,)).tolist(),
                    lambda a: hashlib.md5(a).hexdigest(),
                    lambda a: bytearray(a)):
        got, want = outcome(lambda: consume(m)), outcome(lambda: consume(ref))
        assert got == want


# ---------------------------------------------------------------------------
# NumPy reading a MiniArray, and back
# ---------------------------------------------------------------------------

@given(made_twins())
def test_numpy_import_shares_memory(twin):
    m, n, ref = twin
    first, second = np.asarray(m), np.asarray(m)
    like = np.asarray(memoryview(ref))    # what NumPy makes of its own
    for a in (first, second):
        assert a.ctypes.data == m.ctypes.data
        assert (a.shape, a.strides, a.dtype) == (
            like.shape, like.strides, like.dtype)
        for flag in ("C_CONTIGUOUS", "F_CONTIGUOUS", "WRITEABLE",
                     "ALIGNED", "OWNDATA"):
            assert a.flags[flag] == like.flags[flag], flag
        assert type(a.base) is memoryview and a.base.obj is m
    np.testing.assert_array_equal(first, ref, strict=True)
    if m.size:
        assert np.shares_memory(first, second)
        if ref.base is not None:          # an import of n's memory
            assert np.shares_memory(first, n)


@given(made_twins(), st.data())
def test_writes_are_seen_through_every_import(twin, data):
    m, _, _ = twin
    if not m.flags.writeable or m.size == 0:
        return
    first, second = np.asarray(m), np.asarray(m)
    index = tuple(data.draw(st.integers(0, s - 1)) for s in m.shape)
    value = data.draw(st.sampled_from([0, 1]))
    first[index] = value
    assert second[index].item() == m[index] == first[index].item()
    m[index] = 1 - value
    assert first[index].item() == second[index].item() == m[index]


@given(made_twins())
def test_round_trip_keeps_the_address(twin):
    m, _, ref = twin
    back = mi.asarray(np.asarray(m))
    assert back.ctypes.data == m.ctypes.data
    like = np.asarray(np.asarray(memoryview(ref)))
    assert (back.shape, back.strides) == (like.shape, like.strides)
    assert back.flags.writeable == m.flags.writeable
    again = mi.asarray(memoryview(m))
    assert again.ctypes.data == m.ctypes.data
    assert (mi.asarray(m) is m) == (np.asarray(ref) is ref)


# ---------------------------------------------------------------------------
# Writable and contiguous requests from ctypes and file objects
# ---------------------------------------------------------------------------

@given(made_twins())
def test_ctypes_from_buffer_like_numpy(twin):
    """``from_buffer`` asks for a writable C-contiguous buffer: read-only
    and non-contiguous arrays refuse it as NumPy's do."""
    m, _, ref = twin
    kind = ctypes.c_char * m.nbytes
    got, want = (outcome(lambda: kind.from_buffer(m)),
                 outcome(lambda: kind.from_buffer(ref)))
    if want[0] != "ok" or got[0] != "ok":
        assert got == want
        return
    block = got[1]
    assert ctypes.addressof(block) == m.ctypes.data
    if m.size:
        block[0] = b"\x01"                # visible through the array
        assert ctypes.string_at(m.ctypes.data, 1) == b"\x01"
        assert memoryview(m).cast("B")[0] == 1
    del block
    assert (outcome(lambda: kind.from_buffer_copy(m))[0]
            == outcome(lambda: kind.from_buffer_copy(ref))[0])


@given(made_twins())
def test_readinto_like_numpy(twin):
    """``readinto`` needs a writable C-contiguous buffer.  (An import and
    its NumPy reference share memory; both receive the same bytes.)"""
    m, _, ref = twin
    source = bytes(range(1, 256)) * (m.nbytes // 255 + 1)
    got = same_type_name(outcome(lambda: io.BytesIO(source).readinto(m)))
    want = outcome(lambda: io.BytesIO(source).readinto(ref))
    assert got == want
    if got[0] == "ok":                    # C-contiguous: C order is memory
        assert (memoryview(m).tobytes() == memoryview(ref).tobytes()
                == source[:m.nbytes])


def same_type_name(result):
    """CPython's messages name the argument's type ("..., not
    numpy.ndarray"): read minind's type name as NumPy's."""
    if result[0] == "ok":
        return result
    return result[0], result[1].replace("minind._core.MiniArray",
                                        "numpy.ndarray")


def _set_first(a):
    memoryview(a)[(0,) * a.ndim] = 0


def _get_writable(a):
    result = get_buffer(a, PyBUF_STRIDES | PyBUF_WRITABLE)
    if result[0] != "ok":
        raise result[0](result[1])


@given(made_twins(), st.sampled_from(["from_buffer", "memoryview",
                                      "get_buffer", "readinto"]))
def test_read_only_refuses_writable_requests(twin, how):
    m, _, ref = twin
    m.flags.writeable = ref.flags.writeable = False
    request = {
        "from_buffer": lambda a: (ctypes.c_char * a.nbytes).from_buffer(a),
        "memoryview": _set_first,
        "get_buffer": _get_writable,
        "readinto": lambda a: io.BytesIO(bytes(a.nbytes)).readinto(a),
    }[how]
    if how == "memoryview" and m.size == 0:
        return
    got = same_type_name(outcome(lambda: request(m)))
    want = outcome(lambda: request(ref))
    assert want[0] != "ok"
    assert got == want


@given(shape=st.lists(st.integers(0, 4), max_size=3).map(tuple),
       dtype=dtypes, order=st.sampled_from([None, "C", "F", "A", "K", "x"]),
       spare=st.integers(-16, 16), offset=st.integers(0, 16),
       use_buffer=st.booleans())
# Found by the thorough profile: bool bytes 2 and 3 from a buffer were
# turned into 1 by a reordering copy (tobytes in C order of an F array).
@example(shape=(2, 2), dtype=np.dtype("bool"), order="F", spare=0, offset=0,
         use_buffer=True)
def test_ndarray_constructor_matches_numpy(shape, dtype, order, spare,
                                           offset, use_buffer):
    """mi.ndarray(shape, dtype, buffer, offset, order) as np.ndarray: the
    same layout over the same bytes, or the same exception class (a
    buffer too small is NumPy's TypeError)."""
    nd = np.dtype(dtype)
    kwargs = {"order": order}
    if use_buffer:
        size = max(0, int(np.prod(shape)) * nd.itemsize + offset + spare)
        memory = bytearray(bytes(range(256)) * (size // 256 + 1))[:size]
        kwargs.update(buffer=memory, offset=offset)

    def build(xp, dt):
        try:
            return xp.ndarray(shape, dtype=dt, **kwargs)
        except Exception as exc:          # noqa: BLE001 - compared below
            return exc
    want, got = build(np, nd), build(mi, nd.name)
    if isinstance(want, Exception):
        assert type(got) is type(want), (got, want)
        return
    assert not isinstance(got, Exception), got
    assert got.shape == want.shape and got.strides == want.strides
    for flag in ("C_CONTIGUOUS", "F_CONTIGUOUS", "WRITEABLE"):
        assert got.flags[flag] == want.flags[flag]
    if use_buffer:
        assert got.tobytes() == want.tobytes()


BUFFERS = {
    # name: make the exporter (from the library of the array built on it)
    "int64 array": lambda xp: xp.arange(10),
    "0-d float64": lambda xp: xp.array(7.0),
    "F-contiguous": lambda xp: xp.arange(10).reshape(2, 5).T,
    "strided": lambda xp: xp.arange(10)[::2],
    "bytes": lambda xp: b"0123456789abcdef",
    "strided memoryview": lambda xp: memoryview(bytearray(16))[::2],
}
CALLS = [
    # (shape, offset in items, strides in items or None)
    (4, 4, -1), (4, 4, -2), (4, 2, -1), (8, 3, 1), (8, 3, 0), (0, 0, 10),
    ((2, 3), 5, (-2, -3)), ((2, 3), 5, (-3, -1)), ((), 0, None),
    (2, 0, None), (11, 0, None), (2, 9, None), ((), 0, (2,)),
]


@pytest.mark.parametrize("call", CALLS)
@pytest.mark.parametrize("buffer", BUFFERS)
def test_ndarray_over_any_buffer(buffer, call):
    """mi.ndarray(shape, buffer=..., offset, strides) over a buffer of any
    item type: its length counts in bytes, strides may be negative, and
    a buffer that is not contiguous is refused by its exporter, as
    np.ndarray does (NumPy's TestAttributes::test_stridesattr and
    TestZeroRank::test_constructor; minind counted items as bytes and
    refused negative strides)."""
    shape, offset, strides = call
    results = []
    for xp in (np, mi):
        exporter = BUFFERS[buffer](xp)
        itemsize = 8 if buffer != "bytes" and "memoryview" not in buffer \
            else 1
        kwargs = dict(buffer=exporter, dtype="int64" if itemsize == 8
                      else "uint8", offset=offset * itemsize)
        if strides is not None:
            kwargs["strides"] = np.multiply(strides, itemsize).tolist()
        results.append(outcome(lambda: xp.ndarray(shape, **kwargs)))
    (n_kind, n_value), (m_kind, m_value) = results
    assert m_kind == n_kind, (m_value, n_value)
    if n_kind == "ok":
        assert m_value.shape == n_value.shape
        assert m_value.strides == n_value.strides
        assert m_value.tolist() == n_value.tolist()
    elif n_kind is not TypeError and not n_value.startswith("strides is"):
        # (minind adds which bytes a view would reach to those two.)
        assert m_value == n_value


def test_ndarray_on_a_0d_array_shares_it():
    x = mi.ndarray(())
    x[()] = 5
    y = mi.ndarray((), buffer=x)
    y[()] = 6
    assert x[()] == 6 and y.base is not None


@given(twin=twins(), order=st.sampled_from(["C", "F", "A", "K", "c", None,
                                            "X"]))
def test_tobytes_matches_numpy(twin, order):
    m, n = twin

    def call(a):
        try:
            return a.tobytes(order)
        except Exception as exc:          # noqa: BLE001 - compared below
            return exc
    got, want = call(m), call(n)
    if isinstance(want, Exception):
        assert type(got) is type(want) and str(got) == str(want)
    else:
        assert got == want


# ---------------------------------------------------------------------------
# NumPy 2's copy= and dtype= on a MiniArray, through the buffer protocol
# ---------------------------------------------------------------------------

@given(made_twins(), st.sampled_from(["asarray", "array"]),
       st.sampled_from(["default", None, True, False]),
       st.sampled_from([None, "same", "other"]),
       st.sampled_from([None, "C", "F", "A", "K"]))
def test_numpy_copy_semantics_like_an_ndarray(twin, function, copy, dtype,
                                              order):
    """``np.asarray(m)`` and ``np.array(m, copy=..., dtype=...,
    order=...)`` do to a MiniArray what they do to the same ndarray:
    zero-copy where allowed and possible, a copy for ``copy=True`` or a
    new dtype or order, ValueError for ``copy=False`` when a copy is
    needed.  MiniArray has no ``__array__``: NumPy reads the buffer
    protocol first, and that already gives NumPy 2's semantics.

    The layout of a copy is NumPy's for any buffer exporter (a
    memoryview of the ndarray), which differs from an ndarray's in one
    corner: ``order="A"`` copies an array with zero strides (broadcast)
    in F order where the ndarray's copy is C.
    """
    m, _, ref = twin
    if dtype == "same":
        dtype = ref.dtype
    elif dtype == "other":
        dtype = np.dtype("int8" if ref.dtype == np.float64 else "float64")
    kwargs = {"dtype": dtype}
    if copy != "default":          # np.array copies by default
        kwargs["copy"] = copy
    if order is not None:
        kwargs["order"] = order
    convert = getattr(np, function)
    with np.errstate(all="ignore"):       # NaN or 1e300 cast to int8
        got = outcome(lambda: convert(m, **kwargs))
        want = outcome(lambda: convert(ref, **kwargs))
        like = outcome(lambda: convert(memoryview(ref), **kwargs))[1]
    assert got[0] == want[0]
    if got[0] != "ok":
        assert got[0] is ValueError and copy is False
        return
    mine, theirs = got[1], want[1]
    assert type(mine) is np.ndarray
    assert (mine.shape, mine.dtype) == (theirs.shape, theirs.dtype)
    assert mine.flags.writeable == theirs.flags.writeable
    for flag in ("C_CONTIGUOUS", "F_CONTIGUOUS", "WRITEABLE"):
        assert mine.flags[flag] == like.flags[flag], flag
    np.testing.assert_array_equal(mine, theirs, strict=True)
    shared = m.size > 0 and np.shares_memory(mine, np.asarray(m))
    assert shared == (ref.size > 0 and np.shares_memory(theirs, ref))
    if copy is True or function == "array" and copy == "default":
        assert not shared
    if shared:
        assert mine.ctypes.data == m.ctypes.data


def test_numpy_reads_the_buffer_before_any_array_method():
    """NumPy asks for the buffer protocol before ``__array_interface__``
    and ``__array__``: a MiniArray subclass whose ``__array__`` fails is
    still converted, zero-copy (so MiniArray's own ``__array__``, for
    code that calls it directly, never runs for NumPy)."""
    class Refusing(mi.MiniArray):
        def __array__(self, dtype=None, copy=None):
            raise AssertionError("NumPy called __array__")

    m = Refusing((2, 3), dtype="int16")
    m.fill(7)
    seen = np.asarray(m)
    assert seen.ctypes.data == m.ctypes.data and type(seen.base) is memoryview
    assert np.array(m, copy=True).tolist() == [[7] * 3] * 2
    assert np.asarray(m, dtype=np.float32).dtype == np.float32
    with pytest.raises(ValueError):
        np.asarray(m, dtype=np.float32, copy=False)
    assert np.asarray(m, copy=False).ctypes.data == m.ctypes.data


def _exporters():
    import array
    import _testbuffer
    return {
        "pointer": lambda: memoryview(ctypes.pointer(ctypes.c_uint8())),
        "void*": lambda: memoryview(bytes(16)).cast("P"),
        "UCS-2": lambda: memoryview(array.array("u", "ab")),
        "char": lambda: memoryview((ctypes.c_char * 2)()),
        "double": lambda: memoryview((ctypes.c_double * 2)()),
        "ssize_t": lambda: memoryview(bytes(16)).cast("n"),
        "PIL": lambda: _testbuffer.ndarray(list(range(6)), (2, 3),
                                           format="i",
                                           flags=_testbuffer.ND_PIL),
    }


@pytest.mark.parametrize("name", ["pointer", "void*", "UCS-2", "char",
                                  "double", "ssize_t", "PIL"])
def test_foreign_buffer_formats_fail_as_numpys(name):
    """A buffer NumPy cannot read fails with NumPy's class: ValueError
    for a format it does not know ('&' pointers, 'P', 'u'; NumPy's
    "not a valid PEP 3118 buffer format string"), BufferError for
    suboffsets.  One NumPy reads but minind has no dtype for ('c' bytes)
    is minind's TypeError; the rest are read as NumPy reads them."""
    pytest.importorskip("_testbuffer")
    make = _exporters()[name]
    try:
        want = np.asarray(make())
    except (ValueError, BufferError) as error:
        with pytest.raises(type(error)) as raised:
            mi.asarray(make())
        if isinstance(error, ValueError):
            assert str(raised.value) == str(error)
        return
    if want.dtype.kind in "SU":
        with pytest.raises(TypeError, match="cannot read buffers"):
            mi.asarray(make())
    else:
        assert_same(mi.asarray(make()), want)


# ---------------------------------------------------------------------------
# Reading __array_interface__ (_from_interface in _core.pyx)
# ---------------------------------------------------------------------------

class _Number:
    def __init__(self, value):
        self.value = value

    def __float__(self):
        return float(self.value)

    def __int__(self):
        return int(self.value)

    def __bool__(self):
        return bool(self.value)


def _interfaced(interface, value=3):
    """An object that offers only ``__array_interface__``: no buffer, no
    ``__array__``, as PIL's images; and converts to ``value`` as a
    number (``float()``...)."""
    class Interfaced(_Number):
        @property
        def __array_interface__(self):
            return interface
    return Interfaced(value)


def _root(n):
    """The NumPy array at the end of ``n``'s chain of bases: the memory a
    view of ``n`` lies in."""
    while n.base is not None:
        # (as_strided's views hang from a DummyArray, whose base is the
        # array viewed)
        base = getattr(n.base, "base", None) if not isinstance(
            n.base, np.ndarray) else n.base
        if not isinstance(base, np.ndarray):
            break
        n = base
    return n


@given(numpy_layouts())
@example(("C", np.array(np.nan, dtype=np.float32)))   # NaN != NaN
def test_array_interface_with_a_buffer_is_a_view_as_numpys(drawn):
    """An interface whose 'data' is a buffer object describes a view of
    that memory, in any layout: minind reads it as NumPy does (same
    values, layout, flags, the same memory), without copying."""
    layout, n = drawn
    root = np.ravel(_root(n), order="K")    # (an F owner: its bytes)
    assert root.base is not None or root.ndim <= 1
    interface = {"shape": n.shape, "typestr": n.dtype.str, "version": 3,
                 "strides": n.strides, "data": memoryview(root),
                 "offset": (n.ctypes.data - root.ctypes.data
                            if n.size else 0)}
    ref = np.asarray(_interfaced(interface))
    m = mi.asarray(_interfaced(interface))
    assert_same(m, ref)
    assert m.flags.writeable == ref.flags.writeable
    assert isinstance(m.base, memoryview) and not m.flags.owndata
    if n.size:
        assert m.ctypes.data == ref.ctypes.data
        assert np.shares_memory(np.asarray(m), n)
    copied = mi.array(_interfaced(interface))
    assert copied.flags.owndata
    np.testing.assert_array_equal(np.asarray(copied), ref, strict=True)


def test_array_interface_reads_bytes_as_numpy_reads_pil_images():
    """PIL's images hand over their pixels as bytes: a read-only view;
    a bytearray's is writeable, and writes reach the bytearray."""
    pixels = bytes(range(24))
    interface = {"shape": (2, 3, 4), "typestr": "|u1", "version": 3,
                 "data": pixels}
    m = mi.asarray(_interfaced(interface))
    ref = np.asarray(_interfaced(interface))
    assert_same(m, ref)
    assert not m.flags.writeable and not ref.flags.writeable
    memory = bytearray(16)
    interface = {"shape": (2,), "typestr": "<f8", "data": memory,
                 "strides": (-8,), "offset": 8}
    m = mi.asarray(_interfaced(interface))
    m[0] = 2.5
    assert np.frombuffer(memory).tolist() == [0.0, 2.5]
    assert mi.add(_interfaced(interface), 1).tolist() == [3.5, 1.0]
    assert mi.array([_interfaced(interface)] * 2).shape == (2, 2)


@pytest.mark.parametrize("extra", [
    {"shape": (3,)}, {"shape": (2,), "offset": 1},
    {"shape": (2,), "strides": (-8,)}, {"shape": (2,), "offset": -8},
    {"shape": (2, 2), "strides": (8, 8), "offset": 1},
    # ends that wrap around a Py_ssize_t (NumPy trusts these too)
    {"shape": (1,), "offset": 2**63 - 1}, {"shape": (5,), "strides": (2**62,)},
    {"shape": (3,), "strides": (-2**62,), "offset": 8}])
def test_array_interface_reaching_outside_its_buffer_is_refused(extra):
    """NumPy trusts shape, strides and offset; minind checks them against
    the buffer, as it checks ``as_strided``."""
    interface = {"typestr": "<f8", "data": bytearray(16), **extra}
    with pytest.raises(ValueError, match="16-byte buffer"):
        mi.asarray(_interfaced(interface))


def test_array_interface_raw_addresses_are_refused():
    """An (address, read_only) pair or an ``__array_struct__`` capsule has
    no bounds to check: TypeError, never a read of the address."""
    n = np.arange(3.0)
    for address in [n.__array_interface__["data"], (1, False), (0, True)]:
        interface = dict(n.__array_interface__, data=address)
        with pytest.raises(TypeError, match="raw address"):
            mi.asarray(_interfaced(interface))

    class Struct:
        __array_struct__ = n.__array_struct__
    with pytest.raises(TypeError, match="__array_struct__"):
        mi.asarray(Struct())


@pytest.mark.parametrize("typestr", ["f8", "<f4", "|b1", "<i2", "|u1"])
@pytest.mark.parametrize("extra", [
    {}, {"shape": ()}, {"shape": (1, 1)}, {"shape": (0, 2)},
    {"shape": (2,)}, {"shape": None}, {"strides": ()}, {"strides": (2,)},
    {"strides": 16}, {"data": None, "shape": ()}, {"data": b"12345678"},
    {"typestr": 7}])
def test_array_interface_without_data_is_a_scalar_as_numpys(typestr,
                                                            extra):
    """No 'data': the object is a scalar of the dtype (converted as
    float(), int() or bool() would), NumPy's rules and errors."""
    interface = {"typestr": typestr, **extra}
    want = outcome(lambda: np.array(_interfaced(interface)))
    got = outcome(lambda: mi.array(_interfaced(interface)))
    if want[0] == "ok":
        assert got[0] == "ok", got
        assert_same(got[1], want[1])
        assert_same(mi.array([_interfaced(interface)]),
                    np.array([_interfaced(interface)]))
    else:
        assert got[0] is want[0], (got, want)
