"""show(a): draw the memory an array walks over, which NumPy cannot draw.

``repr(a)`` shows the values; ``a.strides`` shows the numbers.  ``show(a)``
shows what the numbers *mean*: the owner's flat buffer drawn as a row of
cells, one cell per element-sized slot, and in each cell the order in which
``a`` visits it.  The visit number of an element is its position in the C
order of ``a``'s indices, i.e. the order ``a.tolist()`` lists it.  So:

* a C-contiguous array visits 0, 1, 2, ... left to right;
* its transpose visits the *same* cells in a different order (0, 2, 4, 1,
  3, 5 for a 2x3 array): only the strides changed, no byte moved;
* ``a[::2]`` leaves gaps (cells marked ``·``) that it steps over;
* ``broadcast_to`` writes several visit numbers in one cell: a stride of 0
  reads the same slot again and again.

Which buffer is drawn:

* ``a`` owns its data (OWNDATA): its own buffer;
* ``a.base`` is a MiniArray that owns its data (any view of a minind
  array): the base's whole buffer, so the cells ``a`` skips are visible;
* the memory was imported through the buffer protocol (``mi.asarray`` of a
  NumPy array, a bytearray...): minind never sees the exporter's whole
  allocation, only the memoryview it holds (``a.base``, or ``a.base.base``
  for a view of the imported array), so it draws the bytes that memoryview
  spans (or, if minind cannot wrap it, the bytes ``a`` spans).

Every address comes from the public attributes, as a C extension would
compute it: element ``a[i0, i1, ...]`` lives at ``a.ctypes.data + i0 *
a.strides[0] + i1 * a.strides[1] + ...``; its cell is that address minus
the buffer's start, divided by the itemsize.

Large buffers: at most ``MAX_CELLS`` cells are drawn (around the part ``a``
touches), the rest is an ellipsis with a note.  The walk only descends into
the sub-blocks of ``a`` that can land in a drawn cell and replicates
stride-0 axes instead of walking them, so ``show`` of a broadcast of 10**9
elements is instant; ``WALK_BUDGET`` bounds the rest.

Output (``file``), like ``print(..., file=)``:

* ``None``: print the text drawing to ``sys.stdout`` and return None (so in
  a REPL it appears once, not once printed and once echoed as a quoted
  string).  ``render_text(a)`` returns the same drawing as a str;
* a text stream (anything with ``write``): the text drawing is written
  there;
* a path ending ``.svg``: a self-contained SVG picture; ``.html``/``.htm``:
  an HTML page embedding that SVG (and the text drawing); ``.txt``: the
  text drawing.  ``render_svg(a)`` / ``render_html(a)`` return them.

A gather: ``show(a, index=key)`` draws the same buffer and numbers the
cells that ``a[key]`` reads, in the order it copies them (the C order of
the result).  For a basic index that is the view's walk; for integer
arrays or a mask it shows what the fancy index copies, repeats and all
(``a[[0, 0, 3]]`` reads cell 0 twice).

NumPy has no counterpart: it prints values (``arrayprint.py``) and the
``flags``/``__array_interface__`` numbers, never the memory walk.
"""
import os
import textwrap
from xml.sax.saxutils import escape

from minind._core import MiniArray, memory_owner
from minind._dlpack import DLPackBase
from minind._layout import py_byte_extent

MAX_CELLS = 64          # at most this many cells are drawn
KEEP = 4                # visit numbers kept per cell (the first ones)
LABEL = 12              # characters of visit numbers written in one cell
WALK_BUDGET = 100_000   # sub-blocks/elements the walk may look at
FIRST_STEPS = 12        # steps of the walk spelled out under the drawing
WIDTH = 100             # text lines are at most this long
PER_ROW = 16            # cells per row of the drawing, at most

__all__ = ["show", "render_text", "render_svg", "render_html", "trace"]


# ---------------------------------------------------------------------------
# The trace: which cells exist, which are drawn, who visits them.

class _Trace:
    """Everything the drawings need, computed once from the array."""


def _extent(x):
    """(low, high): the addresses of the bytes ``x``'s elements cover, high
    exclusive (``_layout.byte_extent``, around ``x``'s first element).

    An empty array covers nothing: (data, data)."""
    data = x.ctypes.data
    low, high = py_byte_extent(x.shape, x.strides, x.itemsize)
    return data + low, data + high


def _exporter(view):
    """The name of whatever exported the memory a memoryview holds."""
    obj = getattr(view, "obj", None)
    while isinstance(obj, memoryview):
        obj = obj.obj
    kind = type(obj)
    module = kind.__module__
    return kind.__qualname__ if module == "builtins" else \
        f"{module}.{kind.__qualname__}"


def _view_extent(view):
    """The bytes a memoryview spans, or None if minind cannot wrap it.

    Wrapping (``asarray``) copies nothing: it is how minind imports."""
    from minind._creation import asarray
    try:
        return _extent(asarray(view))
    except (TypeError, ValueError):
        return None


def _buffer(a):
    """(start, end, owner description) of the buffer drawn for ``a``."""
    owner = memory_owner(a)
    # How a reader reaches the owner from ``a``.
    path = "a" if owner is a else "a.base" if a.base is owner else \
        "the array at the end of a's base chain"
    if owner.flags["OWNDATA"]:
        start = owner.ctypes.data
        if owner is a:
            return start, start + a.nbytes, \
                "a itself: a owns its buffer (OWNDATA)"
        return start, start + owner.nbytes, \
            f"{path}, the MiniArray of shape {owner.shape} that owns " \
            "the buffer"
    # Imported memory: minind never sees the exporter's whole allocation,
    # only the memoryview the importing array holds (a.base, or a.base's
    # base for a view of an imported array): draw the bytes it spans.
    view = owner.base
    if isinstance(view, DLPackBase):
        return view.extent[0], view.extent[1], (
            "a DLPack tensor's memory, imported by from_dlpack (minind "
            f"does not own it); drawn are the bytes {path} spans")
    span = _view_extent(view) if isinstance(view, memoryview) else None
    if span is None:
        span = _extent(owner)
        what = path
    else:
        what = "the imported memoryview (" + (
            "a.base" if owner is a else "a.base.base" if a.base is owner
            else "at the end of a's base chain") + ")"
    source = _exporter(view) if isinstance(view, memoryview) \
        else type(view).__name__
    return span[0], span[1], (
        f"a {source}'s memory, imported through the buffer protocol "
        f"(minind does not own it); drawn are the bytes {what} spans")


def _windows(ncells, low_cell, high_cell):
    """The cell ranges [c0, c1) to draw: all, or at most MAX_CELLS of them
    around the cells ``a`` touches (low_cell..high_cell, inclusive)."""
    if ncells <= MAX_CELLS:
        return [(0, ncells)]
    span = high_cell - low_cell + 1
    if span <= MAX_CELLS:
        first = low_cell - (MAX_CELLS - span) // 2
        first = max(0, min(first, ncells - MAX_CELLS))
        return [(first, first + MAX_CELLS)]
    tail = MAX_CELLS // 4
    return [(low_cell, low_cell + MAX_CELLS - tail),
            (high_cell + 1 - tail, high_cell + 1)]


def _ceil_div(p, q):
    return -(-p // q)


def _hit_range(addr, s, lo, hi, w0, w1, n):
    """Indices i in [0, n) whose sub-block (element starts addr + i*s + lo
    up to addr + i*s + hi) can meet the byte window [w0, w1)."""
    if s > 0:
        first = _ceil_div(w0 - addr - hi, s)
        stop = _ceil_div(w1 - addr - lo, s)
    else:
        t = -s
        first = (addr + lo - w1) // t + 1
        stop = (addr + hi - w0) // t + 1
    return max(first, 0), min(stop, n)


def _merge(out, part, shift):
    """Add ``part``'s visits (numbered from 0) shifted by ``shift``."""
    for cell, (count, firsts) in part.items():
        shifted = [v + shift for v in firsts]
        entry = out.get(cell)
        if entry is None:
            out[cell] = [count, shifted]
        else:
            entry[0] += count
            entry[1] = sorted(entry[1] + shifted)[:KEEP]


def _repeat(part, n, block):
    """The visits of a stride-0 axis: the same sub-block ``n`` times, the
    j-th repetition numbered ``j * block`` later."""
    reps = min(n, KEEP)
    return {cell: [count * n,
                   sorted(v + j * block for v in firsts
                          for j in range(reps))[:KEEP]]
            for cell, (count, firsts) in part.items()}


def _walk(trace):
    """{cell: [visit count, first visit numbers]} for the drawn cells.

    A recursive walk over a's axes in C order.  At each axis it only
    descends into the indices whose sub-block can reach a drawn cell (the
    others are skipped whole: their visit numbers are known from the index
    arithmetic), and a stride-0 axis is walked once and replicated.
    """
    shape, strides, item = trace.shape, trace.strides, trace.itemsize
    start, ndim = trace.start, len(shape)
    windows = [(start + c0 * item, start + c1 * item)
               for c0, c1 in trace.windows]
    # For axis k: the lowest/highest element start of one sub-block over
    # axes k..ndim-1 (relative to its first element), and its size.
    lows, highs, blocks = [0] * (ndim + 1), [0] * (ndim + 1), [1] * (ndim + 1)
    for k in reversed(range(ndim)):
        span = (shape[k] - 1) * strides[k]
        lows[k] = lows[k + 1] + min(span, 0)
        highs[k] = highs[k + 1] + max(span, 0)
        blocks[k] = blocks[k + 1] * shape[k]
    steps = [0]

    def walk(axis, addr):
        if axis == ndim:
            for w0, w1 in windows:
                if w0 <= addr < w1:
                    return {(addr - start) // item: [1, [0]]}
            return {}
        n, s, block = shape[axis], strides[axis], blocks[axis + 1]
        if s == 0:
            return _repeat(walk(axis + 1, addr), n, block)
        ranges = sorted(_hit_range(addr, s, lows[axis + 1], highs[axis + 1],
                                   w0, w1, n) for w0, w1 in windows)
        out, done = {}, 0
        for first, stop in ranges:
            for i in range(max(first, done), stop):
                steps[0] += 1
                if steps[0] > WALK_BUDGET:
                    return out
                _merge(out, walk(axis + 1, addr + i * s), i * block)
            done = max(done, stop)
        return out

    visits = walk(0, trace.data) if trace.size else {}
    return visits, steps[0] <= WALK_BUDGET


def _gather(t, a, index):
    """Visits of the gather ``a[index]``: which element of ``a`` each item
    of the result copies, found by indexing a grid of ``a``'s own flat
    positions with the same key (so every rule of advanced indexing --
    broadcasting, the subspace, masks -- is minind's, applied once), then
    each position turned into its cell by the stride arithmetic."""
    from minind._creation import arange
    positions = arange(a.size).reshape(a.shape)[index]
    flat = (positions.reshape(-1).tolist() if hasattr(positions, "shape")
            else [int(positions)])
    t.gather = (index, getattr(positions, "shape", ()))
    t.size = len(flat)
    t.complete = len(flat) <= WALK_BUDGET
    windows = [(c0, c1) for c0, c1 in t.windows]
    t.visits, t.steps = {}, []
    for number, position in enumerate(flat[:WALK_BUDGET]):
        where, cell = _element(t, position)
        if number < FIRST_STEPS:
            t.steps.append((where, cell))
        if not any(c0 <= cell < c1 for c0, c1 in windows):
            continue
        entry = t.visits.setdefault(cell, [0, []])
        entry[0] += 1
        if len(entry[1]) < KEEP:
            entry[1].append(number)


def _index_text(index):
    return "a[" + ",".join(map(str, index)) + "]" if index else "a[()]"


def trace(a, index=None):
    """The layout facts and the walk of ``a`` that the drawings show.

    With ``index``, the walk is the gather ``a[index]``: the cells it
    reads, numbered in the order it copies them (``_gather``).

    Attributes: shape, strides, itemsize, dtype, size, data (address of the
    first element), start/end (the drawn buffer's bytes), ncells, offset
    (first element's byte offset from start), flags (dict), owner (text),
    windows (drawn cell ranges), visits ({cell: [count, first KEEP visit
    numbers]} for the drawn cells), complete (False if WALK_BUDGET cut the
    walk short), misaligned, steps (the first FIRST_STEPS (index, cell)).
    """
    if not isinstance(a, MiniArray):
        from minind._creation import asarray
        a = asarray(a)
    t = _Trace()
    t.shape, t.strides, t.itemsize = a.shape, a.strides, a.itemsize
    t.dtype, t.size, t.data = a.dtype.name, a.size, a.ctypes.data
    t.flags = {name: bool(a.flags[name]) for name in
               ("C_CONTIGUOUS", "F_CONTIGUOUS", "OWNDATA", "WRITEABLE")}
    t.start, t.end, t.owner = _buffer(a)
    low, high = _extent(a)
    t.outside = a.size > 0 and (low < t.start or high > t.end)
    if t.outside:            # never for minind's own views; stay truthful
        t.start, t.end = min(t.start, low), max(t.end, high)
    item = t.itemsize
    t.offset = t.data - t.start
    t.ncells = _ceil_div(t.end - t.start, item)
    t.misaligned = a.size > 0 and (
        t.offset % item != 0 or
        any(s % item for n, s in zip(t.shape, t.strides) if n > 1))
    if a.size:
        low_cell = (low - t.start) // item
        high_cell = (high - item - t.start) // item
    else:
        low_cell = high_cell = min(max(t.offset // item, 0),
                                   max(t.ncells - 1, 0))
    t.windows = _windows(t.ncells, low_cell, high_cell) if t.ncells else []
    t.gather = None
    if index is not None:
        _gather(t, a, index)
        return t
    t.visits, t.complete = _walk(t)
    t.steps = []
    for k in range(min(FIRST_STEPS, t.size)):
        t.steps.append(_element(t, k))
    return t


def _element(t, position):
    """(index, cell) of the element at ``position`` in C order of a's
    indices: the index by unravelling, the cell by the stride arithmetic."""
    index, rest = [], position
    for n in reversed(t.shape):
        rest, i = divmod(rest, n)
        index.append(i)
    index.reverse()
    addr = t.data + sum(i * s for i, s in zip(index, t.strides))
    return tuple(index), (addr - t.start) // t.itemsize


# ---------------------------------------------------------------------------
# What both drawings say in words.

def _items(t):
    """The drawn sequence: ("cell", c) or ("gap", c0, c1) for hidden cells."""
    items, pos = [], 0
    for c0, c1 in t.windows:
        if c0 > pos:
            items.append(("gap", pos, c0))
        items.extend(("cell", c) for c in range(c0, c1))
        pos = c1
    if pos < t.ncells:
        items.append(("gap", pos, t.ncells))
    return items


def _visit_label(t, cell):
    """The first visit numbers of a cell, as many as fit in LABEL chars."""
    entry = t.visits.get(cell)
    if entry is None:
        return ""
    count, firsts = entry
    text = str(firsts[0])
    shown = 1
    for v in firsts[1:]:
        if len(text) + 1 + len(str(v)) > LABEL:
            break
        text += f",{v}"
        shown += 1
    return text + "…" if count > shown else text


def _times(t, count):
    """``×n`` under a cell visited n > 1 times (``×n+`` if the walk was cut
    short: n is then only a lower bound)."""
    if count < 2:
        return ""
    return f"×{count:,}" + ("" if t.complete else "+")


def _plural(n, word):
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def _header(t):
    flags = "  ".join(f"{k}={v}" for k, v in t.flags.items())
    nbytes = t.end - t.start
    gather = [] if t.gather is None else [
        f"gather a[{_key_text(t.gather[0])}]: a new array of shape "
        f"{t.gather[1]}, {_plural(t.size, 'element')} copied from the "
        "cells numbered below"]
    return [
        f"a: {t.dtype}, shape {t.shape}, strides {t.strides}, "
        f"itemsize {t.itemsize}",
        f"first element at byte offset {t.offset} of the buffer "
        "(a.ctypes.data minus the buffer's start)",
        f"flags: {flags}",
        f"owner: {t.owner}",
        f"buffer: {_plural(nbytes, 'byte')} = "
        f"{_plural(t.ncells, t.dtype + ' slot')}",
    ] + gather


def _key_text(key):
    """A short spelling of an index key for the header: arrays by dtype
    and shape, anything long cut."""
    parts = key if isinstance(key, tuple) else (key,)
    texts = []
    for part in parts:
        if hasattr(part, "shape") and hasattr(part, "dtype"):
            texts.append(f"<{part.dtype} array of shape {part.shape}>")
        else:
            text = repr(part)
            texts.append(text if len(text) <= 40 else text[:37] + "...")
    return ", ".join(texts)


def _legend(t):
    if t.gather is not None:
        return (f"cell = one {t.dtype} slot of the owner's buffer; numbers "
                "= the order the gather copies them (C order of the "
                "result); · = not read; ×n = read n times; one slot = "
                f"{_plural(t.itemsize, 'byte')}")
    return (f"cell = one {t.dtype} slot of the owner's buffer; numbers = "
            "the order a visits them (C order of a's indices, the order "
            "a.tolist() lists them); · = a never touches that slot; "
            f"×n = visited n times; one slot = {_plural(t.itemsize, 'byte')}")


def _notes(t):
    notes = []
    if t.size == 0:
        notes.append(f"a is empty (shape {t.shape}): it visits no cell.")
    if t.ncells == 0:
        notes.append("The buffer has no bytes: there is no cell to draw.")
    hidden = t.ncells - sum(c1 - c0 for c0, c1 in t.windows)
    if hidden:
        notes.append(
            f"… = {_plural(hidden, 'slot')} not drawn: only {MAX_CELLS} of "
            f"the {t.ncells:,} slots are, around the ones a touches.")
    if t.size and not t.complete:
        notes.append(
            f"The walk stopped after {WALK_BUDGET:,} steps: drawn cells may "
            "have later visits that are not written (×n+ = at least n).")
    if t.size and t.complete:
        counted = sum(count for count, _ in t.visits.values())
        cells = _plural(len(t.visits), "distinct cell")
        if t.gather is not None:
            text = (f"The gather copies {_plural(t.size, 'element')} "
                    f"from {cells}" + ("" if counted == t.size else
                                       f" ({counted:,} of them drawn)")
                    + (": some cells are read more than once"
                       if len(t.visits) < counted else ""))
        elif counted == t.size:
            text = (f"a's {_plural(t.size, 'element')} land in {cells}"
                    if t.size > 1 else f"a's one element lands in {cells}")
            if len(t.visits) < t.size:
                text += ": some cells are visited more than once"
        else:
            text = (f"{counted:,} of a's {t.size:,} visits land in the drawn "
                    f"cells ({cells})")
        notes.append(text + ".")
    if t.misaligned:
        notes.append("Some elements start part-way into a slot (offset or "
                     "stride not a multiple of the itemsize): each is drawn "
                     "in the slot holding its first byte.")
    if t.outside:
        notes.append("a reaches outside its base's buffer: the drawing "
                     "is widened to the bytes a spans.")
    return notes


def _walk_text(t):
    if not t.steps:
        return ""
    parts = [f"{_index_text(i)}→{c}" for i, c in t.steps]
    more = " …" if t.size > len(t.steps) else ""
    if t.gather is not None:
        return ("gather (source element→cell, in copy order): "
                + "  ".join(parts) + more)
    return "walk (element→cell): " + "  ".join(parts) + more


# ---------------------------------------------------------------------------
# The text drawing.

def _wrap(text, indent="  "):
    return textwrap.wrap(text, WIDTH, initial_indent=indent,
                         subsequent_indent=indent + "  ",
                         break_on_hyphens=False)


def render_text(a):
    """The text drawing of ``a``'s walk over its owner's buffer (a str)."""
    t = a if isinstance(a, _Trace) else trace(a)
    lines = [line for text in _header(t)
             for line in _wrap(text, "" if text.startswith("a:") else "  ")]
    lines.append("")
    cells = []
    for entry in _items(t):
        if entry[0] == "gap":
            cells.append(("…", "…", "…", ""))
        else:
            c = entry[1]
            count = t.visits.get(c, [0])[0]
            cells.append((str(c), str(c * t.itemsize),
                          _visit_label(t, c) or "·",
                          _times(t, count)))
    repeated = any(cell[3] for cell in cells)
    if cells:
        width = max(4, max(len(x) for cell in cells for x in cell) + 2)
        pad = " " * 7
        per_row = max(1, min(PER_ROW, (WIDTH - len(pad) - 1) // (width + 1)))
        for row_start in range(0, len(cells), per_row):
            row = cells[row_start:row_start + per_row]
            def labels(k):
                return " ".join(cell[k].rjust(width - 1) + " "
                                for cell in row).rstrip()
            bar = "─" * width
            lines.append(" slot  " + " " + labels(0))
            lines.append(" byte  " + " " + labels(1))
            lines.append(pad + "┌" + "┬".join(bar for _ in row) + "┐")
            lines.append(" visit │" + "│".join(
                cell[2].rjust(width - 1) + " " for cell in row) + "│")
            lines.append(pad + "└" + "┴".join(bar for _ in row) + "┘")
            if repeated:
                lines.append(" times " + " " + labels(3))
    walk = _walk_text(t)
    if cells:
        lines.append("")
    if walk:
        lines.extend(_wrap(walk, ""))
        lines.append("")
    for note in _notes(t):
        lines.extend(_wrap(note, ""))
    lines.append("")
    lines.extend(_wrap("legend: " + _legend(t), ""))
    return "\n".join(line.rstrip() for line in lines)


# ---------------------------------------------------------------------------
# The SVG picture and the HTML page.

_LIGHT = (214, 230, 255)
_DARK = (31, 86, 170)


def _shade(rank, total):
    """Fill colour of the rank-th visited cell (by first visit): light for
    the first visits, dark for the last, so the walk reads as a gradient."""
    f = rank / (total - 1) if total > 1 else 0.0
    r, g, b = (round(lo + (hi - lo) * f) for lo, hi in zip(_LIGHT, _DARK))
    return f"#{r:02x}{g:02x}{b:02x}", f > 0.55


def _text(x, y, body, size=13, anchor="start", fill="#222", weight=None,
          extra=""):
    attrs = (f'x="{x:.1f}" y="{y:.1f}" font-size="{size}" '
             f'text-anchor="{anchor}" fill="{fill}"')
    if weight:
        attrs += f' font-weight="{weight}"'
    return f"<text {attrs}{extra}>{escape(body)}</text>"


def render_svg(a):
    """A self-contained SVG picture of ``a``'s walk (a str)."""
    t = a if isinstance(a, _Trace) else trace(a)
    char = 8.2                      # width of one 13px monospace character
    wrap = WIDTH - 10
    margin, line = 20, 19
    items = _items(t)
    labels = {e[1]: _visit_label(t, e[1]) for e in items if e[0] == "cell"}
    longest = max([len(s) for s in labels.values()] + [len(str(
        t.ncells * t.itemsize)), 3])
    cw, ch = max(46, longest * char + 16), 42
    per_row = max(1, min(PER_ROW, int((wrap * char) // cw)))
    header = [w for text in _header(t) for w in textwrap.wrap(text, wrap)]
    legend = textwrap.wrap("legend: " + _legend(t), wrap)
    tail = textwrap.wrap(_walk_text(t), wrap) if t.steps else []
    for note in _notes(t):
        tail.extend(textwrap.wrap(note, wrap))
    row_h = 16 + ch + 16 + 16 + 12
    rows = (len(items) + per_row - 1) // per_row
    body_w = min(len(items), per_row) * cw
    text_w = max(len(s) for s in header + legend + tail) * char
    width = 2 * margin + max(body_w, text_w, 300)
    hint_y = margin + 13 + line * len(header)
    top = hint_y + 14
    height = top + rows * row_h + line * (len(tail) + len(legend) + 1) + margin
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" '
           f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
           'font-family="DejaVu Sans Mono, Menlo, Consolas, monospace">',
           f"<title>{escape(header[0])}</title>",
           f'<rect width="100%" height="100%" fill="#ffffff"/>',
           '<g class="header">']
    for k, text in enumerate(header):
        out.append(_text(margin, margin + 13 + k * line, text,
                         size=15 if k == 0 else 13,
                         weight="bold" if k == 0 else None))
    out.append("</g>")
    order = sorted(labels, key=lambda c: (t.visits[c][1][0]
                                          if c in t.visits else -1))
    visited = [c for c in order if c in t.visits]
    rank = {c: k for k, c in enumerate(visited)}
    out.append('<g class="cells">')
    for k, entry in enumerate(items):
        x = margin + (k % per_row) * cw
        y = top + (k // per_row) * row_h + 16
        cx = x + cw / 2
        if entry[0] == "gap":
            c0, c1 = entry[1], entry[2]
            out.append(f'<g class="gap" data-first="{c0}" data-stop="{c1}">'
                       f"<title>slots {c0:,} to {c1 - 1:,} not drawn</title>")
            out.append(f'<rect x="{x + 2:.1f}" y="{y:.1f}" '
                       f'width="{cw - 4:.1f}" height="{ch}" fill="none" '
                       'stroke="#888" stroke-dasharray="4 3"/>')
            out.append(_text(cx, y + ch / 2 + 5, "…", size=16,
                             anchor="middle", fill="#666"))
            out.append("</g>")
            continue
        c = entry[1]
        count, firsts = t.visits.get(c, (0, []))
        if count:
            fill, dark = _shade(rank[c], len(visited))
            ink = "#ffffff" if dark else "#102040"
        else:
            fill, ink = "#ffffff", "#aaaaaa"
        byte = c * t.itemsize
        tip = (f"slot {c}: bytes {byte} to {byte + t.itemsize - 1}; " +
               (f"visited {count:,} time(s), first as "
                f"visit {', '.join(map(str, firsts))}" if count
                else "not touched by a"))
        out.append(f'<g class="cell" data-slot="{c}" data-count="{count}" '
                   f'data-visits="{",".join(map(str, firsts))}">'
                   f"<title>{escape(tip)}</title>")
        out.append(_text(cx, y - 4, str(c), size=11, anchor="middle",
                         fill="#555"))
        out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{cw:.1f}" '
                   f'height="{ch}" fill="{fill}" stroke="#333" '
                   'stroke-width="1"/>')
        out.append(_text(cx, y + ch / 2 + 5, labels[c] or "·", size=14,
                         anchor="middle", fill=ink,
                         weight="bold" if count else None))
        out.append(_text(cx, y + ch + 13, f"+{byte}", size=10,
                         anchor="middle", fill="#777"))
        if count > 1:
            out.append(_text(cx, y + ch + 27, _times(t, count), size=12,
                             anchor="middle", fill="#b03020", weight="bold"))
        out.append("</g>")
    out.append("</g>")
    y = top + rows * row_h + 6
    out.append('<g class="notes">')
    for k, text in enumerate(tail):
        out.append(_text(margin, y + k * line, text))
    out.append("</g>")
    y += line * (len(tail) + 1) if tail else 0
    out.append('<g class="legend">')
    for k, text in enumerate(legend):
        out.append(_text(margin, y + k * line, text, fill="#444"))
    out.append("</g>")
    out.append(_text(margin, hint_y,
                     "above each cell: slot number; below: byte offset in "
                     "the buffer", size=11, fill="#777"))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def render_html(a):
    """An HTML page embedding ``render_svg(a)`` and the text drawing."""
    t = a if isinstance(a, _Trace) else trace(a)
    title = escape(_header(t)[0])
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
        "<meta charset=\"utf-8\">\n"
        f"<title>minind.show: {title}</title>\n"
        "<style>body{font-family:sans-serif;margin:2em;color:#222}"
        "pre{background:#f6f6f6;padding:1em;overflow-x:auto}</style>\n"
        "</head>\n<body>\n"
        f"<h1>minind.show</h1>\n<p>{escape(_legend(t))}</p>\n"
        + render_svg(t) +
        "<details><summary>the same as text</summary>\n"
        f"<pre>{escape(render_text(t))}</pre>\n</details>\n"
        "</body>\n</html>\n")


# ---------------------------------------------------------------------------

def show(a, file=None, *, index=None):
    """Draw the owner's buffer of ``a`` and the order ``a`` walks it; with
    ``index``, the cells the gather ``a[index]`` copies, in copy order.

    ``file=None`` prints the text drawing to sys.stdout and returns None
    (``render_text(a)`` returns it as a str instead); a text stream gets
    the text drawing; a path ending ``.svg`` gets an SVG picture, ``.html``
    or ``.htm`` an HTML page embedding it, ``.txt`` the text drawing.
    Anything that is not a MiniArray goes through ``minind.asarray``
    first (so a NumPy array is drawn as imported memory).

    >>> a = mi.arange(6.0).reshape(2, 3)
    >>> mi.show(a.T)          # same six cells as a, visited 0 2 4 1 3 5
    >>> mi.show(a, index=[1, 0])   # rows swapped: cells 3 4 5, then 0 1 2
    """
    t = trace(a, index)
    if file is None:
        print(render_text(t))
        return None
    if hasattr(file, "write"):
        file.write(render_text(t) + "\n")
        return None
    path = os.fspath(file)
    suffix = os.path.splitext(path)[1].lower()
    renderers = {".svg": render_svg, ".html": render_html,
                 ".htm": render_html,
                 ".txt": lambda x: render_text(x) + "\n"}
    if suffix not in renderers:
        raise ValueError(f"show() writes .svg, .html or .txt files, not "
                         f"{path!r}")
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(renderers[suffix](t))
    return None
