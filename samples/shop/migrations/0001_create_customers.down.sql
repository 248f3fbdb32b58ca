SET lock_timeout = '5s';
DROP TABLE customers;
DROP FUNCTION touch_updated_at();
