"""Fault and bad-input campaign (prints figures; run by hand, not by the tests).

    python -m bench.fault_campaign [--examples 300] [--kills 20] [--testimonies 30]

1. Property-based fuzzing (hypothesis) of every reader with malformed files: random bytes under every
   suffix, valid DOCX/PDF/JSON/CSV truncated at random points, text in the wrong encoding, a zip bomb
   and a 100 MB text file. A reader may return records or refuse with ReaderError; anything else is a crash.
2. kill -9 of `python -m ingest` at random moments (--kills times), each followed by the next run;
   then a final run, compared with a clean uninterrupted run: lost testimonies and duplicate nodes.
3. kill -9 of Neo4j during a run: the ingest must stop with a clear error (exit 3), and after Neo4j
   is back, a re-run must complete with nothing lost or doubled.
4. A hostile folder and other tools' exports (no Neo4j): symbolic links out of the tree, to /etc/passwd
   and in a loop, a FIFO, hidden and README files, a name that is not UTF-8, question/answer JSON, a
   KoboToolbox export, a Google Forms CSV, a bot conversation, a form without consent and the same
   testimony in cp1251 with CRLF and in NFD: each file's outcome against the one expected.
Parts 2 and 3 use a Neo4j of their own (PKG_NEO4J_HOME=.neo4j-faults, port 7699), never the one of
the tests or of `make main`, and a vault in a temporary folder.
"""
from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest import readers
from tests import testimony_files as tf

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "testimonies"


# -- 1. fuzzing the readers -------------------------------------------------------------------------------
def valid_files() -> dict[str, bytes]:
    return {".docx": tf.docx_bytes([tf.RU_TEXT, tf.EN_TEXT]), ".pdf": tf.pdf_bytes([tf.BE_TEXT]),
            ".json": tf.intake_json([tf.form_submission()]), ".csv": tf.intake_csv([tf.form_submission()]),
            ".txt": tf.RU_TEXT.encode(), ".md": tf.RU_TEXT.encode("cp1251")}


def fuzz_readers(examples: int, folder: Path) -> dict:
    outcome = {"files": 0, "read": 0, "refused": 0, "crashes": []}
    originals = valid_files()

    def check(suffix: str, data: bytes) -> None:
        path = folder / f"fuzz{suffix}"
        path.write_bytes(data)
        outcome["files"] += 1
        try:
            readers.read(path)
            outcome["read"] += 1
        except readers.ReaderError:
            outcome["refused"] += 1
        except Exception as error:  # noqa: BLE001 - that is exactly what the campaign counts
            outcome["crashes"].append(f"{suffix} ({len(data)} bytes): {type(error).__name__}: {error}")

    suffixes = st.sampled_from(sorted(originals))
    common = settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))

    @common
    @given(suffixes, st.binary(min_size=0, max_size=4096))
    def random_bytes(suffix, data):
        check(suffix, data)

    @common
    @given(suffixes, st.floats(0, 1), st.binary(max_size=64))
    def truncated(suffix, fraction, tail):
        data = originals[suffix]
        check(suffix, data[:int(len(data) * fraction)] + tail)

    @common
    @given(st.text(min_size=1, max_size=2000), st.sampled_from(["utf-16", "utf-32", "cp1251", "koi8_r", "cp866",
                                                                "latin-1", "shift_jis", "gb18030"]))
    def wrong_encoding(text, codec):
        check(".txt", text.encode(codec, errors="replace"))

    @common
    @given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=50),
                        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                                     max_size=4), max_leaves=20))
    def odd_json(value):
        import json

        for document in (value, {"submissions": value}, {"messages": value}, {"chats": {"list": value}}):
            check(".json", json.dumps(document).encode())

    for test in (random_bytes, truncated, wrong_encoding, odd_json):
        test()
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (1 << 30))  # 1 GB of zeros, about 1 MB compressed
    check(".docx", bomb.getvalue())
    big = folder / "big.txt"
    with big.open("wb") as handle:
        for _ in range(100):
            handle.write(("Майор Ломейко бил задержанных. " * 40000).encode()[:1 << 20])
    began = time.perf_counter()
    try:
        readers.read(big)
        outcome["read"] += 1
    except readers.ReaderError as error:
        outcome["refused"] += 1
        outcome["big_file"] = f"{big.stat().st_size / 1e6:.0f} MB refused in {time.perf_counter() - began:.3f} s: {error}"
    began = time.perf_counter()
    try:  # and with the limit raised above it, the reader still copes (it is the extraction that would not)
        text = readers.read(big, max_bytes=200 << 20).records[0].text
        outcome["big_file"] += f"; with a 200 MB limit: read in {time.perf_counter() - began:.1f} s ({len(text):,} chars)"
    except readers.ReaderError as error:
        outcome["big_file"] += f"; with a 200 MB limit: refused ({error})"
    except Exception as error:  # noqa: BLE001
        outcome["crashes"].append(f"100 MB text: {type(error).__name__}: {error}")
    outcome["files"] += 2
    return outcome


# -- 2 and 3: a Neo4j of the campaign's own ----------------------------------------------------------------
def campaign_env(vault: Path) -> dict:
    return {**os.environ, "PKG_NEO4J_HOME": str(ROOT / ".neo4j-faults"), "PKG_NEO4J_BOLT_PORT": "7699",
            "PKG_NEO4J_HEAP": "768m", "PKG_NEO4J_PAGECACHE": "256m", "PKG_VAULT_DIR": str(vault),
            "NEO4J_URI": ""}


def graph_cli(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph", *args], cwd=ROOT, env=env, capture_output=True, text=True)


def counts(env: dict) -> dict:
    out = graph_cli(env, "counts").stdout
    return {k: int(v) for k, v in (line.split("\t") for line in out.splitlines() if "\t" in line)}


def empty_graph(env: dict) -> None:
    code = ("from graph import connection, schema; d, s = connection.open_driver(); "
            "schema.apply(d, s.database); schema.delete_everything(d, s.database); d.close()")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)


def ingest(env: dict, folder: Path, **popen) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "ingest", str(folder), "--workers", "1", "--batch-size", "2",
                             "--write-size", "2", "--no-progress"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, **popen)


def kill_campaign(env: dict, folder: Path, kills: int, rng: random.Random) -> dict:
    """Rounds of: empty graph, then ingest runs killed at random moments until one completes, then a
    comparison with a clean run; until at least ``kills`` runs were really killed."""
    empty_graph(env)
    clean = ingest(env, folder)
    out, _ = clean.communicate()
    reference = counts(env)
    expected = int(out.strip().splitlines()[-1].split()[0].split("=")[1])
    result = {"kills": 0, "rounds": 0, "crashes": 0, "exit_codes": set(), "lost": 0, "duplicates": 0,
              "differences": {}}
    while result["kills"] < kills:
        empty_graph(env)
        result["rounds"] += 1
        while True:
            process = ingest(env, folder)
            time.sleep(rng.uniform(0.5, 20.0))
            killed = process.poll() is None
            if killed:
                process.send_signal(signal.SIGKILL)
                result["kills"] += 1
            out, err = process.communicate()
            result["exit_codes"].add(process.returncode)
            if process.returncode not in (0, 1, -signal.SIGKILL):
                result["crashes"] += 1
            if not killed:
                break
        after = counts(env)
        result["lost"] += expected - after.get("node:Testimony", 0)
        result["duplicates"] += sum(after.get(k, 0) - v for k, v in reference.items() if after.get(k, 0) > v)
        result["differences"].update({k: (reference.get(k), after.get(k)) for k in set(reference) | set(after)
                                      if reference.get(k) != after.get(k)})
    result["final"] = out.strip().splitlines()[-1] if out.strip() else err[-300:]
    result["exit_codes"] = sorted(result["exit_codes"])
    result["reference"] = reference
    return result


def neo4j_pid(env: dict) -> int | None:
    import json

    status = graph_cli(env, "server", "status")
    try:
        return json.loads(status.stdout).get("pid")
    except ValueError:
        return None


def database_kill(env: dict, folder: Path, reference: dict) -> dict:
    empty_graph(env)
    process = ingest(env, folder)
    time.sleep(8)
    pid = neo4j_pid(env)
    os.kill(pid, signal.SIGKILL)
    began = time.perf_counter()
    out, err = process.communicate(timeout=300)
    result = {"exit_code": process.returncode, "seconds_to_error": round(time.perf_counter() - began, 1),
              "message": next((line for line in err.splitlines() if line.startswith("error:")), err[-200:])}
    graph_cli(env, "server", "start")
    rerun = ingest(env, folder)
    out, err = rerun.communicate()
    result["rerun"] = out.strip().splitlines()[-1] if out.strip() else err[-300:]
    after = counts(env)
    result["differences"] = {k: (reference.get(k), after.get(k)) for k in set(reference) | set(after)
                             if reference.get(k) != after.get(k)}
    return result


def hostile_folder(folder: Path) -> dict:
    """Part 4: every file's outcome (read, quarantined or skipped, with the reason) against the expected one."""
    import json
    import unicodedata

    from ingest.pipeline import Summary, discover, read_all
    outside = folder.parent / "outside.txt"
    outside.write_text("secret outside the folder", encoding="utf-8")
    folder.mkdir()
    text = "10 августа 2020 года капитан Тарасюк ударил меня в автозаке.\nПотом нас увезли в РУВД."
    expected = {"a.txt": "read", "cp1251.txt": "read", "nfd.txt": "read", "qa.json": "read", "kobo.json": "read",
                "forms.csv": "read", "bot.json": "read", "caf\\xe9.txt": "read", "refused.json": "quarantined",
                "link.txt": "quarantined", "passwd.txt": "quarantined", "loop": "quarantined",
                "pipe.txt": "quarantined", ".hidden.txt": "skipped", "README.md": "skipped"}
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "cp1251.txt").write_bytes(text.replace("\n", "\r\n").encode("cp1251"))
    (folder / "nfd.txt").write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    (folder / "qa.json").write_text(json.dumps([{"question": "Опишите, что произошло", "answer": text},
                                                {"question": "Ваше имя", "answer": "Анна"}], ensure_ascii=False))
    (folder / "kobo.json").write_text(json.dumps([{"_uuid": "1", "_submission_time": "2020-09-01T10:00:00",
                                                   "what_happened": text}], ensure_ascii=False))
    (folder / "forms.csv").write_text(f"Timestamp,Что с вами произошло?,Согласие\n9/1/2020 10:00:00,\"{text}\",да\n")
    (folder / "bot.json").write_text(json.dumps([{"from": "bot", "text": "Что произошло?"},
                                                 {"from": "user", "text": text}], ensure_ascii=False))
    (folder / "refused.json").write_text(json.dumps({"submissions": [{"text": text, "consent": False}]}))
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write(text.encode("utf-8"))
    (folder / "link.txt").symlink_to(outside)
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    os.mkfifo(folder / "pipe.txt")
    (folder / ".hidden.txt").write_text(text, encoding="utf-8")
    (folder / "README.md").write_text("about", encoding="utf-8")
    summary = Summary()
    records = read_all(discover([folder], summary), summary, readers.MAX_FILE_BYTES)
    outcome = {}
    for record in records:
        name = Path(record.origin.split("#")[0]).name
        outcome[name] = "quarantined" if record.no_consent else "read"
    for origin, _ in summary.quarantined:
        outcome[Path(origin.split("#")[0]).name] = "quarantined"
    for origin, _ in summary.skipped:
        outcome[Path(origin).name] = "skipped"
    wrong = {name: (outcome.get(name), want) for name, want in expected.items() if outcome.get(name) != want}
    leaked = [r.origin for r in records if "root:" in r.text or "secret outside" in r.text]
    return {"files": len(expected), "as_expected": len(expected) - len(wrong), "wrong": wrong, "leaked": leaked,
            "same_text": len({r.text_id for r in records if Path(r.origin).name in ("a.txt", "cp1251.txt", "nfd.txt")})}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=300, help="hypothesis examples per property")
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--testimonies", type=int, default=30)
    parser.add_argument("--skip-neo4j", action="store_true", help="only fuzz the readers")
    parser.add_argument("--skip-fuzz", action="store_true", help="only the kill campaigns")
    args = parser.parse_args(argv)
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as temporary:
        temporary = Path(temporary)
        began = time.perf_counter()
        fuzz = None if args.skip_fuzz else fuzz_readers(args.examples, temporary)
        if fuzz:
            print(f"1. readers: {fuzz['files']} malformed files in {time.perf_counter() - began:.0f} s: "
                  f"{fuzz['read']} read, {fuzz['refused']} refused with a reason, {len(fuzz['crashes'])} crashes")
            print(f"   100 MB text: {fuzz.get('big_file')}")
            for crash in fuzz["crashes"][:10]:
                print(f"   CRASH {crash}")
        hostile = hostile_folder(temporary / "hostile")
        print(f"4. hostile folder and other tools' exports: {hostile['as_expected']}/{hostile['files']} files as "
              f"expected{' ' + str(hostile['wrong']) if hostile['wrong'] else ''}; leaked lines "
              f"{len(hostile['leaked'])}; one testimony in three dresses has {hostile['same_text']} text id(s)")
        if args.skip_neo4j:
            return
        folder = temporary / "testimonies"
        folder.mkdir()
        for path in sorted(SAMPLES.glob("*"))[:args.testimonies]:
            if path.is_file():
                shutil.copy(path, folder / path.name)
        env = campaign_env(temporary / "vault")
        started = graph_cli(env, "server", "start")
        if started.returncode != 0:
            print(f"could not start the campaign's Neo4j: {started.stderr[-300:]}")
            return
        try:
            kills = kill_campaign(env, folder, args.kills, rng)
            print(f"2. ingest killed with SIGKILL {kills['kills']} times in {kills['rounds']} rounds (exit codes "
                  f"{kills['exit_codes']}): crashes {kills['crashes']}; last completing run: {kills['final']}; "
                  f"lost testimonies {kills['lost']}, "
                  f"duplicate nodes {kills['duplicates']}, differences from a clean run {kills['differences'] or 'none'}")
            db = database_kill(env, folder, kills["reference"])
            print(f"3. Neo4j killed during a run: ingest exit {db['exit_code']} after {db['seconds_to_error']} s "
                  f"with «{db['message']}»; after restart: {db['rerun']}; differences from a clean run "
                  f"{db['differences'] or 'none'}")
        finally:
            graph_cli(env, "server", "stop")


if __name__ == "__main__":
    main()
