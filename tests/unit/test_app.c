/* SPDX-License-Identifier: MIT
 * The application without a terminal, driven by keys as a person types
 * them: export (the centres shown, never over a file, never through a
 * symbolic link, an unwritable or missing folder), open and reload (a
 * missing file, a half-written one), the copy text, suspending, restricted
 * mode; and what it hands back to the terminal. On tests/data/annuaire.csv. */
#include "unit.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "app/app.h"
#include "app_keys.h"
#include "app/keys.h"
#include "core/directory.h"
#include "core/output.h"

struct fixture {
	struct app a;
	char dir[64];	/* a folder of its own for the files */
	char path[128];	/* a copy of the test directory, in dir */
};

static void
copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	assert_non_null(in);
	assert_non_null(out);
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	assert_int_equal(fclose(out), 0);
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void
append_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "ab");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void
start(struct fixture *fx, const struct app_config *cfg)
{
	struct directory d;
	struct err e;
	assert_int_equal(directory_load(&d, fx->path, &cfg->load, &e), 0);
	app_init(&fx->a, &d, fx->path, cfg, 80, 24);
}

static const struct app_config plain = {.screen = {.job_control = true}};

static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	if (!fx)
		return -1;
	snprintf(fx->dir, sizeof fx->dir, "/tmp/centres-app-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	snprintf(fx->path, sizeof fx->path, "%s/annuaire.csv", fx->dir);
	copy_file(FIXTURE, fx->path);
	start(fx, &plain);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;
	app_free(&fx->a);
	char cmd[256];
	snprintf(cmd, sizeof cmd, "chmod -R u+w %s; rm -rf %s", fx->dir, fx->dir);
	if (system(cmd) != 0)
		return -1;
	free(fx);
	return 0;
}

static const char *
selected_name(const struct app *a)
{
	long r = state_row(&a->st);
	return r < 0 ? "" : table_name(&a->dir.t, (size_t)r, NULL);
}

/* F2, the name typed over the one proposed, Enter: the export. */
static unsigned
export_to(struct app *a, const char *name)
{
	app_key(a, K_F(2));
	app_key(a, K_CTRL('u'));
	type(a, name);
	return app_key(a, '\r');
}

static bool
exists(const char *path)
{
	struct stat sb;
	return lstat(path, &sb) == 0;
}

/* The rows a CSV file loads back to; -1 when it does not load. */
static long
rows_in(const char *path)
{
	struct directory d;
	struct err e;
	if (directory_load(&d, path, NULL, &e) < 0)
		return -1;
	long n = (long)d.t.nrows;
	directory_free(&d);
	return n;
}

static void
export_writes_the_centres_shown(void **state)
{
	struct fixture *fx = *state;
	struct app *a = &fx->a;
	char out[256];
	snprintf(out, sizeof out, "%s/tout.csv", fx->dir);
	/* What the terminal gets back: a redraw, nothing of the file. */
	assert_int_equal(export_to(a, out), REACT_DRAW);
	snprintf(out, sizeof out, "Exported 18 centres to %s/tout.csv.", fx->dir);
	assert_string_equal(a->st.status, out);
	snprintf(out, sizeof out, "%s/tout.csv", fx->dir);
	assert_int_equal(rows_in(out), 18);
	/* Only the centres matching the filter. */
	type(a, "0465");
	assert_int_equal(a->st.f.n, 3);
	snprintf(out, sizeof out, "%s/trois.csv", fx->dir);
	export_to(a, out);
	assert_non_null(strstr(a->st.status, "Exported 3 centres to"));
	assert_int_equal(rows_in(out), 3);
	/* A plain file its owner can read and write. */
	struct stat sb;
	assert_int_equal(lstat(out, &sb), 0);
	assert_true(S_ISREG(sb.st_mode) && (sb.st_mode & 0600) == 0600);
	/* ~/ is the home directory. */
	setenv("HOME", fx->dir, 1);
	export_to(a, "~/maison.csv");
	assert_string_equal(a->st.status, "Exported 3 centres to ~/maison.csv.");
	snprintf(out, sizeof out, "%s/maison.csv", fx->dir);
	assert_int_equal(rows_in(out), 3);
	/* In the order the list shows (F7: by name). */
	app_key(a, K_CTRL('u'));
	app_key(a, K_F(7));
	app_idle(a);
	assert_int_equal(a->st.order, SORT_NAME);
	snprintf(out, sizeof out, "%s/par-nom.csv", fx->dir);
	export_to(a, out);
	struct directory d;
	struct err e;
	assert_int_equal(directory_load(&d, out, NULL, &e), 0);
	assert_int_equal(d.t.nrows, a->st.nlist);
	for (size_t r = 0; r < d.t.nrows; r++)
		assert_string_equal(table_name(&d.t, r, NULL),
		    table_name(&a->dir.t, a->st.list[r], NULL));
	bool moved = false;	/* not the file's order */
	for (size_t r = 0; r < d.t.nrows; r++)
		moved = moved || strcmp(table_name(&d.t, r, NULL), table_name(&a->dir.t, r, NULL));
	assert_true(moved);
	directory_free(&d);
}

static void
export_never_over_a_file(void **state)
{
	struct fixture *fx = *state;
	struct app *a = &fx->a;
	char out[256];
	snprintf(out, sizeof out, "%s/deja.csv", fx->dir);
	write_file(out, "ne pas toucher\n");
	export_to(a, out);
	assert_string_equal(a->st.status,
	    "Not exported (F2 to correct the name): it already exists, nothing written.");
	assert_int_equal(rows_in(out), 0);	/* its one line: a header, no row */
	FILE *f = fopen(out, "r");
	char line[64] = "";
	assert_non_null(fgets(line, sizeof line, f));
	fclose(f);
	assert_string_equal(line, "ne pas toucher\n");
	/* The name comes back at the next F2, to correct it. */
	app_key(a, K_CTRL('s'));
	assert_string_equal(a->st.input.s, out);
	app_key(a, K_ESC);
	assert_string_equal(a->st.status, "Nothing exported.");
}

static void
export_never_through_a_link(void **state)
{
	struct fixture *fx = *state;
	struct app *a = &fx->a;
	char link[256], target[256], existing[256];
	/* A link to a file that does not exist yet: nothing is created. */
	snprintf(link, sizeof link, "%s/lien.csv", fx->dir);
	snprintf(target, sizeof target, "%s/cible.csv", fx->dir);
	assert_int_equal(symlink(target, link), 0);
	export_to(a, link);
	assert_non_null(strstr(a->st.status, "Not exported (F2 to correct the name):"));
	assert_false(exists(target));
	/* A link to an existing file: the file is left as it was. */
	snprintf(existing, sizeof existing, "%s/garde.csv", fx->dir);
	write_file(existing, "a\n");
	snprintf(link, sizeof link, "%s/lien2.csv", fx->dir);
	assert_int_equal(symlink(existing, link), 0);
	export_to(a, link);
	assert_non_null(strstr(a->st.status, "Not exported"));
	struct stat sb;
	assert_int_equal(stat(existing, &sb), 0);
	assert_int_equal(sb.st_size, 2);
}

static void
export_into_a_folder_it_cannot_write(void **state)
{
	struct fixture *fx = *state;
	struct app *a = &fx->a;
	char out[256];
	/* A folder that does not exist. */
	snprintf(out, sizeof out, "%s/nulle-part/x.csv", fx->dir);
	export_to(a, out);
	assert_string_equal(a->st.status,
	    "Not exported (F2 to correct the name): No such file or directory.");
	/* A folder without write permission; root writes anywhere on a disk,
	 * so it is shown with /sys, which nobody may create files in. */
	char ro[160];
	if (geteuid() == 0) {
		snprintf(ro, sizeof ro, "/sys");
		struct stat sb;
		if (stat(ro, &sb) != 0)
			skip();
	} else {
		snprintf(ro, sizeof ro, "%s/lecture", fx->dir);
		assert_int_equal(mkdir(ro, 0555), 0);
	}
	snprintf(out, sizeof out, "%s/x.csv", ro);
	export_to(a, out);
	assert_string_equal(a->st.status,
	    "Not exported (F2 to correct the name): Permission denied.");
	assert_false(exists(out));
}

/* The export to out, to its end, in a child whose files may not grow past
 * limit bytes (the limit applies to every file); the status line it ends
 * with, into status. */
static void
export_with_limit(struct app *a, const char *out, rlim_t limit, char *status, size_t size)
{
	int p[2];
	assert_int_equal(pipe(p), 0);
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		struct rlimit rl = {limit, limit};
		signal(SIGXFSZ, SIG_IGN);
		setrlimit(RLIMIT_FSIZE, &rl);
		export_to(a, out);
		for (int k = 0; a->exporting && k < 100; k++)
			app_idle(a);	/* a large one, a slice at a time */
		ssize_t w = write(p[1], a->st.status, strlen(a->st.status));
		_exit(w > 0 ? 0 : 1);
	}
	close(p[1]);
	ssize_t n = read(p[0], status, size - 1);
	close(p[0]);
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(n > 0);
	status[n] = '\0';
}

/* A write that fails (here the file size limit, as a full disk would):
 * the first error is told, not what closing says after it, and nothing is
 * left behind. In a child: the limit applies to every file. */
static void
export_tells_the_first_error(void **state)
{
	struct fixture *fx = *state;
	struct app *a = &fx->a;
	char out[256];
	snprintf(out, sizeof out, "%s/petit.csv", fx->dir);
	char status[512];
	export_with_limit(a, out, 100, status, sizeof status);
	assert_string_equal(status, "Not exported (F2 to correct the name): File too large.");
	assert_false(exists(out));
}

/* A directory of n centres (a row of about 130 bytes each: 10,000 make a
 * file over 1 MiB, read as the screen reads a large one) in place of the
 * test one, its app started on it. */
static void
start_on_rows(struct fixture *fx, size_t n)
{
	app_free(&fx->a);
	snprintf(fx->path, sizeof fx->path, "%s/grand.csv", fx->dir);
	FILE *f = fopen(fx->path, "wb");
	assert_non_null(f);
	fputs("nom,territoire,region,telephone,adresse\n", f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "Centre social numéro %zu,Rhône,Auvergne-Rhône-Alpes,04 72 %02zu %02zu %02zu,"
		    "\"%zu, rue de la République, 69001 Lyon, bâtiment B, escalier %zu\"\n", i,
		    i / 10000 % 100, i / 100 % 100, i % 100, i, i % 7);
	assert_int_equal(fclose(f), 0);
	struct app_config cfg = plain;
	cfg.load.lazy_min = 1 << 20;
	start(fx, &cfg);
	/* What the screen does while no key comes, until the load is looked at. */
	app_idle(&fx->a);
}

/* The app_idle() calls an export of a large list takes to end (at most
 * max), with the status line after the first one in first. */
static int
idle_until_exported(struct app *a, int max, char *first, size_t size)
{
	int k = 0;
	while (a->exporting && k < max) {
		app_clock(a, a->now + 1);
		assert_true(app_wait(a) == 0);	/* no waiting for a key meanwhile */
		app_idle(a);
		if (k++ == 0)
			snprintf(first, size, "%s", a->st.status);
	}
	return k;
}

/* A large export is written a slice at a time between keys, saying how far
 * it is; the keys still answer (F5 and another export wait for its end,
 * and say so); the file is the list as a small export writes it. */
static void
export_large_in_slices(void **state)
{
	struct fixture *fx = *state;
	start_on_rows(fx, 10000);
	struct app *a = &fx->a;
	assert_true(a->dir.t.lazy);
	char out[256], want[700], first[600];
	snprintf(out, sizeof out, "%s/grand-export.csv", fx->dir);
	export_to(a, out);
	assert_non_null(a->exporting);
	snprintf(want, sizeof want, "Exporting 10000 centres to %s: 0%% (Esc stops it).", out);
	assert_string_equal(a->st.status, want);
	/* Keys answer meanwhile: a move; a reload and an export wait. */
	app_key(a, '\t');	/* to the list of centres */
	long before = state_row(&a->st);
	app_key(a, K_DOWN);
	assert_true(state_row(&a->st) != before);
	app_key(a, K_F(5));
	assert_string_equal(a->st.status, "An export is under way: Esc stops it.");
	assert_false(a->reload_pending);
	/* That word stays until the next key, the export going on. */
	app_idle(a);
	assert_string_equal(a->st.status, "An export is under way: Esc stops it.");
	assert_non_null(a->exporting);
	app_key(a, K_UP);
	int steps = idle_until_exported(a, 100, first, sizeof first);
	snprintf(want, sizeof want, "Exporting 10000 centres to %s: 81%% (Esc stops it).", out);
	assert_string_equal(first, want);
	assert_int_equal(steps, 2);	/* 4,096 centres a slice: 3 in all */
	snprintf(want, sizeof want, "Exported 10000 centres to %s.", out);
	assert_string_equal(a->st.status, want);
	/* The same bytes as the centres written at once (--list --format csv). */
	FILE *mem = tmpfile();
	assert_non_null(mem);
	output_rows(mem, &a->dir.t, a->st.f.rows, a->st.f.n, FORMAT_CSV, 0, 0);
	long size = ftell(mem);
	struct stat sb;
	assert_int_equal(stat(out, &sb), 0);
	assert_int_equal(sb.st_size, size);
	rewind(mem);
	FILE *got = fopen(out, "rb");
	assert_non_null(got);
	int c, d;
	long at = 0;
	while ((c = getc(mem)) != EOF && (d = getc(got)) == c)
		at++;
	assert_int_equal(at, size);
	fclose(got);
	fclose(mem);
	assert_int_equal(rows_in(out), 10000);
}

/* Esc and Ctrl-C stop a large export, F10 too as it quits: the file is
 * removed, never left half written. */
static void
export_large_stopped(void **state)
{
	struct fixture *fx = *state;
	start_on_rows(fx, 10000);
	struct app *a = &fx->a;
	char out[256];
	snprintf(out, sizeof out, "%s/arrete.csv", fx->dir);
	export_to(a, out);
	app_idle(a);
	assert_true(exists(out));
	app_key(a, K_ESC);
	assert_null(a->exporting);
	assert_string_equal(a->st.status, "Export stopped: nothing written.");
	assert_false(exists(out));
	/* Esc again is Esc: the search it clears (none), no message. */
	app_key(a, K_ESC);
	assert_string_equal(a->st.status, "");
	export_to(a, out);
	app_key(a, K_CTRL('c'));
	assert_string_equal(a->st.status, "Export stopped: nothing written.");
	assert_false(exists(out));
	export_to(a, out);
	assert_true(app_key(a, K_F(10)) & REACT_QUIT);
	assert_null(a->exporting);
	assert_false(exists(out));
	/* Quitting otherwise (a signal: the app freed) removes it too. */
	export_to(a, out);
	assert_true(exists(out));
	app_free(a);
	assert_false(exists(out));
	start(fx, &plain);
}

/* The fixture's file written over in place: the same file (inode), other
 * bytes, a later time. */
static void
rewrite_in_place(struct fixture *fx)
{
	struct timespec pause = {0, 20 * 1000 * 1000};
	nanosleep(&pause, NULL);
	FILE *f = fopen(fx->path, "r+b");
	assert_non_null(f);
	assert_int_equal(fseek(f, 200, SEEK_SET), 0);
	fputs("Réécrit", f);
	assert_int_equal(fclose(f), 0);
}

/* A large file written over in place while it is shown: an export would
 * write the centres' folded text (their fields can no longer be read), so
 * there is none, and no file; F5 first. */
static void
export_refused_once_the_file_changed(void **state)
{
	struct fixture *fx = *state;
	start_on_rows(fx, 10000);
	struct app *a = &fx->a;
	rewrite_in_place(fx);
	char out[256];
	snprintf(out, sizeof out, "%s/perime.csv", fx->dir);
	export_to(a, out);
	for (int k = 0; a->exporting && k < 100; k++)
		app_idle(a);
	assert_string_equal(a->st.status, "Not exported: the file has changed on disk since it "
	    "was read (F5 reads it again).");
	assert_false(exists(out));
	/* Known now: refused before a file is made. */
	export_to(a, out);
	assert_null(a->exporting);
	assert_string_equal(a->st.status, "Not exported: the file has changed on disk since it "
	    "was read (F5 reads it again).");
	assert_false(exists(out));
}

/* Copying from a large file written over in place since it was read:
 * refused as an export is (what would go is its centres' folded form: an
 * e-mail address with spaces for its dots), until F5. */
static void
copy_refused_once_the_file_changed(void **state)
{
	struct fixture *fx = *state;
	start_on_rows(fx, 10000);
	struct app *a = &fx->a;
	type(a, "\"numero 1\"");
	app_key(a, K_F(4));
	assert_true(app_key(a, '1') & REACT_COPY);
	assert_string_equal(app_clipboard(a), "04 72 00 00 01");
	rewrite_in_place(fx);
	/* A centre read from the file now. */
	app_key(a, K_CTRL('u'));
	type(a, "\"numero 9999\"");
	app_key(a, K_F(4));
	assert_int_equal(app_key(a, '1') & REACT_COPY, 0);
	assert_string_equal(a->st.status, "Not copied: the file has changed on disk since it was "
	    "read (F5 reads it again).");
	assert_string_equal(app_clipboard(a), "");
	/* Read again: copied. */
	app_key(a, K_F(5));
	app_idle(a);	/* begun when no key is waiting; beside the screen */
	for (int k = 0; (a->loading || a->reloading) && k < 2000; k++) {
		struct timespec ms = {0, 1000 * 1000};
		nanosleep(&ms, NULL);
		app_idle(a);
	}
	app_key(a, K_F(4));
	assert_true(app_key(a, '1') & REACT_COPY);
	assert_string_equal(app_clipboard(a), "04 72 00 99 99");
}

/* A large export that the system stops half way (the file size limit
 * here): the system's reason, and no file left half written. */
static void
export_large_tells_the_error(void **state)
{
	struct fixture *fx = *state;
	start_on_rows(fx, 10000);
	struct app *a = &fx->a;
	char out[256];
	snprintf(out, sizeof out, "%s/coupe.csv", fx->dir);
	char status[512];
	/* Past the first slice (4,096 centres of about 130 bytes). */
	export_with_limit(a, out, 800000, status, sizeof status);
	assert_string_equal(status, "Not exported (F2 to correct the name): File too large.");
	assert_false(exists(out));
}

/* Exported files are for their owner: 0600 whatever the umask allows. */
static void
export_for_its_owner_only(void **state)
{
	struct fixture *fx = *state;
	struct app *a = &fx->a;
	char out[256];
	mode_t old = umask(022);
	snprintf(out, sizeof out, "%s/prive.csv", fx->dir);
	export_to(a, out);
	struct stat sb;
	assert_int_equal(stat(out, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	umask(077);
	snprintf(out, sizeof out, "%s/prive2.csv", fx->dir);
	export_to(a, out);
	assert_int_equal(stat(out, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	umask(old);
	/* Cells a spreadsheet would run as formulas are written as text. */
	write_file(fx->path, "nom,telephone\n=HYPERLINK(\"x\"),+33 1 99 00 00 01\n");
	app_key(a, K_F(5));
	app_idle(a);
	snprintf(out, sizeof out, "%s/formule.csv", fx->dir);
	export_to(a, out);
	FILE *f = fopen(out, "r");
	char line[128] = "";
	assert_non_null(fgets(line, sizeof line, f));
	assert_non_null(fgets(line, sizeof line, f));
	fclose(f);
	assert_string_equal(line, "\"'=HYPERLINK(\"\"x\"\")\",'+33 1 99 00 00 01\r\n");
}

static void
open_another_file(void **state)
{
	struct fixture *fx = *state;
	struct app *a = &fx->a;
	char other[256], msg[512];
	/* Missing: said, the data stays, the name comes back. */
	snprintf(other, sizeof other, "%s/absent.csv", fx->dir);
	app_key(a, K_F(3));
	type(a, other);
	assert_int_equal(app_key(a, '\r'), REACT_DRAW);
	snprintf(msg, sizeof msg, "Not opened (F3 to correct the name): %s: No such file or directory",
	    other);
	assert_string_equal(a->st.status, msg);
	assert_int_equal(a->dir.t.nrows, 18);
	app_key(a, K_F(3));
	assert_string_equal(a->st.input.s, other);
	app_key(a, K_CTRL('u'));
	/* Half-written: a quote never closed, on line 3. */
	snprintf(other, sizeof other, "%s/moitie.csv", fx->dir);
	write_file(other, "nom,telephone\nMaison A,01 99 00 00 01\n\"Maison B,01 99 00");
	type(a, other);
	app_key(a, '\r');
	snprintf(msg, sizeof msg, "Not opened (F3 to correct the name): %s:3: unterminated quoted "
	    "field: the quote opened on this line is never closed", other);
	assert_string_equal(a->st.status, msg);
	assert_int_equal(a->dir.t.nrows, 18);
	assert_string_equal(a->path, fx->path);
	/* A good one: on screen, and reload reads it from now on. */
	snprintf(other, sizeof other, "%s/deux.csv", fx->dir);
	write_file(other, "nom,telephone\nMaison A,01 99 00 00 01\nMaison B,01 99 00 00 02\n");
	app_key(a, K_F(3));
	app_key(a, K_CTRL('u'));
	type(a, other);
	app_key(a, '\r');
	snprintf(msg, sizeof msg, "Opened %s: 2 centres.", other);
	assert_string_equal(a->st.status, msg);
	assert_int_equal(a->dir.t.nrows, 2);
	assert_int_equal(a->st.nlist, 2);
	append_file(other, "Maison C,01 99 00 00 03\n");
	app_key(a, K_F(5));
	app_idle(a);
	snprintf(msg, sizeof msg, "Reloaded %s: 3 centres.", other);
	assert_string_equal(a->st.status, msg);
	assert_int_equal(a->dir.t.nrows, 3);
	/* One centre: said in the singular. */
	write_file(other, "nom,telephone\nMaison A,01 99 00 00 01\n");
	app_key(a, K_F(5));
	app_idle(a);
	snprintf(msg, sizeof msg, "Reloaded %s: 1 centre.", other);
	assert_string_equal(a->st.status, msg);
}

static void
reload_keeps_or_says_why_not(void **state)
{
	struct fixture *fx = *state;
	struct app *a = &fx->a;
	app_key(a, '\t');
	while (strcmp(selected_name(a), "Bocagevilles") != 0)
		app_key(a, K_DOWN);
	/* A new phone number, and a row above removed: the same centre. */
	write_file(fx->path,
	    "id,nom,territoire,region,telephone\n"
	    "2,Maison des Lucioles,Port-Émeraude,Île-Verte,01 99 00 26 36\n"
	    "17,Bocagevilles,Normeaux,Normeaux,02 61 91 99 99\n");
	assert_int_equal(app_key(a, K_F(5)), REACT_DRAW);
	assert_int_equal(a->reloads, 0);	/* when no more key is waiting */
	assert_int_equal(app_idle(a), REACT_DRAW);
	assert_int_equal(a->reloads, 1);
	assert_non_null(strstr(a->st.status, "Reloaded"));
	assert_non_null(strstr(a->st.status, ": 2 centres."));
	assert_string_equal(selected_name(a), "Bocagevilles");
	assert_string_equal(table_role(&a->dir.t, (size_t)state_row(&a->st), ROLE_PHONE, NULL),
	    "02 61 91 99 99");
	/* Half-written: the line and the reason, the data unchanged. */
	append_file(fx->path, "18,\"Maison cassée,Archipel,Archipel,\n");
	app_key(a, K_F(5));
	app_idle(a);
	assert_string_equal(a->st.status, "Reload failed (data unchanged): line 4: unterminated "
	    "quoted field: the quote opened on this line is never closed");
	assert_int_equal(a->dir.t.nrows, 2);
	assert_string_equal(selected_name(a), "Bocagevilles");
	/* Gone: the reason, the data unchanged. */
	assert_int_equal(unlink(fx->path), 0);
	app_key(a, K_F(5));
	app_idle(a);
	assert_string_equal(a->st.status,
	    "Reload failed (data unchanged): No such file or directory");
	assert_int_equal(a->dir.t.nrows, 2);
}

/* The reload key typed ahead many times reads the file once; a key in
 * between sees the new data, so the order of keys holds. */
static void
reloads_typed_ahead_read_once(void **state)
{
	struct fixture *fx = *state;
	struct app *a = &fx->a;
	for (int i = 0; i < 5; i++)
		app_key(a, K_CTRL('r'));
	app_key(a, K_F(5));
	assert_int_equal(a->reloads, 0);
	app_idle(a);
	assert_int_equal(a->reloads, 1);
	assert_int_equal(app_idle(a), REACT_NONE);
	/* F5, then Tab: the reload first, then the Tab on the new data. */
	write_file(fx->path, "nom,telephone\nUnique,01 99 00 00 01\n");
	app_key(a, K_F(5));
	app_key(a, '\t');
	assert_int_equal(a->reloads, 2);
	assert_int_equal(a->st.focus, PANE_LIST);
	assert_string_equal(selected_name(a), "Unique");
	app_key(a, K_F(5));
	app_idle(a);
	assert_int_equal(a->reloads, 3);
}

static void
copy_text_for_the_clipboard(void **state)
{
	struct fixture *fx = *state;
	struct app *a = &fx->a;
	type(a, "levant");
	app_key(a, K_F(4));
	/* Each phone number its own entry: a phone takes one at a time. */
	assert_int_equal(app_key(a, '1'), REACT_DRAW | REACT_COPY);
	assert_string_equal(app_clipboard(a), "02 61 91 55 42");
	assert_string_equal(a->st.status, "Sent to your terminal's clipboard: 02 61 91 55 42");
	app_key(a, K_F(4));
	assert_int_equal(app_key(a, '2'), REACT_DRAW | REACT_COPY);
	assert_string_equal(app_clipboard(a), "02 61 91 55 43");
	assert_string_equal(a->st.status, "Sent to your terminal's clipboard: 02 61 91 55 43");
	/* Enter: the first entry, the first number. */
	app_key(a, K_F(4));
	assert_true(app_key(a, '\r') & REACT_COPY);
	assert_string_equal(app_clipboard(a), "02 61 91 55 42");
	/* A third it does not have: said, nothing sent. */
	app_key(a, K_F(4));
	assert_int_equal(app_key(a, '3') & REACT_COPY, 0);
	assert_string_equal(a->st.status, "This centre has no phone number 3.");
	app_key(a, K_CTRL('y'));
	assert_true(app_key(a, 'e') & REACT_COPY);
	assert_string_equal(app_clipboard(a), "contact@cr-cdi.example");
	/* No website: said, nothing to send. */
	app_key(a, K_F(4));
	assert_int_equal(app_key(a, 'w') & REACT_COPY, 0);
	assert_string_equal(a->st.status, "This centre has no website.");
	/* The whole card, with the screen's labels, in the screen's order:
	 * no id, no status that most centres share, no region that is the
	 * territory again. */
	app_key(a, K_F(4));
	assert_true(app_key(a, 'c') & REACT_COPY);
	assert_string_equal(app_clipboard(a),
	    "Name: Centre de ressources Cohésion des Îles\n"
	    "Phone: 02 61 91 55 42\n"
	    "Phone: 02 61 91 55 43\n"
	    "E-mail: contact@cr-cdi.example\n"
	    "Territory: Îles du Levant\n"
	    "Acronym: CR-CDI\n");
	assert_string_equal(a->st.status, "Sent the contact card to your terminal's clipboard.");
	/* A centre with no phone at all: 1 says so; Enter copies the first
	 * entry the menu offers (here the card: it has nothing else). */
	app_key(a, K_CTRL('u'));
	type(a, "archipel");
	app_key(a, K_F(4));
	assert_int_equal(app_key(a, '1') & REACT_COPY, 0);
	assert_string_equal(a->st.status, "This centre has no phone number.");
	app_key(a, K_F(4));
	assert_true(app_key(a, '\r') & REACT_COPY);
	assert_non_null(strstr(app_clipboard(a), "Name: "));
	assert_string_equal(a->st.status, "Sent the contact card to your terminal's clipboard.");
}

/* Ctrl-C once says how to quit, for two seconds; twice within them quits
 * with 130, the status of an interrupted program; apart, it does not. */
static void
ctrl_c_twice_quits(void **state)
{
	struct fixture *fx = *state;
	struct app *a = &fx->a;
	app_clock(a, 10000);
	type(a, "lev");
	assert_int_equal(app_key(a, K_CTRL('c')) & REACT_QUIT, 0);
	assert_string_equal(a->st.status, "Press Ctrl-C again to quit (or F10).");
	assert_string_equal(a->st.query.s, "lev");	/* nothing else changed */
	assert_int_equal(app_wait(a), 2000);
	/* The message goes after two seconds... */
	app_clock(a, 11500);
	assert_int_equal(app_wait(a), 500);
	assert_int_equal(app_idle(a), REACT_NONE);
	app_clock(a, 12001);
	assert_int_equal(app_idle(a), REACT_DRAW);
	assert_string_equal(a->st.status, "");
	/* Nothing left to wait for but the next look at the file (looked
	 * at by this app_idle(), two seconds after type() did). */
	assert_int_equal(app_wait(a), APP_FILE_LOOK_MS);
	/* A message goes at the next key, and the screen is drawn again even
	 * when the key changes nothing else (Esc at the menu, Up at the top). */
	app_key(a, K_CTRL('c'));
	app_key(a, K_CTRL('u'));
	app_key(a, K_ESC);
	assert_int_equal(a->st.focus, PANE_MENU);
	app_clock(a, 15000);
	assert_int_equal(app_key(a, K_CTRL('c')) & REACT_QUIT, 0);
	assert_int_equal(app_key(a, K_ESC) & REACT_DRAW, REACT_DRAW);
	assert_string_equal(a->st.status, "");
	assert_int_equal(app_key(a, K_ESC), REACT_NONE);	/* nothing to take off */
	app_clock(a, 20000);
	/* ... and a Ctrl-C after them starts again. */
	assert_int_equal(app_key(a, K_CTRL('c')) & REACT_QUIT, 0);
	app_clock(a, 21900);
	assert_true(app_key(a, K_CTRL('c')) & REACT_QUIT);
	assert_int_equal(a->exit_status, 130);
	/* From a page, the copy menu or a prompt too. */
	const uint32_t opens[] = {K_F(1), K_F(4), K_F(2)};
	for (size_t i = 0; i < 3; i++) {
		a->exit_status = 0;
		app_clock(a, 100000 * (i + 1));
		app_key(a, opens[i]);
		assert_int_equal(app_key(a, K_CTRL('c')) & REACT_QUIT, 0);
		assert_string_equal(a->st.status, "Press Ctrl-C again to quit (or F10).");
		/* The copy menu and the prompt are left, as a shell leaves a line. */
		assert_int_equal(a->st.mode, i == 0 ? UI_HELP : UI_BROWSE);
		assert_true(app_key(a, K_CTRL('c')) & REACT_QUIT);
		assert_int_equal(a->exit_status, 130);
		app_key(a, K_ESC);
	}
	/* A key in between does not spoil it: still twice within 2 s. */
	a->exit_status = 0;
	app_clock(a, 900000);
	app_key(a, K_CTRL('c'));
	app_key(a, K_DOWN);
	assert_true(app_key(a, K_CTRL('c')) & REACT_QUIT);
	/* F10 quits with 0. */
	a->exit_status = 0;
	assert_true(app_key(a, K_F(10)) & REACT_QUIT);
	assert_int_equal(a->exit_status, 0);
}

/* Letters typed ahead (a held key over a slow link, a paste from a
 * terminal without bracketed paste) narrow the lists once, when no more key
 * is waiting; a key of another kind sees them narrowed first. */
static void
letters_typed_ahead_narrow_once(void **state)
{
	struct fixture *fx = *state;
	struct app *a = &fx->a;
	unsigned long before = a->st.searches;
	const char *word = "levant";
	for (const char *k = word; *k; k++)
		assert_int_equal(app_key(a, (unsigned char)*k), REACT_DRAW);
	assert_string_equal(a->st.query.s, "levant");
	assert_int_equal(a->st.searches, before);	/* not yet */
	assert_int_equal(app_wait(a), 0);		/* something to do at once */
	assert_int_equal(app_idle(a), REACT_DRAW);
	assert_int_equal(a->st.searches, before + 1);
	assert_int_equal(a->st.f.n, 1);
	assert_int_equal(app_idle(a), REACT_NONE);
	/* Letters, then Down: narrowed before the move, in the order typed. */
	app_key(a, K_CTRL('u'));
	before = a->st.searches;
	app_key(a, 'v');
	app_key(a, 'i');
	app_key(a, 'l');
	app_key(a, K_DOWN);
	assert_int_equal(a->st.searches, before + 1);
	assert_true(a->st.f.n > 1);
	assert_int_equal(a->st.c[PANE_LIST].cur, 1);
	/* Letters, then F4: the copy menu of the centre found. */
	app_key(a, K_CTRL('u'));
	app_key(a, 'l');
	app_key(a, 'u');
	app_key(a, 'c');
	app_key(a, K_F(4));
	assert_non_null(strstr(a->st.status, "01 99 00 26 36"));
	app_key(a, K_ESC);
}

/* Pasted text is the search (or the file name), never a command. */
static void
paste_is_the_search(void **state)
{
	struct fixture *fx = *state;
	struct app *a = &fx->a;
	const char *p = "02 61 91 55 43\n";
	assert_int_equal(app_paste(a, p, strlen(p)), REACT_DRAW);
	assert_string_equal(selected_name(a), "Centre de ressources Cohésion des Îles");
	assert_int_equal(a->st.nlist, 1);
	app_key(a, K_CTRL('u'));
	p = "\x12\x11q";	/* Ctrl-R, Ctrl-Q: not commands in a paste */
	assert_int_equal(app_paste(a, p, strlen(p)), REACT_DRAW);
	assert_int_equal(a->reloads, 0);
	assert_string_equal(a->st.query.s, "q");
}

static void
suspend_only_with_a_shell(void **state)
{
	struct fixture *fx = *state;
	struct app *a = &fx->a;
	assert_int_equal(app_key(a, K_CTRL('z')), REACT_DRAW | REACT_SUSPEND);
	/* Alone in its terminal (an SSH forced command): said, not done. */
	app_free(a);
	struct app_config alone = {.screen = {.job_control = false}};
	start(fx, &alone);
	assert_int_equal(app_key(a, K_CTRL('z')), REACT_DRAW);
	assert_string_equal(a->st.status, "Cannot suspend: no shell to come back to (F10 quits).");
}

static void
restricted_writes_and_reads_nothing(void **state)
{
	struct fixture *fx = *state;
	struct app *a = &fx->a;
	app_free(a);
	struct app_config restricted = {.screen = {.restricted = true, .job_control = true}};
	start(fx, &restricted);
	char out[256];
	snprintf(out, sizeof out, "%s/x.csv", fx->dir);
	/* F2 only says so; what follows is no file name, Enter opens nothing. */
	app_key(a, K_F(2));
	assert_string_equal(a->st.status,
	    "Export the centres shown to a CSV file: disabled in restricted mode.");
	assert_int_equal(a->st.mode, UI_BROWSE);
	export_to(a, out);
	assert_false(exists(out));
	app_key(a, K_F(3));
	assert_int_equal(a->st.mode, UI_BROWSE);
	assert_int_equal(app_key(a, K_CTRL('z')) & REACT_SUSPEND, 0);
	/* Reload still reads the same file; the title shows its name only. */
	app_key(a, K_F(5));
	app_idle(a);
	assert_string_equal(a->st.status, "Reloaded annuaire.csv: 18 centres.");
	/* F10 quits. */
	assert_true(app_key(a, K_F(10)) & REACT_QUIT);
}

/* The loaded file's notice and warnings on the status line at start. */
static void
start_tells_of_warnings(void **state)
{
	struct fixture *fx = *state;
	struct app *a = &fx->a;
	assert_string_equal(a->st.status, "");
	app_free(a);
	write_file(fx->path, "nom,telephone\nA,01\nB,02,trop\n");
	start(fx, &plain);
	char msg[256];
	snprintf(msg, sizeof msg, "%s: 1 warning while loading (see centres --check).", fx->path);
	assert_string_equal(a->st.status, msg);
	/* Any key but one that types clears it, and asks for a redraw. */
	assert_int_equal(app_key(a, 'x'), REACT_DRAW);
	assert_string_equal(a->st.status, "");
}

/* A file changed on disk while it is shown: said on the status line
 * within APP_FILE_LOOK_MS (nothing read without being asked), until F5
 * reads it again; a file gone is said too. */
static void
file_changed_on_disk(void **state)
{
	struct fixture *fx = *state;
	struct app *a = &fx->a;
	app_clock(a, 100000);
	app_idle(a);
	assert_string_equal(a->st.loadline, "");
	assert_true(app_wait(a) >= 0 && app_wait(a) <= APP_FILE_LOOK_MS);
	size_t rows = a->dir.t.nrows;
	append_file(fx->path, "99,Centre ajouté,,Eure,,Normandie,,,02 32 00 00 00,,\n");
	app_clock(a, 100000 + APP_FILE_LOOK_MS / 2);
	assert_int_equal(app_idle(a), REACT_NONE);	/* not looked at yet */
	app_clock(a, 100000 + APP_FILE_LOOK_MS);
	assert_true(app_idle(a) & REACT_DRAW);
	assert_string_equal(a->st.loadline,
	    "The file has changed on disk since it was read: F5 reads it again.");
	assert_int_equal(a->dir.t.nrows, rows);	/* nothing read */
	/* The message stays under others, until F5. */
	type(a, "x");
	assert_string_equal(a->st.loadline,
	    "The file has changed on disk since it was read: F5 reads it again.");
	app_key(a, 127);
	app_key(a, K_F(5));
	app_idle(a);
	assert_int_equal(a->dir.t.nrows, rows + 1);
	assert_string_equal(a->st.loadline, "");
	/* Gone. */
	assert_int_equal(unlink(fx->path), 0);
	app_clock(a, 100000 + 3 * APP_FILE_LOOK_MS);
	app_idle(a);
	assert_string_equal(a->st.loadline,
	    "The file is no longer there: what is shown is what was read.");
	assert_int_equal(a->dir.t.nrows, rows + 1);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	umask(022);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(export_writes_the_centres_shown, setup, teardown),
		cmocka_unit_test_setup_teardown(export_never_over_a_file, setup, teardown),
		cmocka_unit_test_setup_teardown(export_never_through_a_link, setup, teardown),
		cmocka_unit_test_setup_teardown(export_into_a_folder_it_cannot_write, setup, teardown),
		cmocka_unit_test_setup_teardown(export_tells_the_first_error, setup, teardown),
		cmocka_unit_test_setup_teardown(export_for_its_owner_only, setup, teardown),
		cmocka_unit_test_setup_teardown(export_large_in_slices, setup, teardown),
		cmocka_unit_test_setup_teardown(export_large_stopped, setup, teardown),
		cmocka_unit_test_setup_teardown(export_large_tells_the_error, setup, teardown),
		cmocka_unit_test_setup_teardown(export_refused_once_the_file_changed, setup, teardown),
		cmocka_unit_test_setup_teardown(copy_refused_once_the_file_changed, setup, teardown),
		cmocka_unit_test_setup_teardown(open_another_file, setup, teardown),
		cmocka_unit_test_setup_teardown(reload_keeps_or_says_why_not, setup, teardown),
		cmocka_unit_test_setup_teardown(reloads_typed_ahead_read_once, setup, teardown),
		cmocka_unit_test_setup_teardown(copy_text_for_the_clipboard, setup, teardown),
		cmocka_unit_test_setup_teardown(ctrl_c_twice_quits, setup, teardown),
		cmocka_unit_test_setup_teardown(paste_is_the_search, setup, teardown),
		cmocka_unit_test_setup_teardown(letters_typed_ahead_narrow_once, setup, teardown),
		cmocka_unit_test_setup_teardown(suspend_only_with_a_shell, setup, teardown),
		cmocka_unit_test_setup_teardown(restricted_writes_and_reads_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(start_tells_of_warnings, setup, teardown),
		cmocka_unit_test_setup_teardown(file_changed_on_disk, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
