// The mention records of these persons (their MENTION claims cite the mention, not the person).
// Parameters: $ids.
MATCH (m:Mention)-[:REFERS_TO]->(p:Person)
WHERE p.id IN $ids
RETURN p.id AS person, collect(m.id) AS mentions
