// Every mention record of a testimony whose ingest finished (the resolution stage's input).
MATCH (t:Testimony)
WHERE t.ingested_at IS NOT NULL
MATCH (m:Mention {testimony_id: t.id})
RETURN m {.*} AS mention
ORDER BY mention.id
