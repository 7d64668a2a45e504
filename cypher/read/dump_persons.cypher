// Every person with the mentions that make it (testimony, file, spans) and every post its mentions tell,
// posts without a claim that is not rejected left out. Parameters: none.
MATCH (p:Person)
CALL (p) {
  OPTIONAL MATCH (m:Mention)-[:REFERS_TO]->(p)
  OPTIONAL MATCH (t:Testimony {id: m.testimony_id})
  RETURN collect(CASE WHEN m IS NULL THEN null ELSE {id: m.id, testimony_id: m.testimony_id,
                 source_file: t.source_file, starts: m.starts, ends: m.ends, texts: m.texts,
                 probability: m.match_probability} END) AS mentions
}
CALL (p) {
  OPTIONAL MATCH (p)-[:HELD]->(post:Post)-[:IN]->(u:Unit)
  WHERE NOT EXISTS { MATCH (c:Claim {fact_id: post.id}) }
     OR EXISTS { MATCH (c:Claim {fact_id: post.id}) WHERE c.status <> 'rejected' }
  RETURN collect(CASE WHEN post IS NULL THEN null ELSE post {.*, unit_id: u.id, unit: u.name} END) AS posts
}
RETURN p.id AS id, p.name AS name, p.names AS names, mentions, posts
ORDER BY id
