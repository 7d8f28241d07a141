"""minind: NumPy's ndarray rebuilt from the memory up, small enough to read.

Use it as you would NumPy: ``import minind as mi``; ``mi.array``,
``mi.zeros``, ``a.strides``, ``a.flags``...  Where minind implements a
feature it matches NumPy exactly (values, dtype, shape, strides, flags,
views, exceptions).  One deliberate difference: minind has no scalar
types, so ``a[0, 0]`` is a Python ``int``/``float``/``bool``.

Where each concept lives:
  _layout.pyx    strides, contiguity flags, sizes (pure functions)
  _dtype.pyx     the dtypes, their spellings, promotion, item conversion
  _core.pyx      MiniArray, its buffer, flags, the view helper make_view
  _loops.pyx     traversal planning (sort, coalesce) and the cast loop
  _creation.pyx  empty/zeros/array/arange...
  _manipulation.pyx  transpose/moveaxis, broadcasting, stride tricks,
                 shares_memory (all views, no element moves)
  _format.py     repr and str as NumPy prints them
"""
from minind._dtype import (dtype, promote_types, can_cast, bool_, int8,
                           uint8, int16, uint16, int32, uint32, int64,
                           uint64, float32, float64)
from minind._core import MiniArray, TRACE_DOMAIN
from minind._creation import (array, asarray, empty, zeros, ones, full,
                              empty_like, zeros_like, ones_like, full_like,
                              arange, ascontiguousarray, asfortranarray)
from minind._manipulation import (transpose, swapaxes, squeeze, reshape,
                                  ravel, moveaxis, expand_dims,
                                  broadcast_shapes, broadcast_to,
                                  broadcast_arrays, shares_memory,
                                  may_share_memory)
from minind import exceptions, lib
from minind.exceptions import AxisError

ndarray = MiniArray
newaxis = None
bool = bool_      # NumPy 2 spells it both ways
intp = int64
uintp = uint64
double = float64
single = float32

__version__ = "0.1.0"

__all__ = [
    "MiniArray", "ndarray", "dtype", "promote_types", "can_cast",
    "bool_", "bool", "int8", "uint8", "int16", "uint16", "int32", "uint32",
    "int64", "uint64", "float32", "float64", "intp", "uintp", "double",
    "single", "array", "asarray", "empty", "zeros", "ones", "full",
    "empty_like", "zeros_like", "ones_like", "full_like", "arange",
    "ascontiguousarray", "asfortranarray", "transpose", "swapaxes",
    "squeeze", "reshape", "ravel", "moveaxis", "expand_dims",
    "broadcast_shapes", "broadcast_to", "broadcast_arrays",
    "shares_memory", "may_share_memory", "newaxis", "exceptions", "lib",
    "AxisError",
]
