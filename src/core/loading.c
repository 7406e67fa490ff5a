/* SPDX-License-Identifier: MIT
 * loading: the loading thread, what it publishes, and the hand-over. */
#define _GNU_SOURCE	/* gettid */
#include "loading.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "places.h"

#define LOADING_AREAS_MIN 10000	/* rows */
#define LOADING_PLACES_BESIDE ((size_t)1 << 20)	/* bytes: 10,000 rows or so */
#define LOADING_NICE 10	/* a tenth of a core's share against the screen */

struct loading {
	pthread_t tid;
	bool threaded;		/* tid runs (else the load ran in loading_start) */
	char *path;		/* owned; NULL: built-in */
	struct load_opts o;
	struct timespec start;
	atomic_bool stop;	/* loading_cancel(): the thread stops at its next report */

	/* The loading thread's own until `ended` is published. */
	struct directory d;
	int rc;
	struct err e;

	/* Under mu. */
	pthread_mutex_t mu;
	pthread_cond_t cv;	/* signalled when ended */
	struct table view;	/* d.t as last published */
	size_t done, total, rows;
	bool ended;
	int wake[2];		/* a byte written when it has ended (loading_fd()) */
};

static double
since(const struct timespec *a)
{
	struct timespec b;
	clock_gettime(CLOCK_MONOTONIC, &b);
	return (double)(b.tv_sec - a->tv_sec) + (double)(b.tv_nsec - a->tv_nsec) / 1e9;
}

/* The table as the screen may see it: the rows stored so far, nothing of
 * what the thread still changes (the warnings, the status most rows share). */
static void
publish_view(struct loading *l)
{
	struct table v = l->d.t;
	v.warn = NULL;
	v.nwarn = v.warn_cap = v.nwarn_total = 0;
	v.common_status = NULL;
	v.retired = NULL;
	v.nretired = 0;
	v.loading = true;
	l->view = v;
}

/* csvload's progress callback, in the loading thread between two lines. */
static bool
report(void *ctx, size_t done, size_t total, size_t rows)
{
	struct loading *l = ctx;
	if (atomic_load(&l->stop))
		return false;
	pthread_mutex_lock(&l->mu);
	l->done = done;
	l->total = total;
	l->rows = rows;
	if (l->d.t.stable)	/* else its memory may move: nothing to show */
		publish_view(l);
	pthread_mutex_unlock(&l->mu);
	return true;
}

static void *
read_places(void *arg)
{
	(void)arg;
	places_get();
	return NULL;
}

/* The load; threaded: beside the screen, the places then read on a
 * thread of their own meanwhile for a large file, not after its rows
 * (places_get() below waits for them if they are not read yet). */
static void *
run(struct loading *l, bool threaded)
{
	pthread_t places;
	bool beside = threaded && l->total >= LOADING_PLACES_BESIDE &&
	    pthread_create(&places, NULL, read_places, NULL) == 0;
	int rc = directory_read(&l->d, l->path, &l->o, &l->e);
	if (beside)
		pthread_join(places, NULL);
	/* The places of France, which the first key after the load would
	 * otherwise wait for, and the areas the rows cover, which the first
	 * query naming a place would read on the screen's time (half a second
	 * at a million rows); not for a small table, whose first screen would
	 * wait for the places to be read (15 ms) where its first query does it. */
	const struct table *t = &l->d.t;
	if (rc == 0 && !atomic_load(&l->stop) && t->nrows >= LOADING_AREAS_MIN) {
		const struct places *p = places_get();
		if (t->role_col[ROLE_COVERAGE] >= 0 || t->role_col[ROLE_POSTCODE] >= 0) {
			l->d.cov = xmalloc(sizeof *l->d.cov);
			coverage_build(l->d.cov, t, p);
		}
	}
	pthread_mutex_lock(&l->mu);
	l->rc = rc;
	l->rows = l->d.t.nrows;
	l->done = l->total;
	l->ended = true;
	pthread_cond_broadcast(&l->cv);
	pthread_mutex_unlock(&l->mu);
	if (l->wake[1] >= 0) {
		ssize_t w = write(l->wake[1], "", 1);
		(void)w;	/* full or gone: whoever waits looks all the same */
	}
	return NULL;
}

/* The thread's: below the screen's priority (and so the stretches it
 * parses in threads of their own), so that a key is answered at once while
 * the load takes the cores the screen leaves. */
static void *
run_beside(void *arg)
{
	setpriority(PRIO_PROCESS, (id_t)gettid(), LOADING_NICE);
	return run(arg, true);
}

struct loading *
loading_start(const char *path, const struct load_opts *o)
{
	struct loading *l = xcalloc(1, sizeof *l);
	l->path = path ? xstrdup(path) : NULL;
	if (o)
		l->o = *o;
	l->o.progress = report;
	l->o.progress_ctx = l;
	l->o.stable = true;
	atomic_init(&l->stop, false);
	clock_gettime(CLOCK_MONOTONIC, &l->start);
	pthread_mutex_init(&l->mu, NULL);
	pthread_cond_init(&l->cv, NULL);
	if (pipe2(l->wake, O_CLOEXEC | O_NONBLOCK) < 0)
		l->wake[0] = l->wake[1] = -1;
	directory_init(&l->d, path);
	publish_view(l);	/* no row yet: the name, no column */
	struct stat st;
	if (path && stat(path, &st) == 0)
		l->total = (size_t)st.st_size;
	l->threaded = pthread_create(&l->tid, NULL, run_beside, l) == 0;
	if (!l->threaded)
		run(l, false);	/* no thread to be had: the screen waits */
	return l;
}

bool
loading_wait(struct loading *l, int ms)
{
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += ms / 1000;
	until.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L)
		until.tv_sec++, until.tv_nsec -= 1000000000L;
	pthread_mutex_lock(&l->mu);
	while (!l->ended && ms < 0)
		pthread_cond_wait(&l->cv, &l->mu);
	while (!l->ended && ms > 0)
		if (pthread_cond_timedwait(&l->cv, &l->mu, &until) == ETIMEDOUT)
			break;
	bool ended = l->ended;
	pthread_mutex_unlock(&l->mu);
	return ended;
}

void
loading_peek(struct loading *l, struct table *view, struct loading_status *s)
{
	pthread_mutex_lock(&l->mu);
	if (view)
		*view = l->view;
	if (s) {
		s->done = l->done;
		s->total = l->total;
		s->rows = l->rows;
		s->ended = l->ended;
	}
	pthread_mutex_unlock(&l->mu);
	if (s)
		s->secs = since(&l->start);
}

/* Waits for the thread and frees what is not handed over. */
static void
end(struct loading *l)
{
	if (l->threaded)
		pthread_join(l->tid, NULL);
	pthread_mutex_destroy(&l->mu);
	pthread_cond_destroy(&l->cv);
	free(l->path);
	for (int i = 0; i < 2; i++)
		if (l->wake[i] >= 0)
			close(l->wake[i]);
}

int
loading_fd(const struct loading *l)
{
	return l->wake[0];
}

int
loading_finish(struct loading *l, struct directory *d, struct err *e)
{
	end(l);
	*d = l->d;
	int rc = l->rc;
	if (rc < 0 && e)
		*e = l->e;
	free(l);
	return rc;
}

void
loading_cancel(struct loading *l)
{
	atomic_store(&l->stop, true);
	end(l);
	directory_free(&l->d);
	free(l);
}
