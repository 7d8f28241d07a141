"""Sorting, minind vs NumPy, in one process.

Each row sorts a fresh copy of 10^6 random values (the copy is part of
both libraries' ``sort``, and of both columns).  NumPy sorts float64 and
int64 with SIMD code on x86 (x86-simd-sort: AVX-512 or AVX2, whichever
the CPU has) for ``quicksort`` and its argsort, and with radix sort for
stable sorts of 8- and 16-bit integers; minind's introsort and merge
sort are plain C, so the quicksort rows measure that gap rather than a
missed optimisation.  The stable rows compare merge sort with NumPy's
timsort.  Before timing, each row runs once per library and the results
are compared (equal sorted values; for argsort the values they pick).

    python bench/sorting.py            # 10^6 items, ~20 s
    python bench/sorting.py --quick    # 10^4 items, a smoke test

To see the algorithms side by side without NumPy's SIMD code, turn its
dispatch off (the baseline, X86_V2, stays):

    NPY_DISABLE_CPU_FEATURES="X86_V3 X86_V4 AVX512_ICL AVX512_SPR" \
        python bench/sorting.py
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
from _timing import compare, print_table  # noqa: E402

SETUP = ("import numpy; rng = numpy.random.default_rng(0); "
         "f = xp.asarray(rng.random(n)); "
         "i = xp.asarray(rng.integers(-2**62, 2**62, n)); "
         "small = xp.asarray(rng.integers(0, 100, n))")

ROWS = [
    ("sort float64", "xp.sort(f)"),
    ("argsort float64", "xp.argsort(f)"),
    ("sort int64", "xp.sort(i)"),
    ("argsort int64", "xp.argsort(i)"),
    ("sort float64, stable", "xp.sort(f, stable=True)"),
    ("argsort float64, stable", "xp.argsort(f, stable=True)"),
    ("argsort int64, stable", "xp.argsort(i, kind='stable')"),
    ("argsort int64 (100 values), stable", "xp.argsort(small, stable=True)"),
    ("unique int64 (100 values)", "xp.unique(small)"),
]


def check(statement, n):
    """Run ``statement`` once per library; the results must agree."""
    results = {}
    for xp in (mi, np):
        scope = {"xp": xp, "n": n}
        exec(SETUP, scope)
        scope["result"] = eval(statement, scope)
        results[xp.__name__] = scope
    m, n_ = results["minind"], results["numpy"]
    got, want = np.asarray(m["result"]), n_["result"]
    if "argsort" in statement:
        name = statement.split("(")[1].split(",")[0].rstrip(")")
        values = np.asarray(n_[name])
        return np.array_equal(values[got], values[want])
    return np.array_equal(got, want)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    n = 10_000 if args.quick else 1_000_000
    print(f"Python {platform.python_version()}, NumPy {np.__version__}, "
          f"{platform.machine()}; n = {n}")
    rows, ok = [], True
    for name, statement in ROWS:
        if not check(statement, n):
            print(f"DISAGREE: {name}")
            ok = False
        rows.append(compare(name, statement, f"n = {n}; " + SETUP, mi=mi,
                            np=np, repeat=5 if args.quick else 7,
                            number=1 if not args.quick else None))
    print_table(rows, goal=1.5)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
