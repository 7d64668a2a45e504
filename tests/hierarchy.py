"""A small fictional command hierarchy, built in code, used by the writer and command-chain tests.

Units are real public structures; every person is fictional.
OMON commanders change over time: Drozdov (2018-05 .. 2020-11, month precision), then Vetrov (from 2020-12, end
unknown). The GUVD head's start is known only to the year; the minister's dates are a day and a year.
"""
from graph.facts import DateRange, Evidence, FactBuilder

REFERENCE = Evidence("gazetteer", "test", 1.0, source_id="source:reference", status="confirmed")
T1, T2 = "a" * 64, "b" * 64


def testimony_evidence(testimony_id: str, excerpt: str, confidence: float = 0.8) -> Evidence:
    return Evidence("test-extractor", "1", confidence, testimony_id=testimony_id, start=0, end=len(excerpt),
                    excerpt=excerpt)


def build() -> FactBuilder:
    b = FactBuilder()
    b.entity("Source", {"id": "source:reference", "name": "Reference structure", "kind": "reference"})
    b.entity("Source", {"id": "source:ngo", "name": "Fictional NGO", "kind": "ngo", "reliability": "B"})
    for tid in (T1, T2):
        b.entity("Testimony", {"id": tid, "language": "ru", "source_type": "txt"})
        b.link("FROM_SOURCE", tid, "source:ngo")
    b.entity("Victim", {"id": "victim:v1", "pseudonym": "V-0001"})
    b.link("GAVE", "victim:v1", T1)
    units = {"unit:mvd": "МВД", "unit:guvd": "ГУВД Мингорисполкома", "unit:omon": "ОМОН ГУВД Мингорисполкома",
             "unit:dop": "Департамент охраны правопорядка", "unit:ruvd": "Фрунзенское РУВД"}
    for uid, name in units.items():
        b.entity("Unit", {"id": uid, "name": name, "names": [name]})
    b.subordinate("unit:omon", "unit:guvd", "command", REFERENCE)
    b.subordinate("unit:guvd", "unit:mvd", "command", REFERENCE)
    b.subordinate("unit:ruvd", "unit:guvd", "command", REFERENCE)
    b.subordinate("unit:omon", "unit:dop", "administrative", REFERENCE)  # must never feed a chain
    people = {"person:drozdov": "Павел Дроздов", "person:vetrov": "Олег Ветров", "person:sokolenko": "Иван Соколенко",
              "person:belsky": "Юрий Бельский", "person:lisin": "Артём Лисин", "person:orlov": "Глеб Орлов"}
    for pid, name in people.items():
        b.entity("Person", {"id": pid, "name": name, "names": [name]})
    ev = testimony_evidence
    b.post("person:drozdov", "unit:omon", "commander", ev(T1, "командир ОМОНа Дроздов"), rank="полковник",
           start=DateRange.parse("2018-05"), end=DateRange.parse("2020-11"))
    b.post("person:vetrov", "unit:omon", "commander", ev(T2, "новый командир ОМОНа Ветров"),
           start=DateRange.parse("2020-12"))
    b.post("person:sokolenko", "unit:guvd", "head", REFERENCE, start=DateRange.parse("2019"))
    b.post("person:belsky", "unit:mvd", "head", REFERENCE, title="министр",
           start=DateRange.parse("2019-11-10"), end=DateRange.parse("2021"))
    b.post("person:lisin", "unit:omon", "officer", ev(T1, "боец ОМОНа Лисин"),
           start=DateRange.parse("2019-06"), end=DateRange.parse("2021-03"))
    b.post("person:orlov", "unit:ruvd", "investigator", ev(T2, "следователь Орлов"),
           start=DateRange.parse("2020-08"), end=DateRange.parse("2020-08"))
    b.entity("Place", {"id": "place:okrestina", "name": "ул. Окрестина"})
    b.incident("incident:aug10", DateRange.parse("2020-08-10"), ev(T1, "избил меня"), label="beating")
    b.incident("incident:nov", DateRange.parse("2020-11"), ev(T2, "в ноябре задержали"), label="detention")
    b.incident("incident:jan15", DateRange.parse("2021-01-15"), ev(T2, "15 января били"), label="beating")
    b.incident("incident:passive", DateRange.parse("2020-08-11"), ev(T1, "меня избили"), label="beating")
    b.link("PERPETRATED", "person:lisin", "incident:aug10", ev(T1, "Лисин избил меня"))
    b.link("PERPETRATED", "person:lisin", "incident:aug10", ev(T2, "меня бил Лисин", confidence=0.6))
    b.link("PERPETRATED", "person:orlov", "incident:aug10", ev(T2, "Орлов бил"))
    b.link("PERPETRATED", "unit:omon", "incident:nov", ev(T2, "ОМОН задержал"))
    b.link("PERPETRATED", "person:lisin", "incident:jan15", ev(T2, "Лисин бил"))
    b.link("OCCURRED_AT", "incident:aug10", "place:okrestina", ev(T1, "на Окрестина"))
    b.link("SUBJECTED_TO", "victim:v1", "incident:aug10", ev(T1, "меня"))
    return b
