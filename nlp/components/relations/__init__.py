"""Relation rules, sentence by sentence, over the entities and titles found before.

One module per family of relations, each a set of functions over the document's context
(``context.DocContext``, built once per document):

* ``posts``: COMMANDED / HELD_POSITION / MEMBER_OF, a title next to a person and a unit, verbs of
  leading and serving.
* ``units``: SUBORDINATE_TO, units in a row or joined by a cue of subordination.
* ``perpetrators``: PERPETRATED, who carried out an act (the parse, word order, pronouns, shared
  subjects; "responsible for").
* ``orders``: ORDERED, "по приказу X", "X приказал", "X ordered".
* ``places``: OCCURRED_AT, an act and a place in the same sentence.

This module is the component: it runs the families on each sentence, then drops what a sentence denies
("Бил меня не Сидоров, а Петров") or says of a foreign body, marks a hedge in the sentence ("вероятно",
"reportedly", "мабыць": the confidence halves, the relation is ``hedged``), and dates posts (the date in
the sentence; "с декабря 2020 года": when the post began), former ("бывший командир") or current ones
("возглавляет"). Two persons the text tells apart ("Not to be confused with Andrei Lomeiko") are marked
distinct; who ordered an act did not carry it out.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp import dates
from nlp import lexicon as lexicon_module
from nlp import names
from nlp.components.agents import SyntaxAgents
from nlp.components.modality import denied, distinct_pairs
from nlp.components.relations.context import DocContext
from nlp.components.relations.orders import ordered
from nlp.components.relations.perpetrators import perpetrated, responsible
from nlp.components.relations.places import occurred_at
from nlp.components.relations.posts import SUBUNIT_POSITIONS, lead_and_serve, posts_by_titles
from nlp.components.relations.units import subordination
from nlp.organisations import not_belarusian

__all__ = ["RelationRules", "SUBUNIT_POSITIONS", "make_relation_rules"]

_FORMER = re.compile(r"(?<!\w)(?:бывш\w*|экс-|прежн\w*|былы\w*|ранейш\w*|former|ex-)(?!\w)", re.I)


class RelationRules:
    def __init__(self, lang: str, vocab=None):
        self.lang = lang
        self.lexicon = lexicon_module.load()
        self.syntax = SyntaxAgents(vocab, lang, self.lexicon) if vocab is not None and lang != "en" else None
        self.cues = {name: [c for lang_cues in by_lang.values() for c in lang_cues]
                     for name, by_lang in self.lexicon.cues.items()}

        # "по приказу", also "по личному распоряжению": one word may stand inside the cue
        alternatives = []
        for cue in sorted(self.cues.get("order", []), key=len, reverse=True):
            words = cue.split()
            alternatives.append(re.escape(words[0]) + (r"\s+(?:\w+\s+)?" + r"\s+".join(map(re.escape, words[1:]))
                                                       if len(words) > 1 else ""))
        self.order_cue = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")
        hedges = sorted(self.cues.get("hedge", []), key=len, reverse=True)
        self.hedge_cue = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, hedges)) + r")(?!\w)")
        current = sorted(self.cues.get("current_post", []), key=len, reverse=True)
        self.current_cue = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, current)) + r")(?!\w)")

    def __call__(self, doc: Doc) -> Doc:
        relations: list[dict] = []
        titles = list(doc.spans.get("titles", []))
        ctx = DocContext.build(doc, self.lang, self.lexicon, titles,
                               self.syntax.by_act(doc) if self.syntax is not None else {})
        for sent in ctx.sentences:
            ents = ctx.ents_in(sent.start, sent.end)
            if not ents:
                continue
            text = " " + ctx.text[sent.start_char:sent.end_char].lower() + " "
            hedged = self.hedge_cue.search(text) is not None
            sent_titles = [t for t in titles if sent.start <= t.start < sent.end]
            found: list[tuple] = []
            found += posts_by_titles(ctx, ents, sent_titles)
            found += lead_and_serve(ctx, ents)
            found += subordination(ctx, ents, self.cues.get("subordination", []))
            found += perpetrated(ctx, ents, sent_titles)
            found += responsible(ctx, sent, ents)
            found += ordered(ctx, sent, ents, self.order_cue)
            found += occurred_at(doc, ents)
            relations += self._kept(ctx, sent, ents, sent_titles, text, hedged, found)
        self._mark_distinct(ctx)
        ordered_pairs = {(r["source"].start, r["target"].start) for r in relations if r["type"] == "ORDERED"}
        # who ordered an act did not carry it out ("Colonel X ordered the beating"): one role per act
        doc._.relations = [r for r in relations if not (r["type"] == "PERPETRATED"
                                                        and (r["source"].start, r["target"].start) in ordered_pairs)]
        return doc

    def _kept(self, ctx: DocContext, sent: Span, ents: list[Span], sent_titles: list[Span], text: str,
              hedged: bool, found: list[tuple]) -> list[dict]:
        """The sentence's relations, once each, with what the sentence says of them: not of a foreign body,
        not denied, hedged, the date of a post, former or current."""
        doc = ctx.doc
        kept = []
        date = next((e for e in ents if e.label_ == "DATE"), None)
        seen = set()
        for rel_type, source, target, confidence, extra in found:
            if source.label_ == "UNIT" and rel_type in ("PERPETRATED", "ORDERED") and not_belarusian(
                    source.text, self.lang, self.lexicon) and source._.source != "gazetteer":
                continue  # "Международный комитет по расследованию пыток", a medium, a foreign ministry
            key = (rel_type, source.start, target.start)
            if key in seen or rel_type in ("PERPETRATED", "ORDERED") and denied(
                    doc, ctx.phrase_start(source, sent_titles)):
                continue  # "Бил меня не Сидоров, а Петров": the sentence denies it of Сидоров
            seen.add(key)
            rel_attrs = dict(extra)
            act_hedge = hedged and rel_type in ("PERPETRATED", "ORDERED", "MEMBER_OF", "HELD_POSITION",
                                                "COMMANDED")
            if rel_type in ("COMMANDED", "HELD_POSITION", "MEMBER_OF") and date is not None:
                rel_attrs.setdefault("date_start", date._.attrs["date_start"])
                rel_attrs.setdefault("date_end", date._.attrs["date_end"])
                rel_attrs.setdefault("date_precision", date._.attrs.get("precision"))
                bound = dates.bound(ctx.text, date.start_char, date.text)
                if bound:  # "с декабря 2020 года", "since December 2020": when the post began (or ended)
                    rel_attrs.setdefault("date_relation", bound)
            if rel_type in ("COMMANDED", "HELD_POSITION", "MEMBER_OF") and _FORMER.search(ctx.text[
                    max(0, min(source.start_char, target.start_char) - 40):max(source.end_char, target.end_char)]):
                rel_attrs.setdefault("former", True)  # "бывший командир", "the former commander"
            elif rel_type in ("COMMANDED", "HELD_POSITION", "MEMBER_OF") and self.current_cue.search(text):
                rel_attrs.setdefault("current", True)  # "с октября 2020 года ОМОН возглавляет ...": still held
            kept.append({"type": rel_type, "source": source, "target": target,
                         "start": sent.start_char, "end": sent.end_char,
                         "confidence": round(confidence * (0.5 if act_hedge else 1.0), 2),
                         "hedged": act_hedge, "attrs": rel_attrs})
        return kept

    def _mark_distinct(self, ctx: DocContext) -> None:
        """Two persons the text tells apart: each is ``distinct_from`` the other and not of his given name."""
        for person, namesake in distinct_pairs(ctx.text, ctx.sentences, ctx.persons, self.lang):
            if namesake._.key == person._.key:  # "Нас біў Ламейка. Андрэй Ламейка — іншы чалавек": the surname
                surname_key = "person:" + names.skeleton(namesake._.attrs["surname"])  # alone was not Андрэй
                for mention in ctx.same_key[person._.key]:
                    if mention.end <= namesake.end and not mention._.attrs.get("given_name"):
                        mention._.key, mention._.canonical = surname_key, mention._.attrs["surname"]
            for one, other in ((person, namesake), (namesake, person)):  # "Not to be confused with Andrei
                apart = one._.attrs.setdefault("distinct_from", [])       # Lomeiko": two people
                if other._.key not in apart:
                    apart.append(other._.key)
                given = names.canonical_given(other._.attrs.get("given_name") or "", self.lexicon)
                if given and given not in one._.attrs.setdefault("not_given", []):
                    one._.attrs["not_given"].append(given)  # he is not the Lomeiko called Andrei


@Language.factory("relation_rules", default_config={"lang": "ru"},
                  requires=["doc.ents", "doc.sents", "doc.spans", "span._.key", "span._.attrs"],
                  assigns=["doc._.relations", "span._.key", "span._.canonical", "span._.attrs"])
def make_relation_rules(nlp: Language, name: str, lang: str) -> RelationRules:
    return RelationRules(lang, nlp.vocab)
