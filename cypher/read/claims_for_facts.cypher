// The claims behind a list of facts (node or relationship ids), with the testimony each cites and the
// account it belongs to (a near-duplicate re-telling counts with the testimony it re-tells).
// Parameters: $fact_ids; $testimony_ids (null: every testimony; else only claims citing one of them, and
// claims of reference sources, which cite none).
UNWIND $fact_ids AS fid
MATCH (c:Claim {fact_id: fid})
WHERE $testimony_ids IS NULL OR c.testimony_id IS NULL OR c.testimony_id IN $testimony_ids
OPTIONAL MATCH (c)-[:CITES]->(t:Testimony)
RETURN c {.*} AS claim, t.id AS testimony_id, t.language AS testimony_language, t.received AS testimony_received,
       coalesce(t.account, t.id) AS account, t.consent AS testimony_consent
ORDER BY c.fact_id, c.confidence DESC, c.id
