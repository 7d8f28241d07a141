# cython: boundscheck=False, wraparound=False
"""Data types: the eleven numeric dtypes, their spellings and promotion.

NumPy counterparts: ``PyArray_Descr`` and ``PyArray_DescrConverter``
(descriptor.c) for parsing a dtype spelling, ``PyArray_PromoteTypes``
(convert_datatype.c) for promotion, and the per-type ``setitem``/``getitem``
in ``arraytypes.c.src`` for moving one value between Python and memory.

minind never imports NumPy: NumPy dtypes and scalar types are recognised by
duck typing (their ``.str`` and ``__name__``), so ``mi.dtype(np.float32)``
works without the dependency.
"""
from libc.stdint cimport (int8_t, int16_t, int32_t, int64_t,
                          uint8_t, uint16_t, uint32_t, uint64_t)
from libc.math cimport isnan, isinf
from libc.string cimport memcpy
from minind._fperr cimport (begin_cast, end_cast, casts_deferred,
                            fp_barrier)
from cpython.number cimport PyIndex_Check
from cpython.long cimport PyLong_Check
from cpython.float cimport PyFloat_Check

import operator
import sys

# NumPy's character code for int64 is the one of C ``long`` when ``long``
# has 64 bits (Linux, macOS) and of ``long long`` otherwise (Windows).
cdef extern from *:
    """
    #include <limits.h>
    #define MININD_LONG_IS_64 (LONG_MAX == 9223372036854775807L)
    """
    bint MININD_LONG_IS_64

_int64_char = "l" if MININD_LONG_IS_64 else "q"
_uint64_char = "L" if MININD_LONG_IS_64 else "Q"
_endian = "<" if sys.byteorder == "little" else ">"

# (name, kind, char, itemsize) in TypeIndex order.
_TABLE = (
    ("bool", "b", "?", 1),
    ("int8", "i", "b", 1),
    ("uint8", "u", "B", 1),
    ("int16", "i", "h", 2),
    ("uint16", "u", "H", 2),
    ("int32", "i", "i", 4),
    ("uint32", "u", "I", 4),
    ("int64", "i", _int64_char, 8),
    ("uint64", "u", _uint64_char, 8),
    ("float32", "f", "f", 4),
    ("float64", "f", "d", 8),
)


cdef class Descr:
    """Fields shared by every dtype object.  Use :class:`dtype` to make one.

    There is exactly one object per supported type (like NumPy's builtin
    descriptors), so ``a.dtype is mi.dtype("float64")`` holds and
    comparisons of ``type_index`` are enough in C code.  ``mi.float64``
    is the scalar *type* (see _scalar.pyx); ``a.dtype == mi.float64``
    holds, since a scalar type spells its dtype.
    """

    @property
    def type(self):
        """The scalar type of this dtype's items: ``mi.float64``."""
        return _scalar_types[self.type_index]

    @property
    def dtype(self):
        """The same dtype in NumPy's terms, for NumPy: ``np.dtype(x)``
        accepts any object whose ``.dtype`` is a NumPy dtype, which is how
        ``np.zeros(3, dtype=mi.dtype("int8"))`` works.  minind does not
        import NumPy for it: only a program that has loaded NumPy gets an
        answer (else AttributeError, as for an object with no ``.dtype``).
        """
        numpy = sys.modules.get("numpy")
        if numpy is None:
            raise AttributeError("'dtype' object has no attribute 'dtype' "
                                 "(NumPy is not loaded)")
        return numpy.dtype(self.str)

    @property
    def alignment(self):
        return self.itemsize

    @property
    def byteorder(self):
        # NumPy: '=' native, '|' not applicable (single byte).
        return "|" if self.itemsize == 1 else "="

    @property
    def ndim(self):
        return 0

    @property
    def shape(self):
        return ()

    @property
    def isnative(self):
        return True

    @property
    def descr(self):
        return [("", self.str)]

    def __repr__(self):
        return f"dtype('{self.name}')"

    def __str__(self):
        return self.name

    def __hash__(self):
        return hash(("minind.dtype", self.type_index))

    def __eq__(self, other):
        # Any spelling that names this dtype compares equal, as in NumPy:
        # mi.float64 == "f8" == float == np.float64 == np.dtype("<f8").
        if isinstance(other, Descr):
            return self is other
        try:
            return as_dtype(other) is self
        except (TypeError, ValueError):
            return False

    def __ne__(self, other):
        return not self.__eq__(other)

    def __reduce__(self):
        return (dtype, (self.name,))


class dtype(Descr):
    """dtype(obj) -> the dtype named by ``obj``.

    Accepts a dtype, a name (``"float32"``), a type code (``"f4"``,
    ``"<f8"``, ``"i8"``, ``"?"``), Python's ``bool``, ``int``, ``float``,
    ``None`` (float64, as NumPy), and NumPy dtypes or scalar types.
    Unknown spellings raise TypeError ("data type 'x' not understood").
    """
    __slots__ = ()

    def __new__(cls, obj, align=False, copy=False):
        return as_dtype(obj)


_SUPPORTED = ", ".join(entry[0] for entry in _TABLE)

cdef list _descrs = []
cdef dict _by_spelling = {}


def _build_table():
    for index, (name, kind, char, itemsize) in enumerate(_TABLE):
        d = Descr.__new__(dtype)
        (<Descr>d).type_index = index
        (<Descr>d).itemsize = itemsize
        (<Descr>d).name = name
        (<Descr>d).kind = kind
        (<Descr>d).char = char
        order = "|" if itemsize == 1 else _endian
        (<Descr>d).str = f"{order}{kind}{itemsize}"
        (<Descr>d).format = char.encode("ascii")
        _descrs.append(d)
        _by_spelling[name] = d
        _add_codes(d, (char, f"{kind}{itemsize}"))
    aliases = {
        "bool_": "bool", "float": "float64",
        "double": "float64", "single": "float32", "int": "int64",
        "int_": "int64", "intp": "int64", "long": "int64",
        "longlong": "int64", "uint": "uint64", "uintp": "uint64",
        "ulong": "uint64", "ulonglong": "uint64", "byte": "int8",
        "ubyte": "uint8", "short": "int16", "ushort": "uint16",
        "intc": "int32", "uintc": "uint32", "q": "int64", "Q": "uint64",
    }
    for alias, name in aliases.items():
        _by_spelling.setdefault(alias, _by_spelling[name])
    # Type codes: also with a byte-order prefix.  '=', '|' and the native
    # one ('<' here) all mean native; a 1-byte type has no byte order, so
    # any prefix goes.
    codes = {"int64": "lqpn", "uint64": "LQPN"}
    for name, chars in codes.items():
        _add_codes(_by_spelling[name], tuple(chars))


def _add_codes(d, codes):
    for code in codes:
        prefixes = ("", "=", "|", _endian)
        if (<Descr>d).itemsize == 1:
            prefixes += ("<", ">")
        for prefix in prefixes:
            _by_spelling.setdefault(prefix + code, d)


# Names NumPy 2 removed; NumPy explains rather than "not understood".
_REMOVED_ALIASES = ("int0", "uint0", "bool8", "object0", "str0", "bytes0",
                    "void0")


_build_table()

# The scalar types (mi.float64...), in TypeIndex order, and the dtype each
# spells; _scalar.pyx, which is built on this module, registers them.
cdef tuple _scalar_types = ()
cdef dict _by_scalar_type = {}


def _register_scalar_types(tuple types):
    global _scalar_types
    _scalar_types = types
    for index, scalar_type in enumerate(types):
        _by_scalar_type[scalar_type] = _descrs[index]


cdef Descr descr_of(int type_index):
    return <Descr>_descrs[type_index]


cpdef Descr as_dtype(object obj):
    """Resolve any accepted dtype spelling to its unique dtype object.

    An object that is no spelling but has a ``dtype`` attribute holding a
    dtype (a NumPy scalar such as ``np.float64(1)``) names that dtype.
    The attribute is followed once, and must hold a dtype object, not
    another spelling: an object whose ``.dtype`` is another such object
    (a mock answers every attribute with a new mock) would otherwise
    recurse without end.  NumPy: ``_convert_from_any`` in descriptor.c,
    which follows ``.dtype`` one level deep in the same way.
    """
    cdef Descr found = _from_spelling(obj)
    if found is not None:
        return found
    if (not isinstance(obj, type) and hasattr(obj, "dtype")
            and type(obj).__name__ not in ("ndarray", "MiniArray")):
        # Arrays do not count as dtype spellings (NumPy refuses them too).
        value = obj.dtype
        if _is_dtype_object(value):
            return _from_spelling(value)
        raise ValueError(f"Could not convert {obj!r} to a dtype (via "
                         f"`.dtype` value {value!r}).")
    raise TypeError(f"Cannot interpret '{obj!r}' as a data type")


cdef bint _is_dtype_object(object obj):
    """A minind dtype, or a NumPy one (duck-typed: numpy is not imported
    here)."""
    if isinstance(obj, Descr):
        return True
    return (not isinstance(obj, type)
            and (getattr(type(obj), "__module__", "") or "").startswith(
                "numpy")
            and isinstance(getattr(obj, "str", None), str))


cdef Descr _from_spelling(object obj):
    """The dtype ``obj`` spells, without following ``.dtype``; None if
    ``obj`` is no spelling (TypeError for a spelling minind lacks)."""
    if isinstance(obj, Descr):
        return <Descr>obj
    if obj is None:
        return <Descr>_descrs[T_FLOAT64]
    if obj is bool:
        return <Descr>_descrs[T_BOOL]
    if obj is int:
        return <Descr>_descrs[T_INT64]
    if obj is float:
        return <Descr>_descrs[T_FLOAT64]
    if isinstance(obj, type):
        found = _by_scalar_type.get(obj)    # mi.float64, the scalar type
        if found is not None:
            return <Descr>found
    if isinstance(obj, bytes):
        obj = obj.decode("ascii", "replace")
    if isinstance(obj, str):
        found = _by_spelling.get(obj)
        if found is None:
            if obj in _REMOVED_ALIASES:
                raise TypeError(f"Alias {obj!r} was removed in NumPy 2.0. "
                                "Use a name without a digit at the end.")
            raise TypeError(f"data type {obj!r} not understood")
        return <Descr>found
    # Duck-typed NumPy objects.  A NumPy dtype has a ``.str`` such as
    # '<f8' (byte order included, so '>f8' is refused); a NumPy scalar
    # type (np.float64, np.bool_) is a class whose __name__ is the name.
    module = getattr(type(obj), "__module__", "") or ""
    if module.startswith("numpy"):
        typestr = getattr(obj, "str", None)
        if isinstance(typestr, str):
            found = _by_spelling.get(typestr)
            if found is None:
                raise TypeError(
                    f"minind does not support data type {typestr!r} "
                    f"(supported: {_SUPPORTED} in native byte order)")
            return <Descr>found
    if isinstance(obj, type):
        name = obj.__name__
        if (obj.__module__ or "").startswith("numpy"):
            found = _by_spelling.get(name)
            if found is not None:
                return <Descr>found
            raise TypeError(f"minind does not support data type {name!r}")
    return None


# ---------------------------------------------------------------------------
# Promotion
# ---------------------------------------------------------------------------

def promote_types(type1, type2):
    """The smallest dtype both arguments can be safely cast to.

    NumPy: ``np.promote_types``.  The rules, for the dtypes minind has:
    bool promotes to anything; same kind takes the larger; a signed and an
    unsigned integer need a signed type wider than the unsigned one (so
    uint64 with any signed type gives float64); an integer with a float
    needs a float that holds the integer exactly (float32 for 8- and
    16-bit integers, float64 beyond).
    """
    return descr_of(promote_index(_explicit_dtype(type1).type_index,
                                  _explicit_dtype(type2).type_index))


cdef Descr _explicit_dtype(object obj):
    # dtype(None) is float64, but promote_types/can_cast refuse None.
    if obj is None:
        raise TypeError("Cannot interpret 'None' as a data type")
    if not isinstance(obj, type) and hasattr(obj, "shape") and hasattr(
            obj, "dtype"):
        return as_dtype(obj.dtype)      # an array: its dtype
    return as_dtype(obj)


cdef inline bint _is_signed(int t) noexcept:
    return t == T_INT8 or t == T_INT16 or t == T_INT32 or t == T_INT64


cdef inline bint _is_float(int t) noexcept:
    return t == T_FLOAT32 or t == T_FLOAT64


cdef int _signed_of_size(Py_ssize_t itemsize) noexcept:
    if itemsize == 1:
        return T_INT8
    if itemsize == 2:
        return T_INT16
    if itemsize == 4:
        return T_INT32
    return T_INT64


cpdef int promote_index(int a, int b) except -1:
    """promote_types on TypeIndex values (C callers use this one): a
    lookup in ``_PROMOTION``, filled at import from ``_promotion_rule``."""
    if not (0 <= a < N_TYPES and 0 <= b < N_TYPES):
        raise ValueError(f"invalid type index {a} or {b}")
    return _PROMOTION[a][b]


cpdef int promote_sequence(list indices) except -1:
    """The dtype many dtypes promote to together, as NumPy 2 finds it
    (``PyArray_PromoteDTypeSequence``).

    Pairwise promotion is not associative: folding int8, uint16, float32
    from the left gives int32 and then float64, yet float32 holds every
    value of all three.  NumPy picks a "main" dtype, the one with the
    highest type number (``TypeIndex`` follows that order), promotes it
    with each other dtype, and promotes those results together: float32
    with int8 and with uint16 is float32 both times.
    """
    cdef int main = -1, result = -1, index, paired
    for index in indices:
        if not 0 <= index < N_TYPES:
            raise ValueError(f"invalid type index {index}")
        main = max(main, index)
    if main < 0:
        raise ValueError("at least one dtype is required")
    for index in indices:
        if index == main:
            continue
        paired = _PROMOTION[main][index]
        result = paired if result < 0 else _PROMOTION[result][paired]
    return main if result < 0 else result


cdef int _promotion_rule(int a, int b) except -1:
    """The result of promoting two dtypes, as NumPy 2 defines it."""
    cdef Descr da = descr_of(a), db = descr_of(b)
    if a == b or b == T_BOOL:
        return a
    if a == T_BOOL:
        return b
    cdef Descr signed, unsigned
    if _is_float(a) or _is_float(b):
        # The float must hold every value of the other operand exactly:
        # float32 holds integers of up to 16 bits, float64 the rest.
        if (a == T_FLOAT64 or b == T_FLOAT64
                or (not _is_float(a) and da.itemsize > 2)
                or (not _is_float(b) and db.itemsize > 2)):
            return T_FLOAT64
        return T_FLOAT32
    if _is_signed(a) == _is_signed(b):
        return a if da.itemsize >= db.itemsize else b
    signed, unsigned = (da, db) if _is_signed(a) else (db, da)
    if signed.itemsize > unsigned.itemsize:
        return signed.type_index
    if unsigned.itemsize == 8:
        return T_FLOAT64
    return _signed_of_size(unsigned.itemsize * 2)


def can_cast(from_, to, casting="safe"):
    """Whether a cast between two dtypes is allowed under ``casting``.

    "no"/"equiv": same dtype; "safe": every value survives (i.e. promoting
    ``from_`` with ``to`` gives ``to``); "same_kind": safe, or within or
    up the kind order b < u < i < f (so int8 -> uint8 is not, uint64 ->
    int8 is, as in NumPy); "unsafe": always.
    """
    cdef Descr src, dst
    try:
        src, dst = _explicit_dtype(from_), _explicit_dtype(to)
    except ValueError:
        # An object whose .dtype is no dtype: NumPy's can_cast, stricter
        # than dtype(), calls that a type it does not understand.
        raise TypeError("did not understand one of the types") from None
    return can_cast_index(src.type_index, dst.type_index, casting)


# Kinds in "same_kind" order: a cast may stay in its kind or move right.
_KIND_ORDER = {"b": 0, "u": 1, "i": 2, "f": 3}


cpdef bint can_cast_index(int src, int dst, object casting) except -1:
    """can_cast on TypeIndex values: lookups in tables filled at import
    from ``_cast_rule`` (the ufunc machinery asks this on every call)."""
    if not (0 <= src < N_TYPES and 0 <= dst < N_TYPES):
        raise ValueError(f"invalid type index {src} or {dst}")
    if casting == "safe":
        return _SAFE_CAST[src][dst]
    if casting == "same_kind":
        return _SAME_KIND_CAST[src][dst]
    if not isinstance(casting, str):
        raise TypeError(f"casting must be str, not {type(casting).__name__}")
    if casting == "no" or casting == "equiv":
        return src == dst
    if casting == "unsafe":
        return True
    raise ValueError("casting must be one of 'no', 'equiv', 'safe', "
                     f"'same_kind', 'unsafe' (got {casting!r})")


cdef bint _cast_rule(int src, int dst, bint same_kind) except -1:
    """"safe": promoting ``src`` with ``dst`` gives ``dst`` (every value
    survives); "same_kind": safe, or a cast within or up the kind order."""
    if _PROMOTION[src][dst] == dst:
        return True
    return same_kind and (_KIND_ORDER[descr_of(src).kind]
                          <= _KIND_ORDER[descr_of(dst).kind])


# The promotion and casting tables (N_TYPES x N_TYPES), from the rules.
cdef int _PROMOTION[N_TYPES][N_TYPES]
cdef bint _SAFE_CAST[N_TYPES][N_TYPES]
cdef bint _SAME_KIND_CAST[N_TYPES][N_TYPES]


cdef int _fill_tables() except -1:
    cdef int a, b
    for a in range(<int>N_TYPES):
        for b in range(<int>N_TYPES):
            _PROMOTION[a][b] = _promotion_rule(a, b)
    for a in range(<int>N_TYPES):
        for b in range(<int>N_TYPES):
            _SAFE_CAST[a][b] = _cast_rule(a, b, False)
            _SAME_KIND_CAST[a][b] = _cast_rule(a, b, True)
    return 0


# ---------------------------------------------------------------------------
# One item between Python and memory
# ---------------------------------------------------------------------------

cdef union Item:
    # One element of any supported type.  Items are moved between memory
    # and this union with memcpy: an element of a view made by as_strided
    # may sit at an address that is not a multiple of its size, and a
    # typed load from such an address is undefined behaviour in C (memcpy
    # of a fixed size compiles to the same single load where that is
    # allowed, as on x86).
    uint8_t u8
    int8_t i8
    uint16_t u16
    int16_t i16
    uint32_t u32
    int32_t i32
    uint64_t u64
    int64_t i64
    float f32
    double f64


cdef object get_item(Descr dtype, const char* ptr):
    """Read the item at ``ptr`` as a Python bool, int or float: what
    ``item()`` and ``tolist()`` give (indexing gives a scalar of the
    dtype instead, ``get_scalar`` in _scalar.pyx).
    """
    cdef int t = dtype.type_index
    cdef Item item
    memcpy(&item, ptr, dtype.itemsize)
    if t == T_FLOAT64:
        return item.f64
    if t == T_INT64:
        return item.i64
    if t == T_BOOL:
        return item.u8 != 0
    if t == T_FLOAT32:
        return <double>item.f32
    if t == T_INT32:
        return item.i32
    if t == T_INT8:
        return item.i8
    if t == T_UINT8:
        return item.u8
    if t == T_INT16:
        return item.i16
    if t == T_UINT16:
        return item.u16
    if t == T_UINT32:
        return item.u32
    return item.u64


# The value range of each integer type, for NumPy's out-of-bounds error.
cdef object _INT_BOUNDS = {
    T_INT8: (-2**7, 2**7 - 1), T_UINT8: (0, 2**8 - 1),
    T_INT16: (-2**15, 2**15 - 1), T_UINT16: (0, 2**16 - 1),
    T_INT32: (-2**31, 2**31 - 1), T_UINT32: (0, 2**32 - 1),
    T_INT64: (-2**63, 2**63 - 1), T_UINT64: (0, 2**64 - 1),
}


cdef object _as_python_number(object value, int t):
    """Reduce ``value`` to a Python bool, int or float for type ``t``, as
    NumPy's per-type setitem does.

    Numbers pass through.  Array-likes (minind or NumPy arrays, NumPy
    scalars) give their single element if 0-d, else raise NumPy's
    "setting an array element with a sequence".  Anything else is
    converted the way NumPy converts it: its truth value for bool,
    ``float(value)`` for floats, ``int(value)`` for integers (so a string
    "12" works and a list raises Python's TypeError), except that objects
    with ``__float__`` but no ``__index__`` are truncated like floats.
    """
    if PyLong_Check(value) or PyFloat_Check(value):
        return value
    if _has_array_interface(value):
        if getattr(value, "ndim", None) == 0:
            # One step down, never more: an object whose item() is again
            # array-like would otherwise recurse without end.
            value = value.item()
            if _has_array_interface(value):
                raise TypeError(f"item() of a 0-d array gave "
                                f"{type(value).__name__}, not a number")
            return _as_python_number(value, t)
        if t == T_BOOL and getattr(value, "size", 0) == 1:
            return bool(value)    # NumPy asks a 1-element array its truth
        raise ValueError("setting an array element with a sequence.")
    if t == T_BOOL:
        return bool(value)
    if t == T_FLOAT32 or t == T_FLOAT64:
        if isinstance(value, (list, tuple)):
            raise ValueError("setting an array element with a sequence.")
        if value is None:
            return float("nan")   # NumPy stores None in a float as NaN
        return float(value)
    if PyIndex_Check(value):
        return operator.index(value)
    if hasattr(type(value), "__float__") and not isinstance(value, str):
        return float(value)
    return int(value)


cdef inline bint _has_array_interface(object value):
    """Arrays and NumPy scalars (np.int64(-1)) carry an array interface.
    The type is asked, as NumPy asks it, so that a test double's
    ``__getattr__`` cannot claim to be an array."""
    return hasattr(type(value), "__array_interface__")


cdef inline bint _is_numpy_scalar(object value):
    # np.int64(-1), np.float64(2.5): numbers that carry an array interface.
    return _has_array_interface(value)


cdef int set_item(Descr dtype, char* ptr, object value) except -1:
    """Store a Python value at ``ptr`` with NumPy's scalar assignment rules.

    Python ints must fit the integer type (else OverflowError "Python
    integer 300 out of bounds for int8"); floats going into an integer type
    are truncated toward zero and NaN/inf raise ValueError/OverflowError;
    anything into bool is its truth value.
    """
    cdef int t = dtype.type_index
    cdef double d
    cdef int before
    cdef bint deferred
    number = _as_python_number(value, t)
    cdef Item item
    if t == T_BOOL:
        item.u8 = 1 if number else 0
        memcpy(ptr, &item, 1)
        return 0
    if t == T_FLOAT64 or t == T_FLOAT32:
        d = number   # float(int) raises OverflowError for huge ints
        if t == T_FLOAT64:
            item.f64 = d
            memcpy(ptr, &item, 8)
            return 0
        # A double too large for float32 is inf and NumPy's warning
        # (_fperr.pyx): "overflow encountered in cast"; inside a
        # reduction, the reduction's.
        deferred = casts_deferred()
        before = 0 if deferred else begin_cast()
        fp_barrier(&d)
        item.f32 = <float>d
        memcpy(ptr, &item, 4)
        return 0 if deferred else end_cast(before)
    if PyFloat_Check(number):
        d = number
        if isnan(d):
            raise ValueError("cannot convert float NaN to integer")
        if isinf(d):
            raise OverflowError("cannot convert float infinity to integer")
        number = int(d)
    low, high = _INT_BOUNDS[t]
    unsigned = t in (T_UINT8, T_UINT16, T_UINT32, T_UINT64)
    if not (-2**63 <= number < 2**63) and not (
            (t == T_UINT64 or t == T_UINT32 or _is_numpy_scalar(value))
            and unsigned and 0 <= number < 2**64):
        # NumPy first converts to C long (C unsigned long for the 32- and
        # 64-bit unsigned types), with Python's message when that fails.
        raise OverflowError("Python int too large to convert to C long")
    if unsigned and _is_numpy_scalar(value):
        # Python's own numbers (and strings) are range-checked (NEP 50);
        # NumPy scalars going into an unsigned type wrap as a C cast does:
        # np.int64(-1) -> 255 for uint8.
        number %= high + 1
    if not (low <= number <= high):
        raise OverflowError(
            f"Python integer {number} out of bounds for {dtype.name}")
    if t == T_INT64:
        item.i64 = <int64_t>number
    elif t == T_INT32:
        item.i32 = <int32_t>number
    elif t == T_INT8:
        item.i8 = <int8_t>number
    elif t == T_UINT8:
        item.u8 = <uint8_t>number
    elif t == T_INT16:
        item.i16 = <int16_t>number
    elif t == T_UINT16:
        item.u16 = <uint16_t>number
    elif t == T_UINT32:
        item.u32 = <uint32_t>number
    else:
        item.u64 = <uint64_t>number
    memcpy(ptr, &item, dtype.itemsize)
    return 0


_fill_tables()
