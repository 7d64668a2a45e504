// Places by name fragment (any variant). Parameters: $text (lower-case fragment), $limit.
MATCH (p:Place)
WHERE toLower(p.name) CONTAINS $text OR any(n IN coalesce(p.names, []) WHERE toLower(n) CONTAINS $text)
RETURN 'Place' AS label, p.id AS id, p.name AS name, p.names AS names
ORDER BY p.name
LIMIT $limit
