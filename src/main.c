/* SPDX-License-Identifier: MIT
 * main: the locale, the options, restricted mode, the directory, then batch
 * mode or the screen. The one place where errors are reported and exit
 * statuses chosen: 0 found, 1 nothing found (or warnings for --check), 2
 * error. */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch/batch.h"
#include "batch/progress.h"
#include "batch/stream.h"
#include "core/directory.h"
#include "core/loading.h"
#include "core/i18n.h"
#include "lang.h"
#include "options.h"
#include "restrict.h"
#include "tui/tui.h"

/* How long the screen waits for a load before it starts beside it (a file
 * of 10,000 rows, 2 MB, is read whole in that time; the first screen of a
 * larger one is not held up more), and the size of a file it waits for
 * whatever the time (a few milliseconds of loading: its errors are then
 * reported before the screen, as always, however busy the machine). */
#define LOAD_WAIT_MS 15
#define LOAD_SMALL ((size_t)1 << 20)

/* An error, reported once on standard error; returns the exit status 2. */
static int
report(const struct err *e)
{
	char buf[1024];
	fprintf(stderr, "centres: %s\n", err_text(e, buf, sizeof buf));
	return 2;
}

/* The person's locale. Over SSH it is often forwarded from a machine that
 * has it to a server that does not (fr_FR.UTF-8 on a server with only
 * C.UTF-8): when its name says UTF-8, C.UTF-8 draws the same text; any
 * other missing locale falls back to C, where the screen draws ASCII. */
static void
locale_start(void)
{
	if (setlocale(LC_ALL, ""))
		return;
	const char *name = NULL;
	const char *vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0] && !name; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			name = v;
	}
	char low[64] = "";
	for (size_t i = 0; name && name[i] && i + 1 < sizeof low; i++)
		low[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
	if ((strstr(low, "utf-8") || strstr(low, "utf8"))
	    && (setlocale(LC_ALL, "C.UTF-8") || setlocale(LC_ALL, "C.utf8")))
		return;
	setlocale(LC_ALL, "C");
}

/* rc, once standard output has taken everything written to it; else 2 (a
 * full disk, a closed pipe: what was asked for was not printed). */
static int
written(int rc)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		int n = errno;
		fputs("centres: ", stderr);
		fprintf(stderr, C_("error", "%s: %s"), _("standard output"), errno_text(n));
		fputc('\n', stderr);
		return 2;
	}
	return rc;
}

/* No TERM, or TERM=dumb: a terminal that cannot place text on the screen.
 * The list is printed instead (as --list does). */
static bool
term_is_dumb(void)
{
	const char *t = getenv("TERM");
	return !t || !*t || strcmp(t, "dumb") == 0;
}

int
main(int argc, char **argv)
{
	struct options o;
	struct err e;
	struct directory d;

	/* The options first (no side effects), then restricted mode before
	 * the locale (so that LOCPATH is gone when it is read), then the
	 * language, then whatever is printed. */
	bool parsed = options_parse(argc, argv, &o, &e) == 0;
	bool restrict_failed = false;
	int restrict_errno = 0;
	if (parsed && o.restricted && restrict_process() < 0) {
		restrict_failed = true;
		restrict_errno = errno;
	}
	if (!parsed) {
		unsetenv("LOCPATH");
		unsetenv("GCONV_PATH");
	}
	locale_start();
	enum lang lang;
	bool lang_known = lang_choose(lang_option(argc, argv), &lang, &e) == 0;
	lang_start(lang);
	if (!lang_known) {
		lang_choose(lang_option(argc, argv), &lang, &e);	/* the message in it */
		return report(&e);
	}
	if (!parsed) {
		options_parse(argc, argv, &o, &e);	/* again, for its words in that language */
		return report(&e);
	}
	if (o.mode == MODE_HELP) {
		options_usage(stdout);
		return written(0);
	}
	if (o.mode == MODE_VERSION) {
		puts("centres " CENTRES_VERSION);
		return written(0);
	}
	/* docs/ssh.md promises that no program can be run: where the kernel
	 * cannot enforce it, say so and do not start, unless told to go on. */
	if (restrict_failed && !o.no_seccomp) {
		err_set(&e, _("--restricted: this system cannot forbid running programs (seccomp: %s); "
		    "not starting (--restricted=no-seccomp starts without it)"), errno_text(restrict_errno));
		return report(&e);
	}
	const char *path = directory_path(o.file);
	/* Batch mode shows how a long load goes on standard error, when that
	 * is a terminal; erased before anything else is written there. */
	bool batch = o.mode == MODE_CHECK || o.mode == MODE_LIST || !isatty(STDOUT_FILENO)
	    || term_is_dumb();
	/* --list and --filter read the file in pieces where they can, without
	 * loading it (batch/stream.h), in the file's order; else, or when it
	 * cannot, as below. */
	if (o.sort == SORT_FILE &&
	    (o.mode == MODE_LIST || (o.mode != MODE_CHECK && !isatty(STDOUT_FILENO)))) {
		int rc = stream_list(path, &o.load, o.filter, o.format, o.raw ? OUTPUT_RAW : 0,
		    stdout, stderr);
		if (rc != STREAM_FULL_PATH)
			return rc == 2 ? 2 : written(rc);
	}
	struct progress pr = {0};
	struct loading *ld = NULL;
	int loaded;
	/* The screen, and --check, which shows no row whole, keep a large
	 * file's folded text and read its rows again when shown; --check
	 * has libcsv read every line (what it checks is libcsv's reading). */
	if (!batch || o.mode == MODE_CHECK)
		o.load.lazy_min = CSVLOAD_LAZY_MIN;
	if (o.mode == MODE_CHECK)
		o.load.split = LOAD_SPLIT_LIBCSV;
	if (batch) {
		progress_start(&pr, path, &o.load);
		loaded = directory_load(&d, path, &o.load, &e);
		progress_end(&pr, &o.load);
	} else {
		/* The screen comes at once: a file read within a moment is
		 * shown whole (its errors reported here, as in batch mode),
		 * a longer one while it loads beside the screen. */
		ld = loading_start(path, &o.load);
		struct loading_status ls;
		loading_peek(ld, NULL, &ls);
		if (loading_wait(ld, path && ls.total >= LOAD_SMALL ? LOAD_WAIT_MS : -1)) {
			loaded = loading_finish(ld, &d, &e);
			ld = NULL;
		} else {
			loaded = 0;
		}
	}
	if (loaded < 0) {
		batch_warnings(&d.t, stderr);	/* what was wrong before the error too */
		directory_free(&d);
		return report(&e);
	}
	int rc;
	if (o.mode == MODE_CHECK)
		rc = batch_check(&d, stdout);
	else if (o.mode == MODE_LIST || !isatty(STDOUT_FILENO))
		rc = batch_list(&d, o.filter, o.sort, o.format, o.raw ? OUTPUT_RAW : 0, stdout, stderr);
	else if (term_is_dumb()) {
		fprintf(stderr, "centres: %s\n", getenv("TERM") && *getenv("TERM") ?
		    _("TERM is dumb: printing the list (set TERM, e.g. TERM=xterm, for the screen)") :
		    _("TERM is not set: printing the list (set TERM, e.g. TERM=xterm, for the screen)"));
		rc = batch_list(&d, o.filter, o.sort, o.format, o.raw ? OUTPUT_RAW : 0, stdout, stderr);
	} else {
		struct app_config cfg = {.load = o.load, .screen = {.restricted = o.restricted,
		    .order = o.sort}};
		struct tui_opts to = {.no_color = o.no_color, .no_mouse = o.no_mouse, .ascii = o.ascii};
		rc = tui_run(&d, ld, path, &cfg, &to);	/* d or ld taken over */
		ld = NULL;
		memset(&d, 0, sizeof d);
	}
	directory_free(&d);
	return rc == 2 ? 2 : written(rc);
}
