"""NumPy's floating-point error settings (``_ufunc_config.py``): the same
state as NumPy's through any sequence of ``seterr``, ``seterrcall`` and
``errstate`` (entered, left, as a decorator), the same errors, and a
state per thread.  What the loops do with them: tests/test_fperr.py."""
import threading

import numpy as np
import pytest
from hypothesis import given, strategies as st

import minind as mi

KINDS = ["all", "divide", "over", "under", "invalid"]
MODES = st.sampled_from(["ignore", "warn", "raise", "call", "print", "log"])
SETTINGS = st.dictionaries(st.sampled_from(KINDS), MODES | st.none(),
                           max_size=3)


def state(xp):
    return xp.geterr(), xp.geterrcall()


@pytest.fixture(autouse=True)
def restored():
    """Each test leaves both libraries' settings as it found them."""
    saved = {xp: (xp.geterr(), xp.geterrcall()) for xp in (np, mi)}
    yield
    for xp, (modes, call) in saved.items():
        xp.seterr(**modes)
        xp.seterrcall(call)


@given(steps=st.lists(st.tuples(st.sampled_from(["seterr", "errstate",
                                                 "seterrcall"]),
                                SETTINGS), max_size=6))
def test_settings_follow_numpys(steps):
    """Nested errstate blocks around seterr calls: after every step, and
    after every block closes, both libraries report the same settings,
    and seterr/seterrcall return the same old ones."""
    def run(xp, depth=0):
        seen = []
        for position, (action, settings) in enumerate(steps[depth:]):
            if action == "seterr":
                seen.append(xp.seterr(**settings))
            elif action == "seterrcall":
                seen.append(xp.seterrcall(print if settings else None))
            else:
                with xp.errstate(**settings):
                    seen.append(state(xp))
                    seen += run(xp, depth + position + 1)
                seen.append(state(xp))
                break
            seen.append(state(xp))
        return seen

    before = state(np), state(mi)
    assert before[0] == before[1]
    assert run(mi) == run(np)
    assert state(mi) == state(np)


def test_errstate_is_a_decorator_and_takes_call():
    for xp in (np, mi):
        @xp.errstate(all="ignore", call=print)
        def inside(depth):
            return state(xp) if depth == 0 else inside(depth - 1)
        assert inside(2) == ({kind: "ignore" for kind in KINDS[1:]}, print)
        assert state(xp) == state(np)


@pytest.mark.parametrize("call", [
    lambda xp: xp.seterr(divide="sometimes"), lambda xp: xp.seterr(all=3),
    lambda xp: xp.seterr(overflow="ignore"), lambda xp: xp.seterrcall(3),
    lambda xp: xp.errstate(invalid="often").__enter__(),
    lambda xp: xp.errstate(call=3).__enter__(),
    lambda xp: xp.errstate("ignore"),
])
def test_bad_settings_are_numpys_errors(call):
    with pytest.raises(Exception) as numpys:
        call(np)
    with pytest.raises(type(numpys.value)) as minds:
        call(mi)
    if "unexpected keyword" not in str(numpys.value) and "positional" \
            not in str(numpys.value):
        assert str(minds.value) == str(numpys.value)
    assert state(mi) == state(np)


def test_an_errstate_is_entered_once():
    for xp in (np, mi):
        once = xp.errstate(divide="ignore")
        with once:
            with pytest.raises(TypeError, match="Cannot enter"):
                once.__enter__()
        with pytest.raises(TypeError, match="Cannot enter"):
            with once:
                pass


def test_each_thread_has_its_own_settings():
    """A setting made in one thread is not seen by another, which starts
    from NumPy's defaults."""
    seen = {}

    def worker(xp):
        seen[xp] = state(xp)
        xp.seterr(all="raise")

    for xp in (np, mi):
        xp.seterr(divide="ignore")
        thread = threading.Thread(target=worker, args=(xp,))
        thread.start()
        thread.join()
        assert xp.geterr()["divide"] == "ignore"
        assert xp.geterr()["over"] == "warn"
    assert seen[mi] == seen[np] == ({"divide": "warn", "over": "warn",
                                     "under": "ignore", "invalid": "warn"},
                                    None)
