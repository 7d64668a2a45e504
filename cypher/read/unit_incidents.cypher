// Incidents attributed to a unit: carried out by the unit itself, or by a person with a post in it.
// Parameters: $unit_id, $limit.
CALL () {
  MATCH (:Unit {id: $unit_id})-[act:PERPETRATED]->(i:Incident)
  RETURN i, 'the unit' AS through, act.id AS fact_id
  UNION
  MATCH (p:Person)-[:HELD]->(:Post)-[:IN]->(:Unit {id: $unit_id})
  MATCH (p)-[act:PERPETRATED|ORDERED]->(i:Incident)
  RETURN i, p.name AS through, act.id AS fact_id
}
RETURN i {.*} AS incident, through, fact_id
ORDER BY incident.date_min
LIMIT $limit
