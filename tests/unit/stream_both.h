/* SPDX-License-Identifier: MIT
 * stream_both.h: runs one --list/--filter through the stream
 * (batch/stream.c) and through the full path (load the whole file, then
 * batch_list(), as main.c does), for tests/unit/test_stream.c and
 * tests/fuzz/fuzz_stream.c. */
#ifndef CENTRES_STREAM_BOTH_H
#define CENTRES_STREAM_BOTH_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch/batch.h"
#include "batch/stream.h"
#include "core/directory.h"

/* What one path printed: standard output and error, and the exit status. */
struct printed {
	char *out, *err;
	size_t outn, errn;
	int rc;
};

static inline void
printed_free(struct printed *p)
{
	free(p->out);
	free(p->err);
	memset(p, 0, sizeof *p);
}

/* The stream's result into *s (s->rc STREAM_FULL_PATH when it took the
 * full path: nothing printed), the full path's into *full. */
static inline void
run_both(const char *path, const struct load_opts *o, const char *query, enum format f,
    unsigned flags, struct printed *s, struct printed *full)
{
	FILE *out = open_memstream(&s->out, &s->outn), *err = open_memstream(&s->err, &s->errn);
	s->rc = stream_list(path, o, query, f, flags, out, err);
	fclose(out);
	fclose(err);
	out = open_memstream(&full->out, &full->outn);
	err = open_memstream(&full->err, &full->errn);
	struct directory d;
	struct err e;
	if (directory_load(&d, path, o, &e) < 0) {
		char buf[1024];
		batch_warnings(&d.t, err);
		fprintf(err, "centres: %s\n", err_text(&e, buf, sizeof buf));
		full->rc = 2;
	} else {
		full->rc = batch_list(&d, query, SORT_FILE, f, flags, out, err);
	}
	directory_free(&d);
	fclose(out);
	fclose(err);
}

/* Where the two differ, in a line for a message, or NULL when the stream
 * took the full path or printed the same bytes with the same status. */
static inline const char *
printed_differ(const struct printed *s, const struct printed *full)
{
	if (s->rc == STREAM_FULL_PATH)
		return s->outn || s->errn ? "the stream printed, then took the full path" : NULL;
	if (s->rc != full->rc)
		return "exit status";
	if (s->outn != full->outn || memcmp(s->out, full->out, s->outn) != 0)
		return "standard output";
	if (s->errn != full->errn || memcmp(s->err, full->err, s->errn) != 0)
		return "standard error";
	return NULL;
}

#endif
