"""``vectorize``: a Python function applied element by element.

This is the tutorial's Part 6 lesson in code: ``vectorize`` gives a
Python function NumPy's *calling convention* (broadcasting, arrays in,
arrays out), not NumPy's *speed*.  Every element still goes through the
Python interpreter: it is unboxed into a Python number, the function's
bytecode runs, the result is boxed again.  A ufunc runs one compiled C
loop over the whole buffer instead, which is why ``mi.clip(a, lo, hi)``
is a few hundred times faster than a vectorized ``max(lo, min(hi, x))``.

NumPy's counterpart is ``vectorize`` in ``lib/_function_base_impl.py``
(built on ``frompyfunc``, an object-dtype ufunc).  minind has no object
dtype, so it follows the same steps in plain Python, with the same
results:

1. The inputs (all but the ``excluded`` ones) become arrays and are
   broadcast together.
2. Without ``otypes`` the output dtype is found by calling the function
   once on the first elements (so that element is computed twice, unless
   ``cache=True``), and a size-0 input is an error.
3. The function is called on every element, as Python numbers, in C
   order; the results are converted to the output dtype and laid out as a
   ufunc would lay out its output (the inputs' memory order).
"""
import functools

from minind._creation import array, asarray, empty_like
from minind._dtype import dtype as _dtype
from minind._manipulation import broadcast_arrays
from minind._ufunc import equal


class vectorize:
    """vectorize(pyfunc, otypes=None, doc=None, excluded=None,
    cache=False, signature=None)

    ``pyfunc`` made to take arrays: its inputs are broadcast together and
    it is called once per element, in a Python loop (slow: use ufuncs for
    numeric work; see the module docstring).  ``otypes`` names the output
    dtypes (a string of type characters or a list of dtypes); without it
    the first element decides.  ``excluded`` names positional indices or
    keyword names passed through unchanged.  Without ``pyfunc`` it returns
    a decorator: ``@mi.vectorize(otypes=[float])``.
    """

    def __new__(cls, pyfunc=None, otypes=None, doc=None, excluded=None,
                cache=False, signature=None):
        if pyfunc is None:
            return functools.partial(cls, otypes=otypes, doc=doc,
                                     excluded=excluded, cache=cache,
                                     signature=signature)
        return super().__new__(cls)

    def __init__(self, pyfunc=None, otypes=None, doc=None, excluded=None,
                 cache=False, signature=None):
        if signature is not None:
            raise NotImplementedError(
                "minind's vectorize has no signature= (generalized ufunc "
                "loops over core dimensions)")
        if not callable(pyfunc):
            raise TypeError(f"{pyfunc!r} is not callable")
        self.pyfunc = pyfunc
        self.cache = cache
        self.signature = None
        self.excluded = set() if excluded is None else set(excluded)
        if isinstance(otypes, str):
            otypes = list(otypes)
        if otypes is not None:
            resolved = []
            for otype in otypes:
                try:
                    resolved.append(_dtype(otype))
                except TypeError:
                    raise ValueError(f"Invalid otype specified: {otype}")
            otypes = resolved
        self.otypes = otypes
        self.__doc__ = pyfunc.__doc__ if doc is None else doc
        self.__name__ = getattr(pyfunc, "__name__", type(pyfunc).__name__)

    def __call__(self, *args, **kwargs):
        # Step 1: which arguments are vectorized, as arrays, broadcast.
        positions = [i for i in range(len(args)) if i not in self.excluded]
        names = [k for k in kwargs if k not in self.excluded]
        originals = [asarray(args[i]) for i in positions] + [
            asarray(kwargs[k]) for k in names]
        arrays = broadcast_arrays(*originals)
        if not arrays:
            return self.pyfunc(*args, **kwargs)
        shape = arrays[0].shape
        size = arrays[0].size
        columns = [a.ravel().tolist() if a.ndim else [a.item()]
                   for a in arrays]

        def call(values):
            call_args = list(args)
            call_kwargs = dict(kwargs)
            for i, value in zip(positions, values):
                call_args[i] = value
            for k, value in zip(names, values[len(positions):]):
                call_kwargs[k] = value
            return self.pyfunc(*call_args, **call_kwargs)

        # Step 2: the output dtypes, from the first element if need be.
        otypes, first = self.otypes, None
        if otypes is None:
            if size == 0:
                raise ValueError("cannot call `vectorize` on size 0 inputs "
                                 "unless `otypes` is set")
            # The first elements as scalars of their dtypes, as NumPy
            # hands them over for this one call.
            first = call([a[(0,) * a.ndim] for a in arrays])
            outputs = first if isinstance(first, tuple) else (first,)
            otypes = [asarray(value).dtype for value in outputs]
        # Step 3: every element, in C order; with ``cache`` the first one's
        # result is step 2's, so the function runs once per element.
        rows = zip(*columns)
        results = []
        if self.cache and first is not None:
            next(rows)
            results.append(first)
        results += [call(values) for values in rows]
        nout = len(otypes)
        if nout == 1:
            return self._lay_out([results], otypes, shape, originals)[0]
        if any(not isinstance(r, tuple) or len(r) != nout for r in results):
            raise ValueError(f"vectorize: the function must return "
                             f"{nout} values")
        return tuple(self._lay_out(list(zip(*results)) if results else
                                   [[] for _ in range(nout)], otypes, shape,
                                   originals))

    @staticmethod
    def _lay_out(columns, otypes, shape, originals):
        """Each output's values (C order) as an array of its dtype, in the
        memory order a ufunc gives its output for these inputs (for one or
        two inputs; C order for more)."""
        outputs = []
        for values, otype in zip(columns, otypes):
            values = array(list(values), dtype=otype).reshape(shape)
            if len(shape) > 1 and len(originals) <= 2:
                result = empty_like(_ufunc_layout(originals), dtype=otype)
                result[...] = values
                values = result
            outputs.append(values)
        return outputs


def _ufunc_layout(originals):
    """A bool array laid out as NumPy's vectorize lays out its result:
    each input is first copied (to an object array, in a new array's K
    order), then a ufunc runs over the copies and its output follows
    their memory order (the iterator's K order)."""
    copies = [empty_like(a, dtype="bool") for a in originals]
    return equal(copies[0], copies[-1])
