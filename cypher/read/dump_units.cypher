// Every unit with its names and the units it is subordinate to. Parameters: none.
MATCH (u:Unit)
OPTIONAL MATCH (u)-[s:SUBORDINATE_TO]->(parent:Unit)
RETURN u.id AS id, u.name AS name, u.names AS names, u.kind AS kind,
       collect(DISTINCT parent.id) AS parent_ids,
       collect(DISTINCT CASE WHEN parent IS NULL THEN null ELSE {id: parent.id, kind: s.kind} END) AS parents
ORDER BY id
