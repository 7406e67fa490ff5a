/* SPDX-License-Identifier: MIT
 * coverage: the areas of a table's rows, the rows a query's places lead
 * to, and the note when none covers the best of them. */
#include "coverage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

static void
set_bit(uint64_t *m, size_t i)
{
	m[i / 64] |= UINT64_C(1) << (i % 64);
}

static bool
meets(const uint64_t *a, const uint64_t *b)
{
	for (size_t i = 0; i < COVER_WORDS; i++)
		if (a[i] & b[i])
			return true;
	return false;
}

/* One département, or a region's départements, named by folded text w
 * ("33", "2a", "1" for 01, "gironde", "bretagne"); false when it names
 * none. */
static bool
read_area(const struct coverage *c, const struct places *p, const char *w, size_t n, uint64_t *m)
{
	char code[4];
	if (n == 1 && w[0] >= '1' && w[0] <= '9') {	/* 01 as a spreadsheet writes it */
		code[0] = '0', code[1] = w[0];
		w = code, n = 2;
	}
	int d = places_dept_of_code(p, w, n);
	if (d >= 0) {
		set_bit(m, (size_t)d);
		return true;
	}
	for (size_t i = 0; i < p->ndept; i++) {
		const char *f = places_str(p, p->dept[i].fold);
		if (strlen(f) == n && memcmp(f, w, n) == 0) {
			set_bit(m, i);
			return true;
		}
	}
	for (size_t i = 0; i < p->nregion; i++) {
		const char *f = places_str(p, p->region[i].fold);
		if (strlen(f) == n && memcmp(f, w, n) == 0) {
			for (size_t k = 0; k < COVER_WORDS; k++)
				m[k] |= c->region[i][k];
			return true;
		}
	}
	return false;
}

/* A coverage field: areas separated by ; , / or |, or département numbers
 * separated by spaces ("33 24 47"). Returns how many values named none. */
static size_t
read_coverage(const struct coverage *c, const struct places *p, const char *s, size_t n,
    uint64_t *m, struct arena *tmp)
{
	size_t unread = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && !strchr(";,/|", s[j]))
			j++;
		tmp->len = 0;
		text_fold(tmp, s + i, j - i, NULL);
		const char *f = tmp->base;
		size_t a = 0, b = tmp->len;
		while (a < b && f[a] == ' ')
			a++;
		while (b > a && f[b - 1] == ' ')
			b--;
		if (a < b && !read_area(c, p, f + a, b - a, m)) {
			/* Numbers separated by spaces: each must be one. */
			uint64_t words[COVER_WORDS] = {0};
			bool all = true;
			for (size_t k = a; k < b && all;) {
				size_t e = k;
				while (e < b && f[e] != ' ')
					e++;
				all = read_area(c, p, f + k, e - k, words);
				k = e + 1;
			}
			if (all)
				for (size_t k = 0; k < COVER_WORDS; k++)
					m[k] |= words[k];
			else
				unread++;
		}
		i = j + 1;
	}
	return unread;
}

/* The départements of postcode pc: those of the communes that have it,
 * else the one its first digits name (a CEDEX code: 93732). */
static bool
postcode_depts(const struct places *p, uint32_t pc, uint64_t *m)
{
	size_t lo = places_postcode_at(p, pc);
	bool found = false;
	for (; lo < p->nby_postcode && p->by_postcode[lo].code == pc; lo++, found = true)
		set_bit(m, p->commune[p->by_postcode[lo].commune].dept);
	if (found)
		return true;
	char code[8];
	snprintf(code, sizeof code, "%05u", pc);
	int d = places_dept_of_code(p, code, code[0] == '9' && code[1] >= '7' ? 3 : 2);
	if (d >= 0)
		set_bit(m, (size_t)d);
	return d >= 0;
}

/* A postcode field: every run of 5 digits ("93200", "93200 Saint-Denis",
 * "75011 / 75012"), or 4 digits alone (01400 as a spreadsheet writes it).
 * Returns how many postcodes are in no département. */
static size_t
read_postcodes(struct coverage *c, const struct places *p, const char *s, size_t n, uint64_t *m,
    size_t *cap, size_t *npc)
{
	size_t unread = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] < '0' || s[i] > '9') {
			i++;
			continue;
		}
		size_t j = i;
		uint32_t v = 0;
		while (j < n && s[j] >= '0' && s[j] <= '9' && j - i < 6)
			v = v * 10 + (uint32_t)(s[j++] - '0');
		bool alone4 = j - i == 4 && i == 0 && j == n;
		if ((j - i == 5 || alone4) && (j == n || s[j] < '0' || s[j] > '9')) {
			xgrow((void **)&c->pc, cap, *npc + 1, sizeof *c->pc);
			c->pc[(*npc)++] = v;
			if (!postcode_depts(p, v, m))
				unread++;
		}
		while (j < n && s[j] >= '0' && s[j] <= '9')
			j++;
		i = j;
	}
	return unread;
}

void
coverage_build(struct coverage *c, const struct table *t, const struct places *p)
{
	memset(c, 0, sizeof *c);
	c->col = t->role_col[ROLE_COVERAGE];
	if (c->col < 0) {
		c->col = t->role_col[ROLE_POSTCODE];
		c->by_postcode = c->col >= 0;
	}
	if (c->col < 0)
		return;
	c->nrows = t->nrows;
	c->region = xcalloc(p->nregion, sizeof *c->region);
	for (size_t i = 0; i < p->ndept; i++)
		set_bit(c->region[p->dept[i].region], i);
	c->dept = xcalloc(t->nrows ? t->nrows : 1, sizeof *c->dept);
	if (c->by_postcode)
		c->pc_at = xmalloc((t->nrows + 1) * sizeof *c->pc_at);
	struct arena tmp = {0};
	size_t cap = 0, npc = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		size_t n;
		const char *s = table_field(t, r, (size_t)c->col, &n);
		size_t unread;
		if (c->by_postcode) {
			c->pc_at[r] = (uint32_t)npc;
			unread = read_postcodes(c, p, s, n, c->dept[r], &cap, &npc);
		} else {
			unread = read_coverage(c, p, s, n, c->dept[r], &tmp);
		}
		if (unread && !c->unread)
			c->first_unread = r;
		c->unread += unread;
	}
	if (c->by_postcode)
		c->pc_at[t->nrows] = (uint32_t)npc;
	arena_free(&tmp);
}

void
coverage_free(struct coverage *c)
{
	free(c->dept);
	free(c->pc_at);
	free(c->pc);
	free(c->region);
	memset(c, 0, sizeof *c);
	c->col = -1;
}

/* The départements of a place, as a mask. */
static void
place_mask(const struct coverage *c, const struct places *p, const struct place_hit *h, uint64_t *m)
{
	memset(m, 0, COVER_WORDS * sizeof *m);
	if (h->kind == PLACE_REGION)
		memcpy(m, c->region[h->id], COVER_WORDS * sizeof *m);
	else
		set_bit(m, h->kind == PLACE_DEPT ? h->id : p->commune[h->id].dept);
}

bool
coverage_covers(const struct coverage *c, const struct places *p, size_t r,
    const struct place_hit *h)
{
	if (c->col < 0 || r >= c->nrows)
		return false;
	if (h->kind == PLACE_COMMUNE && c->by_postcode) {
		/* A postcode typed is that postcode; a commune named, any of
		 * its postcodes. */
		const struct place_commune *pl = &p->commune[h->id];
		const uint32_t *pcs = h->postcode ? &h->postcode : &p->postcode[pl->pc];
		uint32_t npcs = h->postcode ? 1 : pl->npc;
		for (uint32_t i = c->pc_at[r]; i < c->pc_at[r + 1]; i++)
			for (uint32_t j = 0; j < npcs; j++)
				if (c->pc[i] == pcs[j])
					return true;
		return false;
	}
	uint64_t m[COVER_WORDS];
	place_mask(c, p, h, m);
	return meets(c->dept[r], m);
}

static void
reach_add(struct reach *out, size_t row, uint32_t hit)
{
	xgrow((void **)&out->r, &out->cap, out->n + 1, sizeof *out->r);
	out->r[out->n++] = (struct reached){(uint32_t)row, hit};
}

/* The rows meeting the mask m, offered as nearby (none covers the place). */
static size_t
offer(const struct coverage *c, const uint64_t *m, struct reach *out)
{
	size_t k = 0;
	for (size_t r = 0; r < c->nrows; r++)
		if (meets(c->dept[r], m))
			reach_add(out, r, REACH_NEARBY), k++;
	return k;
}

/* When nothing covers the best place: the note, and the rows of the
 * nearest area that has some (a commune's département when rows are by
 * postcode, then the region). The note is a sentence of a translation
 * around each place ("Aucun centre ne couvre les Hauts-de-Seine (92).
 * Centres de la région Île-de-France :"), the places with their article
 * (places_label_as()). */
static void
nearest(const struct coverage *c, const struct places *p, const struct place_hit *best,
    struct reach *out)
{
	struct place_hit area = *best;	/* the area nothing covers, widened */
	if (best->kind == PLACE_COMMUNE && !c->by_postcode)
		area = (struct place_hit){PLACE_DEPT, p->commune[best->id].dept, 0, true};
	struct arena name = {0};
	while (area.kind != PLACE_REGION) {
		struct place_hit wider = area.kind == PLACE_COMMUNE
		    ? (struct place_hit){PLACE_DEPT, p->commune[area.id].dept, 0, true}
		    : (struct place_hit){PLACE_REGION, p->dept[area.id].region, 0, true};
		uint64_t m[COVER_WORDS];
		place_mask(c, p, &wider, m);
		if (offer(c, m, out))
			break;
		area = wider;
	}
	places_label_as(p, &area, PLACE_OBJECT, &name);
	arena_putc(&name, '\0');
	/* TRANSLATORS: the status line when no centre covers the place typed
	 * (%s: "Hauts-de-Seine (92)", with its article); the centres of the
	 * nearest area may follow: "Centres in Île-de-France:". */
	arena_put_format(&out->note, c->by_postcode ? _("No centre in %s.") :
	    _("No centre covers %s."), name.base);
	if (area.kind != PLACE_REGION) {
		/* Rows were offered: those of the wider area. */
		struct place_hit wider = area.kind == PLACE_COMMUNE
		    ? (struct place_hit){PLACE_DEPT, p->commune[area.id].dept, 0, true}
		    : (struct place_hit){PLACE_REGION, p->dept[area.id].region, 0, true};
		bool region = wider.kind == PLACE_REGION;
		name.len = 0;
		places_label_as(p, &wider, region ? PLACE_LABEL : PLACE_OF, &name);
		arena_putc(&name, '\0');
		arena_putc(&out->note, ' ');
		/* TRANSLATORS: after "No centre covers ...": the centres offered
		 * instead, those of a region (%s: "Île-de-France", no article),
		 * or of a département (%s: "Seine-Saint-Denis (93)", with its
		 * article after "of"). */
		arena_put_format(&out->note, region ? C_("nearest centres, a region", "Centres in %s:") :
		    C_("nearest centres, a département", "Centres in %s:"), name.base);
		/* TRANSLATORS: beside a centre offered by the note (the list's
		 * place column): "in Île-de-France", "in Seine-Saint-Denis
		 * (93)", as above. */
		arena_put_format(&out->nearby, region ? C_("offered centre, a region", "in %s") :
		    C_("offered centre, a département", "in %s"), name.base);
		arena_putc(&out->nearby, '\0');
	}
	arena_putc(&out->note, '\0');
	arena_free(&name);
}

void
coverage_reach(const struct coverage *c, const struct places *p, const struct place_query *q,
    struct reach *out)
{
	out->n = out->covering = 0;
	out->note.len = out->nearby.len = 0;
	if (c->col < 0 || q->n == 0)
		return;
	/* A row outside every place's départements is passed at once. */
	uint64_t any[COVER_WORDS] = {0}, m[COVER_WORDS];
	for (size_t i = 0; i < q->n; i++) {
		place_mask(c, p, &q->hit[i], m);
		for (size_t k = 0; k < COVER_WORDS; k++)
			any[k] |= m[k];
	}
	bool best_covered = false;
	for (size_t r = 0; r < c->nrows; r++) {
		if (!meets(c->dept[r], any))
			continue;
		for (size_t i = 0; i < q->n; i++)
			if (coverage_covers(c, p, r, &q->hit[i])) {
				reach_add(out, r, (uint32_t)i);
				best_covered |= i == 0;
				break;
			}
	}
	out->covering = out->n;
	if (best_covered)
		return;
	/* Nothing covers the best place: the note, and the nearest rows (in
	 * order, among those that cover another place). */
	size_t k = out->n;
	nearest(c, p, &q->hit[0], out);
	if (out->n == k)
		return;
	struct reached *all = xmalloc(out->n * sizeof *all);
	size_t a = 0, b = k, n = 0;
	while (a < k || b < out->n) {
		if (b >= out->n || (a < k && out->r[a].row <= out->r[b].row)) {
			if (b < out->n && out->r[a].row == out->r[b].row)
				b++;	/* covers another place: that says more */
			all[n++] = out->r[a++];
		} else {
			all[n++] = out->r[b++];
		}
	}
	memcpy(out->r, all, n * sizeof *all);
	out->n = n;
	free(all);
}

void
reach_free(struct reach *r)
{
	free(r->r);
	arena_free(&r->note);
	arena_free(&r->nearby);
	memset(r, 0, sizeof *r);
}
