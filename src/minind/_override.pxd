# Binary operators that step aside for the other operand (_override.pyx).

# Whether ``self <op> other`` returns NotImplemented, so that Python asks
# ``other``'s reflected method; ``inplace`` for ``a += b``.
cdef bint binop_should_defer(object self, object other,
                             bint inplace) except -1

# NumPy's refusal of an operand that opts out of ufuncs.
cdef int check_ufunc_operand(object operand) except -1
