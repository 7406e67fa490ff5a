/* SPDX-License-Identifier: MIT
 * The screen's state machine without a terminal, on the test directory
 * tests/data/annuaire.csv: navigation, search as you type (narrowing,
 * erasing, Esc), no printable key running a command, paste, the one-pane
 * layout, the copy menu, reload, layouts for each size, the card and pages
 * kept for the view, and the key table the help screen and the key bar
 * read. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "app/keymap.h"
#include "app/keys.h"
#include "app/layout.h"
#include "app/pages.h"
#include "app/state.h"
#include "core/directory.h"
#include "core/text.h"

struct fixture {
	struct directory d;
	struct state st;
};

static const struct state_opts plain = {.job_control = true};

static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	struct err e;
	if (!fx || directory_load(&fx->d, FIXTURE, NULL, &e) < 0)
		return -1;
	state_init(&fx->st, &fx->d, &plain, 80, 24);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;
	state_free(&fx->st);
	directory_free(&fx->d);
	free(fx);
	return 0;
}

/* Presses a key as the loop would: through the key table of the mode. */
static unsigned
press(struct state *st, uint32_t key)
{
	return state_apply(st, keymap_lookup(st->mode, key), key);
}

static void
type(struct state *st, const char *s)
{
	for (; *s; s++)
		press(st, (unsigned char)*s);
}

/* The name of the selected centre, or "" with none. */
static const char *
selected_name(const struct state *st)
{
	long r = state_row(st);
	return r < 0 ? "" : table_name(&st->d->t, (size_t)r, NULL);
}

static const char *
selected_entry(const struct state *st)
{
	return st->d->ix.e[state_entry(st)].label;
}

static void
first_screen(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	assert_int_equal(st->lay.kind, LAYOUT_MEDIUM);
	assert_int_equal(st->focus, PANE_MENU);
	assert_string_equal(selected_entry(st), "All centres");
	assert_int_equal(st->nlist, 18);
	assert_int_equal(st->nmenu, st->d->ix.n);
	assert_string_equal(selected_name(st),
	    "Atelier Régional des Solidarités et du Développement Urbain et Local");
}

static void
navigate_to_bocagevilles(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	/* Down the menu to the territory "Normeaux" (the region's own name). */
	while (strcmp(selected_entry(st), "Normeaux") != 0 ||
	    st->d->ix.e[state_entry(st)].kind != ENTRY_TERRITORY) {
		size_t before = st->c[PANE_MENU].cur;
		press(st, K_DOWN);
		assert_true(st->c[PANE_MENU].cur == before + 1);
	}
	assert_int_equal(st->nlist, 1);
	press(st, '\n');
	assert_int_equal(st->focus, PANE_LIST);
	assert_string_equal(selected_name(st), "Bocagevilles");
	/* k at the top of the list stays; Home/End keep to bounds. */
	press(st, K_UP);
	assert_string_equal(selected_name(st), "Bocagevilles");
	press(st, '\t');
	assert_int_equal(st->focus, PANE_DETAIL);
	press(st, K_BTAB);
	assert_int_equal(st->focus, PANE_LIST);
}

static void
region_lists_its_territories(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	while (strcmp(selected_entry(st), "Île-Verte") != 0)
		press(st, K_DOWN);
	assert_int_equal(st->d->ix.e[state_entry(st)].kind, ENTRY_REGION);
	assert_int_equal(st->nlist, 4);
	press(st, K_END);
	assert_int_equal(st->c[PANE_MENU].cur, st->nmenu - 1);
	press(st, K_HOME);
	assert_int_equal(st->c[PANE_MENU].cur, 0);
	press(st, K_PGDN);
	assert_int_equal(st->c[PANE_MENU].cur, (size_t)layout_rows(&st->lay, PANE_MENU));
}

/* Letters typed on the main screen go into the search at once, no key
 * first: the lists narrow as they come, the list of centres takes the
 * focus, the arrows move in it while typing; Esc clears the search and
 * brings back where the person was. */
static void
search_as_you_type(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	/* Select the centre of Bois Joli first. */
	while (strcmp(selected_entry(st), "Bois Joli") != 0)
		press(st, K_DOWN);
	press(st, '\n');
	assert_string_equal(selected_name(st), "Pôle Quartiers de la Capitale");
	press(st, K_BACKSPACE);	/* nothing to erase: back to the menu */
	assert_int_equal(st->focus, PANE_MENU);

	type(st, "lev");
	assert_int_equal(st->mode, UI_BROWSE);
	assert_string_equal(st->query.s, "lev");
	assert_int_equal(st->focus, PANE_LIST);	/* what is found is in front */
	size_t after_lev = st->f.n;
	assert_true(after_lev >= 1);
	type(st, "ant");
	assert_int_equal(st->f.n, 1);
	/* Narrowing searched only the previous matches. */
	assert_int_equal(st->f.examined, after_lev);
	/* Only territories with matches remain, with their counts. */
	assert_int_equal(st->nmenu, 2);	/* All, Îles du Levant (one line: the region's
					 * one territory has its name) */
	assert_int_equal(st->nlist, 1);
	assert_string_equal(selected_name(st), "Centre de ressources Cohésion des Îles");

	/* Backspace widens. */
	press(st, K_BACKSPACE);
	press(st, K_CTRL('h'));
	assert_true(st->f.n >= 1);
	assert_string_equal(st->query.s, "leva");
	/* Esc clears the search: every centre is back, the one found still
	 * selected among them. */
	press(st, K_ESC);
	assert_int_equal(st->mode, UI_BROWSE);
	assert_false(st->f.active);
	assert_int_equal(st->query.len, 0);
	assert_int_equal(st->f.n, 18);
	assert_int_equal(st->nlist, 18);
	assert_string_equal(selected_name(st), "Centre de ressources Cohésion des Îles");
	/* A second Esc, with nothing to clear, goes back a pane; at the menu
	 * it does nothing. */
	assert_int_equal(st->focus, PANE_LIST);
	press(st, K_ESC);
	assert_int_equal(st->focus, PANE_MENU);
	assert_int_equal(press(st, K_ESC), REACT_NONE);
	assert_int_equal(st->nmenu, st->d->ix.n);

	/* The key bar says what Esc does: nothing at the menu with no search,
	 * so it is not there. */
	struct keybar_entry bar[16];
	size_t nbar = state_keybar(st, bar, 16);
	for (size_t i = 0; i < nbar; i++)
		assert_true(bar[i].act != ACT_ESCAPE);
	/* The arrows move the selection while the search stays. */
	type(st, "ville");
	size_t n = st->nlist;
	assert_true(n >= 2);
	long first = state_row(st);
	press(st, K_DOWN);
	assert_true(state_row(st) != first);
	assert_string_equal(st->query.s, "ville");
	nbar = state_keybar(st, bar, 16);
	const char *esc = NULL;
	for (size_t i = 0; i < nbar; i++)
		if (bar[i].act == ACT_ESCAPE)
			esc = bar[i].label;
	assert_string_equal(esc, "Clear");
	press(st, '\t');
	assert_int_equal(st->focus, PANE_DETAIL);
	type(st, "s");	/* typing on the card still searches, */
	assert_string_equal(st->query.s, "villes");
	assert_int_equal(st->focus, PANE_LIST);	/* and shows what it finds */
	press(st, '\t');
	press(st, K_CTRL('u'));
	nbar = state_keybar(st, bar, 16);
	for (size_t i = 0; i < nbar; i++)
		if (bar[i].act == ACT_ESCAPE)
			esc = bar[i].label;
	assert_string_equal(esc, "Back");
}

/* Every printable character, typed on the main screen, only adds to the
 * search: none opens a prompt, reloads, copies, shows a page or quits (the
 * words that did: seine wrote a file, reunion reloaded, marseille showed
 * About). Space is a letter of the search, not a page down. */
static void
no_printable_key_runs_a_command(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	for (uint32_t c = 0x20; c < 0x7f; c++) {
		unsigned r = press(st, c);
		assert_int_equal(r & ~(unsigned)REACT_DRAW, 0);
		assert_int_equal(st->mode, UI_BROWSE);
		assert_int_equal(st->query.s[st->query.len - 1], (char)c);
		press(st, K_CTRL('u'));
		assert_int_equal(st->query.len, 0);
	}
	const char *words[] = {"seine", "reunion", "marseille", "q", "?", "/", "yp", " "};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		unsigned all = 0;
		for (const char *k = words[i]; *k; k++)
			all |= press(st, (unsigned char)*k);
		assert_int_equal(all & ~(unsigned)REACT_DRAW, 0);
		assert_int_equal(st->mode, UI_BROWSE);
		assert_string_equal(st->query.s, words[i]);
		press(st, K_CTRL('u'));
	}
	/* The commands are function keys and Ctrl-keys. */
	assert_int_equal(press(st, K_F(10)), REACT_QUIT);
	assert_int_equal(press(st, K_CTRL('q')), REACT_QUIT);
	assert_int_equal(press(st, K_CTRL('x')), REACT_QUIT);
	assert_true(press(st, K_F(5)) & REACT_RELOAD);
	assert_true(press(st, K_CTRL('r')) & REACT_RELOAD);
	assert_true(press(st, K_CTRL('c')) & REACT_INTERRUPT);
	assert_int_equal(press(st, K_CTRL('c')) & REACT_QUIT, 0);	/* app.c counts */
}

/* Erasing: Backspace a character (a whole accented one), Ctrl-W the last
 * word, Ctrl-U everything; a control character is not typed. */
static void
erasing_the_search(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	type(st, "maison des ");
	press(st, 0x00E9);	/* é */
	assert_string_equal(st->query.s, "maison des é");
	press(st, K_BACKSPACE);
	assert_string_equal(st->query.s, "maison des ");
	press(st, K_CTRL('w'));
	assert_string_equal(st->query.s, "maison ");
	type(st, "des lucioles");
	assert_string_equal(selected_name(st), "Maison des Lucioles");
	press(st, K_CTRL('w'));
	press(st, K_CTRL('w'));
	assert_string_equal(st->query.s, "maison ");
	press(st, K_CTRL('u'));
	assert_int_equal(st->query.len, 0);
	assert_int_equal(st->f.n, 18);
	assert_int_equal(press(st, K_CTRL('u')), REACT_NONE);
	assert_int_equal(press(st, 0x02), REACT_NONE);	/* Ctrl-B: nothing, not typed */
	press(st, 0x07);	/* Ctrl-G: help, not a letter */
	assert_int_equal(st->mode, UI_HELP);
	press(st, K_ESC);
	assert_int_equal(st->query.len, 0);
	press(st, 0x202E);	/* a bidi override is not typed */
	assert_int_equal(st->query.len, 0);
}

/* A phone number, typed key by key or pasted, finds its centre, whatever
 * the spelling; a paste never runs a command and its line breaks are
 * spaces. */
static void
phone_number_typed_or_pasted(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	type(st, "04 65 71 01");
	assert_int_equal(st->f.n, 1);
	assert_string_equal(selected_name(st),
	    "Atelier Régional des Solidarités et du Développement Urbain et Local");
	press(st, K_CTRL('u'));
	const char *spellings[] = {"0465710143", "+33 4 65 71 01 43", "0033465710143",
	    "+33 (0)4 65 71 01 43", "04.65.71.01.43"};
	for (size_t i = 0; i < 5; i++) {
		const char *s = spellings[i];
		state_paste(st, s, strlen(s));
		assert_string_equal(st->query.s, s);
		assert_int_equal(st->f.n, 1);
		assert_string_equal(selected_name(st),
		    "Atelier Régional des Solidarités et du Développement Urbain et Local");
		press(st, K_CTRL('u'));
	}
	/* A paste from a help page or the copy menu goes to the search. */
	press(st, K_F(1));
	const char *multi = "Bocage\r\nvilles\tx\x1b[31m";
	state_paste(st, "q\n", 2);
	assert_int_equal(st->mode, UI_BROWSE);
	assert_string_equal(st->query.s, "q ");
	press(st, K_CTRL('u'));
	state_paste(st, multi, strlen(multi));
	assert_string_equal(st->query.s, "Bocage villes x[31m");
	press(st, K_CTRL('u'));
	/* In the file-name prompt, a paste is the name. */
	press(st, K_F(3));
	state_paste(st, "autre.csv", 9);
	assert_string_equal(st->input.s, "autre.csv");
	assert_int_equal(st->query.len, 0);
}



static void
filter_keeps_selected_centre(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	press(st, '\t');
	while (strcmp(selected_name(st), "Villes en Réseau") != 0)
		press(st, K_DOWN);
	type(st, "ville");
	assert_string_equal(selected_name(st), "Villes en Réseau");
	type(st, "s en reseau");
	assert_string_equal(selected_name(st), "Villes en Réseau");
	assert_int_equal(st->f.n, 1);
}


static void
narrow_layout_one_pane_at_a_time(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	state_resize(st, 50, 20);
	assert_int_equal(st->lay.kind, LAYOUT_NARROW);
	assert_true(st->lay.pane[PANE_MENU].w == 50);
	assert_int_equal(st->lay.pane[PANE_LIST].w, 0);
	/* At the menu, Back does nothing: not on the key bar. */
	struct keybar_entry bar[16];
	size_t nbar = state_keybar(st, bar, 16);
	for (size_t i = 0; i < nbar; i++)
		assert_true(bar[i].act != ACT_LEFT);
	press(st, '\n');
	assert_int_equal(st->focus, PANE_LIST);
	assert_true(st->lay.pane[PANE_LIST].w == 50);
	bool back = false;
	nbar = state_keybar(st, bar, 16);
	for (size_t i = 0; i < nbar; i++)
		back |= bar[i].act == ACT_LEFT;
	assert_true(back);
	assert_int_equal(st->lay.pane[PANE_MENU].w, 0);
	press(st, '\n');
	assert_int_equal(st->focus, PANE_DETAIL);
	press(st, K_BACKSPACE);
	assert_int_equal(st->focus, PANE_LIST);
	press(st, K_LEFT);
	assert_int_equal(st->focus, PANE_MENU);
	/* Back at a wide size, the selection is the same. */
	long row = state_row(st);
	state_resize(st, 132, 40);
	assert_int_equal(st->lay.kind, LAYOUT_WIDE);
	assert_int_equal(state_row(st), row);
	state_resize(st, 1, 1);
	assert_int_equal(st->lay.kind, LAYOUT_TOO_SMALL);
	assert_int_equal(press(st, 'q') & REACT_QUIT, 0);
	assert_true(press(st, K_F(10)) & REACT_QUIT);
	assert_true(press(st, K_CTRL('q')) & REACT_QUIT);
}

/* At 40x10 the card scrolls to its last line (the phones); back at a wide
 * size, where the card is shorter, it is not left scrolled past its end. */
static void
card_scrolls_to_the_end_at_every_size(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	state_resize(st, 40, 10);
	press(st, '\n');
	press(st, '\n');
	assert_int_equal(st->focus, PANE_DETAIL);
	const struct detail *dt = state_card(st);
	int rows = layout_rows(&st->lay, PANE_DETAIL);
	assert_true(dt->n > (size_t)rows);	/* it does need scrolling */
	press(st, K_END);
	assert_int_equal(st->c[PANE_DETAIL].top + (size_t)rows, dt->n);
	/* The last line shown is the last of the card: the acronym (the id
	 * and the common status are not shown). */
	assert_string_equal(dt->lines[dt->n - 1].s, "ARS•DUL");
	/* The phone comes right after the name, even at 40x10. */
	bool phone = false;
	for (size_t i = 0; i < (size_t)rows && i < dt->n; i++)
		phone |= strcmp(dt->lines[i].s, "04 65 71 01 43") == 0;
	assert_true(phone);
	state_resize(st, 132, 40);
	dt = state_card(st);
	rows = layout_rows(&st->lay, PANE_DETAIL);
	assert_true(dt->n <= (size_t)rows);
	assert_int_equal(st->c[PANE_DETAIL].top, 0);
}

/* F4 (or Ctrl-Y) opens the copy menu on the status line: each phone number
 * its own entry, then e-mail, website, card; the state asks app.c for the
 * field (which builds the text: tests/unit/test_app.c); Esc asks nothing. */
static void
copy_menu(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	type(st, "levant");
	assert_string_equal(selected_name(st), "Centre de ressources Cohésion des Îles");
	press(st, K_F(4));
	assert_int_equal(st->mode, UI_COPY);
	assert_int_equal(st->copy_phones, 2);
	assert_non_null(strstr(st->status, "1 02 61 91 55 42"));
	assert_non_null(strstr(st->status, "2 02 61 91 55 43"));
	assert_non_null(strstr(st->status, "e e-mail"));
	assert_null(strstr(st->status, "w website"));	/* it has none */
	assert_non_null(strstr(st->status, "c card"));
	/* So does its key bar. */
	struct keybar_entry bar[16];
	size_t nbar = state_keybar(st, bar, 16);
	bool web = false, mail = false;
	for (size_t i = 0; i < nbar; i++) {
		web |= bar[i].act == ACT_COPY_WEBSITE;
		mail |= bar[i].act == ACT_COPY_EMAIL;
	}
	assert_false(web);
	assert_true(mail);
	/* In the menu, digits choose: they are not the search. */
	assert_true(press(st, '2') & REACT_COPY);
	assert_int_equal(st->copy_role, ROLE_PHONE);
	assert_int_equal(st->copy_index, 1);
	assert_int_equal(st->mode, UI_BROWSE);
	assert_string_equal(st->query.s, "levant");
	const struct { uint32_t menu, key; enum role role; unsigned index; } asks[] = {
		{K_F(4), '1', ROLE_PHONE, 0}, {K_CTRL('y'), 'e', ROLE_EMAIL, 0},
		{K_F(4), 'w', ROLE_WEBSITE, 0}, {K_F(4), 'c', ROLE_NONE, 0},
		{K_F(4), '\r', ROLE_PHONE, 0},
	};
	for (size_t i = 0; i < sizeof asks / sizeof asks[0]; i++) {
		press(st, asks[i].menu);
		assert_int_equal(st->mode, UI_COPY);
		assert_true(press(st, asks[i].key) & REACT_COPY);
		assert_int_equal(st->copy_role, asks[i].role);
		assert_int_equal(st->copy_index, asks[i].index);
	}
	/* Esc, q or F4 again: nothing copied. */
	const uint32_t cancel[] = {K_ESC, 'q', K_F(4)};
	for (size_t i = 0; i < 3; i++) {
		press(st, K_F(4));
		assert_int_equal(press(st, cancel[i]) & REACT_COPY, 0);
		assert_int_equal(st->mode, UI_BROWSE);
		assert_string_equal(st->status, "Nothing copied.");
	}
	/* On a narrow terminal, where the menu's line is cut, its key bar
	 * keeps the phone numbers, the card and Cancel. */
	state_resize(st, 50, 20);
	press(st, K_F(4));
	char bartext[256] = "";
	nbar = state_keybar(st, bar, 16);
	for (size_t i = 0; i < nbar; i++)
		if (bar[i].priority == 0)
			snprintf(bartext + strlen(bartext), sizeof bartext - strlen(bartext), "%s %s  ",
			    bar[i].keys, bar[i].label);
	assert_string_equal(bartext, "1-9 Phone  c Card  Esc/F4 Cancel  ");
	press(st, K_ESC);
	state_resize(st, 80, 24);
	/* A centre with one phone: F4 then Enter (or 1) copies it. */
	press(st, K_CTRL('u'));
	type(st, "lucioles");
	press(st, K_F(4));
	assert_int_equal(st->copy_phones, 1);
	assert_true(press(st, '\n') & REACT_COPY);
	assert_int_equal(st->copy_role, ROLE_PHONE);
	assert_int_equal(st->copy_index, 0);
}

static void
help_and_about_pages(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	press(st, K_F(1));
	assert_int_equal(st->mode, UI_HELP);
	press(st, 'q');	/* q closes help, it does not quit */
	assert_int_equal(st->mode, UI_BROWSE);
	press(st, K_CTRL('g'));
	assert_int_equal(st->mode, UI_HELP);
	press(st, 'j');	/* the pages keep their letter keys */
	assert_int_equal(st->pager_top, 1);
	press(st, K_ESC);
	press(st, K_F(6));
	assert_int_equal(st->mode, UI_ABOUT);
	press(st, K_ESC);
	press(st, K_CTRL('a'));
	assert_int_equal(st->mode, UI_ABOUT);
	press(st, K_F(1));
	assert_int_equal(st->mode, UI_BROWSE);
	/* F1 while searching, then Esc: back to the search, text kept. */
	type(st, "bre");
	press(st, K_F(1));
	assert_int_equal(st->mode, UI_HELP);
	press(st, K_ESC);
	assert_int_equal(st->mode, UI_BROWSE);
	assert_string_equal(st->query.s, "bre");
	type(st, "t");
	assert_string_equal(st->query.s, "bret");
	/* F10 quits from a page too. */
	press(st, K_F(1));
	assert_true(press(st, K_F(10)) & REACT_QUIT);
}

/* The view only reads the state: the card and the page it draws are laid
 * out by the state, once per centre and width, not at every frame. */
static void
card_and_pages_kept_for_the_view(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	/* The card follows the selection, laid out for the contact pane. */
	press(st, '\t');
	press(st, K_DOWN);
	const struct detail *dt = state_card(st);
	assert_int_equal(st->card_row, state_row(st));
	assert_string_equal(dt->lines[0].s, "Maison des Lucioles");
	int w = st->lay.pane[PANE_DETAIL].w - 2;
	for (size_t i = 0; i < dt->n; i++)
		assert_true(text_width(dt->lines[i].s, dt->lines[i].n) <= w);
	/* The help, laid out once: moving in it does not lay it out again. */
	press(st, K_F(1));
	assert_int_equal(st->page_mode, UI_HELP);
	assert_true(st->page.n > 0);
	const struct page_line *lines = st->page.l;
	size_t n = st->page.n;
	press(st, K_DOWN);
	press(st, K_PGDN);
	assert_ptr_equal(st->page.l, lines);
	assert_int_equal(st->pager_top, 1 + (size_t)(st->height - 2));
	/* End, then a taller terminal: the first line shown stays inside. */
	press(st, K_END);
	assert_int_equal(st->pager_top + (size_t)(st->height - 2), n);
	state_resize(st, 80, 200);
	assert_int_equal(st->pager_top, 0);
	/* A narrower terminal: laid out again for its width. */
	state_resize(st, 40, 24);
	assert_true(st->page.n > n);
	for (size_t i = 0; i < st->page.n; i++) {
		const char *text = page_text(&st->page, i), *tab = strchr(text, '\t');
		if (st->page.l[i].style == PAGE_KEY)
			assert_true(st->page.keyw + 4 + text_width(tab + 1, strlen(tab + 1)) <= 40);
		else
			assert_true(text_width(text, strlen(text)) <= 39);
	}
	/* The About page is its own. */
	press(st, K_ESC);
	press(st, K_F(6));
	assert_int_equal(st->page_mode, UI_ABOUT);
	bool about = false, source = false;
	for (size_t i = 0; i < st->page.n; i++) {
		about |= strstr(page_text(&st->page, i), "Question de Ville") != NULL;
		source |= strstr(page_text(&st->page, i), "@etalab/decoupage-administratif") != NULL;
	}
	assert_true(about);
	assert_true(source);	/* the places' source, cited */
}

/* Every action of every key bar has a key, and the help page lists every
 * bound action's text. */
static void
key_table_feeds_help_and_bar(void **state)
{
	(void)state;
	struct page p;
	pages_help(&p, false, false, 200);
	for (size_t i = 0; i < keymap_len; i++) {
		const char *help = action_help(keymap[i].act);
		bool found = false;
		for (size_t j = 0; j < p.n && !found; j++)
			found = strstr(page_text(&p, j), help) != NULL;
		assert_true(found);
	}
	pages_free(&p);
	/* On a narrow terminal the descriptions wrap: every line fits. */
	for (int w = 30; w <= 80; w += 25) {
		pages_help(&p, false, false, w);
		for (size_t j = 0; j < p.n; j++) {
			const char *text = page_text(&p, j), *tab = strchr(text, '\t');
			if (p.l[j].style == PAGE_KEY)
				assert_true(p.keyw + 4 + text_width(tab + 1, strlen(tab + 1)) <= w);
			else
				assert_true(text_width(text, strlen(text)) <= w - 1);
		}
		pages_free(&p);
	}
	for (enum ui_mode m = UI_BROWSE; m < UI_MODE_COUNT; m++) {
		const struct keybar_item *items;
		size_t n = keymap_bar(m, &items);
		for (size_t i = 0; i < n; i++) {
			char buf[64];
			keymap_keys_for(m, items[i].act, 2, false, buf, sizeof buf);
			assert_true(buf[0] != '\0');
		}
	}
	/* Every command of the main screen is a function key and a Ctrl-key,
	 * both named on the key bar ("F1/^G"); no printable key is bound there. */
	const struct { enum action act; uint32_t f, ctrl; } commands[] = {
		{ACT_HELP, K_F(1), K_CTRL('g')}, {ACT_EXPORT, K_F(2), K_CTRL('s')},
		{ACT_LOAD, K_F(3), K_CTRL('o')}, {ACT_COPY, K_F(4), K_CTRL('y')},
		{ACT_RELOAD, K_F(5), K_CTRL('r')}, {ACT_ABOUT, K_F(6), K_CTRL('a')},
		{ACT_QUIT, K_F(10), K_CTRL('q')},
	};
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		assert_int_equal(keymap_lookup(UI_BROWSE, commands[i].f), commands[i].act);
		assert_int_equal(keymap_lookup(UI_BROWSE, commands[i].ctrl), commands[i].act);
		char keys[64], want[16];
		keymap_keys_joined(UI_BROWSE, commands[i].act, 2, false, "/", keys, sizeof keys);
		snprintf(want, sizeof want, "F%u/^%c", commands[i].f - (uint32_t)K_F0,
		    (char)(commands[i].ctrl + '@'));
		assert_string_equal(keys, want);
	}
	for (size_t i = 0; i < keymap_len; i++)
		if (keymap[i].mode == UI_BROWSE)
			assert_false(keymap[i].key >= 0x20 && keymap[i].key < 0x7f);
	assert_int_equal(keymap_lookup(UI_BROWSE, 'q'), ACT_TYPE);
	assert_int_equal(keymap_lookup(UI_BROWSE, 0xE9), ACT_TYPE);
	assert_int_equal(keymap_lookup(UI_COPY, 'q'), ACT_CANCEL);
	assert_int_equal(keymap_lookup(UI_COPY, 'x'), ACT_NONE);
	/* A named key is never typed into a line. */
	assert_int_equal(keymap_lookup(UI_BROWSE, K_DELETE), ACT_NONE);
	assert_int_equal(keymap_lookup(UI_PROMPT, K_F(12)), ACT_NONE);
	char name[32];
	assert_string_equal(keymap_key_name(K_PGDN, false, name, sizeof name), "PgDn");
	assert_string_equal(keymap_key_name(K_UP, true, name, sizeof name), "Up");
	assert_string_equal(keymap_key_name(K_F(10), false, name, sizeof name), "F10");
	assert_string_equal(keymap_key_name(K_CTRL('u'), false, name, sizeof name), "Ctrl-U");
}

/* Whether any line of the help page contains text. */
static bool
help_has(bool restricted, const char *text)
{
	struct page p;
	pages_help(&p, false, restricted, 100);
	bool found = false;
	for (size_t j = 0; j < p.n && !found; j++)
		found = strstr(page_text(&p, j), text) != NULL;
	pages_free(&p);
	return found;
}

/* F2 and F3 open a file-name prompt; Enter hands the name to the loop (which
 * writes or reads the file), Esc drops it; the name is kept for a retry. */
static void
export_and_open_prompt(void **state)
{
	struct state *st = &((struct fixture *)*state)->st;
	assert_int_equal(press(st, K_F(2)) & REACT_DRAW, REACT_DRAW);
	assert_int_equal(st->mode, UI_PROMPT);
	assert_int_equal(st->prompt, PROMPT_EXPORT);
	assert_string_equal(st->input.s, "centres-export.csv");
	press(st, 21);	/* Ctrl-U */
	assert_string_equal(st->input.s, "");
	type(st, "liste ");
	press(st, 0xE9);	/* é, as get_wch gives it */
	type(st, ".csv");
	press(st, 127);
	assert_string_equal(st->input.s, "liste é.cs");
	press(st, 0x202E);	/* a bidi override is not taken */
	assert_string_equal(st->input.s, "liste é.cs");
	assert_int_equal(press(st, '\r') & REACT_EXPORT, REACT_EXPORT);
	assert_int_equal(st->mode, UI_BROWSE);
	/* Again: the name typed last comes back, to correct it. */
	press(st, K_CTRL('s'));
	assert_string_equal(st->input.s, "liste é.cs");
	press(st, 27);
	assert_int_equal(st->mode, UI_BROWSE);
	assert_string_equal(st->status, "Nothing exported.");
	/* F3: an empty prompt; Enter on nothing does nothing. */
	press(st, K_F(3));
	assert_int_equal(st->prompt, PROMPT_LOAD);
	assert_string_equal(st->input.s, "");
	assert_int_equal(press(st, '\r') & (REACT_LOAD | REACT_EXPORT), 0);
	assert_string_equal(st->status, "No file name: nothing done.");
	press(st, K_CTRL('o'));
	type(st, "autre.csv");
	assert_int_equal(press(st, '\r') & REACT_LOAD, REACT_LOAD);
	/* The search is untouched by all this. */
	assert_int_equal(st->query.len, 0);
	assert_true(help_has(false, "Export the centres shown"));
	assert_true(help_has(false, "Suspend"));
}

/* Restricted mode: export, open and suspend are neither on the key bar nor
 * in the help, and their keys only say they are disabled. */
static void
restricted_mode_refuses(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	const struct state_opts restricted = {.restricted = true, .job_control = true};
	state_free(st);
	state_init(st, &fx->d, &restricted, 80, 24);
	const uint32_t keys[] = {K_F(2), K_CTRL('s'), K_F(3), K_CTRL('o'), K_CTRL('z')};
	for (size_t i = 0; i < 5; i++) {
		unsigned r = press(st, keys[i]);
		assert_int_equal(r & (REACT_EXPORT | REACT_LOAD | REACT_SUSPEND), 0);
		assert_int_equal(st->mode, UI_BROWSE);
		assert_non_null(strstr(st->status, "disabled in restricted mode"));
	}
	assert_false(help_has(true, "Export"));
	assert_false(help_has(true, "Open another"));
	assert_false(help_has(true, "Suspend"));
	assert_false(help_has(true, "file name"));
	assert_true(help_has(true, "Reload the file"));
	assert_true(help_has(true, "Restricted mode"));
	/* The key bar, at a width where every item fits. */
	state_resize(st, 200, 40);
	struct keybar_entry bar[16];
	size_t n = state_keybar(st, bar, 16);
	bool reload = false;
	for (size_t i = 0; i < n; i++) {
		assert_true(bar[i].act != ACT_EXPORT && bar[i].act != ACT_LOAD);
		reload |= bar[i].act == ACT_RELOAD;
	}
	assert_true(reload);
	/* Without restriction, export is on it. */
	struct state free_st;
	state_init(&free_st, &fx->d, &plain, 200, 40);
	n = state_keybar(&free_st, bar, 16);
	bool export = false;
	for (size_t i = 0; i < n; i++)
		export |= bar[i].act == ACT_EXPORT && strcmp(bar[i].keys, "F2/^S") == 0;
	assert_true(export);
	state_free(&free_st);
	assert_true(action_allowed(ACT_RELOAD, true));
	assert_true(action_allowed(ACT_COPY, true));
	/* Reload still works: it reads the same file again. */
	assert_int_equal(press(st, K_F(5)) & REACT_RELOAD, REACT_RELOAD);
}

static void
layouts_fit_the_terminal(void **state)
{
	(void)state;
	static const int sizes[][2] = {{132, 40}, {120, 30}, {80, 24}, {60, 16}, {59, 24},
	    {80, 15}, {50, 20}, {20, 6}, {19, 6}, {1, 1}, {300, 100}};
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		int w = sizes[i][0], h = sizes[i][1];
		for (int f = 0; f < 2; f++) {
			struct layout l;
			layout_compute(w, h, f, PANE_LIST, &l);
			if (w < LAYOUT_MIN_W || h < LAYOUT_MIN_H) {
				assert_int_equal(l.kind, LAYOUT_TOO_SMALL);
				continue;
			}
			int expect = w >= 120 && h >= 16 ? LAYOUT_WIDE :
			    w >= 60 && h >= 16 ? LAYOUT_MEDIUM : LAYOUT_NARROW;
			assert_int_equal(l.kind, expect);
			for (int p = 0; p < PANE_COUNT; p++) {
				const struct rect *r = &l.pane[p];
				if (!r->w)
					continue;
				assert_true(r->x >= 0 && r->x + r->w <= w);
				assert_true(r->y >= 1 && r->y + r->h <= h - 2 - f);
				assert_true(r->h >= 2);
				for (int q = p + 1; q < PANE_COUNT; q++) {
					const struct rect *s = &l.pane[q];
					bool apart = !s->w || s->x >= r->x + r->w || r->x >= s->x + s->w ||
					    s->y >= r->y + r->h || r->y >= s->y + s->h;
					assert_true(apart);
				}
			}
		}
	}
}

static void
reload_keeps_selection_by_id(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	type(st, "bocagevilles");
	assert_string_equal(selected_name(st), "Bocagevilles");
	/* The same data with rows reordered and a phone changed. */
	char path[] = "/tmp/centres-state-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("id,nom,territoire,region,telephone\n"
	      "17,Bocagevilles,Normeaux,Normeaux,02 61 91 00 00\n"
	      "2,Maison des Lucioles,Port-Émeraude,Île-Verte,01 99 00 26 36\n", f);
	fclose(f);
	struct directory nd;
	struct err e;
	assert_int_equal(directory_load(&nd, path, NULL, &e), 0);
	unlink(path);
	state_replace_directory(st, &nd);
	assert_string_equal(selected_name(st), "Bocagevilles");
	assert_string_equal(table_role(&nd.t, (size_t)state_row(st), ROLE_PHONE, NULL),
	    "02 61 91 00 00");
	assert_true(st->f.active);	/* the filter is kept */
	assert_int_equal(st->f.n, 1);
	/* Put the original back so teardown frees what it loaded. */
	state_replace_directory(st, &fx->d);
	directory_free(&nd);
	assert_string_equal(selected_name(st), "Bocagevilles");
}

/* A card of a row of 100,000 fields, and of a field of 2 MB: the first
 * fields and lines, then what is left out is said (laying out 100,000 lines
 * per key froze the screen for 35 s). */
static void
card_of_huge_rows(void **state)
{
	(void)state;
	char path[] = "/tmp/centres-wide-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("nom,note\nLarge", f);
	for (int i = 1; i < 100000; i++)
		fprintf(f, ",c%d", i);
	fputs("\nLongue,", f);
	for (int i = 0; i < 200000; i++)
		fputs("mot mot. ", f);
	fputs("\n", f);
	fclose(f);
	struct directory d;
	struct err e;
	assert_int_equal(directory_load(&d, path, NULL, &e), 0);
	unlink(path);
	struct state st;
	state_init(&st, &d, &plain, 80, 24);
	press(&st, '\t');
	assert_string_equal(selected_name(&st), "Large");
	const struct detail *dt = state_card(&st);
	assert_true(dt->n <= DETAIL_FIELDS * 2 + 1);
	assert_true(dt->lines[dt->n - 1].note);
	assert_string_equal(dt->lines[dt->n - 1].s, "… 99940 more fields not shown");
	/* Every field is still in the copy. */
	assert_int_equal(dt->card.n, 100000);
	press(&st, K_DOWN);
	assert_string_equal(selected_name(&st), "Longue");
	dt = state_card(&st);
	assert_true(dt->n <= DETAIL_FIELD_LINES + 3);
	assert_true(dt->lines[dt->n - 1].note);
	assert_string_equal(dt->lines[dt->n - 1].s, "… (the rest of this field is not shown)");
	/* The card scrolls to its end, the note. */
	press(&st, '\t');
	press(&st, K_END);
	assert_int_equal(st.c[PANE_DETAIL].top + (size_t)layout_rows(&st.lay, PANE_DETAIL), dt->n);
	state_free(&st);
	directory_free(&d);
}

/* A directory with a header and no row: every key works on empty panes. */
static void
empty_directory(void **state)
{
	(void)state;
	char path[] = "/tmp/centres-empty-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "nom,tel\n", 8), 8);
	close(fd);
	struct directory d;
	struct err e;
	assert_int_equal(directory_load(&d, path, NULL, &e), 0);
	unlink(path);
	struct state st;
	state_init(&st, &d, &plain, 80, 24);
	assert_int_equal(st.nlist, 0);
	assert_int_equal(state_row(&st), -1);
	const uint32_t keys[] = {K_DOWN, K_UP, K_END, '\t', K_HOME, K_RIGHT, '\n', '\n', 'x',
	    K_BACKSPACE, K_ESC, K_F(4), K_ESC, K_F(1), 'q', K_CTRL('w'), K_PGDN, ' ', K_CTRL('u')};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		press(&st, keys[i]);
	press(&st, K_F(4));
	assert_int_equal(st.mode, UI_BROWSE);	/* nothing to copy: not waiting */
	assert_non_null(strstr(st.status, "Nothing to copy"));
	state_free(&st);
	directory_free(&d);
}

/* The card line with the given label, or NULL. */
static const struct dline *
card_line(const struct state *st, const char *label)
{
	const struct detail *dt = state_card(st);
	for (size_t i = 0; i < dt->n; i++)
		if (dt->lines[i].label && strcmp(dt->lines[i].label, label) == 0)
			return &dt->lines[i];
	return NULL;
}

/* Places on the built-in directory: a town typed leads to its centre, the
 * card says which place did (right after the name); a place no centre
 * covers is said, its region's centres offered, none counted as found. */
static void
places_on_screen(void **state)
{
	(void)state;
	struct directory d;
	struct err e;
	assert_int_equal(directory_load(&d, NULL, NULL, &e), 0);
	struct state st;
	state_init(&st, &d, &plain, 80, 24);
	type(&st, "bordeaux");
	assert_string_equal(selected_name(&st), "Pays et Quartiers d'Aquitaine");
	const struct dline *via = card_line(&st, "Found");
	assert_non_null(via);
	assert_int_equal(via->col, DETAIL_VIA);
	assert_true(via == &state_card(&st)->lines[1]);	/* after the name */
	assert_memory_equal(via->s, "via Bordeaux, Gironde", via->n);
	/* A label wider than the labels' column has a line of its own. */
	const struct dline *since = card_line(&st, "Territory since 2017");
	assert_non_null(since);
	assert_true(since->label_only);
	assert_memory_equal(since[1].s, "Nouvelle-Aquitaine", since[1].n);
	/* Its words alone (no place): no Found line. */
	press(&st, K_CTRL('u'));
	type(&st, "aquitaine");
	assert_null(card_line(&st, "Found"));
	/* Nanterre: no centre covers Hauts-de-Seine. */
	press(&st, K_CTRL('u'));
	type(&st, "nanterre");
	assert_int_equal(st.f.matched, 0);
	assert_non_null(st.f.place_note);
	assert_non_null(strstr(st.f.place_note, "Hauts-de-Seine (92)"));
	assert_int_equal(st.nlist, 4);	/* the centres of Île-de-France, offered */
	via = card_line(&st, "Found");
	assert_non_null(via);
	assert_memory_equal(via->s, "in \xc3\x8ele-de-France", via->n);
	state_free(&st);
	directory_free(&d);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(first_screen, setup, teardown),
		cmocka_unit_test_setup_teardown(navigate_to_bocagevilles, setup, teardown),
		cmocka_unit_test_setup_teardown(region_lists_its_territories, setup, teardown),
		cmocka_unit_test_setup_teardown(search_as_you_type, setup, teardown),
		cmocka_unit_test_setup_teardown(no_printable_key_runs_a_command, setup, teardown),
		cmocka_unit_test_setup_teardown(erasing_the_search, setup, teardown),
		cmocka_unit_test_setup_teardown(phone_number_typed_or_pasted, setup, teardown),
		cmocka_unit_test_setup_teardown(filter_keeps_selected_centre, setup, teardown),
		cmocka_unit_test_setup_teardown(narrow_layout_one_pane_at_a_time, setup, teardown),
		cmocka_unit_test_setup_teardown(card_scrolls_to_the_end_at_every_size, setup, teardown),
		cmocka_unit_test_setup_teardown(copy_menu, setup, teardown),
		cmocka_unit_test_setup_teardown(help_and_about_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(card_and_pages_kept_for_the_view, setup, teardown),
		cmocka_unit_test(key_table_feeds_help_and_bar),
		cmocka_unit_test_setup_teardown(export_and_open_prompt, setup, teardown),
		cmocka_unit_test_setup_teardown(restricted_mode_refuses, setup, teardown),
		cmocka_unit_test(layouts_fit_the_terminal),
		cmocka_unit_test_setup_teardown(reload_keeps_selection_by_id, setup, teardown),
		cmocka_unit_test(empty_directory),
		cmocka_unit_test(card_of_huge_rows),
		cmocka_unit_test(places_on_screen),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
