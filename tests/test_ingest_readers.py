"""Readers: every format testimonies arrive in, and a clear refusal for each kind of broken file."""
import json
import re

import pytest

from ingest import readers
from ingest.readers import ReaderError
from tests import testimony_files as tf


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    return tf.write_all(tmp_path_factory.mktemp("good"))


def only(reading: readers.Reading) -> readers.Record:
    assert len(reading.records) == 1 and not reading.rejected
    return reading.records[0]


def test_utf8_text_is_read_as_is(good):
    record = only(readers.read(good["utf8.txt"]))
    assert record.text == tf.RU_TEXT and record.source_type == "document"
    assert record.testimony_id == __import__("hashlib").sha256(tf.RU_TEXT.encode()).hexdigest()


@pytest.mark.parametrize("name, marker", [("cp1251.txt", "жниуня 2020 года мяне затрымали"),
                                          ("koi8.md", "Майор Ломейко из ОМОНа ударил меня дубинкой")])
def test_legacy_cyrillic_encodings_are_detected(good, name, marker):
    assert marker in only(readers.read(good[name])).text


def test_docx_paragraphs(good):
    record = only(readers.read(good["report.docx"]))
    assert record.text.splitlines() == [tf.EN_TEXT, "Signed: a witness."]


def test_pdf_text_layer(good):
    text = only(readers.read(good["statement.pdf"])).text
    assert "Маёр Ламейка біў мяне ў аўтазаку" in " ".join(text.split())


def test_intake_form_json_gives_one_record_per_submission_with_identity_apart(good):
    reading = readers.read(good["forms.json"])
    assert [r.language for r in reading.records] == ["ru", "en"]
    first = reading.records[0]
    assert first.source_type == "intake_form" and first.received == "2020-09-01"
    assert first.identity == {k: v for k, v in tf.IDENTITY.items()}
    assert first.consent == {"share_with_prosecutors": True, "publish_anonymised": False}
    assert (first.event_place, first.event_start, first.event_end) == ("Минск", "2020-08-11", "2020-08-12")
    assert reading.records[0].testimony_id != reading.records[1].testimony_id


def test_intake_form_csv_has_the_same_schema_as_json(good):
    record = only(readers.read(good["forms.csv"]))
    assert record.identity["phone"] == tf.IDENTITY["phone"] and record.consent["share_with_prosecutors"] is True
    assert record.text.endswith("Ещё одна подача.") and record.event_start == "2020-08-11"


def test_telegram_export_keeps_only_the_persons_messages(good):
    record = only(readers.read(good["result.json"]))
    assert record.source_type == "telegram" and record.received == "2020-09-03"
    assert "Расскажите" not in record.text            # the bot's question is not testimony
    assert "Майор Ломейко из ОМОНа ударил меня" in record.text  # text pieces joined across formatting
    assert record.identity == {"name": "Tomas Verbel", "telegram": "user5550101", "phone": "+375 33 777 00 11"}


def test_telegram_full_account_export(tmp_path):
    chat = json.loads(tf.telegram_export(["Майор Ломейко ударил меня дубинкой 12 августа 2020 года."]))
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"about": "export", "chats": {"list": [chat, {"id": 1, "messages": []}]}}))
    assert "Ломейко" in only(readers.read(path)).text


def test_a_broken_submission_is_refused_and_the_others_kept(tmp_path):
    path = tmp_path / "forms.json"
    path.write_bytes(tf.intake_json([tf.form_submission(), {"text": ""}, "not an object"]))
    reading = readers.read(path)
    assert len(reading.records) == 1
    assert reading.rejected == [(f"{path}#2", "submission without text"),
                                (f"{path}#3", "the submission is not an object")]


BROKEN = {
    "empty.txt": (b"", "empty file"),
    "blank.md": (b"  \n\t\n", "no text"),
    "garbage.txt": (bytes(range(256)) * 40, "binary"),
    "nul.txt": ("Ломейко\x00\x00\x00 ".encode() * 50, "binary content"),
    "truncated.docx": (tf.docx_bytes(["Ломейко"])[:900], "not a readable .docx"),
    "notzip.docx": (b"PK\x03\x04 this is not a zip", "not a readable .docx"),
    "bomb.docx": (None, "zip bomb"),
    "truncated.pdf": (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "not a readable PDF"),
    "scan.pdf": (None, "no text layer"),
    "broken.json": (b'{"submissions": [', "invalid JSON"),
    "other.json": (b'{"hello": 1}', "holds the testimony (form map 'generic'); its fields: hello"),
    "notext.csv": ("name;phone\nX;1\n".encode(), "holds the testimony (form map 'generic'); its fields: name, phone"),
    "scalar.json": (b'"just a string"', "neither a form export"),
    "image.png": (b"\x89PNG\r\n\x1a\n", "not a readable image"),
    "image.gif": (b"GIF89a", "unsupported file type .gif"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_files_are_refused_with_a_reason(tmp_path, name):
    data, reason = BROKEN[name]
    if name == "bomb.docx":
        data = tf.zip_bomb_docx()
    if name == "scan.pdf":
        data = tf.pdf_bytes([""])
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReaderError, match=re.escape(reason)):
        readers.read(path)


def test_oversized_and_missing_files(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Lomeiko " * 1000)
    with pytest.raises(ReaderError, match=r"too large: 8,000 bytes \(limit 4,000"):
        readers.read(path, max_bytes=4000)
    with pytest.raises(ReaderError, match="cannot open"):
        readers.read(tmp_path / "missing.txt")


# -- property-based: whatever the bytes, a reader reads them or refuses them with a reason ---------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

VALID = {".docx": tf.docx_bytes([tf.RU_TEXT]), ".json": tf.intake_json([tf.form_submission()]),
         ".csv": tf.intake_csv([tf.form_submission()]), ".txt": tf.RU_TEXT.encode("cp1251"),
         ".pdf": tf.pdf_bytes([tf.EN_TEXT])}


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(suffix=st.sampled_from(sorted(VALID)), cut=st.floats(0, 1), noise=st.binary(max_size=256))
def test_truncated_or_noisy_files_never_crash_a_reader(tmp_path_factory, suffix, cut, noise):
    data = VALID[suffix]
    path = tmp_path_factory.mktemp("fuzz") / f"file{suffix}"
    path.write_bytes(data[:int(len(data) * cut)] + noise)
    try:
        readers.read(path)
    except ReaderError:
        pass


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                                       max_size=3), max_leaves=10),
       wrapper=st.sampled_from(["submissions", "messages", "chats", None]))
def test_json_of_any_shape_is_read_or_refused(tmp_path_factory, value, wrapper):
    document = value if wrapper is None else {wrapper: {"list": value} if wrapper == "chats" else value}
    path = tmp_path_factory.mktemp("fuzz") / "file.json"
    path.write_text(json.dumps(document))
    try:
        readers.read(path)
    except ReaderError:
        pass


def test_a_hostile_folder_is_walked_without_following_links_and_every_skip_has_a_reason(tmp_path):
    import os
    from ingest.pipeline import Summary, discover, read_all
    secret = tmp_path / "outside.txt"
    secret.write_text("Пароль: hunter2", encoding="utf-8")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text("Капитан Тарасюк ударил меня.", encoding="utf-8")
    (folder / "link.txt").symlink_to(secret)                      # out of the folder
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "broken.txt").symlink_to(tmp_path / "nothing")
    os.mkfifo(folder / "pipe.txt")
    (folder / ".hidden.txt").write_text("скрыто", encoding="utf-8")
    (folder / "README.md").write_text("about this folder", encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:   # not UTF-8
        handle.write("Сержант Лисин бил меня.".encode("utf-8"))
    summary = Summary()
    files = discover([folder], summary)
    records = read_all(files, summary, max_bytes=10_000)
    assert sorted(r.text for r in records) == ["Капитан Тарасюк ударил меня.", "Сержант Лисин бил меня."]
    assert any(r.origin.endswith("caf\\xe9.txt") for r in records)      # shown escaped, never a crash
    reasons = {os.path.basename(origin): reason for origin, reason in summary.quarantined}
    assert set(reasons) == {"link.txt", "passwd.txt", "loop", "broken.txt", "pipe.txt"}
    assert all("symbolic link" in reasons[name] for name in ("link.txt", "passwd.txt", "loop", "broken.txt"))
    assert "FIFO" in reasons["pipe.txt"]
    assert {os.path.basename(origin) for origin, _ in summary.skipped} == {".hidden.txt", "README.md"}
    assert not any("hunter2" in r.text or "root:" in r.text for r in records)


@pytest.mark.parametrize("consent, withheld", [
    ({"share_with_prosecutors": True, "publish_anonymised": False}, None),
    (True, None),
    ("да", None),
    (False, "withheld"),
    ({"use": False, "share_with_prosecutors": True}, "withheld (use)"),
    ({"share_with_prosecutors": False, "publish_anonymised": False}, "none of the consents"),
    ({}, "answer is empty"),
    (None, "answer is empty"),
])
def test_consent_withheld_or_missing_where_the_form_asks_is_no_consent(tmp_path, consent, withheld):
    path = tmp_path / "forms.json"
    path.write_bytes(tf.intake_json([{**tf.form_submission(), "consent": consent}]))
    record, = readers.read(path).records
    assert (record.no_consent is None) if withheld is None else (withheld in record.no_consent)


def test_a_form_that_does_not_ask_for_consent_says_nothing_and_csv_reads_alike(tmp_path):
    submission = tf.form_submission()
    del submission["consent"]
    (tmp_path / "forms.json").write_bytes(tf.intake_json([submission]))
    assert readers.read(tmp_path / "forms.json").records[0].no_consent is None
    (tmp_path / "asked.csv").write_text("text,consent_share_with_prosecutors,consent_publish_anonymised\n"
                                        "Капитан Тарасюк ударил меня.,,\nСержант Лисин бил меня.,yes,no\n"
                                        "Майор Орлов бил меня.,no,no\n", encoding="utf-8")
    empty, given, refused = readers.read(tmp_path / "asked.csv").records
    assert "answer is empty" in empty.no_consent and given.no_consent is None
    assert given.consent == {"share_with_prosecutors": True, "publish_anonymised": False}
    assert "none of the consents" in refused.no_consent


def test_a_pdf_with_only_an_owner_password_is_read_and_one_that_needs_a_password_is_refused(tmp_path):
    import io as io_module

    import pypdf
    for name, user_password in (("owner-only.pdf", ""), ("locked.pdf", "secret")):
        writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io_module.BytesIO(tf.pdf_bytes([tf.BE_TEXT]))))
        writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-128")
        out = io_module.BytesIO()
        writer.write(out)
        (tmp_path / name).write_bytes(out.getvalue())
    (tmp_path / "plain.pdf").write_bytes(tf.pdf_bytes([tf.BE_TEXT]))
    plain = readers.read(tmp_path / "plain.pdf").records[0].text
    assert plain and readers.read(tmp_path / "owner-only.pdf").records[0].text == plain
    with pytest.raises(ReaderError, match="password to open it"):
        readers.read(tmp_path / "locked.pdf")


def test_exports_of_other_form_tools_are_read_through_field_maps(tmp_path):
    import json as json_module
    answers = [{"question": "Ваше имя и фамилия", "answer": "Ядвига Лапицкая"},
               {"question": "Ваш телефон", "answer": "+375 29 155-01-01"},
               {"question": "Когда это произошло?", "answer": "10.08.2020"},
               {"question": "Опишите, что произошло", "answer": "Капитан Тарасюк ударил меня дубинкой."},
               {"question": "Имя сотрудника, если знаете", "answer": "Тарасюк"},
               {"question": "Согласие на использование", "answer": "да"}]
    (tmp_path / "qa.json").write_text(json_module.dumps({"responses": [{"answers": answers}]}, ensure_ascii=False),
                                      encoding="utf-8")
    record, = readers.read(tmp_path / "qa.json").records
    assert record.text == "Капитан Тарасюк ударил меня дубинкой.\n\nИмя сотрудника, если знаете: Тарасюк"
    assert record.identity == {"name": "Ядвига Лапицкая", "phone": "+375 29 155-01-01"}
    assert record.event_start == "2020-08-10" and record.no_consent is None
    (tmp_path / "responses.csv").write_text(
        "Отметка времени,Ваше имя,Что с вами произошло?,Согласие на использование данных\n"
        "9/1/2020 12:00:00,Анна Смирнова,Меня задержали сотрудники ОМОНа.,Да\n"
        "9/2/2020 12:00:00,Ольга К,Сержант Лисин бил меня.,Нет\n", encoding="utf-8")
    given, refused = readers.read(tmp_path / "responses.csv").records
    assert (given.text, given.identity, given.received) == ("Меня задержали сотрудники ОМОНа.",
                                                            {"name": "Анна Смирнова"}, "2020-09-01")
    assert refused.no_consent.startswith("no consent")
    (tmp_path / "kobo.json").write_text(json_module.dumps([{
        "_uuid": "6a1f", "_submission_time": "2020-09-03T10:00:00", "group_a/full_name": "Пётр Сидоров",
        "group_a/what_happened": "Меня избили в РУВД."}], ensure_ascii=False), encoding="utf-8")
    kobo, = readers.read(tmp_path / "kobo.json").records
    assert (kobo.text, kobo.identity, kobo.received) == ("Меня избили в РУВД.", {"name": "Пётр Сидоров"},
                                                         "2020-09-03")
    (tmp_path / "bot.json").write_text(json_module.dumps({"messages": [
        {"from": "bot", "text": "Расскажите, что произошло"}, {"from": "user", "text": "Меня били в ЦИП."},
        {"from": "bot", "text": "Ваше имя?"}, {"from": "user", "text": "Катя"}]}, ensure_ascii=False),
        encoding="utf-8")
    bot, = readers.read(tmp_path / "bot.json").records
    assert (bot.text, bot.identity) == ("Меня били в ЦИП.", {"name": "Катя"})


def test_a_form_map_of_ones_own_is_validated_and_tried_first(tmp_path):
    from ingest import form_maps
    (tmp_path / "bad.json").write_text('{"name": "x", "fields": {"victim": ["who"]}}', encoding="utf-8")
    with pytest.raises(form_maps.FormMapError, match="unknown field 'victim'"):
        form_maps.load_file(tmp_path / "bad.json")
    (tmp_path / "hotline.json").write_text('{"name": "hotline", "detect": ["call_id"], "fields": '
                                           '{"text": ["transcript"], "person.phone": ["caller number"]}}',
                                           encoding="utf-8")
    hotline = form_maps.load_file(tmp_path / "hotline.json")
    item, _ = form_maps.to_schema([("call_id", "7"), ("Caller number", "+375 29 000-00-00"),
                                   ("Transcript", "Нас били в автозаке.")], hotline)
    assert item["text"] == "call_id: 7\n\nНас били в автозаке." and item["person"] == {"phone": "+375 29 000-00-00"}
    assert hotline.detects({"call_id"}) and form_maps.builtin()[-1].name == "generic"


def test_docx_footnotes_comments_headers_and_text_boxes_are_read(tmp_path):
    import io as io_module
    import zipfile as zipfile_module
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    note = (f'<w:footnotes {w}><w:footnote w:id="1"><w:p><w:r><w:t>Его звали майор Тарасюк, ОМОН.</w:t></w:r></w:p>'
            '</w:footnote></w:footnotes>')
    comment = f'<w:comments {w}><w:comment w:id="0"><w:p><w:r><w:t>Сержант Лисин тоже бил.</w:t></w:r></w:p></w:comment></w:comments>'
    source = zipfile_module.ZipFile(io_module.BytesIO(tf.docx_bytes(["Меня избили в автозаке."])))
    out = io_module.BytesIO()
    with zipfile_module.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":  # a text box inside the body's first run
                data = data.replace(b"</w:body>", b'<w:p><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>'
                                    + "Капитан Орлов приказал".encode() + b"</w:t></w:r></w:p></w:txbxContent>"
                                    b"</w:pict></w:r></w:p></w:body>")
            target.writestr(item, data)
        target.writestr("word/footnotes.xml", note)
        target.writestr("word/comments.xml", comment)
    (tmp_path / "notes.docx").write_bytes(out.getvalue())
    text = readers.read(tmp_path / "notes.docx").records[0].text
    for line in ("Меня избили в автозаке.", "Капитан Орлов приказал", "Его звали майор Тарасюк, ОМОН.",
                 "Сержант Лисин тоже бил."):
        assert line in text


def test_a_telegram_chat_gives_one_testimony_per_person_and_a_malformed_message_loses_nothing_else(tmp_path):
    import json as json_module
    messages = [{"id": 1, "type": "message", "date": "2020-09-03T10:00:00", "from": "Help Bot", "from_id": "user999",
                 "text": "Расскажите, что произошло"}]
    for k, (name, text) in enumerate((("Анна", "Меня били в автозаке."), ("Борис", "Капитан Орлов ударил меня."),
                                      ("Вера", "Нас держали на коленях в РУВД.")), 2):
        messages.append({"id": k, "type": "message", "date": f"2020-09-0{k}T11:00:00", "from": name,
                         "from_id": f"user{k}", "text": text})
    messages += [{"id": 8, "type": "message", "from": "Анна", "text": "нет автора"}, "not a message",
                 {"id": 9, "type": "message", "from": "Борис", "from_id": "user3", "text": 42}]
    (tmp_path / "result.json").write_text(json_module.dumps(
        {"name": "Feedback", "type": "private_supergroup", "id": 999, "messages": messages}, ensure_ascii=False),
        encoding="utf-8")
    reading = readers.read(tmp_path / "result.json")
    assert sorted((r.identity["name"], r.text) for r in reading.records) == [
        ("Анна", "Меня били в автозаке."), ("Борис", "Капитан Орлов ударил меня."), ("Вера", "Нас держали на коленях в РУВД.")]
    assert len({r.testimony_id for r in reading.records}) == 3
    assert [reason for _, reason in reading.rejected] == ["a message without its author (from_id)",
                                                          "a message that is not an object",
                                                          "a message whose text is neither text nor pieces"]
