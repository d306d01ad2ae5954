/*-------------------------------------------------------------------------
 *
 * wellbeing.c
 *	  Module magic.  Each family of measures lives in its own file.
 *
 * src/wellbeing.c
 *
 *-------------------------------------------------------------------------
 */
#include "wellbeing.h"

PG_MODULE_MAGIC;
