/* SPDX-License-Identifier: MIT
 * fuzz_stream: libFuzzer target holding the stream (batch/stream.c and its
 * splitter and prefilter, core/scan.c) to the full path. Each input is a
 * file (in memory, behind a memfd's /proc/self/fd path); it is listed with
 * queries taken from the input itself (its first line, a few bytes after
 * its middle) and fixed ones (words, st/saint, an acronym without its
 * separators, phone digits, field:value), in every format, raw or not, its
 * delimiter detected or forced, through stream_list() and through the full
 * path (directory_load() then batch_list(), as main.c does). The stream
 * must print exactly what the full path prints on standard output and
 * error, with the same exit status, or nothing at all (then main.c takes
 * the full path). Built by `make fuzz` and `make test`. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../unit/stream_both.h"
#include "fuzz_common.h"

const char fuzz_target[] = "fuzz_stream";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int fd = -1;
static char path[64];

/* A query from data[at..], up to a line break or 40 bytes. */
static void
query_at(const uint8_t *data, size_t size, size_t at, char *q, size_t room)
{
	size_t k = 0;
	for (size_t i = at; i < size && k + 1 < room && k < 40; i++) {
		if (data[i] == '\n' || data[i] == '\r' || data[i] == '\0')
			break;
		q[k++] = (char)data[i];
	}
	q[k] = '\0';
}

static void
check(const uint8_t *data, size_t size, const char *q, enum format f, unsigned flags, char delim)
{
	struct load_opts o = {.delimiter = delim};
	struct printed s = {0}, full = {0};
	run_both(path, &o, q, f, flags, &s, &full);
	const char *why = printed_differ(&s, &full);
	if (why)
		fuzz_fail("%zu bytes, query '%s', format %d, flags %u, delimiter %d: %s differs\n"
		    "--- stream (%d):\n%.*s%.*s\n--- full path (%d):\n%.*s%.*s", size, q ? q : "(none)",
		    (int)f, flags, delim, why, s.rc, (int)s.errn, s.err, (int)(s.outn > 2000 ? 2000 :
		    s.outn), s.out, full.rc, (int)full.errn, full.err, (int)(full.outn > 2000 ? 2000 :
		    full.outn), full.out);
	(void)data;
	printed_free(&s);
	printed_free(&full);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fd < 0) {
		fd = memfd_create("fuzz_stream.csv", 0);
		if (fd < 0)
			fuzz_fail("memfd_create failed");
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		fuzz_fail("cannot write the input to the memfd");
	char first[48], middle[48];
	query_at(data, size, 0, first, sizeof first);
	query_at(data, size, size / 2, middle, sizeof middle);
	static const char *const fixed[] = {"reunion", "st denis", "crcsur", "04 78", "+33 4",
		"nom:a", "\"a b\"", "e"};
	/* Which format, flags and delimiter: from the input's size, so that
	 * every one comes up. */
	enum format f = (enum format)(size % 4);
	unsigned flags = size / 4 % 2 ? OUTPUT_RAW : 0;
	char delim = size / 8 % 4 == 1 ? ';' : 0;
	check(data, size, NULL, f, flags, delim);
	check(data, size, first, (enum format)((f + 1) % 4), flags, delim);
	check(data, size, middle, (enum format)((f + 2) % 4), flags ^ OUTPUT_RAW, delim);
	check(data, size, fixed[size % (sizeof fixed / sizeof fixed[0])], (enum format)((f + 3) % 4),
	    flags, delim);
	return 0;
}
