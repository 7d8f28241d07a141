#!/usr/bin/env python3
"""Fuzz target: ``array``/``asarray`` of nested Python data, hostile
objects included, against NumPy.

    python tests/fuzz/fuzz_array.py [libFuzzer flags] [corpus dirs]

The bytes become a small tree (a *spec*, built twice: once for NumPy,
once for minind, so objects with state are fresh each time) of:

* lists and tuples, empty, ragged, up to 5 deep;
* Python ints (huge ones too), floats (NaN, inf, -0.0), bools, strings,
  None, complex, NumPy scalars (float16 and complex as well);
* arrays as elements: NumPy's in NumPy's data; minind's twin, or the
  NumPy array itself (read through the buffer protocol), in minind's;
* hostile objects: a class whose ``.dtype`` is another of its kind; a
  mock whose ``__getattr__`` makes a new mock for every name (one that
  refuses dunders and one that answers them too); a list whose elements'
  ``__float__``/``__index__`` clear the list (or grow it) while it is
  read; a sequence whose ``__len__`` lies (says 5, ``__getitem__`` raises
  IndexError from 2; or says less than it holds); an ``__index__`` or
  ``__float__`` that raises; objects that only have ``__float__`` or
  ``__index__``.

The call is ``array``/``asarray`` with or without ``dtype=`` (spellings,
NumPy and minind dtype objects, unsupported and hostile dtype objects),
sometimes ``order=``, ``ndmin=`` or ``copy=``.  Where NumPy makes an
object (or complex, string, float16) array, minind must raise TypeError
(or OverflowError, its documented error, when an int is beyond uint64
and int64); otherwise outcomes must agree (see ``_common.check``).
"""
import math
import os
import sys

import atheris

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
with atheris.instrument_imports(include=["minind", "_common"]):
    import numpy as np
    import minind as mi
    import _common as c

MAX_DEPTH = 5
MAX_LENGTH = 4


# ---------------------------------------------------------------------------
# Hostile classes
# ---------------------------------------------------------------------------

class SelfDtype:
    """Its ``.dtype`` is another SelfDtype, forever."""

    @property
    def dtype(self):
        return SelfDtype()


class StrictMock:
    """Every attribute is a new mock, dunders excepted."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return StrictMock()


class LaxMock:
    """Every attribute is a new mock, dunders too (``__array__``,
    ``__array_interface__``, ``__len__`` found through getattr...)."""

    def __getattr__(self, name):
        return LaxMock()


class Clearer:
    """Clears (or grows) the list it sits in when converted."""

    def __init__(self, owner, value, grow=False):
        self.owner, self.value, self.grow = owner, value, grow

    def _touch(self):
        if self.grow:
            if len(self.owner) < 64:
                self.owner.append(Clearer(self.owner, self.value, True))
                self.owner.append(self.value)
        else:
            self.owner.clear()

    def __float__(self):
        self._touch()
        return float(self.value)

    def __index__(self):
        self._touch()
        return int(self.value)


class FloatOnly:
    def __init__(self, value):
        self.value = value

    def __float__(self):
        return self.value


class IndexOnly:
    def __init__(self, value):
        self.value = value

    def __index__(self):
        return self.value


class RaisingNumber:
    """``__index__`` (or ``__float__``) raises."""

    def __init__(self, error, which):
        self.error, self.which = error, which

    def __index__(self):
        raise self.error("__index__ says no")

    def __float__(self):
        if self.which == "float":
            raise self.error("__float__ says no")
        return 1.0


class Liar:
    """A sequence whose ``__len__`` is not what ``__getitem__`` holds."""

    def __init__(self, claimed, items, error=IndexError):
        self.claimed, self.items, self.error = claimed, items, error

    def __len__(self):
        if self.claimed < 0:
            raise RuntimeError("no len today")
        return self.claimed

    def __getitem__(self, i):
        if not isinstance(i, int):
            raise TypeError(type(i).__name__)
        if 0 <= i < len(self.items):
            return self.items[i]
        raise self.error(i)


class AttributeDtype:
    """An object whose ``.dtype`` is a plain spelling."""

    def __init__(self, spelling):
        self.dtype = spelling


# ---------------------------------------------------------------------------
# Specs: the data as a tree, built separately for each library
# ---------------------------------------------------------------------------

BIG_INTS = [2**63, 2**64 - 1, 2**64, -2**63 - 1, 10**30, -10**30]


def draw_spec(fdp):
    """Plain numeric data, then (usually) one or two odd things put in
    at random places, so that a finding has one cause."""
    spec = draw_plain(fdp, 0)
    for _ in range(fdp.PickValueInList([0, 1, 1, 1, 2])):
        paths = list(node_paths(spec))
        path = paths[fdp.ConsumeIntInRange(0, len(paths) - 1)]
        spec = replace_at(spec, path, lambda node: draw_odd(fdp, node))
    return spec


def draw_plain(fdp, depth):
    if depth < MAX_DEPTH and fdp.ConsumeIntInRange(0, 2) == 0:
        kind = fdp.PickValueInList(["list", "list", "tuple"])
        length = fdp.ConsumeIntInRange(0, MAX_LENGTH)
        return (kind, [draw_plain(fdp, depth + 1) for _ in range(length)])
    choice = fdp.ConsumeIntInRange(0, 12)
    if choice <= 3:
        return ("value", fdp.ConsumeIntInRange(-300, 300))
    if choice == 4:
        return ("value", fdp.PickValueInList(BIG_INTS + [2**63 - 1, -2**63,
                                                         2**31, 255, 256]))
    if choice <= 6:
        return ("value", fdp.PickValueInList(
            [0.5, -0.0, math.nan, math.inf, -math.inf, 1e300, 2.5]))
    if choice == 7:
        return ("value", fdp.ConsumeRegularFloat())
    if choice == 8:
        return ("value", fdp.ConsumeBool())
    if choice == 9:
        name = fdp.PickValueInList(list(c.DTYPES))
        return ("npscalar", name, c.draw_values(fdp, name, 1)[0])
    if choice == 10:
        recipe = c.draw_recipe(fdp, shape=c.draw_shape(fdp, max_ndim=2,
                                                       max_side=3))
        return ("array", recipe, fdp.ConsumeBool())
    return ("value", fdp.ConsumeIntInRange(-3, 3))


def draw_odd(fdp, node):
    """Something odd in place of ``node``: a hostile container holding
    its items, or an odd leaf."""
    choice = fdp.ConsumeIntInRange(0, 13)
    items = list(node[1]) if node[0] in ("list", "tuple") else [node]
    if choice <= 1:
        value = fdp.PickValueInList([1, 2.5, 0, 7, True])
        return ("clear" if choice == 0 else "grow", value, items)
    if choice == 2:
        claimed = fdp.PickValueInList([5, 1, 0, len(items) + 1, -1])
        if claimed == 5:
            items = items[:2]      # says 5, IndexError from 2 on
        error = fdp.PickValueInList([IndexError, IndexError, ValueError])
        return ("liar", claimed, error, items)
    if choice == 3:
        return ("value", fdp.PickValueInList(["1", "1.5", "", "x", "nan",
                                              "-3", "True", "0x10"]))
    if choice == 4:
        return ("value", fdp.PickValueInList([None, 1j, bytearray(b"\x01")]))
    if choice == 5:
        name = fdp.PickValueInList(["float16", "complex128", "longdouble"])
        return ("npscalar", name, {"float16": 1.5, "complex128": 1,
                                   "longdouble": 2.5}[name])
    if choice <= 8:
        return ("hostile", fdp.PickValueInList(
            ["selfdtype", "strictmock", "laxmock"]))
    if choice == 9:
        error = fdp.PickValueInList([RuntimeError, TypeError, ValueError,
                                     OverflowError])
        return ("raising", error, fdp.PickValueInList(["index", "float"]))
    if choice == 10:
        return ("floatonly", fdp.PickValueInList([1.5, math.nan, -2.0]))
    if choice == 11:
        return ("indexonly", fdp.PickValueInList([3, -1, 2**63, 300]))
    return draw_plain(fdp, MAX_DEPTH)


def children(spec):
    kind = spec[0]
    if kind in ("list", "tuple"):
        return spec[1]
    if kind in ("clear", "grow"):
        return spec[2]
    if kind == "liar":
        return spec[3]
    return []


def with_children(spec, items):
    kind = spec[0]
    if kind in ("list", "tuple"):
        return (kind, items)
    if kind in ("clear", "grow"):
        return (kind, spec[1], items)
    return (kind, spec[1], spec[2], items)


def node_paths(spec, path=()):
    yield path
    for k, child in enumerate(children(spec)):
        yield from node_paths(child, path + (k,))


def replace_at(spec, path, make):
    if not path:
        return make(spec)
    items = list(children(spec))
    items[path[0]] = replace_at(items[path[0]], path[1:], make)
    return with_children(spec, items)


def any_node(spec, predicate):
    return predicate(spec) or any(any_node(child, predicate)
                                  for child in children(spec))


def build(spec, side):
    """The Python object ``spec`` describes, for ``side`` ("np"/"mi")."""
    kind = spec[0]
    if kind == "value":
        return spec[1]
    if kind in ("list", "tuple"):
        items = [build(child, side) for child in spec[1]]
        return items if kind == "list" else tuple(items)
    if kind in ("clear", "grow"):
        owner = []
        value = spec[1]
        owner.append(Clearer(owner, value, grow=kind == "grow"))
        owner.extend(build(child, side) for child in spec[2])
        owner.append(Clearer(owner, value, grow=kind == "grow"))
        return owner
    if kind == "liar":
        return Liar(spec[1], [build(child, side) for child in spec[3]],
                    spec[2])
    if kind == "npscalar":
        return c.np_scalar(spec[1], spec[2])
    if kind == "array":
        recipe, as_buffer = spec[1], spec[2]
        if side == "np":
            return recipe.build_numpy()[0]
        if as_buffer:
            return recipe.build_numpy()[0]
        m = recipe.build_minind()[0]
        c.check_twins(repr(recipe), m, recipe.build_numpy()[0])
        return m
    if kind == "hostile":
        return {"selfdtype": SelfDtype, "strictmock": StrictMock,
                "laxmock": LaxMock}[spec[1]]()
    if kind == "raising":
        return RaisingNumber(spec[1], spec[2])
    if kind == "floatonly":
        return FloatOnly(spec[1])
    if kind == "indexonly":
        return IndexOnly(spec[1])
    raise ValueError(kind)


def refused_input(node):
    """Leaves minind refuses (TypeError) even with a dtype= that makes
    NumPy convert them: None, complex, NumPy scalars of a dtype minind
    does not have (README: numbers only, eleven dtypes)."""
    if node[0] == "npscalar":
        return node[1] in ("float16", "complex128", "longdouble")
    return node[0] == "value" and (node[1] is None
                                   or isinstance(node[1], complex))


def big_int(node):
    """A Python int beyond int64 and uint64: minind's documented
    OverflowError where NumPy makes an object array."""
    return (node[0] == "value" and type(node[1]) is int
            and not -2**63 <= node[1] < 2**64)


def numpy_numbers(spec):
    """The NumPy scalars and arrays in the data (NumPy's side)."""
    if spec[0] in ("npscalar", "array"):
        yield build(spec, "np")
    for child in children(spec):
        yield from numpy_numbers(child)


def target_dtype(n, dtype_arg):
    """The dtype NumPy made (or was asked for), if any."""
    if n.ok and isinstance(getattr(n.value, "dtype", None), np.dtype):
        return n.value.dtype
    try:
        return np.dtype(build_dtype(dtype_arg, "np"))
    except Exception:       # noqa: BLE001 -- no dtype, or a hostile one
        return None


# ---------------------------------------------------------------------------
# dtype arguments
# ---------------------------------------------------------------------------

def draw_dtype_arg(fdp):
    """("kind", value): how the dtype argument is spelled."""
    choice = fdp.ConsumeIntInRange(0, 9)
    if choice <= 2:
        return ("none", None)
    if choice <= 4:
        return ("name", fdp.PickValueInList(list(c.DTYPES)))
    if choice == 5:
        return ("dtype-object", fdp.PickValueInList(list(c.DTYPES)))
    if choice == 6:
        return ("type", fdp.PickValueInList(["int", "float", "bool",
                                             "float32", "uint8", "int64"]))
    if choice == 7:
        return ("name", fdp.PickValueInList(
            ["f4", "<i8", ">i8", "i", "l", "u1", "?", "d", "float16",
             "complex128", "U3", "O", "int7", "", "S2", "M8", "float_"]))
    if choice == 8:
        return ("hostile", fdp.PickValueInList(
            ["selfdtype", "strictmock", "laxmock", "attribute"]))
    return ("name", fdp.PickValueInList(list(c.DTYPES)))


UNSUPPORTED_DTYPES = {("name", name) for name in (
    ">i8", "float16", "complex128", "U3", "O", "S2", "M8")}


def build_dtype(arg, side):
    kind, value = arg
    if kind == "none":
        return None
    if kind == "name":
        return value
    if kind == "dtype-object":
        return np.dtype(value) if side == "np" else mi.dtype(value)
    if kind == "type":
        if value in ("int", "float", "bool"):
            return {"int": int, "float": float, "bool": bool}[value]
        return getattr(np if side == "np" else mi, value)
    if value == "attribute":
        return AttributeDtype("int16")
    return {"selfdtype": SelfDtype, "strictmock": StrictMock,
            "laxmock": LaxMock}[value]()


# ---------------------------------------------------------------------------
# The target
# ---------------------------------------------------------------------------

def TestOneInput(data):
    fdp = atheris.FuzzedDataProvider(data)
    spec = draw_spec(fdp)
    dtype_arg = draw_dtype_arg(fdp)
    function = fdp.PickValueInList(["array", "array", "asarray"])
    kwargs = {}
    extra = fdp.ConsumeIntInRange(0, 7)
    if extra == 1:
        kwargs["order"] = fdp.PickValueInList(["C", "F", "A", "K"])
    elif extra == 2 and function == "array":
        kwargs["ndmin"] = fdp.ConsumeIntInRange(0, 5)
    elif extra == 3:
        kwargs["copy"] = fdp.PickValueInList([True, False, None])

    def call(xp, side):
        obj = build(spec, side)
        dtype = build_dtype(dtype_arg, side)
        return getattr(xp, function)(obj, dtype=dtype, **kwargs)

    what = f"mi.{function}({spec!r}, dtype={dtype_arg!r}, **{kwargs!r})"
    c.note(what)
    n = c.run(lambda: call(np, "np"))
    m = c.run(lambda: call(mi, "mi"))
    # asarray/copy=None of a lone NumPy array returns it as it is; minind
    # imports it as a view, with the strides NumPy exports.
    imported = spec[0] == "array" and spec[2]
    allowed = (TypeError, OverflowError) if any_node(spec, big_int) else (
        TypeError,)
    refusals = (TypeError,) if (any_node(spec, refused_input)
                                or dtype_arg in UNSUPPORTED_DTYPES) else ()
    dtype = target_dtype(n, dtype_arg)
    if dtype is not None and c.risky_float_cast(numpy_numbers(spec), dtype):
        return      # platform-dependent in NumPy (README)
    c.check(what, m, n, owndata=not imported, strides=not imported,
            unsupported_ok=allowed, may_refuse=refusals)


if __name__ == "__main__":
    c.main(TestOneInput, globals())
