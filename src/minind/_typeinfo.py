"""Questions about dtypes: their kind (``isdtype``, ``issubdtype``, the
``typecodes`` table) and their numeric limits (``finfo`` for floats,
``iinfo`` for integers).

The limits follow from the formats themselves: an IEEE binary float
with ``nmant`` mantissa bits and ``nexp`` exponent bits has
``eps = 2**-nmant`` (the gap above 1.0), ``tiny = 2**minexp`` (the
smallest normal number) with ``minexp = 2 - 2**(nexp - 1)``, and ``max
= (2 - eps) * 2**(maxexp - 1)``; a two's-complement integer of ``bits``
bits spans ``-2**(bits - 1)`` to ``2**(bits - 1) - 1``, an unsigned one
0 to ``2**bits - 1``.

``finfo``'s float values are scalars of the dtype, as NumPy's are
(``mi.float32(1.1920929e-07)``; ``_typed`` makes them); ``iinfo``'s are
Python ints in both.

``isscalar`` asks a question of a value's type: is it a scalar?

NumPy counterparts: ``isdtype``, ``issubdtype`` and ``typecodes`` in
_core/numerictypes.py, ``isscalar`` in _core/numeric.py, ``finfo`` and
``iinfo`` in _core/getlimits.py.
"""
import math
import numbers
import sys
import warnings

from minind._core import MiniArray
from minind._dtype import Descr, as_dtype
from minind._scalar import generic


# ---------------------------------------------------------------------------
# isdtype
# ---------------------------------------------------------------------------

# The Array API's kind names, as the dtype kind letters they cover.
_KINDS = {
    "bool": "b",
    "signed integer": "i",
    "unsigned integer": "u",
    "integral": "iu",
    "real floating": "f",
    "complex floating": "",        # minind has no complex dtypes
    "numeric": "iuf",
}


def _dtype_argument(value):
    """A minind dtype, or a scalar type of minind's (once it has them),
    as its dtype; None for anything else."""
    if isinstance(value, Descr):
        return value
    if isinstance(value, type) and (getattr(value, "__module__", "")
                                    or "").startswith("minind"):
        return as_dtype(value)
    return None


def isdtype(dtype, kind):
    """Whether ``dtype`` is of ``kind``: a kind name ("bool", "signed
    integer", "unsigned integer", "integral", "real floating", "complex
    floating", "numeric"), a dtype (equality), or a tuple of those (any
    of them).  Every kind is checked before the answer, with NumPy's
    errors: TypeError for what is no dtype, ValueError for an unknown
    name."""
    descr = _dtype_argument(dtype)
    if descr is None:
        raise TypeError("dtype argument must be a minind dtype, but it is a "
                        f"{type(dtype)}.")
    kinds = kind if isinstance(kind, tuple) else (kind,)
    letters, dtypes = "", []
    for item in kinds:
        if isinstance(item, str):
            if item not in _KINDS:
                raise ValueError(f"kind argument is a string, but {item!r} "
                                 "is not a known kind name.")
            letters += _KINDS[item]
            continue
        wanted = _dtype_argument(item)
        if wanted is None:
            raise TypeError("kind argument must be comprised of minind "
                            "dtypes or strings only, but is a "
                            f"{type(item)}.")
        dtypes.append(wanted)
    return descr.kind in letters or any(descr == d for d in dtypes)


# ---------------------------------------------------------------------------
# issubdtype, typecodes
# ---------------------------------------------------------------------------

def _scalar_type(value):
    """A scalar type of the ``generic`` tree as itself (``mi.floating``,
    ``mi.int8``); anything else as the scalar type of the dtype it spells
    (``float`` and ``'f8'`` are ``mi.float64``, ``int`` is ``mi.int64``,
    ``None`` the default float64), with ``as_dtype``'s errors."""
    if isinstance(value, type) and issubclass(value, generic):
        return value
    if isinstance(value, MiniArray) or type(value).__name__ == "ndarray":
        raise TypeError("Cannot construct a dtype from an array")
    return as_dtype(value).type


def issubdtype(arg1, arg2):
    """Whether ``arg1`` is lower than or equal to ``arg2`` in the scalar
    type hierarchy (``generic`` > ``number`` > ``integer`` >
    ``signedinteger`` > ``int8``...): ``issubdtype('i4', mi.integer)``.

    A dtype or a spelling of one stands for its scalar type, on both
    sides: so ``issubdtype(mi.float32, float)`` is False, ``float`` being
    float64, and ``issubdtype(mi.int8, int)`` too.  NumPy:
    ``issubdtype`` in _core/numerictypes.py.
    """
    return issubclass(_scalar_type(arg1), _scalar_type(arg2))


# NumPy's ``typecodes``, its keys in its order, with only the type codes
# of minind's dtypes: NumPy's half ('e'), long double ('g'), complex
# ('FDG'), bytes and strings ('c', 'S', 'U', 'V'), objects ('O') and
# datetimes ('M', 'm') are left out, so some entries are empty.
typecodes = {
    "Character": "",
    "Integer": "bhilqnp",
    "UnsignedInteger": "BHILQNP",
    "Float": "fd",
    "Complex": "",
    "AllInteger": "bBhHiIlLqQnNpP",
    "AllFloat": "fd",
    "Datetime": "",
    "All": "?bhilqnpBHILQNPfd",
}


# ---------------------------------------------------------------------------
# isscalar
# ---------------------------------------------------------------------------

# Python's own types that NumPy's ``ScalarType`` lists: exactly these
# types, not their subclasses (which count only as numbers.Number).
_PYTHON_SCALARS = (int, float, complex, bool, bytes, str, memoryview)


def isscalar(element):
    """Whether ``element`` is a scalar by NumPy's rule, which looks at
    its type alone: a minind (or NumPy) scalar, one of Python's scalar
    types (``str``, ``bytes`` and ``memoryview`` included), or any
    ``numbers.Number`` (a ``Fraction``).  A 0-d array is not a scalar,
    nor is ``None``.  NumPy: ``isscalar`` in _core/numeric.py; minind
    never imports NumPy, so NumPy's scalars are asked about only when
    NumPy is loaded.
    """
    numpy = sys.modules.get("numpy")
    return (isinstance(element, generic)
            or type(element) in _PYTHON_SCALARS
            or isinstance(element, numbers.Number)
            or (numpy is not None and isinstance(element, numpy.generic)))


# ---------------------------------------------------------------------------
# finfo, iinfo
# ---------------------------------------------------------------------------

def _typed(value, descr):
    """A limit of ``descr`` as NumPy returns it: a scalar of the dtype."""
    return descr.type(value)


def _resolve(dtype, inexact):
    """The dtype a finfo/iinfo argument names: Python numbers stand for
    their type; arrays are no dtype (NumPy gives an object dtype)."""
    if isinstance(dtype, MiniArray):
        raise ValueError(f"data type {type(dtype)} not "
                         + ("inexact" if inexact else "an integer type"))
    if dtype is None and inexact:
        warnings.warn("finfo() dtype cannot be None. This behavior will "
                      "raise an error in the future. (Deprecated in NumPy "
                      "1.25)", DeprecationWarning, stacklevel=3)
    if isinstance(dtype, (bool, int, float)):
        dtype = type(dtype)
    try:
        return as_dtype(dtype)
    except (TypeError, ValueError):
        raise ValueError(f"data type {dtype!r} not understood") from None


class finfo:
    """Machine limits of a float dtype (float32 or float64).

    ``bits``, ``nmant`` and ``nexp`` (mantissa and exponent bits), ``eps``
    (the gap above 1.0) and ``epsneg`` (below it), ``machep``/``negep``
    (their exponents), ``max``/``min``, ``maxexp``/``minexp``,
    ``smallest_normal`` (alias ``tiny``), ``smallest_subnormal``,
    ``precision`` (decimal digits that survive, ``int(-log10(eps))``),
    ``resolution`` (``10**-precision`` in the dtype), ``iexp`` (=
    ``nexp``) and ``dtype``.  One object per dtype, as NumPy caches
    them.
    """
    _cache = {}

    def __new__(cls, dtype):
        descr = _resolve(dtype, True)
        if descr.kind != "f":
            raise ValueError(f"data type <class 'minind.{descr.name}'> not "
                             "inexact")
        if descr not in cls._cache:
            cls._cache[descr] = super().__new__(cls)._fill(descr)
        return cls._cache[descr]

    def _fill(self, descr):
        self.dtype = descr
        self.bits = descr.itemsize * 8
        self.nmant = 23 if descr.itemsize == 4 else 52
        self.nexp = self.iexp = self.bits - 1 - self.nmant
        self.machep = -self.nmant
        self.negep = -self.nmant - 1
        self.maxexp = 2 ** (self.nexp - 1)
        self.minexp = 2 - self.maxexp
        self.eps = _typed(2.0 ** self.machep, descr)
        self.epsneg = _typed(2.0 ** self.negep, descr)
        self.max = _typed((2 - self.eps) * 2.0 ** (self.maxexp - 1), descr)
        self.min = -self.max
        self.smallest_normal = self.tiny = _typed(2.0 ** self.minexp, descr)
        self.smallest_subnormal = _typed(
            2.0 ** (self.minexp - self.nmant), descr)
        self.precision = int(-math.log10(self.eps))
        self.resolution = _typed(10.0 ** -self.precision, descr)
        return self

    def __repr__(self):
        show = str         # a scalar prints its shortest digits
        return (f"finfo(resolution={show(self.resolution)}, "
                f"min={show(self.min)}, max={show(self.max)}, "
                f"dtype={self.dtype.name})")

    def __str__(self):
        show = str         # a scalar prints its shortest digits
        rule = "-" * 63
        return (
            f"Machine parameters for {self.dtype.name}\n{rule}\n"
            f"precision = {self.precision}   resolution = "
            f"{show(self.resolution)}\n"
            f"machep = {self.machep}   eps =        {show(self.eps)}\n"
            f"negep =  {self.negep}   epsneg =     {show(self.epsneg)}\n"
            f"minexp = {self.minexp}   tiny =       {show(self.tiny)}\n"
            f"maxexp = {self.maxexp}   max =        {show(self.max)}\n"
            f"nexp =   {self.nexp}   min =        -max\n"
            f"smallest_normal = {show(self.smallest_normal)}   "
            f"smallest_subnormal = {show(self.smallest_subnormal)}\n"
            f"{rule}\n")


class iinfo:
    """Machine limits of an integer dtype: ``bits``, ``min``, ``max``
    (Python ints), ``kind`` ('i' or 'u'), ``key`` and ``dtype``."""

    def __init__(self, int_type):
        descr = _resolve(int_type, False)
        if descr.kind not in "iu":
            raise ValueError(f"Invalid integer data type {descr.kind!r}.")
        self.dtype = descr
        self.kind = descr.kind
        self.bits = descr.itemsize * 8
        self.key = f"{self.kind}{self.bits}"
        if self.kind == "u":
            self.min, self.max = 0, 2 ** self.bits - 1
        else:
            self.min = -2 ** (self.bits - 1)
            self.max = 2 ** (self.bits - 1) - 1

    def __repr__(self):
        return (f"iinfo(min={self.min}, max={self.max}, "
                f"dtype={self.dtype.name})")

    def __str__(self):
        rule = "-" * 63
        return (f"Machine parameters for {self.dtype.name}\n{rule}\n"
                f"min = {self.min}\nmax = {self.max}\n{rule}\n")
