/* SPDX-License-Identifier: MIT
 * The screen's state machine without a terminal: navigation, the filter
 * (narrowing, clearing, Esc restoring), the one-pane layout, copy, reload,
 * layouts for each size, and the key table the help screen reads. */
#include "unit.h"

#include <curses.h>	/* KEY_* codes only */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/text.h"
#include "source.h"
#include "tui/keymap.h"
#include "tui/layout.h"
#include "tui/pages.h"
#include "tui/state.h"

struct fixture {
	struct directory d;
	struct state st;
};

static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	struct err e;
	if (!fx || source_load(&fx->d, NULL, NULL, &e) < 0)
		return -1;
	state_init(&fx->st, &fx->d, 80, 24);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;
	state_free(&fx->st);
	source_free(&fx->d);
	free(fx);
	return 0;
}

/* Presses a key as the loop would: through the key table of the mode. */
static unsigned
press(struct state *st, uint32_t key, bool fkey)
{
	return state_apply(st, keymap_lookup(st->mode, key, fkey), key);
}

static void
type(struct state *st, const char *s)
{
	for (; *s; s++)
		press(st, (unsigned char)*s, false);
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
	assert_int_equal(st->nlist, 20);
	assert_int_equal(st->nmenu, st->d->ix.n);
	assert_string_equal(selected_name(st),
	    "Centre de Ressources et d'échanges pour le Développement Social et Urbain");
}

static void
navigate_to_normanvilles(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	/* Down the menu to the territory "Normandie". */
	while (strcmp(selected_entry(st), "Normandie") != 0 ||
	    st->d->ix.e[state_entry(st)].kind != ENTRY_TERRITORY) {
		size_t before = st->c[PANE_MENU].cur;
		press(st, 'j', false);
		assert_true(st->c[PANE_MENU].cur == before + 1);
	}
	assert_int_equal(st->nlist, 1);
	press(st, '\n', false);
	assert_int_equal(st->focus, PANE_LIST);
	assert_string_equal(selected_name(st), "Normanvilles");
	/* k at the top of the list stays; Home/End keep to bounds. */
	press(st, KEY_UP, true);
	assert_string_equal(selected_name(st), "Normanvilles");
	press(st, '\t', false);
	assert_int_equal(st->focus, PANE_DETAIL);
	press(st, KEY_BTAB, true);
	assert_int_equal(st->focus, PANE_LIST);
}

static void
region_lists_its_territories(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	while (strcmp(selected_entry(st), "Île-de-France") != 0)
		press(st, KEY_DOWN, true);
	assert_int_equal(st->d->ix.e[state_entry(st)].kind, ENTRY_REGION);
	assert_int_equal(st->nlist, 4);
	press(st, 'G', false);	/* End: the last menu line */
	assert_int_equal(st->c[PANE_MENU].cur, st->nmenu - 1);
	press(st, 'g', false);
	assert_int_equal(st->c[PANE_MENU].cur, 0);
	press(st, KEY_NPAGE, true);
	assert_int_equal(st->c[PANE_MENU].cur, (size_t)layout_rows(&st->lay, PANE_MENU));
}

static void
filter_narrows_and_esc_restores(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	/* Select Paris's centre first. */
	while (strcmp(selected_entry(st), "Paris") != 0)
		press(st, 'j', false);
	press(st, '\n', false);
	assert_string_equal(selected_name(st), "Pôle ressources Politique de la ville");
	size_t entry_before = state_entry(st);

	press(st, '/', false);
	assert_int_equal(st->mode, UI_FILTER);
	assert_int_equal(st->lay.filter.h, 1);
	type(st, "reu");
	size_t after_reu = st->f.n;
	assert_true(after_reu >= 1);
	type(st, "nion");
	assert_int_equal(st->f.n, 1);
	/* Narrowing searched only the previous matches. */
	assert_int_equal(st->f.examined, after_reu);
	/* Only territories with matches remain, with their counts. */
	assert_int_equal(st->nmenu, 3);	/* All, region La Réunion, territory */
	assert_string_equal(selected_entry(st), "All centres");
	assert_int_equal(st->nlist, 1);
	assert_string_equal(selected_name(st), "Centre de ressources Cohésion Sociale Urbaine");

	/* Backspace widens. */
	press(st, 127, false);
	press(st, 127, false);
	assert_true(st->f.n >= 1);
	assert_string_equal(st->query, "reuni");
	/* Esc clears and brings back Paris, focus where it was. */
	press(st, 27, false);
	assert_int_equal(st->mode, UI_BROWSE);
	assert_false(st->f.active);
	assert_int_equal(st->f.n, 20);
	assert_int_equal(state_entry(st), entry_before);
	assert_string_equal(selected_name(st), "Pôle ressources Politique de la ville");
	assert_int_equal(st->focus, PANE_LIST);
	assert_int_equal(st->lay.filter.h, 0);
}

static void
filter_enter_keeps_and_ctrl_u_clears(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	press(st, KEY_F(3), true);
	type(st, "0478");
	assert_int_equal(st->f.n, 1);
	assert_string_equal(selected_name(st),
	    "Centre de Ressources et d'échanges pour le Développement Social et Urbain");
	press(st, '\r', false);
	assert_int_equal(st->mode, UI_BROWSE);
	assert_true(st->f.active);
	assert_int_equal(st->focus, PANE_LIST);
	assert_int_equal(st->lay.filter.h, 1);	/* the kept filter stays visible */
	/* Back to the line: Ctrl-U empties it, all centres return. */
	press(st, '/', false);
	press(st, 'U' & 0x1f, false);
	assert_int_equal(st->qlen, 0);
	assert_int_equal(st->f.n, 20);
	/* In the filter line, q is a letter, not quit. */
	assert_int_equal(press(st, 'q', false) & REACT_QUIT, 0);
	assert_string_equal(st->query, "q");
}

/* Esc while browsing: with a kept filter it clears it and goes back; with
 * none it changes nothing. */
static void
esc_while_browsing(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	press(st, '\t', false);
	while (strcmp(selected_name(st), "Normanvilles") != 0)
		press(st, 'j', false);
	assert_int_equal(press(st, 27, false), REACT_NONE);
	assert_string_equal(selected_name(st), "Normanvilles");
	assert_int_equal(st->focus, PANE_LIST);
	/* Filter, keep it, move, then Esc: back to Normanvilles, all shown. */
	press(st, '/', false);
	type(st, "ville");
	press(st, '\n', false);
	press(st, 'j', false);
	press(st, 27, false);
	assert_false(st->f.active);
	assert_int_equal(st->nlist, 20);
	assert_string_equal(selected_name(st), "Normanvilles");
	/* And a second Esc does nothing more. */
	assert_int_equal(press(st, 27, false), REACT_NONE);
	assert_string_equal(selected_name(st), "Normanvilles");
}

static void
filter_keeps_selected_centre(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	press(st, '\t', false);
	while (strcmp(selected_name(st), "Villes au Carré") != 0)
		press(st, 'j', false);
	press(st, '/', false);
	type(st, "ville");
	assert_string_equal(selected_name(st), "Villes au Carré");
	type(st, "s au");
	assert_string_equal(selected_name(st), "Villes au Carré");
	assert_int_equal(st->f.n, 1);
}

static void
filter_with_accented_and_wide_input(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	press(st, '/', false);
	press(st, 0x00E9, false);	/* é */
	assert_string_equal(st->query, "é");
	press(st, 127, false);		/* erases the whole character */
	assert_int_equal(st->qlen, 0);
	press(st, 0x1B, false);
	/* A control character typed in the line is ignored. */
	press(st, '/', false);
	assert_int_equal(press(st, 0x07, false), REACT_NONE);
	assert_int_equal(st->qlen, 0);
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
	press(st, '\n', false);
	assert_int_equal(st->focus, PANE_LIST);
	assert_true(st->lay.pane[PANE_LIST].w == 50);
	assert_int_equal(st->lay.pane[PANE_MENU].w, 0);
	press(st, '\n', false);
	assert_int_equal(st->focus, PANE_DETAIL);
	press(st, KEY_BACKSPACE, true);
	assert_int_equal(st->focus, PANE_LIST);
	press(st, KEY_LEFT, true);
	assert_int_equal(st->focus, PANE_MENU);
	/* Back at a wide size, the selection is the same. */
	long row = state_row(st);
	state_resize(st, 132, 40);
	assert_int_equal(st->lay.kind, LAYOUT_WIDE);
	assert_int_equal(state_row(st), row);
	state_resize(st, 1, 1);
	assert_int_equal(st->lay.kind, LAYOUT_TOO_SMALL);
	assert_int_equal(press(st, 'j', false) & REACT_QUIT, 0);
	assert_true(press(st, 'q', false) & REACT_QUIT);
}

/* At 40x10 the card scrolls to its last line (the phones); back at a wide
 * size, where the card is shorter, it is not left scrolled past its end. */
static void
card_scrolls_to_the_end_at_every_size(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	state_resize(st, 40, 10);
	press(st, '\n', false);
	press(st, '\n', false);
	assert_int_equal(st->focus, PANE_DETAIL);
	const struct detail *dt = state_card(st);
	int rows = layout_rows(&st->lay, PANE_DETAIL);
	assert_true(dt->n > (size_t)rows);	/* it does need scrolling */
	press(st, KEY_END, true);
	assert_int_equal(st->c[PANE_DETAIL].top + (size_t)rows, dt->n);
	/* The last line shown is the last of the card: the id, after the phone. */
	assert_string_equal(dt->lines[dt->n - 1].s, "1");
	state_resize(st, 132, 40);
	dt = state_card(st);
	rows = layout_rows(&st->lay, PANE_DETAIL);
	assert_true(dt->n <= (size_t)rows);
	assert_int_equal(st->c[PANE_DETAIL].top, 0);
}

static void
copy_phone_and_card(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	press(st, '/', false);
	type(st, "reunion");
	press(st, '\n', false);
	press(st, 'y', false);
	assert_int_equal(st->mode, UI_COPY);
	unsigned r = press(st, 'p', false);
	assert_true(r & REACT_COPY);
	assert_string_equal(st->copy, "02 62 20 55 42 / 02 62 20 55 43");
	assert_non_null(strstr(st->status, "02 62 20 55 42"));
	press(st, 'y', false);
	assert_true(press(st, 'e', false) & REACT_COPY);
	assert_string_equal(st->copy, "eric.boutouyrie@externes.drjscs.gouv.fr");
	press(st, 'y', false);
	r = press(st, 'w', false);	/* no website: says so, copies nothing */
	assert_int_equal(r & REACT_COPY, 0);
	assert_non_null(strstr(st->status, "no website"));
	press(st, 'y', false);
	assert_true(press(st, 'c', false) & REACT_COPY);
	assert_non_null(strstr(st->copy, "La Réunion"));
	assert_non_null(strstr(st->copy, "02 62 20 55 43"));
	press(st, 'y', false);
	assert_int_equal(press(st, 27, false) & REACT_COPY, 0);
	assert_int_equal(st->mode, UI_BROWSE);
}

static void
help_and_about_pages(void **state)
{
	struct fixture *fx = *state;
	struct state *st = &fx->st;
	press(st, '?', false);
	assert_int_equal(st->mode, UI_HELP);
	press(st, 'q', false);	/* q closes help, it does not quit */
	assert_int_equal(st->mode, UI_BROWSE);
	press(st, KEY_F(1), true);
	assert_int_equal(st->mode, UI_HELP);
	press(st, 27, false);
	press(st, 'a', false);
	assert_int_equal(st->mode, UI_ABOUT);
	press(st, 27, false);
	assert_int_equal(st->mode, UI_BROWSE);
	/* F1 while typing a filter, then Esc: back to typing, text kept. */
	press(st, '/', false);
	type(st, "bre");
	press(st, KEY_F(1), true);
	assert_int_equal(st->mode, UI_HELP);
	press(st, 27, false);
	assert_int_equal(st->mode, UI_FILTER);
	assert_string_equal(st->query, "bre");
	type(st, "t");
	assert_string_equal(st->query, "bret");
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
			found = strstr(p.l[j].text, help) != NULL;
		assert_true(found);
	}
	pages_free(&p);
	/* On a narrow terminal the descriptions wrap: every line fits. */
	for (int w = 30; w <= 80; w += 25) {
		pages_help(&p, false, false, w);
		for (size_t j = 0; j < p.n; j++) {
			const char *text = p.l[j].text, *tab = strchr(text, '\t');
			if (p.l[j].style == 2)
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
	assert_int_equal(keymap_lookup(UI_BROWSE, KEY_F(10), true), ACT_QUIT);
	assert_int_equal(keymap_lookup(UI_BROWSE, 'q', false), ACT_QUIT);
	assert_int_equal(keymap_lookup(UI_BROWSE, KEY_F(5), true), ACT_RELOAD);
	assert_int_equal(keymap_lookup(UI_BROWSE, 'r', false), ACT_RELOAD);
	assert_int_equal(keymap_lookup(UI_FILTER, 'r', false), ACT_FILTER_INSERT);
}

/* Whether any line of the help page contains text. */
static bool
help_has(bool restricted, const char *text)
{
	struct page p;
	pages_help(&p, false, restricted, 100);
	bool found = false;
	for (size_t j = 0; j < p.n && !found; j++)
		found = strstr(p.l[j].text, text) != NULL;
	pages_free(&p);
	return found;
}

/* s and o open a file-name prompt; Enter hands the name to the loop (which
 * writes or reads the file), Esc drops it; the name is kept for a retry. */
static void
export_and_open_prompt(void **state)
{
	struct state *st = &((struct fixture *)*state)->st;
	assert_int_equal(press(st, 's', false) & REACT_DRAW, REACT_DRAW);
	assert_int_equal(st->mode, UI_PROMPT);
	assert_int_equal(st->prompt, PROMPT_EXPORT);
	assert_string_equal(st->input, "centres-export.csv");
	press(st, 21, false);	/* Ctrl-U */
	assert_string_equal(st->input, "");
	type(st, "liste ");
	press(st, 0xE9, false);	/* é, as get_wch gives it */
	type(st, ".csv");
	press(st, 127, false);
	assert_string_equal(st->input, "liste é.cs");
	press(st, 0x202E, false);	/* a bidi override is not taken */
	assert_string_equal(st->input, "liste é.cs");
	assert_int_equal(press(st, '\r', false) & REACT_EXPORT, REACT_EXPORT);
	assert_int_equal(st->mode, UI_BROWSE);
	/* Again: the name typed last comes back, to correct it. */
	press(st, KEY_F(2), true);
	assert_string_equal(st->input, "liste é.cs");
	press(st, 27, false);
	assert_int_equal(st->mode, UI_BROWSE);
	assert_string_equal(st->status, "Nothing exported.");
	/* o: an empty prompt; Enter on nothing does nothing. */
	press(st, 'o', false);
	assert_int_equal(st->prompt, PROMPT_LOAD);
	assert_string_equal(st->input, "");
	assert_int_equal(press(st, '\r', false) & (REACT_LOAD | REACT_EXPORT), 0);
	assert_string_equal(st->status, "No file name: nothing done.");
	press(st, 'o', false);
	type(st, "autre.csv");
	assert_int_equal(press(st, '\r', false) & REACT_LOAD, REACT_LOAD);
	/* The filter line is untouched by all this. */
	assert_int_equal(st->qlen, 0);
	assert_true(help_has(false, "Export the centres shown"));
	assert_true(help_has(false, "Suspend"));
}

/* Restricted mode: export, open and suspend are neither on the key bar nor
 * in the help, and their keys only say they are disabled. */
static void
restricted_mode_refuses(void **state)
{
	struct state *st = &((struct fixture *)*state)->st;
	st->restricted = true;
	const uint32_t keys[] = {'s', 'o', 26};
	for (size_t i = 0; i < 3; i++) {
		unsigned r = press(st, keys[i], false);
		assert_int_equal(r & (REACT_EXPORT | REACT_LOAD | REACT_SUSPEND), 0);
		assert_int_equal(st->mode, UI_BROWSE);
		assert_non_null(strstr(st->status, "disabled in restricted mode"));
	}
	assert_int_equal(press(st, KEY_F(2), true) & REACT_EXPORT, 0);
	assert_int_equal(st->mode, UI_BROWSE);
	assert_false(help_has(true, "Export"));
	assert_false(help_has(true, "Open another"));
	assert_false(help_has(true, "Suspend"));
	assert_false(help_has(true, "file name"));
	assert_true(help_has(true, "Reload the file"));
	assert_true(help_has(true, "Restricted mode"));
	for (enum ui_mode m = UI_BROWSE; m < UI_MODE_COUNT; m++) {
		const struct keybar_item *items;
		size_t n = keymap_bar(m, &items);
		for (size_t i = 0; i < n; i++)
			if (items[i].act == ACT_EXPORT || items[i].act == ACT_LOAD)
				assert_false(action_allowed(items[i].act, true));
	}
	assert_true(action_allowed(ACT_RELOAD, true));
	assert_true(action_allowed(ACT_COPY, true));
	/* Reload still works: it reads the same file again. */
	assert_int_equal(press(st, 'r', false) & REACT_RELOAD, REACT_RELOAD);
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
	press(st, '/', false);
	type(st, "normanvilles");
	press(st, '\n', false);
	assert_string_equal(selected_name(st), "Normanvilles");
	/* The same data with rows reordered and a phone changed. */
	char path[] = "/tmp/centres-state-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("id,nom,territoire,region,telephone\n"
	      "19,Normanvilles,Normandie,Normandie,02 31 00 00 00\n"
	      "2,Profession Banlieue,Seine Saint-Denis,Île-de-France,01 48 09 26 36\n", f);
	fclose(f);
	struct directory nd;
	struct err e;
	assert_int_equal(source_load(&nd, path, NULL, &e), 0);
	unlink(path);
	state_replace_directory(st, &nd);
	assert_string_equal(selected_name(st), "Normanvilles");
	assert_string_equal(table_role(&nd.t, (size_t)state_row(st), ROLE_PHONE, NULL),
	    "02 31 00 00 00");
	assert_true(st->f.active);	/* the filter is kept */
	assert_int_equal(st->f.n, 1);
	/* Put the original back so teardown frees what it loaded. */
	state_replace_directory(st, &fx->d);
	source_free(&nd);
	assert_string_equal(selected_name(st), "Normanvilles");
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
	assert_int_equal(source_load(&d, path, NULL, &e), 0);
	unlink(path);
	struct state st;
	state_init(&st, &d, 80, 24);
	assert_int_equal(st.nlist, 0);
	assert_int_equal(state_row(&st), -1);
	const char *keys = "jkG\tgl\n\n/x\x7f\x1by\x1b?q";
	for (const char *k = keys; *k; k++)
		press(&st, (unsigned char)*k, false);
	press(&st, KEY_NPAGE, true);
	press(&st, 'y', false);
	assert_int_equal(st.mode, UI_BROWSE);	/* nothing to copy: not waiting */
	assert_non_null(strstr(st.status, "Nothing to copy"));
	state_free(&st);
	source_free(&d);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(first_screen, setup, teardown),
		cmocka_unit_test_setup_teardown(navigate_to_normanvilles, setup, teardown),
		cmocka_unit_test_setup_teardown(region_lists_its_territories, setup, teardown),
		cmocka_unit_test_setup_teardown(filter_narrows_and_esc_restores, setup, teardown),
		cmocka_unit_test_setup_teardown(filter_enter_keeps_and_ctrl_u_clears, setup, teardown),
		cmocka_unit_test_setup_teardown(filter_keeps_selected_centre, setup, teardown),
		cmocka_unit_test_setup_teardown(esc_while_browsing, setup, teardown),
		cmocka_unit_test_setup_teardown(filter_with_accented_and_wide_input, setup, teardown),
		cmocka_unit_test_setup_teardown(narrow_layout_one_pane_at_a_time, setup, teardown),
		cmocka_unit_test_setup_teardown(card_scrolls_to_the_end_at_every_size, setup, teardown),
		cmocka_unit_test_setup_teardown(copy_phone_and_card, setup, teardown),
		cmocka_unit_test_setup_teardown(help_and_about_pages, setup, teardown),
		cmocka_unit_test(key_table_feeds_help_and_bar),
		cmocka_unit_test_setup_teardown(export_and_open_prompt, setup, teardown),
		cmocka_unit_test_setup_teardown(restricted_mode_refuses, setup, teardown),
		cmocka_unit_test(layouts_fit_the_terminal),
		cmocka_unit_test_setup_teardown(reload_keeps_selection_by_id, setup, teardown),
		cmocka_unit_test(empty_directory),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
