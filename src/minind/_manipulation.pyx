# cython: boundscheck=False, wraparound=False, cdivision=True
"""Shape manipulation, broadcasting, stride tricks and memory overlap.

Every function here returns a view made by ``make_view`` (or, for
``shares_memory``, reasons about views): none of them moves an element.
NumPy counterparts: ``numpy/_core/fromnumeric.py`` and ``numeric.py``
(transpose, moveaxis, ...), ``lib/_stride_tricks_impl.py`` (broadcast_to,
as_strided, sliding_window_view), ``mem_overlap.c`` (shares_memory).
"""
from minind._core cimport (MiniArray, make_view, normalize_axis,
                           normalize_axis_tuple, reshape_array,
                           ravel_array, check_order, shape_text,
                           spans_overlap, memory_owner, AsStridedBase,
                           imported_view)
from minind._layout cimport (MAX_NDIM, FLAG_WRITEABLE, FLAG_WARN_ON_WRITE,
                             broadcast_strides, shape_from_object,
                             fill_contiguous_strides)
from minind._creation import asarray
from minind._dlpack cimport DLPackBase
from minind.exceptions import AxisError, TooHardError

cdef extern from "Python.h":
    const Py_ssize_t PY_SSIZE_T_MAX

import math
import operator
import warnings


def transpose(a, axes=None):
    """``a`` with its axes permuted (reversed by default), as a view."""
    return asarray(a).transpose(axes)


def swapaxes(a, axis1, axis2):
    return asarray(a).swapaxes(axis1, axis2)


def squeeze(a, axis=None):
    return asarray(a).squeeze(axis)


def reshape(a, shape, order="C", *, copy=None):
    """``a`` in a new shape, a view whenever possible (see
    ``MiniArray.reshape``)."""
    return reshape_array(asarray(a), shape, order, copy)


def ravel(a, order="C"):
    return ravel_array(asarray(a), check_order(order, "CFAK"))


def shape(a):
    """``a.shape``, for anything ``asarray`` takes (a nested list too).
    NumPy: ``shape`` in _core/fromnumeric.py, which asks ``a`` first."""
    try:
        return a.shape
    except AttributeError:
        return asarray(a).shape


def ndim(a):
    """``a.ndim``, for anything ``asarray`` takes (see ``shape``)."""
    try:
        return a.ndim
    except AttributeError:
        return asarray(a).ndim


def size(a, axis=None):
    """The number of elements, or the product of the lengths of the
    given axes (an int or a tuple; ``()`` gives 1).  As NumPy's: axes
    are checked for bounds, then for repeats ("repeated axis"), and the
    answer is a Python int."""
    if axis is None:
        try:
            return a.size
        except AttributeError:
            return asarray(a).size
    lengths = shape(a)
    axes = normalize_axis_tuple(axis, len(lengths), None, "repeated axis",
                                True, True)
    return math.prod([lengths[k] for k in axes])


def moveaxis(a, source, destination):
    """Move axes to new positions; the others keep their order."""
    cdef MiniArray array = asarray(a)
    source = normalize_axis_tuple(source, array.ndim, "source",
                                  "repeated axis in `source` argument", True,
                                  True)
    destination = normalize_axis_tuple(
        destination, array.ndim, "destination",
        "repeated axis in `destination` argument", True, True)
    if len(source) != len(destination):
        raise ValueError("`source` and `destination` arguments must have "
                         "the same number of elements")
    order = [axis for axis in range(array.ndim) if axis not in source]
    for dest, src in sorted(zip(destination, source)):
        order.insert(dest, src)
    return array.transpose(order)


def expand_dims(a, axis):
    """Insert length-1 axes at the positions ``axis`` has in the result."""
    cdef MiniArray array = asarray(a)
    cdef Py_ssize_t ndim = array.ndim + (len(axis) if isinstance(
        axis, (tuple, list)) else 1)
    # As NumPy: the axes are checked against the result's ndim first (a
    # Python list walk, any length), and only then the ndim limit.
    inserted = normalize_axis_tuple(axis, ndim, None, "repeated axis", True)
    if ndim > MAX_NDIM:
        raise ValueError("maximum supported dimension for an ndarray is "
                         f"currently {MAX_NDIM}, found {ndim}")
    remaining = iter(array.shape)
    shape = tuple(1 if k in inserted else next(remaining)
                  for k in range(ndim))
    return reshape_array(array, shape, "C", None)


def permute_dims(a, axes=None):
    """The Array API's name for ``transpose``: the same view."""
    return asarray(a).transpose(axes)


def matrix_transpose(x, /):
    """The last two axes swapped, as a view: ``x.mT`` (whose error
    message for fewer than 2 axes differs from this one, as NumPy's)."""
    cdef MiniArray array = asarray(x)
    if array.ndim < 2:
        raise ValueError("Input array must be at least 2-dimensional, but "
                         f"it is {array.ndim}")
    return array.mT


def flip(m, axis=None):
    """``m`` read backwards along ``axis`` (default: every axis), a view.

    Reversing an axis is the slice ``::-1``: the first element becomes
    the old last one and the stride changes sign, so nothing moves.  A
    0-d array with no axis to flip is indexed with ``()``, as NumPy does,
    which gives its single element.  NumPy: ``flip`` in
    lib/_function_base_impl.py.
    """
    cdef MiniArray array = asarray(m)
    cdef list index
    if axis is None:
        index = [slice(None, None, -1)] * array.ndim
    else:
        index = [slice(None)] * array.ndim
        for k in normalize_axis_tuple(axis, array.ndim, None,
                                      "repeated axis", True, True):
            index[k] = slice(None, None, -1)
    return array[tuple(index)]


def flipud(m):
    """``m`` upside down: its first axis reversed (``m[::-1, ...]``), a
    view.  NumPy: ``flipud`` in lib/_twodim_base_impl.py."""
    cdef MiniArray array = asarray(m)
    if array.ndim < 1:
        raise ValueError("Input must be >= 1-d.")
    return array[::-1, ...]


def fliplr(m):
    """``m`` left to right: its second axis reversed (``m[:, ::-1]``), a
    view.  NumPy: ``fliplr`` in lib/_twodim_base_impl.py."""
    cdef MiniArray array = asarray(m)
    if array.ndim < 2:
        raise ValueError("Input must be >= 2-d.")
    return array[:, ::-1]


def rollaxis(a, axis, start=0):
    """``axis`` moved to just before position ``start`` (``moveaxis``'s
    older form), a view.

    Written as NumPy's ``rollaxis`` in _core/numeric.py, because its
    quirks are part of the contract: ``a`` must already be an array (its
    ``ndim`` is read first), ``start`` may be ``ndim`` (roll to the end),
    and when nothing moves the result is ``a[...]``, a new view all the
    same.  The message for a bad ``start`` names the value after a
    negative one was counted from the end.
    """
    n = a.ndim
    axis = normalize_axis_tuple([axis], n, None, "repeated axis", True)[0]
    if start < 0:
        start += n
    if not 0 <= start < n + 1:
        raise AxisError(f"'start' arg requires {-n} <= start < {n + 1}, "
                        f"but {start} was passed in")
    if axis < start:
        start -= 1            # counted before ``axis`` was taken out
    if axis == start:
        return a[...]
    order = list(range(n))
    order.remove(axis)
    order.insert(start, axis)
    return a.transpose(order)


cdef int _c_int(object value) except? -1:
    """An argument NumPy's C methods parse as a C int (``diagonal``'s
    offset and axes): anything with ``__index__``, with NumPy's words
    for a value that fits no C long, or no C int."""
    value = operator.index(value)
    if not -2 ** 63 <= value < 2 ** 63:
        raise OverflowError("Python int too large to convert to C long")
    if value >= 2 ** 31:
        raise OverflowError("signed integer is greater than maximum")
    if value < -2 ** 31:
        raise OverflowError("signed integer is less than minimum")
    return value


def diagonal(a, offset=0, axis1=0, axis2=1):
    """The diagonal ``a[..., i, i + offset]`` over ``axis1`` and
    ``axis2``, as a read-only view; ``a.diagonal(...)`` is the same.

    A diagonal is one more stride: a step along it is a step along both
    axes, so its stride is the sum of theirs (``strides[axis1] +
    strides[axis2]``) and nothing moves.  The two axes are removed and
    the diagonal becomes the last axis; the others keep their order,
    shape and strides.  ``offset > 0`` starts ``offset`` elements along
    ``axis2`` (``offset < 0``: along ``axis1``), and the length is what
    is left of the shorter of the two.

    NumPy: ``PyArray_Diagonal`` in item_selection.c, step by step: the
    ``ndim < 2`` check before the axes, each axis named in its
    AxisError, ``axis1 == axis2`` (after counting from the end) refused.
    An offset past the end gives an empty diagonal; one exactly at the
    end still moves the (empty) view's start there, as NumPy's does.
    The view is read-only (WRITEABLE cleared; it can be set again where
    the memory allows, as for any view): before NumPy 1.9 a diagonal was
    a copy, and read-only keeps code that wrote into that copy from
    silently writing into ``a``.  NumPy reads -offset of
    ``offset = -2**31`` as a C int, which overflows, and views memory
    outside the array; minind gives an empty diagonal there.
    """
    cdef MiniArray array = asarray(a)
    cdef Py_ssize_t shape[MAX_NDIM]
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef Py_ssize_t length1, length2, length, start = 0, skip, step
    cdef int first, second, axis, ndim = 0
    cdef MiniArray view
    skip = _c_int(offset)
    _c_int(axis1)
    _c_int(axis2)
    if array.ndim < 2:
        raise ValueError("diag requires an array of at least two dimensions")
    first = normalize_axis(axis1, array.ndim, "axis1")
    second = normalize_axis(axis2, array.ndim, "axis2")
    if first == second:
        raise ValueError("axis1 and axis2 cannot be the same")
    length1 = array._shape[first]
    length2 = array._shape[second]
    if skip >= 0:
        length2 -= skip
        step = array._strides[second]
    else:
        skip = -skip
        length1 -= skip
        step = array._strides[first]
    length = length1 if length1 < length2 else length2
    if length < 0:
        length = 0          # past the end: the start stays where it is
    else:
        start = skip * step   # within the array (or just past its end)
    for axis in range(array.ndim):
        if axis != first and axis != second:
            shape[ndim] = array._shape[axis]
            strides[ndim] = array._strides[axis]
            ndim += 1
    shape[ndim] = length
    strides[ndim] = array._strides[first] + array._strides[second]
    view = make_view(array, start, ndim + 1, shape, strides)
    view._flags &= ~FLAG_WRITEABLE
    return view


def unstack(x, /, *, axis=0):
    """The sub-arrays of ``x`` along ``axis``, as a tuple of views
    (the inverse of ``stack``).  As NumPy, ``x`` must be an array (it
    reads ``x.ndim`` first) with at least one axis."""
    if x.ndim == 0:
        raise ValueError("Input array must be at least 1-d.")
    return tuple(moveaxis(x, axis, 0))


# ---------------------------------------------------------------------------
# Broadcasting
# ---------------------------------------------------------------------------

def broadcast_shapes(*args):
    """The shape that arrays of the given shapes broadcast to.

    Align the shapes on the right; in each position the lengths must be
    equal or 1, and the result takes the non-1 length.  On a mismatch the
    message names the first two arguments that disagree, as NumPy's does.
    """
    cdef Py_ssize_t buffer[MAX_NDIM]
    shapes = []
    for shape in args:
        # NumPy's messages: a float argument is "not a shape", a float
        # (or str) length "cannot be interpreted as an integer".
        if isinstance(shape, (tuple, list)):
            shape = tuple([operator.index(length) for length in shape])
        elif not isinstance(shape, float):
            shape = (operator.index(shape),)
        ndim = shape_from_object(shape, buffer)
        shapes.append(tuple(buffer[k] for k in range(ndim)))
    ndim = max([len(shape) for shape in shapes], default=0)
    result = []
    for axis in range(ndim):
        length, setter = 1, None
        for index, shape in enumerate(shapes):
            k = axis + len(shape) - ndim
            if k < 0 or shape[k] == 1:
                continue
            if length == 1:
                length, setter = shape[k], index
            elif length != shape[k]:
                raise ValueError(
                    "shape mismatch: objects cannot be broadcast to a single "
                    f"shape.  Mismatch is between arg {setter} with shape "
                    f"{shapes[setter]} and arg {index} with shape "
                    f"{shape}.")
        result.append(length)
    size = 1
    for length in result:
        size *= length
    if size > PY_SSIZE_T_MAX:
        raise ValueError("broadcast dimensions too large.")
    return tuple(result)


cdef MiniArray stretch(MiniArray array, tuple shape):
    """A view of ``array`` broadcast to ``shape`` (zero strides where it
    is stretched).  Raises NumPy's ValueError when it cannot be."""
    cdef Py_ssize_t shape_buffer[MAX_NDIM]
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef int ndim = shape_from_object(shape, shape_buffer)
    if ndim == 0 and array.ndim > 0:
        raise ValueError("cannot broadcast a non-scalar to a scalar array")
    if array.ndim > ndim:
        raise ValueError("input operand has more dimensions than allowed "
                         "by the axis remapping")
    if not broadcast_strides(array.ndim, array._shape, array._strides, ndim,
                             shape_buffer, strides):
        raise ValueError(
            "operands could not be broadcast together with remapped shapes "
            f"[original->remapped]: {shape_text(array.shape)}  and "
            f"requested shape {shape_text(shape)}")
    return make_view(array, 0, ndim, shape_buffer, strides)


def broadcast_to(array, shape, subok=False):
    """A read-only view of ``array`` with the given shape.

    Axes that are stretched get stride 0: every index along them reads the
    same element, which is why the view cannot be written (one write
    would change many "elements").
    """
    cdef MiniArray result
    if not isinstance(shape, (tuple, list)):
        shape = (shape,)
    shape = tuple([operator.index(length) for length in shape])
    for length in shape:
        if length < 0:
            raise ValueError("all elements of broadcast shape must be "
                             "non-negative")
    size = 1
    for length in shape:
        size *= length
    if size > PY_SSIZE_T_MAX:
        raise ValueError("iterator is too large")
    result = stretch(asarray(array), shape)
    result.flags.writeable = False
    return result


def broadcast_arrays(*args, subok=False):
    """The arguments broadcast against each other, as a tuple of views.

    An argument that already has the common shape is returned as it is.
    Unlike broadcast_to, a stretched view keeps its argument's WRITEABLE
    flag, for code written before NumPy made broadcasts read-only; but
    several of its elements share memory, so it is flagged WARN_ON_WRITE
    as in NumPy: reading ``flags.writeable`` warns that this will change
    (FutureWarning), the first write warns that it is probably a mistake
    (DeprecationWarning, ``_core.require_writeable``), and a memoryview
    of it is read-only.
    """
    cdef MiniArray view
    arrays = [asarray(arg) for arg in args]
    shape = broadcast_shapes(*[array.shape for array in arrays])
    results = []
    for array in arrays:
        if array.shape == shape:
            results.append(array)
            continue
        view = stretch(array, shape)
        if view._flags & FLAG_WRITEABLE:
            view._flags |= FLAG_WARN_ON_WRITE
        results.append(view)
    return tuple(results)


# ---------------------------------------------------------------------------
# Stride tricks, made safe
# ---------------------------------------------------------------------------

cdef tuple memory_bounds(MiniArray array):
    """(first, end) addresses of the memory ``array`` may legally touch:
    its owner's buffer, or the imported buffer or DLPack tensor behind
    it."""
    cdef MiniArray owner = memory_owner(array)
    base = owner.base
    if base is None or owner.flags.owndata:
        start = owner.__array_interface__["data"][0]
        return start, start + owner.nbytes
    view = imported_view(owner)
    if view is not None:
        # An imported buffer: only what the exporter exposes is known.
        exporter = asarray(view)
        start = exporter.__array_interface__["data"][0]
        low, high = _extent(exporter.shape, exporter.strides,
                            exporter.itemsize)
        return start + low, start + high
    if isinstance(base, DLPackBase):
        # A DLPack import: only the bytes the tensor's elements span.
        return (<DLPackBase>base).extent
    raise TypeError("cannot determine the memory behind this array")


cdef tuple _extent(tuple shape, tuple strides, Py_ssize_t itemsize):
    """(low, high) byte offsets around the first element that the elements
    touch; Python ints, so absurd shapes and strides cannot overflow.
    The C twin is ``byte_extent`` in _layout."""
    if 0 in shape:
        return 0, 0
    low, high = 0, itemsize
    for length, stride in zip(shape, strides):
        reach = stride * (length - 1)
        if reach < 0:
            low += reach
        else:
            high += reach
    return low, high


cdef str _outside_memory(MiniArray array, tuple shape, tuple strides):
    """None if ``shape`` and ``strides`` from ``array``'s first element stay
    within the memory it belongs to (``memory_bounds``), else where they
    reach, for the error message.  An empty shape touches nothing."""
    if 0 in shape:
        return None
    start, end = memory_bounds(array)
    first = array.__array_interface__["data"][0]
    low, high = _extent(shape, strides, array.itemsize)
    if first + low >= start and first + high <= end:
        return None
    return (f"bytes {first + low - start} to {first + high - start} of a "
            f"{end - start}-byte buffer (starting {first - start} bytes in)")


def set_strides(MiniArray array, value):
    """``a.strides = value``: new strides for ``a`` itself, allowed while
    they stay within the memory ``a`` belongs to (NumPy checks the same,
    and since 2.4 warns that the setter is deprecated: ``as_strided``
    makes such a view without changing ``a``)."""
    cdef Py_ssize_t shape_buffer[MAX_NDIM]
    cdef Py_ssize_t strides_buffer[MAX_NDIM]
    cdef int axis
    warnings.warn(
        "Setting the strides on a NumPy array has been deprecated in NumPy "
        "2.4.\nAs an alternative, you can create a new view using "
        "np.lib.stride_tricks.as_strided.", DeprecationWarning,
        stacklevel=1)             # (no Python frames between: the caller)
    try:
        strides = tuple([operator.index(n) for n in (
            value if isinstance(value, (tuple, list)) else (value,))])
    except TypeError:
        raise TypeError("invalid strides") from None
    if len(strides) != array.ndim:
        raise ValueError(f"strides must be  same length as shape "
                         f"({array.ndim})")
    overreach = _outside_memory(array, array.shape, strides)
    if overreach is not None:
        raise ValueError("strides is not compatible with available memory "
                         f"({overreach})")
    for axis in range(array.ndim):
        shape_buffer[axis] = array._shape[axis]
        strides_buffer[axis] = strides[axis]
    array._replace_dims(array.ndim, shape_buffer, strides_buffer)


def as_strided(x, shape=None, strides=None, subok=False, writeable=True):
    """A view of ``x``'s memory with any shape and strides you choose.

    This is the raw form of every view: element ``idx`` is at
    ``x.data + sum(idx[k] * strides[k])``.  NumPy trusts the caller and
    will happily read or write outside the buffer; minind refuses (with
    ValueError) any shape and strides that reach a byte outside the
    memory ``x`` belongs to, so experiments cannot crash Python.
    """
    cdef MiniArray array = asarray(x)
    cdef MiniArray result
    cdef Py_ssize_t shape_buffer[MAX_NDIM]
    cdef Py_ssize_t strides_buffer[MAX_NDIM]
    cdef int ndim, axis
    shape = array.shape if shape is None else shape
    ndim = shape_from_object(shape, shape_buffer)
    shape = tuple(shape_buffer[k] for k in range(ndim))
    if strides is None:
        # NumPy takes them from the array interface, which leaves them out
        # for C-contiguous arrays: the new shape then gets C strides.
        if array.flags.c_contiguous:
            fill_contiguous_strides(ndim, shape_buffer, array.itemsize,
                                    False, strides_buffer)
            strides = tuple(strides_buffer[k] for k in range(ndim))
        else:
            strides = array.strides
    if isinstance(strides, int) or hasattr(strides, "__index__"):
        strides = (strides,)
    strides = tuple(operator.index(stride) for stride in strides)
    if len(strides) != ndim:
        raise ValueError("mismatch in length of strides and shape")
    overreach = _outside_memory(array, shape, strides)
    if overreach is not None:
        raise ValueError(
            f"as_strided: shape {shape} with strides {strides} reaches "
            f"{overreach}; minind refuses views outside the buffer")
    for axis in range(ndim):
        strides_buffer[axis] = strides[axis]
    result = make_view(array, 0, ndim, shape_buffer, strides_buffer)
    result.base = AsStridedBase(array)
    if not writeable:
        result.flags.writeable = False
    return result


def sliding_window_view(x, window_shape, axis=None, *, subok=False,
                        writeable=False):
    """All windows of ``window_shape`` over ``x``, as one read-only view.

    For a 1-d ``x`` and window w: shape (n - w + 1, w) and strides
    (s, s) — consecutive windows start one element apart, and elements
    within a window are one element apart, so windows overlap in memory.
    """
    cdef MiniArray array = asarray(x)
    window = (tuple(window_shape) if isinstance(window_shape, (tuple, list))
              else (window_shape,))
    window = tuple(operator.index(length) for length in window)
    if any(length < 0 for length in window):
        raise ValueError("`window_shape` cannot contain negative values")
    if axis is None:
        axes = list(range(array.ndim))
        if len(window) != len(axes):
            raise ValueError(
                "Since axis is `None`, must provide window_shape for all "
                f"dimensions of `x`; got {len(window)} window_shape elements "
                f"and `x.ndim` is {array.ndim}.")
    else:
        axes = list(axis) if isinstance(axis, (tuple, list)) else [axis]
        axes = [normalize_axis(k, array.ndim) for k in axes]
        if len(window) != len(axes):
            raise ValueError(
                "Must provide matching length window_shape and axis; got "
                f"{len(window)} window_shape elements and {len(axes)} axes "
                "elements.")
    trimmed = list(array.shape)
    for ax, length in zip(axes, window):
        if trimmed[ax] < length:
            raise ValueError("window shape cannot be larger than input "
                             "array shape")
        trimmed[ax] -= length - 1
    shape = tuple(trimmed) + window
    strides = array.strides + tuple(array.strides[ax] for ax in axes)
    return as_strided(array, shape, strides,
                      writeable=writeable
                      and bool(array._flags & FLAG_WRITEABLE))


# ---------------------------------------------------------------------------
# Memory overlap
# ---------------------------------------------------------------------------

def _checked_max_work(max_work):
    """``max_work`` as NumPy reads it (``array_shares_memory_impl``):
    None, or a Python int (a bool too, not a NumPy integer) that fits a
    ``Py_ssize_t``, -2 or more (every negative value means no cap)."""
    if max_work is None:
        return None
    if not isinstance(max_work, int):
        raise ValueError("max_work must be an integer")
    if not -2 ** 63 <= max_work < 2 ** 63:
        raise OverflowError("Python int too large to convert to C ssize_t")
    if max_work < -2:
        raise ValueError("Invalid value for max_work")
    return int(max_work)


def may_share_memory(a, b, max_work=None):
    """Whether the byte ranges ``a`` and ``b`` span overlap.

    A cheap, conservative test: True may be a false alarm (two
    interleaved slices span the same range without sharing an element),
    False is certain.  Empty arrays share nothing.
    """
    cdef MiniArray x = asarray(a), y = asarray(b)
    max_work = _checked_max_work(max_work)
    if max_work is not None and max_work != 0:
        return shares_memory(x, y, max_work)
    return spans_overlap(x, y)


def shares_memory(a, b, max_work=None):
    """Whether some byte belongs to an element of both ``a`` and ``b``.

    Exact: element addresses are ``start + sum(stride_k * i_k)`` with
    ``0 <= i_k < shape_k``, and the arrays overlap iff some element of
    ``a`` and some element of ``b`` have byte ranges that intersect.  That
    is a bounded linear Diophantine problem (NumPy: ``solve_may_share_
    memory`` in mem_overlap.c), solved by ``_solve_bounded``.  ``max_work``
    caps the search (TooHardError when exceeded); None means no cap.
    """
    cdef MiniArray x = asarray(a), y = asarray(b)
    max_work = _checked_max_work(max_work)
    if not spans_overlap(x, y):
        return False
    if max_work == 0:
        raise TooHardError("Exceeded max_work")
    # Byte ranges [p, p + ix) and [q, q + iy) intersect iff
    # p - q lies in [-(ix - 1), iy - 1].  Write p - q as
    # (x0 - y0) + sum(sx_k * i_k) - sum(sy_k * j_k); flip every negative
    # coefficient c*i (0 <= i <= u) into c*u + |c|*(u - i) so that all
    # coefficients are positive and the unknowns keep range [0, u].
    x0 = x.__array_interface__["data"][0]
    y0 = y.__array_interface__["data"][0]
    offset = x0 - y0
    terms = {}
    for strides, shape, sign in ((x.strides, x.shape, 1),
                                 (y.strides, y.shape, -1)):
        for stride, length in zip(strides, shape):
            coefficient, bound = sign * stride, length - 1
            if coefficient == 0 or bound == 0:
                continue
            if coefficient < 0:
                offset += coefficient * bound
                coefficient = -coefficient
            # Equal coefficients merge: c*i + c*j covers c*[0, u + v].
            terms[coefficient] = terms.get(coefficient, 0) + bound
    low = -(x.itemsize - 1) - offset
    high = (y.itemsize - 1) - offset
    budget = [math.inf if max_work is None or max_work < 0 else max_work]
    return _solve_bounded(sorted(terms.items(), reverse=True), low, high,
                          budget)


cdef bint _solve_bounded(list terms, object low, object high,
                         list budget) except -1:
    """Is there ``sum(c * n)`` in [low, high] with ``0 <= n <= u`` for
    each (c, u) in ``terms`` (largest c first)?

    Depth-first: choose the count of the largest coefficient, then solve
    the rest.  Prunes by the most and least the rest can add, and by
    divisibility: the rest is a multiple of the gcd of its coefficients.
    """
    if high < 0:
        return False
    if not terms:
        return low <= 0
    budget[0] -= 1
    if budget[0] < 0:
        raise TooHardError("Exceeded max_work")
    coefficient, bound = terms[0]
    rest = terms[1:]
    rest_max = sum([c * u for c, u in rest])
    divisor = 0
    for c, _ in terms:
        divisor = math.gcd(divisor, c)
    # Some multiple of the gcd of all coefficients must lie in range.
    if (high // divisor) * divisor < low:
        return False
    first = max(0, -((rest_max - low) // coefficient))   # ceil division
    last = min(bound, high // coefficient)
    for count in range(last, first - 1, -1):
        if _solve_bounded(rest, low - count * coefficient,
                          high - count * coefficient, budget):
            return True
    return False
