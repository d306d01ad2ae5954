#!/usr/bin/env bash
# The pg_regress suite against a server running under valgrind (memcheck):
# reads of uninitialised memory, invalid reads or writes outside allocated
# blocks, invalid frees, in the extension's code.  The Debian server is not
# built with USE_VALGRIND, so reads inside palloc blocks are not seen; the
# suppressions below silence known noise from the server itself.
#   bash test/valgrind.sh        (root, Debian bookworm; about 10 minutes)
# Prints the number of valgrind error reports that mention the extension
# (wellbeing.so) and exits non-zero when there are any.
set -uo pipefail
cd "$(dirname "$0")/.."
bash test/install-deps.sh >/dev/null || exit 1
command -v valgrind >/dev/null || { apt-get install -y valgrind >/dev/null || exit 1; }
make -s >/dev/null && make -s install >/dev/null || exit 1

dir=$(mktemp -d)
chown postgres "$dir"
supp="$dir/server.supp"
cat > "$supp" <<'SUPP'
{
   server_writes_padding_bytes
   Memcheck:Param
   write(buf)
   ...
   fun:XLogWrite
}
{
   server_sends_padding_bytes
   Memcheck:Param
   sendto(msg)
   fun:*
   ...
}
{
   server_pwrite_padding_bytes
   Memcheck:Param
   pwrite64(buf)
   fun:*
   ...
}
SUPP
bin=/usr/lib/postgresql/15/bin
port=54329
su postgres -c "$bin/initdb -D $dir/data -A trust >/dev/null" || exit 1
su postgres -c "valgrind --quiet --trace-children=yes --error-limit=no --num-callers=30 \
  --suppressions=$supp --log-file=$dir/vg.%p.log \
  $bin/postgres -D $dir/data -p $port -k $dir -c fsync=off -c max_parallel_workers_per_gather=0 \
  >$dir/server.log 2>&1 &"
for i in $(seq 1 120); do
  su postgres -c "$bin/pg_isready -q -h $dir -p $port" && break
  if grep -q "FATAL" "$dir"/vg.*.log 2>/dev/null; then cat "$dir"/vg.*.log; exit 1; fi
  sleep 2
done
chmod -R a+rwx "$dir"
PGHOST=$dir PGPORT=$port PGUSER=postgres make -s installcheck > "$dir/regress.out" 2>&1
rc=$?
# pgTAP files whose code paths pg_regress does not reach: the radix sort
# (1 024 rows and up), rollups, states through text and the joinpoint
# permutation tests.  They run for memcheck's sake; their bit-for-bit
# comparisons of two summation orders can fail here because valgrind
# computes long double in 64 bits (the sorting measures sum in long double),
# so their failures are listed, not fatal.
PGHOST=$dir PGPORT=$port PGUSER=postgres PGDATABASE=contrib_regression \
  psql -qX -c "CREATE EXTENSION IF NOT EXISTS pgtap" -c "CREATE EXTENSION IF NOT EXISTS wellbeing" >/dev/null 2>&1
PGHOST=$dir PGPORT=$port PGUSER=postgres PGDATABASE=contrib_regression \
  pg_prove test/pgtap/sorting.sql test/pgtap/rollup.sql test/pgtap/partial_states.sql test/pgtap/joinpoint_reference.sql > "$dir/pgtap.out" 2>&1
grep -E "^# Failed test|^Files=" "$dir/pgtap.out"
su postgres -c "$bin/pg_ctl -D $dir/data -m fast -w stop >/dev/null"
# a backend that died (signal) is a failure whatever the tests said
if grep -qE "terminated by signal|was terminated by exception" "$dir/server.log"; then
  grep -E "terminated by signal|was terminated by exception" "$dir/server.log"
  rc=1
fi
tail -3 "$dir/regress.out"
reports=$(cat "$dir"/vg.*.log 2>/dev/null | grep -c "wellbeing.so" || true)
errors=$(cat "$dir"/vg.*.log 2>/dev/null | grep -E "^==[0-9]+== (Invalid|Conditional|Use of uninit|Syscall param|Mismatched)" | wc -l)
echo "valgrind: pg_regress rc=$rc, error reports: $errors, stack lines in wellbeing.so: $reports"
if [ "$reports" != 0 ]; then
  grep -B2 -A25 "wellbeing.so" "$dir"/vg.*.log | head -80
fi
[ "$rc" = 0 ] && [ "$reports" = 0 ]
st=$?
[ "$st" = 0 ] && rm -rf "$dir" || echo "logs kept in $dir"
exit $st
