"""Fictional testimonies in every format ingest reads, built in code (no real person is named).

The victims (Ядвига Лапицкая, Tomas Verbel, Зміцер Галушка) and the officials (майор Ломейко,
начальник ЦИП Жлобич, Kondrus) are the fictional cast of nlp/devset/cast.jsonl.
"""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

RU_TEXT = ("Меня зовут Ядвига Лапицкая, мой телефон +375 29 155-01-01. 11 августа 2020 года меня задержали у "
           "станции метро «Пушкинская». Майор Ломейко из ОМОНа ударил меня дубинкой. В ЦИП на Окрестина "
           "по приказу начальника ЦИП Жлобича нас поставили к стене. Ядвигу потом отпустили.")
EN_TEXT = ("On 12 August 2020 I was detained in Minsk. Deputy OMON commander Kondrus ordered the officers to "
           "beat us in the yard of the Okrestina detention centre. I was beaten by Major Lomeiko.")
BE_TEXT = ("12 жніўня 2020 года мяне затрымалі ў Мінску. Маёр Ламейка біў мяне ў аўтазаку. "
           "Начальнік ЦІП Жлобіч загадаў паставіць усіх да сцяны.")
IDENTITY = {"name": "Ядвига Лапицкая", "phone": "+375 29 155-01-01", "email": "jadwiga.l@example.org",
            "telegram": "@jadwiga_l", "address": "ул. Ложинская, д. 5, кв. 17", "birth_date": "1994-03-02",
            "document": "MP7654321"}
IDENTIFYING_STRINGS = ("Ядвига", "Лапицк", "155-01-01", "jadwiga", "Ложинская", "1994-03-02", "MP7654321",
                       "Tomas", "Verbel", "Галушка", "+375 33 777")


def form_submission(text: str = RU_TEXT, **extra) -> dict:
    item = {"submitted": "2020-09-01", "language": "ru", "text": text, "person": dict(IDENTITY),
            "events": {"place": "Минск", "start": "2020-08-11", "end": "2020-08-12"},
            "consent": {"share_with_prosecutors": True, "publish_anonymised": False}}
    item.update(extra)
    return item


def intake_json(submissions: list[dict]) -> bytes:
    return json.dumps({"form": "testimony-intake/1", "submissions": submissions}, ensure_ascii=False).encode()


def intake_csv(submissions: list[dict]) -> bytes:
    columns = ["submitted", "language", "text", *(f"person_{k}" for k in IDENTITY), "event_place", "event_start",
               "event_end", "consent_share_with_prosecutors", "consent_publish_anonymised"]
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for item in submissions:
        writer.writerow([item["submitted"], item["language"], item["text"],
                         *(item["person"].get(k, "") for k in IDENTITY), item["events"]["place"],
                         item["events"]["start"], item["events"]["end"],
                         str(item["consent"]["share_with_prosecutors"]).lower(),
                         str(item["consent"]["publish_anonymised"]).lower()])
    return out.getvalue().encode()


def telegram_export(text_parts: list[str], name: str = "Tomas Verbel", user_id: int = 5550101) -> bytes:
    messages = [{"id": 1, "type": "message", "date": "2020-09-03T10:00:00", "from": "Testimony bot",
                 "from_id": "user9990001", "text": "Расскажите, что с вами произошло."}]
    for number, part in enumerate(text_parts, 2):
        messages.append({"id": number, "type": "message", "date": f"2020-09-03T10:0{number}:00", "from": name,
                         "from_id": f"user{user_id}", "text": [part[:20], {"type": "bold", "text": part[20:]}]})
    messages.append({"id": 99, "type": "message", "date": "2020-09-03T10:30:00", "from": name,
                     "from_id": f"user{user_id}", "text": "",
                     "contact_information": {"first_name": "Tomas", "last_name": "Verbel",
                                             "phone_number": "+375 33 777 00 11"}})
    return json.dumps({"name": name, "type": "personal_chat", "id": user_id, "messages": messages},
                      ensure_ascii=False).encode()


def docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_bytes(paragraphs: list[str]) -> bytes:
    import weasyprint
    from html import escape

    html = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return weasyprint.HTML(string=f"<html><body style='font-family: DejaVu Sans'>{html}</body></html>").write_pdf()


def zip_bomb_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"0" * (120 * 1024 * 1024))
    return out.getvalue()


def write_all(folder: Path) -> dict[str, Path]:
    """One good file of every kind."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "utf8.txt": RU_TEXT.encode("utf-8"),
        "cp1251.txt": ("Свидетельство. " + BE_TEXT.replace("ў", "у").replace("і", "и") + " Конец.").encode("cp1251"),
        "koi8.md": ("# Показания\n\n" + RU_TEXT.replace("Ядвига Лапицкая", "Зміцер Галушка")
                    .replace("Ядвигу", "Змицера").replace("і", "и").replace("«", "\"").replace("»", "\"")).encode("koi8_r"),
        "report.docx": docx_bytes([EN_TEXT, "Signed: a witness."]),
        "statement.pdf": pdf_bytes([BE_TEXT]),
        "forms.json": intake_json([form_submission(), form_submission(EN_TEXT, language="en")]),
        "forms.csv": intake_csv([form_submission(RU_TEXT + " Ещё одна подача.")]),
        "result.json": telegram_export([RU_TEXT.replace("Ядвига Лапицкая", "Tomas Verbel").replace("Ядвигу", "меня")]),
    }
    paths = {}
    for name, data in files.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    return paths
