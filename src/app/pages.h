/* SPDX-License-Identifier: MIT
 * pages: the text of the help screen (built from the key table) and of the
 * "About the network" screen, as lines wrapped to a width. Built once per
 * width by the state, which keeps them; all text in one arena. No terminal code. */
#ifndef CENTRES_PAGES_H
#define CENTRES_PAGES_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"

enum page_style { PAGE_TEXT, PAGE_HEADING, PAGE_KEY };

struct page_line {
	size_t off;		/* of its text in page.text (NUL-terminated) */
	enum page_style style;	/* PAGE_KEY: the keys, a tab, their description */
};

struct page {
	struct page_line *l;
	size_t n, cap;
	struct arena text;	/* every line's text */
	int keyw;		/* columns of the key column (PAGE_KEY) */
};

/* The text of line i. */
static inline const char *
page_text(const struct page *p, size_t i)
{
	return arena_at(&p->text, p->l[i].off);
}

/* The help screen for a width w: every binding of every mode, grouped, then
 * the query language; descriptions wrap under their own column. ascii: key
 * names without arrows; restricted: without the actions restricted mode
 * takes away. */
void pages_help(struct page *p, bool ascii, bool restricted, int w);
/* The about screen, wrapped to width w. */
void pages_about(struct page *p, int w);
void pages_free(struct page *p);

#endif
