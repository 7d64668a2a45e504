"""Command line of the extraction side.

    python -m nlp extract FILE|- [--lang auto|ru|en|be]   one JSON object on stdout (the contract)
    python -m nlp evaluate [--devset DIR] [--lang ru|en|be] [--split train|dev|test]
                                                          P/R/F1 on a development set
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    return Path(path).read_text(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nlp", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="extract entities and relations from one text (JSON)")
    extract.add_argument("file", help="a UTF-8 text file, or - for standard input")
    extract.add_argument("--lang", default="auto", choices=("auto", "ru", "en", "be"))
    evaluate = commands.add_parser("evaluate", help="score the pipeline on the development set")
    evaluate.add_argument("--devset", default=str(Path(__file__).resolve().parent / "devset"))
    evaluate.add_argument("--lang", choices=("ru", "en", "be"))
    evaluate.add_argument("--split", choices=("train", "dev", "test"),
                          help="score one part of a set that has a splits.json (the real-text set: nlp/devset/real)")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    if args.command == "extract":
        try:
            text = _read(args.file)
        except (OSError, UnicodeDecodeError) as error:
            print(f"error: cannot read {args.file}: {error}", file=sys.stderr)
            return 2
        from nlp.pipeline import extract as run

        json.dump(run(text, args.lang), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    from nlp.evaluate import evaluate as score, report

    try:
        scores = score(Path(args.devset), args.lang, args.split)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(json.dumps(scores, ensure_ascii=False, indent=2) if args.json else report(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
