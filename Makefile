# PGXS build for the wellbeing extension.
#
#   make && make install            build and install (needs postgresql-server-dev-15, r-mathlib)
#   make installcheck               pg_regress tests in sql/ against a running server
#   bash test/run.sh                everything: dependencies, build, pg_regress, pgTAP (see README)

EXTENSION   = wellbeing
EXTVERSION  = 1.0

MODULE_big  = wellbeing
OBJS = \
	src/wellbeing.o \
	src/args.o \
	src/state.o \
	src/estimate_type.o \
	src/numeric/dist.o \
	src/estimates.o \
	src/survey.o \
	src/replicate.o \
	src/sample.o \
	src/suppress.o \
	src/disparity.o \
	src/inequality.o \
	src/ordered.o \
	src/segregation.o \
	src/trend.o \
	src/joinpoint.o \
	src/index.o \
	src/lifetable.o \
	src/numeric/rank.o \
	src/numeric/regress.o \
	src/numeric/kendall.o

# One SQL source per family, concatenated in this order into the install script
# after guard.sql (which refuses a schema wellbeing that another role controls);
# each goes first through src/sql/key_types.awk, which writes build/sql/<file>
# with one overload per key type of the survey aggregates' stratum, PSU and age
# band; src/sql/gen_states.awk then appends the <measure>_state aggregates it
# generates from the CREATE AGGREGATE statements of these files (static SQL:
# the script builds no statement at install time).
SQL_SOURCES = \
	src/sql/guard.sql \
	src/sql/types.sql \
	src/sql/estimates.sql \
	src/sql/survey.sql \
	src/sql/standard_population.sql \
	src/sql/suppress.sql \
	src/sql/disparity.sql \
	src/sql/inequality.sql \
	src/sql/ordered.sql \
	src/sql/segregation.sql \
	src/sql/profile.sql \
	src/sql/trend.sql \
	src/sql/index.sql \
	src/sql/index_pipeline.sql \
	src/sql/lifetable.sql \
	src/sql/rollup.sql
SQL_EXPANDED = $(patsubst src/sql/%,build/sql/%,$(SQL_SOURCES))

DATA_built  = $(EXTENSION)--$(EXTVERSION).sql
DATA        = $(wildcard src/sql/upgrade/$(EXTENSION)--*--*.sql)

REGRESS     = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --load-extension=$(EXTENSION)

PG_CPPFLAGS = -I$(srcdir)/src -DMATHLIB_STANDALONE
SHLIB_LINK  = -lRmath -lm
EXTRA_CLEAN = $(EXTENSION)--$(EXTVERSION).sql $(EXTENSION)--$(EXTVERSION).sql.tmp build

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

build/sql/%.sql: src/sql/%.sql src/sql/key_types.awk
	@mkdir -p build/sql
	awk -f src/sql/key_types.awk $< > $@.tmp || { rm -f $@.tmp; exit 1; }
	mv $@.tmp $@

$(EXTENSION)--$(EXTVERSION).sql: $(SQL_EXPANDED) src/sql/gen_states.awk Makefile
	( echo "-- wellbeing $(EXTVERSION): generated from src/sql/*.sql by the Makefile; do not edit"; \
	  printf '%s\n' '\echo Use "CREATE EXTENSION wellbeing" to load this file. \quit'; \
	  for f in $(SQL_SOURCES); do echo; echo "-- source: $$f (key types expanded by src/sql/key_types.awk)"; \
	    cat build/sql/$${f#src/sql/} || exit 1; done; \
	  echo; echo "-- source: src/sql/gen_states.awk over the files above"; \
	  awk -f src/sql/gen_states.awk $(SQL_EXPANDED) ) > $@.tmp \
	|| { rm -f $@.tmp; exit 1; }
	mv $@.tmp $@
