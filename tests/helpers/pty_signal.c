/* SPDX-License-Identifier: MIT
 * pty_signal: a signal sent to a program on a terminal at a given moment,
 * and how it ends. Runs PROGRAM in a pseudo-terminal of 80x24, waits for
 * its first screen, sends KEYS (C escapes: \f for Ctrl-L, \r, \033...)
 * REPEAT times, 5 ms apart, optionally without reading the terminal from
 * the first (-n: output stalls, as with an SSH client that stopped
 * reading), waits DELAY ms,
 * sends SIGNAL, then waits for the program to end without reading. Prints
 * one line: "busy=B cpu_ms=C ended=1 ms=N status=S icanon=1 echo=1 ixon=1"
 * (B: 1 when the program was at work as the signal came: running, or in
 * the kernel, or it used CPU time during the DELAY (C ms), 0 when it sat
 * waiting for input; the exit status or 128+signal; the terminal's
 * settings after it ended), or "ended=0" when it had not ended after 10 s
 * (it is then killed). Used by tests/cli/signals.sh. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static double
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Reads what is there until quiet_ms pass without output (or max_ms);
 * with first, not before something came. */
static void
drain(int fd, int quiet_ms, int max_ms, bool first)
{
	char buf[65536];
	double start = now_ms(), last = start;
	bool came = !first;
	for (;;) {
		struct pollfd p = {fd, POLLIN, 0};
		int r = poll(&p, 1, 20);
		double t = now_ms();
		if (r > 0 && read(fd, buf, sizeof buf) > 0)
			last = t, came = true;
		else if (r > 0)
			return;	/* hung up */
		if ((came && t - last >= quiet_ms) || t - start >= max_ms)
			return;
	}
}

/* C escapes of s into out; returns the length. */
static size_t
unescape(const char *s, char *out)
{
	size_t n = 0;
	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			out[n++] = *s;
			continue;
		}
		switch (*++s) {
		case 'f': out[n++] = '\f'; break;
		case 'r': out[n++] = '\r'; break;
		case 'n': out[n++] = '\n'; break;
		case 't': out[n++] = '\t'; break;
		case 'e': out[n++] = 27; break;
		case '0': {
			int v = 0;
			for (int k = 0; k < 3 && s[1] >= '0' && s[1] <= '7'; k++)
				v = v * 8 + (*++s - '0');
			out[n++] = (char)v;
			break;
		}
		default: out[n++] = *s; break;
		}
	}
	return n;
}

/* The program's state letter (R running, S asleep, D in the kernel...)
 * and the CPU time it has used, in clock ticks, from /proc/PID/stat. */
static char
proc_state(pid_t pid, long *ticks)
{
	char path[64], st[1024];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	FILE *f = fopen(path, "r");
	*ticks = 0;
	if (!f)
		return '?';
	size_t n = fread(st, 1, sizeof st - 1, f);
	fclose(f);
	st[n] = '\0';
	const char *p = strrchr(st, ')');
	if (!p || p[1] != ' ')
		return '?';
	char state = p[2];
	unsigned long ut = 0, stime = 0;
	/* after the state: ppid pgrp session tty tpgid flags minflt cminflt
	 * majflt cmajflt utime stime */
	if (sscanf(p + 4, "%*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &stime) == 2)
		*ticks = (long)(ut + stime);
	return state;
}

static int
signal_of(const char *name)
{
	static const struct { const char *name; int sig; } sigs[] = {
		{"TERM", SIGTERM}, {"HUP", SIGHUP}, {"INT", SIGINT}, {"QUIT", SIGQUIT},
		{"USR1", SIGUSR1}, {"ALRM", SIGALRM}, {"XCPU", SIGXCPU}, {"SEGV", SIGSEGV},
	};
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (strcmp(name, sigs[i].name) == 0)
			return sigs[i].sig;
	return 0;
}

int
main(int argc, char **argv)
{
	const char *keys = "", *signame = "TERM";
	int repeat = 1, delay = 0, opt;
	bool stall = false;
	while ((opt = getopt(argc, argv, "+k:r:d:s:n")) != -1) {
		switch (opt) {
		case 'k': keys = optarg; break;
		case 'r': repeat = atoi(optarg); break;
		case 'd': delay = atoi(optarg); break;
		case 's': signame = optarg; break;
		case 'n': stall = true; break;
		default: goto usage;
		}
	}
	int sig = signal_of(signame);
	if (optind >= argc || !sig) {
usage:
		fputs("usage: pty_signal [-k KEYS] [-r REPEAT] [-d MS] [-n] [-s SIGNAL] PROGRAM [ARG]...\n",
		    stderr);
		return 2;
	}
	struct winsize ws = {.ws_row = 24, .ws_col = 80};
	int master;
	pid_t pid = forkpty(&master, NULL, NULL, &ws);
	if (pid < 0) {
		perror("pty_signal: forkpty");
		return 2;
	}
	if (pid == 0) {
		if (!getenv("TERM"))
			setenv("TERM", "xterm-256color", 1);
		execv(argv[optind], argv + optind);
		_exit(127);
	}
	fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
	drain(master, 300, 30000, true);	/* the first screen */
	char *k = malloc(strlen(keys) + 1);
	size_t kn = unescape(keys, k);
	for (int i = 0; i < repeat; i++) {
		for (size_t off = 0; off < kn;) {
			ssize_t w = write(master, k + off, kn - off);
			if (w > 0)
				off += (size_t)w;
			else if (errno == EAGAIN)
				usleep(1000);
			else
				break;
		}
		if (!stall)
			drain(master, 0, 5, false);
		else
			usleep(5000);	/* a frame each, never read */
	}
	free(k);
	if (stall)
		usleep(300000);	/* its output fills the terminal and stops */
	else
		drain(master, 0, 10, false);
	long ticks0, ticks1;
	proc_state(pid, &ticks0);
	usleep((useconds_t)delay * 1000);
	char state = proc_state(pid, &ticks1);
	kill(pid, sig);
	long hz = sysconf(_SC_CLK_TCK);
	long cpu_ms = hz > 0 ? (ticks1 - ticks0) * 1000 / hz : 0;
	int busy = state == 'R' || state == 'D' || cpu_ms > 0;
	double t0 = now_ms();
	int st = 0;
	bool ended = false;
	while (now_ms() - t0 < 10000) {
		if (waitpid(pid, &st, WNOHANG) == pid) {
			ended = true;
			break;
		}
		usleep(2000);
	}
	double ms = now_ms() - t0;
	if (!ended) {
		kill(pid, SIGKILL);
		waitpid(pid, &st, 0);
		printf("busy=%d cpu_ms=%ld ended=0\n", busy, cpu_ms);
		return 1;
	}
	struct termios tio;
	int got = tcgetattr(master, &tio) == 0;
	printf("busy=%d cpu_ms=%ld ended=1 ms=%.0f status=%d icanon=%d echo=%d ixon=%d\n", busy,
	    cpu_ms, ms,
	    WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st),
	    got && (tio.c_lflag & ICANON) ? 1 : 0, got && (tio.c_lflag & ECHO) ? 1 : 0,
	    got && (tio.c_iflag & IXON) ? 1 : 0);
	return 0;
}
