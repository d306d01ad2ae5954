#!/usr/bin/env bash
# Every aggregate family on a real Citus cluster (a coordinator and two
# workers on 127.0.0.1), against the same rows in a local table:
# test/citus.sql prints TAP lines, which test/run.sh counts.
#
#   bash test/citus.sh            run, and check that docs/citus.md shows
#                                 the table this run measured
#   bash test/citus.sh --update   run, and write the measured table into
#                                 docs/citus.md
#
# Needs the extension installed (make install).  Citus: an installed one
# (citus.so in pg_config's library directory) if there is one; otherwise
# the Citus source kit is built and installed first, from
# $WELLBEING_CITUS_KIT (default: a directory shared/citus beside this
# checkout, holding build.sh and cluster.sh); otherwise the test says that
# it skipped, and passes.  As root the servers run as user postgres.
set -uo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)
mode=${1:-check}
PG_CONFIG=${PG_CONFIG:-pg_config}
kit=${WELLBEING_CITUS_KIT:-$(dirname "$top")/shared/citus}
libdir=$("$PG_CONFIG" --pkglibdir)
bindir=$("$PG_CONFIG" --bindir)

skip() {
	echo "# Citus tests SKIPPED: $1"
	exit 0
}

if [ ! -f "$libdir/citus.so" ]; then
	[ -f "$kit/build.sh" ] || skip "Citus is not installed and there is no Citus source kit at $kit (set WELLBEING_CITUS_KIT)"
	echo "# building Citus from $kit"
	bash "$kit/build.sh" >&2 || { echo "not ok 1 - building Citus from $kit"; exit 1; }
fi

cluster=$kit/cluster.sh
[ -f "$cluster" ] || skip "Citus is installed but the cluster script $cluster is missing (set WELLBEING_CITUS_KIT)"

# three free ports in the range the cluster script accepts
port=
for p in $(seq 55430 3 55496); do
	if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null &&
		! (exec 3<>/dev/tcp/127.0.0.1/$((p + 1))) 2>/dev/null &&
		! (exec 3<>/dev/tcp/127.0.0.1/$((p + 2))) 2>/dev/null; then
		port=$p
		break
	fi
done
[ -n "$port" ] || { echo "not ok 1 - no three free ports in 55430-55498 for the Citus cluster"; exit 1; }

dir=$(mktemp -d /tmp/wellbeing-citus.XXXXXX)
chmod 755 "$dir"
cleanup() {
	bash "$cluster" stop "$dir/cluster" >/dev/null 2>&1
	rm -rf "$dir"
}
trap cleanup EXIT

if ! bash "$cluster" start "$dir/cluster" "$port" >"$dir/start.log" 2>&1; then
	cat "$dir/start.log" >&2
	echo "not ok 1 - starting the Citus cluster"
	exit 1
fi
sed 's/^/# /' "$dir/start.log"

as_pg() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

measured=$dir/measured.md
touch "$measured"
chmod 666 "$measured"
# the script comes on stdin, from / : the checkout may be in a directory
# only root can read (a private mktemp -d, /root)
(cd / && as_pg "$bindir/psql" -X -q -h "$dir/cluster" -p "$port" -d postgres -v ON_ERROR_STOP=1 \
	-v docs_out="$measured" -f - <"$top/test/citus.sql" 2>"$dir/psql.err") | grep -v '^$'
rc=${PIPESTATUS[0]}
if [ $rc -ne 0 ]; then
	sed 's/^/# /' "$dir/psql.err"
	echo "not ok 1 - test/citus.sql ran to its end (psql exit $rc)"
	exit 1
fi

# docs/citus.md holds the measured table between two marker lines
begin='<!-- measured by test/citus.sh: begin -->'
end='<!-- measured by test/citus.sh: end -->'
doc=$top/docs/citus.md
current=$(awk -v b="$begin" -v e="$end" '$0 == e { p = 0 } p { print } $0 == b { p = 1 }' "$doc")
if [ "$mode" = --update ]; then
	awk -v b="$begin" -v e="$end" -v f="$measured" '
		$0 == b { print; while ((getline line < f) > 0) print line; skip = 1; next }
		$0 == e { skip = 0 }
		!skip { print }' "$doc" >"$dir/citus.md" && cp "$dir/citus.md" "$doc"
	echo "# docs/citus.md updated"
elif [ "$current" = "$(cat "$measured")" ]; then
	echo "ok - docs/citus.md shows the table measured on the cluster"
else
	diff <(echo "$current") "$measured" | sed 's/^/# /'
	echo "not ok - docs/citus.md shows the table measured on the cluster (run bash test/citus.sh --update)"
fi
