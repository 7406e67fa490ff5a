/* SPDX-License-Identifier: MIT
 * options: the command line (and CENTRES_RESTRICTED), parsed into a struct
 * with no side effects. Read by main.c only, which hands each layer what it
 * needs of it. */
#ifndef CENTRES_OPTIONS_H
#define CENTRES_OPTIONS_H

#include <stdbool.h>

#include "core/csvload.h"
#include "core/output.h"
#include "core/sort.h"
#include "core/util.h"

#define CENTRES_VERSION "0.2.0"

enum mode { MODE_SCREEN, MODE_LIST, MODE_CHECK, MODE_HELP, MODE_VERSION };

struct options {
	enum mode mode;
	const char *filter;	/* --filter QUERY, or NULL */
	enum format format;
	enum sort_key sort;	/* --sort: of the list printed, and on screen at first */
	bool raw;		/* --raw: cells written as read (no ' before =, +, -, @) */
	struct load_opts load;
	const char *file;	/* FILE argument, or NULL */
	const char *lang;	/* --lang fr|en, or NULL (checked by lang.c) */
	bool no_color, no_mouse;
	bool ascii;		/* --ascii: draw ASCII only, whatever the locale */
	bool restricted;	/* --restricted or CENTRES_RESTRICTED: see restrict.h */
	bool no_seccomp;	/* --restricted=no-seccomp: go on where the kernel
				 * cannot forbid running programs */
};

/* Parses argv. Returns 0, or -1 with e set to a one-line message. */
int options_parse(int argc, char **argv, struct options *o, struct err *e);
/* Prints --help to f. */
void options_usage(FILE *f);

#endif
