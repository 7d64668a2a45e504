// An analyst's decision that two mentions are one person (accepted: must-link) or not (refused:
// cannot-link), kept as data and obeyed by every resolution run; a later decision on the same pair
// replaces the earlier one.
UNWIND $rows AS row
MERGE (n:MergeDecision {id: row.id})
SET n.person_a = row.person_a, n.person_b = row.person_b, n.mention_a = row.mention_a, n.mention_b = row.mention_b,
    n.status = row.status, n.decided_by = row.decided_by, n.decided_at = row.decided_at, n.note = row.note
RETURN collect(row.id) AS ids
