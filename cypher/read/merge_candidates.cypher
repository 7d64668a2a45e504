// Proposed merges: a person known only by surname and a person with the same surname key and a given
// name (person:lmk and person:lmk-s), with no decision yet. Parameters: $limit.
MATCH (a:Person), (b:Person)
WHERE b.id STARTS WITH a.id + '-' AND NOT a.id CONTAINS '-'
  AND NOT EXISTS { MATCH (m:MergeDecision) WHERE m.person_a = a.id AND m.person_b = b.id }
RETURN a.id AS person_a, a.name AS name_a, a.names AS names_a, b.id AS person_b, b.name AS name_b,
       b.names AS names_b
ORDER BY a.id, b.id
LIMIT $limit
