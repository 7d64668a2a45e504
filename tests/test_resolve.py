"""The resolution stage without a database: matching fields, the linkage model and constrained clustering,
on invented officials (not the samples' or the dev set's cast)."""
from __future__ import annotations

from collections import Counter

import pytest

from graph.resolve import features as F
from graph.resolve.clusters import cluster
from graph.resolve.linkage import level_label, score_pairs
from nlp import lexicon as lexicon_module


@pytest.fixture(scope="module")
def lexicon():
    return lexicon_module.load()


def record(mid: str, surname: str, given: str | None = None, patronymic: str | None = None, *, units=(),
           rank_order=None, date=None, gender=None, key=None) -> dict:
    return {"id": mid, "local_key": key or f"person:{mid}", "surname": surname, "given_name": given,
            "patronymic": patronymic, "gender": gender, "rank_order": rank_order, "unit_ids": list(units),
            "date_min": date, "date_max": date, "co_named": []}


def resolved(records: list[dict], lexicon, must=(), cannot=(), sizes=None):
    feats = {r["id"]: F.record_features(r, lexicon) for r in records}
    result = cluster(feats, {r["id"]: r["local_key"] for r in records}, score_pairs(list(feats.values())),
                     list(must), list(cannot), sizes)
    groups = {}
    for mention, person in result.person_of.items():
        groups.setdefault(person, set()).add(mention)
    return sorted(sorted(g) for g in groups.values()), result


@pytest.mark.parametrize("variants", [
    ("Захаров", "Захарова", "Захараў", "Zakharau", "Zakharov"),
    ("Шчур", "Щур", "Shchur"),
    ("Казлоўскі", "Козловский", "Kozlovsky", "Kazlouski"),
    ("Ярошевич", "Ярашэвіч", "Yaroshevich", "Jarashevich"),
])
def test_a_surname_has_one_skeleton_in_every_script_and_case(variants, lexicon):
    skeletons = {F.record_features(record("m", v), lexicon)["skel"] for v in variants}
    assert len(skeletons) == 1, skeletons


def test_given_names_and_patronymics_compare_across_languages(lexicon):
    ru = F.record_features(record("a", "Захаров", "Василий", "Валерьевич"), lexicon)
    be = F.record_features(record("b", "Захараў", "Васіль", "Валер'евіч"), lexicon)
    en = F.record_features(record("c", "Zakharau", "Vasil", "Valerievich"), lexicon)
    initials = F.record_features(record("d", "Захаров", "В.", "В."), lexicon)
    assert ru["given_full"] == be["given_full"] == en["given_full"]
    assert ru["patr_full"] == be["patr_full"] == en["patr_full"]
    assert initials["given_full"] is None and initials["given_initial"] == ru["given_initial"]
    assert initials["patr_initial"] == ru["patr_initial"]


def test_look_alike_letters_and_hidden_characters_do_not_make_another_person(lexicon):
    plain = F.record_features(record("a", "Захаров"), lexicon)["skel"]
    for disguised in ("Зaхaров", "Заха\u200bров", "\u202eЗахаров", "Зах\u00adаров"):
        assert F.record_features(record("b", disguised), lexicon)["skel"] == plain, repr(disguised)
    assert F.name_flags(["Зaхaров"]) == ["mixed_script"]
    assert F.name_flags(["Заха\u200bров"]) == ["invisible_characters"]
    assert F.name_flags(["\u202eЗахаров"]) == ["bidi_control"]
    assert F.name_flags(["Захаров", "Zakharau"]) == []


def test_one_official_in_three_languages_and_initials_is_one_person(lexicon):
    records = [record("ru", "Захаров", "Василий", "Валерьевич", units=["unit:omon-minsk"]),
               record("be", "Захараў", "Васіль", units=["unit:omon-minsk"]),
               record("en", "Zakharau", "Vasil", "Valerievich"),
               record("in", "Захаров", "В.", "В.", units=["unit:omon-minsk"])]
    groups, result = resolved(records, lexicon)
    assert groups == [["be", "en", "in", "ru"]]
    explained = [link for link in result.links.values() if link.kind == "model"]
    assert explained and all(link.weights and link.levels for link in explained)


def test_a_surname_a_typo_apart_meets_its_person_through_the_given_name(lexicon):
    records = [record("ru", "Захаров", "Василий", "Валерьевич", units=["unit:omon-minsk"]),
               record("loose", "Zaharov", "Vasily", "V.", units=["unit:omon-minsk"]),
               record("typo", "Захарав", "Василий", "Валерьевич")]
    groups, _ = resolved(records, lexicon)
    assert groups == [["loose", "ru", "typo"]]


def test_namesakes_with_the_same_initial_stay_apart(lexicon):
    records = [record("a1", "Тарасевич", "Сергей", "Петрович"), record("a2", "Тарасевич", "Siarhei"),
               record("b1", "Тарасевич", "Святослав", "Игоревич"), record("b2", "Tarasevich", "Sviatoslav")]
    groups, _ = resolved(records, lexicon)
    assert groups == [["a1", "a2"], ["b1", "b2"]]


def test_a_surname_alone_joins_the_one_official_of_its_unit_and_otherwise_goes_to_review(lexicon):
    officials = [record("s", "Тарасевич", "Сергей", "Петрович", units=["unit:omon-minsk"]),
                 record("v", "Тарасевич", "Святослав", "Игоревич", units=["unit:gubopik"])]
    groups, _ = resolved(officials + [record("alone", "Тарасевича", units=["unit:gubopik"])], lexicon)
    assert ["alone", "v"] in groups
    groups, result = resolved(officials + [record("vague", "Тарасевич")], lexicon)
    assert ["vague"] in groups
    assert {(p.mention_a, p.kind) for p in result.proposals} >= {("vague", "surname_only")}
    assert len([p for p in result.proposals if p.mention_a == "vague"]) == 2


def test_a_surname_alone_with_one_candidate_joins_it(lexicon):
    groups, result = resolved([record("full", "Мицкевич", "Олег", "Иванович"), record("short", "Мицкевича")], lexicon)
    assert groups == [["full", "short"]]
    assert result.links["short"].kind == "surname_only"


def test_analysts_decisions_are_constraints(lexicon):
    records = [record("a", "Бобрик", "Олег", "Иванович"), record("b", "Бобрик", "Олег", "Иванович"),
               record("c", "Бабрык", "Алег")]
    groups, _ = resolved(records, lexicon)
    assert groups == [["a", "b", "c"]]
    groups, _ = resolved(records, lexicon, cannot=[("a", "b")])
    assert ["a", "b"] not in groups and not any({"a", "b"} <= set(g) for g in groups)
    apart = [record("x", "Бобрик", "Олег"), record("y", "Гончар", "Павел")]
    groups, result = resolved(apart, lexicon, must=[("x", "y")])
    assert groups == [["x", "y"]] and result.links["y"].kind == "analyst"


def test_person_ids_are_keys_and_never_shared(lexicon):
    records = [record("a", "Тарасевич", "Сергей", "Петрович", key="person:trsvc-s"),
               record("b", "Тарасевич", "Сергей", "Андреевич", key="person:trsvc-s")]
    _, result = resolved(records, lexicon)
    ids = sorted(set(result.person_of.values()))
    assert len(ids) == 2 and ids[0] == "person:trsvc-s" and ids[1].startswith("person:trsvc-s-")


def test_level_labels_read_the_comparison_table():
    assert level_label("given", -1) == "not stated on both"
    assert level_label("given", 0) == "different given name"
    assert level_label("surname", 2) == "same surname in any script and case"


def test_belarusian_initials_and_patronymics_meet_their_russian_forms(lexicon):
    records = [record("ru", "Карпович", "Владимир", "Николаевич", units=["unit:gubopik"]),
               record("be", "Карповіч", "У.", None, units=["unit:gubopik"]),
               record("be-full", "Карповіч", "Уладзімір", "Мікалаевіч")]
    groups, _ = resolved(records, lexicon)
    assert groups == [["be", "be-full", "ru"]]
    olga = [record("o", "Лазарева", "Ольга", "Игоревна"), record("v", "Лазарава", "В.", "І.")]
    assert resolved(olga, lexicon)[0] == [["o", "v"]]


def test_a_surname_alone_prefers_the_official_written_the_same_over_a_typo(lexicon):
    records = [record("full", "Ершов", "Василий", "Константинович"), record("typo", "Ерпов", "Василий"),
               record("alone", "Ершова")]
    feats = {r["id"]: F.record_features(r, lexicon) for r in records}
    result = cluster(feats, {r["id"]: r["local_key"] for r in records}, score_pairs(list(feats.values())), [], [])
    assert result.person_of["alone"] == result.person_of["full"]


def test_a_surname_mistyped_once_joins_the_only_official_one_letter_away(lexicon):
    official = [record(f"o{i}", "Латушкевич", "Олег", "Петрович", units=["unit:omon-minsk"]) for i in range(3)]
    groups, result = resolved(official + [record("typo", "Латушневича")], lexicon)
    assert ["o0", "o1", "o2", "typo"] in groups
    assert result.links["typo"].kind in ("surname_only", "surname_typo")
    named_typo = record("named", "Латушкевіс", "Алег", "Пятровіч")  # a typo and another script
    assert ["named", "o0", "o1", "o2"] in resolved(official + [named_typo], lexicon)[0]
    # two officials one letter away: no guess
    other = [record(f"i{i}", "Латунневич", "Игорь", "Андреевич") for i in range(3)]
    groups, _ = resolved(official + other + [record("typo", "Латушневич")], lexicon)
    assert ["typo"] in groups
    # a spelling written about as often as the official's is a surname of its own, not a typo
    groups, _ = resolved(official + [record("own", "Латушневич")], lexicon, sizes={"own": 2})
    assert ["own"] in groups
    # another unit, or a short surname, is never corrected
    assert ["typo"] in resolved(official + [record("typo", "Латушневич", units=["unit:kgb"])], lexicon)[0]
    short = [record(f"s{i}", "Гриб", "Олег", "Петрович") for i in range(3)]
    assert ["typo"] in resolved(short + [record("typo", "Грип")], lexicon)[0]


def test_a_name_the_table_lacks_is_read_by_its_consonants(lexicon):
    lacinka = F.record_features(record("a", "Šaŭčyk", "Ruslan", "Iaŭhienavič"), lexicon)
    russian = F.record_features(record("b", "Шевчик", "Руслан", "Евгеньевич"), lexicon)
    assert lacinka["patr_full"] == russian["patr_full"] and lacinka["patr_initials"] == russian["patr_initials"]
    assert F.record_features(record("c", "Шевчик", "Iaŭhien", None, gender="m"), lexicon)["given_full"] == \
        F.record_features(record("d", "Шевчик", "Евгений"), lexicon)["given_full"]
    # a patronymic mistyped in one letter is still the same patronymic
    records = [record("a", "Литвинко", "Роман", "Артёмович"), record("b", "Литвинко", "Роман", "Арцёмович"),
               record("c", "Литвинко", "Роман", "Артемович")]
    assert resolved(records, lexicon)[0] == [["a", "b", "c"]]


def test_a_surname_alone_prefers_the_official_spelled_the_same_over_a_skeleton_namesake(lexicon):
    records = [record("krylov", "Крылов", "Иван", "Александрович"), record("korolev", "Королёв", "Максим", "Николаевич"),
               record("alone", "Королёва", gender="m")]
    groups, _ = resolved(records, lexicon)
    assert ["alone", "korolev"] in groups
    woman = [record("f", "Лозовская", "Марина", "Олеговна", gender="f"), record("m-alone", "Лозовский", gender="m")]
    assert ["m-alone"] in resolved(woman, lexicon)[0]


def incident(iid: str, testimony: str, day: str | None, places=(), units=(), persons=(), violations=("beating",),
             stage=None):
    return {"id": iid, "testimony_id": testimony, "date_min": day, "date_max": day, "places": list(places),
            "units": list(units), "persons": list(persons), "violations": list(violations), "stage": stage}


def test_incidents_of_different_testimonies_that_tell_enough_in_common_are_one_event():
    from graph.resolve.events import resolve_events

    records = [incident("a", "t1", "2020-08-11", ["place:okrestina"], ["unit:tsip-minsk"]),
               incident("b", "t2", "2020-08-11", ["place:okrestina"], ["unit:tsip-minsk"], ["person:x"]),
               incident("c", "t3", "2020-08-11", ["place:okrestina"]),                  # a date and a place only
               incident("d", "t1", "2020-08-11", ["place:okrestina"], ["unit:tsip-minsk"]),  # a's own testimony
               incident("e", "t4", "2020-08-12", ["place:okrestina"], ["unit:tsip-minsk"])]  # another day
    result = resolve_events(records)
    assert result.event_of["a"] == result.event_of["b"] or result.event_of["d"] == result.event_of["b"]
    assert result.event_of["a"] != result.event_of["d"]
    assert len({result.event_of[x] for x in ("c", "e")} | {result.event_of["b"]}) == 3
    assert sorted(len(m) for m in result.events.values()) == [1, 1, 1, 2]
    joined = next(x for x in ("a", "b", "d") if result.reasons[x])
    assert result.reasons[joined]["levels"]["date"] == "the same day"


def test_the_same_officer_on_the_same_day_at_the_same_stage_is_one_event_and_at_another_stage_another():
    from graph.resolve.events import resolve_events

    records = [incident("van-1", "t1", "2020-08-09", persons=["person:x"], stage="van"),
               incident("van-2", "t2", "2020-08-09", persons=["person:x", "person:y"], stage="van"),
               incident("arrest-3", "t3", "2020-08-09", persons=["person:x"], stage="arrest"),
               incident("van-4", "t4", "2020-08-10", persons=["person:x"], stage="van"),      # another day
               incident("nostage-5", "t5", "2020-08-09", persons=["person:x"])]              # a busy official alone
    result = resolve_events(records)
    assert result.event_of["van-1"] == result.event_of["van-2"]
    assert len({result.event_of[x] for x in ("van-1", "arrest-3", "van-4", "nostage-5")}) == 4
    joined = next(x for x in ("van-1", "van-2") if result.reasons[x])
    assert result.reasons[joined]["levels"]["stage"] == "the same stage of detention"


def test_an_undated_incident_joins_the_only_event_it_can_be():
    from graph.resolve.events import resolve_events

    dated = [incident("ruvd-1", "t1", "2021-03-01", units=["unit:ruvd"], persons=["person:p"], stage="police_department"),
             incident("ruvd-2", "t2", "2021-03-01", units=["unit:ruvd"], persons=["person:p"], stage="police_department")]
    undated = incident("undated", "t3", None, persons=["person:p"], stage="police_department")
    result = resolve_events(dated + [undated])
    assert result.event_of["undated"] == result.event_of["ruvd-1"] == result.event_of["ruvd-2"]
    assert result.reasons["undated"]["undated"] is True and result.reasons["undated"]["candidates"] == 1
    assert result.probability["undated"] == 1.0
    # the same officer at the same stage on two dated days: an undated account could be either
    other_day = incident("ruvd-3", "t4", "2021-03-05", units=["unit:ruvd"], persons=["person:p"], stage="police_department")
    result = resolve_events(dated + [other_day, undated])
    assert result.events[result.event_of["undated"]] == ["undated"]
    # ... unless it names two officers and only one of those days had both
    pair = [incident("ruvd-1", "t1", "2021-03-01", units=["unit:ruvd"], persons=["person:p", "person:q"],
                     stage="police_department"), other_day]
    both = incident("undated", "t3", None, persons=["person:p", "person:q"], stage="police_department")
    result = resolve_events(pair + [both])
    assert result.event_of["undated"] == result.event_of["ruvd-1"] != result.event_of["ruvd-3"]
    assert result.reasons["undated"]["officials_in_common"] == 2 and result.probability["undated"] == round(2 / 3, 4)
    # another stage is never a candidate
    result = resolve_events(dated + [incident("undated", "t3", None, persons=["person:p"], stage="van")])
    assert result.events[result.event_of["undated"]] == ["undated"]


def test_an_account_dated_to_the_month_joins_the_day_inside_it_that_shares_the_most():
    from graph.resolve.events import resolve_events

    days = [incident("aug-10", "t1", "2020-08-10", persons=["person:p", "person:q"], stage="van"),
            incident("aug-12", "t2", "2020-08-12", persons=["person:p"], stage="van")]
    august = dict(incident("august", "t3", "2020-08-01", persons=["person:p", "person:q"], stage="van"),
                  date_max="2020-08-31")
    result = resolve_events(days + [august])
    assert result.event_of["august"] == result.event_of["aug-10"] != result.event_of["aug-12"]
    assert result.reasons["august"]["dated_vaguely"] is True
    september = dict(incident("september", "t3", "2020-09-01", persons=["person:p", "person:q"], stage="van"),
                     date_max="2020-09-30")
    result = resolve_events(days + [september])
    assert result.events[result.event_of["september"]] == ["september"]  # no day of its month was told


def test_analysts_decisions_on_events_hold():
    from graph.resolve.events import resolve_events

    records = [incident("a", "t1", "2020-08-11", ["place:okrestina"], ["unit:tsip-minsk"], ["person:x"]),
               incident("b", "t2", "2020-08-11", ["place:okrestina"], ["unit:tsip-minsk"], ["person:x"]),
               incident("c", "t3", "2020-09-01", ["place:kgb"])]                       # nothing in common
    assert resolve_events(records).event_of["a"] == resolve_events(records).event_of["b"]
    split = resolve_events(records, cannot=[("a", "b")])
    assert split.event_of["a"] != split.event_of["b"]
    confirmed = resolve_events(records, must=[("a", "c")], cannot=[("a", "b")])
    assert confirmed.event_of["a"] == confirmed.event_of["c"] != confirmed.event_of["b"]
    assert confirmed.reasons["c"]["analyst"] is True


def test_among_namesakes_the_rank_or_the_officials_named_alongside_decide():
    namesakes = [record("major", "Тарасевич", "Сергей", "Петрович", rank_order=9),
                 record("colonel", "Тарасевич", "Святослав", "Игоревич", rank_order=11)]
    groups, result = resolved(namesakes + [record("alone", "Тарасевича", rank_order=9)], lexicon_module.load())
    assert ["alone", "major"] in groups and result.links["alone"].kind == "surname_only"
    beside = dict(record("beside", "Тарасевич"), co_named=["person:grvc-p"])
    colonel = dict(namesakes[1], co_named=["person:grvc-p"])
    groups, _ = resolved([namesakes[0], colonel, beside], lexicon_module.load())
    assert ["beside", "colonel"] in groups


def test_a_latin_surname_is_read_the_way_the_other_mentions_write_it(lexicon):
    """ "Tihonov" (h for х) and German "Senkewitsch" join the officials written in Cyrillic; a reading no
    mention writes is not chosen."""
    records = [record("t", "Тихонов", "Дмитрий", "Сергеевич"), record("t-en", "Tihonov", "D.", "S."),
               record("z", "Зенькевич", "Роман", "Святославович"), record("z-de", "Senkewitsch", "R.", "S."),
               record("lone", "Hrabouski", "P.")]
    feats = {r["id"]: F.record_features(r, lexicon) for r in records}
    assert F.read_spellings(feats) == 2
    assert feats["t-en"]["skel"] == feats["t"]["skel"] and feats["z-de"]["skel"] == feats["z"]["skel"]
    assert feats["lone"]["skel"] == F.record_features(records[-1], lexicon)["skel"]


def test_the_same_initials_twice_join_the_one_official_even_when_the_model_doubts(lexicon):
    """The model may score "Г. А. Сушко" twice low (ranks and units disagree); with given name and
    patronymic agreeing and one consistent candidate, they join; a different given initial never does."""
    from graph.resolve.linkage import ScoredPair
    records = [record("a", "Сушко", "Г.", "А.", units=["unit:omon-minsk"]), record("b", "Сушко", "Г.", "А."),
               record("x", "Сушко", "П.", "И.")]
    feats = {r["id"]: F.record_features(r, lexicon) for r in records}
    doubt = {"surname": 2, "given": 2, "patronymic": 1, "gender": -1, "rank": 0, "unit": -1, "co_named": 0}
    pairs = [ScoredPair("a", "b", 0.3, {}, doubt),
             ScoredPair("a", "x", 0.3, {}, {**doubt, "given": 0, "patronymic": 0})]
    result = cluster(feats, {r["id"]: r["local_key"] for r in records}, pairs, [], [])
    assert result.person_of["a"] == result.person_of["b"] != result.person_of["x"]
    assert result.links["b"].kind == "single_candidate" or result.links["a"].kind == "single_candidate"


def test_a_surname_mistyped_in_a_case_form_meets_that_form(lexicon):
    """The typo is made in the form the text writes: "Новиковос" is one letter from "Новиковой" (two from
    the nominative "Новикова")."""
    official = [dict(record(f"o{i}", "Новикова", "Татьяна", "Андреевна", gender="f"),
                     texts=["Татьяна Андреевна Новикова", "Новиковой"]) for i in range(3)]
    typo = dict(record("typo", "Новиковос"), texts=["Новиковос"])
    groups, result = resolved(official + [typo], lexicon)
    assert ["o0", "o1", "o2", "typo"] in groups and result.links["typo"].kind == "surname_typo"


def test_among_namesakes_where_the_incidents_took_place_decides(lexicon):
    """A surname alone, beside two namesakes, joins the one serving where it acted (the RUVD of its beating)."""
    namesakes = [record("leninsky", "Давыдов", "Руслан", "Олегович", units=["unit:ruvd-minsk-leninsky"]),
                 record("omon", "Давыдов", "Дмитрий", "Евгеньевич", units=["unit:omon-minsk"])]
    alone = dict(record("alone", "Давыдаў"), scene_ids=["unit:ruvd-minsk-leninsky"])
    groups, result = resolved(namesakes + [alone], lexicon)
    assert ["alone", "leninsky"] in groups and result.links["alone"].kind == "surname_only"


def test_a_surname_alone_meets_its_only_official_even_when_the_model_scores_the_pair_low(lexicon):
    """A rank that rose and other officials named alongside make the model doubt; the rule for a surname
    alone (the one compatible official) still decides."""
    full = dict(record("full", "Зайцев", "Максим", "Владимирович", rank_order=10, date="2020-08-12"),
                co_named=["person:ab", "person:cd"])
    alone = dict(record("alone", "Zaytsev", rank_order=11, date="2021-06-04", gender="m"), co_named=["person:ef"])
    groups, result = resolved([full, alone], lexicon)
    assert groups == [["alone", "full"]] and result.links["alone"].kind == "surname_only"


def test_initials_that_fit_two_namesakes_wait_for_their_context_or_an_analyst(lexicon):
    """ "С. В. Волкович" fits Сергей Валерьевич and Святослав Васильевич Волкович: the model's score cannot
    tell them apart; the unit can, and without one the pair goes to review."""
    namesakes = [record("sv1", "Волкович", "Сергей", "Валерьевич", units=["unit:gubopik"]),
                 record("sv2", "Волкович", "Святослав", "Васильевич", units=["unit:omon-minsk"])]
    groups, result = resolved(namesakes + [record("initials", "Волкович", "С.", "В.")], lexicon)
    assert ["initials"] in groups
    assert {p.mention_b for p in result.proposals if p.mention_a == "initials"} == {"sv1", "sv2"}
    groups, result = resolved(namesakes + [record("initials", "Волкович", "С.", "В.", units=["unit:omon-minsk"])],
                              lexicon)
    assert ["initials", "sv2"] in groups and result.links["initials"].kind == "context"


def test_a_person_keeps_its_id_when_its_naming_mention_is_split_off(lexicon):
    """The most complete mention named the person (its key); an analyst splits it off: the rest keep the id,
    the split-off mention is the one that gets a new one."""
    records = [dict(record("full", "Латушкевич", "Олег", "Петрович"), local_key="person:ltskvc-o"),
               dict(record("b", "Латушкевич", "Олег"), local_key="person:ltskvc-o2"),
               dict(record("c", "Латушкевич", "О."), local_key="person:ltskvc-o3")]
    feats = {r["id"]: F.record_features(r, lexicon) for r in records}
    before = {m: Counter({"person:ltskvc-o": 1}) for m in feats}
    result = cluster(feats, {r["id"]: r["local_key"] for r in records}, score_pairs(list(feats.values())),
                     [], [("full", "b"), ("full", "c")], None, before)
    assert result.person_of["b"] == result.person_of["c"] == "person:ltskvc-o"
    assert result.person_of["full"] not in ("person:ltskvc-o", result.person_of["b"])


def test_a_training_step_that_fails_leaves_the_estimates_before_it():
    """EM can drive a level's m below what float64 holds (Splink then refuses the model): the estimates of
    the steps that succeeded are kept, and training goes no further."""
    from graph.resolve import linkage

    class Training:
        def estimate_u_using_random_sampling(self, **_):
            owner.state = "u trained"

        def estimate_parameters_using_expectation_maximisation(self, *_, **__):
            owner.state = "half-trained"
            raise ValueError("m_probability value 8e-304 is below the minimum allowed value of 1e-300")

    class Misc:
        def save_model_to_json(self):
            return {"state": owner.state}

    class Linker:
        state = "priors"
        training, misc = Training(), Misc()

    owner = Linker()
    assert linkage._train(owner, lambda column: column, linkage.PERSONS) == {"state": "u trained"}


def test_a_latin_surname_mistyped_inside_a_digraph_meets_the_spelling_it_mistypes(lexicon):
    """ "Milhukov" is one letter from "Mishukov" as typed (two once sh is read as one letter)."""
    official = [dict(record(f"o{i}", "Mishukov", "Ruslan", "Andreyevich"), texts=["Ruslan Andreyevich Mishukov"])
                for i in range(3)]
    typo = dict(record("typo", "Milhukov", "R.", "A."), texts=["R. A. Milhukov"])
    groups, result = resolved(official + [typo], lexicon)
    assert ["o0", "o1", "o2", "typo"] in groups and result.links["typo"].kind == "surname_typo"


def test_a_surname_alone_whose_rank_fell_joins_its_only_official_and_no_one_when_another_fits(lexicon):
    """A rank read wrong is commoner than a demotion: with no other official of that surname, the mention
    joins the one whose rank it contradicts; beside a namesake whose rank fits, it joins the namesake."""
    captain = record("captain", "Гончарик", "Василий", "Вадимович", rank_order=11, date="2020-08-09")
    alone = record("alone", "Ганчарык", rank_order=10, date="2020-08-13")
    groups, result = resolved([captain, alone], lexicon)
    assert groups == [["alone", "captain"]] and result.links["alone"].kind == "surname_only"
    lieutenant = record("lieutenant", "Гончарик", "Олег", "Петрович", rank_order=10, date="2020-08-10")
    groups, _ = resolved([captain, lieutenant, alone], lexicon)
    assert ["alone", "lieutenant"] in groups
