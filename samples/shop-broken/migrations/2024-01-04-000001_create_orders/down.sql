DROP FUNCTION discounted(numeric);
-- Broken on purpose: a typo PostgreSQL rejects.
DROP TABEL orders;
DROP TYPE order_status;
