# The typed inner loops of the ufuncs (see _kernels.pyx).
from libc.stdint cimport int64_t

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
    OP_LOGICAL_NOT
    OP_ISNAN
    OP_ISINF
    OP_ISFINITE

cdef struct LoopData:
    int op
    int type_index      # the loop's input type (TypeIndex)

cdef void run_loop(char** args, Py_ssize_t n, const Py_ssize_t* steps,
                   void* data) noexcept nogil
cdef void arg_extreme(const char* data, Py_ssize_t rows, Py_ssize_t n,
                      int type_index, bint want_max,
                      int64_t* out) noexcept nogil
