#!/usr/bin/env bash
# Benchmark of the estimates aggregates against built-in aggregates, in one
# server process on a throwaway cluster.  Usage (root, Debian bookworm):
#   bash bench/run.sh [rows]          default 2 000 000 rows
# Prints a Markdown table and writes bench/results.csv: for each query the
# median of 5 runs and its ratio to avg(x) on the same rows, serial plans.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-2000000}

bash test/install-deps.sh
make -s >/dev/null
make -s install >/dev/null

pg_virtualenv -t bash -c '
  set -euo pipefail
  psql -qX -v ON_ERROR_STOP=1 -c "CREATE EXTENSION wellbeing" >/dev/null
  psql -qX -v ON_ERROR_STOP=1 -v rows="$0" -f bench/bench.sql
' "$rows"
