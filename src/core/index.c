/* SPDX-License-Identifier: MIT
 * index: regions and territories of the loaded table, for the menu. */
#include "index.h"

#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

/* A (region, territory) pair met while scanning, before sorting. */
struct pair {
	char *region, *territory;	/* owned until moved into entries */
	char *rkey, *tkey;		/* folded, for sorting and grouping */
	uint32_t *rows;
	size_t n, cap;
};

struct pairmap {
	struct pair *p;
	size_t n, cap;
	struct slots s;
};

/* Two strings, told apart by a byte neither holds. */
static uint64_t
hash_two(const char *a, size_t an, const char *b, size_t bn)
{
	static const char sep = '\xff';
	return hash_bytes(hash_bytes(hash_bytes(HASH_INIT, a, an), &sep, 1), b, bn);
}

static uint64_t
pair_hash(const void *ctx, size_t i)
{
	const struct pair *p = &((const struct pairmap *)ctx)->p[i];
	return hash_two(p->rkey, strlen(p->rkey), p->tkey, strlen(p->tkey));
}

/* A label: s[0..n) trimmed, on one line. Caller frees. */
static char *
copy_trim(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	char *d = xstrndup(s, n);
	text_oneline(d, n);
	return d;
}

/* Adds row to the pair (region, territory), taking both strings; returns
 * the pair's index (valid until the pairs are sorted). */
static size_t
pm_add(struct pairmap *m, char *region, char *territory, uint32_t row)
{
	char *rk = text_fold_str(region), *tk = text_fold_str(territory);
	slots_reserve(&m->s, m->n, pair_hash, m);
	size_t s = slots_first(&m->s, hash_two(rk, strlen(rk), tk, strlen(tk)));
	for (; m->s.slot[s]; s = slots_next(&m->s, s)) {
		struct pair *p = &m->p[m->s.slot[s] - 1];
		if (strcmp(p->rkey, rk) == 0 && strcmp(p->tkey, tk) == 0) {
			free(rk), free(tk), free(region), free(territory);
			if (p->n == 0 || p->rows[p->n - 1] != row) {
				xgrow((void **)&p->rows, &p->cap, p->n + 1, sizeof *p->rows);
				p->rows[p->n++] = row;
			}
			return m->s.slot[s] - 1;
		}
	}
	xgrow((void **)&m->p, &m->cap, m->n + 1, sizeof *m->p);
	struct pair *p = &m->p[m->n];
	memset(p, 0, sizeof *p);
	p->region = region, p->territory = territory, p->rkey = rk, p->tkey = tk;
	xgrow((void **)&p->rows, &p->cap, 1, sizeof *p->rows);
	p->rows[p->n++] = row;
	m->s.slot[s] = (uint32_t)++m->n;
	return m->n - 1;
}

/* Rows repeat the same territory and region fields: the pairs a given pair
 * of raw fields leads to are remembered, so that each distinct one is
 * trimmed, split and folded once, not once per row. */
struct memo_entry {
	const char *ter, *reg;	/* raw fields, in the table's text */
	size_t tl, rl;
	uint32_t first, n;	/* their pairs: pidx[first .. first + n) */
};

struct memo {
	struct memo_entry *e;
	size_t n, cap;
	struct slots s;
	uint32_t *pidx;
	size_t npidx, pidx_cap;
};

static uint64_t
memo_hash(const void *ctx, size_t i)
{
	const struct memo_entry *e = &((const struct memo *)ctx)->e[i];
	return hash_two(e->ter, e->tl, e->reg, e->rl);
}

/* The memo entry for these raw fields, or NULL; *slot_out gets where a new
 * one goes. */
static struct memo_entry *
memo_find(struct memo *mm, const char *ter, size_t tl, const char *reg, size_t rl, size_t *slot_out)
{
	slots_reserve(&mm->s, mm->n, memo_hash, mm);
	size_t s = slots_first(&mm->s, hash_two(ter, tl, reg, rl));
	for (; mm->s.slot[s]; s = slots_next(&mm->s, s)) {
		struct memo_entry *e = &mm->e[mm->s.slot[s] - 1];
		if (e->tl == tl && e->rl == rl && memcmp(e->ter, ter, tl) == 0 &&
		    memcmp(e->reg, reg, rl) == 0)
			return e;
	}
	*slot_out = s;
	return NULL;
}

static int
pair_cmp(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;
	int c = strcmp(x->rkey, y->rkey);
	if (c)
		return c;
	c = strcmp(x->tkey, y->tkey);
	return c ? c : strcmp(x->territory, y->territory);
}

static void
add_entry(struct index *ix, size_t *cap, enum entry_kind k, char *label, uint32_t region,
    uint32_t *rows, size_t n)
{
	xgrow((void **)&ix->e, cap, ix->n + 1, sizeof *ix->e);
	ix->e[ix->n++] = (struct entry){k, label, region, rows, n};
}

/* Stores the pairs found for the newest memo entry. */
static void
memo_record(struct memo *mm, const size_t *pairs, size_t n)
{
	struct memo_entry *e = &mm->e[mm->n - 1];
	xgrow((void **)&mm->pidx, &mm->pidx_cap, mm->npidx + n, sizeof *mm->pidx);
	for (size_t i = 0; i < n; i++)
		mm->pidx[mm->npidx++] = (uint32_t)pairs[i];
	e->first = (uint32_t)(mm->npidx - n);
	e->n = (uint32_t)n;
}

void
index_build(struct index *ix, const struct table *t)
{
	struct pairmap m = {0};
	struct memo mm = {0};
	enum { RECENT = 64 };
	struct recent {
		const char *ter, *reg;
		uint32_t e;	/* memo entry + 1, 0: none */
	} recent[RECENT] = {0};
	size_t *pairs = NULL, pcap = 0;	/* the pairs of the row being read */
	memset(ix, 0, sizeof *ix);
	ix->has_regions = t->role_col[ROLE_REGION] >= 0;
	for (size_t r = 0; r < t->nrows; r++) {
		size_t tl, rl, slot = 0;
		const char *ter = table_territory(t, r, &tl);
		const char *reg = table_role(t, r, ROLE_REGION, &rl);
		/* A lazy table keeps each value once (table.h): the same
		 * territory and region at the same addresses, found by them. */
		size_t near = (((uintptr_t)ter >> 3) ^ ((uintptr_t)reg >> 7)) % RECENT;
		const struct memo_entry *seen = NULL;
		if (recent[near].e && recent[near].ter == ter && recent[near].reg == reg &&
		    mm.e[recent[near].e - 1].tl == tl && mm.e[recent[near].e - 1].rl == rl)
			seen = &mm.e[recent[near].e - 1];
		else
			seen = memo_find(&mm, ter, tl, reg, rl, &slot);
		if (seen)
			recent[near] = (struct recent){ter, reg, (uint32_t)(seen - mm.e) + 1};
		if (seen) {
			for (uint32_t i = 0; i < seen->n; i++) {
				struct pair *p = &m.p[mm.pidx[seen->first + i]];
				if (p->rows[p->n - 1] != r) {
					xgrow((void **)&p->rows, &p->cap, p->n + 1, sizeof *p->rows);
					p->rows[p->n++] = (uint32_t)r;
				}
			}
			continue;
		}
		xgrow((void **)&mm.e, &mm.cap, mm.n + 1, sizeof *mm.e);
		mm.e[mm.n] = (struct memo_entry){ter, reg, tl, rl, (uint32_t)mm.npidx, 0};
		mm.s.slot[slot] = (uint32_t)++mm.n;
		size_t npairs = 0;
		xgrow((void **)&pairs, &pcap, 1, sizeof *pairs);
		/* TRANSLATORS: the territory menu's entry for centres that
		 * name none. */
		char *terr = tl ? copy_trim(ter, tl) : xstrdup(_("(no territory)"));
		if (!*terr) {
			free(terr);
			terr = xstrdup(_("(no territory)"));
		}
		if (!ix->has_regions) {
			pairs[npairs++] = pm_add(&m, xstrdup(""), terr, (uint32_t)r);
			memo_record(&mm, pairs, npairs);
			continue;
		}
		/* "Bretagne; Pays de la Loire": one entry under each region. */
		const char *p = reg, *end = reg + rl;
		int added = 0;
		while (p < end) {
			const char *semi = memchr(p, ';', (size_t)(end - p));
			if (!semi)
				semi = end;
			char *one = copy_trim(p, (size_t)(semi - p));
			if (*one) {
				xgrow((void **)&pairs, &pcap, npairs + 1, sizeof *pairs);
				pairs[npairs++] = pm_add(&m, one, xstrdup(terr), (uint32_t)r);
				added++;
			} else {
				free(one);
			}
			p = semi + 1;
		}
		if (!added)	/* pairs has room for one: grown above */
			pairs[npairs++] = pm_add(&m, xstrdup(_("(no region)")), xstrdup(terr), (uint32_t)r);
		memo_record(&mm, pairs, npairs);
		free(terr);
	}
	free(mm.e);
	slots_free(&mm.s);
	free(mm.pidx);
	free(pairs);
	if (m.n)
		qsort(m.p, m.n, sizeof *m.p, pair_cmp);
	size_t cap = 0;
	add_entry(ix, &cap, ENTRY_ALL, xstrdup(_("All centres")), 0, NULL, t->nrows);
	uint32_t region_entry = 0;
	for (size_t i = 0; i < m.n; i++) {
		struct pair *p = &m.p[i];
		bool starts = ix->has_regions && (i == 0 || strcmp(m.p[i - 1].rkey, p->rkey) != 0);
		/* A region whose one territory has its name ("Grand Est" in
		 * "Grand Est") is one line: the territory, at the top, under the
		 * region's spelling. */
		if (starts && (i + 1 == m.n || strcmp(m.p[i + 1].rkey, p->rkey) != 0) &&
		    strcmp(p->rkey, p->tkey) == 0) {
			free(p->territory);
			add_entry(ix, &cap, ENTRY_TERRITORY, p->region, (uint32_t)ix->n, p->rows, p->n);
			continue;
		}
		if (starts) {
			/* Labelled as first spelled in the file ("Bretagne", not a later
			 * "bretagne" whose territory happens to sort first). */
			size_t first = i;
			for (size_t j = i + 1; j < m.n && strcmp(m.p[j].rkey, p->rkey) == 0; j++)
				if (m.p[j].rows[0] < m.p[first].rows[0])
					first = j;
			region_entry = (uint32_t)ix->n;
			add_entry(ix, &cap, ENTRY_REGION, m.p[first].region, 0, NULL, 0);
			m.p[first].region = NULL;
		}
		free(p->region);
		add_entry(ix, &cap, ENTRY_TERRITORY, p->territory, region_entry, p->rows, p->n);
	}
	for (size_t i = 0; i < m.n; i++) {
		free(m.p[i].rkey);
		free(m.p[i].tkey);
	}
	/* A region's row count: the distinct rows of its territories. */
	for (size_t i = 0; i < ix->n; i++)
		if (ix->e[i].kind == ENTRY_REGION)
			ix->e[i].nrows = index_count(ix, i, NULL, t->nrows);
	free(m.p);
	slots_free(&m.s);
	/* Each row's territory entry, unless one is under several. */
	ix->nrows = t->nrows;
	ix->entry_of = xmalloc((t->nrows ? t->nrows : 1) * sizeof *ix->entry_of);
	memset(ix->entry_of, 0xff, t->nrows * sizeof *ix->entry_of);
	for (size_t i = 0; i < ix->n && ix->entry_of; i++) {
		const struct entry *e = &ix->e[i];
		for (size_t j = 0; e->kind == ENTRY_TERRITORY && j < e->nrows; j++) {
			if (ix->entry_of[e->rows[j]] != UINT32_MAX) {
				free(ix->entry_of);
				ix->entry_of = NULL;
				break;
			}
			ix->entry_of[e->rows[j]] = (uint32_t)i;
		}
	}
}

void
index_free(struct index *ix)
{
	for (size_t i = 0; i < ix->n; i++) {
		free(ix->e[i].label);
		free(ix->e[i].rows);
	}
	free(ix->e);
	free(ix->entry_of);
	memset(ix, 0, sizeof *ix);
}

int
index_has_row(const struct index *ix, size_t i, uint32_t r)
{
	const struct entry *e = &ix->e[i];
	if (e->kind == ENTRY_ALL)
		return 1;
	if (e->kind == ENTRY_REGION) {
		for (size_t j = i + 1; index_child(ix, i, j); j++)
			if (index_has_row(ix, j, r))
				return 1;
		return 0;
	}
	size_t lo = 0, hi = e->nrows;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (e->rows[mid] < r)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < e->nrows && e->rows[lo] == r;
}

size_t
index_count(const struct index *ix, size_t i, const uint8_t *hit, size_t nrows)
{
	const struct entry *e = &ix->e[i];
	size_t c = 0;
	if (e->kind == ENTRY_ALL) {
		if (!hit)
			return nrows;
		for (size_t r = 0; r < nrows; r++)
			c += hit[r] != 0;
		return c;
	}
	if (e->kind == ENTRY_TERRITORY) {
		if (!hit)
			return e->nrows;
		for (size_t j = 0; j < e->nrows; j++)
			c += hit[e->rows[j]] != 0;
		return c;
	}
	/* Region: territories are distinct per row within one region, except
	 * when the same row appears twice (never: one territory per row). */
	for (size_t j = i + 1; index_child(ix, i, j); j++)
		c += index_count(ix, j, hit, nrows);
	return c;
}

void
index_count_rows(const struct index *ix, const uint32_t *rows, size_t n, const uint8_t *hit,
    size_t nrows, size_t *counts)
{
	if (!ix->entry_of) {
		for (size_t i = 0; i < ix->n; i++)
			if (ix->e[i].kind == ENTRY_TERRITORY)
				counts[i] = index_count(ix, i, hit, nrows);
		return;
	}
	for (size_t i = 0; i < ix->n; i++)
		if (ix->e[i].kind == ENTRY_TERRITORY)
			counts[i] = 0;
	for (size_t k = 0; k < n; k++)
		if (rows[k] < ix->nrows)	/* a row loaded since is in none yet */
			counts[ix->entry_of[rows[k]]]++;
}
