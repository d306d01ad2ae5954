-- ordered.sql: measures over ordered groups.
-- One row per group: value, population weight, position (1 = most
-- disadvantaged), optional se (a NULL se only means no interval), method,
-- level.  concentration_index also takes one row per person with the
-- ranking variable as position.

CREATE FUNCTION @extschema@.ordered_finalfn(double precision[])
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'wb_ordered_finalfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ordered_finalfn(double precision[]) IS 'final function of slope_index, relative_index and concentration_index';

CREATE FUNCTION @extschema@.slope_index_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_slope_index_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.slope_index_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the slope_index aggregate';
CREATE AGGREGATE @extschema@.slope_index(value double precision, weight double precision, "position" double precision) (
    SFUNC = @extschema@.slope_index_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.slope_index(double precision, double precision, double precision) IS
'slope index of inequality: fitted value at the most advantaged end minus at the most disadvantaged end of the ridit scale; method linear (WLS, as PHE and HD*Calc; default), log or logit (PHE transformed), logistic (WHO HEAT v6, HC1 interval); delta-method interval from group se';

CREATE FUNCTION @extschema@.slope_index_transfn(double precision[], double precision, double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_slope_index_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.slope_index_transfn(double precision[], double precision, double precision, double precision, double precision) IS 'transition function of the slope_index aggregate';
CREATE AGGREGATE @extschema@.slope_index(value double precision, weight double precision, "position" double precision, se double precision) (
    SFUNC = @extschema@.slope_index_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.slope_index(double precision, double precision, double precision, double precision) IS
'slope index of inequality: fitted value at the most advantaged end minus at the most disadvantaged end of the ridit scale; method linear (WLS, as PHE and HD*Calc; default), log or logit (PHE transformed), logistic (WHO HEAT v6, HC1 interval); delta-method interval from group se';

CREATE FUNCTION @extschema@.slope_index_transfn(double precision[], double precision, double precision, double precision, double precision, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_slope_index_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.slope_index_transfn(double precision[], double precision, double precision, double precision, double precision, text) IS 'transition function of the slope_index aggregate';
CREATE AGGREGATE @extschema@.slope_index(value double precision, weight double precision, "position" double precision, se double precision, method text) (
    SFUNC = @extschema@.slope_index_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.slope_index(double precision, double precision, double precision, double precision, text) IS
'slope index of inequality: fitted value at the most advantaged end minus at the most disadvantaged end of the ridit scale; method linear (WLS, as PHE and HD*Calc; default), log or logit (PHE transformed), logistic (WHO HEAT v6, HC1 interval); delta-method interval from group se';

CREATE FUNCTION @extschema@.slope_index_transfn(double precision[], double precision, double precision, double precision, double precision, text, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_slope_index_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.slope_index_transfn(double precision[], double precision, double precision, double precision, double precision, text, double precision) IS 'transition function of the slope_index aggregate';
CREATE AGGREGATE @extschema@.slope_index(value double precision, weight double precision, "position" double precision, se double precision, method text, level double precision) (
    SFUNC = @extschema@.slope_index_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.slope_index(double precision, double precision, double precision, double precision, text, double precision) IS
'slope index of inequality: fitted value at the most advantaged end minus at the most disadvantaged end of the ridit scale; method linear (WLS, as PHE and HD*Calc; default), log or logit (PHE transformed), logistic (WHO HEAT v6, HC1 interval); delta-method interval from group se';

CREATE FUNCTION @extschema@.relative_index_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_relative_index_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.relative_index_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the relative_index aggregate';
CREATE AGGREGATE @extschema@.relative_index(value double precision, weight double precision, "position" double precision) (
    SFUNC = @extschema@.relative_index_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.relative_index(double precision, double precision, double precision) IS
'relative index of inequality yhat(1)/yhat(0) of the same fit; method linear (default), log, logit, logistic (WHO HEAT v6), pamuk (SII / mean) or kunst_mackenbach (yhat(0)/yhat(1)); interval on the log scale';

CREATE FUNCTION @extschema@.relative_index_transfn(double precision[], double precision, double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_relative_index_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.relative_index_transfn(double precision[], double precision, double precision, double precision, double precision) IS 'transition function of the relative_index aggregate';
CREATE AGGREGATE @extschema@.relative_index(value double precision, weight double precision, "position" double precision, se double precision) (
    SFUNC = @extschema@.relative_index_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.relative_index(double precision, double precision, double precision, double precision) IS
'relative index of inequality yhat(1)/yhat(0) of the same fit; method linear (default), log, logit, logistic (WHO HEAT v6), pamuk (SII / mean) or kunst_mackenbach (yhat(0)/yhat(1)); interval on the log scale';

CREATE FUNCTION @extschema@.relative_index_transfn(double precision[], double precision, double precision, double precision, double precision, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_relative_index_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.relative_index_transfn(double precision[], double precision, double precision, double precision, double precision, text) IS 'transition function of the relative_index aggregate';
CREATE AGGREGATE @extschema@.relative_index(value double precision, weight double precision, "position" double precision, se double precision, method text) (
    SFUNC = @extschema@.relative_index_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.relative_index(double precision, double precision, double precision, double precision, text) IS
'relative index of inequality yhat(1)/yhat(0) of the same fit; method linear (default), log, logit, logistic (WHO HEAT v6), pamuk (SII / mean) or kunst_mackenbach (yhat(0)/yhat(1)); interval on the log scale';

CREATE FUNCTION @extschema@.relative_index_transfn(double precision[], double precision, double precision, double precision, double precision, text, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_relative_index_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.relative_index_transfn(double precision[], double precision, double precision, double precision, double precision, text, double precision) IS 'transition function of the relative_index aggregate';
CREATE AGGREGATE @extschema@.relative_index(value double precision, weight double precision, "position" double precision, se double precision, method text, level double precision) (
    SFUNC = @extschema@.relative_index_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.relative_index(double precision, double precision, double precision, double precision, text, double precision) IS
'relative index of inequality yhat(1)/yhat(0) of the same fit; method linear (default), log, logit, logistic (WHO HEAT v6), pamuk (SII / mean) or kunst_mackenbach (yhat(0)/yhat(1)); interval on the log scale';

CREATE FUNCTION @extschema@.concentration_index_transfn(double precision[], double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_concentration_index_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.concentration_index_transfn(double precision[], double precision, double precision, double precision) IS 'transition function of the concentration_index aggregate';
CREATE AGGREGATE @extschema@.concentration_index(value double precision, weight double precision, "position" double precision) (
    SFUNC = @extschema@.concentration_index_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.concentration_index(double precision, double precision, double precision) IS
'concentration index over ranked groups or persons: method relative (default, ACI / mean), absolute (2 cov(y, rank)), wagstaff or erreygers (values in [0, 1]); SE by the delta method from group se, else by the convenient regression (as WHO HEAT)';

CREATE FUNCTION @extschema@.concentration_index_transfn(double precision[], double precision, double precision, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_concentration_index_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.concentration_index_transfn(double precision[], double precision, double precision, double precision, double precision) IS 'transition function of the concentration_index aggregate';
CREATE AGGREGATE @extschema@.concentration_index(value double precision, weight double precision, "position" double precision, se double precision) (
    SFUNC = @extschema@.concentration_index_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.concentration_index(double precision, double precision, double precision, double precision) IS
'concentration index over ranked groups or persons: method relative (default, ACI / mean), absolute (2 cov(y, rank)), wagstaff or erreygers (values in [0, 1]); SE by the delta method from group se, else by the convenient regression (as WHO HEAT)';

CREATE FUNCTION @extschema@.concentration_index_transfn(double precision[], double precision, double precision, double precision, double precision, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_concentration_index_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.concentration_index_transfn(double precision[], double precision, double precision, double precision, double precision, text) IS 'transition function of the concentration_index aggregate';
CREATE AGGREGATE @extschema@.concentration_index(value double precision, weight double precision, "position" double precision, se double precision, method text) (
    SFUNC = @extschema@.concentration_index_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.concentration_index(double precision, double precision, double precision, double precision, text) IS
'concentration index over ranked groups or persons: method relative (default, ACI / mean), absolute (2 cov(y, rank)), wagstaff or erreygers (values in [0, 1]); SE by the delta method from group se, else by the convenient regression (as WHO HEAT)';

CREATE FUNCTION @extschema@.concentration_index_transfn(double precision[], double precision, double precision, double precision, double precision, text, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_concentration_index_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.concentration_index_transfn(double precision[], double precision, double precision, double precision, double precision, text, double precision) IS 'transition function of the concentration_index aggregate';
CREATE AGGREGATE @extschema@.concentration_index(value double precision, weight double precision, "position" double precision, se double precision, method text, level double precision) (
    SFUNC = @extschema@.concentration_index_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.concentration_index(double precision, double precision, double precision, double precision, text, double precision) IS
'concentration index over ranked groups or persons: method relative (default, ACI / mean), absolute (2 cov(y, rank)), wagstaff or erreygers (values in [0, 1]); SE by the delta method from group se, else by the convenient regression (as WHO HEAT)';

-- attributable_risk, attributable_fraction: one row per group (value,
-- population weight, direction [, position [, level]]).

CREATE FUNCTION @extschema@.attributable_risk_transfn(double precision[], double precision, double precision, boolean)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_attributable_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.attributable_risk_transfn(double precision[], double precision, double precision, boolean) IS 'transition function of the attributable_risk aggregate';
CREATE AGGREGATE @extschema@.attributable_risk(value double precision, weight double precision, higher_is_better boolean) (
    SFUNC = @extschema@.attributable_risk_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.attributable_risk(double precision, double precision, boolean) IS
'population attributable risk y_ref - mean (WHO HEAT PAR), reference = best group, or the most advantaged (highest position) when positions are given; truncated at 0; Walter SE for proportions';

CREATE FUNCTION @extschema@.attributable_risk_transfn(double precision[], double precision, double precision, boolean, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_attributable_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.attributable_risk_transfn(double precision[], double precision, double precision, boolean, double precision) IS 'transition function of the attributable_risk aggregate';
CREATE AGGREGATE @extschema@.attributable_risk(value double precision, weight double precision, higher_is_better boolean, "position" double precision) (
    SFUNC = @extschema@.attributable_risk_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.attributable_risk(double precision, double precision, boolean, double precision) IS
'population attributable risk y_ref - mean (WHO HEAT PAR), reference = best group, or the most advantaged (highest position) when positions are given; truncated at 0; Walter SE for proportions';

CREATE FUNCTION @extschema@.attributable_risk_transfn(double precision[], double precision, double precision, boolean, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_attributable_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.attributable_risk_transfn(double precision[], double precision, double precision, boolean, double precision, double precision) IS 'transition function of the attributable_risk aggregate';
CREATE AGGREGATE @extschema@.attributable_risk(value double precision, weight double precision, higher_is_better boolean, "position" double precision, level double precision) (
    SFUNC = @extschema@.attributable_risk_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.attributable_risk(double precision, double precision, boolean, double precision, double precision) IS
'population attributable risk y_ref - mean (WHO HEAT PAR), reference = best group, or the most advantaged (highest position) when positions are given; truncated at 0; Walter SE for proportions';

CREATE FUNCTION @extschema@.attributable_fraction_transfn(double precision[], double precision, double precision, boolean)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_attributable_fraction_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.attributable_fraction_transfn(double precision[], double precision, double precision, boolean) IS 'transition function of the attributable_fraction aggregate';
CREATE AGGREGATE @extschema@.attributable_fraction(value double precision, weight double precision, higher_is_better boolean) (
    SFUNC = @extschema@.attributable_fraction_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.attributable_fraction(double precision, double precision, boolean) IS
'population attributable fraction PAR / mean as a fraction (WHO HEAT PAF / 100); reference and truncation as attributable_risk; Walter SE for proportions, on the same scale';

CREATE FUNCTION @extschema@.attributable_fraction_transfn(double precision[], double precision, double precision, boolean, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_attributable_fraction_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.attributable_fraction_transfn(double precision[], double precision, double precision, boolean, double precision) IS 'transition function of the attributable_fraction aggregate';
CREATE AGGREGATE @extschema@.attributable_fraction(value double precision, weight double precision, higher_is_better boolean, "position" double precision) (
    SFUNC = @extschema@.attributable_fraction_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.attributable_fraction(double precision, double precision, boolean, double precision) IS
'population attributable fraction PAR / mean as a fraction (WHO HEAT PAF / 100); reference and truncation as attributable_risk; Walter SE for proportions, on the same scale';

CREATE FUNCTION @extschema@.attributable_fraction_transfn(double precision[], double precision, double precision, boolean, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_attributable_fraction_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.attributable_fraction_transfn(double precision[], double precision, double precision, boolean, double precision, double precision) IS 'transition function of the attributable_fraction aggregate';
CREATE AGGREGATE @extschema@.attributable_fraction(value double precision, weight double precision, higher_is_better boolean, "position" double precision, level double precision) (
    SFUNC = @extschema@.attributable_fraction_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.attributable_fraction(double precision, double precision, boolean, double precision, double precision) IS
'population attributable fraction PAR / mean as a fraction (WHO HEAT PAF / 100); reference and truncation as attributable_risk; Walter SE for proportions, on the same scale';

-- index_of_disparity, mean_difference: one row per group (value, population
-- weight, reference [, higher_is_better [, se [, level]]]); simulation
-- interval from the group se (10 000 seeded draws).

CREATE FUNCTION @extschema@.index_of_disparity_transfn(double precision[], double precision, double precision, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_index_of_disparity_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.index_of_disparity_transfn(double precision[], double precision, double precision, text) IS 'transition function of the index_of_disparity aggregate';
CREATE AGGREGATE @extschema@.index_of_disparity(value double precision, weight double precision, reference text) (
    SFUNC = @extschema@.index_of_disparity_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.index_of_disparity(double precision, double precision, text) IS
'index of disparity as a fraction: reference mean (WHO HEAT IDISW, weighted; mean_unweighted: IDISU) = sum |y - mu| / mu, or best (Healthy People IDisp) = mean |y - y_best| over the other groups / y_best; seeded simulation interval from group se';

CREATE FUNCTION @extschema@.index_of_disparity_transfn(double precision[], double precision, double precision, text, boolean)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_index_of_disparity_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.index_of_disparity_transfn(double precision[], double precision, double precision, text, boolean) IS 'transition function of the index_of_disparity aggregate';
CREATE AGGREGATE @extschema@.index_of_disparity(value double precision, weight double precision, reference text, higher_is_better boolean) (
    SFUNC = @extschema@.index_of_disparity_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.index_of_disparity(double precision, double precision, text, boolean) IS
'index of disparity as a fraction: reference mean (WHO HEAT IDISW, weighted; mean_unweighted: IDISU) = sum |y - mu| / mu, or best (Healthy People IDisp) = mean |y - y_best| over the other groups / y_best; seeded simulation interval from group se';

CREATE FUNCTION @extschema@.index_of_disparity_transfn(double precision[], double precision, double precision, text, boolean, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_index_of_disparity_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.index_of_disparity_transfn(double precision[], double precision, double precision, text, boolean, double precision) IS 'transition function of the index_of_disparity aggregate';
CREATE AGGREGATE @extschema@.index_of_disparity(value double precision, weight double precision, reference text, higher_is_better boolean, se double precision) (
    SFUNC = @extschema@.index_of_disparity_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.index_of_disparity(double precision, double precision, text, boolean, double precision) IS
'index of disparity as a fraction: reference mean (WHO HEAT IDISW, weighted; mean_unweighted: IDISU) = sum |y - mu| / mu, or best (Healthy People IDisp) = mean |y - y_best| over the other groups / y_best; seeded simulation interval from group se';

CREATE FUNCTION @extschema@.index_of_disparity_transfn(double precision[], double precision, double precision, text, boolean, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_index_of_disparity_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.index_of_disparity_transfn(double precision[], double precision, double precision, text, boolean, double precision, double precision) IS 'transition function of the index_of_disparity aggregate';
CREATE AGGREGATE @extschema@.index_of_disparity(value double precision, weight double precision, reference text, higher_is_better boolean, se double precision, level double precision) (
    SFUNC = @extschema@.index_of_disparity_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.index_of_disparity(double precision, double precision, text, boolean, double precision, double precision) IS
'index of disparity as a fraction: reference mean (WHO HEAT IDISW, weighted; mean_unweighted: IDISU) = sum |y - mu| / mu, or best (Healthy People IDisp) = mean |y - y_best| over the other groups / y_best; seeded simulation interval from group se';

CREATE FUNCTION @extschema@.mean_difference_transfn(double precision[], double precision, double precision, text)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_mean_difference_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_difference_transfn(double precision[], double precision, double precision, text) IS 'transition function of the mean_difference aggregate';
CREATE AGGREGATE @extschema@.mean_difference(value double precision, weight double precision, reference text) (
    SFUNC = @extschema@.mean_difference_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mean_difference(double precision, double precision, text) IS
'mean difference from the mean (HEAT MDMW; mean_unweighted: MDMU) or from the best group (best: MDBW, best_unweighted: MDBU); seeded simulation interval from group se';

CREATE FUNCTION @extschema@.mean_difference_transfn(double precision[], double precision, double precision, text, boolean)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_mean_difference_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_difference_transfn(double precision[], double precision, double precision, text, boolean) IS 'transition function of the mean_difference aggregate';
CREATE AGGREGATE @extschema@.mean_difference(value double precision, weight double precision, reference text, higher_is_better boolean) (
    SFUNC = @extschema@.mean_difference_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mean_difference(double precision, double precision, text, boolean) IS
'mean difference from the mean (HEAT MDMW; mean_unweighted: MDMU), from the best group by higher_is_better (best: MDBW, best_unweighted: MDBU), or from the group whose fourth argument (is_reference) is true (reference: MDRW, reference_unweighted: MDRU)';

CREATE FUNCTION @extschema@.mean_difference_transfn(double precision[], double precision, double precision, text, boolean, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_mean_difference_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_difference_transfn(double precision[], double precision, double precision, text, boolean, double precision) IS 'transition function of the mean_difference aggregate';
CREATE AGGREGATE @extschema@.mean_difference(value double precision, weight double precision, reference text, higher_is_better boolean, se double precision) (
    SFUNC = @extschema@.mean_difference_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mean_difference(double precision, double precision, text, boolean, double precision) IS
'mean difference from the mean (HEAT MDMW; mean_unweighted: MDMU) or from the best group (best: MDBW, best_unweighted: MDBU); seeded simulation interval from group se';

CREATE FUNCTION @extschema@.mean_difference_transfn(double precision[], double precision, double precision, text, boolean, double precision, double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'wb_mean_difference_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_difference_transfn(double precision[], double precision, double precision, text, boolean, double precision, double precision) IS 'transition function of the mean_difference aggregate';
CREATE AGGREGATE @extschema@.mean_difference(value double precision, weight double precision, reference text, higher_is_better boolean, se double precision, level double precision) (
    SFUNC = @extschema@.mean_difference_transfn,
    STYPE = double precision[],
    FINALFUNC = @extschema@.ordered_finalfn,
    COMBINEFUNC = @extschema@.state_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mean_difference(double precision, double precision, text, boolean, double precision, double precision) IS
'mean difference from the mean (HEAT MDMW; mean_unweighted: MDMU) or from the best group (best: MDBW, best_unweighted: MDBU); seeded simulation interval from group se';
