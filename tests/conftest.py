"""Hypothesis profiles shared by the whole suite.

* ``ci`` (default): derandomized, so a red CI means a real bug and the
  same examples run every time.
* ``thorough``: random and many more examples, for deep local runs:
  ``HYPOTHESIS_PROFILE=thorough pytest``.
* ``dev``: the ci examples without shrinking (fast feedback on failures).
* ``memcheck``: the first third of the ci examples, for ``.ci/memcheck``:
  under AddressSanitizer every call is several times slower, and what the
  sanitizer checks (every C path, every layout) the first draws already
  reach; the values are the ci run's job.  (A half took 8 of CI's 30
  minutes on a 2-core AMD EPYC.)
* ``versions``: the first half of the ci examples, for the oracle tests
  ``.ci/versions`` runs on the other Python versions: what differs
  between CPython releases is the C API under minind (buffers, type
  slots, reference counts), which the first draws reach; the values are
  the ci run's job.
* ``slice``: other draws than ``ci``'s, for a bounded couple of minutes
  on the view, ufunc and memory-order oracles.  It is not derandomized
  (that would replay ci's first examples again): CI gives it a fixed
  seed (``--hypothesis-seed`` in ``.ci/run``), so it looks further than
  ``ci`` while a red run stays a replayable bug, not a new random draw.
  Without a seed it is a short random run.

When a random profile finds a bug, pin the failing input with ``@example``
next to the test.
"""
import os

from hypothesis import HealthCheck, Phase, settings

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,      # no replay of examples saved by earlier runs
    max_examples=60,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    max_examples=2000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
# "dev": the ci examples without shrinking, for a quick look at failures.
settings.register_profile(
    "dev",
    parent=settings.get_profile("ci"),
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
settings.register_profile(
    "memcheck",
    parent=settings.get_profile("ci"),
    max_examples=20,
)
settings.register_profile(
    "versions",
    parent=settings.get_profile("ci"),
    max_examples=30,
)
settings.register_profile(
    "slice",
    max_examples=100,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
