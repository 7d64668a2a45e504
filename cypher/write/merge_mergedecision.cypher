// An analyst's decision on a proposed merge of two persons (accepted or refused), kept as data; a later
// decision on the same pair replaces the earlier one.
UNWIND $rows AS row
MERGE (n:MergeDecision {id: row.id})
SET n.person_a = row.person_a, n.person_b = row.person_b, n.status = row.status,
    n.decided_by = row.decided_by, n.decided_at = row.decided_at, n.note = row.note
RETURN row.id AS id
