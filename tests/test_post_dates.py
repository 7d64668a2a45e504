"""What a statement of a post says of its dates, and one role per act; invented officials."""
from __future__ import annotations

from graph.facts import UNKNOWN, DateRange
from ingest.to_graph import post_bounds
from nlp.pipeline import extract


def post_relation(text: str, lang: str = "ru") -> tuple[dict, dict]:
    extraction = extract(text, lang)
    relation = next(r for r in extraction["relations"] if r["type"] in ("COMMANDED", "HELD_POSITION", "MEMBER_OF"))
    return relation, extraction


def test_since_a_month_bounds_the_start_of_the_post():
    relation, extraction = post_relation("С декабря 2020 года командиром ОМОНа был полковник Тарасюк.")
    assert relation["attrs"]["date_relation"] == "since"
    start, end = post_bounds(relation, extraction, UNKNOWN, None)
    assert start == DateRange("2020-12-01", "2020-12-31", "month") and end == UNKNOWN


def test_english_since_and_until():
    relation, extraction = post_relation("Since March 2021 the commander of Minsk OMON has been Colonel Ivan Rudzko.",
                                         "en")
    assert post_bounds(relation, extraction, UNKNOWN, None)[0] == DateRange("2021-03-01", "2021-03-31", "month")
    relation, extraction = post_relation("До ноября 2020 года командиром ОМОНа был полковник Тарасюк.")
    start, end = post_bounds(relation, extraction, UNKNOWN, None)
    assert start == UNKNOWN and end == DateRange("2020-11-01", "2020-11-30", "month")


def test_a_former_commander_left_before_the_testimony_was_received():
    relation, extraction = post_relation("The former commander of the Minsk OMON, Colonel Pavel Rudzko, ordered "
                                         "the beatings.", "en")
    assert relation["attrs"]["former"] is True
    assert post_bounds(relation, extraction, UNKNOWN, "2021-05-02T10:00:00") == (
        UNKNOWN, DateRange(None, "2021-05-02", "unknown"))


def test_a_sighting_without_words_of_time_is_an_observation():
    text = "12 августа 2020 года командир ОМОНа полковник Тарасюк приказал избить нас."
    relation, extraction = post_relation(text)
    start, end = post_bounds(relation, extraction, UNKNOWN, None)
    assert (start.min, start.max, end.min, end.max) == (None, "2020-08-12", "2020-08-12", None)


def test_who_ordered_an_act_did_not_carry_it_out():
    extraction = extract("Colonel Pavel Rudzko, commander of the Minsk OMON, ordered the beating of the detainees.",
                         "en")
    kinds = {(r["type"], r["source"]) for r in extraction["relations"] if r["type"] in ("ORDERED", "PERPETRATED")}
    assert ("ORDERED", next(e["id"] for e in extraction["entities"] if e["text"].endswith("Rudzko"))) in kinds
    assert not any(kind == "PERPETRATED" for kind, _ in kinds)


def test_a_post_stated_as_still_held_lasts_until_the_testimony_was_written():
    text = "13 мая 2021 года меня избили в автозаке. С октября 2020 года ОМОН возглавляет полковник Тарасюк."
    relation, extraction = post_relation(text)
    assert relation["attrs"]["date_relation"] == "since" and relation["attrs"]["current"] is True
    start, end = post_bounds(relation, extraction, DateRange("2021-05-13", "2021-05-13", "day"), None)
    assert start == DateRange("2020-10-01", "2020-10-31", "month") and end.min == "2021-05-13"
    # received later: held at least until then
    assert post_bounds(relation, extraction, UNKNOWN, "2021-06-02")[1].min == "2021-06-02"
    # "стал командиром с октября" says when it began, not that it still lasts
    relation, extraction = post_relation("Олег Тарасюк стал командиром ОМОНа с октября 2020 года.")
    assert "current" not in relation["attrs"]
    assert post_bounds(relation, extraction, DateRange("2021-05-13", "2021-05-13", "day"), None)[1] == UNKNOWN


def test_the_start_of_a_post_dates_no_act_told_after_it():
    extraction = extract("13 мая 2021 года меня задержали. С октября 2020 года ОМОН возглавляет полковник Тарасюк. "
                         "Потом меня били в РУВД.", "ru")
    acts = {e["text"]: e["attrs"].get("date_start") for e in extraction["entities"] if e["type"] == "INCIDENT"}
    assert acts == {"задержали": "2021-05-13", "били": "2021-05-13"}
    # a range is a date of its own, not a bound: "с 9 по 11 августа"
    extraction = extract("С 9 по 11 августа 2020 года нас держали в ЦИП, где сотрудники били нас.", "ru")
    act = next(e for e in extraction["entities"] if e["type"] == "INCIDENT" and e["text"] == "били")
    assert (act["attrs"]["date_start"], act["attrs"]["date_end"]) == ("2020-08-09", "2020-08-11")


def _built(text: str):
    from ingest.to_graph import TestimonyInfo, build
    info = TestimonyInfo(id="c" * 64, language="ru", source_type="txt", pseudonym=None, received=None, word_count=1)
    return build(info, text, extract(text, "ru"), "test", "1")


def test_an_act_told_before_the_first_dated_one_happened_no_later_than_it():
    batch = _built("В автозаке сержант Тарасюк бил меня дубинкой.\n\nПотом меня доставили в Московское РУВД. "
                   "13 августа 2020 года капитан Лисин избил меня.")
    dates = {row["id"]: (row.get("date_min"), row.get("date_max")) for row in batch.nodes["Incident"]}
    assert set(dates.values()) == {(None, "2020-08-13"), ("2020-08-13", "2020-08-13")}


def test_a_post_stated_inside_an_episode_was_seen_during_that_incident():
    batch = _built("Меня доставили в Московское РУВД. Там капитан Лисин бил меня. Там был сам начальник "
                   "Московского РУВД подполковник Тарасюк.\n\nЯ написал жалобу на начальника Московского РУВД "
                   "Тарасюка.")
    incident = next(row["id"] for row in batch.nodes["Incident"])
    seen = [row.get("seen_at") for row in batch.nodes["Post"] if row["role"] == "head"]
    assert seen == [[incident], None]   # the complaint's paragraph tells no act: no sighting there
