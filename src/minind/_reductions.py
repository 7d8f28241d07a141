"""Reductions built from ufuncs: sum, mean, std, argmax, cumsum, ...

Each is a composition of ``ufunc.reduce`` / ``accumulate`` calls (the C
work happens there), written the way NumPy's ``_methods.py`` composes
them, so the rounding matches: ``var`` is the mean of squared deviations
from the mean, computed in float64 for integer input.
"""
import contextlib
import operator
import warnings

from minind import _manipulation
from minind import _ufunc as um
from minind._creation import asarray, empty_like, zeros
from minind._manipulation import moveaxis, broadcast_to
from minind._dtype import can_cast
from minind._ufunc import NoValue
from minind.exceptions import UFuncTypeError
from minind._core import MiniArray
from minind._fperr import named_errors
from minind._ufunc_config import errstate

__all__ = ["sum", "prod", "min", "max", "amin", "amax", "mean", "var",
           "std", "argmin", "argmax", "all", "any", "cumsum", "cumprod",
           "cumulative_sum", "cumulative_prod", "diff", "ediff1d",
           "count_nonzero", "trace", "ptp",
           "nansum", "nanmean", "clip", "where"]

_python_sum, _python_all, _python_any = sum, all, any


def _finish(result):
    """0-d results become scalars of their dtype, as NumPy returns them."""
    if hasattr(result, "ndim") and result.ndim == 0:
        return result[()]
    return result


def _array_out(out, message="return arrays must be of ArrayType"):
    """The out= of sum, mean, cumsum...: an array or None.  (A ufunc's
    reduce also takes the 1-tuple a many-output ufunc needs; NumPy's
    reduction functions and methods do not.)"""
    if out is not None and not isinstance(out, MiniArray):
        raise TypeError(message)
    return out


def _count(a, axis):
    """How many elements each result element combines."""
    count = 1
    for k in um.reduce_axes(a, axis, legacy=False):
        count *= a.shape[k]
    return count


def sum(a, axis=None, dtype=None, out=None, keepdims=False,
        initial=NoValue, where=True):
    """Sum of elements; small integers accumulate in int64 as in NumPy;
    floats use pairwise summation.  ``where``, a boolean mask broadcast
    to ``a``, leaves elements out (here and in the other reductions)."""
    _array_out(out)
    return um.add.reduce(a, axis=axis, dtype=dtype, out=out,
                         keepdims=keepdims, initial=initial, where=where)


def prod(a, axis=None, dtype=None, out=None, keepdims=False,
         initial=NoValue, where=True):
    _array_out(out)
    return um.multiply.reduce(a, axis=axis, dtype=dtype, out=out,
                              keepdims=keepdims, initial=initial,
                              where=where)


def max(a, axis=None, out=None, keepdims=False, initial=NoValue,
        where=True):
    """With ``where``, ``initial`` is required (maximum has no identity
    to start the masked-off results from), as in NumPy."""
    _array_out(out)
    return um.maximum.reduce(a, axis=axis, out=out, keepdims=keepdims,
                             initial=initial, where=where)


def min(a, axis=None, out=None, keepdims=False, initial=NoValue,
        where=True):
    _array_out(out)
    return um.minimum.reduce(a, axis=axis, out=out, keepdims=keepdims,
                             initial=initial, where=where)


amax, amin = max, min


def ptp(a, axis=None, out=None, keepdims=False):
    """Peak to peak: the maximum minus the minimum along ``axis``.

    NumPy's ``_methods._ptp``, call for call: ``maximum.reduce`` (into
    ``out`` when given) minus ``minimum.reduce``, by ``subtract`` (into
    ``out`` again).  So the result is in the array's own dtype and an
    integer range that does not fit wraps around (int8 ``[-128, 127]``
    gives -1), a bool array is refused by ``subtract``'s TypeError, and
    an empty one by ``maximum``'s "no identity" ValueError.  NumPy 2 has
    no ``ndarray.ptp`` method; neither has minind.
    """
    return um.subtract(
        um.maximum.reduce(a, axis, None, out, keepdims),
        um.minimum.reduce(a, axis, None, None, keepdims),
        out)


def all(a, axis=None, out=None, keepdims=False, *, where=True):
    _array_out(out)
    if axis is None and out is None and not keepdims and where is True:
        a = asarray(a)                     # (once: reduce takes it as is)
        result = um._any_or_all_flat(a, False)
        if result is not None:             # the whole array, in place
            return result
    return um.logical_and.reduce(a, axis=axis, out=out, keepdims=keepdims,
                                 where=where)


def any(a, axis=None, out=None, keepdims=False, *, where=True):
    _array_out(out)
    if axis is None and out is None and not keepdims and where is True:
        a = asarray(a)                     # (once: reduce takes it as is)
        result = um._any_or_all_flat(a, True)
        if result is not None:
            return result
    return um.logical_or.reduce(a, axis=axis, out=out, keepdims=keepdims,
                                where=where)


def trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    """The sum along a diagonal: ``diagonal(a, offset, axis1, axis2)``
    summed over its last axis (the diagonal), so a stack of matrices
    gives one sum each.

    NumPy: ``PyArray_Trace`` in calculation.c, ``add.reduce`` of the
    diagonal view along -1 with ``dtype`` and ``out``: the sum's rules
    hold (a bool or small integer diagonal adds up in the platform
    integer, an empty one gives 0, a 0-d result is a scalar unless
    ``out`` is given, and then ``out`` is returned).  ``out`` must be an
    array, as for NumPy's method ("output must be an array").
    """
    if out is not None and not isinstance(out, MiniArray):
        raise TypeError("output must be an array")
    diagonal = _manipulation.diagonal(a, offset, axis1, axis2)
    return um.add.reduce(diagonal, axis=-1, dtype=dtype, out=out)


def _sum_array(a, axis, dtype, keepdims, where=True):
    """A sum kept as an array (0-d included), for further ufunc math."""
    return um.reduce_to_array(um.add, a, axis, dtype, keepdims, where)


def _counts(a, axis, keepdims, where):
    """How many elements each result of a mean or variance combines: one
    number, or with a ``where`` mask the count of True along ``axis``
    for each result (an int64 array; NumPy's _count_reduce_items)."""
    if where is True:
        return _count(a, axis)
    return um.reduce_to_array(um.add, broadcast_to(where, a.shape), axis,
                              "int64", keepdims)


def _some_count(counts, test):
    """test(count) for the one count, or for any of a mask's counts."""
    if isinstance(counts, MiniArray):
        return bool(um.logical_or.reduce(test(counts), axis=None))
    return test(counts)


def _float_dtype(a, dtype):
    if dtype is None and a.dtype.kind in "biu":
        return "float64"
    return dtype


def mean(a, axis=None, dtype=None, out=None, keepdims=False, *,
         where=True):
    """Arithmetic mean: the sum (in float64 for integers) divided by the
    count, in place in the sum's array as NumPy does (so the result keeps
    the sum's layout and dtype, an integer ``dtype=`` included).  With a
    ``where`` mask, the sum and the count are of the elements where it
    is True."""
    _array_out(out)
    a = asarray(a)
    if (axis is None and dtype is None and out is None and not keepdims
            and where is True and a.size):
        result = _whole_mean(a)
        if result is not None:
            return result
    if where is not True:
        where = asarray(where)
    count = _counts(a, axis, keepdims, where)
    if _some_count(count, lambda c: c == 0):
        # (NumPy's _methods._mean; the 0/0 then warns as well.)
        warnings.warn("Mean of empty slice", RuntimeWarning, stacklevel=2)
    dtype = _float_dtype(a, dtype)
    total = _sum_array(a, axis, dtype, keepdims, where)
    with _division_named(total, out):
        um.true_divide(total, count, out=total, casting="unsafe")
    return _store(total, out)


_SMALLEST_NORMAL = {"float64": 2.2250738585072014e-308,
                    "float32": 1.1754943508222875e-38}


def _whole_mean(a):
    """The common call, ``a.mean()`` of a non-empty array, with the sum a
    scalar and the division Python's (a quarter of the general path's
    time): the same bits as NumPy's, whose scalar sum is divided by an
    intp count, which makes the division a float64 one for float32 too
    (then rounded to float32).  None where the quotient might underflow,
    which the general path divides with the ufunc so that
    errstate(under=...) applies."""
    kind, name = a.dtype.kind, a.dtype.name
    if kind in "biu":
        total = um.add.reduce(a, axis=None, dtype="float64")
        name = "float64"
    elif name == "float64" or name == "float32":
        total = um.add.reduce(a, axis=None)
    else:
        return None
    quotient = float(total) / a.size
    if abs(quotient) < _SMALLEST_NORMAL[name] and total != 0:
        return None
    return total.dtype.type(quotient)


def _division_named(total, out):
    """NumPy's ``mean`` and ``var`` divide a whole-array sum, a NumPy
    scalar, with scalar math, whose errors name "scalar divide"; a sum
    with axes (or written to ``out``) is an array, divided by the
    ufunc."""
    if total.ndim == 0 and out is None:
        return named_errors("scalar divide")
    return contextlib.nullcontext()


def _variance(a, axis, dtype, ddof, keepdims, where=True):
    """Variance as an array (0-d included): NumPy's recipe, step by step."""
    a = asarray(a)
    if where is not True:
        where = asarray(where)
    if isinstance(ddof, str):       # NumPy compares it with an int64 count
        raise UFuncTypeError(
            "ufunc 'less_equal' did not contain a loop with signature "
            "matching types (<class 'numpy.dtypes.Int64DType'>, "
            "<class 'numpy.dtypes.StrDType'>) -> None")
    count = _counts(a, axis, keepdims, where)
    if _some_count(count, lambda c: ddof >= c):
        # (NumPy's _methods._var, first thing after counting.)
        warnings.warn("Degrees of freedom <= 0 for slice", RuntimeWarning,
                      stacklevel=3)
    dtype = _float_dtype(a, dtype)
    center = _sum_array(a, axis, dtype, True, where)    # sum, kept dims
    um.true_divide(center, count if not isinstance(count, MiniArray)
                   else count.reshape(center.shape), out=center)  # mean
    # a - center, laid out as a ufunc lays out its output (a's K order);
    # a 0-d result would come back as a Python number, so it gets an out.
    deviations = um.subtract(a, center, out=None if a.ndim else zeros(
        (), um.result_type(a, center)))
    um.square(deviations, out=deviations)
    total = _sum_array(deviations, axis, dtype, keepdims, where)
    if isinstance(count, MiniArray):
        return um.true_divide(total, um.maximum(count - ddof, 0), out=total)
    with _division_named(total, None):
        return um.true_divide(total, count - ddof if count > ddof else 0,
                              out=total)


def _correction(ddof, correction):
    """The divisor's offset: ``correction`` is the Array API's name for
    ``ddof``, which NumPy 2's ``var``/``std`` accept as an alias (not the
    methods: ``a.var(correction=1)`` is a TypeError, as in NumPy).
    Giving both, with a ``ddof`` other than 0, is NumPy's ValueError."""
    if correction is NoValue:
        return ddof
    if ddof != 0:
        raise ValueError("ddof and correction can't be provided "
                         "simultaneously.")
    return correction


def var(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *,
        where=True, correction=NoValue):
    """Variance: mean of squared deviations from the mean, divided by
    ``count - ddof`` (float64 for integer input)."""
    ddof = _correction(ddof, correction)
    _array_out(out)
    return _store(_variance(a, axis, dtype, ddof, keepdims, where), out)


def var_method(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False,
               *, where=True):
    """``a.var()``: ``var`` without the ``correction`` alias."""
    return var(a, axis, dtype, out, ddof, keepdims, where=where)


def std_method(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False,
               *, where=True):
    """``a.std()``: ``std`` without the ``correction`` alias."""
    return std(a, axis, dtype, out, ddof, keepdims, where=where)


def std(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *,
        where=True, correction=NoValue):
    """Standard deviation: the square root of ``var``."""
    ddof = _correction(ddof, correction)
    _array_out(out)
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
    variance = _variance(a, axis, dtype, ddof, keepdims, where)
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
    a = asarray(a)
    name = "argmax" if want_max else "argmin"
    if axis is None and out is None and not keepdims and a.size:
        return um._arg_flat(a, want_max)     # the common call, directly
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
        result = um._arg_rows(a.reshape(1, a.size), want_max)
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
    result = um._arg_rows(moved.reshape(-1, moved.shape[-1]), want_max)
    result.shape = shape
    return _store_index(result, out, name)


def argmax(a, axis=None, out=None, *, keepdims=False):
    """Index of the (first) largest element; NaN counts as largest."""
    _array_out(out, "output must be an array")
    return _arg_extreme(a, axis, keepdims, True, out)


def argmin(a, axis=None, out=None, *, keepdims=False):
    _array_out(out, "output must be an array")
    return _arg_extreme(a, axis, keepdims, False, out)


def cumsum(a, axis=None, dtype=None, out=None):
    """Running sums; ``axis=None`` runs over the flattened array."""
    _array_out(out, "output must be an array")
    a = asarray(a)
    if axis is None or a.ndim == 0:
        if axis is not None:             # NumPy's axis errors first
            um.reduce_axes(a, operator.index(axis), legacy="flat")
        # a 1-d array is its own flattening (ravel would copy a strided
        # one, then accumulate copy it again: int64 cumsum of a[::2] at
        # 10**5 took 2.2 times NumPy's time)
        a, axis = (a if a.ndim == 1 else a.ravel()), 0
    return um.add.accumulate(a, axis=axis, dtype=dtype, out=out)


def cumprod(a, axis=None, dtype=None, out=None):
    _array_out(out, "output must be an array")
    a = asarray(a)
    if axis is None or a.ndim == 0:
        if axis is not None:
            um.reduce_axes(a, operator.index(axis), legacy="flat")
        a, axis = (a if a.ndim == 1 else a.ravel()), 0   # (see cumsum)
    return um.multiply.accumulate(a, axis=axis, dtype=dtype, out=out)


def _cumulative(x, ufunc, axis, dtype, out, include_initial):
    """The Array API's running sum/product (NumPy's
    ``_cumulative_func``): ``axis`` may be left out only for 1-d input
    (0-d counts as 1-d); ``include_initial`` puts the identity in front,
    in ``out`` directly or by a ``concat`` (so the result's layout is
    concat's)."""
    x = asarray(x)
    if x.ndim == 0:
        x = x.reshape(1)
    if axis is None:
        if x.ndim >= 2:
            raise ValueError("For arrays which have more than one "
                             "dimension ``axis`` argument is required.")
        axis = 0
    if out is not None and include_initial:
        index = [slice(None)] * x.ndim
        index[axis] = slice(1, None)
        ufunc.accumulate(x, axis=axis, dtype=dtype, out=out[tuple(index)])
        index[axis] = 0
        out[tuple(index)] = ufunc.identity
        return out
    result = ufunc.accumulate(x, axis=axis, dtype=dtype, out=out)
    if include_initial:
        from minind._creation import full_like
        from minind._join import concat
        shape = list(x.shape)
        shape[axis] = 1
        result = concat([full_like(result, ufunc.identity, shape=shape),
                         result], axis=axis)
    return result


def cumulative_sum(x, /, *, axis=None, dtype=None, out=None,
                   include_initial=False):
    """Running sums along ``axis`` (Array API); with
    ``include_initial`` one longer, starting from 0."""
    return _cumulative(x, um.add, axis, dtype, out, include_initial)


def cumulative_prod(x, /, *, axis=None, dtype=None, out=None,
                    include_initial=False):
    """Running products along ``axis`` (Array API); with
    ``include_initial`` one longer, starting from 1."""
    return _cumulative(x, um.multiply, axis, dtype, out, include_initial)


def _axis_index(axis):
    """One axis as NumPy's ``normalize_axis_index`` parses it (a C
    long; a float is named as such)."""
    if isinstance(axis, float):
        raise TypeError("integer argument expected, got float")
    axis = operator.index(axis)
    if not -2**63 <= axis < 2**63:
        raise OverflowError("Python int too large to convert to C long")
    return axis


def diff(a, n=1, axis=-1, prepend=NoValue, append=NoValue):
    """The ``n``-th forward difference along ``axis``: the inverse of
    ``cumsum``, one shorter per order.

    NumPy's recipe (lib/_function_base_impl.py): ``prepend``/``append``
    (a scalar is broadcast to one slab) are concatenated on first, then
    each order subtracts two overlapping views, ``a[1:] - a[:-1]`` along
    the axis, so each result is laid out as ``subtract`` lays out its
    output.  Bool arrays use ``not_equal`` (bool has no subtraction).
    ``n=0`` returns ``a`` untouched, not even made an array.
    """
    if n == 0:
        return a
    if n < 0:
        raise ValueError("order must be non-negative but got " + repr(n))
    a = asarray(a)
    if a.ndim == 0:
        raise ValueError("diff requires input that is at least one "
                         "dimensional")
    axis = um.reduce_axes(a, _axis_index(axis), legacy=False)[0]
    combined = []
    for extra in (prepend, None, append):
        if extra is None:
            combined.append(a)
        elif extra is not NoValue:
            extra = asarray(extra)
            if extra.ndim == 0:
                shape = list(a.shape)
                shape[axis] = 1
                extra = broadcast_to(extra, tuple(shape))
            combined.append(extra)
    if len(combined) > 1:
        from minind._join import concatenate
        a = concatenate(combined, axis)
    later = [slice(None)] * a.ndim
    earlier = [slice(None)] * a.ndim
    later[axis] = slice(1, None)
    earlier[axis] = slice(None, -1)
    later, earlier = tuple(later), tuple(earlier)
    step = um.not_equal if a.dtype.kind == "b" else um.subtract
    for _ in range(n):
        a = step(a[later], a[earlier])
    return a


def _edge(values, dtype, name):
    """``to_begin``/``to_end`` of ediff1d, flattened, if it casts to the
    input's dtype under ``same_kind`` (NumPy asks the array, so a Python
    int is an int64: -1 is refused for uint8, 300 accepted for int8)."""
    if values is None:
        return None
    values = asarray(values)
    if not can_cast(values.dtype, dtype, "same_kind"):
        raise TypeError(f"dtype of `{name}` must be compatible with input "
                        "`ary` under the `same_kind` rule.")
    return values.ravel()


def ediff1d(ary, to_end=None, to_begin=None):
    """The differences of the flattened array, with optional values put
    before and after, in one new 1-d array of the input's dtype.

    NumPy's recipe (lib/_arraysetops_impl.py): the edges are checked
    and cast (unsafely, once checked) into a fresh result, and the
    differences written between them by ``subtract(..., out=)``.  Bool
    has no subtraction, so it fails as ``a[1:] - a[:-1]`` does.
    """
    ary = asarray(ary).ravel()
    if to_begin is None and to_end is None:
        return um.subtract(ary[1:], ary[:-1])
    begin = _edge(to_begin, ary.dtype, "to_begin")
    end = _edge(to_end, ary.dtype, "to_end")
    length_begin = 0 if begin is None else begin.size
    length_end = 0 if end is None else end.size
    length_diff = ary.size - 1 if ary.size else 0   # (max is ours here)
    result = empty_like(ary, shape=length_begin + length_diff + length_end)
    if length_begin:
        result[:length_begin] = begin
    if length_end:
        result[length_begin + length_diff:] = end
    um.subtract(ary[1:], ary[:-1],
                out=result[length_begin:length_begin + length_diff])
    return result


def count_nonzero(a, axis=None, *, keepdims=False):
    """How many elements are not zero (NaN counts, being non-zero): the
    array seen as bool, summed in int64 (NumPy's intp)."""
    a = asarray(a)
    return a.astype("bool", copy=False).sum(axis=axis, dtype="int64",
                                            keepdims=keepdims)


def nansum(a, axis=None, dtype=None, out=None, keepdims=False):
    """Sum treating NaN as zero."""
    _array_out(out)
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
    _array_out(out)
    a = asarray(a)
    if a.dtype.kind != "f":
        return mean(a, axis=axis, dtype=dtype, out=out, keepdims=keepdims)
    if out is not None and getattr(out, "dtype", None) is not None and (
            out.dtype.kind != "f"):
        raise TypeError("If a is inexact, then out must be inexact")
    valid = um.logical_not(um.isnan(a))
    total = _sum_array(_nan_to_zero(a), axis, dtype, keepdims)
    count = _sum_array(valid, axis, None, keepdims)
    # Divide in place, as NumPy does: the mean keeps the sum's dtype.  An
    # all-NaN slice is NaN, with NumPy's one warning (not the 0 / 0's).
    with errstate(invalid="ignore", divide="ignore"):
        um.true_divide(total, count, out=total, casting="unsafe")
    if _some_count(count, lambda c: c == 0):
        warnings.warn("Mean of empty slice", RuntimeWarning, stacklevel=2)
    return _store(total, out)


clip = um.clip
where = um.where
