// Claims are written once: re-ingesting never resets an analyst's review (status, reviewed_by, ...).
// The claim's CITES relationship to its testimony is written here too, when the testimony exists.
UNWIND $rows AS row
MERGE (c:Claim {id: row.id})
ON CREATE SET c += row
WITH c, row
OPTIONAL MATCH (t:Testimony {id: row.testimony_id})
FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (c)-[:CITES]->(t))
RETURN collect(row.id) AS ids
