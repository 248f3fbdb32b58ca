DROP VIEW order_totals;
DROP FUNCTION order_total(bigint);
