-- The same rows made by the server itself: what a team writes by hand with generate_series.
INSERT INTO customers
SELECT g, 'user' || g || '@example.com', substr(md5(g::text), 1, 1 + (g % 16)::int),
       (ARRAY['basic', 'silver', 'gold'])[1 + g % 3]::tier,
       timestamptz '2020-01-01 00:00:00+00' + (g * 1847 % 189216000) * interval '1 second',
       (g * 7919 % 100000)::numeric / 100
FROM generate_series(1::bigint, 100000) g;
INSERT INTO orders
SELECT g, 1 + g * 48271 % 100000, (ARRAY['pending', 'paid', 'shipped', 'cancelled'])[1 + g % 4]::order_status,
       1 + (g * 7919 % 100000)::numeric / 100,
       timestamptz '2020-01-01 00:00:00+00' + (g * 1847 % 189216000) * interval '1 second'
FROM generate_series(1::bigint, 300000) g;
INSERT INTO order_items
SELECT g, 1 + g * 48271 % 300000, substr(md5(g::text), 1, 1 + (g % 12)::int), (1 + g % 100)::int, 1 + (g * 7919 % 100000)::numeric / 100
FROM generate_series(1::bigint, 600000) g;
ANALYZE customers, orders, order_items;
