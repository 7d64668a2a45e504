// Units by id (from the gazetteer's aliases, which cover declined forms) or name fragment.
// Parameters: $ids, $text (lower-case fragment), $limit.
MATCH (u:Unit)
WHERE u.id IN $ids
   OR ($text <> '' AND (toLower(u.name) CONTAINS $text
                        OR any(n IN coalesce(u.names, []) WHERE toLower(n) CONTAINS $text)))
RETURN 'Unit' AS label, u.id AS id, u.name AS name, u.names AS names
ORDER BY u.name
LIMIT $limit
