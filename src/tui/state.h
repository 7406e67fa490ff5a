/* SPDX-License-Identifier: MIT
 * state: everything the screen shows, as data: the filter, the visible menu
 * entries and their counts, the centres of the selected entry, focus, cursor
 * and scroll of each pane, the mode (browsing, editing the filter, choosing
 * what to copy, typing a file name, reading help) and the status message. Changed only through
 * state_apply() and the few functions below; no curses, so unit-tested. */
#ifndef CENTRES_STATE_H
#define CENTRES_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/filter.h"
#include "../source.h"
#include "action.h"
#include "detail.h"
#include "layout.h"

enum ui_mode { UI_BROWSE, UI_FILTER, UI_COPY, UI_PROMPT, UI_HELP, UI_ABOUT, UI_MODE_COUNT };

/* What the file-name prompt is for. */
enum prompt_kind { PROMPT_EXPORT, PROMPT_LOAD };

struct cursor {
	size_t cur, top;	/* selected line, first line shown */
};

struct state {
	struct directory *d;	/* not owned */
	struct filter f;
	char query[1024];	/* the filter line, UTF-8 */
	size_t qlen;
	enum ui_mode mode;
	enum pane focus;	/* also the pane shown in the narrow layout */
	int width, height;
	struct layout lay;

	size_t *counts;		/* per index entry: matches under the filter */
	uint32_t *menu;		/* visible index entries */
	size_t nmenu;
	uint32_t *list;		/* rows of the selected entry that match */
	size_t nlist;
	struct cursor c[PANE_COUNT];	/* c[PANE_DETAIL].top scrolls the card */
	struct detail card;	/* the selected centre, laid out for its pane */
	int card_width;
	long card_row;
	size_t pager_top;	/* help and about screens */
	enum ui_mode pager_return;	/* the mode they go back to */
	size_t pager_lines;	/* set by the view: lines of the current page */

	/* where we were when the filter line was opened (Esc goes back) */
	uint32_t saved_entry;
	long saved_row;
	enum pane saved_focus;

	bool restricted;	/* --restricted: see action_allowed() */
	enum prompt_kind prompt;	/* in UI_PROMPT */
	char input[1024];	/* the file name being typed, UTF-8 */
	size_t inlen;

	char status[512];
	char *copy;		/* text to put on the clipboard (REACT_COPY) */
};

void state_init(struct state *st, struct directory *d, int width, int height);
void state_free(struct state *st);
/* New terminal size: recomputes the layout and keeps the selection. */
void state_resize(struct state *st, int width, int height);
/* Applies an action; ch is the character for ACT_FILTER_INSERT. */
unsigned state_apply(struct state *st, enum action a, uint32_t ch);
/* A mouse click on a content line of a pane (0 = first content line), or on
 * its heading (line -1): focuses the pane and selects the line. */
unsigned state_click(struct state *st, enum pane p, int line);
/* The mouse wheel over a pane: moves its selection by delta lines. */
unsigned state_wheel(struct state *st, enum pane p, int delta);
/* After a successful reload: switches to d, keeps the filter and, where it
 * still exists, the selected centre (by id, else by name and territory). */
void state_replace_directory(struct state *st, struct directory *d);

/* The selected centre (a row of the table), or -1 when the list is empty. */
long state_row(const struct state *st);
/* The selected index entry. */
uint32_t state_entry(const struct state *st);
/* The card of the selected centre laid out for the contact pane's width
 * (cached until the selection or the width changes). */
const struct detail *state_card(struct state *st);
/* The directory's name as shown: its path, or in restricted mode only the
 * file name (the person has no business with the server's folders). */
const char *state_source_name(const struct state *st);
/* Sets the status message (printf-like). */
void state_status(struct state *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
