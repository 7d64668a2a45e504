UNWIND $rows AS row
MERGE (n:Unit {id: row.id})
SET n.name = coalesce(n.name, row.name),
    n.names = reduce(acc = coalesce(n.names, []), x IN coalesce(row.names, []) | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    n.kind = coalesce(n.kind, row.kind),
    n.city = coalesce(n.city, row.city),
    n.name_full = coalesce(n.name_full, row.name_full)
RETURN collect(row.id) AS ids
