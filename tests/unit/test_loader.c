/* SPDX-License-Identifier: MIT
 * The loader: every CSV dialect, encoding and hostile input of the issue,
 * each with the exact message a user would read. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "core/filter.h"
#include "core/text.h"

#define LOAD_OPTS(t, s, o, e) load_mem((t), (s), sizeof(s) - 1, (o), (e))

/* Whether t holds a warning with that line and exact message. */
static int
has_warning(const struct table *t, uint32_t line, const char *msg)
{
	for (size_t i = 0; i < t->nwarn; i++)
		if (t->warn[i].line == line && strcmp(t->warn[i].msg, msg) == 0)
			return 1;
	return 0;
}

/* Prints the warnings (to read a failing test). */
static void
dump_warnings(const struct table *t)
{
	for (size_t i = 0; i < t->nwarn; i++)
		print_message("warning %u: %s\n", t->warn[i].line, t->warn[i].msg);
}

#define assert_warning(t, line, msg) do { \
	if (!has_warning((t), (line), (msg))) { \
		dump_warnings(t); \
		fail_msg("no warning on line %u: %s", (unsigned)(line), (msg)); \
	} \
} while (0)

/* How many rows the query q matches. */
static size_t
matches(const struct table *t, const char *q)
{
	struct filter f;
	filter_init(&f);
	filter_set(&f, t, q);
	size_t n = f.n;
	filter_free(&f);
	return n;
}

/* Whether s[0..n) is valid UTF-8 with nothing a terminal would act on: no
 * C0 control but tab and line breaks, no DEL, no C1, no bidi control. */
static int
is_clean(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		int32_t cp;
		int len = text_decode(s + i, n - i, &cp);
		if (cp < 0)
			return 0;
		if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7f ||
		    (cp >= 0x80 && cp < 0xa0) || (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f || cp == 0x061c)
			return 0;
		i += (size_t)len;
	}
	return 1;
}

static void
assert_table_clean(const struct table *t)
{
	for (size_t c = 0; c < t->ncols; c++)
		assert_true(is_clean(t->cols[c].name, strlen(t->cols[c].name)));
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->rows[r].nfields; c++) {
			size_t n;
			const char *s = table_field(t, r, c, &n);
			if (!is_clean(s, n))
				fail_msg("row %zu field %zu is not clean: %s", r, c, s);
		}
}

/* ---- RFC 4180 ---- */

static void
quoted_fields(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	const char csv[] = "nom,ville,note\n"
	    "\"Mairie\",\"Lyon, 3e\",\"dit \"\"bonjour\"\"\"\n"
	    "\"Deux\nlignes\",\"\",fin\n";
	assert_int_equal(LOAD_OPTS(&t, csv, NULL, &e), 0);
	assert_int_equal(t.nrows, 2);
	assert_int_equal(t.ncols, 3);
	assert_string_equal(F(&t, 0, 0), "Mairie");
	assert_string_equal(F(&t, 0, 1), "Lyon, 3e");
	assert_string_equal(F(&t, 0, 2), "dit \"bonjour\"");
	assert_string_equal(F(&t, 1, 0), "Deux\nlignes");
	assert_string_equal(F(&t, 1, 1), "");
	assert_string_equal(F(&t, 1, 2), "fin");
	assert_int_equal(t.rows[0].line, 2);
	assert_int_equal(t.rows[1].line, 3);
	assert_int_equal(t.nwarn_total, 0);
	table_free(&t);
}

static void
line_endings(void **state)
{
	(void)state;
	static const struct {
		const char *csv;
		uint32_t lines[3];
	} cases[] = {
		{"a,b\nx,1\ny,2\nz,3\n", {2, 3, 4}},
		{"a,b\r\nx,1\r\ny,2\r\nz,3\r\n", {2, 3, 4}},
		{"a,b\rx,1\ry,2\rz,3\r", {2, 3, 4}},
		{"a,b\r\nx,1\ny,2\rz,3", {2, 3, 4}},
		/* Blank lines of each kind are skipped but counted. */
		{"a,b\n\r\nx,1\r\ry,2\n\n\nz,3\n\n", {3, 5, 8}},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct table t;
		struct err e;
		assert_int_equal(LOAD_STR(&t, cases[i].csv, &e), 0);
		assert_int_equal(t.ncols, 2);
		assert_int_equal(t.nrows, 3);
		assert_string_equal(F(&t, 0, 0), "x");
		assert_string_equal(F(&t, 0, 1), "1");
		assert_string_equal(F(&t, 1, 1), "2");
		assert_string_equal(F(&t, 2, 0), "z");
		assert_string_equal(F(&t, 2, 1), "3");
		for (int k = 0; k < 3; k++)
			assert_int_equal(t.rows[k].line, cases[i].lines[k]);
		assert_int_equal(t.nwarn_total, 0);
		table_free(&t);
	}
}

static void
line_breaks_in_quoted_field_kept(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	const char csv[] = "nom,adresse\r\nA,\"1 rue X\r\n69000 Lyon\"\r\nB,\"cr\rseul\"\r\n";
	assert_int_equal(LOAD_OPTS(&t, csv, NULL, &e), 0);
	assert_int_equal(t.nrows, 2);
	assert_string_equal(F(&t, 0, 1), "1 rue X\r\n69000 Lyon");
	assert_string_equal(F(&t, 1, 1), "cr\rseul");
	assert_int_equal(t.rows[1].line, 4);
	table_free(&t);
}

static void
utf8_bom(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	assert_int_equal(LOAD_STR(&t, "\xEF\xBB\xBFnom;t\xC3\xA9l\xC3\xA9phone\nA;01\n", &e), 0);
	assert_string_equal(t.cols[0].name, "nom");
	assert_int_equal(t.role_col[ROLE_NAME], 0);
	assert_int_equal(t.role_col[ROLE_PHONE], 1);
	assert_int_equal(t.delimiter, ';');
	assert_string_equal(t.encoding, "UTF-8");
	assert_string_equal(t.notice, "");
	table_free(&t);
}

/* ---- delimiters ---- */

static void
delimiter_detected(void **state)
{
	(void)state;
	static const struct {
		const char *csv;
		char delim;
	} cases[] = {
		{"nom,ville,tel\nA,Lyon,01\n", ','},
		{"nom;ville;tel\nA;Lyon;01\n", ';'},
		{"nom\tville\ttel\nA\tLyon\t01\n", '\t'},
		/* Delimiters inside a quoted header name do not count. */
		{"\"nom, sigle\";ville;tel\nA;Lyon;01\n", ';'},
		/* Blank lines before the header: the header is still what counts. */
		{"\n\r\nnom;ville;tel\nA;Lyon;01\n", ';'},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct table t;
		struct err e;
		assert_int_equal(LOAD_STR(&t, cases[i].csv, &e), 0);
		assert_int_equal(t.delimiter, cases[i].delim);
		assert_true(t.delimiter_detected);
		assert_int_equal(t.ncols, 3);
		assert_int_equal(t.nrows, 1);
		assert_string_equal(F(&t, 0, 1), "Lyon");
		assert_string_equal(F(&t, 0, 2), "01");
		table_free(&t);
	}
}

static void
delimiter_override(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	/* Detection would pick the comma (two against one). */
	const char csv[] = "nom,sigle;ville,pays\nA,B;Lyon,FR\n";
	struct load_opts o = {.delimiter = ';'};
	assert_int_equal(LOAD_OPTS(&t, csv, &o, &e), 0);
	assert_int_equal(t.delimiter, ';');
	assert_false(t.delimiter_detected);
	assert_int_equal(t.ncols, 2);
	assert_string_equal(t.cols[0].name, "nom,sigle");
	assert_string_equal(F(&t, 0, 1), "Lyon,FR");
	table_free(&t);

	assert_int_equal(LOAD_OPTS(&t, csv, NULL, &e), 0);
	assert_int_equal(t.delimiter, ',');
	assert_int_equal(t.ncols, 3);
	table_free(&t);
}

/* ---- encodings ---- */

static void
windows_1252_detected(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	/* French Excel: semicolons, CRLF, Windows-1252. */
	const char csv[] = "Nom;T\xe9l\xe9phone;R\xe9gion\r\n"
	    "Caf\xe9 \x80uvre;04 78;Bourgogne\r\n"
	    "Man\x9cuvre \x93ici\x94;05;C\xf4te d'Azur\r\n";
	assert_int_equal(LOAD_OPTS(&t, csv, NULL, &e), 0);
	assert_string_equal(t.encoding, "WINDOWS-1252");
	assert_string_equal(t.notice,
	    "no UTF-8 text found: read as Windows-1252 (use --encoding to choose another)");
	assert_int_equal(t.nwarn_total, 0);
	assert_int_equal(t.delimiter, ';');
	assert_string_equal(t.cols[1].name, "T\xc3\xa9l\xc3\xa9phone");
	assert_int_equal(t.role_col[ROLE_PHONE], 1);
	assert_int_equal(t.role_col[ROLE_REGION], 2);
	assert_string_equal(F(&t, 0, 0), "Caf\xc3\xa9 \xe2\x82\xacuvre");
	assert_string_equal(F(&t, 1, 0), "Man\xc5\x93uvre \xe2\x80\x9cici\xe2\x80\x9d");
	assert_string_equal(F(&t, 1, 2), "C\xc3\xb4te d'Azur");
	assert_int_equal(matches(&t, "manoeuvre"), 1);
	assert_int_equal(matches(&t, "cote"), 1);
	assert_table_clean(&t);
	table_free(&t);
}

static void
windows_1252_undefined_byte(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	/* 0x81 has no character in Windows-1252. */
	assert_int_equal(LOAD_STR(&t, "nom\nCaf\xe9\nA\x81Z\n", &e), 0);
	assert_string_equal(t.encoding, "WINDOWS-1252");
	assert_string_equal(F(&t, 0, 0), "Caf\xc3\xa9");
	assert_string_equal(F(&t, 1, 0), "A\xef\xbf\xbdZ");
	assert_warning(&t, 3, "invalid WINDOWS-1252 byte sequence replaced with U+FFFD");
	assert_table_clean(&t);
	table_free(&t);
}

static void
utf8_with_broken_sequences(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	const char csv[] = "nom,ville\n"
	    "R\xc3\xa9union,Saint-Denis\n"
	    "A\xe9Z,ok\n"		/* a Latin-1 byte in UTF-8 */
	    "\"multi\nligne\",x\n"
	    "B,\xc0\x9b\xff\n";	/* overlong ESC, 0xFF */
	assert_int_equal(LOAD_OPTS(&t, csv, NULL, &e), 0);
	assert_string_equal(t.encoding, "UTF-8");
	assert_string_equal(t.notice, "");
	assert_string_equal(F(&t, 0, 0), "R\xc3\xa9union");
	assert_string_equal(F(&t, 1, 0), "A\xef\xbf\xbdZ");
	assert_string_equal(F(&t, 3, 1), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	assert_warning(&t, 3, "invalid UTF-8 byte sequence replaced with U+FFFD");
	assert_warning(&t, 6, "invalid UTF-8 byte sequence replaced with U+FFFD");
	/* One warning a line, not one per byte. */
	assert_int_equal(t.nwarn_total, 2);
	assert_table_clean(&t);
	table_free(&t);
}

static void
utf16_with_bom(void **state)
{
	(void)state;
	/* Excel's "Unicode text": UTF-16 with BOM, TAB separated, CRLF. */
	const char *text = "Nom\tR\xc3\xa9gion\r\nR\xc3\xa9sO \xe2\x82\xac\tLa R\xc3\xa9union\r\n";
	for (int be = 0; be <= 1; be++) {
		char buf[256];
		size_t n = 0;
		buf[n++] = be ? '\xfe' : '\xff';
		buf[n++] = be ? '\xff' : '\xfe';
		/* Every character here is in the BMP. */
		for (size_t i = 0; text[i];) {
			int32_t cp;
			i += (size_t)text_decode(text + i, strlen(text + i), &cp);
			buf[n++] = (char)(be ? cp >> 8 : cp & 0xff);
			buf[n++] = (char)(be ? cp & 0xff : cp >> 8);
		}
		struct table t;
		struct err e;
		assert_int_equal(load_mem(&t, buf, n, NULL, &e), 0);
		assert_string_equal(t.encoding, be ? "UTF-16BE" : "UTF-16LE");
		assert_string_equal(t.notice, be ? "converted from UTF-16BE (byte order mark)"
		    : "converted from UTF-16LE (byte order mark)");
		assert_int_equal(t.delimiter, '\t');
		assert_int_equal(t.ncols, 2);
		assert_int_equal(t.role_col[ROLE_REGION], 1);
		assert_int_equal(t.nrows, 1);
		assert_string_equal(F(&t, 0, 0), "R\xc3\xa9sO \xe2\x82\xac");
		assert_string_equal(F(&t, 0, 1), "La R\xc3\xa9union");
		assert_int_equal(t.nwarn_total, 0);
		table_free(&t);
	}
}

static void
forced_encoding(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	/* 0xA4 is the euro sign in ISO-8859-15, a currency sign in Windows-1252. */
	const char csv[] = "nom\nprix \xa4\n";
	struct load_opts o = {.encoding = "ISO-8859-15"};
	assert_int_equal(LOAD_OPTS(&t, csv, &o, &e), 0);
	assert_string_equal(t.encoding, "ISO-8859-15");
	assert_string_equal(F(&t, 0, 0), "prix \xe2\x82\xac");
	table_free(&t);

	assert_int_equal(LOAD_OPTS(&t, csv, NULL, &e), 0);
	assert_string_equal(F(&t, 0, 0), "prix \xc2\xa4");
	table_free(&t);

	/* Forcing UTF-8 keeps bytes as UTF-8, bad ones replaced. */
	o.encoding = "UTF-8";
	assert_int_equal(LOAD_OPTS(&t, csv, &o, &e), 0);
	assert_string_equal(t.encoding, "UTF-8");
	assert_string_equal(F(&t, 0, 0), "prix \xef\xbf\xbd");
	assert_warning(&t, 2, "invalid UTF-8 byte sequence replaced with U+FFFD");
	table_free(&t);

	/* UTF-16 without a byte order mark, named. */
	const char u16[] = "n\0o\0m\0\n\0A\0\xe9\0\n\0";
	o.encoding = "UTF-16LE";
	assert_int_equal(LOAD_OPTS(&t, u16, &o, &e), 0);
	assert_int_equal(t.nrows, 1);
	assert_string_equal(F(&t, 0, 0), "A\xc3\xa9");
	table_free(&t);

	o.encoding = "KLINGON-8";
	assert_int_equal(LOAD_OPTS(&t, csv, &o, &e), -1);
	assert_string_equal(ERR(&e), "test.csv: unknown encoding 'KLINGON-8' (see 'iconv -l')");
	table_free(&t);
}

/* Realistic French text, in UTF-8 and in Windows-1252 with CRLF, loads to
 * the same fields: guillemets with no-break spaces inside, a no-break space
 * before : ; ! ?, upper-case accents before them (É + NBSP is a valid UTF-8
 * pair, C9 A0, which once made the whole file read as UTF-8), œ, ÿ, €. */
static void
french_text_in_both_encodings(void **state)
{
	(void)state;
	static const char utf8[] =
	    "nom;territoire;t\xc3\xa9l\xc3\xa9phone;note\r\n"
	    "Maison de quartier \xc2\xab\xc2\xa0" "CIT\xc3\x89\xc2\xa0\xc2\xbb ;\xc3\x8ele-de-France;"
	    "01 02 03 04 05;Ouvert\xc2\xa0: lundi\xc2\xa0!\r\n"
	    "\xc5\x92uvre d\xe2\x80\x99" "entraide;L\xe2\x80\x99Ha\xc3\xbf-les-Roses;01 99 00 00 01;"
	    "Tarif\xc2\xa0: 5\xc2\xa0\xe2\x82\xac\xc2\xa0ou r\xc3\xa9" "duit\xc2\xa0?\r\n"
	    "L\xe2\x80\x99\xc3\x89" "COLE \xc2\xab\xc2\xa0\xc3\x80 VENIR\xc2\xa0\xc2\xbb;C\xc5\x93ur de ville;"
	    "01 99 00 00 02;\xc3\x87" "a va\xc2\xa0? OUI\xc2\xa0!\r\n";
	static const char cp1252[] =
	    "nom;territoire;t\xe9l\xe9phone;note\r\n"
	    "Maison de quartier \xab\xa0" "CIT\xc9\xa0\xbb ;\xcele-de-France;"
	    "01 02 03 04 05;Ouvert\xa0: lundi\xa0!\r\n"
	    "\x8cuvre d\x92" "entraide;L\x92Ha\xff-les-Roses;01 99 00 00 01;"
	    "Tarif\xa0: 5\xa0\x80\xa0ou r\xe9" "duit\xa0?\r\n"
	    "L\x92\xc9" "COLE \xab\xa0\xc0 VENIR\xa0\xbb;C\x9cur de ville;"
	    "01 99 00 00 02;\xc7" "a va\xa0? OUI\xa0!\r\n";
	struct table u, w;
	struct err e;
	assert_int_equal(LOAD_OPTS(&u, utf8, NULL, &e), 0);
	assert_int_equal(LOAD_OPTS(&w, cp1252, NULL, &e), 0);
	assert_string_equal(u.encoding, "UTF-8");
	assert_string_equal(w.encoding, "WINDOWS-1252");
	assert_int_equal(u.nwarn_total, 0);
	assert_int_equal(w.nwarn_total, 0);
	/* The header is recognised: the phone column is the phone. */
	assert_int_equal(w.role_col[ROLE_PHONE], 2);
	assert_int_equal(w.nrows, 3);
	assert_int_equal(w.ncols, u.ncols);
	for (size_t c = 0; c < u.ncols; c++)
		assert_string_equal(w.cols[c].name, u.cols[c].name);
	for (size_t r = 0; r < u.nrows; r++)
		for (size_t c = 0; c < u.ncols; c++)
			assert_string_equal(F(&w, r, c), F(&u, r, c));
	assert_string_equal(F(&w, 0, 2), "01 02 03 04 05");
	assert_int_equal(matches(&w, "cite"), 1);
	assert_int_equal(matches(&w, "oeuvre"), 1);
	assert_int_equal(matches(&w, "hay"), 1);
	table_free(&u);
	table_free(&w);

	/* A UTF-8 file damaged in one place stays UTF-8: the balance is many
	 * valid sequences against one broken byte. */
	static const char damaged[] = "nom\nR\xc3\xa9union\n\xc3\x8ele\nCaf\xe9\nd\xc3\xa9j\xc3\xa0\n";
	assert_int_equal(LOAD_OPTS(&u, damaged, NULL, &e), 0);
	assert_string_equal(u.encoding, "UTF-8");
	assert_string_equal(F(&u, 0, 0), "R\xc3\xa9union");
	assert_string_equal(F(&u, 2, 0), "Caf\xef\xbf\xbd");
	assert_warning(&u, 4, "invalid UTF-8 byte sequence replaced with U+FFFD");
	table_free(&u);
}

/* UTF-16 and UTF-32 named without a byte order mark: one bad code unit (a
 * lone surrogate) is one replacement, and what follows reads as it should
 * (it used to skip one byte, putting every later unit out of step). */
static void
forced_wide_encodings_skip_a_whole_unit(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	/* nom\nA<DC00>B\nCaf\u00e9\n in UTF-16LE: the lone low surrogate DC00. */
	static const char u16[] = "n\0o\0m\0\n\0A\0\x00\xdc" "B\0\n\0C\0a\0f\0\xe9\0\n\0";
	struct load_opts o = {.encoding = "UTF-16LE"};
	assert_int_equal(LOAD_OPTS(&t, u16, &o, &e), 0);
	assert_int_equal(t.nrows, 2);
	assert_string_equal(F(&t, 0, 0), "A\xef\xbf\xbd" "B");
	assert_string_equal(F(&t, 1, 0), "Caf\xc3\xa9");
	table_free(&t);
	/* The same in UTF-16BE. */
	static const char u16be[] = "\0n\0o\0m\0\n\0A\xdc\x00\0B\0\n\0C\0a\0f\0\xe9\0\n";
	o.encoding = "UTF-16BE";
	assert_int_equal(LOAD_OPTS(&t, u16be, &o, &e), 0);
	assert_string_equal(F(&t, 0, 0), "A\xef\xbf\xbd" "B");
	assert_string_equal(F(&t, 1, 0), "Caf\xc3\xa9");
	table_free(&t);
	/* UTF-32LE: a code point above U+10FFFF is one bad unit of 4 bytes. */
	static const char u32[] = "n\0\0\0o\0\0\0m\0\0\0\n\0\0\0A\0\0\0\0\0\x20\0B\0\0\0\n\0\0\0"
	    "\xe9\0\0\0\n\0\0\0";
	o.encoding = "UTF-32LE";
	assert_int_equal(LOAD_OPTS(&t, u32, &o, &e), 0);
	assert_int_equal(t.nrows, 2);
	assert_string_equal(F(&t, 0, 0), "A\xef\xbf\xbd" "B");
	assert_string_equal(F(&t, 1, 0), "\xc3\xa9");
	table_free(&t);
}

/* An encoding name is printed (--check, warnings): never as it was typed,
 * escape sequences and all. */
static void
encoding_name_printed_safely(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	static const char csv[] = "nom\nprix \xa4\n";
	struct load_opts o = {.encoding = "ISO-8859-15//\x1b]0;pwned\x07"};
	assert_int_equal(LOAD_OPTS(&t, csv, &o, &e), 0);
	assert_null(strchr(t.encoding, '\x1b'));
	assert_null(strchr(t.encoding, '\x07'));
	assert_non_null(strstr(t.encoding, "ISO-8859-15//"));
	table_free(&t);
}

/* ---- columns ---- */

static void
header_names_any_order(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	const char csv[] = "COURRIEL;Site Web;T\xc3\xa9l\xc3\xa9phone;R\xc3\x89GION;Territoire;Nom\n"
	    "a@b.fr;www.x.fr;01;Bretagne;Rennes;Centre A\n";
	assert_int_equal(LOAD_OPTS(&t, csv, NULL, &e), 0);
	assert_int_equal(t.role_col[ROLE_EMAIL], 0);
	assert_int_equal(t.role_col[ROLE_WEBSITE], 1);
	assert_int_equal(t.role_col[ROLE_PHONE], 2);
	assert_int_equal(t.role_col[ROLE_REGION], 3);
	assert_int_equal(t.role_col[ROLE_TERRITORY], 4);
	assert_int_equal(t.role_col[ROLE_NAME], 5);
	assert_string_equal(table_name(&t, 0, NULL), "Centre A");
	assert_string_equal(table_territory(&t, 0, NULL), "Rennes");
	assert_string_equal(table_role(&t, 0, ROLE_EMAIL, NULL), "a@b.fr");
	table_free(&t);

	static const struct {
		const char *header;
		enum role role;
	} names[] = {
		{"nom", ROLE_NAME}, {"Name", ROLE_NAME}, {"NOM", ROLE_NAME},
		{"territoire", ROLE_TERRITORY}, {"Territory", ROLE_TERRITORY},
		{"t\xc3\xa9l\xc3\xa9phone", ROLE_PHONE}, {"telephone", ROLE_PHONE},
		{"Phone", ROLE_PHONE}, {"Tel", ROLE_PHONE}, {"T\xc3\xa9l.", ROLE_PHONE},
		{"courriel", ROLE_EMAIL}, {"E-mail", ROLE_EMAIL}, {"email", ROLE_EMAIL},
		{"site", ROLE_WEBSITE}, {"site web", ROLE_WEBSITE}, {"Website", ROLE_WEBSITE},
		{"URL", ROLE_WEBSITE}, {"r\xc3\xa9gion", ROLE_REGION}, {"Region", ROLE_REGION},
		{"sigle", ROLE_ACRONYM}, {"statut", ROLE_STATUS}, {"id", ROLE_ID},
		{"territoire_2017", ROLE_TERRITORY_2017}, {"t\xc3\xa9l\xc3\xa9phone 2", ROLE_PHONE},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char csv2[128];
		snprintf(csv2, sizeof csv2, "autre,%s\nx,y\n", names[i].header);
		assert_int_equal(LOAD_STR(&t, csv2, &e), 0);
		if (t.role_col[names[i].role] != 1)
			fail_msg("header '%s' not recognised", names[i].header);
		assert_int_equal(t.cols[1].role, names[i].role);
		assert_int_equal(t.cols[0].role, ROLE_NONE);
		table_free(&t);
	}
}

static void
unknown_columns(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	assert_int_equal(LOAD_STR(&t, "Structure porteuse,Ville,Divers\nMaison A,Lyon,x\n", &e), 0);
	assert_int_equal(t.role_col[ROLE_NAME], -1);
	assert_string_equal(table_name(&t, 0, NULL), "Maison A");
	assert_string_equal(table_territory(&t, 0, NULL), "");
	assert_int_equal(t.ncols, 3);
	assert_string_equal(t.cols[2].name, "Divers");
	assert_string_equal(F(&t, 0, 2), "x");
	assert_int_equal(matches(&t, "lyon"), 1);
	table_free(&t);
}

static void
duplicate_header_names(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	assert_int_equal(LOAD_STR(&t, "nom,tel,tel\nA,01 11,02 22\n", &e), 0);
	assert_int_equal(t.ncols, 3);
	assert_string_equal(t.cols[1].name, "tel");
	assert_string_equal(t.cols[2].name, "tel");
	assert_int_equal(t.cols[1].role, ROLE_PHONE);
	assert_int_equal(t.cols[2].role, ROLE_PHONE);
	assert_string_equal(F(&t, 0, 1), "01 11");
	assert_string_equal(F(&t, 0, 2), "02 22");
	assert_int_equal(matches(&t, "tel:0222"), 1);
	table_free(&t);
}

/* ---- ragged rows, quotes, line numbers ---- */

static void
ragged_rows(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	const char csv[] = "nom,ville,tel\n"
	    "A,Lyon\n"
	    "B,Paris,01,extra,encore\n"
	    "C,Nice,04\n"
	    "D\n";
	assert_int_equal(LOAD_OPTS(&t, csv, NULL, &e), 0);
	assert_int_equal(t.nrows, 4);
	assert_string_equal(F(&t, 0, 2), "");
	assert_string_equal(F(&t, 1, 3), "extra");
	assert_string_equal(F(&t, 1, 4), "encore");
	assert_string_equal(F(&t, 2, 2), "04");
	assert_string_equal(F(&t, 3, 1), "");
	assert_warning(&t, 2, "2 fields instead of 3: the missing ones are left empty");
	assert_warning(&t, 3, "5 fields instead of 3: the extra ones are kept");
	assert_warning(&t, 5, "1 field instead of 3: the missing ones are left empty");
	/* A long row does not make every normal row after it ragged. */
	if (t.nwarn_total != 3) {
		dump_warnings(&t);
		fail_msg("%zu warnings, expected 3", t.nwarn_total);
	}
	/* The extra fields are kept under columns of their own. */
	assert_int_equal(t.ncols, 5);
	assert_string_equal(t.cols[0].name, "nom");
	assert_int_equal(matches(&t, "encore"), 1);
	table_free(&t);
}

static void
unterminated_quote(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	const char csv[] = "nom,ville\n"
	    "A,Lyon\n"
	    "B,\"Paris\n"
	    "C,Nice\n"
	    "D,Metz\n"
	    "E,Brest\n";
	assert_int_equal(LOAD_OPTS(&t, csv, NULL, &e), -1);
	assert_string_equal(ERR(&e),
	    "test.csv:3: unterminated quoted field: the quote opened on this line is never closed");
	/* The file, the line and the reason, each in its field. */
	assert_string_equal(e.source, "test.csv");
	assert_int_equal(e.line, 3);
	assert_string_equal(e.msg,
	    "unterminated quoted field: the quote opened on this line is never closed");
	table_free(&t);

	/* At the very end, without a final line break. */
	assert_int_equal(LOAD_STR(&t, "nom\n\"abc", &e), -1);
	assert_string_equal(ERR(&e),
	    "test.csv:2: unterminated quoted field: the quote opened on this line is never closed");
	table_free(&t);
}

static void
text_after_closing_quote(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	const char csv[] = "nom,ville\n"
	    "A,Lyon\n"
	    "\"Mairie\" annexe,Paris\n"
	    "C,Nice\n";
	assert_int_equal(LOAD_OPTS(&t, csv, NULL, &e), -1);
	assert_string_equal(ERR(&e), "test.csv:3: text after the closing quote of a field "
	    "(a field with quotes must be quoted whole, its quotes doubled)");
	table_free(&t);

	/* The same after a quoted field spanning lines 2 to 4. */
	assert_int_equal(LOAD_STR(&t, "nom,ville\n\"a\nb\nc\",x\nB,\"Nice\"x\n", &e), -1);
	assert_string_equal(ERR(&e), "test.csv:5: text after the closing quote of a field "
	    "(a field with quotes must be quoted whole, its quotes doubled)");
	table_free(&t);
}

static void
physical_line_numbers(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	const char csv[] = "nom,adresse,tel\r\n"
	    "A,\"1 rue X\r\nB\xc3\xa2timent 2\r\n69000 Lyon\",01\r\n"	/* lines 2-4 */
	    "B,Paris\r\n"						/* line 5 */
	    "\r\n"
	    "C,\"Nice\rCedex\",\x1b[2J\r\n";				/* lines 7-8 */
	assert_int_equal(LOAD_OPTS(&t, csv, NULL, &e), 0);
	assert_int_equal(t.nrows, 3);
	assert_int_equal(t.rows[0].line, 2);
	assert_int_equal(t.rows[1].line, 5);
	assert_int_equal(t.rows[2].line, 7);
	assert_warning(&t, 5, "2 fields instead of 3: the missing ones are left empty");
	assert_warning(&t, 8, "control character U+001B replaced with a placeholder");
	assert_int_equal(t.nwarn_total, 2);
	table_free(&t);
}

/* ---- hostile content ---- */

static void
hostile_content(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	const char csv[] = "nom,note\x1b[0m\n"
	    "Mairie \x1b[31mrouge,\"\x1b]52;c;ZWNobyBwd25lZAo=\x07presse-papier\"\n"
	    "C1 \xc2\x9b" "2Jefface,\"tab\tet\nligne\"\n"		/* lines 3-4 */
	    "Bidi \xe2\x80\xae" "edcba,C0 \x01\x02\x08" "retour\n"
	    "Isolat \xe2\x81\xa6x\xe2\x81\xa9,DEL\x7fsupprime\n";
	assert_int_equal(LOAD_OPTS(&t, csv, NULL, &e), 0);
	assert_int_equal(t.nrows, 4);
	assert_table_clean(&t);
	/* Placeholders stand where the controls were. */
	assert_string_equal(t.cols[1].name, "note\xe2\x90\x9b[0m");
	assert_string_equal(F(&t, 0, 0), "Mairie \xe2\x90\x9b[31mrouge");
	assert_string_equal(F(&t, 0, 1),
	    "\xe2\x90\x9b]52;c;ZWNobyBwd25lZAo=\xe2\x90\x87presse-papier");
	assert_string_equal(F(&t, 1, 0), "C1 \xef\xbf\xbd" "2Jefface");
	/* A tab and a line break inside a field are kept. */
	assert_string_equal(F(&t, 1, 1), "tab\tet\nligne");
	assert_string_equal(F(&t, 2, 0), "Bidi \xef\xbf\xbd" "edcba");
	assert_string_equal(F(&t, 2, 1), "C0 \xe2\x90\x81\xe2\x90\x82\xe2\x90\x88retour");
	assert_string_equal(F(&t, 3, 0), "Isolat \xef\xbf\xbdx\xef\xbf\xbd");
	assert_string_equal(F(&t, 3, 1), "DEL\xe2\x90\xa1supprime");
	/* The rest of each field is still found. */
	assert_int_equal(matches(&t, "rouge"), 1);
	assert_int_equal(matches(&t, "mairie"), 1);
	assert_int_equal(matches(&t, "presse-papier"), 1);
	assert_int_equal(matches(&t, "efface"), 1);
	assert_int_equal(matches(&t, "supprime"), 1);
	assert_int_equal(matches(&t, "edcba"), 1);
	assert_int_equal(matches(&t, "retour"), 1);
	assert_int_equal(matches(&t, "tab"), 1);
	assert_warning(&t, 1, "control character U+001B replaced with a placeholder");
	assert_warning(&t, 2, "control character U+001B replaced with a placeholder");
	assert_warning(&t, 3, "control character U+009B replaced with a placeholder");
	assert_warning(&t, 5, "bidirectional control U+202E replaced with U+FFFD");
	assert_warning(&t, 5, "control character U+0001 replaced with a placeholder");
	assert_warning(&t, 6, "bidirectional control U+2066 replaced with U+FFFD");
	assert_warning(&t, 6, "control character U+007F replaced with a placeholder");
	table_free(&t);
}

static void
huge_field(void **state)
{
	(void)state;
	size_t big = 4u << 20;
	const char *head = "nom,description\nA,\"";
	const char *tail = " aiguille\"\nB,court\n";
	size_t n = strlen(head) + big + strlen(tail);
	char *csv = malloc(n);
	assert_non_null(csv);
	memcpy(csv, head, strlen(head));
	for (size_t i = 0; i < big; i++)
		csv[strlen(head) + i] = i % 1000 == 999 ? '\n' : (char)('a' + i % 26);
	memcpy(csv + strlen(head) + big, tail, strlen(tail));
	struct table t;
	struct err e;
	assert_int_equal(load_mem(&t, csv, n, NULL, &e), 0);
	assert_int_equal(t.nrows, 2);
	size_t len;
	table_field(&t, 0, 1, &len);
	assert_int_equal(len, big + strlen(" aiguille"));
	assert_int_equal(t.rows[1].line, 3 + big / 1000);
	assert_int_equal(matches(&t, "aiguille"), 1);
	assert_int_equal(matches(&t, "court"), 1);
	table_free(&t);
	free(csv);
}

static void
five_thousand_fields(void **state)
{
	(void)state;
	size_t cap = 200000, n = 0;
	char *csv = malloc(cap);
	assert_non_null(csv);
	for (int i = 0; i < 5000; i++)
		n += (size_t)snprintf(csv + n, cap - n, "%scol%d", i ? ";" : "", i);
	n += (size_t)snprintf(csv + n, cap - n, "\n");
	for (int i = 0; i < 5000; i++)
		n += (size_t)snprintf(csv + n, cap - n, "%sv%d", i ? ";" : "", i);
	n += (size_t)snprintf(csv + n, cap - n, "\n");
	struct table t;
	struct err e;
	assert_int_equal(load_mem(&t, csv, n, NULL, &e), 0);
	assert_int_equal(t.ncols, 5000);
	assert_int_equal(t.nrows, 1);
	assert_string_equal(t.cols[4999].name, "col4999");
	assert_string_equal(F(&t, 0, 4999), "v4999");
	assert_int_equal(matches(&t, "col4999:v4999"), 1);
	assert_int_equal(t.nwarn_total, 0);
	table_free(&t);

	/* The same row under a two-column header: extras kept, one warning. */
	n = (size_t)snprintf(csv, cap, "a;b\n");
	for (int i = 0; i < 5000; i++)
		n += (size_t)snprintf(csv + n, cap - n, "%sv%d", i ? ";" : "", i);
	n += (size_t)snprintf(csv + n, cap - n, "\nx;y\n");
	assert_int_equal(load_mem(&t, csv, n, NULL, &e), 0);
	assert_int_equal(t.nrows, 2);
	assert_string_equal(F(&t, 0, 4999), "v4999");
	assert_warning(&t, 2, "5000 fields instead of 2: the extra ones are kept");
	assert_int_equal(t.nwarn_total, 1);
	table_free(&t);
	free(csv);
}

/* ---- degenerate files ---- */

static void
empty_file(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	assert_int_equal(load_mem(&t, "", 0, NULL, &e), -1);
	assert_string_equal(ERR(&e), "test.csv: empty file (a CSV directory needs at least a header row)");
	table_free(&t);

	assert_int_equal(LOAD_STR(&t, "\n\r\n\n", &e), -1);
	assert_string_equal(ERR(&e), "test.csv: no header row (the file holds only blank lines)");
	table_free(&t);
}

static void
header_only(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	assert_int_equal(LOAD_STR(&t, "nom;territoire;telephone\r\n", &e), 0);
	assert_int_equal(t.nrows, 0);
	assert_int_equal(t.ncols, 3);
	assert_int_equal(t.nwarn_total, 0);
	assert_int_equal(matches(&t, "x"), 0);
	table_free(&t);

	assert_int_equal(LOAD_STR(&t, "nom", &e), 0);
	assert_int_equal(t.nrows, 0);
	assert_int_equal(t.ncols, 1);
	table_free(&t);
}

static void
binary_file(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	const char elf[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0";
	assert_int_equal(LOAD_OPTS(&t, elf, NULL, &e), -1);
	assert_string_equal(ERR(&e), "test.csv:1: binary data (NUL byte): not a text CSV file "
	    "(for UTF-16 without a byte order mark, use --encoding UTF-16LE)");
	table_free(&t);

	const char late[] = "nom\nA\nB\0C\n";
	assert_int_equal(LOAD_OPTS(&t, late, NULL, &e), -1);
	assert_string_equal(ERR(&e), "test.csv:3: binary data (NUL byte): not a text CSV file "
	    "(for UTF-16 without a byte order mark, use --encoding UTF-16LE)");
	table_free(&t);

	/* Lone CR line endings count the same. */
	const char cr[] = "nom\rA\rB\0C\r";
	assert_int_equal(LOAD_OPTS(&t, cr, NULL, &e), -1);
	assert_string_equal(ERR(&e), "test.csv:3: binary data (NUL byte): not a text CSV file "
	    "(for UTF-16 without a byte order mark, use --encoding UTF-16LE)");
	table_free(&t);

	/* A UTF-8 byte order mark does not let NUL bytes through. */
	const char bom[] = "\xef\xbb\xbfnom\nA\0B\n";
	assert_int_equal(LOAD_OPTS(&t, bom, NULL, &e), -1);
	assert_string_equal(ERR(&e), "test.csv:2: binary data (NUL byte): not a text CSV file "
	    "(for UTF-16 without a byte order mark, use --encoding UTF-16LE)");
	table_free(&t);
}

static void
blank_and_empty_rows_skipped(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	const char csv[] = "nom;ville;tel\r\n"
	    "\r\n"
	    ";;\r\n"
	    "A;Lyon;01\r\n"
	    "\"\";\"\";\r\n"
	    "\n"
	    "B;;\r\n"
	    ";;;;\r\n";
	assert_int_equal(LOAD_OPTS(&t, csv, NULL, &e), 0);
	assert_int_equal(t.nrows, 2);
	assert_string_equal(F(&t, 0, 0), "A");
	assert_int_equal(t.rows[0].line, 4);
	assert_string_equal(F(&t, 1, 0), "B");
	assert_int_equal(t.rows[1].line, 7);
	assert_int_equal(t.nwarn_total, 0);
	table_free(&t);
}

/* ---- files ---- */

static void
load_files(void **state)
{
	(void)state;
	char path[] = "/tmp/centres-unit-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char csv[] = "Nom;R\xe9gion;T\xe9l\xe9phone\r\nR\xe9sO;Bretagne;02 40\r\n";
	assert_int_equal(write(fd, csv, sizeof csv - 1), (ssize_t)(sizeof csv - 1));
	close(fd);
	struct table t;
	struct err e;
	table_init(&t, path);
	assert_int_equal(csvload_file(&t, path, NULL, &e), 0);
	assert_string_equal(t.source, path);
	assert_string_equal(t.encoding, "WINDOWS-1252");
	assert_int_equal(t.delimiter, ';');
	assert_string_equal(F(&t, 0, 0), "R\xc3\xa9sO");
	assert_string_equal(F(&t, 0, 2), "02 40");
	table_free(&t);
	unlink(path);

	table_init(&t, path);
	assert_int_equal(csvload_file(&t, path, NULL, &e), -1);
	char want[600];
	snprintf(want, sizeof want, "%s: No such file or directory", path);
	assert_string_equal(ERR(&e), want);
	table_free(&t);

	table_init(&t, "/tmp");
	assert_int_equal(csvload_file(&t, "/tmp", NULL, &e), -1);
	assert_string_equal(ERR(&e), "/tmp: not a regular file");
	table_free(&t);
}

struct progress_log {
	size_t calls, done[16], total, rows[16];
};

static bool
log_progress(void *ctx, size_t done, size_t total, size_t rows)
{
	struct progress_log *l = ctx;
	if (l->calls < 16)
		l->done[l->calls] = done, l->rows[l->calls] = rows;
	l->calls++;
	l->total = total;
	return true;
}

/* The progress callback: once a MiB of text, at the start of a line, with
 * the rows stored before that line; never for a file under a MiB. */
static void
progress_reported_each_mib(void **state)
{
	(void)state;
	const char head[] = "nom,ville\n";
	char line[32];
	int ll = snprintf(line, sizeof line, "Centre %06d,Lyon\n", 0);
	size_t nrows = (7 * CSVLOAD_PROGRESS_STEP / 2) / (size_t)ll;	/* 3.5 MiB */
	size_t n = sizeof head - 1 + nrows * (size_t)ll;
	char *buf = xmalloc(n + 1);
	memcpy(buf, head, sizeof head - 1);
	for (size_t i = 0; i < nrows; i++) {
		snprintf(line, sizeof line, "Centre %06zu,Lyon\n", i);
		memcpy(buf + sizeof head - 1 + i * (size_t)ll, line, (size_t)ll);
	}
	struct progress_log l = {0};
	struct load_opts o = {.progress = log_progress, .progress_ctx = &l};
	struct table t;
	struct err e;
	assert_int_equal(load_mem(&t, buf, n, &o, &e), 0);
	assert_int_equal(t.nrows, nrows);
	assert_int_equal(l.calls, 3);
	assert_int_equal(l.total, n);
	for (size_t k = 0; k < l.calls; k++) {
		size_t from = k ? l.done[k - 1] : 0;
		assert_true(l.done[k] >= from + CSVLOAD_PROGRESS_STEP);
		assert_true(l.done[k] < from + CSVLOAD_PROGRESS_STEP + (size_t)ll);
		assert_int_equal((l.done[k] - (sizeof head - 1)) % (size_t)ll, 0);	/* a line's start */
		assert_int_equal(l.rows[k], (l.done[k] - (sizeof head - 1)) / (size_t)ll);
	}
	table_free(&t);
	struct progress_log small = {0};
	o.progress_ctx = &small;
	assert_int_equal(load_mem(&t, buf, CSVLOAD_PROGRESS_STEP - 1, &o, &e), 0);
	assert_int_equal(small.calls, 0);
	table_free(&t);
	free(buf);
}

/* Stretches on the cores (parallel_min, stretches) against one stretch:
 * the same table, field by field, the same warnings, the same error, for
 * seeded generated inputs and hostile ones: quotes inside unquoted fields
 * (which fool the count of quotes a split relies on), line breaks inside
 * quotes, CRLF and lone CR, ragged and empty rows, an error anywhere. */
static uint64_t pseed = 1;
static uint32_t
prnd(uint32_t n)
{
	return xorshift(&pseed, n);
}

static void
gen_hostile(struct arena *a, size_t rows, bool errors)
{
	static const char *const cells[] = {"Centre", "\"Lyon, 3e\"", "\"dit \"\"le Phare\"\"\"",
	    "5\" écran", "a\"b", "\"\"", "", "Écully", "\"deux\nlignes\"", "\"trois\r\nlignes\"",
	    "Cœur", "\"x\"\"\"", "12", "\"fin\"", "é\"", "\"\n\""};
	static const char *const ends[] = {"\n", "\r\n", "\r", "\n\n", "\r\n\r\n"};
	static const char *const bad[] = {"\"ouvert", "\"a\"b", "\"sans fin\n"};
	/* Its third column a territory: a lazy table keeps it resident. */
	arena_append(a, "id,nom,territoire\n", 18);
	for (size_t r = 0; r < rows; r++) {
		size_t nf = prnd(8) == 0 ? 1 + prnd(5) : 3;
		for (size_t f = 0; f < nf; f++) {
			if (f)
				arena_putc(a, ',');
			const char *c = errors && prnd(400) == 0 ? bad[prnd(3)] : cells[prnd(16)];
			arena_append(a, c, strlen(c));
		}
		const char *e = ends[prnd(5)];
		arena_append(a, e, strlen(e));
	}
}

static void
same_tables(const struct table *a, const struct table *b)
{
	assert_int_equal(a->nrows, b->nrows);
	assert_int_equal(a->ncols, b->ncols);
	for (size_t c = 0; c < a->ncols; c++)
		assert_string_equal(a->cols[c].name, b->cols[c].name);
	for (size_t r = 0; r < a->nrows; r++) {
		assert_int_equal(a->rows[r].line, b->rows[r].line);
		assert_int_equal(a->rows[r].nfields, b->rows[r].nfields);
		for (size_t c = 0; c < a->rows[r].nfields; c++)
			assert_string_equal(F(a, r, c), F(b, r, c));
		same_folds(a, b, r);
	}
	assert_int_equal(a->nwarn_total, b->nwarn_total);
	assert_int_equal(a->nwarn, b->nwarn);
	for (size_t i = 0; i < a->nwarn; i++) {
		assert_int_equal(a->warn[i].line, b->warn[i].line);
		assert_string_equal(a->warn[i].msg, b->warn[i].msg);
	}
}

static int
write_file_at(const char *path, const char *s, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	size_t w = fwrite(s, 1, n, f);
	return fclose(f) == 0 && w == n ? 0 : -1;
}

/* A directory with the columns kept in memory by a lazy table (territory,
 * region, status: few values, many times), hostile cells elsewhere. */
static void
gen_lazy(struct arena *a, size_t rows)
{
	static const char *const cells[] = {"Centre", "\"Lyon, 3e\"", "\"dit \"\"le Phare\"\"\"",
	    "5\" écran", "\"\"", "", "Écully", "\"deux\nlignes\"", "\"trois\r\nlignes\"", "Cœur",
	    "\"x\"\"\"", "04 78 77 01 43", "\"\n\""};
	static const char *const places[] = {"Rhône", "\"Lot, et Garonne\"", "", "Réunion",
	    "\"deux\nlignes\"", "rhône"};
	static const char *const ends[] = {"\n", "\r\n", "\r", "\n\n", "\r\n\r\n"};
	static const char header[] = "id,nom,territoire,region,telephone,statut,territoire_2017\n";
	arena_append(a, header, sizeof header - 1);
	for (size_t r = 0; r < rows; r++) {
		size_t nf = prnd(8) == 0 ? 1 + prnd(9) : 7;
		for (size_t f = 0; f < nf; f++) {
			if (f)
				arena_putc(a, ',');
			bool kept = f == 2 || f == 3 || f == 5 || f == 6;
			const char *c = kept ? places[prnd(6)] : cells[prnd(13)];
			if (f == 0 && prnd(3) == 0)
				c = "";	/* a row may begin with an empty field */
			arena_append(a, c, strlen(c));
		}
		const char *e = ends[prnd(5)];
		arena_append(a, e, strlen(e));
	}
}

/* A lazy table (its rows read again from the file) holds the same fields,
 * folded text and warnings as one that holds them all, parsed in one
 * stretch or in several, whatever the order they are asked in. */
static void
lazy_as_full(void **state)
{
	(void)state;
	char path[] = "/tmp/centres-lazy-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	size_t lazy = 0;
	for (int round = 0; round < 40; round++) {
		pseed = 0x7654321 + (uint64_t)round;
		struct arena a = {0};
		if (round % 5 == 4)	/* a byte order mark: offsets from after it */
			arena_append(&a, "\xef\xbb\xbf", 3);
		if (round % 4 == 3)
			gen_hostile(&a, 50 + prnd(2000), false);
		else
			gen_lazy(&a, 50 + prnd(3000));
		struct table full, t;
		struct err e1, e2;
		assert_int_equal(load_mem(&full, a.base, a.len, NULL, &e1), 0);
		assert_int_equal(write_file_at(path, a.base, a.len), 0);
		struct load_opts o = {.lazy_min = 1, .stretches = 1 + (unsigned)(round % 3),
		    .parallel_min = 1};
		/* Some rounds as a column of many values: past the first 3, new
		 * ones folded in their rows' text. */
		bool many = round % 5 == 2;
		csvload_remember_for_tests(many ? 3 : 0);
		table_init(&t, "test.csv");
		assert_int_equal(csvload_file(&t, path, &o, &e2), 0);
		csvload_remember_for_tests(0);
		assert_non_null(t.lazy);
		lazy += t.lazy != NULL;
		same_tables(&full, &t);
		/* Rows out of order: the cache's rows go and come back. */
		for (int k = 0; k < 500 && full.nrows; k++) {
			size_t r = prnd((uint32_t)full.nrows), c = prnd(8);
			assert_string_equal(F(&full, r, c), F(&t, r, c));
		}
		/* Rows read ahead in another order (an export), some twice, then
		 * others: each as it is. */
		for (int pass = 0; pass < 2 && full.nrows; pass++) {
			uint32_t ahead[300];
			for (size_t i = 0; i < 300; i++)
				ahead[i] = prnd((uint32_t)full.nrows);
			table_prefetch(&t, ahead, 300);
			for (size_t i = 0; i < 300; i++)
				for (size_t c = 0; c < 8; c++)
					assert_string_equal(F(&full, ahead[i], c), F(&t, ahead[i], c));
		}
		/* The resident values are each kept once (in one stretch:
		 * the pool has no parts). */
		if (round % 4 != 3)
			assert_true(t.nres == 4);
		if (round % 4 != 3 && !t.stable && !many)
			assert_true(t.pool.len < 4096);
		assert_false(table_stale(&t));
		table_free(&full);
		table_free(&t);
		arena_free(&a);
	}
	assert_int_equal(lazy, 40);
	/* Not lazy: a file in another encoding (its rows are not its bytes). */
	static const char latin[] = "nom,ville\nCaf\xe9,Lyon\n";
	assert_int_equal(write_file_at(path, latin, sizeof latin - 1), 0);
	struct table t;
	struct err e;
	struct load_opts o = {.lazy_min = 1};
	table_init(&t, "test.csv");
	assert_int_equal(csvload_file(&t, path, &o, &e), 0);
	assert_null(t.lazy);
	assert_string_equal(F(&t, 0, 0), "Café");
	table_free(&t);
	unlink(path);
}

/* A lazy table's file changed under it: rewritten, truncated (its fields
 * then come from their folded form, never a mismatched row), or replaced by
 * another file of that name (the one read is still there to read). */
static void
lazy_file_changed(void **state)
{
	(void)state;
	char path[] = "/tmp/centres-lazy-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	static const char csv[] = "nom,territoire,telephone\nCentre Émile Zola,Rhône,04 78 77 01 43\n"
	    "Maison Prévert,Doubs,03 81 41 00 26\n";
	struct load_opts o = {.lazy_min = 1};
	for (int how = 0; how < 3; how++) {
		assert_int_equal(write_file_at(path, csv, sizeof csv - 1), 0);
		struct table t;
		struct err e;
		table_init(&t, "test.csv");
		assert_int_equal(csvload_file(&t, path, &o, &e), 0);
		assert_non_null(t.lazy);
		assert_string_equal(F(&t, 1, 0), "Maison Prévert");
		if (how == 0) {	/* rewritten in place, the same size */
			char other[sizeof csv];
			memcpy(other, csv, sizeof csv);
			memcpy(strstr(other, "Maison"), "Palais", 6);
			struct timespec later = {0, 20 * 1000 * 1000};
			nanosleep(&later, NULL);
			assert_int_equal(write_file_at(path, other, sizeof csv - 1), 0);
		} else if (how == 1) {
			assert_int_equal(truncate(path, 10), 0);
		} else {
			char moved[sizeof path + 4];
			snprintf(moved, sizeof moved, "%s.new", path);
			assert_int_equal(write_file_at(moved, "nom\nAutre\n", 10), 0);
			assert_int_equal(rename(moved, path), 0);
		}
		/* Row 0 was not read since: read now. */
		if (how < 2) {
			assert_string_equal(F(&t, 0, 0), "centre emile zola");
			assert_string_equal(F(&t, 0, 2), "04 78 77 01 43");
			assert_true(table_stale(&t));
		} else {
			assert_string_equal(F(&t, 0, 0), "Centre Émile Zola");
			assert_false(table_stale(&t));
		}
		/* The territory stays in memory: as it was. */
		assert_string_equal(F(&t, 0, 1), "Rhône");
		table_free(&t);
	}
	unlink(path);
}

/* The loader's own splitting of simple lines gives the same table as
 * libcsv's of every line, on hostile and generated text, in one stretch or
 * several, with every delimiter. */
static void
own_split_as_libcsv(void **state)
{
	(void)state;
	static const char delims[] = ",;\t";
	for (int round = 0; round < 80; round++) {
		pseed = 0x5eed0 + (uint64_t)round;
		struct arena a = {0};
		if (round % 2)
			gen_hostile(&a, 20 + prnd(2000), round % 6 == 1);
		else
			gen_lazy(&a, 20 + prnd(2000));
		char d = delims[round % 3];
		if (d != ',')	/* the same text, another delimiter: commas become it */
			for (size_t i = 0; i < a.len; i++)
				if (a.base[i] == ',')
					a.base[i] = d;
		if (round % 7 == 3 && a.len)	/* no line break at the end */
			while (a.len && (a.base[a.len - 1] == '\n' || a.base[a.len - 1] == '\r'))
				a.len--;
		unsigned k = 1 + (unsigned)(round % 4);
		struct load_opts lib = {.split = LOAD_SPLIT_LIBCSV, .stretches = k, .parallel_min = 1};
		struct load_opts own = {.split = LOAD_SPLIT_OWN, .stretches = k, .parallel_min = 1};
		struct table t1, t2;
		struct err e1, e2;
		int r1 = load_mem(&t1, a.base, a.len, &lib, &e1);
		int r2 = load_mem(&t2, a.base, a.len, &own, &e2);
		assert_int_equal(r1, r2);
		if (r1 < 0)
			assert_string_equal(ERR(&e1), ERR(&e2));
		same_tables(&t1, &t2);
		assert_int_equal(t1.delimiter, t2.delimiter);
		table_free(&t1);
		table_free(&t2);
		arena_free(&a);
	}
}

/* What the loader must say of a text's quotes, found the slow way: byte by
 * byte, as libcsv reads them (a quote opens a field only at its start;
 * after a closing quote, only another quote, the delimiter or a line end).
 * Returns the line of text after a closing quote (*after true) or of a
 * quote never closed, or 0 when the quotes are right. */
static uint32_t
quotes_by_hand(const char *s, size_t n, char d, bool *after)
{
	enum { START, PLAIN, QUOTED, CLOSED } q = START;
	uint32_t line = 1, opened = 0;
	*after = false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		bool eol = c == '\n' || c == '\r';
		if (q == START && c == '"')
			q = QUOTED, opened = line;
		else if (q == START && c != d && !eol)
			q = PLAIN;
		else if (q == PLAIN && (c == d || eol))
			q = START;
		else if (q == QUOTED && c == '"')
			q = CLOSED;
		else if (q == CLOSED && c == '"')
			q = QUOTED;
		else if (q == CLOSED && (c == d || eol))
			q = START;
		else if (q == CLOSED)
			return *after = true, line;
		if (c == '\n' || (c == '\r' && !(i + 1 < n && s[i + 1] == '\n')))
			line++;
	}
	return q == QUOTED ? opened : 0;
}

/* The loader's quote tracker (which skips through fields and lines) says
 * what the slow way says, on texts made of little but quotes, delimiters
 * and line ends, in one stretch and in several. */
static void
quotes_as_by_hand(void **state)
{
	(void)state;
	static const char alphabet[] = "\"\"\",,;\n\n\r ab";
	for (int round = 0; round < 4000; round++) {
		pseed = 0x9e0 + (uint64_t)round;
		struct arena a = {0};
		arena_append(&a, "a,b;c\n", 6);
		size_t n = 1 + prnd(round % 10 == 0 ? 400 : 40);
		for (size_t i = 0; i < n; i++)
			arena_putc(&a, alphabet[prnd(sizeof alphabet - 1)]);
		char d = round % 3 ? ',' : ';';
		bool after;
		uint32_t bad = quotes_by_hand(a.base, a.len, d, &after);
		struct load_opts o = {.delimiter = d, .split = round % 2 ? LOAD_SPLIT_OWN :
		    LOAD_SPLIT_LIBCSV, .stretches = 1 + (unsigned)(round % 3), .parallel_min = 1};
		struct table t;
		struct err e;
		int rc = load_mem(&t, a.base, a.len, &o, &e);
		char want[300];
		snprintf(want, sizeof want, "test.csv:%u: %s", bad, after ? "text after the closing "
		    "quote of a field (a field with quotes must be quoted whole, its quotes doubled)" :
		    "unterminated quoted field: the quote opened on this line is never closed");
		if (bad) {
			assert_int_equal(rc, -1);
			assert_string_equal(ERR(&e), want);
		} else if (rc < 0) {
			assert_null(strstr(ERR(&e), "quote"));
		}
		table_free(&t);
		arena_free(&a);
	}
}

static void
stretches_as_one(void **state)
{
	(void)state;
	char path[] = "/tmp/centres-stretch-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	size_t parallel = 0;
	for (int round = 0; round < 60; round++) {
		pseed = 0x1234567 + (uint64_t)round;
		struct arena a = {0};
		gen_hostile(&a, 50 + prnd(3000), round % 3 == 2);
		struct load_opts one = {.stretches = 1};
		struct load_opts many = {.stretches = 2 + (unsigned)prnd(5), .parallel_min = 1};
		struct table t1, t2;
		struct err e1, e2;
		int r1 = load_mem(&t1, a.base, a.len, &one, &e1);
		int r2 = load_mem(&t2, a.base, a.len, &many, &e2);
		assert_int_equal(r1, r2);
		if (r1 < 0) {
			assert_string_equal(ERR(&e1), ERR(&e2));
		}
		same_tables(&t1, &t2);
		parallel += t2.stable;
		table_free(&t2);
		/* From a file: the stretches give their pages back, and one
		 * that began inside quotes has the file read again. */
		FILE *f = fopen(path, "wb");
		assert_non_null(f);
		assert_int_equal(fwrite(a.base, 1, a.len, f), a.len);
		assert_int_equal(fclose(f), 0);
		table_init(&t2, "test.csv");
		r2 = csvload_file(&t2, path, &many, &e2);
		assert_int_equal(r1, r2);
		if (r1 < 0)
			assert_int_equal(e1.line, e2.line);
		same_tables(&t1, &t2);
		table_free(&t1);
		table_free(&t2);
		arena_free(&a);
	}
	assert_true(parallel > 30);
	unlink(path);
}

/* A quote inside an unquoted field early on fools the count of quotes for
 * the rest of the file: the second stretch then begins inside a quoted
 * field that holds a line break. The first stretch sees it did not end
 * between rows and goes on alone: in memory, over the text; from a file,
 * over the pages the other stretch gave back as it went, read again. */
static void
stretches_fooled_by_a_quote(void **state)
{
	(void)state;
	struct arena a = {0};
	arena_append(&a, "id,nom,ville\n1,5\" écran,Lyon\n", 28);
	for (size_t i = 2; a.len < ((size_t)6 << 20); i++) {
		char line[64];
		int n = snprintf(line, sizeof line, "%zu,\"Centre\nsur deux lignes\",Lyon\n", i);
		arena_append(&a, line, (size_t)n);
	}
	char path[] = "/tmp/centres-fooled-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, a.base, a.len), (ssize_t)a.len);
	close(fd);
	struct load_opts one = {.stretches = 1}, two = {.stretches = 2, .parallel_min = 1};
	struct table t1, t2, t3;
	struct err e;
	assert_int_equal(load_mem(&t1, a.base, a.len, &one, &e), 0);
	assert_int_equal(load_mem(&t2, a.base, a.len, &two, &e), 0);
	same_tables(&t1, &t2);
	table_init(&t3, "test.csv");
	assert_int_equal(csvload_file(&t3, path, &two, &e), 0);
	same_tables(&t1, &t3);
	table_free(&t3);
	/* Without the stray quote the stretches are whole. */
	a.base[16] = 'x';	/* 5" -> 5x */
	table_free(&t1);
	assert_int_equal(load_mem(&t1, a.base, a.len, &one, &e), 0);
	assert_int_equal(write_file_at(path, a.base, a.len), 0);
	table_init(&t3, "test.csv");
	assert_int_equal(csvload_file(&t3, path, &two, &e), 0);
	same_tables(&t1, &t3);
	table_free(&t1);
	table_free(&t2);
	table_free(&t3);
	arena_free(&a);
	unlink(path);
}

int
main(void)
{
	setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quoted_fields),
		cmocka_unit_test(line_endings),
		cmocka_unit_test(line_breaks_in_quoted_field_kept),
		cmocka_unit_test(utf8_bom),
		cmocka_unit_test(delimiter_detected),
		cmocka_unit_test(delimiter_override),
		cmocka_unit_test(windows_1252_detected),
		cmocka_unit_test(windows_1252_undefined_byte),
		cmocka_unit_test(utf8_with_broken_sequences),
		cmocka_unit_test(utf16_with_bom),
		cmocka_unit_test(forced_encoding),
		cmocka_unit_test(french_text_in_both_encodings),
		cmocka_unit_test(forced_wide_encodings_skip_a_whole_unit),
		cmocka_unit_test(encoding_name_printed_safely),
		cmocka_unit_test(header_names_any_order),
		cmocka_unit_test(unknown_columns),
		cmocka_unit_test(duplicate_header_names),
		cmocka_unit_test(ragged_rows),
		cmocka_unit_test(unterminated_quote),
		cmocka_unit_test(text_after_closing_quote),
		cmocka_unit_test(physical_line_numbers),
		cmocka_unit_test(hostile_content),
		cmocka_unit_test(huge_field),
		cmocka_unit_test(five_thousand_fields),
		cmocka_unit_test(empty_file),
		cmocka_unit_test(header_only),
		cmocka_unit_test(binary_file),
		cmocka_unit_test(blank_and_empty_rows_skipped),
		cmocka_unit_test(load_files),
		cmocka_unit_test(progress_reported_each_mib),
		cmocka_unit_test(stretches_as_one),
		cmocka_unit_test(stretches_fooled_by_a_quote),
		cmocka_unit_test(lazy_as_full),
		cmocka_unit_test(own_split_as_libcsv),
		cmocka_unit_test(quotes_as_by_hand),
		cmocka_unit_test(lazy_file_changed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
