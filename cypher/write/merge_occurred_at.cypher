UNWIND $rows AS row
MATCH (a:Incident {id: row.source})
MATCH (b:Place {id: row.target})
MERGE (a)-[r:OCCURRED_AT {id: row.id}]->(b)
RETURN collect(row.id) AS ids
