-- Three related tables for bench/seed.sh: a unique column, enums, CHECKs, foreign keys.
CREATE TYPE tier AS ENUM ('basic', 'silver', 'gold');
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');
CREATE TABLE customers (
    id bigint PRIMARY KEY,
    email text NOT NULL UNIQUE,
    name text NOT NULL,
    tier tier NOT NULL,
    created_at timestamptz NOT NULL,
    balance numeric(12,2) NOT NULL CHECK (balance >= 0)
);
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers,
    status order_status NOT NULL,
    total numeric(12,2) NOT NULL CHECK (total > 0),
    placed_at timestamptz NOT NULL
);
CREATE TABLE order_items (
    id bigint PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders,
    product text NOT NULL,
    quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 100),
    price numeric(10,2) NOT NULL CHECK (price > 0)
);
