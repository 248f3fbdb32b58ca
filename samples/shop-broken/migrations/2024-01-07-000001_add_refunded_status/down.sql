-- Broken on purpose: PostgreSQL cannot drop an enum label, and this down does not rebuild the type.
SELECT 1;
