// What a testimony whose write failed half-way left behind, so that it is as if it had never been
// written: its claims, incidents, mention records and the posts and acts they tell, the Testimony node
// and its victim (unless the victim gave another testimony), and provisional persons left with nothing.
// Shared structure (units, places, sources) stays. Parameters: $id, $incident_prefix, $person_ids.
CALL () {
  MATCH (c:Claim {testimony_id: $id})
  DETACH DELETE c
}
CALL () {
  MATCH (i:Incident) WHERE i.id STARTS WITH $incident_prefix
  DETACH DELETE i
}
CALL () {
  MATCH (m:Mention {testimony_id: $id})-[:REFERS_TO]->(:Person)-[h:HELD]->(post:Post)
  WHERE h.mention = m.id
  DELETE h
  WITH DISTINCT post
  WHERE NOT EXISTS { ()-[:HELD]->(post) }
  DETACH DELETE post
}
CALL () {
  MATCH (m:Mention {testimony_id: $id})
  DETACH DELETE m
}
CALL () {
  MATCH (t:Testimony {id: $id})
  OPTIONAL MATCH (v:Victim)-[:GAVE]->(t)
  DETACH DELETE t
  WITH DISTINCT v
  WHERE v IS NOT NULL AND NOT EXISTS { (v)-[:GAVE]->() }
  DETACH DELETE v
}
CALL () {
  UNWIND $person_ids AS person_id
  MATCH (p:Person {id: person_id})
  WHERE NOT EXISTS { (p)--() }
  DELETE p
}
RETURN $id AS id
