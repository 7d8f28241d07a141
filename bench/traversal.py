"""Traversal cost of C- and F-order arrays, minind vs NumPy, in one process.

The tutorial's table (numpy-internals, "Row sum - C-order ... F-order"): the
same logical operation costs more when it walks memory against the layout.
Each row is timed for minind and NumPy interleaved (bench/_timing.py), with
a fixed number of calls per sample because every call is a large operation.

Columns: the median time of one call per library, the median of the paired
minind/NumPy ratios, and each library's F/C cost: the row's time divided by
the time of its group's all-C-order row (for the sums exactly "F-order time /
C-order time" of the same operation; for the adds, relative to C + C -> C;
for the conversions, relative to a plain C -> C copy).  Nothing here is a
goal: the exit status is always 0.

    python bench/traversal.py                    # 4096x4096 float64, ~30 s
    python bench/traversal.py --quick            # 300x300: seconds, CI smoke
    python bench/traversal.py --plot out.png     # also draw a bar chart
    python bench/traversal.py --group tiled --size 3000   # one group
    python bench/traversal.py --untiled          # minind without tiles
"""
import argparse
import os
import platform
import sys
import traceback

try:
    import minind as mi
except ImportError:         # not installed: use the in-place build in src/
    sys.path.insert(0, os.path.abspath(os.path.join(
        os.path.dirname(__file__), os.pardir, "src")))
    import minind as mi
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _timing import compare, fmt_time  # noqa: E402

SLOW = 1.5          # rows with mi/np above this are listed (a note, no goal)

# (group, name, touched, make): ``make(xp, arr)`` returns the zero-argument
# callable to time, where ``arr`` holds that library's arrays: ``c`` (C
# order), ``f`` (the same values in F order) and ``f_out`` (an F-order output
# buffer).  ``touched`` is how many n x n arrays a call reads and writes (a
# sum reads one, an add reads two and writes one): the bytes a call must move
# at the least, for the GB/s columns.  The first row of each group is its
# all-C-order baseline, the denominator of F/C.
CASES = [
    ("row sum", "row sum   a.sum(axis=1)   C", 1,
     lambda xp, arr: lambda: arr["c"].sum(axis=1)),
    ("row sum", "row sum   a.sum(axis=1)   F", 1,
     lambda xp, arr: lambda: arr["f"].sum(axis=1)),
    ("col sum", "col sum   a.sum(axis=0)   C", 1,
     lambda xp, arr: lambda: arr["c"].sum(axis=0)),
    ("col sum", "col sum   a.sum(axis=0)   F", 1,
     lambda xp, arr: lambda: arr["f"].sum(axis=0)),
    ("add", "add       c + c       -> new C", 3,
     lambda xp, arr: lambda: arr["c"] + arr["c"]),
    ("add", "add       f + f       -> new F", 3,
     lambda xp, arr: lambda: arr["f"] + arr["f"]),
    ("add", "add       add(c, f)   -> new", 3,
     lambda xp, arr: lambda: xp.add(arr["c"], arr["f"])),
    ("add", "add       add(c, c, out=F buffer)", 3,
     lambda xp, arr: lambda: xp.add(arr["c"], arr["c"], out=arr["f_out"])),
    ("convert", "copy      c.copy()    C -> C", 2,
     lambda xp, arr: lambda: arr["c"].copy()),
    ("convert", "convert   ascontiguousarray(f)", 2,
     lambda xp, arr: lambda: xp.ascontiguousarray(arr["f"])),
    ("convert", "convert   asfortranarray(c)", 2,
     lambda xp, arr: lambda: xp.asfortranarray(arr["c"])),
    # Mixed layouts, where minind walks in cache-sized tiles (README, "How
    # minind walks memory"): an operand whose fastest axis is not the
    # destination's.  The first row is the matched-layout reference, so
    # F/C here reads "cost relative to the same work in matching layouts".
    ("tiled", "tiled     add(c, c, out=C buffer)  (matched)", 3,
     lambda xp, arr: lambda: xp.add(arr["c"], arr["c"], out=arr["c_out"])),
    ("tiled", "tiled     add(c, f, out=C buffer)", 3,
     lambda xp, arr: lambda: xp.add(arr["c"], arr["f"], out=arr["c_out"])),
    ("tiled", "tiled     c + f       -> new", 3,
     lambda xp, arr: lambda: arr["c"] + arr["f"]),
    ("tiled", "tiled     ascontiguousarray(f)", 2,
     lambda xp, arr: lambda: xp.ascontiguousarray(arr["f"])),
    ("tiled", "tiled     asfortranarray(c)", 2,
     lambda xp, arr: lambda: xp.asfortranarray(arr["c"])),
    ("tiled", "tiled     a[...] = b    (matched)", 2,
     lambda xp, arr: lambda: assign(arr["c_out"], arr["c"])),
    ("tiled", "tiled     a[...] = b.T", 2,
     lambda xp, arr: lambda: assign(arr["c_out"], arr["c"].T)),
]


def assign(a, b):
    """``a[...] = b``, returning a so that the results can be compared."""
    a[...] = b
    return a


def make_arrays(n, seed=0):
    """The same n x n float64 values for both libraries, in C and F order."""
    base = np.random.default_rng(seed).standard_normal((n, n))
    arrays = {}
    for xp, c in ((np, base), (mi, mi.array(base))):
        arrays[xp] = {"c": c, "f": xp.asfortranarray(c),
                      "f_out": xp.empty((n, n), order="F"),
                      "c_out": xp.empty((n, n))}
    assert arrays[mi]["f"].flags["F_CONTIGUOUS"]
    assert arrays[mi]["f_out"].flags["F_CONTIGUOUS"]
    return arrays


def prepare(make, arrays):
    """Build both callables, run each once (warm-up) and check the results.

    Returns ({xp: callable}, None) or (None, error text).  A check that only
    finds different values keeps the row and returns a warning as the text.
    """
    fns, results = {}, {}
    for xp in (mi, np):
        try:
            fns[xp] = make(xp, arrays[xp])
            results[xp] = fns[xp]()
        except Exception as exc:            # a feature minind lacks: report
            lib = "minind" if xp is mi else "numpy"
            return None, f"{lib}: {type(exc).__name__}: {exc}"
    got, want = np.asarray(results[mi]), results[np]
    if got.shape != want.shape or not np.allclose(got, want):
        return fns, "WARNING: minind and NumPy results differ"
    return fns, None


def copy_bandwidth(n, repeat=9):
    """Bytes per second a plain copy of an n x n float64 array moves (one
    read and one write of each byte), the best of ``repeat``: the speed
    limit every row is measured against.  Timed with NumPy's copyto into
    an existing array (no allocation, no page faults), STREAM's "copy"."""
    import time
    src = np.random.default_rng(1).standard_normal((n, n))
    dst = np.empty_like(src)
    np.copyto(dst, src)                  # touch the pages first
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        np.copyto(dst, src)
        best = min(best, time.perf_counter() - start)
    return 2 * src.nbytes / best


def fmt_ratio(x):
    return "n/a" if x is None else f"{x:.2f}"


def print_traversal(results, file=None, limit=None):
    """The table: one line per case, F/C from the group's first row; with
    ``limit`` (bytes/s of a plain copy) also each library's GB/s and its
    share of that limit."""
    file = file or sys.stdout
    width = max(len(name) for _, name, _, _ in results)
    head = (f"{'operation':<{width}}  {'minind':>10}  {'numpy':>10}  "
            f"{'mi/np':>6}  {'mi F/C':>6}  {'np F/C':>6}")
    if limit:
        head += f"  {'mi GB/s':>7}  {'np GB/s':>7}  {'mi %':>5}  {'np %':>5}"
    print(head, file=file)
    print("-" * len(head), file=file)
    base, group_seen = {}, None
    for group, name, row, note in results:
        if group != group_seen:
            if group_seen is not None:
                print(file=file)         # a blank line between groups
            group_seen = group
            base[group] = row            # first row of a group: its C base
        if row is None:
            print(f"{name:<{width}}  {'-':>10}  {'-':>10}  {'-':>6}  "
                  f"{'-':>6}  {'-':>6}  {note}", file=file)
            continue
        b = base[group]
        fc_mi = row.mi / b.mi if b else None
        fc_np = row.np / b.np if b else None
        line = (f"{name:<{width}}  {fmt_time(row.mi):>10}  "
                f"{fmt_time(row.np):>10}  {row.ratio:>6.2f}  "
                f"{fmt_ratio(fc_mi):>6}  {fmt_ratio(fc_np):>6}")
        if limit:
            rates = [row.bytes / t for t in (row.mi, row.np)]
            line += (f"  {rates[0] / 1e9:>7.1f}  {rates[1] / 1e9:>7.1f}  "
                     f"{100 * rates[0] / limit:>4.0f}%  "
                     f"{100 * rates[1] / limit:>4.0f}%")
        print(line + (f"  {note}" if note else ""), file=file)


def plot(results, path, title):
    """Bar chart: time per call, and F/C cost, for both libraries."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.ticker import (FuncFormatter, LogLocator,
                                       NullFormatter)
    except ImportError:
        print(f"\n--plot needs matplotlib, which is not installed: "
              f"pip install -e \".[bench]\" (or pip install matplotlib). "
              f"No plot written to {path}.")
        return False
    base = {}                   # a group's first row, as in the table
    for g, _, r, _ in results:
        base.setdefault(g, r)
    rows = [(g, " ".join(n.split()), r)
            for g, n, r, _ in results if r is not None]
    names = [n for _, n, _ in rows]
    y = np.arange(len(rows))
    h = 0.38
    fig, (ax_t, ax_r) = plt.subplots(
        1, 2, figsize=(13, 0.45 * len(rows) + 1.8), sharey=True,
        gridspec_kw={"width_ratios": [3, 2]})
    for k, (label, get, color) in enumerate((
            ("minind", lambda r: r.mi, "tab:orange"),
            ("numpy", lambda r: r.np, "tab:blue"))):
        off = (k - 0.5) * h
        ax_t.barh(y + off, [get(r) for _, _, r in rows], h,
                  label=label, color=color)
        ax_r.barh(y + off, [get(r) / get(base[g]) if base[g] else 0
                            for g, _, r in rows], h,
                  label=label, color=color)
    for i, (_, _, r) in enumerate(rows):   # the paired ratio, right of bars
        ax_t.annotate(f"mi/np {r.ratio:.2f}", (max(r.mi, r.np), i),
                      xytext=(4, 0), textcoords="offset points",
                      va="center", fontsize=7)
    ax_t.set_xscale("log")
    ax_t.xaxis.set_major_locator(LogLocator(subs=(1, 2, 5)))
    ax_t.xaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt_time(v)))
    ax_t.xaxis.set_minor_formatter(NullFormatter())
    ax_t.margins(x=0.25)
    ax_t.set_yticks(y, names, fontsize=8)
    ax_t.invert_yaxis()
    ax_t.set_xlabel("median time per call (log scale)")
    ax_r.axvline(1.0, color="gray", lw=0.8, ls="--")
    ax_r.set_xlabel("F/C cost: time / group's all-C row")
    handles, labels = ax_t.get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=2, frameon=False)
    fig.suptitle(title, fontsize=10)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    fig.savefig(path, dpi=110)
    plt.close(fig)
    print(f"\nplot written to {path}")
    return True


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="300x300, few samples: seconds, for CI smoke runs")
    parser.add_argument("--plot", metavar="FILE.png",
                        help="also draw a bar chart (needs matplotlib)")
    parser.add_argument("--size", type=int, metavar="N",
                        help="N x N arrays instead of 4096 (300 with --quick)")
    parser.add_argument("--untiled", action="store_true",
                        help="minind never tiles (the plain walk, as "
                             "before tiling), to compare")
    parser.add_argument("--group", metavar="NAME",
                        choices=sorted({g for g, _, _, _ in CASES}),
                        help="time only one group of rows (e.g. tiled)")
    args = parser.parse_args(argv)
    # Fixed calls per sample: one call of a 4096x4096 operation takes
    # milliseconds; at 300x300 (tens of us) 20 calls lift a sample well above
    # the clock's resolution.  The quick size is not a power of two on
    # purpose: at 256x256 (2 KiB rows, 0.5 MiB arrays, inside the heap) the
    # transposing rows flip between two speeds from one run to the next,
    # depending on where malloc puts the result relative to the input (cache
    # set conflicts of power-of-two strides), for either library.
    n, repeat, number = (300, 15, 20) if args.quick else (4096, 11, 1)
    n = args.size or n

    if args.untiled:
        from minind import _loops
        _loops._force_tiles(-1)
    print(f"minind {mi.__version__} ({os.path.dirname(mi.__file__)})"
          + (", never tiling" if args.untiled else ""))
    print(f"numpy {np.__version__}, Python {platform.python_version()}, "
          f"{platform.machine()}")
    print(f"{n}x{n} float64 ({n * n * 8 / 2**20:.3g} MiB per array), "
          f"{repeat} interleaved samples of {number} call(s) each")
    print()
    arrays = make_arrays(n)
    results = []
    limit = copy_bandwidth(n)
    print(f"this machine's copy bandwidth (STREAM-style copy of {n}x{n} "
          f"float64, best of 9): {limit / 1e9:.1f} GB/s")
    print()
    for group, name, touched, make in CASES:
        if args.group and group != args.group:
            continue
        fns, note = prepare(make, arrays)
        row = None
        if fns is not None:
            row = compare(name, lambda xp: fns[xp], mi=mi, np=np,
                          repeat=repeat, number=number)
            row.bytes = touched * n * n * 8
        results.append((group, name, row, note))
    print_traversal(results, limit=limit)

    slow = [(name, row.ratio) for _, name, row, _ in results
            if row is not None and row.ratio > SLOW]
    failed = [name for _, name, row, _ in results if row is None]
    print()
    if slow:
        print(f"minind more than {SLOW:g}x slower than NumPy in "
              f"{len(slow)} of {len(results)} rows:")
        for name, ratio in slow:
            print(f"  {' '.join(name.split())}: {ratio:.2f}x")
    else:
        print(f"minind within {SLOW:g}x of NumPy in every timed row")
    if failed:
        print(f"not timed ({len(failed)}): {', '.join(failed)}")
    if args.plot:
        plot(results, args.plot,
             f"traversal cost, {n}x{n} float64: minind {mi.__version__} vs "
             f"numpy {np.__version__} (median of {repeat})")
    return 0


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        raise
    except Exception:           # report, never fail a CI smoke run on timing
        traceback.print_exc()
        print("traversal benchmark stopped early (exit status stays 0)",
              file=sys.stderr)
    sys.exit(0)
