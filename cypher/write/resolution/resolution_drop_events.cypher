// Events no incident is part of any more (after a resolution run). Parameters: none.
MATCH (e:Event)
WHERE NOT EXISTS { (e)<-[:PART_OF]-() }
DELETE e
RETURN count(*) AS dropped
