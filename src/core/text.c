/* SPDX-License-Identifier: MIT
 * text: UTF-8 decoding, display width and search folding (via utf8proc). */
#include "text.h"

#include <string.h>
#include <utf8proc.h>
#include <wchar.h>

#include "i18n.h"
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

/* What separates words for the search, on both sides: spaces and line
 * breaks, hyphens, apostrophes, dots, slashes and the rest of punctuation
 * (after fold_cp, typographic dashes and apostrophes are plain ones). */
static bool
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

size_t
text_fold(struct arena *out, const char *s, size_t n, uint32_t *map)
{
	size_t start = out->len;
	size_t i = 0;
	char *d = arena_reserve(out, n + 32);
	size_t room = n + 32, used = 0;
	bool sep = false;	/* the last byte written is a separator's space */
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (room - used < 32) {
			arena_commit(out, used);
			d = arena_reserve(out, (n - i) * 2 + 64);
			room = (n - i) * 2 + 64;
			used = 0;
		}
		int32_t cp = c;
		int len = 1, k;
		if (c < 0x80) {
			d[used] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			k = 1;
		} else {
			len = text_decode(s + i, n - i, &cp);
			k = cp < 0 ? text_encode(0xFFFD, d + used) : fold_cp(cp, d + used);
		}
		/* A run of separators is one space. */
		if (k == 1 && is_word_sep((unsigned char)d[used])) {
			if (sep) {
				i += (size_t)len;
				continue;
			}
			d[used] = ' ';
			sep = true;
		} else if (k > 0) {
			sep = false;
		}
		if (map)
			for (int j = 0; j < k; j++)
				map[out->len + used - start + (size_t)j] = (uint32_t)i;
		used += (size_t)k;
		i += (size_t)len;
	}
	arena_commit(out, used);
	if (map)
		map[out->len - start] = (uint32_t)n;
	return out->len - start;
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
