// Who held a command post in each of these units on a date: certain when the post surely covers the
// date, possible when its unknown bounds allow it. Parameters: $unit_ids, $date ('YYYY-MM-DD').
UNWIND $unit_ids AS unit_id
MATCH (p:Person)-[:HELD]->(post:Post {command: true})-[:IN]->(u:Unit {id: unit_id})
WHERE coalesce(post.start_min, '0000-01-01') <= $date AND coalesce(post.end_max, '9999-12-31') >= $date
RETURN u.id AS unit_id, p.id AS person_id, p.name AS person_name, post {.*} AS post,
       CASE WHEN coalesce(post.start_max, '9999-12-31') <= $date AND coalesce(post.end_min, '0000-01-01') >= $date
            THEN 'certain' ELSE 'possible' END AS certainty
ORDER BY unit_id, certainty, person_name
