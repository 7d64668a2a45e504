UNWIND $rows AS row
MATCH (a:Unit {id: row.source})
MATCH (b:Unit {id: row.target})
MERGE (a)-[r:SUBORDINATE_TO {id: row.id}]->(b)
SET r.kind = row.kind,
    r.start_min = row.start_min,
    r.start_max = row.start_max,
    r.end_min = row.end_min,
    r.end_max = row.end_max,
    r.precision = row.precision
RETURN collect(row.id) AS ids
