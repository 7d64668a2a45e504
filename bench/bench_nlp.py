"""Benchmark: words/second and peak memory of the full extraction pipeline per language.

Texts of ~1,000 words are made by joining the development-set documents of each language; each
language runs in its own process (so peak memory is that language's). Prints figures only.

    .venv/bin/python -m bench.bench_nlp [--texts 20] [--lang ru en be]
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROUNDS = 3
DEVSET = Path(__file__).resolve().parent.parent / "nlp" / "devset" / "docs"


def thousand_word_texts(lang: str, count: int) -> list[str]:
    words = []
    for path in sorted(DEVSET.glob(f"*_{lang}.txt")):
        words += path.read_text(encoding="utf-8").split(" ")
    texts, i = [], 0
    while len(texts) < count:
        chunk = [words[(i + k) % len(words)] for k in range(1000)]
        texts.append(" ".join(chunk))
        i += 997
    return texts


def run_one(lang: str, count: int) -> dict:
    from nlp.pipeline import build, process

    began = time.perf_counter()
    build(lang)
    load_seconds = time.perf_counter() - began
    process(thousand_word_texts(lang, 2), lang)  # warm-up
    texts = thousand_word_texts(lang, count)
    words = sum(len(t.split()) for t in texts)
    rounds = []
    for _ in range(ROUNDS):  # this 2-core VM is noisy: the same run varies by up to 50%
        began = time.perf_counter()
        process(texts, lang)
        rounds.append(time.perf_counter() - began)
    seconds = statistics.median(rounds)
    return {"lang": lang, "texts": count, "words": words, "seconds": round(seconds, 2),
            "words_per_second": round(words / seconds), "best_words_per_second": round(words / min(rounds)),
            "load_seconds": round(load_seconds, 1),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=int, default=20)
    parser.add_argument("--lang", nargs="*", default=["ru", "en", "be"])
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.texts)))
        return
    print(f"median of {ROUNDS} rounds per language (best round in brackets)")
    print(f"{'lang':<6}{'words':>8}{'seconds':>9}{'words/s':>9}{'(best)':>9}{'model load s':>14}{'peak RSS MB':>13}")
    for lang in args.lang:
        out = subprocess.run([sys.executable, "-m", "bench.bench_nlp", "--one", lang, "--texts", str(args.texts)],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{r['lang']:<6}{r['words']:>8}{r['seconds']:>9}{r['words_per_second']:>9}"
              f"{'(' + str(r['best_words_per_second']) + ')':>9}{r['load_seconds']:>14}"
              f"{r['peak_rss_mb']:>13}")


if __name__ == "__main__":
    main()
