"""The NumPy-suite runner's own tests (run.py, rewrite.py, standin.py,
child_plugin.py), on small test files written here.

* the rewriting: imports name the stand-in, a statement that raises at
  import fails only the tests it defines;
* the stand-in: minind's names, placeholders for the rest that fail
  every use and that no ``except Exception`` can swallow, NumPy's own
  modules for the numpy target;
* numpy.testing's comparisons on minind arrays, through the wrapper;
* isolation: a segfault and a hang are each charged to their test, as a
  failure, and the tests after them still run;
* the two proofs, on a few listed tests: they pass with NumPy standing
  in, fail with the empty module, pass with minind;
* the list of documented differences: a stale one (it passes) fails
  the run, with NumPy standing in each must pass, an id on both lists is
  refused;
* the committed lists agree with each other.

The whole selection, with the proofs, runs in CI's own step
(``python tests/numpy_suite/run.py --prove``), not here.
"""
import ast
import textwrap

import numpy
import pytest

import minind

import rewrite
import run
import standin


def run_file(tmp_path, source, target="minind", timeout=60.0,
             path="_core/tests/test_case.py"):
    """Run one test file written here through the runner."""
    root = tmp_path / "root"
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text(textwrap.dedent(source))
    runs = run.run_suite([path], target, timeout=timeout, jobs=1,
                         workdir=tmp_path / target, root=root)
    return runs[path]


def outcomes(file_run):
    """{test name: outcome} of a FileRun."""
    return {test.split("::", 1)[1]: result.outcome
            for test, result in file_run.results.items()}


# ---------------------------------------------------------------------------
# The rewriting
# ---------------------------------------------------------------------------

def test_imports_name_the_standin():
    source = textwrap.dedent("""\
        '''A docstring.'''
        import os, numpy as np
        import numpy
        import numpy._core.umath as ncu
        import numpy.linalg
        from numpy.testing import (assert_equal,
                                   assert_raises)
        from numpy import ma
        from . import sibling
        def test_x():
            import numpy as inner
            return "import numpy as np"
        """)
    tree = ast.parse(rewrite.rewrite_source(source))
    imports = [ast.unparse(node) for node in ast.walk(tree)
               if isinstance(node, (ast.Import, ast.ImportFrom))]
    assert imports == [
        "import standin as _suite_standin",
        "import os", "import numpy_standin as np",
        "import numpy_standin as numpy",
        "import numpy_standin._core.umath as ncu",
        "import numpy_standin.linalg",
        "from numpy_standin.testing import assert_equal, assert_raises",
        "from numpy_standin import ma", "from . import sibling",
        "import numpy_standin as inner"]
    assert ast.get_docstring(tree) == "A docstring."
    # A string that names numpy is a separate program's: left alone.
    assert "'import numpy as np'" in ast.unparse(tree)


def test_a_failing_definition_fails_only_its_tests(tmp_path):
    file_run = run_file(tmp_path, """
        import pytest
        import numpy as np

        TABLE = np.sctypeDict["half"]       # minind has no sctypeDict

        def test_uses_table():
            assert TABLE

        @pytest.mark.parametrize("t", sorted(np.sctypeDict))
        def test_parametrized_by_it(t):
            pass

        def test_fine():
            assert np.arange(3).sum() == 3

        class TestClass:
            broken = np.float16(1)

            def test_uses_attribute(self):
                assert self.broken

            @pytest.mark.parametrize("x", [1, 2])
            def test_fine_too(self, x):
                assert np.add(x, 1) == x + 1
        """)
    assert outcomes(file_run) == {
        "test_uses_table": "failed",
        "test_parametrized_by_it": "failed",
        "test_fine": "passed",
        "TestClass::test_uses_attribute": "failed",
        "TestClass::test_fine_too[1]": "passed",
        "TestClass::test_fine_too[2]": "passed"}
    assert "could not be defined" in file_run.results[
        "_core/tests/test_case.py::test_uses_table"].message
    assert not file_run.collect_errors and not file_run.crashes


# ---------------------------------------------------------------------------
# The stand-in
# ---------------------------------------------------------------------------

def test_standin_serves_minind_and_nothing_else(tmp_path):
    file_run = run_file(tmp_path, """
        import pytest
        import numpy as np
        import numpy._core.umath as ncu
        from numpy.exceptions import AxisError
        from numpy.lib.stride_tricks import as_strided
        from numpy._core._multiarray_tests import internal_overlap
        import minind
        import standin

        def test_names_are_minind():
            assert np.arange is minind.arange and np.ndarray is minind.ndarray
            assert AxisError is minind.AxisError
            assert as_strided is minind.lib.stride_tricks.as_strided
            assert ncu.add is minind.add and "add" in vars(ncu)

        def test_private_names_are_not():
            # minind's own private names are not NumPy's.
            assert isinstance(np._core_module, standin.Missing)

        def test_missing_fails_every_use():
            for use in (lambda: np.float16(1), lambda: np.random.rand,
                        lambda: np.float16 == 1, lambda: bool(np.float16),
                        lambda: internal_overlap(np.arange(3)),
                        lambda: np.zeros(3, dtype=np.float16),
                        lambda: isinstance(1, np.float16)):
                with pytest.raises(standin.MissingName):
                    try:
                        use()
                    except Exception:
                        pytest.fail("a missing name raised an Exception")

        def test_pytest_raises_cannot_catch_it():
            with pytest.raises(TypeError):
                np.float16("not a number")
        """)
    assert outcomes(file_run) == {
        "test_names_are_minind": "passed",
        "test_private_names_are_not": "passed",
        "test_missing_fails_every_use": "passed",
        "test_pytest_raises_cannot_catch_it": "failed"}
    assert "MissingName: numpy.float16" in file_run.results[
        "_core/tests/test_case.py::test_pytest_raises_cannot_catch_it"
    ].message


def test_numpy_target_is_numpy_itself(tmp_path):
    file_run = run_file(tmp_path, """
        import numpy as np
        from numpy._core import _internal
        from numpy.testing import assert_equal

        def test_modules_are_numpys():
            import sys
            assert np is sys.modules["numpy"]
            assert _internal is sys.modules["numpy._core._internal"]
            assert assert_equal is sys.modules["numpy"].testing.assert_equal
        """, target="numpy")
    assert outcomes(file_run) == {"test_modules_are_numpys": "passed"}


def test_placeholder_keeps_its_name_for_pytest_ids():
    missing = standin.Missing("numpy.float16")
    assert missing.__name__ == "float16"
    assert repr(missing) == "<missing numpy.float16>"
    assert not hasattr(missing, "__test__")     # pytest's probe


# ---------------------------------------------------------------------------
# numpy.testing on minind arrays
# ---------------------------------------------------------------------------

def helper(name):
    return standin.helper_attribute(numpy.testing, name)


def test_assert_equal_needs_the_wrapper():
    # NumPy's assert_equal takes its array path for ndarrays only; for a
    # minind array it asks ``bool(a == b)``, ambiguous for 2+ elements.
    with pytest.raises(ValueError, match="ambiguous"):
        numpy.testing.assert_equal(minind.arange(3), [0, 1, 2])
    helper("assert_equal")(minind.arange(3), [0, 1, 2])


@pytest.mark.parametrize("name", ["assert_equal", "assert_array_equal",
                                  "assert_allclose",
                                  "assert_array_almost_equal"])
def test_comparisons_see_minind_values(name):
    compare = helper(name)
    a = minind.array([[1.0, float("nan")], [3.0, 4.0]])
    compare(a, numpy.array([[1.0, numpy.nan], [3.0, 4.0]]))
    if name == "assert_equal":      # (it recurses into sequences)
        compare((a, [a]), (a.copy(), [a.copy()]))
    compare(a.sum(axis=0)[0], 4.0)             # a minind scalar
    for other in (minind.array([[1.0, numpy.nan], [3.0, 5.0]]),
                  minind.array([[1.0, 2.0], [3.0, 4.0]]),
                  minind.ones((2, 3))):
        with pytest.raises(AssertionError):
            compare(a, other)


def test_strict_comparison_sees_minind_dtypes():
    compare = helper("assert_array_equal")
    compare(minind.arange(3, dtype=minind.int32),
            numpy.arange(3, dtype=numpy.int32), strict=True)
    with pytest.raises(AssertionError):
        compare(minind.arange(3, dtype=minind.int32), numpy.arange(3),
                strict=True)


def test_only_compared_operands_are_converted():
    seen = []
    helper("assert_raises")(ValueError, lambda a: seen.append(a) or
                            minind.ones(2).reshape(3), minind.ones(2))
    assert type(seen[0]) is minind.ndarray


# ---------------------------------------------------------------------------
# Isolation
# ---------------------------------------------------------------------------

def test_a_crash_and_a_hang_fail_one_test_each(tmp_path):
    file_run = run_file(tmp_path, """
        import os, signal, time

        def test_before():
            pass

        def test_segfault():
            os.kill(os.getpid(), signal.SIGSEGV)

        def test_between():
            pass

        def test_hang():
            time.sleep(60)

        def test_after():
            pass
        """, timeout=3)
    assert outcomes(file_run) == {
        "test_before": "passed", "test_segfault": "crashed",
        "test_between": "passed", "test_hang": "crashed",
        "test_after": "passed"}
    messages = {test.split("::")[1]: result.message
                for test, result in file_run.results.items()}
    assert messages["test_segfault"].startswith("crash: SIGSEGV")
    assert messages["test_hang"].startswith("timeout: over 3 s")
    assert "test_hang" in messages["test_hang"]     # its traceback
    assert file_run.children == 3
    problems = run.verdict({file_run.path: file_run}, [], "minind",
                           out=open("/dev/null", "w"))
    assert len(problems) == 2       # crashes fail the run, listed or not


# ---------------------------------------------------------------------------
# The proofs, and the lists
# ---------------------------------------------------------------------------

SAMPLE = ["lib/tests/test_stride_tricks.py::test_same",
          "lib/tests/test_stride_tricks.py::test_broadcast_to_raises",
          "_core/tests/test_indexing.py::TestIndexing::test_none_index"]


@pytest.mark.parametrize("target, passing", [
    ("minind", True), ("numpy", True), ("empty", False)])
def test_proofs_on_a_sample(tmp_path, target, passing):
    assert set(SAMPLE) <= set(run.read_lines(run.EXPECTED))
    runs = run.run_suite(SAMPLE, target, jobs=2, workdir=tmp_path)
    results = {test: result.outcome for file_run in runs.values()
               for test, result in file_run.results.items()}
    assert set(results) == set(SAMPLE)
    assert all((outcome == "passed") == passing
               for outcome in results.values()), results


def test_the_lists_agree():
    selection = run.read_lines(run.SELECTION)
    expected, differences = run.read_lists()
    assert expected == sorted(set(expected)), "sorted, no duplicates"
    assert list(differences) == sorted(differences), "sorted"
    for test in expected + list(differences):
        assert run.selected(test, selection), (
            f"{test} is listed but not selected")
    # Every reason is one README's "Differences from NumPy" backs.
    assert set(differences.values()) <= set(run.REASONS)


# ---------------------------------------------------------------------------
# The documented differences
# ---------------------------------------------------------------------------

DIFFERING = """
    import numpy as np

    def test_passes():
        assert np.add(1, 2) == 3

    def test_needs_float16():
        assert np.float16(1) == 1

    def test_needs_complex():
        assert np.complex128(1j).imag == 1

    def test_a_bug():
        assert np.add(1, 2) == 4
    """


def report(runs, expected, target, differences):
    import io
    out = io.StringIO()
    problems = run.verdict(runs, expected, target, out=out,
                           differences=differences)
    return problems, out.getvalue()


def test_differences_are_counted_apart_from_unexplained(tmp_path):
    file_run = run_file(tmp_path, DIFFERING)
    path = file_run.path
    differences = {f"{path}::test_needs_float16": "float16",
                   f"{path}::test_needs_complex": "complex"}
    problems, text = report({path: file_run}, [f"{path}::test_passes"],
                            "minind", differences)
    assert problems == []
    # passed / differences / unexplained / selected / collected
    row = [line for line in text.splitlines() if line.strip().startswith(
        path)][0]
    assert [int(n) for n in row.split(path)[1].split("/")] == [
        1, 2, 1, 4, 4]
    assert "1 failing test(s) on neither list" in text


def test_a_stale_difference_fails_the_run(tmp_path):
    file_run = run_file(tmp_path, DIFFERING)
    path = file_run.path
    problems, _ = report({path: file_run}, [], "minind",
                         {f"{path}::test_passes": "float16",
                          f"{path}::test_gone": "complex"})
    assert len(problems) == 2
    assert "stale" in problems[0] or "stale" in problems[1]
    assert any("not collected" in problem for problem in problems)


def test_differences_must_pass_with_numpy(tmp_path):
    file_run = run_file(tmp_path, DIFFERING, target="numpy")
    path = file_run.path
    differences = {f"{path}::test_needs_float16": "float16",
                   f"{path}::test_needs_complex": "complex"}
    assert report({path: file_run}, [], "numpy", differences)[0] == []
    problems, _ = report({path: file_run}, [], "numpy",
                         {f"{path}::test_a_bug": "complex"})
    assert len(problems) == 1 and "test_a_bug" in problems[0]


def test_with_numpy_a_difference_id_is_a_prefix(tmp_path):
    # A parametrization minind cannot build is one test against minind
    # (``test_x``) and NumPy's cases (``test_x[...]``) against NumPy.
    file_run = run_file(tmp_path, """
        import pytest
        import numpy as np

        @pytest.mark.parametrize("t", [np.float16, np.float32])
        def test_x(t):
            assert t(1) == 1
        """, target="numpy")
    path = file_run.path
    assert set(file_run.results) == {f"{path}::test_x[float16]",
                                     f"{path}::test_x[float32]"}
    assert report({path: file_run}, [], "numpy",
                  {f"{path}::test_x": "float16"})[0] == []


def test_the_differences_file_is_parsed_strictly(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("# a comment\n"
                    "a.py::test_x[(4, 3)->(4, 1)]  # complex\n"
                    "\n"
                    "a.py::test_y  # np.random\n")
    assert run.read_differences(good) == {
        "a.py::test_x[(4, 3)->(4, 1)]": "complex",
        "a.py::test_y": "np.random"}
    for bad in ("a.py::test_x\n",                      # no reason
                "a.py::test_x  # not a documented reason\n",
                "a.py::test_x #complex\n",             # separator
                "a.py::test_x  # complex\na.py::test_x  # float16\n"):
        (tmp_path / "bad.txt").write_text(bad)
        with pytest.raises(ValueError):
            run.read_differences(tmp_path / "bad.txt")


def test_an_id_on_both_lists_is_refused(tmp_path):
    (tmp_path / "expected.txt").write_text("a.py::test_x\na.py::test_y\n")
    (tmp_path / "differences.txt").write_text("a.py::test_y  # float16\n")
    with pytest.raises(ValueError, match="on both.*a.py::test_y"):
        run.read_lists(tmp_path / "expected.txt",
                       tmp_path / "differences.txt")
    (tmp_path / "differences.txt").write_text("a.py::test_z  # float16\n")
    assert run.read_lists(tmp_path / "expected.txt",
                          tmp_path / "differences.txt") == (
        ["a.py::test_x", "a.py::test_y"], {"a.py::test_z": "float16"})
