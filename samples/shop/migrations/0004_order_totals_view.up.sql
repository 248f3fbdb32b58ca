-- SQL-standard function body: the splitter must keep BEGIN ATOMIC … END together.
CREATE FUNCTION order_total(p_order_id bigint) RETURNS numeric
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT coalesce(sum(quantity * unit_price), 0) FROM order_items WHERE order_id = p_order_id;
END;

CREATE VIEW order_totals AS
SELECT o.id AS order_id, o.customer_id, o.status, order_total(o.id) AS total
FROM orders o;
