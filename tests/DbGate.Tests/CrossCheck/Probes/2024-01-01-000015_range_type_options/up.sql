DROP TYPE float_range;
CREATE TYPE float_range AS RANGE (subtype = float8, subtype_diff = float8mi);
