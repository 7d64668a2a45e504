// A post's id covers person, unit, role and dates, so its properties never change once written.
UNWIND $rows AS row
MERGE (n:Post {id: row.id})
SET n.role = coalesce(n.role, row.role),
    n.title = coalesce(n.title, row.title),
    n.rank = coalesce(n.rank, row.rank),
    n.command = coalesce(n.command, row.command),
    n.start_min = coalesce(n.start_min, row.start_min),
    n.start_max = coalesce(n.start_max, row.start_max),
    n.end_min = coalesce(n.end_min, row.end_min),
    n.end_max = coalesce(n.end_max, row.end_max),
    n.precision = coalesce(n.precision, row.precision)
RETURN row.id AS id
