"""From one testimony's extraction (the contract JSON of ``nlp``) to model rows with provenance.

Only officials become Person nodes: a person mention counts as an official when it carries a rank or
a position, or is the agent of a post, membership, command, perpetration or order. Everyone else named
in a testimony (the victim, friends, cellmates) is masked in the excerpts and never reaches the graph.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from dataclasses import dataclass, field
from functools import lru_cache

from graph import model
from graph.facts import UNKNOWN, DateRange, Evidence, FactBuilder
from graph.model import COMMAND_ROLES, GraphBatch
from ingest.pseudonymise import mask
from nlp import lexicon as lexicon_module
from nlp import names

_WORDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
OFFICIAL_RELATIONS = ("HELD_POSITION", "MEMBER_OF", "COMMANDED", "PERPETRATED", "ORDERED")
POST_RELATIONS = ("HELD_POSITION", "MEMBER_OF", "COMMANDED")
EXCERPT_REACH = 240          # characters of context either side of a mention, cut at sentence ends
SOURCE_NAMES = {"document": "Documents received by the organisation", "intake_form": "Intake form",
                "telegram": "Feedback bot (Telegram)"}


@dataclass
class TestimonyInfo:
    """What the graph may know about one testimony (nothing that identifies the person)."""
    id: str
    language: str
    source_type: str
    pseudonym: str | None
    received: str | None
    word_count: int
    event_start: str | None = None
    event_end: str | None = None
    source_name: str | None = None
    consent: list[str] = field(default_factory=list)   # consents the person gave (names of form flags)
    source_file: str | None = None                      # the file as given to ingest (identity masked)
    text_id: str | None = None                          # SHA-256 of the text in a normal dress (readers)
    minhash: list[int] | None = None                    # its MinHash signature (ingest/duplicates.py)
    account: str | None = None                          # the testimony whose account it re-tells, if any
    account_similarity: float | None = None
    ocr_confidence: float | None = None                 # the text was read by OCR, with this mean confidence (0-1)
    ocr_pages: int | None = None


@lru_cache(maxsize=1)
def _roles_by_title() -> dict[str, str]:
    """Canonical position title (what relations carry as 'role') -> model role. The commander of a
    company, platoon or shift commands a part of the unit, not the unit: 'subunit_commander', which
    is not a command post of the unit and so never puts them in the unit's chain of command."""
    from nlp.components.relations import SUBUNIT_POSITIONS

    out = {}
    for title in lexicon_module.load().titles.values():
        if title.kind == "position" and title.role:
            role = "subunit_commander" if title.id in SUBUNIT_POSITIONS and title.role in COMMAND_ROLES \
                else title.role
            for name in title.canonical.values():
                out[name.lower()] = role
    return out


def post_role(relation_type: str, title: str | None) -> str:
    if title and title.lower() in _roles_by_title():
        role = _roles_by_title()[title.lower()]
        if role == "subunit_commander" and relation_type == "COMMANDED":
            return "head"  # the head of a directorate the text names as the unit ("head of the Main Directorate ...")
        return "officer" if role == "other" else role
    if relation_type == "COMMANDED":
        return "commander"
    return "member" if relation_type == "MEMBER_OF" else "officer"


def excerpt_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) around [start, end), at most EXCERPT_REACH characters either side."""
    lo = max(0, start - EXCERPT_REACH)
    cut = max(text.rfind(mark, lo, start) for mark in (". ", "! ", "? ", "\n"))
    lo = cut + 1 if cut >= 0 else lo
    hi = min(len(text), end + EXCERPT_REACH)
    ends = [i for i in (text.find(mark, end, hi) for mark in (". ", "! ", "? ", "\n")) if i >= 0]
    hi = min(ends) + 1 if ends else hi
    while lo < start and text[lo].isspace():
        lo += 1
    return lo, hi


MAX_NAME_CHARS = 120   # a "name" longer than this is an extraction artefact (and too large to index)


def officials(extraction: dict) -> set[str]:
    """Ids of person mentions that are officials (see module docstring); all mentions of their key count.
    A mention longer than MAX_NAME_CHARS, or whose "surname" is a known place or facility, is no official."""
    by_id = {e["id"]: e for e in extraction["entities"]}
    keys = set()
    for entity in extraction["entities"]:
        if entity["type"] == "PERSON" and (entity["attrs"].get("rank") or entity["attrs"].get("position")):
            keys.add(entity["key"])
    for relation in extraction["relations"]:
        source = by_id.get(relation["source"])
        if relation["type"] in OFFICIAL_RELATIONS and source and source["type"] == "PERSON":
            keys.add(source["key"])
    # a given name alone names no one across testimonies (and may be a victim's friend): not an official
    lexicon = lexicon_module.load()
    too_long = {e["key"] for e in extraction["entities"] if e["type"] == "PERSON" and (
        len(e["text"]) > MAX_NAME_CHARS or _names_a_place(e["attrs"].get("surname"), lexicon))}
    return {e["id"] for e in extraction["entities"] if e["type"] == "PERSON" and e["key"] in keys - too_long
            and any(o["attrs"].get("surname") for o in extraction["entities"] if o.get("key") == e["key"])}


def _names_a_place(surname: str | None, lexicon) -> bool:
    """ "Маркава з Акрэсціна": a recogniser took the place (or facility) for the surname."""
    if not surname:
        return False
    word = surname.lower()
    return word in lexicon.unit_aliases or word in lexicon.place_forms


def protected_text(text: str, extraction: dict, official_ids: set[str]) -> str:
    """The text used for excerpts: every person who is not an official is masked, and so is every
    given name outside an official's name (a heading "Statement of Iryna, 45, nurse" names no official).
    A name part right next to an official's name (only spaces between) belongs to it: "БЕЛЬСКИЙ Артём"."""
    persons = [e for e in extraction["entities"] if e["type"] == "PERSON"]
    officials_spans = [(e["start"], e["end"]) for e in persons if e["id"] in official_ids]
    candidates = [(e["start"], e["end"]) for e in persons if e["id"] not in official_ids]
    candidates += [w.span() for w in _WORDS.finditer(text) if w.group().lower() in lexicon_module.load().given_names]
    candidates = [c for c in candidates if not any(s <= c[0] and c[1] <= e for s, e in officials_spans)]
    for _ in range(3):  # grow officials' names by adjacent name parts
        adjacent = [c for c in candidates if any(_only_spaces(text, c, o) for o in officials_spans)]
        if not adjacent:
            break
        officials_spans += adjacent
        candidates = [c for c in candidates if c not in adjacent]
    return mask(text, candidates)


def _only_spaces(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    lo, hi = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    return 0 < hi - lo <= 2 and not text[lo:hi].strip()


def _is_given_name(text: str) -> bool:
    words = _WORDS.findall(text)
    return bool(words) and all(w.lower() in lexicon_module.load().given_names for w in words)


def build(info: TestimonyInfo, text: str, extraction: dict, extractor: str, version: str) -> GraphBatch:
    facts = FactBuilder()
    batch = facts.batch
    source_id = f"source:{info.source_type}"
    batch.add_node("Source", {"id": source_id, "name": info.source_name or SOURCE_NAMES.get(info.source_type,
                                                                                          info.source_type),
                              "kind": info.source_type})
    batch.add_node("Testimony", {k: v for k, v in {
        "id": info.id, "language": info.language, "source_type": info.source_type, "received": info.received,
        "word_count": info.word_count, "title": _title(info), "consent": info.consent,
        "source_file": info.source_file, "text_id": info.text_id, "minhash": info.minhash,
        "account": info.account, "account_similarity": info.account_similarity,
        "ocr_confidence": info.ocr_confidence, "ocr_pages": info.ocr_pages}.items() if v is not None})
    facts.link("FROM_SOURCE", info.id, source_id)
    if info.pseudonym:
        batch.add_node("Victim", {"id": info.pseudonym, "pseudonym": info.pseudonym})
        facts.link("GAVE", info.pseudonym, info.id)

    official_ids = officials(extraction)
    safe = protected_text(text, extraction, official_ids)

    def evidence(start: int, end: int, confidence: float, hedged: bool = False,
                 marks: tuple[tuple[int, int], ...] = ()) -> Evidence:
        lo, hi = excerpt_bounds(safe, start, end)
        if info.ocr_confidence is not None:  # read by OCR: a misread letter can make another name or date
            confidence = round(confidence * info.ocr_confidence, 3)
        return Evidence(extractor, version, confidence, testimony_id=info.id, start=start, end=end,
                        excerpt=safe[lo:hi], excerpt_start=lo, hedged=hedged, marks=marks,
                        ocr=info.ocr_confidence is not None)

    nodes: dict[str, tuple[str, str]] = {}  # entity id -> (label, node id)
    events = _event_window(info, extraction)
    records = mention_records(info, extraction, official_ids, events)
    record_of = {e["id"]: records[e["key"]]["id"] for e in extraction["entities"] if e["id"] in official_ids}
    for row in records.values():
        batch.add_node("Mention", row)
        batch.add_relationship("REFERS_TO", {"id": model.fact_id("refers_to", row["id"]), "source": row["id"],
                                             "target": row["local_key"]})
    episodes: dict[str, list[dict]] = {}
    for entity in extraction["entities"]:
        if entity["type"] == "INCIDENT" and entity["key"]:
            episodes.setdefault(entity["key"], []).append(entity)
    first_dated = None if info.event_start else next(  # an intake form's window of the events prevails
        (e for e in extraction["entities"] if e["type"] == "INCIDENT" and e["attrs"].get("date_start")), None)
    for entity in extraction["entities"]:
        proof = evidence(entity["start"], entity["end"], 0.7)
        label_and_id = _entity_node(facts, info.id, entity, official_ids, _undated_window(entity, first_dated, events),
                                    proof, episodes)
        if label_and_id:
            nodes[entity["id"]] = label_and_id
        if entity["id"] in record_of:
            facts.claim(record_of[entity["id"]], "MENTION", proof)

    by_id = {e["id"]: e for e in extraction["entities"]}
    acts = [e for e in extraction["entities"] if e["type"] == "INCIDENT" and e["key"]]
    located: set[str] = set()
    for relation in extraction["relations"]:
        source, target = nodes.get(relation["source"]), nodes.get(relation["target"])
        if not source or not target:
            continue
        attrs = relation.get("attrs", {})
        ends = tuple((by_id[e]["start"], by_id[e]["end"]) for e in (relation["source"], relation["target"]))
        proof = evidence(relation["start"], relation["end"], relation["confidence"], bool(attrs.get("hedged")), ends)
        kind = relation["type"]
        if kind in POST_RELATIONS and source[0] == "Person" and target[0] == "Unit":
            person = by_id[relation["source"]]
            role = post_role(kind, attrs.get("role"))
            start, end = post_bounds(relation, extraction, events, info.received)
            seen_at = None if attrs.get("date_relation") or attrs.get("former") else \
                _episode_at(relation, acts, text, info.id)
            facts.post(source[1], target[1], role, proof, title=attrs.get("role"),
                       rank=person["attrs"].get("rank"), predicate=kind, start=start, end=end, observed=True,
                       mention=record_of.get(relation["source"]), seen_at=[seen_at] if seen_at else None)
        elif kind == "SUBORDINATE_TO" and source[0] == target[0] == "Unit":
            unit = lexicon_module.load().unit(source[1])
            hierarchy = unit.parent_relation if unit and unit.parent == target[1] and unit.parent_relation \
                else "administrative"
            facts.subordinate(source[1], target[1], hierarchy, proof)
        elif kind in ("PERPETRATED", "ORDERED") and target[0] == "Incident" and \
                source[0] in model.RELATIONSHIPS[kind].sources:
            facts.link(kind, source[1], target[1], proof, mention=record_of.get(relation["source"]))
        elif kind == "OCCURRED_AT" and source[0] == "Incident" and target[0] in ("Place", "Unit"):
            place = target[1] if target[0] == "Place" else _facility_place(facts, by_id[relation["target"]])
            facts.link("OCCURRED_AT", source[1], place, proof)
            located.add(source[1])
    _scenes(facts, extraction, nodes, located, evidence)
    return batch


SCENE_CONFIDENCE = 0.5   # where an episode took place, read from the facility or place it opened with


def _scenes(facts: FactBuilder, extraction: dict, nodes: dict[str, tuple[str, str]], located: set[str],
            evidence) -> None:
    """An incident the text does not locate took place at its episode's scene (``attrs.scene``, see
    nlp/components/episodes.py): the place, or the premises of the facility (a police department,
    Okrestina, a court), cited to where the scene is named, with a lower confidence."""
    at = {(e["start"], e["end"]): e for e in extraction["entities"] if e["type"] in ("PLACE", "UNIT") and e["key"]}
    for entity in extraction["entities"]:
        node = nodes.get(entity["id"])
        values = entity["attrs"]
        if entity["type"] != "INCIDENT" or not node or node[1] in located or not values.get("scene"):
            continue
        scene = at.get((values["scene_start"], values["scene_end"]))
        if scene is None or scene["id"] not in nodes:
            continue
        kind, target = nodes[scene["id"]]
        place = target if kind == "Place" else _facility_place(facts, scene)
        facts.link("OCCURRED_AT", node[1], place, evidence(scene["start"], scene["end"], SCENE_CONFIDENCE))
        located.add(node[1])


def mention_records(info: TestimonyInfo, extraction: dict, official_ids: set[str],
                    events: DateRange) -> dict[str, dict]:
    """One Mention row per official this testimony names (all mentions sharing a per-document key): the
    spans, the most complete name parts, rank, position, units, when the person was seen, the other
    officials named alongside; what the resolution stage compares across testimonies."""
    lexicon = lexicon_module.load()
    by_key: dict[str, list[dict]] = {}
    for entity in extraction["entities"]:
        if entity["id"] in official_ids:
            by_key.setdefault(entity["key"], []).append(entity)
    by_id = {e["id"]: e for e in extraction["entities"]}
    scenes = _scenes_of_acts(extraction)
    records = {}
    for key, mentions in by_key.items():
        ids = {m["id"] for m in mentions}
        best = max(mentions, key=lambda m: (sum(bool(m["attrs"].get(f)) for f in ("surname", "given_name",
                                                                                    "patronymic")), len(m["text"])))
        parts = best["attrs"]
        surname = _surname_meant(parts.get("surname"), [m["attrs"].get("surname") for m in mentions])
        given = parts.get("given_name")
        gender = names.patronymic_gender(parts.get("patronymic")) or _gender(given, lexicon) \
            or _gender_of_surname([m["text"] for m in mentions])
        his = _a_mans_name_in_an_oblique_case(given, surname, lexicon)
        if his and not names.patronymic_gender(parts.get("patronymic")):
            given, gender = his, "m"
        rank_id = next((m["attrs"]["rank_id"] for m in mentions if m["attrs"].get("rank_id")), None)
        rank = lexicon.titles.get(rank_id) if rank_id else None
        posts = [r for r in extraction["relations"] if r["source"] in ids and r["type"] in POST_RELATIONS
                 and by_id.get(r["target"], {}).get("type") == "UNIT"]
        seen = [_when_seen(r, extraction, events) for r in posts] or [events]
        known = [w for w in seen if w.min]
        records[key] = {
            "id": model.fact_id("mention", info.id, key), "testimony_id": info.id, "local_key": key,
            "name": display_name(best["canonical"]), "texts": [m["text"] for m in mentions],
            "starts": [m["start"] for m in mentions], "ends": [m["end"] for m in mentions],
            "surname": surname, "given_name": given, "patronymic": parts.get("patronymic"),
            "given_is_initial": bool(given) and len(given.rstrip(".")) <= 2,
            "gender": gender,
            "rank": next((m["attrs"]["rank"] for m in mentions if m["attrs"].get("rank")), None),
            "rank_order": rank.order if rank else None,
            "position": next((m["attrs"]["position_id"] for m in mentions if m["attrs"].get("position_id")), None),
            "unit_ids": sorted({by_id[r["target"]]["key"] for r in posts}),
            "scene_ids": sorted({place for r in extraction["relations"] if r["source"] in ids
                                 and r["type"] in ("PERPETRATED", "ORDERED") for place in scenes.get(r["target"], ())}),
            "date_min": min(w.min for w in known) if known else None,
            "date_max": max(w.max for w in known) if known else None,
            "language": extraction["language"], "script": _script(" ".join(m["text"] for m in mentions)),
            "co_named": sorted({k for k in by_key if k != key}),
            "name_flags": sorted({f for m in mentions for f in m["attrs"].get("name_flags", [])}
                                 | {f for m in mentions for f in names.normalise_for_matching(m["text"])[1]}),
        }
    for key, mentions in by_key.items():  # "Not to be confused with Andrei Lomeiko": never one person
        not_given = sorted({g for m in mentions for g in m["attrs"].get("not_given", [])})
        if not_given:  # the namesake's given name only (he may be no official: his surname is this one's)
            records[key]["not_given"] = not_given
        apart = {k for m in mentions for k in m["attrs"].get("distinct_from", []) if k in records and k != key}
        for other in apart:
            for a, b in ((key, other), (other, key)):
                records[a]["distinct_from"] = sorted(set(records[a].get("distinct_from", [])) | {records[b]["id"]})
    return records


def _scenes_of_acts(extraction: dict) -> dict[str, set[str]]:
    """Act (incident entity) id -> keys of the units and places where its episode took place: the act's own
    OCCURRED_AT, else the scene its episode opened with (``attrs.scene``). Where an official acted says
    which of two namesakes he may be (the one serving there)."""
    by_id = {e["id"]: e for e in extraction["entities"]}
    at = {(e["start"], e["end"]): e["key"] for e in extraction["entities"]
          if e["type"] in ("PLACE", "UNIT") and e["key"]}
    located: dict[str, set[str]] = {}
    for relation in extraction["relations"]:
        target = by_id.get(relation["target"], {})
        if relation["type"] == "OCCURRED_AT" and target.get("key") and target.get("type") in ("PLACE", "UNIT"):
            located.setdefault(relation["source"], set()).add(target["key"])
    episode_scenes: dict[str, set[str]] = {}
    for entity in extraction["entities"]:
        if entity["type"] != "INCIDENT":
            continue
        values = entity["attrs"]
        scene = at.get((values.get("scene_start"), values.get("scene_end"))) if values.get("scene") else None
        places = located.get(entity["id"]) or ({scene} if scene else set())
        episode_scenes.setdefault(entity.get("key") or entity["id"], set()).update(places)
    return {e["id"]: located.get(e["id"]) or episode_scenes.get(e.get("key") or e["id"], set())
            for e in extraction["entities"] if e["type"] == "INCIDENT"}


def _surname_meant(written: str | None, all_written: list[str | None]) -> str | None:
    """The surname a person is written with most often in the text: a surname the text's resolver joined
    as a typo ("Василий Андреевич Сорокид" beside three "Сорокин") is not the one to compare across texts."""
    spellings = [s for s in all_written if s]
    if not written or not spellings:
        return written
    count = Counter(names.skeleton(s) for s in spellings)
    if count[names.skeleton(written)] >= max(count.values()):
        return written
    usual = max(count, key=count.get)
    return next(s for s in spellings if names.skeleton(s) == usual)


# a man's surname in an oblique case: a consonant stem with a case ending ("Дашкевича", "Ковальчуком") or an
# adjectival ending ("Гурского"); a woman's consonant-final surname does not decline, her -ова/-ина does
_MASCULINE_OBLIQUE = re.compile(r"(?:[бгджзклмнпрстфхцчшщ](?:а|у|ем|ом|ам)|(?:ск|цк)(?:ого|ому|им|ага|аму|ім))$", re.I)


def _a_mans_name_in_an_oblique_case(given: str | None, surname: str | None, lexicon) -> str | None:
    """ "Евгения Дашкевича", "Александра Гурского": a woman's name that is also a man's in the genitive,
    before a man's surname in an oblique case, is the man's (Евгений). Returns his canonical name."""
    if not given or not surname or _gender(given, lexicon) != "f":
        return None
    his = names.male_name_of_form(given, lexicon)
    word = names.normalise_for_matching(surname)[0]
    ambiguous = re.search(r"(?:ин|ын|ов|ев|ёв)[ау]$", word, re.I)  # "Никитина", "Иванову": hers or his
    return his if his and _MASCULINE_OBLIQUE.search(word) and not ambiguous else None


def _gender(given: str | None, lexicon) -> str | None:
    if not given or len(given.rstrip(".")) <= 2:
        return None
    return lexicon.given_gender.get(names.canonical_given(given, lexicon) or "") or None


_MASCULINE_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|оў|еў|ёў|ский|цкий|скі|цкі|ov|ev|in|yn|ou|eu|sky|ski|skiy|skii)$", re.I)
_FEMININE_LATIN_SURNAME = re.compile(r"(?:ova|eva|ina|yna|ava|skaya|skaia|ska)$", re.I)


def _gender_of_surname(texts: list[str]) -> str | None:
    """A surname's own form tells a man ("Савченков", "Саўчанкоў", "Gursky"); in Latin script, where
    names do not decline, "-ova"/"-skaya" tells a woman. Cyrillic "-ова" may be a man's genitive: no answer."""
    words = [t.split()[-1] for t in texts if t.split()]
    if any(_MASCULINE_SURNAME.search(w) for w in words):
        return "m"
    if words and all(w.isascii() and _FEMININE_LATIN_SURNAME.search(w) for w in words):
        return "f"
    return None


def _script(text: str) -> str:
    cyrillic = bool(re.search(r"[\u0400-\u04FF]", text))
    latin = bool(re.search(r"[A-Za-z]", text))
    return "mixed" if cyrillic and latin else "cyrillic" if cyrillic else "latin" if latin else "other"


def display_name(name: str) -> str:
    """Sanctions lists write surnames in capitals ('Siarhei LAMEIKA'): show them as names ('Lameika')."""
    return " ".join(w.capitalize() if len(w) > 1 and w.isupper() and w.isalpha() else w for w in name.split())


def _title(info: TestimonyInfo) -> str:
    who = info.pseudonym or "unknown person"
    return f"{info.source_type.replace('_', ' ')} from {who}" + (f", received {info.received}" if info.received else "")


def post_bounds(relation: dict, extraction: dict, events: DateRange, received: str | None) -> tuple[DateRange, DateRange]:
    """What a statement of a post says of its start and end.
    * "с декабря 2020 года командир ОМОНа", "since December 2020": the start lies in that month;
    * "до ноября 2020 года", "until November 2020": the end lies in it;
    * "бывший командир", "the former commander": the post ended before the testimony was received;
    * a post stated as still held ("с октября 2020 года ОМОН возглавляет", "has been") lasted at least
      until the testimony was written: until it was received, else until the latest event it tells;
    * otherwise the testimony saw the person in post while it happened: start <= seen.min, end >= seen.max."""
    attrs = relation.get("attrs", {})
    stated = DateRange(attrs["date_start"], attrs.get("date_end") or attrs["date_start"],
                       attrs.get("date_precision") or "day") if attrs.get("date_start") else None
    written = (received[:10] if received else None) or events.max
    if stated and attrs.get("date_relation") == "since":
        still = DateRange(written, None, "unknown") if attrs.get("current") and written and written >= stated.max \
            else UNKNOWN
        return stated, still
    if stated and attrs.get("date_relation") == "until":
        return UNKNOWN, stated
    if attrs.get("former"):
        return UNKNOWN, DateRange(None, received[:10] if received else None, "unknown")
    seen = _when_seen(relation, extraction, events)
    return DateRange(None, seen.min, seen.precision), DateRange(seen.max, None, seen.precision)


def _episode_at(relation: dict, acts: list[dict], text: str, testimony_id: str) -> str | None:
    """The incident (episode) during which a statement of a post was made, when the statement sits in a
    paragraph that tells acts: "Потом меня доставили в Московское РУВД. ... Там был сам начальник
    Московского РУВД подполковник Калинин" saw Калинин in post during that episode. The episode is that of
    the last act before the statement in its paragraph, else of the paragraph's first act."""
    sentence = text[relation["start"]:relation["end"]]
    start = relation["start"] + len(sentence) - len(sentence.lstrip())  # a sentence may open with the break
    opening = text.rfind("\n\n", 0, start)
    closing = text.find("\n\n", relation["end"])
    closing = len(text) if closing < 0 else closing
    told = [a for a in acts if opening <= a["start"] < closing]
    if not told:
        return None
    before = [a for a in told if a["start"] < start]
    act = before[-1] if before else told[0]
    return incident_node_id(testimony_id, act["key"], act)


SEEN_NEAR = 600       # characters: an incident this close to a statement of someone's post dates it
NARROW_WINDOW = 62    # days: a testimony whose incidents all lie this close together dates its statements


def _when_seen(relation: dict, extraction: dict, events: DateRange) -> DateRange:
    """When the testimony saw the person in post: the date stated with the relation, else the date of
    the nearest incident, else the testimony's whole window when it is narrow; otherwise unknown."""
    attrs = relation.get("attrs", {})
    if attrs.get("date_start"):
        return DateRange(attrs["date_start"], attrs.get("date_end") or attrs["date_start"], "day")
    dated = [e for e in extraction["entities"] if e["type"] == "INCIDENT" and e["attrs"].get("date_start")]

    def distance(e: dict) -> int:
        return max(0, e["start"] - relation["end"], relation["start"] - e["end"])
    near = sorted((e for e in dated if distance(e) <= SEEN_NEAR), key=distance)
    if near:
        attrs = near[0]["attrs"]
        return DateRange(attrs["date_start"], attrs.get("date_end") or attrs["date_start"],
                         attrs.get("date_precision", "day"))
    if events.min and events.max and \
            (date.fromisoformat(events.max) - date.fromisoformat(events.min)).days <= NARROW_WINDOW:
        return events
    return UNKNOWN


def _event_window(info: TestimonyInfo, extraction: dict) -> DateRange:
    """When the events told happened: the form's dates, else the span of the incidents' dates (not every
    date in the text: a birth date or the date of writing says nothing about who held which post)."""
    if info.event_start:
        try:
            return DateRange.between(info.event_start, info.event_end)
        except model.ModelError:
            pass
    dates = [(e["attrs"]["date_start"], e["attrs"].get("date_end") or e["attrs"]["date_start"])
             for e in extraction["entities"] if e["type"] == "INCIDENT" and e["attrs"].get("date_start")]
    if not dates:
        return UNKNOWN
    precision = "day" if all(a == b for a, b in dates) else "unknown"
    return DateRange(min(a for a, _ in dates), max(b for _, b in dates), precision)


def _undated_window(entity: dict, first_dated: dict | None, events: DateRange) -> DateRange:
    """When an act the text does not date happened. An act after a dated one took that date already
    (nlp resolver: the last date before it). One told before the first dated act happened no later than
    it ("Меня задержали у метро ... 13 августа был суд": the arrest is on or before 13 August)."""
    if entity["type"] != "INCIDENT" or first_dated is None or entity["start"] > first_dated["start"]:
        return events
    first = first_dated["attrs"]
    return DateRange(None, first.get("date_end") or first["date_start"], "unknown")


def _entity_node(facts: FactBuilder, testimony_id: str, entity: dict, official_ids: set[str], events: DateRange,
                 proof: Evidence, episodes: dict[str, list[dict]]) -> tuple[str, str] | None:
    kind, key, attrs = entity["type"], entity["key"], entity["attrs"]
    if not key:
        return None
    if kind == "PERSON":
        if entity["id"] not in official_ids:
            return None
        # the person of its per-document key until the resolution stage (graph/resolve) says otherwise;
        # the mention claim belongs to the Mention record (see build)
        facts.entity("Person", {"id": key, "name": display_name(entity["canonical"]), "names": [entity["text"]],
                                "surname": attrs.get("surname"), "given_name": attrs.get("given_name"),
                                "patronymic": attrs.get("patronymic")})
        return "Person", key
    if kind in ("UNIT", "PLACE") and _is_given_name(entity["text"]):
        return None  # a recogniser's mistake on a person's name; never a node
    if kind == "UNIT":
        unit = lexicon_module.load().unit(key)
        facts.entity("Unit", {"id": key, "name": entity["canonical"], "names": [entity["text"]],
                              "kind": attrs.get("unit_kind"), "city": unit.city if unit else None}, proof)
        return "Unit", key
    if kind == "PLACE":
        known = lexicon_module.load().places.get(key) or {}
        facts.entity("Place", {"id": key, "name": entity["canonical"], "names": [entity["text"]],
                               "kind": known.get("kind"), "lat": known.get("lat"), "lon": known.get("lon")}, proof)
        return "Place", key
    if kind == "INCIDENT":
        when = DateRange(attrs["date_start"], attrs.get("date_end") or attrs["date_start"],
                         attrs.get("date_precision", "day")) if attrs.get("date_start") else events
        violation = attrs.get("violation") or "ill-treatment"
        acts = episodes.get(key, [entity])
        violations = sorted({a["attrs"].get("violation") or "ill-treatment" for a in acts})
        label = ", ".join(violations) + ": " + ", ".join(f"«{a['text']}»" for a in acts[:4]) + (
            f" and {len(acts) - 4} more" if len(acts) > 4 else "")
        incident_id = incident_node_id(testimony_id, key, entity)
        stage = next((a["attrs"]["stage"] for a in acts if a["attrs"].get("stage")), None)
        facts.incident(incident_id, when, proof, label=label, violations=[violation], stage=stage)
        return "Incident", incident_id
    return None


def incident_node_id(testimony_id: str, key: str, entity: dict) -> str:
    """One Incident per episode (the acts sharing an episode key, nlp/components/episodes.py), told by
    one testimony: ``incident:<testimony>:<start of the episode's first act>``."""
    start = key.rsplit(":", 1)[-1] if key.startswith("incident:") else str(entity["start"])
    return f"incident:{testimony_id[:16]}:{start}"


def _facility_place(facts: FactBuilder, unit_entity: dict) -> str:
    """An incident 'at the ЦИП' took place at the facility's premises: a Place named after the unit."""
    place_id = "place:" + unit_entity["key"].split(":", 1)[-1]
    facts.entity("Place", {"id": place_id, "name": unit_entity["canonical"], "kind": "facility",
                           "unit": unit_entity["key"]})
    return place_id


def reference_batch() -> GraphBatch:
    """Public institutional facts from the gazetteer: every unit, its parent (command or administrative
    link) and every place with coordinates; cited to the gazetteer as a source, not to a testimony."""
    facts = FactBuilder()
    source_id = "source:gazetteer"
    facts.batch.add_node("Source", {"id": source_id, "name": "Gazetteer of security structures (public facts)",
                                    "kind": "reference", "reliability": "B"})
    lexicon = lexicon_module.load()
    cited = Evidence("gazetteer", "1", 1.0, source_id=source_id)
    for unit in lexicon.units.values():
        written = sorted({n for n in unit.names.values() if n})
        facts.entity("Unit", {"id": unit.id, "name": unit.display("ru"), "names": written, "kind": unit.kind,
                              "city": unit.city})
    for unit in lexicon.units.values():
        if unit.parent and unit.parent in lexicon.units:
            facts.subordinate(unit.id, unit.parent, unit.parent_relation or "administrative", cited)
    for place in lexicon.places.values():
        written = sorted(set(place.get("names", {}).values()))
        facts.entity("Place", {"id": place["id"], "name": place["names"].get("ru") or written[0], "names": written,
                               "kind": place.get("kind"), "lat": place.get("lat"), "lon": place.get("lon")})
    return facts.batch
