CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped');

CREATE TABLE orders (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint       NOT NULL REFERENCES customers (id),
    status       order_status NOT NULL DEFAULT 'pending',
    total        numeric(12,2) NOT NULL,
    placed_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE FUNCTION discounted(amount numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$ SELECT round(amount * 0.95, 2) $$;
