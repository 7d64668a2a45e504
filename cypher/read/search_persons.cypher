// Persons by spelling-independent key (a surname key finds every declined form and script; a
// surname+initial key finds that person) or by a fragment of any name variant (case-insensitive).
// Parameters: $keys (list of person keys), $text (lower-case fragment, '' for none), $limit.
MATCH (p:Person)
WHERE any(k IN $keys WHERE p.id = k OR p.id STARTS WITH k + '-')
   OR ($text <> '' AND (toLower(p.name) CONTAINS $text
                        OR any(n IN coalesce(p.names, []) WHERE toLower(n) CONTAINS $text)))
RETURN 'Person' AS label, p.id AS id, p.name AS name, p.names AS names
ORDER BY p.name
LIMIT $limit
