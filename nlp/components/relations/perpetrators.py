"""Perpetrators: PERPETRATED, who carried out an act.

English from the dependency parse (subject, also of a conjoined verb; the head of a relative clause; "by"
agent of a passive or of a noun). Russian and Belarusian: the named person or unit right before the act in
the same clause, in agreement with the verb's number, not governed by a preposition; the name before a
relative clause or apposition ("Климчук, которого мы потом опознали, ударил"); the instrumental agent
after a passive participle or a noun ("задержан сотрудниками ОМОНа"); officers of a unit after the verb
("затрымалі супрацоўнікі АМАПа"); the subject after a singular verb ("Ударил меня сержант Иванов"). Then,
in every language, a subject pronoun stands for the last official named ("Ён скруціў", "He slammed"),
coordinated acts share their subject, a verb chain shares it ("Степанов оскорблял меня, а потом
поставил"), and the agents of the parse (``nlp/components/agents.py``) come last. An act with no stated
agent gets no relation; a person named by first name alone (a victim, a witness) is never an agent; an
act spoken of ("заявления о пытках") has none. Sanctions language: "X is responsible for the beatings".
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from nlp.components.relations.context import SUBJECT_PRONOUNS, DocContext, named
from nlp.lexicon import words
from nlp.morphology import analyzer

PREPOSITIONS = words("prepositions")
PASSIVE_ENDINGS = ("ан", "ана", "ано", "аны", "ен", "ена", "ено", "ены", "ит", "ита", "ито", "иты", "ят", "яты")
NOMINAL_ENDINGS = ("ние", "ния", "нию", "нне", "нні", "ння")  # "избиение задержанных сотрудниками ОМОНа"
CLAUSE_BREAKS = {";", ":", "—", "–", "(", ")"} | words("clause_breaks")
# Pronouns that stand for the unit whose officers were named ("They detained us").
PLURAL_PRONOUNS = words("plural_pronouns")
OFFICER_NOUNS = words("officer_nouns")
ADVERBS = words("adverbs")
RELATIVE_SUBJECTS = words("relative_subjects")
# verbs whose object is an act their subject carried out: "committed torture", "carried out the beatings"
PERPETRATION_VERBS = words("perpetration_verbs")
TOPIC_PREPOSITIONS = words("topic_prepositions")
CHAIN_JOINS = {","} | words("chain_joins")
RESPONSIBILITY_CUES = ("ответственность за", "адказнасць за", "responsible for", "responsibility for")


def perpetrated(ctx: DocContext, ents: list[Span], titles: list[Span]) -> list[tuple]:
    """The agents of the sentence's acts, each act's from the first rule that finds one."""
    doc = ctx.doc
    found = []
    incidents = [e for e in ents if e.label_ == "INCIDENT"]
    agents = [e for e in ents if e.label_ == "UNIT" or e.label_ == "PERSON" and named(e)]
    done: dict[int, tuple[Span, list[tuple]]] = {}  # act start -> (act, its relations)
    for act in incidents:
        if _topic(doc, act):  # "Лукашенко назвал фейком заявления о пытках": he spoke of them
            done[act.start] = (act, [])
            continue
        if ctx.lang == "en":
            rels = _perpetrated_en(doc, act, agents)
        else:
            rels = _agents_before(ctx, act, agents, titles) or _unit_after(ctx, act, agents)
        if not rels:
            rels = _pronoun_subject(ctx, act) or (ctx.lang != "en" and _person_after(ctx, act, agents, titles)) \
                or _shared_subject(ctx, act, done) or _verb_chain_subject(ctx, act, titles)
        if not rels:  # the parse: a subject after its verb, acts joined by "и", a passive's agent
            rels = _parsed_agents(ctx, act, agents)
        done[act.start] = (act, rels)
        found += rels
    return found


def _agents_before(ctx: DocContext, act: Span, agents: list[Span], titles: list[Span]) -> list[tuple]:
    """Russian/Belarusian: the named agent right before the act, or the instrumental after a passive."""
    doc = ctx.doc
    if act.text.lower().endswith(PASSIVE_ENDINGS + NOMINAL_ENDINGS):  # "задержан ... сотрудниками ОМОНа"
        agent = _instrumental_agent(ctx, act, agents, titles)
        if agent is not None:
            return [("PERPETRATED", agent, act, 0.7, {})]
    parenthetical = _before_parenthesis(ctx, act, agents)
    if parenthetical is not None:
        agent = parenthetical
        if agent.label_ == "PERSON" and not _plural(act.text, ctx.lang) or agent.label_ == "UNIT":
            return [("PERPETRATED", agent, act, 0.65, {})]
        return []
    if _passive(ctx, act):  # "Тимур был избит": the person before a passive is the victim
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
    if any(e.label_ in ("INCIDENT", "PERSON") for e in ctx.ents_in(gap.start, gap.end) if e.end <= gap.end):
        return []
    phrase_start = ctx.phrase_start(agent, titles)
    if phrase_start > 0 and doc[phrase_start - 1].lower_ in PREPOSITIONS:
        return []
    if agent.label_ == "PERSON":
        coordinated = [a for a in left[:-1] if a.label_ == "PERSON" and ctx.joined(a, agent)]
        if _plural(act.text, ctx.lang) and not coordinated:
            return []
        if not coordinated and ctx.genders.get(agent.start, "") and _past_gender(act.text) not in (
                "", ctx.genders[agent.start]):
            return []  # "Ольга Иванова оскорбляла меня и ударил меня сержант": he is not she
        return [("PERPETRATED", a, act, 0.7, {}) for a in [agent, *coordinated]]
    officer_before = phrase_start > 0 and any(t.end == agent.start or t.end == phrase_start for t in titles)
    if officer_before or doc[agent.start - 1].lower_ in OFFICER_NOUNS or not _plural(act.text, ctx.lang):
        return [("PERPETRATED", agent, act, 0.6, {})]
    return []


def _topic(doc: Doc, act: Span) -> bool:
    """An act named as what is spoken of: "заявления о пытках", "паведамленні пра катаванні",
    "reports about the beatings" (an adjective or a determiner may stand between)."""
    i = act.start - 1
    while i >= 0 and act.start - i <= 3 and doc[i].is_lower and doc[i].lower_ not in TOPIC_PREPOSITIONS and (
            doc[i].lower_ in ("the", "these", "those", "этих", "тых") or doc[i].lower_.endswith(
                ("ых", "их", "ой", "ом", "ым", "ай", "ым", "ful", "al", "ous", "ive"))):
        i -= 1
    return i >= 0 and doc[i].lower_ in TOPIC_PREPOSITIONS


def _parsed_agents(ctx: DocContext, act: Span, agents: list[Span]) -> list[tuple]:
    """The agents the dependency parse gives (agent_patterns.jsonl), of those the sentence names."""
    starts = {a.start for a in agents}
    found = []
    passive = _passive(ctx, act)
    parsed = ctx.syntax_agents.get(act.start, ())
    several = sum(a.label_ == "PERSON" for a, _, _ in parsed) > 1  # "Избивали меня Петров и Иванов"
    for agent, confidence, pattern in parsed:
        if agent.start not in starts or passive and not pattern.startswith("passive"):
            continue  # "Корнеев ... был задержан и избит милицией": the subject of a passive suffered it
        if agent.label_ == "PERSON" and (_plural(act.text, ctx.lang) and not several or ctx.genders.get(agent.start, "") and
                                         _past_gender(act.text) not in ("", ctx.genders[agent.start])):
            continue  # "Ольга Иванова оскорбляла меня и ударил меня сержант": the verb's form says not her
        found.append(("PERPETRATED", agent, act, confidence, {"pattern": pattern}))
    return found


def _before_parenthesis(ctx: DocContext, act: Span, agents: list[Span]) -> Span | None:
    """ "Климчук, которого мы потом опознали, ударил", "Гайдук Е.П., дежурившая в ИВС, таскала",
    "Ткачука, который избил": the agent stands before the commas."""
    doc = ctx.doc
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
        inside = ctx.ents_in(opening + 1, i)
        named = [e for e in inside if e.label_ == "PERSON" and e.end <= i]
        if len(named) == 1 and all(t.i in ctx.title_tokens or t.i in ctx.unit_tokens or
                                   named[0].start <= t.i < named[0].end for t in doc[opening + 1:i]):
            return named[0]  # "Мой ротный, майор Ломейко, сам бил": the apposition names the agent
        if any(e.label_ == "INCIDENT" or e.label_ == "PERSON" and not relative for e in ctx.ents_in(opening + 1, i) if e.end <= i):
            return None
    else:
        return None
    return next((a for a in agents if a.end == opening), None)


def _passive(ctx: DocContext, act: Span) -> bool:
    word = act.text.lower()
    if ctx.lang == "ru" and len(act) == 1:
        return any("PRTS" in p.tag for p in analyzer().parse(word)[:1])
    return ctx.lang == "be" and word.endswith(("аны", "ана", "ены", "ена", "ыты", "ыта", "іты", "іта"))


def _unit_after(ctx: DocContext, act: Span, agents: list[Span]) -> list[tuple]:
    """Verb first: "мяне затрымалі супрацоўнікі ГУБАЗіК", "били бойцы ОМОНа"."""
    doc = ctx.doc
    for i in range(act.end, min(act.end + 3, act.sent.end)):
        if doc[i].lower_ in OFFICER_NOUNS:
            unit = next((a for a in agents if a.label_ == "UNIT" and a.start in (i + 1, i + 2)), None)
            if unit is not None and _plural(act.text, ctx.lang):
                return [("PERPETRATED", unit, act, 0.6, {})]
    return []


def _person_after(ctx: DocContext, act: Span, agents: list[Span], titles: list[Span]) -> list[tuple]:
    """Verb first, its subject after it (Russian and Belarusian word order): "Ударил меня сержант
    Иванов", "брызнул мне газом в лицо и душил меня прапорщик Мишуков" (both acts his). The first
    named person after a singular act in its sentence, in the nominative, with no comma, clause break,
    preposition or other agent before him; an object ("ударил Сергея Иванова") is never taken."""
    doc = ctx.doc
    if _plural(act.text, ctx.lang):
        return []
    if ctx.lang == "ru" and len(act) == 1 and analyzer().parse(act.text.lower())[0].tag.POS == "NOUN":
        return []  # "арест счетов Лукашенко", "задержание Петрова": who comes after a noun is its object
    after = [a for a in agents if a.start >= act.end and a.start < act.sent.end and a.start - act.end <= 14]
    person = next((a for a in after if a.label_ == "PERSON"), None)
    if person is None:
        return []
    start = ctx.phrase_start(person, titles)  # "следователь КГБ Липницкий": the unit is his
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
    return [("PERPETRATED", person, act, 0.6, {})] if _nominative(ctx, start, person, act) else []


def _nominative(ctx: DocContext, start: int, person: Span, act: Span) -> bool:
    """The phrase naming the person (its title, else its first word that is not an initial) is in the
    nominative: pymorphy for Russian; for Belarusian a title in its dictionary form, or a surname
    with the ending the verb's gender needs (-ў: no -а/-у/-ым/-ам; -ла: -а, -ая)."""
    doc = ctx.doc
    i = start
    while i < person.end - 1 and len(doc[i].text) <= 4 and doc[i].text.endswith("."):
        i += 1  # "Р.А. Мишуков": the initials say nothing of the case
    word = doc[i].lower_
    if ctx.lang == "ru":
        return any("nomn" in p.tag for p in analyzer().parse(word))
    title = ctx.lexicon.title_forms.get(word)
    if title is not None:
        return ctx.lexicon.titles[title].canonical.get("be", "").lower() == word
    if act.text.lower().endswith("ла"):
        return word.endswith(("а", "ая", "і"))
    return not word.endswith(("а", "у", "ым", "ам", "ай", "ой", "е"))


def _pronoun_subject(ctx: DocContext, act: Span) -> list[tuple]:
    """ "Ён скруціў мне рукі", "He slammed my head": the pronoun stands for the last person named. The
    subject of a passive suffered the act ("Она была задержана в Минске")."""
    doc = ctx.doc
    if _passive(ctx, act) or ctx.lang == "en" and any(c.dep_ in ("nsubjpass", "auxpass") for c in act.root.children):
        return []
    if ctx.lang == "en":
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
        units = [e for e in ctx.all_ents if e.label_ == "UNIT" and e.end_char <= pronoun.idx and
                 pronoun.idx - e.end_char <= 300 and _officers_of(doc, e)]
        return [("PERPETRATED", units[-1], act, 0.5, {})] if units else []
    person = ctx.antecedent(pronoun.text, pronoun.idx, window=300)
    return [("PERPETRATED", person, act, 0.55, {})] if person is not None else []


def _officers_of(doc: Doc, unit: Span) -> bool:
    near = [doc[i].lower_ for i in range(max(0, unit.start - 1), min(len(doc), unit.end + 1))]
    return any(w in OFFICER_NOUNS for w in near)


def _shared_subject(ctx: DocContext, act: Span, done: dict[int, tuple[Span, list[tuple]]]) -> list[tuple]:
    """ "Вайтович ударил меня, потом надел наручники и подвесил": coordinated verbs, one subject."""
    doc = ctx.doc
    if ctx.lang == "en":
        return []
    earlier = [start for start in done if act.sent.start <= start < act.start and done[start][1]]
    if not earlier:
        return []
    previous, relations = done[max(earlier)]
    gap = doc[previous.end:act.start]
    if len(gap) > 12 or any(e.label_ in ("PERSON", "UNIT") for e in ctx.ents_in(gap.start, gap.end) if e.end <= gap.end) or any(
            t.lower_ in CLAUSE_BREAKS - {"і"} or t.lower_ in SUBJECT_PRONOUNS | PLURAL_PRONOUNS or t.text == "—"
            for t in gap):
        return []
    if _plural(previous.text, ctx.lang) != _plural(act.text, ctx.lang) or not any(
            t.lower_ in ("и", "і", ",", "потом", "затем", "потым", "пасля") for t in gap):
        return []
    said_of = _past_gender(act.text)
    return [(rel, agent, act, round(confidence * 0.9, 2), extra) for rel, agent, _, confidence, extra in relations
            if not (said_of and ctx.genders.get(agent.start, "") not in ("", said_of))]  # "она ... ударил": not hers


def _verb_chain_subject(ctx: DocContext, act: Span, titles: list[Span]) -> list[tuple]:
    """ "Степанов оскорблял меня, а потом поставил меня на колени", "Мухін абражаў мяне і прымусіў мяне
    стаяць": the act is the second of two verbs with one subject, the first no act of its own. The person
    named right before the first verb, in the nominative, agreeing with the act in number and gender;
    only the verb's objects and one coordinator ("и", "а потом", "потом") between."""
    doc = ctx.doc
    if ctx.lang == "en" or _plural(act.text, ctx.lang):
        return []
    sent = act.sent
    before = [p for p in ctx.persons if sent.start <= p.start and p.end <= act.start and act.start - p.end <= 14]
    if not before:
        return []
    person = before[-1]
    gap = doc[person.end:act.start]
    if len(gap) < 2 or not _past_verb(ctx, gap[0]) or any(
            e.label_ in ("PERSON", "UNIT") for e in ctx.ents_in(gap.start, gap.end) if e.end <= gap.end):
        return []
    tail = [t.lower_ for t in gap[1:]]
    joined = [i for i, word in enumerate(tail) if word in CHAIN_JOINS]
    if not joined or any(word in CLAUSE_BREAKS - {"і"} or word in (".", "!", "?") for word in tail) or \
            any(word == "," for word in tail[:joined[0]]):
        return []  # "Степанов сказал, что ..." is no chain; one comma only, before the coordinator
    objects = tail[:joined[0]]
    if any(not _object_word(word) for word in objects) or any(w not in CHAIN_JOINS | {","} for w in tail[joined[0]:]):
        return []
    gender = ctx.genders.get(person.start, "")
    if gender and _past_gender(act.text) not in ("", gender):
        return []
    start = ctx.phrase_start(person, titles)
    if start > 0 and doc[start - 1].lower_ in PREPOSITIONS or not _nominative(ctx, start, person, act):
        return []
    return [("PERPETRATED", person, act, 0.6, {})]


def _past_verb(ctx: DocContext, token) -> bool:
    word = token.lower_
    if ctx.lang == "ru":
        return any("VERB" in p.tag and "past" in p.tag for p in analyzer().parse(word)[:2])
    return len(word) > 3 and word.endswith(("ў", "ла", "лі", "ло"))


def _object_word(word: str) -> bool:
    """What may follow the first verb before the coordinator: its objects and their words, not a clause."""
    return word.isalpha() or word in ("«", "»", "-")


def _instrumental_agent(ctx: DocContext, act: Span, agents: list[Span], titles: list[Span]) -> Span | None:
    sent_end = act.sent.end
    for agent in (a for a in agents if act.end <= a.start < min(sent_end, act.end + 15)):
        if any(e.label_ == "INCIDENT" for e in ctx.ents_in(act.end, agent.start) if e.end <= agent.start):
            return None
        officer = next((t for t in titles if t.end == agent.start and t.text.lower().endswith(("ами", "амі"))),
                       None)
        if officer is not None or (agent.label_ == "PERSON" and agent[-1].lower_.endswith(
                ("ым", "ом", "ой", "ем", "им", "ам"))):
            return agent
    return None


def responsible(ctx: DocContext, sent: Span, ents: list[Span]) -> list[tuple]:
    """Sanctions language: "X несёт ответственность за задержания и избиения", "is responsible for"."""
    found = []
    lowered = ctx.text[sent.start_char:sent.end_char].lower()
    for cue in RESPONSIBILITY_CUES:
        at = lowered.find(cue)
        if at < 0:
            continue
        cue_char = sent.start_char + at
        persons = [e for e in ctx.all_ents if e.label_ == "PERSON" and e.end_char <= cue_char and
                   cue_char - e.end_char <= 400]
        if not persons:
            continue
        acts = [e for e in ents if e.label_ == "INCIDENT" and e.start_char > cue_char]
        if not acts:  # "Labusov is responsible for these acts": the acts told just before
            acts = ctx.incidents_in(ctx.previous_sentence(sent))
        for act in acts:
            found.append(("PERPETRATED", persons[-1], act, 0.6, {}))
    return found


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

