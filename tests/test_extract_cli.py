"""The extraction contract, end to end through `python -m nlp extract` (fictional texts)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from nlp import evaluate
from nlp.pipeline import extract

ROOT = Path(__file__).resolve().parent.parent
RU = ("10 августа 2020 года командир ОМОНа полковник Вадим Гурский приказал задерживать всех у станции метро "
      "«Пушкинская». Сотрудник ОМОНа лейтенант Артём Лисовский ударил меня дубинкой на улице Сурганова. "
      "В автозаке меня избили. Вероятно, Лисовский избил и моего брата.")
EN = "On 11 August 2020 Colonel Vadim Gursky, commander of Minsk OMON, ordered officers to beat detainees."


def run_cli(tmp_path: Path, text: str, lang: str) -> dict:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "nlp", "extract", str(path), "--lang", lang], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_cli_output_follows_the_contract(tmp_path):
    result = run_cli(tmp_path, RU, "ru")
    assert result["language"] == "ru"
    ids = {e["id"] for e in result["entities"]}
    for e in result["entities"]:
        assert e["type"] in ("PERSON", "UNIT", "PLACE", "DATE", "INCIDENT")
        assert RU[e["start"]:e["end"]] == e["text"]
        assert e["key"] and e["canonical"]
    for r in result["relations"]:
        assert r["source"] in ids and r["target"] in ids and 0 <= r["confidence"] <= 1
        assert r["type"] in evaluate.RELATION_TYPES


def by_text(result: dict) -> dict:
    return {e["text"]: e for e in result["entities"]}


def relations(result: dict) -> set:
    names = {e["id"]: e["text"] for e in result["entities"]}
    return {(r["type"], names[r["source"]], names[r["target"]]) for r in result["relations"]}


def test_titles_orders_acts_and_places():
    result = extract(RU, "ru")
    ents = by_text(result)
    assert ents["Вадим Гурский"]["attrs"]["rank"] == "полковник"
    assert ents["ОМОНа"]["key"] == "unit:omon-minsk"
    assert ents["10 августа 2020 года"]["attrs"]["date_start"] == "2020-08-10"
    rels = relations(result)
    assert ("COMMANDED", "Вадим Гурский", "ОМОНа") in rels
    assert ("MEMBER_OF", "Артём Лисовский", "ОМОНа") in rels
    assert ("PERPETRATED", "Артём Лисовский", "ударил") in rels
    assert ("ORDERED", "Вадим Гурский", "задерживать") in rels
    assert ("OCCURRED_AT", "ударил", "улице Сурганова") in rels


def test_no_agent_is_invented_and_hedges_lower_confidence():
    result = extract(RU, "ru")
    names = {e["id"]: e["text"] for e in result["entities"]}
    assert not any(r["type"] == "PERPETRATED" and names[r["target"]] == "избили" for r in result["relations"])
    hedged = next(r for r in result["relations"] if r["type"] == "PERPETRATED" and names[r["target"]] == "избил")
    assert hedged["attrs"].get("hedged") is True and hedged["confidence"] < 0.5


def test_the_same_official_has_one_key_in_russian_and_english():
    ru, en = by_text(extract(RU, "ru")), by_text(extract(EN, "en"))
    assert ru["Вадим Гурский"]["key"] == en["Vadim Gursky"]["key"]
    assert ru["ОМОНа"]["key"] == en["Minsk OMON"]["key"]


def test_auto_language_and_stdin(tmp_path):
    out = subprocess.run([sys.executable, "-m", "nlp", "extract", "-"], input=EN, cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert json.loads(out.stdout)["language"] == "en"


def test_unreadable_file_is_a_clear_error(tmp_path):
    out = subprocess.run([sys.executable, "-m", "nlp", "extract", str(tmp_path / "missing.txt")], cwd=ROOT,
                         capture_output=True, text=True)
    assert out.returncode == 2 and "cannot read" in out.stderr and "missing.txt" in out.stderr


@pytest.mark.slow
def test_development_set_scores_do_not_regress():
    scores = evaluate.evaluate(ROOT / "nlp" / "devset")
    assert scores["entities"]["PERSON"]["f1"] >= 0.94
    assert scores["entities"]["UNIT"]["f1"] >= 0.89
    assert scores["entities"]["INCIDENT"]["f1"] >= 0.88
    assert scores["relations_all"]["f1"] >= 0.80
    assert scores["cross_document_person_linking"]["precision"] >= 0.92
