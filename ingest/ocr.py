"""OCR of scanned testimonies: Tesseract (Debian's ``tesseract-ocr`` with Russian, Belarusian and English data,
installed by ``make setup``), called through its command line, one page at a time.

A page is prepared for Tesseract first: grey, contrast stretched (a pale photocopy), scaled so that text is
large enough, turned upright when Tesseract's orientation detection is sure, and deskewed (the angle, within
a few degrees, at which the rows of ink are sharpest). What comes back is the text and the mean confidence of
its words (0-1); a page below ``min_confidence`` is kept out of the graph and listed for review by the reader.

Bounded cost: at most ``max_pages`` pages a file and ``seconds`` of OCR a file; an image larger than
``max_pixels`` is refused with the reason (a decompression bomb looks like a huge image). Settings come from
the environment (``PKG_OCR_*``, see ``Settings.from_env``).
"""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import time
from dataclasses import dataclass, field

LANGUAGES = "rus+bel+eng"
TARGET_PIXELS = 2500   # a page's longest side as Tesseract reads it (300 dpi on A4)


class OcrError(ValueError):
    """The image cannot be read by OCR; the message says why."""


@dataclass(frozen=True)
class Settings:
    languages: str = LANGUAGES
    max_pages: int = 30
    seconds: float = 300.0
    min_confidence: float = 0.60
    max_pixels: int = 40_000_000

    @classmethod
    def from_env(cls) -> "Settings":
        env = os.environ
        return cls(languages=env.get("PKG_OCR_LANGUAGES") or LANGUAGES,
                   max_pages=int(env.get("PKG_OCR_MAX_PAGES") or cls.max_pages),
                   seconds=float(env.get("PKG_OCR_SECONDS") or cls.seconds),
                   min_confidence=float(env.get("PKG_OCR_MIN_CONFIDENCE") or cls.min_confidence),
                   max_pixels=int(env.get("PKG_OCR_MAX_PIXELS") or cls.max_pixels))


@dataclass
class Page:
    number: int
    text: str
    confidence: float            # mean word confidence, 0-1
    rotated: int = 0             # degrees turned to make it upright
    skew: float = 0.0            # degrees deskewed


@dataclass
class OcrText:
    """The text of the pages that read well enough, and the pages set aside for review."""
    pages: list[Page] = field(default_factory=list)
    low: list[Page] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.pages if p.text.strip())

    @property
    def confidence(self) -> float:
        """Mean confidence of the kept pages, weighted by their length."""
        weights = [(len(p.text), p.confidence) for p in self.pages if p.text.strip()]
        total = sum(w for w, _ in weights)
        return round(sum(w * c for w, c in weights) / total, 3) if total else 0.0

    def summary(self) -> dict:
        return {"pages": len(self.pages) + len(self.low), "confidence": self.confidence,
                "low_pages": [p.number for p in self.low]}


def available() -> bool:
    return shutil.which("tesseract") is not None


def read_images(images, settings: Settings | None = None) -> OcrText:
    """OCR of page images (PIL images, or callables that return one, in page order)."""
    settings = settings or Settings.from_env()
    if not available():
        raise OcrError("OCR is not installed here (tesseract: run `make setup`)")
    began = time.monotonic()
    result = OcrText()
    for number, image in enumerate(images, 1):
        if number > settings.max_pages:
            raise OcrError(f"more than {settings.max_pages} pages to OCR (PKG_OCR_MAX_PAGES)")
        left = settings.seconds - (time.monotonic() - began)
        if left <= 0:
            raise OcrError(f"OCR took longer than {settings.seconds:g} s (PKG_OCR_SECONDS)")
        page = read_page(image() if callable(image) else image, number, settings, left)
        (result.pages if page.confidence >= settings.min_confidence or not page.text.strip() else result.low).append(page)
    result.seconds = round(time.monotonic() - began, 2)
    return result


def read_page(image, number: int, settings: Settings, seconds: float) -> Page:
    width, height = image.size
    if width * height > settings.max_pixels:
        raise OcrError(f"page {number}: an image of {width}x{height} pixels is larger than OCR reads "
                       f"({settings.max_pixels:,} pixels, PKG_OCR_MAX_PIXELS)")
    prepared = prepare(image)
    deadline = time.monotonic() + seconds
    rotated = _orientation(prepared, min(30.0, seconds))
    if rotated:
        prepared = prepared.rotate(-rotated, expand=True, fillcolor=255)
    skew = _skew(prepared)
    if skew:
        prepared = prepared.rotate(skew, expand=True, fillcolor=255, resample=_bicubic())
    left = deadline - time.monotonic()
    if left <= 0:
        raise OcrError(f"OCR took longer than {settings.seconds:g} s (PKG_OCR_SECONDS)")
    text, confidence = recognise(prepared, settings.languages, left)
    if confidence < max(settings.min_confidence, 0.9) or len(text) < 20:
        # JPEG noise around the letters can make Tesseract's layout analysis drop whole lines: read a
        # black-and-white version too (Otsu's threshold) and keep the better reading
        left = deadline - time.monotonic()
        if left > 0:
            second = recognise(binarised(prepared), settings.languages, left)
            if second[1] * len(second[0]) > confidence * len(text):
                text, confidence = second
    return Page(number, text, confidence, rotated, skew)


def binarised(image):
    """Black and white at Otsu's threshold (the grey level that best splits ink from paper)."""
    import numpy

    pixels = numpy.asarray(image)
    histogram = numpy.bincount(pixels.ravel(), minlength=256).astype("float64")
    total, levels = histogram.sum(), numpy.arange(256)
    weight = numpy.cumsum(histogram)
    mean = numpy.cumsum(histogram * levels)
    between = (mean[-1] * weight - mean * total) ** 2 / numpy.maximum(weight * (total - weight), 1e-9)
    threshold = int(numpy.argmax(between[:-1]))
    return image.point(lambda v: 255 if v > threshold else 0)


def _bicubic():
    from PIL import Image

    return Image.Resampling.BICUBIC


def prepare(image):
    """Grey, contrast stretched, and scaled so that the page is about 2,500 pixels tall (300 dpi on A4), where
    Tesseract reads typed text best. Measured on rendered pages: a JPEG-compressed page of 2,200 pixels
    read with 12 % of its characters wrong as it was and 0.5 % once scaled to 2,500; scaled to 3,300, its
    JPEG noise grew with it and Tesseract's layout analysis lost most lines."""
    from PIL import ImageOps

    grey = ImageOps.exif_transpose(image).convert("L")
    grey = ImageOps.autocontrast(grey)  # no cutoff: clipping 1 % turned a JPEG's ringing into halos nothing read
    longest = max(grey.size)
    if not 0.9 * TARGET_PIXELS <= longest <= 1.5 * TARGET_PIXELS:
        scale = TARGET_PIXELS / longest
        grey = grey.resize((max(1, round(grey.width * scale)), max(1, round(grey.height * scale))), _bicubic())
    return grey


def _png(image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _tesseract(image, args: list[str], seconds: float) -> str:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one core a page: the workers are the parallelism
    try:
        done = subprocess.run(["tesseract", "stdin", "stdout", *args], input=_png(image), capture_output=True,
                              timeout=seconds, env=env)
    except subprocess.TimeoutExpired as error:
        raise OcrError(f"OCR of a page took longer than {seconds:.0f} s (PKG_OCR_SECONDS)") from error
    except OSError as error:
        raise OcrError(f"cannot run tesseract: {error}") from error
    if done.returncode != 0:
        raise OcrError(f"tesseract failed: {done.stderr.decode('utf-8', 'replace').strip()[:200]}")
    return done.stdout.decode("utf-8", "replace")


def _orientation(image, seconds: float) -> int:
    """Degrees to turn the page clockwise to make it upright (0, 90, 180, 270), when Tesseract is sure."""
    try:
        report = _tesseract(image, ["--psm", "0", "-l", "osd"], seconds)
    except OcrError:
        return 0  # too little text to tell: read it as it is
    values = dict(line.split(":", 1) for line in report.splitlines() if ":" in line)
    try:
        rotate, confidence = int(values.get("Rotate", "0").strip()), float(values.get("Orientation confidence", "0"))
    except ValueError:
        return 0
    return rotate if rotate in (90, 180, 270) and confidence >= 2.0 else 0


def _skew(image, limit: float = 6.0, step: float = 0.5) -> float:
    """The small angle (degrees) that makes the rows of ink most distinct: the variance of the row sums of
    the inked pixels is highest when the lines of text run level."""
    import numpy

    small = image.copy()
    small.thumbnail((800, 800))
    ink = numpy.asarray(small) < 128
    if ink.mean() < 0.002:
        return 0.0
    from PIL import Image

    mask = Image.fromarray((ink * 255).astype("uint8"))
    best, best_score = 0.0, -1.0
    angle = -limit
    while angle <= limit + 1e-9:
        rows = numpy.asarray(mask.rotate(angle, expand=False)).sum(axis=1, dtype="float64")
        score = float(numpy.var(rows))
        if score > best_score * 1.0001:
            best, best_score = round(angle, 2), score
        angle += step
    return best if abs(best) >= step else 0.0


def recognise(image, languages: str, seconds: float) -> tuple[str, float]:
    """Text (lines and paragraphs as Tesseract found them) and the mean confidence of its words (0-1)."""
    tsv = _tesseract(image, ["-l", languages, "--psm", "3", "tsv"], seconds)
    lines: dict[tuple[int, int, int, int], list[str]] = {}
    confidences = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        word = (row.get("text") or "").strip()
        try:
            confidence = float(row.get("conf") or -1)
        except ValueError:
            continue
        if row.get("level") != "5" or not word or confidence < 0:
            continue
        key = (int(row["page_num"]), int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        lines.setdefault(key, []).append(word)
        confidences.append((len(word), confidence))
    paragraphs: dict[tuple[int, int, int], list[str]] = {}
    for (page, block, par, _), words in sorted(lines.items()):
        paragraphs.setdefault((page, block, par), []).append(" ".join(words))
    text = "\n\n".join("\n".join(lines_) for _, lines_ in sorted(paragraphs.items()))
    total = sum(n for n, _ in confidences)
    mean = sum(n * c for n, c in confidences) / total / 100 if total else 0.0
    return text, round(mean, 3)
