// An analyst's decision that two incidents tell one event (accepted) or two (refused), kept as data and
// obeyed by every event resolution run; a later decision on the same pair replaces the earlier one.
UNWIND $rows AS row
MERGE (n:EventDecision {id: row.id})
SET n.incident_a = row.incident_a, n.incident_b = row.incident_b, n.event_a = row.event_a, n.event_b = row.event_b,
    n.status = row.status, n.decided_by = row.decided_by, n.decided_at = row.decided_at, n.note = row.note
RETURN collect(row.id) AS ids
