/* SPDX-License-Identifier: MIT
 * A directory loaded beside the screen (core/loading.c), read while its
 * thread goes on, as the screen reads it: every view published holds rows
 * identical to those of the same file loaded at once, and the filter on
 * the growing view finds what a fresh filter finds; the directory handed
 * over at the end is the one directory_load() gives; a load stopped at
 * once, a missing file, an error near the end; the application typing
 * while the file loads; the areas of a file of places read beside it. `make tsan` runs it under ThreadSanitizer too. */
#include "unit.h"

#include <stdbool.h>
#include <poll.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

#include "app/app.h"
#include "app_keys.h"
#include "app/keys.h"
#include "core/directory.h"
#include "core/filter.h"
#include "core/loading.h"

static uint64_t seed = 88172645463325252u;
static uint32_t
rnd(uint32_t n)
{
	return xorshift(&seed, n);
}
#define PICK(a) ((a)[rnd(sizeof (a) / sizeof (a)[0])])

/* A generated directory of about mib MiB in a file of its own: accents,
 * quoted commas, a line break inside quotes now and then, a ragged row,
 * and `tail` at the end. Returns its path (static). */
static const char *
write_directory_of(double mib, const char *tail, bool depts)
{
	static char path[64];
	static const char *const names[] = {"Centre social", "Maison de quartier",
	    "Pôle ressources", "Cœur de ville", "Foyer rural", "Réseau Écully"};
	static const char *const people[] = {"Émile Zola", "Gisèle Halimi", "Aimé Césaire",
	    "Ève Curie", "Jacques Prévert"};
	static const char *const terr[] = {"La Réunion", "Eure", "Seine-Saint-Denis", "Gironde",
	    "Val-d'Oise"};
	static const char *const reg[] = {"La Réunion", "Normandie", "Île-de-France",
	    "Nouvelle-Aquitaine", "Île-de-France"};
	snprintf(path, sizeof path, "/tmp/centres-loading-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert_non_null(f);
	static const char *const dept[] = {"974", "27", "93 94", "33", "95"};
	fputs(depts ? "id,nom,sigle,territoire,region,telephone,adresse,departements\n" :
	    "id,nom,sigle,territoire,region,telephone,adresse\n", f);
	for (size_t i = 0; ftell(f) < (long)(mib * 1048576); i++) {
		size_t k = rnd(5);
		fprintf(f, "%zu,", i);
		if (rnd(3) == 0)
			fprintf(f, "\"%s %s, %s\",", PICK(names), PICK(people), terr[k]);
		else
			fprintf(f, "%s %s,", PICK(names), PICK(people));
		fprintf(f, "CS%zu,%s,%s,0%u %02u %02u %02u %02u,", i, terr[k], reg[k], 1 + rnd(5),
		    rnd(100), rnd(100), rnd(100), rnd(100));
		if (rnd(2000) == 0)
			fprintf(f, "\"%u rue Foch\nBP %u\"", rnd(90), rnd(900));
		else
			fprintf(f, "\"%u, rue de la Paix\"", rnd(90));
		if (depts)
			fprintf(f, ",%s", dept[k]);
		else if (rnd(5000) == 0)
			fputs(",de trop", f);
		fputc('\n', f);
	}
	fputs(tail, f);
	assert_int_equal(fclose(f), 0);
	return path;
}

static const char *
write_directory(double mib, const char *tail)
{
	return write_directory_of(mib, tail, false);
}

static void
same_row(const struct table *a, const struct table *b, size_t r)
{
	assert_int_equal(a->rows[r].nfields, b->rows[r].nfields);
	assert_int_equal(a->rows[r].line, b->rows[r].line);
	for (size_t c = 0; c < a->rows[r].nfields; c++)
		assert_string_equal(F(a, r, c), F(b, r, c));
	same_folds(a, b, r);
}

static void
rest(void)
{
	struct timespec ts = {0, 500000};	/* 0.5 ms */
	nanosleep(&ts, NULL);
}

/* While it loads, each view holds the first rows of the file as a load at
 * once reads them; the filter on the growing view (one address, as the
 * screen's) finds what a fresh one does; at the end the same directory. */
static void
views_of(const struct load_opts *o)
{
	const char *path = write_directory(6, "");
	struct directory ref;
	struct err e;
	assert_int_equal(directory_load(&ref, path, NULL, &e), 0);

	struct loading *l = loading_start(path, o);
	struct table view;
	struct loading_status s = {0};
	struct filter f;
	filter_init(&f);
	static const char *const typed[] = {"r", "re", "reu", "reun", "reu", "ecully", "zola",
	    "0", "01", "cs1", ""};
	size_t views = 0, k = 0, last = 0;
	do {
		loading_peek(l, &view, &s);
		assert_true(view.nrows >= last);
		assert_true(view.nrows <= ref.t.nrows);
		assert_true(view.loading);
		last = view.nrows;
		if (view.nrows) {
			views++;
			/* A longer row further on adds a column later. */
			assert_true(view.ncols >= 7 && view.ncols <= ref.t.ncols);
			for (size_t c = 0; c < view.ncols; c++)
				assert_string_equal(view.cols[c].name, ref.t.cols[c].name);
			same_row(&view, &ref.t, 0);
			same_row(&view, &ref.t, view.nrows - 1);
			same_row(&view, &ref.t, rnd((uint32_t)view.nrows));
		}
		/* The screen's view: one struct, more rows each time. */
		static struct table shown;
		shown = view;
		const char *q = typed[k++ % (sizeof typed / sizeof typed[0])];
		filter_set(&f, &shown, q);
		struct filter fresh;
		filter_init(&fresh);
		filter_set(&fresh, &shown, q);
		assert_int_equal(f.n, fresh.n);
		if (f.n)
			assert_memory_equal(f.rows, fresh.rows, f.n * sizeof *f.rows);
		filter_free(&fresh);
		rest();
	} while (!s.ended);
	print_message("%zu views with rows seen while loading %zu rows\n", views, ref.t.nrows);
	/* The end is said to whoever waits on its descriptor (the screen's
	 * loop, beside the keys). */
	struct pollfd pf = {.fd = loading_fd(l), .events = POLLIN};
	assert_true(pf.fd >= 0);
	assert_int_equal(poll(&pf, 1, 5000), 1);
	assert_true(pf.revents & POLLIN);

	struct directory d;
	assert_int_equal(loading_finish(l, &d, &e), 0);
	assert_int_equal(d.t.nrows, ref.t.nrows);
	assert_true((d.t.lazy != NULL) == (o && o->lazy_min));	/* as it was asked */
	assert_int_equal(d.t.nwarn_total, ref.t.nwarn_total);
	assert_true(d.t.nwarn_total > 0);	/* the ragged rows, as at once */
	assert_int_equal(d.ix.n, ref.ix.n);
	for (size_t i = 0; i < d.ix.n; i++)
		assert_string_equal(d.ix.e[i].label, ref.ix.e[i].label);
	for (size_t r = 0; r < d.t.nrows; r++)
		same_row(&d.t, &ref.t, r);
	assert_false(d.t.loading);
	filter_free(&f);
	directory_free(&d);
	directory_free(&ref);
	unlink(path);
}

/* As the screen loads (a lazy table, a stretch a core: the rows of each
 * view read again from the file while the load goes on), in three
 * stretches beside the views (as a machine of three cores does), and with
 * every field in memory. */
static void
views_while_loading(void **state)
{
	(void)state;
	struct load_opts screen = {.lazy_min = CSVLOAD_LAZY_MIN};
	views_of(&screen);
	struct load_opts three = {.lazy_min = CSVLOAD_LAZY_MIN, .stretches = 3};
	views_of(&three);
	views_of(NULL);
}

/* Stopped at once, then again half-way: nothing left behind (ASan and
 * LeakSanitizer say so), and it does not wait for the end. */
static void
cancelled(void **state)
{
	(void)state;
	const char *path = write_directory(12, "");
	loading_cancel(loading_start(path, NULL));
	struct loading *l = loading_start(path, NULL);
	struct loading_status s;
	do {
		loading_peek(l, NULL, &s);
		rest();
	} while (!s.rows && !s.ended);
	bool before_end = !s.ended;
	loading_cancel(l);
	print_message("cancelled %s the end\n", before_end ? "before" : "after");
	unlink(path);
}

/* Errors come out of loading_finish, as directory_load() gives them, with
 * the rows read before. */
static void
errors(void **state)
{
	(void)state;
	struct directory d;
	struct err e;
	struct loading *l = loading_start("/nonexistent/centres.csv", NULL);
	assert_true(loading_wait(l, 5000));
	assert_int_equal(loading_finish(l, &d, &e), -1);
	assert_string_equal(ERR(&e), "/nonexistent/centres.csv: No such file or directory");
	directory_free(&d);

	const char *path = write_directory(3, "99999999,\"Centre jamais fermé,Eure\n");
	struct directory ref;
	struct err re;
	assert_int_equal(directory_load(&ref, path, NULL, &re), -1);
	l = loading_start(path, NULL);
	assert_int_equal(loading_finish(l, &d, &e), -1);
	assert_string_equal(ERR(&e), ERR(&re));
	assert_int_equal(e.line, re.line);
	assert_true(d.t.nrows > 1000);
	assert_int_equal(d.t.nrows, ref.t.nrows);
	directory_free(&d);
	directory_free(&ref);
	unlink(path);
}

/* The application while the file loads: typing searches the rows there
 * are, the status line says how far it is, an export waits for the end;
 * at the end the lists are those of the file loaded at once. */
static void
app_while_loading(void **state)
{
	(void)state;
	const char *path = write_directory(8, "");
	static const struct app_config cfg = {.screen = {.job_control = true}};
	struct app a, ref;
	struct directory d;
	struct err e;
	assert_int_equal(directory_load(&d, path, NULL, &e), 0);
	app_init(&ref, &d, path, &cfg, 100, 30);
	type(&ref, "zola");

	app_init_loading(&a, loading_start(path, NULL), path, &cfg, 100, 30);
	assert_non_null(a.loading);
	assert_non_null(strstr(a.st.loadline, "Loading "));
	type(&a, "zola");
	char out[128];
	snprintf(out, sizeof out, "%s.export", path);
	/* F2, a name, Enter: refused while loading, nothing written. */
	app_key(&a, K_F(2));
	app_key(&a, K_CTRL('u'));
	type(&a, out);
	assert_non_null(a.loading);	/* 8 MiB take longer than these keys */
	app_key(&a, '\r');
	assert_string_equal(a.st.status,
	    "The file is still loading: you can do this once it is loaded.");
	assert_int_equal(access(out, F_OK), -1);
	size_t before = a.st.nlist;
	uint64_t ms = 1000;
	while (a.loading) {
		app_clock(&a, ms += 100);	/* the screen looks every 100 ms */
		app_idle(&a);
		assert_true(a.st.nlist >= before);	/* the results only grow */
		before = a.st.nlist;
		rest();
	}
	assert_string_equal(a.st.loadline, "");
	/* The ragged rows: said at the end as at the start of a load at once. */
	assert_non_null(strstr(a.st.status, "warnings while loading (see centres --check)."));
	assert_int_equal(a.dir.t.nrows, ref.dir.t.nrows);
	assert_int_equal(a.st.nlist, ref.st.nlist);
	assert_memory_equal(a.st.list, ref.st.list, a.st.nlist * sizeof *a.st.list);
	assert_int_equal(a.st.nmenu, ref.st.nmenu);
	/* And it goes on as any: Backspace, another word. */
	app_key(&a, 127);
	type(&a, "a");
	app_key(&ref, 127);
	type(&ref, "a");
	assert_int_equal(a.st.nlist, ref.st.nlist);
	app_free(&a);
	app_free(&ref);
	unlink(out);
	unlink(path);
}

/* A key is answered before the load is looked at again: app_answer()
 * (what the screen calls after keys) leaves a look that is due to the next
 * app_idle(), which app_wait() says is at once; a look put off for a
 * whole period more is done with the keys' answer. */
static void
keys_answered_before_a_look(void **state)
{
	(void)state;
	const char *path = write_directory(8, "");
	static const struct app_config cfg = {.screen = {.job_control = true}};
	struct app a;
	app_init_loading(&a, loading_start(path, NULL), path, &cfg, 100, 30);
	app_clock(&a, 1000);
	app_idle(&a);
	assert_int_equal(a.load_looked, 1000);
	assert_true(app_wait(&a) > 0);	/* the next look in a while */
	app_clock(&a, 1300);	/* a look is due */
	app_key(&a, 'z');
	app_answer(&a);
	if (!a.loading)
		skip();	/* 8 MiB take longer than this, but a fast machine... */
	assert_int_equal(a.load_looked, 1000);	/* not yet */
	assert_string_equal(a.st.query.s, "z");	/* the key is answered */
	assert_int_equal(app_wait(&a), 0);	/* at once after it is drawn */
	app_idle(&a);
	if (!a.loading)
		skip();
	assert_int_equal(a.load_looked, 1300);
	assert_true(app_wait(&a) > 0);
	app_clock(&a, 1300 + 500);	/* put off a whole period more */
	app_key(&a, 'o');
	app_answer(&a);
	assert_true(!a.loading || a.load_looked == 1800);
	while (a.loading) {
		app_clock(&a, a.now + 100);
		app_idle(&a);
		rest();
	}
	app_free(&a);
	unlink(path);
}

/* A file whose rows say where they work: the areas are read beside the
 * screen too, and handed to the filter, which then finds places (and says
 * where no centre works) as it does on the file loaded at once. */
static void
places_after_loading(void **state)
{
	(void)state;
	const char *path = write_directory_of(3, "", true);
	static const struct app_config cfg = {.screen = {.job_control = true}};
	struct app a, ref;
	struct directory d;
	struct err e;
	assert_int_equal(directory_load(&d, path, NULL, &e), 0);
	assert_null(d.cov);	/* at once: read by the first query that needs them */
	struct directory bg;	/* beside the screen: read with the rows */
	assert_int_equal(loading_finish(loading_start(path, NULL), &bg, &e), 0);
	assert_non_null(bg.cov);
	assert_int_equal(bg.cov->nrows, bg.t.nrows);
	assert_int_equal(bg.cov->col, (int)bg.t.ncols - 1);
	directory_free(&bg);
	app_init(&ref, &d, path, &cfg, 100, 30);
	app_init_loading(&a, loading_start(path, NULL), path, &cfg, 100, 30);
	type(&a, "bordeaux");
	uint64_t ms = 1000;
	while (a.loading) {
		app_clock(&a, ms += 100);
		app_idle(&a);
		rest();
	}
	assert_non_null(a.st.f.cov);	/* taken from the load, and used: */
	assert_int_equal(a.st.f.cov->nrows, a.dir.t.nrows);
	struct coverage *adopted = a.st.f.cov;
	static const char *const queries[] = {"bordeaux", "gironde", "hauts-de-seine", "93200",
	    "zola 974", "normandie"};
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		app_key(&a, K_CTRL('u'));
		app_key(&ref, K_CTRL('u'));
		type(&a, queries[i]);
		type(&ref, queries[i]);
		assert_ptr_equal(a.st.f.cov, adopted);	/* never read again */
		if (!a.st.nlist)
			fail_msg("\"%s\": nothing found (%zu at once)", queries[i], ref.st.nlist);
		assert_int_equal(a.st.nlist, ref.st.nlist);
		assert_memory_equal(a.st.list, ref.st.list, a.st.nlist * sizeof *a.st.list);
		if (ref.st.f.place_note)
			assert_string_equal(a.st.f.place_note, ref.st.f.place_note);
		else
			assert_null(a.st.f.place_note);
	}
	app_free(&a);
	app_free(&ref);
	unlink(path);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(views_while_loading),
		cmocka_unit_test(cancelled),
		cmocka_unit_test(errors),
		cmocka_unit_test(app_while_loading),
		cmocka_unit_test(keys_answered_before_a_look),
		cmocka_unit_test(places_after_loading),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
