# cython: boundscheck=False, wraparound=False, cdivision=True
"""Strided traversal and the cast/copy loop.

How minind walks memory, in three steps that NumPy's raw iterator also
takes (``nditer_constr.c``, ``lowlevel_strided_loops.c.src``):

1. ``plan_traversal`` reorders the axes so the destination is walked in
   memory order (largest stride outermost), drops axes of length 1 and
   merges ("coalesces") neighbouring axes whose strides chain, so a
   contiguous block of any shape becomes one long 1-d run.
2. An odometer steps through the remaining outer axes.
3. A typed 1-d inner loop does the work; when every stride equals the
   item size it takes a plain indexed loop the C compiler can vectorise.
"""
from libc.stdint cimport (int8_t, int16_t, int32_t, int64_t,
                          uint8_t, uint16_t, uint32_t, uint64_t,
                          INT64_MIN)
from libc.string cimport memcpy
from cpython.mem cimport PyMem_Malloc, PyMem_Free
# The cast's source and destination types: _dtype's one list of C types.
from minind._dtype cimport item_t as src_t, other_item_t as dst_t
from minind._dtype cimport (load_item, store_item,
                            T_BOOL, T_INT8, T_UINT8, T_INT16, T_UINT16,
                            T_INT32, T_UINT32, T_INT64, T_UINT64, T_FLOAT32,
                            descr_of)

# Below this many elements the GIL is kept: releasing and re-taking it
# costs more than the loop itself.
cdef Py_ssize_t NOGIL_THRESHOLD = 1 << 14


cdef inline Py_ssize_t _abs(Py_ssize_t x) noexcept nogil:
    return -x if x < 0 else x


cdef void axis_order(Traversal* t, int first_op, bint every_axis_votes,
                     int* perm) noexcept nogil:
    """The memory order of the axes, outermost first: NumPy's "K" order.

    An insertion sort that starts from C order: an axis moves inward past
    another when every operand with an opinion on both says it steps less
    far (smaller |stride|).  Equal strides, or operands that disagree,
    keep C order.  Only operands from ``first_op`` on vote (an output
    still to be allocated has no say).  NumPy has two K orders, and this
    is both, told apart by who has an opinion:

    * the iterator's (``npyiter_find_best_axis_ordering``), used for ufunc
      and reduction outputs and ``flatten('K')``: a zero stride
      (broadcast) or a length-1 axis, never stepped, has no opinion;
    * a new array like another (``PyArray_CreateSortedStridePerm``), used
      for copies, ``empty_like`` and ``astype``: with
      ``every_axis_votes``, every stride counts as it is, so the order is
      a stable sort by decreasing |stride| and zero strides go innermost.

    So ``broadcast_to(arange(6.0).reshape(2, 1, 3), (2, 4, 3))`` (strides
    (24, 0, 8)) is walked (0, 1, 2) by the iterator but copied in the
    order (0, 2, 1), as NumPy does.
    """
    cdef int inner[MAX_NDIM]          # innermost axis first
    cdef int i0, i1, position, axis, iop, ndim = t.ndim
    cdef bint ambiguous, swap
    cdef Py_ssize_t s0, s1
    for i0 in range(ndim):
        inner[i0] = ndim - 1 - i0
    for i0 in range(1, ndim):
        axis = inner[i0]
        position = i0
        for i1 in range(i0 - 1, -1, -1):
            ambiguous = True
            swap = False
            for iop in range(first_op, t.nop):
                s0 = _abs(t.strides[iop][axis])
                s1 = _abs(t.strides[iop][inner[i1]])
                if not every_axis_votes:
                    # A length-1 axis is never stepped: like NumPy's
                    # iterator, treat its stride as 0 (no opinion).
                    if t.shape[axis] == 1:
                        s0 = 0
                    if t.shape[inner[i1]] == 1:
                        s1 = 0
                    if s0 == 0 or s1 == 0:
                        continue
                if s1 <= s0:
                    swap = False
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
                inner[i1] = inner[i1 - 1]
            inner[position] = axis
    for i0 in range(ndim):
        perm[i0] = inner[ndim - 1 - i0]


cdef void plan_traversal(Traversal* t) noexcept nogil:
    """Reorder, squeeze and coalesce the axes of ``t`` in place.

    Afterwards ``t.ndim`` may be smaller (0 means a single element), the
    last axis is the innermost loop, and each operand still reaches exactly
    the same elements at the same positions relative to each other.  The
    caller handles empty traversals (any length 0) before planning.
    """
    cdef int perm[MAX_NDIM]
    cdef Py_ssize_t shape[MAX_NDIM]
    cdef Py_ssize_t strides[MAX_OPERANDS][MAX_NDIM]
    cdef int i, j, axis, iop, ndim = 0
    cdef bint chains
    axis_order(t, 0, False, perm)
    # Keep only axes longer than 1, in that order.
    for i in range(t.ndim):
        if t.shape[perm[i]] != 1:
            perm[ndim] = perm[i]
            ndim += 1
    for i in range(ndim):
        shape[i] = t.shape[perm[i]]
        for iop in range(t.nop):
            strides[iop][i] = t.strides[iop][perm[i]]
    # Coalesce: axis i (outer) and i+1 (inner) merge when, for every
    # operand, stepping the outer axis once equals stepping the inner one
    # across its whole length.
    t.ndim = 0
    for i in range(ndim):
        if t.ndim > 0:
            j = t.ndim - 1
            chains = True
            for iop in range(t.nop):
                if t.strides[iop][j] != strides[iop][i] * shape[i]:
                    chains = False
                    break
            if chains:
                t.shape[j] *= shape[i]
                for iop in range(t.nop):
                    t.strides[iop][j] = strides[iop][i]
                continue
        t.shape[t.ndim] = shape[i]
        for iop in range(t.nop):
            t.strides[iop][t.ndim] = strides[iop][i]
        t.ndim += 1


# ---------------------------------------------------------------------------
# Casting one value: C conversions, made total
# ---------------------------------------------------------------------------

cdef inline dst_t convert(src_t value, dst_t* tag) noexcept nogil:
    """``value`` as ``dst_t``, the way C converts it, minus the UB.

    C leaves float -> integer conversion undefined when the value does not
    fit (NaN, inf, 1e30); NumPy then returns whatever the CPU gives, which
    differs between machines.  minind goes through int64 and saturates NaN
    and out-of-range values to INT64_MIN first, so the result is defined
    everywhere and equals NumPy's for every value in range.
    """
    cdef int64_t wide
    if (src_t is float or src_t is double) and not (
            dst_t is float or dst_t is double):
        if value >= -9223372036854775808.0 and value < 9223372036854775808.0:
            wide = <int64_t>value
        elif dst_t is uint64_t and value >= 0 and value < 18446744073709551616.0:
            return <dst_t>value
        else:
            wide = INT64_MIN
        return <dst_t>wide
    else:
        return <dst_t>value


cdef void _cast_run(const char* src, Py_ssize_t src_stride,
                    char* dst, Py_ssize_t dst_stride, Py_ssize_t n,
                    src_t* src_tag, dst_t* dst_tag) noexcept nogil:
    """The inner loop: n items from src to dst, converting each."""
    cdef Py_ssize_t i
    cdef const src_t* s
    cdef dst_t* d
    cdef dst_t value
    if (src_stride == sizeof(src_t) and dst_stride == sizeof(dst_t)
            and <size_t>src % sizeof(src_t) == 0
            and <size_t>dst % sizeof(dst_t) == 0):
        s = <const src_t*>src
        d = <dst_t*>dst
        for i in range(n):          # contiguous and aligned: vectorisable
            d[i] = convert(s[i], dst_tag)
        return
    for i in range(n):
        value = convert(load_item(src, src_tag), dst_tag)
        store_item(dst, value)
        src += src_stride
        dst += dst_stride


cdef void _to_bool_run(const char* src, Py_ssize_t src_stride,
                       char* dst, Py_ssize_t dst_stride, Py_ssize_t n,
                       src_t* src_tag) noexcept nogil:
    """Casting to bool is "is non-zero" (NaN is non-zero), not truncation."""
    cdef Py_ssize_t i
    for i in range(n):
        (<uint8_t*>dst)[0] = load_item(src, src_tag) != 0
        src += src_stride
        dst += dst_stride


cdef void _walk(Traversal* t, int src_type, int dst_type,
                char* dst, const char* src) noexcept nogil:
    """Odometer over the outer axes of a planned 2-operand traversal.

    ``walk``'s odometer, specialised to a destination and a source held
    in registers.  Driving the cast as an inner loop of ``walk`` (one
    pointer array in memory, a per-run call) doubled the cost of copies
    with short inner runs: a (2000, 3) slice took 8 us instead of 4 (NumPy:
    6).  The cast keeps its own odometer for that.
    """
    cdef Py_ssize_t counter[MAX_NDIM]
    cdef int inner = t.ndim - 1, axis
    cdef Py_ssize_t n = t.shape[inner] if t.ndim > 0 else 1
    cdef Py_ssize_t dst_step = t.strides[0][inner] if t.ndim > 0 else 0
    cdef Py_ssize_t src_step = t.strides[1][inner] if t.ndim > 0 else 0
    for axis in range(t.ndim):
        counter[axis] = 0
    while True:
        _dispatch_src(src_type, dst_type, src, src_step, dst, dst_step, n)
        # Advance the odometer: bump the innermost outer axis, carrying
        # into the next one out when it wraps.
        axis = inner - 1
        while axis >= 0:
            counter[axis] += 1
            dst += t.strides[0][axis]
            src += t.strides[1][axis]
            if counter[axis] < t.shape[axis]:
                break
            dst -= t.strides[0][axis] * t.shape[axis]
            src -= t.strides[1][axis] * t.shape[axis]
            counter[axis] = 0
            axis -= 1
        if axis < 0:
            return


cdef void cast_run(int src_type, int dst_type, const char* src,
                   Py_ssize_t src_step, char* dst, Py_ssize_t dst_step,
                   Py_ssize_t n) noexcept nogil:
    _dispatch_src(src_type, dst_type, src, src_step, dst, dst_step, n)


cdef void _dispatch_src(int src_type, int dst_type,
                        const char* src, Py_ssize_t src_step,
                        char* dst, Py_ssize_t dst_step,
                        Py_ssize_t n) noexcept nogil:
    # Two small switches pick one of the compiled (src, dst) loops.
    if src_type == T_BOOL and dst_type == T_BOOL:
        # A copy, not a cast: the bytes go over as they are (a foreign
        # buffer may hold a bool byte other than 0 or 1; NumPy keeps it).
        _dispatch_dst(<uint8_t*>NULL, T_UINT8, src, src_step, dst, dst_step,
                      n)
    elif src_type == T_BOOL:
        _from_bool(dst_type, src, src_step, dst, dst_step, n)
    elif src_type == T_UINT8:
        _dispatch_dst(<uint8_t*>NULL, dst_type, src, src_step, dst, dst_step, n)
    elif src_type == T_INT8:
        _dispatch_dst(<int8_t*>NULL, dst_type, src, src_step, dst, dst_step, n)
    elif src_type == T_INT16:
        _dispatch_dst(<int16_t*>NULL, dst_type, src, src_step, dst, dst_step, n)
    elif src_type == T_UINT16:
        _dispatch_dst(<uint16_t*>NULL, dst_type, src, src_step, dst, dst_step, n)
    elif src_type == T_INT32:
        _dispatch_dst(<int32_t*>NULL, dst_type, src, src_step, dst, dst_step, n)
    elif src_type == T_UINT32:
        _dispatch_dst(<uint32_t*>NULL, dst_type, src, src_step, dst, dst_step, n)
    elif src_type == T_INT64:
        _dispatch_dst(<int64_t*>NULL, dst_type, src, src_step, dst, dst_step, n)
    elif src_type == T_UINT64:
        _dispatch_dst(<uint64_t*>NULL, dst_type, src, src_step, dst, dst_step, n)
    elif src_type == T_FLOAT32:
        _dispatch_dst(<float*>NULL, dst_type, src, src_step, dst, dst_step, n)
    else:
        _dispatch_dst(<double*>NULL, dst_type, src, src_step, dst, dst_step, n)


cdef void _from_bool(int dst_type, const char* src, Py_ssize_t src_step,
                     char* dst, Py_ssize_t dst_step,
                     Py_ssize_t n) noexcept nogil:
    """A bool is True for any byte but 0 (a foreign buffer may hold a 2):
    as NumPy, read each as 0 or 1, a block at a time, then cast those."""
    cdef uint8_t block[256]
    cdef Py_ssize_t start, i, count
    for start in range(0, n, 256):
        count = min(256, n - start)
        for i in range(count):
            block[i] = (<const uint8_t*>(src + (start + i) * src_step))[0] != 0
        _dispatch_dst(<uint8_t*>NULL, dst_type, <char*>block, 1,
                      dst + start * dst_step, dst_step, count)


cdef void _dispatch_dst(src_t* tag, int dst_type,
                        const char* src, Py_ssize_t src_step,
                        char* dst, Py_ssize_t dst_step,
                        Py_ssize_t n) noexcept nogil:
    if dst_type == T_BOOL:
        _to_bool_run(src, src_step, dst, dst_step, n, tag)
    elif dst_type == T_INT8:
        _cast_run(src, src_step, dst, dst_step, n, tag, <int8_t*>NULL)
    elif dst_type == T_UINT8:
        _cast_run(src, src_step, dst, dst_step, n, tag, <uint8_t*>NULL)
    elif dst_type == T_INT16:
        _cast_run(src, src_step, dst, dst_step, n, tag, <int16_t*>NULL)
    elif dst_type == T_UINT16:
        _cast_run(src, src_step, dst, dst_step, n, tag, <uint16_t*>NULL)
    elif dst_type == T_INT32:
        _cast_run(src, src_step, dst, dst_step, n, tag, <int32_t*>NULL)
    elif dst_type == T_UINT32:
        _cast_run(src, src_step, dst, dst_step, n, tag, <uint32_t*>NULL)
    elif dst_type == T_INT64:
        _cast_run(src, src_step, dst, dst_step, n, tag, <int64_t*>NULL)
    elif dst_type == T_UINT64:
        _cast_run(src, src_step, dst, dst_step, n, tag, <uint64_t*>NULL)
    elif dst_type == T_FLOAT32:
        _cast_run(src, src_step, dst, dst_step, n, tag, <float*>NULL)
    else:
        _cast_run(src, src_step, dst, dst_step, n, tag, <double*>NULL)


cdef int copy_cast(int ndim, const Py_ssize_t* shape,
                   char* dst, const Py_ssize_t* dst_strides, int dst_type,
                   const char* src, const Py_ssize_t* src_strides,
                   int src_type) except -1:
    """Copy every element of src into dst (same shape), casting the type.

    The caller has validated both layouts; src strides may be zero
    (broadcasting one value, as ``fill`` does).  dst and src must not
    overlap.  Same-type contiguous runs are a single memcpy.
    """
    cdef Traversal t
    cdef Py_ssize_t size = 1, itemsize
    cdef int axis
    for axis in range(ndim):
        size *= shape[axis]
    if size == 0:
        return 0
    t.nop = 2
    t.ndim = ndim
    for axis in range(ndim):
        t.shape[axis] = shape[axis]
        t.strides[0][axis] = dst_strides[axis]
        t.strides[1][axis] = src_strides[axis]
    plan_traversal(&t)
    itemsize = descr_of(dst_type).itemsize
    if (src_type == dst_type and t.ndim <= 1 and
            (t.ndim == 0 or (t.strides[0][0] == itemsize
                             and t.strides[1][0] == itemsize))):
        memcpy(dst, src, size * itemsize)
        return 0
    if size >= NOGIL_THRESHOLD:
        with nogil:
            _walk(&t, src_type, dst_type, dst, src)
    else:
        _walk(&t, src_type, dst_type, dst, src)
    return 0


cdef void walk(Traversal* t, char** start, inner_loop loop,
               void* data) noexcept nogil:
    """Run ``loop`` over every innermost run of a planned traversal.

    The odometer of NumPy's raw iterator: the inner loop gets one pointer
    per operand, the run length and the per-operand byte steps; after each
    run the outer axes advance like the digits of a counter.  The caller
    must not pass an empty traversal (the first run is unconditional).
    """
    cdef char* pointers[MAX_OPERANDS]
    cdef Py_ssize_t steps[MAX_OPERANDS]
    cdef Py_ssize_t counter[MAX_NDIM]
    cdef int inner = t.ndim - 1, axis, iop
    cdef Py_ssize_t n = t.shape[inner] if t.ndim > 0 else 1
    for iop in range(t.nop):
        pointers[iop] = start[iop]
        steps[iop] = t.strides[iop][inner] if t.ndim > 0 else 0
    for axis in range(t.ndim):
        counter[axis] = 0
    while True:
        loop(pointers, n, steps, data)
        axis = inner - 1
        while axis >= 0:
            counter[axis] += 1
            for iop in range(t.nop):
                pointers[iop] += t.strides[iop][axis]
            if counter[axis] < t.shape[axis]:
                break
            for iop in range(t.nop):
                pointers[iop] -= t.strides[iop][axis] * t.shape[axis]
            counter[axis] = 0
            axis -= 1
        if axis < 0:
            return


# ---------------------------------------------------------------------------
# Buffered casting: operands of another dtype, converted a block at a time
# ---------------------------------------------------------------------------
#
# A loop runs on one dtype (float64 for ``int32_array * 1.5``), and an
# operand stored in another must be converted on the way in (or out, for
# an ``out=`` of another dtype).  Converting it whole first would need a
# temporary as large as the operand in the loop's dtype: summing a 2 GB
# bool mask in int64 would take 16 GB more.  NumPy's buffered iterator
# converts CAST_BLOCK elements at a time instead, and so does this: the
# walk stays the same (same odometer, same order), and this inner loop
# sits between it and the typed loop.  Each run it is handed is cut into
# blocks; for each block, the operands that need it are cast into their
# buffer, the typed loop runs on the buffers (contiguous, so it takes its
# vectorised path), and a written operand is cast back out.  An input
# that does not move along the run (step 0: a scalar, a broadcast axis)
# is converted once and handed on with step 0, so the typed loop keeps
# its scalar path.

cdef int alloc_cast_buffers(CastBuffers* b, int nop) except -1:
    """Allocate a block for each operand whose own type differs from its
    loop type (the caller has filled ``own_type`` and ``loop_type``);
    returns how many.  On error every buffer is freed again."""
    cdef int iop, count = 0
    cdef Py_ssize_t itemsize
    b.nop = nop
    for iop in range(nop):
        b.buffer[iop] = NULL
    for iop in range(nop):
        itemsize = descr_of(b.loop_type[iop]).itemsize
        b.loop_itemsize[iop] = itemsize
        if b.own_type[iop] == b.loop_type[iop]:
            continue
        b.buffer[iop] = <char*>PyMem_Malloc(CAST_BLOCK * itemsize)
        if b.buffer[iop] == NULL:
            free_cast_buffers(b)
            raise MemoryError()
        count += 1
    return count


cdef void free_cast_buffers(CastBuffers* b) noexcept:
    cdef int iop
    for iop in range(b.nop):
        PyMem_Free(b.buffer[iop])
        b.buffer[iop] = NULL


cdef void cast_buffered_loop(char** pointers, Py_ssize_t n,
                             const Py_ssize_t* steps,
                             void* data) noexcept nogil:
    """The inner loop for ``walk`` when operands need a cast: ``data`` is
    a ``CastBuffers`` holding the typed loop and one buffer per operand
    that needs one (see the section comment)."""
    cdef CastBuffers* b = <CastBuffers*>data
    cdef char* args[MAX_OPERANDS]
    cdef Py_ssize_t loop_steps[MAX_OPERANDS]
    cdef Py_ssize_t done = 0, block
    cdef int iop
    while done < n:
        block = min(<Py_ssize_t>CAST_BLOCK, n - done)
        for iop in range(b.nop):
            args[iop] = pointers[iop] + done * steps[iop]
            loop_steps[iop] = steps[iop]
            if b.buffer[iop] == NULL:
                continue
            if iop < b.nin:
                if steps[iop] == 0:
                    if done == 0:        # one value for the whole run
                        cast_run(b.own_type[iop], b.loop_type[iop],
                                 args[iop], 0, b.buffer[iop], 0, 1)
                else:
                    cast_run(b.own_type[iop], b.loop_type[iop], args[iop],
                             steps[iop], b.buffer[iop],
                             b.loop_itemsize[iop], block)
                    loop_steps[iop] = b.loop_itemsize[iop]
            else:
                loop_steps[iop] = b.loop_itemsize[iop]
            args[iop] = b.buffer[iop]
        b.loop(args, block, loop_steps, b.data)
        for iop in range(b.nin, b.nop):
            if b.buffer[iop] != NULL:
                cast_run(b.loop_type[iop], b.own_type[iop], b.buffer[iop],
                         b.loop_itemsize[iop],
                         pointers[iop] + done * steps[iop], steps[iop],
                         block)
        done += block
