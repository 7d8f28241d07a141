"""The bad-input catalogue: small programs that must fail cleanly.

Each case is a short snippet written against the name ``xp``, which is
bound to ``minind`` in a child process and to ``numpy`` in the test
process (``tests/test_bad_input.py``).  The snippet must raise: minind has
to raise the exception class NumPy raises for the same call.

A case is ``Case(id, code, setup="", expect=None, message=False,
match=None)``:

* ``setup`` runs first (it must not raise); ``code`` is the bad call.
* ``expect`` (an exception class name such as ``"ValueError"``) is given
  only where NumPy cannot be the oracle, because it would read or write
  outside the buffer or accept what minind deliberately refuses (object
  input, strings).  Such cases are never run with NumPy; each one says why
  in a comment.  ``match`` is then a substring the message must contain,
  so the refusal is a clear one.
* ``message=True``: the message must equal NumPy's word for word (kept
  for the messages users paste into a search engine).
* ``returns=True``: NumPy may also succeed (hostile objects it copes
  with, such as a ``__len__`` that lies).  The snippet binds ``result``;
  where NumPy returns numbers, minind must return the same ones (dtype,
  shape, strides, values); where NumPy builds an object array, minind,
  which has none, must raise TypeError.

This module must not import NumPy: it is also the program the child
processes run (``python _badinput_cases.py``), reading cases on stdin
and writing one JSON line per case on stdout, flushed at once, so that
the parent knows which case was running if the child crashes.
"""
import json
import sys
from collections import namedtuple

Case = namedtuple("Case", "id code setup expect message match returns")


def case(id, code, setup="", expect=None, message=False, match=None,
         returns=False):
    return Case(id, code, setup, expect, message, match, returns)


AS_STRIDED = "xp.lib.stride_tricks.as_strided"
WINDOWS = "xp.lib.stride_tricks.sliding_window_view"
READONLY = "a = xp.arange(6.0)\na.flags.writeable = False"

GROUPS = {}     # topic -> cases; each topic runs in one child process

# -- Indexing: reading with a bad basic index --------------------------------
GROUPS["indexing"] = [
    case("index-out-of-bounds", "xp.arange(3)[5]", message=True),
    case("index-negative-out-of-bounds", "xp.arange(3)[-4]", message=True),
    case("index-axis1-out-of-bounds", "xp.zeros((2, 3))[0, 3]",
         message=True),
    case("index-axis1-negative", "xp.zeros((2, 3))[1, -4]", message=True),
    case("index-empty-axis", "xp.zeros((0, 3))[0]", message=True),
    case("index-too-many", "xp.arange(3)[0, 0]", message=True),
    case("index-too-many-0d", "xp.array(5)[0]", message=True),
    case("index-0d-slice", "xp.array(5)[:]"),
    case("index-too-many-with-ellipsis", "xp.arange(3)[..., 0, 0]",
         message=True),
    case("index-too-many-with-newaxis", "xp.arange(3)[None, 0, 0]"),
    case("index-two-ellipses", "xp.zeros((2, 3))[..., ...]", message=True),
    case("expand-dims-65-axis-out-of-bounds",
         "xp.expand_dims(xp.zeros((1,) * 63), (64, 65))", message=True),
    case("expand-dims-65", "xp.expand_dims(xp.zeros((1,) * 63), (0, 1))",
         message=True),
    # Slices keep their axis: with 64 new axes the result would have 65.
    case("index-slice-and-64-newaxes",
         "xp.zeros(2)[(slice(None),) + (None,) * 64]", message=True),
    case("index-ellipsis-and-64-newaxes",
         "xp.zeros((2, 2))[(Ellipsis, 0) + (None,) * 64]", message=True),
    case("setitem-slice-and-64-newaxes",
         "a = xp.zeros(2)\na[(slice(None),) + (None,) * 64] = 1",
         message=True),
    case("index-float", "xp.arange(3)[1.0]", message=True),
    case("index-float-in-tuple", "xp.zeros((2, 3))[0, 1.5]"),
    case("index-string", "xp.arange(3)['a']"),
    case("index-complex", "xp.arange(3)[1j]"),
    case("index-dict", "xp.arange(3)[{}]"),
    case("index-huge-positive", "xp.arange(3)[2**62]"),
    case("index-beyond-int64", "xp.arange(3)[2**63]"),
    case("index-beyond-uint64", "xp.arange(3)[2**64]"),
    case("index-huge-negative", "xp.arange(3)[-2**63]"),
    case("index-below-int64", "xp.arange(3)[-2**63 - 1]"),
    case("index-slice-zero-step", "xp.arange(3)[::0]"),
    case("index-slice-float-step", "xp.arange(3)[::1.5]"),
    case("index-slice-string-stop", "xp.arange(3)[:'a']"),
    case("index-newaxis-beyond-64", "xp.zeros(1)[(None,) * 64]"),
    case("index-float-after-too-many", "xp.arange(3)[0, 0, 1.5]"),
    case("item-out-of-bounds", "xp.arange(3).item(5)", message=True),
    case("item-flat-out-of-bounds", "xp.zeros((2, 3)).item(6)"),
    case("item-wrong-count", "xp.zeros((2, 3)).item(0, 0, 0)"),
    case("item-not-size-1", "xp.zeros(3).item()", message=True),
    case("item-float", "xp.zeros(3).item(1.0)"),
    case("item-beyond-int64", "xp.zeros(3).item(2**63)"),
    case("index-chained-out-of-bounds", "xp.zeros((2, 3))[0][5]"),
    case("index-huge-broadcast-out-of-bounds",
         "xp.broadcast_to(xp.zeros(1), (2**62,))[2**62]", message=True),
    case("len-0d", "len(xp.array(1))", message=True),
    case("iter-0d", "iter(xp.array(1))"),
]

# -- Assignment: bad targets and bad values ----------------------------------
GROUPS["assignment"] = [
    case("set-readonly", "a[0] = 1", setup=READONLY, message=True),
    case("set-readonly-slice", "a[1:] = 0", setup=READONLY, message=True),
    case("set-broadcast-view", "a[0, 0] = 1",
         setup="a = xp.broadcast_to(xp.arange(3), (2, 3))", message=True),
    case("set-out-of-bounds", "a[3] = 1", setup="a = xp.zeros(3)",
         message=True),
    case("set-too-many-indices", "a[0, 0] = 1", setup="a = xp.zeros(3)"),
    case("set-shape-mismatch", "a[:] = xp.zeros(4)",
         setup="a = xp.zeros((2, 3))", message=True),
    case("set-row-from-matrix", "a[0] = xp.zeros((2, 3))",
         setup="a = xp.zeros((2, 3))", message=True),
    case("set-sequence-into-element", "a[0] = [1, 2]",
         setup="a = xp.zeros(3)", message=True),
    case("set-ragged-list", "a[:] = [[1, 2], [3]]",
         setup="a = xp.zeros((2, 2))"),
    case("set-string-into-float", "a[0] = 'abc'", setup="a = xp.zeros(3)"),
    case("set-none-into-int", "a[0] = None",
         setup="a = xp.zeros(3, dtype=xp.int64)"),
    case("set-complex-into-float", "a[0] = 1j", setup="a = xp.zeros(3)"),
    case("set-nan-into-int", "a[0] = float('nan')",
         setup="a = xp.zeros(3, dtype=xp.int64)", message=True),
    case("set-inf-into-int", "a[0] = float('inf')",
         setup="a = xp.zeros(3, dtype=xp.int64)", message=True),
    case("set-300-into-int8", "a[0] = 300",
         setup="a = xp.zeros(3, dtype=xp.int8)"),
    case("set-list-300-into-int8", "a[:] = [300]",
         setup="a = xp.zeros(3, dtype=xp.int8)"),
    case("set-negative-into-uint8", "a[1] = -1",
         setup="a = xp.zeros(3, dtype=xp.uint8)"),
    case("set-2**64-into-uint64", "a[0] = 2**64",
         setup="a = xp.zeros(3, dtype=xp.uint64)"),
    case("set-2**63-into-int64", "a[2] = 2**63",
         setup="a = xp.zeros(3, dtype=xp.int64)"),
    case("fill-readonly", "a.fill(1)", setup=READONLY, message=True),
    case("fill-string-into-int", "xp.zeros(3, dtype=xp.int64).fill('x')"),
    case("iadd-readonly", "a += 1", setup=READONLY),
    case("iadd-float-into-int", "a += 1.5",
         setup="a = xp.zeros(3, dtype=xp.int64)"),
    case("iadd-shape-mismatch", "a += xp.zeros((2, 3))",
         setup="a = xp.zeros(3)"),
    case("iadd-result-has-more-dims", "a += xp.zeros((1, 3))",
         setup="a = xp.zeros(3)", message=True),
    case("set-array-into-element", "a[0] = xp.zeros(3)",
         setup="a = xp.zeros(3)", message=True),
    case("set-ellipsis-shape-mismatch", "a[...] = xp.zeros((2, 3))",
         setup="a = xp.zeros(3)", message=True),
    case("set-readonly-imported-buffer", "a[0] = 1",
         setup="a = xp.ndarray((1,), dtype=xp.uint8, buffer=bytes(1))",
         message=True),
]

# -- Flags and attributes: what may not be set --------------------------------
GROUPS["flags_attributes"] = [
    case("flags-set-c-contiguous", "a.flags['C_CONTIGUOUS'] = False",
         setup="a = xp.zeros(3)", message=True),
    case("flags-unknown-key", "xp.zeros(3).flags['BOGUS']", message=True),
    case("flags-set-owndata-attribute", "a.flags.owndata = False",
         setup="a = xp.zeros(3)"),
    case("flags-writebackifcopy-true", "a.flags.writebackifcopy = True",
         setup="a = xp.zeros(3)", message=True),
    case("flags-writeable-on-readonly-buffer", "a.flags.writeable = True",
         setup="a = xp.asarray(memoryview(bytes(8)))", message=True),
    case("flags-writeable-view-of-readonly-owner",
         "v.flags.writeable = True",
         setup=READONLY + "\nv = a[1:]", message=True),
    case("flags-aligned-true-on-misaligned", "b.flags.aligned = True",
         setup="a = xp.zeros(4, dtype=xp.uint8)\n"
               "b = xp.ndarray((1,), dtype=xp.int16, buffer=a, offset=1)",
         message=True),
    case("flags-unknown-attribute", "xp.zeros(3).flags.bogus"),
    case("setflags-write-view-of-readonly-owner",
         "v.setflags(write=True)", setup=READONLY + "\nv = a[1:]",
         message=True),
    case("setflags-aligned-true-on-misaligned", "b.setflags(align=True)",
         setup="a = xp.zeros(4, dtype=xp.uint8)\n"
               "b = xp.ndarray((1,), dtype=xp.int16, buffer=a, offset=1)",
         message=True),
    case("setflags-uic-true", "xp.zeros(3).setflags(uic=True)",
         message=True),
    case("setflags-bool-raises", "xp.zeros(3).setflags(write=Bad())",
         setup="class Bad:\n    def __bool__(self):\n"
               "        raise ZeroDivisionError('no truth')"),
    case("delete-element", "del a[0]", setup="a = xp.zeros(3)",
         message=True),
    case("delete-slice-of-read-only", "del a[::2]", setup=READONLY,
         message=True),
    case("attribute-ndim", "a.ndim = 3", setup="a = xp.zeros(3)"),
    case("attribute-base", "a.base = None", setup="a = xp.zeros(3)"),
    case("attribute-shape-impossible", "a.shape = (4,)",
         setup="a = xp.zeros(3)"),
    case("attribute-dtype-wider", "a.dtype = xp.int64",
         setup="a = xp.zeros(3, dtype=xp.int8)"),
]

# -- Reshape, ravel, flatten -------------------------------------------------
GROUPS["reshape"] = [
    case("reshape-impossible", "xp.arange(6).reshape(4, 2)", message=True),
    case("reshape-two-unknowns", "xp.arange(6).reshape(-1, -1)",
         message=True),
    case("reshape-unknown-no-fit", "xp.arange(6).reshape(4, -1)",
         message=True),
    case("reshape-two-other-negatives", "xp.arange(6).reshape(-2, -3)",
         message=True),
    case("reshape-zero-size-unknown", "xp.zeros((0, 3)).reshape(-1, 0)"),
    case("reshape-overflowing-product", "xp.arange(6).reshape(2**62, 2**62)"),
    case("reshape-beyond-int64", "xp.arange(6).reshape(2**63, 1)"),
    case("reshape-overflow-then-more-lengths",
         "xp.arange(6).reshape(2, 2**62, 2**62)"),
    case("reshape-65-dimensions", "xp.arange(1).reshape((1,) * 65)"),
    case("reshape-float-length", "xp.arange(6).reshape(2.0, 3)"),
    case("reshape-float-scalar", "xp.arange(6).reshape(6.0)"),
    case("reshape-string", "xp.arange(6).reshape('a')"),
    case("reshape-none-in-tuple", "xp.arange(6).reshape((None, 6))"),
    case("reshape-no-arguments", "xp.arange(6).reshape()"),
    case("reshape-order-k", "xp.arange(6).reshape(2, 3, order='K')",
         message=True),
    case("reshape-order-unknown", "xp.arange(6).reshape(2, 3, order='Z')"),
    case("reshape-copy-false-needs-copy",
         "xp.arange(6).reshape(2, 3).T.reshape(6, copy=False)"),
    case("reshape-function-impossible", "xp.reshape(xp.arange(6), (5,))",
         message=True),
    case("ravel-order-unknown", "xp.arange(3).ravel('X')"),
    case("flatten-order-int", "xp.arange(3).flatten(1)"),
]

# -- Transpose and axis arguments ---------------------------------------------
GROUPS["axes"] = [
    case("transpose-too-few-axes", "xp.zeros((2, 3)).transpose(0)",
         message=True),
    case("transpose-repeated-axis", "xp.zeros((2, 3)).transpose(0, 0)",
         message=True),
    case("transpose-axis-out-of-bounds", "xp.zeros((2, 3)).transpose(0, 2)",
         message=True),
    case("transpose-float-axis", "xp.zeros((2, 3)).transpose(0.0, 1)"),
    case("transpose-function-bad-axes",
         "xp.transpose(xp.zeros((2, 3)), (1, 2))"),
    case("swapaxes-out-of-bounds", "xp.zeros((2, 3)).swapaxes(0, 5)",
         message=True),
    case("moveaxis-out-of-bounds", "xp.moveaxis(xp.zeros((2, 3)), 0, 2)",
         message=True),
    case("moveaxis-repeated", "xp.moveaxis(xp.zeros((2, 3)), [0, 0], [0, 1])",
         message=True),
    case("moveaxis-length-mismatch",
         "xp.moveaxis(xp.zeros((2, 3)), [0, 1], [0])", message=True),
    case("squeeze-not-length-one", "xp.zeros((2, 1)).squeeze(0)",
         message=True),
    case("squeeze-out-of-bounds", "xp.zeros((2, 1)).squeeze(2)",
         message=True),
    case("expand-dims-out-of-bounds", "xp.expand_dims(xp.zeros(3), 3)",
         message=True),
    case("expand-dims-repeated", "xp.expand_dims(xp.zeros(3), (0, 0))",
         message=True),
    case("expand-dims-beyond-64",
         "xp.expand_dims(xp.zeros((1,) * 64), 0)"),
]

# -- Broadcasting -------------------------------------------------------------
GROUPS["broadcasting"] = [
    case("broadcast-binary-op", "xp.zeros((3, 4)) + xp.zeros((2, 4))",
         message=True),
    case("broadcast-three-operands",
         "xp.where(xp.zeros(2, dtype=bool), xp.zeros(3), 0)"),
    case("broadcast-to-shorter", "xp.broadcast_to(xp.zeros(3), (4,))",
         message=True),
    case("broadcast-to-scalar", "xp.broadcast_to(xp.zeros(3), ())",
         message=True),
    case("broadcast-to-fewer-dims",
         "xp.broadcast_to(xp.zeros((2, 3)), (3,))", message=True),
    case("broadcast-to-negative", "xp.broadcast_to(xp.zeros(3), (-1, 3))",
         message=True),
    case("broadcast-to-float", "xp.broadcast_to(xp.zeros(3), (2.0, 3))"),
    case("broadcast-to-overflow",
         "xp.broadcast_to(xp.zeros(1), (2**40, 2**40))"),
    case("broadcast-to-byte-overflow",
         "xp.broadcast_to(xp.zeros(1), (2**61, 2))"),
    case("broadcast-shapes-negative", "xp.broadcast_shapes((-1,), (3,))",
         message=True),
    case("broadcast-shapes-mismatch", "xp.broadcast_shapes((2, 3), (3, 2))",
         message=True),
    case("broadcast-shapes-overflow",
         "xp.broadcast_shapes((2**40, 1), (1, 2**40))"),
    case("broadcast-arrays-mismatch",
         "xp.broadcast_arrays(xp.zeros(2), xp.zeros(3))"),
]

# -- Creation: shapes, dtypes, orders, nested data ----------------------------
GROUPS["creation"] = [
    case("empty-negative", "xp.empty(-1)", message=True),
    case("zeros-negative-in-tuple", "xp.zeros((2, -3))", message=True),
    case("zeros-byte-size-overflow", "xp.zeros((2**32, 2**32))",
         message=True),
    case("zeros-itemsize-overflow", "xp.zeros(2**62, dtype=xp.int64)"),
    case("zeros-empty-but-overflowing", "xp.zeros((0, 2**62, 2**62))"),
    case("empty-dimension-beyond-int64", "xp.empty(2**63)"),
    case("empty-65-dimensions", "xp.empty((1,) * 65)", message=True),
    case("ones-65-dimensions-of-zero", "xp.ones((0,) * 65)"),
    case("zeros-float-shape", "xp.zeros(2.5)"),
    case("zeros-float-in-shape", "xp.zeros((2, 2.0))"),
    case("zeros-string-shape", "xp.zeros('3')"),
    case("zeros-none-in-shape", "xp.zeros((2, None))"),
    case("full-negative", "xp.full(-2, 1.0)"),
    case("full-value-wrong-shape", "xp.full((2,), [1, 2, 3])"),
    case("full-like-300-into-int8",
         "xp.full_like(xp.zeros(3, dtype=xp.int8), 300)", message=True),
    case("zeros-like-negative-shape",
         "xp.zeros_like(xp.zeros(3), shape=(-1,))"),
    case("dtype-unknown-name", "xp.zeros(3, dtype='int7')", message=True),
    case("dtype-not-a-dtype", "xp.zeros(3, dtype=3.5)"),
    case("dtype-constructor-unknown", "xp.dtype('blah')", message=True),
    case("order-unknown", "xp.zeros(3, order='X')"),
    case("order-a-for-empty", "xp.empty(3, order='A')", message=True),
    case("order-not-a-string", "xp.ones(3, order=1)"),
    case("array-ragged", "xp.array([[1, 2], [3]])", message=True),
    case("array-ragged-depth", "xp.array([[1], 2])", message=True),
    case("array-ragged-deeper", "xp.array([[[1, 2]], [[1, 2], [3, 4]]])",
         message=True),
    case("array-ndmin-65", "xp.array(1, ndmin=65)", message=True),
    case("array-nested-65-deep",
         "v = 1\nfor _ in range(65):\n    v = [v]\nxp.array(v)"),
    case("array-copy-false", "xp.array([1, 2], copy=False)"),
    case("array-300-as-int8", "xp.array([300], dtype=xp.int8)"),
    case("array-nan-as-int", "xp.array([float('nan')], dtype=xp.int64)"),
    case("array-string-as-float", "xp.array(['x'], dtype=float)"),
    case("array-unknown-order", "xp.array([1], order='Q')"),
    case("asarray-copy-false-cast",
         "xp.asarray(xp.zeros(3), dtype=xp.int64, copy=False)"),
    case("arange-zero-step", "xp.arange(0, 5, 0)"),
    case("arange-nan", "xp.arange(float('nan'))"),
    case("arange-infinite", "xp.arange(float('inf'))", message=True),
    case("arange-none", "xp.arange(None)"),
    case("arange-bool-too-long", "xp.arange(0, 3, dtype=bool)"),
    case("arange-negative-as-uint8", "xp.arange(-1, 2, dtype=xp.uint8)",
         message=True),
    case("arange-beyond-uint64", "xp.arange(2**64)"),
    case("arange-huge-int", "xp.arange(10**30)"),
    case("ndarray-buffer-too-small",
         "xp.ndarray((10,), dtype=xp.int64, buffer=bytearray(8))"),
    # NumPy accepts a negative offset: the array then starts before the
    # buffer (np.ndarray((1,), buffer=bytearray(8), offset=-1) reads a
    # foreign byte).  minind refuses it.
    case("ndarray-negative-offset",
         "xp.ndarray((1,), buffer=bytearray(8), offset=-1)",
         expect="ValueError", match="offset"),
    case("ndarray-offset-past-end",
         "xp.ndarray((1,), buffer=bytearray(8), offset=8)"),
    case("ndarray-strides-length",
         "xp.ndarray((2,), buffer=bytearray(16), strides=(8, 8))"),
    case("ndarray-strides-outside",
         "xp.ndarray((2,), buffer=bytearray(16), strides=(16,))"),
    # NumPy accepts both of these: the end of the layout wraps around a
    # Py_ssize_t (an offset near 2**63; a stride of 2**62 over 5 items
    # reaches 2**64 bytes, 0 once wrapped), so it would read far outside
    # the buffer.  minind checks every sum and product (extent_within).
    case("ndarray-offset-wraps",
         "xp.ndarray((1,), buffer=bytearray(16), offset=2**63 - 1)",
         expect="TypeError", match="buffer is too small"),
    case("ndarray-strides-wrap",
         "xp.ndarray((5,), buffer=bytearray(16), strides=(2**62,))",
         expect="ValueError", match="strides is incompatible"),
    case("ndarray-negative-shape", "xp.ndarray((-1,))"),
    # minind holds numbers only.  NumPy makes an object (or str) array from
    # these, which minind cannot represent: a clear TypeError instead.
    case("array-object", "xp.array([object()])", expect="TypeError",
         match="numbers only"),
    case("array-none", "xp.array(None)", expect="TypeError",
         match="numbers only"),
    case("array-none-in-list", "xp.array([1, None])", expect="TypeError",
         match="numbers only"),
    case("array-strings", "xp.array(['a', 'b'])", expect="TypeError",
         match="numbers only"),
    case("array-set", "xp.array({1, 2})", expect="TypeError",
         match="numbers only"),
    case("array-dict", "xp.array({'a': 1})", expect="TypeError",
         match="numbers only"),
    # NumPy makes an object array for an int beyond int64/uint64.
    case("array-int-beyond-uint64", "xp.array([2**70])",
         expect="OverflowError", match="out of bounds"),
]

# -- Conversions: dtype, casting, Python scalars ------------------------------
GROUPS["conversions"] = [
    case("astype-unknown-dtype", "xp.zeros(3).astype('foo')"),
    case("astype-casting-safe", "xp.zeros(3).astype(xp.int8, casting='safe')",
         message=True),
    case("astype-casting-unknown",
         "xp.zeros(3).astype(xp.int8, casting='bogus')"),
    case("can-cast-unknown-rule", "xp.can_cast(xp.int8, xp.int16, 'x')"),
    case("can-cast-none", "xp.can_cast(None, xp.int8)"),
    case("promote-types-unknown", "xp.promote_types('int64', 'foo')"),
    case("int-of-vector", "int(xp.zeros(3))", message=True),
    case("float-of-empty", "float(xp.zeros(0))"),
    case("index-of-float-0d", "import operator\noperator.index(xp.array(1.5))",
         message=True),
    case("range-of-vector", "range(xp.arange(3))"),
    case("bool-of-vector", "bool(xp.zeros(3))", message=True),
    case("bool-of-empty", "bool(xp.zeros(0))", message=True),
    case("hash-array", "hash(xp.zeros(3))"),
    case("dtype-removed-alias", "xp.dtype('float_')"),
    case("complex-of-vector", "complex(xp.zeros(3))"),
    case("astype-casting-not-a-string",
         "xp.zeros(3).astype(xp.int8, casting=3)", message=True),
    case("result-type-no-arguments", "xp.result_type()", message=True),
    case("memoryview-cast-of-transpose",
         "memoryview(xp.zeros((2, 3)).T).cast('B')"),
]

# -- out= misuse and ufunc calls ----------------------------------------------
GROUPS["ufunc_out"] = [
    case("compare-out-of-range-readonly-out",
         "xp.less(xp.array([-1, 2], dtype=xp.int8), 1000, out=o)",
         setup="o = xp.zeros(2, dtype=bool)\no.flags.writeable = False",
         message=True),
    case("compare-out-of-range-wrong-shape-out",
         "xp.less(xp.array([-1, 2], dtype=xp.int8), 1000, "
         "out=xp.zeros(3, dtype=bool))", message=True),
    case("out-wrong-shape", "xp.add(xp.zeros(3), 1, out=xp.zeros(4))",
         message=True),
    case("out-cannot-broadcast-up",
         "xp.add(xp.zeros((2, 3)), 1, out=xp.zeros(3))", message=True),
    case("out-not-an-array", "xp.add(xp.zeros(3), 1, out=[0, 0, 0])"),
    case("out-readonly", "xp.add(a, 1, out=a)", setup=READONLY,
         message=True),
    case("out-unsafe-cast",
         "xp.add(xp.zeros(3), 1, out=xp.zeros(3, dtype=xp.int64))"),
    case("out-positional-and-keyword",
         "xp.add(xp.zeros(3), 1, xp.zeros(3), out=xp.zeros(3))"),
    case("out-tuple-too-long", "xp.add(a, 1, out=(a, a))",
         setup="a = xp.zeros(3)"),
    case("ufunc-too-many-arguments", "xp.add(1, 2, 3, 4)"),
    case("ufunc-too-few-arguments", "xp.add(1)"),
    case("ufunc-no-loop-for-float", "xp.bitwise_and(xp.zeros(3), 1)"),
    case("ufunc-invert-float", "~xp.zeros(3)"),
    case("ufunc-string-operand", "xp.add(xp.zeros(3), 'a')"),
    case("ufunc-none-operand", "xp.add(xp.zeros(3), None)"),
    case("operator-none-operand", "xp.zeros(3) + None"),
    case("ufunc-compare-string", "xp.zeros(3) < 'a'"),
    case("ufunc-input-cast", "xp.add(xp.zeros(3), 1, dtype=xp.int8)",
         message=True),
    case("ufunc-output-cast-to-bool",
         "xp.add(1, 2, out=xp.zeros(3, dtype=bool))", message=True),
    case("out-broadcast-view",
         "xp.add(xp.zeros(3), 1, out=xp.broadcast_to(xp.zeros(3), (3,)))"),
    case("where-missing-y", "xp.where(xp.zeros(3), 1)"),
    case("ufunc-unknown-casting", "xp.add(xp.zeros(3), 1, casting='bogus')"),
    case("ufunc-int-negative-power", "xp.arange(3) ** -1", message=True),
    case("ufunc-int8-plus-1000", "xp.zeros(3, dtype=xp.int8) + 1000"),
    case("ufunc-reduce-unary", "xp.negative.reduce(xp.zeros(3))",
         message=True),
    case("ufunc-outer-unary", "xp.negative.outer(xp.zeros(3), xp.zeros(3))"),
    case("ufunc-accumulate-0d", "xp.add.accumulate(xp.array(1.0))"),
    case("ufunc-reduceat-0d", "xp.add.reduceat(xp.array(1.0), [0])"),
    case("ufunc-reduceat-index-out-of-bounds",
         "xp.add.reduceat(xp.arange(4), [0, 4])", message=True),
    case("ufunc-reduceat-negative-index",
         "xp.add.reduceat(xp.arange(4), [-1])", message=True),
    case("ufunc-reduceat-huge-index",
         "xp.add.reduceat(xp.arange(4), [2 ** 64])", message=True),
    case("ufunc-reduceat-nan-index",
         "xp.add.reduceat(xp.arange(4), [float('nan')])", message=True),
    case("ufunc-reduceat-2d-indices",
         "xp.add.reduceat(xp.arange(4), [[0, 1]])", message=True),
    case("ufunc-reduceat-unary", "xp.negative.reduceat(xp.arange(4), [0])",
         message=True),
    case("ufunc-shift-float", "xp.left_shift(1.5, 1)", message=True),
    case("ufunc-shift-uint64-int64",
         "xp.right_shift(xp.ones(2, dtype=xp.uint64), "
         "xp.ones(2, dtype=xp.int64))",
         message=True),
    case("ufunc-gcd-bool", "xp.gcd(xp.ones(2, dtype=xp.bool_), True)",
         message=True),
    case("ufunc-gcd-float-scalar", "xp.lcm(xp.arange(3), 2.5)", message=True),
    case("ufunc-float-result-into-int-out",
         "xp.arctan2(xp.ones(2), 1, out=xp.zeros(2, dtype=xp.int64))",
         message=True),
    case("ufunc-shift-count-out-of-range",
         "xp.left_shift(xp.ones(2, dtype=xp.int8), 300)", message=True),
    case("reduce-non-reorderable-axes",
         "xp.left_shift.reduce(xp.ones((2, 2), dtype=xp.int8), axis=None)",
         message=True),
    case("reduce-gcd-bool", "xp.gcd.reduce(xp.ones(3, dtype=xp.bool_))",
         message=True),
    case("sum-out-wrong-shape",
         "xp.zeros((2, 3)).sum(axis=0, out=xp.zeros(2))"),
    case("sum-out-not-an-array", "xp.zeros(3).sum(out=5)"),
    case("sum-out-readonly", "xp.zeros((2, 3)).sum(axis=1, out=o)",
         setup="o = xp.zeros(2)\no.flags.writeable = False"),
]

# -- Reductions: axis arguments and empty inputs ------------------------------
GROUPS["reductions"] = [
    case("argmax-out-wrong-shape",
         "xp.argmax(xp.zeros((2, 3)), axis=1, out=xp.zeros(3, dtype=xp.int64))",
         message=True),
    case("argmin-out-for-all-axes",
         "xp.argmin(xp.zeros((2, 3)), out=xp.zeros(3, dtype=xp.int64))",
         message=True),
    case("sum-axis-out-of-bounds", "xp.zeros((2, 3)).sum(axis=2)",
         message=True),
    case("sum-axis-negative-out-of-bounds", "xp.zeros((2, 3)).sum(axis=-3)",
         message=True),
    case("sum-axis-repeated", "xp.zeros((2, 3)).sum(axis=(0, 0))",
         message=True),
    case("sum-axis-float", "xp.zeros((2, 3)).sum(axis=1.0)"),
    case("sum-0d-axis-1", "xp.array(1.0).sum(axis=1)"),
    case("mean-axis-out-of-bounds", "xp.zeros(3).mean(axis=1)"),
    case("std-axis-repeated", "xp.zeros((2, 3)).std(axis=(1, -1))"),
    case("max-empty", "xp.zeros(0).max()", message=True),
    case("min-empty-axis", "xp.zeros((0, 3)).min(axis=0)", message=True),
    case("argmax-empty", "xp.zeros(0).argmax()", message=True),
    case("argmin-axis-out-of-bounds", "xp.zeros((2, 3)).argmin(axis=2)"),
    case("argmax-axis-tuple", "xp.zeros((2, 3)).argmax(axis=(0, 1))"),
    case("cumsum-axis-out-of-bounds", "xp.zeros(3).cumsum(axis=1)"),
    case("all-axis-string", "xp.zeros(3).all(axis='0')"),
    case("sum-axis-list", "xp.zeros((2, 3)).sum(axis=[0, 1])"),
    case("var-ddof-string", "xp.zeros(3).var(ddof='a')"),
    case("argmax-out-float", "xp.zeros(3).argmax(out=xp.zeros(()))"),
    case("cumsum-out-wrong-size", "xp.zeros(3).cumsum(out=xp.zeros(4))",
         message=True),
    case("reduce-axis-out-of-bounds",
         "xp.add.reduce(xp.zeros((2, 3)), axis=2)"),
    case("maximum-reduce-empty", "xp.maximum.reduce(xp.zeros(0))",
         message=True),
    case("any-axis-out-of-bounds", "xp.zeros((2, 2)).any(axis=5)"),
]

# -- Stride tricks ------------------------------------------------------------
GROUPS["stride_tricks"] = [
    # NumPy's as_strided trusts its caller: these views reach bytes outside
    # the 24-byte buffer, and reading them reads (or segfaults on) foreign
    # memory.  minind refuses them: a clear ValueError.
    case("as-strided-shape-past-end", f"{AS_STRIDED}(xp.zeros(3), (10,))",
         expect="ValueError", match="outside the buffer"),
    case("as-strided-stride-past-end",
         f"{AS_STRIDED}(xp.zeros(3), (3,), (16,))", expect="ValueError",
         match="outside the buffer"),
    case("as-strided-before-start", f"{AS_STRIDED}(xp.zeros(3), (2,), (-8,))",
         expect="ValueError", match="outside the buffer"),
    case("as-strided-slice-past-owner",
         f"{AS_STRIDED}(xp.zeros(6)[2:4], (5,))", expect="ValueError",
         match="outside the buffer"),
    case("as-strided-huge-zero-strides",
         f"{AS_STRIDED}(xp.zeros(3), (2**62, 2**62), (0, 0))"),
    case("as-strided-strides-length",
         f"{AS_STRIDED}(xp.zeros(3), (3,), (8, 8))"),
    case("as-strided-negative-shape", f"{AS_STRIDED}(xp.zeros(3), (-1,))"),
    case("as-strided-byte-overflow",
         f"{AS_STRIDED}(xp.zeros(1), (2**61, 2), (0, 0))"),
    case("as-strided-float-shape", f"{AS_STRIDED}(xp.zeros(3), (2.0,))"),
    case("as-strided-readonly-write",
         f"{AS_STRIDED}(xp.zeros(3), writeable=False)[0] = 1"),
    case("sliding-window-too-large", f"{WINDOWS}(xp.zeros(3), 4)",
         message=True),
    case("sliding-window-negative", f"{WINDOWS}(xp.zeros(3), -1)",
         message=True),
    case("sliding-window-missing-axes", f"{WINDOWS}(xp.zeros((3, 3)), 2)",
         message=True),
    case("sliding-window-axis-out-of-bounds",
         f"{WINDOWS}(xp.zeros(3), 2, axis=1)"),
    case("sliding-window-write", f"{WINDOWS}(xp.zeros(3), 2)[0, 0] = 1"),
    case("shares-memory-max-work-0",
         "a = xp.zeros(10)\nxp.shares_memory(a[::2], a[1::2], max_work=0)"),
]

# -- The py_* layout helpers, offered for experiments at the prompt ----------
# minind's own functions (NumPy has no twin): their C functions trust their
# callers, so the twins must check what a reader might type.
LAYOUT = "xp._layout"
GROUPS["layout_helpers"] = [
    case("nocopy-reshape-sizes-differ",
         f"{LAYOUT}.py_nocopy_reshape((2, 3), (24, 8), 8, (7,))",
         expect="ValueError", match="sizes must be equal"),
    case("nocopy-reshape-size-zero",
         f"{LAYOUT}.py_nocopy_reshape((0, 3), (24, 8), 8, (3, 0))",
         expect="ValueError", match="non-zero"),
    case("nocopy-reshape-strides-short",
         f"{LAYOUT}.py_nocopy_reshape((2, 3), (24,), 8, (6,))",
         expect="ValueError", match="same length"),
    case("nocopy-reshape-negative",
         f"{LAYOUT}.py_nocopy_reshape((-2, -3), (24, 8), 8, (6,))",
         expect="ValueError", match="negative"),
    case("nocopy-reshape-overflow",
         f"{LAYOUT}.py_nocopy_reshape((2**40, 2**40), (8, 8), 8, (2**80,))",
         expect="ValueError", match="too big"),
    case("nocopy-reshape-new-shape-overflow",
         f"{LAYOUT}.py_nocopy_reshape((6,), (8,), 8, (2**80,))",
         expect="OverflowError"),
    case("byte-extent-strides-short",
         f"{LAYOUT}.py_byte_extent((2, 3), (8,), 8)", expect="ValueError",
         match="same length"),
    case("contiguity-too-many-axes",
         f"{LAYOUT}.py_contiguity((1,) * 65, (8,) * 65, 8)",
         expect="ValueError", match="too many"),
    case("contiguous-strides-huge",
         f"{LAYOUT}.py_contiguous_strides((2**62, 2**62), 8)",
         expect="ValueError", match="too big"),
]

# -- Joining, repeating and the Array API functions --------------------------
GROUPS["join_and_array_api"] = [
    case("concatenate-mismatched-shapes",
         "xp.concatenate([xp.zeros((3, 2)), xp.zeros((3, 3))])",
         message=True),
    case("concatenate-mismatched-ndim",
         "xp.concatenate([xp.zeros(2), xp.zeros((2, 2))])", message=True),
    case("concatenate-zero-d", "xp.concatenate([xp.zeros(()), xp.zeros(())])",
         message=True),
    case("concatenate-nothing", "xp.concatenate([])", message=True),
    case("concatenate-axis-out-of-bounds",
         "xp.concatenate([xp.zeros(2)], axis=1)", message=True),
    case("concatenate-out-and-dtype",
         "xp.concatenate([xp.zeros(2)], out=xp.zeros(2), dtype='int8')",
         message=True),
    case("concatenate-out-wrong-shape",
         "xp.concatenate([xp.zeros(2)], out=xp.zeros(3))", message=True),
    case("concatenate-out-read-only",
         "xp.concatenate([xp.zeros(6)], out=a)", setup=READONLY,
         message=True),
    case("concatenate-bad-casting",
         "xp.concatenate([xp.zeros(2)], casting='bad')", message=True),
    case("concatenate-not-a-sequence", "xp.concatenate(iter([]))"),
    case("stack-different-shapes",
         "xp.stack([xp.zeros(2), xp.zeros(3)])", message=True),
    case("stack-axis-out-of-bounds", "xp.stack([xp.zeros(2)], axis=3)",
         message=True),
    case("repeat-negative-counts", "xp.repeat(xp.zeros(3), [1, -1, 1])",
         message=True),
    case("repeat-count-mismatch", "xp.repeat(xp.zeros(3), [1, 2])",
         message=True),
    # NumPy's total length 4 * 2**62 wraps around to 0 in C and NumPy
    # then writes past its empty result (a crash): not an oracle here.
    case("repeat-huge-count", "xp.repeat(xp.zeros(4), 2**62)",
         expect="ValueError", match="too big"),
    case("repeat-deep-counts", "xp.repeat(xp.zeros(3), [[1]])",
         message=True),
    case("tile-negative", "xp.tile(xp.zeros(2), -1)", message=True),
    case("roll-deep-shift", "xp.roll(xp.zeros((2, 3)), [[1]], axis=0)",
         message=True),
    case("roll-mismatched-axes",
         "xp.roll(xp.zeros((2, 3)), (1, 2), axis=(0, 1, 0))", message=True),
    case("flip-repeated-axis", "xp.flip(xp.zeros((2, 2)), (0, 0))",
         message=True),
    case("unstack-zero-d", "xp.unstack(xp.zeros(()))", message=True),
    case("diagonal-one-d", "xp.zeros(3).diagonal()", message=True),
    case("diagonal-same-axes", "xp.diagonal(xp.zeros((2, 2)), 0, 1, -1)",
         message=True),
    case("diagonal-huge-offset", "xp.zeros((2, 2)).diagonal(2**63)",
         message=True),
    case("diagonal-offset-beyond-int",
         "xp.zeros((2, 2)).diagonal(-2**31 - 1)", message=True),
    case("trace-out-list", "xp.zeros((2, 2)).trace(out=[0])",
         message=True),
    case("ptp-bool", "xp.ptp(xp.zeros(3, bool))", message=True),
    case("ptp-empty", "xp.ptp(xp.zeros((2, 0)), axis=1)", message=True),
    case("rollaxis-start-out-of-range",
         "xp.rollaxis(xp.zeros((2, 3)), 0, -4)", message=True),
    case("indices-negative", "xp.indices((2, -1))", message=True),
    case("mgrid-negative-length", "xp.mgrid[5:0:1, 0:2]", message=True),
    case("diag-three-d", "xp.diag(xp.zeros((2, 2, 2)))", message=True),
    case("eye-negative", "xp.eye(-1)", message=True),
    case("eye-float-k", "xp.eye(3, k=1.5)", message=True),
    case("linspace-negative-num", "xp.linspace(0, 1, -1)", message=True),
    case("linspace-axis-out-of-bounds", "xp.linspace(0, 1, 3, axis=2)",
         message=True),
    case("tril-zero-d", "xp.tril(xp.zeros(()))", message=True),
    case("meshgrid-bad-indexing", "xp.meshgrid(xp.zeros(2), indexing='yx')",
         message=True),
    case("isdtype-unknown-kind", "xp.isdtype(xp.zeros(1).dtype, 'foo')",
         message=True),
    case("iinfo-of-float", "xp.iinfo('float64')", message=True),
    case("finfo-of-int", "xp.finfo('int8')"),
    case("device-gpu", "xp.zeros(2, device='gpu')", message=True),
    case("to-device-gpu", "xp.zeros(2).to_device('gpu')", message=True),
    case("array-namespace-future",
         "xp.zeros(2).__array_namespace__(api_version='2099.12')",
         message=True),
    case("mT-of-1d", "xp.zeros(2).mT", message=True),
    case("vstack-generator", "xp.vstack(iter([xp.zeros(2)]))",
         message=True),
    case("hstack-mismatched", "xp.hstack([xp.zeros((2, 2)), xp.zeros(3)])",
         message=True),
    case("column-stack-mismatched",
         "xp.column_stack([xp.zeros(2), xp.zeros(3)])", message=True),
    case("split-unequal", "xp.split(xp.zeros(5), 2)", message=True),
    case("split-zero-sections", "xp.array_split(xp.zeros(5), 0)",
         message=True),
    case("split-float-index", "xp.split(xp.zeros(5), [1.5])"),
    case("split-hostile-index", "xp.split(xp.zeros(5), [BadIndex()])",
         "class BadIndex:\n    def __index__(self):\n"
         "        raise ZeroDivisionError('boom')"),
    case("hsplit-zero-d", "xp.hsplit(xp.zeros(()), 1)", message=True),
    case("vsplit-1d", "xp.vsplit(xp.zeros(4), 2)", message=True),
    case("diff-negative-order", "xp.diff(xp.zeros(3), n=-1)",
         message=True),
    case("diff-zero-d", "xp.diff(xp.zeros(()))", message=True),
    case("ediff1d-incompatible-edge",
         "xp.ediff1d(xp.zeros(3, 'uint8'), to_begin=-1)", message=True),
    case("diff-bad-prepend",
         "xp.diff(xp.zeros((2, 2)), prepend=xp.zeros(3))", message=True),
    case("round-huge-decimals", "xp.round(xp.zeros(3), 2**40)",
         message=True),
    case("round-float-decimals", "xp.round(xp.zeros(3), 1.5)",
         message=True),
    case("round-out-wrong-size", "xp.round(xp.zeros(3), out=xp.zeros(2))",
         message=True),
    case("round-out-read-only", "xp.round(xp.zeros(6), 2, out=a)",
         setup=READONLY, message=True),
    case("round-out-list", "xp.round(xp.zeros(3), out=[0.0] * 3)",
         message=True),
    case("cumulative-sum-2d-no-axis", "xp.cumulative_sum(xp.zeros((2, 2)))",
         message=True),
    case("count-nonzero-bad-axis", "xp.count_nonzero(xp.zeros(3), axis=1)",
         message=True),
    case("copy-bad-order", "xp.copy(xp.zeros(3), order='X')",
         message=True),
]

# -- Not implemented in minind: must refuse clearly, never crash --------------
# NumPy accepts all of these (complex and str dtypes); minind does not
# implement them and documents that it refuses them.  NumPy cannot be the oracle, so each carries its class.
GROUPS["unimplemented"] = [
    case("complex-dtype", "xp.zeros(3, dtype=complex)", expect="TypeError"),
    case("string-dtype", "xp.zeros(3, dtype='U3')", expect="TypeError"),
    case("complex-data", "xp.array([1 + 2j])", expect="TypeError",
         match="numbers only"),
]

# -- Advanced indexing: bad index arrays, masks and values --------------------
GROUPS["advanced indexing"] = [
    case("fancy-out-of-bounds", "xp.arange(3)[[0, 5]]", message=True),
    case("fancy-negative-out-of-bounds", "xp.arange(3)[[-4]]", message=True),
    case("fancy-float-list", "xp.arange(3)[[1.0]]", message=True),
    case("fancy-float-array", "xp.arange(3)[xp.asarray([1.0])]",
         message=True),
    case("fancy-huge-int-in-list", "xp.arange(3)[[2**70]]", message=True),
    case("fancy-uint64-wraps",
         "xp.arange(3)[xp.asarray([2**63], dtype='uint64')]", message=True),
    case("fancy-ragged-list", "xp.arange(3)[[[0], [0, 1]]]"),
    case("fancy-unbroadcastable", "xp.zeros((2, 3))[[0, 1], [0, 1, 2]]",
         message=True),
    case("fancy-too-many", "xp.zeros(3)[[0], [0]]", message=True),
    case("mask-wrong-size", "xp.arange(3)[xp.asarray([True, False])]",
         message=True),
    case("mask-too-many-dims", "xp.arange(3)[xp.ones((3, 1), dtype=bool)]",
         message=True),
    # 2**40 picks of 8 bytes: an allocation no machine grants.
    case("fancy-broadcast-overflow",
         "i = xp.zeros((2**20, 1), dtype='int64')\n"
         "xp.zeros((3, 3))[i, i.reshape(1, 2**20)]"),
    case("fancy-set-shape-mismatch", "a = xp.zeros(3)\na[[0, 1]] = "
         "xp.zeros(3)", message=True),
    case("fancy-set-out-of-bounds", "a = xp.zeros(3)\na[[0, 3]] = 1.0",
         message=True),
    case("fancy-set-read-only", READONLY + "\na[[0]] = 1.0",
         message=True),
    case("fancy-set-overflow", "a = xp.zeros(3, dtype='int8')\n"
         "a[[0]] = 300", message=True),
    case("mask-set-2d-value", "a = xp.zeros(3)\na[a == 0] = "
         "xp.zeros((3, 1))", message=True),
    case("mask-set-wrong-count", "a = xp.zeros(3)\na[a == 0] = "
         "xp.zeros(2)", message=True),
    case("take-out-of-bounds", "xp.take(xp.arange(3), [5])", message=True),
    case("take-wrap-empty", "xp.take(xp.arange(0), [1], mode='wrap')",
         message=True),
    case("put-out-of-bounds", "xp.put(xp.arange(3.0), [5], 1.0)",
         message=True),
    case("put-into-empty", "xp.put(xp.arange(0.0), [0], 1.0)",
         message=True),
    case("take-along-axis-ndim",
         "xp.take_along_axis(xp.arange(3), xp.asarray([[0]]), axis=0)",
         message=True),
    case("compress-2d-condition", "xp.compress([[True]], xp.arange(3))",
         message=True),
    case("ix-2d", "xp.ix_([[0]])", message=True),
]

# -- Hostile Python objects ---------------------------------------------------
# Objects that are a little unusual, as test doubles and user classes are:
# attributes that recurse, lengths that lie, conversions that change the
# sequence being read, __index__ that raises.  None may crash minind, read
# past a sequence or leave an element of the result unwritten.
HOSTILE = """
class DtypeChain:
    # .dtype is another object of the same kind, forever
    @property
    def dtype(self):
        return DtypeChain()

class Mock:
    # a test double: every public name is a new mock
    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)
        return Mock()

class MockAll:
    # a test double that answers dunder lookups on the instance too
    def __getattr__(self, name):
        return MockAll()

class Emptier:
    # converting it empties the list it sits in
    def __init__(self, owner):
        self.owner = owner
    def __float__(self):
        self.owner.clear()
        return 1.0
    def __index__(self):
        self.owner.clear()
        return 1
    def __bool__(self):
        self.owner.clear()
        return True

class Grower(Emptier):
    # converting it makes the list longer
    def __float__(self):
        self.owner.append(9.0)
        return 1.0

class Liar:
    # says 5, has 2
    def __len__(self):
        return 5
    def __getitem__(self, i):
        if i >= 2:
            raise IndexError(i)
        return float(i)

class LenFails:
    def __len__(self):
        raise ZeroDivisionError('no length')
    def __getitem__(self, i):
        return 1.0

class GetitemFails:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        raise KeyError(i)

class BadIndex:
    def __index__(self):
        raise ZeroDivisionError('boom')

class Reshaper:
    # converting it reshapes an array discovered earlier in the list
    def __init__(self, target):
        self.target = target
    def __float__(self):
        self.target.shape = (1, 4)
        return 1.0

def emptying(kind, values=(1.0, 2.0)):
    # [v0, kind(the list), v1, 3.0, 3.0, 3.0, 3.0, 3.0]
    data = list(values)
    data.insert(1, kind(data))
    data.extend([3.0] * 5)
    return data
"""

GROUPS["hostile"] = [
    # -- attributes that recurse: NumPy follows .dtype once
    case("dtype-attribute-recursive", "xp.zeros(3, dtype=DtypeChain())",
         HOSTILE),
    case("dtype-mock", "xp.zeros(3, dtype=Mock())", HOSTILE),
    case("dtype-mock-answering-dunders", "xp.zeros(3, dtype=MockAll())",
         HOSTILE),
    case("astype-mock", "xp.zeros(3).astype(Mock())", HOSTILE),
    case("dtype-attribute-not-a-dtype",
         "class D:\n    dtype = 'nonsense'\nxp.zeros(3, dtype=D())"),
    case("dtype-eq-mock", "result = xp.zeros(3).dtype == Mock()", HOSTILE,
         returns=True),
    case("array-of-dtype-chain", "result = xp.array([DtypeChain()])",
         HOSTILE, returns=True),
    case("array-of-dtype-chain-with-dtype",
         "result = xp.array([DtypeChain()], dtype=float)", HOSTILE),
    case("array-of-mock", "result = xp.array([Mock()])", HOSTILE,
         returns=True),
    case("asarray-mock", "result = xp.asarray(Mock())", HOSTILE,
         returns=True),
    case("array-of-mock-with-dtype", "xp.array([Mock()], dtype=float)",
         HOSTILE),
    case("array-of-mock-answering-dunders", "xp.array([MockAll()])",
         HOSTILE),
    case("asarray-mock-answering-dunders", "xp.asarray(MockAll())",
         HOSTILE),
    case("asarray-mock-answering-dunders-dtype",
         "xp.asarray(MockAll(), dtype=float)", HOSTILE),
    case("setitem-mock", "a = xp.zeros(3)\na[0] = Mock()", HOSTILE),
    case("setitem-mock-answering-dunders", "a = xp.zeros(3)\na[0] = MockAll()",
         HOSTILE),
    case("fill-mock", "xp.zeros(3).fill(Mock())", HOSTILE),
    case("add-mock", "xp.add(Mock(), 1)", HOSTILE),
    case("add-array-mock", "xp.zeros(3) + Mock()", HOSTILE),
    case("full-mock", "result = xp.full(3, Mock())", HOSTILE, returns=True),
    case("self-containing-list", "x = []\nx.append(x)\nxp.array(x)"),
    case("index-mock", "xp.arange(3)[Mock()]", HOSTILE),
    case("index-mock-answering-dunders", "xp.arange(3)[MockAll()]",
         HOSTILE),
    case("shape-mock", "xp.zeros(Mock())", HOSTILE),
    case("shape-mock-answering-dunders", "xp.zeros(MockAll())", HOSTILE),
    case("reshape-mock", "xp.arange(6).reshape(Mock())", HOSTILE),
    case("axis-mock", "xp.zeros((2, 3)).sum(axis=Mock())", HOSTILE),
    case("arange-mock", "xp.arange(Mock())", HOSTILE),
    case("broadcast-to-mock", "xp.broadcast_to(xp.zeros(3), MockAll())",
         HOSTILE),
    case("as-strided-strides-mock",
         f"{AS_STRIDED}(xp.zeros(3), (3,), MockAll())", HOSTILE),
    case("promote-types-dtype-chain",
         "xp.promote_types(DtypeChain(), float)", HOSTILE),
    case("result-type-mock", "xp.result_type(Mock(), 1.0)", HOSTILE),
    case("can-cast-mock", "xp.can_cast(MockAll(), float)", HOSTILE),
    case("dtype-of-mock", "xp.dtype(MockAll())", HOSTILE),
    # -- sequences that change while they are read
    case("list-emptied-by-float", "xp.array(emptying(Emptier), "
         "dtype='float64')", HOSTILE, message=True),
    case("list-emptied-by-index", "xp.array(emptying(Emptier, (1, 2)), "
         "dtype='int64')", HOSTILE, message=True),
    case("list-emptied-by-bool",
         "xp.array(emptying(Emptier, (True, False)), dtype=bool)", HOSTILE),
    case("list-grown-by-float",
         "xp.array(emptying(Grower), dtype='float64')", HOSTILE),
    case("nested-list-emptied",
         "data = [[1.0, 2.0], [3.0, 4.0]]\ndata[0][0] = Emptier(data)\n"
         "xp.array(data, dtype='float64')", HOSTILE),
    case("inner-list-emptied",
         "data = [[1.0, 2.0, 5.0], [3.0, 4.0, 6.0]]\n"
         "data[0][0] = Emptier(data[1])\nxp.array(data, dtype='float64')",
         HOSTILE),
    case("assign-list-emptied",
         "a = xp.zeros(8)\na[:] = emptying(Emptier)", HOSTILE),
    case("array-reshaped-while-read",
         "t = xp.zeros(4)\ndata = [t, [Reshaper(t), 2.0, 3.0, 4.0]]\n"
         "result = xp.array(data, dtype=float)", HOSTILE, returns=True),
    # -- lengths that lie or fail
    case("len-lies", "result = xp.array(Liar())", HOSTILE, returns=True),
    case("index-len-lies", "xp.arange(3)[Liar()]", HOSTILE),
    case("index-len-fails", "xp.arange(3)[LenFails()]", HOSTILE),
    case("index-getitem-fails", "xp.arange(3)[GetitemFails()]", HOSTILE),
    case("index-list-emptied", "xp.arange(3)[emptying(Emptier, (1, 2))]",
         HOSTILE),
    case("index-list-bad-index", "xp.arange(3)[[BadIndex()]]", HOSTILE),
    case("setitem-list-emptied",
         "a = xp.zeros(8)\na[emptying(Emptier, (1, 2))] = 1.0", HOSTILE),
    case("len-lies-nested", "result = xp.array([Liar(), Liar()])", HOSTILE,
         returns=True),
    case("len-lies-with-dtype", "result = xp.array(Liar(), dtype='int32')",
         HOSTILE, returns=True),
    case("len-lies-beside-list",
         "result = xp.array([Liar(), [1.0, 2.0, 3.0, 4.0, 5.0]])", HOSTILE),
    case("len-fails", "result = xp.array([LenFails()])", HOSTILE,
         returns=True),
    case("getitem-fails", "result = xp.array(GetitemFails())", HOSTILE,
         returns=True),
    case("getitem-raises-value-error",
         "class G(GetitemFails):\n    def __getitem__(self, i):\n"
         "        raise ValueError(i)\nxp.array(G())", HOSTILE),
    # -- __index__ that raises
    case("index-raising-index", "xp.arange(5)[BadIndex()]", HOSTILE,
         message=True),
    case("index-raising-index-in-tuple",
         "xp.arange(6).reshape(2, 3)[0, BadIndex()]", HOSTILE, message=True),
    case("setitem-raising-index", "a = xp.arange(5)\na[BadIndex()] = 1",
         HOSTILE, message=True),
    case("slice-raising-index", "xp.arange(5)[BadIndex():3]", HOSTILE),
    case("item-raising-index", "xp.arange(5).item(BadIndex())", HOSTILE),
    case("shape-raising-index", "xp.zeros((2, BadIndex()))", HOSTILE),
    case("reshape-raising-index", "xp.arange(6).reshape(BadIndex(), 3)",
         HOSTILE),
    case("axis-raising-index", "xp.zeros((2, 3)).sum(axis=BadIndex())",
         HOSTILE),
    case("transpose-raising-index",
         "xp.zeros((2, 3)).transpose(BadIndex(), 0)", HOSTILE),
    case("setitem-value-raising-index",
         "a = xp.zeros(3, dtype=int)\na[0] = BadIndex()", HOSTILE),
    case("array-of-raising-index",
         "xp.array([1, BadIndex()], dtype='int64')", HOSTILE),
    # -- WRITEABLE may be set again only where the memory is writable
    case("writeable-as-strided", f"v = {AS_STRIDED}(xp.zeros(3))\n"
         "v.flags.writeable = True", message=True),
    case("writeable-as-strided-readonly",
         f"v = {AS_STRIDED}(xp.zeros(3), writeable=False)\n"
         "v.flags.writeable = True", message=True),
    case("writeable-sliding-window", f"v = {WINDOWS}(xp.zeros(4), 2)\n"
         "v.flags.writeable = True", message=True),
    case("writeable-view-of-readonly-as-strided",
         f"v = {AS_STRIDED}(xp.zeros(3), writeable=False)[1:]\n"
         "v.flags.writeable = True", message=True),
    case("writeable-view-of-as-strided",
         f"v = {AS_STRIDED}(xp.zeros(3))[1:]\n"
         "v.flags.writeable = True\nresult = v.flags.writeable",
         returns=True),
    case("writeable-broadcast-to",
         "v = xp.broadcast_to(xp.zeros(3), (2, 3))\n"
         "v.flags.writeable = True\nv[0, 0] = 1\nresult = v", returns=True),
    case("writeable-broadcast-to-readonly", READONLY +
         "\nv = xp.broadcast_to(a, (2, 6))\nv.flags.writeable = True",
         message=True),
    case("writeable-broadcast-arrays",
         "v = xp.broadcast_arrays(xp.zeros(3), xp.zeros((2, 1)))[0]\n"
         "v.flags.writeable = True\nresult = v.flags.writeable",
         returns=True),
    case("writeable-view-of-readonly-bytes",
         "v = xp.asarray(memoryview(b'abcdefgh'))[1:]\n"
         "v.flags.writeable = True", message=True),
]

# -- Sorting, partitions, searching, unique --------------------------------
GROUPS["sorting"] = [
    case("sort-kind-unknown", "xp.sort(xp.arange(3), kind='foo')",
         message=True),
    case("sort-kind-not-str", "xp.sort(xp.arange(3), kind=3)", message=True),
    case("sort-kind-and-stable",
         "xp.sort(xp.arange(3), kind='stable', stable=True)", message=True),
    case("sort-order-without-fields", "xp.sort(xp.arange(3), order='x')",
         message=True),
    case("sort-0d-axis", "xp.sort(xp.zeros(()))", message=True),
    case("sort-axis-float", "xp.sort(xp.arange(3), axis=0.0)", message=True),
    case("sort-method-axis-none", "xp.arange(3).sort(axis=None)",
         message=True),
    case("sort-method-read-only", "a.sort()", setup=READONLY, message=True),
    case("sort-method-broadcast",
         "xp.broadcast_to(xp.arange(3), (2, 3)).sort()", message=True),
    case("partition-method-read-only", "a.partition(1)", setup=READONLY,
         message=True),
    case("partition-kth-out-of-bounds", "xp.partition(xp.arange(5), 5)",
         message=True),
    case("partition-kth-negative", "xp.partition(xp.arange(5), -6)",
         message=True),
    case("partition-kth-float", "xp.partition(xp.arange(5), 1.5)",
         message=True),
    case("partition-kth-bool", "xp.partition(xp.arange(5), True)",
         message=True),
    case("partition-kth-nested", "xp.partition(xp.arange(5), [[1]])",
         message=True),
    case("partition-kth-huge", "xp.partition(xp.arange(5), 2**70)",
         message=True),
    case("partition-kind", "xp.partition(xp.arange(5), 1, kind='quick')",
         message=True),
    case("argpartition-kth-out-of-bounds",
         "xp.argpartition(xp.arange(5), [0, 9])", message=True),
    case("lexsort-no-keys", "xp.lexsort([])", message=True),
    case("lexsort-0d", "xp.lexsort(xp.zeros(()))", message=True),
    case("lexsort-shapes", "xp.lexsort([xp.zeros(3), xp.zeros(4)])",
         message=True),
    case("lexsort-axis", "xp.lexsort([xp.zeros(3)], axis=1)", message=True),
    case("searchsorted-0d", "xp.searchsorted(xp.zeros(()), 1)",
         message=True),
    case("searchsorted-2d", "xp.searchsorted(xp.zeros((2, 2)), 1)",
         message=True),
    case("searchsorted-side", "xp.searchsorted(xp.arange(3), 1, side='x')",
         message=True),
    case("searchsorted-side-none",
         "xp.searchsorted(xp.arange(3), 1, side=None)", message=True),
    case("searchsorted-sorter-size",
         "xp.searchsorted(xp.arange(3), 1, sorter=[0, 1])", message=True),
    case("searchsorted-sorter-float",
         "xp.searchsorted(xp.arange(3), 1, sorter=[0, 1, 2.5])",
         message=True),
    case("searchsorted-sorter-out-of-range",
         "xp.searchsorted(xp.arange(3), 1, sorter=[-1, -1, -1])",
         message=True),
    case("searchsorted-sorter-huge",
         "xp.searchsorted(xp.arange(3), 1, sorter=[2**40] * 3)",
         message=True),
    case("sort-liar", "result = xp.sort(Liar())", setup=HOSTILE,
         returns=True),
    case("searchsorted-liar-keys",
         "result = xp.searchsorted(xp.arange(3.0), Liar())", setup=HOSTILE,
         returns=True),
    # NumPy finds unique rows; minind refuses them (README: Differences).
    case("unique-axis", "xp.unique(xp.zeros((2, 2)), axis=0)",
         expect="NotImplementedError", match="axis=None"),
]

# -- DLPack: bad arguments, and capsules whose struct lies --------------------
# The tampered capsules are a library's own export with one field
# overwritten through ctypes (offsets of DLManagedTensorVersioned on a
# 64-bit platform: dl_tensor at 32, its ndim at 48, lanes at 54, shape at
# 56): a consumer must refuse them before it reads any further.
CAPSULE = """
import ctypes
capsule = xp.arange(12.0).reshape(3, 4).__dlpack__(max_version=(1, 0))
get = ctypes.pythonapi.PyCapsule_GetPointer
get.restype = ctypes.c_void_p
get.argtypes = [ctypes.py_object, ctypes.c_char_p]
tensor = get(capsule, b"dltensor_versioned") + 32
shape = ctypes.c_void_p.from_address(tensor + 24).value
class Producer:
    def __dlpack__(self, **kwargs):
        return capsule
"""
GROUPS["dlpack"] = [
    case("dlpack-stream", "xp.arange(3.0).__dlpack__(stream=1)"),
    case("dlpack-device", "xp.arange(3.0).__dlpack__(dl_device=(2, 0))",
         message=True),
    case("dlpack-device-not-tuple",
         "xp.arange(3.0).__dlpack__(dl_device=[1, 0])", message=True),
    case("dlpack-device-float",
         "xp.arange(3.0).__dlpack__(dl_device=(1.0, 0))"),
    case("dlpack-readonly-legacy", READONLY + "\na.__dlpack__()",
         message=True),
    case("dlpack-max-version-short",
         "xp.arange(3.0).__dlpack__(max_version=(1,))", message=True),
    case("dlpack-max-version-huge",
         "xp.arange(3.0).__dlpack__(max_version=(2 ** 70, 0))"),
    case("dlpack-copy-string", "xp.arange(3.0).__dlpack__(copy='yes')",
         message=True),
    case("dlpack-positional", "xp.arange(3.0).__dlpack__(None)"),
    case("dlpack-strides-not-items",
         "a = xp.ndarray((3,), 'int16', buffer=bytearray(10), "
         "strides=(3,))\na.__dlpack__()", message=True),
    case("from-dlpack-device", "xp.from_dlpack(xp.arange(3.0), "
         "device='gpu')", message=True),
    case("from-dlpack-no-protocol", "xp.from_dlpack([1, 2])"),
    case("from-dlpack-not-a-capsule",
         "class P:\n    def __dlpack__(self, **k):\n        return 5\n"
         "xp.from_dlpack(P())", message=True),
    case("from-dlpack-used-capsule", "xp.from_dlpack(Producer())",
         setup=CAPSULE + "xp.from_dlpack(Producer())", message=True),
    case("from-dlpack-ndim-65",
         "ctypes.c_int32.from_address(tensor + 16).value = 65\n"
         "xp.from_dlpack(Producer())", setup=CAPSULE, message=True),
    case("from-dlpack-ndim-negative",
         "ctypes.c_int32.from_address(tensor + 16).value = -5\n"
         "xp.from_dlpack(Producer())", setup=CAPSULE, message=True),
    case("from-dlpack-lanes",
         "ctypes.c_uint16.from_address(tensor + 22).value = 4\n"
         "xp.from_dlpack(Producer())", setup=CAPSULE, message=True),
    case("from-dlpack-negative-length",
         "ctypes.c_int64.from_address(shape).value = -3\n"
         "xp.from_dlpack(Producer())", setup=CAPSULE, message=True),
    case("from-dlpack-huge-length",
         "ctypes.c_int64.from_address(shape).value = 2 ** 62\n"
         "xp.from_dlpack(Producer())", setup=CAPSULE, message=True),
]

GROUPS["matmul"] = [
    case("matmul-core-mismatch", "xp.ones((2, 3)) @ xp.ones((2, 4))",
         message=True),
    case("matmul-0d", "xp.matmul(xp.ones(3), 2.0)", message=True),
    case("matmul-loops-clash",
         "xp.matmul(xp.ones((2, 3, 4)), xp.ones((3, 4, 5)))", message=True),
    case("matmul-out-core", "xp.matmul(xp.ones((3, 3)), xp.ones((3, 4)), "
         "out=xp.ones((3, 3)))", message=True),
    case("matmul-out-too-few-axes", "xp.matmul(xp.ones((3, 3)), "
         "xp.ones((3, 3)), out=xp.ones(3))", message=True),
    case("matmul-out-readonly", "xp.matmul(a, a, out=a)",
         setup="a = xp.broadcast_to(xp.ones(3), (3, 3))", message=True),
    case("matmul-out-cast", "xp.matmul(xp.ones((3, 3)), xp.ones((3, 3)), "
         "out=xp.ones((3, 3), dtype=xp.int64))", message=True),
    case("matmul-dtype-cast", "xp.matmul(xp.ones((3, 3)), xp.ones((3, 3)),"
         " dtype=xp.int8)", message=True),
    case("matmul-casting", "xp.matmul(xp.ones(3), xp.ones(3), "
         "casting='nope')", message=True),
    case("matmul-order", "xp.matmul(xp.ones(3), xp.ones(3), order='Q')",
         message=True),
    case("matmul-out-not-array", "xp.matmul(xp.ones(3), xp.ones(3), "
         "out=[1.0])", message=True),
    case("imatmul-shape", "a @= xp.ones((3, 4))", setup="a = xp.ones((3, 3))",
         message=True),
    case("imatmul-cast", "a @= xp.ones((3, 3))",
         setup="a = xp.ones((3, 3), dtype=xp.int64)", message=True),
    case("dot-not-aligned", "xp.dot(xp.ones((2, 4, 6)), xp.ones((3, 5, 5)))",
         message=True),
    case("dot-out-layout", "xp.dot(xp.ones((3, 3)), xp.ones((3, 3)), "
         "out=xp.ones((3, 3)).T)", message=True),
    case("dot-out-shape", "xp.dot(xp.ones((3, 3)), xp.ones((3, 3)), "
         "out=xp.ones((3, 4)))", message=True),
    case("vdot-sizes", "xp.vdot(xp.ones((2, 3)), xp.ones((3, 3)))",
         message=True),
    case("tensordot-mismatch",
         "xp.tensordot(xp.ones((2, 3)), xp.ones((2, 3)), 1)", message=True),
    case("vecdot-core", "xp.vecdot(xp.ones((2, 3)), xp.ones(2))",
         message=True),
    case("vecdot-axis", "xp.vecdot(xp.ones((2, 3)), xp.ones(3), axis=2)",
         message=True),
    case("norm-order", "xp.linalg.norm(xp.ones((2, 3)), ord=3)",
         message=True),
    case("norm-axes", "xp.linalg.norm(xp.ones((2, 3)), axis=(0, 0))",
         message=True),
    case("norm-vector-fro", "xp.linalg.norm(xp.ones(3), ord='fro')",
         message=True),
    # NumPy computes the nuclear norm with an SVD; minind has none.
    case("norm-nuclear", "xp.linalg.norm(xp.ones((2, 3)), ord='nuc')",
         expect="NotImplementedError", match="singular values"),
]

# -- Iterators and resizing: a.flat, broadcast, a.resize -----------------
GROUPS["iterators"] = [
    case("flat-out-of-bounds", "xp.arange(6).flat[6]", message=True),
    case("flat-negative-out-of-bounds", "xp.arange(6).flat[-7]",
         message=True),
    case("flat-index-array-out-of-bounds", "xp.arange(6).flat[[0, 2**62]]",
         message=True),
    case("flat-two-indices", "xp.arange(6).flat[1, 2]", message=True),
    case("flat-float-array", "xp.arange(6).flat[xp.array([1.0])]",
         message=True),
    case("flat-string", "xp.arange(6).flat['a']", message=True),
    case("flat-mask-length", "xp.arange(6).flat[xp.array([True, False])]",
         message=True),
    case("flat-bool-list", "xp.arange(3).flat[[True, False, True]]",
         message=True),
    case("flat-assign-0d-index", "xp.arange(3).flat[()] = 1",
         message=True),
    case("flat-assign-read-only", "a.flat[0] = 1", setup=READONLY,
         message=True),
    case("flat-attribute-read-only", "a.flat = 1", setup=READONLY,
         message=True),
    case("flat-assign-sequence-to-item", "xp.arange(3).flat[0] = [1, 2]",
         message=True),
    case("flat-assign-out-of-bounds", "xp.arange(3).flat[[5]] = 1",
         message=True),
    case("flat-huge-index", "xp.arange(3).flat[2**70]"),
    case("broadcast-mismatch", "xp.broadcast(xp.ones(3), xp.ones(4))",
         message=True),
    case("broadcast-65", "xp.broadcast(*[xp.ones(1)] * 65)", message=True),
    case("broadcast-keyword", "xp.broadcast(xp.ones(1), a=1)", message=True),
    case("broadcast-next-past-end", "next(b)",
         setup="b = xp.broadcast(xp.ones(1))\nnext(b)"),
    case("resize-negative", "xp.arange(3.0).resize(-1, refcheck=False)",
         message=True),
    case("resize-huge", "xp.arange(3.0).resize(2**62, refcheck=False)"),
    case("resize-overflow", "xp.arange(3.0).resize((2**40, 2**40), "
         "refcheck=False)"),
    case("resize-not-contiguous", "xp.arange(6.0)[::2].resize(2)",
         message=True),
    case("resize-not-owner", "xp.arange(6.0)[1:].resize(2)", message=True),
    case("resize-referenced", "a.resize(7)",
         setup="a = xp.arange(6.0)\nb = a", message=True),
    case("resize-string", "xp.arange(3.0).resize('hi')", message=True),
    case("resize-refcheck-none", "xp.arange(3.0).resize(2, refcheck=None)",
         message=True),
    # NumPy reallocates under the view (it trusts refcheck=False) and
    # the view reads freed memory; minind refuses.
    case("resize-under-a-view", "a.resize(10**6, refcheck=False)",
         setup="a = xp.arange(6.0)\nv = a[1:]", expect="ValueError",
         match="view"),
    # The same for a buffer export (NumPy's memoryview would dangle).
    case("resize-under-an-export", "a.resize(10**6, refcheck=False)",
         setup="a = xp.arange(6.0)\nm = memoryview(a)",
         expect="BufferError", match="exported"),
    case("resize-under-a-capsule", "a.resize(10**6, refcheck=False)",
         setup="a = xp.arange(6.0)\nc = a.__dlpack__()",
         expect="BufferError", match="exported"),
    case("resize-function-negative", "xp.resize(xp.arange(3), (2, -1))",
         message=True),
    case("resize-function-none", "xp.resize(xp.arange(3), None)",
         message=True),
]

CASES = {c.id: c for cases in GROUPS.values() for c in cases}
GROUP_OF = {c.id: name for name, cases in GROUPS.items() for c in cases}
assert len(CASES) == sum(len(cases) for cases in GROUPS.values()), \
    "duplicate case ids"

MARKER = "@@badinput "


def _class_record(cls):
    return {"module": cls.__module__, "name": cls.__qualname__}


def run_case(xp, c):
    """Run one case with ``xp``; a JSON-able record of what happened."""
    namespace = {"xp": xp}
    try:
        exec(compile(c.setup, f"<{c.id} setup>", "exec"), namespace)
    except Exception as error:      # noqa: BLE001 -- a catalogue mistake
        return {"id": c.id, "outcome": "setup-error",
                "error": f"{type(error).__name__}: {error}"}
    try:
        exec(compile(c.code, f"<{c.id}>", "exec"), namespace)
    except Exception as error:      # noqa: BLE001 -- what we are testing
        return {"id": c.id, "outcome": "raised",
                "class": _class_record(type(error)),
                "mro": [_class_record(k) for k in type(error).__mro__],
                "message": str(error)}
    return {"id": c.id, "outcome": "returned",
            "result": describe_result(namespace.get("result"))}


def describe_result(value):
    """What a ``returns`` case produced, as JSON: an array's dtype, shape,
    strides and values, or a plain Python value."""
    if hasattr(value, "dtype") and hasattr(value, "tolist"):
        return {"dtype": str(value.dtype), "shape": list(value.shape),
                "strides": list(value.strides), "values": value.tolist()}
    return {"value": value if isinstance(value, (bool, int, float, str))
            else repr(value)}


def child_main(expected_file):
    """Run the cases read from stdin (a JSON list of [id, setup, code])
    with xp = minind: one JSON line per case, flushed before the next
    case starts."""
    import faulthandler
    faulthandler.enable()
    import minind
    if expected_file and minind.__file__ != expected_file:
        sys.stderr.write(f"child imported {minind.__file__}, parent "
                         f"{expected_file}\n")
        sys.exit(3)
    out = sys.stdout
    out.write(MARKER + json.dumps({"ready": minind.__file__}) + "\n")
    out.flush()
    for case_id, setup, code in json.load(sys.stdin):
        record = run_case(minind, case(case_id, code, setup))
        out.write(MARKER + json.dumps(record) + "\n")
        out.flush()


if __name__ == "__main__":
    child_main(sys.argv[1] if len(sys.argv) > 1 else None)
