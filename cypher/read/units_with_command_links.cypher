// Which of the given units have a superior through a command link at any date: a unit that has one, but
// none in force during a window, has a superior that is unknown at that date (not the top of a chain).
// Parameters: $unit_ids.
UNWIND $unit_ids AS unit_id
MATCH (u:Unit {id: unit_id})
RETURN u.id AS unit_id, COUNT { (u)-[s:SUBORDINATE_TO]->() WHERE s.kind = 'command' } > 0 AS has_command_link
