/* SPDX-License-Identifier: MIT
 * source: where the directory comes from (a FILE argument, $CENTRES_FILE, or
 * the copy of data/centres.csv built into the binary) and loading it, with
 * its menu index, into a `struct directory`. Shared by batch mode and the
 * screen (which reloads through it). */
#ifndef CENTRES_SOURCE_H
#define CENTRES_SOURCE_H

#include "core/csvload.h"
#include "core/index.h"
#include "core/table.h"
#include "core/util.h"

#define BUILTIN_NAME "built-in directory"

struct directory {
	struct table t;
	struct index ix;
};

/* The path to load: file if non-NULL, else $CENTRES_FILE if set and
 * non-empty, else NULL for the built-in directory. */
const char *source_path(const char *file);
/* Loads path (NULL: built-in) into d. Returns 0, or -1 with e set; d is
 * then empty (nothing to free). */
int source_load(struct directory *d, const char *path, const struct load_opts *o,
    struct err *e);
void source_free(struct directory *d);

#endif
