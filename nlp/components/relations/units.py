"""Units: SUBORDINATE_TO.

Units in a row ("ОМОНа ГУВД Мингорисполкома", "unit 3214 of the Internal Troops"), joined by a cue of
subordination ("ЦИП и ИВС подчиняются ГУВД", "part of"), or the other way round ("the GUVD, to which Minsk
OMON and the Okrestina facilities are subordinate").
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from nlp.components.relations.context import DocContext


def subordination(ctx: DocContext, ents: list[Span], cues: list[str]) -> list[tuple]:
    """ "ОМОНа ГУВД Мингорисполкома", "unit 3214 of the Internal Troops", "ЦИП и ИВС подчиняются ГУВД",
    "the GUVD, to which Minsk OMON and the Okrestina facilities are subordinate"."""
    doc = ctx.doc
    found = []
    groups = _unit_groups(doc, [e for e in ents if e.label_ == "UNIT"])
    for lower, upper in zip(groups, groups[1:]):
        gap = doc[lower[-1].end:upper[0].start]
        between = " " + gap.text.lower().strip() + " "
        after = " " + doc[upper[-1].end:min(upper[-1].end + 4, len(doc))].text.lower() + " "
        if between.strip() in ("", "г.", "of", "of the", "at the", "при", "at the belarusian", "of the belarusian") \
                and len(lower) == len(upper) == 1:
            pairs, confidence = [(lower[0], upper[0])], 0.8
        elif any(w in between for w in (" to which ", " которому ", " которой ", " якому ", " якой ")) and \
                any(cue in after for cue in cues + ["subordinate", "подчинены", "подчинено"]):
            pairs, confidence = [(u, lower[-1]) for u in upper], 0.7  # "X, to which Y and Z are subordinate"
        elif any(cue in between for cue in cues) and len(gap) <= 9:
            pairs, confidence = [(u, upper[0]) for u in lower], 0.7
        else:
            continue
        found += [("SUBORDINATE_TO", low, up, confidence, {}) for low, up in pairs if low._.key != up._.key]
    return found


def _unit_groups(doc: Doc, units: list[Span]) -> list[list[Span]]:
    """Units in order; "ЦИП и ИВС" is one group; an alias in brackets ("(ОМОН)") joins its unit."""
    groups: list[list[Span]] = []
    for unit in units:
        if groups:
            previous = groups[-1][-1]
            between = doc[previous.end:unit.start].text.strip().lower()
            if between == "(" and unit.end < len(doc) and doc[unit.end].text == ")":
                continue  # "Минский отряд милиции особого назначения (ОМОН)"
            if between in ("и", "і", "and", "and the", ",", "or"):
                groups[-1].append(unit)
                continue
        groups.append([unit])
    return groups


