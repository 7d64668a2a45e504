// How many claims await review with these filters (the review queue's total). Parameters as claims_to_review.
MATCH (c:Claim)
WHERE c.status IN $statuses AND c.confidence <= $max_confidence
  AND (size($predicates) = 0 OR c.predicate IN $predicates) AND c.testimony_id IS NOT NULL
RETURN count(c) AS total
