# cython: boundscheck=False, wraparound=False, cdivision=True
"""Advanced indexing: integer arrays and boolean masks pick elements.

Basic indexing (``_core.apply_index``) turns an index into stride
arithmetic, so its result is a view.  An index that holds an integer
array, a sequence or a boolean names elements one by one; no strides can
describe that, so the result is a fresh array (a *copy*), and assigning
through such an index writes element by element.  NumPy's counterpart is
``mapping.c`` (``prepare_index``, ``PyArray_MapIterNew``, the
``mapiter_get``/``mapiter_set`` loops).

How ``a[key]`` is computed, in four steps (``prepare``, then ``getitem``
or ``setitem``):

1. **Classify.**  Each item of the key is an integer, a slice, ``...``,
   ``None``, an integer array or a boolean array.  A boolean mask of k
   dimensions stands for its ``nonzero()``: k integer arrays over k axes.
   A 0-d boolean (``a[True]``) is a new axis of length 1 that it indexes
   with ``[0]`` (True) or ``[]`` (False).  Once an index has an array, its
   plain integers are indices too (0-d arrays).
2. **The source view.**  Replace every advanced item by a full slice and
   apply what is left: a basic view ``S`` whose *advanced axes* are still
   whole, and whose other axes (the *subspace*) are what each picked
   element brings along.
3. **Broadcast** the index arrays together, into the shape ``B`` of the
   picks.  Pick ``b`` starts at ``S.data + sum_k idx_k[b] * S.strides[k]``
   (``offsets``, where the bounds are checked).
4. **Lay out the result** as NumPy does: ``B`` outermost in C order, the
   subspace inside it in its own memory order.  Where do the ``B`` axes
   appear in the result?  If the advanced items of the key sit next to
   each other, ``B`` replaces their axes in place (``a[:, [0, 2]]`` has
   shape ``(2, 2, 4)`` for ``a`` of shape ``(2, 3, 4)``); separated by a
   slice, ``...`` or ``None``, there is no sensible place, and ``B`` goes
   first.  For the in-place case NumPy (and minind) fills ``B + subspace``
   and returns a transposed *view* of it, so ``a[:, [0, 2]].base`` is not
   None although the data are a copy.  An empty result has all strides 0.

A boolean mask with as many dimensions as the array (``a[a > 0]``) is
NumPy's fast path: its elements are compressed in one pass, and an
assignment through it takes NumPy's own rules (a 0-d or 1-d value of size
1 or of exactly the number of True elements).
"""
from cpython.long cimport PyLong_CheckExact
from cpython.bool cimport PyBool_Check
from cpython.mem cimport PyMem_Malloc, PyMem_Free
from cpython.slice cimport PySlice_Check
from cpython.sequence cimport PySequence_Check
from cpython.number cimport PyIndex_Check
from libc.stdint cimport int64_t, int8_t, int16_t, int32_t
from libc.string cimport memcpy, memcmp

from minind._core cimport (MiniArray, IndexResult, ADVANCED, apply_index,
                           index_items, as_index, new_array, make_view,
                           copy_into, copy_array, spans_overlap, value_source,
                           memory_order, shape_text, normalize_axis,
                           ravel_array, is_numpy_array, require_writeable,
                           check_order)
from minind._dtype cimport Descr, descr_of, T_BOOL, T_INT64
from minind._layout cimport (MAX_NDIM, FLAG_C_CONTIGUOUS, broadcast_strides,
                             fill_fresh_strides)
from minind._loops cimport (Traversal, MAX_OPERANDS, plan_traversal, walk,
                            axis_order, copy_block)
from minind._scalar cimport generic, scalar_descr

import operator

from minind._creation import asarray
from minind._core import copyto
from minind._dtype import can_cast
from minind._manipulation import broadcast_shapes, broadcast_to


from minind._core import INVALID_INDEX as _INVALID_INDEX

# Below this many picks the GIL is kept (as in _loops).
cdef Py_ssize_t NOGIL_THRESHOLD = 1 << 14

# The four element widths, copied as integers (a copy needs no type).
ctypedef fused word_t:
    int8_t
    int16_t
    int32_t
    int64_t


# NumPy reads at most 2 * NPY_MAXDIMS items of a key (a boolean mask
# counting as many as its dimensions), and iterates at most NPY_MAXDIMS
# index arrays (one fewer when they are iterated with the result or the
# values, as when there is no subspace).
cdef enum:
    MAX_KEY = 2 * MAX_NDIM

# What an index item is, after classification.
cdef enum Kind:
    NEWAXIS, ELLIPSIS, SLICE, INTEGER, ARRAY, MASK, MASK0


cdef class Plan:
    """A prepared advanced index: the source view and the index arrays.

    ``source`` is the view S of step 2; ``arrays[k]`` (int64, any layout,
    not yet broadcast) indexes S's axis ``axes[k]``, whose length is
    ``lengths[k]`` and which is axis ``array_axes[k]`` of the original
    array (for error messages).  ``front`` says whether the broadcast axes
    go first (else they replace the advanced axes, which start at S's
    axis ``axes[0]`` then).  ``mask`` is the full-rank boolean mask of
    NumPy's fast path, or None.
    """
    cdef MiniArray source
    cdef list arrays
    cdef int narrays
    # (Room for every array a key of at most MAX_KEY items can make, so
    # that the counts NumPy refuses are refused in NumPy's order, by
    # _broadcast; no more than MAX_NDIM ever reach bstrides.)
    cdef int axes[MAX_KEY + 1]
    cdef int array_axes[MAX_KEY + 1]
    cdef bint front
    cdef MiniArray mask
    # The broadcast shape B of the index arrays, and each array's strides
    # over it (in bytes; 0 along broadcast axes).
    cdef int nb
    cdef Py_ssize_t bshape[MAX_NDIM]
    cdef Py_ssize_t bstrides[MAX_NDIM][MAX_NDIM]
    cdef Py_ssize_t bsize
    # The subspace: S's axes that no array indexes, in order.
    cdef int nsub
    cdef int sub_axes[MAX_NDIM]
    # When no array is left after classification (a key whose only
    # arrays are 0-d integers): the basic key, and whether a[key] is a
    # copy of that view (it is, when it is an array).
    cdef tuple basic_key
    cdef bint copy_view


cdef MiniArray _index_array(object item):
    """An index item that is an array or a sequence, as a MiniArray of
    integers or booleans; NumPy's IndexError for anything else."""
    cdef MiniArray array
    cdef bint sequence = not isinstance(item, MiniArray) and not hasattr(
        type(item), "__array_interface__")
    if sequence:
        try:
            array = asarray(item)
        except (ValueError, MemoryError):
            raise                 # a ragged list: NumPy's ValueError too
        except Exception:
            # Strings, None, integers beyond 64 bits, objects whose
            # conversion fails: NumPy would make an object array of them,
            # and refuse it as an index.
            raise IndexError(_INVALID_INDEX) from None
        if array.size == 0 and array.dtype.kind == "f":
            # [] converts to float64, but an empty list of indices is
            # meant as integers (NumPy makes the same exception).
            return new_array(descr_of(T_INT64), array.ndim,
                             array._shape, False, False)
    else:
        array = asarray(item)
    if array.dtype.kind not in "iub":
        if sequence:
            raise IndexError(_INVALID_INDEX)
        raise IndexError("arrays used as indices must be of integer (or "
                         "boolean) type")
    return array


cdef bint _is_index_array(object item):
    """An array or a sequence of indices: a MiniArray, a NumPy array (not
    a NumPy scalar), a list, tuple or range, or another sequence that is
    not a string and not an integer itself."""
    if isinstance(item, (list, tuple, range, MiniArray)):
        return True
    if isinstance(item, (str, bytes)):
        return False
    if is_numpy_array(item):
        return True
    return PySequence_Check(item) and not PyIndex_Check(item)


cdef bint _is_boolean_scalar(object item):
    if PyBool_Check(item):
        return True
    if isinstance(item, generic):
        return scalar_descr(item).kind == "b"
    if hasattr(type(item), "__array_interface__"):
        try:
            return item.ndim == 0 and item.dtype.kind == "b"
        except Exception:
            return False
    return False


cdef MiniArray _integers(Py_ssize_t start, Py_ssize_t count):
    """A fresh int64 array: start, start + 1, ... (count of them); with
    count 1 and start the value, a plain integer as an index array."""
    cdef Py_ssize_t shape = count, i
    cdef MiniArray result = new_array(descr_of(T_INT64), 1, &shape, False,
                                      False)
    for i in range(count):
        (<int64_t*>result._data)[i] = start + i
    return result


cdef Plan prepare(MiniArray a, object key, bint broadcast=True):
    """Steps 1 and 2: classify the items of ``key``, check them as NumPy
    does (types, counts, boolean shapes, integer bounds) and build the
    source view."""
    cdef tuple items = index_items(key)
    cdef Py_ssize_t nitems = len(items), i, value
    cdef list kinds = [], objects = [], basic = []
    cdef int consumed = 0, axis = 0, saxis = 0, k, j, count
    cdef int first = -1, last = -1, mask0_axis = -1, slots = 0
    cdef bint has_array = False, ellipsis_seen = False, scalar_arrays = False
    cdef MiniArray array
    cdef IndexResult found
    cdef Plan plan = Plan()
    plan.arrays = []
    plan.narrays = 0
    plan.mask = None
    plan.copy_view = False
    # Step 1: classify, left to right; conversions fail here.  NumPy
    # counts the key's items as it reads them (``slots``: a k-d mask
    # counts k) and refuses keys longer than MAX_KEY.
    if nitems > MAX_KEY:
        raise IndexError("too many indices for array")
    for i in range(nitems):
        if slots > MAX_KEY:
            raise IndexError("too many indices for array")
        slots += 1
        item = items[i]
        if item is None:
            kinds.append(NEWAXIS)
            objects.append(None)
            continue
        if item is Ellipsis:
            if ellipsis_seen:
                raise IndexError("an index can only have a single ellipsis "
                                 "('...')")
            ellipsis_seen = True
            kinds.append(ELLIPSIS)
            objects.append(None)
            continue
        if PySlice_Check(item):
            kinds.append(SLICE)
            consumed += 1
        elif PyLong_CheckExact(item):
            kinds.append(INTEGER)
            item = as_index(item)      # (NumPy's errors for huge ones)
            consumed += 1
        elif _is_boolean_scalar(item):
            kinds.append(MASK0)
            item = bool(item)
            has_array = True
        elif not _is_index_array(item):
            # An integer (a NumPy or minind integer scalar too), or
            # something as_index refuses with NumPy's error.
            kinds.append(INTEGER)
            item = as_index(item)
            consumed += 1
        else:
            array = _index_array(item)
            if array.dtype.kind == "b":
                if array.ndim == 0:
                    kinds.append(MASK0)
                    item = bool(array)
                else:
                    if slots - 1 + array.ndim >= MAX_KEY:
                        raise IndexError("too many indices for array")
                    kinds.append(MASK)
                    item = array
                    consumed += array.ndim
                    slots += array.ndim - 1
                has_array = True
            else:
                kinds.append(ARRAY)
                item = copy_array(array, descr_of(T_INT64), "K") if (
                    array.dtype.type_index != T_INT64) else array
                consumed += 1
                if array.ndim > 0:
                    has_array = True
                else:
                    scalar_arrays = True
        objects.append(item)
    if scalar_arrays and not has_array:
        # Only 0-d integer arrays: NumPy reads them as integers, then
        # copies the view it got (a[np.array(0)] is a copy, not a view).
        plan.copy_view = True
        for i in range(nitems):
            if kinds[i] == ARRAY:
                kinds[i] = INTEGER
                objects[i] = int(objects[i])
    else:
        has_array = has_array or scalar_arrays
    if consumed > a.ndim:
        raise IndexError(f"too many indices for array: array is {a.ndim}-"
                         f"dimensional, but {consumed} were indexed")
    # A mask as the whole key, over every axis: NumPy's fast path.
    if (nitems == 1 and kinds[0] == MASK
            and (<MiniArray>objects[0]).shape == a.shape):
        plan.mask = objects[0]
    else:
        _check_mask_lengths(a, kinds, objects, consumed)
    # Step 2: the source view, and where each index array points.
    for i in range(nitems):
        kind = kinds[i]
        item = objects[i]
        if kind == NEWAXIS:
            basic.append(None)
            saxis += 1
            continue
        if kind == ELLIPSIS:
            basic.append(Ellipsis)
            saxis += a.ndim - consumed
            axis += a.ndim - consumed
            continue
        if kind == SLICE:
            # Read now, so that its errors (a zero step, bounds that are
            # not integers) come in their place among the integers'.
            (<slice>item).indices(a._shape[axis])
            basic.append(item)
            saxis += 1
            axis += 1
            continue
        if kind == INTEGER and not has_array:
            basic.append(item)          # (only reached for a[[...]][...])
            axis += 1
            continue
        # An advanced item: remember where the advanced items start and
        # end in the key (are they next to each other?).
        if first < 0:
            first = i
        last = i
        if kind == MASK0:
            # A new axis of length 1, indexed by [0] or []: all the 0-d
            # booleans of a key can share one (each still adds its own
            # (1,) or (0,) to the broadcast), which keeps the source view
            # within 64 dimensions whenever the result is.
            if mask0_axis < 0:
                basic.append(None)
                mask0_axis = saxis
                saxis += 1
            _add_array(plan, _integers(0, 1 if item else 0), mask0_axis, -1)
            continue
        if kind == INTEGER or (kind == ARRAY
                               and (<MiniArray>item).ndim == 0):
            # (A 0-d array is read, and checked, as the integer it holds.)
            # An integer is an index of no dimensions: it adds nothing to
            # the broadcast shape, so it is applied to the source view
            # directly (dropping its axis there, which also keeps the view
            # within 64 dimensions whenever the result is); it still
            # counts as advanced for where the broadcast axes go.
            value = item if kind == INTEGER else int(item)
            if value < -a._shape[axis] or value >= a._shape[axis]:
                raise IndexError(f"index {value} is out of bounds for axis "
                                 f"{axis} with size {a._shape[axis]}")
            basic.append(value)
            axis += 1
            continue
        if kind == ARRAY:
            basic.append(slice(None))
            _add_array(plan, item, saxis, axis)
            saxis += 1
            axis += 1
            continue
        # A mask of k dimensions over the next k axes (its lengths
        # checked already).
        array = item
        if plan.mask is None:
            for j, column in enumerate(_nonzero(array)):
                basic.append(slice(None))
                _add_array(plan, column, saxis + j, axis + j)
        else:
            for j in range(array.ndim):
                basic.append(slice(None))
        saxis += array.ndim
        axis += array.ndim
    if not has_array:
        plan.basic_key = tuple(basic)
        plan.source = None
        return plan
    if apply_index(a, tuple(basic), &found) == ADVANCED:
        raise AssertionError("unreachable: the basic part is basic")
    plan.source = make_view(a, found.offset, found.ndim, found.shape,
                            found.strides)
    plan.front = False
    for i in range(first + 1, last):
        if kinds[i] in (NEWAXIS, ELLIPSIS, SLICE):
            plan.front = True
    if plan.mask is None and broadcast:
        _broadcast(plan)
    return plan



cdef int _check_mask_lengths(MiniArray a, list kinds, list objects,
                             int consumed) except -1:
    """Each mask's lengths against the axes it covers.  NumPy checks them
    once the whole key is classified and before it reads any slice or
    checks any integer's bounds, so a[mask_too_long, 0.5:] is an
    IndexError about the mask, not a TypeError about the slice."""
    cdef int axis = 0, j
    cdef MiniArray array
    for i in range(len(kinds)):
        kind = kinds[i]
        if kind == ELLIPSIS:
            axis += a.ndim - consumed
        elif kind == MASK:
            array = objects[i]
            for j in range(array.ndim):
                # (A boolean axis of length 0 is not checked: NumPy takes
                # np.zeros((0, 4), bool) as a mask for any (n, 4) array.)
                if (array._shape[j] != a._shape[axis + j]
                        and array._shape[j]):
                    raise IndexError(
                        f"boolean index did not match indexed array along "
                        f"axis {axis + j}; size of axis is "
                        f"{a._shape[axis + j]} but size of corresponding "
                        f"boolean axis is {array._shape[j]}")
            axis += array.ndim
        elif kind != NEWAXIS and kind != MASK0:
            axis += 1
    return 0


cdef int _add_array(Plan plan, MiniArray array, int saxis,
                    int axis) except -1:
    if plan.narrays > MAX_KEY:
        # (prepare's count of the key's slots keeps this from happening)
        raise AssertionError("unreachable: more index arrays than a key "
                             "can hold")
    plan.arrays.append(array)
    plan.axes[plan.narrays] = saxis
    plan.array_axes[plan.narrays] = axis
    plan.narrays += 1
    return 0


cdef tuple _nonzero(MiniArray mask):
    global _nonzero_function
    if _nonzero_function is None:
        from minind._ufunc import nonzero as _nonzero_function
    return _nonzero_function(mask)

_nonzero_function = None


cdef int _expand_mask(Plan plan) except -1:
    """The full-rank mask as its nonzero() columns, for the general
    loops (when the fast path's contiguous pass does not apply)."""
    cdef int j
    if plan.narrays == 0:
        for j, column in enumerate(_nonzero(plan.mask)):
            _add_array(plan, column, j, j)
        _broadcast(plan)
    return 0


cdef int _broadcast(Plan plan) except -1:
    """Step 3: the broadcast shape of the index arrays (NumPy's message if
    there is none), each array's strides over it, and the subspace.

    NumPy's checks, in its order: the result's number of dimensions
    (``prepare_index``), then, array by array, at most MAX_NDIM arrays
    and their broadcasting (``mapiter_fill_info``), then one array fewer
    when there is no subspace to iterate (its size is 1), where NumPy
    iterates the arrays together with the result or the values, within
    NPY_MAXARGS operands (``PyArray_MapIterNew``; the full-rank mask's
    fast path iterates no index arrays)."""
    cdef MiniArray array
    cdef int k, count, axis, nb = 0
    cdef bint used[MAX_NDIM]
    cdef Py_ssize_t length, subsize = 1
    for array in plan.arrays:
        nb = max(nb, array.ndim)
    if nb > MAX_NDIM:
        raise IndexError("too many dimensions in the index arrays")
    for axis in range(plan.source.ndim):
        used[axis] = False
    for k in range(plan.narrays):
        used[plan.axes[k]] = True
    plan.nsub = 0
    for axis in range(plan.source.ndim):
        if not used[axis]:
            plan.sub_axes[plan.nsub] = axis
            plan.nsub += 1
            subsize *= plan.source._shape[axis]
    if nb + plan.nsub > MAX_NDIM:
        raise IndexError(f"number of dimensions must be within [0, "
                         f"{MAX_NDIM}], indexing result would have "
                         f"{nb + plan.nsub}")
    plan.nb = nb
    for axis in range(nb):
        plan.bshape[axis] = 1
    for count, array in enumerate(plan.arrays):
        if count == MAX_NDIM:
            raise IndexError(
                f"too many advanced (array) indices. This probably means "
                f"you are indexing with too many booleans. (more than "
                f"{MAX_NDIM} found)")
        for axis in range(array.ndim):
            length = array._shape[axis]
            k = nb - array.ndim + axis
            if plan.bshape[k] == 1:
                plan.bshape[k] = length
            elif length != 1 and length != plan.bshape[k]:
                raise IndexError(
                    "shape mismatch: indexing arrays could not be "
                    "broadcast together with shapes " + "".join(
                        [shape_text(a.shape) + " " for a in plan.arrays]))
    if plan.mask is None and subsize == 1 and plan.narrays > MAX_NDIM - 1:
        raise IndexError(
            f"when no subspace is given, the number of index arrays cannot "
            f"be above {MAX_NDIM - 1}, but {plan.narrays} index arrays "
            f"found")
    plan.bsize = 1
    for axis in range(nb):
        plan.bsize *= plan.bshape[axis]
    for k in range(plan.narrays):
        array = plan.arrays[k]
        broadcast_strides(array.ndim, array._shape, array._strides, nb,
                          plan.bshape, plan.bstrides[k])
    return 0


# ---------------------------------------------------------------------------
# Offsets: where each pick starts, with the bounds checked first
# ---------------------------------------------------------------------------

cdef struct BoundsCheck:
    Py_ssize_t length
    bint failed
    int64_t bad


cdef void _check_run(char** pointers, Py_ssize_t n, const Py_ssize_t* steps,
                     void* data) noexcept nogil:
    cdef BoundsCheck* check = <BoundsCheck*>data
    cdef const char* p = pointers[0]
    cdef Py_ssize_t i, length = check.length
    cdef size_t span = 2 * <size_t>length
    cdef const int64_t* run = <const int64_t*>p
    cdef int64_t v
    cdef bint bad = False
    if check.failed:
        return
    if steps[0] == sizeof(int64_t):
        # The common case, a contiguous run: one pass without an exit,
        # which the compiler vectorises; the offender is looked for only
        # when there is one.
        for i in range(n):
            bad |= <size_t>(run[i] + length) >= span
        if not bad:
            return
    for i in range(n):
        v = (<const int64_t*>(p + i * steps[0]))[0]
        # One unsigned comparison tests both ends of [-length, length).
        if <size_t>(v + length) >= <size_t>(2 * length):
            check.failed = True
            check.bad = v
            return


cdef int _check_bounds(Plan plan) except -1:
    """Every index array within its axis, in item order, each walked in its
    memory order; the first offender is reported.  (Plain integers were
    checked as the key was read.)"""
    cdef Traversal t
    cdef BoundsCheck check
    cdef MiniArray array
    cdef char* start[1]
    cdef int k, axis
    if plan.bsize == 0:
        return 0     # nothing is picked: NumPy reads no index, checks none
    for k in range(plan.narrays):
        array = plan.arrays[k]
        if array.size == 0:
            continue
        t.nop = 1
        t.ndim = array.ndim
        for axis in range(array.ndim):
            t.shape[axis] = array._shape[axis]
            t.strides[0][axis] = array._strides[axis]
        plan_traversal(&t)
        check.length = plan.source._shape[plan.axes[k]]
        check.failed = False
        start[0] = array._data
        if array.size >= NOGIL_THRESHOLD:
            with nogil:
                walk(&t, start, _check_run, &check)
        else:
            walk(&t, start, _check_run, &check)
        if check.failed:
            raise IndexError(
                f"index {check.bad} is out of bounds for axis "
                f"{plan.array_axes[k]} with size {check.length}")
    return 0


cdef void _fill_offsets(Plan plan, char** data, Py_ssize_t* lengths,
                        Py_ssize_t* steps, Py_ssize_t* out) noexcept nogil:
    """out[b] = sum over k of idx_k[b] * steps[k] (negative indices
    wrapped), b running over the broadcast shape in C order.  Bounds are
    checked already."""
    cdef Py_ssize_t counter[MAX_NDIM]
    cdef char* pointers[MAX_NDIM]
    cdef Py_ssize_t b = 0, i, n, offset, v
    cdef int k, axis, nb = plan.nb, narrays = plan.narrays
    cdef int inner = nb - 1
    for k in range(narrays):
        pointers[k] = data[k]
    for axis in range(nb):
        counter[axis] = 0
    n = plan.bshape[inner] if nb > 0 else 1
    while True:
        for i in range(n):
            offset = 0
            for k in range(narrays):
                v = (<int64_t*>(pointers[k] + i * (
                    plan.bstrides[k][inner] if nb > 0 else 0)))[0]
                if v < 0:
                    v += lengths[k]
                offset += v * steps[k]
            out[b] = offset
            b += 1
        axis = inner - 1
        while axis >= 0:
            counter[axis] += 1
            for k in range(narrays):
                pointers[k] += plan.bstrides[k][axis]
            if counter[axis] < plan.bshape[axis]:
                break
            for k in range(narrays):
                pointers[k] -= plan.bstrides[k][axis] * plan.bshape[axis]
            counter[axis] = 0
            axis -= 1
        if axis < 0:
            return


cdef Py_ssize_t* _offsets(Plan plan) except NULL:
    """Step 3's byte offsets of every pick in S (bsize of them, C order of
    the broadcast shape), in a buffer the caller frees."""
    cdef char* data[MAX_NDIM]
    cdef Py_ssize_t lengths[MAX_NDIM]
    cdef Py_ssize_t steps[MAX_NDIM]
    cdef Py_ssize_t* out
    cdef MiniArray array
    cdef int k
    _check_bounds(plan)
    out = <Py_ssize_t*>PyMem_Malloc(max(plan.bsize, 1) * sizeof(Py_ssize_t))
    if out == NULL:
        raise MemoryError()
    if plan.bsize == 0:
        return out
    for k in range(plan.narrays):
        array = plan.arrays[k]
        data[k] = array._data
        lengths[k] = plan.source._shape[plan.axes[k]]
        steps[k] = plan.source._strides[plan.axes[k]]
    if plan.bsize >= NOGIL_THRESHOLD:
        with nogil:
            _fill_offsets(plan, data, lengths, steps, out)
    else:
        _fill_offsets(plan, data, lengths, steps, out)
    return out


# ---------------------------------------------------------------------------
# Step 4: the result's layout
# ---------------------------------------------------------------------------

cdef MiniArray _picks_array(Plan plan, Descr dtype):
    """A fresh owner of shape B + subspace: B outermost in C order, the
    subspace inside each pick in S's memory order (all strides 0 when it
    is empty), as NumPy allocates it."""
    cdef Py_ssize_t shape[MAX_NDIM]
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef Traversal t
    cdef int perm[MAX_NDIM]
    cdef int nb = plan.nb, ndim = plan.nb + plan.nsub, axis, i
    cdef Py_ssize_t step = dtype.itemsize
    cdef MiniArray result
    for axis in range(nb):
        shape[axis] = plan.bshape[axis]
    t.nop = 1
    t.ndim = plan.nsub
    for i in range(plan.nsub):
        shape[nb + i] = plan.source._shape[plan.sub_axes[i]]
        t.shape[i] = shape[nb + i]
        t.strides[0][i] = plan.source._strides[plan.sub_axes[i]]
    result = new_array(dtype, ndim, shape, False, False)
    if result.size == 0:
        for axis in range(ndim):
            strides[axis] = 0
        result._replace_dims(ndim, shape, strides)
        return result
    # The subspace: a new array's K order of S's strides (zero strides
    # innermost).
    axis_order(&t, 0, True, perm)
    for i in range(plan.nsub - 1, -1, -1):
        strides[nb + perm[i]] = step
        step *= t.shape[perm[i]]
    if result.size == plan.bsize and plan.narrays <= MAX_OPERANDS:
        # One element per pick: the picks follow the index arrays' own
        # memory order (the iterator's K order over all of them), so an
        # F-ordered index gives an F-ordered result.
        t.nop = plan.narrays
        t.ndim = nb
        for axis in range(nb):
            t.shape[axis] = plan.bshape[axis]
            for i in range(plan.narrays):
                t.strides[i][axis] = plan.bstrides[i][axis]
        axis_order(&t, 0, False, perm)
        for i in range(nb - 1, -1, -1):
            strides[perm[i]] = step
            step *= shape[perm[i]]
    else:
        # Picks of several elements: C order over the picks.
        for axis in range(nb - 1, -1, -1):
            strides[axis] = step
            step *= shape[axis]
    result._replace_dims(ndim, shape, strides)
    return result


cdef int _user_order(Plan plan, int* perm) noexcept:
    """perm[i]: the axis of the picks array that is axis i of the result.
    The broadcast axes go where the advanced axes were, unless the
    advanced items were apart in the key (``plan.front``) or first."""
    cdef int nb = plan.nb, nsub = plan.nsub, i, before = 0
    if not plan.front:
        while before < nsub and plan.sub_axes[before] < plan.axes[0]:
            before += 1
    for i in range(before):
        perm[i] = nb + i
    for i in range(nb):
        perm[before + i] = i
    for i in range(before, nsub):
        perm[nb + i] = nb + i
    return before


cdef MiniArray _in_user_order(Plan plan, MiniArray picks):
    cdef int perm[MAX_NDIM]
    cdef Py_ssize_t shape[MAX_NDIM]
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef int i
    if _user_order(plan, perm) == 0 or plan.nb == 0:
        return picks
    for i in range(picks.ndim):
        shape[i] = picks._shape[perm[i]]
        strides[i] = picks._strides[perm[i]]
    return make_view(picks, 0, picks.ndim, shape, strides)


# ---------------------------------------------------------------------------
# The loops: gather (get) and scatter (set)
# ---------------------------------------------------------------------------

cdef void _copy_run(char** pointers, Py_ssize_t n, const Py_ssize_t* steps,
                    void* data) noexcept nogil:
    cdef Py_ssize_t itemsize = (<Py_ssize_t*>data)[0], i
    cdef char* dst = pointers[0]
    cdef const char* src = pointers[1]
    if steps[0] == itemsize and steps[1] == itemsize:
        memcpy(dst, src, n * itemsize)
    elif itemsize == 8:
        _strided_copy(<int64_t*>dst, steps[0], <const int64_t*>src,
                      steps[1], n)
    elif itemsize == 4:
        _strided_copy(<int32_t*>dst, steps[0], <const int32_t*>src,
                      steps[1], n)
    elif itemsize == 2:
        _strided_copy(<int16_t*>dst, steps[0], <const int16_t*>src,
                      steps[1], n)
    else:
        _strided_copy(<int8_t*>dst, steps[0], <const int8_t*>src,
                      steps[1], n)


cdef inline void _strided_copy(word_t* dst, Py_ssize_t dst_step,
                               const word_t* src, Py_ssize_t src_step,
                               Py_ssize_t n) noexcept nogil:
    cdef Py_ssize_t i
    for i in range(n):
        (<word_t*>(<char*>dst + i * dst_step))[0] = (
            <const word_t*>(<const char*>src + i * src_step))[0]


cdef struct Moves:
    # One block move per pick b (C order over the broadcast shape): between
    # base + offsets[b] on the indexed side and the picks array's element
    # b (an odometer over its strides on the broadcast axes); inside a
    # block, ``sub`` walks both (operand 0 the destination).
    Py_ssize_t* offsets
    char* base
    char* picks
    int nb
    Py_ssize_t bshape[MAX_NDIM]
    Py_ssize_t bstrides[MAX_NDIM]
    Py_ssize_t itemsize
    bint gather             # base -> picks (else picks -> base)
    bint elements           # blocks of one element: no traversal
    Py_ssize_t block        # > 0: blocks of this many contiguous bytes
    Traversal sub


cdef void _move(Moves* m) noexcept nogil:
    cdef Py_ssize_t counter[MAX_NDIM]
    cdef Py_ssize_t b = 0, i, n, step
    cdef char* start[2]
    cdef char* indexed
    cdef char* other = m.picks
    cdef int axis, inner = m.nb - 1
    for axis in range(m.nb):
        counter[axis] = 0
    n = m.bshape[inner] if m.nb > 0 else 1
    step = m.bstrides[inner] if m.nb > 0 else 0
    while True:
        for i in range(n):
            indexed = m.base + m.offsets[b]
            b += 1
            if m.elements:
                if m.gather:
                    copy_block(other, indexed, m.itemsize)
                else:
                    copy_block(indexed, other, m.itemsize)
            elif m.block > 0:       # both sides contiguous blocks
                if m.gather:
                    memcpy(other, indexed, m.block)
                else:
                    memcpy(indexed, other, m.block)
            else:
                start[0] = other if m.gather else indexed
                start[1] = indexed if m.gather else other
                walk(&m.sub, start, _copy_run, &m.itemsize)
            other += step
        other -= n * step
        axis = inner - 1
        while axis >= 0:
            counter[axis] += 1
            other += m.bstrides[axis]
            if counter[axis] < m.bshape[axis]:
                break
            other -= m.bstrides[axis] * m.bshape[axis]
            counter[axis] = 0
            axis -= 1
        if axis < 0:
            return


cdef int _run_moves(Plan plan, char* picks, const Py_ssize_t* pick_bstrides,
                    const Py_ssize_t* pick_strides, bint gather,
                    Py_ssize_t itemsize) except -1:
    """Copy every pick between S and ``picks`` (strides ``pick_bstrides``
    over the broadcast axes, ``pick_strides`` over the subspace), after
    checking all bounds."""
    cdef Moves m
    cdef int i, op_picks = 0 if gather else 1
    cdef Py_ssize_t subsize = 1
    for i in range(plan.nsub):
        subsize *= plan.source._shape[plan.sub_axes[i]]
    m.offsets = _offsets(plan)
    try:
        if plan.bsize == 0 or subsize == 0:
            return 0
        m.base = plan.source._data
        m.picks = picks
        m.nb = plan.nb
        for i in range(plan.nb):
            m.bshape[i] = plan.bshape[i]
            m.bstrides[i] = pick_bstrides[i]
        m.itemsize = itemsize
        m.gather = gather
        m.sub.nop = 2
        m.sub.ndim = plan.nsub
        for i in range(plan.nsub):
            m.sub.shape[i] = plan.source._shape[plan.sub_axes[i]]
            m.sub.strides[op_picks][i] = pick_strides[i]
            m.sub.strides[1 - op_picks][i] = plan.source._strides[
                plan.sub_axes[i]]
        plan_traversal(&m.sub)
        m.elements = m.sub.ndim == 0
        m.block = 0
        if (m.sub.ndim == 1 and m.sub.strides[0][0] == itemsize
                and m.sub.strides[1][0] == itemsize):
            m.block = m.sub.shape[0] * itemsize
        if plan.bsize * subsize >= NOGIL_THRESHOLD:
            with nogil:
                _move(&m)
        else:
            _move(&m)
    finally:
        PyMem_Free(m.offsets)
    return 0


# ---------------------------------------------------------------------------
# The common case, a[idx] with one contiguous index array and one element
# per pick: a single loop, bounds checked on the way (NumPy's
# ``mapiter_trivial_get``/``_set`` do the same)
# ---------------------------------------------------------------------------

cdef Py_ssize_t _take_run(word_t* out, const char* base, Py_ssize_t stride,
                          const int64_t* idx, Py_ssize_t count,
                          Py_ssize_t length) noexcept nogil:
    """out[i] = base[idx[i]]; returns the position of the first index out
    of bounds (the caller raises), or -1."""
    cdef Py_ssize_t i, v
    for i in range(count):
        v = idx[i]
        if v < 0:
            v += length
        if <size_t>v >= <size_t>length:
            return i
        out[i] = (<const word_t*>(base + v * stride))[0]
    return -1


cdef void _put_run(const word_t* values, Py_ssize_t value_step, char* base,
                   Py_ssize_t stride, const int64_t* idx, Py_ssize_t count,
                   Py_ssize_t length) noexcept nogil:
    """base[idx[i]] = values[i] (value_step 0: one value), in order, so
    the last of repeated indices wins; bounds are checked already."""
    cdef Py_ssize_t i, v
    cdef word_t one = values[0]
    if value_step == 0:
        for i in range(count):
            v = idx[i]
            v += length if v < 0 else 0
            (<word_t*>(base + v * stride))[0] = one
        return
    for i in range(count):
        v = idx[i]
        v += length if v < 0 else 0
        (<word_t*>(base + v * stride))[0] = values[i]


cdef bint _one_contiguous_index(Plan plan):
    cdef MiniArray index
    if plan.narrays != 1 or plan.nsub != 0:
        return False
    index = plan.arrays[0]
    return (index._flags & FLAG_C_CONTIGUOUS) != 0 and index.size > 0


cdef int _take(Plan plan, MiniArray out) except -1:
    cdef MiniArray index = plan.arrays[0]
    cdef Py_ssize_t itemsize = out.dtype.itemsize, bad = -1
    cdef Py_ssize_t stride = plan.source._strides[plan.axes[0]]
    cdef Py_ssize_t length = plan.source._shape[plan.axes[0]]
    cdef const int64_t* idx = <const int64_t*>index._data
    cdef char* base = plan.source._data
    with nogil:
        if itemsize == 8:
            bad = _take_run(<int64_t*>out._data, base, stride, idx,
                            index.size, length)
        elif itemsize == 4:
            bad = _take_run(<int32_t*>out._data, base, stride, idx,
                            index.size, length)
        elif itemsize == 2:
            bad = _take_run(<int16_t*>out._data, base, stride, idx,
                            index.size, length)
        else:
            bad = _take_run(<int8_t*>out._data, base, stride, idx,
                            index.size, length)
    if bad >= 0:
        raise IndexError(f"index {idx[bad]} is out of bounds for axis "
                         f"{plan.array_axes[0]} with size {length}")
    return 0


cdef int _put(Plan plan, MiniArray values) except -1:
    """values: a's dtype, shape B, C-contiguous or all strides 0."""
    cdef MiniArray index = plan.arrays[0]
    cdef Py_ssize_t itemsize = values.dtype.itemsize
    cdef Py_ssize_t step = 1 if values.size > 1 and values._strides[
        values.ndim - 1] != 0 else 0
    cdef Py_ssize_t stride = plan.source._strides[plan.axes[0]]
    cdef Py_ssize_t length = plan.source._shape[plan.axes[0]]
    cdef const int64_t* idx = <const int64_t*>index._data
    cdef char* base = plan.source._data
    _check_bounds(plan)
    with nogil:
        if itemsize == 8:
            _put_run(<int64_t*>values._data, step, base, stride, idx,
                     index.size, length)
        elif itemsize == 4:
            _put_run(<int32_t*>values._data, step, base, stride, idx,
                     index.size, length)
        elif itemsize == 2:
            _put_run(<int16_t*>values._data, step, base, stride, idx,
                     index.size, length)
        else:
            _put_run(<int8_t*>values._data, step, base, stride, idx,
                     index.size, length)
    return 0


def getitem(MiniArray a, object key):
    """``a[key]`` for an advanced key (see the module docstring)."""
    cdef Plan plan = prepare(a, key)
    cdef MiniArray picks
    if plan.source is None:
        view = a[plan.basic_key]
        if plan.copy_view and isinstance(view, MiniArray):
            return copy_array(view, a.dtype, "K")
        return view
    if plan.mask is not None:
        picks = _compress(a, plan.mask)
        if picks is not None:
            return picks
        _expand_mask(plan)
    picks = _picks_array(plan, a.dtype)
    if _one_contiguous_index(plan):
        _take(plan, picks)        # (picks is laid out like the index then)
    else:
        _run_moves(plan, picks._data, picks._strides,
                   picks._strides + plan.nb, True, a.dtype.itemsize)
    if picks.ndim == 0:
        return picks[()]   # a[np.array(0), 1] is an element, as in NumPy
    return _in_user_order(plan, picks)


# ---------------------------------------------------------------------------
# The full-rank mask's fast path
# ---------------------------------------------------------------------------

cdef Py_ssize_t _count_true(const char* mask, Py_ssize_t n) noexcept nogil:
    cdef Py_ssize_t i, count = 0
    for i in range(n):
        count += mask[i] != 0
    return count


cdef void _compress_run(char* dst, const char* src, const char* mask,
                        Py_ssize_t n, Py_ssize_t count,
                        Py_ssize_t itemsize) noexcept nogil:
    """Copy the elements under True, in order.  Branch-free: every element
    is written at the next free place, which only advances under True;
    the loop ends at the last True so the writes stay inside dst."""
    cdef Py_ssize_t i, j = 0, last = n - 1
    if count == 0:
        return
    while mask[last] == 0:
        last -= 1
    if itemsize == 8:
        for i in range(last + 1):
            (<int64_t*>dst)[j] = (<const int64_t*>src)[i]
            j += mask[i] != 0
    elif itemsize == 4:
        for i in range(last + 1):
            (<int32_t*>dst)[j] = (<const int32_t*>src)[i]
            j += mask[i] != 0
    elif itemsize == 2:
        for i in range(last + 1):
            (<int16_t*>dst)[j] = (<const int16_t*>src)[i]
            j += mask[i] != 0
    else:
        for i in range(last + 1):
            dst[j] = src[i]
            j += mask[i] != 0


cdef void _expand_run(char* dst, const char* src, Py_ssize_t src_step,
                      const char* mask, Py_ssize_t n,
                      Py_ssize_t itemsize) noexcept nogil:
    """The reverse: the next value of src (step 0: always the same one)
    goes to each element under True."""
    cdef Py_ssize_t i
    for i in range(n):
        if mask[i]:
            copy_block(dst + i * itemsize, src, itemsize)
            src += src_step


cdef bint _contiguous_pair(MiniArray a, MiniArray mask):
    return (a._flags & FLAG_C_CONTIGUOUS
            and mask._flags & FLAG_C_CONTIGUOUS)


cdef MiniArray _compress(MiniArray a, MiniArray mask):
    """a[mask] in one pass when both are C-contiguous (else None)."""
    cdef Py_ssize_t count, n = a.size
    cdef MiniArray result
    if not _contiguous_pair(a, mask):
        return None
    with nogil:
        count = _count_true(mask._data, n)
    result = new_array(a.dtype, 1, &count, False, False)
    if count == 0:
        result._replace_dims(1, &count, &count)    # (stride 0, as NumPy)
        return result
    if n >= NOGIL_THRESHOLD:
        with nogil:
            _compress_run(result._data, a._data, mask._data, n, count,
                          a.dtype.itemsize)
    else:
        _compress_run(result._data, a._data, mask._data, n, count,
                      a.dtype.itemsize)
    return result


# ---------------------------------------------------------------------------
# Assignment
# ---------------------------------------------------------------------------

cdef MiniArray _value_array(MiniArray a, object value, int ndim):
    """The assigned value as an array (a scalar converted once, by the
    rules of ``a[0] = value``, into a 0-d array of a's dtype)."""
    cdef MiniArray source = value_source(a.dtype, ndim, value)
    if source is None:
        source = new_array(a.dtype, 0, NULL, False, False)
        source.fill(value)
    return source


cdef int _picks_shape(Plan plan, Py_ssize_t* shape) noexcept:
    """The shape of the picks array (B + subspace) into shape."""
    cdef int i
    for i in range(plan.nb):
        shape[i] = plan.bshape[i]
    for i in range(plan.nsub):
        shape[plan.nb + i] = plan.source._shape[plan.sub_axes[i]]
    return plan.nb + plan.nsub


cdef bint _all_zero(MiniArray a):
    cdef int axis
    for axis in range(a.ndim):
        if a._strides[axis] != 0:
            return False
    return True


def setitem(MiniArray a, object key, object value):
    """``a[key] = value`` for an advanced key.  Everything is checked
    (index, bounds, value shape, value conversion) before the first
    write, so a failing assignment changes nothing."""
    cdef Plan plan = prepare(a, key, False)
    cdef MiniArray source, picks
    cdef Py_ssize_t picks_shape[MAX_NDIM]
    cdef Py_ssize_t shape[MAX_NDIM]
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef Py_ssize_t picks_strides[MAX_NDIM]
    cdef Py_ssize_t skip = 0
    cdef int perm[MAX_NDIM]
    cdef int i, ndim
    if plan.source is None:
        a[plan.basic_key] = value
        return
    _unshare_indices(plan, a)
    if plan.mask is not None:
        _set_mask(a, plan, value)
        return
    # As NumPy: the value is converted first, then the index arrays are
    # broadcast together, the value fitted to the result, and the indices
    # checked (by the loops, before they write anything).
    # The value is broadcast to the shape a[key] has (the user's order),
    # then seen in the picks array's order (perm).
    source = _value_array(a, value, -1)
    if source.ndim > 1 and _zero_d_mask_key(a, key):
        # A 0-d array with one boolean as its key: a full-rank mask, so
        # NumPy's rule for those (_set_mask) holds, not broadcasting.
        _refuse_mask_value(source)
    _broadcast(plan)
    ndim = _picks_shape(plan, picks_shape)
    _user_order(plan, perm)
    for i in range(ndim):
        shape[i] = picks_shape[perm[i]]
    # Leading axes of length 1 are dropped, as broadcasting does.  When
    # nothing is written (an empty result and an empty value), NumPy's
    # map iterator drops any extra leading axes of the value: a[[]] of a
    # 1-d array takes zeros((2, 0)), though not zeros((2, 3)).  The
    # value's remaining axes must then be 0 where the result's are (a
    # length 1 is not stretched to 0 there).
    empty = source.size == 0 and 0 in [shape[i] for i in range(ndim)]
    dropped = False
    while source.ndim - skip > ndim and (source._shape[skip] == 1 or empty):
        dropped = dropped or source._shape[skip] != 1
        skip += 1
    if dropped and any([shape[i] == 0 and source._shape[
            source.ndim - ndim + i] != 0 for i in range(ndim)]) or (
            not broadcast_strides(source.ndim - skip, source._shape + skip,
                                  source._strides + skip, ndim, shape,
                                  strides)):
        raise ValueError(
            f"shape mismatch: value array of shape "
            f"{shape_text(source.shape)} could not be broadcast to "
            f"indexing result of shape "
            f"{shape_text(tuple([shape[i] for i in range(ndim)]))}")
    for i in range(ndim):
        picks_strides[perm[i]] = strides[i]
    source = make_view(source, 0, ndim, picks_shape, picks_strides)
    # Read the picks straight from the value when it has a's dtype and
    # does not overlap a; otherwise cast/copy it into a picks array first.
    if source.dtype is not a.dtype or spans_overlap(source, a):
        picks = _picks_array(plan, a.dtype)
        copy_into(picks, source)
        source = picks
    if _one_contiguous_index(plan) and (
            source._flags & FLAG_C_CONTIGUOUS or _all_zero(source)):
        _put(plan, source)
        return
    _run_moves(plan, source._data, source._strides, source._strides + plan.nb,
               False, a.dtype.itemsize)


cdef int _unshare_indices(Plan plan, MiniArray a) except -1:
    """Copy every index array (and the mask) that may share memory with
    ``a``, the array assigned to, as NumPy does
    (``index_has_memory_overlap``): the loops read the indices while they
    write ``a``, and an index changed by an earlier write would name
    another element, one past the bounds already checked
    (``a[2:][a[:-2]] = 3``).  The copies keep the memory order, so the
    strides over the broadcast shape are recomputed from them."""
    cdef int k
    cdef MiniArray array
    if plan.mask is not None and spans_overlap(plan.mask, a):
        plan.mask = copy_array(plan.mask, plan.mask.dtype, "K")
    for k in range(plan.narrays):
        array = plan.arrays[k]
        if spans_overlap(array, a):
            array = copy_array(array, array.dtype, "K")
            plan.arrays[k] = array
            broadcast_strides(array.ndim, array._shape, array._strides,
                              plan.nb, plan.bshape, plan.bstrides[k])
    return 0


cdef int _refuse_mask_value(MiniArray source) except -1:
    """A full-rank mask takes a value of at most one dimension."""
    if source.ndim > 1:
        raise TypeError("NumPy boolean array indexing assignment requires "
                        "a 0 or 1-dimensional input, input has "
                        f"{source.ndim} dimensions")
    return 0


cdef bint _zero_d_mask_key(MiniArray a, object key):
    """``key`` is one boolean (True, np.False_, a 0-d bool array, alone
    or in a 1-tuple) and ``a`` is 0-d: the mask covers all of ``a``."""
    if a.ndim != 0:
        return False
    items = index_items(key)
    if len(items) != 1:
        return False
    key = items[0]
    if _is_boolean_scalar(key):
        return True
    if not _is_index_array(key):
        return False
    array = _index_array(key)
    return array.ndim == 0 and array.dtype.kind == "b"


cdef int _set_mask(MiniArray a, Plan plan, object value) except -1:
    """``a[mask] = value`` with a full-rank mask, by NumPy's rules: the
    value has at most one dimension, and 1 element or one per True."""
    cdef MiniArray mask = plan.mask, source
    cdef Py_ssize_t count, step
    source = _value_array(a, value, -1)
    _refuse_mask_value(source)
    if _contiguous_pair(a, mask):
        count = _count_true(mask._data, mask.size)
    else:
        _expand_mask(plan)
        count = plan.bsize
    if source.size != 1 and source.size != count:
        raise ValueError(
            f"NumPy boolean array indexing assignment cannot assign "
            f"{source.size} input values to the {count} output values "
            f"where the mask is true")
    if (source.dtype is not a.dtype or spans_overlap(source, a)
            or (source.ndim == 1 and source._strides[0] != a.dtype.itemsize
                and source.size > 1)):
        source = copy_array(source, a.dtype, "C")
    step = 0 if source.size == 1 else a.dtype.itemsize
    if plan.narrays == 0:
        if count >= NOGIL_THRESHOLD:
            with nogil:
                _expand_run(a._data, source._data, step, mask._data,
                            a.size, a.dtype.itemsize)
        else:
            _expand_run(a._data, source._data, step, mask._data, a.size,
                        a.dtype.itemsize)
    else:
        _run_moves(plan, source._data, &step, NULL, False, a.dtype.itemsize)
    return 0


# ---------------------------------------------------------------------------
# The functions built on advanced indexing (NumPy's item_selection.c and
# lib/_index_tricks_impl.py, lib/_shape_base_impl.py)
# ---------------------------------------------------------------------------

cdef MiniArray _indices(object indices, str casting):
    """indices as int64 (cast as NumPy's take casts: any real type)."""
    cdef bint given_array = (isinstance(indices, MiniArray)
                             or is_numpy_array(indices))
    # (put: an array of indices must cast safely to int64; a list or a
    # Python number is converted, as NumPy converts it.)
    return _int64_of(asarray(indices), casting == "safe" and given_array)


cdef MiniArray _int64_of(MiniArray array, bint safe):
    """``array`` as int64; with ``safe``, refused with NumPy's TypeError
    unless the 'safe' rule allows the cast (floats, uint64 are not)."""
    if safe and not can_cast(array.dtype, "int64", "safe"):
        raise TypeError(
            f"Cannot cast {'scalar' if array.ndim == 0 else 'array data'} "
            f"from dtype('{array.dtype.name}') to dtype('int64') according "
            f"to the rule 'safe'")
    if array.dtype.type_index != T_INT64:
        array = copy_array(array, descr_of(T_INT64), "K")
    return array


cpdef str clip_mode(object mode):
    """take/put/choose's ``mode=`` as NumPy's ``PyArray_ClipmodeConverter``
    reads it: None is 'raise'; a string must be one of the three words
    (an inexact or capitalised match, once deprecated, is an error of its
    own); an integer is NumPy's enum (0 clip, 1 wrap, 2 raise)."""
    if mode is None:
        return "raise"
    if isinstance(mode, bytes):
        mode = (<bytes>mode).decode("latin-1")
    if isinstance(mode, str):
        if mode in ("raise", "wrap", "clip"):
            return mode
        if mode and mode[0] in "rRwWcC":
            raise ValueError("Use one of 'clip', 'raise', or 'wrap' for "
                             "clip mode")
        raise ValueError(f"clipmode must be one of 'clip', 'raise', or "
                         f"'wrap' (got {mode!r})")
    if PyIndex_Check(mode):
        if 0 <= mode <= 2:
            return ("clip", "wrap", "raise")[mode]
        raise ValueError("integer clipmode must be RAISE, WRAP, or CLIP "
                         "from 'numpy._core.multiarray'")
    raise TypeError("clipmode not understood")


cdef MiniArray _apply_mode(MiniArray indices, Py_ssize_t length,
                           object mode):
    """take/put's mode: 'raise' leaves the indices to the bounds check,
    'wrap' takes them modulo the length, 'clip' clamps them."""
    cdef MiniArray result
    cdef int64_t* values
    cdef Py_ssize_t i
    mode = clip_mode(mode)
    if mode == "raise":
        return indices
    if length == 0:
        if indices.size == 0:
            return indices
        raise IndexError("cannot do a non-empty take from an empty axes.")
    result = copy_array(indices, descr_of(T_INT64), "C")
    values = <int64_t*>result._data
    for i in range(result.size):
        if mode == "wrap":
            values[i] %= length
            if values[i] < 0:
                values[i] += length
        elif values[i] < 0:
            values[i] = 0
        elif values[i] >= length:
            values[i] = length - 1
    return result


def take(a, indices, axis=None, out=None, mode="raise"):
    """The elements of ``a`` at ``indices`` along ``axis`` (the flattened
    array when None): ``a[..., indices, ...]`` as a new C-ordered array.
    ``mode`` says what an index out of bounds does: 'raise', 'wrap'
    around or 'clip' to the ends."""
    cdef MiniArray array = asarray(a), index, result
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef int ax
    if axis is None:
        array = ravel_array(array, "C")
        ax = 0
    else:
        if isinstance(axis, bool):       # NumPy's C axis converter
            raise TypeError("an integer is required for the axis")
        if array.ndim == 0:
            array = array.reshape(1)     # NumPy's take: a 0-d is 1-d here
        ax = normalize_axis(axis, array.ndim)
    index = _indices(indices, "unsafe")
    if mode not in ("raise", "wrap", "clip"):
        raise ValueError(f"clipmode must be one of 'clip', 'raise', or "
                         f"'wrap' (got {mode!r})")
    if index.size == 0 or array.size == 0:
        # A result with no elements.  NumPy's take walks (axes before,
        # indices) pairs and copies the axes after for each: only those
        # pairs are checked, and an empty axis to take from is an error
        # only for a result that would have elements.  (NumPy 2.4's wrap
        # mode never ends on such a pair, looking for an index modulo 0;
        # minind returns the empty result.)
        picked = _empty_take(array, ax, index, mode)
    else:
        index = _apply_mode(index, array._shape[ax], mode)
        picked = getitem(array, (slice(None),) * ax + (index,))
    if not isinstance(picked, MiniArray):
        picked = scalar_to_array(picked, array.dtype)
    result = picked
    if out is not None:
        if not isinstance(out, MiniArray):
            raise TypeError("output must be an array")
        if (<MiniArray>out).shape != result.shape:
            raise ValueError("output array does not match result of "
                             "ndarray.take")
        require_writeable(out, "output array is read-only")
        copy_into(out, result)
        return out
    # NumPy's take always answers with a fresh C-ordered array.
    fill_fresh_strides(result.ndim, result._shape, result.dtype.itemsize,
                       False, strides)
    if result.base is not None or memcmp(
            strides, result._strides, result.ndim * sizeof(Py_ssize_t)):
        result = copy_array(result, result.dtype, "C")
    if result.ndim == 0:
        return result[()]
    return result


cdef MiniArray _empty_take(MiniArray array, int axis, MiniArray index,
                           str mode):
    """take's result when it has no elements (an empty axis or no index):
    the array's shape with the index's in place of ``axis``, after
    NumPy's checks."""
    cdef Py_ssize_t shape[MAX_NDIM]
    cdef Py_ssize_t outer = 1, after = 1, length = array._shape[axis], i
    cdef int k, ndim = 0
    cdef MiniArray values
    for k in range(axis):
        outer *= array._shape[k]
    for k in range(axis + 1, array.ndim):
        after *= array._shape[k]
    if length == 0 and outer and index.size and after:
        raise IndexError("cannot do a non-empty take from an empty axes.")
    if mode == "raise" and outer and index.size:
        values = copy_array(index, descr_of(T_INT64), "C")
        for i in range(values.size):
            if not -length <= (<int64_t*>values._data)[i] < length:
                raise IndexError(
                    f"index {(<int64_t*>values._data)[i]} is out of bounds "
                    f"for axis {axis} with size {length}")
    if array.ndim - 1 + index.ndim > MAX_NDIM:
        raise ValueError(f"maximum supported dimension for an ndarray is "
                         f"currently {MAX_NDIM}, found "
                         f"{array.ndim - 1 + index.ndim}")
    for k in range(axis):
        shape[ndim] = array._shape[k]
        ndim += 1
    for k in range(index.ndim):
        shape[ndim] = index._shape[k]
        ndim += 1
    for k in range(axis + 1, array.ndim):
        shape[ndim] = array._shape[k]
        ndim += 1
    return new_array(array.dtype, ndim, shape, False, False)


cdef MiniArray scalar_to_array(object scalar, Descr dtype):
    cdef MiniArray result = new_array(dtype, 0, NULL, False, False)
    result.fill(scalar)
    return result


def put(a, ind, v, mode="raise"):
    """``a.flat[ind] = v`` in place: flat (C-order) indices, the values
    repeated as often as needed, the last of repeated indices winning."""
    cdef MiniArray array, index, values, flat_index
    if not isinstance(a, MiniArray):
        raise TypeError(f"argument 1 must be minind.ndarray, not "
                        f"{type(a)}")
    array = a
    require_writeable(array, "assignment destination is read-only")
    index = ravel_array(_indices(ind, "safe"), "C")
    values = ravel_array(asarray(v, dtype=array.dtype), "C")
    if index.size > 0 and array.size == 0:
        raise IndexError("cannot replace elements of an empty array")
    if values.size == 0 or index.size == 0:
        return None
    index = _apply_mode(index, array.size, mode)
    if values.size != index.size:
        repeats = (index.size + values.size - 1) // values.size
        values = _tile(values, repeats)[:index.size]
    if not array._flags & FLAG_C_CONTIGUOUS:
        _check_flat(index, array.size)
    _set_flat(array, index, values)
    return None


cdef int _set_flat(MiniArray array, MiniArray index, MiniArray values) \
        except -1:
    """``array.flat[index] = values``, the flat indices C-ordered and
    checked by the caller if ``array`` is not C-contiguous: a C array
    is written through its 1-d view, any other through one index array
    per axis (``_unravel``)."""
    if array._flags & FLAG_C_CONTIGUOUS:
        setitem(array.reshape(-1), index, values)
    else:
        setitem(array, _unravel(index, array.shape), values)
    return 0


cdef int _check_flat(MiniArray index, Py_ssize_t size) except -1:
    cdef const int64_t* values
    cdef Py_ssize_t i
    index = copy_array(index, index.dtype, "C")
    values = <const int64_t*>index._data
    for i in range(index.size):
        if values[i] < -size or values[i] >= size:
            raise IndexError(f"index {values[i]} is out of bounds for axis"
                             f" 0 with size {size}")
    return 0


cdef tuple _unravel(MiniArray flat, tuple shape):
    """Flat C-order indices (negative ones counted from the end) as one
    index array per axis."""
    cdef MiniArray wrapped = copy_array(flat, flat.dtype, "C")
    cdef int64_t* values = <int64_t*>wrapped._data
    cdef Py_ssize_t i, size = 1, n = wrapped.size
    cdef int axis, ndim = len(shape)
    for length in shape:
        size *= length
    for i in range(n):
        if values[i] < 0:
            values[i] += size
    columns = []
    for axis in range(ndim - 1, -1, -1):
        column = copy_array(wrapped, wrapped.dtype, "C")
        for i in range(n):
            (<int64_t*>(<MiniArray>column)._data)[i] = (
                values[i] % shape[axis])
            values[i] //= shape[axis]
        columns.append(column)
    return tuple(reversed(columns))


cdef MiniArray _tile(MiniArray values, Py_ssize_t repeats):
    from minind._join import tile
    return tile(values, repeats)


def take_along_axis(arr, indices, axis=-1):
    """``arr`` picked along ``axis`` by ``indices`` (of the same number of
    dimensions, broadcast against ``arr`` on the other axes): what
    ``argsort`` returns, applied.  NumPy's construction, a fancy index of
    ``indices`` and one ``arange`` per other axis."""
    cdef MiniArray array = asarray(arr), index = asarray(indices)
    cdef int ax, ndim, d
    if index.dtype.kind not in "iu":
        raise IndexError("`indices` must be an integer array")
    if axis is None:
        if index.ndim != 1:
            raise ValueError("when axis=None, `indices` must have a single "
                             "dimension.")
        array = ravel_array(array, "C")
        ax = 0
    else:
        ax = normalize_axis(axis, array.ndim)
    if index.ndim != array.ndim:
        raise ValueError("`indices` and `arr` must have the same number of "
                         "dimensions")
    ndim = array.ndim
    key = []
    for d in range(ndim):
        if d == ax:
            key.append(index)
        else:
            shape = [1] * ndim
            shape[d] = array._shape[d]
            key.append(_integers(0, array._shape[d]).reshape(shape))
    return getitem(array, tuple(key))


def argwhere(a):
    """The indices of the non-zero elements, one row per element:
    ``transpose(nonzero(a))``, of shape (N, a.ndim)."""
    cdef MiniArray array = asarray(a)
    from minind._join import stack
    if array.ndim == 0:
        return argwhere(array.reshape(1))[:, :0]
    return stack(list(_nonzero(array))).T


def flatnonzero(a):
    """The flat (C-order) indices of the non-zero elements."""
    return _nonzero(ravel_array(asarray(a), "C"))[0]


def compress(condition, a, axis=None, out=None):
    """The slices of ``a`` along ``axis`` where ``condition`` is true:
    ``take(a, nonzero(condition)[0], axis)``, as NumPy computes it."""
    cdef MiniArray cond = asarray(condition)
    if cond.ndim != 1:
        raise ValueError("condition must be a 1-d array")
    return take(a, _nonzero(cond)[0], axis=axis, out=out)


def ix_(*args):
    """Open mesh index arrays: ``a[ix_(rows, cols)]`` is the sub-matrix of
    those rows and columns (each argument 1-d, reshaped to its own axis so
    that they broadcast into a grid).  Booleans stand for their nonzero
    indices."""
    cdef MiniArray array
    cdef int k, nd = len(args)
    out = []
    for k, seq in enumerate(args):
        if isinstance(seq, MiniArray):
            array = seq
        else:
            array = asarray(seq)
            if array.size == 0 and array.dtype.kind == "f":
                array = new_array(descr_of(T_INT64), array.ndim,
                                  array._shape, False, False)
        if array.ndim != 1:
            raise ValueError("Cross index must be 1 dimensional")
        if array.dtype.kind == "b":
            array = _nonzero(array)[0]
        shape = [1] * nd
        shape[k] = array._shape[0]
        out.append(array.reshape(shape))
    return tuple(out)


# ---------------------------------------------------------------------------
# Choosing among arrays, writing through a mask (NumPy's PyArray_Choose and
# PyArray_PutMask in item_selection.c, arr_place in compiled_base.c)
# ---------------------------------------------------------------------------

# NumPy's legacy multi-iterator behind choose: at most NPY_MAXARGS (64)
# arrays, the index array among them, of at most 32 dimensions each.
cdef enum:
    CHOOSE_MAX_ARRAYS = 64
    CHOOSE_MAX_NDIM = 32


cdef MiniArray _safe_int64(object obj):
    """``obj`` as int64 by the 'safe' rule, as NumPy's ``PyArray_FROM_OT``
    converts choose's index: a float, uint64 or any non-integer array,
    list or number is refused with NumPy's TypeError."""
    return _int64_of(asarray(obj), True)


def choose(a, choices, out=None, mode="raise"):
    """Element by element, the item of ``choices[a]``: the index array
    ``a`` and every choice broadcast together, the result in their
    common dtype (NumPy's promotion, a Python number weak), a new
    C-ordered array (all strides 0 when empty) or ``out``.

    ``mode`` says what an index outside ``0..len(choices)-1`` does:
    'raise' (ValueError, and nothing is written), 'wrap' or 'clip'.  The
    index converts to int64 only by the 'safe' rule (a float index is a
    TypeError); ``out`` takes any dtype (cast unsafely) but must have the
    broadcast shape exactly.  NumPy walks a multi-iterator and copies
    one item per position; minind makes one pass per choice, a masked
    ``copyto`` where the index names it, so a choice is read in its own
    layout by the copy loops.  The result is filled before ``out`` is
    written, so an ``out`` that overlaps a choice reads the old values,
    as NumPy's copy of such an ``out`` does.  Errors come in NumPy's
    order: ``out``'s type and the mode, the choices, the index, the
    iterator's limits and broadcasting, ``out``'s shape and flags, the
    index's values.
    """
    from minind._ufunc import result_type, equal
    cdef MiniArray index, picks, result, target = None
    cdef Py_ssize_t shape[MAX_NDIM]
    cdef Py_ssize_t count, i, k
    cdef int64_t* values
    cdef int axis, ndim
    if out is not None:
        if not isinstance(out, MiniArray):
            raise TypeError("output must be an array")
        target = out
    mode = clip_mode(mode)
    count = len(choices)
    if count == 0:
        raise ValueError("0-length sequence.")
    items = [choices[k] for k in range(count)]
    arrays = [asarray(item) for item in items]
    # Python numbers stay weak in the promotion (NEP 50), then are
    # converted with C's casts (1000 into uint8 is 232), as in NumPy.
    dtype = result_type(*[item if type(item) in (int, float, bool)
                          else array for item, array in zip(items, arrays)])
    arrays = [array if array.dtype == dtype else array.astype(dtype)
              for array in arrays]
    index = _safe_int64(a)
    if count + 1 > CHOOSE_MAX_ARRAYS:
        raise ValueError(f"Need at least 0 and at most "
                         f"{CHOOSE_MAX_ARRAYS} array objects.")
    for array in arrays + [index]:
        if (<MiniArray>array).ndim > CHOOSE_MAX_NDIM:
            raise RuntimeError(
                f"this function only supports up to {CHOOSE_MAX_NDIM} "
                f"dimensions but the array has {(<MiniArray>array).ndim}.")
    result_shape = broadcast_shapes(*[array.shape for array in arrays],
                                    index.shape)
    if target is not None:
        if target.shape != result_shape:
            raise TypeError("choose: invalid shape for output array.")
        require_writeable(target, "output array is read-only")
    picks = copy_array(broadcast_to(index, result_shape), index.dtype, "C")
    values = <int64_t*>picks._data
    for i in range(picks.size):
        if 0 <= values[i] < count:
            continue
        if mode == "raise":
            raise ValueError("invalid entry in choice array")
        if mode == "wrap":
            values[i] %= count
            if values[i] < 0:
                values[i] += count
        else:
            values[i] = 0 if values[i] < 0 else count - 1
    ndim = len(result_shape)
    for axis in range(ndim):
        shape[axis] = result_shape[axis]
    result = new_array(arrays[0].dtype, ndim, shape, False, False)
    for k in range(count):
        copyto(result, arrays[k], where=equal(picks, k))
    if target is not None:
        copyto(target, result, casting="unsafe")
        return target
    if ndim == 0:
        return result[()]
    return result


cdef MiniArray _values_as(object values, Descr dtype):
    """putmask's and place's values as NumPy reads them
    (``PyArray_FromAny(values, dtype, 0, 0, NPY_ARRAY_CARRAY)``): an
    array, minind's or NumPy's, must cast safely to ``dtype``; anything
    else (Python numbers, lists, scalars) is converted item by item, as
    ``asarray(values, dtype)`` converts it (2.5 into an integer array is
    2, 300 into int8 NumPy's OverflowError)."""
    cdef MiniArray source
    if isinstance(values, MiniArray) or is_numpy_array(values):
        source = asarray(values)
        if not can_cast(source.dtype, dtype, "safe"):
            raise TypeError(
                f"Cannot cast "
                f"{'scalar' if source.ndim == 0 else 'array data'} from "
                f"dtype('{source.dtype.name}') to dtype('{dtype.name}') "
                f"according to the rule 'safe'")
        return source
    return asarray(values, dtype=dtype)


cdef MiniArray _flat_mask(object mask):
    """A mask as a fresh C-ordered bool copy, flattened (any dtype is
    cast, NaN is True); fresh, so that writing the array it overlaps
    cannot change it half-way."""
    return ravel_array(copy_array(asarray(mask), descr_of(T_BOOL), "C"),
                       "C")


def putmask(a, /, mask, values):
    """``a.flat[i] = values.flat[i % len(values)]`` wherever
    ``mask.flat[i]`` is true, in place: the value at a position is the
    one at the same flat position of ``values``, repeated as often as
    needed (``place`` takes them in turn instead).  ``mask`` may have any
    shape of ``a``'s size, both read in C order.  Values are converted
    by ``_values_as``; no values writes nothing.  Everything is read
    before anything is written, so ``mask`` or ``values`` overlapping
    ``a`` see the old elements, as in NumPy."""
    cdef MiniArray array, flags, source, positions
    if not isinstance(a, MiniArray):
        raise TypeError("putmask: first argument must be an array")
    array = a
    require_writeable(array, "putmask: output array is read-only")
    flags = _flat_mask(mask)
    if flags.size != array.size:
        raise ValueError("putmask: mask and data must be the same size")
    source = _values_as(values, array.dtype)
    if source.size == 0:
        return None
    source = ravel_array(copy_array(source, array.dtype, "C"), "C")
    positions = _nonzero(flags)[0]
    _set_flat(array, positions, take(source, positions, mode="wrap"))
    return None


def place(arr, mask, vals):
    """The true positions of ``mask`` (C order, ``arr``'s size) get
    ``vals`` in turn, repeated from the start when they run out, in
    place: ``arr[mask] = vals`` with vals cycled (``putmask`` instead
    takes the value at the same position).  Empty ``vals`` are an error
    unless no position is masked.  Values are converted as putmask's
    (``_values_as``)."""
    cdef MiniArray array, flags, source, positions
    cdef Py_ssize_t repeats
    if not isinstance(arr, MiniArray):
        raise TypeError(f"place() argument 1 must be minind.ndarray, not "
                        f"{type(arr).__name__}")
    array = arr
    require_writeable(array, "WRITEBACKIFCOPY base is read-only")
    flags = _flat_mask(mask)
    if flags.size != array.size:
        raise ValueError("place: mask and data must be the same size")
    source = _values_as(vals, array.dtype)
    positions = _nonzero(flags)[0]
    if source.size == 0:
        if positions.size:
            raise ValueError("Cannot insert from an empty array!")
        return None
    if positions.size == 0:
        return None
    source = ravel_array(copy_array(source, array.dtype, "C"), "C")
    repeats = (positions.size + source.size - 1) // source.size
    _set_flat(array, positions, _tile(source, repeats)[:positions.size])
    return None


# ---------------------------------------------------------------------------
# Flat indices and multi-indices (NumPy's arr_ravel_multi_index and
# arr_unravel_index in compiled_base.c)
# ---------------------------------------------------------------------------

_INTP_MAX = 2 ** 63 - 1          # the largest intp (int64)

EMPTY_SEQUENCE = ("indices must be integral: the provided empty sequence "
                  "was inferred as float. Wrap it with "
                  "'np.array(indices, dtype=np.intp)'")


cdef tuple _dims(object shape):
    """A shape argument as NumPy's ``PyArray_IntpConverter`` reads it: an
    integer or a sequence of them."""
    if shape is None:
        raise TypeError("Use () not None as shape arguments")
    if not PySequence_Check(shape):
        return (operator.index(shape),)
    dims = tuple([operator.index(length) for length in shape])
    if len(dims) > MAX_NDIM:
        raise ValueError(f"maximum supported dimension for an ndarray is "
                         f"currently {MAX_NDIM}, found {len(dims)}")
    return dims


cdef object _dims_size(tuple dims):
    """The number of elements ``dims`` describe, or None past intp (the
    product stops at a zero, as NumPy's ``PyArray_OverflowMultiplyList``)."""
    size = 1
    for length in dims:
        if length == 0:
            return 0
        size *= length
        if not -_INTP_MAX - 1 <= size <= _INTP_MAX:
            return None
    return size


cdef MiniArray _integral(object obj):
    """NumPy's ``astype_anyint``: an integer or bool array as it is; any
    other object converted, and then it must be one (an empty sequence,
    inferred as float, gets its own message)."""
    cdef MiniArray array
    if isinstance(obj, MiniArray) or is_numpy_array(obj):
        array = asarray(obj)
    else:
        array = asarray(obj)
        if array.size == 0 and array.dtype.kind == "f" and (
                PySequence_Check(obj)):
            raise TypeError(EMPTY_SEQUENCE)
    if array.dtype.kind not in "iub":
        raise TypeError("only int indices permitted")
    return array


def ravel_multi_index(multi_index, dims, mode="raise", order="C"):
    """The flat index of each multi-index: ``sum(index[k] * step[k])``
    with C (last axis fastest) or F steps of an array of shape ``dims``.
    The index arrays (one per axis, integers only) broadcast together;
    ``mode`` ('raise', 'wrap' or 'clip', or one per axis) says what an
    index outside its axis does.  The result is int64, laid out as a
    ufunc lays out a new output for those operands, since it is one:
    minind computes it with ``multiply`` and ``add`` where NumPy runs
    its own loop under the same iterator.  A 0-d result is a scalar."""
    from minind._ufunc import (add, multiply, remainder, maximum, minimum,
                               less, greater_equal)
    from minind._reductions import any as any_true
    is_sequence = (PySequence_Check(multi_index)
                   or isinstance(multi_index, MiniArray))
    if not is_sequence:
        try:
            iter(multi_index)
        except TypeError:
            raise TypeError("dispatcher for __array_function__ did not "
                            "return an iterable") from None
    dims = _dims(dims)
    letter = check_order(order, "CFAK")
    ndim = len(dims)
    if ndim + 1 > CHOOSE_MAX_ARRAYS:
        raise ValueError("too many dimensions passed to ravel_multi_index")
    if isinstance(mode, (tuple, list)):
        if len(mode) != ndim:
            raise ValueError(f"list of clipmodes has wrong length "
                             f"({len(mode)} instead of {ndim})")
        modes = [clip_mode(one) for one in mode]
    else:
        modes = [clip_mode(mode)] * ndim
    if letter not in "CF":
        raise ValueError("only 'C' or 'F' order is permitted")
    steps = [0] * ndim
    step = 1
    for axis in (range(ndim - 1, -1, -1) if letter == "C"
                 else range(ndim)):
        steps[axis] = step
        step *= dims[axis]
        if step > _INTP_MAX:
            raise ValueError("invalid dims: array size defined by dims is "
                             "larger than the maximum possible size.")
    if not is_sequence or len(multi_index) != ndim:
        raise ValueError(f"parameter multi_index must be a sequence of "
                         f"length {ndim}")
    coordinates = [_integral(multi_index[axis]) for axis in range(ndim)]
    if not coordinates:
        return asarray(0)[()]
    shapes = [coordinate.shape for coordinate in coordinates]
    try:
        shape = broadcast_shapes(*shapes)
    except ValueError:
        raise ValueError("operands could not be broadcast together with "
                         "shapes " + "".join([shape_text(one) + " "
                                              for one in shapes])) from None
    size = 1
    for length in shape:
        size *= length
    if size != 0 and step == 0:
        raise ValueError("cannot unravel if shape has zero entries (is "
                         "empty).")
    flat = None
    for axis in range(ndim):
        index = coordinates[axis].astype("int64")
        length = dims[axis]
        if modes[axis] == "raise" and size != 0:
            # (NumPy checks the items its iterator visits: none when
            # the indices broadcast to nothing.)
            if any_true(less(index, 0)) or any_true(
                    greater_equal(index, length)):
                raise ValueError("invalid entry in coordinates array")
        elif modes[axis] == "wrap":
            index = remainder(index, length)
        else:
            index = maximum(minimum(index, length - 1), 0)
        term = multiply(index, steps[axis])
        flat = term if flat is None else add(flat, term)
    return flat           # (a scalar when 0-d: the ufuncs' answer)


def unravel_index(indices, shape, order="C"):
    """The multi-index of each flat index into an array of ``shape``: a
    tuple of int64 arrays, one per axis, ``(index // step[k]) %
    shape[k]`` with C or F steps.

    As NumPy's, the arrays are views of one new owner of shape
    ``indices.shape + (len(shape),)``: the axes' values of an index side
    by side (innermost), the indices' axes in their memory order (all
    strides 0 when empty; the views keep the C strides); a 0-d index
    gives scalars.  Every index must lie in ``0..size-1`` (NumPy's
    ValueError names the first that does not); an empty ``shape`` takes
    only the 0-d index 0 and gives ()."""
    from minind._ufunc import floor_divide, remainder
    cdef MiniArray index, flat, owner
    cdef Py_ssize_t shape_buf[MAX_NDIM]
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef Py_ssize_t step
    cdef int perm[MAX_NDIM]
    cdef int axis, ndim, count
    cdef const int64_t* values
    cdef Py_ssize_t i
    dims = _dims(shape)
    letter = check_order(order, "CFAK")
    if letter not in "CF":
        raise ValueError("only 'C' or 'F' order is permitted")
    size = _dims_size(dims)
    if size is None or size == -1:
        raise ValueError("dimensions are too large; arrays and shapes with "
                         "a total size greater than 'intp' are not "
                         "supported.")
    index = _integral(indices)
    count = len(dims)
    if index.dtype.type_index != T_INT64:
        index = copy_array(index, descr_of(T_INT64), "K")
    flat = ravel_array(index, "K")
    flat = copy_array(flat, flat.dtype, "C")
    values = <const int64_t*>flat._data
    for i in range(flat.size):
        if values[i] < 0 or values[i] >= size:
            raise ValueError(f"index {values[i]} is out of bounds for "
                             f"array with size {size}")
    if count == 0 and index.ndim != 0:
        raise ValueError("multiple indices are not supported for 0d arrays")
    # The owner: coordinates innermost, the indices' axes in their order.
    ndim = index.ndim
    for axis in range(ndim):
        shape_buf[axis] = index._shape[axis]
    shape_buf[ndim] = count
    owner = new_array(descr_of(T_INT64), ndim + 1, shape_buf, False, False)
    if owner.size == 0:
        # NumPy's views of an empty owner (all strides 0) keep plain C
        # strides of its shape, the products taken through any 0.
        strides[ndim] = 8
        for axis in range(ndim - 1, -1, -1):
            strides[axis] = strides[axis + 1] * shape_buf[axis + 1]
    else:
        memory_order(index, False, perm)
        step = 8
        strides[ndim] = step
        step *= count
        for axis in range(ndim - 1, -1, -1):
            strides[perm[axis]] = step
            step *= shape_buf[perm[axis]]
        owner._replace_dims(ndim + 1, shape_buf, strides)
    results = [None] * count
    step = 1
    for axis in (range(count - 1, -1, -1) if letter == "C"
                 else range(count)):
        view = make_view(owner, axis * 8, ndim, shape_buf, strides)
        remainder(floor_divide(index, step), dims[axis], out=view)
        results[axis] = view[()] if ndim == 0 else view
        step *= dims[axis]
    return tuple(results)


# ---------------------------------------------------------------------------
# Index expressions: an index written with [] syntax, kept for later
# ---------------------------------------------------------------------------

class IndexExpression:
    """``mi.s_[...]`` and ``mi.index_exp[...]`` return the index itself,
    so that slices can be written with colons outside a subscript:
    ``mi.s_[1:5, ::2]`` is ``(slice(1, 5, None), slice(None, None, 2))``.
    ``index_exp`` (``maketuple=True``) always gives a tuple; ``s_`` gives
    a single item as it is.  NumPy: ``IndexExpression`` in
    lib/_index_tricks_impl.py."""
    __slots__ = ("maketuple",)

    def __init__(self, maketuple):
        self.maketuple = maketuple

    def __getitem__(self, item):
        if self.maketuple and not isinstance(item, tuple):
            return (item,)
        return item


index_exp = IndexExpression(maketuple=True)
s_ = IndexExpression(maketuple=False)
