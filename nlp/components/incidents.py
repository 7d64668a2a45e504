"""incident_tagger: words of violence, ill-treatment and detention become INCIDENT (attr ``violation``).

The words are ``triggers.jsonl``'s (Russian lemmas expanded to every form with pymorphy3; acts of several
words from its patterns), unless negated, infinitive (threats, plans; but "приказал задерживать" is an
act) or a participle used as a noun ("задержанные"). An ill-treatment word needs a word of position,
water, isolation or restraint after it; "the beatings" after beatings just told is no new act.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp import lexicon as lexicon_module
from nlp.components.entities import OTHER_ORGANISATIONS, add_entities, attrs
from nlp.components.modality import unreal
from nlp.lexicon import words
from nlp.morphology import analyzer

NEGATIONS = words("negations")
# words after an ill-treatment trigger that say what was done (stems: "растяжк", "холодн")
ILL_TREATMENT_CONTEXT = words("ill_treatment_context")
ANAPHORIC_DETERMINERS = words("anaphoric_determiners")
ORDER_STEMS = tuple(sorted(words("order_stems")))  # str.startswith takes a tuple
PHASE_VERBS = words("phase_verbs")  # "начали", "сталі", "started": the act that follows happened


@lru_cache(maxsize=1)
def russian_trigger_forms() -> dict[str, tuple[str, bool]]:
    """Every inflected form of the Russian trigger lemmas -> (kind, is_infinitive)."""
    morph = analyzer()
    forms: dict[str, tuple[str, bool]] = {}
    for lemma, kind in lexicon_module.load().triggers["ru"].items():
        if " " in lemma:
            continue
        for parse in morph.parse(lemma)[:2]:
            if parse.normal_form != lemma:
                continue
            for form in parse.lexeme:
                if "PRTF" in form.tag:  # full participles: "задержанные", "избитого" (persons, not acts)
                    continue
                forms.setdefault(form.word.replace("ё", "е"), (kind, "INFN" in form.tag))
    return forms


class IncidentTagger:
    def __init__(self, lang: str):
        self.lang = lang
        self.lexicon = lexicon_module.load()
        self.forms = russian_trigger_forms() if lang == "ru" else {}

    def _kind(self, token) -> tuple[str | None, bool]:
        word = token.lower_.replace("ё", "е")
        if self.lang == "en":
            kind = self.lexicon.triggers["en"].get(token.lemma_.lower()) or self.lexicon.triggers["en"].get(word)
            if kind and (token.pos_ in ("VERB", "NOUN") or token.tag_ == "VBN"):
                return kind, token.tag_ == "VB" and any(c.lower_ == "to" for c in token.lefts)
            return None, False
        if self.lang == "be":
            kind = self.lexicon.triggers["be"].get(word)
            if kind is None:  # Belarusian texts quote Russian too
                hit = russian_trigger_forms().get(word)
                return (hit[0], hit[1]) if hit else (None, False)
            return kind, word.endswith("ць")
        hit = self.forms.get(word)
        return (hit[0], hit[1]) if hit else (None, False)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = doc.text
        for pattern, kind in self.lexicon.trigger_patterns.get(self.lang, []):
            for match in pattern.finditer(text):
                group = "t" if "t" in pattern.groupindex else 0
                span = doc.char_span(match.start(group), match.end(group), label="INCIDENT", alignment_mode="expand")
                if span is not None and not self._negated(doc, span.start) and not unreal(doc, span.start, self.lang):
                    attrs(span)["violation"] = kind
                    spans.append(span)
        covered = {i for s in spans for i in range(s.start, s.end)}
        covered |= {i for s in doc.spans.get(OTHER_ORGANISATIONS, ()) for i in range(s.start, s.end)}
        for token in doc:
            if token.i in covered:  # also "Day in Support of Victims of Torture": a name, not an act
                continue
            kind, infinitive = self._kind(token)
            if kind is None or token.ent_type_ or self._negated(doc, token.i) or unreal(doc, token.i, self.lang):
                continue  # "меня не били"; "он бы приказал нас избить" (nothing happened)
            if infinitive and not self._ordered_act(doc, token.i) and not self._begun_act(doc, token.i):
                continue  # threats, plans: "грозили избить"; but "приказал задерживать", "начали бить" are acts
            if kind == "ill-treatment":
                window = " ".join(t.lower_ for t in doc[token.i + 1:token.i + 8])
                if not any(c in window for c in ILL_TREATMENT_CONTEXT):
                    continue
            if self._refers_back(doc, token, kind, spans):
                continue
            span = Span(doc, token.i, token.i + 1, label="INCIDENT")
            attrs(span)["violation"] = kind
            spans.append(span)
        add_entities(doc, spans, "rule")
        return doc

    @staticmethod
    def _refers_back(doc: Doc, token, kind: str, found: list[Span]) -> bool:
        """ "were beaten ... responsible for the beatings": "the beatings" is the act told just before,
        not a new one (relations then attach to the first)."""
        if token.i == 0 or doc[token.i - 1].lower_ not in ANAPHORIC_DETERMINERS:
            return False
        return any(s.end <= token.i and token.idx - s.start_char <= 300 and attrs(s).get("violation") == kind
                   for s in found)

    @staticmethod
    def _negated(doc: Doc, i: int) -> bool:
        previous = doc[i - 1].lower_ if i else ""
        return previous in NEGATIONS or (i > 1 and doc[i - 2].lower_ in NEGATIONS and previous in
                                         ("было", "были", "был", "did", "were", "was"))

    @staticmethod
    def _begun_act(doc: Doc, i: int) -> bool:
        """An infinitive after a verb of beginning or going on: "ОМОН начал задерживать людей", "сталі біць",
        "they started beating" (a word may stand between: "начали нас бить")."""
        return any(t.lower_ in PHASE_VERBS for t in doc[max(0, i - 3):i]) and not any(
            t.lower_ in NEGATIONS for t in doc[max(0, i - 4):i])

    @staticmethod
    def _ordered_act(doc: Doc, i: int) -> bool:
        """An infinitive governed by an order ("приказ задерживать", "загадаў класці", "ordered ... to beat")."""
        return any(t.lower_.startswith(ORDER_STEMS) for t in doc[max(0, i - 7):i])


@Language.factory("incident_tagger", default_config={"lang": "ru"}, requires=["doc.ents", "doc.spans"],
                  assigns=["doc.ents", "span._.attrs", "span._.source"])
def make_incident_tagger(nlp: Language, name: str, lang: str) -> IncidentTagger:
    return IncidentTagger(lang)
