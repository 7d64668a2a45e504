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
