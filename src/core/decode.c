/* SPDX-License-Identifier: MIT
 * decode: encoding detection and iconv conversion; the clean check, with a
 * fast path for ASCII (simd.h) held equal to its plain loop (reference.h). */
#define _GNU_SOURCE
#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "reference.h"
#include "simd.h"
#include "text.h"

/* Bytes iconv could not convert are emitted as this (never valid UTF-8), so
 * the sanitising pass reports them with their line like any bad sequence. */
#define BAD_BYTE '\xff'

/* Converts with iconv into out; unconvertible input becomes BAD_BYTE. */
static int
convert(const char *source, const char *from, const char *buf, size_t n,
    size_t unit, struct arena *out, struct err *e)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1) {
		char *safe = sanitize_str(from);
		err_at(e, source, 0, _("unknown encoding '%s' (see 'iconv -l')"), safe);
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

/* Whether a valid UTF-8 sequence is one that text in French (or another
 * language written in Latin letters) is made of: the letters of Latin-1
 * (C3 xx), œ and Œ (C5 92, C5 93), typographic quotes, dashes, the ellipsis
 * and the euro sign (E2 80 xx, E2 82 AC). Their bytes read in Windows-1252
 * are "Ã©", "Å“", "â€™": never in a real export. */
static bool
typical_of_latin_utf8(int32_t cp)
{
	return (cp >= 0xC0 && cp <= 0xFF) || cp == 0x152 || cp == 0x153 ||
	    (cp >= 0x2013 && cp <= 0x201E) || cp == 0x2026 || cp == 0x20AC;
}

/* The size of one code unit of an encoding: what to skip past one that
 * cannot be converted (one byte would put every later unit out of step). */
static size_t
code_unit(const char *enc)
{
	if (strcasestr(enc, "UTF-32") || strcasestr(enc, "UTF32") || strcasestr(enc, "UCS-4") ||
	    strcasestr(enc, "UCS4"))
		return 4;
	if (strcasestr(enc, "UTF-16") || strcasestr(enc, "UTF16") || strcasestr(enc, "UCS-2") ||
	    strcasestr(enc, "UCS2"))
		return 2;
	return 1;
}

static bool
is_utf8_name(const char *enc)
{
	return strcasecmp(enc, "UTF-8") == 0 || strcasecmp(enc, "UTF8") == 0;
}

/* The reference (reference.h): one character at a time. */
bool
decode_is_clean_ref(const char *s, size_t n)
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
		if (cp < 0xa0 || text_is_bidi_control(cp))
			return false;
		i += (size_t)l;
	}
	return true;
}

/* The same answer: runs of plain ASCII skipped by simd_plain_run(), then
 * one character decoded; two-byte sequences (lead C2..DF, one continuation
 * byte: always valid, U+0080..U+07FF, the accented letters of French) here
 * rather than by a call. */
bool
decode_is_clean(const char *s, size_t n)
{
	if (simd_level() == SIMD_SCALAR)	/* a call per run would only slow it */
		return decode_is_clean_ref(s, n);
	simd_run_fn *plain_run = simd_plain_run_fn();
	for (size_t i = 0; i < n;) {
		i += plain_run(s + i, n - i);
		if (i == n)
			break;
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80)
			return false;	/* a control, or DEL */
		int32_t cp;
		size_t l;
		if (c >= 0xc2 && c <= 0xdf && i + 1 < n && ((unsigned char)s[i + 1] & 0xc0) == 0x80) {
			cp = (int32_t)(c & 0x1f) << 6 | ((unsigned char)s[i + 1] & 0x3f);
			l = 2;
		} else {
			l = (size_t)text_decode(s + i, n - i, &cp);
		}
		if (cp < 0xa0 || text_is_bidi_control(cp))
			return false;
		i += l;
	}
	return true;
}

int
decode_input(const char *source, const char *buf, size_t n, const char *forced,
    const struct warn_sink *w, struct arena *out, struct decoded *d, struct err *e)
{
	struct arena conv = {0};
	const char *text = buf;
	size_t len = n;
	snprintf(d->encoding, sizeof d->encoding, "UTF-8");
	d->notice[0] = '\0';

	bool bom8 = n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 &&
	    (!forced || is_utf8_name(forced));
	if (bom8) {
		text += 3, len -= 3;
	} else if (n >= 2 && (memcmp(buf, "\xFF\xFE", 2) == 0 || memcmp(buf, "\xFE\xFF", 2) == 0) &&
	    (!forced || strncasecmp(forced, "UTF-16", 6) == 0)) {
		const char *enc = buf[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
		snprintf(d->encoding, sizeof d->encoding, "%s", enc);
		snprintf(d->notice, sizeof d->notice, _("converted from %s (byte order mark)"), enc);
		if (convert(source, enc, buf + 2, n - 2, 2, &conv, e) < 0)
			return -1;
		text = conv.base ? conv.base : "", len = conv.len;
	} else if (forced && !is_utf8_name(forced)) {
		char *safe = sanitize_str(forced);	/* it is printed: --check, warnings */
		snprintf(d->encoding, sizeof d->encoding, "%s", safe);
		free(safe);
		if (convert(source, forced, buf, n, code_unit(forced), &conv, e) < 0)
			return -1;
		text = conv.base ? conv.base : "", len = conv.len;
	}
	if (!conv.base) {	/* UTF-8 so far, with or without BOM */
		if (decode_is_clean(text, len)) {	/* the common case: one pass, no copy */
			d->text = text, d->len = len;
			return 0;
		}
		const char *z = memchr(text, '\0', len);
		if (z) {
			size_t line = 1;
			for (const char *p = text; p < z; p++)
				line += *p == '\n' || (*p == '\r' && p[1] != '\n');
			return err_at(e, source, line, "%s", _("binary data (NUL byte): not a text CSV "
			    "file (for UTF-16 without a byte order mark, use --encoding UTF-16LE)"));
		}
		size_t valid_multi = 0, typical = 0, high = 0;
		for (size_t i = 0; i < len;) {
			unsigned char c = (unsigned char)text[i];
			if (c < 0x80) {
				i++;
				continue;
			}
			int32_t cp;
			int l = text_decode(text + i, len - i, &cp);
			if (cp >= 0)
				valid_multi++, typical += typical_of_latin_utf8(cp);
			else
				high++;
			i += (size_t)l;
		}
		/* The balance over the whole text, not the first sequence. In a
		 * Windows-1252 export an upper-case accented letter before a
		 * no-break space or a guillemet (É + NBSP: C9 A0) makes a valid
		 * UTF-8 pair, while every é before a letter is invalid. A UTF-8
		 * file damaged here and there has more valid sequences than
		 * broken ones, or at least the sequences French UTF-8 is made of
		 * (é is C3 A9, read in Windows-1252 as "Ã©", which no French
		 * export holds). */
		if (!forced && !bom8 && high > valid_multi && typical == 0) {
			strcpy(d->encoding, "WINDOWS-1252");
			snprintf(d->notice, sizeof d->notice, "%s", valid_multi == 0 ?
			    _("no UTF-8 text found: read as Windows-1252 (use --encoding to choose "
			    "another)") :
			    _("mostly not UTF-8: read as Windows-1252 (use --encoding to choose another)"));
			if (convert(source, "WINDOWS-1252", buf, n, 1, &conv, e) < 0)
				return -1;
			text = conv.base ? conv.base : "", len = conv.len;
		}
	}
	sanitize_append(out, text, len, 1, d->encoding, w);
	arena_free(&conv);
	d->text = out->base ? out->base : "", d->len = out->len;
	return 0;
}
