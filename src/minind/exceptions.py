"""Exceptions minind raises beyond the built-in ones (as numpy.exceptions).

``AxisError`` subclasses both ValueError and IndexError, exactly like
NumPy's, so ``except ValueError`` and ``except IndexError`` both catch it.
"""


class AxisError(ValueError, IndexError):
    """An axis argument is out of range for the array's dimensions."""

    def __init__(self, axis, ndim=None, msg_prefix=None):
        if ndim is None and msg_prefix is None:
            # Called with a ready message, as NumPy allows.
            self._msg = axis
            self.axis = self.ndim = None
        else:
            self._msg = msg_prefix
            self.axis = axis
            self.ndim = ndim
        super().__init__(self.__str__())

    def __str__(self):
        if self.axis is None:
            return str(self._msg)
        text = (f"axis {self.axis} is out of bounds for array of dimension "
                f"{self.ndim}")
        return f"{self._msg}: {text}" if self._msg else text


class TooHardError(RuntimeError):
    """``shares_memory`` exceeded its ``max_work`` budget."""


class UFuncTypeError(TypeError):
    """A ufunc has no loop for the operands' dtypes, or its result cannot
    be cast to ``out`` (a TypeError, as NumPy's UFuncTypeError is)."""
