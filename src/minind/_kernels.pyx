# cython: boundscheck=False, wraparound=False, cdivision=True
"""The typed 1-d loops every ufunc runs: one expression per operation.

A loop gets what NumPy's inner loops get: one pointer per operand (inputs
first, then the output), the number of elements ``n`` and each operand's
byte step.  ``binary_loop`` is the reference, annotated in full; the other
loops have the same shape.

Each operation is a tag type (an empty struct) so that Cython's fused
types compile one specialised loop per (element type, operation) pair:
the ``if binop_t is AddOp`` tests disappear at compile time and each loop
body is a single expression the C compiler can vectorise.  Integer
arithmetic wraps around (computed in unsigned arithmetic, since signed
overflow is undefined in C); integer division by zero gives 0 and raises
the divide-by-zero flag (``_fperr.pyx``), as in NumPy.  NumPy
counterparts: ``loops_arithm_fp.dispatch.c.src``, ``loops.c.src``.

Operations that only one kind of number has -- shifts, gcd and lcm for
integers, the C library's functions (``acos``, ``hypot``...) for floats --
are helpers over ``integer_t`` or ``real_t`` (the two halves of
``item_t``), reached through ``_for_integer_type`` or ``_for_float_type``:
no loop is compiled for a pair such as (float, left shift) that NumPy's
type tables never dispatch.
"""
from libc.stdint cimport (int8_t, int16_t, int32_t, int64_t,
                          uint8_t, uint16_t, uint32_t, uint64_t, INT64_MIN)
from libc.string cimport memchr, memcpy, memset
# Every C-library function twice: the double version (``acos``) and the
# float one (``acosf``), so a scalar float32 loop computes in float32 as
# NumPy's.  (Where the vector loops are built, float32 goes through double
# instead: see "Vectorised math".)
from libc.math cimport (
    M_PI, M_LN2, M_LOG2E, INFINITY, isnan, isinf, isfinite, signbit,
    fabs, fabsf, pow, powf,
    sqrt, sqrtf, exp, expf, exp2, exp2f, expm1, expm1f,
    log, logf, log2, log2f, log10, log10f, log1p, log1pf, cbrt, cbrtf,
    sin, sinf, cos, cosf, tan, tanf, asin, asinf, acos, acosf, atan, atanf,
    sinh, sinhf, cosh, coshf, tanh, tanhf, asinh, asinhf, acosh, acoshf,
    atanh, atanhf, atan2, atan2f, hypot, hypotf, copysign, copysignf,
    nextafter, nextafterf, floor, floorf, ceil, ceilf, trunc, truncf,
    rint, rintf, fma)
from libc.float cimport FLT_MIN, DBL_MIN
cdef extern from *:
    """
    /* fmod(x, y), exact as every fmod is, by the x87 partial remainder:
       each FPREM reduces x's exponent by up to 63 bits and says in C2 of
       the status word whether it must run again.  glibc before 2.38
       computes fmod a bit at a time in C (14 ns an element for numbers
       near 1 here); NumPy's loops reach FPREM through the compiler.  The
       operands widen to 80 bits exactly and the remainder, smaller than
       y in magnitude and a multiple of the smaller ulp, narrows back
       exactly.  Its sign is x's (-0.0 for -6 % 3), an infinite x or a
       zero y gives the default NaN and "invalid", a NaN operand passes
       through: fmod's answers and flags. */
    #if (defined(__GNUC__) || defined(__clang__)) \
        && (defined(__x86_64__) || defined(__i386__))
    static inline double minind_fmod(double x, double y)
    {
        long double r = x;
        unsigned short status;
        do {
            __asm__("fprem; fnstsw %%ax"
                    : "+t"(r), "=a"(status) : "u"((long double)y));
        } while (status & 0x400);
        return (double)r;
    }
    #else
    #define minind_fmod fmod
    #endif
    """
    double exact_fmod "minind_fmod"(double x, double y) noexcept nogil


cdef extern from "<math.h>" nogil:
    # C99's comparisons that raise no flag for a NaN (_fperr.pyx)
    bint isless(double x, double y)
    bint isgreater(double x, double y)
from minind._fperr cimport (raise_divide_by_zero, raise_overflow, fp_status,
                            set_aside_fp_status, feclearexcept,
                            feraiseexcept, FE_DIVBYZERO, FE_OVERFLOW,
                            FE_UNDERFLOW, FE_INVALID)
from minind._dtype cimport (item_t, integer_t, real_t, load_item,
                            store_item, gather, in_items as _in_items,
                            T_BOOL, T_INT8, T_UINT8, T_INT16,
                            T_UINT16, T_INT32, T_UINT32, T_INT64, T_UINT64,
                            T_FLOAT32, T_FLOAT64)


# ---------------------------------------------------------------------------
# One element of each operation
# ---------------------------------------------------------------------------

cdef inline item_t _floor_divide(item_t a, item_t b) noexcept nogil:
    """Python's // : the quotient rounded toward minus infinity."""
    cdef item_t q, r
    cdef item_t mod, div, result   # floats: in the operands' own type
    if item_t is float or item_t is double:
        # As NumPy's npy_divmod: from fmod, corrected to the sign of b, so
        # floor_divide and remainder agree (a == q * b + r).  Every step
        # rounds in the operands' type, as NumPy's float32 npy_divmodf
        # does: a - mod rounded to float32 changes the quotient (in double,
        # 479700320 // 15 came out 31980020 where NumPy says 31980022).
        if b == 0:
            return a / b
        # (isless/isgreater: comparisons that stay quiet for a NaN, where
        # < raises "invalid", which NumPy does not report here)
        mod = exact_fmod(a, b)
        div = (a - mod) / b
        if mod != 0 and (isless(b, 0) != isless(mod, 0)):
            div -= 1.0
        if div != 0:
            result = floor(div)
            if isgreater(div - result, 0.5):
                result += 1.0
        else:
            result = copysign(0.0, a / b)
        return result
    else:
        if b == 0:
            raise_divide_by_zero()        # NumPy: 0 and a warning
            return 0
        if (item_t is int8_t or item_t is int16_t or item_t is int32_t
                or item_t is int64_t):
            if b == -1:
                q = <item_t>(0 - <uint64_t>a)   # MIN // -1 wraps to MIN
                if q < 0 and a < 0:
                    raise_overflow()
                return q
            q = a // b   # cdivision: C truncation toward zero
            r = a - q * b
            if r != 0 and ((r < 0) != (b < 0)):
                q -= 1
            return q
        else:
            return a // b


cdef inline item_t _remainder(item_t a, item_t b) noexcept nogil:
    """Python's % : the remainder takes the sign of the divisor."""
    cdef item_t r
    cdef item_t mod      # floats: in the operands' type (_floor_divide)
    if item_t is float or item_t is double:
        if b == 0:
            return <item_t>exact_fmod(a, b)      # nan
        mod = exact_fmod(a, b)
        if mod != 0:
            if isless(b, 0) != isless(mod, 0):   # (quiet: see above)
                mod += b
        else:
            mod = copysign(0.0, b)
        return mod
    else:
        if b == 0:
            raise_divide_by_zero()
            return 0
        if (item_t is int8_t or item_t is int16_t or item_t is int32_t
                or item_t is int64_t):
            if b == -1:
                return 0
            r = a % b
            if r != 0 and ((r < 0) != (b < 0)):
                r += b
            return r
        else:
            return a % b


# ---------------------------------------------------------------------------
# Integer division by an invariant divisor (``a // 7``, ``a % 7``)
# ---------------------------------------------------------------------------
#
# A divide instruction costs 20 to 90 cycles and no x86 vector unit has an
# integer one, so ``_floor_divide`` element by element is slow.  When the
# divisor is the same for the whole loop (a scalar operand, step 0), we
# replace the division by a multiplication and shifts whose constants are
# computed once per call: Granlund and Montgomery, "Division by Invariant
# Integers using Multiplication" (PLDI 1994), section 4.  NumPy does the
# same (with libdivide's constants in ``loops_arithmetic.dispatch.c.src``).
#
# For an N-bit unsigned x and a divisor 1 <= u < 2**N, let
# l = ceil(log2(u)) and  m = floor(2**N * (2**l - u) / u) + 1  (m < 2**N).
# Then, with t = the high half of the 2N-bit product m * x,
#
#     x // u == (t + ((x - t) >> min(l, 1))) >> max(l - 1, 0)
#
# for every x (the paper's Theorem 4.2 and Figure 4.1).  The sum t +
# (x - t) / 2 is the paper's trick for the (N+1)-bit multiplier
# 2**N + m without overflowing N bits.  u = 1 (l = 0, m = 1) and powers of
# two (m = 1) need no special case: t is 0 and the shifts do the work.
#
# Signed floor division reduces to it.  For d > 0 and x < 0,
# floor(x / d) == -1 - (-1 - x) // d, and -1 - x is ~x: with s the sign
# mask of x (all ones when x < 0), q = s ^ ((x ^ s) // d).  For d < 0,
# floor(x / d) == floor(-x / |d|): the same identity with -x, but -x
# overflows for the type's minimum, so the mask is (x > 0) and the
# operand (-x) ^ s, which for x = MIN is the unsigned 2**(N-1), exact.
# MIN // -1 therefore gives MIN (wrapped), as NumPy 2.4 does.  The
# remainder is x - q * d, in wrapping arithmetic: its sign follows d.
#
# Every step is a compare, mask, add or shift on N-bit lanes and the
# loops have no branch, so GCC vectorises them: 8-, 16- and 32-bit lanes
# multiply with widening vector multiplies.  64-bit lanes have no vector
# multiply-high: with AVX-512 they build it from 32-bit products, eight
# lanes at a time; elsewhere they use the scalar 64x64->128-bit multiply,
# still several times faster than the divide instruction.

cdef extern from *:
    """
    /* High 64 bits of the 128-bit product a * b, from four 32x32->64
       partial products (school method): portable, and what vectorises
       (see minind_divide_uint64). */
    static inline uint64_t minind_multiply_high64_parts(uint64_t a,
                                                        uint64_t b)
    {
        uint64_t a_lo = (uint32_t)a, a_hi = a >> 32;
        uint64_t b_lo = (uint32_t)b, b_hi = b >> 32;
        uint64_t lo_lo = a_lo * b_lo, hi_lo = a_hi * b_lo;
        uint64_t lo_hi = a_lo * b_hi, hi_hi = a_hi * b_hi;
        uint64_t middle = (lo_lo >> 32) + (uint32_t)hi_lo + lo_hi;
        return hi_hi + (hi_lo >> 32) + (middle >> 32);
    }
    /* The same, one multiply instruction where C has 128-bit integers. */
    static inline uint64_t minind_multiply_high64(uint64_t a, uint64_t b)
    {
    #if defined(__SIZEOF_INT128__)
        return (uint64_t)(((unsigned __int128)a * b) >> 64);
    #else
        return minind_multiply_high64_parts(a, b);
    #endif
    }

    /* Run-time dispatch by CPU features: GCC builds a function marked so
       once per target and the dynamic loader picks one (an ifunc).  See
       "Wider vectors" below for why; empty where unsupported, and where
       the build asks for one copy of each loop (MININD_NO_CLONES, set by
       setup.py for the sanitized build and for MININD_CLONES=0: each
       copy is the same C, so a build that checks the C and not its speed
       compiles it once, the default target's, as any x86-64 runs it). */
    #if defined(__GNUC__) && defined(__x86_64__) && defined(__ELF__) \\
        && (!defined(__clang__) || __clang_major__ >= 14) \\
        && !defined(MININD_NO_CLONES)
    #define MININD_CLONES_SUPPORTED 1
    #endif
    #if defined(MININD_CLONES_SUPPORTED)
    #define MININD_WIDE_VECTORS \\
        __attribute__((target_clones("avx512f", "avx2", "default")))
    #else
    #define MININD_WIDE_VECTORS
    #endif

    /* The same without the AVX-512 clone, for the rounding loops
       (floor, ceil, trunc, rint), whose AVX-512 form took 1.4 times
       NumPy's time at 10**5 (float32 and float64, in cache) and AVX2's
       0.96, as NumPy's own rounding loops stop at AVX2.  (Aligning the
       output to 64 bytes first, so that no 512-bit store crosses a
       cache line, got 1.1; the sign, abs and isnan loops measured the
       same or slower without AVX-512, and keep it.) */
    #if defined(MININD_CLONES_SUPPORTED)
    #define MININD_HALF_VECTORS \\
        __attribute__((target_clones("avx2", "default")))
    #else
    #define MININD_HALF_VECTORS
    #endif

    /* The same for minind's own math kernels, which need fused
       multiply-add for their exact residuals (fma(-r, d, n) is what
       rounding n / d lost): the x86-64-v4 and -v3 levels include FMA,
       the avx512f and avx2 targets above do not (without it fma() is a
       call into the C library per element: exact, but several times
       slower than the whole kernel). */
    #if defined(MININD_CLONES_SUPPORTED) && !defined(__clang__) \\
        && __GNUC__ >= 12
    #define MININD_FMA_VECTORS __attribute__((target_clones( \\
        "arch=x86-64-v4", "arch=x86-64-v3", "default")))
    #else
    #define MININD_FMA_VECTORS MININD_WIDE_VECTORS
    #endif

    /* The same for the integer, compare and max/min loops, with all of
       AVX-512 that x86-64-v4 names: AVX-512F alone has no byte lanes
       (AVX512BW) to narrow a compare's mask into, no 64-bit multiply
       (AVX512DQ) and no 256-bit forms of either (AVX512VL), and its
       clones took 1.5 times NumPy's time for a float64 compare with a
       scalar, an int64 multiply and a strided int64 max (this clone:
       1.0, 0.84, 1.04).  Not for the float arithmetic: the level
       includes FMA, which would let GCC fuse a kernel's a * b + c and
       change its bits, and its strided float loops came out 1.4 times
       slower than the AVX-512F clone's. */
    #if defined(MININD_CLONES_SUPPORTED) && !defined(__clang__) \\
        && __GNUC__ >= 12
    #define MININD_V4_VECTORS __attribute__((target_clones( \\
        "arch=x86-64-v4", "avx2", "default")))
    #else
    #define MININD_V4_VECTORS MININD_WIDE_VECTORS
    #endif

    /* The high half of the double-width product of two N-bit words.  The
       product is truncated to the double width before the shift, so GCC
       sees 16-bit (for bytes) and 32-bit (for uint16) vector lanes, not
       C's int promotion to 32 bits, which would quarter the width. */
    #define MININD_HIGH_uint8(m, x) \\
        ((uint8_t)((uint16_t)((uint16_t)(m) * (uint16_t)(x)) >> 8))
    #define MININD_HIGH_uint16(m, x) \\
        ((uint16_t)(((uint32_t)(m) * (uint32_t)(x)) >> 16))
    #define MININD_HIGH_uint32(m, x) \\
        ((uint32_t)(((uint64_t)(m) * (uint64_t)(x)) >> 32))
    #define MININD_HIGH_uint64(m, x) minind_multiply_high64((m), (x))

    /* divide_by_invariant's three loops for one word type (see there):
       kind 0 unsigned, 1 signed with d > 0, 2 signed with d < 0.  The
       shift counts are below N; masking them with N - 1 changes nothing
       but tells GCC so, and it shifts bytes in 16-bit lanes. */
    #define MININD_DIVIDE(word)                                            \\
        MININD_DIVIDE_LOOP(minind_divide_##word, word, MININD_HIGH_##word,  \\
                           MININD_V4_VECTORS)
    /* The sign mask of x and the magnitude y it divides as (kind 0
       unsigned, 1 signed with d > 0, 2 signed with d < 0; see there),
       for the word loop and the reciprocal one below. */
    #define MININD_SIGN_AND_MAGNITUDE(word, x, sign, y)                    \\
        do {                                                               \\
            if (kind == 0) {                                               \\
                sign = 0;                                                  \\
                y = x;                                                     \\
            } else if (kind == 1) {            /* x < 0 */                 \\
                sign = (word##_t)(0 - (x >> top));                         \\
                y = (word##_t)(x ^ sign);                                  \\
            } else {                           /* x > 0, see there */      \\
                sign = (word##_t)((word##_t)((word##_t)((word##_t)(x - 1)  \\
                                                        | x) >> top) - 1); \\
                y = (word##_t)((word##_t)(0 - x) ^ sign);                  \\
            }                                                              \\
        } while (0)
    #define MININD_DIVIDE_LOOP(name, word, HIGH, TARGETS)                  \\
    static TARGETS void name(                                              \\
        const word##_t *items, word##_t *out, ptrdiff_t n,                 \\
        word##_t divisor, int kind, int want_remainder,                    \\
        word##_t multiplier, int first_shift, int second_shift)            \\
    {                                                                      \\
        const int top = (int)sizeof(word##_t) * 8 - 1;                     \\
        const int shift1 = first_shift & top, shift2 = second_shift & top; \\
        ptrdiff_t i;                                                       \\
        for (i = 0; i < n; i++) {                                          \\
            word##_t x = items[i], sign, y, high, quotient;                \\
            MININD_SIGN_AND_MAGNITUDE(word, x, sign, y);                   \\
            high = HIGH(multiplier, y);                                    \\
            quotient = (word##_t)(sign ^ (word##_t)((word##_t)(high        \\
                + (word##_t)((word##_t)(y - high) >> shift1)) >> shift2)); \\
            out[i] = want_remainder                                        \\
                ? (word##_t)(x - (word##_t)(quotient * divisor))           \\
                : quotient;                                                \\
        }                                                                  \\
    }
    MININD_DIVIDE(uint8)
    MININD_DIVIDE(uint16)
    MININD_DIVIDE(uint32)

    /* Bytes divided in 16-bit lanes.  x86 has no byte shifts and no byte
       multiply, so the 8-bit loop above widened and narrowed its bytes
       around each shift (uint8 a // 3 at 10**5: 3.4 times NumPy's time).
       In 16-bit lanes the widening is once, at the load, and the spare
       bits leave no shift at all: for y < 2**8 and a divisor
       2 <= u <= 255, the 16-bit multiplier m = ceil(2**16 / u) gives
       y // u == m y >> 16 exactly (with y = q u + r, m y / 2**16 is
       q + r / u + y e / (u 2**16), e = m u - 2**16 < u, and y e < 2**16
       keeps the last two terms below 1), and m y >> 16 is the vector
       multiply-high of 16-bit lanes.  Signed bytes: the sign mask and y
       as in the word loop, in 16 bits, where -(-128) is 128 and needs no
       care.  The loop's three bodies, by kind; the remainder x - q d
       wraps to a byte as NumPy's does. */
    #define MININD_BYTES_LOOP(X, SIGN, Y)                                  \\
        do {                                                               \\
            for (i = 0; i < n; i++) {                                      \\
                int16_t x = X, sign = SIGN;                                \\
                uint16_t y = (uint16_t)(Y);                                \\
                int16_t quotient = (int16_t)(                              \\
                    (uint16_t)(((uint32_t)y * multiplier) >> 16)           \\
                    ^ (uint16_t)sign);                                     \\
                out[i] = (uint8_t)(want_remainder                          \\
                                   ? (int16_t)(x - quotient * divisor)     \\
                                   : quotient);                            \\
            }                                                              \\
        } while (0)
    static MININD_V4_VECTORS void minind_divide_bytes(
        const uint8_t *items, uint8_t *out, ptrdiff_t n, int16_t divisor,
        int kind, int want_remainder, uint16_t multiplier)
    {
        ptrdiff_t i;
        if (kind == 0)
            MININD_BYTES_LOOP((int16_t)items[i], 0, x);
        else if (kind == 1)                          /* x < 0 */
            MININD_BYTES_LOOP((int16_t)(int8_t)items[i], x >> 15, x ^ sign);
        else                                         /* x > 0 */
            MININD_BYTES_LOOP((int16_t)(int8_t)items[i], -(x > 0),
                              (-x) ^ sign);
    }

    /* 32- and 64-bit words through double, where AVX-512's conversions
       between doubles and 64-bit integers (AVX512DQ) make it a few
       vector instructions: y // u == floor(y * r) for y < 2**49, with r
       = 1 / u rounded up to a double.  (y r is at least y / u, so an
       exact quotient is not rounded below itself; and at most
       y / u + y ulp(1 / u), which with the product's own rounding stays
       below y / u + 1 / u: not past the next integer.)  The sign mask
       and y are the word loop's.  A 64-bit block of 256 with an item of
       2**49 or more in magnitude divides by the word loop instead.
       uint32 a // 7 at 10**5 took 1.7 times NumPy's time in the word
       loop, which widens and narrows its 32-bit lanes around each shift
       as the byte loop did; uint64 2.0. */
    #define MININD_RECIPROCAL_LOOP(word, FROM)                             \\
        do {                                                               \\
            for (k = i; k < end; k++) {                                    \\
                word##_t x = items[k], sign, y, quotient;                  \\
                MININD_SIGN_AND_MAGNITUDE(word, x, sign, y);               \\
                quotient = (word##_t)(sign                                 \\
                    ^ (word##_t)(int64_t)(FROM(y) * reciprocal));          \\
                out[k] = want_remainder                                    \\
                    ? (word##_t)(x - (word##_t)(quotient * divisor))       \\
                    : quotient;                                            \\
            }                                                              \\
        } while (0)
    #define MININD_FROM_UINT32(y) ((double)(y))
    #define MININD_FROM_UINT64(y) ((double)(int64_t)(y))
    #if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12         \\
        && defined(__x86_64__) && defined(__ELF__)
    static __attribute__((target("arch=x86-64-v4"))) void
    minind_reciprocal_uint32(const uint32_t *items, uint32_t *out,
                             ptrdiff_t n, uint32_t divisor, int kind,
                             int want_remainder, double reciprocal)
    {
        const int top = 31;
        ptrdiff_t i = 0, k, end = n;
        MININD_RECIPROCAL_LOOP(uint32, MININD_FROM_UINT32);
    }
    static __attribute__((target("arch=x86-64-v4"))) int
    minind_reciprocal_uint64(const uint64_t *items, uint64_t *out,
                             ptrdiff_t n, uint64_t divisor, int kind,
                             int want_remainder, double reciprocal,
                             ptrdiff_t *far_start)
    {
        /* the first block with an item out of range: its start in
           *far_start, return 1; the caller divides from there on */
        const int top = 63;
        const uint64_t bound = (uint64_t)1 << 49;
        ptrdiff_t i, k, end;
        for (i = 0; i < n; i = end) {
            unsigned char far = 0;
            end = n - i < 256 ? n : i + 256;
            if (kind == 0)
                for (k = i; k < end; k++)
                    far |= items[k] >= bound;
            else
                for (k = i; k < end; k++)
                    far |= items[k] + bound >= 2 * bound;
            if (far) {
                *far_start = i;
                return 1;
            }
            MININD_RECIPROCAL_LOOP(uint64, MININD_FROM_UINT64);
        }
        return 0;
    }
    static int minind_has_reciprocal(void)
    {
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx512f")
               && __builtin_cpu_supports("avx512dq")
               && __builtin_cpu_supports("avx512vl")
               && __builtin_cpu_supports("avx512bw");
    }
    #else
    static void minind_reciprocal_uint32(const uint32_t *items,
                                         uint32_t *out, ptrdiff_t n,
                                         uint32_t divisor, int kind,
                                         int want_remainder,
                                         double reciprocal) {}
    static int minind_reciprocal_uint64(const uint64_t *items,
                                        uint64_t *out, ptrdiff_t n,
                                        uint64_t divisor, int kind,
                                        int want_remainder,
                                        double reciprocal,
                                        ptrdiff_t *far_start)
    {
        *far_start = 0;
        return 1;
    }
    static int minind_has_reciprocal(void) { return 0; }
    #endif

    /* uint64: x86 has no vector multiply of 64-bit words to a 128-bit
       product, so GCC computes the __int128 product one element at a
       time.  Four 32x32->64 partial products (the portable form above)
       vectorise, and with AVX-512's eight lanes they beat the scalar
       multiply (int64 a // 7 at 10**4, on AMD's Zen 5: 9.6 us against
       NumPy's 3.8 with __int128); with AVX2's four they do not (a C loop
       measured 6.1 us against 5.5), nor with SSE2's two (11.9).  So the
       AVX-512 loop is built apart, and chosen at run time. */
    #if defined(__GNUC__) && defined(__x86_64__) && defined(__ELF__) \\
        && (!defined(__clang__) || __clang_major__ >= 14)
    #define MININD_HIGH_PARTS(m, x) minind_multiply_high64_parts((m), (x))
    MININD_DIVIDE_LOOP(minind_divide_uint64_avx512, uint64,
                       MININD_HIGH_PARTS,
                       __attribute__((target("avx512f"))))
    MININD_DIVIDE_LOOP(minind_divide_uint64_scalar, uint64,
                       MININD_HIGH_uint64, MININD_WIDE_VECTORS)
    static void minind_divide_uint64(
        const uint64_t *items, uint64_t *out, ptrdiff_t n, uint64_t divisor,
        int kind, int want_remainder, uint64_t multiplier, int first_shift,
        int second_shift)
    {
        if (__builtin_cpu_supports("avx512f"))
            minind_divide_uint64_avx512(items, out, n, divisor, kind,
                                        want_remainder, multiplier,
                                        first_shift, second_shift);
        else
            minind_divide_uint64_scalar(items, out, n, divisor, kind,
                                        want_remainder, multiplier,
                                        first_shift, second_shift);
    }
    #else
    MININD_DIVIDE(uint64)
    #endif
    """
    uint64_t multiply_high64 "minind_multiply_high64"(
        uint64_t a, uint64_t b) noexcept nogil
    void divide_uint8 "minind_divide_uint8"(
        const uint8_t* items, uint8_t* out, Py_ssize_t n, uint8_t divisor,
        int kind, int want_remainder, uint8_t multiplier, int first_shift,
        int second_shift) noexcept nogil
    void divide_bytes "minind_divide_bytes"(
        const uint8_t* items, uint8_t* out, Py_ssize_t n, int16_t divisor,
        int kind, int want_remainder, uint16_t multiplier) noexcept nogil
    int has_reciprocal "minind_has_reciprocal"() noexcept nogil
    void reciprocal_uint32 "minind_reciprocal_uint32"(
        const uint32_t* items, uint32_t* out, Py_ssize_t n,
        uint32_t divisor, int kind, int want_remainder,
        double reciprocal) noexcept nogil
    int reciprocal_uint64 "minind_reciprocal_uint64"(
        const uint64_t* items, uint64_t* out, Py_ssize_t n,
        uint64_t divisor, int kind, int want_remainder, double reciprocal,
        Py_ssize_t* far_start) noexcept nogil
    void divide_uint16 "minind_divide_uint16"(
        const uint16_t* items, uint16_t* out, Py_ssize_t n,
        uint16_t divisor, int kind, int want_remainder, uint16_t multiplier,
        int first_shift, int second_shift) noexcept nogil
    void divide_uint32 "minind_divide_uint32"(
        const uint32_t* items, uint32_t* out, Py_ssize_t n,
        uint32_t divisor, int kind, int want_remainder, uint32_t multiplier,
        int first_shift, int second_shift) noexcept nogil
    void divide_uint64 "minind_divide_uint64"(
        const uint64_t* items, uint64_t* out, Py_ssize_t n,
        uint64_t divisor, int kind, int want_remainder, uint64_t multiplier,
        int first_shift, int second_shift) noexcept nogil


ctypedef fused word_t:
    uint8_t
    uint16_t
    uint32_t
    uint64_t


ctypedef struct InvariantDivisor:
    uint64_t multiplier       # m above, below 2**N
    int first_shift           # min(l, 1)
    int second_shift          # max(l - 1, 0)


cdef InvariantDivisor invariant_divisor(uint64_t magnitude,
                                        int bits) noexcept nogil:
    """The constants for dividing ``bits``-bit unsigned values by
    ``magnitude`` (1 <= magnitude < 2**bits), computed once per loop.

    floor(2**bits * r / magnitude) with r = 2**l - magnitude < magnitude
    is a long division, one quotient bit per step: a 64-bit value has no
    wider type to divide in, and ``bits`` steps once per call cost
    nothing next to the loop."""
    cdef InvariantDivisor divisor
    cdef int l = 0, step
    cdef uint64_t remainder, quotient = 0, carry
    while l < 64 and (<uint64_t>1 << l) < magnitude:
        l += 1
    # 2**l - magnitude, wrapping when l == 64 (uint64 divisors > 2**63).
    remainder = (<uint64_t>1 << l if l < 64 else 0) - magnitude
    for step in range(bits):
        carry = remainder >> 63           # the doubling's 65th bit
        remainder <<= 1
        quotient <<= 1
        if carry or remainder >= magnitude:
            remainder -= magnitude        # wraps to the right value
            quotient |= 1
    divisor.multiplier = quotient + 1
    divisor.first_shift = 1 if l > 0 else 0
    divisor.second_shift = l - 1 if l > 0 else 0
    return divisor


cdef void divide_by_invariant(const word_t* items, word_t* out,
                              Py_ssize_t n, word_t divisor, bint is_signed,
                              bint want_remainder) noexcept nogil:
    """``out[i] = items[i] // divisor`` (or ``%``) with Python's floor
    rounding, items and divisor as N-bit words (two's complement when
    ``is_signed``).  A zero divisor gives 0, as ``_floor_divide`` does.

    The loop is C (``minind_divide_*``) so that it has AVX-512 and AVX2
    copies, as the float loops below: one body per word type whose sign
    case (``kind``) and remainder choice are loop-invariant, so GCC
    unswitches them into branch-free loops.  For item x, with the sign
    mask s and y = x ^ s (or -x ^ s for d < 0) as explained above, the
    quotient is s ^ ((t + ((y - t) >> first_shift)) >> second_shift),
    t = the high half of multiplier * y."""
    cdef int top = <int>sizeof(word_t) * 8 - 1
    cdef bint negative = is_signed and (divisor >> top) != 0
    cdef word_t magnitude = <word_t>(0 - divisor) if negative else divisor
    cdef InvariantDivisor constants
    cdef word_t multiplier
    cdef int first_shift, second_shift, kind
    cdef Py_ssize_t i, far = 0
    if divisor == 0:
        for i in range(n):
            out[i] = 0
        if n:
            raise_divide_by_zero()
        return
    constants = invariant_divisor(magnitude, top + 1)
    multiplier = <word_t>constants.multiplier
    first_shift = constants.first_shift
    second_shift = constants.second_shift
    if not is_signed:
        kind = 0
    elif not negative:
        kind = 1        # sign: x < 0, the top bit spread over the word
    else:
        # sign: x > 0 as a signed number: the top bit of (x - 1) | x is
        # clear (it is set for 0, MIN and the negatives).  Written with
        # word operations, not comparisons, which GCC does not vectorise
        # here (C converts their results to int).
        kind = 2
    if word_t is uint8_t:
        if magnitude > 1:                 # see minind_divide_bytes
            divide_bytes(items, out, n,
                         <int8_t>divisor if is_signed else divisor, kind,
                         want_remainder, (65535 + magnitude) // magnitude)
            return
        divide_uint8(items, out, n, divisor, kind, want_remainder,
                     multiplier, first_shift, second_shift)
    elif word_t is uint16_t:
        divide_uint16(items, out, n, divisor, kind, want_remainder,
                      multiplier, first_shift, second_shift)
    elif word_t is uint32_t:
        if HAS_RECIPROCAL and magnitude > 1:
            reciprocal_uint32(items, out, n, divisor, kind, want_remainder,
                              _reciprocal_above(magnitude))
            return
        divide_uint32(items, out, n, divisor, kind, want_remainder,
                      multiplier, first_shift, second_shift)
    else:
        if (HAS_RECIPROCAL and magnitude > 1
                and magnitude <= <uint64_t>1 << 32):
            if not reciprocal_uint64(items, out, n, divisor, kind,
                                     want_remainder,
                                     _reciprocal_above(magnitude), &far):
                return
            items += far                  # from the first far block on
            out += far
            n -= far
        divide_uint64(items, out, n, divisor, kind, want_remainder,
                      multiplier, first_shift, second_shift)


# Whether this CPU runs minind_reciprocal_* (AVX-512 with DQ, VL, BW).
cdef bint HAS_RECIPROCAL = has_reciprocal()


cdef double _reciprocal_above(uint64_t magnitude) noexcept nogil:
    """1 / magnitude rounded up to a double (magnitude <= 2**32, exact
    as a double): the nearest double, or the next one above it if that
    is below (the sign of fma(r, u, -1), exact)."""
    cdef double u = <double>magnitude
    cdef double r = 1.0 / u
    if fma(r, u, -1.0) < 0:
        r = nextafter(r, INFINITY)
    return r


cdef inline item_t _power(item_t a, item_t b) noexcept nogil:
    """a ** b; integers by repeated squaring, wrapping around like C.
    (Negative integer exponents are refused before the loop runs.)"""
    cdef uint64_t base, result = 1
    cdef uint64_t exponent
    if item_t is float:
        return powf(a, b)
    elif item_t is double:
        return pow(a, b)
    else:
        if (item_t is int8_t or item_t is int16_t or item_t is int32_t
                or item_t is int64_t):
            if b < 0:
                return 0
        base = <uint64_t>a
        exponent = <uint64_t>b
        while exponent:
            if exponent & 1:
                result *= base
            base *= base
            exponent >>= 1
        return <item_t>result


cdef inline bint _below_zero(integer_t a) noexcept nogil:
    """a < 0, spelled so that unsigned types compile to a constant False
    (C warns about ``a < 0`` on an unsigned type)."""
    if (integer_t is uint8_t or integer_t is uint16_t
            or integer_t is uint32_t or integer_t is uint64_t):
        return False
    else:
        return a < 0


cdef inline uint64_t _magnitude(integer_t a) noexcept nogil:
    """|a| as an unsigned 64-bit number: exact even for the minimum of a
    signed type, whose absolute value the type itself cannot hold."""
    return 0 - <uint64_t>a if _below_zero(a) else <uint64_t>a


cdef extern from *:
    """
    /* The greatest common divisor of two magnitudes (gcd(0, 0) is 0), by
       Stein's binary algorithm rather than Euclid's remainders: a step is
       a count of trailing zeros, a shift, a subtraction and a min, where
       Euclid's is a divide of tens of cycles (gcd of int32 at 10**3: 1.6
       times NumPy's time with the divide, whose loop divides in the
       item's own width).  gcd(a, b) = 2**k gcd(a', b') with k the common
       trailing zeros and a', b' odd; then gcd(a', b') = gcd(min, |a' -
       b'|) and the difference, even, loses its trailing zeros, until it
       is 0.  The min and the difference compile to conditional moves:
       the loop's only branch is its own. */
    static inline uint64_t minind_gcd(uint64_t a, uint64_t b)
    {
        int k;
        uint64_t low;
        if (a == 0) return b;
        if (b == 0) return a;
    #if defined(__GNUC__) || defined(__clang__)
        k = __builtin_ctzll(a | b);
        a >>= __builtin_ctzll(a);
        do {
            b >>= __builtin_ctzll(b);
            low = a < b ? a : b;
            b = a < b ? b - a : a - b;
            a = low;
        } while (b);
        return a << k;
    #else
        (void)k; (void)low;
        while (b) { low = a % b; a = b; b = low; }
        return a;
    #endif
    }
    """
    uint64_t _gcd "minind_gcd"(uint64_t a, uint64_t b) noexcept nogil


cdef inline integer_t _shift(integer_t a, integer_t b,
                              bint left) noexcept nogil:
    """a << b or a >> b with NumPy's rule for every count.

    C leaves a shift by the type's width or more undefined (x86 uses the
    count modulo the width).  NumPy reads the count as unsigned, so a
    negative count is a huge one, and a huge count shifts every bit out:
    0, or for ``>>`` of a negative number -1, the sign bit repeated.  The
    shift is in the item's own width, so an int8 ``1 << 7`` is -128.
    Left shifts run in unsigned arithmetic (shifting a negative signed
    number left is undefined in C) and a negative number's right shift
    is written ``~(~a >> b)``: C leaves ``>>`` of a negative number to
    the compiler, while ``~a`` is not negative.
    """
    if <uint64_t>b >= 8 * sizeof(integer_t):
        return -1 if (not left and _below_zero(a)) else 0
    if left:
        return <integer_t>(<uint64_t>a << b)
    if _below_zero(a):
        return ~(~a >> b)
    return a >> b


cdef inline real_t _logaddexp(real_t a, real_t b,
                              bint base2) noexcept nogil:
    """log(e**a + e**b) (base 2: log2(2**a + 2**b)) without overflow.

    The larger operand comes out: a + log(1 + e**(b - a)), where the
    exponent is <= 0 and log1p keeps the small sum accurate.  Equal
    operands give a + log(2), which also covers inf and -inf twice (where
    a - b is NaN); a NaN operand gives NaN.  NumPy: ``npy_logaddexp``.
    """
    cdef real_t larger = a if a > b else b
    cdef real_t difference = -fabs(a - b)
    if a == b:
        return a + (1 if base2 else <real_t>M_LN2)
    if isnan(difference):
        return difference
    if real_t is float:
        if base2:
            return larger + log1pf(exp2f(difference)) * <float>M_LOG2E
        return larger + log1pf(expf(difference))
    else:
        if base2:
            return larger + log1p(exp2(difference)) * M_LOG2E
        return larger + log1p(exp(difference))


ctypedef struct AddOp:
    char unused
ctypedef struct SubtractOp:
    char unused
ctypedef struct MultiplyOp:
    char unused
ctypedef struct TrueDivideOp:
    char unused
ctypedef struct FloorDivideOp:
    char unused
ctypedef struct RemainderOp:
    char unused
ctypedef struct PowerOp:
    char unused
ctypedef struct MaximumOp:
    char unused
ctypedef struct MinimumOp:
    char unused
ctypedef struct BitAndOp:
    char unused
ctypedef struct BitOrOp:
    char unused
ctypedef struct BitXorOp:
    char unused
ctypedef struct LeftShiftOp:
    char unused
ctypedef struct RightShiftOp:
    char unused
ctypedef struct GcdOp:
    char unused
ctypedef struct LcmOp:
    char unused
ctypedef struct FmaxOp:
    char unused
ctypedef struct FminOp:
    char unused
ctypedef struct Arctan2Op:
    char unused
ctypedef struct HypotOp:
    char unused
ctypedef struct CopysignOp:
    char unused
ctypedef struct NextafterOp:
    char unused
ctypedef struct LogaddexpOp:
    char unused
ctypedef struct Logaddexp2Op:
    char unused

ctypedef fused binop_t:
    AddOp
    SubtractOp
    MultiplyOp
    TrueDivideOp
    FloorDivideOp
    RemainderOp
    PowerOp
    MaximumOp
    MinimumOp
    BitAndOp
    BitOrOp
    BitXorOp
    LeftShiftOp
    RightShiftOp
    GcdOp
    LcmOp
    FmaxOp
    FminOp
    Arctan2Op
    HypotOp
    CopysignOp
    NextafterOp
    LogaddexpOp
    Logaddexp2Op


cdef inline item_t binary_value(item_t a, item_t b,
                               binop_t* op) noexcept nogil:
    """One element of a binary operation whose result has the input type.

    Integer +, -, * wrap around: computed in unsigned arithmetic (signed
    overflow is undefined in C), 32 bits wide for the types up to 32 bits
    (a 64-bit product of int32 lanes would halve the vector width; a
    uint16 product in C's int could overflow), then truncated."""
    if binop_t is AddOp:
        if item_t is float or item_t is double:
            return a + b
        elif item_t is int64_t or item_t is uint64_t:
            return <item_t>(<uint64_t>a + <uint64_t>b)
        else:
            return <item_t>(<uint32_t>a + <uint32_t>b)
    elif binop_t is SubtractOp:
        if item_t is float or item_t is double:
            return a - b
        elif item_t is int64_t or item_t is uint64_t:
            return <item_t>(<uint64_t>a - <uint64_t>b)
        else:
            return <item_t>(<uint32_t>a - <uint32_t>b)
    elif binop_t is MultiplyOp:
        if item_t is float or item_t is double:
            return a * b
        elif item_t is int64_t or item_t is uint64_t:
            return <item_t>(<uint64_t>a * <uint64_t>b)
        else:
            return <item_t>(<uint32_t>a * <uint32_t>b)
    elif binop_t is TrueDivideOp:
        return a / b                     # float loops only
    elif binop_t is FloorDivideOp:
        return _floor_divide(a, b)
    elif binop_t is RemainderOp:
        return _remainder(a, b)
    elif binop_t is PowerOp:
        return _power(a, b)
    elif binop_t is MaximumOp:
        # NaN propagates; on a tie (0.0 and -0.0) the second operand wins,
        # as in NumPy's SIMD loops (the x86 max instruction's rule).
        if item_t is float or item_t is double:
            return a if (a > b or isnan(a)) else b
        else:
            return a if a >= b else b
    elif binop_t is MinimumOp:
        if item_t is float or item_t is double:
            return a if (a < b or isnan(a)) else b
        else:
            return a if a <= b else b
    elif binop_t is BitAndOp:
        if item_t is float or item_t is double:
            return 0                     # never dispatched
        else:
            return a & b
    elif binop_t is BitOrOp:
        if item_t is float or item_t is double:
            return 0
        else:
            return a | b
    elif binop_t is BitXorOp:
        if item_t is float or item_t is double:
            return 0
        else:
            return a ^ b
    elif binop_t is FmaxOp:
        # NaN is ignored: the other operand wins, NaN only if both are.
        # A tie (0.0, -0.0) gives the second operand, as maximum does.
        if item_t is float or item_t is double:
            return a if (a > b or isnan(b)) else b
        else:
            return a if a >= b else b
    elif binop_t is FminOp:
        if item_t is float or item_t is double:
            return a if (a < b or isnan(b)) else b
        else:
            return a if a <= b else b
    elif item_t is float or item_t is double:
        return _float_binary(a, b, op)
    else:
        return _integer_binary(a, b, op)


cdef inline integer_t _integer_binary(integer_t a, integer_t b,
                                      binop_t* op) noexcept nogil:
    """The operations only integers have: shifts, gcd and lcm.  gcd and
    lcm are computed on magnitudes and wrap around like multiply, so
    ``gcd(int8(-128), 0)`` is -128, as in NumPy."""
    cdef uint64_t divisor
    if binop_t is LeftShiftOp:
        return _shift(a, b, True)
    elif binop_t is RightShiftOp:
        return _shift(a, b, False)
    elif binop_t is GcdOp:
        return <integer_t>_gcd(_magnitude(a), _magnitude(b))
    elif binop_t is LcmOp:
        divisor = _gcd(_magnitude(a), _magnitude(b))
        if divisor == 0:
            return 0
        return <integer_t>(_magnitude(a) // divisor * _magnitude(b))
    else:
        return 0                       # float-only operations: never run


cdef inline real_t _float_binary(real_t a, real_t b,
                                 binop_t* op) noexcept nogil:
    """The operations only floats have, from the C library (the ``f``
    variant for float32): the compiler keeps one side of each ``if``."""
    if binop_t is Arctan2Op:
        return atan2f(a, b) if real_t is float else atan2(a, b)
    elif binop_t is HypotOp:
        return hypotf(a, b) if real_t is float else hypot(a, b)
    elif binop_t is CopysignOp:
        return copysignf(a, b) if real_t is float else copysign(a, b)
    elif binop_t is NextafterOp:
        return nextafterf(a, b) if real_t is float else nextafter(a, b)
    elif binop_t is LogaddexpOp:
        return _logaddexp(a, b, False)
    elif binop_t is Logaddexp2Op:
        return _logaddexp(a, b, True)
    else:
        return 0                     # integer-only operations: never run


cdef inline bint _aligned(const char* pointer, size_t size) noexcept nogil:
    return <size_t>pointer % size == 0


cdef inline bint _is_signed(const item_t* tag) noexcept nogil:
    """Whether item_t is a signed integer type, a constant in each
    specialization: the signedness the C loops take as an argument."""
    return (item_t is int8_t or item_t is int16_t or item_t is int32_t
            or item_t is int64_t)


cdef item_t pairwise_sum(const char* data, Py_ssize_t n, Py_ssize_t step,
                        item_t* tag) noexcept nogil:
    """Sum of n elements with pairwise (cascade) summation.

    Adding n floats one by one lets the rounding error grow like n; adding
    the two halves of the range recursively makes it grow like log n.  As
    NumPy (``pairwise_sum`` in loops_utils.h) we stop recursing at blocks
    of 128 elements, summed with 8 independent accumulators (which also
    lets the CPU overlap the additions).
    """
    cdef item_t r[8]
    cdef item_t total
    cdef Py_ssize_t i, j, half
    cdef const item_t* items = <const item_t*>data
    if n < 8:
        total = 0
        for i in range(n):
            total = total + load_item(data + i * step, tag)
        return total
    if n <= 128:
        if _in_items(data, step, sizeof(item_t)) and step == sizeof(item_t):
            # Contiguous: the eight accumulators are eight lanes of one
            # vector add (the compiler's SLP pass), the same additions in
            # the same order, so the same sum, at twice the speed or more.
            for j in range(8):
                r[j] = items[j]
            i = 8
            while i < n - (n % 8):
                for j in range(8):
                    r[j] = r[j] + items[i + j]
                i += 8
        else:
            for j in range(8):
                r[j] = load_item(data + j * step, tag)
            i = 8
            while i < n - (n % 8):
                for j in range(8):
                    r[j] = r[j] + load_item(data + (i + j) * step, tag)
                i += 8
        total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
        while i < n:
            total = total + load_item(data + i * step, tag)
            i += 1
        return total
    half = n // 2
    half -= half % 8
    return (pairwise_sum(data, half, step, tag)
            + pairwise_sum(data + half * step, n - half, step, tag))


cdef inline bint _reorders_exactly(binop_t* op, item_t* tag) noexcept nogil:
    """Whether reducing in lanes gives the serial loop's value: max/min
    always, and the integer operations that wrap (a constant per loop)."""
    if (binop_t is MaximumOp or binop_t is MinimumOp or binop_t is FmaxOp
            or binop_t is FminOp):
        return True
    elif item_t is float or item_t is double:
        return False
    else:
        return (binop_t is AddOp or binop_t is MultiplyOp
                or binop_t is BitAndOp or binop_t is BitOrOp
                or binop_t is BitXorOp)


cdef inline item_t _blend_value(item_t lane, item_t x,
                               binop_t* op) noexcept nogil:
    """``binary_value`` without a branch, for the lanes of ``fold_lanes``:
    the same value, written as two nested selections (GCC vectorises
    these into compare-and-blend instructions, but not ``isnan(a) or
    ...``, nor ``(a > b) | (a != a)`` in a plain loop).  A
    single serial chain is faster with the branch, which the CPU
    predicts: ``binary_value`` keeps it."""
    if item_t is float or item_t is double:
        if binop_t is MaximumOp:          # a NaN lane stays NaN
            return lane if lane != lane else (lane if lane > x else x)
        elif binop_t is MinimumOp:
            return lane if lane != lane else (lane if lane < x else x)
        elif binop_t is FmaxOp:           # a NaN x is skipped
            return lane if x != x else (lane if lane > x else x)
        elif binop_t is FminOp:
            return lane if x != x else (lane if lane < x else x)
        else:
            return binary_value(lane, x, op)
    else:
        return binary_value(lane, x, op)


# ---------------------------------------------------------------------------
# Wider vectors where the CPU has them: float compares and max/min lanes
# ---------------------------------------------------------------------------
#
# The default build targets every x86-64, whose vectors (SSE2) are 16 bytes
# wide, and GCC 12 cannot vectorise two of the hottest float loops there:
#
# * a comparison of doubles stored as bytes (``po[i] = a[i] > b[i]``): the
#   8-byte compare mask must be narrowed to 1 byte, and without AVX GCC
#   finds no vector type for the load ("no vectype for stmt" in
#   -fopt-info-vec-missed); the loop runs one element at a time;
# * the lanes of ``fold_lanes`` do vectorise, but two doubles at a time.
#
# NumPy compiles such loops several times and picks one at run time by the
# CPU's features.  GCC does the same for one function with
# ``target_clones``: a copy for AVX-512, one for AVX2 and the default one,
# chosen once by the dynamic loader (an ifunc).  The loops are written in C
# because Cython cannot put an attribute on a function; each is a macro
# over (type, operation) with the same expression as the Cython loops
# (``compare_value``, ``_blend_value``), so the values do not change, only
# the vector width.  Without GCC-style attributes on x86-64 ELF (other
# platforms, other compilers) the macro is empty and the loops are built
# once, for the default target, as before.

cdef extern from *:
    """
    /* MININD_WIDE_VECTORS: defined with the division loops above. */

    /* out[i] = OP(a[i], b[i]), with a or b possibly one broadcast scalar
       (shape 0: both arrays, 1: b is a scalar, 2: a is a scalar).  Three
       plain loops, so that each vectorises.  The logical operations read
       each operand's truth (x != 0: NaN is true, -0.0 false, as in
       NumPy), with & | ^ on the two truths, which vectorise where && and
       || would be branches. */
    #define MININD_COMPARE(name, type, OP)                                 \\
    static MININD_V4_VECTORS void name(const type *a, const type *b,       \\
                                         int shape, uint8_t *out,          \\
                                         ptrdiff_t n)                      \\
    {                                                                      \\
        ptrdiff_t i;                                                       \\
        if (shape == 0) {                                                  \\
            for (i = 0; i < n; i++) out[i] = OP(a[i], b[i]);               \\
        } else if (shape == 1) {                                           \\
            const type scalar = b[0];                                      \\
            for (i = 0; i < n; i++) out[i] = OP(a[i], scalar);             \\
        } else {                                                           \\
            const type scalar = a[0];                                      \\
            for (i = 0; i < n; i++) out[i] = OP(scalar, b[i]);             \\
        }                                                                  \\
    }
    #define MININD_EQ(x, y) ((x) == (y))
    #define MININD_NE(x, y) ((x) != (y))
    #define MININD_LT(x, y) ((x) < (y))
    #define MININD_LE(x, y) ((x) <= (y))
    #define MININD_GT(x, y) ((x) > (y))
    #define MININD_GE(x, y) ((x) >= (y))
    #define MININD_AND(x, y) (((x) != 0) & ((y) != 0))
    #define MININD_OR(x, y) (((x) != 0) | ((y) != 0))
    #define MININD_XOR(x, y) (((x) != 0) ^ ((y) != 0))
    #define MININD_COMPARES(type, suffix)                                  \\
        MININD_COMPARE(minind_equal_##suffix, type, MININD_EQ)             \\
        MININD_COMPARE(minind_not_equal_##suffix, type, MININD_NE)         \\
        MININD_COMPARE(minind_less_##suffix, type, MININD_LT)              \\
        MININD_COMPARE(minind_less_equal_##suffix, type, MININD_LE)        \\
        MININD_COMPARE(minind_greater_##suffix, type, MININD_GT)           \\
        MININD_COMPARE(minind_greater_equal_##suffix, type, MININD_GE)     \\
        MININD_COMPARE(minind_logical_and_##suffix, type, MININD_AND)      \\
        MININD_COMPARE(minind_logical_or_##suffix, type, MININD_OR)        \\
        MININD_COMPARE(minind_logical_xor_##suffix, type, MININD_XOR)
    MININD_COMPARES(float, float)
    MININD_COMPARES(double, double)
    MININD_COMPARES(int8_t, int8)
    MININD_COMPARES(uint8_t, uint8)
    MININD_COMPARES(int16_t, int16)
    MININD_COMPARES(uint16_t, uint16)
    MININD_COMPARES(int32_t, int32)
    MININD_COMPARES(uint32_t, uint32)
    MININD_COMPARES(int64_t, int64)
    MININD_COMPARES(uint64_t, uint64)

    enum { MININD_EQUAL, MININD_NOT_EQUAL, MININD_LESS, MININD_LESS_EQUAL,
           MININD_GREATER, MININD_GREATER_EQUAL, MININD_LOGICAL_AND,
           MININD_LOGICAL_OR, MININD_LOGICAL_XOR };
    #define MININD_COMPARE_BY_CODE(type, suffix)                           \\
    static void minind_compare_##suffix(int op, const type *a,             \\
                                        const type *b, int shape,          \\
                                        uint8_t *out, ptrdiff_t n)         \\
    {                                                                      \\
        switch (op) {                                                      \\
        case MININD_EQUAL:                                                 \\
            minind_equal_##suffix(a, b, shape, out, n); break;             \\
        case MININD_NOT_EQUAL:                                             \\
            minind_not_equal_##suffix(a, b, shape, out, n); break;         \\
        case MININD_LESS:                                                  \\
            minind_less_##suffix(a, b, shape, out, n); break;              \\
        case MININD_LESS_EQUAL:                                            \\
            minind_less_equal_##suffix(a, b, shape, out, n); break;        \\
        case MININD_GREATER:                                               \\
            minind_greater_##suffix(a, b, shape, out, n); break;           \\
        case MININD_GREATER_EQUAL:                                         \\
            minind_greater_equal_##suffix(a, b, shape, out, n); break;     \\
        case MININD_LOGICAL_AND:                                           \\
            minind_logical_and_##suffix(a, b, shape, out, n); break;       \\
        case MININD_LOGICAL_OR:                                            \\
            minind_logical_or_##suffix(a, b, shape, out, n); break;        \\
        default:                                                           \\
            minind_logical_xor_##suffix(a, b, shape, out, n); break;       \\
        }                                                                  \\
    }
    MININD_COMPARE_BY_CODE(float, float)
    MININD_COMPARE_BY_CODE(double, double)
    MININD_COMPARE_BY_CODE(int8_t, int8)
    MININD_COMPARE_BY_CODE(uint8_t, uint8)
    MININD_COMPARE_BY_CODE(int16_t, int16)
    MININD_COMPARE_BY_CODE(uint16_t, uint16)
    MININD_COMPARE_BY_CODE(int32_t, int32)
    MININD_COMPARE_BY_CODE(uint32_t, uint32)
    MININD_COMPARE_BY_CODE(int64_t, int64)
    MININD_COMPARE_BY_CODE(uint64_t, uint64)

    /* fold_lanes' lane loop: lane j of 64 keeps the extreme of items j,
       j + 64, ..., below `blocked` (a multiple of 64, at least 64), the
       items `stride` apart.  The lanes live in a local array, which GCC
       knows aliases nothing.  Each loop comes twice, by AT: over
       contiguous items (stride 1, which the compiler must know to load
       whole vectors) and over every stride-th item (a reduction of
       a[::2], or along a column), read in place: copying such a run to a
       block first and folding that cost a store and a load more per item
       and, for each block, a copy in and out of the lanes (strided
       float64 min at 10**5: 2.6 times NumPy's time, read in place 0.8).
       The integers' strided loop keeps 8 lanes (each copied 8 times
       into the 64 at the end): its vectors are filled an item at a time
       either way, and with 64 lanes GCC's AVX2 clone kept the lanes and
       the items' addresses on the stack (int32 a[::2].min() at 10**5 on
       an AMD Zen 3: 1.85 times NumPy's time, with 8 lanes 1.0).  The
       floats' keeps 64: with 8, their NaN lanes took float64 from 0.83
       to 1.23.
       minind_fold_<type> takes a stride of 1 to the contiguous loop.

       maximum and minimum of floats: `lane > x ? lane : x` is exactly
       the x86 max instruction (maxpd: the second operand on a tie or a
       NaN), one instruction per vector; folding the NaN test into the
       same selection (`lane != lane ? lane : ...`) made it a chain of
       mask operations, twice as slow.  So a NaN is kept aside instead,
       in a lane of its own, and put back at the end: a lane that saw a
       NaN is NaN, as `_blend_value` gives.  fmax and fmin skip NaN with
       `_blend_value`'s selection as it is; integers have no NaN. */
    #define MININD_FOLD_LANES 64
    #define MININD_STRIDED_LANES 8       /* integers' strided loop */
    #define MININD_CONTIGUOUS(k) items[k]
    #define MININD_STRIDED(k) items[(k) * stride]
    #define MININD_FOLD_PROPAGATING(name, type, OP, AT, LANES)             \\
    static MININD_V4_VECTORS void name(type *lanes, const type *items,     \\
                                         ptrdiff_t stride,                 \\
                                         ptrdiff_t blocked)                \\
    {                                                                      \\
        type local[LANES], nan[LANES];                                     \\
        ptrdiff_t i;                                                       \\
        int j;                                                             \\
        for (j = 0; j < LANES; j++) {                                      \\
            local[j] = AT(j);                                              \\
            nan[j] = local[j];                                             \\
        }                                                                  \\
        for (i = LANES; i < blocked; i += LANES)                           \\
            for (j = 0; j < LANES; j++) {                                  \\
                type x = AT(i + j);                                        \\
                local[j] = local[j] OP x ? local[j] : x;                   \\
                nan[j] = x != x ? x : nan[j];                              \\
            }                                                              \\
        for (j = 0; j < MININD_FOLD_LANES; j++)                            \\
            lanes[j] = nan[j % LANES] != nan[j % LANES] ? nan[j % LANES]   \\
                                                        : local[j % LANES];\\
    }
    #define MININD_FOLD(name, type, KEEP, AT, LANES)                       \\
    static MININD_V4_VECTORS void name(type *lanes, const type *items,     \\
                                         ptrdiff_t stride,                 \\
                                         ptrdiff_t blocked)                \\
    {                                                                      \\
        type local[LANES];                                                 \\
        ptrdiff_t i;                                                       \\
        int j;                                                             \\
        for (j = 0; j < LANES; j++) local[j] = AT(j);                      \\
        for (i = LANES; i < blocked; i += LANES)                           \\
            for (j = 0; j < LANES; j++)                                    \\
                local[j] = KEEP(local[j], AT(i + j));                      \\
        for (j = 0; j < MININD_FOLD_LANES; j++)                            \\
            lanes[j] = local[j % LANES];                                   \\
    }
    #define MININD_KEEP_FMAX(lane, x) \\
        ((x) != (x) ? (lane) : ((lane) > (x) ? (lane) : (x)))
    #define MININD_KEEP_FMIN(lane, x) \\
        ((x) != (x) ? (lane) : ((lane) < (x) ? (lane) : (x)))
    /* The integer lanes of maximum and minimum (fmax and fmin are the
       same for integers): SSE2 has a max instruction for int16 and uint8
       lanes only, AVX2 for every width up to 32 bits, and AVX-512 for 64;
       the default build compares and blends. */
    #define MININD_KEEP_MAX(lane, x) ((lane) > (x) ? (lane) : (x))
    #define MININD_KEEP_MIN(lane, x) ((lane) < (x) ? (lane) : (x))
    enum { MININD_MAXIMUM, MININD_MINIMUM, MININD_FMAX, MININD_FMIN };

    /* Both loops of an operation on one type (name: the operation and
       the type), and a call to the one for a stride. */
    #define MININD_FOLD_PAIR(MAKE, name, type, STRIDED_LANES)              \\
        MAKE(minind_fold_##name, type, MININD_CONTIGUOUS,                  \\
             MININD_FOLD_LANES)                                            \\
        MAKE(minind_fold_strided_##name, type, MININD_STRIDED,             \\
             STRIDED_LANES)
    #define MININD_FOLD_CALL(name, lanes, items, stride, blocked)          \\
        ((stride) == 1                                                     \\
         ? minind_fold_##name(lanes, items, 1, blocked)                    \\
         : minind_fold_strided_##name(lanes, items, stride, blocked))
    #define MININD_FLOAT_MAX(name, type, AT, LANES)                        \\
        MININD_FOLD_PROPAGATING(name, type, >, AT, LANES)
    #define MININD_FLOAT_MIN(name, type, AT, LANES)                        \\
        MININD_FOLD_PROPAGATING(name, type, <, AT, LANES)
    #define MININD_FLOAT_FMAX(name, type, AT, LANES)                       \\
        MININD_FOLD(name, type, MININD_KEEP_FMAX, AT, LANES)
    #define MININD_FLOAT_FMIN(name, type, AT, LANES)                       \\
        MININD_FOLD(name, type, MININD_KEEP_FMIN, AT, LANES)
    #define MININD_INTEGER_MAX(name, type, AT, LANES)                      \\
        MININD_FOLD(name, type, MININD_KEEP_MAX, AT, LANES)
    #define MININD_INTEGER_MIN(name, type, AT, LANES)                      \\
        MININD_FOLD(name, type, MININD_KEEP_MIN, AT, LANES)
    /* The entry points, minind_fold_<type>(op, lanes, items, stride,
       blocked). */
    #define MININD_FLOAT_FOLDS(type)                                       \\
    MININD_FOLD_PAIR(MININD_FLOAT_MAX, maximum_##type, type,              \\
                     MININD_FOLD_LANES)                                    \\
    MININD_FOLD_PAIR(MININD_FLOAT_MIN, minimum_##type, type,              \\
                     MININD_FOLD_LANES)                                    \\
    MININD_FOLD_PAIR(MININD_FLOAT_FMAX, fmax_##type, type,                \\
                     MININD_FOLD_LANES)                                    \\
    MININD_FOLD_PAIR(MININD_FLOAT_FMIN, fmin_##type, type,                \\
                     MININD_FOLD_LANES)                                    \\
    static void minind_fold_##type(int op, type *lanes, const type *items, \\
                                   ptrdiff_t stride, ptrdiff_t blocked)    \\
    {                                                                      \\
        if (op == MININD_MAXIMUM)                                          \\
            MININD_FOLD_CALL(maximum_##type, lanes, items, stride, blocked);\\
        else if (op == MININD_MINIMUM)                                     \\
            MININD_FOLD_CALL(minimum_##type, lanes, items, stride, blocked);\\
        else if (op == MININD_FMAX)                                        \\
            MININD_FOLD_CALL(fmax_##type, lanes, items, stride, blocked);  \\
        else                                                               \\
            MININD_FOLD_CALL(fmin_##type, lanes, items, stride, blocked);  \\
    }
    /* (fmax and fmin of integers are maximum and minimum) */
    #define MININD_INTEGER_FOLDS(type)                                     \\
    MININD_FOLD_PAIR(MININD_INTEGER_MAX, max_##type, type##_t,            \\
                     MININD_STRIDED_LANES)                                 \\
    MININD_FOLD_PAIR(MININD_INTEGER_MIN, min_##type, type##_t,            \\
                     MININD_STRIDED_LANES)                                 \\
    static void minind_fold_##type(int op, type##_t *lanes,                \\
                                   const type##_t *items,                  \\
                                   ptrdiff_t stride, ptrdiff_t blocked)    \\
    {                                                                      \\
        if (op == MININD_MAXIMUM || op == MININD_FMAX)                     \\
            MININD_FOLD_CALL(max_##type, lanes, items, stride, blocked);   \\
        else                                                               \\
            MININD_FOLD_CALL(min_##type, lanes, items, stride, blocked);   \\
    }
    MININD_FLOAT_FOLDS(float)
    MININD_FLOAT_FOLDS(double)
    MININD_INTEGER_FOLDS(int8)
    MININD_INTEGER_FOLDS(uint8)
    MININD_INTEGER_FOLDS(int16)
    MININD_INTEGER_FOLDS(uint16)
    MININD_INTEGER_FOLDS(int32)
    MININD_INTEGER_FOLDS(uint32)
    MININD_INTEGER_FOLDS(int64)
    MININD_INTEGER_FOLDS(uint64)

    /* argmax/argmin's second pass: the index of the first of n items
       equal to value (n if none).  The compares of 256 items are ORed
       together, then of 32 inside the 256 that hold a match, and only
       those 32 are looked at one by one.  The OR collects an integer of
       the items' width (`seen`): GCC keeps it in the compare's vector
       lanes, where a byte would be narrowed from them on every step.
       Each horizontal OR is a chain of ten dependent instructions, so
       it is paid once per 256 items (2048 floats: 200 ns with one per
       64 items, 70 ns so). */
    #define MININD_FIRST_EQUAL(name, type, seen_type)                      \
    static MININD_V4_VECTORS ptrdiff_t minind_first_equal_##name(          \
        const type *items, ptrdiff_t n, type value)                        \
    {                                                                      \
        ptrdiff_t i = 0;                                                   \
        int j;                                                             \
        for (; i + 256 <= n; i += 256) {                                   \
            seen_type seen = 0;                                            \
            for (j = 0; j < 256; j++)                                      \
                seen |= items[i + j] == value;                             \
            if (seen)                                                      \
                break;                                                     \
        }                                                                  \
        for (; i + 32 <= n; i += 32) {                                     \
            seen_type seen = 0;                                            \
            for (j = 0; j < 32; j++)                                       \
                seen |= items[i + j] == value;                             \
            if (seen)                                                      \
                break;                                                     \
        }                                                                  \
        for (; i < n; i++)                                                 \
            if (items[i] == value)                                         \
                return i;                                                  \
        return n;                                                          \
    }
    MININD_FIRST_EQUAL(float, float, int32_t)
    MININD_FIRST_EQUAL(double, double, int64_t)
    MININD_FIRST_EQUAL(uint8, uint8_t, uint8_t)
    MININD_FIRST_EQUAL(uint16, uint16_t, uint16_t)
    MININD_FIRST_EQUAL(uint32, uint32_t, int32_t)
    MININD_FIRST_EQUAL(uint64, uint64_t, int64_t)
    /* By item size, floats apart (0.0 == -0.0); integers of either sign
       are equal when their bits are. */
    static ptrdiff_t minind_first_equal(int is_float, int size,
                                        const void *items, ptrdiff_t n,
                                        const void *value)
    {
        if (is_float && size == 4)
            return minind_first_equal_float(items, n, *(const float *)value);
        if (is_float)
            return minind_first_equal_double(items, n,
                                             *(const double *)value);
        switch (size) {
        case 1:
            return minind_first_equal_uint8(items, n,
                                            *(const uint8_t *)value);
        case 2:
            return minind_first_equal_uint16(items, n,
                                             *(const uint16_t *)value);
        case 4:
            return minind_first_equal_uint32(items, n,
                                             *(const uint32_t *)value);
        default:
            return minind_first_equal_uint64(items, n,
                                             *(const uint64_t *)value);
        }
    }

    /* Element-wise maximum, minimum and multiply of integers into a
       contiguous out: shape 0, both operands contiguous arrays; 1, b a
       scalar; 2, a a scalar; 3, both arrays with steps sa and sb (in
       items; the loads one at a time, the rest a vector at a time).  SSE2
       has no packed max below AVX2 but for int16 and uint8 (see the
       folds above), and no packed 32- or 64-bit multiply, so the default
       build runs those one element at a time; the AVX2 and AVX-512
       builds (AVX-512 for 64-bit max, min and multiply) a vector at a
       time.  A product wraps, as NumPy's, computed in an unsigned type at
       least as wide as int (signed overflow is undefined in C, and a
       uint16 would be promoted to int). */
    #define MININD_ELEMENTWISE(name, type, EXPR)                           \
        MININD_ELEMENTWISE_FOR(name, type, EXPR, MININD_WIDE_VECTORS)
    #define MININD_ELEMENTWISE_FOR(name, type, EXPR, clones)               \
        MININD_ELEMENTWISE_STRIDED(name, type, EXPR, EXPR, clones)
    /* ... with ITEMWISE the expression where b is an array, not one
       scalar (shapes 0, 2 and 3: right shifts, see below) */
    #define MININD_ELEMENTWISE_STRIDED(name, type, EXPR, ITEMWISE, clones) \
    static clones void name(const type *a, const type *b,                  \
                                         ptrdiff_t sa, ptrdiff_t sb,       \
                                         int shape, type *out, ptrdiff_t n)\
    {                                                                      \
        ptrdiff_t i;                                                       \
        type x, y;                                                         \
        if (shape == 0) {                                                  \
            for (i = 0; i < n; i++) {                                      \
                x = a[i]; y = b[i]; out[i] = ITEMWISE;                     \
            }                                                              \
        } else if (shape == 3) {                                           \
            for (i = 0; i < n; i++) {                                      \
                x = a[i * sa]; y = b[i * sb]; out[i] = ITEMWISE;           \
            }                                                              \
        } else if (shape == 1) {                                           \
            y = b[0];                                                      \
            for (i = 0; i < n; i++) { x = a[i]; out[i] = EXPR; }           \
        } else {                                                           \
            x = a[0];                                                      \
            for (i = 0; i < n; i++) { y = b[i]; out[i] = ITEMWISE; }       \
        }                                                                  \
    }
    /* Shifts by NumPy's rule (_shift): the count read as unsigned, a
       count of the width or more shifts every bit out (0, or -1 for a
       negative number shifted right); a negative number's right shift
       as ~(~x >> c), C leaving >> of a negative number to the compiler.
       Written as selections, which vectorise (variable-count vector
       shifts), where _shift's branches did not: int32 a << b at 10**5
       took 3.8 times NumPy's time.  NEG(x): whether x < 0, spelled 0 for
       the unsigned types (a comparison always false is a warning). */
    #define MININD_SHIFT_COUNT(y, bits) \
        ((uint64_t)(y) < (bits) ? (int)(y) : (int)(bits) - 1)
    #define MININD_LEFT_SHIFT(type, wide, x, y)                            \
        ((uint64_t)(y) < 8 * sizeof(type)                                  \
         ? (type)((wide)(x) << MININD_SHIFT_COUNT(y, 8 * sizeof(type)))    \
         : (type)0)
    #define MININD_UNSIGNED_RIGHT_SHIFT(type, x, y)                        \
        ((uint64_t)(y) < 8 * sizeof(type)                                  \
         ? (type)((x) >> MININD_SHIFT_COUNT(y, 8 * sizeof(type)))          \
         : (type)0)
    /* signed: with s the sign mask (all ones for x < 0), x ^ s is ~x or
       x, never negative, and s ^ ((x ^ s) >> c) is ~(~x >> c) or x >> c
       in three selection-free operations (the two-sided form took 2.4
       times NumPy's time for int8 a >> 3); c = width - 1 gives 0 or -1,
       every bit shifted out.  NEG((type)-1) says which form, at compile
       time. */
    #define MININD_SIGNED_RIGHT_SHIFT(type, NEG, x, y)                     \
        ((type)((type)-NEG(x)                                              \
                ^ (type)((type)((x) ^ (type)-NEG(x))                       \
                         >> MININD_SHIFT_COUNT(y, 8 * sizeof(type)))))
    #define MININD_RIGHT_SHIFT(type, NEG, x, y)                            \
        (NEG((type)-1) ? MININD_SIGNED_RIGHT_SHIFT(type, NEG, x, y)        \
                       : MININD_UNSIGNED_RIGHT_SHIFT(type, x, y))
    /* The form for a count per item (b an array): C's own >> of a
       negative number, which GCC and Clang define as the arithmetic
       shift, the count at most width - 1 compared in the count's
       unsigned type and shifted as an int (or int64) by an unsigned int
       (or uint64).  AVX2 has variable arithmetic shifts of 32-bit lanes
       only: GCC widens int8 and int16 to them for this form, where the
       three-operation form above ran one item at a time in its AVX2
       clone (int16 a >> b at 10**5 on an AMD Zen 3: 6.4 times NumPy's
       time; in C 0.87 ns an item against 0.16 so, int8 0.87 and 0.25,
       int64 0.76 and 0.42).  The strided loop is scalar, and this form
       cheaper there too (int16 a[::2] >> b[::2] at 10**5 on a Xeon: 62
       us, 40).  With one count for all items, the three-operation form
       stays for 8- to 32-bit items, faster there (int8 in C on the Zen
       3: 0.08 ns an item against 0.19); 64-bit items take this form
       (AVX2 has no 64-bit arithmetic shift to spare the three
       operations, AVX-512 one instruction: int64 a >> 2 at 10**5 on
       the Zen 3 2.0 times NumPy's time with the three, 1.0 so). */
    #if defined(__GNUC__)
    #define MININD_ITEMWISE_RIGHT_SHIFT(type, utype, wide, NEG, x, y)      \
        (NEG((type)-1)                                                     \
         ? (type)((x) >> ((utype)(y) < 8 * sizeof(type) - 1               \
                          ? (wide)(utype)(y)                               \
                          : (wide)(8 * sizeof(type) - 1)))                 \
         : MININD_UNSIGNED_RIGHT_SHIFT(type, x, y))
    #else
    #define MININD_ITEMWISE_RIGHT_SHIFT(type, utype, wide, NEG, x, y)      \
        MININD_RIGHT_SHIFT(type, NEG, x, y)
    #endif
    #define MININD_SIGNED_NEG(x) ((x) < 0)
    #define MININD_UNSIGNED_int8 uint8_t
    #define MININD_UNSIGNED_uint8 uint8_t
    #define MININD_UNSIGNED_int16 uint16_t
    #define MININD_UNSIGNED_uint16 uint16_t
    #define MININD_UNSIGNED_int32 uint32_t
    #define MININD_UNSIGNED_uint32 uint32_t
    #define MININD_UNSIGNED_int64 uint64_t
    #define MININD_UNSIGNED_uint64 uint64_t
    #define MININD_UNSIGNED_NEG(x) 0
    #define MININD_INTEGER_LOOP(name, type, EXPR)                          \
        MININD_ELEMENTWISE_FOR(name, type, EXPR, MININD_V4_VECTORS)
    #define MININD_INTEGER_ELEMENTWISE(type, wide, NEG)                    \
    MININD_INTEGER_LOOP(minind_left_shift_##type, type##_t,                \
                        MININD_LEFT_SHIFT(type##_t, wide, x, y))           \
    MININD_ELEMENTWISE_STRIDED(minind_right_shift_##type, type##_t,        \
                               sizeof(type##_t) == 8                       \
                               ? MININD_ITEMWISE_RIGHT_SHIFT(              \
                                   type##_t, MININD_UNSIGNED_##type, wide, \
                                   NEG, x, y)                              \
                               : MININD_RIGHT_SHIFT(type##_t, NEG, x, y),  \
                               MININD_ITEMWISE_RIGHT_SHIFT(                \
                                   type##_t, MININD_UNSIGNED_##type, wide, \
                                   NEG, x, y),                             \
                               MININD_V4_VECTORS)                          \
    MININD_INTEGER_LOOP(minind_maximum_##type, type##_t, x > y ? x : y)    \
    MININD_INTEGER_LOOP(minind_minimum_##type, type##_t, x < y ? x : y)    \
    MININD_INTEGER_LOOP(minind_multiply_##type, type##_t,                  \
                        (type##_t)((wide)x * (wide)y))                     \
    MININD_INTEGER_LOOP(minind_add_##type, type##_t,                       \
                        (type##_t)((wide)x + (wide)y))                     \
    MININD_INTEGER_LOOP(minind_subtract_##type, type##_t,                  \
                        (type##_t)((wide)x - (wide)y))
    MININD_INTEGER_ELEMENTWISE(int8, uint32_t, MININD_SIGNED_NEG)
    MININD_INTEGER_ELEMENTWISE(uint8, uint32_t, MININD_UNSIGNED_NEG)
    MININD_INTEGER_ELEMENTWISE(int16, uint32_t, MININD_SIGNED_NEG)
    MININD_INTEGER_ELEMENTWISE(uint16, uint32_t, MININD_UNSIGNED_NEG)
    MININD_INTEGER_ELEMENTWISE(int32, uint32_t, MININD_SIGNED_NEG)
    MININD_INTEGER_ELEMENTWISE(uint32, uint32_t, MININD_UNSIGNED_NEG)
    MININD_INTEGER_ELEMENTWISE(int64, uint64_t, MININD_SIGNED_NEG)
    MININD_INTEGER_ELEMENTWISE(uint64, uint64_t, MININD_UNSIGNED_NEG)
    /* 8-bit products two to a 16-bit lane: the low byte of x * y is the
       product of the low bytes, and (x >> 8) * (y & 0xff00) puts the
       high bytes' product in the high byte, so two 16-bit multiplies
       make a vector's worth of byte products with no widening (the
       byte loop above widens every byte and narrows it back: int8
       a * b at 10**5 1.3 times NumPy's time, a ** 2 1.7).  The signed
       and unsigned products have the same bits.  Contiguous operands
       or a scalar (repeated in both bytes); strided ones keep the byte
       loop. */
    typedef uint16_t __attribute__((may_alias, aligned(1))) minind_byte_pair;
    #define MININD_BYTE_PRODUCTS(x, y)                                     \
        ((uint16_t)(((uint32_t)(x) * (y) & 0x00ffu)                        \
                    | ((uint32_t)((x) >> 8) * ((y) & 0xff00u) & 0xff00u)))
    static MININD_V4_VECTORS void minind_multiply_bytes(
        const uint8_t *a, const uint8_t *b, int shape, uint8_t *out,
        ptrdiff_t n)
    {
        const minind_byte_pair *pa = (const minind_byte_pair *)a;
        const minind_byte_pair *pb = (const minind_byte_pair *)b;
        minind_byte_pair *po = (minind_byte_pair *)out;
        ptrdiff_t i, pairs = n / 2;
        uint16_t scalar;
        if (shape == 0) {
            for (i = 0; i < pairs; i++)
                po[i] = MININD_BYTE_PRODUCTS(pa[i], pb[i]);
        } else if (shape == 1) {
            scalar = (uint16_t)(b[0] * 0x0101u);
            for (i = 0; i < pairs; i++)
                po[i] = MININD_BYTE_PRODUCTS(pa[i], scalar);
        } else {
            scalar = (uint16_t)(a[0] * 0x0101u);
            for (i = 0; i < pairs; i++)
                po[i] = MININD_BYTE_PRODUCTS(scalar, pb[i]);
        }
        if (n & 1)
            out[n - 1] = (uint8_t)((uint32_t)a[shape == 2 ? 0 : n - 1]
                                   * b[shape == 1 ? 0 : n - 1]);
    }

    /* The same for floats: maximum and minimum keep a NaN of either
       operand, fmax and fmin drop it, a tie (0.0, -0.0) gives the second
       operand, as binary_value; written as nested selections, which
       vectorise (a compare and a blend per vector each). */
    #define MININD_FLOAT_ELEMENTWISE(type)                                 \
    MININD_ELEMENTWISE(minind_maximum_##type, type,                        \
                       x != x ? x : (x > y ? x : y))                       \
    MININD_ELEMENTWISE(minind_minimum_##type, type,                        \
                       x != x ? x : (x < y ? x : y))                       \
    MININD_ELEMENTWISE(minind_fmax_##type, type,                           \
                       y != y ? x : (x > y ? x : y))                       \
    MININD_ELEMENTWISE(minind_fmin_##type, type,                           \
                       y != y ? x : (x < y ? x : y))                       \
    MININD_ELEMENTWISE(minind_add_##type, type, x + y)                     \
    MININD_ELEMENTWISE(minind_subtract_##type, type, x - y)                \
    MININD_ELEMENTWISE(minind_multiply_##type, type, x * y)                \
    MININD_ELEMENTWISE(minind_divide_##type, type, x / y)
    MININD_FLOAT_ELEMENTWISE(float)
    MININD_FLOAT_ELEMENTWISE(double)

    /* Floor division (and remainder) of integers of 32 bits or fewer
       through double: the quotient x / y of two such integers rounds, in
       double, by less than its distance to the next integer (at most
       2**32 / |y| * 2**-53 against at least 1 / |y|), so the floor of
       the double quotient is the integer one, exactly, and the division
       is one vector instruction for several lanes where the integer
       divide takes one element at a time (int32 a // b at 10**4: 1.3
       times NumPy's time).
       A zero divisor divides by 1 instead (no flag from the float
       division) and gives 0; MIN // -1, whose 2**31 no int32 holds,
       divides by 1 too, for NumPy's wrapped result, MIN.  The
       remainder is x - q y from that quotient.  The function returns
       what NumPy warns about: bit 0 a zero divisor, bit 1 MIN // -1
       (not for the remainder, 0 there without a warning). */
    #define MININD_QUOTIENTS(type, UWIDE, X, Y, WRAPS)                     \
        do {                                                               \
            for (i = 0; i < n; i++) {                                      \
                type##_t x = X, y = Y, q;                                  \
                zero |= y == 0;                                            \
                wraps |= WRAPS(x, y);                                      \
                q = minind_floor_quotient_##type(x, y);                    \
                /* the remainder x - q y, wrapping (MIN % -1 is 0), and  \
                   0 for a zero divisor */                                 \
                out[i] = want_remainder                                    \
                    ? (type##_t)(((UWIDE)x - (UWIDE)q * (UWIDE)y)          \
                                 & (0 - (UWIDE)(y != 0)))                  \
                    : q;                                                   \
            }                                                              \
        } while (0)
    #define MININD_SMALL_FLOOR_DIVIDE(type, WIDE, UWIDE, WRAPS)            \
    static inline __attribute__((always_inline)) type##_t                  \
    minind_floor_quotient_##type(type##_t x, type##_t y)                   \
    {                                                                      \
        /* the divisor: 1 for 0, and for MIN // -1 (so the quotient is     \
           MIN); integer arithmetic, where a ?: on doubles was a branch */ \
        double d = (double)x / (double)(y + (y == 0) + 2 * WRAPS(x, y));   \
        WIDE q = (WIDE)d;                                                  \
        q -= (double)q > d;                     /* truncated to floored */ \
        return (type##_t)(q & -(WIDE)(y != 0));                            \
    }                                                                      \
    static MININD_V4_VECTORS int minind_floor_divide_##type(               \
        const type##_t *a, const type##_t *b, ptrdiff_t sa, ptrdiff_t sb,  \
        int shape, type##_t *out, ptrdiff_t n, int want_remainder)         \
    {                                                                      \
        ptrdiff_t i;                                                       \
        int zero = 0, wraps = 0;                                           \
        if (shape == 0)                                                    \
            MININD_QUOTIENTS(type, UWIDE, a[i], b[i], WRAPS);              \
        else if (shape == 1)                                               \
            MININD_QUOTIENTS(type, UWIDE, a[i], b[0], WRAPS);              \
        else if (shape == 2)                                               \
            MININD_QUOTIENTS(type, UWIDE, a[0], b[i], WRAPS);              \
        else                                                               \
            MININD_QUOTIENTS(type, UWIDE, a[i * sa], b[i * sb], WRAPS);    \
        return zero | (want_remainder ? 0 : wraps << 1);                   \
    }
    #define MININD_WRAPS_INT8(x, y) (((x) == INT8_MIN) & ((y) == -1))
    #define MININD_WRAPS_INT16(x, y) (((x) == INT16_MIN) & ((y) == -1))
    #define MININD_WRAPS_INT32(x, y) (((x) == INT32_MIN) & ((y) == -1))
    #define MININD_NEVER_WRAPS(x, y) 0
    MININD_SMALL_FLOOR_DIVIDE(int8, int32_t, uint32_t, MININD_WRAPS_INT8)
    MININD_SMALL_FLOOR_DIVIDE(int16, int32_t, uint32_t, MININD_WRAPS_INT16)
    MININD_SMALL_FLOOR_DIVIDE(int32, int32_t, uint32_t, MININD_WRAPS_INT32)
    MININD_SMALL_FLOOR_DIVIDE(uint8, int32_t, uint32_t, MININD_NEVER_WRAPS)
    MININD_SMALL_FLOOR_DIVIDE(uint16, int32_t, uint32_t, MININD_NEVER_WRAPS)
    MININD_SMALL_FLOOR_DIVIDE(uint32, int64_t, uint64_t, MININD_NEVER_WRAPS)
    /* 64-bit floor division (and remainder) through double where that
       is exact too: a block of 256 whose every x and y is below 2**51 in
       magnitude takes the double loop; any other block divides element
       by element, with the hardware divide.  The double loop converts
       without the int64 <-> double instructions, which only AVX-512DQ
       has in vector form (GCC's AVX2 and SSE2 clones convert one
       element at a time, and on an AMD Zen 3 that loop took 14 ns an
       element, the hardware divide 2.5): an integer |x| < 2**51 added to
       the bits of 1.5 * 2**52 gives the double 1.5 * 2**52 + x, and
       back, adding 1.5 * 2**52 to a double below 2**51 rounds it to an
       integer in the low bits.  So q = round(d) - (round(d) > d) is the
       floor of the double quotient d, which is the integer quotient by
       the bound above; the remainder x - q y is exact in double too (q y
       is an integer below |x| + |y| < 2**52).  int64 a // b at 10**4 on
       that Zen 3: 0.26 times NumPy's time.  MIN // -1 is never in range:
       the element loop gives its wrapped MIN and the flag.  uint64 items
       below 2**51 are the same numbers as int64: one double loop. */
    #define MININD_NEAR_int64(x)                                           \
        ((uint64_t)(x) + (((uint64_t)1 << 51) - 1)                         \
         < ((uint64_t)1 << 52) - 1)
    #define MININD_NEAR_uint64(x) ((x) < ((uint64_t)1 << 51))
    #define MININD_EXACT_int64(x, y, q, r)                                 \
        do {                                                               \
            if (y == 0) {                                                  \
                q = r = 0;                                                 \
            } else if (y == -1) {          /* MIN // -1 wraps to MIN */    \
                q = (int64_t)(0 - (uint64_t)x);                            \
                r = 0;                                                     \
                wraps |= x == INT64_MIN;                                   \
            } else {                                                       \
                q = x / y;                                                 \
                r = x - q * y;                                             \
                if (r != 0 && ((r < 0) != (y < 0))) {                      \
                    q -= 1;                                                \
                    r += y;                                                \
                }                                                          \
            }                                                              \
        } while (0)
    #define MININD_EXACT_uint64(x, y, q, r)                                \
        do {                                                               \
            q = y ? x / y : 0;                                             \
            r = y ? x % y : 0;                                             \
        } while (0)
    #define MININD_LARGE_BLOCK(type, X, Y)                                 \
        do {                                                               \
            unsigned char far = 0;                                         \
            for (k = i; k < end; k++)                                      \
                far |= !MININD_NEAR_##type(X) | !MININD_NEAR_##type(Y);    \
            if (!far) {                                                    \
                for (k = i; k < end; k++) {                                \
                    union { double d; int64_t i; } fx, fy, s, fq;          \
                    int64_t x = (int64_t)(X), y = (int64_t)(Y), q;         \
                    double d;                                              \
                    fx.i = shifter.i + x;                                  \
                    fy.i = shifter.i + y + (y == 0);  /* 0: divide by 1 */ \
                    fx.d -= shifter.d;                                     \
                    fy.d -= shifter.d;                                     \
                    d = fx.d / fy.d;                                       \
                    s.d = d + shifter.d;             /* round(d), bits */  \
                    q = (s.i - shifter.i) - (s.d - shifter.d > d);         \
                    q &= -(int64_t)(y != 0);                               \
                    zero |= y == 0;                                        \
                    if (want_remainder) {                                  \
                        fq.i = shifter.i + q;                              \
                        s.d = fx.d - (fq.d - shifter.d) * fy.d             \
                              + shifter.d;                                 \
                        q = (s.i - shifter.i) & -(int64_t)(y != 0);        \
                    }                                                      \
                    out[k] = (type##_t)q;                                  \
                }                                                          \
            } else {                                                       \
                for (k = i; k < end; k++) {                                \
                    type##_t x = X, y = Y, q, r;                           \
                    zero |= y == 0;                                        \
                    MININD_EXACT_##type(x, y, q, r);                       \
                    out[k] = want_remainder ? r : q;                       \
                }                                                          \
            }                                                              \
        } while (0)
    #define MININD_LARGE_FLOOR_DIVIDE(type)                                \
    static MININD_V4_VECTORS int minind_floor_divide_##type(               \
        const type##_t *a, const type##_t *b, ptrdiff_t sa, ptrdiff_t sb,  \
        int shape, type##_t *out, ptrdiff_t n, int want_remainder)         \
    {                                                                      \
        ptrdiff_t i, k, end;                                               \
        int zero = 0, wraps = 0;                                           \
        const union { double d; int64_t i; } shifter = {0x1.8p52};         \
        for (i = 0; i < n; i = end) {                                      \
            end = n - i < 256 ? n : i + 256;                               \
            if (shape == 0)                                                \
                MININD_LARGE_BLOCK(type, a[k], b[k]);                      \
            else if (shape == 1)                                           \
                MININD_LARGE_BLOCK(type, a[k], b[0]);                      \
            else if (shape == 2)                                           \
                MININD_LARGE_BLOCK(type, a[0], b[k]);                      \
            else                                                           \
                MININD_LARGE_BLOCK(type, a[k * sa], b[k * sb]);            \
        }                                                                  \
        return zero | (want_remainder ? 0 : wraps << 1);                   \
    }
    MININD_LARGE_FLOOR_DIVIDE(int64)
    MININD_LARGE_FLOOR_DIVIDE(uint64)
    /* The loop by item size and signedness: the floored quotients, or
       the remainders that go with them. */
    #define MININD_DIVISION(type)                                          \
        return minind_floor_divide_##type(a, b, sa, sb, shape, out, n,     \
                                          want_remainder)
    static int minind_floor_divide_integers(int size, int is_signed,
                                            const void *a, const void *b,
                                            ptrdiff_t sa, ptrdiff_t sb,
                                            int shape, void *out,
                                            ptrdiff_t n, int want_remainder)
    {
        switch (size * 2 + (is_signed != 0)) {
        case 2: MININD_DIVISION(uint8);
        case 3: MININD_DIVISION(int8);
        case 4: MININD_DIVISION(uint16);
        case 5: MININD_DIVISION(int16);
        case 8: MININD_DIVISION(uint32);
        case 9: MININD_DIVISION(int32);
        case 16: MININD_DIVISION(uint64);
        default: MININD_DIVISION(int64);
        }
    }

    /* a block at i: each shape's steps as constants, and a whole
       block's length, so that its loads vectorise; strided operands are
       copied to a block first (read in place, GCC left the rounds
       scalar: 5 times slower).  An array with a scalar exponent, shape
       1, keeps binary_loop's loop for a scalar operand, measured 1.4 to
       4 times faster than these blocks. */
    #define MININD_POWER_AT(type, m)                                       \
        do {                                                               \
            if (shape == 0) {                                              \
                minind_power_block_##type(a + i, b + i, 1, 1, out + i, m); \
            } else if (shape == 2) {                                       \
                minind_power_block_##type(a, b + i, 0, 1, out + i, m);     \
            } else {                                                       \
                type##_t ta[16], tb[16];                                   \
                ptrdiff_t k;                                               \
                for (k = 0; k < (m); k++) {                                \
                    ta[k] = a[(i + k) * sa];                               \
                    tb[k] = b[(i + k) * sb];                               \
                }                                                          \
                minind_power_block_##type(ta, tb, 1, 1, out + i, m);       \
            }                                                              \
        } while (0)
    /* Integer power by repeated squaring (_power's rule), 16 elements
       at a time: every element of a block takes as many rounds as the
       block's largest exponent has bits, an element whose exponent has
       run out multiplying by 1, so no branch depends on one element and
       the rounds vectorise; NumPy's loop, a branch per exponent bit,
       mispredicts on mixed exponents (int32 a ** b with exponents
       below 50 took 14 ns an element there, 18 in _power's loop).
       Products in WIDE, the unsigned type of the item's width, or 32
       bits for narrower items (C would promote a uint16 product to int,
       which can overflow): a product's low bits depend only on its
       factors' low bits, so the result wraps as NumPy's.  A negative
       exponent, refused before the loop runs, gives 0 as in _power. */
    #define MININD_POWER(type, WIDE, NEG)                                  \
    static inline __attribute__((always_inline)) void                      \
    minind_power_block_##type(const type##_t *a, const type##_t *b,        \
                              ptrdiff_t sa, ptrdiff_t sb, type##_t *out,   \
                              ptrdiff_t m)                                 \
    {                                                                      \
        WIDE base[16], result[16], exponent[16], bits = 0;                 \
        ptrdiff_t k;                                                       \
        for (k = 0; k < 16; k++) {                                         \
            type##_t x = k < m ? a[k * sa] : 0;                            \
            type##_t y = k < m ? b[k * sb] : 0;                            \
            base[k] = (WIDE)x;                                             \
            result[k] = NEG(y) ? 0 : 1;                                    \
            exponent[k] = NEG(y) ? 0 : (WIDE)y;                            \
            bits |= exponent[k];                                           \
        }                                                                  \
        for (; bits; bits >>= 1)                                           \
            for (k = 0; k < 16; k++) {                                     \
                /* base where the bit is set, else 1, by a mask (GCC       \
                   made ?: a branch per element) */                        \
                WIDE set = 0 - (exponent[k] & 1);                          \
                result[k] *= ((base[k] - 1) & set) + 1;                    \
                base[k] *= base[k];                                        \
                exponent[k] >>= 1;                                         \
            }                                                              \
        for (k = 0; k < m; k++) out[k] = (type##_t)result[k];              \
    }                                                                      \
    static MININD_V4_VECTORS void minind_power_##type(                     \
        const type##_t *a, const type##_t *b, ptrdiff_t sa, ptrdiff_t sb,  \
        int shape, type##_t *out, ptrdiff_t n)                             \
    {                                                                      \
        ptrdiff_t i;                                                       \
        for (i = 0; i + 16 <= n; i += 16)                                  \
            MININD_POWER_AT(type, 16);                                     \
        if (i < n)                                                         \
            MININD_POWER_AT(type, n - i);                                  \
    }
    MININD_POWER(int8, uint32_t, MININD_SIGNED_NEG)
    MININD_POWER(uint8, uint32_t, MININD_UNSIGNED_NEG)
    MININD_POWER(int16, uint32_t, MININD_SIGNED_NEG)
    MININD_POWER(uint16, uint32_t, MININD_UNSIGNED_NEG)
    MININD_POWER(int32, uint32_t, MININD_SIGNED_NEG)
    MININD_POWER(uint32, uint32_t, MININD_UNSIGNED_NEG)
    MININD_POWER(int64, uint64_t, MININD_SIGNED_NEG)
    MININD_POWER(uint64, uint64_t, MININD_UNSIGNED_NEG)

    enum { MININD_ELEMENT_MAXIMUM, MININD_ELEMENT_MINIMUM,
           MININD_ELEMENT_MULTIPLY, MININD_ELEMENT_FMAX,
           MININD_ELEMENT_FMIN, MININD_ELEMENT_ADD,
           MININD_ELEMENT_SUBTRACT, MININD_ELEMENT_DIVIDE,
           MININD_ELEMENT_LEFT_SHIFT, MININD_ELEMENT_RIGHT_SHIFT,
           MININD_ELEMENT_POWER };
    #define MININD_ELEMENT_CASE(type)                                      \
        if (op == MININD_ELEMENT_MAXIMUM)                                  \
            minind_maximum_##type(a, b, sa, sb, shape, out, n);            \
        else if (op == MININD_ELEMENT_MINIMUM)                             \
            minind_minimum_##type(a, b, sa, sb, shape, out, n);            \
        else if (op == MININD_ELEMENT_ADD)                                 \
            minind_add_##type(a, b, sa, sb, shape, out, n);                \
        else if (op == MININD_ELEMENT_SUBTRACT)                            \
            minind_subtract_##type(a, b, sa, sb, shape, out, n);           \
        else if (op == MININD_ELEMENT_LEFT_SHIFT)                          \
            minind_left_shift_##type(a, b, sa, sb, shape, out, n);         \
        else if (op == MININD_ELEMENT_RIGHT_SHIFT)                         \
            minind_right_shift_##type(a, b, sa, sb, shape, out, n);        \
        else if (op == MININD_ELEMENT_POWER)                               \
            minind_power_##type(a, b, sa, sb, shape, out, n);              \
        else                                                               \
            minind_multiply_##type(a, b, sa, sb, shape, out, n);           \
        return 1;
    /* The loop for an integer type given by its size and signedness (8-
       and 16-bit products too: SSE2 vectorises them in the Cython loop,
       but int8 a * b at 10**5 took 1.6 times NumPy's time there, 1.3 in
       the x86-64-v4 clone). */
    static int minind_integer_elementwise(int op, int size, int is_signed,
                                          const void *a, const void *b,
                                          ptrdiff_t sa, ptrdiff_t sb,
                                          int shape, void *out, ptrdiff_t n)
    {
        if (size == 1 && op == MININD_ELEMENT_MULTIPLY && shape != 3) {
            minind_multiply_bytes((const uint8_t *)a, (const uint8_t *)b,
                                  shape, (uint8_t *)out, n);
            return 1;
        }
        switch (size * 2 + (is_signed != 0)) {
        case 2: MININD_ELEMENT_CASE(uint8)
        case 3: MININD_ELEMENT_CASE(int8)
        case 4: MININD_ELEMENT_CASE(uint16)
        case 5: MININD_ELEMENT_CASE(int16)
        case 8: MININD_ELEMENT_CASE(uint32)
        case 9: MININD_ELEMENT_CASE(int32)
        case 16: MININD_ELEMENT_CASE(uint64)
        case 17: MININD_ELEMENT_CASE(int64)
        default: return 0;
        }
    }

    #define MININD_FLOAT_CASE(type)                                        \
        switch (op) {                                                      \
        case MININD_ELEMENT_MAXIMUM:                                       \
            minind_maximum_##type(a, b, sa, sb, shape, out, n); return 1;  \
        case MININD_ELEMENT_MINIMUM:                                       \
            minind_minimum_##type(a, b, sa, sb, shape, out, n); return 1;  \
        case MININD_ELEMENT_FMAX:                                          \
            minind_fmax_##type(a, b, sa, sb, shape, out, n); return 1;     \
        case MININD_ELEMENT_FMIN:                                          \
            minind_fmin_##type(a, b, sa, sb, shape, out, n); return 1;     \
        case MININD_ELEMENT_ADD:                                           \
            minind_add_##type(a, b, sa, sb, shape, out, n); return 1;      \
        case MININD_ELEMENT_SUBTRACT:                                      \
            minind_subtract_##type(a, b, sa, sb, shape, out, n); return 1; \
        case MININD_ELEMENT_MULTIPLY:                                      \
            minind_multiply_##type(a, b, sa, sb, shape, out, n); return 1; \
        case MININD_ELEMENT_DIVIDE:                                        \
            minind_divide_##type(a, b, sa, sb, shape, out, n); return 1;   \
        default: return 0;                                                 \
        }
    /* The float loop of an operation by item size. */
    static int minind_float_elementwise(int op, int size, const void *a,
                                        const void *b, ptrdiff_t sa,
                                        ptrdiff_t sb, int shape, void *out,
                                        ptrdiff_t n)
    {
        if (size == 4) { MININD_FLOAT_CASE(float) }
        MININD_FLOAT_CASE(double)
    }

    /* where(cond, x, y): each item's bits copied from x or y, so one
       loop per item size serves every type (NaN payloads and signed
       zeros travel as bits).  Both operands are loaded and one kept by a
       selection, which vectorises to a blend; the Cython loop branched
       on each condition, mispredicted on mixed conditions (int64 where
       at 10**4: 1.4 times NumPy's time).  With strides GCC made that
       selection a branch again (strided int64 where: 1.8), so there it
       is a mask.  cond steps in bytes, the others in items, 0 for a
       scalar (where(c, a, 0)). */
    #define MININD_WHERE_RUN(X, Y)                                         \
        for (i = 0; i < n; i++) {                                          \
            a = X; b = Y;                                                  \
            out[i] = c[i] ? a : b;                                         \
        }
    #define MININD_WHERE(bits)                                             \
    static MININD_WIDE_VECTORS void minind_where_##bits(                   \
        const uint8_t *c, const uint##bits##_t *x,                         \
        const uint##bits##_t *y, uint##bits##_t *out, ptrdiff_t cs,        \
        ptrdiff_t xs, ptrdiff_t ys, ptrdiff_t os, ptrdiff_t n)             \
    {                                                                      \
        ptrdiff_t i;                                                       \
        uint##bits##_t a, b, m;                                            \
        if (n <= 0) return;                                                \
        if (cs == 1 && os == 1 && xs == 1 && ys == 1) {                    \
            MININD_WHERE_RUN(x[i], y[i])                                   \
        } else if (cs == 1 && os == 1 && xs == 1 && ys == 0) {             \
            MININD_WHERE_RUN(x[i], y[0])                                   \
        } else if (cs == 1 && os == 1 && xs == 0 && ys == 1) {             \
            MININD_WHERE_RUN(x[0], y[i])                                   \
        } else if (cs == 1 && os == 1 && xs == 0 && ys == 0) {             \
            MININD_WHERE_RUN(x[0], y[0])                                   \
        } else {          /* a mask, which GCC keeps; not a branch */    \
            for (i = 0; i < n; i++) {                                      \
                a = x[i * xs]; b = y[i * ys];                              \
                m = (uint##bits##_t)(0 - (c[i * cs] != 0));                \
                out[i * os] = (uint##bits##_t)((a & m)                     \
                                               | (b & (uint##bits##_t)~m));\
            }                                                              \
        }                                                                  \
    }
    MININD_WHERE(8)
    MININD_WHERE(16)
    MININD_WHERE(32)
    MININD_WHERE(64)
    /* The where loop for an item size in bytes. */
    static void minind_where(int size, const uint8_t *c, const void *x,
                             const void *y, void *out, ptrdiff_t cs,
                             ptrdiff_t xs, ptrdiff_t ys, ptrdiff_t os,
                             ptrdiff_t n)
    {
        switch (size) {
        case 1: minind_where_8(c, x, y, out, cs, xs, ys, os, n); return;
        case 2: minind_where_16(c, x, y, out, cs, xs, ys, os, n); return;
        case 4: minind_where_32(c, x, y, out, cs, xs, ys, os, n); return;
        default: minind_where_64(c, x, y, out, cs, xs, ys, os, n); return;
        }
    }

    /* clip, NumPy's two rules (clip_loop), in C so that each is built
       for each vector width and branch-free: two selections per item,
       which GCC makes vector max/min or compare-and-blend.  The Cython
       loops' were a branch per item on where x lies, mispredicted half
       the time on values spread across the bounds (strided float64 clip
       at 10**5: 12 times NumPy's time, float32 with array bounds 7), and
       SSE2 has no packed compare of 64-bit integers nor packed max of
       int32 (contiguous int64 clip: 1.9).
       Bounds constant for the loop, and not NaN (_clip_constant): the
       element wins a tie.  Bounds that vary: maximum's then minimum's
       rule, a NaN element kept, a tie giving the bound; one bound may
       be constant (clip(a, lows, 1.0)).  The operands' steps are in
       items, 0 for a constant. */
    #define MININD_CLIP_VARYING(LOW, HIGH, ISNAN)                         \
        for (i = 0; i < n; i++) {                                          \
            v = x[i]; b = LOW;                                             \
            v = ISNAN(v) || v > b ? v : b;                                 \
            b = HIGH;                                                      \
            out[i] = ISNAN(v) || v < b ? v : b;                            \
        }
    #define MININD_CLIP(type, suffix, ISNAN)                               \
    static MININD_WIDE_VECTORS void minind_clip_##suffix(                  \
        const type *x, const type *low, const type *high, type *out,       \
        ptrdiff_t xs, ptrdiff_t ls, ptrdiff_t hs, ptrdiff_t os,            \
        ptrdiff_t n)                                                       \
    {                                                                      \
        ptrdiff_t i;                                                       \
        type v, b, lo, hi;                                                 \
        if (n <= 0) return;                                                \
        lo = low[0];                                                       \
        hi = high[0];                                                      \
        if (ls == 0 && hs == 0 && xs == 1 && os == 1) {                    \
            for (i = 0; i < n; i++) {                                      \
                v = lo > x[i] ? lo : x[i];                                 \
                out[i] = hi < v ? hi : v;                                  \
            }                                                              \
        } else if (ls == 0 && hs == 0) {                                   \
            for (i = 0; i < n; i++) {                                      \
                v = lo > x[i * xs] ? lo : x[i * xs];                       \
                out[i * os] = hi < v ? hi : v;                             \
            }                                                              \
        } else if (xs == 1 && ls == 1 && hs == 1 && os == 1) {             \
            MININD_CLIP_VARYING(low[i], high[i], ISNAN)                    \
        } else if (xs == 1 && ls == 1 && hs == 0 && os == 1) {             \
            MININD_CLIP_VARYING(low[i], hi, ISNAN)                         \
        } else if (xs == 1 && ls == 0 && hs == 1 && os == 1) {             \
            MININD_CLIP_VARYING(lo, high[i], ISNAN)                        \
        } else {                                                           \
            for (i = 0; i < n; i++) {                                      \
                v = x[i * xs]; b = low[i * ls];                            \
                v = ISNAN(v) || v > b ? v : b;                             \
                b = high[i * hs];                                          \
                out[i * os] = ISNAN(v) || v < b ? v : b;                   \
            }                                                              \
        }                                                                  \
    }
    #define MININD_CLIP_ISNAN(v) ((v) != (v))
    #define MININD_CLIP_NO_NAN(v) 0
    MININD_CLIP(float, float, MININD_CLIP_ISNAN)
    MININD_CLIP(double, double, MININD_CLIP_ISNAN)
    MININD_CLIP(int8_t, int8, MININD_CLIP_NO_NAN)
    MININD_CLIP(uint8_t, uint8, MININD_CLIP_NO_NAN)
    MININD_CLIP(int16_t, int16, MININD_CLIP_NO_NAN)
    MININD_CLIP(uint16_t, uint16, MININD_CLIP_NO_NAN)
    MININD_CLIP(int32_t, int32, MININD_CLIP_NO_NAN)
    MININD_CLIP(uint32_t, uint32, MININD_CLIP_NO_NAN)
    MININD_CLIP(int64_t, int64, MININD_CLIP_NO_NAN)
    MININD_CLIP(uint64_t, uint64, MININD_CLIP_NO_NAN)
    #define MININD_CLIP_CASE(type, suffix)                                 \
        minind_clip_##suffix((const type *)x, (const type *)low,           \
                             (const type *)high, (type *)out, xs, ls, hs,  \
                             os, n);                                       \
        return;
    /* The clip loop of a type given by its kind (0: float, 1: signed
       integer, 2: unsigned) and size. */
    static void minind_clip(int kind, int size, const void *x,
                            const void *low, const void *high, void *out,
                            ptrdiff_t xs, ptrdiff_t ls, ptrdiff_t hs,
                            ptrdiff_t os, ptrdiff_t n)
    {
        switch (kind * 16 + size) {
        case 4: MININD_CLIP_CASE(float, float)
        case 8: MININD_CLIP_CASE(double, double)
        case 17: MININD_CLIP_CASE(int8_t, int8)
        case 18: MININD_CLIP_CASE(int16_t, int16)
        case 20: MININD_CLIP_CASE(int32_t, int32)
        case 24: MININD_CLIP_CASE(int64_t, int64)
        case 33: MININD_CLIP_CASE(uint8_t, uint8)
        case 34: MININD_CLIP_CASE(uint16_t, uint16)
        case 36: MININD_CLIP_CASE(uint32_t, uint32)
        default: MININD_CLIP_CASE(uint64_t, uint64)
        }
    }

    /* isnan (test 0), isinf (1), isfinite (2) of n floats, one
       comparison each: NaN is the one value unequal to itself, an infinity
       has |x| == inf, a finite x has |x| < inf (False for NaN).  As the
       comparisons above, with wider vectors: a double compare narrowed to
       bytes does not vectorise with SSE2 alone.  Contiguous floats, or
       floats `stride` items apart read in place (AT, as the folds): a
       copy to a block first cost a store and a load more per item
       (strided float64 isnan at 10**4, with AVX2: 2.2 times NumPy's time
       through a block). */
    #define MININD_CLASSIFY_LOOP(name, type, ABS, bits, AT)                \
    static MININD_WIDE_VECTORS void name(                                  \
        int test, const type *items, ptrdiff_t stride, uint8_t *out,       \
        ptrdiff_t n)                                                       \
    {                                                                      \
        const type infinity = (type)INFINITY;                              \
        ptrdiff_t i;                                                       \
        uint##bits##_t word;                                               \
        if (test == 0) {                                                   \
            for (i = 0; i < n; i++) out[i] = AT(i) != AT(i);               \
        } else if (test == 1) {                                            \
            for (i = 0; i < n; i++) out[i] = ABS(AT(i)) == infinity;       \
        } else if (test == 2) {                                            \
            for (i = 0; i < n; i++) out[i] = ABS(AT(i)) < infinity;        \
        } else {                  /* signbit: the top bit, -0.0 and -nan */\
            for (i = 0; i < n; i++) {                                      \
                memcpy(&word, &AT(i), sizeof word);                        \
                out[i] = (uint8_t)(word >> (bits - 1));                    \
            }                                                              \
        }                                                                  \
    }
    #define MININD_CLASSIFY(type, suffix, ABS, bits)                       \
    MININD_CLASSIFY_LOOP(minind_classify_contiguous_##suffix, type, ABS,   \
                         bits, MININD_CONTIGUOUS)                          \
    MININD_CLASSIFY_LOOP(minind_classify_in_place_##suffix, type, ABS,     \
                         bits, MININD_STRIDED)                             \
    static void minind_classify_##suffix(int test, const type *items,      \
                                         ptrdiff_t stride, uint8_t *out,   \
                                         ptrdiff_t n)                      \
    {                                                                      \
        if (stride == 1)                                                   \
            minind_classify_contiguous_##suffix(test, items, 1, out, n);   \
        else                                                               \
            minind_classify_in_place_##suffix(test, items, stride, out, n);\
    }
    MININD_CLASSIFY(float, float, fabsf, 32)
    MININD_CLASSIFY(double, double, fabs, 64)

    /* Square roots (and reciprocals) of n floats into a contiguous out:
       contiguous, or `stride` items apart read in place (AT, as the
       tests above).  One instruction a vector (-fno-math-errno,
       setup.py), as wide as the CPU has: the Cython loop is built for
       SSE2 alone, and a strided run went through a block (float32 sqrt
       of a[::2] at 10**4, on AMD's Zen 5: 1.8 times NumPy's time;
       float32 reciprocal of a[::2] at 10**5, AVX-512: 1.75, the block's
       gather and the divisions one after the other). */
    #define MININD_UNARY_RUN_LOOP(name, type, F, AT)                       \
    static MININD_WIDE_VECTORS void name(const type *items,                \
                                         ptrdiff_t stride, type *out,      \
                                         ptrdiff_t n)                      \
    {                                                                      \
        ptrdiff_t i;                                                       \
        for (i = 0; i < n; i++) out[i] = F(AT(i));                         \
    }
    #define MININD_UNARY_RUN(name, type, F)                                \
    MININD_UNARY_RUN_LOOP(name##_contiguous, type, F, MININD_CONTIGUOUS)   \
    MININD_UNARY_RUN_LOOP(name##_in_place, type, F, MININD_STRIDED)        \
    static void name(const type *items, ptrdiff_t stride, type *out,       \
                     ptrdiff_t n)                                          \
    {                                                                      \
        if (stride == 1)                                                   \
            name##_contiguous(items, 1, out, n);                           \
        else                                                               \
            name##_in_place(items, stride, out, n);                        \
    }
    #define MININD_ONE_OVER(x) (1 / (x))
    MININD_UNARY_RUN(minind_sqrt_float, float, sqrtf)
    MININD_UNARY_RUN(minind_sqrt_double, double, sqrt)
    MININD_UNARY_RUN(minind_one_over_float, float, MININD_ONE_OVER)
    MININD_UNARY_RUN(minind_one_over_double, double, MININD_ONE_OVER)

    /* Whether any of n contiguous items is nonzero (want_zero 0) or zero
       (1): the test of a block in any() and all().  The lanes OR masks as
       wide as the element, which vectorises; a byte per element would
       need narrowing, which SSE2 cannot do for doubles, and which GCC
       made of Cython's loop for the integers (uint64 all() at 10**5:
       1.45 times NumPy's time).  (NaN is nonzero: the comparisons are
       quiet.  An integer's truth does not depend on its sign, so the
       unsigned loops serve both.) */
    #define MININD_HAS_TRUTH(type, mask_type)                              \
    static MININD_WIDE_VECTORS int minind_has_##type(                      \
        const type *items, ptrdiff_t n, int want_zero)                     \
    {                                                                      \
        mask_type seen = 0;                                                \
        ptrdiff_t i;                                                       \
        if (want_zero)                                                     \
            for (i = 0; i < n; i++) seen |= -(mask_type)(items[i] == 0);   \
        else                                                               \
            for (i = 0; i < n; i++) seen |= -(mask_type)(items[i] != 0);   \
        return seen != 0;                                                  \
    }
    MININD_HAS_TRUTH(float, int32_t)
    MININD_HAS_TRUTH(double, int64_t)
    MININD_HAS_TRUTH(uint8_t, uint8_t)
    MININD_HAS_TRUTH(uint16_t, uint16_t)
    MININD_HAS_TRUTH(uint32_t, uint32_t)
    MININD_HAS_TRUTH(uint64_t, uint64_t)

    /* |x| of n contiguous signed integers, wrapping at the minimum as
       NumPy's does (computed unsigned: -INT64_MIN overflows in C).  AVX2
       compares 64-bit lanes, SSE2 cannot. */
    #define MININD_ABSOLUTE(type, utype)                                   \
    static MININD_WIDE_VECTORS void minind_absolute_##type(                \
        const type##_t *items, type##_t *out, ptrdiff_t n)                 \
    {                                                                      \
        ptrdiff_t i;                                                       \
        for (i = 0; i < n; i++) {                                          \
            type##_t x = items[i];                                         \
            out[i] = x < 0 ? (type##_t)(0 - (utype)x) : x;                 \
        }                                                                  \
    }
    MININD_ABSOLUTE(int8, uint8_t)
    MININD_ABSOLUTE(int16, uint16_t)
    MININD_ABSOLUTE(int32, uint32_t)
    MININD_ABSOLUTE(int64, uint64_t)

    /* sign of n contiguous integers, (x > 0) - (x < 0): two compares and
       a subtract a vector, where Cython's loop made a branch of each
       comparison (int64 sign at 10**5: 3.3 times NumPy's time).  NEG(x):
       x < 0, spelled 0 for the unsigned types (as the shifts'). */
    #define MININD_SIGN(type, NEG)                                         \
    static MININD_WIDE_VECTORS void minind_sign_##type(                    \
        const type##_t *items, type##_t *out, ptrdiff_t n)                 \
    {                                                                      \
        ptrdiff_t i;                                                       \
        for (i = 0; i < n; i++)                                            \
            out[i] = (type##_t)((items[i] > 0) - NEG(items[i]));           \
    }
    MININD_SIGN(int8, MININD_SIGNED_NEG)
    MININD_SIGN(uint8, MININD_UNSIGNED_NEG)
    MININD_SIGN(int16, MININD_SIGNED_NEG)
    MININD_SIGN(uint16, MININD_UNSIGNED_NEG)
    MININD_SIGN(int32, MININD_SIGNED_NEG)
    MININD_SIGN(uint32, MININD_UNSIGNED_NEG)
    MININD_SIGN(int64, MININD_SIGNED_NEG)
    MININD_SIGN(uint64, MININD_UNSIGNED_NEG)
    /* sign of n contiguous floats: 1, -1, 0 for either zero, NaN kept
       (unary_value's rule), as nested selections, each a vector compare
       and blend where the Cython loop branched per element (float64 sign
       at 10**5: 1.7 times NumPy's time on data of both signs). */
    #define MININD_FLOAT_SIGN(type)                                        \
    static MININD_WIDE_VECTORS void minind_sign_##type(                    \
        const type *items, type *out, ptrdiff_t n)                         \
    {                                                                      \
        ptrdiff_t i;                                                       \
        for (i = 0; i < n; i++) {                                          \
            type x = items[i];                                             \
            out[i] = x > 0 ? (type)1 : x < 0 ? (type)-1                    \
                     : x == 0 ? (type)0 : x;                               \
        }                                                                  \
    }
    MININD_FLOAT_SIGN(float)
    MININD_FLOAT_SIGN(double)
    /* The sign loop of a type given by its size and kind (0 unsigned,
       1 signed integer, 2 float). */
    static void minind_sign(int size, int is_signed, const void *items,
                            void *out, ptrdiff_t n)
    {
        if (is_signed == 2) {
            if (size == 4) minind_sign_float(items, out, n);
            else minind_sign_double(items, out, n);
            return;
        }
        switch (size * 2 + (is_signed != 0)) {
        case 2: minind_sign_uint8(items, out, n); return;
        case 3: minind_sign_int8(items, out, n); return;
        case 4: minind_sign_uint16(items, out, n); return;
        case 5: minind_sign_int16(items, out, n); return;
        case 8: minind_sign_uint32(items, out, n); return;
        case 9: minind_sign_int32(items, out, n); return;
        case 16: minind_sign_uint64(items, out, n); return;
        default: minind_sign_int64(items, out, n); return;
        }
    }

    /* floor, ceil, trunc and rint of n contiguous floats or doubles.
       The default x86-64 target has no rounding instruction, so each
       element is a call into the C library; SSE4.1's (in the AVX2
       build) rounds a whole vector, in the mode the function
       names (rint: the current one, ties to even).  GCC vectorises
       floor, ceil and trunc only where it may assume that floating point
       does not trap (-fno-trapping-math), which for these loops, whose
       only operation is the rounding, changes nothing: the instruction
       suppresses the inexact flag and raises invalid for a signalling
       NaN, as the C functions do.  (rint vectorises without it.) */
    #if defined(__GNUC__) && !defined(__clang__)
    #define MININD_NO_TRAPS __attribute__((optimize("no-trapping-math")))
    #else
    #define MININD_NO_TRAPS
    #endif
    #define MININD_ROUNDING(function, type)                                \
    static MININD_HALF_VECTORS MININD_NO_TRAPS void minind_##function(     \
        const type *items, ptrdiff_t stride, type *out, ptrdiff_t n)       \
    {                                                                      \
        ptrdiff_t i;                                                       \
        if (stride == 1)                                                   \
            for (i = 0; i < n; i++) out[i] = function(items[i]);           \
        else                                                               \
            for (i = 0; i < n; i++) out[i] = function(items[i * stride]);  \
    }
    MININD_ROUNDING(floor, double)
    MININD_ROUNDING(ceil, double)
    MININD_ROUNDING(trunc, double)
    MININD_ROUNDING(rint, double)
    MININD_ROUNDING(floorf, float)
    MININD_ROUNDING(ceilf, float)
    MININD_ROUNDING(truncf, float)
    MININD_ROUNDING(rintf, float)
    enum { MININD_FLOOR, MININD_CEIL, MININD_TRUNC, MININD_RINT };
    /* The loop for an operation and a float size (4 or 8), the input
       every stride-th item into a contiguous output. */
    static void minind_rounding(int op, int size, const void *items,
                                ptrdiff_t stride, void *out, ptrdiff_t n)
    {
        if (size == 8) {
            if (op == MININD_FLOOR) minind_floor(items, stride, out, n);
            else if (op == MININD_CEIL) minind_ceil(items, stride, out, n);
            else if (op == MININD_TRUNC) minind_trunc(items, stride, out, n);
            else minind_rint(items, stride, out, n);
        } else {
            if (op == MININD_FLOOR) minind_floorf(items, stride, out, n);
            else if (op == MININD_CEIL) minind_ceilf(items, stride, out, n);
            else if (op == MININD_TRUNC) minind_truncf(items, stride, out, n);
            else minind_rintf(items, stride, out, n);
        }
    }
    """
    enum:
        MININD_EQUAL, MININD_NOT_EQUAL, MININD_LESS, MININD_LESS_EQUAL
        MININD_GREATER, MININD_GREATER_EQUAL, MININD_LOGICAL_AND
        MININD_LOGICAL_OR, MININD_LOGICAL_XOR
        MININD_MAXIMUM, MININD_MINIMUM, MININD_FMAX, MININD_FMIN
    void compare_floats "minind_compare_float"(
        int op, const float* a, const float* b, int shape, uint8_t* out,
        Py_ssize_t n) noexcept nogil
    void compare_doubles "minind_compare_double"(
        int op, const double* a, const double* b, int shape, uint8_t* out,
        Py_ssize_t n) noexcept nogil
    void compare_int8 "minind_compare_int8"(
        int op, const int8_t* a, const int8_t* b, int shape, uint8_t* out,
        Py_ssize_t n) noexcept nogil
    void compare_uint8 "minind_compare_uint8"(
        int op, const uint8_t* a, const uint8_t* b, int shape, uint8_t* out,
        Py_ssize_t n) noexcept nogil
    void compare_int16 "minind_compare_int16"(
        int op, const int16_t* a, const int16_t* b, int shape, uint8_t* out,
        Py_ssize_t n) noexcept nogil
    void compare_uint16 "minind_compare_uint16"(
        int op, const uint16_t* a, const uint16_t* b, int shape, uint8_t* out,
        Py_ssize_t n) noexcept nogil
    void compare_int32 "minind_compare_int32"(
        int op, const int32_t* a, const int32_t* b, int shape, uint8_t* out,
        Py_ssize_t n) noexcept nogil
    void compare_uint32 "minind_compare_uint32"(
        int op, const uint32_t* a, const uint32_t* b, int shape, uint8_t* out,
        Py_ssize_t n) noexcept nogil
    void compare_int64 "minind_compare_int64"(
        int op, const int64_t* a, const int64_t* b, int shape, uint8_t* out,
        Py_ssize_t n) noexcept nogil
    void compare_uint64 "minind_compare_uint64"(
        int op, const uint64_t* a, const uint64_t* b, int shape, uint8_t* out,
        Py_ssize_t n) noexcept nogil
    void fold_float_lanes "minind_fold_float"(
        int op, float* lanes, const float* items, Py_ssize_t stride,
        Py_ssize_t blocked) noexcept nogil
    void fold_double_lanes "minind_fold_double"(
        int op, double* lanes, const double* items, Py_ssize_t stride,
        Py_ssize_t blocked) noexcept nogil
    void fold_int8_lanes "minind_fold_int8"(
        int op, int8_t* lanes, const int8_t* items, Py_ssize_t stride,
        Py_ssize_t blocked) noexcept nogil
    void fold_uint8_lanes "minind_fold_uint8"(
        int op, uint8_t* lanes, const uint8_t* items, Py_ssize_t stride,
        Py_ssize_t blocked) noexcept nogil
    void fold_int16_lanes "minind_fold_int16"(
        int op, int16_t* lanes, const int16_t* items, Py_ssize_t stride,
        Py_ssize_t blocked) noexcept nogil
    void fold_uint16_lanes "minind_fold_uint16"(
        int op, uint16_t* lanes, const uint16_t* items, Py_ssize_t stride,
        Py_ssize_t blocked) noexcept nogil
    void fold_int32_lanes "minind_fold_int32"(
        int op, int32_t* lanes, const int32_t* items, Py_ssize_t stride,
        Py_ssize_t blocked) noexcept nogil
    void fold_uint32_lanes "minind_fold_uint32"(
        int op, uint32_t* lanes, const uint32_t* items, Py_ssize_t stride,
        Py_ssize_t blocked) noexcept nogil
    void fold_int64_lanes "minind_fold_int64"(
        int op, int64_t* lanes, const int64_t* items, Py_ssize_t stride,
        Py_ssize_t blocked) noexcept nogil
    void fold_uint64_lanes "minind_fold_uint64"(
        int op, uint64_t* lanes, const uint64_t* items, Py_ssize_t stride,
        Py_ssize_t blocked) noexcept nogil
    Py_ssize_t first_equal "minind_first_equal"(
        int is_float, int size, const void* items, Py_ssize_t n,
        const void* value) noexcept nogil
    void classify_floats "minind_classify_float"(
        int test, const float* items, Py_ssize_t stride, uint8_t* out,
        Py_ssize_t n) noexcept nogil
    void classify_doubles "minind_classify_double"(
        int test, const double* items, Py_ssize_t stride, uint8_t* out,
        Py_ssize_t n) noexcept nogil
    void one_over_floats "minind_one_over_float"(
        const float*, Py_ssize_t, float*, Py_ssize_t) noexcept nogil
    void one_over_doubles "minind_one_over_double"(
        const double*, Py_ssize_t, double*, Py_ssize_t) noexcept nogil
    void sqrt_floats "minind_sqrt_float"(
        const float* items, Py_ssize_t stride, float* out,
        Py_ssize_t n) noexcept nogil
    void sqrt_doubles "minind_sqrt_double"(
        const double* items, Py_ssize_t stride, double* out,
        Py_ssize_t n) noexcept nogil
    bint has_float "minind_has_float"(
        const float* items, Py_ssize_t n, int want_zero) noexcept nogil
    bint has_double "minind_has_double"(
        const double* items, Py_ssize_t n, int want_zero) noexcept nogil
    bint has_uint8 "minind_has_uint8_t"(
        const uint8_t* items, Py_ssize_t n, int want_zero) noexcept nogil
    bint has_uint16 "minind_has_uint16_t"(
        const uint16_t* items, Py_ssize_t n, int want_zero) noexcept nogil
    bint has_uint32 "minind_has_uint32_t"(
        const uint32_t* items, Py_ssize_t n, int want_zero) noexcept nogil
    bint has_uint64 "minind_has_uint64_t"(
        const uint64_t* items, Py_ssize_t n, int want_zero) noexcept nogil
    enum:
        MININD_ELEMENT_MAXIMUM, MININD_ELEMENT_MINIMUM
        MININD_ELEMENT_MULTIPLY, MININD_ELEMENT_FMAX, MININD_ELEMENT_FMIN
        MININD_ELEMENT_ADD, MININD_ELEMENT_SUBTRACT, MININD_ELEMENT_DIVIDE
        MININD_ELEMENT_LEFT_SHIFT, MININD_ELEMENT_RIGHT_SHIFT
        MININD_ELEMENT_POWER
    int floor_divide_integers "minind_floor_divide_integers"(
        int size, int is_signed, const void* a, const void* b,
        Py_ssize_t sa, Py_ssize_t sb, int shape, void* out,
        Py_ssize_t n, int want_remainder) noexcept nogil
    bint integer_elementwise "minind_integer_elementwise"(
        int op, int size, int is_signed, const void* a, const void* b,
        Py_ssize_t sa, Py_ssize_t sb, int shape, void* out,
        Py_ssize_t n) noexcept nogil
    bint float_elementwise "minind_float_elementwise"(
        int op, int size, const void* a, const void* b, Py_ssize_t sa,
        Py_ssize_t sb, int shape, void* out, Py_ssize_t n) noexcept nogil
    void absolute_int8 "minind_absolute_int8"(
        const int8_t* items, int8_t* out, Py_ssize_t n) noexcept nogil
    void absolute_int16 "minind_absolute_int16"(
        const int16_t* items, int16_t* out, Py_ssize_t n) noexcept nogil
    void absolute_int32 "minind_absolute_int32"(
        const int32_t* items, int32_t* out, Py_ssize_t n) noexcept nogil
    void absolute_int64 "minind_absolute_int64"(
        const int64_t* items, int64_t* out, Py_ssize_t n) noexcept nogil
    void sign_items "minind_sign"(
        int size, int is_signed, const void* items, void* out,
        Py_ssize_t n) noexcept nogil
    void where_items "minind_where"(
        int size, const uint8_t* c, const void* x, const void* y,
        void* out, Py_ssize_t cs, Py_ssize_t xs, Py_ssize_t ys,
        Py_ssize_t os, Py_ssize_t n) noexcept nogil
    void clip_items "minind_clip"(
        int kind, int size, const void* x, const void* low,
        const void* high, void* out, Py_ssize_t xs, Py_ssize_t ls,
        Py_ssize_t hs, Py_ssize_t os, Py_ssize_t n) noexcept nogil
    enum:
        MININD_FLOOR, MININD_CEIL, MININD_TRUNC, MININD_RINT
    void rounding "minind_rounding"(
        int op, int size, const void* items, Py_ssize_t stride, void* out,
        Py_ssize_t n) noexcept nogil


cdef inline int _fold_code(binop_t* op) noexcept nogil:
    """The C helpers' name for a max/min operation (-1: none)."""
    if binop_t is MaximumOp:
        return MININD_MAXIMUM
    elif binop_t is MinimumOp:
        return MININD_MINIMUM
    elif binop_t is FmaxOp:
        return MININD_FMAX
    elif binop_t is FminOp:
        return MININD_FMIN
    else:
        return -1


# A reduction of a contiguous run keeps this many running values (lanes):
# independent chains the CPU overlaps and the compiler packs into vector
# registers, where a single accumulator is one long dependency chain.
# Measured with GCC at -O3 for x86-64 (SSE2): 64 lanes make a lane loop
# it vectorises (with 16 it unrolls the loop into scalar code).  The
# int64/uint64 sums, products and bitwise folds take 16 lanes, unrolled
# into registers, 1.5-2x faster than 64 in memory (max and min run in C
# with 64, _fold_in_c).
cdef enum:
    FOLD_LANES = 64
    INTEGER_LANES = 16


cdef inline void _fold_in_c(int code, item_t* lanes, const item_t* items,
                            Py_ssize_t stride,
                            Py_ssize_t blocked) noexcept nogil:
    """The C lane loop of item_t for a max/min operation ``code``, over
    every ``stride``-th item."""
    if item_t is float:
        fold_float_lanes(code, lanes, items, stride, blocked)
    elif item_t is double:
        fold_double_lanes(code, lanes, items, stride, blocked)
    elif item_t is int8_t:
        fold_int8_lanes(code, lanes, items, stride, blocked)
    elif item_t is uint8_t:
        fold_uint8_lanes(code, lanes, items, stride, blocked)
    elif item_t is int16_t:
        fold_int16_lanes(code, lanes, items, stride, blocked)
    elif item_t is uint16_t:
        fold_uint16_lanes(code, lanes, items, stride, blocked)
    elif item_t is int32_t:
        fold_int32_lanes(code, lanes, items, stride, blocked)
    elif item_t is uint32_t:
        fold_uint32_lanes(code, lanes, items, stride, blocked)
    elif item_t is int64_t:
        fold_int64_lanes(code, lanes, items, stride, blocked)
    else:
        fold_uint64_lanes(code, lanes, items, stride, blocked)


cdef item_t fold_lanes(item_t accumulator, const item_t* items,
                       Py_ssize_t n, binop_t* op) noexcept nogil:
    """``accumulator (op) items[0] (op) ... (op) items[n-1]`` for an
    operation whose result does not depend on the order: integer add,
    multiply and bitwise operations (which wrap, so they reassociate), and
    maximum/minimum/fmax/fmin of any type.

    Lane j of 64 folds items j, j + 64, j + 128... (16 lanes for the
    arithmetic of 64-bit integers; max/min lanes are C loops built for
    wider vectors too, ``_fold_in_c``); the lanes are then folded into the
    accumulator in order, then the items left over.  With
    ``_blend_value``'s branch-free NaN rules a float lane is a
    compare-and-blend per vector: a NaN sticks in a maximum/minimum lane
    and is skipped by an fmax/fmin lane, so the value is the serial
    loop's.  Two things can differ from the serial order: the sign of a
    zero on a tie (0.0 and -0.0, as in NumPy, whose SIMD loops also
    combine lanes) and which NaN comes out, which we restore: the first,
    as the serial loop gives.  NumPy: ``loops_minmax.dispatch.c.src``.
    """
    cdef item_t lanes[FOLD_LANES]
    cdef Py_ssize_t i, j, blocked
    cdef Py_ssize_t width = FOLD_LANES
    cdef int wide = _fold_code(op)  # the C lane loop's operation, if any
    if (item_t is int64_t or item_t is uint64_t) and wide < 0:
        width = INTEGER_LANES
    blocked = n - n % width
    if blocked:
        if wide >= 0:
            # the same selection in C, built for AVX-512 and AVX2 as well
            _fold_in_c(wide, lanes, items, 1, blocked)
        else:
            for j in range(width):
                lanes[j] = items[j]
            i = width
            while i < blocked:
                for j in range(width):
                    lanes[j] = _blend_value(lanes[j], items[i + j], op)
                i += width
    return _lanes_and_rest(accumulator, lanes, width if blocked else 0,
                           <const char*>items, n, blocked, sizeof(item_t),
                           op)


cdef item_t _lanes_and_rest(item_t accumulator, const item_t* lanes,
                            Py_ssize_t width, const char* b, Py_ssize_t n,
                            Py_ssize_t blocked, Py_ssize_t step,
                            binop_t* op) noexcept nogil:
    """The end of a fold in lanes (``fold_lanes``, ``_fold_blocks``)
    over the n items ``step`` bytes apart from ``b``, of which the first
    ``blocked`` went into the ``width`` lanes: the lanes folded into the
    accumulator in order, then the items left over.  A float maximum or
    minimum that comes out NaN gives the run's first NaN, as the serial
    loop does (the lanes may have kept another one)."""
    cdef Py_ssize_t i
    cdef item_t start = accumulator, value
    cdef item_t* tag = NULL
    for i in range(width):
        accumulator = binary_value(accumulator, lanes[i], op)
    for i in range(blocked, n):
        accumulator = binary_value(accumulator, load_item(b + i * step, tag),
                                   op)
    if item_t is float or item_t is double:
        if ((binop_t is MaximumOp or binop_t is MinimumOp)
                and accumulator != accumulator and start == start):
            for i in range(n):            # the NaN path only: which one
                value = load_item(b + i * step, tag)
                if value != value:
                    return value
    return accumulator


cdef inline void _divide_items_by_invariant(
        const item_t* items, item_t* out, Py_ssize_t n, item_t divisor,
        binop_t* op) noexcept nogil:
    """``divide_by_invariant`` on the unsigned words of item_t's width."""
    cdef bint is_signed = _is_signed(items)
    cdef bint want_remainder = binop_t is RemainderOp
    if item_t is int8_t or item_t is uint8_t:
        divide_by_invariant(<const uint8_t*>items, <uint8_t*>out, n,
                            <uint8_t>divisor, is_signed, want_remainder)
    elif item_t is int16_t or item_t is uint16_t:
        divide_by_invariant(<const uint16_t*>items, <uint16_t*>out, n,
                            <uint16_t>divisor, is_signed, want_remainder)
    elif item_t is int32_t or item_t is uint32_t:
        divide_by_invariant(<const uint32_t*>items, <uint32_t*>out, n,
                            <uint32_t>divisor, is_signed, want_remainder)
    elif item_t is int64_t or item_t is uint64_t:
        divide_by_invariant(<const uint64_t*>items, <uint64_t*>out, n,
                            <uint64_t>divisor, is_signed, want_remainder)


cdef inline bint _runs_overlap(const char* a, Py_ssize_t a_step,
                               const char* b, Py_ssize_t b_step,
                               Py_ssize_t n, Py_ssize_t size) noexcept nogil:
    """Whether n items from a (every a_step bytes) and n from b share a
    byte."""
    cdef const char* a_low = a + (a_step * (n - 1) if a_step < 0 else 0)
    cdef const char* a_high = a + (0 if a_step < 0 else a_step * (n - 1))
    cdef const char* b_low = b + (b_step * (n - 1) if b_step < 0 else 0)
    cdef const char* b_high = b + (0 if b_step < 0 else b_step * (n - 1))
    return a_low < b_high + size and b_low < a_high + size


cdef inline bint _vector_binary(char** args, Py_ssize_t n,
                                const Py_ssize_t* steps, binop_t* op,
                                real_t* tag) noexcept nogil:
    """``power`` (float32 and float64) and ``arctan2`` through the vector
    kernels ("Vectorised math" below: glibc's, and minind's own float32
    ``power`` and ``arctan2`` of both types), for aligned operands whose steps
    are whole items and an output that steps (a reduction keeps the
    serial loop, and so does an accumulation, whose input is the output
    one item back); False: not taken.  ``a ** 2`` and ``a ** -1`` keep
    the scalar loop."""
    cdef Py_ssize_t size = sizeof(real_t)
    cdef int k
    cdef bint done = False
    for k in range(3):
        if not _in_items(args[k], steps[k], size):
            return False
    if steps[2] == 0:
        return False
    for k in range(2):
        # An input that overlaps the output other than element for
        # element (accumulate reads the previous output as its input)
        # must be read after each write: the serial loop.
        if (args[k] != args[2] or steps[k] != steps[2]) and _runs_overlap(
                args[k], steps[k], args[2], steps[2], n, size):
            return False
    if binop_t is PowerOp:
        if steps[1] == 0 and ((<real_t*>args[1])[0] == 2
                              or (<real_t*>args[1])[0] == -1):
            # a ** 2: the square's fast path; a ** -1: the C library's
            # pow is correctly rounded there, 1 / a exactly (libmvec's
            # can be 1 ULP off, and users compare with 1 / a).
            return False
        _vector2_loop(args, n, steps, op, tag)
        done = True
    elif binop_t is Arctan2Op:
        _vector2_loop(args, n, steps, op, tag)
        done = True
    return done


cdef void _vector2_loop(char** args, Py_ssize_t n, const Py_ssize_t* steps,
                        binop_t* op, real_t* tag) noexcept nogil:
    """``_vector_binary``'s work, a block at a time, with the
    floating-point flags the function owes in place of the vector
    kernel's (as ``_vector_loop`` does for one argument, below).  A
    contiguous output that overwrites no input is written directly;
    otherwise the block goes through buffers (the flags must still read
    the inputs)."""
    cdef real_t x[VECTOR_BLOCK]
    cdef real_t z[VECTOR_BLOCK]
    cdef real_t results[VECTOR_BLOCK]
    cdef real_t* y
    cdef Py_ssize_t i, m, size = sizeof(real_t)
    cdef int before = set_aside_fp_status(), owed = 0
    cdef char* a = args[0]
    cdef char* b = args[1]
    cdef char* out = args[2]
    cdef bint direct = steps[2] == size and out != a and out != b
    cdef bint gathered
    while n > 0:
        m = n if n < VECTOR_BLOCK else VECTOR_BLOCK
        gathered = not (direct and _whole_or_spread(steps[0], size)
                        and _whole_or_spread(steps[1], size))
        if gathered:
            # A strided input is gathered first (vector gathers), not in
            # the kernel's blocks of 8: items stored one by one and read
            # back as a vector stall on store forwarding (float32 arctan2
            # of a[::2], 10**5: 3.3 times NumPy's time).
            gather(a, steps[0], x, m)
            gather(b, steps[1], z, m)
            y = <real_t*>out if direct else results
            _vector2_block(x, 1, z, 1, y, m, op)
        else:
            y = <real_t*>out
            _vector2_block(<real_t*>a, steps[0] // size, <real_t*>b,
                           steps[1] // size, y, m, op)
        if fp_status():
            if not gathered:
                gather(a, steps[0], x, m)
                gather(b, steps[1], z, m)
            owed |= _owed_flags2(x, z, y, m, op)
            feclearexcept(FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW
                          | FE_INVALID)
        if not direct:
            for i in range(m):
                store_item(out + i * steps[2], results[i])
        a += m * steps[0]
        b += m * steps[1]
        out += m * steps[2]
        n -= m
    _settle_flags(before, owed)


cdef inline bint _whole_or_spread(Py_ssize_t step,
                                  Py_ssize_t size) noexcept nogil:
    """Whether an operand is contiguous or one value (step 0)."""
    return step == 0 or step == size


cdef inline void _scatter(const item_t* items, char* target, Py_ssize_t step,
                          Py_ssize_t m) noexcept nogil:
    cdef Py_ssize_t i
    for i in range(m):
        store_item(target + i * step, items[i])


# Strided operands in blocks
# --------------------------
# An operand that is neither contiguous nor a scalar (``a[::2]``, a
# column of a C array) is walked by byte steps, one element at a time.
# For most operations that loop is as fast as copying would be, but not
# for the float selections and tests: ``maximum`` of random floats
# mispredicts the branch its NaN rule compiles to for every other
# element, and isnan() and friends test one element at a time.  For
# those (``_binary_blocks``, ``_predicate_blocks``) the strided operands
# are copied a block at a time into local arrays, which stay in L1; the
# contiguous loop, which the compiler vectorised, runs on them; and a
# strided result is copied back: three times faster, where copying
# integer operands measured slower than walking them.  Every input of a
# block is read before any output of it is written, as if the inputs had
# been copied first, which is NumPy's overlap rule (and minind's
# iterator copies overlapping inputs anyway).
cdef enum:
    STRIDED_BLOCK = 256      # elements: three blocks of doubles in 6 KB
    STRIDED_MINIMUM = 16     # shorter runs: the byte-step loop


cdef inline char* _block_input(char* data, Py_ssize_t step, item_t* block,
                               Py_ssize_t m, Py_ssize_t* block_step,
                               item_t* tag) noexcept nogil:
    """Where a block's loop reads an input: in place if contiguous (and
    aligned) or a scalar, else gathered into ``block``."""
    cdef Py_ssize_t size = sizeof(item_t)
    if _aligned(data, size) and (step == 0 or step == size):
        block_step[0] = step
        return data
    if step == 0:                  # a scalar at an odd address: a copy
        block[0] = load_item(data, tag)
        block_step[0] = 0
        return <char*>block
    gather(data, step, block, m)
    block_step[0] = size
    return <char*>block


cdef void _binary_blocks(char** args, Py_ssize_t n, const Py_ssize_t* steps,
                         item_t* tag, binop_t* op) noexcept nogil:
    """binary_loop on strided operands, in blocks (see above)."""
    cdef item_t first[STRIDED_BLOCK]
    cdef item_t second[STRIDED_BLOCK]
    cdef item_t result[STRIDED_BLOCK]
    cdef char* block[3]
    cdef Py_ssize_t block_steps[3]
    cdef Py_ssize_t size = sizeof(item_t), start = 0, m
    cdef char* out
    cdef bint direct
    while start < n:
        m = min(<Py_ssize_t>STRIDED_BLOCK, n - start)
        block[0] = _block_input(args[0] + start * steps[0], steps[0], first,
                                m, &block_steps[0], tag)
        block[1] = _block_input(args[1] + start * steps[1], steps[1],
                                second, m, &block_steps[1], tag)
        out = args[2] + start * steps[2]
        direct = steps[2] == size and _aligned(out, size)
        block[2] = out if direct else <char*>result
        block_steps[2] = size
        binary_loop(block, m, block_steps, tag, op)
        if not direct:
            _scatter(result, out, steps[2], m)
        start += m


cdef item_t _fold_blocks(item_t accumulator, const char* b, Py_ssize_t n,
                        Py_ssize_t step, item_t* tag,
                        binop_t* op) noexcept nogil:
    """fold_lanes over a strided run (a reduction along a column, of
    ``a[::2]``).  Maximum and minimum fold the run in place, in C lanes
    (``_fold_in_c`` with the run's stride); the other operations a block
    at a time copied to a local array: the serial fold is one long
    dependency chain (and for floats a branch per element)."""
    cdef item_t block[STRIDED_BLOCK]
    cdef item_t lanes[FOLD_LANES]
    cdef Py_ssize_t start = 0, m, blocked
    cdef int wide = _fold_code(op)
    if wide >= 0 and _in_items(b, step, sizeof(item_t)):
        blocked = n - n % FOLD_LANES
        if blocked:
            _fold_in_c(wide, lanes, <const item_t*>b,
                       step // <Py_ssize_t>sizeof(item_t), blocked)
        return _lanes_and_rest(accumulator, lanes,
                               FOLD_LANES if blocked else 0, b, n, blocked,
                               step, op)
    while start < n:
        m = min(<Py_ssize_t>STRIDED_BLOCK, n - start)
        gather(b + start * step, step, block, m)
        accumulator = fold_lanes(accumulator, block, m, op)
        start += m
    return accumulator


cdef inline bint _in_blocks(const Py_ssize_t* steps, Py_ssize_t n,
                            int nin) noexcept nogil:
    """Whether a byte-step call runs in blocks: long enough, a real
    output (not a reduction's step 0), and not all inputs scalars (which
    the contiguous loop does not take)."""
    cdef int k
    if n < STRIDED_MINIMUM or steps[nin] == 0:
        return False
    for k in range(nin):
        if steps[k] != 0:
            return True
    return False


cdef inline void _vector2_block(real_t* a, Py_ssize_t sa, real_t* b,
                                Py_ssize_t sb, real_t* out, Py_ssize_t m,
                                binop_t* op) noexcept nogil:
    if binop_t is PowerOp and real_t is double:
        vector2_pow(a, sa, b, sb, out, 1, m)
    elif binop_t is PowerOp:
        own_pow_float(a, sa, b, sb, out, 1, m)
    elif real_t is float:
        own_atan2_float(a, sa, b, sb, out, 1, m)
    else:
        own_atan2(a, sa, b, sb, out, 1, m)


cdef int _owed_flags2(const real_t* x, const real_t* z, const real_t* y,
                      Py_ssize_t m, binop_t* op) noexcept nogil:
    """The flags ``y[i] = f(x[i], z[i])`` owes: invalid for a NaN from
    numbers; for ``power``, divide by zero for an infinite power of zero
    and overflow for one of finite numbers; underflow for a nonzero
    subnormal result, or a zero power of finite numbers."""
    cdef real_t infinity = <real_t>INFINITY
    cdef real_t smallest = <real_t>(FLT_MIN if real_t is float else DBL_MIN)
    cdef int owed = 0
    cdef Py_ssize_t i
    for i in range(m):
        if y[i] != y[i]:
            if x[i] == x[i] and z[i] == z[i]:
                owed |= FE_INVALID
        elif _magnitude_of(y[i]) == infinity:
            if x[i] == 0:
                owed |= FE_DIVBYZERO
            elif (_magnitude_of(x[i]) < infinity
                    and _magnitude_of(z[i]) < infinity):
                owed |= FE_OVERFLOW
        elif _magnitude_of(y[i]) < smallest and (
                y[i] != 0 or (binop_t is PowerOp and x[i] != 0
                              and _magnitude_of(x[i]) < infinity
                              and _magnitude_of(z[i]) < infinity)):
            owed |= FE_UNDERFLOW
    return owed


cdef inline bint _elementwise_in_c(const char* a, const char* b,
                                     char* out, Py_ssize_t n,
                                     const Py_ssize_t* steps, item_t* tag,
                                     binop_t* op) noexcept nogil:
    """Integer maximum, minimum, add, subtract, multiply, shifts or
    power, float maximum, minimum, fmax, fmin, add, subtract, multiply or
    divide, into an aligned contiguous output, of contiguous operands,
    one scalar, or two strided runs that do not overlap the output, in C
    built for wider vectors (``minind_integer_elementwise``,
    ``minind_float_elementwise``); False where it does not apply.  An
    output that is also the first input (``a *= b``) keeps binary_loop's
    own loop, written for it.  (The plain loops vectorise too, but for
    SSE2 alone: float64 ``a + 0.75`` at 10**4, in cache, took 1.45 times
    NumPy's time.  Strided arithmetic keeps the typed walk.)"""
    cdef int code = -1, shape = -1, flags
    cdef Py_ssize_t size = sizeof(item_t)
    if binop_t is AddOp:
        code = MININD_ELEMENT_ADD
    elif binop_t is SubtractOp:
        code = MININD_ELEMENT_SUBTRACT
    elif binop_t is MultiplyOp:
        code = MININD_ELEMENT_MULTIPLY
    if item_t is float or item_t is double:
        if binop_t is TrueDivideOp:
            code = MININD_ELEMENT_DIVIDE
        elif binop_t is MaximumOp:
            code = MININD_ELEMENT_MAXIMUM
        elif binop_t is MinimumOp:
            code = MININD_ELEMENT_MINIMUM
        elif binop_t is FmaxOp:
            code = MININD_ELEMENT_FMAX
        elif binop_t is FminOp:
            code = MININD_ELEMENT_FMIN
    else:
        if binop_t is MaximumOp or binop_t is FmaxOp:
            code = MININD_ELEMENT_MAXIMUM
        elif binop_t is MinimumOp or binop_t is FminOp:
            code = MININD_ELEMENT_MINIMUM
        elif binop_t is LeftShiftOp:
            code = MININD_ELEMENT_LEFT_SHIFT
        elif binop_t is RightShiftOp:
            code = MININD_ELEMENT_RIGHT_SHIFT
        elif binop_t is PowerOp and steps[1] != 0:
            code = MININD_ELEMENT_POWER     # see MININD_POWER_AT
    if steps[0] == size and steps[1] == size and a != out:
        shape = 0
    elif steps[0] == size and steps[1] == 0:
        shape = 1
    elif steps[0] == 0 and steps[1] == size:
        shape = 2
    elif (steps[0] != 0 and steps[1] != 0 and _in_items(a, steps[0], size)
            and _in_items(b, steps[1], size) and not _runs_overlap(
                a, steps[0], out, size, n, size) and not _runs_overlap(
                b, steps[1], out, size, n, size)):
        shape = 3       # strided inputs into a contiguous output
    if ((binop_t is FloorDivideOp or binop_t is RemainderOp)
            and not (item_t is float or item_t is double)
            and shape >= 0 and steps[1] != 0):
        # a // b, a % b through double where exact (a scalar divisor
        # keeps the multiply-high)
        flags = floor_divide_integers(size, _is_signed(tag), a, b,
                                      steps[0] // size, steps[1] // size,
                                      shape, out, n, binop_t is RemainderOp)
        if flags & 1:
            raise_divide_by_zero()      # NumPy: 0 and a warning
        if flags & 2:
            raise_overflow()            # MIN // -1
        return True
    if code < 0 or shape < 0:
        return False
    if shape == 3 and (binop_t is AddOp or binop_t is SubtractOp
                       or binop_t is TrueDivideOp or binop_t is MultiplyOp
                       and (item_t is float or item_t is double)):
        # strided arithmetic: the typed walk measured as fast or faster
        # (float32 a[::2] + a[::2] at 10**4: 5.3 us walked, 6.1 in C)
        return False
    if item_t is float or item_t is double:
        return float_elementwise(code, size, a, b, steps[0] // size,
                                 steps[1] // size, shape, out, n)
    else:
        return integer_elementwise(
            code, size, _is_signed(tag), a, b, steps[0] // size,
            steps[1] // size, shape, out, n)


cdef item_t fold_run(item_t accumulator, const char* b, Py_ssize_t n,
                     Py_ssize_t step, item_t* tag,
                     binop_t* op) noexcept nogil:
    """``accumulator (op) b[0] (op) ... (op) b[n-1]``, the items ``step``
    bytes apart: THE reduction of a run, for ``binary_loop``'s shape 3
    and for ``reduceat``'s segments (``reduce_segments``), so both give
    the same bits.  A float sum is pairwise; operations that reorder
    exactly fold in lanes (``fold_lanes``, ``_fold_blocks``); the rest
    fold in order."""
    cdef Py_ssize_t i
    if binop_t is AddOp and (item_t is float or item_t is double):
        accumulator = accumulator + pairwise_sum(b, n, step, tag)
    elif (_reorders_exactly(op, tag) and step == sizeof(item_t)
            and _aligned(b, sizeof(item_t))):
        accumulator = fold_lanes(accumulator, <const item_t*>b, n, op)
    elif _reorders_exactly(op, tag) and n >= STRIDED_MINIMUM:
        accumulator = _fold_blocks(accumulator, b, n, step, tag, op)
    else:
        for i in range(n):
            accumulator = binary_value(accumulator, load_item(b, tag), op)
            b += step
    return accumulator


cdef void binary_loop(char** args, Py_ssize_t n, const Py_ssize_t* steps,
                      item_t* tag, binop_t* op) noexcept nogil:
    """THE reference loop: ``out[i] = a[i] (op) b[i]`` for i < n.

    Four shapes of the same loop, fastest first:

    1. all three operands contiguous (and aligned): plain indexing that
       the C compiler turns into SIMD instructions;
    2. one input is a broadcast scalar (step 0): hoist it out of the loop,
       then as 1 (this is ``a + 1``);
    3. a reduction, ``out`` is ``a`` with step 0 (``add.reduce``): keep the
       running value in a register; sums of floats use pairwise summation,
       max/min and integer reductions of a contiguous run several lanes
       (``fold_lanes``);
    4. anything else: follow the byte steps (float max/min in blocks
       copied to and from local arrays, ``_binary_blocks``, which run as
       shape 1 or 2).
    """
    cdef char* a = args[0]
    cdef char* b = args[1]
    cdef char* out = args[2]
    cdef Py_ssize_t i, size = sizeof(item_t), step_a, step_b, step_out
    cdef item_t* pa
    cdef item_t* pb
    cdef item_t* po
    cdef item_t scalar, accumulator
    cdef bint aligned = (_aligned(a, size) and _aligned(b, size)
                         and _aligned(out, size))
    if ((binop_t is PowerOp or binop_t is Arctan2Op)
            and (item_t is float or item_t is double)
            and (HAVE_LIBMVEC or binop_t is Arctan2Op)):
        if _vector_binary(args, n, steps, op, tag):
            return
    if (b == out and a + steps[2] == out and steps[0] == steps[2]
            and steps[1] == steps[2] and steps[2] != 0):
        # accumulate (``_accumulate``): out[i] = out[i - 1] (op) b[i], with
        # a the output one element behind.  The running value stays in a
        # register; read back from the output, each step waited for the
        # store before it (int64 cumsum at 10**5: 1.15 times NumPy's
        # time, 4.8 for a strided input).
        accumulator = load_item(a, tag)
        if aligned and steps[2] == size:
            pb = <item_t*>b
            for i in range(n):
                accumulator = binary_value(accumulator, pb[i], op)
                pb[i] = accumulator
            return
        for i in range(n):
            accumulator = binary_value(accumulator, load_item(b, tag), op)
            store_item(b, accumulator)
            b += steps[2]
        return
    if aligned and steps[2] == size:
        po = <item_t*>out
        if _elementwise_in_c(a, b, out, n, steps, tag, op):
            return
        if steps[0] == size and steps[1] == size:
            pb = <item_t*>b
            if a == out:
                # Accumulating a row into a row (a reduction over an outer
                # axis, or a += b): written so the compiler sees one
                # output array and vectorises.
                for i in range(n):
                    po[i] = binary_value(po[i], pb[i], op)
                return
            pa = <item_t*>a
            for i in range(n):
                po[i] = binary_value(pa[i], pb[i], op)
            return
        if steps[0] == size and steps[1] == 0:
            pa = <item_t*>a
            scalar = (<item_t*>b)[0]
            if binop_t is PowerOp:
                if scalar == 2:
                    # a ** 2 is the square, as NumPy's fast path computes
                    # it: one multiplication instead of a call to pow.
                    for i in range(n):
                        po[i] = binary_value(pa[i], pa[i],
                                             <MultiplyOp*>NULL)
                    return
            if ((binop_t is FloorDivideOp or binop_t is RemainderOp)
                    and not (item_t is float or item_t is double)
                    and not (binop_t is FloorDivideOp
                             and (item_t is int8_t or item_t is int16_t
                                  or item_t is int32_t
                                  or item_t is int64_t)
                             and scalar == -1)):
                # multiply-high and shifts instead of a divide per item
                # (but x // -1 element by element, which notes MIN // -1's
                # overflow)
                _divide_items_by_invariant(pa, po, n, scalar, op)
            else:
                for i in range(n):
                    po[i] = binary_value(pa[i], scalar, op)
            return
        if steps[0] == 0 and steps[1] == size:
            pb = <item_t*>b
            scalar = (<item_t*>a)[0]
            for i in range(n):
                po[i] = binary_value(scalar, pb[i], op)
            return
    if steps[0] == 0 and steps[2] == 0 and a == out:
        store_item(out, fold_run(load_item(a, tag), b, n, steps[1], tag, op))
        return
    if ((binop_t is MaximumOp or binop_t is MinimumOp or binop_t is FmaxOp
            or binop_t is FminOp) and (item_t is float or item_t is double)
            and _in_blocks(steps, n, 2)):
        _binary_blocks(args, n, steps, tag, op)
        return
    if (aligned and steps[0] % size == 0 and steps[1] % size == 0
            and steps[2] % size == 0 and steps[2] != 0):
        # Typed indexing, each step in elements (unary_loop's strided
        # walk, for the same reason).
        pa = <item_t*>a
        pb = <item_t*>b
        po = <item_t*>out
        step_a, step_b, step_out = (steps[0] // size, steps[1] // size,
                                    steps[2] // size)
        for i in range(n):
            po[i * step_out] = binary_value(pa[i * step_a], pb[i * step_b],
                                            op)
        return
    # The steps in locals: a store through out (a char*) could change
    # steps[k] for all the compiler knows, so it would reload them for
    # every element (10 to 20% slower for 8-byte items; the same change
    # measured slower in unary_loop, predicate_loop and where_loop, whose
    # steps stay in memory).
    step_a, step_b, step_out = steps[0], steps[1], steps[2]
    for i in range(n):
        store_item(out, binary_value(load_item(a, tag), load_item(b, tag), op))
        a += step_a
        b += step_b
        out += step_out


# ---------------------------------------------------------------------------
# Comparisons and logical operations: bool results
# ---------------------------------------------------------------------------

ctypedef struct EqualOp:
    char unused
ctypedef struct NotEqualOp:
    char unused
ctypedef struct LessOp:
    char unused
ctypedef struct LessEqualOp:
    char unused
ctypedef struct GreaterOp:
    char unused
ctypedef struct GreaterEqualOp:
    char unused
ctypedef struct LogicalAndOp:
    char unused
ctypedef struct LogicalOrOp:
    char unused
ctypedef struct LogicalXorOp:
    char unused

ctypedef fused cmpop_t:
    EqualOp
    NotEqualOp
    LessOp
    LessEqualOp
    GreaterOp
    GreaterEqualOp
    LogicalAndOp
    LogicalOrOp
    LogicalXorOp


cdef inline int _compare_code(cmpop_t* op) noexcept nogil:
    """The C helpers' name for a comparison or logical operation."""
    if cmpop_t is EqualOp:
        return MININD_EQUAL
    elif cmpop_t is NotEqualOp:
        return MININD_NOT_EQUAL
    elif cmpop_t is LessOp:
        return MININD_LESS
    elif cmpop_t is LessEqualOp:
        return MININD_LESS_EQUAL
    elif cmpop_t is GreaterOp:
        return MININD_GREATER
    elif cmpop_t is GreaterEqualOp:
        return MININD_GREATER_EQUAL
    elif cmpop_t is LogicalAndOp:
        return MININD_LOGICAL_AND
    elif cmpop_t is LogicalOrOp:
        return MININD_LOGICAL_OR
    elif cmpop_t is LogicalXorOp:
        return MININD_LOGICAL_XOR
    else:
        return -1


cdef inline uint8_t compare_value(item_t a, item_t b,
                                  cmpop_t* op) noexcept nogil:
    if cmpop_t is EqualOp:
        return a == b
    elif cmpop_t is NotEqualOp:
        return a != b
    elif cmpop_t is LessOp:
        return a < b
    elif cmpop_t is LessEqualOp:
        return a <= b
    elif cmpop_t is GreaterOp:
        return a > b
    elif cmpop_t is GreaterEqualOp:
        return a >= b
    # The logical operations with & | ^ on 0/1 values, not Python's
    # short-circuit and/or: no branch per element, so the loop vectorises.
    elif cmpop_t is LogicalAndOp:
        return <uint8_t>(a != 0) & <uint8_t>(b != 0)
    elif cmpop_t is LogicalOrOp:
        return <uint8_t>(a != 0) | <uint8_t>(b != 0)
    else:
        return <uint8_t>(a != 0) ^ <uint8_t>(b != 0)


# any() and all() look at a block of elements between checks of whether
# the answer is already known: the first block FIRST_DECIDING_BLOCK long,
# each next one twice the last, up to DECIDING_BLOCK, long enough that the
# check costs nothing next to the vectorised scan.  Starting small is for
# the answer found at once (a True near the start of any()): a strided
# array is read one element at a time, and a first block of 2048 had
# any() of a strided bool array take 1.6 times NumPy's time.
cdef enum:
    FIRST_DECIDING_BLOCK = 64
    DECIDING_BLOCK = 2048


cdef inline uint8_t _deciding(item_t x, cmpop_t* op) noexcept nogil:
    """Whether x decides a logical reduction: a True decides ``or``, a
    False decides ``and``; for ``xor`` every True flips the answer."""
    if cmpop_t is LogicalAndOp:
        return x == 0
    else:
        return x != 0


cdef uint8_t _logical_fold(uint8_t accumulator, const char* b, Py_ssize_t n,
                           Py_ssize_t step, item_t* tag,
                           cmpop_t* op) noexcept nogil:
    """``logical_or``/``and``/``xor`` of ``accumulator`` and n elements:
    ``any``, ``all`` and their parity.  or and and stop at the first block
    that decides the answer, as NumPy's reductions do."""
    cdef Py_ssize_t i, start = 0, stop, block = FIRST_DECIDING_BLOCK
    cdef const item_t* pb = <const item_t*>b
    cdef uint8_t seen = 0, decided_by
    cdef bint contiguous = step == sizeof(item_t) and _aligned(
        b, sizeof(item_t))
    if cmpop_t is LogicalXorOp:
        if contiguous:
            for i in range(n):
                seen ^= _deciding(pb[i], op)
        else:
            for i in range(n):
                seen ^= _deciding(load_item(b + i * step, tag), op)
        return accumulator ^ seen
    else:
        decided_by = 1 if cmpop_t is LogicalOrOp else 0   # the answer
        if accumulator == decided_by:
            return accumulator
        while start < n:
            stop = min(start + block, n)
            block = min(2 * block, DECIDING_BLOCK)
            if contiguous:
                if item_t is float:
                    seen = has_float(pb + start, stop - start,
                                     cmpop_t is LogicalAndOp)
                elif item_t is double:
                    seen = has_double(pb + start, stop - start,
                                      cmpop_t is LogicalAndOp)
                elif sizeof(item_t) == 1:
                    seen = has_uint8(<const uint8_t*>(pb + start),
                                     stop - start, cmpop_t is LogicalAndOp)
                elif sizeof(item_t) == 2:
                    seen = has_uint16(<const uint16_t*>(pb + start),
                                      stop - start, cmpop_t is LogicalAndOp)
                elif sizeof(item_t) == 4:
                    seen = has_uint32(<const uint32_t*>(pb + start),
                                      stop - start, cmpop_t is LogicalAndOp)
                elif sizeof(item_t) == 8:
                    seen = has_uint64(<const uint64_t*>(pb + start),
                                      stop - start, cmpop_t is LogicalAndOp)
                else:
                    for i in range(start, stop):
                        seen |= _deciding(pb[i], op)
            else:
                for i in range(start, stop):
                    seen |= _deciding(load_item(b + i * step, tag), op)
            if seen:
                return decided_by
            start = stop
        return accumulator


cdef inline void _compare_in_c(int code, const char* a, const char* b,
                               int shape, uint8_t* out, Py_ssize_t n,
                               item_t* tag) noexcept nogil:
    """The C comparison loop of item_t (see the helpers above)."""
    if item_t is float:
        compare_floats(code, <const float*>a, <const float*>b, shape, out, n)
    elif item_t is double:
        compare_doubles(code, <const double*>a, <const double*>b, shape,
                        out, n)
    elif item_t is int8_t:
        compare_int8(code, <const int8_t*>a, <const int8_t*>b, shape, out, n)
    elif item_t is uint8_t:
        compare_uint8(code, <const uint8_t*>a, <const uint8_t*>b, shape,
                      out, n)
    elif item_t is int16_t:
        compare_int16(code, <const int16_t*>a, <const int16_t*>b, shape,
                      out, n)
    elif item_t is uint16_t:
        compare_uint16(code, <const uint16_t*>a, <const uint16_t*>b, shape,
                       out, n)
    elif item_t is int32_t:
        compare_int32(code, <const int32_t*>a, <const int32_t*>b, shape,
                      out, n)
    elif item_t is uint32_t:
        compare_uint32(code, <const uint32_t*>a, <const uint32_t*>b, shape,
                       out, n)
    elif item_t is int64_t:
        compare_int64(code, <const int64_t*>a, <const int64_t*>b, shape,
                      out, n)
    else:
        compare_uint64(code, <const uint64_t*>a, <const uint64_t*>b, shape,
                       out, n)


cdef void _compare_blocks(char** args, Py_ssize_t n,
                          const Py_ssize_t* steps, item_t* tag,
                          cmpop_t* op) noexcept nogil:
    """compare_loop on strided operands, in blocks, as ``_binary_blocks``:
    each input gathered (``_block_input``: in place if contiguous or a
    scalar), then compare_loop's C loop for contiguous operands into the
    output or a block of bools scattered to it.  The byte-step walk was
    two loads, two tests and a store per element (strided float64
    ``logical_and`` at 10**4: 1.13 times NumPy's time, in blocks 0.51)."""
    cdef item_t first[STRIDED_BLOCK]
    cdef item_t second[STRIDED_BLOCK]
    cdef uint8_t result[STRIDED_BLOCK]
    cdef char* block[3]
    cdef Py_ssize_t block_steps[3]
    cdef Py_ssize_t start = 0, m
    cdef char* out
    while start < n:
        m = min(<Py_ssize_t>STRIDED_BLOCK, n - start)
        block[0] = _block_input(args[0] + start * steps[0], steps[0], first,
                                m, &block_steps[0], tag)
        block[1] = _block_input(args[1] + start * steps[1], steps[1],
                                second, m, &block_steps[1], tag)
        out = args[2] + start * steps[2]
        block[2] = out if steps[2] == 1 else <char*>result
        block_steps[2] = 1
        compare_loop(block, m, block_steps, tag, op)
        if steps[2] != 1:
            _scatter(result, out, steps[2], m)
        start += m


cdef void compare_loop(char** args, Py_ssize_t n, const Py_ssize_t* steps,
                       item_t* tag, cmpop_t* op) noexcept nogil:
    """``out[i] = a[i] (op) b[i]`` with a bool result: the shapes of
    ``binary_loop`` (contiguous, one scalar operand, a logical
    reduction), then the byte steps."""
    cdef char* a = args[0]
    cdef char* b = args[1]
    cdef char* out = args[2]
    cdef Py_ssize_t i, size = sizeof(item_t), step_a, step_b, step_out
    cdef item_t* pa
    cdef item_t* pb
    cdef uint8_t* po = <uint8_t*>out
    cdef item_t scalar
    cdef int shape, code = -1      # the C loop's comparison, if any
    if steps[2] == 1 and _aligned(a, size) and _aligned(b, size):
        code = _compare_code(op)
        if (code >= 0 and (steps[0] == size or steps[1] == size)
                and (steps[0] == size or steps[0] == 0)
                and (steps[1] == size or steps[1] == 0)):
            # The three shapes below, in C with wider vectors: GCC cannot
            # vectorise a double (or a 64-bit integer) compare stored as
            # bytes with SSE2 alone, and narrows wider lanes better with
            # AVX2's packs.
            shape = 0 if steps[0] == steps[1] else (1 if steps[1] == 0
                                                    else 2)
            _compare_in_c(code, a, b, shape, po, n, tag)
            return
        if steps[0] == size and steps[1] == size:
            pa = <item_t*>a
            pb = <item_t*>b
            for i in range(n):
                po[i] = compare_value(pa[i], pb[i], op)
            return
        if steps[0] == size and steps[1] == 0:
            pa = <item_t*>a
            scalar = (<item_t*>b)[0]
            for i in range(n):
                po[i] = compare_value(pa[i], scalar, op)
            return
        if steps[0] == 0 and steps[1] == size:
            pb = <item_t*>b
            scalar = (<item_t*>a)[0]
            for i in range(n):
                po[i] = compare_value(scalar, pb[i], op)
            return
    if (cmpop_t is LogicalAndOp or cmpop_t is LogicalOrOp
            or cmpop_t is LogicalXorOp):
        if steps[0] == 0 and steps[2] == 0 and a == out:
            po[0] = _logical_fold(po[0], b, n, steps[1], tag, op)
            return
    if ((cmpop_t is LogicalAndOp or cmpop_t is LogicalOrOp
            or cmpop_t is LogicalXorOp) and sizeof(item_t) >= 4
            and _in_blocks(steps, n, 2)):
        # (comparisons walked measured as fast as in blocks, and items
        # narrower than 4 bytes have no vector gather: slower copied)
        _compare_blocks(args, n, steps, tag, op)
        return
    step_a, step_b, step_out = steps[0], steps[1], steps[2]  # binary_loop's
    for i in range(n):
        (<uint8_t*>out)[0] = compare_value(load_item(a, tag), load_item(b, tag), op)
        a += step_a
        b += step_b
        out += step_out


# ---------------------------------------------------------------------------
# Unary operations
# ---------------------------------------------------------------------------

ctypedef struct NegativeOp:
    char unused
ctypedef struct PositiveOp:
    char unused
ctypedef struct AbsoluteOp:
    char unused
ctypedef struct SignOp:
    char unused
ctypedef struct SquareOp:
    char unused
ctypedef struct InvertOp:
    char unused
ctypedef struct SqrtOp:
    char unused
ctypedef struct ExpOp:
    char unused
ctypedef struct LogOp:
    char unused
ctypedef struct Log1pOp:
    char unused
ctypedef struct Expm1Op:
    char unused
ctypedef struct TanhOp:
    char unused
ctypedef struct SinOp:
    char unused
ctypedef struct CosOp:
    char unused
ctypedef struct TanOp:
    char unused
ctypedef struct ArcsinOp:
    char unused
ctypedef struct ArccosOp:
    char unused
ctypedef struct ArctanOp:
    char unused
ctypedef struct SinhOp:
    char unused
ctypedef struct CoshOp:
    char unused
ctypedef struct ArcsinhOp:
    char unused
ctypedef struct ArccoshOp:
    char unused
ctypedef struct ArctanhOp:
    char unused
ctypedef struct Exp2Op:
    char unused
ctypedef struct Log2Op:
    char unused
ctypedef struct Log10Op:
    char unused
ctypedef struct CbrtOp:
    char unused
ctypedef struct Deg2radOp:
    char unused
ctypedef struct Rad2degOp:
    char unused
ctypedef struct RintOp:
    char unused
ctypedef struct FloorOp:
    char unused
ctypedef struct CeilOp:
    char unused
ctypedef struct TruncOp:
    char unused
ctypedef struct ReciprocalOp:
    char unused

ctypedef fused unop_t:
    NegativeOp
    PositiveOp
    AbsoluteOp
    SignOp
    SquareOp
    InvertOp
    SqrtOp
    ExpOp
    LogOp
    Log1pOp
    Expm1Op
    TanhOp
    SinOp
    CosOp
    TanOp
    ArcsinOp
    ArccosOp
    ArctanOp
    SinhOp
    CoshOp
    ArcsinhOp
    ArccoshOp
    ArctanhOp
    Exp2Op
    Log2Op
    Log10Op
    CbrtOp
    Deg2radOp
    Rad2degOp
    RintOp
    FloorOp
    CeilOp
    TruncOp
    ReciprocalOp


cdef inline item_t unary_value(item_t a, unop_t* op) noexcept nogil:
    if unop_t is NegativeOp:
        if item_t is float or item_t is double:
            return -a
        else:
            return <item_t>(0 - <uint64_t>a)
    elif unop_t is PositiveOp:
        return a
    elif unop_t is AbsoluteOp:
        if item_t is float or item_t is double:
            return <item_t>fabs(a)
        elif (item_t is int8_t or item_t is int16_t or item_t is int32_t
              or item_t is int64_t):
            return <item_t>(0 - <uint64_t>a) if a < 0 else a
        else:
            return a
    elif unop_t is SignOp:
        if item_t is float or item_t is double:
            if a > 0:
                return 1
            if a < 0:
                return -1
            return 0 if a == 0 else a    # nan stays nan
        elif (item_t is int8_t or item_t is int16_t or item_t is int32_t
              or item_t is int64_t):
            return (a > 0) - (a < 0)
        else:
            return a > 0
    elif unop_t is SquareOp:
        if item_t is float or item_t is double:
            return a * a
        else:
            return <item_t>(<uint64_t>a * <uint64_t>a)
    elif unop_t is InvertOp:
        if item_t is float or item_t is double:
            return 0                     # never dispatched
        else:
            return ~a
    elif item_t is float or item_t is double:
        return _float_function(a, op)
    elif unop_t is FloorOp or unop_t is CeilOp or unop_t is TruncOp:
        return a              # NumPy 2: an integer is whole, and stays one
    elif unop_t is ReciprocalOp:
        return _integer_reciprocal(a)
    else:
        return 0                         # float-only ops: never dispatched


cdef inline real_t _float_function(real_t a, unop_t* op) noexcept nogil:
    """One element of a float-only function, from the C library: the
    ``f`` variant for float32 (``acosf``), the plain one for float64.
    (The compiler keeps one side of each ``if``.)  Domain errors give
    NaN, poles +-inf, without a warning; -0.0 keeps its sign wherever the
    function is odd.  NumPy counterparts: ``npy_math`` and its SIMD loops,
    which may differ from the C library in the last bit or two."""
    if unop_t is SqrtOp:
        return sqrtf(a) if real_t is float else sqrt(a)
    elif unop_t is ExpOp:
        return expf(a) if real_t is float else exp(a)
    elif unop_t is LogOp:
        return logf(a) if real_t is float else log(a)
    elif unop_t is Log1pOp:
        return log1pf(a) if real_t is float else log1p(a)
    elif unop_t is Expm1Op:
        return expm1f(a) if real_t is float else expm1(a)
    elif unop_t is TanhOp:
        return tanhf(a) if real_t is float else tanh(a)
    elif unop_t is SinOp:
        return sinf(a) if real_t is float else sin(a)
    elif unop_t is CosOp:
        return cosf(a) if real_t is float else cos(a)
    elif unop_t is TanOp:
        return tanf(a) if real_t is float else tan(a)
    elif unop_t is ArcsinOp:
        return asinf(a) if real_t is float else asin(a)
    elif unop_t is ArccosOp:
        return acosf(a) if real_t is float else acos(a)
    elif unop_t is ArctanOp:
        return atanf(a) if real_t is float else atan(a)
    elif unop_t is SinhOp:
        return sinhf(a) if real_t is float else sinh(a)
    elif unop_t is CoshOp:
        return coshf(a) if real_t is float else cosh(a)
    elif unop_t is ArcsinhOp:
        return asinhf(a) if real_t is float else asinh(a)
    elif unop_t is ArccoshOp:
        return acoshf(a) if real_t is float else acosh(a)
    elif unop_t is ArctanhOp:
        return atanhf(a) if real_t is float else atanh(a)
    elif unop_t is Exp2Op:
        return exp2f(a) if real_t is float else exp2(a)
    elif unop_t is Log2Op:
        return log2f(a) if real_t is float else log2(a)
    elif unop_t is Log10Op:
        return log10f(a) if real_t is float else log10(a)
    elif unop_t is CbrtOp:
        return cbrtf(a) if real_t is float else cbrt(a)
    elif unop_t is RintOp:
        # To the nearest integer, ties to even (the default rounding
        # mode), as NumPy's rint and Python's round().
        return rintf(a) if real_t is float else rint(a)
    elif unop_t is FloorOp:
        return floorf(a) if real_t is float else floor(a)
    elif unop_t is CeilOp:
        return ceilf(a) if real_t is float else ceil(a)
    elif unop_t is TruncOp:
        return truncf(a) if real_t is float else trunc(a)
    elif unop_t is ReciprocalOp:
        return 1 / a
    elif unop_t is Deg2radOp:
        # NumPy multiplies by the constant pi/180, rounded to the type
        # (for float32, float pi over 180 in float arithmetic).
        return a * (<real_t>M_PI / <real_t>180)
    elif unop_t is Rad2degOp:
        return a * (<real_t>180 / <real_t>M_PI)
    else:
        return 0                   # operations with integer loops: elsewhere


cdef inline integer_t _integer_reciprocal(integer_t a) noexcept nogil:
    """1 / a for integers, as NumPy computes it: ``1.0 / a`` converted
    back, so 1 and -1 are their own reciprocals and every other value
    truncates to 0.  1 / 0 is inf, which no integer holds; NumPy gives
    whatever the CPU's conversion gives, minind what its casts give for
    inf: int64's minimum, wrapped to the type (README), with NumPy's two
    flags: the division by zero and the invalid conversion of inf."""
    cdef uint64_t magnitude = _magnitude(a)
    if magnitude == 1:
        return a
    if magnitude == 0:
        feraiseexcept(FE_DIVBYZERO | FE_INVALID)
        return <integer_t>INT64_MIN
    return 0


cdef void _integer_reciprocal_run(const integer_t* items, integer_t* out,
                                  Py_ssize_t n) noexcept nogil:
    """``_integer_reciprocal`` over a contiguous run, as masks rather than
    branches (which small integers mispredict: int8 and int16 had taken 2.5
    times NumPy's time), and the flags raised once if any item was 0."""
    cdef bint is_signed = _below_zero(<integer_t>-1)
    cdef integer_t of_zero = <integer_t>INT64_MIN
    cdef integer_t x
    cdef int zeros = 0
    cdef Py_ssize_t i
    for i in range(n):
        x = items[i]
        out[i] = <integer_t>(
            (x & -<integer_t>((x == 1) | (is_signed & (x == <integer_t>-1))))
            | (of_zero & -<integer_t>(x == 0)))
        zeros |= x == 0
    if zeros:
        feraiseexcept(FE_DIVBYZERO | FE_INVALID)


# ---------------------------------------------------------------------------
# Vectorised math: the C library's functions, several elements at a time
# ---------------------------------------------------------------------------
#
# glibc ships each of its math functions twice: the scalar ``log`` and, in
# libmvec, vector versions that take 2, 4 or 8 doubles at once in SSE,
# AVX2 or AVX-512 registers (``_ZGVdN4v_log`` is "AVX2, 4 lanes").  GCC
# calls them by itself when a function is declared with the ``simd``
# attribute and its loop is an OpenMP SIMD loop: ``-fopenmp-simd`` reads
# ``#pragma omp simd`` and needs no OpenMP runtime, and the loop is built
# per CPU (``MININD_WIDE_VECTORS``), so AVX-512 machines get 8 lanes.
# That is the route minind takes, rather than kernels of its own: the
# vector versions are glibc's, maintained and tested for accuracy there,
# and the only code here is the loop.  setup.py turns it on
# (MININD_LIBMVEC) where a test program links against libmvec (glibc on
# x86-64, GCC); elsewhere these loops are the scalar ones.
#
# The declarations give the vector functions names of their own
# (``minind_simd_log``, the symbol ``log`` through an asm label), so that
# only these loops use them; every other ``log`` in the module stays the
# scalar one.
#
# Which functions, by accuracy (tests/test_vector_math.py, the README's
# table): libmvec's are within 1 or 2 ULP of the correctly rounded
# result, against the scalar library's 1.  For float64, a function takes
# the vector route only where its results stay within 2 ULP of NumPy's;
# exp, sin, cos, tan, arcsin and arctan reach 3 and keep the scalar
# loop, but for exp, tan, arcsin and arctan, which have kernels of
# minind's own (minind_exp_block, minind_tan_block, minind_atan_placed
# below); cbrt has one too, the C library's being 3 ULP off; of the
# functions of two arguments,
# arctan2 reaches 3 (minind's own kernel instead) and pow does not.  On a
# machine without AVX-512, libmvec's functions are other ones, and five
# more keep the scalar loop (LIBMVEC_AVX512).  A float32 function
# computes in double with the vector double function and rounds once:
# the result is the correctly rounded float (a 3 ULP error of a double
# is far below half a float's ULP), for every function, and 2 to 100
# times faster than the scalar float function.  float32 exp, expm1,
# sinh, cosh, log, log2, log10, log1p, arctan, arcsin, arccos, arctan2,
# arcsinh, arccosh, arctanh and power have kernels of minind's own
# instead (minind_expf_block, minind_expm1f_block,
# minind_hyperbolicf_block, minind_logf_lane and minind_atanf_placed in
# float lanes, minind_powf_block in double), within 1 ULP.

ctypedef void (*vector_double_t)(const double*, double*,
                                 Py_ssize_t) noexcept nogil
ctypedef void (*vector_float_t)(const float*, float*,
                                Py_ssize_t) noexcept nogil

cdef extern from *:
    """
    #if defined(MININD_LIBMVEC) && defined(__GNUC__) && !defined(__clang__)
    #define MININD_HAVE_LIBMVEC 1
    #if defined(MININD_SANITIZED)
    #define MININD_VECTORISED 0     /* see setup.py: scalar calls */
    #else
    #define MININD_VECTORISED 1
    #endif
    #define MININD_SIMD_FUNCTION(f)                                        \
        double minind_simd_##f(double) __asm__(#f)                         \
            __attribute__((simd("notinbranch"), const, nothrow));
    #define MININD_SIMD_FUNCTION2(f)                                       \
        double minind_simd_##f(double, double) __asm__(#f)                 \
            __attribute__((simd("notinbranch"), const, nothrow));
    #define MININD_SIMD_LOOP _Pragma("omp simd")
    #define MININD_PRAGMA(text) _Pragma(#text)
    #define MININD_SIMD_LOOP_AND(v) MININD_PRAGMA(omp simd reduction(&:v))
    #else
    #define MININD_HAVE_LIBMVEC 0
    #define MININD_VECTORISED 0
    #define MININD_SIMD_FUNCTION(f)                                        \
        static inline double minind_simd_##f(double x) { return f(x); }
    #define MININD_SIMD_FUNCTION2(f)                                       \
        static inline double minind_simd_##f(double x, double y)           \
        { return f(x, y); }
    #define MININD_SIMD_LOOP
    #define MININD_SIMD_LOOP_AND(v)
    #endif

    /* Whether the loops run libmvec's AVX-512 functions: the AVX-512
       clone of a MININD_WIDE_VECTORS loop calls them, the AVX2 and
       default clones libmvec's AVX2 and SSE functions, which are other
       algorithms with other errors (see _vector_double). */
    static int minind_libmvec_avx512(void)
    {
    #if MININD_VECTORISED && defined(__x86_64__) && defined(__ELF__) \
        && (!defined(__clang__) || __clang_major__ >= 14)
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx512f");
    #else
        return 0;
    #endif
    }

    /* out[i] = f(a[i]) for n contiguous doubles, and for n floats through
       double (one rounding, at the end).  Every element goes through the
       vector function, in blocks of 8 (the widest vector, AVX-512's): a
       plain loop would leave its last n % lanes elements to the scalar
       function, whose last bit may differ, so a value's result would
       depend on where it sits in the array.  The block's fixed count
       leaves the compiler no remainder; the array's own remainder is
       padded to a block.  The strided loop (unary_loop) gathers into a
       buffer and comes here too, so every layout gives the same bits. */
    /* name(a, out, n): block(a, out) over n doubles, 8 at a time, the
       remainder padded to a block (with 1.0, in every function's
       domain); out may be a.  The driver of every float64 block
       function: libmvec's below, and minind's own exp, arctan and
       arcsin; clones: the targets it is built for. */
    #define MININD_BLOCKS_DOUBLE(name, block, clones)                      \
        MININD_BLOCKS_OF(name, block, clones, 8)
    /* (tan's and cbrt's blocks have 16: two vectors in flight) */
    #define MININD_BLOCKS_OF(name, block, clones, width)                   \
        MININD_TYPED_BLOCKS_OF(name, block, clones, width, double)
    /* The same over items of any float type (float: the float kernels,
       MININD_FLOAT_BLOCKS_OF below, and libmvec's float functions).
       Each block asks for the input a kilobyte ahead of it: a kernel
       that spends about a nanosecond on an element leaves the
       hardware's prefetcher behind, and the loads wait on memory
       instead of overlapping the arithmetic (float32 arcsin of 10**7
       elements: 1.8 ns an element, 1.1 reading ahead; arctan 1.0 and
       0.7).  A prefetch never faults, past the array's end too. */
    static inline __attribute__((always_inline)) void
    minind_read_ahead(const void *block, size_t bytes)
    {
        const char *ahead = (const char *)block + 1024;
        size_t k;
        for (k = 0; k < bytes; k += 64) __builtin_prefetch(ahead + k);
    }
    #define MININD_TYPED_BLOCKS_OF(name, block, clones, width, type)       \
        MININD_PADDED_BLOCKS_OF(name, block, clones, width, type, 1)
    /* ... with filler the padding's value (arctanh's pole is at 1:
       padding there cost a C-library call and a flag check a block) */
    #define MININD_PADDED_BLOCKS_OF(name, block, clones, width, type,      \
                                    filler)                                \
    static clones void name(                                               \
        const type *a, type *out, ptrdiff_t n)                             \
    {                                                                      \
        ptrdiff_t i = 0, k;                                                \
        type pad[width];                                                   \
        for (; i + width <= n; i += width) {                               \
            minind_read_ahead(a + i, width * sizeof(type));                \
            block(a + i, out + i);                                         \
        }                                                                  \
        if (i < n) {                                                       \
            for (k = 0; k < width; k++)                                    \
                pad[k] = i + k < n ? a[i + k] : (type)(filler);            \
            block(pad, pad);                                               \
            for (k = 0; i + k < n; k++) out[i + k] = pad[k];               \
        }                                                                  \
    }
    #define MININD_VECTOR_MATH(f)                                          \
    MININD_SIMD_FUNCTION(f)                                                \
    static inline __attribute__((always_inline)) void                      \
    minind_block_##f(const double *a, double *out)                         \
    {                                                                      \
        int i;                                                             \
        MININD_SIMD_LOOP                                                   \
        for (i = 0; i < 8; i++) out[i] = minind_simd_##f(a[i]);            \
    }                                                                      \
    MININD_BLOCKS_DOUBLE(minind_vector_##f, minind_block_##f,              \
                         MININD_WIDE_VECTORS)
    /* ... and minind_vector_f_float, the float32 loop through it (see
       MININD_VECTOR_FLOAT below for the two that use it) */
    #define MININD_VECTOR_MATH_WIDENED(f)                                  \
    static inline __attribute__((always_inline)) void                      \
    minind_block_##f##_float(const float *a, float *out)                   \
    {                                                                      \
        int i;                                                             \
        MININD_SIMD_LOOP                                                   \
        for (i = 0; i < 8; i++)                                            \
            out[i] = (float)minind_simd_##f((double)a[i]);                 \
    }                                                                      \
    MININD_TYPED_BLOCKS_OF(minind_vector_##f##_float,                      \
                           minind_block_##f##_float, MININD_WIDE_VECTORS,  \
                           8, float)
    /* (sin, cos, tan, asin and atan have kernels of minind's own, or
       none: libmvec's float64 ones are 3 ULP off) */
    MININD_VECTOR_MATH(exp2)
    MININD_VECTOR_MATH(expm1)
    MININD_VECTOR_MATH(log)
    MININD_VECTOR_MATH(log2)
    MININD_VECTOR_MATH(log10)
    MININD_VECTOR_MATH(log1p)
    MININD_VECTOR_MATH(acos)
    MININD_VECTOR_MATH(sinh)
    MININD_VECTOR_MATH(cosh)
    MININD_VECTOR_MATH(tanh)
    MININD_VECTOR_MATH(asinh)
    MININD_VECTOR_MATH(acosh)
    MININD_VECTOR_MATH(atanh)

    /* float32 tanh and exp2 through libmvec's own float functions, 16
       floats a block (the same padding): 16 float lanes where the double
       route has 8, a third to a half of its time.  On every vector width
       (AVX-512, AVX2, SSE) these two are within 1 ULP of the correctly
       rounded float, as the double route is (measured over every 7th
       float for AVX-512, every 31st for the others); glibc's other float
       functions are 2 to 4 ULP off somewhere (asinhf and acoshf 1 with
       AVX-512 but 2 and 3 with AVX2), so they keep the double route.
       MININD_VECTOR_FLOAT(f) names the float32 loop of f either way. */
    #if MININD_HAVE_LIBMVEC && defined(MININD_LIBMVEC_FLOAT)
    #define MININD_VECTOR_MATH_FLOAT(f)                                    \
    float minind_simd_##f##f(float) __asm__(#f "f")                        \
        __attribute__((simd("notinbranch"), const, nothrow));              \
    static inline __attribute__((always_inline)) void                      \
    minind_block_##f##f(const float *a, float *out)                        \
    {                                                                      \
        int i;                                                             \
        MININD_SIMD_LOOP                                                   \
        for (i = 0; i < 16; i++) out[i] = minind_simd_##f##f(a[i]);        \
    }                                                                      \
    MININD_TYPED_BLOCKS_OF(minind_vector_##f##f, minind_block_##f##f,      \
                           MININD_WIDE_VECTORS, 16, float)
    MININD_VECTOR_MATH_FLOAT(tanh)
    MININD_VECTOR_MATH_FLOAT(exp2)
    #define MININD_VECTOR_FLOAT(f) minind_vector_##f##f
    #define MININD_FLOAT_FUNCTIONS 1
    #else
    MININD_VECTOR_MATH_WIDENED(tanh)
    MININD_VECTOR_MATH_WIDENED(exp2)
    #define MININD_VECTOR_FLOAT(f) minind_vector_##f##_float
    #define MININD_FLOAT_FUNCTIONS 0
    #endif

    /* The same for functions of two arguments, out[i] = f(a[i], b[i]).
       Steps are in elements: 1 (contiguous: the block works on the
       operand in place), 0 (a broadcast scalar, spread over a block
       once) or anything else (gathered into a block, and scattered back
       for the output).  Gathering costs: eight scalar stores read back
       as one vector stall the CPU's store forwarding, so the common
       layouts skip it (pow: 2.1 ns an element contiguous, 5.2 gathered).
       A step of 0 for out is never passed (a reduction keeps its serial
       order). */
    #define MININD_GATHER(x, sx, px, i, m, width, gather)                  \
        ((m) == (width) && (sx) == 1 ? (x) + (i) : (sx) == 0 ? (px) :     \
         gather((x), (sx), (px), (i), (m)))
    #define MININD_VECTOR_MATH2(f)                                         \
    MININD_SIMD_FUNCTION2(f)                                               \
    static inline __attribute__((always_inline)) void                      \
    minind_block2_##f(const double *a, const double *b, double *out)       \
    {                                                                      \
        int i;                                                             \
        MININD_SIMD_LOOP                                                   \
        for (i = 0; i < 8; i++) out[i] = minind_simd_##f(a[i], b[i]);      \
    }                                                                      \
    MININD_VECTOR2_DOUBLE(minind_vector2_##f, minind_block2_##f,           \
                          MININD_WIDE_VECTORS)
    /* name(a, sa, b, sb, out, so, n): block(a, b, out) over n doubles, 8
       at a time; clones: the targets it is built for. */
    #define MININD_VECTOR2_DOUBLE(name, block, clones)                     \
        MININD_VECTOR2_OF(name, block, clones, 8, double, minind_gather)
    /* The same over items of any type, width a block (float: minind's
       own float kernels, gather: minind_gatherf) */
    #define MININD_VECTOR2_OF(name, block, clones, width, type, gather)    \
    static clones void name(                                               \
        const type *a, ptrdiff_t sa, const type *b, ptrdiff_t sb,          \
        type *out, ptrdiff_t so, ptrdiff_t n)                              \
    {                                                                      \
        ptrdiff_t i, k, m;                                                 \
        type pa[width], pb[width], po[width];                              \
        type *o;                                                           \
        for (k = 0; k < width; k++) { pa[k] = a[0]; pb[k] = b[0]; }        \
        for (i = 0; i < n; i += width) {                                   \
            m = n - i < width ? n - i : width;                             \
            o = m == width && so == 1 ? out + i : po;                      \
            if (sa == 1) minind_read_ahead(a + i, width * sizeof(type));   \
            if (sb == 1) minind_read_ahead(b + i, width * sizeof(type));   \
            block(MININD_GATHER(a, sa, pa, i, m, width, gather),           \
                  MININD_GATHER(b, sb, pb, i, m, width, gather), o);       \
            if (o == po)                                                   \
                for (k = 0; k < m; k++) out[(i + k) * so] = po[k];         \
        }                                                                  \
    }
    /* Elements i .. i + m - 1 of x (every sx-th) into the block p, the
       rest of the block left as it was (any number: its results are
       dropped). */
    #define MININD_GATHER_OF(gather, type)                                 \
    static inline __attribute__((always_inline)) const type *              \
    gather(const type *x, ptrdiff_t sx, type *p, ptrdiff_t i, ptrdiff_t m) \
    {                                                                      \
        ptrdiff_t k;                                                       \
        for (k = 0; k < m; k++) p[k] = x[(i + k) * sx];                    \
        return p;                                                          \
    }
    MININD_GATHER_OF(minind_gather, double)
    MININD_GATHER_OF(minind_gatherf, float)
    /* The same for float operands, into a block of doubles: one vector
       conversion when contiguous (no store-forwarding stall), else one
       by one; a step of 0 leaves the block's spread scalar as it is. */
    static inline __attribute__((always_inline)) void
    minind_widen(const float *x, ptrdiff_t sx, double *p, ptrdiff_t i,
                 ptrdiff_t m, int width)
    {
        ptrdiff_t k;
        if (m == width && sx == 1)
            for (k = 0; k < width; k++) p[k] = (double)x[i + k];
        else if (sx != 0)
            for (k = 0; k < m; k++) p[k] = (double)x[(i + k) * sx];
    }
    /* out[i] = f(a[i], b[i]) for floats, through the double block
       function ``block``: widened ``width`` at a time (8, or 16 for a
       kernel whose long chain of dependent steps needs two vectors in
       flight), rounded once at the end; clones: the targets it is built
       for. */
    #define MININD_VECTOR2_FLOAT(name, block, width, clones)               \
    static clones void name(                                               \
        const float *a, ptrdiff_t sa, const float *b, ptrdiff_t sb,        \
        float *out, ptrdiff_t so, ptrdiff_t n)                             \
    {                                                                      \
        ptrdiff_t i, k, m;                                                 \
        double pa[width], pb[width], po[width];                            \
        for (k = 0; k < width; k++) { pa[k] = a[0]; pb[k] = b[0]; }        \
        for (i = 0; i < n; i += width) {                                   \
            m = n - i < width ? n - i : width;                             \
            if (sa == 1) minind_read_ahead(a + i, width * sizeof(float));  \
            if (sb == 1) minind_read_ahead(b + i, width * sizeof(float));  \
            minind_widen(a, sa, pa, i, m, width);                          \
            minind_widen(b, sb, pb, i, m, width);                          \
            block(pa, pb, po);                                             \
            if (m == width && so == 1)                                     \
                for (k = 0; k < width; k++) out[i + k] = (float)po[k];     \
            else                                                           \
                for (k = 0; k < m; k++) out[(i + k) * so] = (float)po[k];  \
        }                                                                  \
    }
    MININD_VECTOR_MATH2(pow)

    /* float64 exp, minind's own kernel: libmvec's is 3 ULP off the
       correctly rounded result, and the scalar function 2.6 times NumPy's
       time.  The classic reduction: x = n ln2 + r with n the integer
       nearest x / ln2 and |r| <= ln2 / 2.  Adding 1.5 * 2**52 to x / ln2
       rounds it to an integer and leaves n in the low bits of the sum
       (no float-to-integer conversion, which AVX2 lacks for 64 bits); r
       comes in two steps, ln2 split in a high part whose product with n
       is exact and a low part.  Then e**r by its Taylor series to r**13
       (the first term left out is below 2**-57 of the result, so the
       polynomial is good to the last bit), summed so that one rounding
       dominates, and e**x = e**r * 2**n, 2**n built in the exponent
       bits.  Within 1 ULP of the correctly rounded result, and almost
       always equal to it (tests/test_vector_math.py).  Where the result
       would be subnormal or near overflow, infinite or NaN (x outside
       [-708.39, 709], or NaN), the element is the C library's exp
       instead: the same function for it wherever it sits.
       What keeps a block of 8 in vector registers, measured (each of
       these had made it 2 to 4 times slower): an OpenMP SIMD loop; the
       range test with & (&& is a branch per element); the block's
       all-inside test as a reduction the pragma names; and the rare
       fix-up out of line.  A table-driven kernel (2**(j/128) and a
       degree-5 polynomial, as glibc's scalar exp) measured slower: GCC
       emulates its table reads with scalar loads, where it will not
       emit vector gathers. */
    /* minind_f_outside(in, inside, out): a block's fix-up, the C
       library's f for the elements outside the kernel's range; out of
       line: had it been inlined, the compiler would keep the block's
       results in scalar registers for it. */
    #define MININD_OUTSIDE(f) MININD_OUTSIDE_OF(f, 8)
    #define MININD_OUTSIDE_OF(f, width)                                    \
    static __attribute__((noinline, cold)) void                            \
    minind_##f##_outside(const double *in, const int64_t *inside,          \
                         double *out)                                      \
    {                                                                      \
        int i;                                                             \
        for (i = 0; i < width; i++)                                        \
            if (!inside[i]) out[i] = f(in[i]);                             \
    }
    /* minind_ff_outside(in, inside, out): the same for a float kernel,
       the C library's double f, rounded. */
    #define MININD_OUTSIDE_FLOAT(f, width)                                 \
    static __attribute__((noinline, cold)) void                            \
    minind_##f##f_outside(const float *in, const int32_t *inside,          \
                          float *out)                                      \
    {                                                                      \
        int i;                                                             \
        for (i = 0; i < width; i++)                                        \
            if (!inside[i]) out[i] = (float)f((double)in[i]);              \
    }
    /* The end of a kernel's block: whether every element was inside its
       range (the block's inside[] and all_inside, a reduction the
       pragma names, over its loop counter i), and if not the fix-up
       ``call``. */
    #define MININD_FIX_OUTSIDE(width, call)                                \
        MININD_SIMD_LOOP_AND(all_inside)                                   \
        for (i = 0; i < width; i++) all_inside &= inside[i];               \
        if (!all_inside) call
    MININD_OUTSIDE(exp)
    static inline __attribute__((always_inline)) void
    minind_exp_block(const double *a, double *out)
    {
        const double shifter = 0x1.8p52, inv_ln2 = 0x1.71547652b82fep0;
        const double ln2_hi = 0x1.62e42fee00000p-1;
        const double ln2_lo = 0x1.a39ef35793c76p-33;
        union { double d; int64_t i; } k, scale, base;
        double in[8];                   /* out may be a (in place) */
        int64_t inside[8], all_inside = 1;
        int i;
        base.d = shifter;
        MININD_SIMD_LOOP
        for (i = 0; i < 8; i++) {
            double x = a[i], n, r, q, t, hi, lo;
            in[i] = x;
            k.d = x * inv_ln2 + shifter;
            n = k.d - shifter;
            r = (x - n * ln2_hi) - n * ln2_lo;
            q = 1.0 / 6227020800.0;                         /* 1/13! */
            q = q * r + 1.0 / 479001600.0;
            q = q * r + 1.0 / 39916800.0;
            q = q * r + 1.0 / 3628800.0;
            q = q * r + 1.0 / 362880.0;
            q = q * r + 1.0 / 40320.0;
            q = q * r + 1.0 / 5040.0;
            q = q * r + 1.0 / 720.0;
            q = q * r + 1.0 / 120.0;
            q = q * r + 1.0 / 24.0;
            q = q * r + 1.0 / 6.0;
            /* e**r = (1 + r) + t: 1 + r in two parts, hi rounded and lo
               exact, so that only the last addition rounds at the
               result's scale (exp(1.0) is math.e, not one ULP above). */
            t = r * r * (0.5 + r * q);
            hi = 1.0 + r;
            lo = (1.0 - hi) + r;
            scale.i = (k.i - base.i + 1023) << 52;          /* 2**n */
            out[i] = (hi + (lo + t)) * scale.d;
            /* & not &&: a vector comparison, no branch; NaN fails both */
            inside[i] = (x >= -708.39) & (x <= 709.0);
        }
        MININD_FIX_OUTSIDE(8, minind_exp_outside(in, inside, out));
    }
    MININD_BLOCKS_DOUBLE(minind_own_exp, minind_exp_block,
                         MININD_WIDE_VECTORS)

    /* float32 exp, minind's own kernel, in float lanes (16 a vector
       with AVX-512, where a double kernel has 8; libmvec's double exp,
       rounded, took 1.65 times NumPy's time at 10**4, and a double
       kernel of minind's own 1.3, 1.7 at 10**7).  x = n ln2 + r with
       n the integer nearest x / ln2 (the shifter trick of exp above,
       2**23 * 1.5 for a float) and ln2 in two parts, the first with
       few enough bits that n times it is exact (|n| <= 127), r to half
       an ULP of itself; then e**r = 1 + r + r**2 q(r), q the Taylor
       series of (e**r - 1 - r) / r**2 to the 5th power (what it leaves
       out is below 2**-27 of the result), and 1 + r in two parts as
       in exp (hi rounded, lo exact), so that one rounding at the
       result's scale remains: at most half an ULP, plus a quarter from
       r and less than a tenth from the rest, so within 1 ULP of the
       correctly rounded float.  2**n in the exponent bits, exact for
       a normal result: inputs outside [-86.5, 88] (a result below
       FLT_MIN or above 2**127 times 1.4), infinities and NaN take the
       C library's double exp, rounded. */
    MININD_OUTSIDE_FLOAT(exp, 16)
    /* x = n ln2 + r + r_lo for the float kernels of exp's family: n, the
       integer nearest x / ln2, returned as a float and, in *m, as an
       integer modulo 2**32 (the shifter trick: adding 2**23 * 1.5
       rounds to an integer and leaves it in the low bits; unsigned, so
       that no argument, NaN included, makes an undefined shift later);
       ln2 in two parts, the first with few enough bits that n times it
       is exact (|n| <= 127); r to half an ULP of itself and r_lo what
       its subtraction lost. */
    static inline __attribute__((always_inline)) float
    minind_ln2_reduce(float x, float *r, float *r_lo, uint32_t *m)
    {
        const float shifter = 0x1.8p23f, inv_ln2 = 0x1.715476p0f;
        const float ln2_hi = 0x1.62e4p-1f, ln2_lo = 0x1.7f7d1cp-20f;
        union { float f; uint32_t u; } k, base;
        float n, r_hi;
        base.f = shifter;
        k.f = x * inv_ln2 + shifter;
        *m = k.u - base.u;
        n = k.f - shifter;
        r_hi = x - n * ln2_hi;                              /* exact */
        *r = r_hi - n * ln2_lo;
        *r_lo = (r_hi - *r) - n * ln2_lo;
        return n;
    }
    static inline __attribute__((always_inline)) void
    minind_expf_block(const float *a, float *out)
    {
        union { float f; uint32_t u; } scale;
        float in[16];                   /* out may be a (in place) */
        int32_t inside[16], all_inside = 1;
        int i;
        MININD_SIMD_LOOP
        for (i = 0; i < 16; i++) {
            float x = a[i], r, r_lo, q, t, hi, lo;
            uint32_t m;
            in[i] = x;
            minind_ln2_reduce(x, &r, &r_lo, &m);
            q = 1.0f / 5040;
            q = q * r + 1.0f / 720;
            q = q * r + 1.0f / 120;
            q = q * r + 1.0f / 24;
            q = q * r + 1.0f / 6;
            q = q * r + 0.5f;
            t = r * r * q;
            hi = 1.0f + r;
            lo = (1.0f - hi) + r;
            scale.u = (m + 127) << 23;                      /* 2**n */
            out[i] = (hi + (lo + t)) * scale.f;
            inside[i] = (x >= -86.5f) & (x <= 88.0f);
        }
        MININD_FIX_OUTSIDE(16, minind_expf_outside(in, inside, out));
    }
    /* The driver of minind's float kernels (MININD_TYPED_BLOCKS_OF). */
    #define MININD_FLOAT_BLOCKS_OF(name, block, width)                     \
        MININD_TYPED_BLOCKS_OF(name, block, MININD_FMA_VECTORS, width, float)
    /* name(a, out): the block function of one member of a family of
       float kernels, kernel(a, out, member) with member a constant (log's
       base, sinh or cosh...), for the driver above. */
    #define MININD_FLOAT_MEMBER(name, kernel, member)                      \
    static inline __attribute__((always_inline)) void                      \
    name(const float *a, float *out) { kernel(a, out, member); }
    MININD_FLOAT_BLOCKS_OF(minind_own_exp_float, minind_expf_block, 16)

    /* float32 log, log2, log10 and log1p, minind's own kernel, in float
       lanes (libmvec's double functions, rounded, took 2.8 to 3.8 times
       NumPy's time at 10**5).  x = 2**k m with m in [sqrt(1/2),
       sqrt(2)) (k from the bits: x's less those of sqrt(1/2), shifted),
       so that f = m - 1, exact, lies in [-0.293, 0.414]; then
       log(x) = k A + log1p(f) B with (A, B) = (ln 2, 1), (1, 1 / ln 2)
       or (log10 2, 1 / ln 10), each constant in two parts: A's first
       with 15 bits or fewer, so that k times it is exact (|k| <= 126),
       B's the float nearest and the rest.  log1p(f) = f - f**2 / 2 +
       f**3 p(f), p a polynomial of degree 8 fitted for relative error
       (2**-23.8 over the interval); f**3 p(f) is at most 7% of the
       result, so its own rounding errors count for at most a fifth of
       an ULP.  What is not small is carried in two parts: f**2 (with
       fma's exact residual), f - f**2 / 2 (the error of the
       subtraction recovered exactly, |f| >= f**2 / 2), the product by
       B (fma again) and the sum with k A (|k A| >= |log1p(f) B| unless
       k = 0), so that one rounding at the result's scale remains.
       log1p(x) is log(w) for w = 1 + x rounded, plus c / w for what
       the rounding lost, c (recovered exactly, as a two-sum): for a
       tiny x, w = 1 and c / w = x is the whole result.  Measured
       against the long double functions over every positive float
       (every float above -1 for log1p) on the x86-64-v3 and -v4 builds
       and every third (log1p: fifth) on the baseline one: within 0.65
       (log), 0.75 (log2), 0.70 (log10) and 0.69 (log1p) ULP of the
       exact result, so within 1 ULP of the correctly rounded float.
       Arguments whose w (x itself but for log1p) is zero, negative,
       subnormal, infinite or NaN take the C library's double function,
       rounded.  64 floats a block: the test for arguments outside, a
       sum across lanes, cost a fifth of the kernel's time in blocks of
       16. */
    MININD_OUTSIDE_FLOAT(log, 64)
    MININD_OUTSIDE_FLOAT(log1p, 64)
    MININD_OUTSIDE_FLOAT(log2, 64)
    MININD_OUTSIDE_FLOAT(log10, 64)
    /* The kernel for one lane: log of w + c in the base (0: e, 2 or
       10), w a float, c what w lost (0 unless with_c, a constant: 1 for
       log1p's rounding error of 1 + x, 2 for the inverse hyperbolic
       functions' corrections, added more carefully, below), and whether
       w is inside the kernel's range. */
    static inline __attribute__((always_inline)) float
    minind_logf_lane(float w, float c, int base, int with_c,
                     int32_t *inside)
    {
        /* base 0: ln (A = ln 2, B = 1), 2: log2 (A = 1, B = 1 / ln 2),
           10: log10 (A = log10 2, B = 1 / ln 10) */
        const float a_hi = base == 0 ? 0x1.62e4p-1f
                           : base == 2 ? 1.0f : 0x1.344p-2f;
        const float a_lo = base == 0 ? 0x1.7f7d1cp-20f
                           : base == 2 ? 0.0f : 0x1.3509f8p-18f;
        const float b_hi = base == 0 ? 1.0f
                           : base == 2 ? 0x1.715476p0f : 0x1.bcb7b2p-2f;
        const float b_lo = base == 0 ? 0.0f
                           : base == 2 ? 0x1.4ae0cp-26f : -0x1.5b235ep-27f;
        union { float f; uint32_t u; } bits;
        float f, p, h, h_lo, s, lo, q, q_lo, kf, ka, sum, cw, t, bb;
        uint32_t ix;
        int32_t k;
        bits.f = w;
        ix = bits.u;
        *inside = (ix >= 0x00800000) & (ix < 0x7f800000);
        k = (int32_t)(ix - 0x3f3504f3) >> 23;       /* sqrt(1/2)'s bits */
        bits.u = ix - ((uint32_t)k << 23);
        f = bits.f - 1.0f;
        p = 0x1.203f74p-4f;
        p = p * f - 0x1.d7a168p-4f;
        p = p * f + 0x1.de4ac2p-4f;
        p = p * f - 0x1.fcbaf2p-4f;
        p = p * f + 0x1.23d37ap-3f;
        p = p * f - 0x1.555c9ep-3f;
        p = p * f + 0x1.999d58p-3f;
        p = p * f - 0x1.fffff8p-3f;
        p = p * f + 0x1.555554p-2f;
        h = f * f;
        h_lo = fmaf(f, f, -h);                          /* exact */
        s = f - 0.5f * h;
        /* log1p(f) = s + lo */
        lo = ((f - s) - 0.5f * h) - 0.5f * h_lo + h * f * p;
        if (with_c == 1) {
            lo += c / w;
        } else if (with_c == 2) {
            /* + c / w, where c may be as large as half w's last bit
               and the result hardly larger (the inverse hyperbolic
               functions near their zeros): the quotient joins s as a
               two-sum (either may be the larger), and its remainder
               (needing no division where it matters, w near 1) joins
               lo.  Added to lo, the quotient would round away what lies
               below lo's last bit, and the final sum could round the
               wrong way (1 ULP off, measured).  log1p's c, the rounding
               error of 1 + x, keeps within its budget without. */
            cw = c / w;
            t = s + cw;
            bb = t - s;
            lo += ((s - (t - bb)) + (cw - bb)) + fmaf(-cw, w, c);
            s = t;
        }
        q = s * b_hi;
        q_lo = fmaf(s, b_hi, -q);                       /* exact */
        kf = (float)k;
        ka = kf * a_hi;                                 /* exact */
        sum = ka + q;
        return sum + (((ka - sum) + q)
                      + (q_lo + s * b_lo + lo * b_hi + kf * a_lo));
    }
    static inline __attribute__((always_inline)) void
    minind_logf_block(const float *a, float *out, int base)
    {
        /* base 0, 2, 10: the logarithm; 1: ln of 1 + x */
        float in[64];                   /* out may be a (in place) */
        int32_t inside[64], all_inside = 1;
        int i;
        MININD_SIMD_LOOP
        for (i = 0; i < 64; i++) {
            float x = a[i], w = x, c = 0.0f, sum;
            in[i] = x;
            if (base == 1) {                 /* w + c = 1 + x, exactly */
                w = 1.0f + x;
                c = (1.0f - (w - (w - 1.0f))) + (x - (w - 1.0f));
            }
            sum = minind_logf_lane(w, c, base == 1 ? 0 : base, base == 1,
                                   &inside[i]);
            /* log1p(x) has x's sign (-0.0 too, which the sum loses) */
            out[i] = base == 1 ? copysignf(sum, x) : sum;
        }
        MININD_FIX_OUTSIDE(64, (base == 0 ? minind_logf_outside
                                : base == 1 ? minind_log1pf_outside
                                : base == 2 ? minind_log2f_outside
                                : minind_log10f_outside)(in, inside, out));
    }
    MININD_FLOAT_MEMBER(minind_logf_block_e, minind_logf_block, 0)
    MININD_FLOAT_MEMBER(minind_log1pf_block, minind_logf_block, 1)
    MININD_FLOAT_MEMBER(minind_log2f_block, minind_logf_block, 2)
    MININD_FLOAT_MEMBER(minind_log10f_block, minind_logf_block, 10)
    MININD_FLOAT_BLOCKS_OF(minind_own_log_float, minind_logf_block_e, 64)
    MININD_FLOAT_BLOCKS_OF(minind_own_log1p_float, minind_log1pf_block, 64)
    MININD_FLOAT_BLOCKS_OF(minind_own_log2_float, minind_log2f_block, 64)
    MININD_FLOAT_BLOCKS_OF(minind_own_log10_float, minind_log10f_block, 64)

    /* float32 expm1, minind's own kernel, in float lanes (libmvec's
       double expm1, rounded, took 2.85 times NumPy's time at 10**5).
       exp's reduction (minind_ln2_reduce: x = n ln2 + r + r_lo);
       then e**x - 1 = (2**n - 1) + 2**n r + 2**n r**2 / 2 +
       2**n (r**3 q(r) + ...), q the Taylor series of (e**r - 1 - r -
       r**2 / 2) / r**3 to the 5th power.  The first three terms are
       not small next to the result (2 e**r - 1 can be 0.41 where 2 r is
       -0.69), so each is carried with its error: 2**n - 1 as a two-sum
       (it is not a float for |n| > 24), r**2 with fma's residual, and
       the two sums that combine them recovered exactly (each first
       term the larger); the rest is at most 3% of the result.  Within
       0.58 ULP of the exact result for every float whose result is
       finite and not -1 (long double expm1; every float on the
       x86-64-v3 and -v4 builds, every third on the baseline one), so
       within 1 ULP of the correctly rounded float.
       Inputs outside [-86.5, 88] (2**n not a normal float), infinities
       and NaN take the C library's double expm1, rounded. */
    MININD_OUTSIDE_FLOAT(expm1, 64)
    static inline __attribute__((always_inline)) void
    minind_expm1f_block(const float *a, float *out)
    {
        union { float f; uint32_t u; } scale;
        float in[64];                   /* out may be a (in place) */
        int32_t inside[64], all_inside = 1;
        int i;
        MININD_SIMD_LOOP
        for (i = 0; i < 64; i++) {
            float x = a[i], r, r_lo, q, h, h_lo, t, t_lo, v, w;
            float sum, more, lost;
            uint32_t m;
            in[i] = x;
            minind_ln2_reduce(x, &r, &r_lo, &m);
            q = 1.0f / 40320;
            q = q * r + 1.0f / 5040;
            q = q * r + 1.0f / 720;
            q = q * r + 1.0f / 120;
            q = q * r + 1.0f / 24;
            q = q * r + 1.0f / 6;
            h = r * r;
            h_lo = fmaf(r, r, -h);                          /* exact */
            scale.u = (m + 127) << 23;                      /* 2**n */
            t = scale.f - 1.0f;                     /* 2**n - 1 = t + t_lo */
            t_lo = (scale.f - (t - (t - scale.f))) + (-1.0f - (t - scale.f));
            v = scale.f * r;                                /* exact */
            w = scale.f * (0.5f * h);                       /* exact */
            sum = t + v;
            lost = (t - sum) + v;
            more = sum + w;
            lost += (sum - more) + w;
            more += lost + (t_lo + scale.f * (
                h * r * q + (0.5f * h_lo + (r_lo * r + r_lo))));
            out[i] = copysignf(more, x);    /* x's sign, -0.0's too */
            inside[i] = (x >= -86.5f) & (x <= 88.0f);
        }
        MININD_FIX_OUTSIDE(64, minind_expm1f_outside(in, inside, out));
    }
    MININD_FLOAT_BLOCKS_OF(minind_own_expm1_float, minind_expm1f_block, 64)

    /* float32 sinh and cosh, minind's own kernel, in float lanes
       (libmvec's double functions, rounded, took 3.4 times NumPy's time
       at 10**5).  Both are even or odd, so the kernel works on |x|:
       exp's reduction |x| = n ln2 + r (n >= 0), then, with
       P = (2**n + 2**-n) / 2 and Q = (2**n - 2**-n) / 2,
           cosh x = P cosh r + Q sinh r,   sinh x = Q cosh r + P sinh r,
       cosh r = 1 + z c(z) and sinh r = r + r z s(z) (z = r**2, Taylor
       series to r**8 and r**9).  The leading term (P, or Q for sinh)
       plus the other times r, the two that can nearly cancel (sinh of
       0.35 is 0.75 - 0.43), is a sum recovered exactly, the product's
       error from fma; P and Q, which are not floats for n > 12, carry
       their rounding; the rest is at most 15% of the result.  Within
       0.79 (sinh) and 0.74 (cosh) ULP of the exact result for every
       float whose result is finite (long double sinh and cosh; every
       float on the x86-64-v3 and -v4 builds, every third on the
       baseline one), so within 1 ULP of the correctly rounded float.
       |x| > 86 (2**-n not a normal float), infinities and NaN take the
       C library's double function, rounded. */
    MININD_OUTSIDE_FLOAT(sinh, 64)
    MININD_OUTSIDE_FLOAT(cosh, 64)
    static inline __attribute__((always_inline)) void
    minind_hyperbolicf_block(const float *a, float *out, int odd)
    {
        union { float f; uint32_t u; } up, down;
        float in[64];                   /* out may be a (in place) */
        int32_t inside[64], all_inside = 1;
        int i;
        MININD_SIMD_LOOP
        for (i = 0; i < 64; i++) {
            float x = a[i], ax = fabsf(x), r, r_lo, z, c, s;
            float p, p_lo, q, q_lo, lead, lead_lo, other, other_lo;
            float t, t_lo, sum, y;
            uint32_t m;
            in[i] = x;
            minind_ln2_reduce(ax, &r, &r_lo, &m);
            z = r * r;
            c = 1.0f / 40320;                   /* cosh r = 1 + z c */
            c = c * z + 1.0f / 720;
            c = c * z + 1.0f / 24;
            c = c * z + 0.5f;
            s = 1.0f / 362880;                  /* sinh r = r + r z s */
            s = s * z + 1.0f / 5040;
            s = s * z + 1.0f / 120;
            s = s * z + 1.0f / 6;
            up.u = (m + 126) << 23;                         /* 2**(n-1) */
            down.u = (126 - m) << 23;                       /* 2**(-n-1) */
            p = up.f + down.f;
            p_lo = (up.f - p) + down.f;                     /* exact */
            q = up.f - down.f;
            q_lo = (up.f - q) - down.f;                     /* exact */
            lead = odd ? q : p;
            lead_lo = odd ? q_lo : p_lo;
            other = odd ? p : q;
            other_lo = odd ? p_lo : q_lo;
            t = other * r;
            t_lo = fmaf(other, r, -t);                      /* exact */
            sum = lead + t;
            y = sum + (((lead - sum) + t) + t_lo
                       + (lead * (z * c) + other * (r * z * s + r_lo)
                          + (lead_lo + other_lo * r)));
            out[i] = odd ? copysignf(y, x) : y;
            inside[i] = ax <= 86.0f;
        }
        MININD_FIX_OUTSIDE(64, (odd ? minind_sinhf_outside
                                : minind_coshf_outside)(in, inside, out));
    }
    MININD_FLOAT_MEMBER(minind_sinhf_block, minind_hyperbolicf_block, 1)
    MININD_FLOAT_MEMBER(minind_coshf_block, minind_hyperbolicf_block, 0)
    MININD_FLOAT_BLOCKS_OF(minind_own_sinh_float, minind_sinhf_block, 64)
    MININD_FLOAT_BLOCKS_OF(minind_own_cosh_float, minind_coshf_block, 64)

    /* float32 arctan and arctan2 (and arcsin and arccos below),
       minind's own kernels in float lanes (libmvec's double functions,
       rounded, took 2.7 to 3.3 times NumPy's time at 10**5).  Both are
       atan(r) for r = p / q in [0, 1] placed in its quadrant, as in the
       float64 kernels (minind_atan2_positive), but with no reduction of
       r: a first version reduced it as the float64 kernels then did
       (to the nearest quarter, a second division and a table of
       constants), 73 vector instructions a block where this has about
       45, and a float's budget does not need it.
       atan(r) = r + r**3 P(z), z = r**2, P of degree 8 fitted for
       relative error (2**-28.5 over [0, 1], coefficients rounded to
       float from the lowest up, each refit of the rest absorbing the
       last one's rounding).  r**3 P is up to 21% of the result, so
       what would make its rounding errors count is formed exactly:
       r**3 as w + w_lo (fma residuals), P's last Horner step with its
       rounding error, and r itself with the division's remainder dr,
       which joins through atan's derivative 1 / (1 + z).  The quadrant,
       base + sign (r + r**3 P) with base 0, pi/2 or pi as two floats,
       recovers the error of base + sign r exactly (a two-sum:
       |base| >= r unless base = 0), so the roundings that count are
       the last and r**3 P's own (an eighth of an ULP at r = 1).
       Measured against the long double functions over every third
       float on the x86-64-v4 build, every seventh on -v3, every
       thirteenth on the baseline one, and for arctan2 over a grid of
       16384 x 16384 pairs (every 262147th float each; -v4 and -v3
       builds): within 0.86 (arctan) and 0.82 (arctan2) ULP of the
       exact result (the baseline build the worst: without hardware fma
       its products and sums round apart), so within 1 ULP of the
       correctly rounded float.  Every choice is a bitwise select
       (minind_pickf), for the reason given above. */
    static inline __attribute__((always_inline)) float
    minind_pickf(uint32_t mask, float a, float b)
    {
        /* a where mask is all ones, b where it is all zeros */
        union { float f; uint32_t u; } x, y;
        x.f = a;
        y.f = b;
        x.u = (mask & x.u) | (~mask & y.u);
        return x.f;
    }
    /* base + sign * atan(p / q) for 0 <= p <= q, q positive and finite,
       q / 2**100 and q * 2**100 finite and normal: the quadrant from
       swap (all ones: q is |y|, so pi/2 -+ atan) and left (all ones:
       x < 0, so pi -+ atan, or pi/2 + atan). */
    static inline __attribute__((always_inline)) float
    minind_atanf_placed(float p, float q, uint32_t swap, uint32_t left)
    {
        float inv, r, dr, z, z_lo, w, w_lo, poly, last, last_lo, corr;
        float sign, base_hi, base_lo, sr, s, e;
        /* r = p / q and what its rounding lost, dr */
        inv = 1.0f / q;
        r = p * inv;
        dr = fmaf(-r, q, p) * inv;
        /* r**3 = w + w_lo, z = r**2 */
        z = r * r;
        z_lo = fmaf(r, r, -z);
        w = r * z;
        w_lo = fmaf(r, z_lo, fmaf(r, z, -w));
        poly = -0x1.d557fap-10f;
        poly = poly * z + 0x1.652940p-7f;
        poly = poly * z - 0x1.fe581ap-6f;
        poly = poly * z + 0x1.da8a34p-5f;
        poly = poly * z - 0x1.5820f8p-4f;
        poly = poly * z + 0x1.c092dep-4f;
        poly = poly * z - 0x1.2420fap-3f;
        poly = poly * z + 0x1.9991eap-3f;
        /* the last step's rounding error recovered (Sterbenz: the sum
           is within a factor 2 of -0x1.55553ep-2) */
        last = fmaf(poly, z, -0x1.55553ep-2f);
        last_lo = fmaf(poly, z, -0x1.55553ep-2f - last);
        /* atan(r + dr) - r = r**3 poly + dr / (1 + z), 1 / (1 + z) to
           1% (dr is a rounding error of r) */
        corr = fmaf(w, last,
                    fmaf(dr, fmaf(z, fmaf(z, 0.375f, -0.875f), 1.0f),
                         fmaf(w, last_lo, w_lo * last)));
        sign = minind_pickf(swap ^ left, -1.0f, 1.0f);
        base_hi = minind_pickf(swap, 0x1.921fb6p+0f,              /* pi/2 */
                               minind_pickf(left, 0x1.921fb6p+1f, 0.0f));
        base_lo = minind_pickf(swap, -0x1.777a5cp-25f,
                               minind_pickf(left, -0x1.777a5cp-24f, 0.0f));
        sr = sign * r;
        s = base_hi + sr;
        e = (base_hi - s) + sr;                         /* exact */
        return s + fmaf(sign, corr, e + base_lo);
    }
    /* sqrt(u + u_lo) = w + w_lo, u >= 0 and u_lo a correction of it:
       w_lo = (u - w*w + u_lo) / (2 w), the division by a reciprocal
       good to 2**-9 (1/sqrt(u) from its bits, then a Newton step; a
       second for precise, 2**-17): a correction about w's last bit
       needs no more, and a second division per element is saved.
       (precise: where the result is much smaller than w, as arcsinh's
       log(w + x) near x = 0, the correction is most of it.) */
    static inline __attribute__((always_inline)) float
    minind_sqrtf_lo(float u, float u_lo, float *w_lo, int precise)
    {
        union { float f; uint32_t u; } y;
        float w = sqrtf(u), h;
        y.f = u;
        y.u = 0x5f3759dfu - (y.u >> 1);       /* ~ 1 / sqrt(u), 2**-4 */
        h = y.f * (1.5f - 0.5f * u * y.f * y.f);        /* 2**-9 */
        if (precise)
            h = h * (1.5f - 0.5f * u * h * h);          /* 2**-17 */
        *w_lo = (fmaf(-w, w, u) + u_lo) * (0.5f * h);
        return w;
    }
    static inline __attribute__((always_inline)) void
    minind_atanf_block(const float *a, float *out)
    {
        int i;
        MININD_SIMD_LOOP
        for (i = 0; i < 64; i++) {
            float x = a[i], m = fabsf(x);
            uint32_t big = -(uint32_t)(m > 1.0f);
            /* arctan2(|x|, 1); beyond 2**27 atan is pi/2 rounded (inf
               too; NaN stays NaN) */
            m = minind_pickf(-(uint32_t)(m > 0x1p27f), 0x1p27f, m);
            out[i] = copysignf(
                minind_atanf_placed(minind_pickf(big, 1.0f, m),
                                    minind_pickf(big, m, 1.0f), big, 0), x);
        }
    }
    MININD_FLOAT_BLOCKS_OF(minind_own_atan_float, minind_atanf_block, 64)
    /* float32 arcsin and arccos, the float64 arcsin kernel's way
       (minind_asin_block) in float lanes: up to 1/2 asin(m) = m + m z P,
       P of degree 6 fitted on [0, 1/4] (within 2**-29.8 of the result),
       beyond pi/2 - 2 asin(y), y = sqrt((1 - m) / 2) with its
       correction (minind_sqrtf_lo, no second division), and arccos from
       the same: pi/2 -+ asin(m) up to 1/2, 2 asin(y) or pi - 2 asin(y)
       beyond.  The constant plus k s (k = 1, -1, 2 or -2) is formed
       exactly, so the roundings that count are the last and the
       polynomial term's (a tenth of the result at most).  Against the
       long double functions over every seventh float, on each of the
       x86-64-v4, -v3 and baseline builds: within 0.65 (arcsin) and
       0.63 (arccos) ULP of the exact result.  A first version took
       arctan2(x, sqrt(1 - x*x)) through minind_atanf_placed: a
       division and the square root's correction from (1 - x)(1 + x),
       twice this one's time.  |x| > 1 and NaN go to the C library's
       double function, rounded (NaN and the invalid flag). */
    MININD_OUTSIDE_FLOAT(asin, 64)
    MININD_OUTSIDE_FLOAT(acos, 64)
    static inline __attribute__((always_inline)) void
    minind_asinf_block(const float *source, float *out, int cosine)
    {
        float in[64];                   /* out may be source (in place) */
        int32_t inside[64], all_inside = 1;
        int i;
        MININD_SIMD_LOOP
        for (i = 0; i < 64; i++) {
            float x = source[i], m = fabsf(x), v, y, y_lo, s, s_lo, z, p;
            float k, base_hi, base_lo, hi, lo;
            uint32_t far = -(uint32_t)(m > 0.5f);
            uint32_t neg = -(uint32_t)(x < 0.0f);
            in[i] = x;
            /* beyond 1/2, asin(m) = pi/2 - 2 asin(y), y = sqrt(v) with
               v = (1 - m) / 2 exact, y + y_lo */
            v = (1.0f - m) * 0.5f;
            y = minind_sqrtf_lo(v, 0.0f, &y_lo, 0);
            s = minind_pickf(far, y, m);
            s_lo = minind_pickf(far, y_lo, 0.0f);
            z = s * s;
            p = 0x1.fb7ca4p-6f;         /* asin(s) = s + s z p, s <= 1/2 */
            p = p * z + 0x1.5a80a0p-7f;
            p = p * z + 0x1.82db24p-6f;
            p = p * z + 0x1.efedf8p-6f;
            p = p * z + 0x1.6dc0f0p-5f;
            p = p * z + 0x1.33331ep-4f;
            p = p * z + 0x1.555556p-3f;
            /* the result is base + k asin(s + s_lo): arcsin up to 1/2
               0 + asin(m), beyond pi/2 - 2 asin(y) (x's sign after);
               arccos up to 1/2 pi/2 -+ asin(m), beyond 2 asin(y) for
               x > 0 and pi - 2 asin(y) for x < 0 */
            if (cosine) {
                k = minind_pickf(far, minind_pickf(neg, -2.0f, 2.0f),
                                 minind_pickf(neg, 1.0f, -1.0f));
                base_hi = minind_pickf(far, minind_pickf(neg, 0x1.921fb6p+1f,
                                                         0.0f),
                                       0x1.921fb6p+0f);
                base_lo = minind_pickf(far, minind_pickf(neg, -0x1.777a5cp-24f,
                                                         0.0f),
                                       -0x1.777a5cp-25f);
            } else {
                k = minind_pickf(far, -2.0f, 1.0f);
                base_hi = minind_pickf(far, 0x1.921fb6p+0f, 0.0f);
                base_lo = minind_pickf(far, -0x1.777a5cp-25f, 0.0f);
            }
            /* base + k s exactly as hi + lo (base is 0 or larger) */
            hi = base_hi + k * s;
            lo = (base_hi - hi) + k * s;
            hi = hi + (lo + (base_lo + k * (s_lo * (1.0f + z * 0.5f)
                                            + s * z * p)));
            out[i] = cosine ? hi : copysignf(hi, x);
            inside[i] = m <= 1.0f;
        }
        MININD_FIX_OUTSIDE(64, (cosine ? minind_acosf_outside
                                : minind_asinf_outside)(in, inside, out));
    }
    MININD_FLOAT_MEMBER(minind_asinf_block_sine, minind_asinf_block, 0)
    MININD_FLOAT_MEMBER(minind_acosf_block, minind_asinf_block, 1)
    MININD_FLOAT_BLOCKS_OF(minind_own_asin_float, minind_asinf_block_sine,
                           64)
    MININD_FLOAT_BLOCKS_OF(minind_own_acos_float, minind_acosf_block, 64)
    /* arctan2: infinities, NaN and 0 / 0 go to the C library's double
       atan2, rounded (its signed-zero and infinity rules are NumPy's) */
    static __attribute__((noinline, cold)) void
    minind_atan2f_outside(const float *y, const float *x,
                          const int32_t *inside, float *out)
    {
        int i;
        for (i = 0; i < 64; i++)
            if (!inside[i])
                out[i] = (float)atan2((double)y[i], (double)x[i]);
    }
    static inline __attribute__((always_inline)) void
    minind_atan2f_block(const float *a, const float *b, float *out)
    {
        float ys[64], xs[64];           /* out may be a or b */
        int32_t inside[64], all_inside = 1;
        int i;
        MININD_SIMD_LOOP
        for (i = 0; i < 64; i++) {
            float y = a[i], x = b[i], ay = fabsf(y), ax = fabsf(x), p, q;
            float scale;
            uint32_t swap = -(uint32_t)(ay > ax);
            ys[i] = y;
            xs[i] = x;
            p = minind_pickf(swap, ax, ay);
            q = minind_pickf(swap, ay, ax);
            /* Scaled by a power of two (exactly) so that 1 / q, p and
               the division's remainder stay normal (a subnormal one
               has lost the bits that the remainder carries): up where
               p is below 2**-100 and q below 2**60 (with q
               above, p / q is below 2**-160: zero), down where q is
               above 2**100 (a p that falls below the normal range has
               a quotient below 2**-190, zero) */
            scale = (p < 0x1p-100f) & (q < 0x1p60f) ? 0x1p64f
                    : q > 0x1p100f ? 0x1p-64f : 1.0f;
            out[i] = copysignf(
                minind_atanf_placed(p * scale, q * scale, swap,
                                    -(uint32_t)(copysignf(1.0f, x) < 0.0f)),
                y);
            inside[i] = (ax < INFINITY) & (ay < INFINITY)
                        & ((ax > 0.0f) | (ay > 0.0f));
        }
        MININD_FIX_OUTSIDE(64, minind_atan2f_outside(ys, xs, inside, out));
    }
    MININD_VECTOR2_OF(minind_own_atan2_float, minind_atan2f_block,
                      MININD_FMA_VECTORS, 64, float, minind_gatherf)

    /* float32 arcsinh, arccosh and arctanh, minind's own kernels: the
       logarithm's kernel (minind_logf_lane) on an argument formed as a
       value and its rounding error, as log1p's is (libmvec's double
       functions, rounded, took 3.0 to 3.4 times NumPy's time at 10**5):
       arcsinh(x) = log(|x| + sqrt(x*x + 1)) with x's sign,
       arccosh(x) = log(x + sqrt((x - 1)(x + 1))),
       arctanh(x) = log((1 + |x|) / (1 - |x|)) / 2 with x's sign.  Each
       sum and product is carried with its error (two-sums, fma
       residuals, the square root's correction, the quotient's
       remainder), so the argument is known far below its last bit and
       the logarithm's own error is all that remains: near the origin
       (or near 1 for arccosh), where the argument is 1 + a little,
       that little is in the correction whole (and the logarithm adds
       it with care: minind_logf_lane's with_c 2).  arctanh below
       2**-12 is x + x**3 / 3 instead.  Measured against the long
       double functions over every float (arcsinh) or every third on
       the x86-64-v4 build, every seventh on -v3 and every thirteenth
       on the baseline one: within 0.68 (arcsinh), 0.64 (arccosh) and
       0.68 (arctanh) ULP of the exact result.  Arguments outside
       (where x*x would overflow, |x| >= 1 for arctanh or < 1 for
       arccosh, infinities and NaN) take the C library's double
       function, rounded. */
    MININD_OUTSIDE_FLOAT(asinh, 64)
    MININD_OUTSIDE_FLOAT(acosh, 64)
    MININD_OUTSIDE_FLOAT(atanh, 64)
    /* kind 0: arcsinh, 1: arccosh, 2: arctanh */
    static inline __attribute__((always_inline)) void
    minind_archypf_block(const float *a, float *out, int kind)
    {
        float in[64];                   /* out may be a (in place) */
        int32_t inside[64], all_inside = 1;
        int i;
        MININD_SIMD_LOOP
        for (i = 0; i < 64; i++) {
            float x = a[i], m = fabsf(x), v, v_lo, w, y;
            float p, p_lo, q, q_lo, b, r, r_lo, d, d_lo, s, s_lo, inv;
            int32_t ok;
            in[i] = x;
            if (kind == 0) {
                /* 1 + m*m = q + q_lo (a two-sum: either may be larger) */
                p = m * m;
                p_lo = fmaf(m, m, -p);
                q = 1.0f + p;
                b = q - 1.0f;
                q_lo = ((1.0f - (q - b)) + (p - b)) + p_lo;
                r = minind_sqrtf_lo(q, q_lo, &r_lo, 1);
                v = r + m;                              /* r > m */
                v_lo = ((r - v) + m) + r_lo;
            } else if (kind == 1) {
                /* x*x - 1 = (x - 1)(x + 1), each a two-sum (x >= 1) */
                d = x - 1.0f;
                d_lo = (x - d) - 1.0f;
                s = x + 1.0f;
                s_lo = (x - s) + 1.0f;
                q = d * s;
                r = minind_sqrtf_lo(
                    q, fmaf(d, s, -q) + (d * s_lo + d_lo * s), &r_lo, 1);
                v = x + r;                              /* x > r */
                v_lo = ((x - v) + r) + r_lo;
            } else {
                /* 1 + m and 1 - m, each a two-sum (1 >= m), and their
                   quotient v + v_lo */
                s = 1.0f + m;
                s_lo = (1.0f - s) + m;
                d = 1.0f - m;
                d_lo = (1.0f - d) - m;
                inv = 1.0f / d;
                v = s * inv;
                v_lo = (fmaf(-v, d, s) + s_lo - v * d_lo) * inv;
                /* times (1 + e) = 1 / ((d + d_lo) inv): inv's own
                   rounding would be 2**-24 of v_lo, a large part of a
                   small result */
                v_lo = fmaf(v_lo, fmaf(-d, inv, 1.0f) - d_lo * inv, v_lo);
            }
            /* the correction below half v's last bit: c / w of the
               logarithm is then small next to the result */
            w = v + v_lo;
            y = minind_logf_lane(w, (v - w) + v_lo, 0, 2, &ok);
            if (kind == 2)
                /* below 2**-12, m + m**3 / 3 (the next term is 2**-50
                   of it): there v is 1 + 2m, and v_lo, one float
                   carrying most of the result, would be the result's
                   precision */
                y = minind_pickf(-(uint32_t)(m < 0x1p-12f),
                                 fmaf(m * m * m, 0x1.555556p-2f, m),
                                 0.5f * y);
            out[i] = kind == 1 ? y : copysignf(y, x);
            inside[i] = ok & (kind == 1 ? x >= 1.0f
                              : kind == 2 ? m < 1.0f : 1);
        }
        MININD_FIX_OUTSIDE(64, (kind == 0 ? minind_asinhf_outside
                                : kind == 1 ? minind_acoshf_outside
                                : minind_atanhf_outside)(in, inside, out));
    }
    MININD_FLOAT_MEMBER(minind_asinhf_block, minind_archypf_block, 0)
    MININD_FLOAT_MEMBER(minind_acoshf_block, minind_archypf_block, 1)
    MININD_FLOAT_MEMBER(minind_atanhf_block, minind_archypf_block, 2)
    MININD_FLOAT_BLOCKS_OF(minind_own_asinh_float, minind_asinhf_block, 64)
    MININD_FLOAT_BLOCKS_OF(minind_own_acosh_float, minind_acoshf_block, 64)
    MININD_PADDED_BLOCKS_OF(minind_own_atanh_float, minind_atanhf_block,
                            MININD_FMA_VECTORS, 64, float, 0.5)

    /* float64 arctan and arctan2 (and arcsin below), minind's own
       kernels: libmvec's are 3 ULP off the correctly rounded result and
       the scalar functions 6 to 13 times NumPy's time.  Both come down
       to atan(r) for 0 <= r <= 1, placed in its quadrant:
       arctan(x) = atan(|x|) or pi/2 - atan(1/|x|); arctan2(y, x) from
       r = min(|x|, |y|) / max(|x|, |y|) as pi/2 -+ atan(r) or
       (0 or pi) +- atan(r).
       atan(r) itself, for r = n / d: c = 0, 1/2 or 1 (r below 1/4, below
       3/4, above), atan(r) = atan(c) + atan(t) with
       t = (r - c) / (1 + r c) = (n - c d) / (d + c n), |t| <= 1/4, and
       atan(t) = t + t z S(z), z = t**2, S a polynomial of degree 8
       fitted to (atan(t) - t) / (t z) on [0, 1/16] (off by less than
       2**-57: 2**-61 of the result).  n - c d is exact (c d is, and n
       is near it), d + c n is a value and its rounding error, and the
       one division is a reciprocal: t = small * (1 / big), with what
       that lost carried as t_lo from the exact remainder
       fma(-t, big, small).  A first version divided three times (r, t
       and r's remainder) with c a quarter and the Taylor series to
       t**23: the divider bounded it, 1.7 times slower.  Every constant
       (atan(c), pi/2, pi) is two doubles, a high part and the rest, and
       the quadrant's sum is formed exactly, so the roundings that
       count are the last two.  arctan2 scales both operands by a power
       of 2 first, so that every term stays normal.  Within 0.76 ULP of
       the exact result (so within 1 ULP of the correctly rounded one),
       and equal to the correctly rounded result for 97% of arguments
       (2.4 million each, against the long double functions, on the
       x86-64-v4, -v3 and baseline builds; tests/test_vector_math.py).
       What keeps the block in vector registers: every data-dependent
       choice is a bitwise select (minind_pick); with ``c ? a : b`` and
       an arm that computes, GCC's AVX2 code branches, because the arm
       might raise a floating-point flag the other path would not. */
    static inline __attribute__((always_inline)) double
    minind_pick(int64_t mask, double a, double b)
    {
        /* a where mask is all ones, b where it is all zeros */
        union { double d; int64_t i; } x, y;
        x.d = a;
        y.d = b;
        x.i = (mask & x.i) | (~mask & y.i);
        return x.d;
    }
    #define MININD_PI_2_HI 0x1.921fb54442d18p+0   /* pi/2 = HI + LO */
    #define MININD_PI_2_LO 0x1.1a62633145c07p-54
    #define MININD_PI_HI 0x1.921fb54442d18p+1
    #define MININD_PI_LO 0x1.1a62633145c07p-53
    /* base + sign * atan(n / d) for 0 <= n <= d, d normal and not near
       overflow; base (0, pi/2 or pi) as base_hi + base_lo, sign +1 or
       -1 */
    static inline __attribute__((always_inline)) double
    minind_atan_placed(double n, double d, double base_hi, double base_lo,
                       double sign)
    {
        int64_t half = -(int64_t)(n * 4.0 >= d);
        int64_t one = -(int64_t)(n * 4.0 >= d * 3.0);
        double c, c_hi, c_lo, cn, small, big, big_lo;
        double inv, t, t_lo, z, s, hi, lo, st;
        /* c: 0 for n/d < 1/4, 1/2 below 3/4, else 1; atan(c) =
           c_hi + c_lo */
        c = minind_pick(one, 1.0, minind_pick(half, 0.5, 0.0));
        c_hi = minind_pick(one, 0x1.921fb54442d18p-1,
                           minind_pick(half, 0x1.dac670561bb4fp-2, 0.0));
        c_lo = minind_pick(one, 0x1.1a62633145c07p-55,
                           minind_pick(half, 0x1.a2b7f222f65e2p-56, 0.0));
        /* t = (r - c) / (1 + r c) = (n - c d) / (d + c n): c d and c n
           are exact, n - c d too (n is near c d), and d + c n is a
           value and its rounding error */
        cn = c * n;
        small = n - c * d;
        big = d + cn;                   /* cn <= d */
        big_lo = (d - big) + cn;
        inv = 1.0 / big;
        t = small * inv;
        t_lo = (fma(-t, big, small) - t * big_lo) * inv;
        z = t * t;
        s = -0x1.50271856f7796p-5;      /* atan(t) = t + t z s, |t| <= 1/4 */
        s = s * z + 0x1.d7490973936c1p-5;
        s = s * z - 0x1.10bd65ecddbdbp-4;
        s = s * z + 0x1.3b10a743ad56dp-4;
        s = s * z - 0x1.745d069641c85p-4;
        s = s * z + 0x1.c71c71937c71bp-4;
        s = s * z - 0x1.249249246a320p-3;
        s = s * z + 0x1.9999999999819p-3;
        s = s * z - 0x1.5555555555555p-2;
        /* base + sign c_hi is exact as hi + the first term of lo (base
           is 0 or at least c_hi); t_lo joins through atan's derivative
           1 / (1 + z), to first order 1 - z */
        hi = base_hi + sign * c_hi;
        lo = ((base_hi - hi) + sign * c_hi)
             + (base_lo + sign * (c_lo + (t_lo - t_lo * z)));
        st = sign * t;
        return hi + (st + (lo + st * z * s));
    }
    /* arctan2(ay, ax) before y's sign, for ay, ax >= 0 finite and not
       both 0 (scaled: see minind_atan2_block), the point right of the y
       axis or left of it (left: all ones): |y| > |x|: pi/2 - atan(r)
       right, pi/2 + atan(r) left, r = |x| / |y|; else atan(r) right,
       pi - atan(r) left, r = |y| / |x|. */
    static inline __attribute__((always_inline)) double
    minind_atan2_positive(double ay, double ax, int64_t left)
    {
        int64_t swap = -(int64_t)(ay > ax);
        return minind_atan_placed(
            minind_pick(swap, ax, ay), minind_pick(swap, ay, ax),
            minind_pick(swap, MININD_PI_2_HI,
                        minind_pick(left, MININD_PI_HI, 0.0)),
            minind_pick(swap, MININD_PI_2_LO,
                        minind_pick(left, MININD_PI_LO, 0.0)),
            minind_pick(swap ^ left, -1.0, 1.0));
    }
    static inline __attribute__((always_inline)) void
    minind_atan_block(const double *a, double *out)
    {
        int i;
        MININD_SIMD_LOOP
        for (i = 0; i < 8; i++) {
            double x = a[i], m = fabs(x);
            /* arctan2(|x|, 1); beyond 2**60 atan is pi/2 to the last
               bit: inf too (NaN stays NaN) */
            m = minind_pick(-(int64_t)(m > 0x1p60), 0x1p60, m);
            out[i] = copysign(minind_atan2_positive(m, 1.0, 0), x);
        }
    }
    MININD_BLOCKS_DOUBLE(minind_own_atan, minind_atan_block,
                         MININD_FMA_VECTORS)
    /* float64 arcsin, minind's own kernel: up to 1/2, asin(m) =
       m + m z P(z), z = m**2, P of degree 13 fitted to
       (asin(m) - m) / (m z) on [0, 1/4] (off by less than 2**-58 of the
       result); beyond, asin(m) = pi/2 - 2 asin(y) with
       y = sqrt((1 - m) / 2) <= 1/2, the same polynomial, and y's
       rounding error carried (y_lo, from the exact residual
       fma(-y, y, v)) through asin's derivative 1 + y**2 / 2.  pi/2 - 2y
       is formed exactly as hi + lo, so the roundings that count are
       the last and the polynomial term's (under a tenth of the
       result): within 0.65 ULP of the exact result, equal to the
       correctly rounded one for 99% of arguments (2.4 million, against
       asinl, on the x86-64-v4, -v3 and baseline builds).  An earlier
       kernel, arctan2(x, sqrt(1 - x*x)) through minind_atan_placed,
       took twice the time (a square root and two divisions an element,
       where this one has a square root and one).  |x| > 1 and NaN go
       to the C library's asin (NaN and the invalid flag). */
    MININD_OUTSIDE(asin)
    static inline __attribute__((always_inline)) void
    minind_asin_block(const double *source, double *out)
    {
        double in[8];                   /* out may be source (in place) */
        int64_t inside[8], all_inside = 1;
        int i;
        MININD_SIMD_LOOP
        for (i = 0; i < 8; i++) {
            double x = source[i], m = fabs(x), v, y, y_lo, a, a_lo, z, p;
            double k, base_hi, hi, lo;
            int64_t far = -(int64_t)(m > 0.5);
            in[i] = x;
            /* beyond 1/2: asin(m) = pi/2 - 2 asin(y), y = sqrt((1 - m) / 2)
               as y + y_lo; (1 - m) / 2 is exact */
            v = (1.0 - m) * 0.5;
            y = sqrt(v);
            y_lo = fma(-y, y, v)
                   / minind_pick(-(int64_t)(y > 0.0), y + y, 1.0);
            a = minind_pick(far, y, m);
            a_lo = minind_pick(far, y_lo, 0.0);
            z = a * a;
            p = 0x1.e529c6fce9bb4p-6;   /* asin(a) = a + a z p, a <= 1/2 */
            p = p * z - 0x1.3b416bb7d9257p-6;
            p = p * z + 0x1.406192d124629p-6;
            p = p * z + 0x1.8f193743418ffp-9;
            p = p * z + 0x1.31622469ce5adp-7;
            p = p * z + 0x1.3b49de7121487p-7;
            p = p * z + 0x1.7b027ee1dd585p-7;
            p = p * z + 0x1.c990ad3d8fdcap-7;
            p = p * z + 0x1.1c4efce23019fp-6;
            p = p * z + 0x1.6e8ba123e494cp-6;
            p = p * z + 0x1.f1c71c7a52ba3p-6;
            p = p * z + 0x1.6db6db6dac1e0p-5;
            p = p * z + 0x1.3333333333388p-4;
            p = p * z + 0x1.5555555555555p-3;
            /* base + k asin(a + a_lo): 0 + asin(m), or pi/2 - 2 asin(y);
               base + k a exactly as hi + lo */
            k = minind_pick(far, -2.0, 1.0);
            base_hi = minind_pick(far, MININD_PI_2_HI, 0.0);
            hi = base_hi + k * a;
            lo = (base_hi - hi) + k * a;
            out[i] = copysign(
                hi + (lo + (minind_pick(far, MININD_PI_2_LO, 0.0)
                            + k * (a_lo * (1.0 + z * 0.5) + a * z * p))),
                x);
            inside[i] = m <= 1.0;
        }
        MININD_FIX_OUTSIDE(8, minind_asin_outside(in, inside, out));
    }
    MININD_BLOCKS_DOUBLE(minind_own_asin, minind_asin_block,
                         MININD_FMA_VECTORS)
    /* arctan2: infinities, NaN and 0 / 0 go to the C library's atan2
       (its signed-zero and infinity rules are NumPy's) */
    static __attribute__((noinline, cold)) void
    minind_atan2_outside(const double *y, const double *x,
                         const int64_t *inside, double *out)
    {
        int i;
        for (i = 0; i < 8; i++)
            if (!inside[i]) out[i] = atan2(y[i], x[i]);
    }
    static inline __attribute__((always_inline)) void
    minind_atan2_block(const double *a, const double *b, double *out)
    {
        double ys[8], xs[8];            /* out may be a or b */
        int64_t inside[8], all_inside = 1;
        int i;
        MININD_SIMD_LOOP
        for (i = 0; i < 8; i++) {
            double y = a[i], x = b[i], ay = fabs(y), ax = fabs(x);
            int64_t left = -(int64_t)(copysign(1.0, x) < 0.0);   /* -0 too */
            union { double d; int64_t i; } larger, scale;
            int64_t e;
            ys[i] = y;
            xs[i] = x;
            /* both scaled by the power of 2 that brings the larger into
               [2**511, 2**512) (a subnormal or tiny one by 2**1022): the
               kernel's terms stay normal and none overflows */
            larger.d = minind_pick(-(int64_t)(ay > ax), ay, ax);
            e = larger.i >> 52;
            e = e < 513 ? 513 : e;
            scale.i = (2558 - e) << 52;
            out[i] = copysign(minind_atan2_positive(ay * scale.d,
                                                    ax * scale.d, left), y);
            inside[i] = (ax < INFINITY) & (ay < INFINITY)
                        & ((ax > 0.0) | (ay > 0.0));
        }
        MININD_FIX_OUTSIDE(8, minind_atan2_outside(ys, xs, inside, out));
    }
    MININD_VECTOR2_DOUBLE(minind_own_atan2, minind_atan2_block,
                          MININD_FMA_VECTORS)

    /* float64 cbrt, minind's own kernel: the C library's is 3 ULP from
       the correctly rounded result (NumPy's too, where it is the C
       library's), and libmvec's AVX2 one 4 from that.  |x| = 2**e m with
       m in [1, 2) and e = 3q + rem (rem 0, 1 or 2; q by the shifter of
       exp, from e as a double, as in powf's kernel), v = m 2**rem.  No
       division (two of them, a Halley and a Newton step, took most of
       an earlier version's time): r ~ v**(-1/3) from the float32
       kernel's quintic in m (2**-17) times 2**(-rem/3), one Newton step
       for the inverse cube root (r + r (1 - v r**3) / 3: 2**-33), y = v
       r**2, then one Newton step for the cube root whose residual
       v - y**3 is exact (y**3 as a value and a correction, by fma) and
       whose 1 / (3 y**2) is r**2 / 3, and 2**q in the exponent bits.  A
       subnormal x is scaled by 2**54 = (2**18)**3 first.  Within 0.5005
       ULP of the exact result (2.4 million arguments: random bits, every
       exponent, near cubes), correctly rounded for 99.98% of them, on
       the x86-64-v4, -v3 and baseline builds.  0, infinities and NaN
       are the C library's cbrt.  Blocks of 16, two vectors in flight. */
    MININD_OUTSIDE_OF(cbrt, 16)
    static inline __attribute__((always_inline)) void
    minind_cbrt_block(const double *source, double *out)
    {
        const double shifter = 0x1.8p52;
        union { double d; int64_t i; } bits, k, base, scale;
        double in[16];                  /* out may be source (in place) */
        int64_t inside[16], all_inside = 1;
        int i;
        base.d = shifter;
        MININD_SIMD_LOOP
        for (i = 0; i < 16; i++) {
            double x = source[i], a = fabs(x), e, q, rem, m, v, r, r2, y;
            double y2, y2_lo, y3, y3_lo;
            int64_t tiny = -(int64_t)(a < 0x1p-1022), one, two;
            in[i] = x;
            a = minind_pick(tiny, a * 0x1p54, a);
            bits.d = a;
            /* e - 1023 in the low bits of 2**52, as a double */
            k.i = base.i - 0x0008000000000000LL + (bits.i >> 52);
            e = k.d - 0x1.00000000003ffp52;
            k.d = (e * (1.0 / 3) - 1.0 / 3) + shifter;   /* q = floor(e/3) */
            q = k.d - shifter;
            rem = e - 3.0 * q;
            one = -(int64_t)(rem == 1.0);
            two = -(int64_t)(rem == 2.0);
            bits.i = (bits.i & 0x000fffffffffffffLL) | 0x3ff0000000000000LL;
            m = bits.d;
            v = m * minind_pick(one, 2.0, minind_pick(two, 4.0, 1.0));
            /* r ~ v**(-1/3): m**(-1/3) (2**-17), times 2**(-rem/3) */
            r = -0x1.0e8700p-6;
            r = r * m + 0x1.37ce9ep-3;
            r = r * m - 0x1.2c4b96p-1;
            r = r * m + 0x1.3a267ap+0;
            r = r * m - 0x1.8dd4bep+0;
            r = r * m + 0x1.c713e2p+0;
            r *= minind_pick(one, 0x1.965fea53d6e3dp-1,
                             minind_pick(two, 0x1.428a2f98d728bp-1, 1.0));
            r2 = r * r;
            r = r + (r * (1.0 / 3)) * (1.0 - v * (r2 * r));     /* 2**-33 */
            r2 = r * r;
            y = v * r2;                         /* ~ v**(1/3), 2**-32 */
            y2 = y * y;                         /* y**3 = y3 + y3_lo */
            y2_lo = fma(y, y, -y2);
            y3 = y2 * y;
            y3_lo = fma(y2, y, -y3) + y2_lo * y;
            y = y + ((v - y3) - y3_lo) * (r2 * (1.0 / 3));  /* Newton */
            scale.i = (k.i - base.i + 1023) << 52;          /* 2**q */
            out[i] = copysign(y * scale.d * minind_pick(tiny, 0x1p-18, 1.0),
                              x);
            inside[i] = (a > 0.0) & (a < INFINITY);
        }
        MININD_FIX_OUTSIDE(16, minind_cbrt_outside(in, inside, out));
    }
    MININD_BLOCKS_OF(minind_own_cbrt, minind_cbrt_block, MININD_FMA_VECTORS,
                     16)
    /* float32 cbrt, minind's own kernel in float lanes (the double
       route ran the C library's cbrt an element at a time: libmvec has
       none; 3.5 times NumPy's time at 10**5).  |x| = 2**e m as in the
       float64 kernel, e = 3 q + rem by an integer multiply, and
       v = m 2**rem in [1, 8).  No division: r ~ v**(-1/3) from a
       quintic in m (2**-17) times 2**(-rem/3), y = v r**2 (2**-16),
       then one Newton step y + (v - y**3) r**2 / 3 with the residual
       exact (y**3 as a value and its error, by fma; v - y**3 is exact
       by Sterbenz), good to 2**-30 before its one rounding.  Over every
       third float on each of the x86-64-v4, -v3 and baseline builds,
       against cbrtl: within 0.505 ULP of the exact result, correctly
       rounded for 99.85% of arguments.  0, subnormals, infinities and
       NaN are the C library's double cbrt, rounded. */
    MININD_OUTSIDE_FLOAT(cbrt, 64)
    static inline __attribute__((always_inline)) void
    minind_cbrtf_block(const float *source, float *out)
    {
        float in[64];                   /* out may be source (in place) */
        int32_t inside[64], all_inside = 1;
        int i;
        MININD_SIMD_LOOP
        for (i = 0; i < 64; i++) {
            union { float f; uint32_t u; } bits, scale;
            float x = source[i], a = fabsf(x), m, v, r, r2, y, y2, y2_lo;
            float y3, y3_lo;
            uint32_t n, q, rem, one, two;
            in[i] = x;
            bits.f = a;
            /* n = e + 129 >= 3 for |x| = 2**e m, m in [1, 2), normal;
               e = 3 (q - 43) + rem, q = floor(n / 3) by a multiply */
            n = (bits.u >> 23) + 2;
            q = (n * 0xaaabu) >> 17;
            rem = n - 3 * q;
            one = -(uint32_t)(rem == 1);
            two = -(uint32_t)(rem == 2);
            bits.u = (bits.u & 0x7fffffu) | 0x3f800000u;
            m = bits.f;
            v = m * minind_pickf(one, 2.0f, minind_pickf(two, 4.0f, 1.0f));
            /* r ~ v**(-1/3): m**(-1/3) by a quintic (2**-17), times
               2**(-rem/3) */
            r = -0x1.0e8700p-6f;
            r = r * m + 0x1.37ce9ep-3f;
            r = r * m - 0x1.2c4b96p-1f;
            r = r * m + 0x1.3a267ap+0f;
            r = r * m - 0x1.8dd4bep+0f;
            r = r * m + 0x1.c713e2p+0f;
            r *= minind_pickf(one, 0x1.965feap-1f,  /* 2**(-1/3) */
                              minind_pickf(two, 0x1.428a30p-1f, 1.0f));
            r2 = r * r;
            y = v * r2;                 /* ~ v**(1/3), 2**-16 */
            /* one Newton step with the exact residual v - y**3 and
               1 / (3 y**2) as r**2 / 3 */
            y2 = y * y;
            y2_lo = fmaf(y, y, -y2);
            y3 = y2 * y;
            y3_lo = fmaf(y2, y, -y3) + y2_lo * y;
            y = fmaf((v - y3) - y3_lo, r2 * (1.0f / 3), y);
            scale.u = (q + 84) << 23;   /* 2**(q - 43) */
            out[i] = copysignf(y * scale.f, x);
            inside[i] = (a >= 0x1p-126f) & (a < INFINITY);
        }
        MININD_FIX_OUTSIDE(64, minind_cbrtf_outside(in, inside, out));
    }
    MININD_FLOAT_BLOCKS_OF(minind_own_cbrt_float, minind_cbrtf_block, 64)

    /* float64 tan, minind's own kernel: the C library's is a call per
       element (3.5 to 11 times NumPy's time on AVX-512) and libmvec's is
       3 ULP off the correctly rounded result.  x = k pi/2 + r, k the
       integer nearest x 2/pi (the shifter of exp), pi/2 in three parts
       (33, 33 and 53 bits: k times either of the first two is exact for
       |x| <= 2**20, and so is x - k P1), r as a value and a correction.
       sin r and cos r by their Taylor series (to r**17 and r**18 for
       |r| <= pi/4: what is left out is below 2**-62), each as a value and
       a correction (r + r**3 (...) and 1 - r**2/2 + ... summed exactly,
       fma giving r**2's rounding error), then tan x = sin r / cos r, or
       -cos r / sin r for odd k, divided as pairs: q = n / d (by the
       reciprocal of d), then q + (n - q d) / d from fma's exact
       remainder.  What is left is about the last rounding: within 1 ULP
       of the correctly rounded result (20 million arguments, near
       multiples of pi/2 too, against the long double tan).
       |x| < 2**-27 gives x (tan x = x + x**3/3 rounds to it, and a zero
       keeps its sign); |x| > 2**20, x within 2**-27 of a nonzero
       multiple of pi/2 (there the three parts are not enough),
       infinities and NaN take the C library's tan.  Such lanes compute
       on 0.5 meanwhile, so that they raise no flag of their own.  Blocks
       of 16, two vectors in flight. */
    MININD_OUTSIDE_OF(tan, 16)
    static inline __attribute__((always_inline)) void
    minind_tan_block(const double *source, double *out)
    {
        const double shifter = 0x1.8p52, two_over_pi = 0x1.45f306dc9c883p-1;
        const double p1 = 0x1.921fb544p+0, p2 = 0x1.0b4611a6p-34;
        const double p3 = 0x1.3198a2e037073p-69;
        union { double d; int64_t i; } k;
        double in[16];                   /* out may be source (in place) */
        int64_t inside[16], all_inside = 1;
        int i;
        MININD_SIMD_LOOP
        for (i = 0; i < 16; i++) {
            double x = source[i], a = fabs(x), n, y, w, r, lo, t, r2, r2_lo;
            double ps, pc, s_hi, s_lo, c_hi, c_lo, h, n_hi, n_lo, d_hi, d_lo;
            double q, e, inverse;
            int64_t odd, calm = -(int64_t)((a >= 0x1p-27) & (a <= 0x1p20));
            x = minind_pick(calm, x, 0.5);
            in[i] = source[i];
            k.d = x * two_over_pi + shifter;
            n = k.d - shifter;
            odd = -(k.i & 1);
            y = x - n * p1;                                 /* exact */
            w = n * p2;                                     /* exact */
            r = y - w;
            lo = ((y - r) - w) - n * p3;
            t = r + lo;                                 /* renormalised */
            lo = (r - t) + lo;
            r = t;
            r2 = r * r;
            r2_lo = fma(r, r, -r2);
            ps = 0x1.952c77030ad4ap-49;                     /* 1/17! */
            ps = ps * r2 - 0x1.ae7f3e733b81fp-41;
            ps = ps * r2 + 0x1.6124613a86d09p-33;
            ps = ps * r2 - 0x1.ae64567f544e4p-26;
            ps = ps * r2 + 0x1.71de3a556c734p-19;
            ps = ps * r2 - 0x1.a01a01a01a01ap-13;
            ps = ps * r2 + 0x1.1111111111111p-7;
            ps = ps * r2 - 0x1.5555555555555p-3;            /* -1/3! */
            pc = -0x1.6827863b97d97p-53;                    /* -1/18! */
            pc = pc * r2 + 0x1.ae7f3e733b81fp-45;
            pc = pc * r2 - 0x1.93974a8c07c9dp-37;
            pc = pc * r2 + 0x1.1eed8eff8d898p-29;
            pc = pc * r2 - 0x1.27e4fb7789f5cp-22;
            pc = pc * r2 + 0x1.a01a01a01a01ap-16;
            pc = pc * r2 - 0x1.6c16c16c16c17p-10;
            pc = pc * r2 + 0x1.5555555555555p-5;            /* 1/4! */
            /* sin r = r + t, t = r**3 ps + lo cos r */
            t = r * r2 * ps + lo * (1.0 - 0.5 * r2);
            s_hi = r + t;
            s_lo = (r - s_hi) + t;
            /* cos r = (1 - h) + r**4 pc - r lo, h = r**2 / 2: two sums
               whose rounding errors are kept */
            h = 0.5 * r2;
            c_hi = 1.0 - h;
            c_lo = (1.0 - c_hi) - h;
            t = r2 * r2 * pc;
            e = c_hi + t;
            c_lo += ((c_hi - e) + t) - 0.5 * r2_lo - r * lo;
            c_hi = e;
            n_hi = minind_pick(odd, -c_hi, s_hi);
            n_lo = minind_pick(odd, -c_lo, s_lo);
            d_hi = minind_pick(odd, s_hi, c_hi);
            d_lo = minind_pick(odd, s_lo, c_lo);
            inverse = 1.0 / d_hi;           /* one division, not two */
            q = n_hi * inverse;
            e = (fma(-q, d_hi, n_hi) + n_lo - q * d_lo) * inverse;
            out[i] = minind_pick(calm, q + e, source[i]);
            inside[i] = (a <= 0x1p20) & ((n == 0.0) | (fabs(r) >= 0x1p-27));
        }
        MININD_FIX_OUTSIDE(16, minind_tan_outside(in, inside, out));
    }
    MININD_BLOCKS_OF(minind_own_tan, minind_tan_block, MININD_FMA_VECTORS,
                     16)

    /* float32 sin, cos and tan, minind's own kernels, in double lanes
       (they were libmvec's double functions on widened floats: 1.6 to
       2.7 times NumPy's time at 10**5).  Double lanes because of the
       argument reduction: in float lanes x - k pi/2 has to be carried
       as a value and a correction (a float remainder alone is 0.5 ULP
       off before any other error), which costs what the second vector
       of doubles costs; in double it is two steps,
       minind_less_half_pis, and every later error is far below a
       float's ULP.
       sin and cos: one odd polynomial over [-pi/2, pi/2] and no cos
       polynomial, so no choice between two per lane.  sin x: x = n pi
       + r, n the integer nearest x / pi, sin x = (-1)**n sin r.  cos x:
       x = (n + 1/2) pi + r, n the integer nearest x / pi - 1/2, cos x =
       (-1)**(n + 1) sin r.  sin r = r (1 + r**2 p(r**2)), p of degree 4
       fitted for relative error (2**-33 over the interval); the product
       by r last, so that sin(-0) is -0.
       tan x: x = k pi/2 + r, |r| <= pi/4, tan r = r P(r**2) / Q(r**2),
       P and Q of degree 2 fitted together (relative error 2**-35), and
       tan x = -Q / (r P) for odd k.  One division: the float reciprocal
       of the denominator (a float division, where a double one takes
       twice as long), refined once in double (relative error 2**-46),
       then the product with the numerator (which keeps -0's sign).
       Measured against the long double functions over every float of
       [-2**20, 2**20] on the x86-64-v4 build, and every 997th float on
       it, -v3 and the baseline (which agree bit for bit): within 0.502
       (sin, cos) and 0.501 (tan) ULP of the exact result, so within 1
       ULP of the correctly rounded float, and equal to it for all but
       one float in 7,000 to 26,000.
       |x| > 2**20 (where k times the first part of pi/2 is no longer
       exact), infinities and NaN take the C library's double
       functions, rounded; such lanes compute on 0.5 meanwhile. */
    static inline __attribute__((always_inline)) double
    minind_less_half_pis(double x, double k)
    {
        /* x - k pi/2 for an integer k with |k| <= 2**20 and |x| <=
           2**20 + pi/2, so the remainder is at most pi/2 or so: pi/2's
           first 33 bits, whose product with k is exact and so is x less
           that product (the two within a factor of 2 of each other
           unless the difference is large), then the double nearest the
           rest of pi/2 (what it leaves out is below 2**-67 here, and the
           smallest remainder of a float is far above that). */
        return (x - k * 0x1.921fb544p+0) - k * 0x1.0b4611a626331p-34;
    }
    MININD_OUTSIDE_FLOAT(sin, 64)
    MININD_OUTSIDE_FLOAT(cos, 64)
    MININD_OUTSIDE_FLOAT(tan, 64)
    static inline __attribute__((always_inline)) void
    minind_sinf_cosf_block(const float *source, float *out, int cosine)
    {
        const double shifter = 0x1.8p52, inv_pi = 0x1.45f306dc9c883p-2;
        union { double d; int64_t i; } n, v;
        float in[64];                    /* out may be source (in place) */
        int32_t inside[64], all_inside = 1;
        int i;
        MININD_SIMD_LOOP
        for (i = 0; i < 64; i++) {
            float f = source[i];
            int32_t calm = -(int32_t)(fabsf(f) <= 0x1p20f);
            double x = (double)minind_pickf((uint32_t)calm, f, 0.5f);
            double r, u, p;
            in[i] = f;
            /* n (shifted by 1 for cos: n's low bit then says whether
               to negate sin r) */
            n.d = (x * inv_pi - 0.5 * cosine) + (shifter + cosine);
            r = minind_less_half_pis(x, 2.0 * (n.d - (shifter + cosine))
                                        + cosine);
            u = r * r;
            p = -0x1.9db160d0baed4p-26;
            p = p * u + 0x1.71968de079b19p-19;
            p = p * u - 0x1.a01905a717122p-13;
            p = p * u + 0x1.11110fda8ff95p-7;
            p = p * u - 0x1.555555546033dp-3;
            v.d = r * (1.0 + u * p);
            v.i ^= (int64_t)((uint64_t)n.i << 63);
            out[i] = (float)v.d;
            inside[i] = calm;
        }
        MININD_FIX_OUTSIDE(64, (cosine ? minind_cosf_outside
                                : minind_sinf_outside)(in, inside, out));
    }
    MININD_FLOAT_MEMBER(minind_sinf_block, minind_sinf_cosf_block, 0)
    MININD_FLOAT_MEMBER(minind_cosf_block, minind_sinf_cosf_block, 1)
    MININD_FLOAT_BLOCKS_OF(minind_own_sin_float, minind_sinf_block, 64)
    MININD_FLOAT_BLOCKS_OF(minind_own_cos_float, minind_cosf_block, 64)
    static inline __attribute__((always_inline)) void
    minind_tanf_block(const float *source, float *out)
    {
        const double shifter = 0x1.8p52, two_over_pi = 0x1.45f306dc9c883p-1;
        union { double d; int64_t i; } k;
        float in[64];                    /* out may be source (in place) */
        int32_t inside[64], all_inside = 1;
        int i;
        MININD_SIMD_LOOP
        for (i = 0; i < 64; i++) {
            float f = source[i];
            int32_t calm = -(int32_t)(fabsf(f) <= 0x1p20f);
            double x = (double)minind_pickf((uint32_t)calm, f, 0.5f);
            double r, u, p, q, num, den, y;
            int64_t odd;
            in[i] = f;
            k.d = x * two_over_pi + shifter;
            r = minind_less_half_pis(x, k.d - shifter);
            u = r * r;
            p = 0x1.19c6c4c9496c2p-10;
            p = p * u - 0x1.c81ef12f9e692p-4;
            p = (p * u + 0x1.0000000014d47p+0) * r;
            q = 0x1.05aed7c3aaa0ep-6;
            q = q * u - 0x1.c75d11875d559p-2;
            q = q * u + 1.0;
            odd = -(k.i & 1);
            num = minind_pick(odd, -q, p);
            den = minind_pick(odd, p, q);
            y = (double)(1.0f / (float)den);
            y = y * (2.0 - den * y);
            out[i] = (float)(num * y);
            inside[i] = calm;
        }
        MININD_FIX_OUTSIDE(64, minind_tanf_outside(in, inside, out));
    }
    MININD_FLOAT_BLOCKS_OF(minind_own_tan_float, minind_tanf_block, 64)

    /* float32 power, minind's own kernel, in double: x**y = 2**(y log2 x).
       libmvec's double pow, rounded to float, is correctly rounded but
       takes 3 ns an element; this takes a fraction of that and is
       within 1 ULP of the correctly rounded float (almost always equal
       to it: its double result is good to about 2**-44, so only a
       result within that of a float rounding boundary can round the
       other way).  Its inputs are floats widened to double, so every
       positive x is a normal double.
       log2 x: x = 2**e m with m in [sqrt(2)/2, sqrt(2)), and
       ln m = 2 atanh(s) = 2 (s + s**3/3 + s**5/5 + ...) with
       s = (m - 1)/(m + 1), |s| < 0.172: nine terms leave out less than
       2**-50.  2**t: t = n + f with n the integer nearest t (the
       shifter trick of exp above) and |f| <= 1/2, then e**(f ln 2) by
       its Taylor series to the 11th power (the rest below 2**-45), and
       2**n in the exponent bits.  Exact where it should be: x = 1, or
       x a power of two and y t an integer, give exactly the power.
       Elsewhere -- x <= 0, infinite or NaN, y not finite, or t beyond
       +-1000 (the result is then 0 or inf as a float) -- the element is
       the C library's double pow, the special cases of which are
       NumPy's. */
    static __attribute__((noinline, cold)) void
    minind_powf_outside(const double *x, const double *y,
                        const int64_t *inside, double *out)
    {
        int i;
        for (i = 0; i < 16; i++)
            if (!inside[i]) out[i] = pow(x[i], y[i]);
    }
    static inline __attribute__((always_inline)) void
    minind_powf_block(const double *x, const double *y, double *out)
    {
        const double shifter = 0x1.8p52, two_over_ln2 = 0x1.71547652b82fep1;
        const double ln2 = 0x1.62e42fefa39efp-1;
        union { double d; int64_t i; } bits, k, scale, base;
        double xs[16], ys[16];            /* out may be x or y */
        int64_t inside[16], all_inside = 1;
        int i;
        base.d = shifter;
        MININD_SIMD_LOOP
        for (i = 0; i < 16; i++) {
            double a = x[i], b = y[i], e, m, s, z, p, t, n, r, q;
            int64_t high;
            xs[i] = a;
            ys[i] = b;
            bits.d = a;
            /* e from the exponent bits without an int64-to-double
               conversion (AVX-512F and AVX2 have none): those bits as
               the low bits of 2**52, minus 2**52 and the bias */
            k.i = base.i - 0x0008000000000000LL + (bits.i >> 52);
            e = k.d - 0x1.00000000003ffp52;
            bits.i = (bits.i & 0x000fffffffffffffLL) | 0x3ff0000000000000LL;
            m = bits.d;
            /* m > sqrt(2): m / 2, e + 1 (a bitwise select: an if here
               is a branch in GCC's AVX2 code, 4 times slower) */
            high = -(int64_t)(m > 0x1.6a09e667f3bcdp0);
            m = minind_pick(high, m * 0.5, m);
            e += minind_pick(high, 1.0, 0.0);
            s = (m - 1.0) / (m + 1.0);
            z = s * s;
            p = 1.0 / 17;
            p = p * z + 1.0 / 15;
            p = p * z + 1.0 / 13;
            p = p * z + 1.0 / 11;
            p = p * z + 1.0 / 9;
            p = p * z + 1.0 / 7;
            p = p * z + 1.0 / 5;
            p = p * z + 1.0 / 3;
            t = b * (e + two_over_ln2 * (s + s * z * p));
            k.d = t + shifter;
            n = k.d - shifter;
            r = (t - n) * ln2;
            q = 1.0 / 39916800;                             /* 1/11! */
            q = q * r + 1.0 / 3628800;
            q = q * r + 1.0 / 362880;
            q = q * r + 1.0 / 40320;
            q = q * r + 1.0 / 5040;
            q = q * r + 1.0 / 720;
            q = q * r + 1.0 / 120;
            q = q * r + 1.0 / 24;
            q = q * r + 1.0 / 6;
            q = q * r + 0.5;
            scale.i = (k.i - base.i + 1023) << 52;          /* 2**n */
            out[i] = (1.0 + (r + r * r * q)) * scale.d;
            /* & not &&, as in exp; NaN fails every comparison */
            inside[i] = (a > 0.0) & (a <= 0x1.fffffep127)
                        & (t >= -1000.0) & (t <= 1000.0);
        }
        MININD_FIX_OUTSIDE(16, minind_powf_outside(xs, ys, inside, out));
    }
    MININD_VECTOR2_FLOAT(minind_own_pow_float, minind_powf_block, 16,
                         MININD_FMA_VECTORS)
    """
    const bint HAVE_LIBMVEC "MININD_HAVE_LIBMVEC"
    bint libmvec_avx512 "minind_libmvec_avx512"() noexcept nogil
    const bint VECTORISED "MININD_VECTORISED"
    void own_exp "minind_own_exp"(
        const double*, double*, Py_ssize_t) noexcept nogil
    void own_exp_float "minind_own_exp_float"(
        const float*, float*, Py_ssize_t) noexcept nogil
    void own_log_float "minind_own_log_float"(
        const float*, float*, Py_ssize_t) noexcept nogil
    void own_expm1_float "minind_own_expm1_float"(
        const float*, float*, Py_ssize_t) noexcept nogil
    void own_sinh_float "minind_own_sinh_float"(
        const float*, float*, Py_ssize_t) noexcept nogil
    void own_cosh_float "minind_own_cosh_float"(
        const float*, float*, Py_ssize_t) noexcept nogil
    void own_log1p_float "minind_own_log1p_float"(
        const float*, float*, Py_ssize_t) noexcept nogil
    void own_log2_float "minind_own_log2_float"(
        const float*, float*, Py_ssize_t) noexcept nogil
    void own_log10_float "minind_own_log10_float"(
        const float*, float*, Py_ssize_t) noexcept nogil
    void own_atan_float "minind_own_atan_float"(
        const float*, float*, Py_ssize_t) noexcept nogil
    void own_asin_float "minind_own_asin_float"(
        const float*, float*, Py_ssize_t) noexcept nogil
    void own_acos_float "minind_own_acos_float"(
        const float*, float*, Py_ssize_t) noexcept nogil
    void own_cbrt_float "minind_own_cbrt_float"(
        const float*, float*, Py_ssize_t) noexcept nogil
    void own_asinh_float "minind_own_asinh_float"(
        const float*, float*, Py_ssize_t) noexcept nogil
    void own_acosh_float "minind_own_acosh_float"(
        const float*, float*, Py_ssize_t) noexcept nogil
    void own_atanh_float "minind_own_atanh_float"(
        const float*, float*, Py_ssize_t) noexcept nogil
    void own_sin_float "minind_own_sin_float"(
        const float*, float*, Py_ssize_t) noexcept nogil
    void own_cos_float "minind_own_cos_float"(
        const float*, float*, Py_ssize_t) noexcept nogil
    void own_tan_float "minind_own_tan_float"(
        const float*, float*, Py_ssize_t) noexcept nogil
    void own_atan "minind_own_atan"(
        const double*, double*, Py_ssize_t) noexcept nogil
    void own_asin "minind_own_asin"(
        const double*, double*, Py_ssize_t) noexcept nogil
    void own_tan "minind_own_tan"(
        const double*, double*, Py_ssize_t) noexcept nogil
    void own_cbrt "minind_own_cbrt"(
        const double*, double*, Py_ssize_t) noexcept nogil
    void own_atan2 "minind_own_atan2"(
        const double*, Py_ssize_t, const double*, Py_ssize_t, double*,
        Py_ssize_t, Py_ssize_t) noexcept nogil
    void vector2_pow "minind_vector2_pow"(
        const double*, Py_ssize_t, const double*, Py_ssize_t, double*,
        Py_ssize_t, Py_ssize_t) noexcept nogil
    void own_pow_float "minind_own_pow_float"(
        const float*, Py_ssize_t, const float*, Py_ssize_t, float*,
        Py_ssize_t, Py_ssize_t) noexcept nogil
    void own_atan2_float "minind_own_atan2_float"(
        const float*, Py_ssize_t, const float*, Py_ssize_t, float*,
        Py_ssize_t, Py_ssize_t) noexcept nogil
    void vector_exp2 "minind_vector_exp2"(
        const double*, double*, Py_ssize_t) noexcept nogil
    void vector_expm1 "minind_vector_expm1"(
        const double*, double*, Py_ssize_t) noexcept nogil
    void vector_log "minind_vector_log"(
        const double*, double*, Py_ssize_t) noexcept nogil
    void vector_log2 "minind_vector_log2"(
        const double*, double*, Py_ssize_t) noexcept nogil
    void vector_log10 "minind_vector_log10"(
        const double*, double*, Py_ssize_t) noexcept nogil
    void vector_log1p "minind_vector_log1p"(
        const double*, double*, Py_ssize_t) noexcept nogil
    void vector_acos "minind_vector_acos"(
        const double*, double*, Py_ssize_t) noexcept nogil
    void vector_sinh "minind_vector_sinh"(
        const double*, double*, Py_ssize_t) noexcept nogil
    void vector_cosh "minind_vector_cosh"(
        const double*, double*, Py_ssize_t) noexcept nogil
    void vector_tanh "minind_vector_tanh"(
        const double*, double*, Py_ssize_t) noexcept nogil
    void vector_asinh "minind_vector_asinh"(
        const double*, double*, Py_ssize_t) noexcept nogil
    void vector_acosh "minind_vector_acosh"(
        const double*, double*, Py_ssize_t) noexcept nogil
    void vector_atanh "minind_vector_atanh"(
        const double*, double*, Py_ssize_t) noexcept nogil
    void vector_exp2_float "MININD_VECTOR_FLOAT(exp2)"(
        const float*, float*, Py_ssize_t) noexcept nogil
    void vector_tanh_float "MININD_VECTOR_FLOAT(tanh)"(
        const float*, float*, Py_ssize_t) noexcept nogil

# Python-visible: whether the loops call the vector functions (the
# accuracy tests read it).  A sanitizer build runs the same loops with
# the scalar functions: GCC does not vectorise instrumented loops.
VECTOR_MATH = bool(VECTORISED)

# libmvec's AVX2 (and SSE) versions of float64 expm1, sinh, arcsinh,
# arccosh and arctanh are 3 ULP from the correctly rounded result or from
# NumPy's (AVX2, glibc 2.36, tests/test_vector_math.py), where the
# AVX-512 versions stay within 2: on a machine without AVX-512 these keep
# the scalar loop.
cdef bint LIBMVEC_AVX512 = libmvec_avx512()


cdef int work_per_element(int op, int type_index) noexcept nogil:
    """What a loop costs per element, for deciding whether to thread it
    (``_threads``), in units of the cheapest threaded loop (a vector-math
    function, about 1 ns per element); 0 for loops that stream memory
    (add, compare, copy, sqrt...), whose cost is the memory's:
    ``_loops.walk_work`` counts that for every walk (STREAM_SHARE).  ``bench/threads.py --sweep``
    shows the crossovers: a vector loop gains above 2**17 elements, a
    scalar C library one (float64 sin, power) already at 2**14.  The
    vector functions are the ones ``_vector_double`` and
    ``_vector_float`` below return (none in a sanitizer build)."""
    if OP_EXP <= op <= OP_CBRT:
        if not VECTORISED or (type_index == T_FLOAT64 and (
                op == OP_SIN or op == OP_COS
                or not LIBMVEC_AVX512 and (
                    op == OP_EXPM1 or op == OP_SINH or op == OP_ARCSINH
                    or op == OP_ARCCOSH or op == OP_ARCTANH))):
            return 16
        return 1
    if op == OP_ARCTAN2 and VECTORISED:
        return 1
    if (op == OP_POWER or op == OP_ARCTAN2 or op == OP_HYPOT
            or op == OP_LOGADDEXP or op == OP_LOGADDEXP2
            or op == OP_FLOOR_DIVIDE or op == OP_REMAINDER):
        return 16
    return 0


cdef inline vector_double_t _vector_double(unop_t* op) noexcept nogil:
    """The vector loop of a float64 function, or NULL: minind's own exp,
    arctan, arcsin and cbrt, and the functions whose libmvec results stay
    within 2 ULP of NumPy's (see above)."""
    if unop_t is ExpOp:
        return own_exp           # minind's own kernels need no libmvec
    elif unop_t is ArctanOp:
        return own_atan
    elif unop_t is ArcsinOp:
        return own_asin
    elif unop_t is CbrtOp:
        return own_cbrt
    elif unop_t is TanOp:
        return own_tan
    elif not HAVE_LIBMVEC:
        return NULL
    elif not LIBMVEC_AVX512 and (
            unop_t is Expm1Op or unop_t is SinhOp or unop_t is ArcsinhOp
            or unop_t is ArccoshOp or unop_t is ArctanhOp):
        return NULL         # see LIBMVEC_AVX512
    elif unop_t is Exp2Op:
        return vector_exp2
    elif unop_t is Expm1Op:
        return vector_expm1
    elif unop_t is LogOp:
        return vector_log
    elif unop_t is Log2Op:
        return vector_log2
    elif unop_t is Log10Op:
        return vector_log10
    elif unop_t is Log1pOp:
        return vector_log1p
    elif unop_t is ArccosOp:
        return vector_acos
    elif unop_t is SinhOp:
        return vector_sinh
    elif unop_t is CoshOp:
        return vector_cosh
    elif unop_t is TanhOp:
        return vector_tanh
    elif unop_t is ArcsinhOp:
        return vector_asinh
    elif unop_t is ArccoshOp:
        return vector_acosh
    elif unop_t is ArctanhOp:
        return vector_atanh
    else:
        return NULL         # sin, cos, tan: 3 ULP


cdef inline vector_float_t _vector_float(unop_t* op) noexcept nogil:
    """The vector loop of a float32 function, or NULL: minind's own exp,
    expm1, sinh, cosh, log, log2, log10, log1p, arctan, arcsin, arccos,
    cbrt, arcsinh, arccosh and arctanh (in float lanes) and sin, cos and
    tan (in double lanes), and libmvec's exp2 and tanh."""
    if unop_t is ExpOp:
        return own_exp_float     # minind's own kernels need no libmvec
    elif unop_t is LogOp:
        return own_log_float
    elif unop_t is Log2Op:
        return own_log2_float
    elif unop_t is Log10Op:
        return own_log10_float
    elif unop_t is Log1pOp:
        return own_log1p_float
    elif unop_t is Expm1Op:
        return own_expm1_float
    elif unop_t is SinhOp:
        return own_sinh_float
    elif unop_t is CoshOp:
        return own_cosh_float
    elif unop_t is ArctanOp:
        return own_atan_float
    elif unop_t is ArcsinOp:
        return own_asin_float
    elif unop_t is ArccosOp:
        return own_acos_float
    elif unop_t is CbrtOp:
        return own_cbrt_float
    elif unop_t is ArcsinhOp:
        return own_asinh_float
    elif unop_t is ArccoshOp:
        return own_acosh_float
    elif unop_t is ArctanhOp:
        return own_atanh_float
    elif unop_t is SinOp:
        return own_sin_float
    elif unop_t is CosOp:
        return own_cos_float
    elif unop_t is TanOp:
        return own_tan_float
    elif not HAVE_LIBMVEC:
        return NULL
    elif unop_t is Exp2Op:
        return vector_exp2_float
    elif unop_t is TanhOp:
        return vector_tanh_float
    else:
        return NULL


# Floating-point flags of the vector functions.  A vector kernel's flags
# are not the function's: a polynomial evaluated on inf raises "invalid"
# where exp(inf) raises nothing, and libmvec's arctanh or float sin raise
# "divide by zero" or "overflow" for ordinary arguments.  So the flags a
# vector loop raises are dropped and the ones the function owes are read
# off its inputs and results instead (_fperr.pyx reports them), as
# NumPy's own SIMD kernels set theirs from masks:
#
# * invalid: a NaN result from an argument that is not NaN;
# * divide by zero (a pole: log(0), arctanh(1)) or overflow (the rest):
#   an infinite result from a finite argument;
# * underflow: a nonzero subnormal result other than the argument (NumPy
#   lets a tiny x through sin or tanh quietly) or, for exp and exp2, a
#   zero result from a finite argument.
#
# When does a block owe anything?  Whenever it does, the kernel has
# raised some flag too (a special argument takes a path that raises one:
# minind's exp hands it to the C library, libmvec's functions compute
# through it), so a block whose kernel raised nothing owes nothing, and
# one flag test per block is all a clean call pays; a block that raised
# something has its flags read off it.  (tests/test_fperr.py checks every
# function at every special value, alone and among ordinary ones.)  A
# block is 1024 items (8 KiB of doubles), small enough for it and its
# buffers to stay in L1.
cdef enum:
    VECTOR_BLOCK = 1024

cdef inline bint _pole(unop_t* op) noexcept nogil:
    return (unop_t is LogOp or unop_t is Log2Op or unop_t is Log10Op
            or unop_t is Log1pOp or unop_t is ArctanhOp)


cdef int _owed_flags(const real_t* x, const real_t* y, Py_ssize_t n,
                     unop_t* op) noexcept nogil:
    """The flags that ``y[i] = f(x[i])`` owes (see above)."""
    cdef real_t infinity = <real_t>INFINITY
    cdef real_t smallest = <real_t>(FLT_MIN if real_t is float else DBL_MIN)
    cdef bint zero_underflows = unop_t is ExpOp or unop_t is Exp2Op
    cdef int flags = 0
    cdef Py_ssize_t i
    cdef real_t a, b
    for i in range(n):
        a = x[i]
        b = y[i]
        if b != b:
            if a == a:
                flags |= FE_INVALID
        elif _magnitude_of(b) == infinity:
            if _magnitude_of(a) < infinity:
                flags |= FE_DIVBYZERO if _pole(op) else FE_OVERFLOW
        elif _magnitude_of(b) < smallest and b != a and (
                b != 0 or (zero_underflows and _magnitude_of(a) < infinity)):
            flags |= FE_UNDERFLOW
    return flags


cdef void _vector_loop(char* a, char* out, Py_ssize_t n,
                       const Py_ssize_t* steps, real_t* tag, unop_t* op,
                       void* loop) noexcept nogil:
    """A vector function over any operands, a block at a time, with the
    flags it owes (above).  A contiguous, aligned input that the output
    does not overwrite is read where it is, and a contiguous, aligned
    output written where it is; otherwise the input is gathered into a
    buffer first (strided or unaligned, or overwritten by the output:
    the flags must still read it), and the results scattered back from
    one.  The same vector function either way, so the same bits.  (An
    output written in place after a gathered input: float32 tanh of
    a[::2] at 10**5 took 2.3 times NumPy's time scattering it.)"""
    cdef real_t buffer[VECTOR_BLOCK]
    cdef real_t results[VECTOR_BLOCK]
    cdef const real_t* x
    cdef real_t* y
    cdef Py_ssize_t i, m, size = sizeof(real_t)
    cdef int before = set_aside_fp_status(), owed = 0
    cdef bint read_direct = (steps[0] == size and a != out
                             and _aligned(a, size))
    cdef bint direct = steps[1] == size and _aligned(out, size)
    while n > 0:
        m = n if n < VECTOR_BLOCK else VECTOR_BLOCK
        if read_direct:
            x = <const real_t*>a
        else:
            gather(a, steps[0], buffer, m)
            x = buffer
        y = <real_t*>out if direct else results
        if real_t is double:
            (<vector_double_t>loop)(x, y, m)
        else:
            (<vector_float_t>loop)(x, y, m)
        if fp_status():
            owed |= _owed_flags(x, y, m, op)
            feclearexcept(FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW
                          | FE_INVALID)
        if not direct:
            for i in range(m):
                store_item(out + i * steps[1], results[i])
        a += m * steps[0]
        out += m * steps[1]
        n -= m
    _settle_flags(before, owed)


cdef inline void _settle_flags(int before, int owed) noexcept nogil:
    """After a vector loop whose blocks cleared what their kernels
    raised: the flags as they were before it, plus the ones it owes."""
    if before | owed:
        feraiseexcept(before | owed)


cdef inline bint _absolute_in_c(const item_t* items, item_t* out,
                                Py_ssize_t n) noexcept nogil:
    """|x| of n contiguous signed integers in C, built for wider vectors
    too (``minind_absolute``); False for the other types."""
    cdef bint done = True
    if item_t is int8_t:
        absolute_int8(items, out, n)
    elif item_t is int16_t:
        absolute_int16(items, out, n)
    elif item_t is int32_t:
        absolute_int32(items, out, n)
    elif item_t is int64_t:
        absolute_int64(items, out, n)
    else:
        done = False
    return done


cdef inline bint _sign_in_c(const item_t* items, item_t* out,
                            Py_ssize_t n) noexcept nogil:
    """sign of n contiguous numbers in C, built for wider vectors too
    (``minind_sign``); always True (done)."""
    sign_items(sizeof(item_t),
               2 if (item_t is float or item_t is double)
               else _is_signed(items), items, out, n)
    return True


cdef inline bint _square_in_c(const char* items, char* out, Py_ssize_t n,
                              item_t* tag) noexcept nogil:
    """x * x of n contiguous numbers in the multiply loop, built for
    wider vectors (unary_loop's own has SSE2's alone: int32 square at
    10**5 took 1.24 times NumPy's time, uint32 1.27, float32 2.4 on an
    AMD EPYC); False where the multiply loop does not apply (in
    place)."""
    cdef Py_ssize_t steps[3]
    steps[0] = steps[1] = steps[2] = sizeof(item_t)
    return _elementwise_in_c(items, items, out, n, steps, tag,
                             <MultiplyOp*>NULL)


cdef inline bint _rounding_in_c(const item_t* items, Py_ssize_t stride,
                                item_t* out, Py_ssize_t n,
                                unop_t* op) noexcept nogil:
    """floor/ceil/trunc/rint of n floats ``stride`` items apart into a
    contiguous output, in C built for AVX2 (``minind_rounding``); False
    for the other operations."""
    cdef int code = -1
    if item_t is float or item_t is double:
        if unop_t is FloorOp:
            code = MININD_FLOOR
        elif unop_t is CeilOp:
            code = MININD_CEIL
        elif unop_t is TruncOp:
            code = MININD_TRUNC
        elif unop_t is RintOp:
            code = MININD_RINT
    if code < 0:
        return False
    rounding(code, sizeof(item_t), items, stride, out, n)
    return True


cdef void _unary_blocks(char** args, Py_ssize_t n, const Py_ssize_t* steps,
                        item_t* tag, unop_t* op) noexcept nogil:
    """unary_loop on a strided operand, in blocks (see "Strided operands
    in blocks"): for sqrt and reciprocal, whose contiguous loops are
    vector square roots and divisions, 1.3 to 1.6 times faster than one
    element at a time, and for floor, ceil, trunc and rint into a
    strided output, whose contiguous loops round a vector at a time
    (_rounding_in_c, which reads a strided input in place itself when
    the output is contiguous) where the walk calls the C library per
    element; and for float sign and
    integer abs (4 and 8 bytes), whose walks branch per element (float32
    sign of a[::2]: 12 times NumPy's time); and for 1-byte items into a
    contiguous output (gathered eight to a word: ``gather``).  The other
    cheap operations (float abs, negative...) measured 10 to 50% slower
    in blocks than walked."""
    cdef item_t source[STRIDED_BLOCK]
    cdef item_t result[STRIDED_BLOCK]
    cdef char* block[2]
    cdef Py_ssize_t block_steps[2]
    cdef Py_ssize_t size = sizeof(item_t), start = 0, m
    cdef char* out
    cdef bint direct
    while start < n:
        m = min(<Py_ssize_t>STRIDED_BLOCK, n - start)
        block[0] = _block_input(args[0] + start * steps[0], steps[0], source,
                                m, &block_steps[0], tag)
        out = args[1] + start * steps[1]
        direct = steps[1] == size and _aligned(out, size)
        block[1] = out if direct else <char*>result
        block_steps[1] = size
        unary_loop(block, m, block_steps, tag, op)
        if not direct:
            _scatter(result, out, steps[1], m)
        start += m


cdef void unary_loop(char** args, Py_ssize_t n, const Py_ssize_t* steps,
                     item_t* tag, unop_t* op) noexcept nogil:
    cdef char* a = args[0]
    cdef char* out = args[1]
    cdef Py_ssize_t i, size = sizeof(item_t), stride
    cdef item_t* pa
    cdef item_t* po
    if item_t is double:
        if _vector_double(op) != NULL:
            _vector_loop(a, out, n, steps, tag, op, <void*>_vector_double(op))
            return
    elif item_t is float:
        if _vector_float(op) != NULL:
            _vector_loop(a, out, n, steps, tag, op, <void*>_vector_float(op))
            return
    if ((item_t is float or item_t is double)
            and (unop_t is SqrtOp
                 or unop_t is ReciprocalOp and steps[0] != size)
            and _in_items(a, steps[0], size) and steps[0] != 0
            and _aligned(out, size) and steps[1] == size):
        # contiguous or strided into a contiguous out: minind_sqrt_float
        # and the others (a sequential loop in C, as the walk below; a
        # contiguous reciprocal keeps the walk, as fast, float64 a little
        # faster: 0.99 of NumPy's time at 10**5, 1.09 in C)
        if unop_t is SqrtOp and item_t is float:
            sqrt_floats(<const float*>a, steps[0] // size, <float*>out, n)
        elif unop_t is SqrtOp:
            sqrt_doubles(<const double*>a, steps[0] // size, <double*>out, n)
        elif item_t is float:
            one_over_floats(<const float*>a, steps[0] // size, <float*>out,
                            n)
        else:
            one_over_doubles(<const double*>a, steps[0] // size,
                             <double*>out, n)
        return
    if (_aligned(a, size) and _aligned(out, size) and steps[0] == size
            and steps[1] == size):
        pa = <item_t*>a
        po = <item_t*>out
        if unop_t is AbsoluteOp and _absolute_in_c(pa, po, n):
            return
        if unop_t is SignOp and _sign_in_c(pa, po, n):
            return
        if unop_t is SquareOp and _square_in_c(a, out, n, tag):
            return
        if _rounding_in_c(pa, 1, po, n, op):
            return
        if unop_t is ReciprocalOp and not (item_t is float
                                           or item_t is double):
            _integer_reciprocal_run(pa, po, n)
        else:
            for i in range(n):
                po[i] = unary_value(pa[i], op)
        return
    if (_in_items(a, steps[0], size) and steps[0] != 0
            and _aligned(out, size) and steps[1] == size
            and _rounding_in_c(<const item_t*>a, steps[0] // size,
                               <item_t*>out, n, op)):
        # a strided input into a contiguous output, read where it lies:
        # one load an element, where a gathered block stored and loaded
        # it again (float32 floor of a[::2] at 10**5: 1.45 times NumPy's
        # time in blocks)
        return
    if (((item_t is float or item_t is double)
            and (unop_t is SqrtOp or unop_t is ReciprocalOp
                 or unop_t is FloorOp or unop_t is CeilOp
                 or unop_t is TruncOp or unop_t is RintOp
                 or unop_t is SignOp)
            or unop_t is AbsoluteOp and sizeof(item_t) >= 4
            and not (item_t is float or item_t is double))
            and _in_blocks(steps, n, 1)):
        # (integer abs: gathered, its C loop has no branch to mispredict)
        _unary_blocks(args, n, steps, tag, op)
        return
    if (unop_t is not SignOp
            and not (unop_t is AbsoluteOp
                     and not (item_t is float or item_t is double))
            and _in_items(a, steps[0], size) and _aligned(out, size)
            and steps[1] == size):
        # A strided input into a contiguous output (f(a[::2]), a column):
        # typed indexing, the input's step in elements, which the
        # compiler keeps in a register (the byte-step walk below reloads
        # the steps after every store through a char*): 1.5 to 2 times
        # faster, but for sign and integer abs, whose branches it then
        # compiles worse (up to 5 times slower, measured).
        pa = <item_t*>a
        po = <item_t*>out
        stride = steps[0] // size
        if sizeof(item_t) == 1 and stride != 0 and stride != 1:
            # bytes: in blocks after all, gathered eight to a word; item
            # by item the loop was bound by a byte store an item (int8
            # negative of a[::2] at 10**5: 1.82 times NumPy's time)
            _unary_blocks(args, n, steps, tag, op)
            return
        for i in range(n):
            po[i] = unary_value(pa[i * stride], op)
        return
    for i in range(n):
        store_item(out, unary_value(load_item(a, tag), op))
        a += steps[0]
        out += steps[1]


cdef inline real_t _magnitude_of(real_t x) noexcept nogil:
    """|x| in x's own type (fabs would compute a float32 in double).
    (An ``if`` statement: Cython keeps both sides of a conditional
    expression, and C warns about fabsf of a double.)"""
    if real_t is float:
        return fabsf(x)
    else:
        return fabs(x)


cdef inline int _class_test(int op) noexcept nogil:
    """The C classify loops' number for isnan (0), isinf (1), isfinite
    (2) and signbit (3); -1 for any other operation."""
    if op == OP_ISNAN:
        return 0
    if op == OP_ISINF:
        return 1
    if op == OP_ISFINITE:
        return 2
    return 3 if op == OP_SIGNBIT else -1


cdef void _float_class_loop(const real_t* items, uint8_t* out,
                            Py_ssize_t n, int op) noexcept nogil:
    """isnan / isinf / isfinite / signbit of n contiguous floats: one loop
    per test and each test one vector operation (``minind_classify``).
    The C library's isnan() and friends may be calls or branches
    instead (signbit of float32 at 10**5: 12 times NumPy's time)."""
    cdef int test = _class_test(op)
    if real_t is float:
        classify_floats(test, items, 1, out, n)
    else:
        classify_doubles(test, items, 1, out, n)


cdef void _float_class_strided(const real_t* items, Py_ssize_t stride,
                               uint8_t* out, Py_ssize_t n,
                               int op) noexcept nogil:
    """_float_class_loop of floats ``stride`` items apart, read where they
    lie (``minind_classify``'s strided loop).  AVX-512 gathers of 16
    floats, tested in registers, were slower on AMD's Zen 5 (float64
    isnan of a[::2] at 10**4: 5.2 times NumPy's time, read in place
    1.1), where a gather costs several cycles an item."""
    cdef int test = _class_test(op)
    if real_t is float:
        classify_floats(test, items, stride, out, n)
    else:
        classify_doubles(test, items, stride, out, n)


cdef void _fill_bytes(char* out, Py_ssize_t n, Py_ssize_t step,
                      uint8_t value) noexcept nogil:
    """n bools all ``value``: a predicate whose answer the dtype decides
    (an integer or a bool is never NaN, always finite)."""
    cdef Py_ssize_t i
    if step == 1:
        memset(out, value, n)
        return
    for i in range(n):
        (<uint8_t*>out)[i * step] = value


cdef void _predicate_blocks(char** args, Py_ssize_t n,
                            const Py_ssize_t* steps, item_t* tag,
                            int op) noexcept nogil:
    """predicate_loop on a strided operand, in blocks (see above)."""
    cdef item_t source[STRIDED_BLOCK]
    cdef uint8_t result[STRIDED_BLOCK]
    cdef char* block[2]
    cdef Py_ssize_t block_steps[2]
    cdef Py_ssize_t start = 0, m
    cdef char* out
    while start < n:
        m = min(<Py_ssize_t>STRIDED_BLOCK, n - start)
        block[0] = _block_input(args[0] + start * steps[0], steps[0], source,
                                m, &block_steps[0], tag)
        out = args[1] + start * steps[1]
        block[1] = out if steps[1] == 1 else <char*>result
        block_steps[1] = 1
        predicate_loop(block, m, block_steps, tag, op)
        if steps[1] != 1:
            _scatter(result, out, steps[1], m)
        start += m


cdef void predicate_loop(char** args, Py_ssize_t n, const Py_ssize_t* steps,
                         item_t* tag, int op) noexcept nogil:
    """isnan / isinf / isfinite / signbit / logical_not: a bool per
    element.  (signbit has float loops only: an integer never gets here.)"""
    cdef char* a = args[0]
    cdef char* out = args[1]
    cdef Py_ssize_t i
    cdef item_t value, zero
    cdef const item_t* items = <const item_t*>a
    if not (item_t is float or item_t is double):
        if op != OP_LOGICAL_NOT:      # never NaN, never infinite
            _fill_bytes(out, n, steps[1], op == OP_ISFINITE)
            return
    if steps[0] == sizeof(item_t) and steps[1] == 1 and _aligned(
            a, sizeof(item_t)):
        if item_t is float or item_t is double:
            if _class_test(op) >= 0:
                _float_class_loop(items, <uint8_t*>out, n, op)
                return
        if op == OP_LOGICAL_NOT:
            # x == 0 in the comparison loop, built for wider vectors (this
            # loop had SSE2's alone, which has no 64-bit compare: int64
            # logical_not at 10**5 took 1.6 times NumPy's time)
            zero = 0
            _compare_in_c(MININD_EQUAL, a, <const char*>&zero, 1,
                          <uint8_t*>out, n, tag)
            return
    if ((item_t is float or item_t is double) and _class_test(op) >= 0
            and steps[1] == 1
            and n >= STRIDED_MINIMUM
            and _in_items(a, steps[0], sizeof(item_t))):
        # a strided float: tested where it lies
        _float_class_strided(
            items, steps[0] // <Py_ssize_t>sizeof(item_t), <uint8_t*>out, n,
            op)
        return
    if (item_t is float or item_t is double) and _in_blocks(steps, n, 1):
        _predicate_blocks(args, n, steps, tag, op)
        return
    for i in range(n):
        value = load_item(a, tag)
        if op == OP_LOGICAL_NOT:
            (<uint8_t*>out)[0] = value == 0
        elif item_t is float or item_t is double:
            if op == OP_ISNAN:
                (<uint8_t*>out)[0] = isnan(value) != 0
            elif op == OP_ISINF:
                (<uint8_t*>out)[0] = isinf(value) != 0
            elif op == OP_SIGNBIT:            # -0.0 and -nan too
                (<uint8_t*>out)[0] = signbit(value) != 0
            else:
                (<uint8_t*>out)[0] = isfinite(value) != 0
        else:
            (<uint8_t*>out)[0] = op == OP_ISFINITE
        a += steps[0]
        out += steps[1]


# How bool_loop's unary operations treat a byte: a bool is any nonzero byte
# (a view of uint8 data may hold 2), and a result is always 0 or 1.
cdef enum:
    BOOL_NOT = 0          # invert, logical_not
    BOOL_SAME = 1         # absolute, positive, floor, ceil, trunc
    BOOL_FALSE = 2        # isnan, isinf
    BOOL_TRUE = 3         # isfinite


cdef void _bool_unary(const char* a, char* out, Py_ssize_t n,
                      const Py_ssize_t* steps, int kind) noexcept nogil:
    cdef Py_ssize_t i
    cdef const uint8_t* source = <const uint8_t*>a
    cdef uint8_t* target = <uint8_t*>out
    if kind == BOOL_FALSE or kind == BOOL_TRUE:
        _fill_bytes(out, n, steps[1], kind == BOOL_TRUE)
    elif steps[0] == 1 and steps[1] == 1:
        # Two loops, each one vector compare per 16 bytes.
        if kind == BOOL_NOT:
            for i in range(n):
                target[i] = source[i] == 0
        else:
            for i in range(n):
                target[i] = source[i] != 0
    else:
        _bool_unary_strided(source, target, n, steps[0], steps[1],
                            kind == BOOL_NOT)


cdef void _bool_unary_strided(const uint8_t* source, uint8_t* target,
                              Py_ssize_t n, Py_ssize_t step,
                              Py_ssize_t step_out, bint invert) noexcept nogil:
    """_bool_unary with strides, held in locals (parameters): through the
    steps[] array a store to target (bytes) would make C reload them
    every element."""
    cdef Py_ssize_t i
    for i in range(n):
        target[i * step_out] = (source[i * step] != 0) != invert


cdef void _bool_compare(char** args, Py_ssize_t n, const Py_ssize_t* steps,
                        cmpop_t* op) noexcept nogil:
    """A comparison of two bools (False < True), each byte read as 0 or
    1 first: ``compare_loop``'s shapes, on bytes."""
    cdef const uint8_t* a = <const uint8_t*>args[0]
    cdef const uint8_t* b = <const uint8_t*>args[1]
    cdef uint8_t* out = <uint8_t*>args[2]
    cdef uint8_t scalar
    cdef Py_ssize_t i
    if steps[2] == 1:
        if steps[0] == 1 and steps[1] == 1:
            for i in range(n):
                out[i] = compare_value(<uint8_t>(a[i] != 0),
                                       <uint8_t>(b[i] != 0), op)
            return
        if steps[0] == 1 and steps[1] == 0:
            scalar = b[0] != 0
            for i in range(n):
                out[i] = compare_value(<uint8_t>(a[i] != 0), scalar, op)
            return
        if steps[0] == 0 and steps[1] == 1:
            scalar = a[0] != 0
            for i in range(n):
                out[i] = compare_value(scalar, <uint8_t>(b[i] != 0), op)
            return
    # the steps in locals: a store through out (bytes) could change
    # steps[] as far as C knows, so it would reload them every element
    cdef Py_ssize_t step_a = steps[0], step_b = steps[1], step_out = steps[2]
    for i in range(n):
        out[i * step_out] = compare_value(<uint8_t>(a[i * step_a] != 0),
                                          <uint8_t>(b[i * step_b] != 0), op)


cdef void bool_loop(int op, char** args, Py_ssize_t n,
                    const Py_ssize_t* steps) noexcept nogil:
    """Every operation with a bool loop ('??->?' in NumPy's tables): add is
    "or", multiply is "and", maximum/minimum (and fmax/fmin) too;
    comparisons, logical and bitwise operations; absolute, positive,
    floor, ceil, trunc (all the identity), invert and logical_not as
    unary, and the float predicates, which a bool always answers the
    same way.  Each is one of a few loops with the operation chosen
    outside it, so that each loop vectorises."""
    # or, and, xor run as the logical loops on bytes (a nonzero byte is
    # True): vectorised, and any()/all() stop early.
    if (op == OP_ADD or op == OP_MAXIMUM or op == OP_FMAX
            or op == OP_LOGICAL_OR or op == OP_BITWISE_OR):
        compare_loop(args, n, steps, <uint8_t*>NULL, <LogicalOrOp*>NULL)
    elif (op == OP_MULTIPLY or op == OP_MINIMUM or op == OP_FMIN
            or op == OP_LOGICAL_AND or op == OP_BITWISE_AND):
        compare_loop(args, n, steps, <uint8_t*>NULL, <LogicalAndOp*>NULL)
    elif (op == OP_LOGICAL_XOR or op == OP_BITWISE_XOR
            or op == OP_NOT_EQUAL):
        compare_loop(args, n, steps, <uint8_t*>NULL, <LogicalXorOp*>NULL)
    elif op == OP_EQUAL:
        _bool_compare(args, n, steps, <EqualOp*>NULL)
    elif op == OP_LESS:
        _bool_compare(args, n, steps, <LessOp*>NULL)
    elif op == OP_LESS_EQUAL:
        _bool_compare(args, n, steps, <LessEqualOp*>NULL)
    elif op == OP_GREATER:
        _bool_compare(args, n, steps, <GreaterOp*>NULL)
    elif op == OP_GREATER_EQUAL:
        _bool_compare(args, n, steps, <GreaterEqualOp*>NULL)
    elif op == OP_INVERT or op == OP_LOGICAL_NOT:
        _bool_unary(args[0], args[1], n, steps, BOOL_NOT)
    elif op == OP_ISNAN or op == OP_ISINF:
        _bool_unary(args[0], args[1], n, steps, BOOL_FALSE)
    elif op == OP_ISFINITE:
        _bool_unary(args[0], args[1], n, steps, BOOL_TRUE)
    elif op >= OP_FIRST_UNARY:         # absolute, positive, floor...
        _bool_unary(args[0], args[1], n, steps, BOOL_SAME)


# ---------------------------------------------------------------------------
# where(cond, x, y)
# ---------------------------------------------------------------------------

cdef void where_loop(char** args, Py_ssize_t n, const Py_ssize_t* steps,
                     item_t* tag) noexcept nogil:
    cdef Py_ssize_t i
    cdef char* cond = args[0]
    cdef char* x = args[1]
    cdef char* y = args[2]
    cdef char* out = args[3]
    cdef Py_ssize_t size = sizeof(item_t)
    if (steps[1] % size == 0 and steps[2] % size == 0
            and steps[3] % size == 0 and _aligned(x, size)
            and _aligned(y, size) and _aligned(out, size)):
        # aligned items: the branch-free loop in C (minind_where)
        where_items(size, <const uint8_t*>cond, x, y, out, steps[0],
                    steps[1] // size, steps[2] // size, steps[3] // size, n)
        return
    for i in range(n):
        memcpy(out, x if (<uint8_t*>cond)[0] else y, sizeof(item_t))
        cond += steps[0]
        x += steps[1]
        y += steps[2]
        out += steps[3]


# ---------------------------------------------------------------------------
# clip(x, low, high)
# ---------------------------------------------------------------------------

cdef inline item_t _clip_constant(item_t x, item_t low,
                                  item_t high) noexcept nogil:
    """One element clipped by bounds that are the same for the whole loop
    and not NaN: the element wins a tie with a bound (so ``clip(-0.0, 0.0,
    0.0)`` is -0.0), a NaN element stays itself, and low > high gives
    high.  (``minind_clip``'s rule, for items not aligned.)"""
    x = low if low > x else x
    return high if high < x else x


cdef void clip_loop(char** args, Py_ssize_t n, const Py_ssize_t* steps,
                    item_t* tag) noexcept nogil:
    """min(max(x, low), high), NumPy's two loops and their rules.

    Bounds that vary along the loop follow ``maximum`` then ``minimum``:
    a NaN anywhere gives NaN (the element's first), a tie gives the bound,
    low > high gives high.  Bounds that are constant for the loop (the
    common case, ``clip(a, 0, 1)``) follow NumPy's constant-bound loop,
    which differs in two corners users can see: a tie keeps the element
    (signed zeros), and a NaN bound fills the output with that NaN (low's
    first), whatever the elements hold.

    Aligned items whose steps are whole items (nearly every call) run in
    C, ``minind_clip``; the loops below serve the rest."""
    cdef Py_ssize_t i
    cdef char* x = args[0]
    cdef char* low = args[1]
    cdef char* high = args[2]
    cdef char* out = args[3]
    cdef item_t value, low_value, high_value
    cdef Py_ssize_t size = sizeof(item_t)
    cdef bint constant = steps[1] == 0 and steps[2] == 0
    if constant:
        low_value = load_item(low, tag)
        high_value = load_item(high, tag)
        if item_t is float or item_t is double:
            if low_value != low_value or high_value != high_value:
                value = low_value if low_value != low_value else high_value
                for i in range(n):
                    store_item(out + i * steps[3], value)
                return
    if (steps[0] % size == 0 and steps[1] % size == 0
            and steps[2] % size == 0 and steps[3] % size == 0
            and _aligned(x, size) and _aligned(low, size)
            and _aligned(high, size) and _aligned(out, size)):
        clip_items(0 if item_t is float or item_t is double else
                   1 if _is_signed(tag) else 2,
                   size, x, low, high, out, steps[0] // size,
                   steps[1] // size, steps[2] // size, steps[3] // size, n)
        return
    if constant:
        for i in range(n):
            store_item(out + i * steps[3],
                       _clip_constant(load_item(x + i * steps[0], tag),
                                      low_value, high_value))
        return
    for i in range(n):
        value = binary_value(load_item(x, tag), load_item(low, tag),
                             <MaximumOp*>NULL)
        store_item(out, binary_value(value, load_item(high, tag), <MinimumOp*>NULL))
        x += steps[0]
        low += steps[1]
        high += steps[2]
        out += steps[3]


# ---------------------------------------------------------------------------
# Dispatch: (operation, type) -> the compiled loop
# ---------------------------------------------------------------------------

cdef void run_loop(char** args, Py_ssize_t n, const Py_ssize_t* steps,
                   void* data) noexcept nogil:
    """The ``inner_loop`` handed to the iterator: pick the compiled loop
    for this call's operation and loop type (``LoopData``)."""
    cdef LoopData* loop = <LoopData*>data
    cdef int t = loop.type_index
    if t == T_BOOL and loop.op != OP_WHERE and loop.op != OP_CLIP:
        bool_loop(loop.op, args, n, steps)
    elif t == T_INT8:
        _for_type(loop.op, args, n, steps, <int8_t*>NULL)
    elif t == T_UINT8 or t == T_BOOL:
        _for_type(loop.op, args, n, steps, <uint8_t*>NULL)
    elif t == T_INT16:
        _for_type(loop.op, args, n, steps, <int16_t*>NULL)
    elif t == T_UINT16:
        _for_type(loop.op, args, n, steps, <uint16_t*>NULL)
    elif t == T_INT32:
        _for_type(loop.op, args, n, steps, <int32_t*>NULL)
    elif t == T_UINT32:
        _for_type(loop.op, args, n, steps, <uint32_t*>NULL)
    elif t == T_INT64:
        _for_type(loop.op, args, n, steps, <int64_t*>NULL)
    elif t == T_UINT64:
        _for_type(loop.op, args, n, steps, <uint64_t*>NULL)
    elif t == T_FLOAT32:
        _for_type(loop.op, args, n, steps, <float*>NULL)
    else:
        _for_type(loop.op, args, n, steps, <double*>NULL)


# ---------------------------------------------------------------------------
# Folds in order: rows into a row, and reduceat's segments
# ---------------------------------------------------------------------------
#
# Two reductions that skip ``run_loop``'s call per row, for the operations
# whose element-wise chain is the whole story (add, multiply, maximum,
# minimum, fmax, fmin), folded in NumPy's order so the bits are its:
#
# * rows into a row: ``a.sum(axis=0)`` of a C array (and ``a.sum(axis=1)``
#   of an F one) adds each row into an accumulator row: the walk calls the
#   loop once per row, and each call loads and stores the whole
#   accumulator again.  Taking four rows per pass does the same additions
#   in the same order for every element -- ((acc + r0) + r1) + r2) + r3,
#   as NumPy's row-by-row loop -- with a quarter of the accumulator
#   traffic, so the input streams from memory at full speed.
# * segments: ``add.reduceat(a, starts)`` over a 1-d ``a`` folds one short
#   run per row (ten items in the matrix's cell).  Through ``run_loop``
#   each row paid the dispatch on type and operation again, a fifth of
#   the time of ten-item rows; here the dispatch is made once for all the
#   rows, and each row is folded by ``fold_run``, the reduction loop's own
#   fold.
#
# Both take the same dispatch (_fold_for_type, _fold_for_op) on a FoldJob.

cdef struct FoldJob:
    bint segments               # reduce_segments' job, else reduce_rows'
    char* out                   # the accumulator row, or the first result
    Py_ssize_t out_step         # segments: bytes between results
    const char* items           # the first row, or item ``first``
    Py_ssize_t step             # bytes between rows, or between items
    Py_ssize_t n                # items in a row, or segments
    Py_ssize_t rows             # rows: how many
    Py_ssize_t first            # segments: the index of ``items``
    const int64_t* position     # segments: where each one starts
    Py_ssize_t last_end         # segments: where the last one ends


cdef bint reduce_rows(LoopData* data, char* acc, const char* src,
                      Py_ssize_t n, Py_ssize_t row_step,
                      Py_ssize_t rows) noexcept nogil:
    """acc[i] = op(... op(op(acc[i], row 0[i]), row 1[i]) ..., row
    rows-1[i]) for i < n, row k starting ``k * row_step`` bytes after
    ``src``; acc and every row contiguous.  False (nothing done) for an
    operation, type or alignment this does not handle."""
    cdef FoldJob job
    job.segments = False
    job.out = acc
    job.items = src
    job.step = row_step
    job.n = n
    job.rows = rows
    return _fold_for_type(data, &job)


cdef bint reduce_segments(LoopData* data, char* out, Py_ssize_t out_step,
                          const char* items, Py_ssize_t step,
                          Py_ssize_t first, const int64_t* position,
                          Py_ssize_t n, Py_ssize_t last_end) noexcept nogil:
    """Row ``i < n`` of ``out`` (``out_step`` bytes apart) becomes the fold
    of the items ``[position[i], end)``, where ``end`` is
    ``position[i + 1]``, or ``last_end`` for the last row, and at least
    ``position[i] + 1``.  Item ``e`` is at ``items + (e - first) * step``,
    in the loop's type.  False (nothing done) for a type or operation this
    does not handle (the caller folds row by row through ``run_loop``)."""
    cdef FoldJob job
    job.segments = True
    job.out = out
    job.out_step = out_step
    job.items = items
    job.step = step
    job.n = n
    job.first = first
    job.position = position
    job.last_end = last_end
    return _fold_for_type(data, &job)


cdef bint _fold_for_type(LoopData* data, FoldJob* job) noexcept nogil:
    cdef int t = data.type_index
    if t == T_BOOL:
        return False
    elif t == T_INT8:
        return _fold_for_op(data.op, job, <int8_t*>NULL)
    elif t == T_UINT8:
        return _fold_for_op(data.op, job, <uint8_t*>NULL)
    elif t == T_INT16:
        return _fold_for_op(data.op, job, <int16_t*>NULL)
    elif t == T_UINT16:
        return _fold_for_op(data.op, job, <uint16_t*>NULL)
    elif t == T_INT32:
        return _fold_for_op(data.op, job, <int32_t*>NULL)
    elif t == T_UINT32:
        return _fold_for_op(data.op, job, <uint32_t*>NULL)
    elif t == T_INT64:
        return _fold_for_op(data.op, job, <int64_t*>NULL)
    elif t == T_UINT64:
        return _fold_for_op(data.op, job, <uint64_t*>NULL)
    elif t == T_FLOAT32:
        return _fold_for_op(data.op, job, <float*>NULL)
    return _fold_for_op(data.op, job, <double*>NULL)


cdef bint _fold_for_op(int op, FoldJob* job, item_t* tag) noexcept nogil:
    cdef size_t size = sizeof(item_t)
    if not job.segments and not (
            _aligned(job.out, size) and _aligned(job.items, size)
            and job.step % <Py_ssize_t>size == 0):
        return False
    if op == OP_ADD:
        _fold(job, tag, <AddOp*>NULL)
    elif op == OP_MULTIPLY:
        _fold(job, tag, <MultiplyOp*>NULL)
    elif op == OP_MAXIMUM:
        _fold(job, tag, <MaximumOp*>NULL)
    elif op == OP_MINIMUM:
        _fold(job, tag, <MinimumOp*>NULL)
    elif op == OP_FMAX:
        _fold(job, tag, <FmaxOp*>NULL)
    elif op == OP_FMIN:
        _fold(job, tag, <FminOp*>NULL)
    else:
        return False
    return True


cdef inline void _fold(FoldJob* job, item_t* tag, binop_t* op) noexcept nogil:
    if job.segments:
        _fold_segments(job, tag, op)
    else:
        _rows_into_row(<item_t*>job.out, job.items, job.n, job.step,
                       job.rows, op)


cdef void _rows_into_row(item_t* acc, const char* src, Py_ssize_t n,
                         Py_ssize_t row_step, Py_ssize_t rows,
                         binop_t* op) noexcept nogil:
    cdef const item_t* r0
    cdef const item_t* r1
    cdef const item_t* r2
    cdef const item_t* r3
    cdef Py_ssize_t row = 0, i
    while row + 4 <= rows:
        r0 = <const item_t*>(src + row * row_step)
        r1 = <const item_t*>(src + (row + 1) * row_step)
        r2 = <const item_t*>(src + (row + 2) * row_step)
        r3 = <const item_t*>(src + (row + 3) * row_step)
        for i in range(n):
            acc[i] = binary_value(binary_value(binary_value(binary_value(
                acc[i], r0[i], op), r1[i], op), r2[i], op), r3[i], op)
        row += 4
    while row < rows:
        r0 = <const item_t*>(src + row * row_step)
        for i in range(n):
            acc[i] = binary_value(acc[i], r0[i], op)
        row += 1


cdef void _fold_segments(FoldJob* job, item_t* tag,
                         binop_t* op) noexcept nogil:
    cdef Py_ssize_t i, begin, end, step = job.step
    cdef const char* start
    for i in range(job.n):
        begin = job.position[i]
        end = job.position[i + 1] if i + 1 < job.n else job.last_end
        start = job.items + (begin - job.first) * step
        if end > begin + 1:
            store_item(job.out + i * job.out_step,
                       fold_run(load_item(start, tag), start + step,
                                end - begin - 1, step, tag, op))
        else:
            store_item(job.out + i * job.out_step, load_item(start, tag))


cdef void _for_type(int op, char** args, Py_ssize_t n,
                    const Py_ssize_t* steps, item_t* tag) noexcept nogil:
    if op == OP_ADD:
        binary_loop(args, n, steps, tag, <AddOp*>NULL)
    elif op == OP_SUBTRACT:
        binary_loop(args, n, steps, tag, <SubtractOp*>NULL)
    elif op == OP_MULTIPLY:
        binary_loop(args, n, steps, tag, <MultiplyOp*>NULL)
    elif op == OP_TRUE_DIVIDE:
        if item_t is float or item_t is double:
            binary_loop(args, n, steps, tag, <TrueDivideOp*>NULL)
    elif op == OP_FLOOR_DIVIDE:
        binary_loop(args, n, steps, tag, <FloorDivideOp*>NULL)
    elif op == OP_REMAINDER:
        binary_loop(args, n, steps, tag, <RemainderOp*>NULL)
    elif op == OP_POWER:
        binary_loop(args, n, steps, tag, <PowerOp*>NULL)
    elif op == OP_MAXIMUM:
        binary_loop(args, n, steps, tag, <MaximumOp*>NULL)
    elif op == OP_MINIMUM:
        binary_loop(args, n, steps, tag, <MinimumOp*>NULL)
    elif op == OP_BITWISE_AND:
        binary_loop(args, n, steps, tag, <BitAndOp*>NULL)
    elif op == OP_BITWISE_OR:
        binary_loop(args, n, steps, tag, <BitOrOp*>NULL)
    elif op == OP_BITWISE_XOR:
        binary_loop(args, n, steps, tag, <BitXorOp*>NULL)
    elif op == OP_FMAX:
        binary_loop(args, n, steps, tag, <FmaxOp*>NULL)
    elif op == OP_FMIN:
        binary_loop(args, n, steps, tag, <FminOp*>NULL)
    elif op == OP_EQUAL:
        compare_loop(args, n, steps, tag, <EqualOp*>NULL)
    elif op == OP_NOT_EQUAL:
        compare_loop(args, n, steps, tag, <NotEqualOp*>NULL)
    elif op == OP_LESS:
        compare_loop(args, n, steps, tag, <LessOp*>NULL)
    elif op == OP_LESS_EQUAL:
        compare_loop(args, n, steps, tag, <LessEqualOp*>NULL)
    elif op == OP_GREATER:
        compare_loop(args, n, steps, tag, <GreaterOp*>NULL)
    elif op == OP_GREATER_EQUAL:
        compare_loop(args, n, steps, tag, <GreaterEqualOp*>NULL)
    elif op == OP_LOGICAL_AND:
        compare_loop(args, n, steps, tag, <LogicalAndOp*>NULL)
    elif op == OP_LOGICAL_OR:
        compare_loop(args, n, steps, tag, <LogicalOrOp*>NULL)
    elif op == OP_LOGICAL_XOR:
        compare_loop(args, n, steps, tag, <LogicalXorOp*>NULL)
    elif op == OP_WHERE:
        where_loop(args, n, steps, tag)
    elif op == OP_CLIP:
        clip_loop(args, n, steps, tag)
    elif op == OP_NEGATIVE:
        unary_loop(args, n, steps, tag, <NegativeOp*>NULL)
    elif op == OP_POSITIVE or op == OP_CONJUGATE:
        unary_loop(args, n, steps, tag, <PositiveOp*>NULL)
    elif op == OP_ABSOLUTE:
        unary_loop(args, n, steps, tag, <AbsoluteOp*>NULL)
    elif op == OP_SIGN:
        unary_loop(args, n, steps, tag, <SignOp*>NULL)
    elif op == OP_SQUARE:
        unary_loop(args, n, steps, tag, <SquareOp*>NULL)
    elif op == OP_INVERT:
        unary_loop(args, n, steps, tag, <InvertOp*>NULL)
    elif op == OP_FLOOR:
        unary_loop(args, n, steps, tag, <FloorOp*>NULL)
    elif op == OP_CEIL:
        unary_loop(args, n, steps, tag, <CeilOp*>NULL)
    elif op == OP_TRUNC:
        unary_loop(args, n, steps, tag, <TruncOp*>NULL)
    elif op == OP_RECIPROCAL:
        unary_loop(args, n, steps, tag, <ReciprocalOp*>NULL)
    elif OP_LOGICAL_NOT <= op <= OP_LAST_PREDICATE:
        predicate_loop(args, n, steps, tag, op)
    elif item_t is float or item_t is double:
        _for_float_type(op, args, n, steps, tag)
    else:
        _for_integer_type(op, args, n, steps, tag)


cdef void _for_integer_type(int op, char** args, Py_ssize_t n,
                            const Py_ssize_t* steps,
                            integer_t* tag) noexcept nogil:
    """The operations with integer loops only (shifts, gcd, lcm)."""
    if op == OP_LEFT_SHIFT:
        binary_loop(args, n, steps, tag, <LeftShiftOp*>NULL)
    elif op == OP_RIGHT_SHIFT:
        binary_loop(args, n, steps, tag, <RightShiftOp*>NULL)
    elif op == OP_GCD:
        binary_loop(args, n, steps, tag, <GcdOp*>NULL)
    elif op == OP_LCM:
        binary_loop(args, n, steps, tag, <LcmOp*>NULL)


cdef void _for_float_type(int op, char** args, Py_ssize_t n,
                          const Py_ssize_t* steps,
                          real_t* tag) noexcept nogil:
    """The operations with float loops only: the C library's functions."""
    if op == OP_ARCTAN2:
        binary_loop(args, n, steps, tag, <Arctan2Op*>NULL)
    elif op == OP_HYPOT:
        binary_loop(args, n, steps, tag, <HypotOp*>NULL)
    elif op == OP_COPYSIGN:
        binary_loop(args, n, steps, tag, <CopysignOp*>NULL)
    elif op == OP_NEXTAFTER:
        binary_loop(args, n, steps, tag, <NextafterOp*>NULL)
    elif op == OP_LOGADDEXP:
        binary_loop(args, n, steps, tag, <LogaddexpOp*>NULL)
    elif op == OP_LOGADDEXP2:
        binary_loop(args, n, steps, tag, <Logaddexp2Op*>NULL)
    elif op == OP_SQRT:
        unary_loop(args, n, steps, tag, <SqrtOp*>NULL)
    elif op == OP_EXP:
        unary_loop(args, n, steps, tag, <ExpOp*>NULL)
    elif op == OP_LOG:
        unary_loop(args, n, steps, tag, <LogOp*>NULL)
    elif op == OP_LOG1P:
        unary_loop(args, n, steps, tag, <Log1pOp*>NULL)
    elif op == OP_EXPM1:
        unary_loop(args, n, steps, tag, <Expm1Op*>NULL)
    elif op == OP_TANH:
        unary_loop(args, n, steps, tag, <TanhOp*>NULL)
    elif op == OP_SIN:
        unary_loop(args, n, steps, tag, <SinOp*>NULL)
    elif op == OP_COS:
        unary_loop(args, n, steps, tag, <CosOp*>NULL)
    elif op == OP_TAN:
        unary_loop(args, n, steps, tag, <TanOp*>NULL)
    elif op == OP_ARCSIN:
        unary_loop(args, n, steps, tag, <ArcsinOp*>NULL)
    elif op == OP_ARCCOS:
        unary_loop(args, n, steps, tag, <ArccosOp*>NULL)
    elif op == OP_ARCTAN:
        unary_loop(args, n, steps, tag, <ArctanOp*>NULL)
    elif op == OP_SINH:
        unary_loop(args, n, steps, tag, <SinhOp*>NULL)
    elif op == OP_COSH:
        unary_loop(args, n, steps, tag, <CoshOp*>NULL)
    elif op == OP_ARCSINH:
        unary_loop(args, n, steps, tag, <ArcsinhOp*>NULL)
    elif op == OP_ARCCOSH:
        unary_loop(args, n, steps, tag, <ArccoshOp*>NULL)
    elif op == OP_ARCTANH:
        unary_loop(args, n, steps, tag, <ArctanhOp*>NULL)
    elif op == OP_EXP2:
        unary_loop(args, n, steps, tag, <Exp2Op*>NULL)
    elif op == OP_LOG2:
        unary_loop(args, n, steps, tag, <Log2Op*>NULL)
    elif op == OP_LOG10:
        unary_loop(args, n, steps, tag, <Log10Op*>NULL)
    elif op == OP_CBRT:
        unary_loop(args, n, steps, tag, <CbrtOp*>NULL)
    elif op == OP_DEG2RAD:
        unary_loop(args, n, steps, tag, <Deg2radOp*>NULL)
    elif op == OP_RAD2DEG:
        unary_loop(args, n, steps, tag, <Rad2degOp*>NULL)
    elif op == OP_RINT:
        unary_loop(args, n, steps, tag, <RintOp*>NULL)


# ---------------------------------------------------------------------------
# argmin / argmax
# ---------------------------------------------------------------------------

# argmax/argmin look at a row in blocks of this many elements: the
# block's extreme comes from the vectorised fold, and only the block that
# holds the answer is searched again for its index.
cdef enum:
    ARG_BLOCK = 2048


cdef Py_ssize_t _arg_extreme_row(const item_t* row, Py_ssize_t n,
                                 binop_t* op) noexcept nogil:
    """The index of the first largest (``MaximumOp``) or smallest
    (``MinimumOp``) of n > 0 elements; a NaN wins at once, as in NumPy.

    Two passes over the data instead of a branch per element: the extreme
    of each block by the C lane loop (``_fold_in_c``, which propagates
    NaN) and ``_lanes_extreme``, keeping the
    first block whose extreme beats the best so far, then the first
    element of that block equal to the best.  A tie is equality, so 0.0
    and -0.0 are the same value and the first of them wins, as in NumPy.
    """
    cdef Py_ssize_t start, size, blocked, i, best_start = 0
    cdef item_t value, best = row[0]
    cdef item_t lanes[FOLD_LANES]
    start = 0
    while start < n:
        size = min(ARG_BLOCK, n - start)
        blocked = size - size % FOLD_LANES
        value = row[start]
        if blocked:
            _fold_in_c(_fold_code(op), lanes, row + start, 1, blocked)
            value = _lanes_extreme(lanes, op)
        for i in range(start + blocked, start + size):
            value = binary_value(value, row[i], op)
        if item_t is float or item_t is double:
            if value != value:                # the first NaN wins
                for i in range(start, start + size):
                    if row[i] != row[i]:
                        return i
        if binop_t is MaximumOp:
            if value > best:
                best = value
                best_start = start
        else:
            if value < best:
                best = value
                best_start = start
        start += size
    return _first_equal(row, best_start, n, best)


cdef inline item_t _lanes_extreme(item_t* lanes,
                                  binop_t* op) noexcept nogil:
    """The extreme of ``_fold_in_c``'s 64 lanes, folded by halves: six
    steps of vector selections, where ``_lanes_and_rest``'s fold in order
    is 63 dependent ones (float64 ``a.argmax()`` at 10**4: 1.24 -> 1.10
    times NumPy's time).
    argmax may take them in any order: it wants the value only, a tie
    (0.0 and -0.0 too) is equality, and a NaN sticks (``_blend_value``),
    after which the block is searched for its first NaN."""
    cdef Py_ssize_t half = FOLD_LANES // 2, j
    while half:
        for j in range(half):
            lanes[j] = _blend_value(lanes[j], lanes[j + half], op)
        half //= 2
    return lanes[0]


cdef Py_ssize_t _first_equal(const item_t* row, Py_ssize_t start,
                             Py_ssize_t n, item_t value) noexcept nogil:
    """The first i >= start with row[i] == value (n if none), by the C
    loop of item_t's size (``minind_first_equal``): vector compares ORed,
    256 items at a time, instead of a compare and a branch per element."""
    return start + first_equal(item_t is float or item_t is double,
                               sizeof(item_t), row + start, n - start,
                               &value)


cdef void _arg_extreme(const char* data, Py_ssize_t rows, Py_ssize_t n,
                       bint want_max, int64_t* out,
                       item_t* tag) noexcept nogil:
    """Index of the first largest (smallest) element of each of ``rows``
    contiguous rows of length n > 0."""
    cdef Py_ssize_t r
    cdef const item_t* row
    for r in range(rows):
        row = <const item_t*>data + r * n
        if want_max:
            out[r] = _arg_extreme_row(row, n, <MaximumOp*>NULL)
        else:
            out[r] = _arg_extreme_row(row, n, <MinimumOp*>NULL)


cdef uint8_t _fold_truths(const char* data, Py_ssize_t n, Py_ssize_t step,
                          int type_index, cmpop_t* op) noexcept nogil:
    cdef uint8_t start = 1 if cmpop_t is LogicalAndOp else 0
    cdef int t = type_index
    if t == T_BOOL or t == T_UINT8:
        return _logical_fold(start, data, n, step, <uint8_t*>NULL, op)
    elif t == T_INT8:
        return _logical_fold(start, data, n, step, <int8_t*>NULL, op)
    elif t == T_INT16 or t == T_UINT16:
        return _logical_fold(start, data, n, step, <uint16_t*>NULL, op)
    elif t == T_INT32 or t == T_UINT32:
        return _logical_fold(start, data, n, step, <uint32_t*>NULL, op)
    elif t == T_INT64 or t == T_UINT64:
        return _logical_fold(start, data, n, step, <uint64_t*>NULL, op)
    elif t == T_FLOAT32:
        return _logical_fold(start, data, n, step, <float*>NULL, op)
    else:
        return _logical_fold(start, data, n, step, <double*>NULL, op)


cdef uint8_t any_or_all(const char* data, Py_ssize_t n, Py_ssize_t step,
                        int type_index, bint want_any) noexcept nogil:
    """``any`` (or ``all``) of n elements of any type ``step`` bytes apart,
    each read as its truth (nonzero; NaN is true): the logical
    reduction's early-stopping fold, on the elements themselves.
    Reducing the array as bools would first cast all of it to a bool
    copy.  (The truth of an integer does not depend on its sign, so
    signed and unsigned share a loop.)"""
    if want_any:
        return _fold_truths(data, n, step, type_index, <LogicalOrOp*>NULL)
    return _fold_truths(data, n, step, type_index, <LogicalAndOp*>NULL)


cdef bint _any_negative(const char* data, Py_ssize_t n, Py_ssize_t step,
                        integer_t* tag) noexcept nogil:
    cdef Py_ssize_t i
    cdef uint8_t seen = 0
    cdef const integer_t* items = <const integer_t*>data
    if step == sizeof(integer_t) and _aligned(data, sizeof(integer_t)):
        for i in range(n):
            seen |= _below_zero(items[i])
    else:
        for i in range(n):
            seen |= _below_zero(load_item(data + i * step, tag))
    return seen


cdef bint any_negative(const char* data, Py_ssize_t n, Py_ssize_t step,
                       int type_index) noexcept nogil:
    """Whether any of n signed integers ``step`` bytes apart is below
    zero: integer ``power``'s check of its exponents, read in place (a
    comparison and a reduction of its bools cost 2 us a call)."""
    cdef int t = type_index
    if t == T_INT8:
        return _any_negative(data, n, step, <int8_t*>NULL)
    elif t == T_INT16:
        return _any_negative(data, n, step, <int16_t*>NULL)
    elif t == T_INT32:
        return _any_negative(data, n, step, <int32_t*>NULL)
    else:
        return _any_negative(data, n, step, <int64_t*>NULL)


cdef Py_ssize_t _first_true(const uint8_t* row, Py_ssize_t n) noexcept nogil:
    """The index of the first nonzero byte, or n: the OR of each block of
    64 bytes (one vector operation per 16 or 32 of them) says whether to
    look inside it."""
    cdef Py_ssize_t i = 0, j
    cdef uint8_t seen
    while i + 64 <= n:
        seen = 0
        for j in range(64):
            seen |= row[i + j]
        if seen:
            break
        i += 64
    while i < n:
        if row[i]:
            return i
        i += 1
    return n


cdef void _bool_arg_extreme(const char* data, Py_ssize_t rows, Py_ssize_t n,
                            bint want_max, int64_t* out) noexcept nogil:
    """argmax/argmin of bool rows: the first True (False), or 0 if there is
    none.  The scan stops there, as NumPy's does, instead of reading the
    whole row for an extreme a bool reaches at once."""
    cdef Py_ssize_t r, found
    cdef const uint8_t* row
    cdef const void* zero
    for r in range(rows):
        row = <const uint8_t*>data + r * n
        if want_max:
            found = _first_true(row, n)
        else:
            zero = memchr(row, 0, n)
            found = n if zero == NULL else <const uint8_t*>zero - row
        out[r] = 0 if found == n else found


cdef void arg_extreme(const char* data, Py_ssize_t rows, Py_ssize_t n,
                      int type_index, bint want_max,
                      int64_t* out) noexcept nogil:
    cdef int t = type_index
    if t == T_BOOL:
        _bool_arg_extreme(data, rows, n, want_max, out)
    elif t == T_UINT8:
        _arg_extreme(data, rows, n, want_max, out, <uint8_t*>NULL)
    elif t == T_INT8:
        _arg_extreme(data, rows, n, want_max, out, <int8_t*>NULL)
    elif t == T_INT16:
        _arg_extreme(data, rows, n, want_max, out, <int16_t*>NULL)
    elif t == T_UINT16:
        _arg_extreme(data, rows, n, want_max, out, <uint16_t*>NULL)
    elif t == T_INT32:
        _arg_extreme(data, rows, n, want_max, out, <int32_t*>NULL)
    elif t == T_UINT32:
        _arg_extreme(data, rows, n, want_max, out, <uint32_t*>NULL)
    elif t == T_INT64:
        _arg_extreme(data, rows, n, want_max, out, <int64_t*>NULL)
    elif t == T_UINT64:
        _arg_extreme(data, rows, n, want_max, out, <uint64_t*>NULL)
    elif t == T_FLOAT32:
        _arg_extreme(data, rows, n, want_max, out, <float*>NULL)
    else:
        _arg_extreme(data, rows, n, want_max, out, <double*>NULL)
