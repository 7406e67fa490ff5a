/* SPDX-License-Identifier: MIT
 * view: draws the state with ncursesw. Reads the state, writes only to
 * curses; every piece of text goes through one width-aware function that
 * truncates with "…" and never splits a character. */
#ifndef CENTRES_VIEW_H
#define CENTRES_VIEW_H

#include <stdbool.h>

#include "state.h"

struct view_opts {
	bool color;	/* colours available and wanted */
	bool ascii;	/* the locale is not UTF-8: draw ASCII only */
	const char *notice;	/* e.g. unknown TERM, shown once */
};

/* Sets up colour pairs (when opts->color). */
void view_init(const struct view_opts *o);
/* Draws the whole screen into stdscr (the caller refreshes). */
void view_draw(struct state *st, const struct view_opts *o);

#endif
