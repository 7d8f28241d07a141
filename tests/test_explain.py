"""mi.explain: the iterator's plan, printed by the code that would run it.

What is checked: the path it names is the path a call takes (the trivial
loop, the strided walk, buffered casts, tiles, memcpy), the strides it
prints are the operands' and the planned ones NumPy's "K" order implies,
and it computes nothing: an out= is not written, and every recorder is
gone afterwards, also when the call raises.
"""
import io

import numpy as np
import pytest

import minind as mi
from minind import _loops


def explained(func, *args, **kwargs):
    text = io.StringIO()
    mi.explain(func, *args, file=text, **kwargs)
    return text.getvalue()


def test_trivial_and_strided_paths():
    c = mi.ones((6, 5))
    assert "the trivial loop: no iterator" in explained(mi.add, c, c)
    assert "one flat run of 30 items, steps (8, 8, 8)" in explained(
        mi.add, c, c)
    # 1-d operands of any stride take it too, as NumPy's do.
    v = mi.ones(12)
    text = explained(mi.add, v[::3], v[::-3])
    assert "the trivial loop: no iterator" in text
    assert "every operand 1-d and of the loop's dtype: one flat run of 4 " \
        "items, steps (24, -24, 8)" in text
    text = explained(mi.add, c, c.T.T[:, ::-1])
    assert "the strided iterator" in text
    # The planned walk runs forward over the reversed operand's memory
    # only where the output can follow; the steps are the planned ones.
    assert "in 1          float64   (40, -8)" in text


def test_strides_and_coalescing_match_the_operands():
    n = np.ones((4, 6, 5))[:, ::2, :]
    m = mi.asarray(n)
    text = explained(mi.add, m, 1.0)
    assert f"in 0          float64   {n.strides}" in text
    # Every third row of each block of six: the blocks chain (240 bytes
    # = 3 rows of 80), so the first two axes merge.
    assert "after reordering and coalescing: shape (12, 5)" in text
    assert "in 0        (80, 8)" in text
    # A contiguous block coalesces into one run.
    assert "shape (120,)" in explained(mi.add, mi.ones((4, 6, 5)),
                                      mi.ones((4, 6, 5), mi.int32))


def test_buffered_cast_and_whole_cast():
    big = mi.ones((3, 10_000), dtype=mi.int32)
    text = explained(mi.multiply, big, 1.5)
    assert "buffered cast: in 0 int32 -> float64, 8192 items" in text
    small = mi.ones((3, 4), dtype=mi.int32)
    text = explained(mi.multiply, small, mi.ones((3, 4)))
    assert "in 0 int32 -> float64: converted whole before the walk" in text
    text = explained(mi.sum, mi.ones(100_000, dtype=mi.int8))
    assert "a whole-array reduction" in text
    assert "buffered cast: int8 -> int64" in text


def test_a_strided_vector_reduces_as_one_run():
    # a[::-3].sum(): the whole-array path with the vector's step, the
    # same single loop the walk would run, without building the walk
    text = explained(mi.sum, mi.arange(20.0)[::-3])
    assert "a whole-array reduction: one run" in text
    assert "1-d: one run of 7 items, -24 bytes apart" in text
    text = explained(mi.sum, mi.arange(20.0))
    assert "contiguous: one run of 20 items" in text
    # a wider loop dtype: a few items cast onto the stack, many walked
    assert "1-d: one run" in explained(
        mi.sum, mi.ones(100, dtype=mi.int8)[::2])
    assert "1-d: one run" not in explained(
        mi.sum, mi.ones(100_000, dtype=mi.int8)[::2])


def test_tiles_are_told():
    previous = _loops._force_tiles(4)
    try:
        c = mi.ones((20, 30))
        text = explained(mi.add, c, mi.asfortranarray(c))
        assert "tiles: the last two axes in 4 x 4 tiles" in text
        assert "tiles" in explained(mi.ascontiguousarray,
                                    mi.asfortranarray(c))
    finally:
        _loops._force_tiles(previous)
    _loops._force_tiles(-1)
    try:
        assert "tiles" not in explained(mi.add, c, mi.asfortranarray(c))
    finally:
        _loops._force_tiles(previous)


def test_reductions_accumulations_and_copies():
    a = mi.arange(12.0).reshape(3, 4)
    text = explained(mi.add.reduce, a, axis=0)
    assert text.startswith("add.reduce: loop 'dd->d', a reduction")
    assert "accumulator   float64   (0, 8)" in text
    assert "an accumulation" in explained(mi.add.accumulate, a)
    assert "a reduction" in explained(a.max, axis=1)
    assert "one memcpy" in explained(mi.copy, a)
    assert "a strided copy" in explained(mi.ascontiguousarray, a.T)
    assert "loop 'd->f'" in explained(a.astype, mi.float32)
    assert "no loop runs" in explained(mi.ascontiguousarray, a)


def test_nothing_is_computed_and_the_recorders_go():
    a = mi.arange(6.0)
    out = mi.full(6, -1.0)
    explained(mi.add, a, a, out=out)
    explained(mi.add, a.reshape(2, 3), a.reshape(3, 2).T, out=out.reshape(
        2, 3))
    explained(mi.power, mi.arange(5), 2)       # (its value check is off)
    assert out.tolist() == [-1.0] * 6
    with pytest.raises(ValueError, match="could not be broadcast"):
        mi.explain(mi.add, mi.ones(3), mi.ones(4))
    assert (a + a).tolist() == [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]
    assert a.sum() == 15.0
    assert mi.ascontiguousarray(a.reshape(2, 3).T).tolist() == [
        [0.0, 3.0], [1.0, 4.0], [2.0, 5.0]]
