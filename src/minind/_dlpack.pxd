# The DLPack 1.x ABI, declared from the standard's description.
#
# DLPack (https://dmlc.github.io/dlpack/latest/) is a C struct that
# describes one strided tensor: where its data is, on which device, its
# element type, shape and strides (in elements, not bytes).  Libraries
# hand it to each other inside a PyCapsule, with a deleter the consumer
# calls when it no longer needs the memory.  The field order and types
# below are the ABI: they must match dlpack.h exactly, so that a capsule
# from NumPy, PyTorch or JAX reads the same here.  (C enums such as
# DLDeviceType are int-sized, hence int32_t.)
from libc.stdint cimport int32_t, int64_t, uint8_t, uint16_t, uint32_t
from libc.stdint cimport uint64_t

from minind._core cimport MiniArray


cdef enum:
    # DLDeviceType: where the memory lives.  NumPy (and minind) read the
    # host-memory kinds that the CPU can address directly.
    kDLCPU = 1
    kDLCUDA = 2
    kDLCUDAHost = 3          # pinned host memory
    kDLROCMHost = 11
    kDLCUDAManaged = 13      # unified memory, valid on the host too

cdef enum:
    # DLDataTypeCode: the kind of number; ``bits`` gives its size.
    kDLInt = 0
    kDLUInt = 1
    kDLFloat = 2
    kDLOpaqueHandle = 3
    kDLBfloat = 4
    kDLComplex = 5
    kDLBool = 6

cdef enum:
    # DLManagedTensorVersioned.flags (DLPack >= 1.0).
    DLPACK_FLAG_BITMASK_READ_ONLY = 1 << 0
    DLPACK_FLAG_BITMASK_IS_COPIED = 1 << 1
    DLPACK_FLAG_BITMASK_IS_SUBBYTE_TYPE_PADDED = 1 << 2   # DLPack 1.1

cdef enum:
    # The DLPack version minind produces, and the highest it reads.
    DLPACK_MAJOR_VERSION = 1
    DLPACK_MINOR_VERSION = 0


cdef struct DLDevice:
    int32_t device_type      # a DLDeviceType
    int32_t device_id        # which GPU, for example; 0 for the CPU

cdef struct DLDataType:
    uint8_t code             # a DLDataTypeCode
    uint8_t bits             # bits per lane: 8 * itemsize
    uint16_t lanes           # 1 for scalars; > 1 for SIMD vector types

cdef struct DLTensor:
    void* data               # start of the allocation (see byte_offset)
    DLDevice device
    int32_t ndim
    DLDataType dtype
    int64_t* shape           # ndim lengths
    int64_t* strides         # ndim strides in *elements*; NULL: C order
    uint64_t byte_offset     # bytes from data to the first element

# The "legacy" (pre-1.0, unversioned) managed tensor: capsule "dltensor".
cdef struct DLManagedTensor:
    DLTensor dl_tensor
    void* manager_ctx        # the producer's bookkeeping (minind: the array)
    void (*deleter)(DLManagedTensor* self) noexcept nogil

cdef struct DLPackVersion:
    uint32_t major
    uint32_t minor

# DLPack >= 1.0: capsule "dltensor_versioned".  The version comes first,
# so that a consumer can refuse a layout it does not know before reading
# anything else; flags can say "read-only".
cdef struct DLManagedTensorVersioned:
    DLPackVersion version
    void* manager_ctx
    void (*deleter)(DLManagedTensorVersioned* self) noexcept nogil
    uint64_t flags
    DLTensor dl_tensor


# The base of every array made by from_dlpack: holds the consumed managed
# tensor and calls its deleter once, when the last view is gone.
cdef class DLPackBase:
    cdef void* _managed      # DLManagedTensor(Versioned)*; NULL: disarmed
    cdef bint _versioned
    cdef readonly tuple version
    cdef readonly tuple device
    cdef readonly bint readonly
    cdef readonly tuple extent
