# Floating-point errors: the C status flags a loop raises, read after it
# and reported as errstate says (_fperr.pyx).

cdef extern from "<fenv.h>" nogil:
    int FE_DIVBYZERO
    int FE_OVERFLOW
    int FE_UNDERFLOW
    int FE_INVALID
    int fetestexcept(int excepts)
    int feclearexcept(int excepts)
    int feraiseexcept(int excepts)


# A compiler barrier for a value about to be computed between two flag
# calls: the compiler may not move its computation across (C compilers
# do not treat the flags as memory, so without it they may).
cdef extern from *:
    """
    static inline void minind_fp_barrier(void *p) {
    #if defined(__GNUC__) || defined(__clang__)
        __asm__ volatile("" : : "r"(p) : "memory");
    #else
        (void)p;
    #endif
    }
    """
    void fp_barrier "minind_fp_barrier"(void* p) noexcept nogil


# The four flags NumPy reports (not FE_INEXACT, which almost every
# floating-point operation raises).
cdef inline int fp_status() noexcept nogil:
    return fetestexcept(FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW
                        | FE_INVALID)


# Clear them before a loop runs, so that what is set afterwards is the
# loop's.  Testing first is cheaper than clearing: they are almost
# always clear already.
cdef inline void clear_fp_status() noexcept nogil:
    if fp_status():
        feclearexcept(FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INVALID)


# Integer loops have no flags of their own: they raise them, as NumPy's
# do, for a division by zero and for MIN // -1.  (Rare paths: a library
# call there costs nothing that matters.)
cdef inline void raise_divide_by_zero() noexcept nogil:
    feraiseexcept(FE_DIVBYZERO)

cdef inline void raise_overflow() noexcept nogil:
    feraiseexcept(FE_OVERFLOW)

# A float -> integer conversion that no integer holds (NaN, inf), which
# minind's casts saturate instead of handing to the CPU.
cdef inline void raise_invalid() noexcept nogil:
    feraiseexcept(FE_INVALID)


# After the loops of a call named ``name`` ("divide", "reduce",
# "scalar add", ...): report the flags they raised as errstate says (a
# RuntimeWarning, a FloatingPointError, a call...) and clear them.  Costs
# one flag test when there is nothing to report.
cdef inline int check_fp_status(str name) except -1:
    cdef int status = fp_status()
    if status:
        return report_fp_status(status, name)
    return 0

cdef int report_fp_status(int status, str name) except -1

# Whether this thread is inside a reduction, whose casts are its own (see
# _fperr.pyx); defer_casts(1) on the way in, defer_casts(-1) out.
cdef bint casts_deferred() noexcept nogil
cdef void defer_casts(int change) noexcept nogil


# Code whose own flags must be told apart from those a call's earlier
# loops left up: ``before = set_aside_fp_status()`` clears them and
# returns them, ``feraiseexcept(before)`` puts them back.
cdef inline int set_aside_fp_status() noexcept nogil:
    cdef int before = fp_status()
    if before:
        feclearexcept(FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INVALID)
    return before


# A cast between two flag calls: ``before = begin_cast()``, the
# conversion, ``end_cast(before)``, which reports what the conversion
# raised as "... encountered in cast" and leaves the flags that were
# already up as they were.
cdef inline int begin_cast() noexcept nogil:
    return set_aside_fp_status()

cdef inline int end_cast(int before) except -1:
    cdef int status = fp_status()
    if status:
        report_fp_status(status, "cast")
    if before:
        feraiseexcept(before)
    return 0
