// Parameters: $incident_id.
MATCH (i:Incident {id: $incident_id})
RETURN i {.*} AS incident
