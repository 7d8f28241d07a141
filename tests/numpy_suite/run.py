"""Run NumPy's own tests against minind, and compare with the list.

    python tests/numpy_suite/run.py            # minind (what CI checks)
    python tests/numpy_suite/run.py --prove    # and the two proofs (CI)
    python tests/numpy_suite/run.py --target numpy   # a proof alone
    python tests/numpy_suite/run.py --target empty
    python tests/numpy_suite/run.py -v -k lib/tests/test_stride_tricks.py
    python tests/numpy_suite/run.py --keep /tmp/suite --tb short  # debug

What it runs.  ``selection.txt`` names the tests, as node-id prefixes
relative to the installed ``numpy`` package (a file, a class, a test, one
parametrized case: ``_core/tests/test_numeric.py::TestMoveaxis``); a line
``-prefix`` leaves tests out again, with the reason in a comment.
``expected_pass.txt`` lists the selected tests that pass against
minind, one node id a line.  ``differences.txt`` lists the selected
tests that cannot pass because of a documented difference from NumPy
(README, "Differences from NumPy"), one a line as ``id  # reason``, the
reason one of ``REASONS``.  No id is on both lists.  NumPy's code is
never committed: the files
come from the wheel the test extra installs, at its pinned version
(``constraints.txt``); ids are NumPy 2.4.6's.

How.
1. The selected files are copied into a temporary directory, rewritten
   (``rewrite.py``): their ``numpy`` imports name ``numpy_standin``, a
   module that serves minind's names and nothing else but NumPy's
   ``numpy.testing`` helpers (``standin.py`` says how, and why a name
   minind lacks fails the test that uses it and never falls back to
   NumPy), and a statement that raises at import time fails only the
   tests it defines.
2. Each file runs in a child ``python -m pytest`` with
   ``child_plugin.py``, which writes a JSON line as each test starts and
   ends.  A crash (SIGSEGV, abort) or a hang (the plugin's per-test
   watchdog, ``--timeout``) ends the child: the test that started and
   never ended is charged with it as ``crashed``, a failure, never a skip,
   and the file's remaining tests run on in a new child.  Up to
   ``--jobs`` children run at once.  Tests NumPy marks ``slow`` are left
   out, as NumPy's own default runs leave them.
3. The outcomes are compared with the list.

The verdict (exit status 1 on any problem):
* minind: a listed test that does not pass (fails, errors, is skipped or
  xfailed, is no longer collected); a listed difference that passes
  (stale: the difference is gone, or the reason was wrong) or is no
  longer collected; any crash or hang, listed or not (minind promises
  not to crash).
* ``--target numpy`` (NumPy's own modules stand in): a listed test or a
  listed difference that does not pass.  They all pass in NumPy, so this
  proves the rewriting and the guards sound, and that each difference is
  minind's, not the test's.
* ``--target empty`` (a module with no names at all, only the test
  helpers): a listed test that passes.  It would not exercise the
  library, so its passing against minind would prove nothing.
The proofs run only the listed tests (the empty module only the passing
list): they are what the proofs are about.

A selected test on neither list that passes is reported, so that the
list can grow (``--write-passing FILE`` writes every passing id), but is
no failure; one that fails is "unexplained": a bug or a missing feature
(``-v`` prints each with its message).  Collection errors (a class whose
parametrization needs a name minind lacks) are reported and count as
nothing.  Per file the report gives passed / differences (listed, not
passing) / unexplained / selected / collected.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import pathlib
import signal
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import rewrite  # noqa: E402  (after the path)

SELECTION = HERE / "selection.txt"
EXPECTED = HERE / "expected_pass.txt"
DIFFERENCES = HERE / "differences.txt"
# The reasons differences.txt may give, each backed by README's
# "Differences from NumPy".
REASONS = (
    "float16", "longdouble", "complex", "object dtype", "string dtypes",
    "structured dtypes", "byte order", "datetime", "np.random",
    "NumPy private test module", "NumPy private name",
    "vectorize signature=", ".real/.imag attributes", "as_strided bounds",
    "array interface addresses", "subclasses", "np.ma", "dtype classes",
    "dtype metadata", "minind's names in messages", "unpickled arrays",
    "inline shape")
DIFFERENCE_SEPARATOR = "  # "
PYTEST_INI = """\
[pytest]
addopts = -p no:cacheprovider
"""

Result = collections.namedtuple("Result", "outcome message")


def read_lines(path):
    """Non-blank lines, without ``#`` comments."""
    lines = []
    for line in pathlib.Path(path).read_text().splitlines():
        line = line.split(" #", 1)[0].strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


def read_differences(path):
    """{id: reason} from ``id  # reason`` lines (``#`` comment lines and
    blank lines aside).  Ids may hold spaces, never ``#``."""
    differences = {}
    for number, line in enumerate(
            pathlib.Path(path).read_text().splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        test, separator, reason = line.partition(DIFFERENCE_SEPARATOR)
        if not separator or "#" in test or test != test.strip():
            raise ValueError(f"{path}:{number}: not 'id{DIFFERENCE_SEPARATOR}"
                             f"reason': {line!r}")
        if reason.strip() not in REASONS:
            raise ValueError(f"{path}:{number}: unknown reason "
                             f"{reason.strip()!r} (run.REASONS)")
        if test in differences:
            raise ValueError(f"{path}:{number}: {test} twice")
        differences[test] = reason.strip()
    return differences


def read_lists(expected_path=EXPECTED, differences_path=DIFFERENCES):
    """(expected, differences): the passing ids, {id: reason}.  An id on
    both lists is refused (ValueError)."""
    expected = read_lines(expected_path)
    differences = read_differences(differences_path) \
        if pathlib.Path(differences_path).exists() else {}
    both = sorted(set(expected) & set(differences))
    if both:
        raise ValueError(f"on both {pathlib.Path(expected_path).name} and "
                         f"{pathlib.Path(differences_path).name}: "
                         + ", ".join(both))
    return expected, differences


def names(prefix, nodeid):
    """Whether a prefix names this test: itself, its file or class, or
    (for a parametrized test) its function."""
    return (nodeid == prefix or nodeid.startswith(prefix + "::")
            or nodeid.startswith(prefix + "["))


def selected(nodeid, prefixes):
    """Named by a prefix and by no ``-prefix`` (child_plugin.py asks)."""
    return (any(names(prefix, nodeid) for prefix in prefixes
                if not prefix.startswith("-"))
            and not any(names(prefix[1:], nodeid) for prefix in prefixes
                        if prefix.startswith("-")))


def file_of(nodeid):
    return nodeid.lstrip("-").split("::", 1)[0]


# ---------------------------------------------------------------------------
# One file, in as many children as its crashes need
# ---------------------------------------------------------------------------

class FileRun:
    """The selected tests of one test file, run to the end."""

    def __init__(self, workdir, path, prefixes, target, timeout, traceback):
        self.workdir = workdir
        self.path = path
        self.prefixes = prefixes
        self.target = target
        self.timeout = timeout
        # pytest's traceback style in the child's log: "no" by default,
        # since formatting a failure costs a parse of the test file per
        # frame, 0.2 s a failure for test_function_base.py.
        self.traceback = traceback
        self.collected = []         # every test pytest found in the file
        self.plan = None            # the selected ones, in order
        self.results = {}           # id -> Result
        self.collect_errors = []    # (reported, not failures)
        self.crashes = []           # crashes outside any test (failures)
        self.children = 0

    def run(self):
        prefixes = self.prefixes
        while self._child(prefixes):
            remaining = [test for test in self.plan or []
                         if test not in self.results]
            if not remaining:
                break
            prefixes = remaining
        for test in self.plan or []:
            self.results.setdefault(
                test, Result("failed", "not run: the child ended early"))
        return self

    def _child(self, prefixes):
        """Run one child over ``prefixes``.  True if it died in a test
        (charged here), so that the rest must run in another child."""
        self.children += 1
        tag = f"{self.path.replace('/', '_')}.{self.children}"
        select = self.workdir / f"{tag}.select"
        select.write_text("\n".join(prefixes) + "\n")
        results = self.workdir / f"{tag}.jsonl"
        log = self.workdir / f"{tag}.log"
        tests = self.workdir / "tests"
        env = dict(os.environ, NUMPY_SUITE_TARGET=self.target,
                   PYTHONPATH=os.pathsep.join(
                       [str(HERE)] + [p for p in [
                           os.environ.get("PYTHONPATH")] if p]),
                   PYTHONDONTWRITEBYTECODE="1")
        command = [
            sys.executable, "-m", "pytest", "-p", "child_plugin",
            "-c", str(tests / "pytest.ini"), "--rootdir", str(tests),
            "--import-mode=importlib", "--continue-on-collection-errors",
            "-q", "-rN", "--no-header", f"--tb={self.traceback}",
            "-m", "not slow and not xslow",
            "--suite-select", str(select), "--suite-results", str(results),
            "--suite-timeout", str(self.timeout), str(tests / self.path)]
        with open(log, "wb") as output:
            child = subprocess.Popen(command, stdout=output,
                                     stderr=subprocess.STDOUT, env=env,
                                     cwd=tests)
            status = self._wait(child, results)
        started = None
        for line in results.read_text().splitlines() \
                if results.exists() else []:
            record = json.loads(line)
            if "collected" in record:
                self.collected = self.collected or record["collected"]
            elif "selected" in record:
                if self.plan is None:
                    self.plan = record["selected"]
            elif "start" in record:
                started = record["start"]
            elif "id" in record:
                self.results[record["id"]] = Result(record["outcome"],
                                                    record["message"])
                started = None
            elif "collect_error" in record and self.children == 1:
                self.collect_errors.append(
                    f"{record['collect_error']}: {record['message']}")
        if started is None and status in (0, 1, 5):
            return False            # pytest finished (5: nothing chosen)
        lines = log.read_text(errors="replace").strip().splitlines()
        # faulthandler's report, when there is one: its first lines name
        # the failing frame; otherwise the end of the log.  (It may
        # follow pytest's progress dots on their line.)
        report = [i for i, line in enumerate(lines)
                  if "Fatal Python error" in line or "Timeout (" in line]
        excerpt = lines[-12:]
        if report:
            excerpt = lines[report[-1]:report[-1] + 12]
            excerpt[0] = excerpt[0].lstrip(".sFxXE")
        if status == "hang":
            why = f"hang: no progress for {self.timeout + 30:.0f} s"
        elif status < 0:
            why = f"crash: {signal.Signals(-status).name}"
        elif report and excerpt[0].startswith("Timeout ("):
            why = f"timeout: over {self.timeout:.0f} s"
        else:
            why = f"crash: the child exited with status {status}"
        why += "\n      " + "\n      ".join(excerpt)
        if started is None:
            # Outside any test (importing the file, ending the session).
            self.crashes.append(f"{self.path}: {why}")
            return False
        self.results[started] = Result("crashed", why)
        return True

    def _wait(self, child, results):
        """The child's exit status, or "hang" if its results file stopped
        growing for longer than a test may take (a hang while importing
        the file, or the watchdog itself stuck)."""
        size, last_progress = -1, time.monotonic()
        while True:
            try:
                return child.wait(timeout=1.0)
            except subprocess.TimeoutExpired:
                pass
            now_size = results.stat().st_size if results.exists() else 0
            if now_size != size:
                size, last_progress = now_size, time.monotonic()
            elif time.monotonic() - last_progress > self.timeout + 30:
                child.kill()
                child.wait()
                return "hang"


# ---------------------------------------------------------------------------
# The whole run
# ---------------------------------------------------------------------------

def run_suite(prefixes, target, timeout=60.0, jobs=2, traceback="no",
              workdir=None, root=None):
    """Run the tests ``prefixes`` select (``-prefix`` excludes) in the
    files under ``root`` (the installed NumPy); {path: FileRun}."""
    by_file = collections.defaultdict(list)
    for prefix in prefixes:
        by_file[file_of(prefix)].append(prefix)
    temporary = None
    if workdir is None:
        temporary = tempfile.TemporaryDirectory(prefix="numpy-suite-")
        workdir = temporary.name
    workdir = pathlib.Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        tests = workdir / "tests"
        rewrite.copy_tests(sorted(by_file), tests, root)
        (tests / "pytest.ini").write_text(PYTEST_INI)
        runs = [FileRun(workdir, path, by_file[path], target, timeout,
                        traceback) for path in by_file]
        # The biggest first, so that the last child to start is short.
        runs.sort(key=lambda run: -(tests / run.path).stat().st_size)
        with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
            list(pool.map(FileRun.run, runs))
        return {run.path: run for run in runs}
    finally:
        if temporary is not None:
            temporary.cleanup()


def verdict(runs, expected, target, out=sys.stdout, differences=()):
    """Print the report; return the problems (a list of lines).
    ``differences``: the ids (or {id: reason}) of differences.txt."""
    problems, fresh, notes, unexplained = [], [], [], []
    totals = collections.Counter()
    expected_set, differences = set(expected), set(differences)
    columns = ("passed", "differences", "unexplained", "selected",
               "collected")
    # (With NumPy or the empty module standing in, a failure is the
    # proof's, never a bug of minind's to explain.)
    print(f"\nNumPy's tests against {target}: " + " / ".join(
        columns if target == "minind" else
        ("passed", "differences (failed)", "others failed", "selected",
         "collected")), file=out)
    for path in sorted(runs):
        run = runs[path]
        listed = [test for test in expected if file_of(test) == path]
        differing = sorted(test for test in differences
                           if file_of(test) == path)
        passed = [test for test, result in run.results.items()
                  if result.outcome == "passed"]
        failing = [test for test, result in run.results.items()
                   if result.outcome != "passed"]
        documented = [test for test in failing if test in differences]
        unknown = [test for test in failing if test not in differences]
        counts = dict(passed=len(passed), differences=len(documented),
                      unexplained=len(unknown), selected=len(run.results),
                      collected=len(run.collected))
        totals.update(counts)
        print(f"  {path:36} " + " / ".join(
            f"{counts[key]:{len(key)}}" for key in columns), file=out)
        notes += [f"collection: {error}" for error in run.collect_errors]
        problems += run.crashes
        for test, result in run.results.items():
            if result.outcome == "crashed":
                problems.append(f"{test}: {result.message}")
        for test in listed:
            result = run.results.get(test)
            if target == "empty":
                if result is not None and result.outcome == "passed":
                    problems.append(f"{test}: passes with an empty module"
                                    f" (it does not test the library)")
            elif result is None:
                problems.append(f"{test}: listed, not collected")
            elif result.outcome not in ("passed", "crashed"):
                problems.append(f"{test}: listed, {result.outcome}: "
                                f"{result.message}")
        for test in differing if target != "empty" else ():
            # With NumPy standing in, an id is a prefix: a test whose
            # parametrization minind cannot build is one test there
            # (``test_x``), NumPy's cases (``test_x[...]``) here.
            found = {test: run.results[test]} if test in run.results \
                else {} if target == "minind" else {
                    other: result for other, result in run.results.items()
                    if names(test, other)}
            if not found:
                problems.append(f"{test}: a listed difference, not "
                                f"collected")
            for other, result in found.items():
                if target == "minind" and result.outcome == "passed":
                    problems.append(
                        f"{test}: a listed difference that passes (stale:"
                        f" take it off {DIFFERENCES.name})")
                elif target != "minind" and result.outcome not in (
                        "passed", "crashed"):
                    problems.append(f"{other}: a listed difference, "
                                    f"{result.outcome}: {result.message}")
        fresh += [test for test in passed
                  if test not in expected_set and test not in differences]
        unexplained += [(test, run.results[test]) for test in unknown]
    print(f"  {'total':36} " + " / ".join(
        f"{totals[key]:{len(key)}}" for key in columns), file=out)
    for path in sorted(set(map(file_of, list(expected) + list(differences)))
                       - set(runs)):
        problems.append(f"{path}: has listed tests, but was not run")
    if notes:
        print(f"\n{len(notes)} collection error(s) (the tests they hide "
              f"are not collected; not failures):", file=out)
        for note in notes:
            print(f"  {note}", file=out)
    if fresh and target == "minind":
        print(f"\n{len(fresh)} passing test(s) not on the list (add them "
              f"to {EXPECTED.name}):", file=out)
        for test in fresh:
            print(f"  {test}", file=out)
    if unexplained and target == "minind":
        print(f"\n{len(unexplained)} failing test(s) on neither list: "
              f"bugs or missing features (-v lists them)", file=out)
    if problems:
        print(f"\n{len(problems)} problem(s):", file=out)
        for problem in problems:
            print(f"  {problem}", file=out)
    return problems


def numpy_versions():
    """(installed, pinned): NumPy's version here, and the one
    constraints.txt pins, whose ids the list holds."""
    import importlib.metadata
    pinned = None
    constraints = HERE.parents[1] / "constraints.txt"
    if constraints.exists():
        for line in constraints.read_text().splitlines():
            if line.startswith("numpy=="):
                pinned = line.split("==", 1)[1].strip()
    return importlib.metadata.version("numpy"), pinned


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--target", choices=("minind", "numpy", "empty"),
                        default="minind")
    parser.add_argument("--prove", action="store_true",
                        help="after minind, run the listed tests and "
                        "differences with NumPy (all must pass), and the "
                        "listed tests with an empty module (none may)")
    parser.add_argument("-k", "--only", action="append", metavar="PREFIX",
                        help="run these node-id prefixes instead")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds one test may take")
    parser.add_argument("--write-passing", metavar="FILE",
                        help="write the ids that passed to FILE")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="print every selected test's outcome")
    parser.add_argument("--tb", default="no",
                        help="pytest's traceback style in the children's "
                        "logs (see --keep)")
    parser.add_argument("--keep", metavar="DIR",
                        help="work in DIR and keep it: the rewritten "
                        "files, each child's log and results")
    args = parser.parse_args(argv)
    installed, pinned = numpy_versions()
    if pinned is not None and installed != pinned:
        print(f"warning: NumPy {installed} is installed; the lists hold "
              f"NumPy {pinned}'s test ids (constraints.txt), so tests "
              f"may differ")
    try:
        expected, differences = read_lists()
    except ValueError as error:
        print(f"error: {error}")
        return 2
    if args.only:
        expected = [test for test in expected
                    if selected(test, args.only)]
        differences = {test: reason for test, reason in differences.items()
                       if selected(test, args.only)}
    targets = ["minind", "numpy", "empty"] if args.prove \
        else [args.target]
    failed = False
    for target in targets:
        started = time.monotonic()
        if args.only:
            prefixes = args.only
        elif target == "minind":
            prefixes = read_lines(SELECTION)
        elif target == "numpy":
            prefixes = sorted(set(expected) | set(differences))
        else:
            prefixes = expected
        workdir = args.keep and pathlib.Path(args.keep) / target
        runs = run_suite(prefixes, target, args.timeout, args.jobs,
                         args.tb, workdir)
        if args.verbose:
            for path in sorted(runs):
                for test, result in runs[path].results.items():
                    why = differences.get(test)
                    print(f"{result.outcome:8} {test}  " + (
                        f"[difference: {why}] " if why else "")
                        + result.message)
        failed |= bool(verdict(runs, expected, target,
                               differences=differences))
        print(f"({target}: {time.monotonic() - started:.0f} s, "
              f"{sum(run.children for run in runs.values())} children)")
        if args.write_passing:
            with open(args.write_passing, "w") as out:
                for path in sorted(runs):
                    for test, result in runs[path].results.items():
                        if result.outcome == "passed":
                            out.write(test + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
