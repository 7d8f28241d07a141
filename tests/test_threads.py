"""Ufunc loops from several threads.

minind runs a ufunc's inner loops, reductions, accumulations and casting
copies without the GIL once an operation covers ``NOGIL_THRESHOLD``
(``1 << 14``) elements (``_ufunc.pyx``, ``_loops.pyx``).  So several
threads really do run loops at the same time on shared inputs.  Checked
here:

* threads started together (``threading.Barrier``) on shared read-only
  inputs in every layout (C, F, strided with negative steps, transposed,
  broadcast) compute exactly what the same calls compute serially: same
  dtype, shape, strides and bytes, into fresh outputs and into private
  ``out=`` arrays (the same code path runs, so even float results and
  pairwise sums are bit-for-bit equal);
* threads writing into disjoint slices of one shared output (interleaved
  rows, interleaved columns, reductions into parts of one row) give the
  serial result;
* the GIL really is released: a Python thread keeps running while the
  main thread is in the middle of a long minind loop.

Inputs are deterministic (formulas of ``arange``); no random draws.
"""
import sys
import threading
import time

import numpy as np
import pytest

import minind as mi

NOGIL_THRESHOLD = 1 << 14       # _ufunc.pyx / _loops.pyx
THREADS = 6
REPEATS = 3                     # each thread runs every task this often
TIMEOUT = 60.0                  # seconds: a deadlock fails, never hangs
SHAPE = (240, 300)              # 72000 elements, 4.4x the threshold


# ---------------------------------------------------------------------------
# Inputs and results
# ---------------------------------------------------------------------------

def _frozen(array):
    """A minind array made read-only (the inputs are shared)."""
    array.flags.writeable = False
    return array


def _values(shape, scale=1.0, dtype="float64"):
    """Deterministic values with both signs and no pattern in the bits."""
    count = int(np.prod(shape))
    n = (np.sin(np.arange(count) * 0.7) * 100 * scale).reshape(shape)
    return n.astype(dtype)


class Inputs:
    """Shared read-only inputs of SHAPE in several layouts."""

    def __init__(self):
        rows, cols = SHAPE
        self.c = _frozen(mi.array(_values(SHAPE)))
        self.f = _frozen(mi.array(_values(SHAPE, 0.5), order="F"))
        big = _frozen(mi.array(_values((2 * rows, 2 * cols + 1), 2.0)))
        self.strided = big[::2, ::-2][:, :cols]          # negative steps
        self.transposed = _frozen(mi.array(_values((cols, rows), 3.0))).T
        self.broadcast = mi.broadcast_to(
            mi.array(_values((cols,), 0.25)), SHAPE)      # zero strides
        self.ints = _frozen(mi.array(_values(SHAPE, dtype="int32")))
        self.signed = _frozen(mi.array(_values(SHAPE, 1e15, "int64")))
        self.unsigned = _frozen(mi.array(
            np.abs(_values(SHAPE, 2e15)).astype("uint64")))
        self.small = _frozen(mi.array(_values(SHAPE, 0.01)))
        for array in (self.c, self.f, self.strided, self.transposed,
                      self.broadcast):
            assert array.size >= NOGIL_THRESHOLD
            assert not array.flags.writeable

    def layouts(self):
        return [self.c, self.f, self.strided, self.transposed,
                self.broadcast]


def _tasks(x):
    """name -> call(outs): binary and unary ufuncs, comparisons,
    reductions, accumulations, casts, sorts; ``outs`` holds the calling
    thread's private out= arrays."""
    tasks = {}
    layouts = x.layouts()
    names = ["c", "f", "strided", "transposed", "broadcast"]
    for i, (name, a) in enumerate(zip(names, layouts)):
        b = layouts[(i + 1) % len(layouts)]
        tasks[f"add {name}"] = lambda o, a=a, b=b: mi.add(a, b)
        tasks[f"multiply {name} scalar"] = lambda o, a=a: a * 1.5
        tasks[f"divide {name} out"] = (
            lambda o, a=a, b=b: mi.true_divide(a, b, out=o["float"]))
        tasks[f"maximum {name} out T"] = (
            lambda o, a=a, b=b: mi.maximum(a, b, out=o["float_t"].T))
        tasks[f"sqrt {name}"] = lambda o, a=a: mi.sqrt(a)
        tasks[f"exp {name} out"] = (
            lambda o, a=a: mi.exp(a * 0.01, out=o["float"]))
        tasks[f"sin {name}"] = lambda o, a=a: mi.sin(a)
        tasks[f"negative {name}"] = lambda o, a=a: -a
        tasks[f"less {name}"] = lambda o, a=a, b=b: a < b
        tasks[f"equal {name} out"] = (
            lambda o, a=a, b=b: mi.equal(a, b, out=o["bool"]))
        tasks[f"sum {name} axis 0"] = lambda o, a=a: a.sum(axis=0)
        tasks[f"sum {name} axis 1"] = lambda o, a=a: a.sum(axis=1)
        tasks[f"sum {name}"] = lambda o, a=a: a.sum()
        tasks[f"max {name} axis 0 out"] = (
            lambda o, a=a: mi.max(a, axis=0, out=o["row"]))
        tasks[f"mean {name} keepdims"] = (
            lambda o, a=a: a.mean(axis=1, keepdims=True))
        tasks[f"cumsum {name} axis 1"] = lambda o, a=a: mi.cumsum(a, axis=1)
        tasks[f"cast {name}"] = lambda o, a=a: mi.array(a, dtype="float32")
        tasks[f"sort {name} axis 0"] = lambda o, a=a: mi.sort(a, axis=0)
        tasks[f"argsort {name} stable"] = (
            lambda o, a=a: mi.argsort(a, stable=True))
    # The trivial loop (same-shape contiguous operands), also into out=.
    tasks["add c c out"] = lambda o: mi.add(x.c, x.c, out=o["float"])
    tasks["sqrt f out F"] = lambda o: mi.sqrt(x.f, out=o["float_f"])
    tasks["multiply f scalar out F"] = (
        lambda o: mi.multiply(x.f, -0.5, out=o["float_f"]))
    tasks["add ints"] = lambda o: x.ints + x.ints[::-1]
    tasks["floor_divide ints"] = lambda o: mi.floor_divide(x.ints, 7)
    tasks["remainder ints out"] = (
        lambda o: mi.remainder(x.ints, -7, out=o["int"]))
    tasks["sum ints axis 0"] = lambda o: x.ints.sum(axis=0)
    tasks["int64 < uint64"] = lambda o: x.signed < x.unsigned   # exact path
    tasks["int64 >= uint64 out"] = (
        lambda o: mi.greater_equal(x.signed, x.unsigned, out=o["bool"]))
    tasks["where"] = lambda o: mi.where(x.c > x.f, x.c, x.broadcast)
    tasks["clip"] = lambda o: mi.clip(x.strided, -50.0, 50.0)
    tasks["tanh out"] = lambda o: mi.tanh(x.small, out=o["float"])
    tasks["power"] = lambda o: mi.power(x.small, 2.0)
    tasks["arctan2 out"] = lambda o: mi.arctan2(x.small, x.c, out=o["float"])
    tasks["left_shift ints"] = lambda o: mi.left_shift(x.ints, 3)
    tasks["fmax.reduce axis 1"] = lambda o: mi.fmax.reduce(x.c, axis=1)
    tasks["partition ints"] = lambda o: mi.partition(x.ints, [3, 100])
    tasks["unique ints counts"] = (
        lambda o: mi.unique(x.ints, return_counts=True)[1])
    tasks["matmul c f"] = lambda o: x.c @ x.f.T
    tasks["matmul strided out T"] = (
        lambda o: mi.matmul(x.strided.T, x.strided, out=o["square"]))
    tasks["dot ints"] = lambda o: mi.dot(x.ints, x.ints.T)
    return tasks


def _private_outs():
    return {"float": mi.empty(SHAPE), "float_t": mi.empty(SHAPE[::-1]),
            "float_f": mi.empty(SHAPE, order="F"),
            "bool": mi.empty(SHAPE, dtype="bool"),
            "int": mi.empty(SHAPE, dtype="int32"),
            "row": mi.empty(SHAPE[1]),
            "square": mi.empty((SHAPE[1], SHAPE[1]), order="F")}


def _snapshot(result):
    """Everything that must match: for an array its dtype, shape, strides
    and bytes in logical order (copied now: an out= array is reused); for
    a Python scalar its type and bit pattern."""
    if isinstance(result, mi.MiniArray):
        return ("array", result.dtype.name, result.shape, result.strides,
                memoryview(result).tobytes())
    return ("scalar", type(result), np.array(result).tobytes())


def _run_threads(count, target):
    """Run target(index) in ``count`` threads started together; re-raise
    the first failure in the calling thread."""
    barrier = threading.Barrier(count, timeout=TIMEOUT)
    failures = []

    def run(index):
        try:
            barrier.wait()
            target(index)
        except BaseException as error:      # noqa: BLE001 - re-raised
            failures.append((index, error))
            barrier.abort()

    threads = [threading.Thread(target=run, args=(k,), daemon=True)
               for k in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
        assert not thread.is_alive(), "a thread did not finish (deadlock?)"
    if failures:
        index, error = failures[0]
        raise AssertionError(f"thread {index} failed: {error!r}") from error


# ---------------------------------------------------------------------------
# Shared inputs, private results
# ---------------------------------------------------------------------------

def test_threads_compute_what_a_serial_run_computes():
    """THREADS threads run every task REPEATS times, each thread starting
    at a different task, on the same shared read-only inputs: every result
    equals the serial one exactly."""
    x = Inputs()
    tasks = _tasks(x)
    names = list(tasks)
    serial_outs = _private_outs()
    expected = {name: _snapshot(tasks[name](serial_outs)) for name in names}

    def worker(index):
        outs = _private_outs()
        order = names[index * 7 % len(names):] + names[:index * 7
                                                       % len(names)]
        for _ in range(REPEATS):
            for name in order:
                got = _snapshot(tasks[name](outs))
                assert got == expected[name], f"{name} differs"

    _run_threads(THREADS, worker)
    # The shared inputs are untouched.
    fresh = Inputs()
    for old, new in zip(x.layouts(), fresh.layouts()):
        assert memoryview(old).tobytes() == memoryview(new).tobytes()


def test_threads_on_the_same_task():
    """All threads run the same call at the same moment, for each of a few
    calls (the most contention on one input and one loop)."""
    x = Inputs()
    tasks = _tasks(x)
    for name in ["add strided", "sum f axis 1", "cumsum transposed axis 1",
                 "int64 < uint64", "divide broadcast out",
                 "cast transposed"]:
        expected = _snapshot(tasks[name](_private_outs()))

        def worker(index, name=name, expected=expected):
            outs = _private_outs()
            for _ in range(2 * REPEATS):
                assert _snapshot(tasks[name](outs)) == expected, name

        _run_threads(THREADS, worker)


def test_results_match_numpy():
    """The serial results themselves are NumPy's (so the threads agree
    with NumPy too): a spot check of a few tasks on the imported values."""
    x = Inputs()
    with np.errstate(all="ignore"):
        pairs = [
            (mi.add(x.strided, x.transposed),
             np.add(np.asarray(x.strided), np.asarray(x.transposed))),
            (x.f.sum(axis=0), np.asarray(x.f).sum(axis=0)),
            (x.signed < x.unsigned,
             np.asarray(x.signed) < np.asarray(x.unsigned)),
            (mi.floor_divide(x.ints, 7), np.floor_divide(np.asarray(x.ints),
                                                         7)),
            (mi.dot(x.ints, x.ints.T),
             np.dot(np.asarray(x.ints), np.asarray(x.ints).T)),
            (x.c @ x.f.T, np.asarray(x.c) @ np.asarray(x.f).T),
        ]
    for m, n in pairs:
        assert m.dtype.name == n.dtype.name and m.shape == n.shape
        if n.dtype.kind == "f":       # a sum's rounding depends on order
            np.testing.assert_allclose(np.asarray(m), n, rtol=1e-12)
        else:                         # integer and bool results are exact
            np.testing.assert_array_equal(np.asarray(m), n, strict=True)


# ---------------------------------------------------------------------------
# One shared output, disjoint parts
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("part", ["rows", "columns", "blocks"])
def test_threads_write_disjoint_parts_of_one_output(part):
    """Each thread writes its own interleaved rows or columns (or block of
    rows) of one shared output with ``out=``, while the others write
    theirs: the result is the serial one."""
    x = Inputs()
    big = 4                                    # parts of >= threshold size
    a = mi.array(np.tile(np.asarray(x.c), (big, 1)))
    b = mi.array(np.tile(np.asarray(x.f), (big, 1)), order="F")

    def piece(k):
        if part == "rows":
            return (slice(k, None, THREADS), slice(None))
        if part == "columns":
            return (slice(None), slice(k, None, THREADS))
        step = -(-a.shape[0] // THREADS)
        return (slice(k * step, (k + 1) * step), slice(None))

    serial = mi.add(mi.multiply(a, 2.0), b)
    shared = mi.full(a.shape, -1.0)

    def worker(index):
        where = piece(index)
        part_out = shared[where]
        for _ in range(REPEATS):
            mi.multiply(a[where], 2.0, out=part_out)
            mi.add(part_out, b[where], out=part_out)      # in place

    for k in range(THREADS):
        assert shared[piece(k)].size >= NOGIL_THRESHOLD
    _run_threads(THREADS, worker)
    assert _snapshot(shared) == _snapshot(mi.array(serial, order="C"))


def test_threads_reduce_into_disjoint_parts_of_one_row():
    """Column sums: each thread reduces its own columns into its own
    interleaved elements of one shared row."""
    x = Inputs()
    source = mi.array(np.tile(np.asarray(x.transposed), (8, 1)))
    serial = source.sum(axis=0)
    shared = mi.full(source.shape[1], -1.0)

    def worker(index):
        columns = slice(index, None, THREADS)
        for _ in range(REPEATS):
            mi.add.reduce(source[:, columns], axis=0, out=shared[columns])

    assert source[:, ::THREADS].size >= NOGIL_THRESHOLD
    _run_threads(THREADS, worker)
    assert _snapshot(shared) == _snapshot(serial)


# ---------------------------------------------------------------------------
# The GIL is released
# ---------------------------------------------------------------------------

def _python_runs_during(call, attempts=5):
    """Whether a Python thread keeps running all through ``call``.

    A background thread records the time, over and over, while it holds
    the GIL.  If ``call`` keeps the GIL for a loop, the records have a gap
    as long as that loop; if it releases the GIL, the thread records all
    along (its longest gap is an OS time slice or a switch interval).  So:
    the longest gap (from the start of the call to the first record, and
    between records, to the end) must be under half the call's duration.
    The OS may leave the background thread unscheduled for a while, so a
    few attempts are allowed; a call that keeps the GIL for most of its
    duration can never pass one.
    """
    for _ in range(attempts):
        stamps = []
        recording = threading.Event()
        stop = threading.Event()

        def spin():
            while not stop.is_set():
                if recording.is_set():
                    stamps.append(time.perf_counter())
                for _ in range(20):
                    pass

        thread = threading.Thread(target=spin, daemon=True)
        thread.start()
        try:
            time.sleep(0.01)                 # the thread is spinning
            recording.set()
            start = time.perf_counter()
            call()
            end = time.perf_counter()
            recording.clear()
        finally:
            stop.set()
            thread.join(TIMEOUT)
        times = [start] + [t for t in stamps if start < t < end] + [end]
        longest = max(later - earlier
                      for earlier, later in zip(times, times[1:]))
        if longest < (end - start) / 2:
            return True
    return False


def _ramp(count, low=0.5, high=1.5):
    """Values near 1, so that powers of powers stay finite."""
    return _frozen(mi.array(np.linspace(low, high, count)))


def _wide(array, rows):
    return mi.broadcast_to(array, (rows,) + array.shape[-1:])


# One long call (about 0.05 to 0.1 s on one core) through each loop that
# runs without the GIL; float64 arctan2 and power are the slowest
# element-wise operations, and their reductions carry a dependency from
# one element to the next.  The
# inputs are mostly broadcast (no big input buffers), the outputs up to
# 80 MB.  Each function makes the inputs and returns the call.

def _long_enough(make):
    """``make(scale)``'s call for the first scale of 1, 2, 4... whose
    call lasts 16 switch intervals (at most 16), four times what the test
    needs: CPUs differ in these loops' speed by more than the test's
    margin (the float64 arctan2 of 6 * 10**6 elements took 12 ms on an
    AMD Zen 5 with AVX-512, under the 20 ms the test needs), and a call
    timed while another test process holds the core is slower than the
    test's own call may be.  Timed warm: the first call faults in its
    output's pages."""
    scale = 1
    while True:
        call = make(scale)
        call()
        start = time.perf_counter()
        call()
        if (time.perf_counter() - start > 16 * sys.getswitchinterval()
                or scale >= 16):
            return call
        scale *= 2


def _general_loop():
    """_run: broadcasting, the iterator's walk."""
    def make(scale):
        column = _ramp(4000 * scale, 0.9, 1.1).reshape(-1, 1)
        row = _ramp(2000)
        return lambda: mi.arctan2(column, row)
    return _long_enough(make)


def _trivial_loop():
    """_trivial_call: same-shape contiguous operands, one flat loop."""
    def make(scale):
        flat = _ramp(6 * 10 ** 6 * scale)
        return lambda: mi.arctan2(flat, flat)
    return _long_enough(make)


def _reduction():
    """_reduce / _walk_binary: the accumulator walks with the input."""
    wide = _wide(_ramp(2000), 2000)
    return lambda: mi.power.reduce(wide, axis=1)


def _whole_array_reduction():
    """_reduce_run: a whole contiguous array to one scalar."""
    flat = _ramp(4 * 10 ** 6)
    return lambda: mi.power.reduce(flat, axis=None)


def _accumulation():
    """_accumulate / _walk_binary in C order."""
    wide = _wide(_ramp(2000), 2000)
    return lambda: mi.arctan2.accumulate(wide, axis=1)


def _cast_copy():
    """copy_cast (_loops): a converting copy."""
    def make(scale):
        wide = _wide(_ramp(2000, -100.0, 100.0), 40000 * scale)
        return lambda: mi.array(wide, dtype="int8")
    return _long_enough(make)


def _argsort():
    """_walk_lanes (_sorting): an introsort of indices."""
    values = _frozen(mi.asarray(np.random.default_rng(0).random(10 ** 6)))
    return lambda: mi.argsort(values)


def _search():
    """_search (_sorting): a binary search per key."""
    run = _ramp(10 ** 6)
    keys = _frozen(mi.asarray(np.random.default_rng(1).random(10 ** 6)))
    return lambda: mi.searchsorted(run, keys)


def _matrix_product():
    """run_products (_matmul): the blocked kernel over a stack (2 GFLOP,
    about 0.1 s at the kernel's speed)."""
    matrix = _ramp(500 * 500).reshape(500, 500)
    stack = mi.broadcast_to(matrix, (8, 500, 500))
    return lambda: stack @ matrix


GIL_FREE_CALLS = {
    "general ufunc loop": _general_loop,
    "trivial ufunc loop": _trivial_loop,
    "reduction": _reduction,
    "whole-array reduction": _whole_array_reduction,
    "accumulate": _accumulation,
    "cast copy": _cast_copy,
    "argsort": _argsort,
    "searchsorted": _search,
    "matrix product": _matrix_product,
}


@pytest.mark.parametrize("path", list(GIL_FREE_CALLS))
def test_the_gil_is_released_during_long_loops(path):
    """A Python thread keeps running while the main thread is in a long
    minind loop, for every loop the sources run without the GIL.  The
    loop runs on the calling thread alone (one minind thread): with more,
    its length would depend on whether the other test processes leave
    the cores free, and the calling thread only waits."""
    with mi.set_num_threads(1):
        call = GIL_FREE_CALLS[path]()
        start = time.perf_counter()
        call()
        duration = time.perf_counter() - start
        # Long enough that half of it spans several switch intervals.
        assert duration > 4 * sys.getswitchinterval(), (
            f"{path} takes only {duration:.4f} s")
        assert _python_runs_during(call), (
            f"{path}: no Python thread ran during the loop: the GIL was "
            "held")


def test_the_gil_check_tells_held_from_released():
    """The check above, on calls whose GIL behaviour is known: a builtin
    C loop that keeps the GIL (``sum`` over a range runs no bytecode) and
    a sleep that releases it."""
    start = time.perf_counter()
    sum(range(4 * 10 ** 6))
    assert time.perf_counter() - start > 6 * sys.getswitchinterval()
    assert not _python_runs_during(lambda: sum(range(4 * 10 ** 6)))
    assert _python_runs_during(lambda: time.sleep(0.05))


# ---------------------------------------------------------------------------
# minind's own threads: the pool of _threads.pyx
# ---------------------------------------------------------------------------
#
# A long compute-bound loop is cut into bands, one per thread.  Each element
# is computed by the same code wherever its band starts, so the result must
# be bitwise the serial one, in every layout and through every path (the
# trivial loop, the strided walk, tiles, in place).

from minind import _kernels, _loops, _threads                 # noqa: E402

THREAD_THRESHOLD = _threads.THREAD_THRESHOLD_ITEMS


def _bits(array):
    """The bytes of a result, to compare bitwise (NaN payloads and the
    sign of zero included)."""
    n = np.asarray(array)
    return n.dtype.str, n.shape, n.strides, n.tobytes()


def _threaded_calls():
    """name -> call(): compute-bound ufuncs on long operands, in the
    layouts that take each path of the ufunc engine."""
    count = 3 * THREAD_THRESHOLD + 37          # bands of unequal length
    rows = 3 * (THREAD_THRESHOLD // 512) + 5
    floats = _values((count,), 0.03)
    grid = _values((rows, 512), 0.03)
    calls = {}
    for dtype in ("float64", "float32"):
        flat = mi.array(floats.astype(dtype))
        c = mi.array(grid.astype(dtype))
        f = mi.asfortranarray(c)
        ints = mi.array(_values((count,), 50.0, "int64"))
        for name in ("exp", "log", "tanh", "sin", "cos", "arctan",
                     "expm1", "log1p", "cbrt", "arcsinh"):
            ufunc = getattr(mi, name)
            calls[f"{name} {dtype} contiguous"] = lambda u=ufunc, a=flat: u(
                mi.absolute(a) if u is mi.log else a)
            calls[f"{name} {dtype} strided"] = lambda u=ufunc, a=c: u(
                mi.absolute(a[::-1, ::-2]) if u is mi.log else a[::-1, ::-2])
            calls[f"{name} {dtype} C + F (tiles)"] = lambda u=ufunc, c=c, f=f: (
                u(mi.absolute(f), out=mi.empty_like(c)) if u is mi.log
                else u(f, out=mi.empty_like(c)))
        calls[f"power {dtype} scalar"] = lambda a=flat: mi.absolute(a) ** 1.7
        calls[f"power {dtype} arrays"] = lambda a=c, f=f: mi.power(
            mi.absolute(a), f * 0.1)
        calls[f"arctan2 {dtype} transposed"] = lambda a=c: mi.arctan2(
            a, a[::-1].T.T)
        calls[f"hypot {dtype} in place"] = lambda a=c: (
            lambda b: mi.hypot(b, a, out=b))(a.copy())
        calls[f"exp {dtype} in place"] = lambda a=flat: (
            lambda b: mi.exp(b, out=b))(a.copy())
        # Tiled walks (TILED_WORK in _loops.pxd): copies and element-wise
        # loops across layouts, with rows long enough that their cache
        # lines would not stay in L2.
        tiled = mi.array(_values((2048, 3 * (THREAD_THRESHOLD // 2048) + 5),
                                 0.03).astype(dtype))
        tiled_f = mi.asfortranarray(tiled)
        calls[f"ascontiguousarray {dtype} F (tiles)"] = (
            lambda f=tiled_f: mi.ascontiguousarray(f))
        calls[f"asfortranarray {dtype} strided (tiles)"] = (
            lambda f=tiled_f: mi.asfortranarray(f.T[::-1, ::-1]))
        calls[f"astype {dtype} F to C int32 (tiles)"] = (
            lambda f=tiled_f: f.astype("int32", order="C"))
        calls[f"assignment {dtype} F into C (tiles)"] = (
            lambda c=tiled, f=tiled_f: _assigned(mi.empty_like(c), f))
        calls[f"add {dtype} C + F (tiles)"] = (
            lambda c=tiled, f=tiled_f: mi.add(c, f))
        # Streaming walks (STREAM_SHARE in _loops.pxd), from 8 times the
        # threshold: reductions of contiguous rows into a row (each thread
        # a band of columns), the trivial loop, copies, casts.
        tall = mi.array(_values((8 * (THREAD_THRESHOLD // 512) + 5, 512),
                                0.03).astype(dtype))
        calls[f"sum {dtype} C axis 0 (rows)"] = lambda t=tall: t.sum(axis=0)
        calls[f"sum {dtype} F axis 1 (rows)"] = (
            lambda t=mi.asfortranarray(tall.T): t.sum(axis=1))
        calls[f"max {dtype} C axis 0 (rows)"] = lambda t=tall: t.max(axis=0)
        calls[f"sum int64 {dtype} axis 0 (rows)"] = (
            lambda t=(tall * 1000).astype("int64"): t.sum(axis=0))
        calls[f"add {dtype} contiguous (stream)"] = lambda t=tall: t + t
        calls[f"add {dtype} in place (stream)"] = (
            lambda t=tall: (lambda b: mi.add(b, 1.5, out=b))(t.copy()))
        calls[f"greater {dtype} (stream)"] = lambda t=tall: t > 0.01
        calls[f"sqrt {dtype} reversed (stream)"] = (
            lambda t=tall: mi.sqrt(mi.absolute(t[::-1, ::-1])))
        calls[f"copy {dtype} (stream)"] = lambda t=tall: t.copy()
        # Bytes as they are: a bool byte of 2 stays 2, on any thread.
        calls[f"copy raw bool bytes {dtype} (stream)"] = (
            lambda t=mi.frombuffer(bytes(range(256)) * (tall.size // 256),
                                   dtype="bool"): t.copy())
        calls[f"astype {dtype} to int16 (stream)"] = (
            lambda t=tall: (t * 100).astype("int16"))
        calls[f"assignment {dtype} reversed (stream)"] = (
            lambda t=tall: _assigned(mi.empty_like(t), t[::-1]))
        # Reductions whose outermost axis moves the accumulator: bands of
        # it (each row summed pairwise into its own element).
        calls[f"sum {dtype} C axis 1 (bands)"] = lambda t=tall: t.sum(axis=1)
        calls[f"sum {dtype} F axis 0 (bands)"] = (
            lambda t=mi.asfortranarray(tall.T): t.sum(axis=0))
        calls[f"min {dtype} 3-d axes 1, 2 (bands)"] = (
            lambda t=tall.reshape(-1, 16, 32)[::-1]: t.min(axis=(1, 2)))
        calls[f"prod {dtype} axis 1 keepdims out= (bands)"] = (
            lambda t=tall: mi.multiply.reduce(
                t * 0 + 1.0, axis=1, keepdims=True,
                out=mi.empty((t.shape[0], 1), dtype)))
        calls[f"floor_divide int64 {dtype}"] = lambda i=ints: i // 7
        calls[f"remainder int64 arrays {dtype}"] = lambda i=ints: i % (
            mi.absolute(i[::-1]) + 1)
    return calls


def _assigned(destination, source):
    destination[...] = source
    return destination


THREADED = _threaded_calls()


@pytest.mark.parametrize("name", sorted(THREADED))
def test_threaded_loops_are_bitwise_serial(name):
    call = THREADED[name]
    with mi.set_num_threads(1):
        before = _threads._parallel_walks_so_far()
        serial = call()
        assert _threads._parallel_walks_so_far() == before
    for threads in (2, 3, 8):
        with mi.set_num_threads(threads):
            before = _threads._parallel_walks_so_far()
            threaded = call()
            assert _threads._parallel_walks_so_far() > before, (
                "the call was not split between threads")
        assert _bits(threaded) == _bits(serial)


def test_short_loops_stay_on_one_thread():
    """Below its threshold a loop runs on the calling thread: a vector-math
    loop below THREAD_THRESHOLD elements, a scalar one below a sixteenth
    of it, a loop that only streams memory (add, copy, a sum) below
    STREAM_SHARE times it (_loops.pxd); masked and buffered walks
    always."""
    long = mi.array(_values((4 * THREAD_THRESHOLD,), 0.01))
    stream = _loops.STREAM_SHARE_FACTOR * THREAD_THRESHOLD
    streaming = mi.array(_values((stream,), 0.01))
    below, at = streaming[:stream - 1], streaming
    # log is a vector loop, 16 times cheaper than sin, unless the build
    # calls the scalar functions (a sanitizer build: _kernels).
    cheap = THREAD_THRESHOLD if _kernels.VECTOR_MATH else THREAD_THRESHOLD // 16
    with mi.set_num_threads(2):
        before = _threads._parallel_walks_so_far()
        mi.log(mi.absolute(long[:cheap - 1]))
        mi.sin(long[:THREAD_THRESHOLD // 16 - 1])    # 16 times the work
        mi.add(below, below)
        below.copy()
        below[::-1].astype("float32")
        mi.sqrt(below)
        mi.exp(long, where=long > 0, out=mi.zeros_like(long))  # masked
        mi.exp(long.astype("int32"))          # cast in buffers
        mi.add(at, at, where=True, out=mi.empty_like(at), dtype="float32")
        assert _threads._parallel_walks_so_far() == before
        mi.sin(long[:THREAD_THRESHOLD // 16])
        assert _threads._parallel_walks_so_far() == before + 1
        mi.add(at, at)
        at.copy()
        at[::-1].astype("float32")
        assert _threads._parallel_walks_so_far() == before + 4


def test_set_num_threads_and_its_context():
    start = mi.get_num_threads()
    assert 1 <= start <= _threads.MAX_NUM_THREADS
    setting = mi.set_num_threads(3)
    try:
        assert mi.get_num_threads() == 3
        assert repr(setting) == "set_num_threads(3)"
        with mi.set_num_threads(1) as inner:
            assert inner.n == 1 and mi.get_num_threads() == 1
        assert mi.get_num_threads() == 3
        with pytest.raises(ZeroDivisionError):
            with mi.set_num_threads(2):
                1 / 0
        assert mi.get_num_threads() == 3
    finally:
        mi.set_num_threads(start)
    assert mi.get_num_threads() == start
    for bad, error in [(0, ValueError), (-2, ValueError),
                       (_threads.MAX_NUM_THREADS + 1, ValueError),
                       (2.0, TypeError), ("2", TypeError), (None, TypeError),
                       (True, TypeError)]:
        with pytest.raises(error):
            mi.set_num_threads(bad)
        assert mi.get_num_threads() == start
    with mi.set_num_threads(np.int64(2)):
        assert mi.get_num_threads() == 2


@pytest.mark.parametrize("value, expected", [
    ("3", 3), (" 1 ", 1), ("0", None), ("many", None), ("", None)])
def test_the_environment_variable(value, expected):
    import os
    import subprocess
    code = ("import warnings, minind, os\n"
            "print(minind.get_num_threads(),"
            " len(os.sched_getaffinity(0)))\n")
    env = dict(os.environ, MININD_NUM_THREADS=value)
    done = subprocess.run([sys.executable, "-W", "always", "-c", code],
                          env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    got, cores = map(int, done.stdout.split())
    assert got == (expected if expected is not None else min(cores, 64))
    if expected is None and value.strip():
        assert "ignoring MININD_NUM_THREADS" in done.stderr


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"),
                    reason="needs fork()")
def test_a_forked_child_starts_its_own_pool():
    """GNU OpenMP's child of a fork hangs at its next parallel loop; minind's
    forgets the parent's workers and starts its own."""
    import os
    x = mi.array(_values((4 * THREAD_THRESHOLD,), 0.01))
    with mi.set_num_threads(2):
        expected = _bits(mi.exp(x))            # the parent's pool runs
        pid = os.fork()
        if pid == 0:                           # the child
            code = 1
            try:
                before = _threads._parallel_walks_so_far()
                ok = (_bits(mi.exp(x)) == expected
                      and _threads._parallel_walks_so_far() > before)
                code = 0 if ok else 1
            finally:
                os._exit(code)
        deadline = time.monotonic() + TIMEOUT
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() > deadline:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                pytest.fail("the forked child hung in a threaded loop")
            time.sleep(0.01)
        assert os.waitstatus_to_exitcode(status) == 0


def test_a_reduction_into_an_output_that_overlaps_itself_is_serial():
    """A row sum into an out= whose elements all share one item: the rows
    are summed (on two threads) into a new result, which is then written
    into out, as on one thread: the last row's sum wins, as in NumPy."""
    rows = 8 * (THREAD_THRESHOLD // 512) + 5
    x = mi.asarray(_values((rows, 512), 0.03))

    def shared():
        return mi.lib.stride_tricks.as_strided(
            mi.zeros(1), shape=(rows,), strides=(0,), writeable=True)
    with mi.set_num_threads(1):
        serial = _bits(x.sum(axis=1, out=shared()))
    with mi.set_num_threads(2):
        threaded = _bits(x.sum(axis=1, out=shared()))
    assert threaded == serial
    assert np.asarray(x.sum(axis=1, out=shared()))[0] == x[-1].sum()


def test_an_output_that_overlaps_itself_keeps_the_serial_order():
    """out= with a zero stride (a broadcast view made writeable): every
    element lands on the same item, and the last one written wins, as in
    NumPy; bands on two threads would race for it."""
    n = 4 * THREAD_THRESHOLD
    x = mi.asarray(np.linspace(0.0, 1.0, n))
    target = mi.zeros(2)
    out = mi.lib.stride_tricks.as_strided(target, shape=(n,), strides=(0,),
                                          writeable=True)
    with mi.set_num_threads(2):
        before = _threads._parallel_walks_so_far()
        mi.exp(x, out=out)
        assert _threads._parallel_walks_so_far() == before
    assert target.tolist() == [float(np.exp(1.0)), 0.0]


def test_a_busy_pool_runs_the_call_on_its_own_thread():
    """Several Python threads in long threaded loops at once: one gets the
    pool, the others run on their own threads; all results are exact."""
    x = mi.array(_values((4 * THREAD_THRESHOLD,), 0.01))
    with mi.set_num_threads(1):
        expected = _bits(mi.tanh(x))
    results = []
    barrier = threading.Barrier(4)

    def work():
        barrier.wait(TIMEOUT)
        for _ in range(5):
            results.append(_bits(mi.tanh(x)))

    with mi.set_num_threads(2):
        workers = [threading.Thread(target=work) for _ in range(4)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(TIMEOUT)
        assert not any(worker.is_alive() for worker in workers)
    assert len(results) == 20 and all(r == expected for r in results)
