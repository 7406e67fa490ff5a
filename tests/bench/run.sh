#!/bin/sh
# make bench: the speed and memory of ./centres on generated directories of
# 10,000, 100,000 and 1,000,000 rows (and 5,000,000 with BENCH_5M=1), each
# against references measured in the same run, printed as ratios (centres /
# reference): `cat`, `grep -i`, a bare libcsv pass (build/release/csvcount),
# `fzf --filter` when installed, and for the screen the same harness starting
# ./centres on its built-in directory. Then the loader and the filter in one
# process (build/release/bench), a frame's cost (build/release/frame) and the
# bytes written per key (build/release/ttybytes). Timings are medians, for
# reading: nothing here is asserted, and none of it runs in make test.
# p99 is the nearest rank: the slowest key when there are fewer than 100.
#
# Each size, in a temporary folder removed at the end:
#   load        ./centres --check FILE >/dev/null (reads, parses, indexes)
#   filter      ./centres --filter reunion --format csv FILE >OUT
#   screen      the real binary in an 80x24 pseudo-terminal (ttybytes -L):
#               first screen = from the fork to the last byte of the first
#               complete screen (the program waiting for its terminal again);
#               loaded = until the output has been quiet for half a second
#               (a load going on redraws its status line ten times a second);
#               a key = from sending it to the last byte it made the program
#               write; "reunion" then "rennes" typed letter by letter from the
#               first letter (nearly every row matches "r") once loaded, and
#               again from a third of the load's time, each followed by
#               as many Backspaces
#   peak RSS    getrusage of the batch runs; VmHWM of the screen before F10
#   sort        by name and by territory in one process (bench -s, medians
#               of 3: the first time, then kept; a kept order applied to a
#               search's rows; the last 1% of the rows appended to a kept
#               order, as a loader does), and ./centres --list --sort name
#               --format csv FILE against the same without --sort
# BENCH_SIZES replaces the list of sizes (e.g. BENCH_SIZES=10000 for a quick
# look); BENCH_FIELD_MB the size of the names in the frame's directory (12).
# BENCH_RUNS overrides the number of runs of every measure (default: 9 at
# 10k, 5 at 100k, 3 at 1M, 1 at 5M; the screen is started fewer times and
# its keys pooled). About 85 s without BENCH_5M on 2 cores; 5M adds
# about two minutes, and needs 1 GB of temporary space and 3 GB of memory.
set -e
cd "$(dirname "$0")/../.."
export LC_ALL=C.UTF-8
B=build/release
tmp=$(mktemp -d "${TMPDIR:-/tmp}/centres-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
sizes=${BENCH_SIZES:-10000 100000 1000000}
[ "${BENCH_5M:-0}" = 0 ] || sizes="$sizes 5000000"
WORDS=reunion,rennes
FZF=$(command -v fzf || true)

# $1 / $2 as "12.3x"; "-" when either is not a number.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.1fx", a / b; else printf "-" }'; }
# Seconds as milliseconds, or as seconds from 10 s.
secs() { awk -v s="$1" 'BEGIN { if (s >= 10) printf "%.1f s", s; else if (s >= 1) printf "%.2f s", s; else printf "%.1f ms", s * 1000 }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'; }
# The value of KEY in the key=value file $2.
kv() { sed -n "s/^$1=//p" "$2"; }
# The median seconds and the peak KB of a command run $1 times (tests/bench/runs.c).
measure() { $B/runs "$@"; }

# keys_lines KV TYPING BACKSPACE: the typed keys' and the Backspaces' times
# of ttybytes's key=value file KV, on lines named TYPING and BACKSPACE.
keys_lines() {
	for k in type back; do
		case $k in type) what=$2 ;; *) what=$3 ;; esac
		printf '  %-42s p50 %6s ms  p99 %6s ms  max %6s ms  %5s bytes/key\n' \
			"$what ($(kv ${k}_keys "$1") keys)" "$(kv ${k}_p50_ms "$1")" \
			"$(kv ${k}_p99_ms "$1")" "$(kv ${k}_max_ms "$1")" "$(kv ${k}_bytes_median "$1")"
	done
}

began=$(date +%s)
echo "centres benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPU, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
echo "(medians; \"x\" = centres / the reference measured just before it; keys in a pseudo-terminal)"
$B/ttybytes -L "$WORDS" -R 5 -q 10 -Q 10 ./centres >"$tmp/builtin.kv"
ref_first=$(kv first_median_ms "$tmp/builtin.kv")
echo "built-in directory in the pty harness: first screen $ref_first ms (median of 5 starts); keys p50 $(kv type_p50_ms "$tmp/builtin.kv") ms, max $(kv type_max_ms "$tmp/builtin.kv") ms"

for n in $sizes; do
	case $n in
	10000) runs=9 starts=5 ;;
	100000) runs=5 starts=3 ;;
	1000000) runs=3 starts=3 ;;
	*) runs=1 starts=1 ;;
	esac
	runs=${BENCH_RUNS:-$runs}
	[ "$starts" -le "$runs" ] || starts=$runs
	if [ "$runs" = 1 ]; then of="1 run"; else of="median of $runs"; fi
	if [ "$starts" = 1 ]; then sof="1 start"; else sof="median of $starts starts"; fi
	f=$tmp/$n.csv
	t0=$(date +%s.%N)
	$B/bench -g "$n" "$f"
	t1=$(date +%s.%N)
	size=$(wc -c <"$f")
	lines=$(wc -l <"$f")
	echo
	awk -v n="$n" -v s="$size" -v l="$lines" -v g="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" \
		'BEGIN { printf "== %d rows, %.1f MB (%d lines: line breaks inside quotes), generated in %.1f s\n", n, s / 1e6, l, g }'
	# The references.
	set -- $(measure "$runs" cat "$f"); cat_s=$1
	set -- $(measure "$runs" "$B/csvcount" "$f"); csv_s=$1
	set -- $(measure "$runs" -o "$tmp/grep.out" grep -i réunion "$f"); grep_s=$1
	fzf_s=
	if [ -n "$FZF" ]; then
		set -- $(measure "$runs" -i "$f" -o "$tmp/out" "$FZF" --filter reunion); fzf_s=$1
	fi
	# centres in batch mode.
	set -- $(measure "$runs" ./centres --check "$f"); load_s=$1 load_kb=$3
	set -- $(measure "$runs" -o "$tmp/out" ./centres --filter reunion --format csv "$f")
	filter_s=$1 filter_kb=$3
	found=$($B/csvcount "$tmp/out" | awk '{ print $3 - 1 }')
	# centres on screen: the first screen, the end of the load (the output
	# quiet for half a second: a load going on redraws its line four times a
	# second), then the keys; and the keys typed while a load goes on, from
	# a third of its time, where it takes more than 0.3 s.
	$B/ttybytes -L "$WORDS" -R "$starts" -q 10 -Q 10 -W 500 -T 600000 ./centres "$f" >"$tmp/screen.kv"
	first=$(kv first_median_ms "$tmp/screen.kv")
	ready=$(kv ready_median_ms "$tmp/screen.kv")
	screen_kb=$(kv peak_rss_kb "$tmp/screen.kv")
	during=$(awk -v r="$ready" 'BEGIN { if (r > 300) printf "%d", r / 3; }')
	[ -z "$during" ] || $B/ttybytes -L "$WORDS" -R "$starts" -q 10 -Q 10 -D "$during" -T 600000 \
		./centres "$f" >"$tmp/during.kv"
	kib=$((size / 1024))
	printf '  %-42s %10s   cat %s: %s, bare libcsv pass %s: %s\n' "load (--check), $of" \
		"$(secs "$load_s")" "$(secs "$cat_s")" "$(ratio "$load_s" "$cat_s")" \
		"$(secs "$csv_s")" "$(ratio "$load_s" "$csv_s")"
	printf '  %-42s %10s   grep -i réunion %s: %s' "--filter reunion --format csv, $of" \
		"$(secs "$filter_s")" "$(secs "$grep_s")" "$(ratio "$filter_s" "$grep_s")"
	if [ -n "$fzf_s" ]; then
		printf ', fzf --filter %s: %s\n' "$(secs "$fzf_s")" "$(ratio "$filter_s" "$fzf_s")"
	else
		printf ', fzf: not installed\n'
	fi
	echo "    (--filter found $found rows, grep $(wc -l <"$tmp/grep.out") lines)"
	printf '  %-42s %10s   built-in directory %s ms: %s, +%s ms\n' \
		"first screen (pty), $sof" "$(secs "$(awk -v m="$first" 'BEGIN { print m / 1000 }')")" \
		"$ref_first" "$(ratio "$first" "$ref_first")" \
		"$(awk -v a="$first" -v b="$ref_first" 'BEGIN { printf "%.0f", a - b }')"
	printf '  %-42s %10s   (+%s ms of quiet after it; the load --check: %s)\n' \
		"loaded on screen (pty), $sof" "$(secs "$(awk -v m="$ready" 'BEGIN { print m / 1000 }')")" \
		500 "$(secs "$load_s")"
	keys_lines "$tmp/screen.kv" "typing $WORDS" "Backspace"
	[ -z "$during" ] || keys_lines "$tmp/during.kv" "while loading, from $during ms: typing" \
		"... Backspace"
	printf '  %-42s --check %s = %s, --filter %s = %s, screen %s = %s the file\n' "peak RSS" \
		"$(mib "$load_kb")" "$(ratio "$load_kb" "$kib")" "$(mib "$filter_kb")" \
		"$(ratio "$filter_kb" "$kib")" "$(mib "$screen_kb")" "$(ratio "$screen_kb" "$kib")"
	# The sort: in one process (build/release/bench -s: the first time
	# computed, then kept; a kept order applied to the rows of a search),
	# and in batch mode against the same list unsorted.
	$B/bench -s "$f" >"$tmp/sort.kv"
	qs=$(kv sort_qsort_ms "$tmp/sort.kv")
	for k in name territory; do
		first=$(kv sort_${k}_first_ms "$tmp/sort.kv")
		printf '  %-42s first %8s, kept %s ms   qsort of %s row numbers %s ms: %s\n' \
			"sort by $k, in one process" \
			"$(secs "$(awk -v m="$first" 'BEGIN { print m / 1000 }')")" \
			"$(kv sort_${k}_second_ms "$tmp/sort.kv")" "$(kv sort_rows "$tmp/sort.kv")" "$qs" \
			"$(ratio "$first" "$qs")"
		printf '  %-42s %s rows %s ms, %s rows %s ms; %s rows appended %s ms\n' \
			"  the kept order on a search's rows" \
			"$(kv sort_${k}_search_rows "$tmp/sort.kv")" "$(kv sort_${k}_search_ms "$tmp/sort.kv")" \
			"$(kv sort_${k}_small_rows "$tmp/sort.kv")" "$(kv sort_${k}_small_ms "$tmp/sort.kv")" \
			"$(kv sort_${k}_append_rows "$tmp/sort.kv")" "$(kv sort_${k}_append_ms "$tmp/sort.kv")"
	done
	set -- $(measure "$runs" -o "$tmp/out" ./centres --list --format csv "$f"); list_s=$1
	set -- $(measure "$runs" -o "$tmp/out" ./centres --list --sort name --format csv "$f")
	printf '  %-42s %10s   --list unsorted %s: %s, +%s\n' "--list --sort name --format csv, $of" \
		"$(secs "$1")" "$(secs "$list_s")" "$(ratio "$1" "$list_s")" \
		"$(secs "$(awk -v a="$1" -v b="$list_s" 'BEGIN { print a - b }')")"
	[ "$n" = 1000000 ] || rm -f "$f"
	rm -f "$tmp/out" "$tmp/grep.out"
done

if [ -f "$tmp/1000000.csv" ]; then
	echo
	echo "== The loader and the filter in one process (build/release/bench), 1,000,000 rows"
	$B/bench "$tmp/1000000.csv"
	rm -f "$tmp/1000000.csv"
fi
echo
$B/frame "${BENCH_FIELD_MB:-12}"
echo
echo "Terminal economy: the bytes ./centres writes to its terminal per key, on the"
echo "built-in directory, run in a pseudo-terminal by build/release/ttybytes. A move"
echo "should write a small part of a full repaint (Ctrl-L): only what changed; a"
echo "burst of keys typed faster than the screen is drawn, about one frame. Last,"
echo "the resident memory of the screen on the built-in directory (goal: under 8 MB)."
$B/ttybytes -t "${TTYBYTES_TERM:-xterm-256color}" ./centres
echo
echo "make bench: $(($(date +%s) - began)) s"
