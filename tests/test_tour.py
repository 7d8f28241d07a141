"""The guided tour runs, prints NumPy's answers, and exits cleanly."""
import numpy as np

from minind._tour import main


def test_tour_prints_numpys_answers(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    # The quiz: NumPy's strides, not the tutorial's (32, 16).
    a = np.arange(16, dtype=np.float32).reshape(4, 4)
    assert f">>> b.strides\n{a[::2, ::2].strides}\n" in out
    assert ">>> a[0, 0]\nmi.float32(999.0)\n" in out   # np.float32(999.0)
    # C vs F buffers, read through ctypes.
    assert "[1, 4, 2, 5, 3, 6]" in out
    # The large-array trap: 80 MB held by a view, then released.
    assert "80\n>>> del tiny_view" in out
    # Scalars keep their dtype and wrap as NumPy's do, with its warning.
    assert (">>> mi.array([127], dtype=mi.int8)[0] + 1\n<stdin>:1: "
            "RuntimeWarning: overflow encountered in scalar add\n"
            "mi.int8(-128)\n") in out
    # DLPack: a view through a capsule, writing through.
    assert "(mi.float64(99.0), True, False)" in out
    # Part 5: a slice is a view, a fancy index and a mask are copies.
    assert ">>> s.flags['OWNDATA'], mi.shares_memory(s, a)\n(False, True)" \
        in out
    assert "mi.shares_memory(f, a), f.base\n(True, False, None)" in out
    assert ">>> a[0, 0]\nmi.float64(0.0)\n>>> a[[0, 1]] = 9" in out
    n = np.arange(12.0).reshape(3, 4)
    assert (f"cols.base.shape\n({n[:, [0, 3]].shape}, "
            f"{n[:, [0, 3]].strides}, {n[:, [0, 3]].base.shape})") in out
    # Part 7: a 64 MB mapped file, a slice written and summed, and
    # tracemalloc saw no allocation for the mapped bytes.
    assert ">>> sample.sum()\nmi.float64(6.0)\n" in out
    assert ">>> tracemalloc.get_traced_memory()[1] < 100_000\nTrue\n" in out
    assert "(<class 'mmap.mmap'>, True, False)" in out
    # Part 5's gather, drawn: cell 1 read twice.
    assert "gather a[[4, 1, 1]]" in out and "1,2" in out
    # The iterator's plan: the trivial loop, the strided walk, buffers.
    assert "add: loop 'dd->d', the trivial loop: no iterator" in out
    assert "add: loop 'dd->d', the strided iterator" in out
    assert "buffered cast: in 0 int32 -> float64, 8192 items" in out
    assert "Traceback" not in out


def test_interactive_tour_ends_quietly(capsys, monkeypatch):
    """End of input, Ctrl-C and q end the interactive tour without a
    traceback; the prompt says how to quit and is followed by a newline
    (piped input is not echoed)."""
    for reply in (EOFError, KeyboardInterrupt, "q"):
        def fake_input(prompt, reply=reply):
            print(prompt, end="")
            if isinstance(reply, str):
                return reply
            raise reply()
        monkeypatch.setattr("builtins.input", fake_input)
        assert main(["--interactive"]) == 0
        out = capsys.readouterr().out
        assert "q: quit -- \nTour ended." in out
        assert "\n2. " not in out        # it stopped after section 1


def test_interactive_tour_goes_on_with_enter(capsys, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "")
    assert main(["--interactive"]) == 0
    assert "End of the tour." in capsys.readouterr().out
