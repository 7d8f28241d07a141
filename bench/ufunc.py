"""Element-wise ufuncs and sums, minind vs NumPy, in one process.

Issue "Performance": each group of rows has its own goal for the mi/np ratio.
The contiguous 1-d add with ``out=`` (10M float64, three 80 MB streams) is
memory-bound: both libraries should run at the speed of the memory bus, so
the goal is near parity, 1.1.  The strided and broadcast adds (``a.T + b.T``,
(N,1)+(1,N), (N,N)+(N,), ``a[::2, ::2] + b[::2, ::2]``) test the iterator's
planning: the axis order, merging axes into one long inner loop, and the
inner loop over zero or non-unit strides.  Their goal is 1.2.  The
mixed-layout adds (C + F into a C output) have no axis order that is
contiguous for every operand.  NumPy's iterator picks one order for all
operands and walks one of them against its layout, a strided inner loop that
touches a new cache line on every element, so minind's goal there is to be
at least as fast (1.0).  The 10-element rows are overhead-bound: the
arithmetic takes a few ns, so they time the ufunc's argument parsing, type
resolution, output allocation and dispatch, with goal 1.3.  The sums of 4096x4096 C- and F-order arrays along
each axis test the reduction walk, pairwise summation and a reduction against
the layout, with goal 1.5.  Before timing, each row runs once per library
(this is also the warm-up) and the results are compared: array_equal for the
adds, allclose for the sums.  Missing a goal is reported, never an error.
The exit status is 1 only if the two libraries disagree (different values,
shape or dtype, or one of them raises), and 0 otherwise.

    python bench/ufunc.py            # ~35 s: 10M elements, 4096x4096
    python bench/ufunc.py --quick    # a few seconds: 100k, 300x300, CI smoke
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

# Setups: timeit source text run with ``xp`` bound to minind or NumPy, after
# ``n = <size>``.  The inputs hold distinct values (arange), so a result that
# reads an operand with the wrong strides does not compare equal by chance.
SETUP_1D = "a = xp.arange(n * 1.0); b = xp.ones(n); o = xp.empty(n)"
SETUP_2D = ("a = xp.arange(n * n * 1.0).reshape(n, n); b = xp.ones((n, n)); "
            "v = xp.arange(n * 1.0); col = v.reshape(n, 1); "
            "row = v.reshape(1, n)")
SETUP_MIXED = ("c = xp.arange(n * n * 1.0).reshape(n, n); "
               "f = xp.asfortranarray(c); cout = xp.empty((n, n))")
SETUP_TINY = SETUP_1D
SETUP_SUM = SETUP_MIXED

# (tag, title, goal, size, quick size, calls per sample (full, quick), setup,
#  rows); the tag names the group in the final summary.
# A row is (name, statement, check): statement is the same text for both
# libraries; check is "equal" (array_equal) or "close" (allclose).  Calls per
# sample None: autorange, for the tiny rows (timed as timeit text, like
# bench/overhead.py); otherwise a fixed count on prebuilt arrays.
GROUPS = [
    ("1-d", "contiguous add, 1-d float64 (memory-bound)", 1.1,
     10_000_000, 100_000, (3, 20), SETUP_1D, [
         ("xp.add(a, b, out=o)", "xp.add(a, b, out=o)", "equal"),
     ]),
    ("strided", "strided and broadcast adds, NxN float64", 1.2,
     4096, 300, (1, 20), SETUP_2D, [
         ("a.T + b.T", "a.T + b.T", "equal"),
         ("col + row   (N,1)+(1,N)", "col + row", "equal"),
         ("a + v       (N,N)+(N,)", "a + v", "equal"),
         ("a[::2, ::2] + b[::2, ::2]", "a[::2, ::2] + b[::2, ::2]", "equal"),
     ]),
    ("mixed", "mixed layouts, C + F -> C, NxN float64", 1.0,
     4096, 300, (1, 20), SETUP_MIXED, [
         ("xp.add(c, f, out=cout)", "xp.add(c, f, out=cout)", "equal"),
         ("c + f", "c + f", "equal"),
     ]),
    ("tiny", "10-element float64 (overhead-bound)", 1.3,
     10, 10, (None, None), SETUP_TINY, [
         ("a + b", "a + b", "equal"),
         ("a + 1.0", "a + 1.0", "equal"),
         ("a.sum()", "a.sum()", "close"),
         ("xp.add(a, b, out=o)", "xp.add(a, b, out=o)", "equal"),
     ]),
    ("sum", "sums, NxN float64, C order (c) and F order (f)", 1.5,
     4096, 300, (3, 20), SETUP_SUM, [
         ("c.sum(axis=0)", "c.sum(axis=0)", "close"),
         ("c.sum(axis=1)", "c.sum(axis=1)", "close"),
         ("f.sum(axis=0)", "f.sum(axis=0)", "close"),
         ("f.sum(axis=1)", "f.sum(axis=1)", "close"),
         ("c.sum()", "c.sum()", "close"),
         ("f.sum()", "f.sum()", "close"),
     ]),
]


def build(setup, stmt, xp):
    """Run ``setup`` once with ``xp`` bound; return a function computing stmt.

    The function evaluates the statement text in the setup's namespace, so
    large inputs are built once per row, not once per sample.
    """
    ns = {"xp": xp}
    exec(setup, ns)
    exec(f"def run():\n    return {stmt}\n", ns)
    return ns["run"]


def check(fns, how):
    """Call both functions once; return None if the results agree, else why."""
    results = {}
    for xp in (mi, np):
        try:
            results[xp] = fns[xp]()
        except Exception as exc:
            lib = "minind" if xp is mi else "numpy"
            return f"{lib} raised {type(exc).__name__}: {exc}"
    got, want = np.asarray(results[mi]), np.asarray(results[np])
    if got.shape != want.shape or got.dtype != want.dtype:
        return (f"minind gives {got.dtype}{list(got.shape)}, numpy "
                f"{want.dtype}{list(want.shape)}")
    same = np.allclose(got, want) if how == "close" else np.array_equal(
        got, want)
    return None if same else "values differ"


def run_group(group, quick, repeat, target):
    """Check and time one group; print its table.

    Returns the names of the rows that miss the goal and of those whose
    results disagree, each prefixed with the group's tag.
    """
    tag, title, goal, size, quick_size, numbers, setup, rows = group
    n = quick_size if quick else size
    number = numbers[1] if quick else numbers[0]
    setup = f"n = {n}; {setup}"
    print(f"{title}, n = {n:,}, "
          + ("autorange" if number is None else f"{number} call(s)")
          + " per sample")
    timed, bad = [], []
    for name, stmt, how in rows:
        try:
            fns = {xp: build(setup, stmt, xp) for xp in (mi, np)}
            problem = check(fns, how)        # also the warm-up
        except Exception as exc:             # setup failed for a library
            problem = f"setup raised {type(exc).__name__}: {exc}"
        if problem:
            bad.append((name, problem))
            continue
        if number is None:                   # tiny: plain timeit text
            row = compare(name, stmt, setup, mi=mi, np=np, repeat=repeat,
                          target=target)
        else:
            row = compare(name, lambda xp: fns[xp], mi=mi, np=np,
                          repeat=repeat, number=number)
        timed.append(row)
        del fns                              # free the large inputs
    misses = print_table(timed, goal=goal) if timed else []
    for name, problem in bad:
        print(f"DISAGREE {name}: {problem} (not timed)")
    print()
    return ([f"{tag}: {' '.join(r.name.split())}" for r in misses],
            [f"{tag}: {name}" for name, _ in bad])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="100k / 300x300, few samples: seconds, for CI")
    args = parser.parse_args(argv)
    repeat, target = (7, 0.002) if args.quick else (15, 0.005)

    print(f"minind {mi.__version__} ({os.path.dirname(mi.__file__)})")
    print(f"numpy {np.__version__}, Python {platform.python_version()}, "
          f"{platform.machine()}, {repeat} interleaved samples per row")
    print()
    misses, bad, total = [], [], 0
    for group in GROUPS:
        m, b = run_group(group, args.quick, repeat, target)
        misses += m
        bad += b
        total += len(group[-1])
    print(f"(the 10-element rows include the timing loop's own "
          f"{fmt_time(loop_overhead(repeat, target))} per call, in both "
          f"columns)")
    print(f"goals: {len(misses)} of {total - len(bad)} timed rows MISS"
          + (": " + ", ".join(misses) if misses else ""))
    if bad:
        print(f"results: minind and NumPy DISAGREE in {len(bad)} row(s): "
              + ", ".join(bad))
        return 1
    print(f"results: minind and NumPy agree in all {total} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
