# cython: boundscheck=False, wraparound=False, cdivision=True
"""MiniArray: NumPy's ndarray memory model in one extension type.

An array is five things (the tutorial's Part 1):

* ``_data``: the address of its first element;
* ``dtype``: how to read the bytes of one element;
* ``shape``: how many elements along each axis;
* ``strides``: how many *bytes* to step to the next element along each
  axis (any sign; 0 repeats an element, as broadcasting does);
* ``flags`` and ``base``: who owns the memory, whether it may be written,
  and whether the layout is C- or F-contiguous.

Element ``a[i, j]`` lives at ``_data + i * strides[0] + j * strides[1]``.
Everything else (views, transposes, broadcasting) is a new (offset, shape,
strides) over the same memory, made by :func:`make_view`.

NumPy counterparts: ``PyArrayObject_fields`` (ndarraytypes.h),
``PyArray_NewFromDescr_int`` (ctors.c), ``array_dealloc`` (arrayobject.c).
"""
from cpython.buffer cimport (PyBUF_WRITABLE, PyBUF_FORMAT, PyBUF_ND,
                             PyBUF_STRIDES, PyBUF_C_CONTIGUOUS,
                             PyBUF_F_CONTIGUOUS, PyBUF_ANY_CONTIGUOUS,
                             PyObject_CheckBuffer, PyObject_GetBuffer,
                             PyBuffer_Release)
from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize
from cpython.long cimport (PyLong_CheckExact, PyLong_AsSsize_t,
                          PyLong_AsLongLongAndOverflow)
from cpython.slice cimport PySlice_Check, PySlice_Unpack, PySlice_AdjustIndices
from cpython.mem cimport PyMem_Malloc, PyMem_Free
from cpython.tuple cimport (PyTuple_New, PyTuple_SET_ITEM, PyTuple_GET_SIZE,
                            PyTuple_GET_ITEM, PyTuple_CheckExact)
from cpython.ref cimport Py_INCREF, Py_REFCNT, PyObject

from cpython.number cimport PyIndex_Check
from cpython.sequence cimport PySequence_Check
from cpython.pycapsule cimport PyCapsule_CheckExact
from cpython.float cimport PyFloat_CheckExact
from cpython.bool cimport PyBool_Check
from libc.stdlib cimport malloc, calloc, realloc, free
from libc.stdint cimport uintptr_t
from libc.string cimport memcpy, memset

cdef extern from "Python.h":
    int PyObject_GenericSetAttr(object o, object name, object value) except -1
    # The same function with a NULL value: deletion.
    int PyObject_GenericDelAttr "PyObject_GenericSetAttr" (
        object o, object name, PyObject* value) except -1
    void* PyType_GetSlot(type type_object, int slot)
    enum: Py_bf_releasebuffer

from minind._dtype cimport (Descr, as_dtype, get_item, set_item,
                            can_cast_index, T_BOOL)
from minind._scalar cimport (generic, get_scalar, scalar_descr,
                             scalar_data)
from minind._layout cimport (MAX_NDIM, FLAG_C_CONTIGUOUS, FLAG_F_CONTIGUOUS,
                             FLAG_OWNDATA, FLAG_ALIGNED, FLAG_WRITEABLE,
                             FLAG_WARN_ON_WRITE, contiguity_flags, is_aligned,
                             fill_contiguous_strides, fill_fresh_strides,
                             fill_ordered_strides, checked_size,
                             shape_from_object, byte_extent, extent_within,
                             broadcast_strides, attempt_nocopy_reshape)
from minind._loops cimport Traversal, axis_order, copy_cast
from minind._override cimport binop_should_defer

import operator
import warnings
import weakref

cimport cython
from minind.exceptions import AxisError

# ``a.view()``'s dtype when left out (None is a dtype: float64).
cdef object _VIEW_DTYPE_UNSET = object()


cdef extern from "Python.h":
    const Py_ssize_t PY_SSIZE_T_MAX

cdef extern from *:
    bint __builtin_mul_overflow(Py_ssize_t a, Py_ssize_t b,
                                Py_ssize_t* result) nogil

cdef extern from "Python.h":
    # Register/unregister a raw allocation with tracemalloc; a no-op
    # (returning -2) while tracemalloc is not tracing.
    int PyTraceMalloc_Track(unsigned int domain, uintptr_t ptr,
                            size_t size) nogil
    int PyTraceMalloc_Untrack(unsigned int domain, uintptr_t ptr) nogil
    object PyMemoryView_GET_BUFFER_OBJ "PyMemoryView_GET_BASE"(object)
    Py_buffer* PyMemoryView_GET_BUFFER(object)


cdef extern from *:
    """
    #if defined(__linux__)
    #include <sys/mman.h>
    #endif
    /* Ask the kernel to back a large buffer with transparent huge pages,
       as NumPy does for buffers of 4 MiB and more: one page fault then
       maps 2 MiB instead of 4 KiB.  Only whole pages inside the buffer
       are advised. */
    static void minind_advise_hugepage(char *ptr, size_t nbytes) {
    #if defined(__linux__) && defined(MADV_HUGEPAGE)
        size_t page = 4096;
        size_t offset = (page - (size_t)ptr % page) % page;
        if (nbytes > offset) {
            madvise(ptr + offset, nbytes - offset, MADV_HUGEPAGE);
        }
    #else
        (void)ptr; (void)nbytes;
    #endif
    }
    """
    void minind_advise_hugepage(char* ptr, size_t nbytes) nogil


cdef extern from *:
    """
    /* MININD_POISON=1 at build time (setup.py) fills every fresh buffer
       that is not zeroed with poison (``poison_byte``), so that a result
       element minind forgot to write shows up as a recognisable wrong
       value instead of whatever malloc happened to return (often zeros,
       which can pass for right answers). */
    #ifdef MININD_POISON
    #define MININD_POISON_BUFFERS 1
    #else
    #define MININD_POISON_BUFFERS 0
    #endif
    """
    const bint MININD_POISON_BUFFERS


# Whether this build poisons fresh buffers (see MININD_POISON_BUFFERS).
POISONED = bool(MININD_POISON_BUFFERS)


cpdef int poison_byte(Descr dtype):
    """The byte a poisoned build fills fresh buffers of ``dtype`` with.

    0xFF for floats: all-ones bytes are a NaN, which no sum or product
    can absorb (0xA5 bytes are -2.5e-127 as a float64, and 2.0 plus that
    is 2.0, so an accumulator nobody initialised would go unseen).  0xA5
    for integers and bool: -91 as int8, a large negative int64, and a
    bool byte that is neither 0 nor 1.
    """
    return 0xFF if dtype.kind == "f" else 0xA5


# tracemalloc domain for array buffers ("mi" in ASCII); NumPy uses its own
# (389047).  Filter a snapshot with tracemalloc.DomainFilter(True, 0x6d69).
TRACE_DOMAIN = 0x6d69
cdef unsigned int _TRACE_DOMAIN = 0x6d69
cdef size_t HUGEPAGE_THRESHOLD = 1 << 22


# ---------------------------------------------------------------------------
# The owner's buffer
# ---------------------------------------------------------------------------

cdef char* _alloc_buffer(Py_ssize_t nbytes, bint zeroed) except NULL:
    """Allocate an array buffer of at least one byte.

    ``zeroed`` uses calloc, which for large sizes gets fresh zero pages
    from the OS without touching them (NumPy's zeros does the same).
    """
    cdef char* ptr
    cdef size_t size = nbytes if nbytes > 0 else 1
    ptr = <char*>(calloc(size, 1) if zeroed else malloc(size))
    if ptr == NULL:
        raise MemoryError(f"Unable to allocate {nbytes} bytes for an array")
    if size >= HUGEPAGE_THRESHOLD:
        minind_advise_hugepage(ptr, size)
    PyTraceMalloc_Track(_TRACE_DOMAIN, <uintptr_t>ptr, size)
    return ptr


cdef void _free_buffer(char* ptr) noexcept:
    PyTraceMalloc_Untrack(_TRACE_DOMAIN, <uintptr_t>ptr)
    free(ptr)


cdef str check_order(object order, str allowed):
    """Validate an order argument: one of the letters in ``allowed``.

    None means the default ("K" where allowed, else "C").  Messages are
    NumPy's: an unknown letter, a known letter this function does not
    take ("only 'C' or 'F' order is permitted"), or a non-string.
    """
    if order is "C" or order is "K" and "K" in allowed:
        return order                 # the defaults, without any work
    if order is None:
        return "K" if "K" in allowed else "C"
    if isinstance(order, bytes):
        order = order.decode("ascii", "replace")
    if not isinstance(order, str):
        raise TypeError(f"order must be str, not {type(order).__name__}")
    letter = order.upper()
    if len(letter) != 1 or letter not in "CFAK":
        raise ValueError("order must be one of 'C', 'F', 'A', or 'K' "
                         f"(got {order!r})")
    if letter not in allowed:
        if allowed == "CF":
            raise ValueError("only 'C' or 'F' order is permitted")
        raise ValueError(f"order {order!r} is not permitted here")
    return letter


# ---------------------------------------------------------------------------
# The array type
# ---------------------------------------------------------------------------

# What an array is between its allocation and its construction: a
# read-only 0-d float64 zero, viewing 8 bytes of an immutable bytes object
# (its base, so that its WRITEABLE flag cannot be set).  Python can see an
# array in that state -- ``mi.ndarray.__new__(mi.ndarray)``, or a
# subclass's __new__ before __init__ -- and every operation on it must
# stay in bounds: with no dtype and a NULL address, printing it had
# crashed.  (NumPy's ndarray.__new__ builds the array itself, and refuses
# a missing shape; a Cython type's allocation cannot take arguments that
# way, so __init__ builds it here.)
cdef bytes _UNMADE_MEMORY = bytes(8)
cdef char* UNMADE_ITEM = PyBytes_AS_STRING(_UNMADE_MEMORY)
cdef Descr _UNMADE_DTYPE = as_dtype("float64")


# Not tracked by the cyclic GC, like NumPy's ndarray: an array refers only
# to its dtype and the owner of its memory, which never refer back.
@cython.no_gc
cdef class MiniArray:
    """An n-dimensional array: a typed view of a block of memory.

    ``MiniArray(shape, dtype=float, buffer=None, offset=0, strides=None,
    order=None)`` is the low-level constructor, as ``np.ndarray``; most code
    uses :func:`minind.array`, :func:`minind.empty` and friends.  With
    ``buffer`` (any writable or read-only buffer exporter) the array is a
    view of that memory; unlike NumPy, shape and strides that would reach
    outside the buffer are refused with ValueError.
    """

    def __cinit__(self):
        self._data = UNMADE_ITEM        # until made: see _UNMADE_DTYPE
        self.dtype = _UNMADE_DTYPE
        self._dims = NULL
        self._shape = NULL
        self._strides = NULL
        self.ndim = 0
        self.size = 1
        self._flags = FLAG_C_CONTIGUOUS | FLAG_F_CONTIGUOUS | FLAG_ALIGNED
        self.base = _UNMADE_MEMORY
        self._views = 0
        self._exports = 0
        self._viewed = None

    def __init__(self, shape=None, dtype=float, buffer=None,
                 Py_ssize_t offset=0, strides=None, order=None):
        cdef Py_ssize_t shape_buf[MAX_NDIM]
        cdef Py_ssize_t strides_buf[MAX_NDIM]
        cdef Py_ssize_t low, high, nbytes
        cdef Descr descr
        if self._data != UNMADE_ITEM:
            # Made already: a subclass's __new__ returned an array it made
            # (``np.asarray(data).view(cls)``, NumPy's subclassing
            # recipe), and Python now calls __init__ with __new__'s
            # arguments.  NumPy's ndarray has no __init__ to mind them.
            return
        if shape is None:
            raise TypeError("MiniArray() missing required argument 'shape' "
                            "(pos 1)")
        descr = as_dtype(dtype)
        cdef int ndim = shape_from_object(shape, shape_buf)
        # NumPy reads any order but F as C here (even A and K).
        cdef str letter = check_order(order, "CFAK")
        cdef MiniArray source
        checked_size(ndim, shape_buf, descr.itemsize)
        if buffer is None:
            if strides is not None:
                raise ValueError("strides are only allowed together with "
                                 "a buffer")
            source = new_array(descr, ndim, shape_buf, letter == "F", False)
            self._adopt(source)
            return
        if offset < 0:
            raise ValueError("offset must be non-negative and no greater "
                             "than buffer length")
        # NumPy asks for the buffer as contiguous bytes, C or F order
        # (the exporter refuses in its own words), and counts in bytes.
        _check_contiguous_buffer(buffer)
        source = wrap_buffer(buffer, False)
        nbytes = source.size * source.dtype.itemsize
        if strides is None:
            fill_contiguous_strides(ndim, shape_buf, descr.itemsize,
                                    letter == "F", strides_buf)
        else:
            if shape_from_object(strides, strides_buf, True) != ndim:
                raise ValueError("strides, if given, must be the same "
                                 "length as shape")
        if not extent_within(ndim, shape_buf, strides_buf, descr.itemsize,
                             offset, nbytes):
            byte_extent(ndim, shape_buf, strides_buf, descr.itemsize,
                        &low, &high)
            # (Python ints: a hostile offset would wrap the C sum)
            where = (f"bytes {<object>offset + low} to "
                     f"{<object>offset + high} of a {nbytes}-byte buffer")
            if strides is None:               # NumPy's classes and words
                raise TypeError("buffer is too small for requested array "
                                f"({where})")
            raise ValueError("strides is incompatible with shape of "
                             "requested array and size of buffer "
                             f"({where})")
        self._data = source._data + offset
        self.dtype = descr
        self._set_dims(ndim, shape_buf, strides_buf)
        self.base = source.base
        self._flags = source._flags & FLAG_WRITEABLE
        self._update_flags()

    cdef _adopt(self, MiniArray source):
        # Take over a freshly made owner's buffer (used by __init__ only).
        self._data = source._data
        self.dtype = source.dtype
        self.base = None
        self._set_dims(source.ndim, source._shape, source._strides)
        self._flags = source._flags
        source._flags &= ~FLAG_OWNDATA
        source._data = NULL

    def __dealloc__(self):
        # Only the owner frees the buffer; views hold a reference to the
        # owner (base), so it cannot die before them.
        if self._flags & FLAG_OWNDATA and self._data != NULL:
            _free_buffer(self._data)
        if self._viewed is not None:
            self._viewed._views -= 1
        if self._dims != self._inline_dims:
            PyMem_Free(self._dims)

    cdef int _set_dims(self, int ndim, const Py_ssize_t* shape,
                       const Py_ssize_t* strides) except -1:
        """Store shape and strides (one allocation) and the size.

        The size is overflow-checked here, so no view (as_strided,
        broadcast_to) can describe more elements than fit in a Py_ssize_t.
        """
        cdef int axis
        checked_size(ndim, shape, self.dtype.itemsize)
        if ndim <= INLINE_NDIM:
            self._dims = self._inline_dims
        else:
            self._dims = <Py_ssize_t*>PyMem_Malloc(
                2 * ndim * sizeof(Py_ssize_t))
            if self._dims == NULL:
                raise MemoryError()
        self.ndim = ndim
        self._shape = self._dims
        self._strides = self._dims + ndim
        self.size = 1
        for axis in range(ndim):
            self._shape[axis] = shape[axis]
            self._strides[axis] = strides[axis]
            self.size *= shape[axis]
        return 0

    cdef int _replace_dims(self, int ndim, const Py_ssize_t* shape,
                           const Py_ssize_t* strides) except -1:
        """Give an existing array a new shape and strides (the shape
        setter); ``shape`` and ``strides`` must not be this array's own."""
        cdef Py_ssize_t* block = self._inline_dims
        cdef int axis
        checked_size(ndim, shape, self.dtype.itemsize)
        if ndim > INLINE_NDIM:
            block = <Py_ssize_t*>PyMem_Malloc(2 * ndim * sizeof(Py_ssize_t))
            if block == NULL:
                raise MemoryError()
        for axis in range(ndim):
            block[axis] = shape[axis]
            block[ndim + axis] = strides[axis]
        if self._dims != self._inline_dims:
            PyMem_Free(self._dims)
        self._dims = block
        self.ndim = ndim
        self._shape = block
        self._strides = block + ndim
        self._update_flags()
        return 0

    cdef void _update_flags(self) noexcept:
        """Recompute the layout flags; OWNDATA, WRITEABLE and
        WARN_ON_WRITE are kept."""
        self._flags &= FLAG_OWNDATA | FLAG_WRITEABLE | FLAG_WARN_ON_WRITE
        self._flags |= contiguity_flags(self.ndim, self._shape,
                                        self._strides, self.dtype.itemsize)
        if is_aligned(self._data, self.ndim, self._shape, self._strides,
                      self.dtype.itemsize):
            self._flags |= FLAG_ALIGNED

    # -- memory layout ------------------------------------------------------

    @property
    def shape(self):
        """Length of each axis, a tuple of ints."""
        return _as_tuple(self.ndim, self._shape)

    @shape.setter
    def shape(self, value):
        """``a.shape = (3, 2)`` reshapes ``a`` itself, when a view could
        (no copy; C order, as NumPy's setter)."""
        cdef MiniArray reshaped = reshape_array(self, value, "C", None)
        if reshaped._data != self._data:          # it had to copy
            raise AttributeError(
                "Incompatible shape for in-place modification. Use "
                "`.reshape()` to make a copy with the desired shape.")
        self._replace_dims(reshaped.ndim, reshaped._shape,
                           reshaped._strides)

    # A settable attribute must refuse deletion itself (NumPy's messages):
    # a Cython property without a deleter raises NotImplementedError.
    @shape.deleter
    def shape(self):
        raise AttributeError("Cannot delete array shape")

    def __setattr__(self, name, value):
        # ``dtype`` is a C attribute (read by every module); assigning it
        # reinterprets the memory, so it is checked here.
        if name == "dtype":
            set_dtype(self, value)
        else:
            PyObject_GenericSetAttr(self, name, value)

    def __delattr__(self, name):
        if name == "dtype":
            raise AttributeError("Cannot delete array dtype")
        PyObject_GenericDelAttr(self, name, NULL)

    def view(self, dtype=_VIEW_DTYPE_UNSET, type=None):
        """A new view of the same memory, optionally reading it as another
        dtype (``a.view(mi.uint8)``: the bytes of each item).  As in NumPy,
        an explicit ``dtype=None`` means float64 (``dtype(None)``); only
        leaving it out keeps the array's dtype.

        ``type``, a subclass of MiniArray (also accepted in ``dtype``'s
        place, as NumPy does), makes the view an instance of it, and its
        ``__array_finalize__`` is called with this array, before any new
        dtype is set, as in NumPy.  What is computed from such a view
        (its own views, indexing, ufuncs) is a plain MiniArray: minind
        does not carry subclasses along (README)."""
        cdef MiniArray result
        if type is None and _is_array_type(dtype):
            dtype, type = _VIEW_DTYPE_UNSET, dtype
        elif type is not None:
            if not _is_array_type(type):
                raise ValueError("Type must be a sub-type of ndarray type")
            if _is_array_type(dtype):
                raise ValueError("Cannot specify output type twice.")
        if type is None or type is MiniArray:
            result = make_view(self, 0, self.ndim, self._shape,
                               self._strides)
        else:
            try:
                result = MiniArray.__new__(type)
            except TypeError:
                # An extension subclass with its own construction (memmap)
                raise TypeError(f"minind cannot view an array as "
                                f"{type.__name__}: only Python subclasses "
                                "of ndarray") from None
            _fill_view(result, self, 0, self.ndim, self._shape,
                       self._strides)
            result.__array_finalize__(self)
        if dtype is not _VIEW_DTYPE_UNSET:
            set_dtype(result, dtype)
        return result

    def __array_finalize__(self, obj):
        """Called on a new subclass view made by ``view(type=...)``, with
        the array it views: a subclass overrides it to copy its own
        attributes over.  MiniArray's does nothing."""
        return None

    @property
    def strides(self):
        """Bytes to step along each axis, a tuple of ints (any sign).
        Assigning them (deprecated, as in NumPy) is ``set_strides`` in
        ``_manipulation.pyx``."""
        return _as_tuple(self.ndim, self._strides)

    @strides.setter
    def strides(self, value):
        from minind._manipulation import set_strides
        set_strides(self, value)

    @strides.deleter
    def strides(self):
        raise AttributeError("Cannot delete array strides")

    @property
    def itemsize(self):
        return self.dtype.itemsize

    @property
    def nbytes(self):
        """Bytes the elements take (not the size of the owner's buffer)."""
        return self.size * self.dtype.itemsize

    @property
    def flags(self):
        """Memory-layout flags, read (and WRITEABLE set) like NumPy's."""
        return Flags(self)

    @property
    def ctypes(self):
        """The array for ctypes: ``.data`` address, ``.data_as(T)``."""
        return _CtypesView(self)

    @property
    def data(self):
        """A memoryview of the array's memory (as ``ndarray.data``)."""
        return memoryview(self)

    @property
    def __array_interface__(self):
        strides = None
        if not self._flags & FLAG_C_CONTIGUOUS:
            strides = self.strides
        return {
            "data": (<uintptr_t>self._data,
                     not self._flags & FLAG_WRITEABLE),
            "strides": strides,
            "descr": [("", self.dtype.str)],
            "typestr": self.dtype.str,
            "shape": self.shape,
            "version": 3,
        }

    # -- DLPack (the array API's interchange protocol) -----------------------
    # The capsule code lives in _dlpack, which cimports this module, so
    # minind/__init__.py registers it in _OPERATORS (_register_operators).

    def __dlpack__(self, *, stream=None, max_version=None, dl_device=None,
                   copy=None):
        """The array as a DLPack capsule: zero-copy (unless ``copy=True``),
        versioned for ``max_version >= (1, 0)``.  See _dlpack.export_dlpack.
        """
        return _OPERATORS["dlpack"](self, stream, max_version, dl_device,
                                    copy)

    def __dlpack_device__(self):
        """(device type, device id): (1, 0), the CPU (kDLCPU), unless the
        memory came through DLPack from host memory of another kind."""
        return _OPERATORS["dlpack_device"](self)

    # -- buffer protocol (PEP 3118) ------------------------------------------

    def __getbuffer__(self, Py_buffer* view, int flags):
        """Export the memory (PEP 3118), refusing what the consumer cannot
        handle, in NumPy's order and with NumPy's messages."""
        cdef Py_ssize_t* export_shape = NULL
        cdef Py_ssize_t* export_strides = NULL
        cdef Py_ssize_t step
        cdef int axis
        if (flags & PyBUF_C_CONTIGUOUS == PyBUF_C_CONTIGUOUS
                and not self._flags & FLAG_C_CONTIGUOUS):
            raise ValueError("ndarray is not C-contiguous")
        if (flags & PyBUF_F_CONTIGUOUS == PyBUF_F_CONTIGUOUS
                and not self._flags & FLAG_F_CONTIGUOUS):
            raise ValueError("ndarray is not Fortran contiguous")
        if (flags & PyBUF_ANY_CONTIGUOUS == PyBUF_ANY_CONTIGUOUS
                and not self._flags & (FLAG_C_CONTIGUOUS | FLAG_F_CONTIGUOUS)):
            raise ValueError("ndarray is not contiguous")
        if (flags & PyBUF_STRIDES != PyBUF_STRIDES
                and not self._flags & FLAG_C_CONTIGUOUS):
            raise ValueError("ndarray is not C-contiguous")
        if flags & PyBUF_WRITABLE == PyBUF_WRITABLE:
            require_writeable(self, "buffer source array is read-only")
        # The consumer gets its own copy of shape and strides, alive until
        # __releasebuffer__: the array's may change while the export lives
        # (``a.shape = ...``), and a contiguous array may carry any stride
        # on a length-1 axis (zeros when empty) where consumers expect
        # textbook strides, which NumPy exports recomputed.
        view.internal = NULL
        if self.ndim:
            export_shape = <Py_ssize_t*>PyMem_Malloc(
                2 * self.ndim * sizeof(Py_ssize_t))
            if export_shape == NULL:
                raise MemoryError()
            view.internal = export_shape
            export_strides = export_shape + self.ndim
            for axis in range(self.ndim):
                export_shape[axis] = self._shape[axis]
                export_strides[axis] = self._strides[axis]
            step = self.dtype.itemsize
            if self._flags & FLAG_C_CONTIGUOUS and not (
                    flags & PyBUF_F_CONTIGUOUS == PyBUF_F_CONTIGUOUS
                    and self._flags & FLAG_F_CONTIGUOUS):
                for axis in range(self.ndim - 1, -1, -1):
                    export_strides[axis] = step
                    step *= self._shape[axis]
            elif self._flags & FLAG_F_CONTIGUOUS:
                for axis in range(self.ndim):
                    export_strides[axis] = step
                    step *= self._shape[axis]
        view.buf = self._data
        view.obj = self          # keeps this array (and its owner) alive
        view.len = self.size * self.dtype.itemsize
        view.itemsize = self.dtype.itemsize
        # A broadcast_arrays view not yet written exports read-only unless
        # the consumer asks to write (which warns, above), as in NumPy.
        view.readonly = (self._flags & (FLAG_WRITEABLE | FLAG_WARN_ON_WRITE)
                         != FLAG_WRITEABLE)
        view.ndim = self.ndim if flags & PyBUF_ND == PyBUF_ND else 0
        view.format = (PyBytes_AS_STRING(self.dtype.format)
                       if flags & PyBUF_FORMAT else NULL)
        view.shape = export_shape if flags & PyBUF_ND == PyBUF_ND else NULL
        view.strides = (export_strides
                        if flags & PyBUF_STRIDES == PyBUF_STRIDES else NULL)
        view.suboffsets = NULL
        self._exports += 1        # resize must not free it under them

    def __releasebuffer__(self, Py_buffer* view):
        PyMem_Free(view.internal)
        self._exports -= 1

    # -- element access -------------------------------------------------------

    cdef char* _item_pointer(self, object key) except NULL:
        """Address of the element named by one integer per axis.

        Negative indices count from the end.  Errors are NumPy's:
        IndexError for out-of-range indices and non-integer indices.
        """
        cdef Py_ssize_t nkeys, axis, index
        cdef char* ptr = self._data
        if type(key) is not tuple:
            key = (key,)
        nkeys = PyTuple_GET_SIZE(key)
        if nkeys != self.ndim:
            raise ValueError("incorrect number of indices for array")
        for axis in range(nkeys):
            index = _checked_index((<tuple>key)[axis], axis,
                                   self._shape[axis])
            ptr += index * self._strides[axis]
        return ptr

    def __getitem__(self, key):
        """Basic indexing: integers, slices, ``...`` and ``None``.

        The result is a view (a new offset, shape and strides over the
        same memory) or, when every axis gets an integer, the element as a
        scalar (``mi.float64(1.0)``; ``a[()]`` of a 0-d array too).  See
        ``apply_index``.  An index with an integer array, a sequence or a
        boolean in it is advanced indexing, and its result a copy: that
        lives in ``_indexing.pyx``.
        """
        cdef IndexResult found
        cdef Py_ssize_t axis
        cdef char* ptr
        if PyLong_CheckExact(key) and self.ndim == 1:
            return get_scalar(self.dtype, self._data + self._strides[0] *
                              _checked_index(key, 0, self._shape[0]))
        if PyTuple_CheckExact(key) and PyTuple_GET_SIZE(key) == self.ndim:
            # a[i, j]: one plain int per axis is the element (the common
            # case, kept short); anything else takes apply_index.
            # (Types first, as NumPy: a[5, 1.5] is about the float.)
            for axis in range(self.ndim):
                if not PyLong_CheckExact(
                        <object>PyTuple_GET_ITEM(key, axis)):
                    break
            else:
                ptr = self._data
                for axis in range(self.ndim):
                    ptr += self._strides[axis] * _checked_index(
                        <object>PyTuple_GET_ITEM(key, axis), axis,
                        self._shape[axis])
                return get_scalar(self.dtype, ptr)
        if PySlice_Check(key) and self.ndim >= 1:
            return _slice_first_axis(self, key)
        if apply_index(self, key, &found) == ADVANCED:
            return _OPERATORS["advanced_getitem"](self, key)
        if found.is_scalar:
            return get_scalar(self.dtype, self._data + found.offset)
        return make_view(self, found.offset, found.ndim, found.shape,
                         found.strides)

    def __setitem__(self, key, value):
        """``a[index] = value``: the value is broadcast to the indexed
        view and cast as NumPy casts (see ``assign``)."""
        cdef IndexResult found
        require_writeable(self, "assignment destination is read-only")
        if apply_index(self, key, &found) == ADVANCED:
            _OPERATORS["advanced_setitem"](self, key, value)
            return
        if found.is_scalar and not _is_zero_d_array(value):
            set_item(self.dtype, self._data + found.offset, value)
        else:
            assign(make_view(self, found.offset, found.ndim, found.shape,
                             found.strides), value)

    def __delitem__(self, key):
        """An array has a fixed size: no element can be removed."""
        raise ValueError("cannot delete array elements")

    def __len__(self):
        if self.ndim == 0:
            raise TypeError("len() of unsized object")
        return self._shape[0]

    def __iter__(self):
        """Iterate over the first axis (rows of a 2-d array as views, the
        elements of a 1-d array as scalars)."""
        if self.ndim == 0:
            raise TypeError("iteration over a 0-d array")
        return (self[i] for i in range(self._shape[0]))

    def item(self, *args):
        """One element as a Python scalar.

        No argument: the array must have size 1.  One integer: a flat
        index in C order.  One integer per axis: that element.
        """
        cdef Py_ssize_t flat, axis, index
        if len(args) == 1 and isinstance(args[0], tuple):
            args = args[0]
        if not args:
            if self.size != 1:
                raise ValueError("can only convert an array of size 1 to a "
                                 "Python scalar")
            return get_item(self.dtype, self._data)
        if len(args) != 1 and len(args) != self.ndim:
            # NumPy counts the indices before it reads any of them.
            raise ValueError("incorrect number of indices for array")
        args = tuple([operator.index(arg) for arg in args])
        if len(args) == 1 and self.ndim != 1:
            flat = args[0]
            if flat < 0:
                flat += self.size
            if not 0 <= flat < self.size:
                raise IndexError(f"index {args[0]} is out of bounds for "
                                 f"size {self.size}")
            index_tuple = []
            for axis in range(self.ndim - 1, -1, -1):
                index_tuple.append(flat % self._shape[axis])
                flat //= self._shape[axis]
            args = tuple(reversed(index_tuple))
        return get_item(self.dtype, self._item_pointer(tuple(args)))

    def tolist(self):
        """The array as nested Python lists of Python scalars."""
        if self.ndim == 0:
            return get_item(self.dtype, self._data)
        return _tolist(self, self._data, 0)

    def fill(self, value):
        """Set every element to ``value`` (cast as in ``a[i] = value``)."""
        cdef Py_ssize_t zeros[MAX_NDIM]
        cdef char scalar[16]
        cdef int axis
        require_writeable(self, "assignment destination is read-only")
        if _is_zero_d_array(value):
            assign(self, value)   # an array value is cast, not converted
            return
        set_item(self.dtype, scalar, value)
        # Broadcast the one converted value: a source with all-zero strides.
        for axis in range(self.ndim):
            zeros[axis] = 0
        copy_cast(self.ndim, self._shape, self._data, self._strides,
                  self.dtype.type_index, scalar, zeros, self.dtype.type_index)

    # -- shape manipulation (all views) ----------------------------------------

    @property
    def T(self):
        """The transpose: axes reversed, strides reversed, same memory."""
        cdef Py_ssize_t shape[MAX_NDIM]
        cdef Py_ssize_t strides[MAX_NDIM]
        cdef int axis, last = self.ndim - 1
        for axis in range(self.ndim):
            shape[axis] = self._shape[last - axis]
            strides[axis] = self._strides[last - axis]
        return make_view(self, 0, self.ndim, shape, strides)

    def transpose(self, *axes):
        """A view with the axes permuted (reversed when none are given).

        ``a.transpose(1, 0)``, ``a.transpose((1, 0))``: axis k of the result
        is axis ``axes[k]`` of ``a``; shape and strides are permuted, no
        element moves.  A C-contiguous array becomes F-contiguous.
        """
        cdef int perm[MAX_NDIM]
        cdef Py_ssize_t shape[MAX_NDIM]
        cdef Py_ssize_t strides[MAX_NDIM]
        cdef int axis
        if len(axes) == 1:
            if axes[0] is None:
                return self.T
            if isinstance(axes[0], (tuple, list)):
                axes = axes[0]
        elif not axes:
            return self.T
        permutation_from(axes, self.ndim, perm)
        for axis in range(self.ndim):
            shape[axis] = self._shape[perm[axis]]
            strides[axis] = self._strides[perm[axis]]
        return make_view(self, 0, self.ndim, shape, strides)

    def swapaxes(self, axis1, axis2):
        """A view with two axes exchanged."""
        cdef Py_ssize_t shape[MAX_NDIM]
        cdef Py_ssize_t strides[MAX_NDIM]
        cdef int first = normalize_axis(axis1, self.ndim, "axis1")
        cdef int second = normalize_axis(axis2, self.ndim, "axis2")
        memcpy(shape, self._shape, self.ndim * sizeof(Py_ssize_t))
        memcpy(strides, self._strides, self.ndim * sizeof(Py_ssize_t))
        shape[first], shape[second] = shape[second], shape[first]
        strides[first], strides[second] = strides[second], strides[first]
        return make_view(self, 0, self.ndim, shape, strides)

    def diagonal(self, offset=0, axis1=0, axis2=1):
        """The diagonal over two axes, a read-only view whose last axis
        it is (``_manipulation.diagonal``)."""
        return _OPERATORS["diagonal"](self, offset, axis1, axis2)

    def squeeze(self, axis=None):
        """A view without the given (default: all) length-1 axes."""
        cdef Py_ssize_t shape[MAX_NDIM]
        cdef Py_ssize_t strides[MAX_NDIM]
        cdef bint drop[MAX_NDIM]
        cdef int k, ndim = 0
        if self.ndim == 0 and axis in (0, -1) and not isinstance(axis, bool):
            return self          # NumPy lets a 0-d array "squeeze" axis 0
        for k in range(self.ndim):
            drop[k] = axis is None and self._shape[k] == 1
        if axis is not None:
            for k in normalize_axis_tuple(axis, self.ndim):
                if self._shape[k] != 1:
                    raise ValueError("cannot select an axis to squeeze out "
                                     "which has size not equal to one")
                drop[k] = True
        for k in range(self.ndim):
            if not drop[k]:
                shape[ndim] = self._shape[k]
                strides[ndim] = self._strides[k]
                ndim += 1
        if ndim == self.ndim:
            return self          # nothing to remove: NumPy returns a itself
        return make_view(self, 0, ndim, shape, strides)

    def reshape(self, *shape, order="C", copy=None):
        """The same elements in a new shape; a view whenever possible.

        ``a.reshape(6, 4)``, ``a.reshape((6, -1))``.  See ``reshape_array``
        for when NumPy (and minind) must copy.
        """
        if len(shape) == 1 and not PyLong_CheckExact(shape[0]):
            shape = shape[0]
        elif not shape:
            raise TypeError("reshape() takes exactly 1 argument (0 given)")
        return reshape_array(self, shape, order, copy)

    def ravel(self, order="C"):
        """The elements as a 1-d array: a view when the memory allows."""
        return ravel_array(self, check_order(order, "CFAK"))

    def tobytes(self, order="C"):
        """The elements' bytes in C or F order ("A": F for arrays that
        are F- and not C-contiguous; "K" means C here, as in NumPy)."""
        cdef str letter = check_order(order, "CFAK")
        if letter == "A":
            letter = resolve_order(self, "A")
        elif letter == "K":
            letter = "C"
        cdef MiniArray ordered = copy_array(self, self.dtype, letter)
        return PyBytes_FromStringAndSize(ordered._data,
                                         ordered.size * self.dtype.itemsize)

    def flatten(self, order="C"):
        """The elements as a new 1-d array (always a copy)."""
        return flatten_array(self, check_order(order, "CFAK"))

    @property
    def flat(self):
        """A flat iterator: the elements in C order, read and written in
        place (``_iterators.flatiter``, registered by minind/__init__)."""
        return _OPERATORS["flat"](self)

    @flat.setter
    def flat(self, value):
        """``a.flat = value``: every element, ``value`` repeated."""
        _OPERATORS["assign_flat"](self, value)

    @flat.deleter
    def flat(self):
        raise AttributeError("Cannot delete array flat iterator")

    def resize(self, *new_shape, **kwargs):
        """Change the shape and size in place, reallocating the memory;
        new elements are zeros.  See ``resize_array``.  NumPy's refcheck
        is the reference count seen here: more than a named array called
        from Python has (``_references_seen``) means someone else holds
        it."""
        refcheck = _resize_refcheck(kwargs)
        return resize_array(self, new_shape, refcheck,
                            refcheck and Py_REFCNT(self) > _resize_baseline)

    def _references_seen(self, *args, **kwargs):
        """The reference count ``resize`` sees (same calling convention);
        minind/__init__.py calls it once on an array held by one name
        to learn the count of an unshared array, which depends on how
        CPython calls a method (NumPy's is 2; a Cython varargs method
        sees one more)."""
        return Py_REFCNT(self)

    # -- arithmetic: every operator is a ufunc call ------------------------
    # (Each forward, in-place and comparison operator first asks whether
    # the other operand should answer instead: ``_defers``.)
    # (``a + b`` is ``mi.add(a, b)``; ``a += b`` is ``mi.add(a, b, out=a)``,
    # writing into a's own buffer.  The ufuncs live in _ufunc, which
    # registers them here: _core cannot import the module built on it.)

    def __add__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _OPERATORS["add"](self, other)

    def __radd__(self, other):
        return _OPERATORS["add"](other, self)

    def __iadd__(self, other):
        if _defers(self, other, True):
            return NotImplemented
        return _OPERATORS["add"](self, other, out=self)

    def __sub__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _OPERATORS["subtract"](self, other)

    def __rsub__(self, other):
        return _OPERATORS["subtract"](other, self)

    def __isub__(self, other):
        if _defers(self, other, True):
            return NotImplemented
        return _OPERATORS["subtract"](self, other, out=self)

    def __mul__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _OPERATORS["multiply"](self, other)

    def __rmul__(self, other):
        return _OPERATORS["multiply"](other, self)

    def __imul__(self, other):
        if _defers(self, other, True):
            return NotImplemented
        return _OPERATORS["multiply"](self, other, out=self)

    def __truediv__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _OPERATORS["true_divide"](self, other)

    def __rtruediv__(self, other):
        return _OPERATORS["true_divide"](other, self)

    def __itruediv__(self, other):
        if _defers(self, other, True):
            return NotImplemented
        return _OPERATORS["true_divide"](self, other, out=self)

    def __floordiv__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _OPERATORS["floor_divide"](self, other)

    def __rfloordiv__(self, other):
        return _OPERATORS["floor_divide"](other, self)

    def __ifloordiv__(self, other):
        if _defers(self, other, True):
            return NotImplemented
        return _OPERATORS["floor_divide"](self, other, out=self)

    def __mod__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _OPERATORS["remainder"](self, other)

    def __rmod__(self, other):
        return _OPERATORS["remainder"](other, self)

    def __imod__(self, other):
        if _defers(self, other, True):
            return NotImplemented
        return _OPERATORS["remainder"](self, other, out=self)

    def __divmod__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _OPERATORS["divmod"](self, other)

    def __rdivmod__(self, other):
        return _OPERATORS["divmod"](other, self)

    def __pow__(self, other, modulo=None):
        if _defers(self, other):
            return NotImplemented
        if modulo is not None:
            return NotImplemented
        cdef str name = _power_ufunc(self, other)
        if name == "power":
            return _OPERATORS["power"](self, other)
        return _OPERATORS[name](self)

    def __rpow__(self, other, modulo=None):
        if modulo is not None:
            return NotImplemented
        return _OPERATORS["power"](other, self)

    def __ipow__(self, other):
        if _defers(self, other, True):
            return NotImplemented
        cdef str name = _power_ufunc(self, other)
        if name == "power":
            return _OPERATORS["power"](self, other, out=self)
        return _OPERATORS[name](self, out=self)

    def __matmul__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _OPERATORS["matmul"](self, other)

    def __rmatmul__(self, other):
        return _OPERATORS["matmul"](other, self)

    def __imatmul__(self, other):
        if _defers(self, other, True):
            return NotImplemented
        # a @= b writes the product into a, so it must have a's shape:
        # NumPy takes b's last two axes as a matrix whatever a is, and
        # refuses a 1-d b, whose product would lose an axis of a.  (A 0-d
        # operand gets matmul's own error, as in NumPy.)
        cdef object b = other
        if not isinstance(b, MiniArray):
            try:
                b = _OPERATORS["asarray"](other)
            except TypeError:   # not array-like: matmul's own answer
                return _OPERATORS["matmul"](self, other, out=self)
        if self.ndim >= 1 and (<MiniArray>b).ndim == 1:
            raise ValueError(
                "inplace matrix multiplication requires the first operand "
                "to have at least one and the second at least two "
                "dimensions.")
        return _OPERATORS["matmul"](self, b, out=self)

    def dot(self, b, out=None):
        """The dot product with ``b`` (see ``minind.dot``)."""
        return _OPERATORS["dot"](self, b, out=out)

    def __and__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _OPERATORS["bitwise_and"](self, other)

    def __rand__(self, other):
        return _OPERATORS["bitwise_and"](other, self)

    def __iand__(self, other):
        if _defers(self, other, True):
            return NotImplemented
        return _OPERATORS["bitwise_and"](self, other, out=self)

    def __or__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _OPERATORS["bitwise_or"](self, other)

    def __ror__(self, other):
        return _OPERATORS["bitwise_or"](other, self)

    def __ior__(self, other):
        if _defers(self, other, True):
            return NotImplemented
        return _OPERATORS["bitwise_or"](self, other, out=self)

    def __xor__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _OPERATORS["bitwise_xor"](self, other)

    def __rxor__(self, other):
        return _OPERATORS["bitwise_xor"](other, self)

    def __ixor__(self, other):
        if _defers(self, other, True):
            return NotImplemented
        return _OPERATORS["bitwise_xor"](self, other, out=self)

    def __lshift__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _OPERATORS["left_shift"](self, other)

    def __rlshift__(self, other):
        return _OPERATORS["left_shift"](other, self)

    def __ilshift__(self, other):
        if _defers(self, other, True):
            return NotImplemented
        return _OPERATORS["left_shift"](self, other, out=self)

    def __rshift__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _OPERATORS["right_shift"](self, other)

    def __rrshift__(self, other):
        return _OPERATORS["right_shift"](other, self)

    def __irshift__(self, other):
        if _defers(self, other, True):
            return NotImplemented
        return _OPERATORS["right_shift"](self, other, out=self)

    def __neg__(self):
        return _OPERATORS["negative"](self)

    def __pos__(self):
        return _OPERATORS["positive"](self)

    def __abs__(self):
        return _OPERATORS["absolute"](self)

    def __invert__(self):
        return _OPERATORS["invert"](self)

    def __eq__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _compare("equal", self, other)

    def __ne__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _compare("not_equal", self, other)

    def __lt__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _OPERATORS["less"](self, other)

    def __le__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _OPERATORS["less_equal"](self, other)

    def __gt__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _OPERATORS["greater"](self, other)

    def __ge__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _OPERATORS["greater_equal"](self, other)

    __hash__ = None       # arrays are mutable, so not hashable

    @property
    def __array_priority__(self):
        """An array's place in NumPy's operator deferral: an object with
        a higher ``__array_priority__`` answers ``a + obj`` itself
        (``_override.pyx``)."""
        return 0.0

    # -- reductions (see minind/_reductions.py) ----------------------------

    def sum(self, *args, **kwargs):
        """Sum of the elements over the given axis (all by default)."""
        return _OPERATORS["sum"](self, *args, **kwargs)

    def prod(self, *args, **kwargs):
        return _OPERATORS["prod"](self, *args, **kwargs)

    # A bool array's minimum is whether all its elements are True, its
    # maximum whether any is: the search that stops at the first decisive
    # element answers a.min() / a.max() of a whole non-empty bool array.

    def min(self, *args, **kwargs):
        if (not args and not kwargs and self.size
                and self.dtype.type_index == T_BOOL):
            result = _OPERATORS["any_or_all_flat"](self, False)
            if result is not None:
                return result
        return _OPERATORS["min"](self, *args, **kwargs)

    def max(self, *args, **kwargs):
        if (not args and not kwargs and self.size
                and self.dtype.type_index == T_BOOL):
            result = _OPERATORS["any_or_all_flat"](self, True)
            if result is not None:
                return result
        return _OPERATORS["max"](self, *args, **kwargs)

    def mean(self, *args, **kwargs):
        return _OPERATORS["mean"](self, *args, **kwargs)

    def var(self, *args, **kwargs):
        return _OPERATORS["var"](self, *args, **kwargs)

    def std(self, *args, **kwargs):
        return _OPERATORS["std"](self, *args, **kwargs)

    # a.argmax(), a.any()...: the whole array, the common call, straight to
    # the search (_ufunc._arg_flat, _any_or_all_flat), past the argument
    # handling of the functions, which costs more than the search of a
    # small array.

    def argmin(self, *args, **kwargs):
        if not args and not kwargs and self.size:
            return _OPERATORS["arg_flat"](self, False)
        return _OPERATORS["argmin"](self, *args, **kwargs)

    def argmax(self, *args, **kwargs):
        if not args and not kwargs and self.size:
            return _OPERATORS["arg_flat"](self, True)
        return _OPERATORS["argmax"](self, *args, **kwargs)

    def all(self, *args, **kwargs):
        if not args and not kwargs:
            result = _OPERATORS["any_or_all_flat"](self, False)
            if result is not None:
                return result
        return _OPERATORS["all"](self, *args, **kwargs)

    def any(self, *args, **kwargs):
        if not args and not kwargs:
            result = _OPERATORS["any_or_all_flat"](self, True)
            if result is not None:
                return result
        return _OPERATORS["any"](self, *args, **kwargs)

    def cumsum(self, *args, **kwargs):
        return _OPERATORS["cumsum"](self, *args, **kwargs)

    def cumprod(self, *args, **kwargs):
        return _OPERATORS["cumprod"](self, *args, **kwargs)

    def trace(self, offset=0, axis1=0, axis2=1, dtype=None, out=None):
        """The sum along a diagonal (``_reductions.trace``)."""
        return _OPERATORS["trace"](self, offset, axis1, axis2, dtype, out)

    def nonzero(self):
        return _OPERATORS["nonzero"](self)

    def take(self, indices, axis=None, out=None, mode="raise"):
        return _OPERATORS["take"](self, indices, axis, out, mode)

    def put(self, indices, values, mode="raise"):
        return _OPERATORS["put"](self, indices, values, mode)

    def compress(self, condition, axis=None, out=None):
        return _OPERATORS["compress"](condition, self, axis, out)

    def repeat(self, repeats, axis=None):
        return _OPERATORS["repeat"](self, repeats, axis)

    def choose(self, choices, out=None, mode="raise"):
        """Per element, the item of ``choices[self]`` (``mi.choose``)."""
        return _OPERATORS["choose"](self, choices, out, mode)

    def clip(self, *args, **kwargs):
        return _OPERATORS["clip"](self, *args, **kwargs)

    def round(self, decimals=0, out=None):
        """Round half to even to ``decimals`` places (``mi.round``)."""
        return _OPERATORS["round"](self, decimals, out)

    def conj(self, out=None, /):
        """The complex conjugate: of a real array, the array itself (a
        copy into ``out`` when given), as in NumPy; ``mi.conj`` is the
        ufunc, which copies (``_numeric.conjugate_method``)."""
        return _OPERATORS["conjugate_method"](self, out)

    def conjugate(self, out=None, /):
        """``a.conj()``."""
        return _OPERATORS["conjugate_method"](self, out)

    # -- sorting (see minind/_sorting.pyx) ------------------------------------

    def sort(self, axis=-1, kind=None, order=None, *, stable=None):
        """Sort in place along ``axis`` (an integer here); NaN last."""
        _OPERATORS["sort"](self, axis, kind, order, stable=stable)

    def argsort(self, axis=-1, kind=None, order=None, *, stable=None):
        """The indices that sort the array along ``axis`` (None: flat)."""
        return _OPERATORS["argsort"](self, axis, kind, order, stable=stable)

    def partition(self, kth, /, axis=-1, kind="introselect", order=None):
        """Partition in place around the ``kth`` places along ``axis``."""
        _OPERATORS["partition"](self, kth, axis, kind, order)

    def argpartition(self, kth, /, axis=-1, kind="introselect", order=None):
        return _OPERATORS["argpartition"](self, kth, axis, kind, order)

    def searchsorted(self, v, /, side="left", sorter=None):
        """Where ``v`` would go in this sorted 1-d array."""
        return _OPERATORS["searchsorted"](self, v, side, sorter)

    # -- conversion -----------------------------------------------------------

    def copy(self, order="C"):
        """A new owner with the same values, laid out in ``order``.

        "C"/"F": that order; "A": F if the array is F-contiguous (and not
        C), else C; "K": the same memory order as this array.
        """
        return copy_array(self, self.dtype, check_order(order, "CFAK"))

    def setflags(self, write=None, align=None, uic=None):
        """Set WRITEABLE and ALIGNED by ``flags``' rules (clearing is
        always allowed; WRITEABLE=True only where the memory may be
        written, ``_memory_is_writable``), in NumPy's order: align, uic,
        write.  A failing call leaves every flag as it was.  NumPy's
        ``uic=False`` also drops the base of a view; minind keeps it."""
        cdef int saved = self._flags
        try:
            if align is not None:
                self.flags.aligned = align
            if uic is not None and uic:
                raise ValueError("cannot set WRITEBACKIFCOPY flag to True")
            if write is not None:
                self.flags.writeable = write
        except BaseException:
            self._flags = saved
            raise

    def __sizeof__(self):
        """The bytes this object holds, for ``sys.getsizeof``: the object,
        its shape-and-strides block when that is not inline, and the
        elements when it owns them (a view's belong to its owner), as
        NumPy counts."""
        cdef Py_ssize_t size = object.__sizeof__(self)
        if self._dims != self._inline_dims:
            size += 2 * self.ndim * <Py_ssize_t>sizeof(Py_ssize_t)
        if self._flags & FLAG_OWNDATA:
            size += self.size * self.dtype.itemsize
        return size

    def __copy__(self):
        return self.copy(order="K")

    def __deepcopy__(self, memo):
        return self.copy(order="K")

    def astype(self, dtype, order="K", casting="unsafe", subok=True,
               copy=True):
        """The values cast to ``dtype`` (C conversions; float -> int
        truncates toward zero).  With ``copy=False`` the array itself is
        returned when no cast and no re-layout is needed.
        """
        cdef Descr descr = as_dtype(dtype)
        cdef str letter = check_order(order, "CFAK")
        if not can_cast_index(self.dtype.type_index, descr.type_index,
                              casting):
            raise TypeError(
                f"Cannot cast array data from {self.dtype!r} to {descr!r} "
                f"according to the rule '{casting}'")
        if not copy and descr is self.dtype and _has_order(self, letter):
            return self
        return copy_array(self, descr, letter)

    def __array__(self, dtype=None, *, copy=None):
        """The array as a plain array, for code that converts with
        ``obj.__array__()`` (NumPy's ``ndarray.__array__``, which also
        takes ``dtype`` by keyword, as NumPy's own tests call it): the array
        itself, a plain view of a subclass's memory, a copy when
        ``copy=True``, or a cast to ``dtype`` (which ``copy=False``
        refuses, as the cast has to copy).  Copies are in C order,
        whatever the layout, as NumPy makes them here."""
        cdef Descr descr = self.dtype if dtype is None else as_dtype(dtype)
        copy = copy_mode(copy)
        if descr is not self.dtype and copy is False:
            raise ValueError("Unable to avoid copy while creating an "
                             "array as requested.")
        if copy or descr is not self.dtype:
            return copy_array(self, descr, "C")
        if type(self) is MiniArray:
            return self
        return make_view(self, 0, self.ndim, self._shape, self._strides)

    def __bool__(self):
        if self.size == 1:
            return bool(get_item(self.dtype, self._data))
        if self.size == 0:
            raise ValueError(
                "The truth value of an empty array is ambiguous. Use "
                "`array.size > 0` to check that an array is not empty.")
        raise ValueError("The truth value of an array with more than one "
                         "element is ambiguous. Use a.any() or a.all()")

    def _scalar(self):
        if self.ndim != 0:
            raise TypeError(
                "only 0-dimensional arrays can be converted to Python scalars")
        return get_item(self.dtype, self._data)

    def __int__(self):
        return int(self._scalar())

    def __float__(self):
        return float(self._scalar())

    def __index__(self):
        if self.ndim != 0 or self.dtype.kind not in "iu":
            raise TypeError("only integer scalar arrays can be converted to "
                            "a scalar index")
        return get_item(self.dtype, self._data)

    # -- NumPy's dispatch protocols (see minind/_dispatch.py) -------------------

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        """NEP 13: ``np.add(m, m)`` runs minind's add (NumPy calls this)."""
        return _OPERATORS["array_ufunc"](ufunc, method, inputs, kwargs)

    def __array_function__(self, func, types, args, kwargs):
        """NEP 18: ``np.sum(m)`` runs minind's sum (NumPy calls this)."""
        return _OPERATORS["array_function"](func, types, args, kwargs)

    # -- printing ---------------------------------------------------------------

    def __repr__(self):
        from minind._format import array_repr
        return array_repr(self)

    def __str__(self):
        from minind._format import array_str
        return array_str(self)

    def __format__(self, spec):
        """A 0-d array formats as its element (``f"{a:.3g}"``); any other
        array only with an empty spec, as ``str(a)``: NumPy's rule."""
        if self.ndim == 0:
            return format(self[()], spec)
        return object.__format__(self, spec)

    def __reduce__(self):
        """Pickle as (shape, dtype, order, raw bytes), like NumPy: the
        bytes are in F order for an F- (and not C-) contiguous array, so
        the copy keeps its layout."""
        fortran = bool(self._flags & FLAG_F_CONTIGUOUS
                       and not self._flags & FLAG_C_CONTIGUOUS)
        data = bytes(memoryview(flatten_array(self, "F" if fortran else "C")))
        return (_rebuild, (self.shape, self.dtype.name, fortran, data))

    def __reduce_ex__(self, protocol):
        """Protocol 5 (PEP 574) pickles the memory of an array that is
        contiguous, in some order of its axes, as a ``PickleBuffer``: a
        pickler with a ``buffer_callback`` keeps it out of band, so it is
        never copied and the unpickled array is a view of the buffer
        handed back to ``loads``; in band it is written once, as the
        pickle's bytes.  ``_creation._frombuffer`` rebuilds the array:
        in C or F order, or, for a transposed one, as the C-contiguous
        array it transposes (``axes``).  Other layouts, and older
        protocols, go through ``__reduce__``'s copy.  NumPy:
        ``array_reduce_ex`` (methods.c)."""
        cdef Py_ssize_t shape[MAX_NDIM]
        cdef Py_ssize_t strides[MAX_NDIM]
        cdef int perm[MAX_NDIM]
        cdef int inverse[MAX_NDIM]
        cdef int i
        cdef MiniArray ordered
        if operator.index(protocol) < 5:
            return self.__reduce__()
        from pickle import PickleBuffer
        from minind._creation import _frombuffer
        if self._flags & FLAG_C_CONTIGUOUS:
            return (_frombuffer, (PickleBuffer(self), self.dtype, self.shape,
                                  "C"))
        if self._flags & FLAG_F_CONTIGUOUS:
            # (The buffer is C-contiguous, as a consumer that reads it as
            # plain bytes may ask: the transpose.)
            return (_frombuffer, (PickleBuffer(self.T), self.dtype,
                                  self.shape, "F"))
        # The axes in memory order (a new array's "K" order, as NumPy's
        # PyArray_CreateSortedStridePerm): if that order is C-contiguous,
        # the array is its transpose.
        memory_order(self, True, perm)
        for i in range(self.ndim):
            shape[i] = self._shape[perm[i]]
            strides[i] = self._strides[perm[i]]
            inverse[perm[i]] = i
        ordered = make_view(self, 0, self.ndim, shape, strides)
        if not ordered._flags & FLAG_C_CONTIGUOUS:
            return self.__reduce__()
        return (_frombuffer, (PickleBuffer(ordered), self.dtype,
                              ordered.shape, "K",
                              tuple([inverse[i] for i in range(self.ndim)])))

    # =====================================================================
    # The Python Array API standard: the namespace, the device, mT
    # (NumPy: ``array_array_namespace``, ``array_device``,
    # ``array_to_device`` in methods.c/getset.c; the standard's
    # "array object" page).  minind lives in CPU memory, so the device is
    # NumPy's "cpu" and moving to it is a no-op.
    # =====================================================================

    def __array_namespace__(self, *, api_version=None):
        """The module whose functions work on this array: ``minind``.

        Array-agnostic code calls ``x.__array_namespace__()`` instead of
        importing a library.  ``api_version`` names a version of the
        standard; as NumPy 2.4, any from 2021.12 to 2024.12 is accepted
        (the functions do not change with it), others are ValueError.
        """
        return _array_namespace(api_version)

    @property
    def device(self):
        """Where the memory lives: always "cpu", as NumPy says."""
        return "cpu"

    def to_device(self, device, /, *, stream=None):
        """This array on ``device``: itself, for the only device, "cpu"."""
        _check_to_device(device, stream)
        return self

    @property
    def mT(self):
        """The transpose of each matrix in a stack: the last two axes
        swapped (a view).  ValueError below 2 axes, as NumPy."""
        if self.ndim < 2:
            raise ValueError("matrix transpose with ndim < 2 is undefined")
        return self.swapaxes(-1, -2)


cdef dict _OPERATORS = {}

# The versions of the Array API standard NumPy 2.4 answers to.
_API_VERSIONS = ("2021.12", "2022.12", "2023.12", "2024.12")


cdef object _array_namespace(object api_version):
    """``__array_namespace__``: the minind module, after NumPy's checks
    of ``api_version`` (None or one of ``_API_VERSIONS``)."""
    if api_version is not None and not isinstance(api_version, str):
        raise ValueError("Only None and strings are allowed as the Array "
                         f"API version, but received: {api_version}.")
    if api_version is not None and api_version not in _API_VERSIONS:
        raise ValueError(f'Version "{api_version}" of the Array API '
                         "Standard is not supported.")
    import minind
    return minind


cdef int _check_to_device(object device, object stream) except -1:
    """NumPy's errors for ``to_device``: the device is a string (checked
    as the arguments are parsed), no streams, no device but "cpu"."""
    if not isinstance(device, str):
        raise TypeError("to_device() argument 1 must be str, not "
                        + ("None" if device is None
                           else type(device).__name__))
    if stream is not None:
        raise ValueError("The stream argument in to_device() is not "
                         "supported")
    if device != "cpu":
        raise ValueError(f"Unsupported device: {device}. Only 'cpu' is "
                         "accepted.")
    return 0


cdef str _power_ufunc(MiniArray a, object exponent):
    """The ufunc ``a ** exponent`` runs: NumPy's shortcuts
    (``fast_scalar_power`` in number.c) send a Python int 2 to ``square``
    and, for float arrays, a Python float 0.5 to ``sqrt``; everything else
    is ``power``.  The shortcut shows: ``bool_array ** 2`` is int8, as
    ``square`` makes it, where ``power`` would give int64."""
    if PyLong_CheckExact(exponent) and exponent == 2:
        return "square"
    if PyFloat_CheckExact(exponent) and exponent == 0.5 and (
            a.dtype.kind == "f"):
        return "sqrt"
    return "power"


def _register_operators(mapping):
    """Called once by minind/__init__.py: the ufuncs and reductions that
    the operators and methods of MiniArray stand for."""
    _OPERATORS.update(mapping)


cdef object _compare(str name, object left, object right):
    """== and != : like NumPy, comparing with something that is not an
    array or a number falls back to Python's (identity) comparison."""
    try:
        return _OPERATORS[name](left, right)
    except TypeError:
        return NotImplemented


cdef extern from *:
    """
    /* operator.concat(a, b) (PySequence_Concat) adds two sequences with
       nb_add when their type has no sq_concat of its own, so without
       one it would return a + b, the element-wise sum.  NumPy fills the
       slot with a refusal; so does minind.  A class statement cannot
       name the slot, hence this, run once at import. */
    static void minind_set_sq_concat(PyObject *type, binaryfunc concat)
    {
        PyTypeObject *t = (PyTypeObject *)type;
        if (t->tp_as_sequence != NULL) {
            t->tp_as_sequence->sq_concat = concat;
            PyType_Modified(t);
        }
    }
    """
    ctypedef object (*binaryfunc)(object, object)
    void minind_set_sq_concat(object type, binaryfunc concat)


cdef object _refuse_concat(object left, object right):
    raise TypeError(
        "Concatenation operation is not implemented for minind arrays, use "
        "mi.concatenate() instead. Please do not rely on this error; it may "
        "not be given on all Python implementations.")


minind_set_sq_concat(MiniArray, _refuse_concat)


def _rebuild(tuple shape, str dtype_name, bint fortran, bytes data):
    """Unpickle: a new owner holding ``data``; as in NumPy, an empty one
    gets contiguous (not zero) strides."""
    cdef Py_ssize_t shape_buf[MAX_NDIM]
    cdef int ndim = shape_from_object(shape, shape_buf)
    cdef MiniArray result = new_array(as_dtype(dtype_name), ndim, shape_buf,
                                      fortran, False)
    if len(data) != result.size * result.dtype.itemsize:
        raise ValueError("pickled data does not match the array's size")
    memcpy(result._data, PyBytes_AS_STRING(data), len(data))
    if result.size == 0:
        fill_contiguous_strides(ndim, shape_buf, result.dtype.itemsize,
                                fortran, result._strides)
        result._update_flags()
    return result


cdef inline bint _defers(MiniArray self, object other,
                         bint inplace=False) except -1:
    """Whether an operator of ``self`` returns NotImplemented for
    ``other`` (``_override.binop_should_defer``), after the answers that
    need no lookup: arrays, minind scalars and Python numbers never make
    it step aside."""
    if (type(other) is MiniArray or type(other) is float
            or type(other) is int or isinstance(other, generic)):
        return False
    return binop_should_defer(self, other, inplace)


cdef inline tuple _as_tuple(int n, const Py_ssize_t* values):
    cdef tuple result = PyTuple_New(n)
    cdef int i
    cdef object item      # a Python int: the tuple takes a reference
    for i in range(n):
        item = values[i]
        Py_INCREF(item)
        PyTuple_SET_ITEM(result, i, item)
    return result


cdef str _INVALID_INDEX = (
    "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) "
    "and integer or boolean arrays are valid indices")
INVALID_INDEX = _INVALID_INDEX      # (for _indexing's refusals)


cdef inline Py_ssize_t _as_index(object key) except? -1:
    """An index item as Py_ssize_t, refusing what NumPy refuses (with
    IndexError: floats, strings, integers too big for an index)."""
    if PyLong_CheckExact(key):
        try:
            return PyLong_AsSsize_t(key)
        except OverflowError:
            return _index_overflow(key)
    if isinstance(key, bool):
        # (apply_index hands booleans to advanced indexing first; here a
        # bool is one of item()'s arguments, where NumPy refuses it.)
        raise IndexError(_INVALID_INDEX)
    if not PyIndex_Check(key):
        if not hasattr(type(key), "__array_interface__"):
            # NumPy tries any other object as an index array, which asks
            # it for the array protocols first (a mock's broken answer is
            # a ValueError).  NumPy scalars (a float) are plainly refused.
            array_from_protocols(key)
        raise IndexError(_INVALID_INDEX)
    try:
        key = operator.index(key)
    except Exception:
        # NumPy drops whatever a failing __index__ raised and, finding no
        # other reading of the object, refuses it as an index.
        raise IndexError(_INVALID_INDEX) from None
    try:
        return PyLong_AsSsize_t(key)
    except OverflowError:
        return _index_overflow(key)


cdef Py_ssize_t as_index(object key) except? -1:
    return _as_index(key)


cdef bint _is_advanced(object item):
    """Whether an index item asks for advanced indexing (NumPy's
    ``prepare_index`` sorts items the same way).

    A list, tuple or other sequence, an array (even a 0-d integer one:
    ``a[np.array(0)]`` is a copy in NumPy, ``a[np.int64(0)]`` a view) and
    a boolean (``True`` is a 0-d mask, not the integer 1) are advanced;
    integers and integer scalars, slices, ``...`` and ``None`` are basic.
    A string is neither: it is refused as an index later.
    """
    if PyLong_CheckExact(item) or PySlice_Check(item) or item is None:
        return False
    if (PyBool_Check(item) or isinstance(item, (list, tuple, range))
            or isinstance(item, MiniArray)):
        return True
    if isinstance(item, generic):
        return scalar_descr(item).kind == "b"
    if isinstance(item, (str, bytes)):
        return False
    if hasattr(type(item), "__array_interface__"):   # NumPy's arrays, scalars
        if is_numpy_array(item):
            return True
        try:
            return item.dtype.kind == "b"
        except Exception:
            return False       # a broken object: refused as basic index
    return PySequence_Check(item) and not PyIndex_Check(item)


cdef Py_ssize_t _index_overflow(object key) except? -1:
    """NumPy reads an index as C long, then as unsigned long: a value that
    only fits the latter is "too large", anything beyond is not an index."""
    if 0 <= key < 2**64:
        raise OverflowError("Python int too large to convert to C long")
    raise IndexError(_INVALID_INDEX)


cdef inline Py_ssize_t _bounded(Py_ssize_t index, int axis,
                                Py_ssize_t length) except? -1:
    """``index`` into an axis of ``length``: negative values count from
    the end; anything outside raises NumPy's IndexError."""
    if index < 0:
        if index + length < 0:
            _raise_out_of_bounds(index, axis, length)
        return index + length
    if index >= length:
        _raise_out_of_bounds(index, axis, length)
    return index


cdef inline Py_ssize_t _checked_index(object key, int axis,
                                      Py_ssize_t length) except? -1:
    return _bounded(_as_index(key), axis, length)


cdef int _raise_out_of_bounds(Py_ssize_t index, Py_ssize_t axis,
                              Py_ssize_t length) except -1:
    raise IndexError(f"index {index} is out of bounds for axis {axis} with "
                     f"size {length}")


# ---------------------------------------------------------------------------
# Basic indexing and assignment
# ---------------------------------------------------------------------------

cdef tuple index_items(object key):
    """The items of an index: a tuple's (a tuple subclass's too, as
    NumPy's PyTuple_Check reads it), else ``key`` alone."""
    if type(key) is tuple:
        return key
    if isinstance(key, tuple):
        return tuple(key)
    return (key,)


cdef int apply_index(MiniArray a, object key, IndexResult* out) except -1:
    """Where ``a[key]`` starts (byte offset), its shape and its strides.

    Every index item is turned into stride arithmetic, left to right:

    * an integer ``i`` moves the start by ``i * stride`` and drops the axis;
    * a slice ``start:stop:step`` moves the start by ``start * stride`` and
      keeps the axis with length ``len(range(start, stop, step))`` and
      stride ``step * stride`` (negative steps give negative strides; an
      empty slice counts as ``0:0:1``, as in NumPy);
    * ``None`` inserts an axis of length 1 (stride 0);
    * ``...`` stands for as many full slices as the other items leave.

    Axes not named keep their length and stride.  The result is a scalar
    when every axis got an integer and there is no ``...`` or ``None``.

    As NumPy (``prepare_index`` then ``get_view_from_index`` in
    mapping.c), the items are first classified and integers converted, so
    a bad item is reported before counting or bounds; then the view is
    built.  Slices are unpacked with ``PySlice_Unpack`` and
    ``PySlice_AdjustIndices``, as CPython's own sequences do.

    Returns ``ADVANCED``, having built nothing, when an item calls for
    advanced indexing (``_is_advanced``); the caller hands the whole key
    to ``_indexing``.  Items before it have been checked, so errors come
    left to right, as NumPy reports them.
    """
    cdef tuple items = index_items(key)
    cdef Py_ssize_t nitems = PyTuple_GET_SIZE(items)
    cdef Py_ssize_t integers[MAX_NDIM]
    cdef int consumed = 0, axis = 0, ndim = 0, k, extra = 0, i, seen = 0
    cdef int dropped = 0          # axes an integer removes
    cdef bint ellipsis_seen = False
    cdef Py_ssize_t start, stop, step, length
    if nitems > 2 * MAX_NDIM:
        # NumPy reads no more items than that (unpack_indices).
        raise IndexError("too many indices for array")
    # Pass 1: classify every item; convert the integers.
    for i in range(nitems):
        item = items[i]
        if item is None:
            extra += 1
        elif item is Ellipsis:
            if ellipsis_seen:
                raise IndexError("an index can only have a single ellipsis "
                                 "('...')")
            ellipsis_seen = True
        elif PySlice_Check(item):
            consumed += 1
        elif _is_advanced(item):
            return ADVANCED
        else:
            if consumed < MAX_NDIM:
                integers[consumed] = _as_index(item)
            consumed += 1
            dropped += 1
    if consumed > a.ndim:
        raise IndexError(f"too many indices for array: array is {a.ndim}-"
                         f"dimensional, but {consumed} were indexed")
    # The result has every axis but those an integer removes, plus one per
    # None (a slice keeps its axis): it must fit out.shape[MAX_NDIM].
    if a.ndim - dropped + extra > MAX_NDIM:
        raise IndexError(f"number of dimensions must be within [0, "
                         f"{MAX_NDIM}], indexing result would have "
                         f"{a.ndim - dropped + extra}")
    # Pass 2: build the view.
    out.offset = 0
    out.is_scalar = (not ellipsis_seen and extra == 0
                     and consumed == a.ndim)
    for i in range(nitems):
        item = items[i]
        if item is None:
            out.shape[ndim] = 1
            out.strides[ndim] = 0
            ndim += 1
        elif item is Ellipsis:
            for k in range(a.ndim - consumed):
                out.shape[ndim] = a._shape[axis]
                out.strides[ndim] = a._strides[axis]
                ndim += 1
                axis += 1
        elif PySlice_Check(item):
            PySlice_Unpack(item, &start, &stop, &step)
            length = PySlice_AdjustIndices(a._shape[axis], &start, &stop,
                                           step)
            if length == 0:
                start, step = 0, 1
            out.offset += start * a._strides[axis]
            out.shape[ndim] = length
            out.strides[ndim] = step * a._strides[axis]
            out.is_scalar = False
            ndim += 1
            axis += 1
            seen += 1
        else:
            out.offset += a._strides[axis] * _bounded(
                integers[seen], axis, a._shape[axis])
            axis += 1
            seen += 1
    while axis < a.ndim:
        out.shape[ndim] = a._shape[axis]
        out.strides[ndim] = a._strides[axis]
        ndim += 1
        axis += 1
    out.ndim = ndim
    return 0


cdef MiniArray _slice_first_axis(MiniArray a, object key):
    """``a[start:stop:step]``, the most common index, without the tuple
    walk of ``apply_index`` (same arithmetic)."""
    cdef Py_ssize_t shape[MAX_NDIM]
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef Py_ssize_t start, stop, step
    memcpy(shape, a._shape, a.ndim * sizeof(Py_ssize_t))
    memcpy(strides, a._strides, a.ndim * sizeof(Py_ssize_t))
    PySlice_Unpack(key, &start, &stop, &step)
    shape[0] = PySlice_AdjustIndices(a._shape[0], &start, &stop, step)
    if shape[0] == 0:
        start, step = 0, 1        # NumPy: an empty slice is [0:0:1]
    strides[0] = step * a._strides[0]
    return make_view(a, start * a._strides[0], a.ndim, shape, strides)


cdef bint _is_zero_d_array(object value):
    """A 0-d minind or NumPy array.  Assigned to an element it is cast as
    arrays are (int8 <- array(300) wraps to 44), where a Python or NumPy
    scalar is converted by ``set_item``'s rules."""
    if type(value) is float or type(value) is int:
        return False               # the common case, decided cheaply
    if isinstance(value, MiniArray):
        return (<MiniArray>value).ndim == 0
    return type(value).__name__ == "ndarray" and getattr(
        value, "ndim", None) == 0


cdef bint is_numpy_array(object obj):
    return any([c.__name__ == "ndarray" for c in type(obj).__mro__])


cdef bint _is_numpy_scalar(object obj):
    """A NumPy scalar (``np.float64(0.5)``), known by its type's module
    and class names as ``is_numpy_array`` knows arrays."""
    return (type(obj).__module__ == "numpy"
            and any([c.__name__ == "generic" for c in type(obj).__mro__]))


cdef str shape_text(tuple shape):
    """A shape as NumPy writes it in messages: (3,4), (2,), ()."""
    if len(shape) == 1:
        return f"({shape[0]},)"
    return "(" + ",".join([str(n) for n in shape]) + ")"


cdef MiniArray single_output(object out):
    """The ``out=`` of a call with one output (a ufunc, its ``reduce`` and
    ``accumulate``, ``matmul``): None or an array.  NumPy also takes the
    tuple form of ``out=`` that many-output ufuncs need, with one entry."""
    if isinstance(out, tuple):
        if len(out) != 1:
            raise ValueError("The 'out' tuple must have exactly one entry "
                             "per ufunc output")
        out = out[0]
        if out is Ellipsis:
            raise TypeError("must use `...` as `out=...` and not "
                            "per-operand/in a tuple")
    if out is not None and not isinstance(out, MiniArray):
        raise TypeError("return arrays must be of ArrayType")
    return out


cdef object _array_function = None


cdef bint is_nested_sequence(object obj):
    """Does NumPy read ``obj`` as a sequence (a level of nesting), in
    ``array(obj)`` as in ``a[...] = obj``?

    NumPy asks the type (``PySequence_Check``: it has ``__getitem__``,
    whatever an instance's ``__getattr__`` answers) and then the length,
    which must be readable; strings are scalars.  NumPy:
    ``PyArray_DiscoverDTypeAndShape_Recursive`` in array_coercion.c.
    """
    if isinstance(obj, (list, tuple)):
        return True
    if isinstance(obj, (str, bytes, bytearray)) or not PySequence_Check(obj):
        return False
    try:
        len(obj)
    except Exception:       # noqa: a length that fails means "no sequence"
        return False
    return True


cdef MiniArray value_source(Descr dtype, int ndim, object value):
    """The value of ``target[...] = value`` (target of ``dtype`` with
    ``ndim`` axes) as an array, not yet broadcast or cast; None for a
    scalar, which ``set_item`` converts."""
    global _array_function
    if isinstance(value, MiniArray):
        return value
    if PyObject_CheckBuffer(value) and not isinstance(value, str):
        return wrap_buffer(value, False)
    if is_nested_sequence(value):
        if _array_function is None:
            from minind._creation import _from_nested as _array_function
        return _array_function(value, dtype, "C", ndim)
    if not (PyFloat_CheckExact(value) or PyLong_CheckExact(value)
            or PyBool_Check(value) or isinstance(value, generic)):
        return array_from_protocols(value)
    return None


cdef int assign(MiniArray target, object value) except -1:
    """Write ``value`` into every element of ``target`` (NumPy's
    ``PyArray_CopyObject``).

    A scalar is converted once and repeated.  An array (or anything
    exporting a buffer) is broadcast to the target's shape, after
    dropping leading length-1 axes it may have in excess, and cast as
    ``astype`` casts.  Nested sequences are converted straight to the
    target's dtype, so ``a[:] = [300]`` into int8 raises OverflowError as
    in NumPy.  Source and target may overlap (``a[1:] = a[:-1]``):
    ``copy_into`` reads everything before it writes.
    """
    cdef MiniArray source = value_source(target.dtype, target.ndim,
                                        value)
    if source is None:
        # (A scalar too goes in as its Python number, as in NumPy:
        # a[:] = mi.int64(300) into int8 is NumPy's OverflowError.)
        target.fill(value)
        return 0
    copy_into(target, _stretched_to(source, target))
    return 0


cdef MiniArray _stretched_to(MiniArray source, MiniArray target):
    """``source`` as a view of ``target``'s shape: leading length-1 axes it
    has in excess dropped, then broadcast (NumPy's assignment rule and
    message), for ``assign`` and ``copyto``."""
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef int skip = 0
    while source.ndim - skip > target.ndim and source._shape[skip] == 1:
        skip += 1
    if not broadcast_strides(source.ndim - skip, source._shape + skip,
                             source._strides + skip, target.ndim,
                             target._shape, strides):
        raise ValueError(
            f"could not broadcast input array from shape "
            f"{shape_text(source.shape[skip:])} into shape "
            f"{shape_text(target.shape)}")
    return make_view(source, 0, target.ndim, target._shape, strides)


# ---------------------------------------------------------------------------
# copyto: assignment with a casting rule and a mask
# ---------------------------------------------------------------------------

def copyto(dst, src, casting="same_kind", where=True):
    """``copyto(dst, src, casting='same_kind', where=True)``: write ``src``
    (broadcast to ``dst``'s shape) into ``dst``, where ``where`` is True.

    NumPy: ``array_copyto`` in multiarraymodule.c and
    ``PyArray_AssignArray`` in array_assign_array.c.  The steps, in
    NumPy's order (so that a call with several faults raises NumPy's
    first error):

    1. ``casting`` is checked (TypeError for a non-str, ValueError for an
       unknown rule); ``src`` becomes an array (``_copyto_source``: a
       Python int or float is weak, NEP 50), then ``where`` a boolean
       mask (``where_mask``).
    2. ``copyto(a, a)`` does nothing, not even refuse a read-only ``a``.
    3. A read-only ``dst`` is refused; then the casting rule is applied
       to the two dtypes ("Cannot cast scalar from ..." when ``src`` is
       0-d, "array data" otherwise).
    4. ``src`` loses leading length-1 axes it has in excess and is
       broadcast to ``dst`` (as ``assign`` does); the mask is broadcast
       without that trimming.
    5. Without a mask this is ``copy_into``, which copies an overlapping
       ``src`` first.  With one, only the masked elements are read and
       written (the advanced-indexing gather and scatter of
       ``_indexing.pyx``), after the same copy of an overlapping
       ``src``.  ``where=True`` is no mask at all, as in NumPy.
    """
    cdef MiniArray target, source, mask = None
    cdef Py_ssize_t strides[MAX_NDIM]
    if not isinstance(dst, MiniArray):
        raise TypeError("copyto() argument 1 must be a minind.ndarray, "
                        f"not {type(dst).__name__}")
    target = <MiniArray>dst
    can_cast_index(0, 0, casting)     # only validates the rule's spelling
    source = _copyto_source(target, src)
    if where is not True:
        mask = where_mask(where)
    if mask is None and _same_elements(target, source):
        return None
    require_writeable(target, "assignment destination is read-only")
    if not can_cast_index(source.dtype.type_index, target.dtype.type_index,
                          casting):
        raise TypeError(
            f"Cannot cast {'scalar' if source.ndim == 0 else 'array data'} "
            f"from {source.dtype!r} to {target.dtype!r} according to the "
            f"rule {casting!r}")
    source = _stretched_to(source, target)
    if mask is None:
        copy_into(target, source)
        return None
    if not broadcast_strides(mask.ndim, mask._shape, mask._strides,
                             target.ndim, target._shape, strides):
        raise ValueError(
            f"could not broadcast where mask from shape "
            f"{shape_text(mask.shape)} into shape "
            f"{shape_text(target.shape)}")
    mask = make_view(mask, 0, target.ndim, target._shape, strides)
    if spans_overlap(target, source):
        source = copy_array(source, source.dtype, "K")
    _OPERATORS["advanced_setitem"](
        target, mask, _OPERATORS["advanced_getitem"](source, mask))
    return None


cdef MiniArray _copyto_source(MiniArray target, object src):
    """``copyto``'s ``src`` as an array.  A Python int or float is weak
    (NEP 50): if it promotes with ``dst``'s dtype to that dtype it is
    converted straight to it (so 300 into int8 is OverflowError, and
    no casting rule can refuse it); otherwise it is an int64 or float64
    array for the casting check to refuse.  NumPy:
    ``npy_find_descr_for_scalar`` and ``npy_update_operand_for_scalar``."""
    from minind._creation import asarray
    if isinstance(src, MiniArray):
        return <MiniArray>src
    if PyLong_CheckExact(src) or PyFloat_CheckExact(src):
        from minind._ufunc import result_type
        if result_type(target.dtype, src) == target.dtype:
            return asarray(src, dtype=target.dtype)
    return asarray(src)


cdef MiniArray where_mask(object where):
    """``copyto``'s (and the ufuncs') ``where=`` as a boolean array.  An
    array (anything with a dtype of its own) must cast to bool under
    "safe", as NumPy's ``PyArray_FromAny`` with a bool dtype requires;
    Python values (``where=[1, 0]``, ``where=1``) are converted as
    ``asarray`` would, and so are scalars, NumPy's too (they export a
    buffer, but NumPy takes ``where=np.float64(0.5)`` by its truth)."""
    from minind._creation import asarray
    cdef MiniArray mask
    if isinstance(where, MiniArray) or (
            PyObject_CheckBuffer(where) and not isinstance(where, str)
            and not _is_numpy_scalar(where)):
        mask = asarray(where)
        if not can_cast_index(mask.dtype.type_index,
                              as_dtype(bool).type_index, "safe"):
            raise TypeError(
                f"Cannot cast {'scalar' if mask.ndim == 0 else 'array data'}"
                f" from {mask.dtype!r} to dtype('bool') according to the "
                "rule 'safe'")
        return asarray(mask, dtype=bool)
    return asarray(where, dtype=bool)


cdef bint _same_elements(MiniArray a, MiniArray b):
    """Whether two arrays are the same elements of the same dtype (the
    same start, shape and strides): then copying one to the other is
    nothing to do, NumPy's shortcut in ``PyArray_AssignArray``."""
    cdef int axis
    if a._data != b._data or a.dtype is not b.dtype or a.ndim != b.ndim:
        return False
    for axis in range(a.ndim):
        if (a._shape[axis] != b._shape[axis]
                or a._strides[axis] != b._strides[axis]):
            return False
    return True


cdef list _tolist(MiniArray a, const char* ptr, int axis):
    cdef Py_ssize_t i, n = a._shape[axis], step = a._strides[axis]
    cdef list result = []
    if axis == a.ndim - 1:
        for i in range(n):
            result.append(get_item(a.dtype, ptr + i * step))
    else:
        for i in range(n):
            result.append(_tolist(a, ptr + i * step, axis + 1))
    return result


cdef bint _has_order(MiniArray a, str order):
    if order == "C":
        return a._flags & FLAG_C_CONTIGUOUS
    if order == "F":
        return a._flags & FLAG_F_CONTIGUOUS
    if order == "A":
        return a._flags & (FLAG_C_CONTIGUOUS | FLAG_F_CONTIGUOUS)
    return True


# ---------------------------------------------------------------------------
# Making arrays: owners, views, imported buffers
# ---------------------------------------------------------------------------

cdef MiniArray new_array(Descr dtype, int ndim, const Py_ssize_t* shape,
                         bint fortran, bint zeroed):
    """A new owner of a fresh buffer, C- (or F-) contiguous.

    NumPy: ``PyArray_NewFromDescr``.  The byte size is overflow-checked
    before anything is allocated.
    """
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef Py_ssize_t size = checked_size(ndim, shape, dtype.itemsize)
    cdef MiniArray result = MiniArray.__new__(MiniArray)
    fill_fresh_strides(ndim, shape, dtype.itemsize, fortran, strides)
    result.dtype = dtype
    result._set_dims(ndim, shape, strides)
    result._data = _alloc_buffer(size * dtype.itemsize, zeroed)
    if MININD_POISON_BUFFERS and not zeroed:
        memset(result._data, poison_byte(dtype), size * dtype.itemsize)
    result._flags = FLAG_OWNDATA | FLAG_WRITEABLE
    result.base = None              # an owner (not the unmade state's)
    result._update_flags()
    return result


cdef str resolve_order(MiniArray prototype, str order):
    """"A" and "K" made concrete for ``prototype``: "C", "F" or "K".

    "A" is F when the array is F- and not C-contiguous, else C.  "K"
    stays "K" only when the array is neither: then the axes' memory order
    must be rebuilt by sorting strides.
    """
    cdef bint c = prototype._flags & FLAG_C_CONTIGUOUS
    cdef bint f = prototype._flags & FLAG_F_CONTIGUOUS
    if order == "A":
        return "F" if f and not c else "C"
    if order == "K":
        if c:
            return "C"
        if f:
            return "F"
    return order


cdef void like_strides(MiniArray prototype, str order, int ndim,
                       const Py_ssize_t* shape, Py_ssize_t itemsize,
                       Py_ssize_t* strides):
    """Contiguous strides for ``shape`` laid out in ``order``.

    "K" keeps the prototype's memory order: its axes sorted by decreasing
    |stride| (``memory_order`` with every axis voting) get contiguous
    strides in that order, so e.g. a transposed prototype gives a
    transposed (F-ordered) result, and a reversed one a forward result.
    NumPy: ``PyArray_NewLikeArray`` and ``PyArray_CreateSortedStridePerm``.
    """
    cdef int perm[MAX_NDIM]
    cdef int axis
    if order == "K" and ndim != prototype.ndim:
        order = "C"               # no memory order to keep across ndims
    order = resolve_order(prototype, order)
    if order != "K":
        fill_fresh_strides(ndim, shape, itemsize, order == "F", strides)
        return
    for axis in range(ndim):
        if shape[axis] == 0:
            fill_fresh_strides(ndim, shape, itemsize, False, strides)
            return
    memory_order(prototype, True, perm)
    fill_ordered_strides(ndim, shape, itemsize, perm, strides)


cdef void memory_order(MiniArray a, bint every_axis_votes, int* perm):
    """``a``'s axes in its "K" memory order, outermost first: the
    iterator's (``every_axis_votes`` False) or a new array's (True); see
    ``_loops.axis_order``, which decides both."""
    cdef Traversal t
    cdef int axis
    t.nop = 1
    t.ndim = a.ndim
    for axis in range(a.ndim):
        t.shape[axis] = a._shape[axis]
        t.strides[0][axis] = a._strides[axis]
    axis_order(&t, 0, every_axis_votes, perm)


cdef MiniArray new_array_like(MiniArray prototype, Descr dtype, str order,
                              int ndim=-1, const Py_ssize_t* shape=NULL):
    """A new owner shaped like ``prototype`` (or ``shape``), in ``order``
    (any of C, F, A, K; see ``like_strides``)."""
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef MiniArray result
    if shape == NULL:
        ndim = prototype.ndim
        shape = prototype._shape
    result = new_array(dtype, ndim, shape, False, False)
    like_strides(prototype, order, ndim, shape, dtype.itemsize, strides)
    memcpy(result._strides, strides, ndim * sizeof(Py_ssize_t))
    result._update_flags()
    return result


cdef MiniArray make_view(MiniArray parent, Py_ssize_t offset, int ndim,
                         const Py_ssize_t* shape, const Py_ssize_t* strides):
    """The one place views are made.

    A view is a new (data + offset, shape, strides) over ``parent``'s
    memory.  Its ``base`` keeps the memory alive.  NumPy collapses chains
    of views (``PyArray_SetBaseObject``): the base is the first array down
    the chain that owns its memory, or whose own base is not an array (an
    array imported from a buffer).  So ``a[1:][::2].base is a``.
    WRITEABLE is inherited; both contiguity flags are recomputed from
    scratch, never patched.  The caller guarantees the layout stays inside
    the buffer.
    """
    return _fill_view(MiniArray.__new__(MiniArray), parent, offset, ndim,
                      shape, strides)


cdef inline MiniArray _fill_view(MiniArray view, MiniArray parent,
                                 Py_ssize_t offset, int ndim,
                                 const Py_ssize_t* shape,
                                 const Py_ssize_t* strides):
    """make_view's work, on a fresh object ``view`` (a MiniArray, or an
    instance of a subclass for ``a.view(type=...)``)."""
    # Computed in integers, where wrapping is defined: an empty view may
    # start anywhere (as_strided takes any strides when nothing is read,
    # so a[-1] of shape (4, 0) with strides (2**62, 1) is 3 * 2**62 bytes
    # in), and no address of an empty view is ever read through.
    view._data = <char*>(<uintptr_t>parent._data + <uintptr_t>offset)
    view.dtype = parent.dtype
    view._set_dims(ndim, shape, strides)
    if parent._flags & FLAG_OWNDATA or not isinstance(parent.base, MiniArray):
        view.base = parent
    else:
        view.base = parent.base
    if (<MiniArray>view.base)._flags & FLAG_OWNDATA:
        # Counted, so that resize can tell the owner's memory is in use.
        view._viewed = view.base
        view._viewed._views += 1
    view._flags = parent._flags & (FLAG_WRITEABLE | FLAG_WARN_ON_WRITE)
    view._update_flags()
    return view


cdef bint _is_array_type(object obj):
    """Whether ``obj`` is MiniArray or a subclass of it (a class)."""
    return isinstance(obj, type) and issubclass(obj, MiniArray)


cdef int _check_contiguous_buffer(object exporter) except -1:
    """Ask ``exporter`` for its memory as one contiguous block (C or F
    order), as NumPy's ``ndarray(shape, buffer=...)`` does; a buffer that
    is not refuses with its exporter's error ("ndarray is not
    contiguous", "memoryview: underlying buffer is not contiguous")."""
    cdef Py_buffer view
    PyObject_GetBuffer(exporter, &view, PyBUF_ANY_CONTIGUOUS)
    PyBuffer_Release(&view)
    return 0


cdef MiniArray wrap_buffer(object exporter, bint writable):
    """A view of any buffer exporter's memory, without copying.

    The base is a memoryview of the exporter: it holds the exporter's
    buffer (and so the exporter) for as long as the array lives, and
    releases it afterwards.  NumPy arrays, ``array.array``, ``bytes``,
    ``bytearray``, ``mmap`` and memoryviews all arrive here.
    """
    cdef object view = memoryview(exporter)
    cdef Py_buffer* buf = PyMemoryView_GET_BUFFER(view)
    cdef Py_ssize_t shape[MAX_NDIM]
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef MiniArray result
    cdef int axis
    cdef Descr descr
    if writable and buf.readonly:
        raise ValueError("the buffer is read-only")
    fmt = view.format
    if fmt is not None and not _numpy_reads_format(fmt):
        # Not a format NumPy could read either ('&' pointers, 'P', 'u'):
        # NumPy's ValueError, where a format NumPy reads but minind has no
        # dtype for (float16, complex, strings...) is the TypeError below.
        raise ValueError(f"{fmt!r} is not a valid PEP 3118 buffer format "
                         "string")
    try:
        descr = as_dtype("B" if fmt is None else _BUFFER_FORMATS.get(fmt, fmt))
    except TypeError:
        raise TypeError(f"minind cannot read buffers of format {fmt!r}; "
                        "supported are bool, (u)int8-64, float32 and "
                        "float64 in native byte order") from None
    if descr.itemsize != buf.itemsize:
        raise TypeError(f"buffer format {fmt!r} has an unexpected item size")
    if buf.ndim > MAX_NDIM:
        raise ValueError("maximum supported dimension for an ndarray is "
                         f"currently {MAX_NDIM}, found {buf.ndim}")
    if buf.suboffsets != NULL:
        raise BufferError(
            "minind does not support importing buffers which include "
            "suboffsets (PIL-style): they are not compatible with its "
            "memory layout without a copy.  Copy the original before "
            "converting it to a minind array.")
    for axis in range(buf.ndim):
        shape[axis] = buf.shape[axis] if buf.shape != NULL else (
            buf.len // buf.itemsize)
    if buf.strides != NULL:
        for axis in range(buf.ndim):
            strides[axis] = buf.strides[axis]
    else:
        fill_contiguous_strides(buf.ndim, shape, buf.itemsize, False, strides)
    result = MiniArray.__new__(MiniArray)
    result._data = <char*>buf.buf
    result.dtype = descr
    result._set_dims(buf.ndim, shape, strides)
    result.base = view
    result._flags = 0 if buf.readonly else FLAG_WRITEABLE
    result._update_flags()
    return result


cdef object _flat_bytes(object view):
    """A C-contiguous memoryview's bytes, as a 1-d memoryview of format
    'B' (TypeError for another layout).  memoryview refuses to cast an
    empty view, so an empty one is an empty memoryview of the same
    writability (nothing is read)."""
    if view.nbytes:
        return view.cast("B", (view.nbytes,))
    return memoryview(b"" if view.readonly else bytearray())


cdef MiniArray wrap_buffer_items(object exporter, Descr dtype,
                                 Py_ssize_t count, Py_ssize_t offset):
    """``frombuffer``'s view: ``count`` items of ``dtype`` starting
    ``offset`` bytes into any C-contiguous buffer, read as flat bytes
    whatever its own format and shape (``count`` < 0: as many as fit).

    ``wrap_buffer`` imports the buffer (as bytes: a ``cast("B")`` of its
    memoryview); the result then takes the dtype and 1-d shape asked for.
    NumPy: ``PyArray_FromBuffer`` in ctors.c, whose errors these are.  Its
    ``base`` follows NumPy's rule: an exporter whose type releases
    nothing when its buffer is released (``bytes``, NumPy arrays) is the
    base itself; any other (``bytearray``, ``array.array``, ``mmap``, a
    memoryview) is represented by a memoryview of it, which holds the
    export for as long as the array lives.
    """
    cdef object view
    cdef MiniArray result
    cdef Py_ssize_t length, itemsize = dtype.itemsize
    try:
        view = memoryview(exporter)
    except TypeError:
        raise TypeError("a bytes-like object is required, not "
                        f"'{type(exporter).__name__}'") from None
    if not view.c_contiguous:
        raise BufferError("memoryview: underlying buffer is not "
                          "C-contiguous")
    length = view.nbytes
    if offset < 0 or offset > length:
        raise ValueError("offset must be non-negative and no greater than "
                         f"buffer length ({length})")
    if count < 0:
        if (length - offset) % itemsize:
            raise ValueError("buffer size must be a multiple of element "
                             "size")
        count = (length - offset) // itemsize
    elif length - offset < count * itemsize:
        raise ValueError("buffer is smaller than requested size")
    result = wrap_buffer(_flat_bytes(view), False)
    result._data += offset
    result.dtype = dtype
    result._set_dims(1, &count, &itemsize)
    result._update_flags()
    if PyType_GetSlot(type(exporter), Py_bf_releasebuffer) == NULL:
        result.base = exporter
    else:
        result.base = view
    return result


cdef MiniArray scalar_array(object scalar):
    """A minind scalar as a new 0-d array of its dtype: the array an
    operation on a scalar works on (scalars are immutable, so a copy)."""
    cdef Py_ssize_t no_shape = 0
    cdef Descr descr = scalar_descr(<generic>scalar)
    cdef MiniArray result = new_array(descr, 0, &no_shape, False, False)
    memcpy(result._data, scalar_data(<generic>scalar), descr.itemsize)
    return result


cdef MiniArray array_from_protocols(object obj):
    """``obj`` as an array through NumPy's older array protocols, or None
    if it offers neither.

    NumPy asks an object it does not know for ``__array_struct__`` and
    then ``__array_interface__`` (on the instance, so a mock's
    ``__getattr__`` answers) before it tries it as a sequence, and
    refuses a broken answer with ValueError.  NumPy: ``_array_from_array_like``
    in ctors.c.  minind reads the interface only where it can check what
    it reads (``_from_interface``); a C struct behind a capsule carries a
    raw address, which it cannot, and is refused with TypeError.
    """
    for name in ("__array_struct__", "__array_interface__"):
        try:
            attr = getattr(obj, name)
        except Exception:   # noqa: a failing lookup means "not provided"
            continue
        if name == "__array_struct__":
            if not PyCapsule_CheckExact(attr):
                raise ValueError("invalid __array_struct__")
            raise TypeError(f"minind cannot read {type(obj).__name__}'s "
                            "__array_struct__: its raw address has no "
                            "bounds to check (export the buffer protocol "
                            "instead)")
        if not isinstance(attr, dict):
            raise ValueError("Invalid __array_interface__ value, must be "
                             "a dict")
        return _from_interface(obj, <dict>attr)
    return None


cdef MiniArray _from_interface(object origin, dict interface):
    """The array an ``__array_interface__`` dict describes (version 3:
    ``typestr``, ``shape``, ``data``, ``strides``, ``offset``).

    ``data`` says where the items are:

    * a buffer exporter (``bytes``, a ``bytearray``...; PIL's images hand
      over their pixels so), or None for ``origin``'s own buffer: the
      array views that memory, and ``shape``, ``strides`` and ``offset``
      must stay inside it (ValueError otherwise; NumPy does not check);
    * missing: ``origin`` is a scalar in the dtype and ``shape`` given
      (size at most 1), converted as ``float(origin)``, ``int(origin)``
      or ``bool(origin)`` would convert it;
    * an ``(address, read_only)`` tuple: refused.  NumPy trusts the
      address; minind would have nothing to check an object that lies
      about it against, and reading it could crash the interpreter.

    NumPy: ``PyArray_FromInterface`` in ctors.c, whose errors these are.
    """
    cdef Py_ssize_t shape[MAX_NDIM]
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef Py_ssize_t low, high, offset = 0, nbytes
    cdef int ndim = 0, axis
    cdef MiniArray flat, result
    cdef Descr descr
    typestr = interface.get("typestr")
    if not isinstance(typestr, str):
        raise TypeError("__array_interface__ typestr must be a string")
    descr = as_dtype(typestr)
    has_data = "data" in interface
    shape_obj = interface.get("shape")
    if "shape" not in interface:
        if has_data:
            raise ValueError("Missing __array_interface__ shape")
    elif not isinstance(shape_obj, tuple):
        raise TypeError("shape must be a tuple")
    else:
        ndim = shape_from_object(shape_obj, shape)
    checked_size(ndim, shape, descr.itemsize)
    strides_obj = interface.get("strides")
    if strides_obj is not None:
        if not isinstance(strides_obj, tuple):
            raise TypeError("strides must be a tuple")
        if len(<tuple>strides_obj) != ndim:
            raise ValueError("strides, if given, must be the same length "
                             "as shape")
        shape_from_object(strides_obj, strides, True)
    else:
        fill_contiguous_strides(ndim, shape, descr.itemsize, False, strides)
    if not has_data:
        result = new_array(descr, ndim, shape, False, False)
        if result.size > 1:
            raise ValueError("cannot coerce scalar to array with size > 1")
        if result.size == 1:
            set_item(descr, result._data, _interface_scalar(origin, descr))
        return result
    data = interface["data"]
    if isinstance(data, tuple):
        raise TypeError(f"minind cannot read {type(origin).__name__}'s "
                        "__array_interface__: its data is a raw address "
                        "with no bounds to check (give a buffer object as "
                        "'data', or export the buffer protocol)")
    exporter = origin if data is None else data
    if not PyObject_CheckBuffer(exporter) or isinstance(exporter, str):
        raise TypeError(f"__array_interface__ data: a bytes-like object "
                        f"is required, not '{type(exporter).__name__}'")
    offset_obj = interface.get("offset", 0)
    offset = offset_obj if offset_obj is not None else 0
    flat = wrap_buffer(_flat_bytes(memoryview(exporter)), False)
    nbytes = flat.size
    if not extent_within(ndim, shape, strides, descr.itemsize, offset,
                         nbytes):
        byte_extent(ndim, shape, strides, descr.itemsize, &low, &high)
        raise ValueError(f"__array_interface__ shape, strides and offset "
                         f"reach bytes {<object>offset + low} to "
                         f"{<object>offset + high} of a {nbytes}-byte "
                         "buffer")
    result = MiniArray.__new__(MiniArray)
    result._data = flat._data + offset
    result.dtype = descr
    result._set_dims(ndim, shape, strides)
    result.base = flat.base         # the memoryview that holds the export
    result._flags = flat._flags & FLAG_WRITEABLE
    result._update_flags()
    return result


cdef object _interface_scalar(object origin, Descr descr):
    """What NumPy's per-type setitem makes of an interface with no data:
    the object itself read as a number of the dtype."""
    if descr.kind == "b":
        return bool(origin)
    if descr.kind == "f":
        return float(origin)
    return int(origin)


# Native-alignment struct codes that name a supported dtype differently.
_BUFFER_FORMATS = {"@?": "?", "=?": "?", "<?": "?", "c": "B"}
for _code in "bBhHiIlLqQfd":
    _BUFFER_FORMATS["@" + _code] = _code
    _BUFFER_FORMATS["=" + _code] = _code
    _BUFFER_FORMATS["<" + _code] = _code

# Every character of the PEP 3118 formats NumPy reads, field names aside
# (struct's codes, NumPy's additions 'Z' complex, 'w' UCS-4, 'O' objects,
# 'T{...}' records, '(2,3)' shapes, byte orders and counts).
_PEP3118_CHARACTERS = frozenset(
    "?cbBhHiIlLqQnNefdgZswOxT{}(),^@=<>! 0123456789")


cdef bint _numpy_reads_format(str fmt):
    """Whether NumPy's PEP 3118 parser knows every code of ``fmt``."""
    cdef list parts = fmt.split(":")
    # Field names sit between colons: every other part.
    return _PEP3118_CHARACTERS.issuperset("".join(parts[::2]))


cdef int copy_into(MiniArray dst, MiniArray src) except -1:
    """Copy (with casting) src into dst of the same shape.

    If the two share memory, src is first copied to a temporary so the
    result is as if every element were read before any was written.
    """
    if dst.ndim != src.ndim or dst.shape != src.shape:
        raise ValueError("copy_into needs equal shapes")
    if spans_overlap(dst, src):
        src = copy_array(src, src.dtype, "K")
    copy_cast(dst.ndim, dst._shape, dst._data, dst._strides,
              dst.dtype.type_index, src._data, src._strides,
              src.dtype.type_index)
    return 0


cdef bint spans_overlap(MiniArray a, MiniArray b):
    """Whether the byte ranges the two arrays' elements span intersect.

    The cheap, conservative overlap test (NumPy's ``solve_may_share_memory``
    with max_work 0): False is certain, True may be a false alarm (two
    interleaved slices).  Empty arrays span nothing.  Copies, ufunc
    outputs and ``may_share_memory`` all ask this one; the spans come
    from ``_layout.byte_extent``.
    """
    cdef Py_ssize_t a_low, a_high, b_low, b_high
    if a.size == 0 or b.size == 0:
        return False
    byte_extent(a.ndim, a._shape, a._strides, a.dtype.itemsize,
                &a_low, &a_high)
    byte_extent(b.ndim, b._shape, b._strides, b.dtype.itemsize,
                &b_low, &b_high)
    return (a._data + a_low < b._data + b_high and
            b._data + b_low < a._data + a_high)


cdef MiniArray copy_array(MiniArray src, Descr dtype, str order):
    """A new owner holding ``src``'s values as ``dtype`` in ``order``."""
    cdef MiniArray result = new_array_like(src, dtype, order)
    copy_cast(src.ndim, src._shape, result._data, result._strides,
              dtype.type_index, src._data, src._strides,
              src.dtype.type_index)
    return result


# ---------------------------------------------------------------------------
# Axes and reshaping
# ---------------------------------------------------------------------------

cdef int normalize_axis(object axis, int ndim, str prefix=None) except -1:
    """An axis argument as 0..ndim-1 (negative counts from the end).

    Out of range raises AxisError, which is both a ValueError and an
    IndexError, as NumPy's is; ``prefix`` names the argument in the
    message ("axis2: axis 2 is out of bounds ...").
    """
    cdef Py_ssize_t value
    if PyLong_CheckExact(axis):
        value = PyLong_AsSsize_t(axis)
    else:
        value = operator.index(axis)
    if value < -ndim or value >= ndim:
        raise AxisError(value, ndim, prefix)
    return value + ndim if value < 0 else value


cdef object c_int_argument(object item):
    """An integer argument NumPy parses as a C int (CPython's "i"
    format): an axis as its Python functions' ``normalize_axis_index``
    reads it, ``array``'s ``ndmax``; with CPython's words for a float and
    for what does not fit."""
    if isinstance(item, float):
        raise TypeError("integer argument expected, got float")
    item = operator.index(item)
    if not -2 ** 63 <= item < 2 ** 63:
        raise OverflowError("Python int too large to convert to C long")
    if not -2 ** 31 <= item < 2 ** 31:
        raise OverflowError("Python int too large to convert to C int")
    return item


cdef list normalize_axis_tuple(object axis, int ndim, str prefix=None,
                               str repeated="duplicate value in 'axis'",
                               bint bounds_first=False,
                               bint iterate=False):
    """An int or a sequence of ints as a list of distinct axes; a repeat
    raises ValueError with the caller's NumPy message.  NumPy's C
    functions check each axis in turn; its Python ones (expand_dims,
    moveaxis, flip) check all bounds before repeats, and read each axis
    as a C int (``c_int_argument``): ``bounds_first``.  Where
    NumPy calls its Python ``normalize_axis_tuple`` directly (moveaxis,
    flip), anything that is not an integer is iterated (a ``range``, an
    array): ``iterate``."""
    cdef list result = []
    if not isinstance(axis, (tuple, list)):
        if not iterate:
            axis = [axis]
        else:
            try:
                axis = [operator.index(axis)]
            except TypeError:
                pass                # iterated below, or TypeError there
    for item in axis:
        if bounds_first:
            item = c_int_argument(item)
        value = normalize_axis(item, ndim, prefix)
        if value in result and not bounds_first:
            raise ValueError(repeated)
        result.append(value)
    if len(set(result)) != len(result):
        raise ValueError(repeated)
    return result


cdef int permutation_from(object axes, int ndim, int* perm) except -1:
    """Check that ``axes`` permutes range(ndim) and store it in ``perm``."""
    cdef int k
    cdef bint seen[MAX_NDIM]
    if not isinstance(axes, tuple):
        axes = tuple(axes)
    if PyTuple_GET_SIZE(axes) != ndim:
        raise ValueError("axes don't match array")
    for k in range(ndim):
        seen[k] = False
    for k in range(ndim):
        perm[k] = normalize_axis((<tuple>axes)[k], ndim)
        if seen[perm[k]]:
            raise ValueError("repeated axis in transpose")
        seen[perm[k]] = True
    return 0


cdef int new_shape_from(MiniArray a, object shape, Py_ssize_t* out,
                        bint* inferred) except -1:
    """Parse a reshape target, resolving one negative ("unknown") length.

    The unknown length is whatever makes the sizes agree; ``inferred``
    reports whether there was one.  NumPy's errors: "can only specify one
    unknown dimension", "cannot reshape array of size 6 into shape (4,2)".
    """
    cdef int ndim, axis, unknown = -1, too_long
    cdef Py_ssize_t known = 1, length
    inferred[0] = False
    if type(shape) is tuple and PyTuple_GET_SIZE(shape) <= MAX_NDIM:
        # Fast path: a tuple of non-negative ints whose product fits.
        ndim = PyTuple_GET_SIZE(shape)
        for axis in range(ndim):
            item = (<tuple>shape)[axis]
            if not PyLong_CheckExact(item):
                break
            length = <Py_ssize_t>PyLong_AsLongLongAndOverflow(item, &too_long)
            if (too_long or length < 0
                    or __builtin_mul_overflow(known, length, &known)):
                break             # the slow path below explains
            out[axis] = length
        else:
            if known == a.size:
                return ndim
        known = 1
    if shape is None:
        items = list(a.shape)
    elif isinstance(shape, (tuple, list)):
        items = list(shape)
    elif isinstance(shape, float):
        raise TypeError("expected a sequence of integers or a single "
                        f"integer, got '{shape!r}'")
    else:
        items = [shape]
    ndim = len(items)
    if ndim > MAX_NDIM:
        raise ValueError("maximum supported dimension for an ndarray is "
                         f"currently {MAX_NDIM}, found {ndim}")
    for item in items:
        if isinstance(item, bool):     # (operator.index takes True)
            raise TypeError("an integer is required")
    values = [operator.index(item) for item in items]
    for value in values:          # each length must be a C Py_ssize_t
        if not -PY_SSIZE_T_MAX - 1 <= value <= PY_SSIZE_T_MAX:
            raise ValueError("Maximum allowed dimension exceeded")
    overflow = False
    for axis in range(ndim):
        if values[axis] < 0:
            if unknown >= 0:
                raise ValueError("can only specify one unknown dimension")
            unknown = axis
        elif overflow or known * values[axis] > PY_SSIZE_T_MAX:
            overflow = True           # the sizes cannot agree
        else:
            known *= values[axis]
            out[axis] = values[axis]
    if unknown >= 0 and not overflow and known != 0 and a.size % known == 0:
        out[unknown] = a.size // known
        inferred[0] = True
    elif overflow or unknown >= 0 or known != a.size:
        raise ValueError(f"cannot reshape array of size {a.size} into "
                         f"shape {_requested_shape_text(values)}")
    return ndim


cdef str _requested_shape_text(list values):
    """A reshape request as NumPy prints it in its error: leading unknown
    lengths are left out, later ones print as "newaxis", and only a
    request of exactly one length gets a trailing comma: (4,newaxis),
    (4), (6,)."""
    cdef Py_ssize_t first = 0
    while first < len(values) and values[first] < 0:
        first += 1
    if first == len(values):
        return "()"
    parts = ["newaxis" if v < 0 else str(v) for v in values[first:]]
    return "(" + ",".join(parts) + ("," if len(values) == 1 else "") + ")"


cdef int set_dtype(MiniArray a, object dtype) except -1:
    """``a.dtype = dtype``: read the same bytes as another dtype.

    Same itemsize: only the dtype changes.  Otherwise the last axis, which
    must be contiguous, is cut into more, smaller items or merged into
    fewer, larger ones (its length in bytes must divide evenly), so the
    array still covers exactly the same bytes.  NumPy: array_descr_set.
    """
    cdef Descr new = as_dtype(dtype)
    cdef Py_ssize_t old_size = a.dtype.itemsize, new_size = new.itemsize
    cdef Py_ssize_t total
    cdef int last = a.ndim - 1
    if new_size != old_size:
        if a.ndim == 0:
            raise ValueError("Changing the dtype of a 0d array is only "
                             "supported if the itemsize is unchanged")
        if (a._shape[last] != 1 and a.size != 0
                and a._strides[last] != old_size):
            raise ValueError("To change to a dtype of a different size, the "
                             "last axis must be contiguous")
        total = a._shape[last] * old_size
        if total % new_size != 0:
            raise ValueError("When changing to a larger dtype, its size "
                             "must be a divisor of the total size in bytes "
                             "of the last axis of the array.")
        a._shape[last] = total // new_size
        a._strides[last] = new_size
        a.size = 1
        for axis in range(a.ndim):
            a.size *= a._shape[axis]
    a.dtype = new
    a._update_flags()
    return 0


cdef object copy_mode(object copy):
    """A ``copy=`` argument as NumPy reads it (``PyArray_CopyConverter``):
    None (copy if needed), or True/False by the object's truth (so 0
    means never copy).  A string is refused: ``copy="always"`` is the
    mistake it guards against."""
    if copy is None:
        return None
    if isinstance(copy, str):
        raise ValueError("strings are not allowed for 'copy' keyword. "
                         "Use True/False/None instead.")
    return bool(copy)


cdef MiniArray reshape_array(MiniArray a, object shape, object order,
                             object copy):
    """``a`` with a new shape: a view when the memory allows, else a copy.

    Reading order: "C" (last index fastest) or "F" (first fastest); "A"
    is F for arrays that are F- and not C-contiguous.  A contiguous array
    in that order can always be viewed with fresh contiguous strides.
    Otherwise ``attempt_nocopy_reshape`` looks for strides that give the
    same traversal (e.g. splitting a stepped axis works; flattening a
    transposed matrix does not).  When none exist the array is copied in
    the reading order and the result is a view of that copy (its base is
    the copy), as in NumPy.  ``copy=True`` always copies; ``copy=False``
    raises ValueError rather than copy.  NumPy: ``PyArray_Newshape``.
    """
    cdef Py_ssize_t new_shape[MAX_NDIM]
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef bint fortran, inferred
    cdef str letter
    cdef int ndim, axis
    copy = copy_mode(copy)
    if order is not "C" and order in ("K", "k"):
        raise ValueError("order 'K' is not permitted for reshaping")
    letter = check_order(order, "CFA")
    ndim = new_shape_from(a, shape, new_shape, &inferred)
    if letter == "A":
        letter = resolve_order(a, "A")
    fortran = letter == "F"
    if copy:
        a = copy_array(a, a.dtype, letter)
    elif ndim == a.ndim and not inferred:
        for axis in range(ndim):
            if new_shape[axis] != a._shape[axis]:
                break
        else:
            # Nothing to do: a plain view with the same strides.
            return make_view(a, 0, a.ndim, a._shape, a._strides)
    if (a._flags & (FLAG_F_CONTIGUOUS if fortran else FLAG_C_CONTIGUOUS)):
        fill_contiguous_strides(ndim, new_shape, a.dtype.itemsize, fortran,
                                strides)
    elif not attempt_nocopy_reshape(a.ndim, a._shape, a._strides, ndim,
                                    new_shape, a.dtype.itemsize, fortran,
                                    strides):
        if copy is False:
            raise ValueError("Unable to avoid creating a copy while "
                             "reshaping.")
        a = copy_array(a, a.dtype, letter)
        fill_contiguous_strides(ndim, new_shape, a.dtype.itemsize, fortran,
                                strides)
    return make_view(a, 0, ndim, new_shape, strides)


cdef MiniArray ravel_array(MiniArray a, str order):
    """``a`` as 1-d: a view when its elements, read in ``order``, are
    evenly spaced in memory; otherwise a flattened copy.

    "K" reads in memory order, so it gives a view for any array whose
    axes, sorted by stride, tile memory without gaps (a transposed or
    F-ordered array, for example), but not for negative strides.  NumPy:
    ``PyArray_Ravel``.
    """
    cdef int perm[MAX_NDIM]
    cdef Py_ssize_t size = a.size, step, zero = 0
    cdef int i, axis
    order = resolve_order(a, order)
    step = a.dtype.itemsize
    if (order == "C" and a._flags & FLAG_C_CONTIGUOUS or
            order == "F" and a._flags & FLAG_F_CONTIGUOUS):
        # Contiguous in the reading order: one axis of itemsize steps (what
        # reshape(-1) gives, without parsing a shape).
        return make_view(a, 0, 1, &size, &step)
    if order == "K":
        # NumPy's test (PyArray_Ravel): contiguous in a new array's K order.
        memory_order(a, True, perm)
        step = a.dtype.itemsize
        for i in range(a.ndim - 1, -1, -1):
            axis = perm[i]
            if a._shape[axis] == 1:
                continue
            if a._strides[axis] != step:
                break
            step *= a._shape[axis]
        else:
            step = a.dtype.itemsize
            return make_view(a, 0, 1, &size, &step)
    return flatten_array(a, order)


cdef MiniArray flatten_array(MiniArray a, str order):
    """A new 1-d owner holding ``a``'s elements read in ``order``.

    The copy goes through a view of the new buffer shaped like ``a`` with
    strides for ``order``, so the one cast loop does the reordering.  "K"
    reads in memory order as NumPy's iterator finds it (``memory_order``:
    broadcast and length-1 axes have no say, so they keep their C
    position).  NumPy: ``PyArray_Flatten``/``PyArray_CopyAsFlat``.
    """
    cdef Py_ssize_t size = a.size
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef int perm[MAX_NDIM]
    cdef MiniArray result = new_array(a.dtype, 1, &size, False, False)
    if resolve_order(a, order) == "K":
        memory_order(a, False, perm)
        fill_ordered_strides(a.ndim, a._shape, a.dtype.itemsize, perm,
                             strides)
    else:
        like_strides(a, order, a.ndim, a._shape, a.dtype.itemsize, strides)
    copy_cast(a.ndim, a._shape, result._data, strides, a.dtype.type_index,
              a._data, a._strides, a.dtype.type_index)
    return result


# ---------------------------------------------------------------------------
# Resizing in place: the owner's buffer reallocated
# ---------------------------------------------------------------------------

cdef str _REFERENCED = (
    "cannot resize an array that references or is referenced\n"
    "by another object in this way.\n"
    "Use the np.resize function to get a new resized copy or\n"
    " set refcheck=False to disable this check")


# Py_REFCNT(self) inside resize for an array held by one name (set by
# set_resize_baseline from minind/__init__.py).
cdef Py_ssize_t _resize_baseline = 2


def set_resize_baseline(Py_ssize_t references):
    global _resize_baseline
    _resize_baseline = references


cdef bint _resize_refcheck(dict kwargs) except -1:
    """``refcheck=`` read as NumPy reads it (an integer; no other
    keyword)."""
    if len(kwargs) > 1:
        raise TypeError("function takes at most 1 keyword argument "
                        f"({len(kwargs)} given)")
    for name in kwargs:
        if name != "refcheck":
            raise TypeError(f"'{name}' is an invalid keyword argument for "
                            "this function")
    return operator.index(kwargs.get("refcheck", True)) != 0


cdef object resize_array(MiniArray a, tuple args, bint refcheck,
                         bint referenced):
    """``a.resize(new_shape)``: NumPy's ``PyArray_Resize`` (shape.c).

    The same number of bytes is a new shape with fresh contiguous strides
    (F for an array that is F- and not C-contiguous, as NumPy's
    ``_array_fill_strides``), allowed for any contiguous array, view or
    not.  Another number reallocates the buffer, so the array must own
    it (OWNDATA), have no base and no weak reference, and with
    ``refcheck`` no references beyond the caller's (``referenced``).  The
    elements keep their C-order bytes; new bytes are zeros (NumPy leaves
    them unwritten in a read-only array; minind zeroes them always).

    NumPy trusts ``refcheck=False``; minind cannot: a view or an export
    (buffer, DLPack) of the owner would be left pointing at freed memory.
    So the memory's users are counted (``_views``, ``_exports``) and any
    of them refuses, refcheck or not.
    """
    cdef Py_ssize_t shape[MAX_NDIM]
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef Py_ssize_t size = 1, new_nbytes, old_nbytes
    cdef Py_ssize_t itemsize = a.dtype.itemsize
    cdef int ndim, axis
    cdef char* data
    cdef Py_ssize_t* dims
    if not args or (len(args) == 1 and args[0] is None):
        return None                              # a.resize(): no change
    new_shape = args[0] if len(args) == 1 else args
    if isinstance(new_shape, str):
        raise TypeError("'str' object cannot be interpreted as an integer")
    ndim = shape_from_object(new_shape, shape, True)
    if not a._flags & (FLAG_C_CONTIGUOUS | FLAG_F_CONTIGUOUS):
        raise ValueError("resize only works on single-segment arrays")
    for axis in range(ndim):
        if shape[axis] < 0:
            raise ValueError("negative dimensions not allowed")
    for axis in range(ndim):
        if __builtin_mul_overflow(size, shape[axis], &size):
            raise MemoryError()
    if __builtin_mul_overflow(size, itemsize, &new_nbytes):
        raise MemoryError()
    old_nbytes = a.size * itemsize
    if new_nbytes != old_nbytes:
        if not a._flags & FLAG_OWNDATA:
            raise ValueError("cannot resize this array: it does not own "
                             "its data")
        if referenced or a.base is not None or weakref.getweakrefcount(a):
            raise ValueError(_REFERENCED)
        if a._exports:
            raise BufferError(
                "cannot resize an array whose memory is exported (a "
                "buffer or DLPack capsule of it is alive)")
        if a._views:
            raise ValueError(
                "cannot resize an array that is referenced by a view of "
                "it (the view would point at freed memory), even with "
                "refcheck=False.\nUse the np.resize function to get a new "
                "resized copy")
    fill_contiguous_strides(ndim, shape, itemsize,
                            a._flags & FLAG_F_CONTIGUOUS and not
                            a._flags & FLAG_C_CONTIGUOUS, strides)
    checked_size(ndim, shape, itemsize)
    if new_nbytes == old_nbytes:
        a._replace_dims(ndim, shape, strides)    # fails changing nothing
        return None
    # The memory and the dims that describe it must change together: a
    # failure in between would leave dims reaching past a smaller buffer.
    # So everything that can fail comes first (the dims block of a large
    # ndim, the realloc), and the rest cannot.
    dims = a._inline_dims
    if ndim > INLINE_NDIM:
        dims = <Py_ssize_t*>PyMem_Malloc(2 * ndim * sizeof(Py_ssize_t))
        if dims == NULL:
            raise MemoryError()
    data = <char*>realloc(a._data, new_nbytes if new_nbytes else 1)
    if data == NULL:
        if dims != a._inline_dims:
            PyMem_Free(dims)
        raise MemoryError("cannot allocate memory for array")
    PyTraceMalloc_Untrack(_TRACE_DOMAIN, <uintptr_t>a._data)
    PyTraceMalloc_Track(_TRACE_DOMAIN, <uintptr_t>data,
                        new_nbytes if new_nbytes else 1)
    if new_nbytes > old_nbytes:
        memset(data + old_nbytes, 0, new_nbytes - old_nbytes)
    a._data = data
    if a._dims != a._inline_dims:
        PyMem_Free(a._dims)
    for axis in range(ndim):
        dims[axis] = shape[axis]
        dims[ndim + axis] = strides[axis]
    a._dims = dims
    a.ndim = ndim
    a._shape = dims
    a._strides = dims + ndim
    a.size = size
    a._update_flags()
    return None


# ---------------------------------------------------------------------------
# Helper objects: flags and ctypes
# ---------------------------------------------------------------------------

_FLAG_KEYS = {
    "C_CONTIGUOUS": FLAG_C_CONTIGUOUS, "C": FLAG_C_CONTIGUOUS,
    "CONTIGUOUS": FLAG_C_CONTIGUOUS,
    "F_CONTIGUOUS": FLAG_F_CONTIGUOUS, "F": FLAG_F_CONTIGUOUS,
    "FORTRAN": FLAG_F_CONTIGUOUS,
    "OWNDATA": FLAG_OWNDATA, "O": FLAG_OWNDATA,
    "WRITEABLE": FLAG_WRITEABLE, "W": FLAG_WRITEABLE,
    "ALIGNED": FLAG_ALIGNED, "A": FLAG_ALIGNED,
    "WRITEBACKIFCOPY": 0, "X": 0,
}


@cython.no_gc
cdef class Flags:
    """``a.flags``: NumPy's flags object for a MiniArray.

    Read by key (``flags["C_CONTIGUOUS"]``, short forms ``"C"``, ``"F"``,
    ``"O"``, ``"W"``, ``"A"``, ...) or attribute (``flags.writeable``).
    Only WRITEABLE (and ALIGNED/WRITEBACKIFCOPY, to their only legal
    values) may be set.  Unlike NumPy's, it reads the array live rather
    than a snapshot taken when ``a.flags`` was evaluated.
    """
    cdef MiniArray _array

    def __cinit__(self, MiniArray array):
        self._array = array

    def __getitem__(self, key):
        cdef int bit
        if isinstance(key, bytes):
            key = key.decode("ascii", "replace")
        try:
            bit = _FLAG_KEYS[key]
        except (KeyError, TypeError):
            combined = _COMBINED_FLAGS.get(key) if isinstance(key, str) else None
            if combined is None:
                raise KeyError("Unknown flag") from None
            return combined(self)
        if bit == FLAG_WRITEABLE:
            return self.writeable        # (which may warn, as NumPy's)
        return (self._array._flags & bit) != 0

    def __setitem__(self, key, value):
        if isinstance(key, bytes):
            key = key.decode("ascii", "replace")
        if key in ("WRITEABLE", "W"):
            self.writeable = value
        elif key in ("ALIGNED", "A"):
            self.aligned = value
        elif key in ("WRITEBACKIFCOPY", "X"):
            self.writebackifcopy = value
        else:
            raise KeyError("Unknown flag")

    @property
    def c_contiguous(self):
        return bool(self._array._flags & FLAG_C_CONTIGUOUS)

    @property
    def f_contiguous(self):
        return bool(self._array._flags & FLAG_F_CONTIGUOUS)

    @property
    def contiguous(self):
        return self.c_contiguous

    @property
    def fortran(self):
        return self.f_contiguous

    @property
    def owndata(self):
        return bool(self._array._flags & FLAG_OWNDATA)

    @property
    def aligned(self):
        return bool(self._array._flags & FLAG_ALIGNED)

    @aligned.setter
    def aligned(self, value):
        cdef MiniArray array = self._array
        if not value:
            # Clearing ALIGNED only makes NumPy take slower paths; minind
            # has one path, so here the flag is only a record.
            array._flags &= ~FLAG_ALIGNED
            return
        # The data decides, not the flag: a cleared flag of aligned data
        # may be set again (NumPy's ``IsAligned``).
        if not is_aligned(array._data, array.ndim, array._shape,
                          array._strides, array.dtype.itemsize):
            raise ValueError("cannot set aligned flag of mis-aligned "
                             "array to True")
        array._flags |= FLAG_ALIGNED

    @aligned.deleter
    def aligned(self):
        raise AttributeError("Cannot delete flags aligned attribute")

    @property
    def writebackifcopy(self):
        return False

    @writebackifcopy.setter
    def writebackifcopy(self, value):
        if value:
            raise ValueError("cannot set WRITEBACKIFCOPY flag to True")

    @writebackifcopy.deleter
    def writebackifcopy(self):
        raise AttributeError("Cannot delete flags writebackifcopy attribute")

    @property
    def writeable(self):
        if self._array._flags & FLAG_WARN_ON_WRITE:
            warnings.warn(
                "future versions will not create a writeable array from "
                "broadcast_array. Set the writable flag explicitly to avoid "
                "this warning.", FutureWarning, stacklevel=1)
        return bool(self._array._flags & FLAG_WRITEABLE)

    @writeable.setter
    def writeable(self, value):
        """Clearing is always allowed.  Setting is allowed only when the
        memory is writable where it comes from: the array owns it, or its
        owner array is writeable, or the imported buffer is writable.
        NumPy: ``_IsWriteable`` (arrayobject.c)."""
        cdef MiniArray array = self._array
        if not value:
            array._flags &= ~(FLAG_WRITEABLE | FLAG_WARN_ON_WRITE)
            return
        if not _memory_is_writable(array):
            raise ValueError("cannot set WRITEABLE flag to True of this "
                             "array")
        array._flags = (array._flags | FLAG_WRITEABLE) & ~FLAG_WARN_ON_WRITE

    @writeable.deleter
    def writeable(self):
        raise AttributeError("Cannot delete flags writeable attribute")

    @property
    def fnc(self):
        return self.f_contiguous and not self.c_contiguous

    @property
    def forc(self):
        return self.f_contiguous or self.c_contiguous

    @property
    def behaved(self):
        return self.aligned and self.writeable

    @property
    def carray(self):
        return self.behaved and self.c_contiguous

    @property
    def farray(self):
        # NumPy's own definition tests whether ANY of ALIGNED, WRITEABLE,
        # F_CONTIGUOUS is set (not all), and the array is not C-contiguous.
        return ((self.aligned or self.writeable or self.f_contiguous)
                and not self.c_contiguous)

    @property
    def num(self):
        return self._array._flags

    def __eq__(self, other):
        if isinstance(other, Flags):
            return self._array._flags == (<Flags>other)._array._flags
        return NotImplemented

    def __repr__(self):
        names = ("C_CONTIGUOUS", "F_CONTIGUOUS", "OWNDATA", "WRITEABLE",
                 "ALIGNED", "WRITEBACKIFCOPY")
        lines = []
        for name in names:
            # (the bit itself: printing the flags does not warn)
            value = bool(self._array._flags & _FLAG_KEYS[name]) if (
                name in _FLAG_KEYS) else self[name]
            line = f"  {name} : {value}"
            if (name == "WRITEABLE"
                    and self._array._flags & FLAG_WARN_ON_WRITE):
                line += "  (with WARN_ON_WRITE=True)"
            lines.append(line)
        return "\n".join(lines) + "\n"


_COMBINED_FLAGS = {
    "FNC": Flags.fnc.__get__, "FORC": Flags.forc.__get__,
    "BEHAVED": Flags.behaved.__get__, "B": Flags.behaved.__get__,
    "CARRAY": Flags.carray.__get__, "CA": Flags.carray.__get__,
    "FARRAY": Flags.farray.__get__, "FA": Flags.farray.__get__,
}


cdef class AsStridedBase:
    """The ``base`` of every ``as_strided`` view: a stand-in for the
    memory of the array it was made from (``.base``), as NumPy's
    ``DummyArray`` in stride_tricks is.

    It exists for one rule.  WRITEABLE may be set back to True only if
    the memory is known to be writable (``_memory_is_writable``), and the
    base chain of an ``as_strided`` view ends here, at an object that is
    neither an array nor a buffer.  So a read-only ``as_strided`` view (a
    ``sliding_window_view``, whose windows overlap) stays read-only, as in
    NumPy: writes through overlapping or repeated elements are an easy way
    to corrupt data.  Views of the view stop here too instead of
    collapsing onto the original array (``make_view``'s rule).
    """

    def __cinit__(self, MiniArray base):
        self.base = base

    def __repr__(self):
        return f"<minind as_strided base over an array of shape " \
               f"{self.base.shape}>"


cdef class BufferArray(MiniArray):
    """A MiniArray over an imported buffer whose ``base`` is the exporter
    (``mi.memmap``'s is its ``mmap``, as in NumPy) rather than the
    memoryview that holds the export; that memoryview is kept here."""


cdef int require_writeable(MiniArray array, str message) except -1:
    """Every write into an array's memory passes here first (NumPy's
    ``PyArray_FailUnlessWriteable``): assignment, ``fill``, ``out=`` of
    ufuncs, reductions and matmul, in-place sorts, ``put``, a writable
    buffer export.  A read-only array refuses with ``message``, in the
    words NumPy uses for that caller.

    A view ``broadcast_arrays`` stretched is writeable for backward
    compatibility, but several of its elements share memory, so a write
    is probably a mistake: the first one warns, as NumPy's does, and
    then the array (and the bases it was cut from) is an ordinary
    writeable array.  Setting ``flags.writeable`` either way also ends
    the warning."""
    if not array._flags & FLAG_WRITEABLE:
        raise ValueError(message)
    if array._flags & FLAG_WARN_ON_WRITE:
        warnings.warn(
            "Numpy has detected that you (may be) writing to an array with"
            "\noverlapping memory from np.broadcast_arrays. If this is "
            "intentional\nset the WRITEABLE flag True or make a copy "
            "immediately before writing.", DeprecationWarning, stacklevel=1)
        link = array
        while isinstance(link, MiniArray):
            (<MiniArray>link)._flags &= ~FLAG_WARN_ON_WRITE
            link = (<MiniArray>link).base
    return 0


cdef object imported_view(MiniArray owner):
    if isinstance(owner, BufferArray):
        return (<BufferArray>owner).export
    if isinstance(owner.base, memoryview):
        return owner.base
    return None


cpdef MiniArray memory_owner(MiniArray array):
    """The array at the bottom of ``array``'s base chain: the owner of its
    memory (OWNDATA), or the array that imported it (whose base is a
    memoryview).  An ``AsStridedBase`` is looked through to the array it
    stands for.  ``memory_bounds`` (as_strided's bounds) and ``mi.show``
    ask this; ``_memory_is_writable`` walks the same chain but stops
    early, by NumPy's rule for the WRITEABLE flag.
    """
    cdef object base
    while not array._flags & FLAG_OWNDATA and array.base is not None:
        base = array.base
        if isinstance(base, AsStridedBase):
            base = (<AsStridedBase>base).base
        if not isinstance(base, MiniArray):
            break
        array = base
    return array


cdef bint _memory_is_writable(MiniArray array):
    """May WRITEABLE be set on ``array``?  NumPy's ``_IsWriteable``: an
    owner may; otherwise walk the base chain: any writeable array on the
    way says yes, an owner that is not says no, and a buffer at the end
    says whether it is writable."""
    cdef MiniArray link = array
    if array.base is None or array._flags & FLAG_OWNDATA:
        return True
    while isinstance(link.base, MiniArray):
        link = link.base
        if link._flags & FLAG_WRITEABLE:
            return True
        if link.base is None or link._flags & FLAG_OWNDATA:
            return False
    view = imported_view(link)
    if view is not None:
        # NumPy asks the buffer for a writable *simple* (C-contiguous) view.
        return not view.readonly and view.c_contiguous
    return False


class _CtypesView:
    """``a.ctypes``: the array's address and layout for ctypes code.

    ``data`` is the address as an int; ``data_as(T)`` casts it to the
    ctypes pointer type T and keeps the array alive as long as that
    pointer lives (NumPy's ``_ctypes`` does the same).
    """

    def __init__(self, array):
        self._array = array
        self._address = array.__array_interface__["data"][0]

    @property
    def data(self):
        return self._address

    def data_as(self, obj):
        import ctypes
        pointer = ctypes.cast(self._address, obj)
        pointer._array = self._array
        return pointer

    def shape_as(self, obj):
        return (obj * self._array.ndim)(*self._array.shape)

    def strides_as(self, obj):
        return (obj * self._array.ndim)(*self._array.strides)

    @property
    def shape(self):
        """The shape as a ctypes array (None for a 0-d array, as NumPy)."""
        import ctypes
        return self.shape_as(ctypes.c_ssize_t) if self._array.ndim else None

    @property
    def strides(self):
        import ctypes
        return (self.strides_as(ctypes.c_ssize_t) if self._array.ndim
                else None)

    @property
    def _as_parameter_(self):
        import ctypes
        return ctypes.c_void_p(self._address)
