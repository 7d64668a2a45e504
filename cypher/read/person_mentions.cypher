// The mentions that make a person, each with why it joined (probability and the comparison weights of the
// resolution stage) and any look-alike characters in the name as written. Parameters: $person_id.
MATCH (m:Mention)-[:REFERS_TO]->(:Person {id: $person_id})
OPTIONAL MATCH (t:Testimony {id: m.testimony_id})
RETURN m {.id, .testimony_id, .name, .texts, .starts, .ends, .rank, .position, .unit_ids, .date_min, .date_max,
          .language, .script, .name_flags, .match_probability, .match_reasons} AS mention,
       t.received AS received, t.language AS testimony_language
ORDER BY m.match_probability DESC, m.id
