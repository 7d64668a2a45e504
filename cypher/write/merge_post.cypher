// A dated post's id covers person, unit, role and dates, so merging it again changes nothing.
// An observed post (a testimony saw the person in post at some date) has one id per person, unit and
// role; each observation widens what is known: the start is no later than the earliest sighting
// (start_max = min) and the end no earlier than the latest (end_min = max). min/max do not depend on
// the order testimonies arrive in, so re-ingesting in any order gives the same post. seen_at gathers the
// incidents during which the person was seen in the post (each once).
UNWIND $rows AS row
MERGE (n:Post {id: row.id})
SET n.role = coalesce(n.role, row.role),
    n.title = coalesce(n.title, row.title),
    n.rank = coalesce(n.rank, row.rank),
    n.command = coalesce(n.command, row.command),
    n.start_min = coalesce(n.start_min, row.start_min),
    n.start_max = CASE WHEN n.start_max IS NULL OR row.start_max < n.start_max THEN row.start_max ELSE n.start_max END,
    n.end_min = CASE WHEN n.end_min IS NULL OR row.end_min > n.end_min THEN row.end_min ELSE n.end_min END,
    n.end_max = coalesce(n.end_max, row.end_max),
    n.precision = coalesce(n.precision, row.precision),
    n.seen_at = coalesce(n.seen_at, []) + [i IN coalesce(row.seen_at, []) WHERE NOT i IN coalesce(n.seen_at, [])]
RETURN collect(row.id) AS ids
