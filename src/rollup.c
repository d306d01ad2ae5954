/*-------------------------------------------------------------------------
 *
 * rollup.c
 *	  Checking a stored partial state before it is finalised.
 *
 * Every aggregate's state is a double precision[] value, so it can be kept
 * in a table (per day x tract x group, say) and merged later with
 * wellbeing.merge(state); <measure>(state) finalises it (src/sql/rollup.sql).
 * Several measures share one state kind and one final function, which reads
 * the measure from the state; state_of() makes sure the state handed to
 * <measure>(state) was made by <measure>_state, so theil_t(state) can never
 * return the mean log deviation of a state that holds it.
 *
 * src/rollup.c
 *
 *-------------------------------------------------------------------------
 */
#include "wellbeing.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "state.h"

PG_FUNCTION_INFO_V1(wb_state_of);

/*
 * state_of(state, measure, kind, code): the state itself when its tag is
 * that of kind and, for code > 0, its first field (the measure code of the
 * shared kinds) equals code; an error naming the measure otherwise.
 */
Datum
wb_state_of(PG_FUNCTION_ARGS)
{
	ArrayType  *state = PG_GETARG_ARRAYTYPE_P(0);
	char	   *measure = text_to_cstring(PG_GETARG_TEXT_PP(1));
	int32		kind = PG_GETARG_INT32(2);
	int32		code = PG_GETARG_INT32(3);
	double	   *s;
	int			length;

	if (ARR_NDIM(state) != 1 || ARR_ELEMTYPE(state) != FLOAT8OID || ARR_HASNULL(state))
		wb_state_error("The array must be a one-dimensional double precision[] without NULLs.");
	length = ARR_DIMS(state)[0];
	s = wb_state_data(state);
	if (length < 1 || s[WB_TAG] != WB_STATE_TAG(kind) || (code > 0 && (length < 2 || s[1] != code)))
		ereport(ERROR,
				(errcode(WB_ERRCODE_BAD_STATE),
				 errmsg("the state was not made by %s_state", measure),
				 errhint("Finalise a stored state with the measure whose _state aggregate made it: %s(merge(%s_state(...))).",
						 measure, measure)));
	PG_RETURN_ARRAYTYPE_P(state);
}
