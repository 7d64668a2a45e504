"""Components around the English en_core_web_sm pipeline.

* tag_attributes: part of speech and morphology from the tagger's fine-grained tag, by table. It
  replaces the package's attribute_ruler (179 Matcher patterns, a tenth of the English run time)
  and keeps what the lemmatizer and our rules read; the word-specific exceptions of the ruler
  (morphology of "a", "this", ...) are not needed here.
* en_entity_mapper: maps en_core_web_sm labels to ours and drops the rest (dates come from date_tagger); an
  organisation is a unit only when its name says it is a state body and nothing says it is foreign.
"""
from __future__ import annotations

import numpy
from spacy.attrs import MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from nlp.components.entities import OTHER_ORGANISATIONS, add_entities
from nlp.organisations import not_belarusian, state_body


class TagAttributes:
    def __init__(self, nlp: Language, patterns: list[dict]):
        strings = nlp.vocab.strings
        self.pos: dict[int, int] = {}
        self.morph: dict[int, int] = {}
        for row in patterns:
            pattern = row["patterns"][0]
            if len(pattern) != 1 or list(pattern[0]) != ["TAG"]:
                continue
            tag = strings.add(pattern[0]["TAG"])
            if "POS" in row["attrs"]:
                self.pos[tag] = strings.add(row["attrs"]["POS"])
            if "MORPH" in row["attrs"]:
                self.morph[tag] = nlp.vocab.morphology.add(row["attrs"]["MORPH"])

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        tags = doc.to_array([TAG])
        values = numpy.array([[self.pos.get(int(t), 0), self.morph.get(int(t), 0)] for t in tags], dtype="uint64")
        doc.from_array([POS, MORPH], values)
        return doc


@Language.factory("tag_attributes", default_config={"patterns": []}, requires=["token.tag"],
                  assigns=["token.pos", "token.morph"])
def make_tag_attributes(nlp: Language, name: str, patterns: list[dict]) -> TagAttributes:
    return TagAttributes(nlp, patterns)


# Words of a title the English model takes into an organisation's name ("Minister of Internal Affairs")
TITLE_WORDS = {"minister", "deputy", "first", "head", "chief", "commander", "director", "chairman", "spokesperson",
               "spokeswoman", "spokesman", "secretary"}


class EnglishEntityMapper:
    """Maps en_core_web_sm labels to ours and drops the rest (dates come from date_tagger)."""
    MAP = {"PERSON": "PERSON", "ORG": "UNIT", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}

    def __call__(self, doc: Doc) -> Doc:
        kept, others = [], []
        for ent in doc.ents:
            label = self.MAP.get(ent.label_)
            if label:
                span = doc[ent.start:ent.end]
                # "the Frunzensky RUVD": articles are not part of the name
                while len(span) > 1 and span[0].lower_ in ("the", "a", "an"):
                    span = doc[span.start + 1:span.end]
                while label == "UNIT" and len(span) > 2 and span[0].lower_ in TITLE_WORDS:
                    span = doc[span.start + 1:span.end]  # "Minister of Internal Affairs of Belarus": a title,
                    while len(span) > 1 and span[0].lower_ in ("of", "the"):  # then what it names
                        span = doc[span.start + 1:span.end]
                while len(span) > 1 and span[-1].tag_ == "POS":
                    span = doc[span.start:span.end - 1]
                if label == "UNIT" and (span.text.islower() or len(span) > 1 and span.text.isupper()):
                    continue  # "riot police" names no unit; "NOTICE OF DESIGNATION" is a heading
                before = [t.lower_ for t in doc[max(0, span.start - 3):span.start] if t.lower_ != "the"]
                if label == "UNIT" and before[-2:] in (["minister", "of"], ["ministers", "of"]) and \
                        span[0].lower_ != "ministry":
                    continue  # "Minister of Internal Affairs": the title names the ministry, no unit
                if label == "UNIT" and (not state_body(span.text, "en") or not_belarusian(span.text, "en")):
                    others.append(span)  # a unit is a Belarusian state body: not "Reuters", "US Treasury"
                    continue
                kept.append(doc.char_span(span.start_char, span.end_char, label=label))
        doc.ents = []
        add_entities(doc, [k for k in kept if k is not None], "model")
        doc.spans[OTHER_ORGANISATIONS] = others  # no entity, but no place or person either
        return doc


@Language.factory("en_entity_mapper", requires=["doc.ents", "token.tag"],
                  assigns=["doc.ents", "doc.spans", "span._.source"])
def make_en_entity_mapper(nlp: Language, name: str) -> EnglishEntityMapper:
    return EnglishEntityMapper()
