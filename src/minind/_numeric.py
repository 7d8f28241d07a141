"""Numeric helpers composed from ufuncs: rounding, closeness, copies.

NumPy's ``round`` is not Python's: it scales by a power of ten, rounds
half to even with ``rint`` and scales back, all in the array's own
dtype, so ``round(0.125, 2)`` in float32 is whatever float32 arithmetic
makes of ``0.125 * 100``.  Here that recipe is written once
(``round``); the scalar types' ``round(x, n)`` calls it too, so arrays
and scalars cannot drift apart.

The rest are the small functions the tutorial reaches for, each a few
ufunc calls arranged as NumPy arranges them: ``isclose``/``allclose``
(_core/numeric.py), ``array_equal``, ``copy`` (lib/_function_base_impl),
``real``/``imag`` (lib/_type_check_impl.py), the methods ``a.conj()``
and ``a.conjugate()`` (calculation.c).  And NumPy's constants,
which are plain Python floats.
"""
import math
import numbers
import operator
import warnings

from minind import _manipulation
from minind import _ufunc as um
from minind._core import MiniArray, copyto
from minind._creation import array, asarray, zeros
from minind._dtype import can_cast
from minind._scalar import generic
from minind._ufunc_config import errstate, geterr

__all__ = ["round", "around", "copy", "real", "imag", "isclose",
           "allclose", "array_equal", "nan", "inf", "pi", "e",
           "euler_gamma"]

_python_round, _python_all = round, all

# NumPy's constants are Python floats (``type(np.pi) is float``).
nan = float("nan")
inf = float("inf")
pi = math.pi
e = math.e
euler_gamma = 0.5772156649015329


def _finish(result):
    """A 0-d result is a scalar of its dtype, as NumPy returns it."""
    if isinstance(result, MiniArray) and result.ndim == 0:
        return result[()]
    return result


# ---------------------------------------------------------------------------
# round
# ---------------------------------------------------------------------------

def _power_of_ten(n):
    """10.0**n as NumPy's ``power_of_ten`` (multiarray/calculation.c)
    builds it: a product of tens, exact up to 1e22, then rounded once
    per step until it overflows to inf (where it stays)."""
    value = 1.0
    while n > 0 and value != inf:
        value *= 10.0
        n -= 1
    return value


def _decimals_argument(decimals):
    """``decimals`` as NumPy's C int argument takes it."""
    decimals = operator.index(decimals)
    if decimals >= 2**31:
        raise OverflowError("signed integer is greater than maximum")
    if decimals < -2**31:
        raise OverflowError("signed integer is less than minimum")
    return decimals


def round(a, decimals=0, out=None):
    """Evenly round to ``decimals`` places (negative: to tens, hundreds...).

    NumPy's ``PyArray_Round`` (multiarray/calculation.c), step by step:

    * integers with ``decimals >= 0`` are already round: a copy in the
      array's own memory order (or written into ``out``);
    * ``decimals == 0`` is ``rint`` (half to even);
    * otherwise scale by ``f = 10**|decimals|`` into the output (a new
      array of ``a``'s dtype, or float64 for integers, C order unless
      ``a`` is F-only), ``rint`` it in place, scale back in place.  The
      scaling runs in the output's dtype, so float32 rounds as float32
      arithmetic does, and ``f`` overflowing to inf gives NaN (inf/inf)
      as in NumPy.  An integer result is cast back to ``a``'s dtype (a
      float64 round trip: a uint8 255 to -1 places is 260, which wraps
      to 4 as in NumPy).

    A bool array has no integer shortcut: its rounding needs a float
    output, which a bool ``out`` (the default) cannot take, so NumPy's
    casting error comes from ``multiply``.  The scalar types' ``round(x,
    n)`` calls this with the scalar as a 0-d array.
    """
    a = asarray(a)
    decimals = _decimals_argument(decimals)
    if out is not None:
        # NumPy compares sizes only: any out= the ufuncs can broadcast
        # into will do.
        if not isinstance(out, MiniArray):
            raise TypeError("output must be an array")
        if out.size != a.size:
            raise ValueError("invalid output shape")
    integer = a.dtype.kind in "iu"
    if decimals >= 0:
        if integer:
            if out is None:
                return _finish(a.copy(order="K"))
            if out is not a:
                _assign_same_kind(out, a)
            return out
        if decimals == 0:
            return um.rint(a, out=out)
        scale_up, scale_down = um.multiply, um.true_divide
    else:
        scale_up, scale_down = um.true_divide, um.multiply
    factor = _power_of_ten(-decimals if decimals < 0 else decimals)
    result = out
    if out is None:
        order = "F" if a.flags.fnc else "C"
        result = zeros(a.shape, "float64" if integer else a.dtype, order)
    scale_up(a, factor, out=result)
    um.rint(result, out=result)
    scale_down(result, factor, out=result)
    if out is not None:
        return out
    if integer:
        result = result.astype(a.dtype, order="K")
    return _finish(result)


def _assign_same_kind(out, a):
    """``out[...] = a`` under NumPy's default assignment rule,
    ``same_kind`` (indexing alone would cast unsafely)."""
    if isinstance(out, MiniArray) and not can_cast(a.dtype, out.dtype,
                                                   "same_kind"):
        what = "scalar" if a.ndim == 0 else "array data"   # NumPy's words
        raise TypeError(f"Cannot cast {what} from {a.dtype!r} to "
                        f"{out.dtype!r} according to the rule 'same_kind'")
    out[...] = a


def around(a, decimals=0, out=None):
    """``round`` under its older name (the same function in NumPy)."""
    return round(a, decimals, out)


# ---------------------------------------------------------------------------
# copy, real, imag
# ---------------------------------------------------------------------------

def reshape(a, shape, order="C", *, copy=None):
    """``a`` in a new shape, a view whenever possible (``_manipulation``'s
    ``reshape``, on ``MiniArray.reshape``).  A Python function, as NumPy's
    is (``fromnumeric.reshape``), so that a wrong call raises Python's own
    TypeError, word for word ("reshape() missing 1 required positional
    argument: 'shape'"); a Cython function words it its own way."""
    return _manipulation.reshape(a, shape, order, copy=copy)


def copy(a, order="K", subok=False):
    """A new owner with ``a``'s values: ``array(a, order=order,
    copy=True)``, so ``order="K"`` keeps ``a``'s memory order (a
    transposed array copies as F), unlike the method ``a.copy()`` whose
    default is C.  The copy is writeable even if ``a`` was not.
    (``subok`` is accepted for NumPy's signature: there are no
    subclasses to keep.)"""
    return array(a, order=order, copy=True)


def real(val):
    """The real part: for minind's real dtypes, ``val`` itself (an
    array or scalar, not a copy and not a new view: NumPy's ``.real`` of
    a real array returns the array).  A Python number gives its own
    ``.real``, as in NumPy; anything else (a list, another library's
    array) becomes a minind array first."""
    if isinstance(val, (MiniArray, generic)):
        return val
    if isinstance(val, numbers.Number):
        return val.real
    return asarray(val)


def imag(val):
    """The imaginary part, zero for minind's real dtypes.

    As NumPy's ``.imag`` of a real array (``array_imag_get``): a new
    array of zeros in ``val``'s dtype and shape, C order unless ``val``
    is F-only, and read-only, since writes to it could reach no real
    data.  A scalar gives a zero scalar of its type; a Python number its
    own ``.imag``.
    """
    if isinstance(val, generic):
        return zeros((), val.dtype)[()]
    if isinstance(val, numbers.Number):
        return val.imag
    val = asarray(val)
    result = zeros(val.shape, val.dtype, "F" if val.flags.fnc else "C")
    result.flags.writeable = False
    return result


def conjugate_method(a, out=None):
    """``a.conj()`` and ``a.conjugate()``: every minind dtype is real, so
    the conjugate is ``a`` itself, returned as NumPy's
    ``PyArray_Conjugate`` returns a real array (not a copy, and not the
    ufunc: ``mi.conj(a)`` does make a copy).  Given ``out`` (an array,
    positional only, as NumPy's undocumented argument), ``a`` is copied
    into it under the default assignment rule (``copyto``: broadcast,
    ``same_kind``) and ``out`` is returned."""
    if out is None:
        return a
    if not isinstance(out, MiniArray):
        raise TypeError("output must be an array")
    copyto(out, a)
    return out


# ---------------------------------------------------------------------------
# isclose, allclose, array_equal
# ---------------------------------------------------------------------------

def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    """Where ``|a - b| <= atol + rtol * |b|`` (not symmetric: ``b`` is
    the reference), infinities close only to themselves.

    NumPy's recipe (_core/numeric.py): ``b`` is made inexact first
    (``result_type(b, 1.0)``), so that ``abs`` of the smallest integer
    cannot overflow and ``a`` is cast along; Python numbers stay weak.
    A non-finite tolerance warns (RuntimeWarning) or raises, as errstate's
    "invalid" says.  0-d results are scalars, others a view of
    the result array, as NumPy's ``result[()]`` returns them.
    """
    def prepared(value):
        if isinstance(value, (int, float, complex)):
            return value
        return asarray(value)
    x, y, atol, rtol = (prepared(v) for v in (a, b, atol, rtol))
    if isinstance(y, MiniArray):
        y = asarray(y, dtype=um.result_type(y, 1.0))
    elif isinstance(y, int):
        y = float(y)
    if not (_all(um.isfinite(atol)) and _all(um.isfinite(rtol))):
        # NumPy's own report, as errstate's "invalid" says (warn or raise
        # only, as NumPy's).
        message = (f"One of rtol or atol is not valid, atol: {atol}, "
                   f"rtol: {rtol}")
        mode = geterr()["invalid"]
        if mode == "warn":
            warnings.warn(message, RuntimeWarning, stacklevel=2)
        elif mode == "raise":
            raise FloatingPointError(message)
    # Python's operators, as NumPy's recipe writes it: where ``y``, atol
    # and rtol are Python numbers the tolerance stays a Python float, weak
    # against a float32 ``x`` (NEP 50), and is compared in float32.  inf -
    # inf is NaN there, quietly (its comparison is False either way).
    with errstate(invalid="ignore"):
        result = (um.less_equal(abs(x - y), atol + rtol * abs(y))
                  & um.isfinite(y) | (x == y))
        if equal_nan:
            result = result | (um.isnan(x) & um.isnan(y))
    # NumPy's ``result[()]``: a scalar from 0-d, else a view of the
    # result (so not an owner).
    return result[()] if isinstance(result, MiniArray) else result


def _all(value):
    return bool(um.logical_and.reduce(asarray(value), axis=None))


def allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    """Whether ``isclose`` holds everywhere, as a Python bool."""
    return _all(isclose(a, b, rtol=rtol, atol=atol, equal_nan=equal_nan))


def array_equal(a1, a2, equal_nan=False):
    """Whether two arrays have the same shape and equal elements, as a
    Python bool (no broadcasting; what cannot become an array is simply
    not equal).  With ``equal_nan``, NaNs must sit in the same places
    and the rest be equal: NumPy compares the rest through a boolean
    mask, here ``where`` keeps the NaN places out of the comparison."""
    try:
        a1, a2 = asarray(a1), asarray(a2)
    except Exception:
        return False
    if a1.shape != a2.shape:
        return False
    if not equal_nan:
        return _all(um.equal(a1, a2))
    if a1 is a2:
        return True
    nan1, nan2 = um.isnan(a1), um.isnan(a2)
    if not _all(um.equal(nan1, nan2)):
        return False
    return _all(um.where(nan1, True, um.equal(a1, a2)))
