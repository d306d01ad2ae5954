#!/usr/bin/env bash
# Benchmark of life_expectancy grouped by tract on a US-wide table, in one
# server process on a throwaway cluster.  Usage (root, Debian bookworm):
#   bash bench/lifetable.sh [tracts [runs]]   default 85 000 tracts x 20 age
#                                             bands (1.7 M rows), 5 runs
# Prints the median times of life_expectancy and of sum(deaths),
# sum(population) grouped by tract, and their ratio (target: at most 2).
set -euo pipefail
cd "$(dirname "$0")/.."
tracts=${1:-85000}
runs=${2:-5}

bash test/install-deps.sh
make -s >/dev/null
make -s install >/dev/null

pg_virtualenv -t -o "work_mem=256MB" bash -c '
  set -euo pipefail
  psql -qX -v ON_ERROR_STOP=1 -c "CREATE EXTENSION wellbeing" >/dev/null
  PGOPTIONS="-c bench.runs=$1" psql -qX -v ON_ERROR_STOP=1 -v tracts="$0" -f bench/lifetable.sql
' "$tracts" "$runs"
