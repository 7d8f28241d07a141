"""Shape manipulation, broadcasting, stride tricks and memory overlap.

Covers ``minind._manipulation`` (transpose, swapaxes, moveaxis,
expand_dims, squeeze, reshape, ravel, broadcast_*, as_strided,
sliding_window_view, shares_memory, may_share_memory, diagonal, rollaxis,
flipud, fliplr, shape, ndim, size), the view methods of MiniArray
(``T``, ``transpose``, ``reshape``, ``ravel``, ``flatten``,
``diagonal``...)
and the pure no-copy reshape helper ``minind._layout.py_nocopy_reshape``.

NumPy is the oracle everywhere: each test makes the same call on a
(minind, NumPy) twin and compares shape, strides, flags, values, whether
the result is a view and which object its ``base`` is, or, when NumPy
raises, the exception class and message.

The one place minind deliberately differs: ``as_strided`` refuses (with
ValueError) any view that reaches outside the memory of the array it is
made from, where NumPy silently reads out of bounds.
"""
import math
import os
import subprocess
import sys
import warnings

import numpy as np
import pytest
from hypothesis import assume, event, example, given, note, settings
from hypothesis.control import currently_in_test_context
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from numpy.lib import stride_tricks as np_st
from numpy.lib.array_utils import byte_bounds

import minind as mi
from minind import _layout
from minind.lib import stride_tricks as mi_st
from minind._core import AsStridedBase

from strategies import (NP_DTYPES, assert_same, assert_same_layout, dtypes,
                        numpy_arrays, sliced, twins)


def scaled(examples):
    """``examples`` on the ci profile, proportionally more on thorough."""
    return examples * max(1, settings.default.max_examples // 60)


# ---------------------------------------------------------------------------
# Comparison helpers
# ---------------------------------------------------------------------------

def outcome(call):
    try:
        return True, call()
    except Exception as error:      # noqa: BLE001 -- compared below
        return False, error


def assert_same_error(m_error, n_error):
    """minind raised what NumPy raised: class (AxisError: a ValueError and
    an IndexError, as NumPy's) and the exact message."""
    if isinstance(n_error, np.exceptions.TooHardError):
        assert isinstance(m_error, mi.exceptions.TooHardError), repr(m_error)
    elif isinstance(n_error, np.exceptions.AxisError):
        assert isinstance(m_error, ValueError), repr(m_error)
        assert isinstance(m_error, IndexError), repr(m_error)
        assert isinstance(m_error, mi.AxisError), repr(m_error)
    else:
        assert type(m_error) is type(n_error), (m_error, n_error)
    assert str(m_error) == str(n_error)


def same_outcome(m_call, n_call):
    """Run both calls.  If NumPy raises, minind must raise the same error
    (returns None); otherwise minind must succeed: returns (m, n)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        n_ok, n_result = outcome(n_call)
    m_ok, m_result = outcome(m_call)
    if not n_ok:
        assert not m_ok, (f"NumPy raised {n_result!r}, minind returned "
                          f"{m_result!r}")
        assert_same_error(m_result, n_result)
        return None
    if not m_ok:
        raise AssertionError(f"NumPy returned, minind raised "
                             f"{m_result!r}") from m_result
    return m_result, n_result


def memory_root(a):
    """The object a view of ``a`` gets as base, by NumPy's rule
    (``PyArray_SetBaseObject``): walk down the chain of bases while the
    array does not own its data and its base is an array of the same
    type; stop at an owner or at a base of another type (a memoryview,
    NumPy's DummyArray...), keeping the last array."""
    obj = a
    while not obj.flags.owndata and type(obj.base) is type(a):
        obj = obj.base
    return obj


def assert_as_strided_base(m_result, m_source, n_result, n_source):
    """An as_strided view's base stands for the array it was made from
    (NumPy's DummyArray, minind's AsStridedBase), so that its WRITEABLE
    flag can be cleared but never set again."""
    assert isinstance(m_result.base, AsStridedBase)
    assert m_result.base.base is m_source
    assert n_result.base.base is n_source
    with pytest.raises(ValueError, match="cannot set WRITEABLE flag"):
        m_result.flags.writeable = True
    with pytest.raises(ValueError, match="cannot set WRITEABLE flag"):
        n_result.flags.writeable = True


def view_kind(result, source):
    """How ``result`` relates to ``source`` in memory, in words."""
    if result is source:
        return "the same object"
    if result.base is None:
        assert result.flags.owndata
        return "a new owner"
    assert not result.flags.owndata
    if result.base is memory_root(source):
        return "a view with base memory_root(source)"
    base = result.base
    if not isinstance(base, (np.ndarray, mi.MiniArray)):
        return f"a view with base a {type(base).__name__}"
    if base.base is None and base.flags.owndata:
        return "a view of a new copy"
    return "a view with some other base"


def describe_difference(m, n):
    """The shared layout check, with the differing values in the message."""
    assert isinstance(m, mi.MiniArray), type(m)
    for name in ("shape", "strides", "dtype"):
        assert getattr(m, name) == getattr(n, name), (
            name, getattr(m, name), getattr(n, name))
    for flag in ("C_CONTIGUOUS", "F_CONTIGUOUS", "WRITEABLE", "ALIGNED"):
        assert m.flags[flag] == n.flags[flag], (flag, m.flags[flag])


def assert_same_view(m_result, n_result, m_source, n_source):
    """Layout, values, OWNDATA and base structure equal NumPy's."""
    with warnings.catch_warnings():
        # broadcast_arrays views warn when their WRITEABLE flag is read.
        warnings.simplefilter("ignore", FutureWarning)
        describe_difference(m_result, n_result)
        assert_same(m_result, n_result)
    assert m_result.flags.owndata == n_result.flags.owndata
    kind = view_kind(n_result, n_source)
    assert view_kind(m_result, m_source) == kind
    if kind == "a view of a new copy":
        # The hidden copy itself is laid out as NumPy's.
        assert_same(m_result.base, n_result.base)


def negative_spelling(data, axes, ndim):
    """``axes`` with each entry randomly spelled as a negative index."""
    return [axis - ndim if data.draw(st.booleans()) else axis
            for axis in axes]


def prime_factors(n):
    factors, p = [], 2
    while p * p <= n:
        while n % p == 0:
            factors.append(p)
            n //= p
        p += 1
    if n > 1:
        factors.append(n)
    return factors


@st.composite
def target_shapes(draw, size, unknown=True):
    """A shape of ``size`` elements: a random factorisation with extra
    length-1 axes (size 0: lengths with at least one 0), and maybe one
    length spelled -1."""
    if size == 0:
        dims = draw(st.lists(st.integers(0, 4), min_size=1, max_size=5))
        if 0 not in dims:
            dims[draw(st.integers(0, len(dims) - 1))] = 0
    else:
        ndim = draw(st.integers(1 if size > 1 else 0, 4))
        dims = [1] * ndim
        for p in prime_factors(size):
            dims[draw(st.integers(0, ndim - 1))] *= p
        for _ in range(draw(st.integers(0, 2))):
            dims.insert(draw(st.integers(0, len(dims))), 1)
    if unknown and dims and draw(st.booleans()):
        dims[draw(st.integers(0, len(dims) - 1))] = -1
    return tuple(dims)


@st.composite
def twins_shaped(draw, shape, dtype=dtypes):
    """A (MiniArray, NumPy) twin of exactly ``shape``, in one of the
    layouts: C or F owner, read-only, gapped slice (also negative steps),
    permuted axes, or broadcast (zero strides, read-only)."""
    dtype = draw(dtype)
    layout = draw(st.sampled_from(
        ["C", "F", "readonly", "sliced", "transposed", "broadcast"]))
    ndim = len(shape)
    if layout == "sliced":
        steps = [draw(st.sampled_from([1, 2, -1, -2])) for _ in shape]
        big = tuple(length * abs(step) + 1 for length, step in
                    zip(shape, steps))
        base = draw(numpy_arrays(dtype, big))
        index = tuple(slice(None, length * step, step) if step > 0 else
                      slice(None, -length * abs(step) - 1, step)
                      for length, step in zip(shape, steps))
        n = base[index]
    elif layout == "transposed":
        perm = draw(st.permutations(range(ndim)))
        inverse = tuple(int(k) for k in np.argsort(perm))
        n = draw(numpy_arrays(dtype, tuple(shape[p] for p in perm)))
        n = n.transpose(inverse)
    elif layout == "broadcast":
        stretched = [draw(st.booleans()) for _ in shape]
        small = tuple(1 if s else length
                      for s, length in zip(stretched, shape))
        n = np.broadcast_to(draw(numpy_arrays(dtype, small)), shape)
    else:
        n = draw(numpy_arrays(dtype, shape))
        if layout in ("C", "F"):
            n = np.array(n, order=layout)       # a fresh owner
        if layout == "readonly":
            n.flags.writeable = False
    assert n.shape == tuple(shape)
    if layout in ("C", "F"):
        return mi.array(n, order=layout), n
    m = mi.asarray(n)
    # As in strategies.twins: NumPy's buffer export recomputes the strides
    # of contiguous and empty arrays; start both from the strides minind got.
    n = np_st.as_strided(n, n.shape, m.strides, writeable=n.flags.writeable)
    return m, n


def run_isolated(expression):
    """Evaluate a minind expression in a fresh interpreter, so that a
    crash fails one test instead of killing the run.  Returns the result
    as 'OK <shape>' or '<ErrorClass>: <message>'."""
    code = (
        "import minind as mi\n"
        "from minind.lib import stride_tricks\n"
        "try:\n"
        f"    r = {expression}\n"
        "    print('OK', getattr(r, 'shape', r))\n"
        "except Exception as e:\n"
        "    print(type(e).__name__ + ': ' + str(e))\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True,
                          text=True, timeout=60, env=env)
    assert proc.returncode == 0, (
        f"minind crashed (exit {proc.returncode}) on {expression}: "
        f"{proc.stdout} {proc.stderr[-2000:]}")
    return proc.stdout.strip()


def numpy_outcome_text(call):
    ok, result = outcome(call)
    if ok:
        return f"OK {getattr(result, 'shape', result)}"
    return f"{type(result).__name__}: {result}"


# ---------------------------------------------------------------------------
# transpose, T, swapaxes, moveaxis, expand_dims, squeeze
# ---------------------------------------------------------------------------

TRANSPOSE_SPELLINGS = {
    "T": lambda lib, x, axes: x.T,
    "method()": lambda lib, x, axes: x.transpose(),
    "method(None)": lambda lib, x, axes: x.transpose(None),
    "method(*axes)": lambda lib, x, axes: x.transpose(*axes),
    "method(tuple)": lambda lib, x, axes: x.transpose(tuple(axes)),
    "method(list)": lambda lib, x, axes: x.transpose(list(axes)),
    "function(axes)": lambda lib, x, axes: lib.transpose(x, tuple(axes)),
    "function(None)": lambda lib, x, axes: lib.transpose(x),
}


@given(pair=twins(), data=st.data())
def test_transpose(pair, data):
    m, n = pair
    axes = data.draw(st.permutations(range(n.ndim)))
    axes = negative_spelling(data, axes, n.ndim)
    for name, spelling in TRANSPOSE_SPELLINGS.items():
        note(name)
        m_result = spelling(mi, m, axes)
        n_result = spelling(np, n, axes)
        assert_same_view(m_result, n_result, m, n)


@given(pair=twins(), data=st.data())
def test_transpose_bad_axes(pair, data):
    """Wrong length ("axes don't match array"), repeated axes ("repeated
    axis in transpose"), out of range (AxisError): NumPy's errors."""
    m, n = pair
    axes = data.draw(st.lists(st.integers(-n.ndim - 2, n.ndim + 1),
                              max_size=n.ndim + 1))
    for name in ("method(tuple)", "method(list)", "function(axes)",
                 "method(*axes)"):
        if name == "method(*axes)" and not axes:
            continue        # x.transpose() is the valid default
        note(name)
        spelling = TRANSPOSE_SPELLINGS[name]
        result = same_outcome(lambda: spelling(mi, m, axes),
                              lambda: spelling(np, n, axes))
        if result is not None:
            assert_same_view(*result, m, n)


@pytest.mark.parametrize("axes", [(), [], (0,), (0, 0), (1, -1), (0, 2),
                                  (0, -3), (0, 1, 2)])
def test_transpose_errors_match_numpy(axes):
    n = np.arange(6).reshape(2, 3)
    m = mi.arange(6).reshape(2, 3)
    for spelling in (lambda lib, x: x.transpose(axes),
                     lambda lib, x: lib.transpose(x, axes)):
        assert same_outcome(lambda: spelling(mi, m),
                            lambda: spelling(np, n)) is None


@given(pair=twins(), data=st.data())
def test_swapaxes(pair, data):
    m, n = pair
    assume(n.ndim > 0)
    first = data.draw(st.integers(-n.ndim, n.ndim - 1))
    second = data.draw(st.integers(-n.ndim, n.ndim - 1))
    assert_same_view(m.swapaxes(first, second), n.swapaxes(first, second),
                     m, n)
    assert_same_view(mi.swapaxes(m, first, second),
                     np.swapaxes(n, first, second), m, n)


@given(pair=twins(), data=st.data())
def test_moveaxis(pair, data):
    m, n = pair
    count = data.draw(st.integers(0, n.ndim))
    source = data.draw(st.permutations(range(n.ndim)))[:count]
    destination = data.draw(st.permutations(range(n.ndim)))[:count]
    source = negative_spelling(data, source, n.ndim)
    destination = negative_spelling(data, destination, n.ndim)
    if count == 1 and data.draw(st.booleans()):
        source, destination = source[0], destination[0]
    else:
        source, destination = tuple(source), tuple(destination)
    assert_same_view(mi.moveaxis(m, source, destination),
                     np.moveaxis(n, source, destination), m, n)


@given(pair=twins(), data=st.data())
def test_expand_dims(pair, data):
    m, n = pair
    count = data.draw(st.integers(1, 3))
    ndim = n.ndim + count
    axes = data.draw(st.permutations(range(ndim)))[:count]
    axes = negative_spelling(data, axes, ndim)
    axis = axes[0] if count == 1 and data.draw(st.booleans()) else tuple(axes)
    assert_same_view(mi.expand_dims(m, axis), np.expand_dims(n, axis), m, n)


@given(pair=twins(), data=st.data())
def test_squeeze(pair, data):
    m, n = pair
    ones = [k for k in range(n.ndim) if n.shape[k] == 1]
    choice = data.draw(st.sampled_from(["None", "int", "tuple"]))
    if choice == "None" or not ones:
        axis = None
    else:
        axes = data.draw(st.permutations(ones))
        axes = axes[:data.draw(st.integers(1 if choice == "int" else 0,
                                           len(axes)))]
        axes = negative_spelling(data, axes, n.ndim)
        axis = axes[0] if choice == "int" else tuple(axes)
    assert_same_view(m.squeeze(axis), n.squeeze(axis), m, n)
    assert_same_view(mi.squeeze(m, axis), np.squeeze(n, axis), m, n)
    if axis is None:
        assert_same_view(m.squeeze(), n.squeeze(), m, n)


AXIS_ARGUMENTS = st.lists(st.integers(-7, 6), max_size=4)


@st.composite
def plain_twins(draw):
    """Cheap owner twins (zeros of a random shape, 0-d and size 0
    included), for tests about argument parsing, where the layout plays no
    part and quick shrinking matters."""
    shape = draw(hnp.array_shapes(min_dims=0, max_dims=4, min_side=0,
                                  max_side=3))
    return mi.zeros(shape), np.zeros(shape)


@given(pair=plain_twins(), raw=AXIS_ARGUMENTS, as_int=st.booleans())
def test_squeeze_any_axis_argument(pair, raw, as_int):
    """Random axis arguments: valid, non-1 axes ("cannot select an axis to
    squeeze out which has size not equal to one"), repeated, out of
    range -- minind returns or raises as NumPy does."""
    m, n = pair
    axis = raw[0] if as_int and raw else tuple(raw)
    result = same_outcome(lambda: m.squeeze(axis), lambda: n.squeeze(axis))
    if result is not None:
        assert_same_view(*result, m, n)


@given(pair=plain_twins(), first=st.integers(-7, 6),
       second=st.integers(-7, 6))
def test_swapaxes_any_axis_argument(pair, first, second):
    m, n = pair
    result = same_outcome(lambda: m.swapaxes(first, second),
                          lambda: n.swapaxes(first, second))
    if result is not None:
        assert_same_view(*result, m, n)


@given(pair=plain_twins(), source=AXIS_ARGUMENTS, destination=AXIS_ARGUMENTS,
       as_int=st.booleans())
def test_moveaxis_any_axis_argument(pair, source, destination, as_int):
    """Length mismatch, repeated and out-of-range axes: NumPy's errors."""
    m, n = pair
    if as_int and source and destination:
        source, destination = source[0], destination[0]
    else:
        source, destination = tuple(source), tuple(destination)
    result = same_outcome(lambda: mi.moveaxis(m, source, destination),
                          lambda: np.moveaxis(n, source, destination))
    if result is not None:
        assert_same_view(*result, m, n)


@pytest.mark.parametrize("source, destination", [
    (range(4), range(4)), (range(2), (1, 0)), (np.array([0, 1]), [1, 0]),
    (iter([3]), 0), ({1: "a"}, 0), ("ab", 0), (1.5, 0), ([1.5], 0),
    (None, 0), ([None], 0), (range(5), range(5)), (2 ** 31, 0),
    (-2 ** 31 - 1, 0), (2 ** 31 - 1, 0), (2 ** 63, 0)])
def test_moveaxis_iterates_what_is_not_an_integer(source, destination):
    """NumPy's moveaxis and flip call normalize_axis_tuple, which iterates
    any axis argument that is not an integer (NumPy's
    TestMoveaxis::test_preserve_order moves ``range(4)``), and read each
    axis as a C int (a float, 2**31: CPython's TypeError, OverflowError).
    """
    n, m = np.zeros((1, 2, 3, 4)), mi.zeros((1, 2, 3, 4))
    copies = [source, source]
    if isinstance(source, type(iter([]))):
        copies = [iter([3]), iter([3])]
    result = same_outcome(lambda: mi.moveaxis(m, copies[0], destination),
                          lambda: np.moveaxis(n, copies[1], destination))
    if result is not None:
        assert_same_view(*result, m, n)
    if not isinstance(copies[0], type(iter([]))):
        result = same_outcome(lambda: mi.flip(m, source),
                              lambda: np.flip(n, source))
        if result is not None:
            assert_same_view(*result, m, n)


@given(pair=plain_twins(), raw=AXIS_ARGUMENTS, as_int=st.booleans())
def test_expand_dims_any_axis_argument(pair, raw, as_int):
    """Repeated axes (NumPy: "repeated axis") and out-of-range axes."""
    m, n = pair
    axis = raw[0] if as_int and raw else tuple(raw)
    result = same_outcome(lambda: mi.expand_dims(m, axis),
                          lambda: np.expand_dims(n, axis))
    if result is not None:
        assert_same_view(*result, m, n)


@pytest.mark.parametrize("call", [
    lambda lib: lib.zeros((2, 3)).transpose(0, 2),
    lambda lib: lib.zeros((2, 3)).swapaxes(0, 2),
    lambda lib: lib.zeros((2, 3)).swapaxes(-3, 0),
    lambda lib: lib.zeros((2, 1)).squeeze(3),
    lambda lib: lib.squeeze(lib.zeros((2, 1)), (1, -3)),
    lambda lib: lib.zeros((2, 1)).squeeze(0),
    lambda lib: lib.moveaxis(lib.zeros((2, 3)), 2, 0),
    lambda lib: lib.moveaxis(lib.zeros((2, 3)), 0, -3),
    lambda lib: lib.moveaxis(lib.zeros((2, 3)), (0, 1), 0),
    lambda lib: lib.moveaxis(lib.zeros((2, 3)), (0, 0), (0, 1)),
    lambda lib: lib.moveaxis(lib.zeros((2, 3)), (0, 1), (1, 1)),
    lambda lib: lib.expand_dims(lib.zeros((2, 3)), 3),
    lambda lib: lib.expand_dims(lib.zeros((2, 3)), (0, 4)),
    lambda lib: lib.expand_dims(lib.zeros((2, 3)), (0, 0)),
    lambda lib: lib.expand_dims(lib.zeros((2, 3)), (1, -3)),
], ids=["transpose-oob", "swapaxes-oob-axis2", "swapaxes-oob-axis1",
        "squeeze-oob", "squeeze-oob-tuple", "squeeze-non-1",
        "moveaxis-oob-source", "moveaxis-oob-destination",
        "moveaxis-length-mismatch", "moveaxis-repeated-source",
        "moveaxis-repeated-destination", "expand_dims-oob",
        "expand_dims-oob-tuple", "expand_dims-repeated",
        "expand_dims-repeated-negative"])
def test_axis_errors_match_numpy(call):
    """Class (AxisError is both ValueError and IndexError) and message."""
    assert same_outcome(lambda: call(mi), lambda: call(np)) is None


# ---------------------------------------------------------------------------
# reshape
# ---------------------------------------------------------------------------

RESHAPE_SPELLINGS = {
    "method(tuple)": lambda lib, x, shape, **kw: x.reshape(shape, **kw),
    "method(*shape)": lambda lib, x, shape, **kw: x.reshape(*shape, **kw),
    "method(list)": lambda lib, x, shape, **kw: x.reshape(list(shape), **kw),
    "function": lambda lib, x, shape, **kw: lib.reshape(x, shape, **kw),
}


@given(pair=twins(), data=st.data())
def test_reshape(pair, data):
    """Random compatible shapes (with -1, size-0 and size-1 axes), orders,
    copy=None/True/False, every layout: a view exactly when NumPy makes
    one, same strides, same base structure, or NumPy's error."""
    m, n = pair
    shape = data.draw(target_shapes(n.size))
    if len(shape) == 1 and data.draw(st.booleans()):
        shape = shape[0]                 # a bare int
    order = data.draw(st.sampled_from(["C", "F", "A"]))
    copy = data.draw(st.sampled_from([None, True, False]))
    names = list(RESHAPE_SPELLINGS)
    if not isinstance(shape, tuple) or not shape:
        names.remove("method(*shape)")   # x.reshape() is a TypeError
        names.remove("method(list)")
    name = data.draw(st.sampled_from(names))
    note(f"{name} shape={shape} order={order} copy={copy}")
    spelling = RESHAPE_SPELLINGS[name]
    result = same_outcome(
        lambda: spelling(mi, m, shape, order=order, copy=copy),
        lambda: spelling(np, n, shape, order=order, copy=copy))
    if result is not None:
        assert_same_view(*result, m, n)


@given(pair=twins(), data=st.data())
def test_reshape_default_arguments(pair, data):
    """``reshape(shape)`` with no order and copy: NumPy's view or copy."""
    m, n = pair
    shape = data.draw(target_shapes(n.size))
    for m_call, n_call in [
            (lambda: m.reshape(shape), lambda: n.reshape(shape)),
            (lambda: mi.reshape(m, shape), lambda: np.reshape(n, shape))]:
        result = same_outcome(m_call, n_call)
        if result is not None:
            assert_same_view(*result, m, n)


@given(pair=twins(), raw=st.lists(st.integers(-3, 7), max_size=5),
       order=st.sampled_from(["C", "F", "A"]))
def test_reshape_any_shape(pair, raw, order):
    """Arbitrary shapes: two unknowns ("can only specify one unknown
    dimension"), incompatible sizes ("cannot reshape array of size 6 into
    shape (4,newaxis)"), or a valid reshape."""
    m, n = pair
    shape = tuple(raw)
    result = same_outcome(lambda: m.reshape(shape, order=order),
                          lambda: n.reshape(shape, order=order))
    if result is not None:
        assert_same_view(*result, m, n)
    result = same_outcome(lambda: mi.reshape(m, shape, order=order),
                          lambda: np.reshape(n, shape, order=order))
    if result is not None:
        assert_same_view(*result, m, n)


@pytest.mark.parametrize("shape", [
    (4, 2), (4, -1), (-1, 4), (7,), 7, (0, -1), (-1, -1), (-1, 4, -1),
    (2, 3, 0), (-2, 3), (-1, 0), (2, 3), (3, 2), (-1,), (6, 1, -1),
])
def test_reshape_errors_match_numpy(shape):
    n = np.arange(6.0).reshape(2, 3)
    m = mi.arange(6.0).reshape(2, 3)
    result = same_outcome(lambda: m.reshape(shape),
                          lambda: n.reshape(shape))
    if result is not None:
        assert_same_view(*result, m, n)


@pytest.mark.parametrize("args, kwargs", [
    ((), {}), ((6,), {}), ((6, "C", None), {}), ((6,), {"order": "C"}),
    ((), {"shape": 6}), ((), {"newshape": 6}), ((6,), {"foo": 1}),
    ((6,), {"copy": "always"}), ((6,), {"copy": 0}),
    ((6,), {"shape": 6})])
def test_reshape_function_signature(args, kwargs):
    """``reshape(a, shape, order="C", *, copy=None)``, a Python function
    in NumPy, so wrong calls raise Python's own TypeError, word for word
    (NumPy's TestNonarrayArgs::test_reshape_shape_arg); ``copy`` is read
    by NumPy's converter (no strings; 0 means never copy)."""
    n = np.arange(6.0)[::-1]
    m = mi.arange(6.0)[::-1]
    result = same_outcome(lambda: mi.reshape(m, *args, **kwargs),
                          lambda: np.reshape(n, *args, **kwargs))
    if result is not None:
        assert_same_view(*result, m, n)
    with pytest.raises(TypeError) as error:
        mi.reshape()
    assert str(error.value) == ("reshape() missing 2 required positional "
                                "arguments: 'a' and 'shape'")


@pytest.mark.parametrize("copy", ["always", "", 0, [], 1, None, 2.0])
def test_reshape_method_reads_copy_as_numpy(copy):
    n = np.arange(6.0).reshape(2, 3).T
    m = mi.arange(6.0).reshape(2, 3).T
    result = same_outcome(lambda: m.reshape(6, copy=copy),
                          lambda: n.reshape(6, copy=copy))
    if result is not None:
        assert_same_view(*result, m, n)


@pytest.mark.parametrize("shape", [(2.0, 3), (2, 3.0), 6.0, [6.0],
                                   ("2", 3), "6", None, (2, None)])
def test_reshape_non_integer_dims(shape):
    """Float (and other non-integer) dimensions: NumPy's TypeError text.
    (``None`` alone is accepted by NumPy: the same shape, as a view.)"""
    n = np.arange(6.0)
    m = mi.arange(6.0)
    for result in (same_outcome(lambda: m.reshape(shape),
                                lambda: n.reshape(shape)),
                   same_outcome(lambda: mi.reshape(m, shape),
                                lambda: np.reshape(n, shape))):
        assert (result is None) == (shape is not None)
        if result is not None:
            assert_same_view(*result, m, n)


@pytest.mark.parametrize("make, shape, order", [
    # -1 resolving to the current shape: NumPy does not take its "same
    # shape" shortcut then, so length-1 axes get recomputed strides.
    (lambda lib: lib.zeros((3, 4))[:, :1], (3, -1), "C"),
    (lambda lib: lib.zeros((3, 4))[:, :1], (-1, 1), "C"),
    (lambda lib: lib.zeros((3, 4))[:, :1], (3, 1), "C"),
    (lambda lib: lib.zeros((3, 4))[:, :1], (3, 1, 1), "C"),
    (lambda lib: lib.zeros((4, 3))[:1].T, (-1, 1), "F"),
    (lambda lib: lib.zeros((3, 4))[:, ::2], (3, -1), "C"),
    (lambda lib: lib.zeros((3, 4))[:, ::2], (6,), "C"),
    (lambda lib: lib.zeros((3, 4))[:, ::2], (6,), "F"),
    (lambda lib: lib.zeros((3, 4))[::-1], (2, 6), "C"),
    (lambda lib: lib.zeros((3, 4))[::-1], (12,), "A"),
    # Empty arrays: NumPy fills reshape strides as if 0-length axes were 1.
    (lambda lib: lib.zeros((0, 3)), (3, 0), "C"),
    (lambda lib: lib.zeros((0, 3)), (3, 0), "F"),
    (lambda lib: lib.zeros((0, 3)), (-1,), "C"),
    (lambda lib: lib.zeros((0, 3)), (0, 3), "C"),
    (lambda lib: lib.zeros((0, 3)), (-1, 3), "C"),
    (lambda lib: lib.zeros(0), -1, "C"),
    (lambda lib: lib.zeros(0), (2, 0, 5), "C"),
])
def test_reshape_known_layouts(make, shape, order):
    n, m = make(np), make(mi)
    assert_same_layout(m, n)
    assert_same_view(m.reshape(shape, order=order),
                     n.reshape(shape, order=order), m, n)


def test_reshape_of_transpose_copies_into_a_new_owner():
    n = np.arange(16).reshape(4, 4)
    m = mi.arange(16).reshape(4, 4)
    n_result, m_result = n.T.reshape(16), m.T.reshape(16)
    assert_same_view(m_result, n_result, m.T, n.T)
    assert view_kind(m_result, m.T) == "a view of a new copy"
    assert m_result.base is not m
    assert m_result.base.flags.owndata and m_result.base.base is None
    # copy=False refuses, with NumPy's message.
    assert same_outcome(lambda: m.T.reshape(16, copy=False),
                        lambda: n.T.reshape(16, copy=False)) is None
    with pytest.raises(ValueError,
                       match="Unable to avoid creating a copy while "
                             "reshaping."):
        m.T.reshape(16, copy=False)


# ---------------------------------------------------------------------------
# The pure no-copy reshape helper
# ---------------------------------------------------------------------------

@st.composite
def strided_layouts(draw):
    """(shape, strides, itemsize) of a non-empty array: strides made from
    a contiguous layout of a possibly larger shape, permuted, stepped,
    negated or zeroed per axis, or arbitrary multiples of the itemsize."""
    itemsize = draw(st.sampled_from([1, 2, 4, 8]))
    shape = draw(hnp.array_shapes(min_dims=0, max_dims=4, min_side=1,
                                  max_side=4))
    ndim = len(shape)
    if draw(st.booleans()):
        steps = [draw(st.sampled_from([1, 1, 1, 2, 3])) for _ in shape]
        big = [length * step for length, step in zip(shape, steps)]
        perm = draw(st.permutations(range(ndim)))
        contiguous = _layout.py_contiguous_strides(
            tuple(big[p] for p in perm), itemsize,
            draw(st.sampled_from("CF")))
        strides = [0] * ndim
        for k, p in enumerate(perm):
            strides[p] = contiguous[k]
        strides = [stride * step for stride, step in zip(strides, steps)]
        strides = [stride * draw(st.sampled_from([1, 1, 1, -1, 0]))
                   for stride in strides]
    else:
        strides = [itemsize * draw(st.integers(-12, 12)) for _ in shape]
    return tuple(shape), tuple(strides), itemsize


def numpy_strided(shape, strides, itemsize):
    """A NumPy array with exactly this layout over a fresh buffer."""
    low, high = _layout.py_byte_extent(shape, strides, itemsize)
    buffer = np.zeros(high - low, dtype=np.uint8)
    return np.ndarray(shape, dtype=f"u{itemsize}", buffer=buffer,
                      offset=-low, strides=strides)


@settings(max_examples=scaled(300))
@given(layout=strided_layouts(), data=st.data())
def test_py_nocopy_reshape(layout, data):
    """The helper returns the strides NumPy's view gets, or None exactly
    when NumPy (reshape with copy=False) must copy.  NumPy only runs the
    algorithm on arrays not already contiguous in the reading order and
    not reshaped to their own shape; for those the helper must still
    succeed, with NumPy's strides on every axis longer than 1 (the stride
    of a length-1 axis is free)."""
    shape, strides, itemsize = layout
    new_shape = data.draw(target_shapes(math.prod(shape), unknown=False))
    order = data.draw(st.sampled_from("CF"))
    check_nocopy_reshape(shape, strides, itemsize, new_shape, order)


@pytest.mark.parametrize("shape, strides, itemsize, new_shape, order", [
    ((2, 3), (8, 16), 8, (6,), "C"),          # F array read in C: copy
    ((2, 3), (8, 16), 8, (6,), "F"),
    ((2, 3), (8, 16), 8, (3, 2), "F"),
    ((4, 3), (48, 8), 8, (2, 2, 3), "C"),     # gapped rows split
    ((4, 3), (48, 8), 8, (12,), "C"),
    ((4, 3), (-24, 8), 8, (2, 2, 3, 1), "C"),  # reversed rows
    ((3, 4), (0, 8), 8, (3, 2, 2), "C"),      # broadcast rows
    ((3, 4), (0, 8), 8, (6, 2), "C"),
    ((2, 1, 3), (24, 1000, 4), 4, (1, 6, 1), "C"),
    ((2, 3), (4, 8), 4, (1, 1, 6, 1), "F"),
    ((2, 1, 3), (24, 1000, 4), 4, (2, 1, 3), "C"),  # same shape
    ((2, 3), (24, 4), 4, (2, 1, 3), "C"),
])
def test_py_nocopy_reshape_known(shape, strides, itemsize, new_shape, order):
    check_nocopy_reshape(shape, strides, itemsize, new_shape, order)


def check_nocopy_reshape(shape, strides, itemsize, new_shape, order):
    x = numpy_strided(shape, strides, itemsize)
    got = _layout.py_nocopy_reshape(shape, strides, itemsize, new_shape,
                                    order)
    contiguous = x.flags.c_contiguous if order == "C" else \
        x.flags.f_contiguous
    ok, expected = outcome(lambda: np.reshape(x, new_shape, order=order,
                                              copy=False))
    if contiguous or tuple(new_shape) == tuple(shape):
        # NumPy skips the algorithm (contiguous: fresh strides; same
        # shape: the same strides), so only axes longer than 1 must agree.
        assert ok
        assert got is not None
        assert len(got) == len(new_shape)
        for length, mine, theirs in zip(new_shape, got, expected.strides):
            if length != 1:
                assert mine == theirs
    elif ok:
        assert got == expected.strides
    else:
        assert isinstance(expected, ValueError)
        assert got is None


# ---------------------------------------------------------------------------
# ravel and flatten
# ---------------------------------------------------------------------------

@given(pair=twins(), order=st.sampled_from(["C", "F", "A", "K"]))
def test_ravel(pair, order):
    """A view exactly when NumPy gives one (K: any layout whose axes,
    sorted by stride, tile memory; never with negative strides)."""
    m, n = pair
    assert_same_view(m.ravel(order), n.ravel(order), m, n)
    assert_same_view(mi.ravel(m, order), np.ravel(n, order), m, n)


@given(pair=twins())
def test_ravel_default_order(pair):
    m, n = pair
    assert_same_view(m.ravel(), n.ravel(), m, n)
    assert_same_view(mi.ravel(m), np.ravel(n), m, n)


@given(pair=twins(), order=st.sampled_from(["C", "F", "A", "K"]))
def test_flatten(pair, order):
    """Always a new 1-d owner, elements in NumPy's order."""
    m, n = pair
    assert_same_view(m.flatten(order), n.flatten(order), m, n)
    assert m.flatten(order).base is None
    assert_same_view(m.flatten(), n.flatten(), m, n)


@pytest.mark.parametrize("make", [
    lambda lib: lib.arange(12).reshape(3, 4).T,
    lambda lib: lib.asfortranarray(lib.arange(12).reshape(3, 4)),
    lambda lib: lib.arange(24).reshape(2, 3, 4).transpose(1, 2, 0),
    lambda lib: lib.arange(12).reshape(3, 4)[::-1],
    lambda lib: lib.arange(12).reshape(3, 4)[:, ::2],
    lambda lib: lib.arange(12).reshape(3, 4)[::2].T,
    lambda lib: lib.broadcast_to(lib.arange(2), (2, 2)),
    lambda lib: lib.broadcast_to(lib.arange(3).reshape(3, 1), (3, 2)),
    lambda lib: lib.broadcast_to(lib.arange(4).reshape(2, 1, 2), (2, 3, 2)),
], ids=["T", "F", "transposed-3d", "negative", "gapped", "gapped-T",
        "broadcast-rows", "broadcast-columns", "broadcast-middle"])
@pytest.mark.parametrize("order", ["C", "F", "A", "K"])
def test_ravel_known_layouts(make, order):
    n, m = make(np), make(mi)
    assert_same_view(m.ravel(order), n.ravel(order), m, n)
    assert_same_view(m.flatten(order), n.flatten(order), m, n)


# ---------------------------------------------------------------------------
# Broadcasting
# ---------------------------------------------------------------------------

@st.composite
def shape_arguments(draw, shapes):
    """Shapes as broadcast_shapes accepts them: tuples, or bare ints for
    1-d shapes."""
    return [shape[0] if len(shape) == 1 and draw(st.booleans()) else shape
            for shape in shapes]


@given(data=st.data(), count=st.integers(1, 6))
def test_broadcast_shapes(data, count):
    shapes, result = data.draw(hnp.mutually_broadcastable_shapes(
        num_shapes=count, min_dims=0, max_dims=4, min_side=0, max_side=4))
    args = data.draw(shape_arguments(shapes))
    expected = np.broadcast_shapes(*args)
    assert expected == result
    assert mi.broadcast_shapes(*args) == expected
    assert mi_st.broadcast_shapes(*args) == expected


def test_broadcast_shapes_edge_cases():
    for args in [(), ((),), (3,), (0,), ((0, 1), (1, 5)), ((0,), 1),
                 ((2, 1), 3), (((1,) * 5), (2,)), ((3, 1, 0), (1, 4, 1))]:
        assert mi.broadcast_shapes(*args) == np.broadcast_shapes(*args)


@settings(max_examples=scaled(300))
@given(shapes=st.lists(hnp.array_shapes(min_dims=0, max_dims=3, min_side=0,
                                        max_side=3), max_size=6),
       data=st.data())
@example(shapes=[(3,), (2,)], data=None)
@example(shapes=[(1, 3), (5, 1), (2, 1), (4,)], data=None)
def test_broadcast_shapes_any(shapes, data):
    """Random shapes, mostly incompatible: the result, or NumPy's exact
    "shape mismatch: objects cannot be broadcast to a single shape.
    Mismatch is between arg 0 with shape (3,) and arg 1 with shape (2,)."
    """
    args = shapes if data is None else data.draw(shape_arguments(shapes))
    result = same_outcome(lambda: mi.broadcast_shapes(*args),
                          lambda: np.broadcast_shapes(*args))
    if result is not None:
        assert result[0] == result[1]


@pytest.mark.parametrize("args", [
    ((-1, 3),), ((1.0, 3),), (2.5,), ("3",), ((2, "3"),), ((2, None),),
])
def test_broadcast_shapes_bad_arguments(args):
    assert same_outcome(lambda: mi.broadcast_shapes(*args),
                        lambda: np.broadcast_shapes(*args)) is None


@given(pair=twins(), data=st.data())
def test_broadcast_to(pair, data):
    """Zero strides on stretched axes, read-only, a view of the input's
    memory; setting WRITEABLE back to True behaves as in NumPy."""
    m, n = pair
    other = data.draw(hnp.broadcastable_shapes(n.shape, min_dims=0,
                                               max_dims=n.ndim + 2,
                                               min_side=0, max_side=4))
    target = np.broadcast_shapes(n.shape, other)
    spelling = data.draw(st.sampled_from(["tuple", "list", "int"]))
    if spelling == "list":
        target = list(target)
    elif spelling == "int" and len(target) == 1:
        target = target[0]
    m_result = mi.broadcast_to(m, target)
    n_result = np.broadcast_to(n, target)
    assert_same_view(m_result, n_result, m, n)
    assert not m_result.flags.writeable
    m_result2 = mi_st.broadcast_to(m, target)
    assert_same_view(m_result2, n_result, m, n)

    def make_writeable(result):
        result.flags.writeable = True
        return result.flags.writeable

    result = same_outcome(lambda: make_writeable(m_result),
                          lambda: make_writeable(n_result))
    if result is not None:
        assert result[0] == result[1]
    assert m_result.flags.writeable == n_result.flags.writeable


@given(pair=twins(), raw=st.lists(st.integers(-1, 5), max_size=5),
       as_int=st.booleans())
def test_broadcast_to_any_shape(pair, raw, as_int):
    """Incompatible shapes, negative lengths, too few dimensions: NumPy's
    errors; otherwise NumPy's view."""
    m, n = pair
    target = raw[0] if as_int and len(raw) == 1 else tuple(raw)
    result = same_outcome(lambda: mi.broadcast_to(m, target),
                          lambda: np.broadcast_to(n, target))
    if result is not None:
        assert_same_view(*result, m, n)


@pytest.mark.parametrize("source, target", [
    ((3,), (4, 2)), ((2, 3), (4, 2, 2)), ((3,), (-1, 3)), ((2, 3), (3,)),
    ((2, 3), ()), ((3,), 3.0), ((3,), (3.0,)), ((1,), (2, -2)),
])
def test_broadcast_to_errors_match_numpy(source, target):
    n, m = np.zeros(source), mi.zeros(source)
    assert same_outcome(lambda: mi.broadcast_to(m, target),
                        lambda: np.broadcast_to(n, target)) is None


@given(data=st.data(), count=st.integers(0, 4))
def test_broadcast_arrays(data, count):
    """A tuple of views; inputs that already have the common shape are
    returned as they are (as NumPy does); stretched views keep the input's
    WRITEABLE flag."""
    shapes, result_shape = data.draw(hnp.mutually_broadcastable_shapes(
        num_shapes=max(count, 1), min_dims=0, max_dims=3, min_side=0,
        max_side=3))
    pairs = [data.draw(twins_shaped(shape)) for shape in shapes[:count]]
    m_args = [m for m, _ in pairs]
    n_args = [n for _, n in pairs]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        n_results = np.broadcast_arrays(*n_args)
    m_results = mi.broadcast_arrays(*m_args)
    assert type(m_results) is type(n_results) is tuple
    assert len(m_results) == len(n_results) == count
    for m_result, n_result, m, n in zip(m_results, n_results, m_args,
                                        n_args):
        assert (m_result is m) == (n_result is n)
        assert_same_view(m_result, n_result, m, n)


def test_broadcast_arrays_mismatch():
    result = same_outcome(
        lambda: mi.broadcast_arrays(mi.zeros(3), mi.zeros(2)),
        lambda: np.broadcast_arrays(np.zeros(3), np.zeros(2)))
    assert result is None


# Every way to write into an array, each tried on a fresh stretched view of
# broadcast_arrays (it is writeable, but warns on the first write).
BROADCAST_WRITES = {
    "setitem": lambda xp, v: v.__setitem__((0, 0), 7),
    "setitem advanced": lambda xp, v: v.__setitem__(([0], [1]), 7),
    "fill": lambda xp, v: v.fill(7),
    "ufunc out=": lambda xp, v: xp.add(1, 2, out=v),
    "in-place operator": lambda xp, v: v.__iadd__(1),
    "reduce out=": lambda xp, v: xp.add.reduce(
        xp.ones((3, 2, 3)), axis=0, out=v),
    "accumulate out=": lambda xp, v: xp.add.accumulate(
        xp.ones((2, 3)), axis=0, out=v),
    "sum out=": lambda xp, v: xp.ones((4, 2, 3)).sum(axis=0, out=v),
    "matmul out=": lambda xp, v: xp.matmul(xp.ones((2, 2)),
                                           xp.ones((2, 3)), out=v),
    "sort": lambda xp, v: v.sort(),
    "put": lambda xp, v: xp.put(v, [0], [7.0]),
    "take out=": lambda xp, v: xp.take(xp.ones(9), [[0, 1, 2], [3, 4, 5]],
                                       out=v),
    "concatenate out=": lambda xp, v: xp.concatenate(
        [xp.ones((1, 3)), xp.ones((1, 3))], out=v),
    "writable buffer": lambda xp, v: memoryview(v).cast("B"),
}


# Writes whose values in overlapping memory are accidents of NumPy's
# machinery, not its semantics: put writes a copy back, element after
# element (the last, untouched, wins), and a reduction accumulates
# straight into out's shared memory.  minind writes what the call says.
OVERLAP_ACCIDENTS = {"put", "reduce out=", "sum out="}


def _warnings_of(call):
    """(result or exception type name, [(category, message)] warned)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            outcome = call()
        except Exception as exc:  # noqa: BLE001 - compared with NumPy's
            outcome = type(exc).__name__
    return outcome, [(w.category.__name__, str(w.message)) for w in caught]


@pytest.mark.parametrize("name", sorted(BROADCAST_WRITES))
def test_broadcast_arrays_warn_on_write(name):
    """A stretched view of broadcast_arrays (``(1, 3)`` against
    ``(2, 1)``: both stretched, every element shared) warns as NumPy's
    does: a DeprecationWarning with NumPy's words on the first write,
    whatever writes; none on the next write, and no FutureWarning on
    reading ``flags.writeable`` after it.  The values written are NumPy's
    too."""
    write = BROADCAST_WRITES[name]
    seen = []
    for xp in (mi, np):
        view = xp.broadcast_arrays(xp.arange(3.0).reshape(1, 3),
                                   xp.zeros((2, 1)))[0]
        first = _warnings_of(lambda: write(xp, view))
        again = _warnings_of(lambda: write(xp, view))
        after = _warnings_of(lambda: view.flags.writeable)
        seen.append((first[1], again[1], after,
                     None if name in OVERLAP_ACCIDENTS
                     else np.array(view, copy=True).tolist()))
    assert seen[0] == seen[1]
    assert seen[1][0] or name == "writable buffer", "NumPy warned"


def test_broadcast_arrays_warning_flags():
    """What WARN_ON_WRITE changes and what ends it, beside NumPy: reading
    ``flags.writeable``, ``flags['W']`` or the combined flags that
    include it warns (FutureWarning), the repr does not; views inherit the flag; a memoryview is read-only; setting
    ``flags.writeable`` either way, or ``setflags``, ends it; an argument
    already of the full shape, a read-only argument and a copy are never
    flagged."""
    steps = [
        lambda xp, v, w: v.flags.writeable,
        lambda xp, v, w: v.flags["WRITEABLE"],
        lambda xp, v, w: v.flags["W"],
        lambda xp, v, w: (v.flags["BEHAVED"], v.flags.carray,
                          v.flags.farray, repr(v.flags)),
        lambda xp, v, w: v.T.flags.writeable,
        lambda xp, v, w: v[:, 1:].flags.writeable,
        lambda xp, v, w: v.reshape(6).flags.writeable,
        lambda xp, v, w: v.copy().flags.writeable,
        lambda xp, v, w: memoryview(v).readonly,
        lambda xp, v, w: w.flags.writeable,
        lambda xp, v, w: memoryview(w).readonly,
        lambda xp, v, w: v.setflags(write=False),
        lambda xp, v, w: v.flags.writeable,
        lambda xp, v, w: v.setflags(write=True),
        lambda xp, v, w: (v.flags.writeable, memoryview(v).readonly),
    ]
    seen = []
    for xp in (mi, np):
        full = xp.zeros((2, 3))
        v, w = xp.broadcast_arrays(xp.arange(3.0), full)
        assert w is full
        log = [_warnings_of(lambda: step(xp, v, w)) for step in steps]
        frozen = xp.arange(3.0)
        frozen.flags.writeable = False
        log.append(_warnings_of(lambda: xp.broadcast_arrays(
            frozen, full)[0].flags.writeable))
        u = xp.broadcast_arrays(xp.arange(3.0), full)[0]
        log.append(_warnings_of(lambda: u.__setitem__(0, 1.0)))
        u = xp.broadcast_arrays(xp.arange(3.0), full)[0]
        log.append(_warnings_of(lambda: setattr(u.flags, "writeable",
                                                False)))
        log.append(_warnings_of(lambda: u.flags.writeable))
        seen.append(log)
    assert seen[0] == seen[1]


# Sizes whose byte count (or element count) does not fit 64 bits.  NumPy
# refuses them; minind must too, without crashing (run in a subprocess).
HUGE = [
    "{lib}.broadcast_to({lib}.arange(1), (2**62,))",
    "{lib}.broadcast_to({lib}.arange(1), (2**62, 4))",
    "{lib}.broadcast_to({lib}.arange(4), (2**62, 4))",
    "{lib}.broadcast_shapes((2**62,), (4, 1))",
    "{lib}.lib.stride_tricks.as_strided({lib}.arange(10), (2**62,), (0,))",
    "{lib}.lib.stride_tricks.as_strided({lib}.arange(10), (2**31, 2**31), "
    "(0, 0))",
    "{lib}.lib.stride_tricks.as_strided({lib}.arange(10), (2**62, 4), "
    "(0, 0))",
]


@pytest.mark.parametrize("template", HUGE)
def test_huge_shapes_refused_like_numpy(template):
    expected = numpy_outcome_text(lambda: eval(template.format(lib="np")))
    assert expected.startswith("ValueError")
    assert run_isolated(template.format(lib="mi")) == expected


# ---------------------------------------------------------------------------
# as_strided: NumPy's views inside the buffer, refusal outside
# ---------------------------------------------------------------------------

def buffer_values(count, dtype):
    """Distinct-ish values; booleans as 0/1 bytes so any byte reads as a
    valid bool."""
    if dtype == np.bool_:
        return np.arange(count) % 3 == 0
    return np.arange(count).astype(dtype)


@st.composite
def stride_requests(draw, itemsize, reach):
    """(shape, strides): small shapes (0-d and size 0 included), strides
    up to ``reach`` items either way, zero strides, and sometimes byte
    strides that are not multiples of the itemsize."""
    ndim = draw(st.integers(0, 3))
    shape = tuple(draw(st.integers(0 if draw(st.booleans()) else 1, 4))
                  for _ in range(ndim))
    raw = draw(st.booleans())
    strides = tuple(
        draw(st.integers(-reach * itemsize, reach * itemsize)) if raw
        else itemsize * draw(st.integers(-reach, reach))
        for _ in range(ndim))
    return shape, strides


def inside(shape, strides, itemsize, first, start, end):
    """Whether every element of the view starting at byte ``first`` lies
    in [start, end)."""
    if 0 in shape:
        return True
    low, high = first, first + itemsize
    for length, stride in zip(shape, strides):
        reach = stride * (length - 1)
        if reach < 0:
            low += reach
        else:
            high += reach
    return start <= low and high <= end


@given(dtype=dtypes, data=st.data())
def test_as_strided_on_owner(dtype, data):
    """From a view in the middle of a minind owner (forwards or reversed):
    any shape and strides inside the owner's buffer give NumPy's view;
    any reaching outside are refused with ValueError."""
    count = data.draw(st.integers(0, 24))
    n_buffer = buffer_values(count, dtype)
    m_buffer = mi.array(n_buffer)
    offset = data.draw(st.integers(0, max(count - 1, 0)))
    reverse = data.draw(st.booleans())
    index = slice(offset, None, -1 if reverse else 1)
    n_source, m_source = n_buffer[index], m_buffer[index]
    assert_same_layout(m_source, n_source)
    shape, strides = data.draw(stride_requests(dtype.itemsize, 8))
    writeable = data.draw(st.booleans())
    as_list = data.draw(st.booleans())
    args = (list(shape), list(strides)) if as_list else (shape, strides)
    itemsize = dtype.itemsize
    if inside(shape, strides, itemsize, offset * itemsize, 0,
              count * itemsize):
        event("inside")
        m_result = mi_st.as_strided(m_source, *args, writeable=writeable)
        n_result = np_st.as_strided(n_source, *args, writeable=writeable)
        assert_same(m_result, n_result)
        assert not m_result.flags.owndata
        assert m_result.flags.writeable == writeable
        assert_as_strided_base(m_result, m_source, n_result, n_source)
    else:
        with pytest.raises(ValueError):
            mi_st.as_strided(m_source, *args, writeable=writeable)


@given(pair=twins(layouts=["C", "sliced", "transposed", "broadcast",
                           "readonly"]))
def test_as_strided_defaults(pair):
    """No shape or strides: the input's own layout, as a view."""
    m, n = pair
    m_result, n_result = mi_st.as_strided(m), np_st.as_strided(n)
    assert_same(m_result, n_result)
    assert_as_strided_base(m_result, m, n_result, n)


@given(dtype=dtypes, data=st.data())
def test_as_strided_on_imported_array(dtype, data):
    """For an array imported from NumPy, the bound is the imported buffer
    (the bytes the exported array spans), also for views of the import."""
    n_full = buffer_values(30, dtype).reshape(
        data.draw(st.sampled_from([(30,), (5, 6), (2, 3, 5)])))
    n_import = data.draw(sliced(n_full))
    m_import = mi.asarray(n_import)
    # NumPy's buffer export recomputes the strides of contiguous and empty
    # arrays (see strategies.twins): start NumPy from minind's strides.
    n_import = np_st.as_strided(n_import, n_import.shape, m_import.strides)
    assert_same_layout(m_import, n_import)
    if n_import.ndim and n_import.shape[0] and data.draw(st.booleans()):
        # A minind view of the import: same bound.
        sub = data.draw(st.integers(0, n_import.shape[0] - 1))
        n_source, m_source = n_import[sub:], m_import[sub:]
    else:
        n_source, m_source = n_import, m_import
    shape, strides = data.draw(stride_requests(dtype.itemsize, 12))
    start, end = byte_bounds(n_import)
    if n_import.size == 0:
        end = start
    first = n_source.__array_interface__["data"][0]
    note(f"bounds {start}..{end}, first {first}")
    if inside(shape, strides, dtype.itemsize, first, start, end):
        event("inside")
        m_result = mi_st.as_strided(m_source, shape, strides)
        n_result = np_st.as_strided(n_source, shape, strides)
        assert_same(m_result, n_result)
        assert_as_strided_base(m_result, m_source, n_result, n_source)
    else:
        with pytest.raises(ValueError):
            mi_st.as_strided(m_source, shape, strides)


INT64 = st.integers(-2**63, 2**63 - 1)


@given(shape=st.lists(st.integers(1, 2**62), min_size=1, max_size=4),
       data=st.data(), offset=st.integers(0, 9))
@example(shape=[10, 10], data=None, offset=0)
@example(shape=[3], data=None, offset=0)
@example(shape=[2**31, 2**31], data=None, offset=5)
def test_as_strided_refuses_outside(shape, data, offset):
    """Shapes and strides reaching outside the buffer, including huge ones
    whose extent overflows 64-bit arithmetic: always ValueError, never a
    crash (the issue: ``as_strided(mi.arange(10), (10, 10), (8, 8))``)."""
    if data is None:
        strides = {(10, 10): [8, 8], (3,): [2**62],
                   (2**31, 2**31): [2**33, -8]}[tuple(shape)]
    else:
        strides = [data.draw(INT64) for _ in shape]
    buffer = mi.arange(10)
    source = buffer[offset:]
    assume(not inside(shape, strides, 8, 8 * offset, 0, 80))
    with pytest.raises(ValueError):
        mi_st.as_strided(source, tuple(shape), tuple(strides))
    with pytest.raises(ValueError):
        mi_st.as_strided(mi.asarray(np.arange(10)[offset:]), tuple(shape),
                         tuple(strides))


@pytest.mark.parametrize("shape, strides", [
    ((2,), (2**63 + 8,)), ((2,), (-2**63 - 8,)), ((1, 2), (2**64, 8)),
    ((3, 3), (2**63 - 1, 2**63 - 1)), ((2, 2), (-2**63, -2**63)),
])
def test_as_strided_strides_beyond_int64_refused(shape, strides):
    """Strides that do not even fit a Py_ssize_t: refused, either with
    minind's out-of-bounds ValueError or NumPy's OverflowError."""
    with pytest.raises((ValueError, OverflowError)):
        mi_st.as_strided(mi.arange(10), shape, strides)


def test_as_strided_length_mismatch():
    result = same_outcome(
        lambda: mi_st.as_strided(mi.arange(10), (1, 2), (8,)),
        lambda: np_st.as_strided(np.arange(10), (1, 2), (8,)))
    assert result is None


# ---------------------------------------------------------------------------
# sliding_window_view
# ---------------------------------------------------------------------------

@given(pair=twins(), data=st.data(), writeable=st.booleans())
def test_sliding_window_view(pair, data, writeable):
    """Random windows (sometimes too large) over all axes or listed axes
    (repeated axes allowed, as NumPy does): NumPy's shape, strides,
    values, read-only flag, or NumPy's error."""
    m, n = pair
    if n.ndim == 0 or data.draw(st.booleans()):
        axis = None
        window = tuple(data.draw(st.integers(0, length + 1 if
                                             data.draw(st.booleans()) else
                                             length))
                       for length in n.shape)
    else:
        axes = data.draw(st.lists(st.integers(-n.ndim, n.ndim - 1),
                                  max_size=3))
        window = tuple(data.draw(st.integers(0, 3)) for _ in axes)
        axis = axes[0] if len(axes) == 1 and data.draw(st.booleans()) \
            else tuple(axes)
    if len(window) == 1 and data.draw(st.booleans()):
        window = window[0]
    note(f"window={window} axis={axis}")
    result = same_outcome(
        lambda: mi_st.sliding_window_view(m, window, axis,
                                          writeable=writeable),
        lambda: np_st.sliding_window_view(n, window, axis,
                                          writeable=writeable))
    if result is not None:
        m_result, n_result = result
        assert_same(m_result, n_result)
        assert not m_result.flags.owndata
        assert_as_strided_base(m_result, m, n_result, n)


@pytest.mark.parametrize("shape, window, axis", [
    ((3,), 4, None), ((3,), -1, None), ((3, 3), 2, None),
    ((3, 3), (2, 2), 0), ((3, 3), 2, 2), ((3, 3), 2, -3),
    ((5, 3), (3, 3), (0, 0)), ((5, 3), (2, 2), (0, 0)), ((3,), (), None),
    ((), (), None), ((), 1, None), ((3, 3), (1, 1, 1), (0, 1)),
])
def test_sliding_window_view_errors_match_numpy(shape, window, axis):
    n, m = np.zeros(shape), mi.zeros(shape)
    result = same_outcome(
        lambda: mi_st.sliding_window_view(m, window, axis),
        lambda: np_st.sliding_window_view(n, window, axis))
    if result is not None:
        assert_same(*result)


# ---------------------------------------------------------------------------
# shares_memory and may_share_memory
# ---------------------------------------------------------------------------

MEMORY_CALLS = [("shares_memory", None), ("shares_memory", -1),
                ("may_share_memory", None), ("may_share_memory", 0),
                ("may_share_memory", -1)]
# shares_memory(max_work=0) is checked on its own (NumPy raises
# TooHardError when the bounds overlap), so that a disagreement there does
# not hide the others.
MAX_WORK_ZERO = [("shares_memory", 0)]


def assert_same_overlap(m_a, m_b, n_a, n_b, calls=MEMORY_CALLS):
    """Every (function, max_work) answers as NumPy's: True/False, or the
    same TooHardError."""
    for name, max_work in calls:
        kwargs = {} if max_work is None else {"max_work": max_work}
        if currently_in_test_context():
            note(f"{name}(max_work={max_work})")
        result = same_outcome(lambda: getattr(mi, name)(m_a, m_b, **kwargs),
                              lambda: getattr(np, name)(n_a, n_b, **kwargs))
        if result is not None:
            assert type(result[0]) is bool
            assert result[0] == result[1]


@st.composite
def view_recipes(draw, shape):
    """A basic index (as a tuple ending in ..., so the result is always an
    array), then maybe a transpose, then maybe a broadcast."""
    index = draw(hnp.basic_indices(shape, min_dims=0, allow_newaxis=True,
                                   allow_ellipsis=True))
    index = index if isinstance(index, tuple) else (index,)
    if not any(item is Ellipsis for item in index):
        index = index + (Ellipsis,)
    transpose = draw(st.booleans())
    broadcast = draw(st.integers(0, 2))
    return index, transpose, broadcast


def apply_recipe(lib, array, recipe):
    index, transpose, broadcast = recipe
    view = array[index]
    if transpose:
        view = view.T
    if broadcast:
        view = lib.broadcast_to(view, (broadcast,) + view.shape)
    return view


@given(data=st.data(), dtype=dtypes,
       shape=hnp.array_shapes(min_dims=1, max_dims=3, min_side=0,
                              max_side=6))
def test_shares_memory_views(data, dtype, shape):
    """Random pairs of basic-index views of one array (interleaved slices,
    transposes, broadcasts, size 0): exact and bounds answers as NumPy's.
    The minind views are made by minind from a minind owner."""
    n = data.draw(numpy_arrays(dtype, shape))
    m = mi.array(n)
    recipes = [data.draw(view_recipes(shape)) for _ in range(2)]
    n_views = [apply_recipe(np, n, recipe) for recipe in recipes]
    m_views = [apply_recipe(mi, m, recipe) for recipe in recipes]
    for m_view, n_view in zip(m_views, n_views):
        # The views are the same (strides of empty views are the indexing
        # tests' business: they cannot change any answer here).
        assert m_view.shape == n_view.shape
        if n_view.size:
            assert_same_layout(m_view, n_view)
    assert_same_overlap(*m_views, *n_views)
    assert_same_overlap(m_views[0], m, n_views[0], n)


@given(data=st.data(), dtype=dtypes,
       shape=hnp.array_shapes(min_dims=1, max_dims=3, min_side=0,
                              max_side=6))
def test_shares_memory_max_work_zero(data, dtype, shape):
    """``shares_memory(a, b, max_work=0)``: only the bounds check is
    allowed; NumPy answers False when the bounds are disjoint and raises
    TooHardError when they overlap."""
    n = data.draw(numpy_arrays(dtype, shape))
    m = mi.array(n)
    recipes = [data.draw(view_recipes(shape)) for _ in range(2)]
    n_views = [apply_recipe(np, n, recipe) for recipe in recipes]
    m_views = [apply_recipe(mi, m, recipe) for recipe in recipes]
    assert_same_overlap(*m_views, *n_views, calls=MAX_WORK_ZERO)


@pytest.mark.parametrize("make", [
    lambda a: (a[::2], a[1::2]),
    lambda a: (a[::2], a[2::2]),
    lambda a: (a[::3], a[1::2]),
    lambda a: (a[::-2], a[1::2]),
    lambda a: (a[:6], a[6:]),
    lambda a: (a[:7], a[6:]),
    lambda a: (a.reshape(3, 4)[:, ::2], a.reshape(3, 4)[:, 1::2]),
    lambda a: (a.reshape(3, 4)[:, :2], a.reshape(3, 4).T[2:]),
    lambda a: (a.reshape(3, 4)[:, 1], a.reshape(3, 4)[1, :]),
    lambda a: (a[:0], a),
    lambda a: (a[5:5], a[4:6]),
    lambda a: (a, a),
], ids=["interleaved", "disjoint-steps", "steps-3-2", "reversed-vs-odd",
        "halves", "overlapping-halves", "columns-interleaved",
        "columns-vs-transpose", "row-vs-column", "empty", "empty-inside",
        "self"])
def test_shares_memory_known_pairs(make):
    n, m = np.arange(12), mi.arange(12)
    n_a, n_b = make(n)
    m_a, m_b = make(m)
    assert_same_overlap(m_a, m_b, n_a, n_b)


@pytest.mark.parametrize("max_work", [
    None, 0, 1, -1, -2, -3, True, 2 ** 63 - 1, 2 ** 63, 10 ** 100,
    -2 ** 63, -2 ** 63 - 1, 1.5, "a", np.int8(3), mi.int8(3)])
@pytest.mark.parametrize("name", ["may_share_memory", "shares_memory"])
def test_max_work_is_read_as_numpy_reads_it(name, max_work):
    """A Python int (a bool too) that fits a Py_ssize_t, -2 or more:
    OverflowError beyond (NumPy's test_may_share_memory_bad_max_work),
    ValueError for anything else."""
    n, m = np.arange(12), mi.arange(12)
    kwargs = {"max_work": max_work}
    result = same_outcome(
        lambda: getattr(mi, name)(m[::2], m[1::2], **kwargs),
        lambda: getattr(np, name)(n[::2], n[1::2], **kwargs))
    if result is not None:
        assert result[0] == result[1]


def test_shares_memory_max_work_zero_known():
    n, m = np.arange(12), mi.arange(12)
    assert_same_overlap(m[:6], m[6:], n[:6], n[6:], calls=MAX_WORK_ZERO)
    assert_same_overlap(m[::2], m[1::2], n[::2], n[1::2],
                        calls=MAX_WORK_ZERO)


@given(data=st.data(),
       first=st.sampled_from([d for d in NP_DTYPES if d != np.bool_]),
       second=st.sampled_from(NP_DTYPES))
def test_shares_memory_across_dtypes(data, first, second):
    """Arrays of different dtypes viewing one uint8 buffer (made with
    NumPy's ``.view(dtype)``, imported with mi.asarray)."""
    buffer = np.zeros(64, dtype=np.uint8)
    views = []
    for dtype in (first, second):
        start = data.draw(st.integers(0, 32))
        count = data.draw(st.integers(0, (64 - start) // dtype.itemsize))
        view = buffer[start:start + count * dtype.itemsize].view(dtype)
        index = data.draw(hnp.basic_indices(view.shape, allow_newaxis=True))
        index = index if isinstance(index, tuple) else (index,)
        if not any(item is Ellipsis for item in index):
            index = index + (Ellipsis,)
        views.append(view[index])
    n_a, n_b = views
    assert_same_overlap(mi.asarray(n_a), mi.asarray(n_b), n_a, n_b)


def test_too_hard_error_class():
    assert issubclass(mi.exceptions.TooHardError, RuntimeError)
    assert issubclass(np.exceptions.TooHardError, RuntimeError)


# ---------------------------------------------------------------------------
# diagonal, rollaxis, flipud/fliplr, shape/ndim/size
# ---------------------------------------------------------------------------

def start_offset(result, source):
    """Bytes from ``source``'s first element to ``result``'s."""
    return (result.__array_interface__["data"][0]
            - source.__array_interface__["data"][0])


@given(pair=twins(), data=st.data())
def test_diagonal(pair, data):
    """Every layout, offsets inside and past both ends, axes in any
    order and spelling, out of range or equal: NumPy's view (shape,
    strides, read-only, base, where it starts) or NumPy's error, from
    the method and the function."""
    m, n = pair
    offset = data.draw(st.integers(-6, 6))
    first = data.draw(st.integers(-n.ndim - 1, n.ndim))
    second = data.draw(st.integers(-n.ndim - 1, n.ndim))
    calls = [(lambda x: x.diagonal(offset, first, second)),
             (lambda x: x.diagonal(offset=offset, axis2=second)),
             (lambda x: x.diagonal()),
             (lambda x: (mi if isinstance(x, mi.MiniArray) else np)
              .diagonal(x, offset, first, second))]
    for k, call in enumerate(calls):
        note(f"call {k}")
        result = same_outcome(lambda: call(m), lambda: call(n))
        if result is None:
            continue
        m_result, n_result = result
        assert_same_view(m_result, n_result, m, n)
        assert not m_result.flags.writeable
        assert start_offset(m_result, m) == start_offset(n_result, n)


@pytest.mark.parametrize("shape", [(3, 4), (2, 3, 4), (4, 0), (0, 3)])
@pytest.mark.parametrize("offset", [-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5])
def test_diagonal_offsets_at_the_edges(shape, offset):
    """An offset exactly at an end gives an empty diagonal that starts
    there; one beyond it, an empty diagonal at the array's start (NumPy's
    ``PyArray_Diagonal``)."""
    n = np.arange(math.prod(shape), dtype=np.int16).reshape(shape)
    m = mi.arange(math.prod(shape), dtype=mi.int16).reshape(shape)
    for axes in ((0, 1), (1, 0), (-1, 0)):
        m_result = m.diagonal(offset, *axes)
        n_result = n.diagonal(offset, *axes)
        assert_same_view(m_result, n_result, m, n)
        assert start_offset(m_result, m) == start_offset(n_result, n)


@pytest.mark.parametrize("array, kwargs", [
    (np.arange(3), {}), (np.array(5), {}),
    (np.arange(3), {"axis1": 5}),
    (np.zeros((2, 3)), {"axis1": 1, "axis2": 1}),
    (np.zeros((2, 3)), {"axis1": -1, "axis2": 1}),
    (np.zeros((2, 3, 4)), {"axis1": 0, "axis2": 3}),
    (np.zeros((2, 3, 4)), {"axis1": -4}),
    (np.zeros((2, 3, 4)), {"axis1": 5, "axis2": 5}),
    (np.zeros((2, 3)), {"offset": 1.5}),
    (np.zeros((2, 3)), {"offset": "1"}),
    (np.zeros((2, 3)), {"offset": None}),
    (np.zeros((2, 3)), {"offset": 2 ** 31}),
    (np.zeros((2, 3)), {"offset": -2 ** 31 - 1}),
    (np.zeros((2, 3)), {"offset": 2 ** 70}),
    (np.zeros((2, 3)), {"axis1": 2 ** 40}),
    (np.zeros((2, 3)), {"axis2": 1.0}),
    (np.zeros((2, 3)), {"axis1": 1, "axis2": 1, "offset": 1.5}),
    (np.arange(3), {"offset": 1.5}),
    (np.zeros((2, 3)), {"offset": True}),
    (np.zeros((2, 3)), {"offset": np.int64(-1)}),
    (np.zeros((2, 3)), {"offset": 2 ** 31 - 1}),
])
def test_diagonal_errors_match_numpy(array, kwargs):
    m = mi.asarray(array)
    for call in (lambda lib, x: x.diagonal(**kwargs),
                 lambda lib, x: lib.diagonal(x, **kwargs)):
        result = same_outcome(lambda: call(mi, m), lambda: call(np, array))
        if result is not None:
            assert_same_view(*result, m, array)


def test_diagonal_is_read_only_but_a_view():
    """Writing is refused with NumPy's message; once WRITEABLE is set
    again (allowed: the memory is), a write reaches the array.  A list
    is converted first, as in NumPy."""
    m = mi.zeros((3, 3))
    d = m.diagonal()
    with pytest.raises(ValueError, match="assignment destination is "
                                         "read-only"):
        d[0] = 1
    d.flags.writeable = True
    d[1] = 7
    assert m[1, 1] == 7 and d.base is m
    assert mi.diagonal([[1, 2], [3, 4]]).tolist() == [1, 4]
    r = mi.zeros((3, 3))
    r.flags.writeable = False
    with pytest.raises(ValueError):
        r.diagonal().flags.writeable = True


@given(pair=twins(), data=st.data())
def test_rollaxis(pair, data):
    """Positive and negative axis and start, ``start == ndim``, the
    no-move case (``a[...]``, a new view) and NumPy's errors."""
    m, n = pair
    axis = data.draw(st.integers(-n.ndim - 1, n.ndim))
    start = data.draw(st.integers(-n.ndim - 2, n.ndim + 1))
    for call in (lambda lib, x: lib.rollaxis(x, axis, start),
                 lambda lib, x: lib.rollaxis(x, axis)):
        result = same_outcome(lambda: call(mi, m), lambda: call(np, n))
        if result is not None:
            assert_same_view(*result, m, n)
            assert result[0] is not m


@pytest.mark.parametrize("args", [(1.0,), (1, 1.0), (True,), (2 ** 40,),
                                  (2 ** 70,), (0, -5), (0, 5), (-5,)])
def test_rollaxis_errors_match_numpy(args):
    n = np.ones((1, 2, 3, 4))
    m = mi.ones((1, 2, 3, 4))
    result = same_outcome(lambda: mi.rollaxis(m, *args),
                          lambda: np.rollaxis(n, *args))
    if result is not None:
        assert_same_view(*result, m, n)
    with pytest.raises(AttributeError):
        mi.rollaxis([[1, 2]], 0)            # as NumPy: a.ndim first


@given(pair=twins())
def test_flipud_fliplr(pair):
    m, n = pair
    for name in ("flipud", "fliplr"):
        note(name)
        result = same_outcome(lambda: getattr(mi, name)(m),
                              lambda: getattr(np, name)(n))
        if result is not None:
            assert_same_view(*result, m, n)


def test_flipud_fliplr_take_lists():
    assert mi.flipud([1, 2, 3]).tolist() == [3, 2, 1]
    assert mi.fliplr([[1, 2], [3, 4]]).tolist() == [[2, 1], [4, 3]]
    for name, value in (("flipud", 5), ("fliplr", [1, 2])):
        result = same_outcome(lambda: getattr(mi, name)(value),
                              lambda: getattr(np, name)(value))
        assert result is None


@given(pair=twins(), data=st.data())
def test_shape_ndim_size(pair, data):
    """The functions of arrays and of nested lists; ``size`` over an
    axis, a tuple of axes (``()``: 1), or bad ones (NumPy's errors)."""
    m, n = pair
    for x, y in ((m, n), (n.tolist(), n.tolist())):
        assert mi.shape(x) == np.shape(y)
        assert mi.ndim(x) == np.ndim(y)
        assert mi.size(x) == np.size(y)
        axis = data.draw(st.integers(-n.ndim - 1, n.ndim)
                         | st.lists(st.integers(-n.ndim - 1, n.ndim),
                                    max_size=3).map(tuple))
        result = same_outcome(lambda: mi.size(x, axis),
                              lambda: np.size(y, axis))
        if result is not None:
            assert type(result[0]) is int
            assert result[0] == result[1]


@pytest.mark.parametrize("axis", [1.0, "0", (0, 0), (0, -2), [1, 0],
                                  2 ** 70, None])
def test_size_axis_errors_match_numpy(axis):
    n = np.zeros((2, 3))
    m = mi.zeros((2, 3))
    result = same_outcome(lambda: mi.size(m, axis), lambda: np.size(n, axis))
    if result is not None:
        assert result[0] == result[1]


# ---------------------------------------------------------------------------
# Worked examples, and the public names
# ---------------------------------------------------------------------------

def test_broadcast_to_and_sliding_window_examples():
    m = mi.broadcast_to(mi.arange(3), (4, 3))
    n = np.broadcast_to(np.arange(3), (4, 3))
    assert m.strides == n.strides == (0, 8)
    assert not m.flags.writeable
    assert_same(m, n)
    with pytest.raises(ValueError):
        m[0, 0] = 1

    m = mi_st.sliding_window_view(mi.arange(8.0), 5)
    n = np_st.sliding_window_view(np.arange(8.0), 5)
    assert m.shape == n.shape == (4, 5)
    assert m.strides == n.strides == (8, 8)
    assert_same(m, n)

    with pytest.raises(ValueError):
        mi_st.as_strided(mi.arange(10), (10, 10), (8, 8))


def test_public_names():
    for name in ("as_strided", "sliding_window_view"):
        assert hasattr(np_st, name)
        assert hasattr(mi_st, name)
    for name in ("broadcast_to", "broadcast_arrays", "broadcast_shapes"):
        assert getattr(mi_st, name) is getattr(mi, name)
    assert issubclass(mi.AxisError, ValueError)
    assert issubclass(mi.AxisError, IndexError)
    assert mi.exceptions.AxisError is mi.AxisError


def test_empty_as_strided_views_index_anywhere():
    """An empty as_strided view may have any strides (nothing is read),
    so indexing it may put the view's start 3 * 2**62 bytes away; the
    address is computed without overflow (the sanitizer job's UBSan would
    report it) and the views are NumPy's (the fuzzer's find)."""
    n = np.lib.stride_tricks.as_strided(np.zeros(1, np.int8), shape=(4, 0),
                                        strides=(2 ** 62, 1))
    m = mi.lib.stride_tricks.as_strided(mi.zeros(1, mi.int8), shape=(4, 0),
                                        strides=(2 ** 62, 1))
    for key in (-1, 3, slice(2, None), (slice(None, None, -1), 0)):
        try:
            expected = n[key]
        except IndexError:
            with pytest.raises(IndexError):
                m[key]
            continue
        assert m[key].shape == expected.shape
        assert m[key].strides == expected.strides


@pytest.mark.parametrize("call", [
    lambda xp, a: xp.reshape(a, (True, -1)),
    lambda xp, a: a.reshape((xp.True_, -1)),
    lambda xp, a: a.reshape(True, -1),
    lambda xp, a: xp.take(a, [0], False),
    lambda xp, a: xp.zeros((xp.True_, 2)),
])
def test_a_bool_is_not_a_length_or_an_axis(call):
    """NumPy's C converters refuse True where an integer length or axis
    is wanted (its own test_bool_as_int_argument_errors)."""
    n = np.zeros((1, 1, 1))
    with pytest.raises(TypeError):
        call(np, n)
    with pytest.raises(TypeError):
        call(mi, mi.asarray(n))
