"""loadtxt (``_npyio.py``) against NumPy's, on the same text.

Tables of every dtype minind has, written out with each delimiter,
comments, blank lines and line endings, read back with random options
(``usecols``, ``skiprows``, ``max_rows``, ``ndmin``, ``unpack``,
converters) from every kind of source (a text stream, a list of ``str``
or ``bytes`` lines, a file, a gzipped file).  Then the same with one
field or one row broken: the error must be NumPy's, class and words.
"""
import gzip
import io
import warnings

import numpy as np
import pytest
from hypothesis import example, given, strategies as st
from hypothesis.extra import numpy as hnp

import minind as mi

DTYPES = ["float64", "float32", "int64", "int32", "int16", "int8", "uint8",
          "uint16", "uint64", "bool"]
DELIMITERS = [None, ",", ";", "\t", "|"]
JUNK = ["x", "", "1_0", "0x10", "1.5", "-1", "300", "1e", "++1", "nan"]


def outcome(library, source, options):
    """("ok", result, warning classes) or (exception class, message)."""
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = library.loadtxt(source(), **options)
    except Exception as exc:          # noqa: BLE001 - compared by callers
        return type(exc), str(exc)
    return "ok", result, [w.category for w in caught]


def assert_same_outcome(source, options):
    want = outcome(np, source, options)
    got = outcome(mi, source, options)
    assert got[0] == want[0], (got, want)
    if want[0] != "ok":
        assert got[1] == want[1]
        return
    m, n = got[1], want[1]
    assert got[2] == want[2]
    assert m.dtype == n.dtype and m.shape == n.shape
    assert m.flags.c_contiguous == n.flags.c_contiguous
    assert m.flags.f_contiguous == n.flags.f_contiguous
    assert (m.base is None) == (n.base is None)
    if n.size:        # (NumPy's empty results keep its allocation's strides)
        assert m.strides == n.strides
    np.testing.assert_array_equal(np.asarray(m), n, strict=True)


def _text(value, dtype):
    if dtype == "bool":
        return str(int(value))
    if dtype.startswith("float"):
        return repr(float(value)) if dtype == "float64" else str(value)
    return str(int(value))


@st.composite
def tables(draw):
    """(dtype, rows of field texts, the text's lines, read options)."""
    dtype = draw(st.sampled_from(DTYPES))
    nrows = draw(st.integers(0, 5))
    ncols = draw(st.integers(1, 4))
    values = draw(hnp.arrays(dtype, (nrows, ncols),
                             elements=hnp.from_dtype(np.dtype(dtype))))
    rows = [[_text(v, dtype) for v in row] for row in values]
    delimiter = draw(st.sampled_from(DELIMITERS))
    comment = draw(st.sampled_from(["#", "//", ("#", "%")]))
    marker = comment[0] if isinstance(comment, tuple) else comment
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    lines = []
    for fields in rows:
        for _ in range(draw(st.integers(0, 1))):
            lines.append(draw(st.sampled_from(
                ["", marker + " a comment", marker])))
        pad = draw(st.sampled_from(["", " ", "  "]))
        joiner = (pad + " " + pad) if delimiter is None else (
            pad + delimiter + pad)
        line = pad + joiner.join(fields) + pad
        if draw(st.booleans()):
            line += " " + marker + " trailing"
        lines.append(line)
    options = {"dtype": dtype, "delimiter": delimiter, "comments": comment}
    if draw(st.booleans()):
        options["usecols"] = draw(st.lists(
            st.integers(-ncols, ncols - 1), min_size=1, max_size=3))
    if draw(st.booleans()):
        options["skiprows"] = draw(st.integers(0, 3))
    if draw(st.booleans()):
        options["max_rows"] = draw(st.integers(0, 4))
    options["ndmin"] = draw(st.sampled_from([0, 1, 2]))
    options["unpack"] = draw(st.booleans())
    if draw(st.booleans()):
        column = draw(st.integers(0, ncols - 1))
        options["converters"] = {column: (lambda s: 2 * float(s))
                                 if dtype.startswith("float") else
                                 (lambda s: int(s) // 2)}
    return dtype, rows, [line + ending for line in lines], options


def _sources(lines, tmp_path, kind):
    text = "".join(lines)
    if kind == "stream":
        return lambda: io.StringIO(text)
    if kind == "str lines":
        return lambda: list(lines)
    if kind == "bytes lines":
        return lambda: [line.encode("latin1") for line in lines]
    path = tmp_path / ("table.txt.gz" if kind == "gzip" else "table.txt")
    if kind == "gzip":
        with gzip.open(path, "wt", newline="") as handle:
            handle.write(text)
    else:
        path.write_text(text, newline="")
    return lambda: str(path)


SOURCES = ["stream", "str lines", "bytes lines", "file", "gzip"]


@given(tables(), st.sampled_from(SOURCES))
@example(("float64", [["1"]], ["1\n"], {"ndmin": 2}), "stream")
@example(("int8", [], [], {"ndmin": 2, "usecols": [0, 1]}), "stream")
def test_loadtxt_reads_as_numpy_reads(tmp_path_factory, table, kind):
    dtype, rows, lines, options = table
    tmp_path = tmp_path_factory.mktemp("loadtxt")
    assert_same_outcome(_sources(lines, tmp_path, kind), options)


@given(tables(), st.data())
def test_loadtxt_refuses_what_numpy_refuses(table, data):
    """One field replaced by junk, or one row cut short: NumPy's error
    (or NumPy's result, where the junk reads as a number)."""
    dtype, rows, lines, options = table
    data_lines = [i for i, line in enumerate(lines)
                  if line.strip() and not line.lstrip().startswith(
                      ("#", "//", "%"))]
    if not data_lines:
        return
    where = data.draw(st.sampled_from(data_lines))
    fields = rows[data_lines.index(where)]
    if data.draw(st.booleans()) or len(fields) == 1:
        column = data.draw(st.integers(0, len(fields) - 1))
        fields = fields[:column] + [data.draw(st.sampled_from(JUNK))] + (
            fields[column + 1:])
    else:
        fields = fields[:-1]
    delimiter = options["delimiter"]
    lines = list(lines)
    lines[where] = (" " if delimiter is None else delimiter).join(
        fields) + "\n"
    assert_same_outcome(lambda: io.StringIO("".join(lines)), options)


@pytest.mark.parametrize("options", [
    {"ndmin": 3}, {"delimiter": "ab"}, {"delimiter": ",", "quotechar": ","},
    {"comments": ""}, {"comments": ",", "delimiter": ","},
    {"comments": [",", "#"], "delimiter": ","},
    {"comments": "##", "quotechar": '"'}, {"comments": "#", "quotechar": "#"},
    {"skiprows": -1}, {"skiprows": 1.5}, {"max_rows": -1},
    {"usecols": (1.0,)}, {"usecols": (5,)}, {"usecols": 1}, {"usecols": []},
    {"usecols": True}, {"converters": 5}, {"converters": {"a": float}},
    {"converters": {0: 5}}, {"converters": {5: float}},
    {"converters": {5: float}, "usecols": (0,)},
    {"converters": {-1: lambda s: 7}}, {"converters": {0: lambda s: "x"}},
    {"converters": {0: lambda s: 1 / 0}},
    {"converters": {0: lambda s: 1.5}, "dtype": "int64"},
    {"converters": {0: lambda s: 300}, "dtype": "uint8"},
    {"converters": float, "dtype": "float32"}, {"dtype": "bool"}])
def test_loadtxt_arguments_as_numpys(options):
    assert_same_outcome(lambda: io.StringIO("1 2\n3 4\n"), options)


@pytest.mark.parametrize("text, options", [
    ('"1" 2\n3 4', {"quotechar": '"'}),
    ('"1" "2"\n3 4', {"quotechar": '"'}),
    ('"1 2" 3', {"quotechar": '"'}),
    ('"1,5",2\n3,4', {"delimiter": ",", "quotechar": '"'}),
    ('"1""5",2\n3,4', {"delimiter": ",", "quotechar": '"'}),
    ('" 1",2\n3,"4 "', {"delimiter": ",", "quotechar": '"'}),
    ("1\x0b2\n3\x0c4", {}), ("1 2\n   \n3 4", {"delimiter": " "}),
    ("1,2\n   \n3,4", {"delimiter": ","}), ("1,2,\n3,4,", {"delimiter": ","}),
    ("INF Nan -NaN infinity 1e400 -0.0 +1", {}),
    ("18446744073709551615 0", {"dtype": "uint64"}),
    ("9223372036854775808", {"dtype": "int64"}),
    ("+1 -2 0", {"dtype": "bool"}), ("1 x\n3 4", {"usecols": (1,)}),
    ("1 2\n3 4 5", {"usecols": (0, 1)}), ("1 2\n3", {"usecols": (1,)}),
    ("", {}), ("# only\n\n", {"ndmin": 1}), ("1", {"ndmin": 1}),
    ("1\n2\n3", {"usecols": 0, "ndmin": 2, "unpack": True}),
])
def test_loadtxt_text_as_numpys(text, options):
    assert_same_outcome(lambda: io.StringIO(text), options)


def test_loadtxt_takes_a_path_and_closes_it(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("1 2\n3 4\n")
    assert mi.loadtxt(path).tolist() == [[1.0, 2.0], [3.0, 4.0]]
    with pytest.raises(ValueError, match="fname must be a string"):
        mi.loadtxt(5)
    with pytest.raises(FileNotFoundError):
        mi.loadtxt(str(tmp_path / "missing.txt"))
    with pytest.raises(TypeError, match="float16"):   # minind has none
        mi.loadtxt(io.StringIO("1"), dtype="float16")
