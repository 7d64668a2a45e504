// The MinHash signatures of the ingested testimonies and the account each belongs to (ingest/duplicates.py).
MATCH (t:Testimony)
WHERE t.ingested_at IS NOT NULL AND t.minhash IS NOT NULL
RETURN t.id AS id, t.account AS account, t.minhash AS minhash
ORDER BY t.ingested_at, t.id
