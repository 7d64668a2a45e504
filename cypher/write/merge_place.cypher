UNWIND $rows AS row
MERGE (n:Place {id: row.id})
SET n.name = coalesce(n.name, row.name),
    n.names = reduce(acc = coalesce(n.names, []), x IN coalesce(row.names, []) | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    n.kind = coalesce(n.kind, row.kind),
    n.lat = coalesce(n.lat, row.lat),
    n.lon = coalesce(n.lon, row.lon),
    n.unit = coalesce(n.unit, row.unit),
    n.name_full = coalesce(n.name_full, row.name_full)
RETURN collect(row.id) AS ids
