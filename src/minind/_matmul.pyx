# cython: boundscheck=False, wraparound=False, cdivision=True
"""Matrix products: ``a @ b``, ``dot``, ``tensordot`` and their family.

``matmul`` is NumPy's generalized ufunc with the signature
``(n?,k),(k,m?)->(n?,m?)``: the last two axes of each operand are a
matrix (the "core"), every axis before them is a "loop" axis, broadcast
as a ufunc broadcasts.  A 1-d operand is a vector: a row on the left, a
column on the right, and that axis is dropped from the result (the ``?``
in the signature).  Everything else here is built on it:

* ``dot`` of N-d arrays contracts the last axis of ``a`` with the
  second-to-last of ``b`` and keeps *every* other axis (no broadcasting:
  ``dot`` of (2, 4, 6) and (3, 6, 5) is (2, 4, 3, 5)); it is one matmul
  of ``a`` reshaped to rows and ``b`` to columns;
* ``tensordot`` permutes the contracted axes together, reshapes both
  operands into matrices and multiplies those, exactly as NumPy does;
* ``inner``, ``vdot`` and ``vecdot`` are matmuls of rows with columns.

How one product runs (``multiply_matrices``): the textbook triple loop
``C[i, j] += A[i, p] * B[p, j]`` is ordered i, p, j so that the innermost
loop is an "axpy", ``C[i, :] += A[i, p] * B[p, :]``, over contiguous rows
that the compiler vectorises.  It is blocked as BLAS libraries block it
(Goto's scheme, without the hand-written micro-kernel): a panel of B of
``BLOCK_DEPTH`` rows by ``BLOCK_COLS`` columns is copied ("packed") into a
contiguous buffer that stays in the L2 cache while every row of A passes
over it, and a block of ``BLOCK_ROWS`` rows of A is packed next to it.
Packing is also what makes any layout cheap: transposed, F-ordered,
negative or zero strides, even unaligned ``as_strided`` views are read
once, element by element, into the packed tiles; the inner loop only ever
sees contiguous, aligned memory.  The axpy is unrolled over four rows of
B, so that each element of C is loaded and stored once per four
multiply-adds.

Integers wrap as NumPy's do.  A signed integer product is computed in the
unsigned type of the same size: two's complement makes the bits of the
result identical, and unsigned overflow is defined in C where signed
overflow is not.  A bool product is NumPy's "or of ands".

NumPy counterparts: ``matmul.c.src`` (the gufunc loops, BLAS for floats,
``@TYPE@_matmul_inner_noblas`` for everything else), ``PyArray_MatrixProduct2``
(``dot``, multiarraymodule.c), ``tensordot``, ``outer`` (numeric.py),
``vecdot`` (a gufunc since NumPy 2.0).  NumPy hands float products to
BLAS, whose summation order differs from ours: float results agree to
rounding, not to the bit; integer results agree exactly.
"""
from libc.stdint cimport uint8_t, uint16_t, uint32_t, uint64_t
from libc.stdlib cimport malloc, free
from libc.string cimport memcpy, memset

from minind._fperr cimport clear_fp_status, check_fp_status
from minind._core cimport (MiniArray, single_output, new_array, copy_into, copy_array,
                           spans_overlap, check_order, reshape_array,
                           ravel_array, shape_text, normalize_axis,
                           normalize_axis_tuple, require_writeable,
                           make_view)
from minind._dtype cimport (Descr, as_dtype, descr_of, promote_index,
                            can_cast_index, T_BOOL, T_FLOAT32, T_FLOAT64)
from minind._layout cimport (MAX_NDIM, FLAG_ALIGNED,
                             FLAG_C_CONTIGUOUS, FLAG_F_CONTIGUOUS,
                             broadcast_strides, fill_ordered_strides)
from minind._loops cimport Traversal, axis_order
from minind._scalar cimport generic, get_scalar

import operator

from minind._creation import asarray
from minind.exceptions import AxisError, UFuncTypeError

# Products of at least this many multiply-adds release the GIL.
cdef Py_ssize_t NOGIL_THRESHOLD = 1 << 14

cdef enum:
    # The blocking, in elements (see the module docstring).  A packed B
    # panel of float64 is 128 * 256 * 8 = 256 KiB, well inside a 1 MiB
    # L2; the C row it updates (2 KiB) and the four B rows being read
    # stay in L1.
    BLOCK_ROWS = 64
    BLOCK_DEPTH = 128
    BLOCK_COLS = 256

_CASTINGS = ("no", "equiv", "safe", "same_kind", "unsafe")
_MATMUL_SIGNATURE = "(n?,k),(k,m?)->(n?,m?)"
_VECDOT_SIGNATURE = "(n),(n)->()"
_REDUCTION_REFUSED = (
    "output operand requires a reduction along dimension {}, but the "
    "reduction is not enabled. The dimension size of 1 does not match the "
    "expected output shape.")


# The types the kernel computes in: one per item size, unsigned for the
# integers (see the module docstring), plus the two floats.
ctypedef fused kernel_t:
    uint8_t
    uint16_t
    uint32_t
    uint64_t
    float
    double


cdef struct Product:
    # One matrix product C = A @ B, (n, k) @ (k, m), strides in bytes.
    # A and B may have any strides; C's columns are contiguous
    # (one item apart) unless m == 1.
    Py_ssize_t n, k, m
    const char* a
    Py_ssize_t a_row, a_col
    const char* b
    Py_ssize_t b_row, b_col
    char* c
    Py_ssize_t c_row, c_col


cdef struct Stack:
    # The loop axes around the products: A, B and C step by their own
    # strides (0 where an operand is broadcast).
    int ndim
    Py_ssize_t shape[MAX_NDIM]
    Py_ssize_t a_strides[MAX_NDIM]
    Py_ssize_t b_strides[MAX_NDIM]
    Py_ssize_t c_strides[MAX_NDIM]


# ---------------------------------------------------------------------------
# The kernel
# ---------------------------------------------------------------------------

cdef void pack(kernel_t* tile, const char* source, Py_ssize_t rows,
               Py_ssize_t cols, Py_ssize_t row_stride, Py_ssize_t col_stride,
               bint logical) noexcept nogil:
    """Copy a rows x cols block at ``source`` (any strides, any alignment)
    into the contiguous ``tile``.  Items are moved with memcpy of their
    size, which is a plain load where the address allows it.  A bool
    block is normalised to 0/1 (a view of uint8 memory as bool may hold
    other non-zero bytes)."""
    cdef Py_ssize_t i, j
    cdef const char* row
    cdef kernel_t* out
    for i in range(rows):
        row = source + i * row_stride
        out = tile + i * cols
        if col_stride == <Py_ssize_t>sizeof(kernel_t):
            memcpy(out, row, cols * sizeof(kernel_t))
        else:
            for j in range(cols):
                memcpy(&out[j], row + j * col_stride, sizeof(kernel_t))
    if kernel_t is uint8_t:
        if logical:
            for i in range(rows * cols):
                tile[i] = tile[i] != 0


cdef void block_product(const kernel_t* a, const kernel_t* b, char* c,
                        Py_ssize_t c_row, Py_ssize_t rows, Py_ssize_t depth,
                        Py_ssize_t cols, bint logical) noexcept nogil:
    """C[i, :cols] += A[i, :depth] @ B[:depth, :cols] for packed tiles
    A (rows x depth) and B (depth x cols); C's rows are ``c_row`` bytes
    apart.  The inner loops are axpys over four rows of B at once."""
    cdef Py_ssize_t i, j, p
    cdef kernel_t* out
    cdef const kernel_t* row
    cdef const kernel_t* b0
    cdef const kernel_t* b1
    cdef const kernel_t* b2
    cdef const kernel_t* b3
    cdef kernel_t a0, a1, a2, a3
    for i in range(rows):
        out = <kernel_t*>(c + i * c_row)
        row = a + i * depth
        p = 0
        while p + 4 <= depth:
            a0 = row[p]
            a1 = row[p + 1]
            a2 = row[p + 2]
            a3 = row[p + 3]
            b0 = b + p * cols
            b1 = b0 + cols
            b2 = b1 + cols
            b3 = b2 + cols
            if kernel_t is float or kernel_t is double:
                for j in range(cols):
                    out[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + (
                        a3 * b3[j])
            elif kernel_t is uint32_t or kernel_t is uint64_t:
                for j in range(cols):
                    out[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + (
                        a3 * b3[j])
            else:
                if logical:
                    # bool: or of ands, on 0/1 bytes (see pack).
                    for j in range(cols):
                        out[j] |= ((a0 & b0[j]) | (a1 & b1[j])
                                   | (a2 & b2[j]) | (a3 & b3[j]))
                else:
                    # uint8/uint16 would be promoted to (signed) int,
                    # where 65535 * 65535 overflows: multiply unsigned.
                    for j in range(cols):
                        out[j] = <kernel_t>(
                            out[j] + <unsigned int>a0 * b0[j]
                            + <unsigned int>a1 * b1[j]
                            + <unsigned int>a2 * b2[j]
                            + <unsigned int>a3 * b3[j])
            p += 4
        while p < depth:
            a0 = row[p]
            b0 = b + p * cols
            if kernel_t is float or kernel_t is double:
                for j in range(cols):
                    out[j] += a0 * b0[j]
            elif kernel_t is uint32_t or kernel_t is uint64_t:
                for j in range(cols):
                    out[j] += a0 * b0[j]
            else:
                if logical:
                    for j in range(cols):
                        out[j] |= a0 & b0[j]
                else:
                    for j in range(cols):
                        out[j] = <kernel_t>(out[j]
                                            + <unsigned int>a0 * b0[j])
            p += 1


cdef void multiply_matrices(const Product* product, kernel_t* a_tile,
                            kernel_t* b_tile, bint logical) noexcept nogil:
    """C = A @ B, blocked: for each panel of B (packed once), each block
    of rows of A (packed) updates the matching block of C."""
    cdef Py_ssize_t i, row0, col0, depth0, rows, cols, depth
    cdef Py_ssize_t n = product.n, k = product.k, m = product.m
    cdef Py_ssize_t itemsize = sizeof(kernel_t)
    for i in range(n):
        memset(product.c + i * product.c_row, 0, m * itemsize)
    col0 = 0
    while col0 < m:
        cols = min(<Py_ssize_t>BLOCK_COLS, m - col0)
        depth0 = 0
        while depth0 < k:
            depth = min(<Py_ssize_t>BLOCK_DEPTH, k - depth0)
            pack(b_tile, product.b + depth0 * product.b_row
                 + col0 * product.b_col, depth, cols, product.b_row,
                 product.b_col, logical)
            row0 = 0
            while row0 < n:
                rows = min(<Py_ssize_t>BLOCK_ROWS, n - row0)
                pack(a_tile, product.a + row0 * product.a_row
                     + depth0 * product.a_col, rows, depth, product.a_row,
                     product.a_col, logical)
                block_product(a_tile, b_tile, product.c
                              + row0 * product.c_row + col0 * itemsize,
                              product.c_row, rows, depth, cols, logical)
                row0 += rows
            depth0 += depth
        col0 += cols


cdef void multiply_stack(const Product* first, const Stack* stack,
                         int kind, bint logical, void* a_tile,
                         void* b_tile) noexcept nogil:
    """Every product of the stack: an odometer over the loop axes moves
    the three operands' start pointers, then the typed kernel runs."""
    cdef Py_ssize_t index[MAX_NDIM]
    cdef Product one = first[0]
    cdef int axis
    for axis in range(stack.ndim):
        index[axis] = 0
    while True:
        if kind == 1:
            multiply_matrices(&one, <uint8_t*>a_tile, <uint8_t*>b_tile,
                              logical)
        elif kind == 2:
            multiply_matrices(&one, <uint16_t*>a_tile, <uint16_t*>b_tile,
                              False)
        elif kind == 4:
            multiply_matrices(&one, <uint32_t*>a_tile, <uint32_t*>b_tile,
                              False)
        elif kind == 8:
            multiply_matrices(&one, <uint64_t*>a_tile, <uint64_t*>b_tile,
                              False)
        elif kind == -4:
            multiply_matrices(&one, <float*>a_tile, <float*>b_tile, False)
        else:
            multiply_matrices(&one, <double*>a_tile, <double*>b_tile,
                              False)
        axis = stack.ndim - 1
        while axis >= 0:
            index[axis] += 1
            one.a += stack.a_strides[axis]
            one.b += stack.b_strides[axis]
            one.c += stack.c_strides[axis]
            if index[axis] < stack.shape[axis]:
                break
            one.a -= stack.a_strides[axis] * index[axis]
            one.b -= stack.b_strides[axis] * index[axis]
            one.c -= stack.c_strides[axis] * index[axis]
            index[axis] = 0
            axis -= 1
        if axis < 0:
            return


cdef int _kernel_kind(int type_index):
    """Which kernel computes a dtype: its item size, negative for floats."""
    if type_index == T_FLOAT32:
        return -4
    if type_index == T_FLOAT64:
        return -8
    return <int>descr_of(type_index).itemsize


cdef int run_products(Product* product, Stack* stack,
                      int type_index) except -1:
    """Run every product of a validated, non-empty stack into C (aligned;
    its rows or its columns contiguous, or one of them of length 1).
    Picks the orientation: C = A @ B or, when C is stored column by
    column (or is one column), C.T = B.T @ A.T, so that the axpy always
    runs along memory.  Allocates
    the packing tiles and releases the GIL for large products."""
    cdef Py_ssize_t itemsize = descr_of(type_index).itemsize
    cdef Py_ssize_t count = 1, swap_size
    cdef const char* swap_pointer
    cdef int axis, kind = _kernel_kind(type_index)
    cdef void* a_tile
    cdef void* b_tile
    cdef bint logical = type_index == T_BOOL
    if (product.m > 1 and product.c_col != itemsize and (
            product.n == 1 or product.c_row == itemsize)) or (
            product.m == 1 and product.n > 1 and product.c_row == itemsize):
        swap_size = product.n
        product.n = product.m
        product.m = swap_size
        swap_pointer = product.a
        product.a = product.b
        product.b = swap_pointer
        product.a_row, product.a_col, product.b_row, product.b_col = (
            product.b_col, product.b_row, product.a_col, product.a_row)
        product.c_row, product.c_col = product.c_col, product.c_row
        for axis in range(stack.ndim):
            stack.a_strides[axis], stack.b_strides[axis] = (
                stack.b_strides[axis], stack.a_strides[axis])
    for axis in range(stack.ndim):
        count *= stack.shape[axis]
    a_tile = malloc(min(product.n, <Py_ssize_t>BLOCK_ROWS)
                    * min(product.k, <Py_ssize_t>BLOCK_DEPTH) * itemsize + 1)
    b_tile = malloc(min(product.k, <Py_ssize_t>BLOCK_DEPTH)
                    * min(product.m, <Py_ssize_t>BLOCK_COLS) * itemsize + 1)
    if a_tile == NULL or b_tile == NULL:
        free(a_tile)
        free(b_tile)
        raise MemoryError()
    if (<double>count * product.n * product.k * product.m
            >= NOGIL_THRESHOLD):
        with nogil:
            multiply_stack(product, stack, kind, logical, a_tile, b_tile)
    else:
        multiply_stack(product, stack, kind, logical, a_tile, b_tile)
    free(a_tile)
    free(b_tile)
    return 0


# ---------------------------------------------------------------------------
# matmul: the gufunc's rules (operands, dtypes, shapes, output)
# ---------------------------------------------------------------------------

cdef MiniArray _core_operand(object value, int index, str name,
                             str signature, int cores=1):
    """An operand of a gufunc with ``cores`` core axes (one or more):
    anything ``asarray`` takes, refused with NumPy's message when it is
    0-d (a Python number, None, a scalar)."""
    cdef MiniArray array
    if isinstance(value, MiniArray):
        array = value
    elif value is None or isinstance(value, (bool, int, float, generic)):
        array = None
    else:
        if isinstance(value, (str, bytes, complex)):
            raise UFuncTypeError(
                f"ufunc '{name}' did not contain a loop with signature "
                f"matching types (unsupported operand "
                f"{type(value).__name__!r})")
        array = asarray(value)
    if array is None or array.ndim == 0:
        raise _too_few_dimensions(name, signature, f"Input operand {index}",
                                  0, cores)
    return array


cdef object _too_few_dimensions(str name, str signature, str operand,
                                int ndim, int cores):
    """NumPy's error for an operand with fewer axes than its core."""
    return ValueError(
        f"{name}: {operand} does not have enough dimensions (has {ndim}, "
        f"gufunc core with signature {signature} requires {cores})")


cdef object _core_mismatch(str name, str signature, str operand, int axis,
                           Py_ssize_t got, Py_ssize_t want):
    """NumPy's error for a core dimension whose length disagrees with the
    one the signature's name already has."""
    return ValueError(
        f"{name}: {operand} has a mismatch in its core dimension {axis}, "
        f"with gufunc signature {signature} (size {got} is different from "
        f"{want})")


cdef object _non_broadcastable(tuple shape, tuple mapped, tuple broadcast):
    """NumPy's error for an ``out`` too small for the loop (an axis of
    length 1 where the inputs broadcast to more).  A gufunc hands its
    iterator a map of out's axes (``mapped``: out's shape with its core
    axes last), and the message shows that mapped shape as the iterator
    stores it, last axis first."""
    return ValueError(
        f"non-broadcastable output operand with shape {shape_text(shape)} "
        f"[remapped to {shape_text(mapped[::-1])}] doesn't match the "
        f"broadcast shape {shape_text(broadcast)}")


cdef str _remapped(tuple shape, int loop_ndim, int core_out, bint is_out):
    """One operand in NumPy's broadcast error: its loop axes, then
    ``newaxis`` for each output core axis (an output shows its own core
    lengths)."""
    cdef list parts = []
    if is_out:
        parts += [str(n) for n in shape]
    else:
        parts += [str(n) for n in shape]
        parts += ["newaxis"] * core_out
    if all([p == "newaxis" for p in parts]):
        return "()"
    if len(parts) == 1:
        return f"({parts[0]},)"
    return "(" + ",".join(parts) + ")"


cdef tuple _broadcast_loops(list loops, list originals, tuple core,
                            bint with_out):
    """The broadcast of the operands' loop shapes (the output's, when
    given, must already be that shape), NumPy's errors otherwise."""
    cdef int ndim = max([len(shape) for shape in loops])
    cdef list result = [1] * ndim
    cdef int axis, index
    cdef bint clash = False
    for shape in loops:
        for axis in range(len(shape)):
            index = ndim - len(shape) + axis
            if shape[axis] != 1:
                if result[index] != 1 and result[index] != shape[axis]:
                    clash = True
                result[index] = shape[axis]
    if with_out and not clash and tuple(result) != loops[len(loops) - 1]:
        out_loop = loops[len(loops) - 1]
        for axis in range(ndim):
            index = axis - (ndim - len(out_loop))
            if index < 0 or out_loop[index] != result[axis]:
                if index < 0:
                    raise ValueError(_REDUCTION_REFUSED.format(index))
                if out_loop[index] == 1:
                    raise _non_broadcastable(originals[len(loops) - 1],
                                             tuple(out_loop) + core,
                                             tuple(result) + core)
        clash = True
    if clash:
        parts = []
        for index in range(len(loops)):
            is_out = with_out and index == len(loops) - 1
            parts.append(f"{shape_text(originals[index])}->"
                         + _remapped(loops[index] if not is_out
                                     else originals[index], ndim,
                                     len(core), is_out))
        # (NumPy writes the core shape without a 1-tuple's comma.)
        raise ValueError(
            "operands could not be broadcast together with remapped "
            f"shapes [original->remapped]: {' '.join(parts)}  and "
            f"requested shape ({','.join([str(n) for n in core])})")
    return tuple(result)


cdef int _check_casting(object casting) except -1:
    if casting not in _CASTINGS:
        raise ValueError("casting must be one of 'no', 'equiv', 'safe', "
                         f"'same_kind', 'unsafe' (got {casting!r})")
    return 0


cdef int _loop_type(str name, list operands, object dtype,
                    object casting) except -1:
    """The dtype the product runs in: NumPy's promotion of the operands
    (every dtype has a loop), or ``dtype=``, to which each input must
    cast under ``casting``."""
    cdef int loop, index
    cdef Descr forced
    if dtype is None:
        loop = (<MiniArray>operands[0]).dtype.type_index
        for index in range(1, len(operands)):
            loop = promote_index(
                loop, (<MiniArray>operands[index]).dtype.type_index)
        return loop
    forced = as_dtype(dtype)
    for index in range(len(operands)):
        source = (<MiniArray>operands[index]).dtype
        if not can_cast_index(source.type_index, forced.type_index,
                              casting):
            raise UFuncTypeError(
                f"Cannot cast ufunc '{name}' input {index} from "
                f"{source!r} to {forced!r} with casting rule '{casting}'")
    return forced.type_index


cdef int _check_out(str name, MiniArray out, int loop,
                    object casting) except -1:
    require_writeable(out, "output array is read-only")
    if not can_cast_index(loop, out.dtype.type_index, casting):
        raise UFuncTypeError(
            f"Cannot cast ufunc '{name}' output from {descr_of(loop)!r} "
            f"to {out.dtype!r} with casting rule '{casting}'")
    return 0


cdef MiniArray _matmul_output(MiniArray a, MiniArray b, tuple loop,
                              tuple core, Descr descr, str order):
    """A new output laid out as NumPy lays it out: in order "K", the loop
    axes in the operands' memory order (``axis_order``, as a ufunc's
    output) with the matrix axes innermost in C order; "C" and "F" the
    whole array so; "A" F when both operands are F-contiguous.  An empty
    result has all strides 0, as NumPy's iterator leaves them."""
    cdef Traversal layout
    cdef Py_ssize_t shape[MAX_NDIM]
    cdef int perm[MAX_NDIM]
    cdef int ndim = len(loop) + len(core), nloop = len(loop), axis
    cdef MiniArray result
    for axis in range(ndim):
        shape[axis] = (loop + core)[axis]
    if order == "A":
        order = "F" if (a._flags & b._flags & FLAG_F_CONTIGUOUS) else "C"
    result = new_array(descr, ndim, shape, order == "F", False)
    if order == "K" and nloop > 1:
        layout.nop = 2
        layout.ndim = nloop
        for axis in range(nloop):
            layout.shape[axis] = shape[axis]
        broadcast_strides(max(a.ndim - 2, 0), a._shape, a._strides, nloop,
                          shape, layout.strides[0])
        broadcast_strides(max(b.ndim - 2, 0), b._shape, b._strides, nloop,
                          shape, layout.strides[1])
        axis_order(&layout, 0, False, perm)
        for axis in range(nloop, ndim):
            perm[axis] = axis
        fill_ordered_strides(ndim, shape, descr.itemsize, perm,
                             result._strides)
    if result.size == 0:
        for axis in range(ndim):
            result._strides[axis] = 0
    result._update_flags()
    return result


cdef int _fill_product(MiniArray a, MiniArray b, MiniArray c,
                       int loop_ndim, int type_index) except -1:
    """Describe c = a @ b (a, b of the loop dtype; c of it too, columns
    contiguous, aligned, not overlapping them) as a Product over a Stack
    and run it."""
    cdef Product product
    cdef Stack stack
    cdef Py_ssize_t itemsize = c.dtype.itemsize
    cdef int axis
    cdef bint vector_a = a.ndim == 1, vector_b = b.ndim == 1
    if c.size == 0:
        return 0
    product.k = a._shape[a.ndim - 1]
    product.n = 1 if vector_a else a._shape[a.ndim - 2]
    product.m = 1 if vector_b else b._shape[b.ndim - 1]
    product.a = a._data
    product.a_col = a._strides[a.ndim - 1]
    product.a_row = 0 if vector_a else a._strides[a.ndim - 2]
    product.b = b._data
    if vector_b:
        product.b_row = b._strides[0]
        product.b_col = 0
    else:
        product.b_row = b._strides[b.ndim - 2]
        product.b_col = b._strides[b.ndim - 1]
    product.c = c._data
    if vector_a and vector_b:
        product.c_row = 0
        product.c_col = itemsize
    elif vector_b:
        product.c_row = c._strides[c.ndim - 1]
        product.c_col = itemsize
    elif vector_a:
        product.c_row = 0
        product.c_col = c._strides[c.ndim - 1]
    else:
        product.c_row = c._strides[c.ndim - 2]
        product.c_col = c._strides[c.ndim - 1]
    stack.ndim = loop_ndim
    for axis in range(loop_ndim):
        stack.shape[axis] = c._shape[axis]
        stack.c_strides[axis] = c._strides[axis]
    broadcast_strides(max(a.ndim - 2, 0), a._shape, a._strides, loop_ndim,
                      stack.shape, stack.a_strides)
    broadcast_strides(max(b.ndim - 2, 0), b._shape, b._strides, loop_ndim,
                      stack.shape, stack.b_strides)
    return run_products(&product, &stack, type_index)


cdef bint _writes_directly(MiniArray c, int type_index, int core_ndim):
    """Whether the kernel can write into ``c`` itself: the loop dtype,
    aligned, no two elements at one address, and its last axis (a
    matrix's rows or columns: ``run_products`` picks) contiguous."""
    cdef Py_ssize_t itemsize = c.dtype.itemsize
    cdef int axis
    cdef bint rows = True, cols = True
    if c.dtype.type_index != type_index or not c._flags & FLAG_ALIGNED:
        return False
    for axis in range(c.ndim):
        if c._strides[axis] == 0 and c._shape[axis] > 1:
            return False
    if core_ndim == 2:
        # One row or one column takes any stride (each element is a
        # separate "row" of one item in one of the two orientations).
        rows = c._shape[c.ndim - 1] <= 1 or (
            c._strides[c.ndim - 1] == itemsize)
        cols = c._shape[c.ndim - 2] <= 1 or (
            c._strides[c.ndim - 2] == itemsize)
        return rows or cols
    return True               # a vector or a scalar: any stride


def matmul(x1, x2, /, out=None, *, dtype=None, casting="same_kind",
           order="K"):
    """The matrix product of two arrays (``x1 @ x2``), NumPy's gufunc
    ``(n?,k),(k,m?)->(n?,m?)``.

    The last two axes are matrices, the axes before them broadcast.  A
    1-d ``x1`` is a row and a 1-d ``x2`` a column, and that axis is
    removed from the result: vector @ vector is a scalar.  0-d operands
    are refused (use ``multiply``).  bool @ bool is the "or of ands";
    integers wrap around.
    """
    clear_fp_status()
    result = _matmul(x1, x2, out, dtype, casting, order)
    check_fp_status("matmul")
    return result


cdef object _matmul(object x1, object x2, object out, object dtype,
                    object casting, object order):
    cdef MiniArray a, b, result, target
    cdef int loop_type, core_ndim, axis
    cdef Py_ssize_t k
    cdef tuple core, loop
    cdef Descr descr
    out = single_output(out)
    _check_casting(casting)
    order = check_order(order, "CFAK")
    a = _core_operand(x1, 0, "matmul", _MATMUL_SIGNATURE)
    b = _core_operand(x2, 1, "matmul", _MATMUL_SIGNATURE)
    loop_type = _loop_type("matmul", [a, b], dtype, casting)
    descr = descr_of(loop_type)
    if out is not None:
        _check_out("matmul", out, loop_type, casting)
    # The core: k must agree, n and m come from the operands.
    k = a._shape[a.ndim - 1]
    k_b = b._shape[0 if b.ndim == 1 else b.ndim - 2]
    if k_b != k:
        raise _core_mismatch("matmul", _MATMUL_SIGNATURE, "Input operand 1",
                             0, k_b, k)
    core = ((() if a.ndim == 1 else (a._shape[a.ndim - 2],))
            + (() if b.ndim == 1 else (b._shape[b.ndim - 1],)))
    core_ndim = len(core)
    loops = [a.shape[:max(a.ndim - 2, 0)], b.shape[:max(b.ndim - 2, 0)]]
    originals = [a.shape, b.shape]
    if out is not None:
        if (<MiniArray>out).ndim < core_ndim:
            # (NumPy's iterator complains, not the gufunc's check.)
            raise ValueError(_REDUCTION_REFUSED.format(-1))
        out_core = out.shape[out.ndim - core_ndim:]
        for axis in range(core_ndim):
            if out_core[axis] != core[axis]:
                raise _core_mismatch("matmul", _MATMUL_SIGNATURE,
                                     "Output operand 0", axis,
                                     out_core[axis], core[axis])
        loops.append(out.shape[:out.ndim - core_ndim])
        originals.append(out.shape)
    loop = _broadcast_loops(loops, originals, core, out is not None)
    if out is None:
        # Laid out by the operands as given, before any cast: a cast copy
        # of a broadcast operand has real strides where the operand had
        # none (and so no say in NumPy's iterator).
        result = _matmul_output(a, b, loop, core, descr, order)
    if a.dtype.type_index != loop_type:
        a = copy_array(a, descr, "K")
    if b.dtype.type_index != loop_type:
        b = copy_array(b, descr, "K")
    if out is None:
        if _writes_directly(result, loop_type, core_ndim):
            _fill_product(a, b, result, len(loop), loop_type)
        else:
            # "F" or "A" with loop axes: the matrices' elements are
            # neither row- nor column-contiguous.
            target = _matmul_output(a, b, loop, core, descr, "C")
            _fill_product(a, b, target, len(loop), loop_type)
            copy_into(result, target)
        if result.ndim == 0:
            return get_scalar(result.dtype, result._data)
        return result
    target = out
    if (_writes_directly(target, loop_type, core_ndim)
            and not spans_overlap(target, a)
            and not spans_overlap(target, b)):
        _fill_product(a, b, target, len(loop), loop_type)
    else:
        result = _matmul_output(a, b, loop, core, descr, "C")
        _fill_product(a, b, result, len(loop), loop_type)
        copy_into(target, result)
    return out


# ---------------------------------------------------------------------------
# dot and its family: reshapes around one matmul
# ---------------------------------------------------------------------------

cdef MiniArray _strong(object value):
    """dot's operands: every input is an array, a Python number too (so
    ``dot(3, int8_array)`` is int64, unlike ``3 * int8_array``)."""
    if isinstance(value, MiniArray):
        return value
    if isinstance(value, (str, bytes, complex)) or value is None:
        raise TypeError(f"minind has no dtype for {type(value).__name__!r} "
                        "(NumPy would compute on an object array)")
    return asarray(value)


cdef object _result(MiniArray result):
    """A 0-d result as a scalar, as NumPy's ``PyArray_Return``."""
    if result.ndim == 0:
        return get_scalar(result.dtype, result._data)
    return result


cdef MiniArray _empty_result(tuple shape, Descr descr):
    """A fresh C-ordered result; an empty one with all strides 0, as
    NumPy allocates it for dot and tensordot."""
    cdef Py_ssize_t dims[MAX_NDIM]
    cdef int axis
    for axis in range(len(shape)):
        dims[axis] = shape[axis]
    cdef MiniArray result = new_array(descr, len(shape), dims, False, False)
    if result.size == 0:
        for axis in range(result.ndim):
            result._strides[axis] = 0
        result._update_flags()
    return result


cdef MiniArray _as_rows(MiniArray array, Py_ssize_t rows, Py_ssize_t cols):
    """``array`` reshaped to rows x cols (a view when the layout allows,
    NumPy's reshape rule; otherwise a C copy)."""
    return reshape_array(array, (rows, cols), "C", None)


cdef Py_ssize_t _product(tuple shape):
    cdef Py_ssize_t size = 1
    for n in shape:
        size *= n
    return size


def dot(a, b, out=None):
    """NumPy's ``dot``: a product that contracts the last axis of ``a``
    with the second-to-last of ``b`` (its only axis if 1-d).

    0-d operands multiply; 1-d with 1-d is the inner product (a scalar);
    2-d with 2-d the matrix product.  N-d ``dot`` keeps every other axis
    of both operands, ``a.shape[:-1] + b.shape[:-2] + b.shape[-1:]``:
    unlike ``matmul`` it does not broadcast the leading axes.  ``out``
    must be exactly the result: its dtype, shape, C-contiguous.
    """
    clear_fp_status()
    result = _dot(a, b, out)
    check_fp_status("dot")
    return result


cdef object _dot(object a, object b, object out):
    cdef MiniArray left = _strong(a), right = _strong(b), result, target
    cdef Py_ssize_t k, k_b
    cdef int axis_b
    cdef Descr descr
    if out is not None and not isinstance(out, MiniArray):
        raise TypeError("argument 'out' must be a minind array")
    if left.ndim == 0 or right.ndim == 0:
        from minind._ufunc import multiply
        descr = descr_of(promote_index(left.dtype.type_index,
                                       right.dtype.type_index))
        shape = left.shape if left.ndim else right.shape
        if descr.kind == "f" and left.ndim <= 2 and right.ndim <= 2:
            # NumPy's BLAS path (cblas_matrixproduct, up to 2-d) scales
            # into a new C-ordered array, or an out= that is exactly one.
            if out is not None:
                _check_dot_out(out, descr, shape)
                target = out
            else:
                target = _empty_result(shape, descr)
            multiply(left, right, out=target)
            return out if out is not None else _result(target)
        if out is not None:
            # Otherwise NumPy calls multiply with out=: its casting rules.
            return multiply(left, right, out=out)
        # Otherwise NumPy converts each operand to the common dtype (a
        # copy) and multiply follows the operands' memory order.
        if left.dtype is not descr:
            left = copy_array(left, descr, "K")
        if right.dtype is not descr:
            right = copy_array(right, descr, "K")
        return multiply(left, right)
    axis_b = 0 if right.ndim == 1 else right.ndim - 2
    k = left._shape[left.ndim - 1]
    k_b = right._shape[axis_b]
    if k != k_b:
        raise ValueError(
            f"shapes {shape_text(left.shape)} and "
            f"{shape_text(right.shape)} not aligned: {k} (dim "
            f"{left.ndim - 1}) != {k_b} (dim {axis_b})")
    descr = descr_of(promote_index(left.dtype.type_index,
                                   right.dtype.type_index))
    free_a = left.shape[:left.ndim - 1]
    free_b = right.shape[:axis_b] + right.shape[axis_b + 1:]
    shape = free_a + free_b
    if out is not None:
        _check_dot_out(out, descr, shape)
        target = out
    else:
        target = _empty_result(shape, descr)
    if target.size == 0:
        return out if out is not None else target
    if left.ndim <= 2 and right.ndim <= 2:
        _matmul(left, right, target, None, "same_kind", "K")
    else:
        # Rows of a times columns of b, written into target seen as
        # (rows, columns): a view, since target is C-contiguous.
        rows = _as_rows(left, _product(free_a), k)
        if right.ndim == 1:
            columns = right
            flat = (rows.shape[0],)
        else:
            perm = [axis_b] + [i for i in range(right.ndim) if i != axis_b]
            columns = _as_rows(right.transpose(perm), k, _product(free_b))
            flat = (rows.shape[0], columns.shape[1])
        _matmul(rows, columns, reshape_array(target, flat, "C", None), None,
                "same_kind", "K")
    if out is not None and target.ndim > 0:
        return out
    return _result(target)


cdef int _check_dot_out(MiniArray out, Descr descr, tuple shape) except -1:
    """NumPy's conditions on dot's ``out``: exactly the result's dtype
    and number of axes, C-contiguous, then the shape."""
    if (out.dtype is not descr or out.ndim != len(shape)
            or not out._flags & FLAG_C_CONTIGUOUS):
        raise ValueError("output array is not acceptable (must have the "
                         "right datatype, number of dimensions, and be a "
                         "C-Array)")
    if out.shape != shape:
        raise ValueError("output array has wrong dimensions")
    require_writeable(out, "output array is read-only")
    return 0


def vdot(a, b, /):
    """The dot product of two arrays read as flat vectors (C order):
    ``sum(a.ravel() * b.ravel())``, a scalar.  (NumPy conjugates ``a``
    first, which changes nothing for real numbers.)"""
    cdef MiniArray left = _strong(a), right = _strong(b)
    if left.size != right.size:
        raise ValueError(f"cannot reshape array of size {right.size} "
                         f"into shape ({left.size},)")
    # (NumPy's vdot reports no floating-point errors.)
    result = _dot(ravel_array(left, "C"), ravel_array(right, "C"), None)
    clear_fp_status()
    return result


def inner(a, b, /):
    """Contract the last axes of ``a`` and ``b``: the result has shape
    ``a.shape[:-1] + b.shape[:-1]``; 0-d operands multiply."""
    cdef MiniArray left = _strong(a), right = _strong(b)
    if left.ndim == 0 or right.ndim == 0:
        return dot(left, right)
    if right.ndim == 1:
        return dot(left, right)
    return dot(left, moveaxis_last_first(right))


cdef MiniArray moveaxis_last_first(MiniArray array):
    """The last axis moved to second-to-last, so that dot contracts it."""
    perm = list(range(array.ndim - 2)) + [array.ndim - 1, array.ndim - 2]
    return array.transpose(perm)


def outer(a, b, out=None):
    """Every product ``a.ravel()[i] * b.ravel()[j]``, as a 2-d array:
    ``multiply`` of a column and a row."""
    from minind._ufunc import multiply
    cdef MiniArray left = ravel_array(_strong(a), "C")
    cdef MiniArray right = ravel_array(_strong(b), "C")
    return multiply(left.reshape(left.size, 1), right.reshape(1, right.size),
                    out=out)


def tensordot(a, b, axes=2):
    """Sum the products over chosen axes of ``a`` and ``b``.

    ``axes=N`` contracts the last N axes of ``a`` with the first N of
    ``b``; ``axes=(axes_a, axes_b)`` names them.  As NumPy does it: move
    the contracted axes of ``a`` last and those of ``b`` first, reshape
    both into matrices, one ``dot``, reshape back.  The result has the
    free axes of ``a`` then those of ``b``, and is an array even when
    0-d.
    """
    cdef MiniArray left = _strong(a), right = _strong(b)
    try:
        iter(axes)
    except TypeError:
        count = int(axes)
        axes_a = list(range(-count, 0))
        axes_b = list(range(0, count))
    else:
        axes_a, axes_b = axes
    try:
        axes_a = list(axes_a)
    except TypeError:
        axes_a = [axes_a]
    try:
        axes_b = list(axes_b)
    except TypeError:
        axes_b = [axes_b]
    if len(axes_a) != len(axes_b):
        raise ValueError("shape-mismatch for sum")
    shape_a, shape_b = left.shape, right.shape
    for i in range(len(axes_a)):
        if shape_a[axes_a[i]] != shape_b[axes_b[i]]:
            raise ValueError("shape-mismatch for sum")
        if axes_a[i] < 0:
            axes_a[i] += left.ndim
        if axes_b[i] < 0:
            axes_b[i] += right.ndim
    free_a = [i for i in range(left.ndim) if i not in axes_a]
    free_b = [i for i in range(right.ndim) if i not in axes_b]
    depth = _product(tuple([shape_a[i] for i in axes_a]))
    rows = _as_rows(left.transpose(free_a + axes_a),
                    _product(tuple([shape_a[i] for i in free_a])), depth)
    columns = _as_rows(right.transpose(axes_b + free_b), depth,
                       _product(tuple([shape_b[i] for i in free_b])))
    cdef MiniArray result = dot(rows, columns)
    shape = tuple([shape_a[i] for i in free_a] + [shape_b[i]
                                                  for i in free_b])
    return reshape_array(result, shape, "C", None)


# ---------------------------------------------------------------------------
# vecdot, matvec, vecmat: gufuncs with NumPy's axes=, axis=, keepdims=, out=
# ---------------------------------------------------------------------------

_MATVEC_SIGNATURE = "(m,n),(n)->(m)"
_VECMAT_SIGNATURE = "(n),(n,m)->(m)"


def vecdot(x1, x2, /, out=None, *, axes=None, axis=None, keepdims=False,
           dtype=None, casting="same_kind"):
    """The dot product of vectors along the last axis (or ``axis``, or
    ``axes``) of each operand, the other axes broadcast: NumPy's gufunc
    ``(n),(n)->()`` (the Array API's ``vecdot``)."""
    return _gufunc_call("vecdot", _VECDOT_SIGNATURE, True, True, x1, x2,
                        out, axes, axis, keepdims, dtype, casting)


def matvec(x1, x2, /, out=None, *, axes=None, axis=None, keepdims=False,
           dtype=None, casting="same_kind"):
    """Matrix times vector over stacks: NumPy's gufunc
    ``(m,n),(n)->(m)``, ``x1 @ x2[..., None]`` without the extra axis."""
    return _gufunc_call("matvec", _MATVEC_SIGNATURE, False, True, x1, x2,
                        out, axes, axis, keepdims, dtype, casting)


def vecmat(x1, x2, /, out=None, *, axes=None, axis=None, keepdims=False,
           dtype=None, casting="same_kind"):
    """Vector times matrix over stacks: NumPy's gufunc
    ``(n),(n,m)->(m)``, ``x1[..., None, :] @ x2`` without the extra axis
    (NumPy conjugates ``x1`` first, which changes nothing for real
    numbers)."""
    return _gufunc_call("vecmat", _VECMAT_SIGNATURE, True, False, x1, x2,
                        out, axes, axis, keepdims, dtype, casting)


cdef object _gufunc_call(str name, str signature, bint left_vector,
                         bint right_vector, object x1, object x2,
                         object out, object axes, object axis,
                         object keepdims, object dtype, object casting):
    """``_gufunc_run``, with its floating-point errors reported under the
    gufunc's name."""
    clear_fp_status()
    result = _gufunc_run(name, signature, left_vector, right_vector, x1, x2,
                         out, axes, axis, keepdims, dtype, casting)
    check_fp_status(name)
    return result


cdef object _gufunc_run(str name, str signature, bint left_vector,
                        bint right_vector, object x1, object x2,
                        object out, object axes, object axis,
                        object keepdims, object dtype, object casting):
    """One call of a two-input gufunc, NumPy's way (``ufunc_object.c``:
    ``_parse_axes_arg``, ``_parse_axis_arg``, ``_get_coredim_sizes``):
    a product whose left operand is a vector (core ``(n)``) or a matrix
    (``(m,n)``), and whose right one a vector or a matrix (``(n,m)``).

    Each input's core axes (``axes``: one entry per operand, an int for
    a single axis, a tuple otherwise; ``axis``: the same one axis for
    every input) are moved last, ``_vector_product`` computes with them
    there, and the output's core axes go where ``axes`` puts them.  ``keepdims``
    keeps the inputs' core axes in the output with length 1.  ``out``
    receives the result, which it may stretch (an output can broadcast
    the inputs, never shrink them)."""
    cdef MiniArray result, target
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef Py_ssize_t kept_shape[MAX_NDIM]
    cdef int i, count
    cdef tuple in_cores = (1 if left_vector else 2, 1 if right_vector else 2)
    cdef int out_core = (not left_vector) + (not right_vector)
    target = single_output(out)
    _check_casting(casting)
    if type(keepdims) is not bool and not (
            isinstance(keepdims, generic) and keepdims.dtype.kind == "b"):
        raise TypeError("'keepdims' must be a boolean")
    keepdims = bool(keepdims)
    if keepdims and (in_cores[1] != in_cores[0] or out_core):
        raise TypeError(
            f"{name} does not support keepdims: its signature {signature} "
            f"requires input 1 to have {in_cores[1]} core dimensions, but "
            "keepdims can only be used when all inputs have the same "
            "number of core dimensions and all outputs have no core "
            "dimensions.")
    out_count = out_core + (in_cores[0] if keepdims else 0)
    if axis is not None:
        if axes is not None:
            raise TypeError("cannot specify both 'axis' and 'axes'")
        if in_cores != (1, 1) or out_core:
            distinct = len(set([c for c in signature if c.isalpha()]))
            raise TypeError(
                f"{name}: axis can only be used with a single shared core "
                f"dimension, not with the {distinct} distinct ones implied "
                f"by signature {signature}.")
        axis = operator.index(axis)
        axes = [(axis,), (axis,)] + ([(axis,)] if keepdims else [()])
    # Then the operands: their loop dtype (casts refused under the
    # call's name), then their number of axes.
    arrays = [_core_operand(x, i, name, signature, in_cores[i])
              for i, x in enumerate((x1, x2))]
    _loop_type(name, arrays, dtype, casting)
    for i in range(2):
        if (<MiniArray>arrays[i]).ndim < in_cores[i]:
            raise _too_few_dimensions(name, signature, f"Input operand {i}",
                                      arrays[i].ndim, in_cores[i])
    if axes is None:
        moved = [arrays[i] for i in range(2)]
        out_axes = None
    else:
        if not isinstance(axes, list):
            raise TypeError("axes should be a list.")
        if len(axes) == 2 and out_core == 0:
            # (Kept axes then go last, as without axes.)
            axes = axes + [tuple(range(-out_count, 0))]
        elif len(axes) != 3:
            raise ValueError(
                "axes should be a list with an entry for all 3 inputs and "
                "outputs; entries for outputs can only be omitted if none "
                "of them has core axes.")
        entries = []
        for i in range(3):
            count = in_cores[i] if i < 2 else out_count
            entry = axes[i]
            if isinstance(entry, tuple):
                if len(entry) != count:
                    raise AxisError(
                        f"{name}: operand {i} has {count} core dimensions, "
                        f"but {len(entry)} dimensions are specified by axes "
                        "tuple.")
                entries.append([operator.index(k) for k in entry])
            elif count != 1:
                raise AxisError(
                    f"{name}: operand {i} has {count} core dimensions, but "
                    "the axes item is a single integer.")
            else:
                entries.append([operator.index(entry)])
        moved = [_core_last(arrays[i], entries[i]) for i in range(2)]
        out_axes = entries[2]
    result = _vector_product(name, signature, moved[0], moved[1],
                             left_vector, right_vector,
                             [arrays[0].shape, arrays[1].shape],
                             out_count - out_core, dtype, casting)
    if keepdims:
        # The kept axes are the output's core, innermost in NumPy's
        # allocation: length 1, one item apart.
        for i in range(result.ndim):
            kept_shape[i] = result._shape[i]
            strides[i] = result._strides[i]
        for i in range(result.ndim, result.ndim + in_cores[0]):
            kept_shape[i] = 1
            strides[i] = result.dtype.itemsize
        result = make_view(result, 0, result.ndim + in_cores[0], kept_shape,
                           strides)
    if out_axes is None:
        out_axes = list(range(-out_count, 0))
    if target is None:
        if out_count:
            result = _core_placed(result, out_axes)
        if result.ndim and result.base is not None:
            result = _as_owner(result)
        return _result(result)
    # out=: its core axes (where ``axes`` puts them) must be the result's
    # core exactly; its other axes may stretch the result's.
    _check_out(name, target, result.dtype.type_index, casting)
    if target.ndim < out_count:
        raise _too_few_dimensions(name, signature, "Output operand 0",
                                  target.ndim, out_count)
    view = _core_last(target, out_axes)
    for i in range(out_count):
        length = view._shape[view.ndim - out_count + i]
        want = result._shape[result.ndim - out_count + i]
        if length != want:
            raise _core_mismatch(name, signature, "Output operand 0", i,
                                 length, want)
    # Then its loop axes, with the inputs' as NumPy's iterator sees them.
    _broadcast_loops(
        [moved[i].shape[:moved[i].ndim - in_cores[i]] for i in range(2)]
        + [view.shape[:view.ndim - out_count]],
        [arrays[0].shape, arrays[1].shape, target.shape],
        result.shape[result.ndim - out_count:], True)
    if not broadcast_strides(result.ndim, result._shape, result._strides,
                             view.ndim, view._shape, strides):
        raise AssertionError("out= passed the loop check, not the view's")
    copy_into(view, make_view(result, 0, view.ndim, view._shape, strides))
    return target


cdef MiniArray _as_owner(MiniArray view):
    """A gufunc's result, which is a view of the product ``core`` made
    (its unit axes indexed away, kept or moved), as the new array NumPy
    returns: the product itself, given the view's shape and strides in
    place (nothing else holds it, and the view covers all of it from its
    first element), so no copy and the memory order NumPy's iterator
    gave it."""
    cdef Py_ssize_t zeros[MAX_NDIM]
    owner = view.base
    if (isinstance(owner, MiniArray) and (<MiniArray>owner).base is None
            and (<MiniArray>owner)._data == view._data
            and (<MiniArray>owner).size == view.size):
        if view.size == 0:
            # (An empty result has all strides 0, as NumPy allocates it.)
            memset(zeros, 0, sizeof(zeros))
            (<MiniArray>owner)._replace_dims(view.ndim, view._shape, zeros)
        else:
            (<MiniArray>owner)._replace_dims(view.ndim, view._shape,
                                             view._strides)
        return owner
    return copy_array(view, view.dtype, "K")


cdef MiniArray _core_last(MiniArray array, list axes):
    """``array`` with ``axes`` (its core axes, in the signature's order)
    moved last, the other axes in their order before them."""
    axes = normalize_axis_tuple(tuple(axes), array.ndim)
    perm = [k for k in range(array.ndim) if k not in axes] + list(axes)
    return array.transpose(perm)


cdef MiniArray _core_placed(MiniArray result, list axes):
    """The inverse for the output: its last ``len(axes)`` axes (the core)
    moved to ``axes``."""
    cdef int ndim = result.ndim, count = len(axes)
    axes = normalize_axis_tuple(tuple(axes), ndim)
    rest = iter(range(ndim - count))
    perm = [0] * ndim
    core = {a: ndim - count + j for j, a in enumerate(axes)}
    for k in range(ndim):
        perm[k] = core[k] if k in core else next(rest)
    return result.transpose(perm)


cdef MiniArray _vector_product(str name, str signature, MiniArray left,
                               MiniArray right, bint left_vector,
                               bint right_vector, list originals, int kept,
                               object dtype, object casting):
    """The product of ``left`` and ``right`` with their core axes last:
    one matmul, a vector made a row (left) or a column (right) and that
    axis then dropped, as matmul's own ``(n?,k),(k,m?)`` does for 1-d
    operands.  First NumPy's checks: the shared length ``n``, then the
    loop axes' broadcast (its message naming the operands as given,
    ``originals``, and ``kept`` length-1 axes keepdims will add)."""
    cdef Py_ssize_t n = left._shape[left.ndim - 1]
    cdef Py_ssize_t n_right = right._shape[
        right.ndim - (1 if right_vector else 2)]
    if n_right != n:
        raise _core_mismatch(name, signature, "Input operand 1", 0, n_right,
                             n)
    core = ((() if left_vector else (left._shape[left.ndim - 2],))
            + (() if right_vector else (right._shape[right.ndim - 1],))
            + (1,) * kept)
    _broadcast_loops(
        [left.shape[:left.ndim - (1 if left_vector else 2)],
         right.shape[:right.ndim - (1 if right_vector else 2)]],
        originals, core, False)
    if left_vector:
        left = left.reshape(left.shape[:left.ndim - 1] + (1, n))
    if right_vector:
        right = right.reshape(right.shape + (1,))
    product = asarray(_matmul(left, right, None, dtype, casting, "K"))
    return product[(Ellipsis, 0 if left_vector else slice(None),
                    0 if right_vector else slice(None))]


# ---------------------------------------------------------------------------
# matmul, vecdot, matvec, vecmat as NumPy presents them: generalized ufunc
# objects
# ---------------------------------------------------------------------------

class gufunc:
    """A generalized ufunc: the function it wraps, called the same way,
    with NumPy's ufunc attributes (``signature``, ``nin``, ``nout``...).

    NumPy's ``matmul``, ``vecdot``, ``matvec`` and ``vecmat`` are ufunc
    objects, not functions, and the difference shows where a function
    would bind: stored on a class (``matmul = np.matmul`` in a class
    body, as NumPy's own tests do), a function becomes a method and
    receives ``self`` as its first operand, while an object like this one
    stays itself.  Only the call is supported: the other ufunc methods
    raise NumPy's errors for a gufunc (its core dimensions leave them
    undefined)."""

    def __init__(self, function, signature, nin=2, nout=1):
        self._function = function
        self.__wrapped__ = function         # inspect.signature follows it
        self.__name__ = self.__qualname__ = function.__name__
        self.__doc__ = function.__doc__
        self.__module__ = "minind"
        self.signature = signature
        self.nin = nin
        self.nout = nout
        self.nargs = nin + nout
        self.identity = None

    def __call__(self, *args, **kwargs):
        return self._function(*args, **kwargs)

    def reduce(self, *args, **kwargs):
        raise RuntimeError("Reduction not defined on ufunc with signature")

    def accumulate(self, *args, **kwargs):
        raise RuntimeError("Reduction not defined on ufunc with signature")

    def reduceat(self, *args, **kwargs):
        raise RuntimeError("Reduction not defined on ufunc with signature")

    def outer(self, *args, **kwargs):
        raise TypeError("method outer is not allowed in ufunc with "
                        "non-trivial signature")

    def at(self, *args, **kwargs):
        raise TypeError(f"{self.__name__}.at does not support ufunc with "
                        f"non-trivial signature: {self.__name__} has "
                        f"signature {self.signature}.")

    def __repr__(self):
        return f"<ufunc '{self.__name__}'>"

    def __reduce__(self):
        return self.__name__                # pickled by name: minind.matmul


matmul_function = matmul
matmul = gufunc(matmul_function, _MATMUL_SIGNATURE)
vecdot = gufunc(vecdot, _VECDOT_SIGNATURE)
matvec = gufunc(matvec, _MATVEC_SIGNATURE)
vecmat = gufunc(vecmat, _VECMAT_SIGNATURE)
