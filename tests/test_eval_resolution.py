"""bench.eval_resolution on a hand-built truth and dump: one official split over two persons, one wrong
merge, one private person leaked, one junk person, one missed mention (figures computed by hand)."""
from __future__ import annotations

import json

import pytest

from bench.eval_resolution import evaluate, read_jsonl


def _m(start: int, end: int, official: str | None) -> dict:
    return {"start": start, "end": end, "text": "x" * (end - start), "official": official, "private": official is None}


TRUTH = {
    "officials": [{"id": o, "names": {"ru": {"surname": s}}} for o, s in (("O1", "Захаров"), ("O2", "Щур"), ("O3", "Руденко"))],
    "testimonies": [
        {"file": "a.txt", "mentions": [_m(0, 5, "O1"), _m(10, 15, "O2"), _m(20, 25, None)], "episodes": [{"event": "E1"}]},
        {"file": "b.txt", "mentions": [_m(0, 5, "O1"), _m(10, 15, "O2")], "episodes": [{"event": "E1"}]},
        {"file": "c.txt", "mentions": [_m(0, 5, "O1"), _m(10, 15, "O3"), _m(40, 45, "O3")], "episodes": [{"event": "E2"}]},
    ],
}


def _p(pid: str, *spans: tuple[str, int, int]) -> dict:
    return {"id": pid, "name": pid, "names": [pid], "posts": [],
            "mentions": [{"testimony_id": f"t-{f}", "source_file": f"/tmp/corpus/{f}", "start": s, "end": e, "text": "x"}
                         for f, s, e in spans]}


PERSONS = [
    _p("P1", ("a.txt", 0, 5), ("b.txt", 0, 5)),
    _p("P2", ("c.txt", 1, 6)),                                        # O1 again: split
    _p("P3", ("a.txt", 10, 15), ("b.txt", 11, 14), ("c.txt", 10, 15)),  # O2 and O3: wrong merge
    _p("P4", ("a.txt", 21, 24)),                                      # a private person
    _p("P5", ("b.txt", 30, 35)),                                      # nothing
]
TESTIMONIES = [{"id": f"t-{f}", "source_file": f"/tmp/corpus/{f}", "language": "ru"} for f in ("a.txt", "b.txt", "c.txt")]


@pytest.fixture(scope="module")
def report() -> dict:
    return evaluate(TRUTH, PERSONS, TESTIMONIES, incidents=[{"id": i} for i in ("I1", "I2", "I3")])


def test_counts_and_recall(report):
    assert report["officials_mentioned"] == 3 and report["officials_found"] == 3
    assert report["mention_recall"]["matched"] == 6 and report["mention_recall"]["total"] == 7


def test_split_and_wrong_merge(report):
    assert report["officials_split"]["count"] == 1
    assert report["officials_split"]["share"] == pytest.approx(1 / 3)
    assert report["officials_split"]["by_nodes"] == {"2": 1, "3": 0, "4+": 0}
    assert report["wrong_merges"]["count"] == 1 and report["wrong_merges"]["share"] == pytest.approx(1 / 3)
    assert report["wrong_merges"]["examples"][0]["officials"] == ["Руденко", "Щур"]


def test_pairwise_cross_testimony(report):
    # records: (a,O1)->P1 (b,O1)->P1 (c,O1)->P2 (a,O2)->P3 (b,O2)->P3 (c,O3)->P3
    pairs = report["cross_testimony_pairs"]
    assert (pairs["true"], pairs["predicted"], pairs["correct"]) == (4, 4, 2)
    assert pairs["precision"] == pytest.approx(0.5) and pairs["recall"] == pytest.approx(0.5)


def test_b_cubed(report):
    # clusters: O1 {P1,P1,P2}, O2 {P3,P3}, O3 {P3, missed}
    assert report["b_cubed"]["precision"] == pytest.approx(17 / 21)
    assert report["b_cubed"]["recall"] == pytest.approx(2 / 3)


def test_leaked_and_junk(report):
    assert report["private_persons_leaked"]["count"] == 1
    assert report["private_persons_leaked"]["examples"][0]["person"] == "P4"
    assert report["junk_persons"]["count"] == 1 and report["junk_persons"]["examples"][0]["person"] == "P5"


def test_incidents_per_event(report):
    assert report["incidents"]["true_events"] == 2
    assert report["incidents"]["per_true_event"] == pytest.approx(1.5)


def test_reads_a_dump_folder(tmp_path):
    (tmp_path / "persons.jsonl").write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in PERSONS) + "\n",
                                            encoding="utf-8")
    assert [p["id"] for p in read_jsonl(tmp_path / "persons.jsonl")] == ["P1", "P2", "P3", "P4", "P5"]
    assert read_jsonl(tmp_path / "incidents.jsonl") == []


def test_links_and_chains_by_hand():
    """Two told episodes in a.txt: O1 beat (acts 100-110) in unit U on 2020-08-10, O2 (acts 200-210) in
    unit V. Predicted: an incident on each, with P1 (O1) and unit U, and P3 (O2) and a wrong unit W; the
    chain of the first names U's commander O3 certainly, and P9 (no official) certain in U, not in post."""
    truth = {"officials": [{"id": "O1", "posts": []}, {"id": "O2", "posts": []},
                           {"id": "O3", "posts": [{"unit": "unit:u", "role": "commander", "start": "2020-01-01",
                                                   "end": None}]}],
             "testimonies": [{"file": "a.txt", "mentions": TRUTH["testimonies"][0]["mentions"], "episodes": [
                 {"event": "E1", "date_min": "2020-08-10", "date_max": "2020-08-10", "unit": "unit:u",
                  "perpetrators": ["O1"], "acts": [{"start": 100, "end": 110}]},
                 {"event": "E2", "date_min": None, "date_max": None, "unit": "unit:v",
                  "perpetrators": ["O2"], "acts": [{"start": 200, "end": 210}]}]}]}
    persons = [_p("P1", ("a.txt", 0, 5)), _p("P3", ("a.txt", 10, 15)), _p("P9", ("a.txt", 300, 305))]
    incidents = [{"id": "I1", "acts": [{"testimony_id": "t-a.txt", "start": 101, "end": 105}],
                  "perpetrators": ["P1", "unit:u"], "ordered_by": []},
                 {"id": "I2", "acts": [{"testimony_id": "t-a.txt", "start": 200, "end": 204}],
                  "perpetrators": ["P3", "unit:w"], "ordered_by": []}]
    step = {"known": True, "unit_id": "unit:u", "certainty": "certain"}
    chains = [{"incident": {"id": "I1"}, "agents": [{"steps": [dict(step, commander_id="P9"),
                                                               dict(step, commander_id="O3")]}]}]
    links = evaluate(truth, persons, TESTIMONIES[:1], incidents, chains=chains)["links"]
    assert (links["person_links"]["true"], links["person_links"]["predicted"], links["person_links"]["correct"]) == (2, 2, 2)
    assert (links["unit_links"]["true"], links["unit_links"]["predicted"], links["unit_links"]["correct"]) == (2, 2, 1)
    chains_figures = links["chains"]
    assert chains_figures["own_unit_commander_right"] == {"right": 1, "total": 1, "share": 1.0}
    assert chains_figures["whole_certain_correct"]["right"] == 0   # a certain commander not in post spoils it
    assert chains_figures["certain_commanders_not_in_post"] == 1
