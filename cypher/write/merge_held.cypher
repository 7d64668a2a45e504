UNWIND $rows AS row
MATCH (a:Person {id: row.source})
MATCH (b:Post {id: row.target})
MERGE (a)-[r:HELD {id: row.id}]->(b)
SET r.mention = row.mention
RETURN collect(row.id) AS ids
