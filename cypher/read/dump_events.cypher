// Every event with its incidents, the testimonies behind them, dates, places, violations and who carried it
// out or ordered it (links whose claims are all rejected left out). Parameters: none.
MATCH (e:Event)<-[:PART_OF]-(i:Incident)
OPTIONAL MATCH (c:Claim {fact_id: i.id})
OPTIONAL MATCH (i)-[:OCCURRED_AT]->(pl:Place)
OPTIONAL MATCH (a)-[r:PERPETRATED]->(i)
  WHERE EXISTS { MATCH (rc:Claim {fact_id: r.id}) WHERE rc.status <> 'rejected' }
OPTIONAL MATCH (o)-[q:ORDERED]->(i)
  WHERE EXISTS { MATCH (qc:Claim {fact_id: q.id}) WHERE qc.status <> 'rejected' }
RETURN e.id AS id, collect(DISTINCT i.id) AS incident_ids, collect(DISTINCT c.testimony_id) AS testimony_ids,
       e.date_min AS date_min, e.date_max AS date_max, e.precision AS precision, collect(DISTINCT pl.id) AS places,
       e.violations AS violations, collect(DISTINCT a.id) AS perpetrators, collect(DISTINCT o.id) AS ordered_by
ORDER BY id
