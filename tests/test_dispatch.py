"""NumPy's dispatch protocols: NumPy functions on minind arrays run minind.

``np.add(m, m)``, ``np.sum(m)``, ``np.concatenate([m, m])``: NumPy finds a
MiniArray among the arguments and hands the call to minind (NEP 13's
``__array_ufunc__``, NEP 18's ``__array_function__``).  Every test checks
two things: the result is minind's (a MiniArray or a minind scalar, so
minind's loops ran), and it equals what NumPy computes on NumPy arrays.
"""
import inspect
import operator

import numpy as np
import pytest
from hypothesis import given, strategies as st

import minind as mi
from minind import _dispatch
from strategies import (LAYOUTS, assert_same, assert_same_scalar, twins)


def assert_minind_result(got, want):
    """``got`` was computed by minind and equals NumPy's ``want``."""
    if isinstance(want, np.ndarray):
        assert isinstance(got, mi.MiniArray), type(got)
        assert got.dtype.name == want.dtype.name
        assert got.shape == want.shape
        np.testing.assert_array_equal(np.asarray(got), want, strict=True)
    elif isinstance(want, np.generic):
        assert_same_scalar(got, want)
    else:
        assert type(got) is type(want) and got == want


def minind_ufuncs_numpy_has():
    return sorted(name for name, value in vars(mi).items()
                  if isinstance(value, mi.ufunc) and isinstance(
                      getattr(np, name, None), np.ufunc))


# ---------------------------------------------------------------------------
# __array_ufunc__
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", minind_ufuncs_numpy_has())
def test_every_numpy_ufunc_minind_has_dispatches(name):
    """np.<ufunc>(minind arrays) runs minind's ufunc of that name."""
    n_func = getattr(np, name)
    n = np.array([[1, 2, 3], [4, 5, 6]], dtype=np.int64)
    if name in ("sqrt", "log", "log1p", "exp", "expm1", "tanh", "sin",
                "cos") or not any(t.startswith("l") for t in n_func.types):
        n = n.astype(np.float64)
    m = mi.asarray(n)
    with np.errstate(all="ignore"):
        want = n_func(*[n] * n_func.nin)
    got = n_func(*[m] * n_func.nin)
    if n_func.nout == 1:                   # (divmod's are pairs)
        got, want = (got,), (want,)
    assert type(got) is tuple and len(got) == n_func.nout
    for mine, theirs in zip(got, want):
        assert isinstance(mine, mi.MiniArray)
        np.testing.assert_allclose(np.asarray(mine), theirs, rtol=1e-15)


@given(x=twins(), y=twins(layouts=["C", "F", "readonly"]),
       name=st.sampled_from(["add", "multiply", "maximum", "less",
                             "bitwise_or", "logical_xor"]))
def test_binary_ufuncs_in_every_layout(x, y, name):
    (m1, n1), (m2, n2) = x, y
    n_func = getattr(np, name)
    with np.errstate(all="ignore"):
        try:
            want = n_func(n1, n2)
        except (TypeError, ValueError) as exc:
            with pytest.raises(type(exc)):
                n_func(m1, m2)
            return
        got = n_func(m1, m2)
        assert_minind_result(got, want)
        # Mixed calls and operators run minind's loops too.
        assert_minind_result(n_func(m1, n2), want)
        assert_minind_result(n_func(n1, m2), want)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_mixed_operators(layout):
    """m + n and n + m are minind's: NumPy's operator defers to
    __array_ufunc__."""
    n = np.arange(12.0).reshape(3, 4)
    m = mi.asarray(n)
    for op in (operator.add, operator.mul, operator.lt, operator.truediv):
        with np.errstate(all="ignore"):
            want = op(n, n)
        assert_minind_result(op(m, n), want)
        assert_minind_result(op(n, m), want)
        with np.errstate(all="ignore"):
            want = op(np.float32(2), n)
        assert_minind_result(op(np.float32(2), m), want)


def test_ufunc_methods_and_out():
    n = np.arange(12.0).reshape(3, 4)
    m = mi.asarray(n)
    for axis in (0, 1, None):
        assert_minind_result(np.add.reduce(m, axis=axis),
                             np.add.reduce(n, axis=axis))
        assert_minind_result(np.maximum.reduce(m, axis=axis, keepdims=True),
                             np.maximum.reduce(n, axis=axis, keepdims=True))
    assert_minind_result(np.add.accumulate(m, axis=1),
                         np.add.accumulate(n, axis=1))
    assert_minind_result(np.multiply.outer(m[0], m[1]),
                         np.multiply.outer(n[0], n[1]))
    assert_minind_result(np.add.reduceat(m, [0, 2, 1], axis=1),
                         np.add.reduceat(n, [0, 2, 1], axis=1))
    # out=: a minind array and a NumPy array, returned as given.
    for out in (mi.zeros((3, 4)), np.zeros((3, 4))):
        result = np.add(m, 1, out=out)
        assert result is out
        np.testing.assert_array_equal(np.asarray(out), n + 1)
        result = np.exp(m, out=(out,))
        assert result is out
    out = np.zeros(4)
    assert np.add.reduce(m, axis=0, out=out) is out
    np.testing.assert_array_equal(out, n.sum(axis=0))


def test_what_minind_lacks_is_numpys_type_error():
    """NotImplemented for a ufunc, method or function minind does not
    have: NumPy raises its TypeError, nothing is converted silently."""
    m = mi.arange(4.0)
    with pytest.raises(TypeError, match="NotImplemented"):
        np.frexp(m)
    with pytest.raises(TypeError, match="NotImplemented"):
        np.ldexp.reduce(m)
    with pytest.raises(TypeError, match="no implementation found"):
        np.median(m)
    # ...while NumPy's own conversion stays available.
    np.testing.assert_array_equal(np.frexp(np.asarray(m))[0],
                                  np.frexp(np.arange(4.0))[0])


def test_other_array_libraries_are_deferred_to():
    """An operand of an unknown type with __array_ufunc__: minind says
    NotImplemented, so that library gets its turn."""
    class Other:
        def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
            return "other"

        def __array_function__(self, func, types, args, kwargs):
            return "other"
    m = mi.arange(3.0)
    assert np.add(m, Other()) == "other"
    assert np.concatenate([m, Other()]) == "other"


# ---------------------------------------------------------------------------
# Operators that step aside (NumPy's binop_override.h; minind's _override)
# ---------------------------------------------------------------------------

BINARY = ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow",
          "matmul", "and", "or", "xor", "lshift", "rshift"]
COMPARISONS = {"eq": "eq", "ne": "ne", "lt": "gt", "le": "ge", "gt": "lt",
               "ge": "le"}


def _answering(name, **attributes):
    """A class that answers every reflected operator and comparison
    with its name, so a test sees who answered."""
    namespace = dict(attributes)
    for op in BINARY:
        namespace[f"__r{op}__"] = (lambda op: lambda self, other:
                                   f"{name} __r{op}__")(op)
    for op in COMPARISONS:
        namespace[f"__{op}__"] = (lambda op: lambda self, other:
                                  f"{name} __{op}__")(op)
    namespace["__hash__"] = None
    return type(name, (), namespace)


OPTED_OUT = _answering("OptedOut", __array_ufunc__=None)
OUTRANKING = _answering("Outranking", __array_priority__=1000)
OUTRANKING_BY_A_STRING = _answering("OutrankingByAString",
                                    __array_priority__="high")


def _outcome(call):
    try:
        return call()
    except TypeError as error:
        return TypeError, str(error)


@pytest.mark.parametrize("kind", [OPTED_OUT, OUTRANKING])
@pytest.mark.parametrize("left", ["array", "scalar", "0-d"])
@pytest.mark.parametrize("op", BINARY + list(COMPARISONS))
def test_operators_step_aside_like_numpy(op, left, kind):
    """``a <op> obj`` returns NotImplemented, so that obj's reflected
    method answers, when obj opts out of ufuncs (``__array_ufunc__ =
    None``) or outranks an array (``__array_priority__``), for arrays and
    scalars, as in NumPy (NumPy's test_custom_array_like)."""
    def make(xp):
        if left == "array":
            return xp.arange(1, 5)
        return xp.int64(3) if left == "scalar" else xp.asarray(3)
    function = getattr(operator, f"{op}_" if op in ("and", "or") else op)
    got = _outcome(lambda: function(make(mi), kind()))
    want = _outcome(lambda: function(make(np), kind()))
    assert got == want


@pytest.mark.parametrize("op", ["iadd", "isub", "imul", "ilshift"])
def test_in_place_operators_step_aside_as_numpys(op):
    """``a += obj``: never for ``__array_ufunc__ = None`` (the ufunc
    then refuses obj); for a higher priority only when obj's type has
    the in-place method, and then Python goes on to ``a + obj``, which
    steps aside too."""
    with_inplace = _answering(
        "InPlace", __array_priority__=1000,
        **{f"__{op}__": lambda self, other: "in place"})
    for kind in (OPTED_OUT, OUTRANKING, with_inplace):
        got = _outcome(lambda: getattr(operator, op)(mi.arange(1, 5),
                                                     kind()))
        want = _outcome(lambda: getattr(operator, op)(np.arange(1, 5),
                                                      kind()))
        assert type(got) is type(want)
        if isinstance(want, str) or kind is OPTED_OUT:
            assert got == want


def test_what_does_not_outrank_is_computed():
    """No deferral for a lower or unreadable priority, for an
    operand of the array's own type or a subclass, or for an object
    without the reflected method: the ufunc runs (and refuses what it
    cannot read, as NumPy does for an object opting out)."""
    m = mi.arange(1, 5)
    for kind in (OUTRANKING_BY_A_STRING, _answering(
            "Low", __array_priority__=-1), object):
        # (NumPy would make an object array of it and add element-wise)
        with pytest.raises(TypeError, match="numbers only"):
            m + kind()
    bare = type("Bare", (), {"__array_ufunc__": None})
    for xp in (mi, np):
        with pytest.raises(TypeError, match="unsupported operand"):
            xp.arange(3) * bare()
        with pytest.raises(TypeError, match="does not support ufuncs"):
            xp.add(xp.arange(3), bare())
    assert_same(m + m, np.arange(1, 5) * 2)


@pytest.mark.parametrize("op", ["lshift", "rshift", "divmod"])
@given(data=st.data())
def test_shift_and_divmod_operators_like_numpy(op, data):
    """``a << b``, ``a >> b`` and their reflected and in-place forms,
    arrays and scalars: NumPy's left_shift and right_shift; ``divmod`` of
    arrays (the divmod ufunc) and of scalars (scalar math)."""
    m, n = data.draw(twins(dtype=st.sampled_from(
        [np.dtype(t) for t in (np.int8, np.uint8, np.int32, np.uint64)])))
    k = data.draw(st.integers(0, 7))
    function = divmod if op == "divmod" else getattr(operator, op)
    if op == "divmod":
        for got, want in ((divmod(m, k + 1), divmod(n, k + 1)),
                          (divmod(k + 1, m + 1), divmod(k + 1, n + 1))):
            for g, w in zip(got, want):
                if isinstance(w, np.ndarray):
                    assert_same(g, w)
                else:
                    assert_same_scalar(g, w)
        got = divmod(mi.int32(k + 3), mi.int32(k + 1))
        want = divmod(np.int32(k + 3), np.int32(k + 1))
        for g, w in zip(got, want):
            assert_same_scalar(g, w)
        return
    for got, want in ((function(m, k), function(n, k)),
                      (function(k, m), function(k, n)),
                      (function(mi.int32(k + 3), mi.int32(k)),
                       function(np.int32(k + 3), np.int32(k)))):
        if isinstance(want, np.ndarray):
            assert_same(got, want)
        else:
            assert_same_scalar(got, want)
    if m.flags.writeable and 0 not in m.strides:
        m2, n2 = m.copy(), n.copy()
        inplace = getattr(operator, "i" + op)
        assert_same(inplace(m2, k), inplace(n2, k))


# ---------------------------------------------------------------------------
# __array_function__
# ---------------------------------------------------------------------------

A = np.arange(12.0).reshape(3, 4)

# One NumPy call for every function in the dispatch table: (arguments,
# keyword arguments) with NumPy arrays, which the test swaps for minind
# arrays.  The table is derived from minind's namespace, so a function
# added to minind without a row here fails test_table_stays_in_step.
CALLS = {
    "sum": ((A,), {"axis": 0}), "prod": ((A,), {}), "min": ((A,), {}),
    "max": ((A,), {"axis": 1}), "amin": ((A,), {}), "amax": ((A,), {}),
    "mean": ((A,), {"axis": 1}), "var": ((A,), {}), "std": ((A,), {}),
    "argmin": ((A,), {}), "argmax": ((A,), {"axis": 0}),
    "all": ((A,), {}), "any": ((A,), {"axis": 1}),
    "cumsum": ((A,), {"axis": 1}), "cumprod": ((A,), {}),
    "nansum": ((A,), {}), "nanmean": ((A,), {"axis": 0}),
    "clip": ((A, 2, 9), {}), "where": ((A > 3, A, 0.0), {}),
    "nonzero": ((A,), {}), "transpose": ((A,), {}),
    "swapaxes": ((A, 0, 1), {}), "squeeze": ((A[None],), {}),
    "reshape": ((A, (4, 3)), {}), "ravel": ((A,), {}),
    "moveaxis": ((A, 0, -1), {}), "expand_dims": ((A, 1), {}),
    "broadcast_to": ((A[0], (2, 4)), {}),
    "broadcast_arrays": ((A, A[0]), {}),
    "shares_memory": ((A, A[0]), {}), "may_share_memory": ((A, A[0]), {}),
    "empty_like": ((A,), {}), "zeros_like": ((A,), {}),
    "ones_like": ((A,), {}), "full_like": ((A, 7), {}),
    "ascontiguousarray": ((A.T,), {}), "asfortranarray": ((A,), {}),
    "result_type": ((A, 1), {}), "can_cast": ((A, np.int8), {}),
    "as_strided": ((A,), {"shape": (2, 2), "strides": (8, 8)}),
    "astype": ((A, np.float32), {}), "concatenate": (([A, A],), {"axis": 1}),
    "concat": (([A, A],), {}), "stack": (([A, A],), {"axis": 2}),
    "repeat": ((A, 2), {"axis": 0}), "tile": ((A, (2, 1)), {}),
    "resize": ((A, (3, 5)), {}),
    "roll": ((A, 5), {}), "flip": ((A,), {"axis": 1}),
    "permute_dims": ((A, (1, 0)), {}), "matrix_transpose": ((A,), {}),
    "unstack": ((A,), {"axis": 1}), "meshgrid": ((A[0], A[:, 0]), {}),
    "tril": ((A,), {"k": 1}), "triu": ((A,), {}),
    "sliding_window_view": ((A, (2, 2)), {}),
    "take": ((A, np.array([0, 2])), {"axis": 1}),
    "put": ((np.zeros(3), np.array([0, 2]), 1.0), {}),
    "take_along_axis": ((A, np.array([[0], [1], [2]])), {"axis": 1}),
    "argwhere": ((A > 5,), {}), "flatnonzero": ((A > 5,), {}),
    "compress": ((np.array([True, False, True]), A), {"axis": 0}),
    "ix_": ((np.array([0, 2]), np.array([1, 3])), {}),
    "choose": ((np.array([0, 1, 0]), [A[0, :3], A[1, :3]]), {}),
    "putmask": ((np.zeros(3), np.array([True, False, True]), A[0, :2]), {}),
    "place": ((np.zeros(3), np.array([True, False, True]), A[0, :2]), {}),
    "ravel_multi_index": (((np.array([0, 2]), np.array([1, 3])), (3, 4)),
                          {"order": "F"}),
    "unravel_index": ((np.array([[1, 7], [11, 0]]), (3, 4)), {}),
    "vstack": (([A, A[0]],), {}), "hstack": (([A, A],), {}),
    "dstack": (([A, A],), {}), "column_stack": (([A[0], A[0]],), {}),
    "row_stack": (([A, A],), {}), "atleast_1d": ((A[0, 0, ...],), {}),
    "atleast_2d": ((A[0],), {}), "atleast_3d": ((A, A[0]), {}),
    "split": ((A, 2), {"axis": 1}), "array_split": ((A, 2), {}),
    "hsplit": ((A, [1, 3]), {}), "vsplit": ((A, 3), {}),
    "block": (([[A, A[:, :1]], [A[:1], A[:1, :1]]],), {}),
    "delete": ((A, [0, 2]), {"axis": 1}),
    "diff": ((A,), {"n": 2, "axis": 0}),
    "ediff1d": ((A,), {"to_begin": A[0], "to_end": 5}),
    "round": ((A / 7, 2), {}),
    "around": ((A / 7,), {"decimals": -1}), "copy": ((A.T,), {}),
    "count_nonzero": ((A,), {"axis": 1}),
    "cumulative_sum": ((A,), {"axis": 1, "include_initial": True}),
    "cumulative_prod": ((A[0],), {}), "real": ((A,), {}),
    "imag": ((A,), {}), "isclose": ((A, A + 1e-9), {}),
    "allclose": ((A, A), {}), "array_equal": ((A, A), {}),
    "sort": ((A[::-1],), {"axis": 0}), "argsort": ((A,), {"stable": True}),
    "partition": ((A[:, ::-1], 2), {}),
    "argpartition": ((A[:, ::-1], 0), {"axis": None}),
    "lexsort": (((A[0], A[1] % 2),), {}),
    "searchsorted": ((A[0], A[1]), {"side": "right"}),
    "unique": ((A % 5,), {"return_inverse": True, "return_counts": True}),
    "unique_values": ((A % 5,), {}), "unique_counts": ((A % 5,), {}),
    "unique_inverse": ((A % 5,), {}), "unique_all": ((A % 5,), {}),
    "setxor1d": ((A[0] % 3, A[1] % 5), {}),
    "matmul": ((A, A.T), {}), "dot": ((A, A.T), {}), "vdot": ((A, A), {}),
    "inner": ((A, A), {}), "outer": ((A[0], A[1]), {}),
    "tensordot": ((A, A.T), {"axes": 1}), "vecdot": ((A, A), {}),
    "matvec": ((A.T @ A, A), {}),
    "vecmat": ((A, A.T @ A), {"axes": [-1, (1, 0), -1]}),
    "copyto": ((np.zeros((3, 4)), A), {"where": A > 5}),
    "diagonal": ((A,), {"offset": 1}), "trace": ((A, -1), {}),
    "rollaxis": ((A, 1), {}), "flipud": ((A,), {}), "fliplr": ((A,), {}),
    "shape": ((A,), {}), "ndim": ((A,), {}), "size": ((A, 1), {}),
    "ptp": ((A,), {"axis": 0}),
    "isscalar": ((A,), {}),
    "indices": (((2, 3),), {}), "diag": ((A[0],), {"k": -1}),
}
# Functions in the table that are not dispatched by NumPy on an array
# argument (they take shapes or dtypes, or NumPy does not dispatch them),
# with the reason.
NOT_DISPATCHED = {
    "array": "creation from data: dispatches on like= only",
    "asarray": "creation from data: dispatches on like= only",
    "asanyarray": "creation from data: dispatches on like= only",
    "from_dlpack": "takes a producer: dispatches on like= only",
    "ascontiguousarray": "creation from data: dispatches on like= only",
    "asfortranarray": "creation from data: dispatches on like= only",
    "empty": "takes a shape", "zeros": "takes a shape",
    "ones": "takes a shape", "full": "takes a shape",
    "arange": "takes numbers", "promote_types": "takes dtypes",
    "broadcast_shapes": "takes shapes",
    "eye": "takes a shape", "identity": "takes a shape",
    "tri": "takes a shape", "linspace": "takes numbers (not arrays here)",
    "isdtype": "takes dtypes",
    "issubdtype": "takes dtypes (plain Python in NumPy)",
    "frombuffer": "creation from a buffer: dispatches on like= only",
    "loadtxt": "reads text: dispatches on like= only",
    "show": "minind's own: no NumPy counterpart",
    "explain": "minind's own: no NumPy counterpart",
    "get_num_threads": "minind's own: no NumPy counterpart",
    "as_strided": "NumPy does not dispatch it (plain Python)",
    "can_cast": "NumPy decides from the dtype, without dispatch",
    "isscalar": "NumPy does not dispatch it (plain Python)",
    "indices": "takes a shape",
    "seterr": "takes settings (plain Python in NumPy)",
    "geterr": "takes nothing", "geterrcall": "takes nothing",
    "seterrcall": "takes a function (plain Python in NumPy)",
    "errstate": "takes settings (plain Python in NumPy)",
}


def _swap(value):
    if isinstance(value, np.ndarray):
        return mi.asarray(value)
    if isinstance(value, (tuple, list)):
        return type(value)(_swap(v) for v in value)
    return value


def test_table_stays_in_step():
    """The dispatch table is minind's public functions; every one that
    NumPy also has is exercised below or named as not dispatched."""
    table = _dispatch.functions()
    public = {name for name in mi.__all__
              if callable(getattr(mi, name))
              and not isinstance(getattr(mi, name), (type, mi.ufunc))}
    assert public <= set(table)
    assert set(table) <= set(CALLS) | set(NOT_DISPATCHED), (
        sorted(set(table) - set(CALLS) - set(NOT_DISPATCHED)))
    for name in table:
        assert (hasattr(np, name) or hasattr(np.lib.stride_tricks, name)
                or name in NOT_DISPATCHED), name


@pytest.mark.filterwarnings("ignore:`row_stack`:DeprecationWarning")
@pytest.mark.parametrize("name", sorted(CALLS))
def test_numpy_functions_dispatch(name):
    args, kwargs = CALLS[name]
    n_func = getattr(np, name, None) or getattr(np.lib.stride_tricks, name)
    want = n_func(*args, **kwargs)
    got = n_func(*_swap(args), **kwargs)
    if name in NOT_DISPATCHED:
        return
    if name in ("empty_like",):
        assert isinstance(got, mi.MiniArray) and got.shape == want.shape
        return
    if name == "result_type":
        assert got == want
        return
    if isinstance(want, (tuple, list)):
        assert len(got) == len(want)
        for g, w in zip(got, want):
            assert_minind_result(g, w)
        return
    assert_minind_result(got, want)


def test_protocols_are_only_numpys_door():
    """minind's own calls never go through the protocols (no cost)."""
    assert "__array_function__" not in inspect.getsource(mi.sum)


def test_numpy_linalg_dispatches_to_minind_linalg():
    """np.linalg.norm(m) runs mi.linalg.norm (the tutorial's embedding
    normalisation); np.linalg.outer is minind.linalg's 1-d-only outer,
    not np.outer; what minind.linalg lacks stays NumPy's TypeError."""
    n = np.arange(12.0).reshape(3, 4)
    m = mi.asarray(n)
    assert_minind_result(np.linalg.norm(m, axis=1, keepdims=True),
                         np.linalg.norm(n, axis=1, keepdims=True))
    assert_minind_result(np.linalg.norm(m), np.linalg.norm(n))
    assert_minind_result(np.linalg.vector_norm(m, ord=1),
                         np.linalg.vector_norm(n, ord=1))
    assert_minind_result(np.linalg.matrix_norm(m), np.linalg.matrix_norm(n))
    assert_minind_result(np.linalg.outer(m[0], m[1]),
                         np.linalg.outer(n[0], n[1]))
    with pytest.raises(ValueError, match="one-dimensional"):
        np.linalg.outer(m, m[0])
    assert_minind_result(np.linalg.tensordot(m, m.T, axes=1),
                         np.linalg.tensordot(n, n.T, axes=1))
    with pytest.raises(TypeError, match="no implementation found"):
        np.linalg.det(m[:, :3])
