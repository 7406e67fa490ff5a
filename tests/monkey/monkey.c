/* SPDX-License-Identifier: MIT
 * monkey: raw bytes thrown at a terminal program in a pseudo-terminal, to
 * see it survive. Runs BINARY in a pty (forkpty) in a temporary working
 * directory (also its HOME: what it exports lands there), waits for the
 * first screen, then sends INPUTS inputs chosen at random from a seed, each
 * in one write: text (ASCII, UTF-8 of every kind, invalid UTF-8), keys in
 * every form terminals send them (xterm, vt100, PuTTY/rxvt, the Linux
 * console, modified keys, Alt+key, a lone Escape, control bytes), malformed
 * mouse reports, pastes of up to 10 KB (some between bracketed-paste
 * markers), and RESIZES window sizes from 1x1 to 300x100 along the way.
 * The pty is read all the while (the program never blocks on its output).
 * At the end (after three dots, which complete a mouse report left
 * incomplete, and once the program is idle again) it must be alive,
 * answer Ctrl-L at 80x24, exit 0 on F10, and have written no sanitizer
 * report to its stderr (STDERR_FILE).
 * What would end it on purpose is never sent, nor formed with the bytes
 * sent before: F10 in any form (with modifiers too), Ctrl-Q and Ctrl-X
 * (centres quits on them), Ctrl-C (twice quits) and the terminal's quit
 * character (Ctrl-\); with -Q, q too (a program that quits on q while
 * browsing: then q is sent only between bracketed-paste markers). Where the
 * terminal's flow control is on, its stop character (Ctrl-S) is always
 * followed by its start character in the next input.
 * Every wait has a timeout: a program that stops reading its input, or
 * works no more without waiting for input, or does not answer, is
 * reported stuck and killed.
 * The same seed sends the same inputs (the timing differs).
 * Used by tests/cli/monkey_pty.sh (make test) and tests/monkey/soak.sh
 * (make soak). */
#define _GNU_SOURCE
#include <curses.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <term.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

/* term.h defines every capability name as a macro (lines, columns, tab,
 * bell...): names here avoid them. */

#define HISTORY 10	/* inputs kept for the report */
#define TAIL 16		/* bytes of the stream before an input, checked with it */
#define OUT_TAIL 600	/* bytes of the program's last output kept */

static struct {
	long inputs, resizes, paste_max;
	unsigned long long seed;
	const char *term, *errfile, *locale;
	int verbose, allow_q;
	const char *rare;
	int stuck_ms, exit_ms, start_ms, answer_ms, busy_ms;
} opt = {
	.inputs = 1000, .resizes = 20, .paste_max = 10240, .locale = "C.UTF-8",
	.stuck_ms = 20000, .exit_ms = 20000, .start_ms = 30000, .answer_ms = 10000,
	.busy_ms = 600000, .rare = "",
};

struct buf {
	char *p;
	size_t n, cap;
};

/* A byte string never to be sent (nor formed with what was sent before). */
struct seq {
	char s[32];
	size_t n;
};

static pid_t child = -1;
static int master = -1, err_fd = -1;
static int child_gone;		/* the pty hung up (EIO): the program has exited */
static int child_reaped, child_status;
static volatile sig_atomic_t got_signal;
static char tmpdir[PATH_MAX];

static struct seq forbid[16];
static size_t nforbid;
static char stop_char;		/* the terminal's stop character (XON/XOFF on), else 0 */
static char start_char = 021;
static char **ti_keys;		/* the key sequences of the terminal type (terminfo) */
static size_t nti_keys;
static char *f10;		/* the F10 of the terminal type, to end the program */

static struct {
	unsigned long long sent, received;
	long inputs, resizes, pastes, flow, settle_ms;
	int cols, rows;
} stats;

static struct {
	char *p;
	size_t n;
	long index;
	const char *kind;
} history[HISTORY];
static long nhistory;
static char stream_tail[TAIL];
static size_t stream_tail_n;
static char out_tail[OUT_TAIL];
static size_t out_tail_n;

/* The outcome of each check, and the first failure's reason. */
static char r_alive[640] = "not checked", r_answers[640] = "not checked",
	r_exit[640] = "not checked", r_sanitizer[640] = "not checked";
static char reason[640];

static _Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void failf(char *dst, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int
rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb, (void)flag, (void)ftw;
	remove(path);
	return 0;
}

static void
kill_child(void)
{
	if (child > 0 && !child_reaped) {
		kill(-child, SIGKILL);	/* its process group: the session forkpty made */
		kill(child, SIGKILL);
		kill(child, SIGCONT);
		waitpid(child, &child_status, 0);
		child_reaped = 1;
	}
}

static void
cleanup(void)
{
	kill_child();
	if (master >= 0) {
		close(master);
		master = -1;
	}
	if (tmpdir[0]) {
		nftw(tmpdir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
		tmpdir[0] = '\0';
	}
}

static _Noreturn void
die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fflush(stdout);
	fputs("monkey: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	cleanup();
	exit(2);
}

static void
failf(char *dst, size_t n, const char *fmt, ...)
{
	va_list ap;
	char line[600];
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (dst)
		snprintf(dst, n, "no: %s", line);
	if (!reason[0])
		snprintf(reason, sizeof reason, "%s", line);
}

static void
on_signal(int sig)
{
	got_signal = sig;
}

static void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

static char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xrealloc(NULL, n), s, n);
}

static void
put(struct buf *b, const void *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2 + 64;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void
puts_b(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

static void
putc_b(struct buf *b, int c)
{
	char ch = (char)c;
	put(b, &ch, 1);
}

static void putf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
putf(struct buf *b, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n > 0)
		put(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

static long
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* --- the random numbers: splitmix64, the same on every machine */

static unsigned long long rng;

static unsigned long long
rnd(void)
{
	unsigned long long z = (rng += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* 0 .. n-1 */
static long
below(long n)
{
	return n > 0 ? (long)(rnd() % (unsigned long long)n) : 0;
}

static int
chance(int percent)
{
	return below(100) < percent;
}

static const char *
pick(const char *const *v, size_t n)
{
	return v[below((long)n)];
}

#define PICK(v) pick((v), sizeof (v) / sizeof (v)[0])

/* --- what is sent */

/* Text of every kind: accents, ligatures, CJK, emoji (with skin tones,
 * ZWJ sequences, flags), combining marks, right-to-left scripts, bidi
 * controls, zero-width characters, C1 controls in UTF-8, fullwidth forms. */
static const char *const utf8_words[] = {
	"é", "è", "ê", "à", "ç", "ù", "ñ", "ü", "ö", "å", "ø", "œ", "Œ", "æ", "ß", "ÿ",
	"Île-de-France", "Réunion", "Hauts-de-France", "Provence-Alpes-Côte d'Azur",
	"Auvergne-Rhône-Alpes", "CR•DSU", "«guillemets»", "—", "…", "€", "°", "№",
	"中文", "日本語", "東京都", "한국어", "漢字", "かな", "カタカナ", "ｆｕｌｌｗｉｄｔｈ",
	"😀", "🎉", "👍🏽", "👨‍👩‍👧‍👦", "🇫🇷", "🏳️‍🌈", "❤️", "🧑🏿‍🚀",
	"e\xcc\x81", "a\xcc\x8a\xcc\xa3", "n\xcc\x83", "\xcc\x81", "Z\xcd\x91\xcd\x8b\xcd\x9b\xcc\xa4",
	"\xe2\x80\xae" "edcba", "\xe2\x80\xad", "\xe2\x81\xa6", "\xe2\x80\x8f", "\xe2\x80\x8b",
	"\xe2\x80\x8d", "\xef\xbb\xbf", "\xe2\x80\xa8", "\xc2\xa0", "\xc2\x85", "\xc2\x9b" "2J",
	"\xc2\x9d" "0;x\xc2\x9c", "עברית", "العربية", "ไทย", "हिन्दी", "Ελληνικά", "Кириллица",
	"\xf0\x9d\x95\xac", "\xf4\x8f\xbf\xbf", "\xef\xbf\xbd", "\xef\xbf\xbe",
};

/* Bytes that make no UTF-8: lone continuation bytes, the C0/C1 lead bytes
 * (overlong), truncated sequences, F5-FF, surrogates, beyond U+10FFFF. */
static void
gen_invalid_piece(struct buf *b)
{
	static const char *const fixed[] = {
		"\xc0\xaf", "\xc1\xbf", "\xe0\x80\xaf", "\xf0\x80\x80\xaf", "\xed\xa0\x80",
		"\xed\xbf\xbf", "\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80", "\xfc\x84\x80\x80\x80\x80",
		"\xe2\x82", "\xf0\x9f\x98", "\xf0\x9f", "\xe4\xb8", "\xc3", "\xfe\xff", "\xff\xfe",
		"\x9b" "2J", "\x9d" "0;pwned\x9c",
	};
	switch (below(6)) {
	case 0:	/* lone continuation bytes */
		for (long i = 0, k = 1 + below(3); i < k; i++)
			putc_b(b, 0x80 + (int)below(64));
		break;
	case 1:	/* C0/C1 lead byte and a continuation */
		putc_b(b, 0xc0 + (int)below(2));
		putc_b(b, 0x80 + (int)below(64));
		break;
	case 2:	/* a truncated sequence: a lead byte, fewer continuations than it needs */
		{
			int lead = (int)below(3);
			putc_b(b, lead == 0 ? 0xc2 + (int)below(30) : lead == 1 ? 0xe1 + (int)below(12) :
			    0xf1 + (int)below(3));
			for (long i = 0, k = below(lead + 1); i < k; i++)
				putc_b(b, 0x80 + (int)below(64));
		}
		break;
	case 3:	/* F5..FF */
		putc_b(b, 0xf5 + (int)below(11));
		break;
	default:
		puts_b(b, PICK(fixed));
	}
}

/* A printable ASCII byte (other than q with -Q: q quits that program). */
static int
ascii_char(void)
{
	int c = 0x20 + (int)below(95);
	return c == 'q' && opt.allow_q ? 'Q' : c;
}

static void
gen_ascii(struct buf *b, long len)
{
	static const char *const words[] = {
		"reunion", "centre", "Nord", "levant", "www.", ".fr", "nom:", "region:", "\"",
		"04 78", "0478770143", "@", "ile", "de", "  ", "ab", "*", "\\", "%s%n%p", "$(id)",
	};
	for (long i = 0; i < len; i++) {
		if (chance(10))
			puts_b(b, PICK(words));
		else
			putc_b(b, ascii_char());
	}
}

static void
gen_utf8(struct buf *b, long pieces)
{
	for (long i = 0; i < pieces; i++) {
		if (chance(70))
			puts_b(b, PICK(utf8_words));
		else
			putc_b(b, ascii_char());
	}
}

static void
gen_invalid(struct buf *b)
{
	for (long i = 0, k = 1 + below(5); i < k; i++) {
		gen_invalid_piece(b);
		if (chance(40))
			putc_b(b, ascii_char());
		if (chance(20))
			puts_b(b, PICK(utf8_words));
	}
}

/* The keys in the forms terminals send them. F10 (ESC [ 21~, ESC O x) is
 * not among them. */
static const char *const std_keys[] = {
	/* cursor keys: normal and application mode */
	"\033[A", "\033[B", "\033[C", "\033[D", "\033OA", "\033OB", "\033OC", "\033OD",
	/* Home, Insert, Delete, End, PgUp, PgDn, Home, End (vt220, rxvt) */
	"\033[1~", "\033[2~", "\033[3~", "\033[4~", "\033[5~", "\033[6~", "\033[7~", "\033[8~",
	"\033[H", "\033[F", "\033OH", "\033OF", "\033[E", "\033OE", "\033[G",
	/* F1-F4: xterm and vt100, PuTTY and rxvt, the Linux console (F1-F5) */
	"\033OP", "\033OQ", "\033OR", "\033OS",
	"\033[11~", "\033[12~", "\033[13~", "\033[14~",
	"\033[[A", "\033[[B", "\033[[C", "\033[[D", "\033[[E",
	/* F5-F12 (xterm, rxvt, PuTTY, the Linux console), without F10 */
	"\033[15~", "\033[17~", "\033[18~", "\033[19~", "\033[20~", "\033[23~", "\033[24~",
	"\033[25~", "\033[26~", "\033[28~", "\033[29~", "\033[31~", "\033[32~", "\033[33~", "\033[34~",
	/* vt100 keypad F5-F9 and F0, keypad keys in application mode */
	"\033Ot", "\033Ou", "\033Ov", "\033Ol", "\033Ow", "\033Oy",
	"\033OM", "\033Oj", "\033Ok", "\033Om", "\033On", "\033Oo", "\033Op", "\033Or",
	/* Shift-Tab, Tab, Enter, Backspace, Delete as ^H, Space */
	"\033[Z", "\t", "\r", "\n", "\177", "\010", " ", "\r\n",
	/* the program's own keys, and a few that do nothing */
	"/", "?", "a", "y", "p", "e", "w", "c", "j", "k", "h", "l", "g", "G", "r", "s", "o",
	"0", "1", "5", "9", ":", "x", "n", "N", "b", "d", "u", "v", "z", "Q", "-", "+", "=",
	/* rxvt modified keys */
	"\033[a", "\033[b", "\033[c", "\033[d", "\033Oa", "\033Ob", "\033Oc", "\033Od",
	"\033[2^", "\033[3$", "\033[5^", "\033[6@", "\033[7$", "\033[8^", "\033[11^", "\033[23$",
	/* focus in and out, a cursor position report, a device attributes answer */
	"\033[I", "\033[O", "\033[24;80R", "\033[?64;1;2;6;22c", "\033]11;rgb:0000/0000/0000\033\\",
};

/* ESC [ 1 ; MOD X or ESC [ N ; MOD ~: Shift, Alt, Ctrl and their sums. */
static void
gen_modified(struct buf *b)
{
	static const char finals[] = "ABCDHFPQRS";
	static const int tilde[] = {2, 3, 5, 6, 15, 17, 18, 19, 20, 23, 24};
	int mod = 2 + (int)below(chance(90) ? 7 : 15);
	if (chance(50))
		putf(b, "\033[1;%d%c", mod, finals[below(sizeof finals - 1)]);
	else if (chance(80))
		putf(b, "\033[%d;%d~", tilde[below(sizeof tilde / sizeof tilde[0])], mod);
	else	/* the old xterm form: ESC O MOD X */
		putf(b, "\033O%d%c", mod, finals[below(sizeof finals - 1)]);
}

static void
gen_key(struct buf *b)
{
	long k = below(100);
	if (k < 55 || nti_keys == 0)
		puts_b(b, PICK(std_keys));
	else if (k < 75)
		puts_b(b, ti_keys[below((long)nti_keys)]);
	else
		gen_modified(b);
}

/* Alt+key: ESC and a character (or a control byte, or ESC again). */
static void
gen_alt(struct buf *b)
{
	putc_b(b, 033);
	if (chance(70))
		putc_b(b, ascii_char());
	else if (chance(50))
		puts_b(b, PICK(utf8_words));
	else if (chance(50))
		putc_b(b, 033);
	else
		putc_b(b, 1 + (int)below(26));
}

/* A control byte; the terminal's interrupt, quit and stop characters are
 * taken out by the check of every input. Ctrl-U (clears the line being
 * typed) comes with a letter after it, so that a file name typed after it
 * in the export prompt never starts with / (the program would write where
 * the name says). */
static void
gen_control(struct buf *b)
{
	int c = chance(95) ? (int)below(32) : 0177;
	if (c == 033)
		c = 0;
	putc_b(b, c);
	if (c == 025)
		putc_b(b, 'a' + (int)below(16));
}

/* A number for a mouse report: sensible, or absurd. */
static void
mouse_num(struct buf *b, int sensible_max)
{
	static const char *const absurd[] = {
		"0", "-1", "-2147483648", "2147483647", "2147483648", "4294967295", "4294967296",
		"65535", "65536", "99999999999999999999999", "", "00000000000001", "1e9", "+5", ":3",
	};
	if (chance(70))
		putf(b, "%d", (int)below(sensible_max + 2));
	else
		puts_b(b, PICK(absurd));
}

/* Mouse reports, mostly malformed: X10 (ESC [ M and 0-3 bytes), SGR
 * (ESC [ < b ; x ; y M/m) with random and absurd numbers, truncated,
 * with fields missing or too many; urxvt (ESC [ b ; x ; y M). */
static void
gen_mouse(struct buf *b)
{
	long k = below(10);
	if (k < 3) {
		puts_b(b, "\033[M");
		for (long i = 0, n = below(4); i < n; i++)
			putc_b(b, chance(60) ? 32 + (int)below(96) : (int)below(256));
		return;
	}
	if (k == 3) {
		putf(b, "\033[%d;%d;%dM", 32 + (int)below(70), (int)below(400), (int)below(200));
		return;
	}
	struct buf m = {0};
	static const int button_codes[] = {0, 1, 2, 3, 32, 35, 64, 65, 66, 67, 4, 8, 16, 128, 192};
	puts_b(&m, "\033[<");
	if (chance(80))
		putf(&m, "%d", button_codes[below(sizeof button_codes / sizeof button_codes[0])]);
	else
		mouse_num(&m, 255);
	for (int f = 0, nf = chance(85) ? 2 : (int)below(5); f < nf; f++) {
		putc_b(&m, ';');
		mouse_num(&m, f == 0 ? stats.cols : stats.rows);
	}
	putc_b(&m, chance(50) ? 'M' : chance(80) ? 'm' : ascii_char());
	size_t n = m.n;
	if (chance(25))	/* truncated */
		n = 3 + (size_t)below((long)m.n - 2);
	put(b, m.p, n);
	free(m.p);
}

/* Random text to paste: ASCII without q, UTF-8, spaces, some newlines and
 * tabs; mostly short, sometimes up to paste_max bytes. */
static void
gen_paste(struct buf *b, int bracketed)
{
	long max = opt.paste_max, len;
	long k = below(10);
	len = k < 6 ? 1 + below(256) : k < 9 ? 1 + below(2048) : 1 + below(max);
	if (len > max)
		len = max;
	if (bracketed)
		puts_b(b, "\033[200~");
	size_t start = b->n;
	while ((long)(b->n - start) < len) {
		long r = below(100);
		if (r < 60)
			putc_b(b, ascii_char());
		else if (r < 75)
			putc_b(b, ' ');
		else if (r < 90)
			puts_b(b, PICK(utf8_words));
		else if (r < 94)
			putc_b(b, '\n');
		else if (r < 96)
			putc_b(b, '\t');
		else if (opt.allow_q && bracketed)
			putc_b(b, 'q');
		else
			gen_ascii(b, 1 + below(8));
	}
	if (bracketed)
		puts_b(b, "\033[201~");
}

/* What make_rare() may change in an input. */
enum { TEXT_NONE, TEXT_ALL, TEXT_INSIDE };

/* One input, its kind named in kind; returns which of its bytes are text
 * (TEXT_INSIDE: between bracketed-paste markers). */
static int
gen_input(struct buf *b, const char **kind)
{
	long k = below(1000);
	if (k < 130) {
		*kind = "text";
		gen_ascii(b, 1 + below(chance(80) ? 8 : 40));
		return TEXT_ALL;
	} else if (k < 220) {
		*kind = "utf-8";
		gen_utf8(b, 1 + below(8));
		return TEXT_ALL;
	} else if (k < 290) {
		*kind = "invalid utf-8";
		gen_invalid(b);
		return TEXT_ALL;
	} else if (k < 610) {
		*kind = "key";
		gen_key(b);
		return b->n == 1 ? TEXT_ALL : TEXT_NONE;
	} else if (k < 670) {
		*kind = "keys";
		for (long i = 0, n = 2 + below(chance(80) ? 8 : 60); i < n; i++)
			gen_key(b);
	} else if (k < 720) {
		*kind = "alt";
		gen_alt(b);
	} else if (k < 760) {
		*kind = "escape";
		puts_b(b, chance(80) ? "\033" : chance(50) ? "\033\033" : "\033\033\033");
	} else if (k < 830) {
		*kind = "control";
		gen_control(b);
	} else if (k < 920) {
		*kind = "mouse";
		gen_mouse(b);
	} else if (k < 950) {
		*kind = "paste";
		gen_paste(b, 0);
		return TEXT_ALL;
	} else if (k < 980) {
		*kind = "bracketed paste";
		gen_paste(b, 1);
		return TEXT_INSIDE;
	} else {
		*kind = "truncated";	/* the start of a key, the rest never comes */
		static const char *const starts[] = {
			"\033[", "\033O", "\033[1", "\033[1;", "\033[1;5", "\033[2", "\033[[", "\033[<",
			"\033[<0;", "\033[<0;10;", "\033[2", "\033[20", "\033[200", "\033[200~", "\033]",
			"\033]0;title", "\033P", "\033[?", "\033[>", "\033[M",
		};
		puts_b(b, PICK(starts));
	}
	return TEXT_NONE;
}

/* -S: the characters of opt.rare in text, pastes and single-key inputs
 * are sent one time in 20, another character the other times. For keys
 * too slow to press hundreds of times (r reloads the file: half a second
 * for 100,000 rows under the sanitizers). */
static void
make_rare(struct buf *b, int text)
{
	if (!*opt.rare || text == TEXT_NONE)
		return;
	size_t from = 0, to = b->n;
	if (text == TEXT_INSIDE)
		from = 6, to = b->n - 6;	/* not the markers */
	for (size_t i = from; i < to; i++) {
		char ch = b->p[i];
		if (ch <= ' ' || ch > '~' || !strchr(opt.rare, ch) || chance(5))
			continue;
		char other = ch >= 'a' && ch <= 'z' ? (char)(ch - 32) : ch >= 'A' && ch <= 'Z' ?
		    (char)(ch + 32) : '_';
		b->p[i] = other == 'q' || strchr(opt.rare, other) ? '_' : other;
	}
}

/* Whether the stream of what was sent, with c after it, holds one of the
 * forbidden sequences ending in c; q is allowed between bracketed-paste
 * markers with -Q. */
static int
is_forbidden(const struct buf *c)
{
	struct buf all = {0};
	put(&all, stream_tail, stream_tail_n);
	put(&all, c->p, c->n);
	int bad = 0;
	for (size_t f = 0; f < nforbid && !bad; f++) {
		const struct seq *s = &forbid[f];
		for (const char *p = all.p, *end = all.p + all.n;
		    !bad && (p = memmem(p, (size_t)(end - p), s->s, s->n)) != NULL; p++) {
			if ((size_t)(p - all.p) + s->n <= stream_tail_n)
				continue;	/* wholly in what was already sent */
			if (opt.allow_q && s->n == 1 && s->s[0] == 'q' &&
			    memmem(c->p, c->n, "\033[200~", 6) == c->p) {
				const char *close = memmem(c->p, c->n, "\033[201~", 6);
				size_t at = (size_t)(p - all.p) - stream_tail_n;
				if (close && at < (size_t)(close - c->p))
					continue;
			}
			bad = 1;
		}
	}
	free(all.p);
	return bad;
}

static void
add_forbidden(const char *s, size_t n)
{
	if (n == 0 || n >= sizeof forbid[0].s || nforbid == sizeof forbid / sizeof forbid[0])
		return;
	for (size_t i = 0; i < nforbid; i++)
		if (forbid[i].n == n && memcmp(forbid[i].s, s, n) == 0)
			return;
	memcpy(forbid[nforbid].s, s, n);
	forbid[nforbid++].n = n;
}

/* --- the terminal */

/* Bytes in printable form, at most max of them: \e for ESC, ^X for control
 * bytes, \xNN for bytes above 0x7e. */
static void
show(FILE *f, const char *s, size_t n, size_t max)
{
	for (size_t i = 0; i < n && i < max; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == 033)
			fputs("\\e", f);
		else if (ch == '\\')
			fputs("\\\\", f);
		else if (ch < 32 || ch == 127)
			fprintf(f, "^%c", ch ^ 64);
		else if (ch > 126)
			fprintf(f, "\\x%02x", ch);
		else
			fputc(ch, f);
	}
	if (n > max)
		fprintf(f, "... (%zu bytes)", n);
}

/* The program's state, without waiting: 1 running, 0 exited (status in
 * child_status). A stopped program is continued and reported. */
static int
check_child(void)
{
	if (child_reaped)
		return 0;
	int st;
	pid_t r = waitpid(child, &st, WNOHANG | WUNTRACED);
	if (r == child && WIFSTOPPED(st)) {
		failf(NULL, 0, "the program was stopped by signal %d (%s) after input %ld",
		    WSTOPSIG(st), strsignal(WSTOPSIG(st)), stats.inputs);
		kill(child, SIGCONT);
		return 1;
	}
	if (r == child) {
		child_reaped = 1;
		child_status = st;
		return 0;
	}
	return 1;
}

static const char *
status_text(int st, char *out, size_t n)
{
	if (WIFEXITED(st))
		snprintf(out, n, "exit status %d", WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		snprintf(out, n, "killed by signal %d (%s)", WTERMSIG(st), strsignal(WTERMSIG(st)));
	else
		snprintf(out, n, "status 0x%x", st);
	return out;
}

/* Reads what the program has written, without waiting; the bytes read. */
static size_t
drain(void)
{
	size_t got = 0;
	while (!child_gone) {
		char tmp[65536];
		ssize_t n = read(master, tmp, sizeof tmp);
		if (n > 0) {
			got += (size_t)n;
			stats.received += (unsigned long long)n;
			size_t k = (size_t)n < OUT_TAIL ? (size_t)n : OUT_TAIL;
			if (out_tail_n + k > OUT_TAIL) {
				size_t drop = out_tail_n + k - OUT_TAIL;
				memmove(out_tail, out_tail + drop, out_tail_n - drop);
				out_tail_n -= drop;
			}
			memcpy(out_tail + out_tail_n, tmp + (size_t)n - k, k);
			out_tail_n += k;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			break;
		child_gone = 1;	/* EIO: the slave side is closed */
	}
	return got;
}

/* Waits up to ms for output (or room to write with want_out), reading it;
 * returns poll's revents, 0 on timeout. */
static int
wait_io(int ms, int want_out)
{
	if (child_gone) {
		if (ms > 0)
			poll(NULL, 0, ms < 20 ? ms : 20);
		return 0;
	}
	struct pollfd p = {.fd = master, .events = (short)(POLLIN | (want_out ? POLLOUT : 0))};
	int r = poll(&p, 1, ms);
	if (r < 0 && errno != EINTR)
		die("poll: %s", strerror(errno));
	if (r <= 0)
		return 0;
	if (p.revents & (POLLIN | POLLHUP | POLLERR))
		drain();
	return p.revents;
}

/* Reads for ms. */
static void
read_for(int ms)
{
	long end = now_ms() + ms;
	drain();
	for (long t; !got_signal && !child_gone && (t = now_ms()) < end;)
		wait_io((int)(end - t), 0);
}

/* Reads until the output has been quiet for quiet ms; 0 if it still
 * came after max ms. */
static int
read_quiet(int quiet, int max)
{
	long start = now_ms(), last = start;
	while (!got_signal && !child_gone) {
		long t = now_ms();
		if (t - last >= quiet)
			return 1;
		if (t - start >= max)
			return 0;
		unsigned long long before = stats.received;
		wait_io((int)(quiet - (t - last)), 0);
		if (stats.received != before)
			last = now_ms();
	}
	return 1;
}

/* What /proc tells of the program (Linux), -1 where it cannot: the CPU
 * time it has used (ticks), the bytes it has read (the keys, and files),
 * whether every thread of it sleeps. */
static long long
proc_ticks(void)
{
	char path[64], st[1024];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)child);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	size_t n = fread(st, 1, sizeof st - 1, f);
	fclose(f);
	st[n] = '\0';
	const char *p = strrchr(st, ')');
	unsigned long long ut, stime;
	/* after the name: state ppid pgrp session tty tpgid flags minflt
	 * cminflt majflt cmajflt utime stime */
	if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu",
	    &ut, &stime) != 2)
		return -1;
	return (long long)(ut + stime);
}

static long long
proc_rchar(void)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/io", (int)child);
	FILE *f = fopen(path, "r");
	long long v = -1;
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "rchar: %lld", &v) == 1)
			break;
	fclose(f);
	return v;
}

static int
proc_sleeping(void)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/task", (int)child);
	DIR *d = opendir(path);
	if (!d)
		return -1;
	int all = 1, seen = 0;
	struct dirent *e;
	while (all && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char sp[300], st[512];
		snprintf(sp, sizeof sp, "/proc/%d/task/%s/stat", (int)child, e->d_name);
		FILE *f = fopen(sp, "r");
		if (!f)
			continue;	/* a thread that just ended */
		size_t n = fread(st, 1, sizeof st - 1, f);
		fclose(f);
		st[n] = '\0';
		const char *paren = strrchr(st, ')');
		if (!paren || paren[1] != ' ')
			continue;
		seen++;
		all = paren[2] == 'S';
	}
	closedir(d);
	return seen ? all : -1;
}

/* Waits for the program to be done with what it was sent: every thread
 * asleep with its output read, for 300 ms (where /proc cannot tell: its
 * output quiet for a second). SETTLED then; STUCK when for stuck_ms it
 * did nothing (no CPU time used, nothing read or written) without being
 * idle; SPINNING when it used CPU time for three times as long without
 * reading or writing a byte; BUSY when still working after busy_ms. */
enum { SETTLED, STUCK, SPINNING, BUSY };

static int
settle(void)
{
	long start = now_ms(), last_io = start, last_cpu = start, idle_since = -1;
	long long ticks = proc_ticks(), rchar = proc_rchar();
	unsigned long long received = stats.received;
	int use_proc = ticks >= 0 && rchar >= 0 && proc_sleeping() >= 0;
	while (!got_signal && !child_gone) {
		wait_io(20, 0);
		long t = now_ms();
		long long tk = use_proc ? proc_ticks() : 0, rc = use_proc ? proc_rchar() : 0;
		int io = rc != rchar || stats.received != received, cpu = tk != ticks;
		ticks = tk, rchar = rc, received = stats.received;
		if (io)
			last_io = t;
		if (cpu)
			last_cpu = t;
		int pending = 0;
		int is_idle = use_proc ? !io && !cpu && proc_sleeping() == 1 &&
		    ioctl(master, FIONREAD, &pending) == 0 && pending == 0 : t - last_io >= 1000;
		if (!is_idle)
			idle_since = -1;
		else if (idle_since < 0)
			idle_since = t;
		else if (t - idle_since >= 300)
			return SETTLED;
		if (t - last_io >= opt.stuck_ms && t - last_cpu >= opt.stuck_ms)
			return STUCK;
		if (t - last_io >= 3L * opt.stuck_ms)
			return SPINNING;
		if (t - start >= opt.busy_ms)
			return BUSY;
	}
	return SETTLED;
}

/* Says why settle() did not; 0 if it did. */
static int
settled(int how, const char *when)
{
	if (how == SETTLED)
		return 1;
	if (how == STUCK)
		failf(r_alive, sizeof r_alive, "stuck: neither working nor waiting for input for "
		    "%d s %s", opt.stuck_ms / 1000, when);
	else if (how == SPINNING)
		failf(r_alive, sizeof r_alive, "stuck: using CPU time without reading or writing "
		    "for %d s %s", 3 * opt.stuck_ms / 1000, when);
	else
		failf(r_alive, sizeof r_alive, "busy: still working %d s %s", opt.busy_ms / 1000, when);
	return 0;
}

/* Writes all of s, reading the program's output meanwhile. 0 when done,
 * -1 when the program is gone, -2 when it read nothing for stuck_ms. */
static int
send_bytes(const char *s, size_t n)
{
	long last = now_ms();
	while (n > 0) {
		if (got_signal)
			return -3;
		if (child_gone)
			return -1;
		ssize_t w = write(master, s, n);
		if (w > 0) {
			s += w;
			n -= (size_t)w;
			stats.sent += (unsigned long long)w;
			last = now_ms();
			continue;
		}
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && errno != EAGAIN) {
			child_gone = 1;
			return -1;
		}
		unsigned long long before = stats.received;
		wait_io(100, 1);
		if (stats.received != before)
			last = now_ms();
		if (now_ms() - last > opt.stuck_ms)
			return -2;
	}
	return 0;
}

static void
remember(const char *s, size_t n, const char *kind)
{
	long i = nhistory++ % HISTORY;
	free(history[i].p);
	history[i].p = memcpy(xrealloc(NULL, n), s, n);
	history[i].n = n;
	history[i].index = stats.inputs + 1;	/* inputs are counted from 1 */
	history[i].kind = kind;
	if (n >= TAIL) {
		memcpy(stream_tail, s + n - TAIL, TAIL);
		stream_tail_n = TAIL;
	} else {
		size_t keep = stream_tail_n + n > TAIL ? TAIL - n : stream_tail_n;
		memmove(stream_tail, stream_tail + stream_tail_n - keep, keep);
		memcpy(stream_tail + keep, s, n);
		stream_tail_n = keep + n;
	}
	if (opt.verbose) {
		printf("#%ld %s: ", stats.inputs + 1, kind);
		show(stdout, s, n, 400);
		putchar('\n');
		fflush(stdout);
	}
}

static void
set_size(int cols, int rows)
{
	struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
	if (ioctl(master, TIOCSWINSZ, &ws) < 0 && !child_gone)
		die("TIOCSWINSZ: %s", strerror(errno));
	if (!child_reaped) {
		kill(-child, SIGWINCH);	/* also sent by the kernel; a second one is harmless */
	}
	stats.cols = cols, stats.rows = rows;
}

/* A window size: 1x1, tiny, one line or one column, 80x24, or anything up
 * to 300x100. */
static void
gen_size(int *cols, int *rows)
{
	switch (below(10)) {
	case 0: *cols = 1, *rows = 1; break;
	case 1: *cols = 1 + (int)below(6), *rows = 1 + (int)below(6); break;
	case 2: *cols = 1, *rows = 1 + (int)below(100); break;
	case 3: *cols = 1 + (int)below(300), *rows = 1; break;
	case 4: *cols = 80, *rows = 24; break;
	default: *cols = 1 + (int)below(300), *rows = 1 + (int)below(100);
	}
}

static void
start_child(char **argv)
{
	struct winsize ws = {.ws_row = 24, .ws_col = 80};
	int fds[2];	/* the child reports a failed exec through this pipe */
	if (pipe2(fds, O_CLOEXEC) < 0)
		die("pipe: %s", strerror(errno));
	fflush(NULL);
	child = forkpty(&master, NULL, NULL, &ws);
	if (child < 0)
		die("forkpty: %s", strerror(errno));
	if (child == 0) {
		close(fds[0]);
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		if (chdir(tmpdir) == 0) {
			setenv("TERM", opt.term, 1);
			setenv("LC_ALL", opt.locale, 1);
			setenv("HOME", tmpdir, 1);	/* ~/ in a file name stays in the folder */
			unsetenv("LINES");	/* they would override the terminal's size */
			unsetenv("COLUMNS");
			if (dup2(err_fd, STDERR_FILENO) >= 0)
				execvp(argv[0], argv);
		}
		int e = errno;
		if (write(fds[1], &e, sizeof e) < 0)
			_exit(127);
		_exit(127);
	}
	close(fds[1]);
	int e;
	ssize_t n = read(fds[0], &e, sizeof e);
	close(fds[0]);
	if (n == (ssize_t)sizeof e) {
		waitpid(child, NULL, 0);
		child_reaped = 1;
		die("cannot run %s: %s", argv[0], strerror(e));
	}
	int fl = fcntl(master, F_GETFL);
	if (fl < 0 || fcntl(master, F_SETFL, fl | O_NONBLOCK) < 0)
		die("fcntl: %s", strerror(errno));
	stats.cols = 80, stats.rows = 24;
}

/* The key sequences of the terminal type, and its F10. */
static void
read_terminfo(void)
{
	int err;
	if (setupterm((char *)opt.term, -1, &err) != OK)
		return;
	char *s = tigetstr("kf10");
	if (s && s != (char *)-1 && *s)
		f10 = xstrdup(s);
	for (size_t i = 0; strnames[i]; i++) {
		if (strnames[i][0] != 'k' || strcmp(strnames[i], "kf10") == 0)
			continue;
		s = tigetstr(strnames[i]);
		if (!s || s == (char *)-1 || !*s || strchr(s, '$'))
			continue;	/* absent, or with padding */
		ti_keys = xrealloc(ti_keys, (nti_keys + 1) * sizeof *ti_keys);
		ti_keys[nti_keys++] = xstrdup(s);
	}
	del_curterm(cur_term);
}

/* What ends the program: never sent. */
static void
set_forbidden(void)
{
	if (opt.allow_q)
		add_forbidden("q", 1);
	add_forbidden("\033[21~", 5);	/* F10: xterm, rxvt, PuTTY, the Linux console */
	add_forbidden("\033[21;", 5);	/* F10 with a modifier */
	add_forbidden("\021", 1);	/* Ctrl-Q, Ctrl-X: quit in centres */
	add_forbidden("\030", 1);
	add_forbidden("\033Ox", 3);	/* F10: vt100 */
	if (f10)
		add_forbidden(f10, strlen(f10));
	add_forbidden("\003", 1);	/* Ctrl-C, Ctrl-\: signals with the usual settings */
	add_forbidden("\034", 1);
	struct termios tio;
	if (tcgetattr(master, &tio) < 0)
		return;
	/* the terminal's characters as the program left them */
	if (tio.c_lflag & ISIG) {
		if (tio.c_cc[VINTR] != _POSIX_VDISABLE)
			add_forbidden((const char *)&tio.c_cc[VINTR], 1);
		if (tio.c_cc[VQUIT] != _POSIX_VDISABLE)
			add_forbidden((const char *)&tio.c_cc[VQUIT], 1);
		if (tio.c_cc[VSUSP] != _POSIX_VDISABLE)
			add_forbidden((const char *)&tio.c_cc[VSUSP], 1);
	}
	if ((tio.c_iflag & IXON) && tio.c_cc[VSTOP] != _POSIX_VDISABLE) {
		stop_char = (char)tio.c_cc[VSTOP];
		start_char = (char)tio.c_cc[VSTART];
		add_forbidden(&stop_char, 1);
	}
}

static const char *
pattern_in(const char *s)
{
	static const char *const pats[] = {
		"ERROR: AddressSanitizer", "runtime error", "LeakSanitizer", "SUMMARY:",
	};
	for (size_t i = 0; i < sizeof pats / sizeof pats[0]; i++)
		if (strstr(s, pats[i]))
			return pats[i];
	return NULL;
}

/* Looks for a sanitizer report in the program's stderr; prints its first
 * lines to f when asked. */
static int
check_stderr(FILE *f)
{
	char line[1024];
	int found = 0, shown = 0;
	off_t size = lseek(err_fd, 0, SEEK_END);
	int fd = dup(err_fd);
	if (fd < 0 || lseek(fd, 0, SEEK_SET) < 0)
		die("cannot read the program's stderr: %s", strerror(errno));
	FILE *in = fdopen(fd, "r");
	if (!in)
		die("fdopen: %s", strerror(errno));
	while (fgets(line, sizeof line, in)) {
		const char *p = pattern_in(line);
		if (p && !found) {
			found = 1;
			line[strcspn(line, "\n")] = '\0';
			snprintf(r_sanitizer, sizeof r_sanitizer, "REPORT (%s): %.400s", p, line);
			if (!reason[0])
				snprintf(reason, sizeof reason, "sanitizer report in the program's stderr: %.400s",
				    line);
		}
		if (f && found && shown < 25) {
			if (shown++ == 0)
				fprintf(f, "the program's stderr (%s), from the report:\n",
				    opt.errfile ? opt.errfile : "not kept");
			fprintf(f, "  | %s", line);
			if (!strchr(line, '\n'))
				fputc('\n', f);
		}
	}
	fclose(in);
	if (!found)
		snprintf(r_sanitizer, sizeof r_sanitizer, "no report (%lld bytes of stderr)",
		    (long long)(size > 0 ? size : 0));
	return found;
}

static void
report(long elapsed)
{
	printf("monkey: %ld inputs (%llu bytes, %ld pastes), %ld resizes, %llu bytes received, "
	    "%.1f s (%.1f s to catch up after the last input)\n", stats.inputs, stats.sent,
	    stats.pastes, stats.resizes, stats.received, (double)elapsed / 1000.0,
	    (double)stats.settle_ms / 1000.0);
	printf("alive: %s\nanswers: %s\nexit: %s\nsanitizer: %s\n", r_alive, r_answers, r_exit,
	    r_sanitizer);
	if (!reason[0]) {
		printf("monkey: ok (seed %llu)\n", opt.seed);
		return;
	}
	printf("monkey: FAIL: %s (seed %llu)\n", reason, opt.seed);
	long first = nhistory > HISTORY ? nhistory - HISTORY : 0;
	if (nhistory)
		printf("the last inputs sent:\n");
	for (long i = first; i < nhistory; i++) {
		long k = i % HISTORY;
		printf("  #%ld %s: ", history[k].index, history[k].kind);
		show(stdout, history[k].p, history[k].n, 300);
		putchar('\n');
	}
	printf("the program's last output: ");
	show(stdout, out_tail, out_tail_n, OUT_TAIL);
	putchar('\n');
	check_stderr(stdout);
}

static _Noreturn void
usage(void)
{
	fputs("usage: monkey [-vQ] [-n INPUTS] [-r RESIZES] [-s SEED] [-t TERM] [-e STDERR_FILE]\n"
	    "              [-p PASTE_MAX] [-L LOCALE] [-S RARE] [-w STUCK_S] [-x EXIT_S]\n"
	    "              [-b BUSY_S] BINARY [ARGS...]\n"
	    "Runs BINARY in a pseudo-terminal, in a temporary folder (its HOME too), and\n"
	    "sends it INPUTS (1000) random inputs, each in one write: text, UTF-8 and\n"
	    "invalid UTF-8, keys in every terminal's form, Alt+key, Escape, control\n"
	    "bytes, malformed mouse reports, pastes (some bracketed), and RESIZES (20)\n"
	    "window sizes from 1x1 to 300x100 along the way; never q, F10, Ctrl-C or\n"
	    "Ctrl-\\. Then checks that it is alive, answers Ctrl-L at 80x24, exits 0 on\n"
	    "F10, and wrote no sanitizer report to its stderr.\n"
	    "  -s   the seed (default: from the time); the same seed, the same inputs\n"
	    "  -t   TERM for the program (default: $TERM, else xterm-256color)\n"
	    "  -e   the program's stderr goes there (default: a file in the folder)\n"
	    "  -p   the largest paste in bytes (10240)\n"
	    "  -L   LC_ALL for the program (C.UTF-8)\n"
	    "  -S   characters sent one time in 20 in text and keys (e.g. r: a reload\n"
	    "       of a big file is slow)\n"
	    "  -w   stuck: it read no input, or did nothing without waiting for\n"
	    "       input, for STUCK_S seconds (20)\n"
	    "  -x   stuck: it has not exited EXIT_S seconds after F10 (20)\n"
	    "  -b   busy: still working BUSY_S seconds after the last input (600)\n"
	    "  -Q   q inside bracketed pastes too (for a program that reads them as text)\n"
	    "  -v   each input as sent\n"
	    "Arguments naming existing files are made absolute (the program runs\n"
	    "elsewhere). Exit status: 0 all held, 1 a check failed (the reason, the\n"
	    "seed and the last inputs are printed), 2 usage or set-up error.\n", stderr);
	exit(2);
}

static long
number(const char *s, long lo, long hi)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno || v < lo || v > hi)
		usage();
	return v;
}

/* Sends one input (or a resize) and reads for a random while: 0 to go on,
 * else the program is gone or stuck (said in the report). */
static int
send_input(const char *s, size_t n, const char *kind)
{
	remember(s, n, kind);
	int r = send_bytes(s, n);
	if (r == -2) {
		failf(r_alive, sizeof r_alive, "stuck: the program read none of input #%ld for %d s",
		    stats.inputs + 1, opt.stuck_ms / 1000);
		return -1;
	}
	if (r == -3)
		return -1;
	stats.inputs++;	/* -1: it is gone; alive() tells how */
	/* Mostly at once, so that inputs run together as they do over a slow
	 * link; sometimes past the program's Escape delay, sometimes until its
	 * output is complete. */
	long k = below(100);
	if (k < 55)
		drain();
	else if (k < 85)
		read_for(1 + (int)below(10));
	else if (k < 97)
		read_for(20 + (int)below(80));
	else
		read_quiet(50, 2000);
	return 0;
}

/* Whether the program is still there (when: where we are, with input
 * number i if not negative); says why not. */
static int
alive(const char *when, long i)
{
	if (got_signal) {
		failf(r_alive, sizeof r_alive, "interrupted (signal %d)", (int)got_signal);
		return 0;
	}
	if (child_gone) {	/* the pty hung up: wait a little for the status */
		for (int k = 0; k < 100 && check_child(); k++)
			poll(NULL, 0, 20);
	}
	if (check_child())
		return 1;
	char st[100];
	char num[64] = "";
	if (i >= 0)
		snprintf(num, sizeof num, " #%ld of %ld", i, opt.inputs);
	failf(r_alive, sizeof r_alive, "the program ended (%s) %s%s",
	    status_text(child_status, st, sizeof st), when, num);
	return 0;
}

int
main(int argc, char **argv)
{
	int c, seeded = 0;
	opt.term = getenv("TERM") && *getenv("TERM") ? getenv("TERM") : "xterm-256color";
	while ((c = getopt(argc, argv, "+vQn:r:s:t:e:p:L:S:w:x:b:")) != -1) {
		switch (c) {
		case 'v': opt.verbose = 1; break;
		case 'Q': opt.allow_q = 1; break;
		case 'n': opt.inputs = number(optarg, 0, 100000000); break;
		case 'r': opt.resizes = number(optarg, 0, 10000000); break;
		case 's':
			{
				char *end;
				errno = 0;
				opt.seed = strtoull(optarg, &end, 10);
				if (!*optarg || *end || errno || *optarg == '-')
					usage();
				seeded = 1;
			}
			break;
		case 't': opt.term = optarg; break;
		case 'e': opt.errfile = optarg; break;
		case 'p': opt.paste_max = number(optarg, 1, 100000000); break;
		case 'L': opt.locale = optarg; break;
		case 'S': opt.rare = optarg; break;
		case 'w': opt.stuck_ms = (int)number(optarg, 1, 86400) * 1000; break;
		case 'x': opt.exit_ms = (int)number(optarg, 1, 86400) * 1000; break;
		case 'b': opt.busy_ms = (int)number(optarg, 1, 86400) * 1000; break;
		default: usage();
		}
	}
	if (optind >= argc)
		usage();
	if (!seeded)
		opt.seed = (unsigned long long)time(NULL) * 1000003ULL ^ (unsigned long long)getpid();
	rng = opt.seed;
	printf("monkey: seed %llu (replay: -s %llu -n %ld -r %ld -p %ld%s%s%s%s%s -t %s)\n",
	    opt.seed, opt.seed, opt.inputs, opt.resizes, opt.paste_max, *opt.rare ? " -S " : "",
	    opt.rare, strcmp(opt.locale, "C.UTF-8") ? " -L " : "",
	    strcmp(opt.locale, "C.UTF-8") ? opt.locale : "", opt.allow_q ? " -Q" : "", opt.term);
	fflush(stdout);

	/* The program and its file arguments, from wherever it runs. */
	char **args = argv + optind;
	for (int i = 0; args[i]; i++) {
		struct stat sb;
		char *abs;
		if ((i == 0 ? strchr(args[i], '/') != NULL : args[i][0] != '-') &&
		    args[i][0] != '/' && stat(args[i], &sb) == 0 && (abs = realpath(args[i], NULL)))
			args[i] = abs;
	}

	const char *tmp = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	snprintf(tmpdir, sizeof tmpdir, "%s/monkey.XXXXXX", tmp);
	if (!mkdtemp(tmpdir)) {
		tmpdir[0] = '\0';
		die("cannot create a folder in %s: %s", tmp, strerror(errno));
	}
	char errpath[PATH_MAX + 16];
	snprintf(errpath, sizeof errpath, "%s/.stderr", tmpdir);
	err_fd = open(opt.errfile ? opt.errfile : errpath, O_RDWR | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC,
	    0666);
	if (err_fd < 0)
		die("cannot create %s: %s", opt.errfile ? opt.errfile : errpath, strerror(errno));

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;	/* no SA_RESTART: the waits see it */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	read_terminfo();
	/* When each resize comes: RESIZES spread at random over the inputs. */
	long *resize_at = xrealloc(NULL, (size_t)(opt.inputs + 1) * sizeof *resize_at);
	memset(resize_at, 0, (size_t)(opt.inputs + 1) * sizeof *resize_at);
	for (long i = 0; i < opt.resizes; i++)
		resize_at[opt.inputs ? below(opt.inputs) : 0]++;

	long t0 = now_ms();
	start_child(args);
	struct buf in = {0};
	int flow_pending = 0;

	/* The first screen: some output, then quiet a while. */
	long limit = now_ms() + opt.start_ms;
	while (stats.received == 0 && !child_gone && !got_signal && now_ms() < limit)
		wait_io(100, 0);
	if (stats.received == 0 && !child_gone && !got_signal) {
		failf(r_alive, sizeof r_alive, "no first screen in %d s", opt.start_ms / 1000);
		goto end;
	}
	read_quiet(300, opt.start_ms);
	if (!alive("before its first screen was complete", -1))
		goto end;
	set_forbidden();

	for (long i = 0; i < opt.inputs; i++) {
		for (long k = 0; k < resize_at[i]; k++) {
			int cols, rows;
			gen_size(&cols, &rows);
			char what[64];
			int n = snprintf(what, sizeof what, "%dx%d", cols, rows);
			remember(what, (size_t)n, "resize");
			stream_tail_n = 0;	/* a resize is no byte; what follows starts afresh */
			set_size(cols, rows);
			stats.resizes++;
			read_for((int)below(30));
		}
		const char *kind = NULL;
		in.n = 0;
		if (flow_pending) {
			kind = "start output (XON)";
			putc_b(&in, start_char);
			flow_pending = 0;
		} else if (stop_char && below(1000) < 5) {
			kind = "stop output (XOFF)";
			putc_b(&in, stop_char);
			flow_pending = 1;
			stats.flow++;
		} else {
			for (int tries = 0;; tries++) {
				in.n = 0;
				make_rare(&in, gen_input(&in, &kind));
				if (!is_forbidden(&in))
					break;
				if (tries == 100) {
					in.n = 0;
					putc_b(&in, 'j');
					kind = "key";
					break;
				}
			}
		}
		if (strstr(kind, "paste"))
			stats.pastes++;
		/* remember() writes the stream's tail: the check above saw the old one */
		if (send_input(in.p, in.n, kind) < 0 || !alive("after input", stats.inputs))
			goto end;
	}
	if (flow_pending && (send_input(&start_char, 1, "start output (XON)") < 0 ||
	    !alive("after input", stats.inputs)))
		goto end;

	/* After the inputs: it is done with them, alive, answers Ctrl-L and
	 * exits on F10. First three dots (a key that does nothing, or text),
	 * which end a mouse report left incomplete: curses reads one to its
	 * end, and would take the Ctrl-L as part of it. */
	remember("...", 3, "flush");
	if (send_bytes("...", 3) == -2) {
		failf(r_alive, sizeof r_alive, "stuck: the program read none of its input for %d s",
		    opt.stuck_ms / 1000);
		goto end;
	}
	long t_sent = now_ms();
	int how = settle();
	if (!alive("after the inputs", -1) || !settled(how, "after the last input"))
		goto end;
	stats.settle_ms = now_ms() - t_sent;
	snprintf(r_alive, sizeof r_alive, "yes, after %ld inputs and %ld resizes", stats.inputs,
	    stats.resizes);
	remember("80x24", 5, "resize");
	set_size(80, 24);
	how = settle();
	if (!alive("after the resize to 80x24", -1) || !settled(how, "after the resize to 80x24"))
		goto end;
	remember("\014", 1, "Ctrl-L");
	unsigned long long before = stats.received;
	if (send_bytes("\014", 1) < 0) {
		failf(r_answers, sizeof r_answers, "stuck: Ctrl-L could not be sent");
		goto end;
	}
	limit = now_ms() + opt.answer_ms;
	while (stats.received == before && !child_gone && !got_signal && now_ms() < limit)
		wait_io(100, 0);
	if (stats.received == before) {
		if (alive("after Ctrl-L", -1))
			failf(r_answers, sizeof r_answers, "stuck: nothing written %d s after Ctrl-L",
			    opt.answer_ms / 1000);
		goto end;
	}
	read_quiet(300, opt.stuck_ms);
	snprintf(r_answers, sizeof r_answers, "yes, %llu byte%s after Ctrl-L at 80x24",
	    stats.received - before, stats.received - before == 1 ? "" : "s");
	if (!alive("after Ctrl-L", -1))
		goto end;

	const char *quit = f10 ? f10 : "\033[21~";
	remember(quit, strlen(quit), "F10");
	if (send_bytes(quit, strlen(quit)) == -2) {
		failf(r_exit, sizeof r_exit, "stuck: F10 could not be sent");
		goto end;
	}
	limit = now_ms() + opt.exit_ms;
	while (check_child() && !got_signal && now_ms() < limit)
		wait_io(20, 0);
	if (got_signal) {
		failf(r_exit, sizeof r_exit, "interrupted (signal %d)", (int)got_signal);
	} else if (!child_reaped) {
		failf(r_exit, sizeof r_exit, "stuck: still running %d s after F10, killed",
		    opt.exit_ms / 1000);
	} else {
		char st[100];
		if (WIFEXITED(child_status) && WEXITSTATUS(child_status) == 0)
			snprintf(r_exit, sizeof r_exit, "0 after F10");
		else
			failf(r_exit, sizeof r_exit, "F10: %s", status_text(child_status, st, sizeof st));
	}

end:
	if (got_signal && !reason[0])
		failf(NULL, 0, "interrupted (signal %d)", (int)got_signal);
	kill_child();
	check_stderr(NULL);
	report(now_ms() - t0);
	free(in.p);
	free(resize_at);
	for (long i = 0; i < HISTORY; i++)
		free(history[i].p);
	for (size_t i = 0; i < nti_keys; i++)
		free(ti_keys[i]);
	free(ti_keys);
	free(f10);
	close(err_fd);
	cleanup();
	return reason[0] ? 1 : 0;
}
