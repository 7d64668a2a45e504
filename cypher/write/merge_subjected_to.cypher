UNWIND $rows AS row
MATCH (a:Victim {id: row.source})
MATCH (b:Incident {id: row.target})
MERGE (a)-[r:SUBJECTED_TO {id: row.id}]->(b)
RETURN collect(row.id) AS ids
