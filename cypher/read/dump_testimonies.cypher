// Every testimony: its id (SHA-256 of the content), the file it came from as given to ingest, language.
MATCH (t:Testimony)
RETURN t.id AS id, t.source_file AS source_file, t.language AS language, t.source_type AS source_type,
       t.received AS received, t.ingested_at AS ingested_at
ORDER BY id
