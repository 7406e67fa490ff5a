/* SPDX-License-Identifier: MIT
 * csvcount: a bare libcsv pass over FILE, the floor of any loader built on
 * libcsv (make bench's reference, tests/bench/run.sh): reads the file in
 * pieces of 1 MiB, hands them to csv_parse() with callbacks that only count
 * the fields and the rows, and prints both counts. */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

struct counts {
	unsigned long fields, rows;
};

static void
on_field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	((struct counts *)data)->fields++;
}

static void
on_row(int c, void *data)
{
	(void)c;
	((struct counts *)data)->rows++;
}

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: csvcount FILE\n", stderr);
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	struct csv_parser p;
	if (csv_init(&p, 0) != 0)
		return 2;
	static char buf[1 << 20];
	struct counts c = {0, 0};
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		if (csv_parse(&p, buf, n, on_field, on_row, &c) != n) {
			fprintf(stderr, "csvcount: %s: %s\n", argv[1], csv_strerror(csv_error(&p)));
			return 1;
		}
	csv_fini(&p, on_field, on_row, &c);
	csv_free(&p);
	fclose(f);
	printf("%lu fields, %lu rows\n", c.fields, c.rows);
	return 0;
}
