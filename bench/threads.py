"""minind's threads: what a second core buys, and where it starts to.

Two tables, minind against NumPy (which runs its loops on one thread),
timed interleaved in this process (``_timing.compare``):

1. **The goals** (10**7 float64): ``exp``, ``log``, ``tanh``, ``sin`` and
   ``a ** 1.7`` on one thread and on ``--threads`` threads (default: the
   cores this process may use).  The issue's goal is a ratio at or under
   0.6 on two threads.
2. **The threshold** (``--sweep``): speed-up of two threads over one for
   the cheapest threaded loops (float32 ``exp``, float64 ``log``), from
   2**14 (below which the GIL is kept, and threads never start) to 2**20
   elements.  ``_threads.THREAD_THRESHOLD`` is set where
   two threads start to win: below it, waking a worker costs more than
   the half of the loop it takes over.

    python bench/threads.py             # the goals
    python bench/threads.py --sweep     # and the threshold sweep
    python bench/threads.py --quick     # CI smoke: small sizes
"""
import argparse
import os
import sys
import timeit

try:
    import minind as mi
except ImportError:         # not installed: use the in-place build in src/
    sys.path.insert(0, os.path.abspath(os.path.join(
        os.path.dirname(__file__), os.pardir, "src")))
    import minind as mi
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _timing import compare, fmt_time  # noqa: E402
from minind import _threads  # noqa: E402

GOALS = [("exp", "xp.exp(a)"), ("log", "xp.log(a)"), ("tanh", "xp.tanh(a)"),
         ("sin", "xp.sin(a)"), ("a ** 1.7", "a ** 1.7")]
GOAL = 0.6


def goals(size, threads, repeat):
    setup = f"a = xp.linspace(0.1, 5.0, {size})"
    print(f"float64, {size:.0e} elements; minind / NumPy (median of "
          f"paired ratios); goal on {threads} threads: <= {GOAL}")
    print(f"{'call':<10} {'NumPy':>10} {'mi 1 thread':>12} {'ratio':>6} "
          f"{f'mi {threads} threads':>14} {'ratio':>6}")
    for name, stmt in GOALS:
        rows = []
        for count in (1, threads):
            with mi.set_num_threads(count):
                rows.append(compare(name, stmt, setup, mi=mi, np=np,
                                    repeat=repeat, number=1 if size > 10**6
                                    else None))
        flag = "" if rows[1].ratio <= GOAL else "   (misses the goal)"
        print(f"{name:<10} {fmt_time(rows[0].np):>10} "
              f"{fmt_time(rows[0].mi):>12} {rows[0].ratio:>6.2f} "
              f"{fmt_time(rows[1].mi):>14} {rows[1].ratio:>6.2f}{flag}")


def best(call, repeat):
    timer = timeit.Timer(call)
    number = max(1, int(0.002 / max(timer.timeit(1), 1e-7)))
    return min(timer.timeit(number) / number for _ in range(repeat))


def sweep(repeat, threads):
    print(f"\n1 thread / {threads} threads (>1: the threads win); "
          f"THREAD_THRESHOLD = {_threads.THREAD_THRESHOLD_ITEMS} elements")
    sizes = [2 ** k for k in range(14, 21)]
    print(f"{'loop':<14}" + "".join(f"{f'2**{k}':>7}" for k in range(14, 21)))
    for label, dtype, name in [("exp float32", "float32", "exp"),
                               ("log float64", "float64", "log"),
                               ("sin float64", "float64", "sin")]:
        cells = []
        for size in sizes:
            a = mi.asarray(np.linspace(0.1, 5.0, size).astype(dtype))
            out = mi.empty_like(a)
            ufunc = getattr(mi, name)
            # Time the loop itself, below the threshold too: the pool is
            # reached through a private hook that ignores it.
            times = []
            for count in (1, threads):
                with mi.set_num_threads(count), _threads._no_threshold():
                    times.append(best(lambda: ufunc(a, out=out), repeat))
            cells.append(times[0] / times[1])
        print(f"{label:<14}" + "".join(f"{c:>7.2f}" for c in cells))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="small sizes, few repeats (CI smoke run)")
    parser.add_argument("--sweep", action="store_true",
                        help="also the threshold sweep")
    parser.add_argument("--threads", type=int,
                        default=min(_threads._usable_cores(),
                                    _threads.MAX_NUM_THREADS),
                        help="threads for the second column")
    args = parser.parse_args(argv)
    threads = max(2, args.threads)
    if args.quick:
        goals(2 * _threads.THREAD_THRESHOLD_ITEMS, threads, 3)
        sweep(1, threads)
        return 0
    goals(10**7, threads, 9)
    if args.sweep:
        sweep(7, threads)
    return 0


if __name__ == "__main__":
    sys.exit(main())
