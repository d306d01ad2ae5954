-- index.sql: composite index building blocks (SPEC section 5), first slice:
-- normalisations as scalar functions and as window functions.

CREATE FUNCTION @extschema@.normalize_zscore(x double precision, mean double precision, sd double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_normalize_zscore'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.normalize_zscore(double precision, double precision, double precision) IS
'z-score (x - mean) / sd with a given mean and sd (for example a baseline period''s, so later scores compare with the past); NULL when sd is 0';

CREATE FUNCTION @extschema@.normalize_minmax(x double precision, min double precision, max double precision,
                                             lo double precision DEFAULT 0, hi double precision DEFAULT 1)
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_normalize_minmax'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.normalize_minmax(double precision, double precision, double precision, double precision, double precision) IS
'min-max rescaling lo + (hi - lo) (x - min) / (max - min) with given min and max (values outside [min, max] leave [lo, hi]); NULL when max = min';

CREATE FUNCTION @extschema@.normalize_goalposts(x double precision, lower double precision, upper double precision,
                                                higher_is_better boolean DEFAULT true, cap boolean DEFAULT true)
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_normalize_goalposts'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.normalize_goalposts(double precision, double precision, double precision, boolean, boolean) IS
'fixed goalposts: share of the way from the worst goalpost to the best, (x - lower) / (upper - lower) for assets, (upper - x) / (upper - lower) for deficits, capped to [0, 1] (COINr n_goalposts); stable over time';

CREATE FUNCTION @extschema@.distance_to_target(x double precision, target double precision, worst double precision,
                                               cap boolean DEFAULT true)
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_distance_to_target'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.distance_to_target(double precision, double precision, double precision, boolean) IS
'share of the way from the worst value to the target, (x - worst) / (target - worst), for assets and deficits alike (COINr n_dist2targ); capped at 1';

CREATE FUNCTION @extschema@.normalize_zscore(x double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_zscore_window'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.normalize_zscore(double precision) IS
'window function: z-score of x within the partition, sample sd (n - 1) as the OECD/JRC Handbook and COINr';

CREATE FUNCTION @extschema@.normalize_zscore(x double precision, weight double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_zscore_window'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.normalize_zscore(double precision, double precision) IS
'window function: z-score of x within the partition with the population-weighted mean and sd (as the Child Opportunity Index 2.0)';

CREATE FUNCTION @extschema@.normalize_minmax(x double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_minmax_window'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.normalize_minmax(double precision) IS
'window function: (x - min) / (max - min) within the partition (to rescale to [lo, hi]: lo + (hi - lo) * this)';

CREATE FUNCTION @extschema@.percentile_rank(x double precision, convention text DEFAULT 'r/n', ties text DEFAULT 'min')
RETURNS double precision
AS 'MODULE_PATHNAME', 'wb_percentile_rank_window'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.percentile_rank(double precision, text, text) IS
'window function: rank of x within the partition (ties min, average or max) as r/n (OECD/JRC Handbook) or (r-1)/(n-1) (CDC SVI, COINr)';
