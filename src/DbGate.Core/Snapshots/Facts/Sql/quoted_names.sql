-- Names that need quoting wherever a table or column name goes: anything an unquoted name cannot spell (capitals,
-- spaces, a leading digit) and the keywords the grammar reserves there, by the server's own keyword list. Keywords
-- such as time or name, which are valid unquoted as table and column names, do not count.
SELECT coalesce(json_agg(DISTINCT n), '[]')
FROM unnest($4::text[]) n
WHERE n !~ '^[a-z_][a-z0-9_$]*$'
   OR n IN (SELECT word FROM pg_get_keywords() WHERE catcode IN ('R', 'T'))
