"""Unit tests of the extraction parts on tiny texts (fictional persons only)."""
import spacy

from nlp import dates, language, lexicon, names
import nlp.components  # noqa: F401


LEX = lexicon.load()


def key(text: str) -> str:
    return names.person_key(names.parse(text, LEX), LEX)


def test_declined_and_transliterated_forms_share_a_key():
    same = ["Вадим Гурский", "Вадима Гурского", "Вадзім Гурскі", "Vadim Gursky", "Vadzim Hurski", "В. О. Гурский",
            "Гурский В.О."]
    assert len({key(s) for s in same}) == 1, {s: key(s) for s in same}


def test_belarusian_and_russian_spellings_of_surname_and_given_name():
    assert key("Мікалай Савянкоў") == key("Николай Савенков") == key("Mikalai Saviankou") == key("Nikolai Savenkov")


def test_same_surname_different_given_name_are_different_people():
    assert key("Сергей Ломако") != key("Андрей Ломако")
    assert key("Sergei Lomako") != key("Andrei Lomako")


def test_name_parts_with_initials_and_patronymic():
    parts = names.parse("Жуковец Г.П.", LEX)
    assert (parts.surname, parts.given, parts.patronymic, parts.given_is_initial) == ("Жуковец", "Г", "П", True)
    parts = names.parse("Денис Олегович Рудько", LEX)
    assert (parts.surname, parts.given, parts.patronymic) == ("Рудько", "Денис", "Олегович")
    assert names.parse("Pavel Yarmolovich", LEX).surname == "Yarmolovich"  # -ovich is a surname here


def test_dates_become_ranges_with_precision():
    finder = dates.DateFinder(LEX)
    found = {m.date_start + ".." + m.date_end + "/" + m.precision for m in finder.find(
        "10 августа 2020 года, в ночь на 11 августа, в сентябре 2020, 12.08.2020, August 13, 2020, "
        "12 жніўня 2020 г., с 9 по 14 августа, осенью 2020")}
    assert found == {"2020-08-10..2020-08-10/day", "2020-08-10..2020-08-11/day", "2020-09-01..2020-09-30/month",
                     "2020-08-12..2020-08-12/day", "2020-08-13..2020-08-13/day", "2020-08-09..2020-08-14/day",
                     "2020-09-01..2020-11-30/month"}


def test_year_comes_from_context():
    finder = dates.DateFinder(LEX)
    mentions = finder.find("В марте 2021 года его снова задержали, а 5 апреля отпустили.")
    assert [m.date_start for m in mentions] == ["2021-03-01", "2021-04-05"]
    # none stated before: the first date stated after with a month gives it; a bare later year does not
    later = finder.find("20 сентября меня перевезли в ЦИП. В сентябре 2021 года меня судили.")
    assert [m.date_start for m in later] == ["2021-09-20", "2021-09-01"]
    bare = finder.find("20 сентября меня задержали. В 2023 году я уехала.")
    assert bare[0].date_start == "2020-09-20"
    # a story goes forward: a date that would fall months before the one told just before is a year later
    trial = finder.find("9 августа 2020 года меня задержали. 27 марта меня судили.")
    assert [m.date_start for m in trial] == ["2020-08-09", "2021-03-27"]
    # no year anywhere: the first such date from August 2020 on (the reference case: after the 2020 election)
    assert [m.date_start for m in finder.find("27 марта меня судили.")] == ["2021-03-27"]
    assert [m.date_start for m in finder.find("10 августа меня задержали.")] == ["2020-08-10"]
    assert [m.date_start for m in finder.find("14 мая меня снова задержали.")] == ["2021-05-14"]


def test_language_detection():
    assert language.detect("Мяне затрымалі ў жніўні на вуліцы") == "be"
    assert language.detect("Меня задержали в августе на улице") == "ru"
    assert language.detect("I was detained in August") == "en"


def test_gazetteer_splits_a_chain_of_two_units_and_resolves_the_ambiguous_one():
    nlp = spacy.blank("ru")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("title_tagger")
    nlp.add_pipe("unit_gazetteer")
    doc = nlp("Командир ОМОНа ГУВД Мингорисполкома полковник Тестов. Нас привезли в ЦИП на Окрестина.")
    units = [(e.text, e._.key) for e in doc.ents if e.label_ == "UNIT"]
    assert units == [("ОМОНа", "unit:omon-minsk"), ("ГУВД Мингорисполкома", "unit:guvd-minsk"),
                     ("ЦИП", "unit:tsip-minsk")]
    assert {s.label_ for s in doc.spans["titles"]} >= {"rank:colonel"}


def test_lexicon_parents_exist_and_okrestina_detention_centre_is_under_the_guvd():
    assert "unit:guvd-minsk" in LEX.ancestors("unit:tsip-minsk")
    assert all(u.parent in LEX.units for u in LEX.units.values() if u.parent)


def test_given_names_starting_with_a_digraph_keep_one_initial_in_every_script():
    assert names.initial_of("Жанна", LEX) == names.initial_of("Zhanna", LEX) == "zh"
    assert names.initial_of("Харитон", LEX) == names.initial_of("Khariton", LEX) == "kh"
    assert names.initial_of("Генадзь", LEX) == names.initial_of("Hienadz", LEX) == names.initial_of("Г", LEX)


def test_a_rank_taken_for_an_organisation_is_no_unit():
    from nlp.pipeline import extract

    result = extract("I told Warrant Officer Siamionava V.I. that I felt sick. Lieutenant Colonel Karpau D.V. "
                     "ordered it.", "en")
    assert not [e for e in result["entities"] if e["type"] == "UNIT"]
    assert all(e.get("key") for e in result["entities"])


def test_a_district_police_department_in_the_ways_english_writes_it():
    from nlp.pipeline import extract

    for text in ("Officers of the Sovetsky police department beat us.", "At the Sovetsky police station they beat me.",
                 "Officers of the Sovetsky district police department beat us."):
        units = [e["key"] for e in extract(text, "en")["entities"] if e["type"] == "UNIT"]
        assert units == ["unit:ruvd-minsk-sovetsky"], text


def test_a_district_unit_followed_by_another_city_is_that_citys():
    """ "the Sovetsky police station in Gomel": Gomel's Sovetsky district police, not Minsk's; a city named
    later in the text does not move it."""
    from nlp.pipeline import extract

    cases = [("They took me to the Sovetsky police station in Gomel.", "en", "unit:rovd-gomel-sovetsky"),
             ("Меня отвезли в Советское РУВД. В Гомеле было хуже.", "ru", "unit:ruvd-minsk-sovetsky"),
             ("They took me to the Sovetsky police department in Minsk.", "en", "unit:ruvd-minsk-sovetsky")]
    for text, lang, unit in cases:
        units = [e["key"] for e in extract(text, lang)["entities"] if e["type"] == "UNIT"]
        assert units == [unit], text


def test_another_states_body_is_none_of_the_gazetteers_units():
    """ "МВД Украины", "ФСБ России": the organisation with its country, never Belarus's ministry; Belarus's
    own ("МВД Беларуси", "ОМОН Гомеля") and a chain of two units ("ОМОН ГУВД") stay the gazetteer's."""
    from nlp.pipeline import extract

    def units(text: str) -> list[tuple[str, str | None]]:
        return [(e["text"], e["key"]) for e in extract(text, "ru")["entities"] if e["type"] == "UNIT"]

    found = units("Об этом сообщили в МВД Украины.")
    assert [text for text, _ in found] == ["МВД Украины"] and found[0][1] != "unit:mvd"
    assert all(key != "unit:mvd" for _, key in units("Сотрудники МВД России задержали его."))
    assert all(key != "unit:mvd" for _, key in units("Сотрудники МВД Сербии задержали его."))  # "рб" inside
    assert units("Меня доставили в МВД Беларуси.") == [("МВД Беларуси", "unit:mvd")]
    assert units("Сотрудники ОМОНа Гомеля избили меня.") == [("ОМОНа Гомеля", "unit:omon-gomel")]
    assert units("Сотрудники ОМОН ГУВД избили меня.") == [("ОМОН", "unit:omon-minsk"), ("ГУВД", "unit:guvd-minsk")]
    # a surname the model takes for a place after the unit is no country
    assert units("Избивал нас капитан ОМОНа Ломейко.") == [("ОМОНа", "unit:omon-minsk")]
