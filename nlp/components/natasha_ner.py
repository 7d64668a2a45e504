"""natasha's (slovnet) Russian NER as a spaCy component: PER -> PERSON, ORG -> UNIT, LOC -> PLACE.

The models ship inside the natasha package; nothing is downloaded. Used for Russian and, as the
nearest model, for Belarusian."""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp import names
from nlp.components.entities import add_entities, in_batches

LABELS = {"PER": "PERSON", "ORG": "UNIT", "LOC": "PLACE"}
# Belarusian letters to their nearest Russian ones, one character for one, so offsets stay valid.
BELARUSIAN_TO_RUSSIAN = str.maketrans({"і": "и", "І": "И", "ў": "в", "Ў": "В", "'": "ъ", "’": "ъ", "ʼ": "ъ"})


def model_text(doc: Doc) -> str:
    return model_input(doc)[0]


def model_input(doc: Doc) -> tuple[str, list[int] | None]:
    """The text the model reads, and where each of its characters is in the doc's text (None: the same
    place). Invisible characters and bidirectional controls are left out, so "Гр\u200bомов" is one
    word to the model; look-alike letters of the other script are read in the script of the word
    ("Грoмов" with a Latin o); the doc's text is never changed."""
    text = doc.text.translate(BELARUSIAN_TO_RUSSIAN) if doc._.lang == "be" else doc.text
    positions = None
    if names.has_unseen(text):
        positions = [i for i, ch in enumerate(text) if not names.is_unseen(ch)]
        text = "".join(text[i] for i in positions)
    return names.unconfuse(text)[0], positions


BRACKETS = {"(", ")", "[", "]"}


def _bracket_pieces(span: Span) -> list[Span]:
    """A name and its other name in brackets are two mentions: "Исламского государства (ИГ)",
    "Дэйв Бинг (Dave Bing)" (the model reads them as one, or takes one bracket only)."""
    if not any(t.text in BRACKETS for t in span):
        return [span]
    pieces, start = [], span.start
    for token in span:
        if token.text in BRACKETS:
            if token.i > start:
                pieces.append(Span(span.doc, start, token.i, label=span.label_))
            start = token.i + 1
    if span.end > start:
        pieces.append(Span(span.doc, start, span.end, label=span.label_))
    return [p for p in pieces if any(t.is_alpha or t.like_num for t in p)]


@lru_cache(maxsize=1)
def _tagger():
    from natasha import NewsEmbedding, NewsNERTagger

    return NewsNERTagger(NewsEmbedding())


class NatashaNER:
    def __init__(self, batch_size: int = 16):
        self.tagger = _tagger()
        self.batch_size = batch_size

    def _apply(self, doc: Doc, markup, positions: list[int] | None = None) -> Doc:
        spans = []
        for span in markup.spans:
            label = LABELS.get(span.type)
            start, stop = span.start, span.stop
            if positions is not None and stop > start:
                start, stop = positions[start], positions[stop - 1] + 1
            found = doc.char_span(start, stop, label=label, alignment_mode="expand") if label else None
            if found is not None:
                spans.extend(_bracket_pieces(found))
        add_entities(doc, spans, "model")
        return doc

    def __call__(self, doc: Doc) -> Doc:
        if not doc.text.strip():
            return doc
        text, positions = model_input(doc)
        return self._apply(doc, self.tagger(text), positions)

    def pipe(self, docs, batch_size: int | None = None):
        for batch in in_batches(docs, batch_size or self.batch_size):
            yield from self._flush(batch)

    def _flush(self, batch):
        inputs = [model_input(d) if d.text.strip() else (" ", None) for d in batch]
        for doc, (_, positions), markup in zip(batch, inputs, self.tagger.map([t for t, _ in inputs])):
            yield self._apply(doc, markup, positions)


@Language.factory("natasha_ner", default_config={"batch_size": 16},
                  assigns=["doc.ents", "span._.source"])
def make_natasha_ner(nlp: Language, name: str, batch_size: int) -> NatashaNER:
    return NatashaNER(batch_size)
