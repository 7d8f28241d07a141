# cython: boundscheck=False, wraparound=False
"""Scalar types: ``mi.float64(6.0)``, what one element of an array is.

NumPy counterpart: ``scalartypes.c.src``.  A scalar is a 0-d value with a
dtype: indexing to a single element (``a[1, 2]``), a full reduction
(``a.sum()``), ``a[()]`` of a 0-d array and every other 0-d ufunc result
give one.  It carries the array attributes a 0-d array has (``dtype``,
``shape == ()``, ``ndim == 0``, ``item()``, ``astype()``...), so code that
asks ``x.sum().dtype`` works, and it keeps its dtype in arithmetic:
``mi.float32(1) + 1.0`` is a float32, as NEP 50 says, and an int8 that
overflows wraps.

Why not Python's ``float``?  Python has one float (a C double) and one
unbounded int; a float32 or an int8 element returned as one of those has
lost its type, and every later operation on it runs in the wrong
precision.  The class tree is NumPy's::

    generic ── number ─┬─ integer ─┬─ signedinteger ── int8 ... int64
       │               │           └─ unsignedinteger ── uint8 ... uint64
       │               └─ inexact ── floating ── float32, float64
       └─ bool_

``float64`` also subclasses Python's ``float`` (it *is* one: same C
double, same layout), so it goes wherever a float goes; ``int64`` is no
``int``, because Python's int is unbounded and has another layout.  Every
other scalar type is a ``ScalarBox``: the item's bytes, copied from the
array as they were, and its dtype.

Arithmetic is never done here: a scalar operand is a 0-d array to the
ufuncs, so promotion, casting and the loops are the arrays' own (one
rule, one place).  NumPy has fast C paths for scalar math; minind's are
the ufunc's.
"""
from cpython.object cimport PyObject, PyTypeObject
from cpython.ref cimport Py_DECREF
from libc.string cimport memcpy
import operator as _operator

from minind._dtype cimport (Descr, descr_of, get_item, set_item, T_BOOL,
                            T_FLOAT64)
from minind._override cimport binop_should_defer


cdef extern from "Python.h":
    ctypedef struct PyFloatObject:
        double ob_fval
    PyObject* PyType_GenericAlloc(PyTypeObject* type, Py_ssize_t nitems)

cdef extern from *:
    """
    /* A class statement makes a heap type, and CPython makes every heap
       type's instances garbage-collected, in case an instance refers to
       its type through a cycle.  A scalar refers to nothing but its
       type, so the collector's bookkeeping on each allocation and
       deallocation is pure cost on the a[i, j] path.  This turns it off
       before any instance exists: no GC flag, and the plain allocator's
       free to match (subtype_dealloc has a branch for non-GC heap
       types).  NumPy's scalar types are static C types, which never had
       the flag. */
    static void minind_without_gc(PyObject *type)
    {
        PyTypeObject *t = (PyTypeObject *)type;
        t->tp_flags &= ~Py_TPFLAGS_HAVE_GC;
        t->tp_free = PyObject_Free;
        t->tp_traverse = NULL;
        t->tp_clear = NULL;
        PyType_Modified(t);
    }
    """
    void minind_without_gc(object type)


# ---------------------------------------------------------------------------
# The abstract tree (for isinstance, as in NumPy)
# ---------------------------------------------------------------------------

cdef dict _HOOKS = {}


def _register_operators(mapping):
    """Called once by minind/__init__.py: the ufuncs, reductions and
    ``asarray`` that a scalar's operators and methods stand for (this
    module sits below the ones that define them)."""
    _HOOKS.update(mapping)


cdef inline object _as_array(generic scalar):
    """The scalar as a new 0-d array (a copy: scalars are immutable)."""
    return _HOOKS["asarray"](scalar)


cdef object _compare(str name, object left, object right):
    # == with something that is no number or array falls back to
    # Python's comparison (identity), as NumPy's does.
    try:
        return _HOOKS[name](left, right)
    except TypeError:
        return NotImplemented


cdef class _DtypeAttribute:
    """``.dtype`` of a scalar type and of its scalars.

    On a scalar, its minind dtype.  On the type itself (``mi.float32.dtype``)
    it is what lets NumPy read minind's types: NumPy takes any class whose
    ``.dtype`` is a NumPy dtype as that dtype (``np.zeros(3,
    dtype=mi.float32)``).  minind never imports NumPy; when NumPy asks,
    it is loaded, and the answer is made with it (see ``Descr.dtype``);
    without NumPy, the type's minind dtype.  An abstract type
    (``mi.floating``) has no dtype: the attribute is this descriptor, as
    ``np.floating.dtype`` is NumPy's.
    """

    def __get__(self, instance, owner):
        if instance is not None:
            return scalar_descr(<generic>instance)
        descr = getattr(owner, "_dtype", None)
        if descr is None:
            return self
        try:
            return (<Descr>descr).dtype
        except AttributeError:
            return descr


cdef extern from *:
    """
    static int minind_repeats(PyObject *o)
    {
        PyTypeObject *t = Py_TYPE(o);
        return t->tp_as_sequence != NULL
            && t->tp_as_sequence->sq_repeat != NULL
            && (t->tp_as_number == NULL
                || t->tp_as_number->nb_multiply == NULL);
    }
    """
    bint _repeats "minind_repeats"(object other)
    # ``other`` repeats and does not multiply (a list, a tuple, a str):
    # ``[1] * mi.int64(3)`` is ``[1, 1, 1]`` and ``[1] * mi.float64(3)``
    # a TypeError, not an array, as NumPy's gentype_multiply decides.


cdef inline bint _defers(object self, object other) except -1:
    """Whether a scalar's operator returns NotImplemented for ``other``
    (``_override.binop_should_defer``), after the answers that need no
    lookup: Python numbers and minind scalars never make it step aside."""
    if (type(other) is float or type(other) is int
            or isinstance(other, generic)):
        return False
    return binop_should_defer(self, other, False)


cdef class generic:
    """Base class of minind's scalar types.  ``isinstance(x, mi.generic)``
    asks "is x a minind scalar?"."""

    # -- what a 0-d array has ------------------------------------------------

    dtype = _DtypeAttribute()

    @property
    def shape(self):
        return ()

    @property
    def strides(self):
        return ()

    @property
    def ndim(self):
        return 0

    @property
    def size(self):
        return 1

    @property
    def itemsize(self):
        return scalar_descr(self).itemsize

    @property
    def nbytes(self):
        return scalar_descr(self).itemsize

    @property
    def base(self):
        return None

    @property
    def T(self):
        return self

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return get_scalar(scalar_descr(self), b"\0\0\0\0\0\0\0\0")

    @property
    def __array_interface__(self):
        """Read-only access to the item for NumPy (``np.asarray(s)``); the
        interface keeps the scalar alive as the array's base."""
        cdef const char* data = scalar_data(self)
        return {"shape": (), "typestr": scalar_descr(self).str,
                "data": (<size_t>data, True), "version": 3}

    def item(self, *args):
        """The value as a Python bool, int or float."""
        if args:
            return _as_array(self).item(*args)
        return get_item(scalar_descr(self), scalar_data(self))

    def tolist(self):
        return get_item(scalar_descr(self), scalar_data(self))

    def astype(self, dtype, order="K", casting="unsafe", subok=True,
               copy=True):
        return _as_array(self).astype(dtype, order, casting, subok,
                                      copy)[()]

    def copy(self, order="K"):
        return self

    def round(self, decimals=0, out=None):
        """``mi.round`` of the scalar (NumPy's rule, one implementation:
        ``_numeric.round``)."""
        return _HOOKS["round"](self, decimals, out)

    def reshape(self, *shape, **kwargs):
        return _as_array(self).reshape(*shape, **kwargs)

    def tobytes(self, order="C"):
        return (<const char*>scalar_data(self))[
            :scalar_descr(self).itemsize]

    def __getitem__(self, key):
        """``s[()]`` is ``s``; any other index is that of the 0-d array
        (``s[...]``, ``s[None]``, ``s[mask]`` are arrays), and any index
        the 0-d array refuses is NumPy's IndexError."""
        # Type first: ``key == ()`` on an array key would compare it
        # element-wise.
        if type(key) is tuple and len(key) == 0:
            return self
        try:
            return _as_array(self)[key]
        except Exception:
            raise IndexError("invalid index to scalar variable.") from None

    def __iter__(self):
        # __getitem__ alone would make Python iterate s[0], s[1]...
        raise TypeError(f"'{type(self).__name__}' object is not iterable")

    # -- reductions: those of the 0-d array ----------------------------------

    def sum(self, *args, **kwargs):
        return _as_array(self).sum(*args, **kwargs)

    def prod(self, *args, **kwargs):
        return _as_array(self).prod(*args, **kwargs)

    def min(self, *args, **kwargs):
        return _as_array(self).min(*args, **kwargs)

    def max(self, *args, **kwargs):
        return _as_array(self).max(*args, **kwargs)

    def mean(self, *args, **kwargs):
        return _as_array(self).mean(*args, **kwargs)

    def var(self, *args, **kwargs):
        return _as_array(self).var(*args, **kwargs)

    def std(self, *args, **kwargs):
        return _as_array(self).std(*args, **kwargs)

    def all(self, *args, **kwargs):
        return _as_array(self).all(*args, **kwargs)

    def any(self, *args, **kwargs):
        return _as_array(self).any(*args, **kwargs)

    def argmin(self, *args, **kwargs):
        return _as_array(self).argmin(*args, **kwargs)

    def argmax(self, *args, **kwargs):
        return _as_array(self).argmax(*args, **kwargs)

    def clip(self, *args, **kwargs):
        return _as_array(self).clip(*args, **kwargs)

    # -- Python's number protocol ----------------------------------------------

    def __hash__(self):
        # Equal values hash alike across types, as Python's numbers do:
        # hash(mi.float32(0.5)) == hash(0.5), so a scalar finds a dict key.
        if isinstance(self, float):
            return float.__hash__(self)
        return hash(self.item())

    def __reduce__(self):
        return (type(self), (self.item(),))

    def __repr__(self):
        cdef Descr descr = scalar_descr(self)
        if descr.type_index == T_BOOL:
            return "mi.True_" if self.item() else "mi.False_"
        return f"mi.{descr.name}({self!s})"

    def __str__(self):
        from minind._format import _scalar_str
        return _scalar_str(self.item(), scalar_descr(self).name)

    def __format__(self, spec):
        # NumPy formats the Python number (so format(mi.float32(0.1), "")
        # shows the double it converts to, 0.10000000149011612).
        return format(self.item(), spec)

    # -- arithmetic: every operator is the ufunc's, with the scalar as a
    # -- 0-d array (immutable: ``s += 1`` rebinds s to ``s + 1``); each
    # -- forward one first asks whether ``other`` should answer instead
    # -- (``_defers``)

    @property
    def __array_priority__(self):
        """A scalar's place in NumPy's operator deferral: below an
        array's 0.0 (``_override.pyx``)."""
        return -1000000.0

    def __add__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _HOOKS["add"](self, other)

    def __radd__(self, other):
        return _HOOKS["add"](other, self)

    def __sub__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _HOOKS["subtract"](self, other)

    def __rsub__(self, other):
        return _HOOKS["subtract"](other, self)

    def __mul__(self, other):
        if _defers(self, other):
            return NotImplemented
        if _repeats(other):
            return other * _operator.index(self)
        return _HOOKS["multiply"](self, other)

    def __rmul__(self, other):
        if _repeats(other):
            return other * _operator.index(self)
        return _HOOKS["multiply"](other, self)

    def __copy__(self):
        return self              # immutable, as NumPy's scalars

    def __deepcopy__(self, memo):
        return self

    def __truediv__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _HOOKS["true_divide"](self, other)

    def __rtruediv__(self, other):
        return _HOOKS["true_divide"](other, self)

    def __floordiv__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _HOOKS["floor_divide"](self, other)

    def __rfloordiv__(self, other):
        return _HOOKS["floor_divide"](other, self)

    def __mod__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _HOOKS["remainder"](self, other)

    def __rmod__(self, other):
        return _HOOKS["remainder"](other, self)

    def __divmod__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _HOOKS["divmod"](self, other)

    def __rdivmod__(self, other):
        return _HOOKS["divmod"](other, self)

    def __pow__(self, other, modulo=None):
        if _defers(self, other):
            return NotImplemented
        # No square/sqrt shortcut here: NumPy's scalars run power itself
        # (mi.True_ ** 2 is an int64, as np.True_ ** 2).
        if modulo is not None:
            return NotImplemented
        return _HOOKS["power"](self, other)

    def __rpow__(self, other, modulo=None):
        if modulo is not None:
            return NotImplemented
        return _HOOKS["power"](other, self)

    def __and__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _HOOKS["bitwise_and"](self, other)

    def __rand__(self, other):
        return _HOOKS["bitwise_and"](other, self)

    def __or__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _HOOKS["bitwise_or"](self, other)

    def __ror__(self, other):
        return _HOOKS["bitwise_or"](other, self)

    def __xor__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _HOOKS["bitwise_xor"](self, other)

    def __rxor__(self, other):
        return _HOOKS["bitwise_xor"](other, self)

    def __lshift__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _HOOKS["left_shift"](self, other)

    def __rlshift__(self, other):
        return _HOOKS["left_shift"](other, self)

    def __rshift__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _HOOKS["right_shift"](self, other)

    def __rrshift__(self, other):
        return _HOOKS["right_shift"](other, self)

    def __neg__(self):
        return _HOOKS["negative"](self)

    def __pos__(self):
        return _HOOKS["positive"](self)

    def __abs__(self):
        return _HOOKS["absolute"](self)

    def __invert__(self):
        return _HOOKS["invert"](self)

    def __eq__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _compare("equal", self, other)

    def __ne__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _compare("not_equal", self, other)

    def __lt__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _HOOKS["less"](self, other)

    def __le__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _HOOKS["less_equal"](self, other)

    def __gt__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _HOOKS["greater"](self, other)

    def __ge__(self, other):
        if _defers(self, other):
            return NotImplemented
        return _HOOKS["greater_equal"](self, other)


cdef class number(generic):
    """Base class of the integer and floating scalar types."""

    def __round__(self, ndigits=None):
        """``round(x)`` is a Python int, as in NumPy.  ``round(x, n)`` is
        NumPy's decimal rounding in the scalar's own dtype, computed by
        ``mi.round`` on the scalar as a 0-d array (``_numeric.round``,
        the one implementation for arrays and scalars): scale by 10**n,
        round half to even, scale back, so it can differ from Python's
        correctly rounded ``round`` in the last digit; an integer rounds
        to tens through float64 and is cast back (uint8 255 to -1 places
        wraps to 4)."""
        if ndigits is None:
            return round(self.item())
        return _HOOKS["round"](self, ndigits)


cdef class integer(number):
    """Base class of the integer scalar types; they are indices."""

    def __index__(self):
        return get_item(scalar_descr(self), scalar_data(self))

    def is_integer(self):
        return True


cdef class signedinteger(integer):
    pass


cdef class unsignedinteger(integer):
    pass


cdef class inexact(number):
    pass


cdef class floating(inexact):

    def is_integer(self):
        return float(self).is_integer()


cdef class ScalarBox(generic):
    # bool(), int() and float() of a boxed item.  float64 has Python's
    # own, from float, which it is.

    def __bool__(self):
        return bool(get_item(descr_of(self.type_index), <char*>self.data))

    def __int__(self):
        return int(get_item(descr_of(self.type_index), <char*>self.data))

    def __float__(self):
        return float(get_item(descr_of(self.type_index), <char*>self.data))


# ---------------------------------------------------------------------------
# The concrete types
# ---------------------------------------------------------------------------

_MISSING = object()


def _construct(cls, value=_MISSING, /):
    """``mi.int8(x)``: ``x`` converted as ``mi.array(x, dtype=int8)``
    converts it (a Python int out of range is NumPy's OverflowError; a
    string is parsed; a float is truncated).  As in NumPy, a sequence
    gives an array, not a scalar."""
    cdef double item                  # 8 aligned bytes, for any dtype
    cdef Descr descr = cls._dtype
    if value is _MISSING:
        return get_scalar(descr, b"\0\0\0\0\0\0\0\0")
    if type(value) is float or type(value) is int or type(value) is bool:
        # A Python number: stored by the assignment rules array() applies
        # to it (set_item), without array()'s 0-d array, ten times the
        # cost of the scalar.
        set_item(descr, <char*>&item, value)
        return get_scalar(descr, <char*>&item)
    if value is None:
        # NumPy: False for bool, NaN for floats, int()'s TypeError else.
        if descr.kind == "i" or descr.kind == "u":
            int(value)
        value = False if descr.kind == "b" else float("nan")
    if isinstance(value, str):
        value = _parse(value, descr)
    result = _HOOKS["asarray"](value, descr)
    if result.ndim == 0:
        return result[()]
    return result


cdef object _parse(str text, Descr descr):
    if descr.kind == "b":
        return len(text) > 0          # NumPy: any non-empty string is True
    if descr.kind == "f":
        return float(text)
    return int(text)


class bool_(ScalarBox):
    """A boolean (an item of a bool array); NumPy's ``np.bool``.  Not a
    subclass of Python's ``bool``, which cannot be subclassed, and, as
    in NumPy 2, not an index either."""
    __slots__ = ()
    __new__ = staticmethod(_construct)


class int8(signedinteger, ScalarBox):
    __slots__ = ()
    __new__ = staticmethod(_construct)


class uint8(unsignedinteger, ScalarBox):
    __slots__ = ()
    __new__ = staticmethod(_construct)


class int16(signedinteger, ScalarBox):
    __slots__ = ()
    __new__ = staticmethod(_construct)


class uint16(unsignedinteger, ScalarBox):
    __slots__ = ()
    __new__ = staticmethod(_construct)


class int32(signedinteger, ScalarBox):
    __slots__ = ()
    __new__ = staticmethod(_construct)


class uint32(unsignedinteger, ScalarBox):
    __slots__ = ()
    __new__ = staticmethod(_construct)


class int64(signedinteger, ScalarBox):
    __slots__ = ()
    __new__ = staticmethod(_construct)


class uint64(unsignedinteger, ScalarBox):
    __slots__ = ()
    __new__ = staticmethod(_construct)


class float32(floating, ScalarBox):
    __slots__ = ()
    __new__ = staticmethod(_construct)


class float64(floating, float):
    """A float64 scalar *is* a Python float (same C double), so it goes
    wherever a float goes; only its arithmetic is NumPy's."""
    __slots__ = ()
    __new__ = staticmethod(_construct)


# In TypeIndex order, as the dtype table.
cdef tuple _TYPES = (bool_, int8, uint8, int16, uint16, int32, uint32,
                     int64, uint64, float32, float64)
cdef PyTypeObject* _FLOAT64_TYPE = <PyTypeObject*>float64


def _install():
    """Tie each type to its dtype, both ways, and give the types NumPy's
    names (``mi.bool_.__name__ == 'bool'``)."""
    from minind import _dtype
    for index, cls in enumerate(_TYPES):
        minind_without_gc(cls)
        cls._dtype = descr_of(index)
        cls.__module__ = "minind"
        cls.__name__ = cls.__qualname__ = descr_of(index).name
    _dtype._register_scalar_types(_TYPES)


_install()


cdef object _new_bool(bint value):
    cdef char item = value
    return _new_box(T_BOOL, &item, 1)


cdef inline object _new_box(int t, const char* ptr, Py_ssize_t itemsize):
    """A new ScalarBox of type ``_TYPES[t]`` holding the item at ``ptr``.
    Allocated by the type's allocator directly, as float64 below: the
    Python-level ``__new__`` would parse arguments for nothing."""
    cdef PyObject* raw = PyType_GenericAlloc(
        <PyTypeObject*>_TYPES[t], 0)
    if raw == NULL:
        raise MemoryError()
    box = <object>raw                 # takes a second reference...
    Py_DECREF(box)                    # ...so drop the allocator's
    (<ScalarBox>box).type_index = t
    memcpy((<ScalarBox>box).data, ptr, itemsize)
    return box


# The two bools, as np.True_ and np.False_: every True item is this one.
cdef object _TRUE = _new_bool(True)
cdef object _FALSE = _new_bool(False)
True_ = _TRUE
False_ = _FALSE


# ---------------------------------------------------------------------------
# Between scalars and memory
# ---------------------------------------------------------------------------

cdef object get_scalar(Descr dtype, const char* ptr):
    """The item at ``ptr`` as a scalar of its dtype.

    This runs for every ``a[i, j]``, so it allocates the object directly:
    float64 through its type's allocator (no Python-level ``__new__``),
    the others as a ScalarBox of the right class with the item's bytes
    copied in; the two bools are singletons, as ``np.True_`` is.
    """
    cdef int t = dtype.type_index
    cdef PyObject* raw
    cdef double value
    if t == T_FLOAT64:
        memcpy(&value, ptr, sizeof(double))
        raw = PyType_GenericAlloc(_FLOAT64_TYPE, 0)
        if raw == NULL:
            raise MemoryError()
        (<PyFloatObject*>raw).ob_fval = value
        result = <object>raw          # takes a second reference...
        Py_DECREF(result)             # ...so drop the allocator's
        return result
    if t == T_BOOL:
        return _TRUE if ptr[0] else _FALSE
    return _new_box(t, ptr, dtype.itemsize)


cdef Descr scalar_descr(generic scalar):
    if isinstance(scalar, ScalarBox):
        return descr_of((<ScalarBox>scalar).type_index)
    return descr_of(T_FLOAT64)


cdef const char* scalar_data(generic scalar):
    if isinstance(scalar, ScalarBox):
        return <const char*>(<ScalarBox>scalar).data
    return <const char*>&(<PyFloatObject*><PyObject*>scalar).ob_fval
