/* SPDX-License-Identifier: MIT
 * directory: a loaded directory, its table and its menu index, and where it
 * comes from (a FILE argument, $CENTRES_FILE, or the copy of
 * data/centres.csv built into the binary). What batch mode and the screen
 * both work on. Owns its table and index. */
#ifndef CENTRES_DIRECTORY_H
#define CENTRES_DIRECTORY_H

#include "coverage.h"
#include "csvload.h"
#include "index.h"
#include "table.h"
#include "util.h"

struct directory {
	struct table t;
	struct index ix;
	struct coverage *cov;	/* the areas its rows cover, when read ahead
				 * (core/loading.c reads them beside the screen,
				 * for the filter to take: filter_adopt_coverage);
				 * NULL: read by the first query naming a place */
};

/* The path to load: file if non-NULL, else $CENTRES_FILE if set and
 * non-empty, else NULL for the built-in directory. */
const char *directory_path(const char *file);
/* Loads path (NULL: built-in) into d. Returns 0, or -1 with e set; d then
 * holds no row, only the warnings met before the error. Either way d is
 * freed with directory_free(). */
int directory_load(struct directory *d, const char *path, const struct load_opts *o,
    struct err *e);
/* directory_load() in two steps: an empty directory named after path,
 * then the load into it (core/loading.c publishes the table between). */
void directory_init(struct directory *d, const char *path);
int directory_read(struct directory *d, const char *path, const struct load_opts *o,
    struct err *e);
void directory_free(struct directory *d);

#endif
