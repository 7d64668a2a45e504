// Mentions that stay on the person they point at: only the match probability and its reasons change.
// Parameters: $rows ({mention, person, refers_id, probability, reasons}). Returns the mentions found not
// pointing at that person after all (they are moved instead).
UNWIND $rows AS row
OPTIONAL MATCH (m:Mention {id: row.mention})-[link:REFERS_TO]->(:Person {id: row.person})
FOREACH (_ IN CASE WHEN link IS NULL THEN [] ELSE [1] END |
  SET link.probability = row.probability,
      m.person_id = row.person, m.match_probability = row.probability, m.match_reasons = row.reasons)
RETURN collect(CASE WHEN link IS NULL THEN row END) AS missing
