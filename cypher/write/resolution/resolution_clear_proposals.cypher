// Proposals are recomputed by every resolution run.
MATCH (n:MergeProposal)
DELETE n
RETURN count(*) AS cleared
