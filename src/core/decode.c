/* SPDX-License-Identifier: MIT
 * decode: encoding detection, iconv conversion, placeholder substitution. */
#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"

/* Bytes iconv could not convert are emitted as this (never valid UTF-8), so
 * the sanitising pass reports them with their line like any bad sequence. */
#define BAD_BYTE '\xff'

static bool
is_bidi_control(int32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x061C || cp == 0x200E || cp == 0x200F;
}

enum bad { BAD_NONE, BAD_BYTES, BAD_CONTROL, BAD_BIDI, BAD_COUNT };

void
decode_sanitize(struct table *t, const char *s, size_t n, uint32_t line, struct arena *out)
{
	uint32_t warned_line[BAD_COUNT] = {0};
	size_t i = 0;
	while (i < n) {
		size_t run = i;
		/* Fast path: printable ASCII, tab and line breaks pass as they are. */
		while (run < n) {
			unsigned char c = (unsigned char)s[run];
			if (c >= 0x20 && c < 0x7f)
				run++;
			else if (c == '\n' || c == '\t')
				run++, line += c == '\n';
			else if (c == '\r')
				run++, line += !(run < n && s[run] == '\n');
			else
				break;
		}
		arena_append(out, s + i, run - i);
		i = run;
		if (i >= n)
			break;
		int32_t cp;
		int len = text_decode(s + i, n - i, &cp);
		enum bad bad = BAD_NONE;
		int32_t repl = 0xFFFD;
		if (cp < 0)
			bad = BAD_BYTES;
		else if (cp < 0x20)
			bad = BAD_CONTROL, repl = 0x2400 + cp;	/* ␀..␟ */
		else if (cp == 0x7f)
			bad = BAD_CONTROL, repl = 0x2421;	/* ␡ */
		else if (cp >= 0x80 && cp < 0xa0)
			bad = BAD_CONTROL;
		else if (is_bidi_control(cp))
			bad = BAD_BIDI;
		if (bad == BAD_NONE) {
			arena_append(out, s + i, (size_t)len);
		} else {
			char enc[4];
			arena_append(out, enc, (size_t)text_encode(repl, enc));
			if (t && warned_line[bad] != line) {
				warned_line[bad] = line;
				if (bad == BAD_BYTES)
					table_warn(t, line, "invalid %s byte sequence replaced with U+FFFD",
					    t->encoding);
				else if (bad == BAD_CONTROL)
					table_warn(t, line, "control character U+%04X replaced with a placeholder",
					    (unsigned)cp);
				else
					table_warn(t, line, "bidirectional control U+%04X replaced with U+FFFD",
					    (unsigned)cp);
			}
		}
		i += (size_t)len;
	}
}

char *
decode_safe_str(const char *s)
{
	struct arena a = {0};
	decode_sanitize(NULL, s, strlen(s), 1, &a);
	for (size_t i = 0; i < a.len; i++)
		if (a.base[i] == '\n' || a.base[i] == '\r' || a.base[i] == '\t')
			a.base[i] = ' ';
	arena_putc(&a, '\0');
	return a.base;
}

/* Converts with iconv into out; unconvertible input becomes BAD_BYTE. */
static int
convert(struct table *t, const char *from, const char *buf, size_t n,
    size_t unit, struct arena *out, struct err *e)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1) {
		char *safe = decode_safe_str(from);
		err_set(e, "%s: unknown encoding '%s' (see 'iconv -l')", t->source, safe);
		free(safe);
		return -1;
	}
	char *in = (char *)buf;
	size_t inleft = n;
	while (inleft > 0) {
		size_t room = inleft * 4 + 16;
		char *o = arena_reserve(out, room);
		char *o0 = o;
		size_t oleft = room;
		size_t r = iconv(cd, &in, &inleft, &o, &oleft);
		arena_commit(out, (size_t)(o - o0));
		if (r == (size_t)-1) {
			if (errno == E2BIG)
				continue;
			/* EILSEQ, or EINVAL for a truncated sequence at the end. */
			arena_putc(out, BAD_BYTE);
			size_t skip = unit < inleft ? unit : inleft;
			in += skip;
			inleft -= skip;
			iconv(cd, NULL, NULL, NULL, NULL);
		}
	}
	iconv_close(cd);
	return 0;
}

static bool
is_utf8_name(const char *enc)
{
	return strcasecmp(enc, "UTF-8") == 0 || strcasecmp(enc, "UTF8") == 0;
}

/* Whether s is valid UTF-8 with nothing to replace (no control other than
 * tab and line breaks, no C1, no bidi control). */
static bool
is_clean(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f) {
			i++;
			continue;
		}
		if (c == '\n' || c == '\r' || c == '\t') {
			i++;
			continue;
		}
		if (c < 0x80)
			return false;
		int32_t cp;
		int l = text_decode(s + i, n - i, &cp);
		if (cp < 0xa0 || is_bidi_control(cp))
			return false;
		i += (size_t)l;
	}
	return true;
}

int
decode_input(struct table *t, const char *buf, size_t n, const char *forced,
    struct arena *out, const char **clean, size_t *clean_len, struct err *e)
{
	struct arena conv = {0};
	const char *text = buf;
	size_t len = n;

	bool bom8 = n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 &&
	    (!forced || is_utf8_name(forced));
	if (bom8) {
		text += 3, len -= 3;
	} else if (n >= 2 && (memcmp(buf, "\xFF\xFE", 2) == 0 || memcmp(buf, "\xFE\xFF", 2) == 0) &&
	    (!forced || strncasecmp(forced, "UTF-16", 6) == 0)) {
		const char *enc = buf[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
		snprintf(t->encoding, sizeof t->encoding, "%s", enc);
		snprintf(t->notice, sizeof t->notice, "converted from %s (byte order mark)", enc);
		if (convert(t, enc, buf + 2, n - 2, 2, &conv, e) < 0)
			return -1;
		text = conv.base ? conv.base : "", len = conv.len;
	} else if (forced && !is_utf8_name(forced)) {
		snprintf(t->encoding, sizeof t->encoding, "%s", forced);
		if (convert(t, forced, buf, n, 1, &conv, e) < 0)
			return -1;
		text = conv.base ? conv.base : "", len = conv.len;
	}
	if (!conv.base) {	/* UTF-8 so far, with or without BOM */
		if (is_clean(text, len)) {	/* the common case: one pass, no copy */
			*clean = text, *clean_len = len;
			return 0;
		}
		const char *z = memchr(text, '\0', len);
		if (z) {
			size_t line = 1;
			for (const char *p = text; p < z; p++)
				line += *p == '\n' || (*p == '\r' && p[1] != '\n');
			return err_set(e, "%s:%zu: binary data (NUL byte): not a text CSV file "
			    "(for UTF-16 without a byte order mark, use --encoding UTF-16LE)",
			    t->source, line);
		}
		size_t valid_multi = 0, high = 0;
		for (size_t i = 0; i < len;) {
			unsigned char c = (unsigned char)text[i];
			if (c < 0x80) {
				i++;
				continue;
			}
			int32_t cp;
			int l = text_decode(text + i, len - i, &cp);
			if (cp >= 0)
				valid_multi++;
			else
				high++;
			i += (size_t)l;
		}
		if (!forced && !bom8 && valid_multi == 0 && high > 0) {
			strcpy(t->encoding, "WINDOWS-1252");
			snprintf(t->notice, sizeof t->notice,
			    "no UTF-8 text found: read as Windows-1252 (use --encoding to choose another)");
			if (convert(t, "WINDOWS-1252", buf, n, 1, &conv, e) < 0)
				return -1;
			text = conv.base ? conv.base : "", len = conv.len;
		}
	}
	decode_sanitize(t, text, len, 1, out);
	arena_free(&conv);
	*clean = out->base ? out->base : "", *clean_len = out->len;
	return 0;
}
