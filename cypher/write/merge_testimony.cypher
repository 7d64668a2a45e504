// ingested_at is not written here: cypher/write/mark_ingested sets it once the testimony's facts are in.
UNWIND $rows AS row
MERGE (n:Testimony {id: row.id})
SET n.language = coalesce(n.language, row.language),
    n.source_type = coalesce(n.source_type, row.source_type),
    n.received = coalesce(n.received, row.received),
    n.word_count = coalesce(n.word_count, row.word_count),
    n.ingested_at = coalesce(n.ingested_at, row.ingested_at),
    n.title = coalesce(n.title, row.title),
    n.consent = coalesce(n.consent, row.consent),
    n.source_file = coalesce(n.source_file, row.source_file),
    n.text_id = coalesce(n.text_id, row.text_id),
    n.minhash = coalesce(n.minhash, row.minhash),
    n.account = coalesce(n.account, row.account),
    n.account_similarity = coalesce(n.account_similarity, row.account_similarity),
    n.ocr_confidence = coalesce(n.ocr_confidence, row.ocr_confidence),
    n.ocr_pages = coalesce(n.ocr_pages, row.ocr_pages)
RETURN collect(row.id) AS ids
