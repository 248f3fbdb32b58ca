CREATE CAST (pair AS int) WITH FUNCTION pair_to_int(pair);
