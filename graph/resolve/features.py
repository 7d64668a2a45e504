"""What the resolution stage compares: a Mention record (as ingest wrote it) turned into matching fields.

Every field is independent of script, case and spelling: the surname as its skeleton (``nlp.names``:
Захаров / Захараў / Zakharau / Zakharov share one), the surname folded to ASCII for typo distances,
the given name and patronymic as their canonical Russian form (Васіль / Vasil / Василий) and as an
initial, so "В. В. Захаров" can meet "Василий Валерьевич Захаров". Look-alike letters, invisible and
bidi characters are removed before any of this (the record keeps the name as written).
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from datetime import date
from functools import lru_cache

from nlp import lexicon as lexicon_module
from nlp import names
from nlp.lexicon import Lexicon

# Letters that look alike in Latin and Cyrillic, and characters that show nothing or reorder text.
_LATIN_TO_CYRILLIC = str.maketrans("aceopxyABCEHKMOPTXiI", "асеорхуАВСЕНКМОРТХіІ")
_CYRILLIC_TO_LATIN = str.maketrans("асеорхуАВСЕНКМОРТХіІ", "aceopxyABCEHKMOPTXiI")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def clean_name(text: str | None) -> str | None:
    """A name part as it is meant: invisible and bidi characters dropped, Latin look-alikes inside a
    mostly Cyrillic word read as Cyrillic (and the reverse)."""
    if not text:
        return text
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    words = []
    for word in text.split(" "):
        cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in word)
        latin = sum(ch.isascii() and ch.isalpha() for ch in word)
        if cyrillic and latin:
            word = word.translate(_LATIN_TO_CYRILLIC if cyrillic >= latin else _CYRILLIC_TO_LATIN)
        words.append(word)
    return " ".join(words)


def name_flags(texts: list[str]) -> list[str]:
    """Why a name as written deserves a second look: mixed scripts in one word, invisible or bidi characters."""
    flags = set()
    for text in texts:
        if re.search("[\u202a-\u202e\u2066-\u2069\u200e\u200f]", text):
            flags.add("bidi_control")
        if re.search("[\u00ad\u200b-\u200d\u2060-\u2064\ufeff]", text):
            flags.add("invisible_characters")
        for word in re.findall(r"\w+", text):
            if any("\u0400" <= ch <= "\u04ff" for ch in word) and any(ch.isascii() and ch.isalpha() for ch in word):
                flags.add("mixed_script")
    return sorted(flags)


def _initial(part: str | None, lexicon: Lexicon) -> str | None:
    return names.initial_of(part.rstrip("."), lexicon) if part and part.strip(".") else None


def _initial_alternatives(lexicon: Lexicon) -> dict[str, frozenset]:
    """The canonical initials a written initial may stand for, read off the spellings in the name table
    (``variants``; not diminutives, which no one writes as an initial): Мікалай makes "m" stand for
    Николай's "n" too, Уладзімір "u" for "v", Вольга "v" for "o", Алег "a" for "o", Яўген "y" for "e"."""
    cached = _ALTERNATIVES.get(id(lexicon))
    if cached is None:
        found: dict[str, set[str]] = defaultdict(set)
        for row in lexicon_module.read_jsonl(lexicon_module.DATA_DIR / "given_names.jsonl"):
            meant = names.initial_of(row["canonical"], lexicon)
            for written in row.get("variants", []):
                found[names.initial_of(written[:1], lexicon)].add(meant)
        cached = _ALTERNATIVES[id(lexicon)] = {letter: frozenset(meant) for letter, meant in found.items()}
    return cached


_ALTERNATIVES: dict[int, dict[str, frozenset]] = {}


def initial_options(part: str | None, canonical_initial: str | None, lexicon: Lexicon) -> list[str]:
    """The Russian initials a name part may stand for: one when the full name is known (its canonical
    initial), several when only an initial is written (see ``_initial_alternatives``)."""
    if not part or not part.strip(".") or canonical_initial is None:
        return []
    if len(part.rstrip(".")) > 2:
        return [canonical_initial]
    return sorted({canonical_initial} | _initial_alternatives(lexicon).get(canonical_initial, frozenset()))


def _full(part: str | None, lexicon: Lexicon) -> str | None:
    """The canonical form of a given name (Васіль, Vasil -> василий); unknown names folded to ASCII."""
    if not part or len(part.rstrip(".")) <= 2:
        return None
    return names._fold(names.canonical_given(part, lexicon) or part).lower()  # Андрей, Andrej -> andrej


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
    stem = re.sub(r"(ьевич|ьевна|ович|овна|евич|евна|ич|ична|авіч|аўна|эвіч|овіч|евіч|еўна|оўна|ічна|іч|"
                  r"ovich|ovna|evich|evna|ievich|ievna|yevich|yevna|avich|avna|ich|ichna)"
                  r"(?:а|у|ем|ам|ом|ым|е|ы|ой|ай)?$", "", part.lower())
    return names.skeleton(stem) or None, _initial(part, lexicon)


def _day_number(value: str | None) -> int | None:
    return date.fromisoformat(value).toordinal() if value else None


def record_features(record: dict, lexicon: Lexicon) -> dict:
    """The matching fields of one Mention record (a dict of its properties)."""
    lo, hi = _day_number(record.get("date_min")), _day_number(record.get("date_max"))
    return {
        "unique_id": record["id"],
        **_name_fields(record.get("surname"), record.get("given_name"), record.get("patronymic"), _Key(lexicon)),
        "gender": record.get("gender"),
        "rank_order": record.get("rank_order"),
        "day": (lo + hi) // 2 if lo is not None and hi is not None else None,
        "unit_ids": list(record.get("unit_ids") or []),
        "co_named": sorted({_key_skeleton(k) for k in record.get("co_named") or []} - {None}),
    }


class _Key:
    """A lexicon as a cache key (by identity: the lexicon is loaded once)."""
    __slots__ = ("lexicon",)

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def __hash__(self) -> int:
        return id(self.lexicon)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Key) and other.lexicon is self.lexicon


@lru_cache(maxsize=200_000)
def _name_fields(surname: str | None, given: str | None, patronymic: str | None, key: _Key) -> dict:
    """The fields a name gives (cached: a busy official is written the same way many times)."""
    lexicon = key.lexicon
    surname = clean_name(surname) or ""
    given = clean_name(given)
    patronymic = clean_name(patronymic)
    given_initial = _initial(given, lexicon)
    patr_full, patr_initial = _patronymic(patronymic, lexicon)
    return {
        "skel": names.skeleton(surname) or None,
        "surname_folded": names._fold(names.strip_case_ending(surname)).lower() or None,
        "given_full": _full(given, lexicon),
        "given_initial": given_initial,
        "given_initials": initial_options(given, given_initial, lexicon),
        "patr_full": patr_full,
        "patr_initial": patr_initial,
        "patr_initials": initial_options(patronymic, patr_initial, lexicon),
    }


def _key_skeleton(key: str) -> str | None:
    """'person:zkhrv-v' -> 'zkhrv' (the surname part of a per-document person key)."""
    body = key.split(":")[-1]
    return body.split("-")[0] or None
