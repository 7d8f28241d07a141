"""Tiled traversal (``_loops.plan_tiles``): same results, other order.

When an operand runs against the grain of the destination and the cache
cannot make up for it, minind walks two axes in square tiles.  That only
changes the order in which items are visited, so every result must equal
NumPy's bit for bit.  Real tiling needs arrays of megabytes; these tests
force it on small ones with the test hook ``_loops._force_tiles(edge)``
(tile whenever an operand is against the grain, with that edge), and
draw shapes longer than a tile in every layout: transposes of 2-d and
3-d arrays, negative steps (``sliced``), zero strides (``broadcast``).
The planning itself is checked on tuples through ``_loops._tile_plan``.
"""
import contextlib

import numpy as np
import pytest
from hypothesis import given, strategies as st
from hypothesis.extra import numpy as hnp

import minind as mi
from minind import _loops
from strategies import (BASE_LAYOUTS, LAYOUTS, assert_same, layout_twins,
                        twin_of)

# Long enough for several tiles of edge 2..5, small enough to be quick.
tiled_shapes = hnp.array_shapes(min_dims=2, max_dims=3, min_side=2,
                                max_side=13)
edges = st.integers(2, 5)
NUMERIC = st.sampled_from([np.dtype(name) for name in
                           ("bool", "int8", "uint16", "int32", "int64",
                            "float32", "float64")])
ORDERS = ["C", "F", "K", "A"]


@contextlib.contextmanager
def forced_tiles(edge):
    """Tile every traversal against the grain, with tiles of ``edge``."""
    previous = _loops._force_tiles(edge)
    try:
        yield
    finally:
        _loops._force_tiles(previous)


# ---------------------------------------------------------------------------
# Planning, on tuples
# ---------------------------------------------------------------------------

def test_plan_tiles_a_transpose_with_rows_along_the_destination():
    with forced_tiles(4):
        # dst C (strides 80, 8), src its transpose's layout (8, 80).
        shape, strides, tile = _loops._tile_plan(
            (10, 10), [(80, 8), (8, 80)], (8, 8))
        assert tile == 4
        assert strides[0][-1] == 8          # rows of a tile: dst contiguous
        # The same with dst F: the plane's axes swap, dst still contiguous.
        shape, strides, tile = _loops._tile_plan(
            (10, 10), [(8, 80), (80, 8)], (8, 8))
        assert tile == 4 and strides[0][-1] == 8


def test_plan_tiles_3d_moves_the_plane_innermost():
    with forced_tiles(2):
        c = (4 * 5 * 8, 5 * 8, 8)                    # C strides of (3, 4, 5)
        reversed_ = (8, 3 * 8, 3 * 4 * 8)            # the transpose's layout
        shape, strides, tile = _loops._tile_plan((3, 4, 5), [c, reversed_],
                                                 (8, 8))
        assert tile == 2
        assert shape == (4, 3, 5)          # the middle axis stays outside
        assert strides == ((40, 160, 8), (24, 8, 96))


@pytest.mark.parametrize("strides, itemsizes", [
    ([(80, 8), (80, 8)], (8, 8)),          # same layout: nothing to gain
    ([(80, 8), (0, 8)], (8, 8)),           # src broadcast along rows
    ([(80, 8), (8, 0)], (8, 8)),           # src broadcast along the run
    ([(0, 8), (8, 80)], (8, 8)),           # dst writes one place twice
    ([(8, 8), (8, 80)], (8, 8)),           # dst rows interleave
])
def test_plan_tiles_refuses(strides, itemsizes):
    with forced_tiles(4):
        assert _loops._tile_plan((10, 10), strides, itemsizes)[2] == 0


def test_plan_tiles_not_forced_keeps_short_runs_untiled():
    # A 10 x 10 transpose's lines always stay in cache: no tiles.
    assert _loops._tile_plan((10, 10), [(80, 8), (8, 80)], (8, 8))[2] == 0


def test_plan_tiles_disabled_by_the_hook():
    with forced_tiles(-1):
        assert _loops._tile_plan((4096, 4096), [(32768, 8), (8, 32768)],
                                 (8, 8))[2] == 0


def test_cache_sizes_are_read_or_assumed():
    l1, line, l2, ways = _loops._caches()
    assert l1 > 0 and l2 > 0 and ways > 0
    assert line > 0 and line & (line - 1) == 0       # a power of two


def test_force_tiles_hook_returns_the_previous_edge():
    with forced_tiles(3):
        assert _loops._force_tiles(5) == 3
        assert _loops._force_tiles(3) == 5


# ---------------------------------------------------------------------------
# Copies and casts, against NumPy
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("layout", LAYOUTS)
@given(data=st.data(), edge=edges)
def test_tiled_copies(layout, data, edge):
    with forced_tiles(edge):
        m, n = data.draw(layout_twins(layout, NUMERIC, tiled_shapes))
        assert_same(mi.ascontiguousarray(m), np.ascontiguousarray(n))
        assert_same(mi.asfortranarray(m), np.asfortranarray(n))
        for order in ORDERS:
            assert_same(m.copy(order=order), n.copy(order=order))


@pytest.mark.parametrize("layout", LAYOUTS)
@given(data=st.data(), edge=edges, target=NUMERIC)
def test_tiled_astype(layout, data, edge, target):
    m, n = data.draw(layout_twins(layout, NUMERIC, tiled_shapes))
    for order in ("C", "F"):
        untiled = m.astype(target.name, order=order)
        with forced_tiles(edge):
            tiled = m.astype(target.name, order=order)
        # Bit for bit what the plain walk gives ...
        assert_same(tiled, np.asarray(untiled))
        # ... and NumPy's, except where NumPy is undefined: a float out
        # of an integer's range (minind saturates, see _loops.convert).
        if n.dtype.kind != "f" or target.kind in "fb":
            with np.errstate(all="ignore"):
                assert_same(tiled, n.astype(target, order=order))


@pytest.mark.parametrize("dst_layout", BASE_LAYOUTS)
@given(data=st.data(), edge=edges, dtype=NUMERIC)
def test_tiled_assignment_of_a_transpose(dst_layout, data,
                                         edge, dtype):
    with forced_tiles(edge):
        md, nd = data.draw(layout_twins(dst_layout, dtype, tiled_shapes))
        # A source of nd's shape whose memory order is a drawn permutation
        # (a C array of the permuted shape, transposed back), maybe reversed.
        axes = data.draw(st.permutations(range(nd.ndim)))
        base = data.draw(hnp.arrays(dtype, tuple(nd.shape[a] for a in axes)))
        view = base.transpose(np.argsort(axes))
        if data.draw(st.booleans()):
            view = view[::-1]
        ms, ns = twin_of("transposed", view)
        md[...] = ms
        nd[...] = ns
        assert_same(md, nd)


# ---------------------------------------------------------------------------
# Element-wise ufuncs, against NumPy
# ---------------------------------------------------------------------------

BINARY = ["add", "multiply", "less", "maximum"]


@pytest.mark.parametrize("name", BINARY)
@pytest.mark.parametrize("layout", LAYOUTS)
@given(data=st.data(), edge=edges)
def test_tiled_binary_ufuncs(name, layout, data, edge):
    with forced_tiles(edge):
        dtype = data.draw(NUMERIC)
        m1, n1 = data.draw(layout_twins(layout, dtype, tiled_shapes))
        # The other operand: the same shape, C or F or transposed.
        other_layout = data.draw(st.sampled_from(["C", "F", "transposed"]))
        m2, n2 = data.draw(layout_twins(other_layout, dtype,
                                        st.just(n1.shape)))
        with np.errstate(all="ignore"):
            assert_same(getattr(mi, name)(m1, m2), getattr(np, name)(n1, n2))
            # out= in a layout of its own, against both inputs.
            out_layout = data.draw(st.sampled_from(["C", "F", "transposed"]))
            expected = getattr(np, name)(n1, n2)
            mo, no = data.draw(layout_twins(out_layout, expected.dtype,
                                            st.just(n1.shape)))
            getattr(mi, name)(m1, m2, out=mo)
            getattr(np, name)(n1, n2, out=no)
            assert_same(mo, no)


@pytest.mark.parametrize("name", ["add", "subtract", "multiply"])
@given(data=st.data(), edge=edges, dtype=NUMERIC.filter(
    lambda d: d.kind != "b"))
def test_tiled_in_place_against_a_transpose(name, data, edge, dtype):
    # out is the first input (in place: the same addresses), the second
    # input runs against its grain: the tiled walk must read each item
    # before writing it, as the plain walk does.
    with forced_tiles(edge):
        m1, n1 = data.draw(layout_twins("C", dtype, tiled_shapes))
        m2, n2 = data.draw(layout_twins("transposed", dtype,
                                        st.just(n1.shape)))
        with np.errstate(all="ignore"):
            getattr(mi, name)(m1, m2, out=m1)
            getattr(np, name)(n1, n2, out=n1)
        assert_same(m1, n1)
        # a += a.T: the input overlaps out in another layout (copied first).
        square = data.draw(layout_twins("C", dtype, st.integers(2, 13).map(
            lambda k: (k, k))))
        ms, ns = square
        with np.errstate(all="ignore"):
            getattr(mi, name)(ms, ms.T, out=ms)
            getattr(np, name)(ns, ns.T, out=ns)
        assert_same(ms, ns)


@given(data=st.data(), edge=edges)
def test_tiled_mixed_dtypes_and_broadcasting(data, edge):
    # int32 C + float64 F (a cast first), and a broadcast row.
    with forced_tiles(edge):
        m1, n1 = data.draw(layout_twins("C", np.dtype("int32"), tiled_shapes))
        m2, n2 = data.draw(layout_twins("F", np.dtype("float64"),
                                        st.just(n1.shape)))
        assert_same(mi.add(m1, m2), np.add(n1, n2))
        row = n2[(0,) * (n2.ndim - 1)]
        with np.errstate(all="ignore"):
            assert_same(mi.multiply(m2, mi.array(row)),
                        np.multiply(n2, row))


# ---------------------------------------------------------------------------
# Unforced, at a size that tiles on common caches
# ---------------------------------------------------------------------------

def test_large_transposes_match_numpy():
    # 512 x 4096 float64: a transpose steps 4 KiB, which crowds the lines
    # of a row into few cache sets, so the walk tiles (where the system
    # reports its caches); either way the values must be NumPy's.
    n = np.arange(512 * 4096, dtype=np.float64).reshape(512, 4096)
    f = np.asfortranarray(n)
    m, mf = mi.array(n), mi.asfortranarray(mi.array(n))
    assert_same(mi.ascontiguousarray(mf), np.ascontiguousarray(f))
    assert_same(mi.asfortranarray(m), np.asfortranarray(n))
    assert_same(m + mf, n + f)
    out = mi.empty(n.shape)
    mi.add(m, mf, out=out)
    assert_same(out, n + f)
