/* SPDX-License-Identifier: MIT
 * detail: the contact card of one centre (core/card: its fields, order and
 * labels) laid out as wrapped lines for a given width. Pure text layout (no
 * terminal code): the state keeps it for the selected centre and scrolls it, the
 * view draws it. */
#ifndef CENTRES_DETAIL_H
#define CENTRES_DETAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/card.h"
#include "../core/table.h"

struct dline {
	const char *label;	/* on a field's first line, else NULL */
	uint32_t col;		/* the column the text comes from */
	const char *s;		/* text of this line (inside the field's text) */
	size_t n;
	size_t off;		/* offset of s in the field's text */
	bool label_only;	/* narrow card: the label on a line of its own */
	bool note;		/* not a field's text: what the card leaves out */
};

/* A card shows its first DETAIL_FIELDS fields, and of each field its first
 * DETAIL_FIELD_LINES lines, then says what it leaves out: a row of 100,000
 * fields or a field of megabytes is laid out in the time of a screen. */
#define DETAIL_FIELDS 60
#define DETAIL_FIELD_LINES 200

struct detail {
	struct dline *lines;
	size_t n, cap;
	int label_w;		/* columns kept for labels */
	struct card card;	/* the fields laid out */
	char more[96];		/* the note on the fields left out */
};

/* The column of a card line that comes from no field: what led to the
 * centre (a place typed). */
#define DETAIL_VIA UINT32_MAX

/* Lays out row r of t for a pane width w into dt (cleared first); via,
 * when not NULL, is what led to the row ("via Saint-Denis 93200, ..."),
 * shown after the name. */
void detail_build(struct detail *dt, const struct table *t, size_t r, const char *via, int w);
void detail_free(struct detail *dt);

#endif
