# The typed inner loops of the ufuncs (see _kernels.pyx).
from libc.stdint cimport int64_t, uint8_t

cdef enum Operation:
    # Binary operations (two inputs, one output)
    OP_ADD
    OP_SUBTRACT
    OP_MULTIPLY
    OP_TRUE_DIVIDE
    OP_FLOOR_DIVIDE
    OP_REMAINDER
    OP_POWER
    OP_MAXIMUM
    OP_MINIMUM
    OP_BITWISE_AND
    OP_BITWISE_OR
    OP_BITWISE_XOR
    OP_LEFT_SHIFT
    OP_RIGHT_SHIFT
    OP_GCD
    OP_LCM
    OP_FMAX
    OP_FMIN
    OP_ARCTAN2
    OP_HYPOT
    OP_COPYSIGN
    OP_NEXTAFTER
    OP_LOGADDEXP
    OP_LOGADDEXP2
    OP_EQUAL
    OP_NOT_EQUAL
    OP_LESS
    OP_LESS_EQUAL
    OP_GREATER
    OP_GREATER_EQUAL
    OP_LOGICAL_AND
    OP_LOGICAL_OR
    OP_LOGICAL_XOR
    OP_WHERE            # three inputs: cond, x, y
    OP_CLIP             # three inputs: x, low, high
    # Unary operations (one input, one output)
    OP_FIRST_UNARY
    OP_NEGATIVE = OP_FIRST_UNARY
    OP_POSITIVE
    OP_ABSOLUTE
    OP_SIGN
    OP_SQUARE
    OP_INVERT
    OP_SQRT
    OP_EXP
    OP_LOG
    OP_LOG1P
    OP_EXPM1
    OP_TANH
    OP_SIN
    OP_COS
    OP_TAN
    OP_ARCSIN
    OP_ARCCOS
    OP_ARCTAN
    OP_SINH
    OP_COSH
    OP_ARCSINH
    OP_ARCCOSH
    OP_ARCTANH
    OP_EXP2
    OP_LOG2
    OP_LOG10
    OP_CBRT
    OP_DEG2RAD
    OP_RAD2DEG
    OP_RINT
    OP_FLOOR
    OP_CEIL
    OP_TRUNC
    OP_RECIPROCAL
    OP_CONJUGATE        # of a real number: itself (positive's loop)
    # Predicates: a bool per element (predicate_loop)
    OP_LOGICAL_NOT
    OP_ISNAN
    OP_ISINF
    OP_ISFINITE
    OP_SIGNBIT
    OP_LAST_PREDICATE = OP_SIGNBIT

cdef struct LoopData:
    int op
    int type_index      # the loop's input type (TypeIndex)

# acc[i] = op(acc[i], row 0[i], ..., row rows-1[i]) in that order, rows
# row_step bytes apart, all contiguous: a reduction over an outer axis.
# False (nothing done) where the operation, type or alignment does not fit.
cdef bint reduce_rows(LoopData* data, char* acc, const char* src,
                      Py_ssize_t n, Py_ssize_t row_step,
                      Py_ssize_t rows) noexcept nogil
cdef void run_loop(char** args, Py_ssize_t n, const Py_ssize_t* steps,
                   void* data) noexcept nogil
# reduceat's rows over a 1-d input: row i of out folds the items
# [position[i], position[i + 1]) (the last to last_end), item e at
# items + (e - first) * step.  False where the type or operation does not
# fit (the caller then folds row by row through run_loop).
cdef bint reduce_segments(LoopData* data, char* out, Py_ssize_t out_step,
                          const char* items, Py_ssize_t step,
                          Py_ssize_t first, const int64_t* position,
                          Py_ssize_t n, Py_ssize_t last_end) noexcept nogil
# What a loop of (op, type_index) costs per element, relative to a vector
# math function (1); 0 for memory-bound loops, which count what streaming
# memory costs instead (_loops.walk_work; see _kernels.pyx).
cdef int work_per_element(int op, int type_index) noexcept nogil
cdef uint8_t any_or_all(const char* data, Py_ssize_t n, Py_ssize_t step,
                        int type_index, bint want_any) noexcept nogil
cdef bint any_negative(const char* data, Py_ssize_t n, Py_ssize_t step,
                       int type_index) noexcept nogil
cdef void arg_extreme(const char* data, Py_ssize_t rows, Py_ssize_t n,
                      int type_index, bint want_max,
                      int64_t* out) noexcept nogil
