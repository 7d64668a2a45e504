"""How the sample testimonies in samples/testimonies/ were made (kept for the record; not run by make).

The fictional texts were written as plain UTF-8 files with a meta.jsonl line each (language, date
received, fictional victim data); this script spreads them over every format ingest reads, so the
samples exercise all readers: UTF-8, cp1251 and KOI8-R text, Markdown, Word, PDF, intake forms (JSON
and CSV) and Telegram exports. The victims' data (all fictional) also goes to samples/_tools/victims.jsonl,
which the tests use to check that none of it reaches the graph.

    python samples/_tools/build_samples.py SOURCE_DIR...   (each with NNN_xx.txt files and meta.jsonl)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.testimony_files import docx_bytes, intake_csv, intake_json, pdf_bytes  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "testimonies"
# per language: the format of the n-th text, cycling
PLAN = {
    "ru": ["txt", "form_json", "md", "docx", "txt_cp1251", "telegram", "pdf", "form_csv", "txt", "txt_koi8"],
    "en": ["txt", "form_json", "docx", "md", "telegram", "pdf", "txt"],
    "be": ["txt", "form_csv", "docx", "md", "telegram", "pdf", "txt"],
}


def person(meta: dict) -> dict:
    victim = meta.get("victim") or {}
    return {"name": victim.get("name"), "phone": victim.get("phone"), "email": victim.get("email"),
            "telegram": victim.get("telegram"), "address": victim.get("address"),
            "birth_date": victim.get("birth_date"), "document": victim.get("passport")}


def submission(meta: dict, text: str) -> dict:
    start, _, end = (meta.get("event_dates") or "").partition("..")
    return {"submitted": meta["received"], "language": meta["language"], "text": text,
            "person": {k: v for k, v in person(meta).items() if v},
            "events": {"place": meta.get("event_place") or "", "start": start, "end": end or start},
            "consent": meta.get("consent") or {}}


def telegram_chat(meta: dict, text: str, chat_id: int) -> dict:
    name = (meta.get("victim") or {}).get("name") or "Anonymous"
    questions = {"ru": "Расскажите, пожалуйста, что произошло.", "be": "Раскажыце, калі ласка, што адбылося.",
                 "en": "Please tell us what happened."}
    messages = [{"id": 1, "type": "message", "date": f"{meta['received']}T09:00:00", "from": "Testimony bot",
                 "from_id": "user9990001", "text": questions[meta["language"]]}]
    for number, paragraph in enumerate([p for p in text.split("\n\n") if p.strip()], 2):
        messages.append({"id": number, "type": "message", "date": f"{meta['received']}T09:{number:02d}:00",
                         "from": name, "from_id": f"user{chat_id}", "text": paragraph.strip()})
    return {"name": name, "type": "personal_chat", "id": chat_id, "messages": messages}


def main(sources: list[Path]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    forms_json, forms_csv, chats, victims = [], [], [], {}
    counters: dict[str, int] = {}
    names = [(json.loads(line).get("victim") or {}).get("name") for source in sources
             for line in (source / "meta.jsonl").read_text(encoding="utf-8").splitlines()]
    repeated = {n for n in names if n and names.count(n) > 1}
    for source in sources:
        for line in (source / "meta.jsonl").read_text(encoding="utf-8").splitlines():
            meta = json.loads(line)
            text = (source / meta["file"]).read_text(encoding="utf-8").strip() + "\n"
            lang = meta["language"]
            plan = PLAN[lang]
            kind = plan[counters.get(lang, 0) % len(plan)]
            counters[lang] = counters.get(lang, 0) + 1
            if kind in ("form_json", "form_csv", "telegram") and not meta.get("victim"):
                kind = "md"  # news and sanctions notices do not come through forms or the bot
            if (meta.get("victim") or {}).get("name") in repeated:
                # people who testified twice come through the forms and the bot, which carry their contacts,
                # so the demo shows one pseudonym for both testimonies
                kind = ("form_json", "telegram", "form_csv")[counters[lang] % 3]
            stem = Path(meta["file"]).stem
            if meta.get("victim"):
                victims[meta["victim"]["name"]] = person(meta)
            if kind == "txt":
                (OUT / f"{stem}.txt").write_text(text, encoding="utf-8")
            elif kind == "txt_cp1251":
                (OUT / f"{stem}.cp1251.txt").write_bytes(text.encode("cp1251", errors="replace"))
            elif kind == "txt_koi8":
                (OUT / f"{stem}.koi8r.txt").write_bytes(
                    text.replace("«", '"').replace("»", '"').replace("—", "-").replace("–", "-")
                    .encode("koi8_r", errors="replace"))
            elif kind == "md":
                title = {"testimony": "Testimony", "news": "News report", "sanctions": "Sanctions notice"}[meta["kind"]]
                (OUT / f"{stem}.md").write_text(f"# {title}\n\n{text}", encoding="utf-8")
            elif kind == "docx":
                (OUT / f"{stem}.docx").write_bytes(docx_bytes(text.strip().split("\n\n")))
            elif kind == "pdf":
                (OUT / f"{stem}.pdf").write_bytes(pdf_bytes(text.strip().split("\n\n")))
            elif kind == "form_json":
                forms_json.append(submission(meta, text))
            elif kind == "form_csv":
                forms_csv.append(submission(meta, text))
            elif kind == "telegram":
                chats.append(telegram_chat(meta, text, 7000000 + len(chats) + 1))
    (OUT / "intake-forms.json").write_bytes(intake_json(forms_json))
    (OUT / "intake-forms.csv").write_bytes(intake_csv([{**f, "person": {k: f["person"].get(k, "") for k in
                                                                         person({})}} for f in forms_csv]))
    telegram = OUT / "telegram-export"
    telegram.mkdir(exist_ok=True)
    (telegram / "result.json").write_text(json.dumps({"about": "Fictional export of the feedback bot's chats",
                                                      "chats": {"about": "", "list": chats}},
                                                     ensure_ascii=False, indent=1), encoding="utf-8")
    with (Path(__file__).resolve().parent / "victims.jsonl").open("w", encoding="utf-8") as handle:
        for name in sorted(victims):
            handle.write(json.dumps(victims[name], ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]])
