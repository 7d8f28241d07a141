# Iteration over strided operands, and the typed inner loops it drives.
from minind._layout cimport MAX_NDIM

cdef enum:
    MAX_OPERANDS = 4

cdef struct Traversal:
    # Operands (index 0 is the destination) walked in lock-step over one
    # shape; strides are in bytes and may be negative or zero.
    int nop
    int ndim
    Py_ssize_t shape[MAX_NDIM]
    Py_ssize_t strides[MAX_OPERANDS][MAX_NDIM]

ctypedef void (*inner_loop)(char** pointers, Py_ssize_t n,
                            const Py_ssize_t* steps,
                            void* data) noexcept nogil

cdef void axis_order(Traversal* t, int first_op, bint every_axis_votes,
                     int* perm) noexcept nogil
cdef void plan_traversal(Traversal* t) noexcept nogil
cdef void walk(Traversal* t, char** start, inner_loop loop,
               void* data) noexcept nogil

cdef int copy_cast(int ndim, const Py_ssize_t* shape,
                   char* dst, const Py_ssize_t* dst_strides, int dst_type,
                   const char* src, const Py_ssize_t* src_strides,
                   int src_type) except -1
