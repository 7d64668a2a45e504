// The command chain above a unit during a date window: the unit itself (level 0) and every unit above it
// through SUBORDINATE_TO {kind: 'command'} links in force during the window, with each command post
// (Post.command = true) whose dates overlap the window.
// Parameters: $unit_id, $wmin, $wmax ('YYYY-MM-DD'), $max_levels.
// A hierarchy link without dates is standing structure; a post without dates is of unknown time.
// *_certainty: 'certain' when the link/post surely covers the whole window, 'possible' when it may overlap.
MATCH (u:Unit {id: $unit_id})
MATCH path = (u) (()-[s:SUBORDINATE_TO]->()
                    WHERE s.kind = 'command'
                      AND coalesce(s.start_min, '0000-01-01') <= $wmax
                      AND coalesce(s.end_max, '9999-12-31') >= $wmin){0,12} (superior:Unit)
WHERE size(s) <= $max_levels
WITH superior, s AS links,
     all(l IN s WHERE coalesce(l.start_max, '0000-01-01') <= $wmin
                  AND coalesce(l.end_min, '9999-12-31') >= $wmax) AS links_certain
OPTIONAL MATCH (commander:Person)-[:HELD]->(cp:Post {command: true})-[:IN]->(superior)
  WHERE coalesce(cp.start_min, '0000-01-01') <= $wmax AND coalesce(cp.end_max, '9999-12-31') >= $wmin
RETURN size(links) AS level, superior.id AS unit_id, superior.name AS unit_name,
       [l IN links | l.id] AS link_ids,
       CASE WHEN links_certain THEN 'certain' ELSE 'possible' END AS link_certainty,
       commander.id AS commander_id, commander.name AS commander_name, cp {.*} AS commander_post,
       CASE WHEN cp IS NULL THEN null
            WHEN coalesce(cp.start_max, '9999-12-31') <= $wmin AND coalesce(cp.end_min, '0000-01-01') >= $wmax
            THEN 'certain' ELSE 'possible' END AS commander_certainty
ORDER BY level, unit_name, commander_name
