"""Invented names: surnames and given names with their Russian and Belarusian case forms, patronymics,
and Latin spellings in several transliteration systems. Every combination is fictional.

Cases are ``nom``, ``gen``, ``dat``, ``acc``, ``ins``; languages of the Cyrillic forms ``ru`` and ``be``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

CASES = ("nom", "gen", "dat", "acc", "ins")


@dataclass(frozen=True)
class Surname:
    """Masculine nominative in Russian and Belarusian, and the declension type:
    ``ov`` (-ов/-аў), ``in`` (-ин/-ін), ``sky`` (-ский/-скі), ``enko`` (indeclinable),
    ``ich`` (-ич/-іч) and ``cons`` (other hard consonants: -ук, -ик, Щур); the last two do not decline
    for women."""
    ru: str
    be: str
    kind: str


@dataclass(frozen=True)
class GivenName:
    ru: str
    be: str
    latin: tuple[str, ...]
    sex: str
    patronymic_ru: str = ""     # masculine patronymic derived from this name ("Валерьевич")
    patronymic_be: str = ""     # its Belarusian form ("Валер'евіч")


def _s(kind: str, pairs: str) -> list[Surname]:
    return [Surname(*pair.split("/"), kind) for pair in pairs.split()]


OFFICIAL_SURNAMES: list[Surname] = (
    _s("ov", "Захаров/Захараў Козлов/Казлоў Морозов/Марозаў Волков/Ваўкоў Соколов/Сакалоў "
             "Лебедев/Лебедзеў Новиков/Навікаў Фёдоров/Фёдараў Комаров/Камароў Баранов/Баранаў "
             "Тарасов/Тарасаў Жуков/Жукаў Гусев/Гусеў Киселёв/Кісялёў Орлов/Арлоў Макаров/Макараў "
             "Андреев/Андрэеў Романов/Раманаў Крылов/Крылоў Зайцев/Зайцаў Голубев/Голубеў "
             "Тихонов/Ціханаў Ершов/Яршоў Королёв/Каралёў Щербаков/Шчарбакоў Носов/Насаў "
             "Ковалёв/Кавалёў Карпов/Карпаў Фролов/Фралоў Максимов/Максімаў Петухов/Пятухоў "
             "Суханов/Суханаў Глушаков/Глушакоў Рябов/Рабаў Денисов/Дзянісаў Субботин/Суботін "
             "Лаптев/Лапцеў Чернов/Чарноў Быстров/Быстроў Туров/Тураў Мишуков/Мішукоў "
             "Павлов/Паўлаў Семёнов/Сямёнаў Егоров/Ягораў Степанов/Сцяпанаў Алексеев/Аляксееў "
             "Яковлев/Якаўлеў Поляков/Палякоў Виноградов/Вінаградаў Беляев/Бяляеў Соловьёв/Салаўёў "
             "Борисов/Барысаў Герасимов/Герасімаў Марков/Маркаў Титов/Цітоў Пахомов/Пахомаў "
             "Ефимов/Яфімаў Давыдов/Давыдаў Ширяев/Шыраеў Коротков/Караткоў Прохоров/Прохараў "
             "Гордеев/Гардзееў Абрамов/Абрамаў Блинов/Бліноў Игнатов/Ігнатаў Дроздов/Драздоў "
             "Казаков/Казакоў Рыбаков/Рыбакоў Трофимов/Трафімаў Щеглов/Шчаглоў Шестаков/Шастакоў "
             "Елисеев/Елісееў Кононов/Канонаў Симонов/Сіманаў Куликов/Кулікоў Гаврилов/Гаўрылаў "
             "Панков/Панкоў Лукашов/Лукашоў Кудряшов/Кудрашоў Сазонов/Сазонаў Савельев/Савельеў "
             "Горбунов/Гарбуноў Осташов/Асташоў Ермаков/Ермакоў Зуев/Зуеў Дьяконов/Дзяканаў "
             "Тимофеев/Цімафееў Корнилов/Карнілаў Шилов/Шылаў Мартынов/Мартынаў Лазарев/Лазараў "
             "Сычёв/Сычоў Чупров/Чупроў Булатов/Булатаў Усов/Усаў Клименков/Кліменкоў")
    + _s("in", "Сорокин/Сарокін Никитин/Нікіцін Ильин/Ільін Фомин/Фамін Кузьмин/Кузьмін "
               "Лапшин/Лапшын Шишкин/Шышкін Зимин/Зімін Галкин/Галкін Рогачин/Рагачын "
               "Калинин/Калінін Кудрин/Кудрын Мухин/Мухін Лапин/Лапін")
    + _s("sky", "Каминский/Камінскі Ковалевский/Кавалеўскі Новицкий/Навіцкі Савицкий/Савіцкі "
                "Яблонский/Яблонскі Высоцкий/Высоцкі Жуковский/Жукоўскі Ольшевский/Альшэўскі "
                "Вишневский/Вішнеўскі Лозовский/Лазоўскі Завадский/Завадскі Томашевский/Тамашэўскі "
                "Гриневский/Грынеўскі Добровольский/Дабравольскі Ясинский/Ясінскі "
                "Липницкий/Ліпніцкі Сосновский/Сасноўскі Островский/Астроўскі Гарбацкий/Гарбацкі "
                "Зелинский/Зялінскі Петровский/Пятроўскі Малиновский/Маліноўскі Сокольский/Сакольскі "
                "Гурский/Гурскі Белявский/Бялеўскі Лещинский/Ляшчынскі Рачковский/Рачкоўскі "
                "Янушевский/Янушэўскі Бельский/Бельскі Ковальский/Кавальскі Волынский/Валынскі "
                "Домбровский/Дамброўскі")
    + _s("enko", "Руденко/Рудзенка Шевченко/Шаўчэнка Кравченко/Краўчэнка Бондаренко/Бондарэнка "
                 "Лысенко/Лысенка Петренко/Пятрэнка Марченко/Марчэнка Симоненко/Сіманенка "
                 "Ткаченко/Ткачэнка Ярошенко/Ярашэнка Коваленко/Каваленка Гуленко/Гуленка "
                 "Даниленко/Даніленка Литвиненко/Літвіненка Кириенко/Кірыенка Демченко/Дземчэнка "
                 "Гордиенко/Гардзіенка Павленко/Паўленка Яковенко/Якавенка Сушко/Сушко Бойко/Бойка")
    + _s("ich", "Мацкевич/Мацкевіч Кулешевич/Кулешэвіч Янкевич/Янкевіч Бабкевич/Бабкевіч "
                "Лукашевич/Лукашэвіч Карпович/Карповіч Радкевич/Радкевіч Сенкевич/Сянкевіч "
                "Станкевич/Станкевіч Юркевич/Юркевіч Петкевич/Пяткевіч Дашкевич/Дашкевіч "
                "Тарасевич/Тарасевіч Волкович/Ваўковіч Зенькевич/Зянькевіч Бородич/Барадзіч "
                "Шинкевич/Шынкевіч Рудкевич/Рудкевіч Жданович/Ждановіч Михалевич/Міхалевіч")
    + _s("cons", "Ковальчук/Кавальчук Мельничук/Мельнічук Савчук/Саўчук Кравчук/Краўчук "
                 "Ничипорук/Нічыпарук Щур/Шчур Жук/Жук Кулик/Кулік Бобрик/Бобрык Гончарик/Ганчарык "
                 "Шелег/Шэлег Мороз/Мароз Гайдук/Гайдук Мартынюк/Мартынюк Степанюк/Сцепанюк "
                 "Игнатюк/Ігнацюк Яцук/Яцук Романюк/Раманюк Гриб/Грыб Дубик/Дубік Шевчик/Шаўчык")
)

PRIVATE_SURNAMES: list[Surname] = (
    _s("ov", "Кудрявцев/Кудраўцаў Осипов/Восіпаў Бурлаков/Бурлакоў Снегирёв/Снегіроў")
    + _s("in", "Гурин/Гурын Пташкин/Пташкін")
    + _s("sky", "Белозерский/Белазерскі Пясецкий/Пясецкі")
    + _s("enko", "Малашенко/Малашэнка Сидоренко/Сідарэнка Грищенко/Грышчэнка")
    + _s("ich", "Пашкевич/Пашкевіч Климович/Клімовіч Дробович/Дробавіч")
    + _s("cons", "Лазарчук/Лазарчук Левчук/Леўчук Шпак/Шпак Дубовик/Дубовік Белоус/Белавус")
)


def _m(ru: str, be: str, latin: str, patronymic_ru: str, patronymic_be: str) -> GivenName:
    return GivenName(ru, be, tuple(latin.split(",")), "m", patronymic_ru, patronymic_be)


def _f(ru: str, be: str, latin: str) -> GivenName:
    return GivenName(ru, be, tuple(latin.split(",")), "f")


OFFICIAL_GIVEN: list[GivenName] = [
    _m("Василий", "Васіль", "Vasily,Vasiliy,Vasil,Wassili", "Васильевич", "Васілевіч"),
    _m("Сергей", "Сяргей", "Sergei,Sergey,Siarhei", "Сергеевич", "Сяргеевіч"),
    _m("Святослав", "Святаслаў", "Svyatoslav,Sviataslau", "Святославович", "Святаслававіч"),
    _m("Станислав", "Станіслаў", "Stanislav,Stanislau", "Станиславович", "Станіслававіч"),
    _m("Андрей", "Андрэй", "Andrei,Andrey,Andrej", "Андреевич", "Андрэевіч"),
    _m("Александр", "Аляксандр", "Aleksandr,Alexander,Aliaksandr", "Александрович", "Аляксандравіч"),
    _m("Дмитрий", "Дзмітрый", "Dmitry,Dmitriy,Dzmitry", "Дмитриевич", "Дзмітрыевіч"),
    _m("Игорь", "Ігар", "Igor,Ihar", "Игоревич", "Ігаравіч"),
    _m("Олег", "Алег", "Oleg,Aleh", "Олегович", "Алегавіч"),
    _m("Вадим", "Вадзім", "Vadim,Vadzim", "Вадимович", "Вадзімавіч"),
    _m("Юрий", "Юрый", "Yuri,Yury,Yuriy,Jury", "Юрьевич", "Юр'евіч"),
    _m("Геннадий", "Генадзь", "Gennady,Gennadiy,Henadz", "Геннадьевич", "Генадзевіч"),
    _m("Валерий", "Валерый", "Valery,Valeriy,Valeri", "Валерьевич", "Валер'евіч"),
    _m("Виктор", "Віктар", "Viktor,Victor,Viktar", "Викторович", "Віктаравіч"),
    _m("Владимир", "Уладзімір", "Vladimir,Uladzimir,Wladimir", "Владимирович", "Уладзіміравіч"),
    _m("Иван", "Іван", "Ivan", "Иванович", "Іванавіч"),
    _m("Максим", "Максім", "Maksim,Maxim", "Максимович", "Максімавіч"),
    _m("Роман", "Раман", "Roman,Raman", "Романович", "Раманавіч"),
    _m("Артём", "Арцём", "Artyom,Artem,Artsiom", "Артёмович", "Арцёмавіч"),
    _m("Руслан", "Руслан", "Ruslan", "Русланович", "Русланавіч"),
    _m("Константин", "Канстанцін", "Konstantin,Kanstantsin", "Константинович", "Канстанцінавіч"),
    _m("Евгений", "Яўген", "Yevgeny,Evgeniy,Yauhen", "Евгеньевич", "Яўгенавіч"),
    _m("Николай", "Мікалай", "Nikolai,Nikolay,Mikalai", "Николаевич", "Мікалаевіч"),
    _f("Наталья", "Наталля", "Natalya,Natalia,Natallia"),
    _f("Елена", "Алена", "Yelena,Elena,Alena"),
    _f("Ольга", "Вольга", "Olga,Volha"),
    _f("Татьяна", "Таццяна", "Tatyana,Tatiana,Tatsiana"),
    _f("Ирина", "Ірына", "Irina,Iryna"),
    _f("Светлана", "Святлана", "Svetlana,Sviatlana"),
    _f("Марина", "Марына", "Marina,Maryna"),
    _f("Людмила", "Людміла", "Lyudmila,Liudmila"),
]

PRIVATE_GIVEN: list[GivenName] = [
    _m("Антон", "Антон", "Anton", "", ""), _m("Глеб", "Глеб", "Gleb,Hleb", "", ""),
    _m("Тимур", "Цімур", "Timur,Tsimur", "", ""), _m("Кирилл", "Кірыл", "Kirill,Kiryl", "", ""),
    _m("Егор", "Ягор", "Yegor,Yahor", "", ""), _m("Матвей", "Мацвей", "Matvei,Matsvei", "", ""),
    _m("Денис", "Дзяніс", "Denis,Dzianis", "", ""), _m("Тарас", "Тарас", "Taras", "", ""),
    _m("Леонид", "Леанід", "Leonid,Leanid", "", ""), _m("Богдан", "Багдан", "Bogdan,Bahdan", "", ""),
    _m("Филипп", "Піліп", "Filipp,Pilip", "", ""), _m("Арсений", "Арсеній", "Arseny,Arsenij", "", ""),
    _f("Дарья", "Дар'я", "Darya,Daria"), _f("Ксения", "Ксенія", "Kseniya,Ksenia"),
    _f("Полина", "Паліна", "Polina,Palina"), _f("Алина", "Аліна", "Alina"),
    _f("Вероника", "Вераніка", "Veronika"), _f("Юлия", "Юлія", "Yulia,Julia"),
    _f("Екатерина", "Кацярына", "Yekaterina,Katsiaryna"), _f("Яна", "Яна", "Yana"),
    _f("Алеся", "Алеся", "Alesya,Alesia"), _f("Надежда", "Надзея", "Nadezhda,Nadzeya"),
]


# -- declension ---------------------------------------------------------------------------------------
_ENDINGS = {  # (language, kind, sex) -> endings for CASES, replacing the part cut from the nominative
    ("ru", "ov", "m"): ("", "а", "у", "а", "ым"), ("ru", "ov", "f"): ("а", "ой", "ой", "у", "ой"),
    ("ru", "in", "m"): ("", "а", "у", "а", "ым"), ("ru", "in", "f"): ("а", "ой", "ой", "у", "ой"),
    ("ru", "sky", "m"): ("ий", "ого", "ому", "ого", "им"), ("ru", "sky", "f"): ("ая", "ой", "ой", "ую", "ой"),
    ("ru", "ich", "m"): ("", "а", "у", "а", "ем"), ("ru", "cons", "m"): ("", "а", "у", "а", "ом"),
    ("be", "ov", "m"): ("ў", "ва", "ву", "ва", "вым"), ("be", "ov", "f"): ("ва", "вай", "вай", "ву", "вай"),
    ("be", "in", "m"): ("", "а", "у", "а", "ым"), ("be", "in", "f"): ("а", "ай", "ай", "у", "ай"),
    ("be", "sky", "m"): ("і", "ага", "аму", "ага", "ім"), ("be", "sky", "f"): ("ая", "ай", "ай", "ую", "ай"),
    ("be", "ich", "m"): ("", "а", "у", "а", "ам"), ("be", "cons", "m"): ("", "а", "у", "а", "ом"),
}


def surname_form(surname: Surname, sex: str, lang: str, case: str) -> str:
    """'Захаров', f, ru, acc -> 'Захарову'; 'Камінскі', m, be, gen -> 'Камінскага'; -енко never declines."""
    base = surname.ru if lang == "ru" else surname.be
    endings = _ENDINGS.get((lang, surname.kind, sex))
    if endings is None:  # -енко, and -ич / consonant surnames of women
        return base
    cut = {"sky": 2 if lang == "ru" else 1, "ov": 1 if lang == "be" else 0}.get(surname.kind, 0)
    return base[:len(base) - cut] + endings[CASES.index(case)]


_VELAR_SOFT = {"г": "и", "к": "и", "х": "и", "ж": "и", "ш": "и", "ч": "и", "щ": "и"}
_BE_DATIVE_ALTERNATION = {"г": "з", "к": "ц", "х": "с"}


def given_form(name: GivenName, lang: str, case: str) -> str:
    """A given name in a case: Сергей -> Сергея, Игорь -> Игорем, Ольга -> Ольги, Вольга -> Вользе."""
    word = name.ru if lang == "ru" else name.be
    i = CASES.index(case)
    if case == "nom":
        return word
    if name.sex == "m":
        if word.endswith("ў"):
            word = word[:-1] + "в"
        if word[-1] in "йь":
            soft_ins = "ём" if lang == "be" and word.endswith("ль") else "ем"  # Васілём
            return word[:-1] + ("", "я", "ю", "я", soft_ins)[i]
        return word + ("", "а", "у", "а", "ом" if lang == "ru" else "ам")[i]
    stem, last = word[:-1], word[-1]
    if last == "я" and stem[-1] in "иі":  # Юлия, Ксенія
        return stem + ("", "и" if lang == "ru" else "і", "и" if lang == "ru" else "і", "ю", "ей")[i]
    if last == "я":  # Наталья, Наталля, Дар'я
        return stem + ("", "и" if lang == "ru" else "і", "е", "ю", "ей")[i]
    if lang == "ru":
        gen = "и" if stem[-1] in _VELAR_SOFT else "ы"
        return stem + ("", gen, "е", "у", "ой")[i]
    gen = "і" if stem[-1] in "гкх" else "ы"
    dat_stem = stem[:-1] + _BE_DATIVE_ALTERNATION.get(stem[-1], stem[-1])
    return (stem, stem, dat_stem, stem, stem)[i] + ("", gen, "е", "у", "ай")[i]


def patronymic(name: GivenName, sex: str, lang: str) -> str:
    """The patronymic of a child of ``name``: Валерьевич / Валерьевна, Валер'евіч / Валер'еўна."""
    masculine = name.patronymic_ru if lang == "ru" else name.patronymic_be
    if sex == "m":
        return masculine
    return masculine[:-2] + "на" if lang == "ru" else masculine[:-3] + "ўна"


def patronymic_form(word: str, lang: str, case: str) -> str:
    i = CASES.index(case)
    if word.endswith("на"):
        return word[:-1] + ("а", "ы", "е", "у", "ой" if lang == "ru" else "ай")[i]
    return word + ("", "а", "у", "а", "ем" if lang == "ru" else "ам")[i]


# -- Latin spellings ----------------------------------------------------------------------------------
_RU_BASE = dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye"))
_BE_BASE = dict(zip("абвгдзійклмнопрстуўфыэ", "abvhdziiklmnoprstuufye"))
TRANSLIT: dict[str, dict[str, str]] = {
    # Russian-based
    "ru_bgn": {**_RU_BASE, "ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
               "ъ": "", "ь": "", "ю": "yu", "я": "ya"},
    "ru_simple": {**_RU_BASE, "ё": "yo", "ж": "zh", "х": "h", "ц": "c", "ч": "ch", "ш": "sh", "щ": "sch",
                  "ъ": "", "ь": "", "ю": "yu", "я": "ya"},
    "ru_german": {**_RU_BASE, "в": "w", "з": "s", "й": "j", "ё": "jo", "ж": "sch", "х": "ch", "ц": "z",
                  "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "", "ь": "", "ю": "ju", "я": "ja"},
    # Belarusian-based
    "be_passport": {**_BE_BASE, "е": "e", "ё": "io", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
                    "ь": "", "'": "", "ю": "iu", "я": "ia"},
    "be_lacinka": {**_BE_BASE, "е": "ie", "ё": "io", "ж": "ž", "х": "ch", "ц": "c", "ч": "č", "ш": "š",
                   "ў": "ŭ", "й": "j", "ь": "", "'": "", "ю": "iu", "я": "ia"},
}
_ENDING_RULES = {"ru_bgn": (("ий", "y"),), "ru_simple": (("ий", "iy"),), "ru_german": (("ий", "i"), ("ов", "ow"), ("ев", "ew"))}


def transliterate(word: str, system: str) -> str:
    """'Захаров' -> Zakharov (ru_bgn), Zaharov (ru_simple), Sacharow (ru_german); 'Захараў' -> Zakharau
    (be_passport), Zacharaŭ (be_lacinka). Russian systems take the Russian form, Belarusian the Belarusian."""
    lower = word.lower()
    suffix = ""
    for ending, latin in _ENDING_RULES.get(system, ()):
        if lower.endswith(ending):
            lower, suffix = lower[:-len(ending)], latin
            break
    table = TRANSLIT[system]
    out = "".join(table.get(char, char) for char in lower) + suffix
    out = re.sub(r"(?<=[aeiou])e", "ye", out) if system == "ru_bgn" else out
    return out[:1].upper() + out[1:]


def latin_surname(surname: Surname, sex: str, system: str) -> str:
    """The Latin nominative for a sex: Zakharova / Zakharava; Kaminskaya / Kaminskaia."""
    lang = "be" if system.startswith("be") else "ru"
    return transliterate(surname_form(surname, sex, lang, "nom"), system)


def fold(word: str) -> str:
    """A script-free skeleton ('Захараў' ~ 'zaharau'), for checks that two names cannot be confused."""
    table = {**TRANSLIT["ru_simple"], **{"і": "i", "ў": "u", "ё": "e", "'": ""}}
    out = "".join(table.get(char, char) for char in word.lower())
    return re.sub(r"[^a-z]", "", out.replace("y", "i").replace("j", "i"))
