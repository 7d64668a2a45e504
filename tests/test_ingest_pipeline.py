"""The ingest pipeline against the real Neo4j: samples in, no victim identifier in the graph, nothing
doubled on a re-run, a run killed with SIGKILL finishes on the next run, a dead database gives a clear error."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import neo4j
import pytest

from graph import queries, schema
from graph import explore
from ingest import pipeline
from access.vault import Vault
from tests import testimony_files as tf

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
pytestmark = pytest.mark.neo4j


def every_property_value(driver, database) -> list[str]:
    values = []
    for query in ("MATCH (n) RETURN properties(n) AS p", "MATCH ()-[r]->() RETURN properties(r) AS p"):
        records, _, _ = driver.execute_query(query, database_=database)
        for record in records:
            for value in record["p"].values():
                values += [str(v) for v in value] if isinstance(value, list) else [str(value)]
    return values


def identifiers(person: dict) -> list[re.Pattern]:
    """What would identify a victim: full name, surname, contacts, documents, birth date, street."""
    patterns = []
    words = person["name"].split()
    surname = words[0] if re.search(r"(ская|ский|ич|ко|ук|ов|ова|ев|ева|ин|ина)$", words[0]) or \
        len(words) == 3 else words[-1]
    for text in (person["name"], surname):
        if len(text) >= 5:  # a stem of four letters or more, in any case form
            patterns.append(re.compile(rf"(?<!\w){re.escape(text[:-1])}", re.IGNORECASE if text != surname else 0))
    for key in ("email", "telegram", "document", "birth_date"):
        if person.get(key):
            patterns.append(re.compile(re.escape(person[key].lstrip("@")), re.IGNORECASE))
    if person.get("phone"):
        digits = re.sub(r"\D", "", person["phone"])[-7:]
        patterns.append(re.compile(r"[\s\-]?".join(digits)))
    if person.get("address"):  # the street with the house number (the street alone may be where it happened)
        street = re.search(r"([^\W\d][\w-]+),?\s*(?:д\.\s*)?(\d+)", person["address"])
        if street:
            patterns.append(re.compile(rf"{re.escape(street.group(1))}\W+(?:д\.\s*|дом\s*)?{street.group(2)}\b"))
    return patterns


def leaks(values: list[str], persons: list[dict]) -> list[tuple[str, str]]:
    found = []
    for person in persons:
        for pattern in identifiers(person):
            for value in values:
                if pattern.search(value):
                    found.append((pattern.pattern, value[:120]))
    return found


@pytest.fixture
def vault(tmp_path):
    return Vault(tmp_path / "vault")


def test_samples_ingest_without_any_victim_identifier_in_the_graph(db, vault):
    driver, database = db
    summary = pipeline.run([SAMPLES], driver, database=database, vault=vault, workers=2)
    assert summary.new == 66 and summary.known == 0 and summary.quarantined == []
    victims = [json.loads(line) for line in (SAMPLES / "_tools" / "victims.jsonl").read_text().splitlines()]
    assert len(victims) >= 40
    assert leaks(every_property_value(driver, database), victims) == []
    # victims are pseudonyms; the five who testified twice each keep one pseudonym
    records, _, _ = driver.execute_query(
        "MATCH (v:Victim)-[:GAVE]->(t:Testimony) RETURN v.id AS id, count(t) AS n", database_=database)
    assert all(re.fullmatch(r"V-[A-Z2-7]{10}", r["id"]) for r in records)
    assert sum(r["n"] == 2 for r in records) == 5
    # the demo's command structure is there: both commanders of Minsk OMON, repeated perpetrators
    records, _, _ = driver.execute_query(
        "MATCH (p:Person)-[:HELD]->(:Post {command: true})-[:IN]->(:Unit {id: $unit}) "
        "RETURN collect(DISTINCT p.id) AS ids", unit="unit:omon-minsk", database_=database)
    assert {"person:grsk-v", "person:kndrs-i"} <= set(records[0]["ids"])
    claims, _, _ = driver.execute_query(
        "MATCH (c:Claim {predicate: 'PERPETRATED'})-[:CITES]->(t:Testimony) "
        "MATCH ()-[r:PERPETRATED {id: c.fact_id}]->() WHERE startNode(r).id STARTS WITH $person "
        "RETURN count(DISTINCT t) AS testimonies", person="person:lmk", database_=database)
    assert claims[0]["testimonies"] >= 3


def test_rerun_writes_nothing_new_and_counts_stay(db, vault, tmp_path):
    driver, database = db
    folder = tmp_path / "in"
    tf.write_all(folder)
    first = pipeline.run([folder], driver, database=database, vault=vault, workers=1)
    counts = schema.element_counts(driver, database)
    again = pipeline.run([folder], driver, database=database, vault=vault, workers=1)
    assert first.new == 9 and first.known == 0
    assert again.new == 0 and again.known == 9 and again.claims == 0
    assert schema.element_counts(driver, database) == counts
    # the same content under another name is the same testimony
    (folder / "copy-of-utf8.txt").write_bytes((folder / "utf8.txt").read_bytes())
    assert pipeline.run([folder], driver, database=database, vault=vault, workers=1).known == 10


def test_quarantine_names_each_broken_file_and_the_rest_goes_on(db, vault, tmp_path):
    driver, database = db
    (tmp_path / "good.txt").write_text(tf.RU_TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 broken")
    (tmp_path / "forms.json").write_bytes(tf.intake_json([tf.form_submission(), {"text": " "}]))
    summary = pipeline.run([tmp_path, tmp_path / "missing"], driver, database=database, vault=vault, workers=1)
    assert summary.new == 2
    reasons = dict(summary.quarantined)
    assert reasons[str(tmp_path / "empty.txt")] == "empty file"
    assert reasons[str(tmp_path / "broken.docx")].startswith("not a readable .docx")
    assert reasons[f"{tmp_path / 'forms.json'}#2"] == "submission without text"
    assert reasons[str(tmp_path / "missing")] == "no such file or folder"


def test_a_testimony_whose_facts_break_the_model_is_set_aside_and_the_rest_goes_on(db, vault, tmp_path, monkeypatch):
    from graph import model
    from ingest import to_graph

    driver, database = db
    (tmp_path / "good.txt").write_text(tf.RU_TEXT, encoding="utf-8")
    (tmp_path / "bad.txt").write_text(tf.RU_TEXT + " Ещё одна фраза.", encoding="utf-8")
    build = to_graph.build

    def failing(info, text, *args):
        if text.endswith("Ещё одна фраза."):
            raise model.ModelError("Mention 'm': unit_ids holds an empty value (a list cannot hold null)")
        return build(info, text, *args)
    monkeypatch.setattr(to_graph, "build", failing)
    summary = pipeline.run([tmp_path], driver, database=database, vault=vault, workers=1)
    assert summary.new == 1
    reasons = dict(summary.quarantined)
    assert reasons[str(tmp_path / "bad.txt")].startswith("its facts do not fit the graph model: Mention")
    monkeypatch.setattr(to_graph, "build", build)
    assert pipeline.run([tmp_path], driver, database=database, vault=vault, workers=1).new == 1  # not lost


def test_a_name_too_long_for_an_index_is_indexed_by_its_start_and_stored_whole(db):
    from graph.facts import FactBuilder
    from graph.writer import BatchWriter
    driver, database = db
    huge = "Ц" * 20_000 + "ов"
    facts = FactBuilder()
    facts.entity("Person", {"id": "person:huge", "name": huge, "names": [], "surname": huge})
    facts.entity("Unit", {"id": "unit:huge", "name": "Отдел " * 8000})
    BatchWriter(driver, database).write(facts.batch)
    records, _, _ = driver.execute_query("MATCH (p:Person {id: 'person:huge'}) RETURN p.name AS name, "
                                         "p.name_full AS full, p.surname_full AS surname", database_=database)
    assert len(records[0]["name"]) == 1000 and records[0]["full"] == huge == records[0]["surname"]


def test_a_testimony_the_database_refuses_is_set_aside_whole_and_the_rest_is_written(db, vault, tmp_path, monkeypatch):
    """A value Neo4j refuses (a list mixing text and numbers) fails the write of its group: the others are
    written, the refused one is quarantined with the database's reason and leaves nothing half-written."""
    from ingest import to_graph

    driver, database = db
    (tmp_path / "good.txt").write_text(tf.RU_TEXT, encoding="utf-8")
    (tmp_path / "bad.txt").write_text(tf.RU_TEXT + " Ещё одна фраза.", encoding="utf-8")
    build = to_graph.build

    def oversized(info, text, *args):
        batch = build(info, text, *args)
        if text.endswith("Ещё одна фраза."):
            batch.add_node("Unit", {"id": "unit:test-refused", "name": "Отдел", "names": ["Отдел", 7]})
        return batch
    monkeypatch.setattr(to_graph, "build", oversized)
    summary = pipeline.run([tmp_path], driver, database=database, vault=vault, workers=1)
    assert summary.new == 1
    reasons = dict(summary.quarantined)
    assert reasons[str(tmp_path / "bad.txt")].startswith("could not be written to the graph (merge_unit)")
    records, _, _ = driver.execute_query(
        "MATCH (t:Testimony) OPTIONAL MATCH (c:Claim {testimony_id: t.id}) RETURN t.id AS id, "
        "t.ingested_at IS NOT NULL AS done, count(c) AS claims", database_=database)
    assert len(records) == 1 and records[0]["done"] and records[0]["claims"] > 0   # only the good one, whole
    leftovers, _, _ = driver.execute_query(
        "MATCH (n) WHERE (n:Claim OR n:Mention) AND n.testimony_id IS NOT NULL "
        "AND NOT EXISTS { MATCH (t:Testimony {id: n.testimony_id}) } "
        "RETURN count(n) AS n", database_=database)
    assert leftovers[0]["n"] == 0
    monkeypatch.setattr(to_graph, "build", build)
    assert pipeline.run([tmp_path], driver, database=database, vault=vault, workers=1).new == 1  # not lost


def test_a_submission_without_consent_is_sealed_in_the_vault_and_never_in_the_graph(db, vault, tmp_path):
    driver, database = db
    refused = tf.form_submission(text=tf.RU_TEXT + " Это не для публикации.",
                                 consent={"use": False, "share_with_prosecutors": False})
    (tmp_path / "forms.json").write_bytes(tf.intake_json([tf.form_submission(), refused]))
    summary = pipeline.run([tmp_path], driver, database=database, vault=vault, workers=1)
    assert summary.new == 1
    reasons = dict(summary.quarantined)
    assert reasons[f"{tmp_path / 'forms.json'}#2"].startswith("no consent: consent to use the testimony was withheld")
    records, _, _ = driver.execute_query("MATCH (c:Claim) WHERE c.excerpt CONTAINS 'не для публикации' "
                                         "RETURN count(c) AS n", database_=database)
    assert records[0]["n"] == 0
    testimonies, _, _ = driver.execute_query("MATCH (t:Testimony) RETURN t.id AS id", database_=database)
    refused_id = next(r.testimony_id for r in pipeline.read_all([tmp_path / "forms.json"], pipeline.Summary(), 10**6)
                      if r.no_consent)
    assert refused_id not in {r["id"] for r in testimonies}
    assert vault.load(refused_id)["consent"] == {"use": False, "share_with_prosecutors": False}


def test_the_same_testimony_in_another_dress_is_one_testimony(db, vault, tmp_path):
    """Re-saved in cp1251 with CRLF line endings, or in Unicode NFD: the same text, one testimony."""
    import unicodedata
    driver, database = db
    text = "Капитан Тарасюк ударил меня 10 августа 2020 года.\nПотом меня увезли в Советское РУВД, где били."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(text.replace("\n", "\r\n").encode("cp1251"))
    (tmp_path / "c.txt").write_text(unicodedata.normalize("NFD", text) + "\n\n", encoding="utf-8")
    summary = pipeline.run([tmp_path], driver, database=database, vault=vault, workers=1)
    assert (summary.new, summary.known) == (1, 2)
    assert sum("the same text as testimony" in reason for _, reason in summary.skipped) == 2
    (tmp_path / "d.txt").write_text(text.replace("\n", "  \n"), encoding="utf-8")   # a later run knows it too
    again = pipeline.run([tmp_path], driver, database=database, vault=vault, workers=1)
    assert (again.new, again.known) == (0, 4)
    records, _, _ = driver.execute_query("MATCH (t:Testimony) RETURN count(t) AS n", database_=database)
    assert records[0]["n"] == 1


def summary_ids(path: Path) -> str:
    return pipeline.read_all([path], pipeline.Summary(), 10**6)[0].testimony_id[:16]


def test_an_account_told_again_with_small_changes_is_linked_and_corroborates_once(db, vault, tmp_path):
    from graph import chain
    driver, database = db
    account = ("10 августа 2020 года меня задержали у метро Пушкинская. В автозаке капитан Тарасюк бил меня "
               "дубинкой по ногам и спине, а сержант Лисин держал меня на полу лицом вниз. Потом нас отвезли в "
               "Фрунзенское РУВД, где нас держали во дворе лицом к стене до утра. Утром меня перевезли на "
               "Окрестина, где я провёл трое суток в камере на четверых, где было тридцать человек. ")
    (tmp_path / "first.txt").write_text(account + "Я готов дать показания.", encoding="utf-8")
    (tmp_path / "again.txt").write_text(account + "Я готов дать показания в суде.", encoding="utf-8")
    (tmp_path / "other.txt").write_text("12 августа 2020 года капитан Тарасюк бил меня дубинкой в автозаке у "
                                        "стелы. Потом меня отвезли в Партизанское РУВД.", encoding="utf-8")
    summary = pipeline.run([tmp_path], driver, database=database, vault=vault, workers=1)
    assert summary.new == 3   # both kept, the later one (in file order) linked to the first
    assert [(Path(o).name, r.split(" (")[0]) for o, r in summary.same_account] == [
        ("first.txt", "re-tells the account of testimony " + summary_ids(tmp_path / "again.txt"))]
    records, _, _ = driver.execute_query(
        "MATCH (p:Person)-[r:PERPETRATED]->(:Incident) WHERE p.name CONTAINS 'Тарасюк' "
        "RETURN collect(DISTINCT r.id) AS facts", database_=database)
    claims = [c for facts in chain.claims_for(driver, records[0]["facts"], database).values() for c in facts]
    assert len({c["testimony_id"] for c in claims}) == 3     # three testimonies ...
    assert chain.corroboration(claims) == 2                  # ... two accounts
    # a later run knows the account from the signatures stored on the graph
    (tmp_path / "later.txt").write_text(account + "Я готов дать показания в любом суде.", encoding="utf-8")
    later = pipeline.run([tmp_path], driver, database=database, vault=vault, workers=1)
    assert later.new == 1 and [Path(o).name for o, _ in later.same_account] == ["later.txt"]


def test_the_vault_keeps_the_original_and_the_graph_only_the_pseudonym(db, vault, tmp_path):
    driver, database = db
    (tmp_path / "forms.json").write_bytes(tf.intake_json([tf.form_submission()]))
    pipeline.run([tmp_path], driver, database=database, vault=vault, workers=1)
    records, _, _ = driver.execute_query("MATCH (v:Victim)-[:GAVE]->(t:Testimony) RETURN v.id AS v, t.id AS t, "
                                         "t.consent AS consent", database_=database)
    original = vault.load(records[0]["t"])
    assert original["identity"] == tf.IDENTITY and original["pseudonym"] == records[0]["v"]
    assert records[0]["consent"] == ["share_with_prosecutors"]
    values = " ".join(every_property_value(driver, database))
    for text in tf.IDENTIFYING_STRINGS:
        assert text not in values


def test_observed_posts_widen_with_each_testimony(db, vault, tmp_path):
    driver, database = db
    for number, date in enumerate(("12 августа 2020 года", "3 марта 2021 года")):
        (tmp_path / f"{number}.txt").write_text(
            f"{date} начальник ЦИП подполковник Геннадий Жлобич приказал избить задержанных.", encoding="utf-8")
    pipeline.run([tmp_path], driver, database=database, vault=vault, workers=1)
    profile = explore.person_profile(queries.Store(driver, database), "person:zlbc-g")
    # each testimony's sighting is a Post of its own mention; the profile reads them as one post
    assert [(p["unit_id"], p["start_max"], p["end_min"], p["command"], len(p["ids"])) for p in profile.posts] == \
        [("unit:tsip-minsk", "2020-08-12", "2021-03-03", True, 2)]


def test_a_dead_database_gives_a_clear_error_and_a_rerun_completes(db, vault, tmp_path):
    driver, database = db
    (tmp_path / "a.txt").write_text(tf.RU_TEXT, encoding="utf-8")
    dead = neo4j.GraphDatabase.driver("bolt://127.0.0.1:9", auth=("neo4j", "x"), max_transaction_retry_time=1)
    with pytest.raises(pipeline.IngestInterrupted, match="run the same command again"):
        pipeline.run([tmp_path], dead, database=database, vault=vault, workers=1)
    dead.close()
    assert pipeline.run([tmp_path], driver, database=database, vault=vault, workers=1).new == 1


def run_cli(*args: str, env: dict, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ingest", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, **kwargs)


@pytest.mark.slow
def test_cli_last_line_and_kill_minus_nine_then_rerun(db, tmp_path):
    driver, database = db
    folder = tmp_path / "in"
    folder.mkdir()
    texts = sorted((SAMPLES / "testimonies").glob("*.txt")) + sorted((SAMPLES / "testimonies").glob("*.md"))
    for number, path in enumerate(texts[:24]):
        (folder / f"{number:02d}{path.suffix}").write_bytes(path.read_bytes())
    env = {**os.environ, "PKG_VAULT_DIR": str(tmp_path / "vault")}
    # the reference: a clean, uninterrupted run
    clean = run_cli(str(folder), "--workers", "1", "--batch-size", "2", "--write-size", "2", "--no-progress", env=env)
    assert clean.returncode == 0, clean.stderr
    assert clean.stdout.strip().splitlines()[-1].startswith("new=24 known=0 quarantined=0 entities=")
    reference = schema.element_counts(driver, database)
    schema.delete_everything(driver, database)
    # killed in the middle of writing, then run again
    process = subprocess.Popen([sys.executable, "-m", "ingest", str(folder), "--workers", "1", "--batch-size", "2",
                                "--write-size", "2", "--no-progress"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:
        records, _, _ = driver.execute_query("MATCH (t:Testimony) WHERE t.ingested_at IS NOT NULL "
                                             "RETURN count(t) AS n", database_=database)
        if records[0]["n"] >= 4:
            break
        time.sleep(0.2)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    finished_before = records[0]["n"]
    assert 4 <= finished_before < 24
    rerun = run_cli(str(folder), "--workers", "1", "--no-progress", env=env)
    assert rerun.returncode == 0, rerun.stderr
    new, known = map(int, re.match(r"new=(\d+) known=(\d+)", rerun.stdout.strip().splitlines()[-1]).groups())
    assert new + known == 24 and known >= finished_before
    assert schema.element_counts(driver, database) == reference
