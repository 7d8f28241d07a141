"""Hypothesis profiles shared by the whole suite.

* ``ci`` (default): derandomized, so a red CI means a real bug and the
  same examples run every time.
* ``thorough``: random and many more examples, for deep local runs:
  ``HYPOTHESIS_PROFILE=thorough pytest``.
* ``dev``: the ci examples without shrinking (fast feedback on failures).
* ``slice``: two and a half times the ci count, still derandomized: CI
  runs it on the view, ufunc and memory-order oracles for a bounded couple
  of minutes, looking further than ``ci`` while a red run stays a replayable
  bug, not a new random draw.

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
    "slice",
    derandomize=True,
    max_examples=150,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
