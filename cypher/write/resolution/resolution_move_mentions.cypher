// Point each mention at its person, and move what its testimony says of that person (posts held,
// acts carried out or ordered: relationships carrying the mention's id) from the person it was on.
// Parameters: $rows ({mention, person, refers_id, probability, reasons}). Claims are untouched: they
// cite facts by id, and the ids belong to the mention, not to the person.
UNWIND $rows AS row
MATCH (m:Mention {id: row.mention})
MATCH (p:Person {id: row.person})
OPTIONAL MATCH (m)-[old:REFERS_TO]->(q:Person) WHERE q <> p
CALL (m, p, q) {
  MATCH (q)-[r:HELD]->(post:Post) WHERE r.mention = m.id
  CREATE (p)-[moved:HELD]->(post) SET moved = properties(r)
  DELETE r
  RETURN count(moved) AS held
}
CALL (m, p, q) {
  MATCH (q)-[r:PERPETRATED]->(i:Incident) WHERE r.mention = m.id
  CREATE (p)-[moved:PERPETRATED]->(i) SET moved = properties(r)
  DELETE r
  RETURN count(moved) AS perpetrated
}
CALL (m, p, q) {
  MATCH (q)-[r:ORDERED]->(i:Incident) WHERE r.mention = m.id
  CREATE (p)-[moved:ORDERED]->(i) SET moved = properties(r)
  DELETE r
  RETURN count(moved) AS ordered
}
FOREACH (x IN CASE WHEN old IS NULL THEN [] ELSE [old] END | DELETE x)
MERGE (m)-[link:REFERS_TO {id: row.refers_id}]->(p)
SET link.probability = row.probability,
    m.person_id = row.person, m.match_probability = row.probability, m.match_reasons = row.reasons
RETURN count(m) AS mentions, sum(held + perpetrated + ordered) AS moved
