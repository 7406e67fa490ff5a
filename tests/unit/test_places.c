/* SPDX-License-Identifier: MIT
 * Places: what a person types that names a place of France leads to the
 * centres that cover it, on the built-in directory (checked against its
 * coverage column, read here with no help from core/coverage.c) and on the
 * fixtures tests/data/antennes.csv (a postcode column) and
 * tests/data/couverture.csv (a column of départements). */
#include "unit.h"

#include "core/directory.h"
#include "core/filter.h"
#include "core/places.h"
#include "core/text.h"

static struct directory builtin;

static int
setup(void **state)
{
	(void)state;
	struct err e;
	if (directory_load(&builtin, NULL, NULL, &e) != 0) {
		fprintf(stderr, "%s\n", ERR(&e));
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	directory_free(&builtin);
	return 0;
}

/* A file of tests/data, by its path from the top of the tree. */
static const char *
data_path(const char *name)
{
	static char buf[4096];
	const char *top = getenv("CENTRES_TOP");
	snprintf(buf, sizeof buf, "%s/tests/data/%s", top && *top ? top : ".", name);
	return buf;
}

/* The rows of f whose hit has any of the bits, as their ids (or names when
 * the table has no id), space-separated, in order. */
static char *
rows_with(const struct table *t, const struct filter *f, unsigned bits)
{
	static char buf[2048];
	buf[0] = '\0';
	for (size_t i = 0; i < f->n; i++) {
		uint32_t r = f->rows[i];
		if (!(f->hit[r] & bits))
			continue;
		size_t len = strlen(buf);
		snprintf(buf + len, sizeof buf - len, "%s%s", len ? " " : "",
		    t->role_col[ROLE_ID] >= 0 ? table_role(t, r, ROLE_ID, NULL) : table_name(t, r, NULL));
	}
	return buf;
}

/* The same, for the query q on t (a fresh filter). */
static char *
found(const struct table *t, const char *q, unsigned bits)
{
	struct filter f;
	filter_init(&f);
	filter_set(&f, t, q);
	char *s = rows_with(t, &f, bits);
	filter_free(&f);
	return s;
}

#define ALL (FILTER_TEXT | FILTER_PLACE | FILTER_NEARBY)
#define MATCHED (FILTER_TEXT | FILTER_PLACE)

/* The ids of the built-in rows whose departements field lists one of the
 * codes (space-separated), read from the field as written ("01; 03"). */
static char *
covering(const char *codes)
{
	static char buf[512];
	const struct table *t = &builtin.t;
	int col = t->role_col[ROLE_COVERAGE];
	assert_true(col >= 0);
	buf[0] = '\0';
	for (size_t r = 0; r < t->nrows; r++) {
		char field[256];
		snprintf(field, sizeof field, "; %s;", table_field(t, r, (size_t)col, NULL));
		bool hit = false;
		for (const char *c = codes; *c && !hit;) {
			size_t n = strcspn(c, " ");
			char want[16];
			snprintf(want, sizeof want, "; %.*s;", (int)n, c);
			hit = strstr(field, want) != NULL;
			c += n + (c[n] == ' ');
		}
		if (hit) {
			size_t len = strlen(buf);
			snprintf(buf + len, sizeof buf - len, "%s%s", len ? " " : "",
			    table_role(t, r, ROLE_ID, NULL));
		}
	}
	return buf;
}

/* The codes of the départements of a place (a region: all of its). */
static void
codes_of(const struct places *p, const struct place_hit *h, char *out, size_t n)
{
	out[0] = '\0';
	for (size_t d = 0; d < p->ndept; d++) {
		bool in = h->kind == PLACE_DEPT ? d == h->id :
		    h->kind == PLACE_REGION ? p->dept[d].region == h->id : d == p->commune[h->id].dept;
		if (in) {
			size_t len = strlen(out);
			snprintf(out + len, n - len, "%s%s", len ? " " : "", p->dept[d].code);
		}
	}
}

static void
parsed_once(void **state)
{
	(void)state;
	const struct places *p = places_get();
	assert_ptr_equal(places_get(), p);
	assert_int_equal(p->nregion, 26);	/* 18 regions and 8 overseas collectivities */
	assert_int_equal(p->ndept, 109);
	size_t communes = 0, arrondissements = 0;
	for (size_t i = 0; i < p->ncommune; i++)
		p->commune[i].parent < 0 ? communes++ : arrondissements++;
	assert_int_equal(communes, 34969);
	assert_int_equal(arrondissements, 20 + 9 + 16);
	/* Every commune's INSEE code starts with its département's number. */
	for (size_t i = 0; i < p->ncommune; i++) {
		const char *code = p->dept[p->commune[i].dept].code;
		assert_memory_equal(p->commune[i].insee, code, strlen(code));
	}
	int d = places_dept_of_code(p, "2a", 2);
	assert_true(d >= 0);
	assert_string_equal(places_str(p, p->dept[d].name), "Corse-du-Sud");
	assert_string_equal(places_str(p, p->region[p->dept[d].region].name), "Corse");
	fprintf(stderr, "places parsed in %.1f ms (%zu communes, %zu postcodes)\n",
	    p->parse_seconds * 1e3, p->ncommune, p->npostcode);
}

/* The codes of the départements of the regions named in a region field
 * ("Bretagne; Pays de la Loire"), in file order. */
static void
codes_of_regions(const struct places *p, const char *field, char *out, size_t n)
{
	out[0] = '\0';
	for (size_t d = 0; d < p->ndept; d++) {
		const char *reg = places_str(p, p->region[p->dept[d].region].name);
		size_t rl = strlen(reg);
		for (const char *f = field; *f;) {
			size_t k = strcspn(f, ";");
			if (k == rl && memcmp(f, reg, rl) == 0) {
				size_t len = strlen(out);
				snprintf(out + len, n - len, "%s%s", len ? "; " : "", p->dept[d].code);
			}
			f += k;
			while (*f == ';' || *f == ' ')
				f++;
		}
	}
}

/* The coverage column is derived as docs/data-format.md says: a region's
 * départements (today's regions), but Occitanie by its two old regions and
 * Île-de-France one département a centre, named by its territory. */
static void
coverage_column_derivation(void **state)
{
	(void)state;
	const struct places *p = places_get();
	const struct table *t = &builtin.t;
	int col = t->role_col[ROLE_COVERAGE];
	for (size_t r = 0; r < t->nrows; r++) {
		const char *region = table_role(t, r, ROLE_REGION, NULL);
		const char *terr = table_role(t, r, ROLE_TERRITORY, NULL);
		const char *cov = table_field(t, r, (size_t)col, NULL);
		char want[512];
		if (strcmp(region, "Occitanie") == 0) {
			/* The old regions, as they were until 2015. */
			assert_string_equal(cov, strcmp(terr, "Midi-Pyr\xc3\xa9n\xc3\xa9" "es") == 0 ?
			    "09; 12; 31; 32; 46; 65; 81; 82" : "11; 30; 34; 48; 66");
		} else if (strcmp(region, "\xc3\x8ele-de-France") == 0) {
			char *ft = text_fold_str(terr);
			int d = places_dept_of_code(p, cov, strlen(cov));
			assert_true(d >= 0);
			assert_string_equal(places_str(p, p->dept[d].fold), ft);
			assert_int_equal(p->dept[d].region, p->dept[places_dept_of_code(p, "75", 2)].region);
			free(ft);
		} else {
			codes_of_regions(p, region, want, sizeof want);
			assert_string_equal(cov, want);
		}
	}
}

static void
parse_errors(void **state)
{
	(void)state;
	struct places p;
	struct err e;
	static const char *const bad[] = {
		"D\t01\t84\t01\tAin\n",				/* a département of no region */
		"R\t84\tAuvergne-Rh\xc3\xb4ne-Alpes\n\tL'Abergement\t400\t860\n",	/* no département */
		"R\t84\tA\nD\t01\t84\t01\tAin\n\tX\t4000000\t1\n",	/* a postcode of 9 digits */
		"R\t84\tA\nD\t01\t84\t01\tAin\n+101\tX\t001\t1\n",	/* an arrondissement of nothing */
		"R\t84\tA\nD\t01\t84\t01\tAin\n\tX\t400\tmany\n",	/* a population in words */
		"",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(places_parse(&p, bad[i], strlen(bad[i]), &e), -1);
		places_free(&p);
	}
	const char *ok = "# comment\nR\t84\tA\nD\t01\t84\t01\tAin\n\tX\t400\t860\n3\tY\t400,01500\t\n";
	assert_int_equal(places_parse(&p, ok, strlen(ok), &e), 0);
	assert_int_equal(p.ncommune, 2);
	assert_string_equal(p.commune[0].insee, "01001");
	assert_string_equal(p.commune[1].insee, "01004");
	assert_int_equal(p.commune[1].npc, 2);
	assert_int_equal(p.postcode[p.commune[1].pc + 1], 1500);
	assert_int_equal(p.commune[1].population, 0);
	places_free(&p);
}

/* The article of a region or département: the last field of its line, a
 * digit 0-8 (INSEE's TNCC), none on a line without it; anything else is
 * an error. */
static void
articles(void **state)
{
	(void)state;
	struct places p;
	struct err e;
	const char *ok = "R\t84\tA\t5\nR\t11\tB\nD\t01\t84\t01\tAin\t5\n\tX\t400\t1\n"
	    "D\t92\t11\t92\tHauts-de-Seine\n\tY\t100\t1\n";
	assert_int_equal(places_parse(&p, ok, strlen(ok), &e), 0);
	assert_int_equal(p.region[0].article, PLACE_ARTICLE_L);
	assert_int_equal(p.region[1].article, PLACE_ARTICLE_NONE);
	assert_int_equal(p.dept[0].article, PLACE_ARTICLE_L);
	assert_int_equal(p.dept[1].article, PLACE_ARTICLE_NONE);
	places_free(&p);
	static const char *const bad[] = {
		"R\t84\tA\t9\nD\t01\t84\t01\tAin\n\tX\t400\t1\n",	/* no TNCC 9 */
		"R\t84\tA\tla\nD\t01\t84\t01\tAin\n\tX\t400\t1\n",	/* a word */
		"R\t84\tA\nD\t01\t84\t01\tAin\t\n\tX\t400\t1\n",	/* an empty field */
		"R\t84\tA\nD\t01\t84\t01\tAin\t12\n\tX\t400\t1\n",	/* two digits */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(places_parse(&p, bad[i], strlen(bad[i]), &e), -1);
		places_free(&p);
	}
	/* The built-in places: the articles the French notes need. */
	const struct places *b = places_get();
	static const struct {
		const char *code;
		unsigned article;
	} depts[] = {
		{"92", PLACE_ARTICLE_LES}, {"94", PLACE_ARTICLE_LE}, {"77", PLACE_ARTICLE_LA},
		{"78", PLACE_ARTICLE_LES}, {"01", PLACE_ARTICLE_L}, {"33", PLACE_ARTICLE_LA},
		{"75", PLACE_ARTICLE_NONE}, {"975", PLACE_ARTICLE_NONE}, {"28", PLACE_ARTICLE_L},
	};
	for (size_t i = 0; i < sizeof depts / sizeof depts[0]; i++) {
		int d = places_dept_of_code(b, depts[i].code, strlen(depts[i].code));
		assert_true(d >= 0);
		assert_int_equal(b->dept[d].article, depts[i].article);
	}
	for (size_t i = 0; i < b->nregion; i++) {
		const char *name = places_str(b, b->region[i].name);
		if (strcmp(name, "Corse") == 0 || strcmp(name, "Bretagne") == 0)
			assert_int_equal(b->region[i].article, PLACE_ARTICLE_LA);
		if (strcmp(name, "Île-de-France") == 0)
			assert_int_equal(b->region[i].article, PLACE_ARTICLE_L);
	}
	/* In English (no catalogue here) a place reads as its label, in any
	 * form. */
	struct arena x = {0}, y = {0};
	for (uint32_t i = 0; i < b->ndept; i++) {
		struct place_hit h = {PLACE_DEPT, i, 0, true};
		for (int f = PLACE_LABEL; f <= PLACE_OF; f++) {
			x.len = y.len = 0;
			places_label(b, &h, &x);
			places_label_as(b, &h, (enum place_form)f, &y);
			assert_int_equal(x.len, y.len);
			assert_memory_equal(x.base, y.base, x.len);
		}
	}
	arena_free(&x);
	arena_free(&y);
}

/* Every département, by number and by name, leads to exactly the centres
 * whose coverage column lists it; the 14 that none lists say so. */
static void
every_departement(void **state)
{
	(void)state;
	const struct places *p = places_get();
	const struct table *t = &builtin.t;
	static const char *const uncovered =
	    " 2A 2B 77 78 92 94 975 977 978 984 986 987 988 989 ";
	size_t covered = 0;
	for (size_t d = 0; d < p->ndept; d++) {
		const struct place_dept *dp = &p->dept[d];
		const char *name = places_str(p, dp->name);
		const char *region = places_str(p, p->region[dp->region].name);
		char want[512], key[8];
		snprintf(want, sizeof want, "%s", covering(dp->code));
		snprintf(key, sizeof key, " %s ", dp->code);
		struct filter f;
		filter_init(&f);
		/* By number: that département, and no phone digits. */
		filter_set(&f, t, dp->code);
		assert_true(f.places.only_place || dp->code[1] == 'A' || dp->code[1] == 'B');
		assert_int_equal(f.places.n, 1);
		assert_int_equal(f.places.hit[0].id, d);
		if (*want) {
			covered++;
			assert_null(strstr(uncovered, key));
			assert_string_equal(rows_with(t, &f, ALL), want);
			assert_string_equal(rows_with(t, &f, FILTER_PLACE), want);
			assert_null(f.place_note);
			char via[128];
			snprintf(via, sizeof via, "via %s (%s)", name, dp->code);
			assert_string_equal(f.via[f.rows[0]], via);
		} else {
			assert_non_null(strstr(uncovered, key));
			assert_int_equal(f.matched, 0);
			assert_string_equal(rows_with(t, &f, FILTER_PLACE), "");
			assert_non_null(f.place_note);
			/* The region's other centres, or the region itself. */
			char note[256];
			char codes[512];
			struct place_hit reg = {PLACE_REGION, dp->region, 0, true};
			codes_of(p, &reg, codes, sizeof codes);
			const char *offered = covering(codes);
			if (*offered) {
				snprintf(note, sizeof note, "No centre covers %s (%s). Centres in %s:",
				    name, dp->code, region);
				assert_string_equal(rows_with(t, &f, FILTER_NEARBY), offered);
				char in[128];
				snprintf(in, sizeof in, "in %s", region);
				assert_string_equal(f.via[f.rows[0]], in);
			} else {
				snprintf(note, sizeof note, "No centre covers %s.", region);
				assert_int_equal(f.n, 0);
			}
			assert_string_equal(f.place_note, note);
		}
		/* By name: the rows a place of that name leads to are the rows
		 * covering it (or the homonyms found with it). */
		filter_set(&f, t, name);
		assert_false(f.places.only_place);
		bool listed = false;
		char all[1024] = "";
		for (size_t i = 0; i < f.places.n; i++) {
			const struct place_hit *h = &f.places.hit[i];
			assert_true(h->exact);
			listed |= h->kind == PLACE_DEPT && h->id == d;
			char codes[512];
			codes_of(p, h, codes, sizeof codes);
			size_t len = strlen(all);
			snprintf(all + len, sizeof all - len, "%s%s", len ? " " : "", codes);
		}
		assert_true(listed);
		if (f.place_note == NULL)
			assert_string_equal(rows_with(t, &f, FILTER_PLACE), covering(all));
		else
			assert_string_equal(want, "");
		filter_free(&f);
	}
	assert_int_equal(covered, 95);
}

/* Communes across every region and overseas, by name and by postcode. */
static void
communes_lead_to_their_centre(void **state)
{
	(void)state;
	static const struct {
		const char *name, *postcode, *dept, *id;
	} cases[] = {
		{"Bordeaux", "33000", "33", "9"}, {"Lyon", "69001", "69", "1"},
		{"Marseille", "13002", "13", "10"}, {"Strasbourg", "67000", "67", "4"},
		{"Lille", "59000", "59", "5"}, {"Rennes", "35000", "35", "6"},
		{"Nantes", "44000", "44", "6"}, {"Toulouse", "31000", "31", "7"},
		{"Montpellier", "34000", "34", "18"}, {"Argenteuil", "95100", "95", "3"},
		{"\xc3\x89vry-Courcouronnes", "91000", "91", "8"}, {"Tours", "37000", "37", "14"},
		{"Orl\xc3\xa9" "ans", "45000", "45", "14"}, {"Dijon", "21000", "21", "17"},
		{"Besan\xc3\xa7on", "25000", "25", "17"}, {"Rouen", "76000", "76", "19"},
		{"Caen", "14000", "14", "19"}, {"Cayenne", "97300", "973", "11"},
		{"Fort-de-France", "97200", "972", "15"}, {"Pointe-\xc3\xa0-Pitre", "97110", "971", "20"},
		{"Mamoudzou", "97600", "976", "13"}, {"Le Tampon", "97430", "974", "16"},
		{"Nice", "06000", "06", "10"}, {"Grenoble", "38000", "38", "1"},
		{"Clermont-Ferrand", "63000", "63", "1"}, {"Limoges", "87000", "87", "9"},
		{"Amiens", "80000", "80", "5"}, {"Reims", "51100", "51", "4"},
		{"Perpignan", "66000", "66", "18"}, {"Albi", "81000", "81", "7"},
		{"Aubervilliers", "93300", "93", "2"}, {"Gap", "05000", "05", "10"},
	};
	const struct places *p = places_get();
	const struct table *t = &builtin.t;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct filter f;
		filter_init(&f);
		filter_set(&f, t, cases[i].name);
		assert_true(f.places.n >= 1);
		const struct place_hit *h = &f.places.hit[0];
		assert_int_equal(h->kind, PLACE_COMMUNE);
		assert_string_equal(places_str(p, p->commune[h->id].name), cases[i].name);
		assert_string_equal(p->dept[p->commune[h->id].dept].code, cases[i].dept);
		assert_non_null(strstr(rows_with(t, &f, MATCHED), cases[i].id));
		/* The postcode: that centre alone, and no phone digits. */
		filter_set(&f, t, cases[i].postcode);
		assert_true(f.places.only_place);
		assert_string_equal(rows_with(t, &f, ALL), cases[i].id);
		assert_non_null(strstr(f.via[f.rows[0]], cases[i].postcode));
		filter_free(&f);
	}
}

static void
homonyms(void **state)
{
	(void)state;
	const struct places *p = places_get();
	const struct table *t = &builtin.t;
	static const char *const spellings[] = {"saint-denis", "Saint Denis", "st denis", "ST-DENIS"};
	for (size_t s = 0; s < sizeof spellings / sizeof spellings[0]; s++) {
		struct place_query q;
		places_find(p, spellings[s], &q);
		assert_true(q.n >= 4);
		uint32_t last = UINT32_MAX;
		for (size_t i = 0; i < q.n; i++) {
			const struct place_commune *c = &p->commune[q.hit[i].id];
			assert_int_equal(q.hit[i].kind, PLACE_COMMUNE);
			assert_true(q.hit[i].exact);
			assert_string_equal(places_str(p, c->name), "Saint-Denis");
			assert_true(c->population <= last);	/* biggest first */
			last = c->population;
		}
		/* The two big ones first, each with its département. */
		const char *d0 = p->dept[p->commune[q.hit[0].id].dept].code;
		const char *d1 = p->dept[p->commune[q.hit[1].id].dept].code;
		assert_true((strcmp(d0, "974") == 0 && strcmp(d1, "93") == 0) ||
		    (strcmp(d0, "93") == 0 && strcmp(d1, "974") == 0));
	}
	/* Profession Banlieue (by its territory's words too), La Réunion, and
	 * the centre of the small Saint-Denis of the Aude and the Gard. */
	assert_string_equal(found(t, "saint-denis", MATCHED), "2 16 18");
	struct filter f;
	filter_init(&f);
	filter_set(&f, t, "saint-denis");
	size_t r16 = 0, r2 = 0;
	for (size_t i = 0; i < f.n; i++) {
		const char *id = table_role(t, f.rows[i], ROLE_ID, NULL);
		if (strcmp(id, "16") == 0)
			r16 = f.rows[i];
		if (strcmp(id, "2") == 0)
			r2 = f.rows[i];
	}
	assert_string_equal(filter_via(&f, r16), "via Saint-Denis, La R\xc3\xa9union");
	/* Its words found Profession Banlieue ("Seine Saint-Denis"): no via. */
	assert_int_equal(f.hit[r2], FILTER_TEXT | FILTER_PLACE);
	assert_null(filter_via(&f, r2));
	filter_free(&f);
	/* A postcode says which. */
	filter_init(&f);
	filter_set(&f, t, "93200");
	assert_string_equal(rows_with(t, &f, ALL), "2");
	assert_string_equal(f.via[f.rows[0]], "via Saint-Denis 93200, Seine-Saint-Denis");
	filter_set(&f, t, "97400");
	assert_string_equal(rows_with(t, &f, ALL), "16");
	assert_string_equal(f.via[f.rows[0]], "via Saint-Denis 97400, La R\xc3\xa9union");
	filter_free(&f);
}

static void
arrondissements(void **state)
{
	(void)state;
	static const struct {
		const char *postcode, *name, *insee, *id;
	} cases[] = {
		{"75011", "Paris 11e Arrondissement", "75111", "12"},
		{"75116", "Paris 16e Arrondissement", "75116", "12"},
		{"69003", "Lyon 3e Arrondissement", "69383", "1"},
		{"13001", "Marseille 1er Arrondissement", "13201", "10"},
	};
	const struct places *p = places_get();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct place_query q;
		places_find(p, cases[i].postcode, &q);
		assert_int_equal(q.n, 1);	/* the arrondissement, not also its city */
		const struct place_commune *c = &p->commune[q.hit[0].id];
		assert_string_equal(places_str(p, c->name), cases[i].name);
		assert_string_equal(c->insee, cases[i].insee);
		assert_true(c->parent >= 0);
		assert_string_equal(found(&builtin.t, cases[i].postcode, ALL), cases[i].id);
	}
	struct filter f;
	filter_init(&f);
	filter_set(&f, &builtin.t, "75011");
	assert_string_equal(f.via[f.rows[0]], "via Paris 11e Arrondissement 75011, Paris");
	/* By name, the city first. */
	filter_set(&f, &builtin.t, "lyon");
	assert_string_equal(places_str(p, p->commune[f.places.hit[0].id].name), "Lyon");
	assert_string_equal(rows_with(&builtin.t, &f, ALL), "1");
	filter_free(&f);
}

static void
corsica(void **state)
{
	(void)state;
	static const char *const queries[] = {"ajaccio", "Bastia", "2a", "2B", "corse",
		"haute-corse", "20000", "Porto-Vecchio"};
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		struct filter f;
		filter_init(&f);
		filter_set(&f, &builtin.t, queries[i]);
		assert_true(f.places.n > 0);
		assert_int_equal(f.n, 0);
		assert_int_equal(f.matched, 0);
		assert_string_equal(f.place_note, "No centre covers Corse.");
		filter_free(&f);
	}
}

static void
ligatures_and_diaereses(void **state)
{
	(void)state;
	const struct places *p = places_get();
	static const char *const oe[] = {"\xc5\x92uilly", "oeuilly", "OEUILLY", "\xc5\x93uil"};
	for (size_t i = 0; i < sizeof oe / sizeof oe[0]; i++) {
		struct place_query q;
		places_find(p, oe[i], &q);
		assert_int_equal(q.n, 2);	/* in the Aisne and in the Marne */
		for (size_t k = 0; k < 2; k++)
			assert_string_equal(places_str(p, p->commune[q.hit[k].id].name),
			    "\xc5\x92uilly");
	}
	/* Aisne: Hauts-de-France; Marne: Grand Est. */
	assert_string_equal(found(&builtin.t, "oeuilly", MATCHED), "4 5");
	static const char *const hay[] = {"L'Ha\xc3\xbf-les-Roses", "l'hay les roses",
		"L HAY LES ROSES", "l\xe2\x80\x99ha\xc3\xbf-les-roses", "94240"};
	for (size_t i = 0; i < sizeof hay / sizeof hay[0]; i++) {
		struct filter f;
		filter_init(&f);
		filter_set(&f, &builtin.t, hay[i]);
		assert_true(f.places.n >= 1);
		assert_string_equal(places_str(p, p->commune[f.places.hit[0].id].name),
		    "L'Ha\xc3\xbf-les-Roses");
		assert_string_equal(f.place_note,
		    "No centre covers Val-de-Marne (94). Centres in \xc3\x8ele-de-France:");
		assert_string_equal(rows_with(&builtin.t, &f, FILTER_NEARBY), "2 3 8 12");
		filter_free(&f);
	}
}

static void
no_centre_covers(void **state)
{
	(void)state;
	static const char *const queries[] = {"92", "nanterre", "Hauts-de-Seine", "92000"};
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		struct filter f;
		filter_init(&f);
		filter_set(&f, &builtin.t, queries[i]);
		assert_string_equal(f.place_note,
		    "No centre covers Hauts-de-Seine (92). Centres in \xc3\x8ele-de-France:");
		assert_int_equal(f.matched, 0);
		/* The Île-de-France centres, read from the file: their region. */
		assert_string_equal(rows_with(&builtin.t, &f, ALL), "2 3 8 12");
		for (size_t k = 0; k < f.n; k++) {
			assert_int_equal(f.hit[f.rows[k]], FILTER_NEARBY);
			assert_string_equal(table_role(&builtin.t, f.rows[k], ROLE_REGION, NULL),
			    "\xc3\x8ele-de-France");
			assert_string_equal(f.via[f.rows[k]], "in \xc3\x8ele-de-France");
		}
		filter_free(&f);
	}
	/* Overseas collectivities have no centre and no region with one. */
	struct filter f;
	filter_init(&f);
	filter_set(&f, &builtin.t, "saint-pierre-et-miquelon");
	assert_string_equal(f.place_note, "No centre covers Saint-Pierre-et-Miquelon.");
	filter_set(&f, &builtin.t, "98800");
	assert_string_equal(f.place_note, "No centre covers Nouvelle-Cal\xc3\xa9" "donie.");
	filter_free(&f);
}

/* The start of a name offers the biggest places of that start. */
static void
prefixes(void **state)
{
	(void)state;
	const struct places *p = places_get();
	struct place_query q;
	places_find(p, "bord", &q);
	assert_true(q.n > 1 && q.n <= PLACES_MAX_STARTS);
	assert_string_equal(places_str(p, p->commune[q.hit[0].id].name), "Bordeaux");
	assert_false(q.hit[0].exact);
	assert_non_null(strstr(found(&builtin.t, "bord", MATCHED), "9"));
	/* The whole name: that place alone. */
	places_find(p, "bordeaux", &q);
	assert_int_equal(q.n, 1);
	assert_true(q.hit[0].exact);
	assert_string_equal(found(&builtin.t, "bordeaux", ALL), "9");
	/* Typed key by key, the same as each query alone. */
	const char *typed = "saint-etienne";
	char buf[32] = "";
	struct filter f;
	filter_init(&f);
	for (size_t i = 0; typed[i]; i++) {
		buf[i] = typed[i];
		filter_set(&f, &builtin.t, buf);
		char *once = xstrdup(rows_with(&builtin.t, &f, ALL));
		assert_string_equal(found(&builtin.t, buf, ALL), once);
		free(once);
	}
	assert_string_equal(rows_with(&builtin.t, &f, ALL), "1");
	filter_free(&f);
	/* Too short to start a name; regions and départements start too. */
	places_find(p, "bo", &q);
	assert_int_equal(q.n, 0);
	places_find(p, "occit", &q);
	assert_int_equal(q.hit[0].kind, PLACE_REGION);
	assert_string_equal(found(&builtin.t, "occit", MATCHED), "7 18");
	/* Postcodes: the start of one. */
	places_find(p, "3300", &q);
	assert_false(q.only_place);
	assert_string_equal(places_str(p, p->commune[q.hit[0].id].name), "Bordeaux");
	assert_int_equal(q.hit[0].postcode, 33000);
}

/* A département's number is that département, not phone digits; phone
 * numbers still find their centre. */
static void
numbers(void **state)
{
	(void)state;
	const struct table *t = &builtin.t;
	/* 36 ends Profession Banlieue's 01 48 09 26 36; it is the Indre. */
	assert_string_equal(found(t, "36", ALL), "14");
	/* 43 ends CR•DSU's 04 78 77 01 43 and is the Haute-Loire: the same. */
	assert_string_equal(found(t, "43", ALL), "1");
	assert_string_equal(found(t, "974", ALL), "16");
	assert_string_equal(found(t, "0478", ALL), "1");
	assert_string_equal(found(t, "01 48 09", ALL), "2");
	assert_string_equal(found(t, "04 78 77 01 43", ALL), "1");
	/* Narrowing from a number to a phone number finds the phone. */
	struct filter f;
	filter_init(&f);
	filter_set(&f, t, "02");
	assert_string_equal(rows_with(t, &f, ALL), "5");	/* the Aisne: Hauts-de-France */
	filter_set(&f, t, "02 6");
	assert_string_equal(rows_with(t, &f, ALL), found(t, "02 6", ALL));
	assert_non_null(strstr(rows_with(t, &f, ALL), "16"));
	filter_free(&f);
	/* Words name no place where they look in a column. */
	assert_string_equal(found(t, "territoire:gironde", ALL), "");
}

/* A file with a postcode column: a town finds the rows of its postcodes, a
 * département or region the rows in it; otherwise the nearest ones. */
static void
postcode_file(void **state)
{
	(void)state;
	struct directory d;
	struct err e;
	assert_int_equal(directory_load(&d, data_path("antennes.csv"), NULL, &e), 0);
	const struct table *t = &d.t;
	assert_true(t->role_col[ROLE_POSTCODE] >= 0);
	assert_string_equal(found(t, "33000", ALL), "Antenne Garonne");
	assert_string_equal(found(t, "3310", ALL), "Antenne Rive Droite");
	assert_string_equal(found(t, "gironde", ALL), "Antenne Garonne Antenne Rive Droite");
	assert_string_equal(found(t, "nouvelle aquitaine", ALL),
	    "Antenne Garonne Antenne Rive Droite Maison des Lacs");
	assert_string_equal(found(t, "nantes", ALL), "Relais Presqu'\xc3\xaele");
	assert_string_equal(found(t, "69004", ALL), "Atelier Croix-Rousse");
	/* 1400, a postcode that lost its 0 in a spreadsheet. */
	assert_string_equal(found(t, "01400", ALL), "Bureau du Bocage");
	/* The CEDEX code 93732 is in the Seine-Saint-Denis. */
	assert_string_equal(found(t, "93", ALL), "Point Canal Comptoir des Canaux");
	struct filter f;
	filter_init(&f);
	filter_set(&f, t, "Mérignac");
	assert_string_equal(f.place_note,
	    "No centre in M\xc3\xa9rignac 33700, Gironde. Centres in Gironde (33):");
	assert_string_equal(rows_with(t, &f, FILTER_NEARBY), "Antenne Garonne Antenne Rive Droite");
	assert_string_equal(f.via[f.rows[0]], "in Gironde (33)");
	filter_set(&f, t, "ajaccio");
	assert_string_equal(f.place_note, "No centre in Corse.");
	filter_set(&f, t, "cergy");
	assert_string_equal(f.place_note,
	    "No centre in Val-d'Oise (95). Centres in \xc3\x8ele-de-France:");
	filter_free(&f);
	directory_free(&d);
}

/* A file with a column of départements written as people write them. */
static void
coverage_file(void **state)
{
	(void)state;
	struct directory d;
	struct err e;
	assert_int_equal(directory_load(&d, data_path("couverture.csv"), NULL, &e), 0);
	const struct table *t = &d.t;
	assert_true(t->role_col[ROLE_COVERAGE] >= 0);
	/* "33, 47, 24" and "Gironde / Landes". */
	assert_string_equal(found(t, "bordeaux", ALL), "R\xc3\xa9seau Garonne R\xc3\xa9seau Littoral");
	assert_string_equal(found(t, "agen", ALL), "R\xc3\xa9seau Garonne");
	assert_string_equal(found(t, "dax", ALL), "R\xc3\xa9seau Littoral");
	/* "Bretagne": the region's départements. */
	assert_string_equal(found(t, "quimper", ALL), "R\xc3\xa9seau Armor");
	/* "1 73 74": 01 written without its 0, numbers between spaces. */
	assert_string_equal(found(t, "bourg-en-bresse", ALL), "R\xc3\xa9seau des Alpes");
	assert_string_equal(found(t, "annecy", ALL), "R\xc3\xa9seau des Alpes");
	/* "971|972". */
	assert_string_equal(found(t, "97200", ALL), "R\xc3\xa9seau des \xc3\x8eles");
	/* Corsica is covered here: the answer is the file's, not built in. */
	assert_string_equal(found(t, "ajaccio", ALL), "R\xc3\xa9seau Corse");
	struct filter f;
	filter_init(&f);
	filter_set(&f, t, "bastia");
	assert_string_equal(f.place_note, "No centre covers Haute-Corse (2B). Centres in Corse:");
	assert_string_equal(rows_with(t, &f, FILTER_NEARBY), "R\xc3\xa9seau Corse");
	/* "Atlantide" names no département: the row covers nothing. */
	filter_set(&f, t, "pays de la loire");
	assert_string_equal(rows_with(t, &f, ALL), "");
	assert_non_null(f.cov);
	assert_int_equal(f.cov->unread, 1);
	assert_string_equal(table_name(t, f.cov->first_unread, NULL), "R\xc3\xa9seau Atlantide");
	filter_free(&f);
	directory_free(&d);
}

/* A file that says nothing of places: no place is looked up. */
static void
no_place_column(void **state)
{
	(void)state;
	struct directory d;
	struct err e;
	assert_int_equal(directory_load(&d, FIXTURE, NULL, &e), 0);
	struct filter f;
	filter_init(&f);
	filter_set(&f, &d.t, "bordeaux");
	assert_int_equal(f.places.n, 0);
	assert_null(f.via);
	assert_null(f.place_note);
	assert_int_equal(f.matched, f.n);
	filter_free(&f);
	directory_free(&d);
}

int
main(void)
{
	setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parsed_once),
		cmocka_unit_test(parse_errors),
		cmocka_unit_test(articles),
		cmocka_unit_test(coverage_column_derivation),
		cmocka_unit_test(every_departement),
		cmocka_unit_test(communes_lead_to_their_centre),
		cmocka_unit_test(homonyms),
		cmocka_unit_test(arrondissements),
		cmocka_unit_test(corsica),
		cmocka_unit_test(ligatures_and_diaereses),
		cmocka_unit_test(no_centre_covers),
		cmocka_unit_test(prefixes),
		cmocka_unit_test(numbers),
		cmocka_unit_test(postcode_file),
		cmocka_unit_test(coverage_file),
		cmocka_unit_test(no_place_column),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
