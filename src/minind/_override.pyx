"""When ``a + b`` steps aside: NumPy's rule for binary operators that
return NotImplemented so that Python asks ``b.__radd__`` instead
(NumPy: ``binop_override.h``; NEP 13).

An array's operator is a ufunc call, and a ufunc turns anything it can
into an array.  That is wrong for an object that wants to answer the
operator itself (a unit-carrying quantity, a lazy expression, a masked
container): it would be read as numbers, or refused.  Such an object
says so in one of two ways, and NumPy's operators (minind's too) then
return NotImplemented:

* ``__array_ufunc__ = None``: "ufuncs do not apply to me" (NEP 13).
  The operator steps aside, and a ufunc called on the object directly
  raises TypeError (``check_ufunc_operand``).  An object with any other
  ``__array_ufunc__`` takes part in ufuncs, so the operator runs.
* an ``__array_priority__`` above the array's (the rule before NEP 13):
  an array's priority is 0.0, a scalar's -1000000.0, and an object
  without the attribute counts as a scalar.

Python's own numbers and containers never take over, and neither does
an operand of the same type, or of a subclass (whose reflected method
Python has already tried first).  Python then calls the other operand's
reflected method (``__radd__``) if it has one, and raises TypeError if
it has not; for ``a += b`` it goes on to ``a + b``, which asks again.
"""

cdef double SCALAR_PRIORITY = -1000000.0

# Types whose special methods NumPy never looks up (PyArray_LookupSpecial
# skips them): they neither opt out nor outrank an array.
cdef tuple _BASIC_TYPES = (
    bool, int, float, complex, str, bytes, bytearray, list, tuple, dict,
    set, frozenset, slice, type(None), type(Ellipsis))

# What a lookup finds when the attribute is absent.
cdef object _ABSENT = object()


cdef double _priority(object operand):
    """``operand.__array_priority__`` as a float; a scalar's priority if
    it has none, or if reading it or converting it fails (NumPy:
    ``PyArray_GetPriority``, which clears such errors)."""
    try:
        return float(getattr(operand, "__array_priority__"))
    except Exception:
        return SCALAR_PRIORITY


cdef bint binop_should_defer(object self, object other,
                             bint inplace) except -1:
    cdef type kind = type(other)
    if kind is type(self) or kind in _BASIC_TYPES:
        return False
    hook = getattr(kind, "__array_ufunc__", _ABSENT)
    if hook is not _ABSENT:
        # NEP 13: only an explicit None opts out, and an in-place
        # operator never steps aside for it (its result must be self).
        return not inplace and hook is None
    if issubclass(kind, type(self)):
        return False
    return _priority(self) < _priority(other)


cdef int check_ufunc_operand(object operand) except -1:
    if getattr(type(operand), "__array_ufunc__", _ABSENT) is None:
        raise TypeError(f"operand '{type(operand).__name__}' does not "
                        "support ufuncs (__array_ufunc__=None)")
    return 0
