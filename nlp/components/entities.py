"""Shared span bookkeeping: extensions, and adding entities without overlaps."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.names import strip_invisible

ENTITY_TYPES = ("PERSON", "UNIT", "PLACE", "DATE", "INCIDENT")
# doc.spans key: organisations named in the text that are no unit (media, foreign and international bodies)
OTHER_ORGANISATIONS = "other_organisations"
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


def in_batches(docs, size: int):
    """Docs in lists of ``size`` (the last one shorter, never empty): how model components pipe."""
    batch = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


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


# Latin pairs that spell one Cyrillic letter of an initial: "Yu. Shchur" (Ю.), "Zh." (Ж.)
LATIN_DIGRAPH_INITIALS = r"Yu|Ya|Ye|Yo|Zh|Kh|Ch|Sh|Ts"
MAYBE_INITIAL = re.compile(rf"(?<![^\W\d_])(?:[A-ZА-ЯЁІЎ]|Дз|Dz|{LATIN_DIGRAPH_INITIALS})\.")  # a capital alone before a dot
INITIAL = re.compile(rf"^(?:[A-ZА-ЯЁІЎ]\.)*(?:[A-ZА-ЯЁІЎ]|Дз|Dz|{LATIN_DIGRAPH_INITIALS})$")
# "А.Р.Руденко", "Y.G.Kaminsky": initials glued to the surname, one token to the tokenizer
GLUED_INITIALS = re.compile(r"^((?:(?:[A-ZА-ЯЁІЎ]|Дз|Dz)\.){1,2})([A-ZА-ЯЁІЎ][a-zа-яёіўʼ'’\-]{2,})$")


class InitialsTokens:
    """Keeps the dot with an initial: the tokenizer reads "Жлобич Г.П.." as "Г.П" + ".." and
    "Рудак Дз. А." as "Дз" + "." + "А.", so no PERSON span could end at the initial's dot."""

    def __call__(self, doc: Doc) -> Doc:
        if not MAYBE_INITIAL.search(doc.text):
            return doc
        glued = [(t, GLUED_INITIALS.match(t.text)) for t in doc if "." in t.text and len(t) > 3]
        glued = [(t, m) for t, m in glued if m]
        if glued:
            with doc.retokenize() as retokenizer:
                for token, match in glued:
                    retokenizer.split(token, [match.group(1), match.group(2)], heads=[(token, 1), (token, 1)])
        doubled = [t for t in doc if t.text in ("..", "...") and self._after_initial(doc, t.i)]
        if doubled:
            with doc.retokenize() as retokenizer:
                for token in doubled:
                    retokenizer.split(token, [".", token.text[1:]], heads=[(token, 1), (token, 1)])
        dots = [t.i for t in doc if t.text == "." and self._after_initial(doc, t.i)]
        if dots:
            with doc.retokenize() as retokenizer:
                for i in dots:
                    retokenizer.merge(doc[i - 1:i + 1])
        return doc

    @staticmethod
    def _after_initial(doc: Doc, i: int) -> bool:
        if i == 0 or doc[i - 1].whitespace_ or not INITIAL.match(doc[i - 1].text):
            return False
        # a name is next to it: "Жлобич Г.П.", "Г. П. Жлобич", "Дз. А."
        neighbours = [strip_invisible(doc[j].text) for j in (i - 2, i + 1) if 0 <= j < len(doc)]
        return any(n[:1].isupper() and (n.isalpha() or INITIAL.match(n.rstrip("."))) for n in neighbours)



FUNCTION_WORDS = {"PREP", "CONJ", "NPRO", "PRCL", "ADVB"}  # pymorphy's parts of speech of short sentence openers


class SentenceBreaks:
    """Sentence ends the sentencizer does not see.

    * A paragraph break (a blank line) ends a sentence: a headline or a list line has no full stop
      ("Иван Кубраков — новый глава МВД Беларуси" then the article).
    * Russian and Belarusian: a sentence may end with a name's initials ("ударил следователь Липницкий С.С.
      Потом лейтенант ..."; the dot belongs to the initial): a capitalised common word after the initials
      starts the next sentence. A word that may be a name ("А.Р. Руденко") never does."""

    NAME_TAGS = {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"}

    def __init__(self, initials: bool = True):
        self.initials = initials

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            if token.is_space and token.text.count("\n") >= 2 and not doc[token.i + 1].is_space:
                doc[token.i + 1].is_sent_start = True
        if self.initials:
            self._after_initials(doc)
        return doc

    def _after_initials(self, doc: Doc) -> None:
        from nlp.morphology import analyzer

        for token in doc[:-1]:
            after = doc[token.i + 1]
            if not (token.text.endswith(".") and INITIAL.match(token.text.rstrip(".")) and token.whitespace_
                    and after.text[:1].isupper() and after.text[1:].islower() and len(after.text) >= 2):
                continue
            parses = analyzer().parse(after.text.lower())
            if parses and parses[0].tag.POS in FUNCTION_WORDS:
                after.is_sent_start = True  # "Со мной ...", "Он ...": a preposition or pronoun opens a sentence
            elif len(after.text) > 2 and analyzer().word_is_known(after.text.lower()) and not any(
                    self.NAME_TAGS & set(p.tag.grammemes) for p in parses):
                after.is_sent_start = True


@Language.factory("sentence_breaks", default_config={"initials": True}, assigns=["token.is_sent_start"])
def make_sentence_breaks(nlp: Language, name: str, initials: bool) -> SentenceBreaks:
    return SentenceBreaks(initials)


@Language.factory("initials_tokens", assigns=["token.orth"])  # splits and merges tokens
def make_initials_tokens(nlp: Language, name: str) -> InitialsTokens:
    return InitialsTokens()
