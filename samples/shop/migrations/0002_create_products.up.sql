CREATE TABLE products (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku         text          NOT NULL UNIQUE,
    name        text          NOT NULL,
    price       numeric(12,2) NOT NULL CHECK (price >= 0),
    active      boolean       NOT NULL DEFAULT true
);

CREATE INDEX products_active_name_idx ON products (name) WHERE active;
