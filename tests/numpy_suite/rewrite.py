"""Copy NumPy's test files out of the installed wheel, rewritten.

Two rewrites, both on the file's syntax tree (``ast``), written back with
``ast.unparse`` (so the copy has no comments, and its line numbers are
its own: a traceback shows the copy's code, kept with ``run.py --keep``).

1. Imports.  Every ``import`` statement that names ``numpy``, at any
   depth (module level, a class, a test body), names ``numpy_standin``
   (``standin.py``) instead and binds the same local names:

   ======================================  ================================
   ``import numpy as np``                  ``import numpy_standin as np``
   ``import numpy``                        ``import numpy_standin as numpy``
   ``import numpy._core.umath as ncu``     ``import numpy_standin._core.umath
                                           as ncu``
   ``import numpy.linalg``                 ``import numpy_standin.linalg;
                                           numpy = numpy_standin``
   ``from numpy.testing import a, b``      ``from numpy_standin.testing
                                           import a, b``
   ======================================  ================================

   A string that names ``numpy`` (a subprocess's script) is left alone:
   it runs real NumPy, as a separate program.

2. Guards.  A statement of the module's or a class's body that raises
   while the file is imported would take the whole file (or class) down:
   ``@pytest.mark.parametrize("t", np.typecodes["All"])`` on one test,
   ``UNARY_UFUNCS.remove(np.bitwise_count)`` at module level,
   ``np.dtype([("f", float)])`` (a structured dtype) in one test's
   parameters.  So each such statement runs in ``try``; if it raises,
   every name it would bind is bound to ``standin.Broken`` (a placeholder
   whose use fails, saying which definition raised what), and a test
   whose definition raised (a decorator, a default) becomes one test of
   that name which fails with the error.  The file's other tests
   collect and run as in NumPy.  ``pytest.skip(allow_module_level=True)``
   and ``pytest.importorskip`` are not exceptions and pass through.

NumPy's code is never committed here: it is read from the wheel the
test extra installs, at test time.
"""
import ast
import pathlib
import shutil

from standin import STANDIN

GUARD = "_suite_standin"        # how a rewritten file names standin.py


def _is_numpy(module_name):
    return module_name == "numpy" or module_name.startswith("numpy.")


def _standin_name(module_name):
    return STANDIN + module_name[len("numpy"):]


class _Imports(ast.NodeTransformer):
    """``numpy`` -> ``numpy_standin`` in every import statement."""

    def visit_ImportFrom(self, node):
        if node.level == 0 and node.module and _is_numpy(node.module):
            node.module = _standin_name(node.module)
        return node

    def visit_Import(self, node):
        if not any(_is_numpy(alias.name) for alias in node.names):
            return node
        statements = []
        for alias in node.names:
            if not _is_numpy(alias.name):
                statements.append(ast.Import(names=[alias]))
            elif alias.asname or alias.name == "numpy":
                statements.append(ast.Import(names=[ast.alias(
                    _standin_name(alias.name), alias.asname or "numpy")]))
            else:
                # ``import numpy.linalg`` binds ``numpy``, the top package.
                statements += ast.parse(
                    f"import {_standin_name(alias.name)}\n"
                    f"numpy = {STANDIN}").body
        return statements


def _bound_names(statement):
    """The names a module- or class-level statement binds (not those of
    the functions or classes it defines the bodies of)."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef,
                              ast.ClassDef)):
        return [statement.name]
    names = []
    for node in ast.walk(statement):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.append(node.id)
        elif isinstance(node, ast.alias):
            names.append(node.asname or node.name.split(".")[0])
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef,
                               ast.ClassDef)):
            names.append(node.name)
    return list(dict.fromkeys(name for name in names if name != "*"))


def _can_raise(statement):
    """Whether the statement needs a guard: not a plain function (no
    decorators, no defaults), ``pass``, a docstring (it must stay first)
    or an import."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
        args = statement.args
        return bool(statement.decorator_list or args.defaults
                    or any(d is not None for d in args.kw_defaults))
    if isinstance(statement, ast.Pass):
        return False
    if isinstance(statement, ast.Expr) and isinstance(
            statement.value, ast.Constant):
        return False
    if isinstance(statement, (ast.Import, ast.ImportFrom)):
        # A stand-in import cannot fail (a missing name is a
        # placeholder); any other that fails should fail the file.
        return False
    return True


def _guarded(statement):
    """``statement`` in a try whose handler binds the statement's names
    to placeholders (a failing test for a test)."""
    handler_body = []
    for name in _bound_names(statement):
        maker = "broken_test" if isinstance(
            statement, (ast.FunctionDef, ast.AsyncFunctionDef)) \
            else "broken"
        handler_body += ast.parse(
            f"{name} = {GUARD}.{maker}({name!r}, _suite_error)").body
    return ast.Try(
        body=[statement],
        handlers=[ast.ExceptHandler(
            type=ast.parse(f"{GUARD}.CAUGHT", mode="eval").body,
            name="_suite_error", body=handler_body or [ast.Pass()])],
        orelse=[], finalbody=[])


def _guard_body(body):
    result = []
    for statement in body:
        if isinstance(statement, ast.ClassDef):
            statement.body = _guard_body(statement.body)
        result.append(_guarded(statement) if _can_raise(statement)
                      else statement)
    return result


def rewrite_source(text):
    """NumPy test source, imports naming the stand-in, body guarded."""
    tree = _Imports().visit(ast.parse(text))
    tree.body = _guard_body(tree.body)
    # The guard's module first: after a docstring and __future__ imports.
    position = 0
    for statement in tree.body:
        if not (isinstance(statement, ast.Expr)
                and isinstance(statement.value, ast.Constant)
                and position == 0) and not (
                    isinstance(statement, ast.ImportFrom)
                    and statement.module == "__future__"):
            break
        position += 1
    tree.body.insert(position,
                     ast.parse(f"import standin as {GUARD}").body[0])
    return ast.unparse(ast.fix_missing_locations(tree)) + "\n"


def numpy_root():
    """The installed NumPy package's directory (found without importing
    it: NumPy stays unimported in the runner)."""
    import importlib.util
    spec = importlib.util.find_spec("numpy")
    return pathlib.Path(spec.origin).parent


def copy_tests(relative_paths, destination, root=None):
    """Copy ``<root>/<path>`` for each path (``_core/tests/test_api.py``;
    root: the installed NumPy) into ``destination``, rewritten, with the
    ``data`` directories beside them (some tests read files there)."""
    root = pathlib.Path(root) if root is not None else numpy_root()
    destination = pathlib.Path(destination)
    for relative in relative_paths:
        source = root / relative
        target = destination / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(rewrite_source(source.read_text()))
        data = source.parent / "data"
        if data.is_dir() and not (target.parent / "data").exists():
            shutil.copytree(data, target.parent / "data")
    return destination
