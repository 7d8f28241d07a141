"""Arrays whose values come from their indices: ranges and grids.

``linspace`` (evenly spaced values), ``meshgrid`` (coordinate arrays),
``indices`` and ``mgrid``/``ogrid`` (the index grid itself, and grids
written as slices), ``diag`` (a vector on a diagonal) and
``tri``/``tril``/``triu`` (masks and triangles from comparing row and
column indices) are composed from arange, views and ufuncs exactly as
NumPy composes them, so that the last bit of every value, and the
layout of every result, is NumPy's.

NumPy counterparts: ``linspace`` in _core/function_base.py, ``meshgrid``
in lib/_function_base_impl.py, ``indices`` in _core/numeric.py,
``mgrid``/``ogrid`` (``nd_grid``) in lib/_index_tricks_impl.py,
``diag``, ``tri``/``tril``/``triu`` in lib/_twodim_base_impl.py.
"""
import math
import operator

from minind._core import MiniArray
from minind._creation import arange, asarray, check_device, empty, zeros
from minind._dtype import as_dtype
from minind._manipulation import broadcast_arrays, diagonal, moveaxis
from minind._reductions import where
from minind._ufunc import greater_equal, remainder, result_type, subtract


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None,
             axis=0, *, device=None):
    """``num`` evenly spaced values from ``start`` to ``stop`` (included
    with ``endpoint``), along a new axis ``axis``.

    NumPy's recipe, step by step, because the values depend on it: the
    indices ``arange(num)`` in the computing dtype (float64, or float32
    when an input is float32), times ``step = (stop - start) / div``
    (``div = num - 1`` with the endpoint, else ``num``), plus ``start``;
    then the last value is set to ``stop`` exactly.  When ``step``
    underflows to 0 the indices are divided by ``div`` first and then
    multiplied by ``stop - start``.  An integer ``dtype`` gets the floor
    of those values.  The result is a view of the arange it was computed
    in, as NumPy's is.  ``retstep`` also returns the step (NaN when
    ``div`` is 0).
    """
    num = operator.index(num)
    if num < 0:
        raise ValueError(f"Number of samples, {num}, must be non-negative.")
    check_device(device)
    div = num - 1 if endpoint else num
    # Python numbers stay weak (a float32 start keeps float32) unless
    # both are: NumPy's _array_converter.
    start, stop = _operands(start, stop)
    computing = result_type(start, stop)
    if computing.kind != "f":
        computing = as_dtype("float64")
    integer_result = dtype is not None and as_dtype(dtype).kind in "iu"
    if dtype is None:
        dtype = computing
    delta = subtract(stop, start, dtype=computing)
    delta_ndim = delta.ndim if isinstance(delta, MiniArray) else 0
    y = arange(0, num, dtype=computing).reshape((-1,) + (1,) * delta_ndim)
    in_place = not isinstance(delta, MiniArray)
    if div > 0:
        step = delta / div
        step_is_zero = (step == 0) if in_place else bool((step == 0).any())
        if step_is_zero:
            y /= div
            y = _times(y, delta, in_place)
        else:
            y = _times(y, step, in_place)
    else:
        step = math.nan
        y = y * delta
    y += start
    if endpoint and num > 1:
        y[-1, ...] = stop
    if axis != 0:
        y = moveaxis(y, 0, axis)
    if integer_result:
        # floor(y), exactly: y minus its (Python-style, non-negative)
        # remainder modulo 1.
        subtract(y, remainder(y, 1.0), out=y)
    y = y.astype(dtype, copy=False)
    return (y, step) if retstep else y


def _operands(start, stop):
    python = (bool, int, float)
    if type(start) in python and type(stop) in python:
        return asarray(start), asarray(stop)
    return tuple(value if type(value) in python else asarray(value)
                 for value in (start, stop))


def _times(y, factor, in_place):
    if in_place:
        y *= factor
        return y
    return y * factor


def meshgrid(*xi, copy=True, sparse=False, indexing="xy"):
    """Coordinate arrays for a grid over the 1-d ``xi``.

    Each input becomes a view with its values along its own axis and
    length 1 elsewhere (with ``indexing="xy"`` the first two axes are
    swapped, for plotting's x-across, y-down convention).  Those are
    broadcast against each other (zero strides, no copy) unless
    ``sparse``, and copied into C arrays if ``copy``.  The result is a
    tuple, or, as in NumPy, a list for ``sparse=True, copy=False``.
    """
    if indexing not in ("xy", "ij"):
        raise ValueError("Valid values for `indexing` are 'xy' and 'ij'.")
    ndim = len(xi)
    ones = (1,) * ndim
    output = [asarray(x).reshape(ones[:k] + (-1,) + ones[k + 1:])
              for k, x in enumerate(xi)]
    if indexing == "xy" and ndim > 1:
        output[0].shape = (1, -1) + ones[2:]
        output[1].shape = (-1, 1) + ones[2:]
    if not sparse:
        output = broadcast_arrays(*output)
    if copy:
        output = tuple(x.copy() for x in output)
    return output


def indices(dimensions, dtype=int, sparse=False):
    """The index grid of an array of shape ``dimensions``: for each axis
    k, an array whose every element is its own index along k.

    Dense: one array of shape ``(len(dimensions),) + dimensions``, C
    order, filled axis by axis from an ``arange`` broadcast along the
    other axes.  Sparse: that ``arange`` alone for each axis, shaped to
    broadcast (length 1 on every other axis), as a tuple; nothing is
    repeated.  ``()`` gives an empty (0,) array, or an empty tuple.
    """
    dimensions = tuple(dimensions)
    count = len(dimensions)
    ones = (1,) * count
    grid = () if sparse else empty((count,) + dimensions, dtype=dtype)
    for axis, length in enumerate(dimensions):
        along = arange(length, dtype=dtype).reshape(
            ones[:axis] + (length,) + ones[axis + 1:])
        if sparse:
            grid += (along,)
        else:
            grid[axis] = along
    return grid


class nd_grid:
    """What ``mgrid`` and ``ogrid`` are: a grid written as slices.

    ``mgrid[0:4, 0:3]`` is ``indices((4, 3))`` scaled and shifted per
    axis: each slice ``start:stop:step`` gives the values ``start + i *
    step`` below ``stop``, as ``arange`` does.  A complex step is a count
    instead: ``0:1:5j`` gives 5 values from 0 to 1, ``stop`` included,
    as ``linspace`` does (abs of the step, truncated).  One slice gives a
    1-d array; a tuple of slices a dense grid (``mgrid``: one array,
    the axes first) or a sparse one (``ogrid``: a tuple of arrays that
    broadcast against each other).  The dtype is the result type of all
    starts, stops and steps (Python numbers are weak) and at least the
    default integer.

    NumPy: ``nd_grid`` in lib/_index_tricks_impl.py (``MGridClass``,
    ``OGridClass``), whose order of operations this follows, so the
    values round as NumPy's do: a count step becomes ``(stop - start) /
    float(count - 1)``, and every axis is ``index * step + start``.
    """
    __slots__ = ("sparse",)

    def __init__(self, sparse=False):
        self.sparse = sparse

    def __getitem__(self, key):
        if not isinstance(key, (tuple, list)):
            return _grid_axis(key)
        # The lengths, and every start, stop and step for the dtype (a 0
        # first: at least the default integer, as arange's).
        lengths, limits = [], [0]
        for item in key:
            start, stop, step = _slice_parts(item)
            if isinstance(step, complex):
                step = abs(step)
                lengths.append(int(step))
            else:
                lengths.append(math.ceil((stop - start) / step))
            limits += [start, stop, step]
        dtype = result_type(*limits)
        if self.sparse:
            grid = [arange(length, dtype=dtype) for length in lengths]
        else:
            grid = indices(lengths, dtype)
        for axis, item in enumerate(key):
            start, stop, step = _slice_parts(item)
            grid[axis] = grid[axis] * _spacing(start, stop, step) + start
        if not self.sparse:
            return grid
        for axis in range(len(lengths)):
            grid[axis] = grid[axis][(None,) * axis + (slice(None),)
                                    + (None,) * (len(lengths) - axis - 1)]
        return tuple(grid)


def _slice_parts(item):
    """A grid slice's start (default 0), stop and step (default 1)."""
    start = 0 if item.start is None else item.start
    step = 1 if item.step is None else item.step
    return start, item.stop, step


def _spacing(start, stop, step):
    """The step between neighbours: a complex step ``nj`` is a count of
    n values from ``start`` to ``stop`` inclusive."""
    if not isinstance(step, complex):
        return step
    count = int(abs(step))
    return 1 if count == 1 else (stop - start) / float(count - 1)


def _grid_axis(key):
    """``mgrid[start:stop:step]`` (and ``ogrid``'s, the same): one axis.
    A count step computes in the result type of start, stop and the
    count (a float: never an integer array), as NumPy's does."""
    start = 0 if key.start is None else key.start
    step = key.step
    if not isinstance(step, complex):
        return arange(start, key.stop, step)
    count = int(abs(step))
    spacing = 1 if count == 1 else (key.stop - start) / float(count - 1)
    dtype = result_type(start, key.stop, abs(step))
    return arange(0, count, 1, dtype=dtype) * spacing + start


mgrid = nd_grid(sparse=False)
ogrid = nd_grid(sparse=True)


def diag(v, k=0):
    """A 1-d ``v`` laid on diagonal ``k`` of a new square array of zeros
    (``len(v) + abs(k)`` on a side), or the diagonal ``k`` of a 2-d
    ``v`` (``diagonal(v, k)``: a read-only view).

    The 1-d case writes ``v`` through the diagonal view of the fresh
    array, whose WRITEABLE flag may be set since nothing else sees that
    memory yet; NumPy writes the same elements through ``a.flat``.
    NumPy: ``diag`` in lib/_twodim_base_impl.py.
    """
    v = asarray(v)
    if v.ndim == 1:
        side = v.shape[0] + abs(k)
        result = zeros((side, side), v.dtype)
        view = diagonal(result, k)
        view.flags.writeable = True
        view[...] = v
        return result
    if v.ndim == 2:
        return diagonal(v, k)
    raise ValueError("Input must be 1- or 2-d.")


def tri(N, M=None, k=0, dtype=float, *, like=None):
    """An N x M array with ones at and below diagonal ``k``, zeros above:
    row index >= column index - k, one comparison per element
    (``greater_equal.outer``).  The column indices are an integer arange
    even for a fractional ``k`` (NumPy picks the smallest integer dtype
    that holds them), whose first value ``-k`` is truncated toward 0."""
    if M is None:
        M = N
    mask = greater_equal.outer(arange(N, dtype="int64"),
                               arange(-k, M - k, dtype="int64"))
    return mask.astype(dtype, copy=False)


def tril(m, k=0):
    """``m`` with the elements above diagonal ``k`` zeroed, in a new
    array (each matrix of a stack; a 1-d ``m`` is a row repeated).

    NumPy's ``where(tri(...), m, zeros(1))``: the result is laid out as
    ``where`` lays out its output for those operands.
    """
    m = asarray(m)
    mask = tri(*m.shape[-2:], k=k, dtype=bool)
    return where(mask, m, zeros(1, m.dtype))


def triu(m, k=0):
    """``m`` with the elements below diagonal ``k`` zeroed (see tril)."""
    m = asarray(m)
    mask = tri(*m.shape[-2:], k=k - 1, dtype=bool)
    return where(mask, zeros(1, m.dtype), m)
