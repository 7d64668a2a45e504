"""Benchmark: end-to-end ingest of synthetic testimonies into Neo4j (prints figures; asserts nothing).

    python -m bench.bench_ingest [--testimonies 1000] [--words 1000] [--workers N]

Writes N synthetic testimonies of about W words (Russian 70%, English 15%, Belarusian 15%, built from
templates with the fictional cast of nlp/devset/cast.jsonl) to a temporary folder, EMPTIES the
database, ingests the folder with the real pipeline and prints testimonies/s, words/s, the share of
time per stage and the peak resident memory of the main process and of the extraction workers.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
from pathlib import Path

from graph import schema
from graph.connection import open_driver
from ingest import pipeline
from access.vault import Vault

CAST = Path(__file__).resolve().parent.parent / "nlp" / "devset" / "cast.jsonl"
MONTHS = {"ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                 "ноября", "декабря"],
          "be": ["студзеня", "лютага", "сакавіка", "красавіка", "мая", "чэрвеня", "ліпеня", "жніўня", "верасня",
                 "кастрычніка", "лістапада", "снежня"],
          "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December"]}
TEMPLATES = {
    "ru": ["{date} года меня задержали возле станции метро «Пушкинская» и отвезли в ЦИП на Окрестина.",
           "Во дворе {rank} {name} из ОМОНа бил задержанных дубинкой, я это видела своими глазами.",
           "По приказу начальника ЦИП Жлобича нас поставили на колени лицом к стене и не давали воды.",
           "В автозаке меня избили, кто именно, я не видела, потому что лежала лицом в пол.",
           "Потом нас перевезли в Жодино, там было спокойнее, но кормили плохо и не давали спать.",
           "На допросе в ГУБОПиКе {rank} {name} угрожал мне и требовал пароль от телефона.",
           "Суд длился пять минут, судья не слушала меня и назначила пятнадцать суток ареста.",
           "Всю ночь мы стояли в коридоре, нам не разрешали садиться и выходить в туалет."],
    "en": ["On {date} I was detained near the Pushkinskaya metro station and taken to the Okrestina centre.",
           "In the yard {rank} {name} of the OMON beat the detainees with a baton while others watched.",
           "On the orders of the head of the centre, Zhlobich, we were made to kneel facing the wall.",
           "I was beaten in the van, but I could not see who did it because my face was on the floor.",
           "Later we were moved to Zhodino, where it was calmer, but we were given almost no food or sleep.",
           "During the interrogation at GUBOPiK {rank} {name} threatened me and demanded my phone password."],
    "be": ["{date} года мяне затрымалі каля станцыі метро «Пушкінская» і адвезлі ў ЦІП на Акрэсціна.",
           "У двары {rank} {name} з АМАПа біў затрыманых дубінкай, я гэта бачыла на свае вочы.",
           "Па загадзе начальніка ЦІП Жлобіча нас паставілі на калені тварам да сцяны.",
           "У аўтазаку мяне збілі, хто менавіта, я не бачыла, бо ляжала тварам у падлогу.",
           "Потым нас перавезлі ў Жодзіна, там было спакайней, але кармілі дрэнна."],
}
RANKS = {"ru": ["майор", "капитан", "лейтенант"], "en": ["Major", "Captain", "Lieutenant"],
         "be": ["маёр", "капітан", "лейтэнант"]}


def synthetic_testimony(rng: random.Random, cast: list[dict], words: int) -> tuple[str, str]:
    lang = rng.choices(("ru", "en", "be"), weights=(70, 15, 15))[0]
    sentences, count = [], 0
    while count < words:
        person = rng.choice(cast)
        name = {"ru": f"{person['given_ru']} {person['surname_ru']}", "be": f"{person['given_be']} {person['surname_be']}",
                "en": person["latin"][0]}[lang]
        month = rng.choice((7, 7, 7, 8, 10, 2))
        date = f"{rng.randint(1, 28)} {MONTHS[lang][month]} {2020 if month >= 7 else 2021}" if lang != "en" else \
            f"{rng.randint(1, 28)} {MONTHS[lang][month]} {2020 if month >= 7 else 2021}"
        sentence = rng.choice(TEMPLATES[lang]).format(date=date, rank=rng.choice(RANKS[lang]), name=name)
        sentences.append(sentence)
        count += len(sentence.split())
    paragraphs = [" ".join(sentences[i:i + 6]) for i in range(0, len(sentences), 6)]
    return lang, "\n\n".join(paragraphs) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--testimonies", type=int, default=1000)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args(argv)
    cast = [json.loads(line) for line in CAST.read_text(encoding="utf-8").splitlines()]
    rng = random.Random(2020)
    with tempfile.TemporaryDirectory() as folder:
        total_words = 0
        for number in range(args.testimonies):
            lang, text = synthetic_testimony(rng, cast, args.words)
            total_words += len(text.split())
            Path(folder, f"{number:05d}_{lang}.txt").write_text(text, encoding="utf-8")
        driver, settings = open_driver()
        schema.apply(driver, settings.database)
        schema.delete_everything(driver, settings.database)
        began = time.perf_counter()
        summary = pipeline.run([Path(folder)], driver, database=settings.database,
                               vault=Vault(Path(folder) / "_vault"), workers=args.workers,
                               batch_size=args.batch_size)
        seconds = time.perf_counter() - began
        counts = schema.element_counts(driver, settings.database)
        driver.close()
    print(f"testimonies: {summary.new} new, {total_words:,} words, {summary.claims:,} claims, "
          f"{summary.entities:,} entities; nodes+relationships in the graph: {sum(counts.values()):,}")
    print(f"total: {seconds:.1f} s = {summary.new / seconds:.2f} testimonies/s, {total_words / seconds:,.0f} words/s")
    stages = summary.seconds
    print("stages: " + ", ".join(f"{k} {v:.1f} s ({v / sum(stages.values()):.0%})" for k, v in stages.items()))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: main process {own:.0f} MB, largest extraction worker {workers:.0f} MB")


if __name__ == "__main__":
    main()
