// The links of the network explorer in a time window, each with the highest confidence among its
// claims that are not rejected. Parameters: $date_from, $date_to ('YYYY-MM-DD'), $types (any of
// PERPETRATED, ORDERED, HELD, SUBORDINATE_TO), $min_confidence, $limit.
CALL () {
  MATCH (a)-[r:PERPETRATED|ORDERED]->(i:Incident)
  WHERE type(r) IN $types
    AND coalesce(i.date_max, '9999-12-31') >= $date_from AND coalesce(i.date_min, '0000-01-01') <= $date_to
  RETURN a AS source, i AS target, type(r) AS type, r.id AS fact_id, i.date_min AS date
  UNION ALL
  MATCH (p:Person)-[:HELD]->(post:Post)-[:IN]->(u:Unit)
  WHERE 'HELD' IN $types
    AND coalesce(post.end_max, '9999-12-31') >= $date_from AND coalesce(post.start_min, '0000-01-01') <= $date_to
  RETURN p AS source, u AS target, 'HELD' AS type, post.id AS fact_id, post.start_max AS date
  UNION ALL
  MATCH (u:Unit)-[s:SUBORDINATE_TO]->(v:Unit)
  WHERE 'SUBORDINATE_TO' IN $types
  RETURN u AS source, v AS target, 'SUBORDINATE_TO' AS type, s.id AS fact_id, s.start_min AS date
}
CALL (fact_id) {
  MATCH (c:Claim {fact_id: fact_id}) WHERE c.status <> 'rejected'
  RETURN max(c.confidence) AS confidence
}
WITH source, target, type, fact_id, date, confidence
WHERE confidence >= $min_confidence
RETURN source.id AS source, labels(source)[0] AS source_label, coalesce(source.name, source.label) AS source_name,
       target.id AS target, labels(target)[0] AS target_label, coalesce(target.name, target.label) AS target_name,
       type, fact_id, date, confidence
LIMIT $limit
