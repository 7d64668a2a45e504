"""bench.synthetic_corpus: deterministic for a seed, truth spans match the text, namesakes on purpose,
three languages, and no victim bears an official's name."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from bench.synthetic_corpus import generate


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("syn")
    return folder, generate(folder, testimonies=80, seed=7)


def test_deterministic_for_a_seed(corpus, tmp_path):
    folder, truth = corpus
    again = generate(tmp_path, testimonies=80, seed=7)
    assert again == truth
    assert all((tmp_path / t["file"]).read_text(encoding="utf-8") == (folder / t["file"]).read_text(encoding="utf-8")
               for t in truth["testimonies"])
    assert json.loads((folder / "truth.json").read_text(encoding="utf-8")) == truth
    assert generate(tmp_path / "other", testimonies=80, seed=8)["testimonies"] != truth["testimonies"]


def test_every_span_matches_the_text(corpus):
    folder, truth = corpus
    for record in truth["testimonies"]:
        text = (folder / record["file"]).read_text(encoding="utf-8")
        assert 100 <= len(text.split()) <= 700
        for span in record["mentions"] + [a for e in record["episodes"] for a in e["acts"]]:
            assert text[span["start"]:span["end"]] == span["text"]
        assert any(m["official"] for m in record["mentions"])
        assert all(len(e["acts"]) >= 1 for e in record["episodes"])


def test_namesakes_exist(corpus):
    officials = corpus[1]["officials"]
    surnames = Counter(o["names"]["ru"]["surname"].rstrip("а") for o in officials)
    assert sum(1 for n in surnames.values() if n >= 2) >= 8
    full = Counter((o["names"]["ru"]["surname"], o["names"]["ru"]["given"]) for o in officials)
    true_namesakes = [key for key, n in full.items() if n >= 2]
    assert len(true_namesakes) >= 3
    for key in true_namesakes:
        assert len({o["unit"] for o in officials if (o["names"]["ru"]["surname"], o["names"]["ru"]["given"]) == key}) >= 2
    givens_by_surname: dict[str, set[str]] = {}
    for o in officials:
        givens_by_surname.setdefault(o["names"]["ru"]["surname"], set()).add(o["names"]["ru"]["given"])
    same_initial = [s for s, givens in givens_by_surname.items()
                    if len(givens) >= 2 and len({g[0] for g in givens}) < len(givens)]
    assert len(same_initial) >= 3  # Сергей / Святослав and the like


def test_three_languages_and_shared_events(corpus):
    truth = corpus[1]
    assert {t["language"] for t in truth["testimonies"]} == {"ru", "be", "en"}
    assert any(len(e["testimonies"]) >= 2 for e in truth["events"])


def test_no_victim_is_named_like_an_official(corpus):
    truth = corpus[1]
    official_words = set()
    for o in truth["officials"]:
        for lang in ("ru", "be"):
            official_words |= {o["names"][lang]["surname"], o["names"][lang]["given"]}
        official_words |= set(o["names"]["latin"]["surnames"]) | set(o["names"]["latin"]["given"])
    official_words = {w.lower() for w in official_words}
    for record in truth["testimonies"]:
        assert not set(record["victim"].lower().split()) & official_words, record["victim"]
        for mention in record["mentions"]:
            if mention["private"]:
                assert mention["official"] is None
                assert not set(mention["text"].lower().split()) & official_words, mention["text"]
