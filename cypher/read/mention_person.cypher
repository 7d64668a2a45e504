// The person each of these mentions refers to now. Parameters: $ids.
UNWIND $ids AS id
MATCH (:Mention {id: id})-[:REFERS_TO]->(p:Person)
RETURN id AS mention, p.id AS person
