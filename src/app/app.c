/* SPDX-License-Identifier: MIT
 * app: keys to the state, and the reactions that read or write files. */
#include "app.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/card.h"
#include "../core/i18n.h"
#include "../core/output.h"
#include "../core/sanitize.h"
#include "../core/text.h"
#include "../core/util.h"

static void loaded_notice(struct app *a);

/* What the file on disk is now (known false: none, or not a file). */
static struct app_file
file_now(const char *path)
{
	struct app_file f = {0};
	struct stat sb;
	if (path && stat(path, &sb) == 0) {
		f = (struct app_file){(unsigned long long)sb.st_dev, (unsigned long long)sb.st_ino,
		    (unsigned long long)sb.st_size, (unsigned long long)sb.st_mtim.tv_sec,
		    (unsigned long long)sb.st_mtim.tv_nsec, true};
	}
	return f;
}

/* The file was read (again): it is what is on screen now. */
static void
file_read(struct app *a)
{
	a->file = file_now(a->path);
	a->file_looked = a->now;
	if (a->file_changed)
		a->st.loadline[0] = '\0';
	a->file_changed = false;
}

/* Every APP_FILE_LOOK_MS: a file changed on disk since it was read (written
 * again, replaced, gone) is said on the status line, with how to read it
 * again; nothing is read without being asked. */
static unsigned
file_look(struct app *a)
{
	if (!a->path || a->loading || a->reloading || a->file_changed ||
	    a->now - a->file_looked < APP_FILE_LOOK_MS)
		return REACT_NONE;
	a->file_looked = a->now;
	struct app_file f = file_now(a->path);
	const struct app_file *was = &a->file;
	if (!was->known || (f.known && f.dev == was->dev && f.ino == was->ino &&
	    f.size == was->size && f.mtime == was->mtime && f.mtime_ns == was->mtime_ns))
		return REACT_NONE;
	a->file_changed = true;
	a->st.status[0] = '\0';	/* the news, not what the last key did */
	/* A large file's centres are read again from it as they are shown
	 * (core/table.h): written again in place, it has them no longer. */
	bool in_place = f.known && a->dir.t.lazy && f.dev == was->dev && f.ino == was->ino;
	snprintf(a->st.loadline, sizeof a->st.loadline, "%s", in_place ?
	    _("The file has changed on disk: F5 reads it again (meanwhile, without capitals or "
	    "accents).") : f.known ?
	    _("The file has changed on disk since it was read: F5 reads it again.") :
	    _("The file is no longer there: what is shown is what was read."));
	return REACT_DRAW;
}

void
app_init(struct app *a, struct directory *d, const char *path, const struct app_config *cfg,
    int width, int height)
{
	memset(a, 0, sizeof *a);
	a->dir = *d;
	memset(d, 0, sizeof *d);
	a->path = path ? xstrdup(path) : NULL;
	a->cfg = *cfg;
	struct state *st = &a->st;
	state_init(st, &a->dir, &cfg->screen, width, height);
	loaded_notice(a);
	file_read(a);
}

/* How often the screen looks at a load going on: four times a second (ten
 * took a tenth of the load's time at a million rows, the lists made again
 * each time); its end wakes the screen at once (app_wake_fd()). */
#define LOAD_LOOK_MS 250

/* What a load beside the screen is for. */
enum load_kind { LOAD_FIRST, LOAD_AGAIN, LOAD_OTHER };

/* The status line's words for a load going on: the first one, a reload,
 * another file being opened (name). */
static void
load_line(struct app *a, const struct loading_status *s, enum load_kind kind, const char *name)
{
	char rows[64], secs[32];
	i18n_group(s->rows, rows, sizeof rows);
	i18n_seconds(s->secs, secs, sizeof secs);
	int pct = s->total ? (int)((double)s->done * 100 / (double)s->total) : 0;
	char *out = a->st.loadline;
	size_t len = sizeof a->st.loadline;
	/* TRANSLATORS: on the status line while a large file loads, is read
	 * again, or is opened: its name, the percentage read, the rows so far
	 * (with the thousands separator), the seconds (1.2). */
	if (kind == LOAD_AGAIN)
		snprintf(out, len, P_("Reloading %s: %d%% (%s centre, %s s). The centres shown are "
		    "those read before.", "Reloading %s: %d%% (%s centres, %s s). The centres shown "
		    "are those read before.", s->rows), name, pct, rows, secs);
	else if (kind == LOAD_OTHER)
		snprintf(out, len, P_("Opening %s: %d%% (%s centre, %s s). The centres shown are "
		    "those of the file before.", "Opening %s: %d%% (%s centres, %s s). The centres "
		    "shown are those of the file before.", s->rows), name, pct, rows, secs);
	else
		snprintf(out, len, P_("Loading %s: %d%% (%s centre, %s s). The search looks at what "
		    "is loaded.", "Loading %s: %d%% (%s centres, %s s). The search looks at what is "
		    "loaded.", s->rows), name, pct, rows, secs);
}

void
app_init_loading(struct app *a, struct loading *l, const char *path,
    const struct app_config *cfg, int width, int height)
{
	struct directory d = {0};
	struct loading_status s;
	loading_peek(l, &d.t, &s);
	index_build(&d.ix, &d.t);	/* "all", nothing else until the end */
	app_init(a, &d, path, cfg, width, height);
	a->loading = l;
	load_line(a, &s, LOAD_FIRST, state_source_name(&a->st));
}

/* The status line's words for what was loaded: the file's notice, or
 * how many warnings it gave. */
static void
loaded_notice(struct app *a)
{
	struct state *st = &a->st;
	const struct table *t = &a->dir.t;
	if (*t->notice)
		/* TRANSLATORS: the file's name, then what its loading says. */
		state_status(st, _("%s: %s"), state_source_name(st), t->notice);
	else if (t->nwarn_total)
		/* TRANSLATORS: %s is the file's name. */
		state_status(st, P_("%s: %zu warning while loading (see centres --check).",
		    "%s: %zu warnings while loading (see centres --check).", t->nwarn_total),
		    state_source_name(st), t->nwarn_total);
}

/* The load has ended: the whole directory in place of its view (at the
 * same place, so that the filter keeps what it found), or after an
 * error the rows read before it, and the error on the status line. */
static unsigned
load_ended(struct app *a)
{
	struct directory d;
	struct err e;
	int rc = loading_finish(a->loading, &d, &e);
	a->loading = NULL;
	index_free(&a->dir.ix);
	a->dir = d;
	if (a->dir.cov) {	/* read beside the screen: the filter's now */
		filter_adopt_coverage(&a->st.f, &a->dir.t, a->dir.cov);
		a->dir.cov = NULL;
	}
	a->st.loadline[0] = '\0';
	char rows[64], secs[32];
	i18n_group(a->dir.t.nrows, rows, sizeof rows);
	if (rc < 0) {
		index_build(&a->dir.ix, &a->dir.t);
		if (e.line)
			/* TRANSLATORS: the line, how many rows were read before it
			 * (with the thousands separator), the reason. */
			snprintf(a->st.loadline, sizeof a->st.loadline, P_("Loading stopped at line %lu "
			    "(%s centre shown): %s", "Loading stopped at line %lu (%s centres shown): %s",
			    a->dir.t.nrows), e.line, rows, e.msg);
		else
			/* TRANSLATORS: how many rows were read before, the reason. */
			snprintf(a->st.loadline, sizeof a->st.loadline, P_("Loading stopped (%s centre "
			    "shown): %s", "Loading stopped (%s centres shown): %s", a->dir.t.nrows), rows,
			    e.msg);
	}
	/* The file as it was when the load began (app_init) stays what it
	 * is compared with: a change while it was read is a change. */
	state_loaded(&a->st);
	if (rc == 0 && !*a->dir.t.notice && !a->dir.t.nwarn_total) {
		i18n_seconds(a->loaded_secs, secs, sizeof secs);
		/* TRANSLATORS: after a load beside the screen: the rows (with the
		 * thousands separator), the seconds it took (2.3). */
		state_status(&a->st, P_("Loaded: %s centre in %s s.", "Loaded: %s centres in %s s.",
		    a->dir.t.nrows), rows, secs);
	} else if (rc == 0) {
		loaded_notice(a);
	}
	return REACT_DRAW;
}

/* While loading: the rows read since, and how far it is. */
static unsigned
load_look(struct app *a)
{
	/* Four times a second, not after every key: a key typed while the
	 * file loads searches the rows there are, and does not wait for the
	 * lists to take those read since. */
	if (!a->loading || (a->load_looked && a->now - a->load_looked < LOAD_LOOK_MS))
		return REACT_NONE;
	a->load_looked = a->now ? a->now : 1;
	struct table v;
	struct loading_status s;
	loading_peek(a->loading, &v, &s);
	if (s.ended) {
		a->loaded_secs = s.secs;
		return load_ended(a);
	}
	unsigned react = REACT_NONE;
	if (v.nrows != a->dir.t.nrows || v.ncols != a->dir.t.ncols) {
		a->dir.t = v;
		state_rows_added(&a->st);
		react = REACT_DRAW;
	}
	char was[sizeof a->st.loadline];
	memcpy(was, a->st.loadline, sizeof was);
	load_line(a, &s, LOAD_FIRST, state_source_name(&a->st));
	if (strcmp(was, a->st.loadline) != 0)
		react |= REACT_DRAW;
	return react;
}

static void export_end(struct app *a, bool stopped, const char *fail);

void
app_free(struct app *a)
{
	if (a->exporting)
		export_end(a, true, NULL);	/* F10, a signal: not whole */
	state_free(&a->st);
	if (a->reloading)
		loading_cancel(a->reloading);
	free(a->opening);
	if (a->loading) {
		index_free(&a->dir.ix);	/* dir.t is the load's own */
		loading_cancel(a->loading);
	} else {
		directory_free(&a->dir);
	}
	free(a->path);
	free(a->clip);
	memset(a, 0, sizeof *a);
}

const char *
app_clipboard(const struct app *a)
{
	return a->clip ? a->clip : "";
}

/* Puts the newly loaded nd on screen in place of the directory shown (the
 * filter and, where it still exists, the selection kept). */
static void
switch_directory(struct app *a, struct directory *nd)
{
	state_replace_directory(&a->st, nd);
	directory_free(&a->dir);
	a->dir = *nd;
	a->st.d = &a->dir;
}

/* A reload's end: the new directory on screen, or the old one kept with
 * the reason. Takes nd over. */
static void
reloaded(struct app *a, int rc, struct directory *nd, const struct err *e)
{
	struct state *st = &a->st;
	if (rc < 0) {
		directory_free(nd);
		/* The title shows the file: say only the line and the reason. */
		if (e->line)
			state_status(st, _("Reload failed (data unchanged): line %lu: %s"), e->line, e->msg);
		else
			state_status(st, _("Reload failed (data unchanged): %s"), e->msg);
		return;
	}
	switch_directory(a, nd);
	file_read(a);
	state_status(st, P_("Reloaded %s: %zu centre.", "Reloaded %s: %zu centres.",
	    a->dir.t.nrows), state_source_name(st), a->dir.t.nrows);
}

/* An open's end: the file's centres on screen, or the reason, those of
 * the file before kept. Takes nd and path over. */
static void
opened(struct app *a, int rc, struct directory *nd, const struct err *e, char *path)
{
	struct state *st = &a->st;
	if (rc < 0) {
		char msg[1024];
		directory_free(nd);
		free(path);
		state_status(st, _("Not opened (F3 to correct the name): %s"), err_text(e, msg, sizeof msg));
		return;
	}
	switch_directory(a, nd);
	free(a->path);
	a->path = path;
	file_read(a);
	state_status(st, P_("Opened %s: %zu centre.", "Opened %s: %zu centres.", a->dir.t.nrows),
	    a->dir.t.source, a->dir.t.nrows);
}

static void
reload(struct app *a)
{
	struct directory nd;
	a->reload_pending = false;
	a->reloads++;
	struct err e;
	/* A large file is read beside the screen, which shows the centres
	 * as they were meanwhile, and takes the new ones whole at the end. */
	struct stat sb;
	if (a->path && stat(a->path, &sb) == 0 && (uint64_t)sb.st_size >= APP_RELOAD_BESIDE) {
		a->reloading = loading_start(a->path, &a->cfg.load);
		a->load_looked = 0;
		return;
	}
	int rc = directory_load(&nd, a->path, &a->cfg.load, &e);
	reloaded(a, rc, &nd, &e);
}

/* While a reload goes on: how far; at its end, the new centres. */
static unsigned
reload_look(struct app *a)
{
	if (!a->reloading || (a->load_looked && a->now - a->load_looked < LOAD_LOOK_MS))
		return REACT_NONE;
	a->load_looked = a->now ? a->now : 1;
	struct loading_status s;
	loading_peek(a->reloading, NULL, &s);
	if (s.ended && !a->exporting) {	/* the centres being written stay */
		struct directory nd;
		struct err e;
		int rc = loading_finish(a->reloading, &nd, &e);
		a->reloading = NULL;
		a->st.loadline[0] = '\0';
		char *path = a->opening;
		a->opening = NULL;
		if (path)
			opened(a, rc, &nd, &e, path);
		else
			reloaded(a, rc, &nd, &e);
		return REACT_DRAW;
	}
	if (a->opening) {
		char *shown = sanitize_str(a->opening);	/* a name typed: no control */
		load_line(a, &s, LOAD_OTHER, shown);
		free(shown);
	} else {
		load_line(a, &s, LOAD_AGAIN, state_source_name(&a->st));
	}
	return REACT_DRAW;
}

/* The typed file name, with a leading ~/ made the home directory. Caller
 * frees. */
static char *
typed_path(const char *name)
{
	const char *home = getenv("HOME");
	if (strncmp(name, "~/", 2) == 0 && home && *home) {
		size_t n = strlen(home) + strlen(name);
		char *p = xmalloc(n);
		snprintf(p, n, "%s%s", home, name + 1);
		return p;
	}
	return xstrdup(name);
}

static void
open_file(struct app *a, const char *name)
{
	char *path = typed_path(name);
	struct directory nd;
	struct err e;
	/* A large file is read beside the screen: the centres of the file
	 * before stay until its centres replace them whole (reload_look). */
	struct stat sb;
	if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && (uint64_t)sb.st_size >= APP_RELOAD_BESIDE) {
		a->reloading = loading_start(path, &a->cfg.load);
		a->opening = path;
		a->load_looked = 0;
		return;
	}
	int rc = directory_load(&nd, path, &a->cfg.load, &e);
	opened(a, rc, &nd, &e, path);
}

/* An export of this many centres or fewer is written at once; a larger one
 * a slice between keys (app_idle), its progress on the status line, Esc
 * stopping it. */
#define EXPORT_SLICE 4096

/* An export going on (app.h: exporting): the centres in the list's order,
 * how many are written. */
struct export {
	FILE *f;
	char *path;	/* owned: removed if the export does not end whole */
	char *name;	/* as typed, for the messages; owned */
	uint32_t *rows;	/* owned */
	size_t n, done;
	char shown[sizeof ((struct state *)0)->status];	/* the progress last said */
};

/* The end of the export: written whole (fail NULL, not stopped) or not,
 * and said so. */
static void
export_end(struct app *a, bool stopped, const char *fail)
{
	struct export *x = a->exporting;
	struct state *st = &a->st;
	int err = 0;
	if (!fail && !stopped) {
		/* The first error is the one to tell (no space left on the
		 * device, the file too large), not what closing says after. */
		if (fflush(x->f) != 0 || ferror(x->f))
			err = errno ? errno : EIO;
		fail = err ? strerror(err) : NULL;
	}
	if (fclose(x->f) != 0 && !fail && !stopped) {
		err = errno ? errno : EIO;
		fail = strerror(err);
	}
	if (fail || stopped)
		unlink(x->path);
	if (stopped)
		state_status(st, "%s", _("Export stopped: nothing written."));
	else if (fail)
		/* TRANSLATORS: %s is the reason (the system's, or "it already exists,
		 * nothing written"). */
		state_status(st, _("Not exported (F2 to correct the name): %s."), fail);
	else
		state_status(st, P_("Exported %zu centre to %s.", "Exported %zu centres to %s.", x->n),
		    x->n, x->name);
	free(x->path);
	free(x->name);
	free(x->rows);
	free(x);
	a->exporting = NULL;
}

/* How far the export going on is, on the status line. */
static void
export_progress(struct app *a)
{
	struct export *x = a->exporting;
	struct state *st = &a->st;
	/* What a key said meanwhile ("An export is under way...") stays
	 * until the next key. */
	if (*st->status && strcmp(st->status, x->shown) != 0)
		return;
	/* TRANSLATORS: %zu is the number of centres, %s the file's name as
	 * typed, %d the part written, in percent (then "%%", the sign). */
	state_status(st, P_("Exporting %zu centre to %s: %d%% (Esc stops it).",
	    "Exporting %zu centres to %s: %d%% (Esc stops it).", x->n), x->n, x->name,
	    (int)(100 * x->done / x->n));
	snprintf(x->shown, sizeof x->shown, "%s", st->status);
}

/* Writes the next slice of the export going on, or its end. */
static unsigned
export_step(struct app *a)
{
	struct export *x = a->exporting;
	if (!x)
		return REACT_NONE;
	size_t k = x->n - x->done < EXPORT_SLICE ? x->n - x->done : EXPORT_SLICE;
	errno = 0;
	output_rows(x->f, &a->dir.t, x->rows + x->done, k, FORMAT_CSV,
	    x->done ? OUTPUT_NO_HEADER : 0, 0);
	x->done += k;
	if (table_stale(&a->dir.t)) {
		/* Its rows read again from a file written over since: what it
		 * would write now is their folded form. */
		export_end(a, true, NULL);
		state_status(&a->st, "%s", _("Not exported: the file has changed on disk since it "
		    "was read (F5 reads it again)."));
	} else if (ferror(x->f)) {
		export_end(a, false, strerror(errno ? errno : EIO));
	} else if (x->done == x->n) {
		export_end(a, false, NULL);
	} else {
		export_progress(a);
	}
	return REACT_DRAW;
}

static void
export(struct app *a, const char *name)
{
	struct state *st = &a->st;
	if (table_stale(&a->dir.t)) {
		state_status(st, "%s", _("Not exported: the file has changed on disk since it was "
		    "read (F5 reads it again)."));
		return;
	}
	char *path = typed_path(name);
	/* For its owner only (0600, less if the umask says so): a directory
	 * of people's phone numbers. */
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	FILE *f = NULL;
	if (fd < 0) {
		int err = errno;
		state_status(st, _("Not exported (F2 to correct the name): %s."), err == EEXIST ?
		    _("it already exists, nothing written") : strerror(err));
		free(path);
		return;
	}
	if (!(f = fdopen(fd, "w"))) {
		int err = errno;
		close(fd);
		unlink(path);
		free(path);
		state_status(st, _("Not exported (F2 to correct the name): %s."), strerror(err));
		return;
	}
	struct export *x = xcalloc(1, sizeof *x);
	x->f = f;
	x->path = path;
	x->name = xstrdup(name);
	x->n = st->f.n;
	/* In the order the list shows (F7). */
	x->rows = xmalloc((x->n ? x->n : 1) * sizeof *x->rows);
	if (x->n)
		memcpy(x->rows, st->f.rows, x->n * sizeof *x->rows);
	sort_rows(&st->sort, &a->dir.t, st->order, x->rows, x->n);
	a->exporting = x;
	/* A few centres at once; more, a slice at a time between keys. */
	while (a->exporting && a->exporting->n <= EXPORT_SLICE)
		export_step(a);
	if (a->exporting) {
		st->status[0] = '\0';	/* its own word now */
		export_progress(a);
	}
}

/* The text of what the state asked to copy from the selected centre: one
 * field (the n-th phone number: each is its own entry, a phone takes one
 * number at a time), or the whole card. False when the centre has none,
 * or when a large file has been written over in place since it was read. */
static bool
copy_text(struct app *a)
{
	struct state *st = &a->st;
	const struct table *t = &a->dir.t;
	size_t r = (size_t)state_row(st);
	enum role role = st->copy_role;
	free(a->clip);
	a->clip = NULL;
	if (role == ROLE_NONE) {
		a->clip = card_text(t, r);
	} else {
		unsigned skip = role == ROLE_PHONE ? st->copy_index : 0;
		for (size_t c = 0; c < t->ncols && !a->clip; c++) {
			size_t n;
			const char *s = table_field(t, r, c, &n);
			if (t->cols[c].role == role && n && skip-- == 0) {
				a->clip = xstrndup(s, n);
				text_oneline(a->clip, n);
			}
		}
	}
	if (table_stale(t)) {
		/* Read again from a file written over since: what would go is
		 * its folded form (the e-mail's dots as spaces), not the text. */
		free(a->clip);
		a->clip = NULL;
		state_status(st, "%s", _("Not copied: the file has changed on disk since it was read "
		    "(F5 reads it again)."));
		return false;
	}
	if (!a->clip || !*a->clip) {
		if (role == ROLE_PHONE && st->copy_index)
			state_status(st, _("This centre has no phone number %u."), st->copy_index + 1);
		else
			state_status(st, "%s", role == ROLE_PHONE ? _("This centre has no phone number.") :
			    role == ROLE_EMAIL ? _("This centre has no e-mail address.") :
			    role == ROLE_WEBSITE ? _("This centre has no website.") :
			    _("This centre has no card."));
		return false;
	}
	/* What was sent; whether the terminal took it, nothing here can know
	 * (the help says how to let it). */
	if (role == ROLE_NONE)
		state_status(st, _("Sent the contact card to your terminal's clipboard."));
	else
		state_status(st, _("Sent to your terminal's clipboard: %.*s"),
		    (int)text_cut(a->clip, strlen(a->clip), 400), a->clip);
	return true;
}

/* Ctrl-C: the first says how to quit; a second within 2 seconds quits,
 * with the status of an interrupted program. */
static unsigned
interrupt(struct app *a, unsigned react)
{
	if (a->interrupted && a->now - a->interrupted <= 2000) {
		a->exit_status = 130;
		return react | REACT_QUIT;
	}
	a->interrupted = a->now ? a->now : 1;
	state_status(&a->st, _("Press Ctrl-C again to quit (or F10)."));
	a->status_until = a->now + 2000;
	return react | REACT_DRAW;
}

/* Carries out what the state asked for beyond itself; returns what is left
 * for the terminal. */
static unsigned
perform(struct app *a, unsigned react)
{
	unsigned files = REACT_RELOAD | REACT_LOAD | REACT_EXPORT;
	if (a->reloading)	/* the centres shown are whole: they can be exported */
		files &= ~(unsigned)REACT_EXPORT;
	if (a->exporting && (react & files)) {
		/* The centres being written stay as they are until the end. */
		state_status(&a->st, "%s", _("An export is under way: Esc stops it."));
		react = (react & ~files) | REACT_DRAW;
	}
	if ((a->loading || a->reloading) && (react & files)) {
		/* The rows are not all there: read again, another file or
		 * some of the centres written would all be surprises. */
		state_status(&a->st, "%s", _("The file is still loading: you can do this once it is "
		    "loaded."));
		react = (react & ~files) | REACT_DRAW;
	}
	if (react & REACT_RELOAD)
		a->reload_pending = true;	/* "rrrr" typed ahead: one reload */
	if (react & REACT_LOAD)
		open_file(a, a->st.input.s);
	if (react & REACT_EXPORT)
		export(a, a->st.input.s);
	if ((react & REACT_COPY) && !copy_text(a))
		react &= ~(unsigned)REACT_COPY;
	if (react & REACT_INTERRUPT)
		react = interrupt(a, react);
	return react & (REACT_DRAW | REACT_FULL | REACT_COPY | REACT_SUSPEND | REACT_QUIT);
}

/* A reload asked for, and letters typed ahead, are done before anything
 * else happens. */
static void
settle(struct app *a)
{
	if (a->reload_pending)
		reload(a);
	state_search_now(&a->st);
}

void
app_clock(struct app *a, uint64_t ms)
{
	a->now = ms;
}

/* Whether the look at the load (or the reload) going on is due, late by
 * late ms at least. */
static bool
look_due(const struct app *a, uint64_t late)
{
	return (a->loading || a->reloading) &&
	    (!a->load_looked || a->now - a->load_looked >= LOAD_LOOK_MS + late);
}

/* What the keys typed still wait for: a reload asked for, the letters
 * typed ahead. */
static unsigned
app_answer_only(struct app *a)
{
	unsigned react = REACT_NONE;
	if (a->reload_pending) {
		reload(a);
		react |= REACT_DRAW;
	}
	return react | state_search_now(&a->st);
}

unsigned
app_answer(struct app *a)
{
	/* A look put off for the keys' answers for as long again: now. */
	if (look_due(a, LOAD_LOOK_MS))
		return app_idle(a);
	return app_answer_only(a);
}

unsigned
app_idle(struct app *a)
{
	unsigned react = app_answer_only(a);
	react |= export_step(a);
	react |= load_look(a);
	react |= reload_look(a);
	react |= file_look(a);
	if (a->status_until && a->now >= a->status_until) {
		a->status_until = 0;
		a->interrupted = 0;
		a->st.status[0] = '\0';
		react |= REACT_DRAW;
	}
	return react;
}

int
app_wake_fd(const struct app *a)
{
	return a->loading ? loading_fd(a->loading) : a->reloading ? loading_fd(a->reloading) : -1;
}

void
app_woken(struct app *a)
{
	a->load_looked = 0;	/* the end, at once */
}

long
app_wait(const struct app *a)
{
	if (a->reload_pending || a->st.search_waiting || a->exporting)
		return 0;
	long wait = -1;
	if (a->status_until)
		wait = a->now >= a->status_until ? 0 : (long)(a->status_until - a->now);
	if (a->loading || a->reloading) {
		/* The next look (at once when one was put off: app_answer()). */
		uint64_t at = a->load_looked + LOAD_LOOK_MS;
		long left = !a->load_looked || a->now >= at ? 0 : (long)(at - a->now);
		if (wait < 0 || left < wait)
			wait = left;
	}
	if (a->path && !a->loading && !a->reloading && !a->file_changed) {
		uint64_t at = a->file_looked + APP_FILE_LOOK_MS;
		long left = a->now >= at ? 0 : (long)(at - a->now);
		if (wait < 0 || left < wait)
			wait = left;
	}
	return wait;
}

unsigned
app_paste(struct app *a, const char *s, size_t n)
{
	settle(a);
	a->st.status[0] = '\0';
	state_paste(&a->st, s, n);
	return REACT_DRAW;
}

unsigned
app_key(struct app *a, uint32_t key)
{
	struct state *st = &a->st;
	enum action act = keymap_lookup(st->mode, key);
	/* Letters typed ahead narrow the lists once, when no more key is
	 * waiting (app_idle), or before the next other key. */
	bool ahead = act == ACT_TYPE && st->mode == UI_BROWSE && !a->reload_pending;
	if (act != ACT_RELOAD && !ahead)
		settle(a);
	/* An export going on: Esc (while browsing) or Ctrl-C stops it, F10
	 * stops it and quits; any other key does what it does. */
	if (a->exporting && ((act == ACT_ESCAPE && st->mode == UI_BROWSE) ||
	    act == ACT_INTERRUPT || act == ACT_QUIT)) {
		export_end(a, true, NULL);
		if (act != ACT_QUIT)
			return REACT_DRAW;
	}
	/* A message stays until the next key (the copy menu is its own): a
	 * key that changes nothing else still takes it off the screen. */
	bool had_message = st->status[0] != '\0';
	st->status[0] = '\0';
	if (act != ACT_INTERRUPT)
		a->status_until = 0;
	unsigned react = !ahead ? state_apply(st, act, key) :
	    state_type_ahead(st, key) ? REACT_DRAW : REACT_NONE;
	if (had_message)
		react |= REACT_DRAW;
	return perform(a, react);
}

unsigned
app_resize(struct app *a, int width, int height)
{
	settle(a);
	state_resize(&a->st, width, height);
	return REACT_DRAW | REACT_FULL;
}

unsigned
app_click(struct app *a, enum pane p, int line)
{
	settle(a);
	return perform(a, state_click(&a->st, p, line));
}

unsigned
app_wheel(struct app *a, enum pane p, int delta)
{
	settle(a);
	return perform(a, state_wheel(&a->st, p, delta));
}
