UNWIND $rows AS row
MATCH (a:Victim {id: row.source})
MATCH (b:Testimony {id: row.target})
MERGE (a)-[r:GAVE {id: row.id}]->(b)
RETURN collect(row.id) AS ids
