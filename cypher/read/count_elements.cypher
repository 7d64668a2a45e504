// Numbers of nodes per label and relationships per type (for idempotence checks and reports).
CALL () { MATCH (n) RETURN 'node' AS element, labels(n)[0] AS name, count(*) AS count
          UNION ALL
          MATCH ()-[r]->() RETURN 'relationship' AS element, type(r) AS name, count(*) AS count }
RETURN element, name, count ORDER BY element, name
