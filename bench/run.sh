#!/usr/bin/env bash
# Benchmark of the extension's aggregates against built-in aggregates and
# plain-SQL formulations, in one server process on a throwaway cluster.
# Usage (root, Debian bookworm):
#   bash bench/run.sh [rows [runs [kinds]]]   default 10 000 000 rows, median of
#                                             5 runs, every kind of query
# kinds is a regular expression on the kind column (one-pass, sort, grouped,
# parallel), to re-measure a subset.
# Prints Markdown tables and writes bench/results.csv (timings, ratios,
# targets) and bench/memory.csv (peak backend memory of the sorting
# measures).  The composite-index benchmark is bench/index.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-10000000}
runs=${2:-5}
kinds=${3:-.}

bash test/install-deps.sh
make -s >/dev/null
make -s install >/dev/null

pg_virtualenv -t bash -c '
  set -euo pipefail
  psql -qX -v ON_ERROR_STOP=1 -c "CREATE EXTENSION wellbeing" >/dev/null
  psql -qX -v ON_ERROR_STOP=1 -v rows="$0" -v runs="$1" -v kinds="$2" -f bench/bench.sql

  # Peak memory: each query in a fresh backend (one psql session), then the
  # backend reads its own peak resident set (VmHWM).  It also counts the
  # shared buffers the scan touched, so avg(x) is the floor to compare with.
  echo
  echo "Peak backend memory (VmHWM, MB; serial plans, work_mem = 256MB):"
  echo
  echo "| query | peak MB | above avg(x) MB |"
  echo "|---|---:|---:|"
  echo "query,peak_kb" > bench/memory.csv
  floor=""
  while IFS= read -r q; do
    kb=$(psql -qXAt -v ON_ERROR_STOP=1 -c "SET max_parallel_workers_per_gather = 0" \
           -c "SET work_mem = '\''256MB'\''" -c "SET jit = off" \
           -c "SELECT count(*) FROM ($q) s WHERE s::text IS NOT NULL" \
           -c "SELECT substring(pg_read_file('\''/proc/self/status'\'') FROM '\''VmHWM:\s+(\d+)'\'')" | tail -1)
    floor=${floor:-$kb}
    printf "\"%s\",%s\n" "$q" "$kb" >> bench/memory.csv
    printf "| \`%s\` | %d | %d |\n" "$q" $((kb / 1024)) $(((kb - floor) / 1024))
  done <<EOF
SELECT avg(x) FROM bench_rows
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM bench_rows
SELECT wellbeing.gini(x, weight) FROM bench_rows
SELECT wellbeing.quintile_share_ratio(x, weight) FROM bench_rows
SELECT wellbeing.palma(x, weight) FROM bench_rows
SELECT wellbeing.poverty_rate(x, weight) FROM bench_rows
SELECT tract, wellbeing.gini(x, weight) FROM bench_rows GROUP BY tract
SELECT sum(weight * x * cw) FROM (SELECT x, weight, sum(weight) OVER (ORDER BY x, weight ROWS UNBOUNDED PRECEDING) AS cw FROM bench_rows) s
EOF
' "$rows" "$runs" "$kinds"
