"""Dependency syntax for Russian and Belarusian: natasha's (slovnet) syntax model mapped onto the spaCy Doc.

The model ships inside the natasha package (``slovnet_syntax_news_v1``, Universal Dependencies labels);
nothing is downloaded. Only the sentences that hold an act (an INCIDENT entity) and someone who may have done
it (a PERSON or UNIT entity) are parsed: relations need syntax there and nowhere else, and parsing every
sentence would cost a third of the pipeline's speed.
Every other sentence gets a flat tree (each token attached to the sentence's first word, label ``dep``), so
sentence boundaries stay those of the sentencizer. Belarusian is read through the same one-for-one letter
map as the NER model.
"""
from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc

from nlp.components.entities import in_batches
from nlp.components.natasha_ner import BELARUSIAN_TO_RUSSIAN

FLAT = "dep"


@lru_cache(maxsize=1)
def _parser():
    from natasha import NewsEmbedding, NewsSyntaxParser

    return NewsSyntaxParser(NewsEmbedding())


def _words(sent, lang: str) -> list[tuple[int, str]]:
    words = [(t.i, t.text) for t in sent if not t.is_space]
    if lang == "be":
        words = [(i, w.translate(BELARUSIAN_TO_RUSSIAN)) for i, w in words]
    return words


class NatashaSyntax:
    """Sets ``token.head`` and ``token.dep_`` from slovnet's parse of each sentence that holds an act."""

    def __init__(self, batch_size: int = 64):
        self.batch_size = batch_size

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int | None = None):
        for batch in in_batches(docs, batch_size or self.batch_size):
            yield from self._parse(batch)

    def _parse(self, docs: list[Doc]):
        wanted: list[tuple[int, list[tuple[int, str]]]] = []  # (doc index, [(token index, word)])
        for n, doc in enumerate(docs):
            acts = {e.sent.start for e in doc.ents if e.label_ == "INCIDENT"}
            agents = {e.sent.start for e in doc.ents if e.label_ in ("PERSON", "UNIT")}
            for sent in doc.sents:
                if sent.start in acts and sent.start in agents:
                    words = _words(sent, doc._.lang)
                    if words:
                        wanted.append((n, words))
        parses = _parser().map([[w for _, w in words] for _, words in wanted]) if wanted else []
        trees: dict[int, dict[int, tuple[int, str]]] = {}
        for (n, words), markup in zip(wanted, parses):
            trees.setdefault(n, {}).update(self._sentence_tree(words, markup.tokens))
        for n, doc in enumerate(docs):
            yield self._set(doc, trees.get(n, {}))

    @staticmethod
    def _sentence_tree(words: list[tuple[int, str]], tokens) -> dict[int, tuple[int, str]]:
        """token index -> (head's token index, label) for one sentence, a single tree: a second root or a
        head outside the sentence goes under the first root."""
        tree, root = {}, None
        for (i, _), token in zip(words, tokens):
            head = int(token.head_id)
            if 0 < head <= len(words) and words[head - 1][0] != i:
                tree[i] = (words[head - 1][0], token.rel)
            elif root is None:
                root = i
            else:
                tree[i] = (-1, FLAT)
        root = root if root is not None else words[0][0]
        tree[root] = (root, "ROOT")
        tree = {i: (root if head == -1 else head, rel) for i, (head, rel) in tree.items()}
        for i in tree:  # the model picks each head alone: a cycle never reaches the root, so break it there
            seen, j = set(), i
            while j != root and j not in seen:
                seen.add(j)
                j = tree[j][0]
            if j != root:
                tree[j] = (root, FLAT)
        return tree

    @staticmethod
    def _set(doc: Doc, tree: dict[int, tuple[int, str]]) -> Doc:
        if not len(doc):
            return doc
        heads = numpy.zeros(len(doc), dtype="int64")
        labels = []
        for sent in doc.sents:
            first = sent.start
            for token in sent:
                head, rel = tree.get(token.i, (first, "ROOT" if token.i == first else FLAT))
                heads[token.i] = head - token.i
                labels.append(rel)
        array = numpy.zeros((len(doc), 2), dtype="uint64")
        array[:, 0] = heads.astype("uint64")
        array[:, 1] = [doc.vocab.strings.add(label) for label in labels]
        doc.from_array([HEAD, DEP], array)
        return doc


@Language.factory("natasha_syntax", default_config={"batch_size": 64},
                  requires=["doc.ents", "doc.sents"], assigns=["token.head", "token.dep"])
def make_natasha_syntax(nlp: Language, name: str, batch_size: int) -> NatashaSyntax:
    return NatashaSyntax(batch_size)
