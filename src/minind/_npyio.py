"""Reading numbers from text: ``loadtxt``.

NumPy's counterparts: ``loadtxt`` and ``_read`` in
``numpy/lib/_npyio_impl.py`` (the arguments and their checks) and the C
tokenizer in ``numpy/_core/src/multiarray/textreading/`` (how a line
becomes fields and a field a number).  minind reads in Python, a line at a
time: text parsing is bound by the text, not by a typed loop, and a
reader can follow each rule below in one place.

The rules, as NumPy applies them:

* ``skiprows`` drops physical lines, comments and blank lines included;
  then a comment (any of ``comments``) runs to the end of its line, and a
  line left with no fields is skipped without counting as a row.
* With ``delimiter=None`` fields are separated by runs of whitespace;
  with a delimiter, by each occurrence of it, so ``1,,2`` has an empty
  field (an error) and a line of spaces is one field.
* A field is parsed as the dtype's numbers are: floats as Python's
  ``float`` reads them (``nan``, ``inf``, ``1e400`` is inf) but without
  digit-group underscores, integers in decimal within the dtype's range,
  bools as integers (non-zero is True).  A converter's result is stored
  as assigning it to an element would store it.
* Errors name the row (among data rows) and the column (from 1), in
  NumPy's words, so a message found in NumPy's documentation or issues is
  the one minind prints.
"""
import bz2
import gzip
import lzma
import operator
import os
import warnings

from minind._creation import array, empty
from minind._dtype import dtype as _dtype
from minind._join import atleast_1d, atleast_2d
from minind._typeinfo import iinfo

_END = object()
_OPENERS = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open,
            ".lzma": lzma.open}


def loadtxt(fname, dtype=float, comments="#", delimiter=None,
            converters=None, skiprows=0, usecols=None, unpack=False,
            ndmin=0, encoding=None, max_rows=None, *, quotechar=None,
            like=None):
    """An array of the numbers in a text file, one row a line.

    ``fname`` is a path (``.gz``, ``.bz2`` and ``.xz`` files are
    decompressed), an open file, or any iterable of lines (``str`` or
    ``bytes``).  The arguments are NumPy's; the dtypes are minind's
    (bool, integers, floats).  ``ndmin`` (0, 1 or 2) and ``unpack`` shape
    the result as NumPy's do: length-1 axes are squeezed away unless
    ``ndmin`` asks for them, and ``unpack`` returns the transpose, so
    ``x, y = loadtxt(f, unpack=True)`` reads two columns.
    """
    descr = _dtype(float if dtype is None else dtype)
    if ndmin not in (0, 1, 2):
        raise ValueError(f"Illegal value of ndmin keyword: {ndmin}")
    delimiter = _control_character(delimiter, "delimiter")
    quotechar = _control_character(quotechar, "quotechar")
    comments = _comment_strings(comments, delimiter, quotechar)
    skiprows = _nonnegative(skiprows)
    max_rows = -1 if max_rows is None else _nonnegative(max_rows)
    usecols = _columns(usecols)
    converters = _converter_table(converters)
    parse = _parser(descr)
    opened, lines = _open(fname, encoding)
    try:
        rows, width = _read_rows(lines, descr, parse, delimiter, quotechar,
                                 comments, skiprows, max_rows, usecols,
                                 converters)
    finally:
        if opened is not None:
            opened.close()
    if width is None:       # no data: one column, as NumPy assumes
        width = 1 if usecols is None else len(usecols)
    if rows and width:
        result = array(rows, dtype=descr)
    else:
        result = empty((len(rows), width), dtype=descr)
    result = _ensure_ndmin(result, ndmin)
    if result.ndim and result.shape[0] == 0:
        warnings.warn(f'loadtxt: input contained no data: "{fname}"',
                      UserWarning, stacklevel=2)
    return result.T if unpack else result


# ---------------------------------------------------------------------------
# The arguments, checked as NumPy checks them
# ---------------------------------------------------------------------------

def _control_character(value, name):
    """A delimiter or quote character: None or exactly one character,
    never a newline (the reader splits lines first)."""
    if isinstance(value, bytes):
        value = value.decode("latin1")
    if value is not None and not (isinstance(value, str)
                                  and len(value) == 1):
        raise TypeError("Text reading control character must be a single "
                        f"unicode character or None; but got: {value!r}")
    if value in ("\n", "\r"):
        raise TypeError(f"control character '{name}' cannot be a newline "
                        "(`\\r` or `\\n`).")
    return value


def _incompatible(first, second):
    return TypeError(f"The values for control characters '{first}' and "
                     f"'{second}' are incompatible")


def _comment_strings(comments, delimiter, quotechar):
    """``comments`` as a tuple of strings (empty: no comments)."""
    if delimiter is None and quotechar is not None and quotechar.isspace():
        raise _incompatible("delimiter", "quotechar")
    if delimiter is not None and delimiter == quotechar:
        raise _incompatible("quotechar", "delimiter")
    if comments is None:
        return ()
    if isinstance(comments, (str, bytes)):
        comments = [comments]
    comments = tuple(c.decode("latin1") if isinstance(c, bytes) else c
                     for c in comments)
    if "" in comments:
        raise ValueError("comments cannot be an empty string. Use "
                         "comments=None to disable comments.")
    if len(comments) == 1 and len(comments[0]) == 1:
        comment = comments[0]
        _control_character(comment, "comment")
        if delimiter is None and comment.isspace():
            raise _incompatible("delimiter", "comment")
        if comment == delimiter:
            raise _incompatible("comment", "delimiter")
        if comment == quotechar:
            raise _incompatible("comment", "quotechar")
    elif comments:
        if delimiter in comments:
            raise TypeError(f"Comment characters '{comments}' cannot "
                            f"include the delimiter '{delimiter}'")
        if quotechar is not None:
            raise ValueError(
                "when multiple comments or a multi-character comment is "
                "given, quotes are not supported.  In this case quotechar "
                "must be set to None.")
    return comments


def _nonnegative(value):
    try:
        value = operator.index(value)
    except TypeError:
        raise TypeError("argument must be an integer") from None
    if value < 0:
        raise ValueError("argument must be nonnegative")
    return value


def _columns(usecols):
    if usecols is None:
        return None
    try:
        usecols = list(usecols)
    except TypeError:
        usecols = [usecols]
    for column in usecols:
        try:
            operator.index(column)
        except TypeError:
            raise TypeError(
                "usecols must be an int or a sequence of ints but it "
                "contains at least one element of type "
                f"'{type(column).__name__}'") from None
    return [operator.index(column) for column in usecols]


def _converter_table(converters):
    """None, one callable for every column, or {column: callable}."""
    if converters is None or callable(converters):
        return converters
    if not isinstance(converters, dict):
        raise TypeError("converters must be a dictionary mapping columns "
                        "to converter functions or a single callable.")
    for key, function in converters.items():
        try:
            operator.index(key)
        except TypeError:
            raise TypeError("keys of the converters dictionary must be "
                            f"integers; got {key!r}") from None
        if not callable(function):
            raise TypeError("values of the converters dictionary must be "
                            "callable, but the value associated with key "
                            f"{key!r} is not")
    return {operator.index(key): f for key, f in converters.items()}


def _open(fname, encoding):
    """(the file to close or None, an iterator of lines)."""
    if isinstance(fname, os.PathLike):
        fname = os.fspath(fname)
    if isinstance(fname, str):
        opener = _OPENERS.get(os.path.splitext(fname)[1], open)
        handle = opener(fname, "rt", encoding=encoding)
        return handle, iter(handle)
    try:
        return None, iter(fname)
    except TypeError:
        raise ValueError("fname must be a string, filehandle, list of "
                         "strings,\nor generator. Got "
                         f"{type(fname)} instead.") from None


# ---------------------------------------------------------------------------
# Lines into fields, fields into numbers
# ---------------------------------------------------------------------------

def _parser(descr):
    """A function from a field's text to a Python number of ``descr``'s
    kind, raising ValueError for text NumPy would not read."""
    if descr.kind == "f":
        def parse(text):
            if "_" in text:
                raise ValueError(text)
            return float(text)
        return parse
    if descr.kind == "b":
        def parse(text):
            if "_" in text:
                raise ValueError(text)
            return int(text, 10) != 0
        return parse
    low, high = iinfo(descr).min, iinfo(descr).max

    def parse(text):
        if "_" in text:
            raise ValueError(text)
        value = int(text, 10)
        if not low <= value <= high:
            raise ValueError(text)
        return value
    return parse


_EMBEDDED_NEWLINE = ("Found an unquoted embedded newline within a single "
                     "line of input.  This is currently not supported.")


def _text_of(line):
    """A line without its line ending (its last ``\\n``, ``\\r\\n`` or
    ``\\r``); bytes are read as latin-1, as NumPy reads them."""
    if type(line) is not str:
        if isinstance(line, bytes):
            line = line.decode("latin1")
        elif not isinstance(line, str):
            raise TypeError("non-string returned while reading data")
    if line[-1:] == "\n":
        return line[:-2] if line[-2:] == "\r\n" else line[:-1]
    return line[:-1] if line[-1:] == "\r" else line


def _split(line, delimiter, comments):
    """A line's fields, with no quote character: the comment cut off,
    then split (an empty line has none)."""
    for comment in comments:
        found = line.find(comment)
        if found >= 0:
            line = line[:found]
    if "\n" in line or "\r" in line:
        raise ValueError(_EMBEDDED_NEWLINE)
    if delimiter is None:
        return line.split()
    return line.split(delimiter) if line else []


def _split_quoted(line, delimiter, quotechar, comment):
    """A line's fields when a quote character may enclose a field's text:
    or None if the line ends inside quotes (the caller joins the next).

    A quote opens only at a field's start; inside, the delimiter, the
    comment character and newlines are text, and a doubled quote is one
    quote; after the closing quote the field's text goes on.  So
    ``"1,5"`` is the one field ``1,5`` and ``"1""5"`` is ``1"5``.
    """
    fields, field = [], []
    started = quoted = False      # a field begun; inside its quotes
    i, end = 0, len(line)
    while i < end:
        char = line[i]
        if quoted:
            if char != quotechar:
                field.append(char)
            elif i + 1 < end and line[i + 1] == quotechar:
                field.append(char)              # "" is one quote
                i += 1
            else:
                quoted = False
        elif char == comment:
            break
        elif char in "\n\r":
            raise ValueError(_EMBEDDED_NEWLINE)
        elif char.isspace() if delimiter is None else char == delimiter:
            if delimiter is not None or started:
                fields.append("".join(field))
                field, started = [], False
        elif char == quotechar and not started:
            quoted = started = True
        else:
            field.append(char)
            started = True
        i += 1
    if quoted:
        return None
    if started or (delimiter is not None and fields):
        fields.append("".join(field))   # (after a delimiter: maybe "")
    return fields


def _read_rows(lines, descr, parse, delimiter, quotechar, comments,
               skiprows, max_rows, usecols, converters):
    """The data rows as lists of Python numbers, and their width."""
    rows, width, row, warned = [], None, 0, False
    scratch = empty(1, dtype=descr)    # where a converter's result is cast
    comment = comments[0] if comments else None
    # (Python's float reads what NumPy's parser reads, underscores aside,
    # which the caller rules out)
    fast = float if descr.kind == "f" else parse
    source = iter(lines)
    for number in range(skiprows):
        if next(source, _END) is _END:
            break
    number = skiprows               # physical lines read
    for line in source if max_rows else ():
        number += 1
        line = _text_of(line)
        if quotechar is None or quotechar not in line:
            fields = _split(line, delimiter, comments)
        else:
            fields = _split_quoted(line, delimiter, quotechar, comment)
            while fields is None:       # a quoted field goes on
                following = next(source, _END)
                if following is _END:   # the end closes it
                    line += quotechar
                else:
                    number += 1
                    line += "\n" + _text_of(following)
                fields = _split_quoted(line, delimiter, quotechar, comment)
        if not fields:
            if max_rows >= 0 and not warned:
                warnings.warn(
                    f"Input line {number} contained no data and will "
                    f"not be counted towards `max_rows={max_rows}`.  This "
                    "differs from the behaviour in NumPy <=1.22 which "
                    "counted lines rather than rows.  If desired, the "
                    "previous behaviour can be achieved by using "
                    "`itertools.islice`.\nPlease see the 1.23 release "
                    "notes for an example on how to do this.  If you wish "
                    "to ignore this warning, use `warnings.filterwarnings`."
                    "  This warning is expected to be removed in the "
                    "future and is given only once per `loadtxt` call.",
                    UserWarning, stacklevel=3)
                warned = True
            continue
        columns = _row_columns(fields, usecols, row)
        if width is None:
            width = len(columns)
            table = _column_converters(converters, len(fields), usecols)
        elif usecols is None and len(fields) != width:
            raise ValueError(
                f"the number of columns changed from {width} to "
                f"{len(fields)} at row {row + 1}; use `usecols` to select "
                "a subset and avoid this error")
        if table is None and usecols is None and "_" not in line:
            # The common case in one call per row (a failing field is
            # found again below, for its message).
            try:
                rows.append(list(map(fast, fields)))
                row += 1
                if row == max_rows:
                    break
                continue
            except (ValueError, TypeError):
                pass
        values = []
        for position, column in enumerate(columns):
            text = fields[column]
            convert = table.get(position) if table else None
            try:
                if convert is None:
                    values.append(parse(text))
                else:
                    scratch[0] = convert(text)
                    values.append(scratch[0])
            except Exception:
                # (whatever a converter raised: NumPy reports the field)
                raise ValueError(
                    f"could not convert string {text!r} to {descr.name} at "
                    f"row {row}, column {column + 1}.") from None
        rows.append(values)
        row += 1
        if row == max_rows:
            break       # (not a line more: the rest stays in a file)
    return rows, width


def _row_columns(fields, usecols, row):
    """The indices of a row's fields to read: all, or ``usecols``
    (negative ones counted from the row's end)."""
    if usecols is None:
        return range(len(fields))
    columns = []
    for column in usecols:
        index = column + len(fields) if column < 0 else column
        if not 0 <= index < len(fields):
            raise ValueError(f"invalid column index {column} at row "
                             f"{row + 1} with {len(fields)} columns")
        columns.append(index)
    return columns


def _column_converters(converters, count, usecols):
    """{position among the columns read: converter}, for rows of
    ``count`` fields.

    With ``usecols``, a key names the first position whose ``usecols``
    entry is that same number, as NumPy matches them (so ``usecols=[-1]``
    takes a converter keyed -1, not one keyed by the column's index); a
    key that names none is ignored.  Without, a key is a column index,
    negative ones counted from the end.
    """
    if converters is None:
        return None
    if callable(converters):
        return {position: converters for position in range(
            count if usecols is None else len(usecols))}
    table = {}
    for key, function in converters.items():
        if usecols is not None:
            if key in usecols:
                table[usecols.index(key)] = function
            continue
        index = key + count if key < 0 else key
        if not 0 <= index < count:
            raise ValueError(f"converter specified for column {key}, "
                             "which is invalid for the number of fields "
                             f"{count}.")
        table[index] = function
    return table


def _ensure_ndmin(a, ndmin):
    """Squeeze the length-1 axes away, then give back as many as
    ``ndmin`` asks for (a column for ndmin=2: NumPy's ``atleast_2d().T``).
    """
    if a.ndim > ndmin:
        a = a.squeeze()
    if a.ndim < ndmin:
        a = atleast_1d(a) if ndmin == 1 else atleast_2d(a).T
    return a
