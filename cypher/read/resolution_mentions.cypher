// Every mention record of a testimony whose ingest finished (the resolution stage's input): the fields it
// compares, what the person rows show, and the last run's outcome (to write only what changed).
MATCH (t:Testimony)
WHERE t.ingested_at IS NOT NULL
MATCH (m:Mention {testimony_id: t.id})
RETURN m {.id, .local_key, .name, .texts, .surname, .given_name, .patronymic, .given_is_initial, .gender,
          .rank_order, .unit_ids, .scene_ids, .date_min, .date_max, .co_named, .distinct_from, .not_given, .person_id,
          .match_reasons} AS mention
ORDER BY mention.id
