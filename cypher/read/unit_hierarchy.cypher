// Every unit with its links to superior units (kind and dates). No parameters.
MATCH (u:Unit)
OPTIONAL MATCH (u)-[s:SUBORDINATE_TO]->(parent:Unit)
RETURN u.id AS id, u.name AS name, u.kind AS kind, u.city AS city,
       collect(CASE WHEN s IS NULL THEN null
                    ELSE {parent: parent.id, kind: s.kind, link_id: s.id, start_min: s.start_min,
                          start_max: s.start_max, end_min: s.end_min, end_max: s.end_max} END) AS parents
