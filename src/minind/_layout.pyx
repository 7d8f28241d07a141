# cython: boundscheck=False, wraparound=False, cdivision=True
"""Layout helpers: contiguity, contiguous strides, sizes and extents.

These are the formulas the tutorial teaches, as C functions on shape and
stride arrays.  The ones worth calling at the prompt have a ``py_*`` twin
taking tuples (``py_contiguity``, ``py_contiguous_strides``,
``py_byte_extent``, ``py_nocopy_reshape``), which the tests use too; a twin
checks the preconditions its C function trusts its caller with, so no
tuple can crash the interpreter.
"""
from cpython.long cimport PyLong_CheckExact, PyLong_AsSsize_t
from cpython.tuple cimport PyTuple_GET_SIZE

from operator import index as _index


cdef int contiguity_flags(int ndim, const Py_ssize_t* shape,
                          const Py_ssize_t* strides,
                          Py_ssize_t itemsize) noexcept nogil:
    """FLAG_C_CONTIGUOUS and/or FLAG_F_CONTIGUOUS for this layout.

    This is the single place minind decides contiguity, with NumPy's rules
    (``_UpdateContiguousFlags`` in flagsobject.c):

    * An array is C-contiguous when walking its axes from last to first,
      each stride equals itemsize times the product of the later axes'
      lengths; F-contiguous is the same walk from first to last.
    * Axes of length 1 are skipped: their stride is never used to reach an
      element, so it may hold any value.
    * An array with a length-0 axis holds no element and is both.
    * Hence 0-d arrays and arrays with at most one axis longer than 1 (and
      matching stride) are both C- and F-contiguous.
    """
    cdef int axis
    cdef Py_ssize_t expected
    cdef bint c_contiguous = True, f_contiguous = True
    for axis in range(ndim):
        if shape[axis] == 0:
            return FLAG_C_CONTIGUOUS | FLAG_F_CONTIGUOUS
    expected = itemsize
    for axis in range(ndim - 1, -1, -1):
        if shape[axis] != 1:
            if strides[axis] != expected:
                c_contiguous = False
                break
            expected *= shape[axis]
    expected = itemsize
    for axis in range(ndim):
        if shape[axis] != 1:
            if strides[axis] != expected:
                f_contiguous = False
                break
            expected *= shape[axis]
    return ((FLAG_C_CONTIGUOUS if c_contiguous else 0)
            | (FLAG_F_CONTIGUOUS if f_contiguous else 0))


cdef bint is_aligned(const char* data, int ndim, const Py_ssize_t* shape,
                     const Py_ssize_t* strides,
                     Py_ssize_t alignment) noexcept nogil:
    """True when every element address is a multiple of ``alignment``.

    The start address and every stride that is actually used (length > 1)
    must be multiples; an empty array is aligned.  NumPy:
    ``raw_array_is_aligned`` in array_assign.c.
    """
    cdef int axis
    cdef size_t bits = <size_t>data
    for axis in range(ndim):
        if shape[axis] == 0:
            return True
        if shape[axis] > 1:
            bits |= <size_t>strides[axis]
    return bits % <size_t>alignment == 0


cdef void fill_contiguous_strides(int ndim, const Py_ssize_t* shape,
                                  Py_ssize_t itemsize, bint fortran,
                                  Py_ssize_t* strides) noexcept nogil:
    """Contiguous strides for ``shape`` in C (or F) order.

    C order: the last axis steps one item, each earlier axis steps over a
    whole block of the later ones, e.g. (3, 4) float64 -> (32, 8).  F order
    is the mirror image, (8, 24).  A length-0 axis counts as 1 here, as in
    NumPy's ``_array_fill_strides`` (views of empty arrays, as made by
    reshape, get these strides).
    """
    cdef int axis
    cdef Py_ssize_t step = itemsize
    if fortran:
        for axis in range(ndim):
            strides[axis] = step
            if shape[axis] != 0:
                step *= shape[axis]
    else:
        for axis in range(ndim - 1, -1, -1):
            strides[axis] = step
            if shape[axis] != 0:
                step *= shape[axis]


cdef void fill_ordered_strides(int ndim, const Py_ssize_t* shape,
                               Py_ssize_t itemsize, const int* order,
                               Py_ssize_t* strides) noexcept nogil:
    """Contiguous strides that lay the axes out in ``order`` (a
    permutation, outermost axis first): the innermost axis steps one
    item, each axis further out steps over the block of those inside it.
    ``order`` = (0, 1, ..., ndim - 1) gives C strides; the reverse, F.
    A "K" layout is these strides in the order ``_loops.axis_order``
    finds.
    """
    cdef int i
    cdef Py_ssize_t step = itemsize
    for i in range(ndim - 1, -1, -1):
        strides[order[i]] = step
        step *= shape[order[i]]


cdef void fill_fresh_strides(int ndim, const Py_ssize_t* shape,
                             Py_ssize_t itemsize, bint fortran,
                             Py_ssize_t* strides) noexcept nogil:
    """Strides of a newly allocated array: contiguous, except that NumPy 2
    gives an array with no elements all-zero strides (there is nothing to
    step to)."""
    cdef int axis
    for axis in range(ndim):
        if shape[axis] == 0:
            for axis in range(ndim):
                strides[axis] = 0
            return
    fill_contiguous_strides(ndim, shape, itemsize, fortran, strides)


cdef Py_ssize_t checked_size(int ndim, const Py_ssize_t* shape,
                             Py_ssize_t itemsize) except -1:
    """Number of elements, refusing shapes whose byte size overflows.

    Both the element count and the byte count must fit in a Py_ssize_t,
    or the pointer arithmetic of every later loop would wrap.  An axis of
    length 0 makes the array empty whatever the other axes are.
    """
    cdef int axis
    cdef Py_ssize_t size = 1, nbytes
    cdef bint overflow = False, empty = False
    for axis in range(ndim):
        if shape[axis] < 0:
            raise ValueError("negative dimensions are not allowed")
    # A length-0 axis makes the array empty, but NumPy still refuses a
    # shape whose other lengths overflow: it counts 0 as 1 for the check.
    for axis in range(ndim):
        if shape[axis] == 0:
            empty = True
        elif __builtin_mul_overflow(size, shape[axis], &size):
            overflow = True
            break
    if overflow or __builtin_mul_overflow(size, itemsize, &nbytes):
        raise ValueError(
            "array is too big; `arr.size * arr.dtype.itemsize` is larger "
            "than the maximum possible size.")
    return 0 if empty else size


cdef extern from *:
    # GCC and Clang provide checked multiplication; it compiles to a
    # multiply and a test of the overflow flag.
    bint __builtin_mul_overflow(Py_ssize_t a, Py_ssize_t b,
                                Py_ssize_t* result) nogil
    bint __builtin_add_overflow(Py_ssize_t a, Py_ssize_t b,
                                Py_ssize_t* result) nogil


cdef void byte_extent(int ndim, const Py_ssize_t* shape,
                      const Py_ssize_t* strides, Py_ssize_t itemsize,
                      Py_ssize_t* low, Py_ssize_t* high) noexcept nogil:
    """Byte range [low, high) around the first element that items touch.

    Negative strides reach below the first element, positive ones above
    it.  An empty array touches nothing (low == high == 0).  NumPy:
    ``get_array_memory_extents`` in mem_overlap.c.
    """
    cdef int axis
    cdef Py_ssize_t reach
    low[0] = 0
    high[0] = itemsize
    for axis in range(ndim):
        if shape[axis] == 0:
            high[0] = 0
            return
    for axis in range(ndim):
        reach = strides[axis] * (shape[axis] - 1)
        if reach < 0:
            low[0] += reach
        else:
            high[0] += reach


cdef bint extent_within(int ndim, const Py_ssize_t* shape,
                        const Py_ssize_t* strides, Py_ssize_t itemsize,
                        Py_ssize_t offset, Py_ssize_t nbytes) noexcept nogil:
    """Whether every item of a layout whose first item sits ``offset``
    bytes into a buffer of ``nbytes`` lies inside the buffer.

    ``byte_extent`` with every product and sum checked, and the offset
    checked before it is added: the layouts asked about come from users
    (``MiniArray(shape, buffer=..., offset=..., strides=...)``, an
    ``__array_interface__``), and a hostile one can wrap a Py_ssize_t
    (a stride of 2**62 over 5 items reaches 2**64 bytes, 0 once wrapped;
    an offset near 2**63 wraps the end of the first item).
    """
    cdef int axis
    cdef Py_ssize_t reach, low = 0, high = itemsize
    if offset < 0 or offset > nbytes:
        return False
    for axis in range(ndim):
        if shape[axis] == 0:
            return True
    for axis in range(ndim):
        if __builtin_mul_overflow(strides[axis], shape[axis] - 1, &reach):
            return False
        if reach < 0:
            if __builtin_add_overflow(low, reach, &low):
                return False
        elif __builtin_add_overflow(high, reach, &high):
            return False
    return low >= -offset and high <= nbytes - offset


cdef bint may_overlap_itself(int ndim, const Py_ssize_t* shape,
                             const Py_ssize_t* strides,
                             Py_ssize_t itemsize) noexcept nogil:
    """Whether two elements of one array may share bytes (a broadcast's
    zero stride, overlapping windows).  Conservative, like
    ``byte_extent``: False is certain.  Taken from the smallest |stride|
    up, each axis must step past the whole block the smaller ones span;
    a layout that passes nests its elements without sharing any (every
    C, F, sliced or transposed array).  NumPy asks the exact question,
    ``solve_may_have_internal_overlap`` in mem_overlap.c, for outputs.
    """
    cdef Py_ssize_t steps[MAX_NDIM]
    cdef Py_ssize_t lengths[MAX_NDIM]
    cdef Py_ssize_t step, length, block = itemsize
    cdef int axis, k, n = 0
    for axis in range(ndim):
        if shape[axis] == 0:
            return False
    for axis in range(ndim):
        if shape[axis] == 1:
            continue                       # never stepped
        step = strides[axis] if strides[axis] >= 0 else -strides[axis]
        length = shape[axis]
        k = n                              # insertion sort by step
        while k > 0 and steps[k - 1] > step:
            steps[k] = steps[k - 1]
            lengths[k] = lengths[k - 1]
            k -= 1
        steps[k] = step
        lengths[k] = length
        n += 1
    for k in range(n):
        if steps[k] < block:
            return True
        block = steps[k] * (lengths[k] - 1) + block
    return False


cdef int shape_from_object(object shape, Py_ssize_t* out,
                           bint strides=False) except -1:
    """Parse an int or a sequence of ints into ``out``; return ndim.

    NumPy's messages: "expected a sequence of integers or a single
    integer", "maximum supported dimension for an ndarray is currently 64",
    "negative dimensions are not allowed", "Maximum allowed dimension
    exceeded" (a length that does not fit in a Py_ssize_t).  ``strides``:
    parse strides instead, read as NumPy reads them (the same converter,
    ``PyArray_IntpConverter``), where negative values are allowed.
    """
    cdef Py_ssize_t ndim, axis
    if PyLong_CheckExact(shape):             # the common 1-d case, fast
        out[0] = _length(shape, strides)
        return 1
    if not isinstance(shape, tuple):
        if getattr(shape, "ndim", None) == 0 or not isinstance(
                shape, (list, range)) and not hasattr(shape, "__len__"):
            # One length (an int, a NumPy integer, a 0-d array).
            if isinstance(shape, (float, str, bytes, bool)):
                _not_a_shape(shape)
            out[0] = _length(shape, strides)
            return 1
        if isinstance(shape, (str, bytes, dict, set, frozenset)):
            _not_a_shape(shape)
        shape = tuple(shape)
    ndim = PyTuple_GET_SIZE(shape)
    if ndim > MAX_NDIM:
        raise ValueError("maximum supported dimension for an ndarray is "
                         f"currently {MAX_NDIM}, found {ndim}")
    for axis in range(ndim):
        out[axis] = _length((<tuple>shape)[axis], strides)
    return <int>ndim


cdef int _not_a_shape(object shape) except -1:
    raise TypeError("expected a sequence of integers or a single integer, "
                    f"got '{shape!r}'")


cdef inline Py_ssize_t _length(object item,
                               bint negative_ok=False) except? -1:
    """One axis length: a non-negative integer that fits a Py_ssize_t
    (a stride, ``negative_ok``: any integer that fits)."""
    cdef Py_ssize_t value
    if not PyLong_CheckExact(item):
        if isinstance(item, bool):
            raise TypeError("an integer is required")
        item = _index(item)   # "'float' object cannot be interpreted ..."
    try:
        value = PyLong_AsSsize_t(item)
    except OverflowError:
        raise ValueError("Maximum allowed dimension exceeded") from None
    if value < 0 and not negative_ok:
        raise ValueError("negative dimensions are not allowed")
    return value


cdef bint attempt_nocopy_reshape(int ndim, const Py_ssize_t* shape,
                                 const Py_ssize_t* strides, int new_ndim,
                                 const Py_ssize_t* new_shape,
                                 Py_ssize_t itemsize, bint fortran,
                                 Py_ssize_t* new_strides) noexcept nogil:
    """Strides that give ``new_shape`` as a view, if any exist.

    Reading the elements in C order (``fortran``: F order) must visit the
    same memory in both layouts.  Both shapes are cut into blocks of equal
    element count, e.g. (6, 4) -> (2, 3, 4) pairs old [6] with new [2, 3]
    and old [4] with new [4].  A block of old axes can be re-split freely
    only if it is contiguous within itself (each axis steps over the whole
    of the next); then the new axes of the block get contiguous strides
    ending in the block's innermost old stride.  Otherwise a copy is
    unavoidable and this returns False.

    Length-1 old axes are dropped first (their strides are never used) and
    trailing length-1 new axes get a stride continuing the last block.
    The caller handles contiguous and empty arrays (they never need
    this), so no block ever contains a 0.

    NumPy: ``_attempt_nocopy_reshape`` in shape.c.
    """
    cdef Py_ssize_t old_shape[MAX_NDIM]
    cdef Py_ssize_t old_strides[MAX_NDIM]
    cdef Py_ssize_t old_block, new_block, last
    cdef int old_ndim = 0, axis, k
    cdef int oi = 0, oj = 1, ni = 0, nj = 1
    for axis in range(ndim):
        if shape[axis] != 1:
            old_shape[old_ndim] = shape[axis]
            old_strides[old_ndim] = strides[axis]
            old_ndim += 1
    while ni < new_ndim and oi < old_ndim:
        new_block = new_shape[ni]
        old_block = old_shape[oi]
        while new_block != old_block:
            if new_block < old_block:
                new_block *= new_shape[nj]
                nj += 1
            else:
                old_block *= old_shape[oj]
                oj += 1
        # The old axes oi..oj-1 must chain in the traversal order.
        for k in range(oi, oj - 1):
            if fortran:
                if old_strides[k + 1] != old_shape[k] * old_strides[k]:
                    return False
            elif old_strides[k] != old_shape[k + 1] * old_strides[k + 1]:
                return False
        # Split the block into the new axes ni..nj-1.
        if fortran:
            new_strides[ni] = old_strides[oi]
            for k in range(ni + 1, nj):
                new_strides[k] = new_strides[k - 1] * new_shape[k - 1]
        else:
            new_strides[nj - 1] = old_strides[oj - 1]
            for k in range(nj - 1, ni, -1):
                new_strides[k - 1] = new_strides[k] * new_shape[k]
        ni = nj
        nj += 1
        oi = oj
        oj += 1
    last = new_strides[ni - 1] if ni >= 1 else itemsize
    if fortran and ni >= 1:
        last *= new_shape[ni - 1]
    for k in range(ni, new_ndim):
        new_strides[k] = last
    return True


cdef bint broadcast_strides(int ndim, const Py_ssize_t* shape,
                            const Py_ssize_t* strides, int out_ndim,
                            const Py_ssize_t* out_shape,
                            Py_ssize_t* out_strides) noexcept nogil:
    """Strides that stretch (shape, strides) to ``out_shape``, if possible.

    The broadcasting rules, as strides: align the shapes on the right;
    missing leading axes and axes of length 1 get stride 0 (every index
    reads the same element); other axes must match exactly.  Returns False
    when the shapes are incompatible.
    """
    cdef int axis, source
    if ndim > out_ndim:
        return False
    for axis in range(out_ndim):
        source = axis - (out_ndim - ndim)
        if source < 0:
            out_strides[axis] = 0
        elif shape[source] == out_shape[axis]:
            # NumPy gives every length-1 axis of the result stride 0.
            out_strides[axis] = strides[source] if out_shape[axis] != 1 else 0
        elif shape[source] == 1:
            out_strides[axis] = 0
        else:
            return False
    return True


# ---------------------------------------------------------------------------
# Tuple versions, for tests and for readers experimenting at the prompt
# ---------------------------------------------------------------------------

cdef int _load(tuple values, Py_ssize_t* out) except -1:
    if len(values) > MAX_NDIM:
        raise ValueError("too many dimensions")
    for axis, value in enumerate(values):
        out[axis] = value
    return len(values)


cdef int _load_layout(tuple shape, tuple strides, Py_ssize_t* shape_buf,
                      Py_ssize_t* strides_buf) except -1:
    """Load a shape and its strides, checked as an array's would be: as
    many strides as lengths, no negative length, a size that fits."""
    if len(shape) != len(strides):
        raise ValueError("shape and strides must have the same length")
    ndim = _load(shape, shape_buf)
    _load(strides, strides_buf)
    checked_size(ndim, shape_buf, 1)
    return ndim


def py_contiguity(tuple shape, tuple strides, Py_ssize_t itemsize):
    """(c_contiguous, f_contiguous) for a shape and byte strides."""
    cdef Py_ssize_t shape_buf[MAX_NDIM]
    cdef Py_ssize_t strides_buf[MAX_NDIM]
    ndim = _load_layout(shape, strides, shape_buf, strides_buf)
    flags = contiguity_flags(ndim, shape_buf, strides_buf, itemsize)
    return (bool(flags & FLAG_C_CONTIGUOUS), bool(flags & FLAG_F_CONTIGUOUS))


def py_contiguous_strides(tuple shape, Py_ssize_t itemsize, order="C"):
    """Strides NumPy gives a new array of this shape in ``order``."""
    cdef Py_ssize_t shape_buf[MAX_NDIM]
    cdef Py_ssize_t strides_buf[MAX_NDIM]
    ndim = _load(shape, shape_buf)
    checked_size(ndim, shape_buf, itemsize)
    fill_fresh_strides(ndim, shape_buf, itemsize, order == "F", strides_buf)
    return tuple(strides_buf[axis] for axis in range(ndim))


def py_byte_extent(tuple shape, tuple strides, Py_ssize_t itemsize):
    """(low, high) byte offsets, relative to the first element, touched."""
    cdef Py_ssize_t shape_buf[MAX_NDIM]
    cdef Py_ssize_t strides_buf[MAX_NDIM]
    cdef Py_ssize_t low, high
    ndim = _load_layout(shape, strides, shape_buf, strides_buf)
    byte_extent(ndim, shape_buf, strides_buf, itemsize, &low, &high)
    return (low, high)


def py_nocopy_reshape(tuple shape, tuple strides, Py_ssize_t itemsize,
                      tuple new_shape, order="C"):
    """Strides of the reshaped view, or None when a copy is needed.

    ``attempt_nocopy_reshape`` walks both shapes block by block and trusts
    that they hold the same, non-zero number of elements (its callers
    handle empty arrays and check sizes first); given anything else it
    would read past the shapes.  So this twin checks that, with
    ValueError.
    """
    cdef Py_ssize_t shape_buf[MAX_NDIM]
    cdef Py_ssize_t strides_buf[MAX_NDIM]
    cdef Py_ssize_t new_shape_buf[MAX_NDIM]
    cdef Py_ssize_t new_strides_buf[MAX_NDIM]
    ndim = _load_layout(shape, strides, shape_buf, strides_buf)
    new_ndim = _load(new_shape, new_shape_buf)
    size = checked_size(ndim, shape_buf, itemsize)
    if size != checked_size(new_ndim, new_shape_buf, itemsize) or size == 0:
        raise ValueError(
            f"cannot reshape {shape} into {new_shape}: the sizes must be "
            "equal and non-zero (empty arrays never need this search)")
    if not attempt_nocopy_reshape(ndim, shape_buf, strides_buf, new_ndim,
                                  new_shape_buf, itemsize, order == "F",
                                  new_strides_buf):
        return None
    return tuple(new_strides_buf[axis] for axis in range(new_ndim))
