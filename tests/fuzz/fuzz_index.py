#!/usr/bin/env python3
"""Fuzz target: basic and advanced indexing, read and assigned, against
NumPy.

    python tests/fuzz/fuzz_index.py [libFuzzer flags] [corpus dirs]

The array comes in any layout (``_common.Recipe``: C or F owner, sliced
with negative steps, transposed, broadcast_to, read-only, imported
through the buffer protocol, and chains of these), any of the eleven
dtypes, at most 64 elements.  The index is an int (out of range and huge
too), a slice (any start, stop and step, zero and huge steps included),
``...``, ``None``, a float, a string, a NumPy integer scalar, an integer
list or array, a boolean or a boolean mask, or a tuple of these,
sometimes with too many items.

* Read: ``a[index]`` must give what NumPy gives (a view with the same
  layout and flags, or the element as a scalar of its dtype), or raise the
  same class.
* Assign: ``a[index] = value`` on a fresh array built from the same
  recipe (writeable unless it is a broadcast view), where the value is a
  Python scalar, a NumPy scalar, a (nested) list, an array in any layout
  or a view of the very array assigned to (overlapping memory).  Same
  outcome, and afterwards the owners' memory must be equal.

Advanced indices (integer lists/arrays, booleans) give copies and
assign element by element (``_indexing.pyx``); they are compared with
NumPy like every other index.
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


# ---------------------------------------------------------------------------
# Assigned values
# ---------------------------------------------------------------------------

def draw_value(fdp, shape):
    """("kind", ...): a value to assign, built per library by
    :func:`build_value`."""
    choice = fdp.ConsumeIntInRange(0, 9)
    if choice <= 2:
        return ("python", c.draw_python_scalar(fdp))
    if choice == 3:
        name = c.draw_dtype(fdp)
        return ("npscalar", name, c.draw_values(fdp, name, 1)[0])
    if choice <= 5:
        # A list shaped like the trailing axes (or not quite).
        ndim = fdp.ConsumeIntInRange(1, max(1, min(2, len(shape))))
        trailing = list(shape[len(shape) - ndim:]) or [1]
        if fdp.ConsumeIntInRange(0, 3) == 0:
            trailing[-1] = fdp.ConsumeIntInRange(0, 4)
        count = 1
        for length in trailing:
            count *= length
        dtype = fdp.PickValueInList(["int64", "float64", "bool"])
        values = c.draw_values(fdp, dtype, min(count, c.MAX_SIZE))
        return ("list", tuple(trailing), values)
    if choice <= 7:
        value_shape = tuple(length if fdp.ConsumeBool() else 1
                            for length in shape[fdp.ConsumeIntInRange(
                                0, len(shape)):])
        if fdp.ConsumeIntInRange(0, 4) == 0:
            value_shape = c.draw_shape(fdp, max_ndim=3)
        return ("array", c.draw_recipe(fdp, shape=value_shape),
                fdp.ConsumeBool())
    if choice == 8:
        # A view of the array itself: overlapping source and target.
        return ("self", c.draw_index(fdp, shape, advanced=False))
    return ("python", fdp.PickValueInList(
        ["1", "x", "", None, 1j, [], [[]], (1, 2), math.nan]))


def build_value(spec, side, array):
    kind = spec[0]
    if kind == "python":
        return spec[1]
    if kind == "npscalar":
        return c.np_scalar(spec[1], spec[2])
    if kind == "list":
        flat = list(spec[2])
        shape = spec[1]
        if len(flat) != math.prod(shape):
            return flat
        nested = np.array(flat, dtype=object).reshape(shape).tolist()
        return nested
    if kind == "array":
        recipe, as_buffer = spec[1], spec[2]
        if side == "np" or as_buffer:
            return recipe.build_numpy()[0]
        return recipe.build_minind()[0]
    if kind == "self":
        return array[spec[1]]
    raise ValueError(kind)


# ---------------------------------------------------------------------------
# The target
# ---------------------------------------------------------------------------

def read(fdp, recipe, m, n):
    index = c.draw_index(fdp, n.shape)
    what = f"a[{index!r}] with a = {recipe!r}"
    c.note(what)
    n_out = c.run(lambda: n[index])
    m_out = c.run(lambda: m[index])
    c.check(what, m_out, n_out)


def assign(fdp, recipe):
    if fdp.ConsumeIntInRange(0, 3):
        recipe = recipe.writeable()
    n, n_owner = recipe.build_numpy()
    m, m_owner = recipe.build_minind()
    c.check_twins(repr(recipe), m, n)
    index = c.draw_index(fdp, n.shape)
    value = draw_value(fdp, n.shape)
    what = f"a[{index!r}] = {value!r} with a = {recipe!r}"
    c.note(what)
    before = np.array(m_owner, copy=True)

    def store(array, side):
        array[index] = build_value(value, side, array)

    n_out = c.run(lambda: store(n, "np"))
    m_out = c.run(lambda: store(m, "mi"))
    if value[0] in ("npscalar", "array") and c.risky_float_cast(
            [build_value(value, "np", n)], n.dtype):
        return
    c.check(what, m_out, n_out)
    if n_out.ok:
        c.check_same_memory(what, m_owner, n_owner)
        c.check_same_memory(what, m, n)
    else:
        # A failing assignment changes nothing in minind (NumPy may have
        # written some elements of a list before it failed).
        c.check_same_memory(f"failed {what}", m_owner, before)


def TestOneInput(data):
    fdp = atheris.FuzzedDataProvider(data)
    recipe = c.draw_recipe(fdp)
    if fdp.ConsumeBool():
        m, n = recipe.twins()
        read(fdp, recipe, m, n)
    else:
        assign(fdp, recipe)


if __name__ == "__main__":
    c.main(TestOneInput, globals())
