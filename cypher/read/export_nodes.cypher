// The selected persons, units, incidents and places with all their properties. Parameters: $ids.
CALL () {
  MATCH (n:Person) WHERE n.id IN $ids RETURN 'Person' AS label, n {.*} AS props
  UNION ALL
  MATCH (n:Unit) WHERE n.id IN $ids RETURN 'Unit' AS label, n {.*} AS props
  UNION ALL
  MATCH (n:Incident) WHERE n.id IN $ids RETURN 'Incident' AS label, n {.*} AS props
  UNION ALL
  MATCH (n:Place) WHERE n.id IN $ids RETURN 'Place' AS label, n {.*} AS props
}
RETURN label, props
