"""Fictional testimonies with known truth, for measuring person and event resolution.

    .venv/bin/python -m bench.synthetic_corpus OUT_DIR [--testimonies 500] [--seed 1]

writes ``OUT_DIR/t0001.txt`` ... (plain UTF-8) and ``OUT_DIR/truth.json``. Every person is invented;
units are the public ones of ``nlp/data/units.jsonl``.

The world: ~200 officials in 20+ units with dated posts (some units change commander during the
period) and ranks that only rise; namesakes on purpose (pairs sharing a surname, some with the same
initial; a few sharing surname and given name in different units; a man and a woman with one surname).
Events come in clusters that follow a detainee's path (street arrest, van, district police, Okrestina,
court; or search, interrogation, detention, court); a testimony tells 1-4 consecutive events of one
cluster, so popular clusters are told by many testimonies. Officials are drawn Zipf-like.

Phrasing varies on several independent axes: language (60 % Russian, 20 % English, 20 % Belarusian),
episode openings, act sentences with one or two act phrases and a varied word order, orders, stated posts
(with a start month), later mentions in oblique cases, private persons, fillers and closings in random
order, date precision (day, month, none) and format, and for every mention of an official a name form
(full, inverted, initials before or after, rank or post with surname, given name with patronymic, Latin
in one of five transliterations) with rare typos and look-alike characters.

truth.json: ``officials`` (names by script, sex, unit, rank history, posts), ``testimonies`` (file,
language, victim, mentions with offsets into the text, episodes with acts), ``events``.
"""
from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from bench.synthetic import phrases as P
from bench.synthetic.names import (OFFICIAL_GIVEN, OFFICIAL_SURNAMES, PRIVATE_GIVEN, PRIVATE_SURNAMES, TRANSLIT,
                                   GivenName, Surname, fold, given_form, latin_surname, patronymic,
                                   patronymic_form, surname_form, transliterate)

UNITS_FILE = Path(__file__).resolve().parents[1] / "nlp/data/units.jsonl"
LANGUAGE_WEIGHTS = {"ru": 0.6, "en": 0.2, "be": 0.2}
START, END = date(2020, 8, 9), date(2021, 12, 31)

# unit id -> (number of officials, command role, deputy role, member roles, lowest member rank, highest)
STAFFING: dict[str, tuple[int, str | None, str | None, tuple[str, ...], str | None, str | None]] = {
    "unit:omon-minsk": (40, "commander", "deputy_commander", ("company_commander", "officer", "officer", "officer"),
                        "sergeant", "captain"),
    "unit:mvd-gubopik": (16, "head", "deputy_head", ("operative",), "lieutenant", "major"),
    "unit:tsip-minsk": (16, "head", "deputy_head", ("duty_officer", "guard", "guard"), "sergeant", "captain"),
    "unit:ivs-minsk": (8, "head", "deputy_head", ("duty_officer", "guard"), "sergeant", "captain"),
    "unit:kgb": (6, "head", None, ("investigator",), "lieutenant", "major"),
    "unit:omon-gomel": (9, "commander", "deputy_commander", ("officer",), "sergeant", "captain"),
    "unit:rovd-gomel-sovetsky": (6, "head", "deputy_head", ("operative", "officer"), "sergeant", "captain"),
    **{f"unit:ruvd-minsk-{d}": (9, "head", "deputy_head", ("operative", "duty_officer", "officer"), "sergeant", "major")
       for d in P.DISTRICTS},
    **{unit: (3, None, None, ("judge",), None, None) for unit in P.UNIT_TEXT if unit.startswith("unit:court-")},
}
STORIES = {  # a detainee's path: the kinds of episode in order
    "street": ("arrest", "van", "ruvd", "okrestina", "court"),
    "raid": ("search", "interrogation", "okrestina", "court"),
    "gomel": ("arrest", "van", "ruvd"),
}
NAMESAKE_INITIAL_PAIRS = (("Сергей", "Святослав"), ("Виктор", "Вадим"), ("Василий", "Владимир"))


@dataclass
class Post:
    unit: str
    role: str
    start: date | None
    end: date | None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Official:
    id: str
    sex: str
    surname: Surname
    given: GivenName
    father: GivenName
    unit: str
    ranks: list[tuple[date | None, str]]    # (from, rank), rising
    posts: list[Post]
    weight: float = 1.0

    def rank_at(self, day: date) -> str | None:
        current = None
        for since, rank in self.ranks:
            if since is None or since <= day:
                current = rank
        return current

    def post_at(self, day: date) -> Post:
        return next((p for p in self.posts if p.covers(day)), self.posts[-1])

    def truth(self) -> dict:
        names = {lang: {"surname": surname_form(self.surname, self.sex, lang, "nom"),
                        "given": self.given.ru if lang == "ru" else self.given.be,
                        "patronymic": patronymic(self.father, self.sex, lang)} for lang in ("ru", "be")}
        names["latin"] = {"surnames": sorted({latin_surname(self.surname, self.sex, s) for s in TRANSLIT}),
                          "given": list(self.given.latin)}
        return {"id": self.id, "sex": self.sex, "names": names, "unit": self.unit,
                "ranks": [{"rank": r, "from": _iso(d)} for d, r in self.ranks],
                "posts": [{"unit": p.unit, "role": p.role, "start": _iso(p.start), "end": _iso(p.end)}
                          for p in self.posts]}


@dataclass
class Event:
    id: str
    kind: str
    day: date
    place: str
    unit: str
    perpetrators: list[str]
    ordered_by: list[str]
    testimonies: list[str] = field(default_factory=list)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _month_end(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


# -- the world ----------------------------------------------------------------------------------------
def build_officials(rng: random.Random) -> list[Official]:
    known_units = {json.loads(line)["id"] for line in UNITS_FILE.read_text(encoding="utf-8").splitlines()}
    assert set(STAFFING) <= known_units, set(STAFFING) - known_units
    surnames = list(OFFICIAL_SURNAMES)
    rng.shuffle(surnames)
    males = [g for g in OFFICIAL_GIVEN if g.sex == "m"]
    females = [g for g in OFFICIAL_GIVEN if g.sex == "f"]
    by_name = {g.ru: g for g in OFFICIAL_GIVEN}
    officials: list[Official] = []
    for unit, (size, command, deputy, members, low, high) in STAFFING.items():
        roles = ([command] if command else []) + ([deputy] if deputy else [])
        roles += [members[i % len(members)] for i in range(size - len(roles))]
        change = rng.random() < 0.5 and command is not None
        change_day = date(2020, rng.choice((10, 11, 12)), 1) if change else None
        for role in roles:
            sex = "f" if rng.random() < (0.45 if role == "judge" else 0.15 if role in ("investigator", "duty_officer", "guard") else 0.03) else "m"
            official = Official(f"O{len(officials) + 1:03d}", sex, surnames.pop(), rng.choice(females if sex == "f" else males),
                                rng.choice(males), unit, [], [])
            official.posts, official.ranks = _career(rng, unit, role, command, change_day, low, high)
            officials.append(official)
        if change_day:  # the deputy takes over the command, the commander leaves
            head = next(o for o in officials if o.unit == unit and o.posts[0].role == command)
            head.posts[0].end = change_day - timedelta(days=1)
            successor = next((o for o in officials if o.unit == unit and o.posts[0].role == deputy), None)
            if successor:
                successor.posts[0].end = change_day - timedelta(days=1)
                successor.posts.append(Post(unit, command, change_day, None))
                successor.ranks.append((change_day + timedelta(days=rng.randint(30, 200)), "colonel"))
    _make_namesakes(rng, officials, by_name)
    order = list(range(len(officials)))
    rng.shuffle(order)
    for k, index in enumerate(order, start=1):  # Zipf-like popularity
        officials[index].weight = 1.0 / k
    return officials


def _career(rng: random.Random, unit: str, role: str, command: str | None, change_day: date | None,
            low: str | None, high: str | None) -> tuple[list[Post], list[tuple[date | None, str]]]:
    start = date(rng.randint(2012, 2019), rng.randint(1, 12), 1)
    posts = [Post(unit, role, start, None)]
    if low is None:  # judges have no rank
        return posts, []
    if role == command:
        rank = "colonel" if change_day is None and rng.random() < 0.5 else "lieutenant-colonel"
    elif role.startswith("deputy"):
        rank = "lieutenant-colonel" if rng.random() < 0.3 else "major"
    else:
        lo, hi = P.RANK_ORDER.index(low), P.RANK_ORDER.index(high)
        rank = P.RANK_ORDER[rng.randint(lo, hi)]
    ranks: list[tuple[date | None, str]] = [(None, rank)]
    if rank != "colonel" and rng.random() < 0.35:
        promoted = START + timedelta(days=rng.randint(20, (END - START).days))
        ranks.append((promoted, P.RANK_ORDER[P.RANK_ORDER.index(rank) + 1]))
    return posts, ranks


def _make_namesakes(rng: random.Random, officials: list[Official], by_name: dict[str, GivenName]) -> None:
    """Pairs sharing a surname (some with the same initial, one a man and a woman), and true namesakes:
    same surname and given name in different units (one pair with the same patronymic as well)."""
    men = [o for o in officials if o.sex == "m"]
    rng.shuffle(men)
    pairs = [(men.pop(), men.pop()) for _ in range(8)]
    for _ in range(3):  # true namesakes must be in different units
        a = men.pop()
        b = next(o for o in men if o.unit != a.unit)
        men.remove(b)
        pairs.append((a, b))
    for (a, b), (first, second) in zip(pairs, NAMESAKE_INITIAL_PAIRS):
        a.given, b.given = by_name[first], by_name[second]
    for a, b in pairs[3:8]:  # a surname shared, given names different
        while b.given == a.given:
            b.given = rng.choice([g for g in OFFICIAL_GIVEN if g.sex == "m"])
    for k, (a, b) in enumerate(pairs[8:]):  # true namesakes
        b.given = a.given
        if k == 0:
            b.father = a.father
    for a, b in pairs:
        b.surname = a.surname
    women = [o for o in officials if o.sex == "f"]
    for woman in rng.sample(women, min(2, len(women))):
        man = men.pop()
        woman.surname = man.surname


def build_events(rng: random.Random, officials: list[Official], clusters: int) -> list[list[Event]]:
    staff: dict[str, list[Official]] = {}
    for official in officials:
        staff.setdefault(official.unit, []).append(official)
    districts = list(P.DISTRICTS)
    courts = [u for u in STAFFING if u.startswith("unit:court-")]
    out: list[list[Event]] = []
    for c in range(clusters):
        story = rng.choices(list(STORIES), weights=(0.65, 0.25, 0.10))[0]
        roll = rng.random()
        if roll < 0.55:
            day = date(2020, 8, rng.randint(9, 12))
        elif roll < 0.8:
            day = date(2020, 8, 13) + timedelta(days=rng.randint(0, 140))
        else:
            day = date(2021, 1, 1) + timedelta(days=rng.randint(0, 364))
        district = rng.choice(districts)
        raider = rng.choice(("unit:mvd-gubopik", "unit:mvd-gubopik", "unit:kgb"))
        units = {"arrest": "unit:omon-gomel" if story == "gomel" else "unit:omon-minsk",
                 "van": "unit:omon-gomel" if story == "gomel" else "unit:omon-minsk",
                 "ruvd": "unit:rovd-gomel-sovetsky" if story == "gomel" else f"unit:ruvd-minsk-{district}",
                 "okrestina": "unit:ivs-minsk" if story == "raid" or rng.random() < 0.2 else "unit:tsip-minsk",
                 "court": next((u for u in courts if u.endswith(district)), rng.choice(courts)),
                 "search": raider, "interrogation": raider}
        street = "place:gomel-center" if story == "gomel" else rng.choice(
            [p for p in P.STREET_PLACES if p not in ("place:gomel-center", "place:home")])
        offsets = {"arrest": 0, "van": 0, "ruvd": 0, "search": 0, "interrogation": 0, "okrestina": 1,
                   "court": rng.randint(2, 5)}
        cluster = []
        for kind in STORIES[story]:
            unit, when = units[kind], day + timedelta(days=offsets[kind])
            place = street if kind in ("arrest", "van") else "place:home" if kind == "search" else unit
            members = [o for o in staff[unit] if o.post_at(when).role not in P.COMMAND_ROLES]
            chosen = _weighted_sample(rng, members, rng.choice((1, 1, 2, 2, 3)))
            heads = [o for o in staff[unit] if o.post_at(when).role in P.COMMAND_ROLES and o.post_at(when).covers(when)]
            ordered = [heads[0].id] if heads and kind != "court" and rng.random() < 0.5 else []
            cluster.append(Event(f"E{sum(map(len, out)) + len(cluster) + 1:04d}", kind, when, place, unit,
                                 [o.id for o in chosen], ordered))
        out.append(cluster)
    return out


def _weighted_sample(rng: random.Random, items: list[Official], k: int) -> list[Official]:
    pool, chosen = list(items), []
    while pool and len(chosen) < k:
        pick = rng.choices(pool, weights=[o.weight for o in pool])[0]
        pool.remove(pick)
        chosen.append(pick)
    return chosen


# -- writing a testimony --------------------------------------------------------------------------------
Piece = tuple[str, dict | None]  # text, and the truth tag of the text (a mention or an act) or None


class Writer:
    """Accumulates the text of one testimony and the truth spans inside it."""

    def __init__(self) -> None:
        self.text = ""
        self.mentions: list[dict] = []
        self.acts: list[dict] = []

    def sentence(self, pieces: list[Piece], paragraph: bool = False) -> list[dict]:
        pieces = _tidy(pieces)
        if self.text:
            self.text += "\n\n" if paragraph else " "
        acts = []
        for text, tag in pieces:
            start = len(self.text)
            self.text += text
            if tag is None:
                continue
            span = {"start": start, "end": len(self.text), "text": text}
            if tag["type"] == "act":
                acts.append({**span, "kind": tag["kind"]})
            else:
                self.mentions.append({**span, "official": tag.get("official"), "private": tag["private"]})
        self.acts += acts
        return acts


def _tidy(pieces: list[Piece]) -> list[Piece]:
    """Merge plain text, collapse spaces an empty slot left, capitalise the sentence."""
    merged: list[Piece] = []
    for text, tag in pieces:
        if tag is None and merged and merged[-1][1] is None:
            merged[-1] = (merged[-1][0] + text, None)
        elif text:
            merged.append((text, tag))
    out = []
    for i, (text, tag) in enumerate(merged):
        if tag is None:
            text = re.sub(r" {2,}", " ", text)
            text = re.sub(r" ([.,;:])", r"\1", text)
            if i == 0:
                text = text.lstrip()
            if i > 0 and text.startswith(".") and merged[i - 1][0].endswith("."):  # "Руденко А.Р." ends the sentence
                text = text[1:]
            if i + 1 < len(merged) and text.endswith(" ") and merged[i + 1][0].startswith(" "):
                text = text.rstrip()
        out.append((text, tag))
    out = [(t, tag) for t, tag in out if t]
    first, tag = out[0]
    out[0] = (first[:1].upper() + first[1:], tag)
    return out


def _agree(template: str, narrator: str, subject: int | None) -> str:
    """Resolve [m|f] by the narrator's sex and <m|f|pl> by the subject (0 man, 1 woman, 2 plural)."""
    template = re.sub(r"\[([^\]|]*)\|([^\]|]*)\]", lambda m: m.group(1 if narrator == "m" else 2), template)
    if subject is not None:
        template = re.sub(r"<([^>|]*)\|([^>|]*)\|([^>|]*)>", lambda m: m.group(subject + 1), template)
    return template


def _fill(template: str, slots: dict[str, list[Piece] | str]) -> list[Piece]:
    pieces: list[Piece] = []
    position = 0
    for match in re.finditer(r"\{([\w:]+)\}", template):
        pieces.append((template[position:match.start()], None))
        value = slots[match.group(1)]
        pieces += [(value, None)] if isinstance(value, str) else value
        position = match.end()
    pieces.append((template[position:], None))
    return pieces


@dataclass
class Voice:
    """How one testimony names one official: script, transliteration, given name spelling."""
    script: str        # ru, be or a key of TRANSLIT
    latin_given: str
    named_in_full: bool = False


class Testimony:
    def __init__(self, rng: random.Random, lang: str, officials: dict[str, Official], victim: dict) -> None:
        self.rng, self.lang, self.officials, self.victim = rng, lang, officials, victim
        self.writer = Writer()
        self.voices: dict[str, Voice] = {}
        self.year_said = False
        self.yo_as_e = rng.random() < 0.7            # writes е for ё
        self.u_for_short_u = rng.random() < 0.2      # Belarusian ў typed as у
        self.latin_i = rng.random() < 0.05           # Belarusian і typed as Latin i

    # names ---------------------------------------------------------------------------------------
    def voice(self, official: Official) -> Voice:
        if official.id not in self.voices:
            if self.lang == "en":
                script = self.rng.choice(list(TRANSLIT))
            else:
                script = "ru" if self.lang == "ru" or self.rng.random() < 0.15 else "be"
            self.voices[official.id] = Voice(script, self.rng.choice(official.given.latin))
        return self.voices[official.id]

    def name(self, official: Official, case: str, style: str) -> str:
        voice = self.voice(official)
        if voice.script in ("ru", "be"):
            lang = voice.script
            surname = surname_form(official.surname, official.sex, lang, case)
            given = given_form(official.given, lang, case)
            father = patronymic_form(patronymic(official.father, official.sex, lang), lang, case)
        else:
            lang = "be" if voice.script.startswith("be") else "ru"
            surname = latin_surname(official.surname, official.sex, voice.script)
            given = voice.latin_given
            father = transliterate(patronymic(official.father, official.sex, lang), voice.script)
        initials = f"{given[0]}.{'' if self.rng.random() < 0.6 else ' '}{father[0]}."
        text = {"fio": f"{surname} {given} {father}", "iof": f"{given} {father} {surname}",
                "init_before": f"{initials} {surname}", "init_after": f"{surname} {initials}",
                "surname": surname, "given_surname": f"{given} {surname}", "io": f"{given} {father}"}[style]
        return self._spell(text, lang if voice.script in ("ru", "be") else "latin")

    def _spell(self, text: str, script: str) -> str:
        """Writers' habits and rare accidents: ё as е, ў as у, Latin i for і, a typo, a look-alike
        Latin letter, a zero-width space, a right-to-left mark."""
        if script != "latin":
            if self.yo_as_e:
                text = text.replace("ё", "е").replace("Ё", "Е")
            if script == "be" and self.u_for_short_u:
                text = text.replace("ў", "у")
            if script == "be" and self.latin_i:
                text = text.replace("і", "i")
        roll = self.rng.random()
        letters = [i for i, ch in enumerate(text) if ch.isalpha() and i > 0 and text[i - 1].isalpha()]
        if roll < 0.03 and letters:
            i = self.rng.choice(letters)
            alphabet = "abcdefghiklmnoprstuvz" if script == "latin" else "абвгдеклмнопрстух"
            text = text[:i] + self.rng.choice([c for c in alphabet if c != text[i].lower()]) + text[i + 1:]
        elif roll < 0.045 and script != "latin":
            swaps = [i for i, ch in enumerate(text) if ch in "аоеАОЕ"]
            if swaps:
                i = self.rng.choice(swaps)
                text = text[:i] + "aoeAOE"["аоеАОЕ".index(text[i])] + text[i + 1:]
        elif roll < 0.055 and letters:
            i = self.rng.choice(letters)
            text = text[:i] + "\u200b" + text[i:]
        elif roll < 0.065 and " " in text:
            i = text.index(" ") + 1
            text = text[:i] + "\u200f" + text[i:]
        return text

    def who(self, official: Official, case: str, day: date, later: bool = False) -> list[Piece]:
        """An official in a case: an optional rank or post, then the name (the span covers the name only)."""
        voice = self.voice(official)
        cyrillic = voice.script in ("ru", "be")
        if later:
            styles = {"surname": 0.6, "init_after": 0.15} | ({"io": 0.25} if voice.named_in_full and cyrillic else {})
        else:
            styles = {"fio": 0.2, "iof": 0.15, "init_before": 0.12, "init_after": 0.12, "surname": 0.31,
                      "given_surname": 0.1}
        style = self.rng.choices(list(styles), weights=list(styles.values()))[0]
        voice.named_in_full |= style in ("fio", "iof")
        prefix = ""
        if style == "surname" or (style != "io" and self.rng.random() < 0.4):
            prefix = self._title(official, case, day) + " "
        return [(prefix, None), (self.name(official, case, style), {"type": "mention", "official": official.id, "private": False})]

    def _title(self, official: Official, case: str, day: date) -> str:
        rank = official.rank_at(day)
        post = official.post_at(day)
        use_role = rank is None or (case in ("nom", "gen") and self.rng.random() < 0.3)
        if self.lang == "en":
            return P.ROLES[post.role]["en"][0] if rank is None else P.RANKS[rank]["en"][0]
        if use_role:
            role = P.ROLES[post.role][self.lang][0 if case == "nom" else 1]
            if post.role in ("judge", "officer") or case not in ("nom", "gen"):
                return role
            return f"{role} {P.UNIT_TEXT[post.unit][self.lang]['gen']}"
        forms = P.RANKS[rank][self.lang]
        if len(forms) > 1:
            return forms[("nom", "gen", "dat", "acc", "ins").index(case)]
        ending = {"nom": "", "gen": "а", "acc": "а", "dat": "у", "ins": "ом" if self.lang == "ru" else "ам"}[case]
        return forms[0] + ending

    # sentences -------------------------------------------------------------------------------------
    def say(self, template: str, slots: dict, subject: int | None = None, paragraph: bool = False) -> list[dict]:
        text = _agree(template, self.victim["sex"], subject)
        return self.writer.sentence(_fill(text, slots), paragraph)

    def date_phrase(self, day: date, precision: str) -> tuple[str, str | None, str | None]:
        if precision == "none":
            return "", None, None
        year = not self.year_said or self.rng.random() < 0.4
        self.year_said = True
        m = day.month - 1
        if precision == "month":
            phrase = {"ru": f"в {P.MONTHS['ru_in'][m]} {day.year} года", "be": f"у {P.MONTHS['be_in'][m]} {day.year} года",
                      "en": f"in {P.MONTHS['en'][m]} {day.year}"}[self.lang]
            return phrase, day.replace(day=1).isoformat(), _month_end(day).isoformat()
        if self.lang == "en":
            phrase = self.rng.choice((f"on {day.day} {P.MONTHS['en'][m]}", f"on {P.MONTHS['en'][m]} {day.day}"))
            phrase += f" {day.year}" if year and "," not in phrase else ""
        elif year and self.rng.random() < 0.2:
            phrase = day.strftime("%d.%m.%Y")
        else:
            phrase = f"{day.day} {P.MONTHS[self.lang][m]}" + (f" {day.year} года" if year else "")
        return phrase, day.isoformat(), day.isoformat()

    def acts(self, kinds: list[str], subject: int, plural_object: bool) -> list[Piece]:
        pronouns = P.PRONOUNS[self.lang]["pl" if plural_object else "sg"]
        pieces: list[Piece] = []
        for i, kind in enumerate(kinds):
            if i:
                pieces.append((self.rng.choice(P.CONJUNCTION[self.lang]), None))
            phrase = _agree(self.rng.choice(P.ACTS[kind][self.lang]), self.victim["sex"], subject)
            for slot, word in pronouns.items():
                phrase = phrase.replace("{" + slot + "}", word)
            pieces.append((phrase, {"type": "act", "kind": kind}))
        return pieces

    def episode(self, event: Event, named: list[Official], orderers: list[Official], first: bool) -> dict:
        rng, lang = self.rng, self.lang
        unit = P.UNIT_TEXT[event.unit][lang]
        precision = rng.choices(("day", "month", "none"), weights=(0.75, 0.15, 0.1) if first else (0.45, 0.15, 0.4))[0]
        phrase, date_min, date_max = self.date_phrase(event.day, precision)
        place = P.STREET_PLACES.get(event.place, {}).get(lang, "")
        slots = {"date": phrase, "place": place, "to": unit.get("to", ""), "at": unit.get("at", "")}
        self.say(rng.choice(P.OPENINGS[event.kind][lang]), slots, paragraph=True)
        acts: list[dict] = []
        pool = P.COURT_ACTS if event.kind == "court" else P.VIOLENT_ACTS
        plural_object = rng.random() < 0.3
        subjects: list[tuple[list[Piece], int]] = [(self.who(o, "nom", event.day), 0 if o.sex == "m" else 1) for o in named]
        if not subjects or rng.random() < 0.3:
            staff = P.COURT_SUBJECT[lang] if event.kind == "court" else P.UNIT_STAFF_SUBJECT[lang].format(
                gen=unit.get("gen", ""), name=unit.get("name", ""))
            subjects.append(([(staff, None)], 0 if event.kind == "court" else 2))
        for subject, agreement in subjects:
            kinds = rng.sample(pool, rng.choice((1, 2, 2)) if len(subjects) > 1 else 2)
            template = rng.choice(P.ACT_SENTENCES[lang])
            acts += self.say(template, {"subj": subject, "acts": self.acts(kinds, agreement, plural_object)}, agreement)
        for official in orderers:
            self.mention(official, rng.choice(P.ORDER_SENTENCES[lang]), event.day, later=False)
        commanding = [o for o in named + orderers if o.post_at(event.day).role in P.COMMAND_ROLES]
        if commanding and rng.random() < 0.5:
            self.state_post(commanding[0], event.day)
        for official in named + orderers:
            if rng.random() < 0.35:
                templates = P.MENTION_AGAIN[lang]
                if official.rank_at(event.day) is None:  # a judge: post titles are written in nom and gen only
                    templates = [t for t in templates if "{who:nom}" in t or "{who:gen}" in t]
                self.mention(official, rng.choice(templates), event.day, later=True)
        return {"event": event.id, "kind": event.kind, "date_min": date_min, "date_max": date_max, "place": event.place,
                "unit": event.unit, "perpetrators": [o.id for o in named], "ordered_by": [o.id for o in orderers],
                "acts": [{k: a[k] for k in ("start", "end", "text", "kind")} for a in acts]}

    def mention(self, official: Official, template: str, day: date, later: bool) -> None:
        """A sentence with one official in the case its ``{who:CASE}`` slot asks for."""
        case = re.search(r"\{who:(\w+)\}", template).group(1)
        self.say(template, {f"who:{case}": self.who(official, case, day, later)}, 0 if official.sex == "m" else 1)

    def state_post(self, official: Official, day: date) -> None:
        """'командир ОМОНа полковник Захаров', or with its start: 'с декабря 2020 года ... возглавляет'."""
        post = official.post_at(day)
        unit = P.UNIT_TEXT[post.unit][self.lang]
        rank = official.rank_at(day)
        rank_text = (P.RANKS[rank][self.lang][0] if rank else "")
        name = [(self.name(official, "nom", self.rng.choice(("fio", "iof", "surname", "given_surname"))),
                 {"type": "mention", "official": official.id, "private": False})]
        role = P.ROLES[post.role][self.lang][0]
        if post.start is not None and post.start >= date(2020, 1, 1) and self.rng.random() < 0.6:
            m = post.start.month - 1
            since = (f"{P.MONTHS['en'][m]} {post.start.year}" if self.lang == "en"
                     else f"{P.MONTHS[self.lang][m]} {post.start.year} года")
            template = self.rng.choice(P.POST_SINCE_SENTENCES[self.lang])
            slots = {"since": since, "unit_nom": unit.get("nom", ""), "unit": unit.get("gen", unit.get("name", "")),
                     "rank": rank_text, "name": name, "role": role,
                     "role_ins": P.ROLE_INS.get(self.lang, {}).get(post.role, role)}
        else:
            template = self.rng.choice(P.POST_SENTENCES[self.lang])
            slots = {"role": role, "unit": unit.get("gen", unit.get("name", "")), "rank": rank_text, "name": name}
        self.say(template, slots, 0 if official.sex == "m" else 1)


def _person_name(rng: random.Random, lang: str, sex: str) -> tuple[str, str]:
    """A private person's (given name, full name) in the testimony's language and script."""
    given = rng.choice([g for g in PRIVATE_GIVEN if g.sex == sex])
    surname = rng.choice(PRIVATE_SURNAMES)
    if lang == "en":
        first = rng.choice(given.latin)
        return first, f"{first} {latin_surname(surname, sex, rng.choice(('ru_bgn', 'be_passport')))}"
    first = given.ru if lang == "ru" else given.be
    return first, f"{first} {surname_form(surname, sex, lang, 'nom')}"


def _clashes(name: str, officials: list[Official]) -> bool:
    """Would masking this victim's name also mask an official's name? (the prefix rule of
    ingest.pseudonymise.name_spans, approximated)"""
    words = set()
    for o in officials:
        for lang in ("ru", "be"):
            words |= {surname_form(o.surname, o.sex, lang, "nom"), o.given.ru, o.given.be,
                      patronymic(o.father, o.sex, lang)}
        words |= {latin_surname(o.surname, o.sex, s) for s in TRANSLIT} | set(o.given.latin)
    folded = [fold(w) for w in words]
    for part in re.findall(r"\w{3,}", name):
        f = fold(part)
        stem = f[:len(f) - (3 if len(f) > 6 else 2 if len(f) > 4 else 1 if len(f) > 3 else 0)]
        if stem and any(w.startswith(stem) for w in folded):
            return True
    return False


def write_testimony(rng: random.Random, number: int, cluster: list[Event], officials: dict[str, Official]) -> tuple[str, dict]:
    lang = rng.choices(list(LANGUAGE_WEIGHTS), weights=list(LANGUAGE_WEIGHTS.values()))[0]
    length = min(len(cluster), rng.choice((1, 2, 2, 3, 3, 4)))
    first = rng.randint(0, len(cluster) - length)
    events = cluster[first:first + length]
    named: dict[str, list[Official]] = {}
    ordering: dict[str, list[Official]] = {}
    chosen: set[str] = set()
    for event in events:
        names = [p for p in event.perpetrators if rng.random() < 0.6 and (p in chosen or len(chosen) < 4)]
        orders = [p for p in event.ordered_by if rng.random() < 0.6 and p not in names and (p in chosen or len(chosen) < 4)]
        chosen |= set(names) | set(orders)
        named[event.id] = [officials[p] for p in names]
        ordering[event.id] = [officials[p] for p in orders]
    if not chosen:
        lead = events[0].perpetrators[0]
        named[events[0].id] = [officials[lead]]
        chosen.add(lead)
    sex = rng.choice("mf")
    people = [officials[i] for i in sorted(chosen)]
    first_name, full = _person_name(rng, lang, sex)
    while _clashes(full, people):
        first_name, full = _person_name(rng, lang, sex)
    victim = {"name": full, "sex": sex}
    t = Testimony(rng, lang, officials, victim)
    age = str(rng.choice([a for a in range(19, 65) if a % 10 in (0, 5, 6, 7, 8, 9)]))  # "лет", "гадоў" agree
    if rng.random() < 0.5:
        t.say(rng.choice(P.SELF_INTRODUCTIONS[lang]), {"name": [(full, {"type": "mention", "private": True})], "age": age})
    for background in rng.sample(P.BACKGROUNDS[lang], rng.randint(0, 2)):
        t.say(background, {"age": age})
    episodes = []
    fillers = list(P.FILLERS[lang])
    rng.shuffle(fillers)
    for i, event in enumerate(events):
        episodes.append(t.episode(event, named[event.id], ordering[event.id], i == 0))
        event.testimonies.append(f"t{number:04d}.txt")
        for _ in range(rng.randint(0, 2)):
            if fillers:
                t.say(fillers.pop(), {})
        if rng.random() < 0.25:
            template, person_sex = rng.choice(P.PRIVATE_SENTENCES[lang])
            first_p, full_p = _person_name(rng, lang, person_sex)
            t.say(template, {"name": [(full_p, {"type": "mention", "private": True})],
                             "first": [(first_p, {"type": "mention", "private": True})]})
    target, again = rng.randint(150, 450), 0
    while len(t.writer.text.split()) < target and (fillers or again < 4):
        if fillers and (again >= 4 or rng.random() < 0.7):
            t.say(fillers.pop(), {})
        else:  # a later remark about an official already named
            again += 1
            official = officials[rng.choice(sorted(chosen))]
            templates = P.MENTION_AGAIN[lang]
            if official.rank_at(events[-1].day) is None:
                templates = [x for x in templates if "{who:nom}" in x or "{who:gen}" in x]
            t.mention(official, rng.choice(templates), events[-1].day, later=True)
    t.say(rng.choice(P.CLOSINGS[lang]), {}, paragraph=True)
    text = t.writer.text
    mentions = t.writer.mentions
    for m in mentions:
        assert text[m["start"]:m["end"]] == m["text"], m
    for episode in episodes:
        for act in episode["acts"]:
            assert text[act["start"]:act["end"]] == act["text"], act
    return text, {"file": f"t{number:04d}.txt", "language": lang, "victim": full, "mentions": mentions,
                  "episodes": episodes}


def generate(out_dir: Path, testimonies: int = 500, seed: int = 1) -> dict:
    """Write the corpus and truth.json; return the truth."""
    rng = random.Random(seed)
    officials = build_officials(rng)
    by_id = {o.id: o for o in officials}
    clusters = build_events(rng, officials, max(3, testimonies // 3))
    weights = [1.0 / (k + 1) ** 0.9 for k in range(len(clusters))]
    out_dir.mkdir(parents=True, exist_ok=True)
    records = []
    for number in range(1, testimonies + 1):
        cluster = rng.choices(clusters, weights=weights)[0]
        text, record = write_testimony(rng, number, cluster, by_id)
        (out_dir / record["file"]).write_text(text, encoding="utf-8")
        records.append(record)
    events = [{"id": e.id, "kind": e.kind, "date": e.day.isoformat(), "place": e.place, "unit": e.unit,
               "perpetrators": e.perpetrators, "ordered_by": e.ordered_by, "testimonies": e.testimonies}
              for cluster in clusters for e in cluster if e.testimonies]
    truth = {"seed": seed, "officials": [o.truth() for o in officials], "testimonies": records, "events": events}
    (out_dir / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--testimonies", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    truth = generate(args.out_dir, args.testimonies, args.seed)
    mentions = sum(1 for t in truth["testimonies"] for m in t["mentions"] if m["official"])
    print(f"{len(truth['testimonies'])} testimonies, {len(truth['officials'])} officials, "
          f"{len(truth['events'])} events, {mentions} mentions of officials -> {args.out_dir}")


if __name__ == "__main__":
    main()
