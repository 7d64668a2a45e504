// A mention is of a person. Ingest links a new mention to the person of its per-document key; the
// resolution stage moves it (cypher/write/resolution_apply.cypher).
UNWIND $rows AS row
MATCH (a:Mention {id: row.source})
MATCH (b:Person {id: row.target})
MERGE (a)-[r:REFERS_TO {id: row.id}]->(b)
SET r.probability = coalesce(row.probability, r.probability)
RETURN collect(row.id) AS ids
