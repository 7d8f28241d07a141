"""``mi.explain``: how minind would run a call, told by the code that runs it.

The iterator's decisions are invisible from outside: which axes it merged,
in what order it walks, whether it took the trivial loop, cast through
buffers or walked in tiles.  ``explain`` makes them visible without running
anything.  It installs a recorder that the ufunc machinery
(``_ufunc._run``, ``_trivial_call``, ``_reduce``, ``_walk_binary``) and
the copy loop (``_loops.copy_cast``) check just before their loop starts:
with a recorder present they describe the plan they hold -- the very
values the loop would get -- and raise ``Planned`` instead of running.
So the explanation cannot drift from what a real call does.

It describes the first loop a call would run.  For a ufunc, a reduction or
a copy that is the call's work; a function built of several calls (``std``)
shows its first step.
"""
import sys

from minind import _loops, _ufunc

_ROLES = {
    "trivial": None, "strided": None,
    "whole": ["input"],
    "reduce": ["accumulator", "input", "accumulator"],
    "accumulate": ["previous", "current", "current"],
    "copy": ["destination", "source"], "memcpy": ["destination", "source"],
}


def explain(func, *args, file=None, **kwargs):
    """Print the plan of ``func(*args, **kwargs)`` without running its loop.

    ``func`` is a ufunc (``mi.add``), a ufunc method (``mi.add.reduce``),
    a reduction (``mi.sum``, ``a.sum``) or a copy (``ascontiguousarray``,
    ``asfortranarray``, ``copy``, ``astype``, ``array``, ``asarray``,
    ``flatten``, as functions or methods).  Printed: the loop
    (NumPy's type signature, ``'dd->d'``), each operand's dtype and
    strides, the axis order the iterator chose, the shape and strides
    after reordering and coalescing, and which path runs: the trivial
    loop, the strided walk, buffered casts (``CAST_BLOCK`` items at a
    time) or tiles (their edge).  Arrays are allocated as the call would
    allocate them, but no element is computed or written.
    """
    records = []
    # Copies are heard only from the copy functions: elsewhere a copy is a
    # step on the way (a ufunc's small input cast whole, a reduction's
    # start value), not the call's loop.
    previous = _ufunc._set_recorder(records)
    previous_copy = _loops._set_copy_recorder(
        records if getattr(func, "__name__", None) in _COPIES else None)
    try:
        func(*args, **kwargs)
    except _loops.Planned:
        pass
    finally:
        _ufunc._set_recorder(previous)
        _loops._set_copy_recorder(previous_copy)
    name = getattr(func, "__name__", None) or repr(func)
    owner = getattr(func, "__self__", None)
    if isinstance(owner, _ufunc.ufunc):
        name = f"{owner.__name__}.{name}"
    lines = _describe(name, records[0] if records else None)
    print("\n".join(lines), file=sys.stdout if file is None else file)


# The functions (and methods) whose loop is a copy.
_COPIES = {"ascontiguousarray", "asfortranarray", "copy", "astype", "array",
           "asarray", "flatten"}


def _describe(name, record):
    if record is None:
        return [f"{name}: no loop runs (nothing to compute: an empty "
                "array, Python scalars, or a view)"]
    path = record["path"]
    title = {
        "trivial": "the trivial loop: no iterator",
        "strided": "the strided iterator",
        "whole": "a whole-array reduction: one run",
        "reduce": "a reduction: the iterator, accumulator stride 0 along "
                  "the reduced axes",
        "accumulate": "an accumulation: the iterator in C order",
        "copy": "a strided copy",
        "memcpy": "one memcpy",
    }[path]
    lines = [f"{name}: loop '{record['loop']}', {title}"]
    lines.append(f"  shape {record['shape']}")
    roles = _ROLES[path] or [f"in {k}" for k in range(
        len(record["operands"]) - 1)] + [
        "out (new)" if record.get("new_output", True) else "out"]
    lines.append(f"  {'operand':<14}{'dtype':<10}strides (bytes)")
    for (k, dtype, strides), role in zip(record["operands"], roles):
        lines.append(f"  {role:<14}{dtype:<10}{strides}")
    if path == "trivial":
        how = ("every operand 1-d and of the loop's dtype"
               if len(record["shape"]) == 1 else
               "every operand contiguous in one order and of the loop's "
               "dtype")
        lines.append(f"  {how}: one flat run of {record['count']} items, "
                     f"steps {tuple(record['steps'])}")
        return lines
    if path == "whole":
        lines.append(f"  contiguous: one run of {record['count']} items"
                     if record["contiguous"] else
                     f"  1-d: one run of {record['count']} items, "
                     f"{record['step']} bytes apart")
        for _, own, loop in record["buffered"]:
            lines.append(f"  buffered cast: {own} -> {loop}, "
                         f"{_CAST_BLOCK} items at a time")
        return lines
    if record.get("order") is not None:
        lines.append(f"  axis order, outermost first: {record['order']}")
    for k in record.get("copied", ()):
        lines.append(f"  in {k} overlaps out: copied before the walk")
    for k, own, loop in record.get("cast_whole", ()):
        lines.append(f"  in {k} {own} -> {loop}: converted whole before "
                     f"the walk (at most {_CAST_BLOCK} distinct items)")
    shape, strides, tile = record["planned"]
    lines.append(f"  after reordering and coalescing: shape {shape}")
    for (k, _, _), role, planned in zip(record["operands"], roles, strides):
        lines.append(f"    {role:<12}{planned}")
    if record.get("masked"):
        # The where= mask: one more operand, after the output.
        lines.append(f"    {'where':<12}{strides[-1]}")
        lines.append("  where= mask: the loop runs on its runs of True "
                     "only (masked-off items are not computed)")
    if path == "memcpy":
        lines.append("  one contiguous block, the same dtype: memcpy")
        return lines
    for k, own, loop in record.get("buffered", ()):
        lines.append(f"  buffered cast: {roles[k]} {own} -> {loop}, "
                     f"{_CAST_BLOCK} items at a time")
    if record.get("rows"):
        lines.append("  rows into the accumulator row, 4 rows per pass "
                     "(same order of operations, a quarter of the "
                     "accumulator's loads and stores)")
    if tile:
        lines.append(f"  tiles: the last two axes in {tile} x {tile} "
                     "tiles (an operand runs against the grain and its "
                     "cache lines would not stay in L2)")
        lines.append(f"  inner loop: up to {tile} items per tile row, "
                     f"steps {tuple(s[-1] for s in strides)}")
    elif shape:
        lines.append(f"  inner loop: {shape[-1]} items per run, steps "
                     f"{tuple(s[-1] for s in strides)}")
    else:
        lines.append("  inner loop: a single item")
    return lines


_CAST_BLOCK = _loops.CAST_BLOCK_ITEMS
