CREATE OR REPLACE FUNCTION discounted(amount numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$ SELECT round(amount * 0.90, 2) $$;
