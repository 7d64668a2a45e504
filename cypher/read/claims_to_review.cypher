// Claims awaiting review, least confident first. Parameters: $statuses, $predicates ([] = all),
// $min_confidence, $max_confidence, $text ('' = any: a name or word the cited excerpt contains, in any
// case), $language (null = any: the testimony's language), $skip, $limit.
MATCH (c:Claim)
WHERE c.status IN $statuses AND $min_confidence <= c.confidence <= $max_confidence
  AND (size($predicates) = 0 OR c.predicate IN $predicates) AND c.testimony_id IS NOT NULL
  AND ($text = '' OR toLower(coalesce(c.excerpt, '')) CONTAINS toLower($text))
  AND ($language IS NULL OR EXISTS { MATCH (:Testimony {id: c.testimony_id, language: $language}) })
RETURN c {.*} AS claim
ORDER BY c.confidence, c.id
SKIP $skip LIMIT $limit
