"""``minind.lib.stride_tricks``: views with hand-made shape and strides.

``as_strided`` here checks what NumPy's does not: the view must stay
inside the memory of the array it is made from.
"""
from minind._manipulation import (as_strided, sliding_window_view,
                                  broadcast_to, broadcast_arrays,
                                  broadcast_shapes)

__all__ = ["as_strided", "sliding_window_view", "broadcast_to",
           "broadcast_arrays", "broadcast_shapes"]
