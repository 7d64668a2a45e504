// A link the resolution stage proposes to analysts instead of making it (see graph/resolve).
UNWIND $rows AS row
MERGE (n:MergeProposal {id: row.id})
SET n.person_a = row.person_a, n.person_b = row.person_b, n.mention_a = row.mention_a, n.mention_b = row.mention_b,
    n.probability = row.probability, n.reasons = row.reasons, n.kind = row.kind
RETURN collect(row.id) AS ids
