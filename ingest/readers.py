"""Readers: one function per way a testimony arrives, each returning ``Record``s.

    .txt .md        plain text; UTF-8, or a legacy Cyrillic encoding (cp1251, KOI8-R, ...) detected
    .docx           Word documents (paragraphs and tables); a document that is only a scanned page: OCR
    .pdf            PDFs; a page without a text layer (a scan) is read by OCR (ingest/ocr.py)
    .jpg .png .tif  photos and scans of pages (.heic too): OCR; a TIFF's pages in order
    .json .csv      intake-form exports (schema in ingest/README.md); one record per submission
    result.json     a Telegram Desktop chat export: one record per chat, the person's own messages

A file that cannot be read raises ``ReaderError`` with a reason a person can act on; the
pipeline quarantines it and goes on with the rest of the batch.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer

from ingest import form_maps

MAX_FILE_BYTES = 20 * 1024 * 1024          # a testimony is never this large; larger files are set aside
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024     # a .docx that inflates beyond this is a zip bomb
LEGACY_ENCODINGS = ["utf_8", "cp1251", "koi8_r", "koi8_u", "cp866", "mac_cyrillic", "iso8859_5", "utf_16"]
IDENTITY_FIELDS = ("name", "phone", "email", "telegram", "address", "birth_date", "document")
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".heic", ".heif")
SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".json", ".csv", *IMAGE_SUFFIXES)
MAY_NEED_OCR = (".pdf", ".docx", *IMAGE_SUFFIXES)   # read in worker processes: OCR takes seconds a page


class ReaderError(ValueError):
    """The file cannot be read as a testimony; the message says why."""


@dataclass
class Record:
    """One testimony as read, before pseudonymisation. ``identity`` holds the person's identifying data
    (never written to the graph); ``content`` is what the testimony id (SHA-256) is computed from."""
    origin: str                      # file path, plus "#n" for the n-th record of a multi-record file
    text: str
    source_type: str                 # document | intake_form | telegram
    content: bytes
    language: str | None = None
    received: str | None = None
    identity: dict = field(default_factory=dict)
    consent: dict = field(default_factory=dict)
    no_consent: str | None = None    # why the person's consent to use the testimony is not given (form only)
    event_place: str | None = None
    event_start: str | None = None
    event_end: str | None = None
    ocr: dict | None = None          # text read by OCR: {"pages", "confidence" (0-1), "low_pages"}

    @property
    def testimony_id(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    @property
    def text_id(self) -> str:
        """The SHA-256 of the text in a normal dress (Unicode NFC, one kind of line ending, single spaces),
        with the identity of who gave it: the same testimony re-saved in another encoding, with other line
        endings or in NFD has the same; one template text submitted by two people has two."""
        who = sorted((k, normal_text(str(v))) for k, v in self.identity.items())
        return hashlib.sha256(json.dumps([normal_text(self.text), who], ensure_ascii=False).encode("utf-8")).hexdigest()


def normal_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(" ".join(line.split()) for line in text.strip().split("\n"))


@dataclass
class Reading:
    """What one file gave: its records, and the records inside it that were refused (origin, reason)."""
    records: list[Record]
    rejected: list[tuple[str, str]] = field(default_factory=list)


def display_path(path: Path | str) -> str:
    """A path as text, whatever bytes its name holds: a name that is not UTF-8 shows its bytes escaped
    ("caf\\xe9.txt") instead of stopping the run when it is printed or stored."""
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def read(path: Path, max_bytes: int = MAX_FILE_BYTES) -> Reading:
    """Read one file; raises ReaderError with the reason when nothing in it can be read. A multi-record
    file (intake forms) with some broken submissions keeps the good ones and lists the broken ones."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ReaderError(f"cannot open: {error.strerror or error}") from error
    if size == 0:
        raise ReaderError("empty file")
    if size > max_bytes:
        raise ReaderError(f"too large: {size:,} bytes (limit {max_bytes:,}; PKG_INGEST_MAX_BYTES)")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReaderError(f"unsupported file type {suffix or '(none)'} (supported: {', '.join(SUPPORTED_SUFFIXES)})")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReaderError(f"cannot read: {error.strerror or error}") from error
    reader = {".txt": read_text, ".md": read_text, ".docx": read_docx, ".pdf": read_pdf,
              ".json": read_json, ".csv": read_csv, **{s: read_image for s in IMAGE_SUFFIXES}}[suffix]
    try:
        reading = reader(data, display_path(path))
    except ReaderError:
        raise
    except (TypeError, AttributeError, KeyError, IndexError, ValueError, csv.Error, RecursionError) as error:
        # a structure the format allows but a testimony export never has (found by bench/fault_campaign)
        raise ReaderError(f"malformed {suffix} content ({type(error).__name__}: {error})") from error
    if not reading.records and not reading.rejected:
        raise ReaderError("no testimony text found")
    return reading


# -- plain text -------------------------------------------------------------------------------------
def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) first; otherwise the most plausible Cyrillic legacy encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
        if best is None:
            raise ReaderError("not text in UTF-8 or a known Cyrillic encoding (binary file?)") from None
        text = str(best)
    _check_is_text(text)
    return text


def _check_is_text(text: str) -> None:
    if not text.strip():
        raise ReaderError("no text (only whitespace)")
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if "\x00" in text or controls > max(5, len(text[:20000]) // 100):
        raise ReaderError("binary content, not text")


def read_text(data: bytes, origin: str) -> Reading:
    return Reading([Record(origin, decode_text(data), "document", data)])


# -- Word -------------------------------------------------------------------------------------------
def read_docx(data: bytes, origin: str) -> Reading:
    import docx  # python-docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED_BYTES:
                raise ReaderError(f"compressed content inflates beyond {MAX_UNZIPPED_BYTES:,} bytes (zip bomb?)")
        document = docx.Document(io.BytesIO(data))
    except ReaderError:
        raise
    except Exception as error:  # python-docx raises many types on broken files
        raise ReaderError(f"not a readable .docx ({type(error).__name__}: {error})") from error
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    extra = _docx_notes(data)
    text = "\n".join(parts).strip("\n") + ("\n\n" + "\n".join(extra) if extra else "")
    if not text.strip():
        pictures = _docx_pictures(data)
        if not pictures:
            raise ReaderError("the document has no text")
        return _ocr_reading(origin, data, [lambda b=b: _open_image(b) for b in pictures])
    return Reading([Record(origin, text, "document", data)])


def _docx_pictures(data: bytes) -> list[bytes]:
    """The images a Word document holds (word/media), in name order: a scanned page pasted into a document."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = sorted(n for n in archive.namelist() if n.startswith("word/media/") and
                       n.lower().endswith((".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif")))
        return [archive.read(n) for n in names]


DOCX_NOTE_PARTS = ("word/footnotes.xml", "word/endnotes.xml", "word/comments.xml")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_notes(data: bytes) -> list[str]:
    """What python-docx's paragraphs leave out: text boxes in the body, headers and footers, footnotes,
    endnotes and comments (an official named in a footnote is as named as in the text). Each part is
    parsed with python-docx's own parser (no entities, no network)."""
    from docx.oxml import parse_xml

    out: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        parts = [("word/document.xml", True)] + [(n, False) for n in sorted(names) if
                                                  re.match(r"word/(header|footer)\d*\.xml$", n)] + \
            [(n, False) for n in DOCX_NOTE_PARTS if n in names]
        for name, boxes_only in parts:
            if name not in names:
                continue
            root = parse_xml(archive.read(name))
            scopes = root.iter(f"{_W}txbxContent") if boxes_only else [root]
            for scope in scopes:
                for paragraph in scope.iter(f"{_W}p"):
                    line = "".join(t.text or "" for t in paragraph.iter(f"{_W}t")).strip()
                    if line and line not in out:
                        out.append(line)
    return out


# -- PDF --------------------------------------------------------------------------------------------
def read_pdf(data: bytes, origin: str) -> Reading:
    import logging

    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # broken files are reported as ReaderError, not logs
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):  # only an owner password: opens with the empty one
            raise ReaderError("the PDF is encrypted with a password to open it")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReaderError:
        raise
    except Exception as error:  # pypdf raises many types on broken files
        raise ReaderError(f"not a readable PDF ({type(error).__name__}: {error})") from error
    scans = [i for i, p in enumerate(pages) if not p.strip() and _page_images(reader.pages[i])]
    if not scans:
        text = "\n\n".join(p.strip("\n") for p in pages).strip()
        if not text:
            raise ReaderError("the PDF has no text layer and no page images")
        return Reading([Record(origin, text, "document", data)])
    typed = {i: p for i, p in enumerate(pages) if i not in scans}  # typed pages keep their place
    return _ocr_reading(origin, data, [lambda i=i: _largest_image(reader.pages[i]) for i in scans], typed)


def _page_images(page) -> list:
    try:
        return list(page.images)
    except Exception:  # pypdf raises many types on broken image streams
        return []


def _largest_image(page):
    images = [image.image for image in _page_images(page) if getattr(image, "image", None) is not None]
    if not images:
        raise ReaderError("a scanned page's image cannot be decoded")
    return max(images, key=lambda im: im.size[0] * im.size[1])


# -- images (OCR) -----------------------------------------------------------------------------------
def read_image(data: bytes, origin: str) -> Reading:
    image = _open_image(data)
    frames = getattr(image, "n_frames", 1)

    def frame(n: int):
        image.seek(n)
        return image.copy()

    return _ocr_reading(origin, data, [lambda n=n: frame(n) for n in range(frames)])


def _open_image(data: bytes):
    """A PIL image, refusing a decompression bomb (an image larger than OCR reads) with the reason."""
    import warnings

    from PIL import Image, UnidentifiedImageError

    from ingest import ocr

    _register_heif()
    Image.MAX_IMAGE_PIXELS = ocr.Settings.from_env().max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ReaderError(f"the image is too large to read ({error}; PKG_OCR_MAX_PIXELS)") from error
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise ReaderError(f"not a readable image ({type(error).__name__}: {error})") from error
    return image


def _register_heif() -> None:
    try:
        import pillow_heif
    except ImportError:  # HEIC photos are then refused as unreadable images
        return
    pillow_heif.register_heif_opener()


def _ocr_reading(origin: str, data: bytes, pages: list, typed: dict[int, str] | None = None) -> Reading:
    """One record from OCR of the pages (``typed``: page index -> text of the pages that have a text layer,
    kept in their place). A page read below the confidence setting is set aside for review (listed as
    rejected with its number and confidence), never sent to the graph."""
    from ingest import ocr

    settings = ocr.Settings.from_env()
    try:
        result = ocr.read_images(pages, settings)
    except ocr.OcrError as error:
        raise ReaderError(str(error)) from error
    rejected = [(f"{origin}#page{page.number}", f"OCR confidence {page.confidence:.0%} is below "
                 f"{settings.min_confidence:.0%} (PKG_OCR_MIN_CONFIDENCE): set aside for review")
                for page in result.low]
    if not result.text.strip():
        if rejected:
            return Reading([], rejected)
        raise ReaderError("OCR found no text in the image")
    kept = {page.number: page.text for page in result.pages}  # a page set aside for review adds no text
    read = iter(kept.get(number, "") for number in range(1, len(pages) + 1))
    typed = typed or {}
    texts = [typed[i] if i in typed else next(read) for i in range(len(typed) + len(pages))]
    text = "\n\n".join(t.strip("\n") for t in texts if t.strip())
    return Reading([Record(origin, text, "document", data, ocr=result.summary())], rejected)


# -- intake forms -----------------------------------------------------------------------------------
def read_json(data: bytes, origin: str) -> Reading:
    try:
        document = json.loads(decode_text(data))
    except json.JSONDecodeError as error:
        raise ReaderError(f"invalid JSON: {error}") from error
    if isinstance(document, dict) and isinstance(document.get("messages"), list) and (
            "type" in document or any(isinstance(m, dict) and "from_id" in m for m in document["messages"])) or \
            isinstance(document, dict) and isinstance(document.get("chats"), dict):
        return read_telegram(document, origin)
    container = next((key for key in CONTAINER_KEYS if isinstance(document, dict)
                      and isinstance(document.get(key), list)), None)
    if container:
        submissions = document[container]
    elif isinstance(document, list) and _pairs_of(document) is None:
        submissions = document
    elif isinstance(document, (dict, list)):
        submissions = [document]  # one submission: the own schema, a flat export or question/answer pairs
    else:
        raise ReaderError("JSON is neither a form export (a list of submissions, or {'submissions': [...]}) "
                          "nor a Telegram export (result.json)")
    return _form_records(submissions, origin, _in_schema)


def read_csv(data: bytes, origin: str) -> Reading:
    text = decode_text(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.DictReader(io.StringIO(text), dialect=dialect))
    except csv.Error as error:
        raise ReaderError(f"malformed CSV: {error}") from error
    if not rows:
        raise ReaderError("CSV has no rows")
    if "text" not in rows[0].keys():  # another tool's export: its questions are the headers
        return _form_records(rows, origin, _in_schema)
    return _form_records(rows, origin, _unflatten)


def _form_records(items: list, origin: str, prepare=lambda item: item) -> Reading:
    reading = Reading([])
    for number, item in enumerate(items, 1):
        where = f"{origin}#{number}"
        try:
            reading.records.append(_form_record(prepare(item), where))
        except ReaderError as error:
            reading.rejected.append((where, str(error)))
    reasons = {reason for _, reason in reading.rejected}
    if not reading.records and len(reasons) == 1 and next(iter(reasons)).startswith("no question of this form"):
        raise ReaderError(next(iter(reasons)))  # the export's shape, not one submission, is what fails
    return reading


CONTAINER_KEYS = ("submissions", "results", "responses", "data", "value", "entries")
QUESTION_KEYS = ("question", "q", "label", "title", "field", "prompt")
ANSWER_KEYS = ("answer", "a", "value", "response", "reply")


def _in_schema(item: object) -> dict:
    """A submission in the project's schema as it is; another tool's (a flat export, question/answer pairs,
    a bot conversation) through a field map (ingest/form_maps.py)."""
    if isinstance(item, dict) and isinstance(item.get("text"), str):
        return item
    if not isinstance(item, (dict, list)):
        raise ReaderError("the submission is not an object")
    pairs = _pairs_of(item)
    if pairs is None:
        raise ReaderError("a submission of a shape no form map reads (neither the intake-form schema, nor "
                          "question/answer pairs, nor a flat record of answers)")
    form_map = form_maps.choose({q for q, _ in pairs})
    mapped, _ = form_maps.to_schema(pairs, form_map)
    if "text" not in mapped:
        fields = ", ".join(str(q) for q, _ in pairs)
        raise ReaderError(f"no question of this form holds the testimony (form map '{form_map.name}'); its "
                          f"fields: {fields[:300]} (write a map: ingest/README.md, --form-map)")
    for key in ("submitted", "events"):
        mapped[key] = _iso_dates(mapped[key]) if key == "events" else _iso_date(mapped.get(key))
    return mapped


def _pairs_of(item: object) -> list[tuple[str, object]] | None:
    """(question, answer) pairs of a foreign submission, or None when it has no such shape."""
    if isinstance(item, dict):
        nested = next((item[k] for k in ("answers", "responses", "qa", "fields", "items", "messages")
                       if isinstance(item.get(k), list)), None)
        flat = [(str(k), v) for k, v in item.items() if not isinstance(v, (dict, list))]
        if nested is not None:
            inner = _pairs_of(nested)
            return flat + inner if inner is not None else None
        return flat or None
    if isinstance(item, list) and item and all(isinstance(x, dict) for x in item):
        question = next((k for k in QUESTION_KEYS if all(k in x for x in item)), None)
        answer = next((k for k in ANSWER_KEYS + ("text",) if all(k in x for x in item) and k != question), None)
        if question and answer:
            return [(str(x[question]), x[answer]) for x in item]
        return _conversation(item)
    return None


def _conversation(messages: list[dict]) -> list[tuple[str, object]] | None:
    """A bot conversation: each of the person's messages answers the bot's message before it."""
    author = next((k for k in ("from", "role", "author", "sender") if all(k in m for m in messages)), None)
    said = next((k for k in ("text", "message", "content") if all(k in m for m in messages)), None)
    if author is None or said is None:
        return None
    bots = {m[author] for m in messages if str(m[author]).lower() in ("bot", "assistant", "system")
            or str(m[author]).lower().endswith("bot")}
    if not bots:
        return None
    pairs, asked = [], ""
    for message in messages:
        if message[author] in bots:
            asked = str(message[said])
        else:
            pairs.append((asked or "message", message[said]))
    return pairs


def _iso_date(value: object) -> str | None:
    """A date as YYYY-MM-DD whatever the tool wrote ("9/1/2020 12:00:00", "2020-09-01T10:00:00Z")."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return text[:10]
    import dateparser

    order = "MDY" if re.match(r"^\d{1,2}/\d{1,2}/\d{4}", text) else "DMY"  # 9/1/2020: a US export; 10.08.2020
    parsed = dateparser.parse(text, languages=["ru", "be", "en"], settings={"DATE_ORDER": order})
    return parsed.date().isoformat() if parsed else None


def _iso_dates(events: dict) -> dict:
    return {k: (_iso_date(v) if k in ("start", "end") else v) for k, v in events.items()}


def _unflatten(row: dict) -> dict:
    """CSV columns person_name, event_place, consent_share_with_prosecutors, ... -> nested form."""
    out: dict = {"person": {}, "events": {}, "consent": {}}
    for column, value in row.items():
        if column is None:
            raise ReaderError("a CSV row has more fields than the header")
        value = (value or "").strip()
        prefix, _, rest = column.partition("_")
        if prefix in ("person", "consent") and rest:
            out[prefix][rest] = value
        elif column == "consent":
            out["consent"]["use"] = value
        elif prefix == "event" and rest:
            out["events"][rest] = value
        else:
            out[column] = value
    if not out["consent"]:
        del out["consent"]  # the form does not ask
    elif not any(out["consent"].values()):
        out["consent"] = {}  # asked, never answered
    return out


def _form_record(item: object, origin: str) -> Record:
    if not isinstance(item, dict):
        raise ReaderError("the submission is not an object")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ReaderError("submission without text")
    person = item.get("person") or {}
    events = item.get("events") or {}
    if not isinstance(person, dict) or not isinstance(events, dict):
        raise ReaderError("'person' and 'events' must be objects")
    identity = {k: str(person[k]).strip() for k in IDENTITY_FIELDS if person.get(k)}
    consent, withheld = read_consent(item)
    content = json.dumps(item, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return Record(origin, text, "intake_form", content, language=item.get("language") or None,
                  received=item.get("submitted") or None, identity=identity,
                  consent=consent, no_consent=withheld,
                  event_place=events.get("place") or None, event_start=events.get("start") or None,
                  event_end=events.get("end") or None)


YES = {"1", "true", "yes", "y", "да", "так", "agree", "agreed", "согласен", "согласна", "згодны", "згодна"}
USE_CONSENTS = {"use", "use_testimony", "processing", "process", "documentation", "consent", "agree"}


def read_consent(item: dict) -> tuple[dict[str, bool], str | None]:
    """The consents a submission grants, and why it may not be used when it may not. A form that does not
    ask (no "consent" field) says nothing; one whose answer is "no" ("consent": false, "use": false), or
    empty where it asks, or that grants no scope at all, withholds consent."""
    if "consent" not in item:
        return {}, None
    value = item["consent"]
    if value is None or value == "" or value == {}:
        return {}, "no consent: the form asks for it and the answer is empty"
    if not isinstance(value, dict):
        granted = value is True or str(value).strip().lower() in YES
        return {"use": granted}, None if granted else "no consent: consent to use the testimony was withheld"
    consent = {str(k): v is True or str(v).strip().lower() in YES for k, v in value.items()}
    refused = sorted(k for k in consent if k.lower() in USE_CONSENTS and not consent[k])
    if refused:
        return consent, f"no consent: consent to use the testimony was withheld ({', '.join(refused)})"
    if not any(consent.values()):
        return consent, "no consent: none of the consents the form asks for was given"
    return consent, None


# -- Telegram Desktop export ------------------------------------------------------------------------
def read_telegram(document: dict, origin: str) -> Reading:
    """A Telegram Desktop export of the feedback bot: one testimony per person per chat, made of that
    person's own messages; the bot (an author named "…bot", or the exporting account itself) is the other
    party. A malformed message is listed with its reason and the others are kept."""
    chats = document["chats"].get("list", []) if isinstance(document.get("chats"), dict) else [document]
    if not isinstance(chats, list) or not all(isinstance(chat, dict) for chat in chats):
        raise ReaderError("Telegram export whose chats are not a list of objects")
    owner = (document.get("personal_information") or {}).get("user_id") \
        if isinstance(document.get("personal_information"), dict) else None
    reading = Reading([])
    for number, chat in enumerate(chats, 1):
        if not isinstance(chat.get("messages", []), list):
            reading.rejected.append((f"{origin}#{number}", "Telegram chat whose 'messages' is not a list"))
            continue
        records, rejected = _telegram_chat(chat, f"{origin}#{number}", f"user{owner}" if owner else None)
        reading.records += records
        reading.rejected += rejected
    return reading


def message_text(message: dict) -> str:
    """Telegram writes text as a string or as a list of strings and {'type', 'text'} pieces."""
    text = message.get("text", "")
    if isinstance(text, list):
        text = "".join(part if isinstance(part, str) else str(part.get("text", "")) if isinstance(part, dict)
                       else "" for part in text)
    return text if isinstance(text, str) else ""


def _is_bot(author_id: str, name: object, owner: str | None) -> bool:
    return author_id == owner or "bot" in str(name or "").lower() or author_id.lower().startswith("bot")


def _telegram_chat(chat: dict, origin: str, owner: str | None) -> tuple[list[Record], list[tuple[str, str]]]:
    by_author: dict[str, list[dict]] = {}
    rejected = []
    for number, message in enumerate(chat.get("messages", []), 1):
        if not isinstance(message, dict):
            rejected.append((f"{origin} message {number}", "a message that is not an object"))
            continue
        if message.get("type") != "message":
            continue
        author = message.get("from_id")
        if not isinstance(author, str) or not author:
            rejected.append((f"{origin} message {number}", "a message without its author (from_id)"))
            continue
        if not isinstance(message.get("text", ""), (str, list)):
            rejected.append((f"{origin} message {number}", "a message whose text is neither text nor pieces"))
            continue
        if not _is_bot(author, message.get("from"), owner):
            by_author.setdefault(author, []).append(message)
    people = sorted(by_author, key=lambda a: (a != f"user{chat.get('id')}", a))  # the chat's person first
    records = []
    for k, person_id in enumerate(people):
        record = _telegram_record(chat, by_author[person_id], person_id, origin if k == 0 else f"{origin}.{k + 1}")
        if record is not None:
            records.append(record)
    return records, rejected


def _telegram_record(chat: dict, own: list[dict], person_id: str, origin: str) -> Record | None:
    texts = [message_text(m).strip() for m in own]
    text = "\n\n".join(t for t in texts if t)
    if not text:
        return None
    identity = {"name": next((str(m.get("from")) for m in own if m.get("from")), None) or chat.get("name"),
                "telegram": person_id}
    for m in own:
        contact = m.get("contact_information") if isinstance(m.get("contact_information"), dict) else {}
        if contact.get("phone_number"):
            identity["phone"] = contact["phone_number"]
    dates = sorted(str(m.get("date", ""))[:10] for m in own if m.get("date"))
    content = json.dumps({"chat": chat.get("id"), "person": person_id, "messages": own}, ensure_ascii=False,
                         sort_keys=True).encode("utf-8")
    return Record(origin, text, "telegram", content, received=dates[-1] if dates else None,
                  identity={k: v for k, v in identity.items() if v})
