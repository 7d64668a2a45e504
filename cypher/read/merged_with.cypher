// Persons an analyst accepted as the same person as one of $ids. Parameters: $ids.
MATCH (m:MergeDecision {status: 'accepted'})
WHERE m.person_a IN $ids OR m.person_b IN $ids
RETURN m.person_a AS person_a, m.person_b AS person_b
