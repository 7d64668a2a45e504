// A mention record (an official as one testimony names him or her). Ingest writes what the text says;
// person_id, match_probability and match_reasons belong to the resolution stage (written only when given,
// so re-ingesting never undoes a resolution).
UNWIND $rows AS row
MERGE (n:Mention {id: row.id})
SET n.testimony_id = row.testimony_id, n.local_key = row.local_key, n.name = row.name, n.texts = row.texts,
    n.starts = row.starts, n.ends = row.ends, n.surname = row.surname, n.given_name = row.given_name,
    n.patronymic = row.patronymic, n.given_is_initial = row.given_is_initial, n.gender = row.gender,
    n.rank = row.rank, n.rank_order = row.rank_order, n.position = row.position, n.unit_ids = row.unit_ids,
    n.scene_ids = row.scene_ids,
    n.date_min = row.date_min, n.date_max = row.date_max, n.language = row.language, n.script = row.script,
    n.co_named = row.co_named, n.name_flags = row.name_flags, n.distinct_from = row.distinct_from,
    n.not_given = row.not_given,
    n.person_id = coalesce(row.person_id, n.person_id),
    n.match_probability = coalesce(row.match_probability, n.match_probability),
    n.match_reasons = coalesce(row.match_reasons, n.match_reasons)
RETURN collect(row.id) AS ids
