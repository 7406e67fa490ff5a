/* SPDX-License-Identifier: MIT
 * text: UTF-8 decoding, display width and search folding (via utf8proc).
 * Folding has a fast path for ASCII (simd.h), held byte for byte equal to
 * the plain loop it started from (text_fold_ref, reference.h). */
#include "text.h"

#include <pthread.h>
#include <string.h>
#include <utf8proc.h>
#include <wchar.h>

#include "i18n.h"
#include "reference.h"
#include "simd.h"
#include "util.h"

bool
text_is_control(int32_t cp)
{
	return (cp >= 0 && cp < 0x20) || cp == 0x7f || (cp >= 0x80 && cp < 0xa0);
}

bool
text_is_bidi_control(int32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x061C || cp == 0x200E || cp == 0x200F;
}

void
text_oneline(char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		s[i] = text_oneline_char(s[i]);
}

int
text_decode(const char *s, size_t n, int32_t *cp)
{
	unsigned char c = (unsigned char)s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    n > 4 ? 4 : (utf8proc_ssize_t)n, cp);
	if (len < 1) {
		*cp = -1;
		return 1;
	}
	return (int)len;
}

int
text_encode(int32_t cp, char *out)
{
	return (int)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

int
text_cp_width(int32_t cp)
{
	if (cp >= 0x20 && cp < 0x7f)
		return 1;
	if (cp == '\n' || cp == '\r' || cp == '\t')
		return 1;
	int w = wcwidth((wchar_t)cp);
	if (w >= 0)
		return w;
	w = utf8proc_charwidth(cp);
	return w < 0 ? 1 : w;
}

int
text_width(const char *s, size_t n)
{
	int w = 0;
	text_fit(s, n, 1 << 30, &w);
	return w;
}

size_t
text_fit(const char *s, size_t n, int maxcols, int *used)
{
	size_t i = 0;
	int cols = 0;
	while (i < n) {
		int32_t cp;
		int len = text_decode(s + i, n - i, &cp);
		int w = cp < 0 ? 1 : text_cp_width(cp);
		if (cols + w > maxcols)
			break;
		cols += w;
		i += (size_t)len;
	}
	if (used)
		*used = cols;
	return i;
}

/* The folded form of one non-ASCII code point, into dst (up to 32 bytes). */
static int
fold_cp(int32_t cp, char *dst)
{
	switch (cp) {
	case 0x0152: case 0x0153: memcpy(dst, "oe", 2); return 2; /* Œ œ */
	case 0x00C6: case 0x00E6: memcpy(dst, "ae", 2); return 2; /* Æ æ */
	case 0x2018: case 0x2019: case 0x201B: case 0x02BC: case 0x2032:
	case 0x00B4: case 0x0060:
		dst[0] = '\''; return 1;
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2212:
		dst[0] = '-'; return 1;
	case 0x00A0: case 0x202F: case 0x2007: case 0x2009:
	case 0x00AB: case 0x00BB: case 0x2039: case 0x203A:	/* « » ‹ › */
	case 0x201C: case 0x201D: case 0x201E:		/* “ ” „ */
	case 0x2026:					/* … */
	case 0x2022: case 0x00B7: case 0x2023: case 0x2027:	/* bullets: CR•DSU */
		dst[0] = ' '; return 1;
	default:
		break;
	}
	utf8proc_int32_t buf[18];
	utf8proc_ssize_t k = utf8proc_decompose_char(cp, buf, 18,
	    UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK |
	    UTF8PROC_IGNORE, NULL);
	if (k < 0 || k > 18)
		return text_encode(cp, dst);
	int len = 0;
	for (utf8proc_ssize_t j = 0; j < k && len <= 28; j++) {
		int32_t c = buf[j];
		if (c == 0x0153 || c == 0x00E6) {	/* from a compatibility form */
			dst[len++] = c == 0x0153 ? 'o' : 'a';
			dst[len++] = 'e';
			continue;
		}
		len += text_encode(c, dst + len);
	}
	return len;
}

/* fold_cp() of every code point of two bytes in UTF-8 (U+0080..U+07FF:
 * the accented letters of the Latin alphabets, Greek, Cyrillic...), worked
 * out once for text_fold(): fold_cp() calls utf8proc, which took most of
 * the time of folding French text. The same function fills the table, so
 * the folds cannot differ. A fold longer than 7 bytes (none is known) is
 * marked len 0xff and asked of fold_cp() each time. Built once by the
 * first text_fold() of any thread (pthread_once). */
struct fold2 {
	uint8_t len;
	char s[7];
};
static struct fold2 fold2[0x800 - 0x80];
static pthread_once_t fold2_once = PTHREAD_ONCE_INIT;

/* The entry of fold2 for the character at s + i (i < n), or NULL when it
 * is not two bytes long or its fold is not there. */
static inline const struct fold2 *
fold2_of(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	if (c < 0xc2 || c > 0xdf || i + 1 >= n || ((unsigned char)s[i + 1] & 0xc0) != 0x80)
		return NULL;	/* lead C2..DF and one continuation byte: always valid */
	unsigned cp = (unsigned)(c & 0x1f) << 6 | ((unsigned char)s[i + 1] & 0x3f);
	const struct fold2 *e = &fold2[cp - 0x80];
	return e->len != 0xff ? e : NULL;
}

static void
fold2_build(void)
{
	for (int32_t cp = 0x80; cp < 0x800; cp++) {
		char buf[32];
		int k = fold_cp(cp, buf);
		fold2[cp - 0x80].len = (uint8_t)(k <= 7 ? k : 0xff);
		if (k <= 7)
			memcpy(fold2[cp - 0x80].s, buf, (size_t)k);
	}
}

/* What separates words for the search, on both sides: spaces and line
 * breaks, hyphens, apostrophes, dots, slashes and the rest of punctuation
 * (after fold_cp, typographic dashes and apostrophes are plain ones). */
static inline bool
is_word_sep(unsigned char c)
{
	switch (c) {
	case ' ': case '\t': case '\n': case '\r': case '-': case '\'': case '.': case '/':
	case ',': case ';': case ':': case '(': case ')': case '_': case '"': case '!': case '?':
		return true;
	default:
		return false;
	}
}

/* Where text_fold() writes: the output block reserved in the arena, and
 * the state of the separator rule. */
struct folding {
	struct arena *out;
	size_t start;		/* out->len when the fold began */
	char *d;		/* reserved room: used bytes written, room in all */
	size_t room, used;
	bool sep;		/* the last byte written is a separator's space */
};

/* Keeps at least 32 bytes of room (one character's fold) for the n - i
 * bytes of input still to fold. */
static inline void
fold_room(struct folding *f, size_t n, size_t i)
{
	if (f->room - f->used < 32) {
		arena_commit(f->out, f->used);
		f->room = (n - i) * 2 + 64;
		f->d = arena_reserve(f->out, f->room);
		f->used = 0;
	}
}

/* Folds the one character at s + i (fold_room() done); returns its length
 * in bytes. fast: two-byte characters from fold2 (built), else everything
 * as it always was. Always inline: a call for each character cost more
 * than the work (fast is then a constant). */
static inline __attribute__((always_inline)) size_t
fold_char(struct folding *f, const char *s, size_t n, size_t i, uint32_t *map, bool fast)
{
	unsigned char c = (unsigned char)s[i];
	char *d = f->d + f->used;
	int32_t cp = c;
	int len = 1, k;
	const struct fold2 *e;
	if (c < 0x80) {
		d[0] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		k = 1;
	} else if (fast && (e = fold2_of(s, n, i)) != NULL) {
		len = 2;
		k = e->len;
		memcpy(d, e->s, sizeof e->s);	/* room: 32 bytes */
	} else {
		len = text_decode(s + i, n - i, &cp);
		k = cp < 0 ? text_encode(0xFFFD, d) : fold_cp(cp, d);
	}
	/* A run of separators is one space. */
	if (k == 1 && is_word_sep((unsigned char)d[0])) {
		if (f->sep)
			return (size_t)len;
		d[0] = ' ';
		f->sep = true;
	} else if (k > 0) {
		f->sep = false;
	}
	if (map)
		for (int j = 0; j < k; j++)
			map[f->out->len + f->used - f->start + (size_t)j] = (uint32_t)i;
	f->used += (size_t)k;
	return (size_t)len;
}

static void
fold_begin(struct folding *f, struct arena *out, size_t n)
{
	f->out = out;
	f->start = out->len;
	f->room = n + 32;
	f->d = arena_reserve(out, f->room);
	f->used = 0;
	f->sep = false;
}

static size_t
fold_end(struct folding *f, size_t n, uint32_t *map)
{
	arena_commit(f->out, f->used);
	if (map)
		map[f->out->len - f->start] = (uint32_t)n;
	return f->out->len - f->start;
}

/* One character at a time; fast: those of two bytes from fold2 (built). */
static inline __attribute__((always_inline)) size_t
fold_chars(struct arena *out, const char *s, size_t n, uint32_t *map, bool fast)
{
	struct folding f;
	fold_begin(&f, out, n);
	for (size_t i = 0; i < n;) {
		fold_room(&f, n, i);
		i += fold_char(&f, s, n, i, map, fast);
	}
	return fold_end(&f, n, map);
}

/* The reference (reference.h): every character as it always was. */
size_t
text_fold_ref(struct arena *out, const char *s, size_t n, uint32_t *map)
{
	return fold_chars(out, s, n, map, false);
}

size_t
text_fold(struct arena *out, const char *s, size_t n, uint32_t *map)
{
	pthread_once(&fold2_once, fold2_build);
#ifdef SIMD_HAVE_FOLD16
	if (simd_level() < SIMD_SSE2)
		return fold_chars(out, s, n, map, true);
	/* Blocks of 16 bytes. A block's start that is all ASCII, with no
	 * separator after a separator (nor first, after one), folds byte for
	 * byte as simd_fold16() wrote it; the character that ends it goes
	 * through fold_char() like any other. */
	struct folding f;
	fold_begin(&f, out, n);
	for (size_t i = 0; i < n;) {
		fold_room(&f, n, i);
		__m128i v = n - i >= 16 ? _mm_loadu_si128((const __m128i *)(const void *)(s + i)) :
		    simd_load_end(s + i, n - i);
		uint32_t seps, ascii = simd_fold16(v, f.d + f.used, &seps);
		uint32_t bad = ~ascii | (seps & seps << 1) | (f.sep ? seps & 1 : 0);
		size_t p = (size_t)__builtin_ctz(bad);	/* bits 16 and up of ~ascii are set */
		if (p) {
			if (map)
				for (size_t j = 0, at = f.out->len + f.used - f.start; j < p; j++)
					map[at + j] = (uint32_t)(i + j);
			f.sep = seps >> (p - 1) & 1;
			f.used += p;
			i += p;
			if (p == 16 || i == n)
				continue;
			fold_room(&f, n, i);
		}
		i += fold_char(&f, s, n, i, map, true);
	}
	return fold_end(&f, n, map);
#else
	return fold_chars(out, s, n, map, true);
#endif
}

char *
text_fold_str(const char *s)
{
	struct arena a = {0};
	text_fold(&a, s, strlen(s), NULL);
	arena_putc(&a, '\0');
	return a.base;
}

size_t
text_cut(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	size_t k = max;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	return k;
}

int
text_ascii(int32_t cp, char out[4])
{
	static const struct {
		int32_t cp;
		const char *s;
	} table[] = {
		{0x00AB, "\""}, {0x00BB, "\""}, {0x201C, "\""}, {0x201D, "\""},
		{0x201E, "\""}, {0x2039, "'"}, {0x203A, "'"}, {0x2018, "'"},
		{0x2019, "'"}, {0x201A, "'"}, {0x2032, "'"}, {0x2033, "\""},
		{0x2022, "*"}, {0x00B7, "*"}, {0x2023, "*"}, {0x25B8, ">"},
		{0x2026, "..."}, {0x20AC, "EUR"}, {0x00A9, "(c)"}, {0x00AE, "(R)"},
		{0x00B0, "o"}, {0x00D7, "x"}, {0x00F7, "/"}, {0x2192, "->"},
		{0x2190, "<-"}, {0x2191, "^"}, {0x2193, "v"},
		{0x0152, "OE"}, {0x0153, "oe"}, {0x00C6, "AE"}, {0x00E6, "ae"},
		{0x00DF, "ss"}, {0x00D8, "O"}, {0x00F8, "o"}, {0x0141, "L"},
		{0x0142, "l"}, {0x0110, "D"}, {0x0111, "d"}, {0x00D0, "D"},
		{0x00F0, "d"}, {0x00DE, NT_("Th")}, {0x00FE, "th"}, {0x0131, "i"},
		{0x2400 + 0x1B, "^["}, {0xFFFD, "?"},
	};
	out[0] = '\0';
	if (cp >= 0x20 && cp < 0x7F) {
		out[0] = (char)cp, out[1] = '\0';
		return 1;
	}
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (table[i].cp == cp) {
			size_t n = strlen(table[i].s);
			memcpy(out, table[i].s, n + 1);
			return (int)n;
		}
	if (cp >= 0x2010 && cp <= 0x2015) {	/* hyphens and dashes */
		memcpy(out, "-", 2);
		return 1;
	}
	utf8proc_category_t cat = utf8proc_category(cp);
	if (cat == UTF8PROC_CATEGORY_ZS) {	/* no-break and thin spaces */
		memcpy(out, " ", 2);
		return 1;
	}
	if (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_ME
	    || cat == UTF8PROC_CATEGORY_CF || text_cp_width(cp) == 0)
		return 0;
	utf8proc_int32_t buf[8];
	utf8proc_ssize_t k = utf8proc_decompose_char(cp, buf, 8,
	    UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK, NULL);
	int n = 0;
	for (utf8proc_ssize_t i = 0; i < k && n < 3; i++)
		if (buf[i] >= 0x20 && buf[i] < 0x7F)
			out[n++] = (char)buf[i];
		else
			break;
	if (n == 0 || n < k)
		out[0] = '?', n = 1;
	out[n] = '\0';
	return n;
}
