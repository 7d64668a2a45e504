// The last write of a testimony: from now on a re-run skips it (cypher/read/ingested_testimonies).
// The first completion time is kept.
UNWIND $rows AS row
MATCH (t:Testimony {id: row.id})
SET t.ingested_at = coalesce(t.ingested_at, row.ingested_at)
RETURN collect(row.id) AS ids
