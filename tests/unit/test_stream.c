/* SPDX-License-Identifier: MIT
 * test_stream: the stream (batch/stream.c, core/scan.c) against the full
 * path on generated directories: accents and ligatures, quoted commas,
 * doubled quotes, line breaks inside quotes, CR LF and lone CR, ',' ';'
 * TAB and '|', ragged rows, empty rows, blank lines, a byte order mark, a
 * header alone, acronyms with separators, phone numbers written every way,
 * Saint and St; and now and then what the fast path must leave to the full
 * path (a bad quote, an unterminated one, a control character, invalid
 * UTF-8, a column of départements). For many seeded queries (words,
 * phrases, field:value, phone digits, st/saint, acronyms without their
 * dashes, pieces of the generated fields) in every format, the two print
 * the same bytes on standard output and error with the same status, and
 * the stream takes the full path only where it must. The record splitter
 * is also held to the loader row by row: lines, fields, rows kept. */
#include "unit.h"

#include <unistd.h>

#include "core/arena.h"
#include "core/scan.h"
#include "stream_both.h"

static unsigned long long seed;

static unsigned
rnd(unsigned n)
{
	seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
	return (unsigned)((seed >> 11) % n);
}

#define PICK(a) ((a)[rnd(sizeof (a) / sizeof (a)[0])])

static const char *const words[] = {"Centre", "social", "Réunion", "RÉUNION", "reunion",
	"Saint-Denis", "St Denis", "Ste-Anne", "Sainte Anne", "Cœur", "coeur", "Île-de-France",
	"Val-d’Oise", "val d'oise", "CR-CSUR", "CR•DSU", "CR CSUR", "Épicerie", "« maison »",
	"e\xcc\x81\x63ole", "Nîmes", "Rennes", "ﬁn", "Ⅻ", "½", "straße", "a", "", " ", "=1+1",
	"-x", "@home", "04 78 77 01 43", "+33 4 78 77 01 43", "0033478770143", "+33 (0)4 78",
	"04.78.77.01.43", "01 48 09 26 36", "33", "974", "colonne 3"};
static const char *const heads[] = {"nom", "sigle", "territoire", "telephone", "tel 2",
	"courriel", "statut", "adresse", "Nom", "", "id", "région", "colonne 5", "via"};

static const char *
line_break(void)
{
	static const char *const eol[] = {"\n", "\n", "\n", "\r\n", "\r\n", "\r"};
	return PICK(eol);
}

/* One field of the generated text: words, maybe quoted (with a delimiter,
 * a doubled quote, a line break inside). */
/* Characters of the BMP no other test has met, in some fields: the
 * stream folds them as it meets them (core/scan.c keeps each once). */
static bool exotic;

static void
gen_field(struct arena *a, char delim, bool hostile)
{
	struct arena f = {0};
	unsigned nw = rnd(4);
	for (unsigned i = 0; i < nw; i++) {
		if (i)
			arena_putc(&f, rnd(5) ? ' ' : '-');
		const char *w = PICK(words);
		arena_append(&f, w, strlen(w));
	}
	if (exotic && rnd(2)) {	/* U+4E00..U+9FFF, U+AC00..U+D7A3: 3 bytes */
		unsigned cp = rnd(2) ? 0x4e00 + rnd(0x5200) : 0xac00 + rnd(0x2ba4);
		char u[3] = {(char)(0xe0 | (cp >> 12)), (char)(0x80 | ((cp >> 6) & 0x3f)),
		    (char)(0x80 | (cp & 0x3f))};
		arena_append(&f, u, 3);
	}
	bool quote = rnd(4) == 0;
	if (quote) {
		switch (rnd(6)) {
		case 0: arena_putc(&f, delim); break;
		case 1: arena_append(&f, "\"\"", 2); break;
		case 2: {
			const char *eol = line_break();
			arena_append(&f, eol, strlen(eol));
			break;
		}
		case 3: arena_putc(&f, ','); break;
		default: break;
		}
	}
	if (hostile && rnd(40) == 0) {
		static const char *const bad[] = {"\x01", "\xff", "\xc2\x85", "\xe2\x80\xae", "\x7f",
			"\xc3", "\0"};
		const char *b = PICK(bad);
		arena_append(&f, b, b[0] ? strlen(b) : 1);
	}
	if (quote)
		arena_putc(a, '"');
	arena_append(a, f.base ? f.base : "", f.len);
	if (quote) {
		arena_putc(a, '"');
		if (hostile && rnd(30) == 0)
			arena_putc(a, 'x');	/* text after the closing quote */
	} else if (hostile && rnd(60) == 0) {
		arena_putc(a, '"');	/* a quote inside an unquoted field */
	}
	arena_free(&f);
}

/* A generated directory into a; its delimiter in *delim. */
/* Rows a generated file has at most. */
static unsigned max_rows = 60;

static void
gen_csv(struct arena *a, bool hostile, char *delim)
{
	static const char delims[] = {',', ',', ',', ';', '\t', '|'};
	*delim = PICK(delims);
	a->len = 0;
	if (rnd(10) == 0)
		arena_append(a, "\xEF\xBB\xBF", 3);
	for (unsigned i = rnd(3) == 0 ? rnd(3) : 0; i; i--)
		arena_append(a, "\n", 1);
	unsigned ncols = 1 + rnd(6);
	bool places = hostile && rnd(4) == 0;
	for (unsigned c = 0; c < ncols; c++) {
		if (c)
			arena_putc(a, *delim);
		const char *h = c == 0 && places ? "departement" : PICK(heads);
		if (rnd(8) == 0) {
			arena_putc(a, '"');
			arena_append(a, h, strlen(h));
			arena_putc(a, '"');
		} else {
			arena_append(a, h, strlen(h));
		}
	}
	unsigned nrows = rnd(5) == 0 ? 0 : rnd(max_rows);
	for (unsigned r = 0; r < nrows; r++) {
		const char *eol = line_break();
		arena_append(a, eol, strlen(eol));
		if (rnd(15) == 0)
			continue;	/* a blank line */
		unsigned n = rnd(8) == 0 ? 1 + rnd(ncols + 3) : ncols;
		for (unsigned c = 0; c < n; c++) {
			if (c)
				arena_putc(a, *delim);
			if (rnd(12) == 0)
				continue;	/* empty */
			if (c == 0 && places && rnd(2)) {
				arena_append(a, "974", 3);
				continue;
			}
			gen_field(a, *delim, hostile);
		}
	}
	if (rnd(2)) {
		const char *eol = line_break();
		arena_append(a, eol, strlen(eol));
	}
	if (hostile && rnd(30) == 0)
		arena_append(a, "\"open", 5);	/* never closed */
}

/* Queries: fixed ones, and pieces of the generated text. */
static void
gen_query(char *q, size_t room, const struct arena *csv)
{
	static const char *const fixed[] = {"reunion", "réunion", "saint", "st denis", "ste anne",
		"sainte", "\"val d'oise\"", "val-d'oise", "coeur", "œ", "crcsur", "cr-csur", "crdsu",
		"CR.DSU", "nom:centre", "sigle:crcsur", "territoire:reu", "0478", "04 78 77",
		"+33 4 78", "0033 4", "tel:01", "telephone:01 48", "e", "é", "ecole", "fi", "xii",
		"1/2", "strasse", "=", "\"centre \"", "\" \"", "a b c", "nom:", "-", "33", "974",
		"colonne3:x", "via:x", "\"saint denis\" reunion", "REUNION 04", "zzz", ""};
	if (rnd(3) || !csv->len) {
		snprintf(q, room, "%s", PICK(fixed));
		return;
	}
	size_t at = rnd((unsigned)csv->len), n = 1 + rnd(12);
	size_t k = 0;
	for (size_t i = at; i < csv->len && k < n && k + 1 < room; i++)
		if (csv->base[i] != '\0')
			q[k++] = csv->base[i];
	q[k] = '\0';
}

static char path[64];

static void
write_file(const struct arena *a)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(a->base, 1, a->len, f), a->len);
	assert_int_equal(fclose(f), 0);
}

/* The stream against the full path on generated files; returns how many
 * runs streamed. */
static size_t
differential(bool hostile, unsigned files, unsigned queries)
{
	struct arena csv = {0};
	size_t streamed = 0;
	for (unsigned i = 0; i < files; i++) {
		char delim;
		gen_csv(&csv, hostile, &delim);
		write_file(&csv);
		for (unsigned k = 0; k < queries; k++) {
			char q[64];
			gen_query(q, sizeof q, &csv);
			struct load_opts o = {0};
			if (rnd(6) == 0)
				o.delimiter = delim;
			enum format f = (enum format)rnd(4);
			unsigned flags = rnd(3) == 0 ? OUTPUT_RAW : 0;
			struct printed s = {0}, full = {0};
			run_both(path, &o, rnd(10) ? q : NULL, f, flags, &s, &full);
			const char *why = printed_differ(&s, &full);
			if (why) {
				FILE *keepf = fopen("/tmp/test_stream_failure.csv", "wb");
				if (keepf) {
					fwrite(csv.base, 1, csv.len, keepf);
					fclose(keepf);
				}
				fail_msg("file %u (kept in /tmp/test_stream_failure.csv), query '%s', "
				    "format %d: %s differs\n--- stream (%d):\n%.*s%.*s--- full (%d):\n"
				    "%.*s%.*s", i, q, (int)f, why, s.rc, (int)s.errn, s.err, (int)s.outn,
				    s.out, full.rc, (int)full.errn, full.err, (int)full.outn, full.out);
			}
			streamed += s.rc != STREAM_FULL_PATH;
			printed_free(&s);
			printed_free(&full);
		}
	}
	arena_free(&csv);
	return streamed;
}

/* Clean generated directories: the stream takes nearly all of them. */
static void
stream_is_the_full_path(void **state)
{
	(void)state;
	seed = 0x9e3779b97f4a7c15ull;
	size_t runs = 400 * 12;
	size_t streamed = differential(false, 400, 12);
	/* Only a literal quote in a header, or a "colonne" in a query, sends
	 * a clean file the full way. */
	assert_true(streamed * 10 > runs * 8);
}

/* Files whose pieces hold thousands of records: the same output still. */
static void
large_pieces(void **state)
{
	(void)state;
	seed = 0x51ed270b2d3a4f1dull;
	max_rows = 6000;
	exotic = true;	/* new characters in both halves of a piece */
	size_t streamed = differential(false, 8, 6) + differential(true, 6, 4);
	exotic = false;
	max_rows = 60;
	assert_true(streamed > 0);
}

/* A file whose second pass reads several pieces (a MiB of kept records
 * each), worked on two at a time: the output joined in the file's order,
 * in every format. */
static void
many_pieces(void **state)
{
	(void)state;
	seed = 0x2b992ddfa23249d6ull;
	max_rows = 70000;
	struct arena csv = {0};
	char delim;
	/* Three pieces at least (two at once, then one), a header the stream
	 * takes (no literal quote). */
	const char *eol;
	do {
		gen_csv(&csv, false, &delim);
		eol = memchr(csv.base, '\n', csv.len);
	} while (csv.len < ((size_t)5 << 19) || !eol || memchr(csv.base, '"', (size_t)(eol - csv.base)));
	write_file(&csv);
	static const struct { enum format f; const char *q; } runs[] = {{FORMAT_TEXT, NULL},
	    {FORMAT_CSV, NULL}, {FORMAT_TSV, "e"}, {FORMAT_JSON, "e"}};
	for (size_t k = 0; k < sizeof runs / sizeof runs[0]; k++) {
		struct load_opts o = {.delimiter = delim};	/* '|' too */
		struct printed st = {0}, full = {0};
		run_both(path, &o, runs[k].q, runs[k].f, 0, &st, &full);
		const char *why = printed_differ(&st, &full);
		if (why)
			fail_msg("query '%s', format %d: %s differs", runs[k].q ? runs[k].q : "(none)",
			    (int)runs[k].f, why);
		assert_int_not_equal(st.rc, STREAM_FULL_PATH);
		assert_true(st.outn > ((size_t)2 << 20));
		printed_free(&st);
		printed_free(&full);
	}
	arena_free(&csv);
	max_rows = 60;
}

/* With hostile bytes too: the same output, or the full path. */
static void
hostile_inputs(void **state)
{
	(void)state;
	seed = 0x2545f4914f6cdd1dull;
	size_t streamed = differential(true, 400, 8);
	assert_true(streamed > 0);
}

/* The record splitter against the loader on the same text: the rows it
 * keeps, their lines and fields; the errors it sees. */
static void
records_as_the_loader(void **state)
{
	(void)state;
	seed = 0x1234567887654321ull;
	struct arena csv = {0};
	for (unsigned i = 0; i < 2000; i++) {
		char delim;
		gen_csv(&csv, i % 2, &delim);
		struct table t;
		struct err e;
		struct load_opts o = {.delimiter = delim};
		int rc = load_mem(&t, csv.base, csv.len, &o, &e);
		const char *s = csv.base;
		size_t n = csv.len;
		if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
			s += 3, n -= 3;
		/* Split in pieces as the stream reads, at a random size. */
		struct scan_recs recs = {0};
		size_t at = 0, piece = 1 + rnd(64);
		uint32_t line = 1;
		enum scan_status st = SCAN_OK;
		while (st == SCAN_OK) {
			size_t have = at + piece < n ? at + piece : n, done;
			size_t before = recs.n;
			st = scan_records(s + at, have - at, have == n, delim, &line, &done, &recs);
			for (size_t k = before; k < recs.n; k++) {
				recs.r[k].start += at, recs.r[k].end += at;
				/* The rest of the check, as the stream makes it. */
				if (st == SCAN_OK && !scan_clean(s + recs.r[k].start,
				    recs.r[k].end - recs.r[k].start))
					st = SCAN_UNCLEAN;
			}
			at += done;
			if (have == n)
				break;
			if (!done)
				piece *= 2;
		}
		if (st != SCAN_OK) {
			/* Unclean text is decoded by the loader, not refused. */
			if (st != SCAN_UNCLEAN && rc == 0)
				fail_msg("file %u: scan status %d, the loader loads it", i, (int)st);
		} else if (rc == 0 && strcmp(t.encoding, "UTF-8") == 0 && !t.notice[0]) {
			size_t r = 0;
			assert_true(recs.n > 0);
			assert_int_equal(recs.r[0].line, t.header_line);
			for (size_t k = 1; k < recs.n; k++) {
				if (!recs.r[k].content)
					continue;
				assert_true(r < t.nrows);
				assert_int_equal(recs.r[k].line, t.rows[r].line);
				assert_int_equal(recs.r[k].nfields, t.rows[r].nfields);
				r++;
			}
			assert_int_equal(r, t.nrows);
		} else if (rc == 0 && strcmp(t.encoding, "UTF-8") == 0 && t.nwarn == 0) {
			fail_msg("file %u: clean for the loader, not for the scan", i);
		}
		free(recs.r);
		table_free(&t);
	}
	arena_free(&csv);
}

/* A row its words match has its needles in its skeleton, whatever
 * separates its letters there. */
static void
needles_in_skeletons(void **state)
{
	(void)state;
	static const char csv[] = "nom,sigle,tel\n"
	    "Centre de la Réunion,CR-CSUR,+33 (0)4 78 77 01 43\n"
	    "St-Denis « Cœur »,CR•DSU,0033 4 78 77 01 43\n";
	struct table t;
	struct err e;
	assert_int_equal(LOAD_STR(&t, csv, &e), 0);
	static const char *const queries[] = {"reunion", "la-reunion", "crcsur", "cr dsu",
		"saint denis", "coeur", "0478770143", "04 78 77 01 43", "tel:+33 4 78", "\"de la\""};
	for (size_t k = 0; k < sizeof queries / sizeof queries[0]; k++) {
		struct query q;
		query_parse(&t, queries[k], &q);
		struct needles nd;
		scan_needles(&q, &nd);
		assert_true(nd.n > 0);
		for (size_t r = 0; r < t.nrows; r++) {
			if (!query_match(&t, &q, r))
				continue;
			struct arena sk = {0};
			const char *line = strchr(csv, '\n') + 1;
			for (size_t i = 0; i < r; i++)
				line = strchr(line, '\n') + 1;
			scan_skeleton(&sk, line, (size_t)(strchr(line, '\n') - line));
			if (!scan_needles_in(&nd, sk.base, sk.len, (size_t)-1))
				fail_msg("'%s' matches row %zu, its skeleton '%.*s' lacks a needle",
				    queries[k], r, (int)sk.len, sk.base);
			arena_free(&sk);
		}
		scan_needles_free(&nd);
		query_free(&q);
	}
	table_free(&t);
}

/* What the fast path does not take goes the full way: nothing printed. */
static void
full_path_where_it_must(void **state)
{
	(void)state;
	static const char *const files[] = {
		"nom\n\"A\"x,1\n",			/* text after a closing quote */
		"nom\n\"open\n",			/* never closed */
		"nom\nA\x01\n",				/* a control character */
		"nom\nR\xe9union\n",			/* Windows-1252 */
		"departement,nom\n974,Réunion\n",	/* places: the whole table */
		"\n\n",					/* no header */
		"no\"m\",x\nA,B\n",			/* a quote inside the header */
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		struct arena a = {0};
		arena_append(&a, files[i], strlen(files[i]));
		write_file(&a);
		arena_free(&a);
		struct load_opts o = {0};
		struct printed s = {0}, full = {0};
		run_both(path, &o, "reunion", FORMAT_CSV, 0, &s, &full);
		assert_int_equal(s.rc, STREAM_FULL_PATH);
		assert_int_equal(s.outn + s.errn, 0);
		printed_free(&s);
		printed_free(&full);
	}
	/* The same places table with a field term streams: no place then. */
	struct printed s = {0}, full = {0};
	struct arena a = {0};
	arena_append(&a, files[4], strlen(files[4]));
	write_file(&a);
	arena_free(&a);
	run_both(path, &(struct load_opts){0}, "nom:reunion", FORMAT_CSV, 0, &s, &full);
	assert_int_equal(s.rc, 0);
	assert_null(printed_differ(&s, &full));
	assert_string_equal(s.out, "departement,nom\r\n974,Réunion\r\n");
	printed_free(&s);
	printed_free(&full);
}

/* Longer rows add columns: every format has them from the first row, and
 * the warnings say which rows, with the loader's words and lines. */
static void
ragged_rows_and_warnings(void **state)
{
	(void)state;
	struct arena a = {0};
	arena_append(&a, "nom,tel\n", 8);
	for (int i = 0; i < 3000; i++) {
		char row[64];
		int n = snprintf(row, sizeof row, i % 500 == 7 ? "Réunion %d,1,2,3\n" :
		    i % 700 == 3 ? "Rennes %d\n" : "Réunion %d,02 62\n", i);
		arena_append(&a, row, (size_t)n);
	}
	write_file(&a);
	arena_free(&a);
	for (int f = FORMAT_TEXT; f <= FORMAT_JSON; f++) {
		struct printed s = {0}, full = {0};
		run_both(path, &(struct load_opts){0}, "reunion", (enum format)f, 0, &s, &full);
		assert_int_equal(s.rc, 0);
		assert_null(printed_differ(&s, &full));
		assert_non_null(strstr(s.err, "test_stream"));
		assert_non_null(strstr(s.err, ":9: warning: 4 fields instead of 2"));
		assert_non_null(strstr(s.err, "more warnings (see centres --check)"));
		printed_free(&s);
		printed_free(&full);
	}
}

static int
setup(void **state)
{
	(void)state;
	snprintf(path, sizeof path, "/tmp/test_stream.%ld.csv", (long)getpid());
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unlink(path);
	return 0;
}

int
main(void)
{
	setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(stream_is_the_full_path),
		cmocka_unit_test(hostile_inputs),
		cmocka_unit_test(large_pieces),
		cmocka_unit_test(many_pieces),
		cmocka_unit_test(records_as_the_loader),
		cmocka_unit_test(needles_in_skeletons),
		cmocka_unit_test(full_path_where_it_must),
		cmocka_unit_test(ragged_rows_and_warnings),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
