#!/usr/bin/env python3
"""Fuzz target: ufuncs, operators and reductions against NumPy.

    python tests/fuzz/fuzz_ufunc.py [libFuzzer flags] [corpus dirs]

Operands are arrays in any layout and dtype (``_common.Recipe``) with
shapes that broadcast together (or, sometimes, do not), Python scalars
(huge ints, NaN, inf included) and NumPy scalars.  The calls:

* every ufunc minind has, with ``out=`` (the right shape and dtype in any
  layout, a wrong shape, a read-only or broadcast array, another dtype,
  an operand itself, a tuple, a list), ``dtype=``, ``casting=`` (every
  rule and a bogus one) and, rarely, ``where=True`` (compared as any
  call) or ``where=False`` (``check_where_false``);
* the operators, reflected and in place;
* reductions: ``sum prod max min argmax argmin mean std var all any
  cumsum cumprod nansum nanmean`` as functions and methods, and
  ``ufunc.reduce``/``accumulate``/``outer``, with ``axis`` (None, in and
  out of range, negative, tuples with repeats, wrong types),
  ``keepdims``, ``dtype``, ``out``, ``initial``, ``ddof``;
* ``clip`` and ``where``.

Outcomes must match NumPy's (``_common.check``), and every array written
to (``out=``, in-place operands) must hold the same values afterwards.
Documented differences are honoured: floats compare NaN-equal with the
sign of zero, transcendental functions within a few ULP; where NumPy
computes in float16 minind uses float32 (NumPy is asked for float32);
out-of-range float -> int casts are not compared.
"""
import operator
import os
import sys

import atheris

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
with atheris.instrument_imports(include=["minind", "_common"]):
    import numpy as np
    import minind as mi
    import _common as c

UNARY = ["negative", "positive", "absolute", "sign", "sqrt", "square",
         "exp", "log", "log1p", "expm1", "tanh", "sin", "cos",
         "logical_not", "invert", "bitwise_not", "isnan", "isinf",
         "isfinite", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh",
         "arcsinh", "arccosh", "arctanh", "exp2", "log2", "log10", "cbrt",
         "deg2rad", "rad2deg", "rint", "floor", "ceil", "trunc",
         "reciprocal", "signbit", "conjugate", "acos", "bitwise_invert"]
BINARY = ["add", "subtract", "multiply", "true_divide", "divide",
          "floor_divide", "remainder", "mod", "power", "maximum", "minimum",
          "equal", "not_equal", "less", "less_equal", "greater",
          "greater_equal", "logical_and", "logical_or", "logical_xor",
          "bitwise_and", "bitwise_or", "bitwise_xor", "left_shift",
          "right_shift", "gcd", "lcm", "fmax", "fmin", "arctan2", "hypot",
          "copysign", "nextafter", "logaddexp", "logaddexp2",
          "float_power", "atan2", "pow", "bitwise_left_shift"]
TRANSCENDENTAL = {"exp", "log", "log1p", "expm1", "tanh", "sin", "cos",
                  "power", "pow", "tan", "arcsin", "arccos", "acos",
                  "arctan", "sinh", "cosh", "arcsinh", "arccosh", "arctanh",
                  "exp2", "log2", "log10", "cbrt", "arctan2", "atan2",
                  "hypot", "logaddexp", "logaddexp2", "float_power"}
ULPS = 8          # the C library against NumPy's SIMD loops (README)

OPERATORS = [operator.add, operator.sub, operator.mul, operator.truediv,
             operator.floordiv, operator.mod, operator.pow, operator.and_,
             operator.or_, operator.xor, operator.lt, operator.le,
             operator.eq, operator.ne, operator.gt, operator.ge]
IN_PLACE = [operator.iadd, operator.isub, operator.imul, operator.itruediv,
            operator.ifloordiv, operator.imod, operator.ipow,
            operator.iand, operator.ior, operator.ixor]
UNARY_OPERATORS = [operator.neg, operator.pos, operator.abs,
                   operator.invert]

# name: the keyword arguments it takes (besides the array)
REDUCTIONS = {
    "sum": ("axis", "dtype", "out", "keepdims", "initial"),
    "prod": ("axis", "dtype", "out", "keepdims", "initial"),
    "max": ("axis", "out", "keepdims", "initial"),
    "min": ("axis", "out", "keepdims", "initial"),
    "argmax": ("axis", "out", "keepdims"),
    "argmin": ("axis", "out", "keepdims"),
    "mean": ("axis", "dtype", "out", "keepdims"),
    "std": ("axis", "dtype", "out", "ddof", "keepdims"),
    "var": ("axis", "dtype", "out", "ddof", "keepdims"),
    "all": ("axis", "out", "keepdims"),
    "any": ("axis", "out", "keepdims"),
    "cumsum": ("axis", "dtype", "out"),
    "cumprod": ("axis", "dtype", "out"),
    "nansum": ("axis", "dtype", "out", "keepdims"),
    "nanmean": ("axis", "dtype", "out", "keepdims"),
}
METHODS = {"sum", "prod", "max", "min", "argmax", "argmin", "mean", "std",
           "var", "all", "any", "cumsum", "cumprod"}
# (Not arctan2: NumPy's SIMD loop reduces it to arctan2(first, last).)
REDUCIBLE = ["add", "multiply", "maximum", "minimum", "logical_and",
             "logical_or", "logical_xor", "bitwise_and", "bitwise_or",
             "bitwise_xor", "subtract", "true_divide", "less", "fmax",
             "fmin", "hypot", "logaddexp", "gcd", "lcm", "left_shift"]
CASTINGS = ["no", "equiv", "safe", "same_kind", "unsafe", "bogus"]
ODD_DTYPES = ["float16", "complex128", "U1", "O", "int7"]


# ---------------------------------------------------------------------------
# Operands
# ---------------------------------------------------------------------------

class Operand:
    """One argument, as a spec built for each library: an array recipe,
    or the same scalar for both."""

    def __init__(self, recipe=None, scalar=None):
        self.recipe, self.scalar = recipe, scalar

    def __repr__(self):
        return repr(self.recipe) if self.recipe else repr(self.scalar)

    def build(self):
        """(minind's, NumPy's, NumPy owner, minind owner)."""
        if self.recipe is None:
            return self.scalar, self.scalar, None, None
        n, n_owner = self.recipe.build_numpy()
        m, m_owner = self.recipe.build_minind()
        c.check_twins(repr(self.recipe), m, n)
        return m, n, m_owner, n_owner


def draw_operand(fdp, shape, *, array_only=False, numpy_scalars=True):
    """An array (usually of a shape that broadcasts with ``shape``), a
    Python scalar, or a NumPy scalar.  (Not for operators: NumPy's
    scalar would handle ``np.int8(1) + a`` itself, turning minind's
    array into a NumPy one.)"""
    choice = fdp.ConsumeIntInRange(0, 11 if numpy_scalars else 10)
    if array_only or choice <= 7:
        if choice == 7 and not array_only:
            operand_shape = c.draw_shape(fdp, max_ndim=3)   # may not fit
        else:
            operand_shape = tuple(
                length if fdp.ConsumeIntInRange(0, 3) else 1
                for length in shape[fdp.ConsumeIntInRange(0, 1)
                                    if shape and fdp.ConsumeIntInRange(
                                        0, 3) == 0 else 0:])
        return Operand(recipe=c.draw_recipe(fdp, shape=operand_shape))
    if choice <= 10:
        return Operand(scalar=c.draw_python_scalar(fdp))
    name = c.draw_dtype(fdp)
    return Operand(scalar=c.np_scalar(name, c.draw_values(fdp, name, 1)[0]))


def draw_axis(fdp, ndim):
    choice = fdp.ConsumeIntInRange(0, 11)
    if choice <= 2:
        return None
    if choice <= 7:
        return fdp.ConsumeIntInRange(-ndim - 1, ndim)
    if choice <= 9:
        return tuple(fdp.ConsumeIntInRange(-ndim - 1, ndim)
                     for _ in range(fdp.ConsumeIntInRange(0, 3)))
    return fdp.PickValueInList([1.0, "0", [0], 2**63, -2**63 - 1,
                                np.int64(0), (0, None)])


def draw_dtype_arg(fdp):
    choice = fdp.ConsumeIntInRange(0, 9)
    if choice <= 5:
        return None
    if choice == 9:
        return fdp.PickValueInList(ODD_DTYPES)
    return c.draw_dtype(fdp)


# ---------------------------------------------------------------------------
# out=
# ---------------------------------------------------------------------------

def draw_out(fdp, probe, operands):
    """A spec for ``out=``, from NumPy's result without it (``probe``)."""
    choice = fdp.ConsumeIntInRange(0, 11)
    if choice <= 4:
        return None
    shape, dtype = (), "float64"
    if probe.ok and isinstance(probe.value, (np.ndarray, np.generic)):
        shape, dtype = np.shape(probe.value), probe.value.dtype.name
    if dtype == "float16":
        dtype = "float32"
    if dtype not in c.DTYPES:
        dtype = "float64"
    if choice <= 7:
        if fdp.ConsumeIntInRange(0, 2) == 0:
            dtype = c.draw_dtype(fdp)
        return ("array", c.draw_recipe(fdp, shape=shape, dtype=dtype),
                fdp.ConsumeIntInRange(0, 4) == 0)
    if choice == 8:
        wrong = list(shape)
        if wrong and fdp.ConsumeBool():
            wrong[fdp.ConsumeIntInRange(0, len(wrong) - 1)] += 1
        else:
            wrong.insert(0, fdp.ConsumeIntInRange(0, 2))
        return ("array", c.draw_recipe(fdp, shape=tuple(wrong), dtype=dtype),
                False)
    if choice == 9:
        arrays = [k for k, o in enumerate(operands) if o.recipe is not None]
        if arrays:
            return ("operand", fdp.PickValueInList(arrays))
    return ("other", fdp.PickValueInList([[0.0], 5, None]))


def build_out(spec, built):
    """(minind's out, NumPy's out, minind's owner, NumPy's owner)."""
    if spec is None:
        return None, None, None, None
    if spec[0] == "array":
        m, m_owner = spec[1].build_minind()
        n, n_owner = spec[1].build_numpy()
        if spec[2]:
            return (m,), (n,), m_owner, n_owner
        return m, n, m_owner, n_owner
    if spec[0] == "operand":
        m, n, m_owner, n_owner = built[spec[1]]
        return m, n, m_owner, n_owner
    return spec[1], spec[1], None, None


# ---------------------------------------------------------------------------
# Calls
# ---------------------------------------------------------------------------

class Call:
    """What to call: ``run(xp, args, kwargs)``; its description."""

    def __init__(self, what, function, operands, kwargs, ulps=0,
                 in_place=False):
        self.what, self.function = what, function
        self.operands, self.kwargs = operands, kwargs
        self.ulps, self.in_place = ulps, in_place


def draw_call(fdp):
    shape = c.draw_shape(fdp, max_ndim=3)
    kind = fdp.ConsumeIntInRange(0, 9)
    if kind <= 3:
        return draw_ufunc_call(fdp, shape)
    if kind <= 5:
        return draw_operator_call(fdp, shape)
    if kind <= 8:
        return draw_reduction(fdp, shape)
    return draw_clip_or_where(fdp, shape)


def draw_ufunc_call(fdp, shape):
    name = fdp.PickValueInList(UNARY + BINARY)
    nin = 1 if name in UNARY else 2
    operands = [draw_operand(fdp, shape, array_only=k == 0 and nin == 1)
                for k in range(nin)]
    kwargs = {}
    dtype = draw_dtype_arg(fdp)
    if dtype is not None:
        kwargs["dtype"] = dtype
    if fdp.ConsumeIntInRange(0, 3) == 0:
        kwargs["casting"] = fdp.PickValueInList(CASTINGS)
    if fdp.ConsumeIntInRange(0, 15) == 0:
        kwargs["where"] = fdp.PickValueInList([True, False])
    call = Call(name, lambda xp: getattr(xp, name), operands, kwargs,
                ulps=ULPS if name in TRANSCENDENTAL else 0)
    call.wants_out = True
    return call


def draw_operator_call(fdp, shape):
    choice = fdp.ConsumeIntInRange(0, 3)
    if choice == 0:
        op = fdp.PickValueInList(UNARY_OPERATORS)
        operands = [draw_operand(fdp, shape, array_only=True)]
        call = Call(op.__name__, lambda xp: op, operands, {})
    elif choice == 1:
        op = fdp.PickValueInList(IN_PLACE)
        operands = [draw_operand(fdp, shape, array_only=True),
                    draw_operand(fdp, shape, numpy_scalars=False)]
        call = Call(op.__name__, lambda xp: op, operands, {}, in_place=True)
    else:
        op = fdp.PickValueInList(OPERATORS)
        operands = [draw_operand(fdp, shape, numpy_scalars=False)
                    for _ in range(2)]
        if operands[0].recipe is None and operands[1].recipe is None:
            operands[1] = draw_operand(fdp, shape, array_only=True)
        if fdp.ConsumeIntInRange(0, 3) == 0:
            operands.reverse()
        call = Call(op.__name__, lambda xp: op, operands, {})
    call.ulps = ULPS if "pow" in call.what else 0
    call.wants_out = False
    return call


def draw_reduction(fdp, shape):
    choice = fdp.ConsumeIntInRange(0, 5)
    array = draw_operand(fdp, shape, array_only=True)
    ndim = len(shape)
    kwargs = {}
    if choice <= 2:
        name = fdp.PickValueInList(sorted(REDUCTIONS))
        allowed = REDUCTIONS[name]
        method = name in METHODS and fdp.ConsumeBool()
        if method:
            function = (lambda xp, name=name:
                        lambda a, **kw: getattr(a, name)(**kw))
            what = f"a.{name}"
        else:
            function = (lambda xp, name=name: getattr(xp, name))
            what = name
    elif choice <= 4:
        name = fdp.PickValueInList(REDUCIBLE)
        method = fdp.PickValueInList(["reduce", "reduce", "accumulate"])
        allowed = ("axis", "dtype", "out") + (
            ("keepdims", "initial") if method == "reduce" else ())
        function = (lambda xp, name=name, method=method:
                    getattr(getattr(xp, name), method))
        what = f"{name}.{method}"
    else:
        name = fdp.PickValueInList(BINARY)
        other = draw_operand(fdp, c.draw_shape(fdp, max_ndim=2),
                             array_only=fdp.ConsumeBool())
        call = Call(f"{name}.outer",
                    lambda xp, name=name: getattr(xp, name).outer,
                    [array, other], {})
        call.wants_out = False
        call.ulps = ULPS if name in TRANSCENDENTAL else 0
        return call
    for keyword in allowed:
        if keyword == "out" or fdp.ConsumeIntInRange(0, 2):
            continue
        if keyword == "axis":
            kwargs["axis"] = draw_axis(fdp, ndim)
        elif keyword == "dtype":
            dtype = draw_dtype_arg(fdp)
            if dtype is not None:
                kwargs["dtype"] = dtype
        elif keyword == "keepdims":
            kwargs["keepdims"] = fdp.ConsumeBool()
        elif keyword == "initial":
            kwargs["initial"] = c.draw_python_scalar(fdp)
        elif keyword == "ddof":
            kwargs["ddof"] = fdp.PickValueInList([0, 1, 2, 5, -1, 1.5])
    call = Call(what, function, [array], kwargs)
    call.wants_out = "out" in allowed
    return call


def draw_clip_or_where(fdp, shape):
    if fdp.ConsumeBool():
        operands = [draw_operand(fdp, shape, array_only=True)]
        for _ in range(2):
            operands.append(Operand(scalar=None) if fdp.ConsumeIntInRange(
                0, 3) == 0 else draw_operand(fdp, shape))
        call = Call("clip", lambda xp: xp.clip, operands, {})
        call.wants_out = True
        return call
    operands = [draw_operand(fdp, shape) for _ in range(3)]
    call = Call("where", lambda xp: xp.where, operands, {})
    call.wants_out = False
    return call


# ---------------------------------------------------------------------------
# The target
# ---------------------------------------------------------------------------

def numpy_float32_instead(call, probe):
    """minind has no float16: where NumPy's loop is float16, compare with
    NumPy asked for float32 (README)."""
    return (probe.ok and getattr(probe.value, "dtype", None) == np.float16
            and "dtype" not in call.kwargs and call.wants_out
            and call.what in UNARY + BINARY)


def risky(call, built, probe, out_n):
    """Are out-of-range floats cast to an integer type somewhere?  (Not
    compared: platform-dependent in NumPy, defined in minind.)"""
    targets = []
    if call.kwargs.get("dtype") is not None:
        try:
            targets.append(np.dtype(call.kwargs["dtype"]))
        except TypeError:
            pass
    out = out_n[0] if isinstance(out_n, tuple) else out_n
    if isinstance(out, np.ndarray):
        targets.append(out.dtype)
    if call.in_place and isinstance(built[0][1], np.ndarray):
        targets.append(built[0][1].dtype)
    if call.what in ("clip", "where"):
        targets += [b[1].dtype for b in built if isinstance(b[1],
                                                            np.ndarray)]
    sources = [np.float64(b[1]) if type(b[1]) is float else b[1]
               for b in built]
    if probe.ok:
        sources.append(probe.value)
    return any(c.risky_float_cast(sources, target) for target in targets)


def check_where_false(call):
    """``where=False`` computes nothing: minind's new output is zeros of
    the shape and dtype NumPy's unmasked call gives.  (NumPy is not
    asked with the mask: its output is then uninitialised, and NumPy
    2.4.6 segfaults on ``np.greater_equal(np.array(65535, np.uint16),
    -1, where=False)``.)  Errors: what the unmasked call refuses for its
    types and shapes minind refuses too; value errors (a negative
    integer power) cannot happen where nothing is computed."""
    built = [operand.build() for operand in call.operands]
    plain = {k: v for k, v in call.kwargs.items() if k != "where"}
    c.note(f"{call.what}({', '.join(map(repr, call.operands))}, "
           f"**{call.kwargs!r})")
    probe = c.run(lambda: call.function(np)(*[b[1] for b in built],
                                            **plain))
    m_result = c.run(lambda: call.function(mi)(*[b[0] for b in built],
                                               **call.kwargs))
    odd = call.kwargs.get("dtype") in ODD_DTYPES or any(
        type(b[1]) is int and not -2**63 <= b[1] < 2**64 for b in built)
    if not m_result.ok:
        if probe.ok and not odd:
            # (through fail, so that a known divergence of the unmasked
            # call is known here too)
            c.fail(f"{call.what}(...) with where=False", m_result, probe,
                   "minind raised, NumPy computes unmasked")
        return
    if not probe.ok:
        return                  # (a value error where nothing is computed)
    got, want = np.asarray(m_result.value), np.asarray(probe.value)
    dtype = np.dtype("float32") if want.dtype == np.float16 else want.dtype
    if got.shape != want.shape or got.dtype != dtype or got.any():
        c.mismatch(f"{call.what} with where=False: {m_result!r}, want "
                   f"zeros of {want.shape} {dtype}")


def TestOneInput(data):
    fdp = atheris.FuzzedDataProvider(data)
    call = draw_call(fdp)

    if call.kwargs.get("where") is False:
        check_where_false(call)
        return

    # NumPy without out=, to learn the result's shape and dtype.
    c.note(f"{call.what}({', '.join(map(repr, call.operands))}, "
           f"**{call.kwargs!r})")
    built = [operand.build() for operand in call.operands]
    probe = c.run(lambda: call.function(np)(
        *[b[1] for b in built], **call.kwargs))
    out_spec = draw_out(fdp, probe, call.operands) if call.wants_out \
        else None
    float32 = numpy_float32_instead(call, probe)

    # The real calls, on fresh operands.
    built = [operand.build() for operand in call.operands]
    m_out, n_out, m_out_owner, n_out_owner = build_out(out_spec, built)
    m_kwargs, n_kwargs = dict(call.kwargs), dict(call.kwargs)
    if out_spec is not None:
        m_kwargs["out"], n_kwargs["out"] = m_out, n_out
    if float32:
        n_kwargs["dtype"] = "float32"
    what = (f"{call.what}({', '.join(map(repr, call.operands))}, "
            f"**{call.kwargs!r}, out={out_spec!r})")
    c.note(what)
    written = [(m_owner, n_owner) for m, n, m_owner, n_owner in built
               if m_owner is not None]
    if out_spec is not None and out_spec[0] == "array":
        written.append((m_out_owner, n_out_owner))
    before = [np.array(m_owner, copy=True) for m_owner, _ in written]
    # (Decided before the calls: out= may be one of the operands.)
    platform_dependent = risky(call, built, probe, n_out)
    n_result = c.run(lambda: call.function(np)(*[b[1] for b in built],
                                               **n_kwargs))
    m_result = c.run(lambda: call.function(mi)(*[b[0] for b in built],
                                               **m_kwargs))
    if platform_dependent:
        return
    refusals = ()
    if call.kwargs.get("dtype") in ODD_DTYPES:
        refusals = (TypeError,)     # not a minind dtype
    unsupported = (TypeError,)
    if any(type(b[1]) is int and not -2**63 <= b[1] < 2**64 for b in built):
        # minind refuses ints beyond int64 and uint64 (its documented
        # OverflowError) where NumPy may compute with Python objects.
        unsupported = (TypeError, OverflowError)
        if all(b[2] is None for b in built) or call.what in (
                "clip", "where") or ".outer" in call.what:
            refusals = (Exception,)
    ulps = call.ulps
    if ulps and probe.ok and getattr(probe.value, "dtype", None) in (
            np.float16, np.float32):
        # Computed in float32, maybe stored in float64: float32's ULPs.
        ulps *= 2**29 if out_spec and out_spec[0] == "array" else 1
    c.check(what, m_result, n_result, ulps=ulps, may_refuse=refusals,
            unsupported_ok=unsupported)
    if m_result.ok != n_result.ok:
        return          # a refusal minind may make
    # Everything written to must agree (out=, and the operands: in place,
    # or out= aliasing one of them); a failing call changes nothing in
    # minind (NumPy may have written part of its result).
    for (m_owner, n_owner), old in zip(written, before):
        if n_result.ok:
            c.check_same_memory(what + " (written)", m_owner, n_owner,
                                ulps=ulps)
        else:
            c.check_same_memory("failed " + what, m_owner, old)


if __name__ == "__main__":
    c.main(TestOneInput, globals())
