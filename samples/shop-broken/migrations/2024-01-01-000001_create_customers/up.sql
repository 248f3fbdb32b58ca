CREATE TABLE customers (
    id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email  text    NOT NULL,
    score  integer NOT NULL DEFAULT 0
);
