"""Person names: junk persons, initials, look-alike letters and invisible characters, Belarusian spellings.

Every name here is invented and none is in nlp/devset (Левченко, Громов/Громаў/Hramau, Щербак/Шчарбак,
Сокольский/Сакольскі, Бондарева, Мартинкевич)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from nlp import lexicon, names
from nlp.pipeline import extract

ROOT = Path(__file__).resolve().parent.parent
LEX = lexicon.load()
ZWSP, SHY, RLO, PDF, LRI, PDI = "\u200b", "\u00ad", "\u202e", "\u202c", "\u2066", "\u2069"


def key(text: str) -> str:
    return names.person_key(names.parse(text, LEX), LEX)


def persons(result: dict) -> list[dict]:
    return [e for e in result["entities"] if e["type"] == "PERSON"]


# --- nlp.names --------------------------------------------------------------------------------------

@pytest.mark.parametrize("group", [
    ["Громов", "Громаў", "Hramau", "Hramaŭ", "Hromau", "Gromov", "Громова", "Громовым"],
    ["Щербак", "Шчарбак", "Shcharbak", "Shcherbak", "Szczerbak"],
    ["Сокольский", "Сакольскі", "Sakolski", "Sokolsky", "Sokolskiy", "Сокольского"],
    ["Бондарев", "Бондарава", "Bondarau", "Бондарева", "Бондаревой"],
])
def test_surname_skeleton_ignores_belarusian_latin_and_case_spellings(group):
    assert len({names.skeleton(s) for s in group}) == 1, {s: names.skeleton(s) for s in group}


def test_keys_are_the_same_for_case_forms_and_scripts():
    assert len({key(s) for s in ("Денис Громов", "Дениса Громова", "Денису Громову", "Дзяніс Громаў",
                                 "Dzianis Hramau", "Громову Д. И.", "Д.И. Громов")}) == 1
    assert key("Ирина Бондарева") == key("Ирине Бондаревой") == key("Бондаревой И. С.") == key("Iryna Bondareva")
    assert key("Левченко А.Р.") == key("А. Левченко") == key("Левченко А. Р.")  # -ко does not decline
    assert key("Ярослав Щербак") == key("Яраслаў Шчарбак") == key("Y. Shcharbak") == key("Ya. Shcherbak")
    assert key("Юрий Мартинкевич") == key("Yu. Martsinkevich") == key("Мартинкевич Ю.") == key("Ю. Мартинкевич")
    assert key("Денис Громов") != key("Андрей Громов")


@pytest.mark.parametrize("text, expected", [
    ("А.Р. Левченко", ("Левченко", "А", "Р")),
    ("А.Р.Левченко", ("Левченко", "А", "Р")),
    ("А. Р. Левченко", ("Левченко", "А", "Р")),
    ("Левченко А.Р.", ("Левченко", "А", "Р")),
    ("Левченко А. Р.", ("Левченко", "А", "Р")),
    ("Левченко А.Р", ("Левченко", "А", "Р")),
    ("Громову Д. И.", ("Громову", "Д", "И")),
    ("Громаў Дз.А.", ("Громаў", "Дз", "А")),
    ("Дз. А. Громаў", ("Громаў", "Дз", "А")),
    ("Martsinkevich Yu.G.", ("Martsinkevich", "Yu", "G")),
    ("Y. Shcharbak", ("Shcharbak", "Y", None)),
])
def test_initials_before_or_after_the_surname(text, expected):
    parts = names.parse(text, LEX)
    assert (parts.surname, parts.given, parts.patronymic) == expected
    assert parts.given_is_initial


def test_normalise_for_matching_maps_look_alikes_and_drops_invisible_characters():
    assert names.normalise_for_matching("Грoмов") == ("Громов", ["mixed_script"])       # Latin o
    assert names.normalise_for_matching("Hrаmau") == ("Hramau", ["mixed_script"])       # Cyrillic а
    assert names.normalise_for_matching("Гр" + ZWSP + "омов") == ("Громов", ["invisible_characters"])
    assert names.normalise_for_matching("Громо" + SHY + "в") == ("Громов", ["invisible_characters"])
    assert names.normalise_for_matching(RLO + "Громов" + PDF) == ("Громов", ["bidi_control"])
    assert names.normalise_for_matching("Сергей Громов") == ("Сергей Громов", [])
    text, flags = names.normalise_for_matching(LRI + "Сeргей Гр" + ZWSP + "омов" + PDI)
    assert text == "Сергей Громов" and flags == ["mixed_script", "invisible_characters", "bidi_control"]
    assert names.unconfuse("Грoмов Hrаmau")[0] == "Громов Hramau"  # one letter for one: offsets hold


def test_keys_and_parts_read_through_look_alikes_but_keep_the_written_letters():
    clean = key("Сергей Громов")
    for variant in ("Сергей Грoмов", "Cергей Громов", "Сергей Гр" + ZWSP + "омов", "Сергей Громо" + SHY + "в",
                    RLO + "Сергей Громов" + PDF, "Сергей \ufeffГромов"):
        assert key(variant) == clean, variant
    parts = names.parse("Сергей Гр" + ZWSP + "oмов", LEX)
    assert parts.surname == "Грoмов" and parts.given == "Сергей"  # Latin o kept, zero-width space dropped
    assert names.parse("Р. Левченко", LEX).given == names.parse("P. Левченко", LEX).given == "Р"


# --- the pipeline ------------------------------------------------------------------------------------

def test_common_words_do_not_become_persons_russian():
    text = ("Обыском руководил капитан Левченко. Бил меня сержант Громов, а Игорь Николаевич Перед допросом "
            "угрожал. Допросом руководил майор. Затем меня увезли.")
    found = {e["text"] for e in persons(extract(text, "ru"))}
    assert not found & {"Обыском", "Бил", "Допросом", "Затем"}
    assert not any("Перед" in t for t in found)
    assert {"Левченко", "Громов"} <= found


def test_common_words_do_not_become_persons_english():
    text = ("Riot police beat us near the station. Senior officers watched. Warrant officers shouted. "
            "Police vans came. Lieutenant Hramau ordered the beating.")
    found = {e["text"] for e in persons(extract(text, "en"))}
    assert not found & {"Riot", "Senior", "Warrant", "Police", "Lieutenant"}
    assert "Hramau" in found


def test_initials_are_part_of_the_person_span():
    text = ("Протокол подписал А.Р. Левченко, а следователь Громову Д. И. я ничего не сказала. "
            "Позже Левченко А.Р. и Д.И.Громов ушли.")
    result = extract(text, "ru")
    found = {e["text"]: e for e in persons(result)}
    assert {"А.Р. Левченко", "Громову Д. И.", "Левченко А.Р.", "Д.И.Громов"} <= set(found)
    assert found["А.Р. Левченко"]["key"] == found["Левченко А.Р."]["key"]
    assert found["Громову Д. И."]["key"] == found["Д.И.Громов"]["key"]
    english = {e["text"] for e in persons(extract("The report was signed by Martsinkevich Yu.G. and Y. Shcharbak.", "en"))}
    assert {"Martsinkevich Yu.G.", "Y. Shcharbak"} <= english


def test_invisible_characters_and_look_alikes_keep_offsets_and_key():
    clean = persons(extract("Меня допрашивал капитан Сергей Громов из ГУБОПиК.", "ru"))
    assert [e["text"] for e in clean] == ["Сергей Громов"]
    for name, flag in (("Сергей Гр" + ZWSP + "омов", "invisible_characters"),
                       ("Сергей Громо" + SHY + "в", "invisible_characters"),
                       ("Сергей Грoмов", "mixed_script")):
        text = f"Меня допрашивал капитан {name} из ГУБОПиК."
        found = persons(extract(text, "ru"))
        assert [e["text"] for e in found] == [name], name
        entity = found[0]
        assert text[entity["start"]:entity["end"]] == name
        assert entity["key"] == clean[0]["key"]
        assert entity["attrs"]["name_flags"] == [flag]
        assert ZWSP not in entity["canonical"] and SHY not in entity["canonical"]
    assert "name_flags" not in clean[0]["attrs"]


def test_belarusian_and_latin_spellings_share_the_key():
    be = persons(extract("Мяне збіў сяржант Дзяніс Громаў.", "be"))
    ru = persons(extract("Меня избил сержант Денис Громов.", "ru"))
    en = persons(extract("Sergeant Dzianis Hramau beat me.", "en"))
    assert be[0]["key"] == ru[0]["key"] == en[0]["key"]


def test_cli_reports_name_flags(tmp_path):
    text = "Меня допрашивал капитан Сергей " + RLO + "Гр" + ZWSP + "омов" + PDF + " из ГУБОПиК."
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "nlp", "extract", str(path), "--lang", "ru"], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    person = [e for e in json.loads(out.stdout)["entities"] if e["type"] == "PERSON"][0]
    assert text[person["start"]:person["end"]] == person["text"]
    assert "Гр" + ZWSP + "омов" in person["text"]
    assert person["attrs"]["name_flags"] == ["invisible_characters", "bidi_control"]
    assert person["canonical"] == "Сергей Громов"


def test_a_noun_opening_the_sentence_is_not_the_surname_of_the_name_it_governs():
    result = extract("Лицо Тимофея Аркадьевича я запомнила навсегда. Громов Тимофей Аркадьевич бил меня.", "ru")
    texts = [p["text"] for p in persons(result)]
    assert "Тимофея Аркадьевича" in texts and "Громов Тимофей Аркадьевич" in texts
    assert not any(t.startswith("Лицо") for t in texts)


@pytest.mark.parametrize("text,lang,person", [
    ("Лицо Руслана Андреевича я запомнил навсегда.", "ru", "Руслана Андреевича"),  # Руслана is also a name
    ("Твар Сяргея Мікалаевіча я запомніў назаўсёды.", "be", "Сяргея Мікалаевіча"),
    ("We were taken to the station. There Sergey Volkovich beat me.", "en", "Sergey Volkovich"),
    ("Then Andrey Babkevich kicked me.", "en", "Andrey Babkevich"),
])
def test_a_word_that_cannot_agree_with_the_name_is_not_its_surname(text, lang, person):
    assert [p["text"] for p in persons(extract(text, lang))] == [person]


@pytest.mark.parametrize("text", ["Петрова Руслана Андреевича я запомнил.", "Черных Руслана Андреевича я запомнил.",
                                  "Шевчук Ирины Владимировны я запомнила.", "Шевченко Руслана Андреевича я запомнил."])
def test_a_surname_that_agrees_with_the_name_stays(text):
    assert [p["text"] for p in persons(extract(text, "ru"))] == [text.rsplit(" я ", 1)[0]]


@pytest.mark.parametrize("word, sex", [("Вадимовича", "m"), ("Вадзімавіч", "m"), ("Vadzimavič", "m"),
                                       ("Anatolyevich", "m"), ("Ивановны", "f"), ("Іванаўна", "f"),
                                       ("Ivanovna", "f"), ("Мікалаеўнай", "f"), ("И.", None), (None, None)])
def test_a_patronymic_tells_the_sex_in_any_case(word, sex):
    assert names.patronymic_gender(word) == sex


def test_a_female_patronymic_is_never_read_as_a_surname():
    lex = lexicon.load()
    assert names.parse("Olga Iharavna", lex).surname is None  # "Ihar" is no name the table knows
    assert names.parse("Вольга Іхараўна", lex).patronymic == "Іхараўна"
    assert names.parse("Pavel Yaroshevich", lex).surname == "Yaroshevich"  # a male form may be a surname


def test_the_patronymic_decides_the_sex_of_a_mention():
    """ "Евгения Вадимовича Дашкевича" is Евгений in the genitive, a man."""
    from ingest.to_graph import TestimonyInfo, mention_records, officials
    text = "Я написал жалобу на начальника ЦИП подполковника Евгения Вадимовича Дашкевича."
    extraction = extract(text, "ru")
    info = TestimonyInfo(id="d" * 64, language="ru", source_type="txt", pseudonym=None, received=None, word_count=1)
    from graph.facts import UNKNOWN
    records = mention_records(info, extraction, officials(extraction), UNKNOWN)
    assert [r["gender"] for r in records.values()] == ["m"]


def test_german_and_lacinka_spellings_of_names_and_patronymics_are_read():
    """German documents spell Belarusian officials by Duden rules; Łacinka writes -evič and -aŭna."""
    lex = lexicon.load()
    german = names.parse("Ljudmila Wladimirowna Schdanowitsch", lex)
    assert (german.surname, german.patronymic) == ("Schdanowitsch", "Wladimirowna")
    assert names.canonical_given("Ljudmila", lex) == "Людмила"
    assert names.canonical_given("Wassili", lex) == "Василий"
    assert names.parse("Dzmitry Ewgenewitsch", lex).surname is None      # a name and a patronymic, no surname
    assert names.parse("Victor Hienadzievič", lex).surname is None
    assert names.parse("Ihar Yaraševič", lex).surname == "Yaraševič"       # "Yuras" is a pet name, no father's name
    assert names.canonical_given("Major", lex) is None                   # an English word is no one's name


@pytest.mark.parametrize("written, meant", [("Senkewitsch", "Зенькевич"), ("Tichonow", "Тихонов"),
                                            ("Tihonov", "Тихонов"), ("Schdanowitsch", "Жданович"),
                                            ("Sawadski", "Завадский"), ("Melnitschuk", "Мельничук"),
                                            ("Harbackaja", "Гарбацкая"), ("Pachomaŭ", "Пахомов"),
                                            ("Jazuk", "Яцук"), ("Vaukovich", "Волкович")])
def test_a_latin_surname_has_among_its_readings_the_cyrillic_one(written, meant):
    readings = names.skeleton_readings(written)
    assert names.skeleton(meant) in readings
    assert readings[0] == names.skeleton(written) and names.skeleton_readings(meant) == (names.skeleton(meant),)


def test_a_belarusian_ou_after_the_first_consonant_may_stand_for_russian_ol():
    assert names.skeleton("Волкович") in names.skeleton_readings("Ваўковіч")
    assert names.skeleton_readings("Ваўковіч")[0] == names.skeleton("Ваўковіч")


def test_with_a_given_name_the_table_lacks_the_word_with_a_surnames_ending_is_the_surname():
    """A typo or a rare name ("Рускан", "Ириаа") in front of the surname does not make it the given name."""
    for text, surname in (("Рускан Мишуков", "Мишуков"), ("Ириаа Лебедева", "Лебедева"),
                          ("Мишуков Рускан", "Мишуков"), ("Шпак Вераника", "Шпак")):
        assert names.parse(text, LEX).surname == surname, text


def test_belarusian_names_typed_without_the_short_u_are_read():
    """Belarusian typed on a Russian keyboard writes у for ў: "Святаслау", "Алегауна" are still names."""
    assert names.canonical_given("Святаслау", LEX) == names.canonical_given("Святаслаў", LEX) == "Святослав"
    parts = names.parse("Святаслау Уладзіміравіч", LEX)
    assert (parts.surname, parts.patronymic) == (None, "Уладзіміравіч")
    assert names.parse("Яфімау Святаслау", LEX).surname == "Яфімау"
    assert names.patronymic_gender("Алегауна") == names.patronymic_gender("Andreeuna") == "f"
    assert names.father_name("Святаславауна", LEX) == "Святослав"
    assert names.parse("Volha Andreeuna", LEX).surname is None


def test_a_womans_name_before_a_mans_oblique_surname_is_his_genitive():
    """ "Евгения Дашкевича": Евгений in the genitive (a woman's -ич surname does not decline);
    "Евгения Никитина" may be either and stays hers."""
    from ingest.to_graph import _a_mans_name_in_an_oblique_case as his
    assert his("Евгения", "Дашкевича", LEX) == "Евгений"
    assert his("Александра", "Гурского", LEX) == "Александр"
    assert his("Евгения", "Никитина", LEX) is None and his("Евгения", "Дашкевич", LEX) is None
    assert his("Ольга", "Дашкевича", LEX) is None


def test_the_surname_compared_across_texts_is_the_one_the_text_writes_most():
    from ingest.to_graph import _surname_meant
    assert _surname_meant("Сорокид", ["Сорокин", "Сорокид", "Сорокина", None]) == "Сорокин"
    assert _surname_meant("Сорокин", ["Сорокин", "Сорокид"]) == "Сорокин"


def test_belarusian_ending_typed_without_the_short_u_is_still_ov():
    assert names.skeleton("Ціханау") == names.skeleton("Ціханаў") == names.skeleton("Тихонов")
    assert names.skeleton("Максімау") == names.skeleton("Максимов")


def test_a_surname_alone_mistyped_is_the_person_named_in_full_in_the_same_text():
    """Named once in full and once by a mistyped surname alone (ш for л): the typo is the surname alone."""
    result = extract("Там Яршоў Васіль Канстанцінавіч ужыў да мяне электрашокер. Я напісала скаргу на "
                     "прапаршчыка Ярлова, адказу няма.", "be")
    keys = {e["text"]: e["key"] for e in result["entities"] if e["type"] == "PERSON"}
    assert keys["Ярлова"] == keys["Яршоў Васіль Канстанцінавіч"]


def test_a_surname_mistyped_in_the_same_text_is_the_person_named_there_more_often():
    result = extract("Там майор Владимир Николаевич Морозов ударил меня. Потом Морозов снова бил меня. "
                     "Позже Мнрозов ушёл.", "ru")
    keys = {e["text"]: e["key"] for e in result["entities"] if e["type"] == "PERSON"}
    assert keys["Мнрозов"] == keys["Морозов"] == keys["Владимир Николаевич Морозов"]
    written = [e["attrs"]["surname"] for e in result["entities"] if e["text"] == "Мнрозов"]
    assert written == ["Мнрозов"]  # the record keeps what the text says
    apart = extract("Капитан Морозов бил меня. Майор Мороков молчал.", "ru")  # each named once: no guess
    assert len({e["key"] for e in apart["entities"] if e["type"] == "PERSON"}) == 2


@pytest.mark.parametrize("text, name", [
    ("Усё гэта рабілася па загадзе падпалкоўніка І. \u200fУ. Лебедзевай.", "І. \u200fУ. Лебедзевай"),
    ("Это было по приказу подполковника Лебедевой И. \u200fВ. вчера.", "Лебедевой И. \u200fВ."),
])
def test_a_mark_hidden_between_initials_does_not_cut_the_name(text, name):
    persons = [e["text"] for e in extract(text, "auto")["entities"] if e["type"] == "PERSON"]
    assert persons == [name]


@pytest.mark.parametrize("word, father", [("Владимировны", "Владимир"), ("Владимировной", "Владимир"),
                                          ("Уладзіміраўны", "Владимир"), ("Сергеевне", "Сергей"),
                                          ("Николаевны", "Николай"), ("Ивановну", "Иван")])
def test_a_womans_patronymic_in_any_case_names_the_father(word, father):
    assert names.father_name(word, lexicon.load()) == father


def test_a_given_name_a_letter_off_one_the_table_spells_is_that_name():
    """Typos in testimonies: a letter changed or two swapped in a spelling or case form of one name; never a
    word with a surname's ending ("Павлов" is no Павел), nor one that fits two names."""
    for typo, meant in (("Сярггй", "Сергей"), ("Ириаа", "Ирина"), ("Евнений", "Евгений"), ("Рускан", "Руслан"),
                        ("Сегрей", "Сергей")):
        assert names.given_of_typo(typo, LEX) == meant, typo
    for word in ("Павлов", "Ильин", "Иванов", "Сяргей", "Ідар"):
        assert names.given_of_typo(word, LEX) is None, word


def test_a_latin_c_alone_is_ts_and_ch_is_ch():
    """ "Savickiy" is Савицкий, not Савчук ("Savchuk"): English writes ч as ch, Polish as cz, Łacinka as č."""
    assert names.skeleton("Savickiy") == names.skeleton("Савицкий") != names.skeleton("Савчук")
    assert names.skeleton("Savchuk") == names.skeleton("Savczuk") == names.skeleton("Saŭčuk") == names.skeleton("Савчук")
