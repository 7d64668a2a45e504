UNWIND $rows AS row
MERGE (n:Source {id: row.id})
SET n.name = coalesce(n.name, row.name),
    n.kind = coalesce(n.kind, row.kind),
    n.reliability = coalesce(n.reliability, row.reliability)
RETURN collect(row.id) AS ids
