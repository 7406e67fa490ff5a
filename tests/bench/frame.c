/* SPDX-License-Identifier: MIT
 * frame: the cost of one keystroke on screen (the state's change and the
 * view's drawing, into curses on /dev/null, without the terminal's output)
 * on the test directory (the reference, measured in the same run) and on a
 * directory of 40 rows whose names are 12 MB each, with a filter on, where
 * a frame once cost 22 s: widths and matches were computed on whole
 * fields. Medians of 9 keystrokes. Part of make bench. */
#define _GNU_SOURCE
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/keys.h"
#include "app/state.h"
#include "core/directory.h"
#include "core/util.h"
#include "tui/view.h"

#include "clock.h"


/* Median time of a key (down or up, alternately, in the list) and a frame. */
static double
keystroke(struct state *st, const struct view_opts *vo)
{
	enum { RUNS = 9 };
	double t[RUNS];
	for (int i = 0; i < RUNS; i++) {
		double t0 = now();
		state_apply(st, i % 2 ? ACT_UP : ACT_DOWN, 0);
		view_draw(st, vo);
		t[i] = now() - t0;
	}
	qsort(t, RUNS, sizeof *t, cmp_d);
	return t[RUNS / 2];
}

static double
measure(const struct directory *d, const char *query, const struct view_opts *vo)
{
	struct state_opts so = {0};
	struct state st;
	state_init(&st, d, &so, 132, 40);
	for (const char *q = query; *q; q++)
		state_apply(&st, ACT_TYPE, (unsigned char)*q);
	double m = keystroke(&st, vo);
	state_free(&st);
	return m;
}

int
main(int argc, char **argv)
{
	long mb = argc > 1 ? atol(argv[1]) : 12;
	FILE *null = fopen("/dev/null", "w+");
	if (!null || !newterm("xterm-256color", null, null))
		die("cannot start curses on /dev/null");
	struct view_opts vo;
	view_init(&vo, false, false, true, "");

	struct directory ref;
	struct err e;
	if (directory_load(&ref, "tests/data/annuaire.csv", NULL, &e) < 0)
		die("%s", e.msg);
	double mref = measure(&ref, "ville", &vo);

	/* 40 names of mb MB: words, the filter's word near the start of each. */
	size_t n = (size_t)mb << 20;
	struct arena csv = {0};
	arena_append(&csv, "nom,territoire\n", 15);
	for (int r = 0; r < 40; r++) {
		char head[32];
		int k = snprintf(head, sizeof head, "Maison %d ville ", r);
		arena_append(&csv, head, (size_t)k);
		char *p = arena_reserve(&csv, n);
		for (size_t i = 0; i < n; i++)
			p[i] = "mot mot "[i % 8];
		arena_commit(&csv, n);
		arena_append(&csv, ",Territoire ville\n", 18);
	}
	struct directory big = {0};
	table_init(&big.t, "big.csv");
	double t0 = now();
	if (csvload_buffer(&big.t, csv.base, csv.len, NULL, &e) < 0)
		die("%s", e.msg);
	index_build(&big.ix, &big.t);
	double load = now() - t0;
	arena_free(&csv);
	double mbig = measure(&big, "ville", &vo);
	printf("frame: a key and its frame, median %.2f ms on tests/data/annuaire.csv (reference), "
	    "%.2f ms with 40 names of %ld MB each and a filter on (ratio %.1fx; load %.1f s)\n",
	    mref * 1e3, mbig * 1e3, mb, mbig / mref, load);
	directory_free(&big);
	directory_free(&ref);
	endwin();
	return 0;
}
