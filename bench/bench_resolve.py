"""Benchmark: the resolution stage over N mention records (prints figures; asserts nothing).

    python -m bench.bench_resolve [--mentions 100000] [--seed 1]

EMPTIES the database, writes N synthetic Mention records (invented officials: surnames built from
syllables, given names and patronymics from the lexicon, written in full, with initials, by surname
alone or in Latin script; units and dates), each on its provisional person in an ingested testimony,
then times one full resolution run (read, score with Splink, cluster, write) and a second run, which
should move nothing. Run it against a server of its own (PKG_NEO4J_HOME / PKG_NEO4J_BOLT_PORT).
"""
from __future__ import annotations

import argparse
import random
import resource
import time

from anyascii import anyascii

from graph import model, schema
from graph.connection import open_driver
from graph.resolve import resolve
from graph.writer import BatchWriter
from nlp import lexicon as lexicon_module
from nlp import names

SYLLABLES = ("ка", "ро", "ше", "ви", "ло", "ман", "дер", "гу", "ба", "сто", "ли", "ко", "ра", "ни", "зу", "пе", "ту",
             "мо", "чи", "жа")
ENDINGS = ("ов", "ев", "ин", "ский", "ич", "енко", "ук", "ко")
UNITS = ("unit:omon-minsk", "unit:gubopik", "unit:tsip-minsk", "unit:ruvd-sovetsky", "unit:ruvd-frunzensky",
         "unit:kgb", "unit:gunp", "unit:vv")


def officials(rng: random.Random, count: int, given_names: list[str]) -> list[dict]:
    out = []
    for number in range(count):
        surname = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() + rng.choice(ENDINGS)
        given, father = rng.choice(given_names), rng.choice(given_names)
        out.append({"surname": surname, "given": given.capitalize(), "patronymic": father.capitalize() + "ович",
                    "unit": rng.choice(UNITS), "rank": rng.randint(3, 12), "n": number})
    return out


def mention_rows(rng: random.Random, count: int, people: list[dict]) -> list[dict]:
    weights = [1 / (i + 1) ** 0.8 for i in range(len(people))]  # a few officials named very often
    chosen = rng.choices(people, weights=weights, k=count)
    rows = []
    for number, person in enumerate(chosen):
        form = rng.random()
        surname, given, patronymic = person["surname"], person["given"], person["patronymic"]
        if form < 0.15:
            surname, given, patronymic = anyascii(surname), anyascii(given), None
        elif form < 0.35:
            given, patronymic = given[0] + ".", patronymic[0] + "."
        elif form < 0.6:
            given = patronymic = None
        testimony = f"t{number // 4:07d}"
        text = " ".join(p for p in (given, patronymic, surname) if p)
        key = names.person_key(names.NameParts(surname, given, patronymic, bool(given) and len(given) <= 2),
                               lexicon_module.load())
        day = f"2020-{rng.randint(8, 12):02d}-{rng.randint(1, 28):02d}"
        rows.append({"id": model.fact_id("mention", testimony, key, number), "testimony_id": testimony,
                     "local_key": key, "name": text, "texts": [text], "starts": [0], "ends": [len(text)],
                     "surname": surname, "given_name": given, "patronymic": patronymic,
                     "given_is_initial": bool(given) and len(given) <= 2, "gender": "m" if given else None,
                     "rank_order": person["rank"] if rng.random() < 0.5 else None, "position": None,
                     "unit_ids": [person["unit"]] if rng.random() < 0.6 else [], "date_min": day, "date_max": day,
                     "language": "ru", "script": "cyrillic", "co_named": [], "name_flags": []})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    given_names = sorted({g for g in lexicon_module.load().given_names.values() if g.isalpha()})
    people = officials(rng, max(50, args.mentions // 8), given_names)
    rows = mention_rows(rng, args.mentions, people)
    driver, settings = open_driver()
    with driver:
        schema.delete_everything(driver, settings.database)
        schema.apply(driver, settings.database)
        writer = BatchWriter(driver, settings.database)
        began = time.perf_counter()
        testimonies = sorted({r["testimony_id"] for r in rows})
        writer.write_rows("Testimony", [{"id": t, "language": "ru", "source_type": "document",
                                         "ingested_at": "2026-12-07T00:00:00+00:00"} for t in testimonies])
        writer.write_rows("Person", [{"id": k, "name": k, "names": []} for k in sorted({r["local_key"] for r in rows})])
        writer.write_rows("Mention", rows)
        writer.write_rows("REFERS_TO", [{"id": model.fact_id("refers_to", r["id"]), "source": r["id"],
                                         "target": r["local_key"]} for r in rows])
        print(f"set up {len(rows):,} mentions of {len(people):,} officials in {len(testimonies):,} testimonies "
              f"in {time.perf_counter() - began:.1f} s")
        for label in ("first run", "second run (nothing changed)"):
            began = time.perf_counter()
            report = resolve(driver, settings.database)
            took = time.perf_counter() - began
            stages = ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in report.seconds.items())
            print(f"{label}: {took:.1f} s ({report.mentions / took:,.0f} mentions/s) — {stages}")
            print(f"  {report.line()}; linked by the model {report.linked_by_model}, "
                  f"surname only {report.linked_surname_only}")
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
