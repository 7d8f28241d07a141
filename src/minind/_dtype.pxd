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
