// An incident is part of an event (the resolution stage replaces the link when the event changes).
UNWIND $rows AS row
MATCH (a:Incident {id: row.source})
MATCH (b:Event {id: row.target})
OPTIONAL MATCH (a)-[old:PART_OF]->(other:Event) WHERE other <> b
DELETE old
MERGE (a)-[r:PART_OF {id: row.id}]->(b)
SET r.probability = row.probability, r.reasons = row.reasons
RETURN collect(row.id) AS ids
