"""Gazetteer matching: security-structure units (UNIT entities with their gazetteer id) and
ranks/positions (kept in ``doc.spans["titles"]``, label = title id).

Aliases come from ``nlp/data/units.jsonl`` in every language; matching is case-insensitive.
A match that is exactly a chain of two unit names ("ОМОН ГУВД Мингорисполкома") becomes two
UNIT spans (a SUBORDINATE_TO relation joins them later); leading prepositions are dropped.
Ambiguous aliases ("ОМОН" without a city) resolve to the unit of the city the text names.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from nlp import lexicon as lexicon_module
from nlp.components.entities import add_entities
from nlp.lexicon import LEADING_PREPOSITIONS

CONNECTORS = {"на", "г.", "г", "в", "of", "the", "у", "ў"}
DETENTION_PREFIX = {"цип", "ивс", "ціп", "ічу", "цип-а", "ципа", "ивса", "ціпа"}
STREET_WORDS = {"улица", "улице", "улицы", "ул.", "ул", "переулок", "переулке", "пер.", "пер", "street", "lane", "avenue",
                "вуліца", "вуліцы", "завулак", "завулку", "str."}
CITY_WORDS = {
    "minsk": ("минск", "мінск", "minsk"), "brest": ("брест", "brest"), "vitebsk": ("витебск", "віцебск", "vitebsk"),
    "gomel": ("гомел", "гомель", "homel", "gomel"), "grodno": ("гродн", "гродна", "hrodna", "grodno"),
    "mogilev": ("могил", "магіл", "mogilev", "mahilyow", "mahiliou"),
}


# English words of nationality before a unit's name; they are not part of it (guidelines §2)
NATIONALITY_WORDS = {"belarusian", "belarus's", "belarusian's"}


class UnitGazetteer:
    def __init__(self, nlp: Language):
        self.lexicon = lexicon_module.load()
        self.matcher = _phrase_matcher(nlp.vocab, nlp.lang, "units")

    def __call__(self, doc: Doc) -> Doc:
        matches = []
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            while len(span) > 1 and span[0].lower_ in LEADING_PREPOSITIONS and span[1].text != "/":  # "в/ч 3214"
                span = doc[span.start + 1:span.end]
            if len(span) > 1 and span[0].lower_ in NATIONALITY_WORDS:  # "the Belarusian KGB": the name is "KGB"
                span = doc[span.start + 1:span.end]
            ids = self.lexicon.unit_aliases.get(span.text.lower()) or self.lexicon.unit_aliases.get(
                doc[start:end].text.lower(), set())
            matches.append((span.start, span.end, frozenset(ids)))
        matches = _split_chains(doc, sorted(set(matches)), self.lexicon)
        city = _document_city(doc.text)
        spans = []
        for start, end, ids in matches:
            span = Span(doc, start, end, label="UNIT")
            if _is_street_or_detention_address(doc, span):
                continue
            abroad = _a_foreign_place_after(doc, span, {m[0] for m in matches})
            if abroad is not None:  # "МВД Украины", "ФСБ России": another state's body, none of the gazetteer's
                span = Span(doc, start, abroad.end, label="UNIT")
                span._.key = None
                spans.append(span)
                continue
            unit_id = self._choose(ids, city)
            span._.key = self._in_the_city_named_after(doc, span, unit_id)
            spans.append(span)
        add_entities(doc, spans, "gazetteer")
        return doc

    def _in_the_city_named_after(self, doc: Doc, span: Span, unit_id: str | None) -> str | None:
        """ "the Sovetsky police station in Gomel", "Советский РОВД г. Гомеля": a district unit followed by
        another city's name is that city's unit of the same kind and district, when the gazetteer has one."""
        unit = self.lexicon.units.get(unit_id) if unit_id else None
        if unit is None or not unit.city:
            return unit_id
        after = " ".join(t.lower_ for t in doc[span.end:span.end + 3])
        named = next((c for c, stems in CITY_WORDS.items() if any(re.search(rf"\b{stem}", after) for stem in stems)
                      and c != unit.city.lower()), None)
        if named is None or not re.match(r"^(?:in|of|г\.?|города|горада|[а-яёіў]+)\b", after):
            return unit_id
        district = span[0].lower_[:5]
        for other in sorted(self.lexicon.units.values(), key=lambda u: u.id):
            if other.kind == unit.kind and (other.city or "").lower() == named and any(
                    district in name.lower() for name in (*other.names.values(), *other.aliases)):
                return other.id
        return unit_id

    def _choose(self, ids: frozenset, city: str | None) -> str | None:
        if len(ids) == 1:
            return next(iter(ids))
        candidates = sorted(ids)
        for unit_id in candidates:
            unit_city = (self.lexicon.units[unit_id].city or "").lower()
            if city and unit_city.startswith(city):
                return unit_id
        for unit_id in candidates:  # the reference case: Minsk
            if (self.lexicon.units[unit_id].city or "").lower() == "minsk":
                return unit_id
        return candidates[0] if candidates else None


# a place that names Belarus or its capital's executive committee (word starts: "РБ" alone, not inside "Сербии")
BELARUS_WORDS = re.compile(r"\b(?:беларус|белорус|рб\b|belarus|мингорисполком|мінгарвыканкам)")


def _a_foreign_place_after(doc: Doc, span: Span, unit_starts: set[int]) -> Span | None:
    """A place the model found right after a unit's name (or read into it), that the dictionary knows as a
    place and that is not Belarus nor one of its cities ("МВД Украины", "МВД России"): the span of that
    place, else None ("ОМОН Гомеля" is Gomel's OMON; "ОМОНа Ломейко" names an officer)."""
    if span.end in unit_starts:  # "ОМОН ГУВД": a chain of two units, not a unit and a place
        return None
    place = next((e for e in doc.ents if e.start == span.end and e.label_ in ("LOC", "PLACE", "GPE")), None)
    if place is None:  # the model may have read the country into the organisation: "МВД Украины" as one name
        longer = next((e for e in doc.ents if e.label_ == "UNIT" and e.start <= span.start and e.end > span.end), None)
        if longer is None or not _a_geographical_name(doc[span.end].text):  # never "ОМОНа Ломейко"
            return None
        place = doc[span.end:longer.end]
    if not _a_geographical_name(place[0].text):  # the model's place may be a surname ("ОМОНа Ломейко")
        return None
    lowered = place.text.lower()
    stems = [stem for city_stems in CITY_WORDS.values() for stem in city_stems]
    if BELARUS_WORDS.search(lowered) or any(re.search(rf"\b{stem}", lowered) for stem in stems):
        return None
    return place


def _a_geographical_name(word: str) -> bool:
    """A capitalised word the Russian dictionary knows as a place name ("Украины", "России", "РФ")."""
    from nlp.morphology import analyzer

    return word[:1].isupper() and any("Geox" in parse.tag for parse in analyzer().parse(word) if parse.is_known)


def _document_city(text: str) -> str | None:
    lowered = text.lower()
    counts = {city: sum(lowered.count(stem) for stem in stems) for city, stems in CITY_WORDS.items()}
    best = max(counts, key=counts.get)
    return best if counts[best] else None


def _split_chains(doc: Doc, matches: list, lexicon) -> list:
    """Longest-first selection; a match made of two (or more) shorter unit matches is split."""
    by_start: dict[int, list] = {}
    for m in matches:
        by_start.setdefault(m[0], []).append(m)

    def cover(start: int, end: int, depth: int = 0):
        """Unit matches that tile [start, end) (connector words allowed between them)."""
        if start >= end:
            return []
        if depth > 4:
            return None
        if doc[start].lower_ in CONNECTORS and start > 0:
            rest = cover(start + 1, end, depth + 1)
            return rest
        for m in sorted(by_start.get(start, []), key=lambda m: -(m[1] - m[0])):
            if m[1] <= end and (depth > 0 or (m[1] - m[0]) < (end - start)):
                rest = cover(m[1], end, depth + 1)
                if rest is not None:
                    return [m] + rest
        return None

    chosen, taken = [], set()
    for start, end, ids in sorted(matches, key=lambda m: (-(m[1] - m[0]), m[0])):
        if any(i in taken for i in range(start, end)):
            continue
        parts = cover(start, end) if end - start > 1 else None
        if parts and len(parts) > 1:
            first = parts[0]
            # the first part keeps the identity of the whole ("ОМОН" in "ОМОН ГУВД Мингорисполкома")
            parts[0] = (first[0], first[1], ids if ids else first[2])
            for part in parts:
                chosen.append(part)
        else:
            chosen.append((start, end, ids))
        taken.update(range(start, end))
    return sorted(chosen)


def _is_street_or_detention_address(doc: Doc, span: Span) -> bool:
    """'переулок Окрестина' is a place; in 'ЦИП на Окрестина' only ЦИП is the unit."""
    if span[0].lower_ in STREET_WORDS or span.start > 0 and doc[span.start - 1].lower_ in STREET_WORDS:
        return True
    if span.end < len(doc) and doc[span.end].lower_ in STREET_WORDS:  # "Okrestina Street"
        return True
    if span.text.lower().startswith(("окрестин", "акрэсцін", "okrestin", "akrestsin")):
        before = [t.lower_ for t in doc[max(0, span.start - 2):span.start]]
        if before and before[-1] in ("на", "в") and len(before) == 2 and before[0] in DETENTION_PREFIX:
            return True
    return False


@lru_cache(maxsize=8)
def _phrase_matcher(vocab, lang: str, what: str) -> PhraseMatcher:
    """A case-insensitive matcher of every unit alias (what="units") or title form (what="titles")."""
    lexicon = lexicon_module.load()
    phrases = lexicon.unit_aliases if what == "units" else lexicon.title_forms
    tokenizer = _tokenizer(lang)
    matcher = PhraseMatcher(vocab, attr="LOWER")
    matcher.add(what.upper(), [tokenizer(p) for p in phrases if p.strip() and not re.fullmatch(r"\W+", p)])
    return matcher


@lru_cache(maxsize=4)
def _tokenizer(lang: str):
    import spacy

    return spacy.blank(lang).tokenizer


class TitleTagger:
    """Ranks and positions (in every language) into doc.spans['titles']; label = title id."""

    def __init__(self, nlp: Language):
        self.lexicon = lexicon_module.load()
        self.matcher = _phrase_matcher(nlp.vocab, nlp.lang, "titles")

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for _, start, end in self.matcher(doc):
            title_id = self.lexicon.title_forms.get(doc[start:end].text.lower())
            if title_id:
                found.append(Span(doc, start, end, label=title_id))
        found.sort(key=lambda s: (s.start, -(s.end - s.start)))
        kept, last_end = [], -1
        for span in found:  # longest match at each position, no overlaps
            if span.start >= last_end:
                kept.append(span)
                last_end = span.end
        doc.spans["titles"] = kept
        return doc


@Language.factory("unit_gazetteer", requires=["doc.ents"], assigns=["doc.ents", "span._.key", "span._.source"])
def make_unit_gazetteer(nlp: Language, name: str) -> UnitGazetteer:
    return UnitGazetteer(nlp)


@Language.factory("title_tagger", assigns=["doc.spans"])
def make_title_tagger(nlp: Language, name: str) -> TitleTagger:
    return TitleTagger(nlp)
