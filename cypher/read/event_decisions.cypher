// Analysts' decisions on pairs of incidents: accepted (one event) and refused (two events), oldest first.
MATCH (d:EventDecision)
WHERE d.incident_a IS NOT NULL AND d.incident_b IS NOT NULL
RETURN d.incident_a AS incident_a, d.incident_b AS incident_b, d.status AS status
ORDER BY d.decided_at
