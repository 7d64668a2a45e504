"""Person names: parts, spelling-independent keys, and canonical display forms.

A person's ``key`` must be the same for "Савченков", "Савченкова" (genitive), "Саўчанкоў",
"Savchenkov" and "Sauchankou" (a fictional official). Keys are built from two parts:

* the **surname skeleton**: the surname transliterated to ASCII, case endings removed, Belarusian
  -оў/-еў read as -ов/-ев, Belarusian h read as g, digraphs folded, and vowels after the first
  letter dropped (vowels carry most of the Russian/Belarusian/Latin spelling differences);
* the **initial of the given name**, after mapping the given name to its canonical Russian form
  through ``given_names.jsonl`` (Мікалай, Mikalai and Nikolai are all Николай, initial "n"; digraphs
  count as one letter: Жанна/Zhanna "zh", Харитон/Khariton "kh").

Two different people who share a surname but whose given-name initials differ get different
keys. When one document names two people with the same surname and the same initial but
different given names, their keys carry the full canonical given name (see ``resolve``).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from anyascii import anyascii

from nlp.lexicon import Lexicon

_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "e", "ж": "Z", "з": "z",
    "и": "i", "і": "i", "ї": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ў": "v", "ф": "f", "х": "X", "ц": "T", "ч": "C", "ш": "S", "щ": "S", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "u", "я": "a", "'": "", "’": "", "ʼ": "",
}
_LATIN_DIACRITICS = {"č": "C", "š": "S", "ž": "Z", "ŭ": "u", "ł": "l", "ć": "C", "ś": "s", "ź": "z", "ń": "n"}
_LATIN_DIGRAPHS = (("shch", "S"), ("sch", "S"), ("zh", "Z"), ("kh", "X"), ("ch", "C"), ("sh", "S"), ("ts", "T"),
                   ("tz", "T"), ("cz", "C"), ("sz", "S"), ("dz", "d"))
# Russian case endings of surnames (longest first); removed before the skeleton is made.
_CASE_ENDINGS = ("ого", "его", "ому", "ему", "ыми", "ими", "ой", "ым", "им", "ом", "ем", "ую", "юю", "ая",
                 # Belarusian
                 "ага", "яга", "аму", "яму", "ымі", "імі", "ай", "ім", "ам", "ям", "ою")
_VOWELS = set("aeiouyj")
_INITIALS = re.compile(r"^([A-ZА-ЯЁІЎ]|Дз|Dz)\.?$")
PATRONYMIC = re.compile(r"(?:(?:ович|евич|ьич|авіч|эвіч|овіч|еевіч|аевіч|евіч)(?:а|у|ем|ам|ом|ым|е)?|"
                        r"(?:овн|евн|ичн|иничн|аўн|еўн|оўн|ічн)(?:а|ы|е|у|ой|ай|ою)|"
                        r"ovich|evich|ovna|evna|avich|eevich|avna|ichna|ovič|avič)$", re.I)


def _fold(text: str) -> str:
    """Lowercase, transliterate to ASCII with digraphs as single upper-case markers."""
    text = unicodedata.normalize("NFC", text).lower().replace("-", "")
    if re.search(r"[а-яёіў]", text):
        if text.endswith(("оў", "еў", "ёў")):
            text = text[:-1] + "в"
        text = text.replace("дз", "д")
        return "".join(_CYR.get(ch, ch) for ch in text)
    for src, dst in _LATIN_DIACRITICS.items():
        text = text.replace(src, dst)
    text = anyascii(text).lower() if not text.isascii() else text
    for src, dst in _LATIN_DIGRAPHS:
        text = text.replace(src, dst)
    if text.endswith(("ou", "ow", "eu", "ew")):
        text = text[:-1] + "v"
    text = re.sub(r"(?<=[aeo])u(?=[^aeiouy])", "v", text)  # Belarusian ў: Sauchankou ~ Savchenkov
    return text.replace("w", "v").replace("x", "ks")


def strip_case_ending(surname: str) -> str:
    lower = surname.lower()
    if re.search(r"[а-яёіў]", lower) and len(lower) > 5:
        for ending in _CASE_ENDINGS:
            if lower.endswith(ending):
                return surname[: -len(ending)]
    return surname


def skeleton(surname: str) -> str:
    folded = _fold(strip_case_ending(surname))
    folded = re.sub(r"(?<![ZCSX])h", "g", folded)  # Belarusian/Latin h ~ Russian g
    if not folded:
        return ""
    head = "y" if folded[0] in _VOWELS else folded[0]  # Ярашэвіч/Yaroshevich, Ермаков/Yermakov
    tail = "".join(ch for ch in folded[1:] if ch not in _VOWELS)
    tail = re.sub(r"(.)\1+", r"\1", tail)
    return (head + tail).lower()


def canonical_given(name: str, lexicon: Lexicon) -> str | None:
    return lexicon.given_names.get(name.lower().strip("."))


def initial_of(given: str, lexicon: Lexicon) -> str:
    canonical = canonical_given(given, lexicon) or given
    folded = re.sub(r"(?<![ZCSX])h", "g", _fold(canonical))  # Belarusian/Latin h ~ Russian g, as in skeleton()
    if not folded:
        return canonical[:1].lower()
    return {"X": "kh", "Z": "zh", "C": "ch", "S": "sh", "T": "ts"}.get(folded[0], folded[0].lower())


@dataclass
class NameParts:
    surname: str | None = None
    given: str | None = None            # as written (or an initial)
    patronymic: str | None = None
    given_is_initial: bool = False

    @property
    def complete(self) -> int:
        return sum(x is not None for x in (self.surname, self.given, self.patronymic)) + (
            0 if self.given_is_initial else 1)


def parse(text: str, lexicon: Lexicon) -> NameParts:
    """Split a person mention into surname, given name (or initial) and patronymic."""
    tokens = re.findall(r"[^\s.]+\.?|\.", text.replace(".", ". "))
    tokens = [t for t in (t.strip() for t in tokens) if t and t != "."]
    parts = NameParts()
    rest = []
    for token in tokens:
        bare = token.rstrip(".")
        if _INITIALS.match(token) and (len(bare) == 1 or token.endswith(".")):
            if parts.given is None:
                parts.given, parts.given_is_initial = bare, True
            elif parts.patronymic is None:
                parts.patronymic = bare
            continue
        if parts.given is None and canonical_given(bare, lexicon):
            parts.given = bare
            continue
        if PATRONYMIC.search(bare) and parts.given is not None and parts.patronymic is None:
            parts.patronymic = bare
            continue
        rest.append(bare)
    if not rest and parts.patronymic and len(parts.patronymic) > 1 and parts.given and not parts.given_is_initial \
            and not is_patronymic_of_a_name(parts.patronymic, lexicon):
        rest, parts.patronymic = [parts.patronymic], None  # "Pavel Yaroshevich": -evich here is the surname
    if rest:
        parts.surname = rest[-1] if parts.given and not parts.given_is_initial and tokens and \
            tokens[0].rstrip(".") == parts.given else rest[0]
        if len(rest) > 1 and parts.given is None and rest[1][:1].isupper() and len(rest[1]) > 1:
            # "Surname Given" with a given name the table does not know
            parts.surname, parts.given = rest[0], rest[1]
    return parts


_PATRONYMIC_SUFFIX = re.compile(r"(ьевич|ьевна|ович|овна|евич|евна|ьич|ична|ич|авіч|аўна|эвіч|овіч|евіч|еўна|оўна|ічна|іч|"
                                r"ovich|ovna|evich|evna|ich|ichna|avich|avna|ievich|ievna)$", re.I)


def is_patronymic_of_a_name(word: str, lexicon: Lexicon) -> bool:
    """ "Олегович", "Николаевич", "Мікалаевіч", "Anatolyevich": made from a given name the table knows
    (so "Вадим Олегович" names no surname), unlike "Ярошевич" or "Pavel Yaroshevich"."""
    stem = _PATRONYMIC_SUFFIX.sub("", re.sub(r"(?<=ич|іч)(?:а|у|ем|ам|ом|ым|е)$|(?<=н)(?:ы|е|у|ой|ай|ою)$", "",
                                             word.lower()))
    if len(stem) < 2 or stem == word.lower():
        return False
    candidates = [stem + end for end in ("", "й", "ий", "а", "я", "ь", "ій", "i", "y", "iy")]
    if len(stem) > 2:  # Павлович -> Павел, Pavlovich -> Pavel: the dropped vowel comes back
        candidates += [stem[:-1] + vowel + stem[-1] for vowel in ("е", "e", "а", "о")]
    if stem.endswith(("ь", "y")):
        candidates += [stem[:-1] + "ий", stem[:-1] + "iy", stem[:-1] + "y"]
    return any(canonical_given(c, lexicon) for c in candidates)


def person_key(parts: NameParts, lexicon: Lexicon, full_given: bool = False) -> str | None:
    if not parts.surname:
        return None
    key = "person:" + skeleton(parts.surname)
    if parts.given:
        if full_given and not parts.given_is_initial:
            key += "-" + _fold(canonical_given(parts.given, lexicon) or parts.given).lower()
        else:
            key += "-" + initial_of(parts.given, lexicon)
    return key
