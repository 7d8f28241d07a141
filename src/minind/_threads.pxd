# Threads for compute-bound loops (see _threads.pyx).
from minind._loops cimport Traversal, inner_loop

# How many threads a loop of ``work`` should use (1: run it on the calling
# thread), starting the workers it needs.  ``work`` is elements times the
# loop's cost per element (1 for the cheapest threaded loop, 0 for loops
# never threaded).  Call with the GIL.
cdef int threads_for(Py_ssize_t work) except -1

# Walk the planned, non-empty t with ``loop`` on ``threads`` threads (the
# caller's and threads - 1 workers), each a band of t's outermost axis;
# False (nothing done) when another call holds the pool or t cannot be
# split, and the caller walks t itself.  ``threads`` comes from
# threads_for.  Every operand written must step along the outermost axis
# (no reduction), and ``loop`` and ``data`` must be safe to run from
# several threads at once.
cdef bint parallel_walk(Traversal* t, char** start, inner_loop loop,
                        void* data, int threads) noexcept nogil
