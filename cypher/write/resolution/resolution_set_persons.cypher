// The persons of a resolution run, with what their mentions say. Parameters: $rows
// ({id, name, names, surname, given_name, patronymic, gender}).
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
SET p.name = row.name, p.names = row.names, p.surname = row.surname, p.given_name = row.given_name,
    p.patronymic = row.patronymic, p.gender = row.gender
RETURN count(p) AS persons
