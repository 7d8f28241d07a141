"""Dask over minind chunks: the synchronous scheduler against the threaded
one, minind and NumPy chunks side by side, in one process.

minind's loops release the GIL (for 16384 elements or more), so Dask's
threaded scheduler runs the chunks of an element-wise expression and its
reduction in parallel, as it does for NumPy's.

    pip install -e ".[bench,dask]"
    python bench/dask_threads.py            # ~half a minute
    python bench/dask_threads.py --quick    # seconds, for smoke runs
"""
import argparse
import os
import statistics
import sys
import time

try:
    import minind as mi
except ImportError:         # not installed: use the in-place build in src/
    sys.path.insert(0, os.path.abspath(os.path.join(
        os.path.dirname(__file__), os.pardir, "src")))
    import minind as mi
import numpy as np

try:
    import dask.array as da
except ImportError:
    print("dask is not installed: pip install -e '.[dask]'")
    sys.exit(0)


def expression(x):
    """Element-wise work and a reduction per chunk: sqrt(x * x + 1).sum()"""
    return ((x * x + 1.0) ** 0.5).sum(axis=0)


def timed(x, scheduler, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        expression(x).compute(scheduler=scheduler)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    side, repeat = (1000, 3) if args.quick else (4000, 7)
    chunks = (side // 4, side)
    values = np.random.default_rng(0).standard_normal((side, side))
    arrays = {"minind": da.from_array(mi.asarray(values).copy(),
                                      chunks=chunks, asarray=False),
              "numpy": da.from_array(values, chunks=chunks)}
    print(f"sqrt(x * x + 1).sum(axis=0) over a {side}x{side} float64 "
          f"array in 4 chunks; {os.cpu_count()} cores, median of {repeat}")
    print(f"{'chunks':8} {'synchronous':>12} {'threads':>10} {'speed-up':>9}")
    for name, x in arrays.items():
        timed(x, "threads", 1)                     # warm up
        sync = timed(x, "synchronous", repeat)
        threads = timed(x, "threads", repeat)
        print(f"{name:8} {sync * 1e3:10.1f} ms {threads * 1e3:7.1f} ms "
              f"{sync / threads:8.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
