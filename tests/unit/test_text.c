/* SPDX-License-Identifier: MIT
 * Display widths and fitting: what the screen relies on to align panes and
 * to cut text without splitting a character. */
#include "unit.h"

#include <stdlib.h>

#include "core/text.h"

static int
W(const char *s)
{
	return text_width(s, strlen(s));
}

static void
widths(void **state)
{
	(void)state;
	assert_int_equal(W("Paris"), 5);
	assert_int_equal(W("Réunion"), 7);		/* é precomposed */
	assert_int_equal(W("Re\xcc\x81union"), 7);	/* e + combining acute */
	assert_int_equal(W("日本"), 4);			/* wide */
	assert_int_equal(W("\xf0\x9f\x8f\xa0"), 2);	/* emoji U+1F3E0 */
	assert_int_equal(W("CR•DSU"), 6);
	assert_int_equal(W("\xff\xfe"), 2);		/* invalid bytes: 1 each */
	assert_int_equal(W(""), 0);
}

static void
fit_never_splits_a_character(void **state)
{
	(void)state;
	int used;
	/* 3 columns of "日本語": one wide character (3 bytes, 2 columns). */
	assert_int_equal(text_fit("日本語", strlen("日本語"), 3, &used), 3);
	assert_int_equal(used, 2);
	/* A combining mark stays with its letter. */
	const char *s = "Re\xcc\x81union";
	assert_int_equal(text_fit(s, strlen(s), 2, &used), 4);
	assert_int_equal(used, 2);
	/* "é" (2 bytes) is not cut in half. */
	assert_int_equal(text_fit("é", 2, 0, &used), 0);
	assert_int_equal(text_fit("éa", 3, 1, &used), 2);
	/* An emoji in 1 column does not fit at all. */
	assert_int_equal(text_fit("\xf0\x9f\x8f\xa0", 4, 1, &used), 0);
	assert_int_equal(used, 0);
	/* Everything fits. */
	assert_int_equal(text_fit("abc", 3, 10, &used), 3);
	assert_int_equal(used, 3);
}

static void
folding(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"La Réunion", "la reunion"},
		{"Provence-Alpes-Côte d'Azur", "provence alpes cote d azur"},
		{"Œuvre", "oeuvre"},
		{"Val d’Oise", "val d oise"},		/* typographic apostrophe */
		{"Re\xcc\x81union", "reunion"},		/* combining mark */
		{"Straße", "strasse"},
		{"ÉCOLE", "ecole"},
		{"ﬁn", "fin"},				/* ligature */
		{"a\tb\nc", "a b c"},
		{"Île-de-France", "ile de france"},
		/* Every run of separators is one space, on both sides of a search. */
		{"Bretagne - Pays de la Loire", "bretagne pays de la loire"},
		{"CR•DSU", "cr dsu"},
		{"CR.DSU", "cr dsu"},
		{"« Cité »", " cite "},
		{"04.78.77.01.43", "04 78 77 01 43"},
		{"a/b,c;d:e(f)g_h\"i!j?k", "a b c d e f g h i j k"},
		{"Nord–Pas-de-Calais", "nord pas de calais"},	/* en dash */
		{"+33 (0)4", "+33 0 4"},
		{"x@y.fr", "x@y fr"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *f = text_fold_str(cases[i].in);
		assert_string_equal(f, cases[i].out);
		free(f);
	}
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(widths),
		cmocka_unit_test(fit_never_splits_a_character),
		cmocka_unit_test(folding),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
