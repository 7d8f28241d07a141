"""Shared timing helper for the minind benchmarks.

Every statement is timed for minind and NumPy with the *same* text: it is
written against the name ``xp``, which is bound to ``minind`` for one run and
to ``numpy`` for the other (``"a.shape"`` with setup ``"a = xp.zeros(4)"``).

Why interleave.  A laptop or CI runner drifts: CPU frequency scaling, thermal
throttling, another process waking up.  Timing all minind samples first and
all NumPy samples afterwards lets such a drift land on one library only and
shows up as a fake speed difference.  Here the samples alternate
(mi, np, mi, np, ...), so a slow stretch of the machine hits both members of a
pair, and the ratio of each (mi, np) pair stays honest.

Why medians.  Timing noise is one-sided: interrupts, cache misses and the
garbage collector only ever make a sample slower, and a few samples are far
slower.  The mean follows those outliers, the minimum rewards a lucky run;
the median of many samples is stable and typical.  The reported ratio is the
median of the per-pair ratios, not the ratio of the two medians.

Inner loop count.  One call of ``a.ndim`` takes ~10 ns, far below the clock
resolution, so each sample runs the statement ``number`` times in a loop, and
the per-call time is sample / number.  By default ``number`` is chosen per
statement and per library (like ``timeit``'s autorange) so that one sample
takes about ``target`` seconds; large operations pass a fixed ``number``
(e.g. 1).  The ``for`` loop itself costs a few ns per call; it is included,
equally, in both columns (see ``loop_overhead``).
"""
import statistics
import sys
import timeit
from dataclasses import dataclass


@dataclass
class Row:
    name: str
    mi: float      # median seconds per call, minind
    np: float      # median seconds per call, NumPy
    ratio: float   # median of the paired mi/np ratios


def _timer(stmt, setup, xp):
    """A timeit.Timer for ``stmt`` with ``xp`` bound to one library.

    ``stmt`` is timeit source text, or a callable ``make(xp)`` returning the
    zero-argument callable to time (for statements that need real code).
    """
    if callable(stmt):
        return timeit.Timer(stmt(xp))
    return timeit.Timer(stmt, setup, globals={"xp": xp})


def autorange(timer, target):
    """Smallest number in 1, 2, 5, 10, 20, 50... whose loop takes >= target."""
    timer.timeit(1)                                 # warm up
    scale = 1
    while True:
        for k in (1, 2, 5):
            number = k * scale
            if timer.timeit(number) >= target:
                return number
        scale *= 10


def compare(name, stmt, setup="pass", *, mi, np, repeat=15, number=None,
            target=0.005):
    """Time ``stmt`` for ``mi`` and ``np`` interleaved; return a Row.

    ``repeat`` pairs of samples are taken; ``number`` is the inner loop count
    (None: autorange to ``target`` seconds per sample).
    """
    timers = [_timer(stmt, setup, mi), _timer(stmt, setup, np)]
    counts = [number or autorange(t, target) for t in timers]
    samples = ([], [])
    for _ in range(repeat):
        for k in (0, 1):                            # mi, np, mi, np, ...
            samples[k].append(timers[k].timeit(counts[k]) / counts[k])
    ratios = [m / n for m, n in zip(*samples)]
    return Row(name, statistics.median(samples[0]),
               statistics.median(samples[1]), statistics.median(ratios))


def loop_overhead(repeat=15, target=0.005):
    """Per-call seconds of timing an empty statement (the loop's own cost)."""
    timer = timeit.Timer("pass")
    number = autorange(timer, target)
    return statistics.median(timer.timeit(number) / number
                             for _ in range(repeat))


def fmt_time(seconds):
    """3 significant digits in ns, us, ms or s."""
    for unit, scale in (("ns", 1e-9), ("us", 1e-6), ("ms", 1e-3), ("s", 1)):
        value = seconds / scale
        if value < 999.5 or unit == "s":
            digits = 0 if value >= 99.95 else 1 if value >= 9.995 else 2
            return f"{value:.{digits}f} {unit}"


def print_table(rows, goal=None, title=None, file=None):
    """Print rows as a table; with ``goal``, flag rows whose ratio > goal.

    Returns the list of rows that miss the goal (empty without a goal).
    """
    file = file or sys.stdout
    width = max([len("operation")] + [len(r.name) for r in rows])
    head = f"{'operation':<{width}}  {'minind':>10}  {'numpy':>10}  {'mi/np':>6}"
    if goal is not None:
        head += f"  goal<={goal:g}"
    if title:
        print(title, file=file)
    print(head, file=file)
    print("-" * len(head), file=file)
    misses = []
    for r in rows:
        line = (f"{r.name:<{width}}  {fmt_time(r.mi):>10}  "
                f"{fmt_time(r.np):>10}  {r.ratio:>6.2f}")
        if goal is not None:
            missed = r.ratio > goal
            misses += [r] if missed else []
            line += "  MISS" if missed else "  ok"
        print(line, file=file)
    if goal is not None:
        if misses:
            names = ", ".join(r.name for r in misses)
            print(f"\ngoal mi/np <= {goal:g}: {len(misses)} of {len(rows)} "
                  f"rows MISS: {names}", file=file)
        else:
            print(f"\ngoal mi/np <= {goal:g}: all {len(rows)} rows ok",
                  file=file)
    return misses
