"""Who keeps memory alive, and that it is freed: views, imports, exports.

A MiniArray's buffer belongs to its owner; views reference the owner
(``base``), imports reference a memoryview of the exporter, and exports
(memoryview, ``np.asarray``, ctypes pointers) reference the array.  The
buffer must live exactly as long as something can reach it, and no longer:
checked with ``weakref`` (MiniArray supports weak references), ``gc``,
``sys.getrefcount`` and ``tracemalloc`` (minind registers every buffer in
its own tracemalloc domain, ``mi._core.TRACE_DOMAIN``, as NumPy does in
``np.lib.tracemalloc_domain``).  NumPy is run through the same steps where
it has a counterpart.
"""
import copy
import ctypes
import gc
import pickle
import sys
import tracemalloc
import weakref

import numpy as np
import pytest
from hypothesis import given, strategies as st
from hypothesis.extra import numpy as hnp

import minind as mi
from strategies import dtypes, numpy_arrays

MI_DOMAIN = mi._core.TRACE_DOMAIN
NP_DOMAIN = np.lib.tracemalloc_domain


# Traced-memory growth allowed over 10**4 rounds.  A leak of 8 bytes per
# round (less than one Python object) would exceed it; the allocator's and
# interpreter's caches stay well below it (a few kB, whatever the rounds).
LEAK_BOUND = 64 * 1024


def collect():
    gc.collect()
    gc.collect()


def churn():
    """Allocate and free arrays so that freed memory is reused: reading a
    dangling buffer afterwards would then show foreign values."""
    junk = [mi.full((64, 64), -7.0) for _ in range(50)]
    junk += [np.full((64, 64), -7.0) for _ in range(50)]
    del junk


@pytest.fixture
def tracing():
    """tracemalloc running for the test (and stopped after, unless it was
    already running)."""
    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    try:
        yield
    finally:
        if not was_tracing:
            tracemalloc.stop()


def domain_bytes(domain):
    """Bytes currently traced in one tracemalloc domain."""
    snapshot = tracemalloc.take_snapshot().filter_traces(
        [tracemalloc.DomainFilter(True, domain)])
    return sum(trace.size for trace in snapshot.traces)


# ---------------------------------------------------------------------------
# Views and their owner
# ---------------------------------------------------------------------------

def test_minarray_supports_weakrefs():
    a = mi.zeros(3)
    ref = weakref.ref(a)
    assert ref() is a
    cache = weakref.WeakValueDictionary(a=a, row=mi.zeros((2, 2))[0])
    assert cache["a"] is a
    del a
    collect()
    assert ref() is None and "a" not in cache and "row" not in cache


@pytest.mark.parametrize("module", [mi, np], ids=["minind", "numpy"])
def test_printing_keeps_nothing_alive(module):
    """repr and str leave no reference cycle behind: the array dies with
    its last reference, without waiting for the cyclic collector."""
    a = module.arange(6.0).reshape(2, 3)
    alive = weakref.ref(a)
    repr(a), str(a), repr(a[0]), str(module.zeros(()))
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        del a
        assert alive() is None
    finally:
        if was_enabled:
            gc.enable()


@pytest.mark.parametrize("module", [mi, np], ids=["minind", "numpy"])
def test_view_keeps_owner_alive(module):
    owner = module.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    alive = weakref.ref(owner)
    row = owner[1]
    assert row.base is owner
    del owner                             # the owner goes first
    collect()
    churn()
    assert alive() is not None and row.base is alive()
    assert row.tolist() == [4.0, 5.0, 6.0]
    row[0] = 40.0                         # still writable memory
    assert alive()[1, 0] == 40.0
    del row
    collect()
    assert alive() is None


@given(numpy_arrays(dtype=dtypes, shape=hnp.array_shapes(
    min_dims=2, max_dims=4, min_side=1, max_side=4)), st.data())
def test_base_chains_collapse_to_the_owner(n, data):
    """A view of a view of ... has the owner as base, as in NumPy."""
    # The collections below need only look at what this example makes:
    # everything older (the whole suite's objects, when it runs in one
    # process) is frozen out of them, or they take most of a minute.
    gc.freeze()
    try:
        owner = mi.array(n)
        index = [data.draw(st.integers(0, s - 1)) for s in n.shape]
        views, np_views = [owner], [n]
        for i in index[:-1]:
            views.append(views[-1][i])
            np_views.append(np_views[-1][i])
        for i in range(1, len(views)):
            assert np_views[i].base is n      # NumPy collapses the chain
            assert views[i].base is owner
        alive = weakref.ref(owner)
        last = views[-1]
        del owner, views
        collect()
        assert alive() is not None and last.base is alive()
        assert last.tolist() == np_views[-1].tolist()
        del last
        collect()
        assert alive() is None
    finally:
        gc.unfreeze()


@given(numpy_arrays(dtype=dtypes, shape=hnp.array_shapes(
    min_dims=2, max_dims=4, min_side=1, max_side=4)), st.data())
def test_base_chains_of_an_import(n, data):
    """Views of an imported array have the import as base (NumPy stops
    collapsing at an array whose base is not an array)."""
    imported, np_imported = mi.asarray(n), np.asarray(memoryview(n))
    index = [data.draw(st.integers(0, s - 1)) for s in n.shape]
    view, np_view = imported, np_imported
    for i in index[:-1]:
        view, np_view = view[i], np_view[i]
        assert np_view.base is np_imported
        assert view.base is imported


# ---------------------------------------------------------------------------
# Buffers are freed: tracemalloc
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("make", ["empty", "zeros", "ones"])
def test_buffer_is_freed_with_the_last_reference(tracing, make):
    before_mi, before_np = domain_bytes(MI_DOMAIN), domain_bytes(NP_DOMAIN)
    total_before = tracemalloc.get_traced_memory()[0]
    a = getattr(mi, make)((1000, 1000))
    n = getattr(np, make)((1000, 1000))
    grown = domain_bytes(MI_DOMAIN) - before_mi
    assert grown == domain_bytes(NP_DOMAIN) - before_np   # 8 MB each
    assert grown >= 8 * 10 ** 6
    assert tracemalloc.get_traced_memory()[0] - total_before >= 2 * grown
    row = a[3]                            # a view allocates no buffer
    assert domain_bytes(MI_DOMAIN) - before_mi == grown
    del a
    collect()
    assert domain_bytes(MI_DOMAIN) - before_mi == grown   # row holds it
    del row
    collect()
    assert domain_bytes(MI_DOMAIN) == before_mi
    del n
    collect()
    assert domain_bytes(NP_DOMAIN) == before_np


def test_large_zeros_are_visible_to_tracemalloc(tracing):
    """80 MB of calloc'd zeros: untouched pages, but traced in full."""
    before_mi, before_np = domain_bytes(MI_DOMAIN), domain_bytes(NP_DOMAIN)
    a = mi.zeros(10 ** 7)
    n = np.zeros(10 ** 7)
    grown = domain_bytes(MI_DOMAIN) - before_mi
    assert grown == domain_bytes(NP_DOMAIN) - before_np >= 8 * 10 ** 7
    stats = tracemalloc.take_snapshot().filter_traces(
        [tracemalloc.DomainFilter(True, MI_DOMAIN)]).statistics("lineno")
    assert stats and stats[0].size >= 8 * 10 ** 7
    del a, n
    collect()
    assert domain_bytes(MI_DOMAIN) == before_mi


def test_empty_and_0d_buffers_are_freed(tracing):
    before = domain_bytes(MI_DOMAIN)
    arrays = [mi.zeros(0), mi.empty((3, 0, 2)), mi.zeros(()),
              mi.array(5.0), mi.array([])]
    assert domain_bytes(MI_DOMAIN) > before
    del arrays
    collect()
    assert domain_bytes(MI_DOMAIN) == before


# ---------------------------------------------------------------------------
# Imports keep their exporter alive
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("module", [mi, np], ids=["minind", "numpy"])
def test_import_keeps_numpy_exporter_alive(module):
    exporter = np.arange(12.0).reshape(3, 4)[:, ::2]
    alive = weakref.ref(exporter)
    imported = module.asarray(memoryview(exporter))
    row = imported[2]
    del exporter
    collect()
    churn()
    assert alive() is not None
    assert imported.tolist() == [[0.0, 2.0], [4.0, 6.0], [8.0, 10.0]]
    del imported
    collect()
    assert alive() is not None            # the row still reaches it
    assert row.tolist() == [8.0, 10.0]
    del row
    collect()
    assert alive() is None


def test_asarray_of_numpy_keeps_exporter_alive_and_releases_it():
    exporter = np.arange(6.0)
    count = sys.getrefcount(exporter)
    alive = weakref.ref(exporter)
    imported = mi.asarray(exporter)
    assert type(imported.base) is memoryview
    assert imported.base.obj is exporter
    del imported
    collect()
    assert sys.getrefcount(exporter) == count
    imported = mi.asarray(exporter)
    del exporter
    collect()
    assert alive() is not None and imported.tolist() == [0, 1, 2, 3, 4, 5.0]
    del imported
    collect()
    assert alive() is None


@pytest.mark.parametrize("module", [mi, np], ids=["minind", "numpy"])
def test_import_holds_the_export_until_it_dies(module):
    """A bytearray cannot be resized while its buffer is exported."""
    data = bytearray(b"\x01\x02\x03\x04")
    imported = module.asarray(memoryview(data))
    with pytest.raises(BufferError):
        data.extend(b"\x05")
    assert imported.tolist() == [1, 2, 3, 4]
    del imported
    collect()
    data.extend(b"\x05")                  # released
    assert len(data) == 5


def test_view_of_import_holds_the_export():
    data = bytearray(range(6))
    row = mi.asarray(memoryview(data).cast("B", (2, 3)))[1]
    collect()
    with pytest.raises(BufferError):
        data.extend(b"\x00")
    assert row.tolist() == [3, 4, 5]
    del row
    collect()
    data.extend(b"\x00")


# ---------------------------------------------------------------------------
# Exports keep the array alive
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("module", [mi, np], ids=["minind", "numpy"])
def test_memoryview_keeps_array_alive(module):
    a = module.array([[1.0, 2.0], [3.0, 4.0]])
    alive = weakref.ref(a)
    view = memoryview(a)
    assert view.obj is a
    del a
    collect()
    churn()
    assert alive() is not None and view.tolist() == [[1.0, 2.0], [3.0, 4.0]]
    view.release()
    collect()
    assert alive() is None


def test_memoryview_of_a_view_keeps_the_owner_alive():
    owner = mi.array([[1, 2], [3, 4]])
    alive = weakref.ref(owner)
    exported = memoryview(owner[1])
    del owner
    collect()
    churn()
    assert alive() is not None and exported.tolist() == [3, 4]
    with memoryview(alive().data) as data:
        assert data.tolist() == [[1, 2], [3, 4]]
    del exported
    collect()
    assert alive() is None


@pytest.mark.parametrize("module", [mi, np], ids=["minind", "numpy"])
def test_numpy_asarray_keeps_array_alive(module):
    a = module.array([1.5, 2.5, 3.5])
    alive = weakref.ref(a)
    seen = np.asarray(a)
    del a
    collect()
    churn()
    assert alive() is not None and seen.tolist() == [1.5, 2.5, 3.5]
    del seen
    collect()
    assert alive() is None


@pytest.mark.parametrize("module", [mi, np], ids=["minind", "numpy"])
def test_ctypes_pointer_keeps_array_alive(module):
    a = module.array([[1, 2, 3], [4, 5, 6]], order="F")
    alive = weakref.ref(a)
    pointer = a.ctypes.data_as(ctypes.POINTER(ctypes.c_int64))
    del a
    collect()
    churn()
    assert alive() is not None
    assert pointer[:6] == [1, 4, 2, 5, 3, 6]
    del pointer
    collect()
    assert alive() is None


@pytest.mark.parametrize("module", [mi, np], ids=["minind", "numpy"])
def test_ctypes_object_keeps_array_alive(module):
    a = module.zeros(4)
    alive = weakref.ref(a)
    handle = a.ctypes
    address = handle.data
    del a
    collect()
    assert alive() is not None and handle.data == address
    del handle
    collect()
    assert alive() is None


# ---------------------------------------------------------------------------
# No leaks, no over-releases
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("shape", [(3,), (300, 2), (1, 1000), (2, 3, 500)])
def test_shape_and_strides_tuples_own_their_items(shape):
    """Each int in ``shape``/``strides`` is owned by the tuple: its
    reference count is NumPy's, also for values beyond the small-int
    cache (an over-released item would be freed while still in use)."""
    a, n = mi.zeros(shape), np.zeros(shape)
    for name in ("shape", "strides"):
        got, want = getattr(a, name), getattr(n, name)
        assert got == want
        for i in range(len(got)):
            if abs(got[i]) > 256:         # not a cached small int
                assert sys.getrefcount(got[i]) == sys.getrefcount(want[i])
    tuples = [a.shape for _ in range(1000)] + [a.strides
                                               for _ in range(1000)]
    churn()
    assert all(t == n.shape for t in tuples[:1000])
    assert all(t == n.strides for t in tuples[1000:])


def _one_round(shared_np, shared_owner, shared_value, pointer_type):
    a = mi.zeros((3, 4))
    big = mi.empty((2, 300))              # ints beyond the small-int cache
    row = a[1]
    row[2] = shared_value
    a[0, 0] = shared_value
    row.fill(shared_value)
    view = memoryview(a)
    seen = np.asarray(big)
    imported = mi.asarray(shared_np)
    imported_row = imported[0]
    pointer = a.ctypes.data_as(pointer_type)
    owner_row = shared_owner[1][2]
    _ = (a.shape, big.shape, big.strides, big[1].strides, a.flags["C"],
         a.flags.writeable, a.dtype, a.__array_interface__, row.base,
         imported.base, a.tolist(), a.item(5), a.item(0, 3), list(a),
         len(a), bool(row[0]), copy.copy(row), owner_row.tolist(),
         imported_row[1], pointer[0], seen[0, 0], view.shape)
    for bad in (lambda: a[5], lambda: a[0, 0, 0], lambda: a[1.0],
                lambda: a.item(10 ** 6), lambda: a.__setitem__((0, 0), "x"),
                lambda: a.__setitem__((0, 0), 1j),
                lambda: shared_owner.__setitem__((0, 0, 0, 0), 1)):
        try:
            bad()
        except (IndexError, ValueError, OverflowError, TypeError):
            pass
    frozen = mi.asarray(memoryview(bytes(8)))
    try:
        frozen.flags.writeable = True
    except ValueError:
        pass


def test_pickle_and_copy_do_not_leak(tracing):
    a = mi.array([[1.5, 2.5], [3.5, 4.5]])
    for _ in range(1000):                 # warm up pickle's caches
        pickle.loads(pickle.dumps(a)), copy.deepcopy(a)
    collect()
    before = tracemalloc.get_traced_memory()[0]
    count = sys.getrefcount(a)
    for _ in range(10 ** 4):
        pickle.loads(pickle.dumps(a)), copy.deepcopy(a)
    collect()
    assert sys.getrefcount(a) == count
    assert tracemalloc.get_traced_memory()[0] - before < LEAK_BOUND


def test_no_leaks_in_a_loop(tracing):
    """10**4 rounds of creating, viewing, importing, exporting and failing
    leave traced memory and the reference counts of shared objects flat."""
    shared_np = np.arange(24.0).reshape(4, 6)
    shared_owner = mi.zeros((2, 3, 4))
    shared_value = 1234.5
    pointer_type = ctypes.POINTER(ctypes.c_double)

    def counts():
        return (sys.getrefcount(shared_np), sys.getrefcount(shared_owner),
                sys.getrefcount(shared_value), sys.getrefcount(mi.float64),
                sys.getrefcount(mi.dtype("int8")))

    for _ in range(200):                  # warm caches and free lists
        _one_round(shared_np, shared_owner, shared_value, pointer_type)
    collect()
    refs_before = counts()
    memory_before = tracemalloc.get_traced_memory()[0]
    mi_before = domain_bytes(MI_DOMAIN)
    for _ in range(10 ** 4):
        _one_round(shared_np, shared_owner, shared_value, pointer_type)
    collect()
    assert counts() == refs_before
    assert domain_bytes(MI_DOMAIN) == mi_before
    assert tracemalloc.get_traced_memory()[0] - memory_before < LEAK_BOUND


def test_no_refcount_leak_on_the_exporter():
    exporter = np.arange(10.0)
    count = sys.getrefcount(exporter)
    for _ in range(10 ** 4):
        imported = mi.asarray(exporter)
        mi.asarray(memoryview(exporter))[3]
        np.asarray(imported)
        mi.array(exporter)
    del imported
    collect()
    assert sys.getrefcount(exporter) == count


# ---------------------------------------------------------------------------
# resize: never free memory something else points into
# ---------------------------------------------------------------------------
# NumPy's a.resize(..., refcheck=False) reallocates under any view or
# export (they then read freed memory).  minind counts the owner's views
# and exports and refuses whatever refcheck says: a view with NumPy's
# ValueError, an export (buffer, DLPack) with BufferError.  Each test
# checks the memory still reads right, then that the resize goes through
# once the user is gone.

def _exported(owner):
    """Each way minind memory leaves: (name, a holder of it)."""
    return [
        ("memoryview", lambda: memoryview(owner)),
        ("numpy.asarray", lambda: np.asarray(owner)),
        ("buffer of a view", lambda: memoryview(owner[1:])),
        ("dlpack capsule", lambda: owner.__dlpack__()),
        ("numpy.from_dlpack", lambda: np.from_dlpack(owner)),
        ("MiniArray(buffer=)", lambda: mi.MiniArray((2,), buffer=owner)),
    ]


@pytest.mark.parametrize("which", range(6))
@pytest.mark.parametrize("refcheck", [True, False])
def test_resize_refuses_while_exported(which, refcheck):
    owner = mi.arange(6.0)
    name, export = _exported(owner)[which]
    holder = export()
    del export               # (its closure holds the owner too)
    churn()
    # refcheck sees the holder's reference first (NumPy's ValueError);
    # without it, an export of the owner is a BufferError, and a buffer
    # of a view is refused for the view.
    error = ValueError
    if not refcheck and name != "buffer of a view":
        error = BufferError
    with pytest.raises(error):
        owner.resize(10 ** 5, refcheck=refcheck)
    assert owner.tolist() == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    del holder
    collect()
    owner.resize(10 ** 5, refcheck=refcheck)
    assert owner[:7].tolist() == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 0.0]


@pytest.mark.parametrize("make_view", [
    lambda a: a[1:],
    lambda a: a.reshape(2, 3).T,
    lambda a: a[::2][1:],                     # a chain, collapsed
    lambda a: mi.lib.stride_tricks.as_strided(a, (2,), (8,)),
    lambda a: mi.broadcast_to(a, (2, 6)),
    lambda a: mi.broadcast(a, mi.zeros((2, 1))),   # its iterators' views
    lambda a: a.view(mi.uint8),
], ids=["slice", "transpose", "chain", "as_strided", "broadcast_to",
        "broadcast", "view-dtype"])
def test_resize_refuses_while_a_view_lives(make_view):
    owner = mi.arange(6.0)
    view = make_view(owner)
    with pytest.raises(ValueError, match="view"):
        owner.resize(10 ** 5, refcheck=False)
    churn()
    assert owner.tolist() == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    del view
    collect()
    owner.resize(10 ** 5, refcheck=False)
    assert owner.shape == (10 ** 5,)


def test_resize_releases_the_old_buffer(tracing):
    owner = mi.zeros(10 ** 5)
    before = domain_bytes(MI_DOMAIN)
    owner.resize(10)
    assert domain_bytes(MI_DOMAIN) == before - 8 * (10 ** 5 - 10)
    owner.resize(10 ** 6)
    assert domain_bytes(MI_DOMAIN) == before - 8 * 10 ** 5 + 8 * 10 ** 6
    owner.resize(0)
    assert domain_bytes(MI_DOMAIN) == before - 8 * 10 ** 5 + 1
    del owner
    collect()
    assert domain_bytes(MI_DOMAIN) == before - 8 * 10 ** 5


def test_flat_iterator_reads_the_resized_memory():
    # A flatiter holds the array, not a view: with refcheck=False the
    # array may be resized under it, and it must follow the new memory.
    owner = mi.arange(6.0)
    flat = owner.flat
    next(flat)
    owner.resize(10 ** 5, refcheck=False)
    churn()
    assert flat[5] == 5.0 and flat[6] == 0.0 and len(flat) == 10 ** 5
    owner.resize(2, refcheck=False)
    with pytest.raises(IndexError, match="out of bounds for size 2"):
        flat[5]
    assert flat.index == 0 and list(flat) == [0.0, 1.0]


def test_view_counts_return_to_zero():
    owner = mi.arange(6.0)
    for _ in range(100):
        views = [owner[1:], owner.T, owner.reshape(2, 3)[0],
                 mi.asarray(owner)[::2], np.asarray(owner)]
        del views
    owner.resize(7)          # refcheck too: nothing refers to it now
    assert owner.shape == (7,)
