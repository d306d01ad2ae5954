# gen_states.awk: writes the <measure>_state aggregates of the rollups
# (docs/rollup.md) as static SQL, at build time, from the CREATE AGGREGATE
# statements of the SQL sources.  The Makefile appends its output to the
# install script:
#
#   awk -f src/sql/gen_states.awk src/sql/types.sql src/sql/estimates.sql ...
#
# For every statement of the form
#
#   CREATE AGGREGATE @extschema@.name(args) ( SFUNC = @extschema@.f, ... );
#
# (except merge, whose state is already what it stores) it prints
#
#   CREATE AGGREGATE @extschema@.name_state(args) (
#       SFUNC = @extschema@.f,
#       STYPE = double precision[],
#       COMBINEFUNC = @extschema@.state_combine,
#       PARALLEL = SAFE
#   );
#   COMMENT ON AGGREGATE @extschema@.name_state(args) IS '...';
#
# with the aggregate's own argument list (names included, so the identity
# arguments are the aggregate's) and transition function, and no final
# function.  Then, once for every aggregate name, the final that reads a
# stored state:
#
#   CREATE FUNCTION @extschema@.name(state double precision[]) RETURNS t
#   LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
#   RETURN @extschema@.finalfn(@extschema@.state_of(state, 'name'));
#
# where finalfn is the aggregate's FINALFUNC and t the return type of its
# declaration in the sources (CREATE FUNCTION @extschema@.finalfn(double
# precision[]) with RETURNS on the next line).  cronbach_alpha and
# cronbach_alpha_if_deleted get none: they already take a double
# precision[] argument (the items), so their stored states are finalised
# with the final functions themselves.  Generating this when the package is built, not when the
# extension is created, keeps dynamic SQL out of the install script: a
# statement built at install time from the catalogs would be run by the
# superuser creating the extension under search_path = wellbeing, where
# objects planted in a pre-existing schema could be picked up.
#
# Only POSIX awk features (run with mawk, Debian's default awk).  A
# statement this script cannot read exactly (no qualified SFUNC, a string
# constant, a quoted identifier other than a plain word, unbalanced
# parentheses, no terminating semicolon, another spelling of CREATE
# AGGREGATE) stops it with a message and exit status 1, so the build fails
# rather than leaving an aggregate without its _state.

function fail(msg) {
    printf "%s:%d: gen_states.awk: %s\n", stmt_file, stmt_line, msg > "/dev/stderr"
    failed = 1
    exit 1
}

function trim(s) {
    sub(/^ +/, "", s)
    sub(/ +$/, "", s)
    return s
}

function emit(    s, plain, head, name, rest, depth, i, c, args, opts, sfunc, final, finalfn) {
    s = stmt
    gsub(/[ \t]+/, " ", s)
    s = trim(s)
    # quoted identifiers ("any", "position") only as plain words, so that
    # no comma, parenthesis or space hides in one; no string constants
    plain = s
    gsub(/"[A-Za-z_][A-Za-z0-9_]*"/, "", plain)
    if (index(plain, "\"") > 0 || index(plain, "'") > 0 || index(plain, "$") > 0)
        fail("a string constant or an unusual quoted identifier in a CREATE AGGREGATE statement")
    head = "CREATE AGGREGATE @extschema@."
    if (!match(s, /^CREATE AGGREGATE @extschema@\.[a-z_][a-z0-9_]*\(/))
        fail("expected CREATE AGGREGATE @extschema@.name(")
    name = substr(s, length(head) + 1, RLENGTH - length(head) - 1)
    rest = substr(s, RLENGTH + 1)
    depth = 1
    for (i = 1; i <= length(rest); i++) {
        c = substr(rest, i, 1)
        if (c == "(")
            depth++
        else if (c == ")" && --depth == 0)
            break
    }
    if (depth != 0)
        fail("unbalanced parentheses in the argument list of " name)
    args = trim(substr(rest, 1, i - 1))
    opts = " " substr(rest, i + 1)
    if (!match(opts, /[ (,]SFUNC ?= ?[^ ,)]+/))
        fail("no SFUNC in the aggregate " name)
    sfunc = substr(opts, RSTART + 1, RLENGTH - 1)
    sub(/^SFUNC ?= ?/, "", sfunc)
    if (sfunc !~ /^@extschema@\.[a-z_][a-z0-9_]*$/)
        fail("the SFUNC of " name " is not a function @extschema@.name: " sfunc)
    if (name == "merge")
        return
    if (!match(opts, /[ (,]FINALFUNC ?= ?[^ ,)]+/))
        fail("no FINALFUNC in the aggregate " name)
    finalfn = substr(opts, RSTART + 1, RLENGTH - 1)
    sub(/^FINALFUNC ?= ?@extschema@\./, "", finalfn)
    if (finalfn !~ /^[a-z_][a-z0-9_]*$/)
        fail("the FINALFUNC of " name " is not a function @extschema@.name")
    if (!(name in final_of)) {
        final_of[name] = finalfn
        names[++nnames] = name
    } else if (final_of[name] != finalfn)
        fail("the overloads of " name " have different final functions")
    # the finalisation the comment points to: cronbach_alpha and
    # cronbach_alpha_if_deleted already take a double precision[] argument,
    # so their stored states go to the named final functions
    if (name ~ /^cronbach_alpha/)
        final = name "_finalfn(merge(state))"
    else
        final = name "(merge(state))"
    if (stmt_file != last_file) {
        printf "\n-- the _state aggregates of %s\n", stmt_file
        last_file = stmt_file
    }
    printf "\nCREATE AGGREGATE @extschema@.%s_state(%s) (\n", name, args
    printf "    SFUNC = %s,\n", sfunc
    printf "    STYPE = double precision[],\n"
    printf "    COMBINEFUNC = @extschema@.state_combine,\n"
    printf "    PARALLEL = SAFE\n"
    printf ");\n"
    printf "COMMENT ON AGGREGATE @extschema@.%s_state(%s) IS\n", name, args
    printf "'the partial state of %s, a value to store and merge later: %s';\n", name, final
    emitted++
}

BEGIN {
    print "-- <measure>_state: one for every aggregate overload of the sources above,"
    print "-- with the aggregate's own arguments and transition function and no final"
    print "-- function.  Generated by src/sql/gen_states.awk when the extension is built."
}

# the return type of every final function: the line after its declaration
returns_next {
    returns_next = 0
    if (!match($0, /^RETURNS [a-z@][a-z0-9_@. ]*(\[\])?$/)) {
        stmt_file = FILENAME
        stmt_line = FNR
        fail("RETURNS type expected on the line after CREATE FUNCTION of " returns_fn)
    }
    returns_of[returns_fn] = substr($0, 9)
}

/^CREATE FUNCTION @extschema@\.[a-z_][a-z0-9_]*\(double precision\[\]\)$/ {
    returns_fn = $3
    sub(/^@extschema@\./, "", returns_fn)
    sub(/\(.*/, "", returns_fn)
    returns_next = 1
}

# a statement ends at the first line ending in a semicolon, in the same
# file; comments in it are dropped
FNR == 1 && in_stmt {
    fail("CREATE AGGREGATE without a terminating semicolon")
}

in_stmt {
    line = $0
    sub(/--.*/, "", line)
    stmt = stmt " " line
    if (line ~ /;[ \t]*$/) {
        in_stmt = 0
        emit()
    }
    next
}

# every other mention of CREATE AGGREGATE outside a comment must be one this
# script reads, or an aggregate would silently get no _state
{
    code = $0
    sub(/--.*/, "", code)
    if (toupper(code) !~ /CREATE[ \t]+(OR[ \t]+REPLACE[ \t]+)?AGGREGATE/)
        next
    stmt_file = FILENAME
    stmt_line = FNR
    if (code !~ /^CREATE AGGREGATE @extschema@\./)
        fail("CREATE AGGREGATE not at the start of a line, or not of the form CREATE AGGREGATE @extschema@.name(args) (...)")
    stmt = code
    if (code ~ /;[ \t]*$/)
        emit()
    else
        in_stmt = 1
}

END {
    if (failed)
        exit 1
    if (in_stmt)
        fail("CREATE AGGREGATE without a terminating semicolon")
    if (emitted == 0) {
        stmt_file = "(sources)"
        fail("no aggregates found")
    }
    print ""
    print "-- <measure>(state): one for every aggregate name above, its final function"
    print "-- behind state_of(), the check that the state is the measure's own."
    print "-- Generated by src/sql/gen_states.awk when the extension is built."
    for (i = 1; i <= nnames; i++) {
        name = names[i]
        if (name ~ /^cronbach_alpha/)
            continue
        if (!(final_of[name] in returns_of)) {
            stmt_file = "(sources)"
            fail("no declaration CREATE FUNCTION @extschema@." final_of[name] "(double precision[]) for the final function of " name)
        }
        printf "\nCREATE FUNCTION @extschema@.%s(state double precision[]) RETURNS %s\n", name, returns_of[final_of[name]]
        printf "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE\n"
        printf "RETURN @extschema@.%s(@extschema@.state_of(state, '%s'));\n", final_of[name], name
        printf "COMMENT ON FUNCTION @extschema@.%s(double precision[]) IS\n", name
        printf "'%s of a stored state made by %s_state (merged with merge(state))';\n", name, name
    }
}
