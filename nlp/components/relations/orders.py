"""Orders: ORDERED.

"по приказу/команде/указанию X", "по его команде" (the last man named), "X приказал", "Он приказал",
"приказ задерживать ... отдал X", "X ordered", "on his order". An order under "бы" or "would have" was
never given.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from nlp.components.modality import unreal
from nlp.components.relations.context import FEMININE_PRONOUNS, MASCULINE_PRONOUNS, SUBJECT_PRONOUNS, DocContext

# "приказ задерживать всех ... отдал Кондрусь", "загад ... аддаў Гурскі"
ORDER_GIVEN = re.compile(r"(?<!\w)(приказ|загад|команд[уа]|распоряжение)(?!\w)(?P<what>[^.;]{0,90}?)"
                         r"(?<!\w)(отдал|отдала|аддаў|аддала|дал|дала|даў)(?!\w)", re.I)


def ordered(ctx: DocContext, sent: Span, ents: list[Span], order_cue: re.Pattern) -> list[tuple]:
    """Who ordered the sentence's acts: after a cue ("по приказу X"), before one ("X приказал"), or after
    "приказ ... отдал"."""
    doc = ctx.doc
    found = []
    incidents = [e for e in ents if e.label_ == "INCIDENT"]
    lowered = ctx.text[sent.start_char:sent.end_char].lower()
    for match in order_cue.finditer(lowered):
        prepositional = match.group(0).split()[0] in ("по", "па", "on", "at", "under")
        cue_start = sent.start_char + match.start()
        cue_end = sent.start_char + match.end()
        if prepositional:
            person = _order_giver_after(ctx, cue_start, cue_end, match)
        else:  # "Гурский приказал", "Он приказал"
            person = next((p for p in reversed(ctx.persons) if p.end_char <= cue_start and
                           cue_start - p.end_char <= 60 and p.start >= sent.start), None)
            before = ctx.text[max(sent.start_char, cue_start - 20):cue_start].lower().split()
            if person is None and before and before[-1] in SUBJECT_PRONOUNS:
                person = ctx.antecedent(before[-1], cue_start)
        if person is None:
            continue
        cue = doc.char_span(cue_start, cue_end, alignment_mode="expand")
        if cue is not None and unreal(doc, cue.start, ctx.lang):
            continue  # "он бы приказал", "he would have ordered": no order was given
        after = [i for i in incidents if i.start_char >= cue_end]
        targets = after if prepositional else after[:1]
        if not targets and prepositional:
            targets = incidents[-1:]
        if not targets:  # "... ordered the beatings" after the beatings were told
            targets = [i for i in incidents if i.end_char <= cue_start][-1:]
        for target in targets:
            found.append(("ORDERED", person, target, 0.75, {}))
    for match in ORDER_GIVEN.finditer(sent.text):  # "приказ задерживать всех ... отдал Кондрусь"
        end = sent.start_char + match.end()
        person = next((p for p in ctx.persons if end <= p.start_char <= end + 60 and p.start < sent.end), None)
        if person is None:
            continue
        what = (sent.start_char + match.start("what"), sent.start_char + match.end("what"))
        targets = [i for i in incidents if what[0] <= i.start_char < what[1]] or \
            ctx.incidents_in(ctx.previous_sentence(sent))[-1:]
        for target in targets:
            found.append(("ORDERED", person, target, 0.7, {}))
    return found


def _order_giver_after(ctx: DocContext, cue_start: int, cue_end: int, match) -> Span | None:
    """ "по приказу [полковника] Гурского"; "по его команде" is the last man named before."""
    following = ctx.text[cue_end:cue_end + 12].lower().split()
    inner = match.group(0).split()
    pronoun = next((w for w in inner[1:-1] + following[:1] if w in MASCULINE_PRONOUNS | FEMININE_PRONOUNS),
                   None)
    if pronoun is not None:
        return ctx.antecedent(pronoun, cue_start) or next(
            (p for p in ctx.persons if cue_end <= p.start_char <= cue_end + 250
             and ctx.genders.get(p.start) in ("", "m" if pronoun in MASCULINE_PRONOUNS else "f")), None)
    return next((p for p in ctx.persons if cue_end <= p.start_char <= cue_end + 45), None)


