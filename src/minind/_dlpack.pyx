# cython: boundscheck=False, wraparound=False, cdivision=True
"""DLPack: handing an array's memory to another library, and back.

The buffer protocol (PEP 3118) shares memory with Python code; DLPack
shares it between array libraries (NumPy, PyTorch, JAX, CuPy), on any
device.  The producer fills a C struct, a *managed tensor*, that says
where the data is, its element type, shape and strides (in elements),
and puts it in a PyCapsule.  The consumer builds its own array over the
same memory.  Nothing is copied.

Who frees what is the whole difficulty, and the protocol's rules are:

* The managed tensor owns a reference to the producer's array
  (``manager_ctx``) and a ``deleter`` that releases it.  The deleter must
  run exactly once.
* A consumer that takes the tensor renames the capsule to
  ``"used_dltensor"`` (``"used_dltensor_versioned"``) and from then on
  calls the deleter itself, when its array dies.
* A capsule nobody takes (or that a consumer refused) still has its
  original name when it is destroyed: then the capsule's destructor calls
  the deleter.  A renamed capsule's destructor does nothing.

Exported shape and strides are copied into memory the managed tensor
owns: ``a.shape = ...`` cannot reach a consumer (as with the buffer
protocol in ``MiniArray.__getbuffer__``).

The array-API standard's ``__dlpack__(stream, max_version, dl_device,
copy)`` picks the struct: a consumer that passes ``max_version >= (1,
0)`` gets the versioned one (DLPack 1.x), which can say "read-only";
anything else gets the legacy one, which cannot, so a read-only array
is refused there (BufferError, as NumPy).

NumPy counterpart: ``numpy/_core/src/multiarray/dlpack.c``
(``array_dlpack``, ``from_dlpack``).  minind raises NumPy 2.4's exception
classes.  It differs in the base of an imported array (a
:class:`DLPackBase`, where NumPy uses a renamed PyCapsule) and in being
stricter about what it imports: strides or offsets whose byte values
overflow, and a NULL data pointer for a non-empty tensor, are refused.
"""
from cpython.mem cimport PyMem_Malloc, PyMem_Free
from cpython.ref cimport PyObject, Py_INCREF, Py_XDECREF
from libc.stdint cimport int64_t, uint8_t, uint64_t, uintptr_t, UINTPTR_MAX

from minind._core cimport MiniArray, copy_array, memory_owner
from minind._dtype cimport Descr, descr_of, T_BOOL, T_INT8, T_UINT8
from minind._dtype cimport (T_INT16, T_UINT16, T_INT32, T_UINT32, T_INT64,
                            T_UINT64, T_FLOAT32, T_FLOAT64)
from minind._layout cimport (MAX_NDIM, FLAG_WRITEABLE, FLAG_C_CONTIGUOUS,
                             checked_size, fill_contiguous_strides,
                             byte_extent)

cimport cython

from operator import index

cdef extern from "Python.h":
    # Declared with PyObject*, not ``object``: the capsule destructor runs
    # while the capsule is being freed (reference count 0), where Cython's
    # own reference counting on an ``object`` argument would revive it.
    ctypedef void (*PyCapsule_Destructor)(PyObject*)
    object PyCapsule_New(void* pointer, const char* name,
                         PyCapsule_Destructor destructor)
    void* PyCapsule_GetPointer(object capsule, const char* name) except? NULL
    void* capsule_pointer "PyCapsule_GetPointer"(PyObject* capsule,
                                                 const char* name)
    int PyCapsule_IsValid(object capsule, const char* name)
    int capsule_is_valid "PyCapsule_IsValid"(PyObject* capsule,
                                             const char* name)
    int PyCapsule_SetName(object capsule, const char* name) except -1
    void PyErr_WriteUnraisable(PyObject* obj)
    int Py_IsInitialized() nogil
    const Py_ssize_t PY_SSIZE_T_MAX

cdef extern from *:
    bint __builtin_mul_overflow(Py_ssize_t a, Py_ssize_t b,
                                Py_ssize_t* result) nogil
    bint __builtin_add_overflow(Py_ssize_t a, Py_ssize_t b,
                                Py_ssize_t* result) nogil


# The capsule names the protocol fixes.  PyCapsule_SetName keeps the
# pointer, so they must be static strings (C literals are).
cdef const char* LEGACY_NAME = "dltensor"
cdef const char* VERSIONED_NAME = "dltensor_versioned"
cdef const char* USED_LEGACY_NAME = "used_dltensor"
cdef const char* USED_VERSIONED_NAME = "used_dltensor_versioned"

# What this module's consumers are offered as max_version (NumPy 2.4's).
MAX_VERSION = (DLPACK_MAJOR_VERSION, DLPACK_MINOR_VERSION)

# Managed tensors minind exported whose deleter has not run yet.  Only
# changed with the GIL held.  Tests read it (live_exports) to see that
# every deleter runs, and runs once: a second run would make it drop
# below its starting value.
cdef Py_ssize_t _live_exports = 0


def live_exports():
    """How many managed tensors minind has exported and not yet deleted."""
    return _live_exports


# ---------------------------------------------------------------------------
# Export: MiniArray.__dlpack__
# ---------------------------------------------------------------------------

cdef void _delete_versioned(DLManagedTensorVersioned* managed) noexcept nogil:
    """The deleter of minind's versioned managed tensors.  Consumers may
    call it from any thread, with or without the GIL: it takes the GIL to
    drop the array.  After interpreter shutdown it leaks instead (as
    NumPy's does): Python can no longer free anything."""
    if not Py_IsInitialized():
        return
    with gil:
        _release(managed.manager_ctx, managed)


cdef void _delete_legacy(DLManagedTensor* managed) noexcept nogil:
    """The deleter of minind's legacy managed tensors (as above)."""
    if not Py_IsInitialized():
        return
    with gil:
        _release(managed.manager_ctx, managed)


cdef void _release(void* array, void* block) noexcept:
    # One allocation holds the struct, shape and strides.
    global _live_exports
    PyMem_Free(block)
    _live_exports -= 1
    (<MiniArray>array)._exports -= 1
    Py_XDECREF(<PyObject*>array)


cdef void _versioned_capsule_destructor(PyObject* capsule) noexcept:
    """Destroys a "dltensor_versioned" capsule: runs the deleter unless a
    consumer took the tensor (and renamed the capsule)."""
    cdef DLManagedTensorVersioned* managed
    if capsule_is_valid(capsule, USED_VERSIONED_NAME):
        return
    managed = <DLManagedTensorVersioned*>capsule_pointer(capsule,
                                                         VERSIONED_NAME)
    if managed == NULL:
        PyErr_WriteUnraisable(NULL)   # renamed to something foreign
        return
    if managed.deleter != NULL:
        managed.deleter(managed)


cdef void _legacy_capsule_destructor(PyObject* capsule) noexcept:
    """Destroys a "dltensor" capsule (as above)."""
    cdef DLManagedTensor* managed
    if capsule_is_valid(capsule, USED_LEGACY_NAME):
        return
    managed = <DLManagedTensor*>capsule_pointer(capsule, LEGACY_NAME)
    if managed == NULL:
        PyErr_WriteUnraisable(NULL)
        return
    if managed.deleter != NULL:
        managed.deleter(managed)


cdef bint _parse_copy(object copy) except -1:
    """The ``copy`` argument as "always copy" (True) or not.  None
    (copy if needed) and False (never copy) are the same for an export,
    which never needs to copy.  NumPy refuses strings."""
    if copy is None:
        return False
    if isinstance(copy, str):
        raise ValueError("strings are not allowed for 'copy' keyword. Use "
                         "True/False/None instead.")
    return bool(copy)


cdef int _parse_dl_device(object dl_device, int* device) except -1:
    """Check a requested device against the array's (``device[0:2]``).

    The array's own device or the CPU can be honoured (memory on a
    host-memory "device" is CPU memory); anything else is a BufferError.
    """
    if dl_device is None:
        return 0
    if not isinstance(dl_device, tuple):
        raise TypeError("dl_device must be a tuple")
    if len(dl_device) != 2:
        raise TypeError(f"dl_device must be a tuple of 2 ints, got "
                        f"{len(dl_device)} items")
    # operator.index: a float is refused, as NumPy's "ii" parsing does
    # (Cython's own conversion to int would truncate it).
    cdef int kind = index(dl_device[0]), number = index(dl_device[1])
    if (kind == device[0] and number == device[1]) or (
            kind == kDLCPU and number == 0):
        device[0] = kind
        device[1] = number
        return 0
    raise BufferError("unsupported device requested")


cdef int _array_device(MiniArray array, int* device) except -1:
    """Where ``array``'s memory lives: the CPU, unless it was imported
    from DLPack host memory of another kind (then that device, as NumPy
    reports it)."""
    base = memory_owner(array).base
    if isinstance(base, DLPackBase):
        device[0] = (<DLPackBase>base).device[0]
        device[1] = (<DLPackBase>base).device[1]
    else:
        device[0] = kDLCPU
        device[1] = 0
    return 0


def dlpack_device(MiniArray array):
    """``MiniArray.__dlpack_device__()``: (device type, device id);
    ``(1, 0)`` (kDLCPU) for everything minind allocates."""
    cdef int device[2]
    _array_device(array, device)
    return (device[0], device[1])


cdef int _fill_dtype(Descr dtype, DLDataType* out) except -1:
    out.bits = <uint8_t>(8 * dtype.itemsize)
    out.lanes = 1
    if dtype.kind == "b":
        out.code = kDLBool
    elif dtype.kind == "i":
        out.code = kDLInt
    elif dtype.kind == "u":
        out.code = kDLUInt
    elif dtype.kind == "f":
        out.code = kDLFloat
    else:
        raise BufferError(f"DLPack cannot describe dtype {dtype.name}")
    return 0


cdef int _check_strides(MiniArray array) except -1:
    """DLPack counts strides in elements: each byte stride must be a
    multiple of the itemsize (an ``as_strided`` or ``a.view(dtype)``
    array may break this).  NumPy's test, kept exactly: a C-contiguous
    array or a single element passes, and length-1 axes never count (their
    stride is never used, and the export truncates it)."""
    cdef int axis
    cdef Py_ssize_t itemsize = array.dtype.itemsize
    if array._flags & FLAG_C_CONTIGUOUS or array.size == 1:
        return 0
    for axis in range(array.ndim):
        if array._shape[axis] != 1 and array._strides[axis] % itemsize:
            raise BufferError("DLPack only supports strides which are a "
                              "multiple of itemsize.")
    return 0


def export_dlpack(MiniArray array, object stream, object max_version,
                  object dl_device, object copy):
    """``MiniArray.__dlpack__``: the array in a new DLPack capsule.

    Checked in NumPy's order: ``dl_device`` and ``copy``, then
    ``max_version`` (None or a 2-tuple whose first item is an int), then
    ``stream`` (None only: CPU memory has no streams to synchronise).
    ``copy=True`` exports a fresh copy in the array's memory order, and
    says so (IS_COPIED); otherwise the export is the array's own memory.
    """
    cdef int device[2]
    cdef long major = 0
    cdef bint always_copy, versioned
    _array_device(array, device)
    _parse_dl_device(dl_device, device)
    always_copy = _parse_copy(copy)
    if max_version is not None:
        if not isinstance(max_version, tuple) or len(max_version) != 2:
            raise TypeError("max_version must be None or a tuple with two "
                            "elements.")
        major = index(max_version[0])
    if stream is not None:
        # NumPy 2.4 raises RuntimeError (the standard asks for nothing).
        raise RuntimeError("minind only supports stream=None.")
    if always_copy:
        array = copy_array(array, array.dtype, "K")
    versioned = major >= 1
    if not versioned and not array._flags & FLAG_WRITEABLE:
        raise BufferError("Cannot export readonly array since signalling "
                          "readonly is unsupported by DLPack (supported by "
                          "newer DLPack version).")
    _check_strides(array)
    return _new_capsule(array, versioned, device, always_copy)


cdef object _new_capsule(MiniArray array, bint versioned, int* device,
                         bint copied):
    """The managed tensor for ``array`` in a capsule.

    One PyMem block holds the struct, then (8-byte aligned) shape and
    strides: the deleter frees it with one call.  The capsule takes a
    reference to the array (the tensor's ``manager_ctx``), given back by
    the deleter.
    """
    global _live_exports
    cdef size_t header = (sizeof(DLManagedTensorVersioned) if versioned
                          else sizeof(DLManagedTensor))
    cdef size_t offset = (header + sizeof(int64_t) - 1) // sizeof(int64_t)
    cdef char* block
    cdef DLTensor* tensor
    cdef DLManagedTensorVersioned* managed_versioned
    cdef DLManagedTensor* managed_legacy
    cdef Py_ssize_t itemsize = array.dtype.itemsize
    cdef int axis
    offset *= sizeof(int64_t)
    block = <char*>PyMem_Malloc(offset + 2 * array.ndim * sizeof(int64_t))
    if block == NULL:
        raise MemoryError()
    if versioned:
        managed_versioned = <DLManagedTensorVersioned*>block
        managed_versioned.version.major = DLPACK_MAJOR_VERSION
        managed_versioned.version.minor = DLPACK_MINOR_VERSION
        managed_versioned.manager_ctx = <void*>array
        managed_versioned.deleter = _delete_versioned
        managed_versioned.flags = 0
        if not array._flags & FLAG_WRITEABLE:
            managed_versioned.flags |= DLPACK_FLAG_BITMASK_READ_ONLY
        if copied:
            managed_versioned.flags |= DLPACK_FLAG_BITMASK_IS_COPIED
        tensor = &managed_versioned.dl_tensor
    else:
        managed_legacy = <DLManagedTensor*>block
        managed_legacy.manager_ctx = <void*>array
        managed_legacy.deleter = _delete_legacy
        tensor = &managed_legacy.dl_tensor
    try:
        _fill_dtype(array.dtype, &tensor.dtype)
    except BaseException:
        PyMem_Free(block)
        raise
    # The standard asks for byte_offset 0 (consumers such as PyTorch
    # ignored it): data is the first element itself.
    tensor.data = array._data
    tensor.byte_offset = 0
    tensor.device.device_type = device[0]
    tensor.device.device_id = device[1]
    tensor.ndim = array.ndim
    tensor.shape = NULL
    tensor.strides = NULL
    if array.ndim:
        tensor.shape = <int64_t*>(block + offset)
        tensor.strides = tensor.shape + array.ndim
    for axis in range(array.ndim):
        tensor.shape[axis] = array._shape[axis]
        # Truncating, as NumPy: only length-1 axes can get here with a
        # stride that is no multiple of the itemsize (_check_strides).
        tensor.strides[axis] = array._strides[axis] // itemsize
    try:
        capsule = PyCapsule_New(
            block, VERSIONED_NAME if versioned else LEGACY_NAME,
            _versioned_capsule_destructor if versioned
            else _legacy_capsule_destructor)
    except BaseException:
        PyMem_Free(block)
        raise
    Py_INCREF(array)                # manager_ctx's reference
    array._exports += 1             # resize must not free it meanwhile
    _live_exports += 1
    return capsule


# ---------------------------------------------------------------------------
# Import: mi.from_dlpack
# ---------------------------------------------------------------------------

# Where an empty tensor with a NULL data pointer points instead: every
# MiniArray has a real address (pointer arithmetic on NULL is undefined).
cdef char _EMPTY_DATA[1]


@cython.no_gc
cdef class DLPackBase:
    """The ``base`` of every array made by :func:`from_dlpack`.

    It holds the managed tensor the producer handed over, and calls its
    deleter exactly once, when it is freed: when the imported array and
    every view of it are gone (views have the imported array as base,
    which has this).  NumPy's base is a PyCapsule renamed
    ``"numpy_dltensor"``; this object says the same in readable form:

    * ``version``: ``(major, minor)`` of a versioned tensor, or None for
      a legacy one;
    * ``device``: ``(device type, device id)`` of the memory;
    * ``readonly``: whether the producer forbade writes (legacy tensors
      cannot say, so NumPy 2.4, and minind, import them read-only);
    * ``extent``: ``(first, end)`` addresses of the bytes the tensor's
      elements span, all minind knows about the producer's memory (the
      bounds ``as_strided`` checks against).

    An array with this base cannot have WRITEABLE set back once cleared,
    as in NumPy (the memory's writability is not known here).
    """

    def __dealloc__(self):
        cdef DLManagedTensorVersioned* versioned
        cdef DLManagedTensor* legacy
        if self._managed == NULL:
            return
        if self._versioned:
            versioned = <DLManagedTensorVersioned*>self._managed
            self._managed = NULL
            if versioned.deleter != NULL:
                versioned.deleter(versioned)
        else:
            legacy = <DLManagedTensor*>self._managed
            self._managed = NULL
            if legacy.deleter != NULL:
                legacy.deleter(legacy)

    def __repr__(self):
        kind = (f"versioned {self.version[0]}.{self.version[1]}"
                if self._versioned else "legacy")
        access = "read-only" if self.readonly else "writable"
        return (f"<minind DLPack base: a {kind} managed tensor on device "
                f"{self.device}, {access}>")


cdef Descr _dtype_from(DLDataType dtype):
    """minind's dtype for a DLPack element type, or None.  minind has no
    float16, complex or bfloat16, and no vector (lanes > 1) types."""
    cdef int bits = dtype.bits
    if dtype.code == kDLBool and bits == 8:
        return descr_of(T_BOOL)
    if dtype.code == kDLInt:
        if bits == 8:
            return descr_of(T_INT8)
        if bits == 16:
            return descr_of(T_INT16)
        if bits == 32:
            return descr_of(T_INT32)
        if bits == 64:
            return descr_of(T_INT64)
    if dtype.code == kDLUInt:
        if bits == 8:
            return descr_of(T_UINT8)
        if bits == 16:
            return descr_of(T_UINT16)
        if bits == 32:
            return descr_of(T_UINT32)
        if bits == 64:
            return descr_of(T_UINT64)
    if dtype.code == kDLFloat:
        if bits == 32:
            return descr_of(T_FLOAT32)
        if bits == 64:
            return descr_of(T_FLOAT64)
    return None


cdef Py_ssize_t _read_layout(const DLTensor* tensor, Py_ssize_t itemsize,
                             Py_ssize_t* shape,
                             Py_ssize_t* strides) except -1:
    """Shape and byte strides from the tensor; returns the size.

    Refused: negative lengths and sizes whose byte count overflows
    (NumPy's ValueErrors, from ``checked_size``), and strides whose byte
    values, or the distance they reach from the first element, overflow
    a Py_ssize_t (NumPy does not check; minind raises the RuntimeError
    NumPy 2.4 uses for tensors it cannot import).  NULL strides mean C
    order.  ``tensor.ndim`` is already known to be in [0, MAX_NDIM].
    """
    cdef int axis, ndim = tensor.ndim
    cdef Py_ssize_t size, stride, reach, low = 0, high = itemsize
    cdef bint overflow
    if ndim and tensor.shape == NULL:
        raise RuntimeError("DLPack tensor has no shape.")
    for axis in range(ndim):
        if tensor.shape[axis] > PY_SSIZE_T_MAX:
            raise ValueError("array is too big; `arr.size * "
                             "arr.dtype.itemsize` is larger than the "
                             "maximum possible size.")
        shape[axis] = <Py_ssize_t>tensor.shape[axis]
    size = checked_size(ndim, shape, itemsize)
    if tensor.strides == NULL:
        fill_contiguous_strides(ndim, shape, itemsize, False, strides)
        return size
    for axis in range(ndim):
        if (tensor.strides[axis] > PY_SSIZE_T_MAX
                or tensor.strides[axis] < -PY_SSIZE_T_MAX):
            overflow = True
        else:
            stride = <Py_ssize_t>tensor.strides[axis]
            overflow = __builtin_mul_overflow(stride, itemsize,
                                              &strides[axis])
        if overflow:
            raise RuntimeError("Strides of the DLPack tensor overflow "
                               "when counted in bytes.")
    if size == 0:
        return 0                   # an empty array reaches nothing
    for axis in range(ndim):
        # The farthest element along this axis, below or above the first.
        overflow = __builtin_mul_overflow(strides[axis], shape[axis] - 1,
                                          &reach)
        if not overflow and reach < 0:
            overflow = __builtin_add_overflow(low, reach, &low)
        elif not overflow:
            overflow = __builtin_add_overflow(high, reach, &high)
        if overflow:
            raise RuntimeError("Strides of the DLPack tensor reach beyond "
                               "the address space.")
    return size


def from_dlpack(x, /, *, device=None, copy=None):
    """An array over the memory of any object that exports DLPack.

    ``x.__dlpack__`` is asked for a versioned tensor (``max_version=(1,
    0)``); an older producer that does not know the keyword arguments is
    asked again without them, as NumPy does.  ``copy`` is passed on: the
    producer decides (True: it copies; False: it must not).  ``device``
    may be None or "cpu".

    The result views the producer's memory, zero-copy, and is read-only
    if the producer says so (and for legacy tensors, which cannot say).
    Its ``base`` is a :class:`DLPackBase` that keeps the producer's
    managed tensor until the last view is gone, then calls its deleter.
    NumPy: ``from_dlpack`` in dlpack.c.
    """
    if device is not None and not (isinstance(device, str)
                                   and device == "cpu"):
        raise ValueError(f'Device not understood. Only "cpu" is allowed, '
                         f'but received: {device}')
    export = x.__dlpack__
    try:
        capsule = export(dl_device=None if device is None else (kDLCPU, 0),
                         copy=copy, max_version=MAX_VERSION)
    except TypeError:
        if device is not None or copy is not None:
            raise
        capsule = export()        # a producer older than DLPack 1.0
    return import_capsule(capsule)


cpdef MiniArray import_capsule(object capsule):
    """The array over a DLPack capsule's tensor; the capsule is consumed.

    Everything is read and checked before anything is built, in NumPy's
    order (version, ndim, device, lanes, dtype, shape); then the view and
    its :class:`DLPackBase` are made, the capsule is renamed "used_...",
    and only then does the base take charge of the deleter.  If anything
    fails before the rename, the capsule still belongs to the producer,
    whose capsule destructor frees it.
    """
    cdef void* managed
    cdef DLTensor tensor
    cdef bint versioned, readonly
    cdef Py_ssize_t shape[MAX_NDIM]
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef Py_ssize_t size
    cdef Descr dtype
    cdef char* data
    cdef MiniArray result
    cdef DLPackBase base
    cdef tuple version = None
    versioned = PyCapsule_IsValid(capsule, VERSIONED_NAME)
    if versioned:
        managed = PyCapsule_GetPointer(capsule, VERSIONED_NAME)
        if (<DLManagedTensorVersioned*>managed).version.major > \
                DLPACK_MAJOR_VERSION:
            raise BufferError("from_dlpack(): the exported DLPack major "
                              "version is too high to be imported by this "
                              "version of minind.")
        version = ((<DLManagedTensorVersioned*>managed).version.major,
                   (<DLManagedTensorVersioned*>managed).version.minor)
        tensor = (<DLManagedTensorVersioned*>managed).dl_tensor
        readonly = ((<DLManagedTensorVersioned*>managed).flags
                    & DLPACK_FLAG_BITMASK_READ_ONLY) != 0
    else:
        # Not a capsule, or another kind of capsule (or one already
        # used): CPython's ValueError, as in NumPy.
        managed = PyCapsule_GetPointer(capsule, LEGACY_NAME)
        tensor = (<DLManagedTensor*>managed).dl_tensor
        readonly = True
    # NumPy 2.4's classes: RuntimeError for what it cannot represent.
    if tensor.ndim > MAX_NDIM:
        raise RuntimeError("maxdims of DLPack tensor is higher than the "
                           "supported maxdims.")
    if tensor.ndim < 0:
        raise ValueError(f"number of dimensions must be within [0, "
                         f"{MAX_NDIM}]")
    if tensor.device.device_type not in (kDLCPU, kDLCUDAHost, kDLROCMHost,
                                         kDLCUDAManaged):
        raise RuntimeError("Unsupported device in DLTensor.")
    if tensor.dtype.lanes != 1:
        raise RuntimeError("Unsupported lanes in DLTensor dtype.")
    dtype = _dtype_from(tensor.dtype)
    if dtype is None:
        raise RuntimeError("Unsupported dtype in DLTensor (minind reads "
                           "bool, integers, float32 and float64).")
    size = _read_layout(&tensor, dtype.itemsize, shape, strides)
    if tensor.byte_offset > <uint64_t>PY_SSIZE_T_MAX or (
            tensor.byte_offset > UINTPTR_MAX - <uintptr_t>tensor.data):
        raise RuntimeError("byte_offset of the DLPack tensor is out of "
                           "range.")
    if tensor.data == NULL:
        if size:
            raise RuntimeError("DLPack tensor has no data (NULL).")
        data = _EMPTY_DATA
    else:
        data = <char*>tensor.data + tensor.byte_offset

    base = DLPackBase.__new__(DLPackBase)
    base._versioned = versioned
    base.version = version
    base.device = (tensor.device.device_type, tensor.device.device_id)
    base.readonly = readonly
    result = MiniArray.__new__(MiniArray)
    result._data = data
    result.dtype = dtype
    result._set_dims(tensor.ndim, shape, strides)
    result.base = base
    result._flags = 0 if readonly else FLAG_WRITEABLE
    result._update_flags()
    base.extent = _extent_of(result)
    PyCapsule_SetName(capsule, USED_VERSIONED_NAME if versioned
                      else USED_LEGACY_NAME)
    base._managed = managed           # from here on, the base deletes it
    return result


cdef tuple _extent_of(MiniArray array):
    cdef Py_ssize_t low, high
    byte_extent(array.ndim, array._shape, array._strides,
                array.dtype.itemsize, &low, &high)
    return (<uintptr_t>array._data + low, <uintptr_t>array._data + high)
