"""Places: OCCURRED_AT, an act and a place in the same sentence (the act nearest the place). A place
one comes from ("из Минска", "from Minsk") is no place of the act.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span


def occurred_at(doc: Doc, ents: list[Span]) -> list[tuple]:
    """Each place of the sentence with the act nearest to it."""
    found = []
    incidents = [e for e in ents if e.label_ == "INCIDENT"]
    if not incidents:
        return found
    for place in (e for e in ents if e.label_ == "PLACE"):
        if place.start > 0 and doc[place.start - 1].lower_ in ("из", "from", "з", "са"):
            continue
        act = min(incidents, key=lambda i: abs(i.start - place.start))
        found.append(("OCCURRED_AT", act, place, 0.6, {}))
    return found


