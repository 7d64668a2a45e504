"""OCR speed and accuracy: fictional pages rendered here (Russian, Belarusian, English; clean, turned a
quarter, skewed 3 degrees, pale), read back by ingest.ocr one page at a time on one core.

    python -m bench.bench_ocr [--pages N]

Prints pages per second per core and the character error rate per language. Needs no database.
"""
from __future__ import annotations

import argparse
import time

from PIL import Image, ImageDraw, ImageFont
from rapidfuzz.distance import Levenshtein

from ingest import ocr

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
TEXT = {
    "ru": "Меня задержали 11 августа 2020 года у Стелы. В автозаке сотрудники ОМОНа били нас дубинками, а "
          "майор Ковалёнок кричал, чтобы мы лежали молча. Потом нас привезли в ЦИП на Окрестина, где мы всю "
          "ночь стояли у стены с поднятыми руками. Утром нас по одному выводили в коридор и снова били.",
    "be": "Мяне затрымалі 11 жніўня 2020 года каля Стэлы. У аўтазаку супрацоўнікі АМАПа білі нас дубінкамі, а "
          "маёр Кавалёнак крычаў, каб мы ляжалі моўчкі. Потым нас прывезлі ў ЦІП на Акрэсціна, дзе мы ўсю ноч "
          "стаялі каля сцяны з паднятымі рукамі. Раніцай нас па адным выводзілі ў калідор і зноў білі.",
    "en": "I was detained on 11 August 2020 near the Stela. In the van riot police officers beat us with "
          "batons, and Major Kovalenok shouted at us to lie still. Then we were taken to the detention "
          "centre on Okrestina Street, where we stood against the wall all night with our hands raised.",
}


def render(text: str, width: int = 1700, height: int = 2200, size: int = 34) -> Image.Image:
    font = ImageFont.truetype(FONT, size)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    line, y = "", 200
    for word in text.split():
        if draw.textlength(f"{line} {word}", font=font) > width - 240:
            draw.text((120, y), line, font=font, fill=0)
            line, y = word, y + int(size * 1.8)
        else:
            line = f"{line} {word}".strip()
    draw.text((120, y), line, font=font, fill=0)
    return image


DAMAGE = {"clean": lambda im: im, "turned": lambda im: im.rotate(90, expand=True, fillcolor=255),
          "skewed": lambda im: im.rotate(3, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC),
          "pale": lambda im: im.point(lambda v: 150 + v * 100 // 255)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2, help="pages per language and damage")
    args = parser.parse_args()
    settings = ocr.Settings()
    total_pages, total_seconds = 0, 0.0
    print(f"{'lang':<6}{'damage':<9}{'pages':>6}{'s/page':>8}{'CER':>8}{'conf':>7}")
    for lang, text in TEXT.items():
        for damage, apply in DAMAGE.items():
            errors = chars = 0
            confidence, began = 0.0, time.perf_counter()
            for _ in range(args.pages):
                result = ocr.read_images([apply(render(text))], settings)
                page = (result.pages + result.low)[0]
                errors += Levenshtein.distance(" ".join(text.split()), " ".join(page.text.split()))
                chars += len(text)
                confidence += page.confidence
            seconds = time.perf_counter() - began
            total_pages, total_seconds = total_pages + args.pages, total_seconds + seconds
            print(f"{lang:<6}{damage:<9}{args.pages:>6}{seconds / args.pages:>8.2f}{errors / chars:>8.3f}"
                  f"{confidence / args.pages:>7.2f}")
    print(f"\n{total_pages} pages in {total_seconds:.1f} s: {total_pages / total_seconds:.2f} pages/s on one core "
          f"(Tesseract {ocr.LANGUAGES}, OMP_THREAD_LIMIT=1)")


if __name__ == "__main__":
    main()
