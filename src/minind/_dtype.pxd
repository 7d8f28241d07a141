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
cpdef bint can_cast_index(int src, int dst, object casting) except -1
