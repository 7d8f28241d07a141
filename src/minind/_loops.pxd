# Iteration over strided operands, and the typed inner loops it drives.
from libc.string cimport memcpy
from minind._layout cimport MAX_NDIM

cdef enum:
    MAX_OPERANDS = 4
    # Elements converted at a time when an operand needs a cast: NumPy's
    # buffer size (its iterator's default), so peak extra memory is a few
    # 64 kB blocks, never a converted copy of the operand, and float sums
    # made of blocks round as NumPy's do.
    CAST_BLOCK = 8192

cdef struct Traversal:
    # Operands (index 0 is the destination) walked in lock-step over one
    # shape; strides are in bytes and may be negative or zero.
    int nop
    int ndim
    Py_ssize_t shape[MAX_NDIM]
    Py_ssize_t strides[MAX_OPERANDS][MAX_NDIM]
    # 0, or the edge (in items) of the square tiles in which ``walk``
    # covers the last two axes: plan_traversal sets 0, plan_tiles may set
    # an edge; a traversal walked unplanned must set 0 itself.
    Py_ssize_t tile

ctypedef void (*inner_loop)(char** pointers, Py_ssize_t n,
                            const Py_ssize_t* steps,
                            void* data) noexcept nogil

# The thread pool (_threads.pyx), reached through hooks: _threads cimports
# this module (it walks traversals), so it installs its two entry points
# here when it is imported (install_pool), and copies reach the pool
# through them.
ctypedef int (*threads_for_t)(Py_ssize_t work) except -1
ctypedef bint (*parallel_walk_t)(Traversal* t, char** start,
                                 inner_loop loop, void* data,
                                 int threads) noexcept nogil
cdef void install_pool(threads_for_t threads_for,
                       parallel_walk_t parallel_walk) noexcept
cdef enum:
    # What a tiled traversal costs per element, for threads_for (units of
    # its cheapest threaded loop, about 1 ns an element): a transposing
    # copy misses a cache line or a TLB entry every few items and waits
    # for it, about 2.5 ns an item on one core, a latency each core pays
    # for itself, so two cores nearly halve it.
    TILED_WORK = 2
    # Any walk streams memory, and one core does not move as much as the
    # memory can (the development Xeon VM, 4096**2 float64: an add into an
    # existing array takes 13 ms on one core, 6 on two), nor zero fresh
    # pages as fast as two (the kernel zeroes a page in the thread that
    # first touches it: a new result's add, 18 ms and 10).  So a walk
    # costs at least an eighth of a unit an item: threaded from 2**21
    # items (16 MB of float64).  Below that the operands come from the
    # cache, and handing out bands costs more than it saves (1024**2
    # float64 sums: 0.24 ms on one core, 0.27 on two).
    STREAM_SHARE = 8


cdef inline Py_ssize_t walk_work(Py_ssize_t items, int per_item,
                                 bint tiled) noexcept nogil:
    """What a walk of ``items`` costs, for threads_for: ``per_item``
    units an item (the loop's own cost, _kernels.work_per_element), at
    least TILED_WORK when the walk is tiled, and at least what streaming
    the memory costs (STREAM_SHARE)."""
    if tiled and per_item < TILED_WORK:
        per_item = TILED_WORK
    return max(items * per_item, items // STREAM_SHARE)


# The "K" memory order of t's axes into perm[t.ndim]; 0 <= first_op < nop.
cdef void axis_order(Traversal* t, int first_op, bint every_axis_votes,
                     int* perm) noexcept nogil
# Reorder, squeeze and coalesce t in place; t must not be empty (size 0).
cdef void plan_traversal(Traversal* t) noexcept nogil
# After plan_traversal: walk the last two axes in cache-sized tiles when an
# operand's fastest axis is not the innermost one.  Only for traversals
# whose visiting order is unobservable (dst_op writes distinct items that
# no other operand reads, except in place); itemsizes[k] is operand k's.
cdef void plan_tiles(Traversal* t, const Py_ssize_t* itemsizes,
                     int dst_op) noexcept nogil
# Run loop over a planned, non-empty t; start[k] is operand k's first item.
cdef void walk(Traversal* t, char** start, inner_loop loop,
               void* data) noexcept nogil
# How many threads a copy's walk of t (planned, size items) should use
# (walk_work, with the GIL); then walk_on runs it, without the GIL, cut
# into bands of t's outermost axis when threads > 1 and the pool is free.
cdef int walk_threads(Traversal* t, Py_ssize_t size) except -1
cdef void walk_on(Traversal* t, char** start, inner_loop loop,
                  void* data, int threads) noexcept nogil

# (shape, [each operand's strides], tile) of t as Python values (explain).
cdef tuple traversal_text(Traversal* t)

# dst[...] = src cast; same shape, validated layouts, no overlap.
# n items from src (every src_step bytes) into dst (every dst_step),
# cast from src_type to dst_type: the inner loop of copy_cast.
cdef void cast_run(int src_type, int dst_type, const char* src,
                   Py_ssize_t src_step, char* dst, Py_ssize_t dst_step,
                   Py_ssize_t n) noexcept nogil
cdef int copy_cast(int ndim, const Py_ssize_t* shape,
                   char* dst, const Py_ssize_t* dst_strides, int dst_type,
                   const char* src, const Py_ssize_t* src_strides,
                   int src_type) except -1


cdef inline void copy_block(char* dst, const char* src,
                            Py_ssize_t size) noexcept nogil:
    # memcpy of one element (or any block), with the element sizes spelled
    # as constants so that the compiler makes each a single load and
    # store: the per-element copy of gathers, repeats and sorts.
    if size == 8:
        memcpy(dst, src, 8)
    elif size == 4:
        memcpy(dst, src, 4)
    elif size == 2:
        memcpy(dst, src, 2)
    elif size == 1:
        dst[0] = src[0]
    else:
        memcpy(dst, src, size)


# Buffered casting (see _loops.pyx): walk(t, start, cast_buffered_loop, &b)
# runs b.loop with every operand in its loop type.  Operands below nin are
# read (converted in), the others written (converted out).  The caller
# fills loop, data, nin, own_type and loop_type, then alloc_cast_buffers
# (which fills the rest) and, after the walk, free_cast_buffers.
cdef struct CastBuffers:
    inner_loop loop
    void* data
    int nop
    int nin
    int own_type[MAX_OPERANDS]
    int loop_type[MAX_OPERANDS]
    Py_ssize_t loop_itemsize[MAX_OPERANDS]
    char* buffer[MAX_OPERANDS]

cdef int alloc_cast_buffers(CastBuffers* b, int nop) except -1
cdef void free_cast_buffers(CastBuffers* b) noexcept
cdef void cast_buffered_loop(char** pointers, Py_ssize_t n,
                             const Py_ssize_t* steps,
                             void* data) noexcept nogil
