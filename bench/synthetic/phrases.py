"""Phrase pieces of the synthetic testimonies, per language (``ru``, ``be``, ``en``).

Template syntax, resolved by ``bench.synthetic_corpus``:
- ``{slot}`` is filled by the generator (``{date}``, ``{place}``, ``{to}``, ``{at}``, ``{unit}``, ``{subj}``,
  ``{acts}``, ``{who:CASE}`` an official with rank or post in a case, ``{name}`` a private person);
- ``[m|f]`` agrees with the narrator's sex, ``<m|f|pl>`` with the subject of the sentence.
Act phrases carry ``{me}`` / ``{me_dat}`` / ``{my}`` for "me" or "us".
"""
from __future__ import annotations

RANKS: dict[str, dict[str, tuple[str, ...]]] = {  # rank -> language -> forms in CASES (English: one form)
    "sergeant": {"ru": ("сержант",), "be": ("сяржант",), "en": ("Sergeant",)},
    "praporshchik": {"ru": ("прапорщик",), "be": ("прапаршчык",), "en": ("Warrant Officer",)},
    "lieutenant": {"ru": ("лейтенант",), "be": ("лейтэнант",), "en": ("Lieutenant",)},
    "senior-lieutenant": {"ru": ("старший лейтенант", "старшего лейтенанта", "старшему лейтенанту",
                                 "старшего лейтенанта", "старшим лейтенантом"),
                          "be": ("старшы лейтэнант", "старшага лейтэнанта", "старшаму лейтэнанту",
                                 "старшага лейтэнанта", "старшым лейтэнантам"),
                          "en": ("Senior Lieutenant",)},
    "captain": {"ru": ("капитан",), "be": ("капітан",), "en": ("Captain",)},
    "major": {"ru": ("майор",), "be": ("маёр",), "en": ("Major",)},
    "lieutenant-colonel": {"ru": ("подполковник",), "be": ("падпалкоўнік",), "en": ("Lieutenant Colonel",)},
    "colonel": {"ru": ("полковник",), "be": ("палкоўнік",), "en": ("Colonel",)},
}
RANK_ORDER = list(RANKS)

ROLES: dict[str, dict[str, tuple[str, str]]] = {  # role -> language -> (nominative, genitive)
    "commander": {"ru": ("командир", "командира"), "be": ("камандзір", "камандзіра"), "en": ("commander", "")},
    "deputy_commander": {"ru": ("заместитель командира", "заместителя командира"),
                         "be": ("намеснік камандзіра", "намесніка камандзіра"), "en": ("deputy commander", "")},
    "head": {"ru": ("начальник", "начальника"), "be": ("начальнік", "начальніка"), "en": ("head", "")},
    "deputy_head": {"ru": ("заместитель начальника", "заместителя начальника"),
                    "be": ("намеснік начальніка", "намесніка начальніка"), "en": ("deputy head", "")},
    "company_commander": {"ru": ("командир роты", "командира роты"), "be": ("камандзір роты", "камандзіра роты"),
                          "en": ("company commander", "")},
    "officer": {"ru": ("сотрудник", "сотрудника"), "be": ("супрацоўнік", "супрацоўніка"), "en": ("officer", "")},
    "operative": {"ru": ("оперуполномоченный", "оперуполномоченного"), "be": ("аператыўнік", "аператыўніка"),
                  "en": ("operative", "")},
    "investigator": {"ru": ("следователь", "следователя"), "be": ("следчы", "следчага"), "en": ("investigator", "")},
    "duty_officer": {"ru": ("дежурный", "дежурного"), "be": ("дзяжурны", "дзяжурнага"), "en": ("duty officer", "")},
    "guard": {"ru": ("контролёр", "контролёра"), "be": ("кантралёр", "кантралёра"), "en": ("guard", "")},
    "judge": {"ru": ("судья", "судьи"), "be": ("суддзя", "суддзі"), "en": ("judge", "")},
}
COMMAND_ROLES = ("commander", "head")

MONTHS = {
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"),
    "ru_in": ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре",
              "ноябре", "декабре"),
    "be": ("студзеня", "лютага", "сакавіка", "красавіка", "мая", "чэрвеня", "ліпеня", "жніўня", "верасня",
           "кастрычніка", "лістапада", "снежня"),
    "be_in": ("студзені", "лютым", "сакавіку", "красавіку", "маі", "чэрвені", "ліпені", "жніўні", "верасні",
              "кастрычніку", "лістападзе", "снежні"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}

# Street places of arrests: id -> language -> "at" phrase
STREET_PLACES: dict[str, dict[str, str]] = {
    "place:pushkinskaya": {"ru": "у станции метро «Пушкинская»", "be": "каля станцыі метро «Пушкінская»",
                           "en": "near Pushkinskaya metro station"},
    "place:stela": {"ru": "возле стелы «Минск — город-герой»", "be": "каля стэлы «Мінск — горад-герой»",
                    "en": "near the Stela monument"},
    "place:riga": {"ru": "у торгового центра «Рига»", "be": "каля гандлёвага цэнтра «Рыга»",
                   "en": "by the Riga shopping centre"},
    "place:nemiga": {"ru": "на Немиге", "be": "на Нямізе", "en": "on Nyamiha street"},
    "place:uruchye": {"ru": "в Уручье, возле остановки", "be": "ва Уруччы, каля прыпынку",
                      "en": "in Uruchcha, next to a bus stop"},
    "place:kalvariyskaya": {"ru": "на улице Кальварийской", "be": "на вуліцы Кальварыйскай",
                            "en": "on Kalvaryiskaya street"},
    "place:pobediteley": {"ru": "на проспекте Победителей", "be": "на праспекце Пераможцаў",
                          "en": "on Pieramozhcau avenue"},
    "place:gomel-center": {"ru": "в центре Гомеля, у Дворца культуры", "be": "у цэнтры Гомеля, каля Палаца культуры",
                           "en": "in the centre of Gomel, by the Palace of Culture"},
    "place:home": {"ru": "у подъезда моего дома", "be": "каля пад'езда майго дома", "en": "outside my block of flats"},
}

ACTS: dict[str, dict[str, list[str]]] = {  # kind -> language -> verb phrases
    "beat": {"ru": ["<избил|избила|избили> {me} дубинкой", "<бил|била|били> {me} дубинкой по ногам",
                    "<избил|избила|избили> {me} так, что я не мог[|ла] встать"],
             "be": ["<збіў|збіла|збілі> {me} дубінкай", "<біў|біла|білі> {me} дубінкай па нагах"],
             "en": ["beat {me} with a baton", "beat {me} on the legs with a truncheon"]},
    "hit": {"ru": ["<ударил|ударила|ударили> {me} по голове", "<ударил|ударила|ударили> {me} кулаком в живот"],
            "be": ["<ударыў|ударыла|ударылі> {me} па галаве", "<ударыў|ударыла|ударылі> {me} кулаком у жывот"],
            "en": ["hit {me} on the head", "punched {me} in the stomach"]},
    "kick": {"ru": ["<пинал|пинала|пинали> {me} ногами", "<бил|била|били> {me} ногами по рёбрам"],
             "be": ["<біў|біла|білі> {me} нагамі", "<пінаў|пінала|піналі> {me} нагамі па рэбрах"],
             "en": ["kicked {me}", "kicked {me} in the ribs"]},
    "kneel": {"ru": ["<поставил|поставила|поставили> {me} на колени"],
              "be": ["<паставіў|паставіла|паставілі> {me} на калені"],
              "en": ["forced {me} to kneel", "made {me} kneel on the asphalt"]},
    "stress_position": {"ru": ["<заставил|заставила|заставили> {me} стоять у стены с поднятыми руками",
                               "<держал|держала|держали> {me} в позе «ласточки»"],
                        "be": ["<прымусіў|прымусіла|прымусілі> {me} стаяць каля сцяны з паднятымі рукамі"],
                        "en": ["made {me} stand against the wall with {my} hands up",
                               "kept {me} bent over in the 'swallow' position"]},
    "threat": {"ru": ["<угрожал|угрожала|угрожали> {me_dat} изнасилованием",
                      "<угрожал|угрожала|угрожали>, что {me} посадят надолго"],
               "be": ["<пагражаў|пагражала|пагражалі> {me_dat} гвалтам",
                      "<пагражаў|пагражала|пагражалі>, што {me} пасадзяць надоўга"],
               "en": ["threatened {me} with rape", "threatened to put {me} away for years"]},
    "choke": {"ru": ["<душил|душила|душили> {me}"], "be": ["<душыў|душыла|душылі> {me}"], "en": ["choked {me}"]},
    "drag": {"ru": ["<тащил|тащила|тащили> {me} за волосы"], "be": ["<цягнуў|цягнула|цягнулі> {me} за валасы"],
             "en": ["dragged {me} by the hair"]},
    "pepper_spray": {"ru": ["<брызнул|брызнула|брызнули> {me_dat} газом в лицо"],
                     "be": ["<пырснуў|пырснула|пырснулі> {me_dat} газам у твар"],
                     "en": ["sprayed pepper gas in {my} face"]},
    "strip": {"ru": ["<заставил|заставила|заставили> {me} раздеться догола"],
              "be": ["<прымусіў|прымусіла|прымусілі> {me} распрануцца дагала"],
              "en": ["forced {me} to strip naked"]},
    "electric_shock": {"ru": ["<применил|применила|применили> ко {me_dat} электрошокер"],
                       "be": ["<ужыў|ужыла|ужылі> да {me} электрашокер"], "en": ["used a stun gun on {me}"]},
    "deprivation": {"ru": ["<не давал|не давала|не давали> {me_dat} воды"],
                    "be": ["<не даваў|не давала|не давалі> {me_dat} вады"], "en": ["refused to give {me} water"]},
    "insult": {"ru": ["<оскорблял|оскорбляла|оскорбляли> {me}"], "be": ["<абражаў|абражала|абражалі> {me}"],
               "en": ["insulted {me}"]},
    "denied_counsel": {"ru": ["<отказал|отказала|отказали> {me_dat} в адвокате"],
                       "be": ["<адмовіў|адмовіла|адмовілі> {me_dat} ў адвакаце"], "en": ["refused {me} a lawyer"]},
    "ignored_injuries": {"ru": ["<не обратил|не обратила|не обратили> внимания на {my} синяки"],
                         "be": ["<не звярнуў|не звярнула|не звярнулі> ўвагі на {my} сінякі"],
                         "en": ["ignored {my} bruises"]},
}
COURT_ACTS = ("denied_counsel", "ignored_injuries", "insult")
VIOLENT_ACTS = tuple(kind for kind in ACTS if kind not in ("denied_counsel", "ignored_injuries"))
PRONOUNS = {  # language -> singular/plural -> slot -> word
    "ru": {"sg": {"me": "меня", "me_dat": "мне", "my": "мои"}, "pl": {"me": "нас", "me_dat": "нам", "my": "наши"}},
    "be": {"sg": {"me": "мяне", "me_dat": "мне", "my": "мае"}, "pl": {"me": "нас", "me_dat": "нам", "my": "нашы"}},
    "en": {"sg": {"me": "me", "me_dat": "me", "my": "my"}, "pl": {"me": "us", "me_dat": "us", "my": "our"}},
}

# Sentences. Episode openings by kind of episode; {date} may be empty (the generator tidies spaces).
OPENINGS: dict[str, dict[str, list[str]]] = {
    "arrest": {
        "ru": ["{date} меня задержали {place}.", "{date} я [шёл|шла] домой {place}, когда рядом остановился бус без номеров.",
               "Задержали меня {date} {place}.", "{date} мы с друзьями стояли {place}, и тут подбежали люди в масках."],
        "be": ["{date} мяне затрымалі {place}.", "{date} я [ішоў|ішла] дадому {place}, калі побач спыніўся бус без нумароў.",
               "Затрымалі мяне {date} {place}."],
        "en": ["{date} I was detained {place}.", "I was walking home {place} {date} when a van without plates stopped next to me.",
               "{date} we were standing {place} when men in balaclavas ran at us."]},
    "van": {
        "ru": ["Меня затолкали в автозак.", "В бусе нас положили лицом в пол.", "Нас бросили в автозак, там было человек двадцать."],
        "be": ["Мяне заштурхалі ў аўтазак.", "У бусе нас паклалі тварам у падлогу."],
        "en": ["I was shoved into a prison van.", "In the van they made us lie face down on the floor."]},
    "ruvd": {
        "ru": ["{date} нас привезли {to}.", "Потом меня доставили {to}.", "{at} нас держали во дворе несколько часов."],
        "be": ["{date} нас прывезлі {to}.", "Потым мяне даставілі {to}."],
        "en": ["{date} we were taken {to}.", "Then I was brought {to}.", "{at} they kept us in the yard for hours."]},
    "okrestina": {
        "ru": ["{date} меня перевезли {to}.", "Ночью нас привезли {to}.", "{at} было ещё хуже."],
        "be": ["{date} мяне перавезлі {to}.", "Уначы нас прывезлі {to}."],
        "en": ["{date} I was transferred {to}.", "At night we were taken {to}.", "{at} it was even worse."]},
    "court": {
        "ru": ["{date} был суд {at}, по скайпу.", "Суд прошёл {date} {at}, за пять минут.", "{date} меня судили {at}."],
        "be": ["{date} быў суд {at}, па скайпе.", "{date} мяне судзілі {at}."],
        "en": ["{date} there was a trial {at}, by video link.", "{date} I was tried {at}; it took five minutes."]},
    "search": {
        "ru": ["{date} ко мне домой пришли с обыском.", "{date} в шесть утра в дверь позвонили: обыск."],
        "be": ["{date} да мяне дадому прыйшлі з вобыскам.", "{date} а шостай раніцы ў дзверы пазванілі: вобыск."],
        "en": ["{date} they came to search my flat.", "{date} at six in the morning the doorbell rang: a search."]},
    "interrogation": {
        "ru": ["{date} меня отвезли на допрос {to}.", "Допрашивали меня {at} {date}."],
        "be": ["{date} мяне адвезлі на допыт {to}.", "Дапытвалі мяне {at} {date}."],
        "en": ["{date} I was taken for questioning {to}.", "I was questioned {at} {date}."]},
}

# A sentence with acts: {subj} is nominative (an official with rank or post, or a unit's staff).
ACT_SENTENCES: dict[str, list[str]] = {
    "ru": ["{subj} {acts}.", "Там {subj} {acts}.", "{acts} {subj}.", "Потом {subj} {acts}.",
           "Я помню, как {subj} {acts}.", "{subj} сразу {acts}."],
    "be": ["{subj} {acts}.", "Там {subj} {acts}.", "Потым {subj} {acts}.", "Я памятаю, як {subj} {acts}."],
    "en": ["{subj} {acts}.", "There {subj} {acts}.", "Then {subj} {acts}.", "I remember how {subj} {acts}."],
}
CONJUNCTION = {"ru": (", а потом ", " и ", ", потом "), "be": (", а потым ", " і "), "en": (", then ", " and ")}

ORDER_SENTENCES: dict[str, list[str]] = {
    "ru": ["Всё это делалось по приказу {who:gen}.", "Команду бить дал<|а|> {who:nom}.",
           "Я слышал[|а], как {who:nom} сказал<|а|>: «Работайте жёстче».", "Приказ отдавал<|а|> {who:nom}, <он|она|они> стоял<|а|и> рядом."],
    "be": ["Усё гэта рабілася па загадзе {who:gen}.", "Загад біць <даў|дала|далі> {who:nom}."],
    "en": ["All this was done on the orders of {who:nom}.", "{who:nom} gave the order to beat us.",
           "I heard {who:nom} say: 'Work them harder.'"],
}
POST_SENTENCES: dict[str, list[str]] = {  # {role} {unit} {rank} {name}: a post stated in the text
    "ru": ["Как я потом узнал[|а], {role} {unit} — {rank} {name}.", "{role} {unit} {rank} {name} всё видел<|а|>.",
           "Там был сам {role} {unit} {rank} {name}."],
    "be": ["Як я потым даведал[ся|ася], {role} {unit} — {rank} {name}.", "Там быў сам {role} {unit} {rank} {name}."],
    "en": ["As I learnt later, the {role} of {unit} was {rank} {name}.", "The {role} of {unit}, {rank} {name}, saw everything."],
}
POST_SINCE_SENTENCES: dict[str, list[str]] = {  # a post with its start: {since} is a month phrase
    "ru": ["С {since} {unit_nom} возглавляет {rank} {name}.", "{name} стал<|а|> {role_ins} {unit} с {since}."],
    "be": ["З {since} {unit_nom} кіруе {rank} {name}."],
    "en": ["Since {since} the {role} of {unit} has been {rank} {name}."],
}
ROLE_INS = {"ru": {"commander": "командиром", "head": "начальником"}}
MENTION_AGAIN: dict[str, list[str]] = {  # a later mention of an official already named
    "ru": ["Позже я узнал[|а] фамилию {who:gen}.", "Я написал[|а] жалобу на {who:acc}, ответа нет.",
           "Я сказал[|а] {who:dat}, что мне плохо, но это не помогло.", "Вместе с {who:ins} там были ещё трое в масках.",
           "Больше всех старал<ся|ась|ись> {who:nom}.", "Лицо {who:gen} я запомнил[|а] навсегда."],
    "be": ["Пазней я даведал[ся|ася] прозвішча {who:gen}.", "Я напісал[|а] скаргу на {who:acc}, адказу няма.",
           "Я сказал[|а] {who:dat}, што мне блага, але гэта не дапамагло.", "Разам з {who:ins} там былі яшчэ трое ў масках.",
           "Твар {who:gen} я [запомніў|запомніла] назаўжды."],
    "en": ["Later I learnt the name of {who:nom}.", "I filed a complaint against {who:nom}; there was no answer.",
           "I told {who:nom} that I felt sick, but it did not help.", "{who:nom} was the most zealous of them."],
}
UNIT_STAFF_SUBJECT = {"ru": "сотрудники {gen}", "be": "супрацоўнікі {gen}", "en": "officers of {name}"}
COURT_SUBJECT = {"ru": "суд", "be": "суд", "en": "the court"}

SELF_INTRODUCTIONS = {
    "ru": ["Меня зовут {name}.", "Меня зовут {name}, мне {age} лет."],
    "be": ["Мяне завуць {name}.", "Мяне завуць {name}, мне {age} гадоў."],
    "en": ["My name is {name}.", "My name is {name}, I am {age}."],
}
PRIVATE_SENTENCES: dict[str, list[tuple[str, str]]] = {  # (template, the private person's sex); never officials
    "ru": [("Со мной в камере была {name}, студентка.", "f"), ("Со мной в камере был {name}, он тоже ничего не сделал.", "m"),
           ("Мой друг {first} видел, как меня задерживали.", "m"), ("Моя сестра {name} искала меня по всем РУВД.", "f"),
           ("Адвокат {name} так и не смог ко мне попасть.", "m")],
    "be": [("Са мной у камеры была {name}, студэнтка.", "f"), ("Мой сябар {first} бачыў, як мяне затрымлівалі.", "m"),
           ("Мая сястра {name} шукала мяне па ўсіх РУУС.", "f")],
    "en": [("My cellmate {name} had done nothing either.", "m"), ("My friend {first} saw them detain me.", "f"),
           ("My sister {name} searched for me in every police station.", "f")],
}
BACKGROUNDS = {
    "ru": ["Я работаю программистом, раньше никогда не участвовал[|а] в политике.", "Мне {age} лет, я живу в Минске.",
           "До этого я ни разу не был[|а] в милиции.", "Я [сам|сама] не ожидал[|а], что всё так получится.",
           "Пишу это, потому что молчать больше не могу."],
    "be": ["Я працую настаўні[кам|цай], раней ніколі не ўдзельнічал[|а] ў палітыцы.", "Мне {age} гадоў, я жыву ў Мінску.",
           "Пішу гэта, бо маўчаць больш не магу."],
    "en": ["I work as an engineer and had never been involved in politics.", "I am {age} and live in Minsk.",
           "I am writing this because I cannot stay silent any longer."],
}
FILLERS = {
    "ru": ["Было очень холодно, нам не давали одеял.", "Телефон у меня сразу забрали.", "В камере на четырёх было человек тридцать.",
           "Кто-то рядом всё время плакал.", "Воды не было до утра, в туалет не выпускали.",
           "Я до сих пор плохо сплю и вздрагиваю от каждого звука.", "Родственникам никто ничего не сообщил.",
           "Свет не выключали всю ночь.", "Протокол я не читал[|а], подписывать отказал[ся|ась].",
           "Мне казалось, что это никогда не кончится.", "У многих были разбиты лица.",
           "Нам кричали, что мы проститутки и наркоманы.", "Врача так и не вызвали.",
           "Есть нам не давали почти сутки.", "Мы спали по очереди, потому что места не было.",
           "Руки от пластиковых стяжек онемели на несколько часов."],
    "be": ["Было вельмі холадна, коўдраў нам не давалі.", "Тэлефон у мяне адразу забралі.", "У камеры на чатырох было чалавек трыццаць.",
           "Нехта побач увесь час плакаў.", "Вады не было да раніцы.", "Я дагэтуль дрэнна сплю.",
           "Сваякам ніхто нічога не паведаміў.", "Святло не выключалі ўсю ноч.", "Лекара так і не выклікалі.",
           "Пратакол я не чытал[|а], падпісваць адмовіл[ся|ася].", "Нам крычалі, што мы прастытуткі і наркаманы.",
           "Мне здавалася, што гэта ніколі не скончыцца.", "У многіх былі разбітыя твары.",
           "Есці нам не давалі амаль суткі.", "У двары пахла гарэлым і потам.", "Мы спалі па чарзе, бо месца не было."],
    "en": ["It was very cold and they gave us no blankets.", "They took my phone straight away.",
           "There were about thirty people in a cell for four.", "Someone next to me was crying all the time.",
           "There was no water until the morning.", "I still sleep badly.", "Nobody told my family anything.",
           "The light stayed on all night.", "They never called a doctor.",
           "I did not read the report and refused to sign it.", "They shouted that we were prostitutes and drug addicts.",
           "It felt as if it would never end.", "Many people had their faces smashed.",
           "We got almost no food for a day.", "We slept in turns because there was no room to lie down.",
           "My hands were numb from the cable ties for hours."],
}
CLOSINGS = {
    "ru": ["Меня отпустили через трое суток.", "После освобождения я снял[|а] побои в больнице.", "Сейчас я в безопасности.",
           "Я готов[|а] дать показания в любом суде."],
    "be": ["Мяне адпусцілі праз трое сутак.", "Пасля вызвалення я [зафіксаваў|зафіксавала] пабоі ў бальніцы.",
           "Я гатовы[|я] даць паказанні ў любым судзе."],
    "en": ["I was released three days later.", "After my release I had my injuries recorded at a hospital.",
           "I am ready to testify in any court."],
}


def _district(ru_stem: str, be_adjective: str, en: str) -> dict[str, dict[str, str]]:
    """A Minsk district police department (РУВД / РУУС) from its adjective stems."""
    be_stem = be_adjective[:-1]
    be_gen, be_loc = be_stem + "ага", be_stem + ("ім" if be_adjective.endswith("і") else "ым")
    ru_neuter = ru_stem + "ое"
    return {"ru": {"nom": f"{ru_neuter} РУВД", "gen": f"{ru_stem}ого РУВД", "to": f"в {ru_neuter} РУВД",
                   "at": f"в {ru_stem}ом РУВД"},
            "be": {"nom": f"{be_adjective} РУУС", "gen": f"{be_gen} РУУС", "to": f"у {be_adjective} РУУС",
                   "at": f"у {be_loc} РУУС"},
            "en": {"name": f"the {en} district police department", "to": f"to the {en} RUVD",
                   "at": f"at the {en} RUVD"}}


def _court(ru_district_gen: str, be_district_gen: str, en: str) -> dict[str, dict[str, str]]:
    return {"ru": {"nom": f"суд {ru_district_gen} района", "gen": f"суда {ru_district_gen} района",
                   "to": f"в суд {ru_district_gen} района", "at": f"в суде {ru_district_gen} района"},
            "be": {"nom": f"суд {be_district_gen} раёна", "gen": f"суда {be_district_gen} раёна",
                   "to": f"у суд {be_district_gen} раёна", "at": f"у судзе {be_district_gen} раёна"},
            "en": {"name": f"the {en} District Court", "to": f"to the {en} District Court",
                   "at": f"at the {en} District Court"}}


def _plain(ru: tuple[str, str, str, str], be: tuple[str, str, str, str], en: tuple[str, str, str]) -> dict[str, dict[str, str]]:
    return {"ru": dict(zip(("nom", "gen", "to", "at"), ru)), "be": dict(zip(("nom", "gen", "to", "at"), be)),
            "en": dict(zip(("name", "to", "at"), en))}


DISTRICTS = {  # Minsk district slug -> (Russian stem, Belarusian adjective, English)
    "zavodskoy": ("Заводск", "Заводскі", "Zavodsky"), "leninsky": ("Ленинск", "Ленінскі", "Leninsky"),
    "moskovsky": ("Московск", "Маскоўскі", "Moskovsky"), "oktyabrsky": ("Октябрьск", "Кастрычніцкі", "Oktyabrsky"),
    "partizansky": ("Партизанск", "Партызанскі", "Partizansky"), "pervomaisky": ("Первомайск", "Першамайскі", "Pervomaisky"),
    "sovetsky": ("Советск", "Савецкі", "Sovetsky"), "frunzensky": ("Фрунзенск", "Фрунзенскі", "Frunzensky"),
    "tsentralny": ("Центральн", "Цэнтральны", "Tsentralny"),
}
UNIT_TEXT: dict[str, dict[str, dict[str, str]]] = {  # unit id (nlp/data/units.jsonl) -> language -> forms
    "unit:omon-minsk": _plain(("ОМОН", "ОМОНа", "на базу ОМОНа", "на базе ОМОНа"),
                              ("АМАП", "АМАПа", "на базу АМАПа", "на базе АМАПа"),
                              ("Minsk OMON", "to the OMON base", "at the OMON base")),
    "unit:mvd-gubopik": _plain(("ГУБОПиК", "ГУБОПиКа", "в ГУБОПиК", "в ГУБОПиКе"),
                               ("ГУБАЗіК", "ГУБАЗіКа", "у ГУБАЗіК", "у ГУБАЗіКу"),
                               ("GUBOPiK", "to GUBOPiK", "at GUBOPiK")),
    "unit:tsip-minsk": _plain(("ЦИП на Окрестина", "ЦИП на Окрестина", "в ЦИП на Окрестина", "в ЦИП на Окрестина"),
                              ("ЦІП на Акрэсціна", "ЦІП на Акрэсціна", "у ЦІП на Акрэсціна", "у ЦІП на Акрэсціна"),
                              ("the Okrestina detention centre", "to the Okrestina detention centre",
                               "at the Okrestina detention centre")),
    "unit:ivs-minsk": _plain(("ИВС на Окрестина", "ИВС на Окрестина", "в ИВС на Окрестина", "в ИВС на Окрестина"),
                             ("ІЧУ на Акрэсціна", "ІЧУ на Акрэсціна", "у ІЧУ на Акрэсціна", "у ІЧУ на Акрэсціна"),
                             ("the Okrestina IVS", "to the IVS on Okrestina street", "at the IVS on Okrestina street")),
    "unit:kgb": _plain(("КГБ", "КГБ", "в КГБ", "в КГБ"), ("КДБ", "КДБ", "у КДБ", "у КДБ"),
                       ("the KGB", "to the KGB building", "at the KGB")),
    "unit:omon-gomel": _plain(("Гомельский ОМОН", "Гомельского ОМОНа", "на базу Гомельского ОМОНа",
                               "на базе Гомельского ОМОНа"),
                              ("Гомельскі АМАП", "Гомельскага АМАПа", "на базу Гомельскага АМАПа",
                               "на базе Гомельскага АМАПа"),
                              ("Gomel OMON", "to the Gomel OMON base", "at the Gomel OMON base")),
    "unit:rovd-gomel-sovetsky": _plain(("Советский РОВД Гомеля", "Советского РОВД Гомеля", "в Советский РОВД Гомеля",
                                        "в Советском РОВД Гомеля"),
                                       ("Савецкі РАУС Гомеля", "Савецкага РАУС Гомеля", "у Савецкі РАУС Гомеля",
                                        "у Савецкім РАУС Гомеля"),
                                       ("the Sovetsky district police of Gomel", "to the Sovetsky police station in Gomel",
                                        "at the Sovetsky police station in Gomel")),
    **{f"unit:ruvd-minsk-{slug}": _district(*names) for slug, names in DISTRICTS.items()},
    **{f"unit:court-minsk-{slug}": _court(ru + "ого", be[:-1] + "ага", en)
       for slug, (ru, be, en) in DISTRICTS.items() if slug in ("sovetsky", "frunzensky", "partizansky", "moskovsky",
                                                               "tsentralny", "leninsky")},
}
