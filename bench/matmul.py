"""Matrix products, minind vs NumPy, in one process.

minind's ``matmul`` is a blocked, packed loop on one core (see
``src/minind/_matmul.pyx``); NumPy hands float products to its BLAS
(OpenBLAS in the wheels), which is hand-tuned per CPU and multithreaded,
so for large float64 products minind is expected to be several times
slower: the GFLOP/s column says how far.  NumPy has no BLAS for integers:
its int64 product is a plain triple loop, and there minind's blocked loop
should be at least as fast (goal 1.0).  The stack of 1000 8x8 products
times the per-matrix overhead of both libraries' gufunc loops.

Before timing, each row runs once per library and the results are
compared (exactly for int64, to rounding for floats).  The exit status is
1 only if they disagree.

    python bench/matmul.py            # ~1 minute
    python bench/matmul.py --quick    # seconds: smaller sizes, CI smoke
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
from _timing import compare, fmt_time, print_table  # noqa: E402

# (name, setup, statement, flops per call, goal or None).  The inputs are
# made from arange so that a wrong stride cannot compare equal by chance;
# floats stay small so that sums are exact enough to compare.
SETUP_F = ("a = (xp.arange(n * n * 1.0) % 7 - 3).reshape(n, n); "
           "b = (xp.arange(n * n * 1.0) % 5 - 2).reshape(n, n); "
           "bf = xp.asfortranarray(b)")
SETUP_I = ("a = (xp.arange(n * n) % 1000 - 500).reshape(n, n); "
           "b = (xp.arange(n * n) % 999 - 400).reshape(n, n)")
SETUP_S = ("a = (xp.arange(s * 64.0) % 7 - 3).reshape(s, 8, 8); "
           "b = (xp.arange(s * 64.0) % 5 - 2).reshape(s, 8, 8)")


def rows(quick):
    big = 256 if quick else 1024
    mid = 128 if quick else 512
    ints = 128 if quick else 256
    stack = 100 if quick else 1000
    return [
        (f"float64 {mid}x{mid} C @ C", f"n = {mid}; " + SETUP_F,
         "a @ b", 2 * mid ** 3),
        (f"float64 {mid}x{mid} C @ F", f"n = {mid}; " + SETUP_F,
         "a @ bf", 2 * mid ** 3),
        (f"float64 {big}x{big} C @ C", f"n = {big}; " + SETUP_F,
         "a @ b", 2 * big ** 3),
        (f"float64 {big}x{big} C @ F", f"n = {big}; " + SETUP_F,
         "a @ bf", 2 * big ** 3),
        (f"int64 {ints}x{ints} C @ C", f"n = {ints}; " + SETUP_I,
         "a @ b", 2 * ints ** 3),
        (f"float64 stack ({stack}, 8, 8)", f"s = {stack}; " + SETUP_S,
         "a @ b", 2 * stack * 8 ** 3),
    ]


def check(setup, stmt):
    """Run once per library; True when the results agree."""
    results = []
    for xp in (mi, np):
        scope = {"xp": xp}
        exec(setup, scope)
        results.append(np.asarray(eval(stmt, scope)))
    got, want = results
    if got.dtype != want.dtype or got.shape != want.shape:
        return False
    if want.dtype.kind == "f":
        return bool(np.allclose(got, want, rtol=1e-12, atol=1e-9))
    return bool(np.array_equal(got, want))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    print(f"Python {platform.python_version()}, NumPy {np.__version__}, "
          f"{os.cpu_count()} cores; NumPy's BLAS may use all of them, "
          "minind uses one.")
    table, flops, disagree = [], [], []
    for name, setup, stmt, count in rows(args.quick):
        if not check(setup, stmt):
            disagree.append(name)
        big = count > 2 * 500 ** 3
        row = compare(name, stmt, setup, mi=mi, np=np,
                      repeat=5 if big else 11, number=1 if big else None,
                      target=0.05)
        table.append(row)
        flops.append(count)
    print_table(table)
    print()
    print("GFLOP/s (multiply-adds count 2):")
    for row, count in zip(table, flops):
        print(f"  {row.name:<28} minind {count / row.mi / 1e9:6.2f}   "
              f"numpy {count / row.np / 1e9:6.2f}   "
              f"(minind {fmt_time(row.mi)})")
    if disagree:
        print("minind and NumPy disagree on: " + ", ".join(disagree))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
