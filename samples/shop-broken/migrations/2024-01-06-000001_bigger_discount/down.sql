-- Broken on purpose: restores a body that never existed (0.95 was the old rate).
CREATE OR REPLACE FUNCTION discounted(amount numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$ SELECT round(amount * 0.99, 2) $$;
