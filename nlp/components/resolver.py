"""Entity resolution inside a document, and keys that are stable across documents.

PERSON: name parts, rank and position from the titles next to the mention, and a key from
``nlp.names`` (surname skeleton + given-name initial). Mentions without a given name join the
person with the same surname in the document ("Рудак Д.О." ... "Рудака"); when two people share
it, the grammatical gender of the form decides ("Савченкова" is Marina Savchenkova only when she
is in the text and the form is hers). A mention with neither surname nor a known official role
(a victim's first name) gets a document-local key.
UNIT: the gazetteer id, else ``org:`` + its normalised words. PLACE: ``place:`` + normalised
words. DATE: ``date:start/end``. INCIDENT: document-local, with the date of its sentence or the
last date before it, and its violation type.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from functools import lru_cache

from rapidfuzz.distance import OSA
from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp import dates
from nlp import lexicon as lexicon_module
from nlp.lexicon import words
from nlp import names
from nlp.morphology import analyzer
from nlp.components.entities import attrs

TYPO_MIN_LETTERS = 5   # a surname shorter than this is never read as a typo of another in the same text

FEMININE_ENDINGS = ("ова", "ева", "ёва", "ина", "ына", "ая", "ава")




@lru_cache(maxsize=50_000)
def normal_word(word: str) -> str:
    if re.search(r"[а-яё]", word.lower()) and not re.search(r"[іў]", word.lower()):
        return analyzer().parse(word)[0].normal_form
    return word.lower()


@lru_cache(maxsize=50_000)
def nominative(word: str, kind: str, gender: str = "") -> str:
    """A Cyrillic name part in the nominative: 'Гурского' -> 'Гурский', 'Бурака' -> 'Бурак',
    'Вайтовичем' -> 'Вайтович', 'Кулешову' (a woman) -> 'Кулешова'; Latin script unchanged."""
    lower = word.lower()
    if not re.search(r"[а-яёіў]", lower):
        return word
    if not re.search(r"[іў]", lower):  # Russian: the dictionary knows -ов/-ин/-ский surnames and given names
        for parse in analyzer().parse(word):
            if kind in parse.tag and (not gender or kind != "Surn" or _GENDER_TAG[gender] in parse.tag):
                inflected = parse.inflect({"nomn"})
                if inflected:
                    return inflected.word.capitalize() if word[:1].isupper() else inflected.word
    if kind != "Surn":
        return word
    if gender == "f":  # "Саўчанкову", "Савченковой" -> "Саўчанкова", "Савченкова"
        match = re.match(r"(.+(?:ов|ев|ёв|ин|ын|ав))(?:ой|ою|у|ай)$", word, re.I)
        return match.group(1) + "а" if match else word
    # a man's consonant-stem surname: "Бурака", "Хоміча", "Вайтовичем", "Трафімчыку" -> stem
    match = re.match(r"(.+(?:[чцшщжр]|[аоуыіиеэюяё]к|[аоуеі]в|[аоуыіи]н))(?:а|у|ам|ом|ем|ым|ім|е)$", word, re.I)
    if match:
        return match.group(1)
    match = re.match(r"(.+[сзлнтд])(?:я|ю|ем|ём)$", word, re.I)  # "Кондруся" -> "Кондрусь"
    if match:
        return match.group(1) + "ь"
    match = re.match(r"(.+[кхг])(?:и|і|е|у|ой|ай)$", word, re.I)  # "Сивухи" -> "Сивуха"
    return match.group(1) + "а" if match else word


_GENDER_TAG = {"m": "masc", "f": "femn"}


NOT_THE_SAME = ("не путать с", "не путать со", "не перепутать с", "не блытаць з", "не блытаць са",
                "not to be confused with", "not the same as", "no relation to", "не родственник")


def _set_apart(person: Span) -> bool:
    """ "Не блытаць з маёрам Сяргеем Ламейкам": the writer says this namesake is someone else, so a
    surname alone elsewhere in the text is not him."""
    words = person.doc[max(0, person.start - 15):person.start]  # not Doc.text: it joins every token
    before = words.text[-60:].lower()
    return any(cue in before for cue in NOT_THE_SAME)


def _stem(surname: str) -> str:
    """A man's surname without its case ending: "гурского", "гурский" -> "гурск"; "ламейкам" -> "ламейк"."""
    return re.sub(r"(?:ий|ый|ой|ая|ого|ему|ому|ым|ым|ом|ем|ам|ім|ам|а|у|е|і|ы|я|ю)$", "", surname.lower())


GENERIC_ORGANISATIONS = words("generic_organisations")


class EntityResolver:
    def __init__(self):
        self.lexicon = lexicon_module.load()
        self.rank_words = {word.lower() for title in self.lexicon.titles.values() if title.kind == "rank"
                           for form in title.forms for word in form.split()}

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # Doc.text joins every token: read it once
        doc_tag = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        titles = list(doc.spans.get("titles", []))
        persons = []
        last_date = None
        self._dates = [e for e in doc.ents if e.label_ == "DATE"]
        self._sentence_starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        not_units = []
        for ent in doc.ents:
            values = attrs(ent)
            if ent.label_ == "PERSON":
                persons.append(ent)
                self._titles(doc, ent, titles)
            elif ent.label_ == "UNIT":
                unit = self.lexicon.unit(ent._.key) if ent._.key else None
                words = [t for t in ent if t.is_alpha]  # none in "Change.org", "Лента.ру": those stay units
                if unit is None and words and all(t.lower_ in self.rank_words for t in words):
                    not_units.append(ent)  # "Warrant", "Lieutenant" (rank words only) taken for an organisation
                    continue
                if unit is None and ent.text.lower() in GENERIC_ORGANISATIONS:
                    not_units.append(ent)  # "СМИ", "Telegram-канал": a kind of organisation, none named
                    continue
                if unit is None:
                    ent._.key = "org:" + "-".join(names._fold(normal_word(t.text)) for t in ent if t.is_alpha)
                    ent._.canonical = ent.text
                else:
                    ent._.canonical = unit.display("en" if doc._.lang == "en" else "ru")
                    values["unit_kind"] = unit.kind
                    if unit.parent:
                        values["parent"] = unit.parent
            elif ent.label_ == "PLACE":
                words = [normal_word(t.text) for t in ent if t.is_alpha or t.like_num]
                ent._.key = self.lexicon.place_forms.get(ent.text.lower()) or \
                    "place:" + "-".join(names._fold(w).lower() for w in words)  # Мінску -> place:minsk
                known = (self.lexicon.places.get(ent._.key) or {}).get("names", {})
                ent._.canonical = known.get("en" if doc._.lang == "en" else "ru") or \
                    " ".join(w.capitalize() if i == len(words) - 1 else w for i, w in enumerate(words))
            elif ent.label_ == "DATE":
                if dates.bound(text, ent.start_char, ent.text) is None:
                    last_date = ent  # "С октября 2020 года ОМОН возглавляет ...": a post's start dates no act
                ent._.key = f"date:{values.get('date_start')}/{values.get('date_end')}"
                ent._.canonical = f"{values.get('date_start')}..{values.get('date_end')}"
            elif ent.label_ == "INCIDENT":
                ent._.key = f"incident:{doc_tag}:{ent.start_char}"
                ent._.canonical = ent.text
                date = self._sentence_date(doc, ent) or last_date
                if date is not None:
                    values["date_start"] = date._.attrs["date_start"]
                    values["date_end"] = date._.attrs["date_end"]
                    values["date_precision"] = date._.attrs.get("precision")
        if not_units:
            dropped = {(n.start, n.end) for n in not_units}  # Doc.ents makes new Span objects on every read
            doc.ents = [e for e in doc.ents if (e.start, e.end) not in dropped]
        self._person_keys(persons, doc_tag)
        return doc

    def _sentence_date(self, doc: Doc, ent: Span) -> Span | None:
        index = bisect_right(self._sentence_starts, ent.start) - 1
        start = self._sentence_starts[index]
        end = self._sentence_starts[index + 1] if index + 1 < len(self._sentence_starts) else len(doc)
        found = [e for e in self._dates if start <= e.start < end]
        return min(found, key=lambda d: abs(d.start - ent.start)) if found else None

    def _titles(self, doc: Doc, person: Span, titles: list[Span]) -> None:
        """Rank and position written next to the person (before it, or right after a comma/dash)."""
        values = attrs(person)
        for title in reversed([t for t in titles if t.end <= person.start and person.start - t.end <= 6]):
            between = doc[title.end:person.start]
            if any(tok.is_punct and tok.text not in ("«", "»", '"') for tok in between):
                continue
            if any(tok.ent_type_ == "PERSON" for tok in between):
                continue
            info = self.lexicon.titles[title.label_]
            slot = "rank" if info.kind == "rank" else "position"
            values.setdefault(slot, info.canonical.get("en" if doc._.lang == "en" else "ru", title.text))
            values.setdefault(f"{slot}_id", info.id)
        for title in [t for t in titles if t.start >= person.end and t.start - person.end <= 2]:
            between = doc[person.end:title.start]
            if all(tok.text in (",", "—", "–", "-", "a", "the") for tok in between):
                info = self.lexicon.titles[title.label_]
                slot = "rank" if info.kind == "rank" else "position"
                values.setdefault(slot, info.canonical.get("en" if doc._.lang == "en" else "ru", title.text))
                values.setdefault(f"{slot}_id", info.id)
                break

    def _person_keys(self, persons: list[Span], doc_tag: str) -> None:
        parsed = [(p, names.parse(p.text, self.lexicon)) for p in persons]
        groups: dict[str, list] = {}
        for span, parts in parsed:
            if parts.surname:
                groups.setdefault(names.skeleton(parts.surname), []).append((span, parts))
        for span, parts in parsed:
            values = attrs(span)
            for field, value in (("surname", parts.surname), ("given_name", parts.given),
                                 ("patronymic", parts.patronymic)):
                if value:
                    values[field] = value
            flags = names.normalise_for_matching(span.text)[1]
            if flags:  # look-alike letters of another script, invisible characters, bidi controls
                values["name_flags"] = flags
            if not parts.surname:
                written = names.strip_invisible(span.text)
                canonical = names.canonical_given(parts.given or written, self.lexicon) or written
                span._.key = f"person:{doc_tag}:{names._fold(canonical).lower()}"
                span._.canonical = written
                continue
        for span, parts in parsed:  # "Вадим Олегович" next to "Гурский Вадим Олегович" elsewhere in the text
            if not parts.surname and parts.given and parts.patronymic:
                given = names.canonical_given(parts.given, self.lexicon)
                same = [(s, p) for s, p in parsed if p.surname and p.given and not p.given_is_initial
                        and names.canonical_given(p.given, self.lexicon) == given]
                if len({names.skeleton(p.surname) for _, p in same}) == 1:
                    parts.surname = same[0][1].surname
                    groups.setdefault(names.skeleton(parts.surname), []).append((span, parts))
        groups, mistyped = _join_mistyped(groups, self.lexicon)
        for skeleton, members in groups.items():
            initials: dict[str, list] = {}
            for span, parts in members:
                if parts.given:
                    initials.setdefault(names.initial_of(parts.given, self.lexicon), []).append((span, parts))
            for initial, same in initials.items():  # same initial, different full given names -> full keys
                full = {names.canonical_given(p.given, self.lexicon) or p.given.lower()
                        for _, p in same if not p.given_is_initial}
                for span, parts in same:
                    span._.key = names.person_key(parts, self.lexicon, full_given=len(full) > 1)
            for span, parts in members:
                if parts.given:
                    continue
                fitting = {initial: same for initial, same in initials.items()
                           if (span.start in mistyped or self._form_fits(span, same))
                           and not any(_set_apart(s) for s, _ in same)}
                if len(fitting) == 1:
                    (initial, same), = fitting.items()
                    span._.key = same[0][0]._.key
                elif fitting:  # "Judge Yaroshevich" is the judge, not the colonel of the same name
                    span._.key = self._by_title(span, fitting) or self._by_gender(span, fitting)
                else:  # "подполковника Ярошевича" is not the judge "Н. С. Ярошевич": a person of its own
                    span._.key = names.person_key(parts, self.lexicon)
            best = max(members, key=lambda m: (m[1].complete, len(m[0].text)))
            canonical = self._canonical(best[1])
            for span, _ in members:
                same_key = [m for m in members if m[0]._.key == span._.key]
                best_same = max(same_key, key=lambda m: (m[1].complete, len(m[0].text)))
                span._.canonical = self._canonical(best_same[1]) or canonical

    def _form_fits(self, span: Span, same: list) -> bool:
        """Can this surname form belong to that person? Gender from the given name; a woman's surname
        ending in a consonant does not decline ("Ярошевич", never "Ярошевича"), a man's does; the
        verb after the name tells a woman's "Савченкова встречала" from a man's genitive."""
        given = next((p.given for _, p in same if p.given and not p.given_is_initial), None)
        gender = self.lexicon.given_gender.get(names.canonical_given(given, self.lexicon) or "", "") if given else ""
        if not gender:  # "Судья Ярмолович Н.С. дала мне 10 суток": the verb tells
            gender = next((g for g in (self._verb_gender(s) for s, _ in same) if g), "")
        form = names.normalise_for_matching(span.text)[0].lower()
        said_of = self._verb_gender(span)
        if said_of and gender and said_of != gender:
            return False
        surnames = {names.normalise_for_matching(p.surname)[0].lower() for _, p in same if p.surname}
        if gender == "f":  # "Кулешову", and the -ой/-ою/-ай of a woman's -ова/-ина ("Козловой", "Саўчанковай")
            return any(form == f or (f.endswith(("а", "я")) and form[:-1] in (f[:-1], f[:-2]) and len(form) <= len(f) + 1)
                       or (f.endswith("а") and form.endswith(("ой", "ою", "ай")) and form[:-2] == f[:-1])
                       for f in surnames)
        if gender == "m":  # the same stem, whatever case either form is in ("Ламейкам" ~ "Ламейка")
            return any(form == f or _stem(form) == _stem(f) for f in surnames)
        return True

    @staticmethod
    def _by_title(span: Span, candidates: dict[str, list]) -> str | None:
        """The one candidate named with the same position (else rank) as this mention."""
        values = span._.attrs or {}
        for slot in ("position_id", "rank_id"):
            if not values.get(slot):
                continue
            same = [group for group in candidates.values()
                    if any((s._.attrs or {}).get(slot) == values[slot] for s, _ in group)]
            if len(same) == 1:
                return same[0][0][0]._.key
        return None

    @staticmethod
    def _verb_gender(span: Span) -> str:
        """Gender of a past-tense verb right after a name: "Савченкова встречала" (f), "Гурский сказал" (m)."""
        nxt = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
        if len(nxt) <= 3:
            return ""
        if nxt.endswith(("ла", "лась")):
            return "f"
        return "m" if nxt.endswith(("ил", "ал", "ел", "ёл", "ыл", "ул", "ял", "іў", "аў", "еў", "ыў")) else ""

    def _by_gender(self, span: Span, initials: dict[str, list]) -> str:
        feminine_form = span.text.lower().endswith(FEMININE_ENDINGS)
        candidates = []
        for initial, same in initials.items():
            ref_span, parts = same[0]
            given = names.canonical_given(parts.given, self.lexicon) if not parts.given_is_initial else None
            gender = self.lexicon.given_gender.get(given or "", "")
            surname_forms = {p.surname.lower() for _, p in same if p.surname}
            candidates.append((ref_span._.key, gender, surname_forms))
        for key, gender, forms in candidates:
            if feminine_form and gender == "f" and span.text.lower() in forms:
                return key
        for key, gender, _ in candidates:
            if gender == "m":
                return key
        return candidates[0][0]

    def _canonical(self, parts: names.NameParts) -> str:
        given = names.canonical_given(parts.given, self.lexicon) if parts.given and not parts.given_is_initial else None
        gender = self.lexicon.given_gender.get(given or "", "")
        pieces = []
        if parts.given:
            pieces.append(parts.given + "." if parts.given_is_initial else nominative(parts.given, "Name"))
        if parts.patronymic:
            pieces.append(parts.patronymic + "." if len(parts.patronymic) == 1 else nominative(parts.patronymic, "Patr"))
        if parts.surname:
            pieces.append(nominative(parts.surname, "Surn", gender))
        return " ".join(pieces)


@Language.factory("entity_resolver", requires=["doc.ents", "doc.spans", "span._.attrs"],
                  assigns=["doc.ents", "span._.key", "span._.canonical", "span._.attrs"])
def make_entity_resolver(nlp: Language, name: str) -> EntityResolver:
    return EntityResolver()


def _join_mistyped(groups: dict[str, list], lexicon) -> tuple[dict[str, list], set[int]]:
    """Within one text, a surname written once or twice one letter away from the surname of exactly one
    other person named there more often, or as often but in full while the surname stands alone ("Мнрозов"
    beside "В. Н. Морозов", "Ціханау" typed for "Ціханаў") is that person's, mistyped: one text seldom names two officials whose surnames differ by
    one letter. Initials must not contradict. Returns the groups with such typos joined, and the first
    tokens of the mistyped mentions (their form says nothing about case or gender)."""
    def spelled(parts) -> str:  # without a case ending, nor the vowels it may leave ("Ярлова" -> arlov)
        return re.sub("[aeiouy]+$", "", names._fold(names.strip_case_ending(parts.surname)).lower())

    def named(members) -> bool:  # a surname alone is the likelier typo than the surname of a full name
        return any(p.given for _, p in members)

    def initials(members) -> set[str]:
        return {names.initial_of(p.given, lexicon) for _, p in members if p.given}

    merged, mistyped = dict(groups), set()
    for skeleton, members in sorted(groups.items(), key=lambda kv: len(kv[1])):
        if skeleton not in merged:
            continue
        words = {spelled(p) for _, p in members}
        if min(len(w) for w in words) < TYPO_MIN_LETTERS:
            continue
        near = [other for other, theirs in merged.items() if other != skeleton
                and (len(theirs) > len(members) or len(theirs) == len(members) and named(theirs) and not named(members))
                and any(OSA.distance(w, spelled(p), score_cutoff=1) <= 1 for w in words for _, p in theirs)
                and (not initials(members) or initials(members) <= initials(theirs))]
        if len(near) == 1:
            target = merged[near[0]]
            meant = max((p.surname for _, p in target), key=[p.surname for _, p in target].count)
            for span, parts in members:  # keys are made from the surname meant (the attrs keep the one written)
                parts.surname = meant
                mistyped.add(span.start)
            merged[near[0]] = target + merged.pop(skeleton)
    return merged, mistyped
