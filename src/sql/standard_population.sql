-- standard_population.sql: standard populations for direct standardisation,
-- shipped as a read-only reference table.
--
--   us2000_19  2000 US standard population, 19 age groups, as a standard
--              million (SEER, from Census P25-1130).
--   us2000_11  2000 US standard million, 11 age groups (NCHS: Anderson &
--              Rosenberg 1998, NVSR 47(3), Table I).  Its groups are rounded
--              separately, so they are not exact sums of the 19-group values
--              (15-24: 138646 vs 138647; 75-84: 44842 vs 44841).
--   esp2013    2013 European Standard Population, 19 age groups (Eurostat).

CREATE TABLE @extschema@.standard_population (
    standard text NOT NULL,
    ordinal integer NOT NULL,
    age_group text NOT NULL,
    age_start integer NOT NULL,
    age_end integer,
    population double precision NOT NULL,
    PRIMARY KEY (standard, age_group),
    UNIQUE (standard, ordinal)
);

INSERT INTO @extschema@.standard_population
    (standard, ordinal, age_group, age_start, age_end, population)
VALUES
    ('us2000_19', 1, '0', 0, 0, 13818),
    ('us2000_19', 2, '1-4', 1, 4, 55317),
    ('us2000_19', 3, '5-9', 5, 9, 72533),
    ('us2000_19', 4, '10-14', 10, 14, 73032),
    ('us2000_19', 5, '15-19', 15, 19, 72169),
    ('us2000_19', 6, '20-24', 20, 24, 66478),
    ('us2000_19', 7, '25-29', 25, 29, 64529),
    ('us2000_19', 8, '30-34', 30, 34, 71044),
    ('us2000_19', 9, '35-39', 35, 39, 80762),
    ('us2000_19', 10, '40-44', 40, 44, 81851),
    ('us2000_19', 11, '45-49', 45, 49, 72118),
    ('us2000_19', 12, '50-54', 50, 54, 62716),
    ('us2000_19', 13, '55-59', 55, 59, 48454),
    ('us2000_19', 14, '60-64', 60, 64, 38793),
    ('us2000_19', 15, '65-69', 65, 69, 34264),
    ('us2000_19', 16, '70-74', 70, 74, 31773),
    ('us2000_19', 17, '75-79', 75, 79, 26999),
    ('us2000_19', 18, '80-84', 80, 84, 17842),
    ('us2000_19', 19, '85+', 85, NULL, 15508),
    ('us2000_11', 1, '0', 0, 0, 13818),
    ('us2000_11', 2, '1-4', 1, 4, 55317),
    ('us2000_11', 3, '5-14', 5, 14, 145565),
    ('us2000_11', 4, '15-24', 15, 24, 138646),
    ('us2000_11', 5, '25-34', 25, 34, 135573),
    ('us2000_11', 6, '35-44', 35, 44, 162613),
    ('us2000_11', 7, '45-54', 45, 54, 134834),
    ('us2000_11', 8, '55-64', 55, 64, 87247),
    ('us2000_11', 9, '65-74', 65, 74, 66037),
    ('us2000_11', 10, '75-84', 75, 84, 44842),
    ('us2000_11', 11, '85+', 85, NULL, 15508),
    ('esp2013', 1, '0-4', 0, 4, 5000),
    ('esp2013', 2, '5-9', 5, 9, 5500),
    ('esp2013', 3, '10-14', 10, 14, 5500),
    ('esp2013', 4, '15-19', 15, 19, 5500),
    ('esp2013', 5, '20-24', 20, 24, 6000),
    ('esp2013', 6, '25-29', 25, 29, 6000),
    ('esp2013', 7, '30-34', 30, 34, 6500),
    ('esp2013', 8, '35-39', 35, 39, 7000),
    ('esp2013', 9, '40-44', 40, 44, 7000),
    ('esp2013', 10, '45-49', 45, 49, 7000),
    ('esp2013', 11, '50-54', 50, 54, 7000),
    ('esp2013', 12, '55-59', 55, 59, 6500),
    ('esp2013', 13, '60-64', 60, 64, 6000),
    ('esp2013', 14, '65-69', 65, 69, 5500),
    ('esp2013', 15, '70-74', 70, 74, 5000),
    ('esp2013', 16, '75-79', 75, 79, 4000),
    ('esp2013', 17, '80-84', 80, 84, 2500),
    ('esp2013', 18, '85-89', 85, 89, 1500),
    ('esp2013', 19, '90+', 90, NULL, 1000);

COMMENT ON TABLE @extschema@.standard_population IS
'standard populations for wellbeing.standardized_rate: us2000_19, us2000_11 (2000 US standard million) and esp2013 (2013 European Standard Population); read-only reference data';
COMMENT ON COLUMN @extschema@.standard_population.standard IS 'which standard: us2000_19, us2000_11 or esp2013';
COMMENT ON COLUMN @extschema@.standard_population.ordinal IS 'position of the age group, youngest first';
COMMENT ON COLUMN @extschema@.standard_population.age_group IS 'label of the age group, e.g. 0, 1-4, 85+';
COMMENT ON COLUMN @extschema@.standard_population.age_start IS 'first year of age in the group';
COMMENT ON COLUMN @extschema@.standard_population.age_end IS 'last year of age in the group; NULL for the open-ended last group';
COMMENT ON COLUMN @extschema@.standard_population.population IS 'standard population of the group (a standard million for the US standards, 100 000 for ESP 2013)';

-- Reference data: readable by everyone, changed by no one but the owner.
GRANT SELECT ON @extschema@.standard_population TO PUBLIC;
