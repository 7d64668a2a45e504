"""date_tagger: DATE entities with attrs date_start/date_end/precision (``nlp.dates``: "12 августа 2020
года", "в ночь с 9 на 10 августа", "August 2020")."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from nlp import lexicon as lexicon_module
from nlp.components.entities import add_entities, attrs
from nlp.dates import DateFinder


class DateTagger:
    def __init__(self):
        self.finder = DateFinder(lexicon_module.load())

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for mention in self.finder.find(doc.text):
            span = doc.char_span(mention.start, mention.end, label="DATE", alignment_mode="contract")
            if span is None or not len(span):
                continue
            values = attrs(span)
            values.update(date_start=mention.date_start, date_end=mention.date_end, precision=mention.precision)
            spans.append(span)
        add_entities(doc, spans, "date")
        return doc


@Language.factory("date_tagger", requires=["doc.ents"], assigns=["doc.ents", "span._.attrs", "span._.source"])
def make_date_tagger(nlp: Language, name: str) -> DateTagger:
    return DateTagger()
