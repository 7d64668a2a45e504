// Who carried out or ordered an incident, and the units their posts were in at that time; and the unit
// in whose premises (custody) it took place, when it took place in a facility (a police department,
// Okrestina, a court) and that unit is not already an agent.
// Parameters: $incident_id. Dates are 'YYYY-MM-DD' strings; a missing bound of a post means "unknown".
// post_certainty: 'certain' when the post surely covers the whole incident range, 'possible' when it may overlap.
// An incident its testimony does not date (or bounds only by when it was written down) takes the dates of its
// event, the other accounts that tell it (dated_by_event); event_incidents are the dated incidents of its event.
MATCH (i:Incident {id: $incident_id})
OPTIONAL MATCH (i)-[:PART_OF]->(e:Event)
WITH i, e, i.date_min IS NULL AND e.date_min IS NOT NULL AND e.date_max IS NOT NULL
           AND e.date_max <= coalesce(i.date_max, '9999-12-31') AS by_event
WITH i, e, by_event,
     CASE WHEN by_event THEN e.date_min ELSE coalesce(i.date_min, '0000-01-01') END AS wmin,
     CASE WHEN by_event THEN e.date_max ELSE coalesce(i.date_max, '9999-12-31') END AS wmax
CALL (e) {
  OPTIONAL MATCH (e)<-[:PART_OF]-(told:Incident) WHERE told.date_min IS NOT NULL
  RETURN collect(told.id) AS event_incidents
}
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
RETURN i {.*, dated_by_event: CASE WHEN by_event THEN e.id END, event_testimonies: e.testimonies} AS incident,
       wmin, wmax, event_incidents,
       agent.id AS agent_id, agent.name AS agent_name, labels(agent)[0] AS agent_kind,
       CASE type(act) WHEN 'OCCURRED_AT' THEN 'custody' ELSE toLower(type(act)) END AS role, act.id AS act_id,
       post {.*} AS post,
       CASE WHEN post IS NULL THEN null
            WHEN coalesce(post.start_max, '9999-12-31') <= wmin AND coalesce(post.end_min, '0000-01-01') >= wmax
            THEN 'certain' ELSE 'possible' END AS post_certainty,
       unit.id AS unit_id, unit.name AS unit_name
ORDER BY agent_name, unit_name
