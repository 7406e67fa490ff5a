#!/bin/sh
# make bench: builds the benchmark against the release objects and runs it.
# BENCH_ROWS sets the number of rows (default 1000000).
set -e
cd "$(dirname "$0")/../.."
exec build/release/bench "${BENCH_ROWS:-1000000}"
