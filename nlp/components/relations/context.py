"""What the relation rules know of one document, built once per document and passed to every rule family.

The component (``RelationRules``) keeps only what is built once (the lexicon, the cue regexes, the
dependency matcher); everything read from a document lives here: its text, entities, persons named by
surname and their genders, the tokens of titles and units, the agents the parse gives, its sentences.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from nlp.lexicon import Lexicon, words

SITE_PREPOSITIONS = words("site_prepositions")
# Pronouns that stand for the last named person (subject, possessive); pronouns that may be a subject.
MASCULINE_PRONOUNS = words("masculine_pronouns")
FEMININE_PRONOUNS = words("feminine_pronouns")
SUBJECT_PRONOUNS = words("subject_pronouns")


@dataclass
class DocContext:
    doc: Doc
    lang: str
    lexicon: Lexicon
    text: str                                # Doc.text joins every token: read once
    all_ents: list[Span]
    ent_starts: list[int]                    # start tokens of all_ents, for bisect
    title_tokens: set[int]                   # tokens of ranks and positions (doc.spans["titles"])
    unit_tokens: set[int]                    # tokens of units and of their sites ("ИВС на Окрестина")
    unit_sites: dict[int, int]               # site start token -> site end token
    persons: list[Span]                      # persons named by surname (possible agents)
    same_key: dict[str, list[Span]]          # person key -> its mentions among ``persons``
    genders: dict[int, str]                  # person start token -> 'm', 'f' or ''
    syntax_agents: dict[int, list[tuple[Span, float, str]]]  # act start -> agents from the parse
    sentences: list[Span]

    @classmethod
    def build(cls, doc: Doc, lang: str, lexicon: Lexicon, titles: list[Span],
              syntax_agents: dict[int, list[tuple[Span, float, str]]]) -> DocContext:
        all_ents = list(doc.ents)
        unit_sites = sites(doc, all_ents)
        unit_tokens = {i for e in all_ents if e.label_ == "UNIT" for i in range(e.start, e.end)}
        unit_tokens |= {i for start, end in unit_sites.items() for i in range(start, end)}
        persons = [e for e in all_ents if e.label_ == "PERSON" and named(e)]
        same_key: dict[str, list[Span]] = {}
        for person in persons:
            same_key.setdefault(person._.key, []).append(person)
        ctx = cls(doc, lang, lexicon, doc.text, all_ents, [e.start for e in all_ents],
                  {i for t in titles for i in range(t.start, t.end)}, unit_tokens, unit_sites, persons, same_key,
                  {}, syntax_agents, list(doc.sents))
        ctx.genders = {e.start: ctx.gender(e) for e in persons}
        return ctx

    def ents_in(self, start: int, end: int) -> list[Span]:
        """Entities that start in tokens [start, end) (bisect over the document's entities)."""
        return self.all_ents[bisect_left(self.ent_starts, start):bisect_left(self.ent_starts, end)]

    def phrase_start(self, agent: Span, titles: list[Span]) -> int:
        """Start of the noun phrase around an agent: "начальника ЦИП Жлобича" starts at "начальника"."""
        ends = {t.end: t.start for t in titles}
        ends.update({e.end: e.start for e in self.all_ents if e.label_ == "UNIT"})
        ends.update({end: start - 1 for start, end in self.unit_sites.items()})  # "ИВС на Окрестина"
        start = agent.start
        while start in ends and ends[start] < start:
            start = ends[start]
        return start

    def gender(self, person: Span) -> str:
        """'m', 'f' or '' from the given name of the person or of another mention with the same key."""
        for ent in [person] + [p for p in self.same_key.get(person._.key, []) if p is not person]:
            given = (ent._.attrs or {}).get("given_name")
            if given:
                canonical = self.lexicon.given_names.get(given.lower().strip("."))
                gender = self.lexicon.given_gender.get(canonical or "", "")
                if gender:
                    return gender
        return ""

    def antecedent(self, pronoun: str, char: int, window: int = 400) -> Span | None:
        """The last person named before ``char`` whom the pronoun can stand for (gender when known)."""
        word = pronoun.lower()
        wanted = "m" if word in MASCULINE_PRONOUNS else "f" if word in FEMININE_PRONOUNS else None
        if wanted is None:
            return None
        for person in reversed([p for p in self.persons if p.end_char <= char and char - p.end_char <= window]):
            if self.genders.get(person.start) in ("", wanted):
                return person
        return None

    def previous_sentence(self, sent: Span) -> Span | None:
        index = next((i for i, s in enumerate(self.sentences) if s.start == sent.start), 0)
        return self.sentences[index - 1] if index > 0 else None

    def incidents_in(self, sent: Span | None) -> list[Span]:
        if sent is None:
            return []
        return [e for e in self.all_ents if e.label_ == "INCIDENT" and sent.start <= e.start < sent.end]

    def joined(self, first: Span, second: Span) -> bool:
        """ "Бельский и Пашкевич", "Бельский А.И. и лейтенант Пашкевич К.В.": two persons, one subject."""
        gap = self.doc[first.end:second.start]
        words = [t for t in gap if t.i not in self.title_tokens]
        return len(words) == 1 and words[0].lower_ in ("и", "і", ",", "and")


def named(person: Span) -> bool:
    """An agent is named by surname; a first name alone is how testimonies name victims and witnesses."""
    return bool((person._.attrs or {}).get("surname"))


def sites(doc: Doc, ents: list[Span]) -> dict[int, int]:
    """Where a unit is: "ИВС на Окрестина", "РУВД в Гомеле", "the detention centre on Okrestina Street".
    The preposition and the place right after a unit belong to its phrase ("контролёр ИВС на Окрестина
    Тихонов" names the warder of the ИВС). Returns {site start token: site end token}."""
    found = {}
    places = {e.start: e for e in ents if e.label_ == "PLACE"}
    for unit in ents:
        if unit.label_ == "UNIT" and unit.end + 1 < len(doc) and doc[unit.end].lower_ in SITE_PREPOSITIONS:
            place = places.get(unit.end + 1)
            if place is not None:
                found[unit.end] = place.end
    return found
