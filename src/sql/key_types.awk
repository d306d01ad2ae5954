# key_types.awk: expands the design-key placeholders of the SQL sources into
# one overload per key type, at build time.  The Makefile runs every source
# through it before concatenating the install script and before
# gen_states.awk reads the aggregates:
#
#   awk -f src/sql/key_types.awk src/sql/survey.sql > build/sql/survey.sql
#
# The survey aggregates identify strata, PSUs and age bands by a hash of
# their value.  They used to take these as "any", which Citus cannot
# distribute: its partial aggregation packs the arguments in a row whose
# column types must equal the aggregate's declared argument types, and it
# calls the transition function without the call expression, so a
# transition function cannot learn the type of an "any" argument.  Each key
# therefore has concrete types, and the transition function reads the type
# from its own declaration (src/survey.c).  The types:
#
#   @stratum_key@, @psu_key@   bigint, text
#   @band_key@                 bigint, text, boolean
#   @outcome@                  boolean, numeric, double precision
#
# @outcome@ is a 0/1 outcome, which city tables keep as boolean or as a
# number: smallint, integer and bigint reach the double precision overload
# (the preferred numeric type, so the choice is not ambiguous), numeric
# columns their own; the transition function rejects any number other than
# 0 and 1.
#
# smallint and integer reach the bigint overload through their implicit
# casts, varchar, char(n) and name reach text through theirs; both hash to
# the same value as the original type, so states do not depend on which
# of these a column has.
#
# A paragraph (lines between blank lines) whose statements hold placeholders
# is printed once for every combination of the types of the placeholders it
# holds (outcome slowest, then stratum, PSU and band); comment lines
# (starting with --) are neither read for placeholders nor changed, and the
# other lines are printed as they are.  Any other @word@ than
# @extschema@ in a statement stops the build.
#
# Only POSIX awk features (run with mawk, Debian's default awk).

function fail(msg) {
    printf "%s:%d: key_types.awk: %s\n", FILENAME, FNR, msg > "/dev/stderr"
    failed = 1
    exit 1
}

# line with every placeholder of name replaced by type (not a comment)
function put(line, name, type) {
    if (line !~ /^[ \t]*--/)
        gsub("@" name "@", type, line)
    return line
}

function has(name,    i) {
    for (i = 1; i <= nlines; i++)
        if (lines[i] !~ /^[ \t]*--/ && index(lines[i], "@" name "@"))
            return 1
    return 0
}

function flush(    i, j, k, o, n, ns, np, nb, no) {
    ns = has("stratum_key") ? nkey : 1
    np = has("psu_key") ? nkey : 1
    nb = has("band_key") ? nband : 1
    no = has("outcome") ? noutcome : 1
    for (o = 1; o <= no; o++)
        for (i = 1; i <= ns; i++)
            for (j = 1; j <= np; j++)
                for (k = 1; k <= nb; k++) {
                    if (o > 1 || i > 1 || j > 1 || k > 1)
                        print ""
                    for (n = 1; n <= nlines; n++)
                        print put(put(put(put(lines[n], "stratum_key", key[i]), "psu_key", key[j]), "band_key", band[k]), "outcome", outcome[o])
                }
    nlines = 0
}

BEGIN {
    nkey = split("bigint text", key, " ")
    nband = split("bigint text boolean", band, " ")
    noutcome = split("boolean|numeric|double precision", outcome, "|")
}

$0 !~ /^[ \t]*--/ {
    rest = $0
    gsub(/@(extschema|stratum_key|psu_key|band_key|outcome)@/, "", rest)
    if (rest ~ /@[A-Za-z_][A-Za-z0-9_]*@/)
        fail("unknown placeholder in: " $0)
}

/^[ \t]*$/ {
    flush()
    print
    next
}

{
    lines[++nlines] = $0
}

END {
    if (failed)
        exit 1
    flush()
}
