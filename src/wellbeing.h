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
#include "miscadmin.h"

/*
 * Every user-caused error uses one of these SQLSTATEs (documented in
 * docs/errors.md): a bad argument value or unknown method is 22023, a
 * transition state that is not one of ours is 22000.
 */
#define WB_ERRCODE_BAD_ARGUMENT		ERRCODE_INVALID_PARAMETER_VALUE
#define WB_ERRCODE_BAD_STATE		ERRCODE_DATA_EXCEPTION

/*
 * A loop whose length comes from the user's data (rows of a state, groups,
 * PSUs, strata) checks for a cancel request (statement_timeout,
 * pg_cancel_backend, pg_terminate_backend) every 2^16 iterations: often
 * enough to stop within milliseconds, rarely enough to cost nothing.
 * Loops with expensive iterations call CHECK_FOR_INTERRUPTS() once each;
 * fetching a row of a window partition checks by itself.
 */
#define WB_CHECK_INTERRUPTS_EVERY(i) \
	do { \
		if (((i) & 0xFFFF) == 0) \
			CHECK_FOR_INTERRUPTS(); \
	} while (0)

#endif							/* WELLBEING_H */
