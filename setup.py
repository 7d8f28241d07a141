"""Build the Cython extensions of minind.

Every ``src/minind/*.pyx`` becomes one extension module.  Compiler warnings
stay visible (``-Wall -Wextra``): a warning in generated C code usually
points at a real type mistake in the ``.pyx``.
"""
import glob
import os
import sys

from Cython.Build import cythonize
from setuptools import Extension, setup

if sys.platform == "win32":
    extra_compile_args = ["/W3"]
else:
    extra_compile_args = ["-O3", "-Wall", "-Wextra", "-Wno-unused-function",
                          "-Wno-unused-parameter"]

# MININD_SANITIZE=address,undefined builds an instrumented extension.
sanitize = os.environ.get("MININD_SANITIZE")
extra_link_args = []
if sanitize:
    flags = [f"-fsanitize={sanitize}", "-fno-omit-frame-pointer", "-g"]
    extra_compile_args = [a for a in extra_compile_args if a != "-O3"]
    extra_compile_args += flags + ["-O1"]
    extra_link_args += flags

# MININD_POISON=1 fills every fresh, non-zeroed array buffer with 0xA5
# bytes, so that an element a routine forgot to write cannot pass for a
# right answer (CI runs the oracle tests against such a build).
define_macros = []
if os.environ.get("MININD_POISON") == "1":
    define_macros.append(("MININD_POISON", "1"))

extensions = [
    Extension(
        "minind." + os.path.splitext(os.path.basename(path))[0],
        [path],
        extra_compile_args=extra_compile_args,
        extra_link_args=extra_link_args,
        define_macros=define_macros,
    )
    for path in sorted(glob.glob("src/minind/*.pyx"))
]

setup(
    ext_modules=cythonize(
        extensions,
        compiler_directives={
            "language_level": 3,
            "embedsignature": True,
        },
        include_path=["src"],
    ),
)
