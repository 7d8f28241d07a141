"""minind's dtypes against NumPy's: spellings, attributes, comparison,
hashing, repr, promotion, casting rules and pickling.

NumPy is the oracle for every expectation.  The spellings are generated
rather than hand-picked: every type character NumPy knows, every
kind+size code, every name in ``np.sctypeDict``, each with every byte-order
prefix, plus Python types, NumPy scalar types and NumPy dtypes.  Each one
falls in one of three classes, decided by NumPy:

* NumPy resolves it to one of minind's eleven dtypes in native byte order:
  ``mi.dtype(x)`` must be that very object (``mi.dtype(x) is mi.float64``);
* NumPy resolves it to a dtype minind does not have (float16, complex,
  strings, big-endian...): minind raises TypeError naming the type;
* NumPy refuses it: minind raises the same exception class (and, for
  strings, the same message).
"""
import copy
import pickle
import re
import warnings

import numpy as np
import pytest
from hypothesis import given, strategies as st

import minind as mi
from strategies import DTYPE_NAMES, NP_DTYPES


def mi_dtype_named(name):
    """The minind dtype object for a NumPy dtype name.  It is also what
    the scalar type of that name spells (``mi.dtype(mi.bool_)``)."""
    found = mi.dtype(name)
    assert mi.dtype(getattr(mi, "bool_" if name == "bool" else name)) is (
        found)
    return found


def np_resolve(obj):
    """``np.dtype(obj)``, or the exception NumPy raises.  Deprecated
    aliases ('a') warn; the warning is not what is tested."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return np.dtype(obj), None
        except Exception as exc:  # noqa: BLE001 - the oracle's exception
            return None, exc


def np_supported(obj):
    """True when NumPy resolves ``obj`` to one of minind's dtypes."""
    resolved, _ = np_resolve(obj)
    return (resolved is not None and resolved.isnative
            and resolved.name in DTYPE_NAMES)


# ---------------------------------------------------------------------------
# Every spelling and object to try
# ---------------------------------------------------------------------------

_PREFIXES = ["", "=", "<", ">", "|"]
# Type codes: every character NumPy knows and every kind+size code, each
# with every byte-order prefix.
_CODES = sorted(set(np.typecodes["All"])
                | {kind + str(size) for kind in "biufcSUVOMm"
                   for size in (0, 1, 2, 3, 4, 8, 16)}
                | {"M8[ns]", "m8[s]", "S3", "U5", "V8", "a4"})
# Names: every name NumPy's sctypeDict knows, aliases NumPy 2 removed,
# and names with a byte-order prefix (which NumPy refuses).
_NAMES = sorted(
    {key for key in np.sctypeDict if isinstance(key, str)}
    | {"bool_", "int0", "uint0", "bool8", "float_", "complex_", "string_",
       "unicode_", "object0", "void0", "str0", "bytes0", "longfloat",
       "singlecomplex", "cfloat", "longcomplex", "clongfloat",
       "datetime64[D]", "<float64", "=int32", "|bool", ">uint8", "<int"})
# Spellings NumPy does not accept at all (junk, wrong case, whitespace,
# structured/subarray syntax).
_JUNK = ["", "abc", "foo", "F8", "Float64", "FLOAT", "INT", " f8", "f8 ",
         "float64 ", "int32\n", "f8,", "<", ">", "=", "|", "f8f8",
         "float6", "nan", "None", "none", "Bool", "ff8", "<<f8",
         "i8\x00", "\u00e9", "float64" * 50]

STRINGS = sorted({prefix + code for prefix in _PREFIXES for code in _CODES}
                 | set(_NAMES) | set(_JUNK))


class _HasDtype:
    """An arbitrary object with a ``dtype`` attribute: NumPy uses it."""

    def __init__(self, dtype):
        self.dtype = dtype

    def __repr__(self):
        return f"_HasDtype({self.dtype!r})"


_ABSTRACT_SCALAR_TYPES = [np.generic, np.number, np.integer,
                          np.signedinteger, np.unsignedinteger, np.floating,
                          np.inexact, np.complexfloating, np.flexible,
                          np.character]
_SCALAR_TYPES = sorted(
    {t for t in np.sctypeDict.values()}
    | {np.bool_, np.intp, np.uintp, np.intc, np.uintc, np.byte, np.ubyte,
       np.short, np.ushort, np.long, np.ulong, np.longlong, np.ulonglong,
       np.half, np.single, np.double, np.longdouble},
    key=lambda t: t.__name__)
_NUMPY_DTYPES = (
    list(NP_DTYPES)
    + [d.newbyteorder("S") for d in NP_DTYPES]      # swapped byte order
    + [d.newbyteorder("<") for d in NP_DTYPES]
    + [d.newbyteorder(">") for d in NP_DTYPES]
    + [np.dtype(code) for code in ("f2", "g", "c8", "c16", "S3", "U2",
                                   "V4", "O", "M8[s]", "m8[ns]")]
    + [np.dtype("f8,i4"), np.dtype(("f8", (2,))), np.dtype([])])
_DTYPE_CLASSES = [type(np.dtype(name)) for name in DTYPE_NAMES] + [
    type(np.dtype("f2")), type(np.dtype("O"))]
_SCALARS = ([np.dtype(name).type(1) for name in DTYPE_NAMES]
            + [np.float16(1), np.complex128(1j), np.str_("x")])

OBJECTS = (
    [bool, int, float, None, complex, str, bytes, object, memoryview,
     list, dict, type, 3, 3.5, 1j, True, [], (), {}, object(), b"f8",
     b"int32", ("f8", (2,)), [("a", "f8")],
     {"names": ["a"], "formats": ["f8"]}, np.zeros(2), np.zeros(()),
     _HasDtype(np.dtype("int32")), _HasDtype(np.dtype("f2"))]
    + _ABSTRACT_SCALAR_TYPES + _SCALAR_TYPES + _NUMPY_DTYPES
    + _DTYPE_CLASSES + _SCALARS)


def _ids(value):
    """A stable test id (no memory addresses)."""
    return re.sub(r" at 0x[0-9a-f]+", "", repr(value))[:60]


SUPPORTED = [x for x in STRINGS + OBJECTS if np_supported(x)]
UNSUPPORTED = [x for x in STRINGS + OBJECTS
               if np_resolve(x)[0] is not None and not np_supported(x)]
REFUSED = [x for x in STRINGS + OBJECTS if np_resolve(x)[0] is None]


def test_the_spellings_cover_every_dtype():
    """Sanity check of the generated lists themselves."""
    names = {np.dtype(x).name for x in SUPPORTED}
    assert names == set(DTYPE_NAMES)
    assert len(SUPPORTED) > 150 and UNSUPPORTED and REFUSED


# ---------------------------------------------------------------------------
# Resolving spellings
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("spelling", SUPPORTED, ids=_ids)
def test_resolves_like_numpy(spelling):
    expected, _ = np_resolve(spelling)
    resolved = mi.dtype(spelling)
    assert resolved.name == expected.name
    assert resolved is mi_dtype_named(expected.name)
    assert resolved is mi.dtype(resolved)          # idempotent


@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_resolves_named_objects(name):
    """The name, the minind object, the NumPy dtype and scalar type, and
    the spellings ``.str`` / ``.char`` NumPy reports, all give one object."""
    np_dtype = np.dtype(name)
    expected = mi_dtype_named(name)
    for spelling in (name, expected, np_dtype, np_dtype.type, np_dtype.str,
                     np_dtype.char, f"{np_dtype.kind}{np_dtype.itemsize}",
                     "=" + np_dtype.char, np_dtype.newbyteorder("=")):
        assert mi.dtype(spelling) is expected, spelling


@pytest.mark.parametrize("obj", [bool, int, float, None], ids=_ids)
def test_python_types_and_none(obj):
    assert mi.dtype(obj) is mi_dtype_named(np.dtype(obj).name)


@pytest.mark.parametrize("spelling", UNSUPPORTED, ids=_ids)
def test_numpy_types_minind_lacks_raise_typeerror(spelling):
    """NumPy has these types, minind does not: TypeError naming the type."""
    with pytest.raises(TypeError) as info:
        mi.dtype(spelling)
    message = str(info.value)
    if isinstance(spelling, str):
        candidates = [spelling]
    elif isinstance(spelling, np.dtype):
        candidates = [spelling.str, spelling.name]
    elif isinstance(spelling, type):
        candidates = [spelling.__name__]
    elif hasattr(spelling, "dtype"):  # a NumPy scalar or the like
        candidates = [type(spelling).__name__, spelling.dtype.str,
                      spelling.dtype.name]
    else:   # structured and subarray spellings: the value itself
        candidates = [repr(spelling)]
    assert any(c in message for c in candidates), (candidates, message)


@pytest.mark.parametrize("spelling", REFUSED, ids=_ids)
def test_refused_like_numpy(spelling):
    """What NumPy refuses, minind refuses with the same exception class;
    for strings NumPy's message ("data type 'x' not understood") too."""
    _, expected = np_resolve(spelling)
    with pytest.raises(Exception) as info:
        mi.dtype(spelling)
    assert type(info.value) is type(expected)
    if isinstance(spelling, str):
        assert str(info.value) == str(expected)


@pytest.mark.parametrize("obj", [3, 3.5, object(), 1j], ids=_ids)
def test_refused_message_for_values(obj):
    _, expected = np_resolve(obj)
    with pytest.raises(type(expected), match="^Cannot interpret") as info:
        mi.dtype(obj)
    assert str(info.value) == str(expected)


def test_array_is_not_a_dtype():
    _, expected = np_resolve(np.zeros(2))
    with pytest.raises(type(expected)):
        mi.dtype(mi.zeros(2))


def test_align_argument():
    for name in DTYPE_NAMES:
        assert (mi.dtype(name, align=True).name
                == np.dtype(name, align=True).name)
        assert mi.dtype(name, align=True) is mi_dtype_named(name)


def test_module_aliases():
    """mi.intp etc. are the scalar types NumPy's aliases are."""
    for alias in ("intp", "uintp", "int_", "double", "single", "bool_",
                  "bool"):
        scalar_type = getattr(mi, alias)
        assert scalar_type.__name__ == getattr(np, alias).__name__
        assert mi.dtype(scalar_type) is mi.dtype(alias)
        assert mi.dtype(alias).name == np.dtype(alias).name
        assert mi.dtype(alias).type is scalar_type


# ---------------------------------------------------------------------------
# Attributes, repr, str
# ---------------------------------------------------------------------------

ATTRIBUTES = ["name", "itemsize", "kind", "char", "str", "alignment",
              "byteorder", "ndim", "shape", "isnative", "descr"]


@pytest.mark.parametrize("name", DTYPE_NAMES)
@pytest.mark.parametrize("attribute", ATTRIBUTES)
def test_attributes_equal_numpy(name, attribute):
    got = getattr(mi.dtype(name), attribute)
    expected = getattr(np.dtype(name), attribute)
    assert got == expected
    assert type(got) is type(expected)


@pytest.mark.parametrize("name", DTYPE_NAMES)
@pytest.mark.parametrize("attribute", ["name", "itemsize", "kind", "char",
                                       "str", "alignment", "byteorder"])
def test_attributes_are_read_only(name, attribute):
    """The dtypes are shared singletons: they must not be mutable."""
    value = getattr(mi.dtype(name), attribute)
    with pytest.raises(AttributeError) as expected:
        setattr(np.dtype(name), attribute, value)
    with pytest.raises(type(expected.value)):
        setattr(mi.dtype(name), attribute, value)
    assert getattr(mi.dtype(name), attribute) == value


@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_repr_str_format(name):
    m, n = mi.dtype(name), np.dtype(name)
    assert repr(m) == repr(n)
    assert str(m) == str(n)
    assert format(m) == format(n)
    assert f"{m}" == f"{n}"
    assert isinstance(m, mi.dtype)


# ---------------------------------------------------------------------------
# Equality and hashing
# ---------------------------------------------------------------------------

EQUALITY_OPERANDS = STRINGS + OBJECTS + [mi_dtype_named(n)
                                         for n in DTYPE_NAMES]


def _spellings_of(name):
    n = np.dtype(name)
    return [name, n, n.type, n.str, n.char, mi_dtype_named(name)]


def _np_operand(x):
    """The NumPy counterpart of an operand (a minind dtype -> NumPy's)."""
    return np.dtype(x.name) if isinstance(x, mi.dtype) else x


@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_equality_with_every_spelling(name):
    """``mi.dtype(name) == x`` and ``!=`` agree with NumPy's dtype for
    every spelling, junk included (NumPy never raises here)."""
    m, n = mi.dtype(name), np.dtype(name)
    wrong = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for x in EQUALITY_OPERANDS:
            y = _np_operand(x)
            eq, ne = (n == y), (n != y)
            if type(eq) is not bool:
                # NumPy arrays compare elementwise: not dtype equality.
                continue
            if (m == x) is not eq or (m != x) is not ne:
                wrong.append((x, eq, m == x, ne, m != x))
    assert not wrong, wrong


@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_reflected_equality(name):
    """``x == dtype`` with x a string, None, a type or a NumPy dtype."""
    m, n = mi.dtype(name), np.dtype(name)
    wrong = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for x in (STRINGS + [None, bool, int, float, complex, object]
                  + _NUMPY_DTYPES):
            if (x == m) is not (x == n) or (x != m) is not (x != n):
                wrong.append((x, x == n, x == m))
    assert not wrong, wrong


def test_equality_between_dtypes():
    for a in DTYPE_NAMES:
        for b in DTYPE_NAMES:
            assert (mi.dtype(a) == mi.dtype(b)) is (np.dtype(a)
                                                   == np.dtype(b))
            assert (mi.dtype(a) != mi.dtype(b)) is (np.dtype(a)
                                                   != np.dtype(b))
            # across libraries, both directions
            assert (mi.dtype(a) == np.dtype(b)) is (a == b)
            assert (np.dtype(a) == mi.dtype(b)) is (a == b)


def test_hash_consistent_with_equality():
    """Dtypes that compare equal hash equal, however they were spelled:
    so a dtype is a usable dict key whatever spelled it."""
    spellings = [x for name in DTYPE_NAMES for x in _spellings_of(name)]
    resolved = [mi.dtype(x) for x in spellings]
    for a in resolved:
        for b in resolved:
            if a == b:
                assert hash(a) == hash(b)
    table = {mi.dtype(name): name for name in DTYPE_NAMES}
    assert len(table) == len(DTYPE_NAMES)
    for x in spellings:
        assert table[mi.dtype(x)] == np.dtype(_np_operand(x)).name


def test_hash_stable_over_pickling():
    for name in DTYPE_NAMES:
        d = mi.dtype(name)
        assert hash(pickle.loads(pickle.dumps(d))) == hash(d)


# ---------------------------------------------------------------------------
# Promotion and casting
# ---------------------------------------------------------------------------

PAIRS = [(a, b) for a in DTYPE_NAMES for b in DTYPE_NAMES]


@pytest.mark.parametrize("a, b", PAIRS)
def test_promote_types_all_pairs(a, b):
    expected = np.promote_types(a, b)
    got = mi.promote_types(a, b)
    assert got.name == expected.name
    assert got is mi_dtype_named(expected.name)
    # The arguments may be any spelling.
    assert mi.promote_types(mi.dtype(a), np.dtype(b)) is got
    assert mi.promote_types(np.dtype(a).type, np.dtype(b).str) is got


@given(st.sampled_from(DTYPE_NAMES).flatmap(
           lambda a: st.sampled_from(_spellings_of(a))),
       st.sampled_from(DTYPE_NAMES).flatmap(
           lambda b: st.sampled_from(_spellings_of(b))))
def test_promote_types_any_spelling(x, y):
    expected = np.promote_types(_np_operand(x), _np_operand(y))
    assert mi.promote_types(x, y).name == expected.name


@pytest.mark.parametrize("a, b", [(None, "i1"), ("i1", None), ("foo", "i1"),
                                  ("i1", 3), (object(), "f8"),
                                  ("f8", "abc")], ids=_ids)
def test_promote_types_errors(a, b):
    with pytest.raises(Exception) as expected:
        np.promote_types(a, b)
    with pytest.raises(type(expected.value)):
        mi.promote_types(a, b)


CASTINGS = ["no", "equiv", "safe", "same_kind", "unsafe"]


@pytest.mark.parametrize("casting", CASTINGS)
def test_can_cast_all_pairs(casting):
    wrong = []
    for a, b in PAIRS:
        expected = np.can_cast(a, b, casting)
        got = mi.can_cast(a, b, casting)
        if got is not expected:
            wrong.append((a, b, expected, got))
        assert mi.can_cast(from_=mi.dtype(a), to=np.dtype(b),
                           casting=casting) is got
    assert not wrong, wrong


def test_can_cast_default_is_safe():
    for a, b in PAIRS:
        assert mi.can_cast(a, b) is np.can_cast(a, b)


@pytest.mark.parametrize("casting", ["bogus", "SAFE", "Safe", "", "unsafe ",
                                     "same-kind", None, 3],
                         ids=_ids)
@pytest.mark.parametrize("a, b", [("f8", "f4"), ("f8", "f8"), ("i1", "i8"),
                                  ("?", "u8")])
def test_can_cast_bad_casting(a, b, casting):
    with pytest.raises(Exception) as expected:
        np.can_cast(a, b, casting)
    with pytest.raises(type(expected.value)) as got:
        mi.can_cast(a, b, casting)
    if isinstance(expected.value, ValueError):
        assert str(got.value) == str(expected.value)


@pytest.mark.parametrize("value", [3, 3.5, True, 1j, "foo", None, object()],
                         ids=_ids)
def test_can_cast_bad_source(value):
    with pytest.raises(Exception) as expected:
        np.can_cast(value, "f8")
    with pytest.raises(type(expected.value)):
        mi.can_cast(value, "f8")


@pytest.mark.parametrize("casting", CASTINGS)
def test_can_cast_from_array(casting):
    """NumPy accepts an array as ``from_`` and uses its dtype."""
    for a, b in PAIRS:
        assert (mi.can_cast(mi.zeros(2, a), b, casting)
                is np.can_cast(np.zeros(2, a), b, casting)), (a, b)


# ---------------------------------------------------------------------------
# Pickling and copying
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", DTYPE_NAMES)
@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_round_trip_is_the_same_object(name, protocol):
    d = mi.dtype(name)
    assert pickle.loads(pickle.dumps(d, protocol=protocol)) is d
    several = pickle.loads(pickle.dumps([d, d, mi.float64], protocol))
    assert several[0] is d and several[1] is d
    assert several[2] is mi.float64


@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_copy_is_the_same_object(name):
    d = mi.dtype(name)
    assert copy.copy(d) is d
    assert copy.deepcopy(d) is d
    assert copy.deepcopy({"k": [d]})["k"][0] is d


# ---------------------------------------------------------------------------
# NumPy reads minind's dtypes and scalar types
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_numpy_reads_minind_dtypes(name):
    """Wherever NumPy takes a dtype it takes minind's dtype objects and
    scalar types (both answer ``.dtype`` with NumPy's dtype once NumPy is
    loaded), and minind takes NumPy's."""
    expected = np.dtype(name)
    scalar_type = mi.dtype(name).type
    for spelling in (mi.dtype(name), scalar_type):
        assert np.dtype(spelling) == expected
        assert np.zeros(3, dtype=spelling).dtype == expected
        assert np.arange(3).astype(spelling).dtype == expected
        assert np.array([1, 0], dtype=spelling).dtype == expected
    assert mi.dtype(np.dtype(scalar_type)) is mi.dtype(name)
    # A scalar's own .dtype stays minind's.
    assert isinstance(scalar_type(1).dtype, mi.dtype)


# ---------------------------------------------------------------------------
# issubdtype and typecodes
# ---------------------------------------------------------------------------

_ABSTRACT = ["generic", "number", "integer", "signedinteger",
             "unsignedinteger", "inexact", "floating"]
# ('q' and 'Q' are left out: NumPy's long long is a type of its own,
# beside int64 (which is long on 64-bit Linux); minind's is int64.)


def _as_argument(lib, spelling):
    """The same argument for each library: a scalar type by name, a
    Python type, a dtype, or a string."""
    kind, name = spelling
    if kind == "type":
        return getattr(lib, name)
    if kind == "dtype":
        return lib.dtype(name)
    if kind == "python":
        return {"float": float, "int": int, "bool": bool}[name]
    return name


_arguments = st.one_of(
    st.tuples(st.just("type"), st.sampled_from(_ABSTRACT + DTYPE_NAMES)),
    st.tuples(st.just("dtype"), st.sampled_from(DTYPE_NAMES)),
    st.tuples(st.just("python"), st.sampled_from(["float", "int", "bool"])),
    st.tuples(st.just("string"), st.sampled_from(
        DTYPE_NAMES + ["f8", "i4", "u1", "?", "float", "int", "l", "L"])))


@given(arg1=_arguments, arg2=_arguments)
def test_issubdtype_is_numpys(arg1, arg2):
    """Scalar types, dtypes, Python types and strings on either side:
    ``issubdtype(mi.int8, int)`` is False (int is int64), as in NumPy."""
    want = np.issubdtype(_as_argument(np, arg1), _as_argument(np, arg2))
    got = mi.issubdtype(_as_argument(mi, arg1), _as_argument(mi, arg2))
    assert got is want


def test_issubdtype_errors_are_numpys():
    for arg1, arg2 in [(1, "generic"), ("foo", "generic"),
                       ("int8", "foo"), ("int8", 1)]:
        def arg(lib, value):
            return getattr(lib, value) if value in _ABSTRACT else value
        with pytest.raises(TypeError) as want:
            np.issubdtype(arg(np, arg1), arg(np, arg2))
        with pytest.raises(TypeError, match=re.escape(str(want.value))):
            mi.issubdtype(arg(mi, arg1), arg(mi, arg2))
    with pytest.raises(TypeError, match="Cannot construct a dtype from an "
                       "array"):
        mi.issubdtype(mi.zeros(3), mi.floating)
    assert mi.issubdtype(None, mi.floating) is np.issubdtype(None,
                                                              np.floating)


def test_typecodes_are_numpys_without_what_minind_lacks():
    """NumPy's keys in NumPy's order; each entry is NumPy's with the codes
    of dtypes minind lacks removed (half, long double, complex, strings,
    objects, datetimes), and every code left names a minind dtype."""
    assert list(mi.typecodes) == list(np.typecodes)
    for key, codes in np.typecodes.items():
        def known(code):
            try:
                mi.dtype(code)
            except TypeError:
                return False
            return True
        assert mi.typecodes[key] == "".join(c for c in codes if known(c))
        for code in mi.typecodes[key]:
            assert mi.dtype(code) == np.dtype(code)


# ---------------------------------------------------------------------------
# isscalar
# ---------------------------------------------------------------------------

class _Number(__import__("numbers").Number):
    """A bare PEP 3141 number (numbers.Number itself is abstract-free)."""


class _Text(str):
    """A str subclass: not a scalar by NumPy's rule (type, not instance)."""


ISSCALAR_VALUES = [
    3.1, 0, True, False, 1j, "numpy", b"bytes", memoryview(b"x"),
    __import__("fractions").Fraction(5, 17),
    __import__("decimal").Decimal("1.5"), _Number(), _Text("x"),
    None, [3.1], (1,), {}, object(), slice(1), Ellipsis,
]


@pytest.mark.parametrize("value", ISSCALAR_VALUES,
                         ids=[type(v).__name__ for v in ISSCALAR_VALUES])
def test_isscalar_python_values(value):
    assert mi.isscalar(value) is np.isscalar(value)


@pytest.mark.parametrize("name", DTYPE_NAMES)
def test_isscalar_arrays_and_scalars(name):
    """A scalar of any dtype is a scalar (minind's, and NumPy's once
    NumPy is loaded); an array of any shape is not, 0-d included."""
    for value in (np.dtype(name).type(1), mi.dtype(name).type(1)):
        assert mi.isscalar(value) is True
    for shape in ((), (1,), (2, 3)):
        assert mi.isscalar(mi.zeros(shape, name)) is False
        assert mi.isscalar(np.zeros(shape, name)) is False
    assert mi.isscalar(mi.zeros(3, name).sum()) is np.isscalar(
        np.zeros(3, name).sum())
    assert mi.isscalar(np.str_("a")) is np.isscalar(np.str_("a"))
