/* SPDX-License-Identifier: MIT
 * layout: pane geometry for each terminal size. */
#include "layout.h"

#include <string.h>

static int
clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

void
layout_compute(int w, int h, bool filter_line, enum pane shown, struct layout *l)
{
	memset(l, 0, sizeof *l);
	if (w < LAYOUT_MIN_W || h < LAYOUT_MIN_H) {
		l->kind = LAYOUT_TOO_SMALL;
		return;
	}
	l->title = (struct rect){0, 0, 1, w};
	l->keys = (struct rect){h - 1, 0, 1, w};
	l->status = (struct rect){h - 2, 0, 1, w};
	int bottom = 2;
	if (filter_line) {
		l->filter = (struct rect){h - 3, 0, 1, w};
		bottom = 3;
	}
	int top = 1, ch = h - top - bottom;	/* content height */
	if (w < LAYOUT_NARROW_W || h < LAYOUT_NARROW_H) {
		l->kind = LAYOUT_NARROW;
		l->pane[shown] = (struct rect){top, 0, ch, w};
		return;
	}
	if (w >= LAYOUT_WIDE_W) {
		l->kind = LAYOUT_WIDE;
		int mw = clamp(w / 4, 26, 40);
		int lw = (w - mw - 2) * 11 / 20;
		l->pane[PANE_MENU] = (struct rect){top, 0, ch, mw};
		l->pane[PANE_LIST] = (struct rect){top, mw + 1, ch, lw};
		l->pane[PANE_DETAIL] = (struct rect){top, mw + lw + 2, ch, w - mw - lw - 2};
		return;
	}
	l->kind = LAYOUT_MEDIUM;
	int mw = clamp(w * 7 / 20, 20, 34);
	int rw = w - mw - 1;
	int lh = clamp(ch * 2 / 5, 3, ch - 4);
	l->pane[PANE_MENU] = (struct rect){top, 0, ch, mw};
	l->pane[PANE_LIST] = (struct rect){top, mw + 1, lh, rw};
	l->pane[PANE_DETAIL] = (struct rect){top + lh, mw + 1, ch - lh, rw};
}

int
layout_rows(const struct layout *l, enum pane p)
{
	int r = l->pane[p].h - 1;
	return r < 0 ? 0 : r;
}
