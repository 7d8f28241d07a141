"""mi.memmap against np.memmap, on the same files.

Each example writes one file, maps it with both libraries (dtype, mode,
offset, shape and order drawn) and compares what NumPy's tests of its own
memmap look at: the values, shape, strides and flags, ``base`` (the
``mmap``), ``filename``/``offset``/``mode``, what a write does to the file
in each mode (``r+``/``w+`` write through after ``flush()``, ``c`` never
does, ``r`` refuses), and the exception class of every bad call.  Then
lifetime: the mapping cannot be closed under an array, and a view keeps
the mapping after the memmap is gone.
"""
import gc
import mmap
import os
import pathlib
import tracemalloc

import numpy as np
import pytest
from hypothesis import given, strategies as st

import minind as mi
from strategies import DTYPE_NAMES, assert_same_layout

GRAIN = mmap.ALLOCATIONGRANULARITY


def outcome(call):
    try:
        return call(), None
    except Exception as exc:  # noqa: BLE001 - compared with NumPy's
        return None, exc


def same_class(m_exc, n_exc):
    assert (m_exc is None) == (n_exc is None), (m_exc, n_exc)
    if n_exc is not None:
        assert type(m_exc).__name__ == type(n_exc).__name__, (m_exc, n_exc)


@st.composite
def mappings(draw):
    """(file bytes, keyword arguments of memmap) that may or may not fit:
    offsets around the allocation granularity, shapes that fit, reach
    past the end, or are left to the file's length."""
    dtype = draw(st.sampled_from(DTYPE_NAMES))
    itemsize = np.dtype(dtype).itemsize
    length = draw(st.sampled_from([0, 1, 7, 64, GRAIN - 3, GRAIN + 40]))
    offset = draw(st.sampled_from([0, 1, 8, GRAIN, GRAIN + 8,
                                   max(length - itemsize, 0), length]))
    kwargs = {"dtype": dtype, "offset": offset,
              "mode": draw(st.sampled_from(["r", "r+", "c", "w+",
                                            "readonly", "copyonwrite"]))}
    if draw(st.booleans()) or kwargs["mode"] == "w+":
        room = max((length - offset) // itemsize, 0)
        shape = draw(st.sampled_from([(room,), (room + 1,), (2, 3), (),
                                      (0,), (2, room // 2)]))
        kwargs["shape"] = shape if draw(st.booleans()) or not shape \
            else shape[0] if len(shape) == 1 else list(shape)
        kwargs["order"] = draw(st.sampled_from(["C", "F"]))
    data = np.random.default_rng(length + offset).integers(
        0, 256, length, dtype=np.uint8).tobytes()
    return data, kwargs


@given(case=mappings())
def test_memmap_is_numpys(tmp_path_factory, case):
    data, kwargs = case
    folder = tmp_path_factory.mktemp("mm")
    m_path, n_path = folder / "m.dat", folder / "n.dat"
    m_path.write_bytes(data)
    n_path.write_bytes(data)
    m, m_exc = outcome(lambda: mi.memmap(m_path, **kwargs))
    n, n_exc = outcome(lambda: np.memmap(n_path, **kwargs))
    same_class(m_exc, n_exc)
    # The file as each library left it (r+ and w+ may have grown it).
    assert m_path.read_bytes() == n_path.read_bytes()
    if n is None:
        return
    assert_same_layout(m, n)
    assert m.dtype == n.dtype
    assert m.tobytes() == n.tobytes()
    assert isinstance(m.base, mmap.mmap) and not m.flags.owndata
    assert (m.offset, m.mode) == (n.offset, n.mode)
    assert pathlib.Path(m.filename).name == "m.dat"
    assert repr(m).startswith("memmap(") or m.ndim == 0
    # A write: refused in r, kept in memory only in c, written to the
    # file by flush() in r+ and w+.
    if n.size:
        value = 1 if n.dtype.kind != "b" else True
        m_set = outcome(lambda: m.reshape(-1)[:1].__setitem__(0, value))
        n_set = outcome(lambda: n.reshape(-1)[:1].__setitem__(0, value))
        same_class(m_set[1], n_set[1])
        m.flush()
        n.flush()
        assert m.tobytes() == n.tobytes()
        assert m_path.read_bytes() == n_path.read_bytes()
    del m, n
    gc.collect()


def test_errors_are_numpys(tmp_path):
    path = tmp_path / "f.dat"
    path.write_bytes(bytes(10))
    missing = tmp_path / "missing.dat"
    cases = [
        (path, {"mode": "x"}),
        (path, {"mode": "w+"}),                       # w+ needs a shape
        (path, {"dtype": "float64"}),                 # 10 bytes, not 8k
        (path, {"dtype": "float64", "mode": "r", "shape": (2,)}),  # short
        (path, {"dtype": "float64", "mode": "c", "shape": (2,)}),
        (missing, {"mode": "r"}),
        (path, {"offset": 11, "mode": "r"}),
        (path, {"offset": -1, "mode": "r", "shape": (1,)}),
        (path, {"shape": (2 ** 62, 4), "dtype": "float64"}),  # overflows
        (path, {"shape": "3"}),
        (path, {"dtype": "complex64"}),
    ]
    for where, kwargs in cases:
        before = path.read_bytes()
        m = outcome(lambda: mi.memmap(where, **kwargs))
        path.write_bytes(before)
        n = outcome(lambda: np.memmap(where, **kwargs))
        path.write_bytes(before)
        if kwargs.get("dtype") == "complex64":
            assert isinstance(m[1], TypeError)      # not a minind dtype
            continue
        same_class(m[1], n[1])
        if n[1] is not None and kwargs.get("mode") == "x":
            assert str(m[1]) == str(n[1])
    # NumPy maps shape=(-1,) to one element (the 1-byte mapping of a
    # negative size, read by ndarray's "-1 means the whole buffer");
    # minind refuses the negative dimension (README, Differences).
    with pytest.raises(ValueError, match="negative dimensions"):
        mi.memmap(path, shape=(-1,))
    assert path.read_bytes() == bytes(10)


def test_read_only_file_in_mode_r_plus(tmp_path):
    path = tmp_path / "f.dat"
    path.write_bytes(bytes(16))
    path.chmod(0o444)
    try:
        same_class(outcome(lambda: mi.memmap(path, mode="r+"))[1],
                   outcome(lambda: np.memmap(path, mode="r+"))[1])
        # (As root the file opens anyway, in both libraries.)
        m = mi.memmap(path, mode="r")
        with pytest.raises(ValueError, match="read-only"):
            m[0] = 1
        with pytest.raises(ValueError):
            m[1:].setflags(write=True)
        with pytest.raises(ValueError):
            m.setflags(write=True)
    finally:
        path.chmod(0o644)


def test_modes_and_flush(tmp_path):
    path = tmp_path / "f.dat"
    fp = mi.memmap(path, dtype=mi.float32, mode="w+", shape=(3, 4))
    fp[:] = mi.arange(12, dtype=mi.float32).reshape(3, 4)
    fp.flush()
    assert np.fromfile(path, np.float32).tolist() == list(range(12))
    del fp
    copy = mi.memmap(path, dtype=mi.float32, mode="c", shape=(3, 4))
    copy[0, 0] = 99
    copy.flush()
    assert copy[0, 0] == 99
    assert np.fromfile(path, np.float32)[0] == 0      # c: not written
    rw = mi.memmap(str(path), dtype=mi.float32, shape=(4,), offset=16)
    assert rw.tolist() == [4, 5, 6, 7]
    rw[1:] += 10
    rw.flush()
    assert np.fromfile(path, np.float32)[4:8].tolist() == [4, 15, 16, 17]
    with open(path, "rb") as stream:                 # a file object
        ro = mi.memmap(stream, dtype=mi.float32, mode="r")
    assert ro.shape == (12,) and ro.filename == str(path)
    assert ro[5] == 15 and not ro.flags.writeable


def test_views_base_chain_and_sharing(tmp_path):
    path = tmp_path / "f.dat"
    m = mi.memmap(path, dtype="int64", mode="w+", shape=(4, 5))
    n = np.memmap(path, dtype="int64", mode="r+", shape=(4, 5))
    v = m[1:, ::2]
    assert v.base is m and v[1:].base is m and m.base is m._mmap
    assert np.shares_memory(np.asarray(m), n) is False   # two mappings
    shared = np.asarray(v)
    assert np.shares_memory(shared, np.asarray(m))
    v[0, 0] = 7
    assert shared[0, 0] == 7
    n.flush()
    m.flush()
    assert n[1, 0] == 7            # the same file pages
    # as_strided knows the mapping's bounds: a column fits, one more
    # row would not.
    s = mi.lib.stride_tricks.as_strided(m, shape=(4,), strides=(40,))
    assert s.tolist() == m[:, 0].tolist() == [0, 7, 0, 0]
    with pytest.raises(ValueError):
        mi.lib.stride_tricks.as_strided(m, shape=(5,), strides=(40,))


def test_lifetime(tmp_path):
    path = tmp_path / "f.dat"
    m = mi.memmap(path, dtype="float64", mode="w+", shape=(1000,))
    m[:] = 2.5
    mapping = m._mmap
    with pytest.raises(BufferError):
        mapping.close()             # an array views it: not closable
    view = m[10:20]
    del m, mapping
    gc.collect()
    assert view.tolist() == [2.5] * 10          # still mapped
    view[0] = 1.0
    del view
    gc.collect()
    assert np.fromfile(path, np.float64)[10] == 1.0


def test_mapped_bytes_are_not_allocated(tmp_path):
    """The tour's Part 7: 64 MB mapped, a slice summed, and Python's
    allocator saw only a few objects."""
    path = tmp_path / "big.dat"
    with open(path, "wb") as stream:
        stream.truncate(64 * 2 ** 20)
    tracemalloc.start()
    try:
        big = mi.memmap(path, dtype=mi.float64, mode="r")
        assert big[:1000].sum() == 0.0
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert big.nbytes == 64 * 2 ** 20
    assert peak < 2 ** 20, peak


def test_pathlike_filename(tmp_path):
    path = tmp_path / "f.dat"
    path.write_bytes(bytes(8))
    m, n = mi.memmap(path), np.memmap(path)
    assert type(m.filename) is type(n.filename)
    assert os.fspath(m.filename) == os.fspath(n.filename)


def test_asarray_gives_a_plain_view(tmp_path):
    """NumPy's asarray (subok=False) of a memmap: a plain array viewing
    it, whose base is the memmap; ascontiguousarray the same."""
    path = tmp_path / "f.dat"
    m = mi.memmap(path, dtype="int32", mode="w+", shape=(2, 3))
    n = np.memmap(path, dtype="int32", mode="r+", shape=(2, 3))
    for convert in ("asarray", "ascontiguousarray", "asfortranarray"):
        a, b = getattr(mi, convert)(m), getattr(np, convert)(n)
        assert type(a) is mi.ndarray and type(b) is np.ndarray
        assert (a.base is m) == (b.base is n)
        assert_same_layout(a, b)
    assert mi.array(m).flags.owndata and type(mi.array(m)) is mi.ndarray


def test_asanyarray_and_subok_pass_a_memmap_through(tmp_path):
    """asanyarray, and array(subok=True) without a copy, answer with the
    memmap itself, as NumPy's do; asked for a copy or another dtype they
    copy (minind's copy is a plain array, NumPy's a memmap not backed by
    a file)."""
    path = tmp_path / "f.dat"
    m = mi.memmap(path, dtype="int32", mode="w+", shape=(2, 3))
    n = np.memmap(path, dtype="int32", mode="r+", shape=(2, 3))
    for call in (lambda xp, a: xp.asanyarray(a),
                 lambda xp, a: xp.asanyarray(a, dtype="int32", order="C"),
                 lambda xp, a: xp.array(a, copy=None, subok=True),
                 lambda xp, a: xp.array(a, copy=False, subok=True)):
        assert call(mi, m) is m and call(np, n) is n
    for call in (lambda xp, a: xp.asanyarray(a, dtype="int64"),
                 lambda xp, a: xp.asanyarray(a, order="F"),
                 lambda xp, a: xp.array(a, subok=True)):
        a, b = call(mi, m), call(np, n)
        assert a.flags.owndata and b.flags.owndata
        assert_same_layout(a, b)
    with pytest.raises(ValueError, match="Unable to avoid copy"):
        mi.asanyarray(m, order="F", copy=False)
    # Anything else is asarray's answer.
    nested = [[1, 2], [3, 4]]
    assert_same_layout(mi.asanyarray(nested, order="F"),
                       np.asanyarray(nested, order="F"))
    plain = mi.arange(3)
    assert mi.asanyarray(plain) is plain
