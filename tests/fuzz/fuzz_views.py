#!/usr/bin/env python3
"""Fuzz target: chains of views (reshape, transpose, slicing, broadcasting,
stride tricks, dtype views) against NumPy.

    python tests/fuzz/fuzz_views.py [libFuzzer flags] [corpus dirs]

Start from an array in any layout (``_common.Recipe``), then apply up to
six operations, each drawn for the current shape: ``reshape`` (with -1,
several -1, wrong sizes, order C/F/A), ``a.shape = ...``, ``transpose``
(axes or none), ``.T``, ``swapaxes``, ``moveaxis``, ``squeeze``,
``expand_dims``, basic slicing, ``broadcast_to``, ``as_strided``,
``sliding_window_view``, ``ravel``/``flatten``/``copy`` (any order),
``view(dtype)``, ``ascontiguousarray``/``asfortranarray``.  After every
step the outcome must match NumPy's (values, strides, flags); at the end
``shares_memory`` with the start must agree, and if the final view is
writeable, a value written through it must land on the same bytes of the
owner in both libraries.

``as_strided``: NumPy trusts its caller, minind refuses views outside
the memory of the array's owner (ValueError).  NumPy is only asked for
views inside its owner's buffer (most drawn views are); there minind may
still refuse (an imported buffer is only the exported view's extent),
and when it succeeds the values must match.  Views outside the buffer
are given to minind alone, which must refuse them.
"""
import os
import sys

import atheris

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
with atheris.instrument_imports(include=["minind", "_common"]):
    import numpy as np
    import minind as mi
    from minind.lib import stride_tricks as mi_tricks
    import _common as c

MAX_STEPS = 6
ORDERS = ["C", "F", "A", "K"]


# ---------------------------------------------------------------------------
# Drawing the arguments of each operation from the current shape
# ---------------------------------------------------------------------------

def draw_axis(fdp, ndim):
    if fdp.ConsumeIntInRange(0, 7) == 0:
        return fdp.PickValueInList([ndim, -ndim - 1, 64, 2**63, 1.0, "0",
                                    None])
    return fdp.ConsumeIntInRange(-max(ndim, 1), max(ndim - 1, 0))


def draw_axes(fdp, ndim):
    axes = list(range(ndim))
    for k in range(ndim - 1, 0, -1):
        j = fdp.ConsumeIntInRange(0, k)
        axes[k], axes[j] = axes[j], axes[k]
    choice = fdp.ConsumeIntInRange(0, 7)
    if choice == 0 and axes:
        axes[0] = axes[-1]                       # repeated
    elif choice == 1:
        axes.append(fdp.ConsumeIntInRange(-ndim - 1, ndim))   # too many
    elif choice == 2 and axes:
        axes.pop()                               # too few
    elif choice == 3 and axes:
        axes[0] -= ndim                          # negative
    return tuple(axes)


def draw_reshape_target(fdp, size):
    """Mostly a shape of ``size`` elements (some -1), sometimes a wrong
    one."""
    choice = fdp.ConsumeIntInRange(0, 9)
    if choice == 0:
        return fdp.PickValueInList([(-1, -1), (-2,), (2**63,), (2**62, 4),
                                    (size + 1,), (0,), (1,) * 65, (),
                                    (-1, 0), 3.0, "3", (None,)])
    if choice == 1:
        return -1
    lengths = []
    remaining = size
    for _ in range(fdp.ConsumeIntInRange(0, 4)):
        divisors = [d for d in range(1, 9) if remaining % d == 0] or [0]
        length = fdp.PickValueInList(divisors) if remaining else (
            fdp.ConsumeIntInRange(0, 3))
        lengths.append(length)
        if length:
            remaining //= length
    if remaining != 1 or not lengths:
        lengths.append(remaining)
    if lengths and fdp.ConsumeIntInRange(0, 3) == 0:
        lengths[fdp.ConsumeIntInRange(0, len(lengths) - 1)] = -1
    for k in range(len(lengths)):
        if fdp.ConsumeIntInRange(0, 15) == 0:
            lengths.insert(k, 1)
    return tuple(lengths)


def numpy_bounds(array):
    """(first, end) byte addresses of the buffer NumPy's ``array`` lives
    in (its owner's), or None if that cannot be found."""
    node = array
    for _ in range(64):
        if isinstance(node, np.ndarray) and node.base is None:
            start = node.__array_interface__["data"][0]
            return start, start + node.nbytes
        if isinstance(node, memoryview):
            node = node.obj
        else:
            # ndarray views, and the holder of as_strided's interface
            node = getattr(node, "base", None)
    return None


def extent(shape, strides, itemsize):
    """Lowest and one-past-highest byte offset a view touches."""
    if 0 in shape:
        return 0, 0
    low, high = 0, itemsize
    for length, stride in zip(shape, strides):
        reach = (length - 1) * stride
        if reach < 0:
            low += reach
        else:
            high += reach
    return low, high


def draw_strided(fdp, n):
    """(shape, strides) for as_strided: built from the array's own
    strides and itemsize, usually inside its extent."""
    itemsize = n.itemsize
    ndim = fdp.ConsumeIntInRange(0, 3)
    shape, strides = [], []
    pool = [s for s in n.strides] + [itemsize, -itemsize, 0, 2 * itemsize]
    for _ in range(ndim):
        shape.append(fdp.ConsumeIntInRange(0, 4))
        choice = fdp.ConsumeIntInRange(0, 9)
        if choice == 0:
            strides.append(fdp.ConsumeIntInRange(-64, 64))   # any bytes
        elif choice == 1:
            strides.append(fdp.PickValueInList([2**62, -2**62, 2**63 - 1]))
        else:
            strides.append(fdp.PickValueInList(pool))
    if fdp.ConsumeIntInRange(0, 15) == 0:
        return fdp.PickValueInList([(-1,), (2**62, 2**62), (2.0,)]), None
    if fdp.ConsumeIntInRange(0, 7) == 0:
        return tuple(shape), None                 # NumPy picks strides
    if fdp.ConsumeIntInRange(0, 15) == 0:
        strides.append(8)                         # wrong length
    return tuple(shape), tuple(strides)


def draw_step(fdp, n):
    """(description, function(xp, array)) for one operation."""
    ndim = n.ndim
    choice = fdp.ConsumeIntInRange(0, 17)
    if choice <= 1:
        target = draw_reshape_target(fdp, n.size)
        order = fdp.PickValueInList(["C", "F", "A"])
        return (f"reshape({target!r}, order={order!r})",
                lambda xp, a: a.reshape(target, order=order))
    if choice == 2:
        target = draw_reshape_target(fdp, n.size)

        def set_shape(xp, a):
            a.shape = target
            return a
        return f"a.shape = {target!r}", set_shape
    if choice == 3:
        axes = draw_axes(fdp, ndim) if fdp.ConsumeBool() else None
        return (f"transpose({axes!r})",
                lambda xp, a: a.transpose(axes) if axes is not None
                else a.transpose())
    if choice == 4:
        return ".T", lambda xp, a: a.T
    if choice == 5:
        one, two = draw_axis(fdp, ndim), draw_axis(fdp, ndim)
        return (f"swapaxes({one!r}, {two!r})",
                lambda xp, a: a.swapaxes(one, two))
    if choice == 6:
        source = draw_axis(fdp, ndim)
        destination = draw_axis(fdp, ndim)
        if fdp.ConsumeBool():
            source, destination = (source,), (destination,)
        return (f"moveaxis({source!r}, {destination!r})",
                lambda xp, a: xp.moveaxis(a, source, destination))
    if choice == 7:
        axis = draw_axis(fdp, ndim) if fdp.ConsumeBool() else None
        return f"squeeze({axis!r})", lambda xp, a: a.squeeze(axis)
    if choice == 8:
        axis = draw_axis(fdp, ndim + 1)
        if fdp.ConsumeIntInRange(0, 3) == 0:
            axis = (axis, draw_axis(fdp, ndim + 2))
        return (f"expand_dims({axis!r})",
                lambda xp, a: xp.expand_dims(a, axis))
    if choice <= 10:
        index = c.draw_index(fdp, n.shape, advanced=False)
        return f"a[{index!r}]", lambda xp, a: a[index]
    if choice == 11:
        shape = list(n.shape[fdp.ConsumeIntInRange(0, ndim):]
                     if ndim else ())
        for _ in range(fdp.ConsumeIntInRange(0, 2)):
            shape.insert(0, fdp.ConsumeIntInRange(0, 3))
        shape = [fdp.ConsumeIntInRange(0, 3) if length == 1
                 and fdp.ConsumeBool() else length for length in shape]
        if fdp.ConsumeIntInRange(0, 7) == 0:
            shape.append(fdp.ConsumeIntInRange(0, 5))      # may not fit
        shape = tuple(shape)
        if c._size(shape) > c.MAX_SIZE:
            shape = n.shape
        return (f"broadcast_to({shape!r})",
                lambda xp, a: xp.broadcast_to(a, shape))
    if choice == 12:
        return draw_as_strided(fdp, n)
    if choice == 13:
        return draw_windows(fdp, n)
    if choice == 14:
        name = fdp.PickValueInList(["ravel", "flatten", "copy"])
        order = fdp.PickValueInList(ORDERS)
        return (f"{name}(order={order!r})",
                lambda xp, a: getattr(a, name)(order=order))
    if choice == 15:
        dtype = c.draw_dtype(fdp)
        return f"view({dtype!r})", lambda xp, a: a.view(dtype)
    if choice == 16:
        name = fdp.PickValueInList(["ascontiguousarray", "asfortranarray"])
        return name + "()", lambda xp, a: getattr(xp, name)(a)
    return ".T", lambda xp, a: a.T


def draw_as_strided(fdp, n):
    shape, strides = draw_strided(fdp, n)
    writeable = fdp.ConsumeIntInRange(0, 3) != 0
    what = f"as_strided(shape={shape!r}, strides={strides!r}, " \
           f"writeable={writeable})"

    def call(xp, a):
        tricks = np.lib.stride_tricks if xp is np else mi_tricks
        return tricks.as_strided(a, shape, strides, writeable=writeable)
    inside = strided_inside(n, shape, strides)
    return what, call, inside


def strided_inside(n, shape, strides):
    """Would NumPy's as_strided view stay inside its owner's buffer?
    (None: the arguments are invalid, NumPy refuses them itself.)"""
    if not all(type(length) is int and 0 <= length < 2**31
               for length in shape):
        return None
    if strides is None:
        # NumPy's default: C strides for a C-contiguous array (its array
        # interface leaves them out), the array's own strides otherwise.
        if n.flags.c_contiguous:
            strides, step = [], n.itemsize
            for length in reversed(shape):
                strides.insert(0, step)
                step *= max(length, 1)
        else:
            strides = n.strides
    if len(strides) != len(shape) or c._size(shape) == 0:
        return None
    bounds = numpy_bounds(n)
    if bounds is None:
        return "unknown"
    low, high = extent(shape, strides, n.itemsize)
    first = n.__array_interface__["data"][0]
    return bounds[0] <= first + low and first + high <= bounds[1]


def draw_windows(fdp, n):
    ndim = n.ndim
    if fdp.ConsumeBool() or ndim == 0:
        window = tuple(fdp.ConsumeIntInRange(0, length + 1 if length < 4
                                             else 4)
                       for length in n.shape)
        axis = None
    else:
        count = fdp.ConsumeIntInRange(1, 2)
        axis = tuple(draw_axis(fdp, ndim) for _ in range(count))
        window = tuple(fdp.ConsumeIntInRange(-1, 3) for _ in range(count))
        if count == 1 and fdp.ConsumeBool():
            axis, window = axis[0], window[0]
    writeable = fdp.ConsumeBool()
    what = (f"sliding_window_view({window!r}, axis={axis!r}, "
            f"writeable={writeable})")

    def call(xp, a):
        tricks = np.lib.stride_tricks if xp is np else mi_tricks
        return tricks.sliding_window_view(a, window, axis=axis,
                                          writeable=writeable)
    return what, call


# ---------------------------------------------------------------------------
# The target
# ---------------------------------------------------------------------------

def TestOneInput(data):
    fdp = atheris.FuzzedDataProvider(data)
    recipe = c.draw_recipe(fdp)
    n, n_owner = recipe.build_numpy()
    m, m_owner = recipe.build_minind()
    c.check_twins(repr(recipe), m, n)
    m_start, n_start = m, n
    history = [repr(recipe)]
    for _ in range(fdp.ConsumeIntInRange(1, MAX_STEPS)):
        step = draw_step(fdp, n)
        what, call = step[0], step[1]
        history.append(what)
        description = " -> ".join(history)
        c.note(description)
        if len(step) == 3 and step[2] == "unknown":
            return          # NumPy's owner not found: do not risk it
        if len(step) == 3 and step[2] is False:
            # Outside NumPy's buffer: minind alone, and it must refuse.
            m_out = c.run(lambda: call(mi, m))
            if m_out.ok or type(m_out.value) is not ValueError:
                c.mismatch(f"as_strided outside the buffer must raise "
                           f"ValueError\n  call:   {description}\n"
                           f"  minind: {m_out!r}")
            return
        n_out = c.run(lambda: call(np, n))
        m_out = c.run(lambda: call(mi, m))
        refusals = (ValueError,) if len(step) == 3 else ()
        c.check(description, m_out, n_out, may_refuse=refusals,
                owndata=not recipe.imported())
        if not (m_out.ok and n_out.ok) or not isinstance(n_out.value,
                                                         np.ndarray):
            return
        m, n = m_out.value, n_out.value
    description = " -> ".join(history)
    n_shares = c.run(lambda: np.shares_memory(n, n_start))
    m_shares = c.run(lambda: mi.shares_memory(m, m_start))
    c.check(f"shares_memory(start, {description})", m_shares, n_shares)
    if n.flags.writeable and n.size:
        write_through(fdp, history, m, n, m_owner, n_owner)


def write_through(fdp, history, m, n, m_owner, n_owner):
    """Write through the final view: the same bytes of both owners must
    change.  (Each library writes its own memory: an imported recipe
    imports a NumPy array of its own.)"""
    value = c.draw_values(fdp, n.dtype.name, 1)[0]
    n_out = c.run(lambda: n.__setitem__(Ellipsis, value))
    m_out = c.run(lambda: m.__setitem__(Ellipsis, value))
    what = f"a[...] = {value!r} after {' -> '.join(history)}"
    c.note(what)
    c.check(what, m_out, n_out)
    c.check_same_memory(what, m, n)
    c.check_same_memory(what + " (the owner)", m_owner, n_owner)


if __name__ == "__main__":
    c.main(TestOneInput, globals())
