/* SPDX-License-Identifier: MIT
 * The filter engine: AND of terms, case and accent folding, phrases,
 * field-scoped terms, phone digits, incremental narrowing, and the match
 * positions used for highlighting. On the test directory
 * tests/data/annuaire.csv (its ids in the assertions), not the built-in one. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/filter.h"
#include "core/directory.h"

static struct directory dir;

/* The test directory, by its path from the top of the tree: $CENTRES_TOP
 * (tests/run.sh exports it), else the current directory. */
static int
setup(void **state)
{
	(void)state;
	struct err e;
	if (directory_load(&dir, FIXTURE, NULL, &e) != 0) {
		fprintf(stderr, "%s\n", ERR(&e));	/* names the file */
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	directory_free(&dir);
	return 0;
}

/* The ids of the rows of t matching q, space-separated ("" for none). */
static char *
ids(const struct table *t, const char *q)
{
	static char buf[512];
	struct filter f;
	filter_init(&f);
	filter_set(&f, t, q);
	buf[0] = '\0';
	for (size_t i = 0; i < f.n; i++) {
		size_t len = strlen(buf);
		snprintf(buf + len, sizeof buf - len, "%s%s", i ? " " : "",
		    t->role_col[ROLE_ID] >= 0 ? table_role(t, f.rows[i], ROLE_ID, NULL)
		    : table_name(t, f.rows[i], NULL));
	}
	filter_free(&f);
	return buf;
}

#define assert_ids(q, want) assert_string_equal(ids(&dir.t, (q)), (want))

/* Spans of query q in s, for column col of the test directory's table, as
 * "[a,b) [c,d)". */
static char *
spans(const struct table *t, const char *q, size_t col, const char *s)
{
	static char buf[256];
	struct query qq;
	struct span sp[8];
	query_parse(t, q, &qq);
	size_t n = filter_spans(&qq, col, s, strlen(s), sp, 8);
	query_free(&qq);
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(buf);
		snprintf(buf + len, sizeof buf - len, "%s[%u,%u)", i ? " " : "", sp[i].start, sp[i].end);
	}
	return buf;
}

static void
empty_query_matches_all(void **state)
{
	(void)state;
	struct filter f;
	filter_init(&f);
	filter_set(&f, &dir.t, "");
	assert_int_equal(f.n, 18);
	assert_false(f.active);
	for (size_t i = 0; i < f.n; i++) {
		assert_int_equal(f.rows[i], i);
		assert_true(f.hit[i]);
	}
	filter_set(&f, &dir.t, "  \t ");
	assert_int_equal(f.n, 18);
	assert_false(f.active);
	filter_free(&f);
}

static void
and_of_terms(void **state)
{
	(void)state;
	assert_ids("centre", "8 10 12 14");
	assert_ids("ressources", "7 8 10 14");
	/* Every term must match, in any order, anywhere in the row. */
	assert_ids("centre ressources", "8 10 14");
	assert_ids("  ressources   centre ", "8 10 14");
	assert_ids("centre azurine", "10");
	assert_ids("azurine archipel", "");
	assert_ids("val-de-loire", "12");
}

static void
case_and_accent_insensitive(void **state)
{
	(void)state;
	assert_ids("oceane", "13");
	assert_ids("OCEANE", "13");
	assert_ids("Oc\xc3\xa9" "ane", "13");
	assert_ids("OC\xc3\x89" "ANE", "13");
	assert_ids("cote", "8 10");
	assert_ids("C\xc3\xb4te", "8 10");
	assert_ids("ile-verte", "2 3 8 11");
	assert_ids("oeuvre", "9");
	assert_ids("ars\xe2\x80\xa2" "dul", "1");

	/* œ and æ are two letters. */
	struct table t;
	struct err e;
	assert_int_equal(LOAD_STR(&t, "nom,note\n"
	    "Main d'\xc5\x93uvre,a\n"
	    "MAN\xc5\x92UVRE,b\n"
	    "Maitre d'oeuvre,c\n"
	    "Ouvrage,d\n"
	    "Cur\xc3\xa6,e\n", &e), 0);
	assert_string_equal(ids(&t, "oeuvre"), "Main d'\xc5\x93uvre MAN\xc5\x92UVRE Maitre d'oeuvre");
	assert_string_equal(ids(&t, "\xc5\x93uvre"), "Main d'\xc5\x93uvre MAN\xc5\x92UVRE Maitre d'oeuvre");
	assert_string_equal(ids(&t, "OEUVRE"), "Main d'\xc5\x93uvre MAN\xc5\x92UVRE Maitre d'oeuvre");
	assert_string_equal(ids(&t, "uvre"), "Main d'\xc5\x93uvre MAN\xc5\x92UVRE Maitre d'oeuvre");
	assert_string_equal(ids(&t, "curae"), "Cur\xc3\xa6");
	assert_string_equal(ids(&t, "ouvr"), "Ouvrage");
	table_free(&t);
}

static void
quoted_phrases(void **state)
{
	(void)state;
	assert_ids("\"cote d'azurine\"", "10");
	assert_ids("\"C\xc3\x94TE D\xe2\x80\x99" "AZURINE\"", "10");
	/* The phrase keeps its space: the words apart do not make it. */
	assert_ids("\"cote azurine\"", "");
	assert_ids("cote azurine", "10");
	assert_ids("\"de la ville\" \"en archipel\"", "18");
	/* An unclosed quote while typing runs to the end. */
	assert_ids("\"villes et", "16");
	/* The phrase's space ends a word: "Villes en", "Villes et", and
	 * www.bocagevilles.example (dots separate words too). */
	assert_ids("\"villes ", "12 16 17");
	/* A phrase may be scoped. */
	assert_ids("territoire:\"iles du\"", "14");
}

static void
column_scoped_terms(void **state)
{
	(void)state;
	assert_ids("territoire:boca", "6");
	assert_ids("TERRITOIRE:Boca", "6");
	assert_ids("territory:boca", "6");
	assert_ids("region:bocage", "6");
	assert_ids("r\xc3\xa9gion:\xc3\xaele", "2 3 8 11 14");
	/* Words present in other columns are not found by a scoped term. */
	assert_ids("territoire:ressources", "");
	assert_ids("nom:marais", "");
	assert_ids("nom:oceane", "13");
	assert_ids("territoire:azurine", "10");
	assert_ids("courriel:capitale", "11");
	assert_ids("e-mail:capitale", "11");
	assert_ids("site:capitale", "");
	/* territoire covers the territory since 2017. */
	assert_ids("territoire:hauts", "5");
	assert_ids("territoire_2017:hauts", "5");
	assert_ids("territoire_2017:vieux", "");
	/* Scoped and plain terms together. */
	assert_ids("territoire:loire centre", "12");
	/* A prefix alone, while typing, is no constraint yet. */
	assert_ids("nom:", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18");
}

static void
unknown_prefix_is_plain_text(void **state)
{
	(void)state;
	assert_ids("foo:bar", "");
	/* ':' separates words like any punctuation: the website
	 * www.ars-dul.example has the words www and ars. */
	assert_ids("www:ars", "1");
	struct table t;
	struct err e;
	assert_int_equal(LOAD_STR(&t, "nom,note\nA,http://exemple.fr\nB,ratio 3:1\nC,http\n", &e), 0);
	assert_string_equal(ids(&t, "http://exemple"), "A");
	assert_string_equal(ids(&t, "3:1"), "B");
	assert_string_equal(ids(&t, "note:3:1"), "B");
	assert_string_equal(ids(&t, "nom:http"), "");
	assert_string_equal(ids(&t, "note:http"), "A C");
	table_free(&t);
}

static void
phone_digits(void **state)
{
	(void)state;
	assert_ids("04657101", "1");
	assert_ids("0465 7101", "1");	/* one number, however spaced */
	assert_ids("\"04 65 71 01\"", "1");
	assert_ids("04.65.71.01.43", "1");
	assert_ids("04-65-71-01-43", "1");
	assert_ids("0465710143", "1");
	/* The second number of Îles du Levant. */
	assert_ids("0261915543", "14");
	assert_ids("0261915542", "14");
	assert_ids("0261915544", "");
	assert_ids("tel:0261915543", "14");
	assert_ids("telephone_2:0261915543", "14");
	assert_ids("0465710242", "16");
	assert_ids("territoire:0465", "");

	struct table t;
	struct err e;
	assert_int_equal(LOAD_STR(&t, "nom;tel\nA;+33 (0)4 78 77 01 43\nB;04.78.77.01.44\nC;04-78\n"
	    "D;05\xc2\xa0" "62\xe2\x80\xaf" "11\n", &e), 0);
	/* +33 (0)4 78 is 04 78. */
	assert_string_equal(ids(&t, "0478"), "A B C");
	/* No-break spaces, as French spreadsheets write numbers. */
	assert_string_equal(ids(&t, "056211"), "D");
	assert_string_equal(spans(&t, "0562", 1, "05\xc2\xa0" "62\xe2\x80\xaf" "11"), "[0,6)");
	assert_string_equal(ids(&t, "478770143"), "A");
	assert_string_equal(ids(&t, "0478770144"), "B");
	table_free(&t);
}

/* Queries written the way people write them, each rule both ways round,
 * on a small table of its own. */
static void
queries_as_people_write_them(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	assert_int_equal(LOAD_STR(&t, "nom,sigle,territoire,telephone\n"
	    "Profession Banlieue,,Seine Saint-Denis,01 48 09 26 36\n"		/* A */
	    "P\xc3\xb4le Ressources,,Val d'Oise,01 34 05 17 17\n"			/* B */
	    "Institut,IREV,Nord Pas-de-Calais,03 20 25 10 29\n"			/* C */
	    "Centre de Ressources,CR\xe2\x80\xa2" "DSU,Rh\xc3\xb4ne,04 78 77 01 43\n"	/* D */
	    "Normanvilles,,Normandie,02 31 43 63 36\n"				/* E */
	    "Aquitaine,,Gironde,05 56 90 81 00\n"					/* F */
	    "Ressources & Territoires,,Midi-Pyr\xc3\xa9n\xc3\xa9" "es,05 62 11 38 34\n"	/* G */
	    "Maison,,Saint-\xc3\x89tienne,+33 4 77 00 00 00\n"			/* H */
	    "Sainte Foy,,Rh\xc3\xb4ne,04.78.59.00.00\n"				/* I */
	    "Stade,,Est,03 00 00 00 00\n", &e), 0);					/* J */
	/* Hyphens, spaces, apostrophes, dots separate words on both sides. */
	assert_string_equal(ids(&t, "seine-saint-denis"), "Profession Banlieue");
	assert_string_equal(ids(&t, "seine saint denis"), "Profession Banlieue");
	assert_string_equal(ids(&t, "Val-d'Oise"), "P\xc3\xb4le Ressources");
	assert_string_equal(ids(&t, "val d oise"), "P\xc3\xb4le Ressources");
	assert_string_equal(ids(&t, "val d\xe2\x80\x99oise"), "P\xc3\xb4le Ressources");
	assert_string_equal(ids(&t, "Nord-Pas-de-Calais"), "Institut");
	assert_string_equal(ids(&t, "nord pas de calais"), "Institut");
	assert_string_equal(ids(&t, "cr-dsu"), "Centre de Ressources");
	assert_string_equal(ids(&t, "CR.DSU"), "Centre de Ressources");
	assert_string_equal(ids(&t, "cr dsu"), "Centre de Ressources");
	assert_string_equal(ids(&t, "midi pyrenees"), "Ressources & Territoires");
	/* An acronym typed without its separators; in the acronym only (the
	 * words of a name stay words: "deressources" is no name). */
	assert_string_equal(ids(&t, "crdsu"), "Centre de Ressources");
	assert_string_equal(ids(&t, "CRDSU"), "Centre de Ressources");
	assert_string_equal(ids(&t, "sigle:crdsu"), "Centre de Ressources");
	assert_string_equal(ids(&t, "rdsu"), "Centre de Ressources");
	assert_string_equal(ids(&t, "nom:crdsu"), "");
	assert_string_equal(ids(&t, "deressources"), "");
	assert_string_equal(ids(&t, "seinesaint"), "");
	assert_string_equal(spans(&t, "crdsu", 1, "CR\xe2\x80\xa2" "DSU"), "[0,8)");
	/* st and ste for saint and sainte, and back; as words, not inside them. */
	assert_string_equal(ids(&t, "st denis"), "Profession Banlieue");
	assert_string_equal(ids(&t, "st-etienne"), "Maison");
	assert_string_equal(ids(&t, "ste foy"), "Sainte Foy");
	assert_string_equal(ids(&t, "saint etienne"), "Maison");
	/* st is also what it is: a substring (InSTitut, STade, eST). */
	assert_string_equal(ids(&t, "st"), "Profession Banlieue Institut Maison Sainte Foy Stade");
	assert_string_equal(ids(&t, "saint"), "Profession Banlieue Maison Sainte Foy");
	/* Phone numbers in any common spelling. */
	assert_string_equal(ids(&t, "04 78 77 01 43"), "Centre de Ressources");
	assert_string_equal(ids(&t, "04.78.77.01.43"), "Centre de Ressources");
	assert_string_equal(ids(&t, "+33 4 78"), "Centre de Ressources Sainte Foy");
	assert_string_equal(ids(&t, "0033478770143"), "Centre de Ressources");
	assert_string_equal(ids(&t, "+33 (0)4 78 77 01 43"), "Centre de Ressources");
	assert_string_equal(ids(&t, "(0)4 78 77"), "Centre de Ressources");
	/* A number written +33 in the file is found as 0... */
	assert_string_equal(ids(&t, "0477"), "Maison");
	assert_string_equal(ids(&t, "+33 4 77"), "Maison");
	/* ... and from one of its groups. */
	assert_string_equal(ids(&t, "0143"), "Centre de Ressources");
	assert_string_equal(ids(&t, "7701"), "Centre de Ressources");
	/* Not across the middle of a group: 33 is no group of 02 31 43 63 36. */
	assert_string_equal(ids(&t, "33"), "");
	assert_string_equal(ids(&t, "3163"), "");
	/* One number, not two words: 05 56 is not 05 and 56 anywhere. */
	assert_string_equal(ids(&t, "05 56"), "Aquitaine");
	assert_string_equal(ids(&t, "0562"), "Ressources & Territoires");
	/* Where the match is: the number's text as written. */
	assert_string_equal(spans(&t, "+33 4 77", 3, "+33 4 77 00 00 00"), "[0,8)");
	assert_string_equal(spans(&t, "0143", 3, "04 78 77 01 43"), "[9,14)");
	table_free(&t);

	/* Narrowing while typing gives what the query gives anew. */
	static const char *const typed[] = {"st denis", "+33 4 78 77", "seine-saint-d", "ste f",
	    "crcsur", "rcs"};
	assert_int_equal(LOAD_STR(&t, "nom,tel,sigle\nSaint-Denis,+33 4 78 77 00 00,\nSte Foy,01,\n"
	    "Seine Saint-Denis,04 78 77 11 11,CR-CSUR\nStade,02,RC S\n", &e), 0);
	for (size_t k = 0; k < sizeof typed / sizeof typed[0]; k++) {
		struct filter inc;
		filter_init(&inc);
		char q[64] = "";
		for (size_t i = 0; typed[k][i]; i++) {
			q[i] = typed[k][i];
			filter_set(&inc, &t, q);
			struct filter fresh;
			filter_init(&fresh);
			filter_set(&fresh, &t, q);
			assert_int_equal(inc.n, fresh.n);
			for (size_t j = 0; j < inc.n; j++)
				assert_int_equal(inc.rows[j], fresh.rows[j]);
			filter_free(&fresh);
		}
		filter_free(&inc);
	}
	table_free(&t);
}

static void
query_parsing(void **state)
{
	(void)state;
	struct query q;
	query_parse(&dir.t, " R\xc3\xa9union  \"val d'oise\" territoire:Bret 04.78 nom: x:y ", &q);
	assert_int_equal(q.n, 5);
	assert_string_equal(q.terms[0].text, "reunion");
	assert_null(q.terms[0].cols);
	assert_string_equal(q.terms[1].text, "val d oise");
	assert_string_equal(q.terms[2].text, "bret");
	assert_int_equal(q.terms[2].ncols, 2);
	assert_string_equal(q.terms[3].text, "0478");
	assert_true(q.terms[3].digits);
	assert_false(q.terms[0].digits);
	assert_string_equal(q.terms[4].text, "x y");	/* not a column: punctuation */
	assert_null(q.terms[4].cols);
	query_free(&q);

	struct query wide, narrow;
	query_parse(&dir.t, "reu", &wide);
	query_parse(&dir.t, "reunion", &narrow);
	assert_true(query_implies(&narrow, &wide));
	assert_false(query_implies(&wide, &narrow));
	query_free(&narrow);
	query_parse(&dir.t, "territoire:reunion", &narrow);
	assert_true(query_implies(&narrow, &wide));
	assert_false(query_implies(&wide, &narrow));
	query_free(&narrow);
	query_free(&wide);
}

/* f given query q tested examined rows and found n. */
#define assert_examined(q, examined_, n_) do { \
	filter_set(&f, &dir.t, (q)); \
	assert_int_equal(f.examined, (examined_)); \
	assert_int_equal(f.n, (n_)); \
} while (0)

static void
incremental(void **state)
{
	(void)state;
	struct filter f;
	filter_init(&f);
	assert_examined("oce", 18, 1);
	/* Extending the query: only the previous match is looked at again. */
	assert_examined("oceane", 1, 1);
	assert_string_equal(table_role(&dir.t, f.rows[0], ROLE_ID, NULL), "13");
	/* An unrelated query rescans every row. */
	assert_examined("mara", 18, 1);
	/* So does a shorter one never met (backspace). */
	filter_set(&f, &dir.t, "centre ressources");
	assert_examined("centre", 18, 4);
	/* Adding a term narrows: only the 4 previous matches are tested. */
	assert_examined("centre ress", 4, 3);
	assert_examined("centre ress azur", 3, 1);
	/* A query met before (Backspace, typing it again) takes the rows kept
	 * of it: none is tested. */
	assert_examined("centre ressources", 0, 3);
	assert_examined("centre", 0, 4);
	assert_examined("centre ress azur", 0, 1);
	/* The hit array agrees with the rows. */
	for (size_t r = 0; r < dir.t.nrows; r++)
		assert_int_equal(f.hit[r] != 0, r == f.rows[0]);
	/* Scoping a term narrows too (mara: kept). */
	assert_examined("mara", 0, 1);
	assert_examined("territoire:mara", 1, 1);
	/* After a reset, a narrower query still rescans. */
	filter_reset(&f);
	assert_examined("territoire:marai", 18, 1);
	filter_free(&f);

	/* Whatever the path, the result is the one a fresh filter gives. */
	static const char *const seq[] = {
		"c", "ce", "cen", "centre", "centre r", "centre re", "centre", "c", "",
		"0", "04", "04 6", "04 65", "046", "0465", "04", "\"cote", "\"cote d'", "\"cote d'azurine\"",
		"nom", "nom:", "nom:r", "nom:re", "nom:res", "re", "region:", "region:i", "i",
	};
	struct filter inc;
	filter_init(&inc);
	for (size_t i = 0; i < sizeof seq / sizeof seq[0]; i++) {
		filter_set(&inc, &dir.t, seq[i]);
		struct filter fresh;
		filter_init(&fresh);
		filter_set(&fresh, &dir.t, seq[i]);
		if (inc.n != fresh.n)
			fail_msg("'%s': %zu rows incrementally, %zu fresh", seq[i], inc.n, fresh.n);
		assert_memory_equal(inc.rows, fresh.rows, fresh.n * sizeof *fresh.rows);
		assert_memory_equal(inc.hit, fresh.hit, dir.t.nrows);
		filter_free(&fresh);
	}
	filter_free(&inc);
}

static void
highlight_spans(void **state)
{
	(void)state;
	const struct table *t = &dir.t;
	assert_string_equal(spans(t, "reunion", 3, "La R\xc3\xa9union"), "[3,11)");
	assert_string_equal(spans(t, "la reunion", 3, "La R\xc3\xa9union"), "[0,2) [3,11)");
	assert_string_equal(spans(t, "reunion la", 3, "La R\xc3\xa9union"), "[0,2) [3,11)");
	assert_string_equal(spans(t, "cote", 3, "Provence-Alpes-C\xc3\xb4te d'Azur"), "[15,20)");
	assert_string_equal(spans(t, "oeuvre", 1, "Main d'\xc5\x93uvre"), "[7,13)");
	/* A term that starts or ends inside œ highlights the whole letter. */
	assert_string_equal(spans(t, "euvre", 1, "Main d'\xc5\x93uvre"), "[7,13)");
	assert_string_equal(spans(t, "d'o", 1, "Main d'\xc5\x93uvre"), "[5,9)");
	/* A compatibility ligature: ﬁ is "fi". */
	assert_string_equal(spans(t, "fin", 1, "\xef\xac\x81n"), "[0,4)");
	/* Every occurrence. */
	assert_string_equal(spans(t, "an", 1, "Banane ancienne"), "[1,3) [3,5) [7,9)");
	/* Phone digits across their spacing. */
	assert_string_equal(spans(t, "0478", 8, "04 78 77 01 43"), "[0,5)");
	assert_string_equal(spans(t, "0143", 8, "04 78 77 01 43"), "[9,14)");
	/* A scoped term lights only its columns. */
	assert_string_equal(spans(t, "territoire:reu", 3, "La R\xc3\xa9union"), "[3,7)");
	assert_string_equal(spans(t, "territoire:reu", 1, "La R\xc3\xa9union"), "");
	assert_string_equal(spans(t, "tel:55", 9, "02 62 20 55 43"), "[9,11)");
	assert_string_equal(spans(t, "tel:55", 3, "55"), "");
	assert_string_equal(spans(t, "xyz", 1, "La R\xc3\xa9union"), "");
	assert_string_equal(spans(t, "", 1, "La R\xc3\xa9union"), "");
	/* Line breaks in the field: offsets are still in the original text. */
	assert_string_equal(spans(t, "lyon", 1, "1 rue X\r\n69000 Lyon"), "[15,19)");
	/* At most max spans. */
	struct query q;
	struct span sp[2];
	query_parse(t, "a", &q);
	assert_int_equal(filter_spans(&q, 1, "aaaaa", 5, sp, 2), 2);
	query_free(&q);
}

/* A table large enough that the filter splits the scan across threads: the
 * result, fresh or narrowed, is exactly the rows that match one by one, in
 * order, and hit[] agrees. */
static void
large_table_split_across_threads(void **state)
{
	(void)state;
	const size_t rows = 100000;
	size_t cap = rows * 48 + 64, n = 0;
	char *csv = malloc(cap);
	assert_non_null(csv);
	n += (size_t)snprintf(csv + n, cap - n, "nom,territoire,telephone\n");
	static const char *const terr[] = {"La Réunion", "Val d'Oise", "Guyane", "Côte d'Azur"};
	for (size_t i = 0; i < rows; i++)
		n += (size_t)snprintf(csv + n, cap - n, "Centre %zu,%s,0%zu %02zu %02zu\n", i,
		    terr[(i * 7 + i / 3) % 4], 1 + i % 9, i % 100, (i / 100) % 100);
	struct table t;
	struct err e;
	assert_int_equal(load_mem(&t, csv, n, NULL, &e), 0);
	free(csv);
	assert_int_equal(t.nrows, rows);
	static const char *const queries[] = {"reunion", "reunion 12", "reunion 123", "cote",
	    "cote 7", "territoire:guy", "0512", "zzz", "centre 9"};
	struct filter f;
	filter_init(&f);
	for (size_t qi = 0; qi < sizeof queries / sizeof queries[0]; qi++) {
		filter_set(&f, &t, queries[qi]);
		struct query q;
		query_parse(&t, queries[qi], &q);
		size_t k = 0;
		for (size_t r = 0; r < t.nrows; r++) {
			bool m = query_match(&t, &q, r);
			assert_int_equal(f.hit[r] != 0, m);
			if (m) {
				assert_true(k < f.n);
				assert_int_equal(f.rows[k], r);
				k++;
			}
		}
		assert_int_equal(k, f.n);
		query_free(&q);
	}
	filter_free(&f);
	table_free(&t);
}

int
main(void)
{
	setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_query_matches_all),
		cmocka_unit_test(and_of_terms),
		cmocka_unit_test(case_and_accent_insensitive),
		cmocka_unit_test(quoted_phrases),
		cmocka_unit_test(column_scoped_terms),
		cmocka_unit_test(unknown_prefix_is_plain_text),
		cmocka_unit_test(phone_digits),
		cmocka_unit_test(query_parsing),
		cmocka_unit_test(queries_as_people_write_them),
		cmocka_unit_test(incremental),
		cmocka_unit_test(highlight_spans),
		cmocka_unit_test(large_table_split_across_threads),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
