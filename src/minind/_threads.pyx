# cython: boundscheck=False, wraparound=False, cdivision=True
"""Threads for long loops: a small pool of minind's own.

A ufunc whose loop costs more than the memory it touches (``exp``,
``tanh``, ``a ** 1.7``...) runs on several cores once it is long enough:
the traversal is cut into bands along its outermost axis and each thread
walks one band with the same typed loop.  Each element is computed by
the same code with the same operands wherever its band starts (the
vector-math loops give the same bits in every position), so the result
is bitwise the serial one.

Loops that only stream memory (``add``, copies, sums along an axis) are
threaded too, from a larger size (``STREAM_SHARE``, ``_loops.pxd``): on
the development Xeon VM one core does not move as much as the memory can
(an add of 4096**2 float64 into an existing array: 13 ms on one core, 6
on two), nor zero fresh pages as fast as two (the kernel zeroes a page in
the thread that first touches it).  A tiled walk (operands that disagree
on layout) waits on a missed cache line or TLB entry every few items, a
latency each core pays for itself, and counts more (``TILED_WORK``).
On a machine where one core already fills the bandwidth, the second
gains nothing and costs only the hand-out, tens of microseconds against
the milliseconds such a loop takes.

Why a pool of our own and not OpenMP's ``prange``:

* GNU OpenMP (libgomp) keeps its worker threads across calls, and a
  child made by ``fork()`` after the parent used them hangs at its next
  parallel region (the threads it waits for were not copied).
  ``multiprocessing`` forks by default on Linux, so a NumPy-style library
  cannot afford that.  Here ``os.register_at_fork`` forgets the pool in
  the child, which starts a new one when it needs it.
* The workers are plain C threads (CPython's ``PyThread`` layer) that
  never touch a Python object or the GIL: each waits on a lock, walks its
  band, and releases another lock.  A call hands out the bands, walks the
  first band itself, and waits for the rest.
* One call uses the pool at a time.  A call that finds the pool busy
  (another Python thread is in a long loop) runs on its own thread, as it
  would without threads; nothing waits on anything but its own workers,
  so no call can deadlock another.

The number of threads: ``MININD_NUM_THREADS`` when minind is imported,
else the cores this process may run on; ``mi.set_num_threads(n)``
changes it for the whole process (``with mi.set_num_threads(1):`` for a
block), ``mi.get_num_threads()`` reads it.  A call never uses threads
below ``THREAD_THRESHOLD`` elements of the cheapest threaded loop (fewer
for a costlier one): handing out the bands and waiting for them costs
tens of microseconds, as much as computing 10**5 elements of ``log``.
"""
import os
import warnings

from cpython.pythread cimport (PyThread_type_lock, PyThread_allocate_lock,
                               PyThread_free_lock, PyThread_acquire_lock,
                               PyThread_release_lock,
                               PyThread_start_new_thread, WAIT_LOCK,
                               NOWAIT_LOCK, PY_LOCK_ACQUIRED)
from libc.stdlib cimport calloc, free

from minind._loops cimport (Traversal, inner_loop, walk, MAX_OPERANDS,
                            install_pool)
from minind._fperr cimport fp_status, clear_fp_status, feraiseexcept

cdef enum:
    MAX_THREADS = 64

# The work below which a loop runs on the calling thread only, in
# elements of the cheapest threaded loop (a vector-math function; the
# ufuncs weigh the others: work_per_element in _kernels.pyx).  Measured
# with ``bench/threads.py --sweep`` on the 2-core development VM: waking a
# worker on a lock and waiting for it costs tens of microseconds there,
# and float32 exp or float64 log gain on two threads above 2**17 elements.
cdef Py_ssize_t THREAD_THRESHOLD = 1 << 18

# Bands of a 1-d walk start at a multiple of this many elements, so that
# two threads never write the same 64-byte cache line (for any item size).
cdef Py_ssize_t BAND_ALIGN = 64


cdef struct Band:
    Traversal t
    char* start[MAX_OPERANDS]
    inner_loop loop
    void* data
    int fp_status               # the floating-point flags its walk raised

cdef struct Worker:
    PyThread_type_lock go       # released by the caller: a band is ready
    PyThread_type_lock done     # released by the worker: the band is done
    Band band


cdef Worker* _workers[MAX_THREADS]   # 1.._started; 0 is the caller's band
cdef int _started = 0
cdef int _wanted = 1                 # mi.set_num_threads
cdef PyThread_type_lock _pool = NULL # held by the call using the workers
cdef Py_ssize_t _parallel_walks = 0  # walks run on the pool (for tests)


cdef void _serve(void* arg) noexcept nogil:
    """A worker's life: wait for a band, walk it, say so; forever (the
    process ends it, blocked on ``go``)."""
    cdef Worker* worker = <Worker*>arg
    while True:
        PyThread_acquire_lock(worker.go, WAIT_LOCK)
        clear_fp_status()
        walk(&worker.band.t, worker.band.start, worker.band.loop,
             worker.band.data)
        worker.band.fp_status = fp_status()
        PyThread_release_lock(worker.done)


cdef int _start_workers(int count) except -1:
    """Have ``count`` workers running (with the GIL, so one at a time)."""
    global _started
    cdef Worker* worker
    while _started < count:
        worker = <Worker*>calloc(1, sizeof(Worker))
        if worker == NULL:
            raise MemoryError()
        worker.go = PyThread_allocate_lock()
        worker.done = PyThread_allocate_lock()
        if worker.go == NULL or worker.done == NULL:
            _free_worker(worker)
            raise MemoryError()
        # Both locks start held: the worker blocks on ``go`` until a band
        # comes, the caller on ``done`` until it is walked.
        PyThread_acquire_lock(worker.go, WAIT_LOCK)
        PyThread_acquire_lock(worker.done, WAIT_LOCK)
        if <long>PyThread_start_new_thread(_serve, worker) == -1:
            _free_worker(worker)
            raise RuntimeError("can't start a new thread")
        # In the table before it is counted: a call on another thread
        # never uses a worker past the count it read.
        _workers[_started + 1] = worker
        _started += 1
    return 0


cdef void _free_worker(Worker* worker) noexcept:
    if worker.go != NULL:
        PyThread_free_lock(worker.go)
    if worker.done != NULL:
        PyThread_free_lock(worker.done)
    free(worker)


cdef int threads_for(Py_ssize_t work) except -1:
    cdef int threads = _wanted
    if threads < 2 or work < THREAD_THRESHOLD:
        return 1
    if threads - 1 > _started:
        _start_workers(threads - 1)
    return threads


cdef bint parallel_walk(Traversal* t, char** start, inner_loop loop,
                        void* data, int threads) noexcept nogil:
    global _parallel_walks
    cdef Py_ssize_t extent, share, low, high
    cdef int k, used = 0, iop
    cdef Traversal mine
    cdef Worker* worker
    if t.ndim == 0 or threads < 2 or t.shape[0] < 2:
        return False
    if PyThread_acquire_lock(_pool, NOWAIT_LOCK) != PY_LOCK_ACQUIRED:
        return False
    if threads - 1 > _started:       # (a fork forgot them since)
        threads = _started + 1
    extent = t.shape[0]
    share = (extent + threads - 1) // threads
    if t.ndim == 1:
        share = (share + BAND_ALIGN - 1) // BAND_ALIGN * BAND_ALIGN
    low = share
    while low < extent and used + 1 < threads:
        high = min(low + share, extent)
        used += 1
        worker = _workers[used]
        worker.band.t = t[0]
        worker.band.t.shape[0] = high - low
        for iop in range(t.nop):
            worker.band.start[iop] = start[iop] + low * t.strides[iop][0]
        worker.band.loop = loop
        worker.band.data = data
        PyThread_release_lock(worker.go)
        low = high
    mine = t[0]
    mine.shape[0] = min(share, extent)
    walk(&mine, start, loop, data)
    for k in range(1, used + 1):
        PyThread_acquire_lock(_workers[k].done, WAIT_LOCK)
        # Each thread has its own flags: the caller takes the workers'
        # (_fperr.pyx), as though it had walked their bands itself.
        if _workers[k].band.fp_status:
            feraiseexcept(_workers[k].band.fp_status)
    _parallel_walks += 1
    PyThread_release_lock(_pool)
    return True


# ---------------------------------------------------------------------------
# The settings, as Python sees them
# ---------------------------------------------------------------------------

def _usable_cores():
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _checked(n, what):
    if isinstance(n, bool) or not hasattr(type(n), "__index__"):
        raise TypeError(f"{what} must be an integer, not "
                        f"{type(n).__name__}")
    n = n.__index__()
    if not 1 <= n <= MAX_THREADS:
        raise ValueError(f"{what} must be between 1 and {MAX_THREADS}, "
                         f"got {n}")
    return n


class set_num_threads:
    """set_num_threads(n)

    Use up to ``n`` threads (1 for none) for the compute-bound loops of
    long enough calls, from now on in the whole process.  Used in a
    ``with`` statement, the previous number comes back at its end::

        with mi.set_num_threads(1):
            ...                 # every loop on the calling thread

    The starting value is ``MININD_NUM_THREADS`` or the number of cores
    this process may use.  Results are bitwise the same for any ``n``.
    """

    def __init__(self, n):
        global _wanted
        n = _checked(n, "the number of threads")
        self.previous = _wanted
        self.n = n
        _wanted = n

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        global _wanted
        _wanted = self.previous
        return False

    def __repr__(self):
        return f"set_num_threads({self.n})"


def get_num_threads():
    """The number of threads long compute-bound loops use (1: none)."""
    return _wanted


def _parallel_walks_so_far():
    """How many walks have run on the pool in this process (tests read it
    to see that a call was, or was not, split between threads)."""
    return _parallel_walks


class _no_threshold:
    """``with _no_threshold():`` any loop of 2 elements or more may use
    threads (bench/threads.py times short loops on the pool with it, to
    find where THREAD_THRESHOLD belongs)."""

    def __enter__(self):
        global THREAD_THRESHOLD
        self.saved = THREAD_THRESHOLD
        THREAD_THRESHOLD = 2
        return self

    def __exit__(self, *exc_info):
        global THREAD_THRESHOLD
        THREAD_THRESHOLD = self.saved
        return False


def _forget_pool():
    """In a child after ``fork()``: the workers were not copied (only the
    forking thread was), and a lock may have been copied held.  Start
    afresh; the old structures are left alone (their locks may be held)."""
    global _started, _pool
    _started = 0
    _pool = PyThread_allocate_lock()


def _initial_threads():
    text = os.environ.get("MININD_NUM_THREADS", "").strip()
    if text:
        try:
            return _checked(int(text), "MININD_NUM_THREADS")
        except (TypeError, ValueError) as error:
            warnings.warn(f"ignoring MININD_NUM_THREADS={text!r}: {error}",
                          RuntimeWarning, stacklevel=2)
    return min(_usable_cores(), MAX_THREADS)


_pool = PyThread_allocate_lock()
if _pool == NULL:
    raise MemoryError()
_wanted = _initial_threads()
install_pool(threads_for, parallel_walk)      # (copies: _loops.pxd)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pool)

# For Python (tests, bench): the constants above.
THREAD_THRESHOLD_ITEMS = THREAD_THRESHOLD
MAX_NUM_THREADS = MAX_THREADS
