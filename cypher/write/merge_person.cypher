// Persons (officials). First value written wins for scalars; name variants accumulate.
UNWIND $rows AS row
MERGE (n:Person {id: row.id})
SET n.name = coalesce(n.name, row.name),
    n.names = reduce(acc = coalesce(n.names, []), x IN coalesce(row.names, []) | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    n.surname = coalesce(n.surname, row.surname),
    n.given_name = coalesce(n.given_name, row.given_name),
    n.patronymic = coalesce(n.patronymic, row.patronymic),
    n.gender = coalesce(n.gender, row.gender)
RETURN row.id AS id
