// The claims behind a list of facts (node or relationship ids), with the testimony each cites.
// Parameters: $fact_ids.
UNWIND $fact_ids AS fid
MATCH (c:Claim {fact_id: fid})
OPTIONAL MATCH (c)-[:CITES]->(t:Testimony)
RETURN c {.*} AS claim, t.id AS testimony_id, t.language AS testimony_language, t.received AS testimony_received
ORDER BY c.fact_id, c.confidence DESC, c.id
