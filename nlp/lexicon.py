"""Rule data from ``nlp/data/*.jsonl``, loaded and validated once.

units.jsonl (security structures and their parents), ranks.jsonl, positions.jsonl,
given_names.jsonl (name equivalences across Russian, Belarusian and Latin spellings),
triggers.jsonl (incident words), cues.jsonl (hedges, orders, subordination), months.jsonl,
places.jsonl (cities and landmarks with coordinates), agent_patterns.jsonl (spaCy DependencyMatcher
patterns: who carried out an act, read from the dependency parse), words.jsonl (the small word lists
the rules read: prepositions, pronouns, linking words, category words of places ...; ``words(name)``).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGS = ("ru", "be", "en")
# Prepositions a gazetteer alias may start with; they are not part of the entity span.
LEADING_PREPOSITIONS = {"на", "в", "во", "с", "со", "до", "из", "у", "к", "по", "от", "за", "ў", "з", "ад", "да",
                        "at", "in", "on", "to", "from", "the", "of"}


class LexiconError(ValueError):
    pass


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise LexiconError(f"{path.name}:{number}: {error}") from None
    return rows


@dataclass(frozen=True)
class Unit:
    id: str
    kind: str
    names: dict
    parent: str | None
    parent_relation: str | None
    city: str | None
    aliases: tuple[str, ...]
    ambiguous_aliases: tuple[str, ...]

    def display(self, lang: str = "ru") -> str:
        return self.names.get(lang) or self.names.get("ru") or self.id


@dataclass(frozen=True)
class Title:
    """A rank or a position, with every surface form in every language."""
    id: str
    kind: str               # rank | position
    role: str | None        # positions: commander, head, deputy_head, officer, ...
    command: bool
    canonical: dict
    forms: tuple[str, ...]
    order: int = 0


@dataclass(eq=False)  # one per data folder, loaded once: compared and hashed by identity (cache keys)
class Lexicon:
    units: dict[str, Unit]
    unit_aliases: dict[str, set[str]]            # lowercased alias -> unit ids
    titles: dict[str, Title]
    title_forms: dict[str, str]                  # lowercased form -> title id
    given_names: dict[str, str]                  # lowercased variant/form -> canonical (Russian nominative)
    given_gender: dict[str, str]
    triggers: dict[str, dict[str, str]]          # lang -> lowercased form or lemma -> kind
    cues: dict[str, dict[str, list[str]]]        # cue -> lang -> phrases
    months: dict[str, int] = field(default_factory=dict)
    places: dict[str, dict] = field(default_factory=dict)            # id -> row of places.jsonl
    place_forms: dict[str, str] = field(default_factory=dict)       # lowercased form -> place id
    # lang -> [(regex, kind)]: several-word triggers ("применяли силу", "ill-treatment"); a group
    # named t, when present, is the trigger span ("fired" in "fired at")
    trigger_patterns: dict[str, list[tuple[re.Pattern, str]]] = field(default_factory=dict)
    agent_patterns: list[dict] = field(default_factory=list)  # rows of agent_patterns.jsonl
    data_dir: Path = DATA_DIR

    @cached_property
    def unit_abbreviations(self) -> set[str]:
        """Upper-case words of unit names ("РУУС", "ГУВД", "OMON"), lowercased: never part of a person's name."""
        words = {word.strip("()[],.;:«»\"'") for unit in self.units.values()
                 for alias in (*unit.aliases, *unit.ambiguous_aliases) for word in alias.split()}
        return {word.lower() for word in words if sum(ch.isupper() for ch in word) >= max(2, len(word) / 2)}

    @cached_property
    def title_words(self) -> set[str]:
        """Lowercased words of rank and position forms ("senior", "warrant", "лейтенант") and the words
        written in lower case in unit names ("riot", "police", "department"): common words of the
        security vocabulary, never a person's name on their own nor at the edge of one."""
        words = {word.lower() for title in self.titles.values() for form in title.forms for word in form.split()}
        words |= {word for unit in self.units.values() for alias in (*unit.aliases, *unit.ambiguous_aliases)
                  for word in alias.split() if word.islower()}
        return {word for word in words if len(word) > 2 and word.isalpha()}

    def words(self, name: str) -> frozenset[str]:
        """A word list of words.jsonl, every language together."""
        return words(name, self.data_dir)

    def unit(self, unit_id: str) -> Unit | None:
        return self.units.get(unit_id)

    def ancestors(self, unit_id: str) -> list[str]:
        chain, seen = [], {unit_id}
        unit = self.units.get(unit_id)
        while unit and unit.parent and unit.parent not in seen:
            chain.append(unit.parent)
            seen.add(unit.parent)
            unit = self.units.get(unit.parent)
        return chain


def _units(rows: list[dict]) -> tuple[dict[str, Unit], dict[str, set[str]]]:
    units, aliases = {}, {}
    for row in rows:
        if row["id"] in units:
            raise LexiconError(f"units.jsonl: duplicate id {row['id']}")
        names = row.get("name") or {}
        own = [a for lang in LANGS for a in (row.get("aliases") or {}).get(lang, [])]
        ambiguous = [a for lang in LANGS for a in (row.get("ambiguous_aliases") or {}).get(lang, [])]
        unit = Unit(row["id"], row.get("kind", "other"), names, row.get("parent"), row.get("parent_relation"),
                    row.get("city"), tuple(dict.fromkeys([*names.values(), *own])), tuple(ambiguous))
        units[unit.id] = unit
        for alias in (*unit.aliases, *unit.ambiguous_aliases):
            for form in _english_district_forms(alias.lower()):
                aliases.setdefault(form, set()).add(unit.id)
    for unit in units.values():
        if unit.parent and unit.parent not in units:
            raise LexiconError(f"units.jsonl: {unit.id} has unknown parent {unit.parent}")
    return units, aliases


def _english_district_forms(alias: str) -> list[str]:
    """English writes a district police department in several ways: "Sovetsky district police department"
    is also "Sovetsky police department", "Sovetsky district police station", "Sovetsky police station"."""
    match = re.fullmatch(r"(.+?) (?:district )?police (?:department|station)", alias)
    if match is None:
        return [alias]
    return list(dict.fromkeys([alias] + [f"{match.group(1)} {middle}police {place}"
                                         for middle in ("district ", "") for place in ("department", "station")]))


def _titles(ranks: list[dict], positions: list[dict]) -> tuple[dict[str, Title], dict[str, str]]:
    titles, forms = {}, {}
    for kind, rows in (("rank", ranks), ("position", positions)):
        for row in rows:
            all_forms = [f for lang in LANGS for f in (row.get("forms") or {}).get(lang, [])]
            all_forms += list((row.get("canonical") or {}).values())
            title = Title(row["id"], kind, row.get("role"), bool(row.get("command")), row.get("canonical") or {},
                          tuple(dict.fromkeys(all_forms)), int(row.get("order") or 0))
            titles[title.id] = title
            for form in title.forms:
                forms.setdefault(form.lower(), title.id)
    return titles, forms


def _given_names(rows: list[dict]) -> tuple[dict[str, str], dict[str, str]]:
    lookup, gender = {}, {}
    for row in rows:
        canonical = row["canonical"]
        gender[canonical] = row.get("gender", "")
        for form in (canonical, *row.get("variants", [])):
            lookup.setdefault(form.lower(), canonical)
    for row in rows:  # a name's own spelling wins over another name's case form ("Юлия" is not Юлий's genitive)
        for form in (*row.get("forms", []), *row.get("diminutives", [])):
            lookup.setdefault(form.lower(), row["canonical"])
    for form, canonical in list(lookup.items()):  # Belarusian typed on a Russian keyboard: ў written у
        if "ў" in form:
            lookup.setdefault(form.replace("ў", "у"), canonical)
    return lookup, gender


def _triggers(rows: list[dict]) -> dict[str, dict[str, str]]:
    triggers: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    for row in rows:
        words = row.get("lemmas") or row.get("forms") or []
        for word in words:
            for form in belarusian_past_forms(word.lower()) if row["lang"] == "be" else [word.lower()]:
                triggers[row["lang"]].setdefault(form, row["kind"])
    return triggers


_BE_PAST = re.compile(r"^(.+[аеёіыуэюя])(?:ў|ла|лі)$")


def belarusian_past_forms(word: str) -> list[str]:
    """A Belarusian past-tense verb in all three forms, from any one of them: masculine -ў, feminine -ла,
    plural -лі (прымусілі -> прымусіў, прымусіла). The table lists a verb in one or two; a testimony uses
    the one its author's gender and number need. Other words are returned as they are."""
    match = _BE_PAST.match(word)
    if match is None or len(word) < 5:
        return [word]
    stem = match.group(1)
    return [word] + [stem + ending for ending in ("ў", "ла", "лі") if stem + ending != word]


@lru_cache(maxsize=1)
def load(data_dir: Path = DATA_DIR) -> Lexicon:
    units, unit_aliases = _units(read_jsonl(data_dir / "units.jsonl"))
    titles, title_forms = _titles(read_jsonl(data_dir / "ranks.jsonl"), read_jsonl(data_dir / "positions.jsonl"))
    given, gender = _given_names(read_jsonl(data_dir / "given_names.jsonl"))
    cues: dict[str, dict[str, list[str]]] = {}
    for row in read_jsonl(data_dir / "cues.jsonl"):
        cues.setdefault(row["cue"], {}).setdefault(row["lang"], []).extend(w.lower() for w in row["words"])
    months = {form.lower(): row["month"] for row in read_jsonl(data_dir / "months.jsonl") for form in row["forms"]}
    places = {row["id"]: row for row in read_jsonl(data_dir / "places.jsonl")}
    place_forms = {form.lower(): pid for pid, row in places.items() for form in row["forms"]}
    trigger_rows = read_jsonl(data_dir / "triggers.jsonl")
    patterns = {lang: [(re.compile(r"(?<!\w)(?:" + p + r")(?!\w)", re.I), row["kind"])
                       for row in trigger_rows if row["lang"] == lang for p in row.get("patterns", [])]
                for lang in LANGS}
    return Lexicon(units, unit_aliases, titles, title_forms, given, gender, _triggers(trigger_rows), cues, months,
                   places, place_forms, patterns, _agent_patterns(read_jsonl(data_dir / "agent_patterns.jsonl")),
                   data_dir)


def _agent_patterns(rows: list[dict]) -> list[dict]:
    """Each pattern has a unique id, languages, a confidence and DependencyMatcher nodes named ``act`` and
    ``agent``."""
    seen = set()
    for row in rows:
        where = f"agent_patterns.jsonl: {row.get('id')!r}"
        if row.get("id") in seen or not row.get("id"):
            raise LexiconError(f"{where}: missing or duplicate id")
        seen.add(row["id"])
        if not set(row.get("langs") or ()) <= set(LANGS) or not row.get("langs"):
            raise LexiconError(f"{where}: langs must be some of {LANGS}")
        if not 0 < row.get("confidence", 0) <= 1:
            raise LexiconError(f"{where}: confidence must be in (0, 1]")
        nodes = {node.get("RIGHT_ID") for node in row.get("pattern") or ()}
        if not {"act", "agent"} <= nodes:
            raise LexiconError(f"{where}: the pattern needs nodes named act and agent")
    return rows


@lru_cache(maxsize=4)
def word_lists(data_dir: Path = DATA_DIR) -> dict[str, frozenset[str]]:
    """words.jsonl: list name -> its words in every language. Each row names a list, a language and its
    words (non-empty strings, written as the rules compare them: lowercased); one row per list and language."""
    lists: dict[str, set[str]] = {}
    seen = set()
    for row in read_jsonl(data_dir / "words.jsonl"):
        where = f"words.jsonl: {row.get('list')!r} ({row.get('lang')!r})"
        if not row.get("list") or row.get("lang") not in LANGS:
            raise LexiconError(f"{where}: a row needs a list name and a language of {LANGS}")
        if (row["list"], row["lang"]) in seen:
            raise LexiconError(f"{where}: duplicate row")
        seen.add((row["list"], row["lang"]))
        listed = row.get("words")
        if not listed or not all(isinstance(w, str) and w.strip() and w == w.lower() for w in listed):
            raise LexiconError(f"{where}: words must be non-empty lowercase strings")
        lists.setdefault(row["list"], set()).update(listed)
    return {name: frozenset(found) for name, found in lists.items()}


def words(name: str, data_dir: Path = DATA_DIR) -> frozenset[str]:
    """The word list ``name`` of words.jsonl, every language together (read once)."""
    lists = word_lists(data_dir)
    if name not in lists:
        raise LexiconError(f"words.jsonl: no list {name!r}")
    return lists[name]
