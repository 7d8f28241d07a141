# cython: boundscheck=False, wraparound=False, cdivision=True
"""Creating arrays: from shapes, from Python data, from other arrays.

NumPy counterparts: ``PyArray_Empty``/``PyArray_Zeros`` (ctors.c),
``PyArray_FromAny`` and the array-coercion machinery
(array_coercion.c: shape and dtype discovery of nested sequences), and
``PyArray_ArangeObj`` (ctors.c).
"""
cimport cython
from cpython.buffer cimport PyObject_CheckBuffer
from cpython.bool cimport PyBool_Check
from cpython.float cimport PyFloat_CheckExact
from cpython.long cimport PyLong_CheckExact
from cpython.number cimport PyIndex_Check
from libc.string cimport memcmp
from libc.stdint cimport uint64_t

from minind._core cimport (MiniArray, new_array, new_array_like,
                           make_view, wrap_buffer, wrap_buffer_items,
                           copy_into, copy_array,
                           check_order, assign, array_from_protocols,
                           scalar_array, copy_mode, c_int_argument,
                           is_nested_sequence)
from minind._scalar cimport generic, scalar_descr
from minind._dtype cimport (Descr, as_dtype, descr_of, set_item,
                            promote_index, T_BOOL, T_INT64, T_UINT64,
                            T_FLOAT64)
from minind._layout cimport (MAX_NDIM, FLAG_C_CONTIGUOUS, FLAG_F_CONTIGUOUS,
                             shape_from_object)

import math
import operator


# ---------------------------------------------------------------------------
# From a shape
# ---------------------------------------------------------------------------

def check_device(device):
    """The Array API's ``device=`` argument: minind, as NumPy, has one
    device, "cpu" (None means it too)."""
    if device is not None and device != "cpu":
        raise ValueError('Device not understood. Only "cpu" is allowed, '
                         f"but received: {device}")


def empty(shape, dtype=None, order="C", *, device=None, like=None):
    """A new array of ``shape`` whose values are whatever was in memory."""
    check_device(device)
    cdef Py_ssize_t shape_buf[MAX_NDIM]
    cdef int ndim = shape_from_object(shape, shape_buf)
    cdef str letter = check_order(order, "CF")
    return new_array(as_dtype(dtype), ndim, shape_buf, letter == "F", False)


def zeros(shape, dtype=None, order="C", *, device=None, like=None):
    """A new array of zeros (calloc: large ones cost no page faults until
    touched)."""
    check_device(device)
    cdef Py_ssize_t shape_buf[MAX_NDIM]
    cdef int ndim = shape_from_object(shape, shape_buf)
    cdef str letter = check_order(order, "CF")
    return new_array(as_dtype(dtype), ndim, shape_buf, letter == "F", True)


def ones(shape, dtype=None, order="C", *, device=None, like=None):
    """A new array of ones."""
    check_device(device)
    return full(shape, 1, dtype=float if dtype is None else dtype,
                order=order)


def full(shape, fill_value, dtype=None, order="C", *, device=None,
         like=None):
    """A new array with every element ``fill_value``.

    Without ``dtype`` the dtype is the one ``array(fill_value)`` would have
    (so ``full(3, 7)`` is int64, as in NumPy).
    """
    check_device(device)
    if dtype is None:
        dtype = array(fill_value).dtype
    result = empty(shape, dtype, order)
    _fill_like_copyto(result, fill_value)
    return result


cdef int _fill_like_copyto(MiniArray result, object value) except -1:
    """``result.fill(value)``, but as NumPy's full/full_like (copyto) do
    it: a Python int beyond int64 cannot even go into a bool array, and
    a minind scalar is cast as an array is (full(3, mi.int64(300),
    dtype=int8) wraps to 44, where a[0] = mi.int64(300) is an error)."""
    if isinstance(value, generic):
        assign(result, scalar_array(value))
        return 0
    if (type(value) is int and result.dtype.kind == "b"
            and not -2**63 <= value < 2**63):
        raise OverflowError("Python int too large to convert to C long")
    if isinstance(value, (list, tuple)) or (
            isinstance(value, MiniArray) and (<MiniArray>value).ndim) or (
            PyObject_CheckBuffer(value) and not isinstance(value, bytes)):
        # An array of fill values is broadcast, and cast unsafely (an
        # int64 300 into int8 wraps) as copyto does.
        assign(result, asarray(value))
        return 0
    result.fill(_scalar_value(value))
    return 0


cdef object _scalar_value(object value):
    # full()/fill take one scalar; a 0-d array counts as one (arrays with
    # axes went to assign() in _fill_like_copyto).
    if isinstance(value, MiniArray):
        return (<MiniArray>value).item()
    return value


def _like(prototype, dtype, order, shape, device):
    check_device(device)
    cdef MiniArray proto = asarray(prototype)
    cdef Py_ssize_t shape_buf[MAX_NDIM]
    cdef int ndim
    cdef Descr descr = proto.dtype if dtype is None else as_dtype(dtype)
    cdef str letter = check_order(order, "CFAK")
    if shape is None:
        return new_array_like(proto, descr, letter)
    ndim = shape_from_object(shape, shape_buf)
    return new_array_like(proto, descr, letter, ndim, shape_buf)


def empty_like(prototype, /, dtype=None, order="K", subok=True, shape=None,
               *, device=None):
    """A new array shaped like ``prototype``; "K" keeps its memory order."""
    return _like(prototype, dtype, order, shape, device)


def zeros_like(a, dtype=None, order="K", subok=True, shape=None, *,
               device=None):
    result = _like(a, dtype, order, shape, device)
    result.fill(0)
    return result


def ones_like(a, dtype=None, order="K", subok=True, shape=None, *,
              device=None):
    result = _like(a, dtype, order, shape, device)
    result.fill(1)
    return result


def full_like(a, fill_value, dtype=None, order="K", subok=True,
              shape=None, *, device=None):
    result = _like(a, dtype, order, shape, device)
    _fill_like_copyto(result, fill_value)
    return result


# ---------------------------------------------------------------------------
# From Python data
# ---------------------------------------------------------------------------

cdef class _Discovery:
    """What a walk over nested sequences found: shape and dtype.

    NumPy's rules (array_coercion.c): the shape is the nesting structure,
    which must be regular ("inhomogeneous" otherwise); the dtype promotes
    the dtypes of all leaves, where Python bool -> bool, int -> int64
    (uint64 if it only fits there), float -> float64, and arrays or NumPy
    scalars bring their own dtype.
    """
    cdef int ndim
    cdef Py_ssize_t shape[MAX_NDIM]
    cdef int dtype_index     # -1 until the first leaf
    cdef bint shape_fixed    # a leaf has been seen: depth is now final
    cdef object big_int      # a Python int beyond uint64/int64, if any
    cdef bint parse_strings  # a dtype was given: strings are parsed into it
    cdef bint has_refused    # a leaf minind cannot store (None, str...):
    cdef object refused      # the first, refused once the shape is known

    def __cinit__(self):
        self.ndim = 0
        self.dtype_index = -1
        self.shape_fixed = False
        self.big_int = None
        self.has_refused = False

    cdef void add_dtype(self, int index):
        if self.dtype_index < 0:
            self.dtype_index = index
        else:
            self.dtype_index = promote_index(self.dtype_index, index)


cdef int _inhomogeneous(_Discovery found, int depth) except -1:
    detected = tuple(found.shape[axis] for axis in range(depth))
    raise ValueError(
        "setting an array element with a sequence. The requested array has "
        f"an inhomogeneous shape after {depth} dimensions. The detected "
        f"shape was {detected} + inhomogeneous part.")


cdef str _CHANGED = ("Inconsistent object during array creation? Content "
                     "of sequences changed (length inconsistent).")


cdef object _discover(object obj, int depth, _Discovery found):
    """Walk ``obj`` recording the shape at each depth and the leaf dtypes;
    return its snapshot, which is what ``_fill_from`` then reads.

    Two passes over user objects (find the shape, then fill) are only safe
    if the second sees what the first saw.  So each level is read once,
    as NumPy reads it (``PySequence_Fast``): a list or tuple is kept as it
    is (``_fill_from`` checks its length again before every element, since
    converting an element may run code that empties it); any other
    sequence becomes the list that iterating it gives, so a ``__len__``
    that lies or a ``__getitem__`` that changes its mind is asked once;
    a buffer becomes the MiniArray over it.  A level whose items were
    replaced so is itself copied into a new list.  Depth is bounded by
    ``_record_length`` (MAX_NDIM), so a list that contains itself ends.
    """
    cdef MiniArray sub
    cdef Py_ssize_t n, i, axis
    cdef object seq, item, child
    cdef bint private
    if PyFloat_CheckExact(obj) or PyLong_CheckExact(obj) or PyBool_Check(obj):
        _record_leaf_depth(found, depth)
        found.add_dtype(_scalar_dtype_index(obj, found))
        return obj
    if isinstance(obj, generic):
        # A minind scalar is a leaf of its own dtype (a float32 stays one).
        _record_leaf_depth(found, depth)
        found.add_dtype(scalar_descr(<generic>obj).type_index)
        return obj
    sub = None
    if isinstance(obj, MiniArray):
        sub = obj
    elif PyObject_CheckBuffer(obj) and not isinstance(obj, (str, bytes)):
        sub = wrap_buffer(obj, False)
    elif not isinstance(obj, (list, tuple)):
        sub = array_from_protocols(obj)     # __array_interface__
    if sub is not None:
        # An array inside a list: its shape continues the nesting.
        for axis in range(sub.ndim):
            _record_length(found, depth + axis, sub._shape[axis])
        _record_leaf_depth(found, depth + sub.ndim)
        found.add_dtype(sub.dtype.type_index)
        return sub
    seq = obj if isinstance(obj, (list, tuple)) else _as_list(obj)
    if seq is None:
        _record_leaf_depth(found, depth)
        found.add_dtype(_scalar_dtype_index(obj, found))
        return obj
    n = len(seq)
    _record_length(found, depth, n)
    if n == 0:
        _record_leaf_depth(found, depth + 1)
    private = seq is not obj        # a list of ours, to write into
    for i in range(n):
        item = _item(seq, i, n)
        child = _discover(item, depth + 1, found)
        if child is not item and not private:
            seq = list(seq)             # from here on, read our copy
            private = True
        if private:
            seq[i] = child
    return seq


cdef object _as_list(object obj):
    """A sequence's items as a new list (NumPy: ``PySequence_Fast``), or
    None if ``obj`` is to be read as a scalar: it is no sequence, or
    iterating it raised KeyError (a mapping, which NumPy stores as one
    object)."""
    if not is_nested_sequence(obj):
        return None
    try:
        return list(obj)
    except KeyError:
        return None


@cython.boundscheck(True)
cdef inline object _item(object seq, Py_ssize_t i, Py_ssize_t n):
    """Item ``i`` of a list or tuple that had ``n`` items when it was
    first read: NumPy's RuntimeError if user code changed its length."""
    if len(seq) != n:
        raise RuntimeError(_CHANGED)
    return seq[i]


cdef int _record_length(_Discovery found, int depth, Py_ssize_t n) except -1:
    if found.shape_fixed and depth >= found.ndim:
        _inhomogeneous(found, found.ndim)
    if depth >= MAX_NDIM:
        raise ValueError("maximum supported dimension for an ndarray is "
                         f"currently {MAX_NDIM}, found {depth + 1}")
    if depth < found.ndim:
        if found.shape[depth] != n:
            _inhomogeneous(found, depth)
    else:
        found.shape[depth] = n
        found.ndim = depth + 1
    return 0


cdef int _record_leaf_depth(_Discovery found, int depth) except -1:
    if found.shape_fixed:
        if depth != found.ndim:
            _inhomogeneous(found, min(depth, found.ndim))
    else:
        if depth < found.ndim:
            _inhomogeneous(found, depth)
        found.shape_fixed = True
        found.ndim = depth
    return 0


cdef int _scalar_dtype_index(object value, _Discovery found) except -1:
    """The dtype index of one leaf; TypeError for what NumPy would store
    in an object array (minind has none).  Type slots are asked, not the
    instance, so a mock's ``__getattr__`` cannot answer for it."""
    if isinstance(value, bool):
        return T_BOOL
    if isinstance(value, int):
        if -2**63 <= value < 2**63:
            return T_INT64
        if not 0 <= value < 2**64 and found is not None:
            # NumPy would make an object array; with an explicit dtype the
            # value may still be refused later, with NumPy's message.
            found.big_int = value
        return T_UINT64
    if isinstance(value, float):
        return T_FLOAT64
    if isinstance(value, str) and found is not None and found.parse_strings:
        return T_FLOAT64          # parsed into the requested dtype later
    if value is None or isinstance(value, (str, bytes, complex, type)):
        return _refuse_leaf(value, found)
    # NumPy scalars carry a dtype; accept them by duck typing.  as_dtype
    # follows an attribute ``.dtype`` at most once, so this is bounded.
    scalar_dtype = getattr(value, "dtype", None)
    if scalar_dtype is not None:
        try:
            return as_dtype(scalar_dtype).type_index
        except (TypeError, ValueError):
            return _refuse_leaf(value, found)
    if PyIndex_Check(value):
        return T_INT64
    if hasattr(type(value), "__float__"):
        return T_FLOAT64
    return _refuse_leaf(value, found)


cdef int _refuse_leaf(object value, _Discovery found) except -1:
    """A leaf no numeric dtype holds.  Alone, it is refused now; in a
    walk, once the walk is over (NumPy would store it in an object
    array, so its shape errors, "inhomogeneous", come first)."""
    if found is None:
        _not_a_number(value)
    if not found.has_refused:
        found.has_refused = True
        found.refused = value
    return T_FLOAT64            # a stand-in: nothing is built from it


cdef int _not_a_number(object value) except -1:
    raise TypeError(f"minind arrays hold numbers only; cannot store "
                    f"{type(value).__name__} {value!r}")


cdef int _fill_from(MiniArray target, object snapshot) except -1:
    """Write a snapshot from ``_discover`` into ``target``, which has the
    discovered shape.  Every element is written, or an exception raised:
    lists are re-measured before each item (NumPy's RuntimeError if user
    code changed one meanwhile), and an array must still have the shape
    it was discovered with (``a.shape = ...`` may have run)."""
    cdef Py_ssize_t i, n
    cdef MiniArray sub
    if isinstance(snapshot, MiniArray):
        sub = snapshot
        if sub.ndim != target.ndim or memcmp(
                sub._shape, target._shape, sub.ndim * sizeof(Py_ssize_t)):
            raise RuntimeError(_CHANGED)
        copy_into(target, sub)
        return 0
    if target.ndim == 0:
        if isinstance(snapshot, str):
            snapshot = _parse_number(snapshot, target.dtype)
        set_item(target.dtype, target._data, snapshot)
        return 0
    if not isinstance(snapshot, (list, tuple)):
        raise RuntimeError(_CHANGED)
    n = target._shape[0]
    for i in range(n):
        item = _item(snapshot, i, n)
        _fill_from(make_view(target, i * target._strides[0], target.ndim - 1,
                             target._shape + 1, target._strides + 1), item)
    return 0


cdef object _parse_number(str text, Descr dtype):
    """A string element of a numeric array with an explicit dtype is read
    as NumPy reads it: Python's float() or int() (with their errors), and
    for bool, whether the string is non-empty."""
    if dtype.kind == "f":
        return float(text)
    if dtype.kind == "b":
        return len(text) > 0
    return int(text)


def _from_nested(obj, dtype, order, ndmax=-1):
    """Nested sequences as a new array (``ndmax`` < 0: no depth limit)."""
    cdef _Discovery found = _Discovery()
    cdef Descr descr
    cdef MiniArray result
    found.parse_strings = dtype is not None
    snapshot = _discover(obj, 0, found)
    if found.has_refused:
        _not_a_number(found.refused)
    if 0 <= ndmax < found.ndim:
        raise ValueError(
            "setting an array element with a sequence. The requested array "
            f"would exceed the maximum number of dimension of {ndmax}.")
    if dtype is not None:
        descr = as_dtype(dtype)
    elif found.big_int is not None:
        raise OverflowError(
            f"Python integer {found.big_int} out of bounds for int64 and "
            "uint64 (NumPy would make an object array; minind has none)")
    elif found.dtype_index < 0:
        descr = descr_of(T_FLOAT64)     # empty sequences are float64
    else:
        descr = descr_of(found.dtype_index)
    result = new_array(descr, found.ndim, found.shape, order == "F", False)
    _fill_from(result, snapshot)
    return result


def array(object, dtype=None, *, copy=True, order="K", subok=False,
          ndmin=0, ndmax=0, like=None):
    """An array from nested sequences, a scalar, a buffer or an array.

    ``copy=True`` always copies; ``copy=None`` copies only when needed (a
    dtype change, a layout the order asks for); ``copy=False`` never copies
    and raises ValueError if it would have to.  Buffer exporters (NumPy
    arrays, memoryview, bytes, array.array) are read through the buffer
    protocol.  ``ndmin`` prepends length-1 axes; ``ndmax`` (nested data
    only) caps how deep the nesting may go.  ``subok=True`` passes an
    array of a subclass (a memmap) through when no copy is made; a copy
    is a plain array.
    """
    cdef str letter = check_order(order, "CFAK")
    cdef MiniArray result
    ndmax = c_int_argument(ndmax)
    if not 0 <= ndmax <= MAX_NDIM:
        raise ValueError(f"ndmax must be in the range [0, NPY_MAXDIMS "
                         f"({MAX_NDIM})] ")
    if ndmax and ndmin > ndmax:
        raise ValueError(f"ndmin must be <= ndmax ({ndmax})")
    cdef Descr descr = None if dtype is None else as_dtype(dtype)
    obj = object        # (the parameter's name is NumPy's: array(object=3))
    copy = copy_mode(copy)
    if isinstance(obj, generic):
        # A scalar is a 0-d array of its dtype; another dtype is a cast,
        # as NumPy casts it (mi.array(mi.int64(300), dtype=int8) wraps).
        if copy is False:
            raise ValueError("Unable to avoid copy while creating an "
                             "array as requested.")
        obj = scalar_array(obj)       # already the copy
        copy = None
    if not (isinstance(obj, (MiniArray, list, tuple, str, int, float))
            or PyObject_CheckBuffer(obj)):
        # NumPy's next question, after the buffer protocol and before
        # __array__: the array interface (a view of its memory, or a
        # new array for a scalar that describes itself).
        interfaced = array_from_protocols(obj)
        if interfaced is not None:
            obj = interfaced
            if copy and interfaced.base is None:
                copy = None         # a new array already
    if _has_array_method(obj):
        # An object that converts itself (a.flat), as NumPy asks
        # __array__ after the buffer protocol and before sequences.  Its
        # answer is used as it is (copy=True has made the copy then).
        obj = obj.__array__()
        if not isinstance(obj, MiniArray) and not (
                PyObject_CheckBuffer(obj) and not isinstance(obj, str)):
            raise ValueError("object __array__ method not producing an "
                             "array")
        if copy:
            copy = None if isinstance(obj, MiniArray) and (
                obj.base is None) else copy
    cdef bint is_array = isinstance(obj, MiniArray)
    if is_array or (PyObject_CheckBuffer(obj)
                    and not isinstance(obj, str)):
        result = obj if is_array else wrap_buffer(obj, False)
        if descr is None:
            descr = result.dtype
        if copy or descr is not result.dtype or not _matches(result, letter):
            if copy is False:
                raise ValueError("Unable to avoid copy while creating an "
                                 "array as requested.")
            if letter == "A" and descr is not result.dtype:
                # NumPy casts through PyArray_FromArray, which reads "A" as
                # F for an F array and otherwise keeps the memory order
                # ("K"); a plain copy reads it as F or C.
                letter = "F" if (result._flags & FLAG_F_CONTIGUOUS and not
                                 result._flags & FLAG_C_CONTIGUOUS) else "K"
            result = copy_array(result, descr, letter)
        elif is_array and type(obj) is not MiniArray and not subok:
            # NumPy's subok=False: a subclass (a memmap) comes back as a
            # plain array viewing it.
            result = make_view(obj, 0, result.ndim, result._shape,
                               result._strides)
    else:
        if copy is False:
            raise ValueError("Unable to avoid copy while creating an array "
                             "as requested.")
        result = _from_nested(obj, descr, letter, ndmax if ndmax > 0 else -1)
    if ndmin > result.ndim:
        result = _prepend_axes(result, ndmin, letter == "F")
    return result


cdef bint _has_array_method(object obj):
    """Whether NumPy would convert ``obj`` by calling its ``__array__``:
    its type (types are asked, not instances) defines one and it is no
    array and exports no buffer, which come first.  ``a.flat`` is the
    exception to the order: it exports a buffer for NumPy's sake, but
    its ``__array__`` is the answer to take (a view has the array, not
    a memoryview of the iterator, as its base)."""
    cdef type kind = type(obj)
    if getattr(kind, "__array__", None) is None or isinstance(obj,
                                                               MiniArray):
        return False
    return (not PyObject_CheckBuffer(obj)
            or kind.__module__.startswith("minind."))


cdef bint _matches(MiniArray a, str order):
    if order == "C":
        return a._flags & FLAG_C_CONTIGUOUS
    if order == "F":
        return a._flags & FLAG_F_CONTIGUOUS
    return True


cdef MiniArray _prepend_axes(MiniArray a, int ndmin, bint fortran):
    """A view of ``a`` with length-1 axes in front, up to ``ndmin`` axes.

    A length-1 axis may have any stride (it is never stepped).  NumPy
    (``_prepend_ones``) gives the new axes the item size when the array is
    or was asked to be Fortran-ordered, or is 0-d, and otherwise the
    stride of one whole block of the old first axis, keeping C order
    "visible" in the strides.
    """
    cdef Py_ssize_t shape[MAX_NDIM]
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef int extra = ndmin - a.ndim, axis
    cdef Py_ssize_t new_stride
    if ndmin > MAX_NDIM:
        raise ValueError(f"ndmin must be <= ndmax ({MAX_NDIM})")
    if (fortran or a.ndim == 0 or (a._flags & FLAG_F_CONTIGUOUS
                                   and not a._flags & FLAG_C_CONTIGUOUS)):
        new_stride = a.dtype.itemsize
    else:
        new_stride = a._strides[0] * a._shape[0]
    for axis in range(extra):
        shape[axis] = 1
        strides[axis] = new_stride
    for axis in range(a.ndim):
        shape[extra + axis] = a._shape[axis]
        strides[extra + axis] = a._strides[axis]
    return make_view(a, 0, ndmin, shape, strides)


def asarray(a, dtype=None, order=None, *, device=None, copy=None,
            like=None):
    """``array(a, copy=None)``: no copy when ``a`` can be used as it is."""
    if (type(a) is MiniArray and dtype is None and order is None
            and copy is None and device is None):
        # The call every function makes of its array arguments, answered
        # before array()'s argument checks, which cost ten times this.
        return a
    check_device(device)
    return array(a, dtype, copy=copy, order="K" if order is None else order)


def asanyarray(a, dtype=None, order=None, *, device=None, copy=None,
              like=None):
    """``asarray`` that lets an array of a subclass (a memmap) through as
    it is, where ``asarray`` answers with a plain array viewing it."""
    check_device(device)
    return array(a, dtype, copy=copy, order="K" if order is None else order,
                 subok=True)


def ascontiguousarray(a, dtype=None, *, like=None):
    """``a`` as a C-contiguous array (at least 1-d), copying if needed."""
    return array(a, dtype, copy=None, order="C", ndmin=1)


def asfortranarray(a, dtype=None, *, like=None):
    """``a`` as an F-contiguous array (at least 1-d), copying if needed."""
    return array(a, dtype, copy=None, order="F", ndmin=1)


# ---------------------------------------------------------------------------
# Ranges
# ---------------------------------------------------------------------------

# An argument not passed at all (None is a value arange reads).
cdef object _NOT_GIVEN = object()
cdef tuple _ARANGE_ARGUMENTS = ("start", "stop", "step", "dtype")


def arange(*args, start=_NOT_GIVEN, stop=_NOT_GIVEN, step=_NOT_GIVEN,
           dtype=_NOT_GIVEN, device=None, like=None):
    """arange([start,] stop[, step,], dtype=None, *, device=None, like=None)

    Evenly spaced values in [start, stop), NumPy's way.

    Length: ``ceil((stop - start) / step)``, computed in floating point
    (so ``arange(0, 1, 0.1)`` has 10 elements).  Values: the first two,
    ``start`` and ``start + step``, are converted to the dtype, and element
    i is ``first + i * (second - first)`` in that dtype.  That is why
    ``arange(0, 5, 0.5, dtype=int)`` is ten zeros in NumPy, and here.
    The default dtype is int64 for integer arguments, float64 otherwise.

    The arguments are read as NumPy's C function reads them: any of the
    four by position or by name, and one alone is the stop, by position
    (``arange(3)``) or by name (``arange(stop=3)``), never ``start=3``
    alone ("arange() requires stop to be specified.").
    """
    cdef Descr descr
    cdef MiniArray result
    cdef Py_ssize_t length
    if len(args) > 4:
        raise TypeError(f"arange() takes from 0 to 4 positional arguments "
                        f"but {len(args)} were given")
    named = [start, stop, step, dtype]
    for position, value in enumerate(args):
        if named[position] is not _NOT_GIVEN:
            raise TypeError(
                f"argument for arange() given by name "
                f"('{_ARANGE_ARGUMENTS[position]}') and position "
                f"(position {position})")
        named[position] = value
    start, stop, step, dtype = named
    if stop is _NOT_GIVEN:
        if not args:
            raise TypeError("arange() requires stop to be specified.")
        stop = None
    elif start is _NOT_GIVEN:
        start, stop = stop, None    # (NumPy: o_start = o_stop)
    if step is _NOT_GIVEN:
        step = None
    if dtype is _NOT_GIVEN:
        dtype = None
    check_device(device)
    if stop is None:
        start, stop = 0, start
    if step is None:
        step = 1
    if isinstance(stop, tuple):
        raise TypeError("arange: scalar arguments expected instead of a "
                        "tuple.")
    for value in (start, stop, step):
        if is_nested_sequence(value):
            # NumPy discovers each argument's dtype first: a ragged list
            # is its ValueError; any other list fails in the arithmetic.
            _from_nested(value, None, "C")
        if isinstance(value, (complex, str)) or value is None:
            raise TypeError(f"unsupported operand type for arange: "
                            f"{type(value).__name__!r}")
    # The length comes first (NumPy checks it before the dtype):
    # NumPy subtracts and divides the Python objects, then takes the
    # ceiling of the (float) quotient.
    span = float((stop - start) / step)   # ZeroDivisionError for step 0
    if math.isnan(span):
        raise ValueError("arange: cannot compute length")
    if math.isinf(span) or span > 2.0**63 - 1:
        raise ValueError("Maximum allowed size exceeded")
    if dtype is None:
        kinds = [as_dtype(_arange_dtype(v)) for v in (start, stop, step)]
        index = kinds[0].type_index
        for kind in kinds[1:]:
            index = promote_index(index, kind.type_index)
        descr = descr_of(index)
        if descr.kind == "b":
            descr = descr_of(T_INT64)
    else:
        descr = as_dtype(dtype)
    length = max(0, math.ceil(span))
    if length == 0 and span == 0.0 and stop != start and (
            (stop > start) == (step > 0)):
        # The quotient underflowed to 0 (arange(0, 1, inf)): NumPy still
        # yields start, since the range is not empty.
        length = 1
    if descr.type_index == T_BOOL and length > 2:
        raise TypeError("arange() is only supported for booleans when the "
                        "result has at most length 2.")
    result = new_array(descr, 1, &length, False, False)
    if length == 0:
        return result
    _arange_fill(result, start, step, length)
    return result


cdef object _arange_dtype(object value):
    if isinstance(value, bool):
        return bool
    if isinstance(value, int):
        # As in array(): int64, or uint64 for what only fits there.
        if not -2**63 <= value < 2**64:
            raise OverflowError(f"Python integer {value} out of bounds for "
                                "int64 and uint64")
        return descr_of(_scalar_dtype_index(value, None))
    if isinstance(value, float):
        return float
    scalar_dtype = getattr(value, "dtype", None)
    if scalar_dtype is not None:
        return scalar_dtype
    return float if hasattr(value, "__float__") and not hasattr(
        value, "__index__") else int


cdef int _arange_fill(MiniArray result, object start, object step,
                      Py_ssize_t length) except -1:
    # Convert the first two values, then extend with their difference in
    # the target dtype (NumPy's per-type "fill" functions).
    result[0] = start
    if length == 1:
        return 0
    result[1] = start + step
    first = result.item(0)
    delta = result.item(1) - first
    if result.dtype.kind == "f":
        _fill_float(result, first, delta)
    elif result.dtype.kind in "iu":
        _fill_int(result, first, delta)
    return 0


cdef int _fill_float(MiniArray result, double first, double delta) except -1:
    cdef Py_ssize_t i, n = result.size
    cdef double* out64
    cdef float* out32
    if result.dtype.itemsize == 8:
        out64 = <double*>result._data
        for i in range(2, n):
            out64[i] = first + i * delta
    else:
        out32 = <float*>result._data
        for i in range(2, n):
            out32[i] = <float>(<float>first + i * <float>delta)
    return 0


cdef int _fill_int(MiniArray result, object first, object delta) except -1:
    # Integer types wrap around modulo 2**bits, as C arithmetic does in
    # NumPy's fill loops: compute in uint64 (where wrapping is defined)
    # and let the cast to the target width keep the low bits.
    cdef Py_ssize_t i, n = result.size
    cdef uint64_t start = <uint64_t>(first % 2**64)
    cdef uint64_t step = <uint64_t>(delta % 2**64)
    cdef MiniArray wide = new_array(descr_of(T_UINT64), 1, &n, False, False)
    cdef uint64_t* values = <uint64_t*>wide._data
    for i in range(n):
        values[i] = start + <uint64_t>i * step
    copy_into(result, wide)
    return 0


# ---------------------------------------------------------------------------
# Matrices with a diagonal
# ---------------------------------------------------------------------------

def eye(N, M=None, k=0, dtype=float, order="C", *, device=None, like=None):
    """An N x M array of zeros with ones on diagonal ``k`` (above the main
    diagonal for k > 0, below for k < 0).

    The diagonal is itself a strided view: one step along it is one row
    and one column, ``strides[0] + strides[1]`` bytes, starting ``k``
    columns right (or ``-k`` rows down) of the first element; filling
    that view writes the ones, in C or F order alike.  As NumPy, a ``k``
    that puts the diagonal outside the matrix gives zeros before ``k``
    is even checked to be an integer.
    """
    cdef MiniArray result
    cdef Py_ssize_t row, column, length, step
    result = zeros((N, N if M is None else M), dtype, order, device=device)
    rows, columns = result.shape
    if k >= columns:
        return result
    k = operator.index(k)
    if k <= -rows:
        return result            # below the last row: no diagonal either
    row, column = max(0, -k), max(0, k)
    length = max(0, min(rows - row, columns - column))
    step = result._strides[0] + result._strides[1]
    make_view(result, row * result._strides[0] + column * result._strides[1],
              1, &length, &step).fill(1)
    return result


def identity(n, dtype=None, *, like=None):
    """The n x n identity matrix: ``eye(n)``."""
    return eye(n, dtype=float if dtype is None else dtype)


# ---------------------------------------------------------------------------
# From a buffer
# ---------------------------------------------------------------------------

def frombuffer(buffer, dtype=float, count=-1, offset=0, *, like=None):
    """A 1-d array over ``buffer``'s memory, without copying: ``count``
    items of ``dtype`` (-1: all that fit) from ``offset`` bytes in.
    Read-only if the buffer is (``bytes``), writeable if not
    (``bytearray``).  ``count`` and ``offset`` are integers (a float is
    TypeError).  NumPy: ``frombuffer`` (``PyArray_FromBuffer`` in
    ctors.c); the view and its ``base`` are ``wrap_buffer_items``'s, in
    _core.pyx."""
    cdef Descr descr = as_dtype(dtype)
    count = operator.index(count)
    offset = operator.index(offset)
    return wrap_buffer_items(buffer, descr, count, offset)


def _frombuffer(buffer, dtype, shape, order, axes=None):
    """Unpickle what ``MiniArray.__reduce_ex__`` gives protocol 5: a view
    of the buffer's items, laid out as the array was (``order`` "C" or
    "F"; "K" with ``axes``: the C-contiguous array transposed)."""
    array = frombuffer(buffer, dtype=dtype)
    if order == "K" and axes is not None:
        return array.reshape(shape, order="C").transpose(axes)
    return array.reshape(shape, order=order)


# ---------------------------------------------------------------------------
# Casting, as a function
# ---------------------------------------------------------------------------

def astype(x, dtype, /, *, copy=True, device=None):
    """The Array API's ``astype``: ``x.astype(dtype, copy=copy)`` for an
    array or a scalar (NumPy's TypeError for anything else, a list;
    a Python number, a scalar by NumPy's rule, has no ``astype``: an
    AttributeError, as in NumPy).  ``copy=False`` returns ``x`` itself
    when neither dtype nor layout must change."""
    from minind._typeinfo import isscalar
    if not (isinstance(x, MiniArray) or isscalar(x)):
        raise TypeError("Input should be a minind array or scalar. It is a "
                        f"{type(x)} instead.")
    check_device(device)
    return x.astype(dtype, copy=copy)
