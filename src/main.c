/* SPDX-License-Identifier: MIT
 * main: the locale, the options, the directory, then batch mode or the
 * screen. The one place where errors are reported and exit statuses chosen:
 * 0 found, 1 nothing found (or warnings for --check), 2 error. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch/batch.h"
#include "options.h"
#include "restrict.h"
#include "source.h"
#include "tui/tui.h"

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
	struct err e = {{0}};
	struct directory d;

	locale_start();
	if (options_parse(argc, argv, &o, &e) < 0) {
		fprintf(stderr, "centres: %s\n", e.msg);
		return 2;
	}
	if (o.mode == MODE_HELP) {
		options_usage(stdout);
		return 0;
	}
	if (o.mode == MODE_VERSION) {
		puts("centres " CENTRES_VERSION);
		return 0;
	}
	if (o.restricted)
		restrict_process();
	const char *path = source_path(o.file);
	if (source_load(&d, path, &o.load, &e) < 0) {
		fprintf(stderr, "centres: %s\n", e.msg);
		return 2;
	}
	int rc;
	if (o.mode == MODE_CHECK)
		rc = batch_check(&d, stdout);
	else if (o.mode == MODE_LIST || !isatty(STDOUT_FILENO))
		rc = batch_list(&d, &o, stdout, stderr);
	else if (term_is_dumb()) {
		fprintf(stderr, "centres: TERM is %s: printing the list "
		    "(set TERM, e.g. TERM=xterm, for the screen)\n",
		    getenv("TERM") && *getenv("TERM") ? "dumb" : "not set");
		rc = batch_list(&d, &o, stdout, stderr);
	}
	else
		rc = tui_run(&d, path, &o);
	source_free(&d);
	if (fflush(stdout) != 0 && rc != 2) {
		perror("centres: standard output");
		rc = 2;
	}
	return rc;
}
