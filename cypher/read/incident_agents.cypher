// Who carried out or ordered an incident, and the units their posts were in at that time; and the unit
// in whose premises (custody) it took place, when it took place in a facility (a police department,
// Okrestina, a court) and that unit is not already an agent.
// Parameters: $incident_id. Dates are 'YYYY-MM-DD' strings; a missing bound of a post means "unknown".
// post_certainty: 'certain' when the post surely covers the whole incident range, 'possible' when it may overlap.
MATCH (i:Incident {id: $incident_id})
WITH i, coalesce(i.date_min, '0000-01-01') AS wmin, coalesce(i.date_max, '9999-12-31') AS wmax
CALL (i, wmin, wmax) {
  MATCH (p:Person)-[act:PERPETRATED|ORDERED]->(i)
  OPTIONAL MATCH (p)-[:HELD]->(post:Post)-[:IN]->(u:Unit)
    WHERE coalesce(post.start_min, '0000-01-01') <= wmax AND coalesce(post.end_max, '9999-12-31') >= wmin
  RETURN p AS agent, act, post, u AS unit
  UNION
  MATCH (u:Unit)-[act:PERPETRATED]->(i)
  RETURN u AS agent, act, null AS post, u AS unit
  UNION
  MATCH (i)-[act:OCCURRED_AT]->(premises:Place {kind: 'facility'})
  MATCH (u:Unit {id: premises.unit})
  WHERE NOT EXISTS { (u)-[:PERPETRATED]->(i) }
  RETURN u AS agent, act, null AS post, u AS unit
}
RETURN i {.*} AS incident, wmin, wmax,
       agent.id AS agent_id, agent.name AS agent_name, labels(agent)[0] AS agent_kind,
       CASE type(act) WHEN 'OCCURRED_AT' THEN 'custody' ELSE toLower(type(act)) END AS role, act.id AS act_id,
       post {.*} AS post,
       CASE WHEN post IS NULL THEN null
            WHEN coalesce(post.start_max, '9999-12-31') <= wmin AND coalesce(post.end_min, '0000-01-01') >= wmax
            THEN 'certain' ELSE 'possible' END AS post_certainty,
       unit.id AS unit_id, unit.name AS unit_name
ORDER BY agent_name, unit_name
