"""Entity spans where the rules meet the model: a position's place, names the model reads whole,
brackets, hyphens and particles, surnames found elsewhere, units and places next to each other.

Every sentence and name here is invented (Марио Росси, Виктор Ракович, Армен Казарян, Джон Смит ...)."""
import pytest

from nlp.pipeline import extract


def entities(text: str, *types: str) -> list[tuple[str, str]]:
    return [(e["type"], e["text"]) for e in extract(text, "ru")["entities"] if e["type"] in types]


def persons(text: str) -> list[str]:
    return [t for _, t in entities(text, "PERSON")]


@pytest.mark.parametrize("text,person,place", [
    ("Вчера премьер-министр Италии Марио Росси заявил о своей отставке.", "Марио Росси", "Италии"),
    ("Министр Молдавии Виктор Ракович подал в отставку.", "Виктор Ракович", "Молдавии"),
])
def test_the_place_of_a_position_is_no_part_of_the_person(text, person, place):
    # after a position, the country it belongs to is skipped; "Ракович" is no patronymic, so "Молдавии"
    # is not read as the surname before a given name and patronymic
    assert entities(text, "PERSON", "PLACE") == [("PLACE", place), ("PERSON", person)]


def test_a_rank_still_names_the_word_after_it():
    assert "Ломейко" in persons("Избивал нас капитан ОМОНа Ломейко. Не путать с Андреем Ломейко из ГУБОПиК.")


def test_a_given_name_the_dictionary_knows_keeps_a_pair_together():
    text = "Встреча прошла у Армена Казаряна. Армен пришёл первым. Казарян опоздал."
    assert persons(text) == ["Армена Казаряна", "Армен", "Казарян"]


@pytest.mark.parametrize("text,expected", [
    ("Заявление сделал Джон Смит (John Smith) в среду.", ["Джон Смит", "John Smith"]),
    ("На церемонии выступил Роберт Смит-младший, сын сенатора.", ["Роберт Смит-младший"]),
    ("Его искали, но аль-Масри скрылся за границей.", ["аль-Масри"]),
    ("Картину купил коллекционер фон Браун на аукционе.", ["фон Браун"]),
    ("Об этом сообщил тренер команды Майк Лью на пресс-конференции.", ["Майк Лью"]),
])
def test_names_the_model_reads_whole_stay_whole(text, expected):
    assert persons(text) == expected


def test_the_rules_still_cut_words_from_their_own_spans():
    # a verb after a given name and patronymic: the rules' span, not the model's
    assert persons("Уважаемая Юлия Вячеславовна Приглашаем Вас на собеседование.") == ["Юлия Вячеславовна"]


def test_an_initial_glued_to_a_surname_is_not_that_of_the_word_before():
    found = entities("Его работу высоко оценил основатель Contoso И.Петров на встрече.", "PERSON", "UNIT")
    assert ("PERSON", "И.Петров") in found and not any(t.startswith("Contoso И") for _, t in found)


def test_a_surname_found_elsewhere_does_not_relabel_a_place_the_model_reads_as_one():
    text = "Шарлотта Браун живёт в Шарлотте. В Шарлотте прошёл митинг. Полиция Шарлотта не вмешивалась."
    assert persons(text) == ["Шарлотта Браун"]


def test_a_unit_without_letters_is_kept():
    assert entities("Петиция появилась на Change.org вчера вечером.", "UNIT") == [("UNIT", "Change.org")]


def test_a_place_does_not_take_the_category_word_of_its_neighbour():
    assert entities("Драка произошла в Лесном районе Минской области.", "PLACE") == [
        ("PLACE", "Лесном районе"), ("PLACE", "Минской области")]


def test_an_english_surname_alone_is_the_person_named_in_full_and_the_field_label_is_no_name():
    """The English tagger reads "Korzun's" as a body and runs "KORZUN Function" on into the field label
    of a sanctions entry: the rules' reading of an English name stands (invented entry)."""
    text = ("Entry 5. Vyacheslav Anatolyevich KORZUN Function: Colonel of police. "
            "Statement of reasons: GUBOPiK officers under Korzun's leadership detained journalists.")
    persons = [e["text"] for e in extract(text, "en")["entities"] if e["type"] == "PERSON"]
    assert "Vyacheslav Anatolyevich KORZUN" in persons and "Korzun" in persons
    assert not [p for p in persons if "Function" in p]


@pytest.mark.parametrize("text, lang, person", [
    ("Мяне біў сяржант. Твар Дубіка В.Ю. я запомніла назаўсёды.", "be", "Дубіка В.Ю."),
    ("Лицо сержанта Мишукова Р. А. я запомнила. Лицо его было красным.", "ru", "Мишукова Р. А."),
    ("Твар прапаршчыка Мішукова я запомніла назаўсёды.", "be", "Мішукова"),
])
def test_a_noun_opening_the_sentence_is_not_part_of_the_officer_it_governs(text, lang, person):
    """Testimonies: "Твар (Лицо) ..." before an officer's name and initials; the initials the rules read
    exactly stand against a longer span of the model, and the noun is no name of its own."""
    persons = [e["text"] for e in extract(text, lang)["entities"] if e["type"] == "PERSON"]
    assert persons == [person]
