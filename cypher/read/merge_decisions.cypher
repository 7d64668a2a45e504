// Analysts' decisions on pairs of mentions: accepted (must-link) and refused (cannot-link).
MATCH (d:MergeDecision)
WHERE d.mention_a IS NOT NULL AND d.mention_b IS NOT NULL
RETURN d.mention_a AS mention_a, d.mention_b AS mention_b, d.status AS status
ORDER BY d.decided_at
