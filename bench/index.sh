#!/usr/bin/env bash
# Benchmark of the composite-index pipeline on a long indicator table, in
# one server process on a throwaway cluster.  Usage (root, Debian bookworm):
#   bash bench/index.sh [areas [runs]]   default 85 000 areas (a US-wide
#                                        tract table), 1 run
# areas x 50 indicators x 10 periods rows, generated deterministically.
# Prints a Markdown table and writes bench/index_results.csv: build_index on
# a fixed baseline, the same recipe written in plain SQL (z-scores on the
# baseline, weighted domain means, mean of domains: no coverage, categories
# or effective weights), and self_comparison; the median of the runs and
# the ratio to the plain-SQL recipe.
set -euo pipefail
cd "$(dirname "$0")/.."
areas=${1:-85000}
runs=${2:-1}

bash test/install-deps.sh
make -s >/dev/null
make -s install >/dev/null

pg_virtualenv -t -o "work_mem=256MB" -o "max_wal_size=8GB" bash -c '
  set -euo pipefail
  psql -qX -v ON_ERROR_STOP=1 -c "CREATE EXTENSION wellbeing" >/dev/null
  psql -qX -v ON_ERROR_STOP=1 -v areas="$0" -v runs="$1" -f bench/index.sql
' "$areas" "$runs"
