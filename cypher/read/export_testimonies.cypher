// The cited testimonies: what may leave with a case file (never the person's identity, only the
// pseudonym). Parameters: $ids.
MATCH (t:Testimony) WHERE t.id IN $ids
OPTIONAL MATCH (v:Victim)-[:GAVE]->(t)
OPTIONAL MATCH (t)-[:FROM_SOURCE]->(s:Source)
RETURN t {.id, .language, .source_type, .received, .word_count, .consent} AS testimony,
       v.pseudonym AS pseudonym, s {.id, .name, .kind, .reliability} AS source
