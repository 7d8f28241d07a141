"""Known divergences from NumPy that the fuzz targets tolerate.

Each entry is a disagreement with NumPy that the fuzzers found and that
minind has not fixed yet, with a minimal reproducer.  While an entry is
listed, an input that shows it ends quietly, so that a fuzzing run goes
on looking for other bugs (and crashes) instead of stopping at the same
finding every time.  The matchers are narrow: the call's description
(the ``what`` a target passes to ``_common.check``), both outcomes and
the reason the comparison failed.  Nothing here can hide a crash or a
sanitizer report.

Delete an entry when minind is fixed; ``FUZZ_STRICT=1`` ignores the whole
list (to see whether an entry is still needed, or to list everything).
"""
import re

import numpy as np


def _raised(outcome, name, text=""):
    return (not outcome.ok and type(outcome.value).__name__ == name
            and text in str(outcome.value))


def _failed(outcome):
    return not outcome.ok


def _call(what):
    """The last call of a chain ("A -> B -> C" in fuzz_views)."""
    return what.rsplit(" -> ", 1)[-1]


def _kwargs(what):
    found = re.search(r"\*\*(\{.*?\})", what)
    return found.group(1) if found else ""


def _close(m, n, ulps=4):
    """Floats (or float arrays) within a few ULPs of each other."""
    import numpy as np
    try:
        m, n = np.asarray(m, dtype=float), np.asarray(n, dtype=float)
    except (TypeError, ValueError):
        return False
    if m.shape != n.shape:
        return False
    with np.errstate(all="ignore"):
        near = np.abs(m - n) <= ulps * np.spacing(np.abs(n))
    return bool((near | (m == n) | (np.isnan(m) & np.isnan(n))).all())


def _empty_input(what):
    """Is the first operand's owner empty (so every view of it is)?"""
    found = re.search(r"^[\w.]+\(Recipe\('\w+', \(([^)]*)\)", what)
    return found is not None and "0" in [
        length.strip() for length in found.group(1).split(",")]


def _equal_up_to_zero_signs(m, n):
    """Both results hold the same numbers if 0.0 == -0.0 (NaN == NaN)."""
    try:
        return np.array_equal(np.asarray(m.value), np.asarray(n.value),
                              equal_nan=True)
    except (TypeError, ValueError):
        return False


KNOWN = [
    # -- documented differences of the element-wise functions (README) ----
    # np.fmax(np.zeros(20), -np.zeros(20)): -0.0 for the first 16
    # elements (the SIMD loop), 0.0 for the last 4 (the scalar loop);
    # minind's second operand wins everywhere, as its maximum's.
    ("fmax/fmin of 0.0 and -0.0",
     lambda what, m, n, reason: m.ok and n.ok
     and re.match(r"(fmax|fmin)\b", what) is not None
     and _equal_up_to_zero_signs(m, n)),
    # np.reciprocal(np.zeros(1, np.int32)) -> INT32_MIN on x86 (the CPU's
    # conversion of 1/0 = inf); minind 0, its cast rule for inf (int64's
    # minimum, wrapped; 2**63 for uint64, where NumPy gives 0).
    # np.hypot.reduce(np.array([3], np.uint8)) and np.arctan2.outer of
    # int8 arrays compute in float16; minind in float32 (the README's "no
    # float16"; the harness asks NumPy for float32 in plain calls only).
    ("float16 results of outer, reduce and accumulate",
     lambda what, m, n, reason: m.ok and reason.startswith(
         "NumPy makes a float16")
     and re.match(r"\w+\.(outer|reduce|accumulate)\(", what) is not None
     and (isinstance(m.value, float)
          or getattr(m.value, "dtype", None) == np.float32)),
    ("integer reciprocal of 0",
     lambda what, m, n, reason: m.ok and n.ok
     and re.match(r"reciprocal\b", what) is not None
     and getattr(n.value, "dtype", None) in (np.int32, np.uint64)),
    # -- ufunc.reduce / accumulate ------------------------------------------
    # np.add.accumulate(np.array([1, 2]), axis=None) -> [1, 3] and
    # np.add.accumulate(np.array(1), axis=-3) raises AxisError; minind
    # raises TypeError (axis=None refused; 0-d checked first).
    ("accumulate axis checks",
     lambda what, m, n, reason: ".accumulate(" in what
     and _raised(m, "TypeError") and not _raised(n, "TypeError")),

    # -- reductions built on them -------------------------------------------
    # np.mean(np.array([1, 2], np.uint64), dtype=np.uint64) -> 1 (uint64)
    # and np.mean(np.array([1, 2]), dtype=bool) -> True; minind returns
    # the float mean 1.5 / 0.5.
    # Also with an integer out=: np.mean(np.array([27240, -2961, 27370,
    # 27370], np.int16), out=np.zeros((), np.int16)) sums in int16 (and
    # wraps): 3370; minind 19754.  np.nanmean(np.zeros((0, 1), np.int8),
    # dtype=np.uint64, out=np.zeros((), np.uint8)) -> 0; minind raises
    # ValueError (NaN to integer).
    # np.zeros(2, np.uint8).var(dtype=bool) -> False; minind raises
    # UFuncTypeError (float64 -> bool is not same_kind).
    ("mean/var/std ignore an integer or bool dtype=",
     lambda what, m, n, reason: re.match(
         r"(a\.)?(nan)?(mean|var|std)\(", what) is not None
     and ("'dtype'" in what or "out=('" in what) and n.ok
     and (m.ok or _raised(m, "ValueError", "NaN to integer")
          or _raised(m, "UFuncTypeError", "to dtype('bool')")
          or _raised(m, "UFuncTypeError", "to dtype('int")
          or _raised(m, "UFuncTypeError", "to dtype('uint"))),
    # np.nanmean(np.zeros((4, 1, 1), np.uint64), axis=None, keepdims=True,
    # out=np.zeros((1, 2, 1))) raises ValueError (out= has the wrong
    # shape); minind broadcasts the mean into it (out[...] = result).
    ("mean/var/std broadcast into any out=",
     lambda what, m, n, reason: re.match(
         r"(a\.)?(nan)?(mean|var|std)\(", what) is not None
     and "out=('" in what and m.ok and _raised(n, "ValueError")),
    # np.std(np.zeros(1, np.uint64), dtype=bool, keepdims=True,
    # out=np.zeros(0)) raises ValueError (out= cannot hold the result);
    # minind finds the float64 -> bool cast first (UFuncTypeError).
    ("mean/var/std check their arguments in another order",
     lambda what, m, n, reason: re.match(
         r"(a\.)?(nan)?(mean|var|std)\(", what) is not None
     and _failed(m) and _failed(n)),
    # np.std(np.zeros(3), axis=2, out=np.zeros((), np.uint16)) raises
    # AxisError; minind checks out='s dtype first (UFuncTypeError).
    ("std/var check out= first",
     lambda what, m, n, reason: _raised(m, "UFuncTypeError",
                                        "ufunc 'sqrt' output")
     and not _raised(n, "UFuncTypeError")),
    # np.var(np.zeros(0, np.uint16), ddof=2, keepdims=True,
    # out=np.zeros((0, 1))) raises ValueError (out has the wrong number
    # of dimensions); minind accepts it.
    ("var/std keepdims out= shape",
     lambda what, m, n, reason: m.ok and _raised(
         n, "ValueError", "wrong number of dimensions")),
    # np.min(np.array([7, 2], np.uint32), initial=1e300,
    # out=np.zeros(())) -> 2.0; minind raises OverflowError.
    ("reduce initial= beyond the input's type",
     lambda what, m, n, reason: "'initial'" in what and _raised(
         m, "OverflowError") and not _raised(n, "OverflowError")),

    # -- ufunc calls: which error comes first --------------------------------
    # np.add(np.zeros(3), 1, out=np.broadcast_to(np.zeros(3, bool), (3,)))
    # raises ValueError (read-only); minind checks the cast first
    # (UFuncTypeError).  NumPy checks that out= is writeable before
    # anything else (types, axes, operand values).
    ("read-only out= checked after other errors",
     lambda what, m, n, reason: _raised(n, "ValueError", "read-only")
     and _failed(m) and "read-only" not in str(m.value)),
    # np.zeros(2).sum(axis=1, out=5) raises TypeError (out must be an
    # array); minind checks the axis first (AxisError).  And
    # np.argmax(np.array([1, 2]), out=[0]): TypeError; minind ValueError.
    ("out= type checked after other errors",
     lambda what, m, n, reason: _failed(m) and (
         _raised(n, "TypeError", "return arrays must be of ArrayType")
         or _raised(n, "TypeError", "output must be an array"))
     and type(m.value) is not TypeError),
    # np.subtract(246, True, dtype=np.uint8, casting="equiv") raises
    # TypeError (a Python int cannot be cast under "equiv"); minind
    # returns 245.
    # And np.subtract(182, np.array(-127, np.int8), casting="equiv"):
    # TypeError; minind OverflowError (np.divide(np.uint64(0), 0,
    # casting="equiv"): UFuncTypeError, a subclass).
    ("casting= of Python scalars",
     lambda what, m, n, reason: _raised(n, "TypeError", "cannot cast Python")
     and (m.ok or type(m.value) is not TypeError)),
    # np.nanmean(np.array([2.0]), dtype=bool) raises TypeError ("If a is
    # inexact, then dtype must be inexact"); minind returns True (or
    # finds another error first).
    ("nanmean dtype= of another kind",
     lambda what, m, n, reason: _raised(n, "TypeError", "must be inexact")
     and (m.ok or type(m.value) is not TypeError)),
    # a = np.array([[2]], np.uint32); a.cumprod(out=a) -> [[2]] (axis=None
    # needs out= of the right size, any shape); minind raises ValueError,
    # and checks that size before NumPy's other errors (no loop...).
    ("cumsum/accumulate out= size",
     lambda what, m, n, reason: _raised(
         m, "ValueError", "wrong size for the accumulation")
     and not _raised(n, "ValueError")),
    # np.var of a uint8 array sliced with negative steps, (3, 1, 4):
    # 11.909722222222221; minind 11.909722222222223 (the pairwise sums
    # run in another order for some layouts).
    ("mean/var/std rounding in some layouts",
     lambda what, m, n, reason: m.ok and n.ok and re.match(
         r"(a\.)?(nan)?(mean|var|std)\(", what) is not None
     and _close(m.value, n.value)),
    # np.argmin(np.zeros((0, 1)), out=np.zeros((0, 1))) raises ValueError
    # (empty) and with axis=2 AxisError; minind checks out='s dtype first
    # (TypeError "Cannot cast scalar").
    ("argmax/argmin check out= dtype first",
     lambda what, m, n, reason: _raised(m, "TypeError",
                                        "Cannot cast scalar from")
     and _failed(n) and type(n.value) is not TypeError),
    # np.cos(np.zeros(3), dtype="int7", casting="bogus") raises TypeError
    # (the dtype); minind checks casting= first (ValueError).  And
    # np.nanmean(np.zeros(()), axis=(0,), dtype="int7"): TypeError;
    # minind checks the axis first (AxisError).
    ("dtype= checked after other arguments",
     lambda what, m, n, reason: (
         _raised(n, "TypeError", "not understood")
         or _raised(n, "TypeError", "The `dtype` and `signature`"))
     and _failed(m) and type(m.value) is not TypeError),
    # np.zeros((0, 1), bool).all(axis=(0, 0, -3)) raises AxisError (each
    # axis's range first); minind reports the repeat (ValueError).
    ("repeated axis checked before the range",
     lambda what, m, n, reason: _raised(m, "ValueError", "duplicate value")
     and _raised(n, "AxisError")),
    # np.max(np.zeros(0, bool), initial=255, out=np.zeros((), np.uint16))
    # -> 255 (the loop runs in out's dtype); minind reduces in bool (1).
    # And np.bitwise_and.reduce(np.zeros((0, 1), np.uint8), axis=None,
    # out=np.zeros((), np.int64)) -> -1 (the identity in int64); minind
    # 255.  np.add.reduce(np.array(True), initial=-1, out=that array)
    # -> True; minind False.
    # np.multiply.reduce(np.array(False), initial=np.nan,
    # out=np.zeros(())) -> nan; minind raises ValueError (NaN into bool).
    # And np.max(np.array(True), initial=np.inf, out=np.zeros((),
    # np.uint8)) raises OverflowError; minind returns 1.
    ("reduce initial= in out='s dtype",
     lambda what, m, n, reason: re.search(
         r"out=\('(array|operand)'", what) is not None and (
         ("'initial'" in what and (m.ok != n.ok or reason.startswith(
             "values differ")))
         or (_empty_input(what) and m.ok and n.ok
             and reason.startswith("values differ")))),
    # np.true_divide.reduce(np.zeros((3, 0), np.int32), axis=None,
    # initial=False) raises ValueError ("divide" is not reorderable, one
    # axis at most); minind returns 0.0.
    ("non-reorderable reduce over several axes",
     lambda what, m, n, reason: _raised(n, "ValueError", "not reorderable")
     and not _raised(m, "ValueError")),
    # np.subtract.reduce(np.array([False])) and np.std(np.array([True]),
    # dtype=bool) raise TypeError (boolean subtract is not supported);
    # minind returns 0 / raises UFuncTypeError about the output cast.
    ("boolean subtract in reductions",
     lambda what, m, n, reason: _raised(n, "TypeError",
                                        "numpy boolean subtract")
     and (m.ok or type(m.value) is not TypeError)),
    # np.clip(np.array(0, np.uint16), np.array(4, np.int8),
    # np.zeros(2, np.float32)).dtype is float32; minind's float64.
    ("clip's result dtype",
     lambda what, m, n, reason: what.startswith("clip(") and m.ok and n.ok
     and reason.startswith("dtype")),
    # np.bitwise_xor(2**64 - 1, np.int16(-32768), dtype=bool) raises
    # OverflowError; minind checks the dtype= cast first.
    ("Python int beyond int64 converted late",
     lambda what, m, n, reason: _raised(n, "OverflowError",
                                        "too large to convert to C long")
     and _failed(m) and type(m.value) is not OverflowError),
    # np.var(np.zeros((4, 0, 3), np.uint32), axis=None, dtype=bool,
    # out=that array) raises ValueError (out has the wrong number of
    # dimensions); minind finds the cast first (UFuncTypeError).
    ("reduction out= shape checked late",
     lambda what, m, n, reason: _raised(n, "ValueError",
                                        "output parameter for reduction")
     and _failed(m) and type(m.value) is not ValueError),
    # np.not_equal(0, 2**64 - 1) -> True (2**64 - 1 is a uint64);
    # minind raises OverflowError with only Python ints as operands.
    ("Python ints beyond int64 as the only operands",
     lambda what, m, n, reason: n.ok and _raised(
         m, "OverflowError", "too large to convert to C long")
     and "Recipe(" not in what),
    # np.power(235, False, casting="no") raises UFuncTypeError (bool ->
    # int64 is not "no" casting); minind returns 1.
    ("casting= with Python scalar operands",
     lambda what, m, n, reason: m.ok and "'casting'" in what
     and _raised(n, "UFuncTypeError", "with casting rule")),
    # np.less(np.uint64(1), np.array([32767], np.int16), casting="no",
    # out=np.zeros((), bool)) raises UFuncTypeError (casting); minind
    # checks out='s shape first (ValueError).
    ("out= shape checked before casting=",
     lambda what, m, n, reason: _raised(m, "ValueError",
                                        "non-broadcastable output")
     and _raised(n, "UFuncTypeError")),
    # (np.array([False]) ** 2).dtype is int8 (NumPy's ** 2 is square);
    # minind's is int64.
    ("bool ** Python int",
     lambda what, m, n, reason: m.ok and n.ok and re.match(
         r"(pow|ipow|power)\(", what) is not None
     and reason.startswith("dtype") and "|i1" in reason),
    # np.power(3, -2, dtype=np.int8, out=np.zeros(0)) -> an empty array
    # (no element is computed); minind refuses the negative power.
    ("negative integer power refused for an empty result",
     lambda what, m, n, reason: n.ok and _raised(
         m, "ValueError", "negative integer powers")),
    # np.logical_or(np.int16(1), np.array(0, np.int8), dtype=bool,
    # casting="no") -> True (the bool loop); minind raises UFuncTypeError
    # (int8 -> int16 under "no").
    ("logical ufuncs with dtype= and casting=",
     lambda what, m, n, reason: re.match(r"logical_\w+\(", what)
     is not None and "'casting'" in what and n.ok
     and _raised(m, "UFuncTypeError")),
    # np.clip(np.array([0.0]), -0.0, 1.0) -> [0.0]; minind [-0.0].
    ("clip and signed zeros",
     lambda what, m, n, reason: what.startswith("clip(") and m.ok and n.ok
     and "-0.0" in reason),
    # np.sign(np.array([1], np.int8), dtype=bool) raises UFuncTypeError;
    # minind raises the builtin TypeError.  So does np.less.reduce(
    # np.array(-3, np.int8), out=...) once NumPy's dispatch cache has seen
    # a similar call (before, it raises TypeError, as minind does).
    ("no loop for dtype= raises plain TypeError",
     lambda what, m, n, reason: _raised(m, "TypeError", "No loop matching")
     and _raised(n, "UFuncTypeError")),

    # -- assignment ----------------------------------------------------------
    # a = np.zeros(2, np.int8); a[...] = np.int64(300) raises
    # OverflowError; minind wraps to 44 (an element a[0] = ... raises).
    # And np.zeros(0, np.int8)[()] = np.uint64(16234547898777580466)
    # raises OverflowError ("Python int too large to convert to C long")
    # even with nothing to write; minind writes nothing and returns.
    ("NumPy integer scalar wraps in a slice assignment",
     lambda what, m, n, reason: ("('npscalar', 'int" in what
                                 or "('npscalar', 'uint" in what)
     and m.ok and _raised(n, "OverflowError")),

    # np.nanmean(np.ones(2), out=(np.zeros(()),)) raises AttributeError
    # (its Python code reads out.dtype first); minind raises TypeError
    # ("return arrays must be of ArrayType"), as np.nansum does.
    ("nanmean out= as a tuple",
     lambda what, m, n, reason: what.startswith("nanmean")
     and _raised(m, "TypeError", "must be of ArrayType")
     and _raised(n, "AttributeError")),

    # np.add.reduce(np.broadcast_to([1.0757e308, -1.7977e308], (4, 4, 2)),
    # axis=None, initial=False) is nan; minind's -inf: a float sum that
    # overflows gives inf, -inf or nan by the order of the additions,
    # which differs between NumPy's iterator and minind's walk.
    ("float sums that overflow, in another order",
     lambda what, m, n, reason: m.ok and n.ok and re.match(
         r"(add\.reduce|(a\.)?(sum|mean|nansum|nanmean|cumsum))\(", what)
     is not None and not np.all(np.isfinite(np.asarray(n.value, float)))
     and not np.all(np.isfinite(np.asarray(m.value, float)))),
    # a[([4, 4, 4, 4],) + (None,) * 62 + ([4] * 4, [4] * 4, [-1] * 4)] =
    # 2**31 on a uint8 array: NumPy converts the value first
    # (OverflowError); minind builds the source view first and finds it
    # would need more than 64 dimensions (IndexError).
    ("more than 64 dimensions found before the value's conversion",
     lambda what, m, n, reason: "] = " in what and _failed(n)
     and _raised(m, "IndexError", "number of dimensions must be within")),

    # a[(None,) * 63 + ([0, 0], [0, 0])] on a 2-d array: NumPy's result
    # has 64 dimensions; minind first builds a source view with the new
    # axes and the indexed ones (65) and refuses it.  The 64-axis limit
    # of minind's two-step advanced indexing (_indexing.prepare), found
    # by CI's fuzzer; the assignment case is the entry above.
    ("a source view of more than 64 dimensions for a 64-d result",
     lambda what, m, n, reason: what.startswith("a[") and n.ok
     and _raised(m, "IndexError", "number of dimensions must be within")),

    # -- views --------------------------------------------------------------
    # np.zeros(()).swapaxes(0, None) raises TypeError; minind checks
    # axis1's range before converting axis2 (AxisError).
    ("swapaxes checks axis1 before converting axis2",
     lambda what, m, n, reason: _call(what).startswith("swapaxes(")
     and _raised(m, "AxisError") and _failed(n)
     and type(n.value).__name__ in ("TypeError", "OverflowError")),

    # np.zeros((1,) * 36)[(0,) + (None,) * 32 + (slice(None, None, 0),)]
    # raises IndexError (the result would have more than 64 dimensions);
    # minind reports the zero step first (ValueError).  (Where minind
    # accepts such an index instead, that is a bug, not listed here.)
    ("too many dimensions checked after the items",
     lambda what, m, n, reason: _raised(
         n, "IndexError", "number of dimensions must be within")
     and _failed(m) and type(m.value) is not IndexError),

    # -- array() of odd data -------------------------------------------------
    # np.array([fractions.Fraction(3)]) and np.array(IndexOnly(3)) are
    # object arrays (NumPy takes only real numbers as numbers);
    # minind converts anything with __index__/__float__ (here 3.0, 3).
    # With dtype=int NumPy calls int(), which fails for an object with
    # only __float__ (TypeError); minind converts it.
    # An __index__ that raises: NumPy makes an object array, minind
    # calls it (and raises its error).
    ("objects with __index__/__float__ taken as numbers",
     lambda what, m, n, reason: what.startswith("mi.") and re.search(
         r"'(floatonly|indexonly|clear|grow|raising)'", what) is not None
     and ((n.ok and n.value.dtype == object)
          or (_raised(n, "TypeError", "argument must be") and not
              _raised(m, "TypeError")))),
    # np.array([np.uint64(2676586395008836901), Raising()], dtype='i')
    # raises OverflowError (the elements are converted in order); minind
    # calls Raising's __index__ while it discovers the data, first, and
    # raises its error.
    ("a raising __index__ met before other errors",
     lambda what, m, n, reason: what.startswith("mi.")
     and "('raising'," in what and _failed(n) and _failed(m)
     and "says no" in str(m.value) and "says no" not in str(n.value)),
    # A list that its elements' __index__ grow (or clear) while it is
    # read: np.array(that, dtype=np.int64) raises RuntimeError ("Content
    # of sequences changed"); minind returns the items it read (or fails
    # on one of them first).
    ("list changed while it is read",
     lambda what, m, n, reason: what.startswith("mi.") and _raised(
         n, "RuntimeError", "Inconsistent object")
     and (m.ok or type(m.value) is not RuntimeError)),
    # np.array(object(), dtype=bool) -> True (any object's truth value);
    # minind raises TypeError.
    ("objects into a bool array",
     lambda what, m, n, reason: what.startswith("mi.") and n.ok
     and _raised(m, "TypeError", "numbers only")
     and getattr(n.value, "dtype", None) == bool),
    # np.array([-np.inf, object(), 0.5], dtype=np.int32) raises
    # OverflowError (elements are converted in order); minind refuses
    # the object while discovering the shape (TypeError).  The same
    # where NumPy finds the data ragged (ValueError) or changed under it
    # (RuntimeError) first.
    ("non-numbers refused before other errors",
     lambda what, m, n, reason: what.startswith("mi.") and _raised(
         m, "TypeError", "numbers only") and _failed(n)
     and not _raised(n, "TypeError")),
    # class L: __len__ raises RuntimeError, __getitem__ as a sequence;
    # np.array(L(), dtype=float) raises ValueError ("setting an array
    # element with a sequence"); minind TypeError.
    ("sequence whose __len__ raises",
     lambda what, m, n, reason: what.startswith("mi.")
     and "('liar', -1," in what and _raised(m, "TypeError")
     and _raised(n, "ValueError")),
    # np.asarray(np.float64(1.5)).flags.writeable is True (a new array);
    # minind imports the scalar's read-only buffer (and OWNDATA differs).
    # np.array(np.float64(1.0), copy=False) raises ValueError (a scalar
    # cannot be used without a copy); minind returns that view.
    ("a NumPy scalar is read as a buffer",
     lambda what, m, n, reason: re.match(
         r"mi\.(as)?array\(\('npscalar'", what) is not None
     and (reason.startswith("flag") or (
         m.ok and _raised(n, "ValueError", "Unable to avoid copy")))),
]


def known_divergence(what, m, n, reason=""):
    """The name of the known divergence this mismatch is, or None."""
    for name, matches in KNOWN:
        if matches(what, m, n, reason):
            return name
    return None
