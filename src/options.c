/* SPDX-License-Identifier: MIT
 * options: getopt_long over the documented options; our own messages. */
#define _GNU_SOURCE
#include "options.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/sanitize.h"

/* --help in paragraphs, each a message: the usage, each option with its
 * description, the notes, the examples. */
static const char *const usage_options[] = {
	/* TRANSLATORS: an option of --help: the option and its argument,
	 * then its description from column 27, lines of at most 79
	 * columns. The same for the next ones. The argument's name (QUERY,
	 * FORMAT, C, NAME, SIZE, LANG) may be translated, and then also
	 * where --help speaks of it. */
	N_("  -l, --list              print every centre and exit\n"),
	N_("  -f, --filter QUERY      print the centres matching QUERY and exit\n"),
	N_("  -F, --format FORMAT     text (default), csv, tsv or json\n"),
	N_("  -s, --sort KEY          the centres by name, or by territory then name\n"
	   "                          (KEY: name, territory; default: as in the file);\n"
	   "                          on screen, F7 changes the order\n"),
	N_("      --raw               csv and tsv cells exactly as read (by default a cell\n"
	   "                          starting with = + - @ gets a ' so that spreadsheets\n"
	   "                          do not run it as a formula)\n"),
	N_("  -c, --check             load the file and report rows, columns, delimiter,\n"
	   "                          encoding and every warning with its line\n"),
	N_("  -d, --delimiter C       field delimiter: ',' ';' or 'tab' (default: detected)\n"),
	N_("  -e, --encoding NAME     file encoding, e.g. WINDOWS-1252 (default: detected)\n"),
	N_("      --max-size SIZE     refuse a larger file before reading it (default 4G;\n"
	   "                          K, M, G, T for kibi-, mebi-, gibi-, tebibytes)\n"),
	N_("      --no-color          no colours on screen (also when NO_COLOR is set)\n"),
	N_("      --no-mouse          no mouse reporting on screen\n"),
	N_("      --ascii             draw only ASCII (accents without their marks)\n"),
	N_("      --restricted        for a forced SSH command: no export, no other file,\n"
	   "                          no suspend, no program run (also CENTRES_RESTRICTED=1);\n"
	   "                          refuses to start where the kernel cannot forbid\n"
	   "                          running programs, unless --restricted=no-seccomp\n"),
	N_("      --lang LANG         fr or en; default from CENTRES_LANG, else the locale\n"),
	N_("  -h, --help              print this help and exit\n"),
	N_("  -V, --version           print the version and exit\n"),
};

void
options_usage(FILE *f)
{
	fputs(_("Usage: centres [OPTION]... [FILE]\n"
	    "Browse a directory of resource centres (a CSV file) on the terminal,\n"
	    "or print it for scripts.\n"), f);
	fputc('\n', f);
	for (size_t i = 0; i < sizeof usage_options / sizeof usage_options[0]; i++)
		fputs(_(usage_options[i]), f);
	fputc('\n', f);
	fputs(_("With no FILE, $CENTRES_FILE is read if set, else the built-in directory\n"
	    "(the French centres de ressources politique de la ville).\n"
	    "When standard output is not a terminal, centres prints the list.\n"), f);
	fputc('\n', f);
	fputs(_("QUERY: words that must all match, ignoring case and accents; \"quoted\n"
	    "phrases\"; field:value to look in one column (territoire:bret);\n"
	    "digits match phone numbers whatever their spacing (0478).\n"), f);
	fputc('\n', f);
	fputs(_("Exit status: 0 centres found (--check: no warning), 1 none found\n"
	    "(--check: warnings), 2 error.\n"), f);
	fputc('\n', f);
	/* TRANSLATORS: the commands stay as they are; their descriptions
	 * start in column 40. */
	fputs(_("Examples:\n"
	    "  centres                              browse the built-in directory\n"
	    "  centres --filter reunion             the centre of La Réunion\n"
	    "  centres --filter 0478 --format json  by phone number, as JSON\n"
	    "  centres --check export.csv           check a spreadsheet export\n"), f);
}

/* "4G", "300M", "12k", "1000": a size in bytes (K, M, G, T: powers of
 * 1024). Returns 0, or -1 when it is not one. */
static int
parse_size(const char *s, uint64_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (end == s || errno || *s == '-')
		return -1;
	int shift = 0;
	switch (*end) {
	case '\0': break;
	case 'k': case 'K': shift = 10; end++; break;
	case 'm': case 'M': shift = 20; end++; break;
	case 'g': case 'G': shift = 30; end++; break;
	case 't': case 'T': shift = 40; end++; break;
	default: return -1;
	}
	if (*end == 'i' && shift)
		end++;
	if (*end == 'B' || (*end == 'b' && shift))
		end++;
	if (*end || v == 0 || v > (UINT64_MAX >> shift))
		return -1;
	*out = (uint64_t)v << shift;
	return 0;
}

static int
parse_delimiter(const char *s, char *out)
{
	if (strcmp(s, "tab") == 0 || strcmp(s, "\\t") == 0 || strcmp(s, "\t") == 0)
		*out = '\t';
	else if (strcmp(s, ",") == 0 || strcmp(s, "comma") == 0)
		*out = ',';
	else if (strcmp(s, ";") == 0 || strcmp(s, "semicolon") == 0)
		*out = ';';
	else if (strcmp(s, "|") == 0)
		*out = '|';
	else
		return -1;
	return 0;
}

int
options_parse(int argc, char **argv, struct options *o, struct err *e)
{
	static const struct option longopts[] = {
		{"list", no_argument, NULL, 'l'},
		{"filter", required_argument, NULL, 'f'},
		{"format", required_argument, NULL, 'F'},
		{"sort", required_argument, NULL, 's'},
		{"check", no_argument, NULL, 'c'},
		{"delimiter", required_argument, NULL, 'd'},
		{"encoding", required_argument, NULL, 'e'},
		{"max-size", required_argument, NULL, 'S'},
		{"no-color", no_argument, NULL, 'C'},
		{"no-colour", no_argument, NULL, 'C'},
		{"no-mouse", no_argument, NULL, 'M'},
		{"ascii", no_argument, NULL, 'A'},
		{"raw", no_argument, NULL, 'W'},
		{"restricted", optional_argument, NULL, 'R'},
		{"lang", required_argument, NULL, 'L'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	memset(o, 0, sizeof *o);
	o->mode = MODE_SCREEN;
	/* Set by an administrator's environment, it cannot be undone by an
	 * option: any value but empty or "0" turns it on. */
	const char *r = getenv("CENTRES_RESTRICTED");
	o->restricted = r && *r && strcmp(r, "0") != 0;
	o->no_seccomp = o->restricted && strcmp(r, "no-seccomp") == 0;
	opterr = 0;
	optind = 1;
	int c;
	bool list = false, check = false;
	while ((c = getopt_long(argc, argv, ":lf:F:s:cd:e:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'l': list = true; break;
		case 'f': o->filter = optarg, list = true; break;
		case 'F': {
			int f = output_format_parse(optarg);
			if (f < 0) {
				char *s = sanitize_str(optarg);
				err_set(e, _("unknown format '%s' (use text, csv, tsv or json)"), s);
				free(s);
				return -1;
			}
			o->format = (enum format)f;
			break;
		}
		case 's':
			if (!sort_key_parse(optarg, &o->sort)) {
				char *s = sanitize_str(optarg);
				err_set(e, _("unknown sort key '%s' (use name, territory or file)"), s);
				free(s);
				return -1;
			}
			break;
		case 'c': check = true; break;
		case 'd':
			if (parse_delimiter(optarg, &o->load.delimiter) < 0) {
				char *s = sanitize_str(optarg);
				err_set(e, _("unknown delimiter '%s' (use ',', ';', 'tab' or '|')"), s);
				free(s);
				return -1;
			}
			break;
		case 'e':
			if (!*optarg)
				return err_set(e, "%s", _("--encoding needs a name, e.g. --encoding "
				    "WINDOWS-1252 (see 'iconv -l')"));
			o->load.encoding = optarg;
			break;
		case 'S':
			if (parse_size(optarg, &o->load.max_size) < 0) {
				char *s = sanitize_str(optarg);
				err_set(e, _("--max-size '%s' is not a size (e.g. 4G, 500M, 100000)"), s);
				free(s);
				return -1;
			}
			break;
		case 'C': o->no_color = true; break;
		case 'M': o->no_mouse = true; break;
		case 'A': o->ascii = true; break;
		case 'W': o->raw = true; break;
		case 'L': o->lang = optarg; break;
		case 'R':
			if (optarg && strcmp(optarg, "no-seccomp") != 0) {
				char *v = sanitize_str(optarg);
				err_set(e, _("unknown value '%s' for --restricted (the only one is "
				    "--restricted=no-seccomp)"), v);
				free(v);
				return -1;
			}
			/* An option cannot weaken what the environment asked. */
			if (!o->restricted || o->no_seccomp)
				o->no_seccomp = optarg != NULL;
			o->restricted = true;
			break;
		case 'h': o->mode = MODE_HELP; return 0;
		case 'V': o->mode = MODE_VERSION; return 0;
		case ':':
			return err_set(e, _("option '%s' needs a value (see 'centres --help')"),
			    argv[optind - 1]);
		default: {
			/* The word as typed: "--list=yes" (a value where none is
			 * taken), "--nope", or "-x" out of a group like "-lx". */
			const char *word = argv[optind - 1];
			char buf[8];
			if (word[0] == '-' && word[1] != '-' && optopt > 0 && optopt < 0x80) {
				snprintf(buf, sizeof buf, "-%c", optopt);
				word = buf;
			}
			char *s = sanitize_str(word);
			if (strncmp(s, "--", 2) == 0 && strchr(s, '='))
				err_set(e, _("option '%.*s' takes no value (see 'centres --help')"),
				    (int)(strchr(s, '=') - s), s);
			else
				err_set(e, _("unknown option '%s' (see 'centres --help')"), s);
			free(s);
			return -1;
		}
		}
	}
	if (argc - optind > 1)
		return err_set(e, "%s",
		    _("too many files: one directory at a time (see 'centres --help')"));
	if (optind < argc)
		o->file = argv[optind];
	if (check && list)
		return err_set(e, "%s", _("--check cannot be combined with --list or --filter"));
	if (check)
		o->mode = MODE_CHECK;
	else if (list)
		o->mode = MODE_LIST;
	return 0;
}
