UNWIND $rows AS row
MERGE (n:Incident {id: row.id})
SET n.label = coalesce(n.label, row.label),
    n.date_min = coalesce(n.date_min, row.date_min),
    n.date_max = coalesce(n.date_max, row.date_max),
    n.precision = coalesce(n.precision, row.precision),
    n.stage = coalesce(n.stage, row.stage),
    n.violations = reduce(acc = coalesce(n.violations, []), x IN coalesce(row.violations, []) | CASE WHEN x IN acc THEN acc ELSE acc + x END)
RETURN collect(row.id) AS ids
