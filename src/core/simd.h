/* SPDX-License-Identifier: MIT
 * simd: the vector loops of the fast paths for clean text. On x86-64, SSE2
 * (always there) and AVX2 when the processor has it, checked at run time;
 * plain C on other processors. Each function computes exactly what its
 * comment says at every level, so that its callers (decode.c's clean
 * check, text.c's folding) cannot tell the levels apart; the tests hold
 * every level this machine runs equal to the references (reference.h). */
#ifndef CENTRES_SIMD_H
#define CENTRES_SIMD_H

#include <stddef.h>
#include <stdint.h>

#if defined(__x86_64__)
#include <emmintrin.h>
#include <string.h>
#endif

enum simd_level { SIMD_SCALAR, SIMD_SSE2, SIMD_AVX2 };

/* The level the fast paths use: the best this processor runs, or less
 * after simd_limit(). */
enum simd_level simd_level(void);
/* For the tests and the bench: use at most level l from now on
 * (SIMD_AVX2: the best there is again). */
void simd_limit(enum simd_level l);

/* The length of the longest start of s[0..n) made of printable ASCII
 * (0x20..0x7E), tabs, line feeds and carriage returns: the bytes the clean
 * check passes without decoding. */
size_t simd_plain_run(const char *s, size_t n);
/* simd_plain_run() at the level in use, for a caller that calls it many
 * times: the level is looked up once. */
typedef size_t simd_run_fn(const char *s, size_t n);
simd_run_fn *simd_plain_run_fn(void);

#if defined(__x86_64__)
#define SIMD_HAVE_FOLD16 1
/* Bit j set where byte j of v lies in lo..hi (an unsigned compare: SSE2
 * has only a minimum for unsigned bytes). */
static inline __m128i
simd_in_range(__m128i v, char lo, char hi)
{
	__m128i x = _mm_sub_epi8(v, _mm_set1_epi8(lo));
	return _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8((char)(hi - lo))), x);
}

/* The bytes s[0..n) (0 < n < 16) and then 0x80 in the rest: the end of a
 * text in a vector without reading past it (no load of 16 bytes could go
 * there), nor a store read back at once (which stalls). */
static inline __m128i
simd_load_end(const char *s, size_t n)
{
	uint64_t lo = 0, hi = 0;
	if (n >= 8) {		/* two loads of 8, the second one's start dropped */
		memcpy(&lo, s, 8);
		if (n > 8) {
			memcpy(&hi, s + n - 8, 8);
			hi >>= 8 * (16 - n);
		}
	} else if (n >= 4) {	/* two loads of 4, overlapping on equal bytes */
		uint32_t a, b;
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		lo = a | (uint64_t)b << (8 * (n - 4));
	} else {		/* 1 to 3 bytes */
		lo = (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << (8 * (n / 2)) |
		    (uint64_t)(unsigned char)s[n - 1] << (8 * (n - 1));
	}
	__m128i v = _mm_set_epi64x((long long)hi, (long long)lo);
	__m128i kept = _mm_cmpgt_epi8(_mm_set1_epi8((char)n),
	    _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
	return _mm_or_si128(v, _mm_andnot_si128(kept, _mm_set1_epi8((char)0x80)));
}

/* The ASCII rule of text_fold() on the 16 bytes of v (SSE2, the x86-64
 * baseline): d[j] (16 bytes written) is byte j with A-Z lowercased, or a
 * space where byte j is a word separator (tab, line feed, carriage return,
 * space ! " ' ( ) , - . / : ; ? _, the set of text.c's is_word_sep). Bit j
 * of *seps tells that byte j is a separator; bit j of the result that it
 * is ASCII (below 0x80: only then is d[j] its fold). Inline: text_fold()
 * calls it for every 16 bytes of every field. */
static inline uint32_t
simd_fold16(__m128i v, char *d, uint32_t *seps)
{
	__m128i letter = simd_in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z');
	/* The separators: 09 0A 0D, 20-22, 27-29, 2C-2F, 3A 3B, 3F, 5F. */
	__m128i sep = _mm_or_si128(simd_in_range(v, '\t', '\n'),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\r')));
	sep = _mm_or_si128(sep, simd_in_range(v, ' ', '"'));
	sep = _mm_or_si128(sep, simd_in_range(v, '\'', ')'));
	sep = _mm_or_si128(sep, simd_in_range(v, ',', '/'));
	sep = _mm_or_si128(sep, simd_in_range(v, ':', ';'));
	sep = _mm_or_si128(sep, _mm_cmpeq_epi8(v, _mm_set1_epi8('?')));
	sep = _mm_or_si128(sep, _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
	__m128i low = _mm_or_si128(v, _mm_and_si128(letter, _mm_set1_epi8(0x20)));
	__m128i out = _mm_or_si128(_mm_andnot_si128(sep, low),
	    _mm_and_si128(sep, _mm_set1_epi8(' ')));
	_mm_storeu_si128((__m128i *)(void *)d, out);
	*seps = (uint32_t)_mm_movemask_epi8(sep);
	return ~(uint32_t)_mm_movemask_epi8(v) & 0xffffu;
}
#endif

#endif
