/* SPDX-License-Identifier: MIT
 * rowparse: how libcsv is set up and fed to read a directory (csvload.c's
 * load and the rows of a lazy table read again from their file, table.c),
 * and that reading of one row. No terminal code. */
#ifndef CENTRES_ROWPARSE_H
#define CENTRES_ROWPARSE_H

#include <csv.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* A parser for the delimiter: fields kept as they are (no space trimmed),
 * NUL-terminated, memory from xrealloc(). */
void rowparse_init(struct csv_parser *p, char delim);
/* s[0..n) to p, its fields and rows to the callbacks: false on libcsv's
 * error (csv_error()). */
bool rowparse_feed(struct csv_parser *p, const char *s, size_t n,
    void (*field)(void *, size_t, void *), void (*row)(int, void *), void *data);

/* The fields of the one row in s[0..n), parsed by p (rowparse_init(), left
 * ready for the next row) as the load did, into text (each NUL-terminated)
 * and *ends (each one's NUL), *nfields of them; false when s is not one
 * row. */
bool rowparse_one(struct csv_parser *p, const char *s, size_t n, struct arena *text,
    uint32_t **ends, size_t *ends_cap, uint32_t *nfields);

#endif
