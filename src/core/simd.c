/* SPDX-License-Identifier: MIT
 * simd: which vector level runs, and the loops at each level. Only the
 * bytes promised in simd.h are read: no load goes past s + n. */
#include "simd.h"

#include <stdatomic.h>
#include <stdbool.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

static _Atomic int limit = SIMD_AVX2;

enum simd_level
simd_level(void)
{
	int best = SIMD_SCALAR;
#if defined(__x86_64__)
	/* A load and a test: libgcc reads the processor once at start-up. */
	best = __builtin_cpu_supports("avx2") ? SIMD_AVX2 : SIMD_SSE2;
#endif
	int l = atomic_load_explicit(&limit, memory_order_relaxed);
	return (enum simd_level)(l < best ? l : best);
}

void
simd_limit(enum simd_level l)
{
	atomic_store_explicit(&limit, (int)l, memory_order_relaxed);
}

static inline bool
is_plain(unsigned char c)
{
	return (c >= 0x20 && c < 0x7f) || c == '\t' || c == '\n' || c == '\r';
}

static size_t
plain_run_scalar(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && is_plain((unsigned char)s[i]))
		i++;
	return i;
}

#if defined(__x86_64__)
/* Bit j set where byte j of v is plain. Signed compares: bytes from 0x80
 * are negative, so "above 0x1F" leaves them out. */
static inline unsigned
plain_mask16(__m128i v)
{
	__m128i ok = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1f)),
	    _mm_cmplt_epi8(v, _mm_set1_epi8(0x7f)));
	ok = _mm_or_si128(ok, _mm_cmpeq_epi8(v, _mm_set1_epi8('\t')));
	ok = _mm_or_si128(ok, _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
	ok = _mm_or_si128(ok, _mm_cmpeq_epi8(v, _mm_set1_epi8('\r')));
	return (unsigned)_mm_movemask_epi8(ok);
}

static size_t
plain_run_sse2(const char *s, size_t n)
{
	size_t i = 0;
	for (; i + 16 <= n; i += 16) {
		unsigned m = plain_mask16(_mm_loadu_si128((const __m128i *)(const void *)(s + i)));
		if (m != 0xffff)
			return i + (size_t)__builtin_ctz(~m);
	}
	return i + plain_run_scalar(s + i, n - i);
}

__attribute__((target("avx2"))) static size_t
plain_run_avx2(const char *s, size_t n)
{
	size_t i = 0;
	const __m256i lo = _mm256_set1_epi8(0x1f), del = _mm256_set1_epi8(0x7f),
	    tab = _mm256_set1_epi8('\t'), lf = _mm256_set1_epi8('\n'), cr = _mm256_set1_epi8('\r');
	for (; i + 32 <= n; i += 32) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
		__m256i ok = _mm256_and_si256(_mm256_cmpgt_epi8(v, lo), _mm256_cmpgt_epi8(del, v));
		ok = _mm256_or_si256(ok, _mm256_cmpeq_epi8(v, tab));
		ok = _mm256_or_si256(ok, _mm256_cmpeq_epi8(v, lf));
		ok = _mm256_or_si256(ok, _mm256_cmpeq_epi8(v, cr));
		unsigned m = (unsigned)_mm256_movemask_epi8(ok);
		if (m != 0xffffffffu)
			return i + (size_t)__builtin_ctz(~m);
	}
	return i + plain_run_sse2(s + i, n - i);
}

#endif

simd_run_fn *
simd_plain_run_fn(void)
{
#if defined(__x86_64__)
	switch (simd_level()) {
	case SIMD_AVX2:
		return plain_run_avx2;
	case SIMD_SSE2:
		return plain_run_sse2;
	case SIMD_SCALAR:
		break;
	}
#endif
	return plain_run_scalar;
}

size_t
simd_plain_run(const char *s, size_t n)
{
	return simd_plain_run_fn()(s, n);
}
