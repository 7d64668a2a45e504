// Incidents a person carried out or ordered, where, and who else took part.
// Parameters: $ids (the person's id and accepted merges).
MATCH (p:Person)-[act:PERPETRATED|ORDERED]->(i:Incident)
WHERE p.id IN $ids
OPTIONAL MATCH (i)-[:OCCURRED_AT]->(place:Place)
OPTIONAL MATCH (other)-[other_act:PERPETRATED|ORDERED]->(i)
  WHERE NOT other.id IN $ids
RETURN i {.*} AS incident, toLower(type(act)) AS role, act.id AS fact_id,
       collect(DISTINCT place.name) AS places,
       collect(DISTINCT CASE WHEN other IS NULL THEN null
                             ELSE {id: other.id, name: other.name, label: labels(other)[0],
                                   role: toLower(type(other_act)), fact_id: other_act.id} END) AS others
ORDER BY incident.date_min
