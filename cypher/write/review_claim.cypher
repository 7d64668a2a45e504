// An analyst's decision on a claim: confirmed, rejected or conflict, with who, when and a note
// (a correction is a note plus the status). Parameters: $claim_id, $status, $reviewer, $at, $note.
MATCH (c:Claim {id: $claim_id})
SET c.status = $status, c.reviewed_by = $reviewer, c.reviewed_at = $at, c.note = coalesce($note, c.note)
RETURN c.id AS id
