// What each fact says, in words for a review card: subject, relation, object and date.
// Parameters: $fact_ids. Facts of other kinds (a mention) give no row.
UNWIND $fact_ids AS fid
CALL (fid) {
  MATCH (s)-[:PERPETRATED {id: fid}]->(o:Incident)
  RETURN s.name AS subject, 'carried out' AS relation, o.label AS object, o.date_min AS date_min, o.date_max AS date_max
  UNION
  MATCH (s:Person)-[:ORDERED {id: fid}]->(o:Incident)
  RETURN s.name AS subject, 'ordered' AS relation, o.label AS object, o.date_min AS date_min, o.date_max AS date_max
  UNION
  MATCH (s:Incident)-[:OCCURRED_AT {id: fid}]->(o:Place)
  RETURN s.label AS subject, 'took place at' AS relation, o.name AS object, s.date_min AS date_min,
         s.date_max AS date_max
  UNION
  MATCH (s:Unit)-[:SUBORDINATE_TO {id: fid}]->(o:Unit)
  RETURN s.name AS subject, 'is subordinate to' AS relation, o.name AS object, null AS date_min, null AS date_max
  UNION
  MATCH (s:Person)-[:HELD]->(post:Post {id: fid})-[:IN]->(o:Unit)
  RETURN s.name AS subject, 'post: ' + post.role AS relation, o.name AS object, post.start_max AS date_min,
         post.end_min AS date_max
}
RETURN fid AS fact_id, subject, relation, object, date_min, date_max
