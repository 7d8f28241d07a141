"""``mi.linalg``: norms, and the Array API's names for the products.

What is here needs no factorisation: ``norm`` (NumPy's, for vectors and
matrices), the Array API linalg extension's ``vector_norm`` and
``matrix_norm``, and its aliases of the products in ``_matmul``
(``matmul``, ``vecdot``, ``tensordot``, ``outer``, ``matrix_transpose``).
Decompositions (``svd``, ``det``, ``inv``...) are not: the matrix 2-norm
and the nuclear norm are sums or extremes of singular values, so those
orders raise ``NotImplementedError``.

Every norm is composed from ufuncs and reductions, as NumPy's
``linalg.norm`` (numpy/linalg/_linalg.py) is: integers and bools are
converted to float64 first, float32 stays float32.  The Euclidean norm of
a whole array is ``sqrt(dot(x, x))`` of the flattened array, a sum in the
matmul kernel's order, as NumPy's is a BLAS dot; along an axis it is
``sqrt(sum(x * x))``, NumPy's pairwise sum.
"""

from minind._core import MiniArray
from minind._creation import asarray
from minind._manipulation import matrix_transpose
from minind._matmul import dot, matmul, tensordot as _tensordot
from minind._matmul import vecdot as _vecdot
from minind._ufunc import (absolute, add, maximum, minimum, multiply,
                           not_equal, power, sqrt, reciprocal)
from minind.exceptions import AxisError

__all__ = ["norm", "vector_norm", "matrix_norm", "matmul", "vecdot",
           "tensordot", "outer", "matrix_transpose"]

_INF = float("inf")


def _as_float(x):
    """NumPy's first step: non-float input becomes float64."""
    x = asarray(x)
    if x.dtype.kind not in "f":
        x = x.astype("float64")
    return x


def _normalize(axis, ndim):
    if axis < -ndim or axis >= ndim:
        raise AxisError(axis, ndim)
    return axis % ndim


def _vector(x, ord, axis, keepdims):
    """The vector norm of order ``ord`` along the one axis ``axis``."""
    if isinstance(ord, str):
        raise ValueError(f"Invalid norm order '{ord}' for vectors")
    if ord == _INF:
        return maximum.reduce(absolute(x), axis=axis, keepdims=keepdims,
                              initial=0)
    if ord == -_INF:
        return minimum.reduce(absolute(x), axis=axis, keepdims=keepdims)
    if ord == 0:
        return add.reduce(not_equal(x, 0).astype(x.dtype), axis=axis,
                          keepdims=keepdims)
    if ord == 1:
        return add.reduce(absolute(x), axis=axis, keepdims=keepdims)
    if ord is None or ord == 2:
        return sqrt(add.reduce(multiply(x, x), axis=axis,
                               keepdims=keepdims))
    try:
        ord + 1
    except TypeError:
        raise ValueError("Invalid norm order for vectors.") from None
    powered = power(absolute(x), ord)
    total = add.reduce(powered, axis=axis, keepdims=keepdims)
    return power(total, reciprocal(asarray(ord, dtype=total.dtype)))


def _matrix(x, ord, row_axis, col_axis, keepdims):
    """The matrix norm of order ``ord`` over two distinct axes."""
    if ord in (2, -2, "nuc"):
        raise NotImplementedError(
            f"the matrix norm of order {ord!r} is a function of the "
            "singular values, and minind has no SVD (use NumPy)")
    if ord == 1 or ord == -1:
        # The largest (smallest) column sum: sum down the rows first.
        reduce = maximum.reduce if ord == 1 else minimum.reduce
        sums = add.reduce(absolute(x), axis=row_axis)
        result = reduce(sums, axis=col_axis - (col_axis > row_axis))
    elif ord == _INF or ord == -_INF:
        reduce = maximum.reduce if ord == _INF else minimum.reduce
        sums = add.reduce(absolute(x), axis=col_axis)
        result = reduce(sums, axis=row_axis - (row_axis > col_axis))
    elif ord is None or ord == "fro" or ord == "f":
        result = sqrt(add.reduce(multiply(x, x), axis=(row_axis, col_axis)))
    else:
        raise ValueError("Invalid norm order for matrices.")
    if keepdims:
        shape = list(x.shape)
        shape[row_axis] = shape[col_axis] = 1
        result = asarray(result).reshape(tuple(shape))
    return result


def norm(x, ord=None, axis=None, keepdims=False):
    """NumPy's ``linalg.norm``: a vector norm along one axis, a matrix
    norm over two, or (``axis=None``) the norm of a 1-d or 2-d array.

    Vector orders: None or 2 (Euclidean), 1, inf, -inf, 0 (the count of
    non-zeros), any other number p (``sum(|x|**p)**(1/p)``).  Matrix
    orders: None or 'fro' (Frobenius), 1, -1 (largest/smallest column
    sum), inf, -inf (row sums); 2, -2 and 'nuc' need an SVD minind does
    not have (NotImplementedError).
    """
    x = _as_float(x)
    if axis is None:
        if ord is None or (ord in ("f", "fro") and x.ndim == 2) or (
                ord == 2 and x.ndim == 1):
            flat = x.ravel(order="K")
            result = sqrt(dot(flat, flat))
            if keepdims:
                result = asarray(result).reshape((1,) * x.ndim)
            return result
        axis = tuple(range(x.ndim))
    elif not isinstance(axis, tuple):
        try:
            axis = int(axis)
        except Exception as error:
            raise TypeError("'axis' must be None, an integer or a tuple "
                            "of integers") from error
        axis = (axis,)
    if len(axis) == 1:
        return _vector(x, ord, _normalize(axis[0], x.ndim), keepdims)
    if len(axis) == 2:
        row_axis = _normalize(axis[0], x.ndim)
        col_axis = _normalize(axis[1], x.ndim)
        if row_axis == col_axis:
            raise ValueError("Duplicate axes given.")
        return _matrix(x, ord, row_axis, col_axis, keepdims)
    raise ValueError("Improper number of dimensions to norm.")


def vector_norm(x, /, *, axis=None, keepdims=False, ord=2):
    """The Array API's vector norm: over every axis (``axis=None``, the
    array read as one vector), one axis, or a tuple of axes (read
    together as one vector)."""
    x = _as_float(x)
    if axis is None:
        flat = x.ravel()
        result = _vector(flat, ord, 0, False)
        if keepdims:
            result = asarray(result).reshape((1,) * x.ndim)
        return result
    if isinstance(axis, tuple):
        axes = sorted({_normalize(a, x.ndim) for a in axis})
        if len(axes) != len(axis):
            raise ValueError("Duplicate axes given.")
        rest = [a for a in range(x.ndim) if a not in axes]
        moved = x.transpose(rest + axes)
        count = 1
        for a in axes:
            count *= x.shape[a]
        merged = moved.reshape(tuple(x.shape[a] for a in rest) + (count,))
        result = _vector(merged, ord, len(rest), False)
        if keepdims:
            shape = [1 if a in axes else x.shape[a] for a in range(x.ndim)]
            result = asarray(result).reshape(tuple(shape))
        return result
    return norm(x, ord=ord, axis=axis, keepdims=keepdims)


def matrix_norm(x, /, *, keepdims=False, ord="fro"):
    """The Array API's matrix norm over the last two axes (a stack of
    matrices gives a stack of norms)."""
    x = _as_float(x)
    return norm(x, ord=ord, axis=(-2, -1), keepdims=keepdims)


def outer(x1, x2, /):
    """The Array API's outer product: of 1-d arrays only."""
    a, b = asarray(x1), asarray(x2)
    if a.ndim != 1 or b.ndim != 1:
        raise ValueError("Input arrays must be one-dimensional, but they "
                         f"are x1.ndim={a.ndim} and x2.ndim={b.ndim}.")
    return multiply(a.reshape(a.size, 1), b.reshape(1, b.size))


def tensordot(x1, x2, /, *, axes=2):
    """The Array API's ``tensordot`` (``axes`` by keyword)."""
    return _tensordot(x1, x2, axes)


def vecdot(x1, x2, /, *, axis=-1):
    """The Array API's ``vecdot``."""
    return _vecdot(x1, x2, axis=axis)
