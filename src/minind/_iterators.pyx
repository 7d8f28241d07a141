# cython: boundscheck=False, wraparound=False, cdivision=True
"""Iterators over arrays: ``a.flat`` and ``mi.broadcast``.

NumPy's counterpart is ``iterators.c``: ``PyArrayIterObject`` (the
``flatiter`` type of ``a.flat``) and ``PyArrayMultiIterObject`` (the
``broadcast`` type), both built on a C-order position and its coordinates.

A flat iterator is a position in the C order of an array, whatever the
array's memory order: ``a.flat[k]`` is the element ``a.ravel()[k]`` would
hold, read in place.  Indexing it for more than one element answers with
a copy (NumPy's rule: the elements of a transposed or sliced array are
not evenly spaced in memory in C order, so no view could describe them);
only the conversion ``asarray(a.flat)`` of a C-contiguous array is a
view.

Unlike NumPy's, which caches the array's data pointer, a flatiter here
reads the array's address, shape and strides afresh at every step: an
array it walks may be resized under it (``a.resize(..., refcheck=False)``)
and it must then read the new memory, never the freed one.
"""
from cpython.long cimport PyLong_CheckExact
from cpython.number cimport PyIndex_Check
from cpython.float cimport PyFloat_Check
from cpython.bool cimport PyBool_Check
from cpython.slice cimport PySlice_Check, PySlice_Unpack, PySlice_AdjustIndices
from libc.stdint cimport int64_t

from minind._core cimport (MiniArray, require_writeable, make_view,
                           flatten_array, copy_array)
from minind._dtype cimport as_dtype, set_item, T_BOOL
from minind._layout cimport (MAX_NDIM, FLAG_C_CONTIGUOUS, FLAG_WRITEABLE,
                             broadcast_strides)
from minind._scalar cimport get_scalar, generic

cdef extern from *:
    """
    /* Fill ``view`` with ``exporter``'s buffer: view->obj becomes the
       exporter (the reference PyObject_GetBuffer took), so the consumer's
       PyBuffer_Release reaches the exporter's releasebuffer.  The
       placeholder Cython put in view->obj is dropped. */
    static int minind_delegate_buffer(PyObject *exporter, Py_buffer *view,
                                      int flags) {
        Py_buffer filled;
        PyObject *placeholder = view->obj;
        if (PyObject_GetBuffer(exporter, &filled, flags) < 0) {
            return -1;
        }
        *view = filled;
        Py_XDECREF(placeholder);
        return 0;
    }
    """
    int delegate_buffer "minind_delegate_buffer"(
        object exporter, Py_buffer* view, int flags) except -1

cimport cython

import operator
import warnings

from minind._creation import asarray, arange
from minind._manipulation import broadcast_shapes
from minind._indexing import take, put, flatnonzero


# ---------------------------------------------------------------------------
# flatiter: a C-order position in one array
# ---------------------------------------------------------------------------

cdef str _NOT_AN_INDEX = (
    "only integers, slices (`:`), ellipsis (`...`) and integer or boolean "
    "arrays are valid indices")


cdef class flatiter:
    """``a.flat``: the array seen as 1-d in C order, read and written in
    place (NumPy's ``flatiter``, ``iterators.c``).

    ``f[k]`` is a scalar; a slice, ``...``, an integer array (any shape:
    the result has its shape) or a 1-d boolean mask give a copy.
    ``f[key] = value`` writes ``value``'s items into the picked positions,
    repeating them if there are fewer (``a.flat[[0, 1, 2]] = [7]``).
    Iterating yields the elements in C order; ``index`` is the next
    position, ``coords`` its index tuple; ``base`` the array.
    """

    cdef MiniArray _walked             # the array whose elements it reads
    cdef object _base                  # what .base reports (see broadcast)
    cdef Py_ssize_t _index
    # NumPy's ``contiguous``: a C-contiguous array walked as it is (not
    # stretched by broadcast); only the coordinates past the end show it.
    cdef bint _contiguous

    def __init__(self):
        raise TypeError("cannot create 'minind.flatiter' instances")

    @property
    def base(self):
        """The array iterated over."""
        return self._base

    @property
    def index(self):
        """The C-order position of the next element ``next()`` returns."""
        return self._index

    @property
    def coords(self):
        """The index tuple of position ``index`` (NumPy's; an iterator of
        ``broadcast`` reports the first ``base.ndim`` of its broadcast
        coordinates, as NumPy's does)."""
        cdef MiniArray walked = self._walked
        cdef Py_ssize_t position = self._index, length
        cdef int axis
        coords = [0] * walked.ndim
        if position >= walked.size > 0 and not self._contiguous:
            # Past the end, NumPy's odometer (ITER_NEXT) has carried into
            # the first axis on 1 and 2 axes, and wrapped around on more.
            if walked.ndim <= 2:
                coords[0] = walked._shape[0]
        else:
            # Below the end, or a contiguous iterator, which counts from
            # the index alone: the first axis is never wrapped.
            for axis in range(walked.ndim - 1, 0, -1):
                length = walked._shape[axis]
                if length:
                    coords[axis] = position % length
                    position //= length
            if walked.ndim and walked.size:
                coords[0] = position
        ndim = self._base.ndim if isinstance(self._base, MiniArray) \
            else walked.ndim
        return tuple(coords[:ndim])

    def __len__(self):
        return self._walked.size

    def __iter__(self):
        return self

    def __next__(self):
        if self._index >= self._walked.size:
            raise StopIteration
        value = get_scalar(self._walked.dtype, _address(self._walked,
                                                        self._index))
        self._index += 1
        return value

    def copy(self, /):
        """The array's elements as a new 1-d array in C order (NumPy's
        flatiter.copy: the array flattened; for an iterator of
        ``broadcast``, the array it was given, not stretched)."""
        return flatten_array(self._base, "C")

    def __array__(self, dtype=None, /, *, copy=None):
        """``mi.asarray(a.flat)``: NumPy's ``iter_array``.  The array's
        elements (for an iterator of ``broadcast``, the array it was
        given, not stretched) as a 1-d view if it is C-contiguous (its
        base the owner, WRITEABLE inherited), else as a C-order copy,
        which NumPy makes read-only.  ``copy=`` is not looked at, as in
        NumPy."""
        cdef MiniArray array = self._base, result
        cdef Py_ssize_t length = array.size
        cdef Py_ssize_t stride = array.dtype.itemsize
        if array._flags & FLAG_C_CONTIGUOUS:
            result = make_view(array, 0, 1, &length, &stride)
        else:
            result = flatten_array(array, "C")
            result._flags &= ~FLAG_WRITEABLE
        return result if dtype is None else result.astype(dtype)

    def __richcmp__(self, other, int op):
        """``a.flat == x``: NumPy compares the elements, in C order, as
        the 1-d array ``__array__`` gives."""
        return _COMPARISONS[op](self.__array__(), other)

    def __getbuffer__(self, Py_buffer* view, int flags):
        """NumPy converts through the buffer protocol (it insists that
        ``__array__`` return one of its own arrays): the export is the
        buffer of ``__array__``'s answer, which it keeps alive (view.obj)
        and which releases it."""
        delegate_buffer(self.__array__(), view, flags)

    def __getitem__(self, key):
        cdef MiniArray walked = self._walked
        self._index = 0            # NumPy resets the iterator, error or not
        picked = _picked(key, walked.size, False)
        if picked is None:                       # everything
            return flatten_array(walked, "C")
        if isinstance(picked, MiniArray):
            return take(walked, picked)
        return get_scalar(walked.dtype, _address(walked, picked))

    def __setitem__(self, key, value):
        cdef MiniArray walked = self._walked
        self._index = 0
        require_writeable(walked, "underlying array is read-only")
        picked = _picked(key, walked.size, True)
        if picked is None:
            picked = arange(walked.size)
        elif not isinstance(picked, MiniArray):
            # One element takes one value, a scalar or a 0-d array.
            # NumPy reports any failure to convert it in one message.
            if walked.dtype.type_index == T_BOOL and not isinstance(
                    value, (int, float, generic, MiniArray)) and not (
                    hasattr(value, "__array_interface__")):
                value = bool(value)    # NumPy: any object's truth ([] too)
            try:
                if isinstance(value, (int, float, generic)):
                    set_item(walked.dtype, _address(walked, picked), value)
                    return
                value = asarray(value)
            except Exception:             # noqa: NumPy's word for all
                raise ValueError("Error setting single item of array.") \
                    from None
            if (<MiniArray>value).ndim != 0:
                raise ValueError("Error setting single item of array.")
            put(walked, picked, value)
            return
        # As NumPy: no value, nothing to write, and no bounds to check.
        value = asarray(value, dtype=walked.dtype)
        if (<MiniArray>value).size == 0:
            return
        _check_positions(picked, walked.size)
        put(walked, picked, value)


# Indexed by Python's rich-comparison codes (Py_LT ... Py_GE).
cdef tuple _COMPARISONS = (operator.lt, operator.le, operator.eq,
                           operator.ne, operator.gt, operator.ge)


cdef flatiter new_flatiter(MiniArray walked, object base,
                           bint contiguous):
    cdef flatiter result = flatiter.__new__(flatiter)
    result._walked = walked
    result._base = base
    result._index = 0
    result._contiguous = contiguous
    return result


cdef int _legacy_ndim(MiniArray array) except -1:
    """NumPy's flat iterator, on which ``np.broadcast`` is built too,
    keeps at most 32 axes (its C struct holds arrays of that size,
    NPY_MAXDIMS_LEGACY_ITERS), though arrays may have 64; minind refuses
    the same arrays with the same error, so that code fails alike."""
    if array.ndim > 32:
        raise RuntimeError("this function only supports up to 32 dimensions "
                           f"but the array has {array.ndim}.")
    return 0


def flat(MiniArray array):
    """``a.flat`` (registered on the array type by minind/__init__.py)."""
    _legacy_ndim(array)
    return new_flatiter(array, array, array._flags & FLAG_C_CONTIGUOUS)


def assign_flat(MiniArray array, value):
    """``a.flat = value``: every element, ``value`` repeated as needed."""
    require_writeable(array, "array is read-only")
    flat(array)[...] = value


cdef char* _address(MiniArray array, Py_ssize_t position) noexcept:
    """The element at C-order ``position`` (0 <= position < size)."""
    cdef char* ptr = array._data
    cdef int axis
    cdef Py_ssize_t length
    for axis in range(array.ndim - 1, -1, -1):
        length = array._shape[axis]
        ptr += (position % length) * array._strides[axis]
        position //= length
    return ptr


cdef str _ZERO_D_BOOL = (
    "Indexing flat iterators with a 0-dimensional boolean index is "
    "deprecated and may be removed in a future version. (Deprecated NumPy "
    "2.4)")
cdef str _NOT_ARRAY = (
    "Invalid non-array indices for iterator objects are deprecated and "
    "will be removed in a future version. (Deprecated NumPy 2.4)")


cdef object _picked(object key, Py_ssize_t size, bint setting):
    """What a key picks, in NumPy's rules for flat iterators
    (``iter_subscript`` and ``iter_ass_subscript`` in iterators.c): None
    for every element, a Python int for one position (0 <= it < size),
    or a C-contiguous int64 array of positions with the index's shape
    (bounds-checked in NumPy's words and made positive; for ``setting``
    the caller does that, once it knows there is a value to write).

    A tuple holds at most one item (``()`` and ``(...,)`` are everything
    when read; NumPy refuses to assign through them).  Lists are
    converted to integers, with NumPy's deprecation warning for floats; a
    boolean list is refused but a boolean array is a mask of the
    iterator's length.  A 0-d boolean (``True``) picks position 0,
    ``False`` nothing, as NumPy 2.4 still does with a warning.
    """
    cdef Py_ssize_t start, stop, step, length
    cdef MiniArray index
    if type(key) is tuple:
        if len(key) == 0:
            if setting:
                raise IndexError("Assigning to a flat iterator with a 0-D "
                                 "index is not supported")
            return None
        if len(key) > 1:
            raise IndexError(
                "too many indices for flat iterator: flat iterator is "
                f"1-dimensional, but {len(key)} were indexed")
        key = key[0]
        if key is Ellipsis and setting:        # NumPy reads it as 0-d too
            raise IndexError("Assigning to a flat iterator with a 0-D "
                             "index is not supported")
    if PyLong_CheckExact(key) or (
            PyIndex_Check(key) and not PyBool_Check(key)
            and not isinstance(key, MiniArray)
            and getattr(key, "ndim", 0) == 0):
        # (Too large for a Py_ssize_t: OverflowError, NumPy's class here.)
        return _position(operator.index(key), size)
    if key is Ellipsis:
        return None
    if PySlice_Check(key):
        PySlice_Unpack(key, &start, &stop, &step)
        length = PySlice_AdjustIndices(size, &start, &stop, step)
        return arange(start, start + length * step, step)[:length]
    if PyFloat_Check(key):
        warnings.warn(_NOT_ARRAY, DeprecationWarning, stacklevel=3)
        return _position(int(key), size)
    if key is None or isinstance(key, (str, bytes)):
        raise IndexError(_NOT_AN_INDEX)
    try:
        index = asarray(key)
    except (TypeError, ValueError):
        raise IndexError(_NOT_AN_INDEX) from None
    if index.dtype.type_index == T_BOOL:
        if index.ndim == 0:
            warnings.warn(_ZERO_D_BOOL, DeprecationWarning, stacklevel=3)
            if index.item():
                return _position(0, size)
            return arange(0)
        if isinstance(key, (list, tuple)):
            raise IndexError(
                "boolean indices for iterators are not supported because "
                "of previous behavior that was confusing (valid boolean "
                "indices are expected to work in the future)")
        if index.ndim != 1:
            raise IndexError(
                "too many indices for flat iterator: flat iterator is "
                f"1-dimensional, but {index.ndim} were indexed")
        if index.size != size:
            raise IndexError(
                "boolean index did not match indexed flat iterator along "
                f"axis 0; size of axis is {size} but size of corresponding "
                f"boolean axis is {index.size}")
        return flatnonzero(index)
    if index.dtype.kind not in "iu":
        if not isinstance(key, (list, tuple)):
            raise IndexError("arrays used as indices must be of integer "
                             "(or boolean) type")
        if index.size:                 # NumPy casts a list's floats
            warnings.warn(_NOT_ARRAY, DeprecationWarning, stacklevel=3)
    if index.ndim == 0:
        return _position(index.item(), size)
    index = copy_array(index, as_dtype("int64"), "C")
    if not setting:               # (an assignment checks after its value)
        _check_positions(index, size)
    return index


cdef Py_ssize_t _position(Py_ssize_t position, Py_ssize_t size) except -1:
    if position < -size or position >= size:
        raise IndexError(f"index {position} is out of bounds for size "
                         f"{size}")
    return position + size if position < 0 else position


cdef int _check_positions(MiniArray index, Py_ssize_t size) except -1:
    """Bounds-check C-contiguous int64 positions and make them positive;
    the first one out of bounds (in C order) is reported."""
    cdef int64_t* values = <int64_t*>index._data
    cdef Py_ssize_t i
    for i in range(index.size):
        if values[i] < -size or values[i] >= size:
            raise IndexError(f"index {values[i]} is out of bounds for size "
                             f"{size}")
        if values[i] < 0:
            values[i] += size
    return 0


# ---------------------------------------------------------------------------
# broadcast: one position walked in several arrays at once
# ---------------------------------------------------------------------------

# The docstring starts with the signature in CPython's form for builtin
# types ("name(args)\n--\n\n"), so inspect.signature(broadcast) reads
# (*arrays) as NumPy's; Cython's own signature line would hide it.
@cython.embedsignature(False)
cdef class broadcast:
    """broadcast(*arrays)\n--\n\n``mi.broadcast(*arrays)``: the arrays
    broadcast against each other, walked together in C order of the
    common shape (NumPy's ``PyArrayMultiIterObject``).  Iterating yields
    one tuple of scalars per position; ``iters`` are the flat iterators
    of each argument over the broadcast shape (zero-stride views, made by
    ``make_view`` like any other), advanced with it.

    The shape comes from ``broadcast_shapes`` (one rule, one message); an
    argument that is itself a ``broadcast`` contributes its arrays.
    """

    cdef readonly tuple shape
    cdef readonly tuple iters
    cdef readonly Py_ssize_t size
    cdef Py_ssize_t _index

    def __init__(self, *args, **kwargs):
        cdef MiniArray array
        cdef Py_ssize_t shape[MAX_NDIM]
        cdef Py_ssize_t strides[MAX_NDIM]
        cdef int ndim, axis
        if kwargs:
            raise ValueError("keyword arguments not accepted.")
        arrays = []
        for arg in args:
            if isinstance(arg, broadcast):
                arrays.extend([it.base for it in (<broadcast>arg).iters])
            else:
                arrays.append(asarray(arg))
                _legacy_ndim(arrays[len(arrays) - 1])
        if len(arrays) > MAX_NDIM:
            raise ValueError(f"Need at least 0 and at most {MAX_NDIM} "
                             "array objects.")
        self.shape = broadcast_shapes(*[a.shape for a in arrays])
        ndim = len(self.shape)
        self.size = 1
        for axis in range(ndim):
            shape[axis] = self.shape[axis]
            self.size *= shape[axis]
        iters = []
        for array in arrays:
            broadcast_strides(array.ndim, array._shape, array._strides, ndim,
                              shape, strides)
            iters.append(new_flatiter(
                make_view(array, 0, ndim, shape, strides), array,
                array.ndim == ndim and array.shape == self.shape
                and array._flags & FLAG_C_CONTIGUOUS))
        self.iters = tuple(iters)
        self._index = 0

    @property
    def ndim(self):
        return len(self.shape)

    @property
    def nd(self):
        """NumPy's older name for ``ndim``."""
        return len(self.shape)

    @property
    def numiter(self):
        """How many arrays are walked."""
        return len(self.iters)

    @property
    def index(self):
        """The C-order position of the next tuple."""
        return self._index

    def reset(self, /):
        """Back to the first position, the iterators too."""
        self._index = 0
        for it in self.iters:
            (<flatiter>it)._index = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._index >= self.size:
            raise StopIteration
        result = tuple([next(it) for it in self.iters])
        self._index += 1
        return result
