# Scalar types: one element with a dtype, outside any array.
#
# NumPy counterpart: scalartypes.c.src (PyGenericArrType_Type and the
# generic -> number -> integer/inexact -> ... tree).
from minind._dtype cimport Descr


# The abstract tree.  None of these adds a field to the object, so that
# float64 can subclass both ``floating`` and Python's ``float`` (whose
# layout it takes), exactly as np.float64 does.
cdef class generic:
    pass

cdef class number(generic):
    pass

cdef class integer(number):
    pass

cdef class signedinteger(integer):
    pass

cdef class unsignedinteger(integer):
    pass

cdef class inexact(number):
    pass

cdef class floating(inexact):
    pass


cdef class ScalarBox(generic):
    """The storage of every scalar type except float64: the item's bytes,
    as they sat in the array, and its dtype's index."""
    cdef int type_index
    cdef double data[1]        # 8 bytes, aligned for any supported item


# An item at ``ptr`` as a minind scalar (the array element -> scalar step
# of indexing and of every 0-d result).
cdef object get_scalar(Descr dtype, const char* ptr)

# What a scalar holds, for the modules that turn it into an array.
cdef Descr scalar_descr(generic scalar)
cdef const char* scalar_data(generic scalar)
