// Ingested testimonies with these text ids (the SHA-256 of the text in a normal dress, ingest/readers.py):
// the same testimony re-saved in another encoding, with other line endings or in Unicode NFD.
// Parameters: $text_ids.
UNWIND $text_ids AS text_id
MATCH (t:Testimony {text_id: text_id})
WHERE t.ingested_at IS NOT NULL
RETURN text_id, min(t.id) AS id
