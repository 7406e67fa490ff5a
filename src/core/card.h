/* SPDX-License-Identifier: MIT
 * card: one centre as a contact card, in one order and with one set of
 * labels, for the screen's contact pane and for the text copied to the
 * clipboard: the name, every phone number, the e-mail and the website, then
 * territory (and since 2017), region, postcode, acronym, status, the
 * départements covered ("Départements"), then every other column that has
 * a value, in file order. Not the id (an internal number), nor a status
 * most of the file's centres share, nor a region that is the territory
 * again ("Grand Est" twice). Also the phone numbers of a row on one line,
 * for batch text and the copy. No terminal code. */
#ifndef CENTRES_CARD_H
#define CENTRES_CARD_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "table.h"

struct card_field {
	const char *label;	/* "Phone", or an unknown column's header name */
	uint32_t col;		/* the column the text comes from */
	const char *s;		/* the field's text (in the card's) */
	size_t n;
	size_t at;		/* where s is in the card's text */
};

struct card {
	struct card_field *f;
	size_t n, cap;
	struct arena text;	/* its fields' text: a lazy table's rows do
				 * not stay (table_field()) */
};

/* Fills c (emptied first) with the fields of row r of t, in card order.
 * The strings live in c until it is built again or freed. */
void card_build(struct card *c, const struct table *t, size_t r);
void card_free(struct card *c);
/* The label shown for column c: the role's name for the first column of a
 * known role (and for every phone column), else the header text. */
const char *card_label(const struct table *t, size_t c);
/* The card as plain text, one "Label: value" line a field, each value on
 * one line. Caller frees. */
char *card_text(const struct table *t, size_t r);
/* Appends row r's phone numbers (every phone column that has one, in file
 * order) to out, on one line, joined with " / ". Returns how many. */
size_t card_phones(struct arena *out, const struct table *t, size_t r);

#endif
