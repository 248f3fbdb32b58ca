DROP TABLE customers;
DROP FUNCTION touch_updated_at();
