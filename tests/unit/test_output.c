/* SPDX-License-Identifier: MIT
 * The batch formats (text, csv, tsv, json) and the --check report. JSON is
 * parsed back by a small parser below and every value compared with the
 * field as read; CSV is loaded back by the loader. */
#include "unit.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "core/card.h"
#include "core/output.h"
#include "core/filter.h"
#include "core/text.h"
#include "core/util.h"
#include "core/directory.h"

/* A small table: duplicate header names, a quote and a comma in a name, an
 * acronym, two phones, a line break and a tab, a leading space, a short row. */
static const char small_csv[] =
    "id;Nom;Sigle;Territoire;T\xc3\xa9l\xc3\xa9phone;T\xc3\xa9l\xc3\xa9phone;Note\r\n"
    "1;R\xc3\xa9so Villes;;Bretagne;02 40;;\"a\r\nb\"\r\n"
    "2;\"Centre \"\"X\"\", Lyon\";CR\xe2\x80\xa2" "DSU;Rh\xc3\xb4ne;04 78;04 79;tab\there\r\n"
    "3;\"Sans\ntel\";;\xc3\x8ele;;;\" lead \\ \"\"q\"\"\"\r\n"
    "4;Court\r\n";

static void
load_small(struct table *t)
{
	struct err e;
	assert_int_equal(load_mem(t, small_csv, sizeof small_csv - 1, NULL, &e), 0);
	assert_int_equal(t->nrows, 4);
}

/* Output of rows[0..n) of t in format f, malloc'd. */
static char *
render(const struct table *t, const uint32_t *rows, size_t n, enum format f)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	assert_non_null(out);
	output_rows(out, t, rows, n, f, OUTPUT_RAW, 0);
	fclose(out);
	return buf;
}

/* Text output of rows[0..n) of t for a terminal width columns wide. */
static char *
render_width(const struct table *t, const uint32_t *rows, size_t n, int width)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	assert_non_null(out);
	output_rows(out, t, rows, n, FORMAT_TEXT, 0, width);
	fclose(out);
	return buf;
}

/* Output of every row of t in format f with the OUTPUT_* flags, malloc'd. */
static char *
render_with(const struct table *t, enum format f, unsigned flags)
{
	uint32_t *rows = xmalloc((t->nrows + 1) * sizeof *rows);
	for (size_t r = 0; r < t->nrows; r++)
		rows[r] = (uint32_t)r;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	assert_non_null(out);
	output_rows(out, t, rows, t->nrows, f, flags, 0);
	fclose(out);
	free(rows);
	return buf;
}

/* Whether the CSV of t loads back to the same header and rows (fields
 * compared as strings: a short row reads as empty fields). */
static void
assert_round_trip(const struct table *t, const char *what)
{
	char *s = render_with(t, FORMAT_CSV, OUTPUT_RAW);
	struct table u;
	struct err e;
	if (load_mem(&u, s, strlen(s), NULL, &e) < 0)
		fail_msg("%s: the CSV written does not load: %s\n%s", what, ERR(&e), s);
	if (u.ncols != t->ncols || u.nrows != t->nrows || u.delimiter != ',')
		fail_msg("%s: %zu columns and %zu rows (delimiter %c) back, not %zu and %zu:\n%s", what,
		    u.ncols, u.nrows, u.delimiter, t->ncols, t->nrows, s);
	for (size_t c = 0; c < t->ncols; c++)
		if (strcmp(u.cols[c].name, t->cols[c].name) != 0)
			fail_msg("%s: header %zu reads back as '%s', not '%s'", what, c + 1, u.cols[c].name,
			    t->cols[c].name);
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++)
			if (strcmp(F(&u, r, c), F(t, r, c)) != 0)
				fail_msg("%s: row %zu field %zu reads back as '%s', not '%s'", what, r + 1,
				    c + 1, F(&u, r, c), F(t, r, c));
	table_free(&u);
	free(s);
}

static char *
render_all(const struct table *t, enum format f)
{
	uint32_t rows[64];
	for (size_t r = 0; r < t->nrows; r++)
		rows[r] = (uint32_t)r;
	return render(t, rows, t->nrows, f);
}

/* ---- a small JSON parser: [ {"key": "value", ...}, ... ] ---- */

struct jpair {
	char *key, *value;
	size_t vlen;
};
struct jobj {
	struct jpair *p;
	size_t n;
};
struct jdoc {
	struct jobj *o;
	size_t n;
};

static void
skip_ws(const char **s)
{
	while (**s == ' ' || **s == '\n' || **s == '\r' || **s == '\t')
		(*s)++;
}

static int
hex4(const char *s, unsigned *v)
{
	*v = 0;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
		    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		*v = *v * 16 + (unsigned)d;
	}
	return 0;
}

/* Parses a JSON string at *s into a malloc'd buffer; NULL on a syntax
 * error (including a raw control character, which JSON forbids). */
static char *
parse_string(const char **s, size_t *len)
{
	if (**s != '"')
		return NULL;
	(*s)++;
	size_t cap = strlen(*s) + 1, n = 0;
	char *out = malloc(cap);
	while (**s != '"') {
		unsigned char c = (unsigned char)**s;
		if (c == '\0' || c < 0x20) {
			free(out);
			return NULL;
		}
		if (c != '\\') {
			out[n++] = (char)c;
			(*s)++;
			continue;
		}
		(*s)++;
		char esc = **s;
		(*s)++;
		switch (esc) {
		case 'n': out[n++] = '\n'; break;
		case 'r': out[n++] = '\r'; break;
		case 't': out[n++] = '\t'; break;
		case 'b': out[n++] = '\b'; break;
		case 'f': out[n++] = '\f'; break;
		case '"': case '\\': case '/': out[n++] = esc; break;
		case 'u': {
			unsigned v;
			if (hex4(*s, &v) < 0) {
				free(out);
				return NULL;
			}
			*s += 4;
			if (v >= 0xd800 && v < 0xdc00 && (*s)[0] == '\\' && (*s)[1] == 'u') {
				unsigned lo;
				if (hex4(*s + 2, &lo) == 0 && lo >= 0xdc00 && lo < 0xe000) {
					v = 0x10000 + ((v - 0xd800) << 10) + (lo - 0xdc00);
					*s += 6;
				}
			}
			n += (size_t)text_encode((int32_t)v, out + n);
			break;
		}
		default:
			free(out);
			return NULL;
		}
	}
	(*s)++;
	out[n] = '\0';
	*len = n;
	return out;
}

static void
jdoc_free(struct jdoc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		for (size_t j = 0; j < d->o[i].n; j++) {
			free(d->o[i].p[j].key);
			free(d->o[i].p[j].value);
		}
		free(d->o[i].p);
	}
	free(d->o);
	memset(d, 0, sizeof *d);
}

/* Returns 0 and fills d, or -1 on anything but an array of objects of
 * string values followed by white space. */
static int
parse_json(const char *s, struct jdoc *d)
{
	memset(d, 0, sizeof *d);
	skip_ws(&s);
	if (*s++ != '[')
		return -1;
	skip_ws(&s);
	if (*s == ']')
		goto end;
	for (;;) {
		skip_ws(&s);
		if (*s++ != '{')
			goto bad;
		d->o = realloc(d->o, (d->n + 1) * sizeof *d->o);
		struct jobj *o = &d->o[d->n++];
		memset(o, 0, sizeof *o);
		skip_ws(&s);
		if (*s != '}') {
			for (;;) {
				skip_ws(&s);
				size_t kl, vl;
				char *k = parse_string(&s, &kl);
				if (!k)
					goto bad;
				skip_ws(&s);
				if (*s++ != ':') {
					free(k);
					goto bad;
				}
				skip_ws(&s);
				char *v = parse_string(&s, &vl);
				if (!v) {
					free(k);
					goto bad;
				}
				o->p = realloc(o->p, (o->n + 1) * sizeof *o->p);
				o->p[o->n++] = (struct jpair){k, v, vl};
				skip_ws(&s);
				if (*s == ',') {
					s++;
					continue;
				}
				break;
			}
		}
		if (*s++ != '}')
			goto bad;
		skip_ws(&s);
		if (*s == ',') {
			s++;
			continue;
		}
		break;
	}
	if (*s != ']')
		goto bad;
end:
	s++;
	skip_ws(&s);
	if (*s == '\0')
		return 0;
bad:
	jdoc_free(d);
	return -1;
}

static void
json_parser_itself(void **state)
{
	(void)state;
	struct jdoc d;
	assert_int_equal(parse_json("[{\"a\": \"x\\n\\\"\\\\\\t\\r\\u00e9\\u20ac\\ud83d\\ude00\"}, {}]\n", &d), 0);
	assert_int_equal(d.n, 2);
	assert_string_equal(d.o[0].p[0].key, "a");
	assert_string_equal(d.o[0].p[0].value, "x\n\"\\\t\r\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
	assert_int_equal(d.o[1].n, 0);
	jdoc_free(&d);
	assert_int_equal(parse_json("[]", &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(parse_json("[{\"a\": \"raw\nbreak\"}]", &d), -1);
	assert_int_equal(parse_json("[{\"a\": \"x\"}", &d), -1);
	assert_int_equal(parse_json("[{\"a\": \"x\"}] x", &d), -1);
	assert_int_equal(parse_json("[{\"a\" \"x\"}]", &d), -1);
}

/* ---- formats ---- */

static void
format_names(void **state)
{
	(void)state;
	assert_int_equal(output_format_parse("text"), FORMAT_TEXT);
	assert_int_equal(output_format_parse("csv"), FORMAT_CSV);
	assert_int_equal(output_format_parse("tsv"), FORMAT_TSV);
	assert_int_equal(output_format_parse("json"), FORMAT_JSON);
	assert_int_equal(output_format_parse("xml"), -1);
	assert_int_equal(output_format_parse(""), -1);
}

/* For a terminal: the columns fit its width, the phone numbers whole; a
 * line with two numbers takes the room from its own territory, then its
 * name; a name is cut between characters, with "…". */
static void
text_fits_a_width(void **state)
{
	(void)state;
	struct table t;
	load_small(&t);
	uint32_t rows[] = {0, 1, 2};
	char *s = render_width(&t, rows, 3, 40);
	assert_string_equal(s,
	    "R\xc3\xa9so Villes" "            " "  Bretagne  02 40\n"
	    "Centre \"X\", Lyon (\xe2\x80\xa6  Rh\xc3\xb4\xe2\x80\xa6  04 78 / 04 79\n"
	    "Sans tel" "               " "  \xc3\x8ele\n");
	free(s);
	/* Wide enough: as into a pipe. */
	char *full = render(&t, rows, 3, FORMAT_TEXT);
	s = render_width(&t, rows, 3, 80);
	assert_string_equal(s, full);
	free(s);
	free(full);
	/* Narrower than any name can take: names keep 16 columns, the phones
	 * stay whole, the line overflows rather than hiding the number. */
	s = render_width(&t, rows + 1, 1, 10);
	assert_non_null(strstr(s, "04 78 / 04 79\n"));
	assert_non_null(strstr(s, "Centre"));
	free(s);
	table_free(&t);
}

static void
text_format(void **state)
{
	(void)state;
	struct table t;
	load_small(&t);
	uint32_t rows[] = {0, 1, 2};
	char *s = render(&t, rows, 3, FORMAT_TEXT);
	/* Name (acronym), territory, every phone; columns aligned by display
	 * width (é, ô, Î and • are one column each); no trailing spaces. */
	assert_string_equal(s,
	    "R\xc3\xa9so Villes" "              " "  Bretagne  02 40\n"
	    "Centre \"X\", Lyon (CR\xe2\x80\xa2" "DSU)  Rh\xc3\xb4ne     04 78 / 04 79\n"
	    "Sans tel" "                 " "  \xc3\x8ele\n");
	free(s);
	/* No rows: nothing. */
	s = render(&t, rows, 0, FORMAT_TEXT);
	assert_string_equal(s, "");
	free(s);
	table_free(&t);

	/* The Réunion centre of the built-in directory with both numbers. */
	struct directory d;
	struct err e;
	assert_int_equal(directory_load(&d, NULL, NULL, &e), 0);
	struct filter f;
	filter_init(&f);
	filter_set(&f, &d.t, "reunion");
	s = render(&d.t, f.rows, f.n, FORMAT_TEXT);
	assert_string_equal(s, "Centre de ressources Coh\xc3\xa9sion Sociale Urbaine (CR-CSUR)  "
	    "La R\xc3\xa9union  02 62 20 55 42 / 02 62 20 55 43\n");
	free(s);
	filter_free(&f);
	directory_free(&d);

	/* No territory nor phone column: just the names. */
	assert_int_equal(LOAD_STR(&t, "Structure,Ville\nMaison A,Lyon\nB,Paris\n", &e), 0);
	s = render_all(&t, FORMAT_TEXT);
	assert_string_equal(s, "Maison A\nB\n");
	free(s);
	table_free(&t);
}

/* Rows with the place that led to them (a filter's via[]), in text for a
 * width (0: a pipe) or in JSON. */
static char *
render_via(const struct table *t, const struct filter *f, enum format fmt, int width)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	assert_non_null(out);
	output_rows_via(out, t, f->rows, f->n, fmt, 0, width, f->via);
	fclose(out);
	return buf;
}

static void
via_in_text_and_json(void **state)
{
	(void)state;
	struct directory d;
	struct err e;
	assert_int_equal(directory_load(&d, NULL, NULL, &e), 0);
	struct filter f;
	filter_init(&f);
	filter_set(&f, &d.t, "93200");
	char *s = render_via(&d.t, &f, FORMAT_TEXT, 0);
	assert_string_equal(s, "Profession Banlieue  Seine Saint-Denis  01 48 09 26 36  "
	    "via Saint-Denis 93200, Seine-Saint-Denis\n");
	free(s);
	/* On a terminal: cut to what is left of the line, or left out. */
	s = render_via(&d.t, &f, FORMAT_TEXT, 80);
	assert_string_equal(s, "Profession Banlieue  Seine Saint-Denis  01 48 09 26 36  "
	    "via Saint-Denis 93200, \xe2\x80\xa6\n");
	assert_int_equal(text_width(s, strlen(s) - 1), 80);
	free(s);
	s = render_via(&d.t, &f, FORMAT_TEXT, 60);
	assert_string_equal(s, "Profession Banlieue  Seine Saint-Denis  01 48 09 26 36\n");
	free(s);
	/* JSON: the place itself, after the file's columns. */
	s = render_via(&d.t, &f, FORMAT_JSON, 0);
	struct jdoc j;
	if (parse_json(s, &j) < 0)
		fail_msg("not valid JSON:\n%s", s);
	assert_int_equal(j.n, 1);
	assert_int_equal(j.o[0].n, d.t.ncols + 1);
	assert_string_equal(j.o[0].p[d.t.ncols].key, "via");
	assert_string_equal(j.o[0].p[d.t.ncols].value, "Saint-Denis 93200, Seine-Saint-Denis");
	jdoc_free(&j);
	free(s);
	/* A row its own words found: null. Rows aligned after the longest
	 * phone numbers. */
	filter_set(&f, &d.t, "saint-denis");
	s = render_via(&d.t, &f, FORMAT_JSON, 0);
	assert_non_null(strstr(s, "\"id\": \"2\""));
	assert_non_null(strstr(s, "\"via\": null}"));
	assert_non_null(strstr(s, "\"via\": \"Saint-Denis, La R\xc3\xa9union\"}"));
	free(s);
	s = render_via(&d.t, &f, FORMAT_TEXT, 0);
	assert_non_null(strstr(s, "  02 62 20 55 42 / 02 62 20 55 43  via Saint-Denis, La R\xc3\xa9union\n"));
	assert_non_null(strstr(s, "  01 48 09 26 36\n"));
	free(s);
	/* CSV keeps the file's columns. */
	s = render_via(&d.t, &f, FORMAT_CSV, 0);
	assert_null(strstr(s, "via"));
	free(s);
	filter_free(&f);
	/* The card lists the départements covered, last. */
	size_t r = 0;
	while (strcmp(table_role(&d.t, r, ROLE_ID, NULL), "9") != 0)
		r++;
	s = card_text(&d.t, r);
	const char *last = "D\xc3\xa9partements: 16; 17; 19; 23; 24; 33; 40; 47; 64; 79; 86; 87\n";
	assert_true(strlen(s) > strlen(last));
	assert_string_equal(s + strlen(s) - strlen(last), last);
	free(s);
	directory_free(&d);
}

static void
csv_format(void **state)
{
	(void)state;
	struct table t;
	load_small(&t);
	char *s = render_all(&t, FORMAT_CSV);
	assert_string_equal(s,
	    "id,Nom,Sigle,Territoire,T\xc3\xa9l\xc3\xa9phone,T\xc3\xa9l\xc3\xa9phone,Note\r\n"
	    "1,R\xc3\xa9so Villes,,Bretagne,02 40,,\"a\r\nb\"\r\n"
	    "2,\"Centre \"\"X\"\", Lyon\",CR\xe2\x80\xa2" "DSU,Rh\xc3\xb4ne,04 78,04 79,\"tab\there\"\r\n"
	    "3,\"Sans\ntel\",,\xc3\x8ele,,,\" lead \\ \"\"q\"\"\"\r\n"
	    "4,Court,,,,,\r\n");

	/* Loaded back, every field is the same. */
	struct table u;
	struct err e;
	assert_int_equal(load_mem(&u, s, strlen(s), NULL, &e), 0);
	assert_int_equal(u.delimiter, ',');
	assert_int_equal(u.ncols, t.ncols);
	assert_int_equal(u.nrows, t.nrows);
	for (size_t c = 0; c < t.ncols; c++)
		assert_string_equal(u.cols[c].name, t.cols[c].name);
	for (size_t r = 0; r < t.nrows; r++)
		for (size_t c = 0; c < t.ncols; c++)
			assert_string_equal(F(&u, r, c), F(&t, r, c));
	assert_int_equal(u.nwarn_total, 0);
	table_free(&u);
	free(s);
	table_free(&t);
}

/* Headers that used to come back otherwise: a ';' or a TAB in a name (the
 * delimiter was then detected as ';' or TAB), a single empty header (a
 * blank line: the first row became the header), a name starting with
 * U+FEFF (read back as a byte order mark and dropped). */
static void
csv_round_trip_of_odd_headers(void **state)
{
	(void)state;
	static const char *const files[] = {
		"\"a;b;c\",d\n1,2\n",
		"\"x\ty\tz\",w\n1,2\n",
		"\"p|q|r\",s\n1,2\n",
		"\"\"\nvaleur\nautre\n",
		"\"\xEF\xBB\xBFnom\",tel\nA,1\n",
		"\"\xEF\xBB\xBF\"\nx\n",
		"nom;t\xc3\xa9l\n\" A \";\"=1+1\"\n\"\";x\n",
		"nom\n\" \"\n\"\t\"\n",
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		struct table t;
		struct err e;
		assert_int_equal(LOAD_STR(&t, files[i], &e), 0);
		assert_round_trip(&t, files[i]);
		table_free(&t);
	}
}

/* Every seed of the fuzzer and every batch-mode test file: what loads
 * writes a CSV that loads back the same. */
static void
csv_round_trip_of_the_corpus(void **state)
{
	(void)state;
	static const char *const dirs[] = {"tests/fuzz/corpus", "tests/fuzz/crashes", "tests/data/cli",
		"tests/data"};
	const char *top = getenv("CENTRES_TOP");
	size_t loaded = 0;
	for (size_t d = 0; d < sizeof dirs / sizeof dirs[0]; d++) {
		char dir[4096];
		snprintf(dir, sizeof dir, "%s/%s", top && *top ? top : ".", dirs[d]);
		DIR *dp = opendir(dir);
		assert_non_null(dp);
		struct dirent *de;
		while ((de = readdir(dp)) != NULL) {
			char path[8192];
			snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
			struct stat sb;
			if (de->d_name[0] == '.' || stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
				continue;
			struct table t;
			struct err e;
			table_init(&t, path);
			if (csvload_file(&t, path, NULL, &e) == 0) {
				assert_round_trip(&t, path);
				loaded++;
			}
			table_free(&t);
		}
		closedir(dp);
	}
	assert_true(loaded >= 20);
}

/* A cell a spreadsheet would run as a formula (=, +, -, @ first) is written
 * after a ' in CSV and TSV, unless OUTPUT_RAW; JSON and text keep it. */
static void
formulas_written_as_text(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	assert_int_equal(LOAD_STR(&t, "nom,tel,note\n=HYPERLINK(\"http://x\"),+33 1 99 00,-moins\n"
	    "@SUM(A1),01 99,a=b\n", &e), 0);
	char *s = render_with(&t, FORMAT_CSV, 0);
	assert_string_equal(s, "nom,tel,note\r\n"
	    "\"'=HYPERLINK(\"\"http://x\"\")\",'+33 1 99 00,'-moins\r\n"
	    "'@SUM(A1),01 99,a=b\r\n");
	free(s);
	s = render_with(&t, FORMAT_TSV, 0);
	assert_string_equal(s, "nom\ttel\tnote\n"
	    "'=HYPERLINK(\"http://x\")\t'+33 1 99 00\t'-moins\n"
	    "'@SUM(A1)\t01 99\ta=b\n");
	free(s);
	s = render_with(&t, FORMAT_CSV, OUTPUT_RAW);
	assert_non_null(strstr(s, "\"=HYPERLINK("));
	assert_non_null(strstr(s, ",+33 1 99 00,-moins"));
	free(s);
	s = render_with(&t, FORMAT_JSON, 0);
	assert_non_null(strstr(s, "\"=HYPERLINK("));
	free(s);
	table_free(&t);
}

static void
tsv_format(void **state)
{
	(void)state;
	struct table t;
	load_small(&t);
	uint32_t rows[] = {2, 1};
	char *s = render(&t, rows, 2, FORMAT_TSV);
	/* One line a row: tabs and line breaks in fields become spaces. */
	assert_string_equal(s,
	    "id\tNom\tSigle\tTerritoire\tT\xc3\xa9l\xc3\xa9phone\tT\xc3\xa9l\xc3\xa9phone\tNote\n"
	    "3\tSans tel\t\t\xc3\x8ele\t\t\t lead \\ \"q\"\n"
	    "2\tCentre \"X\", Lyon\tCR\xe2\x80\xa2" "DSU\tRh\xc3\xb4ne\t04 78\t04 79\ttab here\n");
	free(s);
	table_free(&t);
}

static void
json_format(void **state)
{
	(void)state;
	struct table t;
	load_small(&t);
	char *s = render_all(&t, FORMAT_JSON);
	struct jdoc d;
	if (parse_json(s, &d) < 0)
		fail_msg("not valid JSON:\n%s", s);
	assert_int_equal(d.n, t.nrows);
	static const char *const keys[] = {"id", "Nom", "Sigle", "Territoire",
		"T\xc3\xa9l\xc3\xa9phone", "T\xc3\xa9l\xc3\xa9phone (2)", "Note"};
	for (size_t r = 0; r < d.n; r++) {
		assert_int_equal(d.o[r].n, t.ncols);
		for (size_t c = 0; c < t.ncols; c++) {
			size_t len;
			const char *f = table_field(&t, r, c, &len);
			assert_string_equal(d.o[r].p[c].key, keys[c]);
			assert_int_equal(d.o[r].p[c].vlen, len);
			assert_memory_equal(d.o[r].p[c].value, f, len);
		}
	}
	/* Line breaks kept (escaped), as read. */
	assert_string_equal(d.o[0].p[6].value, "a\r\nb");
	assert_string_equal(d.o[1].p[1].value, "Centre \"X\", Lyon");
	assert_string_equal(d.o[1].p[6].value, "tab\there");
	assert_string_equal(d.o[2].p[1].value, "Sans\ntel");
	assert_string_equal(d.o[2].p[6].value, " lead \\ \"q\"");
	assert_string_equal(d.o[3].p[6].value, "");
	jdoc_free(&d);
	free(s);

	/* No rows: an empty array. */
	s = render(&t, NULL, 0, FORMAT_JSON);
	assert_int_equal(parse_json(s, &d), 0);
	assert_int_equal(d.n, 0);
	free(s);
	table_free(&t);
}

static void
json_of_builtin_round_trips(void **state)
{
	(void)state;
	struct directory dir;
	struct err e;
	assert_int_equal(directory_load(&dir, NULL, NULL, &e), 0);
	char *s = render_all(&dir.t, FORMAT_JSON);
	struct jdoc d;
	assert_int_equal(parse_json(s, &d), 0);
	assert_int_equal(d.n, 20);
	for (size_t r = 0; r < 20; r++)
		for (size_t c = 0; c < dir.t.ncols; c++) {
			assert_string_equal(d.o[r].p[c].key, dir.t.cols[c].name);
			assert_string_equal(d.o[r].p[c].value, F(&dir.t, r, c));
		}
	/* La Réunion's second number, wherever its column is. */
	size_t tel2 = 0;
	while (tel2 < dir.t.ncols && strcmp(dir.t.cols[tel2].name, "telephone_2") != 0)
		tel2++;
	assert_true(tel2 < dir.t.ncols);
	assert_string_equal(d.o[15].p[tel2].value, "02 62 20 55 43");
	jdoc_free(&d);
	free(s);
	directory_free(&dir);
}

static void
json_keys(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	/* Repeated and empty headers, a header that looks like a repeat, and
	 * the extra column of a long row. */
	assert_int_equal(LOAD_STR(&t, "tel,tel (2),tel,,tel,\"a\"\"b\"\nx,y,z,w,v,u,extra\n", &e), 0);
	char **k = output_keys(&t);
	assert_int_equal(t.ncols, 7);
	static const char *const want[] = {"tel", "tel (2)", "tel (3)", "colonne 4", "tel (4)",
		"a\"b", "colonne 7"};
	for (size_t c = 0; c < 7; c++)
		assert_string_equal(k[c], want[c]);
	for (size_t c = 0; c < 7; c++)
		for (size_t j = 0; j < c; j++)
			assert_string_not_equal(k[c], k[j]);
	for (size_t c = 0; c < t.ncols; c++)
		free(k[c]);
	free(k);

	char *s = render_all(&t, FORMAT_JSON);
	struct jdoc d;
	assert_int_equal(parse_json(s, &d), 0);
	assert_int_equal(d.o[0].n, 7);
	for (size_t c = 0; c < 7; c++)
		assert_string_equal(d.o[0].p[c].key, want[c]);
	assert_string_equal(d.o[0].p[6].value, "extra");
	jdoc_free(&d);
	free(s);
	table_free(&t);
}

/* 100,000 columns of one name get 100,000 keys at once (the earlier way of
 * trying "h (2)", "h (3)"... against every earlier key took cubic time: 43 s
 * for 4,000 columns, never done for 100,000). */
static void
json_keys_of_many_repeated_columns(void **state)
{
	(void)state;
	enum { N = 100000 };
	struct arena csv = {0};
	for (int i = 0; i < N; i++)
		arena_append(&csv, i ? ",h" : "h", i ? 2 : 1);
	/* a column named as a repeat would be, among them */
	arena_append(&csv, ",h (7)\n", 7);
	struct table t;
	struct err e;
	assert_int_equal(load_mem(&t, csv.base, csv.len, NULL, &e), 0);
	arena_free(&csv);
	assert_int_equal(t.ncols, N + 1);
	char **k = output_keys(&t);
	assert_string_equal(k[0], "h");
	assert_string_equal(k[1], "h (2)");
	assert_string_equal(k[6], "h (7)");
	assert_string_equal(k[N - 1], "h (100000)");
	/* the last column's own name was taken by the 7th: it gets the next */
	assert_string_equal(k[N], "h (7) (2)");
	for (size_t c = 0; c <= N; c++)
		free(k[c]);
	free(k);
	table_free(&t);
}

static bool
has_terminal_controls(const char *s)
{
	for (size_t i = 0; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f)
			return true;
		if (c == 0xc2 && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] < 0xa0)
			return true;
		if (c == 0xe2 && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] >= 0xaa &&
		    (unsigned char)s[i + 2] <= 0xae)
			return true;
	}
	return false;
}

static void
hostile_content_never_output(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	const char csv[] = "nom\x1b[2J,tel,note\n"
	    "\x1b]0;titre\x07Mairie \xc2\x9b" "31m,04\x7f 78,\"\xe2\x80\xae" "abc\x1b\\\n\x08x\"\n";
	assert_int_equal(load_mem(&t, csv, sizeof csv - 1, NULL, &e), 0);
	for (int f = FORMAT_TEXT; f <= FORMAT_JSON; f++) {
		char *s = render_all(&t, (enum format)f);
		if (has_terminal_controls(s))
			fail_msg("format %d lets a control through: %s", f, s);
		assert_non_null(strstr(s, "Mairie"));
		free(s);
	}
	char *card = card_text(&t, 0);
	assert_false(has_terminal_controls(card));
	free(card);
	table_free(&t);
}

static void
card(void **state)
{
	(void)state;
	struct table t;
	load_small(&t);
	/* The screen's card: its order (name, phones, territory, acronym,
	 * then the other columns) and its labels; each value on a line; no id. */
	char *s = card_text(&t, 1);
	assert_string_equal(s, "Name: Centre \"X\", Lyon\n"
	    "Phone: 04 78\n"
	    "Phone: 04 79\n"
	    "Territory: Rh\xc3\xb4ne\n"
	    "Acronym: CR\xe2\x80\xa2" "DSU\n"
	    "Note: tab here\n");
	free(s);
	table_free(&t);
	/* The region, when it is the territory again, is not repeated; when
	 * it says more, it is there. */
	static const char regions[] = "nom,territoire,region\nA,Grand-Est,Grand Est\n"
	    "B,Gard,Occitanie\n";
	struct err e0;
	assert_int_equal(load_mem(&t, regions, sizeof regions - 1, NULL, &e0), 0);
	s = card_text(&t, 0);
	assert_string_equal(s, "Name: A\nTerritory: Grand-Est\n");
	free(s);
	s = card_text(&t, 1);
	assert_string_equal(s, "Name: B\nTerritory: Gard\nRegion: Occitanie\n");
	free(s);
	table_free(&t);
	/* A header name with a line break (quoted): its label is one line
	 * too (the fuzzer's load-card-label-newline.csv). */
	static const char broken[] = "\"a\nb\",nom\nx,y\n";
	struct err e;
	assert_int_equal(load_mem(&t, broken, sizeof broken - 1, NULL, &e), 0);
	s = card_text(&t, 0);
	assert_string_equal(s, "Name: y\na b: x\n");
	free(s);
	table_free(&t);
}

/* ---- --check ---- */

static char *
check_report(const struct table *t)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	assert_non_null(out);
	output_check(out, t);
	fclose(out);
	return buf;
}

static void
check_report_content(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	const char csv[] = "Nom;Ville;T\xe9l\r\nA;Lyon\r\nB;Paris;01\r\nC;Nice;04;x\r\n";
	assert_int_equal(load_mem(&t, csv, sizeof csv - 1, NULL, &e), 0);
	char *s = check_report(&t);
	assert_string_equal(s,
	    "test.csv: 3 rows, 4 columns (header on line 1)\n"
	    "delimiter: semicolon (;), detected\n"
	    "encoding: WINDOWS-1252 \xe2\x80\x94 no UTF-8 text found: read as Windows-1252 "
	    "(use --encoding to choose another)\n"
	    "columns:\n"
	    "  1. Nom -> name\n"
	    "  2. Ville\n"
	    "  3. T\xc3\xa9l -> phone\n"
	    "  4. colonne 4\n"
	    "warnings: 2\n"
	    "test.csv:2: warning: 2 fields instead of 3: the missing ones are left empty\n"
	    "test.csv:4: warning: 4 fields instead of 3: the extra ones are kept\n");
	free(s);
	table_free(&t);

	/* Clean, delimiter given, no name column. */
	struct load_opts o = {.delimiter = ','};
	const char clean[] = "\n\nville,code\nLyon,69\n";
	assert_int_equal(load_mem(&t, clean, sizeof clean - 1, &o, &e), 0);
	s = check_report(&t);
	assert_string_equal(s,
	    "test.csv: 1 row, 2 columns (header on line 3)\n"
	    "delimiter: comma (,), as given\n"
	    "encoding: UTF-8\n"
	    "columns:\n"
	    "  1. ville\n"
	    "  2. code\n"
	    "note: no name column recognised; the first column serves as the name\n"
	    "warnings: none\n");
	free(s);
	table_free(&t);
}

static void
check_report_many_warnings(void **state)
{
	(void)state;
	size_t cap = 64 * 1024, n = 0;
	char *csv = malloc(cap);
	assert_non_null(csv);
	n += (size_t)snprintf(csv, cap, "nom\ttel\n");
	for (int i = 0; i < 1200; i++)
		n += (size_t)snprintf(csv + n, cap - n, "x%d\n", i);
	struct table t;
	struct err e;
	assert_int_equal(load_mem(&t, csv, n, NULL, &e), 0);
	char *s = check_report(&t);
	assert_non_null(strstr(s, "delimiter: tab, detected\n"));
	assert_non_null(strstr(s, "warnings: 1200\n"));
	assert_non_null(strstr(s, "test.csv:2: warning: 1 field instead of 2: the missing ones are left empty\n"));
	assert_non_null(strstr(s, "test.csv:1001: warning:"));
	assert_null(strstr(s, "test.csv:1002: warning:"));
	size_t len = strlen(s);
	const char *tail = "(200 more warnings not shown)\n";
	assert_true(len > strlen(tail));
	assert_string_equal(s + len - strlen(tail), tail);
	free(s);
	table_free(&t);
	free(csv);
}

int
main(void)
{
	setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json_parser_itself),
		cmocka_unit_test(format_names),
		cmocka_unit_test(text_format),
		cmocka_unit_test(text_fits_a_width),
		cmocka_unit_test(via_in_text_and_json),
		cmocka_unit_test(csv_format),
		cmocka_unit_test(csv_round_trip_of_odd_headers),
		cmocka_unit_test(csv_round_trip_of_the_corpus),
		cmocka_unit_test(formulas_written_as_text),
		cmocka_unit_test(tsv_format),
		cmocka_unit_test(json_format),
		cmocka_unit_test(json_of_builtin_round_trips),
		cmocka_unit_test(json_keys),
		cmocka_unit_test(json_keys_of_many_repeated_columns),
		cmocka_unit_test(hostile_content_never_output),
		cmocka_unit_test(card),
		cmocka_unit_test(check_report_content),
		cmocka_unit_test(check_report_many_warnings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
