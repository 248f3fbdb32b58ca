-- CONCURRENTLY cannot run in a transaction: DbGate sees PostgreSQL refuse it and runs this step outside one.
CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at);
