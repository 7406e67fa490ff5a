/* SPDX-License-Identifier: MIT
 * directory: choosing and loading the directory. */
#include "directory.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* data/centres.csv, assembled into the binary by src/builtin.S. */
extern const char centres_builtin_csv[];
extern const char centres_builtin_csv_end[];

const char *
directory_path(const char *file)
{
	if (file)
		return file;
	const char *env = getenv("CENTRES_FILE");
	return env && *env ? env : NULL;
}

void
directory_init(struct directory *d, const char *path)
{
	/* TRANSLATORS: the directory carried in the binary, where a file name
	   would be shown (title, warnings) */
	table_init(&d->t, path ? path : _("built-in directory"));
	memset(&d->ix, 0, sizeof d->ix);
	d->cov = NULL;
}

int
directory_read(struct directory *d, const char *path, const struct load_opts *o, struct err *e)
{
	int rc;
	if (path)
		rc = csvload_file(&d->t, path, o, e);
	else
		rc = csvload_buffer(&d->t, centres_builtin_csv,
		    (size_t)(centres_builtin_csv_end - centres_builtin_csv), o, e);
	if (rc < 0)
		return -1;	/* the table keeps the warnings met before the error */
	index_build(&d->ix, &d->t);
	return 0;
}

int
directory_load(struct directory *d, const char *path, const struct load_opts *o, struct err *e)
{
	directory_init(d, path);
	return directory_read(d, path, o, e);
}

void
directory_free(struct directory *d)
{
	index_free(&d->ix);
	table_free(&d->t);
	if (d->cov) {
		coverage_free(d->cov);
		free(d->cov);
		d->cov = NULL;
	}
}
