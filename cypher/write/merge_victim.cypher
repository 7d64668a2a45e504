// Victims are pseudonyms only: no other property exists for them.
UNWIND $rows AS row
MERGE (n:Victim {id: row.id})
SET n.pseudonym = coalesce(n.pseudonym, row.pseudonym)
RETURN collect(row.id) AS ids
