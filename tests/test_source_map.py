"""The README's source map points somewhere: every function it names is
defined in the file it names.

A reader follows the map from a concept to a file and a function; a name
that was renamed or moved leaves them searching.  Each row's backticked
names are looked up in the row's file, or in a file the same cell names
("(used by `reshape_array` in `_core.pyx`)").  ``Class.method`` needs
both.  Names that are not identifiers (file names, ``a.shape = ...``) are
skipped.
"""
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()
SOURCE = ROOT / "src" / "minind"


def source_map_rows():
    section = README.split("## Where each concept lives", 1)[1]
    section = section.split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[1].startswith("`src/"):
            continue
        rows.append((cells[0], cells[1].strip("`"), cells[2]))
    return rows


ROWS = source_map_rows()
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z_0-9]*(\.[A-Za-z_][A-Za-z_0-9]*)?$")


def defines(text, name):
    """Whether ``text`` (a .pyx/.pxd/.py file) defines ``name``."""
    pattern = (rf"^\s*(?:c?p?def|cdef class|class)\b[^\n]*?\b{name}\s*[(:]"
               rf"|^\s*{name}\s*=")
    return re.search(pattern, text, re.MULTILINE) is not None


def test_the_map_has_rows():
    assert len(ROWS) >= 25


@pytest.mark.parametrize("concept, path, cell", ROWS,
                         ids=[row[0] for row in ROWS])
def test_named_functions_exist(concept, path, cell):
    files = [ROOT / path] + [SOURCE / name for name in
                             re.findall(r"`(_\w+\.(?:pyx|pxd|py))`", cell)]
    texts = [file.read_text() for file in files]
    names = [name for name in re.findall(r"`([^`]+)`", cell)
             if IDENTIFIER.match(name) and not name.endswith((".pyx",
                                                               ".pxd",
                                                               ".py"))]
    assert names, f"row {concept!r} names no function"
    for name in names:
        parts = name.split(".")
        for part in parts:
            assert any(defines(text, part) for text in texts), (
                f"README source map: {concept!r} points to {name!r}, "
                f"which none of {[str(f.name) for f in files]} defines")
