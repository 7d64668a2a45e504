"""Titles and posts: COMMANDED, HELD_POSITION and MEMBER_OF.

A position (or rank) written next to a person and a unit: before the name ("командир ОМОНа полковник
Гурский"; pattern A), across a comma or dash ("начальник РУВД — подполковник Ярошевич", "the head of the
Sovetsky RUVD, Lieutenant Colonel Pavel Yaroshevich"), after it ("Гурский, командир ОМОНа", "Kondrus had
served as deputy commander of OMON"; pattern B, with the posts joined by "and" after the first), after a
field label of a sanctions notice ("GURSKY Vadim\nPosition: Colonel; Commander of Minsk OMON"), as a
predicate ("Командиром ОМОНа в те дни был полковник Гурский"); "Judge X of the Y Court" (pattern D).
Verbs of leading or serving, titles and dates between not counted ("unit 3214 was commanded by Colonel X",
"ОМОН, которым командует подполковник X", "served in GUBOPiK").
"""
from __future__ import annotations

from spacy.tokens import Span

from nlp.components.relations.context import DocContext
from nlp.lexicon import words

SUBUNIT_POSITIONS = {
    "position:company-commander", "position:platoon-commander", "position:battalion-commander",
    "position:squad-commander", "position:group-commander", "position:shift-supervisor",
    "position:senior-of-shift", "position:guard-commander", "position:group-leader", "position:department-head",
    "position:section-head", "position:directorate-head", "position:regiment-commander",
    "position:brigade-commander",
}
# word stems of leading and serving, matched inside the words between a person and a unit (a space
# in a stem is part of it: " led " is the word alone)
LEAD_VERBS = words("lead_verbs")
SERVE_VERBS = words("serve_verbs")
# Words that may stand between a title and the person it names ("начальник РУВД — подполковник Ярошевич",
# "Камандзірам АМАПа прызначаны Кандрусь") or between a person and the title ("Kondrus had served as");
# also the field labels of sanctions notices and "new", "acting", "current"
LINKING_WORDS = words("linking_words")
FIELD_LABEL_STARTS = tuple(f"{gap}{label}" for gap in ("\n", " \n", "\n\n") for label in (
    "должность", "пасада", "position", "function", "post", "title"))
COPULAS = words("copulas")
PREDICATES = words("predicates")
COORDINATORS = words("coordinators")
COUNTRY_WORDS = words("country_words")
UNIT_CONNECTORS = ("", "of", "of the", "the", "в", "у", "in", "in the", "at", "at the", "at the time of")


def _relation_for_title(ctx: DocContext, title_id: str) -> str:
    info = ctx.lexicon.titles[title_id]
    if info.kind == "rank" or (info.role in ("officer", "guard") and title_id not in (
            "position:inspector", "position:senior-inspector", "position:district-officer",
            "position:duty-officer", "position:traffic-inspector", "position:juvenile-inspector")):
        return "MEMBER_OF"
    if info.role in ("commander", "head") and title_id not in SUBUNIT_POSITIONS:
        return "COMMANDED"
    return "HELD_POSITION"


def _relation_for_post(ctx: DocContext, title: Span, unit: Span) -> str:
    """As _relation_for_title; the head of a directorate or department named by the unit itself ("head of the
    Main Directorate for Combating Organised Crime", "начальник главного управления внутренних дел") heads
    that unit, not a part of one."""
    relation = _relation_for_title(ctx, title.label_)
    if relation == "HELD_POSITION" and title.label_ in SUBUNIT_POSITIONS and \
            ctx.lexicon.titles[title.label_].role in ("commander", "head") and title.start <= unit.start < title.end:
        return "COMMANDED"
    return relation


def posts_by_titles(ctx: DocContext, ents: list[Span], titles: list[Span]) -> list[tuple]:
    """Posts read from the sentence's titles (patterns A, B and D); a person joined to the one before
    ("Бельский и лейтенант Пашкевич") shares his unit."""
    doc = ctx.doc
    found = []
    persons = [e for e in ents if e.label_ == "PERSON"]
    units = [e for e in ents if e.label_ == "UNIT"]
    for person in persons:
        # Pattern A: POSITION [of the] UNIT [UNIT][,—] [is/назначен] [RANK] PERSON
        before = [t for t in titles if t.end <= person.start and person.start - t.end <= 20]
        for title in reversed(before):
            gap = doc[title.end:person.start]
            if any(e.label_ in ("PERSON", "INCIDENT") for e in ctx.ents_in(gap.start, gap.end) if e.end <= gap.end):
                continue
            # the unit follows the position ("командир ОМОНа") or is part of it ("Начальнік ЦІП")
            unit = next((u for u in units if title.start <= u.start and u.end <= person.start), None)
            if unit is None:
                continue
            if unit.start >= title.end and doc[title.end:unit.start].text.lower().strip() not in (
                    "", "of", "of the", "the"):
                continue
            rest = doc[max(unit.end, title.end):person.start]
            predicative = title.text.split()[0].lower().endswith(("ом", "ем", "ам", "ям")) and any(
                t.lower_ in COPULAS for t in rest) and len(rest) <= 10  # "Командиром ОМОНа в те дни был Гурский"
            if not predicative and not _plain_gap(ctx, rest, titles, units, LINKING_WORDS):
                continue
            role_title = _nearest_position(ctx, before, title) or title
            found.append((_relation_for_post(ctx, role_title, unit), person, unit, 0.85,
                          {"role": _role(ctx, role_title)}))
            break
        # Pattern B: PERSON, [is/was/served as/назначен] [RANK] POSITION [of the/in/в] UNIT
        after = [t for t in titles if t.start >= person.end and t.start - person.end <= 8]
        for title in after:
            gap = doc[person.end:title.start]
            joined = any(i in ctx.title_tokens for i in range(gap.start, gap.end))  # "Deputy Minister … and
            if not _plain_gap(ctx, gap, titles, units, LINKING_WORDS | PREDICATES | (  # Commander of the …"
                    COORDINATORS if joined else set())):
                continue
            # the unit is part of the title ("командир ОМОНа") or follows it ("Head of GUBOPiK")
            unit = next((u for u in units if title.start <= u.start < title.end), None) or next(
                (u for u in units if u.start >= title.end and u.start - title.end <= 4), None)
            if unit is None or unit.start >= title.end and doc[title.end:unit.start].text.lower().strip() not in \
                    UNIT_CONNECTORS and not all(any(t.start <= i < t.end for t in titles)
                                                for i in range(title.end, unit.start)):
                continue
            if _names_next(ctx, max(unit.end, title.end), persons, titles):
                continue  # "…, министр Барсуков, командующий внутренними войсками Назаренко": Назаренко's post
            position = next((t for t in after if t.start >= title.start and t.end <= unit.start and
                             ctx.lexicon.titles[t.label_].kind == "position"), title)
            found.append((_relation_for_post(ctx, position, unit), person, unit, 0.8,
                          {"role": _role(ctx, position)}))
            found += _coordinated_posts(ctx, person, max(unit.end, title.end), titles, units, persons)
            break
        # Pattern D: PERSON of/из/from UNIT
        nxt = person.end
        if nxt + 1 < len(doc) and doc[nxt].lower_ in ("of", "из", "from", "з"):
            unit = next((u for u in units if u.start in (nxt + 1, nxt + 2)), None)
            title = next((t for t in reversed(titles) if t.end <= person.start and person.start - t.end <= 3 and
                          ctx.lexicon.titles[t.label_].kind == "position"), None)
            if unit is not None and title is not None:  # "Judge Tatiana Kuleshova of the District Court"
                found.append((_relation_for_title(ctx, title.label_), person, unit, 0.75,
                              {"role": _role(ctx, title)}))
            elif unit is not None:
                found.append(("MEMBER_OF", person, unit, 0.7, {}))
    # "сотрудники ОМОНа старший лейтенант Бельский и лейтенант Пашкевич": the second shares the unit
    for first, second in zip(persons, persons[1:]):
        if ctx.joined(first, second) and not any(rel[1] is second for rel in found):
            found += [("MEMBER_OF", second, unit, 0.7, {}) for rel_type, person, unit, _, _ in list(found)
                      if person is first and rel_type == "MEMBER_OF"]
    return found


def _coordinated_posts(ctx: DocContext, person: Span, end: int, titles: list[Span], units: list[Span],
                       persons: list[Span]) -> list[tuple]:
    """ "X, Deputy Minister of Internal Affairs and Commander of the Internal Troops": every post joined by
    "and" after the first is his too (unless a name follows it: then it is that man's)."""
    doc = ctx.doc
    found = []
    while end + 1 < len(doc) and doc[end].lower_ in ("and", "и", "і", "а", "also"):
        title = next((t for t in titles if t.start in (end + 1, end + 2)), None)
        if title is None:
            break
        unit = next((u for u in units if title.start <= u.start < title.end), None) or next(
            (u for u in units if u.start >= title.end and u.start - title.end <= 2 and
             doc[title.end:u.start].text.lower().strip() in UNIT_CONNECTORS), None)
        if unit is None or _names_next(ctx, max(unit.end, title.end), persons, titles):
            break
        found.append((_relation_for_title(ctx, title.label_), person, unit, 0.75, {"role": _role(ctx, title)}))
        end = max(unit.end, title.end)
    return found


def _names_next(ctx: DocContext, end: int, persons: list[Span], titles: list[Span]) -> bool:
    """A person follows right after (ranks, titles and units between): the title is his premodifier."""
    doc = ctx.doc
    nxt = next((p for p in persons if p.start >= end), None)
    return nxt is not None and all(i in ctx.title_tokens or i in ctx.unit_tokens or doc[i].is_space
                                   for i in range(end, nxt.start))


def _plain_gap(ctx: DocContext, gap: Span, titles: list[Span], units: list[Span], allowed: set[str]) -> bool:
    """Only titles, units, dates, one comma or dash, and the allowed linking words."""
    covered = ctx.title_tokens | ctx.unit_tokens
    punct = 0
    for token in gap:
        if token.i in covered or token.ent_type_ in ("DATE", "PLACE") or token.is_space or token.text in (
                "«", "»", '"', "'") or token.lower_ in COUNTRY_WORDS:
            continue  # "head of the Main Directorate of the Ministry of Internal Affairs of Belarus Nikolai K."
        if token.text in (",", "—", "–", "-", ";", ":"):
            punct += 1
            if punct > 2 or token.text in (";", ":") and not gap.text.lower().startswith(FIELD_LABEL_STARTS):
                return False
            continue
        if token.lower_ not in allowed:
            return False
    return True


def _nearest_position(ctx: DocContext, before: list[Span], title: Span) -> Span | None:
    if ctx.lexicon.titles[title.label_].kind == "position":
        return title
    positions = [t for t in before if ctx.lexicon.titles[t.label_].kind == "position" and t.end <= title.start]
    return positions[-1] if positions and title.start - positions[-1].end <= 3 else None


def _role(ctx: DocContext, title: Span) -> str:
    info = ctx.lexicon.titles[title.label_]
    return (info.canonical.get("en") or info.canonical.get("ru") or title.text) if info.kind == "position" \
        else (info.canonical.get("en") or title.text)


def lead_and_serve(ctx: DocContext, ents: list[Span]) -> list[tuple]:
    """ "возглавлял ОМОН", "unit 3214 was commanded by Colonel Labusov", "ОМОН, которым командует
    подполковник Мисюк", "served in GUBOPiK": titles and dates in between do not count."""
    doc = ctx.doc
    found = []
    persons = [e for e in ents if e.label_ == "PERSON"]
    units = [e for e in ents if e.label_ == "UNIT"]
    titled = ctx.title_tokens
    for person in persons:
        for unit in units:
            lo, hi = sorted((person, unit), key=lambda s: s.start)
            others = [e for e in ents if lo.end <= e.start and e.end <= hi.start and e.label_ in ("PERSON", "UNIT")]
            if any(e.label_ == "PERSON" for e in others) or any(
                    e.label_ == "UNIT" and not (unit.start < person.start and e.start == unit.end) for e in others):
                continue  # another agent stands between; a unit chain ("АМАП УУС ..., якім") is named by its head
            if unit.start < person.start and any(u.end == unit.start for u in units):
                continue
            words = [t.lower_ for t in doc[lo.end:hi.start] if t.i not in titled and t.ent_type_ != "DATE"
                     and not t.is_space and not any(e.start <= t.i < e.end for e in others)]
            if len(words) > 7 or any(w in (".", ";") for w in words):
                continue
            between = " " + " ".join(words) + " "
            if any(v in between for v in LEAD_VERBS):
                found.append(("COMMANDED", person, unit, 0.75, {"role": "commander"}))
            elif person.start < unit.start and len(words) <= 4 and any(
                    v in between + doc[unit.start].lower_ for v in SERVE_VERBS):
                found.append(("MEMBER_OF", person, unit, 0.7, {}))
    return found


