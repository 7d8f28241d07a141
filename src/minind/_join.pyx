# cython: boundscheck=False, wraparound=False, cdivision=True
"""Joining and repeating: new arrays assembled from pieces of others.

``concatenate`` (and the Array API's ``concat``), ``stack``, ``repeat``,
``tile`` and ``roll`` all allocate one fresh owner and copy their inputs
into slabs of it, so unlike ``_manipulation`` (views only) every element
moves here.  What is worth reading is how the result is laid out:

* ``concatenate`` keeps the memory order its inputs agree on (two
  F arrays give an F result), by a sort of the axes in which every
  input votes (``joined_axis_order``);
* ``repeat`` always gives a C array: it copies whole C-ordered blocks;
* ``stack``, ``tile`` and ``roll`` are built on the others, exactly as
  NumPy builds them, so their layouts (and views) follow; so are
  ``vstack``, ``hstack``, ``dstack`` and ``column_stack``, which
  concatenate the views ``atleast_2d``/``atleast_1d``/``atleast_3d``
  make of their inputs; ``block`` too, nested concatenations of
  ``array(leaf, ndmin=...)`` views (or, for big results, leaves
  assigned into one empty array, as NumPy switches over);
* ``delete`` copies the kept slabs into a new owner in the input's
  order, or, given integers or a mask, indexes the input with the mask
  of kept entries (advanced indexing's layout, as NumPy's).

The way back, ``split`` and ``array_split`` (and ``hsplit``,
``vsplit``), moves nothing: its pieces are views, slices along the
split axis.

NumPy counterparts: ``PyArray_ConcatenateArrays`` and
``PyArray_ConcatenateFlattenedArrays`` (multiarraymodule.c),
``PyArray_CreateMultiSortedStridePerm`` (shape.c), ``PyArray_Repeat``
(item_selection.c); ``stack``, ``vstack``, ``hstack``, ``atleast_1d``...
(_core/shape_base.py), ``roll`` (_core/numeric.py), ``tile``, ``dstack``, ``column_stack``,
``array_split`` (lib/_shape_base_impl.py), ``block``
(_core/shape_base.py), ``delete`` (lib/_function_base_impl.py).
"""
from cpython.sequence cimport PySequence_Check
from libc.string cimport memcpy

from minind._core cimport (MiniArray, new_array, make_view, copy_into,
                           copy_array, normalize_axis, ravel_array,
                           reshape_array, require_writeable)
from minind._dtype cimport (Descr, as_dtype, descr_of, can_cast_index,
                            promote_sequence, T_INT64)
from minind._layout cimport MAX_NDIM, FLAG_C_CONTIGUOUS
from minind._loops cimport copy_block

import operator

from minind._creation import (asarray, array, empty, empty_like, ones,
                              zeros_like)
from minind._manipulation import broadcast_shapes
from minind._scalar import integer


cdef extern from "Python.h":
    const Py_ssize_t PY_SSIZE_T_MAX


cdef inline Py_ssize_t _abs(Py_ssize_t x) noexcept nogil:
    return -x if x < 0 else x


# ---------------------------------------------------------------------------
# The layout of a joined array
# ---------------------------------------------------------------------------

cdef void joined_axis_order(list arrays, int ndim, int* perm):
    """The memory order (outermost axis first) of an array joined from
    ``arrays``, all with ``ndim`` axes: NumPy's third "K" order.

    An insertion sort from C order, as ``_loops.axis_order``: an axis
    moves outward past another when the first input with an opinion on
    the pair steps it further (larger |stride|), and no later input
    contradicts that by stepping it less far.  An input has an opinion
    on two axes when neither has length 1 in it; a zero (broadcast)
    stride, on a longer axis, does vote, unlike in the iterator.  So all
    F inputs give an F result; inputs that disagree keep C order.  The
    inputs may differ in length along the joining axis, which is why
    this cannot be one Traversal.
    """
    cdef MiniArray array
    cdef int i0, i1, position, axis, other
    cdef bint ambiguous, swap
    for i0 in range(ndim):
        perm[i0] = i0
    for i0 in range(1, ndim):
        axis = perm[i0]
        position = i0
        for i1 in range(i0 - 1, -1, -1):
            other = perm[i1]
            ambiguous = True
            swap = False
            for item in arrays:
                array = <MiniArray>item
                if array._shape[axis] == 1 or array._shape[other] == 1:
                    continue
                if _abs(array._strides[axis]) <= _abs(array._strides[other]):
                    swap = False          # C order wins any conflict
                elif ambiguous:
                    swap = True
                ambiguous = False
            if not ambiguous:
                if swap:
                    position = i1
                else:
                    break
        if position != i0:
            for i1 in range(i0, position, -1):
                perm[i1] = perm[i1 - 1]
            perm[position] = axis


cdef MiniArray _joined_owner(list arrays, Descr dtype, int ndim,
                             const Py_ssize_t* shape):
    """A fresh owner of ``shape`` laid out in ``arrays``' joint memory
    order: contiguous strides in that order, innermost first.  An empty
    result keeps a new array's all-zero strides, as NumPy 2's does."""
    cdef int perm[MAX_NDIM]
    cdef Py_ssize_t step = dtype.itemsize
    cdef int k
    cdef MiniArray result = new_array(dtype, ndim, shape, False, False)
    if result.size == 0:
        return result
    joined_axis_order(arrays, ndim, perm)
    for k in range(ndim - 1, -1, -1):
        result._strides[perm[k]] = step
        step *= shape[perm[k]]
    result._update_flags()
    return result


# ---------------------------------------------------------------------------
# concatenate, concat, stack
# ---------------------------------------------------------------------------

cdef list _input_arrays(object arrays):
    """The first argument of concatenate as a list of arrays: any
    sequence (a list, a tuple, an array, whose first axis is iterated)."""
    if not (isinstance(arrays, (list, tuple, MiniArray))
            or PySequence_Check(arrays)):
        raise TypeError("The first input argument needs to be a sequence")
    result = [asarray(item) for item in arrays]
    if not result:
        raise ValueError("need at least one array to concatenate")
    return result


cdef int _axis_argument(object axis, int ndim) except -1:
    """NumPy's axis converter: a bool is not an axis."""
    if isinstance(axis, bool):
        raise TypeError("an integer is required for the axis")
    return normalize_axis(axis, ndim)


cdef int _check_cast(MiniArray source, Descr dtype, object casting) except -1:
    if not can_cast_index(source.dtype.type_index, dtype.type_index,
                          casting):
        raise TypeError(
            f"Cannot cast array data from {source.dtype!r} to {dtype!r} "
            f"according to the rule '{casting}'")
    return 0


def concatenate(arrays, /, axis=0, out=None, *, dtype=None,
                casting="same_kind"):
    """The arrays joined along an existing axis, in a new array (or
    ``out``).

    All inputs need the same number of axes and the same lengths except
    along ``axis``.  The result dtype promotes the inputs' (each input
    must cast to it, or to ``dtype``/``out``'s dtype, under
    ``casting``); ``axis=None`` joins the inputs flattened in C order.
    The dtypes promote all at once (``promote_sequence``: int8, uint16,
    float32 give float32).  Every check comes before the first copy, so
    a failing call leaves ``out`` as it was (NumPy checks each input's
    cast as it copies it).  Each input is then copied into its slab of
    the result with ``copy_into`` (which copies a source that overlaps
    ``out`` first).
    """
    cdef list inputs
    cdef MiniArray first, item, result, target = None
    cdef Descr descr = None
    cdef Py_ssize_t shape[MAX_NDIM]
    cdef Py_ssize_t start, length
    cdef int ndim, k, index, join
    if out is not None and dtype is not None:
        raise TypeError("concatenate() only takes `out` or `dtype` as an "
                        "argument, but both were provided.")
    if dtype is not None:
        descr = as_dtype(dtype)
    if out is not None:
        if not isinstance(out, MiniArray):
            raise TypeError("'out' must be an array")
        target = out
    can_cast_index(0, 0, casting)          # NumPy's errors for a bad rule
    inputs = _input_arrays(arrays)
    if axis is None:
        inputs = [ravel_array(item, "C") for item in inputs]
        join = 0
        ndim = 1
    else:
        first = inputs[0]
        if first.ndim == 0:
            raise ValueError("zero-dimensional arrays cannot be "
                             "concatenated")
        ndim = first.ndim
        join = _axis_argument(axis, ndim)
    first = inputs[0]
    for k in range(ndim):
        shape[k] = first._shape[k]
    for index in range(1, len(inputs)):
        item = inputs[index]
        if item.ndim != ndim:
            raise ValueError(
                "all the input arrays must have same number of dimensions, "
                f"but the array at index 0 has {ndim} dimension(s) and the "
                f"array at index {index} has {item.ndim} dimension(s)")
        for k in range(ndim):
            if k == join:
                shape[k] += item._shape[k]
            elif item._shape[k] != shape[k]:
                raise ValueError(
                    "all the input array dimensions except for the "
                    "concatenation axis must match exactly, but along "
                    f"dimension {k}, the array at index 0 has size "
                    f"{shape[k]} and the array at index {index} has size "
                    f"{item._shape[k]}")
    if target is not None:
        _check_out(target, ndim, shape, axis is None)
        descr = target.dtype
    elif descr is None:
        descr = descr_of(promote_sequence(
            [(<MiniArray>item).dtype.type_index for item in inputs]))
    for item in inputs:
        _check_cast(item, descr, casting)
    if target is None:
        target = _joined_owner(inputs, descr, ndim, shape)
    else:
        # NumPy's two copy routines word it differently.  It writes
        # through a view of out, whose flags the check (and the
        # broadcast_arrays warning, see require_writeable) concern: out
        # itself keeps warning, call after call, as in NumPy.
        require_writeable(make_view(target, 0, target.ndim, target._shape,
                                    target._strides),
                          "destination array is read-only" if axis is None
                          else "assignment destination is read-only")
    start = 0
    for item in inputs:
        length = item._shape[join]
        for k in range(ndim):
            shape[k] = target._shape[k]
        shape[join] = length
        copy_into(make_view(target, start * target._strides[join], ndim,
                            shape, target._strides), item)
        start += length
    return target if out is None else out


cdef int _check_out(MiniArray out, int ndim, const Py_ssize_t* shape,
                    bint flattened) except -1:
    cdef int k
    if flattened:
        if out.ndim != 1:
            raise ValueError("Output array must be 1D")
        if out._shape[0] != shape[0]:
            raise ValueError("Output array is the wrong size")
        return 0
    if out.ndim != ndim:
        raise ValueError("Output array has wrong dimensionality")
    for k in range(ndim):
        if out._shape[k] != shape[k]:
            raise ValueError("Output array is the wrong shape")
    return 0


def concat(arrays, /, axis=0, out=None, *, dtype=None, casting="same_kind"):
    """The Array API's name for ``concatenate`` (the same function in
    NumPy 2)."""
    return concatenate(arrays, axis, out, dtype=dtype, casting=casting)


def stack(arrays, axis=0, out=None, *, dtype=None, casting="same_kind"):
    """Arrays of one shape joined along a new axis.

    As NumPy: each input gets a length-1 axis at ``axis`` (a view), and
    those are concatenated along it, so the result's layout follows
    ``concatenate``'s rule (the new length-1 axes have no say in it).
    """
    if not hasattr(type(arrays), "__getitem__"):
        raise TypeError('arrays to stack must be passed as a "sequence" '
                        "type such as list or tuple.")
    inputs = [asarray(item) for item in arrays]
    if not inputs:
        raise ValueError("need at least one array to stack")
    if len({item.shape for item in inputs}) != 1:
        raise ValueError("all input arrays must have the same shape")
    join = normalize_axis(axis, inputs[0].ndim + 1)
    index = (slice(None),) * join + (None,)
    return concatenate([item[index] for item in inputs], axis=join, out=out,
                       dtype=dtype, casting=casting)


# ---------------------------------------------------------------------------
# repeat, tile
# ---------------------------------------------------------------------------

cdef MiniArray _repeat_counts(object repeats):
    """``repeats`` as a 0-d or 1-d int64 array (cast unsafely, as
    NumPy's intp conversion does: 1.5 counts once)."""
    cdef MiniArray counts
    if isinstance(repeats, MiniArray):
        counts = repeats
        if counts.ndim > 1:
            raise ValueError("object too deep for desired array")
    else:
        counts = array(repeats, descr_of(T_INT64), ndmax=1)
    if (counts.dtype.type_index != T_INT64
            or not counts._flags & FLAG_C_CONTIGUOUS):
        counts = copy_array(counts, descr_of(T_INT64), "C")
    return counts


def repeat(a, repeats, axis=None):
    """Each element (``axis=None``: of the flattened array) or each slab
    along ``axis`` repeated ``repeats`` times, in a new C array.

    ``repeats`` is one count for all, or one count per slab.  The copy is
    NumPy's: the input made C-contiguous, then for every index before
    ``axis`` each block behind it (one slab: the axes after ``axis``,
    contiguous) copied as many times as its count says.
    """
    cdef MiniArray counts = _repeat_counts(repeats)
    cdef MiniArray source = asarray(a)
    cdef MiniArray result
    cdef Py_ssize_t shape[MAX_NDIM]
    cdef Py_ssize_t n, total, outer = 1, block, count, i, j, r
    cdef const Py_ssize_t* per_slab
    cdef char* dst
    cdef const char* src
    cdef bint one_count
    cdef int join, k
    if axis is None:
        source = ravel_array(source, "C")
        join = 0
    elif source.ndim == 0:
        source = reshape_array(source, (1,), "C", None)
        join = _axis_argument(axis, 1)
    else:
        join = _axis_argument(axis, source.ndim)
    if not source._flags & FLAG_C_CONTIGUOUS:
        source = copy_array(source, source.dtype, "C")
    n = source._shape[join]
    one_count = counts.size == 1
    if not one_count and counts.size != n:
        raise ValueError("operands could not be broadcast together with "
                         f"shape ({n},) ({counts.size},)")
    per_slab = <const Py_ssize_t*>counts._data
    # The total in Python ints: a huge count cannot wrap around.
    if one_count:
        wanted = (<object>per_slab[0]) * n
        if wanted < 0:
            raise ValueError("negative dimensions are not allowed")
    else:
        wanted = 0
        for j in range(n):
            if per_slab[j] < 0:
                raise ValueError("repeats may not contain negative values.")
            wanted += per_slab[j]
    if wanted > PY_SSIZE_T_MAX:
        raise ValueError("array is too big; `arr.size * arr.dtype.itemsize` "
                         "is larger than the maximum possible size.")
    total = wanted
    block = source.dtype.itemsize
    for k in range(source.ndim):
        shape[k] = source._shape[k]
        if k < join:
            outer *= shape[k]
        elif k > join:
            block *= shape[k]
    shape[join] = total
    result = new_array(source.dtype, source.ndim, shape, False, False)
    dst = result._data
    src = source._data
    with nogil:
        for i in range(outer):
            for j in range(n):
                count = per_slab[0] if one_count else per_slab[j]
                for r in range(count):
                    copy_block(dst, src, block)
                    dst += block
                src += block
    return result


def resize(a, new_shape):
    """A new array of ``new_shape`` filled with ``a``'s elements in C
    order, repeated as often as needed (``a.resize`` fills with zeros
    instead, in place).  NumPy's ``np.resize`` step by step, so the
    result is a view as NumPy's is: ``a`` raveled, concatenated with
    itself, cut to size and reshaped; an empty ``a`` or shape gives
    zeros."""
    if isinstance(new_shape, (int, integer)):
        new_shape = (new_shape,)
    a = asarray(a).ravel()
    new_size = 1
    for length in new_shape:
        # A minind integer in Python's: a uint32 size would wrap below,
        # and a minind scalar times a tuple is a ufunc, not a repeat.
        new_size *= (operator.index(length) if isinstance(length, integer)
                     else length)
        if length < 0:
            raise ValueError("all elements of `new_shape` must be "
                             "non-negative")
    if a.size == 0 or new_size == 0:
        return zeros_like(a, shape=new_shape)
    if new_size > PY_SSIZE_T_MAX // a.itemsize:
        raise MemoryError()        # before a tuple of `repeats` is built
    repeats = (new_size + a.size - 1) // a.size
    return concatenate((a,) * repeats)[:new_size].reshape(new_shape)


def tile(A, reps):
    """``A`` repeated ``reps`` times along each axis (``reps`` is padded
    with 1s in front, or ``A`` with length-1 axes, to the same length).

    As NumPy: all-1 ``reps`` copy a MiniArray (keeping its memory
    order); otherwise each axis with a repeat count is expanded by
    ``repeat`` over the array seen as (-1, block), and the result is a
    reshaped view of the last repeat's C array.
    """
    try:
        counts = tuple(reps)
    except TypeError:
        counts = (reps,)
    if all(count == 1 for count in counts) and isinstance(A, MiniArray):
        return array(A, copy=True, ndmin=len(counts))
    result = array(A, copy=None, ndmin=len(counts))
    if len(counts) < result.ndim:
        counts = (1,) * (result.ndim - len(counts)) + counts
    shape = tuple(length * count
                  for length, count in zip(result.shape, counts))
    n = result.size
    if n > 0:
        for length, count in zip(result.shape, counts):
            if count != 1:
                result = repeat(result.reshape(-1, n), count, 0)
            n //= length
    return result.reshape(shape)


# ---------------------------------------------------------------------------
# roll
# ---------------------------------------------------------------------------

def roll(a, shift, axis=None):
    """``a`` with its elements shifted cyclically along ``axis`` (none:
    along the flattened array, keeping the shape), in a new array.

    As NumPy: the result is ``empty_like(a)`` (the input's memory order)
    filled by at most two slab copies per rolled axis; shifts on one
    axis add up; ``axis=None`` rolls ``ravel(a)`` and reshapes (a view of
    that rolled copy).
    """
    cdef MiniArray source = asarray(a)
    if axis is None:
        return roll(ravel_array(source, "C"), shift, 0).reshape(source.shape)
    axes = list(axis) if isinstance(axis, (tuple, list)) else [axis]
    axes = [normalize_axis(k, source.ndim) for k in axes]
    shifts = _shift_list(shift)
    scalar_shift, scalar_axis = shifts is None, not isinstance(
        axis, (tuple, list))
    if scalar_shift:
        shifts = [shift]
    broadcast_shapes(() if scalar_shift else (len(shifts),),
                     () if scalar_axis else (len(axes),))
    if len(shifts) == 1:
        shifts = shifts * len(axes)
    elif len(axes) == 1:
        axes = axes * len(shifts)
    if source.ndim == 0:
        # Only ``axis=()`` gets here.  NumPy's slab loop then unpacks an
        # empty index into (source, result) pairs and fails; so do we.
        raise ValueError("not enough values to unpack (expected 2, got 0)")
    total = [0] * source.ndim
    for count, k in zip(shifts, axes):
        total[k] += int(count)
    result = empty_like(source)
    pieces = [[(slice(None), slice(None))] for _ in range(source.ndim)]
    for k in range(source.ndim):
        offset = total[k] % (source.shape[k] or 1)
        if offset:
            pieces[k] = [(slice(None, -offset), slice(offset, None)),
                         (slice(-offset, None), slice(None, offset))]
    _roll_copy(result, source, pieces, 0, [], [])
    return result


cdef object _shift_list(object shift):
    """A 1-d shift as a list; None for a scalar one.  NumPy's ValueError
    for anything deeper."""
    if isinstance(shift, MiniArray):
        if shift.ndim == 0:
            return None
        if shift.ndim == 1:
            return shift.tolist()
    elif not isinstance(shift, (tuple, list)):
        return None
    else:
        if not any(isinstance(item, (tuple, list, MiniArray))
                   for item in shift):
            return list(shift)
    raise ValueError("'shift' and 'axis' should be scalars or 1D sequences")


cdef int _roll_copy(MiniArray result, MiniArray source, list pieces,
                    int axis, list source_index, list result_index) except -1:
    """Every combination of the per-axis pieces (NumPy's
    ``itertools.product``): one slab copy each."""
    if axis == source.ndim:
        result[tuple(result_index)] = source[tuple(source_index)]
        return 0
    for source_slice, result_slice in pieces[axis]:
        _roll_copy(result, source, pieces, axis + 1,
                   source_index + [source_slice],
                   result_index + [result_slice])
    return 0


# ---------------------------------------------------------------------------
# atleast_1d, atleast_2d, atleast_3d: views with enough axes
# ---------------------------------------------------------------------------

def _one_or_tuple(list results):
    """NumPy's return convention: one argument, one array; several, a
    tuple of them."""
    return results[0] if len(results) == 1 else tuple(results)


def atleast_1d(*arys):
    """Each input as an array of at least one axis.

    An array that has axes comes back as itself (the same object); a 0-d
    one as a length-1 view of it (``reshape(1)``), exactly as NumPy's
    ``atleast_1d`` (_core/shape_base.py), so ``base`` and the flags
    follow the view rule.  Several inputs give a tuple.
    """
    results = []
    for item in arys:
        result = asarray(item)
        if result.ndim == 0:
            result = result.reshape(1)
        results.append(result)
    return _one_or_tuple(results)


def atleast_2d(*arys):
    """Each input with at least two axes: 0-d becomes (1, 1), 1-d a row
    ``(1, n)`` (a view through ``a[None, :]``), more axes the array
    itself.  NumPy: ``atleast_2d``."""
    results = []
    for item in arys:
        result = asarray(item)
        if result.ndim == 0:
            result = result.reshape(1, 1)
        elif result.ndim == 1:
            result = result[None, :]
        results.append(result)
    return _one_or_tuple(results)


def atleast_3d(*arys):
    """Each input with at least three axes, its own axes kept in the
    middle: 0-d is (1, 1, 1), 1-d ``(1, n, 1)``, 2-d ``(m, n, 1)``, all
    views; more axes the array itself.  NumPy: ``atleast_3d``."""
    results = []
    for item in arys:
        result = asarray(item)
        if result.ndim == 0:
            result = result.reshape(1, 1, 1)
        elif result.ndim == 1:
            result = result[None, :, None]
        elif result.ndim == 2:
            result = result[:, :, None]
        results.append(result)
    return _one_or_tuple(results)


# ---------------------------------------------------------------------------
# vstack, hstack, dstack, column_stack, row_stack: concatenate after
# atleast_Nd
# ---------------------------------------------------------------------------

cdef tuple _stack_inputs(object tup):
    """The sequence check NumPy's stacking functions make before
    anything else (a generator is refused, not consumed)."""
    if not hasattr(type(tup), "__getitem__"):
        raise TypeError('arrays to stack must be passed as a "sequence" '
                        "type such as list or tuple.")
    return tuple(tup)


def vstack(tup, *, dtype=None, casting="same_kind"):
    """Arrays joined along the first axis, 1-d ones as rows: each input
    through ``atleast_2d``, then ``concatenate`` along axis 0 (so the
    result's layout is concatenate's).  NumPy: ``vstack``."""
    arrays = atleast_2d(*_stack_inputs(tup))
    if not isinstance(arrays, tuple):
        arrays = (arrays,)
    return concatenate(arrays, 0, dtype=dtype, casting=casting)


def row_stack(tup, *, dtype=None, casting="same_kind"):
    """``vstack`` under its old name, deprecated since NumPy 2.0 (with
    the same DeprecationWarning, blamed on the caller: a compiled
    function has no Python frame, so that is stacklevel 1 here)."""
    import warnings
    warnings.warn("`row_stack` alias is deprecated. Use `np.vstack` "
                  "directly.", DeprecationWarning, stacklevel=1)
    return vstack(tup, dtype=dtype, casting=casting)


def hstack(tup, *, dtype=None, casting="same_kind"):
    """Arrays joined along the second axis, or along the only axis when
    the (first) input is 1-d; 0-d inputs count as 1-d.  NumPy:
    ``hstack``."""
    arrays = atleast_1d(*_stack_inputs(tup))
    if not isinstance(arrays, tuple):
        arrays = (arrays,)
    axis = 0 if arrays and arrays[0].ndim == 1 else 1
    return concatenate(arrays, axis, dtype=dtype, casting=casting)


def dstack(tup):
    """Arrays joined along the third axis, each through ``atleast_3d``
    (a 1-d ``(n,)`` is ``(1, n, 1)``).  NumPy: ``dstack``."""
    arrays = atleast_3d(*_stack_inputs(tup))
    if not isinstance(arrays, tuple):
        arrays = (arrays,)
    return concatenate(arrays, 2)


def column_stack(tup):
    """1-d arrays as the columns of a 2-d array (2-d inputs joined as
    they are), along axis 1.  A 1-d input becomes a column as NumPy
    makes it: ``array(a, ndmin=2).T``, a (n, 1) view of a row."""
    arrays = []
    for item in _stack_inputs(tup):
        result = asarray(item)
        if result.ndim < 2:
            result = array(result, copy=None, ndmin=2).T
        arrays.append(result)
    return concatenate(arrays, 1)


# ---------------------------------------------------------------------------
# split, array_split, hsplit, vsplit: views
# ---------------------------------------------------------------------------

def array_split(ary, indices_or_sections, axis=0):
    """``ary`` cut along ``axis`` into views: at the given indices, or
    into N pieces whose lengths differ by at most one (the longer ones
    first).

    As NumPy (lib/_shape_base_impl.py): the axis is swapped to the
    front, sliced there (indices past the end give empty pieces, as a
    slice does) and swapped back, so each piece is a view with the
    strides of the input.  Like NumPy, the length comes from ``len()``
    for an input without a shape, whatever the axis.
    """
    total = ary.shape[axis] if hasattr(ary, "shape") else len(ary)
    try:
        count = len(indices_or_sections) + 1
        points = [0] + list(indices_or_sections) + [total]
    except TypeError:
        count = int(indices_or_sections)
        if count <= 0:
            raise ValueError("number sections must be larger than 0.") \
                from None
        each, extras = divmod(total, count)
        points = [0]
        end = 0
        for k in range(count):
            end += each + 1 if k < extras else each
            points.append(end)
    swapped = asarray(ary).swapaxes(axis, 0)
    return [swapped[points[k]:points[k + 1]].swapaxes(axis, 0)
            for k in range(count)]


def split(ary, indices_or_sections, axis=0):
    """``array_split`` that insists on N equal pieces when given a
    number (ValueError otherwise).  NumPy: ``split``, which asks
    ``ary.shape`` here, so a list is refused (AttributeError) as there.
    """
    try:
        len(indices_or_sections)
    except TypeError:
        if ary.shape[axis] % indices_or_sections:
            raise ValueError("array split does not result in an equal "
                             "division") from None
    return array_split(ary, indices_or_sections, axis)


def _ndim(ary):
    return ary.ndim if isinstance(ary, MiniArray) else asarray(ary).ndim


def hsplit(ary, indices_or_sections):
    """``split`` along the second axis (the only one of a 1-d array)."""
    if _ndim(ary) == 0:
        raise ValueError("hsplit only works on arrays of 1 or more "
                         "dimensions")
    return split(ary, indices_or_sections, 1 if ary.ndim > 1 else 0)


def vsplit(ary, indices_or_sections):
    """``split`` along the first axis, of an array with two or more."""
    if _ndim(ary) < 2:
        raise ValueError("vsplit only works on arrays of 2 or more "
                         "dimensions")
    return split(ary, indices_or_sections, 0)


# ---------------------------------------------------------------------------
# block: nested lists of arrays joined, innermost list along the last axis
# ---------------------------------------------------------------------------

cdef str _block_where(list index):
    """Where a nested element sits, as NumPy names it: ``arrays[0][1]``
    (an empty list's ``None`` position is left out)."""
    return "arrays" + "".join([f"[{position}]" for position in index
                               if position is not None])


cdef tuple _block_depths(object arrays, list index):
    """(bottom index, largest leaf ndim, total leaf size) of ``arrays``,
    checking that every leaf sits at the same list depth.

    NumPy: ``_block_check_depths_match``.  The bottom index is the path
    to one leaf (ending in ``None`` when it leads into an empty list, so
    that the caller can name that list); the elements are walked in
    order and compared with the first, so the first offending one is
    the one named.  Tuples are refused wherever they appear: NumPy will
    not guess whether a tuple is a row of blocks or one array.
    """
    cdef list bottom = None, item_bottom
    cdef Py_ssize_t size = 0, item_size
    cdef int ndim = 0, item_ndim
    if isinstance(arrays, tuple):
        raise TypeError(
            f"{_block_where(index)} is a tuple. Only lists can be used to "
            "arrange blocks, and np.block does not allow implicit "
            "conversion from tuple to ndarray.")
    if not isinstance(arrays, list):
        leaf = asarray(arrays)
        return index, leaf.ndim, leaf.size
    if not arrays:
        return index + [None], 0, 0
    for position, item in enumerate(arrays):
        item_bottom, item_ndim, item_size = _block_depths(
            item, index + [position])
        if bottom is None:
            bottom, ndim, size = item_bottom, item_ndim, item_size
            continue
        size += item_size
        if item_ndim > ndim:
            ndim = item_ndim
        if len(item_bottom) != len(bottom):
            raise ValueError(
                "List depths are mismatched. First element was at depth "
                f"{len(bottom)}, but there is an element at depth "
                f"{len(item_bottom)} ({_block_where(item_bottom)})")
        if item_bottom[len(item_bottom) - 1] is None:
            bottom = item_bottom
    return bottom, ndim, size


def _block_by_concatenation(arrays, int depth, int list_ndim,
                            int result_ndim):
    """The lists joined bottom up: each innermost list concatenated along
    the last axis, the lists of those along the one before, and so on.
    The leaves are ``array(leaf, ndmin=result_ndim)``: views of arrays
    (new leading length-1 axes), so the layout is ``concatenate``'s."""
    if depth == list_ndim:
        return array(arrays, copy=None, ndmin=result_ndim)
    return concatenate([_block_by_concatenation(item, depth + 1, list_ndim,
                                                result_ndim)
                        for item in arrays], axis=depth - list_ndim)


cdef tuple _block_pieces(object arrays, int depth, int list_ndim,
                         int result_ndim):
    """(shape of the result, [(index into the result, leaf), ...]) for
    the copy-each-leaf-once way.  NumPy: ``_block_info_recursion`` and
    ``_concatenate_shapes``, which word a shape mismatch their own way."""
    cdef int axis = result_ndim - list_ndim + depth
    cdef Py_ssize_t start = 0
    if depth == list_ndim:
        leaf = array(arrays, copy=None, ndmin=result_ndim)
        return leaf.shape, [((), leaf)]
    parts = [_block_pieces(item, depth + 1, list_ndim, result_ndim)
             for item in arrays]
    first = parts[0][0]
    for shape, _ in parts:
        if (shape[:axis] != first[:axis]
                or shape[axis + 1:] != first[axis + 1:]):
            raise ValueError(
                f"Mismatched array shapes in block along axis {axis}.")
    pieces = []
    for shape, inner in parts:
        here = (slice(start, start + shape[axis]),)
        pieces.extend([(here + index, leaf) for index, leaf in inner])
        start += shape[axis]
    return first[:axis] + (start,) + first[axis + 1:], pieces


def block(arrays):
    """An array assembled from nested lists of blocks: the innermost
    lists join along the last axis, the lists around them along the axis
    before, and so on (``[[A, B], [C, D]]`` is a 2x2 grid of blocks).

    Every leaf must sit at the same list depth ``d``; leaves and result
    get ``max(d, largest leaf ndim)`` axes, a leaf with fewer gaining
    leading length-1 axes (a scalar is a 1x1 block in 2-d).  Lists, not
    tuples, arrange blocks.

    The layout follows NumPy's two ways of doing it (_core/shape_base.py
    ``block``), chosen by the same size rule: small results are repeated
    ``concatenate`` calls (so the order the leaves agree on is kept);
    when depth times the total leaf size passes 2 * 512 * 512, one empty
    result, F only when every leaf is F-contiguous and not all are C,
    gets each leaf assigned into its slot.  A bare array (depth 0)
    comes back as a C-ordered copy.
    """
    cdef list bottom
    cdef int arrays_ndim, list_ndim, result_ndim
    cdef Py_ssize_t total
    bottom, arrays_ndim, total = _block_depths(arrays, [])
    list_ndim = len(bottom)
    # (wraparound is off in this module: no negative indices)
    if bottom and bottom[list_ndim - 1] is None:
        raise ValueError(f"List at {_block_where(bottom)} cannot be empty")
    result_ndim = max(arrays_ndim, list_ndim)
    if list_ndim * total <= 2 * 512 * 512:
        result = _block_by_concatenation(arrays, 0, list_ndim, result_ndim)
        return result.copy() if list_ndim == 0 else result
    shape, pieces = _block_pieces(arrays, 0, list_ndim, result_ndim)
    leaves = [leaf for _, leaf in pieces]
    all_f = all([leaf.flags.f_contiguous for leaf in leaves])
    all_c = all([leaf.flags.c_contiguous for leaf in leaves])
    dtype = descr_of(promote_sequence(
        [(<MiniArray>leaf).dtype.type_index for leaf in leaves]))
    result = empty(shape, dtype, "F" if all_f and not all_c else "C")
    for index, leaf in pieces:
        result[(Ellipsis,) + index] = leaf
    return result


# ---------------------------------------------------------------------------
# delete: a new array without some entries along an axis
# ---------------------------------------------------------------------------

cdef tuple _along(int axis, object index):
    """An index that applies ``index`` to ``axis`` only."""
    return (slice(None),) * axis + (index,)


def delete(arr, obj, axis=None):
    """A new array without the entries ``obj`` names along ``axis`` (of
    the flattened array for ``axis=None``).

    ``obj`` is an integer, a slice, integers (negative ones count from
    the end; repeats are fine) or a boolean mask of the axis length.
    As NumPy (lib/_function_base_impl.py ``delete``), the result's
    layout depends on the kind of ``obj``: for an integer or a slice, a
    new owner, F-ordered only when the input is F- and not C-contiguous,
    filled with the kept slabs on either side (a slice with a step
    drops its picks from the middle through a mask); for integers or a
    mask, the input indexed with the mask of kept entries, so the layout
    is advanced indexing's.  A slice that deletes nothing still copies.
    A size-1 integer array counts as an integer (its bounds message is
    the single one); an empty list deletes nothing.
    """
    cdef MiniArray source = asarray(arr)
    cdef int join
    cdef Py_ssize_t length
    order = "F" if source.flags.fnc else "C"
    if axis is None:
        if source.ndim != 1:
            source = ravel_array(source, "C")
        join = 0
    else:
        join = normalize_axis(axis, source.ndim)
    length = source._shape[join]
    shape = list(source.shape)
    if isinstance(obj, slice):
        picked = range(length)[obj]
        if len(picked) == 0:
            return source.copy(order=order)
        ends = (picked[0], picked[len(picked) - 1])
        low, high = min(ends), max(ends)
        step = abs(picked.step)
        count = len(picked)
        shape[join] -= count
        result = empty(shape, source.dtype, order)
        result[_along(join, slice(None, low))] = \
            source[_along(join, slice(None, low))]
        result[_along(join, slice(high + 1 - count, None))] = \
            source[_along(join, slice(high + 1, None))]
        if step > 1:
            keep = ones(high + 1 - low, dtype=bool)
            keep[::step] = False
            middle = source[_along(join, slice(low, high + 1))]
            result[_along(join, slice(low, high + 1 - count))] = \
                middle[_along(join, keep)]
        return result
    single = isinstance(obj, (int, integer)) and not isinstance(obj, bool)
    if not single:
        given = obj
        obj = asarray(obj)
        if obj.size == 0 and not hasattr(given, "dtype"):
            # (an empty list is no index; an empty array keeps its dtype,
            # a NumPy one too, and a float one is refused below)
            obj = obj.astype("int64")
        elif obj.size == 1 and obj.dtype.kind in "ui":
            obj = obj.item()
            single = True
    if single:
        if obj < -length or obj >= length:
            raise IndexError(f"index {obj} is out of bounds for axis {join} "
                             f"with size {length}")
        if obj < 0:
            obj += length
        shape[join] -= 1
        result = empty(shape, source.dtype, order)
        result[_along(join, slice(None, obj))] = \
            source[_along(join, slice(None, obj))]
        result[_along(join, slice(obj, None))] = \
            source[_along(join, slice(obj + 1, None))]
        return result
    if obj.dtype.kind == "b":
        if obj.shape != (length,):
            raise ValueError(
                "boolean array argument obj to delete must be one "
                f"dimensional and match the axis length of {length}")
        keep = ~obj
    else:
        keep = ones(length, dtype=bool)
        keep[obj,] = False
    return source[_along(join, keep)]
