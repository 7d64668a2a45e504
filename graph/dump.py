"""``python -m graph dump OUT_DIR``: the graph as JSON lines for analysts and other tools.

* ``persons.jsonl``: id, name, names, mentions ``[{testimony_id, source_file, start, end, text,
  mention_id, probability}]`` (one per span), posts ``[{unit_id, unit, role, rank, start_min, start_max,
  end_min, end_max, precision}]`` (joined per unit and role, see graph/posts.py);
* ``units.jsonl``: id, name, names, kind, parent_ids, parents ``[{id, kind}]``;
* ``incidents.jsonl``: id, event_id, testimony_ids, acts ``[{testimony_id, start, end, text}]``, date_min,
  date_max, precision, places, violations, perpetrators, ordered_by (an incident is one testimony's episode);
* ``events.jsonl``: id, incident_ids, testimony_ids, date_min, date_max, precision, places, violations,
  perpetrators, ordered_by (an event is one real event, told by one or more testimonies);
* ``testimonies.jsonl``: id, source_file (as given to ingest), language, source_type, received, ingested_at;
* with ``--chains``, ``chains.jsonl``: the command chain of every incident that has agents, as
  ``python -m graph chain ID --json`` prints it.
Victims are not in the graph, so they are not in the dump; links whose claims are all rejected are left out.
"""
from __future__ import annotations

import json
from pathlib import Path

import neo4j

from graph import chain, posts, queries

POST_FIELDS = ("unit_id", "unit", "role", "rank", "start_min", "start_max", "end_min", "end_max", "precision")


def dump(driver: neo4j.Driver, database: str, out_dir: Path, chains: bool = False) -> dict[str, int]:
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, shape in (("persons", _person), ("units", dict), ("incidents", dict), ("events", dict),
                        ("testimonies", dict)):
        with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session, \
                (out_dir / f"{name}.jsonl").open("w", encoding="utf-8") as out:
            counts[name] = 0
            for record in session.run(queries.get(f"dump_{name}")):
                out.write(json.dumps(shape(record.data()), ensure_ascii=False, sort_keys=True) + "\n")
                counts[name] += 1
    if chains:
        counts["chains"] = _dump_chains(driver, database, out_dir / "chains.jsonl")
    return counts


def _dump_chains(driver: neo4j.Driver, database: str, path: Path) -> int:
    written = 0
    with (path.parent / "incidents.jsonl").open(encoding="utf-8") as incidents, path.open("w", encoding="utf-8") as out:
        for line in incidents:
            incident = json.loads(line)
            if not incident["perpetrators"] and not incident["ordered_by"]:
                continue
            found = chain.command_chain_for_incident(driver, incident["id"], database)
            if found is not None:
                out.write(json.dumps(chain.as_json(found), ensure_ascii=False, sort_keys=True) + "\n")
                written += 1
    return written


def _person(row: dict) -> dict:
    mentions = [{"testimony_id": m["testimony_id"], "source_file": m["source_file"], "start": start, "end": end,
                 "text": text, "mention_id": m["id"], "probability": m["probability"]}
                for m in row["mentions"] for start, end, text in zip(m["starts"], m["ends"], m["texts"])]
    return {"id": row["id"], "name": row["name"], "names": row["names"] or [],
            "mentions": sorted(mentions, key=lambda m: (m["testimony_id"], m["start"])),
            "posts": [{k: p.get(k) for k in POST_FIELDS} for p in posts.joined(row["posts"])]}
