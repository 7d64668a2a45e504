// A person (and the persons an analyst merged with them) with every post held.
// Parameters: $ids (the person's id and accepted merges).
MATCH (p:Person) WHERE p.id IN $ids
OPTIONAL MATCH (p)-[:HELD]->(post:Post)-[:IN]->(u:Unit)
RETURN p {.*} AS person,
       collect(CASE WHEN post IS NULL THEN null
                    ELSE post {.*, unit_id: u.id, unit_name: u.name, person_id: p.id} END) AS posts
