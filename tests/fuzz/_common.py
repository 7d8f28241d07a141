"""Shared code of the atheris fuzz targets: NumPy is the oracle.

Every target turns libFuzzer's bytes into a call with
``atheris.FuzzedDataProvider``, makes the call on NumPy and on minind, and
asserts the same outcome with :func:`check`:

* NumPy raised: minind raises the same class.  A builtin class must be
  exactly NumPy's; NumPy's private subclasses (``_UFuncNoLoopError``,
  ``_ArrayMemoryError``) stand for their nearest public ancestor, and
  NumPy's own classes (AxisError, UFuncTypeError...) must be minind's
  class of the same name with the same builtin bases (the rule of
  ``tests/test_bad_input.py``).
* NumPy returned something minind cannot represent (an object, complex,
  string or float16 array): minind raises TypeError (``Unsupported``).
* Both returned: equal results.  Arrays: dtype, shape, strides, the
  C/F_CONTIGUOUS, OWNDATA and WRITEABLE flags, the values (NaN equals NaN,
  the sign of zero counts; optionally within a few ULPs) read through the
  buffer protocol, and ``tolist()`` with Python types.  NumPy scalars
  stand for the Python scalar minind returns.

A mismatch raises :class:`Mismatch`: atheris prints the traceback (the
message says which call, on what) and writes the input to ``crash-*``.

Arrays come in every layout through a small *recipe* (:class:`Recipe`):
the owner's dtype, shape, memory order and values, then a chain of view
operations (slice with any steps, transpose, broadcast_to, read-only,
import through the buffer protocol).  The same recipe is built with NumPy
and with minind, independently, so minind's own view machinery makes its
twin, and it can be rebuilt as often as needed (a fresh copy to assign
into).  The recipe's repr is a readable reproducer.
"""
import math
import os
import sys
import warnings

import numpy as np

import minind as mi

DTYPES = ("bool", "int8", "uint8", "int16", "uint16", "int32", "uint32",
          "int64", "uint64", "float32", "float64")
MAX_SIZE = 64           # elements in any array a target makes
MAX_OWNER = 160         # elements in an owner sliced down to a view


class Mismatch(AssertionError):
    """minind did not do what NumPy did."""


class Skip(Exception):
    """Stop this input quietly: its mismatch is a known divergence
    (``_known.py``), or is being logged (``FUZZ_KEEP_GOING``)."""


# FUZZ_KEEP_GOING=file: append each mismatch to ``file`` and go on fuzzing
# (for triage and for growing a corpus past a known bug); crashes and
# sanitizer reports still stop the run.  FUZZ_STRICT=1: report the known
# divergences of _known.py too.
KEEP_GOING = os.environ.get("FUZZ_KEEP_GOING")
STRICT = os.environ.get("FUZZ_STRICT", "") not in ("", "0")

from _known import known_divergence     # noqa: E402 -- after the flags


# ---------------------------------------------------------------------------
# Running a call
# ---------------------------------------------------------------------------

class Outcome:
    __slots__ = ("ok", "value")

    def __init__(self, ok, value):
        self.ok, self.value = ok, value

    def __repr__(self):
        if self.ok:
            return f"returned {short(self.value)}"
        return f"raised {type(self.value).__name__}: {self.value}"


VERBOSE = os.environ.get("FUZZ_VERBOSE", "") not in ("", "0")


def note(text):
    """FUZZ_VERBOSE=1: print what is about to run (to decode a crashing
    input: ``FUZZ_VERBOSE=1 python fuzz_X.py crash-file``)."""
    if VERBOSE:
        sys.stderr.write(f"fuzz: {text}\n")
        sys.stderr.flush()


def run(call):
    """``call()`` with NumPy's warnings silenced: Outcome(True, result) or
    Outcome(False, exception)."""
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return Outcome(True, call())
    except (Mismatch, Skip):
        raise                       # the harness's own verdicts
    except Exception as error:      # noqa: BLE001 -- compared by check()
        return Outcome(False, error)


def short(value, limit=300):
    try:
        text = repr(value)
    except Exception as error:      # noqa: BLE001 -- a hostile __repr__
        text = f"<unprintable {type(value).__name__}: {error!r}>"
    return text if len(text) <= limit else text[:limit] + "..."


# ---------------------------------------------------------------------------
# Exception classes
# ---------------------------------------------------------------------------

def public_class(cls):
    """NumPy's private classes (names renamed, qualnames starting with an
    underscore) stand for their nearest public ancestor."""
    for klass in cls.__mro__:
        if not klass.__qualname__.startswith("_"):
            return klass
    return cls


def _builtin_bases(cls):
    return [k.__qualname__ for k in cls.__mro__
            if k.__module__ == "builtins"]


def class_matches(minind_error, numpy_error):
    """None if minind's exception has the class NumPy's calls for, else
    the reason it has not."""
    want = public_class(type(numpy_error))
    got = type(minind_error)
    if want.__module__ == "builtins":
        if got is want:
            return None
        return f"minind raised {got.__name__}, NumPy {want.__name__}"
    if (got.__qualname__ == want.__qualname__
            and got.__module__.startswith("minind")
            and _builtin_bases(got) == _builtin_bases(want)):
        return None
    return (f"minind raised {got.__module__}.{got.__qualname__}, NumPy "
            f"{want.__module__}.{want.__qualname__} (minind needs its class "
            "of that name with the same builtin bases)")


# ---------------------------------------------------------------------------
# Comparing outcomes
# ---------------------------------------------------------------------------

# Kinds of NumPy result minind cannot hold: where NumPy makes one, minind
# raises TypeError (README, "Differences from NumPy").
_UNSUPPORTED = set("OcUSVMm")


def unsupported(n_value):
    """Does NumPy's result need a dtype minind does not have?"""
    dtype = getattr(n_value, "dtype", None)
    if not isinstance(dtype, np.dtype):
        return False
    return (dtype.kind in _UNSUPPORTED or dtype.name == "float16"
            or dtype.itemsize > 8 or not dtype.isnative)


def check(what, m, n, *, ulps=0, owndata=True, strides=True, values=True,
          unsupported_ok=(TypeError,), may_refuse=()):
    """Assert minind's outcome ``m`` matches NumPy's ``n`` (Outcomes).

    ``unsupported_ok``: the classes minind may raise where NumPy makes an
    array minind cannot hold.  ``may_refuse``: classes minind may raise
    even where NumPy succeeds (a documented refusal: an input of a dtype
    minind does not have, a view outside its buffer...), whatever NumPy
    did.  ``strides=False``: not compared (an array imported through the
    buffer protocol, whose length-1 axes NumPy exports with recomputed
    strides).  ``values=False``: the layout only (documented differences
    in values, such as out-of-range float -> int casts).
    """
    if not m.ok and isinstance(m.value, may_refuse):
        return
    if not n.ok:
        if m.ok:
            fail(what, m, n, "NumPy raises, minind accepted it")
        if type(n.value) is AttributeError:
            return      # NumPy's Python code tripped over a bad argument
        reason = class_matches(m.value, n.value)
        if reason:
            fail(what, m, n, reason)
        return
    if unsupported(n.value):
        if m.ok or type(m.value) not in unsupported_ok:
            fail(what, m, n, "NumPy makes a " f"{n.value.dtype} array, "
                 "which minind cannot hold: it must raise "
                 + " or ".join(k.__name__ for k in unsupported_ok))
        return
    if not m.ok:
        fail(what, m, n, "NumPy accepts it, minind raised")
    reason = same_value(m.value, n.value, ulps=ulps, owndata=owndata,
                        strides=strides, values=values)
    if reason:
        fail(what, m, n, reason)


def fail(what, m, n, reason):
    if not STRICT:
        if known_divergence(what, m, n, reason):
            raise Skip(reason)
    lines = [f"{reason}", f"  call:   {what}", f"  NumPy:  {n!r}",
             f"  minind: {m!r}"]
    mismatch("\n".join(lines), m.value if not m.ok else None)


def mismatch(text, cause=None):
    """Report a mismatch: raise it (libFuzzer saves the input), or log it
    and skip the input (FUZZ_KEEP_GOING)."""
    if KEEP_GOING:
        with open(KEEP_GOING, "a") as log:
            log.write(text.replace("\n", "\n    ") + "\n")
        raise Skip(text)
    raise Mismatch(text) from cause


def same_value(m, n, *, ulps=0, owndata=True, strides=True, values=True,
               float32=False):
    """None if ``m`` (minind's) equals ``n`` (NumPy's), else why not.
    ``float32``: Python floats that stand for float32 values (ULPs are
    counted in float32)."""
    if isinstance(n, np.ndarray):
        reason = same_layout(m, n, owndata=owndata, strides=strides)
        if reason or not values:
            return reason
        return same_contents(m, n, ulps=ulps)
    if isinstance(n, np.generic):
        # A NumPy scalar: minind's must be the scalar of the same dtype
        # (np.float16 results are minind's documented float32).  By the
        # dtype's name, not the type's: NumPy has two 64-bit integer
        # types of each sign (np.uint64 is 'L', np.ulonglong 'Q', which
        # np.asarray(2**64 - 1) makes), minind one.
        name = "float32" if n.dtype == np.float16 else n.dtype.name
        if not isinstance(m, mi.generic) or type(m).__name__ != name:
            return (f"minind gave {type(m).__name__} {short(m)}, NumPy "
                    f"{type(n).__name__} {short(n)}")
        float32 = n.dtype == np.float32
        m, n = m.item(), n.item()
    if isinstance(n, (tuple, list)):
        if not isinstance(m, type(n)) or len(m) != len(n):
            return f"{short(m)} is not {short(n)}"
        for x, y in zip(m, n):
            reason = same_value(x, y, ulps=ulps, owndata=owndata,
                                strides=strides, values=values,
                                float32=float32)
            if reason:
                return reason
        return None
    if not values and isinstance(n, (int, float)):
        return None
    if type(m) is not type(n):
        return (f"minind gave {type(m).__name__} {short(m)}, NumPy "
                f"{type(n).__name__} {short(n)}")
    if isinstance(n, float):
        if same_float(m, n, ulps, float32):
            return None
        return f"{m!r} != {n!r}"
    return None if m == n else f"{short(m)} != {short(n)}"


def same_float(a, b, ulps=0, float32=False):
    if a != a or b != b:
        return a != a and b != b
    if a == b:
        # The sign of zero is part of the result (maximum(-0.0, 0.0)...).
        return ulps > 0 or math.copysign(1, a) == math.copysign(1, b)
    if ulps and not (math.isinf(a) or math.isinf(b)):
        # A float32 ULP is 2**29 float64 ULPs (normal numbers).
        ulp = math.ulp(max(abs(a), abs(b))) * (2**29 if float32 else 1)
        return abs(a - b) <= ulps * ulp
    return False


FLAGS = ("C_CONTIGUOUS", "F_CONTIGUOUS", "WRITEABLE", "OWNDATA")


def same_layout(m, n, *, owndata=True, strides=True):
    """None if minind's array ``m`` has NumPy's ``n``'s layout."""
    if not isinstance(m, mi.MiniArray):
        return (f"NumPy gave an array, minind {type(m).__name__} "
                f"{short(m)}")
    if m.dtype.str != n.dtype.str:
        return f"dtype {m.dtype.str} != NumPy's {n.dtype.str}"
    for attribute in ("shape", "strides", "ndim", "size", "itemsize",
                      "nbytes"):
        if attribute == "strides" and not strides:
            continue
        if getattr(m, attribute) != getattr(n, attribute):
            return (f"{attribute} {getattr(m, attribute)} != NumPy's "
                    f"{getattr(n, attribute)}")
    for flag in FLAGS if owndata else FLAGS[:-1]:
        if bool(m.flags[flag]) != bool(n.flags[flag]):
            return f"flag {flag} {m.flags[flag]} != NumPy's {n.flags[flag]}"
    return None


def same_array(m, n, *, ulps=0, owndata=True):
    reason = same_layout(m, n, owndata=owndata)
    if reason:
        return reason
    return same_contents(m, n, ulps=ulps)


def same_contents(m, n, *, ulps=0):
    """Values equal, read two ways: the memory NumPy sees through minind's
    buffer export, and ``tolist()`` (Python types included)."""
    if n.size == 0:
        return None
    seen = np.asarray(m)
    if seen.shape != n.shape or seen.dtype != n.dtype:
        return (f"buffer export shows {seen.dtype}{seen.shape}, not "
                f"{n.dtype}{n.shape}")
    reason = same_elements(seen, n, ulps)
    if reason:
        return "values differ (buffer): " + reason
    reason = same_value(m.tolist(), n.tolist(), ulps=ulps,
                        float32=n.dtype == np.float32)
    if reason:
        return "values differ (tolist): " + reason
    return None


def same_elements(a, b, ulps=0):
    """Element-wise equality of two NumPy arrays of one dtype."""
    if a.dtype.kind == "b":
        # Byte for byte: a bool view of other bytes may hold 2, and
        # NumPy's own comparison of such bools is not reliable.
        equal = a.view(np.uint8) == b.view(np.uint8)
    elif a.dtype.kind != "f":
        equal = a == b
    else:
        both_nan = np.isnan(a) & np.isnan(b)
        equal = (a == b) | both_nan
        if not ulps:
            # The sign of zero counts; a NaN's sign does not.
            equal &= (np.signbit(a) == np.signbit(b)) | both_nan
        else:
            with np.errstate(all="ignore"):
                close = np.abs(a.astype(np.float64) - b) <= ulps * np.spacing(
                    np.maximum(np.abs(a), np.abs(b)).astype(a.dtype))
            equal |= close & np.isfinite(a) & np.isfinite(b)
    equal = np.asarray(equal)
    if equal.all():
        return None
    first = tuple(int(k) for k in np.argwhere(~equal)[0]) if a.ndim else ()
    return (f"at {first}: minind {a[first].item()!r}, NumPy "
            f"{b[first].item()!r}; minind {short(a.tolist())}, NumPy "
            f"{short(b.tolist())}")


def check_twins(what, m, n, *, owndata=True):
    """The inputs themselves must agree before a call is compared."""
    reason = same_array(m, n, owndata=owndata)
    if reason:
        mismatch(f"twins differ ({reason})\n  made by: {what}\n"
                 f"  NumPy:  {short(n)}\n  minind: {short(m)}")


def check_same_memory(what, m, n, *, ulps=0):
    """After an operation that writes (assignment, out=), the arrays the
    two libraries wrote into hold the same values."""
    n = np.asarray(n)
    seen = np.asarray(m)
    if seen.shape != n.shape or seen.dtype != n.dtype:
        mismatch(f"{what}: written array {seen.dtype}{seen.shape} vs "
                 f"NumPy's {n.dtype}{n.shape}")
    if n.size:
        reason = same_elements(seen, n, ulps)
        if reason:
            mismatch(f"memory differs after {what}: {reason}")


# ---------------------------------------------------------------------------
# Drawing numbers
# ---------------------------------------------------------------------------

def int_bounds(dtype):
    info = np.iinfo(dtype)
    return int(info.min), int(info.max)


def draw_values(fdp, dtype, count):
    """``count`` Python values of ``dtype``, edge cases favoured."""
    if count == 0:
        return []
    if dtype == "bool":
        return [fdp.ConsumeBool() for _ in range(count)]
    mode = fdp.ConsumeIntInRange(0, 3)
    if dtype.startswith(("int", "uint")):
        low, high = int_bounds(dtype)
        if mode == 0:
            return fdp.ConsumeIntListInRange(count, -3 if low else 0, 5)
        if mode == 1:
            return fdp.ConsumeIntListInRange(count, low, high)
        edges = [low, high, 0, 1, low + 1, high - 1, 2, 7]
        if low:
            edges.append(-1)
        return [fdp.PickValueInList(edges) for _ in range(count)]
    if mode == 0:
        return [float(v) for v in fdp.ConsumeIntListInRange(count, -4, 4)]
    if mode == 1:
        return fdp.ConsumeRegularFloatList(count)
    if mode == 2:
        return fdp.ConsumeFloatList(count)
    edges = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, math.inf, -math.inf,
             math.nan, 1e308, -1e308, 5e-324, 3.4028234663852886e38,
             1e-45, 2.0**63, -2.0**63, 2.0**64, 255.5]
    return [fdp.PickValueInList(edges) for _ in range(count)]


def np_scalar(name, value):
    """NumPy's scalar of dtype ``name`` for a Python value (float32 of
    1e300 is inf, without the warning)."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return np.dtype(name).type(value)


def draw_python_scalar(fdp):
    """A Python scalar operand or fill value, odd ones included."""
    choice = fdp.ConsumeIntInRange(0, 7)
    if choice == 0:
        return fdp.ConsumeBool()
    if choice == 1:
        return fdp.ConsumeIntInRange(-5, 300)
    if choice == 2:
        return fdp.PickValueInList([2**31, -2**31 - 1, 2**63 - 1, 2**63,
                                    -2**63, -2**63 - 1, 2**64 - 1, 2**64,
                                    10**30, -128, 255, 256, 65536])
    if choice == 3:
        return fdp.PickValueInList([0.5, -0.0, math.nan, math.inf,
                                    -math.inf, 1e300, 2.5, -1.5])
    if choice == 4:
        return fdp.ConsumeRegularFloat()
    return fdp.ConsumeIntInRange(-3, 3)


# ---------------------------------------------------------------------------
# Arrays in every layout: recipes
# ---------------------------------------------------------------------------

def _size(shape):
    size = 1
    for length in shape:
        size *= length
    return size


class Recipe:
    """How to make an array: an owner, then view operations.

    ``ops`` is a list of (name, argument):
      ("slice", tuple of slices)   basic slicing (any step)
      ("transpose", permutation)
      ("broadcast", shape)         broadcast_to, zero strides (read-only)
      ("readonly", None)           a view with WRITEABLE cleared
      ("import", None)             through the buffer protocol: minind's
                                   twin is mi.asarray of a NumPy array,
                                   NumPy's is np.asarray(memoryview(...))
    """

    def __init__(self, dtype, shape, order, values, ops):
        self.dtype, self.shape, self.order = dtype, tuple(shape), order
        self.values, self.ops = list(values), list(ops)

    def __repr__(self):
        return (f"Recipe({self.dtype!r}, {self.shape}, {self.order!r}, "
                f"{self.values!r}, {self.ops!r})")

    def writeable(self):
        """The same layout without the read-only step (a fresh copy to
        write into; a broadcast view stays read-only, as in NumPy)."""
        return Recipe(self.dtype, self.shape, self.order, self.values,
                      [op for op in self.ops if op[0] != "readonly"])

    def imported(self):
        return any(op[0] == "import" for op in self.ops)

    # -- building -----------------------------------------------------------

    def numpy_owner(self):
        flat = np.array(self.values, dtype=self.dtype)
        return np.array(flat.reshape(self.shape), order=self.order)

    def minind_owner(self):
        flat = mi.array(self.values, dtype=self.dtype)
        return mi.array(flat.reshape(self.shape), order=self.order)

    def build_numpy(self):
        """(array, owner) made with NumPy."""
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            owner = array = self.numpy_owner()
            for name, argument in self.ops:
                array = _apply(np, name, argument, array)
        return array, owner

    def build_minind(self):
        """(array, owner) made with minind (the owner is a NumPy array
        when the recipe imports one: the ops up to the last import run in
        NumPy, the rest in minind)."""
        last_import = max((k for k, op in enumerate(self.ops)
                           if op[0] == "import"), default=None)
        if last_import is None:
            owner = array = self.minind_owner()
            start = 0
        else:
            before = Recipe(self.dtype, self.shape, self.order, self.values,
                            self.ops[:last_import])
            array, owner = before.build_numpy()
            array = mi.asarray(array)
            start = last_import + 1
        for name, argument in self.ops[start:]:
            array = _apply(mi, name, argument, array)
        return array, owner

    def twins(self, *, check=True):
        """(minind array, NumPy array), checked to agree."""
        n, _ = self.build_numpy()
        m, _ = self.build_minind()
        if check:
            check_twins(repr(self), m, n)
        return m, n


def _apply(xp, name, argument, array):
    if name == "slice":
        return array[argument]
    if name == "transpose":
        return array.transpose(argument)
    if name == "broadcast":
        return xp.broadcast_to(array, argument)
    if name == "readonly":
        view = array[...]
        view.flags.writeable = False
        return view
    if name == "import":
        if xp is np:
            return np.asarray(memoryview(array))
        return mi.asarray(np.asarray(array))
    raise ValueError(name)


def draw_shape(fdp, max_ndim=4, max_side=4, max_size=MAX_SIZE):
    ndim = fdp.ConsumeIntInRange(0, max_ndim)
    shape = []
    for _ in range(ndim):
        side = fdp.ConsumeIntInRange(0, max_side)
        if _size(shape) * max(side, 1) > max_size:
            side = 1
        shape.append(side)
    return tuple(shape)


def draw_dtype(fdp, choices=DTYPES):
    return fdp.PickValueInList(list(choices))


LAYOUTS = ("C", "F", "sliced", "transposed", "broadcast", "readonly",
           "imported")


def draw_recipe(fdp, shape=None, dtype=None, depth=None):
    """A recipe for an array of ``shape`` (drawn if None) in a random
    layout: up to ``depth`` view operations."""
    if dtype is None:
        dtype = draw_dtype(fdp)
    if shape is None:
        shape = draw_shape(fdp)
    if depth is None:
        depth = fdp.ConsumeIntInRange(0, 3)
    ops = []
    shape = tuple(shape)
    for _ in range(depth):
        layout = fdp.PickValueInList(list(LAYOUTS[2:]))
        op, before = _layout_step(fdp, layout, shape)
        if _size(before) > MAX_OWNER:
            break
        ops.insert(0, op)
        shape = before
    order = "F" if fdp.ConsumeBool() else "C"
    values = draw_values(fdp, dtype, _size(shape))
    return Recipe(dtype, shape, order, values, ops)


def _layout_step(fdp, layout, shape):
    """One view operation giving ``shape``, and the shape it starts from."""
    if layout == "sliced":
        before, index = [], []
        for length in shape:
            step = fdp.PickValueInList([1, 2, 3, -1, -2, -3])
            extra = fdp.ConsumeIntInRange(0, 2)
            if length == 0:
                total = fdp.ConsumeIntInRange(0, 3)
                start = fdp.ConsumeIntInRange(0, total)
                before.append(total)
                index.append(slice(start, start, step))
                continue
            total = (length - 1) * abs(step) + 1 + extra
            offset = fdp.ConsumeIntInRange(0, extra)
            if step > 0:
                start = offset
                stop = start + (length - 1) * step + 1
            else:
                start = total - 1 - offset
                stop = start + (length - 1) * step - 1
                stop = None if stop < 0 else stop
            before.append(total)
            index.append(slice(start, stop, step))
        # a[()] of a 0-d array is a scalar (a Python one in minind): keep
        # it an array with a[...].
        return ("slice", tuple(index) or Ellipsis), tuple(before)
    if layout == "transposed":
        permutation = list(range(len(shape)))
        for k in range(len(permutation) - 1, 0, -1):
            j = fdp.ConsumeIntInRange(0, k)
            permutation[k], permutation[j] = permutation[j], permutation[k]
        before = [0] * len(shape)
        for k, axis in enumerate(permutation):
            before[axis] = shape[k]
        return ("transpose", tuple(permutation)), tuple(before)
    if layout == "broadcast":
        drop = fdp.ConsumeIntInRange(0, len(shape))
        before = tuple(1 if fdp.ConsumeBool() else length
                       for length in shape[drop:])
        return ("broadcast", shape), before
    if layout == "readonly":
        return ("readonly", None), shape
    return ("import", None), shape


# ---------------------------------------------------------------------------
# Index expressions
# ---------------------------------------------------------------------------

_ODD_INTS = [2**31, 2**62, 2**63 - 1, 2**63, 2**64 - 1, 2**64, -2**63,
             -2**63 - 1, -2**64, 10**30, -10**30]


def _draw_bound(fdp, length):
    choice = fdp.ConsumeIntInRange(0, 5)
    if choice == 0:
        return None
    if choice == 1:
        return fdp.PickValueInList(_ODD_INTS)
    return fdp.ConsumeIntInRange(-length - 2, length + 2)


def draw_index_item(fdp, length, *, advanced=True):
    """One item of a basic index for an axis of ``length``, often valid,
    sometimes odd (out of range, huge, float, string, zero step...)."""
    choice = fdp.ConsumeIntInRange(0, 15)
    if choice <= 3:
        return fdp.ConsumeIntInRange(-length - 1, length)
    if choice <= 7:
        step = fdp.PickValueInList([None, 1, 2, 3, -1, -2, -3, 0, 5, -5,
                                    2**63, -2**63 - 1])
        return slice(_draw_bound(fdp, length), _draw_bound(fdp, length),
                     step)
    if choice == 8:
        return Ellipsis
    if choice == 9:
        return None
    if choice == 10:
        return fdp.PickValueInList(_ODD_INTS)
    if choice == 11:
        return fdp.PickValueInList(
            [1.0, 0.5, -1.0, "a", "0", b"0", 1j, slice(0.5, None),
             slice(None, "a"), slice(None, None, 1.0), np.float64(1.0),
             object()])
    if choice == 12:
        return fdp.PickValueInList([np.int64(1), np.uint8(0), np.int8(-1),
                                    np.uint64(2**64 - 1), np.intp(0)])
    if choice == 13 and advanced:
        # Advanced indices: integer lists and arrays (in bounds or not),
        # booleans and masks, some that fit and some that do not.
        pick = fdp.ConsumeIntInRange(0, 3)
        if pick == 0:
            return fdp.PickValueInList([True, False, np.True_, [0, 1], [0],
                                        [[0]], [True], [], (),
                                        np.array([0, 1]), np.array(True),
                                        np.array([], int), np.array(0)])
        count = fdp.ConsumeIntInRange(0, 4)
        if pick == 1:
            return [fdp.ConsumeIntInRange(-length - 1, length)
                    for _ in range(count)]
        if pick == 2:
            dtype = fdp.PickValueInList(["int8", "uint8", "int64",
                                         "uint64", "intp"])
            values = [fdp.ConsumeIntInRange(0, max(length, 1))
                      for _ in range(count)]
            return np.array(values, dtype=dtype).reshape(
                (1, count) if fdp.ConsumeBool() else (count,))
        return np.array([fdp.ConsumeBool() for _ in range(
            length + (fdp.ConsumeIntInRange(0, 7) == 0))], dtype=bool)
    return fdp.ConsumeIntInRange(-length, max(length - 1, 0))


def draw_index(fdp, shape, *, advanced=True):
    """An index expression for an array of ``shape``: a single item or a
    tuple (sometimes with too many items)."""
    count = fdp.ConsumeIntInRange(0, len(shape) + 2)
    items = []
    for axis in range(count):
        length = shape[axis] if axis < len(shape) else 1
        items.append(draw_index_item(fdp, length, advanced=advanced))
    if fdp.ConsumeIntInRange(0, 15) == 0:
        # New axes up to and past the 64-dimension limit.
        where = fdp.ConsumeIntInRange(0, len(items))
        items[where:where] = [None] * (64 - len(shape)
                                       + fdp.ConsumeIntInRange(-2, 3))
    if count == 1 and fdp.ConsumeBool():
        return items[0]
    return tuple(items)


def risky_float_cast(sources, dtype):
    """Does a NumPy float value (scalar or array among ``sources``) that
    is non-finite or out of range go into an integer ``dtype``?  NumPy's
    result is then platform-dependent (a C cast, or an error for some
    types), minind's is defined (README, "Differences from NumPy"): such
    a call is not compared, only survived."""
    dtype = np.dtype(dtype)
    if dtype.kind not in "iu":
        return False
    low, high = int_bounds(dtype)
    for source in sources:
        if not isinstance(source, (np.ndarray, np.generic)):
            continue
        if source.dtype.kind != "f":
            continue
        values = np.asarray(source, dtype=np.float64)
        with np.errstate(all="ignore"):
            if not (np.isfinite(values).all() and (values >= low).all()
                    and (values < high + 1.0).all()):
                return True
    return False


# ---------------------------------------------------------------------------
# Atheris setup
# ---------------------------------------------------------------------------

def instrument_module(namespace):
    """Coverage for the harness itself: atheris instruments the bytecode
    of every function and method defined in the target's module (its
    branches and comparisons then guide the mutations), like
    ``atheris.instrument_func`` on each of them."""
    import atheris
    module = namespace["__name__"]
    for value in list(namespace.values()):
        if getattr(value, "__module__", None) != module:
            continue
        if isinstance(value, type):
            for attribute in list(vars(value).values()):
                function = getattr(attribute, "__func__", attribute)
                if hasattr(function, "__code__"):
                    atheris.instrument_func(function)
                elif isinstance(attribute, property):
                    for accessor in (attribute.fget, attribute.fset):
                        if accessor is not None:
                            atheris.instrument_func(accessor)
        elif hasattr(value, "__code__"):
            atheris.instrument_func(value)


def main(test_one_input, namespace):
    """Instrument the target's own functions, then hand over to libFuzzer
    (argv holds libFuzzer's flags and corpus directories).  This module
    and minind's pure-Python modules are instrumented when the target
    imports them (``atheris.instrument_imports``)."""
    import atheris
    instrument_module(namespace)

    def one_input(data):
        try:
            test_one_input(data)
        except Skip:
            pass
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()

