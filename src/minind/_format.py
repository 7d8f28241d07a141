"""Text of arrays, exactly as NumPy's ``repr()`` and ``str()`` print it.

Only NumPy's default print options are reproduced::

    linewidth=75  threshold=1000  edgeitems=3  precision=8
    floatmode='maxprec'  suppress=False  sign='-'

The work is done in three layers.

1. Digits.  ``_dragon4`` turns a binary float into decimal digits: the
   shortest digits that still identify the float uniquely, optionally
   cut off (and correctly rounded) at a given position.  This is the
   Dragon4 algorithm of Steele & White, in the variant NumPy uses.
2. Elements.  A formatter looks at *all* the elements that will be
   printed, picks one common layout (field width, positional or
   scientific notation, padding) and then formats every element.
3. Layout.  Brackets, separators, wrapping at the line width and the
   ``...`` summary of large arrays.

The array is duck-typed.  It needs ``shape``, ``ndim``, ``size``,
``dtype.name`` and ``a[i, j, ...]`` (a tuple of ints, one per axis)
returning a Python scalar.  Only the printed elements are fetched.
"""

import math
import struct

LINEWIDTH = 75
THRESHOLD = 1000     # summarise arrays with more elements than this
EDGEITEMS = 3        # elements kept at each end of a summarised axis
PRECISION = 8        # maximum digits after the point (or after the
                     # leading digit in scientific notation)

# dtypes that repr() leaves implicit: the printed values identify them.
_IMPLIED_DTYPES = ('int64', 'float64', 'bool')

# Scientific notation is used once the largest magnitude reaches this.
_SCI_ABOVE = {'float64': 1e8, 'float32': 1e6}
# ...and the str() of a float scalar switches at this magnitude.
_SCALAR_SCI_ABOVE = {'float64': 1e16, 'float32': 1e6}


# ---------------------------------------------------------------------
# Layer 1: decimal digits of a binary float
# ---------------------------------------------------------------------

def _to_float32(x):
    """Round a Python float to the nearest float32 (inf on overflow)."""
    try:
        return struct.unpack('<f', struct.pack('<f', x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


def _float_parts(x, dtype):
    """Split a finite float into ``(negative, mantissa, exponent, skew)``.

    The magnitude is ``mantissa * 2**exponent``.  ``skew`` is true when
    the mantissa is an exact power of two (and not the smallest normal
    exponent): the next float below is then twice as close as the next
    float above.
    """
    if dtype == 'float32':
        bits = struct.unpack('<I', struct.pack('<f', x))[0]
        frac_bits, exp_bits, bias = 23, 8, 127
    else:
        bits = struct.unpack('<Q', struct.pack('<d', x))[0]
        frac_bits, exp_bits, bias = 52, 11, 1023
    negative = bool(bits >> (frac_bits + exp_bits))
    biased = (bits >> frac_bits) & ((1 << exp_bits) - 1)
    frac = bits & ((1 << frac_bits) - 1)
    if biased == 0:                                  # subnormal
        return negative, frac, 1 - bias - frac_bits, False
    mantissa = frac | (1 << frac_bits)
    skew = frac == 0 and biased > 1
    return negative, mantissa, biased - bias - frac_bits, skew


def _dragon4(mantissa, exponent, skew, cutoff=None, fractional=False,
             min_digits=None):
    """Decimal digits of ``mantissa * 2**exponent``.

    Returns ``(digits, point)``: the value is ``d.ddd * 10**point``.

    Digits are produced one at a time from the exact value.  Generation
    stops as soon as the digits so far, rounded, identify the float
    uniquely (they lie within half a gap of it), but never before
    ``min_digits`` digits and never after ``cutoff`` digits.  Both limits
    count digits after the decimal point if ``fractional``, otherwise
    significant digits.  The last digit is rounded up or down, whichever
    stays unique; if both do (or neither, at the cutoff), to nearest,
    ties to even.
    """
    if mantissa == 0:
        return '0', 0
    # Exact integer arithmetic: value = r/s and the half-gaps to the
    # neighbouring floats are lo/s (below) and hi/s (above).
    shift = 2 if skew else 1
    if exponent >= 0:
        r, s, lo = mantissa << (exponent + shift), 1 << shift, 1 << exponent
    else:
        r, s, lo = mantissa << shift, 1 << (shift - exponent), 1
    hi = 2 * lo if skew else lo
    # A gap boundary rounds back to this float when its mantissa is even.
    inclusive = mantissa % 2 == 0

    # Scale by 10**k so that r/s lies in [0.1, 1): k digits precede the
    # decimal point.
    k = math.floor(math.log10(mantissa) + exponent * math.log10(2)) + 1
    if k >= 0:
        s *= 10 ** k
    else:
        r, lo, hi = r * 10 ** -k, lo * 10 ** -k, hi * 10 ** -k
    while r >= s:
        s, k = s * 10, k + 1
    while 10 * r < s:
        r, lo, hi, k = 10 * r, 10 * lo, 10 * hi, k - 1

    # Decimal positions: the digit of 10**p has position p.
    if cutoff is None:
        last = None
    elif fractional:
        last = -cutoff
        if k <= last:
            # The value is below the cutoff: emit leading zeros so that
            # rounding happens at the cutoff position.
            s *= 10 ** (last + 1 - k)
            k = last + 1
    else:
        last = k - cutoff
    if min_digits is None:
        first_stop = k
    else:
        first_stop = min(k, -min_digits if fractional else k - min_digits)

    digits = []
    pos = k
    while True:
        pos -= 1
        digit, r = divmod(10 * r, s)
        lo, hi = 10 * lo, 10 * hi
        low = r < lo or (inclusive and r == lo)
        high = r + hi > s or (inclusive and r + hi == s)
        if ((low or high) and pos <= first_stop) or pos == last:
            break
        digits.append(digit)

    if low != high:
        round_up = high
    else:
        round_up = 2 * r > s or (2 * r == s and digit % 2 == 1)
    if round_up:
        digit += 1
        while digit == 10:            # carry: 0.1999 -> 0.2, 9.99 -> 10
            if not digits:
                digit, k = 1, k + 1
                break
            digit = digits.pop() + 1
    digits.append(digit)
    return ''.join(map(str, digits)), k - 1


def _positional(x, dtype, precision=None, min_digits=None, trim='.',
                pad_left=0, pad_right=0):
    """Finite float ``x`` as ``ddd.ddd``, like ``format_float_positional``.

    ``precision`` caps the digits after the point.  Trailing zeros are
    dropped; ``trim='.'`` keeps a bare point (``1.``), ``trim='0'``
    keeps one zero (``1.0``).  The part before the point is right-aligned
    to ``pad_left`` characters, the part after it left-aligned to
    ``pad_right``.
    """
    negative, mantissa, exponent, skew = _float_parts(x, dtype)
    digits, point = _dragon4(mantissa, exponent, skew, precision,
                             fractional=True, min_digits=min_digits)
    if point >= 0:
        whole = digits[:point + 1].ljust(point + 1, '0')
        frac = digits[point + 1:]
    else:
        whole = '0'
        frac = '0' * (-point - 1) + digits
    frac = frac.rstrip('0')
    if trim == '0' and not frac:
        frac = '0'
    head = ('-' if negative else '') + whole
    return head.rjust(pad_left) + '.' + frac.ljust(pad_right)


def _scientific(x, dtype, precision=None, min_digits=None, trim='.',
                pad_left=0, exp_digits=2):
    """Finite float ``x`` as ``d.ddde+XX``, like ``format_float_scientific``.

    ``precision`` caps the digits after the point.  With ``trim='k'`` the
    fraction is padded with zeros to ``min_digits``; otherwise trailing
    zeros are dropped, and ``trim='-'`` also drops a bare point
    (``1e+20``).  The leading digit and sign are right-aligned to
    ``pad_left`` characters; the exponent has at least ``exp_digits``
    digits.
    """
    negative, mantissa, exponent, skew = _float_parts(x, dtype)
    total = None if precision is None else precision + 1
    least = None if min_digits is None else min_digits + 1
    digits, point = _dragon4(mantissa, exponent, skew, total,
                             min_digits=least)
    frac = digits[1:]
    if trim == 'k':
        frac = frac.ljust(min_digits or 0, '0')
    else:
        frac = frac.rstrip('0')
    dot = '' if trim == '-' and not frac else '.'
    head = ('-' if negative else '') + digits[0]
    exp = 'e' + ('-' if point < 0 else '+') + str(abs(point)).zfill(exp_digits)
    return head.rjust(pad_left) + dot + frac + exp


def _nonfinite(x):
    """``nan``, ``inf`` or ``-inf`` (NaN never shows a sign)."""
    if math.isnan(x):
        return 'nan'
    return '-inf' if x < 0 else 'inf'


def _scalar_str(x, dtype):
    """``str()`` of a NumPy scalar: what ``str()`` of a 0-d array shows.

    Floats use the shortest unique digits, positional (``1.0``) for
    magnitudes in [1e-4, 1e16) -- [1e-4, 1e6) for float32 -- and
    scientific (``1e+20``) outside.
    """
    if dtype == 'bool':
        return 'True' if x else 'False'
    if not dtype.startswith('float'):
        return str(int(x))
    x = float(x)
    if not math.isfinite(x):
        return _nonfinite(x)
    if x == 0 or 1e-4 <= abs(x) < _SCALAR_SCI_ABOVE[dtype]:
        return _positional(x, dtype, trim='0')
    return _scientific(x, dtype, trim='-')


# ---------------------------------------------------------------------
# Layer 2: one common format for all printed elements
# ---------------------------------------------------------------------

def _bool_formatter(values, zero_d):
    """``True`` is padded to the width of ``False``, except in 0-d."""
    true = 'True' if zero_d else ' True'
    return lambda x: true if x else 'False'


def _int_formatter(values):
    """Right-align every integer to the widest of the printed ones."""
    width = max(len(str(max(values))), len(str(min(values))))
    return lambda x: str(int(x)).rjust(width)


def _needs_scientific(values, dtype):
    """NumPy's rule for switching a float array to scientific notation.

    Over the finite non-zero magnitudes: the largest reaches 1e8 (1e6
    for float32), or the smallest is below 1e-4, or their ratio exceeds
    1000.  The comparisons happen in the array's own precision.
    """
    mags = [abs(v) for v in values if math.isfinite(v) and v != 0]
    if not mags:
        return False
    big, small = max(mags), min(mags)
    if dtype == 'float32':
        return (big >= _SCI_ABOVE[dtype] or small < _to_float32(1e-4)
                or _to_float32(big / small) > 1000)
    return big >= _SCI_ABOVE[dtype] or small < 1e-4 or big / small > 1000


class _FloatFormatter:
    """Format floats so that the decimal points (or the ``e``) line up.

    A first pass formats every finite value on its own (at most
    ``PRECISION`` fractional digits, shortest unique digits) and measures
    the widest integer part, fraction and exponent.  The second pass
    pads each value to those widths: with spaces in positional notation
    (``[1.5, 2. ]``), with zeros in scientific notation
    (``[1.0e-05, 1.5e-05]``).
    """

    def __init__(self, values, dtype):
        self.dtype = dtype
        finite = [v for v in values if math.isfinite(v)]
        self.scientific = _needs_scientific(finite, dtype)
        self.pad_left = self.pad_right = 0
        if finite and self.scientific:
            texts = [_scientific(v, dtype, PRECISION) for v in finite]
            mants, exps = zip(*(t.split('e') for t in texts))
            wholes, fracs = zip(*(m.split('.') for m in mants))
            self.precision = max(map(len, fracs))
            self.exp_digits = max(map(len, exps)) - 1    # minus the sign
            self.pad_left = max(map(len, wholes))
            self.pad_right = self.exp_digits + 2 + self.precision
        elif finite:
            texts = [_positional(v, dtype, PRECISION) for v in finite]
            wholes, fracs = zip(*(t.split('.') for t in texts))
            self.pad_left = max(map(len, wholes))
            self.pad_right = max(map(len, fracs))
        if len(finite) != len(values):
            # nan / inf are right-aligned in the same field, so the field
            # must be wide enough to hold them.
            wide = 4 if any(v == -math.inf for v in values) else 3
            self.pad_left = max(self.pad_left, wide - self.pad_right - 1)

    def __call__(self, x):
        x = float(x)
        if not math.isfinite(x):
            width = self.pad_left + self.pad_right + 1
            return _nonfinite(x).rjust(width)
        if self.scientific:
            return _scientific(x, self.dtype, self.precision,
                               min_digits=self.precision, trim='k',
                               pad_left=self.pad_left,
                               exp_digits=self.exp_digits)
        return _positional(x, self.dtype, PRECISION, min_digits=0,
                           pad_left=self.pad_left, pad_right=self.pad_right)


def _formatter(values, dtype, zero_d):
    """The element formatter for ``dtype``, fitted to ``values``."""
    if dtype == 'bool':
        return _bool_formatter(values, zero_d)
    if dtype.startswith('float'):
        return _FloatFormatter([float(v) for v in values], dtype)
    return _int_formatter([int(v) for v in values])


# ---------------------------------------------------------------------
# Layer 3: nesting, wrapping and summarising
# ---------------------------------------------------------------------

def _kept(n, summarise):
    """Indices printed along an axis of length ``n``.

    A summarised array keeps ``EDGEITEMS`` at each end of every axis
    longer than ``2 * EDGEITEMS``; ``...`` stands for the rest.
    """
    if summarise and n > 2 * EDGEITEMS:
        return list(range(EDGEITEMS)) + list(range(n - EDGEITEMS, n))
    return range(n)


def _gather(a, summarise):
    """Fetch the printed elements as nested lists (and as a flat list)."""
    flat = []

    def grab(index):
        if len(index) == a.ndim:
            value = a[index]
            flat.append(value)
            return value
        return [grab(index + (i,))
                for i in _kept(a.shape[len(index)], summarise)]

    try:
        return grab(()), flat
    finally:
        # grab refers to itself through its closure: a reference cycle
        # that would keep ``a`` alive until the cyclic collector runs.
        del grab


def _fill_row(words, separator, indent, width):
    """Bracket one row, wrapping lines so none exceeds ``width``.

    A word that would pass ``width`` starts a new line at ``indent``,
    unless the line holds nothing yet.
    """
    text, line = '', indent
    for i, word in enumerate(words):
        if len(line) + len(word) > width and len(line) > len(indent):
            text += line.rstrip() + '\n'
            line = indent
        line += word
        if i < len(words) - 1:
            line += separator
    text += line
    return '[' + text[len(indent):] + ']'


def _nest(node, shape, fmt, separator, indent, width, summarise):
    """Text of a (sub-)array whose continuation lines start at ``indent``.

    Every level of brackets indents its contents by one more space and
    leaves one column less for the closing ``]``.  Rows of a 2-d block
    are separated by one newline, 2-d blocks by two, and so on.
    """
    if not shape:
        return fmt(node)
    parts = [_nest(sub, shape[1:], fmt, separator, indent + ' ',
                   width - 1, summarise) for sub in node]
    if summarise and shape[0] > 2 * EDGEITEMS:
        parts.insert(EDGEITEMS, '...')
    if len(shape) == 1:
        return _fill_row(parts, separator, indent, width - 1)
    joiner = separator.rstrip() + '\n' * (len(shape) - 1) + indent
    return '[' + joiner.join(parts) + ']'


def _array2string(a, separator, prefix, width):
    """The bracketed body of the array, as it follows ``prefix``."""
    if a.size == 0:
        return '[]'
    summarise = a.size > THRESHOLD
    nested, flat = _gather(a, summarise)
    fmt = _formatter(flat, a.dtype.name, a.ndim == 0)
    indent = ' ' * (len(prefix) + 1)
    return _nest(nested, tuple(a.shape), fmt, separator, indent, width,
                 summarise)


def _shape_text(shape):
    """A shape as a Python tuple prints: ``(3,)`` or ``(0, 3)``."""
    return repr(tuple(int(n) for n in shape))


def array_repr(a):
    """``repr()`` of an array, e.g. ``array([1, 2], dtype=int8)``.

    ``shape=`` is added when the values cannot show it (empty arrays
    other than 1-d, summarised arrays); ``dtype=`` when the values cannot
    imply it (anything but int64, float64, bool; and any empty array).
    These go on a new line if they would pass the line width.  A subclass
    prints its own name, as NumPy's do: ``memmap([0., 0.])``.
    """
    from minind._core import MiniArray
    subclass = isinstance(a, MiniArray) and type(a) is not MiniArray
    prefix = type(a).__name__ + '(' if subclass else 'array('
    body = _array2string(a, ', ', prefix, LINEWIDTH - len(')'))
    dtype = a.dtype.name
    shape = tuple(a.shape)
    extras = []
    if (a.size == 0 and shape != (0,)) or a.size > THRESHOLD:
        extras.append('shape=' + _shape_text(shape))
    if a.size == 0 or dtype not in _IMPLIED_DTYPES:
        extras.append('dtype=' + dtype)
    if not extras:
        return prefix + body + ')'
    text = prefix + body + ','
    tail = ', '.join(extras) + ')'
    last_line = len(text) - (text.rfind('\n') + 1)
    if last_line + 1 + len(tail) > LINEWIDTH:
        return text + '\n' + ' ' * len(prefix) + tail
    return text + ' ' + tail


def array_str(a):
    """``str()`` of an array, e.g. ``[1 2 3]``; a 0-d array prints its
    element as ``str()`` of the NumPy scalar would (``5``, ``1.5``)."""
    if a.ndim == 0:
        return _scalar_str(a[()], a.dtype.name)
    return _array2string(a, ' ', '', LINEWIDTH)
