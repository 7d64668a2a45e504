"""Forms of real public texts (news, sanctions notices, reports) the extraction must read. The sentences are
written for these tests; every person is fictional, units are real public institutions.
"""
import pytest

from nlp.organisations import not_belarusian, state_body
from nlp.pipeline import extract


def relations(result: dict) -> set[tuple[str, str, str]]:
    text = {e["id"]: e["text"] for e in result["entities"]}
    return {(r["type"], text[r["source"]], text[r["target"]]) for r in result["relations"]}


def entities(result: dict, kind: str) -> list[str]:
    return [e["text"] for e in result["entities"] if e["type"] == kind]


def test_posts_joined_by_and_after_a_name_are_all_his():
    found = relations(extract("The list names Pavel Mirsky, Deputy Minister of Internal Affairs and Commander of "
                              "the Internal Troops, among others.", "en"))
    assert ("COMMANDED", "Pavel Mirsky", "Internal Troops") in found


def test_a_title_between_two_names_belongs_to_the_next_one():
    found = relations(extract("В список вошли заместитель министра внутренних дел Олег Равский, командир "
                              "минского ОМОНа Виктор Стальной и другие.", "ru"))
    assert ("COMMANDED", "Виктор Стальной", "минского ОМОНа") in found
    assert ("COMMANDED", "Олег Равский", "минского ОМОНа") not in found


def test_a_headline_without_a_full_stop_is_its_own_sentence():
    result = extract("Олег Равский — новый глава МВД\n\nВиктор Стальной провёл совещание.", "ru")
    found = relations(result)
    assert ("COMMANDED", "Олег Равский", "МВД") in found
    assert not {r for r in found if r[1] == "Виктор Стальной"}


def test_someone_who_speaks_of_an_act_did_not_commit_it():
    found = relations(extract("Генерал Равский назвал выдумкой сообщения о пытках в изоляторе.", "ru"))
    assert not {r for r in found if r[0] == "PERPETRATED"}
    found = relations(extract("The report by Colonel Pavel Mirsky indicates torture in the cells.", "en"))
    assert not {r for r in found if r[0] == "PERPETRATED"}


def test_the_subject_of_a_passive_suffered_the_act():
    found = relations(extract("Ещё одна потерпевшая — Алина Верес. Она была задержана в Минске.", "ru"))
    assert not {r for r in found if r[0] == "PERPETRATED" and r[1] == "Алина Верес"}


def test_foreign_bodies_media_and_ngos_are_no_units_and_no_agents():
    result = extract("Reuters and Amnesty International reported that the US Treasury sanctioned the Minsk OMON.", "en")
    assert entities(result, "UNIT") == ["Minsk OMON"]
    found = relations(extract("Международный комитет по расследованию пыток сообщил о пытках задержанных.", "ru"))
    assert not {r for r in found if r[0] == "PERPETRATED"}


@pytest.mark.parametrize("name, lang, state, foreign", [
    ("Main Internal Affairs Directorate", "en", True, False),
    ("Criminal Police", "en", True, False),
    ("US State Department", "en", True, True),
    ("Reuters", "en", False, True),
    ("Генеральной прокуратуры Литвы", "ru", None, True),
    ("ГУВД Мингорисполкома", "ru", None, False),
    ("Спутнік Беларусь", "be", None, True),
])
def test_which_organisations_are_belarusian_state_bodies(name, lang, state, foreign):
    assert not_belarusian(name, lang) is foreign
    if state is not None:
        assert state_body(name, lang) is state


def test_a_spokesperson_holds_a_post_in_her_ministry():
    found = relations(extract("The press secretary of the Ministry of Internal Affairs Irina Valeeva did not comment.",
                              "en"))
    assert ("HELD_POSITION", "Irina Valeeva", "Ministry of Internal Affairs") in found
    found = relations(extract("Пресс-секретарь МВД Ирина Валеева отказалась от комментариев.", "ru"))
    assert ("HELD_POSITION", "Ирина Валеева", "МВД") in found


def test_the_ministry_a_ministers_title_names_is_no_unit():
    result = extract("Deputy Minister of the Interior Pavel Mirsky was sanctioned.", "en")
    assert "Interior" not in entities(result, "UNIT")


def test_a_post_told_by_a_relative_clause_and_a_noun_acts_object():
    found = relations(extract("Президент представил нового начальника ГУВД Мингорисполкома, которым ранее стал "
                              "Олег Равский.", "ru"))
    assert ("COMMANDED", "Олег Равский", "ГУВД Мингорисполкома") in found
    found = relations(extract("Суд постановил арест имущества Равского.", "ru"))
    assert not {r for r in found if r[0] == "PERPETRATED"}


def test_the_head_of_a_directorate_named_as_the_unit_commands_it():
    found = relations(extract("Pavel Mirsky, the head of the Main Directorate for Combating Organised Crime and "
                              "Corruption of the Ministry of Internal Affairs of Belarus, was sanctioned.", "en"))
    assert ("COMMANDED", "Pavel Mirsky", "Main Directorate for Combating Organised Crime and Corruption") in found
    from ingest.to_graph import post_role
    assert post_role("COMMANDED", "head of directorate") == "head"
    assert post_role("HELD_POSITION", "head of directorate") == "subunit_commander"


def test_a_place_is_the_site_of_an_act_only_when_the_sentence_says_it_happened_there():
    found = relations(extract("The EU sanctioned the OMON of Brest, Gomel and Minsk for the detention of protesters.",
                              "en"))
    assert not {r for r in found if r[0] == "OCCURRED_AT"}
    found = relations(extract("Меня избили на тротуаре улицы Сурганова.", "ru"))
    assert ("OCCURRED_AT", "избили", "улицы Сурганова") in found or ("OCCURRED_AT", "избили", "Сурганова") in found
    found = relations(extract("Officers beat a photographer near the TSUM department store.", "en"))
    assert {r for r in found if r[0] == "OCCURRED_AT" and r[1] == "beat"}


def test_an_act_begun_happened_an_act_threatened_did_not():
    found = relations(extract("В это время ОМОН начал задерживать людей у метро.", "ru"))
    assert ("PERPETRATED", "ОМОН", "задерживать") in found
    assert entities(extract("Они грозили избить нас.", "ru"), "INCIDENT") == []
    assert entities(extract("Потом сталі біць нас дубінкамі.", "be"), "INCIDENT") == ["біць"]


def test_media_in_general_is_no_named_organisation():
    result = extract("Об этом сообщили СМИ и несколько Telegram-каналов, а также пресс-служба ГУВД Мингорисполкома.",
                     "ru")
    assert entities(result, "UNIT") == ["ГУВД Мингорисполкома"]
