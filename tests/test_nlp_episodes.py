"""Acts of one episode are one incident (nlp/components/episodes.py), on invented texts."""
from __future__ import annotations

from nlp.pipeline import extract


def episodes(text: str, lang: str = "ru") -> list[list[str]]:
    acts = [e for e in extract(text, lang)["entities"] if e["type"] == "INCIDENT"]
    keys = list(dict.fromkeys(a["key"] for a in acts))
    return [[a["text"] for a in acts if a["key"] == key] for key in keys]


def test_the_acts_of_one_scene_are_one_episode_and_a_transfer_starts_another():
    text = ("9 сентября 2020 года меня задержали у рынка. Меня били по ногам и заставили лечь на асфальт. "
            "Потом нас перевезли в Ленинское РУВД, где капитан Дудко ударил меня по голове.")
    assert episodes(text) == [["задержали", "били", "заставили"], ["ударил"]]


def test_a_new_date_starts_a_new_episode_and_acts_keep_their_own_violation():
    text = ("3 октября 2020 года в автозаке нас избивали и заставили стоять на коленях. "
            "5 октября 2020 года на допросе следователь Гурин бил меня.")
    acts = [e for e in extract(text, "ru")["entities"] if e["type"] == "INCIDENT"]
    assert len({a["key"] for a in acts}) == 2
    first = [a for a in acts if a["key"] == acts[0]["key"]]
    assert {a["attrs"]["date_start"] for a in first} == {"2020-10-03"}
    assert len({a["attrs"].get("violation") for a in first}) == 2
    assert acts[-1]["attrs"]["date_start"] == "2020-10-05"


def test_english_and_belarusian_scene_changes():
    english = ("On 20 September 2020 riot police beat me and kicked me. Then I was taken to the Okrestina centre, "
               "where guards beat us again.")
    assert len(episodes(english, "en")) == 2
    belarusian = "20 верасня 2020 года мяне збілі і штурхалі. Потым нас перавезлі ў РУУС, там мяне білі зноў."
    assert len(episodes(belarusian, "be")) == 2


def test_the_van_is_a_scene_of_its_own():
    text = ("9 сентября 2020 года меня задержали у рынка и били по ногам. "
            "В автозаке нас положили лицом в пол, сержант Грибанов бил меня.")
    assert len(episodes(text)) == 2
    belarusian = "9 верасня 2020 года мяне затрымалі каля рынку і білі. У бусе нас паклалі тварам у падлогу."
    assert len(episodes(belarusian, "be")) == 2


def test_an_episode_takes_place_where_it_opens_and_ingest_says_so_with_a_lower_confidence():
    from ingest.to_graph import SCENE_CONFIDENCE, TestimonyInfo, build

    text = ("Я жыву ў Мінску.\n\n9 верасня 2020 года мяне затрымалі каля рынку і білі.\n\n"
            "Нас прывезлі ў Савецкі РУУС. Там капітан Лазовік прымусіў нас стаяць каля сцяны.")
    extraction = extract(text, "be")
    acts = [e for e in extraction["entities"] if e["type"] == "INCIDENT"]
    scenes = {a["key"]: a["attrs"].get("scene") for a in acts}
    assert list(scenes.values()) == [None, "unit:ruvd-minsk-sovetsky"]  # where she lives is no scene
    batch = build(TestimonyInfo("t" * 64, "be", "text", None, None, 30), text, extraction, "nlp-rules", "1")
    located = batch.relationships.get("OCCURRED_AT", [])
    assert [(r["source"].split(":")[-1], r["target"]) for r in located] == [
        (acts[-1]["key"].split(":")[-1], "place:ruvd-minsk-sovetsky")]
    claims = [c for c in batch.nodes["Claim"] if c["fact_id"] == located[0]["id"]]
    assert claims and all(c["confidence"] == SCENE_CONFIDENCE for c in claims)


def test_a_belarusian_city_in_any_case_is_the_gazetteer_place():
    places = {e["text"]: e["key"] for e in extract("Я жыву ў Мінску, мяне затрымалі ў Гомелі.", "be")["entities"]
              if e["type"] == "PLACE"}
    assert places == {"Мінску": "place:minsk", "Гомелі": "place:gomel"}


def test_every_episode_has_its_stage_of_detention():
    text = ("9 сентября 2020 года меня задержали у рынка. В автозаке сержант Грибанов бил меня. "
            "Потом нас привезли в Ленинское РУВД, где капитан Дудко ударил меня по голове. "
            "Ночью нас перевезли в ЦИП на Окрестина, там нас заставили стоять у стены. "
            "На суде судья Лозовик оскорблял меня, а конвоир ударил меня.")
    acts = [e for e in extract(text, "ru")["entities"] if e["type"] == "INCIDENT"]
    stages = list(dict.fromkeys((a["key"], a["attrs"].get("stage")) for a in acts))
    assert [stage for _, stage in stages] == ["arrest", "van", "police_department", "detention_facility", "court"]
    english = "On 9 September 2020 I was detained. During the interrogation Captain Dudko hit me."
    acts = [e for e in extract(english, "en")["entities"] if e["type"] == "INCIDENT"]
    assert [a["attrs"].get("stage") for a in acts] == ["arrest", "interrogation"]
