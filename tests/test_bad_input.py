"""The bad-input catalogue: minind fails as NumPy fails, and never crashes.

Part 1, the catalogue (``_badinput_cases.py``): over 320 small programs
written against ``xp``, grouped by topic (indexing, assignment,
flags, reshape, axes, broadcasting, creation, conversions, ``out=``,
reductions, stride tricks, hostile Python objects, unimplemented
features).  Each one must raise, except the ``returns`` cases, where NumPy
may cope (a ``__len__`` that lies) and minind must give the same result.
NumPy's outcome is computed here, in-process, by running the snippet
with ``xp = numpy``; minind's runs in child processes, so a segfault (or a
hang) fails one case instead of killing the suite.

One child per group runs the group's cases in turn and reports each as a
JSON line, flushed.  If the child dies, the case after the last one
reported is the one that crashed; it is marked so (with the signal and
the tail of stderr, where ``faulthandler`` printed the traceback) and the
rest of the group runs again in a new child.  The children start together
and are collected once per module (a module-scoped fixture); each case is
its own pytest item.

Part 2, fuzzing (in-process, hypothesis, ci example counts): random basic
index expressions with deliberately invalid additions (out-of-range and
huge integers, floats, strings, extra ellipses, too many indices) on
random shapes, read and assigned; random reshape targets (-1, several -1,
other negatives, products that overflow int64, more than 64 axes); and
random creation shapes.  Each compares the exception class with NumPy's,
or, when NumPy succeeds, the result's shape, strides and values.

How the exception class is compared: a builtin class must be exactly
NumPy's (``type(e) is``).  NumPy raises private subclasses too
(``_UFuncNoLoopError``, ``_ArrayMemoryError``); their nearest public
ancestor is what minind must raise: a builtin exactly, or NumPy's own
class (AxisError, UFuncTypeError, TooHardError) as the class of the same
name in ``minind.exceptions``, with the same builtin bases.
"""
import builtins
import json
import os
import signal
import subprocess
import sys
import warnings

import numpy as np
import pytest
from hypothesis import assume, given, note, strategies as st
from hypothesis.extra import numpy as hnp

import minind as mi

import _badinput_cases as catalogue
from strategies import (NP_DTYPES, assert_same, assert_same_layout,
                        assert_same_scalar,
                        assert_same_values, twins)

CHILD_TIMEOUT = 60          # seconds for one child's whole batch


# ---------------------------------------------------------------------------
# Exception classes: what minind must raise for what NumPy raised
# ---------------------------------------------------------------------------

def public_class(cls):
    """NumPy's private exception subclasses stand for their nearest public
    ancestor (``_UFuncNoLoopError`` -> UFuncTypeError, ``_ArrayMemoryError``
    -> MemoryError)."""
    for klass in cls.__mro__:
        # (NumPy renames its private classes: _UFuncNoLoopError's
        # __name__ is "UFuncTypeError"; __qualname__ tells them apart.)
        if not klass.__qualname__.startswith("_"):
            return klass
    raise AssertionError(cls)


def builtin_bases(mro):
    """The builtin classes in an MRO given as [{module, name}, ...]."""
    return [k["name"] for k in mro if k["module"] == "builtins"]


def describe(cls):
    return {"module": cls.__module__, "name": cls.__qualname__}


def expected_from_numpy(error):
    """(class record, builtin bases) minind must match for NumPy's error."""
    cls = public_class(type(error))
    return describe(cls), [k.__qualname__ for k in cls.__mro__
                           if k.__module__ == "builtins"]


def check_class(got, want, want_bases):
    """``got`` is minind's raised class (a record with its MRO)."""
    name = f"{got['class']['module']}.{got['class']['name']}"
    if want["module"] == "builtins":
        assert got["class"] == want, (
            f"minind raised {name}, NumPy raises {want['name']}")
    else:
        # A NumPy exception class: minind's class of the same name, from
        # minind, with the same builtin bases (AxisError is a ValueError
        # and an IndexError in both).
        assert got["class"]["name"] == want["name"], (
            f"minind raised {name}, NumPy raises "
            f"{want['module']}.{want['name']}")
        assert got["class"]["module"].startswith("minind"), name
        assert builtin_bases(got["mro"]) == want_bases, (
            f"{name} bases {builtin_bases(got['mro'])}, NumPy's "
            f"{want_bases}")


def class_of_exception(error):
    return {"class": describe(type(error)),
            "mro": [describe(k) for k in type(error).__mro__]}


# ---------------------------------------------------------------------------
# Running the catalogue in child processes
# ---------------------------------------------------------------------------

def child_env():
    """The environment of the test process, with minind's source directory
    (and the tests directory, for ``_badinput_cases``) first on the path,
    so the child imports the very minind this process imported."""
    env = dict(os.environ)
    paths = [os.path.dirname(os.path.dirname(mi.__file__)),
             os.path.dirname(os.path.abspath(__file__))]
    if env.get("PYTHONPATH"):
        paths.append(env["PYTHONPATH"])
    env["PYTHONPATH"] = os.pathsep.join(paths)
    env.pop("PYTHONSTARTUP", None)
    return env


def start_child(cases):
    process = subprocess.Popen(
        [sys.executable, "-X", "faulthandler", catalogue.__file__,
         mi.__file__],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, env=child_env(), text=True)
    return process, json.dumps([[c.id, c.setup, c.code] for c in cases])


def death_text(returncode):
    if returncode is None:
        return f"hung (killed after {CHILD_TIMEOUT} s)"
    if returncode < 0:
        try:
            return f"killed by {signal.Signals(-returncode).name}"
        except ValueError:
            return f"killed by signal {-returncode}"
    return f"exited with status {returncode}"


def collect(process, payload, cases, results):
    """Read one child's reports into ``results``; return the cases left
    unrun if the child died (after marking the crashed case)."""
    case_ids = [c.id for c in cases]
    try:
        stdout, stderr = process.communicate(payload, timeout=CHILD_TIMEOUT)
        returncode = process.returncode
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
        returncode = None
    records = [json.loads(line[len(catalogue.MARKER):])
               for line in stdout.splitlines()
               if line.startswith(catalogue.MARKER)]
    if not records or "ready" not in records[0]:
        # The child did not even import minind: every case fails with
        # the reason (not blamed on the first case).
        for case_id in case_ids:
            results[case_id] = {"id": case_id, "outcome": "no-child",
                                "error": f"child {death_text(returncode)}"
                                         f"\n{crash_excerpt(stderr)}"}
        return []
    done = [r["id"] for r in records[1:]]
    for record in records[1:]:
        results[record["id"]] = record
    if len(done) == len(case_ids):
        if returncode != 0:
            # Every case reported, then the child died (a corrupted heap
            # found at exit, say): blame the last case, keeping its record.
            results[case_ids[-1]]["exit_error"] = (
                f"child {death_text(returncode)} after the last case; "
                f"stderr tail:\n{crash_excerpt(stderr)}")
        return []
    crashed = case_ids[len(done)]
    results[crashed] = {"id": crashed, "outcome": "crashed",
                        "error": f"child {death_text(returncode)} while "
                                 f"running this case; stderr tail:\n"
                                 f"{crash_excerpt(stderr)}"}
    return cases[len(done) + 1:]


def crash_excerpt(stderr, size=3000):
    """What a dying child left on stderr, at most about ``size``
    characters: from faulthandler's "Fatal Python error" (the signal and
    the Python traceback) on, and the end, where a sanitizer's report
    closes with its SUMMARY line.  A long sanitizer report would push the
    first out of a plain tail."""
    start = stderr.rfind("Fatal Python error")
    if len(stderr) <= size or start < 0:
        return stderr[-size:]
    if len(stderr) - start <= size:
        return stderr[start:]
    return (stderr[start:start + size // 2] + "\n[...]\n"
            + stderr[-size // 2:])


def run_catalogue(groups):
    """Run every group in its own child, all at once; re-run the rest of
    a group in a fresh child after a crash."""
    results = {}
    batches = [list(cases) for cases in groups.values()]
    while batches:
        running = [(start_child(cases), cases) for cases in batches]
        batches = [collect(process, payload, cases, results)
                   for (process, payload), cases in running]
        batches = [cases for cases in batches if cases]
    return results


@pytest.fixture(scope="module")
def minind_results():
    return run_catalogue(catalogue.GROUPS)


def numpy_outcome(c):
    """Run the snippet with NumPy in-process: (True, its ``result``) or
    (False, the exception)."""
    namespace = {"xp": np}
    exec(compile(c.setup, f"<{c.id} setup>", "exec"), namespace)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exec(compile(c.code, f"<{c.id}>", "exec"), namespace)
    except Exception as error:      # noqa: BLE001 -- the oracle
        return False, error
    return True, namespace.get("result")


def numpy_error(c):
    """Run the snippet with NumPy in-process; return the exception."""
    returned, error = numpy_outcome(c)
    if returned:
        pytest.fail(f"catalogue mistake: NumPy does not raise for "
                    f"{c.code!r}")
    return error


# ---------------------------------------------------------------------------
# Part 1: the catalogue
# ---------------------------------------------------------------------------

def test_catalogue_size():
    assert len(catalogue.CASES) >= 80
    assert len(catalogue.GROUPS) >= 10


@pytest.mark.parametrize("case_id", list(catalogue.CASES))
def test_bad_input(case_id, minind_results):
    c = catalogue.CASES[case_id]
    got = minind_results[case_id]
    assert got["outcome"] != "setup-error", (
        f"catalogue mistake, setup failed in minind: {got['error']}")
    assert got["outcome"] not in ("crashed", "no-child"), got["error"]
    assert "exit_error" not in got, got.get("exit_error")
    if c.expect is not None:
        # NumPy would crash or accept it: the class is minind's contract.
        want = {"module": "builtins", "name": c.expect}
        assert isinstance(getattr(builtins, c.expect, None), type)
        assert got["outcome"] == "raised", (
            f"minind accepted {c.code!r}; expected {c.expect}")
        check_class(got, want, None)
        if c.match:
            assert c.match in got["message"], got["message"]
        return
    if c.returns:
        returned, value = numpy_outcome(c)
        if returned and getattr(value, "dtype", None) == object:
            # NumPy stores the objects; minind, with no object dtype,
            # must refuse them clearly.
            assert got["outcome"] == "raised", (
                f"minind accepted {c.code!r}; NumPy makes an object array")
            check_class(got, {"module": "builtins", "name": "TypeError"},
                        None)
            return
        if returned:
            assert got["outcome"] == "returned", (
                f"minind raised {got['class']['name']}: {got['message']}; "
                f"NumPy returns {value!r}")
            assert got["result"] == catalogue.describe_result(value)
            return
    error = numpy_error(c)
    want, want_bases = expected_from_numpy(error)
    assert got["outcome"] == "raised", (
        f"minind accepted {c.code!r}; NumPy raises "
        f"{type(error).__name__}: {error}")
    check_class(got, want, want_bases)
    if c.message:
        assert got["message"] == str(error)


def test_child_reports_crash_and_resumes():
    """The harness itself: a case that kills its child is reported as a
    crash with the signal and faulthandler's traceback, and the cases
    after it still run (in a new child)."""
    results = run_catalogue({"demo": [
        catalogue.case("demo-before", "xp.arange(3)[5]"),
        catalogue.case("demo-crash", "import ctypes\nctypes.string_at(0)"),
        catalogue.case("demo-after", "xp.arange(3)[0, 0]"),
    ]})
    assert results["demo-before"]["outcome"] == "raised"
    assert results["demo-crash"]["outcome"] == "crashed"
    error = results["demo-crash"]["error"]
    # Under AddressSanitizer (.ci/memcheck) the sanitizer takes the signal
    # and exits with status 1 after its report, which ends "SUMMARY:
    # AddressSanitizer: SEGV ...".
    assert ("SIGSEGV" in error or "AddressSanitizer:DEADLYSIGNAL" in error
            or "AddressSanitizer: SEGV" in error), error
    assert "Fatal Python error" in error
    assert results["demo-after"]["outcome"] == "raised"


# ---------------------------------------------------------------------------
# Part 2: fuzzing in-process (hypothesis)
# ---------------------------------------------------------------------------

def outcome(call):
    """(True, result) or (False, exception)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return True, call()
    except Exception as error:      # noqa: BLE001 -- compared below
        return False, error


def assert_same_outcome(m_outcome, n_outcome, what):
    """minind did what NumPy did: raised the same class, or succeeded with
    an equal result (arrays: shape, strides, flags, values; elements: the
    Python scalar NumPy's scalar stands for)."""
    (m_ok, m_value), (n_ok, n_value) = m_outcome, n_outcome
    note(f"{what}: NumPy {'gave' if n_ok else 'raised'} {n_value!r}; "
         f"minind {'gave' if m_ok else 'raised'} {m_value!r}")
    if not n_ok:
        assert not m_ok, (f"{what}: NumPy raises {type(n_value).__name__}: "
                          f"{n_value}; minind accepted it")
        check_class(class_of_exception(m_value),
                    *expected_from_numpy(n_value))
        return
    if not m_ok:
        raise AssertionError(f"{what}: NumPy accepts it; minind raised "
                             f"{type(m_value).__name__}: {m_value}")
    if isinstance(n_value, np.ndarray) and n_value.size == 0:
        # Layout only: tolist() of a (2**62, 0) array is 2**62 lists.
        assert isinstance(m_value, mi.MiniArray)
        assert_same_layout(m_value, n_value)
    elif isinstance(n_value, np.ndarray):
        assert_same(m_value, n_value)
    elif n_value is None:
        assert m_value is None
    else:
        assert_same_scalar(m_value, n_value)


# Index items that are wrong in some way (and a few valid oddities): out
# of range and huge integers around the int64/uint64 limits, floats,
# strings, complex, extra ellipses and newaxes, slices with a zero step
# or non-integer bounds, NumPy integer and float scalars.  No booleans and
# no lists: those are advanced indexing, which tests/test_indexing.py
# draws in lock-step with NumPy.
odd_index_items = st.one_of(
    st.integers(-8, 8),
    st.sampled_from([2**31, 2**62, 2**63 - 1, 2**63, 2**64 - 1, 2**64,
                     -2**63, -2**63 - 1, -2**64, 10**30]),
    st.sampled_from([Ellipsis, None, 1.0, 0.5, -1.0, "a", 1j,
                     slice(None, None, 0), slice(0.5, None),
                     slice(None, "a"), slice(None, None, 2**63),
                     slice(-2**70, 2**70), np.int64(1), np.uint8(2),
                     np.float64(1.0)]),
)


@st.composite
def index_expressions(draw, shape):
    """A valid basic index for ``shape``, then up to three odd items
    inserted anywhere (so also too many indices, two ellipses...)."""
    index = draw(hnp.basic_indices(shape, min_dims=0, allow_newaxis=True,
                                   allow_ellipsis=True))
    was_tuple = isinstance(index, tuple)
    items = list(index) if was_tuple else [index]
    for _ in range(draw(st.integers(0, 3))):
        items.insert(draw(st.integers(0, len(items))),
                     draw(odd_index_items))
    if not was_tuple and len(items) == 1:
        return items[0]
    return tuple(items)


index_dtypes = st.sampled_from([np.dtype("int64"), np.dtype("uint8"),
                                np.dtype("float64"), np.dtype("bool")])
index_shapes = hnp.array_shapes(min_dims=0, max_dims=4, min_side=0,
                                max_side=4)


@given(st.data(), twins(dtype=index_dtypes, shape=index_shapes))
def test_fuzzed_basic_index_read(data, pair):
    m, n = pair
    index = data.draw(index_expressions(n.shape), label="index")
    assert_same_outcome(outcome(lambda: m[index]),
                        outcome(lambda: n[index]), f"a[{index!r}]")


assigned_values = st.sampled_from([7, -1, 1.5, 2**63, 2**64, float("nan"),
                                   [1, 2], [[1], [2]]])


@given(st.data(), twins(dtype=index_dtypes, shape=index_shapes))
def test_fuzzed_basic_index_assign(data, pair):
    m, n = pair
    index = data.draw(index_expressions(n.shape), label="index")
    value = data.draw(assigned_values, label="value")
    # Fresh owners (the twins may share memory), read-only if n was.
    n = n.copy()
    m = mi.array(n)
    if not pair[1].flags.writeable:
        n.flags.writeable = m.flags.writeable = False

    def assign(a):
        a[index] = value

    assert_same_outcome(outcome(lambda: assign(m)),
                        outcome(lambda: assign(n)),
                        f"a[{index!r}] = {value!r}")
    assert_same(m, n)            # the same elements written (or none)


odd_lengths = st.one_of(
    st.integers(-3, 7),
    st.sampled_from([2**31, 2**62, 2**63 - 1, 2**63, 2**64, -2**63,
                     -2**63 - 1]),
)
reshape_targets = st.one_of(
    st.lists(odd_lengths, min_size=0, max_size=6).map(tuple),
    odd_lengths,
    st.sampled_from([(1,) * 64, (1,) * 65, (-1,) + (1,) * 63,
                     (-1,) + (1,) * 64, (0,) * 65]),
)


@given(twins(shape=hnp.array_shapes(min_dims=0, max_dims=3, min_side=0,
                                    max_side=4)),
       reshape_targets, st.sampled_from(["C", "F", "A"]))
def test_fuzzed_reshape(pair, target, order):
    m, n = pair
    assert_same_outcome(outcome(lambda: m.reshape(target, order=order)),
                        outcome(lambda: n.reshape(target, order=order)),
                        f"a.reshape({target!r}, order={order!r})")


def _allocation_is_small(shape, itemsize):
    """Creation fuzzing must not allocate much: allow a shape when its
    byte size is small, or when it is invalid (a negative length, more
    than 64 axes, a length or a byte size beyond int64), so that NumPy
    refuses it before allocating."""
    lengths = shape if isinstance(shape, tuple) else (shape,)
    if len(lengths) > 64 or any(n < 0 or n >= 2**63 for n in lengths):
        return True
    product_without_zeros = 1
    for length in lengths:
        product_without_zeros *= max(length, 1)
    if product_without_zeros * itemsize >= 2**63:
        return True
    nbytes = itemsize
    for length in lengths:
        nbytes *= length
    return nbytes < 2**20


@given(reshape_targets, st.sampled_from(NP_DTYPES),
       st.sampled_from(["zeros", "empty", "ones"]))
def test_fuzzed_creation_shape(shape, dtype, function):
    assume(_allocation_is_small(shape, dtype.itemsize))
    m_outcome = outcome(lambda: getattr(mi, function)(shape, dtype=dtype))
    n_outcome = outcome(lambda: getattr(np, function)(shape, dtype=dtype))
    if function == "empty" and m_outcome[0] and n_outcome[0]:
        # Values of empty are garbage: compare the layout only.
        assert_same_layout(m_outcome[1], n_outcome[1])
        return
    assert_same_outcome(m_outcome, n_outcome, f"{function}({shape!r})")
