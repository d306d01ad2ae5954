#!/usr/bin/env bash
# Compiles and runs test/jdbc/BiViews.java against the PG* environment
# (needs default-jdk-headless and libpostgresql-jdbc-java).  Prints TAP.
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
javac -d "$out" BiViews.java
java -cp "$out:/usr/share/java/postgresql.jar" BiViews
st=$?
rm -rf "$out"
exit $st
