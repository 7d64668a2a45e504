// Incidents by id or label fragment. Parameters: $text (lower-case fragment), $limit.
MATCH (i:Incident)
WHERE i.id = $text OR toLower(i.label) CONTAINS $text
RETURN 'Incident' AS label, i.id AS id, i.label AS name, [i.date_min, i.date_max] AS names
ORDER BY i.date_min
LIMIT $limit
