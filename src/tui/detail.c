/* SPDX-License-Identifier: MIT
 * detail: the contact card as wrapped lines. */
#include "detail.h"

#include <stdlib.h>
#include <string.h>

#include "../core/text.h"
#include "../core/util.h"

/* Card order: known fields first, in this order. */
static const enum role card_order[] = {
	ROLE_NAME, ROLE_ACRONYM, ROLE_TERRITORY, ROLE_TERRITORY_2017, ROLE_REGION,
	ROLE_STATUS, ROLE_WEBSITE, ROLE_EMAIL, ROLE_PHONE,
};

static const char *const role_labels[ROLE_COUNT] = {
	[ROLE_ID] = "Id", [ROLE_NAME] = "Name", [ROLE_ACRONYM] = "Acronym",
	[ROLE_TERRITORY] = "Territory", [ROLE_TERRITORY_2017] = "From 2017",
	[ROLE_REGION] = "Region", [ROLE_WEBSITE] = "Website", [ROLE_EMAIL] = "E-mail",
	[ROLE_PHONE] = "Phone", [ROLE_STATUS] = "Status",
};

const char *
detail_label(const struct table *t, size_t c)
{
	enum role r = t->cols[c].role;
	if (r != ROLE_NONE && r != ROLE_ID && t->role_col[r] == (int)c)
		return role_labels[r];
	if (r == ROLE_PHONE)
		return role_labels[r];
	return t->cols[c].name;
}

static void
push(struct detail *dt, const char *label, uint32_t col, const char *s, size_t n, size_t off)
{
	xgrow((void **)&dt->lines, &dt->cap, dt->n + 1, sizeof *dt->lines);
	dt->lines[dt->n++] = (struct dline){label, col, s, n, off, false};
}

/* Wraps one field's text into lines of at most w columns, at spaces where
 * possible; line breaks in the text start new lines. */
static void
wrap_field(struct detail *dt, const char *label, uint32_t col, const char *s, size_t n, int w)
{
	size_t i = 0;
	bool first = true;
	if (w < 1)
		w = 1;
	if (dt->label_w == 0) {
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
}

void
detail_build(struct detail *dt, const struct table *t, size_t r, int w)
{
	dt->n = 0;
	dt->label_w = w >= 40 ? 12 : 0;
	int tw = dt->label_w ? w - dt->label_w - 1 : w;
	bool *done = xcalloc(t->ncols ? t->ncols : 1, sizeof *done);
	for (size_t k = 0; k < sizeof card_order / sizeof card_order[0]; k++) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (done[c] || t->cols[c].role != card_order[k])
				continue;
			done[c] = true;
			size_t n;
			const char *s = table_field(t, r, c, &n);
			if (n || card_order[k] == ROLE_NAME)
				wrap_field(dt, detail_label(t, c), (uint32_t)c, s, n, tw);
		}
	}
	for (size_t c = 0; c < t->ncols; c++) {
		size_t n;
		const char *s = table_field(t, r, c, &n);
		if (!done[c] && n)
			wrap_field(dt, detail_label(t, c), (uint32_t)c, s, n, tw);
	}
	free(done);
}

void
detail_free(struct detail *dt)
{
	free(dt->lines);
	memset(dt, 0, sizeof *dt);
}
