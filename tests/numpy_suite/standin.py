"""``numpy_standin``: the module NumPy's rewritten tests import as ``np``.

NumPy's test files say ``import numpy as np``, ``from numpy.testing
import assert_equal``, ``from numpy._core.numeric import ...``.  The
runner (``run.py``) copies them out of the installed wheel and rewrites
every such import to name ``numpy_standin`` instead of ``numpy``
(``import numpy_standin as np``...), so that the tests run against
whatever this package serves.  It serves one of three *targets*, chosen
by the environment variable ``NUMPY_SUITE_TARGET``:

``minind`` (the real run)
    ``np.X`` is minind's public ``X``.  The submodules NumPy's tests
    reach are mapped by hand in ``MININD_SUBMODULES``: ``numpy.exceptions``
    is ``minind.exceptions``, ``numpy.lib.stride_tricks`` (and its private
    ``_stride_tricks_impl``) is ``minind.lib.stride_tricks``, and the
    private modules that hold NumPy's public functions
    (``numpy._core.numeric``, ``numpy._core.umath``...) serve minind's top
    level.  Every other submodule (``numpy.random``, ``numpy.ma``,
    ``numpy._core._multiarray_tests``...) is empty.
``numpy`` (proof that the rewriting is sound)
    ``numpy_standin.x`` *is* NumPy's module ``numpy.x`` (the same object,
    ``numpy.testing`` unwrapped): every test on the expected-pass list
    must pass, so the rewriting and the guards (``rewrite.py``) change
    nothing a test relies on.
``empty`` (proof that the tests exercise the library)
    No names at all but ``numpy.testing``'s helpers (wrapped as below):
    every test on the list must fail.  The minind and empty stand-ins
    are plain modules whose ``__dict__`` holds the target's public names
    (tests list ``np._core.umath.__dict__``).

**Names minind lacks never fall back to NumPy.**  Asking a stand-in
module for a name its target does not have gives a ``Missing``
placeholder, not an AttributeError, so that one absent name (``np.float16``
in a module-level ``parametrize`` list, ``from numpy._core._rational_tests
import rational``) fails only the tests that use it instead of the
whole file's collection.  Any use of a placeholder (calling it,
comparing, ``bool``, iterating, using it as a number or index, reading
an attribute) raises ``MissingName``, which derives from
``BaseException``: no ``pytest.raises(TypeError)``,
``assert_raises(Exception, ...)`` or ``except Exception`` in a test can
mistake it for the error the test expects, so a test that touches a
missing name always fails.  (A probe for a private or special name,
``hasattr(x, "__array__")``, finds nothing instead, so that pytest can
collect around it.)  It keeps its ``__name__`` and ``repr``, which
pytest needs to name parametrized tests as NumPy names them
(``test_x[float16]``).

**The one fallback: ``numpy.testing``** (and ``numpy.ma.testutils``,
whose ``assert_equal`` some files import; the rest of ``numpy.ma`` stays
empty).  Its assertions are helpers, not
the library under test, so they stay NumPy's (``assert_raises``,
``suppress_warnings``, ``IS_PYPY``, ``requires_memory``...).  They must
still compare minind results faithfully.  ``assert_array_equal`` and its
kin convert their operands with ``np.asanyarray``, which reads a minind
array through the buffer protocol (zero-copy, its dtype and shape as
they are), but ``assert_equal`` takes its array path only for an
``ndarray`` and otherwise evaluates ``not (desired == actual)``, which
for a minind array of more than one element raises "truth value is
ambiguous".  So the comparison assertions (``COMPARISONS``) are wrapped:
before NumPy's function runs, every minind array among the operands
(inside lists, tuples and dicts too, since ``assert_equal`` recurses into
them) becomes ``numpy.asarray(a)`` -- the same memory, dtype, shape --
and every minind scalar becomes the NumPy scalar of its dtype.  Only the
expected/actual operands are converted, never a callable's arguments
(``assert_raises(E, f, a)`` calls minind's ``f`` on minind's ``a``).
``test_numpy_suite.py`` checks that the wrapped assertions pass equal
minind arrays and fail unequal ones (values, shape, dtype with
``strict=True``, NaNs).
"""
import functools
import importlib
import importlib.abc
import importlib.machinery
import os
import sys
import types

STANDIN = "numpy_standin"
TARGETS = ("minind", "numpy", "empty")

# numpy.testing's comparison assertions: their first two arguments are
# the actual and expected values (keywords as NumPy names them).
COMPARISONS = {
    "assert_equal": ("actual", "desired"),
    "assert_almost_equal": ("actual", "desired"),
    "assert_approx_equal": ("actual", "desired"),
    "assert_array_equal": ("actual", "desired"),
    "assert_array_almost_equal": ("actual", "desired"),
    "assert_allclose": ("actual", "desired"),
    "assert_array_less": ("x", "y"),
    "assert_array_almost_equal_nulp": ("x", "y"),
    "assert_array_max_ulp": ("a", "b"),
    "assert_array_compare": (),     # (comparison, x, y): see below
}

# For the minind target: NumPy's submodules (relative to ``numpy``) and
# what serves them.  "minind" is minind's public top level: NumPy defines
# its public functions in these private modules and re-exports them at
# its top level, which minind's top level mirrors.
MININD_SUBMODULES = {
    "exceptions": "minind.exceptions",
    "lib": "minind.lib",
    "lib.stride_tricks": "minind.lib.stride_tricks",
    "lib._stride_tricks_impl": "minind.lib.stride_tricks",
    "linalg": "minind.linalg",
    "_core": "minind",
    "_core.numeric": "minind",
    "_core.umath": "minind",
    "_core.multiarray": "minind",
    "_core.fromnumeric": "minind",
    "_core.shape_base": "minind",
    "_core.function_base": "minind",
    "lib._function_base_impl": "minind",
    "lib._index_tricks_impl": "minind",
    "lib._shape_base_impl": "minind",
    "lib._twodim_base_impl": "minind",
}
# The test helpers every target shares (NumPy's own, comparisons wrapped).
HELPERS = ("testing", "testing._private", "testing._private.utils",
           "ma.testutils")


class MissingName(BaseException):
    """A test used a name its target does not have.  Not an Exception,
    so that nothing a test expects to raise can catch it."""


_OWN_ATTRIBUTES = {"__dict__", "__class__", "__name__", "__qualname__",
                   "_qualified_name", "_error", "_fail"}


class Missing:
    """What a stand-in module gives for a name its target lacks: any use
    of it raises MissingName (see the module docstring)."""

    def __init__(self, qualified_name):
        name = qualified_name.rpartition(".")[2]
        # Set in __dict__, so pytest's getattr(value, "__name__") finds
        # them without reaching __getattr__.
        self.__dict__.update(__name__=name, __qualname__=name,
                             _qualified_name=qualified_name)

    def __repr__(self):
        return f"<missing {self._qualified_name}>"

    def _fail(self, *args, **kwargs):
        raise MissingName(f"{self._qualified_name} is not in the target "
                          f"({target()})")

    def __getattribute__(self, attribute):
        if attribute in _OWN_ATTRIBUTES:
            return object.__getattribute__(self, attribute)
        if attribute.startswith("_"):
            # A probe (pytest's ``__test__``, ``hasattr(x, "__array__")``,
            # ``getattr(np.ufunc, "__call__")``) finds nothing; the
            # protocols themselves, which Python looks up on the type,
            # fail (below).
            raise AttributeError(attribute)
        object.__getattribute__(self, "_fail")()

    __hash__ = object.__hash__      # sets and dicts of params still work
    __str__ = __repr__


# Every implicit use of a placeholder fails: these are looked up on the
# type, never through __getattr__.
for _special in (
        "__call__ __eq__ __ne__ __lt__ __le__ __gt__ __ge__ __bool__ "
        "__len__ __iter__ __contains__ __getitem__ __setitem__ __index__ "
        "__int__ __float__ __complex__ __neg__ __pos__ __abs__ __invert__ "
        "__add__ __radd__ __sub__ __rsub__ __mul__ __rmul__ __truediv__ "
        "__rtruediv__ __floordiv__ __rfloordiv__ __mod__ __rmod__ __pow__ "
        "__rpow__ __and__ __rand__ __or__ __ror__ __xor__ __rxor__ "
        "__lshift__ __rshift__ __matmul__ __rmatmul__ __enter__ __exit__ "
        "__mro_entries__ __instancecheck__ __subclasscheck__").split():
    setattr(Missing, _special,
            lambda self, *args, **kwargs: self._fail())
del _special


class Broken(Missing):
    """What a name is bound to when the statement defining it raised
    while the test file was imported (``rewrite.py``'s guards)."""

    def __init__(self, name, error):
        super().__init__(name)
        self.__dict__["_error"] = error

    def __repr__(self):
        return f"<{self._qualified_name}: not defined>"

    def _fail(self, *args, **kwargs):
        raise MissingName(
            f"{self._qualified_name} could not be defined: "
            f"{type(self._error).__name__}: {self._error}") from self._error


# What a guard catches: any error, and a missing name.  (Not pytest's
# skip, which is an outcome, not an error.)
CAUGHT = (Exception, MissingName)


def broken(name, error):
    return Broken(name, error)


def broken_test(name, error):
    """A test whose definition raised: one test of its name, failing
    with that error."""
    placeholder = Broken(name, error)

    def test(*args, **kwargs):
        placeholder._fail()
    test.__name__ = test.__qualname__ = name
    return test


def target():
    name = os.environ.get("NUMPY_SUITE_TARGET", "minind")
    if name not in TARGETS:
        raise ValueError(f"NUMPY_SUITE_TARGET={name!r}: one of {TARGETS}")
    return name


# ---------------------------------------------------------------------------
# numpy.testing, with the comparisons converting minind operands
# ---------------------------------------------------------------------------

def to_numpy(value):
    """A minind array or scalar as NumPy's (same memory, dtype, shape),
    recursing into lists, tuples and dicts; anything else as it is."""
    minind = sys.modules.get("minind")
    if minind is None:
        return value
    if isinstance(value, minind.ndarray):
        import numpy
        return numpy.asarray(value)
    if isinstance(value, minind.generic):
        import numpy
        return numpy.asarray(value)[()]
    if type(value) in (list, tuple):
        return type(value)(to_numpy(item) for item in value)
    if type(value) is dict:
        return {key: to_numpy(item) for key, item in value.items()}
    return value


def converting(function, names):
    """``function`` with its compared operands passed through to_numpy."""
    @functools.wraps(function)
    def compare(*args, **kwargs):
        if function.__name__ == "assert_array_compare":
            # (comparison, x, y, ...): the operands are the 2nd and 3rd.
            args = args[:1] + tuple(to_numpy(a) for a in args[1:3]) \
                + args[3:]
        else:
            args = tuple(to_numpy(a) for a in args[:2]) + args[2:]
        for name in names:
            if name in kwargs:
                kwargs[name] = to_numpy(kwargs[name])
        return function(*args, **kwargs)
    return compare


def helper_attribute(module, name):
    value = getattr(module, name)
    if name in COMPARISONS and callable(value):
        return converting(value, COMPARISONS[name])
    return value


# ---------------------------------------------------------------------------
# The stand-in modules
# ---------------------------------------------------------------------------

def source_of(subpath):
    """(module, how) serving ``numpy.<subpath>`` ("" for numpy itself)
    under the minind or empty target; module None: an empty module."""
    if subpath in HELPERS:
        return importlib.import_module("numpy." + subpath), "helpers"
    if target() == "empty":
        return None, "empty"
    if subpath == "":
        return importlib.import_module("minind"), "public"
    source = MININD_SUBMODULES.get(subpath)
    if source is None:
        return None, "empty"
    return importlib.import_module(source), "public"


def make_module(fullname):
    """The stand-in module ``fullname`` (``numpy_standin[.sub...]``) of
    the minind or empty target: the source's public names in its
    ``__dict__`` (tests list ``np._core.umath.__dict__``), a placeholder
    for any other name, and its stand-in submodules as attributes."""
    subpath = fullname[len(STANDIN) + 1:]
    source, how = source_of(subpath)
    module = types.ModuleType(fullname)
    qualified = "numpy" + ("." + subpath if subpath else "")
    prefix = subpath + "." if subpath else ""
    submodules = {path[len(prefix):].split(".")[0]
                  for path in (*MININD_SUBMODULES, *HELPERS)
                  if path.startswith(prefix)}
    if source is not None:
        for name in dir(source):
            if name in submodules or name.startswith("__"):
                continue
            if how == "public" and name.startswith("_"):
                continue
            module.__dict__[name] = (helper_attribute(source, name)
                                     if how == "helpers"
                                     else getattr(source, name))

    def __getattr__(name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)      # import machinery probes
        if name in submodules:
            return importlib.import_module(f"{fullname}.{name}")
        return Missing(f"{qualified}.{name}")

    module.__getattr__ = __getattr__
    module.__doc__ = f"{qualified} as the {target()} target serves it"
    return module


class StandinFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports ``numpy_standin`` and any ``numpy_standin.a.b``.

    With the numpy target, ``numpy_standin.x`` *is* ``numpy.x``: the
    module puts NumPy's in its place in ``sys.modules`` as it loads, so
    that the import returns NumPy's module itself (what a test sets on
    it, NumPy sees), ``numpy.testing`` unwrapped.  So the numpy target
    tests the rewriting and the guards, nothing else."""

    def find_spec(self, fullname, path=None, target_module=None):
        if fullname == STANDIN or fullname.startswith(STANDIN + "."):
            return importlib.machinery.ModuleSpec(fullname, self,
                                                  is_package=True)
        return None

    def create_module(self, spec):
        if target() == "numpy":
            return None             # a plain module, replaced below
        return make_module(spec.name)

    def exec_module(self, module):
        if target() == "numpy":
            real = "numpy" + module.__name__[len(STANDIN):]
            sys.modules[module.__name__] = importlib.import_module(real)


def install():
    """Make ``import numpy_standin`` work in this process (idempotent)."""
    if not any(isinstance(finder, StandinFinder) for finder in
               sys.meta_path):
        sys.meta_path.insert(0, StandinFinder())
