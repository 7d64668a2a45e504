// Incidents in a time window with their places (coordinates when known) and how many agents are named.
// Parameters: $date_from, $date_to ('YYYY-MM-DD'), $limit.
MATCH (i:Incident)
WHERE i.date_min IS NOT NULL AND i.date_max >= $date_from AND i.date_min <= $date_to
OPTIONAL MATCH (i)-[:OCCURRED_AT]->(place:Place)
OPTIONAL MATCH (agent)-[:PERPETRATED|ORDERED]->(i)
RETURN i {.*} AS incident, collect(DISTINCT place {.id, .name, .lat, .lon, .kind}) AS places,
       count(DISTINCT agent) AS agents
ORDER BY incident.date_min
LIMIT $limit
