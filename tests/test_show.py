"""show(a): the drawing of the owner's buffer and of a's walk over it.

The visit numbers drawn are checked against an oracle computed from NumPy
alone: ``np.asarray(a)`` (a zero-copy view of the same memory) gives the
first element's address and the strides, NumPy's ``byte_bounds`` or the
owner's ``__array_interface__`` the buffer's start; every element's cell
is ``(address - start) // itemsize`` and its visit number its position in
C order.  The text drawing, the SVG's cells and the trace must all agree
with it.
"""
import io
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from hypothesis import assume, given, strategies as st

import minind as mi
from minind import _show
from minind._show import render_html, render_svg, render_text, show, trace
from minind.lib.stride_tricks import as_strided, sliding_window_view
from strategies import sliced, twins

SVG = "{http://www.w3.org/2000/svg}"


# -- the oracle ---------------------------------------------------------------

def numpy_start(a):
    """Address of the drawn buffer's first byte, from NumPy's view of it."""
    # Down the chain of bases (an as_strided view's base stands for the
    # array it was made from) to the owner, or to the array that imports
    # a buffer through a memoryview.
    obj = a
    while obj.base is not None and not isinstance(obj.base, memoryview):
        if isinstance(obj, mi.MiniArray) and obj.flags["OWNDATA"]:
            break
        obj = obj.base
    if obj.base is None:
        return np.asarray(obj).__array_interface__["data"][0]
    low, _ = np.lib.array_utils.byte_bounds(np.asarray(obj.base))
    return low


def cell_grid(a):
    """Each element's cell, from NumPy's addresses (the oracle's grid)."""
    n = np.asarray(a)
    start = numpy_start(a)
    addresses = np.full(n.shape, n.__array_interface__["data"][0],
                        dtype=np.int64)
    for axis, (length, stride) in enumerate(zip(n.shape, n.strides)):
        index = np.arange(length, dtype=np.int64).reshape(
            [-1 if k == axis else 1 for k in range(n.ndim)])
        addresses = addresses + index * stride
    return (addresses - start) // n.itemsize


def oracle(a, cells=None):
    """{cell: [visit numbers]} from NumPy's addresses (``cells``: only
    those cells)."""
    assert np.asarray(a).__array_interface__["data"][0] == a.ctypes.data
    flat = cell_grid(a).ravel()                             # C order
    result = {}
    wanted = np.unique(flat) if cells is None else np.asarray(sorted(cells))
    for cell in wanted:
        visits = np.flatnonzero(flat == cell).tolist()
        if visits:
            result[int(cell)] = visits
    return result


def drawn_cells(t):
    return {c for c0, c1 in t.windows for c in range(c0, c1)}


def assert_matches_oracle(a):
    """The trace, the SVG and the text drawing all show the oracle's
    visits; returns the trace."""
    t = trace(a)
    expected = oracle(a, drawn_cells(t) if t.ncells > _show.MAX_CELLS
                      else None)
    assert t.complete
    assert set(t.visits) == set(expected)
    for cell, visits in expected.items():
        assert t.visits[cell] == [len(visits), visits[:_show.KEEP]], cell
    svg = svg_cells(render_svg(a))
    assert set(svg) == drawn_cells(t)
    for cell, (count, visits) in svg.items():
        want = expected.get(cell, [])
        assert count == len(want) and visits == want[:_show.KEEP], cell
    drawn = text_cells(render_text(a))
    assert set(drawn) == drawn_cells(t)
    for cell, label in drawn.items():
        assert label == expected_label(expected.get(cell, [])), cell
    return t


def expected_label(visits):
    """What a text cell shows: the first visit numbers that fit, and …
    if some are left out; · if none."""
    if not visits:
        return "·"
    shown = [str(visits[0])]
    for v in visits[1:_show.KEEP]:
        if len(",".join(shown + [str(v)])) > _show.LABEL:
            break
        shown.append(str(v))
    return ",".join(shown) + ("…" if len(visits) > len(shown) else "")


# -- reading the drawings back ------------------------------------------------

def text_cells(text):
    """{slot: visit label} read off the text drawing's slot/visit rows."""
    lines = text.splitlines()
    cells = {}
    for k, line in enumerate(lines):
        if line.startswith(" slot "):
            slots = line.split()[1:]
            visit_row = lines[k + 3]
            assert visit_row.startswith(" visit │")
            labels = [x.strip() for x in visit_row.split("│")[1:-1]]
            assert len(labels) == len(slots)
            for slot, label in zip(slots, labels):
                if slot != "…":
                    cells[int(slot)] = label
    return cells


def svg_cells(svg):
    """{slot: (count, first visits)} from the SVG's cell groups."""
    root = ET.fromstring(svg)
    assert root.tag == SVG + "svg"
    cells = {}
    for g in root.iter(SVG + "g"):
        if g.get("class") == "cell":
            visits = g.get("data-visits")
            cells[int(g.get("data-slot"))] = (
                int(g.get("data-count")),
                [int(v) for v in visits.split(",")] if visits else [])
            assert g.find(SVG + "rect") is not None
    return cells


def svg_text(svg):
    root = ET.fromstring(svg)
    return [el.text for el in root.iter(SVG + "text")]


def assert_readable(text):
    assert all(len(line) <= 100 for line in text.splitlines()), \
        max(text.splitlines(), key=len)
    assert "cell = one" in text and "numbers = the order a visits them" \
        in text


# -- owner, transpose, slice, broadcast, 0-d, empty, large, imported ---------

def test_c_array():
    a = mi.arange(6.0).reshape(2, 3)
    t = assert_matches_oracle(a)
    assert t.visits == {c: [1, [c]] for c in range(6)}
    text = render_text(a)
    assert_readable(text)
    assert "shape (2, 3), strides (24, 8), itemsize 8" in text
    assert "byte offset 0" in text
    assert "C_CONTIGUOUS=True  F_CONTIGUOUS=False  OWNDATA=False  " \
        "WRITEABLE=True" in text
    assert "cell = one float64 slot of the owner's buffer; numbers = the " \
        "order a visits them" in text
    assert text_cells(text) == {c: str(c) for c in range(6)}
    texts = svg_text(render_svg(a))
    assert any("strides (24, 8)" in s for s in texts)
    assert any("OWNDATA=False" in s for s in texts)


def test_transpose_walks_the_same_cells_in_another_order():
    a = mi.arange(6.0).reshape(2, 3)
    t, tt = trace(a), trace(a.T)
    assert set(tt.visits) == set(t.visits)
    assert (tt.start, tt.ncells) == (t.start, t.ncells)
    assert_matches_oracle(a.T)
    assert text_cells(render_text(a.T)) == {0: "0", 1: "2", 2: "4",
                                            3: "1", 4: "3", 5: "5"}
    assert render_text(a.T) != render_text(a)
    assert "F_CONTIGUOUS=True" in render_text(a.T)


def test_stepped_slice_shows_gaps():
    a = mi.arange(10.0)[::3]
    assert_matches_oracle(a)
    cells = text_cells(render_text(a))
    assert cells == {0: "0", 1: "·", 2: "·", 3: "1", 4: "·", 5: "·",
                     6: "2", 7: "·", 8: "·", 9: "3"}
    svg = svg_cells(render_svg(a))
    assert [c for c, (count, _) in svg.items() if count == 0] == \
        [1, 2, 4, 5, 7, 8]


def test_broadcast_to_repeats_visits():
    a = mi.broadcast_to(mi.arange(3.0), (4, 3))
    t = assert_matches_oracle(a)
    assert t.visits == {0: [4, [0, 3, 6, 9]], 1: [4, [1, 4, 7, 10]],
                        2: [4, [2, 5, 8, 11]]}
    text = render_text(a)
    assert text_cells(text) == {0: "0,3,6,9", 1: "1,4,7,10",
                                2: "2,5,8,11"}
    assert re.search(r"^ times\s+×4\s+×4\s+×4$", text, re.M)
    assert "strides (0, 8)" in text and "WRITEABLE=False" in text
    assert "×4" in svg_text(render_svg(a))


def test_zero_d():
    a = mi.zeros(())
    t = assert_matches_oracle(a)
    assert t.visits == {0: [1, [0]]} and t.ncells == 1
    text = render_text(a)
    assert "shape (), strides ()" in text and "a[()]→0" in text
    assert "OWNDATA=True" in text
    view = mi.arange(6.0).reshape(2, 3)[1, 1, ...]
    assert view.ndim == 0
    assert assert_matches_oracle(view).visits == {4: [1, [0]]}
    assert "byte offset 32" in render_text(view)
    ET.fromstring(render_svg(view))


def test_empty_arrays():
    owner = mi.zeros((0, 3))
    t = trace(owner)
    assert (t.ncells, t.visits, t.windows) == (0, {}, [])
    text = render_text(owner)
    assert_readable(text)
    assert "a is empty" in text and "no cell to draw" in text
    assert svg_cells(render_svg(owner)) == {}
    view = mi.arange(6.0)[3:3]
    t = trace(view)
    assert t.ncells == 6 and t.visits == {}
    assert text_cells(render_text(view)) == {c: "·" for c in range(6)}
    assert all(count == 0 for count, _ in svg_cells(render_svg(view)).values())


def test_large_array_is_truncated_and_fast():
    big = mi.arange(1e6).reshape(1000, 1000)
    for a in (big, big.T[::7], big[::-3, 5:], big[500:502, 10:20]):
        began = time.perf_counter()
        t = assert_matches_oracle(a)
        text = render_text(a)
        svg = render_svg(a)
        assert time.perf_counter() - began < 5
        assert sum(c1 - c0 for c0, c1 in t.windows) <= _show.MAX_CELLS
        assert "…" in text and "not drawn" in text
        assert_readable(text)
        root = ET.fromstring(svg)
        gaps = [g for g in root.iter(SVG + "g") if g.get("class") == "gap"]
        assert gaps
    # The window follows a: a small slice in the middle of a big buffer.
    t = trace(big[500:502, 10:20])
    assert len(t.visits) == 20 and t.visits[500 * 1000 + 10] == [1, [0]]


def test_huge_broadcast_does_not_hang():
    a = mi.broadcast_to(mi.arange(3.0), (10**9, 3))
    began = time.perf_counter()
    t = trace(a)
    text = render_text(a)
    assert time.perf_counter() - began < 2
    assert t.complete
    assert t.visits == {0: [10**9, [0, 3, 6, 9]], 1: [10**9, [1, 4, 7, 10]],
                        2: [10**9, [2, 5, 8, 11]]}
    assert "×1,000,000,000" in text
    assert_readable(text)
    # 10**8 overlapping elements, nearly all in drawn cells: the walk stops
    # at its budget and says so.
    huge = as_strided(mi.arange(1000.0), shape=(100, 100, 100, 100),
                      strides=(8, 8, 8, 8))
    began = time.perf_counter()
    t = trace(huge)
    text = render_text(huge)
    assert time.perf_counter() - began < 10
    assert not t.complete and "walk stopped" in text
    assert_readable(text)


def test_imported_numpy_array():
    n = np.arange(12.0).reshape(3, 4)
    a = mi.asarray(n[::2, ::-1])
    assert isinstance(a.base, memoryview)
    t = assert_matches_oracle(a)
    assert t.start == np.lib.array_utils.byte_bounds(n[::2, ::-1])[0]
    assert t.offset == 24
    text = render_text(a)
    assert "numpy.ndarray" in text and "strides (64, -8)" in text
    assert text_cells(text) == {0: "3", 1: "2", 2: "1", 3: "0", 4: "·",
                                5: "·", 6: "·", 7: "·", 8: "7", 9: "6",
                                10: "5", 11: "4"}
    # A view of the imported array: the imported memory is drawn whole.
    v = mi.asarray(n)[::2, 1:]
    t = assert_matches_oracle(v)
    assert t.ncells == 12 and t.offset == 8
    # np.asarray(memoryview(...)) exports the same memory again.
    assert_matches_oracle(mi.asarray(np.asarray(memoryview(n.T))))


def test_bytearray_with_an_odd_offset():
    buffer = bytearray(40)
    a = mi.MiniArray((3,), buffer=buffer, offset=3)
    t = trace(a)
    assert t.ncells == 5 and t.offset == 3 and t.misaligned
    assert t.visits == {0: [1, [0]], 1: [1, [1]], 2: [1, [2]]}
    assert "part-way into a slot" in render_text(a)


@pytest.mark.parametrize("make", [
    lambda: mi.arange(24.0).reshape(2, 3, 4).transpose(1, 2, 0),
    lambda: mi.arange(24.0).reshape(4, 6)[1::2, ::-2],
    lambda: mi.asfortranarray(mi.arange(6.0).reshape(2, 3)),
    lambda: mi.arange(12, dtype=mi.int16).reshape(3, 4)[:, ::3],
    lambda: mi.arange(8, dtype=mi.uint8)[::-1],
    lambda: mi.broadcast_to(mi.arange(4.0).reshape(4, 1), (4, 5)),
    lambda: mi.broadcast_to(mi.arange(3.0)[::-1], (2, 2, 3)),
    lambda: sliding_window_view(mi.arange(8, dtype=mi.int32), 3),
    lambda: as_strided(mi.arange(10.0), shape=(4, 3), strides=(16, 8)),
    lambda: mi.arange(200.0).reshape(10, 20).T[::3, 1:],
    lambda: mi.arange(5000.0).reshape(50, 100)[::-7, ::9],
    lambda: mi.expand_dims(mi.arange(6.0), 0)[:, ::2],
], ids=["3d-transpose", "step-and-reverse", "fortran-owner", "int16",
        "uint8-reversed", "broadcast-column", "broadcast-reversed",
        "sliding-window", "as-strided-overlap", "wrapped-rows",
        "truncated-reversed", "expand-dims"])
def test_views_match_the_numpy_oracle(make):
    a = make()
    assert_matches_oracle(a)
    assert_readable(render_text(a))


@given(twins())
def test_every_layout_matches_the_numpy_oracle(pair):
    """Owners, slices, transposes, broadcasts and read-only arrays of every
    dtype and shape (0-d and empty too), imported from NumPy or not."""
    m, _ = pair
    assert_matches_oracle(m)


@given(st.data())
def test_minind_views_match_the_numpy_oracle(data):
    """Views of a minind owner: random steps (also negative), then a
    random permutation of the axes."""
    shape = data.draw(st.lists(st.integers(1, 6), min_size=1, max_size=3))
    owner = mi.arange(float(np.prod(shape))).reshape(*shape)
    view = data.draw(sliced(owner))
    view = view.transpose(*data.draw(st.permutations(range(view.ndim))))
    t = assert_matches_oracle(view)
    assert t.ncells == owner.size


def test_first_steps_follow_tolist_order():
    a = mi.arange(12.0).reshape(3, 4).T[::-1]
    t = trace(a)
    values = [v for row in a.tolist() for v in row]
    # arange: the value stored in cell c is c itself.
    assert [cell for _, cell in t.steps] == values[:len(t.steps)]
    assert "a[0,0]→3" in render_text(a)


# -- files and streams --------------------------------------------------------

def test_show_prints_and_returns_none(capsys):
    a = mi.arange(6.0).reshape(2, 3)
    assert show(a) is None
    assert capsys.readouterr().out == render_text(a) + "\n"
    stream = io.StringIO()
    assert show(a.T, file=stream) is None
    assert stream.getvalue() == render_text(a.T) + "\n"


def test_svg_and_html_files(tmp_path):
    a = mi.arange(6.0).reshape(2, 3).T
    svg_path, html_path = tmp_path / "walk.svg", tmp_path / "walk.html"
    show(a, file=str(svg_path))
    show(a, file=html_path)
    svg = svg_path.read_text(encoding="utf-8")
    assert svg == render_svg(a)
    root = ET.parse(svg_path).getroot()
    assert root.tag == SVG + "svg"
    assert float(root.get("width")) > 0 and float(root.get("height")) > 0
    shaded = [g for g in root.iter(SVG + "g") if g.get("class") == "cell"]
    assert all(g.find(SVG + "rect").get("fill") != "#ffffff"
               for g in shaded)
    assert any("numbers = the order a visits them" in (s or "")
               for s in svg_text(svg))
    html = html_path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert svg in html
    embedded = html[html.index("<svg"):html.index("</svg>") + 6]
    assert svg_cells(embedded) == svg_cells(svg)
    show(a, file=tmp_path / "walk.txt")
    assert (tmp_path / "walk.txt").read_text(encoding="utf-8") == \
        render_text(a) + "\n"
    with pytest.raises(ValueError, match=r"\.svg, \.html or \.txt"):
        show(a, file=tmp_path / "walk.png")


def test_svg_escapes_and_parses_for_every_kind():
    for a in (mi.zeros(()), mi.zeros((0, 3)), mi.arange(10.0)[::3],
              mi.broadcast_to(mi.arange(3.0), (4, 3)),
              mi.asarray(np.arange(6.0)[::-1]),
              mi.arange(1e5)[::-17]):
        ET.fromstring(render_svg(a))
        html = render_html(a)
        ET.fromstring(html[html.index("<svg"):html.index("</svg>") + 6])


def test_non_miniarray_input_goes_through_asarray():
    text = render_text([[1, 2], [3, 4]])
    assert "int64, shape (2, 2)" in text and "OWNDATA=True" in text


def test_module_does_not_import_numpy():
    src = os.path.join(os.path.dirname(__file__), os.pardir, "src")
    code = ("import sys, minind._show as s, minind as mi;"
            "s.render_svg(mi.arange(6.0).reshape(2, 3));"
            "assert 'numpy' not in sys.modules, 'numpy imported'")
    env = dict(os.environ, PYTHONPATH=os.path.abspath(src))
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


# -- a gather: show(a, index=key) --------------------------------------------

@st.composite
def gathers(draw):
    """(a minind array in any layout, an advanced key NumPy resolves)."""
    from hypothesis.extra import numpy as hnp
    m, n = draw(twins(shape=hnp.array_shapes(min_dims=1, max_dims=3,
                                             min_side=1, max_side=5)))
    assume(n.ndim > 0 and n.size > 0)       # (sliced layouts may empty it)
    if draw(st.booleans()):
        key = draw(hnp.integer_array_indices(n.shape))
    else:
        key = draw(hnp.arrays(np.bool_, n.shape))
    return m, key


@given(gathers())
def test_gather_numbers_the_cells_numpy_reads(pair):
    """show(a, index=key) numbers the cells a[key] copies, in the order
    NumPy's a[key] lists them: NumPy indexes the grid of each element's
    cell with the same key, and the drawing must agree cell by cell."""
    m, key = pair
    want = {}
    for number, cell in enumerate(cell_grid(m)[key].ravel().tolist()):
        want.setdefault(cell, []).append(number)
    mkey = (tuple(mi.asarray(k) for k in key) if isinstance(key, tuple)
            else mi.asarray(key))
    t = trace(m, mkey)
    drawn = drawn_cells(t)
    assert t.size == sum(len(v) for v in want.values())
    assert t.visits == {cell: [len(v), v[:_show.KEEP]]
                        for cell, v in want.items() if cell in drawn}
    text = render_text(t)
    assert "numbers = the order the gather copies them" in text
    for cell, label in text_cells(text).items():
        assert label == expected_label(want.get(cell, [])), cell


def test_gather_drawing_reads_as_a_copy():
    a = mi.arange(6.0).reshape(2, 3)
    text = io.StringIO()
    show(a, text, index=[1, 0])
    drawing = text.getvalue()
    assert "gather a[[1, 0]]: a new array of shape (2, 3)" in drawing
    assert text_cells(drawing) == {0: "3", 1: "4", 2: "5", 3: "0", 4: "1",
                                   5: "2"}
    assert "a[1,0]→3" in drawing
    repeated = render_text(trace(a, ([0, 0], [2, 2])))
    assert "×2" in repeated and "read more than once" in repeated
    mask = render_text(trace(a, a > 2))
    assert "<bool array of shape (2, 3)>" in mask
    svg = svg_cells(render_svg(trace(a, [1])))
    assert svg[3] == (1, [0]) and svg[0] == (0, [])
