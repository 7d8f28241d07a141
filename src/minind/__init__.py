"""minind: NumPy's ndarray rebuilt from the memory up, small enough to read.

Use it as you would NumPy: ``import minind as mi``; ``mi.array``,
``mi.zeros``, ``a.strides``, ``a.flags``...  Where minind implements a
feature it matches NumPy exactly (values, dtype, shape, strides, flags,
views, exceptions).  A single element or a full reduction is a scalar of
its dtype, as in NumPy: ``a[0, 0]`` is ``mi.int64(1)``.

Where each concept lives:
  _layout.pyx    strides, contiguity flags, sizes (pure functions)
  _dtype.pyx     the dtypes, their spellings, promotion, item conversion
  _scalar.pyx    the scalar types (mi.float64...): one item with a dtype
  _core.pyx      MiniArray, its buffer, flags, the view helper make_view
  _loops.pyx     traversal planning (sort, coalesce) and the cast loop
  _creation.pyx  empty/zeros/array/arange...
  _manipulation.pyx  transpose/moveaxis/flip/diagonal, broadcasting,
                 stride tricks, shares_memory (all views, no element
                 moves)
  _join.pyx      concatenate/stack/repeat/tile/roll, vstack/hstack...,
                 block, delete
                 (new arrays from pieces of others, laid out as NumPy
                 lays them out); atleast_Nd and split (views)
  _grids.py      linspace, meshgrid, indices, mgrid/ogrid, diag,
                 tri/tril/triu (values from indices)
  _typeinfo.py   isdtype, issubdtype, typecodes, finfo, iinfo
  _kernels.pyx   the typed 1-d loops of the ufuncs (binary_loop is the
                 reference)
  _ufunc.pyx     the ufunc type: promotion, broadcasting, output
                 allocation, reduce/accumulate/outer
  _reductions.py sum/mean/std/argmax/cumsum/diff... composed from ufuncs
  _numeric.py    round, isclose/allclose/array_equal, copy, real/imag,
                 the constants (pi, e, inf, nan...)
  _dispatch.py   NumPy's __array_ufunc__/__array_function__: np.f(m) runs
                 minind
  _override.pyx  when a + obj steps aside for obj (__array_ufunc__ = None,
                 __array_priority__; NumPy's binop_override.h)
  _show.py       mi.show(a): a picture of the owner's buffer and a's walk
  _explain.py    mi.explain(f, ...): the iterator's plan for a call, unrun
  _format.py     repr and str as NumPy prints them
  _dlpack.pyx    DLPack export (__dlpack__) and import (from_dlpack)
  _indexing.pyx  advanced indexing (integer arrays, boolean masks: copies),
                 take/put/compress/ix_, choose/putmask/place (NumPy's
                 mapping.c, item_selection.c)
  _sorting.pyx   sort/argsort, partition, lexsort, searchsorted, unique,
                 setxor1d
                 (typed lane loops: introsort, merge sort, quickselect)
  _matmul.pyx    matmul (a @ b): the blocked kernel; dot, vdot, inner,
                 outer, tensordot, vecdot, matvec, vecmat built on it
  linalg.py      mi.linalg: norms, and the Array API's linalg names
  _vectorize.py  vectorize: a Python function over arrays (a Python loop)
  _ufunc_config.py  seterr/geterr/errstate: NumPy's floating-point error
                 settings, kept per context
  _fperr.pyx     floating-point errors: the CPU's flags after a call's
                 loops, reported as errstate says (NumPy's extobj.c)
  _memmap.pyx    memmap: an array whose memory is a file (Python's mmap,
                 wrapped through the buffer protocol)
  _npyio.py      loadtxt: numbers from text, a line at a time
  _iterators.pyx a.flat (flatiter) and broadcast: C-order positions in
                 one array or several (NumPy's iterators.c)
  _threads.pyx   set_num_threads/get_num_threads: long compute-bound
                 loops cut into bands on a small pool of C threads
"""
from minind._dtype import dtype, promote_types, can_cast
from minind._scalar import (generic, number, integer, signedinteger,
                            unsignedinteger, inexact, floating, bool_, int8,
                            uint8, int16, uint16, int32, uint32, int64,
                            uint64, float32, float64, True_, False_)
from minind._core import MiniArray, TRACE_DOMAIN, copyto
from minind._creation import (array, asarray, asanyarray, empty, zeros, ones, full,
                              empty_like, zeros_like, ones_like, full_like,
                              arange, ascontiguousarray, asfortranarray,
                              eye, identity, astype, frombuffer)
from minind._manipulation import (transpose, swapaxes, squeeze, ravel,
                                  moveaxis, expand_dims,
                                  broadcast_shapes, broadcast_to,
                                  broadcast_arrays, shares_memory,
                                  may_share_memory, flip, permute_dims,
                                  matrix_transpose, unstack, diagonal,
                                  flipud, fliplr, rollaxis, shape, ndim,
                                  size)
from minind import exceptions, lib
from minind.exceptions import AxisError, UFuncTypeError
from minind._ufunc import (ufunc, add, subtract, multiply, true_divide,
                           divide, floor_divide, remainder, mod, divmod,
                           power,
                           maximum, minimum, negative, positive, absolute,
                           sign, sqrt, square, exp, log, log1p, expm1, tanh,
                           sin, cos, equal, not_equal, less, less_equal,
                           greater, greater_equal, logical_and, logical_or,
                           logical_xor, logical_not, bitwise_and, bitwise_or,
                           bitwise_xor, invert, bitwise_not, isnan, isinf,
                           isfinite, result_type, tan, arcsin, arccos,
                           arctan, sinh, cosh, arcsinh, arccosh, arctanh,
                           exp2, log2, log10, cbrt, deg2rad, rad2deg,
                           radians, degrees, rint, floor, ceil, trunc,
                           reciprocal, signbit, arctan2, hypot, copysign,
                           nextafter, logaddexp, logaddexp2, fmax, fmin,
                           float_power, left_shift, right_shift, gcd, lcm,
                           acos, asin, atan, acosh, asinh, atanh, atan2,
                           bitwise_left_shift, bitwise_right_shift,
                           bitwise_invert, conjugate, conj)
from minind._ufunc import pow as _pow_ufunc
from minind._ufunc import abs as _abs_ufunc
from minind._ufunc import clip_method as _clip_method
from minind._reductions import (sum, prod, min, max, amin, amax, mean, var,
                                std, argmin, argmax, all, any, cumsum,
                                cumprod, cumulative_sum, cumulative_prod,
                                diff, ediff1d, count_nonzero, nansum,
                                nanmean, clip, trace, ptp,
                                where, var_method as _var_method,
                                std_method as _std_method)
from minind._ufunc import nonzero
from minind._join import (concatenate, concat, stack, repeat, tile, roll,
                          vstack, hstack, dstack, column_stack, row_stack,
                          atleast_1d, atleast_2d, atleast_3d, split,
                          array_split, hsplit, vsplit, block, delete,
                          resize)
from minind._indexing import (take, put, take_along_axis, argwhere,
                              flatnonzero, compress, ix_, s_, index_exp,
                              choose, putmask, place, ravel_multi_index,
                              unravel_index)
from minind._numeric import (round, around, copy, reshape, real, imag,
                             isclose, allclose, array_equal, nan, inf, pi,
                             e, euler_gamma,
                             conjugate_method as _conjugate_method)
from minind._grids import (linspace, meshgrid, indices, mgrid, ogrid, diag,
                           tri, tril, triu)
from minind._typeinfo import (isdtype, issubdtype, typecodes, finfo, iinfo,
                              isscalar)
from minind._sorting import (sort, argsort, partition, argpartition,
                             lexsort, searchsorted, unique, unique_values,
                             unique_counts, unique_inverse, unique_all,
                             setxor1d)
from minind import _sorting as _sorting_module
from minind import _core as _core_module
from minind import _scalar as _scalar_module
from minind import _ufunc as _ufunc_module
from minind._show import show
from minind._explain import explain
from minind._dlpack import from_dlpack, export_dlpack as _export_dlpack
from minind._matmul import (matmul, dot, vdot, inner, outer, tensordot,
                            vecdot, matvec, vecmat,
                            matmul_function as _matmul_function)
from minind._vectorize import vectorize
from minind._ufunc_config import (seterr, geterr, seterrcall, geterrcall,
                                   errstate)
from minind._iterators import flatiter, broadcast
from minind import _iterators
from minind._memmap import memmap
from minind._npyio import loadtxt
from minind._threads import set_num_threads, get_num_threads
from minind._dlpack import dlpack_device as _dlpack_device

abs = _abs_ufunc
pow = _pow_ufunc
_operators = {
    "add": add, "subtract": subtract, "multiply": multiply,
    "true_divide": true_divide, "floor_divide": floor_divide,
    "remainder": remainder, "power": power, "square": square,
    "sqrt": sqrt, "bitwise_and": bitwise_and,
    "bitwise_or": bitwise_or, "bitwise_xor": bitwise_xor,
    "left_shift": left_shift, "right_shift": right_shift,
    "negative": negative, "positive": positive, "absolute": absolute,
    "invert": invert, "equal": equal, "not_equal": not_equal, "less": less,
    "less_equal": less_equal, "greater": greater,
    "greater_equal": greater_equal, "sum": sum, "prod": prod, "min": min,
    "max": max, "mean": mean, "var": _var_method, "std": _std_method,
    "argmin": argmin, "argmax": argmax, "all": all, "any": any,
    "cumsum": cumsum, "cumprod": cumprod, "clip": _clip_method, "nonzero": nonzero,
    "take": take, "put": put, "compress": compress, "repeat": repeat,
    "choose": choose,
    "round": round, "matmul": _matmul_function, "dot": dot,
    "diagonal": diagonal, "trace": trace,
}
_methods = {
    "sort": _sorting_module.sort_method,
    "argsort": _sorting_module.argsort_method,
    "partition": _sorting_module.partition_method,
    "argpartition": _sorting_module.argpartition_method,
    "searchsorted": _sorting_module.searchsorted_method,
    "conjugate_method": _conjugate_method,
}
from minind import _dispatch
from minind import _indexing
_core_module._register_operators(dict(
    _operators, **_methods, arg_flat=_ufunc_module._arg_flat,
    any_or_all_flat=_ufunc_module._any_or_all_flat,
    advanced_getitem=_indexing.getitem,
    advanced_setitem=_indexing.setitem, array_ufunc=_dispatch.array_ufunc,
    divmod=divmod,
    array_function=_dispatch.array_function,
    dlpack=_export_dlpack, dlpack_device=_dlpack_device,
    flat=_iterators.flat, assign_flat=_iterators.assign_flat,
    asarray=asarray))
# A scalar's operators are NumPy's scalar math: the ufuncs, but with
# floating-point errors named "scalar add" and integer overflow noted.
_scalar_module._register_operators(dict(
    _operators, asarray=asarray,
    **{name: function._operator for name, function in _operators.items()
       if isinstance(function, ufunc)},
    divmod=_ufunc_module._scalar_divmod))
# The reference count a.resize() sees for an array only `a` names, called
# from Python code exactly as a user's a.resize(...) is (NumPy's refcheck).
_unshared = empty(0)
_core_module.set_resize_baseline(_unshared._references_seen())
del _unshared
del _operators, _methods
from minind import linalg

ndarray = MiniArray
newaxis = None
bool = bool_      # NumPy 2 spells it both ways
intp = int64
uintp = uint64
int_ = int64      # NumPy 2's default integer: intp, int64 on 64-bit Linux
double = float64
single = float32

__version__ = "0.1.0"
# The Python Array API standard this namespace follows (NumPy 2.4's).
__array_api_version__ = "2024.12"

__all__ = [
    "MiniArray", "ndarray", "dtype", "promote_types", "can_cast",
    "set_num_threads", "get_num_threads",
    "generic", "number", "integer", "signedinteger", "unsignedinteger",
    "inexact", "floating", "True_", "False_", "bool_", "bool", "int8", "uint8", "int16", "uint16", "int32", "uint32",
    "int64", "uint64", "float32", "float64", "intp", "uintp", "int_",
    "double",
    "single", "array", "asarray", "asanyarray", "empty", "zeros", "ones", "full",
    "empty_like", "zeros_like", "ones_like", "full_like", "arange",
    "ascontiguousarray", "asfortranarray", "transpose", "swapaxes",
    "squeeze", "reshape", "ravel", "moveaxis", "expand_dims",
    "broadcast_shapes", "broadcast_to", "broadcast_arrays",
    "shares_memory", "may_share_memory", "newaxis", "exceptions", "lib",
    "AxisError", "UFuncTypeError", "ufunc", "add", "subtract", "multiply",
    "true_divide", "divide", "floor_divide", "remainder", "mod", "divmod",
    "power",
    "maximum", "minimum", "negative", "positive", "absolute", "abs", "sign",
    "sqrt", "square", "exp", "log", "log1p", "expm1", "tanh", "sin", "cos",
    "equal", "not_equal", "less", "less_equal", "greater", "greater_equal",
    "logical_and", "logical_or", "logical_xor", "logical_not",
    "bitwise_and", "bitwise_or", "bitwise_xor", "invert", "bitwise_not",
    "isnan", "isinf", "isfinite", "sum", "prod", "min", "max", "amin",
    "amax", "mean", "var", "std", "argmin", "argmax", "all", "any",
    "cumsum", "cumprod", "nansum", "nanmean", "clip", "where", "nonzero", "show",
    "explain",
    "result_type", "from_dlpack", "eye", "identity", "astype", "flip",
    "permute_dims", "matrix_transpose", "unstack", "concatenate", "concat",
    "stack", "repeat", "tile", "roll", "linspace", "meshgrid", "tri", "tril",
    "triu", "isdtype", "finfo", "iinfo",
    "tan", "arcsin", "arccos", "arctan", "sinh", "cosh",
    "arcsinh", "arccosh", "arctanh", "exp2", "log2", "log10", "cbrt",
    "deg2rad", "rad2deg", "radians", "degrees", "rint", "floor", "ceil",
    "trunc", "reciprocal", "signbit", "arctan2", "hypot", "copysign",
    "nextafter", "logaddexp", "logaddexp2", "fmax", "fmin", "float_power",
    "left_shift", "right_shift", "gcd", "lcm", "acos", "asin", "atan",
    "acosh", "asinh", "atanh", "atan2", "pow", "bitwise_left_shift",
    "bitwise_right_shift", "bitwise_invert", "conjugate", "conj",
    "take", "put", "take_along_axis", "argwhere", "flatnonzero", "compress",
    "ix_", "choose", "putmask", "place", "ravel_multi_index",
    "unravel_index",
    "vstack", "hstack", "dstack", "column_stack", "row_stack", "atleast_1d",
    "atleast_2d", "atleast_3d", "split", "array_split", "hsplit", "vsplit",
    "block", "delete",
    "diff", "ediff1d", "round", "around", "copy", "count_nonzero",
    "cumulative_sum", "cumulative_prod", "real", "imag", "isclose", "allclose", "array_equal",
    "nan", "inf", "pi", "e", "euler_gamma",
    "sort", "argsort", "partition", "argpartition", "lexsort",
    "searchsorted", "unique", "unique_values", "unique_counts",
    "unique_inverse", "unique_all", "setxor1d",
    "matmul", "dot", "vdot", "inner", "outer", "tensordot", "vecdot",
    "matvec", "vecmat",
    "linalg", "vectorize", "seterr", "geterr", "seterrcall", "geterrcall",
    "errstate", "memmap", "loadtxt", "copyto", "issubdtype", "frombuffer",
    "s_", "index_exp", "typecodes", "flatiter", "broadcast", "resize",
    "diagonal", "trace",
    "rollaxis", "flipud", "fliplr", "shape", "ndim", "size",
    "ptp",
    "isscalar",
    "indices", "mgrid", "ogrid", "diag",
]
