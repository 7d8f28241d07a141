"""NumPy's dispatch protocols: ``np.add(m, m)`` and ``np.sum(m)`` run minind.

NumPy counterparts: NEP 13 (``__array_ufunc__``: a ufunc called on an
object that defines it hands the call to that object) and NEP 18
(``__array_function__``: the same for NumPy's other functions).  They are
what lets NumPy code, and libraries written against NumPy such as Dask,
work on minind arrays without converting them: the NumPy function finds a
MiniArray among its arguments and asks it to do the work.

Without them, ``np.add(m, m)`` would read ``m`` through the buffer
protocol, compute with NumPy's loops and return a NumPy array: right
values, but nothing of minind ran.

Which library computes what:

* a NumPy ufunc or function with a minind array anywhere among its
  arguments: minind's function of the same name, on minind arrays
  (NumPy arrays among the arguments are read zero-copy through the buffer
  protocol, and a NumPy ``out=`` is written through one);
* ``m + n`` and ``n + m`` (n a NumPy array): minind's operator, since
  NumPy's own operator defers to ``__array_ufunc__``;
* a NumPy function minind does not have: ``NotImplemented``, so NumPy
  raises its TypeError ("no implementation found for ...") instead of
  silently converting.

minind never imports NumPy: these hooks only run when NumPy calls them,
and they find NumPy in ``sys.modules``.
"""
import sys

import minind


def _numpy_types():
    numpy = sys.modules["numpy"]
    return numpy.ndarray, numpy.generic


def _known_type(kind):
    """Types whose values minind can take as operands: its own, NumPy's
    arrays and scalars (read through the buffer protocol)."""
    return issubclass(kind, (minind.MiniArray, minind.generic)
                      + _numpy_types())


def _as_minind_out(out):
    """``out=`` as minind takes it: NumPy arrays become minind views of
    the same memory (written through)."""
    ndarray = _numpy_types()[0]
    return tuple(minind.asarray(o) if isinstance(o, ndarray) else o
                 for o in out)


# NumPy's generalized ufuncs that minind has as plain functions (called
# only, no methods).
_GUFUNCS = ("matmul", "vecdot", "matvec", "vecmat")


def array_ufunc(ufunc, method, inputs, kwargs):
    """``MiniArray.__array_ufunc__``: run minind's ufunc of the same name.

    ``method`` is ``"__call__"``, ``"reduce"``, ``"accumulate"``,
    ``"outer"``... ; one minind does not have (or a ufunc it lacks, or an
    operand of a type it does not know) is ``NotImplemented``, which NumPy
    turns into its TypeError.
    """
    mine = getattr(minind, ufunc.__name__, None)
    if ufunc.__name__ in _GUFUNCS and method == "__call__":
        pass            # a function in minind, a (generalized) ufunc in NumPy
    elif not isinstance(mine, minind.ufunc):
        return NotImplemented
    function = mine if method == "__call__" else getattr(mine, method, None)
    if function is None:
        return NotImplemented
    out = kwargs.get("out")
    for operand in inputs + (out or ()):
        if (hasattr(type(operand), "__array_ufunc__")
                and not _known_type(type(operand))):
            return NotImplemented     # another library's array: defer
    if out is not None:
        kwargs = dict(kwargs, out=_as_minind_out(out))
        if method != "__call__" or len(out) == 1:
            kwargs["out"] = kwargs["out"][0]
    result = function(*inputs, **kwargs)
    if out is not None:
        # NumPy returns the ``out`` the caller passed, not a view of it.
        return out[0] if len(out) == 1 else out
    return result


_FUNCTIONS = {}


def functions():
    """The dispatch table, derived from minind's namespace (on first use:
    the namespace is complete by then): every public function (not a type,
    ufunc or module) by its name, which is NumPy's name for it;
    ``lib.stride_tricks`` too."""
    if _FUNCTIONS:
        return _FUNCTIONS
    table = _FUNCTIONS
    modules = [(minind, minind.__all__),
               (minind.lib.stride_tricks, minind.lib.stride_tricks.__all__)]
    for module, names in modules:
        for name in names:
            value = getattr(module, name)
            if (callable(value) and not isinstance(value, type)
                    and not isinstance(value, minind.ufunc)):
                table[name] = value
    return table


def array_function(func, types, args, kwargs):
    """``MiniArray.__array_function__``: minind's function of the same
    name (in ``minind.linalg`` for ``numpy.linalg``'s), if minind has it
    and knows every argument type."""
    if getattr(func, "__module__", None) == "numpy.linalg":
        # np.linalg.norm(m): minind.linalg's function of that name (by
        # module, since np.linalg.outer is not np.outer).
        implementation = (getattr(minind.linalg, func.__name__, None)
                          if func.__name__ in minind.linalg.__all__
                          else None)
    else:
        implementation = functions().get(func.__name__)
    if implementation is None:
        return NotImplemented
    if not all(_known_type(kind) for kind in types):
        return NotImplemented
    return implementation(*args, **kwargs)
