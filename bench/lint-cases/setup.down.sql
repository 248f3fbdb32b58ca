DROP MATERIALIZED VIEW user_counts;
DROP TABLE events, events_2025, stock, moods, users;
DROP DOMAIN quantity;
DROP TYPE mood;
