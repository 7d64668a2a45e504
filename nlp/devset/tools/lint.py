#!/usr/bin/env python3
"""QA helper: list cue words NOT covered by any gold span (for manual review)."""
import json, pathlib, re, sys
ROOT = pathlib.Path(__file__).resolve().parent.parent
cast = [json.loads(l) for l in (ROOT / "cast.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
stems = set()
for c in cast:
    for s in (c["surname_ru"], c["surname_be"]):
        stems.add(s[:-2] if len(s) > 6 else s[:-1])
    for l in c["latin"]:
        stems.add(l.split()[-1][:-1])
CUES = {
 "PERSONcue": sorted(stems),
 "UNITcue": ["ОМОН","АМАП","OMON","РУВД","РУУС","RUVD","ГУВД","ГУУС","GUVD","ГУБОПиК","ГУБАЗіК","GUBOPiK","КГБ","КДБ","KGB","МВД","МУС",
            "ЦИП","ЦІП","TsIP","ИВС","ІЧУ","IVS","СИЗО","СІЗА","SIZO","Окрестин","Акрэсцін","Okrestin","Володар","Валадар","Volodar","3214",
            "омитет","камітэт","Committee","суд","Суд","court","Court","войск","Troops","Ministr","инистерств","іністэрств","тюрьм","турм","Prison",
            "Department","Directorate","УВД","УУС","UVD","прокурат","Police","изолятор","Centre"],
 "DATEcue": ["январ","феврал","март","апрел","мая","май","июн","июл","август","сентябр","октябр","ноябр","декабр",
            "студзен","лют","сакавік","красавік","траў","чэрв","ліп","жнів","верас","кастрычні","лістапад","снеж",
            "January","February","March","April","June","July","August","September","October","November","December","2019","2020","2021"],
 "PLACEcue": ["Минск","Мінск","Minsk","MINSK","Брест","Брэст","Brest","BREST","Гомел","Гродн","Жодин","Жодзін","Zhodino","Барановіч","Баранович",
            "улиц","вуліц","Street","Avenue","Lane","проспект","праспект","метро","metro","площад","плошч","Площад","Плошч","Стел","Стэл","Stela",
            "Беларус","Belarus","Уруч","Uruch","Серебрянк","district","район","раён"],
 "INCcue": ["бил","бьё","бит","избив","задерж","ударил","пинал","душил","затрым","збіл","біл","ударыў","beat","hit","kick","detain","tortur",
            "пытк","пытал","держал","трымал","положил","паклал","постав","пастав","облил","аблі","стрел","страл","поместил","змясцілі","dragged","slap",
            "held","kept","force","сил","таскал","удар","надел","надзеў","скруціў","штурха","кати","ill-treat","обращени"],
}
def main():
    only = sys.argv[1:] 
    for doc in sorted((ROOT / "docs").glob("*.txt")):
        if only and not any(doc.name.startswith(o) for o in only):
            continue
        text = doc.read_text(encoding="utf-8")
        gold = json.loads((ROOT / "gold" / (doc.stem + ".json")).read_text(encoding="utf-8"))
        cov = []
        for e in gold["entities"]:
            i = -1
            for _ in range(e["occurrence"]):
                i = text.find(e["text"], i + 1)
            cov.append((i, i + len(e["text"]), e["type"]))
        hits = []
        for cat, words in CUES.items():
            for w in words:
                for m in re.finditer(re.escape(w), text):
                    if any(s <= m.start() < en for s, en, _ in cov):
                        continue
                    a = text.rfind(" ", 0, max(0, m.start() - 25)); b = text.find(" ", m.end() + 25)
                    hits.append((m.start(), cat, w, text[a + 1:b if b != -1 else None].replace("\n", " ")))
        seen = set()
        for pos, cat, w, ctx in sorted(hits):
            if pos in seen: continue
            seen.add(pos)
            print(f"{doc.stem}\t{cat}\t{w}\t…{ctx}…")
main()
