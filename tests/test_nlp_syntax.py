"""The dependency parse (natasha's syntax model on Russian and Belarusian) and the agent patterns read from it.

Every person here is fictional; units are real public institutions used as settings.
"""
import json

import pytest
import spacy

from nlp import lexicon
from nlp.components.agents import SyntaxAgents
from nlp.pipeline import build, extract


def relations(result: dict) -> set[tuple[str, str, str]]:
    text = {e["id"]: e["text"] for e in result["entities"]}
    return {(r["type"], text[r["source"]], text[r["target"]]) for r in result["relations"]}


def parsed(text: str, lang: str = "ru"):
    return build(lang)(text)


def test_sentences_with_an_act_are_parsed_and_the_others_keep_their_bounds():
    doc = parsed("Сначала мы стояли у стены. Задержанных избивали бойцы ОМОНа. Потом нас отвезли в РУВД.")
    assert [s.text for s in doc.sents] == ["Сначала мы стояли у стены.", "Задержанных избивали бойцы ОМОНа.",
                                           "Потом нас отвезли в РУВД."]
    by_text = {t.text: t for t in doc}
    assert by_text["бойцы"].dep_ == "nsubj" and by_text["бойцы"].head.text == "избивали"
    assert by_text["ОМОНа"].head.text == "бойцы"
    assert by_text["стояли"].dep_ == "dep" and by_text["стояли"].head.text == "Сначала"  # not parsed: flat


def test_every_parsed_sentence_is_one_tree():
    text = ("Региональный обзор: насилие при задержаниях, август 2020 года.\n\nБрест. Брестский ОМОН, которым "
            "командует подполковник Мисюк, 10 августа применял силу против людей. По словам очевидцев, Мисюк "
            "лично указывал, кого задержать и избить.")
    doc = parsed(text)
    for sent in doc.sents:
        roots = [t for t in sent if t.head == t]
        assert len(roots) == 1, sent.text
        assert all(sent.start <= t.head.i < sent.end for t in sent)


@pytest.mark.parametrize("text, agent, act", [
    ("Применил ко мне электрошокер сотрудник ОМОНа Кравец.", "Кравец", "Применил"),
    ("Тащили меня за волосы и потом ударили меня по голове сотрудники Ленинского РУВД.", "Ленинского РУВД",
     "ударили"),
    ("Прапорщик Мальцевич сразу держал меня в позе «ласточки», потом поставил меня на колени.", "Мальцевич",
     "поставил"),
])
def test_a_subject_after_its_verb_or_shared_by_joined_acts_is_the_agent(text, agent, act):
    assert ("PERPETRATED", agent, act) in relations(extract(text, "ru"))


def test_the_person_a_subject_names_is_the_agent_not_his_unit():
    found = relations(extract("Потом ударил меня кулаком в живот следователь КГБ Лаптинский С.С. Потом нас увели.",
                              "ru"))
    assert ("PERPETRATED", "Лаптинский С.С.", "ударил") in found
    assert not {r for r in found if r[0] == "PERPETRATED" and r[1] == "КГБ"}


def test_initials_can_end_a_sentence_but_a_surname_after_them_never_does():
    doc = parsed("Меня ударил следователь Лаптинский С.С. Потом лейтенант Жданович бил меня ногами.")
    assert [s.text for s in doc.sents] == ["Меня ударил следователь Лаптинский С.С.",
                                           "Потом лейтенант Жданович бил меня ногами."]
    doc = parsed("Протокол подписал А.Р. Руденко. Он ушёл.")
    assert doc.sents.__next__().text == "Протокол подписал А.Р. Руденко."


def test_a_preposition_before_the_instrumental_makes_it_no_agent():
    vocab_doc = spacy.blank("ru")("избит вместе с сотрудниками")
    heads, deps = [0, 0, 3, 0], ["ROOT", "advmod", "case", "obl"]
    doc = spacy.tokens.Doc(vocab_doc.vocab, words=[t.text for t in vocab_doc], heads=heads, deps=deps,
                           ents=["B-INCIDENT", "O", "O", "B-UNIT"])
    assert SyntaxAgents(doc.vocab, "ru").by_act(doc) == {}
    bare = spacy.tokens.Doc(vocab_doc.vocab, words=["избит", "сотрудниками"], heads=[0, 0], deps=["ROOT", "obl"],
                            ents=["B-INCIDENT", "B-UNIT"])
    (agent, confidence, pattern), = SyntaxAgents(bare.vocab, "ru").by_act(bare)[0]
    assert (agent.text, pattern) == ("сотрудниками", "passive_agent") and 0 < confidence < 1


def test_agent_patterns_are_checked_when_loaded(tmp_path):
    for name in ("units", "ranks", "positions", "given_names", "cues", "months", "places", "triggers"):
        (tmp_path / f"{name}.jsonl").write_text((lexicon.DATA_DIR / f"{name}.jsonl").read_text(encoding="utf-8"),
                                                encoding="utf-8")
    bad = {"id": "x", "langs": ["ru"], "confidence": 0.5, "pattern": [{"RIGHT_ID": "act", "RIGHT_ATTRS": {}}]}
    (tmp_path / "agent_patterns.jsonl").write_text(json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(lexicon.LexiconError, match="act and agent"):
        lexicon.load.__wrapped__(tmp_path)


def test_a_witness_in_the_next_clause_is_never_a_subject_of_the_act():
    found = relations(extract("Потом ударил меня дубинкой по ногам капитан Ракитский В. Л. Со мной в камере был "
                              "Тимофей Ладуцкий, он тоже ничего не сделал.", "ru"))
    assert ("PERPETRATED", "Ракитский В. Л.", "ударил") in found
    assert not {r for r in found if r[1] == "Тимофей Ладуцкий"}
    found = relations(extract("Применил ко мне электрошокер Ракитский, и в камере был Тимофей Ладуцкий.", "ru"))
    assert not {r for r in found if r[1] == "Тимофей Ладуцкий"}


def test_two_joined_subjects_both_carried_out_the_act():
    found = relations(extract("Потом меня избивали Ракитский и Жданович.", "ru"))
    assert {("PERPETRATED", "Ракитский", "избивали"), ("PERPETRATED", "Жданович", "избивали")} <= found
