SET lock_timeout = '5s';
-- dbgate:ignore DBG108 only DROP TYPE, a catalog change of a moment, runs while customers and products are locked
DROP TABLE order_items, orders;
DROP TYPE order_status;
