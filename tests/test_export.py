"""Case files: every format parsed back by its own reader, the Cypher round trip into an emptied
database, the manifest check (tampering detected) and no victim identifier in any exported file."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from graph import schema
from graph.export import Selection, add_command_chains, select
from graph.export.custody import verify, write_case
from graph.export.formats import FORMATS, cypher_statements
from ingest import pipeline
from access.vault import Vault
from tests.test_ingest_pipeline import leaks

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.neo4j
SELECTION = Selection(["person:lmk-s"], hops=2, date_from="2020-08-01", date_to="2021-12-31")


@pytest.fixture(scope="module")
def store(sample_graph):
    return sample_graph[0]


@pytest.fixture(scope="module")
def case(store, tmp_path_factory):
    subgraph = select(store, SELECTION)
    add_command_chains(store, subgraph)
    folder = tmp_path_factory.mktemp("case")
    write_case(subgraph, folder, list(FORMATS), "investigator-1")
    return subgraph, folder


def test_selection_follows_hops_and_filters(store):
    one = select(store, Selection(["person:lmk-s"], hops=1))
    two = select(store, Selection(["person:lmk-s"], hops=2))
    assert "person:lmk-s" in one.nodes and set(one.nodes) < set(two.nodes)
    assert {link["type"] for link in one.links} <= {"PERPETRATED", "ORDERED", "HELD"}
    strict = select(store, Selection(["person:lmk-s"], hops=1, min_confidence=0.8))
    assert all(c["confidence"] >= 0.8 for claims in strict.claims.values() for c in claims)
    assert select(store, Selection(["person:lmk-s"], hops=1, min_status="confirmed")).links == []
    window = select(store, Selection(["person:lmk-s"], hops=1, date_from="2021-01-01", types=("PERPETRATED",)))
    assert all(window.nodes[l["target"]]["props"]["date_max"] >= "2021-01-01" for l in window.links)


def test_a_post_seen_in_several_testimonies_is_one_link_and_persons_keep_their_mentions(case):
    subgraph, _ = case
    held = [(l["source"], l["target"], l["props"].get("role")) for l in subgraph.links_of("HELD")]
    assert held and len(held) == len(set(held))
    assert any(subgraph.corroboration(l["fact_id"]) > 1 for l in subgraph.links_of("HELD"))
    assert subgraph.corroboration("person:lmk-s") > 1  # the testimonies that name him, from his mentions


def test_graphml_and_gexf_read_back_with_networkx(case):
    subgraph, folder = case
    for name, reader in (("subgraph.graphml", nx.read_graphml), ("subgraph.gexf", nx.read_gexf)):
        graph = reader(folder / name)
        assert graph.number_of_nodes() == len(subgraph.nodes), name
        assert graph.number_of_edges() == len(subgraph.links), name
    graph = nx.read_graphml(folder / "subgraph.graphml")
    assert graph.nodes["person:lmk-s"]["type"] == "Person"
    assert any(d["type"] == "PERPETRATED" and "«" in d["citations"] for _, _, d in graph.edges(data=True))


def test_csv_for_link_analysis_tools(case):
    import csv

    subgraph, folder = case
    nodes = list(csv.DictReader((folder / "nodes.csv").open(encoding="utf-8-sig")))
    links = list(csv.DictReader((folder / "links.csv").open(encoding="utf-8-sig")))
    assert len(nodes) == len(subgraph.nodes) and len(links) == len(subgraph.links)
    assert {n["id"] for n in nodes} >= {l["source"] for l in links} | {l["target"] for l in links}


def test_followthemoney_entities_load(case):
    from followthemoney import model

    subgraph, folder = case
    proxies = [model.get_proxy(json.loads(line)) for line in (folder / "entities.ftm.json").read_text().splitlines()]
    schemata = {p.schema.name for p in proxies}
    assert {"Person", "Organization", "Event", "UnknownLink"} <= schemata
    assert schemata & {"Membership", "Occupancy"}
    ids = {p.id for p in proxies}
    for proxy in proxies:  # every reference points at an exported entity
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                assert value in ids, (proxy.schema.name, prop.name)


def test_dossier_pdf_has_the_persons_incidents_and_article_one_table(case):
    import pypdf

    subgraph, folder = case
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(folder / "dossier.pdf").pages)
    assert "Siarhei Piatrovich Lameika" in " ".join(text.split())
    assert "Convention against Torture" in text and "official capacity" in text.lower()
    html = (folder / "dossier.html").read_text(encoding="utf-8")
    assert "Chain of command on that date" in html and "given by V-" in html
    from graph.export import dossier
    rows = dossier.statements(subgraph)  # per-statement provenance: one row per cited testimony
    assert len(rows) == len(subgraph.testimonies) and all(row["language"] in ("ru", "be", "en") for row in rows)
    assert {row["channel"] for row in rows} <= set(dossier.CHANNELS.values()) and "<h2>Statements</h2>" in html
    pattern = dossier.pattern(subgraph)
    assert sum(row["incidents"] for row in pattern) >= len(subgraph.nodes_of("Incident"))
    assert all(row["victims"] <= row["testimonies"] for row in pattern) and "<h2>Pattern</h2>" in html


def test_cypher_script_recreates_the_subgraph_in_an_empty_database(store, case):
    subgraph, folder = case
    schema.delete_everything(store.driver, store.database)
    try:
        script = (folder / "subgraph.cypher").read_text(encoding="utf-8")
        body = "\n".join(line for line in script.splitlines() if not line.startswith("//"))
        statements = [s.strip() for s in body.split("\n;") if s.strip()]
        assert len(statements) == len(cypher_statements(subgraph))
        with store.driver.session(database=store.database) as session:
            for statement in statements:
                session.run(statement).consume()
        again = select(store, SELECTION)
        assert {k: v["props"] for k, v in again.nodes.items()} == {k: v["props"] for k, v in subgraph.nodes.items()}
        assert again.links == subgraph.links
        assert again.claims == subgraph.claims
        assert again.testimonies.keys() == subgraph.testimonies.keys()
        assert [t["pseudonym"] for t in again.testimonies.values()] == \
            [subgraph.testimonies[k]["pseudonym"] for k in again.testimonies]
    finally:  # the other tests of this module use the full samples again
        schema.delete_everything(store.driver, store.database)
        pipeline.run([ROOT / "samples"], store.driver, database=store.database, vault=Vault(folder.parent / "v2"))


def test_manifest_lists_every_file_and_cited_testimony_and_tampering_fails(case, tmp_path):
    subgraph, folder = case
    manifest = json.loads((folder / "manifest.json").read_text())
    assert set(manifest["files"]) == {p.name for p in folder.iterdir()} - {"manifest.json", "manifest.sig"}
    assert {t["sha256"] for t in manifest["testimonies"]} == set(subgraph.testimonies)
    assert manifest["exported_by"] == "investigator-1" and manifest["software"]["version"]
    assert manifest["selection"]["seeds"] == ["person:lmk-s"]
    assert verify(folder) == []
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    with (copy / "links.csv").open("a") as handle:
        handle.write("forged,row\n")
    (copy / "subgraph.gexf").unlink()
    (copy / "extra.txt").write_text("x")
    assert verify(copy) == ["links.csv: changed (SHA-256 differs from the manifest)", "subgraph.gexf: missing",
                            "extra.txt: not in the manifest"]


def test_no_victim_identifier_in_any_exported_file(case):
    subgraph, folder = case
    victims = [json.loads(line) for line in (ROOT / "samples" / "_tools" / "victims.jsonl").read_text().splitlines()]
    texts = [p.read_text(encoding="utf-8") for p in folder.iterdir() if p.suffix != ".pdf"]
    assert leaks(texts, victims) == []


def test_cli_help_lists_every_format_and_exports(store, tmp_path):
    help_text = subprocess.run([sys.executable, "-m", "graph", "export", "--help"], cwd=ROOT, capture_output=True,
                               text=True, check=True).stdout
    for name in FORMATS:
        assert f"  {name} " in help_text
    out = tmp_path / "case"
    from access.users import UserStore
    users = UserStore.from_env()   # the sample graph's vault (PKG_VAULT_DIR)
    for name, role in (("investigator-2", "investigator"), ("viewer-2", "viewer")):
        if name not in users.names():
            users.add(name, "a-test-password", role)
    refused = subprocess.run([sys.executable, "-m", "graph", "export", "unit:tsip-minsk", "--out", str(out),
                              "--by", "viewer-2"], cwd=ROOT, capture_output=True, text=True)
    assert refused.returncode == 2 and "not a user whose role may export" in refused.stderr and not out.exists()
    done = subprocess.run([sys.executable, "-m", "graph", "export", "unit:tsip-minsk", "--formats", "csv", "ftm",
                           "--out", str(out), "--by", "investigator-2"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["entities.ftm.json", "links.csv", "manifest.json", "manifest.sig",
                                                    "nodes.csv"]
    check = subprocess.run([sys.executable, "-m", "graph", "verify", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0 and "matches its manifest" in check.stdout
    missing = subprocess.run([sys.executable, "-m", "graph", "export", "person:nobody", "--out", str(tmp_path / "x"),
                              "--by", "investigator-2"], cwd=ROOT, capture_output=True, text=True)
    assert missing.returncode == 2 and "no person, unit, incident or place with id person:nobody" in missing.stderr


def test_a_case_file_and_the_vault_are_readable_by_their_owner_only(case, sample_graph):
    import stat as stat_module
    _, folder = case
    assert stat_module.S_IMODE(folder.stat().st_mode) == 0o700
    assert {stat_module.S_IMODE(p.stat().st_mode) for p in folder.iterdir()} == {0o600}
    vault = sample_graph[1]
    for name in ("identities.sqlite", "store", "signing.key"):
        if name == "signing.key" and not (vault / name).exists():
            continue  # (made at the first export from this vault)
        mode = stat_module.S_IMODE((vault / name).stat().st_mode)
        assert mode == (0o700 if name == "store" else 0o600), name


def test_a_one_person_selection_carries_only_the_testimonies_its_facts_cite(store, tmp_path):
    """Scope: a case file seeded on one person, no hops, carries the testimonies that name him or back
    his links, and nothing else; a unit reached by his posts brings no excerpt of its own from testimonies
    the selection does not cite (a unit such as OMON is named in very many)."""
    subgraph = select(store, Selection(["person:lmk-s"], hops=1))
    linked = {c["testimony_id"] for link in subgraph.links for c in subgraph.claims.get(link["fact_id"], [])}
    named = {c["testimony_id"] for c in subgraph.claims.get("person:lmk-s", [])}
    cited = {c["testimony_id"] for claims in subgraph.claims.values() for c in claims if c.get("testimony_id")}
    assert cited == linked | named and set(subgraph.testimonies) == cited
    units = [n for n, node in subgraph.nodes.items() if node["label"] == "Unit"]
    assert units
    from graph import chain
    unit_claims = chain.claims_for(store.driver, units, store.database)
    assert {c["testimony_id"] for claims in unit_claims.values() for c in claims} - cited  # they exist ...
    for unit in units:  # ... but do not leave with this case file
        assert {c["testimony_id"] for c in subgraph.claims.get(unit, [])} <= linked
    folder = tmp_path / "one"
    write_case(subgraph, folder, list(FORMATS), "investigator-1")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    listed = json.dumps(manifest)
    outside = {c["testimony_id"] for claims in unit_claims.values() for c in claims} - cited
    assert not [t for t in outside if t in listed]  # nor in the manifest


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path):
    from graph.export import Subgraph
    from graph.export.formats import neutralised, write_csv
    hostile = ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3",
               "\tsplit", "\rreturn"]
    assert [neutralised(v) for v in hostile] == ["'" + v for v in hostile]
    assert neutralised("Ломейко") == "Ломейко" and neutralised(0.5) == 0.5
    subgraph = Subgraph(Selection(["person:x"]))
    subgraph.nodes["person:x"] = {"label": "Person", "props": {"id": "person:x", "name": hostile[0], "names": hostile}}
    nodes, _ = write_csv(subgraph, tmp_path)
    import csv
    rows = list(csv.reader(nodes.open(encoding="utf-8-sig")))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r"))]
    assert "'" + hostile[0] in cells


def test_article_one_severity_comes_from_stated_acts_and_injuries_and_the_header_says_what_is_unreviewed():
    from graph.export import Subgraph
    from graph.export.dossier import article_one, html
    subgraph = Subgraph(Selection(["incident:held"]))
    for incident, violations, excerpt in (("incident:held", ["ill-treatment"], "Меня держали на коленях."),
                                          ("incident:beaten", ["beating"], "Меня избили, были синяки и сотрясение."),
                                          ("incident:threat", ["threat"], "He threatened me.")):
        subgraph.nodes[incident] = {"label": "Incident", "props": {"id": incident, "violations": violations,
                                                                   "date_min": "2020-08-10", "date_max": "2020-08-10"}}
        subgraph.claims[incident] = [{"excerpt": excerpt, "confidence": 0.7, "status": "machine",
                                      "extractor": "rules", "testimony_id": "t" * 64}]
    held = article_one(subgraph, "incident:held")["severe pain or suffering"]
    assert held.startswith("ill-treatment stated") and "not established" in held  # a category is no evidence
    beaten = article_one(subgraph, "incident:beaten")["severe pain or suffering"]
    assert "beating" in beaten and "синяки" in beaten and "сотрясение" in beaten
    assert "not established" in article_one(subgraph, "incident:threat")["severe pain or suffering"]
    page = html(subgraph, "investigator-1", "2026-12-07T00:00:00+00:00")
    assert "3 of the 3 citations in this file are unreviewed machine extractions" in page
    assert "--min-status confirmed" in page and "time window: no time limit" in page


def test_the_manifest_is_signed_and_a_recomputed_manifest_or_another_key_fails(case, tmp_path):
    """Whoever changes a file and recomputes the manifest cannot sign it: verify names the manifest; a
    signature by another organisation's key (or none) is refused too."""
    import hashlib
    import os
    import shutil

    from access import signing
    from access.vault import Vault

    _, folder = case
    public = Vault.from_env().directory / signing.PUBLIC
    signed = json.loads((folder / "manifest.sig").read_text())
    assert signed["key_fingerprint"] == json.loads((folder / "manifest.json").read_text())["signer"]["key_fingerprint"]
    assert verify(folder, public) == []
    forged = tmp_path / "forged"
    shutil.copytree(folder, forged)
    with (forged / "links.csv").open("a") as handle:
        handle.write("forged,row\n")
    manifest = json.loads((forged / "manifest.json").read_text())
    manifest["files"]["links.csv"] = hashlib.sha256((forged / "links.csv").read_bytes()).hexdigest()
    (forged / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
    assert verify(forged, public) == ["manifest.json: changed after it was signed (the signature does not match)"]
    other = tmp_path / "other-vault"
    signing.create(other)
    assert verify(folder, other / signing.PUBLIC)[0].startswith("manifest.sig: made with another key")
    unsigned = tmp_path / "unsigned"
    shutil.copytree(folder, unsigned)
    (unsigned / "manifest.sig").unlink()
    assert verify(unsigned, public) == ["manifest.sig: missing (the manifest is not signed)"]
    assert oct(os.stat(Vault.from_env().directory / signing.PRIVATE).st_mode & 0o777) == "0o600"


def test_the_contradictions_register_sets_disagreeing_statements_side_by_side():
    from graph.export import Subgraph
    from graph.export.dossier import contradictions, html
    subgraph = Subgraph(Selection(["person:x"]))
    subgraph.nodes["person:x"] = {"label": "Person", "props": {"id": "person:x", "name": "Иван Петров"}}
    for unit in ("unit:a", "unit:b"):
        subgraph.nodes[unit] = {"label": "Unit", "props": {"id": unit, "name": unit[-1].upper() + " unit"}}
    august = {"start_min": "2020-08-01", "end_max": "2020-08-31"}
    subgraph.links += [
        {"type": "HELD", "fact_id": "post:1", "source": "person:x", "target": "unit:a",
         "props": {"role": "commander", "rank": "майор", **august}},
        {"type": "HELD", "fact_id": "post:2", "source": "person:x", "target": "unit:b",
         "props": {"role": "commander", "rank": "полковник", **august}},
        {"type": "HELD", "fact_id": "post:3", "source": "person:x", "target": "unit:b",
         "props": {"role": "officer", "rank": "полковник", "start_min": "2023-01-01", "end_max": "2023-12-31"}}]
    claim = {"excerpt": "…", "confidence": 0.7, "extractor": "rules", "testimony_id": "t" * 64}
    subgraph.claims = {"post:1": [{**claim, "status": "machine"}], "post:2": [{**claim, "status": "machine"}],
                       "post:3": [{**claim, "status": "conflict", "note": "another man of that name"}]}
    kinds = {entry["kind"] for entry in contradictions(subgraph)}
    assert kinds == {"different ranks stated", "the same post stated in different units",
                     "marked as conflicting by an analyst"}
    page = html(subgraph, "investigator-1", "2026-12-07T00:00:00+00:00")
    assert "Contradictions register" in page and "another man of that name" in page
    assert "commander of A unit" in page and "commander of B unit" in page
    alone = Subgraph(Selection(["person:x"]))
    alone.nodes["person:x"] = subgraph.nodes["person:x"]
    assert contradictions(alone) == [] and "No contradiction found" in html(alone, "i", "2026-12-07")


def test_an_excerpt_read_by_ocr_says_so_in_the_dossier_and_the_link_chart_csv():
    from graph.export import Subgraph
    from graph.export import formats
    from graph.export.dossier import _citations
    subgraph = Subgraph(Selection(["incident:scan"]))
    subgraph.claims["incident:scan"] = [
        {"excerpt": "капитан Лапицкий бил меня", "confidence": 0.6, "status": "machine", "extractor": "rules",
         "testimony_id": "s" * 64, "ocr": True},
        {"excerpt": "меня били в автозаке", "confidence": 0.7, "status": "machine", "extractor": "rules",
         "testimony_id": "t" * 64}]
    cited = _citations(subgraph, "incident:scan")
    assert cited.count("from OCR") == 1 and cited.index("Лапицкий") < cited.index("from OCR") < cited.index("автозаке")
    assert formats._citations(subgraph, "incident:scan").count("from OCR") == 1
