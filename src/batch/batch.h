/* SPDX-License-Identifier: MIT
 * batch: the modes that need no terminal (--list, --filter, --check), on a
 * loaded directory, writing with core/output. */
#ifndef CENTRES_BATCH_H
#define CENTRES_BATCH_H

#include <stdio.h>

#include "../core/directory.h"
#include "../core/output.h"
#include "../core/sort.h"

/* Prints the rows matching query (all of them when NULL) in the order
 * order (--sort), in format f (with the OUTPUT_* flags) to out, each with the place that led to it
 * (text and JSON); load notices and the first warnings to err, and so a
 * "No centre covers ..." note, followed by the centres it offers (as text:
 * they are not matches). Returns 0 when rows were printed, 1 when none
 * matched. */
int batch_list(const struct directory *d, const char *query, enum sort_key order, enum format f,
    unsigned flags, FILE *out, FILE *err);
/* The width text output to out fits: the terminal's when out is one
 * (else COLUMNS, else 80); 0 into a pipe or a file, where each centre is
 * one full line. */
int batch_text_width(FILE *out);
/* Prints the first warnings of t (and how many more) to err. */
void batch_warnings(const struct table *t, FILE *err);
/* Prints the --check report. Returns 0 when clean, 1 with warnings. */
int batch_check(const struct directory *d, FILE *out);

#endif
