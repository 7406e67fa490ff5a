/* SPDX-License-Identifier: MIT
 * The in-memory model: fields and roles, column keys, the folded search
 * text, the per-row overhead, and the index of regions and territories. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/filter.h"
#include "core/index.h"
#include "core/text.h"
#include "core/directory.h"

/* Row of the built-in directory with that id. */
static size_t
row_of_id(const struct table *t, const char *id)
{
	for (size_t r = 0; r < t->nrows; r++)
		if (strcmp(table_role(t, r, ROLE_ID, NULL), id) == 0)
			return r;
	fail_msg("no row with id %s", id);
	return 0;
}

/* Entry of the index with that kind and label, or -1. */
static long
find_entry(const struct index *ix, enum entry_kind k, const char *label)
{
	for (size_t i = 0; i < ix->n; i++)
		if (ix->e[i].kind == k && strcmp(ix->e[i].label, label) == 0)
			return (long)i;
	return -1;
}

static void
row_overhead(void **state)
{
	(void)state;
	assert_true(sizeof(struct row) <= 32);
}

static void
fields_live_in_the_arena(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	assert_int_equal(LOAD_STR(&t, "nom,sigle,tel\nAlpha,A,01\nB\xc3\xaata,,\"02\n03\"\nGamma\n", &e), 0);
	assert_int_equal(t.nrows, 3);
	size_t len;
	assert_string_equal(table_field(&t, 1, 0, &len), "B\xc3\xaata");
	assert_int_equal(len, 5);
	assert_string_equal(table_field(&t, 1, 1, &len), "");
	assert_int_equal(len, 0);
	assert_string_equal(table_field(&t, 1, 2, &len), "02\n03");
	assert_int_equal(len, 5);
	/* A short row: the missing fields are empty, never NULL. */
	assert_int_equal(t.rows[2].nfields, 1);
	len = 99;
	const char *s = table_field(&t, 2, 2, &len);
	assert_non_null(s);
	assert_string_equal(s, "");
	assert_int_equal(len, 0);
	/* Every field is a slice of the one text block: no malloc per field. */
	for (size_t r = 0; r < t.nrows; r++)
		for (size_t c = 0; c < t.rows[r].nfields; c++) {
			const char *f = table_field(&t, r, c, &len);
			assert_true(f >= t.text.base && f + len < t.text.base + t.text.len);
		}
	table_free(&t);
}

static void
put(struct arena *a, const char *s)
{
	arena_append(a, s, strlen(s));
}

/* Any field of any row is found at once: short rows (their fields' ends in
 * 2 bytes each), a row of more than 64 KiB (4 bytes each), a row of
 * 100,000 fields, all read back exactly. */
static void
fields_of_long_and_wide_rows(void **state)
{
	(void)state;
	enum { NF = 100000, BIG = 70000 };
	struct arena csv = {0};
	put(&csv, "nom,note,tel\n");
	put(&csv, "Court,a,01\n");
	/* A row whose text is over 65,535 bytes: BIG x's in the middle. */
	put(&csv, "Long,");
	for (int i = 0; i < BIG; i++)
		arena_putc(&csv, 'x');
	put(&csv, ",02\n");
	/* A row of NF fields: "f0,f1,...". */
	for (int i = 0; i < NF; i++) {
		char f[16];
		int n = snprintf(f, sizeof f, "%sf%d", i ? "," : "", i);
		arena_append(&csv, f, (size_t)n);
	}
	put(&csv, "\nApr\xc3\xa8s,b,03\n");
	struct table t;
	struct err e;
	assert_int_equal(load_mem(&t, csv.base, csv.len, NULL, &e), 0);
	arena_free(&csv);
	assert_int_equal(t.nrows, 4);
	size_t len;
	assert_string_equal(table_field(&t, 0, 2, &len), "01");
	assert_true(t.rows[1].text_len > 65535);
	assert_string_equal(table_field(&t, 1, 0, &len), "Long");
	assert_int_equal(len, 4);
	const char *big = table_field(&t, 1, 1, &len);
	assert_int_equal(len, BIG);
	assert_true(big[0] == 'x' && big[BIG - 1] == 'x' && big[BIG] == '\0');
	assert_string_equal(table_field(&t, 1, 2, &len), "02");
	assert_int_equal(t.rows[2].nfields, NF);
	for (int i = 0; i < NF; i += 997) {
		char want[16];
		snprintf(want, sizeof want, "f%d", i);
		assert_string_equal(table_field(&t, 2, (size_t)i, &len), want);
		assert_int_equal(len, strlen(want));
	}
	assert_string_equal(table_field(&t, 2, NF - 1, NULL), "f99999");
	assert_string_equal(table_field(&t, 3, 0, NULL), "Apr\xc3\xa8s");
	assert_string_equal(table_field(&t, 3, 2, NULL), "03");
	/* Past a short row's end: empty. */
	assert_string_equal(table_field(&t, 3, 5, &len), "");
	table_free(&t);
}

static void
roles_and_names(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	assert_int_equal(LOAD_STR(&t, "Territoire;Territoire 2017;Nom;Sigle\n"
	    "Nord Pas-de-Calais;Hauts-de-France;Institut r\xc3\xa9gional;IREV\n"
	    "Bretagne;;R\xc3\xa9sO Villes;\n", &e), 0);
	assert_int_equal(t.role_col[ROLE_TERRITORY], 0);
	assert_int_equal(t.role_col[ROLE_TERRITORY_2017], 1);
	assert_int_equal(t.role_col[ROLE_NAME], 2);
	assert_int_equal(t.role_col[ROLE_ACRONYM], 3);
	assert_int_equal(t.role_col[ROLE_PHONE], -1);
	assert_int_equal(t.role_col[ROLE_ID], -1);
	size_t len;
	assert_string_equal(table_name(&t, 0, &len), "Institut r\xc3\xa9gional");
	assert_int_equal(len, 18);
	assert_string_equal(table_role(&t, 0, ROLE_ACRONYM, NULL), "IREV");
	len = 99;
	assert_string_equal(table_role(&t, 0, ROLE_PHONE, &len), "");
	assert_int_equal(len, 0);
	/* The 2017 territory where set, else the territory. */
	assert_string_equal(table_territory(&t, 0, &len), "Hauts-de-France");
	assert_int_equal(len, 15);
	assert_string_equal(table_territory(&t, 1, &len), "Bretagne");
	assert_int_equal(len, 8);
	table_free(&t);

	/* No name column: the first column is the name. */
	assert_int_equal(LOAD_STR(&t, "ville,structure porteuse\nLyon,Maison\n", &e), 0);
	assert_int_equal(t.role_col[ROLE_NAME], -1);
	assert_string_equal(table_name(&t, 0, NULL), "Lyon");
	table_free(&t);
}

static void
builtin_roles(void **state)
{
	(void)state;
	struct directory d;
	struct err e;
	assert_int_equal(directory_load(&d, NULL, NULL, &e), 0);
	const struct table *t = &d.t;
	assert_string_equal(t->source, "built-in directory");
	assert_int_equal(t->ncols, 12);
	static const enum role roles[] = {ROLE_ID, ROLE_NAME, ROLE_ACRONYM, ROLE_TERRITORY,
		ROLE_TERRITORY_2017, ROLE_REGION, ROLE_WEBSITE, ROLE_EMAIL, ROLE_PHONE, ROLE_PHONE,
		ROLE_STATUS, ROLE_COVERAGE};
	for (size_t c = 0; c < 12; c++)
		assert_int_equal(t->cols[c].role, roles[c]);
	assert_string_equal(t->cols[11].name, "departements");
	/* role_col names the first column of a role. */
	assert_int_equal(t->role_col[ROLE_PHONE], 8);
	size_t r = row_of_id(t, "1");
	assert_string_equal(table_name(t, r, NULL),
	    "Centre de Ressources et d'\xc3\xa9" "changes pour le D\xc3\xa9veloppement Social et Urbain");
	assert_string_equal(table_role(t, r, ROLE_ACRONYM, NULL), "CR\xe2\x80\xa2" "DSU");
	assert_string_equal(table_role(t, r, ROLE_PHONE, NULL), "04 78 77 01 43");
	r = row_of_id(t, "5");
	assert_string_equal(table_territory(t, r, NULL), "Hauts-de-France");
	assert_string_equal(table_role(t, r, ROLE_TERRITORY, NULL), "Nord Pas-de-Calais");
	r = row_of_id(t, "16");
	assert_string_equal(F(t, r, 8), "02 62 20 55 42");
	assert_string_equal(F(t, r, 9), "02 62 20 55 43");
	r = row_of_id(t, "20");
	assert_string_equal(table_role(t, r, ROLE_STATUS, NULL), "en pr\xc3\xa9" "figuration");
	assert_string_equal(table_role(t, r, ROLE_COVERAGE, NULL), "971");
	/* A centre of two regions covers the départements of both. */
	assert_string_equal(table_role(t, row_of_id(t, "6"), ROLE_COVERAGE, NULL),
	    "22; 29; 35; 44; 49; 53; 56; 72; 85");
	directory_free(&d);
}

static void
column_keys(void **state)
{
	(void)state;
	static const struct {
		const char *name, *key;
		enum role role;
	} cases[] = {
		{"T\xc3\xa9l\xc3\xa9phone 2", "telephone2", ROLE_PHONE},
		{"TEL.", "tel", ROLE_PHONE},
		{"phone_3", "phone3", ROLE_PHONE},
		{"E-mail", "email", ROLE_EMAIL},
		{"Courriel", "courriel", ROLE_EMAIL},
		{"Site web", "siteweb", ROLE_WEBSITE},
		{"URL", "url", ROLE_WEBSITE},
		{"R\xc3\x89GION", "region", ROLE_REGION},
		{"Nom du centre", "nomducentre", ROLE_NAME},
		{"territoire_2017", "territoire2017", ROLE_TERRITORY_2017},
		{"\xc5\x92uvre", "oeuvre", ROLE_NONE},
		{"Commentaire", "commentaire", ROLE_NONE},
		/* The places a row covers, or where it is. */
		{"D\xc3\xa9partements", "departements", ROLE_COVERAGE},
		{"d\xc3\xa9partement", "departement", ROLE_COVERAGE},
		{"code_departement", "codedepartement", ROLE_COVERAGE},
		{"Dept", "dept", ROLE_COVERAGE}, {"DEPTS", "depts", ROLE_COVERAGE},
		{"Couverture", "couverture", ROLE_COVERAGE}, {"coverage", "coverage", ROLE_COVERAGE},
		{"Code postal", "codepostal", ROLE_POSTCODE}, {"code_postal", "codepostal", ROLE_POSTCODE},
		{"CP", "cp", ROLE_POSTCODE}, {"Postcode", "postcode", ROLE_POSTCODE},
		{"ZIP", "zip", ROLE_POSTCODE},
		{"2", "2", ROLE_NONE},
		{"", "", ROLE_NONE},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *k = column_key(cases[i].name);
		assert_string_equal(k, cases[i].key);
		assert_int_equal(column_role_of_key(k), cases[i].role);
		free(k);
	}
	assert_string_equal(column_role_name(ROLE_PHONE), "phone");
	assert_string_equal(column_role_name(ROLE_EMAIL), "e-mail");
	assert_string_equal(column_role_name(ROLE_TERRITORY_2017), "territory since 2017");
}

/* On the test directory, whose header is the shipped file's. */
static void
columns_named(void **state)
{
	(void)state;
	struct directory d;
	struct err e;
	assert_int_equal(directory_load(&d, FIXTURE, NULL, &e), 0);
	uint32_t out[16];
	/* territory also covers the 2017 territory; phone every phone column. */
	assert_int_equal(table_columns_named(&d.t, "territoire", out, 16), 2);
	assert_int_equal(out[0], 3);
	assert_int_equal(out[1], 4);
	assert_int_equal(table_columns_named(&d.t, "Territory", out, 16), 2);
	assert_int_equal(table_columns_named(&d.t, "tel", out, 16), 2);
	assert_int_equal(out[0], 8);
	assert_int_equal(out[1], 9);
	assert_int_equal(table_columns_named(&d.t, "t\xc3\xa9l\xc3\xa9phone", out, 16), 2);
	/* A numbered phone header is a phone too: it designates every phone. */
	assert_int_equal(table_columns_named(&d.t, "telephone_2", out, 16), 2);
	/* A header name designates its own column. */
	assert_int_equal(table_columns_named(&d.t, "statut", out, 16), 1);
	assert_int_equal(out[0], 10);
	assert_int_equal(table_columns_named(&d.t, "e-mail", out, 16), 1);
	assert_int_equal(out[0], 7);
	assert_int_equal(table_columns_named(&d.t, "nom", out, 16), 1);
	assert_int_equal(out[0], 1);
	assert_int_equal(table_columns_named(&d.t, "http", out, 16), 0);
	assert_int_equal(table_columns_named(&d.t, "", out, 16), 0);
	/* max is respected. */
	assert_int_equal(table_columns_named(&d.t, "phone", out, 1), 1);
	directory_free(&d);
}

static void
folded_search_text(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	assert_int_equal(LOAD_STR(&t, "nom,territoire\n"
	    "Man\xc5\x93uvre \xc3\x89T\xc3\x89,La R\xc3\xa9union\n"
	    "\"C\xc3\xb4te\nd\xe2\x80\x99" "Azur\",PACA\n", &e), 0);
	const struct row *r0 = &t.rows[0], *r1 = &t.rows[1];
	const char *f0 = arena_at(&t.fold, r0->fold);
	assert_int_equal(r0->fold_len, strlen("manoeuvre ete\nla reunion\n"));
	assert_memory_equal(f0, "manoeuvre ete\nla reunion\n", r0->fold_len);
	/* Line breaks and apostrophes separate words, as spaces do, and each
	 * field ends with '\n'. */
	const char *f1 = arena_at(&t.fold, r1->fold);
	assert_memory_equal(f1, "cote d azur\npaca\n", r1->fold_len);
	assert_int_equal(r1->fold_len, strlen("cote d azur\npaca\n"));
	/* One contiguous buffer. */
	assert_int_equal(r1->fold, r0->fold + r0->fold_len);
	table_free(&t);
}

static void
warnings_capped_but_counted(void **state)
{
	(void)state;
	size_t cap = 64 * 1024, n = 0;
	char *csv = malloc(cap);
	assert_non_null(csv);
	n += (size_t)snprintf(csv, cap, "a,b\n");
	for (int i = 0; i < 1500; i++)
		n += (size_t)snprintf(csv + n, cap - n, "x%d\n", i);
	struct table t;
	struct err e;
	assert_int_equal(load_mem(&t, csv, n, NULL, &e), 0);
	assert_int_equal(t.nrows, 1500);
	assert_int_equal(t.nwarn, TABLE_MAX_WARNINGS);
	assert_int_equal(t.nwarn_total, 1500);
	assert_int_equal(t.warn[0].line, 2);
	assert_int_equal(t.warn[TABLE_MAX_WARNINGS - 1].line, TABLE_MAX_WARNINGS + 1);
	table_free(&t);
	free(csv);
}

static void
index_of_builtin(void **state)
{
	(void)state;
	struct directory d;
	struct err e;
	assert_int_equal(directory_load(&d, NULL, NULL, &e), 0);
	const struct index *ix = &d.ix;
	assert_true(ix->has_regions);
	assert_int_equal(ix->e[0].kind, ENTRY_ALL);
	assert_int_equal(ix->e[0].nrows, 20);
	assert_int_equal(index_count(ix, 0, NULL, d.t.nrows), 20);

	/* Regions in accent-insensitive order, each followed by its territories. */
	static const char *const regions[] = {
		"Auvergne-Rh\xc3\xb4ne-Alpes", "Bourgogne-Franche-Comt\xc3\xa9", "Bretagne",
		"Centre-Val de Loire", "Grand Est", "Guadeloupe", "Guyane", "Hauts-de-France",
		"\xc3\x8ele-de-France", "La R\xc3\xa9union", "Martinique", "Mayotte", "Normandie",
		"Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire",
		"Provence-Alpes-C\xc3\xb4te d'Azur",
	};
	/* A region whose one territory has its name is one line, the
	 * territory at the top (Grand Est); the others keep their territories
	 * under them. */
	size_t nreg = 0, merged = 0;
	for (size_t i = 1; i < ix->n; i++) {
		if (index_top(ix, i)) {
			assert_true(nreg < sizeof regions / sizeof regions[0]);
			assert_string_equal(ix->e[i].label, regions[nreg]);
			nreg++;
			if (ix->e[i].kind == ENTRY_TERRITORY) {
				merged++;
				assert_int_equal(ix->e[i].region, i);
				assert_false(index_child(ix, i, i + 1));
			} else {
				assert_true(index_child(ix, i, i + 1));	/* never empty */
			}
		} else {
			assert_int_equal(ix->e[i].kind, ENTRY_TERRITORY);
			assert_int_equal(ix->e[ix->e[i].region].kind, ENTRY_REGION);
			assert_true(ix->e[i].region < i);
		}
	}
	assert_int_equal(nreg, sizeof regions / sizeof regions[0]);
	/* 17 regions: Bretagne, Île-de-France, Occitanie and Pays de la Loire
	 * have territories of other names. */
	assert_int_equal(merged, 13);
	assert_int_equal(ix->e[find_entry(ix, ENTRY_TERRITORY, "Grand Est")].nrows, 1);

	/* RésO Villes is listed under both of its regions. */
	size_t reso = row_of_id(&d.t, "6");
	assert_string_equal(table_name(&d.t, reso, NULL), "R\xc3\xa9sO Villes");
	long bzh = find_entry(ix, ENTRY_REGION, "Bretagne");
	long pdl = find_entry(ix, ENTRY_REGION, "Pays de la Loire");
	assert_true(bzh > 0 && pdl > 0);
	assert_true(index_has_row(ix, (size_t)bzh, (uint32_t)reso));
	assert_true(index_has_row(ix, (size_t)pdl, (uint32_t)reso));
	assert_int_equal(ix->e[bzh].nrows, 1);
	assert_int_equal(ix->e[pdl].nrows, 1);
	assert_int_equal(ix->e[bzh + 1].kind, ENTRY_TERRITORY);
	assert_string_equal(ix->e[bzh + 1].label, "Bretagne - Pays de la Loire");
	assert_string_equal(ix->e[pdl + 1].label, "Bretagne - Pays de la Loire");
	assert_false(index_has_row(ix, (size_t)bzh, (uint32_t)row_of_id(&d.t, "19")));

	/* Counts: four centres in Île-de-France, two territories of Occitanie. */
	long idf = find_entry(ix, ENTRY_REGION, "\xc3\x8ele-de-France");
	assert_int_equal(ix->e[idf].nrows, 4);
	assert_int_equal(index_count(ix, (size_t)idf, NULL, d.t.nrows), 4);
	long occ = find_entry(ix, ENTRY_REGION, "Occitanie");
	assert_string_equal(ix->e[occ + 1].label, "Languedoc-Roussillon");
	assert_string_equal(ix->e[occ + 2].label, "Midi-Pyr\xc3\xa9n\xc3\xa9" "es");
	assert_int_equal(ix->e[occ + 1].region, occ);
	assert_int_equal(ix->e[occ + 2].region, occ);
	assert_int_equal(ix->e[occ].nrows, 2);
	/* The territory is the 2017 one where set: Nord-Pas-de-Calais is
	 * Hauts-de-France, one line with its region. */
	long hdf = find_entry(ix, ENTRY_TERRITORY, "Hauts-de-France");
	assert_true(hdf > 0 && index_top(ix, (size_t)hdf));
	assert_int_equal(find_entry(ix, ENTRY_REGION, "Hauts-de-France"), -1);
	assert_true(index_has_row(ix, (size_t)hdf, (uint32_t)row_of_id(&d.t, "5")));

	/* Counts under a filter's hits. */
	struct filter f;
	filter_init(&f);
	filter_set(&f, &d.t, "ressources");
	size_t want = 0;
	for (size_t k = 0; k < f.n; k++)
		want += index_has_row(ix, (size_t)idf, f.rows[k]);
	assert_true(want > 0 && want < 4);
	assert_int_equal(index_count(ix, (size_t)idf, f.hit, d.t.nrows), want);
	assert_int_equal(index_count(ix, 0, f.hit, d.t.nrows), f.n);
	filter_set(&f, &d.t, "bretagne");
	assert_int_equal(index_count(ix, (size_t)pdl, f.hit, d.t.nrows), 1);
	assert_int_equal(index_count(ix, (size_t)idf, f.hit, d.t.nrows), 0);
	filter_free(&f);

	/* Every row is under at least one line at the top of the menu. */
	for (size_t r = 0; r < d.t.nrows; r++) {
		int found = 0;
		for (size_t i = 1; i < ix->n && !found; i++)
			found = index_top(ix, i) && index_has_row(ix, i, (uint32_t)r);
		assert_true(found);
	}
	directory_free(&d);
}

/* index_count_rows() on t, for query q, is index_count() of each
 * territory entry (on rows t has now: maybe more than the index's). */
static void
counts_as_by_entries(const struct index *ix, const struct table *t, const char *q)
{
	struct filter f;
	filter_init(&f);
	filter_set(&f, t, q);
	size_t *counts = xcalloc(ix->n, sizeof *counts);
	index_count_rows(ix, f.rows, f.n, f.hit, t->nrows, counts);
	for (size_t i = 0; i < ix->n; i++)
		if (ix->e[i].kind == ENTRY_TERRITORY && counts[i] != index_count(ix, i, f.hit, t->nrows))
			fail_msg("\"%s\", %s: %zu rows, %zu by the entry", q, ix->e[i].label, counts[i],
			    index_count(ix, i, f.hit, t->nrows));
	free(counts);
	filter_free(&f);
}

/* The menu's counts by the filter's rows (each row's one territory): as
 * counted entry by entry, on tables where a row is under two territories
 * (counted entry by entry), where every row is under one, and on a table
 * grown since its index was built (a load). */
static void
counts_by_rows(void **state)
{
	(void)state;
	static const char *const queries[] = {"", "r", "re", "centre", "ville", "bretagne",
	    "zzzz", "a", "e", "rennes", "0"};
	struct directory d;
	struct err e;
	/* The built-in directory and the tests' have a row under two regions
	 * ("Bretagne; Pays de la Loire", "Bocage; Marais"). */
	for (int k = 0; k < 2; k++) {
		assert_int_equal(directory_load(&d, k ? FIXTURE : NULL, NULL, &e), 0);
		assert_null(d.ix.entry_of);
		for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++)
			counts_as_by_entries(&d.ix, &d.t, queries[q]);
		directory_free(&d);
	}
	/* One each; the index built on all the rows, then on the first ones
	 * only, as a look at a load does. */
	struct table t;
	assert_int_equal(LOAD_STR(&t, "nom,territoire,region\nA ville,Rennes,Bretagne\n"
	    "B centre,Brest,Bretagne\nC,Lyon,Auvergne\nD centre,,\nE,Rennes,Bretagne\n"
	    "F ville,Vannes,Bretagne\nG centre,Lyon,Auvergne\n", &e), 0);
	size_t n = t.nrows;
	for (int k = 0; k < 2; k++) {
		struct index ix;
		t.nrows = k ? 3 : n;
		index_build(&ix, &t);
		t.nrows = n;
		assert_non_null(ix.entry_of);
		for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++)
			counts_as_by_entries(&ix, &t, queries[q]);
		index_free(&ix);
	}
	table_free(&t);
}

static void
index_of_small_tables(void **state)
{
	(void)state;
	struct table t;
	struct index ix;
	struct err e;
	/* Several regions, blank ones, spaces around names, case differences. */
	assert_int_equal(LOAD_STR(&t, "nom;territoire;r\xc3\xa9gion\n"
	    "A;Rennes; Bretagne ;\n"
	    "B;Nantes;Pays de la Loire;Bretagne\n"	/* ragged: 4 fields */
	    "C;Brest;bretagne\n"
	    "D;;\n"
	    "E;Laval;\"Pays de la Loire ; Bretagne\"\n", &e), 0);
	index_build(&ix, &t);
	assert_true(ix.has_regions);
	long bzh = find_entry(&ix, ENTRY_REGION, "Bretagne");
	assert_true(bzh > 0);
	/* "bretagne" is the same region. */
	assert_int_equal(find_entry(&ix, ENTRY_REGION, "bretagne"), -1);
	assert_int_equal(ix.e[bzh].nrows, 3);	/* A, C, E */
	long none = find_entry(&ix, ENTRY_REGION, "(no region)");
	assert_true(none > 0);
	assert_string_equal(ix.e[none + 1].label, "(no territory)");
	assert_true(index_has_row(&ix, (size_t)none, 3));
	long pdl = find_entry(&ix, ENTRY_REGION, "Pays de la Loire");
	assert_int_equal(ix.e[pdl].nrows, 2);	/* B, E */
	assert_true(index_has_row(&ix, (size_t)pdl, 4));
	index_free(&ix);
	table_free(&t);

	/* A region whose one territory has its name (as spelled differently:
	 * "Grand-Est", "Grand Est") is one line at the top, under the
	 * region's spelling; a region of two territories keeps both under it,
	 * even when one has its name. */
	assert_int_equal(LOAD_STR(&t, "nom,territoire,region\n"
	    "A,Grand-Est,Grand Est\nB,Corse,Corse\nC,Corse,Corse\n"
	    "D,Occitanie,Occitanie\nE,Gard,Occitanie\n", &e), 0);
	index_build(&ix, &t);
	long ge = find_entry(&ix, ENTRY_TERRITORY, "Grand Est");
	assert_true(ge > 0 && index_top(&ix, (size_t)ge));
	assert_int_equal(find_entry(&ix, ENTRY_REGION, "Grand Est"), -1);
	assert_int_equal(find_entry(&ix, ENTRY_TERRITORY, "Grand-Est"), -1);
	assert_true(index_has_row(&ix, (size_t)ge, 0));
	long co = find_entry(&ix, ENTRY_TERRITORY, "Corse");
	assert_true(co > 0 && index_top(&ix, (size_t)co));
	assert_int_equal(ix.e[co].nrows, 2);
	long occ = find_entry(&ix, ENTRY_REGION, "Occitanie");
	assert_true(occ > 0);
	assert_true(index_child(&ix, (size_t)occ, (size_t)occ + 1));
	assert_true(index_child(&ix, (size_t)occ, (size_t)occ + 2));
	assert_int_equal(index_count(&ix, (size_t)occ, NULL, t.nrows), 2);
	/* The top line after a region is not one of its territories. */
	for (size_t i = 1; i < ix.n; i++)
		if (ix.e[i].kind == ENTRY_REGION)
			for (size_t j = i + 1; index_child(&ix, i, j); j++)
				assert_false(index_top(&ix, j));
	assert_int_equal(ix.n, 1 + 1 + 1 + 3);	/* all, Corse, Grand Est, Occitanie + 2 */
	index_free(&ix);
	table_free(&t);

	/* No region column: territories only. */
	assert_int_equal(LOAD_STR(&t, "nom,territoire\nA,Nord\nB,Ain\nC,nord\n", &e), 0);
	index_build(&ix, &t);
	assert_false(ix.has_regions);
	assert_int_equal(ix.n, 3);
	assert_int_equal(ix.e[1].kind, ENTRY_TERRITORY);
	assert_string_equal(ix.e[1].label, "Ain");
	assert_int_equal(ix.e[2].nrows, 2);
	assert_int_equal(ix.e[2].rows[0], 0);
	assert_int_equal(ix.e[2].rows[1], 2);
	index_free(&ix);
	table_free(&t);

	/* Header only: just "all centres". */
	assert_int_equal(LOAD_STR(&t, "nom,r\xc3\xa9gion\n", &e), 0);
	index_build(&ix, &t);
	assert_int_equal(ix.n, 1);
	assert_int_equal(ix.e[0].kind, ENTRY_ALL);
	assert_int_equal(index_count(&ix, 0, NULL, t.nrows), 0);
	index_free(&ix);
	table_free(&t);
}

/* Rows repeating the same fields (as a large file does) land in the same
 * entries as when each is read afresh, in file order, each row once. */
static void
index_of_repeated_fields(void **state)
{
	(void)state;
	struct table t;
	struct index ix;
	struct err e;
	assert_int_equal(LOAD_STR(&t, "nom,territoire,region\n"
	    "A,Laval,Pays de la Loire; Bretagne\n"	/* 0 */
	    "B,Rennes,Bretagne; Bretagne\n"		/* 1: one region twice */
	    "C,Laval,Pays de la Loire; Bretagne\n"	/* 2: same raw fields as 0 */
	    "D,Rennes,Bretagne; Bretagne\n"		/* 3 */
	    "E,Laval,Pays de la Loire\n"		/* 4: other raw, same pair */
	    "F,Laval,Pays de la Loire; Bretagne\n", &e), 0);	/* 5 */
	index_build(&ix, &t);
	long bzh = find_entry(&ix, ENTRY_REGION, "Bretagne");
	long pdl = find_entry(&ix, ENTRY_REGION, "Pays de la Loire");
	assert_true(bzh > 0 && pdl > 0);
	/* Bretagne: Laval {0,2,5}, Rennes {1,3}. */
	assert_string_equal(ix.e[bzh + 1].label, "Laval");
	assert_int_equal(ix.e[bzh + 1].nrows, 3);
	assert_int_equal(ix.e[bzh + 1].rows[0], 0);
	assert_int_equal(ix.e[bzh + 1].rows[1], 2);
	assert_int_equal(ix.e[bzh + 1].rows[2], 5);
	assert_string_equal(ix.e[bzh + 2].label, "Rennes");
	assert_int_equal(ix.e[bzh + 2].nrows, 2);
	assert_int_equal(ix.e[bzh + 2].rows[0], 1);
	assert_int_equal(ix.e[bzh + 2].rows[1], 3);
	assert_int_equal(ix.e[bzh].nrows, 5);
	/* Pays de la Loire: Laval {0,2,4,5}. */
	assert_int_equal(ix.e[pdl + 1].nrows, 4);
	assert_int_equal(ix.e[pdl + 1].rows[2], 4);
	assert_int_equal(ix.e[pdl].nrows, 4);
	index_free(&ix);
	table_free(&t);
}

int
main(void)
{
	setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(row_overhead),
		cmocka_unit_test(fields_live_in_the_arena),
		cmocka_unit_test(fields_of_long_and_wide_rows),
		cmocka_unit_test(roles_and_names),
		cmocka_unit_test(builtin_roles),
		cmocka_unit_test(column_keys),
		cmocka_unit_test(columns_named),
		cmocka_unit_test(folded_search_text),
		cmocka_unit_test(warnings_capped_but_counted),
		cmocka_unit_test(index_of_builtin),
		cmocka_unit_test(index_of_small_tables),
		cmocka_unit_test(counts_by_rows),
		cmocka_unit_test(index_of_repeated_fields),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
