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

A build repeats no work it has done: a module whose C file is current is
not translated again (``translated``), and an editable install does not
recompile a module whose inputs are those of one it compiled before (the
build cache, ``build_cache``).  The README's two commands both
install minind; the second takes seconds, not minutes.
"""
import functools
import glob
import hashlib
import json
import os
import shutil
import sys

from Cython.Build import cythonize
from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


def usable_cores():
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


jobs = int(os.environ.get("MININD_BUILD_JOBS") or usable_cores())
here = os.path.dirname(os.path.abspath(__file__))


def digest(path):
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()

if sys.platform == "win32":
    extra_compile_args = ["/W3"]
else:
    extra_compile_args = ["-O3", "-Wall", "-Wextra", "-Wno-unused-function",
                          "-Wno-unused-parameter"]
    if "-g" not in os.environ.get("CFLAGS", "").split():
        extra_compile_args.append("-g0")

# MININD_SANITIZE=address,undefined builds an instrumented extension.
# Its debug information is line tables alone (-g1): all a sanitizer's
# report needs to name each frame's function, file and line, for 60 % of
# the compile time of full debug information (-g).
sanitize = os.environ.get("MININD_SANITIZE")
extra_link_args = []
if sanitize:
    flags = [f"-fsanitize={sanitize}", "-fno-omit-frame-pointer", "-g1"]
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

# One copy of each loop instead of one per vector width ("Wider vectors"
# in _kernels.pyx): for the sanitized build, whose instrumented loops do
# not vectorise (the copies would be one scalar loop compiled three
# times), and on request (MININD_CLONES=0: CI's runs on other Python
# versions, which check minind against each version's C API, not the
# loops' speed, which the default Python's runs measure).  The loops'
# results are the same: every copy is compiled from the same C.  (The
# few functions dispatched by hand, the AVX-512 division loops of
# _kernels.pyx and gathers of _dtype.pxd, keep both forms: they are not
# target clones.)
if sys.platform != "win32" and (
        sanitize or os.environ.get("MININD_CLONES", "1") == "0"):
    module_compile_args["_kernels"].append("-DMININD_NO_CLONES=1")


def links_libmvec(function="log", kind="double"):
    """Whether this compiler builds and links a loop that calls glibc's
    vector math library (libmvec) for ``function`` of ``kind``: GCC,
    glibc, x86-64 (and glibc 2.35 or later for the float functions beyond
    expf, logf, sinf, cosf and powf).  Anywhere else the vector loops of
    _kernels (see "Vectorised math" there) are plain scalar loops."""
    if sys.platform != "linux" or os.uname().machine != "x86_64":
        return False
    program = (
        f"{kind} minind_simd({kind}) __asm__(\"{function}\")\n"
        "    __attribute__((simd(\"notinbranch\"), const, nothrow));\n"
        f"{kind} a[64], b[64];\n"
        "int main(void) {\n"
        "#pragma omp simd\n"
        "    for (int i = 0; i < 64; i++) b[i] = minind_simd(a[i]);\n"
        "    return b[0] != 0;\n"
        "}\n")
    return builds(program, ["-O2", "-mavx2", "-fopenmp-simd", "-Werror"],
                  ["-lmvec", "-lm"])


def builds(program, flags, libraries=()):
    """Whether this machine's C compiler builds and links ``program``
    with ``flags``."""
    import shutil
    import subprocess
    import sysconfig
    import tempfile
    compiler = (os.environ.get("CC") or sysconfig.get_config_var("CC")
                or "cc").split()
    if not shutil.which(compiler[0]):
        return False
    with tempfile.TemporaryDirectory() as scratch:
        source = os.path.join(scratch, "probe.c")
        with open(source, "w") as file:
            file.write(program)
        result = subprocess.run(
            compiler + list(flags) + [source, "-o",
                                      os.path.join(scratch, "probe")]
            + list(libraries), capture_output=True)
    return result.returncode == 0


# Intel's fix for its jump-condition-code erratum (Skylake to Cascade Lake
# and their Xeons) stops a loop whose branch crosses or ends on a 32-byte
# boundary from running out of the decoded-instruction cache, and a short
# loop so placed runs 1.6 times slower: which of minind's loops (abs,
# negative, square...) paid it changed with every edit elsewhere in the
# file.  The GNU assembler pads such branches away.
JCC_PADDING = "-Wa,-mbranches-within-32B-boundaries"
if (sys.platform == "linux" and os.uname().machine == "x86_64"
        and builds("int main(void) { return 0; }\n", [JCC_PADDING])):
    extra_compile_args.append(JCC_PADDING)

# AMD's cores (Zen) fetch a loop 32 bytes at a time: a short loop that
# straddles a 32-byte boundary costs two fetches an iteration.  GCC's
# generic tuning aligns a loop only when that wastes at most 10 bytes,
# so which loops straddled changed with every edit: a strided copy of
# float64 (a 23-byte loop) ran at 1.7 times NumPy's time on an EPYC, and
# at NumPy's once its loop began on a 32-byte boundary.
ALIGN_LOOPS = "-falign-loops=32"
if (sys.platform != "win32" and os.uname().machine == "x86_64"
        and builds("int main(void) { return 0; }\n",
                   [ALIGN_LOOPS, "-Werror"])):
    extra_compile_args.append(ALIGN_LOOPS)


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
    # libmvec's own float functions, for the float32 loops whose float
    # version is within 1 ULP of the correctly rounded result on every
    # vector width (tanhf, exp2f; glibc 2.35)
    if links_libmvec("tanhf", "float") and links_libmvec("exp2f", "float"):
        module_compile_args["_kernels"] += ["-DMININD_LIBMVEC_FLOAT=1"]


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

    # Every module compiled goes through the build cache (see "The build
    # cache" below): a module whose inputs (the generated C, the flags,
    # the compiler, the Python) are those of one compiled before is
    # copied, not compiled again.

    def build_extension(self, ext):
        cache = build_cache(editable=getattr(self, "editable_mode", False))
        if cache is None:
            return super().build_extension(ext)
        target = self.get_ext_fullpath(ext.name)
        stored = os.path.join(cache, "modules", ext.name + "-"
                              + key(self._inputs(ext))
                              + os.path.splitext(target)[1])
        if os.path.exists(stored):
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copy2(stored, target)
            print(f"{ext.name}: compiled before from the same inputs, "
                  "taken from the build cache")
            return
        super().build_extension(ext)
        store(target, stored)

    def _inputs(self, ext):
        compiler = list(getattr(self.compiler, "compiler_so", []) or [])
        return {
            "sources": {source: digest(source) for source in ext.sources},
            "compile": list(ext.extra_compile_args),
            "link": list(ext.extra_link_args),
            "macros": [list(macro) for macro in ext.define_macros],
            # Python's headers: its version above says which they are (a
            # venv's own include folder, in self.include_dirs, differs
            # from build to build and holds nothing minind includes).
            "include": list(ext.include_dirs),
            "compiler": compiler,
            "compiler version": compiler_version(tuple(compiler)),
            "linker": list(getattr(self.compiler, "linker_so", []) or []),
            "python": sys.version,
        }


# The build cache.  Each module compiled, and each module translated from
# Cython to C, is stored under a digest of everything that went into it;
# a build that finds its inputs' digest there copies the stored output
# instead of doing the work again, so the output is what the work would
# have made.
#
# * An editable install (both of the README's commands) always uses
#   build/cache/ in the checkout: its build runs in a fresh temporary
#   directory each time, and without the cache the second command would
#   spend minutes compiling again what the first has just compiled.
# * Any other build (``pip install .``, a wheel, an sdist's build) uses
#   the directory named by MININD_BUILD_CACHE, if set.  CI sets it: its
#   wheel job builds, from the sdist, the modules its first install built
#   from the checkout, from the same sources (digests equal), with the
#   same compiler and Python.
#
# A translation's inputs are the .pyx, every .pxd of the package and this
# file (which holds the compiler directives), and Cython's version; a
# compilation's are listed in ``parallel_build_ext._inputs``.  Each module
# keeps its newest few entries.

CACHE_KEEP = 4


def build_cache(editable=False):
    cache = os.environ.get("MININD_BUILD_CACHE")
    if not cache and editable:
        cache = os.path.join(here, "build", "cache")
    return cache or None


def key(inputs):
    return hashlib.sha256(
        json.dumps(inputs, sort_keys=True).encode()).hexdigest()[:32]


@functools.lru_cache(maxsize=None)
def compiler_version(compiler):
    """``compiler --version`` (a tuple: the command), asked once a build,
    not once a module."""
    import subprocess
    try:
        return subprocess.run(list(compiler[:1]) + ["--version"],
                              capture_output=True, text=True).stdout
    except (OSError, IndexError):
        return None


def store(made, stored):
    """Put a copy of ``made`` at ``stored`` (written aside and renamed,
    so a build running beside this one never copies half a file), and
    drop the module's oldest entries beyond CACHE_KEEP."""
    folder = os.path.dirname(stored)
    os.makedirs(folder, exist_ok=True)
    aside = f"{stored}.{os.getpid()}.part"
    shutil.copy2(made, aside)
    os.replace(aside, stored)
    module = os.path.basename(stored).rsplit("-", 1)[0] + "-"
    entries = sorted((entry for entry in os.listdir(folder)
                      if entry.startswith(module)
                      and not entry.endswith(".part")),
                     key=lambda entry: os.path.getmtime(
                         os.path.join(folder, entry)))
    for entry in entries[:-CACHE_KEEP]:
        try:
            os.remove(os.path.join(folder, entry))
        except OSError:
            pass


def translation_inputs(pyx):
    import Cython
    package = glob.glob(os.path.join(os.path.dirname(pyx), "*.pxd"))
    return {
        "pyx": digest(pyx),
        "pxd": {os.path.basename(path): digest(path) for path in package},
        "setup.py": digest(os.path.join(here, "setup.py")),
        "cython": Cython.__version__,
    }


def translation_in_cache(pyx):
    cache = build_cache()
    if cache is None:
        return None
    return os.path.join(cache, "translations", module_name(pyx) + "-"
                        + key(translation_inputs(pyx)) + ".c")


def translated(extension):
    """The extension with its C file in place of its .pyx, if that C file
    is current: made by this Cython, and newer than the .pyx, than every
    .pxd of the package (any of them may be cimported) and than this file
    (which holds the compiler directives).  None otherwise.

    cythonize makes the same check, but it also counts Cython's own
    bundled .pxd files (libc/string.pxd...) as dependencies, and pip's
    isolated build environment installs those fresh, with new times, for
    every build: without this check every ``pip install`` translates every
    module again, a minute of work whose output is the C file already
    there.

    A C file that is not current is looked for in the build cache (below
    the build command): an sdist holds no C files, and its build in CI
    translates what CI's first install has translated.
    """
    import Cython
    pyx = extension.sources[0]
    c_file = os.path.splitext(pyx)[0] + ".c"
    try:
        with open(c_file) as file:
            header = file.readline()
        made = os.path.getmtime(c_file)
    except OSError:
        header, made = "", None
    inputs = [pyx, os.path.join(here, "setup.py")]
    inputs += glob.glob(os.path.join(os.path.dirname(pyx), "*.pxd"))
    current = (header.strip()
               == f"/* Generated by Cython {Cython.__version__} */"
               and not any(os.path.getmtime(path) > made
                           for path in inputs))
    if not current:
        stored = translation_in_cache(pyx)
        if stored is None or not os.path.exists(stored):
            return None
        shutil.copyfile(stored, c_file)     # a new time: newer than inputs
        print(f"{extension.name}: translated before from the same inputs, "
              "taken from the build cache")
    extension.sources = [c_file] + extension.sources[1:]
    return extension


current = [ext for ext in map(translated, list(extensions)) if ext]
stale = [ext for ext in extensions if ext not in current]
stale_pyx = [ext.sources[0] for ext in stale]
fresh = cythonize(
    stale,
    compiler_directives={
        "language_level": 3,
        "embedsignature": True,
    },
    include_path=["src"],
    nthreads=jobs if jobs > 1 else 0,
)
for pyx in stale_pyx:
    stored = translation_in_cache(pyx)
    if stored is not None:
        store(os.path.splitext(pyx)[0] + ".c", stored)

setup(
    ext_modules=current + fresh,
    cmdclass={"build_ext": parallel_build_ext},
)
