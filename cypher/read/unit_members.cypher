// Everyone who held any post in a unit. Parameters: $unit_id.
MATCH (p:Person)-[:HELD]->(post:Post)-[:IN]->(:Unit {id: $unit_id})
RETURN p.id AS person_id, p.name AS person_name, post {.*} AS post
ORDER BY post.command DESC, p.name
