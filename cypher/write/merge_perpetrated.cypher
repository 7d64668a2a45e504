// The agent is a Person or a Unit (both looked up by their unique id).
UNWIND $rows AS row
OPTIONAL MATCH (p:Person {id: row.source})
OPTIONAL MATCH (u:Unit {id: row.source})
WITH row, coalesce(p, u) AS a
WHERE a IS NOT NULL
MATCH (b:Incident {id: row.target})
MERGE (a)-[r:PERPETRATED {id: row.id}]->(b)
SET r.mention = row.mention
RETURN collect(row.id) AS ids
