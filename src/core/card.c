/* SPDX-License-Identifier: MIT
 * card: the contact card's fields, labels and order. */
#include "card.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

/* Card order: what a caller needs first (the name, every phone number, the
 * e-mail, the website), then where the centre works, then the rest; the
 * numbers of the départements covered last (a list of codes, which the
 * place look-up reads: the territory already says it in words). */
static const enum role card_order[] = {
	ROLE_NAME, ROLE_PHONE, ROLE_EMAIL, ROLE_WEBSITE, ROLE_TERRITORY, ROLE_TERRITORY_2017,
	ROLE_REGION, ROLE_POSTCODE, ROLE_ACRONYM, ROLE_STATUS, ROLE_COVERAGE,
};

/* TRANSLATORS: the card's labels, in a column of 12 on a wide card (a
 * longer one goes on a line of its own, as "Territory since 2017" does). */
static const char *const role_labels[ROLE_COUNT] = {
	[ROLE_ID] = N_("Id"), [ROLE_NAME] = N_("Name"), [ROLE_ACRONYM] = N_("Acronym"),
	[ROLE_TERRITORY] = N_("Territory"), [ROLE_TERRITORY_2017] = N_("Territory since 2017"),
	[ROLE_REGION] = N_("Region"), [ROLE_WEBSITE] = N_("Website"), [ROLE_EMAIL] = N_("E-mail"),
	[ROLE_PHONE] = N_("Phone"), [ROLE_STATUS] = N_("Status"),
	[ROLE_COVERAGE] = N_("Départements"), [ROLE_POSTCODE] = N_("Postcode"),
};

const char *
card_label(const struct table *t, size_t c)
{
	enum role r = t->cols[c].role;
	if (r != ROLE_NONE && r != ROLE_ID && t->role_col[r] == (int)c)
		return _(role_labels[r]);
	if (r == ROLE_PHONE)
		return _(role_labels[r]);
	return t->cols[c].name;
}

static void
add(struct card *c, const struct table *t, size_t col, const char *s, size_t n)
{
	xgrow((void **)&c->f, &c->cap, c->n + 1, sizeof *c->f);
	/* Its text pointed to once the card is whole (the arena moves). */
	size_t at = arena_append(&c->text, s, n);
	arena_putc(&c->text, '\0');
	c->f[c->n++] = (struct card_field){card_label(t, col), (uint32_t)col, NULL, n, at};
}

/* Whether the region of row r is the territory said just above it (the
 * 2017 one where there is one): "Grand Est" twice tells nothing more. */
static bool
region_said(const struct table *t, size_t r, const char *s, size_t n)
{
	size_t tn;
	const char *ter = table_territory(t, r, &tn);
	if (!tn)
		return false;
	char *a = xstrndup(s, n), *b = xstrndup(ter, tn);
	char *fa = text_fold_str(a), *fb = text_fold_str(b);
	bool same = strcmp(fa, fb) == 0;
	free(a);
	free(b);
	free(fa);
	free(fb);
	return same;
}

/* Whether a field of row r says nothing the reader needs: an internal id,
 * the status most centres of the file have ("actif": only another one,
 * such as "en préfiguration", is worth a line), a region that is the
 * territory again. */
static bool
left_out(const struct table *t, size_t r, size_t col, const char *s, size_t n)
{
	enum role role = t->cols[col].role;
	if (role == ROLE_ID)
		return true;
	if (role == ROLE_REGION && t->role_col[ROLE_REGION] == (int)col)
		return region_said(t, r, s, n);
	return role == ROLE_STATUS && t->common_status && strlen(t->common_status) == n &&
	    memcmp(t->common_status, s, n) == 0;
}

void
card_build(struct card *c, const struct table *t, size_t r)
{
	c->n = 0;
	c->text.len = 0;
	bool *done = xcalloc(t->ncols ? t->ncols : 1, sizeof *done);
	for (size_t k = 0; k < sizeof card_order / sizeof card_order[0]; k++) {
		for (size_t col = 0; col < t->ncols; col++) {
			if (done[col] || t->cols[col].role != card_order[k])
				continue;
			done[col] = true;
			size_t n;
			const char *s = table_field(t, r, col, &n);
			if ((n && !left_out(t, r, col, s, n)) || card_order[k] == ROLE_NAME)
				add(c, t, col, s, n);
		}
	}
	for (size_t col = 0; col < t->ncols; col++) {
		size_t n;
		const char *s = table_field(t, r, col, &n);
		if (!done[col] && n && !left_out(t, r, col, s, n))
			add(c, t, col, s, n);
	}
	free(done);
	for (size_t i = 0; i < c->n; i++)
		c->f[i].s = c->text.base + c->f[i].at;
}

void
card_free(struct card *c)
{
	free(c->f);
	arena_free(&c->text);
	memset(c, 0, sizeof *c);
}

char *
card_text(const struct table *t, size_t r)
{
	struct card c = {0};
	struct arena out = {0};
	card_build(&c, t, r);
	for (size_t i = 0; i < c.n; i++) {
		if (!c.f[i].n)
			continue;
		/* A header name may hold a line break (a quoted one): the
		 * label too is one line. */
		size_t ln = strlen(c.f[i].label);
		size_t lat = arena_append(&out, c.f[i].label, ln);
		text_oneline(out.base + lat, ln);
		/* TRANSLATORS: between a label and its value in the card copied
		 * as text ("Phone: 04 78 77 01 43"). */
		const char *sep = C_("card text", ": ");
		arena_append(&out, sep, strlen(sep));
		size_t at = arena_append(&out, c.f[i].s, c.f[i].n);
		text_oneline(out.base + at, c.f[i].n);
		arena_putc(&out, '\n');
	}
	arena_putc(&out, '\0');
	card_free(&c);
	return out.base;
}

size_t
card_phones(struct arena *out, const struct table *t, size_t r)
{
	size_t count = 0;
	for (size_t c = 0; c < t->ncols; c++) {
		if (t->cols[c].role != ROLE_PHONE)
			continue;
		size_t n;
		const char *s = table_field(t, r, c, &n);
		if (!n)
			continue;
		if (count++)
			arena_append(out, " / ", 3);
		size_t at = arena_append(out, s, n);
		text_oneline(out->base + at, n);
	}
	return count;
}
