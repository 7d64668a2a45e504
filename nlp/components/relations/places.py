"""Places: OCCURRED_AT, an act and a place in the same sentence (the act nearest the place), when the
sentence says something happened there (a locative word before the place: "в Минске", "у ЦУМа", "near the
Stela"). A place one comes from ("из Минска") or a place that only qualifies a name ("the OMON of Brest") is
no place of the act.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

# words that say where something happened: "в Минске", "у ЦУМа", "каля Стэлы", "near the Stela"
SITE_WORDS = {"в", "во", "на", "у", "ў", "около", "возле", "под", "мимо", "рядом", "напротив", "перед", "каля", "ля",
              "пад", "ва", "побач", "насупраць", "міма", "in", "at", "near", "outside", "inside", "around", "on",
              "by", "opposite", "behind"}


def occurred_at(doc: Doc, ents: list[Span]) -> list[tuple]:
    """Each place of the sentence with the act nearest to it."""
    found = []
    incidents = [e for e in ents if e.label_ == "INCIDENT"]
    if not incidents:
        return found
    for place in (e for e in ents if e.label_ == "PLACE"):
        if place.start > 0 and doc[place.start - 1].lower_ in ("из", "from", "з", "са"):
            continue
        if not _a_site(doc, place, ents):
            continue  # "OMON of Brest", "sanctions against Minsk": a place named, not where an act happened
        act = min(incidents, key=lambda i: abs(i.start - place.start))
        found.append(("OCCURRED_AT", act, place, 0.6, {}))
    return found




def _a_site(doc: Doc, place: Span, ents: list[Span]) -> bool:
    """The place is where something happened: a locative word before it, across an article or up to two
    words of the phrase it ends ("на тротуарах улицы Московской"), or it is joined by "и"/"and" to a place
    that is ("у Стелы и станции метро")."""
    i, words = place.start - 1, 0
    while i >= 0 and words <= 2:
        token = doc[i]
        if token.lower_ in SITE_WORDS:
            return True
        if token.lower_ in ("the", "a", "an"):
            i -= 1
            continue
        if token.lower_ in ("и", "і", "and", "or", "или"):
            before = next((e for e in ents if e.label_ == "PLACE" and e.end == i), None)
            return before is not None and _a_site(doc, before, ents)
        if not token.is_alpha or not token.is_lower or token.ent_type_:
            return False
        i, words = i - 1, words + 1
    return False
