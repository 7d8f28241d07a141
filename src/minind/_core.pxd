# The array type: one block of memory, described by dtype, shape, strides.
from minind._dtype cimport Descr
from minind._layout cimport MAX_NDIM


cdef enum:
    INLINE_NDIM = 4


cdef struct IndexResult:
    # What a basic index selects: a byte offset from the array's data, and
    # the shape and strides of the view (or is_scalar: one element).
    Py_ssize_t offset
    int ndim
    bint is_scalar
    Py_ssize_t shape[MAX_NDIM]
    Py_ssize_t strides[MAX_NDIM]


cdef class MiniArray:
    # Address of the first element (not necessarily the start of the
    # owner's buffer: a view's data points somewhere inside it).
    cdef char* _data
    # shape and strides (in bytes) live in one block of 2 * ndim
    # Py_ssize_t: _shape = _dims, _strides = _dims + ndim.  Arrays of up to
    # INLINE_NDIM axes keep that block inside the object (no malloc per
    # view); larger ones allocate it.
    cdef Py_ssize_t* _dims
    cdef Py_ssize_t _inline_dims[2 * INLINE_NDIM]
    cdef Py_ssize_t* _shape
    cdef Py_ssize_t* _strides
    cdef readonly int ndim
    cdef readonly Py_ssize_t size
    cdef readonly Descr dtype
    # FLAG_* bits from _layout (NumPy's values).
    cdef int _flags
    # None for an owner; otherwise the object that keeps the memory alive:
    # the owning MiniArray for views, a memoryview for imported buffers,
    # an AsStridedBase (_manipulation) for as_strided views.
    cdef readonly object base
    cdef object __weakref__
    # Who else points into this array's memory, for ``resize`` (which
    # must not free memory in use, whatever ``refcheck`` says): views
    # whose base is this owner (counted by make_view, uncounted when the
    # view dies), and live buffer or DLPack exports of this array.
    cdef Py_ssize_t _views
    cdef Py_ssize_t _exports
    # The owner whose _views this view counts in (None: not counted).
    cdef MiniArray _viewed

    cdef int _set_dims(self, int ndim, const Py_ssize_t* shape,
                       const Py_ssize_t* strides) except -1
    cdef void _update_flags(self) noexcept
    cdef int _replace_dims(self, int ndim, const Py_ssize_t* shape,
                           const Py_ssize_t* strides) except -1
    cdef _adopt(self, MiniArray source)
    cdef char* _item_pointer(self, object key) except NULL


# An array over an imported buffer whose base is the exporter itself, as
# NumPy's memmap.base is its mmap: it holds the buffer export (a
# memoryview) in ``export``, so the memory cannot go while it lives.
cdef class BufferArray(MiniArray):
    cdef readonly object export


# The base of an as_strided view: stands for the array it was made from.
cdef class AsStridedBase:
    cdef readonly MiniArray base


# Each prototype: what it does, and what the caller must guarantee.

# The one check before anything writes into array's memory: ValueError
# with ``message`` if it is read-only; the broadcast_arrays warning, once,
# if it is flagged WARN_ON_WRITE.
cdef int require_writeable(MiniArray array, str message) except -1

# The owner (OWNDATA) or importing array at the bottom of a base chain.
cpdef MiniArray memory_owner(MiniArray array)
# The memoryview that holds the memory an importing array (an answer of
# memory_owner) views, or None (an owner; a DLPack import).
cdef object imported_view(MiniArray owner)
# A fresh owner; shape lengths >= 0 (the size is overflow-checked here).
cdef MiniArray new_array(Descr dtype, int ndim, const Py_ssize_t* shape,
                         bint fortran, bint zeroed)
# A fresh owner laid out like prototype; order already one of C/F/A/K.
cdef MiniArray new_array_like(MiniArray prototype, Descr dtype, str order,
                              int ndim=*, const Py_ssize_t* shape=*)
# A view; the caller guarantees offset/shape/strides stay in parent's memory.
cdef MiniArray make_view(MiniArray parent, Py_ssize_t offset, int ndim,
                         const Py_ssize_t* shape, const Py_ssize_t* strides)
# Any buffer exporter as an array over its memory (formats checked here).
cdef MiniArray wrap_buffer(object exporter, bint writable)
cdef MiniArray wrap_buffer_items(object exporter, Descr dtype,
                                 Py_ssize_t count, Py_ssize_t offset)
# NumPy's ValueError for a broken __array_struct__/__array_interface__.
cdef MiniArray array_from_protocols(object obj)
# A minind scalar (mi.float32(1)) as a new 0-d array of its dtype.
cdef MiniArray scalar_array(object scalar)
# dst[...] = src with casting; shapes must be equal (raises otherwise).
cdef int copy_into(MiniArray dst, MiniArray src) except -1
# Whether the byte spans of two arrays intersect (conservative).
cdef bint spans_overlap(MiniArray a, MiniArray b)
# A fresh owner with src's values; order already one of C/F/A/K.
cdef MiniArray copy_array(MiniArray src, Descr dtype, str order)
# The order argument as one letter of ``allowed`` (NumPy's errors).
cdef str check_order(object order, str allowed)
# Parse a basic index into out (any Python object: validated here);
# returns ADVANCED, out unset, if the key needs advanced indexing.
cdef enum:
    ADVANCED = 1
cdef int apply_index(MiniArray a, object key, IndexResult* out) except -1
# An index's items: a tuple's (or a tuple subclass's), else (key,).
cdef tuple index_items(object key)
# One index item as an integer (NumPy's IndexError/OverflowError).
cdef Py_ssize_t as_index(object key) except? -1
# Whether NumPy reads obj as a level of nesting (array(obj), a[...] = obj).
cdef bint is_nested_sequence(object obj)
# value converted for target[...] = value (target of dtype, ndim): an
# array to broadcast, or None for a scalar (converted once by set_item).
cdef MiniArray value_source(Descr dtype, int ndim, object value)
# target[...] = value, broadcasting; target must be writeable.
cdef int assign(MiniArray target, object value) except -1
cdef str shape_text(tuple shape)
# Whether obj is a NumPy array (an ndarray or a subclass; not a NumPy
# scalar), known by its type's name: the core never imports NumPy.
cdef bint is_numpy_array(object obj)
# The out= of a one-output ufunc-like call: None or an array (a 1-tuple
# is unwrapped); NumPy's TypeError/ValueError otherwise.
cdef MiniArray single_output(object out)
# copyto's and the ufuncs' where=: a bool array ('safe' from an array).
cdef MiniArray where_mask(object where)
# a's axes in its K memory order into perm[a.ndim] (see _loops.axis_order).
cdef void memory_order(MiniArray a, bint every_axis_votes, int* perm)
# "A"/"K" made concrete for prototype: "C", "F" or "K".
cdef str resolve_order(MiniArray prototype, str order)
# An axis argument as 0..ndim-1 (AxisError otherwise).
cdef int normalize_axis(object axis, int ndim, str prefix=*) except -1
# An integer argument as NumPy parses a C int (its errors for a float, a
# non-integer, or what does not fit).
cdef object c_int_argument(object item)
cdef list normalize_axis_tuple(object axis, int ndim, str prefix=*,
                               str repeated=*, bint bounds_first=*,
                               bint iterate=*)
# A permutation of range(ndim) into perm[ndim] (ValueError otherwise).
cdef int permutation_from(object axes, int ndim, int* perm) except -1
# a.reshape(shape): a view when NumPy's rule allows, else a copy.
# copy= as NumPy reads it: None, True or False (ValueError for a string).
cdef object copy_mode(object copy)
cdef MiniArray reshape_array(MiniArray a, object shape, object order,
                             object copy)
# order is one of C/F/A/K (check_order first).
cdef MiniArray ravel_array(MiniArray a, str order)
cdef MiniArray flatten_array(MiniArray a, str order)
# a.resize(*args): NumPy's checks, then the owner's buffer reallocated
# (the new bytes zeroed); ``referenced``: the caller saw more references
# than NumPy allows (refcheck).
cdef object resize_array(MiniArray a, tuple args, bint refcheck,
                         bint referenced)
