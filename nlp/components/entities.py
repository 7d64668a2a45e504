"""Shared span bookkeeping: extensions, and adding entities without overlaps."""
from __future__ import annotations

from spacy.tokens import Doc, Span

ENTITY_TYPES = ("PERSON", "UNIT", "PLACE", "DATE", "INCIDENT")
PRIORITY = {"gazetteer": 40, "date": 35, "rule": 30, "model": 10}

for name, default in (("key", None), ("canonical", None), ("attrs", None), ("source", "model")):
    if not Span.has_extension(name):
        Span.set_extension(name, default=default)
if not Doc.has_extension("relations"):
    Doc.set_extension("relations", default=None)
if not Doc.has_extension("lang"):
    Doc.set_extension("lang", default="ru")


def attrs(span: Span) -> dict:
    if span._.attrs is None:
        span._.attrs = {}
    return span._.attrs


def add_entities(doc: Doc, new: list[Span], source: str) -> list[Span]:
    """Add spans to doc.ents; a new span replaces overlapping ones of lower or equal priority
    (equal priority: the longer wins). Returns the spans that were kept."""
    rank = PRIORITY[source]
    current = list(doc.ents)
    kept_new = []
    for span in sorted(new, key=lambda s: -(s.end - s.start)):
        clashes = [e for e in current if e.start < span.end and span.start < e.end]
        if any(PRIORITY[e._.source] > rank or (PRIORITY[e._.source] == rank and len(e) >= len(span))
               for e in clashes):
            continue
        current = [e for e in current if e not in clashes]
        span._.source = source
        current.append(span)
        kept_new.append(span)
    doc.ents = sorted(current, key=lambda s: s.start)
    return kept_new
