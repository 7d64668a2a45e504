// How many claims await review with these filters (the review queue's total). Parameters as claims_to_review.
MATCH (c:Claim)
WHERE c.status IN $statuses AND $min_confidence <= c.confidence <= $max_confidence
  AND (size($predicates) = 0 OR c.predicate IN $predicates) AND c.testimony_id IS NOT NULL
  AND ($text = '' OR toLower(coalesce(c.excerpt, '')) CONTAINS toLower($text))
  AND ($language IS NULL OR EXISTS { MATCH (:Testimony {id: c.testimony_id, language: $language}) })
RETURN count(c) AS total
