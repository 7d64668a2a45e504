// Which of these testimony ids are completely ingested (their facts written, ingested_at set).
// Parameters: $ids (list of SHA-256 hex strings).
UNWIND $ids AS id
MATCH (t:Testimony {id: id})
WHERE t.ingested_at IS NOT NULL
RETURN t.id AS id
