/* SPDX-License-Identifier: MIT
 * stream: --list and --filter without the whole model. The file is read in
 * pieces twice: first to find its records (core/scan), check what the
 * loader's fast path needs, count what the warnings say and keep the
 * records a prefilter cannot rule out; then those records alone are read
 * again, loaded by csvload a piece at a time, matched by the filter's own
 * query_match() and written by core/output. What it prints (standard
 * output, standard error, exit status) is what batch_list() prints after
 * loading the whole file; where it could not be (not clean UTF-8, a bad
 * quote anywhere, a table that names places, an encoding forced...), it
 * prints nothing and says so, and the caller takes the full path. */
#ifndef CENTRES_STREAM_H
#define CENTRES_STREAM_H

#include <stdio.h>

#include "../core/csvload.h"
#include "../core/output.h"

/* What stream_list() returns when it printed nothing: load the file. */
#define STREAM_FULL_PATH (-1)

/* Lists the rows of the file at path matching query (NULL: all) as
 * batch_list() would: returns 0 or 1 (found, nothing found), 2 on an error
 * it reported, or STREAM_FULL_PATH. o: the load options (its progress
 * callback, if any, is called while the file is scanned). With
 * CENTRES_NO_STREAM set (non-empty) in the environment, always
 * STREAM_FULL_PATH (for tests). */
int stream_list(const char *path, const struct load_opts *o, const char *query, enum format f,
    unsigned flags, FILE *out, FILE *err);

#endif
