"""place_rules: known cities and landmarks (``places.jsonl``) become PLACE; category words join a place
name ("улице Сурганова", "станции метро «Институт культуры»", "Okrestina Street"); the model's organisation
or person after a category word is a place ("переулке Окрестина"), and its one-word place that is a given
name, not after a preposition of place, is a person. The category words are ``words.jsonl``'s
place_before, place_after and locative_prepositions.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp import lexicon as lexicon_module
from nlp.components.entities import OTHER_ORGANISATIONS, add_entities
from nlp.lexicon import words

PLACE_BEFORE = words("place_before")
PLACE_AFTER = words("place_after")
LOCATIVE_PREPOSITIONS = words("locative_prepositions")
QUOTES = {"«", "»", '"', "“", "”", "„"}
# Words after a district adjective ("Фрунзенского района", "Савецкага РУУС"): the adjective names no person.
DISTRICT_WORDS = words("district_words")


def previous_word(doc: Doc, i: int) -> str:
    """The lowercased word before token i, across line breaks ("праспекце\nПераможцаў" in a PDF)."""
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i].lower_ if i >= 0 else ""


def next_word(doc: Doc, i: int) -> str:
    i += 1
    while i < len(doc) and doc[i].is_space:
        i += 1
    return doc[i].lower_ if i < len(doc) else ""


class PlaceRules:
    """Known cities and landmarks; category words ("улице", "станции метро", "Street") join the name."""

    def __init__(self):
        self.lexicon = lexicon_module.load()

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for token in doc:
            if token.lower_ in self.lexicon.place_forms and token.text[:1].isupper() and not token.ent_type_ in (
                    "UNIT", "DATE"):
                spans.append(Span(doc, token.i, token.i + 1, label="PLACE"))
        for ent in doc.ents:  # the model's "переулке Окрестина" (ORG), "Viktar" (GPE)
            if ent._.source != "model":
                continue
            if ent.label_ in ("UNIT", "PERSON") and (ent[0].lower_ in PLACE_BEFORE or
                                                     previous_word(doc, ent.start) in PLACE_BEFORE):
                spans.append(Span(doc, ent.start, ent.end, label="PLACE"))
            elif ent.label_ in ("PLACE", "UNIT") and len(ent) == 1 and ent.text.lower() in self.lexicon.given_names \
                    and ent.text.lower() not in self.lexicon.place_forms and \
                    previous_word(doc, ent.start) not in LOCATIVE_PREPOSITIONS:  # "в Милане" is a city
                spans.append(Span(doc, ent.start, ent.end, label="PERSON"))
            elif ent.label_ == "UNIT" and ent.text.lower() in self.lexicon.place_forms:  # "Minsk" as an ORG
                spans.append(Span(doc, ent.start, ent.end, label="PLACE"))
        add_entities(doc, spans, "rule")
        extended = []
        for ent in doc.ents:
            if ent.label_ != "PLACE":
                continue
            start, end = ent.start, ent.end
            if start > 0 and doc[start - 1].text in QUOTES and end < len(doc) and doc[end].text in QUOTES:
                start, end = start - 1, end + 1
            # a category word of another place stays its own: "в Косовском районе Ивано-Франковской области"
            while start > 0 and doc[start - 1].lower_ in PLACE_BEFORE and not doc[start - 1].ent_type_:
                start -= 1
            while end < len(doc) and doc[end].lower_ in PLACE_AFTER and not doc[end].ent_type_:
                end += 1
            if (start, end) != (ent.start, ent.end):
                extended.append(Span(doc, start, end, label="PLACE"))
        gazetteer = {i for e in doc.ents if e._.source == "gazetteer" for i in range(e.start, e.end)}
        other = {i for s in doc.spans.get(OTHER_ORGANISATIONS, ()) for i in range(s.start, s.end)}
        for token in doc:  # "Pushkinskaya metro station", "Okrestina Street" when the model missed them
            if token.lower_ in PLACE_AFTER and token.i > 0 and not token.ent_type_ and token.i not in other:
                start = token.i
                while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha and \
                        doc[start - 1].ent_type_ in ("", "PERSON", "UNIT") and start - 1 not in gazetteer and \
                        token.i - start < 3 and not doc[start - 1].is_sent_start:
                    start -= 1
                if start < token.i:
                    end = token.i + 1
                    while end < len(doc) and doc[end].lower_ in PLACE_AFTER:
                        end += 1
                    extended.append(Span(doc, start, end, label="PLACE"))
        for token in doc:  # "улице Сурганова" when the model missed the name or took it for a person
            if token.lower_ in PLACE_BEFORE and token.i + 1 < len(doc) and not token.ent_type_:
                nxt = doc[token.i + 1]
                if nxt.text in QUOTES:  # "станцыі метро «Інстытут культуры»"
                    close = next((j for j in range(token.i + 2, min(token.i + 8, len(doc))) if doc[j].text in QUOTES),
                                 None)
                    if close is not None and not any(doc[j].ent_type_ == "DATE" or j in gazetteer
                                                     for j in range(token.i + 2, close)):
                        start = token.i
                        while start > 0 and doc[start - 1].lower_ in PLACE_BEFORE:
                            start -= 1
                        extended.append(Span(doc, start, close + 1, label="PLACE"))
                    continue
                if nxt.text[:1].isupper() and nxt.is_alpha and nxt.ent_type_ in ("", "PERSON"):
                    end = token.i + 2
                    while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
                        end += 1
                    start = token.i
                    while start > 0 and doc[start - 1].lower_ in PLACE_BEFORE:
                        start -= 1
                    extended.append(Span(doc, start, end, label="PLACE"))
        add_entities(doc, extended, "rule")
        return doc


@Language.factory("place_rules", requires=["doc.ents", "doc.spans"],
                  assigns=["doc.ents", "span._.source"])
def make_place_rules(nlp: Language, name: str) -> PlaceRules:
    return PlaceRules()
