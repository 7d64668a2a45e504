"""person_rules: PERSON entities the model missed, and the model's persons set right.

"Фамилия И.О.", "И.О. Фамилия", a known given name followed by a capitalised word, and a rank or
position followed by capitalised words become PERSON. Common words never do,
alone or at the edge of a name: ranks, positions and unit words ("Senior", "Police"), Russian verbs,
prepositions, adverbs (pymorphy3: "Бил", "Перед"; inside a sentence, in a name the model read,
only prepositions: "Джек Лью", "Дон Делило"), and at the start of a sentence a Russian common
noun in an oblique case ("Обыском") or an English dictionary word used as one ("Riot police").
The model's persons are kept whole where a rule finds part of one; after a position (not a rank)
the place or body it belongs to is skipped ("премьер-министр Италии Марио Монти"); a surname
found elsewhere does not relabel a word the model reads as a place more often than as a person.
A word list of ``words.jsonl`` (not_names) holds the capitalised words that are never a name.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp import lexicon as lexicon_module
from nlp import names as names_module
from nlp.components.entities import INITIAL, add_entities
from nlp.components.places import DISTRICT_WORDS, PLACE_AFTER, PLACE_BEFORE, next_word, previous_word
from nlp.lexicon import words
from nlp.morphology import analyzer
from nlp.names import PATRONYMIC

_CAP = r"[A-ZА-ЯЁІЎ][a-zа-яёіўʼ'’\-]+"
_HIDDEN = "[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]*"   # invisible and bidi characters typed or pasted in
_INIT = rf"(?:[A-ZА-ЯЁІЎ]|Дз|Dz|Yu|Ya|Ye|Yo|Zh|Kh|Ch|Sh|Ts)\.\s?{_HIDDEN}"
INITIALS_PATTERNS = (
    re.compile(rf"(?<![\w.])({_CAP})\s+{_HIDDEN}({_INIT}(?:{_INIT})?)"),          # Жлобич Г.П.
    re.compile(rf"(?<![\w.])({_INIT}(?:{_INIT})?)\s*{_HIDDEN}({_CAP})"),           # Г.П. Жлобич, Н. И. Жлобич
)


# Capitalised words that open a sentence or a heading but are never part of a name: prepositions,
# pronouns, adverbs, field labels of sanctions notices ("Основания: ...", "Grounds: ..."), Belarusian
# nouns that open a sentence governing a name in the genitive ("Твар Людмілы Уладзіміраўны я запомніў";
# the Russian ones are pymorphy3's to tell, see _noun_before_a_name)
NOT_NAMES = words("not_names")
CONJUNCTIONS = {",", "&"} | words("conjunctions")
BRACKETS = {"(", ")", "[", "]"}  # "Дэйв Бинг (Dave Bing)": two mentions of one person
# lower-case particles that open a surname: "аль-Багдади", "ван Маарсен", "фон Браун", "de Oliveira"
NAME_PARTICLES = words("name_particles")
# pymorphy3 parts of speech that never name a person: verbs, prepositions, conjunctions, particles,
# adverbs, pronouns, predicatives, interjections ("Бил меня...", "Игорь Николаевич Перед допросом")
NOT_NAME_POS = {"VERB", "INFN", "GRND", "PRTS", "PREP", "CONJ", "PRCL", "ADVB", "NPRO", "PRED", "INTJ", "COMP"}
NAME_GRAMMEMES = {"Name", "Surn", "Patr"}
SENTENCE_OPENERS = {".", "!", "?", ":", ";", "«", '"', "“", "„", "(", "—", "–", "-", "…"}


def visible(token) -> str:
    """The token's text as a reader sees it (zero-width characters and bidi controls left out)."""
    return names_module.strip_invisible(token.text)


@lru_cache(maxsize=50_000)
def russian_word_class(word: str) -> str | None:
    """What pymorphy3's dictionary says of a capitalised Russian word that may be taken for a name part:
    "function" (a verb, preposition, adverb ...), "oblique_noun" (a common inanimate noun in an oblique
    case only: "Обыском"), "noun" (a common noun that may be nominative, as surnames can be: "Сивуха"),
    or None (a name, an unknown word, or another part of speech). Only dictionary words count, and none
    of their readings may be a given name, surname or patronymic."""
    word = names_module.normalise_for_matching(word)[0]
    if not re.fullmatch(r"[а-яёА-ЯЁ\-]+", word):
        return None
    parses = [p for p in analyzer().parse(word) if p.is_known]
    if not parses or any(NAME_GRAMMEMES & p.tag.grammemes for p in parses):
        return None
    if any({"Geox", "Orgn", "Abbr"} & p.tag.grammemes for p in parses):
        return None
    if parses[0].tag.POS in NOT_NAME_POS:
        return "function"
    if all(p.tag.POS == "NOUN" for p in parses):
        if any("nomn" in p.tag or "anim" in p.tag for p in parses):
            return "noun"
        return "oblique_noun"
    return None


@lru_cache(maxsize=50_000)
def _dictionary_name(word: str, grammemes: frozenset = frozenset(NAME_GRAMMEMES)) -> bool:
    """pymorphy3's dictionary has a reading of the (Cyrillic) word with one of these grammemes: a given
    name, surname or patronymic by default."""
    word = names_module.normalise_for_matching(word)[0]
    return bool(re.fullmatch(r"[а-яёА-ЯЁ\-]+", word)) and any(
        grammemes & p.tag.grammemes for p in analyzer().parse(word) if p.is_known)


def dictionary_given_name(word: str) -> bool:
    """pymorphy3's dictionary knows the word as a given name ("Радия", "Барака", "Дэвид"), though the
    project's table of (Slavic) given names may not."""
    return _dictionary_name(word, frozenset({"Name"}))


@lru_cache(maxsize=50_000)
def russian_preposition(word: str) -> bool:
    """The dictionary's first reading of the word is a preposition or a conjunction ("Перед", "Через")."""
    word = names_module.normalise_for_matching(word)[0]
    parses = [p for p in analyzer().parse(word) if p.is_known]
    return bool(parses) and parses[0].tag.POS in ("PREP", "CONJ")


def hyphenated(doc: Doc, token) -> bool:
    """The token ends a hyphenated word: "старший" in "Буш-старший", "Вайтенко" in "Михнова-Вайтенко"."""
    i = token.i
    return i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
        and doc[i - 2].is_alpha and token.is_alpha


def sentence_initial(doc: Doc, i: int) -> bool:
    """The token opens a sentence, a line or a quotation: its capital letter says nothing."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        if "\n" in doc[j].text:
            return True
        j -= 1
    if j < 0 or doc[i].is_sent_start:
        return True
    return "\n" in doc[j].whitespace_ or doc[j].text in SENTENCE_OPENERS or doc[j].text.endswith((".", "!", "?"))


class PersonRules:
    def __init__(self, english_words: frozenset[str] = frozenset()):
        self.lexicon = lexicon_module.load()
        self.english_words = english_words  # the English lowercase dictionary (the lemmatizer's index)

    def __call__(self, doc: Doc) -> Doc:
        self._clean_model_persons(doc)
        text = doc.text
        spans = []
        for pattern in INITIALS_PATTERNS:
            for match in pattern.finditer(text):
                end = match.end()
                while end > match.start() and text[end - 1].isspace():
                    end -= 1
                if end < len(text) and text[end].isalpha():
                    continue  # "Microsoft Б.Гейтсом": the initial is glued to the name after it
                span = doc.char_span(match.start(), end, label="PERSON", alignment_mode="expand")
                if span is not None and pattern is INITIALS_PATTERNS[0] and span.end < len(doc) and \
                        names_module.canonical_given(match.group(1), self.lexicon) and \
                        self._capitalised_name(doc[span.end]) and doc[span.end].lower_ not in NOT_NAMES and \
                        not doc[span.end].is_sent_start:
                    span = doc[span.start:span.end + 1]  # "Ivan V. Kubrakov": a given name, an initial, the surname
                if span is not None and not self._unit_or_title(doc, span):
                    spans.append(span)
        initials = set(spans)  # exact by construction: they stand against the model ("Твар Дубіка В.Ю.")
        for token in doc:
            if visible(token).istitle() and names_module.canonical_given(visible(token), self.lexicon) and \
                    token.i + 1 < len(doc):
                nxt = doc[token.i + 1]
                if self._capitalised_name(nxt):
                    end = token.i + 2
                    if end < len(doc) and self._capitalised_name(doc[end]) and doc[end].lower_ not in \
                            self.lexicon.given_names and not (doc[end].ent_type_ == "PERSON" and
                                                              doc[end].ent_iob_ == "B"):
                        # given + patronymic + surname, or given + surname + nothing; not a person the
                        # model tells apart ("с Александром Хлопониным Пшихачев рассказывал")
                        end += 1
                    start = token.i
                    if start > 0 and end == token.i + 2 and PATRONYMIC.search(nxt.text) and \
                            (names_module.patronymic_gender(nxt.text) == "f" or
                             names_module.is_patronymic_of_a_name(nxt.text, self.lexicon)) and \
                            self._capitalised_name(doc[start - 1]) and doc[start - 1].lower_ not in NOT_NAMES and \
                            doc[start - 1].lower_ not in self.lexicon.given_names and \
                            doc[start - 1].ent_type_ != "PLACE":
                        # surname + given + patronymic: "ЖЛОБИЧ Геннадий Петрович"; not "президент Украины
                        # Виктор Янукович" (a place before, and "Янукович" is no patronymic of a given name)
                        start -= 1
                    spans.append(Span(doc, start, end, label="PERSON"))
        units = {e.start: e.end for e in doc.ents if e.label_ == "UNIT"}
        places = {e.start: e.end for e in doc.ents if e.label_ in ("UNIT", "PLACE")}
        for title in doc.spans.get("titles", []):
            # "суддзя суда Савецкага раёна Ярашэвіч"; after a position, the place or body it is the
            # position of: "премьер-министр Италии Марио Монти", "начальник УВД Томской области Гречман"
            skip = units if title.label_.startswith("rank:") else places
            start = title.end
            while start in skip:
                start = skip[start]
            if start != title.end and (doc[start - 1].whitespace_ != " " or start < len(doc) and
                                       doc[start].is_sent_start):
                continue
            end = start
            while end < len(doc) and end - start < 3 and self._capitalised_name(doc[end]) and \
                    (skip is units or doc[end].ent_type_ not in ("PLACE", "UNIT")):
                end += 1  # after a rank, a name even where the model read a place: "капитан ОМОНа Ломейко"
            if end > start:
                spans.append(Span(doc, start, end, label="PERSON"))
        blocking = [e for e in doc.ents if e.label_ == "DATE" or e._.source == "gazetteer"]
        spans = [s for s in spans if not any(e.start < s.end and s.start < e.end for e in blocking)
                 and not self._names_a_place_or_unit(doc, s)]
        # a person of the model stands when a rule finds only part of it: "Елизавета Александра" in
        # "Елизавета Александра Мария", "Артур Нузман" in "Карлос Артур Нузман"
        # (natasha's; the English tagger's persons run on into the next word too often: "KORZUN Function")
        # Only when the words the rule left out are names to the dictionaries ("Карлос", "Мария"), not
        # a noun opening the sentence ("Твар Елены Олеговны", "Лицо Андрея Константиновича").
        model_persons = [e for e in doc.ents if e.label_ == "PERSON" and e._.source == "model"
                         and doc._.lang in ("ru", "be")]
        add_entities(doc, [t for s in spans for t in self._trim(doc, s) if s in initials or not any(
            e.start <= t.start and t.end <= e.end and self._names_only(doc, e, t) for e in model_persons)], "rule")
        self._propagate_surnames(doc)
        return doc

    def _trim(self, doc: Doc, span: Span, model: bool = False) -> list[Span]:
        """Drop words that are not names at the edges; split "Рудака и Хоміча" into two persons."""
        pieces, current = [], []
        for token in span:
            splits_here = token.text == "." and token.i > span.start and len(doc[token.i - 1]) > 2
            sentence_end = len(token) > 3 and token.text.endswith(".") and token.i + 1 < span.end and \
                not INITIAL.match(token.text.rstrip("."))  # "GUBOPiK. Lomeiko", but not "А.Р. Руденко"
            if token.lower_ in CONJUNCTIONS or token.text in BRACKETS or splits_here or sentence_end:
                if current:
                    pieces.append(current)
                current = []
            else:
                current.append(token)
        if current:
            pieces.append(current)
        result = []
        for piece in pieces:
            while piece and not self._name_particle(doc, piece) and (
                    piece[0].lower_ in NOT_NAMES or not (visible(piece[0])[:1].isupper()) or
                    self._common_word(doc, piece[0], edge=True, model=model) or self._noun_before_a_name(doc, piece)):
                piece = piece[1:]
            while piece and not hyphenated(doc, piece[-1]) and (
                    piece[-1].is_punct and piece[-1].text != "." or piece[-1].is_space or
                    piece[-1].lower_ in NOT_NAMES or piece[-1].lower_ in self.lexicon.unit_abbreviations or
                    self._common_word(doc, piece[-1], edge=True, model=model)):
                piece = piece[:-1]  # "Рудак РУВД", "Павел Ярашэвіч РУУС", "Игорь Николаевич Перед"
            if len(piece) == 1 and self._common_word(doc, piece[0], edge=False, model=model):
                continue  # "Обыском", "Police", "Riot": a common word alone names no one
            if len(piece) == 1 and self._noun_before_a_title(doc, piece[0]):
                continue  # "Твар капітана Рачкоўскай", "Лицо майора Комарова": the noun governs the officer
            if piece and any(visible(t).isalpha() and len(visible(t)) > 1 for t in piece):
                result.append(Span(doc, piece[0].i, piece[-1].i + 1, label="PERSON"))
        return result

    @staticmethod
    def _name_particle(doc: Doc, piece: list) -> bool:
        """ "аль-Багдади", "ван Маарсен", "de Oliveira": a lower-case particle that opens a surname."""
        if len(piece) < 2 or piece[0].lower_ not in NAME_PARTICLES:
            return False
        nxt = piece[2] if piece[1].text == "-" and len(piece) > 2 and not piece[0].whitespace_ else piece[1]
        return visible(nxt)[:1].isupper() and nxt.is_alpha

    def _common_word(self, doc: Doc, token, edge: bool, model: bool = False) -> bool:
        """A capitalised common word taken for a name part. At the edge of a name: a rank, position or
        unit word ("Senior", "Police"), a Russian verb, preposition, adverb ... ("Перед", "Бил"), or an
        English function word the tagger does not read as a name ("There", "Then"); in a span of the
        model (model=True) a Russian verb, pronoun ... inside a sentence is a name ("Джек Лью").
        Alone (edge=False), also: a Russian common noun in an oblique case at the start of a sentence
        ("Обыском"), a Russian noun at the start of a sentence that the text also writes in lower case,
        and an English dictionary word at the start of a sentence ("Riot police arrived")."""
        word = visible(token)
        lower = word.lower()
        if not word.isalpha() or INITIAL.match(word) or names_module.canonical_given(word, self.lexicon):
            return False
        if lower in self.lexicon.title_words:
            return True
        kind = russian_word_class(word) if doc._.lang in ("ru", "be") else None
        if kind == "function" and (not model or sentence_initial(doc, token.i) or russian_preposition(word)):
            # "Бил меня ...", "Игорь Николаевич Перед допросом", "Юлия Вячеславовна Приглашаем Вас"; but
            # inside a sentence, in a name the model read, a capital letter says a name more than the
            # dictionary says a word: "Джек Лью", "Дон Делило"
            return True
        if doc._.lang == "en" and lower in ENGLISH_STOP_WORDS and token.tag_ not in ("NNP", "NNPS"):
            return True  # "There Sergey Volkovich beat me", "Then Andrey Babkevich kicked me"
        if edge or not sentence_initial(doc, token.i):
            return False
        if kind == "oblique_noun":
            return True
        if kind == "noun":
            return self._written_lowercase(doc, lower)
        if doc._.lang != "en" or lower not in self.english_words:
            return False
        # an English word that opens a sentence: the tagger reads it as a common word, or it modifies the
        # lower-case word after it ("Riot police", "Senior officers"); "Baker ordered" stays a name
        head = token.head
        return token.tag_ not in ("NNP", "NNPS") or (
            token.dep_ in ("compound", "amod", "nmod") and head.i > token.i and head.is_lower)

    def _names_only(self, doc: Doc, outer: Span, inner: Span) -> bool:
        """The capitalised words of ``outer`` outside ``inner`` are all names to pymorphy3's dictionary (a
        given name, surname or patronymic reading) or to the project's name table (lower-case particles and
        hyphenated tails, "аль-", "-младший", are the model's business)."""
        extra = [t for t in outer if not inner.start <= t.i < inner.end and visible(t).isalpha()
                 and visible(t)[:1].isupper()]
        return all(visible(t).lower() in self.lexicon.given_names or _dictionary_name(visible(t)) for t in extra)

    @staticmethod
    def _noun_before_a_title(doc: Doc, token) -> bool:
        """A word opening the sentence right before a rank or position ("Твар капітана ...", "Фамилию
        майора ...") is a noun governing the officer, not his name: a name and the rank after it are
        parted by a comma or a dash ("Иванов, капитан ОМОНа")."""
        if doc._.lang not in ("ru", "be") or not sentence_initial(doc, token.i) or token.i + 1 >= len(doc):
            return False
        return any(title.start == token.i + 1 for title in doc.spans.get("titles", []))

    @staticmethod
    def _noun_before_a_name(doc: Doc, piece: list) -> bool:
        """ "Лицо Андрея Константиновича я запомнила", "Твар Сяргея Мікалаевіча": a word opening the sentence
        before a given name and patronymic in an oblique case is not their surname when it cannot be in
        that case (a surname agrees with its name): a dictionary noun that is only nominative or
        inanimate accusative, or, before a man's oblique patronymic, a word ending in a consonant (a man's
        declinable surname takes the ending too: Петрова, Шаўчыка; Черных, Белых do not decline)."""
        if len(piece) < 3 or doc._.lang not in ("ru", "be") or not sentence_initial(doc, piece[0].i):
            return False
        patronymic = visible(piece[2]).lower()
        if not (PATRONYMIC.search(patronymic) and names_module.oblique_patronymic(patronymic)):
            return False
        word = visible(piece[0])
        if russian_word_class(word) == "noun":
            cases = {case for p in analyzer().parse(word) if p.is_known for case in ("gent", "datv", "ablt", "loct")
                     if case in p.tag}
            if not cases:
                return True
        male = re.search(r"(?:ич|іч)(?:а|у|ем|ам|ом|ым|е)$", patronymic) is not None
        return male and re.search(r"[бвгджзйклмнпрстфцчшщўь]$", word.lower()) is not None

    @staticmethod
    def _written_lowercase(doc: Doc, lower: str) -> bool:
        cache = doc.user_data.setdefault("lowercase_words", None)
        if cache is None:
            cache = doc.user_data["lowercase_words"] = {t.text for t in doc if t.is_lower}
        return lower in cache

    def _clean_model_persons(self, doc: Doc) -> None:
        """The model's PERSON spans, trimmed and split; a span that is a known place becomes PLACE."""
        kept, changed = [], False
        for ent in doc.ents:
            if ent.label_ == "PERSON" and ent._.source == "model":
                if ent.text.lower() in self.lexicon.title_forms or self._names_a_place_or_unit(doc, ent):
                    changed = True  # "Ахоўніка", "вуліцы Якуба Коласа", "Савецкага раёна"
                    continue
                if ent.text.lower() in self.lexicon.place_forms:
                    kept.append(Span(doc, ent.start, ent.end, label="PLACE"))
                    changed = True
                    continue
                pieces = self._trim(doc, ent, model=True)
                if len(pieces) != 1 or (pieces[0].start, pieces[0].end) != (ent.start, ent.end):
                    changed = True
                kept.extend(pieces)
            else:
                kept.append(ent)
        if changed:
            sources = {(e.start, e.end): e._.source for e in doc.ents}
            doc.ents = sorted(kept, key=lambda e: e.start)
            for ent in doc.ents:
                ent._.source = sources.get((ent.start, ent.end), "model")

    def _propagate_surnames(self, doc: Doc) -> None:
        """Once "Рудак Д.О." is a person, "Рудака" elsewhere in the text is that person too."""
        from nlp import names

        known: set[str] = set()
        votes: Counter = Counter()  # surname skeleton -> persons that bear it
        persons = [e for e in doc.ents if e.label_ == "PERSON"]
        for ent in persons:
            parts = names.parse(ent.text, self.lexicon)
            if parts.surname and len(parts.surname) > 2:
                known.add(names.skeleton(parts.surname))
                votes[names.skeleton(parts.surname)] += 1
        if not known:
            return
        spans = []
        alone = {names.skeleton(e.text) for e in persons if len(e) == 1}
        written = Counter(tuple(names.skeleton(t.text) for t in ent) for ent in persons if len(ent) == 2)
        # "Па ўказанні Саўчанкова Ламейка ударыў": two surnames the text uses alone; not a given name the
        # dictionary knows ("Радия Хабирова", "Барака Обамы"), nor a pair the text writes more than once
        pairs = [ent for ent in persons
                 if len(ent) == 2 and all(t.is_alpha for t in ent) and not any(
                     t.lower_ in self.lexicon.given_names or names.is_patronymic_of_a_name(t.text, self.lexicon)
                     or dictionary_given_name(t.text) for t in ent)
                 and all(names.skeleton(t.text) in alone for t in ent)
                 and written[tuple(names.skeleton(t.text) for t in ent)] == 1]
        if pairs:
            doc.ents = [e for e in doc.ents if e not in pairs]
            add_entities(doc, [Span(doc, t.i, t.i + 1, label="PERSON") for ent in pairs for t in ent], "rule")
        gazetteer_tokens = {i for e in doc.ents if e._.source == "gazetteer" for i in range(e.start, e.end)}
        model_places = {i: e for e in doc.ents if e._.source == "model" and e.label_ in ("PLACE", "UNIT")
                        for i in range(e.start, e.end)}
        place_votes = Counter(names.skeleton(e.text) for e in set(model_places.values()) if len(e) == 1)
        for token in doc:
            word = visible(token)
            if not word.isalpha() or len(word) < 3 or not word[:1].isupper():
                continue
            if token.ent_type_ in ("PERSON", "DATE", "INCIDENT") or token.lower_ in NOT_NAMES:
                continue
            if token.i in model_places:
                # the model reads the word here as a place or a body: it stays one when it is part of a
                # longer name ("Приволжско-Уральском военном округе") or when the model reads the word so
                # more often than as a person's ("в Руанде" against one "Руанды Йюхи V Мусинги")
                place = model_places[token.i]
                if len(place) > 1 or doc._.lang != "en" and \
                        place_votes[names.skeleton(token.text)] > votes[names.skeleton(token.text)]:
                    continue
            if word.lower() in self.lexicon.title_words or (
                    doc._.lang in ("ru", "be") and russian_word_class(word) == "function"):
                continue
            if token.i in gazetteer_tokens:
                continue
            if token.lower_ in self.lexicon.place_forms or token.lower_ in self.lexicon.given_names:
                continue
            if names.skeleton(token.text) in known:
                spans.append(Span(doc, token.i, token.i + 1, label="PERSON"))
        add_entities(doc, spans, "rule")

    def _capitalised_name(self, token) -> bool:
        text = visible(token)
        upper_name = text.isupper() and len(text) > 2 and text.isalpha()  # sanctions style: "GURSKY"
        return ((text.istitle() or upper_name) and text.isalpha() and len(text) > 1
                and text.lower() not in self.lexicon.unit_abbreviations and text.lower() not in self.lexicon.months
                and text.lower() not in self.lexicon.title_forms and text.lower() not in self.lexicon.unit_aliases)

    @staticmethod
    def _names_a_place_or_unit(doc: Doc, span: Span) -> bool:
        """ "вуліцы Якуба Коласа", "on Okrestina Street", "Савецкага раёна", "Фрунзенского РУВД": not persons."""
        before, after = previous_word(doc, span.start), next_word(doc, span.end - 1)
        return before in PLACE_BEFORE or after in PLACE_AFTER or after in DISTRICT_WORDS

    def _unit_or_title(self, doc: Doc, span: Span) -> bool:
        return span[0].lower_ in self.lexicon.unit_aliases or span[0].lower_ in self.lexicon.title_forms


def _english_words(nlp: Language) -> frozenset[str]:
    """Lowercase English words (nouns, verbs, adjectives, adverbs) from the lemmatizer's index, when the
    pipeline has one: "police", "riot", "senior", "warrant" are words before they are names."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(w for words in lookups.get_table("lemma_index").values() for w in words if w.isalpha())


@Language.factory("person_rules", requires=["doc.ents", "doc.spans", "token.is_sent_start"],
                  assigns=["doc.ents", "span._.source"])
def make_person_rules(nlp: Language, name: str) -> PersonRules:
    return PersonRules(_english_words(nlp))
