#!/bin/sh
# make bench: builds the benchmark against the release objects and runs it,
# then measures the terminal traffic of the screen (build/release/ttybytes).
# BENCH_ROWS sets the number of rows (default 1000000); TTYBYTES_TERM the
# terminal type for the second part (default xterm-256color).
set -e
cd "$(dirname "$0")/../.."
build/release/bench "${BENCH_ROWS:-1000000}"
build/release/frame "${BENCH_FIELD_MB:-12}"
echo
echo "Terminal economy: the bytes ./centres writes to its terminal per key, on the"
echo "built-in directory, run in a pseudo-terminal by build/release/ttybytes. A move"
echo "should write a small part of a full repaint (Ctrl-L): only what changed; a"
echo "burst of keys typed faster than the screen is drawn, about one frame. Last,"
echo "the resident memory of the screen on the built-in directory (goal: under 8 MB)."
exec build/release/ttybytes -t "${TTYBYTES_TERM:-xterm-256color}" ./centres
