/* SPDX-License-Identifier: MIT
 * The help page, the card's labels and the key bar in English and in
 * French (the catalogue the build made, build/locale): at every width the
 * help's keys and descriptions stay in their columns, measured in display
 * columns, and from 40 columns on a key's name is never cut (the keys
 * wrap at their spaces, the column is as wide as the widest name);
 * the card's labels fit their column of 12; what the key bar always keeps
 * fits 50 columns, and at 80 the main screen's bar keeps Help, Copy and
 * Quit. On the test directory tests/data/annuaire.csv. */
#include "unit.h"

#include <libintl.h>
#include <unistd.h>

#include "app/keymap.h"
#include "app/keys.h"
#include "app/pages.h"
#include "app/state.h"
#include "core/card.h"
#include "core/directory.h"
#include "core/text.h"

/* Speaks French (true) or English: false when the French catalogue is not
 * built. */
static bool
speak(bool french)
{
	static char dir[4096];
	const char *top = getenv("CENTRES_TOP");
	snprintf(dir, sizeof dir, "%s/build/locale", top && *top ? top : ".");
	char mo[4200];
	snprintf(mo, sizeof mo, "%s/fr/LC_MESSAGES/centres.mo", dir);
	if (french && access(mo, R_OK) != 0)
		return false;
	setenv("LANGUAGE", french ? "fr" : "en", 1);
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "C.utf8");
	bindtextdomain("centres", dir);
	textdomain("centres");
	return true;
}

static int
width(const char *s)
{
	return text_width(s, strlen(s));
}

/* The help at width w: columns kept, every key list whole. */
static void
check_help(int w, bool ascii)
{
	struct page p;
	pages_help(&p, ascii, false, w);
	struct arena keys = {0};	/* every line's keys, joined by spaces */
	for (size_t j = 0; j < p.n; j++) {
		const char *text = page_text(&p, j), *tab = strchr(text, '\t');
		if (p.l[j].style != PAGE_KEY) {
			assert_true(width(text) <= w - 1);
			continue;
		}
		assert_non_null(tab);
		assert_true(text_width(text, (size_t)(tab - text)) <= p.keyw);
		assert_true(p.keyw + 4 + width(tab + 1) <= w);
		if (tab > text) {
			arena_append(&keys, " ", 1);
			arena_append(&keys, text, (size_t)(tab - text));
		}
	}
	arena_append(&keys, " ", 2);	/* and the NUL */
	for (size_t i = 0; i < keymap_len; i++) {
		char k[160], want[170];
		keymap_keys_for(keymap[i].mode, keymap[i].act, 6, ascii, k, sizeof k);
		snprintf(want, sizeof want, " %s ", k);
		if (w >= 40 && !strstr(keys.base, want))
			fail_msg("width %d: the keys \"%s\" are not whole in the help", w, k);
	}
	arena_free(&keys);
	pages_free(&p);
}

static void
help_columns(void)
{
	static const int widths[] = {20, 30, 40, 50, 64, 80, 100, 132, 200};
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		check_help(widths[i], false);
		check_help(widths[i], true);
	}
}

static void
help_columns_en(void **state)
{
	(void)state;
	speak(false);
	help_columns();
}

static void
help_columns_fr(void **state)
{
	(void)state;
	if (!speak(true))
		skip();
	assert_string_equal(action_label(ACT_HELP), "Aide");	/* French indeed */
	help_columns();
	speak(false);
}

/* The width of a key bar's items of at most priority prio, as drawn. */
static int
bar_width(const struct state *st, int prio)
{
	struct keybar_entry items[16];
	size_t n = state_keybar(st, items, 16);
	int total = 0;
	for (size_t i = 0; i < n; i++)
		if (items[i].priority <= prio)
			total += width(items[i].keys) + 1 + width(items[i].label) + 2;
	return total - 2;
}

static void
bars(void)
{
	struct directory d;
	struct err e;
	assert_int_equal(directory_load(&d, FIXTURE, NULL, &e), 0);
	const struct state_opts o = {.job_control = true};
	static const int sizes[][2] = {{50, 20}, {80, 24}, {132, 40}};
	for (size_t s = 0; s < 3; s++) {
		struct state st;
		state_init(&st, &d, &o, sizes[s][0], sizes[s][1]);
		/* The main screen (the menu, then the list), the copy menu, the
		 * prompt, the help. */
		assert_true(bar_width(&st, 0) <= 50);
		if (sizes[s][0] >= 80)
			assert_true(bar_width(&st, 1) <= 80);
		state_apply(&st, ACT_NEXT_PANE, 0);
		assert_true(bar_width(&st, 0) <= 50);
		state_apply(&st, ACT_COPY, 0);
		assert_int_equal(st.mode, UI_COPY);
		assert_true(bar_width(&st, 0) <= 50);
		state_apply(&st, ACT_CANCEL, 0);
		state_apply(&st, ACT_EXPORT, 0);
		assert_int_equal(st.mode, UI_PROMPT);
		assert_true(bar_width(&st, 0) <= 50);
		state_apply(&st, ACT_CANCEL, 0);
		state_apply(&st, ACT_HELP, 0);
		assert_int_equal(st.mode, UI_HELP);
		assert_true(bar_width(&st, 0) <= 50);
		state_free(&st);
	}
	/* The card's labels: within their column of 12, but for the one said
	 * to be longer (it gets a line of its own). */
	for (size_t r = 0; r < d.t.nrows; r++) {
		struct card c = {0};
		card_build(&c, &d.t, r);
		for (size_t i = 0; i < c.n; i++) {
			enum role role = d.t.cols[c.f[i].col].role;
			if (role != ROLE_NONE && role != ROLE_TERRITORY_2017 &&
			    (int)c.f[i].col == d.t.role_col[role] && width(c.f[i].label) > 12)
				fail_msg("the label \"%s\" is wider than 12 columns", c.f[i].label);
		}
		card_free(&c);
	}
	directory_free(&d);
}

static void
bars_and_labels_en(void **state)
{
	(void)state;
	speak(false);
	bars();
}

static void
bars_and_labels_fr(void **state)
{
	(void)state;
	if (!speak(true))
		skip();
	assert_string_equal(action_label(ACT_QUIT), "Quitter");
	bars();
	speak(false);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(help_columns_en),
		cmocka_unit_test(help_columns_fr),
		cmocka_unit_test(bars_and_labels_en),
		cmocka_unit_test(bars_and_labels_fr),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
