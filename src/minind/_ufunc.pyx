# cython: boundscheck=False, wraparound=False, cdivision=True
"""Universal functions: how ``a + b`` really runs.

A call ``mi.add(a, b)`` goes through these steps, each a function here:

0. ``_trivial_call``: operands of one dtype, shape and memory order (or
   an array and a weak scalar of its kind) go straight to the typed
   loop; this fast path is an optimisation, never a different rule.
1. ``_operands``: turn every input into a MiniArray, except Python
   scalars, which stay "weak" (NEP 50: ``int8_array + 1`` stays int8).
2. ``ufunc._execute``: pick the loop (``ufunc._loop_for``: NumPy 2's
   promotion in ``_promote``, then the first loop in the ufunc's
   ``types`` table that the promoted dtype casts to safely), apply
   NumPy's special cases (``_logical_operands``, ``_comparison_shortcut``,
   negative integer powers) and cast the inputs (``_as_inputs``).
3. ``_run``: broadcast the inputs to one shape (zero strides), allocate
   the output in the inputs' memory order (``_fresh_output``: NumPy's
   "K" order, or the trivial loop's C/F), and copy any input that
   overlaps the output.
4. ``plan_traversal`` (``_loops``): order, squeeze and coalesce the axes;
   ``plan_tiles`` may then ask for two axes in cache-sized tiles (an
   input against the grain of the output, and no input aliasing it).
5. ``walk`` (``_loops``) runs the odometer around the 1-d typed loop
   (``_kernels.run_loop``), without the GIL for large arrays.  A
   ``where=`` mask is one more operand of the walk, and ``_masked_loop``
   hands the typed loop only its runs of True.

``ufunc.at`` (``_at``) is no walk: it runs the typed loop on one element
at a time (``_at_loop``), so that a repeated index sees its own update.

Reductions (``add.reduce``) use the same machinery: the output gets
stride 0 along the reduced axes, so the inner loop either adds a whole
row into an accumulator row (contiguous, vectorised) or, when the reduced
axis is innermost, accumulates into a register with pairwise summation.

NumPy counterparts: ``ufunc_object.c`` (``ufunc_generic_fastcall``,
``PyUFunc_Reduce``), ``dispatching.c`` (promotion and loop lookup),
``reduction.c``.
"""
from cpython.buffer cimport PyObject_CheckBuffer
from libc.stdint cimport (int8_t, int16_t, int32_t, int64_t, uint8_t,
                          uint16_t, uint32_t, uint64_t, INT64_MIN)
from libc.string cimport memcpy, memset
from cpython.mem cimport PyMem_Malloc, PyMem_Free

from minind._override cimport check_ufunc_operand
from minind._fperr cimport (clear_fp_status, check_fp_status, fp_status,
                            raise_overflow, defer_casts)
from minind._core cimport (MiniArray, new_array, make_view, copy_into,
                           copy_array, normalize_axis, normalize_axis_tuple,
                           shape_text, spans_overlap, memory_order,
                           scalar_array, single_output, require_writeable,
                           where_mask, is_nested_sequence)
from minind._scalar cimport (generic, get_scalar, scalar_descr,
                             scalar_data)
from minind._dtype cimport (Descr, as_dtype, descr_of, set_item, get_item,
                            promote_index, promote_sequence,
                            can_cast_index, T_BOOL, T_INT8, T_UINT8,
                            T_INT16, T_UINT16, T_INT32, T_UINT32, T_INT64,
                            T_UINT64, T_FLOAT64, T_FLOAT32, N_TYPES)
from minind._layout cimport (MAX_NDIM, FLAG_WRITEABLE, FLAG_WARN_ON_WRITE,
                             FLAG_C_CONTIGUOUS,
                             FLAG_F_CONTIGUOUS, FLAG_ALIGNED,
                             broadcast_strides, fill_ordered_strides,
                             may_overlap_itself)
from minind._threads cimport threads_for, parallel_walk
from minind._loops cimport (Traversal, MAX_OPERANDS, axis_order, copy_cast,
                            cast_run, plan_traversal, plan_tiles, walk,
                            walk_work,
                            CAST_BLOCK, CastBuffers, alloc_cast_buffers,
                            free_cast_buffers, cast_buffered_loop,
                            traversal_text, inner_loop)
from minind._kernels cimport (
    LoopData, run_loop, reduce_rows, reduce_segments, arg_extreme,
    any_or_all, any_negative,
    work_per_element,
    OP_ABSOLUTE, OP_ADD, OP_ARCCOS,
    OP_ARCCOSH, OP_ARCSIN, OP_ARCSINH, OP_ARCTAN, OP_ARCTAN2, OP_ARCTANH,
    OP_BITWISE_AND, OP_BITWISE_OR, OP_BITWISE_XOR, OP_CBRT, OP_CEIL, OP_CLIP,
    OP_CONJUGATE, OP_COPYSIGN, OP_COS, OP_COSH, OP_DEG2RAD, OP_EQUAL, OP_EXP,
    OP_EXP2, OP_EXPM1, OP_FLOOR, OP_FLOOR_DIVIDE, OP_FMAX, OP_FMIN, OP_GCD,
    OP_GREATER, OP_GREATER_EQUAL, OP_HYPOT, OP_INVERT, OP_ISFINITE, OP_ISINF,
    OP_ISNAN, OP_LCM, OP_LEFT_SHIFT, OP_LESS, OP_LESS_EQUAL, OP_LOG, OP_LOG10,
    OP_LOG1P, OP_LOG2, OP_LOGADDEXP, OP_LOGADDEXP2, OP_LOGICAL_AND,
    OP_LOGICAL_NOT, OP_LOGICAL_OR, OP_LOGICAL_XOR, OP_MAXIMUM, OP_MINIMUM,
    OP_MULTIPLY, OP_NEGATIVE, OP_NEXTAFTER, OP_NOT_EQUAL, OP_POSITIVE,
    OP_POWER, OP_RAD2DEG, OP_RECIPROCAL, OP_REMAINDER, OP_RIGHT_SHIFT,
    OP_RINT, OP_SIGN, OP_SIGNBIT, OP_SIN, OP_SINH, OP_SQRT, OP_SQUARE,
    OP_SUBTRACT, OP_TAN, OP_TANH, OP_TRUNC, OP_TRUE_DIVIDE, OP_WHERE,
    OP_LAST_PREDICATE)

import operator
import warnings

from minind._ufunc_config import errstate

from minind._core import copyto
from minind._creation import asarray
from minind._loops import Planned
from minind.exceptions import UFuncTypeError

cdef Py_ssize_t NOGIL_THRESHOLD = 1 << 14
# A full reduction of at most this many items that needs a cast (int8 to
# int64 for sum) casts them onto the stack instead of into a new array.
cdef enum:
    SMALL_REDUCTION = 64

# Type codes in TypeIndex order, as _dtype spells them on this platform
# (int64 is 'l' where C long has 64 bits, 'q' on Windows): what
# ``ufunc.types`` shows, as NumPy's does.  The loop tables below are
# written with 'q'/'Q', which name int64/uint64 everywhere.
_CODES = "".join([descr_of(t).char for t in range(<int>N_TYPES)])


_CASTINGS = ("no", "equiv", "safe", "same_kind", "unsafe")
_KIND_RANK = {"b": 0, "u": 1, "i": 1, "f": 2}


class _NoValue:
    """Marks an argument that was not passed (``initial=`` may be None)."""
    def __repr__(self):
        return "<no value>"


NoValue = _NoValue()
# ``out=`` not passed at all (NumPy warns about where= only then).
cdef object _NO_OUT = _NoValue()
# A reduce argument not passed by name (it may come by position).
cdef object _UNSET = _NoValue()


# mi.explain (_explain.py) sets this to a list: the next loop a ufunc call
# or reduction is about to run is described there (``_plan``) instead,
# and Planned unwinds the call before anything is computed.  The plan is
# told by the very code that would run it, so it cannot drift from it.
cdef object _recorder = None


def _set_recorder(recorder):
    """Install ``recorder`` (a list, or None); returns the previous one."""
    global _recorder
    previous = _recorder
    _recorder = recorder
    return previous


cdef int _plan(dict record) except -1:
    """Hand ``record`` to mi.explain and stop the call (see _recorder)."""
    _recorder.append(record)
    raise Planned()


cdef class ufunc:
    """A universal function: an element-wise operation with broadcasting,
    type promotion, ``out=``, and (for binary ones) ``reduce``,
    ``accumulate``, ``reduceat`` and ``outer``.

    Each ufunc is a declaration: a name, the number of inputs, the
    operation code of its typed loops (``_kernels``), and its ``types``
    table, NumPy's list of loops such as ``'dd->d'`` (two float64 inputs,
    a float64 output), searched in order.

    A call is ``f(x1, x2, /, out=None, *, where=True,
    casting='same_kind', dtype=None, signature=None)``.  ``signature``
    (or ``sig``) names the loop's types, ``'dd->d'`` or a tuple with
    None where it leaves a type open (``_signature``,
    ``_loop_matching``).  ``where`` is a boolean mask,
    broadcast with the inputs (it takes part in the result's shape):
    elements where it is False are not computed, and ``out`` keeps its
    old values there.  Without ``out`` NumPy leaves those elements of
    the new array uninitialised (and warns); minind never hands out
    unwritten memory, so they are zeros (after NumPy's same warning).
    """
    cdef readonly int nin
    cdef readonly int nout
    cdef int op
    cdef str _name
    cdef list _loops          # [(input type index, output type index)]
    cdef dict _loop_cache     # input types (one number) -> _loops index
    cdef object _identity
    cdef readonly str __doc__
    # What messages call the output: "output", or "output 2" for the first
    # of a two-output ufunc's (NumPy numbers operands, inputs first).
    cdef str _output
    # Whether a call may take the trivial loop (no iterator).  NumPy has
    # one for single-output ufuncs only: divmod's halves never take it,
    # so their new outputs are laid out by the iterator, as NumPy's are.
    cdef bint _trivial_ok
    # Loops that raise floating-point flags NumPy's do not: comparisons
    # and min/max-like selections of a NaN set "invalid" in the vector
    # instructions that compare, where NumPy's loops compare quietly.
    # Their flags are dropped, not reported.
    cdef bint _fp_quiet
    # The "trivial" loop of each input type: the index into _loops of the
    # loop that takes that very type (-1: the call needs casting or a
    # check first, so it takes the general path).
    cdef int _exact[N_TYPES]

    def __cinit__(self, str name, int nin, int op, str types, identity=None,
                  str doc=""):
        if not 1 <= nin < MAX_OPERANDS:     # the loops' argument arrays
            raise ValueError(f"a ufunc takes 1 to {MAX_OPERANDS - 1} inputs")
        self._name = name
        self.nin = nin
        self.nout = 1
        self._output = "output"
        self._trivial_ok = True
        self.op = op
        self._loops = []
        self._loop_cache = {}
        for signature in types.split():
            inputs, output = signature.split("->")
            self._loops.append((as_dtype(inputs[:1]).type_index,
                                as_dtype(output).type_index))
        self._identity = identity
        self.__doc__ = doc
        self._fp_quiet = (OP_EQUAL <= op <= OP_LOGICAL_XOR
                          or OP_LOGICAL_NOT <= op <= OP_LAST_PREDICATE
                          or op in (OP_MAXIMUM, OP_MINIMUM, OP_FMAX,
                                    OP_FMIN, OP_SIGN, OP_CLIP, OP_WHERE))
        cdef int t, k
        for t in range(<int>N_TYPES):
            self._exact[t] = -1
            if t == T_BOOL and op in (OP_SUBTRACT, OP_NEGATIVE, OP_SIGN,
                                      OP_POSITIVE):
                continue              # refused with NumPy's message
            for k in range(len(self._loops)):
                if can_cast_index(t, self._loops[k][0], "safe"):
                    # (A loop that widens its items could overrun its
                    # own input in place: no trivial path for it.)
                    if self._loops[k][0] == t and descr_of(
                            self._loops[k][1]).itemsize <= descr_of(
                            t).itemsize:
                        self._exact[t] = k
                    break

    @property
    def __name__(self):
        return self._name

    @property
    def nargs(self):
        return self.nin + self.nout

    @property
    def ntypes(self):
        return len(self._loops)

    @property
    def types(self):
        """NumPy's spelling of the loops: ['??->?', 'bb->b', ...]."""
        return [_CODES[i] * self.nin + "->" + _CODES[o] * self.nout
                for i, o in self._loops]

    @property
    def identity(self):
        return self._identity

    def __repr__(self):
        return f"<ufunc '{self._name}'>"

    @property
    def __signature__(self):
        """What ``inspect.signature(mi.add)`` shows: the call's arguments,
        as NumPy's ufuncs describe theirs (``__call__`` itself takes
        ``*args``, to count the inputs and a positional ``out``)."""
        import inspect
        Parameter = inspect.Parameter
        names = ["x"] if self.nin == 1 else [f"x{i + 1}"
                                             for i in range(self.nin)]
        parameters = [Parameter(n, Parameter.POSITIONAL_ONLY) for n in names]
        parameters.append(Parameter(
            "out", Parameter.POSITIONAL_OR_KEYWORD,
            default=None if self.nout == 1 else (None,) * self.nout))
        for name, default in (("where", True), ("casting", "same_kind"),
                              ("dtype", None), ("signature", None)):
            parameters.append(Parameter(name, Parameter.KEYWORD_ONLY,
                                        default=default))
        return inspect.Signature(parameters)

    # -- calling ---------------------------------------------------------------

    def __call__(self, *args, out=_NO_OUT, dtype=None, casting="same_kind",
                 where=True, signature=None, sig=None):
        # (No docstring: it would replace the slot's text signature,
        # which inspect.signature reads; the class docstring says how a
        # ufunc is called.)
        cdef bint out_given = out is not _NO_OUT
        # out=...: NumPy 2's request for an array even where the result
        # would be a scalar (a 0-d result stays a 0-d array).
        cdef bint keep_array = out is Ellipsis
        if keep_array:
            out, out_given = _NO_OUT, False
        if sig is not None:
            if signature is not None:
                raise TypeError("cannot specify both 'sig' and 'signature'")
            signature = sig
        if signature is not None:
            if dtype is not None:
                raise TypeError("cannot specify both 'signature' and "
                                "'dtype'")
            dtype = self._signature(signature)
        if not out_given:
            out = None
        if len(args) == self.nin + 1:
            if out is not None or keep_array:
                raise TypeError("cannot specify 'out' as both a positional "
                                "and keyword argument")
            args, out = args[:self.nin], args[self.nin]
            if out is Ellipsis:
                raise TypeError("out=... is only allowed as a keyword "
                                "argument.")
            out_given = True
        if len(args) != self.nin:
            raise TypeError(
                f"{self._name}() takes from {self.nin} to {self.nin + 1} "
                f"positional arguments but {len(args)} "
                f"{'was' if len(args) == 1 else 'were'} given")
        out = single_output(out)
        # The loops below leave their floating-point errors in the status
        # flags, reported once at the end (_fperr.pyx).
        clear_fp_status()
        result = self._call(args, out, out_given, dtype, casting, where,
                            keep_array)
        self._check_fp(self._name)
        return result

    def _operator(self, *args):
        """The ufunc as a scalar's operator (``mi.float64(1) / 0``) stands
        for it: NumPy's scalar math, whose errors name it "scalar divide"
        when no array took part, and which notes the overflow of integer
        ``+``, ``-``, ``*``, unary ``-`` and ``abs`` (an array's loops
        wrap around silently)."""
        clear_fp_status()
        result = _scalar_call(self, args, True)
        if result is not None:         # one dtype: NumPy's scalar math
            if fp_status():
                self._check_fp("scalar " + self._name)
            return result
        result = self._call(args, None, False, None, "same_kind", True,
                            False)
        self._check_scalar_fp(args, result, self._name)
        return result

    cdef int _check_scalar_fp(self, tuple args, object result,
                              str name) except -1:
        if ((self.op == OP_ADD or self.op == OP_SUBTRACT
                or self.op == OP_MULTIPLY or self.op == OP_NEGATIVE
                or self.op == OP_ABSOLUTE)
                and isinstance(result, generic)
                and T_BOOL < scalar_descr(<generic>result).type_index
                < T_FLOAT32
                # (scalar math first: it admits only numbers, the one
                # kind of operand _wrapped_around may call int() on)
                and _scalar_math(args)
                and _wrapped_around(self.op, args, result)):
            raise_overflow()
        if self._fp_quiet or not fp_status():
            return self._check_fp(name)
        if _scalar_math(args):
            name = "scalar " + name
        return self._check_fp(name)

    cdef inline int _check_fp(self, str name) except -1:
        """Report the floating-point errors of a call just made under
        ``name`` (_fperr.pyx), or drop them for the quiet loops."""
        if self._fp_quiet:
            clear_fp_status()
            return 0
        return check_fp_status(name)

    cdef object _call(self, tuple args, MiniArray out, bint out_given,
                      object dtype, object casting, object where,
                      bint keep_array):
        """``__call__`` once its arguments are sorted out: the fastest
        path that applies (one scalar, the trivial loop, the general
        one)."""
        if where is not True:
            return self._masked_call(args, out, out_given, dtype, casting,
                                     where, keep_array)
        if dtype is None and casting == "same_kind":
            if out is None and not keep_array:
                result = _scalar_call(self, args, False)
                if result is not None:
                    return result
            result = (_trivial_call(self, args, out) if self._trivial_ok
                      else None)
            if result is not None:
                return _call_result(result, out, keep_array)
        return _call_result(self._execute(_operands(args), out, dtype,
                                          casting), out, keep_array)

    cdef object _masked_call(self, tuple args, MiniArray out,
                             bint out_given, object dtype, object casting,
                             object where, bint keep_array):
        """A call with a ``where=`` mask other than True: never the
        trivial loop (NumPy too runs its iterator, with the mask as one
        more operand: ``generic_masked_strided_loop`` in
        ``array_method.c``); ``_masked_loop`` runs the typed loop on the
        runs of True only."""
        cdef MiniArray mask = where_mask(where)
        if out is None and not out_given:
            # NumPy's warning, word for word (its own tests match it);
            # minind's output is zeros there, not uninitialised memory.
            warnings.warn("'where' used without 'out', expect unitialized "
                          "memory in output. If this is intentional, use "
                          "out=None.", UserWarning, stacklevel=2)
        return _call_result(self._execute(_operands(args), out, dtype,
                                          casting, mask), out, keep_array)

    cdef object _signature(self, object signature):
        """``signature=`` (NumPy's type tuple or type string) as what
        ``_execute`` takes for ``dtype``: None when it fixes nothing, the
        output's dtype when it fixes only that (``dtype=`` means the
        same), else a tuple of type indices, -1 where it fixes none.

        A string is NumPy's type string, ``'dd->d'``: one type code per
        operand, the inputs' before the arrow.  A tuple has one entry
        per operand (a dtype, or None); a single entry is refused, as in
        NumPy, where it once meant something else."""
        cdef int nargs = self.nin + self.nout
        if isinstance(signature, bytes):
            signature = signature.decode()
        if isinstance(signature, str):
            before, arrow, after = signature.partition("->")
            if (not arrow or len(before) != self.nin
                    or len(after) != self.nout):
                if len(signature) == 1:
                    signature = (signature,)
                else:
                    raise ValueError(
                        f"a type-string for {self._name}, {self.nin} "
                        f"typecode(s) before and {self.nout} after the -> "
                        "sign")
            else:
                # (A code that names no type is NumPy's ValueError here,
                # where a tuple's entry is its TypeError.)
                try:
                    signature = tuple([as_dtype(code)
                                       for code in before + after])
                except TypeError:
                    raise ValueError("Invalid data-type for array") from None
        elif not isinstance(signature, tuple):
            raise TypeError("the signature object to ufunc must be a string "
                            "or a tuple.")
        if len(signature) == 1 and nargs > 1:
            if signature[0] is None:
                raise TypeError("a single item type tuple cannot contain "
                                "None.")
            raise TypeError("Use `dtype` or  fill the tuple with more than "
                            "one 'None'.")
        if len(signature) != nargs:
            raise ValueError(f"a type-tuple must be specified of length "
                             f"{nargs} for ufunc '{self._name}'")
        fixed = tuple([-1 if t is None else as_dtype(t).type_index
                       for t in signature])
        if all([t < 0 for t in fixed[:self.nin]]):
            if all([t < 0 for t in fixed]):
                return None
            return descr_of(fixed[self.nin])       # the output's alone
        return fixed

    cdef int _loop_matching(self, list operands, tuple fixed,
                            object casting) except -1:
        """The loop a ``signature=`` that fixes input types selects, as
        NumPy's default promoter picks it: every operand the signature
        leaves open takes one common type -- the fixed output's, else the
        promotion of the inputs with the fixed types in place of those
        operands' (weak Python scalars stay weak) -- and a loop of
        exactly those types must exist.  So ``add(f64, 0.5,
        signature=('f4', None, None))`` runs 'ff->f', and ``('i8', None,
        None)`` there finds no loop (int64 with a Python float is
        float64); a logical operation's open operands are all bool."""
        cdef int k, i, common
        cdef list stand_ins
        if self.nin == 1:
            common = fixed[0]              # (one input: nothing to promote)
        elif OP_LOGICAL_AND <= self.op <= OP_LOGICAL_XOR:
            common = T_BOOL                # (NumPy's logical promoter)
        elif fixed[self.nin] >= 0:
            common = fixed[self.nin]
        else:
            stand_ins = [operands[i] if fixed[i] < 0 else
                         new_array(descr_of(fixed[i]), 0, NULL, False, False)
                         for i in range(self.nin)]
            common = _promote(stand_ins)
        types = [common if t < 0 else t for t in fixed[:self.nin]]
        for k in range(len(self._loops)):
            in_type, out_type = self._loops[k]
            if (all([t == in_type for t in types])
                    and fixed[self.nin] in (-1, out_type)):
                return k
        # No such loop.  Unless an operand is a weak Python number, NumPy
        # then asks its older type-tuple search: the first loop that has
        # every fixed type and that each open input casts to under
        # ``casting``, but at most 'safe' (the fixed inputs are cast, or
        # refused, afterwards).
        if casting not in ("no", "equiv", "safe"):
            casting = "safe"
        if all([isinstance(o, MiniArray) or type(o) is bool
                for o in operands]):
            for k in range(len(self._loops)):
                in_type, out_type = self._loops[k]
                if (all([t in (-1, in_type) for t in fixed[:self.nin]])
                        and fixed[self.nin] in (-1, out_type)
                        and all([fixed[i] >= 0 or can_cast_index(
                            T_BOOL if type(operands[i]) is bool else
                            (<MiniArray>operands[i]).dtype.type_index,
                            in_type, casting) for i in range(self.nin)])):
                    return k
        raise TypeError(
            "No loop matching the specified signature and casting was "
            f"found for ufunc {self._name}")

    cdef int _loop_for(self, list operands, object dtype) except -1:
        """Index into ``_loops`` of the loop this call runs."""
        cdef int promoted, k
        cdef long key
        cdef Descr forced
        cdef tuple types
        if dtype is not None:
            forced = as_dtype(dtype)
            if _is_comparison(self):
                # Comparisons and logical ufuncs: dtype= names the (bool)
                # output; the inputs are promoted as usual.
                if forced.type_index == T_BOOL:
                    return self._loop_for(operands, None)
            else:
                for k in range(len(self._loops)):
                    if self._loops[k][1] == forced.type_index:
                        return k
            raise TypeError(
                "No loop matching the specified signature and casting was "
                f"found for ufunc {self._name}")
        promoted = _promote(operands)
        if promoted == T_BOOL:
            self._check_bool_support()
        # NumPy takes the first loop that every input casts to safely (a
        # weak Python scalar counting as the promoted dtype, so that
        # int8_array + 1 stays int8).  Where the table has a loop for
        # every dtype, that is the promoted dtype's loop; where it has
        # gaps it can come earlier: arctan2 of int8 and uint16 arrays runs
        # in float32, which holds both, though they promote to int32.
        if self.op == OP_TRUE_DIVIDE and descr_of(promoted).kind in "biu":
            key = -1                      # int / int is float64
        else:
            # The cache key: the input types as one number (base N_TYPES).
            key = 0
            for operand in operands:
                key = key * N_TYPES + (
                    (<MiniArray>operand).dtype.type_index
                    if isinstance(operand, MiniArray) else promoted)
        cached = self._loop_cache.get(key)
        if cached is not None:
            return cached
        types = (T_FLOAT64,) if key < 0 else tuple([
            (<MiniArray>o).dtype.type_index if isinstance(o, MiniArray)
            else promoted for o in operands])
        for k in range(len(self._loops)):
            if self._loops[k][0] != promoted and (
                    self.op == OP_GCD or self.op == OP_LCM):
                # NumPy 2 casts nothing for gcd and lcm: the promoted
                # dtype needs a loop of its own (bool has none).
                continue
            if all([can_cast_index(t, self._loops[k][0], "safe")
                    for t in types]):
                self._loop_cache[key] = k
                return k
        if self.op == OP_GCD or self.op == OP_LCM:
            raise _no_loop_error(self._name, operands)
        raise TypeError(
            f"ufunc '{self._name}' not supported for the input types, and "
            "the inputs could not be safely coerced to any supported types "
            "according to the casting rule ''safe''")

    cdef int _check_bool_support(self) except -1:
        if self.op == OP_SUBTRACT:
            raise TypeError(
                "numpy boolean subtract, the `-` operator, is not "
                "supported, use the bitwise_xor, the `^` operator, or the "
                "logical_xor function instead.")
        if self.op == OP_NEGATIVE:
            raise TypeError(
                "The numpy boolean negative, the `-` operator, is not "
                "supported, use the `~` operator or the logical_not "
                "function instead.")
        if self.op == OP_SIGN or self.op == OP_POSITIVE:
            raise _no_loop_error(self._name, [True])
        return 0

    cdef int _select(self, list operands, object dtype, object casting,
                     bint* any_input_cast) except -1:
        """Which loop a call runs: its index into ``_loops``.  The
        operands are rewritten in place as the loop reads them (a Python
        number the signature types is packed; a logical operation's
        operands become truth values), and ``any_input_cast`` is set where
        the inputs are converted under any casting rule (the truth
        values).  ``_execute`` runs what this picks and ``resolve_dtypes``
        reports it, so the two cannot disagree.  (No tuple is returned:
        this runs on every general call.)"""
        cdef int k
        cdef int fixed = -1
        if casting not in _CASTINGS:
            raise ValueError("casting must be one of 'no', 'equiv', 'safe', "
                             f"'same_kind', 'unsafe' (got {casting!r})")
        any_input_cast[0] = False
        if type(dtype) is tuple:                # signature= fixed inputs
            fixed = self._loop_matching(operands, dtype, casting)
            # A Python number where the signature fixes the type is
            # converted to that type as a value, with no casting check
            # (add(int8_array, 2.5, signature='bb->b') adds 2), as NumPy
            # packs it.
            operands[:] = [_packed(o, dtype[i])
                           if dtype[i] >= 0 and not isinstance(o, MiniArray)
                           else o for i, o in enumerate(operands)]
            dtype = None
        if fixed >= 0:
            k = fixed
            if (OP_LOGICAL_AND <= self.op <= OP_LOGICAL_XOR
                    and self._loops[k][0] == T_BOOL):
                any_input_cast[0] = True        # (the truth values: below)
        elif OP_LOGICAL_AND <= self.op <= OP_LOGICAL_XOR:
            # dtype= is resolved before any operand's value is read (NumPy
            # reports a dtype no loop has before a Python int too large):
            # bool, the only output these have, means what no dtype= does.
            if dtype is not None:
                if as_dtype(dtype).type_index != T_BOOL:
                    raise TypeError(
                        "No loop matching the specified signature and "
                        f"casting was found for ufunc {self._name}")
                dtype = None
            operands[:] = _logical_operands(operands)
            # NumPy runs its typed loop ('bb->?') only for operands of one
            # dtype; anything else (a Python scalar, mixed dtypes) runs the
            # bool loop on every input's truth value, a cast it allows
            # under any casting rule.  (Values agree either way; the
            # output's layout follows from which inputs need a cast.)
            any_input_cast[0] = True
            if not _one_array_dtype(operands):
                k = 0                                   # '??->?'
            else:
                k = self._loop_for(operands, dtype)
        else:
            k = self._loop_for(operands, dtype)
        return k

    cdef MiniArray _execute(self, list operands, object out, object dtype,
                            object casting, MiniArray mask=None):
        """Pick the loop, cast the inputs and run one call; returns the
        output array.  NumPy's special cases for logical operations and
        comparisons live in ``_logical_operands`` and
        ``_comparison_shortcut``; the rest is the general path.  ``mask``
        (a bool array, or None for every element) is ``where=``."""
        cdef int k, in_type, out_type
        cdef MiniArray result
        cdef list inputs
        cdef LoopData data
        cdef bint any_input_cast
        k = self._select(operands, dtype, casting, &any_input_cast)
        input_casting = "unsafe" if any_input_cast else casting
        in_type, out_type = self._loops[k]
        # NumPy's order of complaints: a Python int out of range first,
        # then an output that cannot take the result, then the rest.
        if not OP_EQUAL <= self.op <= OP_GREATER_EQUAL:
            for operand in operands:
                if type(operand) is int:
                    set_item(descr_of(in_type), _SCRATCH, operand)
        if out is not None:
            _check_output_cast(self, out_type, out.dtype, casting)
        if OP_EQUAL <= self.op <= OP_GREATER_EQUAL:
            shortcut = _comparison_shortcut(self, operands, in_type, out,
                                            casting, mask)
            if shortcut is not None:
                return shortcut
        inputs = _as_inputs(self, operands, in_type, input_casting)
        if (self.op == OP_POWER and descr_of(in_type).kind == "i"
                and _recorder is None         # (mi.explain: no values)
                and all([(<MiniArray>i).size for i in inputs])):
            _refuse_negative_powers(inputs, out, mask)
        result = _run(self, inputs, out, out_type, casting, &data, in_type,
                      [o if isinstance(o, MiniArray) else i
                       for o, i in zip(operands, inputs)],
                      None, mask is None and self._trivial_ok, True, mask)
        return result

    # -- reductions ------------------------------------------------------------

    def reduce(self, array, axis=0, dtype=None, *more, out=_UNSET,
               keepdims=_UNSET, initial=_UNSET, where=_UNSET):
        """Combine the elements along ``axis`` (an int, a tuple, or None
        for all) with this binary operation: ``add.reduce`` is a sum.

        The result keeps the other axes (``keepdims`` keeps the reduced
        ones with length 1).  An empty reduction gives the identity, or
        ``initial``; without either it is an error, as in NumPy.  The
        arguments are NumPy's, in NumPy's order.  ``where``, a boolean
        mask broadcast to ``array``, leaves elements out: the reduction
        starts from ``initial`` or the identity (one of them is then
        required) and folds in the elements where the mask is True.
        """
        cdef MiniArray mask = None
        cdef bint keep_array
        # The parameters are NumPy's (array, axis, dtype, out, keepdims,
        # initial, where), any of them by position; the last four are
        # taken apart here (the signature inspect reports is set below the
        # class), so that a positional out=... can be told from a keyword
        # one, which NumPy refuses, while calls by keyword stay as fast.
        if more:
            out, keepdims, initial, where = _by_position(
                more, [out, keepdims, initial, where])
        out = None if out is _UNSET else out
        keepdims = False if keepdims is _UNSET else keepdims
        initial = NoValue if initial is _UNSET else initial
        where = True if where is _UNSET else where
        keep_array = out is Ellipsis                # as in __call__
        if self.nin != 2:
            raise ValueError("reduce only supported for binary functions")
        if where is not True and not (isinstance(where, generic)
                                      and where.dtype.kind == "b" and where):
            mask = where_mask(where)
        if (initial is NoValue and not keep_array and out is not None
                and self._identity is not None):
            initial = _identity_through(self._identity, single_output(out))
        return _reported_reduce(self, asarray(array), axis, dtype,
                                None if keep_array else single_output(out),
                                keepdims, initial, keep_array, mask)

    def accumulate(self, array, axis=0, dtype=None, out=None):
        """Running results along ``axis``: ``add.accumulate`` is cumsum."""
        if self.nin != 2:
            raise ValueError("accumulate only supported for binary "
                             "functions")
        array = asarray(array)
        out = None if out is Ellipsis else single_output(out)
        clear_fp_status()
        result = _accumulate(self, array, axis, dtype, out)
        self._check_fp("accumulate")
        return result

    def reduceat(self, array, /, indices, axis=0, dtype=None, out=None):
        """Reduce slices of ``array`` along one ``axis``: row ``i`` of the
        result is the reduction of ``array[indices[i]:indices[i + 1]]``,
        or just ``array[indices[i]]`` where ``indices[i + 1]`` is not
        greater; the last row runs to the end of the axis.
        ``add.reduceat(a, [0, 4, 1, 5])`` is ``[a[0:4].sum(), a[4],
        a[1:5].sum(), a[5:].sum()]``.  The result has the input's shape
        with ``len(indices)`` in place of the axis."""
        if self.nin != 2:
            raise ValueError("reduceat only supported for binary functions")
        array = asarray(array)
        out = None if out is Ellipsis else single_output(out)
        clear_fp_status()
        result = _reduceat(self, array, indices, axis, dtype, out)
        self._check_fp("reduceat")
        return result

    def outer(self, a, b):
        """``op(a[i, j, ...], b[k, l, ...])`` for every pair of elements:
        ``a`` gets ``b.ndim`` trailing length-1 axes, then broadcasting
        does the rest."""
        if self.nin != 2:
            raise ValueError("outer product only supported for binary "
                             "functions")
        cdef MiniArray left = asarray(a), right = asarray(b)
        return self(left.reshape(left.shape + (1,) * right.ndim), right)

    def resolve_dtypes(self, dtypes, *, signature=None, casting=None,
                       reduction=False):
        """The dtypes a call runs in, found without running it: ``dtypes``
        holds one entry per operand (inputs, then output), each a dtype,
        the Python type ``int`` or ``float`` standing for a Python
        number of that type (a weak operand, as in ``int8_array + 1``),
        or None for an output left to the ufunc.  The answer is the
        loop's dtypes; ``casting`` (default 'same_kind') checks that the
        loop's output casts to an output given.  ``reduction=True`` asks
        for ``reduce``'s loop: the first entry is then the output, which
        may be None, and the second the array's dtype."""
        cdef int nargs = self.nin + self.nout, k, position, in_type, out_type
        cdef bint any_input_cast
        if type(dtypes) is not tuple or len(dtypes) != nargs:
            raise TypeError("resolve_dtypes: The dtypes must be a tuple of "
                            "`ufunc.nargs` length.")
        if casting is None:
            casting = "same_kind"
        if reduction:
            if self.nin != 2:
                raise ValueError("ufunc is not compatible with reduction "
                                 "operations.")
            if dtypes[2] is not None:
                raise TypeError("Output dtype must not be passed for "
                                "reductions, pass the first input instead.")
            if dtypes[1] is None:
                raise TypeError("All input dtypes must be provided (except "
                                "the first one in reductions)")
            # What reduce(array, out=...) runs: _reduce_loop_type decides
            # for both, with an int64 accumulator for small integer sums.
            in_type = _reduce_loop_type(
                self, _dtype_stand_in(dtypes[1]), None,
                None if dtypes[0] is None else _dtype_stand_in(dtypes[0]))
            return (descr_of(in_type),) * 3
        operands = []
        for position in range(self.nin):
            if dtypes[position] is None:
                raise TypeError("All input dtypes must be provided (except "
                                "the first one in reductions)")
            operands.append(_dtype_stand_in(dtypes[position]))
        dtype = None if signature is None else self._signature(signature)
        k = self._select(operands, dtype, casting, &any_input_cast)
        in_type, out_type = self._loops[k]
        answer = [descr_of(in_type)] * self.nin + [descr_of(out_type)]
        mixed = None
        if OP_EQUAL <= self.op <= OP_GREATER_EQUAL:
            # A signed integer against uint64 compares in a loop of its
            # own (_mixed_sign_comparison), not in the promoted float64.
            mixed = _mixed_sign_types(self, operands, casting)
        if mixed is not None:
            answer[:2] = [descr_of(mixed[0]), descr_of(mixed[1])]
        else:
            _check_input_casting(self, operands, in_type,
                                 "unsafe" if any_input_cast else casting)
        out = dtypes[self.nin]
        if out is not None:
            _dtype_stand_in(out)            # (refuses what is no dtype)
            _check_output_cast(self, out_type, out, casting)
        return tuple(answer)

    def at(self, *args, **kwargs):
        """``at(a, indices, b=None, /)``: ``a[indices] = op(a[indices], b)``
        unbuffered, in place: an element that ``indices`` names twice is
        operated on twice (``add.at(a, [0, 0], 1)`` adds 2 to ``a[0]``,
        where ``a[[0, 0]] += 1`` adds 1).

        ``indices`` is anything ``a[indices]`` accepts; ``b`` (binary
        ufuncs only) is broadcast to the shape of ``a[indices]``.  As in
        NumPy the loop is chosen as for ``op(a, b)`` with ``b`` an array
        (a Python scalar is not weak here: ``float32_array`` with ``0.1``
        computes in float64) and the result is cast back to ``a``'s
        dtype whatever the rule ('unsafe': ``add.at(int_array, [0], 1.5)``
        adds 1).  NumPy: ``ufunc_at`` in ``ufunc_object.c``; the work is
        ``_at_loop`` below.
        """
        if kwargs:
            raise TypeError("ufunc.at() takes no keyword arguments")
        if len(args) < 2:
            raise TypeError(f"at() takes at least 2 arguments "
                            f"({len(args)} given)")
        if len(args) > 3:
            raise TypeError(f"at() takes at most 3 arguments "
                            f"({len(args)} given)")
        clear_fp_status()
        _at(self, args[0], args[1], args[2] if len(args) == 3 else NoValue)
        self._check_fp("at")


# ---------------------------------------------------------------------------
# The trivial loop: NumPy's shortcut for the most common calls
# ---------------------------------------------------------------------------

def _reduce_signature():
    """reduce's parameters as NumPy lists them (reduce takes the last four
    through ``*more`` or by name: ``_by_position``)."""
    import inspect
    Parameter = inspect.Parameter
    return inspect.Signature(
        [Parameter("self", Parameter.POSITIONAL_OR_KEYWORD)]
        + [Parameter(name, Parameter.POSITIONAL_OR_KEYWORD, default=default)
           for name, default in (("array", Parameter.empty), ("axis", 0),
                                 ("dtype", None), ("out", None),
                                 ("keepdims", False), ("initial", NoValue),
                                 ("where", True))])


ufunc.reduce.__signature__ = _reduce_signature()


cdef list _by_position(tuple more, list named):
    """reduce's out, keepdims, initial and where: those given by position
    (``more``, after array, axis and dtype) in place of ``named``, with
    NumPy's refusals."""
    cdef int position
    cdef tuple names = ("out", "keepdims", "initial", "where")
    if len(more) > 4:
        raise TypeError(f"reduce() takes from 1 to 7 positional arguments "
                        f"but {3 + len(more)} were given")
    for position in range(len(more)):
        if named[position] is not _UNSET:
            raise TypeError(f"argument for reduce() given by name "
                            f"('{names[position]}') and position (position "
                            f"{position + 3})")
        if position == 0 and more[0] is Ellipsis:
            raise TypeError("out=... is only allowed as a keyword argument.")
        named[position] = more[position]
    return named


cdef int _check_output_cast(ufunc function, int out_type, object out,
                            object casting) except -1:
    """Refuse an output of dtype ``out`` that the loop's output type does
    not cast to under ``casting``, with NumPy's message (which names a
    two-output ufunc's outputs by number: ``_output``).  ``out`` may also
    be the Python type ``int`` or ``float`` (``resolve_dtypes``), which
    takes only its own dtype, int64 or float64, as NumPy's do."""
    cdef bint refused
    if out is int or out is float:
        refused = out_type != <int>(T_INT64 if out is int else T_FLOAT64)
    else:
        refused = not can_cast_index(out_type, (<Descr?>out).type_index,
                                     casting)
    if refused:
        raise UFuncTypeError(
            f"Cannot cast ufunc '{function._name}' {function._output} from "
            f"{descr_of(out_type)!r} to {out!r} with casting rule "
            f"'{casting}'")
    return 0


cdef object _dtype_stand_in(object kind):
    """An operand for ``resolve_dtypes``: a Python number for the types
    ``int`` and ``float`` (a weak operand), else a 0-d array of the
    dtype, which the loop search reads only for its dtype.  Entries are
    dtype objects, as in NumPy: a name or a scalar type is refused."""
    if kind is int or kind is float:
        return kind()
    if not isinstance(kind, Descr):
        raise TypeError("Provided dtype must be a valid NumPy dtype, int, "
                        "float, complex, or None.")
    return new_array(kind, 0, NULL, False, False)


cdef bint _scalar_math(tuple args) except -1:
    """Whether NumPy's scalar math computes ``op(*args)`` (the operands of
    a scalar's operator): no array takes part, and the operands meet in
    the type of one of the scalars (``int8(1) // 0``, ``float32 /
    float64``).  Otherwise (``int8 % uint8`` meets in int16, ``int8 /
    0.0`` in float64) NumPy hands the operation to the ufunc, whose
    errors name the ufunc."""
    scalars = []
    for operand in args:
        if isinstance(operand, generic):
            scalars.append((<generic>operand).dtype)
        elif type(operand) not in (int, float, bool):
            return False
    if len(args) == 1:
        return True
    return result_type(*args) in scalars


cdef bint _wrapped_around(int op, tuple args, object result) except -1:
    """Whether integer scalar math wrapped around: the exact result, in
    Python ints, is not the one computed."""
    if op == OP_ADD:
        exact = int(args[0]) + int(args[1])
    elif op == OP_SUBTRACT:
        exact = int(args[0]) - int(args[1])
    elif op == OP_MULTIPLY:
        exact = int(args[0]) * int(args[1])
    elif op == OP_NEGATIVE:
        exact = -int(args[0])
    elif op == OP_ABSOLUTE:
        exact = int(args[0])
        if exact < 0:             # (not abs(): Cython makes it C's labs)
            exact = -exact
    else:
        return False
    return exact != int(result)


def _scalar_divmod(a, b):
    """``divmod(s, x)`` of a scalar: both halves, reported once as NumPy's
    scalar math does ("... encountered in scalar divmod")."""
    cdef ufunc quotient_of = floor_divide, rest_of = remainder
    clear_fp_status()
    quotient = quotient_of._call((a, b), None, False, None, "same_kind",
                                 True, False)
    rest = rest_of._call((a, b), None, False, None, "same_kind", True,
                         False)
    quotient_of._check_scalar_fp((a, b), quotient, "divmod")
    return quotient, rest


cdef list _logical_operands(list operands):
    """logical_and/or/xor read only truth values: a Python int beyond the
    dtype is just True (beyond C long NumPy refuses it, and so do we)."""
    for operand in operands:
        if type(operand) is int and not _fits_long(operand):
            raise OverflowError("Python int too large to convert to C long")
    return [bool(o) if type(o) is int else o for o in operands]


cdef object _comparison_shortcut(ufunc function, list operands, int in_type,
                                 object out, object casting,
                                 MiniArray mask=None):
    """A comparison NumPy answers without its typed loop, or None.

    Signed against uint64 arrays compare exactly
    (``_mixed_sign_comparison``), and an array against a Python int no
    element can equal gives a constant (``_out_of_range_comparison``),
    written into ``out`` after the checks any call with ``out=`` makes.
    With a ``where=`` mask the constant goes in through ``copyto``'s
    masked copy.  (NumPy 2.4 writes it everywhere, mask or not, and its
    signed/uint64 loop with a mask crashes; minind keeps to the mask.)
    """
    cdef int ndim
    exact = _mixed_sign_comparison(function, operands, out, casting, mask)
    if exact is not None:
        return exact
    constant = _out_of_range_comparison(function, operands, in_type)
    if constant is None or (out is None and mask is None):
        return constant
    if out is not None and not can_cast_index(T_BOOL, out.dtype.type_index,
                                              casting):
        raise UFuncTypeError(
            f"Cannot cast ufunc '{function._name}' output from "
            f"dtype('bool') to {out.dtype!r} with casting rule '{casting}'")
    ndim = _broadcast_shape([o if isinstance(o, MiniArray) else asarray(0)
                             for o in operands], out, _SHAPE_SCRATCH, mask)
    if out is not None:
        require_writeable(out, "output array is read-only")
    if mask is None:
        out[...] = constant
        return out
    if out is None:
        out = new_array(descr_of(T_BOOL), ndim, _SHAPE_SCRATCH, False, True)
    copyto(out, constant, "unsafe", mask)
    return out


cdef object _trivial_call(ufunc function, tuple args, object out):
    """Run the call as one flat 1-d loop, or return None to take the
    general path.

    Most calls are ``a + b`` on arrays of one dtype and shape, both
    contiguous in the same order (or ``a + 1.5``, ``-a``).  Such operands
    need no promotion beyond the dtype they have, no broadcasting and no
    iterator: element i of every operand sits at ``data + i * itemsize``.
    So do 1-d operands of one length whatever their strides (``a[::2] +
    1``, a column): element i sits at ``data + i * stride``, one step per
    operand, which the typed loops take as they are.  This path only
    checks that and calls the typed loop, which keeps a small call close
    to NumPy's cost (NumPy's "trivial loop" does the same, 1-d strided
    operands included).  Anything else -- casts, broadcasting, strides of
    more than one axis, overlapping ``out=``, scalars that change the
    dtype or that it cannot hold (``_keeps_dtype``) -- returns None.
    """
    cdef MiniArray array = None, other, target
    cdef int nin = len(args), t = -1, k, position, axis
    cdef bint c_order = True, one_d = False
    cdef char* start[MAX_OPERANDS]       # nin inputs and the output
    cdef Py_ssize_t steps[MAX_OPERANDS]
    cdef double scalar_value[2]           # 16 aligned bytes for any dtype
    cdef char* scalar = <char*>scalar_value
    cdef LoopData data
    cdef object value = None
    cdef int threads
    # The array operand(s): one dtype, one shape, one memory order.
    for position in range(nin):
        item = args[position]
        if type(item) is MiniArray:
            other = <MiniArray>item
            if array is None:
                array = other
                t = array.dtype.type_index
                c_order = array._flags & FLAG_C_CONTIGUOUS
                one_d = array.ndim == 1          # (any stride)
                if not (one_d or c_order
                        or array._flags & FLAG_F_CONTIGUOUS):
                    return None
            elif (other.dtype is not array.dtype
                  or not _same_trivial(array, other, c_order, one_d)):
                return None
        elif nin == 2 and value is None and (
                type(item) is float or type(item) is int
                or type(item) is bool or isinstance(item, generic)):
            value = item
        else:
            return None
    if array is None:
        return None
    k = function._exact[t]
    if k < 0:
        return None
    if value is not None and not _keeps_dtype(function, t, value):
        return None
    if isinstance(value, generic):
        # A minind scalar of the array's own dtype (a * a.max()): its
        # bytes are the operand.  Another dtype promotes: general path.
        if scalar_descr(<generic>value) is not array.dtype:
            return None
        memcpy(scalar, scalar_data(<generic>value), array.dtype.itemsize)
    elif value is not None:
        set_item(array.dtype, scalar,            # NumPy's OverflowError
                 _operand_value(function, t, value))
    cdef int out_type = function._loops[k][1]
    if out is None:
        target = new_array(descr_of(out_type), array.ndim, array._shape,
                           not c_order, False)
    else:
        target = <MiniArray>out
        if (target.dtype.type_index != out_type
                or target._flags & (FLAG_WRITEABLE | FLAG_WARN_ON_WRITE)
                != FLAG_WRITEABLE        # (the general path checks, warns)
                or not _same_trivial(array, target, c_order, one_d)
                or one_d and target._strides[0] == 0):
            return None
        # In place (out at an input's address, with its steps) is fine:
        # element i is read before it is written, and a result item is
        # never wider than an input item, so a write never runs ahead of
        # the reads.  Any other overlap needs the general path's copies.
        for position in range(nin):
            item = args[position]
            if type(item) is MiniArray and spans_overlap(item, target) and (
                    (<MiniArray>item)._data != target._data
                    or one_d and (<MiniArray>item)._strides[0]
                    != target._strides[0]):
                return None
    for position in range(nin):
        item = args[position]
        if type(item) is MiniArray:
            start[position] = (<MiniArray>item)._data
            steps[position] = ((<MiniArray>item)._strides[0] if one_d
                               else array.dtype.itemsize)
        else:
            start[position] = scalar
            steps[position] = 0
    start[nin] = target._data
    steps[nin] = target._strides[0] if one_d else target.dtype.itemsize
    # The count is read now: without the GIL another thread could
    # reassign array.dtype (and so its size) while the loop runs.
    cdef Py_ssize_t count = array.size
    if _negative_exponent(function, t, start[1], count, steps[1]):
        return None
    if _recorder is not None:
        _plan({"path": "trivial", "function": function._name,
               "loop": _loop_text(function, t, out_type),
               "shape": array.shape, "count": count,
               "steps": [steps[k] for k in range(nin + 1)],
               "operands": [(k, (<MiniArray>args[k]).dtype.name,
                             (<MiniArray>args[k]).strides)
                            if type(args[k]) is MiniArray else
                            (k, "scalar", ()) for k in range(nin)]
                           + [(nin, target.dtype.name, target.strides)]})
    if count:
        data.op = function.op
        data.type_index = t
        if count >= NOGIL_THRESHOLD:
            threads = threads_for(walk_work(
                count, work_per_element(data.op, t), False))
            with nogil:
                if threads < 2 or not _parallel_run(start, count, steps,
                                                    nin + 1, &data, threads):
                    run_loop(start, count, steps, &data)
        else:
            run_loop(start, count, steps, &data)
    return target


cdef bint _parallel_run(char** start, Py_ssize_t count,
                        const Py_ssize_t* steps, int nop, LoopData* data,
                        int threads) noexcept nogil:
    """The trivial loop as a 1-d traversal, cut into bands by
    ``parallel_walk`` (False: not run, the pool was busy)."""
    cdef Traversal t
    cdef int iop
    t.nop = nop
    t.ndim = 1
    t.tile = 0
    t.shape[0] = count
    for iop in range(nop):
        t.strides[iop][0] = steps[iop]
    return parallel_walk(&t, start, run_loop, data, threads)


cdef str _loop_text(ufunc function, int in_type, int out_type):
    """A loop as NumPy's ``types`` spell it: 'dd->d'."""
    return (descr_of(in_type).char * function.nin + "->"
            + descr_of(out_type).char)


cdef bint _keeps_dtype(ufunc function, int t, object value):
    """Whether the second operand ``value`` of a trivial call leaves the
    computation in the operand dtype ``t``, so that the loop of ``t``
    runs as it is.  A weak Python scalar does (NEP 50) when it is a float
    with a float dtype, an int with an integer (range-checked later) or
    float dtype, a bool with any.  A comparison with an int keeps an
    integer dtype that holds the int (out-of-range ints are compared
    exactly, on the general path); logical operations on non-bool dtypes
    cast to bool, on the general path too -- but with a weak Python
    scalar, whose truth is all that counts: it runs as 1 or 0 of dtype
    ``t`` (``_operand_value``), in the loop of ``t`` (float64
    ``logical_xor(a, 3.0)`` cast the array to bool first: 3.8 times
    NumPy's time).  (A minind scalar must also have dtype ``t``: the
    callers check its bytes.)"""
    if OP_LOGICAL_AND <= function.op <= OP_LOGICAL_XOR and t != T_BOOL:
        return (type(value) is float or type(value) is bool
                or type(value) is int and _fits_long(value))
    if type(value) is float:
        return t >= T_FLOAT32
    if type(value) is int:
        if OP_EQUAL <= function.op <= OP_GREATER_EQUAL:
            # An int the integer dtype holds compares in that dtype (one
            # it cannot hold makes NumPy's answer a constant, and a float
            # or bool dtype promotes: the general path).
            bounds = _INTEGER_BOUNDS.get(t)
            return bounds is not None and bounds[0] <= value <= bounds[1]
        return not (t == T_BOOL or OP_EQUAL <= function.op <= OP_LOGICAL_XOR)
    return True


cdef inline object _operand_value(ufunc function, int t, object value):
    """The weak Python scalar ``value`` as a trivial call packs it into
    dtype ``t``: itself, or for a logical operation on a non-bool dtype
    its truth, 1 or 0 (1e-50 would be 0.0 as a float32, and 256 has no
    uint8: their truth would change)."""
    if OP_LOGICAL_AND <= function.op <= OP_LOGICAL_XOR and t != T_BOOL:
        return 1 if value else 0
    return value


# Each integer dtype's range, by type index (_keeps_dtype).
_INTEGER_BOUNDS = {
    index: ((0, (1 << bits) - 1) if unsigned
            else (-(1 << (bits - 1)), (1 << (bits - 1)) - 1))
    for index, bits, unsigned in [
        (T_INT8, 8, False), (T_UINT8, 8, True), (T_INT16, 16, False),
        (T_UINT16, 16, True), (T_INT32, 32, False), (T_UINT32, 32, True),
        (T_INT64, 64, False), (T_UINT64, 64, True)]}


cdef object _scalar_call(ufunc function, tuple args, bint operator):
    """Scalars only: ``mi.float32(1.5) * 2``, ``s + 1.0``, ``-s``.

    The trivial loop again, on one element held in stack buffers, so that
    scalar arithmetic costs what NumPy's scalar math costs rather than
    the allocation of three 0-d arrays.  The same conditions as
    ``_trivial_call``: one minind scalar dtype, and at most one weak
    Python scalar that keeps it (NEP 50).  Anything else returns None
    and takes the general path, which gives the same result slowly.
    For a scalar's ``operator`` this is NumPy's scalar math, which also
    notes integer overflow (``_integer_overflow``).
    """
    cdef int nin = len(args), position, t = -1, k
    cdef double buffers[MAX_OPERANDS][2]   # 16 aligned bytes per operand
    cdef char* start[MAX_OPERANDS]
    cdef Py_ssize_t steps[MAX_OPERANDS]
    cdef LoopData data
    cdef Descr descr
    cdef object value = None
    for position in range(nin):
        item = args[position]
        if isinstance(item, generic):
            descr = scalar_descr(<generic>item)
            if t < 0:
                t = descr.type_index
            elif descr.type_index != t:
                return None
        elif nin == 2 and value is None and (
                type(item) is float or type(item) is int
                or type(item) is bool):
            value = item
        else:
            return None
    if t < 0:
        return None
    k = function._exact[t]
    if k < 0:
        return None
    descr = descr_of(t)
    if value is not None and not _keeps_dtype(function, t, value):
        return None
    for position in range(nin):
        item = args[position]
        start[position] = <char*>buffers[position]
        steps[position] = 0
        if isinstance(item, generic):
            memcpy(start[position], scalar_data(<generic>item),
                   descr.itemsize)
        else:                                        # NumPy's OverflowError
            set_item(descr, start[position],
                     _operand_value(function, t, item))
    start[nin] = <char*>buffers[nin]
    steps[nin] = 0
    if _negative_exponent(function, t, start[1], 1, 0):
        return None
    data.op = function.op
    data.type_index = t
    run_loop(start, 1, steps, &data)
    if operator and T_BOOL < t < T_FLOAT32 and _integer_overflow(
            function.op, t, start[0], start[nin - 1], start[nin]):
        raise_overflow()
    return get_scalar(descr_of(function._loops[k][1]), start[nin])


cdef bint _integer_overflow(int op, int t, const char* a, const char* b,
                            const char* result) noexcept:
    """Whether integer scalar math ``a op b`` (or ``op a``) of type ``t``
    wrapped around into ``result``, as NumPy's scalar math checks for
    ``+``, ``-``, ``*``, unary ``-`` and ``abs``.  Below 64 bits the exact
    value is computed in 64 bits and compared; at 64 bits, from the
    signs of the wrapped result (and a division for ``*``)."""
    cdef int64_t x, y, r
    cdef uint64_t ux, uy, ur
    if not (op == OP_ADD or op == OP_SUBTRACT or op == OP_MULTIPLY
            or op == OP_NEGATIVE or op == OP_ABSOLUTE):
        return False
    if t == T_UINT64:
        ux = (<const uint64_t*>a)[0]
        uy = (<const uint64_t*>b)[0]
        ur = (<const uint64_t*>result)[0]
        if op == OP_ADD:
            return ur < ux
        if op == OP_SUBTRACT:
            return ux < uy
        if op == OP_MULTIPLY:
            return ux != 0 and ur // ux != uy
        return op == OP_NEGATIVE and ux != 0    # -x of an unsigned x
    if t == T_INT64:
        x = (<const int64_t*>a)[0]
        y = (<const int64_t*>b)[0]
        r = (<const int64_t*>result)[0]
        if op == OP_ADD:
            return ((x ^ r) & (y ^ r)) < 0
        if op == OP_SUBTRACT:
            return ((x ^ y) & (x ^ r)) < 0
        if op == OP_MULTIPLY:
            if x == 0:
                return False
            if x == -1:
                return y == INT64_MIN
            return r // x != y                  # exact unless it wrapped
        return x == INT64_MIN                   # -MIN and abs(MIN)
    x = _as_int64(t, a)
    y = _as_int64(t, b)
    if op == OP_ADD:
        r = x + y
    elif op == OP_SUBTRACT:
        r = x - y
    elif op == OP_MULTIPLY:
        if t == T_UINT32:                       # up to 2**64: unsigned
            return <uint64_t>x * <uint64_t>y != <uint64_t>_as_int64(
                t, result)
        r = x * y
    elif op == OP_NEGATIVE:
        r = -x
    else:
        r = -x if x < 0 else x
    return r != _as_int64(t, result)


cdef inline int64_t _as_int64(int t, const char* item) noexcept:
    """An item of an integer type narrower than 64 bits, widened."""
    if t == T_INT8:
        return (<const int8_t*>item)[0]
    if t == T_UINT8:
        return (<const uint8_t*>item)[0]
    if t == T_INT16:
        return (<const int16_t*>item)[0]
    if t == T_UINT16:
        return (<const uint16_t*>item)[0]
    if t == T_INT32:
        return (<const int32_t*>item)[0]
    return (<const uint32_t*>item)[0]


cdef inline bint _same_trivial(MiniArray a, MiniArray b, bint c_order,
                               bint one_d):
    """``b`` has ``a``'s shape and is contiguous in the order ``a`` is
    (C when ``c_order``, else F), or, ``one_d``, any 1-d array of its
    length."""
    cdef int axis
    if b.ndim != a.ndim:
        return False
    if one_d:
        return b._shape[0] == a._shape[0]
    for axis in range(a.ndim):
        if b._shape[axis] != a._shape[axis]:
            return False
    return b._flags & (FLAG_C_CONTIGUOUS if c_order else FLAG_F_CONTIGUOUS)


# ---------------------------------------------------------------------------
# Step 1: operands.  Python scalars stay weak.
# ---------------------------------------------------------------------------

cdef inline object _as_scalar(MiniArray result):
    """A 0-d result as NumPy returns it when no ``out=`` was given: a
    scalar of its dtype (``mi.float64(3.0)``)."""
    return get_scalar(result.dtype, result._data)


cdef inline object _call_result(MiniArray result, MiniArray out,
                                bint keep_array):
    """What a ufunc call returns: a 0-d result as a scalar, unless it
    went into ``out=`` or the call asked for arrays (``out=...``)."""
    if out is None and not keep_array and result.ndim == 0:
        return _as_scalar(result)
    return result


cdef list _operands(tuple args):
    cdef list result = []
    for arg in args:
        if type(arg) is bool or type(arg) is int or type(arg) is float:
            result.append(arg)                     # weak (NEP 50)
        elif isinstance(arg, MiniArray):
            result.append(arg)
        elif isinstance(arg, generic):
            # A minind scalar is strong: a 0-d array of its dtype (so
            # float32_array * mi.float64(2) is float64).  mi.float64 is a
            # float subclass, which is why the weak test above is exact.
            result.append(scalar_array(arg))
        else:
            if arg is None:
                # NumPy would run an object loop and fail in Python's
                # operator: a plain TypeError.
                raise TypeError("unsupported operand type(s) for ufunc: "
                                "'NoneType' (NumPy would compute on an "
                                "object array; minind has none)")
            check_ufunc_operand(arg)
            if isinstance(arg, (str, bytes, complex)):
                raise UFuncTypeError(
                    "ufunc did not contain a loop with signature matching "
                    f"types (unsupported operand {type(arg).__name__!r})")
            result.append(asarray(arg))            # lists, NumPy arrays...
    return result


# ---------------------------------------------------------------------------
# Step 2: promotion (NEP 50) and loop choice
# ---------------------------------------------------------------------------

cdef int _promote(list operands) except -1:
    """The dtype all inputs are promoted to.

    Arrays ("strong" dtypes) promote with ``promote_types``.  Python
    scalars are "weak": they only matter when their kind is higher than
    every array's (bool < int < float): a Python int with a bool array
    gives int64, a Python float with an integer array gives float64, and
    otherwise the arrays' dtype wins (int8_array + 1 is int8).  With no
    arrays at all, Python's types give bool, int64 or float64.
    """
    cdef int strong = -1, count = 0
    cdef int weak_kind = 0            # 0 none/bool, 1 int, 2 float
    for operand in operands:
        if isinstance(operand, MiniArray):
            index = (<MiniArray>operand).dtype.type_index
            strong = index if strong < 0 else promote_index(strong, index)
            count += 1
        elif type(operand) is float:
            weak_kind = 2
        elif type(operand) is int:
            weak_kind = max(weak_kind, 1)
    if count > 2:
        # Three or more dtypes are not a left fold (see promote_sequence).
        strong = promote_sequence([(<MiniArray>operand).dtype.type_index
                                   for operand in operands
                                   if isinstance(operand, MiniArray)])
    if strong < 0:
        return (T_FLOAT64, T_INT64, T_FLOAT64)[weak_kind] if weak_kind else (
            T_BOOL)
    kind = descr_of(strong).kind
    if weak_kind == 2 and kind in "biu":
        return T_FLOAT64
    if weak_kind == 1 and kind == "b":
        return T_INT64
    return strong


_DTYPE_CLASSES = ("Bool", "Int8", "UInt8", "Int16", "UInt16", "Int32",
                  "UInt32", "Int64", "UInt64", "Float32", "Float64")


cdef object _no_loop_error(str name, list operands):
    """NumPy 2's complaint when no loop takes the operands' dtypes as
    they are, naming each operand's DType class (a weak Python int or
    float has a class of its own; a Python bool is a bool)."""
    cdef list names = []
    for operand in operands:
        if isinstance(operand, MiniArray):
            names.append(_DTYPE_CLASSES[
                (<MiniArray>operand).dtype.type_index] + "DType")
        elif type(operand) is int:
            names.append("_PyLongDType")
        elif type(operand) is float:
            names.append("_PyFloatDType")
        else:
            names.append("BoolDType")
    types = ", ".join([f"<class 'numpy.dtypes.{n}'>" for n in names])
    if len(names) > 1:
        types = f"({types})"
    return UFuncTypeError(f"ufunc '{name}' did not contain a loop with "
                          f"signature matching types {types} -> None")


cdef int _check_input_casting(ufunc function, list operands, int in_type,
                              object casting) except -1:
    """Refuse an operand that does not cast to the loop's input dtype
    under ``casting`` (a weak Python scalar counts as bool/int64/float64
    here, and fits any dtype of its kind or a higher one), with NumPy's
    message.  Calls (``_as_inputs``) and ``resolve_dtypes`` both ask."""
    cdef Descr descr = descr_of(in_type)
    cdef int source
    for index, operand in enumerate(operands):
        if isinstance(operand, MiniArray):
            source = (<MiniArray>operand).dtype.type_index
            refused = source != in_type and not can_cast_index(
                source, in_type, casting)
        elif type(operand) is bool:
            # Python's bool is not weak: NumPy casts it as a bool array
            # (power(True, int8_array, casting='no') is refused).
            source = T_BOOL
            refused = not can_cast_index(T_BOOL, in_type, casting)
        else:
            # A weak scalar fits any dtype of its kind or a higher one
            # (a Python int any integer or float dtype); its value is
            # range-checked below.
            source = T_INT64 if type(operand) is int else T_FLOAT64
            refused = casting != "unsafe" and _KIND_RANK[
                descr_of(source).kind] > _KIND_RANK[descr.kind]
        if refused:
            which = f"input {index}" if function.nin > 1 else "input"
            raise UFuncTypeError(
                f"Cannot cast ufunc '{function._name}' {which} from "
                f"{descr_of(source)!r} to {descr!r} with casting rule "
                f"'{casting}'")
    return 0


cdef list _as_inputs(ufunc function, list operands, int in_type,
                     object casting):
    """Every operand as a MiniArray of the loop's input dtype.

    Each input must cast to the loop's dtype under ``casting`` (a weak
    Python scalar counts as bool/int64/float64 here).  A weak scalar
    becomes a 0-d array of the loop dtype, with NumPy's range check
    (int8_array + 1000 raises OverflowError).  Comparisons and logical
    operations are exact instead: a Python int outside the dtype's range
    makes the whole call compare in float64.  Arrays of another dtype are
    cast: a copy when small, else in the walk's buffers (``_cast_input``).
    """
    cdef Descr descr = descr_of(in_type)
    cdef MiniArray array
    cdef list inputs = []
    for operand in operands:
        # Python scalars are converted first, so a value out of range
        # reports NumPy's OverflowError before any casting complaint.
        if not isinstance(operand, MiniArray) and type(operand) is int:
            set_item(descr, _SCRATCH, operand)
    _check_input_casting(function, operands, in_type, casting)
    for operand in operands:
        if isinstance(operand, MiniArray):
            array = operand
            if array.dtype is not descr:
                array = _cast_input(array, descr)
            inputs.append(array)
            continue
        if type(operand) is float and descr.kind != "f":
            # (Only under casting='unsafe'.)  A weak float becomes a
            # float64 value first, then takes the C cast any float64
            # array would: add(int8_array, 128.0, dtype=int8,
            # casting='unsafe') adds -128, as in NumPy, not an error.
            inputs.append(copy_array(_packed(operand, T_FLOAT64), descr,
                                     "K"))
        else:
            inputs.append(_packed(operand, in_type))
    return inputs


cdef bint _one_array_dtype(list operands):
    """All operands are arrays of one dtype (no Python scalars)."""
    cdef Descr first = None
    for operand in operands:
        if not isinstance(operand, MiniArray):
            return False
        if first is None:
            first = (<MiniArray>operand).dtype
        elif (<MiniArray>operand).dtype is not first:
            return False
    return True


cdef MiniArray _cast_input(MiniArray array, Descr descr):
    """``array`` converted to the loop's dtype (a copy) when its distinct
    elements fit one cast buffer; else ``array`` itself, which the walk
    converts block by block (``_walk_typed``), so a large operand never
    costs a converted copy of itself.  Along an axis the input is
    broadcast (stride 0) every element is the same one, so it is
    converted once: the copy has length 1 there and is broadcast back.
    (A (1, n) row stretched to (n, n) costs n conversions, not n * n.)"""
    cdef Py_ssize_t shape[MAX_NDIM]
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef Py_ssize_t distinct = 1
    cdef MiniArray compact
    cdef bint stretched = False
    cdef int axis
    for axis in range(array.ndim):
        shape[axis] = array._shape[axis]
        if array._strides[axis] == 0 and array._shape[axis] > 1:
            shape[axis] = 1
            stretched = True
        distinct *= shape[axis]
    if distinct > CAST_BLOCK:
        return array
    if not stretched:
        return copy_array(array, descr, "K")
    compact = copy_array(make_view(array, 0, array.ndim, shape,
                                   array._strides), descr, "K")
    for axis in range(array.ndim):
        strides[axis] = (0 if shape[axis] != array._shape[axis]
                         else compact._strides[axis])
    return make_view(compact, 0, array.ndim, array._shape, strides)


cdef bint _fits_long(object value):
    return -(<object>2) ** 63 <= value < (<object>2) ** 63


cdef char _SCRATCH_BUFFER[16]
cdef char* _SCRATCH = _SCRATCH_BUFFER
cdef Py_ssize_t _SHAPE_SCRATCH[MAX_NDIM]


cdef object _identity_through(object identity, object out):
    """NumPy reduces into ``out=`` by starting ``out`` at the ufunc's
    identity and folding the elements into it, so the identity passes
    through out's dtype first: where that dtype cannot hold it (-inf or
    -1 into bool, -inf into an integer), the fold starts from what it
    became (logaddexp.reduce([0.0], out=bool) is True, from log(e + 1);
    bitwise_and.reduce([2], out=bool) is False, from 1 & 2).  That value
    as ``initial``, or NoValue where the identity survives (add's 0, a
    float's -inf), which keeps the reduction as it was (add.reduce of
    [-0.0] stays -0.0)."""
    if not isinstance(out, MiniArray):
        return NoValue
    kind = (<MiniArray>out).dtype.kind
    if (identity == 0 or identity == 1 or kind == "f"
            or (kind == "i" and type(identity) is int)):
        return NoValue          # held exactly: the common calls, no cast
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with errstate(all="ignore"):
            held = asarray(identity).astype((<MiniArray>out).dtype)[()]
    if held == identity:
        return NoValue
    return held.item()


cdef object _out_of_range_comparison(ufunc function, list operands,
                                     int in_type):
    """NumPy 2 compares an integer array with a Python int exactly, even
    one outside the dtype's range: then every element compares the same
    way (int8_array < 1000 is all True).  Returns that constant array, or
    None when no Python int is out of range."""
    cdef Descr descr = descr_of(in_type)
    if descr.kind not in "iu" or len(operands) != 2:
        return None
    cdef object bits = 8 * descr.itemsize     # Python ints: no overflow
    cdef object low, high
    if descr.kind == "u":
        low, high = 0, (1 << bits) - 1
    else:
        low, high = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    for position in range(2):
        value = operands[position]
        other = operands[1 - position]
        if (type(value) is not int or low <= value <= high
                or not isinstance(other, MiniArray)
                or (<MiniArray>other).dtype.kind not in "iu"):
            continue
        above = value > high          # the Python int beats every element
        op = function.op
        if position == 0:             # value OP x  ==  x (mirror OP) value
            op = {OP_LESS: OP_GREATER, OP_GREATER: OP_LESS,
                  OP_LESS_EQUAL: OP_GREATER_EQUAL,
                  OP_GREATER_EQUAL: OP_LESS_EQUAL}.get(op, op)
        if op in (OP_EQUAL, OP_NOT_EQUAL):
            truth = op == OP_NOT_EQUAL
        else:
            truth = above == (op in (OP_LESS, OP_LESS_EQUAL))
        # NumPy runs a loop that writes the constant, so the result is
        # laid out as any other output over ``other``.
        result = _fresh_output([other], in_type, None,
                               (<MiniArray>other).ndim,
                               (<MiniArray>other)._shape, descr_of(T_BOOL))
        result.fill(truth)
        return result
    return None


cdef tuple _mixed_sign_types(ufunc function, list operands,
                             object casting):
    """The input types of the exact loop that compares a signed integer
    array with a uint64 one (int64 for the first, uint64 for the second,
    in the operands' order), each input's cast to them checked under
    ``casting``; None for any other operands."""
    cdef int index
    if len(operands) != 2 or not all([isinstance(o, MiniArray)
                                       for o in operands]):
        return None
    kinds = [(<MiniArray>o).dtype for o in operands]
    if not ((kinds[0].type_index == T_UINT64 and kinds[1].kind == "i") or
            (kinds[0].kind == "i" and kinds[1].type_index == T_UINT64)):
        return None
    types = tuple([T_UINT64 if kind.kind == "u" else T_INT64
                   for kind in kinds])
    for index in range(2):
        if not can_cast_index(kinds[index].type_index, types[index],
                              casting):
            raise UFuncTypeError(
                f"Cannot cast ufunc '{function._name}' input {index} from "
                f"{kinds[index]!r} to {descr_of(types[index])!r} with "
                f"casting rule '{casting}'")
    return types


cdef object _mixed_sign_comparison(ufunc function, list operands,
                                   MiniArray out, object casting,
                                   MiniArray mask=None):
    """A signed integer against uint64, compared exactly (NumPy's 'qQ->?'
    loops; promotion would otherwise go through float64):
    a negative int64 is below every uint64; otherwise compare as uint64.
    Returns None for any other pair of operands.  The checks come in
    NumPy's order, as for any loop: the inputs' casts to the loop's
    (int64, uint64) under ``casting``, then the shapes."""
    cdef int op = function.op
    cdef LoopData data
    if _mixed_sign_types(function, operands, casting) is None:
        return None
    if (<MiniArray>operands[0]).dtype.type_index == T_UINT64:
        op = {OP_LESS: OP_GREATER, OP_GREATER: OP_LESS,
              OP_LESS_EQUAL: OP_GREATER_EQUAL,
              OP_GREATER_EQUAL: OP_LESS_EQUAL}.get(op, op)
        signed, unsigned = operands[1], operands[0]
    else:
        signed, unsigned = operands
    _broadcast_shape(operands, out, _SHAPE_SCRATCH, mask)
    original_signed = signed
    if (<MiniArray>signed).dtype.type_index != T_INT64:
        signed = copy_array(signed, descr_of(T_INT64), "K")
    negative = (<ufunc>less)._execute([signed, 0], None, None, "same_kind")
    as_unsigned = copy_array(signed, descr_of(T_UINT64), "K")
    compare = {OP_EQUAL: equal, OP_NOT_EQUAL: not_equal, OP_LESS: less,
               OP_LESS_EQUAL: less_equal, OP_GREATER: greater,
               OP_GREATER_EQUAL: greater_equal}[op]
    unsigned_result = (<ufunc>compare)._execute([as_unsigned, unsigned],
                                                None, None, "same_kind")
    # The last step writes an output laid out as NumPy lays out its
    # 'qQ->?' result: from the operands as given (an int8 operand would
    # have needed a cast to int64 there).
    if op in (OP_NOT_EQUAL, OP_LESS, OP_LESS_EQUAL):
        combine = logical_or
    else:
        combine = logical_and
        negative = (<ufunc>logical_not)._execute([negative], None, None,
                                                 "same_kind")
    return _run(combine, [negative, unsigned_result], out, T_BOOL,
                "same_kind", &data, T_BOOL, [original_signed, unsigned],
                [T_INT64, T_UINT64], mask is None, False, mask)


cdef inline bint _negative_exponent(ufunc function, int t,
                                    const char* exponents, Py_ssize_t n,
                                    Py_ssize_t step) noexcept:
    """Whether a fast path's signed integer ``power`` meets a negative
    exponent: it then leaves the call to the general path, which refuses
    it with NumPy's error after NumPy's other checks."""
    return (function.op == OP_POWER and T_BOOL < t < T_FLOAT32
            and descr_of(t).kind == "i" and n > 0
            and _has_negative(exponents, n, step, t))


cdef bint _has_negative(const char* items, Py_ssize_t n, Py_ssize_t step,
                        int t) noexcept:
    """``any_negative``, without the GIL for a long run (a step of 0, a
    broadcast scalar, is one item)."""
    cdef bint found
    if step == 0:
        n = min(n, 1)
    if n >= NOGIL_THRESHOLD:
        with nogil:
            found = any_negative(items, n, step, t)
        return found
    return any_negative(items, n, step, t)


cdef int _refuse_negative_powers(list inputs, MiniArray out,
                                 MiniArray mask) except -1:
    """NumPy's integer power loop refuses a negative exponent when it
    meets one, so after the shapes are checked, and with a ``where=``
    mask only among the elements computed."""
    cdef MiniArray exponents = inputs[1]
    cdef Py_ssize_t step
    _broadcast_shape(inputs, out, _SHAPE_SCRATCH, mask)
    if mask is None and (exponents.ndim <= 1 or exponents._flags & (
            FLAG_C_CONTIGUOUS | FLAG_F_CONTIGUOUS)):
        # one run of items, read in place
        step = (exponents._strides[0] if exponents.ndim == 1
                else exponents.dtype.itemsize)
        found = _has_negative(exponents._data, exponents.size, step,
                              exponents.dtype.type_index)
    else:
        negative = less(exponents, 0)
        if mask is not None:
            negative = logical_and(negative, mask)
        found = (negative if isinstance(negative, bool) else
                 logical_or.reduce(negative, axis=None))
    if found:
        raise ValueError("Integers to negative integer powers are not "
                         "allowed.")
    return 0


# ---------------------------------------------------------------------------
# Step 3: broadcasting, the output, overlap
# ---------------------------------------------------------------------------

cdef inline MiniArray _nth_operand(list arrays, MiniArray out,
                                  MiniArray mask, int k):
    """Operand ``k`` of a call in NumPy's order: the inputs, ``out`` (if
    given), the ``where=`` mask (if any)."""
    if k < len(arrays):
        return arrays[k]
    if k == len(arrays) and out is not None:
        return out
    return mask


cdef int _broadcast_shape(list arrays, MiniArray out,
                          Py_ssize_t* shape, MiniArray mask=None) except -1:
    """The common shape of the inputs, a ``where=`` mask (which may
    stretch the result) and ``out`` (which cannot stretch) into
    ``shape``; returns its ndim.  NumPy's messages on failure."""
    cdef MiniArray array
    cdef int ndim = 0, axis, k, count = len(arrays)
    cdef int total = count + (out is not None) + (mask is not None)
    cdef Py_ssize_t length
    cdef bint failed = False
    for k in range(total):
        ndim = max(ndim, _nth_operand(arrays, out, mask, k).ndim)
    for axis in range(ndim):
        shape[axis] = 1
    for k in range(total):
        array = _nth_operand(arrays, out, mask, k)
        for axis in range(array.ndim):
            length = array._shape[axis]
            if length == 1:
                continue
            if shape[ndim - array.ndim + axis] == 1:
                shape[ndim - array.ndim + axis] = length
            elif shape[ndim - array.ndim + axis] != length:
                failed = True
    if failed:
        # NumPy lists every operand's shape, the output's included.
        shape_list = [_nth_operand(arrays, out, mask, k).shape
                      for k in range(total)]
        raise ValueError(
            "operands could not be broadcast together with shapes " +
            " ".join([shape_text(s) for s in shape_list]) + " ")
    if out is not None:
        full = tuple([shape[axis] for axis in range(ndim)])
        if full != out.shape:
            raise ValueError(
                f"non-broadcastable output operand with shape "
                f"{shape_text(out.shape)} doesn't match the broadcast shape "
                f"{shape_text(full)}")
    return ndim


cdef bint _same_layout(MiniArray a, MiniArray b):
    """Element i of both lives at the same address (an in-place op)."""
    return (a._data == b._data and a.ndim == b.ndim
            and a.shape == b.shape and a.strides == b.strides)


cdef MiniArray _new_output(Traversal* t, Descr descr):
    """A new array of ``t``'s shape laid out in NumPy's "K" order: in the
    order the iterator walks the operands (``axis_order``), with positive
    strides.  (a.T + a.T is F-ordered; a[::-1] + 1 runs forward.)"""
    cdef int perm[MAX_NDIM]
    cdef int axis
    cdef MiniArray result = new_array(descr, t.ndim, t.shape, False, False)
    axis_order(t, 0, False, perm)
    fill_ordered_strides(t.ndim, t.shape, descr.itemsize, perm,
                         result._strides)
    if result.size == 0:
        for axis in range(t.ndim):
            result._strides[axis] = 0
    result._update_flags()
    return result


cdef MiniArray _fresh_output(list arrays, int in_type, list loop_types,
                             int ndim, Py_ssize_t* shape, Descr descr,
                             bint trivial_ok=True):
    """The new output of a ufunc over ``arrays`` (broadcast to ``shape``),
    laid out as NumPy lays it out.  Same-shape contiguous operands that
    need no cast to the loop's dtype (``in_type``, or ``loop_types[k]``
    per operand) take NumPy's "trivial loop": a plain C output (F when
    all are F and not all C).  Otherwise, or when the caller has no
    trivial loop (``trivial_ok`` False: NumPy's where always runs its
    iterator), the output follows the operands' memory order ("K",
    ``_new_output``).  0-d operands have no say."""
    cdef Traversal layout
    cdef MiniArray array
    cdef int iop, axis
    cdef bint trivial = trivial_ok, all_c = True, all_f = True
    layout.nop = len(arrays)
    layout.ndim = ndim
    for axis in range(ndim):
        layout.shape[axis] = shape[axis]
    for iop in range(layout.nop):
        array = arrays[iop]
        broadcast_strides(array.ndim, array._shape, array._strides,
                          ndim, shape, layout.strides[iop])
        if array.ndim == 0:
            continue
        if trivial and array.dtype.type_index != (
                in_type if loop_types is None else loop_types[iop]):
            trivial = False
        if array.ndim != ndim:
            trivial = False
        else:
            for axis in range(ndim):
                if array._shape[axis] != shape[axis]:
                    trivial = False
        all_c = all_c and array._flags & FLAG_C_CONTIGUOUS
        all_f = all_f and array._flags & FLAG_F_CONTIGUOUS
    if trivial and (all_c or all_f):
        return new_array(descr, ndim, shape, not all_c, False)
    return _new_output(&layout, descr)


cdef MiniArray _run(ufunc function, list inputs, MiniArray out, int out_type,
                    object casting, LoopData* data, int in_type,
                    list originals=None, list loop_types=None,
                    bint trivial_ok=True, bint cast_inputs=False,
                    MiniArray mask=None):
    """Broadcast, allocate or check the output, and walk the loop.  With
    ``cast_inputs`` an input of another dtype than ``in_type`` is
    converted as the walk goes; an ``out`` of another dtype than
    ``out_type`` always is.

    A ``where=`` ``mask`` (bool) is one more operand of the walk, after
    the output: it is broadcast with the inputs, votes on a new output's
    layout as they do, and ``_masked_loop`` runs the typed loop only on
    its runs of True.  A new output starts as zeros (NumPy leaves the
    masked-off elements uninitialised)."""
    cdef Traversal t
    cdef Py_ssize_t shape[MAX_NDIM]
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef int perm[MAX_NDIM]
    cdef char* start[MAX_OPERANDS]
    cdef int own_types[MAX_OPERANDS]
    cdef int walk_types[MAX_OPERANDS]
    cdef Py_ssize_t itemsizes[MAX_OPERANDS]
    cdef MiniArray array, result, target
    cdef int nin = len(inputs), ndim, axis, iop, i
    cdef int mask_op = -1 if mask is None else nin + 1
    cdef Py_ssize_t size = 1, step
    cdef bint tiles_ok
    cdef Descr out_descr = descr_of(out_type)
    if mask_op >= MAX_OPERANDS:
        raise TypeError(f"{function._name} takes no where= mask in minind")
    ndim = _broadcast_shape(inputs, out, shape, mask)
    for axis in range(ndim):
        size *= shape[axis]
    if out is not None:
        require_writeable(out, "output array is read-only")
        _check_output_cast(function, out_type, out.dtype, casting)
    # The operands as the iterator sees them: broadcast strides.
    t.nop = nin + 1 if mask is None else nin + 2
    t.ndim = ndim
    t.tile = 0
    for axis in range(ndim):
        t.shape[axis] = shape[axis]
    for iop in range(nin):
        array = inputs[iop]
        broadcast_strides(array.ndim, array._shape, array._strides, ndim,
                          shape, t.strides[iop])
        start[iop] = array._data
    originals_seen = list(inputs)     # (mi.explain tells the copies)
    # The output: the caller's (cast on the way out if it must be) or new.
    if out is not None:
        target = out
        for iop in range(nin):        # reading before writing, as NumPy
            array = inputs[iop]
            # In place (each element read just before it is written) needs
            # no copy, unless out's elements share memory among
            # themselves (``v += 1`` on a broadcast_arrays view): a later
            # element would then read what an earlier one wrote.
            if spans_overlap(array, out) and (not _same_layout(
                    make_view(array, 0, ndim, shape, t.strides[iop]), out)
                    or may_overlap_itself(out.ndim, out._shape,
                                          out._strides, out.dtype.itemsize)):
                array = copy_array(array, array.dtype, "K")
                inputs[iop] = array
                broadcast_strides(array.ndim, array._shape, array._strides,
                                  ndim, shape, t.strides[iop])
                start[iop] = array._data
        if mask is not None and spans_overlap(mask, out):
            mask = copy_array(mask, mask.dtype, "K")  # read before written
    else:
        # Laid out by the operands as the caller gave them (an input cast
        # to the loop dtype was copied in its own layout), and the mask.
        layout_operands = list(originals if originals is not None
                               else inputs)
        if mask is not None:
            layout_operands.append(mask)
        target = _fresh_output(layout_operands, in_type, loop_types, ndim,
                               shape, out_descr, trivial_ok)
        if mask is not None and size > 0:
            # Fresh, so its items are one block from _data on.
            memset(target._data, 0, size * out_descr.itemsize)
    if mask is not None:
        broadcast_strides(mask.ndim, mask._shape, mask._strides, ndim,
                          shape, t.strides[mask_op])
        start[mask_op] = mask._data
        own_types[mask_op] = walk_types[mask_op] = T_BOOL
    for axis in range(ndim):
        t.strides[nin][axis] = target._strides[axis]
    start[nin] = target._data
    for iop in range(nin):
        own_types[iop] = (<MiniArray>inputs[iop]).dtype.type_index
        walk_types[iop] = in_type if cast_inputs else own_types[iop]
    own_types[nin] = target.dtype.type_index
    walk_types[nin] = out_type
    if _recorder is not None:
        before = traversal_text(&t)
        axis_order(&t, 0, False, perm)
        order = tuple([perm[axis] for axis in range(ndim)])
    if size > 0:
        data.op = function.op
        data.type_index = in_type
        plan_traversal(&t)
        # Tiles (``plan_tiles``) visit the items in another order, which
        # element-wise work cannot see -- unless an input aliases the
        # output.  Inputs that overlapped ``out`` were copied above except
        # in place, the same addresses; that is safe too when the items
        # are the same size, so each is read and written by its own step.
        itemsizes[nin] = target.dtype.itemsize
        tiles_ok = True
        for iop in range(nin):
            array = inputs[iop]
            itemsizes[iop] = array.dtype.itemsize
            if (target is out and itemsizes[iop] != itemsizes[nin]
                    and spans_overlap(array, out)):
                tiles_ok = False
        if mask is not None:
            itemsizes[mask_op] = 1
        if tiles_ok:
            plan_tiles(&t, itemsizes, nin)
        if _recorder is not None:
            _plan({"path": "strided", "function": function._name,
                   "loop": _loop_text(function, in_type, out_type),
                   "shape": before[0], "order": order,
                   "operands": [(k, descr_of(own_types[k]).name,
                                 before[1][k]) for k in range(nin + 1)],
                   "copied": [k for k in range(nin)
                              if inputs[k] is not originals_seen[k]],
                   "cast_whole": [] if originals is None else [
                       (k, (<MiniArray>originals[k]).dtype.name,
                        descr_of(own_types[k]).name) for k in range(nin)
                       if (<MiniArray>originals[k]).dtype.type_index
                       != own_types[k]],
                   "new_output": out is None,
                   "planned": traversal_text(&t),
                   "buffered": [(k, descr_of(own_types[k]).name,
                                 descr_of(walk_types[k]).name)
                                for k in range(nin + 1)
                                if own_types[k] != walk_types[k]],
                   "masked": mask is not None})
        # Threads (bands walked at once) only where each output element
        # is written once: an out= whose elements share memory (a
        # broadcast view made writeable) keeps the serial order of writes.
        _walk_typed(&t, start, data, nin, own_types, walk_types, size,
                    mask_op, target is not out or not may_overlap_itself(
                        out.ndim, out._shape, out._strides,
                        out.dtype.itemsize))
    return target


cdef struct MaskedLoop:
    inner_loop loop       # the loop to run on the runs of True
    void* data
    int nop
    int mask_op           # the operand that is the mask (bool items)


cdef void _masked_loop(char** pointers, Py_ssize_t n,
                       const Py_ssize_t* steps,
                       void* data) noexcept nogil:
    """The inner loop of a call with ``where=``: find the runs of True in
    the mask operand and run the real loop (``MaskedLoop.loop``) on each,
    with every operand's pointer moved to the run's start.  Masked-off
    elements are skipped, not computed and thrown away, so an integer
    division by zero there is never done.  NumPy:
    ``generic_masked_strided_loop`` (``array_method.c``)."""
    cdef MaskedLoop* masked = <MaskedLoop*>data
    cdef char* args[MAX_OPERANDS]
    cdef const char* mask = pointers[masked.mask_op]
    cdef Py_ssize_t mask_step = steps[masked.mask_op]
    cdef Py_ssize_t i = 0, first
    cdef int iop
    while i < n:
        while i < n and not mask[i * mask_step]:
            i += 1
        first = i
        while i < n and mask[i * mask_step]:
            i += 1
        if i > first:
            for iop in range(masked.nop):
                args[iop] = pointers[iop] + first * steps[iop]
            masked.loop(args, i - first, steps, masked.data)


cdef int _walk_typed(Traversal* t, char** start, LoopData* data, int nin,
                     const int* own_types, const int* loop_types,
                     Py_ssize_t size, int mask_op=-1,
                     bint bands=False) except -1:
    """Walk the planned ``t`` with the typed loop ``data`` names, without
    the GIL when it is long.  An operand stored in another dtype than
    the loop's (``own_types[k]`` against ``loop_types[k]``; operands
    below ``nin`` are read, the others written) goes through the
    iterator's cast buffers, CAST_BLOCK elements at a time
    (``_loops.cast_buffered_loop``), never through a converted copy.
    Operand ``mask_op`` (if not -1: the last one, bool) is a ``where=``
    mask: ``_masked_loop`` hands the loop its runs of True only, so
    masked-off elements are neither read, computed nor written.

    A walk whose ``bands`` (of its outermost axis) each write their own
    output elements, reading no other band's -- an element-wise walk
    whose inputs alias no other output element, or a reduction whose
    bands fold into disjoint parts of the accumulator -- runs on several
    threads when it is long enough (``_loops.walk_work``: its loop's
    cost, tiles, streaming); buffered and masked walks stay on one."""
    cdef CastBuffers cast
    cdef MaskedLoop masked
    cdef int iop, threads = 1
    cdef inner_loop loop = run_loop
    cdef void* loop_data = data
    cast.loop = run_loop
    cast.data = data
    cast.nin = nin
    for iop in range(t.nop):
        cast.own_type[iop] = own_types[iop]
        cast.loop_type[iop] = loop_types[iop]
    # (The mask, read by _masked_loop, needs no buffer: own and loop type
    # are both bool.)
    if alloc_cast_buffers(&cast, t.nop) > 0:
        loop = cast_buffered_loop
        loop_data = &cast
    if mask_op >= 0:
        masked.loop = loop
        masked.data = loop_data
        masked.nop = t.nop
        masked.mask_op = mask_op
        loop = _masked_loop
        loop_data = &masked
    if bands and loop_data == <void*>data and t.ndim > 0:
        threads = threads_for(walk_work(
            size, work_per_element(data.op, data.type_index), t.tile != 0))
    try:
        if size >= NOGIL_THRESHOLD:
            with nogil:
                if threads < 2 or not parallel_walk(t, start, loop,
                                                    loop_data, threads):
                    walk(t, start, loop, loop_data)
        else:
            walk(t, start, loop, loop_data)
    finally:
        free_cast_buffers(&cast)
    return 0


# ---------------------------------------------------------------------------
# ufunc.at: unbuffered, element by element
# ---------------------------------------------------------------------------

cdef object _at(ufunc function, object a, object indices, object b):
    """``function.at(a, indices, b)``, with NumPy's checks in NumPy's
    order: the operands, the loop, a read-only ``a``, the index (as
    ``a[indices]`` checks it), then ``b``'s shape.  (NumPy 2.4.6's fast
    path for a 1-d ``a`` and index skips the read-only check and writes
    into the array; minind refuses always.)"""
    cdef MiniArray array, selected, values = None
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef LoopData data
    cdef int k, in_type, out_type
    if not isinstance(a, MiniArray):
        raise TypeError("first operand must be array")
    array = <MiniArray>a
    if function.nin > 2:
        raise ValueError("Only unary and binary ufuncs supported at this "
                         "time")
    if function.nin == 1 and b is not NoValue:
        raise ValueError("second operand provided when ufunc is unary")
    if function.nin == 2 and b is NoValue:
        raise ValueError("second operand needed for ufunc")
    cdef list operands = [array]
    if function.nin == 2:
        # NumPy converts b with PyArray_FromAny: a Python scalar becomes
        # an array of its default dtype and is promoted as one (strong).
        b = _operands((b,))[0]
        operands.append(b if isinstance(b, MiniArray) else asarray(b))
    if OP_LOGICAL_AND <= function.op <= OP_LOGICAL_XOR and not (
            _one_array_dtype(operands)):
        k = 0                                   # '??->?', as a call
    else:
        k = function._loop_for(operands, None)
    in_type, out_type = function._loops[k]
    require_writeable(array, "operand array with iterator write flag set "
                      "is read-only")
    # The elements' byte offsets in a's memory, indexed as a would be:
    # the indexing module validates the key (bounds, mask lengths...)
    # exactly as a[indices], and gives the selection's shape and C order.
    selected = asarray(_element_offsets(array)[indices])
    if not selected._flags & FLAG_C_CONTIGUOUS:
        selected = copy_array(selected, selected.dtype, "C")
    if function.nin == 2:
        values = operands[1]
        if not broadcast_strides(values.ndim, values._shape, values._strides,
                                 selected.ndim, selected._shape, strides):
            raise ValueError("array is not broadcastable to correct shape")
    if selected.size == 0:
        return None
    if values is not None:
        # b in the loop's dtype, one item per selected element, C order.
        values = copy_array(make_view(values, 0, selected.ndim,
                                      selected._shape, strides),
                            descr_of(in_type), "C")
        if function.op == OP_POWER and descr_of(in_type).kind == "i":
            _refuse_negative_powers([values, values], None, None)
    data.op = function.op
    data.type_index = in_type
    cdef char* base = array._data
    cdef const int64_t* offsets = <const int64_t*>selected._data
    cdef Py_ssize_t count = selected.size
    cdef const char* items = NULL if values is None else values._data
    cdef Py_ssize_t item_step = descr_of(in_type).itemsize
    cdef int nin = function.nin, own_type = array.dtype.type_index
    if count >= NOGIL_THRESHOLD:
        with nogil:
            _at_loop(base, offsets, count, items, item_step, nin, own_type,
                     in_type, out_type, &data)
    else:
        _at_loop(base, offsets, count, items, item_step, nin, own_type,
                 in_type, out_type, &data)
    return None


cdef MiniArray _element_offsets(MiniArray array):
    """An int64 array of ``array``'s shape (C order) holding each
    element's byte offset from ``array._data`` (strides may be negative
    or zero: a broadcast view repeats offsets)."""
    cdef MiniArray offsets = new_array(descr_of(T_INT64), array.ndim,
                                       array._shape, False, False)
    cdef int64_t* out = <int64_t*>offsets._data
    cdef Py_ssize_t index[MAX_NDIM]
    cdef Py_ssize_t position = 0, i, n = offsets.size
    cdef int axis
    for axis in range(array.ndim):
        index[axis] = 0
    for i in range(n):
        out[i] = position
        # The odometer: step the last axis, carry into the ones before.
        axis = array.ndim - 1
        while axis >= 0:
            index[axis] += 1
            position += array._strides[axis]
            if index[axis] < array._shape[axis]:
                break
            position -= index[axis] * array._strides[axis]
            index[axis] = 0
            axis -= 1
    return offsets


cdef void _at_loop(char* base, const int64_t* offsets, Py_ssize_t count,
                   const char* values, Py_ssize_t value_step, int nin,
                   int own_type, int in_type, int out_type,
                   LoopData* data) noexcept nogil:
    """The unbuffered loop of ``ufunc.at``: for each offset in turn, read
    the element of ``a`` there (cast to the loop's ``in_type``), run the
    typed loop on that one element (and ``values[i]``), and cast the
    result straight back into the element.

    Why one element at a time: an offset may come back later in the
    list (``add.at(a, [0, 0], 1)``), and that later step must read what
    the earlier one wrote.  A ufunc call's buffered loop (gather the
    elements, compute them all, scatter back) would read the old value
    twice and lose an update, which is ``a[[0, 0]] += 1``'s behaviour.
    The casts go through aligned stack buffers, so ``a`` may be any
    dtype and unaligned."""
    cdef double buffers[3][2]             # 16 aligned bytes per operand
    cdef char* args[3]
    cdef Py_ssize_t steps[3]
    cdef Py_ssize_t i
    cdef char* element
    steps[0] = steps[1] = steps[2] = 0
    args[0] = <char*>buffers[0]
    args[nin] = <char*>buffers[2]
    for i in range(count):
        element = base + offsets[i]
        cast_run(own_type, in_type, element, 0, args[0], 0, 1)
        if nin == 2:
            args[1] = <char*>values + i * value_step
        run_loop(args, 1, steps, data)
        cast_run(out_type, own_type, args[nin], 0, element, 0, 1)


# ---------------------------------------------------------------------------
# Reductions
# ---------------------------------------------------------------------------

cdef list _reduce_axes(MiniArray array, object axis):
    """The axes a reduction runs over.  As NumPy (a legacy rule), a 0-d
    array accepts axis 0 or -1 and reduces over nothing."""
    if axis is None:
        return list(range(array.ndim))
    if not isinstance(axis, tuple):
        # One axis: anything with __index__ (NumPy refuses lists and
        # floats here with the int() message).
        axis = operator.index(axis)
        if array.ndim == 0 and axis in (0, -1):
            return []
        return [normalize_axis(axis, array.ndim)]
    return normalize_axis_tuple(axis, array.ndim)


def reduce_axes(array, axis, legacy=True):
    """Python access to the reduction axis rule (used by _reductions);
    ``legacy=False`` refuses axis 0 of a 0-d array, as NumPy's mean does,
    and ``legacy="flat"`` checks the axis against at least one dimension
    (argmax and cumsum see a 0-d array as 1-d)."""
    cdef MiniArray a = asarray(array)
    if legacy == "flat":
        if axis is None:
            return []
        return [normalize_axis(axis, max(a.ndim, 1))]
    if not legacy:
        if axis is None:
            return list(range(a.ndim))
        if not isinstance(axis, tuple):
            return [normalize_axis(operator.index(axis), a.ndim)]
        return normalize_axis_tuple(axis, a.ndim)
    return _reduce_axes(a, axis)


cdef Descr _reduce_dtype(ufunc function, MiniArray array, object dtype):
    """NumPy's default accumulator for sums and products: small integers
    (and bool) accumulate in int64 (unsigned in uint64)."""
    if dtype is not None:
        return as_dtype(dtype)
    kind = array.dtype.kind
    if function.op in (OP_ADD, OP_MULTIPLY) and kind in "bi" and (
            array.dtype.itemsize < 8):
        return descr_of(T_INT64)
    if function.op in (OP_ADD, OP_MULTIPLY) and kind == "u" and (
            array.dtype.itemsize < 8):
        return descr_of(T_UINT64)
    return array.dtype


cdef int _reduce_loop(ufunc function, Descr descr,
                      bint explicit) except -1:
    """The loop type of a reduction: input and output types must be equal
    (the output is fed back in).  The accumulator dtype ``descr`` must cast
    to it safely; logical operations reduce as bools."""
    if function.op in (OP_LOGICAL_AND, OP_LOGICAL_OR, OP_LOGICAL_XOR):
        if explicit and descr.type_index != T_BOOL:
            raise TypeError(
                "No loop matching the specified signature and casting was "
                f"found for ufunc {function._name}")
        return T_BOOL
    cdef bint exact = explicit or function.op in (OP_GCD, OP_LCM)
    if descr.type_index == T_BOOL:
        function._check_bool_support()
    if (function.op == OP_TRUE_DIVIDE and not explicit
            and descr.kind in "biu"):
        return T_FLOAT64                    # int / int is float64
    for in_type, out_type in function._loops:
        if in_type != out_type:
            continue
        # dtype= names the loop itself, and gcd/lcm cast nothing (as in
        # a call): then only a loop of exactly that dtype will do.
        if in_type == descr.type_index or not exact and can_cast_index(
                descr.type_index, in_type, "safe"):
            return in_type
    if explicit:
        raise TypeError("No loop matching the specified signature and "
                        f"casting was found for ufunc {function._name}")
    if exact:
        raise UFuncTypeError(
            f"ufunc '{function._name}' did not contain a loop with "
            "signature matching types (None, <class 'numpy.dtypes."
            f"{_DTYPE_CLASSES[descr.type_index]}DType'>) -> None")
    if _is_comparison(function):
        raise TypeError("No loop matching the specified signature and "
                        f"casting was found for ufunc {function._name}")
    raise TypeError(
        f"ufunc '{function._name}' not supported for the input types, and "
        "the inputs could not be safely coerced to any supported types "
        "according to the casting rule ''safe''")


cdef inline bint _is_comparison(ufunc function):
    """less, equal...: every loop writes bool, from inputs of any type."""
    cdef tuple last = function._loops[len(function._loops) - 1]
    return last[1] == T_BOOL and last[0] != T_BOOL


cdef int _reduce_loop_type(ufunc function, MiniArray array, object dtype,
                           MiniArray out) except -1:
    """The loop a reduce or an accumulate runs.

    Given ``out=`` and no ``dtype=``, NumPy chooses the loop as for the
    call ``op(out, array)``: the output's dtype takes part, and small
    integers get no int64 default (an int8 sum into a float32 output adds
    in float32; a float64 sum into an int8 output adds in float64, then
    casts).  Otherwise the accumulator dtype decides (``_reduce_dtype``).
    """
    cdef int k
    if out is not None and dtype is None and function.op not in (
            OP_LOGICAL_AND, OP_LOGICAL_OR, OP_LOGICAL_XOR):
        if _is_comparison(function):
            # Its bool output is what is fed back in: only a bool input
            # has a loop (??->?) whose types all agree, whatever out is.
            # (NumPy's class for the refusal depends on its dispatch
            # cache: TypeError first, UFuncTypeError once a similar call
            # has been resolved; minind gives the first.)
            if array.dtype.type_index != T_BOOL:
                _reduce_loop(function, array.dtype, False)
            return T_BOOL
        k = function._loop_for([out, array], None)
        return function._loops[k][0]
    return _reduce_loop(function, _reduce_dtype(function, array, dtype),
                        dtype is not None)


cdef MiniArray _reduction_output(MiniArray array, list axes, bint keepdims,
                                 Descr descr, MiniArray mask=None):
    """The new result of reducing ``array`` over ``axes``, laid out as
    NumPy's reduction iterator lays it out.

    The axes keep the order in which the iterator walks the input
    (``axis_order``: broadcast and length-1 axes have no say), a reduced
    axis counts as length 1, and is then dropped unless ``keepdims``.  So
    ``broadcast_to(x, ...).sum(axis=0)`` is laid out like ``x``, not by
    the zero strides, and the input as given decides (not a copy cast to
    the loop's dtype).  A ``where=`` mask (broadcast to ``array``) votes
    too, as an operand of the iterator: where it disagrees with the
    input, C order stands.  NumPy: ``npyiter_new_temp_array`` allocating
    the output that ``PyUFunc_ReduceWrapper`` maps with reduction op_axes.
    """
    cdef int perm[MAX_NDIM]
    cdef Py_ssize_t shape[MAX_NDIM]
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef Py_ssize_t kept_shape[MAX_NDIM]
    cdef Py_ssize_t kept_strides[MAX_NDIM]
    cdef int k, ndim = 0
    cdef MiniArray result
    cdef Traversal voters
    if mask is None:
        memory_order(array, False, perm)
    else:
        voters.nop = 2
        voters.ndim = array.ndim
        for k in range(array.ndim):
            voters.shape[k] = array._shape[k]
            voters.strides[0][k] = array._strides[k]
            voters.strides[1][k] = mask._strides[k]
        axis_order(&voters, 0, False, perm)
    for k in range(array.ndim):
        shape[k] = 1 if k in axes else array._shape[k]
    fill_ordered_strides(array.ndim, shape, descr.itemsize, perm, strides)
    for k in range(array.ndim):
        if keepdims or k not in axes:
            kept_shape[ndim] = shape[k]
            kept_strides[ndim] = strides[k]
            ndim += 1
    result = new_array(descr, ndim, kept_shape, False, False)
    if result.size:
        memcpy(result._strides, kept_strides, ndim * sizeof(Py_ssize_t))
        result._update_flags()
    return result


cdef object _reduce(ufunc function, MiniArray array, object axis,
                    object dtype, MiniArray out, bint keepdims, object initial,
                    bint keep_array=False, MiniArray mask=None):
    cdef list axes = _reduce_axes(array, axis)
    cdef int loop_type = _reduce_loop_type(function, array, dtype, out)
    cdef Descr loop_descr = descr_of(loop_type)
    cdef MiniArray source, result, stretched
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef int k, j
    cdef LoopData data
    cdef bint empty, met_every_element = False
    if len(axes) > 1 and not _reorderable(function):
        raise ValueError(
            f"reduction operation '{function._name}' is not reorderable, "
            "so at most one axis may be specified")
    cdef double small[SMALL_REDUCTION]     # aligned room for any items
    cdef Py_ssize_t count = array.size, item_stride, wide_stride
    if mask is not None:
        mask = _reduction_mask(function, array, mask, initial, loop_descr)
    # The whole array as one run: contiguous (in either order), or 1-d
    # with any step (a[::2].sum()), which the walk below would run as the
    # same single loop after building its machinery.
    cdef bint contiguous = array._flags & (FLAG_C_CONTIGUOUS
                                           | FLAG_F_CONTIGUOUS)
    cdef bint one_run = contiguous or array.ndim == 1 and (
        array.dtype is loop_descr or count <= SMALL_REDUCTION)
    item_stride = (array.dtype.itemsize if contiguous
                   else array._strides[0] if one_run else 0)
    if (mask is None and len(axes) == array.ndim and count and out is None
            and not keepdims and initial is NoValue and one_run):
        if _recorder is not None:
            _plan({"path": "whole", "function": function._name,
                   "loop": _loop_text(function, loop_type, loop_type),
                   "shape": array.shape, "count": count,
                   "step": item_stride, "contiguous": contiguous,
                   "operands": [(0, array.dtype.name, array.strides)],
                   "buffered": [] if array.dtype is loop_descr else
                   [(0, array.dtype.name, loop_descr.name)]})
        if array.dtype is loop_descr:
            value = _reduce_run(function, loop_descr, array._data, count,
                                item_stride)
        elif count <= SMALL_REDUCTION:
            # A few items to accumulate in a wider dtype (int8.sum() is
            # int64): cast them onto the stack rather than into a new
            # array, then the same single loop.
            wide_stride = loop_descr.itemsize
            copy_cast(1, &count, <char*>small, &wide_stride, loop_type,
                      array._data, &item_stride, array.dtype.type_index)
            value = _reduce_run(function, loop_descr, <char*>small, count,
                                wide_stride)
        else:
            value = _reduce_cast_blocks(function, loop_descr, array)
        return scalar_array(value) if keep_array else value
    # The input as it is: if the loop runs in a wider dtype (a bool sum in
    # int64), the walk converts it a block at a time (_walk_typed).
    source = array
    result = _reduction_output(array, axes, keepdims, loop_descr, mask)
    empty = any([source._shape[k] == 0 for k in axes])
    if initial is None:
        identity = None                  # NumPy: initial=None, no identity
        if len(axes) > 1 and not empty and not _idempotent(function):
            # Over several axes there is no single first element to skip;
            # a reorderable operation has an identity to start from (the
            # same sum), so this only keeps an empty reduction an error.
            identity = _identity_for(function, loop_descr)
    elif initial is not NoValue:
        identity = initial
    else:
        identity = _identity_for(function, loop_descr)
    # Start values: the identity (or `initial`), else the first element
    # along the reduced axes.  min/max are idempotent: meeting that element
    # again changes nothing.  Any other operation (subtract, left_shift,
    # arctan2: one reduced axis, see above) skips it.
    if identity is not None and (empty or initial is not NoValue
                                 or not _idempotent(function)
                                 or mask is not None):
        result.fill(identity)
    elif empty:
        raise ValueError(
            f"zero-size array to reduction operation {function._name} "
            "which has no identity")
    elif result.size:
        first = (source if source.ndim == 0 else
                 source[tuple([slice(0, 1) if k in axes else slice(None)
                               for k in range(source.ndim)])])
        copy_into(result, first.reshape(result.shape))
        if out is not None and out.dtype is not loop_descr:
            # NumPy starts from the first element as stored in ``out``:
            # a float64 difference into an int8 output starts truncated.
            copy_into(result, copy_array(result, out.dtype, "K"))
            if _idempotent(function):
                # ... and does not meet it again: max of uint8 [128, 0]
                # into int8 starts at -128 and ends at 0.  min/max meet
                # every element (a first one per output over several
                # axes cannot be sliced off), so let them meet the first
                # as stored in out, in a copy of the input.
                if source is array:
                    source = copy_array(array, loop_descr, "K")
                copy_into(source if source.ndim == 0 else
                          source[tuple([slice(0, 1) if k in axes
                                        else slice(None)
                                        for k in range(source.ndim)])],
                          result.reshape(first.shape))
        if not _idempotent(function) and len(axes) == 1:
            source = source[tuple([slice(1, None) if k in axes
                                   else slice(None)
                                   for k in range(source.ndim)])]
        elif not _idempotent(function) and not axes:
            met_every_element = True    # 0-d: the element is the result
    # The accumulator seen through the input's shape: stride 0 along the
    # reduced axes, so each output element collects its slice.
    j = 0
    for k in range(source.ndim):
        if k in axes:
            strides[k] = 0
            j += keepdims
        else:
            strides[k] = result._strides[j]
            j += 1
    if not empty and source.size and not met_every_element:
        stretched = make_view(result, 0, source.ndim, source._shape, strides)
        data.op = function.op
        data.type_index = loop_type
        _reduce_into(stretched, source, &data, mask)
    final = result.shape
    if out is not None:
        if (<MiniArray>out).shape != final:
            raise ValueError(
                f"output parameter for reduction operation {function._name} "
                f"has the wrong shape {shape_text((<MiniArray>out).shape)}, "
                f"expected {shape_text(final)}")
        require_writeable(out, "output array is read-only")
        copy_into(out, result)
        return out
    if result.ndim == 0 and not keep_array:
        return _as_scalar(result)
    return result


cdef MiniArray _reduction_mask(ufunc function, MiniArray array,
                               MiniArray mask, object initial, Descr descr):
    """A reduction's ``where=`` mask broadcast to ``array`` (with the
    messages of NumPy's reduction iterator), then NumPy's check that the
    reduction has a start value: masked-off elements leave nothing to
    start from."""
    cdef Py_ssize_t strides[MAX_NDIM]
    if mask.ndim > array.ndim:
        raise ValueError("input operand has more dimensions than allowed "
                         "by the axis remapping")
    if not broadcast_strides(mask.ndim, mask._shape, mask._strides,
                             array.ndim, array._shape, strides):
        # Two messages, as NumPy's iterator: shapes that do not broadcast
        # at all, or a mask that would stretch the array (which, being
        # read, cannot take the broadcast shape).
        together = list(array.shape)
        for k in range(1, mask.ndim + 1):
            length = mask._shape[mask.ndim - k]
            if together[-k] == 1:
                together[-k] = length
            elif length != 1 and length != together[-k]:
                raise ValueError(
                    "operands could not be broadcast together with "
                    "remapped shapes [original->remapped]: "
                    f"{shape_text(array.shape)} {shape_text(mask.shape)} ")
        raise ValueError(
            f"non-broadcastable operand with shape "
            f"{shape_text(array.shape)} doesn't match the broadcast shape "
            f"{shape_text(tuple(together))}")
    if initial is None or (initial is NoValue
                           and _identity_for(function, descr) is None):
        raise ValueError(
            f"reduction operation '{function._name}' does not have an "
            "identity, so to use a where mask one has to specify "
            "'initial'")
    return make_view(mask, 0, array.ndim, array._shape, strides)


cdef Py_ssize_t _start_accumulator(ufunc function, Descr descr, char* acc,
                                   const char* first, int first_type) except -1:
    """Start the accumulator of a whole-array reduction in ``descr``: the
    operation's identity, or else its first item (``first``, stored as
    ``first_type``, cast as the loop will see it).  Returns how many
    leading items that consumed: min/max start from the first item and may
    meet it again harmlessly (0), an operation without identity and not
    idempotent (subtract) must not meet it twice (1)."""
    identity = _identity_for(function, descr)
    if identity is not None and not _idempotent(function):
        set_item(descr, acc, identity)
        return 0
    cast_run(first_type, descr.type_index, first, 0, acc, 0, 1)
    return not _idempotent(function)


cdef object _reduce_run(ufunc function, Descr descr, char* items,
                        Py_ssize_t count, Py_ssize_t stride):
    """``count`` (> 0) items of ``descr``, ``stride`` bytes apart, reduced
    to one scalar: the whole of a contiguous or 1-d array, the common
    ``a.sum()``.  It is the general walk's single coalesced loop
    (accumulator stride 0, source stride ``stride``), run on a stack
    accumulator instead of a new 0-d array."""
    cdef double accumulator[2]           # 16 aligned bytes for any dtype
    cdef char* acc = <char*>accumulator
    cdef char* start[3]
    cdef Py_ssize_t steps[3]
    cdef LoopData data
    cdef Py_ssize_t skipped = _start_accumulator(function, descr, acc,
                                                 items, descr.type_index)
    start[0] = acc
    start[1] = items + skipped * stride
    start[2] = acc
    steps[0] = 0
    steps[1] = stride
    steps[2] = 0
    data.op = function.op
    data.type_index = descr.type_index
    count -= skipped                     # (read with the GIL held)
    if count >= NOGIL_THRESHOLD:
        with nogil:
            run_loop(start, count, steps, &data)
    elif count:
        run_loop(start, count, steps, &data)
    return get_scalar(descr, acc)


cdef object _reduce_cast_blocks(ufunc function, Descr descr,
                                MiniArray array):
    """A whole contiguous array reduced in a wider dtype than its own
    (``bools.sum()`` adds in int64, ``ints.mean()`` in float64): its
    elements are cast ``CAST_BLOCK`` at a time into a small buffer, each
    block folded into the accumulator, as NumPy's buffered iterator does.
    Casting the whole array first would take as much memory again as the
    result dtype needs (a 2 GB bool mask summed in int64: 16 GB); blocks
    of NumPy's size also round float sums as NumPy's do (pairwise within a
    block, block after block)."""
    cdef double accumulator[2]           # 16 aligned bytes for any dtype
    cdef char* pointers[3]
    cdef Py_ssize_t steps[3]
    cdef LoopData data
    cdef Py_ssize_t count = array.size, first = 0
    cdef int source_type = array.dtype.type_index
    cdef char* block = <char*>PyMem_Malloc(CAST_BLOCK * descr.itemsize)
    if block == NULL:
        raise MemoryError()
    try:
        first = _start_accumulator(function, descr, <char*>accumulator,
                                   array._data, source_type)
        pointers[0] = pointers[2] = <char*>accumulator
        pointers[1] = block
        steps[0] = steps[2] = 0
        steps[1] = descr.itemsize
        data.op = function.op
        data.type_index = descr.type_index
        if count >= NOGIL_THRESHOLD:
            with nogil:
                _fold_cast_blocks(array._data + first * array.dtype.itemsize,
                                  count - first, array.dtype.itemsize,
                                  source_type, pointers, steps, &data)
        else:
            _fold_cast_blocks(array._data + first * array.dtype.itemsize,
                              count - first, array.dtype.itemsize,
                              source_type, pointers, steps, &data)
    finally:
        PyMem_Free(block)
    return get_scalar(descr, <char*>accumulator)


cdef void _fold_cast_blocks(const char* items, Py_ssize_t count,
                            Py_ssize_t item_step, int source_type,
                            char** pointers, const Py_ssize_t* steps,
                            LoopData* data) noexcept nogil:
    cdef Py_ssize_t start = 0, n
    while start < count:
        n = min(<Py_ssize_t>CAST_BLOCK, count - start)
        cast_run(source_type, data.type_index, items + start * item_step,
                 item_step, pointers[1], steps[1], n)
        run_loop(pointers, n, steps, data)
        start += n


def reduce_to_array(ufunc function, array, axis=None, dtype=None,
                    keepdims=False, where=True):
    """``function.reduce`` that keeps a 0-d result as an array, so later
    arithmetic stays in its dtype (float32 means divide in float32)."""
    return _reported_reduce(function, asarray(array), axis, dtype, None,
                            keepdims, NoValue, True,
                            None if where is True else where_mask(where))


cdef object _reported_reduce(ufunc function, MiniArray array, object axis,
                             object dtype, MiniArray out, bint keepdims,
                             object initial, bint keep_array,
                             MiniArray mask):
    """``_reduce`` with its floating-point errors reported as NumPy's
    ("overflow encountered in reduce"), its casts included (_fperr.pyx:
    ``casts_deferred``)."""
    clear_fp_status()
    defer_casts(1)
    try:
        result = _reduce(function, array, axis, dtype, out, keepdims,
                         initial, keep_array, mask)
    finally:
        defer_casts(-1)
    function._check_fp("reduce")
    return result


cdef int _arg_search(MiniArray a, Py_ssize_t count, bint want_max,
                     int64_t* out) except -1:
    """argmax/argmin of each of ``count`` rows of ``a``'s elements in C
    order into ``out``.  The kernel reads typed rows: a C-contiguous,
    aligned array as it is, any other through a C-ordered copy."""
    cdef MiniArray contiguous = a
    if not (a._flags & FLAG_C_CONTIGUOUS and a._flags & FLAG_ALIGNED):
        contiguous = copy_array(a, a.dtype, "C")
    cdef Py_ssize_t n = contiguous.size // count
    cdef int type_index = contiguous.dtype.type_index
    if count * n >= NOGIL_THRESHOLD:
        with nogil:
            arg_extreme(contiguous._data, count, n, type_index, want_max,
                        out)
    else:
        arg_extreme(contiguous._data, count, n, type_index, want_max, out)
    return 0


def _arg_rows(MiniArray rows, bint want_max):
    """argmax/argmin of each row of a 2-d array (with at least one row),
    as an int64 array."""
    cdef Py_ssize_t count = rows._shape[0]
    cdef MiniArray result = new_array(descr_of(T_INT64), 1, &count, False,
                                      False)
    _arg_search(rows, count, want_max, <int64_t*>result._data)
    return result


def _arg_flat(MiniArray a, bint want_max):
    """argmax/argmin of the whole (nonempty) array, read as one C-order
    row, as an int64 scalar: ``a.argmax()``, the common call, without
    ``_arg_rows``'s reshape, result array and 0-d scalar, which cost ten
    times the search itself on small arrays."""
    cdef int64_t index = 0
    _arg_search(a, 1, want_max, &index)
    return get_scalar(descr_of(T_INT64), <char*>&index)


def _any_or_all_flat(MiniArray a, bint want_any):
    """``a.any()`` / ``a.all()`` over a whole array that is one run of
    elements (contiguous in either order, whose answer does not depend on
    it, or 1-d with any step), as a bool scalar, read in place
    (``any_or_all``); None for other layouts, which reduce."""
    cdef uint8_t result
    cdef Py_ssize_t step
    if a._flags & (FLAG_C_CONTIGUOUS | FLAG_F_CONTIGUOUS):
        step = a.dtype.itemsize
    elif a.ndim == 1:
        step = a._strides[0]
    else:
        return None
    cdef Py_ssize_t n = a.size
    cdef int type_index = a.dtype.type_index
    if n >= NOGIL_THRESHOLD:
        with nogil:
            result = any_or_all(a._data, n, step, type_index, want_any)
    else:
        result = any_or_all(a._data, n, step, type_index, want_any)
    return get_scalar(descr_of(T_BOOL), <char*>&result)


cdef object _identity_for(ufunc function, Descr descr):
    """The ufunc's identity in ``descr``: bitwise_and's -1 means all bits
    set, which for an unsigned type is its maximum."""
    identity = function._identity
    if identity == -1 and function.op == OP_BITWISE_AND:
        if descr.kind == "u":
            return (<object>2) ** (8 * descr.itemsize) - 1   # Python int
        if descr.kind == "b":
            return True
    return identity


cdef bint _reorderable(ufunc function):
    """Whether a reduction may combine the elements in any order (and so
    over several axes at once): NumPy's rule is an identity, or
    maximum/minimum and fmax/fmin.  subtract, power, left_shift, lcm,
    arctan2... reduce along one axis only."""
    return function._identity is not None or function.op in (
        OP_MAXIMUM, OP_MINIMUM, OP_FMAX, OP_FMIN)


cdef bint _idempotent(ufunc function):
    return function.op in (OP_MAXIMUM, OP_MINIMUM, OP_FMAX, OP_FMIN,
                           OP_LOGICAL_AND, OP_LOGICAL_OR, OP_BITWISE_AND,
                           OP_BITWISE_OR)


cdef int _reduce_into(MiniArray accumulator, MiniArray source,
                      LoopData* data, MiniArray mask=None) except -1:
    """accumulator = op(accumulator, source) element by element, where the
    accumulator has stride 0 along the reduced axes (args: acc, src, acc,
    as NumPy's reduction inner loops get them); only where ``mask`` (of
    source's shape) is True, if given."""
    return _walk_binary(accumulator, source, accumulator, data, True, mask)


cdef int _walk_binary(MiniArray a, MiniArray b, MiniArray out,
                      LoopData* data, bint reorder,
                      MiniArray mask=None) except -1:
    """out = op(a, b) over b's shape (a and out already have b's shape).
    ``reorder`` lets the iterator order and coalesce the axes; without it
    the walk stays in C order (accumulate needs that).  A ``mask`` (bool,
    b's shape) is one more operand: only its runs of True are computed
    (``_masked_loop``)."""
    cdef Traversal t
    cdef char* start[MAX_OPERANDS]
    cdef int own_types[MAX_OPERANDS]
    cdef int loop_types[MAX_OPERANDS]
    cdef int axis
    if b.size == 0:
        return 0                  # walk() always runs its inner loop once
    # Each operand in the loop's dtype, or converted as the walk goes (a
    # reduction's input whose accumulator is wider: a bool sum in int64).
    own_types[0] = a.dtype.type_index
    own_types[1] = b.dtype.type_index
    own_types[2] = out.dtype.type_index
    loop_types[0] = loop_types[1] = loop_types[2] = data.type_index
    t.nop = 3
    t.ndim = b.ndim
    t.tile = 0                    # walked as given (plan_traversal sets it)
    for axis in range(b.ndim):
        t.shape[axis] = b._shape[axis]
        t.strides[0][axis] = a._strides[axis]
        t.strides[1][axis] = b._strides[axis]
        t.strides[2][axis] = out._strides[axis]
    start[0] = a._data
    start[1] = b._data
    start[2] = out._data
    if mask is not None:
        t.nop = 4
        for axis in range(b.ndim):
            t.strides[3][axis] = mask._strides[axis]
        start[3] = mask._data
        own_types[3] = loop_types[3] = T_BOOL
    if _recorder is not None:
        before = traversal_text(&t)
    if reorder:
        plan_traversal(&t)
    # A reduction over an outer axis of contiguous rows (a C array's
    # axis 0, an F array's axis 1): several rows per pass
    # (_kernels.reduce_rows), the same additions in the same order.
    cdef Py_ssize_t size = descr_of(data.type_index).itemsize
    cdef bint rows = (reorder and mask is None and t.ndim == 2
                      and start[0] == start[2]
                      and own_types[0] == own_types[1] == own_types[2]
                      == data.type_index
                      and t.strides[0][0] == 0 and t.strides[2][0] == 0
                      and t.strides[0][1] == size and t.strides[1][1] == size
                      and t.strides[2][1] == size)
    if _recorder is not None:
        _plan({"path": "reduce" if reorder else "accumulate", "rows": rows,
               "loop": descr_of(data.type_index).char * 2 + "->"
               + descr_of(data.type_index).char,
               "shape": before[0],
               "operands": [(k, descr_of(own_types[k]).name, before[1][k])
                            for k in range(3)],
               "planned": traversal_text(&t),
               "buffered": [(k, descr_of(own_types[k]).name,
                             descr_of(loop_types[k]).name)
                            for k in range(3)
                            if own_types[k] != loop_types[k]]})
    cdef bint done = False
    cdef int threads
    if rows:
        if b.size >= NOGIL_THRESHOLD:
            threads = threads_for(walk_work(b.size, 0, False))
            with nogil:
                done = _reduce_rows_on(threads, data, start[0], start[1],
                                       t.shape[1], t.strides[1][0],
                                       t.shape[0], size)
        else:
            done = reduce_rows(data, start[0], start[1], t.shape[1],
                               t.strides[1][0], t.shape[0])
    if done:
        return 0
    # A reduction whose outermost planned axis moves the accumulator (the
    # rows of a.sum(axis=1), C) can be cut into bands of that axis, one
    # per thread: each band folds into its own accumulator elements, in
    # the serial order.  (The accumulator is always a view of a new
    # result, _reduction_output's, never a user's out=, which is written
    # afterwards: no two of its elements share memory.)
    cdef bint bands = (reorder and start[0] == start[2] and t.ndim > 1
                       and t.strides[0][0] != 0)
    return _walk_typed(&t, start, data, 2, own_types, loop_types, b.size,
                       -1 if mask is None else 3, bands)


cdef struct RowsJob:
    LoopData* data
    Py_ssize_t row_step
    Py_ssize_t rows


cdef void _rows_band(char** pointers, Py_ssize_t n, const Py_ssize_t* steps,
                     void* job) noexcept nogil:
    """One thread's band of columns: every row folded into them."""
    cdef RowsJob* rows = <RowsJob*>job
    reduce_rows(rows.data, pointers[0], pointers[1], n, rows.row_step,
                rows.rows)


cdef bint _reduce_rows_on(int threads, LoopData* data, char* acc,
                          const char* src, Py_ssize_t n, Py_ssize_t row_step,
                          Py_ssize_t rows, Py_ssize_t itemsize) noexcept nogil:
    """``reduce_rows``, its ``n`` columns cut into one band per thread
    when ``threads`` (from ``threads_for``) is above 1.  Each column is
    still folded over the rows in order, by one thread, so the result is
    bitwise the serial one.  False, as reduce_rows, for what it does not
    handle (asked first with no columns: the answer depends only on the
    operation, the type and the alignment, which every band shares, as
    bands start at multiples of 64 items)."""
    cdef Traversal bands
    cdef RowsJob job
    cdef char* start[2]
    if threads < 2 or not reduce_rows(data, acc, src, 0, row_step, rows):
        return reduce_rows(data, acc, src, n, row_step, rows)
    bands.nop = 2
    bands.ndim = 1
    bands.tile = 0
    bands.shape[0] = n
    bands.strides[0][0] = bands.strides[1][0] = itemsize
    start[0] = acc
    start[1] = <char*>src
    job.data = data
    job.row_step = row_step
    job.rows = rows
    if not parallel_walk(&bands, start, _rows_band, &job, threads):
        return reduce_rows(data, acc, src, n, row_step, rows)
    return True


cdef object _accumulate(ufunc function, MiniArray array, object axis,
                        object dtype, MiniArray out):
    """out[0] = a[0]; out[k] = op(out[k - 1], a[k]) along ``axis``.

    Run as one binary call with views shifted by one element, exactly as
    NumPy does: (out[:-1], a[1:]) -> out[1:].  The loop walks the axis in
    increasing order, so each step reads the value just written.
    """
    cdef int k, i
    cdef Descr descr
    cdef MiniArray result, previous, current
    cdef LoopData data
    cdef Traversal t
    if array.ndim == 0:
        raise TypeError("cannot accumulate on a scalar")
    k = normalize_axis(axis, array.ndim)
    descr = descr_of(_reduce_loop_type(function, array, dtype, out))
    # The result starts as a copy of the input, laid out like a ufunc's
    # output (the iterator's K order).
    t.nop = 1
    t.ndim = array.ndim
    for i in range(array.ndim):
        t.shape[i] = array._shape[i]
        t.strides[0][i] = array._strides[i]
    result = _new_output(&t, descr)
    copy_into(result, array)
    if array.shape[k] > 1:
        head = tuple([slice(None, -1) if i == k else slice(None)
                      for i in range(array.ndim)])
        tail = tuple([slice(1, None) if i == k else slice(None)
                      for i in range(array.ndim)])
        previous = result[head]
        current = result[tail]
        data.op = function.op
        data.type_index = descr.type_index
        _walk_binary(previous, current, current, &data, False)
    if out is not None:
        if (<MiniArray>out).shape != result.shape:
            raise ValueError("provided out is the wrong size for the "
                             "accumulation.")
        require_writeable(out, "output array is read-only")
        copy_into(out, result)
        return out
    return result


cdef MiniArray _packed(object value, int type_index):
    """A Python number as a 0-d array of ``type_index``, converted as a
    value (``set_item``: its range checks, no casting rule)."""
    cdef Py_ssize_t no_shape = 0
    cdef Descr descr = descr_of(type_index)
    cdef MiniArray scalar = new_array(descr, 0, &no_shape, False, False)
    set_item(descr, scalar._data, value)
    return scalar


cdef object _reduceat(ufunc function, MiniArray array, object indices,
                      object axis, object dtype, MiniArray out):
    """``function.reduceat``, as NumPy runs it (``PyUFunc_Reduceat``):
    each row of the result starts as the first element of its slice,
    ``array[indices[i]]``, and the rest of the slice, if it has any, is
    folded in by the reduction loop (the accumulator with stride 0 along
    the axis, as in ``_reduce``).  A row whose slice is empty or reversed
    (``indices[i + 1] <= indices[i]``) keeps that first element.  The
    result is computed in a new array and only then copied into ``out``,
    so an ``out`` that overlaps the input reads the input as it was."""
    cdef Py_ssize_t i, n, length, start, stop
    cdef Py_ssize_t shape[MAX_NDIM]
    cdef Py_ssize_t strides[MAX_NDIM]
    cdef Py_ssize_t out_strides[MAX_NDIM]
    cdef int perm[MAX_NDIM]
    cdef char* block
    cdef const int64_t* position
    cdef MiniArray where, result
    cdef Descr descr
    cdef LoopData data
    cdef int k, j
    if array.ndim == 0:
        raise TypeError("cannot reduceat on a scalar")
    axes = _reduce_axes(array, axis)
    if len(axes) != 1:
        raise ValueError("reduceat does not allow multiple axes")
    k = axes[0]
    # The indices as NumPy reads them (one dimension exactly, as intp): a
    # list's items converted as int() converts them (0.5 is 0, NaN an
    # error), an array's only by a safe cast (not from float or uint64).
    if isinstance(indices, MiniArray) or (
            PyObject_CheckBuffer(indices) and not isinstance(indices, bytes)):
        where = asarray(indices)
    elif is_nested_sequence(indices):
        from minind._creation import array as new_array_from
        where = new_array_from(indices, dtype="int64", ndmax=1)
    else:
        where = None
    if where is None or where.ndim == 0:
        raise ValueError("object of too small depth for desired array")
    if where.ndim > 1:
        raise ValueError("object too deep for desired array")
    if not can_cast_index(where.dtype.type_index, T_INT64, "safe"):
        raise TypeError(
            f"Cannot cast array data from dtype('{where.dtype.name}') to "
            f"dtype('int64') according to the rule 'safe'")
    where = copy_array(where, descr_of(T_INT64), "C")
    n = where.size
    position = <const int64_t*>where._data
    length = array._shape[k]
    for i in range(n):
        if not 0 <= position[i] < length:
            raise IndexError(f"index {position[i]} out-of-bounds in "
                             f"{function._name}.reduceat [0, {length})")
    descr = descr_of(_reduce_loop_type(function, array, dtype, out))
    # The result is laid out in the input's memory order over the other
    # axes: NumPy's iterator sees the input with no stride along ``axis``
    # (and the indices only along it), so that axis has no say, as an
    # axis of length 1 has none in ``memory_order``.
    for j in range(array.ndim):
        shape[j] = array._shape[j]
    shape[k] = 1
    memory_order(make_view(array, 0, array.ndim, shape, array._strides),
                 False, perm)
    shape[k] = n
    result = new_array(descr, array.ndim, shape, False, False)
    if result.size:
        fill_ordered_strides(array.ndim, shape, descr.itemsize, perm,
                             result._strides)
        result._update_flags()
    if out is not None and (out.ndim != result.ndim or not broadcast_strides(
            result.ndim, result._shape, result._strides, out.ndim,
            out._shape, out_strides)):
        # NumPy's iterator lets ``out`` stretch the result, never shrink
        # it: an axis of length 1 is repeated; along ``axis``, where
        # NumPy's loop writes only the rows it has indices for, one index
        # fills the first row alone (below).
        raise ValueError(
            f"non-broadcastable output operand with shape "
            f"{shape_text(out.shape)} doesn't match the broadcast shape "
            f"{shape_text(result.shape)}")
    if result.size == 0:
        if out is not None:
            require_writeable(out, "output array is read-only")
            return out
        return result
    data.op = function.op
    data.type_index = descr.type_index
    if array.ndim == 1:
        # One axis: each row started and folded in by the typed loop on
        # its slice (the common segment sum, where a view per slice would
        # cost more than a short slice's work).
        block = NULL
        if array.dtype is not descr:
            block = <char*>PyMem_Malloc(CAST_BLOCK * descr.itemsize)
            if block == NULL:
                raise MemoryError()
        try:
            if length + n >= NOGIL_THRESHOLD:
                with nogil:
                    _reduceat_vector(result._data, result._strides[0],
                                     array._data, array._strides[0],
                                     array.dtype.type_index, descr.itemsize,
                                     position, n, length, &data, block)
            else:
                _reduceat_vector(result._data, result._strides[0],
                                 array._data, array._strides[0],
                                 array.dtype.type_index, descr.itemsize,
                                 position, n, length, &data, block)
        finally:
            PyMem_Free(block)
    else:
        # Every row starts as the first element of its slice...
        copy_into(result, array.take(where, axis=k))
        # ... and the rest of the slice, where there is more, is folded
        # in: the slice and the row seen through its shape, with stride 0
        # along the axis.
        for j in range(array.ndim):
            strides[j] = result._strides[j]
        strides[k] = 0
        for i in range(n):
            start = position[i] + 1
            stop = position[i + 1] if i + 1 < n else length
            if stop <= start:
                continue
            shape[k] = stop - start
            _reduce_into(
                make_view(result, i * result._strides[k], array.ndim, shape,
                          strides),
                make_view(array, start * array._strides[k], array.ndim,
                          shape, array._strides),
                &data)
    if out is not None:
        require_writeable(out, "output array is read-only")
        for j in range(out.ndim):
            shape[j] = out._shape[j]
        shape[k] = n
        copy_into(make_view(out, 0, out.ndim, shape, out._strides),
                  make_view(result, 0, out.ndim, shape, out_strides))
        return out
    return result


cdef void _reduceat_vector(char* out, Py_ssize_t out_stride,
                           const char* items, Py_ssize_t stride,
                           int source_type, Py_ssize_t itemsize,
                           const int64_t* position, Py_ssize_t n,
                           Py_ssize_t length, LoopData* data,
                           char* block) noexcept nogil:
    """``_reduceat`` of a 1-d input: row ``i`` of ``out`` starts as its
    slice's first item, and the rest of the slice is folded in.

    ``block`` is NULL when the items are in the loop's dtype: the loop
    reads them where they are.  Otherwise (``source_type``) they are cast
    into ``block``, ``CAST_BLOCK`` loop items of ``itemsize`` bytes, which
    keeps the items ``[low, high)`` while slices fall inside it, so that
    short slices in order (the common segment sums) cast each item once;
    a slice longer than the block is cast a block at a time
    (``_fold_cast_blocks``, as a whole-array reduction casts).  The rows
    whose slices share a block (or all the rows, with no block) are folded
    by one call of ``reduce_segments``, the type and operation dispatched
    once for them; where it has no loop, row by row (``_reduceat_rows``).
    """
    cdef char* args[3]
    cdef Py_ssize_t steps[3]
    cdef Py_ssize_t i = 0, j, begin, end, low = 0, high = 0
    steps[0] = steps[2] = 0
    steps[1] = itemsize
    if block == NULL:
        _reduceat_rows(out, out_stride, items, stride, 0, position, n,
                       length, itemsize, data)
        return
    while i < n:
        # The slice is [begin, end): at least its first item.
        begin = position[i]
        end = _slice_end(position, i, n, length)
        if end - begin > CAST_BLOCK:
            args[0] = args[2] = out + i * out_stride
            cast_run(source_type, data.type_index, items + begin * stride,
                     0, args[0], 0, 1)
            args[1] = block             # (the whole block, from its start)
            _fold_cast_blocks(items + (begin + 1) * stride, end - begin - 1,
                              stride, source_type, args, steps, data)
            i += 1
            continue
        if begin < low or end > high:
            low = begin
            high = min(begin + <Py_ssize_t>CAST_BLOCK, length)
            cast_run(source_type, data.type_index, items + low * stride,
                     stride, block, itemsize, high - low)
        # the rows after it whose slices fall in the block too
        j = i + 1
        while j < n and low <= position[j] and _slice_end(
                position, j, n, length) <= high:
            end = _slice_end(position, j, n, length)
            j += 1
        _reduceat_rows(out + i * out_stride, out_stride, block, itemsize,
                       low, position + i, j - i, end, itemsize, data)
        i = j


cdef inline Py_ssize_t _slice_end(const int64_t* position, Py_ssize_t i,
                                  Py_ssize_t n,
                                  Py_ssize_t length) noexcept nogil:
    """The end of reduceat's slice ``i``: the next index, or the length
    for the last, and past its first item at least."""
    cdef Py_ssize_t end = position[i + 1] if i + 1 < n else length
    return max(end, position[i] + 1)


cdef void _reduceat_rows(char* out, Py_ssize_t out_stride,
                         const char* items, Py_ssize_t step,
                         Py_ssize_t first, const int64_t* position,
                         Py_ssize_t n, Py_ssize_t last_end,
                         Py_ssize_t itemsize, LoopData* data) noexcept nogil:
    """Rows ``[0, n)`` of reduceat's result from the items in the loop's
    type, of ``itemsize`` bytes (``reduce_segments``' arguments): by
    ``reduce_segments``, or row by row through ``run_loop`` for the
    operations it has no loop for."""
    cdef char* args[3]
    cdef Py_ssize_t steps[3]
    cdef Py_ssize_t i, begin, end
    if reduce_segments(data, out, out_stride, items, step, first, position,
                       n, last_end):
        return
    steps[0] = steps[2] = 0
    steps[1] = step
    for i in range(n):
        begin = position[i]
        end = position[i + 1] if i + 1 < n else last_end
        args[0] = args[2] = out + i * out_stride
        memcpy(args[0], items + (begin - first) * step, itemsize)
        if end - begin > 1:
            args[1] = <char*>items + (begin + 1 - first) * step
            run_loop(args, end - begin - 1, steps, data)


# ---------------------------------------------------------------------------
# The ufuncs
# ---------------------------------------------------------------------------

_INT = "bb->b BB->B hh->h HH->H ii->i II->I qq->q QQ->Q"
_FLOAT = "ff->f dd->d"
_ARITH = "??->? " + _INT + " " + _FLOAT
_CMP = ("??->? bb->? BB->? hh->? HH->? ii->? II->? qq->? QQ->? ff->? "
        "dd->?")
_UNARY_INT = "b->b B->B h->h H->H i->i I->I q->q Q->Q"
_UNARY_FLOAT = "f->f d->d"
_PRED = "?->? b->? B->? h->? H->? i->? I->? q->? Q->? f->? d->?"

# ---------------------------------------------------------------------------
# divmod: the one ufunc with two outputs
# ---------------------------------------------------------------------------

cdef tuple _halves_of(object signature):
    """A ``divmod`` signature (``'dd->dd'``, or one type per operand: two
    inputs, two outputs) as the two one-output signatures of its halves,
    floor_divide's and remainder's; (None, None) when there is none."""
    if signature is None:
        return None, None
    if isinstance(signature, bytes):
        signature = signature.decode()
    if isinstance(signature, str):
        before, arrow, after = signature.partition("->")
        if not arrow or len(before) != 2 or len(after) != 2:
            raise ValueError("a type-string for divmod, 2 typecode(s) "
                             "before and 2 after the -> sign")
        return before + "->" + after[0], before + "->" + after[1]
    if not isinstance(signature, tuple):
        raise TypeError("the signature object to ufunc must be a string or "
                        "a tuple.")
    if len(signature) != 4:
        raise ValueError("a type-tuple must be specified of length 4 for "
                         "ufunc 'divmod'")
    return signature[:3], signature[:2] + signature[3:]


cdef ufunc _output_named(ufunc function, str name):
    """``function`` as one of divmod's outputs: its messages name the
    output ``name``, and it never takes the trivial loop."""
    function._output = name
    function._trivial_ok = False
    return function


cdef int _check_outputs(tuple args, list outs, tuple dtypes, object casting,
                        object where) except -1:
    """The checks each half's call will make of its output, made before
    either runs, in NumPy's order (it checks every output before computing
    any): their shapes against the broadcast one, then each is writeable
    and the loop's output casts to its dtype."""
    cdef bint any_input_cast
    cdef ufunc half
    cdef int k, position
    operands = _operands(args)
    arrays = [o if isinstance(o, MiniArray) else asarray(0) for o in operands]
    mask = None if where is True else where_mask(where)
    for position in range(2):
        if outs[position] is not None:
            _broadcast_shape(arrays, outs[position], _SHAPE_SCRATCH, mask)
    for position in range(2):
        if outs[position] is None:
            continue
        half = _quotient_half if position == 0 else _rest_half
        out = <MiniArray>outs[position]
        k = half._select(list(operands), dtypes[position], casting,
                         &any_input_cast)
        require_writeable(out, "output array is read-only")
        _check_output_cast(half, half._loops[k][1], out.dtype, casting)
    return 0


cdef class _Divmod(ufunc):
    """``divmod(x1, x2)``: ``(x1 // x2, x1 % x2)``, NumPy's ufunc with two
    outputs.  Its halves are floor_divide's and remainder's loops, which
    compute NumPy's quotient and remainder (both from one divmod, so they
    agree: ``q * x2 + r`` is ``x1`` up to rounding); the call runs one
    after the other and reports their floating-point errors once, as
    "... encountered in divmod".  ``out`` is a tuple of two (None for a
    new array), or the outputs positionally; ``out=...`` keeps 0-d results
    arrays.  Like NumPy's, it has no ``reduce``, ``accumulate``,
    ``reduceat`` or ``at``, which need one output."""

    def __cinit__(self, *args, **kwargs):
        self.nout = 2

    def __call__(self, *args, out=_NO_OUT, dtype=None, casting="same_kind",
                 where=True, signature=None, sig=None):
        cdef ufunc quotient_of = _quotient_half, rest_of = _rest_half
        cdef bint keep_array = out is Ellipsis
        cdef MiniArray staged = None
        if keep_array:
            out = _NO_OUT
        if sig is not None:
            if signature is not None:
                raise TypeError("cannot specify both 'sig' and 'signature'")
            signature = sig
        if signature is not None and dtype is not None:
            raise TypeError("cannot specify both 'signature' and 'dtype'")
        outs = [None, None]
        if len(args) > 2:
            if len(args) > 4:
                raise TypeError(f"divmod() takes from 2 to 4 positional "
                                f"arguments but {len(args)} were given")
            if out is not _NO_OUT or keep_array:
                raise TypeError("cannot specify 'out' as both a positional "
                                "and keyword argument")
            for position, given in enumerate(args[2:]):
                if given is Ellipsis:
                    raise TypeError("out=... is only allowed as a keyword "
                                    "argument.")
                outs[position] = given
            args = args[:2]
        elif out is not _NO_OUT and out is not None:
            if not isinstance(out, tuple):
                raise TypeError("'out' must be a tuple of arrays")
            if len(out) != 2:
                raise ValueError("The 'out' tuple must have exactly one "
                                 "entry per ufunc output")
            outs = list(out)
        if len(args) != 2:
            raise TypeError(f"divmod() takes from 2 to 4 positional "
                            f"arguments but {len(args)} were given")
        for position in range(2):
            if outs[position] is Ellipsis:
                raise TypeError("must use `...` as `out=...` and not "
                                "per-operand/in a tuple")
            outs[position] = single_output(outs[position])
        quotient_types, rest_types = _halves_of(signature)
        quotient_dtype = rest_dtype = dtype
        if quotient_types is not None:
            quotient_dtype = quotient_of._signature(quotient_types)
            rest_dtype = rest_of._signature(rest_types)
        # The quotient is written first.  So with two outputs given, both
        # are checked before it, as NumPy checks every output before
        # computing any; and where the quotient's output is also an input
        # (divmod(a, b, out=(a, None))), it goes to a copy until the
        # remainder has read that input.
        if outs[0] is not None and outs[1] is not None:
            _check_outputs(args, outs, (quotient_dtype, rest_dtype),
                           casting, where)
        quotient_out = <MiniArray>outs[0]
        if quotient_out is not None and any([
                isinstance(x, MiniArray) and spans_overlap(x, quotient_out)
                for x in args]):
            staged = quotient_out
            quotient_out = copy_array(staged, staged.dtype, "K")
        clear_fp_status()
        quotient = quotient_of._call(args, quotient_out,
                                     quotient_out is not None,
                                     quotient_dtype, casting, where,
                                     keep_array)
        rest = rest_of._call(args, outs[1], outs[1] is not None, rest_dtype,
                             casting, where, keep_array)
        if staged is not None:
            copy_into(staged, quotient_out)
            quotient = staged
        self._check_fp("divmod")
        return quotient, rest

    def _operator(self, *args):
        return self(*args)

    def outer(self, a, b):
        """``(floor_divide.outer(a, b), remainder.outer(a, b))``."""
        clear_fp_status()
        quotient = (<ufunc>_quotient_half).outer(a, b)
        rest = (<ufunc>_rest_half).outer(a, b)
        self._check_fp("divmod")
        return quotient, rest

    def reduce(self, *args, **kwargs):
        raise ValueError("reduce only supported for functions returning a "
                         "single value")

    def accumulate(self, *args, **kwargs):
        raise ValueError("accumulate only supported for functions "
                         "returning a single value")

    def reduceat(self, *args, **kwargs):
        raise ValueError("reduceat only supported for functions returning "
                         "a single value")

    def at(self, *args, **kwargs):
        raise ValueError("Only single output ufuncs supported at this time")

    def resolve_dtypes(self, dtypes, *, signature=None, casting=None,
                       reduction=False):
        """floor_divide's answer for the inputs and the first output, the
        second output's cast checked as remainder's."""
        if type(dtypes) is not tuple or len(dtypes) != 4:
            raise TypeError("resolve_dtypes: The dtypes must be a tuple of "
                            "`ufunc.nargs` length.")
        if reduction:
            raise ValueError("ufunc is not compatible with reduction "
                             "operations.")
        quotient_types, rest_types = _halves_of(signature)
        first = (<ufunc>_quotient_half).resolve_dtypes(
            dtypes[:3], signature=quotient_types, casting=casting)
        (<ufunc>_rest_half).resolve_dtypes(
            dtypes[:2] + dtypes[3:], signature=rest_types, casting=casting)
        return first + first[2:]


add = ufunc("add", 2, OP_ADD, _ARITH, 0,
            "Add arguments element-wise (the reference ufunc).")
subtract = ufunc("subtract", 2, OP_SUBTRACT, _INT + " " + _FLOAT, None,
                 "Subtract arguments, element-wise.")
multiply = ufunc("multiply", 2, OP_MULTIPLY, _ARITH, 1,
                 "Multiply arguments element-wise.")
true_divide = ufunc("divide", 2, OP_TRUE_DIVIDE, _FLOAT, None,
                    "Divide arguments element-wise (int / int is float64).")
divide = true_divide
floor_divide = ufunc("floor_divide", 2, OP_FLOOR_DIVIDE,
                     _INT + " " + _FLOAT, None,
                     "The largest integer <= the quotient (Python's //).")
remainder = ufunc("remainder", 2, OP_REMAINDER, _INT + " " + _FLOAT, None,
                  "Remainder with the sign of the divisor (Python's %).")
mod = remainder
divmod = _Divmod("divmod", 2, OP_FLOOR_DIVIDE, _INT + " " + _FLOAT, None,
                 "The floor quotient and the remainder, element-wise: "
                 "(x1 // x2, x1 % x2).")
# divmod's halves: floor_divide's and remainder's loops under divmod's
# name, so that their messages name it and its outputs 2 and 3.
_quotient_half = _output_named(
    ufunc("divmod", 2, OP_FLOOR_DIVIDE, _INT + " " + _FLOAT), "output 2")
_rest_half = _output_named(
    ufunc("divmod", 2, OP_REMAINDER, _INT + " " + _FLOAT), "output 3")
power = ufunc("power", 2, OP_POWER, _INT + " " + _FLOAT, None,
              "First array elements raised to powers from the second.")
maximum = ufunc("maximum", 2, OP_MAXIMUM, _ARITH, None,
                "Element-wise maximum; NaN propagates.")
minimum = ufunc("minimum", 2, OP_MINIMUM, _ARITH, None,
                "Element-wise minimum; NaN propagates.")
equal = ufunc("equal", 2, OP_EQUAL, _CMP, None, "x1 == x2 element-wise.")
not_equal = ufunc("not_equal", 2, OP_NOT_EQUAL, _CMP, None,
                  "x1 != x2 element-wise.")
less = ufunc("less", 2, OP_LESS, _CMP, None, "x1 < x2 element-wise.")
less_equal = ufunc("less_equal", 2, OP_LESS_EQUAL, _CMP, None,
                   "x1 <= x2 element-wise.")
greater = ufunc("greater", 2, OP_GREATER, _CMP, None,
                "x1 > x2 element-wise.")
greater_equal = ufunc("greater_equal", 2, OP_GREATER_EQUAL, _CMP, None,
                      "x1 >= x2 element-wise.")
logical_and = ufunc("logical_and", 2, OP_LOGICAL_AND, _CMP, True,
                    "Truth value of x1 AND x2 element-wise.")
logical_or = ufunc("logical_or", 2, OP_LOGICAL_OR, _CMP, False,
                   "Truth value of x1 OR x2 element-wise.")
logical_xor = ufunc("logical_xor", 2, OP_LOGICAL_XOR, _CMP, False,
                    "Truth value of x1 XOR x2 element-wise.")
bitwise_and = ufunc("bitwise_and", 2, OP_BITWISE_AND, "??->? " + _INT, -1,
                    "Bit-wise AND of integers (and bools).")
bitwise_or = ufunc("bitwise_or", 2, OP_BITWISE_OR, "??->? " + _INT, 0,
                   "Bit-wise OR of integers (and bools).")
bitwise_xor = ufunc("bitwise_xor", 2, OP_BITWISE_XOR, "??->? " + _INT, 0,
                    "Bit-wise XOR of integers (and bools).")
negative = ufunc("negative", 1, OP_NEGATIVE,
                 _UNARY_INT + " " + _UNARY_FLOAT, None, "Numerical negative.")
positive = ufunc("positive", 1, OP_POSITIVE,
                 _UNARY_INT + " " + _UNARY_FLOAT, None, "Numerical positive.")
absolute = ufunc("absolute", 1, OP_ABSOLUTE,
                 "?->? " + _UNARY_INT + " " + _UNARY_FLOAT, None,
                 "Absolute value element-wise.")
abs = absolute
sign = ufunc("sign", 1, OP_SIGN, _UNARY_INT + " " + _UNARY_FLOAT, None,
             "-1, 0 or 1 by the sign of each element (NaN stays NaN).")
square = ufunc("square", 1, OP_SQUARE, _UNARY_INT + " " + _UNARY_FLOAT,
               None, "x * x element-wise.")
invert = ufunc("invert", 1, OP_INVERT, "?->? " + _UNARY_INT, None,
               "Bit-wise NOT (logical NOT for bools).")
bitwise_not = invert
sqrt = ufunc("sqrt", 1, OP_SQRT, _UNARY_FLOAT, None, "Square root.")
exp = ufunc("exp", 1, OP_EXP, _UNARY_FLOAT, None, "e ** x.")
log = ufunc("log", 1, OP_LOG, _UNARY_FLOAT, None, "Natural logarithm.")
log1p = ufunc("log1p", 1, OP_LOG1P, _UNARY_FLOAT, None, "log(1 + x).")
expm1 = ufunc("expm1", 1, OP_EXPM1, _UNARY_FLOAT, None, "exp(x) - 1.")
tanh = ufunc("tanh", 1, OP_TANH, _UNARY_FLOAT, None, "Hyperbolic tangent.")
sin = ufunc("sin", 1, OP_SIN, _UNARY_FLOAT, None, "Sine.")
cos = ufunc("cos", 1, OP_COS, _UNARY_FLOAT, None, "Cosine.")
logical_not = ufunc("logical_not", 1, OP_LOGICAL_NOT, _PRED, None,
                    "Truth value of NOT x element-wise.")
isnan = ufunc("isnan", 1, OP_ISNAN, _PRED, None, "True where NaN.")
isinf = ufunc("isinf", 1, OP_ISINF, _PRED, None, "True where +-inf.")
isfinite = ufunc("isfinite", 1, OP_ISFINITE, _PRED, None,
                 "True where neither NaN nor infinite.")

# The C library's functions, float loops only (an integer input computes
# in the smallest float that holds it: float32 for int16, float64 for
# int32; float32 where NumPy would use float16).
tan = ufunc("tan", 1, OP_TAN, _UNARY_FLOAT, None, "Tangent.")
arcsin = ufunc("arcsin", 1, OP_ARCSIN, _UNARY_FLOAT, None,
               "Inverse sine; NaN outside [-1, 1].")
arccos = ufunc("arccos", 1, OP_ARCCOS, _UNARY_FLOAT, None,
               "Inverse cosine; NaN outside [-1, 1].")
arctan = ufunc("arctan", 1, OP_ARCTAN, _UNARY_FLOAT, None,
               "Inverse tangent.")
sinh = ufunc("sinh", 1, OP_SINH, _UNARY_FLOAT, None, "Hyperbolic sine.")
cosh = ufunc("cosh", 1, OP_COSH, _UNARY_FLOAT, None, "Hyperbolic cosine.")
arcsinh = ufunc("arcsinh", 1, OP_ARCSINH, _UNARY_FLOAT, None,
                "Inverse hyperbolic sine.")
arccosh = ufunc("arccosh", 1, OP_ARCCOSH, _UNARY_FLOAT, None,
                "Inverse hyperbolic cosine; NaN below 1.")
arctanh = ufunc("arctanh", 1, OP_ARCTANH, _UNARY_FLOAT, None,
                "Inverse hyperbolic tangent; +-inf at +-1, NaN beyond.")
exp2 = ufunc("exp2", 1, OP_EXP2, _UNARY_FLOAT, None, "2 ** x.")
log2 = ufunc("log2", 1, OP_LOG2, _UNARY_FLOAT, None, "Base-2 logarithm.")
log10 = ufunc("log10", 1, OP_LOG10, _UNARY_FLOAT, None,
              "Base-10 logarithm.")
cbrt = ufunc("cbrt", 1, OP_CBRT, _UNARY_FLOAT, None,
             "Cube root (of negative numbers too).")
deg2rad = ufunc("deg2rad", 1, OP_DEG2RAD, _UNARY_FLOAT, None,
                "Degrees to radians.")
rad2deg = ufunc("rad2deg", 1, OP_RAD2DEG, _UNARY_FLOAT, None,
                "Radians to degrees.")
# NumPy keeps radians and degrees as ufuncs of their own (not aliases).
radians = ufunc("radians", 1, OP_DEG2RAD, _UNARY_FLOAT, None,
                "Degrees to radians (deg2rad under its older name).")
degrees = ufunc("degrees", 1, OP_RAD2DEG, _UNARY_FLOAT, None,
                "Radians to degrees (rad2deg under its older name).")
rint = ufunc("rint", 1, OP_RINT, _UNARY_FLOAT, None,
             "Round to the nearest integer, ties to even.")
# NumPy 2: rounding an integer (or bool) keeps its dtype.
floor = ufunc("floor", 1, OP_FLOOR, "?->? " + _UNARY_INT + " " + _UNARY_FLOAT,
              None, "The largest integer <= x.")
ceil = ufunc("ceil", 1, OP_CEIL, "?->? " + _UNARY_INT + " " + _UNARY_FLOAT,
             None, "The smallest integer >= x.")
trunc = ufunc("trunc", 1, OP_TRUNC, "?->? " + _UNARY_INT + " " + _UNARY_FLOAT,
              None, "x rounded toward zero.")
reciprocal = ufunc("reciprocal", 1, OP_RECIPROCAL,
                   _UNARY_INT + " " + _UNARY_FLOAT, None,
                   "1 / x; for integers 1 / x truncated (0 unless |x| is 1).")
signbit = ufunc("signbit", 1, OP_SIGNBIT, "f->? d->?", None,
                "True where the sign bit is set (-0.0 included).")
arctan2 = ufunc("arctan2", 2, OP_ARCTAN2, _FLOAT, None,
                "The angle of the point (x2, x1), with the quadrant.")
hypot = ufunc("hypot", 2, OP_HYPOT, _FLOAT, 0,
              "sqrt(x1 ** 2 + x2 ** 2) without overflow.")
copysign = ufunc("copysign", 2, OP_COPYSIGN, _FLOAT, None,
                 "x1 with the sign of x2.")
nextafter = ufunc("nextafter", 2, OP_NEXTAFTER, _FLOAT, None,
                  "The next float after x1 towards x2.")
logaddexp = ufunc("logaddexp", 2, OP_LOGADDEXP, _FLOAT, float("-inf"),
                  "log(exp(x1) + exp(x2)) without overflow.")
logaddexp2 = ufunc("logaddexp2", 2, OP_LOGADDEXP2, _FLOAT, float("-inf"),
                   "log2(2 ** x1 + 2 ** x2) without overflow.")
fmax = ufunc("fmax", 2, OP_FMAX, _ARITH, None,
             "Element-wise maximum; NaN is ignored.")
fmin = ufunc("fmin", 2, OP_FMIN, _ARITH, None,
             "Element-wise minimum; NaN is ignored.")
float_power = ufunc("float_power", 2, OP_POWER, "dd->d", None,
                    "x1 ** x2 in float64, for every input dtype.")
left_shift = ufunc("left_shift", 2, OP_LEFT_SHIFT, _INT, None,
                   "Shift the bits left (0 once all are shifted out).")
right_shift = ufunc("right_shift", 2, OP_RIGHT_SHIFT, _INT, None,
                    "Shift the bits right, repeating the sign bit.")
gcd = ufunc("gcd", 2, OP_GCD, _INT, 0,
            "Greatest common divisor of the absolute values.")
lcm = ufunc("lcm", 2, OP_LCM, _INT, None,
            "Least common multiple of the absolute values.")
# A real number is its own complex conjugate; unlike positive, conjugate
# takes bools (as int8, its first loop), as NumPy's.
conjugate = ufunc("conjugate", 1, OP_CONJUGATE,
                  _UNARY_INT + " " + _UNARY_FLOAT, None,
                  "The complex conjugate: x itself for real numbers.")

# The Python Array API's names, the same objects, as NumPy 2 has them.
conj = conjugate
acos = arccos
asin = arcsin
atan = arctan
acosh = arccosh
asinh = arcsinh
atanh = arctanh
atan2 = arctan2
pow = power
bitwise_left_shift = left_shift
bitwise_right_shift = right_shift
bitwise_invert = invert


def where(condition, x=NoValue, y=NoValue, /):
    """Elements of ``x`` where ``condition`` holds, else of ``y``; all three
    broadcast together; the dtype promotes ``x`` with ``y`` (NEP 50).
    Always an array (0-d included), as NumPy's.  Unlike the ufuncs, a
    Python int that does not fit is wrapped (cast), as NumPy's where does.
    """
    if x is NoValue and y is NoValue:
        return nonzero(condition)
    if x is NoValue or y is NoValue:
        raise ValueError("either both or neither of x and y should be "
                         "given")
    cdef list operands = _operands((x, y))
    cdef int value_type = _promote(operands)
    cdef Descr descr = descr_of(value_type)
    cdef MiniArray cond = asarray(condition)
    cdef list originals = [cond], inputs
    cdef LoopData data
    cdef Py_ssize_t no_shape = 0
    cdef MiniArray scalar
    for operand in operands:
        if not isinstance(operand, MiniArray):
            scalar = new_array(descr, 0, &no_shape, False, False)
            set_item(descr, scalar._data, _where_value(descr, operand))
            operand = scalar
        originals.append(operand)
    # Cast copies feed the loop; the output is laid out by the operands as
    # given (NumPy's iterator casts in small buffers, so a broadcast
    # operand keeps its zero strides, and with them no say in the order).
    inputs = [copy_array(cond, descr_of(T_BOOL), "K")
              if cond.dtype.type_index != T_BOOL else cond]
    for operand in originals[1:]:
        inputs.append(operand if (<MiniArray>operand).dtype is descr
                      else copy_array(operand, descr, "K"))
    return _run(_WHERE, inputs, None, value_type, "unsafe", &data,
                value_type, originals, [T_BOOL, value_type, value_type],
                False)


_WHERE = ufunc("where", 3, OP_WHERE, _ARITH, None, "")


def nonzero(a):
    """The indices of the non-zero elements, one int64 array per axis, in
    C order: ``a[nonzero(a)]`` would pick them (``where(cond)`` with one
    argument is this).  As NumPy's, the arrays are the columns of one
    (count, ndim) array."""
    cdef MiniArray array = asarray(a)
    cdef MiniArray truth, table
    cdef Py_ssize_t count = 0, i, row = 0, step
    cdef Py_ssize_t index[MAX_NDIM]
    cdef Py_ssize_t shape[2]
    cdef int ndim = array.ndim, axis
    cdef int64_t* out
    if ndim == 0:
        hint = (" If the context of this error is of the form "
                "`arr[nonzero(cond)]`, just use `arr[cond]`."
                if array.dtype.type_index == T_BOOL else "")
        raise ValueError("Calling nonzero on 0d arrays is not allowed. Use "
                         "np.atleast_1d(scalar).nonzero() instead." + hint)
    truth = copy_array(array, descr_of(T_BOOL), "C")   # NaN counts
    for i in range(truth.size):
        count += truth._data[i] != 0
    shape[0] = count
    shape[1] = ndim
    table = new_array(descr_of(T_INT64), 2, shape, False, False)
    out = <int64_t*>table._data
    for axis in range(ndim):
        index[axis] = 0
    for i in range(truth.size):          # an odometer over C order
        if truth._data[i]:
            for axis in range(ndim):
                out[row * ndim + axis] = index[axis]
            row += 1
        axis = ndim - 1
        index[axis] += 1
        while axis > 0 and index[axis] == array._shape[axis]:
            index[axis] = 0
            axis -= 1
            index[axis] += 1
    # Column k: every ndim-th int64 from offset k (also when count is 0:
    # the column strides do not depend on the table's).
    step = ndim * 8
    return tuple([make_view(table, axis * 8 if count else 0, 1, &count, &step)
                  for axis in range(ndim)])


cdef object _where_value(Descr descr, object value):
    """A Python scalar as ``where`` stores it in ``descr``: it is cast,
    not range-checked as in a ufunc.  An int goes through C's 64-bit
    integers (wrapping modulo 2**bits; beyond int64 and uint64 NumPy
    gives up with OverflowError) or Python's float() for a float dtype."""
    if type(value) is not int:
        return value
    if descr.kind == "f":
        return float(value)
    if not -(<object>2) ** 63 <= value < (<object>2) ** 64:
        raise OverflowError("Python int too large to convert to C long")
    cdef object bits = 8 * descr.itemsize
    value = value % ((<object>1) << bits)
    if descr.kind == "i" and value >= (<object>1) << (bits - 1):
        value -= (<object>1) << bits
    return value


def clip(a, a_min=NoValue, a_max=NoValue, out=None, *, min=NoValue,
         max=NoValue):
    """``a`` limited to [a_min, a_max]: ``minimum(maximum(a, a_min),
    a_max)`` in one pass, the three operands broadcast together and
    promoted together (NEP 50), as NumPy's three-input ``clip`` ufunc.

    As NumPy, a Python int bound at or beyond the end of an integer
    array's range is dropped first (it clamps nothing), so a missing bound
    makes this ``maximum``, ``minimum`` or ``positive``; other Python ints
    out of range raise OverflowError like any ufunc operand.
    """
    cdef Descr descr
    if a_min is NoValue and a_max is NoValue:     # clip(a, min=.., max=..)
        a_min = None if min is NoValue else min
        a_max = None if max is NoValue else max
    elif a_min is NoValue or a_max is NoValue:
        missing = "a_min" if a_min is NoValue else "a_max"
        raise TypeError("clip() missing 1 required positional argument: "
                        f"'{missing}'")
    elif min is not NoValue or max is not NoValue:
        raise ValueError("Passing `min` or `max` keyword argument when "
                         "`a_min` and `a_max` are provided is forbidden.")
    if not isinstance(a, MiniArray):
        a = asarray(a)
    descr = (<MiniArray>a).dtype
    if descr.kind in "iu":
        low, high = _int_range(descr)
        if type(a_min) is int and a_min <= low:
            a_min = None
        if type(a_max) is int and a_max >= high:
            a_max = None
    if a_min is None and a_max is None:
        return positive(a, out=out)
    if a_min is None:
        return minimum(a, a_max, out=out)
    if a_max is None:
        return maximum(a, a_min, out=out)
    return _CLIP(a, a_min, a_max, out=out)


def clip_method(a, min=None, max=None, out=None):
    """``a.clip(min, max)``: the method takes the bounds by keyword."""
    return clip(a, min, max, out)


_CLIP = ufunc("clip", 3, OP_CLIP, _ARITH, None,
              "The three-input ufunc behind clip(): min(max(x, lo), hi).")


cdef tuple _int_range(Descr descr):
    cdef object bits = 8 * descr.itemsize
    if descr.kind == "u":
        return 0, (<object>1 << bits) - 1
    return -(<object>1 << (bits - 1)), (<object>1 << (bits - 1)) - 1


def result_type(*arrays_and_dtypes):
    """The dtype a ufunc would compute in for these operands (NEP 50):
    arrays and dtypes are strong, Python bool/int/float scalars weak.
    An array with a dtype that minind reads through the buffer protocol
    (a NumPy array or scalar) is an array here too, as in NumPy; a bare
    buffer (a memoryview) is not, as in NumPy."""
    cdef list operands = []
    cdef Py_ssize_t no_shape = 0
    if not arrays_and_dtypes:
        raise ValueError("at least one array or dtype is required")
    for item in arrays_and_dtypes:
        if type(item) is bool or type(item) is int or type(item) is float:
            operands.append(item)
        elif isinstance(item, MiniArray):
            operands.append(item)
        elif PyObject_CheckBuffer(item) and hasattr(item, "dtype"):
            operands.append(asarray(item))
        else:
            operands.append(new_array(as_dtype(item), 0, &no_shape, False,
                                      False))
    return descr_of(_promote(operands))
