// An event (a cluster of incidents, written by the resolution stage: graph/resolve/events.py).
UNWIND $rows AS row
MERGE (n:Event {id: row.id})
SET n.date_min = row.date_min, n.date_max = row.date_max, n.precision = row.precision,
    n.violations = row.violations, n.testimonies = row.testimonies, n.incidents = row.incidents
RETURN collect(row.id) AS ids
