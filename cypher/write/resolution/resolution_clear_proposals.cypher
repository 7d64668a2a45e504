// Proposals are recomputed by every resolution run: those not proposed again go. Parameters: $keep (ids).
MATCH (n:MergeProposal)
WHERE NOT n.id IN $keep
DELETE n
RETURN count(*) AS cleared
