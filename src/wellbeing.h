/*-------------------------------------------------------------------------
 *
 * wellbeing.h
 *	  Declarations shared by every family of the wellbeing extension.
 *
 * src/wellbeing.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef WELLBEING_H
#define WELLBEING_H

#include "postgres.h"
#include "fmgr.h"

/*
 * Every user-caused error uses one of these SQLSTATEs (documented in
 * docs/errors.md): a bad argument value or unknown method is 22023, a
 * transition state that is not one of ours is 22000.
 */
#define WB_ERRCODE_BAD_ARGUMENT		ERRCODE_INVALID_PARAMETER_VALUE
#define WB_ERRCODE_BAD_STATE		ERRCODE_DATA_EXCEPTION

#endif							/* WELLBEING_H */
