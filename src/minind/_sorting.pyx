# cython: boundscheck=False, wraparound=False, cdivision=True
"""Sorting and what is built on it: sort/argsort, partition/argpartition,
lexsort, searchsorted and unique.

Every routine here works lane by lane: a lane is the 1-d run of elements
along the chosen axis, and the other axes only say where each lane
starts (an odometer over them, ``_walk_lanes``).  A lane that is
contiguous and aligned is sorted where it lies; any other lane (a
column of a C array, negative or zero strides, an ``as_strided`` view
at an odd address) is copied into a contiguous buffer, sorted there and
copied back, exactly as NumPy's ``_new_sortlike`` does.

The order is NumPy's: NaN sorts after every number (``_less``), and
-0.0 equals 0.0, so a stable sort keeps them in the order it met them.
The algorithms, one per ``kind``:

* ``quicksort`` (NumPy's default) is an introsort: quicksort with a
  median-of-three pivot, insertion sort for short runs, and heapsort once
  the recursion is deeper than 2 log2(n), so the worst case stays
  O(n log n);
* ``heapsort`` is heapsort;
* ``stable`` (``mergesort``) is a top-down merge sort with insertion sort
  for short runs: equal elements keep their order, which is what makes
  ``argsort(kind="stable")``, ``lexsort`` and ``unique``'s first indices
  well defined;
* one-byte dtypes (bool, int8, uint8) in lanes of more than 256 items are
  counted instead (``_counting_sort``): O(n), and stable by nature, as
  NumPy's radix sort is for them;
* ``partition`` is quickselect on the same partitioning step, with the
  same heapsort fallback (NumPy's introselect falls back to median of
  medians instead; both are O(n) on average and bounded in the worst
  case).

The typed work is one fused function per operation; ``_run`` picks the
specialisation once per call from the dtype (the only if/else ladder
over types), and the lane loops run without the GIL for large arrays.

NumPy counterparts: ``npysort/`` (quicksort.cpp, heapsort.cpp,
mergesort.cpp, selection.cpp, binsearch.cpp), ``PyArray_Sort``,
``PyArray_ArgSort``, ``PyArray_Partition``, ``PyArray_LexSort``,
``PyArray_SearchSorted`` and ``_new_sortlike``/``_new_argsortlike`` in
item_selection.c; ``unique`` in lib/_arraysetops_impl.py.  NumPy also
has SIMD sorts (x86-simd-sort, Highway) for some dtypes and kinds, and
radix sort for 16-bit integers too; minind has none of those.
"""
import operator
from collections import namedtuple

from libc.stdint cimport (int8_t, int16_t, int32_t, int64_t, uint8_t,
                          uint16_t, uint32_t, uint64_t)
from libc.stdlib cimport malloc, free
from libc.string cimport memcpy

from minind._core cimport (MiniArray, new_array, copy_array, flatten_array,
                           ravel_array, reshape_array, normalize_axis,
                           require_writeable)
from minind._dtype cimport (Descr, item_t, descr_of, promote_index, T_BOOL,
                            T_INT8, T_UINT8, T_INT16, T_UINT16, T_INT32,
                            T_UINT32, T_INT64, T_UINT64, T_FLOAT32,
                            T_FLOAT64)
from minind._layout cimport MAX_NDIM, FLAG_C_CONTIGUOUS
from minind._loops cimport copy_block

from minind._creation import array, asarray
from minind.exceptions import AxisError


cdef Py_ssize_t NOGIL_THRESHOLD = 1 << 14

cdef enum:
    # Runs this short are insertion-sorted: fewer moves than any
    # recursion for them.
    SMALL_RUN = 16
    # One-byte lanes longer than this are counted, not compared (the 256
    # buckets cost about as much as sorting this many items).
    COUNTING_MIN = 256

cdef enum SortKind:
    KIND_QUICK = 0
    KIND_HEAP = 1
    KIND_STABLE = 2

cdef enum Operation:
    OP_SORT = 0          # sort each lane in place
    OP_ARGSORT = 1       # each index lane: the order of its value lane
    OP_SELECT = 2        # partition each lane in place around kth
    OP_ARGSELECT = 3     # the same, on indices
    OP_LEXSTEP = 4       # refine index lanes by one more (more major) key
    OP_SEARCH = 5        # binary search of each key in a sorted run
    OP_GROUPS = 6        # mark where each run of equal values starts


cdef struct Job:
    # What one call of ``_run`` does, on which memory.  ``data`` holds
    # the values (type ``type_index``), ``index`` the int64 indices of
    # the arg operations.  Lanes: ``length`` items ``stride`` bytes
    # apart (``index_stride`` in the index array); the outer axes (all
    # but the lane's) are ``outer_shape`` with ``outer_strides`` and
    # ``outer_index_strides``.
    int operation
    int type_index
    int kind
    char* data
    char* index
    Py_ssize_t length
    Py_ssize_t stride
    Py_ssize_t index_stride
    int outer_ndim
    Py_ssize_t lanes
    Py_ssize_t outer_shape[MAX_NDIM]
    Py_ssize_t outer_strides[MAX_NDIM]
    Py_ssize_t outer_index_strides[MAX_NDIM]
    # Scratch, allocated by the caller for one lane: values, indices and
    # the merge buffers.
    char* value_buffer
    int64_t* index_buffer
    char* merge_buffer
    int64_t* index_merge_buffer
    int64_t* order_buffer
    # OP_SELECT/OP_ARGSELECT: distinct kth, ascending.
    const Py_ssize_t* kth
    Py_ssize_t kth_count
    # OP_LEXSTEP: the first key starts from the identity order.
    bint first_key
    # OP_SEARCH: ``keys`` (key_count contiguous items of type_index),
    # the optional sorter (int64, validated), side, results into index.
    const char* keys
    Py_ssize_t key_count
    const int64_t* sorter
    bint right
    # OP_GROUPS: NaNs form one group; one flag byte per item.
    bint equal_nan
    uint8_t* starts


# ---------------------------------------------------------------------------
# The order: NaN last
# ---------------------------------------------------------------------------

cdef inline bint _less(item_t a, item_t b) noexcept nogil:
    """``a`` sorts before ``b``.  For floats NaN is the largest value (NumPy's
    ``npy::sort_lt``): a number is less than NaN, NaN is less than
    nothing, and -0.0 < 0.0 is false, so they count as equal."""
    if item_t is float or item_t is double:
        return a < b or (b != b and a == a)
    else:
        return a < b


cdef inline bint _is_nan(item_t a) noexcept nogil:
    if item_t is float or item_t is double:
        return a != a
    else:
        return False


cdef inline Py_ssize_t _depth_limit(Py_ssize_t n) noexcept nogil:
    """2 floor(log2 n): how deep quicksort may recurse before the
    introsort hands the rest to heapsort."""
    cdef Py_ssize_t depth = 0
    while n > 1:
        n >>= 1
        depth += 2
    return depth


# ---------------------------------------------------------------------------
# Sorting values in place (v[0:n], contiguous)
# ---------------------------------------------------------------------------

cdef void _insertion_sort(item_t* v, Py_ssize_t n) noexcept nogil:
    """Stable: an item moves only past strictly greater ones."""
    cdef Py_ssize_t i, j
    cdef item_t x
    for i in range(1, n):
        x = v[i]
        j = i
        while j > 0 and _less(x, v[j - 1]):
            v[j] = v[j - 1]
            j -= 1
        v[j] = x


cdef void _sift_down(item_t* v, Py_ssize_t root, Py_ssize_t n) noexcept nogil:
    cdef Py_ssize_t child
    cdef item_t x = v[root]
    while True:
        child = 2 * root + 1
        if child >= n:
            break
        if child + 1 < n and _less(v[child], v[child + 1]):
            child += 1
        if not _less(x, v[child]):
            break
        v[root] = v[child]
        root = child
    v[root] = x


cdef void _heap_sort(item_t* v, Py_ssize_t n) noexcept nogil:
    """A max-heap in v[0:n], then the largest swapped to the end, n times."""
    cdef Py_ssize_t i
    cdef item_t x
    for i in range(n // 2 - 1, -1, -1):
        _sift_down(v, i, n)
    for i in range(n - 1, 0, -1):
        x = v[0]
        v[0] = v[i]
        v[i] = x
        _sift_down(v, 0, i)


cdef inline void _swap(item_t* v, Py_ssize_t i, Py_ssize_t j) noexcept nogil:
    cdef item_t x = v[i]
    v[i] = v[j]
    v[j] = x


cdef Py_ssize_t _partition(item_t* v, Py_ssize_t n) noexcept nogil:
    """Partition v[0:n] (n > SMALL_RUN) around the median of its first,
    middle and last items; returns the pivot's final place p, with
    v[:p] <= v[p] <= v[p+1:].

    The median-of-three leaves v[0] <= pivot and the pivot itself at
    v[n-2]: they stop the two scans, so the scans need no bounds checks.
    Items equal to the pivot stop both scans and are swapped, which
    splits runs of equal items evenly instead of degrading to O(n^2).
    """
    cdef Py_ssize_t middle = n >> 1, i = 0, j = n - 2
    cdef item_t pivot
    if _less(v[middle], v[0]):
        _swap(v, 0, middle)
    if _less(v[n - 1], v[middle]):
        _swap(v, middle, n - 1)
        if _less(v[middle], v[0]):
            _swap(v, 0, middle)
    pivot = v[middle]
    _swap(v, middle, n - 2)
    while True:
        i += 1
        while _less(v[i], pivot):
            i += 1
        j -= 1
        while _less(pivot, v[j]):
            j -= 1
        if i >= j:
            break
        _swap(v, i, j)
    _swap(v, i, n - 2)
    return i


cdef void _intro_sort(item_t* v, Py_ssize_t n,
                      Py_ssize_t depth) noexcept nogil:
    """Quicksort on the smaller side, a loop on the larger (so the stack
    stays O(log n)), heapsort below ``depth`` levels."""
    cdef Py_ssize_t p
    while n > SMALL_RUN:
        if depth == 0:
            _heap_sort(v, n)
            return
        depth -= 1
        p = _partition(v, n)
        if p < n - p - 1:
            _intro_sort(v, p, depth)
            v += p + 1
            n -= p + 1
        else:
            _intro_sort(v + p + 1, n - p - 1, depth)
            n = p
    _insertion_sort(v, n)


cdef void _merge_sort(item_t* v, Py_ssize_t n, item_t* work) noexcept nogil:
    """Stable: sort both halves, then merge, taking from the right half
    only when its item is strictly less.  ``work`` holds n // 2 items:
    the left half is moved there, and the merge writes into v from the
    front, never past the next unread item of the right half."""
    cdef Py_ssize_t half, i, j, k
    if n <= SMALL_RUN:
        _insertion_sort(v, n)
        return
    half = n >> 1
    _merge_sort(v, half, work)
    _merge_sort(v + half, n - half, work)
    if not _less(v[half], v[half - 1]):
        return                       # already in order: nothing to merge
    memcpy(work, v, half * sizeof(item_t))
    i = 0
    j = half
    k = 0
    while i < half and j < n:
        if _less(v[j], work[i]):
            v[k] = v[j]
            j += 1
        else:
            v[k] = work[i]
            i += 1
        k += 1
    while i < half:
        v[k] = work[i]
        i += 1
        k += 1


cdef inline Py_ssize_t _byte_key(item_t x) noexcept nogil:
    """A one-byte item's place among the 256 buckets, in sort order
    (int8: -128 goes first)."""
    if item_t is int8_t:
        return <Py_ssize_t>x + 128
    else:
        return <Py_ssize_t>x


cdef void _counting_sort(item_t* v, Py_ssize_t n) noexcept nogil:
    """One-byte items (bool, int8, uint8) sorted by counting them: 256
    buckets, one pass to count and one to write, O(n).  Equal one-byte
    items are indistinguishable, so this is a stable sort."""
    cdef Py_ssize_t counts[256]
    cdef Py_ssize_t i, b, k = 0
    for b in range(256):
        counts[b] = 0
    for i in range(n):
        counts[_byte_key(v[i])] += 1
    for b in range(256):
        for i in range(counts[b]):
            v[k] = <item_t>(b - 128 if item_t is int8_t else b)
            k += 1


cdef void _sort_items(item_t* v, Py_ssize_t n, int kind,
                      item_t* work) noexcept nogil:
    if (item_t is int8_t or item_t is uint8_t) and n > COUNTING_MIN:
        _counting_sort(v, n)
    elif kind == KIND_STABLE:
        _merge_sort(v, n, work)
    elif kind == KIND_HEAP:
        _heap_sort(v, n)
    else:
        _intro_sort(v, n, _depth_limit(n))


cdef void _select_item(item_t* v, Py_ssize_t n, Py_ssize_t kth) noexcept nogil:
    """Quickselect: afterwards v[kth] is the item a sort would put there,
    v[:kth] <= v[kth] <= v[kth+1:].  Each step keeps the side that holds
    kth; past the depth limit the rest is heapsorted."""
    cdef Py_ssize_t p, depth = _depth_limit(n)
    while n > SMALL_RUN:
        if depth == 0:
            _heap_sort(v, n)
            return
        depth -= 1
        p = _partition(v, n)
        if kth == p:
            return
        if kth < p:
            n = p
        else:
            v += p + 1
            n -= p + 1
            kth -= p + 1
    _insertion_sort(v, n)


# ---------------------------------------------------------------------------
# Sorting indices by the values they point to (the arg versions)
# ---------------------------------------------------------------------------

cdef void _arg_insertion_sort(const item_t* v, int64_t* idx,
                              Py_ssize_t n) noexcept nogil:
    cdef Py_ssize_t i, j
    cdef int64_t t
    cdef item_t x
    for i in range(1, n):
        t = idx[i]
        x = v[t]
        j = i
        while j > 0 and _less(x, v[idx[j - 1]]):
            idx[j] = idx[j - 1]
            j -= 1
        idx[j] = t


cdef void _arg_sift_down(const item_t* v, int64_t* idx, Py_ssize_t root,
                         Py_ssize_t n) noexcept nogil:
    cdef Py_ssize_t child
    cdef int64_t t = idx[root]
    while True:
        child = 2 * root + 1
        if child >= n:
            break
        if child + 1 < n and _less(v[idx[child]], v[idx[child + 1]]):
            child += 1
        if not _less(v[t], v[idx[child]]):
            break
        idx[root] = idx[child]
        root = child
    idx[root] = t


cdef void _arg_heap_sort(const item_t* v, int64_t* idx,
                         Py_ssize_t n) noexcept nogil:
    cdef Py_ssize_t i
    cdef int64_t t
    for i in range(n // 2 - 1, -1, -1):
        _arg_sift_down(v, idx, i, n)
    for i in range(n - 1, 0, -1):
        t = idx[0]
        idx[0] = idx[i]
        idx[i] = t
        _arg_sift_down(v, idx, 0, i)


cdef inline void _swap_index(int64_t* idx, Py_ssize_t i,
                             Py_ssize_t j) noexcept nogil:
    cdef int64_t t = idx[i]
    idx[i] = idx[j]
    idx[j] = t


cdef Py_ssize_t _arg_partition(const item_t* v, int64_t* idx,
                               Py_ssize_t n) noexcept nogil:
    """``_partition`` on idx[0:n], comparing v[idx[...]]."""
    cdef Py_ssize_t middle = n >> 1, i = 0, j = n - 2
    cdef item_t pivot
    if _less(v[idx[middle]], v[idx[0]]):
        _swap_index(idx, 0, middle)
    if _less(v[idx[n - 1]], v[idx[middle]]):
        _swap_index(idx, middle, n - 1)
        if _less(v[idx[middle]], v[idx[0]]):
            _swap_index(idx, 0, middle)
    pivot = v[idx[middle]]
    _swap_index(idx, middle, n - 2)
    while True:
        i += 1
        while _less(v[idx[i]], pivot):
            i += 1
        j -= 1
        while _less(pivot, v[idx[j]]):
            j -= 1
        if i >= j:
            break
        _swap_index(idx, i, j)
    _swap_index(idx, i, n - 2)
    return i


cdef void _arg_intro_sort(const item_t* v, int64_t* idx, Py_ssize_t n,
                          Py_ssize_t depth) noexcept nogil:
    cdef Py_ssize_t p
    while n > SMALL_RUN:
        if depth == 0:
            _arg_heap_sort(v, idx, n)
            return
        depth -= 1
        p = _arg_partition(v, idx, n)
        if p < n - p - 1:
            _arg_intro_sort(v, idx, p, depth)
            idx += p + 1
            n -= p + 1
        else:
            _arg_intro_sort(v, idx + p + 1, n - p - 1, depth)
            n = p
    _arg_insertion_sort(v, idx, n)


cdef void _arg_merge_sort(const item_t* v, int64_t* idx, Py_ssize_t n,
                          int64_t* work) noexcept nogil:
    """``_merge_sort`` on indices: ties keep their index order."""
    cdef Py_ssize_t half, i, j, k
    if n <= SMALL_RUN:
        _arg_insertion_sort(v, idx, n)
        return
    half = n >> 1
    _arg_merge_sort(v, idx, half, work)
    _arg_merge_sort(v, idx + half, n - half, work)
    if not _less(v[idx[half]], v[idx[half - 1]]):
        return
    memcpy(work, idx, half * sizeof(int64_t))
    i = 0
    j = half
    k = 0
    while i < half and j < n:
        if _less(v[idx[j]], v[work[i]]):
            idx[k] = idx[j]
            j += 1
        else:
            idx[k] = work[i]
            i += 1
        k += 1
    while i < half:
        idx[k] = work[i]
        i += 1
        k += 1


cdef void _arg_counting_sort(const item_t* v, int64_t* idx, Py_ssize_t n,
                             int64_t* work) noexcept nogil:
    """Stable counting sort of indices by one-byte values: count each
    bucket, turn the counts into each bucket's first place, then deal the
    indices out in their order (into ``work``, n long) and copy back."""
    cdef Py_ssize_t starts[256]
    cdef Py_ssize_t i, b, total = 0, count
    for b in range(256):
        starts[b] = 0
    for i in range(n):
        starts[_byte_key(v[idx[i]])] += 1
    for b in range(256):
        count = starts[b]
        starts[b] = total
        total += count
    for i in range(n):
        b = _byte_key(v[idx[i]])
        work[starts[b]] = idx[i]
        starts[b] += 1
    memcpy(idx, work, n * sizeof(int64_t))


cdef void _arg_sort_items(const item_t* v, int64_t* idx, Py_ssize_t n,
                          int kind, int64_t* work) noexcept nogil:
    if ((item_t is int8_t or item_t is uint8_t) and kind == KIND_STABLE
            and n > COUNTING_MIN):
        _arg_counting_sort(v, idx, n, work)
    elif kind == KIND_STABLE:
        _arg_merge_sort(v, idx, n, work)
    elif kind == KIND_HEAP:
        _arg_heap_sort(v, idx, n)
    else:
        _arg_intro_sort(v, idx, n, _depth_limit(n))


cdef void _arg_select_item(const item_t* v, int64_t* idx, Py_ssize_t n,
                           Py_ssize_t kth) noexcept nogil:
    cdef Py_ssize_t p, depth = _depth_limit(n)
    while n > SMALL_RUN:
        if depth == 0:
            _arg_heap_sort(v, idx, n)
            return
        depth -= 1
        p = _arg_partition(v, idx, n)
        if kth == p:
            return
        if kth < p:
            n = p
        else:
            idx += p + 1
            n -= p + 1
            kth -= p + 1
    _arg_insertion_sort(v, idx, n)


# ---------------------------------------------------------------------------
# One lane, and the walk over all lanes
# ---------------------------------------------------------------------------

cdef inline bint _direct(const char* data, Py_ssize_t stride,
                         Py_ssize_t itemsize) noexcept nogil:
    """A lane that can be used where it lies: contiguous and aligned."""
    return stride == itemsize and <size_t>data % itemsize == 0


cdef item_t* _load_lane(Job* job, char* data, item_t* tag) noexcept nogil:
    """The lane's values as a contiguous run: the lane itself, or a copy
    in the job's value buffer (memcpy per item: it may be unaligned)."""
    cdef Py_ssize_t i
    cdef char* buffer = job.value_buffer
    if _direct(data, job.stride, sizeof(item_t)):
        return <item_t*>data
    for i in range(job.length):
        memcpy(buffer + i * <Py_ssize_t>sizeof(item_t),
               data + i * job.stride, sizeof(item_t))
    return <item_t*>buffer


cdef void _store_lane(Job* job, char* data,
                      const item_t* values) noexcept nogil:
    cdef Py_ssize_t i
    if <const char*>values == data:
        return
    for i in range(job.length):
        memcpy(data + i * job.stride,
               <const char*>values + i * <Py_ssize_t>sizeof(item_t),
               sizeof(item_t))


cdef int64_t* _index_lane(Job* job, char* index) noexcept nogil:
    """Where the lane's indices are worked on: in place when the index
    lane is contiguous (a fresh int64 array is always aligned)."""
    if job.index_stride == sizeof(int64_t):
        return <int64_t*>index
    return job.index_buffer


cdef void _store_index_lane(Job* job, char* index,
                            const int64_t* idx) noexcept nogil:
    cdef Py_ssize_t i
    if <const char*>idx == index:
        return
    for i in range(job.length):
        (<int64_t*>(index + i * job.index_stride))[0] = idx[i]


cdef void _one_lane(Job* job, char* data, char* index,
                    item_t* tag) noexcept nogil:
    cdef Py_ssize_t i, k, start
    cdef Py_ssize_t n = job.length
    cdef item_t* values
    cdef item_t* gathered
    cdef int64_t* idx
    cdef int64_t* order
    if job.operation == OP_SORT or job.operation == OP_SELECT:
        values = _load_lane(job, data, tag)
        if job.operation == OP_SORT:
            _sort_items(values, n, job.kind, <item_t*>job.merge_buffer)
        else:
            start = 0
            for k in range(job.kth_count):
                _select_item(values + start, n - start,
                             job.kth[k] - start)
                start = job.kth[k] + 1
        _store_lane(job, data, values)
    elif job.operation == OP_ARGSORT or job.operation == OP_ARGSELECT:
        values = _load_lane(job, data, tag)
        idx = _index_lane(job, index)
        for i in range(n):
            idx[i] = i
        if job.operation == OP_ARGSORT:
            _arg_sort_items(values, idx, n, job.kind,
                            job.index_merge_buffer)
        else:
            start = 0
            for k in range(job.kth_count):
                _arg_select_item(values, idx + start, n - start,
                                 job.kth[k] - start)
                start = job.kth[k] + 1
        _store_index_lane(job, index, idx)
    elif job.operation == OP_LEXSTEP:
        # The lane's current order (from the less significant keys) is
        # refined by this key: a stable sort of the key's values taken
        # in that order, composed with it.
        idx = job.index_buffer
        order = job.order_buffer
        gathered = <item_t*>job.value_buffer
        for i in range(n):
            idx[i] = i if job.first_key else (
                <int64_t*>(index + i * job.index_stride))[0]
            memcpy(&gathered[i], data + idx[i] * job.stride, sizeof(item_t))
            order[i] = i
        _arg_sort_items(gathered, order, n, KIND_STABLE,
                        job.index_merge_buffer)
        for i in range(n):
            (<int64_t*>(index + i * job.index_stride))[0] = idx[order[i]]


cdef void _walk_lanes(Job* job, item_t* tag) noexcept nogil:
    """``_one_lane`` for every lane: an odometer over the outer axes, the
    last one turning fastest, moving both the value and index pointers."""
    cdef Py_ssize_t counter[MAX_NDIM]
    cdef Py_ssize_t lane
    cdef char* data = job.data
    cdef char* index = job.index
    cdef int k
    for k in range(job.outer_ndim):
        counter[k] = 0
    for lane in range(job.lanes):
        _one_lane(job, data, index, tag)
        k = job.outer_ndim - 1
        while k >= 0:
            counter[k] += 1
            data += job.outer_strides[k]
            index += job.outer_index_strides[k]
            if counter[k] < job.outer_shape[k]:
                break
            data -= job.outer_strides[k] * job.outer_shape[k]
            index -= job.outer_index_strides[k] * job.outer_shape[k]
            counter[k] = 0
            k -= 1


# ---------------------------------------------------------------------------
# Binary search and runs of equal values (one contiguous run each)
# ---------------------------------------------------------------------------

cdef void _search(Job* job, item_t* tag) noexcept nogil:
    """For each key, the first place in the sorted run where it could be
    inserted keeping the order: before equal items (left) or after them
    (right).  ``sorter`` reads the run through a permutation."""
    cdef const item_t* run = <const item_t*>job.data
    cdef const item_t* keys = <const item_t*>job.keys
    cdef int64_t* out = <int64_t*>job.index
    cdef Py_ssize_t k, low, high, middle
    cdef item_t key, item
    for k in range(job.key_count):
        key = keys[k]
        low = 0
        high = job.length
        while low < high:
            middle = low + ((high - low) >> 1)
            item = (run[job.sorter[middle]] if job.sorter != NULL
                    else run[middle])
            if (_less(key, item) if job.right else not _less(item, key)):
                high = middle
            else:
                low = middle + 1
        out[k] = low


cdef void _group_starts(Job* job, item_t* tag) noexcept nogil:
    """starts[i] = 1 where a sorted run's item i differs from item i-1
    (NaN differs from NaN, unless ``equal_nan`` makes them one group)."""
    cdef const item_t* run = <const item_t*>job.data
    cdef Py_ssize_t i
    if job.length > 0:
        job.starts[0] = 1
    for i in range(1, job.length):
        job.starts[i] = run[i] != run[i - 1] and not (
            job.equal_nan and _is_nan(run[i]) and _is_nan(run[i - 1]))


cdef void _run_typed(Job* job, item_t* tag) noexcept nogil:
    if job.operation == OP_SEARCH:
        _search(job, tag)
    elif job.operation == OP_GROUPS:
        _group_starts(job, tag)
    else:
        _walk_lanes(job, tag)


cdef void _run(Job* job) noexcept nogil:
    """The one place a dtype picks a specialisation.  bool is stored as
    0/1 bytes, so it sorts as uint8."""
    cdef int t = job.type_index
    if t == T_BOOL or t == T_UINT8:
        _run_typed(job, <uint8_t*>NULL)
    elif t == T_INT8:
        _run_typed(job, <int8_t*>NULL)
    elif t == T_INT16:
        _run_typed(job, <int16_t*>NULL)
    elif t == T_UINT16:
        _run_typed(job, <uint16_t*>NULL)
    elif t == T_INT32:
        _run_typed(job, <int32_t*>NULL)
    elif t == T_UINT32:
        _run_typed(job, <uint32_t*>NULL)
    elif t == T_INT64:
        _run_typed(job, <int64_t*>NULL)
    elif t == T_UINT64:
        _run_typed(job, <uint64_t*>NULL)
    elif t == T_FLOAT32:
        _run_typed(job, <float*>NULL)
    elif t == T_FLOAT64:
        _run_typed(job, <double*>NULL)


cdef int _execute(Job* job, Py_ssize_t work) except -1:
    """``_run``, without the GIL when there are enough items to pay for
    releasing it."""
    if work >= NOGIL_THRESHOLD:
        with nogil:
            _run(job)
    else:
        _run(job)
    return 0


# ---------------------------------------------------------------------------
# Setting up a lane job
# ---------------------------------------------------------------------------

cdef class _Scratch:
    """The per-lane buffers of a job, freed when the job is done (also
    when it fails before running)."""
    cdef char* block

    def __dealloc__(self):
        free(self.block)


cdef _Scratch _plan_lanes(Job* job, MiniArray values, int axis,
                          MiniArray indices, int operation, int kind):
    """Fill ``job`` for the lanes of ``values`` along ``axis`` (and of
    ``indices``, an int64 array of the same shape, or None), with scratch
    for one lane: a value buffer, an index buffer, the merge buffers.
    ``values`` must not be empty."""
    cdef _Scratch scratch = _Scratch()
    cdef Py_ssize_t n = values._shape[axis]
    cdef Py_ssize_t itemsize = values.dtype.itemsize
    cdef Py_ssize_t lanes = 1, offset
    cdef int k, outer = 0
    job.operation = operation
    job.type_index = values.dtype.type_index
    job.kind = kind
    job.data = values._data
    job.length = n
    job.stride = values._strides[axis]
    job.index = NULL if indices is None else indices._data
    job.index_stride = 0 if indices is None else indices._strides[axis]
    job.kth = NULL
    job.kth_count = 0
    job.first_key = False
    for k in range(values.ndim):
        if k == axis:
            continue
        job.outer_shape[outer] = values._shape[k]
        job.outer_strides[outer] = values._strides[k]
        job.outer_index_strides[outer] = (
            0 if indices is None else indices._strides[k])
        lanes *= values._shape[k]
        outer += 1
    job.outer_ndim = outer
    job.lanes = lanes
    # One block, each part 8-byte aligned: n values, n indices, n orders,
    # n indices for the index merges and counting sorts, n // 2 + 1
    # values for the value merges.
    scratch.block = <char*>malloc(
        (n + 1) * (2 * itemsize + 4 * sizeof(int64_t)) + 64)
    if scratch.block == NULL:
        raise MemoryError()
    offset = 0
    job.index_buffer = <int64_t*>(scratch.block + offset)
    offset += n * sizeof(int64_t)
    job.order_buffer = <int64_t*>(scratch.block + offset)
    offset += n * sizeof(int64_t)
    job.index_merge_buffer = <int64_t*>(scratch.block + offset)
    offset += (n + 1) * sizeof(int64_t)
    job.value_buffer = scratch.block + offset
    offset += (n * itemsize + 7) // 8 * 8
    job.merge_buffer = scratch.block + offset
    return scratch


# ---------------------------------------------------------------------------
# Arguments, NumPy's way
# ---------------------------------------------------------------------------

cdef int _sort_kind(object kind, object stable) except -1:
    """NumPy's ``kind``/``stable`` pair: ``stable`` (any truth value)
    excludes ``kind``; a kind is read by its first letter, in any case:
    q(uicksort), h(eapsort), m(ergesort) and s(table), the last two the
    same stable sort."""
    if stable is not None:
        if kind is not None:
            raise ValueError("`kind` and keyword parameters can't be "
                             "provided at the same time. Use only one of "
                             "them.")
        return KIND_STABLE if stable else KIND_QUICK
    if kind is None:
        return KIND_QUICK
    if not isinstance(kind, str):
        raise TypeError(f"sort kind must be str, not {type(kind).__name__}")
    first = kind[:1].lower()
    if first == "q":
        return KIND_QUICK
    if first == "h":
        return KIND_HEAP
    if first == "m" or first == "s":
        return KIND_STABLE
    raise ValueError("sort kind must be one of 'quick', 'heap', or "
                     f"'stable' (got {kind!r})")


cdef int _check_no_order(object order) except -1:
    if order is not None:
        raise ValueError("Cannot specify order when the array has no "
                         "fields.")
    return 0


cdef int _check_select_kind(object kind) except -1:
    if not isinstance(kind, str):
        raise TypeError(
            f"select kind must be str, not {type(kind).__name__}")
    if kind != "introselect":
        raise ValueError(f"select kind must be 'introselect' (got {kind!r})")
    return 0


cdef int _method_axis(object axis, int ndim) except -1:
    """The methods' axis: an integer (None is a TypeError there, not a
    flattening), in range."""
    if axis is None:
        raise TypeError("'NoneType' object cannot be interpreted as an "
                        "integer")
    return _axis(axis, ndim)


cdef int _axis(object axis, int ndim) except -1:
    """An integer axis in range; a float is NumPy's TypeError."""
    if isinstance(axis, float):
        raise TypeError("integer argument expected, got float")
    return normalize_axis(axis, ndim)


cdef int _arg_axis(MiniArray source, object axis) except -1:
    """The arg functions' axis.  NumPy's argsort and argpartition see a
    0-d array as one item long (a result of shape (1,)), where sort
    and partition refuse its axis -1."""
    if source.ndim == 0:
        return normalize_axis(axis, 1)
    return _axis(axis, source.ndim)


cdef int _check_writeable(MiniArray a, str what) except -1:
    return require_writeable(a, f"{what} array is read-only")


# ---------------------------------------------------------------------------
# sort, argsort
# ---------------------------------------------------------------------------

cdef int _sort_in_place(MiniArray a, int axis, int kind) except -1:
    cdef Job job
    cdef _Scratch scratch
    if a.size == 0 or a._shape[axis] < 2:
        return 0
    scratch = _plan_lanes(&job, a, axis, None, OP_SORT, kind)
    _execute(&job, a.size)
    return 0


cdef MiniArray _argsort_of(MiniArray a, int axis, int kind):
    """A fresh C-contiguous int64 array of ``a``'s shape (NumPy's
    argsort result is C whatever ``a``'s layout), each lane along
    ``axis`` the order of ``a``'s lane."""
    cdef Job job
    cdef _Scratch scratch
    cdef MiniArray result = new_array(descr_of(T_INT64), a.ndim, a._shape,
                                      False, False)
    if a.size == 0:
        return result
    scratch = _plan_lanes(&job, a, axis, result, OP_ARGSORT, kind)
    _execute(&job, a.size)
    return result


def sort(a, axis=-1, kind=None, order=None, *, stable=None):
    """A sorted copy of ``a`` along ``axis`` (None: of the flattened
    array).

    As NumPy: the copy keeps ``a``'s memory order (``copy(order="K")``;
    a flattened one is C), and is then sorted in place lane by lane.
    NaN sorts last.  ``stable=True`` or ``kind="stable"``/``"mergesort"``
    keeps equal items in their order; the default quicksort does not
    promise to.
    """
    cdef MiniArray source = asarray(a)
    cdef MiniArray result
    cdef int sort_kind = _sort_kind(kind, stable)
    cdef int k
    _check_no_order(order)
    if axis is None:
        result = flatten_array(source, "C")
        k = 0
    else:
        k = _axis(axis, source.ndim)
        result = copy_array(source, source.dtype, "K")
    _sort_in_place(result, k, sort_kind)
    return result


def argsort(a, axis=-1, kind=None, order=None, *, stable=None):
    """The indices that sort ``a`` along ``axis`` (None: the flattened
    array), as a new C-contiguous int64 array.

    With a stable kind, equal items keep their index order; quicksort's
    order among equal items is its own (NumPy's differs: it is not
    part of the contract).
    """
    cdef MiniArray source = asarray(a)
    cdef int sort_kind = _sort_kind(kind, stable)
    cdef int k
    _check_no_order(order)
    if axis is None:
        source = ravel_array(source, "C")
        k = 0
    else:
        k = _arg_axis(source, axis)
        source = ravel_array(source, "C") if source.ndim == 0 else source
    return _argsort_of(source, k, sort_kind)


def sort_method(MiniArray self, axis=-1, kind=None, order=None, *,
                stable=None):
    """``a.sort()``: in place; the axis must be an integer."""
    cdef int sort_kind = _sort_kind(kind, stable)
    cdef int k
    _check_no_order(order)
    k = _method_axis(axis, self.ndim)
    _check_writeable(self, "sort")
    _sort_in_place(self, k, sort_kind)


def argsort_method(MiniArray self, axis=-1, kind=None, order=None, *,
                   stable=None):
    """``a.argsort()``: as ``argsort(a)`` (axis=None flattens here too)."""
    return argsort(self, axis, kind, order, stable=stable)


# ---------------------------------------------------------------------------
# partition, argpartition
# ---------------------------------------------------------------------------

cdef list _kth_list(object kth, Py_ssize_t n, bint check):
    """kth as a sorted list of distinct places in 0..n-1 (negative ones
    count from the end).  NumPy converts it to an intp array under
    same-kind casting: floats are a TypeError, booleans a ValueError,
    more than one axis a ValueError; ``check`` is off for an empty
    array, where NumPy checks no bounds."""
    cdef MiniArray places
    try:
        # A nested list is refused while it is read (NumPy's ndmax=1).
        places = kth if isinstance(kth, MiniArray) else array(kth, ndmax=1)
    except OverflowError:
        raise TypeError("Partition index must be integer") from None
    if places.ndim > 1:
        raise ValueError("object too deep for desired array")
    if places.dtype.kind == "b":
        raise ValueError("Booleans unacceptable as partition index")
    if places.dtype.kind not in "iu":
        raise TypeError("Partition index must be integer")
    result = set()
    for value in places.reshape(-1).tolist():
        if value < 0:
            value += n
        if check and not 0 <= value < n:
            raise ValueError(f"kth(={value}) out of bounds ({n})")
        result.add(value)
    return sorted(result)


cdef int _partition_lanes(MiniArray values, int axis, MiniArray indices,
                          list kth) except -1:
    """Partition the lanes of ``values`` in place, or (``indices`` given)
    fill ``indices`` with the order that partitions them; ``kth`` as
    ``_kth_list`` gives it.  With no kth, argpartition's lanes are the
    identity."""
    cdef Job job
    cdef _Scratch scratch
    cdef _Scratch holder = _Scratch()
    cdef Py_ssize_t places[MAX_NDIM]
    cdef Py_ssize_t* kth_array
    cdef Py_ssize_t k, count = len(kth)
    if values.size == 0 or (count == 0 and indices is None):
        return 0
    scratch = _plan_lanes(&job, values, axis, indices,
                          OP_SELECT if indices is None else OP_ARGSELECT,
                          KIND_QUICK)
    kth_array = places
    if count > MAX_NDIM:
        holder.block = <char*>malloc(count * sizeof(Py_ssize_t))
        if holder.block == NULL:
            raise MemoryError()
        kth_array = <Py_ssize_t*>holder.block
    for k in range(count):
        kth_array[k] = kth[k]
    job.kth = kth_array
    job.kth_count = count
    _execute(&job, values.size)
    return 0


def partition(a, kth, axis=-1, kind="introselect", order=None):
    """A copy of ``a`` (in ``a``'s memory order; None: flattened) with
    every lane partitioned: the item at each ``kth`` place is the one a
    sort would put there, smaller-or-equal items before it and
    greater-or-equal after.  The order within the parts is unspecified
    (NumPy's differs from minind's)."""
    cdef MiniArray source = asarray(a)
    cdef MiniArray result
    cdef Py_ssize_t length
    cdef int k = 0
    _check_select_kind(kind)
    _check_no_order(order)
    if axis is None:
        length = source.size
    else:
        k = _axis(axis, source.ndim)
        length = source._shape[k]
    places = _kth_list(kth, length, source.size != 0)
    if axis is None:
        result = flatten_array(source, "C")
    else:
        result = copy_array(source, source.dtype, "K")
    _partition_lanes(result, k, None, places)
    return result


def argpartition(a, kth, axis=-1, kind="introselect", order=None):
    """The indices that partition ``a`` (see ``partition``), as a new
    C-contiguous int64 array."""
    cdef MiniArray source = asarray(a)
    cdef MiniArray result
    cdef int k
    _check_select_kind(kind)
    _check_no_order(order)
    if axis is None:
        source = ravel_array(source, "C")
        k = 0
    else:
        k = _arg_axis(source, axis)
        source = ravel_array(source, "C") if source.ndim == 0 else source
    places = _kth_list(kth, source._shape[k], source.size != 0)
    result = new_array(descr_of(T_INT64), source.ndim, source._shape,
                       False, False)
    if source.size == 0:
        return result
    _partition_lanes(source, k, result, places)
    return result


def partition_method(MiniArray self, kth, axis=-1, kind="introselect",
                     order=None):
    """``a.partition(kth)``: in place."""
    cdef int k
    _check_select_kind(kind)
    _check_no_order(order)
    k = _method_axis(axis, self.ndim)
    places = _kth_list(kth, self._shape[k], self.size != 0)
    _check_writeable(self, "partition")
    _partition_lanes(self, k, None, places)


def argpartition_method(MiniArray self, kth, axis=-1, kind="introselect",
                        order=None):
    return argpartition(self, kth, axis, kind, order)


# ---------------------------------------------------------------------------
# lexsort
# ---------------------------------------------------------------------------

def lexsort(keys, axis=-1):
    """The indices that sort by several keys: the last key is the primary
    one, ties broken by the one before it, and so on; ties in all keys
    keep their index order.

    Each key refines the order the less significant keys left: a stable
    sort of its values taken in that order (``OP_LEXSTEP``), first key
    first, as NumPy's ``PyArray_LexSort`` does.  ``keys`` is a sequence
    of arrays of one shape (a 2-d array: its rows); 0-d keys give the
    index 0, as a scalar.
    """
    cdef list arrays
    cdef MiniArray key, result
    cdef Job job
    cdef _Scratch scratch
    cdef int k
    if isinstance(keys, MiniArray) and (<MiniArray>keys).ndim == 0:
        raise TypeError("need sequence of keys with len > 0 in lexsort")
    try:
        arrays = [asarray(item) for item in keys]
    except TypeError:
        raise TypeError("need sequence of keys with len > 0 in lexsort")
    if not arrays:
        raise TypeError("need sequence of keys with len > 0 in lexsort")
    shape = arrays[0].shape
    for key in arrays:
        if key.shape != shape:
            raise ValueError("all keys need to be the same shape")
    key = arrays[0]
    if key.ndim == 0:
        # NumPy's special case: the one item's index, for axis 0 or -1.
        if operator.index(axis) not in (0, -1):
            raise AxisError(operator.index(axis), 0)
        result = new_array(descr_of(T_INT64), 0, NULL, False, True)
        return result[()]
    k = _axis(axis, key.ndim)
    result = new_array(descr_of(T_INT64), key.ndim, key._shape, False,
                       False)
    if key.size == 0:
        return result
    first = True
    for key in arrays:
        scratch = _plan_lanes(&job, key, k, result, OP_LEXSTEP, KIND_STABLE)
        job.first_key = first
        _execute(&job, key.size)
        first = False
    return result


# ---------------------------------------------------------------------------
# searchsorted
# ---------------------------------------------------------------------------

cdef bint _side_is_right(object side) except -1:
    """NumPy's side converter: 'left' or 'right' exactly; a string that
    starts right but is not either name is its own ValueError."""
    if isinstance(side, bytes):
        side = side.decode("latin-1")
    if not isinstance(side, str):
        raise TypeError(f"search side must be str, not {type(side).__name__}")
    if side == "left":
        return False
    if side == "right":
        return True
    if side[:1] in ("l", "L", "r", "R"):
        raise ValueError("search side must be one of 'left' or 'right'")
    raise ValueError(f"search side must be 'left' or 'right' (got {side!r})")


cdef MiniArray _sorter_array(object sorter, Py_ssize_t n):
    """``sorter`` as a contiguous int64 array of n valid indices.  NumPy
    casts it to intp safely (so uint64 is refused) and checks an index
    only when the search reaches it; minind checks them all first."""
    cdef MiniArray order = asarray(sorter)
    cdef const int64_t* places
    cdef Py_ssize_t i
    if order.dtype.kind not in "iu":
        raise TypeError("sorter must only contain integers")
    if order.ndim != 1:
        raise TypeError("could not parse sorter argument")
    if order.dtype.type_index == T_UINT64:
        raise ValueError("could not parse sorter argument")
    if order.size != n:
        raise ValueError("sorter.size must equal a.size")
    order = copy_array(order, descr_of(T_INT64), "C")
    places = <const int64_t*>order._data
    for i in range(n):
        if places[i] < 0 or places[i] >= n:
            raise ValueError("Sorter index out of range.")
    return order


cdef MiniArray _contiguous(MiniArray a, Descr dtype):
    if a.dtype is dtype and a._flags & FLAG_C_CONTIGUOUS and (
            <size_t>a._data % dtype.itemsize == 0):
        return a
    return copy_array(a, dtype, "C")


def searchsorted(a, v, side="left", sorter=None):
    """Where each of ``v`` would go in the sorted 1-d ``a`` (or in
    ``a[sorter]``) to keep it sorted: before equal items (``left``) or
    after them (``right``).  An int64 array of ``v``'s shape, a scalar
    for a 0-d ``v``.

    ``a`` and ``v`` are compared in their promoted dtype, as NumPy
    compares them (a Python int is an int64 there, not a weak scalar:
    searching uint8 data for -1 gives 0).
    """
    cdef MiniArray run = asarray(a)
    cdef MiniArray keys, order = None, result
    cdef Descr common
    cdef Job job
    cdef bint right = _side_is_right(side)
    if run.ndim == 0:
        raise ValueError("object of too small depth for desired array")
    if run.ndim > 1:
        raise ValueError("object too deep for desired array")
    keys = asarray(v)
    if sorter is not None:
        order = _sorter_array(sorter, run.size)
    common = descr_of(promote_index(run.dtype.type_index,
                                    keys.dtype.type_index))
    run = _contiguous(run, common)
    keys = _contiguous(keys, common)
    result = new_array(descr_of(T_INT64), keys.ndim, keys._shape, False,
                       False)
    job.operation = OP_SEARCH
    job.type_index = common.type_index
    job.data = run._data
    job.length = run.size
    job.keys = keys._data
    job.key_count = keys.size
    job.sorter = NULL
    if order is not None:
        job.sorter = <const int64_t*>order._data
    job.right = right
    job.index = result._data
    _execute(&job, keys.size * 8)
    if result.ndim == 0:
        return result[()]
    return result


def searchsorted_method(MiniArray self, v, /, side="left", sorter=None):
    return searchsorted(self, v, side, sorter)


# ---------------------------------------------------------------------------
# unique and the Array API's four
# ---------------------------------------------------------------------------

UniqueAllResult = namedtuple(
    "UniqueAllResult", ["values", "indices", "inverse_indices", "counts"])
UniqueCountsResult = namedtuple("UniqueCountsResult", ["values", "counts"])
UniqueInverseResult = namedtuple("UniqueInverseResult",
                                 ["values", "inverse_indices"])
for _result in (UniqueAllResult, UniqueCountsResult, UniqueInverseResult):
    _result.__module__ = "minind"
del _result


def unique(ar, return_index=False, return_inverse=False,
           return_counts=False, axis=None, *, equal_nan=True, sorted=True):
    """The sorted distinct values of ``ar`` (flattened), and on request
    the index of each one's first occurrence, the inverse (for every
    item of ``ar``, the place of its value in the result: ``ar``'s shape,
    as in NumPy 2) and the counts.

    The flattened values are stable-sorted by index (``argsort``), runs
    of equal values are marked (``OP_GROUPS``; with ``equal_nan`` all
    NaNs form one run), and one pass over the runs writes all four
    results: a run's first index is its smallest, by stability.  For
    the values alone a sorted copy is enough (NumPy uses a hash table
    there, and sorts only the distinct values).
    ``sorted=False`` still sorts (allowed: NumPy only stops promising
    an order).  Only ``axis=None``: minind has no unique rows.
    """
    cdef MiniArray source = asarray(ar)
    cdef MiniArray flat, perm, run, starts, values, first, inverse, counts
    cdef Py_ssize_t n, i, g, groups, itemsize
    cdef int64_t* order
    cdef Job job
    cdef char* item_source
    if axis is not None:
        raise NotImplementedError(
            "minind's unique works on the flattened array only (axis=None)")
    n = source.size
    itemsize = source.dtype.itemsize
    indexed = return_index or return_inverse or return_counts
    if indexed:
        # Stable: each run's first item is its first occurrence.
        flat = _contiguous(ravel_array(source, "C"), source.dtype)
        perm = _argsort_of(flat, 0, KIND_STABLE)
        order = <int64_t*>perm._data
        run = new_array(flat.dtype, 1, &n, False, False)
        with nogil:
            for i in range(n):
                copy_block(run._data + i * itemsize,
                           flat._data + order[i] * itemsize, itemsize)
    else:
        # The values alone: a sorted copy is enough.
        run = flatten_array(source, "C")
        _sort_in_place(run, 0, KIND_QUICK)
        order = NULL
    starts = new_array(descr_of(T_UINT8), 1, &n, False, False)
    job.operation = OP_GROUPS
    job.type_index = run.dtype.type_index
    job.data = run._data
    job.length = n
    job.equal_nan = bool(equal_nan)
    job.starts = <uint8_t*>starts._data
    _execute(&job, n)
    groups = 0
    for i in range(n):
        groups += job.starts[i]
    values = new_array(run.dtype, 1, &groups, False, False)
    first = counts = inverse = None
    if indexed:
        first = new_array(descr_of(T_INT64), 1, &groups, False, False)
        counts = new_array(descr_of(T_INT64), 1, &groups, False, True)
        # Flat, then reshaped as NumPy does: an empty input's shape gets
        # NumPy's reshape strides (those of a (0, 3) array are (24, 8)).
        inverse = new_array(descr_of(T_INT64), 1, &n, False, False)
    item_source = run._data
    g = -1
    with nogil:
        for i in range(n):
            if job.starts[i]:
                g += 1
                copy_block(values._data + g * itemsize,
                           item_source + i * itemsize, itemsize)
                if order != NULL:
                    (<int64_t*>first._data)[g] = order[i]
            if order != NULL:
                (<int64_t*>counts._data)[g] += 1
                (<int64_t*>inverse._data)[order[i]] = g
    if not indexed:
        return values
    result = (values,)
    if return_index:
        result += (first,)
    if return_inverse:
        result += (reshape_array(inverse, source.shape, "C", None),)
    if return_counts:
        result += (counts,)
    return result


def unique_values(x):
    """The Array API's distinct values: NaNs are each their own."""
    return unique(x, equal_nan=False, sorted=False)


def unique_counts(x):
    return UniqueCountsResult(*unique(x, return_counts=True,
                                      equal_nan=False, sorted=False))


def unique_inverse(x):
    return UniqueInverseResult(*unique(x, return_inverse=True,
                                       equal_nan=False, sorted=False))


def unique_all(x):
    return UniqueAllResult(*unique(x, return_index=True, return_inverse=True,
                                   return_counts=True, equal_nan=False,
                                   sorted=False))


# ---------------------------------------------------------------------------
# Set operations on sorted runs (NumPy's lib/_arraysetops_impl.py)
# ---------------------------------------------------------------------------

def setxor1d(ar1, ar2, assume_unique=False):
    """The sorted values that are in exactly one of ``ar1`` and ``ar2``
    (both flattened).  NumPy's recipe: the distinct values of each
    (skipped with ``assume_unique``), joined and sorted, keep a value
    whose neighbours on both sides differ from it, since a value in both
    arrays sits next to its twin.  An empty join is returned as it is;
    NaNs differ from each other, so every NaN is kept."""
    from minind._join import concatenate
    if not assume_unique:
        ar1 = unique(ar1)
        ar2 = unique(ar2)
    joined = concatenate((ar1, ar2), axis=None)
    if joined.size == 0:
        return joined
    joined.sort()
    count = joined.size            # (no negative slice ends: wraparound off)
    differs = concatenate(([True], joined[1:] != joined[:count - 1],
                           [True]))
    return joined[differs[1:] & differs[:count]]
