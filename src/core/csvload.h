/* SPDX-License-Identifier: MIT
 * csvload: CSV (RFC 4180 and spreadsheet dialects) -> table, through libcsv.
 * Finds the delimiter, counts physical lines for messages (libcsv reports
 * none), remembers where each quote opened, folds each row for the filter and
 * builds nothing else: the menu index is index.c's. */
#ifndef CENTRES_CSVLOAD_H
#define CENTRES_CSVLOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "table.h"
#include "util.h"

/* How far the parse has gone: bytes of the (decoded) text done and in all,
 * rows stored so far. Called at most once per CSVLOAD_PROGRESS_STEP bytes,
 * from the loading thread, between two lines (every row stored so far is
 * whole), and while a large file is read (0 done, 0 rows, once per 16 MiB
 * read); the caller decides what to show and when. Returns false to stop
 * the load (it then fails with CSVLOAD_STOPPED). */
typedef bool csvload_progress_fn(void *ctx, size_t done, size_t total, size_t rows);

#define CSVLOAD_PROGRESS_STEP ((size_t)1 << 20)	/* 1 MiB */

enum load_split {
	LOAD_SPLIT_AUTO,
	LOAD_SPLIT_LIBCSV,	/* every line (--check, the tests' reference) */
	LOAD_SPLIT_OWN,		/* the simple lines always (the tests) */
};

struct load_opts {
	const char *encoding;	/* iconv name, or NULL to detect */
	char delimiter;		/* ',', ';', '\t', or 0 to detect */
	uint64_t max_size;	/* a file larger is refused before it is read;
				 * 0: CSVLOAD_MAX_SIZE */
	csvload_progress_fn *progress;	/* or NULL: never called */
	void *progress_ctx;
	bool stable;	/* the table's memory must not move while it loads:
			 * another thread reads it (table_stable()) */
	/* Text of more than parallel_min bytes (0: CSVLOAD_PARALLEL_MIN) is
	 * parsed in as many stretches as there are cores (stretches, if not
	 * 0), each in a thread; the tests make both small. */
	size_t parallel_min;
	unsigned stretches;
	/* A file of at least lazy_min bytes (0: none) makes a lazy table
	 * (table.h): its rows' fields read again from the file when they are
	 * shown, when it is UTF-8 as it is (no conversion, nothing replaced). */
	uint64_t lazy_min;
	/* Who splits the lines into fields (LOAD_SPLIT_AUTO: libcsv, but a
	 * lazy table's simple lines, see csvload.c). */
	enum load_split split;
};

/* The screen's: what a table holds at the most is then about its folded
 * text. */
#define CSVLOAD_LAZY_MIN ((uint64_t)1 << 20)	/* 1 MiB */

#define CSVLOAD_PARALLEL_MIN ((size_t)4 << 20)	/* 4 MiB */
#define CSVLOAD_STRETCHES_MAX 8

/* The message of a load stopped by its progress callback. */
#define CSVLOAD_STOPPED "stopped"

#define CSVLOAD_MAX_SIZE (UINT64_C(4) << 30)	/* 4 GiB */

/* For the tests: how many distinct resident values a loader keeps once,
 * folded in the pool, before it keeps new ones in their rows' search text
 * (table.h: TABLE_RES_IN_ROW); 0: as loads do (8,192). */
void csvload_remember_for_tests(size_t n);

/* Loads buf[0..n) into t (initialised by the caller with its source name).
 * Returns 0, or -1 with e set to "SOURCE[:LINE]: what is wrong"; t then holds
 * whatever was read and must still be freed. */
int csvload_buffer(struct table *t, const char *buf, size_t n,
    const struct load_opts *o, struct err *e);
/* Reads the file at path and loads it as above (t->source is path). */
int csvload_file(struct table *t, const char *path, const struct load_opts *o,
    struct err *e);

#endif
