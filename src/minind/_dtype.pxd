# The dtypes minind supports and the C-level scalar conversions they need.
#
# NumPy counterpart: PyArray_Descr (numpy/_core/include/numpy/ndarraytypes.h)
# and each type's getitem/setitem functions (arraytypes.c.src).

cdef enum TypeIndex:
    # A dense 0..10 numbering used to index the loop tables.  The order is
    # NumPy's type-number order (bool, byte, ubyte, short, ...).
    T_BOOL = 0
    T_INT8 = 1
    T_UINT8 = 2
    T_INT16 = 3
    T_UINT16 = 4
    T_INT32 = 5
    T_UINT32 = 6
    T_INT64 = 7
    T_UINT64 = 8
    T_FLOAT32 = 9
    T_FLOAT64 = 10
    N_TYPES = 11


cdef class Descr:
    """The C side of a dtype: what the core needs to read and write items."""
    cdef readonly int type_index
    cdef readonly Py_ssize_t itemsize
    cdef readonly str name
    cdef readonly str kind
    cdef readonly str char
    cdef readonly str str
    cdef bytes format      # PEP 3118 format code, for buffer export


cdef Descr descr_of(int type_index)
cpdef Descr as_dtype(object obj)

# Item access: the typed value at `ptr` <-> a Python scalar.  These are the
# only places a Python object becomes a C value or back.
cdef object get_item(Descr dtype, const char* ptr)
cdef int set_item(Descr dtype, char* ptr, object value) except -1

cpdef int promote_index(int a, int b) except -1
# Many dtypes at once, NumPy's way (not a left fold of promote_index).
cpdef int promote_sequence(list indices) except -1
cpdef bint can_cast_index(int src, int dst, object casting) except -1


# One element of a strided array, loaded and stored with memcpy: an
# element of an as_strided view may sit at an address that is not a
# multiple of its size, where a typed load is undefined behaviour in C
# (for an aligned address memcpy compiles to a plain load).  Shared by
# the cast loops (_loops) and the ufunc loops (_kernels).
from libc.stdint cimport (int8_t, int16_t, int32_t, int64_t,
                          uint8_t, uint16_t, uint32_t, uint64_t)
from libc.string cimport memcpy

# The C types of minind's dtypes, as fused types: Cython compiles one
# specialised loop per type.  bool is stored as uint8 0/1, so it reads
# like uint8.  This is the one list of them, in two kinds: a helper that
# only makes sense for integers (``~a``, ``a % b``) or only for floats
# (``acosf``) takes ``integer_t`` or ``real_t``, since Cython type-checks
# every specialisation of a function, even one no loop calls.  Every use
# of one fused type in a signature binds to the same type, and the cast
# loop (_loops) needs two independent ones, any source type to any
# destination type; so ``other_item_t`` is a second fused type over the
# same list.
ctypedef fused integer_t:
    int8_t
    uint8_t
    int16_t
    uint16_t
    int32_t
    uint32_t
    int64_t
    uint64_t

ctypedef fused real_t:
    float
    double

ctypedef fused item_t:
    integer_t
    real_t

ctypedef fused other_item_t:
    item_t


cdef inline item_t load_item(const char* pointer, item_t* tag) noexcept nogil:
    cdef item_t value
    memcpy(&value, pointer, sizeof(item_t))
    return value


cdef inline void store_item(char* pointer, item_t value) noexcept nogil:
    memcpy(pointer, &value, sizeof(item_t))


cdef extern from *:
    """
    /* Copy n items `stride` items apart into a contiguous block: how a
       strided operand reaches a contiguous loop (gather below).  A plain
       loop moves one element per load and store, and no compiler turns
       a run-time stride into vector gathers under generic tuning, so
       where the CPU has AVX-512 this loads 16 floats (8 doubles) with
       one gather instruction: 10**4 float32s a step of 2 apart, 1.8 us
       against 2.9.  The gather's indices are 32-bit offsets from the
       vector's first item, so strides beyond INT32_MAX / 15 items take
       the plain loop.  That loop loads four items before it stores
       them: item by item, an AMD Zen 3 (AVX2, whose gathers were no
       faster) took 0.37 ns an item for 4- and 8-byte items two apart,
       four at a time 0.18.  Items are moved as bits (NaN payloads
       kept). */
    #if defined(__GNUC__) && defined(__x86_64__) && defined(__ELF__) \
        && (!defined(__clang__) || __clang_major__ >= 14)
    #include <immintrin.h>
    #define MININD_GATHERS 1
    static __attribute__((target("avx512f"))) ptrdiff_t
    minind_gather32_avx512(const uint32_t *items, ptrdiff_t stride,
                           uint32_t *into, ptrdiff_t n)
    {
        const __m512i lanes = _mm512_mullo_epi32(
            _mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8,
                             7, 6, 5, 4, 3, 2, 1, 0),
            _mm512_set1_epi32((int)stride));
        ptrdiff_t i;
        for (i = 0; i + 16 <= n; i += 16)
            _mm512_storeu_si512(into + i, _mm512_i32gather_epi32(
                lanes, items + i * stride, 4));
        return i;
    }
    static __attribute__((target("avx512f"))) ptrdiff_t
    minind_gather64_avx512(const uint64_t *items, ptrdiff_t stride,
                           uint64_t *into, ptrdiff_t n)
    {
        const __m256i lanes = _mm256_mullo_epi32(
            _mm256_set_epi32(7, 6, 5, 4, 3, 2, 1, 0),
            _mm256_set1_epi32((int)stride));
        ptrdiff_t i;
        for (i = 0; i + 8 <= n; i += 8)
            _mm512_storeu_si512(into + i, _mm512_i32gather_epi64(
                lanes, items + i * stride, 8));
        return i;
    }
    #endif

    #define MININD_GATHER_ITEMS(bits)                                      \
    static void minind_gather##bits(const uint##bits##_t *items,          \
                                    ptrdiff_t stride, uint##bits##_t *into,\
                                    ptrdiff_t n)                           \
    {                                                                      \
        ptrdiff_t i = 0;                                                   \
        MININD_GATHER_WIDE(bits)                                           \
        for (; i + 4 <= n; i += 4) {                                       \
            const uint##bits##_t *p = items + i * stride;                  \
            uint##bits##_t x0 = p[0], x1 = p[stride], x2 = p[2 * stride],  \
                x3 = p[3 * stride];                                        \
            into[i] = x0;                                                  \
            into[i + 1] = x1;                                              \
            into[i + 2] = x2;                                              \
            into[i + 3] = x3;                                              \
        }                                                                  \
        for (; i < n; i++) into[i] = items[i * stride];                    \
    }
    #ifdef MININD_GATHERS
    #define MININD_GATHER_WIDE(bits)                                       \
        if (n >= 16 && stride <= INT32_MAX / 15 && stride >= -(INT32_MAX / 15) \
                && __builtin_cpu_supports("avx512f"))                      \
            i = minind_gather##bits##_avx512(items, stride, into, n);
    #else
    #define MININD_GATHER_WIDE(bits)
    #endif
    MININD_GATHER_ITEMS(32)
    MININD_GATHER_ITEMS(64)
    /* 1-byte items eight to a 64-bit word, stored at once: a strided
       byte copy is bound by its stores, one an item (int8 negative of
       a[::2] at 10**5: 31 us in C, 19 packed; 2-byte items gained
       nothing packed four to a word). */
    #include <string.h>
    static void minind_gather8(const uint8_t *items, ptrdiff_t stride,
                               uint8_t *into, ptrdiff_t n)
    {
        ptrdiff_t i = 0;
    #if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        uint64_t word;
        int k;
        for (; i + 8 <= n; i += 8) {
            word = 0;
            for (k = 0; k < 8; k++)
                word |= (uint64_t)items[(i + k) * stride] << (8 * k);
            memcpy(into + i, &word, 8);
        }
    #endif
        for (; i < n; i++) into[i] = items[i * stride];
    }
    """
    void gather8 "minind_gather8"(const uint8_t* items, Py_ssize_t stride,
                                  uint8_t* into, Py_ssize_t n) noexcept nogil
    void gather32 "minind_gather32"(const uint32_t* items, Py_ssize_t stride,
                                    uint32_t* into, Py_ssize_t n) noexcept nogil
    void gather64 "minind_gather64"(const uint64_t* items, Py_ssize_t stride,
                                    uint64_t* into, Py_ssize_t n) noexcept nogil


cdef inline bint in_items(const char* pointer, Py_ssize_t step,
                          Py_ssize_t size) noexcept nogil:
    """Whether a run from ``pointer``, ``step`` bytes apart, can be
    indexed as items of ``size`` bytes with the step in items: aligned,
    and the step a whole number of items.  The typed walk this allows
    keeps the step in a register, where a byte-step walk reloads it
    after every store through a char*."""
    return <size_t>pointer % <size_t>size == 0 and step % size == 0


cdef inline void gather(const char* source, Py_ssize_t step, item_t* into,
                        Py_ssize_t m) noexcept nogil:
    """m items ``step`` bytes apart from ``source`` into the contiguous
    ``into``: the strided operand of a block loop (_kernels.pyx) and of a
    copy into a contiguous run (_loops.pyx).  Aligned runs whose step is
    whole items go by the item, 4- and 8-byte ones through minind_gather
    (vector gathers), 1-byte ones eight to a word (minind_gather8);
    others item by item through memcpy."""
    cdef Py_ssize_t i, stride
    cdef const item_t* items
    if not in_items(source, step, sizeof(item_t)):
        for i in range(m):
            into[i] = load_item(source + i * step, into)
        return
    items = <const item_t*>source
    stride = step // <Py_ssize_t>sizeof(item_t)
    if sizeof(item_t) == 4:
        gather32(<const uint32_t*>items, stride, <uint32_t*>into, m)
    elif sizeof(item_t) == 8:
        gather64(<const uint64_t*>items, stride, <uint64_t*>into, m)
    elif sizeof(item_t) == 1:
        gather8(<const uint8_t*>items, stride, <uint8_t*>into, m)
    else:
        for i in range(m):
            into[i] = items[i * stride]
