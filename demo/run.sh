#!/usr/bin/env bash
# The demo on a fresh Debian bookworm machine (run as root): installs the
# build dependencies, builds and installs the extension, starts a throwaway
# PostgreSQL cluster, creates the extension, loads the demo city
# (demo/city.sql, deterministic) with its BI views (demo/views.sql) and prints
# a short report (demo/report.sql), and writes the report with charts to
# demo/out/report.html (demo/report_html.sql).
set -euo pipefail
cd "$(dirname "$0")/.."

bash test/install-deps.sh
make -s >/dev/null
make -s install >/dev/null

# pg_virtualenv (postgresql-common) runs the command against a temporary
# cluster and removes it afterwards.
pg_virtualenv -t bash -c '
  set -euo pipefail
  psql -qX -v ON_ERROR_STOP=1 -c "CREATE EXTENSION wellbeing" >/dev/null
  psql -qX -v ON_ERROR_STOP=1 -f demo/city.sql >/dev/null
  psql -qX -v ON_ERROR_STOP=1 -f demo/views.sql >/dev/null
  psql -qX -v ON_ERROR_STOP=1 -P null=· -f demo/report.sql
  mkdir -p demo/out
  psql -qAtX -v ON_ERROR_STOP=1 -f demo/report_html.sql > demo/out/report.html
  echo "The same report with charts: $(pwd)/demo/out/report.html (self-contained; open it in a browser)"
'
