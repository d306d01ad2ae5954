#!/usr/bin/env bash
# Installs everything needed to build and test wellbeing on Debian bookworm
# (run as root).  Used by test/run.sh and demo/run.sh; safe to run again.
set -euo pipefail

packages=(
  build-essential
  postgresql-15
  postgresql-server-dev-15
  postgresql-15-pgtap
  libtap-parser-sourcehandler-pgtap-perl
  r-mathlib
  odbc-postgresql
  unixodbc
  python3-pyodbc
  default-jdk-headless
  libpostgresql-jdbc-java
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
