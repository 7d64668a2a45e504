// Every incident of a finished testimony with what event resolution compares: its testimony, dates,
// places (OCCURRED_AT), the units who carried it out or ordered it and the (resolved) persons who carried it
// out (a commander who ordered many acts that day is no sign that two accounts tell one), its violations,
// and its current event. Links whose claims are all rejected are left out.
// (An ingested incident's id is incident:<first 16 hex digits of its testimony>:<offset>.)
MATCH (t:Testimony) WHERE t.ingested_at IS NOT NULL
MATCH (i:Incident) WHERE i.id STARTS WITH 'incident:' + left(t.id, 16) + ':'
WITH t.id AS testimony_id, i
CALL (i) {
  OPTIONAL MATCH (i)-[:OCCURRED_AT]->(p:Place)
  RETURN collect(DISTINCT p.id) AS places
}
CALL (i) {
  OPTIONAL MATCH (a)-[r:PERPETRATED|ORDERED]->(i)
  WHERE EXISTS { MATCH (c:Claim {fact_id: r.id}) WHERE c.status <> 'rejected' }
  RETURN collect(DISTINCT CASE WHEN a:Unit THEN a.id END) AS units,
         collect(DISTINCT CASE WHEN a:Person AND type(r) = 'PERPETRATED' THEN a.id END) AS persons
}
OPTIONAL MATCH (i)-[part:PART_OF]->(e:Event)
RETURN i.id AS id, testimony_id, i.date_min AS date_min, i.date_max AS date_max, i.precision AS precision,
       i.violations AS violations, i.stage AS stage, places, units, persons, e.id AS event_id, part.probability AS probability,
       part.reasons AS reasons
ORDER BY id
