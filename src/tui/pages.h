/* SPDX-License-Identifier: MIT
 * pages: the text of the help screen (built from the key table) and of the
 * "About the network" screen, as lines. No curses. */
#ifndef CENTRES_PAGES_H
#define CENTRES_PAGES_H

#include <stdbool.h>
#include <stddef.h>

struct page_line {
	char *text;	/* owned */
	int style;	/* 0 text, 1 heading, 2 key column + text (split at tab) */
};

struct page {
	struct page_line *l;
	size_t n, cap;
	int keyw;	/* columns of the key column (style 2) */
};

/* The help screen for a width w: every binding of every mode, grouped, then
 * the query language; descriptions wrap under their own column. ascii: key
 * names without arrows; restricted: without the actions restricted mode
 * takes away. */
void pages_help(struct page *p, bool ascii, bool restricted, int w);
/* The about screen, wrapped to width w. */
void pages_about(struct page *p, int w);
void pages_free(struct page *p);

#endif
