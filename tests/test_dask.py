"""minind arrays as Dask chunks.

Dask splits a large array into blocks and schedules work on them; it works
with any block type that speaks NumPy's dispatch protocols (see
minind/_dispatch.py).  Here every block is a MiniArray: each test computes
a Dask expression over minind blocks, checks that every computed block
is a MiniArray (so minind's loops did the work, not NumPy's), and that
the assembled result equals NumPy's on the same data.  Both of Dask's
local schedulers run: the synchronous one and the threaded one (minind's
loops release the GIL, so threads really run in parallel).

Needs the ``dask`` extra (``pip install -e ".[test,dask]"``); skipped
without it.
"""
import numpy as np
import pytest

import minind as mi

dask = pytest.importorskip("dask")
da = pytest.importorskip("dask.array")

SCHEDULERS = ["synchronous", "threads"]

EXPRESSIONS = {
    "x + 1": lambda x: x + 1,
    "x * x.T": lambda x: x * x.T,
    "exp(x) - x": lambda x: np.exp(x) - x,
    "x > 7": lambda x: x > 7,
    "x.T": lambda x: x.T,
    "x[1:7, ::-2]": lambda x: x[1:7, ::-2],
    "sum axis 0": lambda x: x.sum(axis=0),
    "sum axis 1": lambda x: x.sum(axis=1),
    "sum": lambda x: x.sum(),
    "mean axis 0": lambda x: x.mean(axis=0),
    "max axis 1": lambda x: x.max(axis=1),
    "min": lambda x: x.min(),
    "prod axis 0": lambda x: (x / 10).prod(axis=0),
    "std axis 1": lambda x: x.std(axis=1),
    "map_blocks": lambda x: x.map_blocks(lambda b: b * 2 + 1,
                                         meta=mi.empty((0, 0))),
    "where": lambda x: da.where(x > 5, x, -x),
}


def minind_dask(shape=(8, 8), chunks=(3, 5)):
    n = np.arange(np.prod(shape), dtype=np.float64).reshape(shape)
    m = mi.asarray(n).copy()
    x = da.from_array(m, chunks=chunks, asarray=False)
    return x, da.from_array(n, chunks=chunks), n


def test_chunks_are_minind_arrays():
    x, _, n = minind_dask()
    assert isinstance(x._meta, mi.MiniArray)
    assert "MiniArray" in repr(x)
    assert x.dtype == np.float64 and x.shape == n.shape


@pytest.mark.parametrize("scheduler", SCHEDULERS)
@pytest.mark.parametrize("name", list(EXPRESSIONS))
def test_expression_runs_on_minind_blocks(name, scheduler):
    x, reference, n = minind_dask()
    expression = EXPRESSIONS[name]
    y = expression(x)
    # Every block, computed on its own, is minind's.
    blocks = dask.compute(*y.to_delayed().ravel(), scheduler=scheduler)
    for block in blocks:
        assert isinstance(block, (mi.MiniArray, mi.generic)), type(block)
    # The assembled result equals NumPy's, as a minind array.
    got = y.compute(scheduler=scheduler)
    want = expression(reference).compute(scheduler="synchronous")
    assert isinstance(got, (mi.MiniArray, mi.generic)), type(got)
    np.testing.assert_allclose(np.asarray(got), want, rtol=1e-12)
