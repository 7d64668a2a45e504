"""Person names: parts, spelling-independent keys, and canonical display forms.

A person's ``key`` must be the same for "Савченков", "Савченкова" (genitive), "Саўчанкоў",
"Savchenkov" and "Sauchankou" (a fictional official). Keys are built from two parts:

* the **surname skeleton**: the surname transliterated to ASCII, case endings removed, Belarusian
  -оў/-еў read as -ов/-ев, Belarusian h read as g, digraphs folded, and vowels after the first
  letter dropped (vowels carry most of the Russian/Belarusian/Latin spelling differences);
* the **initial of the given name**, after mapping the given name to its canonical Russian form
  through ``given_names.jsonl`` (Мікалай, Mikalai and Nikolai are all Николай, initial "n"; digraphs
  count as one letter: Жанна/Zhanna "zh", Харитон/Khariton "kh").

Before any of this, ``normalise_for_matching`` drops invisible characters (zero-width, soft hyphen,
word joiner, BOM) and bidirectional controls, and reads look-alike letters of the other script in the
script of the majority of the word ("Грoмов" with a Latin o is "Громов"); its flags ("mixed_script",
"invisible_characters", "bidi_control") go into a PERSON's attrs as ``name_flags``. Belarusian/Latin
-аў/-au/-aŭ read as -ов and шч as щ, so "Hramau", "Громаў" and "Громов", "Шчарбак" and "Щербак" share a
skeleton. Initials Я., Ю., Ё. and their Latin Y., Yu., Ya. all give "y".

Two different people who share a surname but whose given-name initials differ get different
keys. When one document names two people with the same surname and the same initial but
different given names, their keys carry the full canonical given name (see ``resolve``).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass

from anyascii import anyascii
from rapidfuzz.distance import OSA

from nlp.lexicon import DATA_DIR, Lexicon, read_jsonl

_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "e", "ж": "Z", "з": "z",
    "и": "i", "і": "i", "ї": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ў": "v", "ф": "f", "х": "X", "ц": "T", "ч": "C", "ш": "S", "щ": "S", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "u", "я": "a", "'": "", "’": "", "ʼ": "",
}
_LATIN_DIACRITICS = {"č": "C", "š": "S", "ž": "Z", "ŭ": "u", "ł": "l", "ć": "C", "ś": "s", "ź": "z", "ń": "n"}
_LATIN_DIGRAPHS = (("shch", "S"), ("szcz", "S"), ("sch", "S"), ("zh", "Z"), ("kh", "X"), ("ch", "C"), ("sh", "S"), ("ts", "T"),
                   ("tz", "T"), ("cz", "C"), ("sz", "S"), ("dz", "d"))
# Russian case endings of surnames (longest first); removed before the skeleton is made.
_CASE_ENDINGS = ("ого", "его", "ому", "ему", "ыми", "ими", "ой", "ым", "им", "ом", "ем", "ую", "юю", "ая",
                 # Belarusian
                 "ага", "яга", "аму", "яму", "ымі", "імі", "ай", "ім", "ам", "ям", "ою")
_VOWELS = set("aeiouyj")
# An initial: one capital letter, Belarusian Дз, or a Latin digraph that spells one Cyrillic letter
# (Yu. for Ю., Zh. for Ж.)
_INITIALS = re.compile(r"^([A-ZА-ЯЁІЎ]|Дз|Dz|Yu|Ya|Ye|Yo|Zh|Kh|Ch|Sh|Ts)\.?$")
_LATIN_INITIALS = {"yu": "y", "ya": "y", "yo": "y", "ye": "e"}  # Ю. Я. Ё. -> y (as in initial_of), Е. -> e
PATRONYMIC = re.compile(r"(?:(?:ович|евич|ьич|авіч|эвіч|овіч|еевіч|аевіч|евіч)(?:а|у|ем|ам|ом|ым|е)?|"
                        r"(?:овн|евн|ичн|иничн|аўн|еўн|оўн|аун|еун|оун|ічн)(?:а|ы|е|у|ой|ай|ою)|"
                        r"ovich|evich|ovna|evna|avich|eevich|avna|ichna|ovič|avič|evič|aŭna|eŭna|auna|euna|"
                        r"owitsch|ewitsch|owna|ewna)$", re.I)  # Łacinka -evič/-aŭna, German -owitsch/-owna


# Characters that show nothing (zero-width, word joiner, byte-order mark, soft hyphen) and bidirectional
# controls: a name typed or pasted with them must give the same key as without them.
INVISIBLE_CHARS = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_UNSEEN = INVISIBLE_CHARS | BIDI_CONTROLS
_UNSEEN_RE = re.compile("[" + "".join(sorted(_UNSEEN)) + "]")
# Latin letters that look like Cyrillic ones, and the reverse (the reading a reader's eye gives them).
_LATIN_TO_CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і",
                      "A": "А", "B": "В", "E": "Е", "K": "К", "M": "М", "H": "Н", "O": "О", "P": "Р", "C": "С",
                      "T": "Т", "X": "Х", "Y": "У", "I": "І"}
_CYRILLIC_TO_LATIN = {c: l for l, c in _LATIN_TO_CYRILLIC.items()}
_WORD = re.compile(r"[^\W\d_]+")


def _script(ch: str) -> str:
    if "\u0400" <= ch <= "\u04ff":
        return "cyrillic"
    if ch.isascii() or "\u00c0" <= ch <= "\u024f":
        return "latin"
    return "other"


def has_unseen(text: str) -> bool:
    return _UNSEEN_RE.search(text) is not None


def is_unseen(ch: str) -> bool:
    return ch in _UNSEEN


def strip_invisible(text: str) -> str:
    """The text without zero-width characters, soft hyphens and bidirectional controls (what a reader sees)."""
    return _UNSEEN_RE.sub("", text) if _UNSEEN_RE.search(text) else text


_HAS_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_HAS_CYRILLIC = re.compile("[\u0400-\u04ff]")


def unconfuse(text: str) -> tuple[str, bool]:
    """Look-alike letters of the other script mapped to the script of the majority of each word
    ("Грoмов" with a Latin o -> "Громов"). One character for one: offsets stay valid. Returns the text
    and whether some word mixed the two scripts."""
    if not (_HAS_LATIN.search(text) and _HAS_CYRILLIC.search(text)):
        return text, False  # one script only: nothing to read otherwise (the common case, kept fast)
    mixed = False

    def fix(match: re.Match) -> str:
        nonlocal mixed
        word = match.group(0)
        scripts = [_script(ch) for ch in word]
        if "cyrillic" not in scripts or "latin" not in scripts:
            return word
        mixed = True
        # letters that exist in one script only decide; when they tie, all letters do
        strict_cyr = sum(s == "cyrillic" and ch not in _CYRILLIC_TO_LATIN for ch, s in zip(word, scripts))
        strict_lat = sum(s == "latin" and ch not in _LATIN_TO_CYRILLIC for ch, s in zip(word, scripts))
        if strict_cyr == strict_lat:
            strict_cyr, strict_lat = scripts.count("cyrillic"), scripts.count("latin")
        if strict_cyr > strict_lat:
            return "".join(_LATIN_TO_CYRILLIC.get(ch, ch) if s == "latin" else ch for ch, s in zip(word, scripts))
        if strict_lat > strict_cyr:
            return "".join(_CYRILLIC_TO_LATIN.get(ch, ch) if s == "cyrillic" else ch for ch, s in zip(word, scripts))
        return word

    return _WORD.sub(fix, text), mixed


def normalise_for_matching(text: str) -> tuple[str, list[str]]:
    """The text as names are compared: invisible characters and bidirectional controls dropped, look-alike
    letters of the other script read in the script of the majority of the word. Returns the text and
    flags ("mixed_script", "invisible_characters", "bidi_control") saying what was found."""
    flags = []
    if _UNSEEN_RE.search(text):
        if any(ch in INVISIBLE_CHARS for ch in text):
            flags.append("invisible_characters")
        if any(ch in BIDI_CONTROLS for ch in text):
            flags.append("bidi_control")
        text = _UNSEEN_RE.sub("", text)
    text, mixed = unconfuse(text)
    if mixed:
        flags.insert(0, "mixed_script")
    return text, flags


@lru_cache(maxsize=200_000)
def _fold(text: str) -> str:
    """Lowercase, transliterate to ASCII with digraphs as single upper-case markers."""
    text = unicodedata.normalize("NFC", normalise_for_matching(text)[0]).lower().replace("-", "")
    if re.search(r"[а-яёіў]", text):
        if text.endswith(("оў", "еў", "ёў", "аў")) or ("ў" not in text and len(text) > 4
                                                     and text.endswith(("оу", "еу", "ёу", "ау"))):
            text = text[:-1] + "в"  # Belarusian -оў, also when ў is typed as у ("Быстроу", "Ціханау")
        text = text.replace("дз", "д").replace("шч", "щ")  # Belarusian шч is Russian щ: Шчур ~ Щур
        text = re.sub(r"(?<=[аеоэяё])у(?=[бвгджзклмнпрстфхцчшщ])", "ў", text)  # ў typed as у: Шаучык ~ Шаўчык
        return "".join(_CYR.get(ch, ch) for ch in text)
    for src, dst in _LATIN_DIACRITICS.items():
        text = text.replace(src, dst)
    text = anyascii(text).lower() if not text.isascii() else text
    for src, dst in _LATIN_DIGRAPHS:
        text = text.replace(src, dst)
    text = text.replace("c", "T")  # a c left alone is ц (Savickiy, Harbackaja); ч is written ch, cz or č
    if text.endswith(("ou", "ow", "eu", "ew", "au", "aw")):  # Belarusian -оў/-еў/-аў: Zakharau ~ Захаров
        text = text[:-1] + "v"
    text = re.sub(r"(?<=[aeo])u(?=[^aeiouy])", "v", text)  # Belarusian ў: Sauchankou ~ Savchenkov
    return text.replace("w", "v").replace("x", "ks")


# German transliteration (Duden), as German prosecutors' and newspapers' documents spell Belarusian names:
# tsch = ч, sch = ш/ж, ch = х, z = ц, s before a vowel = з, w = в ("Senkewitsch" = Зенькевич).
_GERMAN_MARKS = re.compile(r"sch|w|[oe]w$|[oe]wa$")
_GERMAN_LETTERS = re.compile(r"tsch|sch|ch|z|(?:(?<![a-z])|(?<=[aeiouy]))s(?=[aeiouy])")


_BELARUSIAN_OU = re.compile(r"(?<=^[^аеёіоуыэюя])[ао][ўу](?=[бвгджзклмнпрстфхцчшщ])")
_BELARUSIAN_OU_LATIN = re.compile(r"(?<=^[^aeiouy])[ao][uŭw](?=[bvgdzklmnprstfhc])")


def skeleton_readings(surname: str) -> tuple[str, ...]:
    """The skeletons a surname may stand for, the usual one first. A Cyrillic surname has one; a Latin
    one may be read by another transliteration: Latin h for х as well as for Belarusian г ("Tihonov"),
    c for ц (Łacinka "Harbackaja"), and German spellings by German rules. Which reading is meant is for the resolution stage to choose
    (the one the other mentions write)."""
    default = skeleton(surname)
    bare = normalise_for_matching(strip_case_ending(surname))[0]
    if not default:
        return ()
    lower = unicodedata.normalize("NFC", bare).lower()
    readings = [default]
    if re.search(r"[а-яёіў]", lower):
        if _BELARUSIAN_OU.search(lower):  # Belarusian ў for Russian л: Ваўковіч = Волкович (воўк, волк)
            readings.append(skeleton(_BELARUSIAN_OU.sub("ол", lower)))
        return tuple(dict.fromkeys(r for r in readings if r))
    if "h" in lower:
        readings.append(skeleton(re.sub(r"(?<![zcsk])h", "kh", lower)))
    if re.search(r"c(?![hz])", lower):  # a c alone is ц ("Harbackaja" = Гарбацкая), rarely ч
        readings.append(skeleton(re.sub(r"c(?![hz])", "ch", lower)))
    if "ch" in lower and "sch" not in lower:  # Łacinka and Polish ch is х: "Pachomaŭ" = Пахомаў
        readings.append(skeleton(lower.replace("ch", "kh")))
    if re.search(r"(?<![sd])z(?!h)", lower):  # German z is ц: "Jazuk" = Яцук
        readings.append(skeleton(re.sub(r"(?<![sd])z(?!h)", "ts", lower)))
    if _BELARUSIAN_OU_LATIN.search(lower):  # "Vaukovich" = Волкович
        readings.append(skeleton(_BELARUSIAN_OU_LATIN.sub("ol", lower)))
    if _GERMAN_MARKS.search(lower):
        for sch in ("sh", "zh"):  # German sch writes both ш and ж
            english = {"tsch": "ch", "sch": sch, "ch": "kh", "z": "ts", "s": "z"}
            readings.append(skeleton(_GERMAN_LETTERS.sub(lambda m: english[m.group()], lower)))
    return tuple(dict.fromkeys(r for r in readings if r))


def strip_case_ending(surname: str) -> str:
    surname = normalise_for_matching(surname)[0]
    lower = surname.lower()
    if re.search(r"[а-яёіў]", lower) and len(lower) > 5:
        for ending in _CASE_ENDINGS:
            if lower.endswith(ending):
                return surname[: -len(ending)]
    return surname


@lru_cache(maxsize=200_000)
def skeleton(surname: str) -> str:
    return _skeleton_of_folded(_fold(strip_case_ending(surname)))


def _skeleton_of_folded(folded: str) -> str:
    folded = re.sub(r"(?<![ZCSX])h", "g", folded)  # Belarusian/Latin h ~ Russian g
    if not folded:
        return ""
    head = "y" if folded[0] in _VOWELS else folded[0]  # Ярашэвіч/Yaroshevich, Ермаков/Yermakov
    tail = "".join(ch for ch in folded[1:] if ch not in _VOWELS)
    tail = re.sub(r"(.)\1+", r"\1", tail)
    return (head + tail).lower()


def canonical_given(name: str, lexicon: Lexicon, by_skeleton: bool = True, gender: str | None = None) -> str | None:
    """The canonical (Russian) given name a spelling stands for: from the name table; a Latin spelling the
    table lacks (German "Wassili", "Swjatoslaw"; "Hienadz") by its consonant skeleton when exactly one
    name (of ``gender``, when given) has it among the table's spellings (unless ``by_skeleton`` is False)."""
    word = normalise_for_matching(name)[0].lower().strip(".")
    known = lexicon.given_names.get(word)
    if known or not by_skeleton or not re.fullmatch(r"[a-zčšžŭłćśźń]+", word) or not _SPELLING_MARKS.search(word) \
            or len(skeleton(word)) < 3:
        return known
    return given_of_skeleton(word, lexicon, gender)


def given_of_skeleton(word: str, lexicon: Lexicon, gender: str | None = None) -> str | None:
    """The one canonical given name (of ``gender``, when given) whose spellings share the word's consonant
    skeleton; None when none or several do."""
    readings = {n for n, its_gender in given_by_skeleton(lexicon).get(skeleton(word), ())
                if gender is None or its_gender == gender}
    return readings.pop() if len(readings) == 1 else None


def deletions(word: str) -> set[str]:
    """The word and the word with each one of its letters left out: two words one edit apart (a letter
    changed, added, dropped, or two swapped) share one of these (SymSpell's index)."""
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


@lru_cache(maxsize=4)
def _given_forms_by_deletion(lexicon: Lexicon) -> dict[str, frozenset]:
    """Every spelling and case form of a given name in the table, by each of its ``deletions``."""
    found: dict[str, set[tuple[str, str]]] = {}
    for form, canonical in lexicon.given_names.items():
        for variant in deletions(form):
            found.setdefault(variant, set()).add((form, canonical))
    return {key: frozenset(value) for key, value in found.items()}


def given_of_typo(word: str, lexicon: Lexicon) -> str | None:
    """The one canonical given name a word of five letters or more is a typo of: a letter changed, or two
    swapped, in one spelling or case form the table has ("Сярггй", "Ириаа", "Евнений"); None when the word
    has a surname's ending, or fits no name or several."""
    lower = normalise_for_matching(word)[0].lower().strip(".")
    if len(lower) < 5 or lower in lexicon.given_names or _SURNAME_ENDING.search(lower):
        return None
    index = _given_forms_by_deletion(lexicon)
    meant = {canonical for variant in deletions(lower) for form, canonical in index.get(variant, ())
             if len(form) == len(lower) and OSA.distance(form, lower) == 1}  # changed or swapped, not added
    return meant.pop() if len(meant) == 1 else None


# letters that mark a German, Polish or Łacinka spelling (not an English word: "Major" is no Мария)
_SPELLING_MARKS = re.compile(r"w|sch|[čšžŭłćśźń]|dz|j[aeiou]")


@lru_cache(maxsize=4)
def given_by_skeleton(lexicon: Lexicon) -> dict[str, frozenset]:
    """Canonical given names with their gender, by the consonant skeleton of their spellings in the name
    table (``variants``, not diminutives: "Yuras" would make Ярош a Юрий)."""
    found: dict[str, set[tuple[str, str]]] = {}
    for row in read_jsonl(DATA_DIR / "given_names.jsonl"):
        for written in [row["canonical"], *row.get("variants", [])]:
            if skeleton(written):
                found.setdefault(skeleton(written), set()).add((row["canonical"], row.get("gender")))
    return {skel: frozenset(canonicals) for skel, canonicals in found.items()}


@lru_cache(maxsize=4)
def _male_forms(lexicon: Lexicon) -> dict[str, str]:
    """Case forms of men's names (the table's ``forms``): "евгения" -> Евгений."""
    return {form.lower(): row["canonical"] for row in read_jsonl(DATA_DIR / "given_names.jsonl")
            if row.get("gender") == "m" for form in row.get("forms", [])}


def male_name_of_form(word: str, lexicon: Lexicon) -> str | None:
    """The man's name a word is a case form of ("Евгения", "Александра" -> Евгений, Александр), else None."""
    return _male_forms(lexicon).get(normalise_for_matching(word)[0].lower().strip("."))


def initial_of(given: str, lexicon: Lexicon) -> str:
    if given.lower().strip(".") in _LATIN_INITIALS:
        return _LATIN_INITIALS[given.lower().strip(".")]
    canonical = canonical_given(given, lexicon) or normalise_for_matching(given)[0]
    if canonical[:1] in "ЯЮЁяюё":  # iotated vowels: Я./Ю. are written Y. in Latin (Yaroslav, Yury)
        return "y"
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
    """Split a person mention into surname, given name (or initial) and patronymic.

    The parts keep the letters as written (minus invisible characters); matching reads them through
    ``normalise_for_matching``. Initials may come before or after the surname, with or without spaces
    or a final dot ("А.Р. Руденко", "Руденко А. Р.", "Kaminsky Y.G", "Дз. Руденко")."""
    written = strip_invisible(text)
    tokens = re.findall(r"[^\s.]+\.?|\.", written.replace(".", ". "))
    tokens = [t for t in (t.strip() for t in tokens) if t and t != "."]
    parts = NameParts()
    rest = []
    for token in tokens:
        bare = token.rstrip(".")
        norm = normalise_for_matching(token)[0]
        norm_bare = norm.rstrip(".")
        if _INITIALS.match(norm) and (len(norm_bare) == 1 or norm.endswith(".") or
                                      len(norm_bare) == 2 and norm_bare[1:].islower()):
            if parts.given is None:
                parts.given, parts.given_is_initial = bare, True
            elif parts.patronymic is None:
                parts.patronymic = bare
            continue
        if parts.given is None and canonical_given(bare, lexicon):
            parts.given = bare
            continue
        if PATRONYMIC.search(norm_bare) and parts.given is not None and parts.patronymic is None:
            parts.patronymic = bare
            continue
        rest.append(bare)
    if not rest and parts.patronymic and len(parts.patronymic) > 1 and parts.given \
            and patronymic_gender(parts.patronymic) != "f" \
            and (parts.given_is_initial or not is_patronymic_of_a_name(parts.patronymic, lexicon)):
        # "Pavel Yaroshevich"; "Ю. Тарасевич" (no one writes an initial before a full patronymic): the surname;
        # never "-овна/-аўна/-ovna", which no surname ends with ("Olga Iharavna" names no surname)
        rest, parts.patronymic = [parts.patronymic], None
    if rest:
        parts.surname = rest[-1] if parts.given and not parts.given_is_initial and tokens and \
            tokens[0].rstrip(".") == parts.given else rest[0]
        if len(rest) > 1 and parts.given is None and rest[1][:1].isupper() and len(rest[1]) > 1:
            # "Surname Given" with a given name the table does not know (a rare name, a typo: "Рускан"); the
            # word with a surname's ending is the surname whichever comes first ("Рускан Мишуков")
            first, second = rest[0], rest[1]
            if _SURNAME_ENDING.search(normalise_for_matching(second)[0]) and \
                    not _SURNAME_ENDING.search(normalise_for_matching(first)[0]):
                first, second = second, first
            parts.surname, parts.given = first, second
    if parts.surname and parts.given_is_initial:  # an initial is read in the script of the surname
        script = "cyrillic" if re.search(r"[а-яёіў]", normalise_for_matching(parts.surname)[0].lower()) else "latin"
        table = _LATIN_TO_CYRILLIC if script == "cyrillic" else _CYRILLIC_TO_LATIN
        parts.given = "".join(table.get(ch, ch) for ch in parts.given) if len(parts.given) == 1 else parts.given
        if parts.patronymic and len(parts.patronymic) == 1:
            parts.patronymic = table.get(parts.patronymic, parts.patronymic)
    return parts


# endings only surnames have (Russian, Belarusian, Ukrainian, Latin transliterations), in any case
_SURNAME_ENDING = re.compile(r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ск(?:ий|ая|і)|цк(?:ий|ая|і)|енко|енка|ук|юк|"
                             r"ович|евич|оў|аў|еў|ov|ev|ova|eva|in|ina|sky|ski|skaya|skaia|enko|uk|iuk|yuk|ovich|evich|"
                             r"ou|au|eu|ow|ew)(?:а|у|ым|ом|ой|ого|ему|е)?$", re.I)


_PATRONYMIC_SUFFIX = re.compile(r"(ьевич|ьевна|ович|овна|евич|евна|ьич|ична|ич|авіч|аўна|эвіч|овіч|евіч|еўна|оўна|"
                                r"ауна|еуна|оуна|ічна|іч|"
                                r"ovich|ovna|evich|evna|ich|ichna|avich|avna|ievich|ievna|"
                                # a woman's patronymic without its case ending ("Владимировны" -> "владимировн")
                                r"ьевн|овн|евн|ичн|аўн|еўн|оўн|аун|еун|оун|ічн)$", re.I)


def is_patronymic_of_a_name(word: str, lexicon: Lexicon) -> bool:
    """ "Олегович", "Николаевич", "Мікалаевіч", "Anatolyevich": made from a given name the table knows
    (so "Вадим Олегович" names no surname), unlike "Ярошевич" or "Pavel Yaroshevich"."""
    return father_name(word, lexicon) is not None


_PATRONYMIC_CASE = re.compile(r"(?<=ич|іч)(?:а|у|ем|ам|ом|ым|е)$|(?<=н)(?:ы|е|у|ой|ай|ою)$")
_LATIN_PATRONYMIC_SUFFIX = re.compile(r"(?:ovich|ovna|evich|evna|ievich|ievna|yevich|yevna|avich|avna|ich|ichna|"
                                      r"ovič|avič|evič|aŭna|auna|ouna|euna|eŭna|"
                                      r"jewitsch|owitsch|ewitsch|itsch|jewna|owna|ewna)$", re.I)


def oblique_patronymic(word: str) -> bool:
    """A patronymic in a case other than the nominative: "Андреевича", "Мікалаевіча", "Ивановны"."""
    return _PATRONYMIC_CASE.search(normalise_for_matching(word)[0].lower()) is not None


_MALE_PATRONYMIC = re.compile(r"(?:ич|іч|ič|ich|itsch|itch)(?:а|у|ем|ам|ом|ым|е)?$", re.I)
_FEMALE_PATRONYMIC = re.compile(r"(?:вн|чн|ўн|[аео]ун|vn|un|ŭn|wn)(?:а|ы|е|у|ой|ай|ою|a)$", re.I)


def patronymic_gender(word: str | None) -> str | None:
    """The sex a patronymic tells, in any case: "Вадимовича", "Vadzimavič" -> "m"; "Ивановны" -> "f".
    It decides where a given name alone cannot: "Евгения Вадимовича" is Евгений in the genitive."""
    if not word or len(word.rstrip(".")) <= 2:
        return None
    folded = normalise_for_matching(word)[0].lower()
    if _MALE_PATRONYMIC.search(folded):
        return "m"
    return "f" if _FEMALE_PATRONYMIC.search(folded) else None


def patronymic_stem(word: str) -> str | None:
    """A patronymic without its suffix and case ending, lower case: "Мікалаевіча" -> "мікала",
    "Piatrovich" -> "piatr"; None when the word has no patronymic suffix."""
    word = re.sub("['’ʼ]", "", normalise_for_matching(word)[0].lower())
    stem = _PATRONYMIC_SUFFIX.sub("", _PATRONYMIC_CASE.sub("", word))
    if stem == word:
        stem = _LATIN_PATRONYMIC_SUFFIX.sub("", word)
    return stem if len(stem) >= 2 and stem != word else None


def father_name(word: str, lexicon: Lexicon) -> str | None:
    """The canonical given name a patronymic is made from: "Мікалаевіч", "Николаевич", "Mikalaevich" ->
    "Николай"; "Уладзіміраўна" -> "Владимир"; None when the table knows no such name."""
    stem = patronymic_stem(word)
    if stem is None:
        return None
    candidates = [stem + end for end in ("", "й", "ий", "а", "я", "ь", "ій", "i", "y", "iy", "ai", "ei")]
    if len(stem) > 2:  # Павлович -> Павел, Pavlovich -> Pavel: the dropped vowel comes back
        candidates += [stem[:-1] + vowel + stem[-1] for vowel in ("е", "e", "а", "о")]
    if stem.endswith(("ь", "y")):
        candidates += [stem[:-1] + "ий", stem[:-1] + "iy", stem[:-1] + "y"]
    if stem.endswith("в"):  # Belarusian Святаслававіч -> Святаслаў
        candidates.append(stem[:-1] + "ў")
    # a German or Łacinka patronymic ("Swjatoslawowitsch", "Hienadzievič") may be made from a spelling the
    # table lacks: read by its skeleton; not an English one ("Yaroshevich" is no Юрась's son)
    by_skeleton = _SPELLED_AWAY.search(normalise_for_matching(word)[0]) is not None
    for candidate in candidates:
        canonical = canonical_given(candidate, lexicon, by_skeleton=by_skeleton, gender="m")
        if canonical:
            return canonical
    return None


_SPELLED_AWAY = re.compile(r"(?:witsch|wna|vič|ŭna)$", re.I)


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
