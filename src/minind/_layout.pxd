# Pure layout arithmetic on C arrays of shape and strides.
#
# Nothing here knows about the array type: every function takes plain
# (ndim, shape, strides, itemsize) so it can be reasoned about, and tested,
# on its own.  The array type (_core) and the loops (_loops) build on it.

cdef enum:
    MAX_NDIM = 64      # NumPy's NPY_MAXDIMS

cdef enum:
    # Flag bits, with NumPy's NPY_ARRAY_* values so a reader can cross-check.
    FLAG_C_CONTIGUOUS = 0x0001
    FLAG_F_CONTIGUOUS = 0x0002
    FLAG_OWNDATA = 0x0004
    FLAG_ALIGNED = 0x0100
    FLAG_WRITEABLE = 0x0400
    # Writeable, but warn on the first write: the views broadcast_arrays
    # stretched (several elements share memory).  NumPy keeps it in a
    # private bit, 1 << 31; minind one lower, clear of the int's sign.
    FLAG_WARN_ON_WRITE = 0x40000000

cdef int contiguity_flags(int ndim, const Py_ssize_t* shape,
                          const Py_ssize_t* strides,
                          Py_ssize_t itemsize) noexcept nogil
cdef bint is_aligned(const char* data, int ndim, const Py_ssize_t* shape,
                     const Py_ssize_t* strides,
                     Py_ssize_t alignment) noexcept nogil
cdef void fill_contiguous_strides(int ndim, const Py_ssize_t* shape,
                                  Py_ssize_t itemsize, bint fortran,
                                  Py_ssize_t* strides) noexcept nogil
cdef void fill_ordered_strides(int ndim, const Py_ssize_t* shape,
                               Py_ssize_t itemsize, const int* order,
                               Py_ssize_t* strides) noexcept nogil
cdef void fill_fresh_strides(int ndim, const Py_ssize_t* shape,
                             Py_ssize_t itemsize, bint fortran,
                             Py_ssize_t* strides) noexcept nogil
cdef Py_ssize_t checked_size(int ndim, const Py_ssize_t* shape,
                             Py_ssize_t itemsize) except -1
cdef void byte_extent(int ndim, const Py_ssize_t* shape,
                      const Py_ssize_t* strides, Py_ssize_t itemsize,
                      Py_ssize_t* low, Py_ssize_t* high) noexcept nogil
cdef bint extent_within(int ndim, const Py_ssize_t* shape,
                        const Py_ssize_t* strides, Py_ssize_t itemsize,
                        Py_ssize_t offset, Py_ssize_t nbytes) noexcept nogil
cdef bint may_overlap_itself(int ndim, const Py_ssize_t* shape,
                             const Py_ssize_t* strides,
                             Py_ssize_t itemsize) noexcept nogil
cdef int shape_from_object(object shape, Py_ssize_t* out,
                           bint strides=*) except -1
cdef bint attempt_nocopy_reshape(int ndim, const Py_ssize_t* shape,
                                 const Py_ssize_t* strides, int new_ndim,
                                 const Py_ssize_t* new_shape,
                                 Py_ssize_t itemsize, bint fortran,
                                 Py_ssize_t* new_strides) noexcept nogil
cdef bint broadcast_strides(int ndim, const Py_ssize_t* shape,
                            const Py_ssize_t* strides, int out_ndim,
                            const Py_ssize_t* out_shape,
                            Py_ssize_t* out_strides) noexcept nogil
