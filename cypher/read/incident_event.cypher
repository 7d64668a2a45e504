// The event an incident is part of: how many testimonies tell it and its other incidents (none: no row).
// Parameters: $incident_id.
MATCH (:Incident {id: $incident_id})-[:PART_OF]->(e:Event)<-[part:PART_OF]-(i:Incident)
RETURN e {.*} AS event, collect({id: i.id, label: i.label, probability: part.probability}) AS incidents
