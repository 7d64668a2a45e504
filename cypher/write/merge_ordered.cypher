UNWIND $rows AS row
MATCH (a:Person {id: row.source})
MATCH (b:Incident {id: row.target})
MERGE (a)-[r:ORDERED {id: row.id}]->(b)
SET r.mention = row.mention
RETURN collect(row.id) AS ids
