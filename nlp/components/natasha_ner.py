"""natasha's (slovnet) Russian NER as a spaCy component: PER -> PERSON, ORG -> UNIT, LOC -> PLACE.

The models ship inside the natasha package; nothing is downloaded. Used for Russian and, as the
nearest model, for Belarusian."""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from nlp.components.entities import add_entities

LABELS = {"PER": "PERSON", "ORG": "UNIT", "LOC": "PLACE"}
# Belarusian letters to their nearest Russian ones, one character for one, so offsets stay valid.
BELARUSIAN_TO_RUSSIAN = str.maketrans({"і": "и", "І": "И", "ў": "в", "Ў": "В", "'": "ъ", "’": "ъ", "ʼ": "ъ"})


def model_text(doc: Doc) -> str:
    return doc.text.translate(BELARUSIAN_TO_RUSSIAN) if doc._.lang == "be" else doc.text


@lru_cache(maxsize=1)
def _tagger():
    from natasha import NewsEmbedding, NewsNERTagger

    return NewsNERTagger(NewsEmbedding())


class NatashaNER:
    def __init__(self, batch_size: int = 16):
        self.tagger = _tagger()
        self.batch_size = batch_size

    def _apply(self, doc: Doc, markup) -> Doc:
        spans = []
        for span in markup.spans:
            label = LABELS.get(span.type)
            found = doc.char_span(span.start, span.stop, label=label, alignment_mode="expand") if label else None
            if found is not None:
                spans.append(found)
        add_entities(doc, spans, "model")
        return doc

    def __call__(self, doc: Doc) -> Doc:
        return self._apply(doc, self.tagger(model_text(doc))) if doc.text.strip() else doc

    def pipe(self, docs, batch_size: int | None = None):
        batch = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= (batch_size or self.batch_size):
                yield from self._flush(batch)
                batch = []
        yield from self._flush(batch)

    def _flush(self, batch):
        texts = [model_text(d) if d.text.strip() else " " for d in batch]
        for doc, markup in zip(batch, self.tagger.map(texts)):
            yield self._apply(doc, markup)


@Language.factory("natasha_ner", default_config={"batch_size": 16})
def make_natasha_ner(nlp: Language, name: str, batch_size: int) -> NatashaNER:
    return NatashaNER(batch_size)
