UNWIND $rows AS row
MATCH (a:Post {id: row.source})
MATCH (b:Unit {id: row.target})
MERGE (a)-[r:IN {id: row.id}]->(b)
RETURN collect(row.id) AS ids
