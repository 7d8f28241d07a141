"""mi.vectorize against np.vectorize: same values, dtype, shape, layout,
and the same calls of the Python function."""
import numpy as np
import pytest
from hypothesis import given

import minind as mi
from strategies import LAYOUTS, assert_same, twins

FUNCTIONS = [
    lambda x: x * 2 + 1,
    lambda x: x > 0,
    lambda x: abs(x) if x == x else 0.0,
    lambda x: 1,
]


def numeric(pair):
    m, n = pair
    if n.dtype == np.bool_:
        return mi.asarray(n.astype(np.int8)), n.astype(np.int8)
    return m, n


@pytest.mark.parametrize("which", range(len(FUNCTIONS)))
@given(pair=twins(layouts=LAYOUTS))
def test_one_input(which, pair):
    m, n = numeric(pair)
    function = FUNCTIONS[which]
    with np.errstate(all="ignore"):
        try:
            want = np.vectorize(function)(n)
        except (ValueError, OverflowError) as error:
            # Size 0 without otypes; a result out of the dtype's range
            # (64 * 2 + 1 into int8 raises OverflowError, as in NumPy).
            with pytest.raises(type(error)) as raised:
                mi.vectorize(function)(m)
            # (Which result is reported first follows each library's
            # walk through the elements: the class and wording match.)
            assert str(raised.value).split()[:2] == str(error).split()[:2]
            return
        got = mi.vectorize(function)(m)
    assert_same(got, want)


@given(x=twins(layouts=["C", "F", "transposed", "broadcast"]),
       y=twins(layouts=["C", "F", "sliced"]))
def test_two_inputs_broadcast(x, y):
    (mx, nx), (my, ny) = numeric(x), numeric(y)
    try:
        shape = np.broadcast_shapes(nx.shape, ny.shape)
    except ValueError:
        with pytest.raises(ValueError):
            mi.vectorize(lambda a, b: a)(mx, my)
        return
    if 0 in shape:
        return
    function = np.vectorize(lambda a, b: (a > b, a))
    got = mi.vectorize(lambda a, b: (a > b, a))(mx, my)
    for g, w in zip(got, function(nx, ny)):
        assert_same(g, w)


def test_otypes_excluded_cache_and_calls():
    calls = {"np": [], "mi": []}

    def record(side):
        def f(x, scale=1.0):
            calls[side].append(x)
            return x * scale
        return f
    np.vectorize(record("np"))(np.array([1.5, 2.5]))
    mi.vectorize(record("mi"))(mi.asarray([1.5, 2.5]))
    # The first element twice (once to find the dtype), as a scalar first.
    assert [type(c).__name__ for c in calls["mi"]] == [
        type(c).__name__ for c in calls["np"]]
    assert calls["mi"] == calls["np"]
    # cache=True: the first call's result is reused, one call an element
    # (NumPy's TestVectorize.test_cache), in the same order.
    calls = {"np": [], "mi": []}
    for xp, side in ((np, "np"), (mi, "mi")):
        cached = xp.vectorize(record(side), cache=True)
        assert cached(xp.asarray([1.5, 2.5, 3.5])).tolist() == [1.5, 2.5, 3.5]
    assert calls["mi"] == calls["np"] == [1.5, 2.5, 3.5]
    for xp in (np, mi):
        assert xp.vectorize(lambda x, k: x * k, excluded={1})(
            [1, 2], 3).tolist() == [3, 6]
        assert xp.vectorize(lambda x, k=2: x * k, excluded={"k"})(
            [1, 2], k=3).tolist() == [3, 6]
    assert_same(mi.vectorize(lambda x: x, otypes="f")([1, 2]),
                np.vectorize(lambda x: x, otypes="f")([1, 2]))
    assert_same(mi.vectorize(lambda x: x, otypes=[float])([]),
                np.vectorize(lambda x: x, otypes=[float])([]))
    got = mi.vectorize(lambda x: x + 1)(1.0)
    assert got.shape == () and isinstance(got, mi.MiniArray)

    @mi.vectorize(otypes=[int])
    def truncate(x):
        """docs"""
        return x
    assert truncate([1.7]).tolist() == [1] and truncate.__doc__ == "docs"
    with pytest.raises(NotImplementedError):
        mi.vectorize(lambda x: x, signature="(n)->()")
    with pytest.raises(ValueError, match="Invalid otype"):
        mi.vectorize(lambda x: x, otypes="O")
