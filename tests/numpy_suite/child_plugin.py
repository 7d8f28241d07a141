"""The pytest plugin of a child process that runs NumPy's rewritten tests.

Loaded with ``-p child_plugin`` by ``run.py``.  It

* installs the ``numpy_standin`` import hook (``standin.py``) before any
  test module is imported;
* keeps only the selected tests: ``--suite-select FILE`` holds node-id
  prefixes (a file, a class, a test, one parametrized case), one a line,
  and ``-prefix`` lines that leave tests out again;
* writes one JSON line per event to ``--suite-results FILE``, each with
  a single ``write`` to an unbuffered file, so that what a crash leaves
  behind is exact: ``{"collected": [...]}`` and ``{"selected": [...]}``
  once, then ``{"start": id}`` before a test and ``{"id": id, "outcome":
  ...}`` after it.  A test that started and never reported is the one
  that killed the process;
* arms ``faulthandler.dump_traceback_later(timeout, exit=True)`` around
  each test: a test that hangs, even in C code holding the GIL, prints
  its traceback and ends the process, and the parent charges it as a
  timeout.  (faulthandler's watchdog is a C thread that needs no GIL.)

Outcomes: ``passed`` only when setup, call and teardown all passed;
otherwise ``failed``, ``skipped``, ``xfailed`` or ``xpassed``.  Only
``passed`` counts as passing.
"""
import faulthandler
import json
import os

import pytest

import standin
from run import selected

standin.install()

# The real stderr, kept before pytest's capture redirects file descriptor
# 2 (this module is imported while the command line is read): the
# watchdog's and a crash's tracebacks must reach the log, not a capture
# buffer that dies with the process.
_STDERR = open(os.dup(2), "w", buffering=1)
faulthandler.enable(_STDERR)


def pytest_addoption(parser):
    group = parser.getgroup("numpy-suite")
    group.addoption("--suite-select", help="file of node-id prefixes")
    group.addoption("--suite-results", help="JSON-lines results file")
    group.addoption("--suite-timeout", type=float, default=60.0,
                    help="seconds one test may take")


def pytest_configure(config):
    # NumPy's markers (numpy/conftest.py), so none warns as unknown.
    for marker in ("valgrind_error", "leaks_references", "slow",
                   "slow_pypy", "xslow", "parallel_threads(n)",
                   "iterations(n)", "thread_unsafe"):
        config.addinivalue_line("markers", marker)
    # NumPy's "np.test() profile": the same examples on every run.
    import hypothesis
    hypothesis.settings.register_profile(
        "numpy-suite", deadline=None, print_blob=True, database=None,
        derandomize=True,
        suppress_health_check=list(hypothesis.HealthCheck))
    hypothesis.settings.load_profile("numpy-suite")
    config.pluginmanager.register(Recorder(config), "suite-recorder")


class Recorder:
    """Selects the tests and writes what happens to them."""

    def __init__(self, config):
        self.config = config
        path = config.getoption("suite_results")
        self.results = open(path, "ab", buffering=0) if path else None
        self.reports = {}

    def emit(self, record):
        if self.results is not None:
            self.results.write((json.dumps(record) + "\n").encode())

    def pytest_collectreport(self, report):
        if report.failed:
            self.emit({"collect_error": report.nodeid,
                       "message": _short(report)})

    @pytest.hookimpl(trylast=True)      # after -m's deselection
    def pytest_collection_modifyitems(self, items):
        self.emit({"collected": [item.nodeid for item in items]})
        path = self.config.getoption("suite_select")
        if path is None:
            return
        with open(path) as lines:
            prefixes = [line.strip() for line in lines if line.strip()]
        keep = [item for item in items if selected(item.nodeid, prefixes)]
        dropped = [item for item in items
                   if not selected(item.nodeid, prefixes)]
        items[:] = keep
        if dropped:
            self.config.hook.pytest_deselected(items=dropped)
        self.emit({"selected": [item.nodeid for item in keep]})

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item):
        self.emit({"start": item.nodeid})
        faulthandler.dump_traceback_later(
            self.config.getoption("suite_timeout"), exit=True,
            file=_STDERR)
        try:
            yield
        finally:
            faulthandler.cancel_dump_traceback_later()
        phases = self.reports.pop(item.nodeid, [])
        self.emit({"id": item.nodeid, **outcome_of(phases)})

    def pytest_runtest_logreport(self, report):
        self.reports.setdefault(report.nodeid, []).append(report)


def outcome_of(reports):
    """One test's outcome from its setup/call/teardown reports."""
    message = ""
    outcome = "passed"
    for report in reports:
        if report.failed:
            outcome = "failed"
            message = _short(report)
            break
        if report.skipped:
            outcome = "xfailed" if hasattr(report, "wasxfail") \
                else "skipped"
            message = _short(report)
            break
        if report.when == "call" and hasattr(report, "wasxfail"):
            outcome = "xpassed"
    if not reports:
        outcome, message = "failed", "no report"
    return {"outcome": outcome, "message": message}


def _short(report):
    """The last line of the failure (the exception) or the skip reason."""
    if report.skipped and isinstance(report.longrepr, tuple):
        return str(report.longrepr[2])[:300]
    crash = getattr(report.longrepr, "reprcrash", None)
    if crash is not None:
        return crash.message.splitlines()[0][:300] if crash.message \
            else ""
    text = str(report.longrepr).strip().splitlines()
    return text[-1][:300] if text else ""
