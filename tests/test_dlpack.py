"""DLPack, both ways, against NumPy: capsules, zero-copy views, lifetimes.

A DLPack capsule holds a C struct (a *managed tensor*) describing memory,
and a deleter that must run exactly once, by whoever owns the tensor at
the end: the consumer that took it (and renamed the capsule "used_..."),
or the capsule's destructor if nobody did.  These tests

* read the structs minind exports through ctypes and compare them field
  by field with what NumPy exports for the same array (every dtype, every
  layout, versioned and legacy, copy=True/False, read-only);
* run both directions (``np.from_dlpack(m)``, ``mi.from_dlpack(n)``) and
  check that memory is shared, written through, and described as NumPy
  describes it;
* hand both libraries the same tampered capsules (bad ndim, device,
  dtype, lanes, shape, version ...) and require NumPy 2.4's outcome;
* count deleter runs (``minind._dlpack.live_exports``: exported tensors
  whose deleter has not run; a second run would push it below zero) and
  watch producers die (``weakref``) exactly when the last view does;
* and run many rounds of exports nobody consumes, imports and failures
  with reference counts, tracemalloc and the C heap flat (``Meter`` from
  test_leaks).
"""
import ctypes
import gc
import sys
import threading
import weakref

import numpy as np
import pytest
from hypothesis import given, strategies as st

import minind as mi
from minind import _dlpack
from minind.lib.stride_tricks import as_strided
from strategies import (DTYPE_NAMES, LAYOUTS, assert_same, layout_twins,
                        twins)
from test_leaks import Meter
from test_lifetime import churn, collect, tracing  # noqa: F401

READ_ONLY, IS_COPIED = 1, 2
kDLCPU, kDLCUDA, kDLCUDAHost, kDLCUDAManaged = 1, 2, 3, 13
kDLInt, kDLUInt, kDLFloat, kDLBfloat, kDLComplex, kDLBool = 0, 1, 2, 4, 5, 6


# ---------------------------------------------------------------------------
# The structs, for ctypes (dlpack.h's layout)
# ---------------------------------------------------------------------------

class DLDevice(ctypes.Structure):
    _fields_ = [("device_type", ctypes.c_int32),
                ("device_id", ctypes.c_int32)]


class DLDataType(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint8), ("bits", ctypes.c_uint8),
                ("lanes", ctypes.c_uint16)]


class DLTensor(ctypes.Structure):
    _fields_ = [("data", ctypes.c_void_p), ("device", DLDevice),
                ("ndim", ctypes.c_int32), ("dtype", DLDataType),
                ("shape", ctypes.POINTER(ctypes.c_int64)),
                ("strides", ctypes.POINTER(ctypes.c_int64)),
                ("byte_offset", ctypes.c_uint64)]


DELETER = ctypes.CFUNCTYPE(None, ctypes.c_void_p)   # releases the GIL


class DLManagedTensor(ctypes.Structure):
    _fields_ = [("dl_tensor", DLTensor), ("manager_ctx", ctypes.c_void_p),
                ("deleter", ctypes.c_void_p)]


class DLPackVersion(ctypes.Structure):
    _fields_ = [("major", ctypes.c_uint32), ("minor", ctypes.c_uint32)]


class DLManagedTensorVersioned(ctypes.Structure):
    _fields_ = [("version", DLPackVersion),
                ("manager_ctx", ctypes.c_void_p),
                ("deleter", ctypes.c_void_p), ("flags", ctypes.c_uint64),
                ("dl_tensor", DLTensor)]


_get_pointer = ctypes.pythonapi.PyCapsule_GetPointer
_get_pointer.restype = ctypes.c_void_p
_get_pointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
_get_name = ctypes.pythonapi.PyCapsule_GetName
_get_name.restype = ctypes.c_char_p
_get_name.argtypes = [ctypes.py_object]
_set_name = ctypes.pythonapi.PyCapsule_SetName
_set_name.restype = ctypes.c_int
_set_name.argtypes = [ctypes.py_object, ctypes.c_char_p]
_new_capsule = ctypes.pythonapi.PyCapsule_New
_new_capsule.restype = ctypes.py_object
_new_capsule.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]

# PyCapsule_SetName keeps the pointer: these bytes live as long as the
# module (a c_char_p keeps its bytes alive).
USED = {b"dltensor": ctypes.c_char_p(b"used_dltensor"),
        b"dltensor_versioned": ctypes.c_char_p(b"used_dltensor_versioned")}


def managed(capsule):
    """The managed tensor struct inside a fresh capsule (not consumed)."""
    name = _get_name(capsule)
    kind = (DLManagedTensorVersioned if name == b"dltensor_versioned"
            else DLManagedTensor)
    return kind.from_address(_get_pointer(capsule, name))


def fields(capsule):
    """Everything a consumer reads from a capsule, as Python values."""
    name = _get_name(capsule)
    struct = managed(capsule)
    tensor = struct.dl_tensor
    ndim = tensor.ndim
    result = {
        "name": name, "ndim": ndim,
        "dtype": (tensor.dtype.code, tensor.dtype.bits, tensor.dtype.lanes),
        "device": (tensor.device.device_type, tensor.device.device_id),
        "shape": tuple(tensor.shape[i] for i in range(ndim)),
        "strides": (tuple(tensor.strides[i] for i in range(ndim))
                    if tensor.strides else None),
        "byte_offset": tensor.byte_offset, "data": tensor.data or 0,
    }
    if name == b"dltensor_versioned":
        result["version"] = (struct.version.major, struct.version.minor)
        result["flags"] = struct.flags
    return result


def consume_by_hand(capsule):
    """What a C consumer does: take the tensor (rename the capsule) and
    return (struct, call_deleter); call_deleter runs the deleter through
    ctypes, without the GIL, as a consumer in another library would."""
    name = _get_name(capsule)
    struct = managed(capsule)
    assert _set_name(capsule, USED[name]) == 0
    address = ctypes.addressof(struct)

    def call_deleter():
        DELETER(struct.deleter)(address)

    return struct, call_deleter


class Producer:
    """Hands out a given capsule (or makes one per call) as __dlpack__."""

    def __init__(self, capsule=None, array=None, legacy_only=False):
        self.capsule, self.array, self.legacy_only = capsule, array, \
            legacy_only
        self.calls = []

    def __dlpack__(self, **kwargs):
        self.calls.append(kwargs)
        if self.legacy_only and kwargs:
            raise TypeError("__dlpack__() got an unexpected keyword "
                            "argument 'max_version'")
        if self.capsule is not None:
            return self.capsule
        return self.array.__dlpack__(**kwargs)

    def __dlpack_device__(self):
        return (kDLCPU, 0)


def outcome(fn):
    """("ok", result) or the exception class ``fn()`` raised."""
    try:
        return "ok", fn()
    except Exception as exc:          # noqa: BLE001 - compared by callers
        return type(exc), None


def flipped(value):
    """Another value of any dtype: 0 for anything else, 1 for 0."""
    return 0 if value else 1


def address(a):
    return a.ctypes.data if a.size else None


# ---------------------------------------------------------------------------
# The capsule minind exports, field by field against NumPy's
# ---------------------------------------------------------------------------

MAX_VERSIONS = [None, (0, 8), (1, 0), (1, 3), (2, 0)]


@given(twins(), st.sampled_from(MAX_VERSIONS),
       st.sampled_from([None, False, True]))
def test_capsule_fields_like_numpy(twin, max_version, copy):
    m, n = twin
    got = outcome(lambda: m.__dlpack__(max_version=max_version, copy=copy))
    want = outcome(lambda: n.__dlpack__(max_version=max_version, copy=copy))
    assert got[0] == want[0]
    if got[0] != "ok":
        # Only a read-only array on a legacy capsule is refused.
        assert got[0] is BufferError and not m.flags.writeable
        assert max_version is None or max_version[0] < 1
        assert copy is not True
        return
    mine, theirs = fields(got[1]), fields(want[1])
    for key in ("name", "ndim", "dtype", "device", "shape", "byte_offset",
                "version", "flags"):
        assert mine.get(key) == theirs.get(key), key
    assert mine["strides"] == theirs["strides"]
    if copy:
        # A fresh copy, laid out in the array's memory order ("K", as
        # NumPy's), in new memory.
        fresh = np.from_dlpack(Producer(got[1]))
        if m.size:
            assert mine["data"] != m.ctypes.data
        np.testing.assert_array_equal(fresh, n, strict=True)
    elif m.size:
        assert mine["data"] == m.ctypes.data
        if not m.flags.owndata:
            assert mine["data"] == theirs["data"]     # n's own memory


@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_every_dtype_is_described_like_numpy(name):
    n = np.arange(6).astype(name).reshape(2, 3)
    m = mi.array(n)
    for max_version in (None, (1, 0)):
        mine = fields(m.__dlpack__(max_version=max_version))
        theirs = fields(n.__dlpack__(max_version=max_version))
        assert mine["dtype"] == theirs["dtype"]
        assert mine["dtype"][2] == 1
    back = np.from_dlpack(m)
    assert back.dtype == n.dtype and back.tolist() == n.tolist()
    imported = mi.from_dlpack(n)
    assert imported.dtype == m.dtype and imported.tolist() == n.tolist()
    assert imported.ctypes.data == n.ctypes.data


def test_version_and_flags():
    m = mi.arange(4.0)
    assert _get_name(m.__dlpack__()) == b"dltensor"
    assert _get_name(m.__dlpack__(max_version=(0, 9))) == b"dltensor"
    for max_version in [(1, 0), (1, 7), (3, 0)]:
        info = fields(m.__dlpack__(max_version=max_version))
        assert info["name"] == b"dltensor_versioned"
        assert info["version"] == (1, 0)
        assert info["flags"] == 0
    assert fields(m.__dlpack__(max_version=(1, 0), copy=True))["flags"] \
        == IS_COPIED
    m.flags.writeable = False
    assert fields(m.__dlpack__(max_version=(1, 0)))["flags"] == READ_ONLY
    # A copy of a read-only array is writable, so a legacy capsule can
    # carry it.
    info = fields(m.__dlpack__(max_version=(1, 0), copy=True))
    assert info["flags"] == IS_COPIED
    assert fields(m.__dlpack__(copy=True))["name"] == b"dltensor"
    assert m.__dlpack_device__() == n_device()


def n_device():
    return np.zeros(1).__dlpack_device__()


def test_device_is_the_cpu():
    assert mi.zeros(3).__dlpack_device__() == (1, 0) == n_device()
    assert mi.zeros(3)[::2].__dlpack_device__() == (1, 0)


@pytest.mark.parametrize("kwargs", [
    {"stream": 1}, {"stream": 0}, {"stream": -1}, {"stream": None},
    {"dl_device": (2, 0)}, {"dl_device": (1, 1)}, {"dl_device": (1, 0)},
    {"dl_device": [1, 0]}, {"dl_device": "cpu"}, {"dl_device": (1.0, 0)},
    {"copy": "x"}, {"copy": ""}, {"copy": 0}, {"copy": 2},
    {"max_version": (1,)}, {"max_version": [1, 0]},
    {"max_version": ("a", 0)}, {"max_version": (1.5, 0)},
    {"max_version": (2 ** 70, 0)}, {"max_version": (True, 0)},
    {"stream": 1, "max_version": (1,)}, {"dl_device": (2, 0), "copy": "x"},
    {"unknown": 1},
], ids=repr)
def test_export_arguments_like_numpy(kwargs):
    m, n = mi.arange(6.0), np.arange(6.0)
    got = outcome(lambda: m.__dlpack__(**kwargs))
    want = outcome(lambda: n.__dlpack__(**kwargs))
    assert got[0] == want[0]
    if got[0] == "ok":
        assert fields(got[1])["name"] == fields(want[1])["name"]
    assert outcome(lambda: m.__dlpack__(None))[0] is TypeError
    assert outcome(lambda: m.__dlpack_device__(1))[0] is TypeError


@pytest.mark.parametrize("readonly", [False, True])
def test_strides_that_are_no_multiple_of_the_itemsize(readonly):
    """DLPack counts strides in elements: NumPy refuses (BufferError)
    unless the array is C-contiguous or a single element, or copies."""
    for shape, strides in [((3,), (3,)), ((1,), (3,)), ((2, 2), (6, 3)),
                           ((2, 1), (4, 3)), ((0, 2), (4, 3))]:
        memory = bytearray(16)
        m = mi.MiniArray(shape, "int16", buffer=memory, strides=strides)
        n = np.ndarray(shape, np.int16, buffer=bytearray(16),
                       strides=strides)
        if readonly:
            m.flags.writeable = n.flags.writeable = False
        for kwargs in [{}, {"max_version": (1, 0)}, {"copy": True}]:
            got = outcome(lambda: m.__dlpack__(**kwargs))
            want = outcome(lambda: n.__dlpack__(**kwargs))
            assert got[0] == want[0], (shape, strides, kwargs)
            if got[0] == "ok":
                assert fields(got[1])["strides"] == \
                    fields(want[1])["strides"]


# ---------------------------------------------------------------------------
# Both directions share memory, in every layout
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("layout", LAYOUTS)
@given(data=st.data())
def test_numpy_imports_a_minind_array_like_its_own(layout, data):
    m, n = data.draw(layout_twins(layout))
    _numpy_imports_like_its_own(m, n)


@given(twins())
def test_numpy_imports_any_minind_array_like_its_own(twin):
    """Every shape, also 0-d and empty."""
    _numpy_imports_like_its_own(*twin)


def _numpy_imports_like_its_own(m, n):
    mine, theirs = np.from_dlpack(m), np.from_dlpack(n)
    assert (mine.shape, mine.strides, mine.dtype) == (
        theirs.shape, theirs.strides, theirs.dtype)
    for flag in ("C_CONTIGUOUS", "F_CONTIGUOUS", "WRITEABLE", "ALIGNED",
                 "OWNDATA"):
        assert mine.flags[flag] == theirs.flags[flag], flag
    assert mine.flags.writeable == m.flags.writeable
    np.testing.assert_array_equal(mine, theirs, strict=True)
    assert address(mine) == address(m)
    if m.size and m.flags.writeable:
        index = (0,) * m.ndim
        mine[index] = flipped(mine[index])
        assert m[index] == mine[index].item()
        m[index] = flipped(m[index])
        assert mine[index].item() == m[index]


@pytest.mark.parametrize("layout", LAYOUTS)
@given(data=st.data())
def test_minind_imports_a_numpy_array_like_numpy(layout, data):
    _, n = data.draw(layout_twins(layout))
    _minind_imports_like_numpy(n)


@given(twins())
def test_minind_imports_any_numpy_array_like_numpy(twin):
    _minind_imports_like_numpy(twin[1])


def _minind_imports_like_numpy(n):
    mine, theirs = mi.from_dlpack(n), np.from_dlpack(n)
    assert_same(mine, theirs)
    assert mine.flags.owndata is False
    assert address(mine) == address(n)
    assert isinstance(mine.base, _dlpack.DLPackBase)
    assert mine.base.readonly == (not n.flags.writeable)
    assert mine.base.version == (1, 0) and mine.base.device == (1, 0)
    if n.size and n.flags.writeable:
        index = (0,) * n.ndim
        mine[index] = flipped(mine[index])
        assert n[index].item() == mine[index]
        n[index] = flipped(n[index])
        assert mine[index] == n[index].item()


@given(twins())
def test_round_trips_keep_the_address(twin):
    m, n = twin
    there = np.from_dlpack(m)
    back = mi.from_dlpack(there)
    assert address(back) == address(m)
    assert (back.shape, back.strides, back.flags.writeable) == (
        m.shape, tuple(there.strides), m.flags.writeable)
    again = mi.from_dlpack(m)
    assert address(again) == address(m)
    assert (again.shape, again.strides) == (m.shape, tuple(there.strides))
    assert_same(again, np.from_dlpack(n))


@given(twins(), st.sampled_from([None, False, True]),
       st.sampled_from([None, "cpu"]))
def test_from_dlpack_copy_and_device_like_numpy(twin, copy, device):
    m, n = twin
    got = outcome(lambda: mi.from_dlpack(n, copy=copy, device=device))
    want = outcome(lambda: np.from_dlpack(n, copy=copy, device=device))
    assert got[0] == want[0]
    if got[0] != "ok":
        return
    assert_same(got[1], want[1])
    shared = address(got[1]) == address(n)
    assert shared == (address(want[1]) == address(n))
    if n.size:
        assert shared == (copy is not True)


def test_minind_to_minind():
    a = mi.arange(12).reshape(3, 4)[:, ::-2]
    b = mi.from_dlpack(a)
    assert address(b) == address(a) and b.strides == a.strides
    b[0, 0] = 99
    assert a[0, 0] == 99
    assert b.base.version == (1, 0)
    c = mi.from_dlpack(a, copy=True)
    assert address(c) != address(a) and c.tolist() == a.tolist()


@pytest.mark.parametrize("module", [mi, np], ids=["minind", "numpy"])
def test_legacy_producers_give_read_only_arrays(module):
    """A producer older than DLPack 1.0 does not take ``max_version``: it
    is asked again without arguments, and its tensor, which cannot say
    whether it may be written, is imported read-only (NumPy 2.4)."""
    source = module.arange(6.0)
    producer = Producer(array=source, legacy_only=True)
    mine, theirs = mi.from_dlpack(producer), np.from_dlpack(
        Producer(array=np.arange(6.0), legacy_only=True))
    assert producer.calls == [{"dl_device": None, "copy": None,
                               "max_version": (1, 0)}, {}]
    assert not mine.flags.writeable and not theirs.flags.writeable
    assert mine.base.version is None and address(mine) == address(source)
    assert mine.tolist() == theirs.tolist()
    # With copy or device given there is no second try: the TypeError
    # stands, as in NumPy.
    for kwargs in [{"copy": True}, {"device": "cpu"}, {"copy": False}]:
        with pytest.raises(TypeError):
            mi.from_dlpack(Producer(array=source, legacy_only=True),
                           **kwargs)
        with pytest.raises(TypeError):
            np.from_dlpack(Producer(array=source, legacy_only=True),
                           **kwargs)


def test_what_from_dlpack_passes_to_the_producer():
    for kwargs in [{}, {"copy": False}, {"copy": True}, {"device": "cpu"}]:
        mine, theirs = Producer(array=mi.arange(3.0)), \
            Producer(array=np.arange(3.0))
        mi.from_dlpack(mine, **kwargs)
        np.from_dlpack(theirs, **kwargs)
        assert mine.calls == theirs.calls


@pytest.mark.parametrize("make", [
    lambda: 5, lambda: [1, 2], lambda: mi.arange(3.0).__dlpack__(),
    lambda: Producer(capsule=5), lambda: Producer(capsule="dltensor"),
    lambda: Producer(capsule=_new_capsule(8, b"other", None)),
    lambda: Producer(capsule=_new_capsule(8, None, None)),
], ids=["int", "list", "bare capsule", "not a capsule", "a string",
        "other capsule", "nameless capsule"])
def test_from_dlpack_refuses_what_numpy_refuses(make):
    assert outcome(lambda: mi.from_dlpack(make()))[0] == \
        outcome(lambda: np.from_dlpack(make()))[0]


@pytest.mark.parametrize("device", ["gpu", "CPU", b"cpu", 1, ("cpu",)],
                         ids=repr)
def test_from_dlpack_refuses_devices_like_numpy(device):
    got = outcome(lambda: mi.from_dlpack(mi.arange(3.0), device=device))
    want = outcome(lambda: np.from_dlpack(np.arange(3.0), device=device))
    assert got[0] == want[0] == ValueError


def test_a_capsule_is_consumed_once():
    m, n = mi.arange(3.0), np.arange(3.0)
    for module, source in ((mi, m), (np, n)):
        capsule = source.__dlpack__(max_version=(1, 0))
        module.from_dlpack(Producer(capsule))
        assert _get_name(capsule) == b"used_dltensor_versioned"
        with pytest.raises(ValueError):
            module.from_dlpack(Producer(capsule))


# ---------------------------------------------------------------------------
# The same tampered capsule, given to NumPy and to minind
# ---------------------------------------------------------------------------

def set_field(path, value):
    """A tampering: set ``struct.<path>`` (dots for nested fields)."""
    def tamper(struct):
        *parents, last = path.split(".")
        target = struct
        for name in parents:
            target = getattr(target, name)
        setattr(target, last, value)
    return tamper


def set_item(path, index, value):
    def tamper(struct):
        getattr(struct.dl_tensor, path)[index] = value
    return tamper


TAMPERINGS = {
    "ndim 65": set_field("dl_tensor.ndim", 65),
    "ndim -1": set_field("dl_tensor.ndim", -1),
    "ndim 0": set_field("dl_tensor.ndim", 0),
    "ndim 1": set_field("dl_tensor.ndim", 1),
    "negative length": set_item("shape", 0, -1),
    "size overflows": set_item("shape", 0, 2 ** 62),
    "length 0": set_item("shape", 0, 0),
    "lanes 2": set_field("dl_tensor.dtype.lanes", 2),
    "bfloat16": lambda s: (set_field("dl_tensor.dtype.code", kDLBfloat)(s),
                           set_field("dl_tensor.dtype.bits", 16)(s)),
    "opaque": set_field("dl_tensor.dtype.code", 3),
    "code 99": set_field("dl_tensor.dtype.code", 99),
    "int7": lambda s: (set_field("dl_tensor.dtype.code", kDLInt)(s),
                       set_field("dl_tensor.dtype.bits", 7)(s)),
    "bool64": set_field("dl_tensor.dtype.code", kDLBool),
    "int64": set_field("dl_tensor.dtype.code", kDLInt),
    "uint32": lambda s: (set_field("dl_tensor.dtype.code", kDLUInt)(s),
                         set_field("dl_tensor.dtype.bits", 32)(s)),
    "cuda": set_field("dl_tensor.device.device_type", kDLCUDA),
    "opencl": set_field("dl_tensor.device.device_type", 4),
    "device 0": set_field("dl_tensor.device.device_type", 0),
    "cuda host": set_field("dl_tensor.device.device_type", kDLCUDAHost),
    "rocm host": set_field("dl_tensor.device.device_type", 11),
    "cuda managed": set_field("dl_tensor.device.device_type",
                              kDLCUDAManaged),
    "device id 5": set_field("dl_tensor.device.device_id", 5),
    # Row 0 starting at its second element (all reads stay in bounds).
    "byte_offset": lambda s: (set_field("dl_tensor.byte_offset", 8)(s),
                              set_item("shape", 1, 3)(s)),
    "no strides": set_field("dl_tensor.strides", None),
    "zero strides": lambda s: (set_item("strides", 0, 0)(s),
                               set_item("strides", 1, 0)(s)),
    # Each row read backwards, from its last element.
    "negative stride": lambda s: (set_field("dl_tensor.byte_offset", 24)(s),
                                  set_item("strides", 1, -1)(s)),
}
VERSIONED_TAMPERINGS = {
    "major 2": set_field("version.major", 2),
    "major 0": set_field("version.major", 0),
    "minor 9": set_field("version.minor", 9),
    "read-only flag": set_field("flags", READ_ONLY),
    "copied flag": set_field("flags", IS_COPIED),
    "unknown flags": set_field("flags", 0xF0),
}


def tampered_outcomes(tamper, max_version):
    """What NumPy and minind make of the same tampered capsule (each
    library's own capsule of equal arrays), and the two sources."""
    n = np.arange(12.0).reshape(3, 4)
    m = mi.arange(12.0).reshape(3, 4)
    results = []
    for module, source in ((np, n), (mi, m)):
        capsule = source.__dlpack__(max_version=max_version)
        tamper(managed(capsule))
        results.append(outcome(lambda: module.from_dlpack(
            Producer(capsule))))
        del capsule
    return results, n, m


@pytest.mark.parametrize("max_version", [None, (1, 0)],
                         ids=["legacy", "versioned"])
@pytest.mark.parametrize("name", sorted(TAMPERINGS))
def test_tampered_capsules_like_numpy(name, max_version):
    _compare_tampered(TAMPERINGS[name], max_version)


@pytest.mark.parametrize("name", sorted(VERSIONED_TAMPERINGS))
def test_tampered_versioned_capsules_like_numpy(name):
    _compare_tampered(VERSIONED_TAMPERINGS[name], (1, 0))


def _compare_tampered(tamper, max_version):
    exports = _dlpack.live_exports()
    (theirs, mine), n, m = tampered_outcomes(tamper, max_version)
    assert mine[0] == theirs[0]
    if mine[0] == "ok":
        got, want = mine[1], theirs[1]
        assert (got.shape, got.strides, got.dtype.name) == (
            want.shape, want.strides, want.dtype.name)
        for flag in ("C_CONTIGUOUS", "F_CONTIGUOUS", "WRITEABLE",
                     "ALIGNED"):
            assert got.flags[flag] == want.flags[flag], flag
        if want.size:
            # The same offset into each library's own source.
            assert got.ctypes.data - m.ctypes.data == \
                want.ctypes.data - n.ctypes.data
            np.testing.assert_array_equal(np.asarray(got), want,
                                          strict=True)
        assert got.__dlpack_device__() == want.__dlpack_device__()
        del got, want
    del mine, theirs
    collect()
    # Refused or consumed, the deleter has run, once.
    assert _dlpack.live_exports() == exports


@pytest.mark.parametrize("max_version", [None, (1, 0)],
                         ids=["legacy", "versioned"])
@pytest.mark.parametrize("name, tamper, numpy_gives", [
    # minind has no float16 or complex dtype.
    ("float16", lambda s: set_field("dl_tensor.dtype.bits", 16)(s),
     "float16"),
    ("complex64", set_field("dl_tensor.dtype.code", kDLComplex),
     "complex64"),
    # NumPy computes byte strides without checking and wraps around.
    ("stride overflows", set_item("strides", 0, 2 ** 62), "float64"),
    ("stride reach overflows", set_item("strides", 0, 2 ** 61), "float64"),
    # NumPy allocates fresh (uninitialised) memory for a NULL pointer.
    ("no data", set_field("dl_tensor.data", None), "float64"),
])
def test_tampered_capsules_minind_refuses(name, tamper, numpy_gives,
                                          max_version):
    """Where NumPy imports and minind cannot or will not (see README,
    "Differences from NumPy"): RuntimeError, NumPy 2.4's class for a
    tensor it cannot import, and the deleter still runs once."""
    exports = _dlpack.live_exports()
    (theirs, mine), _, _ = tampered_outcomes(tamper, max_version)
    assert theirs[0] == "ok" and theirs[1].dtype == numpy_gives
    assert mine[0] is RuntimeError
    del theirs
    collect()
    assert _dlpack.live_exports() == exports


@pytest.mark.parametrize("max_version", [None, (1, 0)],
                         ids=["legacy", "versioned"])
def test_an_empty_tensor_may_have_no_data(max_version):
    """NumPy allocates memory of its own for a NULL data pointer (and then
    gives an empty array zero strides); minind points such an array at a
    placeholder byte and keeps the producer's strides."""
    (theirs, mine), _, _ = tampered_outcomes(
        lambda s: (set_field("dl_tensor.data", None)(s),
                   set_item("shape", 1, 0)(s)), max_version)
    assert theirs[0] == mine[0] == "ok"
    assert mine[1].shape == theirs[1].shape == (3, 0)
    assert mine[1].strides == (32, 8) and mine[1].tolist() == [[], [], []]
    assert mine[1].ctypes.data != 0


def test_imports_from_host_memory_devices_keep_their_device():
    """NumPy reads pinned and managed CUDA memory as CPU memory and
    reports (and re-exports) the device it came from."""
    for device in (kDLCUDAHost, kDLCUDAManaged):
        results = []
        for module, source in ((np, np.arange(4.0)), (mi, mi.arange(4.0))):
            capsule = source.__dlpack__(max_version=(1, 0))
            managed(capsule).dl_tensor.device.device_type = device
            imported = module.from_dlpack(Producer(capsule))
            row = imported[1:]
            results.append([
                imported.__dlpack_device__(), row.__dlpack_device__(),
                outcome(lambda: fields(row.__dlpack__(
                    max_version=(1, 0)))["device"]),
                outcome(lambda: fields(row.__dlpack__(
                    max_version=(1, 0), dl_device=(1, 0)))["device"]),
                outcome(lambda: fields(row.__dlpack__(
                    max_version=(1, 0), dl_device=(device, 0)))["device"]),
                outcome(lambda: row.__dlpack__(dl_device=(2, 0)))[0]])
        assert results[0] == results[1]
        assert results[1][0] == (device, 0)


# ---------------------------------------------------------------------------
# Writable flags
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("module", [mi, np], ids=["minind", "numpy"])
def test_writeable_cannot_come_back_on_an_import(module):
    imported = module.from_dlpack(module.arange(3.0))
    assert imported.flags.writeable
    imported.flags.writeable = False
    with pytest.raises(ValueError):
        imported.flags.writeable = True
    frozen = module.from_dlpack(Producer(
        array=module.arange(3.0), legacy_only=True))
    with pytest.raises(ValueError):
        frozen.flags.writeable = True
    with pytest.raises(ValueError):
        frozen[0] = 1.0


def test_read_only_both_ways():
    m = mi.arange(4.0)
    m.flags.writeable = False
    n = np.from_dlpack(m)
    assert not n.flags.writeable
    with pytest.raises(BufferError):
        m.__dlpack__()
    back = mi.from_dlpack(n)
    assert not back.flags.writeable and back.base.readonly
    assert address(back) == address(m)
    copied = mi.from_dlpack(m, copy=True)
    assert copied.flags.writeable and address(copied) != address(m)
    with pytest.raises(ValueError):
        back[0] = 1.0


# ---------------------------------------------------------------------------
# The memory behind an import: as_strided bounds and mi.show
# ---------------------------------------------------------------------------

def test_as_strided_stays_inside_the_imported_tensor():
    n = np.arange(12.0)
    imported = mi.from_dlpack(n[2:10])
    assert imported.base.extent == (n.ctypes.data + 16,
                                    n.ctypes.data + 80)
    inside = as_strided(imported, (4,), (16,))
    assert inside.tolist() == [2.0, 4.0, 6.0, 8.0]
    with pytest.raises(ValueError):
        as_strided(imported, (5,), (16,))
    with pytest.raises(ValueError):
        as_strided(imported[1:], (8,), (8,))
    from minind._show import render_text
    assert "imported by from_dlpack" in render_text(imported[::2])


# ---------------------------------------------------------------------------
# Lifetimes: the producer lives exactly as long as the last view
# ---------------------------------------------------------------------------

def test_numpy_view_keeps_a_minind_array_alive():
    exports = _dlpack.live_exports()
    a = mi.arange(12.0).reshape(3, 4)
    alive = weakref.ref(a)
    count = sys.getrefcount(a)
    seen = np.from_dlpack(a)
    assert sys.getrefcount(a) == count + 1         # the tensor's reference
    assert _dlpack.live_exports() == exports + 1
    row = seen[1]                  # a NumPy view of the NumPy import
    del a, seen
    collect()
    churn()
    assert alive() is not None and row.tolist() == [4.0, 5.0, 6.0, 7.0]
    del row
    collect()
    assert alive() is None
    assert _dlpack.live_exports() == exports


def test_minind_view_keeps_a_numpy_array_alive():
    n = np.arange(12.0).reshape(3, 4)
    alive = weakref.ref(n)
    count = sys.getrefcount(n)
    imported = mi.from_dlpack(n)
    assert sys.getrefcount(n) == count + 1
    row = imported[1]
    assert row.base is imported
    del n
    collect()
    assert alive() is not None
    del imported
    collect()
    churn()
    assert alive() is not None and row.tolist() == [4.0, 5.0, 6.0, 7.0]
    del row
    collect()
    assert alive() is None


def test_minind_to_minind_lifetime():
    exports = _dlpack.live_exports()
    a = mi.arange(6.0)
    alive = weakref.ref(a)
    views = [mi.from_dlpack(a) for _ in range(3)]
    views.append(views[0][::2])
    assert _dlpack.live_exports() == exports + 3
    del a
    collect()
    for k in range(len(views)):
        assert alive() is not None
        views.pop()
        collect()
    assert alive() is None and _dlpack.live_exports() == exports


@pytest.mark.parametrize("max_version", [None, (1, 0)],
                         ids=["legacy", "versioned"])
def test_an_unconsumed_capsule_runs_the_deleter_once(max_version):
    exports = _dlpack.live_exports()
    a = mi.arange(6.0)
    alive = weakref.ref(a)
    count = sys.getrefcount(a)
    capsule = a.__dlpack__(max_version=max_version)
    assert sys.getrefcount(a) == count + 1
    del a
    collect()
    assert alive() is not None                      # the capsule holds it
    del capsule
    collect()
    assert alive() is None and _dlpack.live_exports() == exports


@pytest.mark.parametrize("max_version", [None, (1, 0)],
                         ids=["legacy", "versioned"])
@pytest.mark.parametrize("thread", [False, True], ids=["main", "thread"])
def test_a_consumer_calls_the_deleter_once(max_version, thread):
    """A consumer that renamed the capsule calls the deleter itself, from
    C, without the GIL, maybe on another thread; the capsule's destructor
    then does nothing."""
    exports = _dlpack.live_exports()
    a = mi.arange(6.0)
    count = sys.getrefcount(a)
    capsule = a.__dlpack__(max_version=max_version)
    struct, call_deleter = consume_by_hand(capsule)
    assert struct.dl_tensor.data == a.ctypes.data
    del capsule                       # renamed: its destructor leaves it
    collect()
    assert sys.getrefcount(a) == count + 1
    assert _dlpack.live_exports() == exports + 1
    if thread:
        worker = threading.Thread(target=call_deleter)
        worker.start()
        worker.join()
    else:
        call_deleter()
    assert sys.getrefcount(a) == count
    assert _dlpack.live_exports() == exports


def test_numpy_capsules_are_freed_once_by_minind():
    """NumPy's deleter drops its array: exactly when minind's last view
    dies, whether NumPy's capsule was versioned or legacy."""
    for legacy_only in (False, True):
        n = np.arange(5.0)
        alive = weakref.ref(n)
        imported = mi.from_dlpack(Producer(array=n, legacy_only=legacy_only))
        views = [imported[1:], imported[::2][1:]]
        del n, imported
        collect()
        assert alive() is not None
        views.clear()
        collect()
        assert alive() is None


def test_failed_imports_leave_the_capsule_to_its_producer():
    """A refused capsule is not renamed: its destructor, the producer's,
    runs the deleter when it dies."""
    exports = _dlpack.live_exports()
    a = mi.arange(6.0)
    count = sys.getrefcount(a)
    capsule = a.__dlpack__(max_version=(1, 0))
    managed(capsule).dl_tensor.dtype.lanes = 4
    with pytest.raises(RuntimeError):
        mi.from_dlpack(Producer(capsule))
    assert _get_name(capsule) == b"dltensor_versioned"
    assert _dlpack.live_exports() == exports + 1
    del capsule
    collect()
    assert sys.getrefcount(a) == count and _dlpack.live_exports() == exports


# ---------------------------------------------------------------------------
# No leaks over many rounds
# ---------------------------------------------------------------------------

ROUNDS = 10 ** 4


def _one_round(shared_mi, shared_np, frozen):
    shared_mi.__dlpack__()                           # never consumed
    shared_mi.__dlpack__(max_version=(1, 0), copy=True)
    frozen.__dlpack__(max_version=(1, 0))
    view = np.from_dlpack(shared_mi)[1:]
    imported = mi.from_dlpack(shared_np)[::2]
    again = mi.from_dlpack(shared_mi)
    legacy = mi.from_dlpack(Producer(array=shared_mi, legacy_only=True))
    _ = (view[0], imported[0], again.base.device, legacy.base.version,
         shared_mi.__dlpack_device__())
    for bad in (lambda: frozen.__dlpack__(),
                lambda: shared_mi.__dlpack__(stream=1),
                lambda: shared_mi.__dlpack__(dl_device=(2, 0)),
                lambda: mi.from_dlpack(shared_mi, device="gpu"),
                lambda: mi.from_dlpack(5)):
        try:
            bad()
        except (BufferError, RuntimeError, ValueError, AttributeError):
            pass
    capsule = shared_mi.__dlpack__(max_version=(1, 0))
    managed(capsule).dl_tensor.ndim = 65
    try:
        mi.from_dlpack(Producer(capsule))
    except RuntimeError:
        pass


def test_no_leaks_in_a_loop(tracing):
    shared_mi = mi.arange(24.0).reshape(4, 6)
    shared_np = np.arange(24.0).reshape(4, 6)
    frozen = mi.arange(6.0)
    frozen.flags.writeable = False
    for _ in range(100):
        _one_round(shared_mi, shared_np, frozen)
    exports = _dlpack.live_exports()
    with Meter([shared_mi, shared_np, frozen, shared_mi.dtype], ROUNDS,
               "dlpack round"):
        for _ in range(ROUNDS):
            _one_round(shared_mi, shared_np, frozen)
    assert _dlpack.live_exports() == exports


def test_capsules_nobody_consumes_leak_nothing(tracing):
    a = mi.arange(6.0)
    for _ in range(100):
        a.__dlpack__(), a.__dlpack__(max_version=(1, 0))
    exports = _dlpack.live_exports()
    with Meter([a], ROUNDS, "unconsumed capsules"):
        capsules = [a.__dlpack__(max_version=(1, 0)) for _ in range(1000)]
        assert _dlpack.live_exports() == exports + 1000
        del capsules
        for _ in range(ROUNDS):
            a.__dlpack__()
            a.__dlpack__(max_version=(1, 0))
    assert _dlpack.live_exports() == exports
