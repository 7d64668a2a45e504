// Every link touching one of $ids, of the types in $types (PERPETRATED, ORDERED, HELD, SUBORDINATE_TO,
// OCCURRED_AT). A post (Person -HELD-> Post -IN-> Unit) is one HELD link carrying the post's properties.
// Each branch starts from an indexed id so a selection never scans the whole graph.
// Parameters: $ids, $types.
CALL () {
  MATCH (i:Incident)<-[r:PERPETRATED|ORDERED]-(a) WHERE i.id IN $ids
  RETURN type(r) AS type, r.id AS fact_id, a.id AS source, i.id AS target, null AS props
  UNION
  MATCH (a:Person)-[r:PERPETRATED|ORDERED]->(i:Incident) WHERE a.id IN $ids
  RETURN type(r) AS type, r.id AS fact_id, a.id AS source, i.id AS target, null AS props
  UNION
  MATCH (a:Unit)-[r:PERPETRATED]->(i:Incident) WHERE a.id IN $ids
  RETURN type(r) AS type, r.id AS fact_id, a.id AS source, i.id AS target, null AS props
  UNION
  MATCH (p:Person)-[:HELD]->(post:Post)-[:IN]->(u:Unit) WHERE p.id IN $ids
  RETURN 'HELD' AS type, post.id AS fact_id, p.id AS source, u.id AS target, post {.*} AS props
  UNION
  MATCH (u:Unit)<-[:IN]-(post:Post)<-[:HELD]-(p:Person) WHERE u.id IN $ids
  RETURN 'HELD' AS type, post.id AS fact_id, p.id AS source, u.id AS target, post {.*} AS props
  UNION
  MATCH (u:Unit)-[s:SUBORDINATE_TO]->(v:Unit) WHERE u.id IN $ids
  RETURN 'SUBORDINATE_TO' AS type, s.id AS fact_id, u.id AS source, v.id AS target, s {.*} AS props
  UNION
  MATCH (v:Unit)<-[s:SUBORDINATE_TO]-(u:Unit) WHERE v.id IN $ids
  RETURN 'SUBORDINATE_TO' AS type, s.id AS fact_id, u.id AS source, v.id AS target, s {.*} AS props
  UNION
  MATCH (i:Incident)-[o:OCCURRED_AT]->(place:Place) WHERE i.id IN $ids
  RETURN 'OCCURRED_AT' AS type, o.id AS fact_id, i.id AS source, place.id AS target, null AS props
}
WITH type, fact_id, source, target, coalesce(props, {id: fact_id}) AS props WHERE type IN $types
RETURN type, fact_id, source, target, props
