/* SPDX-License-Identifier: MIT
 * view: draws the state with ncursesw. Only reads the state (const),
 * writes only to curses; every piece of text goes through one width-aware
 * function that truncates with "…" and never splits a character. */
#ifndef CENTRES_VIEW_H
#define CENTRES_VIEW_H

#include <stdbool.h>

#include "../app/state.h"

struct view_opts {
	bool color;	/* colours available and wanted */
	bool ascii;	/* draw ASCII only (--ascii, or the locale is not UTF-8) */
	char notice[160];	/* e.g. unknown TERM, shown until a message comes */
};

/* Decides how to draw, once curses has started: colours unless no_color
 * or NO_COLOR or the terminal has none; ASCII when ascii or outside a UTF-8
 * locale (said in the notice, when notice is empty); sets up the colours. */
void view_init(struct view_opts *o, bool no_color, bool ascii, bool utf8, const char *notice);
/* Draws the whole screen into stdscr (the caller refreshes). */
void view_draw(const struct state *st, const struct view_opts *o);

#endif
