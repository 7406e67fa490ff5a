/* SPDX-License-Identifier: MIT
 * fuzz_text: libFuzzer target for the text layer (src/core/text.h,
 * src/core/sanitize.h), judged against a strict UTF-8 decoder of its own
 * (fuzz_common.c). The input is any bytes:
 *  - text_decode at every byte offset agrees with that decoder (code point
 *    and length; length 1 for an invalid byte), and text_encode gives the
 *    bytes back; code points built from the input's bytes round-trip
 *    through text_encode and text_decode; text_is_control and
 *    text_is_bidi_control are the forbidden set;
 *  - text_cp_width in 0..2, text_width the sum of the widths;
 *  - text_fit for a range of widths: never splits a character, the columns
 *    it reports are those of the bytes it keeps and at most the maximum, and
 *    the next character would not fit;
 *  - text_fold with a map of 16 * n + 1 entries (its documented worst
 *    case): the map non-decreasing, each entry a character start within
 *    the input, the last one n; the output valid UTF-8 without capitals,
 *    tabs or line breaks; the same without the map, the same through
 *    text_fold_str, and the concatenation of each character folded alone;
 *  - the fast paths for clean text (core/simd.h) at every vector level this
 *    processor runs: text_fold equal to text_fold_ref (bytes, length and
 *    map, at every start offset of the input: every alignment and end of
 *    a block), decode_is_clean to decode_is_clean_ref (core/reference.h);
 *  - text_ascii of every code point met: printable ASCII, at most 3 bytes,
 *    its length returned;
 *  - sanitize_str and sanitize_append: exactly the input with each invalid
 *    byte, control and bidi control replaced (placeholders of sanitize.h),
 *    so valid UTF-8 with no control (but tab and line breaks for
 *    sanitize_append; none at all for sanitize_str); sanitize_append's
 *    warnings: one per kind and line, with the right line and text.
 * The locale is C.UTF-8, as for the program on a UTF-8 terminal.
 * -max_len 4096 (make test and make fuzz). */
#include <locale.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/reference.h"
#include "core/sanitize.h"
#include "core/simd.h"
#include "core/text.h"
#include "core/util.h"
#include "fuzz_common.h"

const char fuzz_target[] = "fuzz_text";

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

/* start[i]: whether byte i of s[0..n) starts a character (start[n] too). */
static bool *
char_starts(const char *s, size_t n)
{
	bool *start = xcalloc(n + 1, sizeof *start);
	for (size_t i = 0; i < n;) {
		int32_t cp;
		start[i] = true;
		i += (size_t)fuzz_utf8(s + i, n - i, &cp);
	}
	start[n] = true;
	return start;
}

static void
check_cp(int32_t cp)
{
	char buf[8];
	int len = text_encode(cp, buf);
	if (len < 1 || len > 4)
		fuzz_fail("text_encode(U+%04lX) wrote %d bytes", (unsigned long)cp, len);
	int32_t back, mine;
	int l2 = text_decode(buf, (size_t)len, &back);
	int l3 = fuzz_utf8(buf, (size_t)len, &mine);
	if (l2 != len || back != cp || l3 != len || mine != cp)
		fuzz_fail("U+%04lX encoded in %d bytes decodes as U+%04lX (%d bytes; "
		    "strictly: U+%04lX, %d)", (unsigned long)cp, len, (unsigned long)back, l2,
		    (unsigned long)mine, l3);
	if ((text_is_control(cp) || text_is_bidi_control(cp)) != fuzz_forbidden(cp, false))
		fuzz_fail("U+%04lX: text_is_control %d, text_is_bidi_control %d", (unsigned long)cp,
		    text_is_control(cp), text_is_bidi_control(cp));
	int w = text_cp_width(cp);
	if (w < 0 || w > 2)
		fuzz_fail("text_cp_width(U+%04lX) = %d", (unsigned long)cp, w);
	char a[4];
	memset(a, 'X', sizeof a);
	int an = text_ascii(cp, a);
	if (an < 0 || an > 3 || memchr(a, '\0', 4) == NULL || strlen(a) != (size_t)an)
		fuzz_fail("text_ascii(U+%04lX) returned %d for a string of %zu", (unsigned long)cp,
		    an, memchr(a, '\0', 4) ? strlen(a) : (size_t)4);
	for (int i = 0; i < an; i++)
		if (a[i] < 0x20 || a[i] > 0x7e)
			fuzz_fail("text_ascii(U+%04lX) wrote byte 0x%02x", (unsigned long)cp,
			    (unsigned char)a[i]);
	if (cp >= 0x20 && cp < 0x7f && (an != 1 || a[0] != (char)cp))
		fuzz_fail("text_ascii('%c') is '%s'", (char)cp, a);
}

static void
check_decode(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int32_t cp, mine;
		int len = text_decode(s + i, n - i, &cp);
		int ml = fuzz_utf8(s + i, n - i, &mine);
		if (len != ml || cp != mine)
			fuzz_fail("text_decode at byte %zu: U+%04lX in %d bytes, strictly U+%04lX in %d",
			    i, (unsigned long)cp, len, (unsigned long)mine, ml);
		if (cp >= 0) {
			char buf[8];
			if (text_encode(cp, buf) != len || memcmp(buf, s + i, (size_t)len) != 0)
				fuzz_fail("U+%04lX at byte %zu encodes back differently",
				    (unsigned long)cp, i);
			check_cp(cp);
		}
	}
	/* Code points from the bytes, three at a time: every plane. */
	for (size_t i = 0; i + 3 <= n; i += 3) {
		const unsigned char *u = (const unsigned char *)s + i;
		int32_t cp = (int32_t)(((uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2]) % 0x110000);
		if (cp < 0xd800 || cp > 0xdfff)
			check_cp(cp);
	}
}

/* Columns of s[0..n) as the decoder counts them: text_cp_width, 1 for an
 * invalid byte. */
static int
width_of(const char *s, size_t n)
{
	int w = 0;
	for (size_t i = 0; i < n;) {
		int32_t cp;
		i += (size_t)fuzz_utf8(s + i, n - i, &cp);
		w += cp < 0 ? 1 : text_cp_width(cp);
	}
	return w;
}

static void
check_fit(const char *s, size_t n, const bool *start)
{
	int total = text_width(s, n);
	if (total != width_of(s, n))
		fuzz_fail("text_width %d, the sum of the widths %d", total, width_of(s, n));
	int maxes[] = {0, 1, 2, 3, 7, total / 2, total - 1, total, total + 1, 1 << 30};
	for (size_t k = 0; k < sizeof maxes / sizeof maxes[0]; k++) {
		int max = maxes[k];
		if (max < 0)
			continue;
		int used = -1;
		size_t b = text_fit(s, n, max, &used);
		if (b > n || !start[b])
			fuzz_fail("text_fit(%d) keeps %zu bytes of %zu: splits a character", max, b, n);
		if (used < 0 || used > max || used != text_width(s, b))
			fuzz_fail("text_fit(%d) says %d columns for %zu bytes of width %d", max, used, b,
			    text_width(s, b));
		if (b < n) {
			int32_t cp;
			fuzz_utf8(s + b, n - b, &cp);
			int w = cp < 0 ? 1 : text_cp_width(cp);
			if (used + w <= max)
				fuzz_fail("text_fit(%d) stops at byte %zu, %d columns, before a character "
				    "of width %d", max, b, used, w);
		}
		if (text_fit(s, n, max, NULL) != b)
			fuzz_fail("text_fit(%d) keeps another length without used", max);
	}
}

static void
check_fold(const char *s, size_t n, const bool *start)
{
	struct arena out = {0};
	arena_append(&out, "pre", 3);	/* the map counts from the append point */
	uint32_t *map = xmalloc((16 * n + 1) * sizeof *map);
	size_t fl = text_fold(&out, s, n, map);
	if (out.len != 3 + fl || memcmp(out.base, "pre", 3) != 0)
		fuzz_fail("text_fold returned %zu, appended %zu", fl, out.len - 3);
	if (fl > 16 * n)
		fuzz_fail("text_fold: %zu bytes from %zu", fl, n);
	const char *f = out.base + 3;
	if (map[fl] != n)
		fuzz_fail("text_fold: the last map entry is %u, not %zu", map[fl], n);
	for (size_t i = 0; i < fl; i++) {
		if (map[i] >= n || !start[map[i]])
			fuzz_fail("text_fold: map[%zu] = %u, not a character of the %zu bytes", i,
			    map[i], n);
		if (i && map[i] < map[i - 1])
			fuzz_fail("text_fold: map[%zu] = %u after %u", i, map[i], map[i - 1]);
		if ((f[i] >= 'A' && f[i] <= 'Z') || f[i] == '\t' || f[i] == '\n' || f[i] == '\r')
			fuzz_fail("text_fold: byte 0x%02x at %zu of the folded text", (unsigned char)f[i],
			    i);
	}
	if (!fuzz_utf8_valid(f, fl))
		fuzz_fail("text_fold: the folded text is not valid UTF-8");

	/* The same without the map; the concatenation of each character's,
	 * a run of separators (each alone folds to one space; characters that
	 * fold to nothing do not end a run) one space. */
	struct arena again = {0};
	if (text_fold(&again, s, n, NULL) != fl || memcmp(again.base, f, fl) != 0)
		fuzz_fail("text_fold without a map folds differently");
	size_t at = 0;
	bool in_run = false;
	for (size_t i = 0; i < n;) {
		int32_t cp;
		size_t l = (size_t)fuzz_utf8(s + i, n - i, &cp);
		again.len = 0;
		uint32_t one_map[16 * 4 + 1];
		size_t k = text_fold(&again, s + i, l, one_map);
		bool sep = k == 1 && again.base[0] == ' ';
		if (sep && in_run) {
			i += l;		/* folded into the run's space */
			continue;
		}
		if (k)
			in_run = sep;
		if (at + k > fl || (k && memcmp(again.base, f + at, k) != 0))
			fuzz_fail("text_fold: the character at byte %zu folds alone differently", i);
		for (size_t j = 0; j <= k; j++)
			if (one_map[j] != (j < k ? 0 : l))
				fuzz_fail("text_fold: the character at byte %zu alone maps %zu to %u", i, j,
				    one_map[j]);
		for (size_t j = 0; j < k; j++)
			if (map[at + j] != i)
				fuzz_fail("text_fold: map[%zu] = %u for the character at byte %zu", at + j,
				    map[at + j], i);
		at += k;
		i += l;
	}
	if (at != fl)
		fuzz_fail("text_fold: the characters fold to %zu bytes, the text to %zu", at, fl);

	/* text_fold_str: up to the first NUL. */
	size_t zn = strnlen(s, n);
	char *z = xstrndup(s, zn);
	char *fz = text_fold_str(z);
	again.len = 0;
	size_t zl = text_fold(&again, s, zn, NULL);
	if (strlen(fz) != zl || memcmp(fz, again.base, zl) != 0)
		fuzz_fail("text_fold_str differs from text_fold");
	free(fz);
	free(z);
	arena_free(&again);
	free(map);
	arena_free(&out);
}

/* The fast paths against the references, at every level, on s[i..n) for
 * the starts i from 0 to 32 (each alignment of a block of 16 or 32 bytes
 * meets the input's bytes), then every 61st. */
static void
check_fast_paths(const char *s, size_t n)
{
	uint32_t *want = xmalloc((16 * n + 1) * sizeof *want);
	uint32_t *got = xmalloc((16 * n + 1) * sizeof *got);
	struct arena a = {0}, b = {0};
	int levels = (int)simd_level() + 1;
	for (size_t i = 0; i <= n; i += i < 32 ? 1 : 61) {
		a.len = 0;
		size_t wl = text_fold_ref(&a, s + i, n - i, want);
		bool clean = decode_is_clean_ref(s + i, n - i);
		for (int level = 0; level < levels; level++) {
			simd_limit((enum simd_level)level);
			b.len = 0;
			size_t gl = text_fold(&b, s + i, n - i, got);
			if (gl != wl || b.len != a.len || (wl && memcmp(a.base, b.base, wl) != 0))
				fuzz_fail("text_fold at level %d from byte %zu: %zu bytes unlike the "
				    "reference's %zu", level, i, gl, wl);
			for (size_t j = 0; j <= wl; j++)
				if (got[j] != want[j])
					fuzz_fail("text_fold at level %d from byte %zu: map[%zu] = %u, the "
					    "reference's %u", level, i, j, got[j], want[j]);
			if (decode_is_clean(s + i, n - i) != clean)
				fuzz_fail("decode_is_clean at level %d from byte %zu: %d, the reference %d",
				    level, i, !clean, clean);
		}
	}
	simd_limit(SIMD_AVX2);
	arena_free(&a);
	arena_free(&b);
	free(got);
	free(want);
}

enum bad { BAD_NONE, BAD_BYTES, BAD_CONTROL, BAD_BIDI, BAD_COUNT };

/* What sanitize.h says becomes of the character at s[0..l) (code point cp):
 * appended to out; returns the kind of replacement. */
static enum bad
expect_char(struct arena *out, const char *s, size_t l, int32_t cp, bool oneline)
{
	int32_t repl;
	enum bad bad;
	if (cp < 0)
		repl = 0xfffd, bad = BAD_BYTES;
	else if (cp == '\t' || cp == '\n' || cp == '\r')
		repl = oneline ? ' ' : cp, bad = BAD_NONE;
	else if (cp < 0x20)
		repl = 0x2400 + cp, bad = BAD_CONTROL;
	else if (cp == 0x7f)
		repl = 0x2421, bad = BAD_CONTROL;
	else if (cp >= 0x80 && cp < 0xa0)
		repl = 0xfffd, bad = BAD_CONTROL;
	else if (fuzz_forbidden(cp, true))
		repl = 0xfffd, bad = BAD_BIDI;
	else {
		arena_append(out, s, l);
		return BAD_NONE;
	}
	char buf[4];
	arena_append(out, buf, (size_t)text_encode(repl, buf));
	return bad;
}

struct warnings {
	size_t n;
	uint32_t line[64];
	char msg[64][160];
};

static void
add_warning(void *ctx, uint32_t line, const char *msg)
{
	struct warnings *w = ctx;
	fuzz_check_clean("warning", msg, strlen(msg), false);
	if (w->n < 64) {
		w->line[w->n] = line;
		snprintf(w->msg[w->n], sizeof w->msg[w->n], "%s", msg);
	}
	w->n++;
}

static void
check_sanitize_append(const char *s, size_t n, uint32_t line0, const char *encoding)
{
	struct warnings got = {0}, want = {0};
	struct warn_sink sink = {add_warning, &got};
	struct arena out = {0}, exp = {0};
	arena_append(&out, "pre", 3);
	sanitize_append(&out, s, n, line0, encoding, &sink);

	uint32_t line = line0, warned[BAD_COUNT] = {0};
	for (size_t i = 0; i < n;) {
		int32_t cp;
		size_t l = (size_t)fuzz_utf8(s + i, n - i, &cp);
		enum bad bad = expect_char(&exp, s + i, l, cp, false);
		if (bad != BAD_NONE && warned[bad] != line) {
			warned[bad] = line;
			char msg[160];
			if (bad == BAD_BYTES)
				snprintf(msg, sizeof msg, "invalid %s byte sequence replaced with U+FFFD",
				    encoding ? encoding : "UTF-8");
			else if (bad == BAD_CONTROL)
				snprintf(msg, sizeof msg,
				    "control character U+%04X replaced with a placeholder", (unsigned)cp);
			else
				snprintf(msg, sizeof msg, "bidirectional control U+%04X replaced with U+FFFD",
				    (unsigned)cp);
			add_warning(&want, line, msg);
		}
		if (cp == '\n' || (cp == '\r' && !(i + 1 < n && s[i + 1] == '\n')))
			line++;
		i += l;
	}
	if (out.len != 3 + exp.len || memcmp(out.base, "pre", 3) != 0 ||
	    (exp.len && memcmp(out.base + 3, exp.base, exp.len) != 0))
		fuzz_fail("sanitize_append: %zu bytes, not the %zu expected", out.len - 3, exp.len);
	fuzz_check_clean("sanitize_append", out.base + 3, out.len - 3, true);
	if (got.n != want.n)
		fuzz_fail("sanitize_append (from line %u): %zu warnings, not %zu", line0, got.n,
		    want.n);
	for (size_t i = 0; i < got.n && i < 64; i++)
		if (got.line[i] != want.line[i] || strcmp(got.msg[i], want.msg[i]) != 0)
			fuzz_fail("sanitize_append: warning %zu is line %u '%s', not line %u '%s'", i,
			    got.line[i], got.msg[i], want.line[i], want.msg[i]);
	arena_free(&out);
	arena_free(&exp);
}

static void
check_sanitize_str(const char *s, size_t n)
{
	size_t zn = strnlen(s, n);
	char *z = xstrndup(s, zn);
	char *got = sanitize_str(z);
	struct arena exp = {0};
	for (size_t i = 0; i < zn;) {
		int32_t cp;
		size_t l = (size_t)fuzz_utf8(s + i, zn - i, &cp);
		expect_char(&exp, s + i, l, cp, true);
		i += l;
	}
	size_t gl = strlen(got);
	if (gl != exp.len || (gl && memcmp(got, exp.base, gl) != 0))
		fuzz_fail("sanitize_str: %zu bytes, not the %zu expected", gl, exp.len);
	fuzz_check_clean("sanitize_str", got, gl, false);
	arena_free(&exp);
	free(got);
	free(z);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A copy of the exact size, so that ASan sees any read past the end. */
	char *s = xmalloc(size ? size : 1);
	memcpy(s, data, size);
	bool *start = char_starts(s, size);
	check_decode(s, size);
	check_fit(s, size, start);
	check_fold(s, size, start);
	check_fast_paths(s, size);
	check_sanitize_str(s, size);
	static const char *const encodings[] = {NULL, "UTF-8", "WINDOWS-1252"};
	unsigned pick = size ? (unsigned char)s[0] : 0;
	static const uint32_t lines[] = {1, 2, 1000};
	check_sanitize_append(s, size, lines[pick % 3], encodings[(pick / 3) % 3]);
	free(start);
	free(s);
	return 0;
}
