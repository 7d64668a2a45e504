// Every incident with the testimonies that tell it, the spans of its acts (claims not rejected), its date
// range, places, violations, and who carried it out or ordered it (links whose claims are all rejected left
// out). Parameters: none.
MATCH (i:Incident)
CALL (i) {
  OPTIONAL MATCH (c:Claim {fact_id: i.id})
  RETURN collect(DISTINCT c.testimony_id) AS testimony_ids,
         [a IN collect(CASE WHEN c.status <> 'rejected' AND c.start IS NOT NULL
                            THEN c {.testimony_id, .start, .end, text: c.excerpt} END) WHERE a IS NOT NULL] AS acts
}
CALL (i) {
  OPTIONAL MATCH (i)-[:OCCURRED_AT]->(pl:Place)
  RETURN collect(DISTINCT pl.id) AS places
}
CALL (i) {
  OPTIONAL MATCH (a)-[r:PERPETRATED]->(i)
  WHERE EXISTS { MATCH (c:Claim {fact_id: r.id}) WHERE c.status <> 'rejected' }
  RETURN collect(DISTINCT a.id) AS perpetrators
}
CALL (i) {
  OPTIONAL MATCH (a)-[r:ORDERED]->(i)
  WHERE EXISTS { MATCH (c:Claim {fact_id: r.id}) WHERE c.status <> 'rejected' }
  RETURN collect(DISTINCT a.id) AS ordered_by
}
OPTIONAL MATCH (i)-[:PART_OF]->(e:Event)
RETURN i.id AS id, e.id AS event_id, testimony_ids, acts, i.stage AS stage, i.date_min AS date_min, i.date_max AS date_max, i.precision AS precision,
       places, i.violations AS violations, perpetrators, ordered_by
ORDER BY id
