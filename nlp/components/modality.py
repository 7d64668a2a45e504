"""What a sentence does not assert: acts that are only supposed, and agents it denies.

* unreal: an act under the subjunctive or a counterfactual ("он бы приказал нас избить", "калі б ... збілі",
  "he would have ordered the beatings") did not happen: no INCIDENT, no relation. The words are the
  ``unreal`` cues of nlp/data/cues.jsonl: Russian and Belarusian "бы"/"б" within a few words of the verb,
  English "would have", "could have".
* denied: an agent named right after a negation ("Бил меня не Сидоров, а Петров", "not Sidorov") is
  the one the sentence says did not do it.
* distinct: a sentence that says two namesakes are two people ("Not to be confused with Andrei Lomeiko",
  «это другой человек», «а не іх аднафамільцы»; the ``identity_denial`` cues): each person it names
  is apart from the last person named before with the same surname. Resolution never joins them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from nlp import lexicon as lexicon_module
from nlp import names

NEGATIONS = {"не", "ня", "ні", "not", "never"}
NEAR = 3   # words between the verb and its "бы"


@lru_cache(maxsize=None)
def _unreal_words(lang: str) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """The one-word cues (бы, б) and the multi-word ones (would have), for a language."""
    words = lexicon_module.load().cues.get("unreal", {}).get(lang, [])
    return frozenset(w for w in words if " " not in w), tuple(tuple(w.split()) for w in words if " " in w)


def unreal(doc: Doc, i: int, lang: str) -> bool:
    """Is the verb at token ``i`` supposed rather than told? "бы"/"б" within NEAR words of it in its
    sentence, or "would have" right before it (a few words may stand between: "would have ordered the")."""
    single, phrases = _unreal_words(lang)
    sent = doc[i].sent
    window = doc[max(sent.start, i - NEAR):min(sent.end, i + NEAR)]
    if any(t.lower_ in single for t in window if t.i != i):
        return True
    before = [t.lower_ for t in doc[max(sent.start, i - NEAR - 2):i]]
    return any(tuple(before[k:k + len(p)]) == p for p in phrases for k in range(len(before) - len(p) + 1))


def denied(doc: Doc, phrase_start: int) -> bool:
    """The agent's phrase opens right after a negation: "не Сидоров", "а не Сидоров", "not Sidorov"."""
    return phrase_start > 0 and doc[phrase_start - 1].lower_ in NEGATIONS


@lru_cache(maxsize=None)
def _identity_denial(lang: str) -> re.Pattern | None:
    words = sorted(lexicon_module.load().cues.get("identity_denial", {}).get(lang, []), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.I) if words else None


def distinct_pairs(text: str, sentences: list[Span], persons: list[Span], lang: str) -> list[tuple[Span, Span]]:
    """(person, earlier namesake) pairs that a sentence of identity denial keeps apart."""
    cue = _identity_denial(lang)
    if cue is None:
        return []
    out = []
    for sent in sentences:
        if not cue.search(text, sent.start_char, sent.end_char):
            continue
        for person in (p for p in persons if sent.start <= p.start < sent.end):
            surname = _surname_skeleton(person)
            earlier = [q for q in persons if q.end <= person.start and surname and _surname_skeleton(q) == surname
                       and person.start_char - q.end_char <= 600 and not (q._.key == person._.key and _named(q))]
            if earlier:
                out.append((person, earlier[-1]))
    return out


def _named(person: Span) -> bool:
    """Does the mention itself carry a given name or initial (not one lent by the text's other mentions)?"""
    return bool((person._.attrs or {}).get("given_name"))


def _surname_skeleton(person: Span) -> str | None:
    surname = (person._.attrs or {}).get("surname")
    return names.skeleton(surname) if surname else None
