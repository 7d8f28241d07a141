"""Hypothesis profiles shared by the whole suite.

* ``ci`` (default): derandomized, so a red CI means a real bug and the
  same examples run every time.
* ``thorough``: random and many more examples, for deep local runs:
  ``HYPOTHESIS_PROFILE=thorough pytest``.  When it finds a bug, pin the
  failing input with ``@example`` next to the test.
"""
import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
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
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
