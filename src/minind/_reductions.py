"""Reductions built from ufuncs: sum, mean, std, argmax, cumsum, ...

Each is a composition of ``ufunc.reduce`` / ``accumulate`` calls (the C
work happens there), written the way NumPy's ``_methods.py`` composes
them, so the rounding matches: ``var`` is the mean of squared deviations
from the mean, computed in float64 for integer input.
"""
import operator

from minind import _ufunc as um
from minind._creation import asarray, empty_like, zeros
from minind._manipulation import moveaxis
from minind._dtype import can_cast
from minind._ufunc import NoValue
from minind.exceptions import UFuncTypeError

__all__ = ["sum", "prod", "min", "max", "amin", "amax", "mean", "var",
           "std", "argmin", "argmax", "all", "any", "cumsum", "cumprod",
           "nansum", "nanmean", "clip", "where"]

_python_sum, _python_all, _python_any = sum, all, any


def _finish(result):
    """0-d results become scalars of their dtype, as NumPy returns them."""
    if hasattr(result, "ndim") and result.ndim == 0:
        return result[()]
    return result


def _count(a, axis):
    """How many elements each result element combines."""
    count = 1
    for k in um.reduce_axes(a, axis, legacy=False):
        count *= a.shape[k]
    return count


def sum(a, axis=None, dtype=None, out=None, keepdims=False,
        initial=NoValue):
    """Sum of elements; small integers accumulate in int64 as in NumPy;
    floats use pairwise summation."""
    return um.add.reduce(a, axis=axis, dtype=dtype, out=out,
                         keepdims=keepdims, initial=initial)


def prod(a, axis=None, dtype=None, out=None, keepdims=False,
         initial=NoValue):
    return um.multiply.reduce(a, axis=axis, dtype=dtype, out=out,
                              keepdims=keepdims, initial=initial)


def max(a, axis=None, out=None, keepdims=False, initial=NoValue):
    return um.maximum.reduce(a, axis=axis, out=out, keepdims=keepdims,
                             initial=initial)


def min(a, axis=None, out=None, keepdims=False, initial=NoValue):
    return um.minimum.reduce(a, axis=axis, out=out, keepdims=keepdims,
                             initial=initial)


amax, amin = max, min


def all(a, axis=None, out=None, keepdims=False):
    return um.logical_and.reduce(a, axis=axis, out=out, keepdims=keepdims)


def any(a, axis=None, out=None, keepdims=False):
    return um.logical_or.reduce(a, axis=axis, out=out, keepdims=keepdims)


def _sum_array(a, axis, dtype, keepdims):
    """A sum kept as an array (0-d included), for further ufunc math."""
    return um.reduce_to_array(um.add, a, axis, dtype, keepdims)


def _float_dtype(a, dtype):
    if dtype is None and a.dtype.kind in "biu":
        return "float64"
    return dtype


def mean(a, axis=None, dtype=None, out=None, keepdims=False):
    """Arithmetic mean: the sum (in float64 for integers) divided by the
    count, in place in the sum's array as NumPy does (so the result keeps
    the sum's layout and dtype, an integer ``dtype=`` included)."""
    a = asarray(a)
    dtype = _float_dtype(a, dtype)
    total = _sum_array(a, axis, dtype, keepdims)
    um.true_divide(total, _count(a, axis), out=total, casting="unsafe")
    return _store(total, out)


def _variance(a, axis, dtype, ddof, keepdims):
    """Variance as an array (0-d included): NumPy's recipe, step by step."""
    a = asarray(a)
    if isinstance(ddof, str):       # NumPy compares it with an int64 count
        raise UFuncTypeError(
            "ufunc 'less_equal' did not contain a loop with signature "
            "matching types (<class 'numpy.dtypes.Int64DType'>, "
            "<class 'numpy.dtypes.StrDType'>) -> None")
    dtype = _float_dtype(a, dtype)
    count = _count(a, axis)
    center = _sum_array(a, axis, dtype, True)           # sum, kept dims
    um.true_divide(center, count, out=center)           # ... the mean
    # a - center, laid out as a ufunc lays out its output (a's K order);
    # a 0-d result would come back as a Python number, so it gets an out.
    deviations = um.subtract(a, center, out=None if a.ndim else zeros(
        (), um.result_type(a, center)))
    um.multiply(deviations, deviations, out=deviations)  # squared
    total = _sum_array(deviations, axis, dtype, keepdims)
    return um.true_divide(total, count - ddof if count > ddof else 0,
                          out=total)


def var(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
    """Variance: mean of squared deviations from the mean, divided by
    ``count - ddof`` (float64 for integer input)."""
    return _store(_variance(a, axis, dtype, ddof, keepdims), out)


def std(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
    """Standard deviation: the square root of ``var``."""
    if out is not None and hasattr(out, "dtype"):
        # NumPy stores the variance in ``out`` and then takes the square
        # root in place, so an integer ``out`` fails as sqrt's output
        # (NumPy names its float16 loop; minind has float32).  Checked
        # first here, so that the failing call leaves ``out`` untouched.
        loop = um.sqrt(zeros(1, out.dtype)).dtype
        if not can_cast(loop, out.dtype, "same_kind"):
            raise UFuncTypeError(
                f"Cannot cast ufunc 'sqrt' output from {loop!r} to "
                f"{out.dtype!r} with casting rule 'same_kind'")
    variance = _variance(a, axis, dtype, ddof, keepdims)
    if out is not None:
        _store(variance, out)
        return um.sqrt(out, out=out)
    return _finish(um.sqrt(variance, out=variance))


def _store(result, out):
    if out is not None:
        out[...] = result
        return out
    return _finish(result)


def _store_index(result, out, name):
    """argmax's out= must have the result's shape exactly."""
    if out is not None and getattr(out, "shape", None) != result.shape:
        raise ValueError(f"output array does not match result of np.{name}.")
    return _store(result, out)


def _arg_extreme(a, axis, keepdims, want_max, out):
    """argmax/argmin: move the axis last, then one C loop per row."""
    from minind._ufunc import _arg_rows
    a = asarray(a)
    name = "argmax" if want_max else "argmin"
    if out is not None and hasattr(out, "dtype") and not can_cast(
            out.dtype, "int64", "safe"):
        # NumPy's check: the output must hold an index (it is really
        # asking whether int64 fits the other way, but words it so).
        raise TypeError(f"Cannot cast scalar from {out.dtype!r} to "
                        "dtype('int64') according to the rule 'safe'")
    if axis is not None:
        um.reduce_axes(a, operator.index(axis), legacy="flat")
    if axis is None or a.ndim == 0:
        if a.size == 0:
            raise ValueError(f"attempt to get {name} of an empty sequence")
        result = _arg_rows(a.reshape(1, a.size), want_max)
        # In place: the result owns its memory, as NumPy's does.
        result.shape = (1,) * a.ndim if keepdims else ()
        return _store_index(result, out, name)
    axis = um.reduce_axes(a, operator.index(axis))[0]
    if a.shape[axis] == 0:
        raise ValueError(f"attempt to get {name} of an empty sequence")
    moved = moveaxis(a, axis, -1)
    shape = (tuple(1 if k == axis else a.shape[k] for k in range(a.ndim))
             if keepdims else moved.shape[:-1])
    if moved.size == 0:
        return _store_index(zeros(shape, "int64"), out, name)
    result = _arg_rows(moved.reshape(-1, moved.shape[-1]), want_max)
    result.shape = shape
    return _store_index(result, out, name)


def argmax(a, axis=None, out=None, *, keepdims=False):
    """Index of the (first) largest element; NaN counts as largest."""
    return _arg_extreme(a, axis, keepdims, True, out)


def argmin(a, axis=None, out=None, *, keepdims=False):
    return _arg_extreme(a, axis, keepdims, False, out)


def cumsum(a, axis=None, dtype=None, out=None):
    """Running sums; ``axis=None`` runs over the flattened array."""
    a = asarray(a)
    if axis is None or a.ndim == 0:
        if axis is not None:             # NumPy's axis errors first
            um.reduce_axes(a, operator.index(axis), legacy="flat")
        a, axis = a.ravel(), 0
    return um.add.accumulate(a, axis=axis, dtype=dtype, out=out)


def cumprod(a, axis=None, dtype=None, out=None):
    a = asarray(a)
    if axis is None or a.ndim == 0:
        if axis is not None:
            um.reduce_axes(a, operator.index(axis), legacy="flat")
        a, axis = a.ravel(), 0
    return um.multiply.accumulate(a, axis=axis, dtype=dtype, out=out)


def nansum(a, axis=None, dtype=None, out=None, keepdims=False):
    """Sum treating NaN as zero."""
    a = asarray(a)
    if a.dtype.kind == "f":
        a = _nan_to_zero(a)
    return sum(a, axis=axis, dtype=dtype, out=out, keepdims=keepdims)


def _nan_to_zero(a):
    """A copy of float ``a`` with NaN replaced by 0, laid out as NumPy's
    ``_replace_nan`` makes it (``np.array(a, copy=True)``: a new array's
    K order), since that layout decides the layout of the sum after it."""
    result = empty_like(a)
    result[...] = um.where(um.isnan(a), 0, a)
    return result


def nanmean(a, axis=None, dtype=None, out=None, keepdims=False):
    """Mean of the non-NaN elements."""
    a = asarray(a)
    if a.dtype.kind != "f":
        return mean(a, axis=axis, dtype=dtype, out=out, keepdims=keepdims)
    if out is not None and getattr(out, "dtype", None) is not None and (
            out.dtype.kind != "f"):
        raise TypeError("If a is inexact, then out must be inexact")
    valid = um.logical_not(um.isnan(a))
    total = _sum_array(_nan_to_zero(a), axis, dtype, keepdims)
    count = _sum_array(valid, axis, None, keepdims)
    # Divide in place, as NumPy does: the mean keeps the sum's dtype.
    return _store(um.true_divide(total, count, out=total, casting="unsafe"),
                  out)


clip = um.clip
where = um.where
