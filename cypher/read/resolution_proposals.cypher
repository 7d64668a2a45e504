// The proposals of the last resolution run, as written (to write only what changed).
MATCH (n:MergeProposal)
RETURN n.id AS id, n.person_a AS person_a, n.person_b AS person_b, n.probability AS probability,
       n.reasons AS reasons
