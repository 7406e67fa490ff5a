/* SPDX-License-Identifier: MIT
 * state: everything the screen shows, as data: the search, the visible menu
 * entries and their counts, the centres of the selected entry, focus, cursor
 * and scroll of each pane, the mode (browsing and searching, choosing what
 * to copy, typing a file name, reading help), the contact card and the
 * help or about page laid out for the terminal's width, and the status
 * message. Changed only through the functions below, which keep the card
 * and the page up to date, so that the view only reads it (const). No
 * terminal code, no files: reactions that need them are returned (REACT_*) for
 * app.c to carry out. */
#ifndef CENTRES_STATE_H
#define CENTRES_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/directory.h"
#include "../core/filter.h"
#include "../core/sort.h"
#include "action.h"
#include "detail.h"
#include "keymap.h"
#include "layout.h"
#include "lineedit.h"
#include "pages.h"

/* What the file-name prompt is for. */
enum prompt_kind { PROMPT_EXPORT, PROMPT_LOAD };

struct cursor {
	size_t cur, top;	/* selected line, first line shown */
};

/* What the process allows and asks for, fixed for the session. */
struct state_opts {
	bool restricted;	/* --restricted: see action_allowed() */
	bool ascii;		/* key names in ASCII (the help, the key bar) */
	bool job_control;	/* a shell can resume the process after Ctrl-Z */
	enum sort_key order;	/* the list's order at first (--sort) */
};

struct state {
	const struct directory *d;	/* not owned */
	struct state_opts opt;
	struct filter f;
	struct lineedit query;	/* the search line, always on screen */
	enum ui_mode mode;
	enum pane focus;	/* also the pane shown in the narrow layout */
	int width, height;
	struct layout lay;

	size_t *counts;		/* per index entry: matches under the filter */
	uint32_t *menu;		/* visible index entries */
	size_t nmenu;
	uint32_t *list;		/* rows of the selected entry that match */
	size_t nlist, list_cap;
	enum sort_key order;	/* of the list (F7): the file's, by name... */
	struct sort sort;	/* the orders computed for the table */
	struct cursor c[PANE_COUNT];	/* c[PANE_DETAIL].top scrolls the card */
	struct detail card;	/* the selected centre, laid out for its pane */
	int card_width;
	long card_row;		/* the row card shows; -2: to lay out again */

	struct page page;	/* the help or about page, laid out */
	enum ui_mode page_mode;	/* which (UI_BROWSE: none yet) */
	int page_width;
	size_t pager_top;	/* its first line shown */
	enum ui_mode pager_return;	/* the mode it goes back to */

	enum prompt_kind prompt;	/* in UI_PROMPT */
	struct lineedit input;	/* the file name being typed */

	enum role copy_role;	/* REACT_COPY: what to copy (ROLE_NONE: the card) */
	unsigned copy_index;	/* which phone number, from 0 */
	size_t copy_phones;	/* in the copy menu: the centre's phone numbers */
	bool copy_email, copy_website;	/* and whether it has these */
	bool search_waiting;	/* state_type_ahead() typed, not narrowed yet */
	unsigned long searches;	/* how many times the lists were narrowed */
	char status[512];
	char loadline[512];	/* while loading (and after a load that
				 * stopped): how far it is, on the status
				 * line when no message is there; "" none */
};

void state_init(struct state *st, const struct directory *d, const struct state_opts *o,
    int width, int height);
void state_free(struct state *st);
/* New terminal size: recomputes the layout and keeps the selection. */
void state_resize(struct state *st, int width, int height);
/* Applies an action; ch is the key (the character of ACT_TYPE, the digit
 * of ACT_COPY_PHONE). Actions that restricted mode takes away are refused
 * here, and only here. */
unsigned state_apply(struct state *st, enum action a, uint32_t ch);
/* A character typed into the search, the lists not narrowed yet: keys
 * typed ahead (a paste without brackets, a held key over a slow link)
 * narrow once, at state_search_now(). False when nothing was added (the
 * copy menu, a page or the prompt is open, or the character is refused). */
bool state_type_ahead(struct state *st, uint32_t ch);
/* Narrows the lists to the search typed so far; REACT_DRAW, or REACT_NONE
 * when nothing was waiting. */
unsigned state_search_now(struct state *st);

/* Pasted text (UTF-8): into the file name in the prompt, else into the
 * search (closing a menu or page), line breaks and tabs made spaces,
 * controls dropped; the lists narrow once, not once a character. */
void state_paste(struct state *st, const char *s, size_t n);
/* A mouse click on a content line of a pane (0 = first content line), or on
 * its heading (line -1): focuses the pane and selects the line. */
unsigned state_click(struct state *st, enum pane p, int line);
/* The mouse wheel over a pane: moves its selection by delta lines. */
unsigned state_wheel(struct state *st, enum pane p, int delta);
/* After a successful reload: switches to d, keeps the filter and, where it
 * still exists, the selected centre (by id, else by name and territory). */
void state_replace_directory(struct state *st, const struct directory *d);

/* While the directory loads: the table has more rows (the same first
 * ones): the lists take them, the selection and the scrolling kept. */
void state_rows_added(struct state *st);
/* The load has ended: the menu index is the whole directory's now (the
 * rows are those shown so far and more), the places can be searched. */
void state_loaded(struct state *st);

/* The selected centre (a row of the table), or -1 when the list is empty. */
long state_row(const struct state *st);
/* The selected index entry. */
uint32_t state_entry(const struct state *st);
/* The card of the selected centre laid out for the contact pane's width. */
const struct detail *state_card(const struct state *st);
/* The directory's name as shown: its path, or in restricted mode only the
 * file name (the person has no business with the server's folders). */
const char *state_source_name(const struct state *st);
/* Whether the screen offers an action (the key bar, the help). */
bool state_offers(const struct state *st, enum action a);
/* Sets the status message (printf-like). */
void state_status(struct state *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The key bar of the current mode: the actions offered here (in the narrow
 * layout Back rather than Tab), each with its keys' names (at most two).
 * Fills out (up to max entries); returns how many. */
struct keybar_entry {
	enum action act;
	int priority;		/* lower keeps its place longer when narrow */
	char keys[64];
	const char *label;
};
size_t state_keybar(const struct state *st, struct keybar_entry *out, size_t max);

#endif
