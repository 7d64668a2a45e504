UNWIND $rows AS row
MATCH (a:Testimony {id: row.source})
MATCH (b:Source {id: row.target})
MERGE (a)-[r:FROM_SOURCE {id: row.id}]->(b)
RETURN collect(row.id) AS ids
