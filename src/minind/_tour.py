"""The guided tour: the NumPy-internals tutorial, run live on minind.

``python -m minind`` prints every section and exits (so it works in a pipe
and in CI); ``python -m minind --interactive`` pauses between sections.
Each section shows the code, then what minind prints for it, and says where
the tutorial itself got NumPy wrong.
"""
import argparse
import ctypes
import os
import shutil
import tempfile
import textwrap
import tracemalloc
import warnings

import minind as mi

SECTIONS = []


def section(title):
    def register(function):
        SECTIONS.append((title, function))
        return function
    return register


def show(code, namespace):
    """Print ``code`` like a REPL session and run it in ``namespace``
    (a warning printed as the REPL prints it, before the value)."""
    for line in textwrap.dedent(code).strip().splitlines():
        print(f">>> {line}")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                value = eval(line, namespace)
            except SyntaxError:
                value = None
                exec(line, namespace)
        for warning in caught:
            print(f"<stdin>:1: {warning.category.__name__}: "
                  f"{warning.message}")
        if value is not None:
            print(repr(value))


def say(text):
    print(textwrap.fill(textwrap.dedent(text).strip(), width=76))
    print()


@section("Predict the output")
def quiz():
    say("""
        The tutorial opens with a quiz: take every other row and column of
        a 4x4 float32 array, write through the slice, and look at the
        original.  Here it is, run live.
        """)
    namespace = {"mi": mi}
    show("""
        a = mi.arange(16, dtype=mi.float32).reshape(4, 4)
        b = a[::2, ::2]
        b[0, 0] = 999
        a[0, 0]
        b.flags['OWNDATA']
        b.strides
        """, namespace)
    say("""
        The tutorial claims (32, 16) for the strides.  NumPy (and minind)
        print (32, 8): a float32 is 4 bytes, so stepping two columns moves
        2 * 4 = 8 bytes, and stepping two rows of 16 bytes moves 32.  The
        write shows through because b is a view: same buffer, new strides.
        """)


@section("An array is metadata over a flat buffer")
def memory_model():
    say("""
        An ndarray is a small object describing a block of raw memory:
        where it starts, the dtype of each element, the shape, and the
        strides (bytes to step along each axis).  Four float64 values take
        4 * 8 = 32 bytes.
        """)
    namespace = {"mi": mi}
    show("""
        a = mi.array([1.0, 2.0, 3.0, 4.0], dtype=mi.float64)
        a.itemsize, a.nbytes, a.dtype
        a.shape, a.strides
        a.flags['OWNDATA']
        """, namespace)
    print()


@section("Strides are address arithmetic")
def strides():
    say("""
        A 3x4 float64 matrix: one row is 4 * 8 = 32 bytes, so stepping a
        row moves 32 bytes and stepping a column moves 8.  Element [1, 2]
        lives at data + 1*32 + 2*8 = data + 48.
        """)
    namespace = {"mi": mi, "ctypes": ctypes}
    show("""
        a = mi.arange(12, dtype=mi.float64).reshape(3, 4)
        a.shape, a.strides
        address = a.ctypes.data + 1 * a.strides[0] + 2 * a.strides[1]
        ctypes.c_double.from_address(address).value
        a[1, 2]
        """, namespace)
    print()


@section("C order and Fortran order")
def orders():
    say("""
        The same 2x3 matrix can be stored row by row (C order, NumPy's
        default) or column by column (Fortran order).  Only the strides
        differ, and the raw buffer shows the order.
        """)
    namespace = {"mi": mi, "ctypes": ctypes}
    show("""
        data = [[1, 2, 3], [4, 5, 6]]
        c_arr = mi.array(data, order='C')
        f_arr = mi.array(data, order='F')
        c_arr.strides, f_arr.strides
        c_arr.flags['C_CONTIGUOUS'], f_arr.flags['F_CONTIGUOUS']
        raw = lambda arr: [arr.ctypes.data_as(ctypes.POINTER(ctypes.c_int64))[i] for i in range(arr.size)]
        raw(c_arr)
        raw(f_arr)
        """, namespace)
    say("""
        (The tutorial builds these with float data and reads them as
        c_double; here they are int64, so the buffer is read as c_int64.)
        """)


@section("Views share memory; base says who owns it")
def views():
    say("""
        Indexing a row returns a view: a new shape and strides over the
        same buffer.  It owns nothing, its base is the array that owns the
        memory, and writes through it change the original.
        """)
    namespace = {"mi": mi}
    show("""
        a = mi.zeros((4, 6))
        row = a[1]
        row.flags['OWNDATA'], row.base is a, row.strides
        row[0] = -99
        a[1, 0]
        c = a.copy()
        c.base is None, c.flags['OWNDATA']
        """, namespace)
    print()


@section("Views and copies: basic, fancy and boolean indexing")
def views_and_copies():
    say("""
        The tutorial's Part 5.  A slice is stride arithmetic, so it is a
        view.  An integer array or a boolean mask names elements one by
        one; no strides can describe that, so the result is a new array
        that owns its data.  The flags and shares_memory say so.
        """)
    namespace = {"mi": mi}
    show("""
        a = mi.arange(12.0).reshape(3, 4)
        s = a[:, 1:3]
        f = a[[0, 2]]
        m = a[a > 5]
        s.flags['OWNDATA'], mi.shares_memory(s, a)
        f.flags['OWNDATA'], mi.shares_memory(f, a), f.base
        m, m.flags['OWNDATA']
        """, namespace)
    say("""
        So reading through a fancy index and then writing changes the
        copy: a[[0, 1]][0] = 9 calls __getitem__ (a copy) and writes into
        it.  Assigning through the index, a[[0, 1]] = 9, calls
        __setitem__, which writes into a itself.
        """)
    show("""
        a[[0, 1]][0] = 9
        a[0, 0]
        a[[0, 1]] = 9
        a[0, 0], a[1, 3]
        """, namespace)
    say("""
        Index arrays side by side replace the axes they index.  Here the
        broadcast index axis takes the place of axis 1, and minind, like
        NumPy, fills an array ordered (picks, rows) and hands back a
        transposed view of it: the result is a copy whose base is not
        None.  mi.ix_ turns two lists into index arrays that broadcast
        into a grid: the rows and columns of a sub-matrix.
        """)
    show("""
        cols = a[:, [0, 3]]
        cols.shape, cols.strides, cols.base.shape
        mi.ix_([0, 2], [1, 3])
        a[mi.ix_([0, 2], [1, 3])]
        """, namespace)
    say("""
        mi.show draws the gather: the cells of a's buffer that a fancy
        index reads, numbered in the order it copies them (a repeated
        index reads a cell twice).
        """)
    show("""
        mi.show(mi.arange(6.0), index=[4, 1, 1])
        """, namespace)
    print()


@section("Transpose and reshape: new strides, same bytes")
def transpose_reshape():
    say("""
        Transposing swaps the strides, so a C-ordered array becomes an
        F-ordered view.  Reshaping a contiguous array is also free.  But
        flattening the transpose in C order cannot be expressed with
        strides over the same bytes: NumPy (and minind) copy, and the
        result's base is that copy, not a.  And why is
        a.reshape(2, 6).base not a, although it is a view of it?  a is
        itself a view (of arange's array), and a view's base is always
        the array that owns the memory, never another view.
        """)
    namespace = {"mi": mi}
    show("""
        a = mi.arange(12.0).reshape(3, 4)
        a.T.strides, a.T.flags['F_CONTIGUOUS']
        a.reshape(2, 6).base is a
        a.reshape(2, 6).base is a.base
        flat = a.T.reshape(12)
        flat.base is a, flat.base.flags['OWNDATA']
        """, namespace)
    print()


@section("Broadcasting is a zero stride")
def broadcasting():
    say("""
        Stretching a length-1 (or missing) axis costs nothing: its stride
        becomes 0, so every index along it reads the same bytes.  That is
        also why a broadcast view is read-only.
        """)
    namespace = {"mi": mi}
    show("""
        row = mi.arange(3)
        grid = mi.broadcast_to(row, (4, 3))
        grid.strides, grid.flags['WRITEABLE']
        mi.broadcast_shapes((5, 1, 3), (4, 1))
        windows = mi.lib.stride_tricks.sliding_window_view(mi.arange(8.0), 5)
        windows.shape, windows.strides
        """, namespace)
    say("""
        minind's as_strided checks what NumPy's does not: a view that would
        reach outside the buffer is refused with ValueError instead of
        reading (or corrupting) foreign memory.
        """)


@section("How a ufunc walks memory")
def ufunc_loop():
    say("""
        mi.add(a, b) broadcasts its inputs (zero strides), orders the axes
        so the walk follows memory, merges axes whose strides chain, and
        runs one tight 1-d C loop per remaining outer index.  The output is
        laid out in the inputs' memory order (NumPy's "K" order): adding
        two transposed arrays gives an F-ordered result, with no transpose
        ever materialised.  When the operands already share one dtype,
        shape and memory order, even the planning is skipped: element i of
        each sits at data + i * itemsize, so one flat loop does it all
        (NumPy's "trivial loop"; minind's _trivial_call).
        """)
    namespace = {"mi": mi}
    show("""
        a = mi.arange(24.0).reshape(4, 6)
        (a.T + a.T).strides, (a.T + a.T).flags['F_CONTIGUOUS']
        (a + 1).strides
        row, col = mi.array([1, 2, 3]), mi.array([[10], [20]])
        row + col
        (mi.array([1, 2], dtype=mi.int8) + 1).dtype
        (mi.array([1, 2], dtype=mi.int8) + mi.array([1, 2], dtype=mi.int16)).dtype
        a.sum(axis=0)
        """, namespace)
    say("""
        Python scalars are "weak" (NEP 50): int8 + 1 stays int8, while
        int8 + int16 promotes to int16.  A sum over axis 0 of a C-ordered
        array adds whole contiguous rows into an accumulator row, so even
        the "wrong" axis is walked in memory order.
        """)


@section("The iterator's plan, and walking against the grain")
def iterator_plan():
    say("""
        mi.explain prints what the iterator decided for a call, without
        running its loop.  c + c takes the trivial loop: one flat run.
        c + f cannot: whatever order the walk takes, one operand jumps a
        whole row (8 * n bytes) per element, and every element costs a
        cache line whose other 7 elements are needed only one row later.
        NumPy walks it that way and pays 6-15x at 4096 x 4096, where those
        lines no longer survive until the next row.  minind then walks the
        two axes in small square tiles that fit in the L1 cache, so each
        line is fetched once; on smaller arrays, whose lines the cache
        keeps, the plain walk is as fast and it stays.  (Which sizes tile
        depends on this machine's caches.)
        """)
    namespace = {"mi": mi}
    show("""
        c = mi.ones((1024, 1024)); f = mi.asfortranarray(c)
        mi.explain(mi.add, c, c)
        mi.explain(mi.add, c, f)
        mi.explain(mi.add, mi.ones((3, 10_000), dtype=mi.int32), 1.5)
        """, namespace)
    say("""
        The last call adds int32 items in a float64 loop: they are
        converted 8192 at a time into a small buffer (NumPy's buffer size),
        never into a float64 copy of the whole operand.
        """)


@section("The large-array trap, measured")
def trap():
    say("""
        A view keeps its owner's whole buffer alive.  tracemalloc sees
        minind's buffers (as it sees NumPy's), so we can watch all 80 MB
        stay allocated for a view of one row (an eighth of it) after the
        owner is deleted, and go away only when the last view dies.
        """)
    namespace = {"mi": mi, "tracemalloc": tracemalloc}
    tracemalloc.start()
    try:
        show("""
            big = mi.zeros((10, 1_000_000))
            tiny_view = big[0]
            del big
            tracemalloc.get_traced_memory()[0] // 1_000_000
            del tiny_view
            tracemalloc.get_traced_memory()[0] // 1_000_000
            """, namespace)
    finally:
        tracemalloc.stop()
    print()


@section("Scalars: one element with a dtype")
def scalars():
    say("""
        Take one element out of an array, or reduce a whole array, and you
        get a scalar, not a Python number: a 0-d value that keeps its
        dtype (NumPy prints np.float32(999.0) where minind prints
        mi.float32(999.0)).  It has the attributes of a 0-d array, and its
        arithmetic is the arrays' own, so a float32 stays a float32 and an
        int8 wraps around as its array would, but with NumPy's warning:
        scalar math checks for overflow, an array's loop does not.
        """)
    namespace = {"mi": mi}
    show("""
        a = mi.arange(4, dtype=mi.float32)
        s = a[3]
        s, s.dtype, s.shape, s.ndim, s.item()
        s + 1.0
        mi.array([127], dtype=mi.int8)[0] + 1
        a.sum(), a[...].sum(keepdims=True)
        isinstance(a.sum(), float), isinstance(mi.float64(1.5), float)
        isinstance(mi.int64(1), int), isinstance(mi.int64(1), mi.integer)
        """, namespace)
    say("""
        Why is float64 a Python float but int64 not a Python int?  A
        float64 and Python's float are the same thing, a C double, so
        mi.float64 subclasses float and goes wherever a float goes.
        Python's int is unbounded and stored digit by digit; an int64 is
        64 bits that wrap around.  Pretending one was the other would lie
        about overflow, so int64 is only an mi.integer (and an index:
        it has __index__).  A float32 subclasses nothing: Python has no
        4-byte float.
        """)


@section("Sharing memory with NumPy, without NumPy")
def buffers():
    say("""
        minind speaks the buffer protocol (PEP 3118), the same one NumPy,
        memoryview and array.array use.  np.asarray(m) and mi.asarray(n)
        share memory without copying; here the standard library's
        memoryview stands in for NumPy.
        """)
    namespace = {"mi": mi}
    show("""
        a = mi.array([[1, 2, 3], [4, 5, 6]], dtype=mi.int32, order='F')
        m = memoryview(a)
        m.format, m.shape, m.strides
        m[0, 1] = 20
        a[0, 1]
        b = mi.asarray(bytearray(b'minind'))
        b, b.base is not None, b.flags['OWNDATA']
        """, namespace)
    say("""
        DLPack is the array libraries' own interchange protocol (NumPy,
        PyTorch, JAX, CuPy): a.__dlpack__() wraps a C struct describing a
        (data pointer, shape, strides, dtype, device, read-only flag) in a
        capsule that keeps a alive, and from_dlpack builds a view on it.
        np.from_dlpack(a) and mi.from_dlpack(n) share memory the same way.
        """)
    show("""
        a = mi.arange(4.0)
        a.__dlpack_device__()
        d = mi.from_dlpack(a)
        d[0] = 99
        a[0], mi.shares_memory(a, d), d.flags['OWNDATA']
        d.base
        """, namespace)
    print()


@section("Files bigger than memory: memmap")
def memmap_files():
    say("""
        The tutorial's Part 7 maps a 2 GB file instead of reading it.
        mi.memmap asks the operating system (through Python's mmap) to map
        the file into the address space; nothing is read yet.  The first
        time an element is touched, the OS reads the page (4 KiB) it sits
        on, and only that page.  minind wraps the mapped memory through the
        buffer protocol, exactly as it wraps a bytearray, so a memmap is an
        ordinary array: slices are views, writes go to the page, flush()
        writes changed pages back to the file.
        """)
    folder = tempfile.mkdtemp(prefix="minind-tour-")
    path = os.path.join(folder, "big.dat")
    with open(path, "wb") as stream:
        stream.truncate(64 * 2 ** 20)        # 64 MB of zeros, not written
    namespace = {"mi": mi, "path": path, "tracemalloc": tracemalloc}
    try:
        show("""
            tracemalloc.start()
            big = mi.memmap(path, dtype=mi.float64, mode='r+')
            big.shape, big.nbytes // 2**20
            sample = big[:1000]
            sample[:3] = [1.0, 2.0, 3.0]
            sample.sum()
            tracemalloc.get_traced_memory()[1] < 100_000
            tracemalloc.stop()
            big.flush()
            type(big.base), sample.base is big, big.flags['OWNDATA']
            """, namespace)
        say("""
            tracemalloc counts what Python's allocators hand out: a 64 MB
            array that minind had allocated would show as 64 MB.  The
            mapping is memory the OS provides page by page, so Python saw
            less than 100 kB (the array objects themselves).  The base
            chain is NumPy's: the slice's base is the memmap, whose base
            is the mmap.  minind also holds the mapping's buffer, so the
            mmap cannot be closed while an array still views it.
            """)
    finally:
        namespace.clear()
        shutil.rmtree(folder, ignore_errors=True)


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m minind",
        description="A guided tour of how an ndarray works, run live.")
    parser.add_argument("--interactive", action="store_true",
                        help="pause between sections")
    args = parser.parse_args(argv)
    print(f"minind {mi.__version__}: a tour of the ndarray memory model\n")
    for number, (title, function) in enumerate(SECTIONS, 1):
        heading = f"{number}. {title}"
        print(heading)
        print("=" * len(heading))
        function()
        if args.interactive and number < len(SECTIONS):
            try:
                answer = input("-- Enter: next section, q: quit -- ")
            except (EOFError, KeyboardInterrupt):
                answer = "q"       # end of input or Ctrl-C: leave quietly
            # A newline of our own: piped input is not echoed, and the
            # next heading must not start on the prompt's line.
            print()
            if answer.strip().lower() in ("q", "quit"):
                print("Tour ended.")
                return 0
    print("End of the tour.  The source map in README.md says where each "
          "concept lives.")
    return 0
