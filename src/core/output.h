/* SPDX-License-Identifier: MIT
 * output: the formats rows are written in (text, csv, tsv, json: batch mode,
 * and the screen's export) and the --check report. Writes only text that
 * the loader already sanitised, so nothing from a file reaches the terminal
 * as a control sequence. No terminal code. */
#ifndef CENTRES_OUTPUT_H
#define CENTRES_OUTPUT_H

#include <stdint.h>
#include <stdio.h>

#include "table.h"

enum format { FORMAT_TEXT, FORMAT_CSV, FORMAT_TSV, FORMAT_JSON };

/* Parses "text", "csv", "tsv" or "json"; returns -1 for anything else. */
int output_format_parse(const char *s);
/* OUTPUT_RAW: cells that start with = + - @ are written as they are; by
 * default CSV and TSV cells starting so get a leading ' , so that a
 * spreadsheet opening the file reads them as text, not as formulas. */
/* OUTPUT_NO_HEADER: CSV and TSV without their header line (the rows of a
 * list written a part at a time, after the first part). */
enum { OUTPUT_RAW = 1, OUTPUT_NO_HEADER = 2 };

/* Prints rows[0..n) of t in format f to out. Every CSV written reads back
 * (csvload) to the same header and rows, given OUTPUT_RAW. Text, one line
 * a centre, fits width columns (0: no limit): names and territories cut
 * with "…", phone numbers never. */
void output_rows(FILE *out, const struct table *t, const uint32_t *rows, size_t n, enum format f,
    unsigned flags, int width);
/* The same, with what led to each row (via[r], or NULL; via itself may be
 * NULL: a filter's via[]): text shows it after the phone numbers (cut to
 * the width), JSON as the key "via" ("via (place)" when a column has that
 * key): the place ("Saint-Denis 93200, Seine-Saint-Denis", the text without
 * its "via ") or null; CSV and TSV leave it out, so that they read back as
 * the file. */
void output_rows_via(FILE *out, const struct table *t, const uint32_t *rows, size_t n,
    enum format f, unsigned flags, int width, const char *const *via);
/* The unique key of each column for JSON: its header, with " (2)", " (3)"...
 * for repeats and "colonne N" for an empty header. Caller frees each and the
 * array. */
char **output_keys(const struct table *t);
/* Prints what --check reports about t (rows, columns, dialect, warnings). */
void output_check(FILE *out, const struct table *t);

#endif
