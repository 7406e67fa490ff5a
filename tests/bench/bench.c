/* SPDX-License-Identifier: MIT
 * bench: `bench -g ROWS FILE` writes the generated directory that make bench
 * measures (tests/bench/run.sh). `bench FILE`: speed and memory of the
 * loader (median of 3 runs) and the filter (medians of 5) on FILE, in this
 * process, each with a reference measured in the same run: reading the
 * file, and one memmem()
 * over the folded text (the floor for any substring filter). Then the
 * places: parsing data/places.txt (against folding its text once), and what
 * a place look-up adds to a keystroke on the built-in directory (against
 * the same keystroke on the same directory without its coverage column).
 * `bench -t FILE`: the fast paths for clean text alone (the clean check and
 * folding, simd.h), at each vector level, against their plain references
 * (reference.h), in the same run.
 * `bench -s FILE` prints only the sort times as key=value lines, for
 * run.sh at every size; `bench FILE` prints them too, with references.
 * Never part of `make test`: timings on a shared machine are for reading,
 * not asserting. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "core/csvload.h"
#include "core/directory.h"
#include "core/filter.h"
#include "core/index.h"
#include "core/places.h"
#include "core/reference.h"
#include "core/simd.h"
#include "core/sort.h"
#include "core/text.h"
#include "core/util.h"

#include "clock.h"


static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_d);
	return v[n / 2];
}

/* A directory like the ones people open with centres (a national register
 * of associations, a CRM export): n rows, about 190 bytes each, French names
 * and communes with their accents, an address with a comma in quotes, about
 * one row in 2,000 whose address holds a line break, two phone numbers in
 * one row in four. Deterministic: the same n gives the same bytes. */
static void
generate(const char *path, long n)
{
	static const struct {
		const char *name, *sigle;
	} kinds[] = {{"Centre social", "CS"}, {"Maison des associations", "MDA"},
	    {"Pôle de ressources", "PDR"}, {"Espace de vie sociale", "EVS"}, {"Association", "ASSO"},
	    {"Maison de quartier", "MQ"}, {"Centre de ressources Politique de la ville", "CRPV"},
	    {"Régie de quartier", "RDQ"}, {"Foyer rural", "FR"}, {"Comité des fêtes", "CDF"},
	    {"Amicale laïque", "AL"}, {"Épicerie solidaire", "ES"}};
	static const char *const people[] = {"Jean Jaurès", "Louise Michel", "Simone Veil",
	    "Aimé Césaire", "Olympe de Gouges", "Léo Lagrange", "Émile Zola", "Frédéric Mistral",
	    "Gisèle Halimi", "Françoise Dolto", "Jacques Prévert", "Hélène Boucher",
	    "Joséphine Baker", "Ève Curie", "Raymond Queneau", "Cœur de ville"};
	static const char *const streets[] = {"rue", "avenue", "boulevard", "place", "allée",
	    "chemin", "impasse", "quai"};
	/* commune, postcode prefix, territoire, region, phone prefix */
	static const struct {
		const char *commune, *cp, *terr, *reg, *tel;
	} towns[] = {
		{"Saint-Étienne", "42", "Loire", "Auvergne-Rhône-Alpes", "04 77"},
		{"Besançon", "25", "Doubs", "Bourgogne-Franche-Comté", "03 81"},
		{"Orléans", "45", "Loiret", "Centre-Val de Loire", "02 38"},
		{"Nîmes", "30", "Gard", "Occitanie", "04 66"},
		{"Béziers", "34", "Hérault", "Occitanie", "04 67"},
		{"Créteil", "94", "Val-de-Marne", "Île-de-France", "01 45"},
		{"Évry-Courcouronnes", "91", "Essonne", "Île-de-France", "01 60"},
		{"Saint-Denis", "93", "Seine-Saint-Denis", "Île-de-France", "01 48"},
		{"Le Tampon", "974", "La Réunion", "La Réunion", "02 62"},
		{"Saint-Pierre", "974", "La Réunion", "La Réunion", "02 62"},
		{"Fort-de-France", "972", "Martinique", "Martinique", "05 96"},
		{"Cayenne", "973", "Guyane", "Guyane", "05 94"},
		{"Rennes", "35", "Ille-et-Vilaine", "Bretagne", "02 99"},
		{"Saint-Brieuc", "22", "Côtes-d'Armor", "Bretagne", "02 96"},
		{"Nantes", "44", "Loire-Atlantique", "Pays de la Loire", "02 40"},
		{"Angoulême", "16", "Charente", "Nouvelle-Aquitaine", "05 45"},
		{"Périgueux", "24", "Dordogne", "Nouvelle-Aquitaine", "05 53"},
		{"Châlons-en-Champagne", "51", "Marne", "Grand Est", "03 26"},
		{"Sète", "34", "Hérault", "Occitanie", "04 67"},
		{"Aix-en-Provence", "13", "Bouches-du-Rhône", "Provence-Alpes-Côte d'Azur", "04 42"},
		{"Hyères", "83", "Var", "Provence-Alpes-Côte d'Azur", "04 94"},
		{"Lyon", "69", "Rhône", "Auvergne-Rhône-Alpes", "04 78"},
		{"Amiens", "80", "Somme", "Hauts-de-France", "03 22"},
		{"Évreux", "27", "Eure", "Normandie", "02 32"},
	};
	static const char *const status[] = {"actif", "actif", "actif", "en sommeil", "dissous"};
	FILE *f = fopen(path, "w");
	if (!f)
		die("cannot write %s", path);
	fputs("id,nom,sigle,territoire,territoire_2017,region,site_web,courriel,telephone,"
	    "telephone_2,statut,adresse\n", f);
	unsigned long long s = 0x9e3779b97f4a7c15ull;	/* the seed */
#define PICK(a) (a)[(s = s * 6364136223846793005ull + 1442695040888963407ull, \
	(size_t)(s >> 33) % (sizeof (a) / sizeof (a)[0]))]
#define NUM(m) (s = s * 6364136223846793005ull + 1442695040888963407ull, (long)((s >> 33) % (m)))
	for (long i = 1; i <= n; i++) {
		size_t k = (size_t)NUM(sizeof kinds / sizeof kinds[0]);
		const char *kind = kinds[k].name, *who = PICK(people), *street = PICK(streets);
		size_t t = (size_t)NUM(sizeof towns / sizeof towns[0]);
		long tel = NUM(1000000), num = 1 + NUM(120), cp = NUM(1000);
		int second = NUM(4) == 0, brk = NUM(2000) == 0;
		/* The name: "Centre social Louise Michel" or, one row in three,
		 * with its commune after a comma (quoted). */
		if (NUM(3) == 0)
			fprintf(f, "%ld,\"%s %s, %s\",", i, kind, who, towns[t].commune);
		else
			fprintf(f, "%ld,%s %s,", i, kind, who);
		fprintf(f, "%s%ld,%s,,%s,www.asso%ld.fr,contact@asso%ld.fr,%s %02ld %02ld %02ld,",
		    kinds[k].sigle, i % 100, towns[t].terr, towns[t].reg, i, i, towns[t].tel,
		    tel / 10000, tel / 100 % 100, tel % 100);
		if (second)
			fprintf(f, "%s %02ld %02ld %02ld", towns[t].tel, (tel * 7) / 10000 % 100,
			    tel * 7 / 100 % 100, tel * 7 % 100);
		int w = 5 - (int)strlen(towns[t].cp);	/* the postcode: 42000, 97430 */
		fprintf(f, ",%s,\"%ld, %s %s%s%s%0*ld %s\"\n", PICK(status), num, street, who,
		    brk ? "\n" : " ", towns[t].cp, w, cp % (w == 3 ? 1000 : 100), towns[t].commune);
	}
#undef PICK
#undef NUM
	if (fclose(f) != 0)
		die("cannot write %s", path);
}

/* Every field of one row of 100,000 fields read in turn (what the card,
 * the outputs and the copy do), against a reference measured in the same
 * run: one pass of strlen() over the row's text. */
static void
wide_row(void)
{
	enum { NF = 100000 };
	struct arena csv = {0};
	arena_append(&csv, "nom\n", 4);
	for (int i = 0; i < NF; i++) {
		char f[16];
		int n = snprintf(f, sizeof f, "%sf%d", i ? "," : "", i);
		arena_append(&csv, f, (size_t)n);
	}
	arena_putc(&csv, '\n');
	struct table t;
	struct err e;
	table_init(&t, "wide.csv");
	if (csvload_buffer(&t, csv.base, csv.len, NULL, &e) < 0)
		die("wide row: %s", e.msg);
	double tf[5], tr[5];
	size_t sum = 0;
	for (int run = 0; run < 5; run++) {
		double t0 = now();
		for (size_t c = 0; c < NF; c++) {
			size_t len;
			table_field(&t, 0, c, &len);
			sum += len;
		}
		tf[run] = now() - t0;
		t0 = now();
		const char *p = table_field(&t, 0, 0, NULL);
		for (size_t c = 0; c < NF; c++) {
			size_t len = strlen(p);
			sum += len;
			p += len + 1;
		}
		tr[run] = now() - t0;
	}
	double mf = median(tf, 5), mr = median(tr, 5);
	printf("fields: every field of a row of %d, median %.2f ms  (one strlen pass: %.2f ms, "
	    "ratio %.1fx; checksum %zu)\n", NF, mf * 1e3, mr * 1e3, mf / mr, sum);
	table_free(&t);
	arena_free(&csv);
}

/* The whole of a file, NUL-terminated; *n gets its length. */
static char *
slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		die("cannot read %s", path);
	struct arena a = {0};
	char buf[65536];
	size_t k;
	while ((k = fread(buf, 1, sizeof buf, f)) > 0)
		arena_append(&a, buf, k);
	fclose(f);
	*n = a.len;
	arena_putc(&a, '\0');
	return a.base;
}

/* Seconds of processor time of this thread. */
static double
cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* bench -t: the clean check over the whole file, and folding the file
 * field by field as the loader does (fields cut at commas and line
 * breaks, quotes ignored: about the sizes the loader hands text_fold): the
 * plain references and the fast paths at each vector level this processor
 * runs, taken in turn in each of 7 rounds (so that a neighbour's load
 * falls on all alike), medians of the time on the processor (this
 * thread's: a neighbour's time is not counted); the outputs compared too. */
static void
text_paths(const char *path)
{
	size_t n;
	char *buf = slurp(path, &n);
	size_t nf = 0;
	for (size_t i = 0; i < n; i++)
		nf += buf[i] == ',' || buf[i] == '\n';
	size_t *ends = xmalloc((nf + 1) * sizeof *ends), k = 0;
	for (size_t i = 0; i < n; i++)
		if (buf[i] == ',' || buf[i] == '\n')
			ends[k++] = i;
	ends[k++] = n;
	printf("fast paths: %s, %.1f MB, %zu fields\n", path, (double)n / 1e6, k);
	static const char *const names[] = {"reference", "scalar", "SSE2", "AVX2"};
	enum { ROUNDS = 7 };
	int nv = (int)simd_level() + 2;	/* the reference, then each level */
	double tc[4][ROUNDS], tf[4][ROUNDS];
	bool clean[4];
	struct arena out[4] = {{0}};
	for (int run = 0; run < ROUNDS; run++)
		for (int v = 0; v < nv; v++) {
			simd_limit(v ? (enum simd_level)(v - 1) : SIMD_AVX2);
			double t0 = cpu_now();
			clean[v] = v ? decode_is_clean(buf, n) : decode_is_clean_ref(buf, n);
			tc[v][run] = cpu_now() - t0;
			out[v].len = 0;
			t0 = cpu_now();
			for (size_t f = 0, j = 0; f < k; j = ends[f++] + 1) {
				if (v)
					text_fold(&out[v], buf + j, ends[f] - j, NULL);
				else
					text_fold_ref(&out[v], buf + j, ends[f] - j, NULL);
			}
			tf[v][run] = cpu_now() - t0;
		}
	simd_limit(SIMD_AVX2);
	double c0 = median(tc[0], ROUNDS), f0 = median(tf[0], ROUNDS);
	for (int v = 0; v < nv; v++) {
		bool same = clean[v] == clean[0] && out[v].len == out[0].len &&
		    memcmp(out[v].base, out[0].base, out[0].len) == 0;
		double c = median(tc[v], ROUNDS), f = median(tf[v], ROUNDS);
		printf("  %-9s clean check median %6.1f ms (%.2fx, %s)   fold by field median %6.1f ms "
		    "(%.2fx, %.1f MB)%s\n", names[v], c * 1e3, c / c0, clean[v] ? "clean" : "not clean",
		    f * 1e3, f / f0, (double)out[v].len / 1e6, same ? "" : "  DIFFERS FROM THE REFERENCE");
	}
	for (int v = 0; v < nv; v++)
		arena_free(&out[v]);
	free(ends);
	free(buf);
}

/* Parsing the places (what the first look-up of a run costs), against one
 * text_fold() over the same bytes (the folding the parse cannot avoid). */
static void
places_parse_time(void)
{
	size_t n;
	char *buf = slurp("data/places.txt", &n);
	double tp[5], tf[5];
	size_t communes = 0;
	for (int run = 0; run < 5; run++) {
		struct places p;
		struct err e;
		double t0 = now();
		if (places_parse(&p, buf, n, &e) < 0)
			die("data/places.txt: %s", e.msg);
		tp[run] = now() - t0;
		communes = p.ncommune;
		places_free(&p);
		struct arena a = {0};
		t0 = now();
		text_fold(&a, buf, n, NULL);
		tf[run] = now() - t0;
		arena_free(&a);
	}
	double mp = median(tp, 5), mf = median(tf, 5);
	printf("places: parse %zu KB, %zu communes, median %.1f ms  (one text_fold of the file: "
	    "%.1f ms, ratio %.1fx)\n", n / 1000, communes, mp * 1e3, mf * 1e3, mp / mf);
	free(buf);
}

/* Median of 9 keystrokes: the query typed after another one (no narrowing). */
static double
keystroke(const struct table *t, const char *q)
{
	double tk[9];
	struct filter fl;
	filter_init(&fl);
	filter_set(&fl, t, "x");	/* the places parsed, the areas read */
	for (int run = 0; run < 9; run++) {
		filter_set(&fl, t, "");
		double t0 = now();
		filter_set(&fl, t, q);
		tk[run] = now() - t0;
	}
	filter_free(&fl);
	return median(tk, 9);
}

/* What the place look-up adds to a keystroke on the built-in directory:
 * each query on it, against the same query on the same directory with its
 * coverage column renamed (no look-up: the reference, in the same run). */
static void
places_keystrokes(void)
{
	struct directory d;
	struct err e;
	if (directory_load(&d, NULL, NULL, &e) < 0)
		die("built-in: %s", e.msg);
	size_t n;
	char *csv = slurp("data/centres.csv", &n);
	char *h = strstr(csv, ",departements");
	if (!h)
		die("data/centres.csv: no departements column");
	memcpy(h + 1, "xx", 2);	/* "xxpartements": not a known header */
	struct table ref;
	table_init(&ref, "reference");
	if (csvload_buffer(&ref, csv, n, NULL, &e) < 0)
		die("reference: %s", e.msg);
	printf("places: parsed on first use in %.1f ms\n", places_get()->parse_seconds * 1e3);
	static const char *const queries[] = {"bordeaux", "saint-denis", "st", "sai", "bord",
	    "93200", "33", "3300", "nanterre", "l'hay les roses", "occitanie", "zzzz"};
	double worst = 0;
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		double with = keystroke(&d.t, queries[i]), without = keystroke(&ref, queries[i]);
		struct filter fl;
		filter_init(&fl);
		filter_set(&fl, &d.t, queries[i]);
		printf("keystroke %-17s median %6.3f ms  (no look-up: %6.3f ms, ratio %5.1fx, "
		    "+%.3f ms)  %zu places, %zu centres\n", queries[i], with * 1e3, without * 1e3,
		    with / without, (with - without) * 1e3, fl.places.n, fl.n);
		filter_free(&fl);
		if (with - without > worst)
			worst = with - without;
	}
	printf("places: the most a look-up added to a keystroke: %.3f ms (goal: under 5 ms)\n",
	    worst * 1e3);
	/* Typing a town key by key, each key narrowing the last. */
	const char *typed = "saint-denis";
	double tt[5];
	for (int run = 0; run < 5; run++) {
		struct filter fl;
		filter_init(&fl);
		filter_set(&fl, &d.t, "");
		char q[32] = "";
		double slowest = 0;
		for (size_t i = 0; typed[i]; i++) {
			q[i] = typed[i];
			double t0 = now();
			filter_set(&fl, &d.t, q);
			double dt = now() - t0;
			if (dt > slowest)
				slowest = dt;
		}
		tt[run] = slowest;
		filter_free(&fl);
	}
	printf("typing \"%s\" key by key on the built-in directory: slowest keystroke median "
	    "%.3f ms\n", typed, median(tt, 5) * 1e3);
	table_free(&ref);
	free(csv);
	directory_free(&d);
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* The orders by name and by territory (core/sort.c): the first time
 * (computed, median of 3 from a fresh struct sort), the second (kept),
 * and applying a kept order to the rows of a search that nearly every row
 * matches ("r") and to a small one ("louise michel rennes"). The
 * reference, in the same run: qsort() of the same number of 4-byte rows
 * by their number. kv: key=value lines for run.sh, else sentences. */
static void
sort_times(const struct table *t, bool kv)
{
	size_t n = t->nrows;
	uint32_t *v = xmalloc((n ? n : 1) * sizeof *v);
	double tq[3];
	for (int run = 0; run < 3; run++) {
		for (size_t i = 0; i < n; i++)
			v[i] = (uint32_t)((i * 2654435761u) % (n ? n : 1));
		double t0 = now();
		qsort(v, n, sizeof *v, cmp_u32);
		tq[run] = now() - t0;
	}
	double mq = median(tq, 3);
	if (kv)
		printf("sort_rows=%zu\nsort_qsort_ms=%.1f\n", n, mq * 1e3);
	static const char *const searches[] = {"r", "louise michel rennes"};
	struct filter fl[2];
	for (int q = 0; q < 2; q++) {
		filter_init(&fl[q]);
		filter_set(&fl[q], t, searches[q]);
	}
	for (enum sort_key k = SORT_NAME; k <= SORT_TERRITORY; k++) {
		double t1[3], t2[3], ta[2][5];
		struct sort s;
		for (int run = 0; run < 3; run++) {
			sort_init(&s);
			double t0 = now();
			sort_order(&s, t, k);
			t1[run] = now() - t0;
			t0 = now();
			sort_order(&s, t, k);
			t2[run] = now() - t0;
			if (run < 2)
				sort_free(&s);
		}
		for (int q = 0; q < 2; q++)
			for (int run = 0; run < 5; run++) {
				memcpy(v, fl[q].rows, fl[q].n * sizeof *v);
				double t0 = now();
				sort_rows(&s, t, k, v, fl[q].n);
				ta[q][run] = now() - t0;
			}
		/* A loader appending rows: the last 1% (at most 10,000) after
		 * the order of the others was kept (a copy of the table that
		 * shows fewer rows first). */
		struct table part = *t;
		size_t more = n / 100 < 10000 ? n / 100 : 10000;
		double tx[3];
		for (int run = 0; run < 3; run++) {
			struct sort g;
			sort_init(&g);
			part.nrows = n - more;
			sort_order(&g, &part, k);
			part.nrows = n;
			double t0 = now();
			sort_order(&g, &part, k);
			tx[run] = now() - t0;
			sort_free(&g);
		}
		double mx = median(tx, 3);
		double m1 = median(t1, 3), m2 = median(t2, 3), ma = median(ta[0], 5),
		    mb = median(ta[1], 5);
		const char *name = sort_key_name(k);
		if (kv)
			printf("sort_%s_first_ms=%.1f\nsort_%s_second_ms=%.4f\n"
			    "sort_%s_search_ms=%.2f\nsort_%s_search_rows=%zu\n"
			    "sort_%s_small_ms=%.3f\nsort_%s_small_rows=%zu\n"
			    "sort_%s_append_ms=%.1f\nsort_%s_append_rows=%zu\n",
			    name, m1 * 1e3, name, m2 * 1e3, name, ma * 1e3, name, fl[0].n, name,
			    mb * 1e3, name, fl[1].n, name, mx * 1e3, name, more);
		else
			printf("sort by %-9s first %7.1f ms (%.1fx a qsort of the row numbers: %.1f ms), "
			    "second %.4f ms; the rows of \"%s\" (%zu) %.2f ms, of \"%s\" (%zu) %.3f ms; "
			    "%zu rows appended %.1f ms\n",
			    name, m1 * 1e3, m1 / mq, mq * 1e3, m2 * 1e3, searches[0], fl[0].n, ma * 1e3,
			    searches[1], fl[1].n, mb * 1e3, more, mx * 1e3);
		sort_free(&s);
	}
	for (int q = 0; q < 2; q++)
		filter_free(&fl[q]);
	free(v);
}

int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "-g") == 0) {
		char *end;
		long rows = strtol(argv[2], &end, 10);
		if (*argv[2] == '\0' || *end != '\0' || rows < 0)
			die("-g: not a number of rows: %s", argv[2]);
		generate(argv[3], rows);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "-t") == 0) {
		text_paths(argv[2]);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "-s") == 0) {
		struct table t;
		struct err e;
		table_init(&t, argv[2]);
		if (csvload_file(&t, argv[2], NULL, &e) < 0)
			die("%s", e.msg);
		sort_times(&t, true);
		table_free(&t);
		return 0;
	}
	if (argc != 2) {
		fputs("usage: bench -g ROWS FILE   writes a generated directory of ROWS rows\n"
		    "       bench FILE            measures the loader, the filter and the sort on FILE\n"
		    "       bench -t FILE         measures the fast paths for clean text on FILE\n"
		    "       bench -s FILE         measures the sort on FILE (key=value lines)\n", stderr);
		return 2;
	}
	const char *path = argv[1];
	FILE *f = fopen(path, "rb");
	if (!f)
		die("cannot read %s", path);
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	fclose(f);
	printf("bench: %s, %.1f MB\n", path, (double)size / 1e6);

	double tload[3], tread[3];
	struct table t;
	/* As the screen loads it: a large file's rows read again when shown. */
	struct load_opts screen_opts = {.lazy_min = CSVLOAD_LAZY_MIN};
	for (int run = 0; run < 3; run++) {
		double t0 = now();
		FILE *fr = fopen(path, "rb");
		char *buf = xmalloc((size_t)size);
		if (fread(buf, 1, (size_t)size, fr) != (size_t)size)
			die("short read");
		fclose(fr);
		free(buf);
		tread[run] = now() - t0;
		struct err e;
		table_init(&t, path);
		t0 = now();
		if (csvload_file(&t, path, &screen_opts, &e) < 0)
			die("%s", e.msg);
		tload[run] = now() - t0;
		if (run < 2)
			table_free(&t);
	}
	double ml = median(tload, 3), mr = median(tread, 3);
	printf("load:   median %7.1f ms  (reading the file alone: %6.1f ms, ratio %.1fx; %.0f MB/s)\n",
	    ml * 1e3, mr * 1e3, ml / mr, (double)size / 1e6 / ml);

	struct index ix;
	double t0 = now();
	index_build(&ix, &t);
	printf("index:  %7.1f ms (%zu menu entries)\n", (now() - t0) * 1e3, ix.n);

	/* The floor: one memmem over all the folded text (for a word of the
	 * names: a lazy table's territories are not in it, table.h). */
	double tref[5];
	for (int run = 0; run < 5; run++) {
		t0 = now();
		size_t hits = 0;
		const char *p = t.fold.base, *end = t.fold.base + t.fold.len;
		while ((p = memmem(p, (size_t)(end - p), "michel", 6)) != NULL)
			hits++, p += 6;
		tref[run] = now() - t0;
		if (hits == 0)
			die("reference scan found nothing");
	}
	double mref = median(tref, 5);
	printf("memmem over the folded text (reference): %6.1f ms\n", mref * 1e3);

	static const char *const queries[] = {"reunion", "louise michel", "0477", "territoire:loire",
	    "zzzz", "r"};
	for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
		double tq[5];
		size_t found = 0;
		for (int run = 0; run < 5; run++) {
			struct filter fl;
			filter_init(&fl);
			t0 = now();
			filter_set(&fl, &t, queries[q]);
			tq[run] = now() - t0;
			found = fl.n;
			filter_free(&fl);
		}
		double mq = median(tq, 5);
		printf("filter %-18s median %7.1f ms  %8zu rows  (%.1fx the reference)\n",
		    queries[q], mq * 1e3, found, mq / mref);
	}
	/* Typing: each keystroke narrows the previous result. */
	{
		const char *typed = "reunion";
		double tt[5];
		for (int run = 0; run < 5; run++) {
			struct filter fl;
			filter_init(&fl);
			char q[16] = "";
			double worst = 0;
			for (size_t i = 0; typed[i]; i++) {
				q[i] = typed[i];
				t0 = now();
				filter_set(&fl, &t, q);
				double d = now() - t0;
				if (d > worst)
					worst = d;
			}
			tt[run] = worst;
			filter_free(&fl);
		}
		printf("typing \"reunion\" key by key: slowest keystroke median %.1f ms\n",
		    median(tt, 5) * 1e3);
	}
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	/* What the rows hold (a load in stretches leaves the parts of the
	 * arenas it did not write between them: no memory). */
	double text = 0, fold = 0;
	for (size_t r = 0; r < t.nrows; r++) {
		const struct row *w = &t.rows[r];
		if (!t.lazy)
			text += (double)(((w->text_len + 3) & ~3u) + (w->text_len < 65536 ? 2 : 4) *
			    w->nfields);
		fold += w->fold_len;
	}
	if (t.lazy)	/* the values kept, and where each row's are */
		text = (double)t.nrows * t.nres * sizeof *t.res;
	printf("memory: peak RSS %.0f MB = %.2fx the file (%s %.0f MB, folded %.0f MB, rows %.0f MB)\n",
	    (double)ru.ru_maxrss / 1e3, (double)ru.ru_maxrss * 1e3 / (double)size,
	    t.lazy ? "a lazy table (as on the screen): resident values" : "text", text / 1e6,
	    fold / 1e6, (double)t.nrows * sizeof(struct row) / 1e6);
	sort_times(&t, false);	/* after the memory: its peak is the model's */
	index_free(&ix);
	table_free(&t);
	wide_row();
	places_parse_time();
	places_keystrokes();
	return 0;
}
