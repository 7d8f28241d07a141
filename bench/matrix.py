"""The speed matrix: every ufunc and reduction minind has, minind vs NumPy.

One cell is (operation, dtype, size, layout), timed for both libraries
interleaved in this process (``_timing.compare``: the median of paired
ratios).  Operations: each ufunc, once per loop dtype of its type table
(``add.types``: 'dd->d' is float64), and the reductions and methods built
on them (sum, prod, max, min, argmax, argmin, mean, std, any, all, cumsum),
plus each binary ufunc's ``reduce``, and ``clip`` and ``where`` (ufuncs
in NumPy's core, functions at its top level).  Layouts:

* ``contig``: contiguous operands (``f(a, b)``, ``f(a)``, ``a.sum()``);
* ``scalar``: an array and a Python scalar (``f(a, 3)``); binary only;
* ``strided``: every other element (``f(a[::2], b[::2])``), the iterator's
  non-unit inner stride.

``clip`` and ``where`` take three operands: ``contig`` passes three
arrays, ``scalar`` the array and two constants (``clip(a, -1, 1)``, the
common call), ``strided`` every other element of the array with the
constants.

Sizes are 10**3 (call overhead shows), 10**5 (in cache) and 10**7 (memory
bandwidth, or the math itself).  NumPy's own asv benchmarks
(``bench_ufunc.py``, ``bench_reduce.py``) time the same families.  Each cell
first runs once per library and the results are compared (exactly for
integers and bools, with a relative tolerance for floats: libm and NumPy's
SIMD math differ in the last bits); a disagreement is printed and makes the
exit status 1.  Slowness never does: the table lists the worst cells first,
then one summary line (cells, median ratio, worst ratio, cells above 1.25).

    python bench/matrix.py                 # the full matrix, by hand: long
    python bench/matrix.py --quick         # CI smoke: common cells, 10**4
    python bench/matrix.py --only max,sum  # some operations, every size
    python bench/matrix.py --top 60        # how many of the worst to list
    python bench/matrix.py --threads 2     # minind on 2 threads (default 1)
"""
import argparse
import os
import statistics
import sys
import warnings

try:
    import minind as mi
except ImportError:         # not installed: use the in-place build in src/
    sys.path.insert(0, os.path.abspath(os.path.join(
        os.path.dirname(__file__), os.pardir, "src")))
    import minind as mi
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _timing import compare, fmt_time  # noqa: E402

CODES = {"?": "bool", "b": "int8", "B": "uint8", "h": "int16",
         "H": "uint16", "i": "int32", "I": "uint32", "q": "int64",
         "Q": "uint64", "l": "int64", "L": "uint64", "f": "float32",
         "d": "float64"}
DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32",
          "int64", "uint64", "float32", "float64"]
REDUCTIONS = ["sum", "prod", "max", "min", "argmax", "argmin", "mean", "std",
              "any", "all", "cumsum", "reduceat"]
# --quick: the operations a NumPy user calls most, in their common dtypes.
QUICK_UFUNCS = ["add", "subtract", "multiply", "true_divide", "floor_divide",
                "maximum", "greater", "equal", "logical_and", "sqrt", "exp",
                "absolute", "isnan", "power"]
QUICK_DTYPES = {"float64", "float32", "int64", "int32", "bool"}
QUICK_REDUCTIONS = ["sum", "max", "min", "argmax", "any", "all", "mean"]
# Three-operand functions: for the "scalar" and "strided" layouts, clip
# takes Python constants that clip about half of inputs()'s values, and
# where takes scalar_for()'s constant as its third operand.
FUNCTIONS = ["clip", "where"]
QUICK_FUNCTIONS = ["clip", "where"]
# Inputs each operation is defined on (no NaN from a domain error, no
# integer division by zero, no negative integer power).
POSITIVE = {"sqrt", "log", "log2", "log10", "log1p", "power", "float_power",
            "arccosh", "gcd", "lcm", "reciprocal", "floor_divide",
            "remainder", "true_divide", "cbrt", "left_shift", "right_shift"}
UNIT = {"arcsin", "arccos", "arctanh"}


def ufuncs():
    """minind's ufuncs, one name each (aliases such as ``abs`` dropped)."""
    seen, found = set(), []
    for name in sorted(dir(mi)):
        function = getattr(mi, name)
        if (name.startswith("_") or type(function).__name__ != "ufunc"
                or function.__name__ in seen
                or not hasattr(np, function.__name__)):
            continue
        seen.add(function.__name__)
        found.append(function.__name__)
    return found


def inputs(name, dtype, size, seed):
    """NumPy data for one operand of ``name``, within its domain."""
    rng = np.random.default_rng(seed)
    kind = np.dtype(dtype).kind
    if kind == "b":
        return rng.random(size) > 0.5
    if kind == "f":
        if name in UNIT:
            values = rng.uniform(-0.9, 0.9, size)
        elif name == "arccosh":
            values = rng.uniform(1.0, 4.0, size)
        elif name in POSITIVE:
            values = rng.uniform(0.5, 4.0, size)
        else:
            values = rng.uniform(-4.0, 4.0, size)
        return values.astype(dtype)
    if name in ("left_shift", "right_shift"):
        return rng.integers(0, 7, size).astype(dtype)
    low = 1 if name in POSITIVE or kind == "u" else -50
    return rng.integers(low, 50, size).astype(dtype)


def scalar_for(name, dtype):
    if np.dtype(dtype).kind == "b":
        return True
    if name in ("left_shift", "right_shift", "power", "float_power"):
        return 2
    return 3 if np.dtype(dtype).kind in "iu" else 0.75


def cells(quick, only):
    """(label, make(xp), check) for every cell of the matrix."""
    sizes = [10 ** 4] if quick else [10 ** 3, 10 ** 5, 10 ** 7]
    for name in ufuncs():
        if only and name not in only or quick and name not in QUICK_UFUNCS:
            continue
        function_np = getattr(np, name)
        for loop in getattr(mi, name).types:
            dtype = CODES[loop[0]]
            if quick and dtype not in QUICK_DTYPES:
                continue
            nin = getattr(mi, name).nin
            layouts = ["contig", "strided"] + (["scalar"] if nin == 2 else [])
            for size in sizes:
                for layout in layouts:
                    yield _ufunc_cell(name, function_np.nin, dtype, size,
                                      layout)
    for name in FUNCTIONS:
        if only and name not in only or quick and (
                name not in QUICK_FUNCTIONS):
            continue
        for dtype in DTYPES:
            if quick and dtype not in QUICK_DTYPES or (
                    name == "clip" and dtype == "bool"):
                continue
            for size in sizes:
                for layout in ("contig", "scalar", "strided"):
                    yield _function_cell(name, dtype, size, layout)
    for name in REDUCTIONS:
        if only and name not in only or quick and (
                name not in QUICK_REDUCTIONS):
            continue
        for dtype in [d for d in DTYPES if not quick or d in QUICK_DTYPES]:
            if name in ("mean", "std") and dtype == "bool":
                continue
            for size in sizes:
                for layout in ("contig", "strided"):
                    yield _reduction_cell(name, dtype, size, layout)


def _ufunc_cell(name, nin, dtype, size, layout):
    data = [inputs(name, dtype, 2 * size, seed) for seed in range(nin)]
    step = 2 if layout == "strided" else 1

    def make(xp):
        arrays = [xp.asarray(d)[::step][:size] for d in data]
        if layout == "scalar":
            arrays[1] = scalar_for(name, dtype)
        function = getattr(xp, name)
        return lambda: function(*arrays)
    return f"{name}  {dtype}  {size:.0e}  {layout}", make


def _function_cell(name, dtype, size, layout):
    data = [inputs(name, dtype, 2 * size, seed) for seed in range(3)]
    if name == "clip":
        kind = np.dtype(dtype).kind
        constants = [-1, 1] if kind == "f" else (
            [10, 40] if kind == "u" else [-25, 25])
        # array bounds: two random arrays put in order, low <= high
        data[1], data[2] = (np.minimum(data[1], data[2]),
                            np.maximum(data[1], data[2]))
    else:
        constants = [scalar_for(name, dtype)]      # where's y
        data[0] = inputs(name, "bool", 2 * size, 3)
    step = 2 if layout == "strided" else 1

    def make(xp):
        arrays = [xp.asarray(d)[::step][:size] for d in data]
        if layout != "contig":         # the last operands: constants
            arrays[-len(constants):] = constants
        function = getattr(xp, name)
        return lambda: function(*arrays)
    return f"{name}  {dtype}  {size:.0e}  {layout}", make


def _reduction_cell(name, dtype, size, layout):
    data = inputs(name, dtype, 2 * size, 0)
    step = 2 if layout == "strided" else 1

    def make(xp):
        array = xp.asarray(data)[::step][:size]
        if name == "reduceat":
            # Segment sums, ten items each (NumPy's bench_ufunc.py times
            # add.reduceat too).
            starts = xp.arange(0, size, 10)
            return lambda: xp.add.reduceat(array, starts)
        method = getattr(array, name)
        return method
    label = "add.reduceat(a, every 10)" if name == "reduceat" else (
        f"a.{name}()")
    return f"{label}  {dtype}  {size:.0e}  {layout}", make


def agree(m, n):
    """Whether minind's result is NumPy's (floats within libm's last
    bits; a float32 sum of 10**7 terms within its rounding)."""
    m, n = np.asarray(m), np.asarray(n)
    if m.shape != n.shape or m.dtype != n.dtype:
        return False
    if n.dtype.kind == "f":
        return np.allclose(m, n, rtol=1e-3 if n.dtype == np.float32
                           else 1e-9, atol=0, equal_nan=True)
    return np.array_equal(m, n)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="common cells at 10**4 (CI smoke run)")
    parser.add_argument("--only", default="",
                        help="comma-separated operation names")
    parser.add_argument("--top", type=int, default=40,
                        help="how many of the worst cells to print")
    parser.add_argument("--threads", type=int, default=1,
                        help="minind's threads (default 1: the matrix's "
                             "goals are for one thread, as NumPy runs; "
                             "bench/threads.py measures more)")
    args = parser.parse_args(argv)
    mi.set_num_threads(args.threads)
    only = set(filter(None, args.only.split(",")))
    rows, disagreements = [], 0
    warnings.simplefilter("ignore")
    np.seterr(all="ignore")
    for label, make in cells(args.quick, only):
        try:
            m_result, n_result = make(mi)(), make(np)()
        except Exception as exc:  # noqa: BLE001 - reported, not fatal
            print(f"DISAGREE {label}: {type(exc).__name__}: {exc}")
            disagreements += 1
            continue
        if not agree(m_result, n_result):
            print(f"DISAGREE {label}: minind {m_result!r:.60} "
                  f"NumPy {n_result!r:.60}")
            disagreements += 1
        rows.append(compare(label, make, mi=mi, np=np,
                            repeat=3 if args.quick else 7,
                            target=0.001 if args.quick else 0.02))
    rows.sort(key=lambda row: -row.ratio)
    width = max([len(row.name) for row in rows] + [4])
    print(f"{'cell':<{width}}  {'minind':>10}  {'numpy':>10}  {'mi/np':>6}")
    for row in rows[:args.top]:
        print(f"{row.name:<{width}}  {fmt_time(row.mi):>10}  "
              f"{fmt_time(row.np):>10}  {row.ratio:>6.2f}")
    if rows:
        ratios = [row.ratio for row in rows]
        print(f"summary: {len(rows)} cells, median ratio "
              f"{statistics.median(ratios):.2f}, worst {ratios[0]:.2f} "
              f"({rows[0].name}), above 1.25: "
              f"{sum(r > 1.25 for r in ratios)}")
    if disagreements:
        print(f"{disagreements} cells disagree with NumPy")
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
