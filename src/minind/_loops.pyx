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

One step NumPy does not take: when an operand's fastest axis is not the
innermost one (a transpose, ``c + f``), ``plan_tiles`` has the last two
axes walked in square, cache-sized tiles, so that operand's cache lines
are reused across a tile's rows instead of fetched again for every row.
"""
from libc.stdint cimport (int8_t, int16_t, int32_t, int64_t,
                          uint8_t, uint16_t, uint32_t, uint64_t,
                          INT64_MIN)
from libc.math cimport sqrt
from minind._fperr cimport (raise_invalid, begin_cast, end_cast,
                            casts_deferred)
from libc.string cimport memcpy
from cpython.mem cimport PyMem_Malloc, PyMem_Free
# The cast's source and destination types: _dtype's one list of C types.
from minind._dtype cimport item_t as src_t, other_item_t as dst_t
from minind._layout cimport may_overlap_itself
from minind._dtype cimport (load_item, store_item, gather,
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
    t.tile = 0                  # untiled, unless plan_tiles says otherwise
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
# Tiles: two axes walked in cache-sized blocks
# ---------------------------------------------------------------------------

cdef extern from *:
    """
    #if defined(__unix__) || defined(__APPLE__)
    #include <unistd.h>
    #endif
    enum { MININD_L1D_SIZE, MININD_L1D_LINE, MININD_L2_SIZE, MININD_L2_WAYS };
    /* One cache parameter from sysconf, or 0 where the system has no such
       name (macOS, Windows); glibc itself answers 0 or -1 when the CPU
       does not say. */
    static long minind_cache_query(int which) {
    #if defined(_SC_LEVEL1_DCACHE_SIZE) && defined(_SC_LEVEL2_CACHE_ASSOC)
        switch (which) {
        case MININD_L1D_SIZE: return sysconf(_SC_LEVEL1_DCACHE_SIZE);
        case MININD_L1D_LINE: return sysconf(_SC_LEVEL1_DCACHE_LINESIZE);
        case MININD_L2_SIZE: return sysconf(_SC_LEVEL2_CACHE_SIZE);
        case MININD_L2_WAYS: return sysconf(_SC_LEVEL2_CACHE_ASSOC);
        }
    #endif
        (void)which;
        return 0;
    }
    """
    long minind_cache_query(int which) noexcept nogil
    enum:
        MININD_L1D_SIZE
        MININD_L1D_LINE
        MININD_L2_SIZE
        MININD_L2_WAYS


cdef Py_ssize_t _cache_size(int which, Py_ssize_t fallback):
    cdef long size = minind_cache_query(which)
    return size if size > 0 else fallback


# The caches, read once at import (they do not change under a running
# process).  The fallbacks are common sizes for when the system won't say.
cdef Py_ssize_t _l1_bytes = _cache_size(MININD_L1D_SIZE, 32 * 1024)
cdef Py_ssize_t _line_bytes = _cache_size(MININD_L1D_LINE, 64)
cdef Py_ssize_t _l2_bytes = _cache_size(MININD_L2_SIZE, 256 * 1024)
cdef Py_ssize_t _l2_ways = _cache_size(MININD_L2_WAYS, 8)


def _caches():
    """The cache sizes tiling plans with: (L1d bytes, line bytes, L2
    bytes, L2 ways), as read at import or assumed."""
    return _l1_bytes, _line_bytes, _l2_bytes, _l2_ways


# Test hook: when > 0, tile every traversal that has an operand against
# the grain, with tiles of this edge, so that small arrays take the path;
# when < 0, never tile (to time the plain walk).
cdef Py_ssize_t _forced_edge = 0


def _force_tiles(Py_ssize_t edge):
    """Test and benchmark hook: tile whenever an operand runs against the
    grain, with tiles of ``edge`` items (0: decide as usual; -1: never
    tile).  Returns the previous value."""
    global _forced_edge
    previous = _forced_edge
    _forced_edge = edge
    return previous


def _tile_plan(shape, operand_strides, itemsizes, int dst_op=0):
    """Test helper: ``plan_traversal`` then ``plan_tiles`` on tuples.

    Returns (shape, per-operand strides, tile edge) as planned, so tests
    can see when and how the walk tiles without timing anything.
    """
    cdef Traversal t
    cdef Py_ssize_t sizes[MAX_OPERANDS]
    cdef int axis, iop
    t.nop = len(operand_strides)
    t.ndim = len(shape)
    if not 0 < t.nop <= MAX_OPERANDS or not 0 <= dst_op < t.nop:
        raise ValueError("1 to MAX_OPERANDS operands, dst_op among them")
    for axis in range(t.ndim):
        t.shape[axis] = shape[axis]
    for iop in range(t.nop):
        sizes[iop] = itemsizes[iop]
        for axis in range(t.ndim):
            t.strides[iop][axis] = operand_strides[iop][axis]
    plan_traversal(&t)
    plan_tiles(&t, sizes, dst_op)
    return (tuple(t.shape[axis] for axis in range(t.ndim)),
            tuple(tuple(t.strides[iop][axis] for axis in range(t.ndim))
                  for iop in range(t.nop)),
            t.tile)


cdef Py_ssize_t tile_edge(int nop, Py_ssize_t itemsize) noexcept nogil:
    """The edge, in items, of a square tile whose ``nop`` operands fill
    half of the L1 data cache.

    Half, because the cache is not ours alone (stack, the loop's data,
    lines that map to the same set) and a tile that overflows it loses
    what tiling gains.  48 KiB and float64 give 39 for a copy, 32 for a
    binary ufunc.  At least 2: a 1-item tile is the plain walk.
    """
    cdef Py_ssize_t items = _l1_bytes // 2 // (nop * itemsize)
    cdef Py_ssize_t edge = <Py_ssize_t>sqrt(<double>items)
    if _forced_edge > 0:
        edge = _forced_edge
    return edge if edge > 2 else 2


cdef Py_ssize_t _gcd(Py_ssize_t a, Py_ssize_t b) noexcept nogil:
    while b:
        a, b = b, a % b
    return a


cdef bint _lines_stay_in_l2(Py_ssize_t count,
                            Py_ssize_t stride) noexcept nogil:
    """Whether ``count`` items ``stride`` bytes apart can all keep their
    cache lines in L2 at once: what lets the plain walk's next rows reuse
    the lines its last row brought in.

    Not only capacity: a line can live only in its set (line address
    modulo the number of sets), and lines a multiple of 2^k lines apart
    share 1 set in 2^k.  A 4096 x 4096 float64 transpose steps 32 KiB =
    512 lines: with 1024 sets of 16 ways, its 4096 lines crowd into 2
    sets that hold 32, and every row fetches them from memory again.
    """
    cdef Py_ssize_t sets = _l2_bytes // (_line_bytes * _l2_ways)
    cdef Py_ssize_t lines_apart = stride // _line_bytes
    if lines_apart == 0 or sets <= 0:
        return True     # neighbours share lines: no line is used just once
    return count <= sets // _gcd(lines_apart, sets) * _l2_ways


cdef void plan_tiles(Traversal* t, const Py_ssize_t* itemsizes,
                     int dst_op) noexcept nogil:
    """Have ``walk`` cover the last two axes of a planned ``t`` in tiles,
    when an operand runs against the grain of the innermost axis and the
    cache cannot make up for it.

    Why: ``plan_traversal`` puts the destination's fastest axis innermost.
    An operand whose own fastest (smallest non-zero |stride|) axis is
    another one, j, then jumps in the inner loop -- 32 KiB per item for a
    4096 x 4096 float64 transpose -- so every item costs a cache line
    whose other 7 items are used only when the walk comes back along j,
    one row later.  If those lines are still in cache (L2) then, the plain
    walk is as good as any: for 3000 x 3000 it is, and tiling measured no
    faster (shorter runs, more calls).  If not (``_lines_stay_in_l2``),
    every row fetches them from memory again: ``c + f`` at 4096 ran 14x
    slower than ``c + c``, in NumPy too, which walks the same way.

    The cure: move j next to the inner axis and walk that plane in square
    tiles of ``tile_edge`` items.  Over one tile each operand touches
    edge x edge items on at most edge x edge / (items per line) lines,
    which all fit in L1 until the tile is done, so each line is fetched
    once.  A tile's rows run along the destination's fastest axis of the
    two: strided reads cost less than strided writes (a store first reads
    its line in).  The odometer steps the other axes as before, and the
    inner loop is the same, on rows of a tile.  The first operand against
    the grain picks j; a broadcast one (stride 0) has nothing to gain.

    Tiling changes the order in which items are visited, so callers ask
    for it only where that order cannot be seen: element-wise work with no
    input aliasing the output (in place, at the same addresses, is fine).
    This function also refuses when ``dst_op`` could write one address
    twice (a zero or interleaved stride), where the last write would win.
    Reductions and indexing never tile.
    """
    cdef int inner = t.ndim - 1, iop, axis, j = -1
    cdef Py_ssize_t step, fastest, itemsize = 1, edge
    cdef bint lines_lost = _forced_edge > 0
    if t.ndim < 2 or _forced_edge < 0:
        return
    for iop in range(t.nop):
        if j < 0:
            fastest = 0
            for axis in range(t.ndim):
                step = _abs(t.strides[iop][axis])
                if step != 0 and (fastest == 0 or step < fastest):
                    fastest, j = step, axis
            if j == inner or fastest == 0 or (
                    _abs(t.strides[iop][inner]) <= fastest):
                j = -1          # this operand runs with the grain
        if itemsizes[iop] > itemsize:
            itemsize = itemsizes[iop]
    if j < 0 or may_overlap_itself(t.ndim, t.shape, t.strides[dst_op],
                                   itemsizes[dst_op]):
        return
    # Which of the two axes a tile's rows follow: the destination's
    # fastest.  (With the plain walk, as before, if nothing is lost.)
    if _abs(t.strides[dst_op][j]) < _abs(t.strides[dst_op][inner]):
        j, inner = inner, j
    for iop in range(t.nop):
        if not _lines_stay_in_l2(t.shape[inner],
                                 _abs(t.strides[iop][inner])):
            lines_lost = True
    edge = tile_edge(t.nop, itemsize)
    if not lines_lost or t.shape[inner] <= edge:
        return          # the cache keeps up, or a row fits in one tile
    # The tile's plane becomes the last two axes, rows along j and each
    # row along inner; the others keep their order (any order is correct
    # here, since it is unobservable).
    _move_axis(t, j, t.ndim - 1)
    _move_axis(t, inner - 1 if inner > j else inner, t.ndim - 1)
    t.tile = edge


cdef void _move_axis(Traversal* t, int source, int destination) noexcept nogil:
    """Move axis ``source`` to ``destination`` (>= source), shifting the
    axes after it one place outward."""
    cdef Py_ssize_t length = t.shape[source]
    cdef Py_ssize_t strides[MAX_OPERANDS]
    cdef int axis, iop
    for iop in range(t.nop):
        strides[iop] = t.strides[iop][source]
    for axis in range(source, destination):
        t.shape[axis] = t.shape[axis + 1]
        for iop in range(t.nop):
            t.strides[iop][axis] = t.strides[iop][axis + 1]
    t.shape[destination] = length
    for iop in range(t.nop):
        t.strides[iop][destination] = strides[iop]


cdef void _walk_tiles(Traversal* t, char** corner, inner_loop loop,
                      void* data) noexcept nogil:
    """Run ``loop`` over the plane of the last two axes of a tiled ``t``,
    tile by tile; ``corner[k]`` is operand k's item (0, 0) of the plane.

    Tiles go row-block by row-block; within a tile, each row is one call
    of the inner loop (at most ``t.tile`` items), as in the plain walk.
    """
    cdef int rows_axis = t.ndim - 2, inner = t.ndim - 1, iop
    cdef Py_ssize_t rows = t.shape[rows_axis], columns = t.shape[inner]
    cdef Py_ssize_t edge = t.tile, row0, row_end, row, column0, n
    cdef char* pointers[MAX_OPERANDS]
    cdef Py_ssize_t steps[MAX_OPERANDS]
    for iop in range(t.nop):
        steps[iop] = t.strides[iop][inner]
    row0 = 0
    while row0 < rows:
        row_end = min(row0 + edge, rows)
        column0 = 0
        while column0 < columns:
            n = min(edge, columns - column0)
            for row in range(row0, row_end):
                for iop in range(t.nop):
                    pointers[iop] = (corner[iop]
                                     + row * t.strides[iop][rows_axis]
                                     + column0 * steps[iop])
                loop(pointers, n, steps, data)
            column0 += edge
        row0 += edge


# ---------------------------------------------------------------------------
# Casting one value: C conversions, made total
# ---------------------------------------------------------------------------

cdef inline bint _saturates(src_t value, dst_t* tag) noexcept nogil:
    """Whether no integer of ``convert``'s range holds the float
    ``value``: NaN, an infinity, or beyond int64 (uint64 for uint64).
    Branch-free (``|``, not ``or``), so that a loop of it vectorises; a
    NaN raises "invalid" in the comparison, the flag its cast owes."""
    if dst_t is uint64_t:
        return ((not value >= -9223372036854775808.0)
                | (not value < 18446744073709551616.0))
    else:
        return ((not value >= -9223372036854775808.0)
                | (not value < 9223372036854775808.0))


cdef inline dst_t convert(src_t value, dst_t* tag) noexcept nogil:
    """``value`` as ``dst_t``, the way C converts it, minus the UB.

    C leaves float -> integer conversion undefined when the value does not
    fit (NaN, inf, 1e30); NumPy then returns whatever the CPU gives, which
    differs between machines.  minind goes through int64 and saturates NaN
    and out-of-range values to INT64_MIN first (``_saturates``), so the
    result is defined everywhere and equals NumPy's for every value in
    range.
    """
    if (src_t is float or src_t is double) and not (
            dst_t is float or dst_t is double):
        if _saturates(value, tag):
            return <dst_t>INT64_MIN
        if dst_t is uint64_t and value >= 9223372036854775808.0:
            return <dst_t>value
        return <dst_t><int64_t>value
    else:
        return <dst_t>value


cdef void _cast_run(const char* src, Py_ssize_t src_stride,
                    char* dst, Py_ssize_t dst_stride, Py_ssize_t n,
                    src_t* src_tag, dst_t* dst_tag) noexcept nogil:
    """The inner loop: n items from src to dst, converting each.  A float
    that no integer holds (NaN, an infinity, beyond int64) raises the
    "invalid" flag, as the CPU's conversion does in NumPy (_fperr.pyx);
    a float64 too large for float32 raises "overflow" by itself."""
    cdef Py_ssize_t i
    cdef const src_t* s
    cdef dst_t* d
    cdef dst_t value
    cdef bint to_integer = (src_t is float or src_t is double) and not (
        dst_t is float or dst_t is double)
    cdef bint saturated = False
    if (src_stride == sizeof(src_t) and dst_stride == sizeof(dst_t)
            and <size_t>src % sizeof(src_t) == 0
            and <size_t>dst % sizeof(dst_t) == 0):
        s = <const src_t*>src
        d = <dst_t*>dst
        for i in range(n):          # contiguous and aligned: vectorisable
            d[i] = convert(s[i], dst_tag)
            if to_integer:
                saturated |= _saturates(s[i], dst_tag)
    elif (src_t is dst_t and dst_stride == sizeof(dst_t)
            and <size_t>dst % sizeof(dst_t) == 0):
        # a strided run copied into a contiguous one (ascontiguousarray
        # of a slice): vector gathers where the CPU has them
        gather(src, src_stride, <dst_t*>dst, n)
    else:
        for i in range(n):
            value = convert(load_item(src, src_tag), dst_tag)
            if to_integer:
                saturated |= _saturates(load_item(src, src_tag), dst_tag)
            store_item(dst, value)
            src += src_stride
            dst += dst_stride
    if saturated:
        raise_invalid()


cdef void _to_bool_run(const char* src, Py_ssize_t src_stride,
                       char* dst, Py_ssize_t dst_stride, Py_ssize_t n,
                       src_t* src_tag) noexcept nogil:
    """Casting to bool is "is non-zero" (NaN is non-zero), not truncation."""
    cdef Py_ssize_t i
    cdef const src_t* s
    if (src_stride == sizeof(src_t) and dst_stride == 1
            and <size_t>src % sizeof(src_t) == 0):
        s = <const src_t*>src      # contiguous and aligned: vectorisable
        for i in range(n):
            (<uint8_t*>dst)[i] = s[i] != 0
        return
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


cdef struct CastTypes:
    int src_type
    int dst_type


cdef void _cast_rows(char** pointers, Py_ssize_t n, const Py_ssize_t* steps,
                     void* data) noexcept nogil:
    """The cast as an inner loop of ``walk`` (operand 0 the destination):
    how a tiled copy runs its tile rows."""
    cdef CastTypes* types = <CastTypes*>data
    _dispatch_src(types.src_type, types.dst_type, pointers[1], steps[1],
                  pointers[0], steps[0], n)


cdef void _copy_bytes(char** pointers, Py_ssize_t n, const Py_ssize_t* steps,
                      void* itemsize) noexcept nogil:
    """A band of a contiguous same-type copy: its bytes as they are (a
    bool byte other than 0 or 1 stays, as in the one memcpy)."""
    memcpy(pointers[0], pointers[1], n * (<Py_ssize_t*>itemsize)[0])


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
    cdef Py_ssize_t itemsizes[2]
    cdef int axis
    for axis in range(ndim):
        size *= shape[axis]
    if size == 0:
        return 0
    t.nop = 2
    t.ndim = ndim
    t.tile = 0
    for axis in range(ndim):
        t.shape[axis] = shape[axis]
        t.strides[0][axis] = dst_strides[axis]
        t.strides[1][axis] = src_strides[axis]
    if _copy_recorder is not None:
        before = traversal_text(&t)
    plan_traversal(&t)
    itemsize = descr_of(dst_type).itemsize
    cdef bint one_block = (src_type == dst_type and t.ndim <= 1 and
                           (t.ndim == 0 or (t.strides[0][0] == itemsize
                                            and t.strides[1][0] == itemsize)))
    if not one_block:
        # dst and src do not overlap, so any order gives the same copy.
        itemsizes[0] = itemsize
        itemsizes[1] = descr_of(src_type).itemsize
        plan_tiles(&t, itemsizes, 0)
    if _copy_recorder is not None:
        _copy_recorder.append({
            "path": "memcpy" if one_block else "copy",
            "loop": descr_of(src_type).char + "->" + descr_of(dst_type).char,
            "shape": before[0], "planned": traversal_text(&t),
            "operands": [(0, descr_of(dst_type).name, before[1][0]),
                         (1, descr_of(src_type).name, before[1][1])]})
        raise Planned()
    cdef CastTypes types
    cdef char* start[2]
    cdef int threads = (walk_threads(&t, size) if size >= NOGIL_THRESHOLD
                        else 1)
    types.src_type = src_type
    types.dst_type = dst_type
    start[0] = dst
    start[1] = <char*>src
    if one_block:
        if threads > 1:                 # (bands of the one run: t.ndim 1)
            with nogil:
                walk_on(&t, start, _copy_bytes, &itemsize, threads)
        elif size >= NOGIL_THRESHOLD:
            with nogil:
                memcpy(dst, src, size * itemsize)
        else:
            memcpy(dst, src, size * itemsize)
        return 0
    # A cast that can raise a flag (float to integer, float64 to
    # float32) reports it, as NumPy's casts do: "... encountered in cast".
    # (Inside a reduction, its own: casts_deferred.)
    cdef bint flags = descr_of(src_type).kind == "f" and (
        descr_of(dst_type).kind != "f"
        or descr_of(dst_type).itemsize < descr_of(src_type).itemsize
    ) and not casts_deferred()
    cdef int flags_before = begin_cast() if flags else 0
    if size >= NOGIL_THRESHOLD:
        with nogil:
            if t.tile or threads > 1:
                walk_on(&t, start, _cast_rows, &types, threads)
            else:
                _walk(&t, src_type, dst_type, dst, src)
    elif t.tile:
        walk(&t, start, _cast_rows, &types)
    else:
        _walk(&t, src_type, dst_type, dst, src)
    if flags:
        end_cast(flags_before)
    return 0



# The block size as Python sees it (mi.explain prints it), and the walk
# costs of _loops.pxd (tests).
CAST_BLOCK_ITEMS = CAST_BLOCK
STREAM_SHARE_FACTOR = STREAM_SHARE

# mi.explain (_explain.py) sets this to a list while it asks how a copy
# would run: copy_cast describes its plan there and raises Planned instead
# of copying (the same hook as _ufunc's, for copies and casts).
cdef object _copy_recorder = None


def _set_copy_recorder(recorder):
    """Install ``recorder`` (a list, or None); returns the previous one."""
    global _copy_recorder
    previous = _copy_recorder
    _copy_recorder = recorder
    return previous


class Planned(Exception):
    """Raised in place of running a loop while mi.explain listens."""


cdef tuple traversal_text(Traversal* t):
    """(shape, [strides of each operand], tile edge) of ``t`` as Python
    values: what mi.explain prints of a plan."""
    return (tuple([t.shape[axis] for axis in range(t.ndim)]),
            [tuple([t.strides[iop][axis] for axis in range(t.ndim)])
             for iop in range(t.nop)], t.tile)


cdef threads_for_t _threads_for = NULL
cdef parallel_walk_t _parallel_walk = NULL


cdef void install_pool(threads_for_t threads_for,
                       parallel_walk_t parallel_walk) noexcept:
    global _threads_for, _parallel_walk
    _threads_for = threads_for
    _parallel_walk = parallel_walk


cdef int walk_threads(Traversal* t, Py_ssize_t size) except -1:
    """How many threads walk the planned ``t`` of ``size`` items: what
    its streaming (and tiles) cost, asked of the pool (walk_work)."""
    if _threads_for == NULL:
        return 1
    return _threads_for(walk_work(size, 0, t.tile != 0))


cdef void walk_on(Traversal* t, char** start, inner_loop loop,
                  void* data, int threads) noexcept nogil:
    """``walk``, with ``t``'s outermost axis cut into one band per thread
    when ``threads`` (from ``walk_threads``) is above 1.  A tiled band is
    tiled as the whole would be (a tile cut by a band's edge is a smaller
    tile), and every element is the same copy or the same loop wherever
    it is walked, so the result is the serial one."""
    if threads < 2 or not _parallel_walk(t, start, loop, data, threads):
        walk(t, start, loop, data)


cdef void walk(Traversal* t, char** start, inner_loop loop,
               void* data) noexcept nogil:
    """Run ``loop`` over every innermost run of a planned traversal.

    The odometer of NumPy's raw iterator: the inner loop gets one pointer
    per operand, the run length and the per-operand byte steps; after each
    run the outer axes advance like the digits of a counter.  The caller
    must not pass an empty traversal (the first run is unconditional).

    A tiled traversal (``plan_tiles``) hands its last two axes to
    ``_walk_tiles`` instead, so the odometer steps one axis fewer.
    """
    cdef char* pointers[MAX_OPERANDS]
    cdef Py_ssize_t steps[MAX_OPERANDS]
    cdef Py_ssize_t counter[MAX_NDIM]
    cdef int inner = t.ndim - 1, axis, iop
    cdef int stepped = t.ndim - 2 if t.tile else t.ndim - 1
    cdef Py_ssize_t n = t.shape[inner] if t.ndim > 0 else 1
    for iop in range(t.nop):
        pointers[iop] = start[iop]
        steps[iop] = t.strides[iop][inner] if t.ndim > 0 else 0
    for axis in range(t.ndim):
        counter[axis] = 0
    while True:
        if t.tile:
            _walk_tiles(t, pointers, loop, data)
        else:
            loop(pointers, n, steps, data)
        axis = stepped - 1
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
