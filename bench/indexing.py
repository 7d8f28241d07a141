"""Advanced indexing, minind vs NumPy, in one process.

The three operations of the advanced-indexing issue, each at or under 1.0x
NumPy's time as the goal, plus a few neighbours for context:

* gather: ``a[idx]``, 10^6 random int64 indices into 10^7 float64;
* mask:   ``a[a > 0.5]``'s indexing half, a boolean mask over 10^7;
* scatter: ``a[idx] = v``, 10^6 elements.

Both libraries index the same values (the arrays are made once by NumPy and
shared with minind through the buffer protocol), and each row checks first
that the results agree.  Timings are interleaved (bench/_timing.py).

    python bench/indexing.py            # the sizes above, ~1 minute
    python bench/indexing.py --quick    # 100x smaller: seconds, CI smoke
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

GOAL = 1.0


def operands(n, k):
    rng = np.random.default_rng(0)
    data = rng.random(n)
    index = rng.integers(0, n, k)
    return {
        np: dict(a=data, idx=index, mask=data > 0.5, v=rng.random(k),
                 rows=data.reshape(-1, 100), ridx=index[:k // 100] % (
                     n // 100), idx32=index.astype(np.int32)),
        mi: None,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="100x smaller arrays (CI smoke run)")
    args = parser.parse_args(argv)
    n, k = (10 ** 5, 10 ** 4) if args.quick else (10 ** 7, 10 ** 6)
    repeat = 5 if args.quick else 11
    ops = operands(n, k)
    ops[mi] = {name: mi.asarray(value) for name, value in ops[np].items()}
    print(f"minind {mi.__version__}, numpy {np.__version__}, Python "
          f"{platform.python_version()}, {platform.machine()}")
    print(f"a: {n:,} float64; idx: {k:,} random int64\n")

    def scatter(xp):
        o = ops[xp]
        target = o["a"].copy()

        def run():
            target[o["idx"]] = o["v"]
        return run

    rows_spec = [
        ("gather a[idx]", lambda xp: lambda: ops[xp]["a"][ops[xp]["idx"]]),
        ("mask a[mask]", lambda xp: lambda: ops[xp]["a"][ops[xp]["mask"]]),
        ("scatter a[idx] = v", scatter),
        ("gather int32 a[idx32]",
         lambda xp: lambda: ops[xp]["a"][ops[xp]["idx32"]]),
        ("rows a2d[ridx] (100 per row)",
         lambda xp: lambda: ops[xp]["rows"][ops[xp]["ridx"]]),
        ("columns a2d[:, [1, 5, 7]]",
         lambda xp: lambda: ops[xp]["rows"][:, [1, 5, 7]]),
    ]
    # The results agree before anything is timed.
    for name, make in rows_spec[:2] + rows_spec[3:]:
        got, want = make(mi)(), make(np)()
        assert np.array_equal(np.asarray(got), want), name
    a_mi, a_np = ops[mi]["a"].copy(), ops[np]["a"].copy()
    a_mi[ops[mi]["idx"]] = ops[mi]["v"]
    a_np[ops[np]["idx"]] = ops[np]["v"]
    assert np.array_equal(np.asarray(a_mi), a_np)

    rows = [compare(name, make, mi=mi, np=np, repeat=repeat, number=1 if
                    not args.quick else None)
            for name, make in rows_spec]
    print_table(rows[:3], goal=GOAL, title="The issue's three operations")
    print()
    print_table(rows[3:], title="Neighbours (no goal)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
