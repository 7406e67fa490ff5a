/* SPDX-License-Identifier: MIT
 * The fast paths for clean text (core/simd.h) against the plain loops they
 * replaced (core/reference.h), at every vector level this processor runs
 * (scalar, SSE2, AVX2): text_fold() must give the same bytes, the same
 * length and the same map as text_fold_ref(), and decode_is_clean() the
 * same answer as decode_is_clean_ref(), for ASCII, accents, ligatures,
 * combining marks, invalid bytes, controls, runs of separators, long runs,
 * the ends of blocks (15, 16, 17, 31, 32, 33 bytes) and nothing at all. */
#include "unit.h"

#include "core/arena.h"
#include "core/reference.h"
#include "core/simd.h"
#include "core/text.h"

static int levels;	/* how many levels run here: simd_level() + 1 */
static size_t compared;

static void
fail_at(const char *what, int level, const char *s, size_t n)
{
	fprintf(stderr, "%s differs at level %d for %zu bytes:", what, level, n);
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, " %02x", (unsigned char)s[i]);
	fprintf(stderr, "\n");
	fail();
}

/* s[0..n) folds and checks alike through both, at every level. */
static void
same(const char *s, size_t n)
{
	/* A copy of the exact size: ASan sees any read past the end. */
	char *c = malloc(n ? n : 1);
	memcpy(c, s, n);
	struct arena want = {0};
	arena_append(&want, "pre", 3);	/* the map counts from the append point */
	uint32_t *wmap = malloc((16 * n + 1) * sizeof *wmap);
	uint32_t *gmap = malloc((16 * n + 1) * sizeof *gmap);
	size_t wl = text_fold_ref(&want, c, n, wmap);
	bool wclean = decode_is_clean_ref(c, n);
	for (int level = 0; level < levels; level++) {
		simd_limit((enum simd_level)level);
		struct arena got = {0};
		arena_append(&got, "pre", 3);
		size_t gl = text_fold(&got, c, n, gmap);
		if (gl != wl || got.len != want.len || memcmp(got.base, want.base, want.len) != 0)
			fail_at("text_fold", level, c, n);
		if (memcmp(gmap, wmap, (wl + 1) * sizeof *wmap) != 0)
			fail_at("text_fold's map", level, c, n);
		got.len = 0;	/* and without a map */
		if (text_fold(&got, c, n, NULL) != wl || memcmp(got.base, want.base + 3, wl) != 0)
			fail_at("text_fold without a map", level, c, n);
		if (decode_is_clean(c, n) != wclean)
			fail_at("decode_is_clean", level, c, n);
		arena_free(&got);
		compared++;
	}
	simd_limit(SIMD_AVX2);
	free(gmap);
	free(wmap);
	arena_free(&want);
	free(c);
}

static void
same_str(const char *s)
{
	same(s, strlen(s));
}

static void
the_levels_run(void **state)
{
	(void)state;
#if defined(__x86_64__)
	/* Otherwise the vector paths would not be tested at all. */
	assert_true(simd_level() >= SIMD_SSE2);
#endif
	fprintf(stderr, "# vector levels tested: %d (0 scalar, 1 SSE2, 2 AVX2)\n", levels);
}

/* The pieces hostile text is made of. */
static const char *const pieces[] = {
	"", "a", "Z", "7", "Paris", "SAINT", "x@y", "+33", "#&", "`", "~", "[", "\x7f",
	" ", "  ", "-", "'", ".", "/", ",", ";", ":", "(", ")", "_", "\"", "!", "?",
	"\t", "\n", "\r", "\r\n", " - ", ", ", "...", "\x01", "\x1b", "",
	"é", "É", "è", "ç", "Ç", "ô", "î", "ï", "ü", "ÿ", "Ÿ", "à",	/* Latin-1, Latin Extended */
	"œ", "Œ", "æ", "Æ", "ß", "ﬁ", "ﬂ", "Ǆ", "ǅ", "ŉ",		/* ligatures, long folds */
	"e\xcc\x81", "\xcc\x81", "\xcc\xa7\xcc\x81",			/* combining marks */
	"’", "‘", "´", "–", "—", "−", "«\xc2\xa0", "\xc2\xa0»", "“", "”", "…", "•", "·",
	"\xc2\xa0", "\xe2\x80\xaf",					/* no-break spaces */
	"\xe2\x80\xae", "\xd8\x9c", "\xe2\x80\x8f", "\xe2\x81\xa6",	/* bidi controls */
	"\xc2\x85", "\xc2\x9f", "\xc2\x80",				/* C1 controls */
	"Ω", "я", "Я", "ع", "日本", "\xf0\x9f\x8f\xa0", "\xef\xbf\xbd",
	"\xff", "\xfe", "\xc3", "\xc3(", "\xe2\x80", "\xf0\x9f\x8f",	/* invalid, cut */
	"\xc0\xaf", "\xc1\xbf", "\xed\xa0\x80", "\xf4\x90\x80\x80",	/* overlong, surrogate */
	"\x80", "\xbf", "\xc2", "\xdf", "\xdf\xbf", "\xe0\x80\x80",
	"abcdefghijklmno", "ABCDEFGHIJKLMNOP", "0123456789012345678",	/* 15, 16, 19 */
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

static uint64_t seed = 0x2545f4914f6cdd1du;

static uint32_t
pick(uint32_t n)
{
	return xorshift(&seed, n);
}

static void
each_piece_alone_and_between_letters(void **state)
{
	(void)state;
	for (size_t i = 0; i < NPIECES; i++) {
		same_str(pieces[i]);
		char buf[128];
		snprintf(buf, sizeof buf, "ab%scd", pieces[i]);
		same_str(buf);
		snprintf(buf, sizeof buf, " %s ", pieces[i]);
		same_str(buf);
	}
}

/* Every piece at every offset 0..40 of a text of letters, spaces or
 * accents, the text cut at 15, 16, 17, 31, 32, 33 bytes and not cut: each
 * block boundary and each end of a text meets each piece. */
static void
pieces_at_every_offset(void **state)
{
	(void)state;
	static const char *const fillers[] = {"abcdefghij", "a b c d e ", "AbC-dE'f. ", "ééééé"};
	static const size_t cuts[] = {15, 16, 17, 31, 32, 33, (size_t)-1};
	char buf[256];
	for (size_t f = 0; f < sizeof fillers / sizeof fillers[0]; f++)
		for (size_t p = 0; p < NPIECES; p++)
			for (size_t at = 0; at <= 40; at++) {
				size_t n = 0;
				for (; n < at; n++)
					buf[n] = fillers[f][n % strlen(fillers[f])];
				size_t pl = strlen(pieces[p]);
				memcpy(buf + n, pieces[p], pl);
				n += pl;
				for (size_t k = 0; k < 20; k++, n++)
					buf[n] = fillers[f][k % strlen(fillers[f])];
				for (size_t c = 0; c < sizeof cuts / sizeof cuts[0]; c++)
					same(buf, cuts[c] < n ? cuts[c] : n);
			}
}

/* Every byte value, and every pair of byte values, at each place of the
 * first and second block and of a text shorter than a block. */
static void
every_byte_and_pair(void **state)
{
	(void)state;
	char buf[40];
	for (int b = 0; b < 256; b++)
		for (size_t at = 0; at < 34; at++) {
			memcpy(buf, "the Quick-brown fox, jumps OVER  the lazy", 34);
			buf[at] = (char)b;
			same(buf, 34);
			same(buf, at + 1);
		}
	for (int b1 = 0; b1 < 256; b1++)
		for (int b2 = 0; b2 < 256; b2++) {
			static const size_t ats[] = {0, 3, 14, 15};
			for (size_t k = 0; k < sizeof ats / sizeof ats[0]; k++) {
				memcpy(buf, "Rue de l'Eglise, 75 Paris ab", 28);
				buf[ats[k]] = (char)b1;
				buf[ats[k] + 1] = (char)b2;
				same(buf, ats[k] == 3 ? 6 : 28);
			}
		}
}

/* Every code point of two bytes (the characters folded from a table),
 * alone, capitalised neighbours around it, and twice in a row. */
static void
every_two_byte_character(void **state)
{
	(void)state;
	for (int32_t cp = 0x80; cp < 0x800; cp++) {
		char ch[4], buf[32];
		int l = text_encode(cp, ch);
		ch[l] = '\0';
		same_str(ch);
		snprintf(buf, sizeof buf, "AB%sCD%s%s.", ch, ch, ch);
		same_str(buf);
		snprintf(buf, sizeof buf, "%s", ch);
		same(buf, 1);	/* its lead byte alone */
	}
}

/* Long runs: plain ASCII of every length up to 300 with one byte that
 * stops the clean check or the ASCII folding at every place of it. */
static void
long_runs(void **state)
{
	(void)state;
	static const char *const stops[] = {"\x01", "\x7f", "\xc2\x85", "é", ", ", "\xff", "\t"};
	char buf[320];
	for (size_t n = 0; n <= 300; n += n < 70 ? 1 : 23) {
		for (size_t i = 0; i < n; i++)
			buf[i] = "Centre social Jacques Prevert 04 77 "[i % 36];
		same(buf, n);
		for (size_t s = 0; s < sizeof stops / sizeof stops[0]; s++)
			for (size_t at = 0; at + strlen(stops[s]) <= n; at += n < 70 ? 1 : 7) {
				char c[320];
				memcpy(c, buf, n);
				memcpy(c + at, stops[s], strlen(stops[s]));
				same(c, n);
			}
	}
}

/* Seeded random texts of 0 to 30 pieces. */
static void
random_texts(void **state)
{
	(void)state;
	char buf[1024];
	for (int t = 0; t < 30000; t++) {
		size_t n = 0, k = pick(31);
		for (size_t i = 0; i < k; i++) {
			const char *p = pieces[pick(NPIECES)];
			size_t pl = strlen(p);
			memcpy(buf + n, p, pl);
			n += pl;
		}
		same(buf, n);
		if (n)
			same(buf, pick((uint32_t)n));	/* cut anywhere, a character too */
	}
	fprintf(stderr, "# %zu comparisons\n", compared);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	levels = (int)simd_level() + 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_levels_run),
		cmocka_unit_test(each_piece_alone_and_between_letters),
		cmocka_unit_test(pieces_at_every_offset),
		cmocka_unit_test(every_byte_and_pair),
		cmocka_unit_test(every_two_byte_character),
		cmocka_unit_test(long_runs),
		cmocka_unit_test(random_texts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
