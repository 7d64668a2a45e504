// Claims awaiting review, least confident first. Parameters: $statuses, $predicates ([] = all),
// $max_confidence, $limit.
MATCH (c:Claim)
WHERE c.status IN $statuses AND c.confidence <= $max_confidence
  AND (size($predicates) = 0 OR c.predicate IN $predicates) AND c.testimony_id IS NOT NULL
RETURN c {.*} AS claim
ORDER BY c.confidence, c.id
LIMIT $limit
