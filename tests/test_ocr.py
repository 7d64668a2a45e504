"""OCR of scans and photos: fictional testimonies rendered to images here, read back through the readers (and,
for a scanned PDF and a Word document holding a page image, ingested end to end into the real Neo4j).

Every person is fictional; units are real public institutions used as settings.
"""
from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from rapidfuzz.distance import Levenshtein

from ingest import ocr, pipeline, readers
from ingest.readers import ReaderError
from tests.test_ingest_pipeline import every_property_value

pytestmark = pytest.mark.skipif(not ocr.available(), reason="tesseract is installed by `make setup`")

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
PAGES = {
    "ru": ["12 августа 2020 года меня задержали сотрудники ОМОНа",
           "у станции метро Пушкинская. В автозаке капитан Лапицкий",
           "бил меня дубинкой по ногам, потом нас отвезли в Ленинское",
           "РУВД, где положили лицом в пол и держали до утра."],
    "be": ["Мяне затрымалі 11 жніўня каля Стэлы. У аўтазаку",
           "супрацоўнікі АМАПа білі нас дубінкамі, а маёр Кавалёнак",
           "крычаў, каб мы ляжалі моўчкі. Потым нас прывезлі на",
           "Акрэсціна, дзе мы стаялі каля сцяны ўсю ноч."],
    "en": ["On 10 August 2020 I was detained near the Riga shopping",
           "centre by riot police. In the van Lieutenant Darin Holt",
           "hit me with a baton. At the Frunzensky district police",
           "department we were made to kneel facing the wall."],
}


def page(lines: list[str], size: int = 34) -> Image.Image:
    font = ImageFont.truetype(FONT, size)
    image = Image.new("L", (1700, 2200), 255)
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(lines):
        draw.text((120, 200 + number * int(size * 1.8)), line, font=font, fill=0)
    return image


def png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def cer(expected: str, found: str) -> float:
    """Character error rate over the words (line breaks and spacing aside)."""
    want, got = " ".join(expected.split()), " ".join(found.split())
    return Levenshtein.distance(want, got) / len(want)


@pytest.mark.parametrize("lang", ["ru", "be", "en"])
@pytest.mark.parametrize("damage", ["clean", "turned", "skewed", "pale", "blurred"])
def test_a_photographed_page_reads_back_with_few_character_errors(lang, damage, tmp_path, capsys):
    image = page(PAGES[lang])
    image = {"clean": image, "turned": image.rotate(90, expand=True, fillcolor=255),
             "skewed": image.rotate(3, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC),
             "pale": image.point(lambda v: 150 + v * 100 // 255),
             "blurred": image.filter(ImageFilter.GaussianBlur(1.2))}[damage]
    path = tmp_path / f"scan-{lang}.png"
    path.write_bytes(png(image))
    reading = readers.read(path)
    record, = reading.records
    rate = cer("\n".join(PAGES[lang]), record.text)
    with capsys.disabled():
        print(f"\nOCR {lang} {damage}: CER {rate:.3f}, confidence {record.ocr['confidence']:.2f}")
    assert rate < 0.05, record.text
    assert record.ocr["pages"] == 1 and record.ocr["confidence"] > 0.8 and reading.rejected == []


def test_a_multi_page_tiff_keeps_its_pages_in_order(tmp_path):
    first, second = page(PAGES["ru"][:2]), page(PAGES["ru"][2:])
    out = io.BytesIO()
    first.save(out, format="TIFF", save_all=True, append_images=[second])
    (tmp_path / "scan.tiff").write_bytes(out.getvalue())
    record, = readers.read(tmp_path / "scan.tiff").records
    assert record.ocr["pages"] == 2
    assert record.text.index("Пушкинская") < record.text.index("Ленинское")


def test_a_page_read_with_low_confidence_is_set_aside_for_review(tmp_path, monkeypatch):
    monkeypatch.setenv("PKG_OCR_MIN_CONFIDENCE", "0.999")
    (tmp_path / "scan.png").write_bytes(png(page(PAGES["en"]).filter(ImageFilter.GaussianBlur(1.5))))
    reading = readers.read(tmp_path / "scan.png")
    assert reading.records == []
    (origin, reason), = reading.rejected
    assert origin.endswith("scan.png#page1") and "below 100%" in reason and "review" in reason


def test_huge_or_broken_images_and_too_many_pages_are_refused_with_the_reason(tmp_path, monkeypatch):
    monkeypatch.setenv("PKG_OCR_MAX_PIXELS", "1000000")
    (tmp_path / "huge.png").write_bytes(png(Image.new("L", (3000, 3000), 255)))
    with pytest.raises(ReaderError, match="too large to read"):
        readers.read(tmp_path / "huge.png")
    (tmp_path / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    with pytest.raises(ReaderError, match="not a readable image"):
        readers.read(tmp_path / "broken.jpg")
    monkeypatch.setenv("PKG_OCR_MAX_PIXELS", "40000000")
    monkeypatch.setenv("PKG_OCR_MAX_PAGES", "1")
    out = io.BytesIO()
    page(["one"]).save(out, format="TIFF", save_all=True, append_images=[page(["two"])])
    (tmp_path / "two.tiff").write_bytes(out.getvalue())
    with pytest.raises(ReaderError, match="more than 1 pages"):
        readers.read(tmp_path / "two.tiff")


def test_ocr_is_bounded_in_time(monkeypatch):
    with pytest.raises(ocr.OcrError, match="longer than"):
        ocr.read_images([page(PAGES["ru"])], ocr.Settings(seconds=0.01))


def scanned_pdf(lines: list[str]) -> bytes:
    out = io.BytesIO()
    page(lines).convert("RGB").save(out, format="PDF", resolution=200)
    return out.getvalue()


def docx_with_page_image(lines: list[str], tmp_path) -> bytes:
    import docx

    picture = tmp_path / "page.png"
    picture.write_bytes(png(page(lines)))
    document = docx.Document()
    document.add_picture(str(picture))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_scanned_pdf_and_a_word_document_holding_a_page_image_are_read(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(scanned_pdf(PAGES["ru"]))
    record, = readers.read(tmp_path / "scan.pdf").records
    assert cer("\n".join(PAGES["ru"]), record.text) < 0.05 and record.ocr["pages"] == 1
    (tmp_path / "scan.docx").write_bytes(docx_with_page_image(PAGES["be"], tmp_path))
    record, = readers.read(tmp_path / "scan.docx").records
    assert cer("\n".join(PAGES["be"]), record.text) < 0.05 and record.ocr is not None


STATEMENT = ["Меня зовут Аркадий Вересов. 12 августа 2020 года",
             "у станции метро Пушкинская меня задержали.",
             "В автозаке капитан ОМОНа Лапицкий бил меня",
             "дубинкой по ногам и по спине."]


@pytest.mark.neo4j
def test_scans_are_ingested_end_to_end_marked_as_ocr_and_pseudonymised(db, tmp_path):
    from access.vault import Vault

    driver, database = db
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "statement.pdf").write_bytes(scanned_pdf(STATEMENT))
    (folder / "statement-copy.docx").write_bytes(docx_with_page_image(STATEMENT[1:], tmp_path))
    vault = Vault(tmp_path / "vault")
    summary = pipeline.run([folder], driver, database=database, vault=vault, workers=2)
    assert summary.new == 2 and summary.quarantined == []
    rows, _, _ = driver.execute_query(
        "MATCH (t:Testimony) RETURN t.id AS id, t.ocr_confidence AS confidence, t.ocr_pages AS pages",
        database_=database)
    assert len(rows) == 2 and all(r["pages"] == 1 and 0.8 < r["confidence"] <= 1 for r in rows)
    claims, _, _ = driver.execute_query(
        "MATCH (c:Claim {predicate: 'PERPETRATED'}) RETURN c.ocr AS ocr, c.confidence AS confidence",
        database_=database)
    assert claims and all(c["ocr"] is True and c["confidence"] < 0.85 for c in claims)
    perpetrators, _, _ = driver.execute_query(
        "MATCH (p:Person)-[:PERPETRATED]->(:Incident) RETURN collect(DISTINCT p.name) AS names", database_=database)
    assert any("Лапицк" in name for name in perpetrators[0]["names"])
    values = every_property_value(driver, database)
    assert not [v for v in values if "Вересов" in v or "Аркадий" in v]  # the victim stays out of the graph
    original = vault.load(rows[0]["id"])  # the scan itself is sealed in the vault
    assert original["content_base64"]



def test_a_heic_phone_photo_is_read():
    import pillow_heif

    pillow_heif.register_heif_opener()
    out = io.BytesIO()
    page(PAGES["ru"]).convert("RGB").save(out, format="HEIF", quality=90)
    reading = readers.read_image(out.getvalue(), "photo.heic")
    record, = reading.records
    assert cer("\n".join(PAGES["ru"]), record.text) < 0.05


def test_a_pdf_of_typed_and_scanned_pages_keeps_each_page_in_its_place(tmp_path):
    import pypdf

    from tests import testimony_files as tf

    writer = pypdf.PdfWriter()
    for part in (tf.pdf_bytes(["Первая страница набрана на компьютере."]), scanned_pdf(PAGES["ru"]),
                 tf.pdf_bytes(["Последняя страница тоже набрана."])):
        writer.append(pypdf.PdfReader(io.BytesIO(part)))
    out = io.BytesIO()
    writer.write(out)
    (tmp_path / "mixed.pdf").write_bytes(out.getvalue())
    record, = readers.read(tmp_path / "mixed.pdf").records
    assert record.ocr["pages"] == 1
    assert record.text.index("Первая") < record.text.index("Пушкинская") < record.text.index("Последняя")
