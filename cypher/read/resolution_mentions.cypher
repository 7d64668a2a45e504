// Every mention record of a testimony whose ingest finished (the resolution stage's input).
MATCH (m:Mention)
WHERE EXISTS { MATCH (t:Testimony {id: m.testimony_id}) WHERE t.ingested_at IS NOT NULL }
RETURN m {.*} AS mention
ORDER BY m.id
