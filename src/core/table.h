/* SPDX-License-Identifier: MIT
 * table: the in-memory directory. Owns the columns (header names and the role
 * each one plays), the rows, two arenas (field text and folded search text)
 * and the load warnings. Rows refer to the arenas by offset: a row's fields
 * are nfields NUL-terminated strings in a row in `text`, followed by where
 * each one ends (so that any field is found in constant time), and its
 * search form is the folded fields, each followed by '\n', in `fold`.
 * A lazy table (table_lazy_begin(): a large file read for the screen) keeps
 * only the search form of its rows and where each one is in the file: their
 * fields are parsed again from the file when they are shown, copied or
 * exported, a few dozen rows at a time (a cache), except those of the
 * columns that whole-table passes read (territory, region, status, the
 * areas), which stay in memory, each value once (`pool`), with its folded
 * form: a row's search text has such a field empty, and the filter looks
 * for a word in each value once (table_res_fold()). No terminal code. */
#ifndef CENTRES_TABLE_H
#define CENTRES_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* What a column means, recognised from its header name. */
enum role {
	ROLE_NONE,
	ROLE_ID,
	ROLE_NAME,
	ROLE_ACRONYM,
	ROLE_TERRITORY,
	ROLE_TERRITORY_2017,
	ROLE_REGION,
	ROLE_WEBSITE,
	ROLE_EMAIL,
	ROLE_PHONE,
	ROLE_STATUS,
	ROLE_COVERAGE,	/* the départements a row covers (core/coverage.c) */
	ROLE_POSTCODE,
	ROLE_COUNT
};

struct column {
	char *name;	/* header text as read (sanitised); owned */
	char *key;	/* folded, letters and digits only: "téléphone 2" -> "telephone2" */
	enum role role;
	int resident;	/* a lazy table's column kept in memory: its place
			 * among each row's values (table.res); -1 for the others */
};

/* 32 bytes a row beyond its text and the ends of its fields. */
struct row {
	uint64_t text;		/* offset of the first field in table.text (a
				 * lazy table: of the row in its file) */
	uint64_t fold;		/* offset of the search form in table.fold */
	uint32_t fold_len;
	uint32_t nfields;	/* as read; may differ from ncols (ragged rows) */
	uint32_t line;		/* physical line where the row starts */
	uint32_t text_len;	/* bytes of its fields, NULs included; then, from
				 * the next multiple of 4, the offset of each
				 * field's NUL: 2 bytes each when text_len is
				 * below 65536, else 4. A lazy table: the
				 * bytes of the row in the file */
};

/* A lazy table's rows have, for each resident column (TABLE_RESIDENT_MAX
 * at most), in table.res, the number of its value (below table_nvals()),
 * or one of these. Value v is at offset vals[v] of the pool: its length (4
 * bytes), its bytes and a NUL, then its folded form's length (4 bytes) and
 * that form followed by '\n'. Its field in the row's search text is then
 * empty; a value of TABLE_RES_FILE is there, folded, as any other field,
 * and so is one with TABLE_RES_IN_ROW. */
#define TABLE_RESIDENT_MAX 6
#define TABLE_RES_EMPTY UINT32_MAX		/* "" */
#define TABLE_RES_FILE (UINT32_MAX - 1)	/* no room in the pool: in the file */
/* A number with this bit too: a value of a column of many (past those the
 * loader remembers), kept in the pool without its folded form (its
 * length there UINT32_MAX), which is in the row's search text. */
#define TABLE_RES_IN_ROW UINT32_C(0x80000000)

struct lazy;	/* table.c: the file, the cache of parsed rows */

struct warning {
	uint32_t line;	/* 0: not tied to a line */
	char *msg;	/* owned */
};

#define TABLE_MAX_WARNINGS 1000	/* kept; all are counted */
#define TABLE_JOINED_MAX 32

struct table {
	char *source;		/* file name as given, or "built-in directory"; owned */
	struct column *cols;
	size_t ncols, cols_cap;
	int role_col[ROLE_COUNT];	/* first column of each role, or -1 */
	struct row *rows;
	size_t nrows, rows_cap;
	struct arena text, fold;
	struct arena pool;	/* a lazy table's resident values */
	struct arena vals;	/* where each one is in the pool (4 bytes each) */
	uint32_t *res;		/* and, nres a row, each row's (their numbers) */
	size_t res_cap;
	struct lazy *lazy;	/* NULL: every field is in text */
	uint32_t nres;		/* resident columns of a lazy table */
	struct warning *warn;
	size_t nwarn, warn_cap, nwarn_total;
	char encoding[48];	/* "UTF-8", "WINDOWS-1252", "UTF-16LE", ... */
	char notice[160];	/* e.g. "read as Windows-1252"; "" if none */
	char delimiter;
	bool delimiter_detected;
	uint32_t header_line;
	char *common_status;	/* the status most rows share (over half of
				 * those that have one), or NULL; owned */
	bool acronym_spaced;	/* some row's acronym, folded, is at most
				 * TABLE_JOINED_MAX bytes with a space (a
				 * separator: "CR-CSUR"): the filter then also
				 * finds it typed without ("crcsur") */

	/* Loading beside the screen (core/loading.c). */
	bool loading;		/* a view of a table still being loaded: its
				 * rows grow; what needs them all (the places)
				 * waits for the end */
	bool stable;		/* table_stable(): rows, arenas and column
				 * arrays never move or go while loading */
	struct column **retired;	/* column arrays replaced while stable,
					 * freed with the table */
	size_t nretired;
};

void table_init(struct table *t, const char *source);
void table_free(struct table *t);
/* For a table another thread reads while it loads (core/loading.c): its
 * rows (at most max_rows), text (at most text bytes) and folded text (at
 * most fold bytes) reserved where they will never move, and its column
 * arrays kept until table_free() when they grow. Before the first row; -1
 * when the system refuses the address space (the table is left as it was). */
int table_stable(struct table *t, size_t max_rows, size_t text, size_t fold, size_t pool);
/* A new row at the end (zeroed), or NULL when a stable table has no room. */
struct row *table_new_row(struct table *t);

/* Field col of row r (never NULL; "" when the row is short), in constant
 * time. *len gets its byte length. The string lives in t->text until
 * table_free(); a lazy table's, when not resident, in its cache until 63
 * other rows have been read again (the thread that shows the table only). */
const char *table_field(const struct table *t, size_t r, size_t col, size_t *len);
/* The folded form of that field (not NUL-terminated; *len its length),
 * where it is in the row's search text, or in the pool (a resident
 * value's, followed by '\n' there too); NULL when the row has none. */
const char *table_fold_field(const struct table *t, size_t r, size_t col, size_t *len);
/* Resident values (lazy tables): how many the table has, and the folded
 * form of value v (v below that; *len its length; a '\n' follows), or NULL
 * when it is in the row's search text (TABLE_RES_IN_ROW). */
static inline size_t
table_nvals(const struct table *t)
{
	return t->vals.len / 4;
}
const char *table_res_fold(const struct table *t, uint32_t v, size_t *len);
/* Whether a row's resident value v (table.res) has its folded form in the
 * pool, not in the row's search text (empty, in the file, of a column of
 * many values). */
static inline bool
table_res_pooled(uint32_t v)
{
	return v < TABLE_RES_IN_ROW;
}
/* The number of row r's value of resident column k (table.res). */
static inline uint32_t
table_res(const struct table *t, size_t r, size_t k)
{
	return t->res[r * t->nres + k];
}

/* Lazy tables. Before the first row: the rows will be read again from fd
 * (duplicated; the file as it is now, which a later change makes stale).
 * -1 when that cannot be (the table is left as it was). */
int table_lazy_begin(struct table *t, int fd);
/* Back to a table that holds its fields (before the first row). */
void table_lazy_end(struct table *t);
/* After the header: which columns stay in memory (t->nres, each column's
 * resident). */
void table_plan_resident(struct table *t);
/* Rows about to be read whole, in this order (an export): a lazy table
 * reads them from its file at once, in the file's order (nearby rows in one
 * read), and keeps them until the next call; nothing for another table. */
#define TABLE_PREFETCH_ROWS 16384
void table_prefetch(const struct table *t, const uint32_t *rows, size_t n);
/* Where row r begins in the file. */
uint64_t table_row_offset(const struct table *t, size_t r);
/* Whether the file of a lazy table has changed since it was read: its
 * fields are then shown from their folded form, until it is read again. */
bool table_stale(const struct table *t);
/* The loader's part: appends after the row's text (r->text_len bytes from
 * r->text, the last ones written) where each of its r->nfields fields
 * ends (ends[i]: the offset of field i's NUL from r->text). */
void table_put_ends(struct table *t, const struct row *r, const uint32_t *ends);
/* The field of the first column with that role, or "" if there is none. */
const char *table_role(const struct table *t, size_t r, enum role role, size_t *len);
/* The display name of a row: the name column, else the first column. */
const char *table_name(const struct table *t, size_t r, size_t *len);
/* The column whose text is shown as a row's territory: the 2017 territory
 * where the row has one, else the territory; -1 when there is neither. */
int table_territory_col(const struct table *t, size_t r);
/* That column's text ("" when there is none). */
const char *table_territory(const struct table *t, size_t r, size_t *len);

/* After loading: the value of the first column of a role that more than
 * half of the rows with a value share, or NULL. Caller frees. */
char *table_most_common(const struct table *t, enum role role);

/* Adds a warning; the message is formatted like printf. */
void table_warn(struct table *t, uint32_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Header-name helpers (columns.c). */
/* Normalises a header or field name: folded, letters and digits only. Caller frees. */
char *column_key(const char *name);
/* The role a normalised header name plays, or ROLE_NONE. */
enum role column_role_of_key(const char *key);
/* English name of a role ("name", "phone", ...), for --check. */
const char *column_role_name(enum role role);
/* Appends a column; recomputes roles. */
void table_add_column(struct table *t, const char *name, size_t len);
/* Columns a `field:` prefix designates: those whose header has that key, and
 * every column of the role the key names (territory also covers the 2017
 * one; phone covers every phone column).
 * Fills out (up to max) and returns how many; 0 if the prefix names nothing. */
size_t table_columns_named(const struct table *t, const char *prefix, uint32_t *out, size_t max);

#endif
