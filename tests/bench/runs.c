/* SPDX-License-Identifier: MIT
 * runs: the time and peak memory of a command, for make bench
 * (tests/bench/run.sh). `runs N [-i IN] [-o OUT] CMD [ARGS...]` runs CMD N
 * times, its standard input from IN (default /dev/null) and its output to
 * OUT (default /dev/null; a file for GNU grep, which stops at the first
 * match when its output is /dev/null), and prints one line: the median wall time in seconds, the
 * fastest, the largest peak resident size of the runs in KB (getrusage of
 * the child) and the exit status of the last run. Never asserts anything. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"


static _Noreturn void
usage(void)
{
	fputs("usage: runs N [-i IN] [-o OUT] CMD [ARGS...]\n", stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	if (argc < 3)
		usage();
	char *end;
	long n = strtol(argv[1], &end, 10);
	if (*argv[1] == '\0' || *end != '\0' || n < 1 || n > 1000)
		usage();
	const char *input = "/dev/null", *output = "/dev/null";
	int a = 2;
	while (a + 2 < argc && (strcmp(argv[a], "-i") == 0 || strcmp(argv[a], "-o") == 0)) {
		if (argv[a][1] == 'i')
			input = argv[a + 1];
		else
			output = argv[a + 1];
		a += 2;
	}
	if (a >= argc || argv[a][0] == '-')
		usage();
	double *t = calloc((size_t)n, sizeof *t);
	if (!t)
		return 2;
	long peak = 0;
	int status = 0;
	for (long r = 0; r < n; r++) {
		fflush(NULL);
		double t0 = now();
		pid_t pid = fork();
		if (pid < 0) {
			perror("runs: fork");
			return 2;
		}
		if (pid == 0) {
			int in = open(input, O_RDONLY);
			int out = open(output, O_WRONLY | O_CREAT | O_TRUNC, 0666);
			if (in < 0 || out < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0) {
				fprintf(stderr, "runs: %s: %s\n", in < 0 ? input : output,
				    strerror(errno));
				_exit(127);
			}
			execvp(argv[a], argv + a);
			fprintf(stderr, "runs: cannot run %s: %s\n", argv[a], strerror(errno));
			_exit(127);
		}
		struct rusage ru;
		int st;
		if (wait4(pid, &st, 0, &ru) < 0) {
			perror("runs: wait4");
			return 2;
		}
		t[r] = now() - t0;
		if (ru.ru_maxrss > peak)
			peak = ru.ru_maxrss;
		status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
		if (status == 127)
			return 2;
	}
	qsort(t, (size_t)n, sizeof *t, cmp_d);
	printf("%.4f %.4f %ld %d\n", t[n / 2], t[0], peak, status);
	free(t);
	return 0;
}
