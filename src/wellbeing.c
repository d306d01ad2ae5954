/*-------------------------------------------------------------------------
 *
 * wellbeing.c
 *	  Module magic and the per-call-site cache.  Each family of measures
 *	  lives in its own file.
 *
 * src/wellbeing.c
 *
 *-------------------------------------------------------------------------
 */
#include "wellbeing.h"

#include "utils/memutils.h"

PG_MODULE_MAGIC;

WbFnCache *
wb_fn_cache(FunctionCallInfo fcinfo)
{
	WbFnCache  *c = (WbFnCache *) fcinfo->flinfo->fn_extra;

	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(WbFnCache));
		c->method_len = -1;
		fcinfo->flinfo->fn_extra = c;
	}
	return c;
}
