-- Broken on purpose: there is no down.sql beside this file.
CREATE TABLE audit_log (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    happened  timestamptz NOT NULL DEFAULT now(),
    entry     jsonb NOT NULL
);
