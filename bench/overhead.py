"""Per-call overhead of tiny operations, minind vs NumPy, in one process.

Goal of issue "foundation": every mi/np ratio <= 1.2.  Missing the goal is
reported, never an error: the exit status is 0.

    python bench/overhead.py            # ~ten seconds
    python bench/overhead.py --quick    # a few seconds, for CI smoke runs
"""
import argparse
import os
import platform
import sys

try:
    import minind as mi
except ImportError:         # not installed: use the in-place build in src/
    sys.path.insert(0, os.path.abspath(os.path.join(
        os.path.dirname(__file__), os.pardir, "src")))
    import minind as mi
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _timing import compare, fmt_time, loop_overhead, print_table  # noqa: E402

GOAL = 1.2          # foundation: creation, attributes, element access
VIEW_GOAL = 1.0     # views: a Cython view needs no Python-level parsing

# A (4, 6) float64 array and an index into it, for the element/attribute rows.
A = "a = xp.zeros((4, 6)); i, j, v = 2, 3, 1.5"

# (name, statement, setup): identical text for both, ``xp`` is mi or np.
CASES = [
    ("empty(10)",         "xp.empty(10)",       "pass"),
    ("zeros((4, 4))",     "xp.zeros((4, 4))",   "pass"),
    ("a.shape",           "a.shape",            A),
    ("a.strides",         "a.strides",          A),
    ('a.flags["OWNDATA"]', 'a.flags["OWNDATA"]', A),
    ("a[i, j]",           "a[i, j]",            A),
    ("a[i, j] = v",       "a[i, j] = v",        A),
    ("a.dtype",           "a.dtype",            A),
    ("a.ndim",            "a.ndim",             A),
    ("len(a)",            "len(a)",             A),
]

# Views of a (4, 6) float64 array: each builds a new (offset, shape, strides).
VIEW_CASES = [
    ("a[1:3]",            "a[1:3]",             A),
    ("a[1:3, ::2]",       "a[1:3, ::2]",        A),
    ("a.T",               "a.T",                A),
    ("a.reshape(6, 4)",   "a.reshape(6, 4)",    A),
    ("a[2, 3]",           "a[2, 3]",            A),
]

# Scalars: what an element or a full reduction returns is a scalar object
# (np.float64(...)); making one must not cost more than NumPy's.
SCALAR_GOAL = 1.0
T = ("a = xp.arange(10.0); k = xp.arange(10, dtype=xp.int8); "
     "s = a[3]; f = xp.float32(1.5)")
SCALAR_CASES = [
    ("a[3] (float64)",    "a[3]",               T),
    ("k[3] (int8)",       "k[3]",               T),
    ("a.sum(), 10 elems", "a.sum()",            T),
    ("k.sum(), 10 elems", "k.sum()",            T),
    ("a.max(), 10 elems", "a.max()",            T),
    ("s.dtype",           "s.dtype",            T),
    ("float(s)",          "float(s)",           T),
    ("s + 1.0",           "s + 1.0",            T),
    ("f * 2 (float32)",   "f * 2",              T),
]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="few short samples: seconds, for CI smoke runs")
    args = parser.parse_args(argv)
    repeat, target = (7, 0.002) if args.quick else (25, 0.005)

    print(f"minind {mi.__version__} ({os.path.dirname(mi.__file__)})")
    print(f"numpy {np.__version__}, Python {platform.python_version()}, "
          f"{repeat} interleaved samples of ~{target * 1e3:g} ms each")
    print()
    for cases, goal in ((CASES, GOAL), (VIEW_CASES, VIEW_GOAL),
                        (SCALAR_CASES, SCALAR_GOAL)):
        rows = [compare(name, stmt, setup, mi=mi, np=np, repeat=repeat,
                        target=target)
                for name, stmt, setup in cases]
        print_table(rows, goal=goal)
        print()
    print(f"(times include the timing loop's own "
          f"{fmt_time(loop_overhead(repeat, target))} per call, in both "
          f"columns)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
