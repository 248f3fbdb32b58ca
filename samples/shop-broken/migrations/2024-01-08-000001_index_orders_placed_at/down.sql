-- Broken on purpose: drops an index by a name the up never used.
DROP INDEX CONCURRENTLY IF EXISTS orders_placed_idx;
