// Persons (officials). The display name is the longest form seen (ties: the last in code-point order, so
// Cyrillic before Latin),
// which does not depend on the order testimonies arrive in; other scalars: first value written wins;
// name variants accumulate.
UNWIND $rows AS row
MERGE (n:Person {id: row.id})
SET n.name = CASE WHEN n.name IS NULL OR size(row.name) > size(n.name)
                   OR (size(row.name) = size(n.name) AND row.name > n.name) THEN row.name ELSE n.name END,
    n.names = reduce(acc = coalesce(n.names, []), x IN coalesce(row.names, []) | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    n.surname = coalesce(n.surname, row.surname),
    n.given_name = coalesce(n.given_name, row.given_name),
    n.patronymic = coalesce(n.patronymic, row.patronymic),
    n.gender = coalesce(n.gender, row.gender),
    n.name_full = coalesce(n.name_full, row.name_full),
    n.surname_full = coalesce(n.surname_full, row.surname_full)
RETURN collect(row.id) AS ids
