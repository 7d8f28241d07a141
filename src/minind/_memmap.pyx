"""Memory-mapped arrays: ``mi.memmap``, an array whose memory is a file.

NumPy's counterpart is ``numpy/_core/memmap.py``.  Nothing here reads the
file: the operating system maps it into the address space (Python's
``mmap``), and minind wraps that memory through the buffer protocol, as it
wraps any other exporter's.  A page of the file is read from disk the
first time an element on it is touched, so slicing a 2 GB file and
summing the first thousand elements reads a few pages, not 2 GB; and
memory the operating system maps is not memory Python allocates, so
``tracemalloc`` sees none of it (the tour's Part 7).

Lifetime: the memmap holds the mapping's buffer export, so the mapping
cannot be closed or resized under it (``mm.close()`` raises BufferError
while an array views it); views of the memmap hold the memmap through
their ``base``, as every view holds its owner.  The file is unmapped when
the last array that views it goes.

What differs from NumPy: views and results of a memmap are plain minind
arrays (NumPy keeps the subclass for views); their ``base`` chain still
reaches the memmap, and through its ``base`` the ``mmap``.
"""
import mmap
import operator
import os

from minind._core cimport MiniArray, BufferArray
from minind._dtype cimport Descr, as_dtype
from minind._layout cimport MAX_NDIM, shape_from_object, checked_size


_MODES = ["r", "c", "r+", "w+"]
_LONG_MODES = {"readonly": "r", "copyonwrite": "c", "readwrite": "r+",
               "write": "w+"}
# What each mode asks of the file and of the mapping: r and c only read
# the file (c's writes go to private copies of the pages), r+ and w+
# write through to it.
_FILE_MODES = {"r": "rb", "c": "rb", "r+": "r+b", "w+": "w+b"}
_ACCESS = {"r": mmap.ACCESS_READ, "c": mmap.ACCESS_COPY,
           "r+": mmap.ACCESS_WRITE, "w+": mmap.ACCESS_WRITE}


cdef class memmap(BufferArray):
    """``memmap(filename, dtype=uint8, mode='r+', offset=0, shape=None,
    order='C')``: an array stored in a file, NumPy's signature.

    ``filename`` is a path or an open binary file.  ``mode`` is ``'r'``
    (read only), ``'r+'`` (read and write the existing file), ``'w+'``
    (create or overwrite, ``shape`` required) or ``'c'`` (copy on write:
    assignments change memory, never the file).  The array starts
    ``offset`` bytes into the file; without ``shape`` it runs to the
    file's end.  In modes ``r+`` and ``w+`` a file shorter than the array
    is extended; in ``r`` and ``c`` it is an error (ValueError, from
    ``mmap``).  ``flush()`` writes changed pages back to the file.
    """
    cdef readonly object filename
    cdef readonly object offset
    cdef readonly str mode
    cdef readonly object _mmap

    def __init__(self, filename, dtype="uint8", mode="r+", offset=0,
                 shape=None, order="C"):
        cdef Descr descr = as_dtype(dtype)
        cdef Py_ssize_t dims[MAX_NDIM]
        cdef int ndim
        mode = _LONG_MODES.get(mode, mode)
        if mode not in _MODES:
            raise ValueError(f"mode must be one of "
                             f"{_MODES + list(_LONG_MODES)} (got {mode!r})")
        if mode == "w+" and shape is None:
            raise ValueError("shape must be given if mode == 'w+'")
        offset = operator.index(offset)
        if shape is not None:
            # Checked before the file is touched: a shape whose size
            # overflows must not first grow the file to fit it.
            if not isinstance(shape, (tuple, list)):
                try:
                    shape = (operator.index(shape),)
                except TypeError:
                    pass
            ndim = shape_from_object(shape, dims)
            checked_size(ndim, dims, descr.itemsize)
            shape = tuple([dims[k] for k in range(ndim)])
        if hasattr(filename, "read"):
            self._map(filename, descr, mode, offset, shape, order)
        else:
            with open(os.fspath(filename), _FILE_MODES[mode]) as stream:
                self._map(stream, descr, mode, offset, shape, order)
        if isinstance(filename, os.PathLike):
            self.filename = type(filename)(os.path.abspath(filename))
        else:
            name = getattr(filename, "name", filename)
            self.filename = (os.path.abspath(name) if isinstance(name, str)
                             else None)
        self.offset = offset
        self.mode = mode

    cdef _map(self, stream, Descr descr, str mode, object offset,
              object shape, object order):
        cdef Py_ssize_t count
        length = stream.seek(0, os.SEEK_END)
        if shape is None:
            available = length - offset
            if available % descr.itemsize:
                raise ValueError("Size of available data is not a multiple "
                                 "of the data-type size.")
            shape = (available // descr.itemsize,)
        count = 1
        for n in shape:
            count *= n
        end = offset + count * descr.itemsize
        if mode in ("r+", "w+"):
            # Grow the file to hold the array (a zero byte at its end); an
            # empty array still maps one byte (mmap refuses an empty file).
            end = max(end, 1)
        if mode in ("r+", "w+") and length < end:
            stream.seek(end - 1)
            stream.write(b"\0")
            stream.flush()
        # mmap's offset must be a multiple of the allocation granularity:
        # map from the page boundary below, and start the array inside.
        start = offset - offset % mmap.ALLOCATIONGRANULARITY
        if end - start == 0 and start > 0:
            # (A length of 0 would map the whole file.)
            start -= mmap.ALLOCATIONGRANULARITY
        mapping = mmap.mmap(stream.fileno(), end - start,
                            access=_ACCESS[mode], offset=start)
        MiniArray.__init__(self, shape, descr, buffer=mapping,
                           offset=offset - start, order=order)
        # NumPy's base chain: memmap -> mmap.  The export that pins the
        # mapping's memory moves to ``export``.
        self.export = self.base
        self.base = mapping
        self._mmap = mapping

    def flush(self):
        """Write changed pages back to the file (modes r+ and w+; a no-op
        for r and c)."""
        if self.base is not None and hasattr(self.base, "flush"):
            self.base.flush()
