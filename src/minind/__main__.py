"""``python -m minind``: the guided tour (see minind/_tour.py)."""
import sys

from minind._tour import main

sys.exit(main())
