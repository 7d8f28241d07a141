"""Build the Cython extensions of minind.

Every ``src/minind/*.pyx`` becomes one extension module.  Compiler warnings
stay visible (``-Wall -Wextra``): a warning in generated C code usually
points at a real type mistake in the ``.pyx``.

The first build is a newcomer's first minute with the project, so it uses
every core: Cython translates the modules in parallel (``nthreads``), then
the C compiler builds them in parallel (``build_ext --parallel``), largest
first so that the big ``_kernels`` module does not start last.  Set
``MININD_BUILD_JOBS=1`` for a serial build with readable logs.

The modules are built without debug information (``-g0``): it does not
change the machine code (the .text sections are byte-identical), but
generating it took 30 % of the compile time and 80 % of the size of the
modules.  ``CFLAGS=-g`` (or a sanitizer build) brings it back.
"""
import glob
import os
import sys

from Cython.Build import cythonize
from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


def usable_cores():
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


jobs = int(os.environ.get("MININD_BUILD_JOBS") or usable_cores())

if sys.platform == "win32":
    extra_compile_args = ["/W3"]
else:
    extra_compile_args = ["-O3", "-Wall", "-Wextra", "-Wno-unused-function",
                          "-Wno-unused-parameter"]
    if "-g" not in os.environ.get("CFLAGS", "").split():
        extra_compile_args.append("-g0")

# MININD_SANITIZE=address,undefined builds an instrumented extension.
sanitize = os.environ.get("MININD_SANITIZE")
extra_link_args = []
if sanitize:
    flags = [f"-fsanitize={sanitize}", "-fno-omit-frame-pointer", "-g"]
    extra_compile_args = [a for a in extra_compile_args
                          if a not in ("-O3", "-g0")]
    extra_compile_args += flags + ["-O1"]
    extra_link_args += flags

# MININD_POISON=1 fills every fresh, non-zeroed array buffer with 0xA5
# bytes, so that an element a routine forgot to write cannot pass for a
# right answer (CI runs the oracle tests against such a build).
define_macros = []
if os.environ.get("MININD_POISON") == "1":
    define_macros.append(("MININD_POISON", "1"))

# The loops module only: C's math functions may leave errno alone
# (-fno-math-errno).  Nothing in minind reads errno, and with the flag GCC
# compiles sqrt to the sqrtsd/sqrtpd instruction instead of a test and a
# library call for each element, so a sqrt loop vectorises.  The results
# are the same: the C library's sqrt is that instruction too.
module_compile_args = {}
module_link_args = {}
if sys.platform != "win32":
    module_compile_args["_kernels"] = ["-fno-math-errno"]


def links_libmvec():
    """Whether this compiler builds and links a loop that calls glibc's
    vector math library (libmvec): GCC, glibc, x86-64.  Anywhere else the
    vector loops of _kernels (see "Vectorised math" there) are plain
    scalar loops."""
    if sys.platform != "linux" or os.uname().machine != "x86_64":
        return False
    import shutil
    import subprocess
    import sysconfig
    import tempfile
    compiler = (os.environ.get("CC") or sysconfig.get_config_var("CC")
                or "cc").split()
    if not shutil.which(compiler[0]):
        return False
    program = (
        "double minind_simd_log(double) __asm__(\"log\")\n"
        "    __attribute__((simd(\"notinbranch\"), const, nothrow));\n"
        "double a[64], b[64];\n"
        "int main(void) {\n"
        "#pragma omp simd\n"
        "    for (int i = 0; i < 64; i++) b[i] = minind_simd_log(a[i]);\n"
        "    return b[0] != 0;\n"
        "}\n")
    with tempfile.TemporaryDirectory() as scratch:
        source = os.path.join(scratch, "probe.c")
        with open(source, "w") as file:
            file.write(program)
        result = subprocess.run(
            compiler + ["-O2", "-mavx2", "-fopenmp-simd", "-Werror", source,
                        "-o", os.path.join(scratch, "probe"), "-lmvec",
                        "-lm"],
            capture_output=True)
    return result.returncode == 0


# glibc's vector math (libmvec), for the loops of exp, log, tanh...: see
# "Vectorised math" in _kernels.pyx.  -fopenmp-simd reads the loops'
# "#pragma omp simd" and needs no OpenMP runtime.
if os.environ.get("MININD_LIBMVEC", "1") != "0" and links_libmvec():
    module_compile_args["_kernels"] += ["-fopenmp-simd",
                                        "-DMININD_LIBMVEC=1"]
    if sanitize:
        # GCC does not vectorise a loop the sanitizers instrument, so the
        # loops call the scalar functions: the same loops (which the
        # sanitizers then check), but not the vector functions' results,
        # which _kernels.VECTOR_MATH must then not claim.
        module_compile_args["_kernels"] += ["-DMININD_SANITIZED=1"]
    module_link_args["_kernels"] = ["-lmvec"]


def module_name(path):
    return os.path.splitext(os.path.basename(path))[0]


extensions = [
    Extension(
        "minind." + module_name(path),
        [path],
        extra_compile_args=(extra_compile_args
                            + module_compile_args.get(module_name(path), [])),
        extra_link_args=(extra_link_args
                         + module_link_args.get(module_name(path), [])),
        define_macros=define_macros,
    )
    for path in sorted(glob.glob("src/minind/*.pyx"))
]


class parallel_build_ext(build_ext):
    """``build_ext`` that compiles ``jobs`` modules at once, largest first.

    An explicit ``--parallel N`` (or ``-j N``) on the command line wins.
    """

    def finalize_options(self):
        super().finalize_options()
        if self.parallel is None and jobs > 1:
            self.parallel = jobs

    def build_extensions(self):
        # Generated C size predicts compile time well enough: start the
        # longest jobs first, so that no core idles at the end.
        self.extensions.sort(
            key=lambda ext: -sum(os.path.getsize(source)
                                 for source in ext.sources))
        super().build_extensions()


setup(
    ext_modules=cythonize(
        extensions,
        compiler_directives={
            "language_level": 3,
            "embedsignature": True,
        },
        include_path=["src"],
        nthreads=jobs if jobs > 1 else 0,
    ),
    cmdclass={"build_ext": parallel_build_ext},
)
