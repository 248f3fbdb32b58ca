-- The server's own quote_ident decides which names need quoting: reserved words, capitals, spaces, leading digits.
SELECT coalesce(json_agg(DISTINCT n), '[]') FROM unnest($3::text[]) n WHERE quote_ident(n) <> n
