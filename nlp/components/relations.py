"""Relation rules, sentence by sentence, over the entities and titles found before.

* COMMANDED / HELD_POSITION / MEMBER_OF: a position (or rank) written next to a person and a unit:
  before the name ("командир ОМОНа полковник Гурский"), across a comma or dash ("начальник РУВД —
  подполковник Ярошевич", "the head of the Sovetsky RUVD, Lieutenant Colonel Pavel Yaroshevich"),
  after it ("Гурский, командир ОМОНа", "Kondrus had served as deputy commander of OMON"), after a
  field label of a sanctions notice ("GURSKY Vadim\nPosition: Colonel; Commander of Minsk OMON"), as
  a predicate ("Командиром ОМОНа в те дни был полковник Гурский"); "Judge X of the Y Court"; verbs
  of leading or serving, titles and dates between not counted ("unit 3214 was commanded by Colonel
  X", "ОМОН, которым командует подполковник X", "served in GUBOPiK").
* SUBORDINATE_TO: units in a row ("ОМОНа ГУВД Мингорисполкома", "unit 3214 of the Internal
  Troops"), joined by a cue ("ЦИП и ИВС подчиняются ГУВД", "part of"), or the other way round ("the
  GUVD, to which Minsk OMON and the Okrestina facilities are subordinate").
* PERPETRATED: English from the dependency parse (subject, also of a conjoined verb; the head of a
  relative clause; "by" agent of a passive or of a noun). Russian and Belarusian: the named person
  or unit right before the act in the same clause, in agreement with the verb's number, not governed
  by a preposition; the name before a relative clause or apposition ("Климчук, которого мы потом
  опознали, ударил"); the instrumental agent after a passive participle or a noun ("задержан
  сотрудниками ОМОНа"); officers of a unit after the verb ("затрымалі супрацоўнікі АМАПа"). Then, in
  every language, a subject pronoun stands for the last official named ("Ён скруціў", "He slammed")
  and coordinated acts share their subject. An act with no stated agent gets no relation; a person
  named by first name alone (a victim, a witness) is never an agent.
* ORDERED: "по приказу/команде/указанию X", "по его команде" (the last man named), "X приказал",
  "Он приказал", "приказ задерживать ... отдал X", "X ordered", "on his order".
* OCCURRED_AT: an act and a place in the same sentence (the nearest act).
A hedge in the sentence ("вероятно", "reportedly", "мабыць") halves the confidence and marks the
relation ``hedged``.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp import dates
from nlp import lexicon as lexicon_module
from nlp import names
from nlp.components.agents import SyntaxAgents
from nlp.components.modality import denied, distinct_pairs, unreal
from nlp.morphology import analyzer
from nlp.organisations import not_belarusian

SUBUNIT_POSITIONS = {
    "position:company-commander", "position:platoon-commander", "position:battalion-commander",
    "position:squad-commander", "position:group-commander", "position:shift-supervisor",
    "position:senior-of-shift", "position:guard-commander", "position:group-leader", "position:department-head",
    "position:section-head", "position:directorate-head", "position:regiment-commander",
    "position:brigade-commander",
}
PREPOSITIONS = {"по", "к", "у", "с", "со", "от", "для", "о", "об", "про", "на", "в", "во", "за", "из", "при", "без",
                "па", "ад", "да", "ля", "пра", "ў", "з", "to", "by", "for", "with", "from", "of", "about", "at",
                "against", "under"}
LEAD_VERBS = ("возглав", "руковод", "командова", "командует", "камандава", "камандуе", " headed", " heads ", " led ",
              " leads ", " run by", " commanded", " commands ", "узначаль", "кіраваў", "кіруе")
SERVE_VERBS = ("служил в", "служит в", "работал в", "работает в", "served in", "serves in", "worked in",
               "works in", "служыў у", "працаваў у")
PASSIVE_ENDINGS = ("ан", "ана", "ано", "аны", "ен", "ена", "ено", "ены", "ит", "ита", "ито", "иты", "ят", "яты")
CLAUSE_BREAKS = {";", ":", "—", "–", "(", ")", "который", "которая", "которые", "которого", "что", "где", "когда",
                 "пока", "хотя", "who", "which", "that", "when", "while", "and", "і", "каб", "які", "якая", "якія"}

# Pronouns that stand for the last named person (subject, possessive) or for a group (plural).
MASCULINE_PRONOUNS = {"он", "его", "ён", "яго", "he", "his", "him"}
FEMININE_PRONOUNS = {"она", "её", "ее", "яна", "яе", "she", "her"}
PLURAL_PRONOUNS = {"они", "их", "яны", "іх", "they", "their", "those", "те"}
OFFICER_NOUNS = {"сотрудники", "супрацоўнікі", "бойцы", "байцы", "военные", "вайскоўцы", "военнослужащие",
                 "омоновцы", "амапаўцы", "милиционеры", "міліцыянеры", "силовики", "сілавікі", "officers", "servicemen",
                 "members", "troops", "сотрудник", "супрацоўнік", "officer", "сотрудниками", "супрацоўнікамі"}
# Words that may stand between a title and the person it names ("начальник РУВД — подполковник Ярошевич",
# "Камандзірам АМАПа прызначаны Кандрусь") or between a person and the title ("Kondrus had served as").
LINKING_WORDS = {"the", "of", "a", "an", "is", "was", "has", "been", "had", "became", "appointed", "named", "now",
                 "назначен", "назначена", "назначили", "являлся", "являлась", "является", "был", "была", "стал",
                 "стала", "прызначаны", "прызначана", "быў", "стаў", "з", "с", "года", "году", "since", "from",
                 "reportedly", "тогда", "тады", "then", "at", "time", "милиции", "міліцыі", "юстиции", "police",
                 # field labels of sanctions notices: "GURSKY Vadim\nPosition: Colonel; Commander of Minsk OMON"
                 "должность", "пасада", "звание", "званне", "position", "function", "rank", "post", "title",
                 # "Иван Кубраков — новый глава МВД", "Vakulchik, the new head of the KGB", "exiting"
                 "новый", "новая", "новым", "новой", "новы", "новая", "new", "acting", "временно", "исполняющий",
                 "обязанности", "current", "нынешний", "нынешняя", "цяперашні"}
FIELD_LABEL_STARTS = tuple(f"{gap}{label}" for gap in ("\n", " \n", "\n\n") for label in (
    "должность", "пасада", "position", "function", "post", "title"))
COPULAS = {"был", "была", "являлся", "являлась", "является", "стал", "стала", "назначен", "назначена", "быў", "стаў",
           "прызначаны", "прызначана", "з'яўляўся"}
PREDICATES = {"served", "serves", "as", "works", "worked", "служит", "служил", "работает", "работал", "служыць",
              "служыў", "працуе", "працаваў", "in", "at", "в", "у"}
SITE_PREPOSITIONS = {"на", "в", "во", "у", "ў", "on", "in", "at"}
UNIT_CONNECTORS = ("", "of", "of the", "the", "в", "у", "in", "in the", "at", "at the", "at the time of")
NOMINAL_ENDINGS = ("ние", "ния", "нию", "нне", "нні", "ння")  # "избиение задержанных сотрудниками ОМОНа"
ADVERBS = {"лично", "сам", "сама", "сами", "асабіста", "потом", "затем", "тогда", "также", "тоже", "ещё",
           "еще", "несколько", "раз", "разы", "неоднократно", "personally", "also", "then", "repeatedly", "again"}
RELATIVE_SUBJECTS = {"который", "которая", "которые", "які", "якая", "якія", "who"}
SUBJECT_PRONOUNS = {"он", "она", "ён", "яна", "he", "she", "они", "яны", "they", "те"}
# "приказ задерживать всех ... отдал Кондрусь", "загад ... аддаў Гурскі"
ORDER_GIVEN = re.compile(r"(?<!\w)(приказ|загад|команд[уа]|распоряжение)(?!\w)(?P<what>[^.;]{0,90}?)"
                         r"(?<!\w)(отдал|отдала|аддаў|аддала|дал|дала|даў)(?!\w)", re.I)




COORDINATORS = {"and", "и", "і"}
COUNTRY_WORDS = {"страны", "республики", "краіны", "рэспублікі", "country", "republic", "country's"}
# verbs whose object is an act their subject carried out: "committed torture", "carried out the beatings"
PERPETRATION_VERBS = {"commit", "carry", "conduct", "inflict", "perform", "perpetrate", "participate", "engage",
                      "administer", "use", "apply", "subject", "give", "deal", "deliver", "launch", "continue"}
TOPIC_PREPOSITIONS = {"о", "об", "обо", "про", "аб", "пра", "about"}
CHAIN_JOINS = {"и", "і", ",", "а", "потом", "затем", "потым", "пасля", "затым", "сразу", "адразу"}


def _named_by(token, word) -> bool:
    """The token names the word: reached from it through names and titles only ("Deputy Head of the Frunzensky
    RUVD Lieutenant Colonel Denis Rudak"), not through another act or its object ("the case of the
    kidnapping of journalist X")."""
    steps = 0
    while token.i != word.i and steps < 8:
        if token.dep_ not in ("appos", "compound", "flat", "nmod", "amod", "pobj", "prep") or \
                token.head.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return False
        if token.dep_ in ("pobj", "prep") and token.head.lemma_.lower() not in ("of", "head", "chief", "commander",
                                                                                "deputy", "officer"):
            return False
        token, steps = token.head, steps + 1
    return token.i == word.i


def _past_gender(word: str) -> str:
    """The gender a past-tense verb shows: "поставила" -> "f", "поставил", "паставіў" -> "m"; else ""."""
    word = word.lower()
    if word.endswith(("ла", "лась")):
        return "f"
    if word.endswith(("л", "лся", "ў", "ўся")):
        return "m"
    return ""


def _plural(word: str, lang: str) -> bool:
    word = word.lower()
    return word.endswith(("ли", "лі")) if lang != "en" else False


_FORMER = re.compile(r"(?<!\w)(?:бывш\w*|экс-|прежн\w*|былы\w*|ранейш\w*|former|ex-)(?!\w)", re.I)


class RelationRules:
    def __init__(self, lang: str, vocab=None):
        self.lang = lang
        self.lexicon = lexicon_module.load()
        self.syntax = SyntaxAgents(vocab, lang, self.lexicon) if vocab is not None and lang != "en" else None
        self.cues = {name: [c for lang_cues in by_lang.values() for c in lang_cues]
                     for name, by_lang in self.lexicon.cues.items()}

        # "по приказу", also "по личному распоряжению": one word may stand inside the cue
        alternatives = []
        for cue in sorted(self.cues.get("order", []), key=len, reverse=True):
            words = cue.split()
            alternatives.append(re.escape(words[0]) + (r"\s+(?:\w+\s+)?" + r"\s+".join(map(re.escape, words[1:]))
                                                       if len(words) > 1 else ""))
        self.order_cue = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")
        hedges = sorted(self.cues.get("hedge", []), key=len, reverse=True)
        self.hedge_cue = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, hedges)) + r")(?!\w)")
        current = sorted(self.cues.get("current_post", []), key=len, reverse=True)
        self.current_cue = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, current)) + r")(?!\w)")

    def __call__(self, doc: Doc) -> Doc:
        relations: list[dict] = []
        titles = list(doc.spans.get("titles", []))
        self._text = doc.text  # Doc.text joins every token: read it once
        all_ents = list(doc.ents)
        self._all_ents = all_ents
        self._ent_starts = [e.start for e in all_ents]
        self._title_tokens = {i for t in titles for i in range(t.start, t.end)}
        self._unit_tokens = {i for e in all_ents if e.label_ == "UNIT" for i in range(e.start, e.end)}
        self._unit_sites = self._sites(doc, all_ents)
        self._unit_tokens |= {i for start, end in self._unit_sites.items() for i in range(start, end)}
        self._persons = [e for e in all_ents if e.label_ == "PERSON" and self._named(e)]
        given_by_key: dict[str, list[Span]] = {}
        for person in self._persons:
            given_by_key.setdefault(person._.key, []).append(person)
        self._same_key = given_by_key
        self._genders = {e.start: self._gender(e) for e in self._persons}
        self._syntax_agents = self.syntax.by_act(doc) if self.syntax is not None else {}
        sentences = list(doc.sents)
        self._sentences = sentences
        for sent in sentences:
            ents = self._ents_in(sent.start, sent.end)
            if not ents:
                continue
            text = " " + self._text[sent.start_char:sent.end_char].lower() + " "
            hedged = self.hedge_cue.search(text) is not None
            sent_titles = [t for t in titles if sent.start <= t.start < sent.end]
            found: list[tuple] = []
            found += self._titles(doc, ents, sent_titles)
            found += self._lead_and_serve(doc, ents, text)
            found += self._subordination(doc, ents, text)
            found += self._perpetrated(doc, ents, sent_titles)
            found += self._responsible(doc, sent, ents)
            found += self._ordered(doc, sent, ents)
            found += self._occurred_at(doc, ents)
            date = next((e for e in ents if e.label_ == "DATE"), None)
            seen = set()
            for rel_type, source, target, confidence, extra in found:
                if source.label_ == "UNIT" and rel_type in ("PERPETRATED", "ORDERED") and not_belarusian(
                        source.text, self.lang, self.lexicon) and source._.source != "gazetteer":
                    continue  # "Международный комитет по расследованию пыток", a medium, a foreign ministry
                key = (rel_type, source.start, target.start)
                if key in seen or rel_type in ("PERPETRATED", "ORDERED") and denied(
                        doc, self._phrase_start(doc, source, sent_titles)):
                    continue  # "Бил меня не Сидоров, а Петров": the sentence denies it of Сидоров
                seen.add(key)
                rel_attrs = dict(extra)
                act_hedge = hedged and rel_type in ("PERPETRATED", "ORDERED", "MEMBER_OF", "HELD_POSITION",
                                                    "COMMANDED")
                if rel_type in ("COMMANDED", "HELD_POSITION", "MEMBER_OF") and date is not None:
                    rel_attrs.setdefault("date_start", date._.attrs["date_start"])
                    rel_attrs.setdefault("date_end", date._.attrs["date_end"])
                    rel_attrs.setdefault("date_precision", date._.attrs.get("precision"))
                    bound = dates.bound(self._text, date.start_char, date.text)
                    if bound:  # "с декабря 2020 года", "since December 2020": when the post began (or ended)
                        rel_attrs.setdefault("date_relation", bound)
                if rel_type in ("COMMANDED", "HELD_POSITION", "MEMBER_OF") and _FORMER.search(self._text[
                        max(0, min(source.start_char, target.start_char) - 40):max(source.end_char, target.end_char)]):
                    rel_attrs.setdefault("former", True)  # "бывший командир", "the former commander"
                elif rel_type in ("COMMANDED", "HELD_POSITION", "MEMBER_OF") and self.current_cue.search(text):
                    rel_attrs.setdefault("current", True)  # "с октября 2020 года ОМОН возглавляет ...": still held
                relations.append({"type": rel_type, "source": source, "target": target,
                                  "start": sent.start_char, "end": sent.end_char,
                                  "confidence": round(confidence * (0.5 if act_hedge else 1.0), 2),
                                  "hedged": act_hedge, "attrs": rel_attrs})
        for person, namesake in distinct_pairs(self._text, sentences, self._persons, self.lang):
            if namesake._.key == person._.key:  # "Нас біў Ламейка. Андрэй Ламейка — іншы чалавек": the surname
                surname_key = "person:" + names.skeleton(namesake._.attrs["surname"])  # alone was not Андрэй
                for mention in self._same_key[person._.key]:
                    if mention.end <= namesake.end and not mention._.attrs.get("given_name"):
                        mention._.key, mention._.canonical = surname_key, mention._.attrs["surname"]
            for one, other in ((person, namesake), (namesake, person)):  # "Not to be confused with Andrei
                apart = one._.attrs.setdefault("distinct_from", [])       # Lomeiko": two people
                if other._.key not in apart:
                    apart.append(other._.key)
                given = names.canonical_given(other._.attrs.get("given_name") or "", self.lexicon)
                if given and given not in one._.attrs.setdefault("not_given", []):
                    one._.attrs["not_given"].append(given)  # he is not the Lomeiko called Andrei
        ordered = {(r["source"].start, r["target"].start) for r in relations if r["type"] == "ORDERED"}
        # who ordered an act did not carry it out ("Colonel X ordered the beating"): one role per act
        doc._.relations = [r for r in relations if not (r["type"] == "PERPETRATED"
                                                        and (r["source"].start, r["target"].start) in ordered)]
        return doc

    # -- titles ----------------------------------------------------------------------------------
    def _ents_in(self, start: int, end: int) -> list[Span]:
        """Entities that start in tokens [start, end) (bisect over the document's entities)."""
        return self._all_ents[bisect_left(self._ent_starts, start):bisect_left(self._ent_starts, end)]

    def _relation_for_title(self, title_id: str) -> str:
        info = self.lexicon.titles[title_id]
        if info.kind == "rank" or (info.role in ("officer", "guard") and title_id not in (
                "position:inspector", "position:senior-inspector", "position:district-officer",
                "position:duty-officer", "position:traffic-inspector", "position:juvenile-inspector")):
            return "MEMBER_OF"
        if info.role in ("commander", "head") and title_id not in SUBUNIT_POSITIONS:
            return "COMMANDED"
        return "HELD_POSITION"

    def _titles(self, doc: Doc, ents: list[Span], titles: list[Span]) -> list[tuple]:
        found = []
        persons = [e for e in ents if e.label_ == "PERSON"]
        units = [e for e in ents if e.label_ == "UNIT"]
        for person in persons:
            # Pattern A: POSITION [of the] UNIT [UNIT][,—] [is/назначен] [RANK] PERSON
            before = [t for t in titles if t.end <= person.start and person.start - t.end <= 12]
            for title in reversed(before):
                gap = doc[title.end:person.start]
                if any(e.label_ in ("PERSON", "INCIDENT") for e in self._ents_in(gap.start, gap.end) if e.end <= gap.end):
                    continue
                # the unit follows the position ("командир ОМОНа") or is part of it ("Начальнік ЦІП")
                unit = next((u for u in units if title.start <= u.start and u.end <= person.start), None)
                if unit is None:
                    continue
                if unit.start >= title.end and doc[title.end:unit.start].text.lower().strip() not in (
                        "", "of", "of the", "the"):
                    continue
                rest = doc[max(unit.end, title.end):person.start]
                predicative = title.text.split()[0].lower().endswith(("ом", "ем", "ам", "ям")) and any(
                    t.lower_ in COPULAS for t in rest) and len(rest) <= 10  # "Командиром ОМОНа в те дни был Гурский"
                if not predicative and not self._plain_gap(rest, titles, units, LINKING_WORDS):
                    continue
                role_title = self._nearest_position(before, title) or title
                found.append((self._relation_for_title(role_title.label_), person, unit, 0.85,
                              {"role": self._role(role_title)}))
                break
            # Pattern B: PERSON, [is/was/served as/назначен] [RANK] POSITION [of the/in/в] UNIT
            after = [t for t in titles if t.start >= person.end and t.start - person.end <= 8]
            for title in after:
                gap = doc[person.end:title.start]
                joined = any(i in self._title_tokens for i in range(gap.start, gap.end))  # "Deputy Minister … and
                if not self._plain_gap(gap, titles, units, LINKING_WORDS | PREDICATES | (  # Commander of the …"
                        COORDINATORS if joined else set())):
                    continue
                # the unit is part of the title ("командир ОМОНа") or follows it ("Head of GUBOPiK")
                unit = next((u for u in units if title.start <= u.start < title.end), None) or next(
                    (u for u in units if u.start >= title.end and u.start - title.end <= 4), None)
                if unit is None or unit.start >= title.end and doc[title.end:unit.start].text.lower().strip() not in \
                        UNIT_CONNECTORS and not all(any(t.start <= i < t.end for t in titles)
                                                    for i in range(title.end, unit.start)):
                    continue
                if self._names_next(doc, max(unit.end, title.end), persons, titles):
                    continue  # "…, министр Барсуков, командующий внутренними войсками Назаренко": Назаренко's post
                position = next((t for t in after if t.start >= title.start and t.end <= unit.start and
                                 self.lexicon.titles[t.label_].kind == "position"), title)
                found.append((self._relation_for_title(position.label_), person, unit, 0.8,
                              {"role": self._role(position)}))
                found += self._coordinated_posts(doc, person, max(unit.end, title.end), titles, units, persons)
                break
            # Pattern D: PERSON of/из/from UNIT
            nxt = person.end
            if nxt + 1 < len(doc) and doc[nxt].lower_ in ("of", "из", "from", "з"):
                unit = next((u for u in units if u.start in (nxt + 1, nxt + 2)), None)
                title = next((t for t in reversed(titles) if t.end <= person.start and person.start - t.end <= 3 and
                              self.lexicon.titles[t.label_].kind == "position"), None)
                if unit is not None and title is not None:  # "Judge Tatiana Kuleshova of the District Court"
                    found.append((self._relation_for_title(title.label_), person, unit, 0.75,
                                  {"role": self._role(title)}))
                elif unit is not None:
                    found.append(("MEMBER_OF", person, unit, 0.7, {}))
        # "сотрудники ОМОНа старший лейтенант Бельский и лейтенант Пашкевич": the second shares the unit
        for first, second in zip(persons, persons[1:]):
            if self._joined(doc, first, second) and not any(rel[1] is second for rel in found):
                found += [("MEMBER_OF", second, unit, 0.7, {}) for rel_type, person, unit, _, _ in list(found)
                          if person is first and rel_type == "MEMBER_OF"]
        return found

    def _coordinated_posts(self, doc: Doc, person: Span, end: int, titles: list[Span], units: list[Span],
                           persons: list[Span]) -> list[tuple]:
        """ "X, Deputy Minister of Internal Affairs and Commander of the Internal Troops": every post joined by
        "and" after the first is his too (unless a name follows it: then it is that man's)."""
        found = []
        while end + 1 < len(doc) and doc[end].lower_ in ("and", "и", "і", "а", "also"):
            title = next((t for t in titles if t.start in (end + 1, end + 2)), None)
            if title is None:
                break
            unit = next((u for u in units if title.start <= u.start < title.end), None) or next(
                (u for u in units if u.start >= title.end and u.start - title.end <= 2 and
                 doc[title.end:u.start].text.lower().strip() in UNIT_CONNECTORS), None)
            if unit is None or self._names_next(doc, max(unit.end, title.end), persons, titles):
                break
            found.append((self._relation_for_title(title.label_), person, unit, 0.75, {"role": self._role(title)}))
            end = max(unit.end, title.end)
        return found

    def _names_next(self, doc: Doc, end: int, persons: list[Span], titles: list[Span]) -> bool:
        """A person follows right after (ranks, titles and units between): the title is his premodifier."""
        nxt = next((p for p in persons if p.start >= end), None)
        return nxt is not None and all(i in self._title_tokens or i in self._unit_tokens or doc[i].is_space
                                       for i in range(end, nxt.start))

    def _plain_gap(self, gap: Span, titles: list[Span], units: list[Span], allowed: set[str]) -> bool:
        """Only titles, units, dates, one comma or dash, and the allowed linking words."""
        covered = self._title_tokens | self._unit_tokens
        punct = 0
        for token in gap:
            if token.i in covered or token.ent_type_ in ("DATE", "PLACE") or token.is_space or token.text in (
                    "«", "»", '"', "'") or token.lower_ in COUNTRY_WORDS:
                continue  # "head of the Main Directorate of the Ministry of Internal Affairs of Belarus Nikolai K."
            if token.text in (",", "—", "–", "-", ";", ":"):
                punct += 1
                if punct > 2 or token.text in (";", ":") and not gap.text.lower().startswith(FIELD_LABEL_STARTS):
                    return False
                continue
            if token.lower_ not in allowed:
                return False
        return True

    def _nearest_position(self, before: list[Span], title: Span) -> Span | None:
        if self.lexicon.titles[title.label_].kind == "position":
            return title
        positions = [t for t in before if self.lexicon.titles[t.label_].kind == "position" and t.end <= title.start]
        return positions[-1] if positions and title.start - positions[-1].end <= 3 else None

    def _role(self, title: Span) -> str:
        info = self.lexicon.titles[title.label_]
        return (info.canonical.get("en") or info.canonical.get("ru") or title.text) if info.kind == "position" \
            else (info.canonical.get("en") or title.text)

    def _lead_and_serve(self, doc: Doc, ents: list[Span], text: str) -> list[tuple]:
        """ "возглавлял ОМОН", "unit 3214 was commanded by Colonel Labusov", "ОМОН, которым командует
        подполковник Мисюк", "served in GUBOPiK": titles and dates in between do not count."""
        found = []
        persons = [e for e in ents if e.label_ == "PERSON"]
        units = [e for e in ents if e.label_ == "UNIT"]
        titled = self._title_tokens
        for person in persons:
            for unit in units:
                lo, hi = sorted((person, unit), key=lambda s: s.start)
                others = [e for e in ents if lo.end <= e.start and e.end <= hi.start and e.label_ in ("PERSON", "UNIT")]
                if any(e.label_ == "PERSON" for e in others) or any(
                        e.label_ == "UNIT" and not (unit.start < person.start and e.start == unit.end) for e in others):
                    continue  # another agent stands between; a unit chain ("АМАП УУС ..., якім") is named by its head
                if unit.start < person.start and any(u.end == unit.start for u in units):
                    continue
                words = [t.lower_ for t in doc[lo.end:hi.start] if t.i not in titled and t.ent_type_ != "DATE"
                         and not t.is_space and not any(e.start <= t.i < e.end for e in others)]
                if len(words) > 7 or any(w in (".", ";") for w in words):
                    continue
                between = " " + " ".join(words) + " "
                if any(v in between for v in LEAD_VERBS):
                    found.append(("COMMANDED", person, unit, 0.75, {"role": "commander"}))
                elif person.start < unit.start and len(words) <= 4 and any(
                        v in between + doc[unit.start].lower_ for v in SERVE_VERBS):
                    found.append(("MEMBER_OF", person, unit, 0.7, {}))
        return found

    # -- units -----------------------------------------------------------------------------------
    def _subordination(self, doc: Doc, ents: list[Span], text: str) -> list[tuple]:
        """ "ОМОНа ГУВД Мингорисполкома", "unit 3214 of the Internal Troops", "ЦИП и ИВС подчиняются ГУВД",
        "the GUVD, to which Minsk OMON and the Okrestina facilities are subordinate"."""
        found = []
        groups = self._unit_groups(doc, [e for e in ents if e.label_ == "UNIT"])
        cues = self.cues.get("subordination", [])
        for lower, upper in zip(groups, groups[1:]):
            gap = doc[lower[-1].end:upper[0].start]
            between = " " + gap.text.lower().strip() + " "
            after = " " + doc[upper[-1].end:min(upper[-1].end + 4, len(doc))].text.lower() + " "
            if between.strip() in ("", "г.", "of", "of the", "at the", "при") and len(lower) == len(upper) == 1:
                pairs, confidence = [(lower[0], upper[0])], 0.8
            elif any(w in between for w in (" to which ", " которому ", " которой ", " якому ", " якой ")) and \
                    any(cue in after for cue in cues + ["subordinate", "подчинены", "подчинено"]):
                pairs, confidence = [(u, lower[-1]) for u in upper], 0.7  # "X, to which Y and Z are subordinate"
            elif any(cue in between for cue in cues) and len(gap) <= 9:
                pairs, confidence = [(u, upper[0]) for u in lower], 0.7
            else:
                continue
            found += [("SUBORDINATE_TO", low, up, confidence, {}) for low, up in pairs if low._.key != up._.key]
        return found

    @staticmethod
    def _unit_groups(doc: Doc, units: list[Span]) -> list[list[Span]]:
        """Units in order; "ЦИП и ИВС" is one group; an alias in brackets ("(ОМОН)") joins its unit."""
        groups: list[list[Span]] = []
        for unit in units:
            if groups:
                previous = groups[-1][-1]
                between = doc[previous.end:unit.start].text.strip().lower()
                if between == "(" and unit.end < len(doc) and doc[unit.end].text == ")":
                    continue  # "Минский отряд милиции особого назначения (ОМОН)"
                if between in ("и", "і", "and", "and the", ",", "or"):
                    groups[-1].append(unit)
                    continue
            groups.append([unit])
        return groups

    # -- acts ------------------------------------------------------------------------------------
    def _perpetrated(self, doc: Doc, ents: list[Span], titles: list[Span]) -> list[tuple]:
        found = []
        incidents = [e for e in ents if e.label_ == "INCIDENT"]
        agents = [e for e in ents if e.label_ == "UNIT" or e.label_ == "PERSON" and self._named(e)]
        done: dict[int, tuple[Span, list[tuple]]] = {}  # act start -> (act, its relations)
        for act in incidents:
            if self._topic(doc, act):  # "Лукашенко назвал фейком заявления о пытках": he spoke of them
                done[act.start] = (act, [])
                continue
            if self.lang == "en":
                rels = self._perpetrated_en(doc, act, agents)
            else:
                rels = self._agents_before(doc, act, agents, titles) or self._unit_after(doc, act, agents)
            if not rels:
                rels = self._pronoun_subject(doc, act) or (self.lang != "en" and self._person_after(doc, act, agents, titles)) \
                    or self._shared_subject(doc, act, done) or self._verb_chain_subject(doc, act, titles)
            if not rels:  # the parse: a subject after its verb, acts joined by "и", a passive's agent
                rels = self._parsed_agents(act, agents)
            done[act.start] = (act, rels)
            found += rels
        return found

    def _agents_before(self, doc: Doc, act: Span, agents: list[Span], titles: list[Span]) -> list[tuple]:
        """Russian/Belarusian: the named agent right before the act, or the instrumental after a passive."""
        if act.text.lower().endswith(PASSIVE_ENDINGS + NOMINAL_ENDINGS):  # "задержан ... сотрудниками ОМОНа"
            agent = self._instrumental_agent(doc, act, agents, titles)
            if agent is not None:
                return [("PERPETRATED", agent, act, 0.7, {})]
        parenthetical = self._before_parenthesis(doc, act, agents)
        if parenthetical is not None:
            agent = parenthetical
            if agent.label_ == "PERSON" and not _plural(act.text, self.lang) or agent.label_ == "UNIT":
                return [("PERPETRATED", agent, act, 0.65, {})]
            return []
        if self._passive(act):  # "Тимур был избит": the person before a passive is the victim
            return []
        left = [a for a in agents if a.end <= act.start and act.start - a.end <= 8]
        if not left:
            return []
        agent = left[-1]
        while agent.label_ == "UNIT" and len(left) > 1 and left[-2].label_ == "UNIT" and left[-2].end == agent.start:
            left = left[:-1]  # "сотрудники ОМОНа УВД Гомельского облисполкома избили": the unit named first
            agent = left[-1]
        gap = doc[agent.end:act.start]
        if any(t.text in CLAUSE_BREAKS or t.lower_ in CLAUSE_BREAKS or t.text in (".", ",") for t in gap):
            return []
        if any(e.label_ in ("INCIDENT", "PERSON") for e in self._ents_in(gap.start, gap.end) if e.end <= gap.end):
            return []
        phrase_start = self._phrase_start(doc, agent, titles)
        if phrase_start > 0 and doc[phrase_start - 1].lower_ in PREPOSITIONS:
            return []
        if agent.label_ == "PERSON":
            coordinated = [a for a in left[:-1] if a.label_ == "PERSON" and self._joined(doc, a, agent)]
            if _plural(act.text, self.lang) and not coordinated:
                return []
            if not coordinated and self._genders.get(agent.start, "") and _past_gender(act.text) not in (
                    "", self._genders[agent.start]):
                return []  # "Ольга Иванова оскорбляла меня и ударил меня сержант": he is not she
            return [("PERPETRATED", a, act, 0.7, {}) for a in [agent, *coordinated]]
        officer_before = phrase_start > 0 and any(t.end == agent.start or t.end == phrase_start for t in titles)
        if officer_before or doc[agent.start - 1].lower_ in OFFICER_NOUNS or not _plural(act.text, self.lang):
            return [("PERPETRATED", agent, act, 0.6, {})]
        return []

    @staticmethod
    def _topic(doc: Doc, act: Span) -> bool:
        """An act named as what is spoken of: "заявления о пытках", "паведамленні пра катаванні",
        "reports about the beatings" (an adjective or a determiner may stand between)."""
        i = act.start - 1
        while i >= 0 and act.start - i <= 3 and doc[i].is_lower and doc[i].lower_ not in TOPIC_PREPOSITIONS and (
                doc[i].lower_ in ("the", "these", "those", "этих", "тых") or doc[i].lower_.endswith(
                    ("ых", "их", "ой", "ом", "ым", "ай", "ым", "ful", "al", "ous", "ive"))):
            i -= 1
        return i >= 0 and doc[i].lower_ in TOPIC_PREPOSITIONS

    def _parsed_agents(self, act: Span, agents: list[Span]) -> list[tuple]:
        """The agents the dependency parse gives (agent_patterns.jsonl), of those the sentence names."""
        starts = {a.start for a in agents}
        found = []
        passive = self._passive(act)
        for agent, confidence, pattern in self._syntax_agents.get(act.start, ()):
            if agent.start not in starts or passive and not pattern.startswith("passive"):
                continue  # "Корнеев ... был задержан и избит милицией": the subject of a passive suffered it
            if agent.label_ == "PERSON" and (_plural(act.text, self.lang) or self._genders.get(agent.start, "") and
                                             _past_gender(act.text) not in ("", self._genders[agent.start])):
                continue  # "Ольга Иванова оскорбляла меня и ударил меня сержант": the verb's form says not her
            found.append(("PERPETRATED", agent, act, confidence, {"pattern": pattern}))
        return found

    def _joined(self, doc: Doc, first: Span, second: Span) -> bool:
        """ "Бельский и Пашкевич", "Бельский А.И. и лейтенант Пашкевич К.В.": two persons, one subject."""
        gap = doc[first.end:second.start]
        words = [t for t in gap if t.i not in self._title_tokens]
        return len(words) == 1 and words[0].lower_ in ("и", "і", ",", "and")

    def _before_parenthesis(self, doc: Doc, act: Span, agents: list[Span]) -> Span | None:
        """ "Климчук, которого мы потом опознали, ударил", "Гайдук Е.П., дежурившая в ИВС, таскала",
        "Ткачука, который избил": the agent stands before the commas."""
        i = act.start - 1
        while i > act.sent.start and (doc[i].lower_ in ADVERBS or doc[i].ent_type_ == "DATE"):
            i -= 1
        if i <= act.sent.start:
            return None
        if doc[i].lower_ in RELATIVE_SUBJECTS and doc[i - 1].text == ",":
            opening = i - 1
        elif doc[i].text == ",":
            opening = next((j for j in range(i - 1, max(act.sent.start, i - 25), -1) if doc[j].text == ","), None)
            if opening is None:
                return None
            relative = doc[opening + 1].lower_.startswith(("котор", "як", "who", "whom", "whose"))
            inside = self._ents_in(opening + 1, i)
            named = [e for e in inside if e.label_ == "PERSON" and e.end <= i]
            if len(named) == 1 and all(t.i in self._title_tokens or t.i in self._unit_tokens or
                                       named[0].start <= t.i < named[0].end for t in doc[opening + 1:i]):
                return named[0]  # "Мой ротный, майор Ломейко, сам бил": the apposition names the agent
            if any(e.label_ == "INCIDENT" or e.label_ == "PERSON" and not relative for e in self._ents_in(opening + 1, i) if e.end <= i):
                return None
        else:
            return None
        return next((a for a in agents if a.end == opening), None)

    def _passive(self, act: Span) -> bool:
        word = act.text.lower()
        if self.lang == "ru" and len(act) == 1:
            return any("PRTS" in p.tag for p in analyzer().parse(word)[:1])
        return self.lang == "be" and word.endswith(("аны", "ана", "ены", "ена", "ыты", "ыта", "іты", "іта"))

    def _unit_after(self, doc: Doc, act: Span, agents: list[Span]) -> list[tuple]:
        """Verb first: "мяне затрымалі супрацоўнікі ГУБАЗіК", "били бойцы ОМОНа"."""
        for i in range(act.end, min(act.end + 3, act.sent.end)):
            if doc[i].lower_ in OFFICER_NOUNS:
                unit = next((a for a in agents if a.label_ == "UNIT" and a.start in (i + 1, i + 2)), None)
                if unit is not None and _plural(act.text, self.lang):
                    return [("PERPETRATED", unit, act, 0.6, {})]
        return []

    def _person_after(self, doc: Doc, act: Span, agents: list[Span], titles: list[Span]) -> list[tuple]:
        """Verb first, its subject after it (Russian and Belarusian word order): "Ударил меня сержант
        Иванов", "брызнул мне газом в лицо и душил меня прапорщик Мишуков" (both acts his). The first
        named person after a singular act in its sentence, in the nominative, with no comma, clause break,
        preposition or other agent before him; an object ("ударил Сергея Иванова") is never taken."""
        if _plural(act.text, self.lang):
            return []
        after = [a for a in agents if a.start >= act.end and a.start < act.sent.end and a.start - act.end <= 14]
        person = next((a for a in after if a.label_ == "PERSON"), None)
        if person is None:
            return []
        start = self._phrase_start(doc, person, titles)  # "следователь КГБ Липницкий": the unit is his
        if start > 0 and doc[start - 1].lower_ in OFFICER_NOUNS:
            start -= 1  # "сотрудник ОМОНа Иванов"
        if any(a.start < start for a in after):
            return []
        gap = doc[act.end:start]
        if any(t.text in (",", ".", "!", "?") or t.text in CLAUSE_BREAKS - {"і"} or t.lower_ in CLAUSE_BREAKS - {"і", "and"}
               for t in gap):
            return []
        if start > 0 and doc[start - 1].lower_ in PREPOSITIONS:
            return []
        return [("PERPETRATED", person, act, 0.6, {})] if self._nominative(doc, start, person, act) else []

    def _nominative(self, doc: Doc, start: int, person: Span, act: Span) -> bool:
        """The phrase naming the person (its title, else its first word that is not an initial) is in the
        nominative: pymorphy for Russian; for Belarusian a title in its dictionary form, or a surname
        with the ending the verb's gender needs (-ў: no -а/-у/-ым/-ам; -ла: -а, -ая)."""
        i = start
        while i < person.end - 1 and len(doc[i].text) <= 4 and doc[i].text.endswith("."):
            i += 1  # "Р.А. Мишуков": the initials say nothing of the case
        word = doc[i].lower_
        if self.lang == "ru":
            return any("nomn" in p.tag for p in analyzer().parse(word))
        title = self.lexicon.title_forms.get(word)
        if title is not None:
            return self.lexicon.titles[title].canonical.get("be", "").lower() == word
        if act.text.lower().endswith("ла"):
            return word.endswith(("а", "ая", "і"))
        return not word.endswith(("а", "у", "ым", "ам", "ай", "ой", "е"))

    def _pronoun_subject(self, doc: Doc, act: Span) -> list[tuple]:
        """ "Ён скруціў мне рукі", "He slammed my head": the pronoun stands for the last person named. The
        subject of a passive suffered the act ("Она была задержана в Минске")."""
        if self._passive(act) or self.lang == "en" and any(c.dep_ in ("nsubjpass", "auxpass") for c in act.root.children):
            return []
        if self.lang == "en":
            verb = act.root if act.root.pos_ == "VERB" else act.root.head
            while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
                verb = verb.head
            pronouns = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in SUBJECT_PRONOUNS]
        else:
            pronouns = [t for t in doc[max(act.sent.start, act.start - 3):act.start] if t.lower_ in SUBJECT_PRONOUNS]
            if pronouns and any(t.text in CLAUSE_BREAKS or t.is_punct for t in doc[pronouns[-1].i + 1:act.start]):
                pronouns = []
        if not pronouns:
            return []
        pronoun = pronouns[-1]
        if pronoun.lower_ in PLURAL_PRONOUNS:  # "They detained us": the unit whose officers were named
            units = [e for e in self._all_ents if e.label_ == "UNIT" and e.end_char <= pronoun.idx and
                     pronoun.idx - e.end_char <= 300 and self._officers_of(doc, e)]
            return [("PERPETRATED", units[-1], act, 0.5, {})] if units else []
        person = self._antecedent(pronoun.text, pronoun.idx, window=300)
        return [("PERPETRATED", person, act, 0.55, {})] if person is not None else []

    @staticmethod
    def _officers_of(doc: Doc, unit: Span) -> bool:
        near = [doc[i].lower_ for i in range(max(0, unit.start - 1), min(len(doc), unit.end + 1))]
        return any(w in OFFICER_NOUNS for w in near)

    def _shared_subject(self, doc: Doc, act: Span, done: dict[int, tuple[Span, list[tuple]]]) -> list[tuple]:
        """ "Вайтович ударил меня, потом надел наручники и подвесил": coordinated verbs, one subject."""
        if self.lang == "en":
            return []
        earlier = [start for start in done if act.sent.start <= start < act.start and done[start][1]]
        if not earlier:
            return []
        previous, relations = done[max(earlier)]
        gap = doc[previous.end:act.start]
        if len(gap) > 12 or any(e.label_ in ("PERSON", "UNIT") for e in self._ents_in(gap.start, gap.end) if e.end <= gap.end) or any(
                t.lower_ in CLAUSE_BREAKS - {"і"} or t.lower_ in SUBJECT_PRONOUNS | PLURAL_PRONOUNS or t.text == "—"
                for t in gap):
            return []
        if _plural(previous.text, self.lang) != _plural(act.text, self.lang) or not any(
                t.lower_ in ("и", "і", ",", "потом", "затем", "потым", "пасля") for t in gap):
            return []
        said_of = _past_gender(act.text)
        return [(rel, agent, act, round(confidence * 0.9, 2), extra) for rel, agent, _, confidence, extra in relations
                if not (said_of and self._genders.get(agent.start, "") not in ("", said_of))]  # "она ... ударил": not hers

    def _verb_chain_subject(self, doc: Doc, act: Span, titles: list[Span]) -> list[tuple]:
        """ "Степанов оскорблял меня, а потом поставил меня на колени", "Мухін абражаў мяне і прымусіў мяне
        стаяць": the act is the second of two verbs with one subject, the first no act of its own. The person
        named right before the first verb, in the nominative, agreeing with the act in number and gender;
        only the verb's objects and one coordinator ("и", "а потом", "потом") between."""
        if self.lang == "en" or _plural(act.text, self.lang):
            return []
        sent = act.sent
        before = [p for p in self._persons if sent.start <= p.start and p.end <= act.start and act.start - p.end <= 14]
        if not before:
            return []
        person = before[-1]
        gap = doc[person.end:act.start]
        if len(gap) < 2 or not self._past_verb(gap[0]) or any(
                e.label_ in ("PERSON", "UNIT") for e in self._ents_in(gap.start, gap.end) if e.end <= gap.end):
            return []
        tail = [t.lower_ for t in gap[1:]]
        joined = [i for i, word in enumerate(tail) if word in CHAIN_JOINS]
        if not joined or any(word in CLAUSE_BREAKS - {"і"} or word in (".", "!", "?") for word in tail) or \
                any(word == "," for word in tail[:joined[0]]):
            return []  # "Степанов сказал, что ..." is no chain; one comma only, before the coordinator
        objects = tail[:joined[0]]
        if any(not self._object_word(word) for word in objects) or any(w not in CHAIN_JOINS | {","} for w in tail[joined[0]:]):
            return []
        gender = self._genders.get(person.start, "")
        if gender and _past_gender(act.text) not in ("", gender):
            return []
        start = self._phrase_start(doc, person, titles)
        if start > 0 and doc[start - 1].lower_ in PREPOSITIONS or not self._nominative(doc, start, person, act):
            return []
        return [("PERPETRATED", person, act, 0.6, {})]

    def _past_verb(self, token) -> bool:
        word = token.lower_
        if self.lang == "ru":
            return any("VERB" in p.tag and "past" in p.tag for p in analyzer().parse(word)[:2])
        return len(word) > 3 and word.endswith(("ў", "ла", "лі", "ло"))

    @staticmethod
    def _object_word(word: str) -> bool:
        """What may follow the first verb before the coordinator: its objects and their words, not a clause."""
        return word.isalpha() or word in ("«", "»", "-")

    def _instrumental_agent(self, doc: Doc, act: Span, agents: list[Span], titles: list[Span]) -> Span | None:
        sent_end = act.sent.end
        for agent in (a for a in agents if act.end <= a.start < min(sent_end, act.end + 15)):
            if any(e.label_ == "INCIDENT" for e in self._ents_in(act.end, agent.start) if e.end <= agent.start):
                return None
            officer = next((t for t in titles if t.end == agent.start and t.text.lower().endswith(("ами", "амі"))),
                           None)
            if officer is not None or (agent.label_ == "PERSON" and agent[-1].lower_.endswith(
                    ("ым", "ом", "ой", "ем", "им", "ам"))):
                return agent
        return None

    def _responsible(self, doc: Doc, sent: Span, ents: list[Span]) -> list[tuple]:
        """Sanctions language: "X несёт ответственность за задержания и избиения", "is responsible for"."""
        found = []
        lowered = self._text[sent.start_char:sent.end_char].lower()
        for cue in ("ответственность за", "адказнасць за", "responsible for", "responsibility for"):
            at = lowered.find(cue)
            if at < 0:
                continue
            cue_char = sent.start_char + at
            persons = [e for e in self._all_ents if e.label_ == "PERSON" and e.end_char <= cue_char and
                       cue_char - e.end_char <= 400]
            if not persons:
                continue
            acts = [e for e in ents if e.label_ == "INCIDENT" and e.start_char > cue_char]
            if not acts:  # "Labusov is responsible for these acts": the acts told just before
                acts = self._incidents_in(self._previous_sentence(sent))
            for act in acts:
                found.append(("PERPETRATED", persons[-1], act, 0.6, {}))
        return found

    @staticmethod
    def _sites(doc: Doc, ents: list[Span]) -> dict[int, int]:
        """Where a unit is: "ИВС на Окрестина", "РУВД в Гомеле", "the detention centre on Okrestina Street".
        The preposition and the place right after a unit belong to its phrase ("контролёр ИВС на Окрестина
        Тихонов" names the warder of the ИВС). Returns {site start token: site end token}."""
        sites = {}
        places = {e.start: e for e in ents if e.label_ == "PLACE"}
        for unit in ents:
            if unit.label_ == "UNIT" and unit.end + 1 < len(doc) and doc[unit.end].lower_ in SITE_PREPOSITIONS:
                place = places.get(unit.end + 1)
                if place is not None:
                    sites[unit.end] = place.end
        return sites

    def _phrase_start(self, doc: Doc, agent: Span, titles: list[Span]) -> int:
        """Start of the noun phrase around an agent: "начальника ЦИП Жлобича" starts at "начальника"."""
        ends = {t.end: t.start for t in titles}
        ends.update({e.end: e.start for e in self._all_ents if e.label_ == "UNIT"})
        ends.update({end: start - 1 for start, end in self._unit_sites.items()})  # "ИВС на Окрестина"
        start = agent.start
        while start in ends and ends[start] < start:
            start = ends[start]
        return start

    @staticmethod
    def _perpetrated_en(doc: Doc, act: Span, agents: list[Span]) -> list[tuple]:
        token = act.root
        verb = token if token.pos_ == "VERB" or token.tag_.startswith("VB") else token.head
        if verb is not token and verb.lemma_.lower() not in PERPETRATION_VERBS:
            verb = token  # "the case ... indicates torture": who speaks of an act did not commit it
        chain = [verb]  # "slapped detainees and dragged one woman": conjuncts share the subject
        while chain[-1].dep_ == "conj" and chain[-1].head is not chain[-1]:
            chain.append(chain[-1].head)
        subjects, by_agents = [], []
        for head in chain:
            subjects += [c for c in head.children if c.dep_ == "nsubj"]
            by_agents += [g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if head.dep_ == "relcl":  # "Alena Haiduk of the TsIP, who slapped detainees"
                subjects.append(head.head)
            if subjects or by_agents:
                break
        if token.pos_ == "NOUN":  # "the detention of protesters by Minsk OMON"
            by_agents += [g for c in token.children if c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
        found = []
        for word in subjects + by_agents:
            agent = next((a for a in agents if a.start <= word.i < a.end), None)
            if agent is None:  # "the head of the Moskovsky RUVD, Colonel Maxim Trofimchik, kicked"
                agent = next((a for a in agents if a.label_ == "PERSON" and any(
                    a.start <= w.i < a.end for w in word.subtree if w.dep_ in ("appos", "compound") and
                    _named_by(w, word))), None)
            if agent is None:  # "Officers of Minsk OMON beat ...": the unit named in the subject phrase
                agent = next((a for a in agents if a.label_ == "UNIT" and any(
                    a.start <= w.i < a.end for w in word.subtree if w.dep_ in ("pobj", "compound"))), None)
            if agent is not None:
                found.append(("PERPETRATED", agent, act, 0.85, {}))
        return found

    @staticmethod
    def _named(person: Span) -> bool:
        """An agent is named by surname; a first name alone is how testimonies name victims and witnesses."""
        return bool((person._.attrs or {}).get("surname"))

    # -- pronouns --------------------------------------------------------------------------------
    def _gender(self, person: Span) -> str:
        """'m', 'f' or '' from the given name of the person or of another mention with the same key."""
        for ent in [person] + [p for p in self._same_key.get(person._.key, []) if p is not person]:
            given = (ent._.attrs or {}).get("given_name")
            if given:
                canonical = self.lexicon.given_names.get(given.lower().strip("."))
                gender = self.lexicon.given_gender.get(canonical or "", "")
                if gender:
                    return gender
        return ""

    def _antecedent(self, pronoun: str, char: int, window: int = 400) -> Span | None:
        """The last person named before ``char`` whom the pronoun can stand for (gender when known)."""
        word = pronoun.lower()
        wanted = "m" if word in MASCULINE_PRONOUNS else "f" if word in FEMININE_PRONOUNS else None
        if wanted is None:
            return None
        for person in reversed([p for p in self._persons if p.end_char <= char and char - p.end_char <= window]):
            if self._genders.get(person.start) in ("", wanted):
                return person
        return None

    def _previous_sentence(self, sent: Span) -> Span | None:
        index = next((i for i, s in enumerate(self._sentences) if s.start == sent.start), 0)
        return self._sentences[index - 1] if index > 0 else None

    def _incidents_in(self, sent: Span | None) -> list[Span]:
        if sent is None:
            return []
        return [e for e in self._all_ents if e.label_ == "INCIDENT" and sent.start <= e.start < sent.end]

    # -- orders ----------------------------------------------------------------------------------
    def _ordered(self, doc: Doc, sent: Span, ents: list[Span]) -> list[tuple]:
        found = []
        incidents = [e for e in ents if e.label_ == "INCIDENT"]
        lowered = self._text[sent.start_char:sent.end_char].lower()
        for match in self.order_cue.finditer(lowered):
            prepositional = match.group(0).split()[0] in ("по", "па", "on", "at", "under")
            cue_start = sent.start_char + match.start()
            cue_end = sent.start_char + match.end()
            if prepositional:
                person = self._order_giver_after(doc, cue_start, cue_end, match)
            else:  # "Гурский приказал", "Он приказал"
                person = next((p for p in reversed(self._persons) if p.end_char <= cue_start and
                               cue_start - p.end_char <= 60 and p.start >= sent.start), None)
                before = self._text[max(sent.start_char, cue_start - 20):cue_start].lower().split()
                if person is None and before and before[-1] in SUBJECT_PRONOUNS:
                    person = self._antecedent(before[-1], cue_start)
            if person is None:
                continue
            cue = doc.char_span(cue_start, cue_end, alignment_mode="expand")
            if cue is not None and unreal(doc, cue.start, self.lang):
                continue  # "он бы приказал", "he would have ordered": no order was given
            after = [i for i in incidents if i.start_char >= cue_end]
            targets = after if prepositional else after[:1]
            if not targets and prepositional:
                targets = incidents[-1:]
            if not targets:  # "... ordered the beatings" after the beatings were told
                targets = [i for i in incidents if i.end_char <= cue_start][-1:]
            for target in targets:
                found.append(("ORDERED", person, target, 0.75, {}))
        for match in ORDER_GIVEN.finditer(sent.text):  # "приказ задерживать всех ... отдал Кондрусь"
            end = sent.start_char + match.end()
            person = next((p for p in self._persons if end <= p.start_char <= end + 60 and p.start < sent.end), None)
            if person is None:
                continue
            what = (sent.start_char + match.start("what"), sent.start_char + match.end("what"))
            targets = [i for i in incidents if what[0] <= i.start_char < what[1]] or \
                self._incidents_in(self._previous_sentence(sent))[-1:]
            for target in targets:
                found.append(("ORDERED", person, target, 0.7, {}))
        return found

    def _order_giver_after(self, doc: Doc, cue_start: int, cue_end: int, match) -> Span | None:
        """ "по приказу [полковника] Гурского"; "по его команде" is the last man named before."""
        following = self._text[cue_end:cue_end + 12].lower().split()
        inner = match.group(0).split()
        pronoun = next((w for w in inner[1:-1] + following[:1] if w in MASCULINE_PRONOUNS | FEMININE_PRONOUNS),
                       None)
        if pronoun is not None:
            return self._antecedent(pronoun, cue_start) or next(
                (p for p in self._persons if cue_end <= p.start_char <= cue_end + 250
                 and self._genders.get(p.start) in ("", "m" if pronoun in MASCULINE_PRONOUNS else "f")), None)
        return next((p for p in self._persons if cue_end <= p.start_char <= cue_end + 45), None)

    @staticmethod
    def _occurred_at(doc: Doc, ents: list[Span]) -> list[tuple]:
        found = []
        incidents = [e for e in ents if e.label_ == "INCIDENT"]
        if not incidents:
            return found
        for place in (e for e in ents if e.label_ == "PLACE"):
            if place.start > 0 and doc[place.start - 1].lower_ in ("из", "from", "з", "са"):
                continue
            act = min(incidents, key=lambda i: abs(i.start - place.start))
            found.append(("OCCURRED_AT", act, place, 0.6, {}))
        return found


@Language.factory("relation_rules", default_config={"lang": "ru"})
def make_relation_rules(nlp: Language, name: str, lang: str) -> RelationRules:
    return RelationRules(lang, nlp.vocab)
