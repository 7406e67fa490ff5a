/* SPDX-License-Identifier: MIT
 * scan: record splitting and the prefilter's skeleton. The record splitter
 * follows the loader's grammar (csvload.c's quote tracker, libcsv without
 * CSV_STRICT): a quote opens a quoted field only at its start, "" inside
 * one is a quote, a closing quote must be followed by the delimiter or a
 * line break; rows end at LF, CR or CR LF outside quotes; blank lines are
 * skipped. tests/unit/test_stream.c and tests/fuzz/fuzz_stream.c hold it
 * equal to the loader. */
#define _GNU_SOURCE
#include "scan.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "text.h"
#include "util.h"

enum state { NOT_BEGUN, FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED };

static const uint8_t bits8[256] = {
#define B2(n) n, n + 1, n + 1, n + 2
#define B4(n) B2(n), B2(n + 1), B2(n + 1), B2(n + 2)
#define B6(n) B4(n), B4(n + 1), B4(n + 1), B4(n + 2)
	B6(0), B6(1), B6(1), B6(2)
#undef B2
#undef B4
#undef B6
};

static unsigned
bits16(unsigned x)
{
	return bits8[x & 255] + bits8[x >> 8];
}

/* Whether byte c ends a run of plain text in a field: a quote, a control
 * (line breaks, tab) or DEL. Non-ASCII bytes are checked by
 * scan_skeleton() or scan_clean(). */
static bool
stops(unsigned char c)
{
	return c == '"' || c < 0x20 || c == 0x7f;
}

/* Outside quotes from s[i] (state *st: FIELD_START or UNQUOTED): skips
 * plain text and delimiters, counting the fields they start, up to the
 * next byte that stops() or end; returns where, *st the state there. */
static size_t
skip_unquoted(const char *s, size_t i, size_t end, char delim, struct scan_rec *rec,
    enum state *st)
{
#ifdef __SSE2__
	const __m128i d = _mm_set1_epi8(delim), q = _mm_set1_epi8('"'), sp = _mm_set1_epi8(0x20),
	    del = _mm_set1_epi8(0x7f), none = _mm_set1_epi8(-1);
	while (i + 16 <= end) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		unsigned dm = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, d));
		/* Signed: bytes from 0x80 are below 0x20 too, and above -1. */
		__m128i ctl = _mm_and_si128(_mm_cmplt_epi8(v, sp), _mm_cmpgt_epi8(v, none));
		unsigned sm = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, q),
		    _mm_or_si128(ctl, _mm_cmpeq_epi8(v, del)))) & ~dm;
		unsigned k = sm ? (unsigned)__builtin_ctz(sm) : 16;
		unsigned below = (1u << k) - 1, dk = dm & below;
		if (below & ~dm) {
			rec->content = true;
			*st = UNQUOTED;
		}
		if (dk) {
			rec->nfields += bits16(dk);
			if (31 - __builtin_clz(dk) == (int)k - 1)
				*st = FIELD_START;
		}
		i += k;
		if (sm)
			return i;
	}
#endif
	for (; i < end; i++) {
		if (s[i] == delim) {
			rec->nfields++;
			*st = FIELD_START;
		} else if (stops((unsigned char)s[i])) {
			break;
		} else {
			rec->content = true;
			*st = UNQUOTED;
		}
	}
	return i;
}

/* Inside quotes from s[i]: skips plain text (delimiters are) up to the
 * next byte that stops() or end. */
static size_t
skip_quoted(const char *s, size_t i, size_t end)
{
#ifdef __SSE2__
	const __m128i q = _mm_set1_epi8('"'), sp = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7f),
	    none = _mm_set1_epi8(-1);
	while (i + 16 <= end) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i ctl = _mm_and_si128(_mm_cmplt_epi8(v, sp), _mm_cmpgt_epi8(v, none));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, q),
		    _mm_or_si128(ctl, _mm_cmpeq_epi8(v, del))));
		if (m)
			return i + (size_t)__builtin_ctz(m);
		i += 16;
	}
#endif
	while (i < end && !stops((unsigned char)s[i]))
		i++;
	return i;
}

enum scan_status
scan_records(const char *s, size_t n, bool eof, char delim, uint32_t *linep, size_t *donep,
    struct scan_recs *out)
{
	const unsigned char *u = (const unsigned char *)s;
	/* Unless at the end, 4 bytes are left: a CR knows whether an LF
	 * follows. */
	size_t end = eof ? n : n > 4 ? n - 4 : 0;
	uint32_t line = *linep, done_line = line;
	size_t done = 0, i = 0;
	enum state st = NOT_BEGUN;
	struct scan_rec rec = {0};
	enum scan_status rc = SCAN_OK;
	while (i < end) {
		if (st == FIELD_START || st == UNQUOTED) {
			i = skip_unquoted(s, i, end, delim, &rec, &st);
		} else if (st == QUOTED) {
			size_t j = skip_quoted(s, i, end);
			rec.content |= j > i;
			i = j;
		}
		if (i >= end)
			break;
		unsigned char c = u[i];
		bool eol = c == '\n' || c == '\r';
		switch (st) {
		case NOT_BEGUN:
			if (eol) {
				line += c == '\n' || i + 1 >= n || u[i + 1] != '\n';
				done = ++i;
				done_line = line;
				continue;
			}
			rec = (struct scan_rec){.start = i, .line = line, .nfields = 1};
			st = FIELD_START;
			continue;	/* c again, at the start of a field */
		case FIELD_START:
			if (c == '"') {
				st = QUOTED;
				i++;
				continue;
			}
			if (!eol)
				st = UNQUOTED;
			break;
		case UNQUOTED:
			rec.literal_quote |= c == '"';
			break;
		case QUOTED:
			if (c == '"') {
				st = QUOTE_IN_QUOTED;
				i++;
				continue;
			}
			if (eol) {
				line += c == '\n' || i + 1 >= n || u[i + 1] != '\n';
				rec.content = true;
				i++;
				continue;
			}
			break;
		case QUOTE_IN_QUOTED:
			if (c == '"') {
				st = QUOTED;
				rec.content = true;
				i++;
				continue;
			}
			if (c == (unsigned char)delim) {
				st = FIELD_START;
				rec.nfields++;
				i++;
				continue;
			}
			if (!eol) {
				rc = SCAN_BAD_QUOTE;
				goto out;
			}
			break;
		}
		if (eol) {
			/* The record ends here (at the start of a field, in an
			 * unquoted one, after a closing quote). */
			rec.end = i;
			xgrow((void **)&out->r, &out->cap, out->n + 1, sizeof *out->r);
			out->r[out->n++] = rec;
			line += c == '\n' || i + 1 >= n || u[i + 1] != '\n';
			done = ++i;
			done_line = line;
			st = NOT_BEGUN;
			continue;
		}
		/* One byte of a field's text. */
		rec.content = true;
		if ((c >= 0x20 && c != 0x7f) || c == '\t') {
			i++;
		} else {
			rc = SCAN_UNCLEAN;
			goto out;
		}
	}
	if (eof && st == QUOTED) {
		rc = SCAN_UNTERMINATED;
	} else if (eof && st != NOT_BEGUN) {
		rec.end = n;
		xgrow((void **)&out->r, &out->cap, out->n + 1, sizeof *out->r);
		out->r[out->n++] = rec;
		done = n;
	}
out:
	*donep = done;
	*linep = done_line;
	return rc;
}

/* The skeleton of each character: text_fold() of it, spaces taken out.
 * ASCII from a table; other characters below U+10000 kept as they are first
 * met (up to 7 bytes), the rest folded each time. */
struct skel_char {
	uint8_t len;	/* SKEL_UNSET: not met yet; SKEL_LONG: more than 7 bytes */
	char b[7];
};
#define SKEL_UNSET 0xFF
#define SKEL_LONG 0xFE
/* A character's skeleton is stored at once, as 8 bytes (below). */
typedef char skel_char_is_8_bytes[sizeof(struct skel_char) == 8 ? 1 : -1];

static struct skel_char ascii[128];
/* The characters of the BMP met so far, a struct skel_char each as 8 bytes
 * stored at once: two threads prefiltering beside each other
 * (batch/stream.c) each see a character not met yet, or all of it. */
static _Atomic uint64_t *bmp;	/* 65536, at skel_init() */
static pthread_once_t skel_once = PTHREAD_ONCE_INIT;

/* text_fold() of one character, spaces out, into c (or SKEL_LONG). */
static void
skel_fold(const char *s, size_t n, struct skel_char *c, struct arena *tmp)
{
	tmp->len = 0;
	text_fold(tmp, s, n, NULL);
	size_t k = 0;
	char b[64];
	for (size_t i = 0; i < tmp->len && k < sizeof b; i++)
		if (tmp->base[i] != ' ')
			b[k++] = tmp->base[i];
	if (k > sizeof c->b) {
		c->len = SKEL_LONG;
		return;
	}
	memcpy(c->b, b, k);
	c->len = (uint8_t)k;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <tmmintrin.h>
#define SKEL_SIMD 1
/* Sixteen ASCII bytes at a time (SSSE3, checked at run time): lower case,
 * then the bytes kept packed together (pshufb, eight at a time). The two
 * tables say which bytes are kept, from the ASCII table above: a byte is a
 * separator when lo[its low nibble] & hi[its high nibble] is not 0. */
static bool simd_ok;
static uint8_t nib_lo[16], nib_hi[16];
static uint8_t pack[256][8];	/* the kept bytes of 8, by their mask */
static uint8_t packn[256];	/* how many */

static void
simd_init(void)
{
	__builtin_cpu_init();
	if (!__builtin_cpu_supports("ssse3"))
		return;
	for (int c = 0; c < 128; c++) {
		/* The model: letters lower-cased, separators gone, the rest as is. */
		char want = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		if (ascii[c].len > 1 || (ascii[c].len == 1 && ascii[c].b[0] != want))
			return;
		if (ascii[c].len == 0) {
			nib_lo[c & 15] |= (uint8_t)(1u << (c >> 4));
			nib_hi[c >> 4] = (uint8_t)(1u << (c >> 4));
		}
	}
	for (int h = 0; h < 8; h++)
		nib_hi[h] = (uint8_t)(1u << h);
	for (int m = 0; m < 256; m++) {
		int k = 0;
		for (int b = 0; b < 8; b++)
			if (m & (1 << b))
				pack[m][k++] = (uint8_t)b;
		packn[m] = (uint8_t)k;
		for (; k < 8; k++)
			pack[m][k] = 0x80;
	}
	simd_ok = true;
}

/* The skeleton of the ASCII bytes of s[0..16) before the first that is
 * not (*ascii: how many), written to d (room for 16); returns its length. */
__attribute__((target("ssse3"))) static inline size_t
skel_16(const char *s, char *d, size_t *nascii)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	unsigned high = (unsigned)_mm_movemask_epi8(v);
	size_t k = high ? (size_t)__builtin_ctz(high) : 16;
	*nascii = k;
	__m128i up = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
	    _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
	__m128i low = _mm_add_epi8(v, _mm_and_si128(up, _mm_set1_epi8(0x20)));
	const __m128i lo_t = _mm_loadu_si128((const __m128i *)(const void *)nib_lo);
	const __m128i hi_t = _mm_loadu_si128((const __m128i *)(const void *)nib_hi);
	__m128i lo = _mm_shuffle_epi8(lo_t, _mm_and_si128(v, _mm_set1_epi8(15)));
	__m128i hi = _mm_shuffle_epi8(hi_t, _mm_and_si128(_mm_srli_epi16(v, 4), _mm_set1_epi8(15)));
	__m128i sep = _mm_cmpeq_epi8(_mm_and_si128(lo, hi), _mm_setzero_si128());
	unsigned keep = (unsigned)_mm_movemask_epi8(sep) & ((1u << k) - 1);
	__m128i a = _mm_shuffle_epi8(low, _mm_loadl_epi64((const __m128i *)(const void *)pack[keep & 255]));
	_mm_storel_epi64((__m128i *)(void *)d, a);
	size_t n = packn[keep & 255];
	__m128i b = _mm_shuffle_epi8(_mm_srli_si128(low, 8),
	    _mm_loadl_epi64((const __m128i *)(const void *)pack[keep >> 8]));
	_mm_storel_epi64((__m128i *)(void *)(d + n), b);
	return n + packn[keep >> 8];
}
#endif

static void
skel_init_once(void)
{
	struct arena tmp = {0};
	for (int i = 0; i < 128; i++) {
		char ch = (char)i;
		skel_fold(&ch, 1, &ascii[i], &tmp);
	}
	arena_free(&tmp);
	bmp = xmalloc(65536 * sizeof *bmp);
	struct skel_char unset = {.len = SKEL_UNSET};
	uint64_t u;
	memcpy(&u, &unset, sizeof u);
	for (size_t i = 0; i < 65536; i++)
		atomic_init(&bmp[i], u);
#ifdef SKEL_SIMD
	simd_init();
#endif
}

static void
skel_init(void)
{
	pthread_once(&skel_once, skel_init_once);
}

/* The length of the clean character at s[0] (non-ASCII; n bytes left)
 * and in *cp its code point, or 0 when the loader would not take it as it
 * is (as decode.c's check: invalid, C1, bidi control). */
static int
clean_cp(const unsigned char *s, size_t n, int32_t *cp)
{
	unsigned char c = s[0];
	if (c >= 0xC2 && c <= 0xDF && n >= 2 && (s[1] & 0xC0) == 0x80) {
		*cp = (int32_t)(c & 0x1F) << 6 | (s[1] & 0x3F);
		return *cp < 0xA0 ? 0 : 2;	/* U+0080..U+009F: C1 */
	}
	int l = text_decode((const char *)s, n, cp);
	return *cp < 0xA0 || text_is_bidi_control(*cp) ? 0 : l;
}

bool
scan_clean(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
#ifdef __SSE2__
		while (i + 16 <= n && !_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)
		    (s + i))))
			i += 16;
#endif
		if (i >= n)
			break;
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		int32_t cp;
		int l = clean_cp(u + i, n - i, &cp);
		if (!l)
			return false;
		i += (size_t)l;
	}
	return true;
}

/* scan_skeleton(), with sixteen ASCII bytes at a time when simd. */
static inline __attribute__((always_inline)) bool
skel_body(struct arena *out, const char *s, size_t n, bool simd)
{
	struct arena tmp = {0};	/* for a character folded here */
	const unsigned char *u = (const unsigned char *)s;
	size_t room = n + 64, used = 0;
	char *d = arena_reserve(out, room);
	bool clean = true;
	for (size_t i = 0; i < n;) {
		unsigned char c = u[i];
		if (room - used < 32) {
			arena_commit(out, used);
			room = (n - i) * 4 + 64, used = 0;
			d = arena_reserve(out, room);
		}
#ifdef SKEL_SIMD
		if (simd && i + 16 <= n && c < 0x80) {
			size_t k;
			used += skel_16(s + i, d + used, &k);
			i += k;
			continue;
		}
#else
		(void)simd;
#endif
		if (c < 0x80) {
			/* Every ASCII character folds to one byte or a space. */
			d[used] = ascii[c].b[0];
			used += ascii[c].len;
			i++;
			continue;
		}
		int32_t cp;
		int l = clean_cp(u + i, n - i, &cp);
		if (!l) {
			clean = false;
			l = text_decode(s + i, n - i, &cp);
			if (cp < 0) {
				i++;
				continue;
			}
		}
		struct skel_char one = {0}, *sc = &one;
		if (cp < 65536) {
			uint64_t v = atomic_load_explicit(&bmp[cp], memory_order_relaxed);
			memcpy(&one, &v, sizeof one);
		}
		if (cp >= 65536 || one.len == SKEL_UNSET) {
			skel_fold(s + i, (size_t)l, &one, &tmp);
			if (cp < 65536) {
				uint64_t v;
				memcpy(&v, &one, sizeof v);
				atomic_store_explicit(&bmp[cp], v, memory_order_relaxed);
			}
		}
		if (sc->len == SKEL_LONG) {
			arena_commit(out, used);
			tmp.len = 0;
			text_fold(&tmp, s + i, (size_t)l, NULL);
			for (size_t k = 0; k < tmp.len; k++)
				if (tmp.base[k] != ' ')
					arena_putc(out, tmp.base[k]);
			room = (n - i) * 4 + 64, used = 0;
			d = arena_reserve(out, room);
		} else {
			memcpy(d + used, sc->b, sc->len);
			used += sc->len;
		}
		i += (size_t)l;
	}
	arena_commit(out, used);
	arena_free(&tmp);
	return clean;
}

#ifdef SKEL_SIMD
__attribute__((target("ssse3"))) static bool
skel_ssse3(struct arena *out, const char *s, size_t n)
{
	return skel_body(out, s, n, true);
}
#endif

bool
scan_skeleton(struct arena *out, const char *s, size_t n)
{
	skel_init();
#ifdef SKEL_SIMD
	if (simd_ok)
		return skel_ssse3(out, s, n);
#endif
	return skel_body(out, s, n, false);
}

/* s[0..n) without its spaces, in a new string; *len its length. */
static char *
no_spaces(const char *s, size_t n, size_t *len)
{
	char *d = xmalloc(n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ')
			d[k++] = s[i];
	d[k] = '\0';
	*len = k;
	return d;
}

void
scan_needles(const struct query *q, struct needles *nd)
{
	memset(nd, 0, sizeof *nd);
	nd->term = xcalloc(q->n ? q->n : 1, sizeof *nd->term);
	size_t best = 0;
	for (size_t i = 0; i < q->n; i++) {
		const struct term *tm = &q->terms[i];
		struct needle_term *t = &nd->term[nd->n];
		if (tm->digits) {
			/* A leading 0 may be written +33 or 0033: the digits after
			 * it, each maybe a space apart. */
			size_t skip = tm->text[0] == '0';
			t->alt[0] = no_spaces(tm->text + skip, tm->len - skip, &t->len[0]);
		} else {
			t->alt[0] = no_spaces(tm->text, tm->len, &t->len[0]);
			if (tm->alt)
				t->alt[1] = no_spaces(tm->alt, tm->alt_len, &t->len[1]);
		}
		size_t shortest = t->len[0];
		if (t->alt[1] && t->len[1] < shortest)
			shortest = t->len[1];
		if (shortest == 0) {	/* found in anything */
			free(t->alt[0]);
			free(t->alt[1]);
			memset(t, 0, sizeof *t);
			continue;
		}
		if (shortest > best)
			best = shortest, nd->lead = nd->n;
		nd->n++;
	}
}

void
scan_needles_free(struct needles *nd)
{
	for (size_t i = 0; i < nd->n; i++) {
		free(nd->term[i].alt[0]);
		free(nd->term[i].alt[1]);
	}
	free(nd->term);
	memset(nd, 0, sizeof *nd);
}

bool
scan_needles_in(const struct needles *nd, const char *k, size_t n, size_t skip)
{
	for (size_t i = 0; i < nd->n; i++) {
		if (i == skip)
			continue;
		const struct needle_term *t = &nd->term[i];
		if (!memmem(k, n, t->alt[0], t->len[0]) &&
		    !(t->alt[1] && memmem(k, n, t->alt[1], t->len[1])))
			return false;
	}
	return true;
}
