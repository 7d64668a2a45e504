// Links the resolution stage proposes for review (graph/resolve), most probable first, with both persons'
// names, the mention each side was met by, and what each person is known for: posts (role, unit, dates)
// and the number of testimonies naming it. Parameters: $limit.
MATCH (n:MergeProposal)
OPTIONAL MATCH (a:Person {id: n.person_a})
OPTIONAL MATCH (b:Person {id: n.person_b})
OPTIONAL MATCH (ma:Mention {id: n.mention_a})
OPTIONAL MATCH (mb:Mention {id: n.mention_b})
RETURN n.id AS id, n.person_a AS person_a, a.name AS name_a, a.names AS names_a,
       n.person_b AS person_b, b.name AS name_b, b.names AS names_b,
       n.mention_a AS mention_a, n.mention_b AS mention_b, ma.texts AS texts_a, mb.texts AS texts_b,
       ma.rank AS rank_a, mb.rank AS rank_b, ma.unit_ids AS units_a, mb.unit_ids AS units_b,
       COLLECT { MATCH (a)-[:HELD]->(p:Post)-[:IN]->(u:Unit)
                 RETURN DISTINCT {role: p.role, unit: u.name, start_min: p.start_min, start_max: p.start_max,
                                  end_min: p.end_min, end_max: p.end_max} } AS posts_a,
       COLLECT { MATCH (b)-[:HELD]->(p:Post)-[:IN]->(u:Unit)
                 RETURN DISTINCT {role: p.role, unit: u.name, start_min: p.start_min, start_max: p.start_max,
                                  end_min: p.end_min, end_max: p.end_max} } AS posts_b,
       COUNT { MATCH (a)<-[:REFERS_TO]-(m:Mention) RETURN DISTINCT m.testimony_id } AS testimonies_a,
       COUNT { MATCH (b)<-[:REFERS_TO]-(m:Mention) RETURN DISTINCT m.testimony_id } AS testimonies_b,
       n.probability AS probability, n.reasons AS reasons, n.kind AS kind
ORDER BY n.probability DESC, n.id
LIMIT $limit
