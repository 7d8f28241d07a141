"""``minind.lib``: as ``numpy.lib``, home of ``stride_tricks``."""
from minind.lib import stride_tricks

__all__ = ["stride_tricks"]
