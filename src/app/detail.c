/* SPDX-License-Identifier: MIT
 * detail: the contact card as wrapped lines. */
#include "detail.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/i18n.h"
#include "../core/text.h"
#include "../core/util.h"

static void
push(struct detail *dt, const char *label, uint32_t col, const char *s, size_t n, size_t off)
{
	xgrow((void **)&dt->lines, &dt->cap, dt->n + 1, sizeof *dt->lines);
	dt->lines[dt->n++] = (struct dline){label, col, s, n, off, false, false};
}

/* A line saying what the card leaves out. */
static void
push_note(struct detail *dt, const char *s)
{
	push(dt, NULL, 0, s, strlen(s), 0);
	dt->lines[dt->n - 1].note = true;
}

/* Wraps one field's text into lines of at most w columns, at spaces where
 * possible; line breaks in the text start new lines. */
static void
wrap_field(struct detail *dt, const char *label, uint32_t col, const char *s, size_t n, int w)
{
	size_t i = 0, lines = 0;
	bool first = true;
	if (w < 1)
		w = 1;
	/* What DETAIL_FIELD_LINES lines can show, at 4 bytes a column: the rest
	 * of a field of megabytes is not even looked at. */
	size_t budget = ((size_t)DETAIL_FIELD_LINES + 1) * (size_t)w * 4;
	bool cut_short = n > budget;
	if (cut_short)
		for (n = budget; n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80; n--)
			;	/* never inside a character */
	/* The label on a line of its own: on a narrow card, and for a label
	 * wider than the labels' column ("Territory since 2017", a long
	 * header), which would else be cut. */
	if (dt->label_w == 0 || (label && text_width(label, strlen(label)) > dt->label_w)) {
		push(dt, label, col, "", 0, 0);
		dt->lines[dt->n - 1].label_only = true;
		label = NULL;
	}
	while (i < n || first) {
		size_t end = i;
		while (end < n && s[end] != '\n' && s[end] != '\r')
			end++;
		/* One logical line s[i..end): wrap it. */
		size_t p = i;
		do {
			int used;
			size_t fit = text_fit(s + p, end - p, w, &used);
			if (fit == 0 && p < end) {	/* a character wider than w */
				int32_t cp;
				fit = (size_t)text_decode(s + p, end - p, &cp);
			}
			size_t cut = p + fit;
			if (cut < end) {
				size_t sp = cut;
				while (sp > p && s[sp] != ' ')
					sp--;
				if (sp > p)
					cut = sp + 1;
			}
			size_t len = cut - p;
			while (len > 0 && s[p + len - 1] == ' ' && cut < end)
				len--;
			if (lines++ == DETAIL_FIELD_LINES) {
				push_note(dt, _("… (the rest of this field is not shown)"));
				return;
			}
			push(dt, first ? label : NULL, col, s + p, len, p);
			first = false;
			p = cut;
		} while (p < end);
		i = end;
		if (i < n)
			i += (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
		else
			break;
	}
	if (cut_short)
		push_note(dt, _("… (the rest of this field is not shown)"));
}

void
detail_build(struct detail *dt, const struct table *t, size_t r, const char *via, int w)
{
	dt->n = 0;
	dt->label_w = w >= 40 ? 12 : 0;
	int tw = dt->label_w ? w - dt->label_w - 1 : w;
	card_build(&dt->card, t, r);
	for (size_t i = 0; i < dt->card.n && i < DETAIL_FIELDS; i++) {
		const struct card_field *f = &dt->card.f[i];
		wrap_field(dt, f->label, f->col, f->s, f->n, tw);
		if (i == 0 && via)	/* after the name: the place that led here */
			/* TRANSLATORS: a card label: the place the search named that led
			 * to this centre ("Found  via Bordeaux, Gironde"); at most 12
			 * columns. */
			wrap_field(dt, _("Found"), DETAIL_VIA, via, strlen(via), tw);
	}
	if (dt->card.n > DETAIL_FIELDS) {
		size_t more = dt->card.n - DETAIL_FIELDS;
		snprintf(dt->more, sizeof dt->more, P_("… %zu more field not shown",
		    "… %zu more fields not shown", more), more);
		push_note(dt, dt->more);
	}
}

void
detail_free(struct detail *dt)
{
	free(dt->lines);
	card_free(&dt->card);
	memset(dt, 0, sizeof *dt);
}
