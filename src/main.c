/* SPDX-License-Identifier: MIT
 * main: the locale, the options, the directory, then batch mode or the
 * screen. The one place where errors are reported and exit statuses chosen:
 * 0 found, 1 nothing found (or warnings for --check), 2 error. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "batch/batch.h"
#include "options.h"
#include "source.h"
#include "tui/tui.h"

int
main(int argc, char **argv)
{
	struct options o;
	struct err e = {{0}};
	struct directory d;

	setlocale(LC_ALL, "");
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
	else
		rc = tui_run(&d, path, &o);
	source_free(&d);
	if (fflush(stdout) != 0 && rc != 2) {
		perror("centres: standard output");
		rc = 2;
	}
	return rc;
}
