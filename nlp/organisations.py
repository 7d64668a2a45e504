"""Which named organisations are units: Belarusian state bodies, not foreign or international ones, media or
companies (GUIDELINES.md §2). The words are data: cues ``state_body`` and ``not_belarusian`` in
``nlp/data/cues.jsonl``, matched at the start of a word ("американск" matches "американского")."""
from __future__ import annotations

import re
from functools import lru_cache

from nlp import lexicon as lexicon_module


@lru_cache(maxsize=16)
def _pattern(lexicon: lexicon_module.Lexicon, cue: str, lang: str) -> re.Pattern | None:
    words = sorted(lexicon.cues.get(cue, {}).get(lang, []), key=len, reverse=True)
    if not words:
        return None
    ending = r"(?!\w)" if lang == "en" else ""  # English words whole ("us" is not "usual"); Slavic stems open
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + ")" + ending, re.I)


def not_belarusian(text: str, lang: str, lexicon: lexicon_module.Lexicon | None = None) -> bool:
    """A foreign or international body, a medium, a company: "Генеральной прокуратуры Литвы", "US Treasury"."""
    pattern = _pattern(lexicon or lexicon_module.load(), "not_belarusian", lang)
    return bool(pattern and pattern.search(text))


def state_body(text: str, lang: str, lexicon: lexicon_module.Lexicon | None = None) -> bool:
    """The name says what kind of state body it is: "Main Internal Affairs Directorate", "Criminal Police"."""
    pattern = _pattern(lexicon or lexicon_module.load(), "state_body", lang)
    return bool(pattern and pattern.search(text))
