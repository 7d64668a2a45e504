"""What the resolution stage compares: a Mention record (as ingest wrote it) turned into matching fields.

Every field is independent of script, case and spelling: the surname as its skeleton (``nlp.names``:
Захаров / Захараў / Zakharau / Zakharov share one), the surname folded to ASCII for typo distances,
the given name and patronymic as their canonical Russian form (Васіль / Vasil / Василий) and as an
initial, so "В. В. Захаров" can meet "Василий Валерьевич Захаров". Look-alike letters, invisible and
bidi characters are removed before any of this (the record keeps the name as written).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date
from functools import lru_cache

from nlp import lexicon as lexicon_module
from nlp import names
from nlp.lexicon import Lexicon

_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def clean_name(text: str | None) -> str | None:
    """A name part as it is meant (``nlp.names.normalise_for_matching``): invisible and bidi characters
    dropped, look-alike letters read in the script of the rest of the word."""
    return names.normalise_for_matching(text)[0] if text else text


def name_flags(texts: list[str]) -> list[str]:
    """Why a name as written deserves a second look: mixed scripts in one word, invisible or bidi characters."""
    return sorted({flag for text in texts for flag in names.normalise_for_matching(text)[1]})


def _initial(part: str | None, lexicon: Lexicon) -> str | None:
    return names.initial_of(part.rstrip("."), lexicon) if part and part.strip(".") else None


@lru_cache(maxsize=4)
def _initial_alternatives(lexicon: Lexicon) -> dict[str, frozenset]:
    """The canonical initials a written initial may stand for, read off the spellings in the name table
    (``variants``; not diminutives, which no one writes as an initial): Мікалай makes "m" stand for
    Николай's "n" too, Уладзімір "u" for "v", Вольга "v" for "o", Алег "a" for "o", Яўген "y" for "e"."""
    found: dict[str, set[str]] = defaultdict(set)
    for row in lexicon_module.read_jsonl(lexicon_module.DATA_DIR / "given_names.jsonl"):
        meant = names.initial_of(row["canonical"], lexicon)
        for written in row.get("variants", []):
            found[names.initial_of(written[:1], lexicon)].add(meant)
    return {letter: frozenset(meant) for letter, meant in found.items()}


def _read_given(part: str, lexicon: Lexicon, gender: str | None = None) -> str | None:
    """The canonical given name a spelling stands for: from the name table, else (a Latin spelling the table
    lacks) by its skeleton when exactly one name (of ``gender``, when given) has it. A Cyrillic word the table
    lacks is a typo, not a transliteration: "Евнений" is Евгений (one letter off), not Иван (one skeleton)."""
    known = names.canonical_given(part, lexicon)
    if known:
        return known
    if _CYRILLIC.search(part):  # "Сярггй", "Ириаа": a letter off one spelling of one name
        return names.given_of_typo(part, lexicon)
    return names.given_of_skeleton(part, lexicon, gender)


def initial_options(part: str | None, canonical_initial: str | None, lexicon: Lexicon) -> list[str]:
    """The Russian initials a name part may stand for: one when the full name is known (its canonical
    initial), several when only an initial is written (see ``_initial_alternatives``)."""
    if not part or not part.strip(".") or canonical_initial is None:
        return []
    if len(part.rstrip(".")) > 2:
        return [canonical_initial]
    return sorted({canonical_initial} | _initial_alternatives(lexicon).get(canonical_initial, frozenset()))


def _given_initial(part: str | None, gender: str | None, lexicon: Lexicon) -> str | None:
    """The canonical initial of a given name, also for a spelling read by its skeleton (Iaŭhien -> "e")."""
    if not part or len(part.rstrip(".")) <= 2 or names.canonical_given(part, lexicon):
        return _initial(part, lexicon)
    read = {_read_given(part, lexicon, gender or its_gender) for its_gender in ("m", "f")} - {None}
    initials = {names.initial_of(name, lexicon) for name in read}
    return initials.pop() if len(initials) == 1 else _initial(part, lexicon)


def _full(part: str | None, lexicon: Lexicon, gender: str | None = None) -> str | None:
    """The canonical form of a given name (Васіль, Vasil -> василий); unknown names folded to ASCII."""
    if not part or len(part.rstrip(".")) <= 2:
        return None
    return names._fold(_read_given(part, lexicon, gender) or part).lower()  # Андрей, Andrej -> andrej


def _patronymic(part: str | None, lexicon: Lexicon) -> tuple[str | None, str | None]:
    """(full, initial) of a patronymic, compared through the father's given name as a skeleton: Валерьевич,
    Валер'евіч, Valerievich -> vlr; Мікалаевіч ~ Николаевич; Уладзіміраўна ~ Владимировна (initial "v").
    A patronymic the name table cannot read (a typo, a transliteration, a rare name) is compared by the
    skeleton of its stem: Piatrovich ~ Петрович, and a typo stays a typo apart; an initial as written."""
    if not part or not part.strip("."):
        return None, None
    if len(part.rstrip(".")) <= 2:
        return None, _initial(part, lexicon)
    father = names.father_name(part, lexicon)
    if father:
        return names.skeleton(father) or None, names.initial_of(father, lexicon)
    stem = names.patronymic_stem(part) or part.lower()
    father = _read_given(stem, lexicon, gender="m")  # Iaŭhienavič: the table has no "Iaŭhien", its skeleton is Евгений's
    return names.skeleton(stem) or None, names.initial_of(father, lexicon) if father else _initial(part, lexicon)


def _day_number(value: str | None) -> int | None:
    return date.fromisoformat(value).toordinal() if value else None


def record_features(record: dict, lexicon: Lexicon) -> dict:
    """The matching fields of one Mention record (a dict of its properties)."""
    lo, hi = _day_number(record.get("date_min")), _day_number(record.get("date_max"))
    return {
        "unique_id": record["id"],
        **_name_fields(record.get("surname"), record.get("given_name"), record.get("patronymic"),
                       record.get("gender"), lexicon),
        "gender": record.get("gender"),
        "rank_order": record.get("rank_order"),
        "day": (lo + hi) // 2 if lo is not None and hi is not None else None,
        "unit_ids": list(record.get("unit_ids") or []),
        "scene_ids": list(record.get("scene_ids") or []),
        "co_named": sorted({_key_skeleton(k) for k in record.get("co_named") or []} - {None}),
        "not_given": sorted({_full(g, lexicon) for g in record.get("not_given") or []} - {None}),
        "written": _written_surnames(tuple(record.get("texts") or ()), record.get("surname")),
    }


@lru_cache(maxsize=200_000)
def _written_surnames(texts: tuple[str, ...], surname: str | None) -> list[str]:
    """The surname as each span writes it, in its case ("Новиковой", "Морозовым"), folded to ASCII: a typo
    is made in a written form, so it is one letter from that form, not always from the nominative."""
    skeleton = names.skeleton(surname) if surname else None
    if not skeleton:
        return []
    words = [word for text in texts for word in _WORD.findall(clean_name(text))
             if len(word) > 2 and names.skeleton(word) == skeleton]
    # a Latin spelling also as typed: a typo inside a digraph ("Milhukov" for "Mishukov") is one letter there
    return sorted({names._fold(word).lower() for word in words} | {word.lower() for word in words
                                                                    if not _CYRILLIC.search(word)})


@lru_cache(maxsize=200_000)
def _name_fields(surname: str | None, given: str | None, patronymic: str | None, gender: str | None,
                 lexicon: Lexicon) -> dict:
    """The fields a name gives (cached: a busy official is written the same way many times)."""
    surname = clean_name(surname) or ""
    given = clean_name(given)
    patronymic = clean_name(patronymic)
    given_initial = _given_initial(given, gender, lexicon)
    patr_full, patr_initial = _patronymic(patronymic, lexicon)
    return {
        "skel": names.skeleton(surname) or None,
        "skel_readings": list(names.skeleton_readings(surname)),
        "surname_folded": names._fold(names.strip_case_ending(surname)).lower() or None,
        "given_full": _full(given, lexicon, gender),
        "given_initial": given_initial,
        "given_initials": initial_options(given, given_initial, lexicon),
        "patr_full": patr_full,
        "patr_initial": patr_initial,
        "patr_initials": initial_options(patronymic, patr_initial, lexicon),
    }


def read_spellings(features: dict[str, dict]) -> int:
    """A Latin surname that can be read several ways ("Tihonov": Тигонов or Тихонов; German "Senkewitsch":
    Зенькевич) is read the way the other mentions write it: when its usual reading is a surname no mention
    spelled unambiguously has, its skeleton becomes the reading those mentions write most often (the
    noisy-channel choice: the transliteration meant is the one that names someone). Changes ``features``
    in place; returns how many were re-read."""
    written = Counter(f["skel"] for f in features.values() if f["skel"] and len(f["skel_readings"]) <= 1)
    changed = 0
    for f in features.values():
        if len(f["skel_readings"]) > 1 and not written[f["skel"]]:
            best = max(f["skel_readings"], key=lambda reading: written[reading])
            if written[best]:
                f["skel"] = best
                changed += 1
    return changed


def _key_skeleton(key: str) -> str | None:
    """'person:zkhrv-v' -> 'zkhrv' (the surname part of a per-document person key)."""
    body = key.split(":")[-1]
    return body.split("-")[0] or None
