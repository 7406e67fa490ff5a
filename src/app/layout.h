/* SPDX-License-Identifier: MIT
 * layout: where each part of the screen goes for a terminal size. Pure
 * arithmetic, no terminal code, so it is unit-tested. */
#ifndef CENTRES_LAYOUT_H
#define CENTRES_LAYOUT_H

#include <stdbool.h>

enum pane { PANE_MENU, PANE_LIST, PANE_DETAIL, PANE_COUNT };

enum layout_kind {
	LAYOUT_TOO_SMALL,	/* below 20x6: only a message */
	LAYOUT_NARROW,		/* < 60 columns or < 16 lines: one pane at a time */
	LAYOUT_MEDIUM,		/* territories | list above detail */
	LAYOUT_WIDE,		/* >= 120 columns: three columns */
};

struct rect {
	int y, x, h, w;	/* h or w 0: not shown */
};

struct layout {
	enum layout_kind kind;
	struct rect title;		/* top line */
	struct rect pane[PANE_COUNT];	/* each: a heading row, then content */
	struct rect filter;		/* the filter line (h 0 when hidden) */
	struct rect status, keys;	/* bottom lines */
};

#define LAYOUT_MIN_W 20
#define LAYOUT_MIN_H 6
#define LAYOUT_WIDE_W 120
#define LAYOUT_NARROW_W 60
#define LAYOUT_NARROW_H 16

/* Computes the layout for a w x h terminal; in the narrow layout only the
 * pane `shown` gets space. filter_line: whether the filter line is shown. */
void layout_compute(int w, int h, bool filter_line, enum pane shown, struct layout *l);
/* Content rows of a pane (its height less the heading row), at least 0. */
int layout_rows(const struct layout *l, enum pane p);

#endif
