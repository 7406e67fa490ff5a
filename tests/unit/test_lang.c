/* SPDX-License-Identifier: MIT
 * Unit tests of lang: the language chosen from --lang, CENTRES_LANG and
 * the locale's variables (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), the --lang
 * read before the options, and, with the source tree's French catalogue
 * (build/locale, beside this binary), what the core then says: errno
 * values in our own words, the place notes with their articles. */
#include <errno.h>

#include "unit.h"

#include "core/directory.h"
#include "core/filter.h"
#include "core/util.h"
#include "lang.h"

static void
clear_env(void)
{
	static const char *const vars[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG",
		"CENTRES_LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++)
		unsetenv(vars[i]);
}

/* The language lang_choose() gives for opt, or -1 when it refuses. */
static int
chosen(const char *opt)
{
	enum lang l;
	struct err e;
	return lang_choose(opt, &l, &e) == 0 ? (int)l : -1;
}

static void
nothing_set_is_english(void **state)
{
	(void)state;
	clear_env();
	assert_int_equal(chosen(NULL), LANG_EN);
	setenv("LANG", "C.UTF-8", 1);
	assert_int_equal(chosen(NULL), LANG_EN);
	setenv("LANG", "en_GB.UTF-8", 1);
	assert_int_equal(chosen(NULL), LANG_EN);
}

static void
locale_variables(void **state)
{
	(void)state;
	clear_env();
	setenv("LANG", "fr_FR.UTF-8", 1);
	assert_int_equal(chosen(NULL), LANG_FR);
	/* LC_MESSAGES over LANG, LC_ALL over both. */
	setenv("LC_MESSAGES", "en_US.UTF-8", 1);
	assert_int_equal(chosen(NULL), LANG_EN);
	setenv("LANG", "en_US.UTF-8", 1);
	setenv("LC_MESSAGES", "fr_FR.UTF-8", 1);
	assert_int_equal(chosen(NULL), LANG_FR);
	setenv("LC_ALL", "en_US.UTF-8", 1);
	assert_int_equal(chosen(NULL), LANG_EN);
	setenv("LC_ALL", "fr_CA.UTF-8", 1);
	setenv("LANG", "en_US.UTF-8", 1);
	assert_int_equal(chosen(NULL), LANG_FR);
	/* Empty variables are not set: the next one says. */
	clear_env();
	setenv("LC_ALL", "", 1);
	setenv("LC_MESSAGES", "", 1);
	setenv("LANG", "fr_FR.UTF-8", 1);
	assert_int_equal(chosen(NULL), LANG_FR);
	setenv("LANGUAGE", "", 1);
	assert_int_equal(chosen(NULL), LANG_FR);
}

static void
language_list(void **state)
{
	(void)state;
	clear_env();
	/* The first entry of LANGUAGE that is French or English. */
	setenv("LANGUAGE", "de:fr:en", 1);
	assert_int_equal(chosen(NULL), LANG_FR);
	setenv("LANGUAGE", "de:en_GB:fr", 1);
	assert_int_equal(chosen(NULL), LANG_EN);
	/* Over LC_ALL and LANG, as gettext reads it. */
	setenv("LANGUAGE", "fr", 1);
	setenv("LC_ALL", "en_US.UTF-8", 1);
	assert_int_equal(chosen(NULL), LANG_FR);
	/* None of its entries is ours: the locale says. */
	setenv("LANGUAGE", "de:it", 1);
	setenv("LC_ALL", "fr_FR.UTF-8", 1);
	assert_int_equal(chosen(NULL), LANG_FR);
	setenv("LANGUAGE", "::de", 1);
	unsetenv("LC_ALL");
	assert_int_equal(chosen(NULL), LANG_EN);
}

static void
centres_lang_over_the_locale(void **state)
{
	(void)state;
	clear_env();
	setenv("LANG", "fr_FR.UTF-8", 1);
	setenv("CENTRES_LANG", "en", 1);
	assert_int_equal(chosen(NULL), LANG_EN);
	clear_env();
	setenv("LANGUAGE", "en", 1);
	setenv("CENTRES_LANG", "FR", 1);
	assert_int_equal(chosen(NULL), LANG_FR);
	setenv("CENTRES_LANG", "fr_FR.UTF-8", 1);
	assert_int_equal(chosen(NULL), LANG_FR);
	setenv("CENTRES_LANG", "", 1);	/* empty: not set */
	assert_int_equal(chosen(NULL), LANG_EN);
}

static void
option_over_all(void **state)
{
	(void)state;
	clear_env();
	setenv("LANG", "fr_FR.UTF-8", 1);
	setenv("CENTRES_LANG", "fr", 1);
	assert_int_equal(chosen("en"), LANG_EN);
	setenv("LANG", "en_US.UTF-8", 1);
	setenv("CENTRES_LANG", "en", 1);
	assert_int_equal(chosen("fr"), LANG_FR);
	/* A bad CENTRES_LANG does not matter when --lang says. */
	setenv("CENTRES_LANG", "de", 1);
	assert_int_equal(chosen("fr"), LANG_FR);
}

static void
bad_values(void **state)
{
	(void)state;
	clear_env();
	setenv("LANG", "fr_FR.UTF-8", 1);
	static const char *const bad[] = {"de", "", "f", "french", "english", "e", "deutsch"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		enum lang l = LANG_EN;
		struct err e;
		assert_int_equal(lang_choose(bad[i], &l, &e), -1);
		assert_non_null(strstr(e.msg, "--lang"));
		assert_non_null(strstr(e.msg, bad[i]));
		/* To say it in: the locale's language. */
		assert_int_equal(l, LANG_FR);
	}
	struct err e;
	enum lang l;
	setenv("CENTRES_LANG", "de", 1);
	assert_int_equal(lang_choose(NULL, &l, &e), -1);
	assert_non_null(strstr(e.msg, "CENTRES_LANG"));
	assert_non_null(strstr(e.msg, "'de'"));
	/* A bad --lang is refused in the language CENTRES_LANG asks for. */
	unsetenv("LANG");
	setenv("CENTRES_LANG", "fr", 1);
	assert_int_equal(lang_choose("xx", &l, &e), -1);
	assert_int_equal(l, LANG_FR);
	/* The value is shown, never its control characters. */
	assert_int_equal(lang_choose("\033[2Jfr", &l, &e), -1);
	assert_null(strchr(e.msg, '\033'));
}

static void
option_read_early(void **state)
{
	(void)state;
	char *a[] = {(char *)"centres", (char *)"--lang", (char *)"fr", (char *)"x.csv", NULL};
	assert_string_equal(lang_option(4, a), "fr");
	char *b[] = {(char *)"centres", (char *)"--lang=en", (char *)"--lang", (char *)"fr", NULL};
	assert_string_equal(lang_option(4, b), "fr");	/* the last one, as getopt */
	char *c[] = {(char *)"centres", (char *)"--", (char *)"--lang=fr", NULL};
	assert_null(lang_option(3, c));			/* a file named so */
	char *d[] = {(char *)"centres", (char *)"--lang", NULL};
	assert_null(lang_option(2, d));			/* no value: options.c says so */
	char *f[] = {(char *)"centres", (char *)"-l", NULL};
	assert_null(lang_option(2, f));
}

/* The note of a --filter QUERY on the built-in directory. */
static const char *
note_of(struct directory *d, struct filter *f, const char *query)
{
	filter_set(f, &d->t, query);
	return f->place_note ? f->place_note : "";
}

#define NBSP "\xc2\xa0"

/* The same process in English, then in French from the source tree's
 * catalogue: errno values and place notes. Last: it changes the language. */
static void
english_then_french(void **state)
{
	(void)state;
	clear_env();
	struct directory d;
	struct err e;
	assert_int_equal(directory_load(&d, NULL, NULL, &e), 0);
	struct filter f;
	filter_init(&f);
	lang_start(LANG_EN);
	assert_string_equal(errno_text(ENOENT), strerror(ENOENT));
	assert_string_equal(note_of(&d, &f, "92"),
	    "No centre covers Hauts-de-Seine (92). Centres in Île-de-France:");
	assert_string_equal(note_of(&d, &f, "corse"), "No centre covers Corse.");
	filter_free(&f);
	directory_free(&d);

	lang_start(LANG_FR);
	assert_non_null(lang_catalogue_dir());
	assert_string_equal(errno_text(ENOENT), "Fichier ou dossier introuvable");
	assert_string_equal(errno_text(EISDIR), "C'est un dossier");
	assert_string_equal(errno_text(ENOSPC), "Plus de place sur le disque");
	/* One we do not word: libc's. */
	assert_string_equal(errno_text(EDOM), strerror(EDOM));
	/* The index is built in the language of the time (All centres). */
	assert_int_equal(directory_load(&d, NULL, NULL, &e), 0);
	filter_init(&f);
	static const char *const notes[][2] = {
		{"92", "Aucun centre ne couvre les Hauts-de-Seine (92). Région "
		    "Île-de-France" NBSP ":"},
		{"nanterre", "Aucun centre ne couvre les Hauts-de-Seine (92). Région "
		    "Île-de-France" NBSP ":"},
		{"corse", "Aucun centre ne couvre la Corse."},
		{"94", "Aucun centre ne couvre le Val-de-Marne (94). Région "
		    "Île-de-France" NBSP ":"},
		{"77", "Aucun centre ne couvre la Seine-et-Marne (77). Région "
		    "Île-de-France" NBSP ":"},
		{"78", "Aucun centre ne couvre les Yvelines (78). Région "
		    "Île-de-France" NBSP ":"},
		{"975", "Aucun centre ne couvre Saint-Pierre-et-Miquelon."},
		{"93200", ""},
	};
	for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++)
		assert_string_equal(note_of(&d, &f, notes[i][0]), notes[i][1]);
	/* The centres offered, beside each in the list. */
	filter_set(&f, &d.t, "92");
	bool offered = false;
	for (size_t i = 0; i < f.n; i++)
		if (f.via[f.rows[i]]) {
			assert_string_equal(f.via[f.rows[i]], "région Île-de-France");
			offered = true;
		}
	assert_true(offered);
	filter_free(&f);
	directory_free(&d);
	lang_start(LANG_EN);
	assert_string_equal(errno_text(ENOENT), strerror(ENOENT));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nothing_set_is_english),
		cmocka_unit_test(locale_variables),
		cmocka_unit_test(language_list),
		cmocka_unit_test(centres_lang_over_the_locale),
		cmocka_unit_test(option_over_all),
		cmocka_unit_test(bad_values),
		cmocka_unit_test(option_read_early),
		cmocka_unit_test(english_then_french),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
