// Persons a resolution run left without mentions or facts. Parameters: $ids.
UNWIND $ids AS id
MATCH (p:Person {id: id})
WHERE NOT EXISTS { (p)--() }
DELETE p
RETURN count(*) AS dropped
