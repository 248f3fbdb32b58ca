ALTER TABLE users ADD COLUMN seen_at timestamptz NOT NULL DEFAULT now();
